"""Lexicon coverage, third pass: hand-written wire sentences per CAMEO root.

Each case is a sentence written for this pass, whose actors are named countries,
organizations or national forces (so actor resolution is not what is tested), and the CAMEO
code expected among the events' codes: a root ("15") or, where the leaf is the point, a
leaf ("0873"). The sentences exercise the constructions added in the third coverage pass
(verbs of saying with a "that" clause, applying or turning to a lender, phoning a
counterpart, 'threw its weight behind', passing intelligence, joint patrols, distributing,
flying, airdropping and rushing aid, money lent to a dative recipient, scrapping
increases, reopening a corridor, handing in weapons, hearings and commissioned inquiries,
'took X to task', burning tyres, besieging an embassy, test launches into the sea,
warplane flights and war games, moving weapons and rushing troops, pulling an ambassador
out, leaving an IGO, seizing kidnap victims, driving out or forcibly expelling a
population) next to common verbs of each root. A second set checks that non-political uses
of the same verbs (sports, business, weather, technology) do not get the tempting root.
"""

from __future__ import annotations

import pytest

from eventwire.pipeline import code_text

DATE = "2021-06-01"

CASES: list[tuple[str, str]] = [
    ("010", "The Chinese foreign ministry revealed that Beijing had sent an envoy to Moscow."),
    ("010", "The Vatican disclosed that the Pope had written to the Russian president."),
    ("01", "The Japanese prime minister offered his condolences to the families of the victims."),
    ("01", "The French president paid tribute to the fallen soldiers."),
    ("01", "Hamas claimed responsibility for the rocket attack on Tel Aviv."),
    ("01", "The Saudi ministry denied reports that the crown prince was ill."),
    ("0231", "Tunisia applied to the International Monetary Fund for a loan."),
    ("023", "Pakistan turned to China for financial help."),
    ("02", "The Red Cross pleaded with both sides to allow the evacuation of civilians."),
    ("02", "Lebanon asked the International Monetary Fund for an emergency loan."),
    ("02", "The Bangladeshi prime minister appealed to Myanmar to take back the Rohingya refugees."),
    ("02", "Mozambique sought help from Rwanda against the insurgents."),
    ("03", "Iran expressed readiness to resume nuclear talks with the West."),
    ("03", "The Chinese president offered to mediate between Russia and Ukraine."),
    ("03", "Israel agreed to a four-day truce with Hamas."),
    ("03", "The Turkish president pledged support to Azerbaijan."),
    ("041", "The German foreign minister called her Israeli counterpart on Sunday."),
    ("041", "The Saudi foreign minister phoned his Iranian counterpart."),
    ("04", "The Qatari emir received the Hamas leader in Doha."),
    ("04", "Norway brokered talks between the Colombian government and the ELN rebels."),
    ("04", "The Greek prime minister sat down with the Turkish president in Ankara."),
    ("056", "The Ugandan president forgave Kenya for the border incident."),
    ("051", "Japan threw its weight behind the Philippines in the maritime dispute."),
    ("05", "The Chinese foreign ministry commended Pakistan for its efforts against terrorism."),
    ("05", "Brazil sided with Argentina in the dispute with Britain."),
    ("05", "Morocco normalized relations with Israel."),
    ("064", "Germany supplied intelligence to Ukraine."),
    ("064", "Britain passed intelligence to Kenya on the militants."),
    ("062", "Nigerian and Cameroonian troops jointly patrolled the border with Chad."),
    ("06", "Spain extradited the former Colombian general to the United States."),
    ("06", "China and Pakistan conducted joint naval exercises in the Arabian Sea."),
    ("073", "The World Food Programme distributed food to Sudanese refugees in Chad."),
    ("073", "The World Health Organization flew vaccines to Congo."),
    ("071", "The International Monetary Fund lent Argentina 44 billion dollars."),
    ("073", "India rushed relief supplies to Sri Lanka."),
    ("070", "Qatar rushed aid to Afghanistan after the earthquake."),
    ("073", "The United States airdropped food to Gaza."),
    ("07", "Canada granted asylum to the Afghan interpreters."),
    ("0832", "The Kenyan government scrapped the tax increases after protests by the opposition."),
    ("0872", "Azerbaijan reopened the Lachin corridor to Armenian traffic."),
    ("0873", "Colombian rebels handed in their rifles to the United Nations."),
    ("08", "The Taliban released two American prisoners."),
    ("08", "Russia withdrew its troops from Kherson."),
    ("090", "The US Congress held hearings on China's treatment of the Uighurs."),
    ("09", "The Dutch government commissioned an inquiry into the conduct of its troops in Indonesia."),
    ("09", "The International Criminal Court opened an investigation into war crimes in Ukraine."),
    ("09", "The IAEA inspected the Zaporizhzhia nuclear plant."),
    ("10", "The Chinese foreign ministry demanded an apology from Lithuania."),
    ("10", "The Philippines demanded that China withdraw its vessels from the reef."),
    ("10", "The Polish government demanded reparations from Germany."),
    ("111", "Russia took Germany to task over its arms deliveries to Ukraine."),
    ("11", "Beijing hit out at Canberra over the submarine deal."),
    ("11", "The Indian foreign ministry faulted Canada for the allegations."),
    ("12", "The Pakistani government brushed aside the demand from India."),
    ("12", "Belarus snubbed the invitation from Poland."),
    ("12", "The Indian government turned down the offer of mediation by Pakistan."),
    ("13", "The Chinese defence ministry warned the Philippines to stay away from the shoal."),
    ("13", "Hezbollah threatened Israel with a devastating response."),
    ("145", "Opposition supporters burned tyres in Dakar to protest against the arrest of their leader."),
    ("144", "Protesters besieged the Israeli embassy in Amman."),
    ("14", "Hundreds of people demonstrated outside the Israeli embassy in Amman."),
    ("14", "Kenyan doctors downed tools over unpaid salaries."),
    ("150", "North Korea test-fired a ballistic missile into the sea."),
    ("150", "China flew dozens of warplanes near Taiwan."),
    ("150", "The Iranian navy held war games in the Strait of Hormuz."),
    ("154", "Russia moved tactical nuclear weapons to Belarus."),
    ("154", "The Indian army rushed troops to the border with China."),
    ("161", "France pulled its ambassador out of Mali."),
    ("160", "The Sahel juntas withdrew from ECOWAS."),
    ("160", "Burundi quit the ICC."),
    ("16", "Germany shut down the Iranian consulates."),
    ("17", "Chinese police detained two Canadian citizens."),
    ("17", "Israeli forces bulldozed Palestinian homes in the West Bank."),
    ("181", "Kidnappers seized a Chinese engineer in Nigeria."),
    ("18", "Gunmen snatched two Italian priests in Cameroon."),
    ("19", "Israeli jets bombed Hezbollah positions in Lebanon."),
    ("19", "Ukrainian drones targeted Russian oil refineries."),
    ("201", "Azerbaijan drove the Armenian population out of Karabakh."),
    ("201", "The Myanmar government forcibly expelled the Rohingya to Bangladesh."),
    ("20", "The Rapid Support Forces carried out massacres against the Masalit in Darfur."),
]

# Non-political readings that must not get the root a too-loose pattern would give.
NOT_CASES: list[tuple[str, str]] = [
    ("07", "Tesla rushed new cars to China."),
    ("15", "The Japanese airline flew passengers to Taiwan."),
    ("07", "The Japanese airline flew passengers to Taiwan."),
    ("04", "The Chinese president called the meeting a success."),
    ("15", "The British team moved to the top of the table."),
    ("01", "The Japanese carmaker unveiled a new electric vehicle."),
    ("19", "The Lakers attacked the basket in the fourth quarter."),
    ("19", "Apple launched its new iPhone in China."),
    ("15", "Apple launched its new iPhone in China."),
    ("07", "The German striker gave Argentina the lead in the final."),
    ("16", "Toyota suspended production at its plants in Japan."),
    ("14", "The French tennis player struck the ball into the net."),
    ("15", "The Brazilian striker fired a shot into the net."),
    ("19", "The Brazilian striker fired a shot into the net."),
    ("14", "Hundreds of fans gathered outside the stadium in Madrid."),
    ("18", "Hackers stole data from the Australian company."),
    ("19", "Polish firefighters battled a blaze in Warsaw."),
    ("19", "Doctors fought to save the life of the injured boy."),
    ("17", "The storm knocked down power lines in Texas."),
    ("16", "Netflix cut prices in India."),
    ("09", "The Japanese court held a hearing in Tokyo."),
    ("18", "Japanese police seized cocaine from a ship in Yokohama."),
    ("14", "Farmers in France burned crops after the drought."),
    ("20", "The Spanish team thrashed Italy 4-0."),
]


def _codes(text: str) -> list[str]:
    return [e.cameo for e in code_text(text, date=DATE)]


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
