"""One document through extraction: sentences, candidates, dates, places, one event per
who-did-what-to-whom with all its mentions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.actors.coreference import DocumentActors
from eventwire.actors.knowledge import ActorKB
from eventwire.actors.resolve import ActorResolver
from eventwire.actors.spans import sentence_entities
from eventwire.extract.coder import Candidate, SentenceCoder, span_of
from eventwire.extract.confidence import score
from eventwire.extract.frames import Frames, load_frames
from eventwire.extract.lexicon import Lexicon, load_lexicon
from eventwire.geo import Geocoder
from eventwire.ontology import Ontology, load_ontology
from eventwire.records import (
    ClauseContext,
    CleanDoc,
    CodedDocument,
    EntityMention,
    Event,
    Mention,
    Sentence,
)
from eventwire.settings import Settings
from eventwire.time import resolve_event_date

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "ORG"})
_VIOLENT_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})


@dataclass(frozen=True, slots=True)
class Resources:
    """Everything extraction needs, loaded once per process."""

    ontology: Ontology
    lexicon: Lexicon
    frames: Frames
    kb: ActorKB
    geocoder: Geocoder
    coder: SentenceCoder

    @classmethod
    def load(cls, settings: Settings) -> Resources:
        ontology = load_ontology()
        lexicon = load_lexicon()
        frames = load_frames()
        kb = ActorKB.load(settings)
        geocoder = Geocoder.load(settings)
        resolver = ActorResolver(kb, place_country=geocoder_country(geocoder))
        coder = SentenceCoder(lexicon, frames, resolver)
        return cls(ontology, lexicon, frames, kb, geocoder, coder)


def geocoder_country(geocoder: Geocoder):  # noqa: ANN201 - a small closure
    def country(name: str) -> str | None:
        place = geocoder.lookup(name)
        return place.country if place is not None else None

    return country


def _entities(sent: SpacySpan, index: int) -> tuple[EntityMention, ...]:
    out = []
    for ent in sentence_entities(sent):
        if ent.label_ not in _PLACE_LABELS:
            continue
        head = ent.root.head
        prep = head.lower_ if ent.root.dep_ == "pobj" and head.dep_ == "prep" else None
        out.append(EntityMention(ent.text, ent.label_, ent.start_char, ent.end_char, index, prep))
    return tuple(out)


def event_id(doc: CleanDoc, cand: Candidate) -> str:
    key = f"{doc.content_hash}|{cand.trigger.idx}|{cand.source.code}|{cand.target.code}|{cand.code}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def code_document(doc: CleanDoc, parsed: Doc, res: Resources, settings: Settings) -> CodedDocument:
    ctx = DocumentActors()
    sentences: list[Sentence] = []
    grouped: dict[tuple[str, str, str], list[tuple[Candidate, SpacySpan, tuple[EntityMention, ...]]]] = {}
    all_entities: list[EntityMention] = []
    per_sentence: list[tuple[SpacySpan, list[Candidate], tuple[EntityMention, ...]]] = []
    texts: dict[int, str] = {}  # sentence start -> its text (Span.text rebuilds it token by token)
    full = parsed.text  # built once: Doc.text joins every token too
    for index, sent in enumerate(parsed.sents):
        text = full[sent.start_char : sent.end_char].rstrip()
        if not text.strip():
            continue
        texts[sent.start] = text
        sentences.append(Sentence(index, sent.start_char, sent.start_char + len(text), text))
        entities = _entities(sent, index)
        all_entities.extend(entities)
        cands = res.coder.code(sent, index, ctx, doc.date)
        per_sentence.append((sent, cands, entities))
    geo_context = res.geocoder.document_context(doc.text, all_entities)
    for sent, cands, entities in per_sentence:
        for cand in cands:
            if not settings.statements and cand.code.startswith("01"):
                continue
            key = (cand.source.code, cand.target.code, cand.code[:2])
            grouped.setdefault(key, []).append((cand, sent, entities))
    events: list[Event] = []
    for group in grouped.values():
        first, sent, entities = group[0]
        clause = ClauseContext(
            doc.doc_id, first.sentence_index, full[sent.start_char : sent.end_char], sent.start_char,
            first.clause_start, first.clause_end, first.trigger.idx, entities,
        )
        when = resolve_event_date(clause, doc.date)
        where = res.geocoder.locate(
            clause,
            geo_context,
            actor_countries=(first.source.country, first.target.country),
            fallback=first.code[:2] in _VIOLENT_ROOTS,
        )
        conf = score(first, mentions=len(group))
        if conf < settings.min_confidence:
            continue
        cameo = res.ontology.get(first.code)
        mentions = tuple(
            Mention(c.sentence_index, texts[s.start], span_of(c.trigger), c.source.span, c.target.span) for c, s, _ in group
        )
        events.append(
            Event(
                event_id=event_id(doc, first),
                doc_id=doc.doc_id,
                sentence_index=first.sentence_index,
                sentence=texts[sent.start],
                source=first.source,
                target=first.target,
                cameo=cameo.code,
                cameo_name=cameo.name,
                plover=cameo.plover,
                plover_mode=cameo.mode,
                plover_context=cameo.context,
                quad_class=cameo.quad_class,
                goldstein=cameo.goldstein,
                modality=first.modality,
                trigger=span_of(first.trigger),
                confidence=conf,
                date=when,
                location=where,
                mentions=mentions,
                doc_url=doc.url,
                doc_source=doc.source,
            )
        )
    events.sort(key=lambda e: (e.sentence_index, e.trigger.start))
    return CodedDocument(doc, tuple(sentences), tuple(events))
