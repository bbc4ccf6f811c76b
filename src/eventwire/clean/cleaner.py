"""The cleaner: raw text to the cleaned text every downstream offset points into.

Steps, in order: repair characters (:mod:`~eventwire.clean.normalize`), drop debris lines,
join lines into paragraphs (:mod:`~eventwire.clean.paragraphs`), then drop debris
paragraphs and cut datelines until nothing changes. Paragraphs are separated by one blank
line. The result is deterministic and idempotent: cleaning cleaned text changes nothing,
so offsets into a stored ``CleanDoc.text`` stay valid if the text is cleaned again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventwire.clean.debris import DebrisRules, load_rules
from eventwire.clean.normalize import may_need_ftfy, repair
from eventwire.clean.paragraphs import split_paragraphs
from eventwire.records import CleanDoc, RawDoc, Rejected, RejectReason, Stage
from eventwire.settings import Settings

PARAGRAPH_BREAK = "\n\n"
#: A title and a first paragraph "match" when one starts with the other and the shared
#: part is at least this long (after dropping case, punctuation and spaces).
_MIN_HEADING_OVERLAP = 12
_NOT_ALNUM = re.compile(r"\W+")
_MAX_EXTRA_ROUNDS = 3


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Cleaned text and the debris that was taken out of it."""

    text: str
    removed: tuple[str, ...] = ()

    @property
    def paragraphs(self) -> list[str]:
        return self.text.split(PARAGRAPH_BREAK) if self.text else []


def clean_text(text: str, *, rules: DebrisRules | None = None) -> Cleaned:
    """Clean one text. ``clean_text(clean_text(x).text).text == clean_text(x).text``."""
    rules = rules or load_rules()
    result = _clean_once(text, rules)
    # Joining lines can bring mojibake fragments together that ftfy then reads anew;
    # only then is another round needed to reach the fixed point.
    for _ in range(_MAX_EXTRA_ROUNDS):
        if not may_need_ftfy(result.text):
            break
        again = _clean_once(result.text, rules)
        if again.text == result.text:
            break
        result = Cleaned(again.text, result.removed + again.removed)
    return result


def _clean_once(text: str, rules: DebrisRules) -> Cleaned:
    removed: list[str] = []
    kept: list[str] = []
    for line in repair(text).split("\n"):
        if line and rules.is_debris(line):
            removed.append(line)  # dropped, not blanked: it may sit inside a paragraph
        else:
            kept.append(line)
    paragraphs = _drop_debris_paragraphs(split_paragraphs(kept), rules, removed)
    return Cleaned(PARAGRAPH_BREAK.join(paragraphs), tuple(removed))


def clean_title(title: str | None, *, rules: DebrisRules | None = None) -> str | None:
    """A title as one cleaned line, or None when nothing is left of it."""
    if not title:
        return None
    rules = rules or load_rules()
    line = " ".join(clean_text(title, rules=rules).paragraphs)
    for _ in range(3):  # folding paragraphs into one line can expose a prefix; settle it
        again = " ".join(clean_text(line, rules=rules).paragraphs)
        if again == line:
            break
        line = again
    return line or None


def clean_doc(raw: RawDoc, *, settings: Settings, rules: DebrisRules | None = None) -> CleanDoc | Rejected:
    """Clean one document; a document with no text left becomes a CLEAN rejection."""
    if len(raw.text) > settings.max_doc_chars:
        detail = f"{len(raw.text):,} characters, over the {settings.max_doc_chars:,} limit (max_doc_chars)"
        return Rejected(raw.doc_id, Stage.CLEAN, RejectReason.TOO_LARGE, detail)
    rules = rules or load_rules()
    body = clean_text(raw.text, rules=rules)
    if not body.text:
        if body.removed:
            detail = (
                f"no article text left after removing {len(body.removed)} debris line(s), e.g. {body.removed[0]!r:.80}"
            )
            return Rejected(raw.doc_id, Stage.CLEAN, RejectReason.NO_TEXT, detail)
        return Rejected(raw.doc_id, Stage.CLEAN, RejectReason.EMPTY, "the text is empty after whitespace clean-up")
    title = clean_title(raw.title, rules=rules)
    text = body.text
    if title and not same_heading(title, body.paragraphs[0]):
        composed = title + PARAGRAPH_BREAK + text
        # Keep the title unless, next to the body, ftfy would read it differently
        # (pathological mojibake); the cleaned text must stay a fixed point.
        if not may_need_ftfy(composed) or clean_text(composed, rules=rules).text == composed:
            text = composed
    return CleanDoc(
        doc_id=raw.doc_id,
        text=text,
        date=raw.date,
        title=title,
        url=raw.url,
        source=raw.source,
        origin=raw.origin,
        removed=body.removed,
    )


def same_heading(title: str, paragraph: str) -> bool:
    """True when ``paragraph`` already states ``title`` (or the title with a site suffix)."""
    a = _NOT_ALNUM.sub("", title).casefold()
    b = _NOT_ALNUM.sub("", paragraph).casefold()
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= _MIN_HEADING_OVERLAP and longer.startswith(shorter)


def _drop_debris_paragraphs(paragraphs: list[str], rules: DebrisRules, removed: list[str]) -> list[str]:
    """Remove debris paragraphs and leading datelines until a fixed point.

    Joining lines can turn harmless lines into a debris paragraph, and cutting a
    dateline can leave one; each round only shortens the text, so this ends.
    """
    changed = True
    while changed:
        changed = False
        kept: list[str] = []
        for paragraph in paragraphs:
            if rules.is_debris(paragraph):
                removed.append(paragraph)
                changed = True
                continue
            rest, cut = rules.strip_prefix(paragraph, len(kept))
            if cut is not None:
                removed.append(cut)
                changed = True
                paragraph = rest.strip()
            if paragraph:
                kept.append(paragraph)
        paragraphs = kept
    return paragraphs
