"""Character-level repair: mojibake (ftfy), HTML entities, odd spaces and line breaks.

Typographic quotes and dashes are kept as they are: they are one character each, so they
never shift an offset, and spaCy reads them fine.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache

#: Spaces that are not U+0020 (NBSP, the U+2000 block, narrow and ideographic spaces)
#: and tabs become a plain space; zero-width characters, BOMs and soft hyphens go away;
#: vertical tab, form feed, U+2028 and U+0085 end a line; U+2029 ends a paragraph.
_TRANSLATE = {
    **{cp: " " for cp in (0x09, 0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B))},
    **{cp: None for cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0xAD, 0x180E, 0x200E, 0x200F)},
    **{cp: None for cp in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))},  # bidi controls
    **{cp: "\n" for cp in (0x0B, 0x0C, 0x85, 0x2028)},
    0x2029: "\n\n",
}
_ODD = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_TRANSLATE)) + "\x00-\x08\x0e-\x1f\x7f]")
_SPACES = re.compile(r" {2,}")
_LINE_BREAKS = re.compile(r"\r\n?")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: What ftfy is needed for: UTF-8 read as cp1252/Latin-1 (a lead byte shown as Â..ô
#: followed by a continuation byte shown as a Latin-1 or cp1252 character), C1 controls,
#: terminal escapes, Latin ligatures, full-width forms and lone surrogates. Text without
#: any of these (nearly all news text) skips ftfy, which is slow.
_NEEDS_FTFY = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    "|[\x1b\x80-\x9f\ufb00-\ufb06\uff01-\uff60\ud800-\udfff]"
)
#: Rounds of repair before giving up on a fixed point (ftfy can need a second look once
#: spaces around a mojibake sequence are normalised).
_MAX_ROUNDS = 4


@cache
def _ftfy_config() -> object:
    from ftfy import TextFixerConfig

    # Entities are handled here (to a fixed point); quotes stay curly; NFC.
    return TextFixerConfig(unescape_html=False, uncurl_quotes=False, explain=False)


def repair(text: str) -> str:
    """Fix mojibake and control characters, decode HTML entities, normalise spaces.

    The result has ``\\n`` line breaks only, no tabs, no runs of spaces and no spaces at
    the ends of lines, and is NFC. ``repair(repair(x)) == repair(x)``.
    """
    text, deep = _repair_once(text)
    for _ in range(_MAX_ROUNDS - 1):  # only entity or ftfy repairs can need another look
        if not deep:
            break
        again, deep = _repair_once(text)
        if again == text:
            break
        text = again
    return text


def _odd_replacement(match: re.Match[str]) -> str:
    return _TRANSLATE.get(ord(match.group())) or ""  # controls and deletions: nothing


def may_need_ftfy(text: str) -> bool:
    """True when ``text`` holds something ftfy would look at (see ``_NEEDS_FTFY``)."""
    return _NEEDS_FTFY.search(text) is not None


def _repair_once(text: str) -> tuple[str, bool]:
    """One round; also says whether entity or ftfy repairs ran."""
    text = _spaces_and_controls(text)
    changed = False
    while "&" in text and _ENTITY.search(text):  # "&amp;amp;" takes two rounds
        unescaped = html.unescape(text)
        if unescaped == text:  # only unknown names like "&foo;" are left
            break
        text, changed = unescaped, True
    if _NEEDS_FTFY.search(text):
        from ftfy import fix_text

        text, changed = fix_text(text, _ftfy_config()), True  # type: ignore[arg-type]
    elif not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if changed:
        text = _spaces_and_controls(text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines), changed


def _spaces_and_controls(text: str) -> str:
    text = _LINE_BREAKS.sub("\n", text)
    if _ODD.search(text):  # str.translate with a dict is slow; most texts need nothing
        text = _ODD.sub(_odd_replacement, text)
    return text
