"""Office holders of 1975-1999 (people_history.tsv): the same name codes by the article date."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.knowledge import ActorKB
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load(Settings())


@pytest.mark.parametrize(
    ("name", "on", "code"),
    [
        ("Margaret Thatcher", date(1988, 6, 1), "GBRGOV"),
        ("Margaret Thatcher", date(1998, 6, 1), "GBRELI"),
        ("Margaret Thatcher", date(1977, 6, 1), "GBROPP"),  # leader of the opposition
        ("Helmut Kohl", date(1988, 6, 1), "DEUGOV"),
        ("Helmut Kohl", date(1999, 6, 1), "DEUELI"),
        ("King Hassan II", date(1990, 1, 1), "MARGOV"),
        ("Hassan II", date(2005, 1, 1), "MARELI"),
        ("Eduard Shevardnadze", date(1988, 6, 1), "RUSGOV"),  # Soviet foreign minister (USSR coded RUS)
        ("Eduard Shevardnadze", date(1993, 6, 1), "GEOGOV"),  # Georgian head of state
        ("Eduard Shevardnadze", date(1998, 6, 1), "GEOGOV"),  # president (people_world_a row)
        ("Mikhail Gorbachev", date(1990, 6, 1), "RUSGOV"),
        ("Mikhail Gorbachev", date(1995, 6, 1), "RUSELI"),  # undated default row
        ("Hosni Mubarak", date(1978, 6, 1), "EGYGOV"),  # vice president
        ("Yasser Arafat", date(1988, 6, 1), "PSEGOV"),  # PLO chairman
        ("Yasser Arafat", date(1994, 7, 5), "PSEGOV"),
        ("Nelson Mandela", date(1980, 6, 1), "ZAF"),  # before his first listed office
        ("Nelson Mandela", date(1992, 6, 1), "ZAFOPP"),  # ANC president
        ("Nelson Mandela", date(1996, 6, 1), "ZAFGOV"),
        ("Nelson Mandela", date(2005, 6, 1), "ZAFELI"),
        ("Benjamin Netanyahu", date(1994, 6, 1), "ISROPP"),
        ("Benjamin Netanyahu", date(1997, 6, 1), "ISRGOV"),
        ("Muhammad Zia-ul-Haq", date(1978, 1, 1), "PAKMIL"),  # chief martial law administrator
        ("Muhammad Zia-ul-Haq", date(1985, 1, 1), "PAKGOV"),  # president
        ("Wojciech Jaruzelski", date(1982, 6, 1), "POLMIL"),  # martial law
        ("Wojciech Jaruzelski", date(1987, 6, 1), "POLGOV"),
        ("Manfred Wörner", date(1986, 6, 1), "DEUGOV"),
        ("Manfred Woerner", date(1990, 6, 1), "IGOWSTNAT"),
        ("Boutros Boutros-Ghali", date(1994, 6, 1), "IGOUNO"),
        ("Boutros Boutros-Ghali", date(1985, 6, 1), "EGYGOV"),
        ("Boutros Boutros-Ghali", date(2010, 6, 1), "EGYELI"),  # national default row
        ("Javier Solana", date(1994, 6, 1), "ESPGOV"),
        ("Javier Solana", date(1997, 6, 1), "IGOWSTNAT"),
    ],
)
def test_history_person_by_date(kb: ActorKB, name: str, on: date, code: str) -> None:
    entry = kb.lookup(name, on)
    assert entry is not None, name
    assert entry.kind == "person"
    assert entry.code == code
    assert kb.lookup_person(name, on) == entry


def test_same_name_gov_then_eli(kb: ActorKB) -> None:
    a = kb.lookup("François Mitterrand", date(1988, 3, 1))
    b = kb.lookup("Francois Mitterrand", date(1998, 3, 1))
    assert a is not None and b is not None
    assert (a.code, b.code) == ("FRAGOV", "FRAELI")
    assert a.start == date(1981, 5, 21) and a.end == date(1995, 5, 17)
    assert b.start == date(1995, 5, 18) and "out of office" in b.source


def test_existing_later_offices_unchanged(kb: ActorKB) -> None:
    """Earlier offices added here do not disturb the later ones kept in other files."""
    assert kb.lookup("Shimon Peres", date(2010, 1, 1)).code == "ISRGOV"  # type: ignore[union-attr]
    assert kb.lookup("Benjamin Netanyahu", date(2008, 1, 1)).code == "ISROPP"  # type: ignore[union-attr]
    assert kb.lookup("Hosni Mubarak", date(2005, 1, 1)).code == "EGYGOV"  # type: ignore[union-attr]
    entry = kb.lookup("Boris Yeltsin", date(1991, 1, 1))
    assert entry is not None and entry.code == "RUSGOV" and entry.start == date(1990, 5, 29)


@pytest.mark.parametrize(
    ("surname", "on", "expected"),
    [
        ("Assad", date(1990, 1, 1), ("SYRGOV", "Hafez al-Assad")),
        ("Assad", date(2005, 1, 1), ("SYRGOV", "Bashar al-Assad")),
        ("Gandhi", date(1982, 1, 1), ("INDGOV", "Indira Gandhi")),
        ("Gandhi", date(1987, 1, 1), ("INDGOV", "Rajiv Gandhi")),
        ("Bhutto", date(1976, 1, 1), ("PAKGOV", "Zulfikar Ali Bhutto")),
        ("Bhutto", date(1989, 1, 1), ("PAKGOV", "Benazir Bhutto")),
        ("Bush", date(1985, 1, 1), ("USAGOV", "George H. W. Bush")),  # vice president
        ("Shevardnadze", date(1988, 1, 1), ("RUSGOV", "Eduard Shevardnadze")),
        ("Kohl", date(1990, 10, 3), ("DEUGOV", "Helmut Kohl")),
        ("Rafsanjani", date(1992, 1, 1), ("IRNGOV", "Akbar Hashemi Rafsanjani")),
        ("Karamanlis", date(1980, 6, 1), ("GRCGOV", "Constantine Karamanlis")),
        ("Karamanlis", date(2006, 1, 1), ("GRCGOV", "Kostas Karamanlis")),
        ("Saddam", date(1990, 8, 2), ("IRQGOV", "Saddam Hussein")),
        ("Suharto", date(1990, 1, 1), ("IDNGOV", "Suharto")),
        ("Mobutu", date(1990, 1, 1), ("CODGOV", "Mobutu Sese Seko")),
    ],
)
def test_history_surnames(kb: ActorKB, surname: str, on: date, expected: tuple[str, str]) -> None:
    entry = kb.lookup_person(surname, on)
    assert entry is not None, surname
    assert (entry.code, entry.name) == expected


def test_history_surname_ambiguity(kb: ActorKB) -> None:
    # Saddam Hussein and King Hussein of Jordan both held office in 1990
    assert kb.lookup_person("Hussein", date(1990, 8, 2)) is None
    assert kb.lookup("King Hussein", date(1990, 8, 2)).code == "JORGOV"  # type: ignore[union-attr]


def test_history_file_is_loaded(kb: ActorKB) -> None:
    assert kb.row_counts["people_history.tsv"] > 900
