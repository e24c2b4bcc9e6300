"""The command line through typer's CliRunner: outputs, exact error lines, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from api.cli import app
from tests.api.pdfs import chinese_pdf

TEXT = "宁波市绿色制造行动方案\n到2027年，全市国家级绿色工厂达到150家。\n新能源汽车产量达到70万辆。\n"


@pytest.fixture
def docs(tmp_path: Path) -> dict[str, Path]:
    files = {
        "plan": tmp_path / "plan.txt",
        "pdf": tmp_path / "plan.pdf",
        "empty": tmp_path / "empty.txt",
        "junk": tmp_path / "junk.pdf",
    }
    files["plan"].write_text(TEXT, encoding="utf-8")
    files["pdf"].write_bytes(chinese_pdf())
    files["empty"].write_bytes(b"")
    files["junk"].write_bytes(bytes(range(256)) * 8)
    return files


def test_analyse_json_lines(runner, docs) -> None:
    result = runner.invoke(app, ["analyse", str(docs["plan"]), str(docs["pdf"]), "--json"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["document"]["source"] for r in records] == [str(docs["plan"]), str(docs["pdf"])]
    raws = {q["raw"] for q in records[0]["quantities"]}
    assert "150家" in raws
    assert result.stderr == ""


def test_analyse_summary_lists_targets(runner, docs) -> None:
    result = runner.invoke(app, ["analyse", str(docs["plan"])])
    assert result.exit_code == 0, result.output
    assert "150家" in result.stdout and "2027" in result.stdout


def test_one_bad_source_does_not_stop_the_others(runner, docs, tmp_path) -> None:
    missing = tmp_path / "missing.pdf"
    args = ["analyse", str(missing), str(docs["empty"]), str(docs["plan"]), "--json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {missing}: no such file [not_found]",
        f"error: {docs['empty']}: the source is empty [empty]",
    ]
    assert len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.output


def test_junk_bytes_fail_with_one_line(runner, docs) -> None:
    result = runner.invoke(app, ["analyse", str(docs["junk"])])
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {docs['junk']}: ") and line.endswith("]")
    assert "internal error" not in line


def test_numbers(runner) -> None:
    result = runner.invoke(app, ["numbers", "到2027年达到150家，增长5%左右"])
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    by_raw = {n["raw"]: n for n in found}
    assert by_raw["150家"]["value"] == 150 and by_raw["150家"]["unit"] == "家"
    assert {"raw", "value", "value_max", "unit", "comparator"} <= set(found[0])


def test_ingest_is_idempotent(runner, docs) -> None:
    first = runner.invoke(app, ["ingest", str(docs["plan"]), str(docs["pdf"])])
    assert first.exit_code == 0, first.output
    assert first.stdout.strip().splitlines()[-1] == "2 new, 0 already stored, 0 failed"
    again = runner.invoke(app, ["ingest", str(docs["plan"]), str(docs["pdf"]), str(docs["empty"])])
    assert again.exit_code == 1
    assert again.stdout.strip().splitlines()[-1] == "0 new, 2 already stored, 1 failed"
    assert again.stderr.splitlines() == [f"error: {docs['empty']}: the source is empty [empty]"]


def test_ingest_folder_with_db_flag(runner, docs, tmp_path) -> None:
    other = f"sqlite:///{tmp_path / 'other.db'}"
    docs["empty"].unlink()
    docs["junk"].unlink()
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", other])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1] == "2 new, 0 already stored, 0 failed"
    listed = runner.invoke(app, ["quantities", "--format", "json", "--db", other])
    assert "150家" in listed.stdout


def test_ingest_scheduler_without_dask(runner, docs, monkeypatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name.startswith(("distributed", "dask")):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    result = runner.invoke(app, ["ingest", str(docs["plan"]), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --scheduler needs Dask: pip install 'dask[distributed]'"


def test_quantities_formats(runner, docs, tmp_path) -> None:
    assert runner.invoke(app, ["ingest", str(docs["plan"])]).exit_code == 0
    as_json = json.loads(runner.invoke(app, ["quantities", "--year", "2027", "--format", "json"]).stdout)
    assert any(i["raw"] == "150家" for i in as_json)
    as_csv = runner.invoke(app, ["quantities", "--kind", "target", "--format", "csv"]).stdout
    assert any(r["raw"] == "150家" for r in csv.DictReader(io.StringIO(as_csv)))
    table = runner.invoke(app, ["quantities", "--q", "绿色工厂"])
    assert table.exit_code == 0 and "150家" in table.stdout
    out = tmp_path / "q.xlsx"
    assert runner.invoke(app, ["quantities", "--format", "xlsx", "--out", str(out)]).exit_code == 0
    assert out.read_bytes().startswith(b"PK")


def test_sentences_formats_and_filters(runner, db_url, tmp_path) -> None:
    from store.db import Store
    from tests.store.corpus import corpus

    with Store(db_url) as store:
        for analysis in corpus():
            store.save_analysis(analysis)
    plan = corpus()[0].document.id
    result = runner.invoke(
        app, ["sentences", "--cluster", "新能源", "--min-score", "0.9", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    [item] = json.loads(result.stdout)
    assert item["document_id"] == plan and item["index"] == 2
    assert item["clusters"] == [{"label": "新能源", "score": 0.9}, {"label": "高端装备", "score": 0.8}]
    args = ["sentences", "--theme", "green", "--year", "2023", "--kind", "policy", "--region", "宁波"]
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, [*args, "--format", "csv"]).stdout)))
    assert [(r["index"], r["themes"]) for r in rows] == [("1", "green:0.75")]
    table = runner.invoke(app, ["sentences", "--q", "新质生产力"])
    assert table.exit_code == 0 and "新质生产力" in table.stdout and "未来智能:0.9" in table.stdout
    out = tmp_path / "s.csv"
    assert runner.invoke(app, ["sentences", "--headings", "--out", str(out)]).exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))) == 9


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["sentences", "--min-score", "0.5"],
            "error: min_score needs a cluster or theme: it is the lowest score of those labels",
        ),
        (["sentences", "--kind", "law"], "error: --kind must be one of policy, news, other, not 'law'"),
        (["quantities", "--format", "xlsx"], "error: --format xlsx writes a binary file: give --out FILE"),
        (
            ["quantities", "--format", "yaml"],
            "error: --format must be one of table, csv, json, xlsx, parquet, not 'yaml'",
        ),
        (["quantities", "--kind", "goal"], "error: --kind must be one of target, actual, not 'goal'"),
        (
            ["trends", "绿色", "--by", "week"],
            "error: --by must be one of year, month, region, kind, not 'week'",
        ),
        (
            ["trends", "绿色", "--chart", "x.gif"],
            "error: --chart suffix must be one of png, svg, html, not 'gif'",
        ),
    ],
)
def test_bad_options_give_one_line(runner, args, message) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.strip() == message


def test_trends_table_json_csv_and_chart(runner, docs, tmp_path) -> None:
    assert runner.invoke(app, ["ingest", str(docs["plan"])]).exit_code == 0
    as_json = runner.invoke(app, ["trends", "绿色", "工厂", "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    assert "绿色" in json.loads(as_json.stdout)["series"]
    as_csv = list(csv.reader(io.StringIO(runner.invoke(app, ["trends", "绿色", "--format", "csv"]).stdout)))
    assert as_csv[0] == ["year", "documents", "绿色"]
    assert [int(n) for n in as_csv[1][1:]] == [1, TEXT.count("绿色")]
    chart = tmp_path / "t.svg"
    table = runner.invoke(app, ["trends", "绿色", "--chart", str(chart)])
    assert table.exit_code == 0 and "绿色" in table.stdout
    assert b"<svg" in chart.read_bytes()


def test_eval_reports_a_missing_document(runner, tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"doc": "nowhere.txt", "anchor": "x", "negative": true}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(gold)])
    assert result.exit_code == 1
    assert (
        "error: nowhere.txt: document named by the gold not found under corpora/ (give --source)"
        in result.stderr
    )


def test_eval_scores_a_given_source(runner, docs, tmp_path) -> None:
    gold = tmp_path / "gold.jsonl"
    line = {
        "doc": "plan.txt",
        "anchor": "国家级绿色工厂达到150家",
        "value": 150,
        "unit": "家",
        "comparator": "eq",
        "kind": "target",
        "change": None,
        "year": 2027,
        "subject": "国家级绿色工厂",
    }
    gold.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", "--gold", str(gold), "--source", str(docs["plan"])])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


def test_ingest_with_worker_processes(runner, docs) -> None:
    docs["empty"].unlink()
    result = runner.invoke(
        app, ["ingest", str(docs["plan"]), str(docs["pdf"]), str(docs["junk"]), "--workers", "2"]
    )
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines()[-1] == "2 new, 0 already stored, 1 failed"
    assert result.stderr.startswith(f"error: {docs['junk']}: ")


@pytest.mark.slow
def test_train_writes_a_model(runner, tmp_path) -> None:
    labelled = Path(__file__).resolve().parents[2] / "corpora" / "labels" / "train.jsonl"
    data = tmp_path / "tiny.jsonl"
    data.write_text(
        "".join(labelled.read_text(encoding="utf-8").splitlines(keepends=True)[:60]), encoding="utf-8"
    )
    result = runner.invoke(app, ["train", "--data", str(data), "--out", str(tmp_path / "model")])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"model written to {tmp_path / 'model'}"
    assert (tmp_path / "model" / "metadata.json").exists()


def test_train_without_rows_fails_in_one_line(runner, tmp_path) -> None:
    data = tmp_path / "none.jsonl"
    data.write_text('{"text": "x", "split": "test"}\n', encoding="utf-8")
    result = runner.invoke(app, ["train", "--data", str(data), "--out", str(tmp_path / "model")])
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: cannot train: {data}: no training rows"


def test_eval_takes_several_gold_files_after_one_flag(runner, tmp_path) -> None:
    doc = tmp_path / "plan.txt"
    doc.write_text(TEXT, encoding="utf-8")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    line = '{"doc": "plan.txt", "anchor": "%s", "value": %s, "unit": "%s", "comparator": "eq", "kind": "%s", "change": null, "year": %s, "subject": "%s"}\n'
    first.write_text(line % ("达到150家", 150, "家", "target", 2027, "国家级绿色工厂"), encoding="utf-8")
    second.write_text(
        line % ("达到70万辆", 700000, "辆", "actual", "null", "新能源汽车产量"), encoding="utf-8"
    )
    result = runner.invoke(app, ["eval", "--gold", str(first), str(second), "--source", str(doc)])
    assert result.exit_code == 0, result.output
    assert "'tp': 2" in result.stdout


def test_bare_eval_scores_the_classifier_on_its_test_split(runner, tmp_path) -> None:
    rows = [
        {
            "text": "加快发展新能源汽车产业，打造新能源汽车之城。",
            "clusters": ["高端装备"],
            "themes": ["green"],
        },
        {"text": "推进集成电路和工业互联网发展。", "clusters": ["数字产业"], "themes": ["new"]},
        {"text": "完善社会保障体系。", "clusters": [], "themes": []},
    ]
    test = tmp_path / "t.jsonl"
    test.write_text("".join(json.dumps({**r, "split": "test"}, ensure_ascii=False) + "\n" for r in rows))
    result = runner.invoke(app, ["eval", "--test", str(test)])
    assert result.exit_code == 0, result.stderr
    assert "== t.jsonl: classifier vs lexicon (n=3)" in result.stdout
    assert "高端装备" in result.stdout and "plain keywords" in result.stdout


REPORT = (
    "宁波市绿色制造行动方案\n到2027年，全市国家级绿色工厂达到150家，单位工业增加值能耗下降13.5%。\n"
    "新能源汽车产量达到70万辆，产业规模超过2000亿元，培育形成10个以上新能源整车品牌。\n"
)


def test_a_copy_of_a_stored_text_is_reported_and_left_out(runner, tmp_path) -> None:
    plan, printed = tmp_path / "plan.txt", tmp_path / "plan-printed.txt"
    plan.write_text(REPORT, encoding="utf-8")
    printed.write_text("— 1 —\n\n" + REPORT.replace("\n", "\n\n"), encoding="gb18030")  # other bytes
    result = runner.invoke(app, ["ingest", str(plan), str(printed)])
    assert result.exit_code == 0, result.output
    *notes, last = result.stdout.strip().splitlines()
    assert last == "2 new, 0 already stored, 0 failed"
    assert any(line.startswith(f"{printed}: same text as stored document") for line in notes)

    def sources(*extra: str) -> list[str]:
        listed = runner.invoke(app, ["quantities", "--format", "json", *extra])
        assert listed.exit_code == 0, listed.output
        return sorted({q["source"] for q in json.loads(listed.stdout)})

    assert sources() == [str(plan)]
    assert sources("--include-duplicates") == sorted([str(plan), str(printed)])
