"""Document coreference on hand-written passages: surnames, pronouns, definite
descriptions and group references resolve to the actor named earlier."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.pipeline import code_paths, code_text
from eventwire.records import CodedDocument
from eventwire.settings import Settings

NO_STATEMENTS = Settings(statements=False)


def events(text: str, when: str = "2021-06-01"):
    return code_text(text, date=when, settings=NO_STATEMENTS)


def test_surname_refers_to_the_full_name_met_earlier():
    text = (
        "Kenyan Foreign Minister Raychelle Omamo arrived in Addis Ababa on Monday.\n\n"
        "Omamo later criticised Ethiopia over the expulsion of aid workers."
    )
    accuse = [e for e in events(text) if e.plover == "ACCUSE"]
    assert accuse and accuse[0].source.code == "KENGOV"
    assert accuse[0].source.how.startswith("coref:name")
    assert accuse[0].target.country == "ETH"


def test_pronoun_refers_to_the_latest_person():
    text = (
        "Brazil's President Luiz Inacio Lula da Silva flew to Beijing on Tuesday.\n\n"
        "He praised China for its investment in Brazilian railways."
    )
    praise = [e for e in events(text, "2023-04-11") if e.plover == "SUPPORT"]
    assert praise and praise[0].source.code == "BRAGOV"
    assert praise[0].source.text == "He" and praise[0].source.how.startswith("coref:pronoun")


def test_definite_description_refers_back():
    text = (
        "Norway's foreign minister met Sudanese officials in Khartoum on Sunday.\n\n"
        "The minister later condemned the attacks on aid convoys in Darfur."
    )
    condemn = [e for e in events(text) if e.plover == "ACCUSE"]
    assert condemn and condemn[0].source.code == "NORGOV"


def test_group_reference_expands_to_both_parties():
    text = (
        "Fighting broke out again between Armenia and Azerbaijan on Sunday.\n\n"
        "Both sides accused the other of shelling civilian areas."
    )
    accusations = {(e.source.country, e.target.country) for e in events(text, "2020-09-28") if e.plover == "ACCUSE"}
    assert accusations == {("ARM", "AZE"), ("AZE", "ARM")}


def test_quoted_we_is_the_speakers_side():
    text = '"We will not accept any ultimatum," Iranian Foreign Minister Hossein Amir-Abdollahian told reporters.'
    rejects = [e for e in events(text, "2022-03-01") if e.plover == "REJECT"]
    assert rejects and rejects[0].source.country == "IRN"


@pytest.fixture(scope="module")
def sample(shared_dir: Path) -> CodedDocument:
    (doc,) = list(code_paths([shared_dir / "samples/000_83ae223413989aa0.txt"], default_date=date(2020, 11, 3)))
    assert isinstance(doc, CodedDocument)
    return doc


@pytest.mark.parametrize(("name", "code"), [("Lavrov", "RUSGOV"), ("Putin", "RUSGOV"), ("Erdogan", "TURGOV")])
def test_sample_people_keep_their_codes(sample: CodedDocument, name: str, code: str):
    seen = 0
    for e in sample.events:
        for actor in (e.source, e.target):
            if (actor.name and name in actor.name) or name in actor.text:
                assert actor.code == code, (actor, e.sentence)
                seen += 1
    assert seen, f"no event names {name}"


def test_sample_moscow_and_ankara(sample: CodedDocument, settings: Settings):
    from eventwire.actors.coreference import DocumentActors
    from eventwire.nlp import load_model
    from eventwire.pipeline import resources

    resolver = resources(settings).coder.resolver
    parsed = load_model(settings.model)(sample.doc.text)
    ctx = DocumentActors()
    found = {}
    for token in parsed:
        if token.text in ("Moscow", "Ankara") and token.dep_ in ("nsubj", "conj"):
            (actor,) = resolver.resolve(token, ctx, date(2020, 11, 3))
            found[token.text] = actor.country
    assert found == {"Moscow": "RUS", "Ankara": "TUR"}
