"""The packaged-data readers reject bad rows with file:line messages."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.actors.codes import parse_partial_date, parse_roles, split_code
from eventwire.actors.kbfiles import (
    GROUPS,
    METONYMS,
    ORGS,
    PEOPLE,
    ROLES,
    STATES,
    check_conflicts,
    read_groups,
    read_metonyms,
    read_orgs,
    read_people,
    read_roles,
    read_states,
)
from eventwire.actors.normalize import fold, normalize
from eventwire.errors import ResourceError

STATE_CODES = frozenset({"AAA", "BBB"})


def tsv(columns: tuple[str, ...], *rows: str) -> str:
    return "# a comment\n" + "\t".join(columns) + "\n" + "\n".join(rows) + "\n"


def test_states_read_names_capitals_and_adjectives() -> None:
    text = tsv(STATES, "AAA\tAAA\tAland\tRepublic of Aland\tAlandic\tAlander;Alanders\tAlandburg\tmade up")
    result = read_states("s.tsv", text)
    assert result.codes == {"AAA"}
    state, capital = result.rows
    assert (state.entry.code, state.entry.kind) == ("AAA", "state")
    assert set(state.phrases) == {"Aland", "Republic of Aland", "Alandic", "Alander", "Alanders"}
    # a capital stands for its state ("Moscow and Ankara" -> RUS, TUR)
    assert (capital.entry.code, capital.entry.kind, capital.phrases) == ("AAA", "metonym", ("Alandburg",))
    assert ("Alandic", "AAA", "s.tsv:3") in result.adjectives


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("code\tname\n", "header must be"),
        (tsv(STATES, "AAA\tAAA\tAland"), "s.tsv:3: expected 8 tab-separated fields"),
        (tsv(STATES, "AAA\tAAA\tAland\t\t\t\t\t"), "s.tsv:3: empty source note"),
        (tsv(STATES, "aa1\tAAA\tAland\t\t\t\t\tsrc"), "three capital letters"),
        (tsv(STATES, "AAA\tAAA\tAland\t\t\t\t\tsrc", "AAA\tAAA\tAland2\t\t\t\t\tsrc"), "s.tsv:4: state code AAA appears twice"),
        ("# only comments\n", "no header line"),
    ],
)
def test_states_errors(text: str, message: str) -> None:
    with pytest.raises(ResourceError, match=message):
        read_states("s.tsv", text)


def test_metonym_and_org_codes_are_checked() -> None:
    ok = read_metonyms("m.tsv", tsv(METONYMS, "the Palace\tPalace of A\tAAAGOV\tsrc"), STATE_CODES)
    assert ok[0].entry.roles == ("GOV",) and ok[0].entry.country == "AAA"
    with pytest.raises(ResourceError, match=r"m.tsv:3: primary code 'ZZZ'"):
        read_metonyms("m.tsv", tsv(METONYMS, "the Palace\t\tZZZGOV\tsrc"), STATE_CODES)
    with pytest.raises(ResourceError, match=r"m.tsv:3: 'AAAGO' is not a CAMEO-style code"):
        read_metonyms("m.tsv", tsv(METONYMS, "the Palace\t\tAAAGO\tsrc"), STATE_CODES)
    orgs = read_orgs("o.tsv", tsv(ORGS, "IGOUNOMIL\tigo\tBlue Helmets\tBH\tsrc"), STATE_CODES)
    assert (orgs[0].entry.country, orgs[0].entry.roles, orgs[0].entry.kind) == (None, ("MIL",), "igo")
    with pytest.raises(ResourceError, match=r"o.tsv:3: an ngo code starts with NGO"):
        read_orgs("o.tsv", tsv(ORGS, "IGOUNO\tngo\tX\t\tsrc"), STATE_CODES)
    with pytest.raises(ResourceError, match=r"o.tsv:3: kind must be"):
        read_orgs("o.tsv", tsv(ORGS, "IGOUNO\tclub\tX\t\tsrc"), STATE_CODES)


def test_groups_dates() -> None:
    rows = read_groups("g.tsv", tsv(GROUPS, "AAAREB\tFront\tF\t2001-02\t2003\tsrc"), STATE_CODES)
    assert (rows[0].entry.start, rows[0].entry.end) == (date(2001, 2, 1), date(2003, 12, 31))
    with pytest.raises(ResourceError, match=r"g.tsv:3: end 2000-12-31 is before start 2001-01-01"):
        read_groups("g.tsv", tsv(GROUPS, "AAAREB\tFront\t\t2001\t2000\tsrc"), STATE_CODES)
    with pytest.raises(ResourceError, match=r"g.tsv:3: dates are YYYY-MM-DD"):
        read_groups("g.tsv", tsv(GROUPS, "AAAREB\tFront\t\t3/4/2001\t\tsrc"), STATE_CODES)


def test_people_rows() -> None:
    rows = read_people("p.tsv", tsv(PEOPLE, "Ann Example\tA. Example; Annie\tAAA\tGOV;MIL\tPresident\t2001\t\tsrc"),
                       STATE_CODES)
    entry = rows[0].entry
    assert (entry.code, entry.roles, entry.kind, entry.start, entry.end) == (
        "AAAGOVMIL", ("GOV", "MIL"), "person", date(2001, 1, 1), None)
    assert rows[0].phrases == ("Ann Example", "A. Example", "Annie")
    assert "President" in entry.source
    igo = read_people("p.tsv", tsv(PEOPLE, "Ann Example\t\tIGOUNO\t\tSecretary-General\t2001\t2002\tsrc"), STATE_CODES)
    assert (igo[0].entry.code, igo[0].entry.country) == ("IGOUNO", None)
    with pytest.raises(ResourceError, match=r"p.tsv:3: unknown role code 'XYZ'"):
        read_people("p.tsv", tsv(PEOPLE, "Ann\t\tAAA\tXYZ\tt\t2001\t\tsrc"), STATE_CODES)
    with pytest.raises(ResourceError, match=r"p.tsv:3: primary code 'ZZZ'"):
        read_people("p.tsv", tsv(PEOPLE, "Ann\t\tZZZ\tGOV\tt\t2001\t\tsrc"), STATE_CODES)
    with pytest.raises(ResourceError, match=r"p.tsv:3: column 'name' is empty"):
        read_people("p.tsv", tsv(PEOPLE, "\t\tAAA\tGOV\tt\t2001\t\tsrc"), STATE_CODES)


def test_roles_rows() -> None:
    rows = read_roles("r.tsv", tsv(ROLES, "Ministers\tminister\tGOV\tsrc"))
    word, rw, _ = rows[0]
    assert (word, rw.lemma, rw.role) == ("ministers", "minister", "GOV")
    with pytest.raises(ResourceError, match=r"r.tsv:3: unknown role code 'BOSS'"):
        read_roles("r.tsv", tsv(ROLES, "boss\t\tBOSS\tsrc"))


def test_conflicting_phrases_are_reported() -> None:
    rows = read_metonyms("m.tsv", tsv(METONYMS, "the Palace\t\tAAAGOV\tsrc", "Palace\t\tBBBGOV\tsrc"), STATE_CODES)
    with pytest.raises(ResourceError, match=r"m.tsv:4: 'Palace' is coded BBBGOV here but AAAGOV at m.tsv:3"):
        check_conflicts(rows)
    same = read_metonyms("m.tsv", tsv(METONYMS, "the Palace\t\tAAAGOV\tsrc", "Palace\t\tAAAGOV\tsrc"), STATE_CODES)
    check_conflicts(same)  # same code twice is fine


def test_code_helpers() -> None:
    assert split_code("RUSGOV") == ("RUS", ("GOV",))
    assert split_code("IGOUNOMIL") == (None, ("MIL",))
    assert split_code("---") == (None, ())
    assert parse_roles("GOVMIL") == parse_roles("GOV, MIL") == ("GOV", "MIL")
    assert parse_partial_date("2008-02", end=True) == date(2008, 2, 29)
    assert parse_partial_date("") is None
    with pytest.raises(ValueError):
        split_code("RUSSIA1")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert fold(once) == fold(text)


def test_import_reads_no_data() -> None:
    code = (
        "import eventwire.pipeline, eventwire.actors.knowledge as k, eventwire.actors.dictionaries\n"
        "import eventwire.geo.words as w, eventwire.nlp.model as m\n"
        "assert k._packaged.cache_info().currsize == 0 and k._load.cache_info().currsize == 0\n"
        "assert w._place_words.cache_info().currsize == 0 and m._lemma_fixes.cache_info().currsize == 0\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_historic_name_follows_the_article_date():
    from datetime import date

    from eventwire.actors.knowledge import ActorKB
    from eventwire.settings import Settings

    kb = ActorKB.load(Settings())
    assert kb.lookup("Congo", date(1989, 3, 1)).code == "COG"  # Zaire was the other Congo then
    assert kb.lookup("Congo", date(2005, 3, 1)).code == "COD"
    assert kb.lookup("Zaire", date(1989, 3, 1)).code == "COD"


def test_a_historic_name_without_dates_is_refused():
    from eventwire.actors.kbfiles import read_historic_names
    from eventwire.errors import ResourceError

    text = "code\tname\taliases\tstart\tend\tsource\nCOG\tCongo\t\t\t\tno dates\n"
    with pytest.raises(ResourceError, match="needs a start or an end"):
        read_historic_names("historic_names.tsv", text, frozenset({"COG"}))


def test_phrase_word_lists_load():
    from eventwire.actors.vocabulary import load_phrase_words

    words = load_phrase_words()
    assert {"counterpart", "partner"} <= words["other_side"] and "population" in words["people_nouns"]
    assert all(words[name] for name in ("other_side", "people_nouns", "whereabouts", "issue_verbs"))
