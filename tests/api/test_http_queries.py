"""Reading endpoints: documents, quantities (all formats), trends, the page, OpenAPI, error shapes."""

from __future__ import annotations

import csv
import io

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from tests.api.conftest import upload, wait_job


@pytest.fixture
def loaded(client, pdf_bytes):
    """A client whose store holds the test PDF; returns (client, document id)."""
    accepted = upload(client, pdf_bytes).json()
    assert wait_job(client, accepted["job_id"])["status"] == "done"
    return client, accepted["document_id"]


def assert_error(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["code"] == code and body["error"]["message"]


def test_health(client) -> None:
    response = client.get("/health")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_document_list_and_filters(loaded) -> None:
    client, doc_id = loaded
    page = client.get("/documents").json()
    assert [d["id"] for d in page["items"]] == [doc_id] and page["next"] is None
    assert client.get("/documents", params={"q": "绿色工厂"}).json()["items"][0]["id"] == doc_id
    assert client.get("/documents", params={"q": "不存在的词语"}).json()["items"] == []
    assert client.get("/documents", params={"kind": "news"}).json()["items"] in ([], page["items"])


def test_document_record_has_the_analysis_shape(loaded) -> None:
    client, doc_id = loaded
    record = client.get(f"/documents/{doc_id}").json()
    assert set(record) >= {"document", "sentences", "quantities"}
    assert record["document"]["id"] == doc_id
    assert {"index", "text", "start", "end", "page", "clusters", "themes"} <= set(record["sentences"][0])


def test_unknown_document_and_job_are_404(client) -> None:
    assert_error(client.get("/documents/" + "0" * 64), 404, "not_found")
    assert_error(client.get("/jobs/no-such-job"), 404, "not_found")
    assert_error(client.get("/no/such/route"), 404, "not_found")


def test_validation_errors_are_422_json(client) -> None:
    assert_error(client.get("/quantities", params={"year": "soon"}), 422, "invalid")
    assert_error(client.get("/quantities", params={"format": "pdf"}), 422, "invalid")
    assert_error(client.get("/documents", params={"limit": 0}), 422, "invalid")
    assert_error(client.get("/trends", params={"terms": "a", "by": "week"}), 422, "invalid")


def test_bad_cursor_is_400(client) -> None:
    assert_error(client.get("/quantities", params={"cursor": "!!not-a-cursor"}), 400, "bad_cursor")
    assert_error(client.get("/documents", params={"cursor": "e30"}), 400, "bad_cursor")


def test_wrong_method_is_json(client) -> None:
    assert_error(client.delete("/health"), 405, "method_not_allowed")


def test_internal_error_is_500_json(make_client) -> None:
    client = make_client()
    client.app.state.services.store.list_documents = None  # break the store: calling it raises TypeError
    plain = type(client)(client.app, raise_server_exceptions=False)
    assert_error(plain.get("/documents"), 500, "internal")


def test_quantity_items_carry_provenance_and_paginate(loaded) -> None:
    client, doc_id = loaded
    first = client.get("/quantities", params={"limit": 1}).json()
    assert len(first["items"]) == 1
    item = first["items"][0]
    assert {"document_id", "sentence", "page", "start", "end", "raw"} <= set(item)
    seen = [item]
    cursor = first["next"]
    while cursor:
        page = client.get("/quantities", params={"limit": 1, "cursor": cursor}).json()
        seen += page["items"]
        cursor = page["next"]
    everything = client.get("/quantities").json()["items"]
    assert seen == everything


@pytest.mark.parametrize(
    ("params", "expect_hit"),
    [
        ({"year": 2027}, True),
        ({"year": 1999}, False),
        ({"kind": "target", "unit": "家"}, True),
        ({"q": "绿色工厂"}, True),
        ({"q": "不存在的词语"}, False),
    ],
)
def test_quantity_filters(loaded, params, expect_hit) -> None:
    client, _ = loaded
    raws = [i["raw"] for i in client.get("/quantities", params=params).json()["items"]]
    assert ("150家" in raws) is expect_hit


def test_quantity_exports(loaded) -> None:
    client, doc_id = loaded
    response = client.get("/quantities", params={"format": "csv", "year": 2027})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert any(r["raw"] == "150家" and r["document_id"] == doc_id and r["page"] == "2" for r in rows)

    book = load_workbook(io.BytesIO(client.get("/quantities", params={"format": "xlsx"}).content))
    header, *values = list(book.active.values)
    assert "raw" in header and any("150家" in row for row in values)

    table = pq.read_table(io.BytesIO(client.get("/quantities", params={"format": "parquet"}).content))
    assert "150家" in table.column("raw").to_pylist()


def test_trends_json_and_charts(loaded) -> None:
    client, _ = loaded
    trend = client.get("/trends", params={"terms": "绿色,工厂", "by": "year"}).json()
    assert "绿色" in str(trend) and "工厂" in str(trend)
    png = client.get("/trends", params={"terms": "绿色", "format": "png"})
    assert png.headers["content-type"] == "image/png" and png.content.startswith(b"\x89PNG")
    svg = client.get("/trends", params={"terms": "绿色", "format": "svg"})
    assert svg.headers["content-type"].startswith("image/svg+xml") and b"<svg" in svg.content


def test_trends_need_a_term(client) -> None:
    assert_error(client.get("/trends", params={"terms": " , ，"}), 400, "bad_request")
    assert_error(client.get("/trends"), 422, "invalid")


def test_web_page_and_openapi(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    for call in ('fetch("documents"', "jobs/", "quantities?", "trends?"):
        assert call in page.text
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/health",
        "/documents",
        "/documents/{doc_id}",
        "/jobs/{job_id}",
        "/quantities",
        "/trends",
    } <= set(paths)
    assert set(paths["/documents"]["post"]["requestBody"]["content"]) == {
        "multipart/form-data",
        "application/json",
    }
