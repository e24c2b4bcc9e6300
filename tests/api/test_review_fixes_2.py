"""Review fixes: one page-size limit, absolute local sources, XLSX exports."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook

from api import batch
from api.cli import app
from api.export import export
from store.queries import MAX_LIMIT

TEXT = "宁波市绿色制造行动方案\n到2027年，全市国家级绿色工厂达到150家。\n新能源汽车产量达到70万辆。\n"

# --- one page-size limit ---------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/documents", "/quantities", "/sentences"])
def test_every_list_endpoint_takes_the_stores_page_limit(client, path: str) -> None:
    assert client.get(path, params={"limit": MAX_LIMIT}).status_code == 200
    assert client.get(path, params={"limit": MAX_LIMIT + 1}).status_code == 422
    assert client.get(path, params={"limit": 0}).status_code == 422
    [limit] = [
        p
        for p in client.get("/openapi.json").json()["paths"][path]["get"]["parameters"]
        if p["name"] == "limit"
    ]
    assert limit["schema"]["maximum"] == MAX_LIMIT and limit["schema"]["minimum"] == 1
    assert f"1 to {MAX_LIMIT}" in limit["description"]


# --- local sources are stored as absolute paths ----------------------------------------------


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def stored_sources(runner) -> list[str]:
    listed = runner.invoke(app, ["quantities", "--format", "json"])
    assert listed.exit_code == 0, listed.output
    return sorted({q["source"] for q in json.loads(listed.stdout)})


@pytest.mark.parametrize("given", ["./docs/a.txt", "docs/../docs/a.txt", "docs"])
def test_ingest_stores_a_relative_path_as_absolute(runner, in_tmp: Path, given: str) -> None:
    result = runner.invoke(app, ["ingest", given])
    assert result.exit_code == 0, result.output
    assert stored_sources(runner) == [str((in_tmp / "docs" / "a.txt").resolve())]


def test_analyse_reports_absolute_sources(runner, in_tmp: Path) -> None:
    result = runner.invoke(app, ["analyse", "docs/a.txt", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["document"]["source"] == str(in_tmp / "docs" / "a.txt")


def test_expand_resolves_paths_and_keeps_urls(in_tmp: Path) -> None:
    url = "https://www.gov.cn/zhengce/a.htm?x=./y"
    sources, failed = batch.expand(["./docs/a.txt", "docs/a.txt", url, "missing.pdf"])
    assert sources == [str(in_tmp / "docs" / "a.txt"), url, str(in_tmp / "missing.pdf")] and not failed
    assert batch.absolute(url) == url


# --- XLSX ------------------------------------------------------------------------------------

ROWS = [
    {"document_id": f"d{i}", "sentence": "=1+1" if i == 0 else f"句子 & <{i}>\r\n", "value": i * 1.5e11,
     "value_max": None, "page": i, "year": 2027, "subject": "+1", "clusters": ["新能源", "高端装备"],
     "title": "bad\x01char", "extra": True}
    for i in range(300)
]  # fmt: skip


def test_xlsx_holds_what_csv_holds_with_numbers_as_numbers() -> None:
    data = export(ROWS, "xlsx")
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        for name in book.namelist():  # every part is well-formed XML
            ElementTree.fromstring(book.read(name))
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet.title == "quantities"
    got = [[c.value for c in row] for row in sheet.iter_rows()]
    csv_rows = list(csv.reader(io.StringIO(export(ROWS, "csv").decode("utf-8-sig"))))
    assert got[0] == csv_rows[0]  # same columns, same order
    assert got[1][:4] == ["d0", "bad\x01char".replace("\x01", ""), 0, "=1+1"]  # control character dropped
    cells = {h: c for h, c in zip(got[0], list(sheet.iter_rows(min_row=3, max_row=3))[0], strict=True)}
    assert cells["value"].data_type == "n" and cells["value"].value == 1.5e11
    assert cells["value_max"].value is None and cells["page"].value == 1 and cells["year"].value == 2027
    # OOXML stores a carriage return as the escape _x000D_ (Excel reads it back as \r; openpyxl leaves it)
    assert (
        cells["sentence"].data_type == "s"
        and cells["sentence"].value.replace("_x000D_", "\r") == "句子 & <1>\r\n"
    )
    assert cells["clusters"].value == "新能源;高端装备" and cells["subject"].value == "+1"
    assert cells["extra"].data_type == "b" and cells["extra"].value is True
    assert len(got) == 301


def test_xlsx_formula_text_is_text() -> None:
    sheet = load_workbook(io.BytesIO(export([{"sentence": '=HYPERLINK("http://x")'}], "xlsx"))).active
    cell = sheet["A2"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x")'
