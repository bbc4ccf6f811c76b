"""Who did it: the subject of a predicate, through passives, control and conjunctions."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.predicates import STATIVE_PASSIVES, expand, is_passive, prep_objects

_SUBJECT_DEPS = ("nsubj", "csubj")
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def _own_subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    return None


def agent(verb: Token) -> Token | None:
    """The "by X" of a passive ("was attacked by rebels")."""
    objs = prep_objects(verb, "by")
    return objs[0] if objs else None


_AUTHOR_PREPS = ("in", "during", "by", "after", "from")


def _event_author(verb: Token) -> Token | None:
    """A passive without "by": the act may name its author ("were killed in Israeli tank
    shelling", "died in a U.S. air strike") -- the event noun stands for the source."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "NOUN" and any(
                    m.dep_ in ("amod", "compound", "poss") and (m.ent_type_ in ("NORP", "GPE", "ORG") or m.dep_ == "poss")
                    for m in obj.children
                ):
                    return obj
    return None


def subject(verb: Token, *, depth: int = 0) -> Token | None:
    """The acting subject of ``verb``: its own subject, the passive agent, or one inherited
    from the verb it depends on (control, conjunction, participle, relative clause)."""
    if depth > 6:
        return None
    if verb.lemma_.lower() in STATIVE_PASSIVES:
        # "Serb forces were engaged in ethnic cleansing": not a passive of an act on them
        own = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        if own is not None:
            return own
    if is_passive(verb):
        by = agent(verb)
        if by is not None:
            return by
        return _event_author(verb)
    own = _own_subject(verb)
    if own is not None:
        if own.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return own
    head = verb.head
    if head.i == verb.i:
        return _stranded_subject(verb)
    if verb.dep_ == "xcomp":
        if is_passive(head) and agent(head) is None:
            # "Obama is scheduled to attend", "troops were ordered to withdraw"
            return next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        # object control ("urged Iran to release") vs subject control ("agreed to withdraw")
        for child in head.children:
            if child.dep_ in ("dobj", "obj") and child.i < verb.i:
                return child
        return subject(head, depth=depth + 1)
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.i != head.i:
        return subject(head.head, depth=depth + 1)  # "responded by throwing stones"
    if verb.dep_ == "conj" and verb.tag_ != "VBN" and is_passive(head):
        # "the talks are mediated by A and B and aim to agree ...": a finite verb joined to
        # a passive shares its surface subject; "was attacked by rebels and burned" shares the agent
        surface = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if surface is not None:
            return surface
    if verb.dep_ in ("conj", "advcl", "pcomp", "acomp"):
        return subject(head, depth=depth + 1)
    if verb.dep_ in ("acl", "relcl"):
        return head
    return None


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECT_POS = frozenset({"NOUN", "PROPN", "PRON"})


def _stranded_subject(verb: Token) -> Token | None:
    """A main verb the parser left without a subject after a long fronted phrase ("With the
    signing of the memorandum, the government and the rebels have agreed to ..." read with
    "the government" as a conjunct inside the fronted phrase): the noun phrase between the
    last comma and the verb is its subject, when it is one phrase and nothing else."""
    if any(c.dep_ in ("nsubjpass", "expl") for c in verb.children):
        return None
    lead = [c for c in verb.lefts if c.dep_ in ("aux", "auxpass", "neg", "advmod")]
    if verb.tag_ not in _FINITE_TAGS and not any(a.tag_ in _FINITE_TAGS for a in lead):
        return None
    start = min([verb.i, *(a.i for a in lead)])
    sent = verb.sent
    comma = next((t.i for t in reversed(sent[: start - sent.start]) if t.text == ","), None)
    if comma is None or comma + 1 >= start:
        return None
    doc = verb.doc
    phrase = doc[comma + 1 : start]
    if any(t.pos_ in ("VERB", "AUX") or t.text in (",", ";", ":") for t in phrase):
        return None
    heads = [t for t in phrase if not (comma < t.head.i < start)]
    if len(heads) != 1 or heads[0].pos_ not in _SUBJECT_POS or heads[0].head.i >= start:
        return None
    return heads[0]


def subjects(verb: Token) -> tuple[Token, ...]:
    subj = subject(verb)
    if subj is None:
        return ()
    if subj.dep_ == "conj":
        # a stranded subject the parser joined to a noun before it: only its own conjuncts
        return tuple(t for t in expand(subj) if t.i >= subj.i)
    return expand(subj)
