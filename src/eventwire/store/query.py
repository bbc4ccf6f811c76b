"""Reading the store: filtered events as flat records, and aggregate statistics.

``query(store, filters)`` yields the stable flat record of :mod:`eventwire.schema` (the
same dictionary ``event_to_dict`` gives), in (date, doc_id, sentence, event_id) order.
``stats(store, by=..., filters=...)`` counts events, clusters and mentions and sums the
Goldstein scale per day, dyad, PLOVER category or CAMEO root. Both read one SQL statement,
so they see a consistent state even while an ingest is writing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

from eventwire.schema import EVENT_FIELDS
from eventwire.store.base import Store
from eventwire.store.tables import JSON_FIELDS

Role = Literal["any", "source", "target"]
StatsBy = Literal["day", "dyad", "category", "root"]


@dataclass(frozen=True, slots=True)
class Filters:
    """Which events to read. Every filter given must hold; codes match by prefix."""

    actor: str | None = None  # actor code prefix, e.g. "RUS" or "RUSGOV", on the side(s) of ``role``
    country: str | None = None  # actor country code prefix, on the side(s) of ``role``
    role: Role = "any"
    source: str | None = None  # source actor code prefix (dyads: give source and target)
    target: str | None = None  # target actor code prefix
    cameo: str | None = None  # CAMEO code or root prefix: "19", "190", "1831"
    plover: str | None = None  # PLOVER category, e.g. "ASSAULT" (case-insensitive)
    date_from: date | None = None  # event date, inclusive
    date_to: date | None = None  # event date, inclusive
    place: str | None = None  # place name (case-insensitive, part of it) or ISO3/FIPS country code
    text: str | None = None  # words that must all occur in the evidence sentence
    doc_source: str | None = None  # the outlet (exact, case-insensitive)
    doc_id: str | None = None  # one document
    limit: int | None = None


def _like(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped


def where(filters: Filters) -> tuple[str, list[object]]:
    """The SQL condition (with ``?`` placeholders) and parameters for ``filters``."""
    parts: list[str] = []
    params: list[object] = []

    def sided(column: str, value: str) -> None:
        sides = {"any": ("source", "target"), "source": ("source",), "target": ("target",)}[filters.role]
        cond = [f"{side}{column} LIKE ? ESCAPE '\\'" for side in sides]
        parts.append("(" + " OR ".join(cond) + ")")
        params.extend([_like(value.upper()) + "%"] * len(sides))

    if filters.actor:
        sided("", filters.actor)
    if filters.country:
        sided("_country", filters.country)
    for column, value in (("source", filters.source), ("target", filters.target), ("cameo", filters.cameo)):
        if value:
            parts.append(f"{column} LIKE ? ESCAPE '\\'")
            params.append(_like(value.upper() if column != "cameo" else value) + "%")
    if filters.plover:
        parts.append("plover = ?")
        params.append(filters.plover.upper())
    if filters.date_from:
        parts.append("date >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        parts.append("date <= ?")
        params.append(filters.date_to)
    if filters.place:
        parts.append(
            "(LOWER(location->>'name') LIKE ? ESCAPE '\\' OR UPPER(location->>'country') = ? "
            "OR UPPER(location->>'fips') = ?)"
        )
        params.extend(["%" + _like(filters.place.lower()) + "%", filters.place.upper(), filters.place.upper()])
    if filters.text:
        for word in filters.text.lower().split():
            parts.append("LOWER(sentence) LIKE ? ESCAPE '\\'")
            params.append("%" + _like(word) + "%")
    if filters.doc_source:
        parts.append("LOWER(doc_source) = ?")
        params.append(filters.doc_source.lower())
    if filters.doc_id:
        parts.append("doc_id = ?")
        params.append(filters.doc_id)
    return (" AND ".join(parts) or "TRUE"), params


_TEXT_ORDER = {"doc_id", "event_id", "source", "target", "plover", "cameo_root"}


def _order(store: Store, *cols: str) -> str:
    """ORDER BY terms that sort the same on both backends (byte order for text, NULLs last)."""
    collate = ' COLLATE "C"' if store.dialect == "postgres" else ""
    return ", ".join(f"{c}{collate} NULLS LAST" if c in _TEXT_ORDER else f"{c} NULLS LAST" for c in cols)


def flat_record(row: dict[str, object]) -> dict[str, object]:
    """A stored row back into the flat record (JSON parsed, dates as ISO strings)."""
    out: dict[str, object] = {}
    for name in EVENT_FIELDS:
        value = row[name]
        if name in JSON_FIELDS and isinstance(value, str):
            value = json.loads(value)
        elif isinstance(value, date):
            value = value.isoformat()
        out[name] = value
    return out


#: columns ``query(..., clusters=True)`` adds after the flat record.
CLUSTER_FIELDS: tuple[str, ...] = ("cluster_id", "cluster_events", "cluster_mentions", "cluster_sources", "cluster_articles")


def query(store: Store, filters: Filters | None = None, *, clusters: bool = False) -> Iterator[dict[str, object]]:
    """Events matching ``filters`` as flat records (see :mod:`eventwire.schema`).

    With ``clusters``, each record also names its event cluster and the cluster's counts
    (:data:`CLUSTER_FIELDS`).
    """
    filters = filters or Filters()
    cond, params = where(filters)
    select = ", ".join(f"e.{name}" for name in EVENT_FIELDS)
    join = ""
    if clusters:
        select += (", e.cluster_id, c.num_events AS cluster_events, c.num_mentions AS cluster_mentions, "
                   "c.num_sources AS cluster_sources, c.num_articles AS cluster_articles")
        join = " LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id"
    order = _order(store, "date", "doc_id", "sentence_index", "event_id", "doc_key")
    sql = f"SELECT {select} FROM (SELECT * FROM events WHERE {cond} ORDER BY {order}"
    if filters.limit is not None:
        sql += f" LIMIT {int(filters.limit)}"
    sql += f") e{join} ORDER BY {order}"
    for row in store.read(sql, params):
        record = flat_record(row)
        if clusters:
            record.update({name: row[name] for name in CLUSTER_FIELDS})
        yield record


_GROUPS: dict[str, tuple[str, ...]] = {
    "day": ("date",),
    "dyad": ("source", "target"),
    "category": ("plover",),
    "root": ("cameo_root",),
}


def stats(store: Store, *, by: StatsBy = "day", filters: Filters | None = None) -> list[dict[str, object]]:
    """Events, clusters, mentions and the Goldstein sum per day, dyad, category or root.

    Days come in date order; dyads, categories and roots by descending event count.
    ``filters.limit`` caps the number of groups.
    """
    if by not in _GROUPS:
        raise ValueError(f"stats by {by!r}: choose one of {', '.join(_GROUPS)}")
    filters = filters or Filters()
    cond, params = where(filters)
    keys = _GROUPS[by]
    group = ", ".join(keys)
    order = _order(store, "date") if by == "day" else f"events DESC, {_order(store, *keys)}"
    sql = (
        f"SELECT {group}, COUNT(*) AS events, COUNT(DISTINCT cluster_id) AS clusters, "
        f"SUM(num_mentions) AS mentions, SUM(goldstein) AS goldstein "
        f"FROM events WHERE {cond} GROUP BY {group} ORDER BY {order}"
    )
    if filters.limit is not None:
        sql += f" LIMIT {int(filters.limit)}"
    out = []
    for row in store.read(sql, params):
        item: dict[str, object] = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}
        item["goldstein"] = round(float(item["goldstein"] or 0.0), 3)  # type: ignore[arg-type]
        for name in ("events", "clusters", "mentions"):
            item[name] = int(item[name] or 0)  # type: ignore[call-overload]
        out.append(item)
    return out


def summary(store: Store) -> dict[str, int]:
    """Row counts of the store's tables."""
    return store.counts()
