"""Reading endpoints: documents, quantities (all formats), sentences, trends, the page, OpenAPI, error shapes."""

from __future__ import annotations

import csv
import io
import re

import pyarrow.parquet as pq
import pytest
from openpyxl import load_workbook

from tests.api.conftest import upload, wait_job
from tests.store.corpus import corpus

PLAN, NATIONAL, NEWS = (a.document.id for a in corpus())


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


@pytest.mark.parametrize("path", ["/documents", "/quantities", "/sentences"])
def test_an_empty_cursor_is_the_first_page(client, path: str) -> None:
    response = client.get(path, params={"cursor": ""})
    assert response.status_code == 200 and response.json() == client.get(path).json()


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
    record = {q["start"]: q for q in client.get(f"/documents/{doc_id}").json()["quantities"]}
    for item in everything:  # one contract: the same numbers as the document's record (150, not 150.0)
        assert (item["value"], item["value_max"]) == (
            record[item["start"]]["value"],
            record[item["start"]]["value_max"],
        )
        assert type(item["value"]) is type(record[item["start"]]["value"])


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
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))  # CSV starts with a BOM
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
    for call in ('fetch("documents"', "jobs/", "quantities?", "sentences?", "trends?"):
        assert call in page.text
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn." not in docs.text  # works offline
    script = re.search(r'src="([^"]+swagger-ui-bundle\.js)"', docs.text)
    assert script and client.get(script.group(1)).status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/health",
        "/documents",
        "/documents/{doc_id}",
        "/jobs/{job_id}",
        "/quantities",
        "/sentences",
        "/trends",
    } <= set(paths)
    assert set(paths["/documents"]["post"]["requestBody"]["content"]) == {
        "multipart/form-data",
        "application/json",
    }


@pytest.fixture
def labelled(client):
    """A client whose store holds the hand-built corpus (known labels and scores)."""
    for analysis in corpus():
        assert client.app.state.services.store.save_analysis(analysis)
    return client


def test_sentence_search_json(labelled) -> None:
    params = {"theme": "green", "year": 2023, "kind": "policy", "region": "宁波", "min_score": 0.75}
    page = labelled.get("/sentences", params=params).json()
    assert set(page) == {"items", "next"} and page["next"] is None
    [item] = page["items"]
    assert item["document_id"] == PLAN and item["index"] == 1 and item["heading"] is False
    assert item["text"] == "到2027年，国家级绿色工厂达到150家，单位工业增加值能耗下降13.5%。"
    assert item["clusters"] == [{"label": "绿色石化", "score": 0.9}]
    assert item["themes"] == [{"label": "green", "score": 0.75}]
    assert {
        "source",
        "title",
        "document_date",
        "document_kind",
        "document_region",
        "page",
        "start",
        "end",
    } <= set(item)
    assert labelled.get("/sentences", params={**params, "min_score": 0.76}).json()["items"] == []


def test_sentence_pages_and_headings(labelled) -> None:
    seen, cursor = [], None
    while True:
        params = {"limit": 2, "headings": "true", **({"cursor": cursor} if cursor else {})}
        page = labelled.get("/sentences", params=params).json()
        assert len(page["items"]) <= 2
        seen += [(i["document_id"], i["index"]) for i in page["items"]]
        if not (cursor := page["next"]):
            break
    assert seen == [(NEWS, 0), (NEWS, 1), (PLAN, 0), (PLAN, 1), (PLAN, 2), (PLAN, 3), (NATIONAL, 0), (NATIONAL, 1), (NATIONAL, 2)]  # fmt: skip
    body = labelled.get("/sentences").json()["items"]
    assert [(i["document_id"], i["index"]) for i in body] == [k for k in seen if k[1] != 0]


def test_sentence_csv_exports_all_from_the_cursor(labelled) -> None:
    response = labelled.get("/sentences", params={"format": "csv", "cluster": "新能源"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="sentences.csv"'
    [row] = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))  # CSV starts with a BOM
    assert row["document_id"] == PLAN and row["index"] == "2" and row["text"].startswith("新能源汽车")
    assert row["clusters"] == "新能源:0.9;高端装备:0.8" and row["themes"] == "new:0.75;high-end:0.75"
    assert list(row)[:3] == ["document_id", "source", "title"]

    first = labelled.get("/sentences", params={"limit": 2}).json()
    rest = labelled.get("/sentences", params={"format": "csv", "cursor": first["next"]}).content.decode(
        "utf-8-sig"
    )
    keys = [(r["document_id"], int(r["index"])) for r in csv.DictReader(io.StringIO(rest))]
    assert keys == [
        (PLAN, 2),
        (PLAN, 3),
        (NATIONAL, 1),
        (NATIONAL, 2),
    ]  # no limit: everything after the cursor


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"cursor": "!!not-a-cursor"}, 400, "bad_cursor"),
        ({"cursor": "WzEsMl0"}, 400, "bad_cursor"),  # a valid cursor of the wrong size
        ({"min_score": 0.5}, 422, "invalid"),
        ({"min_score": 0.5, "format": "csv"}, 422, "invalid"),
        ({"min_score": 1.5, "theme": "green"}, 422, "invalid"),
        ({"min_score": -0.1, "theme": "green"}, 422, "invalid"),
        ({"limit": 0}, 422, "invalid"),
        ({"limit": 1001}, 422, "invalid"),
        ({"theme": "blue"}, 422, "invalid"),
        ({"kind": "law"}, 422, "invalid"),
        ({"year": "soon"}, 422, "invalid"),
        ({"format": "xlsx"}, 422, "invalid"),
    ],
)
def test_bad_sentence_requests(labelled, params, status, code) -> None:
    assert_error(labelled.get("/sentences", params=params), status, code)


def test_min_score_without_a_label_says_why(labelled) -> None:
    message = labelled.get("/sentences", params={"min_score": 0.5}).json()["error"]["message"]
    assert message.startswith("min_score needs a cluster or theme")


REPORT = (
    "宁波市绿色制造行动方案\n到2027年，全市国家级绿色工厂达到150家，单位工业增加值能耗下降13.5%。\n"
    "新能源汽车产量达到70万辆，产业规模超过2000亿元，培育形成10个以上新能源整车品牌。\n"
)


def test_a_copy_of_a_stored_text_is_marked_and_left_out(client) -> None:
    ids, job_ids = [], []
    for name, data in (
        ("plan.txt", REPORT.encode()),
        ("plan-copy.txt", REPORT.replace("\n", "\r\n").encode()),
    ):
        accepted = client.post("/documents", files={"file": (name, data, "text/plain")}).json()
        assert wait_job(client, accepted["job_id"])["status"] == "done"
        ids.append(accepted["document_id"])
        job_ids.append(accepted["job_id"])
    original, copy = ids
    jobs = [client.get(f"/jobs/{j}").json() for j in job_ids]
    assert [j["duplicate_of"] for j in jobs] == [None, original]
    assert client.get(f"/documents/{original}").json()["document"]["duplicate_of"] is None
    assert client.get(f"/documents/{copy}").json()["document"]["duplicate_of"] == original

    def document_ids(path: str, **params: str) -> set[str]:
        response = client.get(path, params=params)
        assert response.status_code == 200, response.text
        return {i.get("document_id", i.get("id")) for i in response.json()["items"]}

    for path in ("/quantities", "/sentences", "/documents"):
        assert document_ids(path) == {original}
        assert document_ids(path, include_duplicates="true") == {original, copy}
    listed = client.get("/documents", params={"include_duplicates": "true"}).json()["items"]
    assert {d["id"]: d["duplicate_of"] for d in listed} == {original: None, copy: original}
