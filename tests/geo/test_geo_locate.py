"""Event location: which of the places named is where the action happened."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.geo import Geocoder, GeoContext
from eventwire.geo.gazetteer import haversine_km
from eventwire.geo.mentions import governing_preposition
from eventwire.records import ClauseContext, EntityMention

Parse = Callable[..., ClauseContext]


def hand(sentence: str, trigger: str, places: dict[str, str], *, offset: int = 1000) -> ClauseContext:
    """A ClauseContext built by hand: whole-sentence clause, entities with given labels."""
    entities = tuple(
        EntityMention(name, label, offset + sentence.index(name), offset + sentence.index(name) + len(name), 4)
        for name, label in places.items()
    )
    return ClauseContext(
        "hand", 4, sentence, offset, offset, offset + len(sentence), offset + sentence.index(trigger), entities
    )


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Fighting raged in ", "in"),
        ("Talks were held in the northern city of ", "in"),
        ("Missiles struck an apartment block on the outskirts of ", "outskirts of"),
        ("Troops massed in Azerbaijan's ", "in"),
        ("A village west of ", "west of"),
        ("Gunmen attacked a convoy near the town of ", "near"),
        ("Delegates flew to ", "to"),
        ("Russia attacked ", None),
        ("Sanctions were announced by ", "by"),
        ("Fighting in Armenia and ", "in"),
        ("The ship sank off the coast of ", "coast of"),
    ],
)
def test_governing_preposition(before: str, expected: str | None) -> None:
    assert governing_preposition(before) == expected


def test_locative_preposition_beats_other_places(geocoder: Geocoder) -> None:
    clause = hand(
        "Russia and Turkey held talks in Geneva on Syria.",
        "held",
        {"Russia": "GPE", "Turkey": "GPE", "Geneva": "GPE", "Syria": "GPE"},
    )
    place = geocoder.locate(clause, GeoContext())
    assert place is not None and (place.name, place.country, place.method) == ("Geneva", "CHE", "clause:prep-in")
    assert place.text == "Geneva" and place.fips == "SZ"


def test_actor_country_is_not_the_location(geocoder: Geocoder) -> None:
    clause = hand("Russia said it would send more troops.", "said", {"Russia": "GPE"})
    assert geocoder.locate(clause, GeoContext()) is None
    clause = hand("Turkey's president criticised the plan.", "criticised", {"Turkey": "GPE"})
    assert geocoder.locate(clause, GeoContext()) is None
    clause = hand("Two U.S. soldiers were wounded in Syria.", "wounded", {"U.S.": "GPE", "Syria": "GPE"})
    assert geocoder.locate(clause, GeoContext()).country == "SYR"  # type: ignore[union-attr]


def test_capital_metonym_is_not_the_location(geocoder: Geocoder) -> None:
    clause = hand("Moscow warned it would retaliate.", "warned", {"Moscow": "GPE"})
    assert geocoder.locate(clause, GeoContext()) is None
    clause = hand("Kyiv held talks with Washington on air defence.", "held", {"Kyiv": "GPE", "Washington": "GPE"})
    assert geocoder.locate(clause, GeoContext()) is None
    clause = hand("Lavrov said in Moscow that talks had failed.", "said", {"Moscow": "GPE"})
    assert geocoder.locate(clause, GeoContext()).name == "Moscow"  # type: ignore[union-attr]


def test_conflict_region_beats_its_country(geocoder: Geocoder) -> None:
    sentence = "Shelling resumed in Azerbaijan's Nagorno-Karabakh region overnight."
    clause = hand(sentence, "resumed", {"Azerbaijan": "GPE", "Nagorno-Karabakh": "ORG"})
    place = geocoder.locate(clause, GeoContext())
    assert place is not None and place.feature_type == "conflict_region" and place.country == "AZE"
    assert haversine_km(place.lat, place.lon, 39.8, 46.75) < 100  # type: ignore[arg-type]


def test_region_found_without_an_entity(geocoder: Geocoder) -> None:
    clause = hand("Israeli troops raided homes across the West Bank.", "raided", {})
    place = geocoder.locate(clause, GeoContext())
    assert place is not None and (place.name, place.fips, place.method) == ("West Bank", "WE", "clause:prep-across")


def test_qualified_city(geocoder: Geocoder) -> None:
    clause = hand("Police arrested a man in Paris, Texas, on Monday.", "arrested", {"Paris": "GPE", "Texas": "GPE"})
    place = geocoder.locate(clause, GeoContext())
    assert place is not None and (place.country, place.adm1) == ("USA", "USTX")
    clause = hand("Police arrested a man in Paris on Monday.", "arrested", {"Paris": "GPE"})
    assert geocoder.locate(clause, GeoContext()).country == "FRA"  # type: ignore[union-attr]
    clause = hand("Police arrested a man in Paris, Tex., on Monday.", "arrested", {"Paris": "GPE"})
    assert geocoder.locate(clause, GeoContext()).adm1 == "USTX"  # type: ignore[union-attr]


def test_clause_before_sentence(geocoder: Geocoder) -> None:
    sentence = "After talks in Vienna, officials said Iran had enriched uranium at Fordow."
    text_start = 200
    clause_start = text_start + sentence.index("Iran")
    clause = ClauseContext(
        "hand", 0, sentence, text_start, clause_start, text_start + len(sentence),
        text_start + sentence.index("enriched"),
        (EntityMention("Vienna", "GPE", text_start + 15, text_start + 21, 0),
         EntityMention("Iran", "GPE", clause_start, clause_start + 4, 0)),
    )  # fmt: skip
    place = geocoder.locate(clause, GeoContext())
    # Fordow is below the gazetteer's population cut; Iran is the subject: the sentence's "in Vienna" stands
    assert place is not None and (place.name, place.method) == ("Vienna", "sentence:prep-in")


def test_fallbacks(geocoder: Geocoder) -> None:
    text = "Fighting raged in Nagorno-Karabakh. Shelling hit villages in Nagorno-Karabakh. Both sides traded blame."
    ctx = geocoder.document_context(text, ())
    start = text.index("Both")
    sentence = text[start:]
    clause = ClauseContext("d", 2, sentence, start, start, len(text), start + 11)
    assert geocoder.locate(clause, ctx) is None
    place = geocoder.locate(clause, ctx, fallback=True)
    assert place is not None and (place.name, place.method) == ("Nagorno-Karabakh", "document:dominant")
    # a target country named in the clause is used before the document's dominant place
    sentence = "Israel struck Syria."
    clause = hand(sentence, "struck", {"Israel": "GPE", "Syria": "GPE"})
    place = geocoder.locate(clause, ctx, actor_countries=("ISR", "SYR"), fallback=True)
    assert place is not None and (place.country, place.method) == ("SYR", "actor:target-country")


def test_parsed_sentences(geocoder: Geocoder, parse: Parse) -> None:
    cases = {
        "Russian forces shelled a hospital on the outskirts of Kharkiv.": ("Kharkiv", "UKR"),
        "Turkish drones struck Kurdish fighters near Qamishli in northeast Syria.": (
            "Al Qāmishlī",
            "SYR",
        ),  # GeoNames name
        "Protesters clashed with police in Valencia, Venezuela, on Sunday.": ("Valencia", "VEN"),
        "Beijing staged military drills around Taiwan.": ("Taiwan", "TWN"),
        "Houthi rebels fired a missile at a tanker in the Red Sea.": ("Red Sea", None),
    }
    for sentence, (name, country) in cases.items():
        place = geocoder.locate(parse(sentence), GeoContext())
        assert place is not None, sentence
        assert (place.name, place.country) == (name, country), sentence


def test_same_sentence_cache_serves_several_events(geocoder: Geocoder, parse: Parse) -> None:
    sentence = "Azerbaijani troops attacked villages in Nagorno-Karabakh while Armenia held talks in Moscow."
    first = geocoder.locate(parse(sentence, "attacked"), GeoContext())
    second = geocoder.locate(parse(sentence, "held"), GeoContext())
    assert first is not None and first.name == "Nagorno-Karabakh"
    assert second is not None and second.name == "Moscow"


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=160),
    st.lists(st.tuples(st.integers(0, 160), st.integers(0, 40), st.sampled_from(["GPE", "LOC", "ORG", "PERSON"]))),
)
def test_locate_never_fails_on_odd_input(geocoder: Geocoder, text: str, spans: list[tuple[int, int, str]]) -> None:
    entities = tuple(
        EntityMention(text[s : s + n], label, 50 + s, 50 + min(s + n, len(text)), 0)
        for s, n, label in spans
        if s < len(text)
    )
    clause = ClauseContext("odd", 0, text, 50, 50, 50 + len(text), 50, entities)
    place = geocoder.locate(clause, geocoder.document_context(text, ()), fallback=True)
    assert place is None or (place.lat is not None and place.method)
