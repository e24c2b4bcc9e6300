"""Export speed: every quantity of one long single-line document, beside the same number of
quantities spread over short documents, measured in one run.

Usage: .venv/bin/python scripts/bench_export.py [--chars 760000] [--quantities 5000] [--db URL]

Builds the records directly (no nlp pipeline), saves them into a fresh SQLite file (or the
empty database at --db; the baseline is always a SQLite file), then times `all_quantities` (the export's page-by-page read, pages of
api.queries.EXPORT_PAGE) without and with a `q` filter, and `to_xlsx` of the long document's rows.
A sentence's text is (start, end) into the document text, so an export that cut it out in SQL
re-walked the long text for every row; the long document's time should now be close to the
baseline's.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from api.export import to_xlsx  # noqa: E402
from api.queries import all_quantities, quantity_query  # noqa: E402
from ingest.records import Document  # noqa: E402
from nlp.records import Analysis, Quantity, Sentence  # noqa: E402
from store.db import Store  # noqa: E402

SENTENCE = (
    "到2027年全市新能源汽车产量超过{n}万辆，产业规模突破两千亿元，绿色工厂数量稳步增加，"  # no full stop
)


def analysis(name: str, chars: int, quantities: int) -> Analysis:
    """One single-line document of about `chars` characters with `quantities` quantities."""
    filler = "推动制造业高端化智能化绿色化发展" * 2
    per = max(1, chars // quantities - len(SENTENCE) - 4)
    parts, sentences, found, pos = [], [], [], 0
    for i in range(quantities):
        head = SENTENCE.format(n=70 + i % 900)
        body = head + (filler * (per // len(filler) + 1))[:per]
        raw = f"{70 + i % 900}万辆"
        at = pos + head.index(raw)
        sentences.append(Sentence(index=i, text=body, start=pos, end=pos + len(body), page=1))
        found.append(
            Quantity(
                sentence_index=i, raw=raw, start=at, end=at + len(raw), value=(70 + i % 900) * 1e4,
                unit="辆", comparator="gt", kind="target", year=2027, subject="新能源汽车产量",
            )
        )  # fmt: skip
        parts.append(body)
        pos += len(body)
    text = "".join(parts)
    doc = Document(
        id=hashlib.sha256(name.encode()).hexdigest(), source=f"/bench/{name}.txt", format="txt",
        title=name, kind="policy", date="2024-01-01", region="宁波市", text=text,
    )  # fmt: skip
    return Analysis(document=doc, sentences=sentences, quantities=found)


def timed(store: Store, **filters: object) -> tuple[float, int]:
    t0 = time.perf_counter()
    # the short documents repeat each other's text: copies are counted too
    n = sum(1 for _ in all_quantities(store, quantity_query(include_duplicates=True, **filters)))
    return time.perf_counter() - t0, n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=760_000)
    parser.add_argument("--quantities", type=int, default=5000)
    parser.add_argument("--db", help="URL of an empty database (default: a temporary SQLite file)")
    args = parser.parse_args()
    n, short_docs = args.quantities, 50
    with tempfile.TemporaryDirectory() as tmp:
        long_store = Store(args.db or f"sqlite:///{tmp}/long.db")
        long_store.save_analysis(analysis("long", args.chars, n))
        short_store = Store(f"sqlite:///{tmp}/short.db")
        for k in range(short_docs):  # same quantity count, documents of chars/short_docs each
            short_store.save_analysis(analysis(f"short-{k}", args.chars // short_docs, n // short_docs))
        for label, filters in (("all", {}), ("with q (sentence text)", {"q": "汽车产量超过7"})):
            base, base_n = timed(short_store, **filters)
            long, long_n = timed(long_store, **filters)
            print(
                f"export {label:<30} long single line ({args.chars:,} chars): {long:6.2f} s, {long_n} rows"
                f" | baseline {short_docs} short documents: {base:6.2f} s, {base_n} rows"
                f" | ratio {long / base:.1f}"
            )
        rows = list(all_quantities(long_store, quantity_query()))
        t0 = time.perf_counter()
        to_xlsx(rows)
        print(f"to_xlsx of {len(rows)} rows: {time.perf_counter() - t0:.2f} s")
        long_store.close()
        short_store.close()


if __name__ == "__main__":
    main()
