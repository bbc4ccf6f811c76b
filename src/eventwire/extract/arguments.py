"""Who did it: the subject of a predicate, through passives, control and conjunctions."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.extract.predicates import expand, is_passive, prep_objects

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


def subject(verb: Token, *, depth: int = 0) -> Token | None:
    """The acting subject of ``verb``: its own subject, the passive agent, or one inherited
    from the verb it depends on (control, conjunction, participle, relative clause)."""
    if depth > 6:
        return None
    if is_passive(verb):
        return agent(verb)
    own = _own_subject(verb)
    if own is not None:
        if own.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        return own
    head = verb.head
    if head is verb:
        return None
    if verb.dep_ == "xcomp":
        # object control ("urged Iran to release") vs subject control ("agreed to withdraw")
        for child in head.children:
            if child.dep_ in ("dobj", "obj") and child.i < verb.i:
                return child
        return subject(head, depth=depth + 1)
    if verb.dep_ in ("conj", "advcl", "pcomp", "acomp"):
        return subject(head, depth=depth + 1)
    if verb.dep_ in ("acl", "relcl"):
        return head
    return None


def subjects(verb: Token) -> tuple[Token, ...]:
    subj = subject(verb)
    return expand(subj) if subj is not None else ()
