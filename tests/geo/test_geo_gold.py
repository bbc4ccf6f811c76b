"""Quality gate: location accuracy on the project's own gold sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import EvalError
from eventwire.geo import Geocoder, evaluate
from eventwire.geo.evaluation import read_gold

GOLD = Path(__file__).resolve().parents[1] / "gold" / "locations.jsonl"

# Measured when the floors were set: country 94.4%, within 100 km 92.2% (180 sentences).
COUNTRY_FLOOR = 0.91
KM100_FLOOR = 0.88


def test_gold_file_is_well_formed() -> None:
    items = read_gold(GOLD)
    assert len(items) >= 120
    assert len({item["id"] for item in items}) == len(items)
    assert sum(item["location"] is None for item in items) >= 8  # metonym and actor-only sentences
    for item in items:
        loc = item["location"]
        if loc is not None:
            assert -90 <= loc["lat"] <= 90 and -180 <= loc["lon"] <= 180, item["id"]


def test_location_accuracy_floor(geocoder: Geocoder, nlp) -> None:  # type: ignore[no-untyped-def]
    score = evaluate(GOLD, geocoder=geocoder, nlp=nlp)
    assert score.total >= 120
    assert score.country_accuracy >= COUNTRY_FLOOR, score.summary()
    assert score.km100_accuracy >= KM100_FLOOR, score.summary()


def test_malformed_gold_is_an_eval_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "text": "In Kabul."}) + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match="needs the keys"):
        read_gold(bad)
    bad.write_text('{"id": "x", "text": "t", "location": {"name": "Kabul"}}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="location needs"):
        read_gold(bad)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        # a compass part of a country is placed in that country
        ("western Cambodia", "KHM"), ("eastern Ukraine", "UKR"), ("northern Mali", "MLI"),
        # an administrative word after a name is dropped
        ("Montenegro province", "MNE"), ("Helmand province", "AFG"), ("Donetsk region", "UKR"),
        # unknown names stay unplaced, whatever surrounds them
        ("northern Qwzxland", None), ("Qwzxland province", None),
    ],
)
def test_parts_and_units_of_named_places(name: str, country: str | None):
    from eventwire.pipeline import resources
    from eventwire.settings import Settings

    place = resources(Settings()).geocoder.lookup(name)
    assert (place.country if place is not None else None) == country, (name, place)
