from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from nlp.classifier_neighbours import BATCH, Neighbours, neighbour_shares, text_vectors


def unit_rows(rows: list[list[float]]) -> sparse.csr_matrix:
    return text_vectors(sparse.csr_matrix(np.array(rows, dtype=float)), 3)


def test_text_vectors_keep_the_leading_columns_at_unit_length():
    x = sparse.csr_matrix(np.array([[3.0, 4.0, 0.0, 9.0], [0.0, 0.0, 0.0, 5.0]]))
    v = text_vectors(x, 2).toarray()
    assert v.shape == (2, 2)
    assert v[0] == pytest.approx([0.6, 0.8])
    assert v[1] == pytest.approx([0.0, 0.0])  # nothing in its own words: no similarity to anyone


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
    query = unit_rows(rng.random((BATCH + 7, 3)).tolist())
    near = Neighbours(base, targets, k=5)
    batched = near.shares(query)["themes"]
    assert batched.shape == (BATCH + 7, 3)
    assert batched[BATCH:] == pytest.approx(near.shares(query[BATCH:])["themes"])
    assert ((batched >= 0) & (batched <= 1 + 1e-9)).all()
