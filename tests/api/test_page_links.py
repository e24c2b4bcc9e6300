"""The web page's document column links to the document, and puts no stored text into HTML."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

# Runs the page's own script under node with a stub DOM that has no HTML parser at all (no
# innerHTML): a cell can only hold text and elements. Searches once and prints the rows'
# document cells as {tag, href, text, rel, children}.
HARNESS = """
const vm = require("vm");
const els = {};
const make = (tag) => ({
  tag, hidden: false, textContent: "", className: "", value: "", fields: [], rows: [], handlers: {}, children: [],
  addEventListener(type, handler) { this.handlers[type] = handler; },
  append(...nodes) { this.children.push(...nodes); },
  replaceChildren() { this.rows = []; },
  insertRow() { const row = { cells: [], insertCell() { const td = make("td"); this.cells.push(td); return td; } }; this.rows.push(row); return row; },
});
globalThis.document = { querySelector: (sel) => (els[sel] ??= make("el")), createElement: make };
globalThis.FormData = class { constructor(form) { this.fields = form.fields; } [Symbol.iterator]() { return this.fields[Symbol.iterator](); } };
const items = JSON.parse(process.argv[1]);
globalThis.fetch = async () => ({ ok: true, json: async () => ({ items, next: null }) });
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));
const show = (n) => typeof n === "string" ? n : { tag: n.tag, href: n.href, text: n.textContent, rel: n.rel, target: n.target, children: n.children.map(show) };
(async () => {
  vm.runInThisContext(require("fs").readFileSync(0, "utf8"));
  await tick();  // the page searches quantities on load
  els["#sentence-search"].fields = [];
  els["#sentence-search"].handlers.submit({ preventDefault() {} });
  await tick();
  const lastCells = (table) => els[`${table} tbody`].rows.map((row) => show(row.cells.at(-1)));
  console.log(JSON.stringify({ quantities: lastCells("#results"), sentences: lastCells("#sentence-results") }));
})();
"""

DOC_ID = "ab" * 32
ITEMS = [
    {"document_id": DOC_ID, "title": "<b>宁波</b>", "source": "https://www.gov.cn/a?x=1&y=<2>"},
    {"document_id": "id/with?odd#chars", "title": None, "source": "/data/plan.txt"},
    {"document_id": DOC_ID, "title": "t", "source": "javascript:alert(1)"},
]


def document_cells(page_text: str) -> dict:
    script = re.search(r"<script>(.*)</script>", page_text, re.S)
    assert script is not None
    done = subprocess.run(
        ["node", "-e", HARNESS, json.dumps(ITEMS)],
        input=script.group(1), capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(shutil.which("node") is None, reason="needs node to run the page's script")
def test_document_column_links_to_the_record_and_a_web_source(client) -> None:
    cells = document_cells(client.get("/").text)
    assert cells["quantities"] == cells["sentences"]
    web, path, hostile = (cell["children"][0] for cell in cells["quantities"])
    # the title, as text (no markup parsed), links to the stored analysis record
    assert web["children"][0] == {
        "tag": "a",
        "href": f"documents/{DOC_ID}",
        "text": "<b>宁波</b>",
        "children": [],
    }
    # a web source also links to the original page, in a new tab that cannot reach back
    original = web["children"][2]
    assert original["href"] == "https://www.gov.cn/a?x=1&y=<2>" and original["text"] == "source"
    assert original["rel"] == "noopener noreferrer" and original["target"] == "_blank"
    # an id is one path segment; a file path is no link; a javascript: source is no link either
    assert [c["href"] for c in path["children"]] == ["documents/id%2Fwith%3Fodd%23chars"]
    assert path["children"][0]["text"] == "/data/plan.txt"
    assert [c["href"] for c in hostile["children"]] == [f"documents/{DOC_ID}"]


def test_document_links_resolve_to_the_record(client) -> None:
    """The relative link the page builds is the record's endpoint (the page is served at /)."""
    assert "`documents/${encodeURIComponent(item.document_id)}`" in client.get("/").text
    assert "/documents/{doc_id}" in client.get("/openapi.json").json()["paths"]
    assert "innerHTML" not in client.get("/").text and "insertAdjacentHTML" not in client.get("/").text
