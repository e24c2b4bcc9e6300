"""The learned sentence classifier: clusters and themes with calibrated scores.

    meta = train("corpora/labels/train.jsonl", load_taxonomy(), Path("corpora/models/ningbo-361-2023"))
    clf = load_classifier("corpora/models/ningbo-361-2023")      # once per process
    clf.predict(["推动新能源汽车产业发展。"], [None])              # [(clusters, themes)]
    evaluate_labels(clf, "corpora/labels/test.jsonl")          # per-label P/R/F1 + micro

The artefact is a joblib file plus metadata.json (labels, thresholds, library
versions, training-data and taxonomy hashes, the artefact's own sha256).
"""

from __future__ import annotations

import hashlib
import json
import logging
import platform
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import jieba
import joblib
import numpy as np
import scipy
import sklearn

from nlp.classifier_eval import Report, evaluate_labels, read_jsonl
from nlp.classifier_features import Featurizer, evidence, innermost_heading, prepare
from nlp.classifier_neighbours import Neighbours
from nlp.classifier_train import (
    Config,
    LabelModel,
    choose,
    cross_stacked,
    decide,
    f1,
    fit_label,
    fit_stacker,
    group_folds,
    out_of_fold,
    positive_proba,
    stacked_proba,
)
from nlp.labels import LabelPair, LexiconLabeller, with_implied_themes
from nlp.records import Label
from nlp.segmenter import make_tokenizer
from nlp.taxonomy import Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
MODELS_DIR = ROOT / "corpora" / "models"
TRAIN_DATA = ROOT / "corpora" / "labels" / "train.jsonl"
MODEL_FILE = "model.joblib"
# Bump when the features or the model bundle change shape: older artefacts are then retrained.
MODEL_FORMAT = 4  # 4: a list of parts, each a feature space with the label models of some kinds
META_FILE = "metadata.json"
KINDS = ("clusters", "themes")
NAMED_LIST = 2  # clusters called by their own names in one sentence: a list of clusters
NAMED_THEME_SCORE = 0.9  # at least: 58 of the 60 train sentences that name a theme carry it
__all__ = [
    "Classifier",
    "ModelError",
    "ensure_model",
    "evaluate_labels",
    "load_classifier",
    "train",
    "Report",
]


log = logging.getLogger(__name__)


class ModelError(RuntimeError):
    """A saved model that is missing, altered, or built for another taxonomy or library."""


def library_versions() -> dict[str, str]:
    return {
        "python": platform.python_version(),
        "scikit-learn": sklearn.__version__,
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "jieba": jieba.__version__,
        "joblib": joblib.__version__,
    }


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Part:
    """One fitted feature space and the label models of the kinds fitted on its rows (clusters and
    themes share one part unless some rows are labelled for one kind only)."""

    featurizer: Featurizer
    models: dict[str, list[LabelModel]]
    neighbours: Neighbours | None


class Classifier:
    """Predict-only; holds the fitted parts (features, one model per label) and the tokenizer."""

    def __init__(
        self, taxonomy: Taxonomy, tokenizer: jieba.Tokenizer, parts: list[Part], metadata: dict[str, Any]
    ) -> None:
        self.taxonomy = taxonomy
        self.tokenizer = tokenizer
        self.parts = parts
        self.models = {kind: m for part in parts for kind, m in part.models.items()}
        if sorted(self.models) != sorted(KINDS):
            raise ModelError(f"the model's parts cover {sorted(self.models)}, not {list(KINDS)}")
        self.metadata = metadata
        self.lexicon = LexiconLabeller(taxonomy)

    def predict(self, texts: list[str], contexts: list[str | None] | None = None) -> list[LabelPair]:
        return self.label(texts, contexts)[0]

    def probabilities(
        self, texts: list[str], contexts: list[str | None] | None = None
    ) -> dict[str, np.ndarray]:
        """Per kind, every label's probability for every sentence (rows: sentences, columns: the
        taxonomy's labels); NaN where the lexicon decides the label, which has no probability."""
        return self.label(texts, contexts)[1]

    def label(
        self, texts: list[str], contexts: list[str | None] | None = None
    ) -> tuple[list[LabelPair], dict[str, np.ndarray]]:
        """The chosen labels of each sentence and, per kind, every label's probability (one pass)."""
        contexts = contexts if contexts is not None else [None] * len(texts)
        if len(contexts) != len(texts):
            raise ValueError("texts and contexts differ in length")
        if not texts:
            return [], {kind: np.zeros((0, len(self.models[kind]))) for kind in KINDS}
        readings = [self.lexicon.read(t) for t in texts]  # read once: features, verdicts, inheritance
        data = prepare(texts, contexts, self.tokenizer, self.lexicon, readings)
        lexical = self.lexicon.predict(texts, [innermost_heading(c) for c in contexts], readings)
        proba, columns = {}, {}
        for part in self.parts:
            x = part.featurizer.transform(data)
            shares = part.neighbours.shares(x) if part.neighbours else {}
            for kind in part.models:
                k = KINDS.index(kind)
                labels = [m.label for m in self.models[kind]]
                lex = np.array([[_score_of(pair[k], name) for name in labels] for pair in lexical])
                proba[kind] = self._probabilities(kind, data, x, lex, shares.get(kind))
                columns[kind] = self._labels(kind, proba[kind], lex)
        named = self._with_named(texts, readings, columns["clusters"])
        clusters = self._inherit(readings, named, lexical)
        named_themes = self._with_named_themes(texts, columns["themes"], proba["themes"])
        pairs = [
            (own, with_implied_themes(self.taxonomy, own, themes))
            for own, themes in zip(clusters, named_themes, strict=True)
        ]
        return pairs, proba

    def _with_named(
        self, texts: list[str], readings: list[LabelPair], clusters: list[list[Label]]
    ) -> list[list[Label]]:
        """A sentence that calls several clusters by their names lists them (四年后的宁波将形成
        数字产业、绿色石化、高端装备…): each named one is meant, however long the list.  The
        models read a long list as diluted evidence and can drop a name from it."""
        out = list(clusters)
        for i, labels in enumerate(clusters):
            if len(readings[i][0]) < NAMED_LIST:  # cheap filter: the lexicon found too few clusters
                continue
            named = self.lexicon.named_clusters(texts[i])
            have = {lab.label for lab in labels}
            if len(named) < NAMED_LIST or named <= have:
                continue
            added = [lab for lab in readings[i][0] if lab.label in named - have]
            out[i] = sorted([*labels, *added], key=lambda lab: -lab.score)
        return out

    def _with_named_themes(
        self, texts: list[str], themes: list[list[Label]], proba: np.ndarray
    ) -> list[list[Label]]:
        """A sentence that calls a theme by its own name (以绿色化、新型化、高端化为主要特征) is about
        it, as SCHEMA.md defines the themes by these names.  No labelled sentence says 新型化, and
        in a long list of clusters the models read 高端化 as diluted evidence."""
        out = list(themes)
        names = [m.label for m in self.models["themes"]]
        for i, labels in enumerate(themes):
            missing = self.lexicon.named_themes(texts[i]) - {lab.label for lab in labels}
            if not missing:
                continue
            # every theme has a column; NaN where the lexicon decides it
            added = [
                Label(
                    label=name,
                    score=round(max(float(np.nan_to_num(proba[i, names.index(name)])), NAMED_THEME_SCORE), 3),
                )
                for name in missing
            ]
            out[i] = sorted([*labels, *added], key=lambda lab: -lab.score)
        return out

    @staticmethod
    def _inherit(
        readings: list[LabelPair], clusters: list[list[Label]], lexical: list[LabelPair]
    ) -> list[list[Label]]:
        """A sentence that names no cluster takes the one its heading names (the lexicon's
        inherited labels): the labelled data has too few such sentences to learn it."""
        out = list(clusters)
        for i, labels in enumerate(clusters):
            if not labels and lexical[i][0] and not readings[i][0]:
                out[i] = lexical[i][0]
        return out

    def _probabilities(
        self, kind: str, data: Any, x: Any, lex: np.ndarray, shares: np.ndarray | None
    ) -> np.ndarray:
        """(sentences, labels): the stacked (or base) model's probability; NaN for lexicon labels.
        `lex`: the lexicon's score of every label of the kind (sentences, labels)."""
        out = np.full(lex.shape, np.nan)
        n_clusters = len(self.taxonomy.cluster_labels)
        for j, m in enumerate(self.models[kind]):
            if _lexicon_decides(m):
                continue
            proba = positive_proba(m.estimator, x)
            if m.source == "stack":
                share = shares[:, j] if shares is not None else None
                evid = evidence(data.lexical, lex[:, j] > 0, kind, j, n_clusters, share)
                proba = stacked_proba(m.stacker, proba, evid)
            out[:, j] = proba
        return out

    def _labels(self, kind: str, proba: np.ndarray, lex: np.ndarray) -> list[list[Label]]:
        """Per sentence, the chosen labels of one kind with a score in [0, 1], best first."""
        out: list[list[Label]] = [[] for _ in range(len(lex))]
        for j, m in enumerate(self.models[kind]):
            if _lexicon_decides(m):  # and its score is the score
                chosen, score = lex[:, j] > 0, lex[:, j]
            else:
                chosen = decide(m.source, proba[:, j], m.threshold, lex[:, j] > 0)
                # the model's probability, or the lexicon's score where it decided ("either")
                score = np.where(proba[:, j] >= m.threshold, proba[:, j], lex[:, j])
            for i in np.flatnonzero(chosen):
                out[i].append(Label(label=m.label, score=round(float(score[i]), 3)))
        return [sorted(labels, key=lambda lab: -lab.score) for labels in out]


def _lexicon_decides(m: LabelModel) -> bool:
    return m.source == "lexicon" or m.estimator is None


def _score_of(labels: list[Label], name: str) -> float:
    return next((lab.score for lab in labels if lab.label == name), 0.0)


def row_kinds(row: dict[str, Any]) -> tuple[str, ...]:
    """The kinds a training row is labelled for: both, unless it says (`"kinds": ["themes"]`)."""
    return tuple(row.get("kinds", KINDS))


def _targets(rows: list[dict[str, Any]], kind: str, labels: list[str]) -> np.ndarray:
    return np.array([[label in row.get(kind, []) for label in labels] for row in rows], dtype=bool)


def _lexical(pairs: list[LabelPair], k: int, labels: list[str]) -> np.ndarray:
    return np.array([[lab in {x.label for x in pair[k]} for lab in labels] for pair in pairs], dtype=bool)


def training_rows(data_path: str | Path, taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """The `train` rows of a labelled JSONL file in a fixed order; their labels must be the taxonomy's."""
    rows = [r for r in read_jsonl(data_path) if r.get("split", "train") == "train"]
    rows.sort(key=lambda r: (r.get("doc") or "", r["text"], r.get("context") or ""))  # order-independent
    if not rows:
        raise ValueError(f"{data_path}: no training rows")
    odd = sorted({k for r in rows for k in row_kinds(r)} - set(KINDS))
    if odd:
        raise ValueError(f"{data_path}: kinds {odd} are not {list(KINDS)}")
    known = set(taxonomy.cluster_labels) | set(taxonomy.theme_labels)
    unknown = sorted({lab for r in rows for kind in KINDS for lab in r.get(kind, [])} - known)
    if unknown:
        raise ValueError(f"{data_path}: labels {unknown[:5]} are not in taxonomy {taxonomy.name}")
    return rows


@dataclass
class Fitted:
    """Everything `fit` learns; `train` saves the parts."""

    parts: list[Part]
    validation: dict[str, Any]


def fit(rows: list[dict[str, Any]], taxonomy: Taxonomy, config: Config, tokenizer: jieba.Tokenizer) -> Fitted:
    """Choose and fit every label's decision (grouped CV inside); nothing is saved.  Kinds learned
    from the same rows share a part; a kind with rows of its own (written news labelled for
    themes only) gets a part of its own, so those rows never reach the other kind's models."""
    by_rows: dict[tuple[int, ...], list[str]] = {}
    for kind in KINDS:
        used = tuple(i for i, r in enumerate(rows) if kind in row_kinds(r))
        by_rows.setdefault(used, []).append(kind)
    parts: list[Part] = []
    validation: dict[str, Any] = {}
    for used, kinds in by_rows.items():
        part, checked = fit_part([rows[i] for i in used], tuple(kinds), taxonomy, config, tokenizer)
        parts.append(part)
        validation |= checked
    return Fitted(parts, validation)


def fit_part(
    rows: list[dict[str, Any]],
    kinds: tuple[str, ...],
    taxonomy: Taxonomy,
    config: Config,
    tokenizer: jieba.Tokenizer,
) -> tuple[Part, dict[str, Any]]:
    """One feature space fitted on `rows` and the decisions of every label of `kinds`."""
    lexicon = LexiconLabeller(taxonomy)
    texts, contexts = [r["text"] for r in rows], [r.get("context") for r in rows]
    groups = [r.get("doc") or r["text"] for r in rows]
    data = prepare(texts, contexts, tokenizer, lexicon)
    lexical = lexicon.predict(texts, [innermost_heading(c) for c in contexts])
    featurizer = config.featurizer()
    x = featurizer.fit_transform(data)
    models: dict[str, list[LabelModel]] = {}
    validation: dict[str, Any] = {}
    folds = group_folds(groups, config.folds)
    n_clusters = len(taxonomy.cluster_labels)
    label_sets = {
        kind: taxonomy.cluster_labels if kind == "clusters" else taxonomy.theme_labels for kind in kinds
    }
    targets = {kind: _targets(rows, kind, labels) for kind, labels in label_sets.items()}
    oof, oof_shares = out_of_fold(data, targets, groups, config)
    for kind in kinds:
        k = KINDS.index(kind)
        labels, y = label_sets[kind], targets[kind]
        lex = _lexical(lexical, k, labels)
        evid = [
            evidence(
                data.lexical,
                lex[:, j],
                kind,
                j,
                n_clusters,
                oof_shares[kind][:, j] if config.neighbours else None,
            )
            for j in range(len(labels))
        ]
        models[kind], chosen = [], []
        for j, (label, ch) in enumerate(
            zip(labels, choose(y, oof[kind], lex, config, evid, folds), strict=True)
        ):
            est = fit_label(x, y[:, j], config, ch.C) if ch.source != "lexicon" else None
            source = ch.source if est is not None else "lexicon"
            proba = oof[kind][config.c_grid.index(ch.C), :, j] if est is not None else np.zeros(len(rows))
            stacker = fit_stacker(proba, evid[j], y[:, j]) if source == "stack" else None
            models[kind].append(
                LabelModel(
                    label, est, ch.threshold, source, round(ch.f1, 4), round(ch.lexicon_f1, 4), ch.C, stacker
                )
            )
            if source == "stack":
                proba = cross_stacked(proba, evid[j], y[:, j], folds)
            chosen.append(decide(source, proba, ch.threshold, lex[:, j]))
        # optimistic: the settings were chosen on these same out-of-fold predictions
        validation[kind] = {"oof_micro_f1_tuned": round(f1(y, np.column_stack(chosen)), 4)}
    neighbours = (
        Neighbours.fit(featurizer, x, targets, config.neighbours, config.neighbour_max_df)
        if config.neighbours
        else None
    )
    return Part(featurizer, models, neighbours), validation


def train(
    data_path: str | Path,
    taxonomy: Taxonomy,
    out_dir: str | Path,
    config: Config | None = None,
    tokenizer: jieba.Tokenizer | None = None,
) -> dict[str, Any]:
    """Fit on the `train` split of a labelled JSONL file; save model + metadata; return the metadata."""
    config = config or Config()
    data_path, out_dir = Path(data_path), Path(out_dir)
    rows = training_rows(data_path, taxonomy)
    tokenizer = tokenizer or make_tokenizer(taxonomy.dictionary_words())
    fitted = fit(rows, taxonomy, config, tokenizer)
    models = {kind: m for part in fitted.parts for kind, m in part.models.items()}
    out_dir.mkdir(parents=True, exist_ok=True)
    bundle = {"parts": fitted.parts}
    joblib.dump(bundle, out_dir / MODEL_FILE, compress=3)
    metadata = {
        "format": MODEL_FORMAT,
        "taxonomy": {"name": taxonomy.name, "version": taxonomy.version},
        "labels": {kind: [asdict_label(m) for m in models[kind]] for kind in KINDS},
        "config": asdict(config),
        "training_data": {
            "path": data_path.name,
            "sha256": sha256_file(data_path),
            "rows": len(rows),
            "rows_per_kind": {kind: sum(kind in row_kinds(r) for r in rows) for kind in KINDS},
        },
        "validation": fitted.validation,
        "libraries": library_versions(),
        "artefact_sha256": sha256_file(out_dir / MODEL_FILE),
    }
    text = json.dumps(metadata, ensure_ascii=False, indent=2) + "\n"
    (out_dir / META_FILE).write_text(text, encoding="utf-8")
    return json.loads(text)  # tuples as lists, exactly as a reader sees them


def asdict_label(m: LabelModel) -> dict[str, Any]:
    return {
        "label": m.label,
        "source": m.source,
        "C": m.C,
        "threshold": m.threshold,
        "validation_f1": m.validation_f1,
        "lexicon_f1": m.lexicon_f1,
    }


def load_classifier(
    path: str | Path,
    taxonomy: Taxonomy | None = None,
    tokenizer: jieba.Tokenizer | None = None,
    data_path: str | Path | None = None,
) -> Classifier:
    """Load a saved classifier after checking its metadata; call once per process."""
    path = Path(path)
    meta_path, model_path = path / META_FILE, path / MODEL_FILE
    if not meta_path.exists() or not model_path.exists():
        raise ModelError(f"{path}: no {META_FILE}/{MODEL_FILE}; train one with nlp.classifier.train")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    taxonomy = taxonomy or load_taxonomy(meta["taxonomy"]["name"])
    check_metadata(meta, taxonomy, model_path, data_path)
    bundle = joblib.load(model_path)  # only after the artefact's sha256 matched its metadata
    tokenizer = tokenizer or make_tokenizer(taxonomy.dictionary_words())
    return Classifier(taxonomy, tokenizer, bundle["parts"], meta)


def check_metadata(
    meta: dict[str, Any], taxonomy: Taxonomy, model_path: Path, data_path: str | Path | None = None
) -> None:
    if meta.get("format") != MODEL_FORMAT:
        raise ModelError(
            f"model format {meta.get('format')} is not {MODEL_FORMAT} (features changed): retrain it"
        )
    want = {"name": taxonomy.name, "version": taxonomy.version}
    if meta["taxonomy"] != want:
        raise ModelError(f"model built for taxonomy {meta['taxonomy']}, not {want}: retrain it")
    for kind, labels in (("clusters", taxonomy.cluster_labels), ("themes", taxonomy.theme_labels)):
        if [m["label"] for m in meta["labels"][kind]] != labels:
            raise ModelError(f"model {kind} labels differ from taxonomy {taxonomy.name}: retrain it")
    have, need = library_versions(), meta["libraries"]
    for lib in ("scikit-learn", "numpy", "scipy", "jieba"):
        if have[lib].split(".")[:2] != need[lib].split(".")[:2]:
            raise ModelError(f"model saved with {lib} {need[lib]}, running {have[lib]}: retrain it")
    if sha256_file(model_path) != meta["artefact_sha256"]:
        raise ModelError(f"{model_path}: sha256 differs from its metadata (altered or truncated)")
    if data_path is not None and sha256_file(Path(data_path)) != meta["training_data"]["sha256"]:
        raise ModelError(f"{data_path}: training data changed since the model was built")


def ensure_model(
    taxonomy_name: str,
    models_dir: str | Path = MODELS_DIR,
    data_path: str | Path = TRAIN_DATA,
    config: Config | None = None,
) -> Path:
    """The folder of a usable saved classifier for `taxonomy_name`, retraining it if needed.

    The artefact in models_dir/<taxonomy> is kept when it loads and its metadata
    fits this taxonomy, these library versions and the current training data;
    otherwise (missing, altered, stale or built with other library versions) it
    is retrained from `data_path`, deterministically, into a temporary folder
    that then replaces it.  Raises ModelError when no model can be built (e.g.
    the labelled data does not use this taxonomy's labels).
    """
    taxonomy = load_taxonomy(taxonomy_name)
    target = Path(models_dir) / taxonomy.name
    try:
        meta = json.loads((target / META_FILE).read_text(encoding="utf-8"))
        check_metadata(meta, taxonomy, target / MODEL_FILE, data_path)
        joblib.load(target / MODEL_FILE)
        return target
    except (OSError, ValueError, KeyError, ModelError) as err:
        log.warning("retraining %s: %s", target, err)
    except Exception as err:  # noqa: BLE001 — an artefact that cannot be unpickled is retrained
        log.warning("retraining %s: cannot load (%s)", target, type(err).__name__)
    staging = target.with_name(target.name + ".new")
    shutil.rmtree(staging, ignore_errors=True)
    try:
        train(data_path, taxonomy, staging, config)
    except ValueError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise ModelError(f"cannot train a model for {taxonomy.name}: {err}") from err
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target
