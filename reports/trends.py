"""Keyword trends: how often terms occur per year, month, region or document kind.

Counts are exact substring occurrences in the cleaned text (non-overlapping,
like str.count), so they hold for phrases jieba would split (新质生产力).
`rising_terms` uses the stored per-document token counts instead.
"""

from __future__ import annotations

import math
from typing import Any

from store.db import Store
from store.terms import BUCKETS


def _bucket_order(bucket: Any) -> tuple[bool, str]:
    """Unknown (None) last; years padded so they sort as numbers, YYYY-MM strings as text."""
    if bucket is None:
        return True, ""
    return False, f"{bucket:>12}" if isinstance(bucket, int) else str(bucket)


def _unique_terms(terms: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(t.strip() for t in terms))
    if not cleaned or "" in cleaned:
        raise ValueError("terms must be non-empty strings")
    return cleaned


def per_10k(count: int, size: int) -> float:
    return round(count * 10_000 / size, 4) if size else 0.0


def trend_series(store: Store, terms: list[str], by: str = "year") -> dict[str, Any]:
    """Series per term over every bucket that has documents (zero-filled).

    {"by", "terms", "buckets": [{"bucket", "documents", "chars"}],
     "series": {term: [{"bucket", "occurrences", "documents", "per_10k_chars"}]}}
    `bucket` None means the documents lack that field (no date, no region).
    """
    if by not in BUCKETS:
        raise ValueError(f"unknown grouping {by!r}; expected one of {', '.join(BUCKETS)}")
    terms = _unique_terms(terms)
    raw = store.term_occurrences(terms, by)
    buckets = sorted(raw["buckets"], key=_bucket_order)
    totals = raw["buckets"]
    series = {}
    for term in terms:
        found = raw["terms"][term]
        series[term] = [
            {
                "bucket": b,
                "occurrences": found.get(b, {}).get("occurrences", 0),
                "documents": found.get(b, {}).get("documents", 0),
                "per_10k_chars": per_10k(found.get(b, {}).get("occurrences", 0), totals[b]["chars"]),
            }
            for b in buckets
        ]
    return {
        "by": by,
        "terms": terms,
        "buckets": [{"bucket": b, **totals[b]} for b in buckets],
        "series": series,
    }


def rising_terms(
    store: Store, by: str = "year", latest: Any = None, top: int = 20, min_count: int = 3
) -> list[dict[str, Any]]:
    """Terms whose share of tokens grew most in the `latest` bucket against all earlier ones.

    Needs term counts saved with the documents. Rates are per 10k tokens; `growth`
    is log2((latest rate + 1) / (earlier rate + 1)): relative, so frequent words do
    not win by size alone, and smoothed, so a term unseen before gets a finite score.
    """
    tokens, counts = store.term_count_totals(by)
    ordered = sorted((b for b in tokens if b is not None), key=_bucket_order)
    if not ordered:
        return []
    latest = ordered[-1] if latest is None else latest
    earlier = [b for b in ordered if _bucket_order(b) < _bucket_order(latest)]
    before_tokens = sum(tokens[b] for b in earlier)
    rows: list[dict[str, Any]] = []
    for term in {t for t, _ in counts}:
        now = counts.get((term, latest), 0)
        if now < min_count:
            continue
        before = sum(counts.get((term, b), 0) for b in earlier)
        rate_now, rate_before = per_10k(now, tokens[latest]), per_10k(before, before_tokens)
        rows.append({
            "term": term, "count": now, "per_10k_tokens": rate_now, "before_per_10k_tokens": rate_before,
            "growth": round(math.log2((rate_now + 1) / (rate_before + 1)), 4),
        })  # fmt: skip
    rows.sort(key=lambda r: (-r["growth"], r["term"]))
    return rows[:top]
