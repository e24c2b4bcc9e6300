"""Word segmentation: one jieba.Tokenizer instance with our domain dictionary,
plugged into spaCy's Chinese tokenizer.

jieba's module-level functions share one global dictionary (jieba #743/#399);
we never touch it. Each Pipeline owns its tokenizer, built once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import jieba
import spacy
from spacy.language import Language

# A high frequency makes jieba keep a dictionary term whole (新质生产力, 绿色石化).
DOMAIN_WORD_FREQ = 200_000


def make_tokenizer(words: Iterable[str] = ()) -> jieba.Tokenizer:
    """A private jieba tokenizer that keeps every domain word whole."""
    logging.getLogger("jieba").setLevel(logging.WARNING)  # no "Building prefix dict" chatter
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in sorted(set(words)):
        word = word.strip()
        if word and not any(ch.isspace() for ch in word):
            tokenizer.add_word(word, freq=DOMAIN_WORD_FREQ)
    return tokenizer


def make_spacy(tokenizer: jieba.Tokenizer) -> Language:
    """spaCy's blank Chinese pipeline whose jieba segmenter is our instance."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    nlp.tokenizer.jieba_seg = tokenizer  # type: ignore[union-attr]  # spaCy calls .cut(text, cut_all=False) on it
    return nlp


def words(tokenizer: jieba.Tokenizer, text: str) -> list[str]:
    """Words of `text` without whitespace tokens."""
    return [w for w in tokenizer.lcut(text) if w.strip()]
