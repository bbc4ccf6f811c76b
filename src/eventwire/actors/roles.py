"""What a noun phrase says about its actor besides a name: role words (sector codes and
"former"), the people it names (CAMEO ethnic codes), and the country of a modifier word
("Turkish", "U.S.", "Malaysia Airlines")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.actors.knowledge import ActorKB, KBEntry
from eventwire.actors.spans import entity_of
from eventwire.actors.vocabulary import BACKED, COMPANY_WORDS, FORMER, opposed_modifier


class RoleReading:
    """Part of :class:`eventwire.actors.resolve.ActorResolver`: the words of a phrase."""

    kb: ActorKB
    people_nouns: frozenset[str]
    place_country: Callable[[str], str | None] | None
    _lookup: Callable[[str, date | None], KBEntry | None]
    _role_of: Callable[[str], Any]  # RoleWord | None

    def _people_named(self, head: Token, start: int, name: set[int] | frozenset[int] = frozenset()) -> str | None:
        """The ethnic code of a people the phrase names: the head ("Iraqi Kurds", "the
        Albanians of southern Serbia") or a modifier that says who they are ("Kurdish
        lawmakers", "Druze inhabitants"). A state's adjective names a people only after
        "ethnic" or another state's adjective ("ethnic Albanian guerrillas", "Bosnian Serb
        forces"); "Indian and Chinese troops", "Russian-backed" and "pro-Russian" name states."""
        if head.ent_type_ == "PERSON" and head.tag_ not in ("NNPS", "NNS"):
            return None  # "Karen", "Maya": given names, not peoples (the model tags "Bosnian Serbs" PERSON too)
        group = self.kb.ethnic_group(head.text)  # the head first: "Bosnian Serbs" are Serbs
        if group is not None:
            return group.code
        doc = head.doc
        words = [t for t in doc[start : head.i] if t.ent_type_ != "PERSON" and not t.is_punct and t.i not in name]
        for a, b in zip(words, words[1:]):
            group = self.kb.ethnic_group(f"{a.text} {b.text}")
            if group is not None:
                return group.code
        for k, t in enumerate(words):
            group = self.kb.ethnic_group(t.text)
            if group is None or t.conjuncts or opposed_modifier(t) or (t.i + 1 < len(doc) and doc[t.i + 1].text == "-"):
                continue
            if self.kb.country_of_adjective(t.text) is None:
                return group.code
            if head.lemma_.lower() in self.people_nouns or any(w.lower_ == "ethnic" or self.kb.country_of_adjective(w.text) for w in words[:k]):
                return group.code
        return None

    def _people(self, head: Token, entry: KBEntry | None) -> bool:
        """ "Young Algerians", "Iraqi Kurds", "thousands of Palestinians": a people named
        with a qualifier or a number are its civilians; "the Palestinians" alone may be
        their leadership and stays the bare country."""
        if head.tag_ not in ("NNPS", "NNS") or (entry is not None and entry.kind != "state"):
            return False
        if head.ent_type_ != "NORP" and self.kb.country_of_adjective(head.text) is None:
            return False
        qualified = any(c.dep_ in ("amod", "nummod", "compound") for c in head.children)
        counted = head.dep_ == "pobj" and head.head.lower_ == "of" and (
            head.head.head.pos_ == "NUM" or head.head.head.lemma_.lower() in ("thousand", "hundred", "dozen", "million", "group", "crowd")
        )
        return qualified or counted

    def _company_country(self, ent: SpacySpan, on: date | None) -> str | None:
        """ "Malaysia Airlines", "Air France": a company (a name with a company word) named
        after its state; other organisations are not their state ("Syrian National Coalition")."""
        if not any(t.lower_ in COMPANY_WORDS for t in ent):
            return None
        for t in ent:
            if t.pos_ == "PROPN" and t.lower_ not in COMPANY_WORDS:
                entry = self._lookup(t.text, on)
                if entry is not None and entry.kind == "state" and entry.country:
                    return entry.country
        return None

    def _country_of_word(self, token: Token, on: date | None) -> str | None:
        text = token.text
        lower = text.lower()
        for suffix in BACKED:
            if lower.endswith(suffix):
                return None  # "Russian-backed separatists" are not Russian
        if lower.startswith(("pro-", "anti-")):
            return None  # "anti-Syria journalist" is not Syrian
        country = self.kb.country_of_adjective(text)
        if country:
            return country
        ent = entity_of(token)
        if ent is not None and ent.label_ == "ORG":
            return self._company_country(ent, on)
        if ent is not None and ent.label_ in ("GPE", "NORP", "LOC"):
            entry = self._lookup(ent.text, on)
            if entry is not None and entry.kind in ("state", "metonym") and entry.country:
                return entry.country
            if self.place_country is not None:
                return self.place_country(ent.text)
        return None

    def _roles(self, head: Token, start: int, end: int, skip: set[int] | frozenset[int] = frozenset()) -> tuple[tuple[str, ...], bool]:
        """Sector codes of the phrase's role words, and whether it says "former"; ``skip``:
        the tokens of a name found in the knowledge base ("the Former Yugoslav Republic")."""
        doc = head.doc
        roles: list[str] = []
        former = False
        words = [t for t in doc[start:end] if not t.is_punct and t.i not in skip]
        # a company's name is no role ("General Motors' plant" is no general's), and names it
        company = False
        overlapping = {id(e): e for t in doc[start:end] if t.ent_type_ for e in (entity_of(t),) if e is not None}
        for ent in overlapping.values():
            if ent.label_ in ("GPE", "LOC") and ent.start < end and ent.end > start:
                words = [t for t in words if not (ent.start <= t.i < ent.end)]  # "the Soviet Union"
            elif ent.label_ == "ORG" and start <= ent.start and ent.end <= end and not (ent.start <= head.i < ent.end):
                words = [t for t in words if not (ent.start <= t.i < ent.end)]
                company = company or any(t.lower_ in COMPANY_WORDS for t in ent)
            elif ent.label_ == "ORG" and ent.start <= head.i < ent.end:
                company = any(t.lower_ in COMPANY_WORDS for t in ent)
        for t in words:
            if t.lower_ in FORMER or t.lower_.startswith("ex-"):
                former = True
        # longest role phrase first: "foreign minister", "security forces", then single words
        lemmas = [t.lemma_.lower() for t in words]
        texts = [t.lower_ for t in words]
        starts = self.kb.role_phrase_starts
        for n in (3, 2):
            for i in range(len(words) - n + 1):
                if lemmas[i] not in starts and texts[i] not in starts and lemmas[i].isalpha():
                    continue  # no role phrase begins with this word
                for seq in (" ".join(lemmas[i : i + n]), " ".join(texts[i : i + n])):
                    rw = self._role_of(seq)
                    if rw is not None and rw.role not in roles:
                        roles.append(rw.role)
                        break
            if roles:
                break
        if not roles:
            for t in [head, *words] if head.ent_type_ not in ("GPE", "LOC") else words:
                rw = self._role_of(t.lemma_.lower()) or self._role_of(t.lower_)
                if rw is not None and rw.role not in roles:
                    roles.append(rw.role)
                    break
        if company:
            roles = ["BUS"]  # "an Air France jet", "Gazprom's pipeline": the company's
        return tuple(roles), former
