"""The gazetteer: its data files, lookups, and reading ambiguous names in context."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from eventwire.geo import Geocoder, GeoContext
from eventwire.geo.gazetteer import haversine_km, norm
from eventwire.records import EntityMention


def _tsv(name: str) -> list[dict[str, str]]:
    text = resources.files("eventwire").joinpath("data", "geo", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_data_files_are_complete_and_sourced() -> None:
    fips = _tsv("fips.tsv")
    assert len(fips) >= 245 and len({r["iso3"] for r in fips}) == len(fips)
    assert {r["iso3"]: r["fips"] for r in fips}["DEU"] == "GM"  # FIPS differs from ISO here
    regions = _tsv("regions.tsv")
    assert len(regions) >= 60
    for row in regions:
        assert row["source"].strip(), row["name"]
        assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
    for row in _tsv("aliases.tsv"):
        assert row["source"].strip(), row["alias"]


def test_norm() -> None:
    assert norm("the Nagorno-Karabakh") == "nagorno karabakh"
    assert norm("U.S.") == "us"
    assert norm("Turkey’s") == "turkey"
    assert norm("Côte d’Ivoire") == "cote d'ivoire"


def test_country_place_and_codes(geocoder: Geocoder) -> None:
    germany = geocoder.country_place("DEU")
    assert germany is not None
    assert (germany.name, germany.country, germany.fips, germany.feature_type) == ("Germany", "DEU", "GM", "country")
    assert haversine_km(germany.lat, germany.lon, 51.0, 9.0) < 300  # type: ignore[arg-type]
    assert geocoder.country_place("XXX") is None
    assert geocoder.country_place("") is None


@pytest.mark.parametrize(
    ("name", "country", "feature_type", "fips"),
    [
        ("Kyiv", "UKR", "city", "UP"),
        ("Kiev", "UKR", "city", "UP"),
        ("Nagorno-Karabakh", "AZE", "conflict_region", "AJ"),
        ("Donbass", "UKR", "conflict_region", "UP"),
        ("Crimea", "UKR", "conflict_region", "UP"),
        ("the Gaza Strip", "PSE", "conflict_region", "GZ"),
        ("Gaza", "PSE", "city", "GZ"),
        ("West Bank", "PSE", "conflict_region", "WE"),
        ("Golan Heights", "SYR", "conflict_region", "SY"),
        ("Texas", "USA", "region", "US"),
        ("U.S.", "USA", "country", "US"),
        ("Burma", "MMR", "country", "BM"),
        ("Qamishli", "SYR", "city", "SY"),
        ("Hodeidah", "YEM", "city", "YM"),
    ],
)
def test_lookup(geocoder: Geocoder, name: str, country: str, feature_type: str, fips: str) -> None:
    place = geocoder.lookup(name)
    assert place is not None, name
    assert (place.country, place.feature_type, place.fips) == (country, feature_type, fips)
    assert place.method == "lookup" and place.text == name


def test_lookup_adm1_and_unknowns(geocoder: Geocoder) -> None:
    donetsk = geocoder.lookup("Donetsk")
    assert donetsk is not None and donetsk.adm1 == "UP05" and donetsk.geonames_id
    assert geocoder.lookup("Austin").adm1 == "USTX"  # type: ignore[union-attr]
    assert geocoder.lookup("Middle East") is None  # macro-regions are never places
    assert geocoder.lookup("Qwertyville") is None


def test_misspelt_long_names_are_matched(geocoder: Geocoder) -> None:
    place = geocoder.lookup("Nagorno-Karabkh")
    assert place is not None and place.name == "Nagorno-Karabakh"
    assert geocoder.lookup("Transnistira") is not None  # one transposition
    assert geocoder.lookup("Franse") is None  # short names are never guessed


def _context(geocoder: Geocoder, text: str, places: list[str]) -> GeoContext:
    """A document context from hand-made GPE mentions of ``places`` found in ``text``."""
    entities = []
    for name in places:
        start = text.index(name)
        entities.append(EntityMention(name, "GPE", start, start + len(name), 0))
    return geocoder.document_context(text, entities)


def test_tripoli_follows_the_story(geocoder: Geocoder) -> None:
    assert geocoder.lookup("Tripoli").country == "LBY"  # type: ignore[union-attr]  # no context: the capital
    text = "Clashes in Tripoli left five dead. Lebanon's army deployed near Beirut and Sidon."
    ctx = _context(geocoder, text, ["Tripoli", "Lebanon", "Beirut", "Sidon"])
    assert geocoder.lookup("Tripoli", ctx).country == "LBN"  # type: ignore[union-attr]
    text = "Militias fought in Tripoli. Libya's rival governments met in Benghazi."
    ctx = _context(geocoder, text, ["Tripoli", "Libya", "Benghazi"])
    assert geocoder.lookup("Tripoli", ctx).country == "LBY"  # type: ignore[union-attr]


def test_georgia_follows_the_story(geocoder: Geocoder) -> None:
    caucasus = "Georgia accused Russia of moving the border in South Ossetia, officials in Tbilisi said."
    ctx = _context(geocoder, caucasus, ["Georgia", "Russia", "South Ossetia", "Tbilisi"])
    assert geocoder.lookup("Georgia", ctx).country == "GEO"  # type: ignore[union-attr]
    assert ctx.countries["GEO"] >= 2
    american = "Georgia certified its results after a recount in Atlanta and a lawsuit in Florida."
    ctx = _context(geocoder, american, ["Georgia", "Atlanta", "Florida"])
    place = geocoder.lookup("Georgia", ctx)
    assert place is not None and (place.country, place.adm1) == ("USA", "USGA")


def test_document_context_counts_and_dominant(geocoder: Geocoder) -> None:
    text = (
        "Fighting raged in Nagorno-Karabakh. Russia said it would mediate. "
        "Shelling continued in Nagorno-Karabakh as Armenia and Azerbaijan traded blame."
    )
    ctx = _context(geocoder, text, ["Russia", "Armenia", "Azerbaijan"])  # the region is found by scanning
    assert ctx.dominant is not None and ctx.dominant.name == "Nagorno-Karabakh"
    assert ctx.dominant.method == "document:dominant"
    assert ctx.countries["AZE"] >= 2 and ctx.countries["RUS"] == 1
    assert GeoContext.empty().dominant is None
