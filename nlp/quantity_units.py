"""Units, measure words and comparator words for number expressions.

Each measure word carries a look-ahead for the common words it starts
(元宇宙, 人民, 项目, 次年 …) so that `5项目标` is not read as 5 项.
"""

from __future__ import annotations

import re

# (pattern, base unit, scale). Longest first; the regex tries them in order.
_MEASURES: tuple[tuple[str, str, float], ...] = (
    ("个百分点", "百分点", 1), ("百分点", "百分点", 1), ("个基点", "基点", 1), ("基点", "基点", 1), ("%", "%", 1), ("‰", "‰", 1),  # kept as written, like 公斤: 人口自然增长率-0.68‰
    # Chinese magnitudes (万, 亿) are taken out of every unit, but a metric prefix is part of the unit
    # as written (20GWh, 65吉瓦时, 120MW, 50EFLOPS): every annotator of the written gold sets kept it
    ("千瓦时", "千瓦时", 1), ("千瓦", "千瓦", 1), ("兆瓦时", "兆瓦时", 1), ("吉瓦时", "吉瓦时", 1), ("千升", "升", 1e3), ("毫升", "升", 1e-3), ("兆瓦", "兆瓦", 1), ("吉瓦", "吉瓦", 1),
    ("kWh", "kWh", 1), ("MWh", "MWh", 1), ("GWh", "GWh", 1), ("TWh", "TWh", 1),
    ("kW", "kW", 1), ("MW", "MW", 1), ("GW", "GW", 1), ("千伏安", "千伏安", 1), ("千伏", "千伏", 1),
    ("克标准煤/千瓦时", "克标准煤/千瓦时", 1), ("克标煤/千瓦时", "克标准煤/千瓦时", 1), ("吨标准煤", "吨标准煤", 1), ("吨标煤", "吨标准煤", 1), ("吨", "吨", 1), ("公斤", "公斤", 1),
    ("千克", "千克", 1), ("斤", "斤", 1), ("公顷", "公顷", 1), ("亩次", "亩次", 1), ("亩", "亩", 1),
    ("平方公里", "平方公里", 1), ("平方千米", "平方千米", 1), ("平方米", "平方米", 1), ("平米", "平方米", 1),
    ("微克/立方米", "微克/立方米", 1), ("毫克/立方米", "毫克/立方米", 1), ("立方米", "立方米", 1), (r"方(?=[的，,。、；;）)\s]|$)", "立方米", 1),  # 天然气产量370亿方
    ("公里", "公里", 1), ("千米", "千米", 1), ("km", "公里", 1),
    ("元人民币", "元", 1), ("人民币", "元", 1), ("美元", "美元", 1), ("欧元", "欧元", 1),
    ("港元", "港元", 1), ("元(?!宇宙|素|旦|首|老|件|结构|化|论|格局|体系|分割|对立)", "元", 1),
    ("人次", "人次", 1), ("批次", "批次", 1), ("场次", "场次", 1), ("车次", "车次", 1), ("班次", "班次", 1), ("户次", "户次", 1), ("家次", "家次", 1), ("辆次", "辆次", 1), ("架次", "架次", 1),
    ("EFLOPS", "EFLOPS", 1), ("PFLOPS", "PFLOPS", 1), ("EFlops", "EFLOPS", 1), ("PFlops", "PFLOPS", 1), ("P(?![A-Za-z0-9])", "P", 1),  # computing power: 算力24000P
    ("Tbps", "Tbps", 1), ("Gbps", "Gbps", 1), ("PB(?![A-Za-z])", "PB", 1), ("TB(?![A-Za-z])", "TB", 1),
    ("倍", "倍", 1), ("标准箱", "标准箱", 1), ("标箱", "标箱", 1),  # as written, as the gold sets keep it
    ("TEU", "标准箱", 1),
    # time spans: durations, except where they measure a service or cycle time (see number_roles)
    # (工作日 without its count word 个, as the gold sets write it)
    ("个工作日", "工作日", 1), ("工作日", "工作日", 1), ("个小时", "小时", 1), ("小时", "小时", 1),
    ("分钟", "分钟", 1), ("个月", "个月", 1), ("天(?![然津下])", "天", 1),
    ("辆", "辆", 1), ("家(?!庭|电(?![子力网池机商信厂站气器缆])|居|具(?!有)|乡(?![镇村])|园(?!区)|族|属)", "家", 1), ("个(?!月|性|体|税|案|工作日)", "个", 1),
    ("人(?!民|才|员|大|工|类|文|心|群|事|口)", "人", 1), ("名(?!单|称|牌|列|义(?!务)|片)", "名", 1),
    ("位(?!于|置|居|列|数)", "位", 1), ("户(?!籍|外|口)", "户", 1), ("座(?!谈|位|原型机|飞行器|飞机|轿车|汽车|车型|SUV|MPV)", "座", 1),
    ("所(?!有|在|以|得|属|谓)", "所", 1), ("台套", "台套", 1), ("台(?!湾|风|阶|账)", "台", 1), ("套(?!餐)", "套", 1),
    ("件(?!事)", "件", 1), ("次(?!数|要|序|年|日|月|生|级)", "次", 1), ("项(?!目)", "项", 1),
    ("艘", "艘", 1), ("架(?!构|子)", "架", 1), ("条(?!件|例|款|约|线)", "条", 1), ("处(?!理|置|于|罚|室)", "处", 1),
    ("批(?!次|准|复)", "批", 1), ("种(?!植|子|类|养|业)", "种", 1), ("场(?!景|所|馆|地|合|次|域|站)", "场", 1),
    ("张", "张", 1), ("只", "只", 1), ("头(?!部)", "头", 1), ("株", "株", 1), ("棵", "棵", 1),
    ("块", "块", 1), ("栋", "栋", 1), ("幢", "幢", 1), ("间(?!接|隔)", "间", 1), ("床", "床", 1),
    ("支(?!持|付|出|撑|柱|部)", "支", 1), ("口(?!岸|号|径|罩)", "口", 1), ("宗", "宗", 1), ("笔", "笔", 1),
    ("份(?!额)", "份", 1), ("例", "例", 1), ("起(?!来|步|草|到|点|始|诉)", "起", 1), ("篇", "篇", 1),
    ("部(?!门|署|分|委|长|队|件|位|署)", "部", 1), ("岁", "岁", 1), ("度(?!过|假|化)", "度", 1),
    ("列(?!入|为|出|举|席|车|表|明|队|支|强|位|岛|国)", "列", 1), ("盏", "盏", 1), ("根", "根", 1),
    ("颗", "颗", 1), ("片(?!区)", "片", 1),
    ("股(?![东份权票本价市金])", "股", 1), ("班(?![子级组长列次车倒制])", "班", 1),  # 总股本14.05亿股, 开行近1700班
    # from a news audit: lengths, volumes, pairs, fish, pots, product models, racks, deadweight
    # (毫米 and 厘米 stay as written: rainfall in 毫米 reads wrong as 1.21 米)
    ("厘米", "厘米", 1), ("毫米", "毫米", 1), ("米(?![面粉饭酒线])", "米", 1), ("升(?![级至为到格值温学])", "升", 1),
    ("双(?![碳循环创一向边语方重轨城百千])", "双", 1), ("尾(?![部气声款矿水])", "尾", 1), ("盆(?![地景])", "盆", 1),
    ("款(?![项式])", "款", 1), ("分贝", "分贝", 1), ("分(?=以上|以下|左右|[，,。、；;）)]|$)", "分", 1), ("标准机架", "标准机架", 1), ("载重吨", "载重吨", 1),
)  # fmt: skip

# The matched text of a unit is the pattern without its look-ahead.
UNIT_WORDS = {pattern.split("(?")[0]: (unit, scale) for pattern, unit, scale in _MEASURES}
UNIT_PATTERN = "|".join(pattern for pattern, _, _ in _MEASURES)


# The time-span units above: durations unless they measure a service or cycle time (number_roles).
TIME_UNITS = ("工作日", "小时", "分钟", "个月", "天")

# Words that end a number as a date, time span or ordinal rather than a quantity.
DURATION_UNITS = "个月|个工作日|小时|分钟|周年|周|天|秒|年代|世纪"
ORDINAL_AFTER = re.compile(r"届|大(?![于型幅量力批中小])|中全会|次全会|次会议|次党代会|号文")

# Comparator words; prefixes are searched at the end of the preceding text.
PREFIX_COMPARATORS = re.compile(
    r"(?:不能超过|不得超过|不少于|不低于|至少|最少|最低可?至|不小于|不超过|不高于|最多|至多|不足|不到|低于|少于|小于|"
    r"超过|突破|超出|多于|高于|大于|逾|超|跃上|迈上|站上|跨上|跨越|过|(?<!打)破|将近|接近|大约为?|(?<![签节制预公条合契])约为?|近)了?$"
)
PREFIX_VALUES = {
    "不少于": "ge", "不低于": "ge", "至少": "ge", "最少": "ge", "不小于": "ge", "最低至": "ge", "最低可至": "ge",
    "不超过": "le", "不能超过": "le", "不得超过": "le", "不高于": "le", "最多": "le", "至多": "le",
    "不足": "lt", "不到": "lt", "低于": "lt", "少于": "lt", "小于": "lt",
    "超过": "gt", "突破": "gt", "超出": "gt", "多于": "gt", "高于": "gt", "大于": "gt", "逾": "gt",
    "超": "gt", "破": "gt", "跃上": "gt", "迈上": "gt", "站上": "gt", "跨上": "gt", "跨越": "gt", "过": "gt",
    "将近": "approx", "接近": "approx", "大约": "approx", "约": "approx", "近": "approx",
    "大约为": "approx", "约为": "approx",
}  # fmt: skip
SUFFIX_COMPARATORS = re.compile(
    r"以上|以下|以内|之内|左右|上下|还多|有余|多|余|出头|起(?![来步草到点始诉飞航])"
)
SUFFIX_VALUES = {
    "以上": "ge", "以下": "le", "以内": "le", "之内": "le", "左右": "approx", "上下": "approx",
    "多": "gt", "还多": "gt", "有余": "gt", "余": "gt", "出头": "gt", "起": "ge",  # 票价598元起
}  # fmt: skip


# A count with a magnitude and no measure word takes its unit from the noun it
# counts: 1亿农村贫困人口, 405万皖北群众 -> 人; 30万农户 -> 户. Up to four
# modifiers may stand between the number and the head noun.
# Any noun ending in 人 names people too (158万残疾人, 12万退役军人, 残疾人士), so
# the list need not spell each one out; not when 人 starts a longer word
# (人民币, 人工智能, 人均, 人居) or ends a thing (机器人, 法人).
_PERSON_NOUN = (
    r"(?<!机器)(?<!法)人(?:士|群)?"
    r"(?![民次大工类文心事均居力身格权生物脸机造为性气情际社保寿行防像体间选参道证])"
)
HEAD_NOUN_UNITS = re.compile(
    r"[^\s\d建设用支奖补资投给向为对于元的是有在和与及、，,。；;：:（(“”]{0,4}?(?P<head>人口|群众|农民工|农牧民|农民|牧民|居民|市民|儿女|同胞|职工|员工|工人|学生|毕业生|"
    r"中国人|游客|旅客|患者|儿童|孩子|老年人|老人|在校生|劳动力|人才|人员|党员|干部|青年|就业者|家庭|农牧户|农户|贫困户|住户|"
    rf"婴幼儿|技师|工程师|{_PERSON_NOUN})"
)
HEAD_UNITS = {"家庭": "户", "农牧户": "户", "农户": "户", "贫困户": "户", "住户": "户"}
