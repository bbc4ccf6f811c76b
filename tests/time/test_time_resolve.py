"""Event dates: every relative expression against fixed publication dates."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.records import ClauseContext, EntityMention
from eventwire.time import find_dates, resolve_event_date

TUE = date(2020, 11, 3)  # a Tuesday
SUN = date(2021, 3, 14)  # a Sunday
JAN = date(2021, 1, 12)  # a Tuesday early in the year


def whole(sentence: str, *, trigger: str | None = None, offset: int = 500) -> ClauseContext:
    """A clause that is the whole sentence, at a non-zero document offset."""
    at = sentence.index(trigger) if trigger else 0
    return ClauseContext("doc", 3, sentence, offset, offset, offset + len(sentence), offset + at)


def resolve(sentence: str, pub: date | None, **kw: object) -> tuple[date | None, str, str | None]:
    got = resolve_event_date(whole(sentence, **kw), pub)  # type: ignore[arg-type]
    return got.date, got.method, got.expression


@pytest.mark.parametrize(
    ("sentence", "pub", "expected", "method"),
    [
        # weekdays: the most recent such day on or before publication
        ("The minister said in an interview Tuesday that talks would resume.", TUE, date(2020, 11, 3), "weekday"),
        ("Police arrested six people on Monday.", TUE, date(2020, 11, 2), "weekday"),
        ("Rebels shelled the town on Monday night.", TUE, date(2020, 11, 2), "weekday"),
        ("The two leaders met Friday in Geneva.", TUE, date(2020, 10, 30), "weekday"),
        ("The ministers met Wednesday.", TUE, date(2020, 10, 28), "weekday"),
        ("Protesters marched last Tuesday.", TUE, date(2020, 10, 27), "weekday"),
        ("Protesters marched last Saturday.", TUE, date(2020, 10, 31), "weekday"),
        ("The council will vote next Tuesday.", TUE, date(2020, 11, 10), "weekday"),
        ("Talks collapsed Sunday.", SUN, date(2021, 3, 14), "weekday"),
        # month and day, year inferred
        ("The fighting began on September 27 after both sides traded accusations.", TUE, date(2020, 9, 27), "explicit"),
        ("Troops crossed the border on Sept. 27.", TUE, date(2020, 9, 27), "explicit"),
        ("Troops crossed the border on 27 September.", TUE, date(2020, 9, 27), "explicit"),
        ("The embassy closed on December 20.", JAN, date(2020, 12, 20), "explicit"),
        ("The embassy closed on Nov. 3.", TUE, date(2020, 11, 3), "explicit"),
        # full dates
        ("The accord was signed on September 27, 2019.", TUE, date(2019, 9, 27), "explicit"),
        ("The accord was signed on 27 September 2019.", TUE, date(2019, 9, 27), "explicit"),
        ("The accord was signed on 2019-09-27.", TUE, date(2019, 9, 27), "explicit"),
        ("The accord was signed in March 2019.", TUE, date(2019, 3, 1), "explicit"),
        ("Elections were held in March.", TUE, date(2020, 3, 1), "explicit"),
        ("Elections were held in December.", TUE, date(2019, 12, 1), "explicit"),
        # relative expressions
        ("Gunmen attacked a convoy yesterday.", TUE, date(2020, 11, 2), "relative"),
        ("Gunmen attacked a convoy today.", TUE, date(2020, 11, 3), "relative"),
        ("The president will speak tonight.", TUE, date(2020, 11, 3), "relative"),
        ("Gunmen attacked a convoy last night.", TUE, date(2020, 11, 2), "relative"),
        ("Over the weekend, Russia pledged to intervene.", TUE, date(2020, 10, 31), "relative"),
        ("Russia pledged to intervene this weekend.", TUE, date(2020, 10, 31), "relative"),
        ("Russia pledged at the weekend to intervene.", TUE, date(2020, 10, 31), "relative"),
        ("Russia pledged over the weekend to intervene.", SUN, date(2021, 3, 13), "relative"),
        ("The army withdrew last week.", TUE, date(2020, 10, 27), "relative"),
        ("The army withdrew earlier this week.", TUE, date(2020, 11, 2), "relative"),
        ("The army withdrew last month.", TUE, date(2020, 10, 3), "relative"),
        ("The army withdrew last year.", TUE, date(2019, 11, 3), "relative"),
        ("The army withdrew three years ago.", TUE, date(2017, 11, 3), "relative"),
        ("The army withdrew two weeks ago.", TUE, date(2020, 10, 20), "relative"),
        ("The army withdrew 10 days ago.", TUE, date(2020, 10, 24), "relative"),
        ("The army withdrew a month ago.", TUE, date(2020, 10, 3), "relative"),
    ],
)
def test_expressions(sentence: str, pub: date, expected: date, method: str) -> None:
    got, how, expression = resolve(sentence, pub)
    assert (got, how) == (expected, method), expression
    assert expression is not None and expression.lower() in sentence.lower()


@pytest.mark.parametrize(
    "sentence",
    [
        "The OSCE has mediated the dispute for the last three decades.",
        "Talks have stalled over the last week.",
        "Protesters have gathered since Monday.",
        "The council must decide by Friday.",
        "Results from Super Tuesday were mixed.",
        "The markets close on Mondays.",
        "She may march with the veterans.",
        "Relations have worsened in recent years.",
    ],
)
def test_durations_and_lookalikes_are_not_event_dates(sentence: str) -> None:
    got, how, expression = resolve(sentence, TUE)
    assert (got, how, expression) == (TUE, "publication", None)


def test_clause_is_searched_before_the_rest_of_the_sentence() -> None:
    sentence = "On Friday the ministers agreed that the talks which began last month had failed."
    offset = 40
    clause_start = offset + sentence.index("the talks")
    clause = ClauseContext(
        "doc", 0, sentence, offset, clause_start, offset + len(sentence), offset + sentence.index("began")
    )
    got = resolve_event_date(clause, TUE)
    assert (got.date, got.expression) == (date(2020, 10, 3), "last month")
    outer = ClauseContext("doc", 0, sentence, offset, offset, offset + len(sentence), offset + sentence.index("agreed"))
    got = resolve_event_date(outer, TUE)
    assert (got.date, got.expression) == (date(2020, 10, 30), "Friday")


def test_nearest_expression_to_the_trigger_wins() -> None:
    sentence = "Three years ago the rebels seized the port, and on Monday the army retook it."
    assert resolve(sentence, TUE, trigger="seized")[0] == date(2017, 11, 3)
    assert resolve(sentence, TUE, trigger="retook")[0] == date(2020, 11, 2)


def test_publication_fallback_and_none() -> None:
    assert resolve("The army shelled the village.", TUE) == (TUE, "publication", None)
    got = resolve_event_date(whole("The army shelled the village."), None)
    assert (got.date, got.method, got.publication_date) == (None, "none", None)
    # a relative expression cannot be resolved without a publication date ...
    got = resolve_event_date(whole("The army shelled the village on Monday."), None)
    assert (got.date, got.method, got.expression) == (None, "none", "Monday")
    # ... a full date can
    got = resolve_event_date(whole("The army shelled the village on March 3, 2019."), None)
    assert (got.date, got.method) == (date(2019, 3, 3), "explicit")


def test_numeric_date_entity_goes_to_dateparser() -> None:
    sentence = "The decree dated 10/30/2020 dissolved parliament."
    offset = 10
    start = offset + sentence.index("10/30")
    entity = EntityMention("10/30/2020", "DATE", start, start + 10, 0)
    clause = ClauseContext("doc", 0, sentence, offset, offset, offset + len(sentence), offset, (entity,))
    got = resolve_event_date(clause, TUE)
    assert (got.date, got.method, got.expression) == (date(2020, 10, 30), "explicit", "10/30/2020")


def test_sample_article_dates() -> None:
    """The three expressions of the project's sample article (published 2020-11-03)."""
    cases = {
        "Lavrov declined to directly endorse a proposal from Turkey in an interview Tuesday.": date(2020, 11, 3),
        "Over the weekend, Russia pledged to intervene militarily if fighting spread to Armenia proper.": date(
            2020, 10, 31
        ),
        "The three have called for an end to the fighting which began on September 27.": date(2020, 9, 27),
    }
    for sentence, expected in cases.items():
        assert resolve(sentence, TUE)[0] == expected


def test_find_dates_offsets_point_at_the_text() -> None:
    text = "Yesterday and on 5 May 2018, and two days ago, but not for the last ten years."
    found = find_dates(text, TUE)
    assert [text[m.start : m.end] for m in found] == ["Yesterday", "5 May 2018", "two days ago"]
    assert [m.date for m in found] == [date(2020, 11, 2), date(2018, 5, 5), date(2020, 11, 1)]
