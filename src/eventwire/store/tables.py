"""The store's tables, written once for both backends (DuckDB and PostgreSQL).

Each column is declared with a portable type name that :func:`ddl` turns into the
backend's own type. The ``events`` table holds every field of the flat event record
(:data:`eventwire.schema.EVENT_FIELDS`, in that order) followed by a few columns that the
store derives for clustering and for the GDELT export.

Documents are identified by ``content_hash`` (SHA-256 of the cleaned text) and by
``doc_key``, its first 63 bits as an integer; every other table refers to a document
through ``doc_key``, so two documents that share a ``doc_id`` (say, a file edited between
two runs) never mix their rows. The (astronomically unlikely) case of two texts with the
same 63-bit prefix fails loudly instead of mixing: the write path looks up each new
document's ``doc_key`` and compares the stored hash (PostgreSQL also has it as primary key).
"""

from __future__ import annotations

from typing import Literal

from eventwire.schema import EVENT_FIELDS

Dialect = Literal["duckdb", "postgres"]

#: bump when a table changes; a store with another version raises StoreSchemaError.
SCHEMA_VERSION = "1"

_TYPES: dict[str, dict[Dialect, str]] = {
    "text": {"duckdb": "VARCHAR", "postgres": "TEXT"},
    "int": {"duckdb": "INTEGER", "postgres": "INTEGER"},
    "bigint": {"duckdb": "BIGINT", "postgres": "BIGINT"},
    "float": {"duckdb": "DOUBLE", "postgres": "DOUBLE PRECISION"},
    "bool": {"duckdb": "BOOLEAN", "postgres": "BOOLEAN"},
    "date": {"duckdb": "DATE", "postgres": "DATE"},
    "timestamp": {"duckdb": "TIMESTAMP", "postgres": "TIMESTAMP"},
    # DuckDB keeps JSON as its text: its JSON type parses every value on insert, which cost
    # a tenth of the events' write time in the benchmark; the builder writes the text with
    # json.dumps, and DuckDB's JSON functions (location->>'name') read VARCHAR alike
    "json": {"duckdb": "VARCHAR", "postgres": "JSONB"},
}

_EVENT_TYPES: dict[str, str] = {
    "sentence_index": "int",
    "date": "date",
    "publication_date": "date",
    "quad_class": "int",
    "goldstein": "float",
    "negated": "bool",
    "intent": "bool",
    "conditional": "bool",
    "reported": "bool",
    "historical": "bool",
    "source_span": "json",
    "target_span": "json",
    "trigger_span": "json",
    "confidence": "float",
    "num_mentions": "int",
    "mentions": "json",
    "location": "json",
}

#: JSON columns of the flat record (stored as JSON, returned as Python objects).
JSON_FIELDS: frozenset[str] = frozenset(k for k, v in _EVENT_TYPES.items() if v == "json")

#: columns the store adds after the flat record's fields.
EVENT_EXTRA: tuple[tuple[str, str], ...] = (
    ("source_name", "text"),  # canonical actor names and role codes (GDELT export)
    ("source_roles", "text"),
    ("target_name", "text"),
    ("target_roles", "text"),
    ("cameo_root", "text"),  # clustering key, with source and target
    ("place_key", "text"),  # identity of the location, NULL when the event has none
    ("cluster_key", "bigint"),  # 63-bit hash of (source, target, cameo_root)
    ("group_key", "bigint"),  # 63-bit hash of (source, target, cameo_root, place_key)
    ("cluster_day", "int"),  # days since 1970-01-01 of the event date (else publication date)
    ("cluster_id", "text"),  # set by the cluster computation; NULL only inside a write
)

TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "store_meta": (("key", "text"), ("value", "text")),
    "documents": (
        ("doc_key", "bigint"),
        ("content_hash", "text"),
        ("doc_id", "text"),
        ("date", "date"),
        ("title", "text"),
        ("url", "text"),
        ("source", "text"),
        ("origin", "text"),
        ("language", "text"),
        ("text", "text"),
        ("ingested_at", "timestamp"),
    ),
    "sentences": (
        ("doc_key", "bigint"),
        ("sentence_index", "int"),
        ("start_char", "int"),
        ("end_char", "int"),
        ("text", "text"),
    ),
    "events": (("doc_key", "bigint"),)
    + tuple((name, _EVENT_TYPES.get(name, "text")) for name in EVENT_FIELDS)
    + EVENT_EXTRA,
    "mentions": (
        ("doc_key", "bigint"),
        ("event_id", "text"),
        ("mention_index", "int"),
        ("sentence_index", "int"),
        ("trigger_start", "int"),
        ("trigger_end", "int"),
        ("trigger_text", "text"),
        ("source_start", "int"),
        ("source_end", "int"),
        ("target_start", "int"),
        ("target_end", "int"),
    ),
    "rejections": (
        ("rejection_key", "text"),
        ("doc_id", "text"),
        ("stage", "text"),
        ("reason", "text"),
        ("detail", "text"),
        ("rejected_at", "timestamp"),
    ),
    "event_clusters": (
        ("cluster_id", "text"),
        ("cluster_key", "bigint"),
        ("source", "text"),
        ("target", "text"),
        ("cameo_root", "text"),
        ("place_key", "text"),
        ("anchor_day", "int"),
        ("island_start", "int"),
        ("date_first", "date"),
        ("date_last", "date"),
        ("first_seen", "date"),
        ("last_seen", "date"),
        ("num_events", "int"),
        ("num_mentions", "int"),
        ("num_sources", "int"),
        ("num_articles", "int"),
        ("goldstein_sum", "float"),
        ("rep_doc_key", "bigint"),
        ("rep_event_id", "text"),
        ("place_doc_key", "bigint"),
        ("place_event_id", "text"),
        ("first_added", "timestamp"),
    ),
    # keys whose clusters a write run has not recomputed yet: written in the transaction
    # that stores their events, emptied by the one that recomputes them
    # (eventwire.store.clusters); several rows per key are fine
    "pending_cluster_keys": (
        ("cluster_key", "bigint"),
        ("first_day", "int"),  # the earliest new day of the key (NULL: only undated new events)
        ("undated", "bool"),  # some new events of the key have no day
    ),
}

#: tables a store made by an earlier eventwire may lack (created by the next writer)
OPTIONAL_TABLES: frozenset[str] = frozenset({"pending_cluster_keys"})

#: scratch tables of the cluster computation (eventwire.store.clusters): temporary (no
#: WAL), per connection, and empty outside a write transaction.
SCRATCH: dict[str, tuple[tuple[str, str], ...]] = {
    # per touched key, the first day whose clusters are recomputed
    "cluster_scope": (("cluster_key", "bigint"), ("s", "int")),
    # stored days just before the scope: island seeds and placed context
    "cluster_edge": (
        ("cluster_key", "bigint"),
        ("group_key", "bigint"),
        ("place_key", "text"),
        ("day", "int"),
        ("c_place", "text"),  # the place of the day's cluster (NULL: an unattached unplaced day)
        ("anchor", "int"),
        ("island_start", "int"),
    ),
    # every (group, day) in the scope, with its cluster
    "cluster_days": (
        ("group_key", "bigint"),
        ("dkey", "int"),  # day, or NO_DAY for undated events (a join key without NULLs)
        ("c_place", "text"),
        ("anchor", "int"),
        ("island_start", "int"),
        ("cluster_id", "text"),
    ),
    # events in the scope whose cluster changed (old_id NULL: not clustered yet); DuckDB
    # finds them again by rowid, PostgreSQL by (doc_key, event_id)
    "cluster_moves": (("rid", "bigint"), ("doc_key", "bigint"), ("event_id", "text"), ("old_id", "text"),
                      ("new_id", "text")),
    # clusters whose members or island changed
    "cluster_changed": (("cluster_id", "text"),),
    # changed clusters without a day in the scope: their place and island (a safeguard)
    "cluster_keep": (("cluster_id", "text"), ("c_place", "text"), ("anchor", "int"), ("island_start", "int")),
}

#: primary keys. DuckDB keeps only the small tables': ART indexes slow bulk writes (those
#: of documents by a fifth in the benchmark). The write transaction itself keeps documents
#: unique (it looks up the batch's ``doc_key``s first, and there is one writer per DuckDB
#: file), and the other tables' keys follow from documents'.
_DUCKDB_KEYS = {"store_meta", "rejections"}
_KEYS: dict[str, str] = {
    "store_meta": "PRIMARY KEY (key)",
    "documents": "PRIMARY KEY (doc_key), UNIQUE (content_hash)",
    "sentences": "PRIMARY KEY (doc_key, sentence_index)",
    "events": "PRIMARY KEY (doc_key, event_id)",
    "mentions": "PRIMARY KEY (doc_key, event_id, mention_index)",
    "rejections": "PRIMARY KEY (rejection_key)",
    "event_clusters": "PRIMARY KEY (cluster_id)",
}

#: secondary indexes (PostgreSQL only: DuckDB's zone maps serve these scans better than ART).
_PG_INDEXES: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS events_date_idx ON events (date)",
    "CREATE INDEX IF NOT EXISTS events_source_idx ON events (source text_pattern_ops)",
    "CREATE INDEX IF NOT EXISTS events_target_idx ON events (target text_pattern_ops)",
    "CREATE INDEX IF NOT EXISTS events_key_idx ON events (cluster_key)",
    "CREATE INDEX IF NOT EXISTS events_cluster_idx ON events (cluster_id)",
    "CREATE INDEX IF NOT EXISTS events_doc_idx ON events (doc_id)",
    "CREATE INDEX IF NOT EXISTS clusters_key_idx ON event_clusters (cluster_key)",
    "CREATE INDEX IF NOT EXISTS documents_doc_idx ON documents (doc_id)",
)

#: the tables a user sees (everything but the scratch table), in dependency order.
DATA_TABLES: tuple[str, ...] = ("documents", "sentences", "events", "mentions", "rejections", "event_clusters")


def columns(table: str) -> tuple[str, ...]:
    return tuple(name for name, _ in TABLES[table])


def scratch_ddl(dialect: Dialect) -> list[str]:
    """``CREATE TEMP TABLE IF NOT EXISTS`` for the scratch tables (run in each write)."""
    return [
        f"CREATE TEMP TABLE IF NOT EXISTS {table} (" + ", ".join(f"{n} {_TYPES[k][dialect]}" for n, k in cols) + ")"
        for table, cols in SCRATCH.items()
    ]


def ddl(dialect: Dialect) -> list[str]:
    """``CREATE TABLE IF NOT EXISTS`` statements (and indexes) for ``dialect``."""
    statements = []
    for table, cols in TABLES.items():
        parts = [f"{name} {_TYPES[kind][dialect]}" for name, kind in cols]
        if table in _KEYS and (dialect == "postgres" or table in _DUCKDB_KEYS):
            parts.append(_KEYS[table])
        statements.append(f"CREATE TABLE IF NOT EXISTS {table} (\n  " + ",\n  ".join(parts) + "\n)")
    if dialect == "postgres":
        statements.extend(_PG_INDEXES)
    return statements
