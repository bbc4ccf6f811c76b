"""From a predicate's argument heads to (source, target) actor pairs: conjunctions,
reciprocity, mutual and converse actions, targets further down the clause, the country
of actors the text names only by their role, unidentified attackers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.tokens import Token

from eventwire.actors.coreference import DocumentActors
from eventwire.actors.resolve import ActorResolver
from eventwire.actors.spans import entity_of, sentence_entities
from eventwire.extract.finder import Predicate
from eventwire.extract.frames import Frames
from eventwire.extract.lexicon import Lexicon
from eventwire.extract.predicates import best_match, noun_sources, prep_objects
from eventwire.records import UNKNOWN_ACTOR_CODE, Actor

UNKNOWN = Actor(UNKNOWN_ACTOR_CODE, "", None)
_OFFICIAL_ROLES = frozenset({"GOV", "MIL"})
_RESOLVED = "eventwire_resolved_heads"
_LOCATIVE_PREPS = frozenset({"in", "near", "at", "across", "outside", "inside", "around", "throughout"})


class ActorPairer:
    def __init__(self, frames: Frames, resolver: ActorResolver, lexicon: Lexicon) -> None:
        self.frames = frames
        self.lexicon = lexicon
        self.resolver = resolver
        self.content_nouns = frames.content_nouns

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
                found = [a for author in noun_sources(head) for a in self.resolver.resolve(author, ctx, on)]
                actors.extend(found)
                if not found and head.lemma_.lower() in self.resolver.document_nouns:
                    # "a report released in the Rwandan capital": an unsigned document
                    # speaks for where it was issued
                    actors.extend(self._resolve(head, ctx, on))
                continue
            if head.dep_ in ("amod", "compound", "nmod"):
                # a modifier stands for an actor only when it names one ("U.S. strikes",
                # "Turkish proposal"), not a role word ("military aid")
                actors.extend(a for a in self.resolver.resolve(head, ctx, on) if a.country or a.code[:3] in ("IGO", "NGO"))
                continue
            actors.extend(self._resolve(head, ctx, on))
        # "Israeli helicopters and tanks": a conjunct without a country shares the first's
        first = next((a for a in actors if a.country), None)
        if first is not None and not opposed:
            actors = [
                self.resolver.placed(a, first.country, "+conjunct-country")
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

    def _resolve(self, head: Token, ctx: DocumentActors, on: date | None) -> tuple[Actor, ...]:
        """``resolver.resolve``, once per head and document: predicates of one sentence share
        their subjects and objects."""
        cache = head.doc.user_data.setdefault(_RESOLVED, {})
        key = (head.i, on, id(ctx))
        if key not in cache:
            cache[key] = self.resolver.resolve(head, ctx, on)
        return cache[key]

    def deep_targets(self, pred: Predicate, top: Token, source: Actor, code: str, ctx: DocumentActors, on: date | None) -> list[Actor]:
        """No target in the predicate's own arguments: the first other actor named later in
        its clause, with the actors coordinated with it ("agreed to provide aid for Romania
        and Poland", "blocked roads in Algiers"); a name that modifies a noun stands for
        the whole phrase ("computers of South Korean army officers" -> KORMIL). A protest
        with no named target is directed at the source's own government."""
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
            found = [a for a in self._entity_actors(ent.root, ctx, on) if a.known and a.code != source.code]
            if found:
                return [replace(a, how=a.how + "+clause-target") for a in found]
        if code[:2] == "14" and source.country and source.code[:3] not in ("IGO", "NGO"):
            return [Actor(source.country + "GOV", "", None, source.country, ("GOV",), None, "protest-default:own-government")]
        return [UNKNOWN]

    def _entity_actors(self, root: Token, ctx: DocumentActors, on: date | None) -> list[Actor]:
        """The actors a name found down the clause stands for: the noun phrase it modifies
        when that phrase resolves to the same country with a role, and its conjuncts."""
        own = list(self.resolver.resolve(root, ctx, on))
        head = root.head
        if root.dep_ in ("amod", "compound", "nmod") and head.pos_ == "NOUN" and head.i > root.i and own:
            wider = [a for a in self.resolver.resolve(head, ctx, on) if a.roles]
            if wider and {a.country for a in wider} <= {a.country for a in own} | {None}:
                own = wider
        seen = {a.code for a in own}
        for conj in root.conjuncts if root.dep_ not in ("amod", "compound", "nmod") else ():
            for actor in self.resolver.resolve(conj, ctx, on):
                if actor.known and actor.code not in seen:
                    seen.add(actor.code)
                    own.append(actor)
        return own

    def _under_locative(self, tok: Token, top: Token) -> bool:
        """Is ``tok`` inside a locative phrase of the clause ("in eastern Beirut", "outside
        of the Iraqi city of Basra", "near the town of Samarra")? "killed in Israeli
        shelling" names a cause, not a place."""
        node = tok
        for _ in range(6):
            if node.i == top.i or node.head.i == node.i:
                return False
            if node.dep_ in ("pobj", "prep") and node.head.lower_ in _LOCATIVE_PREPS:
                # "in X", and "outside of X"
                return not (node.pos_ == "NOUN" and best_match(node, self.lexicon, as_noun=True) is not None)
            if node.dep_ not in ("pobj", "prep", "compound", "amod", "appos", "nmod"):
                return False
            node = node.head
        return False

    def locative_country(self, top: Token, on: date | None) -> str | None:
        """The country of a place the clause says the action happened in ("in Somalia");
        a named place before an adjective ("in Israeli tank fire in the Gaza Strip")."""
        found = [
            tok for tok in top.subtree
            if tok.ent_type_ in ("GPE", "LOC", "NORP") and tok.dep_ in ("pobj", "compound", "amod") and self._under_locative(tok, top)
        ]
        for tok in sorted(found, key=lambda t: t.ent_type_ == "NORP"):
            ent = entity_of(tok)
            name = ent.text if ent is not None else tok.text
            entry = self.resolver.lookup(name, on)
            if entry is not None and entry.country and entry.kind in ("state", "metonym"):
                return entry.country
            if self.resolver.place_country is not None:
                country = self.resolver.place_country(name)
                if country:
                    return country
        return None

    @staticmethod
    def unidentified(source: Actor, where: Callable[[], str | None]) -> Actor:
        """Violence with no named perpetrator ("were killed by a roadside bomb outside
        Basra") is coded to unidentified armed forces of the place (CAMEO UAF)."""
        if source.known:
            return source
        country = where()
        if not country:
            return source
        return Actor(country + "UAF", "", None, country, ("UAF",), None, f"unidentified-attacker:{country}")

    def domestic(
        self,
        source: Actor, target: Actor, ctx: DocumentActors, where: Callable[[], str | None], *, borrow: bool = True
    ) -> tuple[Actor, Actor]:
        """A role without a country ("protesters", "rebels", "city authorities") belongs to
        the country where the clause places the action, else to the other actor's country
        (not a mediator's: ``borrow=False``), else to the country the document is about."""

        def fill(actor: Actor, other: Actor) -> Actor:
            if actor.country or not actor.roles or not actor.code.startswith(UNKNOWN_ACTOR_CODE):
                return actor  # a state's, or an organisation's ("al-Qaeda leaders")
            here = where()
            if here:
                country = here
            elif borrow and other.country and other.code[:3] not in ("IGO", "NGO") and actor.roles[0] not in _OFFICIAL_ROLES:
                # protesters, police, courts, rebels: the other side's compatriots; a
                # government or an army acts abroad too, so it is not guessed from its target
                country = other.country
            else:
                country = ctx.dominant_country(exclude=None if borrow else other.country)
            if not country:
                return actor
            return self.resolver.placed(actor, country, f"+country-from-context:{country}")

        return fill(source, target), fill(target, source)

    def with_converse(self, code: str, pairs: list[tuple[Actor, Actor]], *, mutual: bool = False) -> list[tuple[Actor, Actor, str]]:
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

    def pairs(self, pred: Predicate, ctx: DocumentActors, on: date | None) -> list[tuple[Actor, Actor]]:
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
            sources = [UNKNOWN]
        if not targets:
            targets = [UNKNOWN]
        return [(s, t) for s in sources for t in targets]

    @staticmethod
    def _symmetric(pred: Predicate) -> bool:
        """Predicates whose plural subject acts on itself ("A and B agreed/met/clashed");
        not mediation, which two mediators do for others."""
        code = pred.code
        if pred.chain and pred.match is not None and any(t.lemma_.lower() == "fail" for t in pred.chain):
            code = pred.match.code  # "A and B failed to agree": as mutual as agreeing
        if code in ("045", "039", "028", "108", "126", "165"):
            return False
        return code[:2] in ("03", "04", "05", "06", "19") or code in ("0871", "057")
