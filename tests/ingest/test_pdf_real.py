"""LibreOffice prints of real reports against the text of the same DOCX."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from ingest.pdf import parse
from tests.ingest.pdf_fixtures import fidelity

CORPORA = Path(__file__).resolve().parents[2] / "corpora"
PDFS = sorted((CORPORA / "real-pdf").glob("*.pdf"))


@pytest.mark.parametrize("path", PDFS, ids=[p.stem for p in PDFS])
def test_real_pdf_matches_docx(path):
    source = docx.Document(str(CORPORA / "real-docx" / f"{path.stem}.docx"))
    expected = "\n".join(p.text for p in source.paragraphs if p.text.strip())
    parsed = parse(path.read_bytes(), str(path))
    assert fidelity(expected, parsed.text) >= 0.995
    assert " 年" not in parsed.text and "年 " not in parsed.text  # "2025 年" spacing removed
    assert not parsed.problems
    # paragraphs re-joined across lines and pages: about as many as the DOCX has
    assert abs(len(parsed.text.split("\n")) - len(expected.split("\n"))) <= 0.05 * len(expected.split("\n"))
