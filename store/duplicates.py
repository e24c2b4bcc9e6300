"""Copies of a stored text: the same report saved again from another file (TXT, DOCX, PDF).

A document's identity is its source bytes, so a report stored as a DOCX and
again as its PDF print is two documents; counted twice, it doubles its targets
in every query and its words in every trend. Each document keeps a small
sketch of its text, and a new one whose text is nearly the same as a stored
original's is saved with `duplicate_of` pointing to it. Queries and trends
leave copies out; the copy itself stays readable by its id. A near copy with other
numbers is a revision and takes the original's place (`is_revision`, `supersede`).

The sketch is a bottom-k MinHash: the SKETCH_SIZE smallest 63-bit hashes of
the text's SHINGLE-character windows (CJK, letters and digits only, so layout and
punctuation do not count). The k smallest hashes of two
sketches' union estimate the Jaccard similarity of the two window sets. On
the bundled corpora, copies of a report in other formats score 1.0 and
different reports at most 0.06 (national reports of successive years), so
SIMILAR sits far from both.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import sqlalchemy as sa

from store.models import documents, quantities

SKETCH_SIZE = 128
SHINGLE = 8
SIMILAR = 0.9  # estimated Jaccard similarity from which a text is a copy
MIN_CHARS = 50  # shorter texts (a failed scan, a stub page) are never called copies
_KEPT = re.compile(r"[0-9A-Za-z\u3400-\u9fff]+")
_PRIME = np.uint64(1_000_003)
_LENGTH_RATIO = 1 / SIMILAR  # Jaccard >= s needs the shorter text to be >= s of the longer


def normalise(text: str) -> str:
    """The text's CJK characters, letters and digits, nothing else."""
    return "".join(_KEPT.findall(text))


def fingerprint(text: str) -> tuple[int, list[int]]:
    """(length of the normalised text, its sketch: the SKETCH_SIZE smallest 63-bit window hashes)."""
    t = normalise(text)
    if not t:
        return 0, []
    return len(t), [int(h) for h in np.unique(_window_hashes(t))[:SKETCH_SIZE]]


def _window_hashes(t: str) -> np.ndarray:
    """A 63-bit hash of every SHINGLE-character window, vectorised.

    A polynomial hash of the code points (uint64 arithmetic wraps, the same on every
    platform), then the splitmix64 finaliser so that every bit depends on every character.
    """
    codes = np.frombuffer(t.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    if len(codes) < SHINGLE:
        codes = np.concatenate([codes, np.zeros(SHINGLE - len(codes), dtype=np.uint64)])
    n = len(codes) - SHINGLE + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(SHINGLE):
        h = h * _PRIME + codes[j : j + n]
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return h >> np.uint64(1)  # 63 bits: a signed 64-bit integer in JSON and SQL


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two texts' window sets (exact for short texts)."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:SKETCH_SIZE]
    in_a, in_b = set(a), set(b)
    return sum(1 for h in union if h in in_a and h in in_b) / len(union)


def _originals(conn: sa.Connection, chars: int) -> list[tuple[str, list[int]]]:
    """Stored originals (not themselves copies) long enough to be this text's, oldest first."""
    d = documents
    rows = conn.execute(
        sa.select(d.c.id, d.c.sketch)
        .where(
            d.c.duplicate_of.is_(None),
            d.c.text_chars.between(int(chars / _LENGTH_RATIO), int(chars * _LENGTH_RATIO) + 1),
        )
        .order_by(d.c.created_at, d.c.id)
    )
    return [(str(doc_id), stored or []) for doc_id, stored in rows]


def find_original(conn: sa.Connection, text_sketch: list[int], chars: int) -> str | None:
    """The earliest stored original whose text this one nearly repeats."""
    if chars < MIN_CHARS:
        return None
    for doc_id, stored in _originals(conn, chars):
        if similarity(text_sketch, stored) >= SIMILAR:
            return doc_id
    return None


def settle(engine: sa.Engine, doc_id: str, text_sketch: list[int], chars: int) -> None:
    """After `doc_id` is saved as an original: if other originals repeat its text, the earliest
    of them (created_at, then id) stays the original and the others become its copies.

    `find_original` runs before the save's transaction, so two copies saved at the same
    instant can both miss each other; whichever commits last sees both here.
    """
    if chars < MIN_CHARS:
        return
    with engine.connect() as conn:  # read outside the write: no SQLite lock upgrade
        originals = _originals(conn, chars)
    same = [i for i, stored in originals if i == doc_id or similarity(text_sketch, stored) >= SIMILAR]
    if len(same) < 2 or doc_id not in same:
        return  # alone, or already settled by the writer it raced with
    first, later = same[0], same[1:]
    d = documents
    with engine.begin() as conn:
        for other in later:  # a later original and the copies that point to it move to `first`
            conn.execute(d.update().where(d.c.duplicate_of == other).values(duplicate_of=first))
            conn.execute(d.update().where(d.c.id == other).values(duplicate_of=first))


def is_revision(conn: sa.Connection, original: str, raws: list[str], date: str | None) -> bool:
    """Whether a near copy of `original` is a corrected version of it rather than the same text
    again: its numbers differ (5% became 6%), and it is not dated before the original.

    The same report as TXT, DOCX and PDF yields the same quantities, so only an edit makes
    them differ; a corrected file must not hide behind the stale one.
    """
    stored = conn.execute(sa.select(quantities.c.raw).where(quantities.c.document_id == original)).scalars()
    if Counter(stored) == Counter(raws):
        return False
    stored_date = conn.execute(
        sa.select(documents.c.date).where(documents.c.id == original)
    ).scalar_one_or_none()
    return not (date and stored_date and date < stored_date)


def supersede(engine: sa.Engine, old: str, new: str) -> None:
    """`new` revises `old`: the old text and every copy pointing to it now point to `new`."""
    d = documents
    with engine.begin() as conn:
        conn.execute(d.update().where(d.c.duplicate_of == old).values(duplicate_of=new))
        conn.execute(d.update().where(d.c.id == old).values(duplicate_of=new))
