from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from api.export import FORMATS, columns_for, export

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
    data = export([], fmt)
    if fmt == "json":
        assert json.loads(data) == []
    elif fmt == "parquet":
        assert pq.read_table(io.BytesIO(data)).num_rows == 0
    elif fmt == "csv":
        assert data.decode("utf-8-sig").strip() == ""  # only the byte order mark for Excel
    else:
        assert [row for row in load_workbook(io.BytesIO(data)).active.values if any(row)] == []
