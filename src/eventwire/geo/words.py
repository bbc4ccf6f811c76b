"""Kinds of place named by ordinary nouns (``data/geo/place_words.tsv``), shared by the
geocoder, place mentions and actor resolution."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from eventwire.errors import ResourceError


@lru_cache(maxsize=1)
def _place_words() -> dict[str, frozenset[str]]:
    text = resources.files("eventwire").joinpath("data/geo/place_words.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if not rows or rows[0] != ["word", "kind"]:
        raise ResourceError("data/geo/place_words.tsv must have the columns word, kind")
    kinds: dict[str, set[str]] = {"admin": set(), "settlement": set()}
    for n, row in enumerate(rows[1:], 2):
        if len(row) != 2 or row[1] not in kinds:
            raise ResourceError(f"data/geo/place_words.tsv: row {n}: need a word and a kind (admin or settlement)")
        kinds[row[1]].add(row[0].lower())
    return {k: frozenset(v) for k, v in kinds.items()}


def admin_units() -> frozenset[str]:
    """ "province", "region", "oblast" ...: units named after a place ("the Kherson region")."""
    return _place_words()["admin"]


def settlements() -> frozenset[str]:
    """ "city", "town", "village" ...: populated places and parts of them."""
    return _place_words()["settlement"]
