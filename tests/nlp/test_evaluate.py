"""nlp.evaluate gives the same figures as ../shared/tools/score.py."""

from __future__ import annotations

import importlib.util

import pytest

from nlp.evaluate import char_f1, evaluate, format_report

GOLD = [
    {"doc": "a.txt", "anchor": "产量超过70万辆", "value": 700000, "unit": "辆", "comparator": "gt",
     "kind": "target", "change": None, "year": 2025, "subject": "新能源汽车产量"},
    {"doc": "a.txt", "anchor": "减少一半", "value": 50, "unit": "%", "comparator": "eq",
     "kind": "actual", "change": "decrease", "year": None, "subject": "工业用水量"},
    {"doc": "a.txt", "anchor": "即1吨", "value": 1, "unit": "吨", "comparator": "eq", "kind": "actual",
     "change": None, "year": None, "subject": "织物", "optional": True},
    {"doc": "a.txt", "anchor": "“361”", "negative": True},
    {"doc": "a.txt", "anchor": "产量超过70万辆", "clusters": ["新能源"], "themes": ["green"]},
]  # fmt: skip
SENTENCES = [
    {
        "index": 0,
        "text": "新能源汽车产量超过70万辆。",
        "clusters": [{"label": "新能源", "score": 1}],
        "themes": [],
    },
    {"index": 1, "text": "“361”集群，用水量减少一半。"},
]
PRED = [
    {
        "document": {"source": "/some/where/a.txt"},
        "sentences": SENTENCES,
        "quantities": [
            {"sentence_index": 0, "raw": "70万辆", "value": 700000, "unit": "辆", "comparator": "gt",
             "kind": "target", "change": None, "year": 2027, "subject": "新能源汽车产量"},
            {"sentence_index": 1, "raw": "361", "value": 361, "unit": None, "kind": "actual"},
            {"sentence_index": 1, "raw": "一半", "value": 50, "unit": "%", "kind": "target", "change": "decrease"},
        ],
    }
]  # fmt: skip


def test_counts_and_fields() -> None:
    result = evaluate(PRED, GOLD)
    assert result["counts"] == {"tp": 2, "target_tp": 1, "target_fn": 0, "fp": 1, "target_fp": 1}
    assert result["quantities"] == pytest.approx((2 / 3, 1.0, 0.8))
    assert result["targets"] == pytest.approx((0.5, 1.0, 2 / 3))
    assert result["field.year"] == 0.0  # 2027 != 2025; the null-year gold is not counted
    assert result["field.kind"] == 0.5
    assert result["field.subject"] == 0.5
    assert result["themes"][:3] == (0.0, 0.0, 0.0)
    assert any("NEGATIVE '361'" in p for p in result["problems"])
    assert format_report(result).splitlines()[-1].startswith("quantity F1 0.800 target F1 0.667")


def test_missing_document_counts_every_gold_line_as_missed() -> None:
    result = evaluate([], GOLD)
    assert result["counts"] == {"fn": 2, "target_fn": 1}
    assert "a.txt: no prediction for this document" in result["problems"]


def test_char_f1() -> None:
    assert char_f1("国内生产总值", "国内生产总值") == 1.0
    assert char_f1("", "x") == 0.0
    assert char_f1("ab", "bc") == pytest.approx(0.5)


def test_same_figures_as_the_shared_scorer() -> None:
    from tests.conftest import SHARED

    path = SHARED / "tools" / "score.py"
    if not path.exists():
        pytest.skip("the shared scorer is not available")
    spec = importlib.util.spec_from_file_location("shared_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    theirs = module.score(PRED, GOLD, verbose=False)
    ours = evaluate(PRED, GOLD)
    assert theirs.pop("_counts") == ours["counts"]
    for name, value in theirs.items():
        assert ours[name] == pytest.approx(value), name


def test_anchored_scope_counts_extras_only_in_annotated_sentences() -> None:
    unannotated = {"sentence_index": 2, "raw": "9家", "value": 9, "unit": "家", "kind": "target"}
    pred = [{**PRED[0], "sentences": [*SENTENCES, {"index": 2, "text": "另有9家。"}],
             "quantities": [*PRED[0]["quantities"], unannotated]}]  # fmt: skip
    full, scoped = evaluate(pred, GOLD), evaluate(pred, GOLD, scope="anchored")
    assert full["counts"]["fp"] == 2 and scoped["counts"]["fp"] == 1  # 361 still counts: “361” is a negative
    assert scoped["quantities"][1] == full["quantities"][1]
    with pytest.raises(ValueError):
        evaluate(pred, GOLD, scope="some")
