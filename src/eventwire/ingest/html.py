"""HTML pages: the main article text, title and publication date, via trafilatura.

Extraction is offline: trafilatura only parses the bytes it is given. The date comes from
the page metadata (``<meta>`` tags, JSON-LD, ``<time>``); we switch off htmldate's
"extensive search" so a date quoted in the article body is never taken for the
publication date.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date

LOG = logging.getLogger(__name__)

#: An extraction with fewer words than this is navigation or boilerplate, not an article.
MIN_ARTICLE_WORDS = 8

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Article:
    text: str
    title: str | None
    date: date | None
    url: str | None
    source: str | None


class NoArticle(ValueError):
    """The page holds no article text (internal to ingest; becomes NO_ARTICLE)."""


def extract_article(page: bytes | str) -> Article:
    """The main text and metadata of one HTML page, or :class:`NoArticle`."""
    import trafilatura  # heavy import, only when an HTML page is read

    try:
        doc = trafilatura.bare_extraction(
            page,
            include_comments=False,
            include_tables=False,
            with_metadata=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        raise NoArticle(f"the page could not be parsed as HTML ({type(exc).__name__}: {exc})") from exc
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    words = len(_WORD.findall(text))
    if words < MIN_ARTICLE_WORDS:
        found = "no main text" if not text else f"only {words} word(s) of main text"
        raise NoArticle(f"{found}: the page looks like navigation, an index or an empty shell")
    return Article(
        text=text,
        title=_clean_meta(getattr(doc, "title", None)),
        date=_parse_date(getattr(doc, "date", None)),
        url=_clean_meta(getattr(doc, "url", None)),
        source=_clean_meta(getattr(doc, "sitename", None)),
    )


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        LOG.debug("ignoring unreadable page date %r", value)
        return None
