"""The shared list of place nouns and how the stages use it."""

from __future__ import annotations

from eventwire.geo.words import admin_units, settlements


def test_place_words_are_split_by_kind():
    assert {"province", "oblast", "governorate"} <= admin_units()
    assert {"city", "village", "capital"} <= settlements()
    assert not admin_units() & settlements()


def test_an_admin_unit_after_a_name_is_that_place():
    from eventwire.geo.geocoder import Geocoder
    from eventwire.settings import Settings

    geo = Geocoder.load(Settings())
    for unit in ("province", "region", "oblast"):
        place = geo.lookup(f"Kherson {unit}")
        assert place is not None and place.country == "UKR", (unit, place)
