"""The nlp pipeline end to end: offsets exact, headings govern, labels and quantities set."""

from __future__ import annotations

import pytest

from ingest.read import read_path
from nlp.pipeline import governing_headings
from nlp.records import Sentence
from tests.conftest import CORPORA

DOCUMENTS = [
    CORPORA / "seed" / "ningbo-361-news.txt",
    CORPORA / "real" / "17_state-council-zero-waste-city-pilot-plan-2018.txt",
    CORPORA / "real-docx" / "2025-hebei-gov-work-report.docx",
    CORPORA / "real-pdf" / "2025-jiangsu-gov-work-report.pdf",
]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_offsets_are_exact_and_records_follow_the_schema(pipeline, path) -> None:
    analysis = pipeline.analyse(read_path(path))
    text = analysis.document.text
    assert analysis.sentences and analysis.quantities
    previous_end = 0
    for i, s in enumerate(analysis.sentences):
        assert s.index == i and text[s.start : s.end] == s.text and previous_end <= s.start
        previous_end = s.end
        assert 1 <= s.page <= analysis.document.pages
    for q in analysis.quantities:
        sentence = analysis.sentences[q.sentence_index]
        assert text[q.start : q.end] == q.raw
        assert sentence.start <= q.start < q.end <= sentence.end
        if q.subject_start is not None:
            assert text[q.subject_start : q.subject_end] == q.subject
    record = analysis.to_record()
    assert set(record) == {"document", "sentences", "quantities"}
    assert {
        "id",
        "source",
        "title",
        "kind",
        "issuer",
        "doc_number",
        "date",
        "region",
        "period",
        "pages",
    } <= set(record["document"])


def sentence(i: int, text: str, heading: bool) -> Sentence:
    return Sentence(index=i, text=text, start=0, end=len(text), heading=heading)


def test_headings_govern_by_outline_level() -> None:
    sentences = [
        sentence(0, "一、做强绿色石化产业集群", True),
        sentence(1, "（一）提升炼化一体化水平", True),
        sentence(2, "推进重大项目建设。", False),
        sentence(3, "（二）发展化工新材料", True),
        sentence(4, "二、培育新能源产业", True),
        sentence(5, "加快光伏发展。", False),
    ]
    assert governing_headings(sentences) == [
        None,
        "一、做强绿色石化产业集群",
        "一、做强绿色石化产业集群 （一）提升炼化一体化水平",
        "一、做强绿色石化产业集群",
        None,
        "二、培育新能源产业",
    ]


def test_a_sentence_without_a_cluster_inherits_its_headings_cluster(pipeline) -> None:
    from ingest.read import read_bytes

    text = "一、做强绿色石化产业集群\n加快推进重大项目建设，力争到2027年产值突破1万亿元。\n"
    analysis = pipeline.analyse(read_bytes(text.encode(), "plan.txt"))
    body = analysis.sentences[1]
    assert "绿色石化" in {c.label for c in body.clusters}
