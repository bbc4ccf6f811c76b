"""What a document says about places, used to read its ambiguous names.

"Tripoli" in a story about Libya is Libya's capital; "Georgia" in a story that names
Tbilisi or Abkhazia is the country, in one that names Atlanta the US state. The context
counts the countries of the document's place mentions; a name's own mentions are left out
when that name is read, so "Tripoli" cannot vote for itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from eventwire.geo.gazetteer import Entry, Gazetteer, haversine_km
from eventwire.geo.mentions import LOCATIVE, PlaceMention
from eventwire.records import Place

_EMPTY: Mapping[str, float] = MappingProxyType({})

# Prior plausibility of a reading before context: countries and named regions outrank
# same-named towns; among cities, population decides; capitals get a little extra.
_KIND_PRIOR = {"country": 3.0, "conflict_region": 2.8, "region": 2.2, "state": 2.4, "ignore": 2.2}
_ALTERNATE_PENALTY = 0.4
_WELL_KNOWN = 1_000_000
_CAPITAL_BONUS = 0.5
_COUNTRY_WEIGHT = 1.5
_NEIGHBOUR_WEIGHT = 0.5
# A town under 100,000 people matched only through one of its alternate names is not
# believed when the text names other countries but neither its own nor a neighbour.
_UNSUPPORTED_BELOW = 100_000
_UNSUPPORTED = -100.0


@dataclass(frozen=True, slots=True)
class GeoContext:
    """A document's places: country mention weights and each name's reading.

    ``countries`` maps ISO3 to the weight of the document's mentions of places in that
    country; ``dominant`` is the place the document is mostly about (used as a fallback
    location for conflict events); ``choices`` and ``own`` are the reading of each name
    and that name's own contribution to ``countries``.
    """

    countries: Mapping[str, float] = field(default_factory=lambda: _EMPTY)
    dominant: Place | None = None
    choices: Mapping[tuple[str, ...], Entry] = field(default_factory=lambda: MappingProxyType({}))
    own: Mapping[tuple[str, ...], Mapping[str, float]] = field(default_factory=lambda: MappingProxyType({}))

    @classmethod
    def empty(cls) -> GeoContext:
        return cls()

    def top_countries(self, n: int = 5) -> list[tuple[str, float]]:
        return sorted(self.countries.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def score(
    gaz: Gazetteer,
    entry: Entry,
    primary: bool,
    counts: Mapping[str, float],
    own: Mapping[str, float] = _EMPTY,
) -> float:
    """How plausible ``entry`` is as the reading of a name, given the document's counts."""
    if entry.kind == "city":
        prior = math.log10(entry.population + 10) / 2.5 + (_CAPITAL_BONUS if entry.capital else 0.0)
    else:
        prior = _KIND_PRIOR[entry.kind] + (0.01 * math.log10(entry.population + 10) if entry.kind == "country" else 0)
    if not primary and entry.population < _WELL_KNOWN:
        prior -= _ALTERNATE_PENALTY  # big cities' alternates are their English names: "Kiev"
    if not counts:
        return prior
    if not primary and entry.population < _UNSUPPORTED_BELOW and not _supported(gaz, entry, counts, own):
        return _UNSUPPORTED  # a small town known here only by another name, far from the text's countries
    countries = (entry.country, *entry.involved) if entry.country else entry.involved
    here = max((counts.get(c, 0.0) - own.get(c, 0.0) for c in countries), default=0.0)
    near = 0.0
    if entry.country:
        near = sum(counts.get(n, 0.0) - own.get(n, 0.0) for n in gaz.neighbours.get(entry.country, ()))
    return prior + _COUNTRY_WEIGHT * math.log1p(max(here, 0.0)) + _NEIGHBOUR_WEIGHT * math.log1p(max(near, 0.0))


def _supported(gaz: Gazetteer, entry: Entry, counts: Mapping[str, float], own: Mapping[str, float]) -> bool:
    """True if the text names the entry's country or one of its neighbours."""
    for iso3 in (entry.country, *gaz.neighbours.get(entry.country or "", ())):
        if iso3 and counts.get(iso3, 0.0) - own.get(iso3, 0.0) > 0:
            return True
    return False


def choose(
    gaz: Gazetteer,
    mention_keys: tuple[str, ...],
    counts: Mapping[str, float] = _EMPTY,
    own: Mapping[str, float] = _EMPTY,
    qualifier: Entry | None = None,
) -> tuple[Entry | None, float]:
    """The best reading of a name and its margin over the best reading in another country."""
    options: list[tuple[Entry, bool]] = []
    for key in mention_keys:
        options.extend(gaz.index.get(key, ()))
    if qualifier is not None:
        narrowed = [(e, p) for e, p in options if _in(e, qualifier)]
        options = narrowed or options
    if not options:
        return None, 0.0
    ranked = sorted(
        ((score(gaz, e, p, counts, own), i, e) for i, (e, p) in enumerate(options)), key=lambda t: (-t[0], t[1])
    )
    best = ranked[0]
    if best[0] <= _UNSUPPORTED:
        return None, 0.0
    rival = next((s for s, _, e in ranked[1:] if e.country != best[2].country), None)
    return best[2], (best[0] - rival) if rival is not None else 10.0


def _in(entry: Entry, qualifier: Entry) -> bool:
    if entry is qualifier:
        return False
    if qualifier.kind == "state":
        return entry.kind == "city" and entry.adm1 == qualifier.adm1
    if qualifier.kind == "country":
        return entry.country == qualifier.country
    return (
        entry.country == qualifier.country and haversine_km(qualifier.lat, qualifier.lon, entry.lat, entry.lon) <= 1500
    )


def build(gaz: Gazetteer, mentions: list[PlaceMention], to_place) -> GeoContext:  # type: ignore[no-untyped-def]
    """The context of a document from all its place mentions (two passes)."""
    active = [m for m in mentions if not m.is_qualifier]
    # pass 1: clear names only (one reading well ahead of any reading in another country)
    counts: dict[str, float] = {}
    for m in active:
        entry, margin = choose(gaz, m.keys, qualifier=m.qualifier)
        if entry is not None and entry.kind != "ignore" and entry.country and margin >= 0.5:
            counts[entry.country] = counts.get(entry.country, 0.0) + 1.0
    # pass 2: every name read in the light of pass 1, its own mentions left out
    by_keys: dict[tuple[str, ...], list[PlaceMention]] = {}
    for m in active:
        by_keys.setdefault(m.keys, []).append(m)
    own_pass1: dict[tuple[str, ...], dict[str, float]] = {}
    for keys, group in by_keys.items():
        entry, margin = choose(gaz, keys)
        if entry is not None and entry.country and margin >= 0.5 and entry.kind != "ignore":
            own_pass1[keys] = {entry.country: float(sum(1 for g in group if g.qualifier is None))}
    choices: dict[tuple[str, ...], Entry] = {}
    final: dict[str, float] = {}
    own: dict[tuple[str, ...], dict[str, float]] = {}
    weights: dict[int, float] = {}
    places: dict[int, Entry] = {}
    first_seen: dict[int, int] = {}
    for keys, group in by_keys.items():
        entry, _ = choose(gaz, keys, counts, own_pass1.get(keys, _EMPTY))
        if entry is None:
            continue
        choices[keys] = entry
        for m in group:
            chosen = entry
            if m.qualifier is not None:
                chosen = choose(gaz, keys, counts, own_pass1.get(keys, _EMPTY), m.qualifier)[0] or entry
            if chosen.kind == "ignore":
                continue
            if chosen.country:
                final[chosen.country] = final.get(chosen.country, 0.0) + 1.0
                mine = own.setdefault(keys, {})
                mine[chosen.country] = mine.get(chosen.country, 0.0) + 1.0
            ident = id(chosen)
            places[ident] = chosen
            first_seen.setdefault(ident, m.start)
            weight = 2.0 if m.prep in LOCATIVE else 0.5 if (m.possessive or m.modifier) else 1.0
            weights[ident] = weights.get(ident, 0.0) + weight
    dominant = None
    if weights:

        def rank(ident: int) -> tuple[float, int]:
            bonus = 3.0 if places[ident].kind == "conflict_region" else 0.0
            return (-(weights[ident] + bonus), first_seen[ident])

        best = min(weights, key=rank)
        dominant = to_place(places[best], "document:dominant", None)
    return GeoContext(
        countries=MappingProxyType(final),
        dominant=dominant,
        choices=MappingProxyType(choices),
        own=MappingProxyType({k: MappingProxyType(v) for k, v in own.items()}),
    )
