"""Event records to files: JSON Lines, CSV and a date-partitioned Parquet dataset.

Every format holds one row per coded event: the flat record of :mod:`eventwire.schema`
followed by the event's cluster columns (``cluster_id``, ``cluster_events``,
``cluster_mentions``, ``cluster_sources``, ``cluster_articles``). JSON columns
(spans, mentions, location) are nested in JSON Lines and JSON text in CSV and Parquet.
The Parquet dataset is partitioned Hive-style by event date (``date=2024-03-09/``;
events without a date go to ``date=__HIVE_DEFAULT_PARTITION__``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TextIO

import pyarrow as pa

from eventwire.errors import ExportError
from eventwire.schema import EVENT_FIELDS
from eventwire.store.query import CLUSTER_FIELDS
from eventwire.store.tables import JSON_FIELDS

FIELDS: tuple[str, ...] = EVENT_FIELDS + CLUSTER_FIELDS

_INT = {"sentence_index", "quad_class", "num_mentions", "cluster_events", "cluster_mentions", "cluster_sources",
        "cluster_articles"}
_FLOAT = {"goldstein", "confidence"}
_BOOL = {"negated", "intent", "conditional", "reported", "historical"}


def _arrow_type(name: str) -> pa.DataType:
    if name in _INT:
        return pa.int64()
    if name in _FLOAT:
        return pa.float64()
    if name in _BOOL:
        return pa.bool_()
    return pa.string()


ARROW_SCHEMA = pa.schema([(name, _arrow_type(name)) for name in FIELDS])


def _json_text(record: dict[str, object]) -> dict[str, object]:
    out = dict(record)
    for name in JSON_FIELDS:
        if out.get(name) is not None:
            out[name] = json.dumps(out[name], ensure_ascii=False, separators=(",", ":"))
    return out


def write_jsonl(records: Iterable[dict[str, object]], out: TextIO) -> int:
    n = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def write_csv(records: Iterable[dict[str, object]], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    n = 0
    for record in records:
        flat = _json_text(record)
        writer.writerow([_csv_value(flat.get(name)) for name in FIELDS])
        n += 1
    return n


def _chunks(records: Iterable[dict[str, object]], size: int) -> Iterator[list[dict[str, object]]]:
    it = iter(records)
    while chunk := list(islice(it, size)):
        yield chunk


def write_parquet(records: Iterable[dict[str, object]], folder: Path, *, chunk: int = 100_000) -> int:
    """A Hive-partitioned (by ``date``) Parquet dataset in ``folder``, which must be new or empty."""
    import pyarrow.dataset as ds

    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ExportError(f"{folder} exists and is not an empty folder; choose a new folder for the Parquet dataset")
    folder.mkdir(parents=True, exist_ok=True)
    partitioning = ds.partitioning(pa.schema([("date", pa.string())]), flavor="hive")
    n = 0
    for i, rows in enumerate(_chunks(records, chunk)):
        table = pa.Table.from_pylist([_json_text(r) for r in rows], schema=ARROW_SCHEMA)
        ds.write_dataset(
            table,
            folder,
            format="parquet",
            partitioning=partitioning,
            basename_template=f"part-{i:05d}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )
        n += len(rows)
    return n
