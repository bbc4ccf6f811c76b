"""Language: keep English documents, reject the rest as NOT_ENGLISH.

    from eventwire.language import run
    for item in run(clean_docs, settings=settings):
        ...  # CleanDoc with language="en", or Rejected(..., Stage.LANGUAGE, NOT_ENGLISH, "detected 'fr' (0.99)")

Identification reads at most the first 2,000 characters (usually 600) with py3langid,
whose model is loaded on first use. Short texts are only rejected on strong evidence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

from eventwire.language.identify import Detection, detect, is_english
from eventwire.records import CleanDoc, Rejected, RejectReason, Stage
from eventwire.settings import Settings

__all__ = ["Detection", "detect", "is_english", "run"]


def run(items: Iterable[CleanDoc | Rejected], *, settings: Settings) -> Iterator[CleanDoc | Rejected]:
    """Mark English documents ``language="en"``; reject the others. Rejections pass through."""
    for item in items:
        if isinstance(item, Rejected):
            yield item
            continue
        detection = detect(item.text)
        if is_english(detection, settings=settings):
            yield dataclasses.replace(item, language="en")
        else:
            yield Rejected(item.doc_id, Stage.LANGUAGE, RejectReason.NOT_ENGLISH, detection.describe())
