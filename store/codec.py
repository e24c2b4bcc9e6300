"""Analysis records <-> table rows.

Rows keep offsets, never copies of sentence text; reading rebuilds each
sentence as `text[start:end]`. A record whose offsets do not match its strings
is refused, because it could not be rebuilt exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from ingest.records import Document, PageSpan, Problem, Span
from nlp.records import Analysis, Label, Quantity, Sentence

QUANTITY_FIELDS = tuple(Quantity.model_fields)
Row = Mapping[Any, Any]  # a result row's mapping view


class RecordMismatch(ValueError):
    """An Analysis whose strings disagree with its offsets into the document text."""


def check_offsets(analysis: Analysis) -> None:
    text = analysis.document.text
    for s in analysis.sentences:
        if text[s.start : s.end] != s.text:
            raise RecordMismatch(f"sentence {s.index}: text differs from document text[{s.start}:{s.end}]")
    for i, q in enumerate(analysis.quantities):
        if text[q.start : q.end] != q.raw:
            raise RecordMismatch(f"quantity {i}: raw {q.raw!r} differs from document text[{q.start}:{q.end}]")


def year_of(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def document_row(doc: Document) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": doc.source,
        "format": doc.format,
        "title": doc.title,
        "kind": doc.kind,
        "issuer": doc.issuer,
        "doc_number": doc.doc_number,
        "date": doc.date,
        "year": year_of(doc.date),
        "region": doc.region,
        "period_start": doc.period[0] if doc.period else None,
        "period_end": doc.period[1] if doc.period else None,
        "pages": doc.pages,
        "text": doc.text,
        "page_spans": [p.model_dump() for p in doc.page_spans],
        "headings": [h.model_dump() for h in doc.headings],
        "meta": doc.meta,
        "problems": [p.model_dump() for p in doc.problems],
        "created_at": datetime.now(UTC),
    }


def sentence_rows(doc_id: str, sentences: list[Sentence]) -> list[dict[str, Any]]:
    return [
        {
            "document_id": doc_id,
            "index": s.index,
            "start": s.start,
            "end": s.end,
            "page": s.page,
            "heading": s.heading,
        }
        for s in sentences
    ]


def label_rows(doc_id: str, sentences: list[Sentence]) -> list[dict[str, Any]]:
    rows = []
    for s in sentences:
        for taxonomy, labels in (("cluster", s.clusters), ("theme", s.themes)):
            rows += [
                {
                    "document_id": doc_id,
                    "sentence_index": s.index,
                    "taxonomy": taxonomy,
                    "position": pos,
                    "label": lab.label,
                    "score": lab.score,
                }
                for pos, lab in enumerate(labels)
            ]
    return rows


def quantity_rows(doc_id: str, quantities: list[Quantity]) -> list[dict[str, Any]]:
    return [{"document_id": doc_id, "position": pos, **q.model_dump()} for pos, q in enumerate(quantities)]


def term_rows(doc_id: str, term_counts: dict[str, int]) -> list[dict[str, Any]]:
    return [{"document_id": doc_id, "term": t, "count": c} for t, c in sorted(term_counts.items())]


def build_document(row: Row) -> Document:
    period = (row["period_start"], row["period_end"]) if row["period_start"] is not None else None
    return Document(
        id=row["id"],
        source=row["source"],
        format=row["format"],
        title=row["title"],
        kind=row["kind"],
        issuer=row["issuer"],
        doc_number=row["doc_number"],
        date=row["date"],
        region=row["region"],
        period=period,
        text=row["text"],
        page_spans=[PageSpan(**p) for p in row["page_spans"]],
        headings=[Span(**h) for h in row["headings"]],
        meta=row["meta"],
        problems=[Problem(**p) for p in row["problems"]],
    )


def build_analysis(doc_row: Row, sents: list[Row], labels_: list[Row], quants: list[Row]) -> Analysis:
    """Rows (sentences by index, labels and quantities by position) back into an Analysis."""
    doc = build_document(doc_row)
    labels: dict[tuple[int, str], list[Label]] = {}
    for r in labels_:
        labels.setdefault((r["sentence_index"], r["taxonomy"]), []).append(
            Label(label=r["label"], score=r["score"])
        )
    sentences = [
        Sentence(
            index=r["index"],
            text=doc.text[r["start"] : r["end"]],
            start=r["start"],
            end=r["end"],
            page=r["page"],
            heading=r["heading"],
            clusters=labels.get((r["index"], "cluster"), []),
            themes=labels.get((r["index"], "theme"), []),
        )
        for r in sents
    ]
    quantities = [Quantity(**{f: r[f] for f in QUANTITY_FIELDS}) for r in quants]
    return Analysis(document=doc, sentences=sentences, quantities=quantities)
