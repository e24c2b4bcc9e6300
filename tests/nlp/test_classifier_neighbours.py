from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from nlp.classifier_features import Featurizer, passthrough
from nlp.classifier_neighbours import BATCH, Neighbours, neighbour_shares, text_vectors

ALL = np.arange(3)


def unit_rows(rows: list[list[float]]) -> sparse.csr_matrix:
    return text_vectors(sparse.csr_matrix(np.array(rows, dtype=float)), ALL)


def test_text_vectors_keep_the_chosen_columns_at_unit_length():
    x = sparse.csr_matrix(np.array([[3.0, 9.0, 4.0], [0.0, 5.0, 0.0]]))
    v = text_vectors(x, np.array([0, 2])).toarray()
    assert v.shape == (2, 2)
    assert v[0] == pytest.approx([0.6, 0.8])
    assert v[1] == pytest.approx([0.0, 0.0])  # nothing in its chosen columns: similar to no one


def test_rare_text_columns_leave_out_what_most_sentences_share():
    feat = Featurizer(
        TfidfVectorizer(analyzer=passthrough),
        TfidfVectorizer(analyzer="char"),
        TfidfVectorizer(analyzer=passthrough),
    )
    words = [["发展", "光伏"], ["发展", "风电"], ["发展", "储能"], ["发展", "氢能"]]
    feat.words.fit(words)
    feat.chars.fit(["发展光伏", "发展风电", "发展储能", "发展氢能"])
    kept = feat.rare_text_columns(0.45)
    names = [*feat.words.get_feature_names_out(), *feat.chars.get_feature_names_out()]
    # 发展/发/展 are in every sentence, 能 in two of four (smoothed share 3/5)
    assert {names[i] for i in kept} == {"光伏", "风电", "储能", "氢能", "光", "伏", "风", "电", "储", "氢"}


def test_a_set_too_small_for_the_share_keeps_its_rarest_columns():
    feat = Featurizer(
        TfidfVectorizer(analyzer=passthrough),
        TfidfVectorizer(analyzer="char"),
        TfidfVectorizer(analyzer=passthrough),
    )
    feat.words.fit([["发展", "光伏"], ["发展", "风电"]])
    feat.chars.fit(["发展光伏", "发展风电"])
    names = [*feat.words.get_feature_names_out(), *feat.chars.get_feature_names_out()]
    assert {names[i] for i in feat.rare_text_columns(0.02)} == {"光伏", "风电", "光", "伏", "风", "电"}


def test_shares_weigh_the_nearest_training_rows_by_similarity():
    base = unit_rows([[1, 0, 0], [1, 1, 0], [0, 0, 1]])
    targets = {"themes": np.array([[True, False], [False, True], [True, True]])}
    query = unit_rows([[1, 0, 0]])
    [shares] = neighbour_shares(query, base, targets, k=2)["themes"]
    # nearest: row 0 (similarity 1) and row 1 (0.707); row 2 (0) is left out
    w0, w1 = 1.0, 1 / np.sqrt(2)
    assert shares == pytest.approx([w0 / (w0 + w1), w1 / (w0 + w1)], rel=1e-4)


def test_k_larger_than_the_training_set_uses_every_row():
    base = unit_rows([[1, 0, 0], [0, 1, 0]])
    targets = {"clusters": np.array([[True], [False]])}
    [[share]] = neighbour_shares(unit_rows([[1, 1, 0]]), base, targets, k=50)["clusters"]
    assert share == pytest.approx(0.5, rel=1e-4)


def test_batches_give_the_same_shares_as_one_pass():
    rng = np.random.default_rng(0)
    base = unit_rows(rng.random((40, 3)).tolist())
    targets = {"themes": rng.random((40, 3)) > 0.5}
    x = sparse.csr_matrix(rng.random((BATCH + 7, 4)))  # a 4th column the neighbours do not use
    near = Neighbours(ALL, base, targets, k=5)
    batched = near.shares(x)["themes"]
    assert batched.shape == (BATCH + 7, 3)
    assert batched[BATCH:] == pytest.approx(near.shares(x[BATCH:])["themes"])
    assert ((batched >= 0) & (batched <= 1 + 1e-9)).all()
