"""Write runs: batches committed one by one, clusters computed once at the end of the run."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from store_factories import snapshot, synthetic_documents

from eventwire.errors import StoreError
from eventwire.records import CodedDocument
from eventwire.settings import Settings
from eventwire.store import BatchBuilder, IngestReport, open_store, query, stats
from eventwire.store.duck import DuckDBStore


def pending(store) -> tuple[int, int]:
    """(pending key rows, events without a cluster), read inside a write transaction (no settling)."""
    with store._writer() as w:
        keys = w.fetch("SELECT COUNT(*) FROM pending_cluster_keys")[0][0]
        events = w.fetch("SELECT COUNT(*) FROM events WHERE cluster_id IS NULL")[0][0]
    return int(keys), int(events)  # type: ignore[call-overload]


def batch_of(items):
    builder = BatchBuilder()
    for item in items:
        builder.add(item)
    return builder.build()


def test_between_batches_events_are_stored_and_clusters_pending(store, new_target, backend) -> None:
    items = synthetic_documents(40, seed=17)
    n_events = sum(len(i.events) for i in items if isinstance(i, CodedDocument))
    seen: list[tuple[int, int, int]] = []

    def look(report: IngestReport) -> None:
        keys, unclustered = pending(store)
        seen.append((report.events_added, keys, unclustered))

    store.ingest(items, batch_docs=10, progress=look)
    # after each batch commit: its events are in the store, none clustered yet, their keys pending
    assert [u for e, _, u in seen] == [e for e, _, _ in seen]
    assert all(keys > 0 for e, keys, _ in seen if e)
    assert seen[-1][0] == n_events
    assert pending(store) == (0, 0)  # the end of the run clustered them, in one go
    with open_store(new_target(backend), settings=Settings()) as once:
        once.ingest(items, batch_docs=1000)
        assert snapshot(store) == snapshot(once)


def test_a_read_during_a_run_finishes_the_pending_clustering_first(store) -> None:
    items = synthetic_documents(30, seed=23)
    with store.writing():
        store.ingest_batch(batch_of(items[:15]))
        assert pending(store)[0] > 0
        records = list(query(store, clusters=True))
        assert pending(store) == (0, 0)
        assert records and all(r["cluster_id"] and r["cluster_events"] for r in records)
        store.ingest_batch(batch_of(items[15:]))
        assert pending(store)[0] > 0
        by_day = stats(store, by="day")
        assert sum(int(r["events"]) for r in by_day) == store.counts()["events"]  # type: ignore[call-overload]
        assert pending(store) == (0, 0)


def test_a_run_that_fails_leaves_its_clusters_pending_for_the_next_reader(store) -> None:
    items = synthetic_documents(20, seed=29)
    with pytest.raises(RuntimeError, match="stop"), store.writing():
        store.ingest_batch(batch_of(items))
        raise RuntimeError("stop")
    keys, unclustered = pending(store)
    assert keys > 0 and unclustered > 0  # the batch is stored, its clusters are not
    assert store.finish_clustering() > 0
    assert pending(store) == (0, 0)
    assert store.finish_clustering() == 0


def test_runs_nest_and_only_the_outermost_one_clusters(store) -> None:
    items = synthetic_documents(20, seed=31)
    with store.writing():
        with store.writing():
            store.ingest_batch(batch_of(items[:10]))
        assert pending(store)[0] > 0
        store.ingest(items[10:])  # a run inside the run
        assert pending(store)[0] > 0
    assert pending(store) == (0, 0)


def test_a_batch_outside_a_run_is_clustered_in_its_own_transaction(store) -> None:
    store.ingest_batch(batch_of(synthetic_documents(12, seed=37)))
    assert pending(store) == (0, 0)
    assert store.counts()["event_clusters"] > 0


def test_an_ingest_run_opens_the_duckdb_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "once.duckdb"
    store = DuckDBStore(path)
    opened: list[bool] = []
    connect = DuckDBStore._connect

    def counting(self: DuckDBStore, read_only: bool) -> duckdb.DuckDBPyConnection:
        opened.append(read_only)
        return connect(self, read_only)

    monkeypatch.setattr(DuckDBStore, "_connect", counting)
    report = store.ingest(synthetic_documents(64, seed=41), batch_docs=4)
    assert report.documents_added + report.rejections_added == 64
    assert opened == [False]  # sixteen batches and the clustering on one connection
    assert not Path(str(path) + ".wal").exists()  # checkpointed at the end of the run
    with open_store(str(path), settings=Settings(), create=False) as reader:
        assert reader.counts()["events"] == report.events_added


def test_a_store_without_the_pending_table_is_read_and_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    items = synthetic_documents(20, seed=43)
    with open_store(str(path), settings=Settings()) as s:
        s.ingest(items)
        expected = snapshot(s)
    with duckdb.connect(str(path)) as con:  # as an earlier eventwire made it
        con.execute("DROP TABLE pending_cluster_keys")
    with open_store(str(path), settings=Settings(), create=False) as reader:
        assert snapshot(reader) == expected
        assert reader.finish_clustering() == 0
    with open_store(str(path), settings=Settings()) as writer:
        writer.ingest(synthetic_documents(5, seed=44))
        assert pending(writer) == (0, 0)
    with pytest.raises(StoreError):
        open_store(str(tmp_path / "none.duckdb"), settings=Settings(), create=False)
