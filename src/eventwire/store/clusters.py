"""Event clusters: the same real-world event reported in several sentences and articles.

The rule
--------
Two coded events can belong to one cluster only when they share the *cluster key*:

* the same source actor code and the same target actor code (``---`` included), and
* the same CAMEO root (the first two digits of the CAMEO code; the PLOVER category is
  derived from the code, so events of one root share their category, except root 08,
  which PLOVER splits into CONCEDE and RETREAT).

Within a key, each event has a *day*: its event date, else its article's publication date.
Events are then grouped as follows (``w`` is the window, 1 day by default, fixed when the
store is created and kept in ``store_meta``):

1. **Placed events** (the event has a location) are grouped per place. The place identity
   is its GeoNames id, else its country plus its normalised name. The distinct days of one
   (key, place) are cut into *islands* wherever two consecutive days are more than ``w``
   days apart; each island is cut into windows of ``w + 1`` days starting at its first day.
   One window is one cluster. So every two events of a cluster are at most ``w`` days apart
   ("within ±w days"), and a string of daily reports of a recurring event (a city shelled
   every day) gives one cluster per ``w + 1`` days rather than one endless cluster.
2. **Unplaced events** join the placed cluster of their key that has a member within ``w``
   days of them, when exactly one such placed cluster exists ("same place when both have
   one": an event without a place is compatible with any place). When none or several
   exist (it would be a guess), they stay unplaced.
3. Unplaced events left over are grouped like step 1, treating "no place" as one place.
4. Events with neither event date nor publication date form one cluster per key and place.

Every step depends only on the *set* of events in the store, never on the order in which
documents arrived: ingesting the same documents in any order, in one run or in several
(after a crash), gives the same clusters. The cluster id is the MD5 of key, place and window
start, so it is stable too.

Incremental recomputation
-------------------------
Adding events can change clusters of the keys they touch (a new event can bridge two
islands, or start an island earlier and shift its windows). The write that adds them
recomputes, in the same transaction, the clusters of each touched key from a *scope day*
on: three windows before the key's earliest new day, moved back to the start of every
stored island that reaches it, until no island straddles it. Islands that end before the
scope day are more than ``w`` days from anything that changes, so their clusters (and
the attachments of unplaced events near them) stay as they are; placed clusters just
before the scope day still count as candidates for unplaced events at its start.
A cluster depends only on the (group, day) of its events, so the work runs on distinct
days; only events whose cluster changed are updated and only clusters whose members or
island changed are rewritten. Tests compare batch-by-batch ingestion in random orders
with computing everything at once.

Per cluster the store keeps GDELT-style counts: ``num_mentions`` (sum of the events'
mentions, i.e. statements of the event in the text), ``num_articles`` (distinct documents),
``num_sources`` (distinct outlets, ``documents.source``; a document without an outlet counts
as its own source), ``num_events``, ``date_first``/``date_last`` (event days),
``first_seen``/``last_seen`` (publication dates of the reports, else event dates), the
Goldstein sum, and a representative event: the earliest by (day, doc_id, event_id); the
place of the cluster is that of its earliest placed member.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.errors import StoreError
from eventwire.store.tables import Dialect, columns

if TYPE_CHECKING:
    from eventwire.store.base import Writer

def _collate(dialect: Dialect) -> str:
    # byte order for text in both backends, so representatives are the same everywhere
    return ' COLLATE "C"' if dialect == "postgres" else ""


def _anchors(source: str, window: int, carry: str = "") -> str:
    """Windows of ``window + 1`` days inside islands of days, per ``group_key``.

    ``source`` has distinct (group_key, day) rows; ``carry`` names more columns of it
    (functions of ``group_key``) to pass through, with a trailing comma.
    """
    span = window + 1
    return f"""
        SELECT group_key, {carry} day, island_start,
               island_start + CAST(FLOOR((day - island_start) / {span}.0) AS INTEGER) * {span} AS anchor
        FROM (
            SELECT *, MIN(day) OVER (PARTITION BY group_key, island) AS island_start
            FROM (
                SELECT *, SUM(CASE WHEN prev IS NULL OR day - prev > {window} THEN 1 ELSE 0 END)
                          OVER (PARTITION BY group_key ORDER BY day ROWS UNBOUNDED PRECEDING) AS island
                FROM (
                    SELECT group_key, {carry} day, LAG(day) OVER (PARTITION BY group_key ORDER BY day) AS prev
                    FROM {source}
                ) l
            ) i
        ) s"""


#: ``dkey`` of events without a day (no event or publication date)
NO_DAY = -1_000_000
#: scope of a key whose new events all lack a day: no dated day is recomputed
NO_SCOPE = 1_000_000_000


def scope_statements(window: int, staged: str) -> tuple[list[str], str]:
    """SQL that fills ``cluster_scope``: per touched key, the first day to recompute.

    Start at three windows before the key's earliest new day; then, until nothing moves,
    go back to the island start of every stored cluster of the key that reaches that day.
    Afterwards every island of the key lies wholly before the scope day or wholly after
    it, and nothing before it can change (see docs/store.md, "Incremental clustering").
    Returns the statements to run once and the one to repeat while it updates rows.
    """
    init = [
        f"""
        INSERT INTO cluster_scope (cluster_key, s)
        SELECT cluster_key, COALESCE(MIN(cluster_day) - {3 * window}, {NO_SCOPE}) FROM {staged} GROUP BY cluster_key""",
    ]
    widen = """
        UPDATE cluster_scope SET s = x.m
        FROM (
            SELECT c.cluster_key, MIN(c.island_start) AS m
            FROM event_clusters c JOIN cluster_scope sc ON sc.cluster_key = c.cluster_key
            WHERE c.island_start < sc.s AND c.date_last - DATE '1970-01-01' >= sc.s
            GROUP BY c.cluster_key
        ) x
        WHERE cluster_scope.cluster_key = x.cluster_key"""
    return init, widen


def _days(window: int, staged: str) -> str:
    """Every (group, day) in the scope of the touched keys, with its cluster.

    A cluster depends only on the (group, day) of its events, so the computation runs on
    distinct days, not on events. Keys are compared through their 63-bit hashes:
    ``cluster_key`` for (source, target, root) and ``group_key`` for (source, target,
    root, place), which for events without a place is the key's "no place" group.
    Placed clusters just before the scope (``context``) are candidates for unplaced
    days at the start of the scope, without being recomputed.
    """
    cols = "cluster_key, group_key, source, target, cameo_root, place_key, cluster_day"
    e_cols = ", ".join(f"e.{c.strip()}" for c in cols.split(","))
    return f"""
        WITH days AS MATERIALIZED (
            SELECT DISTINCT cluster_key, group_key, source, target, cameo_root, place_key, cluster_day AS day
            FROM (
                SELECT {e_cols} FROM events e JOIN cluster_scope sc ON sc.cluster_key = e.cluster_key
                WHERE e.cluster_day >= sc.s OR e.cluster_day IS NULL
                UNION ALL
                SELECT {cols} FROM {staged}
            ) e
        ),
        placed_days AS (
            SELECT DISTINCT cluster_key, group_key, place_key, day FROM days
            WHERE place_key IS NOT NULL AND day IS NOT NULL
        ),
        placed AS MATERIALIZED ({_anchors('placed_days', window, 'cluster_key, place_key,')}),
        context AS (
            SELECT DISTINCT e.cluster_key, e.place_key, e.cluster_day AS day, c.anchor_day AS anchor, c.island_start
            FROM events e
            JOIN cluster_scope sc ON sc.cluster_key = e.cluster_key
            JOIN event_clusters c ON c.cluster_id = e.cluster_id
            WHERE e.place_key IS NOT NULL AND e.cluster_day >= sc.s - {window} AND e.cluster_day < sc.s
        ),
        candidates AS (
            SELECT cluster_key, place_key, day, anchor, island_start FROM placed
            UNION ALL
            SELECT cluster_key, place_key, day, anchor, island_start FROM context
        ),
        unplaced_days AS (
            SELECT DISTINCT cluster_key, group_key, day FROM days WHERE place_key IS NULL AND day IS NOT NULL
        ),
        attached AS MATERIALIZED (
            SELECT u.group_key, u.day, MIN(p.place_key) AS c_place, MIN(p.anchor) AS anchor,
                   MIN(p.island_start) AS island_start
            FROM unplaced_days u
            JOIN candidates p ON p.cluster_key = u.cluster_key AND p.day BETWEEN u.day - {window} AND u.day + {window}
            GROUP BY u.group_key, u.day
            HAVING COUNT(DISTINCT p.place_key || ':' || CAST(p.anchor AS VARCHAR)) = 1
        ),
        rest_days AS (
            SELECT u.group_key, u.day FROM unplaced_days u
            WHERE NOT EXISTS (SELECT 1 FROM attached a WHERE a.group_key = u.group_key AND a.day = u.day)
        ),
        rest AS ({_anchors('rest_days', window)})
        SELECT d.cluster_key, d.group_key, d.source, d.target, d.cameo_root, d.place_key, d.day,
               COALESCE(d.day, {NO_DAY}) AS dkey,
               CASE WHEN d.place_key IS NOT NULL THEN d.place_key ELSE a.c_place END AS c_place,
               CASE WHEN d.place_key IS NOT NULL THEN p.anchor ELSE COALESCE(a.anchor, r.anchor) END AS anchor,
               CASE WHEN d.place_key IS NOT NULL THEN p.island_start
                    ELSE COALESCE(a.island_start, r.island_start) END AS island_start
        FROM days d
        LEFT JOIN placed p ON p.group_key = d.group_key AND p.day = d.day
        LEFT JOIN attached a ON a.group_key = d.group_key AND a.day = d.day
        LEFT JOIN rest r ON r.group_key = d.group_key AND r.day = d.day"""


def recompute_statements(dialect: Dialect, window: int, staged: str = "new_events") -> list[str]:
    """SQL that stores the staged new events and recomputes the clusters they change.

    ``staged`` is a relation with the new events' rows (``cluster_id`` empty) whose
    documents are already inserted; ``cluster_scope`` must be filled first
    (:func:`scope_statements`). Run inside the write transaction. Only old events whose
    cluster changed are updated and only clusters whose members changed are rewritten.
    """
    if window < 0:
        raise ValueError("the cluster window must be >= 0 days")
    c = _collate(dialect)
    # rounded, so that the order of summation never shows in the stored value
    gsum = "ROUND(CAST(SUM(goldstein) AS NUMERIC), 6)" if dialect == "postgres" else "ROUND(SUM(goldstein), 6)"
    cid = " || '|' || ".join(
        ["source", "target", "cameo_root", "COALESCE(c_place, '')", "COALESCE(CAST(anchor AS VARCHAR), 'undated')"]
    )
    day_cols = "cluster_key, group_key, source, target, cameo_root, place_key, day, dkey, c_place, anchor, island_start"
    event_cols = [name for name in columns("events") if name != "cluster_id"]
    n_cols = ", ".join(f"n.{name}" for name in event_cols)
    cluster_cols = ", ".join(columns("event_clusters"))
    day_join = f"d.group_key = {{e}}.group_key AND d.dkey = COALESCE({{e}}.cluster_day, {NO_DAY})"
    return [
        f"INSERT INTO cluster_days ({day_cols}, cluster_id) SELECT {day_cols}, md5({cid}) FROM ({_days(window, staged)}) x",
        # old events in the scope whose cluster is not the same any more
        f"""
        INSERT INTO cluster_moves (doc_key, event_id, old_id, new_id)
        SELECT e.doc_key, e.event_id, e.cluster_id, d.cluster_id
        FROM events e
        JOIN cluster_scope sc ON sc.cluster_key = e.cluster_key
        JOIN cluster_days d ON {day_join.format(e='e')}
        WHERE (e.cluster_day >= sc.s OR e.cluster_day IS NULL) AND e.cluster_id <> d.cluster_id""",
        f"""
        INSERT INTO events ({", ".join(event_cols)}, cluster_id)
        SELECT {n_cols}, d.cluster_id FROM {staged} n JOIN cluster_days d ON {day_join.format(e='n')}""",
        """
        UPDATE events SET cluster_id = m.new_id FROM cluster_moves m
        WHERE events.doc_key = m.doc_key AND events.event_id = m.event_id""",
        f"""
        INSERT INTO cluster_changed (cluster_id)
        SELECT d.cluster_id FROM {staged} n JOIN cluster_days d ON {day_join.format(e='n')}
        UNION SELECT old_id FROM cluster_moves
        UNION SELECT new_id FROM cluster_moves
        UNION SELECT d.cluster_id FROM cluster_days d JOIN event_clusters c ON c.cluster_id = d.cluster_id
              WHERE c.island_start IS DISTINCT FROM d.island_start""",
        "DELETE FROM event_clusters WHERE cluster_id IN (SELECT cluster_id FROM cluster_changed)",
        f"""
        INSERT INTO event_clusters ({cluster_cols})
        SELECT m.cluster_id, MIN(m.cluster_key), MIN(m.source), MIN(m.target), MIN(m.cameo_root),
            MIN(k.c_place), MIN(k.anchor), MIN(k.island_start),
            DATE '1970-01-01' + MIN(m.cluster_day), DATE '1970-01-01' + MAX(m.cluster_day),
            MIN(m.seen), MAX(m.seen), COUNT(*), SUM(m.num_mentions), COUNT(DISTINCT m.outlet),
            COUNT(DISTINCT m.doc_key), {gsum},
            MAX(CASE WHEN rn = 1 THEN m.doc_key END), MAX(CASE WHEN rn = 1 THEN m.event_id END),
            MAX(CASE WHEN prn = 1 AND m.place_key IS NOT NULL THEN m.doc_key END),
            MAX(CASE WHEN prn = 1 AND m.place_key IS NOT NULL THEN m.event_id END),
            MIN(m.ingested_at)
        FROM (
            SELECT e.cluster_id, e.cluster_key, e.source, e.target, e.cameo_root, e.place_key, e.cluster_day,
                   e.doc_key, e.event_id, e.goldstein, COALESCE(e.num_mentions, 1) AS num_mentions,
                   COALESCE(e.publication_date, e.date) AS seen,
                   COALESCE(d.source, 'doc:' || d.content_hash) AS outlet, d.ingested_at,
                   ROW_NUMBER() OVER (PARTITION BY e.cluster_id
                       ORDER BY e.cluster_day NULLS LAST, e.doc_id{c}, e.event_id{c}, e.doc_key) AS rn,
                   ROW_NUMBER() OVER (PARTITION BY e.cluster_id
                       ORDER BY CASE WHEN e.place_key IS NULL THEN 1 ELSE 0 END, e.cluster_day NULLS LAST,
                                e.doc_id{c}, e.event_id{c}, e.doc_key) AS prn
            FROM events e
            JOIN documents d ON d.doc_key = e.doc_key
            WHERE e.cluster_id IN (SELECT cluster_id FROM cluster_changed)
        ) m
        JOIN (SELECT DISTINCT cluster_id, c_place, anchor, island_start FROM cluster_days) k
          ON k.cluster_id = m.cluster_id
        GROUP BY m.cluster_id""",
    ]


SCRATCH_TABLES = ("cluster_scope", "cluster_days", "cluster_moves", "cluster_changed")


def recompute(writer: Writer, dialect: Dialect, window: int, staged: str = "new_events") -> None:
    """Insert the staged events with their clusters and update the clusters they change."""
    for table in SCRATCH_TABLES:
        writer.execute(f"DELETE FROM {table}")
    init, widen = scope_statements(window, staged)
    for statement in init:
        writer.execute(statement)
    for _ in range(10_000):  # each round moves some scope day back to an island start
        if not writer.count(widen):
            break
    else:
        raise StoreError("the cluster scope did not settle; report this as a bug")
    for statement in recompute_statements(dialect, window, staged):
        writer.execute(statement)
    for table in SCRATCH_TABLES:
        writer.execute(f"DELETE FROM {table}")
