from __future__ import annotations

from pathlib import Path

import pytest

from nlp.classifier_eval import anchor_report, rough_sentences
from nlp.labels import KeywordLabeller, LexiconLabeller, compact, innermost_heading
from nlp.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def labeller():
    return LexiconLabeller(load_taxonomy())


def names(labels):
    return [lab.label for lab in labels]


@pytest.mark.parametrize(
    ("text", "clusters", "themes"),
    [
        ("全力打造新能源汽车之城，新能源汽车产量超过70万辆。", ["高端装备"], ["green"]),
        ("围绕光伏、风电、储能、氢能等新能源领域发展。", ["新能源"], ["green"]),
        ("宁波纺织服装、时尚家电及文体用品等产业知名度较高。", ["智能家电", "时尚纺织服装"], []),
        ("开发一批首台（套）装备、首批次材料、首版次软件等创新产品。", [], ["high-end"]),
        ("完善社会保障体系，办好人民满意的教育。", [], []),
        ("加快发展量子计算和量子通信。", ["量子科技"], ["new"]),
    ],
)
def test_sentence_labels(labeller, text, clusters, themes):
    [(c, t)] = labeller.predict([text])
    assert sorted(names(c)) == sorted(clusters)
    assert sorted(names(t)) == sorted(themes)


def test_weak_terms_yield_to_a_named_cluster(labeller):
    [(c, _)] = labeller.predict(["比如元宇宙产业，聚焦区块链，开放智能电网等应用场景。"])
    assert names(c) == ["元宇宙"]
    [(c, _)] = labeller.predict(["建设智能电网。"])
    assert names(c) == ["新能源"] and c[0].score < 0.7


def test_heading_lends_its_cluster_at_a_lower_score(labeller):
    texts = ["到2027年，产业规模突破1.2万亿元。", "加强组织领导。", "炼化一体化水平明显提升。"]
    heading = "一、做强绿色石化产业集群"
    preds = labeller.predict(texts, [heading] * 3)
    inherited, none, own = (p[0] for p in preds)
    assert names(inherited) == ["绿色石化"] and inherited[0].score < own[0].score
    assert none == []  # addresses no industry
    assert names(own) == ["绿色石化"]


def test_scores_are_probability_like_and_sorted(labeller):
    [(c, t)] = labeller.predict(["光伏光伏光伏储能，汽车。"])
    assert names(c) == ["新能源", "高端装备"]
    assert all(0 < lab.score <= 1 for lab in c + t)


def test_contexts_must_match_texts(labeller):
    with pytest.raises(ValueError):
        labeller.predict(["一"], [None, None])


def test_seed_gold_anchor_f1(labeller):
    text = (ROOT / "corpora/seed/ningbo-361-news.txt").read_text(encoding="utf-8")
    report = anchor_report(labeller, rough_sentences(text), ROOT / "corpora/gold/seed-labels.jsonl")
    assert report.micro_f1("clusters") >= 0.95
    assert report.micro_f1("themes") >= 0.9


# One clear sentence per label (written for these tests, not taken from the label data).
CLEAR_CLUSTERS = [
    ("加快发展集成电路和软件产业。", "数字产业"),
    ("推进炼化一体化项目建设，做强石化产业。", "绿色石化"),
    ("大力发展工业母机和数控机床。", "高端装备"),
    ("壮大稀土永磁和磁性材料产业。", "新型功能材料"),
    ("大力发展光伏和风电产业。", "新能源"),
    ("提升轴承、齿轮、液压件等基础件制造水平。", "关键基础件"),
    ("推动家电企业开发厨房电器新品。", "智能家电"),
    ("做强纺织服装产业，发展印染和针织。", "时尚纺织服装"),
    ("壮大生物医药和医疗器械产业。", "现代健康"),
    ("布局石墨烯、纳米材料等产业。", "前沿新材料"),
    ("发展人工智能和人形机器人产业。", "未来智能"),
    ("培育元宇宙产业，拓展虚拟现实应用。", "元宇宙"),
    ("开展可控核聚变技术研究。", "未来能源"),
    ("发展商业航天和低空经济产业。", "空天科技"),  # 卫星互联网 is also 数字产业 (train labels)
    ("壮大海洋经济，发展深海探测技术。", "未来海洋"),
    ("加快量子通信和量子计算研发。", "量子科技"),
    ("支持创新药研发和生物药产业化。", "原创新药"),
    ("发展精准医疗和医学影像设备。", "未来诊疗"),
]
CLEAR_THEMES = [
    ("推进节能减排，降低碳排放强度。", "green"),
    ("培育新质生产力，布局未来产业。", "new"),
    ("支持专精特新企业和龙头企业发展。", "high-end"),
]
UNLABELLED = [
    "办好人民满意的教育。",
    "完善社会保障体系，扩大养老服务供给。",
    "加强组织领导，抓好各项工作落实。",
    "深化医药卫生体制改革，提高医保报销比例。",
    "建设数字政府，推进政务服务一网通办。",
]


def test_every_cluster_has_a_clear_case():
    assert sorted(label for _, label in CLEAR_CLUSTERS) == sorted(load_taxonomy().cluster_labels)


@pytest.mark.parametrize(("text", "label"), CLEAR_CLUSTERS)
def test_clear_cluster_cases(labeller, text, label):
    [(c, _)] = labeller.predict([text])
    assert names(c) == [label]


@pytest.mark.parametrize(("text", "label"), CLEAR_THEMES)
def test_clear_theme_cases(labeller, text, label):
    [(c, t)] = labeller.predict([text])
    assert c == [] and names(t) == [label]


@pytest.mark.parametrize("text", UNLABELLED[:4])
def test_sentences_about_no_industry_stay_empty(labeller, text):
    [(c, t)] = labeller.predict([text])
    assert c == [] and t == []


def test_future_industries_imply_the_new_theme(labeller):
    [(c, t)] = labeller.predict(["壮大海洋经济。"])
    assert names(c) == ["未来海洋"] and names(t) == ["new"]
    [(c, t)] = labeller.predict(["大力发展纺织服装产业。"])
    assert names(c) == ["时尚纺织服装"] and t == []


@pytest.mark.parametrize(
    ("path", "inner"),
    [
        ("一、做强绿色石化产业集群 （二）提升炼化一体化水平", "（二）提升炼化一体化水平"),
        ("一、总体要求 （一）指导思想 1.坚持创新", "（一）指导思想"),
        ("第三章 产业体系 一、数字经济", "一、数字经济"),
        ("加强组织领导", "加强组织领导"),
        (None, None),
        ("  ", None),
    ],
)
def test_innermost_heading(path, inner):
    assert innermost_heading(path) == inner


def test_lexicon_reads_the_innermost_heading_of_a_path(labeller):
    text = "到2027年，产业规模突破1.2万亿元。"
    [(c, _)] = labeller.predict([text], ["一、做强绿色石化产业集群 （二）壮大光伏产业"])
    assert names(c) == ["新能源"]


@pytest.mark.parametrize(
    "text",
    ["壮大新一代信息技术产业。", "扩大数码产品和消费电子消费。", "培育数据要素市场，发展智能终端。"],
)
def test_information_technology_and_consumer_electronics_are_digital(labeller, text):
    [(c, _)] = labeller.predict([text])
    assert names(c) == ["数字产业"]


@pytest.mark.parametrize(
    "text",
    ["深入实施“四大文化工程”。", "强化工业基础和技术创新能力。", "健全反恐维稳法治化常态化工作体系。"],
)
def test_chemical_is_not_read_across_word_boundaries(labeller, text):
    [(c, _)] = labeller.predict([text])
    assert "绿色石化" not in names(c)


def test_full_width_plus_matches_like_ascii_plus(labeller):
    [(c, t)] = labeller.predict(["运用好“互联网＋”，推进线上线下更广更深融合。"])
    assert names(c) == ["数字产业"]
    assert "new" in names(t)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("Public domain", "未来智能"),  # AI inside an English word
        ("深化锰污染整治。", "时尚纺织服装"),  # 污染|整治, not 染整
        ("全数智化工厂获评“灯塔工厂”。", "绿色石化"),  # 数智化|工厂, not 化工
        ("进出口调节能力较强。", "green"),  # 调节|能力, not 节能
    ],
)
def test_terms_are_not_read_across_word_boundaries(labeller, text, wrong):
    [(c, t)] = labeller.predict([text])
    assert wrong not in names(c) + names(t)


def test_latin_terms_still_match_beside_chinese(labeller):
    [(c, _)] = labeller.predict(["大力发展AI手机，推广VR/AR应用。"])
    assert {"未来智能", "元宇宙"} <= set(names(c))


def test_spaces_inside_chinese_words_do_not_hide_terms(labeller):
    whole, split = labeller.predict(["新能源汽车产量超过70万辆。", "新能 源汽车产量\n超过70万辆。"])
    assert names(split[0]) == names(whole[0]) == ["高端装备"]
    assert names(split[1]) == names(whole[1]) == ["green"]
    assert (
        compact("大力发展AI PC、新能 源汽车") == "大力发展AI PC、新能源汽车"
    )  # ASCII words keep their space


@pytest.mark.parametrize(
    "text", ["深化数字政府建设，持续优化营商环境。", "完善智慧城市统筹协调机制，巩固提升一网通办成效。"]
)
def test_digital_government_is_not_the_new_theme(labeller, text):
    # labels README: `new` is industrial; government IT carries no theme
    [(c, t)] = labeller.predict([text])
    assert c == [] and "new" not in names(t)


@pytest.mark.parametrize(
    ("text", "cluster"),
    [("嫦娥六号完成人类首次月背采样返回。", "空天科技"), ("“奋斗者号”完成万米深潜。", "未来海洋")],
)
def test_space_and_deep_sea_achievements(labeller, text, cluster):
    [(c, t)] = labeller.predict([text])
    assert cluster in names(c) and "new" in names(t)


def test_plain_keywords_have_no_guards_heading_or_implications():
    keywords = KeywordLabeller(load_taxonomy("ningbo-361-2023"))
    [(c, _), (bare, _), (future, t)] = keywords.predict(
        ["深入实施“四大文化工程”。", "加快项目建设。", "建设海洋牧场。"],
        [None, "一、做强绿色石化产业集群", None],
    )
    assert names(c) == ["绿色石化"]  # 化工 inside 文化工程: the lexicon's neutral words stop this
    assert bare == []  # no heading inheritance
    assert names(future) == ["未来海洋"] and t == []  # no implied `new` (the lexicon adds it)


@pytest.mark.parametrize(
    "text",
    [
        "新组建人工智能、量子科技等省实验室。",
        "成立中国空天信息和卫星互联网创新联盟。",
        "加快冰雪装备产业园建设。",
        "成功举办世界智能网联汽车大会。",
    ],
)
def test_names_of_institutions_events_and_parks_name_no_cluster(labeller, text):
    [(clusters, _)] = labeller.predict([text])
    assert clusters == []


@pytest.mark.parametrize(
    ("text", "cluster"),
    [
        ("加强化工园区安全管理。", "绿色石化"),  # the park word is part of the term itself
        ("发展人工智能产业，建设一批省实验室。", "未来智能"),  # the lab is in another clause
        ("人工智能产业规模突破千亿元，实验室建设取得进展。", "未来智能"),
    ],
)
def test_institution_words_elsewhere_leave_the_industry(labeller, text, cluster):
    [(clusters, _)] = labeller.predict([text])
    assert cluster in names(clusters)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("做强绿色石化产业集群，提升高端装备产业能级。", {"绿色石化", "高端装备"}),
        ("加快发展数字产业、新能源、量子科技。", {"数字产业", "新能源", "量子科技"}),
        ("新能源汽车产量超过70万辆。", set()),  # a longer term: the vehicle, not the cluster
        ("新能源和智能网联汽车产量成倍增长。", set()),
        ("建设数字产业研究院。", set()),  # an institution's name
        ("大力发展光伏、风电和储能。", set()),  # terms of a cluster, not its name
    ],
)
def test_clusters_called_by_their_own_name(labeller, text, named):
    assert labeller.named_clusters(text) == named


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("逐步建立以绿色化、新型化、高端化为主要特征的产业集群体系。", {"green", "new", "high-end"}),
        ("推动制造业高端化、智能化、绿色化发展。", {"high-end", "green"}),
        ("推进产业绿色化改造。", {"green"}),
        ("提升现代化钢铁、绿色化工等产业水平。", set()),  # 化工: chemicals, not -ization
        ("发展高端化学品和绿色化肥。", set()),
        ("推动绿色低碳发展，培育新兴产业。", set()),  # terms of the themes, not their names
    ],
)
def test_themes_called_by_their_own_name(labeller, text, named):
    assert labeller.named_themes(text) == named


@pytest.mark.parametrize("text", ["新能源和智能网联汽车产量成倍增长。", "推广新能源重卡和新能源乘用车。"])
def test_new_energy_vehicles_are_high_end_equipment_not_new_energy(labeller, text):
    [(clusters, _)] = labeller.predict([text])
    assert names(clusters) == ["高端装备"]


@pytest.mark.parametrize(
    ("text", "health"),
    [
        ("推动中医药事业和产业高质量发展。", True),
        ("提高中医药现代化、产业化水平。", True),  # 、 does not end the clause
        ("中医药、生态食品等产业加快发展壮大。", True),
        ("推进中医药传承创新发展。", False),  # a public service
        ("实施中医药振兴发展重大工程，推动制造业升级。", False),  # industry only in another clause
    ],
)
def test_tcm_names_modern_health_only_where_its_clause_speaks_of_industry(labeller, text, health):
    [(clusters, _)] = labeller.predict([text])
    assert ("现代健康" in names(clusters)) is health


def test_plain_keywords_count_industry_only_terms_everywhere():
    keywords = KeywordLabeller(load_taxonomy("ningbo-361-2023"))
    [(clusters, _)] = keywords.predict(["推进中医药传承创新发展。"])
    assert names(clusters) == ["现代健康"]


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("全市土壤环境质量总体保持稳定。", "green"),
        ("统筹推进山水林田湖草沙一体化保护和系统治理。", "green"),
        ("坚持生态优先、绿色发展。", "green"),
        ("调整优化运输结构，推进大宗货物“公转铁”。", "green"),
        ("扩大“新三样”产品出口。", "green"),
        ("组建省级数据交易中心。", "new"),
        ("加快新旧动能转换，打造经济发展新引擎。", "new"),
        ("全年突破重大技术50项。", "high-end"),
    ],
)
def test_theme_terms_of_taxonomy_2023_14(labeller, text, theme):
    [(_, themes)] = labeller.predict([text])
    assert theme in names(themes)
