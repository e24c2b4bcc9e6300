"""Measuring labellers: per-label P/R/F1 on labelled sentences, and anchor F1
on gold files with the semantics of ../shared/tools/score.py."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from nlp.labels import Labeller

KINDS = ("clusters", "themes")
BOOTSTRAP_DRAWS = 1000
BOOTSTRAP_SEED = 361
WS = re.compile(r"\s+")
ROUGH_SPLIT = re.compile(r"(?<=[。！？；!?;])|\n+")


def prf(tp: float, fp: float, fn: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from (possibly weighted) counts; 0 where undefined."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, want: set[str], got: set[str]) -> None:
        self.tp += len(want & got)
        self.fp += len(got - want)
        self.fn += len(want - got)

    @property
    def prf(self) -> tuple[float, float, float]:
        return prf(self.tp, self.fp, self.fn)


@dataclass
class Report:
    """Per-label and micro-averaged counts for clusters and themes."""

    per_label: dict[str, dict[str, Counts]] = field(default_factory=lambda: {k: {} for k in KINDS})
    micro: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    confusions: dict[str, Counter[tuple[str, str]]] = field(
        default_factory=lambda: {k: Counter() for k in KINDS}
    )
    # (tp, fp, fn) of every sentence in order, for bootstrap intervals
    sentences: dict[str, list[tuple[int, int, int]]] = field(default_factory=lambda: {k: [] for k in KINDS})
    n: int = 0

    def add(self, kind: str, want: set[str], got: set[str]) -> None:
        self.micro[kind].add(want, got)
        self.sentences[kind].append((len(want & got), len(got - want), len(want - got)))
        for label in want | got:
            self.per_label[kind].setdefault(label, Counts()).add(want & {label}, got & {label})
        for missed in want - got:  # which wrong label stood in for a missed one
            for extra in got - want or {"∅"}:
                self.confusions[kind][(missed, extra)] += 1
        for extra in got - want if not want - got else ():
            self.confusions[kind][("∅", extra)] += 1

    def micro_f1(self, kind: str) -> float:
        return self.micro[kind].prf[2]

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"n": self.n}
        for kind in KINDS:
            p, r, f = self.micro[kind].prf
            out[kind] = {
                "micro": {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)},
                "labels": {
                    lab: dict(zip(("p", "r", "f1"), (round(x, 4) for x in c.prf), strict=True))
                    | {"support": c.tp + c.fn}
                    for lab, c in sorted(self.per_label[kind].items())
                },
                "confusions": [
                    {"gold": g, "predicted": p_, "count": n}
                    for (g, p_), n in self.confusions[kind].most_common(10)
                ],
            }
        return out


def bootstrap_interval(
    learned: Report, baseline: Report, kind: str, draws: int = BOOTSTRAP_DRAWS
) -> tuple[tuple[float, float], tuple[float, float] | None]:
    """95% intervals of `learned`'s micro-F1 and of its gain over `baseline` (paired: the
    same resampled sentences score both), from a seeded bootstrap over sentences.  The gain
    interval is None when the two reports did not score the same sentences."""
    a = np.array(learned.sentences[kind], dtype=float).reshape(-1, 3)
    b = np.array(baseline.sentences[kind], dtype=float).reshape(-1, 3)
    if not len(a):
        return (0.0, 0.0), None
    idx = np.random.default_rng(BOOTSTRAP_SEED).integers(0, len(a), size=(draws, len(a)))

    def f1s(counts: np.ndarray) -> np.ndarray:
        tp, fp, fn = (counts[idx, k].sum(axis=1) for k in range(3))
        denom = 2 * tp + fp + fn
        return np.divide(2 * tp, denom, out=np.zeros_like(denom), where=denom > 0)

    own = f1s(a)
    interval = (float(np.percentile(own, 2.5)), float(np.percentile(own, 97.5)))
    if len(b) != len(a):
        return interval, None
    gain = own - f1s(b)
    return interval, (float(np.percentile(gain, 2.5)), float(np.percentile(gain, 97.5)))


def stratified_micro_f1(report: Report, kind: str, flagged: list[bool]) -> tuple[float, float, float]:
    """Micro P/R/F1 with the flagged and unflagged sentences weighted to half each: the design of
    the `test` split (as many sentences where the rule lexicon finds a cluster as others), so a
    whole-document cross-validation can be read beside it.  `flagged` is in the report's order."""
    counts = np.array(report.sentences[kind], dtype=float).reshape(-1, 3)
    mask = np.asarray(flagged, dtype=bool)
    if len(mask) != len(counts):
        raise ValueError("one flag per scored sentence")
    n_flag = int(mask.sum())
    if n_flag in (0, len(mask)):
        raise ValueError("both strata must hold sentences")
    weights = np.where(mask, 0.5 / n_flag, 0.5 / (len(mask) - n_flag))
    tp, fp, fn = (float((weights * counts[:, k]).sum()) for k in range(3))
    return prf(tp, fp, fn)


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def label_set(labels: list[Any]) -> set[str]:
    return {lab.label if hasattr(lab, "label") else str(lab) for lab in labels}


@dataclass(frozen=True)
class Calibration:
    """How far a model's probabilities are from the share of labels that are right."""

    pairs: int  # sentence x label pairs with a probability
    brier: float  # mean squared error of the probability against the truth (0 = perfect)
    ece: float  # expected calibration error: |mean probability - share true| weighted over the bins
    bins: list[tuple[float, float, int, float, float]]  # (low, high, pairs, mean probability, share true)


def calibration(proba: np.ndarray, truth: np.ndarray, n_bins: int = 10) -> Calibration:
    """Reliability of probabilities (any shape; NaN = no probability, left out) against 0/1 truth,
    in `n_bins` equal-width bins of the probability."""
    keep = ~np.isnan(proba)
    p, y = proba[keep].astype(float), truth[keep].astype(float)
    if not len(p):
        return Calibration(0, 0.0, 0.0, [])
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    which = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, n_bins - 1)
    bins, ece = [], 0.0
    for b in range(n_bins):
        inside = which == b
        if inside.any():
            mean_p, share = float(p[inside].mean()), float(y[inside].mean())
            bins.append((float(edges[b]), float(edges[b + 1]), int(inside.sum()), mean_p, share))
            ece += inside.sum() / len(p) * abs(mean_p - share)
    return Calibration(int(len(p)), float(np.mean((p - y) ** 2)), float(ece), bins)


def format_calibration(cal: Calibration, kind: str) -> str:
    head = (
        f"  scores of the learned {kind} labels ({cal.pairs} sentence×label pairs): "
        f"Brier {cal.brier:.4f}, calibration error {cal.ece:.4f}"
    )
    cells = [f"{lo:.1f}–{hi:.1f}: {n}, {m:.2f}→{t:.2f}" for lo, hi, n, m, t in cal.bins]
    return head + "\n    by score (pairs, mean score→share where the label is true): " + "; ".join(cells)


def as_paths(test_path: str | Path | list[Path]) -> list[Path]:
    return test_path if isinstance(test_path, list) else [Path(test_path)]


def labelled_rows(test_path: str | Path | list[Path], split: str | None = "test") -> list[dict[str, Any]]:
    """Labelled sentences (corpora/labels JSONL, one file or several) of one split."""
    rows = [r for path in as_paths(test_path) for r in read_jsonl(path)]
    return [r for r in rows if split is None or r.get("split") == split]


def predict_rows(labeller: Labeller, rows: list[dict[str, Any]]) -> list[Any]:
    return labeller.predict([r["text"] for r in rows], [r.get("context") for r in rows])


def score_predictions(rows: list[dict[str, Any]], preds: list[Any]) -> Report:
    report = Report(n=len(rows))
    for row, pair in zip(rows, preds, strict=True):
        for kind, got in zip(KINDS, pair, strict=True):
            if kind in row:
                report.add(kind, set(row[kind]), label_set(got))
    return report


def evaluate_labels(
    labeller: Labeller, test_path: str | Path | list[Path], split: str | None = "test"
) -> Report:
    """Score a labeller on labelled sentences (corpora/labels JSONL, one file or several), one split."""
    rows = labelled_rows(test_path, split)
    return score_predictions(rows, predict_rows(labeller, rows))


def rough_sentences(text: str) -> list[str]:
    """A dev splitter (。！？； and line breaks) for gold checks without nlp.sentences."""
    return [s.strip() for s in ROUGH_SPLIT.split(text) if s and s.strip()]


def anchor_report(labeller: Labeller, sentences: list[str], gold_path: str | Path) -> Report:
    """score.py semantics: each gold anchor is judged on the first sentence holding it."""
    preds = labeller.predict(sentences, [None] * len(sentences))
    normed = [WS.sub("", s) for s in sentences]
    report = Report()
    for gold in read_jsonl(gold_path):
        if not any(k in gold for k in KINDS):
            continue
        anchor = WS.sub("", gold["anchor"])
        idx = next((i for i, s in enumerate(normed) if anchor in s), None)
        report.n += 1
        for i, kind in enumerate(KINDS):
            if kind in gold:
                got = label_set(preds[idx][i]) if idx is not None else set()
                report.add(kind, set(gold[kind]), got)
    return report


def format_report(report: Report, title: str = "") -> str:
    lines = [f"== {title} (n={report.n})"] if title else []
    for kind in KINDS:
        p, r, f = report.micro[kind].prf
        lines.append(f"{kind}: micro P={p:.3f} R={r:.3f} F1={f:.3f}")
        for lab, c in sorted(report.per_label[kind].items(), key=lambda kv: (-(kv[1].tp + kv[1].fn), kv[0])):
            lp, lr, lf = c.prf
            lines.append(f"  {lab:<10} P={lp:.2f} R={lr:.2f} F1={lf:.2f} support={c.tp + c.fn}")
        top = report.confusions[kind].most_common(5)
        if top:
            lines.append("  confusions: " + ", ".join(f"{g}->{p_} x{n}" for (g, p_), n in top))
    return "\n".join(lines)


def format_side_by_side(
    learned: Report, lexicon: Report, title: str = "", top: int = 8, keywords: Report | None = None
) -> str:
    """Per-label P/R/F1 of the classifier and the lexicon in one table, micro-F1 and top confusions;
    with `keywords`, the plain keyword baseline's micro P/R/F1 under the micro line."""
    lines = [f"== {title} (n={learned.n})"] if title else []
    for kind in KINDS:
        lines.append(f"{kind:<12} {'classifier P/R/F1':>20} {'lexicon P/R/F1':>20} {'support':>8}")
        a, b = learned.micro[kind].prf, lexicon.micro[kind].prf
        lines.append(f"{'micro':<12}{_prf(a):>20} {_prf(b):>20} {_support_micro(learned, kind):>8}")
        if keywords is not None:
            lines.append(
                f"  plain keywords (every taxonomy term, nothing else): {_prf(keywords.micro[kind].prf)}"
            )
        lines.append("  " + _interval_line(learned, lexicon, kind))
        labels = set(learned.per_label[kind]) | set(lexicon.per_label[kind])
        # by support, ties by name so the report reads the same every run
        for lab in sorted(labels, key=lambda x: (-_support(learned, kind, x), x)):
            a = learned.per_label[kind].get(lab, Counts()).prf
            b = lexicon.per_label[kind].get(lab, Counts()).prf
            lines.append(f"  {lab:<10}{_prf(a):>20} {_prf(b):>20} {_support(learned, kind, lab):>8}")
        for name, report in (("classifier", learned), ("lexicon", lexicon)):
            pairs = report.confusions[kind].most_common(top)
            text = ", ".join(f"{g}→{p} ×{n}" for (g, p), n in pairs) or "none"
            lines.append(f"  top confusions ({name}, gold→predicted): {text}")
    return "\n".join(lines)


def format_stratified(learned: Report, lexicon: Report, flagged: list[bool]) -> str:
    """Micro P/R/F1 reweighted to the `test` split's design (half the sentences name a cluster)."""
    lines = [
        f"stratified like `test` ({sum(flagged)} of {len(flagged)} sentences name a cluster; each half weighs 1/2):"
    ]
    for kind in KINDS:
        ours, lex = (stratified_micro_f1(r, kind, flagged) for r in (learned, lexicon))
        lines.append(f"  {kind:<9} classifier P/R/F1 {_prf(ours)}  lexicon {_prf(lex)}")
    return "\n".join(lines)


def _interval_line(learned: Report, lexicon: Report, kind: str) -> str:
    (lo, hi), gain = bootstrap_interval(learned, lexicon, kind)
    text = (
        f"95% interval (sentence bootstrap, {BOOTSTRAP_DRAWS} draws): classifier micro-F1 {lo:.3f}–{hi:.3f}"
    )
    if gain is not None:
        delta = learned.micro_f1(kind) - lexicon.micro_f1(kind)
        text += f"; gain over the lexicon {delta:+.3f} ({gain[0]:+.3f} to {gain[1]:+.3f})"
    return text


def _prf(values: tuple[float, float, float]) -> str:
    return "/".join(f"{v:.3f}" for v in values)


def _support_micro(report: Report, kind: str) -> int:
    return report.micro[kind].tp + report.micro[kind].fn


def _support(report: Report, kind: str, label: str) -> int:
    c = report.per_label[kind].get(label, Counts())
    return c.tp + c.fn


def label_report(
    model_path: str | Path, test_path: str | Path | list[Path], taxonomy: str = "ningbo-361-2023"
) -> str:
    """`policyscope eval` for labels: the saved classifier beside the lexicon (and the plain
    keyword baseline's micro figures) on each test file, then on all of them together, with the
    calibration of the classifier's scores."""
    from nlp.classifier import load_classifier  # the classifier imports this module
    from nlp.labels import KeywordLabeller, LexiconLabeller
    from nlp.taxonomy import load_taxonomy

    tax = load_taxonomy(taxonomy)
    classifier = load_classifier(model_path, taxonomy=tax)
    baselines = (LexiconLabeller(tax), KeywordLabeller(tax))
    # each file is predicted once; the combined report reuses those predictions
    sets = []
    for path in as_paths(test_path):
        rows = labelled_rows(path)
        if not rows:  # scoring nothing would fail deep in the calibration
            raise ValueError(f"{path}: no sentence of split 'test'")
        learned, proba = classifier.label([r["text"] for r in rows], [r.get("context") for r in rows])
        sets.append((path.name, rows, [learned, *(predict_rows(lab, rows) for lab in baselines)], proba))
    if len(sets) > 1:
        name = " + ".join(n for n, _, _, _ in sets)
        rows = [r for _, part, _, _ in sets for r in part]
        preds = [[p for _, _, every, _ in sets for p in every[i]] for i in range(1 + len(baselines))]
        proba = {kind: np.vstack([pr[kind] for _, _, _, pr in sets]) for kind in KINDS}
        sets.append((name, rows, preds, proba))
    blocks = []
    for name, rows, preds, proba in sets:
        lines = [
            format_side_by_side(
                score_predictions(rows, preds[0]),
                score_predictions(rows, preds[1]),
                f"{name}: classifier vs lexicon",
                keywords=score_predictions(rows, preds[2]),
            )
        ]
        for kind in KINDS:
            labels = [m.label for m in classifier.models[kind]]
            truth = np.array([[lab in r.get(kind, []) for lab in labels] for r in rows], dtype=bool)
            lines.append(format_calibration(calibration(proba[kind], truth), kind))
        blocks.append("\n".join(lines))
    return "\n".join(blocks)
