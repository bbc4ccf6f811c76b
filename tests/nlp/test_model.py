"""The spaCy pipeline as eventwire loads it: known lemma errors fixed, "re-" verbs kept whole."""

from __future__ import annotations

import pytest

from eventwire.errors import ModelError
from eventwire.nlp import load_model
from eventwire.pipeline import code_text
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def nlp():
    return load_model(Settings().model)


def _tokens(nlp, text: str) -> dict[str, tuple[str, str]]:
    return {t.text: (t.lemma_, t.pos_) for t in nlp(text)}


def test_a_hyphenated_re_verb_is_one_token_lemmatized_without_the_prefix(nlp):
    got = _tokens(nlp, "Serbia re-imposed a curfew in Kosovo after the president was re-elected.")
    assert got["re-imposed"] == ("impose", "VERB")
    assert got["re-elected"][0] == "elect"
    assert "re" not in got  # not split off


def test_other_hyphens_still_split(nlp):
    assert [t.text for t in nlp("a Russian-backed force")] == ["a", "Russian", "-", "backed", "force"]


def test_known_lemma_errors_are_fixed(nlp):
    assert _tokens(nlp, "Kigali hoped the officials would be indicted.")["hoped"][0] == "hope"


def test_a_re_verb_is_coded_as_the_verb():
    events = code_text("Serbia re-imposed a curfew in Kosovo on Sunday.", date="1998-03-01", settings=Settings(statements=False))
    assert [(e.source.country, e.cameo[:2]) for e in events] == [("SRB", "17")]


def test_a_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="cannot load the spaCy pipeline"):
        load_model("no_such_pipeline_xyz")
