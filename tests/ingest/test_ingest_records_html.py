"""Ingest of JSON Lines, HTML pages, standard input, and the Python API helpers."""

from __future__ import annotations

import io
import os
import sys
from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.ingest import from_records, from_text, run
from eventwire.records import RawDoc, Rejected, RejectReason, Stage
from eventwire.settings import Settings

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"


def test_jsonl_bad_lines_are_rejected_and_reading_goes_on(settings: Settings) -> None:
    path = str(INPUTS / "records.jsonl")
    items = list(run([path], settings=settings, default_date=date(2020, 1, 1)))
    summary = [(i.doc_id, type(i).__name__, getattr(i, "reason", None)) for i in items]
    assert summary == [
        ("wire-001", "RawDoc", None),
        ("wire-002", "RawDoc", None),
        (f"{path}:3", "Rejected", RejectReason.MALFORMED),
        ("wire-004", "Rejected", RejectReason.NO_TEXT),
        (f"{path}:6", "Rejected", RejectReason.MALFORMED),
        (f"{path}:7", "RawDoc", None),
        ("6", "RawDoc", None),
        ("wire-007", "Rejected", RejectReason.NO_TEXT),
    ]
    assert all(i.stage is Stage.INGEST for i in items if isinstance(i, Rejected))
    first, second = items[0], items[1]
    assert isinstance(first, RawDoc) and isinstance(second, RawDoc)
    assert first.date == date(2024, 2, 1)
    assert first.title == "Chile and Peru sign fisheries accord"
    assert first.source == "Example Wire" and first.url == "https://example.org/wire-001"
    assert first.origin == f"{path}:1" and first.format == "jsonl"
    assert second.date == date(2020, 1, 1)  # no date in the record: the default
    assert isinstance(items[6], RawDoc) and items[6].date == date(2024, 3, 5)  # YYYYMMDD
    assert "no 'text' field" in items[3].detail
    assert "not valid JSON" in items[2].detail


def test_jsonl_oversized_line_is_skipped_without_losing_the_next(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "big.jsonl"
    big = '{"id": "big", "text": "' + "x" * 5000 + '"}'
    path.write_text(big + '\n{"id": "after", "text": "Still read."}\n')
    items = list(run([path], settings=settings.replace(max_file_bytes=1000)))
    assert isinstance(items[0], Rejected) and items[0].reason is RejectReason.TOO_LARGE
    assert items[0].doc_id == f"{path}:1"
    assert isinstance(items[1], RawDoc) and items[1].doc_id == "after"


def test_jsonl_record_over_max_doc_chars(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "long.jsonl"
    path.write_text('{"id": "long", "text": "' + "Talks. " * 100 + '"}\n')
    (item,) = run([path], settings=settings.replace(max_doc_chars=100))
    assert isinstance(item, Rejected) and item.reason is RejectReason.TOO_LARGE and item.doc_id == "long"


def test_jsonl_with_a_cp1252_line(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes('{"id": "q", "text": "“Ready,” he said."}\n'.encode("cp1252"))
    (item,) = run([path], settings=settings)
    assert isinstance(item, RawDoc) and item.text == "“Ready,” he said."


def test_html_article_text_title_and_date(settings: Settings) -> None:
    path = str(INPUTS / "article.html")
    (doc,) = run([path], settings=settings, default_date=date(2000, 1, 1))
    assert isinstance(doc, RawDoc)
    assert doc.doc_id == path and doc.format == "html"
    assert doc.title == "Greece and Turkey agree to resume maritime talks"
    assert doc.date == date(2024, 3, 12)  # from the page metadata, not the default
    assert doc.source == "Example Herald"
    assert "agreed to resume technical talks on their maritime disputes" in doc.text
    assert "Reader comment" not in doc.text  # include_comments=False
    assert "cookies" not in doc.text and "All rights reserved" not in doc.text
    assert "<" not in doc.text


def test_html_page_without_an_article(settings: Settings) -> None:
    (item,) = run([INPUTS / "no_article.html"], settings=settings)
    assert isinstance(item, Rejected) and item.reason is RejectReason.NO_ARTICLE and item.stage is Stage.INGEST


def test_html_without_date_metadata_uses_the_default(tmp_path: Path, settings: Settings) -> None:
    body = "<p>" + " ".join(["The envoy met the minister in Baku on Monday to discuss the talks."] * 3) + "</p>"
    path = tmp_path / "plain.html"
    path.write_text(f"<html><head><title>Envoy visits Baku</title></head><body><article>{body}</article></body></html>")
    (doc,) = run([path], settings=settings, default_date=date(2022, 2, 2))
    assert isinstance(doc, RawDoc) and doc.date == date(2022, 2, 2)


def _fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    _fake_stdin(monkeypatch, b'\n{"id": "s1", "text": "From stdin."}\nnot json\n{"id": "s3", "text": "Third."}\n')
    items = list(run(["-"], settings=settings))
    assert [i.doc_id for i in items] == ["s1", "<stdin>:3", "s3"]
    assert isinstance(items[1], Rejected) and items[1].reason is RejectReason.MALFORMED


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    _fake_stdin(monkeypatch, b"Envoys met in Doha.\n\nThey agreed to meet again.\n")
    (doc,) = run(["-"], settings=settings, default_date=date(2023, 3, 3))
    assert isinstance(doc, RawDoc) and doc.doc_id == "<stdin>" and doc.date == date(2023, 3, 3)
    assert doc.text == "Envoys met in Doha.\n\nThey agreed to meet again.\n"


def test_stdin_html_page_is_recognised(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    _fake_stdin(monkeypatch, (INPUTS / "article.html").read_bytes())
    (doc,) = run(["-"], settings=settings)
    assert isinstance(doc, RawDoc) and doc.format == "html" and doc.title is not None


def test_a_pipe_path_is_read_as_a_stream(settings: Settings) -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, b'{"id": "piped", "text": "From a pipe."}\n')
    os.close(write_end)
    try:
        (doc,) = run([f"/dev/fd/{read_end}"], settings=settings)
    finally:
        os.close(read_end)
    assert isinstance(doc, RawDoc) and doc.doc_id == "piped"


def test_stdin_too_large_is_not_read_whole(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    _fake_stdin(monkeypatch, b"a" * 5000)
    (item,) = run(["-"], settings=settings.replace(max_file_bytes=1000))
    assert isinstance(item, Rejected) and item.reason is RejectReason.TOO_LARGE
    assert len(sys.stdin.buffer.read()) > 0  # the rest was left unread


def test_stdin_unavailable_raises_input_error(monkeypatch: pytest.MonkeyPatch, settings: Settings) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError, match="standard input"):
        list(run(["-"], settings=settings))


def test_from_records_and_from_text() -> None:
    items = list(
        from_records(
            [{"id": "a", "text": "Text A.", "date": "2024-01-31T12:00:00Z"}, {"title": "no text"}, {"text": "Text C."}],
            default_date=date(2019, 9, 9),
        )
    )
    assert isinstance(items[0], RawDoc) and items[0].date == date(2024, 1, 31) and items[0].format == "api"
    assert (
        isinstance(items[1], Rejected) and items[1].reason is RejectReason.NO_TEXT and items[1].doc_id == "<record 2>"
    )
    assert isinstance(items[2], RawDoc) and items[2].doc_id == "<record 3>" and items[2].date == date(2019, 9, 9)
    doc = from_text("Some news.", date=date(2020, 5, 5))
    assert doc == RawDoc("<text>", "Some news.", date=date(2020, 5, 5), origin="<text>", format="api")


def test_unreadable_record_date_is_ignored_not_fatal() -> None:
    (doc,) = from_records([{"id": "d", "text": "x", "date": "sometime last spring"}])
    assert isinstance(doc, RawDoc) and doc.date is None
