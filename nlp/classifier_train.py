"""Training the sentence classifier: one-vs-rest linear models per label.

Everything per label is chosen on out-of-fold predictions of the training
data, folds grouped by document (a document never helps predict itself):
the regularisation C, the decision threshold, and the source of the decision.
The default source is "stack": a small logistic regression over the base
model's out-of-fold log-odds and the lexicon's evidence (its verdict, the
label's score in the sentence and heading, industry cue words, the clusters
behind a theme), so the data decide how much to trust each.  The older
sources remain selectable: the model, the taxonomy lexicon, or either.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from sklearn.base import ClassifierMixin
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.svm import LinearSVC

from nlp.classifier_features import Featurizer, Prepared
from nlp.classifier_neighbours import Neighbours

SEED = 0
MIN_POSITIVES = 8  # fewer positives than this in a fit: no model is fitted
MIN_CALIBRATION = 6  # positives needed for 3-fold sigmoid calibration of a linear SVM
THRESHOLDS = np.round(np.arange(0.1, 0.91, 0.05), 2)
# the order thresholds are tried in: nearest 0.5 first, so a tie keeps the more neutral one
THRESHOLD_ORDER = tuple(
    sorted(range(len(THRESHOLDS)), key=lambda i: (abs(THRESHOLDS[i] - 0.5), THRESHOLDS[i]))
)
THRESHOLD_RULES = ("plateau", "half_f1")
SOURCES = ("lexicon", "model", "either", "stack")  # order = preference on ties
STACK_C = 1.0  # the stacked model has a handful of dense inputs: mild regularisation


@dataclass(frozen=True)
class Config:
    # chosen by outer grouped CV on train (nlp.classifier_cv, see corpora/models/README.md):
    # every learnable label decided by a stacked LR over [base model, lexicon evidence]
    # (beat the per-label model/lexicon/either switch); on 2,435 sentences a logistic-
    # regression base model tied the calibrated SVM, on 9,613 the SVM is ahead by about
    # half a point on both kinds (0.920 / 0.909 vs 0.916 / 0.903); char 1-3-grams (single
    # characters: 绿, 碳, 智 …) add 0.003 on themes, steady over a document bootstrap; char
    # 2-4-grams, word bigrams, paragraph lead sentences, an SVM+LR vote, a 2x lexicon weight
    # or a heading weight of 0 did not help
    model: str = "svm"  # "svm" (LinearSVC + sigmoid calibration) or "lr" (logistic regression)
    c_grid: tuple[float, ...] = (0.1, 0.3, 1.0)
    use_lexicon: bool = True
    char_ngrams: tuple[int, int] = (1, 3)
    context_weight: float = 0.5
    lexicon_weight: float = 1.0
    # inner grouped folds for C, thresholds and the stacker's out-of-fold inputs: with 10, each
    # out-of-fold model sees 90% of the documents, closer to the final model (outer CV themes
    # 0.883 -> 0.889, clusters 0.896 -> 0.895, on the adjudicated labels); training takes twice as long
    folds: int = 10
    # without "lexicon" here, the lexicon decides only labels too rare to learn
    sources: tuple[str, ...] = ("stack",)
    # fewer training positives than this: the lexicon decides the label.  With 8 (前沿新材料 after a
    # train QA pass) grouped CV picked a 0.25 threshold from a handful of positives and the label
    # fired on 47 of 2,435 held-out sentences; 15 keeps every label learned whose data allow it
    min_learnable: int = 15
    # the stackers also weigh the label's share among the sentence's k nearest training sentences
    # (nlp.classifier_neighbours); 0: no neighbours.  Outer CV themes: none 0.889, k 5 0.895,
    # 8 0.902, 15 0.898, 30 0.888 (clusters 0.895 -> 0.896-0.898); rechecked with the synthetic rows
    # (clusters / themes): k 5 0.907 / 0.904, 8 0.905 / 0.903, 12 0.904 / 0.904, all within noise
    neighbours: int = 8
    # neighbours are judged by words and characters in at most this share of training sentences:
    # outer CV 0.897 / 0.903 (all columns 0.898 / 0.902, at most 5% 0.897 / 0.902), and the similarity
    # product is no longer nearly dense (20x fewer non-zeros)
    neighbour_max_df: float = 0.02
    # "plateau": the threshold with the best out-of-fold F1 averaged with its grid neighbours;
    # "half_f1": the (source, C) chosen that way, the threshold half its best out-of-fold F1, the
    # F1-optimal threshold of calibrated probabilities (Lipton, Elkan & Narayanaswamy 2014).  Outer
    # CV over three inner partitions: clusters +0.004, themes +0.002, no partition worse
    threshold_rule: str = "half_f1"

    def featurizer(self) -> Featurizer:
        return Featurizer.new(self.use_lexicon, self.char_ngrams, self.context_weight, self.lexicon_weight)


@dataclass
class LabelModel:
    label: str
    estimator: object | None  # None: the lexicon decides
    threshold: float
    source: str  # "model", "lexicon", "either" or "stack"
    validation_f1: float = 0.0
    lexicon_f1: float = 0.0
    C: float = 0.0
    stacker: object | None = None  # source "stack": LR over [model logit, lexicon evidence]


@dataclass(frozen=True)
class Choice:
    source: str
    C: float
    threshold: float
    f1: float
    lexicon_f1: float


def make_estimator(config: Config, c: float, n_pos: int) -> ClassifierMixin:
    if config.model == "svm" and n_pos >= MIN_CALIBRATION:
        svm = LinearSVC(C=c, class_weight="balanced", random_state=SEED)
        return CalibratedClassifierCV(svm, method="sigmoid", cv=3)
    return LogisticRegression(C=c, class_weight="balanced", solver="liblinear", random_state=SEED)


def fit_label(x, y: np.ndarray, config: Config, c: float) -> ClassifierMixin | None:
    n_pos = int(y.sum())
    if n_pos < MIN_POSITIVES or n_pos == len(y):
        return None
    return make_estimator(config, c, n_pos).fit(x, y)


def positive_proba(estimator: object | None, x) -> np.ndarray:
    if estimator is None:
        return np.zeros(x.shape[0])
    return estimator.predict_proba(x)[:, 1]  # type: ignore[attr-defined]


def stack_inputs(proba: np.ndarray, evidence: np.ndarray) -> np.ndarray:
    """Inputs of the stacked model: the base model's log-odds beside the lexicon evidence."""
    p = np.clip(proba, 1e-4, 1 - 1e-4)
    return np.column_stack([np.log(p / (1 - p)), evidence])


def fit_stacker(proba: np.ndarray, evidence: np.ndarray, y: np.ndarray) -> LogisticRegression:
    lr = LogisticRegression(C=STACK_C, solver="liblinear", random_state=SEED)
    return lr.fit(stack_inputs(proba, evidence), y)


def stacked_proba(stacker: object, proba: np.ndarray, evidence: np.ndarray) -> np.ndarray:
    return stacker.predict_proba(stack_inputs(proba, evidence))[:, 1]  # type: ignore[attr-defined]


def cross_stacked(
    proba: np.ndarray, evidence: np.ndarray, y: np.ndarray, folds: list[tuple[np.ndarray, np.ndarray]]
) -> np.ndarray:
    """Stacked probabilities for every row from stackers fitted on the other folds' rows."""
    out = np.zeros(len(y))
    for fit_idx, val_idx in folds:
        if y[fit_idx].all() or not y[fit_idx].any():
            out[val_idx] = float(y[fit_idx].mean())
            continue
        out[val_idx] = stacked_proba(
            fit_stacker(proba[fit_idx], evidence[fit_idx], y[fit_idx]), proba[val_idx], evidence[val_idx]
        )
    return out


def decide(source: str, proba: np.ndarray, threshold: float, lexical: np.ndarray) -> np.ndarray:
    """The label's yes/no per sentence from the model probability and the lexicon's verdict
    (for "stack", `proba` is already the stacked probability)."""
    if source == "lexicon":
        return lexical.astype(bool)
    model = proba >= threshold
    return model | lexical.astype(bool) if source == "either" else model


def f1(y: np.ndarray, pred: np.ndarray) -> float:
    tp = float((y & pred).sum())
    denom = float(y.sum() + pred.sum())
    return 2 * tp / denom if denom else 0.0


def group_folds(groups: list[str], n_splits: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """Deterministic GroupKFold splits (every document's rows in one fold)."""
    folds = GroupKFold(n_splits=min(n_splits, len(set(groups))))
    return list(folds.split(np.zeros(len(groups)), groups=groups))


def out_of_fold(
    data: Prepared, targets: dict[str, np.ndarray], groups: list[str], config: Config
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Per kind, for every training row, from models that never saw its document: the
    probabilities (C, row, label), and the label shares among its nearest neighbours (row, label;
    zeros without neighbours)."""
    proba = {kind: np.zeros((len(config.c_grid), *y.shape)) for kind, y in targets.items()}
    shares = {kind: np.zeros(y.shape) for kind, y in targets.items()}
    for fit_idx, val_idx in group_folds(groups, config.folds):
        feat = config.featurizer()
        x_fit = feat.fit_transform(data.take(fit_idx))
        x_val = feat.transform(data.take(val_idx))
        if config.neighbours:
            fold_targets = {kind: y[fit_idx] for kind, y in targets.items()}
            near = Neighbours.fit(
                feat, x_fit, fold_targets, config.neighbours, config.neighbour_max_df
            ).shares(x_val)
            for kind in targets:
                shares[kind][val_idx] = near[kind]
        for kind, y in targets.items():
            for j in range(y.shape[1]):
                for k, c in enumerate(config.c_grid):
                    est = fit_label(x_fit, y[fit_idx, j], config, c)
                    proba[kind][k, val_idx, j] = positive_proba(est, x_val)
    return proba, shares


def _half_best(scores: list[float]) -> int:
    """The grid index nearest half the best F1 (F1*/2 is where a calibrated probability's
    expected F1 peaks; the grid's own peak on out-of-fold rows is noisier)."""
    return int(np.argmin(np.abs(THRESHOLDS - max(scores) / 2)))


def choose(
    targets: np.ndarray,
    oof: np.ndarray,
    lexical: np.ndarray,
    config: Config,
    evidence: list[np.ndarray] | None = None,
    folds: list[tuple[np.ndarray, np.ndarray]] | None = None,
) -> list[Choice]:
    """Per label, the (source, C, threshold) with the best out-of-fold F1 averaged over the
    threshold and its two neighbours on the grid; ties keep the simpler.  With
    `threshold_rule` "half_f1" (the default) the threshold is then half the best F1 of the
    chosen (source, C).

    The average prefers a threshold on a broad plateau of F1 to a narrow peak: a
    peak is where another partition of the same documents would choose otherwise
    (outer CV over three inner partitions, corpora/models/README.md "Partition noise").
    "stack" is judged on cross-fitted stacked probabilities (the stacker of a row
    never saw that row), so it competes on equal terms with the other sources.
    """
    if config.threshold_rule not in THRESHOLD_RULES:
        raise ValueError(f"threshold_rule {config.threshold_rule!r}: not one of {THRESHOLD_RULES}")
    out = []
    for j in range(targets.shape[1]):
        y = targets[:, j].astype(bool)
        lex_f1 = f1(y, lexical[:, j].astype(bool))
        best, best_score = Choice("lexicon", 0.0, 0.5, lex_f1, lex_f1), lex_f1
        learnable = int(y.sum()) >= config.min_learnable
        if learnable and "lexicon" not in config.sources:  # the lexicon only for rare labels
            best, best_score = Choice("lexicon", 0.0, 0.5, -1.0, lex_f1), -1.0
        if learnable:
            for source in config.sources:
                if source == "lexicon" or (source == "stack" and (evidence is None or folds is None)):
                    continue
                for k, c in enumerate(config.c_grid):
                    proba = oof[k, :, j]
                    if source == "stack":
                        proba = cross_stacked(proba, evidence[j], y, folds)  # type: ignore[index,arg-type]
                    scores = [f1(y, decide(source, proba, float(t), lexical[:, j])) for t in THRESHOLDS]
                    for i in THRESHOLD_ORDER:
                        smoothed = float(np.mean(scores[max(0, i - 1) : i + 2]))
                        if smoothed > best_score + 1e-9:
                            pick = i if config.threshold_rule == "plateau" else _half_best(scores)
                            best = Choice(source, c, float(THRESHOLDS[pick]), scores[pick], lex_f1)
                            best_score = smoothed
        out.append(best)
    return out
