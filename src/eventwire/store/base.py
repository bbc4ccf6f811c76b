"""The ``Store`` protocol and the write path shared by both backends.

Writing is done in *runs* (:meth:`SqlStore.writing`; ``ingest`` is one run), batch by
batch. One batch is one transaction that

1. looks up which of the batch's documents (by ``doc_key``, checking the content hash)
   and rejections (by key) are already stored, and drops them with all their rows;
2. inserts the remaining documents, sentences, events (without a cluster yet), mentions
   and rejections;
3. marks the (source, target, CAMEO root) keys of the new events as pending
   (``pending_cluster_keys``: the key and its earliest new day).

At the end of the run, one more transaction clusters every pending key at once and
empties ``pending_cluster_keys`` (:func:`eventwire.store.clusters.settle`). Reads
(:meth:`SqlStore.read`, hence ``query``, ``stats``, ``summary`` and ``export``) first
finish any clustering left pending -- by a run still going on, or by one that was
killed -- so they never see an event without its cluster.

A batch holds Arrow tables (:class:`~eventwire.store.rows.Batch`), which the backends
write without touching rows in Python.

So a document is either wholly in the store, with its events and mentions, or not at
all; its events are either clustered or their keys are pending, in the same transaction;
and clustering is one transaction. A run killed at any point and started again ends with
the same tables as a run that was never interrupted (only the ``ingested_at``/
``rejected_at``/``first_added`` timestamps differ). ``ingest`` groups documents into
small batches (``batch_docs`` documents or ``batch_seconds`` seconds, whichever comes
first); ``ingest_batch`` writes a batch built elsewhere (bulk loads) through the same
path: inside ``writing()`` it leaves the clustering to the end of the run, on its own it
clusters in its transaction.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, fields
from time import monotonic
from typing import Protocol, Self, runtime_checkable

import pyarrow as pa

from eventwire.errors import StoreError, StoreSchemaError
from eventwire.records import CodedDocument, Rejected
from eventwire.store.clusters import pending_rows, settle
from eventwire.store.rows import ROW_TABLES, Batch, BatchBuilder, arrow_table
from eventwire.store.tables import (
    DATA_TABLES,
    OPTIONAL_TABLES,
    SCHEMA_VERSION,
    TABLES,
    Dialect,
    columns,
    ddl,
    scratch_ddl,
)

DEFAULT_WINDOW = 1


@dataclass(frozen=True, slots=True)
class IngestReport:
    """What one ingest did."""

    documents_added: int = 0
    documents_skipped: int = 0  # already in the store (same content hash), or repeated in the input
    events_added: int = 0
    mentions_added: int = 0
    rejections_added: int = 0
    rejections_skipped: int = 0  # the same rejection (doc_id, reason, detail) was already stored

    def __add__(self, other: IngestReport) -> IngestReport:
        return IngestReport(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    def to_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


ProgressCallback = Callable[[IngestReport], None]


@runtime_checkable
class Store(Protocol):
    """An event store; see :func:`eventwire.store.open_store`."""

    target: str
    dialect: Dialect
    window: int

    def ingest(
        self, items: Iterable[CodedDocument | Rejected], *, progress: ProgressCallback | None = None
    ) -> IngestReport: ...

    def ingest_batch(self, batch: Batch) -> IngestReport: ...

    def writing(self) -> AbstractContextManager[Self]: ...

    def finish_clustering(self) -> int: ...

    def read(self, sql: str, params: Sequence[object] = ()) -> Iterator[dict[str, object]]: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


class Writer(Protocol):
    """A write transaction, as a backend offers it."""

    def existing(self, table: str, key: str, values: pa.Array) -> set[object]:
        """The ``values`` found in column ``key`` of ``table``."""

    def insert(self, table: str, rows: pa.Table) -> None: ...

    def execute(self, sql: str) -> None: ...

    def count(self, sql: str) -> int:
        """Run a data-changing statement; the number of rows it changed."""

    def stage(self, name: str, rows: pa.Table) -> None:
        """Make ``rows`` readable as relation ``name`` until the transaction ends."""

    def fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]: ...

    def table(self, sql: str, schema: pa.Schema) -> pa.Table:
        """A query's result as an Arrow table of ``schema`` (its columns in order)."""


def _stored_documents(w: Writer, batch: Batch) -> set[str]:
    """Content hashes of the batch's documents that are already stored.

    Documents are looked up by ``doc_key`` (an integer scan, no index needed); a stored
    document with the same ``doc_key`` but another text (a 63-bit collision, or a batch
    built by hand with a wrong key) is an error rather than a silent skip.
    """
    docs = batch.tables["documents"]
    if not docs.num_rows:
        return set()
    keys = docs.column("doc_key").combine_chunks()
    given = dict(zip(keys.to_pylist(), docs.column("content_hash").to_pylist(), strict=True))
    if len(given) != len(keys):
        raise StoreError("a batch holds two documents with the same doc_key; build batches with BatchBuilder")
    found = w.existing("documents", "doc_key", keys)
    if not found:
        return set()
    listed = ", ".join(str(int(k)) for k in found)  # type: ignore[call-overload]
    stored = {k: str(h) for k, h in w.fetch(f"SELECT doc_key, content_hash FROM documents WHERE doc_key IN ({listed})")}
    clashes = sorted(str(given[k]) for k in stored if stored[k] != given[k])
    if clashes:
        raise StoreError(
            f"document {clashes[0]} has the doc_key of another stored text (the first 63 bits of their SHA-256 "
            "hashes are equal); the store cannot hold both"
        )
    return set(stored.values())


def _unclustered(events: pa.Table) -> pa.Table:
    """New events as stored until their run clusters them: ``cluster_id`` NULL."""
    ids = events.column("cluster_id")
    if ids.null_count == len(ids):
        return events
    return events.set_column(events.schema.get_field_index("cluster_id"), "cluster_id", pa.nulls(len(ids), pa.string()))


class SqlStore(abc.ABC):
    """Batching, idempotence and clustering on top of a backend's primitives."""

    target: str
    dialect: Dialect
    window: int = DEFAULT_WINDOW
    batch_docs: int = 64
    batch_seconds: float = 2.0
    #: False for a store made by an earlier eventwire, opened read-only (nothing pending)
    has_pending_table: bool = True
    _run_depth: int = 0

    # -- backend primitives ------------------------------------------------------------
    @abc.abstractmethod
    def _writer(self, *, bulk: bool = False) -> AbstractContextManager[Writer]:
        """A transaction that commits on success and rolls back on error (``bulk``: a
        run's clustering, one large computation rather than a batch of appends)."""

    @abc.abstractmethod
    def read(self, sql: str, params: Sequence[object] = ()) -> Iterator[dict[str, object]]:
        """Rows of a query (``?`` placeholders) as dictionaries, after finishing any
        clustering left pending (:meth:`finish_clustering`)."""

    def _session(self) -> AbstractContextManager[None]:
        """What a backend holds for a whole write run (DuckDB: one connection)."""
        return nullcontext()

    @abc.abstractmethod
    def close(self) -> None: ...

    # -- shared ----------------------------------------------------------------------------
    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.target}>"

    def _setup(self, writer: Writer, *, window: int, create: bool) -> int:
        """Check (and with ``create``, make) the tables; return the store's cluster window."""
        have: dict[str, list[str]] = {}
        for table, column in writer.fetch(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_catalog = current_database() "
            "ORDER BY table_name, ordinal_position"
        ):
            have.setdefault(str(table), []).append(str(column))
        for table in TABLES:
            if table in have and have[table] != list(columns(table)):
                raise StoreSchemaError(
                    f"{self.target}: table {table!r} has columns {have[table]}, expected {list(columns(table))}; "
                    "this is not an eventwire store of this version: use another target"
                )
        missing = [t for t in TABLES if t not in have]
        required = [t for t in missing if t not in OPTIONAL_TABLES]
        if required and not create:
            raise StoreSchemaError(
                f"{self.target} is not an eventwire store (no table {required[0]!r}); ingest documents into it first"
            )
        if missing and create:
            for statement in ddl(self.dialect):
                writer.execute(statement)
        self.has_pending_table = create or "pending_cluster_keys" in have
        meta = {str(k): str(v) for k, v in writer.fetch("SELECT key, value FROM store_meta")}
        version = meta.get("schema_version")
        if version is not None and version != SCHEMA_VERSION:
            raise StoreSchemaError(
                f"{self.target}: store schema version {version}, this eventwire uses version {SCHEMA_VERSION}; "
                "export the data with the eventwire that wrote it and ingest again into a new store"
            )
        if version is None and create:
            meta_rows = {"key": ["schema_version", "cluster_window"], "value": [SCHEMA_VERSION, str(window)]}
            writer.insert("store_meta", arrow_table("store_meta", meta_rows))
            return window
        return int(meta.get("cluster_window", DEFAULT_WINDOW))

    @contextmanager
    def writing(self) -> Iterator[Self]:
        """One write run: batches written inside it (``ingest_batch``) leave their
        clusters pending, and the clusters of every pending key are computed in one
        transaction when the run ends without an error (after an error they stay pending
        until the next run or read). DuckDB keeps one connection for the whole run.
        Runs nest: only the outermost one clusters."""
        with self._session():
            self._run_depth += 1
            try:
                yield self
            finally:
                self._run_depth -= 1
            if not self._run_depth:
                self.finish_clustering()

    def ingest(
        self,
        items: Iterable[CodedDocument | Rejected],
        *,
        progress: ProgressCallback | None = None,
        batch_docs: int | None = None,
        batch_seconds: float | None = None,
    ) -> IngestReport:
        """Store pipeline output in one write run (:meth:`writing`); documents already
        present (same text) are skipped. ``progress`` is called after every batch, the
        last time before the run's clustering."""
        limit = batch_docs or self.batch_docs
        seconds = self.batch_seconds if batch_seconds is None else batch_seconds
        builder = BatchBuilder()
        report = IngestReport()
        with self.writing():
            started = monotonic()
            for item in items:
                builder.add(item)
                if builder.size >= limit or monotonic() - started >= seconds:
                    report += self._flush(builder)
                    started = monotonic()
                    if progress is not None:
                        progress(report)
            if builder.size:
                report += self._flush(builder)
            if progress is not None:
                progress(report)
        return report

    def _flush(self, builder: BatchBuilder) -> IngestReport:
        skipped = IngestReport(documents_skipped=builder.duplicates, rejections_skipped=builder.duplicate_rejections)
        builder.duplicates = builder.duplicate_rejections = 0
        return self.ingest_batch(builder.build()) + skipped

    def ingest_batch(self, batch: Batch) -> IngestReport:
        """Write one batch in one transaction (the only write path); inside a run
        (:meth:`writing`) its clusters wait for the end of the run, else they are
        computed in the same transaction."""
        with self._writer() as w:
            report = self._write(w, batch)
            if not self._run_depth:
                self._settle(w)
        return report

    def finish_clustering(self) -> int:
        """Cluster every pending key in one transaction; the number of keys it clustered."""
        if not self.has_pending_table:
            return 0
        with self._writer(bulk=True) as w:
            return self._settle(w)

    def _settle(self, w: Writer) -> int:
        if not w.fetch("SELECT 1 FROM pending_cluster_keys LIMIT 1"):
            return 0
        for statement in scratch_ddl(self.dialect):
            w.execute(statement)
        keys = settle(w, self.dialect, self.window)
        w.execute("DELETE FROM pending_cluster_keys")
        return keys

    def _write(self, w: Writer, batch: Batch) -> IngestReport:
        rejections = batch.rejection_keys()
        have_docs = _stored_documents(w, batch)
        have_rej = {str(k) for k in w.existing("rejections", "rejection_key", rejections)} if len(rejections) else set()
        new = batch.without(have_docs, have_rej)
        for table in ROW_TABLES:
            if new.count(table):
                rows = new.tables[table]
                if table == "events":
                    rows = _unclustered(rows)
                w.insert(table, rows)
        if new.count("events"):
            # the same transaction marks the events' keys: never events without a cluster
            # that nothing will compute
            w.insert("pending_cluster_keys", pending_rows(new.tables["events"]))
        return IngestReport(
            documents_added=new.count("documents"),
            documents_skipped=len(have_docs),
            events_added=new.count("events"),
            mentions_added=new.count("mentions"),
            rejections_added=new.count("rejections"),
            rejections_skipped=len(have_rej),
        )

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        sql = " UNION ALL ".join(f"SELECT '{t}' AS name, COUNT(*) AS n FROM {t}" for t in DATA_TABLES)
        return {str(r["name"]): int(r["n"]) for r in self.read(sql)}  # type: ignore[call-overload]
