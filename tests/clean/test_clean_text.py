"""Cleaning: paragraphs, character repair, titles, rejections, and idempotence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, assume, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from eventwire.clean import clean_doc, clean_text, run
from eventwire.records import CleanDoc, RawDoc, Rejected, RejectReason, Stage
from eventwire.settings import Settings

INPUTS = Path(__file__).resolve().parents[1] / "data" / "inputs"


def test_hard_wrapped_lines_are_joined_and_headline_stays_apart() -> None:
    raw = (
        "Ethiopia and Eritrea agree to reopen border crossings\n"
        "The foreign ministers of Ethiopia and Eritrea agreed on Friday to\n"
        "reopen two border crossings that have been closed since 2019, the\n"
        "African Union said after talks in Addis Ababa between the two sides.\n"
        "The crossings will reopen next month.\n"
    )
    assert clean_text(raw).text == (
        "Ethiopia and Eritrea agree to reopen border crossings\n\n"
        "The foreign ministers of Ethiopia and Eritrea agreed on Friday to reopen two border crossings "
        "that have been closed since 2019, the African Union said after talks in Addis Ababa between the "
        "two sides. The crossings will reopen next month."
    )


def test_one_paragraph_per_line_input_keeps_its_paragraphs() -> None:
    raw = (
        "Talks resume in Geneva\n"
        "Delegations from both countries arrived in Geneva on Sunday for a new round of talks on the disputed region, "
        "the Swiss foreign ministry said.\n"
        "The talks are expected to last three days.\n"
    )
    paragraphs = clean_text(raw).text.split("\n\n")
    assert paragraphs[0] == "Talks resume in Geneva"
    assert len(paragraphs) == 3


def test_a_line_cut_after_a_function_word_is_joined() -> None:
    assert clean_text("Talks between the\nTwo Koreas resumed.").text == "Talks between the Two Koreas resumed."


def test_word_hyphenated_at_the_margin_keeps_its_hyphen() -> None:
    assert clean_text("The talks on de-\nescalation went on.").text == "The talks on de-escalation went on."


def test_wrapped_fixture_is_cleaned(settings: Settings) -> None:
    raw = (INPUTS / "wrapped_wire.txt").read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    paragraphs = cleaned.text.split("\n\n")
    assert paragraphs[0] == "Armenia and Azerbaijan trade accusations over border shooting"
    assert paragraphs[1].startswith("Armenia and Azerbaijan accused each other on Sunday of opening fire")
    assert "de-escalation talks" in paragraphs[3]
    assert len(paragraphs) == 4
    assert "By Anna Grigoryan, Example Wire" in cleaned.removed
    assert "YEREVAN, Armenia (AP) —" in cleaned.removed
    for gone in ("Advertisement", "Subscribe", "All rights reserved", "Photo:"):
        assert gone not in cleaned.text


def test_mojibake_and_odd_whitespace_are_repaired() -> None:
    raw = "Russiaâ€™s envoy\u00a0met  his\tTurkish\u200b counterpart in AnkaraÂ\u00a0on Monday.\r\nThey agreed.\r\n"
    # two short lines, each ending a sentence: one paragraph per line
    assert clean_text(raw).text == "Russia’s envoy met his Turkish counterpart in Ankara on Monday.\n\nThey agreed."


def test_typographic_quotes_stay_and_entities_are_decoded() -> None:
    text = clean_text("“We will talk,” the minister said &amp; left.").text
    assert text == "“We will talk,” the minister said & left."


def test_unicode_paragraph_and_line_separators() -> None:
    assert clean_text("One sentence.\u2029Another sentence.").text == "One sentence.\n\nAnother sentence."


def test_title_is_prepended_when_not_the_first_line(settings: Settings) -> None:
    raw = RawDoc("d1", "Officials met on Monday.", title="Officials  meet\nin Cairo", date=date(2024, 1, 1))
    doc = clean_doc(raw, settings=settings)
    assert isinstance(doc, CleanDoc)
    assert doc.text == "Officials meet in Cairo\n\nOfficials met on Monday."
    assert doc.title == "Officials meet in Cairo"
    assert doc.date == date(2024, 1, 1)


def test_title_is_not_repeated(settings: Settings) -> None:
    same = clean_doc(
        RawDoc("d", "Officials meet in Cairo\n\nThey met.", title="Officials meet in Cairo"), settings=settings
    )
    suffixed = clean_doc(
        RawDoc("d", "Officials meet in Cairo\n\nThey met.", title="Officials meet in Cairo | Example News"),
        settings=settings,
    )
    assert isinstance(same, CleanDoc) and isinstance(suffixed, CleanDoc)
    assert same.text == suffixed.text == "Officials meet in Cairo\n\nThey met."


def test_document_with_only_debris_is_rejected(settings: Settings) -> None:
    item = clean_doc(RawDoc("junk", "Advertisement\nShare this article\n"), settings=settings)
    assert isinstance(item, Rejected)
    assert (item.stage, item.reason) == (Stage.CLEAN, RejectReason.NO_TEXT)
    assert "2 debris line" in item.detail


def test_blank_document_is_rejected_as_empty(settings: Settings) -> None:
    item = clean_doc(RawDoc("blank", " \u00a0\u200b\n\t"), settings=settings)
    assert isinstance(item, Rejected) and (item.stage, item.reason) == (Stage.CLEAN, RejectReason.EMPTY)


def test_document_over_max_doc_chars_is_rejected(settings: Settings) -> None:
    item = clean_doc(RawDoc("big", "word " * 50), settings=settings.replace(max_doc_chars=100))
    assert isinstance(item, Rejected) and (item.stage, item.reason) == (Stage.CLEAN, RejectReason.TOO_LARGE)


def test_run_passes_rejections_through_and_keeps_metadata(settings: Settings) -> None:
    rejected = Rejected("r", Stage.INGEST, RejectReason.EMPTY, "empty")
    raw = RawDoc("d", "Text.", url="https://example.org", source="Wire", origin="f.txt")
    out = list(run([rejected, raw], settings=settings))
    assert out[0] is rejected
    assert out[1] == CleanDoc("d", "Text.", url="https://example.org", source="Wire", origin="f.txt")


# --- idempotence ---------------------------------------------------------------------

_PIECES = st.sampled_from(
    [
        "The minister said",
        "Russia",
        "talks",
        "of",
        "the",
        ".",
        ",",
        "!",
        "—",
        " - ",
        ":",
        "de-",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "  ",
        "\t",
        "\u00a0",
        "\u200b",
        "\u2029",
        "&amp;",
        "&amp;amp;",
        "Ã©",
        "â€™",
        "”",
        "“",
        "MOSCOW (Reuters) -",
        "KYIV, Ukraine (AP) —",
        "WASHINGTON —",
        "By Jane Doe",
        "Advertisement",
        "Share this article",
        "Read more:",
        "IAEA:",
        "Headline",
    ]
)
_TEXTS = st.one_of(
    st.lists(st.one_of(_PIECES, st.text(max_size=4)), max_size=30).map("".join),
    st.text(max_size=120),
)


@hypothesis_settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS)
def test_cleaning_is_idempotent(text: str) -> None:
    once = clean_text(text).text
    assert clean_text(once).text == once


@hypothesis_settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXTS, st.one_of(st.none(), _TEXTS))
def test_cleaning_a_document_is_idempotent(text: str, title: str | None) -> None:
    settings = Settings()
    first = clean_doc(RawDoc("d", text, title=title), settings=settings)
    assume(isinstance(first, CleanDoc))
    assert isinstance(first, CleanDoc)
    second = clean_doc(RawDoc("d", first.text, title=first.title), settings=settings)
    assert isinstance(second, CleanDoc)
    assert (second.text, second.title) == (first.text, first.title)


def test_sample_article_is_a_fixed_point(shared_dir: Path) -> None:
    once = clean_text((shared_dir / "samples" / "000_83ae223413989aa0.txt").read_text(encoding="utf-8")).text
    assert clean_text(once).text == once
