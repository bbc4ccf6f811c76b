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


Once per write run
------------------
Events are stored batch by batch, each batch in its own transaction, *without* a
cluster (``cluster_id`` NULL); the same transaction lists their keys in
``pending_cluster_keys`` with the earliest new day of each. The clusters are computed
once, at the end of the write run, for every pending key, in one transaction that also
empties the list (:func:`settle`). Between a batch's commit and the end of its run a
reader of the raw tables therefore sees the batch's events present and their clusters
pending (NULL ``cluster_id``, not counted in any ``event_clusters`` row); eventwire's own
reads (``store.read``, so ``query``, ``stats``, ``export``) finish the pending clustering
first and never see that state. A run killed before its clustering committed leaves the
keys pending for the next run or read, which computes exactly what the run would have.

Incremental recomputation
-------------------------
Adding events can change clusters of the keys they touch: a new day can bridge two
islands, start an island earlier and shift its windows, or give an unplaced day a placed
neighbour. None of that reaches back before the key's earliest new day ``n`` by more than
``w`` days: an island's start, hence the windows of a day, depends only on the days up to
it; an unplaced day's attachment only on placed days within ``w`` of it. So the end of a
run recomputes each pending key from its *scope day* ``s = n - 3w`` on, taking from the
stored clusters what the days in ``[s - w, s)`` contribute: the island start each of
their islands carries into the scope (*seeds*) and their placed clusters as candidates
for unplaced days at the start of the scope (*context*). Events before ``s`` keep their
clusters. A cluster depends only on the (group, day) of its events, so the work runs on
distinct days; only events whose cluster changed (new ones included) are updated and
only clusters whose members or island changed are rewritten.

News arrives roughly in date order, so scopes are recent days. Every scan of stored rows
is bounded below by the earliest scope day of the run (a constant in the SQL), which
lets DuckDB skip the row groups of older days by their min/max statistics: a run costs
in proportion to the days it touches, not to the size of the store. The members of a
cluster lie within ``[anchor - w, anchor + 2w]``, which gives the bound for the cluster
rows and their events (:func:`settle`). Tests compare batch-by-batch ingestion in
several orders and windows with computing everything at once, and with a plain-Python
version of the rule.

How the transaction runs (each choice measured on the benchmark's million events): the
(group, day) computation is on integers, the texts that go into the MD5 id looked up
once per group (``names``); each event in the scope finds its cluster through its
(group, day) row, by integers, for the move and for the cluster rows; the stored
clusters are compared with the new ones, kept or deleted only when some stored cluster
ends at the bound or later (none in a first load); when the scope held no clustered
event (``fresh``: a first load, or news newer than everything stored) every cluster
found is new, and the changed-cluster filter is skipped. DuckDB runs the two statements
that join events, documents and scratch tables in the written join order
(:func:`~eventwire.store.cluster_rows.ordered`): the scratch tables have no statistics
inside the transaction, and its optimiser built hash tables on the million-row side.

Per cluster the store keeps GDELT-style counts: ``num_mentions`` (sum of the events'
mentions, i.e. statements of the event in the text), ``num_articles`` (distinct documents),
``num_sources`` (distinct outlets, ``documents.source``; a document without an outlet counts
as its own source), ``num_events``, ``date_first``/``date_last`` (event days),
``first_seen``/``last_seen`` (publication dates of the reports, else event dates), the
Goldstein sum, and a representative event: the earliest by (day, doc_id, event_id); the
place of the cluster is that of its earliest placed member.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc

from eventwire.errors import StoreError
from eventwire.store.cluster_rows import (
    EPOCH,
    NO_DAY,
    cluster_rows,
    date_literal,
    move_events,
    moves,
    ordered,
    recent,
)
from eventwire.store.tables import Dialect

if TYPE_CHECKING:
    from eventwire.store.base import Writer

#: scope of a key whose pending events all lack a day: no dated day is recomputed
NO_SCOPE = 1_000_000_000

SCRATCH_TABLES = ("cluster_scope", "cluster_edge", "cluster_days", "cluster_moves", "cluster_changed", "cluster_keep")


def _anchors(source: str, window: int, carry: str = "") -> str:
    """Windows of ``window + 1`` days inside islands of days, per ``group_key``.

    ``source`` has distinct (group_key, day) rows and a column ``start0``: NULL for the
    days to compute, the stored island start for *seeds* (stored days just before the
    scope, which carry their island into it; they are not returned). ``carry`` names more
    columns of ``source`` (functions of ``group_key``) to pass through, with a trailing comma.
    """
    span = window + 1
    # an island starts where the gap to the previous day exceeds the window; its start is
    # the running maximum of those start days (they only grow), or a seed's stored start
    return f"""
        SELECT group_key, {carry} day, island_start,
               island_start + CAST(FLOOR((day - island_start) / {span}.0) AS INTEGER) * {span} AS anchor
        FROM (
            SELECT *, MAX(CASE WHEN prev IS NULL OR day - prev > {window} THEN COALESCE(start0, day) END)
                      OVER (PARTITION BY group_key ORDER BY day ROWS UNBOUNDED PRECEDING) AS island_start
            FROM (
                SELECT group_key, {carry} day, start0,
                       LAG(day) OVER (PARTITION BY group_key ORDER BY day) AS prev
                FROM {source}
            ) l
        ) s
        WHERE start0 IS NULL"""


def _edge(window: int, low: int) -> str:
    """Stored days in ``[s - w, s)`` of each touched key, with their clusters' place and island.

    Placed rows are seeds of their group and context for unplaced days; unplaced rows
    whose cluster has no place (not attached) are seeds of the key's unplaced islands.
    """
    first = (EPOCH + timedelta(days=low - window)).isoformat()
    return f"""
        INSERT INTO cluster_edge (cluster_key, group_key, place_key, day, c_place, anchor, island_start)
        SELECT DISTINCT e.cluster_key, e.group_key, e.place_key, e.cluster_day, c.place_key, c.anchor_day, c.island_start
        FROM events e
        JOIN cluster_scope sc ON sc.cluster_key = e.cluster_key
        JOIN event_clusters c ON c.cluster_id = e.cluster_id
        WHERE e.cluster_day >= {low - window} AND c.date_last >= DATE '{first}'
          AND e.cluster_day >= sc.s - {window} AND e.cluster_day < sc.s"""


def _days(window: int, low: int | None, undated: bool, dialect: Dialect) -> str:
    """Every (group, day) in the scope of the touched keys, with its cluster's place,
    window and island, and the key's texts (for the cluster id).

    Keys are compared through their 63-bit hashes: ``cluster_key`` for (source, target,
    root) and ``group_key`` for (source, target, root, place), which for events without a
    place is the key's "no place" group. ``low`` is the earliest scope day (None: the
    pending events have no day, and no dated day is recomputed); with ``undated``, the
    undated events not clustered yet are added (their clusters depend on nothing else).

    The computation runs on integers alone: the texts are functions of ``group_key``,
    looked up per group at the end (``names``), and each (group, day)
    is found by exactly one of the placed, attached, unattached and undated parts.
    """
    # any value will do, the texts being the same for one group_key (PostgreSQL 15 has no any_value)
    pick = "any_value" if dialect == "duckdb" else "MIN"
    parts, named = [], []
    if low is not None:
        scoped = "FROM events e JOIN cluster_scope sc ON sc.cluster_key = e.cluster_key " \
                 f"WHERE e.cluster_day >= {low} AND e.cluster_day >= sc.s"
        parts.append(f"SELECT e.cluster_key, e.group_key, e.place_key IS NOT NULL AS placed, e.cluster_day {scoped}")
        named.append(f"SELECT e.group_key, e.source, e.target, e.cameo_root, e.place_key {scoped}")
    if undated:
        pending = "FROM events WHERE cluster_day IS NULL AND cluster_id IS NULL"
        parts.append(f"SELECT cluster_key, group_key, place_key IS NOT NULL AS placed, cluster_day {pending}")
        named.append(f"SELECT group_key, source, target, cameo_root, place_key {pending}")
    return f"""
        WITH days AS MATERIALIZED (
            SELECT cluster_key, group_key, placed, cluster_day AS day
            FROM ({" UNION ALL ".join(parts)}) e
            GROUP BY cluster_key, group_key, placed, cluster_day
        ),
        names AS MATERIALIZED (
            SELECT group_key, {pick}(source) AS source, {pick}(target) AS target, {pick}(cameo_root) AS cameo_root,
                   {pick}(place_key) AS place_key
            FROM ({" UNION ALL ".join(named)}) e
            GROUP BY group_key
        ),
        placed_days AS (
            SELECT cluster_key, group_key, day, CAST(NULL AS INTEGER) AS start0 FROM days
            WHERE placed AND day IS NOT NULL
            UNION ALL
            SELECT cluster_key, group_key, day, island_start FROM cluster_edge WHERE place_key IS NOT NULL
        ),
        placed AS MATERIALIZED ({_anchors('placed_days', window, 'cluster_key,')}),
        candidates AS (
            SELECT cluster_key, group_key, day, anchor, island_start FROM placed
            UNION ALL
            SELECT cluster_key, group_key, day, anchor, island_start FROM cluster_edge
            WHERE place_key IS NOT NULL
        ),
        unplaced_days AS (
            SELECT cluster_key, group_key, day FROM days WHERE NOT placed AND day IS NOT NULL
        ),
        -- each unplaced day looks up its 2w + 1 neighbour days by equality: a range
        -- condition would pair it with every placed day of its key first
        near_days AS MATERIALIZED (
            SELECT u.cluster_key, u.group_key, u.day, u.day + g.delta AS near
            FROM unplaced_days u CROSS JOIN (VALUES {", ".join(f"({d})" for d in range(-window, window + 1))}) AS g(delta)
        ),
        attached AS MATERIALIZED (
            SELECT u.group_key, u.day, MIN(p.group_key) AS c_group, MIN(p.anchor) AS anchor,
                   MIN(p.island_start) AS island_start
            FROM near_days u
            JOIN candidates p ON p.cluster_key = u.cluster_key AND p.day = u.near
            GROUP BY u.group_key, u.day
            -- exactly one candidate (place, window); within a key, one place is one group_key
            HAVING MIN(p.group_key) = MAX(p.group_key) AND MIN(p.anchor) = MAX(p.anchor)
        ),
        rest_days AS (
            SELECT u.group_key, u.day, CAST(NULL AS INTEGER) AS start0 FROM unplaced_days u
            WHERE NOT EXISTS (SELECT 1 FROM attached a WHERE a.group_key = u.group_key AND a.day = u.day)
            UNION ALL
            SELECT group_key, day, island_start FROM cluster_edge WHERE place_key IS NULL AND c_place IS NULL
        ),
        rest AS ({_anchors('rest_days', window)}),
        -- the place of an attached day's cluster: its placed group's, in the scope or the edge
        attached_places AS (
            SELECT a.group_key, a.day, COALESCE(n.place_key, ed.place_key) AS c_place, a.anchor, a.island_start
            FROM attached a
            LEFT JOIN names n ON n.group_key = a.c_group
            LEFT JOIN (SELECT DISTINCT group_key, place_key FROM cluster_edge WHERE place_key IS NOT NULL) ed
                 ON ed.group_key = a.c_group
        ),
        -- own: the cluster has the day's own place (placed days); else c_place (NULL: none)
        found AS (
            SELECT group_key, day AS dkey, TRUE AS own, CAST(NULL AS VARCHAR) AS c_place, anchor, island_start
            FROM placed
            UNION ALL
            SELECT group_key, day, FALSE, c_place, anchor, island_start FROM attached_places
            UNION ALL
            SELECT group_key, day, FALSE, NULL, anchor, island_start FROM rest
            UNION ALL
            SELECT group_key, {NO_DAY}, placed, NULL, CAST(NULL AS INTEGER), CAST(NULL AS INTEGER)
            FROM days WHERE day IS NULL
        )
        SELECT f.group_key, f.dkey, CASE WHEN f.own THEN n.place_key ELSE f.c_place END AS c_place, f.anchor,
               f.island_start, n.source, n.target, n.cameo_root
        FROM found f
        JOIN names n ON n.group_key = f.group_key"""


def pending_rows(events: pa.Table) -> pa.Table:
    """The ``pending_cluster_keys`` rows of new events: per key, its earliest day and
    whether some of its events have no day."""
    grouped = events.group_by("cluster_key").aggregate(
        [("cluster_day", "min"), ("cluster_day", "count", pc.CountOptions(mode="only_null"))]
    )
    return pa.table({
        "cluster_key": grouped.column("cluster_key"),
        "first_day": grouped.column("cluster_day_min"),
        "undated": pc.greater(grouped.column("cluster_day_count"), 0),
    })


def settle(writer: Writer, dialect: Dialect, window: int) -> int:
    """Cluster the stored events that have no cluster yet and rewrite the clusters they
    change, for every key in ``pending_cluster_keys``; return the number of those keys.

    Runs inside one write transaction, which the caller ends by emptying
    ``pending_cluster_keys``. The events of a pending key without a cluster all lie at or
    after its ``first_day`` (or are undated), so the scope ``s = first_day - 3w`` of the
    key holds them all.

    Bounds: with ``low`` the earliest scope day, every stored event the computation reads
    or moves has a day ``>= low`` (the scope) or ``>= low - w`` (seeds and context), and
    every member of a changed cluster a day ``>= low - 3w``: a changed cluster has a
    member at a day ``d >= low`` in a window with ``anchor >= d - 2w``, and members lie
    within ``[anchor - w, anchor + 2w]``. Undated events are read only when some pending
    ones are undated: their clusters never depend on other days.
    """
    if window < 0:
        raise ValueError("the cluster window must be >= 0 days")
    for table in SCRATCH_TABLES:
        writer.execute(f"DELETE FROM {table}")
    keys = writer.count(f"""
        INSERT INTO cluster_scope (cluster_key, s)
        SELECT cluster_key, COALESCE(MIN(first_day) - {3 * window}, {NO_SCOPE})
        FROM pending_cluster_keys GROUP BY cluster_key""")
    if not keys:
        return 0
    row = writer.fetch(f"""
        SELECT (SELECT MIN(s) FROM cluster_scope WHERE s < {NO_SCOPE}),
               (SELECT COUNT(*) FROM pending_cluster_keys WHERE undated)""")
    low = None if row[0][0] is None else int(row[0][0])  # type: ignore[call-overload]
    undated = bool(row[0][1])
    bound = None if low is None else low - 3 * window
    if low is not None and window > 0:
        writer.execute(_edge(window, low))
    # one concat_ws rather than a chain of || (each of which builds a string); a key part
    # that is NULL still leaves the id NULL, which the write reports as an error
    cid = (
        "CASE WHEN source IS NOT NULL AND target IS NOT NULL AND cameo_root IS NOT NULL THEN md5(concat_ws('|', "
        "source, target, cameo_root, COALESCE(c_place, ''), COALESCE(CAST(anchor AS VARCHAR), 'undated'))) END"
    )
    day_cols = "group_key, dkey, c_place, anchor, island_start"
    writer.execute(
        f"INSERT INTO cluster_days ({day_cols}, cluster_id) SELECT {day_cols}, {cid} FROM ({_days(window, low, undated, dialect)}) x"
    )
    if writer.fetch("SELECT 1 FROM cluster_days WHERE cluster_id IS NULL LIMIT 1"):
        raise StoreError("internal error: the cluster computation left events without a cluster; report this bug")
    # did the scope hold clustered events? if not (a first load, or news newer than
    # everything stored), every cluster of the scope is new
    clustered = recent(low, undated)
    fresh = not writer.fetch(
        f"SELECT 1 FROM events WHERE ({' OR '.join(clustered)}) AND cluster_id IS NOT NULL LIMIT 1"
    )
    # the events in the scope whose cluster is not the same any more move
    moves(writer, dialect, low, undated)
    move_events(writer, dialect, low, undated)
    # stored clusters a write can change: dated ones ending at the bound or later, undated ones
    stored = " OR ".join(
        ([f"date_last >= {date_literal(bound)}"] if bound is not None else []) + (["date_last IS NULL"] if undated else [])
    )
    # none in a first load, nor when a run's news are all newer than the stored ones:
    # then nothing stored is compared, kept or deleted
    replaces = bool(writer.fetch(f"SELECT 1 FROM event_clusters WHERE {stored} LIMIT 1"))
    island_changed = ""
    if low is not None and replaces:
        island_changed = f"""
            UNION SELECT d.cluster_id FROM cluster_days d JOIN event_clusters c ON c.cluster_id = d.cluster_id
            WHERE c.date_last >= {date_literal(low - 3 * window)} AND c.island_start IS DISTINCT FROM d.island_start"""
    # the changed clusters: those that lose or gain events, or whose island changed
    writer.execute(f"""
        INSERT INTO cluster_changed (cluster_id)
        SELECT old_id FROM cluster_moves WHERE old_id IS NOT NULL
        UNION SELECT new_id FROM cluster_moves{island_changed}""")
    if replaces:
        # a changed cluster without a day in the scope keeps its place and island (a
        # safeguard: every changed cluster has one, see the bounds above)
        writer.execute(f"""
            INSERT INTO cluster_keep (cluster_id, c_place, anchor, island_start)
            SELECT cluster_id, place_key, anchor_day, island_start FROM event_clusters
            WHERE ({stored}) AND cluster_id IN (SELECT cluster_id FROM cluster_changed)
              AND cluster_id NOT IN (SELECT cluster_id FROM cluster_days)""")
        writer.execute(
            f"DELETE FROM event_clusters WHERE ({stored}) AND cluster_id IN (SELECT cluster_id FROM cluster_changed)"
        )
    # stored events between the bound and their key's scope day, which may belong to a changed cluster
    outside = bound is not None and bool(writer.fetch(f"""
        SELECT 1 FROM events e JOIN cluster_scope sc ON sc.cluster_key = e.cluster_key
        WHERE e.cluster_day >= {bound} AND e.cluster_day < sc.s LIMIT 1"""))
    ordered(writer, dialect, cluster_rows(dialect, low=low, bound=bound, undated=undated, fresh=fresh, outside=outside))
    for table in SCRATCH_TABLES:
        writer.execute(f"DELETE FROM {table}")
    return keys
