"""The ``Store`` protocol and the write path shared by both backends.

Writing is done batch by batch. One batch is one transaction that

1. looks up which of the batch's documents (by ``doc_key``, checking the content hash)
   and rejections (by key) are already stored, and drops them with all their rows;
2. inserts the remaining documents, sentences, mentions and rejections;
3. inserts the events with their clusters and rewrites the clusters of every (source,
   target, CAMEO root) key they touch (:mod:`eventwire.store.clusters`).

A batch holds Arrow tables (:class:`~eventwire.store.rows.Batch`), which the backends
write without touching rows in Python.

So a document is either wholly in the store, with its events, mentions and up-to-date
clusters, or not at all: a run killed at any point and started again ends with the same
tables as a run that was never interrupted (only the ``ingested_at``/``rejected_at``/
``first_added`` timestamps differ). ``ingest`` groups documents into small batches
(``batch_docs`` documents or ``batch_seconds`` seconds, whichever comes first);
``ingest_batch`` writes a batch built elsewhere (bulk loads) through the same path.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, fields
from time import monotonic
from typing import Protocol, Self, runtime_checkable

import pyarrow as pa

from eventwire.errors import StoreError, StoreSchemaError
from eventwire.records import CodedDocument, Rejected
from eventwire.store.clusters import recompute
from eventwire.store.rows import ROW_TABLES, Batch, BatchBuilder, arrow_table
from eventwire.store.tables import (
    DATA_TABLES,
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


class SqlStore(abc.ABC):
    """Batching, idempotence and clustering on top of a backend's primitives."""

    target: str
    dialect: Dialect
    window: int = DEFAULT_WINDOW
    batch_docs: int = 64
    batch_seconds: float = 2.0

    # -- backend primitives ------------------------------------------------------------
    @abc.abstractmethod
    def _writer(self) -> AbstractContextManager[Writer]:
        """A transaction that commits on success and rolls back on error."""

    @abc.abstractmethod
    def read(self, sql: str, params: Sequence[object] = ()) -> Iterator[dict[str, object]]:
        """Rows of a query (``?`` placeholders) as dictionaries."""

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
        if missing and not create:
            raise StoreSchemaError(
                f"{self.target} is not an eventwire store (no table {missing[0]!r}); ingest documents into it first"
            )
        if missing:
            for statement in ddl(self.dialect):
                writer.execute(statement)
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

    def ingest(
        self,
        items: Iterable[CodedDocument | Rejected],
        *,
        progress: ProgressCallback | None = None,
        batch_docs: int | None = None,
        batch_seconds: float | None = None,
    ) -> IngestReport:
        """Store pipeline output; documents already present (same text) are skipped."""
        limit = batch_docs or self.batch_docs
        seconds = self.batch_seconds if batch_seconds is None else batch_seconds
        builder = BatchBuilder()
        report = IngestReport()
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
        """Write one batch in one transaction (the only write path)."""
        with self._writer() as w:
            rejections = batch.rejection_keys()
            have_docs = _stored_documents(w, batch)
            have_rej = {str(k) for k in w.existing("rejections", "rejection_key", rejections)} if len(rejections) else set()
            new = batch.without(have_docs, have_rej)
            for table in ROW_TABLES:
                if table != "events" and new.count(table):
                    w.insert(table, new.tables[table])
            if new.count("events"):
                # events go in with their clusters (eventwire.store.clusters)
                for statement in scratch_ddl(self.dialect):
                    w.execute(statement)
                recompute(w, self.dialect, self.window, new.tables["events"], new.tables["documents"])
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
