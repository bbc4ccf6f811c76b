"""When an event happened: the date expression nearest the trigger, resolved.

Search order: expressions inside the event's clause (the trigger's subtree), then the
rest of the sentence; among several, the one nearest the trigger. When the rules find
nothing but spaCy marked a DATE entity holding a numeric date ("10/30/2020"),
``dateparser`` gets one try (cached per text and publication date). Otherwise the publication date stands in.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from eventwire.records import ClauseContext, EntityMention, EventDate
from eventwire.time.expressions import DateMatch, find_dates

# Numeric dates ("10/30/2020", "30.10.2020") are the one form the rules leave to
# dateparser; it reads other DATE entities badly ("the 3rd" -> March 3, "the 1990s").
_NUMERIC_DATE = re.compile(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b")
#: the last sentence read, its publication date and its matches (one tuple: thread-safe swap)
_last: tuple[str | None, date | None, list[DateMatch]] = (None, None, [])


def resolve_event_date(clause: ClauseContext, publication_date: date | None) -> EventDate:
    """The date of the event whose clause is ``clause``; see the module docstring."""
    sentence = clause.sentence
    n = len(sentence)
    offset = clause.sentence_start
    c_start = min(max(clause.clause_start - offset, 0), n)
    c_end = min(max(clause.clause_end - offset, c_start), n)
    trigger = min(max(clause.trigger_start - offset, 0), n)

    global _last
    cached = _last  # events of one sentence come together: read the sentence once
    if cached[0] == sentence and cached[1] == publication_date:
        matches = cached[2]
    else:
        matches = find_dates(sentence, publication_date)
        _last = (sentence, publication_date, matches)
    if matches:
        inside = [m for m in matches if m.start >= c_start and m.end <= c_end]
        chosen = _nearest(inside or matches, trigger)
        if chosen.date is None:
            return EventDate(None, publication_date, chosen.text, "none")
        return EventDate(chosen.date, publication_date, chosen.text, chosen.method)

    parsed = _from_entities(clause.entities, offset, c_start, c_end, publication_date)
    if parsed is not None:
        return parsed
    if publication_date is None:
        return EventDate(None, None, None, "none")
    return EventDate(publication_date, publication_date, None, "publication")


def _nearest(matches: list[DateMatch], trigger: int) -> DateMatch:
    def distance(m: DateMatch) -> int:
        if m.start <= trigger < m.end:
            return 0
        return min(abs(m.start - trigger), abs(m.end - trigger))

    return min(matches, key=distance)


def _from_entities(
    entities: tuple[EntityMention, ...], offset: int, c_start: int, c_end: int, pub: date | None
) -> EventDate | None:
    """One try with dateparser on DATE entities the rules did not read (clause first)."""
    dates = [e for e in entities if e.label == "DATE" and _NUMERIC_DATE.search(e.text)]
    if not dates:
        return None
    dates.sort(key=lambda e: not (e.start - offset >= c_start and e.end - offset <= c_end))
    for ent in dates:
        value = _parse(_NUMERIC_DATE.search(ent.text).group(0), pub)  # type: ignore[union-attr]
        if value is not None:
            return EventDate(value, pub, ent.text, "explicit")
    return None


@lru_cache(maxsize=4096)
def _parse(text: str, pub: date | None) -> date | None:
    import dateparser  # type: ignore[import-untyped]  # slow to import; only needed when the rules fail

    base = datetime(pub.year, pub.month, pub.day) if pub else datetime(2000, 1, 1)
    settings = {"PREFER_DATES_FROM": "past", "RELATIVE_BASE": base, "RETURN_AS_TIMEZONE_AWARE": False}
    try:
        value = dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]
    except (ValueError, OverflowError, TypeError):
        return None
    if value is None:
        return None
    result = value.date()
    if pub is None and not re.search(r"\b(?:19|20)\d\d\b", text):
        return None  # a relative reading needs the publication date
    if pub is not None and result > pub and result.year > pub.year:
        return None
    return result
