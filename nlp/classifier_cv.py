"""Grouped cross-validation of the whole training procedure on the train split.

Each outer fold holds back whole documents, trains exactly as `train` does
(including its own inner grouped CV for C, thresholds and sources) on the
rest, and scores the held-back sentences beside the lexicon.  This is the
number to tune on; the test split is only for the final measurement.

    .venv/bin/python -m nlp.classifier_cv [--folds 4]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import jieba

from nlp.classifier import KINDS, Classifier, fit, row_kinds, training_rows
from nlp.classifier_eval import Report, format_side_by_side, format_stratified, label_set
from nlp.classifier_train import Config, group_folds
from nlp.labels import LexiconLabeller
from nlp.segmenter import make_tokenizer
from nlp.taxonomy import Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]


def grouped_cv(
    data_path: str | Path,
    taxonomy: Taxonomy,
    config: Config | None = None,
    folds: int = 4,
    tokenizer: jieba.Tokenizer | None = None,
) -> tuple[Report, Report, list[bool]]:
    """(classifier, lexicon) reports over outer folds grouped by document, and per scored
    sentence (in the reports' order) whether the lexicon finds a cluster in it.

    Synthetic rows (origin "synthetic") and rows labelled for one kind only (written news,
    themes only) are in every fold's training data and never scored: the figure is about the
    real documents, every kind of them.
    """
    config = config or Config()
    every = training_rows(data_path, taxonomy)
    rows = [r for r in every if r.get("origin") != "synthetic" and row_kinds(r) == KINDS]
    synthetic = [r for r in every if r.get("origin") == "synthetic" or row_kinds(r) != KINDS]
    tokenizer = tokenizer or make_tokenizer(taxonomy.dictionary_words())
    groups = [r.get("doc") or r["text"] for r in rows]
    learned, lexical = Report(n=len(rows)), Report(n=len(rows))
    lexicon = LexiconLabeller(taxonomy)
    flagged: list[bool] = []
    for fit_idx, val_idx in group_folds(groups, folds):
        fitted = fit([rows[i] for i in fit_idx] + synthetic, taxonomy, config, tokenizer)
        clf = Classifier(taxonomy, tokenizer, fitted.parts, {})
        held = [rows[i] for i in val_idx]
        texts, contexts = [r["text"] for r in held], [r.get("context") for r in held]
        readings = [lexicon.read(t) for t in texts]  # read once: the stratum flag and the lexicon's labels
        flagged += [bool(clusters) for clusters, _ in readings]
        predictions = (clf.predict(texts, contexts), lexicon.predict(texts, contexts, readings))
        for report, pairs in zip((learned, lexical), predictions, strict=True):
            for row, pair in zip(held, pairs, strict=True):
                for kind, got in zip(KINDS, pair, strict=True):
                    report.add(kind, set(row.get(kind, [])), label_set(got))
    return learned, lexical, flagged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "corpora" / "labels" / "train.jsonl")
    parser.add_argument("--taxonomy", default="ningbo-361-2023")
    parser.add_argument("--folds", type=int, default=4)
    args = parser.parse_args()
    learned, lexical, flagged = grouped_cv(args.data, load_taxonomy(args.taxonomy), folds=args.folds)
    print(format_side_by_side(learned, lexical, f"grouped {args.folds}-fold CV on {args.data.name}"))
    print(format_stratified(learned, lexical, flagged))


if __name__ == "__main__":
    main()
