"""Rebuild review documents from labelled synthetic sentences (stop 26's third review).

    python corpora/audits/build_docs.py OUT_DIR corpora/labels/synthetic/02-future-industry-plans.jsonl ...

Lines are grouped by `doc` in file order. A paragraph holds up to 4 sentences joined
with no separator; a line with an outline mark (一、 （一） 1.) or without a final
。！？；： (a title, headline, dateline or heading) stands on its own line.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_END = tuple("。！？；：")
_OUTLINE = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d))"
)
_PER_PARAGRAPH = 4


def paragraphs(sentences: list[str]) -> list[str]:
    out: list[str] = []
    current: list[str] = []
    for text in sentences:
        if _OUTLINE.match(text) or not text.endswith(_END):
            out.extend(["".join(current)] if current else [])
            out.append(text)
            current = []
            continue
        current.append(text)
        if len(current) == _PER_PARAGRAPH:
            out.append("".join(current))
            current = []
    out.extend(["".join(current)] if current else [])
    return out


def main(out_dir: str, files: list[str]) -> None:
    docs: dict[str, list[str]] = {}
    for name in files:
        with open(name, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    row = json.loads(line)
                    docs.setdefault(row["doc"], []).append(row["text"].strip())
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    for doc, sentences in docs.items():
        (Path(out_dir) / f"{doc}.txt").write_text("\n".join(paragraphs(sentences)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
