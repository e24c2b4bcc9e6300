"""Pages per second of ingest.pdf.parse beside raw pdfplumber extract_text, same files, same run.

    .venv/bin/python scripts/bench_pdf.py [FILE.pdf ...]   (default: corpora/real-pdf/*.pdf)

When a DOCX of the same name lies in corpora/real-docx, the character
fidelity of parse() against the DOCX text is printed too.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pdfplumber

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.pdf import parse  # noqa: E402
from tests.ingest.pdf_fixtures import fidelity  # noqa: E402


def plumber_pages_per_s(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        pages = len(pdf.pages)
        for page in pdf.pages:
            page.extract_text()
    return pages / (time.perf_counter() - start), pages


def parse_pages_per_s(path: Path, repeat: int) -> tuple[float, str]:
    data = path.read_bytes()
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        parsed = parse(data, str(path))
        best = min(best, time.perf_counter() - start)
    return len(parsed.page_spans) / best, parsed.text


def docx_text(path: Path) -> str | None:
    twin = ROOT / "corpora" / "real-docx" / f"{path.stem}.docx"
    if not twin.exists():
        return None
    import docx

    return "\n".join(p.text for p in docx.Document(str(twin)).paragraphs if p.text.strip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="parse() runs per file (best is kept)")
    args = ap.parse_args()
    files = args.files or sorted((ROOT / "corpora" / "real-pdf").glob("*.pdf"))
    print(
        f"{'file':40} {'pages':>5} {'pdfplumber p/s':>15} {'parse p/s':>10} {'speed-up':>8} {'fidelity':>9}"
    )
    for path in files:
        raw, pages = plumber_pages_per_s(path)
        ours, text = parse_pages_per_s(path, args.repeat)
        truth = docx_text(path)
        fid = f"{fidelity(truth, text):.4%}" if truth is not None else "-"
        print(f"{path.name[:40]:40} {pages:5d} {raw:15.1f} {ours:10.1f} {ours / raw:7.1f}x {fid:>9}")


if __name__ == "__main__":
    main()
