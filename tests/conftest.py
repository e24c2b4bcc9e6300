"""Shared fixtures: expensive objects are built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "corpora"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def tokenizer():
    from nlp.segmenter import make_tokenizer

    return make_tokenizer(["新质生产力", "绿色石化"])


@pytest.fixture(scope="session")
def pipeline():
    from nlp.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def corpora() -> Path:
    return CORPORA
