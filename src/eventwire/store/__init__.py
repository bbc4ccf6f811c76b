"""The event store: documents, sentences, events, mentions, rejections and event clusters.

    from eventwire.store import open_store, query, stats, Filters

    with open_store("events.duckdb", settings=settings) as store:
        report = store.ingest(code_paths(paths, settings=settings))
        for record in query(store, Filters(actor="RUS", cameo="19")):
            ...

Two backends with the same tables and behaviour: DuckDB (a file path, the default,
``settings.db``) and PostgreSQL (a ``postgresql://`` URL). Ingesting is idempotent (by
the documents' content hash) and crash-safe (one transaction per small batch of
documents, and one for the clusters of the whole write run, which reads finish first if
a run left them pending). The clustering rule is documented in :mod:`eventwire.store.clusters` and in
``docs/store.md``.
"""

from __future__ import annotations

from eventwire.settings import Settings
from eventwire.store.base import DEFAULT_WINDOW, IngestReport, Store
from eventwire.store.query import Filters, query, stats, summary
from eventwire.store.rows import Batch, BatchBuilder

__all__ = [
    "Batch",
    "BatchBuilder",
    "Filters",
    "IngestReport",
    "Store",
    "is_postgres_url",
    "open_store",
    "query",
    "stats",
    "summary",
]


def is_postgres_url(target: str) -> bool:
    return target.startswith(("postgresql://", "postgres://"))


def open_store(
    target: str | None = None,
    *,
    settings: Settings,
    create: bool = True,
    hold: bool = False,
    lock_timeout: float = 60.0,
) -> Store:
    """Open (with ``create``, and create if needed) the store at ``target``.

    ``target`` is a ``postgresql://`` URL or a DuckDB file path (``duckdb:`` prefix
    optional; ``:memory:`` for a throwaway store); ``None`` means ``settings.db``.
    Without ``create``, a missing store raises :class:`~eventwire.errors.StoreError`.
    ``hold`` keeps one DuckDB connection open for the store's lifetime (faster, but no
    other process can open the file meanwhile). The cluster window (days) is
    ``settings.cluster_window`` when that setting exists, else 1; it is fixed when the
    store is created.
    """
    target = target or settings.db
    window = int(getattr(settings, "cluster_window", DEFAULT_WINDOW))
    if is_postgres_url(target):
        from eventwire.store.postgres import PostgresStore

        return PostgresStore(target, create=create, window=window)
    from eventwire.store.duck import DuckDBStore

    path = target.removeprefix("duckdb://").removeprefix("duckdb:")
    return DuckDBStore(path, create=create, hold=hold, lock_timeout=lock_timeout, window=window)
