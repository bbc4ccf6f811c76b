"""Finding the predicates of a sentence: verbs and event nouns with lexicon patterns,
control-verb and control-noun chains folded into one predicate, and the main-clause
selection that keeps what the sentence reports (not what it describes)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.arguments import subjects
from eventwire.extract.frames import ControlVerb, Frames
from eventwire.extract.lexicon import Lexicon
from eventwire.extract.modality import SPEECH_VERBS, analyze, is_negated
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

MATERIAL_CONFLICT = frozenset({"14", "15", "17", "18", "19", "20"})
_JUDGEMENTS = frozenset({"05", "11", "12"})
_WISH_VERBS = frozenset({"hope", "wish"})
_VIOLENT = frozenset({"18", "19", "20"})
_PARTICIPLE_ACTS = frozenset({"11", "13", "16", "17", "18", "19", "20"})
_PLACE_PREPS = frozenset({"at", "on", "over", "from"})
_TEMPORAL_MARKS = frozenset({"after", "before", "as", "when", "while", "since", "until"})


@dataclass(frozen=True, slots=True)
class Predicate:
    """A coded predicate before actors: its code, trigger and argument heads."""

    match: Match | None
    code: str
    trigger: Token
    chain: tuple[Token, ...]  # governing control verbs, innermost last
    target_heads: tuple[Token, ...]
    reciprocal: tuple[Token, ...]
    source_heads: tuple[Token, ...]
    nominal: bool


def expand_first(tokens: list[Token]) -> tuple[Token, ...]:
    return expand(tokens[0]) if tokens else ()


class PredicateFinder:
    def __init__(self, lexicon: Lexicon, frames: Frames) -> None:
        self.lexicon = lexicon
        self.frames = frames
        self.support_verbs = frames.support_verbs
        self.content_nouns = frames.content_nouns

    def find(self, sent: SpacySpan) -> list[Predicate]:
        """The predicates the sentence reports, statements (CAMEO 01) included."""
        consumed: set[int] = set()
        predicates = self._verb_predicates(sent, consumed)
        predicates += self._content_filter(self._noun_predicates(sent, consumed), predicates)
        return self._claims(self._main_predicates(predicates))

    def _claims(self, preds: list[Predicate]) -> list[Predicate]:
        """ "Russia claimed that Ukraine shelled the plant": a claim that someone did harm
        accuses them, as "alleged that" does (CAMEO 112); the reported act is coded too (the
        claim is turned into an accusation after the main clause was chosen, as a statement,
        so it does not crowd out the act)."""
        hostile = [
            p for p in preds
            if p.code[:2] in self.frames.claim_accuses_roots and p.source_heads and not is_negated(p.trigger)
            # "claimed that its forces destroyed ...": a claim about oneself accuses nobody
            and not any(c.dep_ == "poss" and c.pos_ == "PRON" for h in p.source_heads for c in h.children)
        ]
        if not hostile:
            return preds
        out = []
        for p in preds:
            if p.code.startswith("01") and not p.chain and p.trigger.lemma_.lower() in self.frames.claim_verbs:
                clause = next((c for c in p.trigger.children if c.dep_ == "ccomp"), None)
                accused = next(
                    (h.source_heads for h in hostile if clause is not None and clause.left_edge.i <= h.trigger.i <= clause.right_edge.i),
                    None,
                )
                if accused is not None:
                    p = replace(p, code=self.frames.claim_code, match=None, target_heads=accused)
            out.append(p)
        return out

    def _verb_predicates(self, sent: SpacySpan, consumed: set[int]) -> list[Predicate]:
        out: list[Predicate] = []
        for tok in sent:
            if tok.i in consumed:
                continue
            if tok.pos_ == "ADJ" and tok.lemma_.lower() in self.frames.outlook_words:
                # "pessimistic about reaching a deal", "hopeful of a ceasefire": an outlook
                # on an act, not the act
                for child in tok.children:
                    if child.dep_ in ("prep", "xcomp", "ccomp") and child.i > tok.i:
                        consumed.update(t.i for t in child.subtree)
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
            if inner is None and control is not None:
                # "swore on Monday to fight": the parser hangs the complement as a clause
                inner = next(
                    (c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i and c.pos_ == "VERB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
                    None,
                )
            if inner is None and control is not None and control.frame in ("appeal", "demand", "threaten", "intent"):
                # "demanded that Hamas renounce ...": the clause's subject is the addressee
                inner = next((c for c in tok.children if c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children)), None)
            if control is None and inner is None and tok.lemma_.lower() in SPEECH_VERBS:
                obliged = self._reported_obligation(tok)
                if obliged is not None:
                    control, inner = obliged
            brokered = self._brokered(tok)
            if brokered is not None:
                out.append(brokered)
                continue
            if self._background(tok) and (control is None or control.frame not in ("appeal", "demand")):
                continue
            if control is not None and inner is not None:
                pred = self._chain(tok, inner, consumed, control)
                if pred is not None:
                    out.append(pred)
                    if control.lemma not in self.frames.control_verbs:
                        # a reported obligation: everything in the clause is its content
                        consumed.update(t.i for t in inner.subtree)
                continue
            if tok.lemma_.lower() in _WISH_VERBS:
                # "she hoped French officials would be indicted": what someone wishes others
                # to do or suffer is no event
                for clause in tok.children:
                    if clause.dep_ == "ccomp":
                        consumed.update(t.i for t in clause.subtree)
            if self._by_gerund(tok) is not None:
                continue  # "retaliated by expelling diplomats": the gerund says what was done
            sent_to = self._dispatched_to_act(tok, consumed)
            if sent_to is not None:
                out.append(sent_to)
                continue
            received = self._received(tok)
            if received is not None:
                consumed.update(t.i for t in received.source_heads)
                out.append(received)
                continue
            match = self._verb_match(tok, consumed)
            if match is None:
                continue
            targets = self._through_event_nouns(match.targets, match.code)
            if not targets and not match.reciprocal and tok.dep_ == "acl" and tok.tag_ == "VBN":
                targets = expand(tok.head)  # "There were ten Russian soldiers killed": the noun suffered it
            if not targets and not match.reciprocal:
                targets = self._fallback_targets(tok, match.light_object)
            out.append(Predicate(match, match.code, tok, (), targets, match.reciprocal, subjects(tok), False))
        return out

    def _brokered(self, verb: Token) -> Predicate | None:
        """ "Israel and Hamas agreed to a ceasefire brokered by Egypt", "signed a peace accord
        after talks chaired by George Mitchell": the broker acts on each party, the subjects
        of the nearest verb above the talks or the deal."""
        code = self.frames.broker_verbs.get(verb.lemma_.lower())
        if code is None or verb.dep_ != "acl" or verb.tag_ != "VBN":
            return None
        if verb.head.lemma_.lower() not in self.frames.broker_nouns:
            return None
        brokers = prep_objects(verb, "by")
        if not brokers:
            return None
        node = verb.head
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        parties = subjects(node) if node.pos_ in ("VERB", "AUX") else ()
        if not parties:
            return None
        return Predicate(None, code, verb, (), parties, (), expand(brokers[0]), False)

    def _dispatched_to_act(self, verb: Token, consumed: set[int]) -> Predicate | None:
        """ "The UN sent inspectors to Bosnia to investigate ...", "Norway dispatched an envoy
        to mediate": people sent to do something are the means; what they were sent to do
        is the act. Troops sent somewhere stay a deployment."""
        if verb.lemma_.lower() not in self.frames.dispatch_verbs:
            return None
        obj = direct_object(verb)
        if obj is None or obj.lemma_.lower() in self.frames.armed_units:
            return None
        purpose = next(
            (c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB" and c.i > obj.i
             and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)),
            None,
        )
        if purpose is None:
            return None
        helper = next((c for c in purpose.children if c.dep_ == "aux" and c.lemma_.lower() in self.frames.help_verbs), None)
        if helper is not None:
            # "sent a team to help identify victims" (the small model makes 'help' an
            # auxiliary): whatever the help is for, sending people to help is aid
            consumed.add(purpose.i)
            targets = expand_first(prep_objects(verb, "to"))
            return Predicate(None, self.frames.help_code, helper, (verb,), targets, (), subjects(verb), False)
        match = self._verb_match(purpose, consumed)
        if match is None or match.code[:2] == "15":
            return None
        consumed.add(purpose.i)
        # the parties of "to mediate between A and B", else where they were sent, else the act's own
        targets = match.reciprocal or expand_first(prep_objects(verb, "to")) or match.targets
        return Predicate(match, match.code, purpose, (verb,), targets, (), subjects(verb), False)

    def _by_gerund(self, verb: Token) -> Token | None:
        """The coded gerund of "by V-ing" on ``verb``, if any."""
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "by":
                for g in prep.children:
                    if g.dep_ == "pcomp" and g.tag_ == "VBG" and best_match(g, self.lexicon) is not None:
                        return g
        return None

    def _received(self, verb: Token) -> Predicate | None:
        """ "received weapons from Russia": the giver is the source, the receiver the target."""
        if verb.lemma_.lower() not in self.frames.recipient_verbs or is_passive(verb):
            return None
        obj = direct_object(verb)
        if obj is None:
            return None
        code = self.frames.received_objects.get(obj.lemma_.lower())
        givers = prep_objects(verb, "from") or prep_objects(obj, "from")
        if code is None or not givers:
            return None
        return Predicate(None, code, verb, (), subjects(verb), (), expand(givers[0]), False)

    def _through_event_nouns(self, targets: tuple[Token, ...], code: str) -> tuple[Token, ...]:
        """ "boycott all contact with the United States": when the object is an event noun
        with a target of its own, that target is the verb's; "condemned the Israeli raid on
        Jenin", "rejected the Russian offer": a judgement of an act is aimed at its author."""
        if len(targets) != 1 or targets[0].pos_ != "NOUN":
            return targets
        inner = best_match(targets[0], self.lexicon, as_noun=True)
        if inner is None:
            return targets
        if code[:2] in _JUDGEMENTS and inner.sources:
            return inner.sources
        if inner.targets:
            return inner.targets
        return targets

    def _fallback_targets(self, verb: Token, light: Token | None) -> tuple[Token, ...]:
        """When the pattern names no target: the first object of a relational preposition
        on the verb or its light object that names an actor-like phrase."""
        for head in (verb, light) if light is not None else (verb,):
            for prep in self.frames.fallback_target_preps:
                for obj in prep_objects(head, prep):
                    if prep in _PLACE_PREPS:
                        # "held talks at a border point", "met on the sidelines": a place or
                        # an occasion unless it names a party
                        if obj.ent_type_ in ("NORP", "ORG", "PERSON"):
                            return expand(obj)
                    elif obj.pos_ in ("PROPN", "NOUN", "PRON") and (obj.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or obj.pos_ == "NOUN"):
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
        lemma = verb.lemma_.lower()
        if match is None and (lemma in self.frames.experiencer_verbs or lemma in self.frames.undergo_verbs):
            return None  # "citing domestic opposition", "faced pressure": no act of the subject
        noun = best_match(obj, self.lexicon, as_noun=True)
        if noun is None:
            # "launched a mediation effort", "began a bombing campaign": the event noun
            # modifies a generic object
            modifier = next((c for c in obj.children if c.dep_ == "compound" and c.pos_ == "NOUN"), None)
            noun = best_match(modifier, self.lexicon, as_noun=True) if modifier is not None else None
            if noun is None:
                return match
            consumed.add(modifier.i)
        consumed.add(obj.i)
        pattern = noun.pattern
        if lemma in self.frames.cancel_verbs or (lemma == "call" and any(c.lower_ == "off" for c in verb.children)):
            # "called off its visit", "suspended aid": the act is cancelled
            cancelled = self.frames.apply("cancel", noun.code)
            if cancelled is None:
                return match
            pattern = replace(pattern, code=cancelled)
        targets = noun.targets or noun.reciprocal or noun.sources  # "accepted Norway's offer"
        if not targets:
            for prep in ("to", "for", "with", "against", "on", "between"):
                objs = prep_objects(verb, prep)
                if objs:
                    targets = expand(objs[0])
                    break
        if not targets:
            dative = next((c for c in verb.children if c.dep_ == "dative"), None)
            targets = expand(dative) if dative is not None else ()
        return Match(pattern, verb, obj, targets, noun.reciprocal, ())

    def _noun_chain(self, noun: Token, inner: Token, consumed: set[int]) -> Predicate | None:
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
        return Predicate(inner_match, code, inner, (), targets, (), sources, False)

    def _reported_obligation(self, verb: Token) -> tuple[ControlVerb, Token] | None:
        """ "Britain said Libya must hand over the suspects": what a speaker says another
        party must or should do is a demand or an appeal addressed to that party, not an
        event of that party."""
        for clause in verb.children:
            if clause.dep_ != "ccomp":
                continue
            auxes = [c.lower_ for c in clause.children if c.dep_ == "aux"]
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is None or any(c.dep_ == "neg" for c in clause.children):
                continue
            if not any(t.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") for t in subject.subtree):
                continue  # "Myanmar's generals should ...": a party the clause names
            frame = next((self.frames.obligation_markers[a] for a in auxes if a in self.frames.obligation_markers), None)
            if frame is not None:
                return ControlVerb(verb.lemma_.lower(), frame, False, None), clause
        return None

    def _chain(self, verb: Token, inner: Token, consumed: set[int], control: ControlVerb | None = None) -> Predicate | None:
        """ "declined to endorse X", "urged Iran to release Y", "agreed to withdraw"."""
        control = control or self.frames.control_verbs[verb.lemma_.lower()]
        other_subject = inner.dep_ == "ccomp" and any(
            c.dep_ == "nsubj" and c.lower_ not in ("it", "he", "she", "they", "we", "i") for c in inner.children
        )
        if other_subject and (verb.lemma_.lower() in _WISH_VERBS):
            return None  # "she hoped Iran would release them": a wish, no act
        if control.frame == "intent" and (other_subject or any(c.dep_ in ("dobj", "obj") and c.i < inner.i for c in verb.children)):
            if verb.lemma_.lower() not in self.frames.desire_verbs:
                return None  # "vowed that ...", "agreed that ...": no act of the subject's, no appeal
            # "Obama wants Putin to attack": wanting someone else to act is an appeal
            control = replace(control, frame="appeal", object_is_target=True)
        chain = [verb]
        clause = inner  # "demanded that the EU refuse to recognize ...": the EU is addressed
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
            spec = control if ctl.i == verb.i else self.frames.control_verbs[ctl.lemma_.lower()]
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
            return Predicate(inner_match, code, inner, tuple(chain), expand(addressee), (), expand(by[0]) if by else (), False)
        if clause.dep_ == "ccomp" and control.frame in ("appeal", "demand"):  # after the want-rule above
            targets = subjects(clause)  # "demanded that Hamas renounce": Hamas is addressed
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
        return Predicate(inner_match, code, inner, tuple(chain), targets, reciprocal, subjects(verb), False)

    def _noun_predicates(self, sent: SpacySpan, consumed: set[int]) -> list[Predicate]:
        out: list[Predicate] = []
        for tok in sent:
            if not is_noun_candidate(tok) or tok.ent_type_ in ("PERSON", "GPE", "NORP"):
                continue
            match = best_match(tok, self.lexicon, as_noun=True)
            if match is None:
                continue
            if tok.i in consumed and not (match.reciprocal and match.code[:2] in MATERIAL_CONFLICT):
                # the object of a coded verb; but "ending the war between A and B" also
                # states that the war is going on
                continue
            sources = match.sources
            targets = match.targets
            head = tok.head
            if not sources and tok.dep_ in ("dobj", "obj", "nsubjpass") and head.lemma_.lower() in self.support_verbs:
                sources = subjects(head)
            if tok.dep_ in ("dobj", "obj") and head.lemma_.lower() in self.frames.undergo_verbs:
                # "Obama faces pressure from Congress", "the plan drew criticism from Seoul":
                # the subject undergoes the act
                targets = subjects(head)
                givers = prep_objects(head, "from")
                if givers:
                    sources = expand(givers[0])
            out.append(Predicate(match, match.code, tok, (), targets, match.reciprocal, sources, True))
        return out

    def _depth(self, pred: Predicate) -> int:
        """Clause depth of a predicate below the sentence root: subordinate clauses and
        noun phrases count, a clause reported by a speech verb does not ("A said B
        attacked C": the attack is the news)."""
        node = pred.chain[0] if pred.chain else pred.trigger
        depth = 1 if pred.nominal else 0
        for _ in range(12):
            head = node.head
            if head.i == node.i:
                break
            dep = node.dep_
            if dep in ("ccomp", "parataxis") and head.lemma_.lower() in SPEECH_VERBS:
                pass
            elif (dep == "pcomp" and head.lower_ == "by") or (dep == "prep" and node.lower_ == "by" and any(
                c.dep_ == "pcomp" and c.tag_ == "VBG" for c in node.children
            )):
                pass  # "retaliated by expelling": the gerund stands for its verb
            elif dep in ("conj", "cc", "prt", "aux", "neg"):
                pass
            elif dep in ("ccomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "csubj", "pobj", "dobj", "nsubj", "nsubjpass", "prep", "compound", "npadvmod", "attr", "appos", "oprd"):
                depth += 1
            node = head
        return depth

    def _main_predicates(self, preds: list[Predicate]) -> list[Predicate]:
        """Keep the predicates of the main clause (and those coordinated with it); events in
        subordinate clauses and event nouns under a coded verb describe, they do not report.
        Statements (01) never decide: they are kept aside."""
        statements = [p for p in preds if p.code.startswith("01")]
        if statements:
            # an event noun inside a statement is its topic ("expressed sorrow for the shootings")
            spans = [(t.left_edge.i, t.right_edge.i) for t in (p.chain[0] if p.chain else p.trigger for p in statements)]
            preds = [
                p for p in preds
                if not (p.nominal and any(lo <= p.trigger.i <= hi for lo, hi in spans) and not self._standalone(p))
            ]
        substantive = [p for p in preds if not p.code.startswith("01")]
        if len(substantive) <= 1:
            return preds
        depths = {id(p): self._depth(p) for p in substantive}
        best = min(depths.values())
        violent = {p.trigger.i for p in substantive if p.code[:2] in _VIOLENT and depths[id(p)] == best}
        return [
            p for p in preds
            if p.code.startswith("01") or depths[id(p)] == best or (self._standalone(p) and not self._consequence(p, violent))
        ]

    @staticmethod
    def _consequence(pred: Predicate, violent: set[int]) -> bool:
        """ "shelled the town, killing eight people": the killing is the shelling's toll,
        one event, not a second attack."""
        top = pred.chain[0] if pred.chain else pred.trigger
        return pred.code[:2] in _VIOLENT and top.dep_ == "advcl" and top.head.i in violent

    def _standalone(self, pred: Predicate) -> bool:
        """Events that stand on their own below the main clause: a war or fighting named
        between two parties ("the war between Armenia and Azerbaijan"), and a temporal
        clause with its own subject ("... after both sides accused the other")."""
        if pred.nominal:
            return bool(pred.reciprocal) and pred.code[:2] in MATERIAL_CONFLICT
        if pred.match is None and pred.trigger.dep_ == "acl" and pred.trigger.lemma_.lower() in self.frames.broker_verbs:
            return True  # "a ceasefire brokered by Egypt": the broker's own act (see _brokered)
        top = pred.chain[0] if pred.chain else pred.trigger
        if (
            pred.code[:2] in _PARTICIPLE_ACTS and top.dep_ == "advcl" and top.tag_ == "VBG" and top.i > top.head.i
            and not any(c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in top.children)
        ):
            # "... cut ties with Qatar, accusing it of supporting terrorism": a second act
            # of the same subject told in a participle ("demonstrated, calling for reform"
            # states the protest's purpose, not a second act)
            return True
        return top.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in top.children
        ) and any(c.dep_ in ("nsubj", "nsubjpass") for c in top.children)

    def _content_filter(self, nouns: list[Predicate], verbs: list[Predicate]) -> list[Predicate]:
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
            if is_content and pred.code[:2] not in MATERIAL_CONFLICT:
                continue
            kept.append(pred)
        return kept
