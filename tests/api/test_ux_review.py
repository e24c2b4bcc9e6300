"""Fixes from a new user's review: one error line instead of tracebacks or silent success."""

from __future__ import annotations

import pytest

from api.cli import app
from ingest.errors import IngestError
from ingest.sources import expand_sources
from tests.api.conftest import upload, wait_job
from tests.api.test_cli_review_fixes import one_error_line


@pytest.mark.parametrize(
    ("gold", "message"),
    [
        ("{bad\n", "g.jsonl:1: not JSON"),
        ('{"anchor": "5%"}\n', 'g.jsonl:1: a gold line needs "doc"'),
        ('{"doc": "a.txt", "value": 5, "unit": "%"}\n', 'needs "anchor"'),
        ('{"doc": "a.txt", "anchor": "5%", "value": 5}\n', 'needs "unit"'),
        ("[1, 2]\n", "a gold line is a JSON object"),
        ("\n", "no gold lines in"),  # scoring nothing printed F1 0.000 and exit code 0
    ],
)
def test_eval_with_bad_gold_is_one_error_line(runner, tmp_path, gold, message) -> None:
    path = tmp_path / "g.jsonl"
    path.write_text(gold, encoding="utf-8")
    assert message in one_error_line(runner.invoke(app, ["eval", "--gold", str(path)]), 2)


def test_serve_rejects_a_port_out_of_range(runner) -> None:
    # uvicorn would start, then fail to bind with an OverflowError traceback
    result = runner.invoke(app, ["serve", "--port", "99999"])
    assert result.exit_code == 2 and "--port" in result.output


@pytest.mark.parametrize("command", ["analyse", "ingest"])
def test_a_folder_without_documents_fails(runner, tmp_path, command) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "report.doc").write_bytes(b"\xd0\xcf\x11\xe0")  # old Word files are not read
    line = one_error_line(runner.invoke(app, [command, str(folder)]), 1)
    assert str(folder) in line and "[empty_folder]" in line


def test_a_broken_source_list_is_reported_on_one_line(tmp_path) -> None:
    (tmp_path / "bad.yaml").write_text("sources:\n  - a.txt\n - b.txt\n")
    with pytest.raises(IngestError) as err:
        expand_sources([str(tmp_path / "bad.yaml")])
    assert "\n" not in err.value.message and "line 3" in err.value.message


def test_sentences_take_the_short_id_the_cli_prints(client, pdf_bytes) -> None:
    accepted = upload(client, pdf_bytes).json()
    assert wait_job(client, accepted["job_id"])["status"] == "done"
    doc_id = accepted["document_id"]
    items = client.get("/sentences", params={"document_id": doc_id[:12]}).json()["items"]
    assert items and {item["document_id"] for item in items} == {doc_id}
    missing = client.get("/sentences", params={"document_id": "ffffffffffff"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
