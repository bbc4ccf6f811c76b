"""Turn pipeline output into column batches, the unit every store backend writes.

A :class:`Batch` holds the rows of several documents (and rejections) column by column,
one ``dict[column, list]`` per table, in the column order of :mod:`eventwire.store.tables`.
``store.ingest`` fills batches with :class:`BatchBuilder` from ``CodedDocument`` records;
bulk loaders (the benchmark) can build the same columns directly and hand them to
``store.ingest_batch``, so both go through one write path.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from eventwire.records import CodedDocument, Event, Mention, Place, Rejected
from eventwire.schema import event_to_dict
from eventwire.store.tables import JSON_FIELDS, columns

EPOCH = date(1970, 1, 1)
ROW_TABLES: tuple[str, ...] = ("documents", "sentences", "events", "mentions", "rejections")
_EVENT_COLUMNS = columns("events")


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


def _empty() -> dict[str, dict[str, list[object]]]:
    return {table: {name: [] for name in columns(table)} for table in ROW_TABLES}


@dataclass(frozen=True, slots=True)
class Batch:
    """Rows of several documents and rejections, column by column."""

    tables: dict[str, dict[str, list[object]]] = field(default_factory=_empty)

    def count(self, table: str) -> int:
        cols = self.tables[table]
        return len(next(iter(cols.values())))

    def doc_hashes(self) -> list[str]:
        return [str(h) for h in self.tables["documents"]["content_hash"]]

    def rejection_keys(self) -> list[str]:
        return [str(k) for k in self.tables["rejections"]["rejection_key"]]

    def without(self, doc_hashes: set[str], rejection_keys: set[str]) -> Batch:
        """The batch minus the given documents (and all their rows) and rejections."""
        if not doc_hashes and not rejection_keys:
            return self
        docs = self.tables["documents"]
        doc_keys = {k for k, h in zip(docs["doc_key"], docs["content_hash"], strict=True) if h in doc_hashes}
        out: dict[str, dict[str, list[object]]] = {}
        for table, cols in self.tables.items():
            key_col = "rejection_key" if table == "rejections" else "doc_key"
            drop: set[object] = rejection_keys if table == "rejections" else doc_keys  # type: ignore[assignment]
            keep = [i for i, k in enumerate(cols[key_col]) if k not in drop]
            out[table] = {name: [values[i] for i in keep] for name, values in cols.items()}
        return Batch(out)

    def rows(self, table: str) -> Iterable[tuple[object, ...]]:
        return zip(*self.tables[table].values(), strict=True)

    @classmethod
    def from_columns(cls, **tables: dict[str, list[object]]) -> Batch:
        """A batch from ready-made columns; missing tables are empty, columns are checked."""
        out = _empty()
        for table, cols in tables.items():
            expected = columns(table)
            if tuple(cols) != expected:
                missing = set(expected) - set(cols)
                extra = set(cols) - set(expected)
                raise ValueError(f"table {table}: columns differ (missing {sorted(missing)}, unknown {sorted(extra)})")
            lengths = {len(v) for v in cols.values()}
            if len(lengths) > 1:
                raise ValueError(f"table {table}: columns of different lengths {sorted(lengths)}")
            out[table] = {name: list(values) for name, values in cols.items()}
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
        self._tables = _empty()
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
        batch = Batch(self._tables)
        self._tables = _empty()
        self._hashes = set()
        self._rejections = set()
        return batch

