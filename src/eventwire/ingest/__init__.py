"""Ingest: files, directories, JSON Lines, HTML and stdin in; :class:`RawDoc` records out.

    from eventwire.ingest import run
    for item in run(["news/", "extra.jsonl"], settings=settings):
        ...  # RawDoc, or Rejected(doc_id, Stage.INGEST, reason, detail)

Bad input is data: a missing path, an empty, binary or oversized file, an HTML page
without an article, a malformed JSON line or a record without text each become one
:class:`~eventwire.records.Rejected`, and reading goes on.
"""

from eventwire.ingest.jsonl import from_records, from_text
from eventwire.ingest.reader import run

__all__ = ["from_records", "from_text", "run"]
