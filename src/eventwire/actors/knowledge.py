"""The actor knowledge base: what names, places, groups and role words stand for.

``ActorKB.load(settings)`` reads the packaged data in ``eventwire/data/actors`` (states,
metonyms, IGOs/NGOs, armed groups, role words, persons with dated offices) and the user
dictionaries named in ``settings.actor_dictionaries``; user entries take precedence.
The text-side resolver (:mod:`eventwire.actors.resolve`) consults it:

    kb = ActorKB.load(settings)
    kb.lookup("the Kremlin")                       # KBEntry(code="RUSGOV", kind="metonym", ...)
    kb.lookup_person("Lavrov", date(2020, 11, 3))  # RUSGOV: foreign minister on that date
    kb.role_of("foreign ministers")                # RoleWord(lemma="foreign minister", role="GOV")
    kb.country_of_adjective("pro-Russian")         # "RUS"

Dated entries (persons, some groups, user codes with date restrictions) resolve by the
article date: the entry covering the date wins (the latest-starting one if several); a
person after the end of the last office is ``country+ELI``, before the first office the
bare country; other kinds fall back to an undated default row, else the nearest period.
With no date, the most recent period is used.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from eventwire.actors.codes import covers, day_before
from eventwire.actors.entries import EthnicGroup, KBEntry, RoleWord
from eventwire.actors.kbfiles import (
    Row,
    check_conflicts,
    data_dir,
    read_common_words,
    read_ethnic,
    read_groups,
    read_historic_names,
    read_metonyms,
    read_orgs,
    read_people,
    read_roles,
    read_states,
)
from eventwire.actors.normalize import fold, normalize
from eventwire.errors import DictionaryError, ResourceError
from eventwire.settings import Settings

__all__ = ["ActorKB", "KBEntry", "RoleWord"]

#: when one phrase names entries of several kinds, the lowest rank wins
_RANK = {"user": 0, "metonym": 1, "igo": 2, "ngo": 2, "group": 3, "person": 4, "state": 5, "role": 6}
#: words around a country name that still make it an adjective: "pro-Russian", "US-led"
_ADJ_PREFIXES = frozenset({"pro"})
_ADJ_SUFFIXES = frozenset(
    ["backed", "led", "based", "allied", "aligned", "sponsored", "supported", "funded", "armed", "trained", "installed", "controlled", "held", "occupied", "brokered", "appointed", "friendly", "leaning", "run", "owned"]
)


#: countries whose leaders' names are written family name first in English news
_FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "PRK", "KOR", "SGP", "KHM"})


class _Keys:
    """Phrase -> values; case-insensitive except for phrases that are also common words."""

    __slots__ = ("common", "exact", "folded")

    def __init__(self, common: frozenset[str]) -> None:
        self.common = common
        self.exact: dict[str, list] = {}
        self.folded: dict[str, list] = {}

    def _slot(self, phrase: str) -> tuple[dict[str, list], str] | None:
        key = normalize(phrase)
        if not key:
            return None
        low = key.casefold()
        return (self.exact, key) if low in self.common else (self.folded, low)

    def add(self, phrase: str, value: object) -> None:
        slot = self._slot(phrase)
        if slot is not None:
            values = slot[0].setdefault(slot[1], [])
            if value not in values:
                values.append(value)

    def get(self, phrase: str) -> list:
        slot = self._slot(phrase)
        return [] if slot is None else slot[0].get(slot[1], [])

    def max_tokens(self) -> int:
        return max((k.count(" ") + 1 for d in (self.exact, self.folded) for k in d), default=0)


class _Layer:
    """Indexes over one set of rows (the packaged data, or the user dictionaries)."""

    def __init__(self, rows: Iterable[Row], common: frozenset[str]) -> None:
        self.phrases = _Keys(common)
        self.surnames = _Keys(common)  # name suffix ("Lavrov", "von der Leyen") -> person keys
        self.persons: dict[str, list[KBEntry]] = {}
        aliases: dict[str, list[str]] = {}
        others: dict[tuple[str, str], tuple[list[KBEntry], list[str]]] = {}
        for row in rows:
            if row.entry.kind != "person":
                # rows of one actor (same kind and name) share their phrases: dated periods
                # listed on separate rows need not repeat the aliases
                entries, phrases = others.setdefault((row.entry.kind, fold(row.entry.name)), ([], []))
                entries.append(row.entry)
                phrases.extend(row.phrases)
                continue
            key = fold(row.entry.name)
            self.persons.setdefault(key, []).append(row.entry)
            aliases.setdefault(key, []).extend(row.phrases)
        for entries, phrases in others.values():
            for phrase in dict.fromkeys(phrases):
                for entry in entries:
                    self.phrases.add(phrase, entry)
        for key, entries in self.persons.items():
            entries.sort(key=lambda e: (e.start or date.min, e.end or date.max))
            for phrase in dict.fromkeys(aliases[key]):
                for entry in entries:
                    self.phrases.add(phrase, entry)
                words = normalize(phrase).split()
                for i in range(1, len(words)):
                    self.surnames.add(" ".join(words[i:]), key)
            words = normalize(entries[0].name).split()
            if len(words) > 1 and any(e.country in _FAMILY_NAME_FIRST for e in entries):
                self.surnames.add(words[0], key)  # "Xi" Jinping, "Kim" Jong Un, "Ban" Ki-moon


@dataclasses.dataclass(frozen=True, slots=True)
class _Packaged:
    layer: _Layer
    adjectives: _Keys
    roles: dict[str, RoleWord]
    counts: dict[str, int]
    ethnic: dict[str, EthnicGroup]  # surface form -> people
    ethnic_codes: dict[str, EthnicGroup]  # code -> people
    role_starts: frozenset[str]  # first words of multi-word role phrases


@lru_cache(maxsize=1)
def _packaged() -> _Packaged:
    folder = data_dir()

    def text(name: str) -> str:
        try:
            return folder.joinpath(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ResourceError(f"cannot read packaged actor file {name}: {exc}; reinstall eventwire") from None

    common = read_common_words(text("common_words.txt"))
    states = read_states("states.tsv", text("states.tsv"))
    counts = {"states.tsv": sum(r.entry.kind == "state" for r in states.rows)}
    rows: list[Row] = list(states.rows)
    for name, reader in (("metonyms.tsv", read_metonyms), ("igos.tsv", read_orgs), ("groups.tsv", read_groups),
                         ("historic_names.tsv", read_historic_names)):
        file_rows = reader(name, text(name), states.codes)
        counts[name] = len(file_rows)
        rows.extend(file_rows)
    for group in (states.rows, [r for r in rows if r.where.startswith(("metonyms", "igos", "groups"))]):
        check_conflicts(group)
    people = sorted(p.name for p in folder.iterdir() if p.name.startswith("people") and p.name.endswith(".tsv"))
    for name in people:
        file_rows = read_people(name, text(name), states.codes)
        counts[name] = len(file_rows)
        rows.extend(file_rows)
    roles: dict[str, RoleWord] = {}
    role_rows = read_roles("roles.tsv", text("roles.tsv"))
    for word, role, where in role_rows:
        key = fold(word)
        if key in roles and roles[key].role != role.role:
            raise ResourceError(f"{where}: role word {word!r} already coded {roles[key].role}")
        roles[key] = role
    counts["roles.tsv"] = len(role_rows)
    adjectives = _Keys(common)
    for phrase, country, _ in states.adjectives:
        adjectives.add(phrase, country)
    for row in rows:
        if row.entry.kind == "metonym" and row.entry.country:
            for phrase in row.phrases:
                adjectives.add(phrase, row.entry.country)
    ethnic = read_ethnic("ethnic_groups.tsv", text("ethnic_groups.tsv"), states.codes)
    counts["ethnic_groups.tsv"] = len({g.code for g in ethnic.values()})
    return _Packaged(_Layer(rows, common), adjectives, roles, counts, ethnic, {g.code: g for g in ethnic.values()},
                     frozenset(k.split()[0] for k in roles if " " in k))


def _base(entry: KBEntry) -> str:
    """The code without its role suffixes: RUSGOV -> RUS, IGOUNO -> IGOUNO."""
    suffix = "".join(entry.roles)
    return entry.code[: len(entry.code) - len(suffix)] if suffix and entry.code.endswith(suffix) else entry.code


def resolve(candidates: list[KBEntry], on: date | None) -> KBEntry | None:
    """Pick the entry a phrase stands for on date ``on`` (see the module docstring)."""
    if not candidates:
        return None
    best = min(_RANK[e.kind] for e in candidates)
    candidates = [e for e in candidates if _RANK[e.kind] == best]
    dated = [e for e in candidates if e.dated]
    undated = [e for e in candidates if not e.dated]
    if not dated:
        return undated[0]
    if on is None:
        return max(dated, key=lambda e: (e.start or date.min, e.end or date.max))
    active = [e for e in dated if covers(e.start, e.end, on)]
    if active:
        return max(active, key=lambda e: (e.start or date.min, e.end or date.max))
    if undated:
        return undated[0]
    past = [e for e in dated if e.end is not None and e.end < on]
    if candidates[0].kind == "person":
        if past:
            last = max(past, key=lambda e: e.end or date.min)
            assert last.end is not None
            return dataclasses.replace(last, code=_base(last) + "ELI", roles=("ELI",), start=last.end + timedelta(days=1),
                                       end=None, source=f"{last.source} (out of office after {last.end})")
        first = min(dated, key=lambda e: e.start or date.min)
        assert first.start is not None
        return dataclasses.replace(first, code=_base(first), roles=(), start=None, end=day_before(first.start),
                                   source=f"{first.source} (before taking office on {first.start})")

    def distance(e: KBEntry) -> int:
        if e.end is not None and e.end < on:
            return on.toordinal() - e.end.toordinal()
        return (e.start or on).toordinal() - on.toordinal()

    return min(dated, key=distance)


def _narrow(keys: list[str], persons: dict[str, list[KBEntry]], on: date) -> list[str]:
    """Among persons sharing a name ending: those in office on ``on``; if none, the one(s)
    whose last office before ``on`` ended most recently ("Bush" in 2012 is George W.)."""
    active = [k for k in keys if any(e.dated and covers(e.start, e.end, on) for e in persons[k])]
    if active:
        return active
    last = {k: max((e.end for e in persons[k] if e.end is not None and e.end < on), default=None) for k in keys}
    latest = max((d for d in last.values() if d is not None), default=None)
    return [k for k in keys if latest is not None and last[k] == latest]


class ActorKB:
    """Packaged actor knowledge plus the user's dictionaries (which take precedence)."""

    def __init__(self, packaged: _Packaged, user: _Layer | None = None, user_counts: dict[str, int] | None = None):
        self._packaged = packaged
        self._user = user
        self._layers = (user, packaged.layer) if user is not None else (packaged.layer,)
        self.row_counts: dict[str, int] = {**packaged.counts, **(user_counts or {})}
        self.max_phrase_tokens: int = max(
            [layer.phrases.max_tokens() for layer in self._layers] + [k.count(" ") + 1 for k in packaged.roles]
        )

    @classmethod
    def load(cls, settings: Settings) -> ActorKB:
        """Packaged data + ``settings.actor_dictionaries``; cached by file paths and mtimes."""
        signature = []
        for path in settings.actor_dictionaries:
            try:
                st = os.stat(path)
            except OSError:
                raise DictionaryError(f"actor dictionary {path} does not exist or cannot be read; "
                                      "fix the path in actor_dictionaries") from None
            signature.append((os.path.abspath(path), st.st_mtime_ns, st.st_size))
        return _load(tuple(signature))

    def lookup(self, phrase: str, on: date | None = None) -> KBEntry | None:
        """The actor an exact phrase names (case, punctuation, accents and "the" ignored)."""
        for layer in self._layers:
            entry = resolve(layer.phrases.get(phrase), on)
            if entry is not None:
                return entry
        return None

    def lookup_person(self, name: str, on: date | None) -> KBEntry | None:
        """A person by full name or alias, else by a name ending ("Lavrov") that fits one person.

        When several persons share the ending, the one holding an office on ``on`` wins if
        he or she is the only one; otherwise the name is ambiguous and None is returned.
        """
        for layer in self._layers:
            people = [e for e in layer.phrases.get(name) if e.kind in ("person", "user")]
            if people:
                return resolve(people, on)
        for layer in self._layers:
            keys = list(dict.fromkeys(layer.surnames.get(name)))
            if len(keys) > 1 and on is not None:
                keys = _narrow(keys, layer.persons, on)
            if len(keys) == 1:
                return resolve(layer.persons[keys[0]], on)
            if keys:
                return None
        return None

    @property
    def role_phrase_starts(self) -> frozenset[str]:
        """First words of the role phrases of two or more words ("foreign" of "foreign minister")."""
        return self._packaged.role_starts

    def role_of(self, word: str) -> RoleWord | None:
        """Role word (lemma or inflected form, one or more words) -> its sector code."""
        return self._packaged.roles.get(fold(word))

    def ethnic_group(self, word: str) -> EthnicGroup | None:
        """A people named by a word or phrase: "Kurds", "Kurdish", "Crimean Tatars" -> its group."""
        return self._packaged.ethnic.get(fold(word))

    def ethnic_code(self, code: str | None, country: str | None) -> str:
        """The suffix for people ``code`` in ``country``: the code outside the people's home
        states ("Iraqi Kurds" IRQCVLKUR), nothing in them ("Serb forces" SRBMIL) or when the
        country is unknown."""
        if not code or not country or country[:3] in ("IGO", "NGO", "IMG", "---"):
            return ""
        group = self._packaged.ethnic_codes.get(code)
        return "" if group is None or country in group.home else code

    def country_of_adjective(self, word: str) -> str | None:
        """"Russian", "Russians", "Russia", "pro-Russian", "Russia-backed", "Kremlin-backed" -> "RUS"."""
        words = normalize(word).split()
        if len(words) > 1 and words[0].casefold() in _ADJ_PREFIXES:
            words = words[1:]
        if len(words) > 1 and words[-1].casefold() in _ADJ_SUFFIXES:
            words = words[:-1]
        countries = set(self._packaged.adjectives.get(" ".join(words)))
        return countries.pop() if len(countries) == 1 else None


@lru_cache(maxsize=8)
def _load(signature: tuple[tuple[str, int, int], ...]) -> ActorKB:
    packaged = _packaged()
    if not signature:
        return ActorKB(packaged)
    from eventwire.actors.dictionaries import read_dictionary

    rows: list[Row] = []
    counts: dict[str, int] = {}
    for path, _, _ in signature:
        file_rows = read_dictionary(path)
        counts[os.path.basename(path)] = len(file_rows)
        rows.extend(file_rows)
    return ActorKB(packaged, _Layer(rows, packaged.layer.phrases.common), counts)
