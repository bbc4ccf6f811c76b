"""Who did what to whom, sentence by sentence: predicates, frames, modality and actors.

For each sentence the coder
1. registers the named actors (for surnames, pronouns and "both sides" later on);
2. finds predicates: verbs and event nouns with lexicon patterns, control-verb chains
   ("declined to endorse", "urged Iran to release") folded into one predicate;
3. reads modality (negation, intent/future, condition, question, hypothesis, reported
   speech, historical background) and lets it change or cancel the code;
4. resolves the source and target phrases to actors, expanding conjunctions and making
   reciprocal events for "A and B agreed", "talks between A and B", "both sides accused
   the other";
5. keeps CAMEO 01 statements only where the sentence has no substantive event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.actors.coreference import DocumentActors
from eventwire.actors.resolve import ActorResolver
from eventwire.extract.arguments import subjects
from eventwire.extract.frames import Frames
from eventwire.extract.lexicon import Lexicon
from eventwire.extract.modality import ModalityInfo, analyze
from eventwire.extract.predicates import (
    Match,
    best_match,
    direct_object,
    expand,
    is_noun_candidate,
    is_verb_candidate,
    noun_sources,
    prep_objects,
)
from eventwire.records import UNKNOWN_ACTOR_CODE, Actor, Modality, Span

_UNKNOWN = Actor(UNKNOWN_ACTOR_CODE, "", None)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A coded predicate with its actors, before dates, places and document merging."""

    sentence_index: int
    code: str
    trigger: Token
    source: Actor
    target: Actor
    modality: Modality
    pattern_specificity: int
    nominal: bool
    chain: bool
    clause_start: int
    clause_end: int


@dataclass(frozen=True, slots=True)
class _Predicate:
    match: Match | None
    code: str
    trigger: Token
    chain: tuple[Token, ...]  # governing control verbs, innermost last
    target_heads: tuple[Token, ...]
    reciprocal: tuple[Token, ...]
    source_heads: tuple[Token, ...]
    nominal: bool


class SentenceCoder:
    def __init__(self, lexicon: Lexicon, frames: Frames, resolver: ActorResolver, support_verbs: frozenset[str], content_nouns: frozenset[str]) -> None:
        self.lexicon = lexicon
        self.frames = frames
        self.resolver = resolver
        self.support_verbs = support_verbs
        self.content_nouns = content_nouns

    # -- predicates ---------------------------------------------------------------------
    def _verb_predicates(self, sent: SpacySpan, consumed: set[int]) -> list[_Predicate]:
        out: list[_Predicate] = []
        for tok in sent:
            if tok.i in consumed or not is_verb_candidate(tok):
                continue
            control = self.frames.control_verbs.get(tok.lemma_.lower())
            inner = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
            if control is not None and inner is not None:
                pred = self._chain(tok, inner, consumed)
                if pred is not None:
                    out.append(pred)
                continue
            match = best_match(tok, self.lexicon)
            if match is None:
                continue
            if match.light_object is not None:
                consumed.add(match.light_object.i)
            out.append(
                _Predicate(match, match.code, tok, (), match.targets, match.reciprocal, subjects(tok), False)
            )
        return out

    def _chain(self, verb: Token, inner: Token, consumed: set[int]) -> _Predicate | None:
        """ "declined to endorse X", "urged Iran to release Y", "agreed to withdraw"."""
        control = self.frames.control_verbs[verb.lemma_.lower()]
        chain = [verb]
        # nested chains: "refused to agree to withdraw"
        while inner.lemma_.lower() in self.frames.control_verbs:
            nxt = next((c for c in inner.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
            if nxt is None:
                break
            chain.append(inner)
            inner = nxt
        consumed.update(t.i for t in chain)
        consumed.add(inner.i)
        inner_match = best_match(inner, self.lexicon)
        inner_code = inner_match.code if inner_match is not None else None
        if inner_match is not None and inner_match.light_object is not None:
            consumed.add(inner_match.light_object.i)
        inner_mod = analyze(inner, self.frames)
        if inner_code is not None and inner_mod.negated:
            inner_code = self.frames.negate(inner_code)
            if inner_code is None:
                return None
        code: str | None = inner_code
        for ctl in reversed(chain):
            spec = self.frames.control_verbs[ctl.lemma_.lower()]
            code = self.frames.apply(spec.frame, code)
            if code is None:
                own = best_match(ctl, self.lexicon)
                code = own.code if own is not None and spec.frame != "negate" else None
                if code is None:
                    return None
        if code is None:
            return None
        # the target: the addressee of an appeal ("urged Iran to"), else the inner event's
        targets: tuple[Token, ...] = ()
        if control.object_is_target:
            obj = direct_object(verb)
            if control.prep:
                objs = prep_objects(verb, control.prep)
                obj = objs[0] if objs else obj
            if obj is not None:
                targets = expand(obj)
        if not targets and inner_match is not None:
            targets = inner_match.targets
        reciprocal = inner_match.reciprocal if inner_match is not None else ()
        return _Predicate(inner_match, code, inner, tuple(chain), targets, reciprocal, subjects(verb), False)

    def _noun_predicates(self, sent: SpacySpan, consumed: set[int]) -> list[_Predicate]:
        out: list[_Predicate] = []
        for tok in sent:
            if tok.i in consumed or not is_noun_candidate(tok) or tok.ent_type_ in ("PERSON", "GPE", "NORP"):
                continue
            match = best_match(tok, self.lexicon, as_noun=True)
            if match is None:
                continue
            sources = match.sources
            head = tok.head
            if not sources and tok.dep_ in ("dobj", "obj", "nsubjpass") and head.lemma_.lower() in self.support_verbs:
                sources = subjects(head)
            out.append(_Predicate(match, match.code, tok, (), match.targets, match.reciprocal, sources, True))
        return out

    # -- actors -----------------------------------------------------------------------
    def _actors(self, heads: tuple[Token, ...], ctx: DocumentActors, on: date | None) -> list[Actor]:
        actors: list[Actor] = []
        for head in heads:
            if head.lemma_.lower() in self.content_nouns and head.pos_ == "NOUN":
                # "rejected Turkey's proposal": the proposal's author is the actor
                authors = noun_sources(head)
                for author in authors:
                    actors.extend(self.resolver.resolve(author, ctx, on))
                continue
            if head.dep_ == "compound":
                continue
            actors.extend(self.resolver.resolve(head, ctx, on))
        seen: set[str] = set()
        unique = []
        for a in actors:
            if a.code not in seen:
                seen.add(a.code)
                unique.append(a)
        return unique

    # -- the sentence -------------------------------------------------------------------
    def code(self, sent: SpacySpan, index: int, ctx: DocumentActors, on: date | None) -> list[Candidate]:
        self.resolver.scan(sent, ctx, on)
        consumed: set[int] = set()
        predicates = self._verb_predicates(sent, consumed)
        predicates += self._noun_predicates(sent, consumed)
        out: list[Candidate] = []
        statements: list[Candidate] = []
        for pred in predicates:
            top = pred.chain[0] if pred.chain else pred.trigger
            info = analyze(pred.trigger, self.frames, chain=pred.chain)
            if info.blocks_event and not pred.nominal:
                continue
            if pred.nominal and (info.question or info.in_condition):
                continue
            code = self._apply_modality(pred, info)
            if code is None:
                continue
            modality = Modality(
                negated=info.negated,
                intent=info.future or bool(pred.chain and code[:2] in ("03", "13")),
                conditional=info.conditional,
                reported=info.reported,
                historical=info.historical,
            )
            subtree = list(top.subtree)
            clause = (subtree[0].idx, subtree[-1].idx + len(subtree[-1].text))
            for source, target in self._pairs(pred, ctx, on):
                if not source.known and not target.known:
                    continue
                if source.code == target.code and source.known:
                    continue
                cand = Candidate(
                    index,
                    code,
                    pred.trigger,
                    source,
                    target,
                    modality,
                    pred.match.pattern.specificity if pred.match is not None else 0,
                    pred.nominal,
                    bool(pred.chain),
                    clause[0],
                    clause[1],
                )
                (statements if code.startswith("01") else out).append(cand)
        return out if out else statements

    def _apply_modality(self, pred: _Predicate, info: ModalityInfo) -> str | None:
        code = pred.code
        if info.negated and not pred.chain:
            return self.frames.negate(code)
        if info.negated and pred.chain:
            # "did not agree to withdraw": the control verb is negated
            top_negated = any(c.dep_ == "neg" for c in pred.chain[0].children)
            if top_negated:
                return self.frames.negate(code) if code[:2] in self.frames.negation_rejects_roots else None
        if info.future and not pred.chain:
            return self.frames.apply("intent", code)
        return code

    def _pairs(self, pred: _Predicate, ctx: DocumentActors, on: date | None) -> list[tuple[Actor, Actor]]:
        sources = self._actors(pred.source_heads, ctx, on)
        if pred.reciprocal:
            parties = self._actors(pred.reciprocal, ctx, on)
            if len(parties) >= 2:
                return [(a, b) for a in parties for b in parties if a.code != b.code]
            if parties and sources:
                return [(s, parties[0]) for s in sources]
        reciprocal_target = any(self.resolver.is_reciprocal_word(t) for t in pred.target_heads)
        targets = [] if reciprocal_target else self._actors(pred.target_heads, ctx, on)
        if (reciprocal_target or not targets) and len(sources) >= 2 and (reciprocal_target or self._symmetric(pred)):
            return [(a, b) for a in sources for b in sources if a.code != b.code]
        if not sources:
            sources = [_UNKNOWN]
        if not targets:
            targets = [_UNKNOWN]
        return [(s, t) for s in sources for t in targets]

    @staticmethod
    def _symmetric(pred: _Predicate) -> bool:
        """Predicates whose plural subject acts on itself ("A and B agreed/met/clashed")."""
        return pred.code[:2] in ("03", "04", "05", "06", "19") or pred.code in ("0871", "057")


def span_of(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text), token.text)
