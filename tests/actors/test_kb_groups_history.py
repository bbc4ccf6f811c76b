"""Armed groups and movements of 1975-2025 (groups.tsv): the same name codes by the article date."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.actors.knowledge import ActorKB
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    return ActorKB.load(Settings())


@pytest.mark.parametrize(
    ("phrase", "on", "code"),
    [
        # rebel movements that became governments
        ("SPLA", date(1995, 6, 1), "SDNREB"),
        ("SPLM/A", date(2005, 7, 8), "SDNREB"),  # last day before the CPA government
        ("Sudan People's Liberation Army", date(2011, 8, 1), "SSDGOV"),
        ("SPLM", date(2015, 6, 1), "SSDGOV"),
        ("SPLM-IO", date(2015, 6, 1), "SSDREB"),  # the split-off stays a separate actor
        ("RPF", date(1994, 4, 10), "RWAREB"),
        ("Rwandan Patriotic Front", date(1994, 7, 18), "RWAREB"),
        ("RPF", date(1994, 7, 19), "RWAGOV"),
        ("RPF", None, "RWAGOV"),  # undated: most recent period
        ("Khmer Rouge", date(1977, 1, 1), "KHMGOV"),
        ("Khmer Rouge", date(1985, 1, 1), "KHMREB"),
        ("Khmer Rouge", date(2025, 4, 17), "KHMREB"),  # after the group's end: its last period
        ("Sandinistas", date(1978, 6, 1), "NICREB"),
        ("FSLN", date(1985, 6, 1), "NICGOV"),
        ("Sandinistas", date(1996, 6, 1), "NICOPP"),
        ("FMLN", date(1989, 11, 11), "SLVREB"),
        ("FMLN", date(2012, 1, 1), "SLVPTY"),
        ("SWAPO", date(1985, 1, 1), "NAMREB"),
        ("SWAPO", date(2000, 1, 1), "NAMPTY"),
        ("EPLF", date(1988, 1, 1), "ETHSEP"),
        ("EPLF", date(1992, 1, 1), "ERIGOV"),
        ("Jamiat-e-Islami", date(1985, 1, 1), "AFGREB"),
        ("Jamiat-i-Islami", date(1994, 1, 1), "AFGGOV"),
        ("National Transitional Council", date(2011, 4, 1), "LBYREB"),
        ("NTC", date(2012, 1, 1), "LBYGOV"),
        # the ANC: armed struggle, negotiating opposition, ruling party
        ("ANC", date(1985, 6, 1), "ZAFREB"),
        ("African National Congress", date(1992, 6, 1), "ZAFOPP"),
        ("ANC", date(2009, 6, 1), "ZAFPTY"),
        # rebels that became parties
        ("UNITA", date(1990, 1, 1), "AGOREB"),
        ("Renamo", date(2000, 1, 1), "MOZOPP"),
        ("M-19", date(1985, 11, 6), "COLREB"),
        ("CPN (Maoist)", date(2001, 6, 1), "NPLREB"),
        ("CPN (Maoist)", date(2008, 6, 1), "NPLPTY"),
        # militias that became parties or state forces
        ("Amal", date(1986, 1, 1), "LBNUAF"),
        ("Amal", date(2006, 1, 1), "LBNPTY"),
        ("Badr Brigade", date(1995, 1, 1), "IRQREB"),
        ("Badr Organization", date(2016, 1, 1), "IRQMIL"),
        ("Bosnian Serb army", date(1993, 6, 1), "BIHSEP"),
        ("VRS", date(2000, 6, 1), "BIHMIL"),
        # Wagner: a state-linked force, rebels for the day of the 2023 mutiny
        ("Wagner", date(2022, 6, 1), "RUSMIL"),
        ("Wagner Group", date(2023, 6, 24), "RUSREB"),
        ("Wagner", date(2023, 9, 1), "RUSMIL"),
        ("Wagner Group", None, "RUSMIL"),
    ],
)
def test_group_period_by_date(kb: ActorKB, phrase: str, on: date | None, code: str) -> None:
    entry = kb.lookup(phrase, on)
    assert entry is not None, phrase
    assert entry.kind == "group"
    assert entry.code == code


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("KLA", "SRBSEP"),
        ("UÇK", "SRBSEP"),
        ("Contras", "NICREB"),
        ("Provisional IRA", "GBRREB"),
        ("Continuity IRA", "GBRREB"),
        ("UVF", "GBRUAF"),
        ("Ulster Freedom Fighters", "GBRUAF"),
        ("GIA", "DZAINS"),
        ("FIS", "DZAOPP"),
        ("Interahamwe", "RWAUAF"),
        ("CNDP", "CODREB"),
        ("NPFL", "LBRREB"),
        ("LURD", "LBRREB"),
        ("MNLF", "PHLREB"),
        ("Abkhazia", "GEOSEP"),
        ("South Ossetia", "GEOSEP"),
        ("Transnistria", "MDASEP"),
        ("Republic of Artsakh", "AZESEP"),
        ("Ichkeria", "RUSSEP"),
        ("Hizbul Mujahideen", "INDINS"),
        ("Kongra-Gel", "TURSEP"),  # PKK's 2003-2005 name
        ("Huthis", "YEMREB"),
        ("Tupac Amaru Revolutionary Movement", "PERREB"),
        ("Red Army Faction", "DEUREB"),
    ],
)
def test_undated_groups(kb: ActorKB, phrase: str, code: str) -> None:
    entry = kb.lookup(phrase)
    assert entry is not None, phrase
    assert (entry.kind, entry.code) == ("group", code)


def test_ambiguous_acronyms_are_not_group_aliases(kb: ActorKB) -> None:
    # acronyms that are English words or belong to better-known bodies stay out of groups.tsv
    for phrase in ("FACT", "MODEL", "PLAN", "NRA", "ICU", "PAC", "AIS", "ISI", "TIP", "New Forces", "Direct Action"):
        entry = kb.lookup(phrase)
        assert entry is None or entry.kind != "group", (phrase, entry)
    assert kb.lookup("CPC").code == "CHNGOV"  # type: ignore[union-attr]  # not the Central African CPC
    assert kb.lookup("ISI").code == "PAKSPY"  # type: ignore[union-attr]  # not the Islamic State of Iraq
