from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from api.export import COLUMNS, FORMATS, columns_for, export

ITEMS = [
    {"raw": "150家", "value": 150, "unit": "家", "document_id": "d1", "page": 2, "clusters": ["绿色石化", "新能源"],
     "themes": [], "extra": "x", "value_max": None},
    {"raw": "5%", "value": 5.5, "unit": "%", "document_id": "d2", "page": 1, "clusters": [], "themes": ["green"],
     "extra": "y", "value_max": 7},
]  # fmt: skip


def test_columns_known_first_then_extras_sorted() -> None:
    assert columns_for(ITEMS) == [
        "document_id",
        "page",
        "raw",
        "value",
        "value_max",
        "unit",
        "clusters",
        "themes",
        "extra",
    ]


def test_csv_flattens_labels() -> None:
    rows = list(csv.DictReader(io.StringIO(export(ITEMS, "csv").decode("utf-8-sig"))))
    assert rows[0]["clusters"] == "绿色石化;新能源" and rows[1]["themes"] == "green"
    assert rows[0]["value_max"] == "" and rows[1]["value"] == "5.5"


def test_xlsx_and_parquet_round_trip() -> None:
    sheet = load_workbook(io.BytesIO(export(ITEMS, "xlsx"))).active
    assert [c.value for c in sheet[1]][:3] == ["document_id", "page", "raw"]
    assert sheet["C2"].value == "150家"
    table = pq.read_table(io.BytesIO(export(ITEMS, "parquet")))
    assert table.column("value").to_pylist() == [150, 5.5]
    assert table.column("clusters").to_pylist() == ["绿色石化;新能源", ""]


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_export_is_valid(fmt: str) -> None:
    # no match still gives the header: a header-less CSV or a column-less Parquet file breaks
    # the analyst's reader (pandas: EmptyDataError) on a week without new targets
    data = export([], fmt)
    if fmt == "json":
        assert json.loads(data) == []
    elif fmt == "parquet":
        table = pq.read_table(io.BytesIO(data))
        assert table.num_rows == 0 and table.column_names == list(COLUMNS)
    elif fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")  # the byte order mark for Excel
        assert list(csv.reader(io.StringIO(data.decode("utf-8-sig")))) == [list(COLUMNS)]
    else:
        rows = list(load_workbook(io.BytesIO(data)).active.values)
        assert rows == [tuple(COLUMNS)]
