"""Persons with dated offices: the same name codes differently on different article dates."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.entries import KBEntry
from eventwire.actors.knowledge import ActorKB, resolve
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load(Settings())


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("George W. Bush", date(2005, 6, 1), "USAGOV"),
        ("George W. Bush", date(2012, 6, 1), "USAELI"),
        ("Vladimir Putin", date(2000, 6, 1), "RUSGOV"),
        ("Vladimir Putin", date(2010, 6, 1), "RUSGOV"),  # prime minister
        ("Vladimir Putin", date(2022, 6, 1), "RUSGOV"),
        ("Vladimir Putin", date(1999, 3, 1), "RUSSPY"),  # FSB director
        ("Dmitry Medvedev", date(2009, 6, 1), "RUSGOV"),
        ("Dmitri Medvedev", date(2016, 6, 1), "RUSGOV"),
        ("Barack Obama", date(2006, 6, 1), "USALEG"),  # senator
        ("Barack Obama", date(2019, 6, 1), "USAELI"),
        ("Donald Trump", date(2018, 6, 1), "USAGOV"),
        ("Donald Trump", date(2023, 6, 1), "USAELI"),
        ("Donald Trump", date(2025, 6, 1), "USAGOV"),
        ("Hillary Clinton", date(2010, 6, 1), "USAGOV"),
        ("Keir Starmer", date(2022, 6, 1), "GBROPP"),
        ("Keir Starmer", date(2025, 6, 1), "GBRGOV"),
        ("Hakan Fidan", date(2015, 6, 1), "TURSPY"),
        ("Hakan Fidan", date(2024, 6, 1), "TURGOV"),
        ("Ahmed al-Sharaa", date(2020, 6, 1), "SYRREB"),
        ("Abu Mohammad al-Jolani", date(2025, 3, 1), "SYRGOV"),
        ("Kofi Annan", date(2003, 6, 1), "IGOUNO"),
        ("Kofi Annan", date(2010, 6, 1), "GHAELI"),  # national default row
        ("Jens Stoltenberg", date(2018, 6, 1), "IGOWSTNAT"),
        ("Jens Stoltenberg", date(2008, 6, 1), "NORGOV"),
    ],
)
def test_person_by_date(kb: ActorKB, name: str, on: date, code: str) -> None:
    entry = kb.lookup(name, on)
    assert entry is not None, name
    assert entry.kind == "person"
    assert entry.code == code
    assert kb.lookup_person(name, on) == entry


def test_same_name_two_dates(kb: ActorKB) -> None:
    a = kb.lookup("Tony Blair", date(2003, 3, 20))
    b = kb.lookup("Tony Blair", date(2020, 3, 20))
    assert a is not None and b is not None
    assert (a.code, b.code) == ("GBRGOV", "GBRELI")
    assert a.start == date(1997, 5, 2) and a.end == date(2007, 6, 27)


def test_out_of_office_entry_says_when(kb: ActorKB) -> None:
    entry = kb.lookup("George W. Bush", date(2012, 1, 1))
    assert entry is not None
    assert entry.roles == ("ELI",) and entry.country == "USA"
    assert entry.start == date(2009, 1, 21) and entry.end is None
    assert "out of office" in entry.source


def test_before_first_office_is_bare_country(kb: ActorKB) -> None:
    entry = kb.lookup("Sanae Takaichi", date(2010, 1, 1))
    assert entry is not None
    assert (entry.code, entry.roles) == ("JPN", ())


def test_no_date_uses_most_recent_role(kb: ActorKB) -> None:
    assert kb.lookup("Vladimir Putin").code == "RUSGOV"  # type: ignore[union-attr]
    assert kb.lookup("Mike Pompeo").code == "USAGOV"  # type: ignore[union-attr]
    assert kb.lookup("Hakan Fidan").code == "TURGOV"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("surname", "on", "expected"),
    [
        ("Lavrov", date(2020, 11, 3), ("RUSGOV", "Sergey Lavrov")),
        ("Lavrov", None, ("RUSGOV", "Sergey Lavrov")),
        ("Putin", date(2012, 1, 1), ("RUSGOV", "Vladimir Putin")),
        ("Bush", date(2005, 1, 1), ("USAGOV", "George W. Bush")),
        ("Bush", date(1991, 1, 1), ("USAGOV", "George H. W. Bush")),
        ("Bush", date(2012, 1, 1), ("USAELI", "George W. Bush")),  # most recently in office
        ("Clinton", date(1998, 1, 1), ("USAGOV", "Bill Clinton")),
        ("Clinton", date(2011, 1, 1), ("USAGOV", "Hillary Clinton")),
        ("von der Leyen", date(2021, 1, 1), ("IGOEUREEC", "Ursula von der Leyen")),
        ("Erdoğan", date(2016, 1, 1), ("TURGOV", "Recep Tayyip Erdogan")),
        ("Assad", date(2005, 1, 1), ("SYRGOV", "Bashar al-Assad")),
        ("May", date(2017, 1, 1), ("GBRGOV", "Theresa May")),
    ],
)
def test_lookup_person_by_surname(kb: ActorKB, surname: str, on: date | None, expected: tuple[str, str]) -> None:
    entry = kb.lookup_person(surname, on)
    assert entry is not None, surname
    assert (entry.code, entry.name) == expected


def test_surname_ambiguity_and_common_words(kb: ActorKB) -> None:
    assert kb.lookup("Lavrov", date(2020, 1, 1)) is None  # lookup() takes whole names only
    # two Sharifs held office in 2015 (Nawaz, prime minister; Raheel, army chief)
    assert kb.lookup_person("Sharif", date(2015, 6, 1)) is None
    assert kb.lookup_person("may", date(2017, 1, 1)) is None
    assert kb.lookup_person("Nobody Atall", date(2017, 1, 1)) is None


def _e(code: str, start: date | None, end: date | None, kind: str = "person") -> KBEntry:
    from eventwire.actors.codes import split_code

    country, roles = split_code(code)
    return KBEntry(code, country, roles, kind, "X", "test", start, end)  # type: ignore[arg-type]


def test_resolve_rules() -> None:
    gov = _e("AAAGOV", date(2001, 1, 1), date(2004, 12, 31))
    mil = _e("AAAMIL", date(2003, 1, 1), None)
    assert resolve([gov, mil], date(2002, 1, 1)) == gov
    assert resolve([gov, mil], date(2003, 6, 1)) == mil  # latest start wins when both cover
    assert resolve([gov], date(2006, 1, 1)).code == "AAAELI"  # type: ignore[union-attr]
    assert resolve([gov], date(1990, 1, 1)).code == "AAA"  # type: ignore[union-attr]
    group_a = _e("AAAREB", date(2001, 1, 1), date(2004, 12, 31), "group")
    group_b = _e("AAAGOV", date(2010, 1, 1), None, "group")
    assert resolve([group_a, group_b], date(2006, 1, 1)) == group_a  # nearest period
    assert resolve([group_a, group_b], date(2009, 1, 1)) == group_b
    default = _e("AAAPTY", None, None, "group")
    assert resolve([group_a, default], date(2008, 1, 1)) == default
    assert resolve([], date(2008, 1, 1)) is None
