"""The DuckDB backend: one embedded database file, the default store.

DuckDB lets one process write a file, and no other process open it meanwhile (not even
to read). A write run (``ingest``, :meth:`~eventwire.store.base.SqlStore.writing`)
keeps one connection for all its batches and checkpoints once, when it closes at the end
of the run; outside runs a store holds no connection: each read opens the file read-only
and closes it when its rows are consumed. Whoever finds the file locked retries for
``lock_timeout`` seconds and leaves a *read request* beside it (``<file>.read-request``);
a run that finds one before its next batch closes its connection (a checkpoint), waits
:data:`RELEASE_SECONDS` for the readers to get in, and opens the file again. So
``query``/``stats`` work while an ``ingest`` runs (they see the batches committed so far,
clustered first), and long reads (a big export) delay a running ingest, never break it.

``hold=True`` keeps one connection for the store's lifetime instead (exclusive: no read
requests are honoured); ``:memory:`` stores always hold.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from time import monotonic, sleep

import duckdb
import pyarrow as pa

from eventwire.errors import StoreError
from eventwire.store.base import DEFAULT_WINDOW, SqlStore
from eventwire.store.tables import Dialect


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:2] if part.isdigit())


_DUCKDB = _version(duckdb.__version__)

#: Storage format of new store files: DuckDB 1.3's when this DuckDB can write it. Its
#: string compression (dictionary and FSST in one method) makes writes about a fifth
#: cheaper than the default format (of DuckDB 0.10); a file written with it needs
#: DuckDB >= 1.3 to be read.
STORAGE_VERSION: str | None = "v1.3.0" if _DUCKDB >= (1, 3) else None

#: Settings of read-only connections (the storage format matters only for writing).
CONFIG: dict[str, str] = {"storage_compatibility_version": STORAGE_VERSION} if STORAGE_VERSION else {}

#: Rows per row group that a writer creates (DuckDB's default is 122,880). Each commit
#: compresses its new rows and rewrites the row group it appended to when that one was
#: not full; with smaller row groups a batch of 100,000 events fills whole ones and
#: rewrites little (commits about a third cheaper), and the min/max statistics that let
#: scans skip old days get finer. Needs DuckDB >= 1.2 (ATTACH option); None: the default.
ROW_GROUP_ROWS: int | None = 32_768 if _DUCKDB >= (1, 2) else None

#: the name a writer's connection gives the attached store file
ALIAS = "ew_store"

#: DuckDB threads of a write transaction. Its work (appends, compressing the new row groups
#: at commit, the cluster statements on one batch) gains nothing from a second thread on a
#: small machine and spends CPU coordinating it: one thread writes faster on two cores,
#: more so when they are busy. Reads keep DuckDB's default.
WRITE_THREADS = 1

#: DuckDB threads of a run's final clustering (None: DuckDB's default, one per core). Unlike
#: a batch's appends, it is one big set-based computation (joins, window functions and
#: aggregates over every new event) that a second core speeds up by a third to a half,
#: even on a shared machine.
CLUSTER_THREADS: int | None = None

#: suffix of the file a process that finds the store locked creates beside it
READ_REQUEST = ".read-request"

#: how long a run that honours a read request stays out of the file: longer than a
#: waiting reader's longest retry interval (0.1 s), so each one tries at least once
RELEASE_SECONDS = 0.15


class _Writer:
    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.staged: list[str] = []

    def unstage(self) -> None:
        for name in self.staged:
            self.con.unregister(name)
        self.staged.clear()

    def existing(self, table: str, key: str, values: pa.Array) -> set[object]:
        self.con.register("_ew_keys", pa.table({"k": values}))
        try:
            rows = self.con.execute(f"SELECT {key} FROM {table} WHERE {key} IN (SELECT k FROM _ew_keys)").fetchall()
        finally:
            self.con.unregister("_ew_keys")
        return {r[0] for r in rows}

    def insert(self, table: str, rows: pa.Table) -> None:
        names = ", ".join(rows.column_names)
        self.con.register("_ew_batch", rows)
        try:
            self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM _ew_batch")
        finally:
            self.con.unregister("_ew_batch")

    def execute(self, sql: str) -> None:
        self.con.execute(sql)

    def count(self, sql: str) -> int:
        row = self.con.execute(sql).fetchone()
        return int(row[0]) if row else 0

    def stage(self, name: str, rows: pa.Table) -> None:
        self.con.register(name, rows)
        self.staged.append(name)

    def fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        return self.con.execute(sql, list(params)).fetchall()

    def table(self, sql: str, schema: pa.Schema) -> pa.Table:
        return self.con.execute(sql).to_arrow_table().cast(schema)


class DuckDBStore(SqlStore):
    dialect: Dialect = "duckdb"

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        hold: bool = False,
        lock_timeout: float = 60.0,
        window: int = DEFAULT_WINDOW,
    ) -> None:
        self.path = str(path)
        self.target = self.path
        self.memory = self.path == ":memory:"
        self.hold = hold or self.memory
        self.lock_timeout = lock_timeout
        self._con: duckdb.DuckDBPyConnection | None = None
        self._in_run = False  # a write run holds self._con (and honours read requests)
        self.attached = False
        if not self.memory:
            file = Path(self.path)
            if not file.parent.is_dir():
                raise StoreError(f"cannot create the store {self.path}: folder {file.parent} does not exist")
            if not create and not file.exists():
                raise StoreError(f"no store at {self.path}; ingest documents first: eventwire ingest PATH --db {self.path}")
        if create:
            with self._writer() as w:
                self.window = self._setup(w, window=window, create=True)
        else:  # a reader: check the tables without taking the write lock
            with self._connection(read_only=True) as con:
                self.window = self._setup(_Writer(con), window=window, create=False)

    # -- connections ---------------------------------------------------------------------
    def _connect(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        """A connection to the file: plain for readers, by ATTACH (row group size and
        storage format set) for the writer when this DuckDB has those options."""
        if read_only or self.memory or ROW_GROUP_ROWS is None:
            return duckdb.connect(self.path, read_only=read_only, config=dict(CONFIG))
        options = [f"ROW_GROUP_SIZE {ROW_GROUP_ROWS}"]
        if STORAGE_VERSION:
            options.append(f"STORAGE_VERSION '{STORAGE_VERSION}'")
        con = duckdb.connect(":memory:")
        try:
            quoted = self.path.replace("'", "''")
            con.execute(f"ATTACH '{quoted}' AS {ALIAS} ({', '.join(options)})")
            con.execute(f"USE {ALIAS}")
        except BaseException:
            con.close()
            raise
        self.attached = True
        return con

    def _open(self, read_only: bool) -> duckdb.DuckDBPyConnection:
        deadline = monotonic() + self.lock_timeout
        delay = 0.01
        while True:
            try:
                return self._connect(read_only)
            except duckdb.IOException as exc:
                if "lock" not in str(exc).lower():
                    raise StoreError(f"cannot open the DuckDB store {self.path}: {exc}") from exc
                if not self._in_run:  # a run reopening after a release asks no one
                    self._request_release()
                if monotonic() >= deadline:
                    raise StoreError(
                        f"the store {self.path} stayed locked by another process for {self.lock_timeout:.0f} s; "
                        f"retry when it finishes ({exc})"
                    ) from exc
            except duckdb.Error as exc:
                raise StoreError(f"cannot open the DuckDB store {self.path}: {exc}") from exc
            # random waits: a reader retrying at a fixed rhythm can fall in step with a writer
            # that reopens the file batch after batch, and never find it free
            sleep(delay * random.uniform(0.2, 1.0))
            delay = min(delay * 1.5, 0.1)

    def _request_release(self) -> None:
        """Ask the process holding the file for a run to let go of it (see the module doc)."""
        if self.memory:
            return
        try:
            Path(self.path + READ_REQUEST).touch()
        except OSError:
            pass  # a read-only folder: wait for the run to end instead

    def _honour_read_requests(self) -> None:
        """In a run, between two transactions: close and reopen the file if asked to."""
        request = Path(self.path + READ_REQUEST)
        if not self._in_run or self._con is None or not request.exists():
            return
        request.unlink(missing_ok=True)
        self._con.close()  # checkpoints: the readers see every committed batch
        self._con = None
        sleep(RELEASE_SECONDS)
        self._con = self._open(read_only=False)

    @contextmanager
    def _session(self) -> Iterator[None]:
        """One connection for a whole write run, checkpointed and closed at its end."""
        if self._con is not None or self.hold:
            yield
            return
        self._con = self._open(read_only=False)
        self._in_run = True
        try:
            yield
        finally:
            self._in_run = False
            con, self._con = self._con, None
            if con is not None:
                con.close()  # the checkpoint of the run
            try:
                os.unlink(self.path + READ_REQUEST)  # its readers get in now
            except OSError:
                pass

    @contextmanager
    def _connection(self, read_only: bool) -> Iterator[duckdb.DuckDBPyConnection]:
        if self.hold and self._con is None:
            self._con = self._open(read_only=False)
        if self._con is not None:
            cursor = self._con.cursor() if read_only else self._con
            if read_only and self.attached:
                cursor.execute(f"USE {ALIAS}")  # a cursor is a new connection to the same database
            try:
                yield cursor
            finally:
                if read_only:
                    cursor.close()
            return
        con = self._open(read_only)
        try:
            yield con
        finally:
            con.close()

    @contextmanager
    def _writer(self, *, bulk: bool = False) -> Iterator[_Writer]:
        self._honour_read_requests()
        with self._connection(read_only=False) as con:
            threads = CLUSTER_THREADS if bulk else WRITE_THREADS
            con.execute("RESET threads" if threads is None else f"SET threads = {threads}")
            con.begin()
            writer = _Writer(con)
            try:
                yield writer
                con.commit()
            except duckdb.Error as exc:
                con.rollback()
                raise StoreError(f"writing to the store {self.path} failed: {exc}") from exc
            except BaseException:
                con.rollback()
                raise
            finally:
                writer.unstage()
                con.execute("RESET threads")

    def read(self, sql: str, params: Sequence[object] = ()) -> Iterator[dict[str, object]]:
        with self._connection(read_only=True) as con:
            pending = self._pending(con)
            if not pending:
                yield from self._rows(con, sql, params)
        if pending:  # finish the clustering (as a writer), then read
            self.finish_clustering()
            with self._connection(read_only=True) as con:
                yield from self._rows(con, sql, params)

    def _pending(self, con: duckdb.DuckDBPyConnection) -> bool:
        if not self.has_pending_table:
            return False
        try:
            return con.execute("SELECT 1 FROM pending_cluster_keys LIMIT 1").fetchone() is not None
        except duckdb.Error as exc:
            raise StoreError(f"reading the store {self.path} failed: {exc}") from exc

    def _rows(self, con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[object]) -> Iterator[dict[str, object]]:
        try:
            cur = con.execute(sql, list(params))
        except duckdb.Error as exc:
            raise StoreError(f"reading the store {self.path} failed: {exc}") from exc
        names = [d[0] for d in cur.description]
        while rows := cur.fetchmany(4096):
            for row in rows:
                yield dict(zip(names, row, strict=True))

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None
