"""User actor dictionaries: YAML, CSV/TSV, and PETRARCH/TABARI ``.actors`` files.

YAML: a list (or ``{actors: [...]}``) of ``{name, aliases?, code, start?, end?}``::

    - name: Vladimir Putin
      aliases: [Putin, V. Putin]
      code: RUSGOV
      start: 1999-12-31

CSV (or TSV): a header with ``name,code`` and optionally ``aliases`` (``;``-separated),
``start``, ``end``. Dates are ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``YYYYMMDD``.
Several rows with the same name give one actor several dated codes.

``.actors`` (PETRARCH/TABARI): an actor line names the actor (underscores for spaces,
trailing ``_``), ``+`` lines add synonyms, ``[CODE]`` groups on any of these lines or on
lines of their own give codes, optionally restricted: ``[RUSGOV >19991231]`` from that day
on, ``[RUSELI <19990809]`` before that day, ``[USAGOV 20010120-20090120]`` from the first
day up to the day before the second (as PETRARCH's date check reads them). The first code
without a restriction is the default. ``#`` and ``;`` start comments.

Every bad line raises :class:`~eventwire.errors.DictionaryError` naming ``file:line``.
"""

from __future__ import annotations

import csv
import io
import os
import re
from datetime import date
from pathlib import Path

import yaml

from eventwire.actors.codes import (
    compact_date,
    day_before,
    is_code,
    parse_partial_date,
    split_code,
)
from eventwire.actors.entries import KBEntry
from eventwire.actors.kbfiles import Row
from eventwire.errors import DictionaryError

__all__ = ["load_dictionary", "read_dictionary"]

_FIELDS = {"name", "aliases", "code", "start", "end"}
_ACTORS_SUFFIXES = (".actors", ".actors.txt")
_GROUP = re.compile(r"\[([^\[\]]*)\]")
_RESTRICTION = re.compile(r"^(?:([<>])(\d{8})|(\d{8})-(\d{8}))$")


def load_dictionary(path: str | os.PathLike[str]) -> list[KBEntry]:
    """Every code of every actor in a user dictionary (one entry per code and period)."""
    return [row.entry for row in read_dictionary(path)]


def read_dictionary(path: str | os.PathLike[str]) -> list[Row]:
    """Entries with the phrases (name and aliases/synonyms) that name them."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"cannot read actor dictionary {p}: {exc}") from None
    lower = p.name.lower()
    if lower.endswith(_ACTORS_SUFFIXES):
        return _read_actors(p.name, text)
    if lower.endswith((".yaml", ".yml")):
        return _read_yaml(p.name, text)
    if lower.endswith((".csv", ".tsv")):
        return _read_csv(p.name, text, "\t" if lower.endswith(".tsv") else ",")
    raise DictionaryError(f"{p}: unknown dictionary format; use .yaml/.yml, .csv/.tsv or .actors")


def _date(where: str, value: object, *, end: bool) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if re.fullmatch(r"\d{8}", text):
            return compact_date(text)
        return parse_partial_date(text, end=end)
    except ValueError as exc:
        raise DictionaryError(f"{where}: {exc}") from None


def _entry(where: str, name: str, code: str, start: date | None, end: date | None, source: str) -> KBEntry:
    if not name:
        raise DictionaryError(f"{where}: actor has no name")
    if not is_code(code):
        raise DictionaryError(f"{where}: {code!r} is not a CAMEO-style code (three-letter groups, e.g. RUSGOV or ---)")
    if start and end and end < start:
        raise DictionaryError(f"{where}: end {end} is before start {start}")
    country, roles = split_code(code)
    return KBEntry(code, country, roles, "user", name, source, start, end)


def _aliases(where: str, value: object) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        return tuple(a.strip() for a in value.split(";") if a.strip())
    if isinstance(value, list) and all(isinstance(a, str) for a in value):
        return tuple(a.strip() for a in value if a.strip())
    raise DictionaryError(f"{where}: aliases must be a list of strings or a ';'-separated string")


def _record(where: str, item: dict[str, object]) -> Row:
    unknown = set(item) - _FIELDS
    if unknown:
        raise DictionaryError(f"{where}: unknown field(s) {', '.join(sorted(map(str, unknown)))}; "
                              f"fields are {', '.join(sorted(_FIELDS))}")
    name = str(item.get("name") or "").strip()
    code = str(item.get("code") or "").strip()
    if not code:
        raise DictionaryError(f"{where}: actor {name!r} has no code")
    start = _date(where, item.get("start"), end=False)
    end = _date(where, item.get("end"), end=True)
    entry = _entry(where, name, code, start, end, where)
    return Row(entry, (name, *_aliases(where, item.get("aliases"))), where)


def _read_yaml(name: str, text: str) -> list[Row]:
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return []
        if isinstance(root, yaml.MappingNode):
            items = [v for k, v in root.value if k.value == "actors"]
            if len(items) != 1:
                raise DictionaryError(f"{name}:{root.start_mark.line + 1}: expected a list of actors or {{actors: [...]}}")
            root = items[0]
        if not isinstance(root, yaml.SequenceNode):
            raise DictionaryError(f"{name}:{root.start_mark.line + 1}: expected a list of actors")
        rows = []
        for node in root.value:
            where = f"{name}:{node.start_mark.line + 1}"
            item = loader.construct_object(node, deep=True)
            if not isinstance(item, dict):
                raise DictionaryError(f"{where}: each actor is a mapping with name, code, aliases, start, end")
            rows.append(_record(where, item))
        return rows
    except yaml.YAMLError as exc:
        raise DictionaryError(f"{name}: not valid YAML: {exc}") from None
    finally:
        loader.dispose()


def _read_csv(name: str, text: str, delimiter: str) -> list[Row]:
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if not {"name", "code"} <= set(header):
        raise DictionaryError(f"{name}:1: header must name the columns 'name' and 'code' "
                              f"(optional: aliases, start, end), got {header}")
    reader.fieldnames = header
    rows = []
    for item in reader:
        where = f"{name}:{reader.line_num}"
        if None in item:
            raise DictionaryError(f"{where}: more fields than header columns")
        if not any((v or "").strip() for v in item.values()):
            continue
        rows.append(_record(where, {k: (v or "").strip() for k, v in item.items()}))
    return rows


def _codes(where: str, text: str) -> list[tuple[str, date | None, date | None]]:
    """``[CODE]`` groups of one line -> (code, start, end); nothing else may stand there."""
    if _GROUP.sub("", text).strip():
        raise DictionaryError(f"{where}: unexpected text {text.strip()!r}; codes go in brackets like [RUSGOV >19991231]")
    out = []
    for group in _GROUP.findall(text):
        parts = group.split()
        if not parts or len(parts) > 2:
            raise DictionaryError(f"{where}: a code group is [CODE] or [CODE RESTRICTION], got [{group}]")
        start = end = None
        if len(parts) == 2:
            m = _RESTRICTION.match(parts[1])
            if not m:
                raise DictionaryError(f"{where}: date restriction must be >YYYYMMDD, <YYYYMMDD or "
                                      f"YYYYMMDD-YYYYMMDD, got {parts[1]!r}")
            try:
                if m.group(1) == ">":
                    start = compact_date(m.group(2))
                elif m.group(1) == "<":
                    end = day_before(compact_date(m.group(2)))
                else:
                    start, end = compact_date(m.group(3)), day_before(compact_date(m.group(4)))
            except ValueError as exc:
                raise DictionaryError(f"{where}: bad date in restriction {parts[1]!r}: {exc}") from None
        out.append((parts[0], start, end))
    return out


def _actor_name(raw: str) -> str:
    """``GEORGE_W._BUSH_`` -> ``GEORGE W. BUSH``."""
    return " ".join(raw.replace("_", " ").split())


def _display(name: str) -> str:
    """All-caps dictionary names are title-cased for display: ``George W. Bush``."""
    return name.title() if name.isupper() else name


def _variants(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """PETRARCH writes names in capitals; add the title-cased form so that names which are
    also common words ("MAY") still match as written in text ("May")."""
    out = list(phrases)
    out += [p.title() for p in phrases if p.isupper() and p.title() not in out]
    return tuple(out)


def _read_actors(name: str, text: str) -> list[Row]:
    blocks: list[tuple[str, str, list[str], list[tuple[str, str, date | None, date | None]]]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        line = re.split(r"[#;]", raw, maxsplit=1)[0].strip()
        if not line:
            continue
        if "[" in line and line.count("[") != line.count("]"):
            raise DictionaryError(f"{where}: unbalanced brackets in {line!r}")
        head, _, rest = line.partition("[")
        codes = [(where, *c) for c in _codes(where, "[" + rest)] if rest else []
        if line.startswith("["):
            if not blocks:
                raise DictionaryError(f"{where}: code line before any actor name")
            blocks[-1][3].extend(codes)
        elif line.startswith("+"):
            synonym = _actor_name(head[1:])
            if not blocks:
                raise DictionaryError(f"{where}: synonym {synonym!r} before any actor name")
            if not synonym:
                raise DictionaryError(f"{where}: empty synonym")
            blocks[-1][2].append(synonym)
            blocks[-1][3].extend(codes)
        else:
            actor = _actor_name(head)
            if not actor or not re.search(r"\w", actor):
                raise DictionaryError(f"{where}: cannot read an actor name in {line!r}")
            blocks.append((where, actor, [], codes))
    rows = []
    for where, actor, synonyms, codes in blocks:
        if not codes:
            raise DictionaryError(f"{where}: actor {actor!r} has no [CODE]")
        phrases = _variants((actor, *synonyms))
        for code_where, code, start, end in codes:
            rows.append(Row(_entry(code_where, _display(actor), code, start, end, code_where), phrases, code_where))
    return rows
