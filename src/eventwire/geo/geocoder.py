"""Where an event happened (GDELT's ActionGeo) and where actors are from.

``locate`` ranks the places named around an event, best first:

1. a place governed by a locative preposition inside the event's clause
   ("clause:prep-in", "clause:prep-near", "clause:prep-outskirts-of", ...);
2. another place in the clause that is not an actor ("clause:entity"). A country or a
   capital is an actor, not a location, when it is a subject ("Russia said", "Moscow
   warned"), a possessive ("Turkey's president"), a modifier ("U.S. troops"), the object of
   "with/against/by/for/of/between/among/on" ("talks with Washington", "sanctions on Iran"), or one of the
   event's actor countries; a subject city or region drops to the third rank;
3. a place governed by a locative preposition elsewhere in the sentence ("sentence:prep-in");
4. the target actor's country when the clause names it ("actor:target-country");
5. only when the caller asks (``fallback=True``, meant for conflict events): the place the
   document is mostly about ("document:dominant").

Within a rank the place nearest the trigger wins, unless a more specific place of the same
rank lies inside it: a conflict region beats the country that contains it ("in Azerbaijan's
Nagorno-Karabakh"), a city beats its region or country ("near Nablus in the West Bank"). A
city that is the verb's object also beats the region it lies in ("seized the town of
Mocimboa da Praia in Cabo Delgado").
"""

from __future__ import annotations

from collections.abc import Sequence

from eventwire.geo import context as ctx
from eventwire.geo.gazetteer import Entry, Gazetteer, haversine_km, norm
from eventwire.geo.mentions import DIRECTIONAL, LOCATIVE, PlaceMention, find_mentions
from eventwire.geo.words import admin_units
from eventwire.records import ClauseContext, EntityMention, Place
from eventwire.settings import Settings

GeoContext = ctx.GeoContext

_SPECIFIC = {"city": 0, "conflict_region": 1, "region": 1, "state": 1, "country": 2}
_INSIDE_KM = 300.0  # a city this close to a region's centre (same country) is taken to be in it
#: prepositions after which a country or capital is an actor, not a place.
_ACTOR_PREPS = frozenset({"with", "against", "by", "for", "of", "between", "among", "on"})


_COMPASS = frozenset(
    "north south east west northern southern eastern western central northeastern northwestern "
    "southeastern southwestern north-eastern north-western south-eastern south-western".split()
)


class Geocoder:
    """Gazetteer lookups and event location. Build once with :meth:`load`; thread-safe to read."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._cache: tuple[tuple[object, ...] | None, list[PlaceMention]] = (None, [])

    @classmethod
    def load(cls, settings: Settings | None = None) -> Geocoder:
        """Load the gazetteer (about a second; do it once per process)."""
        return cls(Gazetteer.load())

    # -- places --------------------------------------------------------------------------------
    def place(self, entry: Entry, method: str, text: str | None) -> Place:
        return Place(
            name=entry.name,
            feature_type=entry.feature_type,
            country=entry.country,
            fips=entry.fips,
            adm1=entry.adm1,
            lat=entry.lat,
            lon=entry.lon,
            geonames_id=entry.geonames_id,
            method=method,
            text=text,
        )

    def country_place(self, iso3: str) -> Place | None:
        """The country's centroid, for actor geography; None for an unknown code."""
        entry = self.gazetteer.countries.get(iso3.upper()) if iso3 else None
        return self.place(entry, "country", None) if entry is not None else None

    def lookup(self, name: str, context: GeoContext | None = None) -> Place | None:
        """The best reading of a place name (misspellings of long names included)."""
        key = norm(name)
        keys: tuple[str, ...] = (
            (key,) if key in self.gazetteer.index else tuple(sorted(self.gazetteer.fuzzy_keys(name)))
        )
        if not keys:
            words = name.split()
            if len(words) > 1 and words[0].lower() in _COMPASS:
                # "eastern Ukraine", "Western Cambodia": the part is placed at the whole
                return self.lookup(" ".join(words[1:]), context)
            if len(words) > 1 and words[-1].lower() in admin_units():
                # "Montenegro province", "the Kherson region": the named unit itself
                return self.lookup(" ".join(words[:-1]), context)
            return None
        entry = self._read(keys, None, context)
        if entry is None or entry.kind == "ignore":
            return None
        return self.place(entry, "lookup", name)

    # -- documents -----------------------------------------------------------------------------
    def document_context(self, text: str, entities: Sequence[EntityMention]) -> GeoContext:
        """Summarise the places of a whole document (see :mod:`eventwire.geo.context`)."""
        mentions = find_mentions(self.gazetteer, text, 0, entities)
        return ctx.build(self.gazetteer, mentions, self.place)

    # -- events --------------------------------------------------------------------------------
    def locate(
        self,
        clause: ClauseContext,
        context: GeoContext | None = None,
        *,
        actor_countries: Sequence[str | None] = (),
        fallback: bool = False,
    ) -> Place | None:
        """Where the event of ``clause`` happened; ``actor_countries`` is (source, target)."""
        context = context or GeoContext()
        mentions = self._mentions(clause)
        actors = {c for c in actor_countries if c}
        target = actor_countries[1] if len(actor_countries) > 1 else None
        ranked: list[tuple[int, int, int, Entry, PlaceMention]] = []
        target_mention: tuple[Entry, PlaceMention] | None = None
        for m in mentions:
            if m.is_qualifier:
                continue
            entry = self._read(m.keys, m.qualifier, context)
            if entry is None or entry.kind == "ignore":
                continue
            in_clause = clause.clause_start <= m.start and m.end <= clause.clause_end
            tier = self._tier(m, entry, in_clause, clause, actors)
            if tier is None:
                if in_clause and target and entry.kind == "country" and entry.country == target:
                    target_mention = (entry, m)
                continue
            distance = min(abs(m.start - clause.trigger_start), abs(m.end - clause.trigger_start))
            ranked.append((tier, _SPECIFIC.get(entry.kind, 1), distance, entry, m))
        if ranked:
            ranked.sort(key=lambda r: (r[0], r[2]))
            tier, _, _, entry, m = ranked[0]
            # a more specific place of the same rank inside the chosen one wins:
            # "in Azerbaijan's Nagorno-Karabakh", "near Nablus in the West Bank"
            inner = [
                r for r in ranked
                if (r[0] == tier or (r[0] == 2 and r[4].prep is None and r[3].kind == "city"))
                and r[1] < _SPECIFIC.get(entry.kind, 1)
                and _contains(entry, r[3])
            ]  # fmt: skip
            if inner:
                tier, _, _, entry, m = min(inner, key=lambda r: (r[1], r[2]))
            return self.place(entry, _method(tier, m), m.text)
        if fallback and context.dominant is not None and self._concerns(context.dominant, actors):
            return context.dominant  # violence between the parties of the story's conflict region
        if target_mention is not None:
            entry, m = target_mention
            return self.place(entry, "actor:target-country", m.text)
        if fallback and context.dominant is not None:
            return context.dominant
        return None

    def _tier(
        self, m: PlaceMention, entry: Entry, in_clause: bool, clause: ClauseContext, actors: set[str]
    ) -> int | None:
        """1-3 for clause ranks and 4 for a sentence-level locative (see module docs); None: an actor."""
        national = entry.kind == "country" or entry.capital
        if m.modifier and national:
            return None  # "U.S. troops", "at a U.S. base"
        if m.prep in LOCATIVE:
            return 1 if in_clause else 4
        if not in_clause or m.possessive:
            return None  # "Turkey's president"
        if entry.kind == "country" and entry.country in actors:
            return None  # the place is one of the event's actors
        if national and m.prep in _ACTOR_PREPS:
            return None  # "talks with Washington", "led by France", "war between Armenia and ..."
        if m.prep is None and (m.subject or _subject_of_trigger(m, clause)):
            return None if national else 3  # a subject: "Russia said" / "Kabul was rocked"
        if m.prep is None or m.prep in DIRECTIONAL:
            return 2
        return 3

    def _concerns(self, place: Place, countries: set[str]) -> bool:
        """Is ``place`` a (conflict) region that concerns one of ``countries``?"""
        if place.feature_type not in ("conflict_region", "region") or not countries:
            return False
        return any(
            entry.within(c) for entry, _ in self.gazetteer.index.get(norm(place.name), ()) for c in countries
        )

    def _read(self, keys: tuple[str, ...], qualifier: Entry | None, context: GeoContext | None) -> Entry | None:
        if context is not None and qualifier is None:
            chosen = context.choices.get(keys)
            if chosen is not None:
                return chosen
        counts = context.countries if context is not None else {}
        own = context.own.get(keys, {}) if context is not None else {}
        return ctx.choose(self.gazetteer, keys, counts, own, qualifier)[0]

    def _mentions(self, clause: ClauseContext) -> list[PlaceMention]:
        """Mentions of the clause's sentence, cached for the events of the same sentence."""
        key = (clause.doc_id, clause.sentence_index, clause.sentence_start, clause.sentence, clause.entities)
        cached_key, mentions = self._cache  # one tuple: safe to read while another thread writes
        if cached_key != key:
            mentions = find_mentions(self.gazetteer, clause.sentence, clause.sentence_start, clause.entities)
            self._cache = (key, mentions)
        return mentions


def _subject_of_trigger(m: PlaceMention, clause: ClauseContext) -> bool:
    """A name shortly before the trigger, with no comma between: "Russia and China vetoed"."""
    if m.end > clause.trigger_start:
        return False
    between = clause.sentence[m.end - clause.sentence_start : clause.trigger_start - clause.sentence_start]
    return not any(ch in between for ch in ",;:()—") and len(between.split()) <= 6


def _contains(outer: Entry, inner: Entry) -> bool:
    if inner is outer or inner.country is None:
        return False
    if outer.kind == "country":
        return inner.country == outer.country or outer.country in inner.involved
    if not outer.within(inner.country):
        return False
    return haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= _INSIDE_KM


def _method(tier: int, m: PlaceMention) -> str:
    if tier in (1, 4):
        return f"{'clause' if tier == 1 else 'sentence'}:prep-{(m.prep or '').replace(' ', '-')}"
    return "clause:entity"
