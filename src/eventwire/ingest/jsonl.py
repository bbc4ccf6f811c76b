"""JSON records to documents: JSON Lines files and streams, and the Python API helpers.

A record is a JSON object ``{"id", "text", "date"?, "title"?, "url"?, "source"?}``; other
fields are ignored. One record makes one :class:`RawDoc`; a line that is not a JSON
object becomes a MALFORMED rejection and a record without usable text a NO_TEXT one,
and reading goes on with the next line. Files are read one line at a time, and a line
longer than ``settings.max_file_bytes`` is skipped in bounded chunks, never held whole.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Protocol

from eventwire.ingest.decoding import BinaryContent, decode
from eventwire.records import InputFormat, RawDoc, Rejected, RejectReason, Stage
from eventwire.settings import Settings

LOG = logging.getLogger(__name__)

_CHUNK = 1 << 20
_COMPACT_DATE = re.compile(r"^\d{8}")


class LineStream(Protocol):
    """What :func:`read_jsonl` needs of a stream: bounded ``readline`` of bytes."""

    def readline(self, size: int = -1, /) -> bytes: ...



def from_text(text: str, *, doc_id: str = "<text>", date: date | None = None) -> RawDoc:
    """One document from a string (Python API)."""
    return RawDoc(doc_id=doc_id, text=text, date=date, origin="<text>", format="api")


def from_records(
    records: Iterable[Mapping[str, object]], *, default_date: date | None = None
) -> Iterator[RawDoc | Rejected]:
    """Documents from in-memory records shaped like JSONL input (Python API).

    A record without an ``id`` gets ``<record N>`` (N counts from 1).
    """
    for number, record in enumerate(records, start=1):
        fallback = f"<record {number}>"
        if not isinstance(record, Mapping):
            yield _rejected(
                fallback, RejectReason.MALFORMED, f"record {number} is a {type(record).__name__}, not a mapping"
            )
            continue
        yield record_to_doc(
            record, fallback_id=fallback, origin=fallback, fmt="api", default_date=default_date, max_chars=None
        )


def read_jsonl(
    stream: LineStream, *, name: str, settings: Settings, default_date: date | None
) -> Iterator[RawDoc | Rejected]:
    """Documents from a JSON Lines byte stream; ``name`` prefixes line-based ids."""
    limit = settings.max_file_bytes
    lineno = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        lineno += 1
        where = f"{name}:{lineno}"
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line) + _skip_rest_of_line(stream)
            yield _rejected(
                where,
                RejectReason.TOO_LARGE,
                f"{where}: the line is {size:,} bytes, over the {limit:,}-byte limit (max_file_bytes); "
                "split the record or raise the limit",
            )
            continue
        if lineno == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        if not line.strip():
            continue
        try:
            text = decode(line).text
        except BinaryContent as exc:
            yield _rejected(where, RejectReason.MALFORMED, f"{where}: the line is not text ({exc})")
            continue
        try:
            record = json.loads(text.rstrip("\r\n"))
        except json.JSONDecodeError as exc:
            yield _rejected(where, RejectReason.MALFORMED, f"{where}: not valid JSON ({exc.msg}, column {exc.colno})")
            continue
        yield object_to_doc(record, where, default_date=default_date, settings=settings)


def object_to_doc(record: object, where: str, *, default_date: date | None, settings: Settings) -> RawDoc | Rejected:
    """A parsed JSON value as a document: a record object, or a MALFORMED rejection."""
    if not isinstance(record, dict):
        kind = type(record).__name__
        return _rejected(where, RejectReason.MALFORMED, f"{where}: a JSON {kind}, not a record object")
    return record_to_doc(
        record,
        fallback_id=where,
        origin=where,
        fmt="jsonl",
        default_date=default_date,
        max_chars=settings.max_doc_chars,
    )


def record_to_doc(
    record: Mapping[str, object],
    *,
    fallback_id: str,
    origin: str,
    fmt: InputFormat,
    default_date: date | None,
    max_chars: int | None,
) -> RawDoc | Rejected:
    """One record to a document, or the reason it cannot be one."""
    raw_id = record.get("id")
    doc_id = str(raw_id).strip() if isinstance(raw_id, (str, int)) and str(raw_id).strip() else fallback_id
    text = record.get("text")
    if text is None:
        return _rejected(doc_id, RejectReason.NO_TEXT, f"{origin}: the record has no 'text' field")
    if not isinstance(text, str):
        return _rejected(doc_id, RejectReason.NO_TEXT, f"{origin}: 'text' is a {type(text).__name__}, not a string")
    if not text.strip():
        return _rejected(doc_id, RejectReason.NO_TEXT, f"{origin}: 'text' is empty")
    if max_chars is not None and len(text) > max_chars:
        return _rejected(
            doc_id,
            RejectReason.TOO_LARGE,
            f"{origin}: text is {len(text):,} characters, over the {max_chars:,} limit (max_doc_chars)",
        )
    return RawDoc(
        doc_id=doc_id,
        text=text,
        date=parse_record_date(record.get("date"), where=origin) or default_date,
        title=_optional_str(record.get("title")),
        url=_optional_str(record.get("url")),
        source=_optional_str(record.get("source")),
        origin=origin,
        format=fmt,
    )


def parse_record_date(value: object, *, where: str = "") -> date | None:
    """A record's date: a ``date``/``datetime``, ISO 8601, ``YYYYMMDD`` or RFC 2822 text."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
        if _COMPACT_DATE.match(text):
            try:
                return datetime.strptime(text[:8], "%Y%m%d").date()
            except ValueError:
                pass
        try:
            return parsedate_to_datetime(text).date()
        except (TypeError, ValueError, IndexError):
            pass
    LOG.warning("%s: ignoring unreadable date %r (use YYYY-MM-DD)", where or "record", value)
    return None


def _optional_str(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _skip_rest_of_line(stream: LineStream) -> int:
    skipped = 0
    while True:
        chunk = stream.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _rejected(doc_id: str, reason: RejectReason, detail: str) -> Rejected:
    return Rejected(doc_id, Stage.INGEST, reason, detail)
