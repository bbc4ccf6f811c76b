"""Kinds of place named by ordinary nouns (``data/geo/place_words.tsv``), shared by the
geocoder, place mentions and actor resolution."""

from __future__ import annotations

from functools import lru_cache

from eventwire.datafiles import read_packaged
from eventwire.errors import ResourceError


@lru_cache(maxsize=1)
def _place_words() -> dict[str, frozenset[str]]:
    kinds: dict[str, set[str]] = {"admin": set(), "settlement": set()}
    for where, row in read_packaged("geo/place_words.tsv", ("word", "kind")):
        if row["kind"] not in kinds:
            raise ResourceError(f"{where}: kind must be admin or settlement, got {row['kind']!r}")
        kinds[row["kind"]].add(row["word"].lower())
    return {k: frozenset(v) for k, v in kinds.items()}


def admin_units() -> frozenset[str]:
    """ "province", "region", "oblast" ...: units named after a place ("the Kherson region")."""
    return _place_words()["admin"]


def settlements() -> frozenset[str]:
    """ "city", "town", "village" ...: populated places and parts of them."""
    return _place_words()["settlement"]
