"""Bytes to text: byte-order marks, UTF-8, a Western single-byte fallback, binary sniffing.

News files in the wild are mostly UTF-8, with a long tail of Windows-1252 and Latin-1
exports. We try UTF-8 first; when that fails we ask ``charset_normalizer`` for a guess
and keep it only when it names a non-Latin script (Cyrillic, Greek, CJK, ...). For every
Latin-script guess we decode as cp1252, the superset of Latin-1 that also holds the
typographic quotes and dashes such files usually contain: the detector cannot tell
cp1250 from cp1252 on English text, and on English text cp1252 is the right answer.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

#: Byte-order marks and the codec that reads the text after them (UTF-32 before UTF-16:
#: the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: Detector guesses we overrule with cp1252: Latin-script single-byte code pages.
_LATIN_GUESSES = frozenset(
    {
        "ascii",
        "cp1250",
        "cp1252",
        "cp1254",
        "cp1257",
        "cp850",
        "cp437",
        "latin_1",
        "iso8859_2",
        "iso8859_3",
        "iso8859_4",
        "iso8859_9",
        "iso8859_10",
        "iso8859_13",
        "iso8859_14",
        "iso8859_15",
        "iso8859_16",
        "mac_latin2",
        "mac_roman",
        "mac_iceland",
        "mac_turkish",
        "utf_8",
    }
)

#: Characters that do not occur in text: C0 controls other than whitespace, DEL, C1
#: controls, the replacement character and non-characters.
_NON_TEXT = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ufffe\uffff]")

#: How much of a file the binary test looks at, and the share of non-text characters
#: above which a file counts as binary.
_SNIFF_CHARS = 65_536
_MAX_NON_TEXT_SHARE = 0.02


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


class BinaryContent(ValueError):
    """The bytes are not text (internal to ingest; becomes a ``Rejected`` BINARY)."""


def decode(data: bytes) -> Decoded:
    """Decode ``data`` to text or raise :class:`BinaryContent` with a human reason."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(Decoded(data[len(bom) :].decode(codec), codec))
            except UnicodeDecodeError as exc:
                raise BinaryContent(f"starts with a {codec} byte-order mark but is not {codec} ({exc.reason})") from exc
    if b"\x00" in data:
        raise BinaryContent("contains NUL bytes")
    try:
        return _checked(Decoded(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError:
        pass
    guess = _guess_encoding(data)
    if guess is not None and guess not in _LATIN_GUESSES:
        try:
            return _checked(Decoded(data.decode(guess), guess))
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return _checked(Decoded(data.decode("cp1252"), "cp1252"))
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 maps every byte.
        return _checked(Decoded(data.decode("latin-1"), "latin-1"))


def looks_binary(text: str) -> bool:
    """True when the start of ``text`` holds too many characters that never occur in text."""
    sample = text[:_SNIFF_CHARS]
    if not sample:
        return False
    bad = len(_NON_TEXT.findall(sample))
    return bad / len(sample) > _MAX_NON_TEXT_SHARE


def _checked(decoded: Decoded) -> Decoded:
    if looks_binary(decoded.text):
        raise BinaryContent(f"mostly non-text characters when read as {decoded.encoding}")
    return decoded


def _guess_encoding(data: bytes) -> str | None:
    import charset_normalizer  # imported on first non-UTF-8 file only

    best = charset_normalizer.from_bytes(data[: 4 * _SNIFF_CHARS]).best()
    return None if best is None else best.encoding
