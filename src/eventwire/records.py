"""Typed, frozen records that travel between pipeline stages.

Stage contracts (each stage is a subpackage with a ``run`` entry point):

    ingest.run(paths)        -> Iterator[RawDoc | Rejected]
    clean.run(items)         -> Iterator[CleanDoc | Rejected]
    language.run(items)      -> Iterator[CleanDoc | Rejected]
    nlp + extract            -> Iterator[CodedDocument | Rejected]

All character offsets (``Span``) index into ``CleanDoc.text``, the cleaned document text,
which is what every event's evidence points at.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Literal


class Stage(StrEnum):
    INGEST = "ingest"
    CLEAN = "clean"
    LANGUAGE = "language"
    NLP = "nlp"
    EXTRACT = "extract"


class RejectReason(StrEnum):
    MISSING_PATH = "missing_path"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    BINARY = "binary"
    TOO_LARGE = "too_large"
    MALFORMED = "malformed"
    NO_TEXT = "no_text"
    NO_ARTICLE = "no_article"
    NOT_ENGLISH = "not_english"
    UNSUPPORTED = "unsupported"
    FAILED = "failed"


InputFormat = Literal["text", "html", "jsonl", "api"]


@dataclass(frozen=True, slots=True)
class Rejected:
    """A document that could not be coded, with the reason. Data, not an exception."""

    doc_id: str
    stage: Stage
    reason: RejectReason
    detail: str

    def to_dict(self) -> dict[str, str]:
        return {"doc_id": self.doc_id, "stage": str(self.stage), "reason": str(self.reason), "detail": self.detail}


@dataclass(frozen=True, slots=True)
class RawDoc:
    """A document as read from its source, before cleaning."""

    doc_id: str
    text: str
    date: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None  # the outlet, e.g. "AFP"; used for NumSources
    origin: str = ""  # where it came from: a path, "path:line", or "<text>"
    format: InputFormat = "text"


@dataclass(frozen=True, slots=True)
class CleanDoc:
    """A cleaned document. ``text`` is the reference for every span eventwire reports."""

    doc_id: str
    text: str
    date: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""
    language: str | None = None
    removed: tuple[str, ...] = ()  # debris lines removed by the cleaner, for the record

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Span:
    """A character span ``[start, end)`` in ``CleanDoc.text``."""

    start: int
    end: int
    text: str

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named-entity mention (spaCy label) with document offsets."""

    text: str
    label: str  # GPE, LOC, FAC, NORP, ORG, PERSON, DATE, TIME, ...
    start: int
    end: int
    sentence_index: int
    preposition: str | None = None  # the governing preposition ("in", "near", ...), lower-case


@dataclass(frozen=True, slots=True)
class ClauseContext:
    """What the geo and time stages see of an event: its clause, sentence and entities."""

    doc_id: str
    sentence_index: int
    sentence: str
    sentence_start: int  # document offset of the sentence
    clause_start: int  # document offsets of the event's clause (trigger subtree)
    clause_end: int
    trigger_start: int
    entities: tuple[EntityMention, ...] = ()  # entity mentions within the sentence


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor. ``code`` is CAMEO-style: country/IGO code then role codes."""

    code: str  # e.g. "RUSGOV", "IGO", "---"
    text: str  # the words in the text that name it
    span: Span | None
    country: str | None = None  # ISO3, CAMEO country code, or IGO/NGO code
    roles: tuple[str, ...] = ()
    name: str | None = None  # canonical name if known, e.g. "Sergei Lavrov"
    how: str = ""  # resolution evidence, e.g. "pattern:country+role", "kb:...", "coref:..."
    ethnic: str | None = None  # the people the words name ("Iraqi Kurds" -> KUR), suffixed to ``code`` outside its home state

    @property
    def known(self) -> bool:
        return self.code != "---"


UNKNOWN_ACTOR_CODE = "---"


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    intent: bool = False  # intent or future ("will send troops")
    conditional: bool = False  # "if ..." attached
    reported: bool = False  # attributed to someone else ("A said B attacked C")
    historical: bool = False  # background ("has mediated for three decades")


@dataclass(frozen=True, slots=True)
class EventDate:
    date: date | None  # when the event happened (best estimate)
    publication_date: date | None
    expression: str | None = None  # the raw expression, e.g. "over the weekend"
    method: str = "publication"  # "explicit", "relative", "weekday", "publication", "none"


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened (GDELT's ActionGeo) or an actor's geography."""

    name: str
    feature_type: Literal["country", "region", "city", "conflict_region"]
    country: str | None  # ISO3
    fips: str | None  # FIPS 10-4 country code for GDELT export
    adm1: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None = None
    method: str = ""  # how it was chosen
    text: str | None = None  # the words in the text, when a place was named


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the document where the event is stated."""

    sentence_index: int
    sentence: str
    trigger: Span
    source: Span | None
    target: Span | None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: who did what to whom, when and where, with its evidence."""

    event_id: str
    doc_id: str
    sentence_index: int
    sentence: str
    source: Actor
    target: Actor
    cameo: str
    cameo_name: str
    plover: str | None  # None for CAMEO 01 (public statement)
    plover_mode: str | None
    plover_context: str | None
    quad_class: int
    goldstein: float
    modality: Modality
    trigger: Span
    confidence: float
    date: EventDate
    location: Place | None = None
    mentions: tuple[Mention, ...] = ()
    doc_url: str | None = None
    doc_source: str | None = None

    @property
    def num_mentions(self) -> int:
        return max(1, len(self.mentions))

    @property
    def is_statement(self) -> bool:
        return self.cameo.startswith("01")

    def to_dict(self) -> dict[str, object]:
        """The stable, documented flat record (see README, "Event record")."""
        from eventwire.schema import event_to_dict

        return event_to_dict(self)


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """A document that went through the whole pipeline, with its events."""

    doc: CleanDoc
    sentences: tuple[Sentence, ...]
    events: tuple[Event, ...]
