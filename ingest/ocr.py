"""OCR of a rendered page with the tesseract command line (chi_sim).

No Python binding: the `tesseract` binary is called with a timeout, so a
missing or stuck OCR engine becomes a recorded problem, never a crash or a hang.
"""

from __future__ import annotations

import io
import math
import re
import shutil
import subprocess

import pypdfium2 as pdfium

from ingest.clean import normalize_spaces

MAX_PIXELS = 40_000_000  # A4 at 300 dpi is 8.7 million
_CJK = r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]"
# tesseract returns ASCII punctuation even between Chinese characters
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_PUNCT_RE = re.compile(rf"(?<={_CJK})\s*([,:;?!()])|([,:;?!()])\s*(?={_CJK})")
_PERIOD_RE = re.compile(rf"(?<={_CJK})\s*\.(?!\d)")


class OcrError(Exception):
    """OCR could not run or failed for one page."""


def tesseract_path() -> str | None:
    return shutil.which("tesseract")


def ocr_image(image: bytes, lang: str = "chi_sim", timeout: float = 120.0) -> str:
    """Text of an image (PNG/PNM bytes) as tesseract reads it."""
    exe = tesseract_path()
    if exe is None:
        raise OcrError("tesseract is not installed")
    try:
        proc = subprocess.run(
            [exe, "stdin", "stdout", "-l", lang, "--psm", "6"],
            input=image,
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise OcrError(f"tesseract took longer than {timeout:.0f}s") from exc
    if proc.returncode != 0:
        raise OcrError(f"tesseract failed: {proc.stderr.decode('utf-8', 'replace').strip()[:200]}")
    return proc.stdout.decode("utf-8", "replace")


def fix_ocr_line(line: str) -> str:
    """Full-width punctuation and no spaces inside Chinese text, as the printed page had."""
    line = _PUNCT_RE.sub(lambda m: _HALF_TO_FULL[m.group(1) or m.group(2)], line)
    line = _PERIOD_RE.sub("。", line)
    return normalize_spaces(line)


def ocr_page(doc: pdfium.PdfDocument, index: int, dpi: int = 300, timeout: float = 120.0) -> list[str]:
    """Render page `index` (0-based) and OCR it; the lines of text, cleaned."""
    page = doc[index]
    try:
        width, height = page.get_size()
        # a page declared huge (or a tiny dpi budget) must not become a multi-GB bitmap
        scale = min(dpi / 72, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
        bitmap = page.render(scale=scale, grayscale=True)
        image = bitmap.to_pil()
    finally:
        page.close()
    buf = io.BytesIO()
    image.save(buf, format="PPM")  # uncompressed: no PNG encoding cost
    text = ocr_image(buf.getvalue(), timeout=timeout)
    return [fixed for ln in text.splitlines() if (fixed := fix_ocr_line(ln)) and not _is_noise(fixed)]


def _is_noise(line: str) -> bool:
    """Specks and rules read as a stray glyph or two plus symbols ("庆>", "|")."""
    return len(line) <= 3 and any(not (ch.isalnum() or "\u4e00" <= ch <= "\u9fff") for ch in line)
