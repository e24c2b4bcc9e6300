"""POST /documents?taxonomy=…: the labels come from the taxonomy the caller names."""

from __future__ import annotations

from tests.api.conftest import wait_job

TEXT = "到2025年，新能源汽车产量达到70万辆，动力电池产业规模突破1000亿元。\n".encode()


def upload(client, data: bytes, **kwargs):
    return client.post("/documents", files={"file": ("plan.txt", data, "text/plain")}, **kwargs)


def test_upload_labelled_with_the_named_taxonomy(client) -> None:
    accepted = upload(client, TEXT, params={"taxonomy": "sei-2018"}).json()
    job = wait_job(client, accepted["job_id"])
    assert job["status"] == "done", job
    record = client.get(f"/documents/{accepted['document_id']}").json()
    clusters = {c["label"] for s in record["sentences"] for c in s["clusters"]}
    assert "新能源汽车产业" in clusters  # a sei-2018 label, not a Ningbo 361 one
    items = client.get("/quantities", params={"cluster": "新能源汽车产业"}).json()["items"]
    assert {i["raw"] for i in items} >= {"70万辆"}


def test_unknown_taxonomy_is_a_422_before_anything_is_stored(client) -> None:
    response = upload(client, TEXT, params={"taxonomy": "no-such"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid"
    assert client.get("/documents").json()["items"] == []


def test_stored_bytes_asked_for_with_another_taxonomy_are_a_409(client) -> None:
    accepted = upload(client, TEXT).json()  # the server's default taxonomy
    assert wait_job(client, accepted["job_id"])["status"] == "done"
    record = client.get(f"/documents/{accepted['document_id']}").json()
    assert record["document"]["meta"]["taxonomy"].startswith("ningbo-361-2023 ")  # name and version
    again = upload(client, TEXT, params={"taxonomy": "sei-2018"})
    assert again.status_code == 409, again.text
    assert "ningbo-361-2023" in again.json()["error"]["message"]
    same = upload(client, TEXT, params={"taxonomy": "ningbo-361-2023"})
    assert same.status_code in (200, 202) and same.json()["document_id"] == accepted["document_id"]
