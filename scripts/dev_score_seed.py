"""Score quantity extraction on the gold files with the real pipeline.

Usage: .venv/bin/python scripts/dev_score_seed.py [--scope all|anchored] [--per-file] [-v] [GOLD.jsonl ...]

Each gold file names its documents; they are read through ingest
(`read_path`, so DOCX/HTML cleaning is included) from corpora/seed,
corpora/real and corpora/real-docx, analysed by `Pipeline(model=None)`
(labels do not affect quantities) and scored with nlp.evaluate. Default gold:
every corpora/gold/*.jsonl (never blind/). Predictions are written to
/tmp/policyscope-dev-pred.jsonl; at full scope ../shared/tools/score.py is run
on them too when it is there.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.read import read_path  # noqa: E402
from nlp.evaluate import evaluate, format_report  # noqa: E402
from nlp.pipeline import Pipeline  # noqa: E402

OUT = Path("/tmp/policyscope-dev-pred.jsonl")
FOLDERS = ("seed", "real", "real-docx")


def source_path(name: str) -> Path:
    for folder in FOLDERS:
        path = ROOT / "corpora" / folder / name
        if path.exists():
            return path
    raise FileNotFoundError(name)


def load_gold(paths: list[Path]) -> list[dict]:
    return [
        json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def summary(result: dict) -> str:
    q, t = result["quantities"], result["targets"]
    fields = " ".join(f"{k[6:]} {v:.3f}" for k, v in result.items() if k.startswith("field."))
    return f"P {q[0]:.3f} R {q[1]:.3f} F1 {q[2]:.3f} | target F1 {t[2]:.3f} | {fields}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", nargs="*")
    ap.add_argument("--scope", choices=("all", "anchored"), default="anchored")
    ap.add_argument("--per-file", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    paths = [Path(p) for p in args.gold] or sorted((ROOT / "corpora" / "gold").glob("*.jsonl"))
    gold = load_gold(paths)
    pipeline = Pipeline(model=None)
    records = []
    for name in sorted({g["doc"] for g in gold}):
        record = pipeline.analyse(read_path(source_path(name))).to_record()
        record["document"]["source"] = name
        records.append(record)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    if args.per_file:
        for path in paths:
            part = load_gold([path])
            for scope in ("anchored", "all"):
                print(f"{path.stem[:34]:34s} {scope:8s} {summary(evaluate(records, part, scope=scope))}")
    print(format_report(evaluate(records, gold, scope=args.scope), verbose=args.verbose))
    score = ROOT.parent / "shared" / "tools" / "score.py"
    if score.exists() and args.scope == "all":
        cmd = [sys.executable, str(score), "--pred", str(OUT)] + [
            a for p in paths for a in ("--gold", str(p))
        ]
        last = subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()
        print("score.py:", last[-1] if last else "(no output)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
