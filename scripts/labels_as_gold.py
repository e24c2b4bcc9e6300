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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.classifier_eval import read_jsonl  # noqa: E402


def gold_lines(path: Path) -> list[dict[str, object]]:
    return [
        {
            "doc": r["doc"],
            "anchor": r["text"],
            "clusters": r.get("clusters", []),
            "themes": r.get("themes", []),
        }
        for r in read_jsonl(path)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path, nargs="+")
    for path in parser.parse_args().labels:
        for line in gold_lines(path):
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
