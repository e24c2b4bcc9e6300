"""Whole-product checks: bytes through ingest and nlp to records a user would act on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.read import read_bytes, read_path
from tests.ingest.pdf_fixtures import GRID, grid_table


def test_numbers_in_a_ruled_pdf_table_carry_their_row_and_column_headers(pipeline) -> None:
    analysis = pipeline.analyse(read_bytes(grid_table().data, "table.pdf"))
    text = analysis.document.text
    in_table = [q for q in analysis.quantities if "\t" in analysis.sentences[q.sentence_index].text]
    assert len(in_table) == sum(1 for row in GRID[1:] for cell in row[1:] if cell)
    headers = GRID[0]
    for q in in_table:
        assert text[q.start : q.end] == q.raw
        row = next(r for r in GRID[1:] if q.raw in r[1:])
        column = headers[row.index(q.raw)]
        assert q.subject == f"{row[0]} {column}".strip()


def test_gongwen_pdf_gives_every_metadata_field() -> None:
    from tests.ingest.pdf_fixtures import gongwen

    doc = read_bytes(gongwen().data, "gongwen.pdf")
    assert doc.format == "pdf" and doc.kind == "policy"
    assert doc.issuer == "宁波市人民政府"
    assert doc.doc_number == "甬政发〔2023〕55号"
    assert doc.title == "宁波市人民政府关于印发宁波市加快打造万亿级产业集群行动方案的通知"
    assert doc.meta["主送机关"] == "各区（县、市）人民政府，市直及部省属驻甬各单位"
    assert doc.date == "2023-07-20"
    assert doc.region == "宁波市"
    assert "宁波市人民政府文件" not in [doc.text[s.start : s.end] for s in doc.headings]


@pytest.mark.parametrize(
    ("doc", "path"),
    [
        ("06_gov-work-report-national-2022.txt", "real/06_gov-work-report-national-2022.txt"),
        ("2025-hunan-gov-work-report.docx", "real-docx/2025-hunan-gov-work-report.docx"),
        ("2025-hunan-gov-work-report.docx", "real-pdf/2025-hunan-gov-work-report.pdf"),
    ],
)
def test_the_pipeline_labels_test_sentences_as_the_classifier_does_on_the_label_data(
    pipeline, corpora: Path, doc: str, path: str
) -> None:
    """`eval --labels` scores the classifier on labelled sentence texts with their headings; users
    get labels from the pipeline (ingest, sentence splitting, heading detection). Every labelled
    sentence of a test document must come out of the pipeline whole, with the same labels."""
    rows = [
        r
        for name in ("test.jsonl", "test-fresh.jsonl")
        for r in map(json.loads, (corpora / "labels" / name).read_text(encoding="utf-8").splitlines())
        if r["doc"] == doc
    ]
    direct = pipeline.labeller.predict([r["text"] for r in rows], [r.get("context") for r in rows])
    analysis = pipeline.analyse(read_path(corpora / path))
    sentences = [("".join(s.text.split()), s) for s in analysis.sentences]
    differ = []
    for row, (clusters, themes) in zip(rows, direct, strict=True):
        anchor = "".join(row["text"].split())
        sentence = next((s for text, s in sentences if anchor in text), None)
        assert sentence is not None, f"no pipeline sentence holds {row['text'][:40]}"
        got = ({x.label for x in sentence.clusters}, {x.label for x in sentence.themes})
        if got != ({x.label for x in clusters}, {x.label for x in themes}):
            differ.append(row["text"][:40])
    assert len(rows) > 400 and not differ
