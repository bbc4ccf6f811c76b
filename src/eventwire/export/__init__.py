"""Exporting the event store: GDELT 2.0 Events layout, Parquet, JSON Lines, CSV.

    from eventwire.export import export

    n = export(store, "gdelt", "events.gdelt.tsv")

``gdelt`` writes one row per event cluster (see :mod:`eventwire.export.gdelt`); the other
formats one row per event (see :mod:`eventwire.export.files`). ``out`` is a file path, a
folder for ``parquet``, or ``-`` for standard output (text formats).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal, TextIO

from eventwire.errors import ExportError
from eventwire.store import Filters, Store, query

Format = Literal["gdelt", "parquet", "jsonl", "csv"]
FORMATS: tuple[str, ...] = ("gdelt", "parquet", "jsonl", "csv")

__all__ = ["FORMATS", "Format", "export"]


@contextmanager
def _text_out(out: str | Path) -> Iterator[TextIO]:
    if str(out) == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    path = Path(out)
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: folder {path.parent} does not exist")
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            yield handle
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc


def export(store: Store, format: Format | str, out: str | Path, *, filters: Filters | None = None) -> int:
    """Write the store's events (``filters`` narrows them) to ``out``; return rows written."""
    if format not in FORMATS:
        raise ExportError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    if format == "parquet":
        if str(out) == "-":
            raise ExportError("Parquet needs a folder, not standard output")
        from eventwire.export.files import write_parquet

        return write_parquet(query(store, filters, clusters=True), Path(out))
    with _text_out(out) as handle:
        if format == "gdelt":
            from eventwire.export.gdelt import write_gdelt

            return write_gdelt(store, handle, filters)
        from eventwire.export.files import write_csv, write_jsonl

        writer = write_csv if format == "csv" else write_jsonl
        return writer(query(store, filters, clusters=True), handle)
