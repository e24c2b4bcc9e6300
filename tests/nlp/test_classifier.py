from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from nlp.classifier import META_FILE, MODEL_FILE, ModelError, evaluate_labels, load_classifier, train
from nlp.labels import LexiconLabeller
from nlp.segmenter import make_tokenizer
from nlp.taxonomy import load_taxonomy

DATA = Path(__file__).parent / "data" / "labels-mini.jsonl"


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture(scope="module")
def tok(taxonomy):
    return make_tokenizer(taxonomy.dictionary_words())


@pytest.fixture(scope="module")
def trained(tmp_path_factory, taxonomy, tok):
    out = tmp_path_factory.mktemp("model")
    meta = train(DATA, taxonomy, out, tokenizer=tok)
    return out, meta


def test_metadata_records_what_the_model_depends_on(trained, taxonomy):
    out, meta = trained
    assert (out / MODEL_FILE).exists() and json.loads((out / META_FILE).read_text()) == meta
    assert meta["taxonomy"] == {"name": taxonomy.name, "version": taxonomy.version}
    assert [m["label"] for m in meta["labels"]["clusters"]] == taxonomy.cluster_labels
    assert meta["training_data"]["rows"] == 28 and len(meta["training_data"]["sha256"]) == 64
    assert {"scikit-learn", "numpy", "jieba"} <= set(meta["libraries"])
    sources = {m["label"]: m["source"] for m in meta["labels"]["clusters"]}
    assert sources["元宇宙"] == "lexicon"  # no training examples: the lexicon decides


def test_predicts_calibrated_labels(trained, taxonomy, tok):
    clf = load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok)
    preds = clf.predict(["大力发展光伏和储能产业。", "办好人民满意的教育。"], [None, None])
    (c1, t1), (c2, t2) = preds
    assert [lab.label for lab in c1] == ["新能源"] and "green" in {lab.label for lab in t1}
    assert c2 == [] and t2 == []
    assert all(0.0 <= lab.score <= 1.0 for lab in c1 + t1)
    assert clf.predict([], []) == []


def test_same_data_gives_the_same_model(trained, taxonomy, tok, tmp_path):
    shuffled = tmp_path / "shuffled.jsonl"
    lines = DATA.read_text(encoding="utf-8").splitlines()
    shuffled.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    meta = train(shuffled, taxonomy, tmp_path / "again", tokenizer=tok)
    assert meta["artefact_sha256"] == trained[1]["artefact_sha256"]
    assert meta["labels"] == trained[1]["labels"]


def test_refuses_a_model_for_another_taxonomy(trained):
    with pytest.raises(ModelError, match="taxonomy"):
        load_classifier(trained[0], taxonomy=load_taxonomy("sei-2018"))


def test_refuses_an_altered_artefact(trained, tmp_path, taxonomy, tok):
    copy = tmp_path / "copy"
    shutil.copytree(trained[0], copy)
    with (copy / MODEL_FILE).open("ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelError, match="sha256"):
        load_classifier(copy, taxonomy=taxonomy, tokenizer=tok)


def test_refuses_changed_training_data(trained, tmp_path, taxonomy, tok):
    changed = tmp_path / "changed.jsonl"
    changed.write_text(DATA.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with pytest.raises(ModelError, match="training data"):
        load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok, data_path=changed)
    assert load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok, data_path=DATA)


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(ModelError, match="no metadata.json"):
        load_classifier(tmp_path)


def test_evaluate_side_by_side_with_the_lexicon(trained, taxonomy, tok):
    clf = load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok)
    learned = evaluate_labels(clf, DATA)
    lexicon = evaluate_labels(LexiconLabeller(taxonomy), DATA)
    assert learned.n == lexicon.n == 4
    table = learned.as_dict()
    assert set(table) == {"n", "clusters", "themes"}
    assert 0.0 <= table["clusters"]["micro"]["f1"] <= 1.0
    assert "新能源" in table["clusters"]["labels"]
