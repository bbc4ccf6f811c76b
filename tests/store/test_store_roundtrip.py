"""Hypothesis: any event put in the store comes back from ``query`` as the same flat record."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ontology import load_ontology
from eventwire.records import (
    Actor,
    CleanDoc,
    CodedDocument,
    Event,
    EventDate,
    Mention,
    Modality,
    Place,
    Sentence,
    Span,
)
from eventwire.schema import event_to_dict
from eventwire.settings import Settings
from eventwire.store import Filters, open_store, query

text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40)
maybe_text = st.none() | text
code = st.from_regex(r"\A([A-Z]{3}){1,3}\Z|\A---\Z")
dates = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
spans = st.builds(lambda a, n, t: Span(a, a + n, t), st.integers(0, 10_000), st.integers(0, 50), text)


@st.composite
def places(draw: st.DrawFn) -> Place | None:
    if draw(st.booleans()):
        return None
    return Place(
        name=draw(text.filter(bool)), feature_type=draw(st.sampled_from(["country", "region", "city", "conflict_region"])),
        country=draw(st.none() | st.from_regex(r"\A[A-Z]{3}\Z")), fips=draw(st.none() | st.from_regex(r"\A[A-Z]{2}\Z")),
        adm1=draw(maybe_text), lat=draw(st.none() | st.floats(-90, 90)), lon=draw(st.none() | st.floats(-180, 180)),
        geonames_id=draw(st.none() | st.integers(1, 2**31)), method=draw(text), text=draw(maybe_text),
    )


def actors() -> st.SearchStrategy[Actor]:
    return st.builds(Actor, code=code, text=text, span=st.none() | spans, country=st.none() | code,
                     roles=st.lists(st.sampled_from(["GOV", "MIL", "REB", "CVL"]), max_size=3).map(tuple),
                     name=maybe_text, how=text)


@st.composite
def events(draw: st.DrawFn, doc_id: str) -> Event:
    cameo = load_ontology().get(draw(st.sampled_from(load_ontology().leaves())))
    mentions = draw(st.lists(st.builds(Mention, st.integers(0, 500), text, spans, st.none() | spans,
                                       st.none() | spans), max_size=3))
    return Event(
        event_id=f"{doc_id}-e{draw(st.integers(0, 99))}", doc_id=doc_id, sentence_index=draw(st.integers(0, 500)),
        sentence=draw(text), source=draw(actors()), target=draw(actors()), cameo=cameo.code, cameo_name=cameo.name,
        plover=cameo.plover, plover_mode=cameo.mode, plover_context=cameo.context, quad_class=cameo.quad_class,
        goldstein=draw(st.floats(-10, 10)), modality=draw(st.builds(Modality, *[st.booleans()] * 5)),
        trigger=draw(spans),
        confidence=draw(st.floats(0, 1)), date=draw(st.builds(EventDate, dates, dates, maybe_text, text)),
        location=draw(places()), mentions=tuple(mentions), doc_url=draw(maybe_text), doc_source=draw(maybe_text),
    )


@st.composite
def documents(draw: st.DrawFn) -> CodedDocument:
    doc_id = f"doc-{uuid.uuid4().hex}"
    body = draw(text) + doc_id  # unique text: a new document every example
    doc = CleanDoc(doc_id, body, draw(dates), draw(maybe_text), draw(maybe_text), draw(maybe_text), draw(text))
    evs = draw(st.lists(events(doc_id), max_size=3, unique_by=lambda e: e.event_id))
    return CodedDocument(doc, (Sentence(0, 0, len(body), body),), tuple(evs))


@pytest.fixture
def held_store(backend, new_target):
    with open_store(new_target(backend), settings=Settings(), hold=True) as s:
        yield s


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_events_round_trip_through_the_store(held_store, doc: CodedDocument) -> None:
    store = held_store
    store.ingest([doc])
    got = sorted(query(store, Filters(doc_id=doc.doc.doc_id)), key=lambda r: str(r["event_id"]))
    assert got == sorted((event_to_dict(e) for e in doc.events), key=lambda r: str(r["event_id"]))
