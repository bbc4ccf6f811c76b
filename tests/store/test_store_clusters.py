"""The event-cluster rule (eventwire.store.clusters) on hand-written articles from several outlets."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from store_factories import KHARKIV, KYIV, Spec, article, snapshot, synthetic_documents, table_rows

from eventwire.records import CodedDocument, EventDate
from eventwire.settings import Settings
from eventwire.store import open_store
from eventwire.store.duck import DuckDBStore

D = date(2024, 3, 1)


def day(n: int) -> date:
    return D + timedelta(days=n - 1)  # day(9) == 2024-03-09


def kharkiv_reports() -> dict[str, CodedDocument]:
    """Four articles about one shelling of Kharkiv, a later one, and one about Kyiv."""
    return {
        "afp-1": article("afp-1", "AFP", day(10), [
            "Russian forces shelled Kharkiv on Saturday, the regional governor said.",
            "The shelling cut power to thousands of homes.",
            "Ukraine's foreign minister accused Moscow of terror."],
            [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "shelled", "190", day(9), KHARKIV, ((1, "shelling"),)),
             Spec(2, "UKRGOV", "Ukraine's foreign minister", "RUS", "Moscow", "accused", "112")]),
        "rtr-2": article("rtr-2", "Reuters", day(10), [
            "Russian troops fired on Kharkiv with artillery late on Saturday."],
            [Spec(0, "RUSMIL", "Russian troops", "UKR", "Kharkiv", "fired", "193", day(9), KHARKIV)]),
        "bbc-3": article("bbc-3", "BBC", day(11), [
            "Russian forces kept up their attack on Ukraine's second city on Sunday."],
            [Spec(0, "RUSMIL", "Russian forces", "UKR", "Ukraine", "attack", "190", day(10), None)]),
        "afp-5": article("afp-5", "AFP", day(11), [
            "Russian forces shelled Kharkiv again on Sunday morning."],
            [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "shelled", "190", day(10), KHARKIV)]),
        "tass-6": article("tass-6", "TASS", day(14), [
            "Russian forces struck military targets in Kharkiv on Wednesday."],
            [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "struck", "190", day(13), KHARKIV)]),
        "ap-4": article("ap-4", "AP", day(10), [
            "Russian forces also struck Kyiv on Saturday with drones."],
            [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kyiv", "struck", "190", day(9), KYIV)]),
    }


def clusters_by_member(store) -> dict[str, dict[str, object]]:
    """event_id -> its cluster row."""
    rows = {str(r["cluster_id"]): r for r in store.read("SELECT * FROM event_clusters")}
    return {str(e["event_id"]): rows[str(e["cluster_id"])] for e in store.read("SELECT event_id, cluster_id FROM events")}


def members(store) -> list[set[str]]:
    groups: dict[str, set[str]] = {}
    for e in store.read("SELECT event_id, cluster_id FROM events"):
        groups.setdefault(str(e["cluster_id"]), set()).add(str(e["event_id"]))
    return sorted(groups.values(), key=sorted)


def test_reports_of_one_event_form_one_cluster_with_gdelt_counts(store) -> None:
    docs = kharkiv_reports()
    store.ingest([docs[k] for k in ("afp-1", "rtr-2", "bbc-3", "afp-5", "tass-6")])
    assert members(store) == [
        {"afp-1-e0", "rtr-2-e0", "bbc-3-e0", "afp-5-e0"},  # same dyad, root 19, Kharkiv (or no place), Mar 9-10
        {"afp-1-e1"},  # another dyad
        {"tass-6-e0"},  # three days later: another event
    ]
    c = clusters_by_member(store)["afp-1-e0"]
    assert c["num_events"] == 4
    assert c["num_mentions"] == 5  # the AFP article states the shelling twice
    assert c["num_articles"] == 4
    assert c["num_sources"] == 3  # AFP, Reuters, BBC
    assert (c["date_first"], c["date_last"]) == (day(9), day(10))
    assert (c["first_seen"], c["last_seen"]) == (day(10), day(11))  # publication dates of the reports
    assert c["place_key"] == "geonames:706483"
    assert (c["source"], c["target"], c["cameo_root"]) == ("RUSMIL", "UKR", "19")
    assert c["rep_event_id"] == "afp-1-e0"  # earliest day, then doc_id
    assert c["goldstein_sum"] == -40.0


def test_an_unplaced_report_stays_apart_when_two_places_fit(store) -> None:
    docs = kharkiv_reports()
    store.ingest(list(docs.values()))
    by_member = clusters_by_member(store)
    assert members(store) == [
        {"afp-1-e0", "rtr-2-e0", "afp-5-e0"},
        {"afp-1-e1"},
        {"ap-4-e0"},  # Kyiv, same day: a different event
        {"bbc-3-e0"},  # no place, and both Kharkiv and Kyiv are within a day: not guessed
        {"tass-6-e0"},
    ]
    assert by_member["bbc-3-e0"]["place_key"] is None
    assert by_member["afp-1-e0"]["num_sources"] == 2


def test_daily_reports_are_cut_into_windows_and_an_earlier_report_moves_them(store) -> None:
    outlets = ["AFP", "AP", "BBC", "DW", "NHK", "RFI", "TASS"]

    def daily(n: int, outlet: str) -> CodedDocument:
        return article(f"daily-{n}", outlet, day(n), [f"Russian forces shelled Kharkiv for the {n}th day."],
                       [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "shelled", "190", day(n), KHARKIV)])

    store.ingest([daily(n, outlets[n]) for n in range(1, 7)])

    def windows() -> list[tuple[date, date, int]]:
        rows = store.read("SELECT date_first, date_last, num_events FROM event_clusters ORDER BY date_first")
        return [(r["date_first"], r["date_last"], r["num_events"]) for r in rows]

    assert windows() == [(day(1), day(2), 2), (day(3), day(4), 2), (day(5), day(6), 2)]
    early = article("daily-0", "AFP", day(1), ["Russian forces shelled Kharkiv on the last day of February."],
                    [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "shelled", "190", day(0), KHARKIV)])
    store.ingest([early])
    assert windows() == [(day(0), day(1), 2), (day(2), day(3), 2), (day(4), day(5), 2), (day(6), day(6), 1)]


def test_undated_events_cluster_per_key_and_place(store) -> None:
    def undated(doc_id: str, outlet: str) -> CodedDocument:
        doc = article(doc_id, outlet, None, [f"Russian forces shelled Kharkiv, a witness told {outlet}."],
                      [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "shelled", "190", None, KHARKIV)])
        assert doc.events[0].date == EventDate(None, None, None, "publication")
        return doc

    store.ingest([undated("u-1", "AFP"), undated("u-2", "BBC")])
    rows = list(store.read("SELECT num_events, num_sources, date_first, anchor_day FROM event_clusters"))
    assert rows == [{"num_events": 2, "num_sources": 2, "date_first": None, "anchor_day": None}]


def test_documents_without_outlet_count_as_their_own_source(store) -> None:
    docs = [article(f"anon-{i}", None, day(9), [f"Russian forces shelled Kharkiv, report {i} said."],
                    [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "shelled", "190", day(9), KHARKIV)])
            for i in range(3)]
    store.ingest(docs)
    rows = list(store.read("SELECT num_sources, num_articles FROM event_clusters"))
    assert rows == [{"num_sources": 3, "num_articles": 3}]


def test_arrival_order_and_batching_do_not_change_anything(backend, new_target) -> None:
    items = [*kharkiv_reports().values(), *synthetic_documents(70, seed=13, days=5)]
    snaps = []
    for seed, batch in ((0, 1000), (1, 7), (2, 1)):
        order = list(items)
        random.Random(seed).shuffle(order)
        with open_store(new_target(backend), settings=Settings(), hold=seed == 0) as s:
            if batch == 1:  # one document at a time, then the rest in another run
                s.ingest(order[:15], batch_docs=1)
                s.ingest(order[15:], batch_docs=9)
            else:
                s.ingest(order, batch_docs=batch)
            snaps.append(snapshot(s))
    assert len(snaps[0]["event_clusters"]) < len(snaps[0]["events"])  # some clusters have several events
    assert snaps[0] == snaps[1] == snaps[2]


def dense_reports(seed: int, n: int = 70) -> list[CodedDocument]:
    """Many reports of few keys over a month, with and without places: clusters chain and merge."""
    rng = random.Random(seed)
    places = [KHARKIV, KYIV, None, None]
    keys = [("RUSMIL", "Russian forces", "UKR", "Ukraine", "190"), ("UKRMIL", "Ukrainian troops", "RUS", "Russia", "193")]
    docs = []
    for i in range(n):
        src, src_words, tgt, tgt_words, code = rng.choice(keys)
        when = day(rng.randrange(1, 25))
        docs.append(article(f"dense-{seed}-{i}", rng.choice(["AFP", "AP", "BBC", None]), when + timedelta(days=1),
                            [f"Report {i}: {src_words} hit targets in {tgt_words}."],
                            [Spec(0, src, src_words, tgt, tgt_words, "hit", code,
                                  when if rng.random() < 0.8 else None, rng.choice(places))]))
    return docs


@pytest.mark.parametrize("seed", range(3))
def test_incremental_clusters_equal_clusters_computed_at_once(seed: int) -> None:
    docs = dense_reports(seed)
    with open_store(":memory:", settings=Settings()) as once:
        once.ingest(docs, batch_docs=len(docs))
        expected = snapshot(once)
    order = list(docs)
    rng = random.Random(100 + seed)
    rng.shuffle(order)
    with open_store(":memory:", settings=Settings()) as step:
        start = 0
        while start < len(order):
            size = rng.choice([1, 1, 2, 3, 8])
            step.ingest(order[start:start + size], batch_docs=size)
            start += size
        got = snapshot(step)
    assert len(expected["event_clusters"]) < len(expected["events"]) * 2 / 3  # dense: real merging happens
    assert got == expected


def test_the_window_is_fixed_when_the_store_is_created(tmp_path) -> None:
    docs = kharkiv_reports()
    path = tmp_path / "w0.duckdb"
    with DuckDBStore(path, window=0) as s:
        s.ingest([docs["afp-1"], docs["afp-5"]])
        assert len(members(s)) == 3  # Mar 9 and Mar 10 are different days with a window of 0
    with DuckDBStore(path, window=3) as s:
        assert s.window == 0
        s.ingest([docs["rtr-2"]])
        assert {"afp-1-e0", "rtr-2-e0"} in members(s)
        assert table_rows(s, "store_meta") == [("cluster_window", "0"), ("schema_version", "1")]
