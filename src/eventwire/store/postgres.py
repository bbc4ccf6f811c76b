"""The PostgreSQL backend (psycopg 3), for stores shared by several machines or users.

Same tables and behaviour as the DuckDB backend. Writes run in one transaction per batch
(and one for a run's clustering) that first takes a transaction-level advisory lock, so
concurrent ingests into the same database serialise their transactions (cluster
recomputation reads and rewrites whole keys). Readers wait only when they find clustering
pending and finish it first; PostgreSQL gives each statement a consistent snapshot.
Rows are loaded with ``COPY``. A store lives in the first schema of the connection's
``search_path``; pass ``?options=-csearch_path%3Dmyschema`` in the URL to choose one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from itertools import count

import psycopg
import pyarrow as pa

from eventwire.errors import StoreError
from eventwire.store.base import DEFAULT_WINDOW, SqlStore
from eventwire.store.tables import Dialect

_PG_TYPES: dict[pa.DataType, str] = {
    pa.string(): "TEXT",
    pa.int32(): "INTEGER",
    pa.int64(): "BIGINT",
    pa.float64(): "DOUBLE PRECISION",
    pa.bool_(): "BOOLEAN",
    pa.date32(): "DATE",
    pa.timestamp("us"): "TIMESTAMP",
}

#: advisory lock key taken by every write transaction ("ewir" in ASCII)
WRITE_LOCK = 0x65776972
_cursor_names = count()


def _pg_sql(sql: str) -> str:
    """``?`` placeholders (the store's portable form) to psycopg's ``%s``."""
    return sql.replace("%", "%%").replace("?", "%s")


def redact(url: str) -> str:
    """The URL without its password, for messages."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    creds, host = rest.rsplit("@", 1)
    user = creds.split(":", 1)[0]
    return f"{scheme}://{user}@{host}"


class _Writer:
    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def existing(self, table: str, key: str, values: pa.Array) -> set[object]:
        rows = self.conn.execute(f"SELECT {key} FROM {table} WHERE {key} = ANY(%s)", (values.to_pylist(),)).fetchall()
        return {r[0] for r in rows}

    def insert(self, table: str, rows: pa.Table) -> None:
        names = ", ".join(rows.column_names)
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for chunk in rows.to_batches(65536):
                for row in zip(*(column.to_pylist() for column in chunk.columns), strict=True):
                    copy.write_row(row)

    def execute(self, sql: str) -> None:
        self.conn.execute(sql)  # type: ignore[arg-type]

    def count(self, sql: str) -> int:
        return self.conn.execute(sql).rowcount  # type: ignore[arg-type]

    def stage(self, name: str, rows: pa.Table) -> None:
        cols = ", ".join(f"{f.name} {_PG_TYPES[f.type]}" for f in rows.schema)
        self.conn.execute(f"CREATE TEMP TABLE {name} ({cols}) ON COMMIT DROP")  # type: ignore[arg-type]
        self.insert(name, rows)

    def table(self, sql: str, schema: pa.Schema) -> pa.Table:
        rows = self.conn.execute(sql).fetchall()  # type: ignore[arg-type]
        return pa.table([pa.array([r[i] for r in rows], f.type) for i, f in enumerate(schema)], schema=schema)

    def fetch(self, sql: str, params: Sequence[object] = ()) -> list[tuple[object, ...]]:
        return self.conn.execute(_pg_sql(sql), list(params)).fetchall()  # type: ignore[arg-type]


class PostgresStore(SqlStore):
    dialect: Dialect = "postgres"

    def __init__(self, url: str, *, create: bool = True, window: int = DEFAULT_WINDOW, connect_timeout: int = 10) -> None:
        self.url = url
        self.target = redact(url)
        try:
            self.conn = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to PostgreSQL at {self.target}: {str(exc).strip()}; "
                "check the URL and that the server is running"
            ) from exc
        try:
            with self._writer() as w:
                self.window = self._setup(w, window=window, create=create)
        except BaseException:
            self.conn.close()
            raise

    @contextmanager
    def _writer(self, *, bulk: bool = False) -> Iterator[_Writer]:
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield _Writer(self.conn)
        except psycopg.Error as exc:
            raise StoreError(f"writing to the store {self.target} failed: {str(exc).strip()}") from exc

    def read(self, sql: str, params: Sequence[object] = ()) -> Iterator[dict[str, object]]:
        try:
            if self.has_pending_table and self.conn.execute("SELECT 1 FROM pending_cluster_keys LIMIT 1").fetchone():
                self.finish_clustering()
            with self.conn.transaction(), self.conn.cursor(name=f"ew_read_{next(_cursor_names)}") as cur:
                cur.itersize = 4096
                cur.execute(_pg_sql(sql), list(params))  # type: ignore[arg-type]
                names = [d.name for d in cur.description or ()]
                for row in cur:
                    yield dict(zip(names, row, strict=True))
        except psycopg.Error as exc:
            raise StoreError(f"reading the store {self.target} failed: {str(exc).strip()}") from exc

    def close(self) -> None:
        if not self.conn.closed:
            self.conn.close()
