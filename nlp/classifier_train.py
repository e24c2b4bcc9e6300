"""Training the sentence classifier: one-vs-rest linear models per label,
thresholds chosen on out-of-fold predictions (folds grouped by document), and a
per-label choice between the model and the lexicon, whichever scores better."""

from __future__ import annotations

from dataclasses import dataclass

import jieba
import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.svm import LinearSVC

from nlp.classifier_features import Featurizer
from nlp.labels import LexiconLabeller

SEED = 0
MIN_POSITIVES = 4  # fewer training positives than this: the lexicon decides the label
MIN_CALIBRATION = 6  # positives needed for 3-fold sigmoid calibration of a linear SVM
FOLDS = 4
THRESHOLDS = np.round(np.arange(0.1, 0.91, 0.05), 2)


@dataclass(frozen=True)
class Config:
    model: str = "svm"  # "svm" (LinearSVC + sigmoid calibration) or "lr" (logistic regression)
    C: float = 1.0
    use_lexicon: bool = True


@dataclass
class LabelModel:
    label: str
    estimator: object | None  # None: the lexicon decides
    threshold: float
    source: str  # "model" or "lexicon"
    validation_f1: float = 0.0
    lexicon_f1: float = 0.0


def make_estimator(config: Config, n_pos: int) -> object:
    if config.model == "svm" and n_pos >= MIN_CALIBRATION:
        svm = LinearSVC(C=config.C, class_weight="balanced", random_state=SEED)
        return CalibratedClassifierCV(svm, method="sigmoid", cv=3)
    return LogisticRegression(
        C=max(config.C, 1.0) * 10, class_weight="balanced", solver="liblinear", random_state=SEED
    )


def fit_label(x, y: np.ndarray, config: Config) -> object | None:
    n_pos = int(y.sum())
    if n_pos < MIN_POSITIVES or n_pos == len(y):
        return None
    return make_estimator(config, n_pos).fit(x, y)


def positive_proba(estimator: object | None, x) -> np.ndarray:
    if estimator is None:
        return np.zeros(x.shape[0])
    return estimator.predict_proba(x)[:, 1]  # type: ignore[attr-defined]


def f1(y: np.ndarray, pred: np.ndarray) -> float:
    tp = float((y & pred).sum())
    denom = float(y.sum() + pred.sum())
    return 2 * tp / denom if denom else 0.0


def best_threshold(y: np.ndarray, proba: np.ndarray) -> tuple[float, float]:
    """The threshold with the best F1; ties go to the one nearest 0.5."""
    scored = [(f1(y, proba >= t), -abs(t - 0.5), float(t)) for t in THRESHOLDS]
    best = max(scored)
    return best[2], best[0]


def out_of_fold(
    texts: list[str],
    contexts: list[str | None],
    targets: np.ndarray,
    groups: list[str],
    tokenizer: jieba.Tokenizer,
    lexicon: LexiconLabeller,
    config: Config,
) -> np.ndarray:
    """Probabilities for every training row from models that never saw its document."""
    proba = np.zeros(targets.shape)
    folds = GroupKFold(n_splits=min(FOLDS, len(set(groups))))
    for fit_idx, val_idx in folds.split(texts, groups=groups):
        feat = Featurizer.new(config.use_lexicon)
        sub = [texts[i] for i in fit_idx], [contexts[i] for i in fit_idx]
        x_fit = feat.fit_transform(*sub, tokenizer, lexicon)
        x_val = feat.transform(
            [texts[i] for i in val_idx], [contexts[i] for i in val_idx], tokenizer, lexicon
        )
        for j in range(targets.shape[1]):
            proba[val_idx, j] = positive_proba(fit_label(x_fit, targets[fit_idx, j], config), x_val)
    return proba


def choose(
    labels: list[str], targets: np.ndarray, oof: np.ndarray, lexicon_pred: np.ndarray
) -> list[tuple[str, float, float, float]]:
    """Per label: (source, threshold, model F1, lexicon F1) on out-of-fold predictions."""
    out = []
    for j, _label in enumerate(labels):
        y = targets[:, j].astype(bool)
        threshold, model_f1 = best_threshold(y, oof[:, j])
        lex_f1 = f1(y, lexicon_pred[:, j].astype(bool))
        trained = int(y.sum()) >= MIN_POSITIVES
        source = "model" if trained and model_f1 >= lex_f1 else "lexicon"
        out.append((source, threshold, model_f1, lex_f1))
    return out
