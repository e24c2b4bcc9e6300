"""Region of a document from its issuer or title: 宁波市人民政府 → 宁波市, 国务院 → 全国."""

from __future__ import annotations

import re

NATIONAL = "全国"
# Provincial-level divisions: full name and the short forms titles use.
PROVINCES = {
    "北京市": ("北京",),
    "天津市": ("天津",),
    "上海市": ("上海",),
    "重庆市": ("重庆",),
    "河北省": ("河北",),
    "山西省": ("山西",),
    "辽宁省": ("辽宁",),
    "吉林省": ("吉林",),
    "黑龙江省": ("黑龙江",),
    "江苏省": ("江苏",),
    "浙江省": ("浙江",),
    "安徽省": ("安徽",),
    "福建省": ("福建",),
    "江西省": ("江西",),
    "山东省": ("山东",),
    "河南省": ("河南",),
    "湖北省": ("湖北",),
    "湖南省": ("湖南",),
    "广东省": ("广东",),
    "海南省": ("海南",),
    "四川省": ("四川",),
    "贵州省": ("贵州",),
    "云南省": ("云南",),
    "陕西省": ("陕西",),
    "甘肃省": ("甘肃",),
    "青海省": ("青海",),
    "台湾省": ("台湾",),
    "内蒙古自治区": ("内蒙古",),
    "广西壮族自治区": ("广西",),
    "西藏自治区": ("西藏",),
    "宁夏回族自治区": ("宁夏",),
    "新疆维吾尔自治区": ("新疆",),
    "香港特别行政区": ("香港",),
    "澳门特别行政区": ("澳门",),
}
# Cities that headlines name without 市: provincial capitals, sub-provincial
# cities and the cities of Zhejiang (this project's home province).
CITY_SHORT = (
    "宁波", "杭州", "温州", "嘉兴", "湖州", "绍兴", "金华", "衢州", "舟山", "台州", "丽水",
    "广州", "深圳", "南京", "苏州", "无锡", "合肥", "武汉", "成都", "西安", "厦门", "青岛",
    "大连", "沈阳", "长春", "哈尔滨", "济南", "郑州", "长沙", "南昌", "福州", "南宁", "海口",
    "贵阳", "昆明", "拉萨", "兰州", "西宁", "银川", "乌鲁木齐", "呼和浩特", "石家庄", "太原",
)  # fmt: skip
# Issuers that speak for the whole country.
_NATIONAL_ISSUER = re.compile(
    r"^(?:中华人民共和国)?(?:国务院|中共中央|全国人民代表大会|全国人大|国家[\u4e00-\u9fa5]{1,12}(?:委员会|委|局|署|院)|"
    r"[\u4e00-\u9fa5]{1,10}部(?:办公厅)?$|中国人民银行)"
)
# A city, prefecture or county named at the start: 宁波市, 杭州市, 延边朝鲜族自治州.
_LOCAL = re.compile(
    r"^([\u4e00-\u9fa5]{2,10}?(?:自治州|地区|盟|市|州|县|区))(?:人民政府|政府|委员会|发展|经济|$|[\u4e00-\u9fa5])"
)
_LEADING_YEAR = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年(?:度)?)?\s*")
# 无废城市, 智慧城市 are no places; 盐城市, 聊城市 (a one-character name and 城市) are
# (上半年我市, 本市 and 今年 open a headline, not a name)
_NOT_PLACE = re.compile(
    r"(?<!^.)城市|地区$|园区|开发区$|市场|城区|[我本][省市县区州]|[上下]半年|[今去明]年|季度"
)


def province_at(text: str) -> str | None:
    """The province named at the start of `text` (full or short form), as its full name."""
    for full, shorts in PROVINCES.items():
        if text.startswith(full):
            return full
        for short in shorts:
            if text.startswith(short):
                return full
    return None


def region_of(name: str | None) -> str | None:
    """Region named by an issuer or a title, or None when it names none."""
    if not name:
        return None
    name = _LEADING_YEAR.sub("", name)
    if name.startswith("中华人民共和国") or _NATIONAL_ISSUER.match(name):
        return NATIONAL
    name = re.sub(r"^(?:中共|中国共产党)", "", name)  # 中共芜湖市委: the party committee of 芜湖市
    province = province_at(name)
    named = [p for p in ((province, *PROVINCES[province]) if province else ()) if name.startswith(p)]
    rest = name[len(named[0]) :] if named else name
    local = _LOCAL.match(rest)
    if (
        local
        and not _NOT_PLACE.search(local.group(1))
        and not local.group(1).startswith(("关于", "省", "全"))
    ):
        return local.group(1)
    city = next((c for c in CITY_SHORT if rest.startswith(c)), None)
    if city:
        return f"{city}市"
    if province:
        return province
    return None
