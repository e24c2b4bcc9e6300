"""Sentence, Quantity and Analysis: what nlp adds to a Document (SCHEMA.md)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field, field_serializer

from ingest.records import Document

Comparator = Literal["eq", "gt", "ge", "lt", "le", "approx", "range"]
QuantityKind = Literal["target", "actual"]
Change = Literal["increase", "decrease"]


class Label(BaseModel):
    label: str
    score: float


class Sentence(BaseModel):
    index: int
    text: str
    start: int
    end: int
    page: int = 1
    heading: bool = False
    clusters: list[Label] = Field(default_factory=list)
    themes: list[Label] = Field(default_factory=list)


class Quantity(BaseModel):
    sentence_index: int
    raw: str
    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: str | None = None
    comparator: Comparator = "eq"
    kind: QuantityKind = "actual"
    change: Change | None = None
    year: int | None = None
    subject: str | None = None
    subject_start: int | None = None  # offsets of `subject` when it is one span of the text
    subject_end: int | None = None
    region: str | None = None

    @field_serializer("value", "value_max")
    def _plain_number(self, number: float | None) -> float | int | None:
        return plain_number(number)


def plain_number(number: float | None) -> float | int | None:
    """150 rather than 150.0 in JSON; fractions and huge values stay floats."""
    if number is not None and number.is_integer() and abs(number) < 2**53:
        return int(number)
    return number


class Analysis(BaseModel):
    document: Document
    sentences: list[Sentence] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        """The public JSON shape shared by `analyse --json`, the API and the store."""
        return {
            "document": self.document.header(),
            "sentences": [s.model_dump() for s in self.sentences],
            "quantities": [q.model_dump() for q in self.quantities],
        }
