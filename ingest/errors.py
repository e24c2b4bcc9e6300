"""Errors ingest raises for a source it cannot turn into a Document.

`IngestError` is bad input (the caller reports it and goes on with the next
source); anything else escaping ingest is our bug.
"""

from __future__ import annotations


class IngestError(Exception):
    """A source could not be read. `code` is stable; `message` is for people."""

    def __init__(self, code: str, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"{where}{self.message} [{self.code}]"
