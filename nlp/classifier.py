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
import platform
from dataclasses import asdict
from pathlib import Path
from typing import Any

import jieba
import joblib
import numpy as np
import scipy
import sklearn

from nlp.classifier_eval import Report, evaluate_labels, read_jsonl
from nlp.classifier_features import Featurizer
from nlp.classifier_train import (
    Config,
    LabelModel,
    choose,
    fit_label,
    out_of_fold,
    positive_proba,
)
from nlp.labels import LabelPair, LexiconLabeller
from nlp.records import Label
from nlp.segmenter import make_tokenizer
from nlp.taxonomy import Taxonomy, load_taxonomy

MODEL_FILE = "model.joblib"
META_FILE = "metadata.json"
KINDS = ("clusters", "themes")
__all__ = ["Classifier", "ModelError", "evaluate_labels", "load_classifier", "train", "Report"]


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


class Classifier:
    """Predict-only; holds the fitted features, one model per label and the tokenizer."""

    def __init__(
        self,
        taxonomy: Taxonomy,
        tokenizer: jieba.Tokenizer,
        featurizer: Featurizer,
        models: dict[str, list[LabelModel]],
        metadata: dict[str, Any],
    ) -> None:
        self.taxonomy = taxonomy
        self.tokenizer = tokenizer
        self.featurizer = featurizer
        self.models = models
        self.metadata = metadata
        self.lexicon = LexiconLabeller(taxonomy)

    def predict_proba(self, texts: list[str], contexts: list[str | None]) -> dict[str, np.ndarray]:
        x = self.featurizer.transform(texts, contexts, self.tokenizer, self.lexicon)
        lexical = self.lexicon.predict(texts, contexts)
        out = {}
        for k, kind in enumerate(KINDS):
            cols = []
            for m in self.models[kind]:
                if m.source == "model":
                    cols.append(positive_proba(m.estimator, x))
                else:  # lexicon scores stand in for probabilities
                    cols.append(np.array([_score_of(pair[k], m.label) for pair in lexical]))
            out[kind] = np.column_stack(cols) if cols else np.zeros((len(texts), 0))
        return out

    def predict(self, texts: list[str], contexts: list[str | None] | None = None) -> list[LabelPair]:
        contexts = contexts if contexts is not None else [None] * len(texts)
        if len(contexts) != len(texts):
            raise ValueError("texts and contexts differ in length")
        if not texts:
            return []
        proba = self.predict_proba(texts, contexts)
        result: list[LabelPair] = []
        for i in range(len(texts)):
            pair = tuple(self._labels(kind, proba[kind][i]) for kind in KINDS)
            result.append(pair)  # type: ignore[arg-type]
        return result

    def _labels(self, kind: str, row: np.ndarray) -> list[Label]:
        chosen = [
            Label(label=m.label, score=round(float(p), 3))
            for m, p in zip(self.models[kind], row, strict=True)
            if p >= m.threshold
        ]
        return sorted(chosen, key=lambda lab: -lab.score)


def _score_of(labels: list[Label], name: str) -> float:
    return next((lab.score for lab in labels if lab.label == name), 0.0)


def _targets(rows: list[dict[str, Any]], kind: str, labels: list[str]) -> np.ndarray:
    return np.array([[label in row.get(kind, []) for label in labels] for row in rows], dtype=bool)


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
    rows = [r for r in read_jsonl(data_path) if r.get("split", "train") == "train"]
    rows.sort(key=lambda r: (r.get("doc") or "", r["text"], r.get("context") or ""))  # order-independent
    if not rows:
        raise ValueError(f"{data_path}: no training rows")
    tokenizer = tokenizer or make_tokenizer(taxonomy.dictionary_words())
    lexicon = LexiconLabeller(taxonomy)
    texts, contexts = [r["text"] for r in rows], [r.get("context") for r in rows]
    groups = [r.get("doc") or r["text"] for r in rows]
    lexical = lexicon.predict(texts, contexts)

    featurizer = Featurizer.new(config.use_lexicon)
    x = featurizer.fit_transform(texts, contexts, tokenizer, lexicon)
    models: dict[str, list[LabelModel]] = {}
    validation: dict[str, dict[str, Any]] = {}
    for k, kind in enumerate(KINDS):
        labels = taxonomy.cluster_labels if kind == "clusters" else taxonomy.theme_labels
        y = _targets(rows, kind, labels)
        lex = np.array([[lab in {x.label for x in pair[k]} for lab in labels] for pair in lexical])
        oof = out_of_fold(texts, contexts, y, groups, tokenizer, lexicon, config)
        models[kind] = []
        for j, (label, (source, thr, mf1, lf1)) in enumerate(
            zip(labels, choose(labels, y, oof, lex), strict=True)
        ):
            est = fit_label(x, y[:, j], config) if source == "model" else None
            source = source if est is not None else "lexicon"
            threshold = thr if source == "model" else 0.5
            models[kind].append(LabelModel(label, est, threshold, source, round(mf1, 4), round(lf1, 4)))
        validation[kind] = {"oof_micro_f1": round(_micro(y, oof, models[kind], lex), 4)}

    out_dir.mkdir(parents=True, exist_ok=True)
    joblib.dump({"featurizer": featurizer, "models": models}, out_dir / MODEL_FILE, compress=3)
    metadata = {
        "format": 1,
        "taxonomy": {"name": taxonomy.name, "version": taxonomy.version},
        "labels": {kind: [asdict_label(m) for m in models[kind]] for kind in KINDS},
        "config": asdict(config),
        "training_data": {"path": data_path.name, "sha256": sha256_file(data_path), "rows": len(rows)},
        "validation": validation,
        "libraries": library_versions(),
        "artefact_sha256": sha256_file(out_dir / MODEL_FILE),
    }
    (out_dir / META_FILE).write_text(
        json.dumps(metadata, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return metadata


def asdict_label(m: LabelModel) -> dict[str, Any]:
    return {
        "label": m.label,
        "source": m.source,
        "threshold": m.threshold,
        "validation_f1": m.validation_f1,
        "lexicon_f1": m.lexicon_f1,
    }


def _micro(y: np.ndarray, oof: np.ndarray, models: list[LabelModel], lex: np.ndarray) -> float:
    pred = np.column_stack(
        [oof[:, j] >= m.threshold if m.source == "model" else lex[:, j] for j, m in enumerate(models)]
    )
    tp = float((pred & y).sum())
    return 2 * tp / float(pred.sum() + y.sum()) if pred.sum() + y.sum() else 0.0


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
    return Classifier(taxonomy, tokenizer, bundle["featurizer"], bundle["models"], meta)


def check_metadata(
    meta: dict[str, Any], taxonomy: Taxonomy, model_path: Path, data_path: str | Path | None = None
) -> None:
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
