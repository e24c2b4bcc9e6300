"""Features for the sentence classifier: TF-IDF over jieba words and character
n-grams of the sentence, words of its innermost heading, and lexicon scores.

Tokenising is the slow part, so `prepare` does it once per sentence and
cross-validation folds only slice the result.  The fitted vectorisers are
pickled with the model; the jieba tokenizer is not (it is big and
process-local): it is handed in again when the model loads.
"""

from __future__ import annotations

from dataclasses import dataclass

import jieba
import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from nlp.labels import INDUSTRY_CUES, LabelPair, LexiconLabeller, compact, innermost_heading

CONTEXT_PREFIX = "^"  # heading words live in their own feature space
NO_CONTEXT = "^<none>"  # keeps the heading vocabulary non-empty


def passthrough(tokens: list[str]) -> list[str]:
    """Analyzer for pre-tokenised input (module-level so the vectoriser pickles)."""
    return tokens


def word_tokens(tokenizer: jieba.Tokenizer, text: str) -> list[str]:
    return [w for w in tokenizer.lcut(text, HMM=False) if w.strip() and (len(w) > 1 or w.isalnum())]


@dataclass(frozen=True)
class Prepared:
    """Sentences with their tokens, heading tokens and lexicon scores, computed once."""

    texts: list[str]
    words: list[list[str]]
    heads: list[list[str]]
    lexical: np.ndarray

    def take(self, idx: np.ndarray | list[int]) -> Prepared:
        return Prepared(
            [self.texts[i] for i in idx],
            [self.words[i] for i in idx],
            [self.heads[i] for i in idx],
            self.lexical[np.asarray(idx, dtype=int)],
        )


def prepare(
    texts: list[str],
    contexts: list[str | None],
    tokenizer: jieba.Tokenizer,
    lexicon: LexiconLabeller,
    readings: list[LabelPair] | None = None,
) -> Prepared:
    texts = [compact(t) for t in texts]
    heads = [compact(h) if h else h for h in (innermost_heading(c) for c in contexts)]
    cache: dict[str, list[str]] = {}
    head_tokens = []
    for h in heads:
        if h and h not in cache:
            cache[h] = [CONTEXT_PREFIX + w for w in word_tokens(tokenizer, h)]
        head_tokens.append(cache[h] if h else [NO_CONTEXT])
    words = [word_tokens(tokenizer, t) for t in texts]
    return Prepared(texts, words, head_tokens, lexicon_matrix(lexicon, texts, heads, readings))


@dataclass
class Featurizer:
    """Fitted once on training sentences; transform is pure."""

    words: TfidfVectorizer
    chars: TfidfVectorizer
    context: TfidfVectorizer
    use_lexicon: bool = True
    context_weight: float = 0.5
    lexicon_weight: float = 1.0

    @classmethod
    def new(
        cls, use_lexicon: bool, char_ngrams: tuple[int, int], context_weight: float, lexicon_weight: float
    ) -> Featurizer:
        """Unfitted features; the settings come from `Config` (the one place their defaults live)."""

        def vec() -> TfidfVectorizer:
            return TfidfVectorizer(analyzer=passthrough, sublinear_tf=True, min_df=1, dtype=np.float64)

        chars = TfidfVectorizer(
            analyzer="char", ngram_range=char_ngrams, sublinear_tf=True, min_df=2, max_features=60000
        )
        return cls(vec(), chars, vec(), use_lexicon, context_weight, lexicon_weight)

    def rare_text_columns(self, max_df: float) -> np.ndarray:
        """Indices of the sentence's own word and character columns that occur in at most about
        `max_df` of the training sentences (TF-IDF's smoothed idf is ln((1+n)/(1+df)) + 1).
        A set too small for that share keeps its rarest columns, so the vectors are never empty."""
        idf = np.concatenate([self.words.idf_, self.chars.idf_])
        return np.flatnonzero(idf >= min(np.log(1 / max_df) + 1, idf.max()))

    def fit_transform(self, data: Prepared) -> sparse.csr_matrix:
        blocks = [
            self.words.fit_transform(data.words),
            self.chars.fit_transform(data.texts),
            self.context.fit_transform(data.heads) * self.context_weight,
        ]
        return self._stack(blocks, data)

    def transform(self, data: Prepared) -> sparse.csr_matrix:
        blocks = [
            self.words.transform(data.words),
            self.chars.transform(data.texts),
            self.context.transform(data.heads) * self.context_weight,
        ]
        return self._stack(blocks, data)

    def _stack(self, blocks: list[sparse.spmatrix], data: Prepared) -> sparse.csr_matrix:
        if self.use_lexicon:
            blocks.append(sparse.csr_matrix(data.lexical * self.lexicon_weight))
        return sparse.hstack(blocks, format="csr")


def lexicon_matrix(
    lexicon: LexiconLabeller,
    texts: list[str],
    contexts: list[str | None],
    readings: list[LabelPair] | None = None,
) -> np.ndarray:
    """Per sentence: lexicon score of every cluster in the text, in the heading, of every theme,
    and (last column) whether the sentence speaks of industry at all (INDUSTRY_CUES)."""
    clusters, themes = lexicon.taxonomy.cluster_labels, lexicon.taxonomy.theme_labels
    out = np.zeros((len(texts), 2 * len(clusters) + len(themes) + 1))
    heading_cache: dict[str, dict[str, float]] = {}
    readings = readings if readings is not None else [lexicon.read(t) for t in texts]
    for i, (text, context, (named, topics_named)) in enumerate(zip(texts, contexts, readings, strict=True)):
        own = {lab.label: lab.score for lab in named}
        if context and context not in heading_cache:
            heading_cache[context] = {lab.label: lab.score for lab in lexicon.clusters(context)}
        ctx = heading_cache.get(context or "", {})
        topics = {lab.label: lab.score for lab in topics_named}
        for j, label in enumerate(clusters):
            out[i, j] = own.get(label, 0.0)
            out[i, len(clusters) + j] = ctx.get(label, 0.0)
        for j, label in enumerate(themes):
            out[i, 2 * len(clusters) + j] = topics.get(label, 0.0)
        out[i, -1] = 1.0 if INDUSTRY_CUES.search(text) else 0.0
    return out


def evidence(
    lexical: np.ndarray,
    decided: np.ndarray,
    kind: str,
    j: int,
    n_clusters: int,
    share: np.ndarray | None = None,
) -> np.ndarray:
    """What the lexicon says about label j of `kind`, as columns for the stacked model.

    Clusters: the lexicon's verdict, the label's score in the sentence and in its
    heading (alone and when the sentence speaks of industry), the industry cue, and
    the strongest other cluster.  Themes: the verdict, the theme's score, the cue and
    every cluster's score (future industries are `new`, 新能源 is `green` …), so the
    model weighs those implications instead of applying them as hard rules.
    `share`: the label's share among the sentence's nearest training sentences
    (nlp.classifier_neighbours), a last column when the model uses neighbours.
    """
    cue = lexical[:, -1]
    if kind == "clusters":
        own, head = lexical[:, j], lexical[:, n_clusters + j]
        others = np.delete(lexical[:, :n_clusters], j, axis=1).max(axis=1)
        cols = [decided, own, head, head * cue, cue, others]
    else:
        cols = [decided, lexical[:, 2 * n_clusters + j], cue, lexical[:, :n_clusters]]
    if share is not None:
        cols.append(share)
    return np.column_stack(cols).astype(float)
