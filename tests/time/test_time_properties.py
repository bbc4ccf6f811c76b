"""Invariants of date resolution over generated publication dates and sentences."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.records import ClauseContext
from eventwire.time import find_dates, resolve_event_date

PUB = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def clause(sentence: str) -> ClauseContext:
    return ClauseContext("p", 0, sentence, 0, 0, len(sentence), 0)


@given(PUB, st.sampled_from(WEEKDAYS), st.sampled_from(["", "on ", "last "]))
def test_weekday_is_the_named_day_within_the_past_week(pub: date, day: str, prefix: str) -> None:
    got = resolve_event_date(clause(f"The talks collapsed {prefix}{day}."), pub)
    assert got.method == "weekday" and got.date is not None
    assert got.date.strftime("%A") == day
    assert timedelta(0) <= pub - got.date <= timedelta(days=7)


@given(PUB, st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=28))
def test_month_day_is_the_most_recent_past_occurrence(pub: date, month: int, day: int) -> None:
    name = date(2000, month, 1).strftime("%B")
    got = resolve_event_date(clause(f"The ceasefire began on {name} {day}."), pub)
    assert got.date is not None and got.date <= pub
    assert (got.date.month, got.date.day) == (month, day)
    assert pub - got.date < timedelta(days=366)


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200), PUB)
def test_any_text_resolves_without_error(text: str, pub: date) -> None:
    for match in find_dates(text, pub):
        assert 0 <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
    got = resolve_event_date(clause(text), pub)
    assert got.publication_date == pub and got.method in {"explicit", "relative", "weekday", "publication", "none"}
