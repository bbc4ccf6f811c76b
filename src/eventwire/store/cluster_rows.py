"""The rows of changed event clusters, and moving stored events to another cluster.

Part of the transaction of :func:`eventwire.store.clusters.settle`: the
cluster computation finds each event's cluster (``cluster_days``) and the stored
clusters that change (``cluster_changed``); this module's SQL moves the stored events
whose cluster changed and computes the new rows of the changed clusters from all their
events, stored and new. The counts are documented in :mod:`eventwire.store.clusters`.
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


#: the columns of an event its cluster's row is computed from
MEMBER_COLUMNS = ("cluster_id", "cluster_key", "source", "target", "cameo_root", "place_key", "cluster_day",
                  "doc_key", "doc_id", "event_id", "goldstein", "num_mentions", "publication_date", "date")


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


def cluster_rows(dialect: Dialect, bound: int | None, undated: bool) -> str:
    """The rows of the changed clusters, from their events (every event already moved to
    its cluster).

    Most clusters of a write run have one event (a bulk load of news makes a new cluster
    for most events): their rows are a projection of that event, and only the others are
    aggregated -- with the same values, as the tests check against computing at once.
    """
    pg = dialect == "postgres"
    cols = ", ".join(f"e.{name}" for name in MEMBER_COLUMNS)
    docs = "COALESCE(d.source, 'doc:' || d.content_hash) AS outlet, d.ingested_at"
    parts = [
        f"SELECT {cols}, {docs}, k.c_place, k.anchor, k.island_start FROM events e "
        "JOIN documents d ON d.doc_key = e.doc_key LEFT JOIN k ON k.cluster_id = e.cluster_id "
        f"WHERE e.{cond} AND e.cluster_id IN (SELECT cluster_id FROM cluster_changed)"
        for cond in recent(bound, undated)
    ]
    windows, reps = _representatives(dialect)
    # rounded, so that the order of summation never shows in the stored value
    one_g = "ROUND(CAST(m.goldstein AS NUMERIC), 6)" if pg else "ROUND(m.goldstein, 6)"
    sum_g = "ROUND(CAST(SUM(m.goldstein) AS NUMERIC), 6)" if pg else "ROUND(SUM(m.goldstein), 6)"
    placed = "CASE WHEN m.place_key IS NOT NULL THEN m.{} END"
    return f"""
        INSERT INTO event_clusters ({", ".join(columns("event_clusters"))})
        WITH k AS (
            SELECT DISTINCT cluster_id, c_place, anchor, island_start FROM cluster_days
            UNION ALL
            SELECT cluster_id, c_place, anchor, island_start FROM cluster_keep
        ),
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
