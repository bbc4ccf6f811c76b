"""Registering a sentence's actors for coreference, in reading order: named actors (for
later surnames and pronouns) and lists of actors (for "both sides", "the three")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Span as SpacySpan

from eventwire.actors.coreference import DocumentActors
from eventwire.actors.knowledge import KBEntry
from eventwire.actors.spans import sentence_entities, strip_possessive
from eventwire.records import Actor, Span

if TYPE_CHECKING:
    from datetime import date

    from eventwire.actors.resolve import ActorResolver

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_KINDS = {"state": "state", "metonym": "state", "igo": "org", "ngo": "org", "group": "org", "person": "person", "user": "org", "role": "role"}
_LIST_GLUE = frozenset({",", "and", ", and", "as well as", ", as well as", "&"})


def scan_sentence(resolver: ActorResolver, sent: SpacySpan, ctx: DocumentActors, on: date | None) -> None:
    """Register the sentence's named actors and lists of actors, in reading order, so
    that later surnames, pronouns and group references can find them."""
    seen: set[int] = set()
    for ent in sentence_entities(sent):
        if ent.label_ not in _NAME_LABELS or ent.root.i in seen:
            continue
        head = ent.root
        seen.add(head.i)
        if ent[0].lower_ == "ethnic" or (ent.start > 0 and ent.doc[ent.start - 1].lower_ == "ethnic"):
            continue  # "ethnic Albanians" name a people, not the state of Albania
        if ent.label_ != "PERSON" and not head.conjuncts:
            # states and organisations: a direct lookup is enough for coreference
            entry = resolver.lookup(strip_possessive(ent.text), on)
            if entry is not None:
                span = Span(ent.start_char, ent.end_char, ent.text)
                ctx.register(
                    Actor(entry.code, ent.text, span, entry.country, tuple(entry.roles), entry.name, f"kb:{entry.kind}"),
                    head.idx, kind=_KINDS.get(entry.kind, "org"), plural=head.tag_ in ("NNS", "NNPS"),
                )
            continue
        actor = resolver.phrase(head, ctx, on)
        if actor is None:
            continue
        conj = head.conjuncts
        if conj and head.i < min(t.i for t in conj):
            members = [actor]
            for other in conj:
                more = resolver.phrase(other, ctx, on)
                if more is not None:
                    members.append(more)
            between = head.dep_ == "pobj" and head.head.lower_ == "between"
            ctx.register_group(tuple(members), head.idx, between=between)

    _register_lists(resolver, sent, ctx, on)


def _register_lists(resolver: ActorResolver, sent: SpacySpan, ctx: DocumentActors, on: date | None) -> None:
    """Names listed in the text ("France, the United States and Russia") form a group,
    whatever the parser made of the list."""
    doc = sent.doc
    run: list[tuple[SpacySpan, KBEntry]] = []

    def flush() -> None:
        if len(run) >= 2:
            actors = tuple(
                Actor(e.code, ent.text, Span(ent.start_char, ent.end_char, ent.text), e.country, tuple(e.roles), e.name, f"kb:{e.kind}")
                for ent, e in run
            )
            if not ctx.groups or {a.code for a in ctx.groups[-1][1]} != {a.code for a in actors}:
                first = run[0][0]
                between = first.start > 0 and doc[first.start - 1].lower_ == "between"
                ctx.register_group(actors, run[-1][0].start_char, between=between)
        run.clear()

    for ent in sentence_entities(sent):
        if ent.label_ not in ("GPE", "ORG", "NORP"):
            continue
        entry = resolver.lookup(strip_possessive(ent.text), on)
        if entry is None or entry.kind not in ("state", "metonym", "igo", "group"):
            flush()
            continue
        if run:
            glue = doc[run[-1][0].end : ent.start].text.strip().lower()
            glue = glue[:-4].rstrip() if glue.endswith(" the") else ("" if glue == "the" else glue)
            if glue not in _LIST_GLUE:
                flush()
        run.append((ent, entry))
    flush()
