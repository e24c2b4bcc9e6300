"""POST /documents end to end (real ingest, nlp and store), its bad inputs and errors."""

from __future__ import annotations

import socket

import pytest

from store.db import Store
from tests.api.conftest import upload, wait_job
from tests.api.pdfs import TARGET


def stored_documents(client) -> list[dict]:
    return client.get("/documents").json()["items"]


def test_pdf_upload_finds_target_on_page_two_with_exact_offsets(client, pdf_bytes, db_url) -> None:
    response = upload(client, pdf_bytes)
    assert response.status_code == 202
    accepted = response.json()
    job = wait_job(client, accepted["job_id"])
    assert job["status"] == "done", job
    assert job["document_id"] == accepted["document_id"]
    assert job["source"] == "plan.pdf" and job["error"] is None and job["created_at"]

    items = client.get("/quantities", params={"year": 2027}).json()["items"]
    hit = next(i for i in items if i["raw"] == "150家")
    assert (hit["value"], hit["unit"], hit["kind"], hit["page"]) == (150, "家", "target", 2)
    assert hit["document_id"] == accepted["document_id"]
    assert TARGET in hit["sentence"]

    record = client.get(f"/documents/{accepted['document_id']}").json()
    sentence = record["sentences"][hit["sentence_index"]]
    assert sentence["text"][hit["start"] - sentence["start"] : hit["end"] - sentence["start"]] == "150家"
    assert record["document"]["pages"] == 2
    with Store(db_url) as store:
        assert store.get_analysis(accepted["document_id"]).document.text[hit["start"] : hit["end"]] == "150家"
    assert all("宁波市人民政府文件" not in s["text"] for s in record["sentences"]), "running header leaked"
    assert all("— 2 —" not in s["text"] for s in record["sentences"]), "page number leaked"


def test_same_bytes_twice_is_one_document(client, pdf_bytes) -> None:
    first = upload(client, pdf_bytes).json()
    wait_job(client, first["job_id"])
    second = upload(client, pdf_bytes, name="copy.pdf").json()
    assert second["document_id"] == first["document_id"]
    assert second["job_id"] != first["job_id"]
    assert wait_job(client, second["job_id"])["status"] == "done"
    assert [d["id"] for d in stored_documents(client)] == [first["document_id"]]


@pytest.mark.parametrize(
    ("name", "data", "status", "code"),
    [
        ("empty.pdf", b"", 400, "empty"),
        ("blank.txt", b"  \n\t ", 400, "empty"),
    ],
)
def test_empty_upload_is_rejected_at_once(client, name, data, status, code) -> None:
    response = upload(client, data, name=name)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert stored_documents(client) == []


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("fake.pdf", b"\x00\x01\x02\x03binary\xff\xfe" * 50),
        ("random.bin", bytes(range(256)) * 40),
        ("empty.html", b"<!doctype html><html><head><title></title></head><body><div></div></body></html>"),
    ],
)
def test_unreadable_upload_fails_its_job_with_a_message(client, name, data) -> None:
    job = wait_job(client, upload(client, data, name=name).json()["job_id"])
    assert job["status"] == "failed"
    assert job["error"] and "internal error" not in job["error"]
    assert stored_documents(client) == []
    assert client.get("/health").json() == {"status": "ok"}


def test_truncated_pdf_is_not_half_stored(client, pdf_bytes) -> None:
    job = wait_job(client, upload(client, pdf_bytes[: len(pdf_bytes) // 3], name="cut.pdf").json()["job_id"])
    docs = stored_documents(client)
    if job["status"] == "failed":
        assert job["error"]
        assert docs == []
    else:  # a parser that salvages page 1 must store a whole, consistent record
        record = client.get(f"/documents/{job['document_id']}").json()
        assert record["document"]["problems"], "a truncated PDF stored without a recorded problem"
    assert client.get("/health").status_code == 200


def test_oversize_upload_is_413(make_client) -> None:
    client = make_client(max_upload_bytes=1000)
    response = upload(client, b"%PDF-1.4\n" + b"x" * 2000)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_missing_file_field_is_422(client) -> None:
    response = client.post("/documents", files={"other": ("a.txt", b"abc", "text/plain")})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"


def test_wrong_content_type_is_415(client) -> None:
    response = client.post("/documents", content=b"hello", headers={"content-type": "text/plain"})
    assert response.status_code == 415
    assert set(response.json()) == {"error"}


def test_json_without_url_is_422(client) -> None:
    response = client.post("/documents", json={"link": "http://example.org"})
    assert response.status_code == 422
    assert "url" in response.json()["error"]["message"]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_url_on_closed_port_is_reported(make_client) -> None:
    client = make_client(allow_private_urls=True, fetch_timeout=2)
    response = client.post("/documents", json={"url": f"http://127.0.0.1:{closed_port()}/plan.pdf"})
    if response.status_code == 202:
        job = wait_job(client, response.json()["job_id"])
        assert job["status"] == "failed" and job["error"]
    else:
        assert 400 <= response.status_code < 500
        assert response.json()["error"]["message"]
    assert stored_documents(client) == []
    assert client.get("/health").status_code == 200


def test_private_url_is_refused_by_default(client) -> None:
    response = client.post("/documents", json={"url": "http://127.0.0.1:9/plan.pdf"})
    assert response.status_code == 400
    assert response.json()["error"]["message"]


@pytest.mark.parametrize(
    ("headers", "status", "code"), [({}, 401, "unauthorized"), ({"X-API-Key": "nope"}, 403, "forbidden")]
)
def test_api_key_is_required_when_set(make_client, pdf_bytes, headers, status, code) -> None:
    client = make_client(api_key="s3cret")
    response = upload(client, pdf_bytes, headers=headers)
    assert response.status_code == status
    assert response.json() == {"error": {"code": code, "message": response.json()["error"]["message"]}}
    assert client.get("/documents").status_code == 200, "reading stays open"


def test_right_api_key_is_accepted(make_client, pdf_bytes) -> None:
    client = make_client(api_key="s3cret")
    response = upload(client, pdf_bytes, headers={"X-API-Key": "s3cret"})
    assert response.status_code == 202
    wait_job(client, response.json()["job_id"])
