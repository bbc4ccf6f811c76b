"""Incremental clustering: any arrival order, any batching and any window give the clusters
of the rule (computed here independently, in plain Python) and the same tables as a
store computed in one go."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta

import pytest
from store_factories import KHARKIV, KYIV, UNNAMED, Spec, article, snapshot

from eventwire.records import CodedDocument
from eventwire.settings import Settings
from eventwire.store import open_store
from eventwire.store.duck import DuckDBStore
from eventwire.store.rows import place_key

START = date(2024, 3, 1)
KEYS = [("RUSMIL", "Russian forces", "UKR", "Ukraine", "190"), ("UKRMIL", "Ukrainian troops", "RUS", "Russia", "193"),
        ("USAGOV", "Washington", "CHNGOV", "Beijing", "036")]


def corpus(seed: int, n: int = 40, days: int = 18) -> list[CodedDocument]:
    """Dense reports of few keys: placed and unplaced, some undated, several events per article."""
    rng = random.Random(seed)
    places = [KHARKIV, KHARKIV, KYIV, UNNAMED, None, None]
    docs = []
    for i in range(n):
        undated = rng.random() < 0.08
        published = None if undated else START + timedelta(days=rng.randrange(days))
        lines, specs = [], []
        for j in range(rng.choice([1, 1, 2, 3])):
            src, src_words, tgt, tgt_words, code = rng.choice(KEYS[:2] if j else KEYS)
            when = None if undated or rng.random() < 0.3 else published - timedelta(days=rng.randrange(3))
            lines.append(f"Report {i}.{j}: {src_words} confronted {tgt_words}.")
            specs.append(Spec(j, src, src_words, tgt, tgt_words, "confronted", code, when, rng.choice(places)))
        docs.append(article(f"inc-{seed}-{i}", rng.choice(["AFP", "AP", "BBC", None]), published, lines, specs))
    return docs


def _windows(days: list[int], w: int) -> dict[int, int]:
    """day -> window start: islands split where consecutive days are more than w apart."""
    out: dict[int, int] = {}
    start = prev = None
    for d in sorted(set(days)):
        if prev is None or d - prev > w:
            start = d
        out[d] = start + (d - start) // (w + 1) * (w + 1)  # type: ignore[operator]
        prev = d
    return out


def reference_clusters(docs: list[CodedDocument], w: int) -> list[set[str]]:
    """The clusters of docs/store.md's rule, written out directly (no incremental logic)."""
    by_key: dict[tuple[str, str, str], list[tuple[str, str | None, int | None]]] = defaultdict(list)
    for doc in docs:
        for e in doc.events:
            day = e.date.date or e.date.publication_date
            number = None if day is None else (day - date(1970, 1, 1)).days
            by_key[(e.source.code, e.target.code, e.cameo[:2])].append((e.event_id, place_key(e.location), number))
    clusters: dict[tuple[object, ...], set[str]] = defaultdict(set)
    for key, events in by_key.items():
        placed: dict[str, list[int]] = defaultdict(list)
        for _, where, day in events:
            if where is not None and day is not None:
                placed[where].append(day)
        anchors = {where: _windows(days, w) for where, days in placed.items()}
        attached: dict[int, tuple[str, int]] = {}
        rest: list[int] = []
        for day in {d for _, where, d in events if where is None and d is not None}:
            near = {(where, a[p]) for where, a in anchors.items() for p in a if abs(p - day) <= w}
            if len(near) == 1:
                attached[day] = near.pop()
            else:
                rest.append(day)
        rest_anchor = _windows(rest, w)
        for event_id, where, day in events:
            if day is None:
                clusters[(key, where, "undated")].add(event_id)
            elif where is not None:
                clusters[(key, where, anchors[where][day])].add(event_id)
            elif day in attached:
                clusters[(key, *attached[day])].add(event_id)
            else:
                clusters[(key, None, rest_anchor[day])].add(event_id)
    return sorted(clusters.values(), key=sorted)


def members(store) -> list[set[str]]:
    groups: dict[str, set[str]] = defaultdict(set)
    for e in store.read("SELECT event_id, cluster_id FROM events"):
        groups[str(e["cluster_id"])].add(str(e["event_id"]))
    return sorted(groups.values(), key=sorted)


def ingest_in_pieces(store, docs: list[CodedDocument], rng: random.Random) -> None:
    start = 0
    while start < len(docs):
        size = rng.choice([1, 3, 5, 8, 13])
        store.ingest(docs[start:start + size], batch_docs=size)
        start += size


@pytest.mark.parametrize(("window", "seed"), [(0, 0), (1, 0), (1, 1), (2, 0), (2, 1), (3, 1)])
def test_any_order_and_batching_give_the_rule_s_clusters(window: int, seed: int) -> None:
    docs = corpus(seed)
    expected = reference_clusters(docs, window)
    assert len(expected) < sum(len(d.events) for d in docs)  # some clusters have several events
    with DuckDBStore(":memory:", window=window) as once:
        once.ingest(docs, batch_docs=len(docs))
        assert members(once) == expected
        tables = snapshot(once)
    rng = random.Random(seed + 50)
    by_date = sorted(docs, key=lambda d: d.doc.date or date.min)
    # in date order (islands run on across writes), newest first (every write reaches back), random
    for order in (by_date, by_date[::-1], rng.sample(docs, len(docs))):
        with DuckDBStore(":memory:", window=window) as step:
            ingest_in_pieces(step, order, rng)
            assert members(step) == expected
            assert snapshot(step) == tables


def test_postgres_computes_the_same_incrementally(new_target) -> None:
    docs = corpus(7, n=40)
    rng = random.Random(3)
    with open_store(new_target("postgres"), settings=Settings()) as pg, open_store(":memory:", settings=Settings()) as duck:
        ingest_in_pieces(pg, rng.sample(docs, len(docs)), rng)
        duck.ingest(docs)
        assert members(pg) == reference_clusters(docs, 1)
        assert snapshot(pg) == snapshot(duck)


def test_a_late_report_bridging_two_islands_shifts_the_later_windows() -> None:
    def shelling(n: int, offset: int) -> CodedDocument:
        when = START + timedelta(days=offset)
        return article(f"bridge-{n}", "AFP", when, [f"Russian forces shelled the city, report {n} said."],
                       [Spec(0, "RUSMIL", "Russian forces", "UKR", "city", "shelled", "190", when, KHARKIV)])

    def windows(store) -> list[tuple[int, int, int]]:
        rows = store.read("SELECT date_first, date_last, num_events FROM event_clusters ORDER BY date_first")
        return [((r["date_first"] - START).days, (r["date_last"] - START).days, r["num_events"]) for r in rows]

    docs = [shelling(i, d) for i, d in enumerate([0, 1, 3, 4])]  # w = 1: islands {0, 1} and {3, 4}
    with DuckDBStore(":memory:", window=1) as s:
        s.ingest(docs)
        assert windows(s) == [(0, 1, 2), (3, 4, 2)]
        bridge = shelling(9, 2)  # one island from day 0 now: windows [0, 1], [2, 3], [4]
        s.ingest([bridge])
        assert windows(s) == [(0, 1, 2), (2, 3, 2), (4, 4, 1)]
        assert members(s) == reference_clusters([*docs, bridge], 1)
        starts = {r["island_start"] for r in s.read("SELECT island_start FROM event_clusters")}
        assert len(starts) == 1
