"""HTTP API fixes from the exploratory test: exports, the page's CSV link, filters, short ids."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from api.export import export
from tests.store.corpus import corpus
from tests.store.factory import make_analysis

PLAN = corpus()[0].document.id
BOM = b"\xef\xbb\xbf"


@pytest.fixture
def labelled(client):
    """A client whose store holds the hand-built corpus (known quantities and labels)."""
    for analysis in corpus():
        assert client.app.state.services.store.save_analysis(analysis)
    return client


def raws(client, **params) -> list[str]:
    response = client.get("/quantities", params=params)
    assert response.status_code == 200, response.text
    return sorted(item["raw"] for item in response.json()["items"])


# --- the page's CSV link -------------------------------------------------------------------

# Runs the page's own script under node with a stub DOM: search, click "More", read the link.
PAGE_HARNESS = """
const vm = require("vm");
const els = {};
const make = () => ({
  hidden: false, textContent: "", className: "", href: "", value: "", fields: [], rows: [], handlers: {},
  children: [],
  addEventListener(type, handler) { this.handlers[type] = handler; },
  append(...nodes) { this.children.push(...nodes); },
  replaceChildren() { this.rows = []; },
  insertRow() { const row = { insertCell: make }; this.rows.push(row); return row; },
});
globalThis.document = { querySelector: (sel) => (els[sel] ??= make()), createElement: make };
globalThis.FormData = class { constructor(form) { this.fields = form.fields; } [Symbol.iterator]() { return this.fields[Symbol.iterator](); } };
const calls = [];
globalThis.fetch = async (url) => {
  calls.push(url);
  return { ok: true, json: async () => ({ items: [{}], next: url.includes("cursor=") ? null : "CURSOR1" }) };
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
(async () => {
  vm.runInThisContext(require("fs").readFileSync(0, "utf8"));
  await tick();
  const links = {};
  for (const [form, csv, more] of [["#search", "#csv", "#more"], ["#sentence-search", "#sentence-csv", "#sentence-more"]]) {
    els[form].fields = [["q", "绿色"], ["kind", ""]];
    els[form].handlers.submit({ preventDefault() {} });
    await tick();
    els[more].onclick();
    await tick();
    links[csv] = els[csv].href;
  }
  console.log(JSON.stringify({ links, calls }));
})();
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the page's script")
def test_page_csv_link_exports_every_match_after_more(client) -> None:
    script = re.search(r"<script>(.*)</script>", client.get("/").text, re.S)
    assert script is not None
    done = subprocess.run(
        ["node", "-e", PAGE_HARNESS], input=script.group(1), capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert any("cursor=CURSOR1" in call for call in result["calls"])  # "More" did follow the cursor
    q = "q=%E7%BB%BF%E8%89%B2"  # 绿色
    assert result["links"] == {
        "#csv": f"quantities?{q}&format=csv",
        "#sentence-csv": f"sentences?{q}&format=csv",
    }


def test_exports_ignore_limit_and_say_so(labelled) -> None:
    everything = labelled.get("/quantities", params={"format": "csv", "limit": 1}).content.decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(everything)))) == len(raws(labelled, limit=1000))
    spec = labelled.get("/openapi.json").json()["paths"]
    for path in ("/quantities", "/sentences"):
        assert "ignores `limit`" in spec[path]["get"]["description"]


# --- formula injection and the BOM ---------------------------------------------------------

HOSTILE = [
    {"sentence": "=HYPERLINK(\"http://x\")", "subject": "+1", "raw": "-2", "source": "@SUM(A1)",
     "title": "\tTab", "unit": "-", "value": -5, "value_max": 1.5, "page": 2},
]  # fmt: skip


def test_csv_cells_that_would_run_as_formulas_get_an_apostrophe() -> None:
    from api.export import csv_safe

    [row] = list(csv.DictReader(io.StringIO(export(HOSTILE, "csv").decode("utf-8-sig"))))
    assert row["sentence"] == '\'=HYPERLINK("http://x")' and row["subject"] == "'+1" and row["raw"] == "'-2"
    assert row["source"] == "'@SUM(A1)" and row["title"] == "'\tTab" and row["unit"] == "'-"
    assert csv_safe("\r=1") == "'\r=1" and csv_safe("宁波 = 1") == "宁波 = 1" and csv_safe(-5) == -5
    assert row["value"] == "-5" and row["value_max"] == "1.5" and row["page"] == "2"  # numbers stay numbers


def test_xlsx_stores_formula_like_text_as_text() -> None:
    sheet = load_workbook(io.BytesIO(export(HOSTILE, "xlsx"))).active
    header, row = list(sheet.iter_rows(max_row=2))
    cells = {h.value: c for h, c in zip(header, row, strict=True)}
    assert cells["sentence"].data_type == "s" and cells["sentence"].value == '=HYPERLINK("http://x")'
    assert cells["value"].data_type == "n" and cells["value"].value == -5


def test_csv_downloads_start_with_a_bom(labelled) -> None:
    for path in ("/quantities", "/sentences"):
        response = labelled.get(path, params={"format": "csv"})
        assert response.headers["content-type"] == "text/csv; charset=utf-8"
        assert response.content.startswith(BOM + b"document_id,")
        assert "宁波" in response.content.decode("utf-8-sig")


# --- comparator and value filters, unknown clusters ----------------------------------------


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"comparator": "gt"}, ["70万辆"]),
        ({"comparator": "approx"}, ["5%", "5%"]),
        ({"min_value": 1e6}, ["1200万人"]),
        ({"min_value": 100, "max_value": 150}, ["100%", "150家"]),
        ({"max_value": 10, "unit": "%"}, ["5%", "5%"]),
        ({"comparator": "ge", "min_value": 1e7, "kind": "target"}, ["1200万人"]),
    ],
)
def test_quantity_comparator_and_value_filters(labelled, params, expected) -> None:
    assert raws(labelled, **params) == expected
    exported = labelled.get("/quantities", params={**params, "format": "csv"}).content.decode("utf-8-sig")
    assert sorted(r["raw"] for r in csv.DictReader(io.StringIO(exported))) == expected


def test_unknown_comparator_and_cluster_are_422(labelled) -> None:
    for path, params in (
        ("/quantities", {"comparator": "zz"}),
        ("/quantities", {"cluster": "不存在的集群"}),
        ("/sentences", {"cluster": "不存在的集群"}),
    ):
        response = labelled.get(path, params=params)
        assert response.status_code == 422, response.text
        assert response.json()["error"]["code"] == "invalid"
    assert "绿色石化" in labelled.get("/quantities", params={"cluster": "不存在"}).json()["error"]["message"]
    assert raws(labelled, cluster="新能源") == ["100%", "70万辆"]
    # a label of another built-in taxonomy (uploads may choose one) is a valid, empty search
    assert raws(labelled, cluster="新能源汽车产业") == []


# --- short document ids --------------------------------------------------------------------


def test_document_by_the_short_id_the_cli_prints(labelled) -> None:
    record = labelled.get(f"/documents/{PLAN[:12]}")
    assert record.status_code == 200, record.text
    assert record.json()["document"]["id"] == PLAN
    assert labelled.get(f"/documents/{PLAN[:12].upper()}").json()["document"]["id"] == PLAN
    missing = labelled.get(
        "/documents/ffffffffffff" if not PLAN.startswith("ffff") else "/documents/000000000000"
    )
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_an_ambiguous_short_id_is_409(labelled) -> None:
    store = labelled.app.state.services.store
    # another document whose id starts with the plan's first two characters
    name = next(f"doc-{i}" for i in range(100_000) if _sha(f"doc-{i}")[:2] == PLAN[:2])
    assert store.save_analysis(make_analysis(name, [("到2027年新增绿色工厂10家。", [], [])]))
    response = labelled.get(f"/documents/{PLAN[:2]}")
    assert response.status_code == 409
    assert (
        response.json()["error"]["code"] == "ambiguous"
        and "more characters" in response.json()["error"]["message"]
    )
    assert labelled.get(f"/documents/{PLAN[:12]}").json()["document"]["id"] == PLAN


def _sha(name: str) -> str:
    import hashlib

    return hashlib.sha256(name.encode()).hexdigest()
