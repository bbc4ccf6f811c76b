"""CAMEO-style actor codes and the partial dates used by the actor knowledge base.

An actor code is a three-letter primary code (a state, ``IGO``/``NGO``/``IMG``/``MNC``, or
``---`` for an unidentified actor) followed by zero or more three-letter codes: role
(sector) codes from ontology.md, and for organisations a suffix naming the body
(``IGOUNO``, ``IGOEUREEC``, ``IGOUNOMIL``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

#: role (sector) codes of ontology.md
ROLE_CODES = frozenset(
    ["GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "ELI", "REB", "INS", "SEP", "UAF", "SPY", "CVL", "MED", "BUS", "EDU", "REL", "LAB", "REF", "HLH", "HRI", "CRM", "AGR", "ENV"]
)
#: primary codes that name no state: the actor's ``country`` is then None
NON_STATE_PRIMARIES = frozenset({"IGO", "NGO", "IMG", "MNC", "---"})

_CODE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Za-z]{3})*$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def is_code(code: str) -> bool:
    """True for a well-formed CAMEO-style code (triplets of letters, primary may be ``---``)."""
    return bool(_CODE.match(code))


def split_code(code: str) -> tuple[str | None, tuple[str, ...]]:
    """``"RUSGOV"`` -> ``("RUS", ("GOV",))``; ``"IGOUNOMIL"`` -> ``(None, ("MIL",))``.

    The country is the primary code unless it names no state; the roles are the later
    triplets that are ontology role codes (body suffixes such as ``UNO`` are skipped).
    """
    if not is_code(code):
        raise ValueError(f"not a CAMEO-style actor code: {code!r}")
    primary = code[:3]
    country = None if primary in NON_STATE_PRIMARIES else primary
    roles = tuple(t for t in (code[i : i + 3] for i in range(3, len(code), 3)) if t in ROLE_CODES)
    return country, roles


def parse_roles(text: str) -> tuple[str, ...]:
    """``"GOV"``, ``"GOV;MIL"``, ``"GOV, MIL"`` or ``"GOVMIL"`` -> ``("GOV", "MIL")``."""
    roles: list[str] = []
    for part in re.split(r"[;,\s]+", text.strip()):
        if not part:
            continue
        if len(part) % 3 or not part.isalpha():
            raise ValueError(f"role codes are three letters each, got {part!r}")
        for i in range(0, len(part), 3):
            role = part[i : i + 3].upper()
            if role not in ROLE_CODES:
                raise ValueError(f"unknown role code {role!r}; known: {' '.join(sorted(ROLE_CODES))}")
            roles.append(role)
    return tuple(roles)


def parse_partial_date(text: str, *, end: bool = False) -> date | None:
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; empty -> None.

    A partial start is the first day of its period, a partial end (``end=True``) the last.
    """
    text = text.strip()
    if not text:
        return None
    m = _DATE.match(text)
    if not m:
        raise ValueError(f"dates are YYYY-MM-DD, YYYY-MM or YYYY, got {text!r}")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    if month is None:
        return date(year, 12, 31) if end else date(year, 1, 1)
    mon = int(month)
    if day is None:
        return date(year, mon, calendar.monthrange(year, mon)[1]) if end else date(year, mon, 1)
    return date(year, mon, int(day))


def compact_date(text: str) -> date:
    """PETRARCH's ``YYYYMMDD``."""
    if not re.fullmatch(r"\d{8}", text):
        raise ValueError(f"dates in .actors restrictions are YYYYMMDD, got {text!r}")
    return date(int(text[:4]), int(text[4:6]), int(text[6:]))


def day_before(d: date) -> date:
    return d - timedelta(days=1)


def covers(start: date | None, end: date | None, on: date) -> bool:
    """True when ``on`` lies in the closed interval [start, end] (None = open)."""
    return (start is None or start <= on) and (end is None or on <= end)
