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


def test_train_file_ends_with_exactly_the_synthetic_folder():
    build = _builder()
    want = build.synthetic_rows(build.load_units())
    train = read_jsonl(LABELS / "train.jsonl")
    got = [r for r in train if r["origin"] == "synthetic"]
    assert got == want  # rebuild with scripts/make_label_data.py after editing synthetic/
    assert train[-len(got) :] == got
    assert all(r["doc"].startswith("syn-") and r["split"] == "train" for r in got)


def test_no_synthetic_text_is_a_real_or_test_sentence():
    train = read_jsonl(LABELS / "train.jsonl")
    real = {r["text"] for name in ("test.jsonl", "test-fresh.jsonl") for r in read_jsonl(LABELS / name)}
    real |= {r["text"] for r in train if r["origin"] != "synthetic"}
    synthetic = [r["text"] for r in train if r["origin"] == "synthetic"]
    assert len(set(synthetic)) == len(synthetic)
    assert not set(synthetic) & real
