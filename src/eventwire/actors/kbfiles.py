"""Readers for the packaged actor data files in ``eventwire/data/actors``.

Each reader turns one tab-separated file into validated rows; a bad row raises
:class:`~eventwire.errors.ResourceError` naming the file and line. The formats are
described in ``data/actors/README.md``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

from eventwire.actors.codes import (
    NON_STATE_PRIMARIES,
    ROLE_CODES,
    is_code,
    parse_partial_date,
    parse_roles,
    split_code,
)
from eventwire.actors.entries import EthnicGroup, KBEntry, RoleWord
from eventwire.actors.normalize import fold
from eventwire.datafiles import read_table
from eventwire.errors import ResourceError

STATES = ("code", "iso3", "name", "aliases", "adjectives", "demonyms", "capitals", "source")
METONYMS = ("phrase", "aliases", "code", "source")
ORGS = ("code", "kind", "name", "aliases", "source")
GROUPS = ("code", "name", "aliases", "start", "end", "source")
ROLES = ("word", "lemma", "role", "source")
ETHNIC = ("code", "names", "home", "source")
PEOPLE = ("name", "aliases", "country", "roles", "title", "start", "end", "source")


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: the entry and every phrase that names it."""

    entry: KBEntry
    phrases: tuple[str, ...]
    where: str  # "file:line"


@dataclass(frozen=True, slots=True)
class StateRows:
    rows: list[Row]  # states and their capitals (metonyms)
    adjectives: list[tuple[str, str, str]]  # (phrase, country, where)
    codes: frozenset[str]


def data_dir() -> Traversable:
    return resources.files("eventwire").joinpath("data/actors")


def split_list(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.split(";") if p.strip())


def read_tsv(name: str, text: str, columns: tuple[str, ...]) -> Iterator[tuple[str, dict[str, str]]]:
    """Yield ``("file:line", row)``; comments (``#``) and blank lines are skipped. Every
    knowledge-base row must say where its facts come from (a ``source`` column)."""
    for where, row in read_table(name, text, columns):
        if not row["source"]:
            raise ResourceError(f"{where}: empty source note; every row says where its facts come from")
        yield where, row


def _need(where: str, row: dict[str, str], *names: str) -> None:
    for n in names:
        if not row[n]:
            raise ResourceError(f"{where}: column {n!r} is empty")


def _code(where: str, code: str, states: frozenset[str]) -> tuple[str | None, tuple[str, ...]]:
    if not is_code(code):
        raise ResourceError(f"{where}: {code!r} is not a CAMEO-style code (three-letter groups, e.g. RUSGOV)")
    primary = code[:3]
    if primary not in states and primary not in NON_STATE_PRIMARIES:
        raise ResourceError(f"{where}: primary code {primary!r} of {code!r} is neither a state in states.tsv nor one of "
                            f"{', '.join(sorted(NON_STATE_PRIMARIES))}")
    return split_code(code)


def _dates(where: str, row: dict[str, str]) -> tuple:
    try:
        start = parse_partial_date(row["start"])
        end = parse_partial_date(row["end"], end=True)
    except ValueError as exc:
        raise ResourceError(f"{where}: {exc}") from None
    if start and end and end < start:
        raise ResourceError(f"{where}: end {end} is before start {start}")
    return start, end


def read_states(name: str, text: str) -> StateRows:
    rows: list[Row] = []
    adjectives: list[tuple[str, str, str]] = []
    codes: set[str] = set()
    for where, r in read_tsv(name, text, STATES):
        _need(where, r, "code", "iso3", "name")
        code = r["code"]
        if len(code) != 3 or not code.isalpha() or not code.isupper():
            raise ResourceError(f"{where}: state code must be three capital letters, got {code!r}")
        if code in codes:
            raise ResourceError(f"{where}: state code {code} appears twice")
        codes.add(code)
        source = f"{name}: {r['source']}"
        names = (r["name"], *split_list(r["aliases"]))
        people = split_list(r["demonyms"]) + split_list(r["adjectives"])
        entry = KBEntry(code, code, (), "state", r["name"], source)
        rows.append(Row(entry, names + people, where))
        for phrase in names + people:
            adjectives.append((phrase, code, where))
        for capital in split_list(r["capitals"]):
            # a capital used as a metonym stands for its state ("Moscow and Ankara" -> RUS, TUR);
            # seats of power ("the Kremlin") are in metonyms.tsv with the GOV role
            rows.append(Row(KBEntry(code, code, (), "metonym", capital,
                                    f"{source} (capital/seat of government of {r['name']})"), (capital,), where))
    return StateRows(rows, adjectives, frozenset(codes))


def read_metonyms(name: str, text: str, states: frozenset[str]) -> list[Row]:
    rows = []
    for where, r in read_tsv(name, text, METONYMS):
        _need(where, r, "phrase", "code")
        country, roles = _code(where, r["code"], states)
        entry = KBEntry(r["code"], country, roles, "metonym", r["phrase"], f"{name}: {r['source']}")
        rows.append(Row(entry, (r["phrase"], *split_list(r["aliases"])), where))
    return rows


def read_orgs(name: str, text: str, states: frozenset[str]) -> list[Row]:
    rows = []
    for where, r in read_tsv(name, text, ORGS):
        _need(where, r, "code", "kind", "name")
        kind = r["kind"]
        if kind not in ("igo", "ngo"):
            raise ResourceError(f"{where}: kind must be 'igo' or 'ngo', got {kind!r}")
        if r["code"][:3] != kind.upper():
            raise ResourceError(f"{where}: an {kind} code starts with {kind.upper()}, got {r['code']!r}")
        country, roles = _code(where, r["code"], states)
        entry = KBEntry(r["code"], country, roles, kind, r["name"], f"{name}: {r['source']}")  # type: ignore[arg-type]
        rows.append(Row(entry, (r["name"], *split_list(r["aliases"])), where))
    return rows


def read_groups(name: str, text: str, states: frozenset[str], kind: str = "group") -> list[Row]:
    rows = []
    for where, r in read_tsv(name, text, GROUPS):
        _need(where, r, "code", "name")
        country, roles = _code(where, r["code"], states)
        start, end = _dates(where, r)
        entry = KBEntry(r["code"], country, roles, kind, r["name"], f"{name}: {r['source']}", start, end)  # type: ignore[arg-type]
        rows.append(Row(entry, (r["name"], *split_list(r["aliases"])), where))
    return rows


def read_historic_names(name: str, text: str, states: frozenset[str]) -> list[Row]:
    """Dated state names ("Congo" was Brazzaville's until May 1997): state rows with dates."""
    rows = read_groups(name, text, states, kind="state")
    for row in rows:
        if not row.entry.dated:
            raise ResourceError(f"{row.where}: a historic name needs a start or an end date")
    return rows


def read_roles(name: str, text: str) -> list[tuple[str, RoleWord, str]]:
    out = []
    for where, r in read_tsv(name, text, ROLES):
        _need(where, r, "word", "role")
        if r["role"] not in ROLE_CODES:
            raise ResourceError(f"{where}: unknown role code {r['role']!r}; known: {' '.join(sorted(ROLE_CODES))}")
        word = r["word"].lower()
        out.append((word, RoleWord(r["lemma"].lower() or word, r["role"], f"{name}: {r['source']}"), where))
    return out


def read_ethnic(name: str, text: str, states: frozenset[str]) -> dict[str, EthnicGroup]:
    """Surface form (folded) -> ethnic group; a form may name one group only."""
    out: dict[str, EthnicGroup] = {}
    for where, r in read_tsv(name, text, ETHNIC):
        _need(where, r, "code", "names")
        code = r["code"]
        if len(code) != 3 or not code.isascii() or not code.isupper() or code in ROLE_CODES or code in ("IGO", "NGO", "MNC", "IMG"):
            raise ResourceError(f"{where}: ethnic code must be three capital letters and no role or body code, got {code!r}")
        home = frozenset(split_list(r["home"]))
        unknown = sorted(h for h in home if h not in states)
        if unknown:
            raise ResourceError(f"{where}: unknown home state code(s) {' '.join(unknown)}")
        group = EthnicGroup(code, home, f"{name}: {r['source']}")
        for form in split_list(r["names"]):
            key = fold(form)
            if key in out and out[key].code != code:
                raise ResourceError(f"{where}: {form!r} already names ethnic group {out[key].code}")
            out[key] = group
    return out


def read_people(name: str, text: str, states: frozenset[str]) -> list[Row]:
    rows = []
    for where, r in read_tsv(name, text, PEOPLE):
        _need(where, r, "name", "country")
        try:
            roles = parse_roles(r["roles"])
        except ValueError as exc:
            raise ResourceError(f"{where}: {exc}") from None
        code = r["country"] + "".join(roles)
        country, _ = _code(where, r["country"], states)
        start, end = _dates(where, r)
        title = f"{r['title']}; " if r["title"] else ""
        entry = KBEntry(code, country, roles, "person", r["name"], f"{name}: {title}{r['source']}", start, end)
        rows.append(Row(entry, (r["name"], *split_list(r["aliases"])), where))
    return rows


def check_conflicts(rows: list[Row]) -> None:
    """Among rows checked together (one file, or several), an undated phrase names one code only."""
    seen: dict[str, tuple[str, str]] = {}
    for row in rows:
        if row.entry.dated:
            continue
        for phrase in row.phrases:
            key = fold(phrase)
            prior = seen.setdefault(key, (row.entry.code, row.where))
            if prior[0] != row.entry.code:
                raise ResourceError(f"{row.where}: {phrase!r} is coded {row.entry.code} here but {prior[0]} at "
                                    f"{prior[1]}; keep one (or mark the ambiguity in the source note and drop it)")


def read_common_words(text: str) -> frozenset[str]:
    return frozenset(w.strip().casefold() for w in text.splitlines() if w.strip() and not w.startswith("#"))
