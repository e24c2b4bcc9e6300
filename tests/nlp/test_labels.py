from __future__ import annotations

from pathlib import Path

import pytest

from nlp.classifier_eval import anchor_report, rough_sentences
from nlp.labels import LexiconLabeller
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
