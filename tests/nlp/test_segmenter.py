import jieba

from nlp.segmenter import make_spacy, make_tokenizer, words


def test_domain_words_stay_whole_without_touching_global_jieba(tokenizer):
    assert "新质生产力" in words(tokenizer, "加快发展新质生产力")
    assert jieba.dt.FREQ.get("新质生产力") is None  # the global dictionary is untouched


def test_spacy_uses_our_tokenizer(tokenizer):
    nlp = make_spacy(tokenizer)
    doc = nlp("做强绿色石化产业集群，到2027年")
    assert [t.text for t in doc] == ["做强", "绿色石化", "产业", "集群", "，", "到", "2027", "年"]
    assert doc.text == "做强绿色石化产业集群，到2027年"


def test_two_tokenizers_are_independent():
    a = make_tokenizer(["绿色石化"])
    b = make_tokenizer([])
    assert "绿色石化" in a.lcut("做强绿色石化")
    assert "绿色石化" not in b.lcut("做强绿色石化")
