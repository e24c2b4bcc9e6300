"""Fixtures for ingest tests: a small site on 127.0.0.1 and sample documents built in memory."""

from __future__ import annotations

import contextlib
import io
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import docx
import pytest

REPO = Path(__file__).resolve().parents[2]
REAL = REPO / "corpora" / "real"
REAL_DOCX = REPO / "corpora" / "real-docx"

ARTICLE_1 = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>宁波市人民政府关于印发宁波市制造业绿色化改造行动方案的通知_宁波市人民政府</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/list.html">政策文件</a></div>
<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>
<div class="article"><h1>宁波市人民政府关于印发宁波市制造业绿色化改造行动方案的通知</h1>
<p>甬政发〔2023〕43号</p>
<p>各区（县、市）人民政府，市直及部省属驻甬各单位：</p>
<p>现将《宁波市制造业绿色化改造行动方案（2023—2027年）》印发给你们，请认真组织实施。</p>
<p><strong>一、总体要求</strong></p>
<p>到2027年，全市累计培育国家级绿色工厂150家，规上工业单位增加值能耗下降13.5%。</p>
<h2>二、主要任务</h2>
<p>推进重点行业节能降碳改造，建设一批零碳工厂和绿色园区。</p>
<p>附件：<a href="/files/plan.docx">行动方案任务分解表</a></p>
<p>宁波市人民政府</p><p>2023年7月4日</p></div>
<div class="related"><h3>相关链接</h3><ul><li><a href="/art/9.html">另一个通知</a></li></ul></div>
<div class="footer">主办单位：宁波市人民政府办公厅 版权所有 浙ICP备05003478号 浙公网安备 33020302000001号</div>
</body></html>"""

ARTICLE_2 = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>宁波新能源汽车产量突破70万辆</title></head>
<body><div class="nav"><a href="/">首页</a></div><article><h1>宁波新能源汽车产量突破70万辆</h1>
<p>来源：宁波日报</p>
<p>记者 殷聪 通讯员 王明</p>
<p>今年以来，宁波新能源汽车产业持续快速增长，前三季度全市新能源汽车产量突破70万辆，同比增长35%。</p>
<p>业内人士表示，到2027年全市新能源汽车产量有望达到150万辆，产业链本地配套率进一步提升。</p>
</article><div class="footer">版权所有 宁波日报报业集团 浙ICP备12345678号</div></body></html>"""

NEWS_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>宁波前三季度新能源汽车产量突破70万辆_要闻_中国宁波网</title>
<meta property="og:site_name" content="中国宁波网">
<meta property="og:title" content="宁波前三季度新能源汽车产量突破70万辆">
<meta property="article:published_time" content="2024-10-28T08:30:00+08:00">
<meta name="author" content="殷聪">
</head><body>
<div class="top-nav"><a href="/">首页</a> | <a href="/news">新闻</a> | <a href="/gov">政务</a> | <a href="/en">English</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/news">要闻</a> &gt; 正文</div>
<div class="main">
<h1>宁波前三季度新能源汽车产量突破70万辆</h1>
<div class="info">来源：宁波日报　　作者：记者 殷聪 通讯员 王明　　发布时间：2024-10-28 08:30</div>
<div class="share">分享到：微信 微博</div>
<div class="content">
<p>今年以来，宁波新能源汽车产业持续快速增长，前三季度全市新能源汽车产量突破70万辆，同比增长35%。</p>
<p><img src="/img/1.jpg"></p>
<p>位于前湾新区的领克工厂生产线。（受访者供图）</p>
<p>业内人士表示，到2027年全市新能源汽车产量有望达到150万辆，产业链本地配套率进一步提升。（记者 殷聪 摄）记者从市经信局获悉，全市已集聚新能源汽车整车企业8家。</p>
<p>图为工人在车间内调试设备。</p>
<p>下一步，宁波将加快建设新能源汽车产业集群，力争2025年产值突破3000亿元。</p>
</div>
<div class="editor">责任编辑：张三</div>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/a/1">宁波绿色工厂数量居全国同类城市第二位</a></li><li><a href="/a/2">宁波发布361万亿级产业集群行动方案</a></li></ul></div>
<div class="footer"><p>关于我们 | 联系我们 | 网站地图</p><p>中国宁波网版权所有 未经授权不得转载</p><p>浙ICP备05003478号-1　浙公网安备 33020302000137号</p><p>互联网新闻信息服务许可证：33120170005</p></div>
</body></html>"""

LISTING = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>政策文件</title></head><body>
<div class="nav"><a href="/">首页</a> <a href="/about.html">关于我们</a></div>
<ul><li><a href="/art/1.html">宁波市人民政府关于印发宁波市制造业绿色化改造行动方案的通知</a></li>
<li><a href="/art/2.html">宁波新能源汽车产量突破70万辆</a></li>
<li><a href="/private/secret.html">内部文件不对外公开的某个通知</a></li>
<li><a href="/art/404.html">已经删除的一篇文章链接标题</a></li></ul></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>政策</title><link>/</link>
<item><title>宁波新能源汽车产量突破70万辆</title><link>/art/2.html</link></item>
<item><title>方案</title><link>/art/1.html</link></item>
</channel></rss>"""

ROBOTS = "User-agent: *\nDisallow: /private/\n"


def make_docx(paragraphs: list[str], *, title: str = "", heading: str | None = None, table=None) -> bytes:
    document = docx.Document()
    if title:
        document.core_properties.title = title
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@dataclass
class Site:
    base: str
    hits: Counter = field(default_factory=Counter)
    pages: dict = field(default_factory=dict)  # path -> (content type, bytes); tests may change it

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep test output quiet
            pass

        def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", extra=()) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in extra:
                self.send_header(key, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up
                self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            path = self.path.split("?")[0]
            site.hits[path] += 1
            if path == "/loop":
                return self._send(302, b"", extra=[("Location", "/loop")])
            if path == "/moved":
                return self._send(301, b"", extra=[("Location", "/art/1.html")])
            if path == "/slow":
                time.sleep(1.5)
                return self._send(200, b"late")
            if path in ("/big", "/big-chunked"):
                return self._big(path == "/big")
            if path in ("/2gb", "/2gb-stream"):
                return self._big(path == "/2gb", total=2 << 30)
            if path == "/list.html" and self.headers.get("If-None-Match") == '"v1"':
                return self._send(304, b"")
            if path in site.pages:
                ctype, body = site.pages[path]
                extra = [("ETag", '"v1"')] if path == "/list.html" else []
                return self._send(200, body, ctype, extra)
            return self._send(404, b"not found")

        def _big(self, with_length: bool, total: int = 64 * 65536) -> None:
            """`total` bytes, produced lazily; writing stops when the client hangs up."""
            chunk = b"x" * 65536
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            if with_length:
                self.send_header("Content-Length", str(total))
            self.end_headers()
            try:
                for _ in range(total // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


@pytest.fixture(scope="session")
def site() -> Iterator[Site]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(Site(base="")))
    server.daemon_threads = True  # do not wait for the slow endpoint at teardown
    site = Site(base=f"http://127.0.0.1:{server.server_address[1]}")
    server.RequestHandlerClass = _handler(site)
    html = "text/html; charset=utf-8"
    site.pages.update(
        {
            "/list.html": (html, LISTING.encode()),
            "/art/1.html": (html, ARTICLE_1.encode()),
            "/art/2.html": (html, ARTICLE_2.encode()),
            "/private/secret.html": (html, ARTICLE_2.encode()),
            "/feed.xml": ("application/rss+xml", FEED.encode()),
            "/robots.txt": ("text/plain", ROBOTS.encode()),
            "/files/plan.docx": (
                "application/octet-stream",
                make_docx(["任务分解表", "一、绿色工厂", "到2027年培育绿色工厂150家。"], title="任务分解表"),
            ),
        }
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_port_url() -> str:
    """A URL on a localhost port nobody listens on."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"
