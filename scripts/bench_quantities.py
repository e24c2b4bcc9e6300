"""Throughput of quantity extraction beside jieba `lcut` on the same texts, in one run.

Usage: .venv/bin/python scripts/bench_quantities.py [--repeat N]

Prints chars/s for find_numbers, extract_quantities (sentences split
beforehand), and a jieba.Tokenizer instance's lcut (dictionary loaded before
timing), and the ratio. The documents reserved for evaluation (08, 10) are left out.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import jieba  # noqa: E402

from nlp.numbers import find_numbers  # noqa: E402
from nlp.quantities import DocContext, extract_quantities  # noqa: E402
from nlp.records import Sentence  # noqa: E402
from nlp.sentences import split_sentences  # noqa: E402

RESERVED = ("08_", "10_")


def texts() -> list[str]:
    paths = sorted((ROOT / "corpora" / "real").glob("*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths if not p.name.startswith(RESERVED)]


def timed(fn, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    docs = texts()
    chars = sum(len(t) for t in docs)
    prepared = []
    for text in docs:
        spans = split_sentences(text)
        sents = [
            Sentence(index=i, text=text[s:e], start=s, end=e, heading=h) for i, (s, e, h) in enumerate(spans)
        ]
        prepared.append((text, sents))
    ctx = DocContext(year=2025, period=None, region=None, kind="policy", title=None)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    results = {
        "find_numbers": timed(lambda: [find_numbers(t) for t in docs], args.repeat),
        "extract_quantities": timed(
            lambda: [extract_quantities(t, s, ctx) for t, s in prepared], args.repeat
        ),
        "jieba lcut": timed(lambda: [tokenizer.lcut(t) for t in docs], args.repeat),
    }
    count = sum(len(extract_quantities(t, s, ctx)) for t, s in prepared)
    print(f"{len(docs)} documents, {chars} chars, {count} quantities")
    for name, seconds in results.items():
        print(f"{name:20s} {chars / seconds:>12,.0f} chars/s")
    ratio = results["jieba lcut"] / results["extract_quantities"]
    print(f"extract_quantities is {ratio:.1f}x jieba lcut ({'ok' if ratio >= 2 else 'TOO SLOW'}: need >= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
