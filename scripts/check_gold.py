#!/usr/bin/env python3
"""Validate the quantity gold in corpora/gold/*.jsonl against SCHEMA.md.

Usage: python scripts/check_gold.py [GOLD.jsonl ...]

Checks every line: field names and vocabularies, that the anchor occurs
verbatim in the document's text and does not cross a sentence end, and that a
negative line carries no quantity fields.  Documents are looked up in
corpora/real, corpora/real-docx and corpora/seed by the "doc" file name.
Text is read as a system would see it: .txt without the first "# source:"
line (HTML tags stripped when the file holds HTML), .docx as python-docx
paragraph texts joined by newlines.  Prints counts per file and exits 1 on any
problem.  Stand-alone: imports nothing of policyscope.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "corpora" / "gold"
DOC_DIRS = (
    ROOT / "corpora" / "real",
    ROOT / "corpora" / "real-docx",
    ROOT / "corpora" / "seed",
    # the written documents of every written gold set (blind-2 … dev-6), found so a new set needs no edit
    *sorted(GOLD_DIR.glob("*/docs")),
)
RESERVED = ("08_gov-work-report-national-2024.txt", "10_gov-work-report-zhejiang-2025.txt")

COMPARATORS = {"eq", "gt", "ge", "lt", "le", "approx", "range"}
KINDS = {"target", "actual"}
CHANGES = {None, "increase", "decrease"}
QUANTITY_FIELDS = {"doc", "anchor", "value", "unit", "comparator", "kind", "change", "year", "subject"}
OPTIONAL_FIELDS = {"value_max", "optional", "note"}
NEGATIVE_FIELDS = {"doc", "anchor", "negative", "note"}
SENTENCE_END = re.compile(r"[。！？；]")
SENTENCE = re.compile(r"[^。！？；\n]*(?:[。！？；]|\n|$)")
NUMERAL = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿半倍番成]")
TAG = re.compile(r"<[^>]+>")
BLOCK_TAG = re.compile(r"</?(?:p|br|div|tr|td|li|h\d|table|tbody)\b[^>]*>", re.IGNORECASE)
WS = re.compile(r"\s+")


def strip_html(text: str) -> str:
    """Block tags become line breaks, inline tags vanish, entities are decoded."""
    text = BLOCK_TAG.sub("\n", text)
    return html.unescape(TAG.sub("", text))


def document_text(path: Path) -> str:
    """The text an annotator (and a system) reads for one source file."""
    if path.suffix.lower() == ".docx":
        import docx  # python-docx; imported lazily so .txt checks need nothing extra

        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    text = path.read_text(encoding="utf-8")
    if text.startswith("# source:"):
        text = text.split("\n", 1)[1] if "\n" in text else ""
    if re.search(r"<(?:p|td|span|div|br)\b", text, re.IGNORECASE):
        text = strip_html(text)
    return text


def find_document(name: str) -> Path | None:
    for folder in DOC_DIRS:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def check_fields(rec: dict) -> list[str]:
    """Schema problems of one gold line (empty list when fine)."""
    problems = []
    if not isinstance(rec.get("anchor"), str) or not rec["anchor"].strip():
        return ["anchor missing or empty"]
    if "value" not in rec and ("clusters" in rec or "themes" in rec):
        return []  # a sentence-label line (seed-labels.jsonl); only its anchor is checked
    if rec.get("negative"):
        extra = set(rec) - NEGATIVE_FIELDS
        if rec["negative"] is not True or extra:
            problems.append(f"negative line with extra fields {sorted(extra)}")
        return problems
    missing = QUANTITY_FIELDS - set(rec)
    extra = set(rec) - QUANTITY_FIELDS - OPTIONAL_FIELDS
    if missing:
        problems.append(f"missing fields {sorted(missing)}")
    if extra:
        problems.append(f"unknown fields {sorted(extra)}")
    value = rec.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool):
        problems.append(f"value {value!r} is not a number")
    comparator = rec.get("comparator")
    if comparator not in COMPARATORS:
        problems.append(f"comparator {comparator!r}")
    has_max = rec.get("value_max") is not None
    if (comparator == "range") != has_max:
        problems.append("value_max must be set exactly when comparator is range")
    if has_max and isinstance(value, int | float) and not rec["value_max"] > value:
        problems.append("value_max must exceed value")
    if rec.get("kind") not in KINDS:
        problems.append(f"kind {rec.get('kind')!r}")
    if rec.get("change") not in CHANGES:
        problems.append(f"change {rec.get('change')!r}")
    year = rec.get("year")
    if year is not None and not (isinstance(year, int) and 1949 <= year <= 2100):
        problems.append(f"year {year!r}")
    unit = rec.get("unit")
    if not isinstance(unit, str) or not unit or unit == "个百分点":
        problems.append(f"unit {unit!r} (个百分点 is written 百分点)")
    if not isinstance(rec.get("subject"), str) or not rec["subject"].strip():
        problems.append("subject missing or empty")
    if "optional" in rec and rec["optional"] is not True:
        problems.append("optional must be true when present")
    return problems


def check_anchor(anchor: str, text: str, loose: bool = False) -> str | None:
    """Anchor must occur verbatim and not straddle 。！？； (a trailing end mark is allowed).

    loose: whitespace is ignored, as score.py does (used for sentence-label lines).
    """
    if anchor not in text:
        if WS.sub("", anchor) in WS.sub("", text):
            return None if loose else "anchor found only after removing whitespace"
        return "anchor not in document text"
    if SENTENCE_END.search(anchor.rstrip("。！？")):
        return "anchor spans a sentence end"
    return None


def check_unique(anchor: str, text: str) -> str | None:
    """A quantity anchor must hold a numeral and occur once in every sentence that holds it."""
    if not NUMERAL.search(anchor):
        return "anchor holds no number"
    for sentence in SENTENCE.findall(text):
        if sentence.count(anchor) > 1:
            return "anchor occurs more than once in its sentence"
    return None


def check_file(path: Path, texts: dict[str, str | None]) -> tuple[Counter, list[str]]:
    counts: Counter = Counter()
    problems = []
    seen = set()
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"{where}: bad JSON ({exc})")
            continue
        doc = rec.get("doc")
        if not isinstance(doc, str):
            problems.append(f"{where}: doc missing")
            continue
        if doc in RESERVED:
            problems.append(f"{where}: {doc} is reserved for evaluation")
        if doc not in texts:
            found = find_document(doc)
            texts[doc] = document_text(found) if found else None
        problems += [f"{where}: {p}" for p in check_fields(rec)]
        if texts[doc] is None:
            problems.append(f"{where}: document {doc} not found")
        elif isinstance(rec.get("anchor"), str):
            issue = check_anchor(
                rec["anchor"], texts[doc], loose="value" not in rec and not rec.get("negative")
            )
            if not issue and "value" in rec:
                issue = check_unique(rec["anchor"], texts[doc])
            if issue:
                problems.append(f"{where}: {issue}: {rec['anchor']!r}")
        key = (doc, rec.get("anchor"), rec.get("value"))
        if key in seen:
            problems.append(f"{where}: duplicate line {rec.get('anchor')!r}")
        seen.add(key)
        if "value" not in rec and not rec.get("negative"):
            counts["label"] += 1
        elif rec.get("negative"):
            counts["negative"] += 1
        elif rec.get("optional"):
            counts["optional"] += 1
        else:
            counts["quantity"] += 1
            counts[rec.get("kind", "?")] += 1
    return counts, problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="gold files (default: corpora/gold/*.jsonl)")
    args = ap.parse_args(argv)
    files = args.files or sorted(GOLD_DIR.glob("*.jsonl"))
    texts: dict[str, str | None] = {}
    total: Counter = Counter()
    problems = []
    print(f"{'file':58s} {'qty':>5s} {'target':>6s} {'actual':>6s} {'opt':>4s} {'neg':>4s}")
    for path in files:
        counts, found = check_file(path, texts)
        problems += found
        total += counts
        print(
            f"{path.name:58s} {counts['quantity']:5d} {counts['target']:6d} {counts['actual']:6d}"
            f" {counts['optional']:4d} {counts['negative']:4d}"
        )
    print(
        f"{'TOTAL':58s} {total['quantity']:5d} {total['target']:6d} {total['actual']:6d}"
        f" {total['optional']:4d} {total['negative']:4d}"
    )
    for line in problems:
        print("PROBLEM", line, file=sys.stderr)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
