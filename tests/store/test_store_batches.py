"""Batches as Arrow tables: built from records or from columns, checked, written once."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pytest
from store_factories import KHARKIV, Spec, article, rejection, snapshot, synthetic_documents

from eventwire.errors import StoreError
from eventwire.settings import Settings
from eventwire.store import Batch, BatchBuilder, open_store
from eventwire.store.duck import CONFIG, ROW_GROUP_ROWS, DuckDBStore
from eventwire.store.tables import columns


def built(items) -> Batch:
    builder = BatchBuilder()
    for item in items:
        builder.add(item)
    return builder.build()


def as_columns(batch: Batch, table: str, kind: str) -> dict[str, object]:
    """A table of a batch as plain lists, NumPy arrays (where NumPy has the type) or Arrow arrays."""
    out: dict[str, object] = {}
    for name in columns(table):
        column = batch.tables[table].column(name)
        if kind == "list":
            out[name] = column.to_pylist()
        elif kind == "numpy" and pa.types.is_integer(column.type) and column.null_count == 0:
            out[name] = column.to_numpy().astype(np.int64)  # a wider type than the store's: converted
        else:
            out[name] = column.combine_chunks()
    return out


def test_builder_makes_arrow_tables_with_the_store_types() -> None:
    items = synthetic_documents(12, seed=2)
    batch = built(items)
    for table, rows in batch.tables.items():
        assert rows.column_names == list(columns(table))
    assert batch.tables["events"].schema.field("cluster_day").type == pa.int32()
    assert batch.tables["events"].schema.field("date").type == pa.date32()
    assert batch.count("events") == sum(len(i.events) for i in items if hasattr(i, "events"))
    assert batch.count("rejections") == sum(1 for i in items if not hasattr(i, "events"))


@pytest.mark.parametrize("kind", ["list", "numpy", "arrow"])
def test_a_batch_from_columns_stores_what_ingest_stores(kind: str, tmp_path: Path) -> None:
    items = synthetic_documents(30, seed=6)
    with open_store(str(tmp_path / "a.duckdb"), settings=Settings()) as a:
        a.ingest(items, batch_docs=100)
        expected = snapshot(a)
    ref = built(items)
    batch = Batch.from_columns(**{t: as_columns(ref, t, kind) for t in ref.tables})
    with open_store(str(tmp_path / "b.duckdb"), settings=Settings()) as b:
        report = b.ingest_batch(batch)
        assert report.documents_added == ref.count("documents")
        assert report.events_added == ref.count("events")
        assert snapshot(b) == expected
        again = b.ingest_batch(batch)  # idempotent by content hash
        assert again.documents_added == again.events_added == 0
        assert again.documents_skipped == ref.count("documents")
        assert snapshot(b) == expected


def test_from_columns_checks_names_and_lengths() -> None:
    cols = as_columns(built([rejection("r-1"), rejection("r-2")]), "rejections", "list")
    assert Batch.from_columns(rejections=cols).count("rejections") == 2
    with pytest.raises(ValueError, match="missing"):
        Batch.from_columns(rejections={k: v for k, v in cols.items() if k != "detail"})
    with pytest.raises(ValueError, match="lengths"):
        Batch.from_columns(rejections={**cols, "detail": ["only one"]})
    with pytest.raises(ValueError, match="unknown table"):
        Batch.from_columns(clusters=cols)


def _one_doc(doc_id: str, text: str):
    return article(doc_id, "AFP", date(2024, 3, 9), [text],
                   [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "shelled", "190", date(2024, 3, 9), KHARKIV)])


def test_two_texts_with_one_doc_key_are_refused(store) -> None:
    store.ingest([_one_doc("a", "Russian forces shelled Kharkiv at dawn.")])
    stored = next(store.read("SELECT doc_key FROM documents"))["doc_key"]
    other = built([_one_doc("b", "Russian forces shelled Kharkiv at night.")])
    forged = {t: as_columns(other, t, "arrow") for t in other.tables}
    for table in ("documents", "sentences", "events", "mentions"):
        forged[table]["doc_key"] = pa.array([stored] * other.count(table), pa.int64())
    with pytest.raises(StoreError, match="doc_key of another stored text"):
        store.ingest_batch(Batch.from_columns(**forged))
    assert store.counts()["documents"] == 1
    twice = Batch.from_columns(**{t: {k: pa.concat_arrays([v, v]) for k, v in as_columns(other, t, "arrow").items()}
                                  for t in ("documents",)})
    with pytest.raises(StoreError, match="same doc_key"):
        store.ingest_batch(twice)


def test_a_write_leaves_the_held_connection_s_threads_as_they_were(tmp_path: Path) -> None:
    with DuckDBStore(tmp_path / "t.duckdb", hold=True) as s:
        before = next(s.read("SELECT current_setting('threads') AS n"))["n"]
        s.ingest(synthetic_documents(10, seed=1))
        assert next(s.read("SELECT current_setting('threads') AS n"))["n"] == before


def test_new_duckdb_files_use_the_configured_storage_format(tmp_path: Path) -> None:
    DuckDBStore(tmp_path / "f.duckdb").close()
    with duckdb.connect(str(tmp_path / "f.duckdb"), read_only=True) as con:
        tags = con.execute("SELECT tags FROM duckdb_databases() WHERE database_name = 'f'").fetchone()[0]
    wanted = CONFIG.get("storage_compatibility_version", "v0.10.2").removeprefix("v")
    assert tags.get("storage_version", "").removeprefix("v").startswith(wanted)


def test_the_writer_makes_row_groups_of_the_configured_size(tmp_path: Path) -> None:
    store = DuckDBStore(tmp_path / "rg.duckdb")
    with store._writer() as w:
        w.execute("CREATE TABLE probe AS SELECT range AS n FROM range(70000)")
    with store._connection(read_only=True) as con:
        rows = con.execute(
            "SELECT row_group_id, SUM(count) FROM pragma_storage_info('probe') "
            "WHERE column_name = 'n' AND segment_type <> 'VALIDITY' GROUP BY row_group_id ORDER BY row_group_id"
        ).fetchall()
    size = ROW_GROUP_ROWS or 122_880  # DuckDB's default
    assert [n for _, n in rows] == [size] * (70000 // size) + [70000 % size]
