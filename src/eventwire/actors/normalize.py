"""Normalized keys for actor phrases.

Lookups ignore case, accents, punctuation, a leading "the" and a trailing possessive, so
"the U.S.", "US" and "U.S.'s" meet at one key, as do "Élysée" and "Elysee". Names whose
lower-case form is an ordinary English word ("US", "WHO", "May", "Rice") are kept
case-sensitive so the pronoun "us" or the month "may" never become actors; those words
are listed in ``data/actors/common_words.txt``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# letters that do not decompose under NFKD
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ħ": "h",
                          "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "þ": "th", "ð": "d"})
_APOSTROPHES = "'’‘`´ʼʻ"
_POSSESSIVE = re.compile(r"(?:[" + _APOSTROPHES + r"]s|s[" + _APOSTROPHES + r"])$")
_DROP = re.compile(r"[." + _APOSTROPHES + r"\"“”]")
_SPACE = re.compile(r"[\W_]+")
_THE = re.compile(r"^(?:the\s+)+", re.IGNORECASE)


@lru_cache(maxsize=65536)  # the same names and words recur in every document
def normalize(text: str) -> str:
    """Case-preserving key: ``"the U.S.'s"`` -> ``"US"``, ``"Quai d’Orsay"`` -> ``"Quai dOrsay"``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_LETTERS).strip()
    if _POSSESSIVE.search(text):
        text = text[:-2] if text[-1] not in _APOSTROPHES else text[:-1]
    text = _DROP.sub("", text)
    text = _SPACE.sub(" ", text).strip()
    return _THE.sub("", text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-insensitive key."""
    return normalize(text).casefold()


def tokens(key: str) -> list[str]:
    return key.split()
