"""Packaged actor knowledge: states, metonyms, adjectives, IGOs, groups, role words."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.codes import ROLE_CODES
from eventwire.actors.knowledge import ActorKB
from eventwire.actors.normalize import fold, normalize
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load(Settings())


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Russia", "RUS"),
        ("the Russian Federation", "RUS"),
        ("Burma", "MMR"),
        ("Ivory Coast", "CIV"),
        ("Côte d’Ivoire", "CIV"),
        ("the US", "USA"),
        ("U.S.", "USA"),
        ("the United States", "USA"),
        ("Britain", "GBR"),
        ("UK", "GBR"),
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("Turkish", "TUR"),
        ("Turks", "TUR"),
        ("Palestinian", "PSE"),
        ("Palestinians", "PSE"),
        ("Swiss", "CHE"),
        ("Frenchmen", "FRA"),
        ("Taiwan", "TWN"),
        ("Kosovo", "XKX"),
        ("the Vatican", "VAT"),
        ("Western Sahara", "ESH"),
        ("Zaire", "COD"),
        ("Congo-Brazzaville", "COG"),
    ],
)
def test_state_names_adjectives_and_demonyms(kb: ActorKB, phrase: str, code: str) -> None:
    entry = kb.lookup(phrase)
    assert entry is not None, phrase
    assert (entry.code, entry.kind, entry.country) == (code, "state", code)
    assert entry.source.startswith("states.tsv")


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Moscow", "RUS"),
        ("the Kremlin", "RUSGOV"),
        ("Ankara", "TUR"),
        ("Washington", "USA"),
        ("the White House", "USAGOV"),
        ("the Pentagon", "USAMIL"),
        ("Downing Street", "GBRGOV"),
        ("No. 10", "GBRGOV"),
        ("Beijing", "CHN"),
        ("Tehran", "IRN"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Whitehall", "GBRGOV"),
        ("the Quai d'Orsay", "FRAGOV"),
        ("Élysée", "FRAGOV"),
        ("Foggy Bottom", "USAGOV"),
        ("the State Department", "USAGOV"),
        ("Zhongnanhai", "CHNGOV"),
        ("the Bundestag", "DEULEG"),
        ("the Knesset", "ISRLEG"),
        ("the Duma", "RUSLEG"),
        ("Congress", "USALEG"),
        ("the IDF", "ISRMIL"),
        ("the PLA", "CHNMIL"),
        ("the FSB", "RUSSPY"),
        ("the CIA", "USASPY"),
        ("Mossad", "ISRSPY"),
    ],
)
def test_metonyms(kb: ActorKB, phrase: str, code: str) -> None:
    entry = kb.lookup(phrase)
    assert entry is not None, phrase
    assert entry.kind == "metonym"
    assert entry.code == code
    assert entry.country == code[:3]
    assert entry.roles == ((code[3:],) if code[3:] else ())


def test_common_words_keep_their_case(kb: ActorKB) -> None:
    assert kb.lookup("US") is not None
    assert kb.lookup("us") is None  # the pronoun
    assert kb.lookup("WHO") is not None and kb.lookup("WHO").code.startswith("IGO")  # type: ignore[union-attr]
    assert kb.lookup("who") is None
    assert kb.lookup("IS") is not None and kb.lookup("is") is None
    assert kb.lookup("turkey") is None and kb.lookup("Turkey").code == "TUR"  # type: ignore[union-attr]


def test_lookup_ignores_case_punctuation_and_the(kb: ActorKB) -> None:
    a = kb.lookup("the Kremlin")
    assert a is not None
    assert kb.lookup("KREMLIN") == a
    assert kb.lookup("Kremlin's") == a
    assert kb.lookup("  the   kremlin ") == a
    assert kb.lookup("Kremlin Palace Guard") is None  # exact phrases only


@pytest.mark.parametrize(
    ("phrase", "code", "kind"),
    [
        ("UN", "IGOUNO", "igo"),
        ("the United Nations", "IGOUNO", "igo"),
        ("UN Security Council", "IGOUNO", "igo"),
        ("UNHCR", "IGOUNOREF", "igo"),
        ("the IAEA", "IGOUNO", "igo"),
        ("NATO", "IGOWSTNAT", "igo"),
        ("the European Union", "IGOEUREEC", "igo"),
        ("European Commission", "IGOEUREEC", "igo"),
        ("OSCE Minsk Group", "IGOEUR", "igo"),
        ("African Union", "IGOAFR", "igo"),
        ("Interpol", "IGOCOPITP", "igo"),
        ("UN peacekeepers", "IGOUNOMIL", "igo"),
        ("International Criminal Court", "IGOJUD", "igo"),
        ("Amnesty International", "NGOHRI", "ngo"),
        ("Human Rights Watch", "NGOHRI", "ngo"),
        ("Doctors Without Borders", "NGOHLH", "ngo"),
        ("ICRC", "NGO", "ngo"),
    ],
)
def test_igos_and_ngos(kb: ActorKB, phrase: str, code: str, kind: str) -> None:
    entry = kb.lookup(phrase)
    assert entry is not None, phrase
    assert (entry.code, entry.kind, entry.country) == (code, kind, None)


@pytest.mark.parametrize(
    ("phrase", "on", "code"),
    [
        ("Hamas", None, "PSEREB"),
        ("Hezbollah", None, "LBNREB"),
        ("al-Shabaab", None, "SOMINS"),
        ("al Shabab", None, "SOMINS"),
        ("Boko Haram", None, "NGAINS"),
        ("the Houthis", None, "YEMREB"),
        ("PKK", None, "TURSEP"),
        ("Daesh", None, "IMGINS"),
        ("ISIL", None, "IMGINS"),
        ("al-Qaida", None, "IMGINS"),
        ("M23", None, "CODREB"),
        ("Wagner Group", None, "RUSMIL"),
        ("FARC", None, "COLREB"),
        ("Taliban", date(1999, 5, 1), "AFGGOV"),
        ("Taliban", date(2009, 5, 1), "AFGREB"),
        ("Taliban", date(2023, 5, 1), "AFGGOV"),
        ("the Taliban", None, "AFGGOV"),  # undated: most recent period
        ("RSF", date(2020, 1, 1), "SDNMIL"),
        ("Rapid Support Forces", date(2024, 1, 1), "SDNREB"),
        ("TPLF", date(2021, 6, 1), "ETHREB"),
        ("TPLF", date(2010, 6, 1), "ETHPTY"),  # default row outside the war
        ("HTS", date(2020, 1, 1), "SYRREB"),
        ("Hayat Tahrir al-Sham", date(2025, 2, 1), "SYRGOV"),
    ],
)
def test_groups(kb: ActorKB, phrase: str, on: date | None, code: str) -> None:
    entry = kb.lookup(phrase, on)
    assert entry is not None, phrase
    assert entry.kind == "group"
    assert entry.code == code


@pytest.mark.parametrize(
    ("word", "lemma", "role"),
    [
        ("minister", "minister", "GOV"),
        ("ministers", "minister", "GOV"),
        ("foreign minister", "foreign minister", "GOV"),
        ("Prime Ministers", "prime minister", "GOV"),
        ("troops", "troops", "MIL"),
        ("rebels", "rebel", "REB"),
        ("militants", "militant", "INS"),
        ("separatists", "separatist", "SEP"),
        ("gunmen", "gunman", "UAF"),
        ("riot police", "riot police", "COP"),
        ("security forces", "security forces", "MIL"),
        ("supreme court", "supreme court", "JUD"),
        ("lawmakers", "lawmaker", "LEG"),
        ("ex", "ex", "ELI"),
        ("spies", "spy", "SPY"),
        ("protesters", "protester", "CVL"),
        ("journalists", "journalist", "MED"),
        ("businessmen", "businessman", "BUS"),
        ("students", "student", "EDU"),
        ("imams", "imam", "REL"),
        ("workers", "worker", "LAB"),
        ("refugees", "refugee", "REF"),
        ("doctors", "doctor", "HLH"),
        ("rights groups", "rights group", "HRI"),
        ("smugglers", "smuggler", "CRM"),
        ("farmers", "farmer", "AGR"),
        ("environmentalists", "environmentalist", "ENV"),
        ("defense ministry", "defence ministry", "MIL"),
    ],
)
def test_role_words(kb: ActorKB, word: str, lemma: str, role: str) -> None:
    rw = kb.role_of(word)
    assert rw is not None, word
    assert (rw.lemma, rw.role) == (lemma, role)


def test_every_ontology_role_has_role_words(kb: ActorKB) -> None:
    covered = {rw.role for rw in kb._packaged.roles.values()}
    assert covered == ROLE_CODES
    assert kb.role_of("banana") is None


@pytest.mark.parametrize(
    ("word", "country"),
    [
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("Russia", "RUS"),
        ("pro-Russian", "RUS"),
        ("Russia-backed", "RUS"),
        ("Russian-backed", "RUS"),
        ("US-led", "USA"),
        ("U.S.-backed", "USA"),
        ("Kremlin-backed", "RUS"),
        ("Saudi-led", "SAU"),
        ("Israeli", "ISR"),
        ("British", "GBR"),
    ],
)
def test_country_of_adjective(kb: ActorKB, word: str, country: str) -> None:
    assert kb.country_of_adjective(word) == country


def test_country_of_adjective_rejects_non_countries(kb: ActorKB) -> None:
    assert kb.country_of_adjective("EU-backed") is None
    assert kb.country_of_adjective("green") is None
    assert kb.country_of_adjective("us") is None


def test_row_counts_and_phrase_length(kb: ActorKB) -> None:
    counts = kb.row_counts
    assert counts["states.tsv"] >= 193 + 2  # UN members + observers
    assert counts["metonyms.tsv"] >= 80
    assert counts["groups.tsv"] >= 50
    assert counts["roles.tsv"] >= 200
    assert counts["people_core.tsv"] >= 500
    assert kb.max_phrase_tokens == max(
        len(k.split()) for d in (kb._packaged.layer.phrases.exact, kb._packaged.layer.phrases.folded,
                                 kb._packaged.roles) for k in d
    )
    assert kb.max_phrase_tokens >= 8  # e.g. "United Kingdom of Great Britain and Northern Ireland"


def test_normalize_examples() -> None:
    assert normalize("the U.S.'s") == "US"
    assert fold("Quai d’Orsay") == fold("Quai d'Orsay") == "quai dorsay"
    assert fold("Yıldırım") == "yildirim"
    assert fold("al-Qaeda") == fold("al Qaeda")
