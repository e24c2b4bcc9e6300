"""Bootstrap intervals of the label reports: seeded, paired, and around the point estimate."""

from nlp.classifier_eval import Report, bootstrap_interval


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
