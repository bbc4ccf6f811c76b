"""Turn pipeline output into Arrow batches, the unit every store backend writes.

A :class:`Batch` holds the rows of several documents (and rejections) as one Arrow table
per store table, with the column names and types of :mod:`eventwire.store.tables`.
``store.ingest`` fills batches with :class:`BatchBuilder` from ``CodedDocument`` records;
bulk loaders (the benchmark) build the same columns directly -- lists, NumPy or Arrow
arrays -- with :meth:`Batch.from_columns` and hand them to ``store.ingest_batch``, so both
go through one write path, and that path never touches a row in Python: DuckDB reads
the Arrow tables in place, PostgreSQL gets them through ``COPY``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import pyarrow as pa
import pyarrow.compute as pc

from eventwire.records import CodedDocument, Event, Mention, Place, Rejected
from eventwire.schema import event_to_dict
from eventwire.store.tables import JSON_FIELDS, TABLES, columns

EPOCH = date(1970, 1, 1)
ROW_TABLES: tuple[str, ...] = ("documents", "sentences", "events", "mentions", "rejections")
_EVENT_COLUMNS = columns("events")

#: Arrow type of each portable column type (JSON travels as its text)
ARROW_TYPES: dict[str, pa.DataType] = {
    "text": pa.string(),
    "int": pa.int32(),
    "bigint": pa.int64(),
    "float": pa.float64(),
    "bool": pa.bool_(),
    "date": pa.date32(),
    "timestamp": pa.timestamp("us"),
    "json": pa.string(),
}


def arrow_schema(table: str) -> pa.Schema:
    """The Arrow schema of a store table (or scratch table)."""
    return pa.schema([(name, ARROW_TYPES[kind]) for name, kind in TABLES[table]])


def _column(values: object, kind: pa.DataType) -> pa.Array | pa.ChunkedArray:
    if isinstance(values, (pa.Array, pa.ChunkedArray)):
        return values if values.type == kind else values.cast(kind)
    return pa.array(values, type=kind)  # lists, tuples, NumPy arrays


def arrow_table(table: str, cols: Mapping[str, object]) -> pa.Table:
    """Columns of a store table (lists, NumPy or Arrow arrays) as an Arrow table of its types."""
    schema = arrow_schema(table)
    return pa.Table.from_arrays([_column(cols[f.name], f.type) for f in schema], schema=schema)


def _dump(value: object) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def place_key(place: Place | None) -> str | None:
    """Identity of a place for clustering: its GeoNames id, else country + normalised name."""
    if place is None:
        return None
    if place.geonames_id is not None:
        return f"geonames:{place.geonames_id}"
    name = " ".join(place.name.lower().split())
    return f"name:{(place.country or '').upper()}:{name}"


def key_hash(*parts: str | None) -> int:
    """A 63-bit integer hash of text parts (the same on every backend and machine)."""
    raw = "\x1f".join(p or "" for p in parts).encode("utf-8")
    return int.from_bytes(hashlib.blake2b(raw, digest_size=8).digest(), "big") >> 1


def doc_key(content_hash: str) -> int:
    """The document's integer key: the first 63 bits of its SHA-256 content hash."""
    return int(content_hash[:16], 16) >> 1


def day_number(value: date | None) -> int | None:
    return None if value is None else (value - EPOCH).days


def rejection_key(item: Rejected) -> str:
    raw = "\x1f".join((item.doc_id, str(item.reason), item.detail))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _empty_columns() -> dict[str, dict[str, list[object]]]:
    return {table: {name: [] for name in columns(table)} for table in ROW_TABLES}


def _empty_tables() -> dict[str, pa.Table]:
    return {table: arrow_schema(table).empty_table() for table in ROW_TABLES}


@dataclass(frozen=True, slots=True)
class Batch:
    """Rows of several documents and rejections: one Arrow table per store table."""

    tables: dict[str, pa.Table] = field(default_factory=_empty_tables)

    def count(self, table: str) -> int:
        return self.tables[table].num_rows

    def doc_hashes(self) -> pa.Array:
        return self.tables["documents"].column("content_hash").combine_chunks()

    def rejection_keys(self) -> pa.Array:
        return self.tables["rejections"].column("rejection_key").combine_chunks()

    def without(self, doc_hashes: set[str], rejection_keys: set[str]) -> Batch:
        """The batch minus the given documents (and all their rows) and rejections."""
        if not doc_hashes and not rejection_keys:
            return self
        out = dict(self.tables)
        if doc_hashes:
            docs = self.tables["documents"]
            gone = pc.is_in(docs.column("content_hash"), value_set=pa.array(sorted(doc_hashes), pa.string()))
            keys = docs.column("doc_key").filter(gone).combine_chunks()
            for table in ("documents", "sentences", "events", "mentions"):
                t = self.tables[table]
                out[table] = t.filter(pc.invert(pc.is_in(t.column("doc_key"), value_set=keys)))
        if rejection_keys:
            t = self.tables["rejections"]
            drop = pa.array(sorted(rejection_keys), pa.string())
            out["rejections"] = t.filter(pc.invert(pc.is_in(t.column("rejection_key"), value_set=drop)))
        return Batch(out)

    def rows(self, table: str) -> Iterator[tuple[object, ...]]:
        """The rows of one table as Python tuples (for backends without Arrow input)."""
        for chunk in self.tables[table].to_batches(65536):
            yield from zip(*(column.to_pylist() for column in chunk.columns), strict=True)

    @classmethod
    def from_columns(cls, **tables: Mapping[str, object]) -> Batch:
        """A batch from ready-made columns (lists, NumPy or Arrow arrays) of whole tables.

        Missing tables are empty; every column of a given table must be there, in the
        table's order, with equal lengths (the column types are converted as needed).
        """
        out = _empty_tables()
        for table, cols in tables.items():
            if table not in out:
                raise ValueError(f"unknown table {table!r}; a batch has {', '.join(ROW_TABLES)}")
            expected = columns(table)
            if tuple(cols) != expected:
                missing = set(expected) - set(cols)
                extra = set(cols) - set(expected)
                raise ValueError(f"table {table}: columns differ (missing {sorted(missing)}, unknown {sorted(extra)})")
            lengths = {len(v) for v in cols.values()}  # type: ignore[arg-type]
            if len(lengths) > 1:
                raise ValueError(f"table {table}: columns of different lengths {sorted(lengths)}")
            out[table] = arrow_table(table, cols)
        return cls(out)


def _mention_rows(event: Event) -> list[tuple[object, ...]]:
    mentions: tuple[Mention, ...] = event.mentions or (
        Mention(event.sentence_index, event.sentence, event.trigger, event.source.span, event.target.span),
    )
    rows: list[tuple[object, ...]] = []
    for i, m in enumerate(mentions):
        rows.append(
            (
                i,
                m.sentence_index,
                m.trigger.start,
                m.trigger.end,
                m.trigger.text,
                m.source.start if m.source else None,
                m.source.end if m.source else None,
                m.target.start if m.target else None,
                m.target.end if m.target else None,
            )
        )
    return rows


class BatchBuilder:
    """Accumulates documents and rejections into a :class:`Batch`.

    A document whose text was already added to this builder is skipped (and counted);
    the store skips documents already present in the database the same way.
    """

    def __init__(self) -> None:
        self._tables = _empty_columns()
        self._hashes: set[str] = set()
        self._rejections: set[str] = set()
        self.duplicates = 0
        self.duplicate_rejections = 0

    @property
    def size(self) -> int:
        return len(self._hashes) + len(self._rejections)

    def add(self, item: CodedDocument | Rejected, *, now: datetime | None = None) -> None:
        now = now or datetime.now(UTC).replace(tzinfo=None)
        if isinstance(item, Rejected):
            self._add_rejection(item, now)
        else:
            self._add_document(item, now)

    def _add_rejection(self, item: Rejected, now: datetime) -> None:
        key = rejection_key(item)
        if key in self._rejections:
            self.duplicate_rejections += 1
            return
        self._rejections.add(key)
        row = (key, item.doc_id, str(item.stage), str(item.reason), item.detail, now)
        for name, value in zip(columns("rejections"), row, strict=True):
            self._tables["rejections"][name].append(value)

    def _add_document(self, item: CodedDocument, now: datetime) -> None:
        doc = item.doc
        digest = doc.content_hash
        if digest in self._hashes:
            self.duplicates += 1
            return
        self._hashes.add(digest)
        key = doc_key(digest)
        t = self._tables
        row: tuple[object, ...] = (
            key, digest, doc.doc_id, doc.date, doc.title, doc.url, doc.source, doc.origin, doc.language, doc.text, now
        )
        for name, value in zip(columns("documents"), row, strict=True):
            t["documents"][name].append(value)
        for s in item.sentences:
            for name, cell in zip(columns("sentences"), (key, s.index, s.start, s.end, s.text), strict=True):
                t["sentences"][name].append(cell)
        events, mentions = t["events"], t["mentions"]
        mention_cols = columns("mentions")
        for event in item.events:
            flat = event_to_dict(event)
            for name in JSON_FIELDS:
                flat[name] = _dump(flat[name])
            day = event.date.date or event.date.publication_date
            root = event.cameo[:2]
            where = place_key(event.location)
            flat.update(
                doc_key=key,
                date=event.date.date,  # the flat record has ISO strings; the store keeps DATEs
                publication_date=event.date.publication_date,
                source_name=event.source.name,
                source_roles=" ".join(event.source.roles) or None,
                target_name=event.target.name,
                target_roles=" ".join(event.target.roles) or None,
                cameo_root=root,
                place_key=where,
                cluster_key=key_hash(event.source.code, event.target.code, root),
                group_key=key_hash(event.source.code, event.target.code, root, where),
                cluster_day=day_number(day),
                cluster_id=None,
            )
            for name in _EVENT_COLUMNS:
                events[name].append(flat[name])
            for mrow in _mention_rows(event):
                for name, cell in zip(mention_cols, (key, event.event_id, *mrow), strict=True):
                    mentions[name].append(cell)

    def build(self) -> Batch:
        """The batch so far; the builder starts empty again."""
        batch = Batch({table: arrow_table(table, cols) for table, cols in self._tables.items()})
        self._tables = _empty_columns()
        self._hashes = set()
        self._rejections = set()
        return batch

