"""Place mentions in a sentence: spaCy's entities plus a scan for known region names.

spaCy's small model misses or mislabels many region names ("Nagorno-Karabakh" as ORG,
"the West Bank" not at all), so besides the GPE/LOC/FAC entities the sentence is scanned
for the gazetteer's countries, regions and US states (never for the 30,000 city names,
which collide with common words). Each mention records the words around it that tell
whether it is where something happened ("in", "near", "on the outskirts of") or an actor
("Turkey's president", "U.S. troops", "Moscow said").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from eventwire.geo.gazetteer import Entry, Gazetteer, haversine_km, norm
from eventwire.geo.words import admin_units, settlements
from eventwire.records import EntityMention

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: spaCy labels whose spans hide place names inside other names ("University of Texas").
NAME_LABELS = frozenset({"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT", "LANGUAGE"})

#: prepositions that put an action at a place.
LOCATIVE = frozenset(
    {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "within", "into", "off",
     "along", "over", "outskirts of", "north of", "south of", "east of", "west of", "northeast of",
     "northwest of", "southeast of", "southwest of", "near to", "close to", "next to", "border of", "coast of"}
)  # fmt: skip
#: prepositions of movement: the place takes part in the action but less surely hosts it.
#: "on" is here too: "strikes on Gaza" names a place, "dependent on Turkey" an actor.
DIRECTIONAL = frozenset({"to", "toward", "towards", "from", "through", "via", "past", "beyond", "on", "onto"})
_PLACE_PREPS = LOCATIVE | DIRECTIONAL | frozenset({"of"})
_PREPOSITIONS = LOCATIVE | DIRECTIONAL | frozenset(
    {"of", "between", "with", "for", "against", "by", "among", "about", "like", "than", "under", "after", "before",
     "as", "during", "upon", "amid", "despite", "including", "beside", "besides", "behind", "outside of"}
)  # fmt: skip
# Words that may stand between a preposition and its place: "in the northern city of Mosul",
# "in Russian-occupied Crimea", "in Azerbaijan's Nagorno-Karabakh region".
_MODIFIERS = frozenset(
    {"the", "a", "an", "northern", "southern", "eastern", "western", "central", "northeastern", "northwestern",
     "southeastern", "southwestern", "north-eastern", "north-western", "south-eastern", "south-western",
     "occupied", "disputed", "breakaway", "separatist", "restive", "embattled", "besieged", "war-torn",
     "contested", "neighbouring", "neighboring", "nearby", "strategic", "key", "annexed", "frontline",
     "front-line", "coastal", "mountainous", "remote", "rural", "tiny", "small", "large", "major", "rebel",
     "southernmost", "northernmost", "capital", "port", "city", "town", "village", "province", "region",
     "district", "state", "county", "enclave", "territory", "area", "oblast", "governorate", "and", "or",
     "ukrainian", "russian", "syrian", "iraqi", "yemeni", "libyan", "afghan", "israeli", "palestinian"}
)  # fmt: skip
# "the N of X": N keeps the walk going ("city of"), or names a locative relation itself.
_OF_NOUNS = {
    "city": None, "town": None, "village": None, "port": None, "province": None, "region": None,
    "district": None, "state": None, "capital": None, "enclave": None, "territory": None, "area": None,
    "county": None, "governorate": None, "republic": None, "island": None, "islands": None,
    "outskirts": "outskirts of", "suburbs": "outskirts of", "suburb": "outskirts of", "streets": "in",
    "heart": "in", "centre": "in", "center": "in", "parts": "in", "part": "in", "north": "north of",
    "south": "south of", "east": "east of", "west": "west of", "northeast": "northeast of",
    "northwest": "northwest of", "southeast": "southeast of", "southwest": "southwest of",
    "coast": "coast of", "shores": "coast of", "border": "border of", "borders": "border of",
    "edge": "outskirts of", "vicinity": "near", "skies": "over", "waters": "off",
}  # fmt: skip
_ADJ_SUFFIXES = ("-held", "-occupied", "-controlled", "-backed", "-run", "-administered", "-annexed", "-led")
#: nouns after a place name that make it a modifier of an actor ("U.S. troops").
ROLE_NOUNS = frozenset(
    {"troops", "forces", "soldiers", "army", "military", "navy", "government", "officials", "official",
     "authorities", "president", "minister", "ministry", "leader", "leaders", "police", "embassy",
     "diplomats", "diplomat", "envoy", "warplanes", "jets", "drones", "militants", "rebels", "fighters",
     "separatists", "lawmakers", "parliament", "delegation", "counterpart", "counterparts", "citizens",
     "nationals", "border", "side", "state", "media", "company", "companies", "officers", "prime",
     "foreign", "defense", "defence", "interior", "security", "intelligence", "air", "naval", "national",
     "base", "bases", "consulate", "outpost", "warship", "warships", "ship", "ships", "vessel", "vessels",
     "carrier", "aircraft", "personnel", "contractors", "citizen", "flag", "envoys", "negotiators"}
)  # fmt: skip
#: words after a name that make it the subject of a verb ("Russia was", "Turkey launched").
_VERBISH = frozenset(
    {"is", "was", "were", "are", "has", "have", "had", "will", "would", "could", "can", "may", "might", "should",
     "must", "did", "does", "do", "said", "says", "say", "told", "tells", "wants", "warned", "warns", "urged",
     "urges", "called", "calls", "announced", "denied", "denies", "rejected", "rejects", "agreed", "agrees",
     "pledged", "pledges", "threatened", "threatens", "sent", "sends", "insists", "insisted", "continues",
     "remains", "also", "still", "now", "then", "again", "hit", "struck", "began", "took", "won", "lost"}
)  # fmt: skip
#: unit words after which "X of" does not make X a place ("the state of emergency")
_NOT_PLACE_OF = frozenset({"state", "area", "republic", "prefecture"})


@lru_cache(maxsize=1)
def _unit_patterns() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """From ``data/geo/place_words.tsv``, read on first use: "the town of X" (X is a place;
    "the state of emergency", "the area of cooperation" are not), the unit words a name may
    end in ("Kherson region"), and a unit word following a name."""
    place_of = re.compile(
        r"\b(?:" + "|".join(sorted((admin_units() | settlements()) - _NOT_PLACE_OF)) + r")\s+of\s+$"
    )
    suffix = re.compile(r"\s+(" + "|".join(sorted(admin_units() | {"enclave", "valley"})) + r")\b")
    return place_of, admin_units() | {"city"}, suffix


_QUALIFIER = re.compile(r",\s*([A-Z][A-Za-z]*\.?(?:\s?[A-Z][a-z]*\.?)?|[A-Z]{2})(?![\w])")
_CAPWORD = re.compile(r"(?<![\w’'-])[A-Z][\w’'.-]*")
_WORD = re.compile(r"[\w’'.-]+|,")


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in a sentence (document offsets)."""

    start: int
    end: int
    text: str
    keys: tuple[str, ...]  # gazetteer keys; several only for a fuzzy match
    prep: str | None  # governing preposition, lower-case ("in", "outskirts of", ...)
    possessive: bool  # "Turkey's"
    modifier: bool  # "U.S. troops"
    subject: bool  # a verb follows: "Russia was", "Turkey launched"
    qualifier: Entry | None = None  # "Paris, Texas": the place is in Texas
    is_qualifier: bool = False  # this mention is the "Texas" of "Paris, Texas"
    label: str = "SCAN"


def governing_preposition(before: str) -> str | None:
    """The preposition that governs a place name preceded by ``before`` (same sentence)."""
    words = _WORD.findall(before[-90:])
    i = len(words) - 1
    steps = 0
    while i >= 0 and steps < 9:
        word = words[i]
        low = word.lower().strip(".")
        steps += 1
        if low == "of" and i > 0:
            noun = words[i - 1].lower()
            if noun in _OF_NOUNS:
                relation = _OF_NOUNS[noun]
                if relation is not None:
                    return relation
                i -= 2
                continue
            return "of"
        if low in _PREPOSITIONS:
            if low == "to" and i > 0 and words[i - 1].lower() in ("close", "next", "near"):
                return words[i - 1].lower() + " to"
            return low
        if (
            low in _MODIFIERS
            or word == ","
            or word[:1].isupper()
            or low.endswith(("'s", "’s"))
            or low.endswith(_ADJ_SUFFIXES)
        ):
            i -= 1
            continue
        return None
    return None


def find_mentions(gaz: Gazetteer, text: str, offset: int, entities: Sequence[EntityMention]) -> list[PlaceMention]:
    """Place mentions in ``text`` (which starts at document offset ``offset``)."""
    found: list[tuple[int, int, str, tuple[str, ...], EntityMention | None]] = []
    blocked: list[tuple[int, int]] = []  # spans of non-place names, relative to text
    for ent in entities:
        s, e = ent.start - offset, ent.end - offset
        if s < 0 or e > len(text):
            continue
        keys = _entity_keys(gaz, text, ent.text, e)
        if ent.label in PLACE_LABELS:
            if keys:
                found.append((s, e + keys[1], ent.text, keys[0], ent))
        elif ent.label in NAME_LABELS:
            prep = governing_preposition(text[max(0, s - 120) : s]) if keys else None
            # spaCy's small model calls many unfamiliar towns PERSON: "control of Avdiivka"
            person_town = ent.label == "PERSON" and " " not in ent.text.strip() and prep in _PLACE_PREPS
            named_place = keys is not None and _unit_patterns()[0].search(text, max(0, s - 40), s) is not None
            if keys and (_scannable(gaz, keys[0]) or prep in LOCATIVE or person_town or named_place):
                found.append((s, e + keys[1], ent.text, keys[0], ent))  # a place spaCy mislabelled
            else:
                blocked.append((s, e))
    # characters already in a mention, and those past the first word of a non-place name:
    # one byte each, so the scan below tests a position instead of every span
    taken = bytearray(len(text))
    for s, e, *_ in found:
        _mark(taken, s, e)
    inside = _inside_mask(text, blocked)
    for m in _CAPWORD.finditer(text):
        s = m.start()
        if taken[s] or inside[s]:
            continue
        hit = _scan_at(gaz, text, s, m.group(0))
        if hit is not None:
            end, key = hit
            if taken.find(1, s, end) == -1:
                found.append((s, end, text[s:end], (key,), None))
                _mark(taken, s, end)
    found.sort(key=lambda f: f[0])
    mentions = [_describe(gaz, text, offset, *f) for f in found]
    return _link_qualifiers(gaz, text, offset, mentions)


def _entity_keys(gaz: Gazetteer, text: str, name: str, end: int) -> tuple[tuple[str, ...], int] | None:
    """Gazetteer keys for an entity's words, and how far a "region"/"province" suffix extends it."""
    key = norm(name)
    _, unit_words, unit_suffix = _unit_patterns()
    suffix = unit_suffix.match(text, end)
    if suffix is not None:
        longer = f"{key} {suffix.group(1)}"
        if longer in gaz.index:
            return (longer,), suffix.end() - end
    if key in gaz.index:
        return (key,), 0
    words = key.split()
    if len(words) > 1 and words[-1] in unit_words:
        shorter = " ".join(words[:-1])
        if shorter in gaz.index:
            return (shorter,), 0
    if len(key) >= 8:
        near = gaz.fuzzy_keys(name)
        if near:
            return tuple(sorted(near)), 0
    return None


def _scannable(gaz: Gazetteer, keys: tuple[str, ...]) -> bool:
    return any(entry.kind != "city" for key in keys for entry, _ in gaz.index.get(key, ()))


def _scan_at(gaz: Gazetteer, text: str, start: int, word: str) -> tuple[int, str] | None:
    first = word.lower().replace("’", "'")
    for cut in ("'s", ".", ","):
        if first.endswith(cut) and first[: -len(cut)] in gaz.scan:
            first = first[: -len(cut)]
    options = gaz.scan.get(first)
    if options:
        window = text[start : start + 64].lower().replace("’", "'")
        for phrase, key in options:
            if window.startswith(phrase):
                after = window[len(phrase) : len(phrase) + 1]
                if not after or not (after.isalnum() or after == "-"):
                    return start + len(phrase), key
        return None
    if "-" in word and len(word) >= 10:  # a misspelt hyphenated region: "Nagorno-Karabkh"
        clean = word.rstrip(".,").removesuffix("'s").removesuffix("’s")
        near = gaz.fuzzy_keys(clean)
        if len(near) == 1:
            return start + len(clean), next(iter(near))
    return None


def _describe(
    gaz: Gazetteer, text: str, offset: int, s: int, e: int, name: str, keys: tuple[str, ...], ent: EntityMention | None
) -> PlaceMention:
    prep = ent.preposition if ent is not None and ent.preposition not in (None, "of") else None
    if prep is None:
        prep = governing_preposition(text[max(0, s - 120) : s])
    after = text[e : e + 40]
    possessive = after.startswith(("'s", "’s")) or name.endswith(("'s", "’s"))
    nxt = after[2:] if possessive else after
    word = nxt.split(None, 1)[0].strip(",.;:").lower() if nxt.strip() else ""
    spaced = bool(nxt[:1].isspace())
    modifier = spaced and word in ROLE_NOUNS
    subject = spaced and not possessive and (word in _VERBISH or (len(word) > 4 and word.endswith("ed")))
    label = ent.label if ent is not None else "SCAN"
    return PlaceMention(
        offset + s, offset + e, text[s:e], keys, prep, possessive, modifier, subject, None, False, label
    )


def _link_qualifiers(gaz: Gazetteer, text: str, offset: int, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mark "Paris, Texas": the state or country after a comma narrows the place before it."""
    out = list(mentions)
    for i, m in enumerate(out):
        if m.is_qualifier:
            continue
        nxt = out[i + 1] if i + 1 < len(out) else None
        between = text[m.end - offset : nxt.start - offset] if nxt else ""
        qual: Entry | None = None
        if nxt is not None and between.strip() == ",":
            qual = gaz.qualifiers.get(nxt.keys[0])
            if qual is not None and _narrows(gaz, m, qual):
                out[i + 1] = _replace(nxt, is_qualifier=True)
            else:
                qual = None
        if qual is None:
            match = _QUALIFIER.match(text, m.end - offset)
            if match is not None:
                cand = gaz.qualifiers.get(norm(match.group(1)))
                if cand is not None and _narrows(gaz, m, cand):
                    qual = cand
        if qual is not None:
            out[i] = _replace(out[i], qualifier=qual)
    return out


def _narrows(gaz: Gazetteer, m: PlaceMention, qual: Entry) -> bool:
    """True if some reading of ``m`` lies inside ``qual`` (and ``m`` is not ``qual`` itself)."""
    for key in m.keys:
        for entry, _ in gaz.index.get(key, ()):
            if entry is qual or entry.kind == "country":
                continue
            if qual.kind == "state" and entry.adm1 == qual.adm1 and entry.kind == "city":
                return True
            if qual.kind == "country" and entry.country == qual.country:
                return True
            if qual.kind in ("region", "conflict_region") and qual.country and entry.country == qual.country:
                return haversine_km(qual.lat, qual.lon, entry.lat, entry.lon) <= 1500
    return False


def _replace(m: PlaceMention, **changes: object) -> PlaceMention:
    from dataclasses import replace

    return replace(m, **changes)  # type: ignore[arg-type]


def _mark(mask: bytearray, start: int, end: int) -> None:
    end = min(end, len(mask))  # a longer slice assignment would grow the array
    if start < end:
        mask[start:end] = b"\x01" * (end - start)


def _inside_mask(text: str, spans: list[tuple[int, int]]) -> bytearray:
    """1 at each position inside a name, past its first word ("Bank of America", but not
    "Russia's Foreign Ministry" or "the Nagorno-Karabakh conflict")."""
    mask = bytearray(len(text))
    for a, b in spans:
        for s in range(a, b):
            if text[a:s].strip().lower() not in ("", "the"):
                mask[s] = 1
    return mask
