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

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.actors.coreference import DocumentActors
from eventwire.actors.resolve import ActorResolver, entity_of, sentence_entities
from eventwire.extract.arguments import subjects
from eventwire.extract.frames import Frames
from eventwire.extract.lexicon import Lexicon
from eventwire.extract.modality import SPEECH_VERBS, ModalityInfo, analyze
from eventwire.extract.predicates import (
    Match,
    best_match,
    direct_object,
    expand,
    is_noun_candidate,
    is_passive,
    is_verb_candidate,
    noun_sources,
    prep_objects,
)
from eventwire.records import UNKNOWN_ACTOR_CODE, Actor, Modality, Span

_UNKNOWN = Actor(UNKNOWN_ACTOR_CODE, "", None)
_MATERIAL_CONFLICT = frozenset({"14", "15", "17", "18", "19", "20"})
_VIOLENCE = frozenset({"18", "19", "20"})
_OFFICIAL_ROLES = frozenset({"GOV", "MIL"})
_LOCATIVE_PREPS = frozenset({"in", "near", "at", "across", "outside", "inside", "around", "throughout"})
_TEMPORAL_MARKS = frozenset({"after", "before", "as", "when", "while", "since", "until"})


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
    def __init__(self, lexicon: Lexicon, frames: Frames, resolver: ActorResolver) -> None:
        self.lexicon = lexicon
        self.frames = frames
        self.resolver = resolver
        self.support_verbs = frames.support_verbs
        self.content_nouns = frames.content_nouns

    # -- predicates ---------------------------------------------------------------------
    def _verb_predicates(self, sent: SpacySpan, consumed: set[int]) -> list[_Predicate]:
        out: list[_Predicate] = []
        for tok in sent:
            if tok.i in consumed:
                continue
            control = self.frames.control_verbs.get(tok.lemma_.lower())
            if not is_verb_candidate(tok) and not (control is not None and tok.pos_ == "ADJ"):
                continue
            head = tok.head
            if tok.dep_ == "ccomp" and head.pos_ == "VERB":
                # "reiterated its demand ... that Israel ease": the clause hangs on the verb
                head = next((c for c in head.children if c.dep_ in ("dobj", "obj") and c.i < tok.i), head)
            if tok.dep_ in ("acl", "ccomp") and head.pos_ == "NOUN" and head.lemma_.lower() in self.frames.control_nouns:
                pred = self._noun_chain(head, tok, consumed)
                if pred is not None:
                    out.append(pred)
                    continue
            inner = next((c for c in tok.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
            if inner is None and control is not None and control.frame in ("appeal", "demand", "threaten", "intent"):
                # "demanded that Hamas renounce ...": the clause's subject is the addressee
                inner = next((c for c in tok.children if c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children)), None)
            if self._background(tok) and (control is None or control.frame not in ("appeal", "demand")):
                continue
            if control is not None and inner is not None:
                pred = self._chain(tok, inner, consumed)
                if pred is not None:
                    out.append(pred)
                continue
            match = self._verb_match(tok, consumed)
            if match is None:
                continue
            targets = self._through_event_nouns(match.targets)
            if not targets and not match.reciprocal:
                targets = self._fallback_targets(tok, match.light_object)
            out.append(_Predicate(match, match.code, tok, (), targets, match.reciprocal, subjects(tok), False))
        return out

    def _through_event_nouns(self, targets: tuple[Token, ...]) -> tuple[Token, ...]:
        """ "boycott all contact with the United States": when the object is an event noun
        with a target of its own, that target is the verb's."""
        if len(targets) != 1 or targets[0].pos_ != "NOUN":
            return targets
        inner = best_match(targets[0], self.lexicon, as_noun=True)
        if inner is not None and inner.targets:
            return inner.targets
        return targets

    def _fallback_targets(self, verb: Token, light: Token | None) -> tuple[Token, ...]:
        """When the pattern names no target: the first object of a relational preposition
        on the verb or its light object that names an actor-like phrase."""
        for head in (verb, light) if light is not None else (verb,):
            for prep in self.frames.fallback_target_preps:
                for obj in prep_objects(head, prep):
                    if obj.pos_ in ("PROPN", "NOUN", "PRON") and (obj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or obj.pos_ == "NOUN"):
                        return expand(obj)
        return ()

    @staticmethod
    def _background(verb: Token) -> bool:
        """Clauses that describe rather than report: a purpose infinitive ("... to help
        Athens meet its payments"), a participle or relative clause on a noun ("soldiers
        killed in the 1999 war", "the ship they seized")."""
        if verb.dep_ in ("acl", "relcl"):
            # ... except "There were ten soldiers killed": the existential reports the event
            noun = verb.head
            return not (noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children))
        if verb.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return verb.dep_ == "advcl" or verb.head.pos_ not in ("VERB", "AUX", "ADJ")
        return False

    def _verb_match(self, verb: Token, consumed: set[int]) -> Match | None:
        """The verb's own pattern, or the pattern of the event noun it carries ("continued
        military aid to X", "launched a mediation effort", "reached a consensus")."""
        match = best_match(verb, self.lexicon, partitives=self.frames.partitive_nouns)
        if match is not None and match.light_object is not None:
            consumed.add(match.light_object.i)
            if not match.targets and not match.reciprocal and match.light_object.lemma_.lower() in self.content_nouns:
                # "rejected a U.S. request", "accepted Norway's offer": the author is the target
                authors = noun_sources(match.light_object)
                if authors:
                    match = Match(match.pattern, match.trigger, match.light_object, authors, (), ())
        if match is not None and (match.pattern.specificity > 0 or verb.lemma_.lower() not in self.support_verbs):
            return match
        obj = direct_object(verb, self.frames.partitive_nouns)
        if obj is None or obj.i in consumed:
            return match
        noun = best_match(obj, self.lexicon, as_noun=True)
        if noun is None:
            return match
        consumed.add(obj.i)
        pattern = noun.pattern
        lemma = verb.lemma_.lower()
        if lemma in self.frames.cancel_verbs or (lemma == "call" and any(c.lower_ == "off" for c in verb.children)):
            # "called off its visit", "suspended aid": the act is cancelled
            cancelled = self.frames.apply("cancel", noun.code)
            if cancelled is None:
                return match
            pattern = replace(pattern, code=cancelled)
        targets = noun.targets or noun.reciprocal or noun.sources  # "accepted Norway's offer"
        if not targets:
            for prep in ("to", "for", "with", "against", "on"):
                objs = prep_objects(verb, prep)
                if objs:
                    targets = expand(objs[0])
                    break
        if not targets:
            dative = next((c for c in verb.children if c.dep_ == "dative"), None)
            targets = expand(dative) if dative is not None else ()
        return Match(pattern, verb, obj, targets, noun.reciprocal, ())

    def _noun_chain(self, noun: Token, inner: Token, consumed: set[int]) -> _Predicate | None:
        """ "its demand that Israel ease restrictions", "Norway's offer to mediate": the clause
        under a control noun, coded through the noun's frame; the noun's author acts."""
        spec = self.frames.control_nouns[noun.lemma_.lower()]
        inner_match = self._verb_match(inner, consumed)
        code = self.frames.apply(spec.frame, inner_match.code if inner_match is not None else None)
        if code is None:
            return None
        sources = noun_sources(noun)
        if not sources and noun.dep_ in ("dobj", "obj") and noun.head.pos_ == "VERB":
            sources = subjects(noun.head)  # "made an offer to mediate"
        if spec.frame in ("appeal", "demand") and any(c.dep_ == "nsubj" for c in inner.children):
            targets = subjects(inner)
        else:
            targets = inner_match.targets if inner_match is not None else ()
        consumed.update((noun.i, inner.i))
        return _Predicate(inner_match, code, inner, (), targets, (), sources, False)

    def _chain(self, verb: Token, inner: Token, consumed: set[int]) -> _Predicate | None:
        """ "declined to endorse X", "urged Iran to release Y", "agreed to withdraw"."""
        control = self.frames.control_verbs[verb.lemma_.lower()]
        other_subject = inner.dep_ == "ccomp" and any(
            c.dep_ == "nsubj" and c.lower_ not in ("it", "he", "she", "they", "we", "i") for c in inner.children
        )
        if control.frame == "intent" and (other_subject or any(c.dep_ in ("dobj", "obj") and c.i < inner.i for c in verb.children)):
            # "Obama wants Putin to attack": wanting someone else to act is an appeal
            control = replace(control, frame="appeal", object_is_target=True)
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
        inner_match = self._verb_match(inner, consumed)
        inner_code = inner_match.code if inner_match is not None else None
        inner_mod = analyze(inner, self.frames)
        if inner_code is not None and inner_mod.negated:
            inner_code = self.frames.negate(inner_code)
            if inner_code is None:
                return None
        code: str | None = inner_code
        for ctl in reversed(chain):
            spec = control if ctl is verb else self.frames.control_verbs[ctl.lemma_.lower()]
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
        if is_passive(verb):
            # "Iran was urged to release ...", "when asked to end ...": the subject is the
            # addressee; the source is the "by" agent, if any
            by = prep_objects(verb, "by")
            addressee = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
            if addressee is None:
                return None
            return _Predicate(inner_match, code, inner, tuple(chain), expand(addressee), (), expand(by[0]) if by else (), False)
        if inner.dep_ == "ccomp" and control.frame in ("appeal", "demand"):  # after the want-rule above
            targets = subjects(inner)  # "demanded that Hamas renounce": Hamas is addressed
        elif control.object_is_target:
            obj = direct_object(verb)
            if control.prep:
                objs = prep_objects(verb, control.prep)
                obj = objs[0] if objs else obj
            if obj is not None:
                targets = expand(obj)
        if not targets and inner_match is not None:
            targets = inner_match.targets
        if not targets:
            targets = self._fallback_targets(inner, inner_match.light_object if inner_match else None)
        reciprocal = inner_match.reciprocal if inner_match is not None else ()
        return _Predicate(inner_match, code, inner, tuple(chain), targets, reciprocal, subjects(verb), False)

    def _noun_predicates(self, sent: SpacySpan, consumed: set[int]) -> list[_Predicate]:
        out: list[_Predicate] = []
        for tok in sent:
            if not is_noun_candidate(tok) or tok.ent_type_ in ("PERSON", "GPE", "NORP"):
                continue
            match = best_match(tok, self.lexicon, as_noun=True)
            if match is None:
                continue
            if tok.i in consumed and not (match.reciprocal and match.code[:2] in _MATERIAL_CONFLICT):
                # the object of a coded verb; but "ending the war between A and B" also
                # states that the war is going on
                continue
            sources = match.sources
            head = tok.head
            if not sources and tok.dep_ in ("dobj", "obj", "nsubjpass") and head.lemma_.lower() in self.support_verbs:
                sources = subjects(head)
            out.append(_Predicate(match, match.code, tok, (), match.targets, match.reciprocal, sources, True))
        return out

    def _depth(self, pred: _Predicate) -> int:
        """Clause depth of a predicate below the sentence root: subordinate clauses and
        noun phrases count, a clause reported by a speech verb does not ("A said B
        attacked C": the attack is the news)."""
        node = pred.chain[0] if pred.chain else pred.trigger
        depth = 1 if pred.nominal else 0
        for _ in range(12):
            head = node.head
            if head is node:
                break
            dep = node.dep_
            if dep in ("ccomp", "parataxis") and head.lemma_.lower() in SPEECH_VERBS:
                pass
            elif dep in ("conj", "cc", "prt", "aux", "neg"):
                pass
            elif dep in ("ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "csubj", "pobj", "dobj", "nsubj", "nsubjpass", "prep", "compound", "npadvmod", "attr", "appos", "oprd"):
                depth += 1
            node = head
        return depth

    def _main_predicates(self, preds: list[_Predicate]) -> list[_Predicate]:
        """Keep the predicates of the main clause (and those coordinated with it); events in
        subordinate clauses and event nouns under a coded verb describe, they do not report.
        Statements (01) never decide: they are kept aside."""
        statements = [p for p in preds if p.code.startswith("01")]
        if statements:
            # an event noun inside a statement is its topic ("expressed sorrow for the shootings")
            inside = {t.i for p in statements for t in (p.chain[0] if p.chain else p.trigger).subtree}
            preds = [p for p in preds if not (p.nominal and p.trigger.i in inside and not self._standalone(p))]
        substantive = [p for p in preds if not p.code.startswith("01")]
        if len(substantive) <= 1:
            return preds
        depths = {id(p): self._depth(p) for p in substantive}
        best = min(depths.values())
        return [p for p in preds if p.code.startswith("01") or depths[id(p)] == best or self._standalone(p)]

    def _standalone(self, pred: _Predicate) -> bool:
        """Events that stand on their own below the main clause: a war or fighting named
        between two parties ("the war between Armenia and Azerbaijan"), and a temporal
        clause with its own subject ("... after both sides accused the other")."""
        if pred.nominal:
            return bool(pred.reciprocal) and pred.code[:2] in _MATERIAL_CONFLICT
        top = pred.chain[0] if pred.chain else pred.trigger
        return top.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in top.children
        ) and any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children)

    def _content_filter(self, nouns: list[_Predicate], verbs: list[_Predicate]) -> list[_Predicate]:
        """An event noun that is only the content of a coded verb ("agreed upon a pact",
        "declined to endorse a proposal") is not an event of its own; a violent act named
        as an object ("condemned the attack on ...") still is."""
        if not verbs:
            return nouns
        anchors = {p.trigger.i for p in verbs} | {t.i for p in verbs for t in p.chain}
        kept = []
        for pred in nouns:
            tok = pred.trigger
            gov = tok.head
            if tok.dep_ == "pobj" and gov.dep_ == "prep":
                gov = gov.head
            is_content = tok.dep_ in ("dobj", "obj", "pobj", "nsubjpass") and gov.i in anchors
            if is_content and pred.code[:2] not in _MATERIAL_CONFLICT:
                continue
            kept.append(pred)
        return kept

    # -- actors -----------------------------------------------------------------------
    def _actors(self, heads: tuple[Token, ...], ctx: DocumentActors, on: date | None, *, opposed: bool = False) -> list[Actor]:
        actors: list[Actor] = []
        for head in heads:
            if head.pos_ == "NUM" or head.lemma_.lower() in self.frames.partitive_nouns:
                # "thousands of Iraqi Kurds", "a group of protesters"
                inner = prep_objects(head, "of")
                if inner:
                    head = inner[0]
            if head.lemma_.lower() in self.content_nouns and head.pos_ == "NOUN":
                # "rejected Turkey's proposal": the proposal's author is the actor
                authors = noun_sources(head)
                for author in authors:
                    actors.extend(self.resolver.resolve(author, ctx, on))
                continue
            if head.dep_ in ("amod", "compound", "nmod"):
                # a modifier stands for an actor only when it names one ("U.S. strikes",
                # "Turkish proposal"), not a role word ("military aid")
                actors.extend(a for a in self.resolver.resolve(head, ctx, on) if a.country or a.code[:3] in ("IGO", "NGO"))
                continue
            actors.extend(self.resolver.resolve(head, ctx, on))
        # "Israeli helicopters and tanks": a conjunct without a country shares the first's
        first = next((a for a in actors if a.country), None)
        if first is not None and not opposed:
            actors = [
                replace(a, code=first.country + "".join(a.roles[:1]), country=first.country, how=a.how + "+conjunct-country")
                if not a.country and a.roles and a.code[:3] not in ("IGO", "NGO") else a
                for a in actors
            ]
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
        predicates += self._content_filter(self._noun_predicates(sent, consumed), predicates)
        predicates = self._main_predicates(predicates)
        out: list[Candidate] = []
        statements: list[Candidate] = []
        for pred in predicates:
            if any(h.lemma_.lower() in self.frames.non_agents for h in pred.source_heads):
                continue  # "the storm hit the coast": nature is not an actor
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
            last = top.right_edge
            clause = (top.left_edge.idx, last.idx + len(last.text))
            where = lambda top=top: self._locative_country(top, on)  # noqa: E731 - computed only when needed
            pairs = [self._domestic(s, t, ctx, where) for s, t in self._pairs(pred, ctx, on)]
            if code[:2] in _VIOLENCE:
                pairs = [(self._unidentified(s, where), t) for s, t in pairs]
            pairs = [(s, t if t.known else self._deep_target(pred, top, s, code, ctx, on)) for s, t in pairs]
            # "met", "clashed with" go both ways; "refused to meet", "did not meet" do not
            mutual = pred.trigger.lemma_.lower() in self.frames.mutual_lemmas and not pred.chain and not info.negated
            for source, target, pair_code in self._with_converse(code, pairs, mutual=mutual):
                if not source.known and (not target.known or (pred.nominal and not pred.reciprocal)):
                    continue  # an event noun with no author is a topic, not a report
                if source.code == target.code and source.known:
                    continue
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
                )
                (statements if code.startswith("01") else out).append(cand)
        return out if out else statements

    def _deep_target(self, pred: _Predicate, top: Token, source: Actor, code: str, ctx: DocumentActors, on: date | None) -> Actor:
        """No target in the predicate's own arguments: the first other actor named later in
        its clause ("agreed to provide aid for Romania", "blocked roads in Algiers");
        a protest with no named target is directed at the source's own government."""
        sent = top.sent
        lo, hi = top.left_edge.i, top.right_edge.i
        source_span = source.span
        for ent in sentence_entities(sent):
            if ent.start <= pred.trigger.i or ent.start < lo or ent.end - 1 > hi:
                continue
            if ent.label_ not in ("GPE", "NORP", "ORG", "PERSON", "LOC"):
                continue
            if source_span is not None and source_span.start <= ent.start_char < source_span.end:
                continue
            for actor in self.resolver.resolve(ent.root, ctx, on):
                if actor.known and actor.code != source.code:
                    return replace(actor, how=actor.how + "+clause-target")
        if code[:2] == "14" and source.country and source.code[:3] not in ("IGO", "NGO"):
            return Actor(source.country + "GOV", "", None, source.country, ("GOV",), None, "protest-default:own-government")
        return _UNKNOWN

    @staticmethod
    def _under_locative(tok: Token, top: Token) -> bool:
        """Is ``tok`` inside a locative phrase of the clause ("in eastern Beirut", "outside
        of the Iraqi city of Basra", "near the town of Samarra")?"""
        node = tok
        for _ in range(6):
            if node is top or node.head is node:
                return False
            if node.dep_ == "pobj" and node.head.lower_ in _LOCATIVE_PREPS:
                return True
            if node.dep_ not in ("pobj", "prep", "compound", "amod", "appos", "nmod"):
                return False
            node = node.head
        return False

    def _locative_country(self, top: Token, on: date | None) -> str | None:
        """The country of a place the clause says the action happened in ("in Somalia")."""
        for tok in top.subtree:
            if tok.ent_type_ in ("GPE", "LOC", "NORP") and tok.dep_ in ("pobj", "compound", "amod") and self._under_locative(tok, top):
                ent = entity_of(tok)
                name = ent.text if ent is not None else tok.text
                entry = self.resolver.lookup(name, on)
                if entry is not None and entry.country and entry.kind in ("state", "metonym"):
                    return entry.country
                if self.resolver.place_country is not None:
                    found = self.resolver.place_country(name)
                    if found:
                        return found
        return None

    @staticmethod
    def _unidentified(source: Actor, where: Callable[[], str | None]) -> Actor:
        """Violence with no named perpetrator ("were killed by a roadside bomb outside
        Basra") is coded to unidentified armed forces of the place (CAMEO UAF)."""
        if source.known:
            return source
        country = where()
        if not country:
            return source
        return Actor(country + "UAF", "", None, country, ("UAF",), None, f"unidentified-attacker:{country}")

    @staticmethod
    def _domestic(source: Actor, target: Actor, ctx: DocumentActors, where: Callable[[], str | None]) -> tuple[Actor, Actor]:
        """A role without a country ("protesters", "rebels", "city authorities") belongs to
        the country where the clause places the action, else to the other actor's country,
        else to the country the document is about."""

        def fill(actor: Actor, other: Actor) -> Actor:
            if actor.country or not actor.roles or actor.code[:3] in ("IGO", "NGO"):
                return actor
            here = where()
            if here:
                country = here
            elif other.country and other.code[:3] not in ("IGO", "NGO") and actor.roles[0] not in _OFFICIAL_ROLES:
                # protesters, police, courts, rebels: the other side's compatriots; a
                # government or an army acts abroad too, so it is not guessed from its target
                country = other.country
            else:
                country = ctx.dominant_country()
            if not country:
                return actor
            return replace(actor, code=country + actor.roles[0], country=country, how=actor.how + f"+country-from-context:{country}")

        return fill(source, target), fill(target, source)

    def _with_converse(self, code: str, pairs: list[tuple[Actor, Actor]], *, mutual: bool = False) -> list[tuple[Actor, Actor, str]]:
        """Mutual actions go both ways ("met", "held talks with"); "A hosted B" is also
        "B visited A"."""
        out = [(s, t, code) for s, t in pairs]
        seen = {(s.code, t.code) for s, t in pairs}
        back = code if (mutual or code in self.frames.mutual_codes) else self.frames.converse_codes.get(code)
        if back is not None:
            for s, t in pairs:
                if "clause-target" in t.how:
                    continue  # a place or party found further down the clause did not act back
                if s.known and t.known and (t.code, s.code) not in seen:
                    out.append((t, s, back))
                    seen.add((t.code, s.code))
        return out

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
            parties = self._actors(pred.reciprocal, ctx, on, opposed=True)
            codes = {p.code for p in parties}
            if sources and parties and not any(s.code in codes for s in sources):
                # "Qatar mediated between Israel and Hamas": the parties are the targets
                return [(s, p) for s in sources for p in parties]
            if len(parties) >= 2:
                return [(a, b) for a in parties for b in parties if a.code != b.code]
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
