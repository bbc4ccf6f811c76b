"""The constructions a careful coder handles (issue list), one hand-written sentence each."""

from __future__ import annotations

import pytest

from eventwire.pipeline import code_text
from eventwire.settings import Settings

NO_STATEMENTS = Settings(statements=False)


def coded(text: str) -> list[tuple[str, str, str, str]]:
    return [
        (e.source.country or "---", e.cameo, e.plover or "", e.target.country or "---")
        for e in code_text(text, date="2021-06-01", settings=NO_STATEMENTS)
    ]


@pytest.mark.parametrize(
    ("text", "source", "plover", "target"),
    [
        ("India held talks with China on the border dispute.", "IND", "CONSULT", "CHN"),
        ("Turkey launched an offensive against Kurdish militants in northern Syria on Wednesday.", "TUR", "ASSAULT", "SYR"),
        ("The attack on the convoy by Houthi rebels killed six Saudi soldiers.", "YEM", "ASSAULT", "SAU"),
        ("Iran's foreign minister met his Iraqi counterpart in Baghdad.", "IRN", "CONSULT", "IRQ"),
        ("Israeli police cracked down on protesters in Jerusalem.", "ISR", "ASSAULT", "ISR"),
        ("Poland called off its planned visit to Hungary.", "POL", "SANCTION", "HUN"),
        ("Venezuela accused Colombia of sheltering rebels, Venezuelan officials said.", "VEN", "ACCUSE", "COL"),
        # a hostile act under "may/could ... if" in what someone says is a conditional threat
        ("China could impose tariffs on Australian barley if Canberra does not change course, a Chinese trade official said.", "CHN", "THREATEN", "AUS"),
        # "swore to fight" is a threat of force
        ("Tuareg rebels swore on Monday to fight the Malian army until the north is free.", "MLI", "THREATEN", "MLI"),
        # an event noun that modifies a generic object ("a mediation effort")
        ("Kuwait's emir launched a mediation effort between Qatar and Bahrain on Sunday.", "KWT", "CONSULT", "QAT"),
    ],
)
def test_construction(text: str, source: str, plover: str, target: str):
    got = coded(text)
    assert any(s == source and p == plover and t == target for s, _, p, t in got), got


def test_fighting_between_two_parties_is_reciprocal():
    got = coded("Fighting between Ethiopian troops and Eritrean forces resumed on Sunday.")
    assert {(s, t) for s, _, p, t in got if p == "ASSAULT"} == {("ETH", "ERI"), ("ERI", "ETH")}


def test_negated_agreement_is_a_rejection_both_ways():
    got = coded("Turkey and Greece did not agree on the maritime boundary.")
    assert {(s, p, t) for s, _, p, t in got} == {("TUR", "REJECT", "GRC"), ("GRC", "REJECT", "TUR")}


def test_questions_code_nothing():
    assert coded("Would China invade Taiwan?") == []


def test_historical_background_is_flagged():
    events = code_text("Norway has mediated between Colombia and the FARC for three decades.", date="2016-01-01", settings=NO_STATEMENTS)
    assert events and all(e.modality.historical for e in events)


@pytest.mark.parametrize("text", ["The storm hit the coast of Cuba on Monday.", "Floods displaced thousands of Kenyans."])
def test_nature_is_not_an_actor(text: str):
    assert coded(text) == []


@pytest.mark.parametrize(
    ("text", "target"),
    [("Israeli tanks pounded Rafah on Tuesday.", "PSE"), ("Russian forces captured the town of Avdiivka.", "UKR")],
)
def test_towns_stand_for_their_country(text: str, target: str):
    assert any(t == target for _, _, _, t in coded(text)), coded(text)


def test_will_send_troops_to_a_country_is_an_intent_to_help():
    got = coded("Russia will send troops to Syria.")
    assert [(s, c[:2], t) for s, c, _, t in got] == [("RUS", "03", "SYR")]
    got = coded("China will deploy troops to the border with India.")
    assert all(p == "THREATEN" for _, _, p, _ in got) and got


def test_co_mediators_do_not_mediate_each_other():
    got = coded("Qatar and Egypt mediated between Israel and Hamas.")
    assert not {(s, t) for s, _, _, t in got} & {("QAT", "EGY"), ("EGY", "QAT")}
    assert {("QAT", "ISR"), ("EGY", "ISR")} <= {(s, t) for s, _, _, t in got}


def full_codes(text: str, date: str = "2012-03-01") -> set[tuple[str, str, str]]:
    return {(e.source.code, e.plover or "", e.target.code) for e in code_text(text, date=date, settings=NO_STATEMENTS)}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # what a speaker says another party must do is the speaker's demand to that party
        ("The Dutch foreign minister said on Monday that Serbia must release the detained monitors.", ("NLDGOV", "REQUEST", "SRB"), "RETREAT"),
        ("Canada's prime minister said Beijing should free the two detained Canadians.", ("CANGOV", "REQUEST", "CHN"), "RETREAT"),
        # ... but a speaker's own obligation is no event of the other party
        ("Officials said the economy must grow faster next year.", None, "REQUEST"),
    ],
)
def test_reported_obligation_is_a_demand(text: str, expected: tuple[str, str, str] | None, absent: str):
    got = full_codes(text)
    if expected is not None:
        assert expected in got, got
    assert not any(p == absent for _, p, _ in got), got


def test_target_found_down_the_clause_keeps_its_conjuncts_and_its_noun():
    got = full_codes("The European Union agreed on Friday to provide emergency aid for Malawi and Mozambique.")
    assert {t[:3] for s, p, t in got if p == "AGREE"} >= {"MWI", "MOZ"}, got
    got = full_codes("Pyongyang fired artillery shells at the positions of South Korean marines on Yeonpyeong island.")
    assert any(t == "KORMIL" for _, _, t in got), got


def test_untagged_surname_of_an_office_holder_resolves_by_date():
    assert ("DEUGOV", "REQUEST", "RUS") in full_codes("Merkel said Russia should withdraw its troops from the border.", "2015-02-01")


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # "it" can be a body named by its role, not only a state
        ("Iraq's interim government announced that it is prepared to impose a curfew.", "2004-08-01", "IRQGOV"),
        # a state named on a use of military force acts through its armed forces
        ("Recent US attacks have killed eight militants in the tribal areas.", "2009-06-01", "USAMIL"),
    ],
)
def test_source_sector(text: str, date: str, expected: str):
    assert expected in {s for s, _, _ in full_codes(text, date)}, full_codes(text, date)


@pytest.mark.parametrize(
    ("text", "unwanted"),
    [
        ("A prominent anti-Syria journalist was shot dead in eastern Beirut.", "SYR"),  # anti-X is not X
        ("Al-Qaeda-linked rebels kidnapped two aid workers in Syria.", "IMG"),  # X-linked is not X
        ("A teenager was wounded in Israeli gunfire in the Gaza Strip on Sunday.", "ISRCVL"),  # a named place wins
    ],
)
def test_modifiers_that_do_not_name_the_actor(text: str, unwanted: str):
    got = full_codes(text, "2014-06-01")
    assert got and not any(c.startswith(unwanted) for s, _, t in got for c in (s, t) if c != "ISRMIL"), got


def test_a_hypothetical_without_a_condition_stays_no_event():
    assert coded("China could impose tariffs on Australian barley, analysts said.") == []


def test_what_is_received_was_given_by_the_other_side():
    got = full_codes("Kurdish fighters received weapons and ammunition from Germany last month.", "2014-10-01")
    assert any(s == "DEU" and p == "AID" for s, p, _ in got), got
    assert not any(p == "CONSULT" for _, p, _ in got), got


def test_a_name_split_by_the_parser_keeps_its_conjuncts():
    # the small model sometimes heads "Barack Obama and ..." on the first name, with the
    # conjunct hanging on the surname: the conjunct still belongs to the subject
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.extract.predicates import expand

    words = ["Jacques", "Chirac", "and", "Gerhard", "Schroeder", "met"]
    doc = Doc(
        Vocab(), words=words, heads=[5, 0, 1, 4, 1, 5], deps=["nsubj", "pobj", "cc", "compound", "conj", "ROOT"],
        ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"],
    )
    assert [t.text for t in expand(doc[0])] == ["Jacques", "Schroeder"]
    assert [t.text for t in expand(doc[5])] == ["met"]


@pytest.mark.parametrize(
    "text",
    [
        "Islamist gunmen abducted up to 30 Nigerian schoolgirls from a village in Borno state.",
        "Security forces detained up to 120 Egyptian protesters in Cairo on Friday.",
    ],
)
def test_up_to_a_number_is_a_quantity_not_a_particle(text: str):
    got = full_codes(text, "2014-05-01")
    assert any(t.startswith(("NGA", "EGY")) for _, _, t in got), got


@pytest.mark.parametrize(
    ("text", "date", "expected", "role"),
    [
        ("Jobless young Tunisians set up roadblocks in Kasserine on Monday.", "2016-01-20", "TUN", "CVL"),  # a people, qualified
        ("The Palestinians rejected the American plan on Tuesday.", "2020-01-29", "PSE", ""),  # the nation itself
        ("Ousted President Mohamed Morsi appealed to the army to restore him.", "2013-07-10", "EGY", "ELI"),
    ],
)
def test_people_and_former_leaders(text: str, date: str, expected: str, role: str):
    got = full_codes(text, date)
    assert expected + role in {s for s, _, _ in got}, got


def test_a_visit_goes_one_way_and_hosting_implies_the_visit():
    visit = full_codes("Indian Prime Minister Narendra Modi visited Japan on Saturday for an annual summit.", "2018-10-27")
    assert ("INDGOV", "CONSULT", "JPN") in visit and not any(s == "JPN" for s, _, _ in visit), visit
    hosted = full_codes("Japan hosted Indian Prime Minister Narendra Modi for an annual summit.", "2018-10-27")
    assert {("JPN", "CONSULT", "INDGOV"), ("INDGOV", "CONSULT", "JPN")} <= hosted, hosted


def test_a_place_after_at_is_not_the_other_party():
    got = full_codes("Thai and Cambodian army commanders held talks at a border checkpoint on Monday.", "2011-05-02")
    assert {("THAMIL", "CONSULT", "KHMMIL"), ("KHMMIL", "CONSULT", "THAMIL")} <= got, got


def test_a_participle_after_the_main_act_is_a_second_act():
    got = full_codes("Saudi Arabia expelled the Canadian ambassador, accusing Ottawa of meddling in its affairs.", "2018-08-06")
    assert ("SAU", "ACCUSE", "CAN") in got, got


def test_a_protest_purpose_and_a_cited_reason_are_not_acts():
    got = full_codes("Thousands of Kenyans marched in Nairobi on Sunday, demanding lower food prices.", "2023-03-20")
    assert {p for _, p, _ in got} == {"PROTEST"}, got
    got = full_codes("Hungary refused to join the sanctions package, citing strong domestic opposition.", "2022-05-10")
    assert {p for _, p, _ in got} == {"REJECT"}, got


def test_a_village_in_a_region_the_model_mistags():
    got = full_codes("A village in the Zaporizhzhia region was shelled by Russian forces overnight, officials said.", "2023-05-01")
    assert ("RUSMIL", "ASSAULT", "UKRCVL") in got, got


def test_a_title_in_the_text_outranks_the_knowledge_base_date():
    # the KB says Mubarak left office in 2011; a text that calls him President is dated wrong
    # or quotes an old report: the text's title wins, "former" still gives ELI
    assert "EGYGOV" in {s for s, _, _ in full_codes("President Hosni Mubarak accused Israel of stalling the talks.", "2015-01-01")}
    assert "EGYELI" in {s for s, _, _ in full_codes("Former President Hosni Mubarak accused Israel of stalling the talks.", "2015-01-01")}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # judging an act is aimed at its author
        ("The Arab League condemned the Israeli raid on the Nablus refugee camp as a massacre.", "2023-02-23", ("IGO", "ACCUSE", "ISR")),
        # the Soviet Union is coded by its successor state
        ("Sweden asked the Soviet Union for information about the nuclear accident.", "1986-04-28", ("SWE", "REQUEST", "RUS")),
        # a company's name is no role word; companies are business
        ("Venezuelan authorities seized General Motors' car plant in Valencia on Wednesday.", "2017-04-20", ("VENGOV", "COERCE", "VENBUS")),
    ],
)
def test_targets_named_through_acts_history_and_companies(text: str, date: str, expected: tuple[str, str, str]):
    got = full_codes(text, date)
    assert any(s[:3] == expected[0][:3] and p == expected[1] and t == expected[2] for s, p, t in got), got


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopia, Egypt and Sudan have still not signed an agreement on the dam.",  # not yet: nothing happened
        "The Indian prime minister is due to travel to Washington next week.",  # planned, not yet done
        "The foreign minister is expected to visit Beijing later this month, officials said.",
        "Typhoon Haiyan slammed into the central Philippines on Friday.",  # a named storm is no actor
    ],
)
def test_nothing_happened(text: str):
    assert coded(text) == []


def test_a_gerund_after_by_says_what_was_done():
    got = full_codes("Moscow retaliated within hours by ordering out 18 Latvian diplomats.", "2023-02-01")
    assert ("RUS", "SANCTION", "LVAGOV") in got and not any(p == "ASSAULT" for _, p, _ in got), got
    got = full_codes("Students in Dhaka responded by throwing stones at the police.", "2024-07-18")
    assert ("BGDEDU", "PROTEST", "BGDCOP") in got, got


def test_deaths_in_an_accident_are_no_attack():
    assert coded("Nine soldiers were killed when their transport plane crashed in bad weather near the border.") == []
    assert coded("Three soldiers were killed by a roadside bomb in Helmand province.")  # an unnamed attacker is still one


def test_x_led_forces_are_x_and_popes_are_the_holy_see():
    assert ("SAUMIL", "ASSAULT") in {(s, p) for s, p, _ in full_codes("An air strike by the Saudi-led coalition hit a wedding party in Yemen.", "2018-04-23")}
    assert ("VATGOV", "REQUEST") in {(s, p) for s, p, _ in full_codes("Pope Francis appealed to Russia and Ukraine for an Easter truce.", "2022-04-10")}


def test_a_negated_control_verb_rejects_or_codes_nothing():
    assert {p for _, p, _ in full_codes("Iran did not agree to halt uranium enrichment, its envoy said.", "2006-03-01")} == {"REJECT"}
    assert coded("Israel has not yet agreed to withdraw its troops from the border villages.") == []
    assert coded("Russia did not threaten to cut gas supplies to Europe.") == []


def test_ethnic_groups_belong_to_the_country_they_live_in():
    got = full_codes("Ethnic Serb militias in Kosovo fired on a police patrol near Mitrovica, Kosovo police said.", "2011-07-27")
    assert got and not any(s.startswith("SRB") for s, _, _ in got), got
    got = full_codes("Ethnic Uzbeks in southern Kyrgyzstan protested against the arrest of their leaders.", "2010-06-20")
    assert any(s == "KGZCVLUZB" for s, _, _ in got), got  # a people outside its home state keeps its ethnic code


@pytest.mark.parametrize(
    ("text", "date", "code"),
    [
        ("Thousands of Syrian Kurds rallied in Qamishli against the Turkish offensive.", "2019-10-12", "SYRCVLKUR"),
        ("The Hungarians of southern Slovakia demanded the right to use their language in schools.", "1995-05-01", "SVKCVLHUN"),
        ("Bosnian Serb forces shelled the eastern enclave of Gorazde on Sunday.", "1994-04-10", "BIHMILSRP"),
        # a state's own people take no ethnic code
        ("Serb forces shelled the town of Gorazde on Sunday.", "1994-04-10", "SRBMIL"),
        # two states' adjectives are two states, not a people
        ("Indian and Chinese troops clashed in the Galwan Valley.", "2020-06-16", "INDMIL"),
        # a people of a state's own demonym ("Greek Cypriots" is a Cyprus name in states.tsv)
        ("Greek Cypriots rejected the reunification plan in a referendum on Saturday.", "2004-04-24", "CYPCVLGRE"),
        ("Chinese Indonesians protested against the attacks in Jakarta.", "1998-05-20", "IDNCVLCHI"),
        # a possessive pronoun gives the owner's people to a role noun
        ("Bosnian Serbs said on Tuesday that their forces had shelled the town of Gorazde.", "1994-04-26", "BIHMILSRP"),
    ],
)
def test_ethnic_code_outside_the_home_state(text: str, date: str, code: str):
    got = full_codes(text, date)
    assert any(code in (s, t) for s, _, t in got), got


def test_the_other_side_of_a_relation_is_not_the_possessor():
    got = full_codes("Prime Minister Tony Blair met his counterpart in Dublin on Friday.", "1998-04-11")
    assert got and not any(s == t for s, _, t in got) and not any(t.startswith("GBR") for s, _, t in got if s.startswith("GBR")), got


def test_an_existential_participle_targets_its_noun():
    got = full_codes("There were twelve Nigerian soldiers killed in an ambush near Maiduguri on Sunday.", "2016-06-01")
    assert any(t == "NGAMIL" for _, _, t in got), got


def test_failing_to_reach_agreement_is_a_mutual_rejection():
    got = full_codes("Serbia and Kosovo failed to reach agreement on vehicle licence plates on Monday.", "2022-11-21")
    assert {("SRB", "REJECT", "XKX"), ("XKX", "REJECT", "SRB")} <= got, got
    assert coded("Firefighters failed to stop the blaze from spreading to nearby villages.") == []


def test_people_sent_to_do_something_code_what_they_were_sent_to_do():
    got = full_codes("The IAEA sent a team of inspectors to Syria on Monday to investigate the bombed site.", "2008-06-23")
    assert any(p == "ACCUSE" and t == "SYR" for _, p, t in got), got
    got = full_codes("Norway dispatched an envoy to Sri Lanka to mediate between the government and the Tamil rebels.", "2002-02-01")
    assert {("NOR", "CONSULT", "LKAGOV"), ("NOR", "CONSULT", "LKAREB")} <= got, got
    got = full_codes("Russia sent troops to Kazakhstan to help restore order.", "2022-01-06")
    assert any(p == "MOBILIZE" for _, p, _ in got), got  # armed units: a deployment


def test_an_attempted_act_is_coded():
    got = full_codes("An attempt to assassinate the governor of Kandahar province was foiled on Monday, police said.", "2010-05-03")
    assert any(p == "ASSAULT" and t == "AFGGOV" for _, p, t in got), got


def test_a_slash_acronym_is_one_name():
    got = full_codes("The Sudanese government and the SPLM/A agreed on Saturday to allow aid into the Nuba mountains.", "2002-01-19")
    assert {("SDNGOV", "AGREE", "SDNREB"), ("SDNREB", "AGREE", "SDNGOV")} <= got, got


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("The Azerbaijani army prepared on Monday to launch an offensive on the separatist enclave.", "MOBILIZE"),
        ("The interior ministry ordered extra patrols in the capital after the bombing.", "MOBILIZE"),
        ("Britain is preparing to send food aid to Sudan.", "AGREE"),
    ],
)
def test_preparing_and_ordering_force(text: str, plover: str):
    assert plover in {p for _, _, p, _ in coded(text)}, coded(text)


def test_the_subject_of_face_or_draw_undergoes_the_act():
    got = full_codes("Tokyo's plan drew sharp criticism from South Korea and China on Tuesday.", "2021-04-13")
    assert {("KOR", "ACCUSE", "JPN"), ("CHN", "ACCUSE", "JPN")} <= got, got
    got = full_codes("The Greek government faces strong pressure from the European Commission to cut spending.", "2011-06-01")
    assert any(s.startswith("IGO") and p == "REQUEST" and t == "GRCGOV" for s, p, t in got), got


def test_parts_of_two_bodies_are_both_actors():
    got = full_codes("Saudi Arabia hosted talks between representatives of Sudan's army and the Rapid Support Forces.", "2023-05-06")
    assert {("SAU", "CONSULT", "SDNMIL"), ("SAU", "CONSULT", "SDNREB")} <= got, got


def test_two_national_modifiers_of_one_noun_are_two_actors():
    got = full_codes("Qatari and Egyptian mediators shuttled between Israeli and Hamas negotiators in Cairo on Tuesday.", "2024-02-13")
    assert {("QATGOV", "CONSULT", "ISRGOV"), ("EGYGOV", "CONSULT", "PSEREB")} <= got, got


def test_a_toll_told_in_a_participle_is_the_same_attack():
    got = [e for e in code_text("Rebels shelled the town of Kidal overnight, killing at least eight people, officials said.", date="2014-05-18", settings=NO_STATEMENTS)]
    assert len([e for e in got if e.plover == "ASSAULT"]) == 1, [(e.source.code, e.cameo, e.target.code) for e in got]


def test_what_someone_hopes_others_will_do_is_no_event():
    got = coded("Kenya's foreign minister said she hoped Ethiopian officials would soon be put on trial for the killings.")
    assert not any(p for _, _, p, _ in got if p), got


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Islamist militants seized Benghazi on Sunday.", "COERCE"),  # a named place taken: occupation (192)
        ("The takeover bid took Washington by surprise.", None),  # "take" alone does not take a named place
    ],
)
def test_seizing_a_named_place(text: str, plover: str | None):
    got = {p for _, c, p, _ in coded(text) if c == "192"}
    assert got == ({plover} if plover else set()), coded(text)


def test_rebel_forces_are_rebels_not_the_military():
    assert "SYRREB" in {s for s, _, _ in full_codes("Syrian rebel forces captured the town of Qusair overnight.", "2012-07-29")}


def test_a_place_as_possessor_names_the_country():
    got = full_codes("Syrian rebel forces captured Aleppo's eastern districts overnight.", "2012-07-29")
    assert ("SYRREB", "COERCE", "SYR") in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a claim that someone did harm accuses them; the reported act is coded as well
        ("Moscow claimed that Ukrainian forces had shelled the Zaporizhzhia plant.", ("RUS", "112", "UKR")),
        ("Armenia claimed that Azerbaijani troops had attacked three villages.", ("ARM", "112", "AZE")),
    ],
)
def test_a_claim_of_harm_is_an_accusation(text: str, expected: tuple[str, str, str]):
    got = [(s, c, t) for s, c, _, t in coded(text)]
    assert expected in got, got


def test_a_claim_keeps_the_reported_act():
    got = [(s, c, t) for s, c, _, t in coded("Armenia contended that Azerbaijani troops had shelled Stepanakert.")]
    assert ("ARM", "112", "AZE") in got and any(c.startswith("19") and s == "AZE" for s, c, _ in got), got


def test_a_claim_about_its_own_forces_or_of_no_harm_accuses_nobody():
    assert not [c for _, c, _, _ in coded("Russia claimed that its forces had destroyed Ukrainian tanks near Bakhmut.") if c == "112"]
    assert not [c for _, c, _, _ in coded("Russia claimed that Ukraine had not shelled the plant in Enerhodar.") if c == "112"]


def test_a_claim_about_oneself_or_of_no_harm_accuses_nobody():
    assert not [c for _, c, _, _ in coded("Turkey claimed that it had struck PKK positions in northern Iraq.") if c == "112"]
    assert not [c for _, c, _, _ in coded("Russia claimed that the talks with Turkey were going well.") if c == "112"]


def test_an_unsigned_report_speaks_for_where_it_was_issued():
    got = coded("A report released on Monday in the Kenyan capital alleged that Somali militiamen had raided the camp.")
    assert ("KEN", "112", "ACCUSE", "SOM") in got, got


def test_a_report_released_outside_a_capital_speaks_for_nobody():
    got = full_codes("A report released in Geneva on Monday alleged that Eritrean troops had killed civilians in Tigray.", "2021-03-01")
    assert not any(s.startswith("CHE") for s, _, _ in got), got


def test_no_ethnic_code_without_a_sector():
    got = full_codes("Turkish jets bombed Kurdish areas of northern Iraq on Sunday.", "2019-06-01")
    assert got and all(len(code) != 6 or code[3:] in ("MIL", "CVL", "GOV") for s, _, t in got for code in (s, t)), got


def test_a_company_named_after_its_country():
    got = [(e.target.code, e.plover) for e in code_text("Separatists shot down a Malaysia Airlines plane near the border.", date="2014-07-20")]
    assert ("MYSBUS", "ASSAULT") in got, got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan sent a team to Turkey to help search for survivors.", ("JPN", "AID", "TUR")),
        # the future of sending is an intent to give aid
        ("Norway will send experts to Nepal to help rebuild schools.", ("NOR", "AGREE", "NPL")),
    ],
)
def test_people_sent_to_help_are_aid(text: str, expected: tuple[str, str, str]):
    got = [(s, p, t) for s, _, p, t in coded(text)]
    assert expected in got, got


def test_an_act_with_no_political_actor_on_either_side_is_no_event():
    assert coded("Protesters set fire to shops on Tuesday night.") == []  # civilians and businesses only
    assert coded("Police set fire to shops on Tuesday night.") != []  # the police are a state actor


def test_a_demand_addresses_the_clause_subject_through_nested_control_verbs():
    got = full_codes("Athens demanded that the European Union refuse to open membership talks with Turkey.", "1997-12-01")
    assert any(p == "REQUEST" and t.startswith("IGO") for _, p, t in got), got


def test_a_state_name_with_former_in_it_is_no_former_official():
    got = full_codes("Bulgaria recognized the Former Yugoslav Republic of Macedonia in January.", "1992-01-16")
    assert got and all(t == "MKD" for _, _, t in got), got


def test_co_mediators_are_not_each_others_targets():
    got = coded("The talks are mediated by Qatar and Egypt and aim to agree a truce in Gaza.")
    assert not any({s, t} == {"QAT", "EGY"} for s, _, _, t in got), got


def test_a_finite_verb_joined_to_a_passive_shares_its_surface_subject():
    from eventwire.extract.arguments import subject
    from eventwire.nlp import load_model

    doc = load_model(Settings().model)("The talks are mediated by Qatar and Egypt and aim to end the war.")
    aim = next(t for t in doc if t.lemma_ == "aim")
    assert subject(aim).text == "talks"


def test_a_second_party_hung_on_the_first_ones_of_phrase():
    got = full_codes("The government of Colombia and the leftist guerrillas of the FARC signed a peace accord in Havana on Monday.", "2016-09-26")
    assert {("COLGOV", "COLREB"), ("COLREB", "COLGOV")} <= {(s, t) for s, _, t in got}, got


def test_an_outlook_on_an_act_is_not_the_act():
    got = coded("The Greek prime minister said he was pessimistic about reaching a deal with the creditors before June.")
    assert not any(p == "SUPPORT" for _, _, p, _ in got), got


def test_a_desire_verb_with_another_subject_is_an_appeal():
    # (the converse, "vowed that ..." with another subject coding nothing through the chain,
    # comes from a misparse the model makes on long sentences; not reproducible in a short one)
    assert any(p == "REQUEST" for _, _, p, _ in coded("Washington wants Moscow to withdraw its troops from Moldova."))


def test_violence_by_a_crowd_is_a_violent_protest_and_the_other_side_stays_force():
    # CAMEO 145: protest violently, riot
    assert ("IRN", "145", "PROTEST", "FRA") in coded("Demonstrators stormed the French embassy in Tehran on Sunday.")
    clash = coded("Protesters clashed with riot police in Minsk on Sunday.")
    assert ("BLR", "145", "PROTEST", "BLR") in clash
    assert any(code[:2] == "19" for _, code, _, _ in clash), clash  # the police side fought
    beaten = coded("Police beat demonstrators in Minsk on Sunday.")
    assert ("BLR", "175", "ASSAULT", "BLR") in beaten and all(code != "145" for _, code, _, _ in beaten), beaten
    # armed violence by a crowd keeps its code
    rockets = coded("Georgian demonstrators fired rockets at the Georgian parliament.")
    assert any(p == "ASSAULT" for _, _, p, _ in rockets) and all(code != "145" for _, code, _, _ in rockets), rockets


def test_a_subject_stranded_after_a_long_fronted_phrase_is_found():
    # the parser joins "Egypt and Sudan" to "Kinshasa" inside the fronted phrase and leaves
    # "have agreed" without a subject
    got = coded("Following the collapse of talks on the Nile dam in Kinshasa, Egypt and Sudan have agreed to hold joint military exercises.")
    assert {(s, t) for s, _, p, t in got if p == "AGREE"} == {("EGY", "SDN"), ("SDN", "EGY")}, got


def test_the_broker_of_a_deal_or_talks_acts_on_each_party():
    got = coded("Ethiopia and Eritrea agreed on Monday to a prisoner exchange brokered by Qatar.")
    assert {("QAT", "ETH"), ("QAT", "ERI")} <= {(s, t) for s, code, _, t in got if code == "045"}, got
    chaired = coded("Serbia and Kosovo signed an accord in Brussels after talks chaired by the European Union.")
    assert any(code == "045" and t in ("SRB", "XKX", "KOS") for _, code, _, t in chaired), chaired
    # a plain participle on another noun is no mediation
    assert all(code != "045" for _, code, _, _ in coded("Israel and Hamas agreed to a ceasefire on a road built by Egypt."))
