from __future__ import annotations

from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.fetch import FetchSettings
from ingest.sources import expand_sources, load_source, load_source_list

LOCAL = FetchSettings(timeout=5.0, allow_private=True)


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / ".hidden").mkdir()
    for name in (
        "a.txt",
        "b.PDF",
        "sub/c.docx",
        "sub/d.html",
        "sub/e.htm",
        "notes.md",
        ".hidden/x.txt",
        "sub/f.yaml",
    ):
        (tmp_path / "docs" / name).write_bytes(b"x")
    return tmp_path / "docs"


def test_folder_recursive_known_suffixes(tmp_path: Path) -> None:
    docs = _tree(tmp_path)
    found = [Path(p).relative_to(docs).as_posix() for p in expand_sources([str(docs)])]
    assert found == ["a.txt", "b.PDF", "sub/c.docx", "sub/d.html", "sub/e.htm"]


def test_yaml_list_with_relative_paths_urls_and_nesting(tmp_path: Path) -> None:
    docs = _tree(tmp_path)
    (tmp_path / "more.yml").write_text("- docs/a.txt\n- https://example.org/x.pdf\n", encoding="utf-8")
    (tmp_path / "list.yaml").write_text(
        "sources:\n  - docs/sub\n  - more.yml\n  - list.yaml\n  - missing.txt\nfeeds:\n  - https://example.org/feed.xml\n",
        encoding="utf-8",
    )
    out = expand_sources([str(tmp_path / "list.yaml"), str(docs / "a.txt")])
    assert out == [
        str(docs / "sub" / "c.docx"),
        str(docs / "sub" / "d.html"),
        str(docs / "sub" / "e.htm"),
        str(docs / "a.txt"),
        "https://example.org/x.pdf",
        str(tmp_path / "missing.txt"),
    ]
    assert load_source_list(tmp_path / "list.yaml")["feeds"] == [{"url": "https://example.org/feed.xml"}]


def test_txt_url_list_vs_ordinary_text(tmp_path: Path) -> None:
    (tmp_path / "urls.txt").write_text(
        "# policy pages\nhttps://a.example/1.html\n\nhttps://a.example/2.pdf\n"
    )
    (tmp_path / "doc.txt").write_text("正文里提到 https://a.example/1.html 这个网址。\n")
    assert expand_sources([str(tmp_path / "urls.txt"), str(tmp_path / "doc.txt")]) == [
        "https://a.example/1.html",
        "https://a.example/2.pdf",
        str(tmp_path / "doc.txt"),
    ]


def test_bad_source_list(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("sources: [unclosed\n")
    with pytest.raises(IngestError) as err:
        expand_sources([str(tmp_path / "bad.yaml")])
    assert err.value.code == "source_list"


def test_load_source_path_and_missing(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("各位代表：\n现在。", encoding="utf-8")
    assert load_source(str(tmp_path / "a.txt")).text == "各位代表：\n现在。"
    with pytest.raises(IngestError) as err:
        load_source(str(tmp_path / "nope.pdf"))
    assert err.value.code == "not_found"


def test_load_source_url(site) -> None:
    doc = load_source(site.url("/moved"), LOCAL)
    assert doc.source == site.url("/moved")
    assert doc.meta["final_url"] == site.url("/art/1.html")
    assert doc.format == "html" and doc.doc_number == "甬政发〔2023〕43号"
    attachment = load_source(site.url("/files/plan.docx"), fetch_settings=LOCAL)
    assert attachment.format == "docx"


def test_load_source_url_errors(site, closed_port_url) -> None:
    for url, code in ((closed_port_url, "fetch.connect"), (site.url("/loop"), "fetch.redirects")):
        with pytest.raises(IngestError) as err:
            load_source(url, LOCAL)
        assert err.value.code == code


def test_a_mistyped_key_is_an_error_not_an_empty_list(tmp_path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("source:\n  - a.txt\nfeed:\n  - https://example.org/rss\n", encoding="utf-8")
    with pytest.raises(IngestError, match="unknown key.*feed, source"):
        load_source_list(path)
