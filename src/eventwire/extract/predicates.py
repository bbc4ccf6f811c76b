"""Matching lexicon patterns against the dependency parse.

A verb or an event noun whose lemma has patterns in the lexicon is a candidate
predicate; the most specific pattern whose constraints hold wins. The match carries the
tokens that will become the event's target (and, for nouns, its source candidates).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.actors.spans import entity_of
from eventwire.extract.lexicon import MODIFIER_DEPS, PLACE_NAME, Lexicon, Pattern

_OBJECT_DEPS = ("dobj", "obj")
#: verbs whose passive form is not an act on the subject ("forces were engaged in ...")
STATIVE_PASSIVES = frozenset({"engage", "involve"})
_VERB_POS = ("VERB",)
_NOUN_POS = ("NOUN", "PROPN")


@dataclass(frozen=True, slots=True)
class Match:
    pattern: Pattern
    trigger: Token
    light_object: Token | None  # the object noun of a light-verb pattern ("talks")
    targets: tuple[Token, ...]  # heads of target phrases (conjuncts included)
    reciprocal: tuple[Token, ...] = ()  # "between A and B": all parties
    sources: tuple[Token, ...] = ()  # for nouns: possessor, "by X", "from X", adjective

    @property
    def code(self) -> str:
        return self.pattern.code

    @property
    def score(self) -> int:
        """Specific patterns first; a pattern that names where its target is wins only
        when the target is there ("agree >with" needs a "with")."""
        found = bool(self.targets or self.reciprocal)
        wants = self.pattern.target_prep is not None or self.pattern.reciprocal_prep is not None
        return self.pattern.specificity * 4 + (2 if found else 0) - (3 if wants and not found else 0)


_LIST_LABELS = frozenset({"GPE", "ORG", "NORP"})


def expand(token: Token) -> tuple[Token, ...]:
    """A phrase head and its conjuncts ("France, the United States and Russia"); a list
    the parser read as apposition ("the US, Russia, and Switzerland") counts too."""
    out = [token, *token.conjuncts]
    if token.ent_iob_ in ("B", "I") and not token.conjuncts:
        # "Barack Obama and Vladimir Putin" parsed with the head on "Barack": the conjuncts
        # hang on another word of the same name
        ent = entity_of(token)
        if ent is not None and len(ent) > 1:
            out.extend(c for t in ent if t is not token for c in t.conjuncts if not (ent.start <= c.i < ent.end))
    if token.ent_type_ in _LIST_LABELS:
        for child in token.children:
            if child.dep_ == "appos" and child.ent_type_ in _LIST_LABELS:
                out.extend((child, *child.conjuncts))
    return tuple(dict.fromkeys(out))


def _up_to_number(particle: Token) -> bool:
    """ "kidnapped up to 16 advisers": "up" read as a particle is a quantity."""
    doc = particle.doc
    i = particle.i
    return (
        particle.lower_ == "up" and i + 2 < len(doc) and doc[i + 1].lower_ == "to" and doc[i + 2].like_num
    )


def direct_object(verb: Token, partitives: frozenset[str] = frozenset()) -> Token | None:
    """The verb's object; through a partitive ("a new round of talks" -> talks)."""
    for child in verb.children:
        if child.dep_ == "prt" and _up_to_number(child):
            # the object hangs on "to" when the parser reads "up to" as particle + preposition
            quantity = next((o for p in child.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"), None)
            if quantity is not None:
                return quantity
        if child.dep_ in _OBJECT_DEPS:
            if child.lemma_.lower() in partitives:
                inner = prep_objects(child, "of")
                if inner:
                    return inner[0]
            return child
    if is_passive(verb) and verb.lemma_.lower() not in STATIVE_PASSIVES:
        for child in verb.children:
            if child.dep_ == "nsubjpass":
                return child
    return None


def is_passive(verb: Token) -> bool:
    """Passive voice, including a reduced participle clause ("When asked about ...")."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)


def prep_objects(head: Token, prep: str) -> list[Token]:
    """Objects of ``prep`` attached to ``head`` ("talks with Iran" -> Iran)."""
    out: list[Token] = []
    for child in head.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == prep:
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    out.append(grand)
    return out


_TIME_LABELS = frozenset({"DATE", "TIME"})
_THROUGH = frozenset({"out", "away", "off", "up", "down", "back"})


def _pp_lemmas(heads: tuple[Token, ...], prep: str) -> list[Token]:
    """Objects of ``prep`` on the heads, also under a particle ("walked out of the talks");
    dates and times are never actors ("launched an attack on Wednesday")."""
    found: list[Token] = []
    for head in heads:
        found.extend(prep_objects(head, prep))
        for child in head.children:
            if child.lower_ in _THROUGH and child.dep_ in ("prt", "advmod", "prep"):
                found.extend(prep_objects(child, prep))
    return [t for t in found if t.ent_type_ not in _TIME_LABELS]


@dataclass(frozen=True, slots=True)
class _Site:
    """What the patterns test on one token, read once."""

    particles: tuple[str, ...]
    loose: tuple[str, ...]  # the model often tags particles as advmod or prep ("stepped down")
    obj: Token | None


def _site(trigger: Token, verbal: bool, partitives: frozenset[str]) -> _Site:
    if not verbal:
        return _Site((), (), None)
    particles: list[str] = []
    loose: list[str] = []
    for c in trigger.children:
        if c.dep_ == "prt" and not _up_to_number(c):
            particles.append(c.lower_)
        elif c.dep_ in ("advmod", "prep") and c.i == trigger.i + 1:
            loose.append(c.lower_)
    return _Site(tuple(particles), tuple(loose), direct_object(trigger, partitives))


def _match(pattern: Pattern, trigger: Token, site: _Site) -> Match | None:
    verbal = pattern.kind == "verb"
    particles, loose = site.particles, site.loose
    if pattern.particle is not None:
        if pattern.particle not in particles and pattern.particle not in loose:
            return None
    elif particles:
        return None  # "call off" is not "call"
    obj = site.obj
    light: Token | None = None
    if pattern.objects is not None:
        if obj is None or obj.lemma_.lower() not in pattern.objects:
            return None
        light = obj
    if pattern.object_constraint is not None:
        if obj is None or not (
            obj.lemma_.lower() in pattern.object_constraint
            or (PLACE_NAME in pattern.object_constraint and obj.ent_type_ in ("GPE", "LOC") and obj.pos_ == "PROPN")
        ):
            return None
    if pattern.modifiers is not None:
        carrier = obj if pattern.modifier_on_object else trigger
        if carrier is None or not pattern.accepts_modifiers(
            c.lemma_.lower() for c in carrier.children if c.dep_ in MODIFIER_DEPS
        ):
            return None
    heads = (trigger, light) if light is not None else (trigger,)
    for prep, nouns in pattern.qualifiers:
        objs = _pp_lemmas(heads, prep)
        if not objs and obj is not None:
            # the parser often attaches the phrase lower down ("sees the format for
            # resolving the conflict as a failure")
            objs = [g for t in obj.subtree if t.dep_ == "prep" and t.lower_ == prep for g in t.children if g.dep_ == "pobj"]
        if not objs or (nouns is not None and not any(o.lemma_.lower() in nouns for o in objs)):
            return None
    targets: tuple[Token, ...] = ()
    reciprocal: tuple[Token, ...] = ()
    if pattern.reciprocal_prep is not None:
        objs = _pp_lemmas(heads, pattern.reciprocal_prep)
        if objs:
            reciprocal = tuple(t for o in objs for t in expand(o))
    if pattern.target_prep is not None:
        objs = _pp_lemmas(heads, pattern.target_prep)
        if objs:
            targets = expand(objs[0])
    elif verbal and pattern.objects is None:
        dative = next((c for c in trigger.children if c.dep_ == "dative" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
        if dative is not None:
            targets = expand(dative)  # "lent Egypt $3 billion"
        elif obj is not None:
            targets = expand(obj)
    sources: tuple[Token, ...] = ()
    if not verbal:
        sources = noun_sources(trigger)
    return Match(pattern, trigger, light, targets, reciprocal, sources)


def noun_sources(noun: Token) -> tuple[Token, ...]:
    """Author of an event noun: "Russia's proposal", "proposal by/from Turkey",
    "the Turkish proposal", "U.S. air strikes"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return expand(child)
    for prep in ("by", "from"):
        objs = prep_objects(noun, prep)
        if objs:
            return expand(objs[0])
    mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i]
    return tuple(mods)


_MATCH_CACHE = "eventwire_best_match"


def best_match(
    token: Token, lexicon: Lexicon, *, as_noun: bool = False, partitives: frozenset[str] = frozenset()
) -> Match | None:
    lemma = token.lemma_.lower()
    patterns = lexicon.noun_patterns(lemma) if as_noun else lexicon.verb_patterns(lemma)
    if not patterns:
        return None
    # the same token is asked about from several places: remember the answer per document
    cache = token.doc.user_data.setdefault(_MATCH_CACHE, {})
    key = (token.i, as_noun, partitives, id(lexicon))
    if key in cache:
        return cache[key]
    site = _site(token, not as_noun, partitives)
    best: Match | None = None
    for pattern in patterns:
        match = _match(pattern, token, site)
        if match is not None and (best is None or match.score > best.score):
            best = match
    cache[key] = best
    return best


def is_verb_candidate(token: Token) -> bool:
    """Verbs that predicate; not participles used as adjectives ("displaced people")."""
    if token.dep_ in ("amod", "compound"):
        return False
    return token.pos_ in _VERB_POS or (token.pos_ == "AUX" and token.dep_ == "ROOT")


def is_noun_candidate(token: Token) -> bool:
    return token.pos_ in _NOUN_POS
