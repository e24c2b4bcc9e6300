"""The written gold sets: documents written and annotated by helpers who never ran the
extractor (a 十五五 plan, action plans, county and provincial reports, news, speeches, a 统计公报,
ministry guidelines, policy measures, a Q&A …).

- `blind-2/` (stop 26): nobody has read its errors; it measures how the rules generalise.
- `dev-3/`, `dev-4/`, `dev-5/` (stop 27): their errors were read and fixed, so they pin those fixes.
- `blind-3/` (stop 27): held out for three scorings, then read and fixed like the dev sets.
- `blind-4/` (stop 27): held out; nobody has read its errors (stop 28 bisected one regression on
  its aggregate score).
- `dev-6/`, `dev-7/` (stop 28): read and fixed.
- `blind-5/` (stop 28): held out; nobody has read its errors.
- `blind-6/` (stop 28): held out for two scorings, then read and fixed.
- `blind-7/` (stop 28): held out, errors unread; its aggregate score located one regression.
- `dev-8/` … `dev-11/` (stop 29): read and fixed.
- `blind-8/` (stop 29): held out for four scorings, then read and fixed.
- `blind-9/`, `blind-11/` (stop 29): held out; nobody has read their errors.
- `blind-10/` (stop 29): held out for two scorings, then read and fixed in stop 30.
- In stop 29 the aggregate scores of blind-2, blind-4 and blind-7 located two regressions (a
  subject aside cut, a growth's year), both narrowed without reading their errors.
- `dev-12/`, `dev-13/`, `dev-14/` (stop 30): read and fixed. `blind-12/`, `blind-13/` (stop 30): held out,
  errors unread (blind-13's aggregate year located one regression, narrowed on my own predictions).

Floors sit a little under the figures measured at the end of the stop that last moved them
(score.py's default scope; see each set's README).
"""

from __future__ import annotations

import pytest

from ingest.read import read_path
from nlp.evaluate import evaluate
from tests.nlp.test_gold import GOLD_DIR, _gold
from tests.nlp.test_gold_blind import metric

FLOORS = {
    "blind-2": {  # stop 27: 0.997, 0.980, 1.000, 0.986, 1.000, 0.979, 0.924
        "quantity_f1": 0.97,
        "target_f1": 0.89,
        "field.comparator": 0.97,
        "field.kind": 0.94,
        "field.change": 0.97,
        "field.year": 0.94,
        "field.subject": 0.87,
    },
    "dev-3": {  # stop 27: 0.998, 0.987, 0.997, 0.990, 1.000, 1.000, 0.873
        "quantity_f1": 0.98,
        "target_f1": 0.96,
        "field.comparator": 0.98,
        "field.kind": 0.97,
        "field.change": 0.98,
        "field.year": 0.97,
        "field.subject": 0.85,
    },
    "dev-4": {  # stop 27: 0.988, 0.967, 1.000, 0.985, 0.998, 0.973, 0.919
        "quantity_f1": 0.97,
        "target_f1": 0.94,
        "field.comparator": 0.98,
        "field.kind": 0.96,
        "field.change": 0.98,
        "field.year": 0.95,
        "field.subject": 0.89,
    },
    "blind-3": {  # stop 27: 0.990, 0.978, 1.000, 0.988, 0.994, 0.925, 0.835
        "quantity_f1": 0.97,
        "target_f1": 0.95,
        "field.comparator": 0.98,
        "field.kind": 0.96,
        "field.change": 0.97,
        "field.year": 0.90,
        "field.subject": 0.81,
    },
    "dev-5": {  # stop 27: 0.984, 0.934, 1.000, 0.965, 0.992, 0.872, 0.891
        "quantity_f1": 0.97,
        "target_f1": 0.90,
        "field.comparator": 0.98,
        "field.kind": 0.93,
        "field.change": 0.97,
        "field.year": 0.83,
        "field.subject": 0.86,
    },
    "blind-4": {  # stop 27: 0.990, 0.978, 0.998, 0.995, 0.995, 0.965, 0.866
        "quantity_f1": 0.97,
        "target_f1": 0.95,
        "field.comparator": 0.98,
        "field.kind": 0.97,
        "field.change": 0.97,
        "field.year": 0.94,
        "field.subject": 0.84,
    },
    "dev-6": {  # stop 28: 0.987, 0.966, 0.997, 0.980, 1.000, 0.958, 0.916
        "quantity_f1": 0.96,
        "target_f1": 0.94,
        "field.comparator": 0.97,
        "field.kind": 0.96,
        "field.change": 0.98,
        "field.year": 0.93,
        "field.subject": 0.89,
    },
    "blind-5": {  # stop 28: 0.995, 0.965, 0.997, 0.975, 0.991, 0.919, 0.874
        "quantity_f1": 0.97,
        "target_f1": 0.94,
        "field.comparator": 0.97,
        "field.kind": 0.95,
        "field.change": 0.97,
        "field.year": 0.89,
        "field.subject": 0.85,
    },
    "dev-7": {  # stop 28: 0.995, 0.983, 0.997, 0.995, 1.000, 0.981, 0.953
        "quantity_f1": 0.97,
        "target_f1": 0.96,
        "field.comparator": 0.97,
        "field.kind": 0.97,
        "field.change": 0.98,
        "field.year": 0.96,
        "field.subject": 0.93,
    },
    "blind-6": {  # stop 28: 0.994, 0.933, 0.997, 0.977, 0.994, 0.975, 0.877
        "quantity_f1": 0.97,
        "target_f1": 0.91,
        "field.comparator": 0.97,
        "field.kind": 0.95,
        "field.change": 0.97,
        "field.year": 0.95,
        "field.subject": 0.85,
    },
    "blind-7": {  # stop 28: 0.993, 0.949, 0.989, 0.978, 1.000, 0.909, 0.873
        "quantity_f1": 0.97,
        "target_f1": 0.92,
        "field.comparator": 0.96,
        "field.kind": 0.95,
        "field.change": 0.98,
        "field.year": 0.88,
        "field.subject": 0.85,
    },
    "dev-8": {  # stop 29: 0.997, 0.967, 1.000, 0.987, 0.998, 0.993, 0.903
        "quantity_f1": 0.97,
        "target_f1": 0.93,
        "field.comparator": 0.98,
        "field.kind": 0.95,
        "field.change": 0.97,
        "field.year": 0.96,
        "field.subject": 0.87,
    },
    "blind-8": {  # stop 29: 0.994, 0.969, 1.000, 0.988, 1.000, 0.935, 0.920
        "quantity_f1": 0.97,
        "target_f1": 0.93,
        "field.comparator": 0.98,
        "field.kind": 0.95,
        "field.change": 0.98,
        "field.year": 0.90,
        "field.subject": 0.89,
    },
    "dev-9": {  # stop 29: 0.989, 0.951, 0.997, 0.970, 0.992, 0.917, 0.942
        "quantity_f1": 0.96,
        "target_f1": 0.92,
        "field.comparator": 0.97,
        "field.kind": 0.94,
        "field.change": 0.97,
        "field.year": 0.88,
        "field.subject": 0.91,
    },
    "blind-9": {  # stop 29: 0.993, 0.910, 0.994, 0.938, 0.997, 0.918, 0.923
        "quantity_f1": 0.97,
        "target_f1": 0.88,
        "field.comparator": 0.97,
        "field.kind": 0.90,
        "field.change": 0.97,
        "field.year": 0.88,
        "field.subject": 0.89,
    },
    "dev-10": {  # stop 30: 0.997, 0.980, 0.997, 0.991, 0.994, 0.959, 0.880
        "quantity_f1": 0.97,
        "target_f1": 0.95,
        "field.comparator": 0.97,
        "field.kind": 0.96,
        "field.change": 0.97,
        "field.year": 0.92,
        "field.subject": 0.83,
    },
    "blind-10": {  # stop 30 (read): 0.996, 0.982, 1.000, 0.991, 0.997, 0.980, 0.965
        "quantity_f1": 0.97,
        "target_f1": 0.95,
        "field.comparator": 0.98,
        "field.kind": 0.96,
        "field.change": 0.97,
        "field.year": 0.95,
        "field.subject": 0.93,
    },
    "dev-11": {  # stop 30: 0.997, 0.909, 0.997, 0.950, 0.994, 0.850, 0.894
        "quantity_f1": 0.97,
        "target_f1": 0.87,
        "field.comparator": 0.97,
        "field.kind": 0.92,
        "field.change": 0.97,
        "field.year": 0.82,
        "field.subject": 0.86,
    },
    "blind-11": {  # stop 29: 0.989, 0.866, 1.000, 0.895, 0.983, 0.918, 0.926
        "quantity_f1": 0.96,
        "target_f1": 0.83,
        "field.comparator": 0.98,
        "field.kind": 0.86,
        "field.change": 0.96,
        "field.year": 0.88,
        "field.subject": 0.89,
    },
    "dev-12": {  # stop 30: 0.995, 0.962, 1.000, 0.987, 0.987, 0.964, 0.908
        "quantity_f1": 0.97,
        "target_f1": 0.92,
        "field.comparator": 0.98,
        "field.kind": 0.95,
        "field.change": 0.96,
        "field.year": 0.93,
        "field.subject": 0.87,
    },
    "dev-13": {  # stop 30: 0.994, 0.967, 0.991, 0.979, 0.998, 0.968, 0.897
        "quantity_f1": 0.97,
        "target_f1": 0.93,
        "field.comparator": 0.97,
        "field.kind": 0.95,
        "field.change": 0.97,
        "field.year": 0.94,
        "field.subject": 0.86,
    },
    "blind-12": {  # stop 30: 0.994, 0.901, 0.998, 0.953, 0.996, 0.938, 0.951
        "quantity_f1": 0.97,
        "target_f1": 0.87,
        "field.comparator": 0.97,
        "field.kind": 0.92,
        "field.change": 0.97,
        "field.year": 0.91,
        "field.subject": 0.92,
    },
    "dev-14": {  # stop 30: 0.994, 0.963, 1.000, 0.983, 1.000, 0.980, 0.924
        "quantity_f1": 0.97,
        "target_f1": 0.93,
        "field.comparator": 0.98,
        "field.kind": 0.95,
        "field.change": 0.97,
        "field.year": 0.94,
        "field.subject": 0.89,
    },
    "blind-13": {  # stop 30: 0.982, 0.960, 1.000, 0.989, 0.993, 0.977, 0.910
        "quantity_f1": 0.95,
        "target_f1": 0.92,
        "field.comparator": 0.97,
        "field.kind": 0.95,
        "field.change": 0.96,
        "field.year": 0.94,
        "field.subject": 0.88,
    },
}
DOCUMENTS = {
    "blind-2": 8, "dev-3": 7, "dev-4": 8, "blind-3": 7, "dev-5": 8, "blind-4": 7,
    "dev-6": 8, "blind-5": 7, "dev-7": 8, "blind-6": 7, "blind-7": 6,
    "dev-8": 8, "blind-8": 7, "dev-9": 8, "blind-9": 7, "dev-10": 8, "blind-10": 7, "dev-11": 8, "blind-11": 7,
    "dev-12": 8, "dev-13": 8, "blind-12": 7, "dev-14": 8, "blind-13": 7,
}  # fmt: skip


def _score(pipeline, name: str) -> dict:
    folder = GOLD_DIR / name
    records = []
    for path in sorted((folder / "docs").glob("*.txt")):
        record = pipeline.analyse(read_path(path)).to_record()
        record["document"]["source"] = path.name
        records.append(record)
    return evaluate(records, _gold(sorted(folder.glob("*.jsonl"))))


@pytest.fixture(scope="module")
def results(pipeline) -> dict[str, dict]:
    return {name: _score(pipeline, name) for name in FLOORS}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_document_has_its_gold(name: str) -> None:
    folder = GOLD_DIR / name
    docs = {p.name for p in (folder / "docs").glob("*.txt")}
    gold = {g["doc"] for g in _gold(sorted(folder.glob("*.jsonl")))}
    assert docs == gold and len(docs) == DOCUMENTS[name]


@pytest.mark.parametrize(("name", "figure"), [(n, f) for n, floors in FLOORS.items() for f in sorted(floors)])
def test_written_gold_floor(results: dict[str, dict], name: str, figure: str) -> None:
    got = metric(results[name], figure)
    assert got >= FLOORS[name][figure], f"{name} {figure} {got:.3f} < {FLOORS[name][figure]}"
