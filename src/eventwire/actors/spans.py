"""Where actors sit in the parse: the named-entity index of a document, the entities of a
sentence, and the token range of an actor phrase."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

_ENT_INDEX = "eventwire_entity_index"


_SENT_ENTS = "eventwire_sentence_entities"


def sentence_entities(sent: SpacySpan) -> list[SpacySpan]:
    """The named entities of a sentence (grouped once per document: ``Span.ents`` scans)."""
    doc = sent.doc
    groups = doc.user_data.get(_SENT_ENTS)
    if groups is None:
        groups = {}
        starts = [s.start for s in doc.sents]
        for ent in doc.ents:
            groups.setdefault(starts[bisect_right(starts, ent.start) - 1], []).append(ent)
        doc.user_data[_SENT_ENTS] = groups
    return groups.get(sent.start, [])


def entity_of(token: Token) -> SpacySpan | None:
    """The named entity a token is part of (an index built once per document)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    index = doc.user_data.get(_ENT_INDEX)
    if index is None:
        index = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                index[i] = ent
        doc.user_data[_ENT_INDEX] = index
    return index.get(token.i)


def strip_possessive(text: str) -> str:
    return text[:-2] if text.lower().endswith(("'s", "’s")) else text


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token range of the actor phrase: the head with its left modifiers and appositive-free
    right part (names, "of X"), without relative clauses."""
    start = head.i
    for child in head.lefts:
        if child.dep_ in ("det", "poss", "amod", "compound", "nmod", "nummod", "quantmod", "case", "punct"):
            start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "prep" and child.lower_ == "of"):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].lower_ in ("the", "a", "an")):
        start += 1
    return start, end
