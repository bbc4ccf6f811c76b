"""Paths to documents: files by type, directories recursively, ``-`` for standard input.

Everything here streams: a directory is walked one entry at a time and a JSON Lines file
read one line at a time. A whole file is only ever read after ``stat`` has shown it to
be within ``settings.max_file_bytes``, and streams (stdin, pipes) are read with the same
bound, so a 50 MB file is turned away without being read.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import BinaryIO

from eventwire.errors import InputError
from eventwire.ingest.decoding import BinaryContent, decode
from eventwire.ingest.html import NoArticle, extract_article
from eventwire.ingest.jsonl import object_to_doc, read_jsonl
from eventwire.records import InputFormat, RawDoc, Rejected, RejectReason, Stage
from eventwire.settings import Settings

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".jsonlines"})
#: Formats people point eventwire at by mistake, with what to do instead.
UNSUPPORTED_SUFFIXES = {
    ".pdf": "PDF files are not read; convert them to text first (e.g. pdftotext)",
    ".doc": "Word documents are not read; save them as plain text first",
    ".docx": "Word documents are not read; save them as plain text first",
    ".odt": "OpenDocument files are not read; save them as plain text first",
    ".zip": "archives are not read; unpack them first",
    ".gz": "compressed files are not read; decompress them first",
    ".bz2": "compressed files are not read; decompress them first",
    ".xz": "compressed files are not read; decompress them first",
    ".png": "images are not read",
    ".jpg": "images are not read",
    ".jpeg": "images are not read",
    ".gif": "images are not read",
    ".xlsx": "spreadsheets are not read; export JSON Lines with a 'text' column",
    ".parquet": "Parquet is not read; export JSON Lines with a 'text' column",
}
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<!--")
STDIN_NAME = "<stdin>"
_CHARS = "characters (max_doc_chars)"


def run(
    paths: Iterable[str | Path] | str | Path,
    *,
    settings: Settings,
    default_date: date | None = None,
) -> Iterator[RawDoc | Rejected]:
    """Read files, directories and ``-`` (stdin) into documents, one at a time.

    A document that cannot be read becomes a :class:`Rejected` and reading goes on;
    :class:`InputError` is raised only when standard input itself cannot be read.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for given in paths:
        name = str(given)
        if name == "-":
            yield from _read_stdin(settings, default_date)
        else:
            yield from _read_path(name, settings, default_date)


def _read_path(name: str, settings: Settings, default_date: date | None) -> Iterator[RawDoc | Rejected]:
    try:
        info = os.stat(name)
    except FileNotFoundError:
        yield _rejected(name, RejectReason.MISSING_PATH, f"{name}: no such file or directory; check the path")
        return
    except OSError as exc:
        yield _rejected(name, RejectReason.UNREADABLE, f"{name}: cannot be read ({exc.strerror or exc})")
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _walk(name, settings, default_date, seen=set())
    elif stat.S_ISREG(info.st_mode):
        yield from _read_file(name, info.st_size, settings, default_date)
    else:  # a pipe or device, e.g. bash's <(command): read it as a stream
        try:
            with open(name, "rb") as stream:
                yield from _read_stream(stream, name, settings, default_date)
        except OSError as exc:
            yield _rejected(name, RejectReason.UNREADABLE, f"{name}: cannot be read ({exc.strerror or exc})")


def _walk(top: str, settings: Settings, default_date: date | None, *, seen: set[str]) -> Iterator[RawDoc | Rejected]:
    real = os.path.realpath(top)
    if real in seen:  # a symlink loop
        return
    seen.add(real)
    try:
        with os.scandir(top) as it:
            entries = sorted((e for e in it if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as exc:
        yield _rejected(top, RejectReason.UNREADABLE, f"{top}: directory cannot be listed ({exc.strerror or exc})")
        return
    for entry in entries:
        child = os.path.join(top, entry.name)
        try:
            if entry.is_dir():
                yield from _walk(child, settings, default_date, seen=seen)
            elif entry.is_file():
                yield from _read_file(child, entry.stat().st_size, settings, default_date)
        except OSError as exc:
            yield _rejected(child, RejectReason.UNREADABLE, f"{child}: cannot be read ({exc.strerror or exc})")


def _read_file(name: str, size: int, settings: Settings, default_date: date | None) -> Iterator[RawDoc | Rejected]:
    suffix = Path(name).suffix.lower()
    if suffix in UNSUPPORTED_SUFFIXES:
        yield _rejected(name, RejectReason.UNSUPPORTED, f"{name}: {UNSUPPORTED_SUFFIXES[suffix]}")
        return
    try:
        if suffix in JSONL_SUFFIXES:
            with open(name, "rb") as stream:
                yield from read_jsonl(stream, name=name, settings=settings, default_date=default_date)
            return
        if size == 0:
            yield _rejected(name, RejectReason.EMPTY, f"{name}: the file is empty")
            return
        limit = settings.max_file_bytes
        if size > limit:
            yield _rejected(name, RejectReason.TOO_LARGE, _too_large(name, f"{size:,} bytes", limit))
            return
        if size > 4 * settings.max_doc_chars and suffix not in HTML_SUFFIXES:  # >= size/4 characters
            size_text = f"{size:,} bytes, so over {size // 4:,} characters"
            yield _rejected(name, RejectReason.TOO_LARGE, _too_large(name, size_text, settings.max_doc_chars, _CHARS))
            return
        with open(name, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as exc:
        yield _rejected(name, RejectReason.UNREADABLE, f"{name}: cannot be read ({exc.strerror or exc})")
        return
    if len(data) > limit:  # the file grew after stat
        yield _rejected(name, RejectReason.TOO_LARGE, _too_large(name, f"over {limit:,} bytes", limit))
    elif suffix == ".json":
        yield from _json_docs(name, data, settings, default_date)
    else:
        yield _bytes_doc(name, data, settings, default_date, html=suffix in HTML_SUFFIXES)


def _read_stdin(settings: Settings, default_date: date | None) -> Iterator[RawDoc | Rejected]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("standard input is not available; pass file or directory paths instead of '-'")
    try:
        yield from _read_stream(stream, STDIN_NAME, settings, default_date)
    except OSError as exc:
        raise InputError(f"standard input cannot be read ({exc}); pass file paths instead of '-'") from exc


def _read_stream(
    stream: BinaryIO, name: str, settings: Settings, default_date: date | None
) -> Iterator[RawDoc | Rejected]:
    """A stream of unknown type: JSON Lines if it starts with ``{``, HTML if with a tag, else text."""
    limit = settings.max_file_bytes
    head: list[bytes] = []
    size = 0
    while size <= limit:  # read up to the first non-blank line
        line = stream.readline(limit + 1 - size)
        if not line:
            break
        head.append(line)
        size += len(line)
        if line.strip():
            break
    start = b"".join(head).lstrip().removeprefix(b"\xef\xbb\xbf")
    if start.startswith(b"{"):
        yield from read_jsonl(_Prepended(head, stream), name=name, settings=settings, default_date=default_date)
        return
    data = b"".join(head)
    if size <= limit:
        data += stream.read(limit + 1 - size)
    if len(data) > limit:
        yield _rejected(name, RejectReason.TOO_LARGE, _too_large(name, f"over {limit:,} bytes", limit))
    elif not data:
        yield _rejected(name, RejectReason.EMPTY, f"{name}: no input")
    else:
        yield _bytes_doc(name, data, settings, default_date, html=False)


def _bytes_doc(
    name: str, data: bytes, settings: Settings, default_date: date | None, *, html: bool
) -> RawDoc | Rejected:
    if html or data[:512].lstrip().lower().startswith(_HTML_STARTS):
        return _html_doc(name, data, settings, default_date)
    try:
        text = decode(data).text
    except BinaryContent as exc:
        return _rejected(
            name, RejectReason.BINARY, f"{name}: not a text file ({exc}); eventwire reads text, HTML and JSON Lines"
        )
    return _text_doc(name, text, settings, default_date, fmt="text")


def _html_doc(name: str, data: bytes, settings: Settings, default_date: date | None) -> RawDoc | Rejected:
    if b"\x00" in data[:65_536]:
        return _rejected(name, RejectReason.BINARY, f"{name}: not an HTML page (contains NUL bytes)")
    try:
        article = extract_article(data)
    except NoArticle as exc:
        return _rejected(name, RejectReason.NO_ARTICLE, f"{name}: {exc}")
    doc = _text_doc(name, article.text, settings, default_date, fmt="html")
    if isinstance(doc, Rejected):
        return doc
    return RawDoc(
        doc_id=name,
        text=doc.text,
        date=article.date or default_date,
        title=article.title,
        url=article.url,
        source=article.source,
        origin=name,
        format="html",
    )


def _text_doc(
    name: str, text: str, settings: Settings, default_date: date | None, *, fmt: InputFormat
) -> RawDoc | Rejected:
    if not text.strip():
        return _rejected(name, RejectReason.EMPTY, f"{name}: holds only whitespace")
    if len(text) > settings.max_doc_chars:
        size = f"{len(text):,} characters"
        return _rejected(name, RejectReason.TOO_LARGE, _too_large(name, size, settings.max_doc_chars, _CHARS))
    return RawDoc(doc_id=name, text=text, date=default_date, origin=name, format=fmt)


def _json_docs(name: str, data: bytes, settings: Settings, default_date: date | None) -> Iterator[RawDoc | Rejected]:
    """A ``.json`` file: one record object, or an array of them."""
    try:
        loaded = json.loads(decode(data).text)
    except (BinaryContent, json.JSONDecodeError) as exc:
        yield _rejected(name, RejectReason.MALFORMED, f"{name}: not valid JSON ({exc})")
        return
    records = loaded if isinstance(loaded, list) else [loaded]
    for number, record in enumerate(records, start=1):
        where = name if len(records) == 1 and not isinstance(loaded, list) else f"{name}[{number}]"
        yield object_to_doc(record, where, default_date=default_date, settings=settings)


def _too_large(name: str, size: str, limit: int, unit: str = "bytes (max_file_bytes)") -> str:
    return f"{name}: {size}, over the limit of {limit:,} {unit}; split the input or raise the limit"


def _rejected(doc_id: str, reason: RejectReason, detail: str) -> Rejected:
    return Rejected(doc_id, Stage.INGEST, reason, detail)


class _Prepended:
    """A byte stream with some already-read lines put back in front (for sniffing stdin)."""

    def __init__(self, lines: list[bytes], stream: BinaryIO) -> None:
        self._lines = list(lines)
        self._stream = stream

    def readline(self, size: int = -1) -> bytes:
        if self._lines:
            return self._lines.pop(0)
        return self._stream.readline(size)
