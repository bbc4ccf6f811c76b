"""Extraction rules on hand-written sentences, with the expected events written out.

Each case: a sentence, its date, and the set of (source, target, PLOVER) triples a careful
coder expects (statements excluded). Country-level codes are compared with the first three
letters unless a full code is given with a role.
"""

from __future__ import annotations

import pytest

from eventwire.pipeline import code_text
from eventwire.settings import Settings

NO_STATEMENTS = Settings(statements=False)


def triples(text: str, date: str = "2021-06-01") -> set[tuple[str, str, str]]:
    return {(e.source.code, e.target.code, e.plover) for e in code_text(text, date=date, settings=NO_STATEMENTS)}


def countries(text: str, date: str = "2021-06-01") -> set[tuple[str, str, str]]:
    return {(s[:3], t[:3], p) for s, t, p in triples(text, date)}


CASES = [
    # simple verbs, passive, roles
    ("Ethiopian troops attacked rebel positions in Somalia on Sunday.", {("ETH", "SOM", "ASSAULT")}),
    # a crowd's attack is a violent protest (CAMEO 145)
    ("The Chinese embassy was attacked by protesters in Belgrade.", {("---", "CHN", "PROTEST")}),
    ("Police in Kenya arrested twelve opposition activists on Friday.", {("KEN", "KEN", "COERCE")}),
    # light verbs and nouns
    ("Germany imposed sanctions on Belarus after the disputed election.", {("DEU", "BLR", "COERCE")}),
    ("Japan and South Korea held talks in Tokyo on Monday.", {("JPN", "KOR", "CONSULT"), ("KOR", "JPN", "CONSULT")}),
    # chains
    ("Egypt refused to release the Qatari journalists.", {("EGY", "QAT", "REJECT")}),
    ("Brazil urged Venezuela to release political prisoners.", {("BRA", "VEN", "REQUEST")}),
    ("Serbia agreed to withdraw its troops from the border with Kosovo.", {("SRB", "XKX", "AGREE")}),
    ("Iran threatened to impose sanctions on Britain.", {("IRN", "GBR", "THREATEN")}),
    # negation
    ("Pakistan did not attack the Indian outpost, officials said.", set()),
    ("France did not support the Italian proposal.", {("FRA", "ITA", "REJECT")}),
    # questions and hypotheticals
    ("Will Turkey send troops to Libya?", set()),
    ("If talks fail, Armenia could attack Azerbaijan.", set()),
    # reported speech
    ("The ministry said Syrian forces shelled a village near Idlib.", {("SYR", "---", "ASSAULT")}),
    # reciprocal and compound actors
    ("India and Pakistan agreed to resume talks.", {("IND", "PAK", "AGREE"), ("PAK", "IND", "AGREE")}),
    ("Canada and Australia condemned the coup in Myanmar.", {("CAN", "MMR", "ACCUSE"), ("AUS", "MMR", "ACCUSE")}),
]


def agree(got: set[tuple[str, str, str]], expected: set[tuple[str, str, str]]) -> bool:
    """Equal as sets, with "---" in the expectation matching any actor (as in eval)."""
    if len(got) != len(expected):
        return False
    pending = set(got)
    for want in expected:
        hit = next((g for g in pending if all(w == "---" or w == x for w, x in zip(want, g))), None)
        if hit is None:
            return False
        pending.discard(hit)
    return True


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_country_level_events(text: str, expected: set[tuple[str, str, str]]) -> None:
    got = countries(text)
    assert agree(got, expected), got


def test_role_codes_from_text_without_knowledge_base():
    got = triples("Russia's Foreign Minister Sergei Lavrov rejected the proposal from Turkey.", "2020-11-03")
    assert ("RUSGOV", "TUR", "REJECT") in got


def test_future_intent_changes_code():
    events = code_text("Germany will send humanitarian aid to Sudan.", date="2022-01-10", settings=NO_STATEMENTS)
    assert [(e.source.code[:3], e.target.code[:3], e.plover, e.modality.intent) for e in events] == [("DEU", "SDN", "AGREE", True)]


def test_conditional_threat_is_flagged_not_an_attack():
    events = code_text("Russia will intervene militarily if the fighting spreads to Armenia.", date="2020-11-01", settings=NO_STATEMENTS)
    assert events, "a conditional pledge is an event"
    assert all(e.plover != "ASSAULT" for e in events)
    assert any(e.modality.conditional for e in events)


def test_statement_only_when_nothing_else():
    with_statements = Settings()
    events = code_text("The ministry said Syrian forces shelled a village near Idlib.", date="2021-01-01", settings=with_statements)
    assert all(not e.cameo.startswith("01") for e in events)
    events = code_text("Kenya's foreign minister told reporters in Nairobi about the summit.", date="2021-01-01", settings=with_statements)
    assert any(e.cameo.startswith("01") and e.plover is None for e in events)


def test_evidence_spans_point_into_the_text():
    text = "Ukrainian forces shelled Russian positions near Donetsk on Tuesday."
    (event,) = code_text(text, date="2022-05-04", settings=NO_STATEMENTS)
    assert text[event.trigger.start : event.trigger.end] == event.trigger.text == "shelled"
    assert text[event.source.span.start : event.source.span.end] == event.source.text
