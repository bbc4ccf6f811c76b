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

from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.actors.coreference import DocumentActors
from eventwire.actors.resolve import ActorResolver
from eventwire.extract.finder import Predicate, PredicateFinder
from eventwire.extract.frames import Frames
from eventwire.extract.lexicon import Lexicon
from eventwire.extract.modality import ModalityInfo, analyze, is_negated, is_question
from eventwire.extract.pairing import ActorPairer
from eventwire.extract.predicates import best_match
from eventwire.records import Actor, Modality, Span

_VIOLENCE = frozenset({"18", "19", "20"})
_MILITARY_FORCE = frozenset({"19", "20"})
_MEDIATION = frozenset({"045", "039", "126"})
_HOSTILE = frozenset({"14", "15", "16", "17", "18", "19", "20"})


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
    sentence_tokens: int = 0  # evidence for confidence: long sentences are harder
    competing: int = 0  # other substantive predicates in the sentence
    converse: bool = False  # the other direction of a mutual act ("A met B": B met A) or a converse code ("hosted": "visited")


class SentenceCoder:
    def __init__(self, lexicon: Lexicon, frames: Frames, resolver: ActorResolver) -> None:
        self.frames = frames
        self.lexicon = lexicon
        self.resolver = resolver
        self.finder = PredicateFinder(lexicon, frames)
        self.pairer = ActorPairer(frames, resolver, lexicon)

    def code(self, sent: SpacySpan, index: int, ctx: DocumentActors, on: date | None) -> list[Candidate]:
        self.resolver.scan(sent, ctx, on)
        predicates = self.finder.find(sent)
        question = is_question(sent)
        out: list[Candidate] = []
        statements: list[Candidate] = []
        for pred in predicates:
            if any(
                t.lemma_.lower() in self.frames.non_agents
                for h in pred.source_heads
                for t in (h, *(c for c in h.children if c.dep_ == "compound"))
            ):
                continue  # "the storm hit the coast", "Hurricane Hugo slammed into": nature is not an actor
            top = pred.chain[0] if pred.chain else pred.trigger
            info = analyze(pred.trigger, self.frames, chain=pred.chain, question=question)
            if info.hypothetical and info.conditional and info.reported and not (info.question or info.in_condition or info.negated):
                # "the EU may suspend talks if the violence goes on, the minister said": a
                # conditional threat; unattributed ("If talks fail, A could attack B") it is
                # the writer's speculation
                threat = self.frames.apply("intent", pred.code) if pred.code[:2] in _HOSTILE else None
                if threat is not None and threat[:2] == "13":
                    pred = replace(pred, code=threat)
                    info = replace(info, hypothetical=False, future=True)
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
            last = top.right_edge
            clause = (top.left_edge.idx, last.idx + len(last.text))
            where = lambda top=top: self.pairer.locative_country(top, on) or (  # noqa: E731 - computed only when needed
                # "hit a bus in northern Yemen, killing dozens": the participle happened there too
                self.pairer.locative_country(top.head, on) if top.dep_ in ("advcl", "conj") else None
            )
            mediation = code in _MEDIATION
            pairs = [self.pairer.domestic(s, t, ctx, where, borrow=not mediation) for s, t in self.pairer.pairs(pred, ctx, on)]
            if code[:2] in _VIOLENCE:
                if not any(s.known for s, _ in pairs) and self._accident(top):
                    continue  # "were killed when their helicopter crashed": nobody attacked
                pairs = [(self._armed(self.pairer.unidentified(s, where), pred), t) for s, t in pairs]
            deep: dict[str, list[Actor]] = {}  # one clause-target search per source code
            expanded: list[tuple[Actor, Actor]] = []
            co_sources = {s.code for s, _ in pairs if s.known}
            source_spans = [(s.span.start, s.span.end) for s, _ in pairs if s.span is not None]
            for s, t in pairs:
                if t.known:
                    expanded.append((s, t))
                    continue
                if s.code not in deep:
                    # "mediated by Saudi Arabia and the United States": a co-agent is no target
                    deep[s.code] = [
                        d for d in self.pairer.deep_targets(pred, top, s, code, ctx, on)
                        if d.code not in co_sources and not (d.span and any(lo <= d.span.start < hi for lo, hi in source_spans))
                    ]
                expanded.extend((s, d) for d in deep[s.code])
            pairs = expanded
            # "met", "clashed with" go both ways; "refused to meet", "did not meet" do not
            mutual = pred.trigger.lemma_.lower() in self.frames.mutual_lemmas and not pred.chain and not info.negated
            crowds = [h.idx for h in (*pred.source_heads, *pred.target_heads, *pred.reciprocal)
                      if h.lemma_.lower() in self.frames.crowd_nouns]
            for k, (source, target, pair_code) in enumerate(self.pairer.with_converse(code, pairs, mutual=mutual)):
                if crowds and pair_code in self.frames.riot_codes and source.span and any(
                    source.span.start <= i < source.span.end for i in crowds
                ):
                    pair_code = self.frames.riot_code  # "protesters stormed the embassy": a riot
                if not source.known and (not target.known or (pred.nominal and not pred.reciprocal)):
                    continue  # an event noun with no author is a topic, not a report
                if source.code == target.code and source.known:
                    continue
                if (source.code.startswith("---") and target.code.startswith("---")
                        and not set(source.roles + target.roles) & self.frames.political_roles):
                    continue  # "a protester demolished the building": no political actor on either side
                if not target.known and pair_code[:2] in self.frames.target_required_roots:
                    continue
                cand = Candidate(
                    index,
                    pair_code,
                    pred.trigger,
                    source,
                    target,
                    modality,
                    pred.match.pattern.specificity if pred.match is not None else 0,
                    pred.nominal,
                    bool(pred.chain),
                    clause[0],
                    clause[1],
                    len(sent),
                    sum(1 for p in predicates if not p.code.startswith("01")) - 1,
                    k >= len(pairs),
                )
                (statements if code.startswith("01") else out).append(cand)
        return out if out else statements

    def _accident(self, top: Token) -> bool:
        """Deaths the clause puts down to an accident or to nature ("killed when their
        helicopter crashed", "died in a landslide")."""
        return any(t.lemma_.lower() in self.frames.non_agents for t in top.subtree if t.pos_ in ("NOUN", "VERB"))

    def _armed(self, source: Actor, pred: Predicate) -> Actor:
        """A state named on a use of military force ("US drone attacks killed ...",
        "Israeli shelling of Rafah") acts through its armed forces: country + MIL."""
        if not source.country or source.roles or source.code != source.country:
            return source
        nouns = [h for h in pred.source_heads if h.pos_ == "NOUN"]
        if pred.nominal:
            nouns.append(pred.trigger)
        for noun in nouns:
            match = best_match(noun, self.lexicon, as_noun=True)
            if match is not None and match.code[:2] in _MILITARY_FORCE:
                return replace(source, code=source.country + "MIL", roles=("MIL",), how=source.how + "+military-force")
        return source

    def _apply_modality(self, pred: Predicate, info: ModalityInfo) -> str | None:
        code = pred.code
        if info.negated and not pred.chain:
            if _not_yet(pred.trigger):
                return None  # "has not recognised", "have still not signed": nothing happened
            return self.frames.negate(code)
        if info.negated and pred.chain:
            # "did not agree to withdraw": the control verb is negated
            top_negated = is_negated(pred.chain[0])
            if top_negated and _not_yet(pred.chain[0]):
                return None  # "has not yet agreed to withdraw": nothing happened
            if top_negated:
                return self.frames.negate(code) if code[:2] in self.frames.negation_rejects_roots else None
        # a chain of control verbs carries its own intent ("pledged to send"); "will send a
        # team to help" is the future of the sending
        if info.future and (not pred.chain or all(c.lemma_.lower() in self.frames.dispatch_verbs for c in pred.chain)):
            if code[:2] == "15" and any(
                t.dep_ == "pobj" and t.head.lower_ == "to" and t.ent_type_ == "GPE" for t in pred.target_heads
            ):
                # "will send troops to Mali": forces offered to a country, not massed against it
                return self.frames.apply("intent", "072")
            return self.frames.apply("intent", code)
        return code


def _not_yet(verb: Token) -> bool:
    """A negated perfect or "yet"/"still": the act has not happened, it was not refused."""
    return any(
        (c.dep_ in ("aux", "auxpass") and c.lemma_ == "have") or (c.dep_ == "advmod" and c.lower_ in ("yet", "still"))
        for c in verb.children
    )


def span_of(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text), token.text)
