"""Sources: files, folders, URLs and source-list files, expanded to a flat list and loaded.

A source list is YAML (``sources:`` a list of paths/URLs; ``feeds:`` listing
pages and feeds for `ingest.poll`), or a top-level YAML list, or a .txt file
holding nothing but URLs (and # comments), one a line. Relative paths in a
list are relative to the list's folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ingest.errors import IngestError
from ingest.fetch import FetchSettings, fetch
from ingest.read import read_bytes, read_path
from ingest.records import Document

DOCUMENT_SUFFIXES = (".pdf", ".html", ".htm", ".docx", ".txt")
LIST_SUFFIXES = (".yaml", ".yml")
_URL = re.compile(r"^https?://\S+$", re.I)
_URL_LIST_MAX_BYTES = 1024 * 1024


def is_url(spec: str) -> bool:
    return bool(_URL.match(spec.strip()))


def load_source_list(path: Path) -> dict[str, Any]:
    """The parsed list: {"sources": [...], "feeds": [...]} (feeds are dicts, see ingest.poll)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise IngestError("source_list", f"cannot read source list: {_one_line(exc)}", str(path)) from exc
    if data is None:
        return {"sources": [], "feeds": []}
    if isinstance(data, list):
        data = {"sources": data}
    if not isinstance(data, dict):
        raise IngestError("source_list", "a source list is a YAML mapping or list", str(path))
    unknown = sorted(str(key) for key in data if key not in ("sources", "feeds"))
    if unknown:  # source: / feed: would otherwise read nothing and report success
        raise IngestError(
            "source_list",
            f"unknown key(s) {', '.join(unknown)}: a source list has 'sources' and 'feeds'",
            str(path),
        )
    sources = data.get("sources") or []
    feeds = data.get("feeds") or []
    if not isinstance(sources, list) or not isinstance(feeds, list):
        raise IngestError("source_list", "'sources' and 'feeds' must be lists", str(path))
    feeds = [{"url": f} if isinstance(f, str) else f for f in feeds]
    if not all(isinstance(f, dict) and isinstance(f.get("url"), str) for f in feeds):
        raise IngestError("source_list", "every feed needs a 'url'", str(path))
    return {"sources": [str(s) for s in sources], "feeds": feeds}


def _one_line(exc: Exception) -> str:
    """A YAML error spans lines (context, snippet, caret); a failure is reported on one."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        return f"{exc.problem} (line {mark.line + 1}, column {mark.column + 1})"
    return " ".join(str(exc).split())


def _url_list(path: Path) -> list[str] | None:
    """Lines of a .txt file when every non-comment line is a URL; None for an ordinary text."""
    if path.stat().st_size > _URL_LIST_MAX_BYTES:
        return None
    try:
        lines = [line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines()]
    except UnicodeDecodeError:
        return None
    entries = [line for line in lines if line and not line.startswith("#")]
    if entries and all(is_url(line) for line in entries):
        return entries
    return None


def _resolve(entry: str, base: Path) -> str:
    if is_url(entry):
        return entry.strip()
    path = Path(entry).expanduser()
    return str(path if path.is_absolute() else base / path)


def _folder(path: Path) -> list[str]:
    files = (
        p
        for p in path.rglob("*")
        if p.is_file()
        and p.suffix.lower() in DOCUMENT_SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
    return [str(p) for p in sorted(files)]


def _expand_one(spec: str, seen_lists: set[Path]) -> list[str]:
    if is_url(spec):
        return [spec.strip()]
    path = Path(spec).expanduser()
    if path.is_dir():
        return _folder(path)
    if path.is_file() and path.suffix.lower() in LIST_SUFFIXES:
        return _expand_list(path, load_source_list(path)["sources"], seen_lists)
    if path.is_file() and path.suffix.lower() == ".txt":
        urls = _url_list(path)
        if urls is not None:
            return _expand_list(path, urls, seen_lists)
    return [spec]  # a file, or a missing path that load_source will report


def _expand_list(path: Path, entries: list[str], seen_lists: set[Path]) -> list[str]:
    key = path.resolve()
    if key in seen_lists:  # a list that names itself (or a cycle) is read once
        return []
    seen_lists.add(key)
    out: list[str] = []
    for entry in entries:
        out += _expand_one(_resolve(entry, path.parent), seen_lists)
    return out


def expand_sources(specs: list[str]) -> list[str]:
    """Files, folders (recursive, known suffixes), URLs and source lists → flat list, first-seen order."""
    seen_lists: set[Path] = set()
    out: list[str] = []
    for spec in specs:
        out += _expand_one(spec, seen_lists)
    return list(dict.fromkeys(out))


def load_source(
    source: str,
    fetch_settings: FetchSettings | None = None,
    *,
    max_bytes: int | None = None,
) -> Document:
    """Read a path or fetch a URL and return its Document; IngestError for bad input."""
    if is_url(source):
        settings = fetch_settings or FetchSettings()
        result = fetch(source, settings)
        doc = read_bytes(
            result.content, source, result.content_type, max_bytes=max_bytes or settings.max_bytes
        )
        if result.url != source:
            doc.meta["final_url"] = result.url
        return doc
    if max_bytes is None:
        return read_path(source)
    return read_path(source, max_bytes=max_bytes)
