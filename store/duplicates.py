"""Copies of a stored text: the same report saved again from another file (TXT, DOCX, PDF).

A document's identity is its source bytes, so a report stored as a DOCX and
again as its PDF print is two documents; counted twice, it doubles its targets
in every query and its words in every trend. Each document keeps a small
sketch of its text, and a new one whose text is nearly the same as a stored
original's is saved with `duplicate_of` pointing to it. Queries and trends
leave copies out; the copy itself stays readable by its id.

The sketch is a bottom-k MinHash: the SKETCH_SIZE smallest hashes of the
text's SHINGLE-character windows (CJK, letters and digits only, so layout,
punctuation and page furniture do not count). The k smallest hashes of two
sketches' union estimate the Jaccard similarity of the two window sets. On
the bundled corpora, copies of a report in other formats score 1.0 and
different reports at most 0.07 (national reports of successive years), so
SIMILAR sits far from both.
"""

from __future__ import annotations

import hashlib
import re

import sqlalchemy as sa

from store.models import documents

SKETCH_SIZE = 128
SHINGLE = 8
SIMILAR = 0.9  # estimated Jaccard similarity from which a text is a copy
MIN_CHARS = 50  # shorter texts (a failed scan, a stub page) are never called copies
_KEPT = re.compile(r"[0-9A-Za-z\u3400-\u9fff]+")
_LENGTH_RATIO = 1 / SIMILAR  # Jaccard >= s needs the shorter text to be >= s of the longer


def normalise(text: str) -> str:
    """The text's CJK characters, letters and digits, nothing else."""
    return "".join(_KEPT.findall(text))


def fingerprint(text: str) -> tuple[int, list[int]]:
    """(length of the normalised text, its sketch: the SKETCH_SIZE smallest 63-bit window hashes)."""
    t = normalise(text)
    if not t:
        return 0, []
    windows = {t[i : i + SHINGLE] for i in range(max(1, len(t) - SHINGLE + 1))}
    hashes = {
        int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "big") >> 1 for w in windows
    }
    return len(t), sorted(hashes)[:SKETCH_SIZE]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two texts' window sets (exact for short texts)."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:SKETCH_SIZE]
    in_a, in_b = set(a), set(b)
    return sum(1 for h in union if h in in_a and h in in_b) / len(union)


def find_original(conn: sa.Connection, text_sketch: list[int], chars: int) -> str | None:
    """The earliest stored original (not itself a copy) whose text this one nearly repeats."""
    if chars < MIN_CHARS:
        return None
    d = documents
    candidates = conn.execute(
        sa.select(d.c.id, d.c.sketch)
        .where(
            d.c.duplicate_of.is_(None),
            d.c.text_chars.between(int(chars / _LENGTH_RATIO), int(chars * _LENGTH_RATIO) + 1),
        )
        .order_by(d.c.created_at, d.c.id)
    )
    for doc_id, stored in candidates:
        if stored and similarity(text_sketch, stored) >= SIMILAR:
            return str(doc_id)
    return None
