"""Acceptance on the shared sample article (published 2020-11-03): where and when."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from eventwire.geo import Geocoder
from eventwire.geo.evaluation import entity_mentions
from eventwire.geo.gazetteer import haversine_km
from eventwire.records import ClauseContext
from eventwire.time import resolve_event_date

PUBLISHED = date(2020, 11, 3)
KARABAKH = (39.8, 46.75)


def _clauses(nlp, text: str):  # type: ignore[no-untyped-def]
    """ClauseContext per (sentence, trigger) for every verb of the document, as the
    extractor builds them: the clause is the trigger's subtree."""
    doc = nlp(text)
    entities = entity_mentions(doc)
    out = {}
    for i, sent in enumerate(doc.sents):
        ents = tuple(e for e in entities if sent.start_char <= e.start < sent.end_char)
        for token in sent:
            if token.pos_ not in ("VERB", "AUX"):
                continue
            sub = list(token.subtree)
            out[(i, token.text)] = ClauseContext(
                "sample", i, sent.text, sent.start_char, sub[0].idx, sub[-1].idx + len(sub[-1].text), token.idx, ents
            )
    return doc, entities, out


def _find(clauses, words: str, trigger: str) -> ClauseContext:  # type: ignore[no-untyped-def]
    return next(c for (i, t), c in clauses.items() if t == trigger and words in c.sentence)


def test_sample_article(shared_dir: Path, geocoder: Geocoder, nlp) -> None:  # type: ignore[no-untyped-def]
    text = (shared_dir / "samples" / "000_83ae223413989aa0.txt").read_text(encoding="utf-8")
    doc, entities, clauses = _clauses(nlp, text)
    context = geocoder.document_context(text, entities)
    assert context.dominant is not None and context.dominant.name == "Nagorno-Karabakh"

    # the fighting, wherever the sentence puts it, is in Nagorno-Karabakh
    fighting = [
        _find(clauses, "fighting which began", "began"),
        _find(clauses, "end the fighting in Nagorno-Karabakh", "end"),
        _find(clauses, "disagreements persist", "persist"),
    ]
    for clause in fighting:
        place = geocoder.locate(clause, context, fallback=True)
        assert place is not None, clause.sentence
        assert haversine_km(place.lat, place.lon, *KARABAKH) <= 100, (clause.sentence, place)  # type: ignore[arg-type]

    # dates
    declined = _find(clauses, "in an interview Tuesday", "declined")
    assert resolve_event_date(declined, PUBLISHED).date == date(2020, 11, 3)
    pledged = _find(clauses, "Over the weekend", "pledged")
    assert resolve_event_date(pledged, PUBLISHED).date in (date(2020, 10, 31), date(2020, 11, 1))
    began = _find(clauses, "fighting which began", "began")
    got = resolve_event_date(began, PUBLISHED)
    assert (got.date, got.method) == (date(2020, 9, 27), "explicit")
