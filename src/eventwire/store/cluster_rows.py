"""Moving events to their recomputed clusters, and the rows of the changed clusters.

Part of the transaction of :func:`eventwire.store.clusters.settle`: the cluster
computation finds the cluster of each (group, day) in the scope (``cluster_days``); this
module's SQL finds the events in the scope whose cluster changed (``cluster_moves``),
moves them, and computes the new rows of the changed clusters (``cluster_changed``) from
all their events, stored and new. The counts are documented in :mod:`eventwire.store.clusters`.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventwire.store.tables import Dialect, columns

if TYPE_CHECKING:
    from eventwire.store.base import Writer

EPOCH = date(1970, 1, 1)


def collate(dialect: Dialect) -> str:
    # byte order for text in both backends, so representatives are the same everywhere
    return ' COLLATE "C"' if dialect == "postgres" else ""


def recent(low: int | None, undated: bool, day: str = "cluster_day") -> list[str]:
    """Conditions that together select every stored row a run's clustering can touch (see :func:`eventwire.store.clusters.settle`)."""
    out = [f"{day} >= {low}"] if low is not None else []
    return out + ([f"{day} IS NULL"] if undated else [])


def date_literal(day: int) -> str:
    return f"DATE '{(EPOCH + timedelta(days=day)).isoformat()}'"


#: ``dkey`` of events without a day (no event or publication date)
NO_DAY = -1_000_000

#: the columns of an event its cluster's row is computed from
MEMBER_COLUMNS = ("cluster_key", "source", "target", "cameo_root", "place_key", "cluster_day",
                  "doc_key", "doc_id", "event_id", "goldstein", "num_mentions", "publication_date", "date")
#: ... and of its document
DOC_COLUMNS = "COALESCE(doc.source, 'doc:' || doc.content_hash) AS outlet, doc.ingested_at"


def ordered(writer: Writer, dialect: Dialect, sql: str) -> None:
    """Run ``sql`` with its joins in the order written (DuckDB).

    The scratch tables, written in the same transaction, have no statistics: DuckDB
    estimates them empty, and its join ordering then builds the hash table of a join on
    the million-row side (every member, to join 100,000 documents). These statements
    are written probe side first, each join's build side the smaller one.
    """
    if dialect != "duckdb":
        writer.execute(sql)
        return
    writer.execute("SET disabled_optimizers = 'join_order'")
    try:
        writer.execute(sql)
    finally:
        writer.execute("RESET disabled_optimizers")


def moves(writer: Writer, dialect: Dialect, low: int | None, undated: bool) -> None:
    """Fill ``cluster_moves``: the events in the scope whose cluster is not the same any
    more -- the new ones (no cluster yet) and stored ones whose cluster changed -- with
    their cluster before and now.

    A (group, day) of ``cluster_days`` lies in its key's scope, so the join alone selects
    the scope; ``low`` only lets DuckDB skip older row groups. DuckDB finds the rows
    again by ``rowid``, PostgreSQL by primary key.
    """
    rid, ident = ("e.rowid", "NULL, NULL") if dialect == "duckdb" else ("CAST(NULL AS BIGINT)", "e.doc_key, e.event_id")
    moved = " UNION ALL ".join(f"""
        SELECT {rid}, {ident}, e.cluster_id, d.cluster_id
        FROM events e
        JOIN cluster_days d ON d.group_key = e.group_key AND d.dkey = {dkey}
        WHERE {scope} AND e.cluster_id IS DISTINCT FROM d.cluster_id""" for dkey, scope in _scopes(low, undated))
    writer.execute(f"INSERT INTO cluster_moves (rid, doc_key, event_id, old_id, new_id) {moved}")


def _scopes(low: int | None, undated: bool) -> list[tuple[str, str]]:
    """(day key, condition) of the events in the scope: dated ones from ``low`` on, and
    the undated ones (those of a group with new undated events share its one undated
    cluster, the stored ones already)."""
    out = [("e.cluster_day", f"e.cluster_day >= {low}")] if low is not None else []
    return out + ([(str(NO_DAY), "e.cluster_day IS NULL")] if undated else [])


def _representatives(dialect: Dialect) -> tuple[str, list[str]]:
    """Extra member columns and the aggregates that pick each cluster's representatives.

    The representative is the earliest event by (day, doc_id, event_id, doc_key), the place
    event the earliest placed one (the days of a cluster are all set or all unset). DuckDB
    picks them with ``arg_min`` in the aggregation; PostgreSQL numbers the rows by window.
    """
    if dialect == "duckdb":
        order = "(COALESCE(m.cluster_day, 0), m.doc_id, m.event_id, m.doc_key)"
        pick = f"arg_min({{'k': m.doc_key, 'e': m.event_id}}, {order})"
        placed = f"{pick} FILTER (WHERE m.place_key IS NOT NULL)"
        return "", [f"{pick}['k']", f"{pick}['e']", f"{placed}['k']", f"{placed}['e']"]
    c = collate(dialect)
    windows = f""",
                   ROW_NUMBER() OVER (PARTITION BY cluster_id
                       ORDER BY cluster_day NULLS LAST, doc_id{c}, event_id{c}, doc_key) AS rn,
                   ROW_NUMBER() OVER (PARTITION BY cluster_id
                       ORDER BY CASE WHEN place_key IS NULL THEN 1 ELSE 0 END, cluster_day NULLS LAST,
                                doc_id{c}, event_id{c}, doc_key) AS prn"""
    return windows, [
        "MAX(CASE WHEN rn = 1 THEN m.doc_key END)",
        "MAX(CASE WHEN rn = 1 THEN m.event_id END)",
        "MAX(CASE WHEN prn = 1 AND m.place_key IS NOT NULL THEN m.doc_key END)",
        "MAX(CASE WHEN prn = 1 AND m.place_key IS NOT NULL THEN m.event_id END)",
    ]


def cluster_rows(dialect: Dialect, *, low: int | None, bound: int | None, undated: bool, fresh: bool,
                 outside: bool) -> str:
    """The rows of the changed clusters, from their events (every event already moved to
    its cluster).

    The members of a changed cluster are its events in the scope, found with their
    cluster through their (group, day) row of ``cluster_days`` (by integers), and -- only
    when ``outside`` (stored events lie between the ``bound`` and their key's scope day)
    -- the stored events before the scope whose cluster changed, found by cluster id.
    When the scope held no clustered event (``fresh``: a first load, or news newer than
    everything stored), every cluster of the scope is new, hence changed.
    Most clusters of a write run have one event (a bulk load of news makes a new cluster
    for most events): their rows are a projection of that event, and only the others are
    aggregated -- with the same values, as the tests check against computing at once.
    """
    pg = dialect == "postgres"
    cols = ", ".join(f"e.{name}" for name in MEMBER_COLUMNS)
    changed = "cluster_id IN (SELECT cluster_id FROM cluster_changed)"
    parts = [f"""
            SELECT d.cluster_id, {cols}, {DOC_COLUMNS}, d.c_place, d.anchor, d.island_start FROM events e
            JOIN documents doc ON doc.doc_key = e.doc_key
            JOIN cluster_days d ON d.group_key = e.group_key AND d.dkey = {dkey}
            WHERE {scope}{"" if fresh else f" AND d.{changed}"}""" for dkey, scope in _scopes(low, undated)]
    k = ""
    if outside and bound is not None:
        k = """
        k AS (
            SELECT DISTINCT cluster_id, c_place, anchor, island_start FROM cluster_days
            UNION ALL
            SELECT cluster_id, c_place, anchor, island_start FROM cluster_keep
        ),"""
        parts.append(f"""
            SELECT e.cluster_id, {cols}, {DOC_COLUMNS}, k.c_place, k.anchor, k.island_start FROM events e
            JOIN documents doc ON doc.doc_key = e.doc_key
            JOIN cluster_scope sc ON sc.cluster_key = e.cluster_key
            JOIN k ON k.cluster_id = e.cluster_id
            WHERE e.cluster_day >= {bound} AND e.cluster_day < sc.s AND e.{changed}""")
    windows, reps = _representatives(dialect)
    # rounded, so that the order of summation never shows in the stored value
    one_g = "ROUND(CAST(m.goldstein AS NUMERIC), 6)" if pg else "ROUND(m.goldstein, 6)"
    sum_g = "ROUND(CAST(SUM(m.goldstein) AS NUMERIC), 6)" if pg else "ROUND(SUM(m.goldstein), 6)"
    placed = "CASE WHEN m.place_key IS NOT NULL THEN m.{} END"
    return f"""
        INSERT INTO event_clusters ({", ".join(columns("event_clusters"))})
        WITH{k}
        u AS MATERIALIZED ({" UNION ALL ".join(parts)}),
        sizes AS MATERIALIZED (SELECT cluster_id, COUNT(*) AS n FROM u GROUP BY cluster_id)
        SELECT m.cluster_id, m.cluster_key, m.source, m.target, m.cameo_root, m.c_place, m.anchor, m.island_start,
            DATE '1970-01-01' + m.cluster_day, DATE '1970-01-01' + m.cluster_day,
            COALESCE(m.publication_date, m.date), COALESCE(m.publication_date, m.date), 1,
            COALESCE(m.num_mentions, 1), 1, 1, {one_g}, m.doc_key, m.event_id,
            {placed.format("doc_key")}, {placed.format("event_id")}, m.ingested_at
        FROM u m
        JOIN sizes z ON z.cluster_id = m.cluster_id AND z.n = 1
        UNION ALL
        SELECT m.cluster_id, MIN(m.cluster_key), MIN(m.source), MIN(m.target), MIN(m.cameo_root),
            MIN(m.c_place), MIN(m.anchor), MIN(m.island_start),
            DATE '1970-01-01' + MIN(m.cluster_day), DATE '1970-01-01' + MAX(m.cluster_day),
            MIN(COALESCE(m.publication_date, m.date)), MAX(COALESCE(m.publication_date, m.date)), COUNT(*),
            SUM(COALESCE(m.num_mentions, 1)), COUNT(DISTINCT m.outlet), COUNT(DISTINCT m.doc_key), {sum_g},
            {", ".join(reps)}, MIN(m.ingested_at)
        FROM (SELECT *{windows} FROM u WHERE cluster_id IN (SELECT cluster_id FROM sizes WHERE n > 1)) m
        GROUP BY m.cluster_id"""


def move_events(writer: Writer, dialect: Dialect, low: int | None, undated: bool) -> None:
    """Give the events in ``cluster_moves`` their (new) cluster, in place.

    DuckDB finds them by ``rowid`` (valid within the transaction), PostgreSQL by primary
    key. Most moves of a write run are its own new events, whose rows were appended by
    this run with no cluster: their ``cluster_id`` column is written once more at the
    next checkpoint (an UPDATE makes DuckDB rewrite the column of each row group it
    touched). The scans are bounded like every other one (:func:`eventwire.store.clusters.settle`).
    """
    if dialect == "postgres":
        writer.execute("""
            UPDATE events e SET cluster_id = m.new_id FROM cluster_moves m
            WHERE e.doc_key = m.doc_key AND e.event_id = m.event_id""")
        return
    for cond in recent(low, undated):
        writer.execute(f"""
            UPDATE events SET cluster_id = m.new_id FROM cluster_moves m
            WHERE events.rowid = m.rid AND events.{cond}""")
