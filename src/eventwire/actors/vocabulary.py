"""The small word lists and word tests the actor resolver reads phrases with: data files
under ``data/actors/`` (part, institution and document nouns, ``phrase_words.tsv``) and the
few closed lists that are code ("former", "-backed", company words)."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.datafiles import packaged_text, read_packaged
from eventwire.errors import ResourceError

COMPANY_WORDS = frozenset(
    "corp corp. corporation inc inc. ltd ltd. plc co co. company motors airlines airways bank group holdings "
    "petroleum oil gas industries enterprises llc ag gmbh sa".split()
)
FORMER = frozenset({"former", "ex", "ex-", "retired", "late", "then", "ousted", "deposed", "toppled", "overthrown"})
BACKED = ("-backed", "-allied", "-supported", "-sponsored", "-linked", "-affiliated", "-inspired", "-aligned")


def _word_list(name: str) -> frozenset[str]:
    text = packaged_text(f"actors/{name}")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def load_part_nouns() -> frozenset[str]:
    return _word_list("part_nouns.txt")


def load_institution_nouns() -> frozenset[str]:
    return _word_list("institution_nouns.txt")


def load_document_nouns() -> frozenset[str]:
    return _word_list("document_nouns.txt")


PHRASE_LISTS = ("other_side", "people_nouns", "whereabouts", "issue_verbs")


def load_phrase_words() -> dict[str, frozenset[str]]:
    """``data/actors/phrase_words.tsv``: list name -> its words (see the file's header)."""
    lists: dict[str, set[str]] = {name: set() for name in PHRASE_LISTS}
    for where, row in read_packaged("actors/phrase_words.tsv", ("list", "word")):
        if row["list"] not in lists:
            raise ResourceError(f"{where}: list must be one of {', '.join(PHRASE_LISTS)}, got {row['list']!r}")
        lists[row["list"]].add(row["word"].lower())
    return {name: frozenset(words) for name, words in lists.items()}


def backed_name(ent: SpacySpan) -> bool:
    """A name followed by "-backed", "-linked", "-led" ... (split by the tokenizer)."""
    doc = ent.doc
    if ent.end + 1 < len(doc) and doc[ent.end].text == "-":
        return "-" + doc[ent.end + 1].lower_ in BACKED
    return any(t.text == "-" for t in ent) and "-" + ent[-1].lower_ in BACKED


def opposed_modifier(tok: Token) -> bool:
    """ "anti-Syria", "pro-Moscow" split by the tokenizer: the name is not the actor's side."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "pro")
