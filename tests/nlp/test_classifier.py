from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from nlp.classifier import (
    META_FILE,
    MODEL_FILE,
    ModelError,
    ensure_model,
    evaluate_labels,
    load_classifier,
    train,
)
from nlp.classifier_eval import label_report
from nlp.classifier_train import Config
from nlp.labels import LexiconLabeller
from nlp.segmenter import make_tokenizer
from nlp.taxonomy import load_taxonomy

DATA = Path(__file__).parent / "data" / "labels-mini.jsonl"
MINI = Config(min_learnable=8)  # a 28-row set: green (8+ examples) is learnable


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy()


@pytest.fixture(scope="module")
def tok(taxonomy):
    return make_tokenizer(taxonomy.dictionary_words())


@pytest.fixture(scope="module")
def trained(tmp_path_factory, taxonomy, tok):
    out = tmp_path_factory.mktemp("model")
    meta = train(DATA, taxonomy, out, MINI, tokenizer=tok)
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
    assert all(m["source"] in {"model", "lexicon", "either", "stack"} for m in meta["labels"]["clusters"])


def test_learnable_labels_are_decided_by_the_stacked_model(trained, taxonomy, tok):
    """Labels with enough examples (green has 8+ in the mini set) go to the stacker, the rest to the lexicon."""
    clf = load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok)
    by_label = {m.label: m for kind in ("clusters", "themes") for m in clf.models[kind]}
    assert by_label["green"].source == "stack" and by_label["green"].stacker is not None
    assert by_label["量子科技"].source == "lexicon" and by_label["量子科技"].stacker is None
    [(_, themes)] = clf.predict(["推进节能减排，降低碳排放强度。"])
    assert [lab.label for lab in themes] == ["green"] and 0.5 <= themes[0].score <= 1


def test_the_model_keeps_its_training_neighbours_unless_told_not_to(trained, taxonomy, tok, tmp_path):
    clf = load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok)
    [part] = clf.parts  # every row labelled for both kinds: one feature space
    assert part.neighbours is not None and part.neighbours.vectors.shape[0] == 28
    assert part.neighbours.targets["themes"].shape == (28, len(taxonomy.theme_labels))
    train(DATA, taxonomy, tmp_path, Config(min_learnable=8, neighbours=0), tokenizer=tok)
    plain = load_classifier(tmp_path, taxonomy=taxonomy, tokenizer=tok)
    assert plain.parts[0].neighbours is None
    [(_, themes)] = plain.predict(["推进节能减排，降低碳排放强度。"])
    assert [lab.label for lab in themes] == ["green"]


def test_labels_below_the_default_floor_are_left_to_the_lexicon(taxonomy, tok, tmp_path):
    """A handful of positives gives noisy thresholds: under 15 the lexicon decides."""
    meta = train(DATA, taxonomy, tmp_path / "default", tokenizer=tok)
    assert {m["source"] for kind in ("clusters", "themes") for m in meta["labels"][kind]} == {"lexicon"}


def test_predicts_calibrated_labels(trained, taxonomy, tok):
    clf = load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok)
    preds = clf.predict(["大力发展光伏和储能产业。", "办好人民满意的教育。"], [None, None])
    (c1, t1), (c2, t2) = preds
    assert [lab.label for lab in c1] == ["新能源"] and "green" in {lab.label for lab in t1}
    assert c2 == [] and t2 == []
    assert all(0.0 <= lab.score <= 1.0 for lab in c1 + t1)
    assert clf.predict([], []) == []


def test_probabilities_are_what_the_labels_are_decided_on(trained, taxonomy, tok):
    clf = load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok)
    texts = ["大力发展光伏和储能产业。", "办好人民满意的教育。", "推进生态环境保护和污染防治。"]
    proba = clf.probabilities(texts, [None] * len(texts))
    preds = clf.predict(texts, [None] * len(texts))
    for k, kind in enumerate(("clusters", "themes")):
        models = clf.models[kind]
        assert proba[kind].shape == (len(texts), len(models))
        for j, m in enumerate(models):
            column = proba[kind][:, j]
            if m.source == "lexicon":  # no probability: the lexicon decides
                assert np.isnan(column).all()
                continue
            assert ((column >= 0) & (column <= 1)).all()
            if kind == "themes" and m.source == "stack":  # clusters may still inherit a heading's
                chosen = [m.label in {lab.label for lab in pair[k]} for pair in preds]
                assert chosen == list(column >= m.threshold)
    assert clf.probabilities([], [])["themes"].shape == (0, len(clf.models["themes"]))


def test_same_data_gives_the_same_model(trained, taxonomy, tok, tmp_path):
    shuffled = tmp_path / "shuffled.jsonl"
    lines = DATA.read_text(encoding="utf-8").splitlines()
    shuffled.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    meta = train(shuffled, taxonomy, tmp_path / "again", MINI, tokenizer=tok)
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


def _ensure(tmp_path, taxonomy_name="ningbo-361-2023"):
    return ensure_model(taxonomy_name, models_dir=tmp_path, data_path=DATA, config=MINI)


def test_ensure_model_trains_once_then_keeps_the_artefact(tmp_path, trained):
    path = _ensure(tmp_path)
    assert path == tmp_path / "ningbo-361-2023"
    meta = json.loads((path / META_FILE).read_text())
    assert meta["artefact_sha256"] == trained[1]["artefact_sha256"]  # deterministic retraining
    stamp = (path / MODEL_FILE).stat().st_mtime_ns
    assert _ensure(tmp_path) == path and (path / MODEL_FILE).stat().st_mtime_ns == stamp


@pytest.mark.parametrize("damage", ["library", "artefact", "data", "missing"])
def test_ensure_model_retrains_a_refused_artefact(tmp_path, trained, taxonomy, tok, damage):
    path = tmp_path / "ningbo-361-2023"
    shutil.copytree(trained[0], path)
    meta = json.loads((path / META_FILE).read_text())
    if damage == "library":  # e.g. CI installed a newer scikit-learn than the one that saved it
        meta["libraries"]["scikit-learn"] = "0.1.0"
        (path / META_FILE).write_text(json.dumps(meta))
    elif damage == "artefact":
        (path / MODEL_FILE).write_bytes(b"not a model")
    elif damage == "data":
        meta["training_data"]["sha256"] = "0" * 64
        (path / META_FILE).write_text(json.dumps(meta))
    else:
        (path / META_FILE).unlink()
    with pytest.raises(ModelError):
        load_classifier(path, taxonomy=taxonomy, tokenizer=tok, data_path=DATA)
    assert _ensure(tmp_path) == path
    assert load_classifier(path, taxonomy=taxonomy, tokenizer=tok, data_path=DATA)
    assert json.loads((path / META_FILE).read_text())["artefact_sha256"] == trained[1]["artefact_sha256"]
    assert not (tmp_path / "ningbo-361-2023.new").exists()


def test_ensure_model_refuses_data_of_another_taxonomy(tmp_path):
    with pytest.raises(ModelError, match="not in taxonomy sei-2018"):
        _ensure(tmp_path, "sei-2018")
    assert not any(tmp_path.iterdir())


def test_outline_path_is_read_as_its_innermost_heading(trained, taxonomy, tok):
    clf = load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok)
    text = "到2027年，产业规模突破2000亿元。"
    inner = clf.predict([text], ["（二）壮大光伏产业"])
    path = clf.predict([text], ["一、加快建设现代化产业体系 （二）壮大光伏产业 1.总体要求"])
    assert inner == path


def test_spaces_inside_chinese_words_change_nothing(trained, taxonomy, tok):
    clf = load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok)
    whole, split = clf.predict(["宁波新能源汽车产量超过70万辆。", "宁波新能 源汽车产量\n超过70万辆。"])
    assert split == whole


def test_a_list_of_cluster_names_keeps_every_name(trained, taxonomy, tok):
    clf = load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok)
    every = "、".join(taxonomy.cluster_labels)
    [(clusters, _)] = clf.predict([f"四年后的宁波将形成{every}等产业集群。"])
    assert {lab.label for lab in clusters} == set(taxonomy.cluster_labels)
    assert all(0 < lab.score <= 1 for lab in clusters)
    # 新能源 inside a vehicle phrase is not the cluster's name
    [(clusters, _)] = clf.predict(["壮大新能源和智能网联汽车、数字产业。"])
    assert "新能源" not in {lab.label for lab in clusters}


def test_a_theme_called_by_its_name_is_kept(trained, taxonomy, tok):
    clf = load_classifier(trained[0], taxonomy=taxonomy, tokenizer=tok)
    every = "、".join(taxonomy.cluster_labels)
    text = f"宁波将形成{every}等产业集群，逐步建立以绿色化、新型化、高端化为主要特征的产业体系。"
    [(_, themes)], proba = clf.label([text])
    assert {lab.label for lab in themes} == {"green", "new", "high-end"}
    # a theme the models left out is added at their probability, but at least the rule's floor
    assert all(0.9 <= lab.score <= 1 for lab in themes)


def test_label_report_prints_both_labellers_and_confusions(trained):
    text = label_report(trained[0], DATA)
    assert "classifier P/R/F1" in text and "lexicon P/R/F1" in text
    assert sum(line.startswith("micro") for line in text.splitlines()) == 2 and "新能源" in text
    assert text.count("95% interval") == 2 and "gain over the lexicon" in text
    assert "top confusions (classifier" in text and "top confusions (lexicon" in text
    assert text.count("plain keywords") == 2  # the keyword baseline's micro line, per kind
    assert text.count("calibration error") == 2 and "mean score→share where the label is true" in text


def test_label_report_scores_each_file_then_all_together(trained, tmp_path):
    rows = DATA.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("\n".join(rows[:10]) + "\n", encoding="utf-8")
    second.write_text("\n".join(rows[10:]) + "\n", encoding="utf-8")
    text = label_report(trained[0], [first, second])
    headers = [line for line in text.splitlines() if line.startswith("==")]
    assert [h.split(":")[0] for h in headers] == ["== a.jsonl", "== b.jsonl", "== a.jsonl + b.jsonl"]
    n_test = sum('"split": "test"' in r for r in rows)
    assert n_test and f"(n={n_test})" in headers[-1]


def test_label_report_refuses_a_file_with_no_test_sentence(trained, tmp_path):
    train_only = tmp_path / "train.jsonl"
    rows = [r for r in DATA.read_text(encoding="utf-8").splitlines() if '"split": "test"' not in r]
    train_only.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no sentence of split 'test'"):
        label_report(trained[0], train_only)


@pytest.mark.slow
def test_full_model_labels_clear_cases_and_beats_the_lexicon(tmp_path, taxonomy, tok):
    """The committed artefact (or its deterministic retraining, if refused here)."""
    from tests.nlp.test_labels import CLEAR_CLUSTERS, CLEAR_THEMES, UNLABELLED

    root = Path(__file__).resolve().parents[2]
    shutil.copytree(root / "corpora/models/ningbo-361-2023", tmp_path / "ningbo-361-2023")
    clf = load_classifier(
        ensure_model("ningbo-361-2023", models_dir=tmp_path), taxonomy=taxonomy, tokenizer=tok
    )
    texts = [t for t, _ in CLEAR_CLUSTERS + CLEAR_THEMES] + UNLABELLED[:4]
    preds = clf.predict(texts)
    exact = 0
    for (text, label), (clusters, _) in zip(CLEAR_CLUSTERS, preds, strict=False):
        # the learned model may add a related cluster it saw co-occur in training
        # (创新药 → 原创新药 and, less sure, 现代健康), but the named one must rank first
        assert clusters and clusters[0].label == label, text
        exact += [lab.label for lab in clusters] == [label]
    assert exact >= len(CLEAR_CLUSTERS) - 2
    for (text, label), (clusters, themes) in zip(CLEAR_THEMES, preds[len(CLEAR_CLUSTERS) :], strict=False):
        assert clusters == [] and [lab.label for lab in themes] == [label], text
    assert all(c == [] and t == [] for c, t in preds[-4:])
    # a long list of clusters dilutes the models' reading of 高端化, and no labelled
    # sentence says 新型化: the themes called by name must still be there
    every = "、".join(taxonomy.cluster_labels)
    [(_, themes)] = clf.predict(
        [f"宁波将形成{every}等产业集群，建立以绿色化、新型化、高端化为主要特征的体系。"]
    )
    assert {lab.label for lab in themes} == {"green", "new", "high-end"}
    test = root / "corpora/labels/test.jsonl"
    learned, lexicon = evaluate_labels(clf, test), evaluate_labels(LexiconLabeller(taxonomy), test)
    for kind in ("clusters", "themes"):
        assert learned.micro_f1(kind) >= lexicon.micro_f1(kind) - 0.01
        assert learned.micro_f1(kind) >= 0.85
    # on every other sentence of the test documents (mostly no industry at all) the
    # learned layer must clearly beat its lexicon on themes, where side mentions mislead it
    fresh = root / "corpora/labels/test-fresh.jsonl"
    learned, lexicon = evaluate_labels(clf, fresh), evaluate_labels(LexiconLabeller(taxonomy), fresh)
    assert learned.micro_f1("themes") >= lexicon.micro_f1("themes") + 0.02
    assert learned.micro_f1("clusters") >= lexicon.micro_f1("clusters")


def test_grouped_cv_trains_on_synthetic_rows_but_scores_only_real_ones(taxonomy, tok, tmp_path):
    from nlp.classifier_cv import grouped_cv
    from nlp.classifier_eval import read_jsonl

    rows = read_jsonl(DATA)
    real = [r for r in rows if r.get("split", "train") == "train"]
    synthetic = [
        {**r, "text": "合成：" + r["text"], "doc": "syn-" + r["doc"], "origin": "synthetic"} for r in real
    ]
    data = tmp_path / "with-synthetic.jsonl"
    data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows + synthetic), "utf-8")
    learned, lexical, flagged = grouped_cv(data, taxonomy, MINI, folds=2, tokenizer=tok)
    assert learned.n == lexical.n == len(flagged) == len(real)
    assert len(learned.sentences["themes"]) == len(real)  # no synthetic row was scored
    want = sum(len(r["themes"]) for r in real)
    assert learned.micro["themes"].tp + learned.micro["themes"].fn == want


def test_rows_labelled_for_themes_only_never_reach_the_cluster_models(trained, taxonomy, tok, tmp_path):
    """Written news labelled for themes only: the cluster models are the ones trained without
    those rows, byte for byte in their choices; the theme models read them in a part of their own."""
    extra = [
        {
            "text": f"全市新增充电桩{n}个，推动绿色出行。",
            "doc": f"w{n}",
            "clusters": ["高端装备"],
            "themes": ["green"],
        }
        for n in range(6)
    ]
    data = tmp_path / "with-written.jsonl"
    lines = DATA.read_text(encoding="utf-8").splitlines()
    lines += [json.dumps(r | {"split": "train", "kinds": ["themes"]}, ensure_ascii=False) for r in extra]
    data.write_text("\n".join(lines) + "\n", encoding="utf-8")
    meta = train(data, taxonomy, tmp_path / "m", MINI, tokenizer=tok)
    assert meta["training_data"]["rows_per_kind"] == {"clusters": 28, "themes": 34}
    assert meta["labels"]["clusters"] == trained[1]["labels"]["clusters"]
    clf = load_classifier(tmp_path / "m", taxonomy=taxonomy, tokenizer=tok)
    assert [sorted(p.models) for p in clf.parts] == [["clusters"], ["themes"]]
    assert clf.parts[1].neighbours is not None and clf.parts[1].neighbours.vectors.shape[0] == 34
    [(clusters, themes)] = clf.predict(["大力发展光伏和储能产业。"])
    assert [lab.label for lab in clusters] == ["新能源"] and "green" in {lab.label for lab in themes}


def test_unknown_kinds_are_refused(taxonomy, tok, tmp_path):
    data = tmp_path / "odd.jsonl"
    row = {"text": "推进节能减排。", "doc": "x", "clusters": [], "themes": ["green"], "kinds": ["topics"]}
    data.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kinds"):
        train(data, taxonomy, tmp_path / "m", MINI, tokenizer=tok)
