"""Debris removal: the packaged rules, on lines that are debris and lines that are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.clean import clean_text
from eventwire.clean.debris import load_rules, parse_rules
from eventwire.errors import ResourceError

SAMPLE = "samples/000_83ae223413989aa0.txt"
BODY = "Officials said the talks would resume in Geneva next week."

DEBRIS_LINES = [
    "This block is broken or missing. You may be missing content or you might need to enable the original module.",
    "We use cookies to give you the best experience on our website.",
    "Click 'Accept all cookies' to agree to the storing of cookies on your device.",
    "Accept all",
    "By continuing to use this site, you agree to our use of cookies.",
    "Subscribe to our newsletter",
    "Get the news first: sign up for the Morning Briefing newsletter.",
    "Sign up for breaking news alerts",
    "Share this article",
    "Share on Facebook",
    "Facebook Twitter WhatsApp Email",
    "Advertisement",
    "Story continues below advertisement",
    "Read more: How the ceasefire talks collapsed",
    "See also: Profile of the new envoy",
    "Related:",
    "Click here to read the full statement",
    "Follow us on Twitter",
    "Copyright 2024 Example Media Ltd.",
    "© 2023 Example News. All rights reserved.",
    "Photo: Jane Doe/AFP",
    "Soldiers patrol the border near the village (Photo: Example Agency)",
    "(AP Photo/Jane Doe)",
    "Delegates arrive for the summit in Brussels. REUTERS/Jane Doe",
    "By Jane Doe",
    "By Jane Doe, Reuters",
    "By Jane Doe and John Roe in Kyiv",
    "BY JANE DOE",
    "By Reuters Staff",
    "Reporting by Jane Doe; Editing by John Roe",
    "Published: 12 March 2024, 10:00 GMT",
    "Updated 3 hours ago",
    "Home > World > Europe",
    "Most read",
]

ARTICLE_LINES = [
    "By Tuesday evening, the army had withdrawn from the town.",
    "By October, Russia and Turkey had agreed to a ceasefire.",
    "Updated figures released on Monday show 300 people were killed.",
    "Share prices fell in Moscow after the announcement.",
    "Advertisements for the rally appeared across the capital.",
    "Photos of the meeting were released by the foreign ministry.",
    "Subscribers to the state broadcaster saw the speech live.",
    "Copyright disputes between the two countries have dragged on for years.",
    "Reporting by state media could not be verified.",
    "The minister said the reporting by foreign media was biased.",
    "IAEA chief Rafael Grossi said inspectors would return to the plant.",
    "Read the statement in full, the spokesman told reporters.",
]


@pytest.mark.parametrize("line", DEBRIS_LINES)
def test_debris_line_is_removed_and_recorded(line: str) -> None:
    cleaned = clean_text(f"{BODY}\n\n{line}\n\n{BODY}")
    assert cleaned.text == f"{BODY}\n\n{BODY}"
    assert cleaned.removed == (line,)


@pytest.mark.parametrize("line", ARTICLE_LINES)
def test_article_sentence_is_kept(line: str) -> None:
    cleaned = clean_text(f"{BODY}\n\n{line}")
    assert cleaned.text == f"{BODY}\n\n{line}"
    assert cleaned.removed == ()


@pytest.mark.parametrize(
    ("raw", "kept", "cut"),
    [
        ("MOSCOW (Reuters) - Russia said it would talk.", "Russia said it would talk.", "MOSCOW (Reuters) -"),
        ("KYIV, Ukraine (AP) — Ukraine said it would talk.", "Ukraine said it would talk.", "KYIV, Ukraine (AP) —"),
        (
            "BEIRUT, Lebanon, March 3 (Reuters) - Lebanon said so.",
            "Lebanon said so.",
            "BEIRUT, Lebanon, March 3 (Reuters) -",
        ),
        ("WASHINGTON — The United States said so.", "The United States said so.", "WASHINGTON —"),
        ("NEW DELHI: India said so.", "India said so.", "NEW DELHI:"),
        ("(AFP) - France said so.", "France said so.", "(AFP) -"),
    ],
)
def test_dateline_prefix_is_cut(raw: str, kept: str, cut: str) -> None:
    cleaned = clean_text(raw)
    assert cleaned.text == kept
    assert cleaned.removed == (cut,)


def test_bare_dateline_only_in_lead_paragraphs_and_not_for_organisations() -> None:
    body = "\n\n".join(["First paragraph."] * 4)
    late = clean_text(f"{body}\n\nWASHINGTON — The envoy said so.")
    assert late.text.endswith("WASHINGTON — The envoy said so.")
    assert clean_text("IAEA: Iran is enriching more uranium").text == "IAEA: Iran is enriching more uranium"
    assert clean_text("NATO — The alliance met.").text == "NATO — The alliance met."


def test_agency_dateline_is_cut_in_any_paragraph() -> None:
    body = "\n\n".join(["First paragraph."] * 4)
    assert clean_text(f"{body}\n\nGAZA (Reuters) - More aid arrived.").text.endswith(
        "First paragraph.\n\nMore aid arrived."
    )


def test_sample_article_loses_debris_and_keeps_its_headline(shared_dir: Path) -> None:
    raw = (shared_dir / SAMPLE).read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    paragraphs = cleaned.text.split("\n\n")
    assert (
        paragraphs[0] == "Russian Foreign Minister declines to directly endorse Turkish proposal for Nagorno-Karabakh"
    )
    assert paragraphs[1].startswith("Russia’s Foreign Minister Sergei Lavrov declined")
    assert "This block is broken or missing" not in cleaned.text
    assert cleaned.removed == (raw.rstrip().splitlines()[-1].strip(),)
    assert paragraphs[-1].endswith("not without compromises first.")
    assert "\u00a0" not in cleaned.text and "\n\n\n" not in cleaned.text
    assert all("\n" not in p and p == p.strip() and p for p in paragraphs)
    assert len(paragraphs) == 9


def test_every_packaged_rule_is_commented_and_compiles() -> None:
    rules = load_rules()
    assert len(rules.line_patterns) + len(rules.contains) >= 25
    assert all(rule.comment for rule in rules.prefixes)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("line:\n  - pattern: 'x'\n", "comment"),
        ("line:\n  - pattern: '(unclosed'\n    comment: broken\n", "bad regular expression"),
        ("prefix:\n  - pattern: 'x'\n    comment: c\n    scope: everywhere\n", "scope"),
        ("line:\n  - contains: 'x'\n    comment: c\n    needs: [Upper]\n", "lower-case"),
        ("- just a list\n", "mapping"),
    ],
)
def test_invalid_rules_are_a_resource_error(text: str, message: str) -> None:
    with pytest.raises(ResourceError, match=message):
        parse_rules(text)


def test_custom_rules_are_used() -> None:
    rules = parse_rules("line:\n  - pattern: 'end of transmission'\n    comment: test rule\n")
    assert clean_text(f"{BODY}\nEND OF TRANSMISSION", rules=rules).text == BODY
    assert clean_text(f"{BODY}\nAdvertisement", rules=rules).text == f"{BODY}\n\nAdvertisement"
