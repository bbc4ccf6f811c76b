"""The whole pipeline: ingest -> clean -> language -> nlp -> extract (+ actors, geo, time).

Documents stream through: nothing holds the corpus, a bad document becomes a
:class:`~eventwire.records.Rejected` and the run goes on.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path

from eventwire import clean, ingest, language
from eventwire.extract.document import Resources, code_document
from eventwire.nlp import parse
from eventwire.records import (
    CleanDoc,
    CodedDocument,
    Event,
    RawDoc,
    Rejected,
    RejectReason,
    Stage,
)
from eventwire.settings import Settings

Result = CodedDocument | Rejected


@lru_cache(maxsize=4)
def resources(settings: Settings) -> Resources:
    return Resources.load(settings)


def _parse_and_code(items: Iterable[CleanDoc | Rejected], settings: Settings) -> Iterator[Result]:
    res = resources(settings)
    pending: deque[Rejected] = deque()

    def accepted() -> Iterator[CleanDoc]:
        for item in items:
            if isinstance(item, Rejected):
                pending.append(item)
            elif len(item.text) > settings.max_doc_chars:
                pending.append(
                    Rejected(item.doc_id, Stage.NLP, RejectReason.TOO_LARGE,
                             f"{len(item.text):,} characters, over the limit of {settings.max_doc_chars:,} (setting max_doc_chars)")
                )
            else:
                yield item

    for doc, parsed in parse(accepted(), settings=settings):
        while pending:
            yield pending.popleft()
        try:
            yield code_document(doc, parsed, res, settings)
        except Exception as exc:  # noqa: BLE001 - a bad document never stops the run
            yield Rejected(doc.doc_id, Stage.EXTRACT, RejectReason.FAILED, f"{type(exc).__name__}: {exc}")
    while pending:
        yield pending.popleft()


def code_raw(docs: Iterable[RawDoc | Rejected], *, settings: Settings | None = None) -> Iterator[Result]:
    settings = settings or Settings()
    cleaned = clean.run(docs, settings=settings)
    english = language.run(cleaned, settings=settings)
    return _parse_and_code(english, settings)


def code_paths(
    paths: Iterable[str | Path], *, settings: Settings | None = None, default_date: date | None = None
) -> Iterator[Result]:
    """Code files, directories and JSONL files (``-`` for standard input)."""
    settings = settings or Settings()
    return code_raw(ingest.run(paths, settings=settings, default_date=default_date), settings=settings)


def code_documents(
    docs: Iterable[RawDoc | Mapping[str, object] | str], *, settings: Settings | None = None
) -> Iterator[Result]:
    """Code documents given as :class:`RawDoc`, JSON-like mappings (``id``, ``text``,
    ``date``, ...) or plain strings; streams one result per document."""
    settings = settings or Settings()

    def raw() -> Iterator[RawDoc | Rejected]:
        for n, d in enumerate(docs, 1):
            if isinstance(d, RawDoc):
                yield d
            elif isinstance(d, str):
                yield ingest.from_text(d, doc_id=f"<text {n}>")
            else:
                record = d if "id" in d else {**d, "id": f"<record {n}>"}
                yield from ingest.from_records([record])

    return code_raw(raw(), settings=settings)


def code_text(text: str, *, date: date | str | None = None, settings: Settings | None = None) -> list[Event]:
    """Code one text; returns its events (an empty list when the text was rejected)."""
    if isinstance(date, str):
        from datetime import date as _date

        date = _date.fromisoformat(date)
    settings = settings or Settings()
    doc = ingest.from_text(text, doc_id="<text>", date=date)
    events: list[Event] = []
    for result in code_raw([doc], settings=settings):
        if isinstance(result, CodedDocument):
            events.extend(result.events)
    return events
