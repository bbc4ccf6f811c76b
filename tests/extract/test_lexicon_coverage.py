"""Lexicon coverage: wire-style sentences per CAMEO root must be coded with that root.

Each case is a hand-written sentence whose actors are named countries or leaders (so actor
resolution is not what is tested) and the CAMEO code expected among the events' codes: a
root ("15") or, where the leaf is the point, a leaf ("0841"). The sentences exercise the
common verbs of each root, phrasal verbs, light verb + event noun, passives, and the
constructions added in the second coverage pass (reinforcing forces, sums of money,
handing over goods or people, travel warnings, cyber attacks, retaking places, engaging in
mass violence ...). A second, smaller set checks readings that must NOT get a given root.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from eventwire.pipeline import code_text

DATE = "2021-06-01"

CASES: list[tuple[str, str]] = [
    # 01 statements
    ("011", "The Japanese foreign ministry declined to comment on the matter."),
    ("011", "The Kremlin declined to comment on the report."),
    ("015", "The Pakistani Taliban claimed the attack on the police station in Peshawar."),
    ("016", "Russia denied any involvement in the poisoning."),
    ("017", "The German chancellor laid flowers at the memorial to the victims in Israel."),
    ("018", "The Jordanian king sent a message of condolence to the Egyptian president."),
    ("018", "The Pakistani prime minister expressed sorrow over the deaths of Chinese engineers."),
    # 02 appeals
    ("0232", "Ukraine requested more air defense systems from the United States."),
    ("0253", "France called for the release of its nationals held in Iran."),
    ("026", "The United Nations urged the two Koreas to resume dialogue."),
    # 03 intent
    ("0331", "Japan pledged 500 million dollars to Vietnam."),
    ("0332", "Britain promised to send tanks to Ukraine."),
    ("036", "Iran agreed to hold talks with the European Union."),
    # 04 consult
    ("041", "The Turkish president held a phone call with the Russian president."),
    ("042", "German Chancellor Olaf Scholz arrived in Beijing for a two-day visit."),
    ("040", "The Egyptian president attended the Arab League summit in Riyadh."),
    ("026", "France urged Iran to return to the negotiating table."),
    ("046", "Iran returned to the negotiating table with the United States."),
    # 05 diplomatic cooperation
    ("051", "Britain sent a message of support to Ukraine."),
    ("055", "Japan apologized to South Korea for its wartime actions."),
    ("057", "The Turkish parliament ratified the accession protocol of Sweden."),
    # 06 material cooperation
    ("061", "India and Russia boosted economic cooperation."),
    ("062", "Turkey and Azerbaijan strengthened military cooperation."),
    ("062", "Poland took part in joint exercises with Lithuania."),
    ("063", "Colombia handed over the drug trafficker to the United States."),
    ("063", "The Netherlands handed over evidence on the crash to Malaysia."),
    # 07 aid
    ("071", "Germany gave 50 million euros to Jordan."),
    ("071", "The World Bank approved a loan of 2 billion dollars for Egypt."),
    ("072", "Germany handed over tanks to Ukraine."),
    ("072", "Britain provided Ukraine with anti-tank missiles."),
    ("073", "China donated one million vaccine doses to Nepal."),
    ("073", "Japan handed over medical supplies to Cambodia."),
    ("073", "Australia dispatched medical teams to Indonesia."),
    ("075", "Germany took in thousands of refugees from Syria."),
    # 08 yield
    ("0841", "Azerbaijan returned Armenian prisoners of war."),
    ("0841", "Iran freed a French tourist."),
    ("087", "Armenia pulled its troops back from the border with Azerbaijan."),
    ("0861", "South Sudan accepted the deployment of Kenyan peacekeepers."),
    # 09 investigate
    ("090", "Nigeria questioned the former oil minister over the missing funds."),
    ("090", "The United Nations sent a fact-finding mission to Libya."),
    ("090", "Britain launched an investigation into the poisoning of the Russian defector."),
    # 10 demand
    ("1053", "Armenia demanded the return of its prisoners from Azerbaijan."),
    ("106", "Azerbaijan demanded direct talks with Armenia."),
    # 11 disapprove
    ("111", "Russia chided Armenia for its ties with the West."),
    ("112", "Britain presented evidence against Russia at the United Nations."),
    ("114", "China lodged stern representations with Japan."),
    # 12 reject
    ("129", "Russia vetoed a UN resolution on Syria."),
    ("125", "North Korea rejected talks with South Korea."),
    # 13 threaten
    ("1312", "The European Union threatened to impose sanctions on Belarus."),
    # 14 protest
    ("143", "French unions staged a nationwide strike against the pension reform of Macron."),
    ("143", "The opposition in Venezuela boycotted the election."),
    # 15 force posture
    ("154", "Russia strengthened its forces in Crimea."),
    ("154", "NATO increased its forces in Estonia."),
    ("154", "Russia sent warplanes to Belarus."),
    ("154", "The United States dispatched a carrier strike group to the eastern Mediterranean."),
    ("152", "Taiwan raised the alert level of its military."),
    ("150", "North Korea displayed new ballistic missiles at a military parade."),
    # 16 reduce relations
    ("160", "Britain advised against all travel to Lebanon."),
    ("161", "Canada reduced its diplomatic staff in Russia."),
    ("163", "China cut off trade with Lithuania."),
    ("163", "Japan tightened export controls on South Korea."),
    ("1621", "The World Bank suspended lending to Uganda."),
    # 17 coerce
    ("171", "Russian hackers hacked into computers of the German parliament."),
    ("171", "China launched cyber attacks against Taiwan."),
    ("173", "Iran arrested a French citizen on espionage charges."),
    # 18 assault
    ("181", "Gunmen kidnapped three Chinese workers in Nigeria."),
    # 19 fight
    ("192", "Ukraine regained control of the town from Russian forces."),
    ("190", "Ukrainian forces pushed back Russian troops near Kharkiv."),
    ("195", "The Saudi-led coalition launched air strikes on Houthi targets in Yemen."),
    # 20 mass violence
    ("203", "Serbian forces engaged in ethnic cleansing in Bosnia."),
    ("2041", "The Syrian government used chemical weapons against civilians in Ghouta."),
    # passives
    ("173", "The French journalist was arrested by Iranian police."),
    ("161", "Four Russian diplomats were expelled by Poland."),
    ("163", "Iran was hit by US sanctions."),
]

# Readings that must not get a root (the root a too-loose pattern would give).
NOT_CASES: list[tuple[str, str]] = [
    ("08", "President Zelenskiy returned to Kyiv on Sunday after a tour of European capitals."),
    ("08", "Police in Kenya released the names of the victims."),
    ("13", "The Chinese president sent a message of condolence to the Turkish president."),
    ("19", "French unions staged a nationwide strike against the pension reform of Macron."),
    ("19", "China launched cyber attacks against Taiwan."),
    ("05", "Germany and France boosted their military cooperation."),
]


def _codes(text: str) -> list[str]:
    return [e.cameo for e in code_text(text, date=DATE)]


# the third coverage pass (tests/extract/lexicon_cases_3.py): its own sentences and probes
sys.path.insert(0, str(Path(__file__).parent))
_THIRD = importlib.import_module("lexicon_cases_3")
CASES = CASES + _THIRD.CASES
NOT_CASES = NOT_CASES + _THIRD.NOT_CASES


@pytest.mark.parametrize(("expected", "text"), CASES, ids=[f"{c}:{t[:40]}" for c, t in CASES])
def test_sentence_gets_expected_code(expected: str, text: str) -> None:
    codes = _codes(text)
    assert any(code.startswith(expected) for code in codes), f"expected {expected} in {codes} for {text!r}"


@pytest.mark.parametrize(("root", "text"), NOT_CASES, ids=[f"not{r}:{t[:40]}" for r, t in NOT_CASES])
def test_sentence_does_not_get_root(root: str, text: str) -> None:
    codes = _codes(text)
    assert not any(code.startswith(root) for code in codes), f"unexpected root {root} in {codes} for {text!r}"


def test_every_root_is_covered() -> None:
    """The case list spans all 20 CAMEO roots."""
    roots = {code[:2] for code, _ in CASES}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
