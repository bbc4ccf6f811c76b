"""Language identification: English kept and marked, other languages rejected, short texts spared."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from eventwire.language import detect, is_english, run
from eventwire.records import CleanDoc, Rejected, RejectReason, Stage
from eventwire.settings import Settings

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"

SPANISH = (
    "El presidente de México se reunió el martes con su homólogo estadounidense en Washington para hablar de "
    "migración y comercio, y ambos acordaron crear un grupo de trabajo sobre la frontera."
)
GERMAN = (
    "Der Außenminister traf am Dienstag seinen polnischen Amtskollegen in Berlin. Beide Seiten vereinbarten, "
    "die Gespräche über die Grenzsicherung im nächsten Monat fortzusetzen."
)


def doc(text: str, doc_id: str = "d") -> CleanDoc:
    return CleanDoc(doc_id=doc_id, text=text)


def test_french_fixture_is_rejected_with_the_detected_language(settings: Settings) -> None:
    text = (INPUTS / "french_news.txt").read_text(encoding="utf-8")
    (item,) = run([doc(text, "fr-1")], settings=settings)
    assert isinstance(item, Rejected)
    assert (item.doc_id, item.stage, item.reason) == ("fr-1", Stage.LANGUAGE, RejectReason.NOT_ENGLISH)
    assert item.detail.startswith("detected 'fr' (")


@pytest.mark.parametrize(("text", "code"), [(SPANISH, "es"), (GERMAN, "de")])
def test_other_languages_are_rejected(text: str, code: str, settings: Settings) -> None:
    (item,) = run([doc(text)], settings=settings)
    assert isinstance(item, Rejected) and f"'{code}'" in item.detail


def test_english_article_is_kept_and_marked(shared_dir: Path, settings: Settings) -> None:
    text = (shared_dir / "samples" / "000_83ae223413989aa0.txt").read_text(encoding="utf-8")
    (item,) = run([doc(text)], settings=settings)
    assert isinstance(item, CleanDoc) and item.language == "en" and item.text == text


@pytest.mark.parametrize(
    ("name", "encoding"),
    [("latin1_article.txt", "latin-1"), ("cp1252_article.txt", "cp1252"), ("wrapped_wire.txt", "utf-8")],
)
def test_english_fixtures_are_kept(name: str, encoding: str, settings: Settings) -> None:
    (item,) = run([doc((INPUTS / name).read_text(encoding=encoding))], settings=settings)
    assert isinstance(item, CleanDoc) and item.language == "en"


@pytest.mark.parametrize(
    "headline",
    ["Putin meets Erdogan in Sochi", "Biden, Macron discuss Ukraine aid", "Lavrov", "Paris et Berlin", "12345"],
)
def test_short_texts_are_not_rejected_on_weak_evidence(headline: str, settings: Settings) -> None:
    (item,) = run([doc(headline)], settings=settings)
    assert isinstance(item, CleanDoc) and item.language == "en"


def test_short_text_in_another_language_with_strong_evidence_is_rejected(settings: Settings) -> None:
    text = "Le ministre des Affaires étrangères a rencontré son homologue russe mardi à Paris."
    detection = detect(text)
    assert detection.language == "fr" and detection.confidence > 0.95
    assert not is_english(detection, settings=settings)


def test_min_english_share_makes_the_check_more_lenient(settings: Settings) -> None:
    mixed = "Talks between the ministers " + "Le ministre a rencontré son homologue à Paris mardi."
    detection = detect(mixed)
    assert detection.language != "en"
    lenient = settings.replace(min_english_share=0.0)
    assert is_english(detection, settings=lenient)


def test_only_a_prefix_is_read(settings: Settings) -> None:
    english = (INPUTS / "wrapped_wire.txt").read_text(encoding="utf-8")
    french_tail = (INPUTS / "french_news.txt").read_text(encoding="utf-8") * 20
    detection = detect(english * 3 + french_tail)
    assert detection.language == "en" and detection.sample_chars <= 2000


def test_rejections_pass_through(settings: Settings) -> None:
    rejected = Rejected("x", Stage.CLEAN, RejectReason.EMPTY, "empty")
    assert list(run([rejected], settings=settings)) == [rejected]


def test_model_is_not_loaded_at_import_time() -> None:
    code = "import sys, eventwire.language; print('py3langid.langid' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "False"
