"""The committed label data is what scripts/make_label_data.py builds from its sources."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from nlp.classifier_eval import read_jsonl

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "corpora" / "labels"


def _builder():
    spec = importlib.util.spec_from_file_location("make_label_data", ROOT / "scripts" / "make_label_data.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["make_label_data"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_train_file_ends_with_exactly_the_synthetic_then_the_written_folder():
    build = _builder()
    units = build.load_units()
    want = build.synthetic_rows(units)
    train = read_jsonl(LABELS / "train.jsonl")
    got = [r for r in train if r["origin"] == "synthetic"]
    assert got == want  # rebuild with scripts/make_label_data.py after editing synthetic/
    written = [r for r in train if r["origin"] == "written"]
    assert written == build.written_rows({u.text for u in units} | {r["text"] for r in want})
    assert train[-len(got) - len(written) :] == got + written
    assert all(r["doc"].startswith("syn-") and r["split"] == "train" for r in got)
    assert written and all(r["kinds"] == ["themes"] and r["split"] == "train" for r in written)


def test_no_written_training_text_is_in_a_test_set():
    train = read_jsonl(LABELS / "train.jsonl")
    tests = (
        "test.jsonl",
        "test-fresh.jsonl",
        "test-written.jsonl",
        "test-written-2.jsonl",
        "test-written-3.jsonl",
    )
    held = {r["text"] for name in tests for r in read_jsonl(LABELS / name)}
    written = [r["text"] for r in train if r["origin"] == "written"]
    assert len(set(written)) == len(written) and not set(written) & held
    test_docs = {r["doc"] for name in tests for r in read_jsonl(LABELS / name)}
    assert not {r["doc"] for r in train if r["origin"] == "written"} & test_docs


def test_no_synthetic_text_is_a_real_or_test_sentence():
    train = read_jsonl(LABELS / "train.jsonl")
    real = {r["text"] for name in ("test.jsonl", "test-fresh.jsonl") for r in read_jsonl(LABELS / name)}
    real |= {r["text"] for r in train if r["origin"] != "synthetic"}
    synthetic = [r["text"] for r in train if r["origin"] == "synthetic"]
    assert len(set(synthetic)) == len(synthetic)
    assert not set(synthetic) & real
