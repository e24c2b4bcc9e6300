"""公文 and news metadata where the text states it.

`extract_metadata(text, hints)` reads the header (title, 发文字号, 主送机关), the
signature block (发文机关 and 成文日期), 印发日期 and 附件, and for news the
outlet, reporter and date; then derives region, plan period and kind. Hints
come from the format (HTML <title>, DOCX properties, provenance line) and are
used where the text says nothing better.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.metadata_dates import find_period, is_date_line, parse_date, small_chinese_number
from ingest.metadata_regions import CITY_SHORT, NATIONAL, region_of

_HEAD_LINES = 12
_DOC_NUMBER_LINE = re.compile(
    r"^[\s（(]*([\u4e00-\u9fa5]{1,12})\s*[〔\[［【(（]\s*((?:19|20)\d{2})\s*[〕\]］】)）]\s*(\d{1,4})\s*号[\s）)]*$"
)
_DOC_NUMBER = re.compile(
    r"(?<![\u4e00-\u9fa5])([\u4e00-\u9fa5]{1,7}[发字函令办规]|[\u4e00-\u9fa5]{1,5}[发字]?)\s*[〔\[［【(（]\s*"
    r"((?:19|20)\d{2})\s*[〕\]］】)）]\s*(\d{1,4})\s*号"
)
_ORGAN_SUFFIX = r"(?:人民政府|政府|国务院|办公厅|办公室|委员会|委|部|局|厅|署|院|会|中心|小组|人大常委会|党委|总局|调查队|集团|公司)"
_ORGAN = re.compile(rf"^[\u4e00-\u9fa5（）()]{{2,40}}{_ORGAN_SUFFIX}$")
_TITLE_WORDS = r"(?:通知|意见|方案|规划|报告|决定|办法|纲要|计划|条例|规定|细则|指南|措施|政策|函|公告|通告|通报|批复|决议|指引|清单|要点|纪要|公报)"
_TITLE_END = re.compile(rf"{_TITLE_WORDS}(?:（[^）]*）|\([^)]*\))?$")
_TITLE_START = re.compile(
    # 合肥市加快建设集成电路和数字经济产业集群行动方案（2024—2027年）: plan titles run long
    r"关于|^(?:(?:19|20)\d{2}年)?[\u4e00-\u9fa5“”、·0-9]{2,40}(?:政府工作报告|规划|方案|计划|纲要|统计公报|招标公告|采购公告)"
    r"|^政府工作报告(?:[（(]摘要[）)])?$"  # the bare title a newspaper prints, a ——session line under it
)
_PERIOD_LINE = re.compile(r"^[（(]\s*(?:19|20)\d{2}\s*[—–\-－~～至]+\s*(?:19|20)\d{2}\s*年?\s*[）)]$")
_ABOUT = re.compile(r"^(.{2,40}?)关于")
_BOOK_TITLE = re.compile(r"《([^《》]{4,80})》")
_RECIPIENTS = re.compile(
    r"^(?!各位)[^。！？]{2,200}(?:政府|部门|单位|机构|委员会|局|厅|办公室|各区|县)[^。！？]{0,20}[：:]$"
)
_ISSUED_ON = re.compile(r"^(.{2,40}?)\s*((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$")
_ATTACHMENT = re.compile(r"^附\s*件\s*(?:\d+)?[：:]?\s*(?:\d+\s*[.．、]\s*)?(.*)$")
_ATTACHMENT_ITEM = re.compile(r"^\d+\s*[.．、]\s*(.+)$")
_REPORTER = re.compile(
    r"(?:^|[\s（(：:])(?:本报|新华社|人民网|央视网)?(?:见习)?记者\s*[：:]?\s*"
    r"([\u4e00-\u9fa5]{2,4}(?:[\s、，]+[\u4e00-\u9fa5]{2,4})*)"
    r"(?=$|[\s，,）)]|通讯员|实习生|摄|报道)"  # a name ends here: not 记者从市经信局获悉
)
_AUTHOR_FIELD = re.compile(
    r"^(?:作者|文)\s*[:：]\s*([\u4e00-\u9fa5]{2,4}(?:[\s、，]+[\u4e00-\u9fa5]{2,4})*)$"
)
_LEAD_BYLINE = re.compile(r"^(?:本报讯|.{0,12}?电)\s*[（(]\s*(?:本报)?记者\s*([^）)]{2,30})[）)]")
_BYLINE_STOP = re.compile(r"\s*(?:通讯员|实习生|摄影|摄|编辑|报道|见习记者).*$")
# 发布时间：2024-03-12; a line that opens with a date; a byline that ends with one
# (来源：安庆日报　记者　陈晓峰　2026年3月26日, 文／…研究所　孙立群　2026年1月8日)
_PUBLISHED = re.compile(
    r"(?:发布时间|发布日期|发表时间|时间|日期)\s*[：:]|^\s*(?:19|20)\d{2}\s*[-/.年]"
    r"|^(?:来源|稿源|出处|记者|作者|文\s*[／/]).*\s(?:19|20)\d{2}\s*"
    r"(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\d{1,2}[-/.]\d{1,2})(?:$|\s)"  # …　2026-07-18　记者 …
)
# 来源：宁波日报, also after a date on one byline line (发布时间：2024-03-12 来源：宁波日报); the
# name ends at the first space (来源：中国证券报·中证网　2025年12月8日)
_OUTLET = re.compile(r"(?:^|\s)(?:来源|稿源|出处)\s*[：:]\s*(\S{2,30})")
_SESSION_DATE = re.compile(
    r"^[—\-－\s]*(.{0,20}?)((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日).*(?:会议|大会|讲话|发布会|吹风会|见面会)"
)
# 佛山市工业和信息化局 2025年6月20日: the organ, a space, the date (the date part is checked by is_date_line)
_SIGN_OFF_LINE = re.compile(
    r"^(\S.{1,60}?)[\s\u3000]+((?:(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年.{3,12}?日.*)$"
)
_MAX_SIGNERS = 12
# 宁波出台新能源汽车产业行动方案: a headline that reports a policy, not the policy's own title
# (which names it directly or says 关于印发…的通知)
_POLICY_HEADLINE = re.compile(r"^(?!.*关于).*(?:出台|印发|发布|公布|推出|出炉|亮相|解读|审议通过|正式实施)")
_RED_HEAD = re.compile(r"^(.{2,40}?)文件$")
_PUBLIC_NOTE = re.compile(r"[（(]此件[^）)]{0,8}[）)]$")
# A speech or report dated under its title: 市委书记 宋继华（2025年3月18日）, （2025年3月18日）.
_HEAD_DATE = re.compile(r"^[^。，；：:！？（(]{0,24}[（(]\s*([^（）()]{8,20})\s*[）)]$")
# A news lead that opens with its dateline: 本报讯（记者 …）2025年3月18日, 新华社北京2025年3月18日电,
# 4月18日上午，… The part before the date is a byline or a 电 place, never a clause (截至6月30日，…).
_DATELINE = re.compile(
    r"^(?:(?:本报讯|[\u4e00-\u9fa5]{2,8}?讯)?\s*(?:[（(][^）()]{2,30}[）)])?|[\u4e00-\u9fa5]{2,10}?(?=[\d年月日]{4,12}电))\s*"
    r"(?P<date>(?:(?P<year>(?:19|20)\d{2})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日)"
    r"(?:电|[上下中]午|晚间?|早间?|凌晨)?\s*[，,\s（(]"  # 新华社北京10月22日电（记者…）
)
# The year of an event the dateline sentence reports: 4月18日上午，滁州市2025年二季度重大项目集中开工活动…举行.
# Only an event held that day (举行, 开幕, 开工 …) gives it: 4月18日，…发布2024年…公报 reports an earlier year.
_EVENT_YEAR = re.compile(
    r"((?:19|20)\d{2})年(?!度)[^。；，,]{0,40}?(?:举行|举办|召开|开幕|启幕|开工|投产|签约|揭牌|开班)"
    # 10月22日电 …发布2025年前三季度…情况: a release on the part of the year just ended
    r"|((?:19|20)\d{2})年(?:前[一二三]季度|[一二三四]季度|上半年|前\d{1,2}个?月|1[—\-－~至]\d{1,2}月)"
)
# A headline: the first line, short, no sentence end, quotes and brackets closed (a
# photo caption wrapped over lines, 健信核磁“1.5T免液, is not one).
_HEADLINE = re.compile(r"^[^。；;]{6,50}$")
_SUBTITLE = re.compile(r"^——[^。；;]{4,40}$")
_PAIRS = (("“", "”"), ("（", "）"), ("(", ")"), ("《", "》"), ("「", "」"), ("【", "】"))
# Signs of journalism when no reporter signs: a story quoting someone (“……” / …”他说),
# a commentary's author note （作者系…）, an editorial series ——二论…, a column or
# account headline 产业快讯｜…, @长兴发布 ….
_QUOTE_LINE = re.compile(r"^“[^“”]{8,}”$|”[^“”。！？]{0,16}(?:说|表示|介绍|坦言|告诉记者)[。，：:]")
_COMMENT_NOTE = re.compile(r"^[（(](?:作者单位|作者系|作者为|作者是|本文作者)")
_SERIES = re.compile(r"^——[一二三四五六七八九十]论")
_COLUMN = re.compile(r"^(?:@\S{2,12}\s|[\u4e00-\u9fa5]{2,8}[｜丨|])")
# 在全市新兴产业发展推进大会上的讲话: the 在 of a speech title is no part of a place name.
# the document's own validity (本措施自印发之日起施行，有效期至…), not a certificate's (认定有效期为3年)
_IN_FORCE = r"(?:(?:施行|实施|执行)[，,]\s*|本(?:措施|办法|政策|方案|细则|规定|通知|意见|若干措施|实施细则)[^。，,]{0,6}?)"
_VALID_UNTIL = re.compile(_IN_FORCE + r"有效期(?:至|到|截至)\s*((?:19|20)\d{2})\s*年")
_VALID_FOR = re.compile(_IN_FORCE + r"有效期(?:为)?\s*([\d一二两三四五六七八九十]{1,2})\s*年")
_ONE_YEAR_PLAN = re.compile(
    r"((?:19|20)\d{2})\s*年度?[^，。《》]{0,24}?(?:工作要点|工作计划|工作安排|实施计划|推进计划|民生实事|重点项目(?:计划|清单)|重点(?:工作|任务)(?:清单)?"
    r"|活动(?=的通知|实施方案|方案))"  # 关于开展2026年新能源汽车下乡活动的通知: that year's campaign
)
_NAME_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_/.]?(\d{2})[-_/.]?(\d{2})(?!\d)")
_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CONGRESS = re.compile(r"在([\u4e00-\u9fa5]{2,20}?)?第[一二三四五六七八九十]+届(全国)?人民代表大会")
_SPEECH_AT = re.compile(r"^在(?=.{2,40}上的(?:讲话|致辞|报告))")
_NEWS_MARK = re.compile(
    r"记者|通讯员|本报讯|新华社|责任编辑|来源[：:]|(?:^|\n)文\s*[／/]"
)  # 文／孙立群: a byline


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _doc_number(head: list[str], title: str | None) -> str | None:
    for line in head:
        m = _DOC_NUMBER_LINE.match(line)
        if m:
            return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
    for line in ([title] if title else []) + [h for h in head[:4] if len(h) <= 40]:
        m = _DOC_NUMBER.search(line)
        if m:
            return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
    return None


def _title_from_text(head: list[str]) -> str | None:
    """A title line, joined with the lines that finish it (centred titles wrap)."""
    for i, line in enumerate(head[:8]):
        if len(line) > 80 or _DOC_NUMBER_LINE.match(line) or not _TITLE_START.search(line):
            continue
        title, used = line, i + 1
        for nxt in head[i + 1 : i + 3]:
            if _TITLE_END.search(title) or len(title) + len(nxt) > 80 or _DOC_NUMBER_LINE.match(nxt):
                break
            title, used = title + nxt, used + 1
        if _TITLE_END.search(title) or "工作报告" in title:
            # a period set on its own line under the title belongs to it: （2023—2027年）
            if used < len(head) and _PERIOD_LINE.match(head[used]):
                title += head[used]
            return title
    for i, line in enumerate(head[:2]):  # 一图读懂丨《…实施方案（2024—2026年）》, 《…若干措施》政策解读
        book = _BOOK_TITLE.search(line)
        if len(line) <= 80 and book and _TITLE_END.search(book.group(1)):
            # ——…负责人就《…》答记者问 under a headline is its subtitle
            return head[0] + line if i == 1 and line.startswith("——") and _HEADLINE.match(head[0]) else line
    return None


def _headline(lines: list[str]) -> str | None:
    """The first line as a news headline (with a ——subtitle under it) when it reads as one."""
    if not lines or not _HEADLINE.match(lines[0]) or is_date_line(lines[0]) or _NEWS_MARK.search(lines[0]):
        return None
    if any(lines[0].count(a) != lines[0].count(b) for a, b in _PAIRS):
        return None
    if len(lines) > 1 and _SUBTITLE.match(lines[1]):
        return lines[0] + lines[1]
    return lines[0]


def _journalism(lines: list[str]) -> bool:
    """News or commentary that no reporter signs (see _QUOTE_LINE and the patterns after it)."""
    if lines and _COLUMN.match(lines[0]) and "《" not in lines[0]:  # 一图读懂丨《…》 explains a policy
        return True
    if any(_SERIES.match(line) for line in lines[1:3]) or any(
        _COMMENT_NOTE.match(line) for line in lines[-3:]
    ):
        return True
    if any(_DATELINE.match(line) for line in lines[1:3]):
        return True
    return any(_QUOTE_LINE.search(line) for line in lines)


def _signed_date(line: str) -> str | None:
    """The date of a 成文日期 line: 2025年4月18日, also with the note （此件公开发布） after it."""
    line = _PUBLIC_NOTE.sub("", line)
    return parse_date(line) if is_date_line(line) else None


def _is_organ(text: str) -> bool:
    return bool(_ORGAN.match(re.sub(r"[\s\u3000]+", "", text)))


def _signature(lines: list[str]) -> tuple[str | None, str | None]:
    """(发文机关, 成文日期): the first organ line directly above a date-only line, or an
    organ and a date on one line (佛山市工业和信息化局 2025年6月20日): short notices and
    pages that lost the line break sign off that way."""
    for i, line in enumerate(lines):
        signed = _signed_date(line) if i else None
        if signed and _is_organ(lines[i - 1]):
            first = (
                i - 1
            )  # joint documents sign one 机关 a line: 工业和信息化部 / 国家发展改革委 / 生态环境部
            while first > 0 and i - first < _MAX_SIGNERS and _is_organ(lines[first - 1]):
                first -= 1
            organs = " ".join(re.sub(r"[\s\u3000]+", " ", organ).strip() for organ in lines[first:i])
            return organs, signed
        m = _SIGN_OFF_LINE.match(line)
        if m and _is_organ(m.group(1)) and (signed := _signed_date(m.group(2))):
            return re.sub(r"[\s\u3000]+", " ", m.group(1)).strip(), signed
    for line in lines[-3:][::-1]:  # a 红头 document signs with the date alone (the seal holds the 机关)
        if signed := _signed_date(line):
            return None, signed
    return None, None


def _red_head_issuer(head: list[str]) -> str | None:
    """宁波市经济和信息化局文件: the 机关 of a 红头 document's masthead."""
    for line in head[:3]:
        m = _RED_HEAD.match(line.replace(" ", "").replace("\u3000", ""))
        if m and _is_organ(m.group(1)):
            return m.group(1)
    return None


def _issuer_from_title(title: str | None) -> str | None:
    """工业和信息化部 国家发展改革委 商务部关于…: one organ or several joined by spaces."""
    if not title:
        return None
    m = _ABOUT.match(title)
    organs = (
        re.sub(r"等[一二三四五六七八九十\d]{1,3}个?部门$", "", m.group(1)) if m else ""
    )  # …国家药监局等九部门
    if m and all(_ORGAN.match(organ) for organ in organs.split()):
        return m.group(1)
    return None


def _region(issuer: str | None, title: str | None) -> str | None:
    """Region of the first issuer (joint issuers lead with the one that drafted), else of the
    title, read without a column label (喜报丨青岛…), a speech's 在 or the quotes round a plan
    name (芜湖市“十五五”生态环境保护规划)."""
    region = region_of(issuer) or (region_of(issuer.split()[0]) if issuer and issuer.split() else None)
    if region or not title:
        return region
    title = _SPEECH_AT.sub("", _COLUMN.sub("", title))
    return region_of(title) or region_of(re.sub(r"[“”\"]", "", title)) or _one_city_in(title)


def _validity(text: str, year: int) -> tuple[int, int] | None:
    """The years measures are in force, read as their period: 本措施自印发之日起施行，有效期至
    2028年12月31日 (or 有效期3年) in a 2026 document runs 2026—2028."""
    m = _VALID_UNTIL.search(text)
    if m:
        end = int(m.group(1))
    elif m := _VALID_FOR.search(text):
        years = int(m.group(1)) if m.group(1).isdigit() else small_chinese_number(m.group(1))
        if not years:
            return None
        end = year + years - 1
    else:
        return None
    return (year, end) if year <= end <= year + 10 else None


def _congress_region(title: str | None, head: list[str]) -> str | None:
    """A bare 政府工作报告 is placed by the session line under it (——2026年1月20日在河北省
    第十四届人民代表大会第五次会议上, ——2022年3月5日在第十三届全国人民代表大会…)."""
    if not title or "工作报告" not in title:
        return None
    for line in head[1:4]:
        m = _CONGRESS.search(line)
        if m:  # 在第十四届全国人民代表大会…: the national report
            return NATIONAL if m.group(2) else region_of(m.group(1))
    return None


def _one_city_in(headline: str) -> str | None:
    """前10月厦门外贸进出口同比增长6.8%: the one city a headline names, wherever it stands."""
    cities = {c for c in CITY_SHORT if c in headline and f"在{c}" not in headline}  # 在海口召开 names a venue
    return f"{cities.pop()}市" if len(cities) == 1 else None


def _issuer_for_report(title: str | None, region: str | None) -> str | None:
    """政府工作报告 are delivered by the government of the region the title names."""
    if not title or "政府工作报告" not in title or not region:
        return None
    return "国务院" if region == NATIONAL else f"{region}人民政府"


def _attachments(lines: list[str]) -> list[str]:
    found: list[str] = []
    for i, line in enumerate(lines):
        m = _ATTACHMENT.match(line)
        if not m or len(line) > 80:
            continue
        if m.group(1):
            found.append(m.group(1))
        for nxt in lines[i + 1 : i + 10]:
            item = _ATTACHMENT_ITEM.match(nxt)
            if not item or len(nxt) > 80:
                break
            found.append(item.group(1))
        break
    return found


def _news(lines: list[str], text: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    edges = lines[:6] + lines[-6:]
    for line in edges:
        m = _OUTLET.search(line) if len(line) <= 60 else None
        if m and "outlet" not in out:
            out["outlet"] = m.group(1).strip()
    for line in edges:
        m = _REPORTER.search(line)
        if m and len(line) <= 40:
            out["author"] = _BYLINE_STOP.sub("", m.group(1)).strip()
            break
    for line in edges:
        m = _AUTHOR_FIELD.match(line)
        if m and "author" not in out:
            out["author"] = m.group(1).strip()
    for line in lines[:8]:
        m = _LEAD_BYLINE.match(line)
        if m and "author" not in out:
            out["author"] = _BYLINE_STOP.sub("", m.group(1)).strip()
    for line in edges:
        published = parse_date(line) if _PUBLISHED.search(line) and len(line) <= 60 else None
        if published:
            out["published"] = published
            break
    return out


def _subject_title(text: str) -> str | None:
    """The policy a news story is about: the first 《…》 it names, unless it names another
    policy too (a meeting that approved three documents is about none of them); a short
    form of the first (《行动方案》) is the same policy."""
    books = [m.group(1) for m in _BOOK_TITLE.finditer(text)]
    if not books:
        return None
    others = {b for b in books if b not in books[0] and _TITLE_END.search(b)}
    return None if others else books[0]


def _session_date(head: list[str]) -> str | None:
    for line in head[:6]:
        m = _SESSION_DATE.match(line)
        if m:
            return parse_date(m.group(2))
    for line in head[1:5]:  # the line under a speech's title: 市委书记 宋继华（2025年3月18日）
        m = _HEAD_DATE.match(line)
        date = parse_date(m.group(1)) if m and is_date_line(m.group(1)) else None
        if date:
            return date
    return None


def _dateline(lines: list[str]) -> str | None:
    """The date a news lead opens with. A month and day alone take the year of the event
    the same sentence reports (4月18日上午，滁州市2025年二季度重大项目集中开工活动…举行);
    with no such year the date stays unknown."""
    for line in lines[1:4]:
        m = _DATELINE.match(line)
        if not m:
            continue
        year = m.group("year")
        if year is None:
            event = _EVENT_YEAR.search(line[m.end() :].split("。", 1)[0])
            year = (event.group(1) or event.group(2)) if event else None
        if year is None:
            return None
        return parse_date(f"{year}年{m.group('month')}月{m.group('day')}日")
    return None


def _date(text_date: str | None, hints: dict[str, Any], title: str | None) -> tuple[str | None, str | None]:
    """(date, precision): 成文日期, else the hint date, else a year in the title or hints."""
    if text_date:
        return text_date, "day"
    hinted = parse_date(str(hints.get("date") or "")) if hints.get("date") else None
    if hinted:
        return hinted, "day"
    year = re.match(r"\s*[\u4e00-\u9fa5]{0,10}?((?:19|20)\d{2})\s*年", title or "")  # 湖北省2024年…公报
    if year:
        return f"{year.group(1)}-01-01", "year"
    if isinstance(hints.get("year"), int):
        return f"{hints['year']}-01-01", "year"
    return _source_date(str(hints.get("source") or ""))


def _source_date(source: str) -> tuple[str | None, str | None]:
    """The date a file or URL name carries when the text gives none (新华社北京4月16日电 has no
    year): …/2026-04/16/content_…, t20260416_…, a file named …-q1-2026-….txt (its year only)."""
    name = source if "://" in source else re.split(r"[\\/]", source)[-1]
    m = _NAME_DAY.search(name)
    if m and (day := parse_date(f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日")):
        return day, "day"
    years = _NAME_YEAR.findall(name)
    return (f"{years[-1]}-01-01", "year") if years else (None, None)


def _kind(
    title: str | None,
    doc_number: str | None,
    issuer: str | None,
    news: dict[str, Any],
    lines: list[str],
    text: str,
) -> str:
    """policy for 公文 and reports; news when a reporter signs it; an outlet alone does not make news.
    `title` is a 公文 or report title (a headline does not make policy)."""
    if doc_number:
        return "policy"
    if news.get("author"):
        return "news"
    if title and (_TITLE_END.search(title) or "工作报告" in title) and not _POLICY_HEADLINE.search(title):
        return "policy"
    if news.get("outlet") or _NEWS_MARK.search(text[:400] + text[-400:]) or _journalism(lines):
        return "news"
    if title and _POLICY_HEADLINE.search(title) and _TITLE_END.search(title):
        return "news"  # 宁波出台新能源汽车产业行动方案: a report that a policy was issued
    return "policy" if issuer else "other"


def extract_metadata(text: str, hints: dict[str, Any] | None = None) -> dict[str, Any]:
    """Document fields (title, kind, issuer, doc_number, date, region, period) and meta."""
    hints = dict(hints or {})
    lines = _lines(text)
    head = lines[:_HEAD_LINES]
    meta: dict[str, Any] = {}
    formal = _title_from_text(head)
    title = formal or hints.get("title") or _headline(lines)
    doc_number = _doc_number(head, title)
    signed_by, signed_on = _signature(lines)
    issuer = signed_by or _issuer_from_title(title) or _red_head_issuer(head)
    region = _region(issuer, title) or _congress_region(title, head)
    issuer = issuer or _issuer_for_report(title, region)
    # bylines the HTML parser took out of the text (来源：… 作者：…) are read like head lines
    news = _news([str(f) for f in hints.get("byline", [])] + lines, text)
    kind = _kind(formal or hints.get("title"), doc_number, issuer, news, lines, text)
    if kind == "news":
        meta.update(news)
        book = _subject_title(text[:3000])
        if book:
            meta["subject_title"] = book
            region = region or region_of(book)
    if kind != "news" and news.get("outlet"):
        meta["outlet"] = news["outlet"]
    stated = signed_on or _session_date(head)
    stated = stated or (news.get("published") or _dateline(lines) if kind == "news" else None)
    date, precision = _date(stated, hints, title)
    if precision:
        meta["date_precision"] = precision
    period = find_period(title or "") or (
        find_period(meta.get("subject_title", "")) if kind == "news" else None
    )
    if period is None and title and (explained := _BOOK_TITLE.search(title)):
        period = find_period(explained.group(1))  # 一图读懂丨《…行动方案（2024—2027年）》: the plan explained
    if period is None and kind == "policy" and date:
        period = _validity(text, int(date[:4]))
    if period is None and title and (one_year := _ONE_YEAR_PLAN.search(title)):
        period = (int(one_year.group(1)), int(one_year.group(1)))  # 2026年工作要点: that year's plan
    for line in head:
        if _RECIPIENTS.match(line):
            meta["主送机关"] = line.rstrip("：:")
            break
    for line in lines:
        m = _ISSUED_ON.match(line)
        if m:
            meta["印发机关"] = m.group(1)
            meta["印发日期"] = parse_date(m.group(2))
    attachments = _attachments(lines)
    if attachments:
        meta["附件"] = attachments
    if signed_on:
        meta["成文日期"] = signed_on
    for key in ("author", "outlet", "provenance", "file_author", "file_date"):
        if key in hints and key not in meta:
            meta[key] = hints[key]
    return {
        "title": title,
        "kind": kind,
        "issuer": issuer,
        "doc_number": doc_number,
        "date": date,
        "region": region,
        "period": period,
        "meta": meta,
    }
