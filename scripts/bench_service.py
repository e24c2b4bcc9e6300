"""Whole-product speed: the nlp pipeline beside jieba on the same documents, and the
HTTP API's latency on loopback, measured in one run.

Usage: .venv/bin/python scripts/bench_service.py [--requests N]

1. Pipeline: reads corpora/real (08 and 10 left out) through ingest, runs
   Pipeline.analyse on each, prints chars/s beside a jieba.Tokenizer's lcut of
   the same texts (the segmentation floor every Chinese pipeline pays).
2. Store: saves every analysis into a fresh SQLite file, prints documents/s.
3. API: starts `policyscope serve` on 127.0.0.1 (a free port) against that
   file, sends N requests each to GET /quantities (by text and kind, by label),
   /sentences (by label), /documents/{id} and /trends, and prints p50/p95/max latency. The server is stopped at the end.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.read import read_path  # noqa: E402
from nlp.pipeline import Pipeline  # noqa: E402
from store.db import Store  # noqa: E402

RESERVED = ("08_", "10_")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_pipeline(pipeline: Pipeline) -> list:
    paths = [p for p in sorted((ROOT / "corpora" / "real").glob("*.txt")) if not p.name.startswith(RESERVED)]
    docs = [read_path(p) for p in paths]
    chars = sum(len(d.text) for d in docs)
    t0 = time.perf_counter()
    analyses = [pipeline.analyse(d) for d in docs]
    spent = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d in docs:
        pipeline.tokenizer.lcut(d.text)
    jieba_spent = time.perf_counter() - t0
    print(f"pipeline.analyse   {chars / spent:>12,.0f} chars/s  ({len(docs)} documents, {chars:,} chars)")
    print(f"jieba lcut         {chars / jieba_spent:>12,.0f} chars/s  (ratio {jieba_spent / spent:.2f})")
    return analyses


def bench_api(db_url: str, doc_id: str, requests: int) -> None:
    port = free_port()
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "policyscope"), "serve", "--port", str(port), "--db", db_url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(100):  # wait for start-up, at most ~20 s
                try:
                    if client.get("/health").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.2)
            routes = {
                "/quantities?kind=target&q=生产总值": "filtered quantities",
                "/quantities?theme=green": "quantities by label",
                "/sentences?cluster=新能源&theme=green&min_score=0.5": "sentences by label",
                f"/documents/{doc_id}": "one analysis record",
                "/trends?terms=新质生产力,人工智能&by=year": "trend series",
            }
            for route, name in routes.items():
                times = []
                for _ in range(requests):
                    t0 = time.perf_counter()
                    client.get(route).raise_for_status()
                    times.append((time.perf_counter() - t0) * 1000)
                times.sort()
                p95 = times[int(0.95 * (len(times) - 1))]
                print(
                    f"GET {name:22s} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
                    f"max {times[-1]:7.1f} ms  (n={requests})"
                )
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=100)
    args = ap.parse_args()
    pipeline = Pipeline()
    analyses = bench_pipeline(pipeline)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        store = Store(url)
        t0 = time.perf_counter()
        for analysis in analyses:
            store.save_analysis(analysis)
        spent = time.perf_counter() - t0
        print(f"store.save_analysis {len(analyses) / spent:>11,.1f} documents/s (SQLite file)")
        bench_api(url, analyses[0].document.id, args.requests)
    return 0


if __name__ == "__main__":
    sys.exit(main())
