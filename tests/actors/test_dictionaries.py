"""User actor dictionaries: YAML, CSV and PETRARCH .actors, and their precedence in the KB."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from eventwire.actors.dictionaries import load_dictionary, read_dictionary
from eventwire.actors.knowledge import ActorKB
from eventwire.errors import DictionaryError
from eventwire.settings import Settings

PETRARCH = """\
# a PETRARCH-style dictionary
VLADIMIR_PUTIN_  [RUSELI 19990101-19991230]
+PUTIN_
+V._PUTIN_
[RUSGOV >19991231]
[RUSELI <19990809]
GEORGE_W._BUSH_  [USAGOV 20010120-20090120]   # 43rd president
+GEORGE_BUSH_  [USAELI]
; TABARI-style comment line
ACME_WIDGETS_ [USABUS] [USAELI >20300101]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_actors_format_with_restrictions(tmp_path: Path) -> None:
    entries = load_dictionary(write(tmp_path, "sample.actors", PETRARCH))
    by = {(e.name, e.code, e.start, e.end) for e in entries}
    assert ("Vladimir Putin", "RUSELI", date(1999, 1, 1), date(1999, 12, 29)) in by  # A-B: up to the day before B
    assert ("Vladimir Putin", "RUSGOV", date(1999, 12, 31), None) in by  # >D: from D on
    assert ("Vladimir Putin", "RUSELI", None, date(1999, 8, 8)) in by  # <D: before D
    assert ("George W. Bush", "USAELI", None, None) in by  # code on a synonym line belongs to the actor
    assert ("Acme Widgets", "USAELI", date(2030, 1, 1), None) in by  # two groups on one line
    assert all(e.kind == "user" for e in entries)
    rows = read_dictionary(tmp_path / "sample.actors")
    assert rows[0].phrases[:3] == ("VLADIMIR PUTIN", "PUTIN", "V. PUTIN")
    assert "V. Putin" in rows[0].phrases
    assert rows[0].where == "sample.actors:2"


def test_actors_dates_resolve_in_the_kb(tmp_path: Path) -> None:
    path = write(tmp_path, "sample.actors", PETRARCH + "THERESA_MAY_ [GBRGOV 20160713-20190724]\n+MAY_\n")
    kb = ActorKB.load(Settings(actor_dictionaries=(str(path),)))
    assert kb.lookup("Putin", date(2005, 5, 1)).code == "RUSGOV"  # type: ignore[union-attr]
    assert kb.lookup("V. Putin", date(1998, 5, 1)).code == "RUSELI"  # type: ignore[union-attr]
    # the first unrestricted code is the default outside the restricted periods
    assert kb.lookup("George Bush", date(2005, 1, 1)).code == "USAGOV"  # type: ignore[union-attr]
    assert kb.lookup("George Bush", date(2012, 1, 1)).code == "USAELI"  # type: ignore[union-attr]
    assert kb.lookup("Acme Widgets", date(2020, 1, 1)).code == "USABUS"  # type: ignore[union-attr]
    assert kb.lookup("Acme Widgets", date(2031, 1, 1)).code == "USAELI"  # type: ignore[union-attr]
    assert kb.lookup("May", date(2017, 1, 1)).code == "GBRGOV"  # type: ignore[union-attr]
    assert kb.lookup("may", date(2017, 1, 1)) is None  # a common word keeps its capital
    assert kb.row_counts["sample.actors"] == 8


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("+PUTIN_\n", r"x.actors:1: synonym 'PUTIN' before any actor name"),
        ("[RUSGOV]\n", r"x.actors:1: code line before any actor name"),
        ("PUTIN_ [RUSGOV 1999-12-31]\n", r"x.actors:1: date restriction must be"),
        ("PUTIN_ [RUSGOV >19991340]\n", r"x.actors:1: bad date in restriction"),
        ("PUTIN_ [RUSGOV\n", r"x.actors:1: unbalanced brackets"),
        ("# c\nPUTIN_\n+VLAD_\n", r"x.actors:2: actor 'PUTIN' has no \[CODE\]"),
        ("PUTIN_ [RUSGOV] extra\n", r"x.actors:1: unexpected text"),
        ("PUTIN_ [RUS-GOV]\n", r"x.actors:1: 'RUS-GOV' is not a CAMEO-style code"),
        ("PUTIN_ [RUSGOV >20000101 <20100101]\n", r"x.actors:1: a code group is"),
        ("PUTIN_ [RUSGOV 20100101-20000101]\n", r"x.actors:1: end .* is before start"),
    ],
)
def test_actors_errors_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        load_dictionary(write(tmp_path, "x.actors", text))


YAML = """\
# user actors
- name: Borduria Liberation Front
  aliases: [BLF, Bordurian rebels]
  code: SRBREB
  start: 2019-05
- name: Borduria Liberation Front
  code: SRBPTY
  end: 2019-04-30
- name: Hamas
  code: PSEGOV
  start: 20070614
"""


def test_yaml_dictionary(tmp_path: Path) -> None:
    entries = load_dictionary(write(tmp_path, "user.yaml", YAML))
    assert [(e.code, e.start, e.end) for e in entries] == [
        ("SRBREB", date(2019, 5, 1), None),
        ("SRBPTY", None, date(2019, 4, 30)),
        ("PSEGOV", date(2007, 6, 14), None),
    ]
    assert entries[0].source == "user.yaml:2"
    wrapped = load_dictionary(write(tmp_path, "wrapped.yml", "actors:\n  - {name: X Front, code: '---REB'}\n"))
    assert (wrapped[0].code, wrapped[0].country, wrapped[0].roles) == ("---REB", None, ("REB",))
    assert load_dictionary(write(tmp_path, "empty.yaml", "")) == []


def test_user_entries_take_precedence_and_share_aliases(tmp_path: Path) -> None:
    path = write(tmp_path, "user.yaml", YAML)
    kb = ActorKB.load(Settings(actor_dictionaries=(str(path),)))
    # aliases given on one row serve the actor's other dated rows too
    assert kb.lookup("Bordurian rebels", date(2018, 1, 1)).code == "SRBPTY"  # type: ignore[union-attr]
    assert kb.lookup("BLF", date(2020, 1, 1)).code == "SRBREB"  # type: ignore[union-attr]
    hamas = kb.lookup("Hamas", date(2010, 1, 1))
    assert hamas is not None and (hamas.code, hamas.kind) == ("PSEGOV", "user")
    plain = ActorKB.load(Settings())
    assert plain.lookup("Hamas", date(2010, 1, 1)).code == "PSEREB"  # type: ignore[union-attr]
    assert plain.lookup("BLF") is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- name: X\n  code: XXXGOV\n  rank: 3\n", r"u.yaml:1: unknown field\(s\) rank"),
        ("- name: X\n", r"u.yaml:1: actor 'X' has no code"),
        ("- name: X\n  code: RUSGOV\n- name: Y\n  code: R1\n", r"u.yaml:3: 'R1' is not a CAMEO-style code"),
        ("- name: X\n  code: RUSGOV\n  start: 5 May 2001\n", r"u.yaml:1: dates are YYYY-MM-DD"),
        ("- name: X\n  code: RUSGOV\n  start: 2005\n  end: 2001\n", r"u.yaml:1: end 2001-12-31 is before start"),
        ("- [a, b]\n", r"u.yaml:1: each actor is a mapping"),
        ("name: X\n", r"u.yaml:1: expected a list of actors"),
        ("- name: X\n  code: [unclosed\n", r"u.yaml: not valid YAML"),
        ("- name: X\n  code: RUSGOV\n  aliases: 7\n", r"u.yaml:1: aliases must be"),
    ],
)
def test_yaml_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        load_dictionary(write(tmp_path, "u.yaml", text))


def test_csv_and_tsv_dictionaries(tmp_path: Path) -> None:
    csv_text = "name,aliases,code,start,end\nBorduria Front,BF;Bordurian Front,SRBREB,2001-02-03,\n\nSyldavia Army,,SYLMIL,,2005\n"
    entries = load_dictionary(write(tmp_path, "user.csv", csv_text))
    assert [(e.name, e.code, e.start, e.end) for e in entries] == [
        ("Borduria Front", "SRBREB", date(2001, 2, 3), None),
        ("Syldavia Army", "SYLMIL", None, date(2005, 12, 31)),
    ]
    assert entries[1].source == "user.csv:4"
    rows = read_dictionary(tmp_path / "user.csv")
    assert rows[0].phrases == ("Borduria Front", "BF", "Bordurian Front")
    tsv_entries = load_dictionary(write(tmp_path, "user.tsv", "code\tname\nSRBREB\tBorduria Front\n"))
    assert tsv_entries[0].code == "SRBREB"
    kb = ActorKB.load(Settings(actor_dictionaries=(str(tmp_path / "user.csv"),)))
    assert kb.lookup("the Bordurian Front").code == "SRBREB"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name,aliases\nX,Y\n", r"u.csv:1: header must name the columns 'name' and 'code'"),
        ("name,code\nX,RUSGOV\nY,BAD1\n", r"u.csv:3: 'BAD1' is not a CAMEO-style code"),
        ("name,code\nX,RUSGOV,extra\n", r"u.csv:2: more fields than header columns"),
        ("name,code,start\nX,RUSGOV,yesterday\n", r"u.csv:2: dates are"),
        ("name,code\n,RUSGOV\n", r"u.csv:2: actor has no name"),
    ],
)
def test_csv_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(DictionaryError, match=message):
        load_dictionary(write(tmp_path, "u.csv", text))


def test_bad_paths_and_formats(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="unknown dictionary format"):
        load_dictionary(write(tmp_path, "u.json", "[]"))
    with pytest.raises(DictionaryError, match="cannot read actor dictionary"):
        load_dictionary(tmp_path / "missing.yaml")
    with pytest.raises(DictionaryError, match="does not exist"):
        ActorKB.load(Settings(actor_dictionaries=(str(tmp_path / "missing.yaml"),)))


def test_load_is_cached_until_a_dictionary_changes(tmp_path: Path) -> None:
    path = write(tmp_path, "u.yaml", "- {name: Zeta Front, code: SRBREB}\n")
    settings = Settings(actor_dictionaries=(str(path),))
    first = ActorKB.load(settings)
    assert ActorKB.load(settings) is first
    path.write_text("- {name: Zeta Front, code: SRBPTY}\n- {name: Eta Front, code: SRBREB}\n", encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000))
    second = ActorKB.load(settings)
    assert second is not first
    assert second.lookup("Zeta Front").code == "SRBPTY"  # type: ignore[union-attr]
    assert ActorKB.load(Settings()) is ActorKB.load(Settings())
