"""Charts of keyword trends: PNG or SVG from matplotlib, or an HTML page with both SVG and a table.

Uses the object-oriented Figure API (no pyplot global state) with a CJK font
when one is installed; without it, Chinese labels render as boxes rather than fail.
"""

from __future__ import annotations

import html
import io
import warnings
from pathlib import Path
from typing import Any

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure

CJK_FONTS = (
    Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
)
FORMATS = ("png", "svg", "html")
UNKNOWN = "未知"
TITLES = {"year": "年份", "month": "月份", "region": "地区", "kind": "类型"}


def cjk_font() -> str | None:
    """Register the first CJK font found and return its family name."""
    for path in CJK_FONTS:
        if path.exists():
            known = {f.fname for f in font_manager.fontManager.ttflist}
            if str(path) not in known:
                font_manager.fontManager.addfont(str(path))
            return font_manager.FontProperties(fname=str(path)).get_name()
    return None


def _label(bucket: Any) -> str:
    return UNKNOWN if bucket is None else str(bucket)


def _figure(trend: dict[str, Any]) -> Figure:
    timeline = trend["by"] in ("year", "month")
    # an undated bucket has no place on a time axis; the HTML table still lists it
    keep = [i for i, b in enumerate(trend["buckets"]) if not (timeline and b["bucket"] is None)]
    labels = [_label(trend["buckets"][i]["bucket"]) for i in keep]
    fig = Figure(figsize=(max(6.0, 0.6 * len(labels) + 2), 4), dpi=100, layout="constrained")
    ax = fig.add_subplot()
    terms = trend["terms"]
    rates = {t: [trend["series"][t][i]["per_10k_chars"] for i in keep] for t in terms}
    xs: list[float] = list(range(len(labels)))
    if timeline:
        for term in terms:
            ax.plot(xs, rates[term], marker="o", label=term)
    else:
        width = 0.8 / max(1, len(terms))
        for k, term in enumerate(terms):
            ax.bar([x + k * width for x in xs], rates[term], width, label=term)
        xs = [x + 0.4 - width / 2 for x in xs]
    ax.set_xticks(xs, labels, rotation=45 if len(labels) > 8 else 0)
    ax.set_xlabel(TITLES.get(trend["by"], trend["by"]))
    ax.set_ylabel("每万字出现次数")
    ax.set_title("关键词趋势")
    ax.grid(axis="y", alpha=0.3)
    if terms:
        ax.legend()
    return fig


def _save(fig: Figure, fmt: str) -> bytes:
    buf = io.BytesIO()
    # fixed metadata and id salt make the output reproducible
    meta = {"Date": None} if fmt == "svg" else {"Software": None}
    with matplotlib.rc_context({"svg.hashsalt": "policyscope", "svg.fonttype": "path"}):
        fig.savefig(buf, format=fmt, metadata=meta)
    return buf.getvalue()


def _table(trend: dict[str, Any]) -> str:
    head = "".join(f"<th>{html.escape(t)}</th>" for t in trend["terms"])
    rows = []
    for i, b in enumerate(trend["buckets"]):
        cells = "".join(
            "<td>{occurrences} 次 / {documents} 篇 / {per_10k_chars}</td>".format(**trend["series"][t][i])
            for t in trend["terms"]
        )
        rows.append(f"<tr><th>{html.escape(_label(b['bucket']))}</th><td>{b['documents']}</td>{cells}</tr>")
    return (
        f"<table><thead><tr><th>{html.escape(TITLES.get(trend['by'], trend['by']))}</th><th>文件数</th>{head}</tr>"
        f"</thead><tbody>{''.join(rows)}</tbody></table>"
        "<p>单元格：出现次数 / 含该词的文件数 / 每万字出现次数（精确子串计数）</p>"
    )


def _page(svg: bytes, trend: dict[str, Any]) -> bytes:
    svg_text = svg.decode()
    svg_text = svg_text[svg_text.index("<svg") :]  # drop the XML prolog and doctype: inline in HTML
    terms = html.escape("、".join(trend["terms"]))
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        f"<title>关键词趋势：{terms}</title>"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}</style></head><body>"
        f"<h1>关键词趋势：{terms}</h1>{svg_text}{_table(trend)}</body></html>\n"
    ).encode()


def render(trend: dict[str, Any], fmt: str = "png") -> bytes:
    """The trend from `reports.trends.trend_series` as PNG, SVG or a self-contained HTML page."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown chart format {fmt!r}; expected one of {', '.join(FORMATS)}")
    family = cjk_font()
    with (
        matplotlib.rc_context({"font.family": [family, "DejaVu Sans"]} if family else None),
        warnings.catch_warnings(),
    ):
        if family is None:
            warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
        fig = _figure(trend)
        image = _save(fig, "svg" if fmt == "html" else fmt)
    return _page(image, trend) if fmt == "html" else image
