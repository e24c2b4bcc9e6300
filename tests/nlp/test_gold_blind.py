"""The blind gold set (corpora/gold/blind/): annotated by someone else and never looked at
while the extractor was tuned, so it measures how the rules generalise.

Floors sit a little under the figures measured when the set was first scored
(2026-11-26, anchored scope: quantity F1 0.981, target F1 0.976, comparator
1.000, kind 0.996, change 0.991, year 1.000, subject 0.948).
"""

from __future__ import annotations

import pytest

from ingest.read import read_path
from nlp.evaluate import evaluate
from tests.nlp.test_gold import GOLD_DIR, _gold, _source

BLIND_FILES = sorted((GOLD_DIR / "blind").glob("*.jsonl"))
FLOORS = {
    "quantity_f1": 0.95,
    "target_f1": 0.95,
    "field.comparator": 0.97,
    "field.kind": 0.97,
    "field.change": 0.97,
    "field.year": 0.97,
    "field.subject": 0.92,
}


@pytest.fixture(scope="module")
def result(pipeline) -> dict:
    gold = _gold(BLIND_FILES)
    records = []
    for name in sorted({g["doc"] for g in gold}):
        record = pipeline.analyse(read_path(_source(name))).to_record()
        record["document"]["source"] = name
        records.append(record)
    return evaluate(records, gold, scope="anchored")


def test_blind_set_is_there() -> None:
    assert len(BLIND_FILES) >= 5


def metric(result: dict, name: str) -> float:
    """A figure of an `evaluate` result by its floor name (quantity_f1, target_f1, field.*)."""
    if name == "quantity_f1":
        return result["quantities"][2]
    if name == "target_f1":
        return result["targets"][2]
    return result[name]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_blind_floor(result: dict, name: str) -> None:
    got = metric(result, name)
    assert got >= FLOORS[name], f"{name} {got:.3f} < {FLOORS[name]}"
