"""The table-driven attribute ruler and lemmatizer give the stock components' annotations,
token by token, and step aside when they cannot mirror them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from eventwire.nlp import load_model, rules
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[2]

# the two-token patterns of the English attribute ruler, and words the rules single out
TRICKY = [
    "Y'all gon na see it. There is a war, and there were talks. Let's go, c'mon.",
    "It ain't over and I got ta leave; we gotta go, they're gonna stay.",
    "The U.S. and the E.U. didn't agree: it's 5 p.m. in Kyiv, 3 a.m. in L.A.",
    "  \n\n  Officials said -- in a statement -- that 1,000 troops had left.\n",
    "",
    "there",
]


def _texts() -> list[str]:
    texts = list(TRICKY)
    for name in ("tests/gold/sentences.jsonl", "tests/gold/articles.jsonl"):
        for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    return texts


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.pos_, t.tag_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_type_, t.ent_iob_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    name = Settings().model
    stock, twin = spacy.load(name), spacy.load(name)
    replaced = rules.install(twin)
    return stock, twin, replaced


def test_both_rule_components_are_replaced_in_the_english_model(pipelines):
    _, twin, replaced = pipelines
    assert replaced == ["attribute_ruler", "lemmatizer"]
    assert rules.ATTRIBUTES_COMPONENT in twin.pipe_names and rules.LEMMATIZER_COMPONENT in twin.pipe_names
    assert "attribute_ruler" not in twin.pipe_names and "attribute_ruler" in twin.disabled


def test_every_token_gets_the_stock_annotations(pipelines):
    stock, twin, _ = pipelines
    texts = _texts()
    assert len(texts) > 500
    # twice: the second pass answers from the twins' tables
    for _ in range(2):
        for a, b in zip(stock.pipe(texts), twin.pipe(texts), strict=True):
            assert _annotations(a) == _annotations(b), a.text[:80]


def test_the_two_token_patterns_fire(pipelines):
    _, twin, _ = pipelines
    doc = twin("We gon na win. There is hope.")
    got = {t.text: (t.lemma_, t.pos_) for t in doc}
    assert got["gon"][0] == "go" and got["na"][0] == "to"  # "gon na"
    assert got["is"][1] == "VERB"  # "there is": the existential verb


def test_the_loaded_pipeline_uses_the_twins_before_the_lemma_fixes():
    names = load_model(Settings().model).pipe_names
    assert names.index(rules.ATTRIBUTES_COMPONENT) < names.index(rules.LEMMATIZER_COMPONENT) < names.index("eventwire_lemmas")


def _tagged(vocab, words, tags, deps):
    from spacy.tokens import Doc

    return Doc(vocab, words=words, tags=tags, deps=deps, heads=[0] * len(words))


def test_synthetic_rules_precedence_negative_index_and_not_in_match_the_stock_ruler():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "LEMMA": "first"})
    ruler.add([[{"LOWER": "talks", "TAG": "NN"}]], {"LEMMA": "talk"})  # later rule wins
    ruler.add([[{"TAG": {"NOT_IN": ["NN", "DT"]}}]], {"POS": "X"})
    ruler.add([[{"LOWER": {"IN": ["the", "a"]}}, {"DEP": "nsubj"}]], {"MORPH": "Definite=Def"}, index=-1)
    ruler.add([[{"LOWER": {"REGEX": "^peace$"}}]], {"POS": "PROPN"})
    twin = rules.ArrayAttributeRuler(ruler)
    words = ["the", "talks", "on", "peace", "a", "deal", "talks"]
    tags = ["DT", "NN", "IN", "NN", "DT", "NN", "NN"]
    deps = ["det", "nsubj", "prep", "pobj", "det", "nsubj", "dobj"]
    a, b = ruler(_tagged(nlp.vocab, words, tags, deps)), twin(_tagged(nlp.vocab, words, tags, deps))
    got = [(t.pos_, t.lemma_, str(t.morph)) for t in b]
    assert got == [(t.pos_, t.lemma_, str(t.morph)) for t in a]
    assert got[1] == ("NOUN", "talk", "Definite=Def") and got[2][0] == "X" and got[3][0] == "PROPN"


@pytest.mark.parametrize(
    ("pattern", "attrs"),
    [
        ([{"LOWER": "new"}, {"LOWER": "york", "OP": "?"}], {"POS": "PROPN"}),  # an operator
        ([{"LOWER": {"IN": [12345]}}], {"POS": "PROPN"}),  # a hash, not a string
        ([{"SHAPE": "Xxxx"}], {"POS": "PROPN"}),  # an attribute the twin does not read
        ([{"LOWER": "new"}], {"_": {"flag": True}}),  # an extension attribute
    ],
)
def test_what_the_twin_cannot_mirror_keeps_the_stock_ruler(pattern, attrs):
    from spacy.tokens import Token

    Token.set_extension("flag", default=False, force=True)
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add([pattern], attrs)
    assert rules.install(nlp) == []
    assert nlp.pipe_names == ["attribute_ruler"]


def test_another_languages_lemmatizer_keeps_the_stock_component():
    nlp = spacy.blank("es")
    nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    assert rules.install(nlp) == []
    assert nlp.pipe_names == ["lemmatizer"]


def test_a_pattern_the_twin_cannot_mirror_keeps_the_stock_component():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "new"}, {"LOWER": "york", "OP": "?"}]], {"POS": "PROPN"})
    assert rules.install(nlp) == []
    assert nlp.pipe_names == ["attribute_ruler"]
    assert nlp("new york")[0].pos_ == "PROPN"


def test_a_lookup_lemmatizer_keeps_the_stock_component():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    with pytest.raises(rules.Unsupported):
        rules.ArrayLemmatizer(nlp.get_pipe("lemmatizer"))
    assert rules.install(nlp) == [] and nlp.pipe_names == ["lemmatizer"]


def test_a_rule_lemmatizer_without_its_tables_keeps_the_stock_component():
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "rule"})  # never initialized: no tables
    assert rules.install(nlp) == []
