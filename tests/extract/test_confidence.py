"""The confidence score: its evidence features and the future-tense ceiling."""

from __future__ import annotations

import pytest

from eventwire.actors.coreference import DocumentActors
from eventwire.extract.coder import Candidate
from eventwire.extract.confidence import (
    FUTURE_TENSE_CEILING,
    features,
    load_model,
    score,
)
from eventwire.nlp import load_model as load_nlp
from eventwire.pipeline import code_text, resources
from eventwire.settings import Settings

SETTINGS = Settings(statements=False)


def candidates(text: str) -> list[Candidate]:
    res = resources(SETTINGS)
    doc = load_nlp(SETTINGS.model)(text)
    ctx = DocumentActors()
    return [c for i, sent in enumerate(doc.sents) for c in res.coder.code(sent, i, ctx, None)]


def test_the_other_direction_of_a_meeting_is_marked_and_scores_lower():
    cands = [c for c in candidates("Indian Prime Minister Narendra Modi met Chinese President Xi Jinping in New Delhi.") if c.code == "040"]
    by_direction = {(c.source.country, c.target.country): c for c in cands}
    forward, back = by_direction[("IND", "CHN")], by_direction[("CHN", "IND")]
    assert (features(forward)["converse"], features(back)["converse"]) == (0.0, 1.0)
    assert load_model().score(back) < load_model().score(forward)


def test_a_reciprocal_subject_is_no_converse():
    cands = [c for c in candidates("India and China held talks in Beijing on Monday.") if c.code[:2] == "04"]
    assert len(cands) == 2 and not any(c.converse for c in cands)


@pytest.mark.parametrize(
    "text",
    ["The United States will supply arms to Israel.", "Germany will send troops to Lithuania next year."],
)
def test_the_future_tense_of_an_act_stays_under_the_high_band(text):
    events = code_text(text, date="2021-06-01", settings=SETTINGS)
    intents = [e for e in events if e.modality.intent]
    assert intents, events
    assert all(e.confidence <= FUTURE_TENSE_CEILING for e in intents)


def test_an_intent_a_verb_states_is_not_capped():
    cands = [c for c in candidates("Germany pledged on Monday to send troops to Lithuania.") if c.modality.intent]
    assert cands and all(c.chain for c in cands)
    assert all(score(c) == round(load_model().score(c), 4) for c in cands)
