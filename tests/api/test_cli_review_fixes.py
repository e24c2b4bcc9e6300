"""Command-line fixes from the exploratory test: one clear error line, no silent empty databases."""

from __future__ import annotations

import csv
import io
import json

import pytest

from api.cli import app
from tests.store.corpus import corpus

BOM = b"\xef\xbb\xbf"


@pytest.fixture
def stored(db_url: str) -> str:
    """The runner's database, holding the hand-built corpus."""
    from store.db import Store

    with Store(db_url) as store:
        for analysis in corpus():
            store.save_analysis(analysis)
    return db_url


def one_error_line(result, code: int) -> str:
    """The command failed with exactly one `error:` line and no traceback; returns that line."""
    assert result.exit_code == code, result.output
    # an unhandled exception would be kept here (and printed as a traceback by the real CLI)
    assert isinstance(result.exception, SystemExit), result.exception
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("error: ")
    return line


def test_csv_file_starts_with_a_bom_and_stdout_does_not(runner, stored, tmp_path) -> None:
    out = tmp_path / "q.csv"
    assert runner.invoke(app, ["quantities", "--format", "csv", "--out", str(out)]).exit_code == 0
    data = out.read_bytes()
    assert data.startswith(BOM + b"document_id,") and "宁波" in data.decode("utf-8-sig")
    printed = runner.invoke(app, ["quantities", "--format", "csv"]).stdout
    assert printed.startswith("document_id,")  # a pipe gets no invisible character in the header


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quantities", "--format", "csv", "--out", "/nonexistent/dir/x.csv"], "--out: no such folder"),
        (["sentences", "--out", "/nonexistent/dir/s.csv"], "--out: no such folder"),
        (["trends", "绿色", "--chart", "/nonexistent/d/t.png"], "--chart: no such folder"),
        (["quantities", "--db", "bogus://x"], "--db: unknown database URL bogus://x"),
        (["quantities", "--db", "not a url"], "--db: not a database URL"),
        (["trends", "绿色", "--db", "bogus://x"], "--db: unknown database URL"),
        (["ingest", "nothing.txt", "--db", "bogus://x"], "--db: unknown database URL"),
        (["serve", "--db", "bogus://x"], "--db: unknown database URL"),  # before the server starts
    ],
)
def test_bad_paths_and_urls_are_usage_errors(runner, stored, args, message) -> None:
    assert message in one_error_line(runner.invoke(app, args), 2)


@pytest.mark.parametrize("command", [["quantities"], ["ingest", "nothing.txt"]])
def test_unreachable_postgres_is_one_line_without_the_password(runner, command) -> None:
    # port 1 refuses at once
    line = one_error_line(
        runner.invoke(app, [*command, "--db", "postgresql+psycopg://u:secret@127.0.0.1:1/x"]), 1
    )
    assert line.startswith("error: cannot open database postgresql+psycopg://u:***@127.0.0.1:1/x: ")
    assert "secret" not in line


def test_an_unwritable_out_file_is_one_line(runner, stored, tmp_path) -> None:
    out = tmp_path / "is-a-folder.csv"
    out.mkdir()
    assert "cannot write" in one_error_line(
        runner.invoke(app, ["quantities", "--format", "csv", "--out", str(out)]), 1
    )


@pytest.mark.parametrize(
    "command", [["quantities"], ["sentences"], ["trends", "绿色"], ["quantities", "--format", "json"]]
)
def test_read_commands_do_not_create_a_missing_database(runner, tmp_path, command) -> None:
    missing = tmp_path / "typo.db"
    line = one_error_line(runner.invoke(app, [*command, "--db", f"sqlite:///{missing}"]), 1)
    assert line == f"error: no such database: {missing} (`policyscope ingest` creates one)"
    assert not missing.exists()


def test_ingest_still_creates_the_database(runner, tmp_path) -> None:
    new = tmp_path / "new.db"
    doc = tmp_path / "plan.txt"
    doc.write_text("宁波市绿色制造行动方案\n到2027年，全市国家级绿色工厂达到150家。\n", encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(doc), "--db", f"sqlite:///{new}"]).exit_code == 0
    assert new.exists()
    assert runner.invoke(app, ["quantities", "--db", f"sqlite:///{new}", "--format", "json"]).exit_code == 0


@pytest.mark.parametrize("command", ["analyse", "ingest"])
def test_unknown_taxonomy_is_a_usage_error_before_any_document(runner, command) -> None:
    # the source does not exist: reading it first would report that instead
    line = one_error_line(runner.invoke(app, [command, "no-such-file.txt", "--taxonomy", "nonexistent"]), 2)
    assert line.startswith("error: --taxonomy: unknown taxonomy 'nonexistent' (known: ")


def test_quantities_comparator_and_value_filters(runner, stored) -> None:
    def raws(*args: str) -> list[str]:
        result = runner.invoke(app, ["quantities", "--format", "json", *args])
        assert result.exit_code == 0, result.output
        return sorted(item["raw"] for item in json.loads(result.stdout))

    assert raws("--comparator", "gt") == ["70万辆"]
    assert raws("--min-value", "100", "--max-value", "150") == ["100%", "150家"]
    assert raws("--unit", "%", "--max-value", "10") == ["5%", "5%"]
    rows = csv.DictReader(
        io.StringIO(runner.invoke(app, ["quantities", "--format", "csv", "--min-value", "1e6"]).stdout)
    )
    assert [r["raw"] for r in rows] == ["1200万人"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["quantities", "--comparator", "zz"],
            "error: --comparator must be one of eq, gt, ge, lt, le, approx, range",
        ),
        (
            ["quantities", "--cluster", "不存在"],
            "error: cluster: unknown label '不存在' (taxonomy ningbo-361-2023: ",
        ),
        (["sentences", "--cluster", "不存在"], "error: cluster: unknown label '不存在'"),
    ],
)
def test_bad_quantity_filters_are_usage_errors(runner, stored, args, message) -> None:
    assert one_error_line(runner.invoke(app, args), 2).startswith(message)
