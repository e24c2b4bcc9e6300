from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from reports import charts
from reports.charts import render

NQP = "新质生产力"


def trend(by: str = "year") -> dict:
    buckets = [2023, 2024, None] if by == "year" else ["policy", "news", None]
    points = {
        NQP: [(0, 0, 0.0), (4, 2, 31.25), (0, 0, 0.0)],
        "a<b&c": [(2, 1, 20.0), (1, 1, 7.5), (3, 1, 99.0)],
    }
    return {
        "by": by,
        "terms": list(points),
        "buckets": [{"bucket": b, "documents": 1 + i, "chars": 1000} for i, b in enumerate(buckets)],
        "series": {
            t: [
                {"bucket": b, "occurrences": o, "documents": d, "per_10k_chars": r}
                for b, (o, d, r) in zip(buckets, pts, strict=True)
            ]
            for t, pts in points.items()
        },
    }


@pytest.mark.parametrize("by", ["year", "kind"])
def test_png(by: str) -> None:
    assert render(trend(by), "png").startswith(b"\x89PNG\r\n\x1a\n")


def test_svg_is_valid_reproducible_and_uses_the_cjk_font() -> None:
    svg = render(trend(), "svg")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert svg == render(trend(), "svg")
    if charts.cjk_font():
        assert b'id="WenQuanYiMicroHei-' in svg  # Chinese glyphs drawn from the CJK font


def test_undated_bucket_is_left_off_a_time_axis_only() -> None:
    year = render(trend("year"), "svg").decode()
    kind = render(trend("kind"), "svg").decode()
    # tick labels become glyph <use> groups; the label text is kept in a comment
    assert "<!-- 未知 -->" not in year and "<!-- 2024 -->" in year
    assert "<!-- 未知 -->" in kind


def test_html_is_self_contained_with_svg_and_table() -> None:
    page = render(trend(), "html").decode()
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") == 1 and "<?xml" not in page
    assert not re.search(r"""(src|href)=["']https?:""", page)
    assert "a&lt;b&amp;c" in page and "a<b&c" not in page  # escaped
    assert "<th>未知</th>" in page  # the table keeps the undated bucket
    assert "4 次 / 2 篇 / 31.25" in page and f"<th>{NQP}</th>" in page


def test_unknown_format() -> None:
    with pytest.raises(ValueError, match="chart format"):
        render(trend(), "gif")


def test_renders_without_a_cjk_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "CJK_FONTS", ())
    assert charts.cjk_font() is None
    svg = render(trend(), "svg")  # missing glyphs must not raise under filterwarnings=error
    assert b"WenQuanYiMicroHei" not in svg


def test_empty_trend() -> None:
    empty = {"by": "year", "terms": ["绿色"], "buckets": [], "series": {"绿色": []}}
    assert render(empty, "png").startswith(b"\x89PNG")
    assert "<table>" in render(empty, "html").decode()
