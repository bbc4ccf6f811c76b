"""Is this document English? py3langid on a bounded prefix, lenient on short texts.

py3langid ships its model inside the package (no download); it is loaded on first use,
once per process. Its probabilities are length-calibrated, so a two-word headline gets a
low confidence whatever it says, and we only reject on confident evidence.

Cost is linear in the sample, so we look at the first ``QUICK_CHARS`` characters and
only read on to ``PREFIX_CHARS`` when that first look is not clearly English.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.settings import Settings

#: The first look, and the most any decision reads.
QUICK_CHARS = 600
PREFIX_CHARS = 2000
#: English at this confidence on the first look settles it.
SURE_ENGLISH = 0.9
#: Samples shorter than this are "short" and need stronger evidence to be rejected.
SHORT_SAMPLE_CHARS = 200
#: Confidence another language needs before a document is rejected.
REJECT_CONFIDENCE = 0.8
REJECT_CONFIDENCE_SHORT = 0.95


@dataclass(frozen=True, slots=True)
class Detection:
    """What the identifier saw: the best language, its confidence, and P(English)."""

    language: str
    confidence: float
    english: float
    sample_chars: int

    def describe(self) -> str:
        return f"detected {self.language!r} ({self.confidence:.2f})"


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> Detection:
    """Identify the language of the start of ``text``."""
    identifier = _identifier()
    sample = _prefix(text, QUICK_CHARS)
    language, confidence = identifier.classify(sample)
    if not (language == "en" and confidence >= SURE_ENGLISH) and len(sample) < len(text):
        sample = _prefix(text, PREFIX_CHARS)
        language, confidence = identifier.classify(sample)
    if language == "en":
        english = confidence
    else:
        english = next((p for lang, p in identifier.rank(sample) if lang == "en"), 0.0)
    return Detection(language, float(confidence), float(english), len(sample))


def is_english(detection: Detection, *, settings: Settings) -> bool:
    """Keep a document unless another language is identified with confidence.

    ``settings.min_english_share`` is the probability of English that keeps a document
    whatever else scores higher (lower it to be more lenient).
    """
    if detection.language == "en" or detection.english >= settings.min_english_share:
        return True
    short = detection.sample_chars < SHORT_SAMPLE_CHARS
    needed = REJECT_CONFIDENCE_SHORT if short else REJECT_CONFIDENCE
    return detection.confidence < needed


def _prefix(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text``, cut at a space so no word is split."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", limit // 2, limit)
    return text[: cut if cut > 0 else limit]
