"""Per-page quality checks: is this page's text layer usable, or does it need OCR?

A garbled page must be flagged and re-read, never fed to the tokenizer as is.
"""

from __future__ import annotations

import re
import unicodedata

from ingest.clean import cjk_share
from ingest.records import Problem

_CID_RE = re.compile(r"\(cid:\d+\)")
_MIN_CHARS = 5  # fewer real characters than this: the page has no text layer


def _garbage_share(text: str) -> float:
    """Replacement characters, private-use glyphs and stray control characters."""
    chars = [c for c in text if not c.isspace()]
    if not chars:
        return 0.0
    bad = sum(1 for c in chars if c == "\ufffd" or unicodedata.category(c) in ("Co", "Cc", "Cn"))
    return bad / len(chars)


def page_problems(number: int, text: str, map_errors: int, has_images: bool, doc_cjk: float) -> list[Problem]:
    """Problems that make page `number`'s text layer unusable (an empty list: fine).

    `doc_cjk` is the CJK share of the whole document's text layer: a page far
    below a Chinese document's share is garbled (mis-mapped fonts give Latin junk).
    """
    visible = [c for c in text if not c.isspace()]
    if len(visible) < _MIN_CHARS:
        if has_images:
            return [
                Problem(
                    code="pdf.no_text_layer", message="page has no text layer (scanned image)", page=number
                )
            ]
        return []
    cids = len(_CID_RE.findall(text))
    if cids >= 3 or (map_errors and map_errors >= 0.2 * len(visible)):
        msg = f"{max(cids, map_errors)} glyphs without a Unicode mapping"
        return [Problem(code="pdf.cid_garbage", message=msg, page=number)]
    if _garbage_share(text) > 0.05:
        return [Problem(code="pdf.cid_garbage", message="replacement or private-use characters", page=number)]
    share = cjk_share(text)
    if len(visible) >= 30 and share < 0.1 and doc_cjk > 0.4:
        return [Problem(code="pdf.low_cjk", message=f"only {share:.0%} CJK characters", page=number)]
    return []
