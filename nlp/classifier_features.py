"""Features for the sentence classifier: TF-IDF over jieba words and character
n-grams of the sentence, words of its governing heading, and lexicon scores.

The fitted vectorisers are pickled with the model; the jieba tokenizer is not
(it is big and process-local): it is handed in again when the model loads.
"""

from __future__ import annotations

from dataclasses import dataclass

import jieba
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from nlp.labels import LexiconLabeller
from nlp.taxonomy import Taxonomy

CONTEXT_PREFIX = "^"  # heading words live in their own feature space
NO_CONTEXT = "^<none>"  # keeps the heading vocabulary non-empty
LEXICON_WEIGHT = 1.0


def passthrough(tokens: list[str]) -> list[str]:
    """Analyzer for pre-tokenised input (module-level so the vectoriser pickles)."""
    return tokens


def word_tokens(tokenizer: jieba.Tokenizer, text: str) -> list[str]:
    return [w for w in tokenizer.lcut(text, HMM=False) if w.strip() and (len(w) > 1 or w.isalnum())]


@dataclass
class Featurizer:
    """Fitted once on training sentences; transform is pure."""

    words: TfidfVectorizer
    chars: TfidfVectorizer
    context: TfidfVectorizer
    use_lexicon: bool = True

    @classmethod
    def new(cls, use_lexicon: bool = True) -> Featurizer:
        def vec() -> TfidfVectorizer:
            return TfidfVectorizer(analyzer=passthrough, sublinear_tf=True, min_df=1, dtype=np.float64)

        chars = TfidfVectorizer(
            analyzer="char", ngram_range=(2, 3), sublinear_tf=True, min_df=2, max_features=60000
        )
        return cls(words=vec(), chars=chars, context=vec(), use_lexicon=use_lexicon)

    def fit_transform(
        self,
        texts: list[str],
        contexts: list[str | None],
        tokenizer: jieba.Tokenizer,
        lexicon: LexiconLabeller,
    ) -> sparse.csr_matrix:
        toks, ctx = self._tokens(texts, contexts, tokenizer)
        blocks = [
            self.words.fit_transform(toks),
            self.chars.fit_transform(texts),
            self.context.fit_transform(ctx) * 0.5,
        ]
        return self._stack(blocks, texts, contexts, lexicon)

    def transform(
        self,
        texts: list[str],
        contexts: list[str | None],
        tokenizer: jieba.Tokenizer,
        lexicon: LexiconLabeller,
    ) -> sparse.csr_matrix:
        toks, ctx = self._tokens(texts, contexts, tokenizer)
        blocks = [self.words.transform(toks), self.chars.transform(texts), self.context.transform(ctx) * 0.5]
        return self._stack(blocks, texts, contexts, lexicon)

    def _stack(
        self,
        blocks: list[sparse.spmatrix],
        texts: list[str],
        contexts: list[str | None],
        lexicon: LexiconLabeller,
    ) -> sparse.csr_matrix:
        if self.use_lexicon:
            blocks.append(sparse.csr_matrix(lexicon_matrix(lexicon, texts, contexts) * LEXICON_WEIGHT))
        return sparse.hstack(blocks, format="csr")

    @staticmethod
    def _tokens(
        texts: list[str], contexts: list[str | None], tokenizer: jieba.Tokenizer
    ) -> tuple[list[list[str]], list[list[str]]]:
        heading_cache: dict[str, list[str]] = {}
        ctx_tokens = []
        for c in contexts:
            if c and c not in heading_cache:
                heading_cache[c] = [CONTEXT_PREFIX + w for w in word_tokens(tokenizer, c)]
            ctx_tokens.append(heading_cache[c] if c else [NO_CONTEXT])
        return [word_tokens(tokenizer, t) for t in texts], ctx_tokens


def lexicon_matrix(lexicon: LexiconLabeller, texts: list[str], contexts: list[str | None]) -> np.ndarray:
    """Per sentence: lexicon score of every cluster in the text, in the heading, and of every theme."""
    tax: Taxonomy = lexicon.taxonomy
    clusters, themes = tax.cluster_labels, tax.theme_labels
    width = 2 * len(clusters) + len(themes)
    out = np.zeros((len(texts), width))
    heading_cache: dict[str, dict[str, float]] = {}
    for i, (text, context) in enumerate(zip(texts, contexts, strict=True)):
        own = {lab.label: lab.score for lab in lexicon.clusters(text)}
        if context and context not in heading_cache:
            heading_cache[context] = {lab.label: lab.score for lab in lexicon.clusters(context)}
        ctx = heading_cache.get(context or "", {})
        topics = {lab.label: lab.score for lab in lexicon.themes(text)}
        for j, label in enumerate(clusters):
            out[i, j] = own.get(label, 0.0)
            out[i, len(clusters) + j] = ctx.get(label, 0.0)
        for j, label in enumerate(themes):
            out[i, 2 * len(clusters) + j] = topics.get(label, 0.0)
    return out
