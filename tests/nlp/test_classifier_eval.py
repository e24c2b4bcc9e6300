"""Bootstrap intervals of the label reports (seeded, paired, around the point estimate) and the
calibration of the classifier's probabilities."""

import numpy as np
import pytest

from nlp.classifier_eval import (
    Report,
    bootstrap_interval,
    calibration,
    format_calibration,
    stratified_micro_f1,
)


def _report(pairs: list[tuple[set[str], set[str]]]) -> Report:
    report = Report(n=len(pairs))
    for want, got in pairs:
        report.add("themes", want, got)
    return report


GOLD = [{"green"}, {"new"}, set(), {"high-end", "green"}, set(), {"new"}] * 10


def test_interval_holds_the_point_estimate_and_is_reproducible():
    learned = _report([(w, w if i % 4 else set()) for i, w in enumerate(GOLD)])
    (lo, hi), _ = bootstrap_interval(learned, learned, "themes")
    assert lo <= learned.micro_f1("themes") <= hi
    assert 0.0 < lo < hi <= 1.0
    assert bootstrap_interval(learned, learned, "themes") == ((lo, hi), (0.0, 0.0))


def test_gain_over_a_worse_baseline_is_positive():
    learned = _report([(w, w) for w in GOLD])  # perfect
    baseline = _report([(w, w | {"green"}) for w in GOLD])  # green everywhere
    _, gain = bootstrap_interval(learned, baseline, "themes")
    assert gain is not None and 0.0 < gain[0] <= gain[1]


def test_no_paired_gain_for_different_sentences():
    learned = _report([(w, w) for w in GOLD])
    other = _report([(w, w) for w in GOLD[:6]])
    assert bootstrap_interval(learned, other, "themes")[1] is None


def test_empty_report():
    assert bootstrap_interval(Report(), Report(), "themes") == ((0.0, 0.0), None)


def test_calibration_of_honest_probabilities_is_near_zero():
    rng = np.random.default_rng(0)
    proba = rng.uniform(size=20000)
    truth = rng.uniform(size=20000) < proba  # each label is true as often as its probability says
    cal = calibration(proba, truth)
    assert cal.pairs == 20000 and cal.ece < 0.02
    assert abs(cal.brier - 1 / 6) < 0.01  # E[p(1-p)] for uniform p
    assert [round(lo, 1) for lo, *_ in cal.bins] == [i / 10 for i in range(10)]
    assert sum(n for _, _, n, _, _ in cal.bins) == 20000


def test_calibration_of_overconfident_probabilities_is_their_gap():
    proba = np.full(100, 0.9)
    truth = np.arange(100) < 50  # said 0.9, right half the time
    cal = calibration(proba, truth)
    assert cal.ece == pytest.approx(0.4) and cal.brier == pytest.approx(0.5 * 0.01 + 0.5 * 0.81)
    assert cal.bins == [(pytest.approx(0.9), 1.0, 100, pytest.approx(0.9), 0.5)]


def test_calibration_leaves_out_labels_without_a_probability():
    proba = np.array([[0.0, np.nan], [1.0, np.nan]])
    truth = np.array([[False, True], [True, False]])
    cal = calibration(proba, truth)
    assert cal.pairs == 2 and cal.brier == 0.0 and cal.ece == 0.0
    assert [(lo, n) for lo, _, n, _, _ in cal.bins] == [
        (0.0, 1),
        (pytest.approx(0.9), 1),
    ]  # 1.0 in the last bin
    assert calibration(np.array([np.nan]), np.array([True])).pairs == 0
    text = format_calibration(cal, "themes")
    assert "2 sentence×label pairs" in text and "0.0–0.1: 1, 0.00→0.00" in text


def test_stratified_f1_weighs_each_stratum_half():
    report = Report()
    # 1 flagged sentence, right; 3 unflagged sentences, each one false positive
    report.add("themes", {"green"}, {"green"})
    for _ in range(3):
        report.add("themes", set(), {"new"})
    p, r, f = stratified_micro_f1(report, "themes", [True, False, False, False])
    # weights: flagged 1/2, each unflagged 1/6 -> tp 0.5, fp 0.5
    assert (p, r) == pytest.approx((0.5, 1.0))
    assert f == pytest.approx(2 / 3)
    # the plain micro-F1 counts the three false positives in full
    assert report.micro_f1("themes") == pytest.approx(2 / 5)


def test_stratified_f1_with_equal_strata_is_the_plain_micro_f1():
    report = Report()
    report.add("clusters", {"新能源"}, {"新能源", "数字产业"})
    report.add("clusters", {"高端装备"}, set())
    stratified = stratified_micro_f1(report, "clusters", [True, False])
    assert stratified[2] == pytest.approx(report.micro_f1("clusters"))


def test_stratified_f1_needs_a_flag_per_sentence_and_both_strata():
    report = Report()
    report.add("themes", {"green"}, {"green"})
    report.add("themes", set(), set())
    with pytest.raises(ValueError):
        stratified_micro_f1(report, "themes", [True])
    with pytest.raises(ValueError):
        stratified_micro_f1(report, "themes", [True, True])
