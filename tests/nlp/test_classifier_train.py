from __future__ import annotations

import numpy as np
import pytest

from nlp.classifier_train import Config, choose, decide, f1

MODEL_ONLY = Config(sources=("model",), c_grid=(1.0,), min_learnable=1, threshold_rule="plateau")


def test_thresholds_are_chosen_on_a_plateau_of_f1_not_a_narrow_peak():
    # out-of-fold probabilities of 10 positives and 10 negatives: F1 peaks at 0.8 alone
    # (0.889; 0.727 at 0.75, 0 at 0.85) and holds 0.833 from 0.15 to 0.3
    y = np.array([True] * 10 + [False] * 10)
    proba = np.array([0.82] * 8 + [0.32] * 2 + [0.78] * 4 + [0.12] * 6)
    no_lexicon = np.zeros((20, 1), dtype=bool)
    assert f1(y, decide("model", proba, 0.8, no_lexicon[:, 0])) > f1(
        y, decide("model", proba, 0.25, no_lexicon[:, 0])
    )
    [chosen] = choose(y[:, None], proba[None, :, None], no_lexicon, MODEL_ONLY)
    assert chosen.source == "model" and chosen.threshold == 0.25
    assert chosen.f1 == f1(y, decide("model", proba, 0.25, no_lexicon[:, 0]))  # the raw F1 is reported


def test_half_f1_rule_sets_the_threshold_to_half_the_best_f1():
    # the same probabilities: the best F1 is 0.889 (at 0.8), so the threshold is the grid
    # value nearest 0.444, whatever F1 that threshold happens to score on these rows
    y = np.array([True] * 10 + [False] * 10)
    proba = np.array([0.82] * 8 + [0.32] * 2 + [0.78] * 4 + [0.12] * 6)
    no_lexicon = np.zeros((20, 1), dtype=bool)
    half = Config(sources=("model",), c_grid=(1.0,), min_learnable=1, threshold_rule="half_f1")
    [chosen] = choose(y[:, None], proba[None, :, None], no_lexicon, half)
    assert chosen.source == "model" and chosen.threshold == 0.45
    assert chosen.f1 == f1(y, decide("model", proba, 0.45, no_lexicon[:, 0]))
    with pytest.raises(ValueError, match="threshold_rule"):
        choose(y[:, None], proba[None, :, None], no_lexicon, Config(threshold_rule="peak"))


def test_a_label_too_rare_to_learn_is_left_to_the_lexicon():
    y = np.array([True] * 3 + [False] * 17)
    lexicon = y.copy()[:, None]
    [chosen] = choose(y[:, None], np.full((1, 20, 1), 0.9), lexicon, Config(c_grid=(1.0,)))
    assert chosen.source == "lexicon" and chosen.lexicon_f1 == 1.0
