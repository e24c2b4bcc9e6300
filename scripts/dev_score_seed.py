"""Score the quantity extractor on the gold files without the full pipeline.

Usage: .venv/bin/python scripts/dev_score_seed.py [--only-anchored] [-v] [GOLD.jsonl ...]

Each gold file names its documents; the text is read from corpora/seed or
corpora/real, split into sentences, and run through extract_quantities.
Writes the predictions to /tmp/policyscope-dev-pred.jsonl and scores them with
nlp.evaluate (and ../shared/tools/score.py when it is there). With
--only-anchored, only quantities in sentences holding a gold anchor are kept
(the report gold covers a few paragraphs, not the whole document).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nlp.evaluate import evaluate, format_report  # noqa: E402
from nlp.quantities import DocContext, extract_quantities  # noqa: E402
from nlp.records import Sentence  # noqa: E402
from nlp.sentences import split_sentences  # noqa: E402

SEED_CONTEXT = DocContext(year=2023, period=(2023, 2027), region="宁波", kind="news", title=None)
OUT = Path("/tmp/policyscope-dev-pred.jsonl")


def context_for(name: str, text: str) -> DocContext:
    if name == "ningbo-361-news.txt":
        return SEED_CONTEXT
    year = re.search(r"(\d{4})\.txt$", name)
    title = text.split("\n", 1)[0][:200]
    return DocContext(
        year=int(year.group(1)) if year else None, period=None, region=None, kind="policy", title=title
    )


def analyse(name: str) -> dict:
    path = ROOT / "corpora" / ("seed" if name.startswith("ningbo") else "real") / name
    text = path.read_text(encoding="utf-8")
    spans = split_sentences(text)
    sentences = [
        Sentence(index=i, text=text[s:e], start=s, end=e, heading=h) for i, (s, e, h) in enumerate(spans)
    ]
    quantities = extract_quantities(text, sentences, context_for(name, text))
    return {
        "document": {"source": name},
        "sentences": [s.model_dump() for s in sentences],
        "quantities": [q.model_dump() for q in quantities],
    }


def keep_anchored(record: dict, gold: list[dict]) -> dict:
    anchors = [re.sub(r"\s+", "", g["anchor"]) for g in gold if g["doc"] == record["document"]["source"]]
    sents = record["sentences"]
    kept = [
        q
        for q in record["quantities"]
        if any(a in re.sub(r"\s+", "", sents[q["sentence_index"]]["text"]) for a in anchors)
    ]
    return {**record, "quantities": kept}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="*")
    ap.add_argument("--only-anchored", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    paths = [Path(p) for p in args.gold] or [ROOT / "corpora/gold/seed-quantities.jsonl"]
    gold = [
        json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    records = [analyse(name) for name in sorted({g["doc"] for g in gold})]
    if args.only_anchored:
        records = [keep_anchored(r, gold) for r in records]
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    print(format_report(evaluate(records, gold), verbose=args.verbose))
    score = ROOT.parent / "shared" / "tools" / "score.py"
    if score.exists() and not args.only_anchored:
        cmd = [sys.executable, str(score), "--pred", str(OUT)] + [
            a for p in paths for a in ("--gold", str(p))
        ]
        print(
            "score.py:", subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
