"""Throughput of sentence labelling beside jieba tokenisation, in one run.

    .venv/bin/python scripts/bench_classify.py [--n 100000] [--model corpora/models/ningbo-361-2023]

Sentences are real corpus sentences (documents 08 and 10 excluded), repeated
up to --n.  Without a saved model, one is trained into a temporary folder first.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.classifier import ModelError, load_classifier, train  # noqa: E402
from nlp.labels import LexiconLabeller  # noqa: E402
from nlp.segmenter import make_tokenizer  # noqa: E402
from nlp.sentences import split_sentences  # noqa: E402
from nlp.taxonomy import load_taxonomy  # noqa: E402

BATCH = 2000


def corpus_sentences(n: int) -> list[str]:
    pool: list[str] = []
    for path in sorted((ROOT / "corpora" / "real").glob("*.txt")):
        if path.name.startswith(("08_", "10_")):
            continue
        text = path.read_text(encoding="utf-8")
        pool.extend(text[s:e] for s, e, heading in split_sentences(text) if not heading)
    return [pool[i % len(pool)] for i in range(n)]


def rate(label: str, n: int, chars: int, fn) -> None:
    start = time.perf_counter()
    fn()
    secs = time.perf_counter() - start
    print(f"{label:<28} {n / secs:>10,.0f} sentences/s  {chars / secs:>12,.0f} chars/s  ({secs:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--model", type=Path, default=ROOT / "corpora" / "models" / "ningbo-361-2023")
    args = parser.parse_args()
    taxonomy = load_taxonomy()
    tokenizer = make_tokenizer(taxonomy.dictionary_words())
    with tempfile.TemporaryDirectory() as tmp:
        try:
            clf = load_classifier(args.model, taxonomy=taxonomy, tokenizer=tokenizer)
        except ModelError as err:  # missing or refused: measure a fresh one instead
            print(f"saved model not usable ({err}); training a temporary one")
            train(ROOT / "corpora" / "labels" / "train.jsonl", taxonomy, Path(tmp), tokenizer=tokenizer)
            clf = load_classifier(Path(tmp), taxonomy=taxonomy, tokenizer=tokenizer)
    meta = clf.metadata
    sources = Counter(m["source"] for kind in ("clusters", "themes") for m in meta["labels"][kind])
    print(
        f"model: taxonomy {meta['taxonomy']['name']} {meta['taxonomy']['version']}, "
        f"{meta['training_data']['rows']} training rows, label sources {dict(sorted(sources.items()))}"
    )
    lexicon = LexiconLabeller(taxonomy)
    sents = corpus_sentences(args.n)
    chars = sum(map(len, sents))
    print(f"{len(sents):,} sentences, {chars:,} chars, mean {chars / len(sents):.0f} chars")
    rate("jieba lcut (HMM off)", len(sents), chars, lambda: [tokenizer.lcut(s, HMM=False) for s in sents])
    rate("lexicon labeller", len(sents), chars, lambda: lexicon.predict(sents))
    batches = [sents[i : i + BATCH] for i in range(0, len(sents), BATCH)]
    rate("classifier (batches of 2000)", len(sents), chars, lambda: [clf.predict(b) for b in batches])


if __name__ == "__main__":
    main()
