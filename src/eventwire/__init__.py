"""eventwire: read news, write political event data with the evidence for every record.

    >>> import eventwire
    >>> events = eventwire.code_text("Russia's foreign minister rejected Turkey's proposal.", date="2020-11-03")
    >>> events[0].source.code, events[0].plover, events[0].target.code
    ('RUSGOV', 'REJECT', 'TUR')
"""

from eventwire.errors import EventwireError
from eventwire.records import (
    Actor,
    CleanDoc,
    CodedDocument,
    Event,
    EventDate,
    Mention,
    Modality,
    Place,
    RawDoc,
    Rejected,
    Span,
)
from eventwire.settings import Settings, load_settings

__version__ = "0.1.0"

_PIPELINE = ("code_documents", "code_paths", "code_text")
_STORE = ("open_store", "Filters", "query", "stats", "IngestReport")


def __getattr__(name: str) -> object:
    # the pipeline imports spaCy; load it on first use, not when eventwire is imported
    if name in _PIPELINE:
        from eventwire import pipeline

        return getattr(pipeline, name)
    if name in _STORE:
        from eventwire import store

        return getattr(store, name)

    raise AttributeError(f"module 'eventwire' has no attribute {name!r}")


__all__ = [
    "Actor",
    "CleanDoc",
    "CodedDocument",
    "Event",
    "EventDate",
    "EventwireError",
    "Filters",
    "IngestReport",
    "Mention",
    "Modality",
    "Place",
    "RawDoc",
    "Rejected",
    "Settings",
    "Span",
    "code_documents",
    "code_paths",
    "code_text",
    "load_settings",
    "open_store",
    "query",
    "stats",
]
