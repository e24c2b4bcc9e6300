"""Write labelled sentences (corpora/labels/*.jsonl) as gold label lines (SCHEMA.md: doc, anchor,
clusters, themes), so `policyscope eval --gold` can score the whole pipeline on the source
documents (ingest, sentences, headings, classifier) against the same labels `eval --labels` uses:

    .venv/bin/python scripts/labels_as_gold.py corpora/labels/test.jsonl > /tmp/test-gold.jsonl
    .venv/bin/policyscope eval --gold /tmp/test-gold.jsonl --scope anchored
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def gold_lines(path: Path) -> list[dict[str, object]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [
        {
            "doc": r["doc"],
            "anchor": r["text"],
            "clusters": r.get("clusters", []),
            "themes": r.get("themes", []),
        }
        for r in rows
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path, nargs="+")
    for path in parser.parse_args().labels:
        for line in gold_lines(path):
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
