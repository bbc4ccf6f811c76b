"""Clean: :class:`RawDoc` in, :class:`CleanDoc` out; the text all offsets point into.

    from eventwire.clean import run, clean_text
    clean_text("MOSCOW (Reuters) - Talks resumed.\\nAdvertisement").text
    # 'Talks resumed.'

Removes scraper and CMS debris (rules in ``data/clean/debris.yaml``), repairs mojibake
and odd whitespace, joins hard-wrapped lines, keeps headlines as their own paragraph and
separates paragraphs with a blank line. Cleaning is deterministic and idempotent.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from eventwire.clean.cleaner import Cleaned, clean_doc, clean_text, clean_title
from eventwire.clean.debris import load_rules
from eventwire.records import CleanDoc, RawDoc, Rejected
from eventwire.settings import Settings

__all__ = ["Cleaned", "clean_doc", "clean_text", "clean_title", "run"]


def run(items: Iterable[RawDoc | Rejected], *, settings: Settings) -> Iterator[CleanDoc | Rejected]:
    """Clean each document; rejections from earlier stages pass through unchanged."""
    rules = None
    for item in items:
        if isinstance(item, Rejected):
            yield item
            continue
        if rules is None:
            rules = load_rules()
        yield clean_doc(item, settings=settings, rules=rules)
