from __future__ import annotations

import pytest

from nlp.taxonomy import TaxonomyError, list_taxonomies, load_taxonomy

NINGBO_CLUSTERS = [
    "数字产业", "绿色石化", "高端装备", "新型功能材料", "新能源", "关键基础件", "智能家电",
    "时尚纺织服装", "现代健康", "前沿新材料", "未来智能", "元宇宙", "未来能源", "空天科技",
    "未来海洋", "量子科技", "原创新药", "未来诊疗",
]  # fmt: skip


def test_default_is_ningbo_361_with_schema_labels():
    tax = load_taxonomy()
    assert tax.name == "ningbo-361-2023" and tax.version
    assert tax.cluster_labels == NINGBO_CLUSTERS
    assert tax.theme_labels == ["green", "new", "high-end"]
    tiers = [c.tier for c in tax.clusters]
    assert tiers.count("万亿级") == 3 and tiers.count("千亿级") == 6 and tiers.count("新兴和未来产业") == 9


def test_every_cluster_has_its_name_and_specific_terms():
    for cluster in load_taxonomy().clusters:
        assert cluster.terms[0] == cluster.label
        assert len(cluster.terms) >= 3, cluster.label
        assert cluster.covers, cluster.label


def test_new_energy_vehicles_belong_to_high_end_equipment():
    tax = load_taxonomy()
    assert "新能源汽车" in tax.cluster("高端装备").terms
    assert "新能源汽车" not in tax.cluster("新能源").terms
    assert "光伏" in tax.cluster("新能源").terms


def test_second_scheme_selectable_by_name():
    assert {"ningbo-361-2023", "sei-2018"} <= set(list_taxonomies())
    sei = load_taxonomy("sei-2018")
    assert len(sei.clusters) == 9 and sei.cluster_labels[0] == "新一代信息技术产业"
    assert sei.theme_labels == ["green", "new", "high-end"]  # shared via themes_from


def test_load_by_path(tmp_path):
    path = tmp_path / "tiny.yaml"
    path.write_text(
        "name: tiny\nversion: '1'\nclusters:\n  - {label: 甲, terms: [乙丙], industry_only: [丁戊]}\n",
        encoding="utf-8",
    )
    tax = load_taxonomy(str(path))
    assert tax.cluster_labels == ["甲"] and tax.themes == ()
    assert tax.cluster("甲").industry_only == ("丁戊",)
    assert tax.dictionary_words() == ["丁戊", "乙丙", "甲产业", "甲产业集群"]


def test_unknown_name_is_a_clear_error():
    with pytest.raises(TaxonomyError, match="unknown taxonomy 'nope'.*ningbo-361-2023"):
        load_taxonomy("nope")


def test_dictionary_words_are_sorted_multichar_cjk():
    words = load_taxonomy().dictionary_words()
    assert words == sorted(set(words))
    assert "绿色石化" in words and "工业母机" in words
    assert "5G" not in words and all(len(w) > 1 for w in words)


SEI_TEXT = """一、做强新兴产业
加快发展集成电路和人工智能产业，壮大新一代信息技术产业。
推进生物医药和生物育种产业发展。
大力发展光伏、风电和新能源汽车。
办好人民满意的教育。
"""


def test_sei_taxonomy_runs_end_to_end_with_the_lexicon(tmp_path):
    from ingest.read import read_bytes
    from nlp.labels import LexiconLabeller
    from nlp.pipeline import Pipeline

    pipe = Pipeline(taxonomy="sei-2018")  # no saved model for this scheme: the lexicon labels
    assert isinstance(pipe.labeller, LexiconLabeller) and pipe.taxonomy.name == "sei-2018"
    analysis = pipe.analyse(read_bytes(SEI_TEXT.encode("utf-8"), "sei.txt"))
    labelled = {s.text: sorted(lab.label for lab in s.clusters) for s in analysis.sentences}
    sei = set(load_taxonomy("sei-2018").cluster_labels)
    assert all(set(v) <= sei for v in labelled.values())
    assert "新一代信息技术产业" in labelled["加快发展集成电路和人工智能产业，壮大新一代信息技术产业。"]
    assert "生物产业" in labelled["推进生物医药和生物育种产业发展。"]
    assert labelled["办好人民满意的教育。"] == []
    themes = {s.text: {lab.label for lab in s.themes} for s in analysis.sentences}
    assert "green" in themes["大力发展光伏、风电和新能源汽车。"]
