"""Document in, Analysis out: the nlp stages in one visible list.

A Pipeline is expensive to build (jieba dictionary, spaCy, models) and cheap
to call: build it once per process and reuse it.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

import jieba

from ingest.records import Document
from nlp.labels import Labeller, LexiconLabeller
from nlp.quantities import DocContext, extract_quantities
from nlp.records import Analysis, Sentence
from nlp.segmenter import make_spacy, make_tokenizer
from nlp.sentences import heading_level, split_sentences
from nlp.taxonomy import Taxonomy, load_taxonomy

DEFAULT_TAXONOMY = "ningbo-361-2023"
MODELS_DIR = Path(__file__).resolve().parents[1] / "corpora" / "models"
log = logging.getLogger(__name__)


class Pipeline:
    def __init__(self, taxonomy: str = DEFAULT_TAXONOMY, model: Path | str | None = "auto") -> None:
        """`model`: a saved classifier folder; "auto" = corpora/models/<taxonomy> when it
        exists and fits (else the lexicon, with a warning); None = the lexicon."""
        self.taxonomy = load_taxonomy(taxonomy)
        self.tokenizer = make_tokenizer(self.taxonomy.dictionary_words())
        self.spacy = make_spacy(self.tokenizer)
        self.labeller = _make_labeller(self.taxonomy, self.tokenizer, model)
        self.taxonomy_id = f"{self.taxonomy.name} {self.taxonomy.version}"

    def analyse(self, doc: Document) -> Analysis:
        # which labels these are: a store may hold documents labelled with other taxonomies
        doc = doc.model_copy(update={"meta": {**doc.meta, "taxonomy": self.taxonomy_id}})
        sentences = self.sentences(doc)
        self.label(sentences)
        quantities = extract_quantities(doc.text, sentences, doc_context(doc))
        return Analysis(document=doc, sentences=sentences, quantities=quantities)

    def sentences(self, doc: Document) -> list[Sentence]:
        spans = split_sentences(doc.text, [(h.start, h.end) for h in doc.headings])
        return [
            Sentence(index=i, text=doc.text[s:e], start=s, end=e, page=doc.page_at(s), heading=h)
            for i, (s, e, h) in enumerate(spans)
        ]

    def label(self, sentences: list[Sentence]) -> None:
        """Set clusters and themes on every sentence (predict, then annotate)."""
        predictions = self.labeller.predict([s.text for s in sentences], governing_headings(sentences))
        for sentence, (clusters, themes) in zip(sentences, predictions, strict=True):
            sentence.clusters, sentence.themes = clusters, themes

    def term_counts(self, doc: Document) -> Counter[str]:
        """Word counts of the document, for rising-term reports."""
        counts: Counter[str] = Counter()
        for token_doc in self.spacy.pipe(doc.text.split("\n")):
            counts.update(t.text for t in token_doc if len(t.text) > 1 and not t.is_space and not t.is_punct)
        return counts


def governing_headings(sentences: list[Sentence]) -> list[str | None]:
    """For each sentence, the outline path of headings above it (None at the top).

    一、 outranks （一）, which outranks 1. — a new heading closes the ones at its
    level and below, so a sentence sees e.g. "一、做强绿色石化产业集群 （二）提升炼化一体化水平".
    """
    open_headings: dict[int, str] = {}
    out: list[str | None] = []
    for sentence in sentences:
        if sentence.heading:
            level = heading_level(sentence.text)
            open_headings = {k: v for k, v in open_headings.items() if k < level}
            open_headings[level] = sentence.text
            out.append(" ".join(open_headings[k] for k in sorted(open_headings) if k < level) or None)
        else:
            out.append(" ".join(open_headings[k] for k in sorted(open_headings)) or None)
    return out


def doc_context(doc: Document) -> DocContext:
    year = int(doc.date[:4]) if doc.date else None
    return DocContext(year=year, period=doc.period, region=doc.region, kind=doc.kind, title=doc.title)


def _make_labeller(taxonomy: Taxonomy, tokenizer: jieba.Tokenizer, model: Path | str | None) -> Labeller:
    """The trained classifier when its artefact exists and fits, else the taxonomy lexicon."""
    if model is None:
        return LexiconLabeller(taxonomy)
    from nlp.classifier import ModelError, load_classifier

    path = MODELS_DIR / taxonomy.name if model == "auto" else Path(model)
    if model == "auto" and not path.exists():
        return LexiconLabeller(taxonomy)
    try:
        return load_classifier(path, taxonomy=taxonomy, tokenizer=tokenizer)
    except ModelError as err:
        if model != "auto":
            raise
        log.warning("using the lexicon labeller: %s (rebuild with `policyscope train`)", err)
        return LexiconLabeller(taxonomy)
