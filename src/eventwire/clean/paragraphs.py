"""Lines to paragraphs: join hard-wrapped lines, keep headlines on their own.

Input arrives in two shapes. Hard-wrapped text (e-mail, wire feeds, old archives) has
lines cut at a margin, mostly in mid-sentence, with blank lines between paragraphs.
Extracted text (trafilatura, many JSONL dumps) has one paragraph per line, most lines
ending a sentence. A block of lines between blank lines is *wrapped* when it is narrow
and most of its lines stop in mid-sentence; then only a short line that ends a sentence
or looks like a headline ends a paragraph. Otherwise every line that ends a sentence or
looks like a headline ends one. Everything else is joined with a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: A block whose longest line is at most this wide may be hard-wrapped.
MAX_WRAP_WIDTH = 120
#: In a wrapped block, a line at least this share of the widest line runs to the margin.
FULL_LINE_SHARE = 0.8
#: A headline has at most this many words.
MAX_HEADLINE_WORDS = 25

_SENTENCE_END = frozenset(".!?…")
_CLOSERS = "\"'”’)]»"
_CONTINUES = frozenset(",;:-–—(/&+")
_OPENERS = frozenset("\"'“‘«([")
_FUNCTION_WORDS = frozenset(
    "a an the of to in on at by for from with and or but as than that which who whose "
    "into onto over under between about against after before during since until while "
    "is are was were be been has have had will would can could should may might must".split()
)
_LAST_WORD = re.compile(r"(\w+)\W*$")


def split_paragraphs(lines: Iterable[str]) -> list[str]:
    """Paragraphs (one line each) from lines where ``""`` marks a blank line."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in lines:
        if line:
            block.append(line)
        elif block:
            paragraphs.extend(_join_block(block))
            block = []
    if block:
        paragraphs.extend(_join_block(block))
    return paragraphs


def ends_sentence(line: str) -> bool:
    """True when ``line`` ends with sentence-final punctuation (closing quotes allowed)."""
    core = line.rstrip(_CLOSERS)
    return bool(core) and core[-1] in _SENTENCE_END


def is_headline(line: str, following: str) -> bool:
    """True when ``line`` reads as a headline before ``following``: no final punctuation,
    not cut off in mid-phrase, and the next line starts afresh."""
    if not line or not following or ends_sentence(line) or line[-1] in _CONTINUES:
        return False
    if not _starts_afresh(line) or not _starts_afresh(following):
        return False
    last = _LAST_WORD.search(line)
    if last and last.group(1).lower() in _FUNCTION_WORDS:
        return False
    return len(line.split()) <= MAX_HEADLINE_WORDS


def _starts_afresh(line: str) -> bool:
    first = line[0]
    return first.isupper() or first.isdigit() or first in _OPENERS


def _join_block(lines: list[str]) -> list[str]:
    if len(lines) == 1:
        return lines
    width = max(len(line) for line in lines)
    inner = lines[:-1]
    open_ends = sum(not ends_sentence(line) for line in inner)
    # Two lines are too few to tell a margin from a headline above a short paragraph.
    wrapped = len(lines) >= 3 and width <= MAX_WRAP_WIDTH and 2 * open_ends > len(inner)
    margin = FULL_LINE_SHARE * width
    paragraphs: list[str] = []
    current = previous = lines[0]
    for line in lines[1:]:
        at_margin = wrapped and len(previous) >= margin
        if not at_margin and (ends_sentence(previous) or is_headline(previous, line)):
            paragraphs.append(current)
            current = line
        else:
            current = _glue(current, line)
        previous = line
    paragraphs.append(current)
    return paragraphs


def _glue(current: str, line: str) -> str:
    # "de-" + "escalation": a word hyphenated at the margin keeps its hyphen, loses the space.
    if len(current) > 1 and current[-1] == "-" and current[-2].isalpha() and line[0].islower():
        return current + line
    return current + " " + line
