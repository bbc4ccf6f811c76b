"""Ingest of files and directories: types, encodings, and every kind of bad input."""

from __future__ import annotations

import random
import time
from datetime import date
from pathlib import Path

import pytest

from eventwire.ingest import run
from eventwire.records import RawDoc, Rejected, RejectReason, Stage
from eventwire.settings import Settings

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"


def read_one(path: Path | str, settings: Settings, **kwargs: object) -> RawDoc | Rejected:
    items = list(run([path], settings=settings, **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


def test_plain_text_file_keeps_path_as_id_and_default_date(settings: Settings) -> None:
    path = str(INPUTS / "french_news.txt")
    doc = read_one(path, settings, default_date=date(2021, 6, 1))
    assert isinstance(doc, RawDoc)
    assert doc.doc_id == path and doc.origin == path
    assert doc.format == "text"
    assert doc.date == date(2021, 6, 1)
    assert doc.text.startswith("Le ministre français des Affaires étrangères")


def test_a_single_path_string_is_not_iterated_character_by_character(settings: Settings) -> None:
    items = list(run(str(INPUTS / "french_news.txt"), settings=settings))
    assert [type(i) for i in items] == [RawDoc]


def test_latin1_file_is_decoded_not_rejected(settings: Settings) -> None:
    doc = read_one(INPUTS / "latin1_article.txt", settings)
    assert isinstance(doc, RawDoc)
    for word in ("Zürich", "café-style", "Hôtel", "Genève", "£40,000", "5°C"):
        assert word in doc.text
    assert "\ufffd" not in doc.text


def test_cp1252_quotes_and_dashes_are_decoded(settings: Settings) -> None:
    doc = read_one(INPUTS / "cp1252_article.txt", settings)
    assert isinstance(doc, RawDoc)
    assert "“We are ready to host the talks in Nairobi,” Ruto told reporters." in doc.text
    assert "Somalia’s government" in doc.text
    assert " – whose relations" in doc.text


def test_utf16_file_with_byte_order_mark(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Iran and Iraq signed a border pact on Monday.".encode("utf-16"))
    doc = read_one(path, settings)
    assert isinstance(doc, RawDoc) and doc.text == "Iran and Iraq signed a border pact on Monday."


def test_missing_path(settings: Settings) -> None:
    item = read_one("no/such/file.txt", settings)
    assert item == Rejected("no/such/file.txt", Stage.INGEST, RejectReason.MISSING_PATH, item.detail)
    assert "no such file" in item.detail


def test_empty_file(settings: Settings) -> None:
    item = read_one(INPUTS / "empty.txt", settings)
    assert isinstance(item, Rejected) and item.reason is RejectReason.EMPTY and item.stage is Stage.INGEST


def test_whitespace_only_file(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "blank.txt").write_text(" \n\t\n  \n")
    item = read_one(tmp_path / "blank.txt", settings)
    assert isinstance(item, Rejected) and item.reason is RejectReason.EMPTY


def test_binary_junk_with_nul_bytes(settings: Settings) -> None:
    item = read_one(INPUTS / "binary_junk.bin", settings)
    assert isinstance(item, Rejected) and item.reason is RejectReason.BINARY
    assert "NUL" in item.detail


def test_binary_junk_without_nul_bytes(tmp_path: Path, settings: Settings) -> None:
    rng = random.Random(11)
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(rng.randrange(1, 256) for _ in range(4000)))
    item = read_one(path, settings)
    assert isinstance(item, Rejected) and item.reason is RejectReason.BINARY


def test_unsupported_format_says_what_to_do(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.4\n")
    item = read_one(path, settings)
    assert isinstance(item, Rejected) and item.reason is RejectReason.UNSUPPORTED
    assert "convert" in item.detail


def test_50_mb_single_line_file_is_rejected_fast(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "huge.txt"
    chunk = b"word " * 200_000  # 1 MB, no newline anywhere
    with path.open("wb") as f:
        for _ in range(50):
            f.write(chunk)
    started = time.perf_counter()
    item = read_one(path, settings)
    elapsed = time.perf_counter() - started
    assert isinstance(item, Rejected) and item.reason is RejectReason.TOO_LARGE
    assert "max_file_bytes" in item.detail
    assert elapsed < 2.0


def test_document_over_max_doc_chars(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Talks went on. " * 100)
    item = read_one(path, settings.replace(max_doc_chars=500))
    assert isinstance(item, Rejected) and item.reason is RejectReason.TOO_LARGE
    assert "max_doc_chars" in item.detail
    assert isinstance(read_one(path, settings), RawDoc)


def test_directory_is_walked_sorted_recursively_skipping_hidden(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "b.txt").write_text("Second file.")
    (tmp_path / "a.txt").write_text("First file.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("Nested file.")
    (tmp_path / "sub" / "d.jsonl").write_text('{"id": "d1", "text": "From JSONL."}\n')
    (tmp_path / ".hidden.txt").write_text("Hidden file.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "e.txt").write_text("Inside a hidden folder.")
    items = list(run([tmp_path], settings=settings))
    assert all(isinstance(i, RawDoc) for i in items)
    assert [i.text for i in items] == ["First file.", "Second file.", "Nested file.", "From JSONL."]
    assert items[0].doc_id == str(tmp_path / "a.txt")
    assert items[3].doc_id == "d1" and items[3].format == "jsonl"


def test_bad_files_in_a_directory_do_not_stop_the_walk(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "1.txt").write_text("")
    (tmp_path / "2.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / "3.txt").write_text("Good text.")
    reasons = [getattr(i, "reason", "ok") for i in run([tmp_path], settings=settings)]
    assert reasons == [RejectReason.EMPTY, RejectReason.BINARY, "ok"]


def test_html_content_in_a_file_without_html_suffix_is_sniffed(tmp_path: Path, settings: Settings) -> None:
    page = (INPUTS / "article.html").read_bytes()
    (tmp_path / "page").write_bytes(page)
    doc = read_one(tmp_path / "page", settings)
    assert isinstance(doc, RawDoc) and doc.format == "html"
    assert "<p>" not in doc.text


def test_json_file_with_a_list_of_records(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "batch.json"
    path.write_text('[{"id": "x1", "text": "One."}, {"text": "Two."}, 3]')
    items = list(run([path], settings=settings))
    assert isinstance(items[0], RawDoc) and items[0].doc_id == "x1"
    assert isinstance(items[1], RawDoc) and items[1].doc_id == f"{path}[2]"
    assert isinstance(items[2], Rejected) and items[2].reason is RejectReason.MALFORMED


def test_many_inputs_in_one_call_keep_their_order(settings: Settings) -> None:
    items = list(run([INPUTS / "empty.txt", "missing.txt", INPUTS / "cp1252_article.txt"], settings=settings))
    assert [getattr(i, "reason", None) for i in items] == [RejectReason.EMPTY, RejectReason.MISSING_PATH, None]


@pytest.mark.parametrize("name", ["french_news.txt", "latin1_article.txt", "cp1252_article.txt", "wrapped_wire.txt"])
def test_text_fixtures_read_as_documents(name: str, settings: Settings) -> None:
    assert isinstance(read_one(INPUTS / name, settings), RawDoc)
