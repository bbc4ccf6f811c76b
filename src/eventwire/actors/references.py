"""Phrases that point at actors named elsewhere in the document: "we" and "I" in a quote
(the speaker's side), pronouns, and group references ("both sides", "the two countries")."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.tokens import Token

from eventwire.actors.coreference import (
    CONFLICT_GROUP_NOUNS,
    GROUP_NOUNS,
    NUMBER_WORDS,
    SPEAKER_PRONOUNS,
    DocumentActors,
)
from eventwire.actors.spans import phrase_bounds
from eventwire.extract.modality import SPEECH_VERBS
from eventwire.records import Actor, Span


class ReferenceResolution:
    """Part of :class:`eventwire.actors.resolve.ActorResolver`: references to actors the
    document names elsewhere."""

    resolve: Callable[[Token, DocumentActors, date | None], tuple[Actor, ...]]

    def _speaker(self, head: Token, ctx: DocumentActors) -> tuple[Actor, ...]:
        """ "We" and "I" in a quote are the side of whoever the quote is attributed to
        ("'We do not support ...,' Lavrov told Kommersant")."""
        node = head
        for _ in range(8):
            if node.head.i == node.i:
                break
            parent = node.head
            if node.dep_ in ("ccomp", "parataxis") and parent.lemma_.lower() in SPEECH_VERBS:
                subj = next((c for c in parent.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lower_ not in SPEAKER_PRONOUNS | {"i", "me", "my"}:
                    found = self.resolve(subj, ctx, None)
                    return tuple(
                        Actor(a.country + ("GOV" if "GOV" in a.roles else "") if a.country else a.code, head.text,
                              Span(head.idx, head.idx + len(head.text), head.text), a.country, a.roles, a.name,
                              f"coref:speaker->{a.name or a.text}")
                        for a in found
                    )
                break
            node = parent
        return ()

    def _pronoun(self, head: Token, ctx: DocumentActors) -> tuple[Actor, ...]:
        if head.lower_ in SPEAKER_PRONOUNS | {"i", "me", "my"}:
            spoken = self._speaker(head, ctx)
            if spoken:
                return spoken
        found = ctx.pronoun(head.lower_, head.idx)
        span = Span(head.idx, head.idx + len(head.text), head.text)
        return tuple(
            replace(a, text=head.text, span=span, how=f"coref:pronoun->{a.name or a.text}")
            for a in found
        )

    def _group_reference(self, head: Token, ctx: DocumentActors) -> tuple[Actor, ...]:
        if head.lemma_.lower() not in GROUP_NOUNS and head.lower_ not in NUMBER_WORDS:
            return ()  # the common case, decided before walking the modifiers
        words = [c.lower_ for c in head.lefts if c.dep_ in ("det", "nummod", "predet", "amod")]
        size = next((NUMBER_WORDS[w] for w in words if w in NUMBER_WORDS), None)
        if size is None and head.lower_ in NUMBER_WORDS and head.pos_ in ("NUM", "PRON", "NOUN", "DET"):
            size = NUMBER_WORDS[head.lower_]
        if size is None or not (head.lemma_.lower() in GROUP_NOUNS or head.lower_ in NUMBER_WORDS):
            return ()
        parties = head.lemma_.lower() in CONFLICT_GROUP_NOUNS
        actors = ctx.group(head.idx, size if head.lower_ != "both" and "both" not in words else 2, parties=parties)
        if not actors:
            return ()
        start, end = phrase_bounds(head)
        doc = head.doc
        text = doc[start:end].text
        span = Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), text)
        return tuple(
            replace(a, text=text, span=span, how=f"coref:group->{'+'.join(x.code for x in actors)}")
            for a in actors
        )
