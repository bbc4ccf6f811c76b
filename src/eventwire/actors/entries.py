"""The records of the actor knowledge base (re-exported by :mod:`eventwire.actors.knowledge`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

EntryKind = Literal["state", "igo", "ngo", "group", "person", "role", "metonym", "user"]


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One actor the knowledge base knows, possibly for a bounded period."""

    code: str  # full CAMEO-style code, e.g. "RUS", "RUSGOV", "IGOUNO", "PSEREB"
    country: str | None  # ISO3 / CAMEO country code, or None for IGOs/NGOs
    roles: tuple[str, ...]  # role codes, e.g. ("GOV",)
    kind: EntryKind
    name: str  # canonical name
    source: str  # data file and its source note
    start: date | None = None  # first day of the period the code holds (persons: in office from)
    end: date | None = None  # last day (None = still holds / open)

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class RoleWord:
    """A word naming a role/sector: "minister" -> GOV, "troops" -> MIL."""

    lemma: str
    role: str
    source: str


@dataclass(frozen=True, slots=True)
class EthnicGroup:
    """A people with its CAMEO-style ethnic code: "Kurds" -> KUR; ``home`` are the states
    whose titular nation it is (the suffix is left out there: "Serb forces" is SRBMIL)."""

    code: str
    home: frozenset[str]
    source: str
