"""From a noun phrase in the parse to a CAMEO-style actor.

The text itself comes first: "Russia's Foreign Minister Sergei Lavrov" is RUS (the
possessor) + GOV (the role word "Minister"), no knowledge-base entry needed. The
knowledge base fills what the text leaves open (a bare "Lavrov" on first mention, "the
Kremlin", "Hamas"), by the article's date. Later mentions go through document
coreference. Every actor records how it was resolved in ``Actor.how``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.actors.coreference import (
    PERSON_PRONOUNS,
    PLURAL_PRONOUNS,
    SPEAKER_PRONOUNS,
    THING_PRONOUNS,
    DocumentActors,
)
from eventwire.actors.knowledge import ActorKB, KBEntry
from eventwire.actors.references import ReferenceResolution
from eventwire.actors.roles import RoleReading
from eventwire.actors.scanning import scan_sentence
from eventwire.actors.spans import (
    entity_of,
    phrase_bounds,
    strip_possessive,
)
from eventwire.actors.vocabulary import (
    backed_name,
    load_document_nouns,
    load_institution_nouns,
    load_part_nouns,
    load_phrase_words,
    opposed_modifier,
)
from eventwire.geo.words import admin_units, settlements
from eventwire.records import UNKNOWN_ACTOR_CODE, Actor, Span

_PRONOUNS = PERSON_PRONOUNS | THING_PRONOUNS | PLURAL_PRONOUNS | SPEAKER_PRONOUNS
_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
_RECIPROCAL = frozenset({"other", "each other", "one another", "the other"})
#: role words that hold an office: a person under them is GOV even when the KB says ELI
_OFFICE_ROLES = frozenset({"GOV", "MIL", "LEG", "JUD"})
_KINDS = {"state": "state", "metonym": "state", "igo": "org", "ngo": "org", "group": "org", "person": "person", "user": "org", "role": "role"}

PlaceCountry = Callable[[str], str | None]


class ActorResolver(ReferenceResolution, RoleReading):
    """Resolves argument heads to actors for one document at a time."""

    def __init__(self, kb: ActorKB, place_country: PlaceCountry | None = None) -> None:
        self.kb = kb
        self.place_country = place_country
        self.part_nouns = load_part_nouns()
        self.institution_nouns = load_institution_nouns()
        self.document_nouns = load_document_nouns()
        self.place_nouns = admin_units() | settlements()
        words = load_phrase_words()
        self.other_side, self.people_nouns = words["other_side"], words["people_nouns"]
        self.whereabouts, self.issue_verbs = words["whereabouts"], words["issue_verbs"]
        self._roles_cache: dict[str, object] = {}
        self._lookup_cache: dict[tuple[str, date | None], KBEntry | None] = {}

    def _role_of(self, word: str):  # noqa: ANN202 - RoleWord | None, cached
        try:
            return self._roles_cache[word]
        except KeyError:
            if len(self._roles_cache) > 20_000:
                self._roles_cache.clear()
            found = self._roles_cache[word] = self.kb.role_of(word)
            return found

    def lookup(self, phrase: str, on: date | None) -> KBEntry | None:
        """A cached knowledge-base lookup."""
        return self._lookup(phrase, on)

    def _lookup(self, phrase: str, on: date | None) -> KBEntry | None:
        key = (phrase, on)
        try:
            return self._lookup_cache[key]
        except KeyError:
            if len(self._lookup_cache) > 20_000:
                self._lookup_cache.clear()
            found = self._lookup_cache[key] = self.kb.lookup(phrase, on)
            return found

    # -- public -----------------------------------------------------------------------
    def resolve(self, head: Token, ctx: DocumentActors, on: date | None) -> tuple[Actor, ...]:
        """Actors named by the phrase headed by ``head`` (several for "both sides")."""
        lower = head.lower_
        if head.pos_ == "PRON" or (lower in _PRONOUNS and not head.text.isupper()):
            return self._pronoun(head, ctx)
        group = self._group_reference(head, ctx)
        if group:
            return group
        actor = self.phrase(head, ctx, on)
        if actor is None or not actor.country:
            # "his colleagues on each side", "officials from both countries"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in ("on", "from", "of", "in"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            group = self._group_reference(obj, ctx)
                            if group:
                                roles = actor.roles if actor is not None else ()
                                return tuple(
                                    replace(a, code=(a.country or a.code[:3]) + "".join(roles[:1]), roles=roles or a.roles, text=head.text)
                                    for a in group
                                )
        if actor is None:
            return ()
        return (actor, *self._coordinated(head, actor, on, ctx))

    def _coordinated(self, head: Token, actor: Actor, on: date | None, ctx: DocumentActors | None = None) -> list[Actor]:
        """ "Indian and Chinese commanders", "negotiators from Armenia and Azerbaijan":
        one actor per coordinated country, with the same roles."""
        doc = head.doc
        start, _ = phrase_bounds(head)
        mods = [t for t in doc[start : head.i] if t.conjuncts and t.dep_ in _MODIFIER_DEPS]
        mods += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                 for g in c.children if g.dep_ == "pobj" and g.conjuncts]
        extra: list[Actor] = []
        if any(t.dep_ == "cc" for t in doc[start : head.i]):
            # "Qatari and Egyptian mediators" parsed as two modifiers of the noun
            for other in (t for t in doc[start : head.i] if t.head.i == head.i and t.dep_ in ("amod", "compound") and not t.conjuncts):
                country = self._country_of_word(other, on)
                if country and country != actor.country and all(a.country != country for a in extra):
                    span = Span(other.idx, other.idx + len(other.text), other.text)
                    extra.append(self.placed(Actor("", other.text, span, None, actor.roles, None, ""), country, f"coordinated:{other.text}"))
        for mod in mods:
            for other in mod.conjuncts:
                country = self._country_of_word(other, on)
                if country is None:
                    entry, _ = self._lookup_entity(other, on)
                    country = entry.country if entry is not None and entry.kind in ("state", "metonym") else None
                    if entry is not None and entry.kind in ("group", "igo", "ngo"):
                        # "representatives of Sudan's army and the Rapid Support Forces"
                        span = Span(other.idx, other.idx + len(other.text), other.text)
                        extra.append(Actor(entry.code, other.text, span, entry.country, tuple(entry.roles), entry.name, f"coordinated:{other.text}"))
                        continue
                if country and country != actor.country:
                    span = Span(other.idx, other.idx + len(other.text), other.text)
                    extra.append(self.placed(Actor("", other.text, span, None, actor.roles, None, ""), country, f"coordinated:{other.text}"))
                elif country is None and entry is None and other.pos_ == "NOUN" and ctx is not None:
                    # "the government of El Salvador and the leftist guerrillas of the FMLN":
                    # the parser hangs the second party on the first one's "of"
                    body = self.phrase(other, ctx, on)
                    if body is not None and body.roles and body.roles != actor.roles and body.code[:3] not in ("IGO", "NGO"):
                        extra.append(body if body.country else self.placed(body, actor.country or "---", "+coordinated-country"))
        return extra

    def placed(self, actor: Actor, country: str, how: str) -> Actor:
        """``actor`` given the country the context says it belongs to."""
        code = country + "".join(actor.roles[:1]) + self.kb.ethnic_code(actor.ethnic, country)
        return replace(actor, code=code, country=country, how=actor.how + how)

    def scan(self, sent: SpacySpan, ctx: DocumentActors, on: date | None) -> None:
        """Register the sentence's named actors and lists of actors, in reading order, so
        that later surnames, pronouns and group references can find them."""
        scan_sentence(self, sent, ctx, on)
    def _lookup_entity(self, head: Token, on: date | None) -> tuple[KBEntry | None, SpacySpan | None]:
        entry, ent = self._lookup_entity_tagged(head, on)
        if entry is None and head.pos_ == "PROPN":
            # a long name the model split or mislabelled ("the Former Yugoslav Republic of
            # Macedonia"): the whole capitalised phrase
            doc = head.doc
            lo = head.left_edge.i + (1 if head.left_edge.dep_ == "det" else 0)
            hi = head.right_edge.i + 1
            words = doc[lo:hi]
            if 1 < len(words) <= 8 and lo <= head.i and all(t.text[:1].isupper() or t.lower_ in ("of", "and", "the") for t in words):
                whole = self._lookup(strip_possessive(words.text), on)
                if whole is not None:
                    return whole, words
        return entry, ent

    def _lookup_entity_tagged(self, head: Token, on: date | None) -> tuple[KBEntry | None, SpacySpan | None]:
        ent = entity_of(head)
        if ent is None or ent.label_ not in _NAME_LABELS:
            if head.pos_ != "PROPN":
                return None, None
            # a name the model did not tag ("ILO", "Hamas", "al-Qaeda"): the proper-noun run
            doc = head.doc
            start = head.i
            while start > 0 and (
                (doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ in ("compound", "flat", "nmod"))
                or (doc[start - 1].text == "/" and start > 1 and doc[start - 2].pos_ == "PROPN")  # "SPLM/A"
            ):
                start -= 1
            run = doc[start : head.i + 1]
            entry = self._lookup(strip_possessive(run.text), on)
            if entry is None and len(run) > 1:
                entry = self._lookup(head.text, on)
            if entry is None and len(run) == 1 and head.text[:1].isupper() and not head.text.isupper():
                # an untagged surname ("Merkel said ...")
                entry = self.kb.lookup_person(strip_possessive(head.text), on)
            return entry, (run if entry is not None else None)
        text = strip_possessive(ent.text)
        entry = self._lookup(text, on)
        if entry is None and ent.label_ == "PERSON" and len(ent) == 1:
            # a bare surname ("Putin"): the knowledge base, when the document named nobody so
            entry = self.kb.lookup_person(text, on)
        return entry, ent

    def _modifiers(
        self, head: Token, start: int, ctx: DocumentActors, on: date | None, skip: set[int]
    ) -> tuple[str | None, KBEntry | None, str, str | None]:
        """Country (and organisation) named by the words around the head: a possessor
        ("Russia's"), an adjective ("Turkish"), a name used as a modifier ("U.S.",
        "European Community", "Hamas"), or "of/from/in X" after the head."""
        doc = head.doc
        country: str | None = None
        org: KBEntry | None = None
        how = ""
        pronoun: Token | None = None
        owner_people: str | None = None  # the possessor's people ("the Kurds' leaders")
        i = start
        while i < head.i:
            tok = doc[i]
            if i in skip:
                i += 1
                continue
            if tok.dep_ == "poss" and tok.pos_ == "PRON":
                pronoun = tok  # a last resort, below
                i += 1
                continue
            if tok.dep_ == "poss":
                owner = self.phrase(tok, ctx, on)
                if owner is not None and country is None:
                    if owner.country:
                        country, how, owner_people = owner.country, f"possessor:{tok.text}", owner.ethnic
                    elif owner.code[:3] in ("IGO", "NGO"):
                        org = KBEntry(owner.code, None, (), "igo", owner.name or owner.text, owner.how)
                i = max(i, tok.i) + 1
                continue
            if opposed_modifier(tok) or (tok.i > 0 and doc[tok.i - 1].lower_ == "ethnic") or (
                head.lemma_.lower() in self.people_nouns and self.kb.ethnic_group(tok.text) is not None
            ):
                i += 1
                continue  # "anti-Syria journalist"; "ethnic Albanian guerrillas" are no Albanian state
            ent = entity_of(tok)
            if ent is not None and ent.label_ in _NAME_LABELS and ent.root.i != head.i:
                if backed_name(ent):
                    i = max(i + 1, ent.end)
                    continue  # "Al-Qaeda-linked rebels" are not al-Qaeda
                entry = self._lookup(strip_possessive(ent.text), on)
                if entry is not None:
                    if entry.kind in ("state", "metonym") and entry.country and country is None:
                        country, how = entry.country, f"modifier:{ent.text}"
                    elif entry.kind in ("igo", "ngo", "group", "user") and org is None:
                        org = entry
                    i = max(i + 1, ent.end)
                    continue
            if country is None:
                found = self._country_of_word(tok, on)
                if found:
                    country, how = found, f"modifier:{tok.text}"
            i += 1
        if country is None and org is None and pronoun is not None and head.lemma_.lower() not in self.other_side and (
            self._role_of(head.lemma_.lower()) or self._role_of(head.lower_)
        ):
            # "Bosnian Serbs said their forces ...": the referent owns a role ("its labour
            # market" is no actor, "his Irish counterpart" is the other side's)
            owner = next(iter(self._pronoun(pronoun, ctx)), None)
            if owner is not None and owner.country:
                return owner.country, None, f"possessor:{pronoun.text}", owner.ethnic
        if country is None and org is None:
            # "of/from/in/for X", and where they are: "guerrillas operating in Macedonia"
            preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from", "in", "for")]
            preps += [c for a in head.children if a.dep_ == "acl" and a.lemma_.lower() in self.whereabouts
                      for c in a.children if c.dep_ == "prep" and c.lower_ in ("in", "inside")]
            for obj in (g for c in preps for g in c.children if g.dep_ == "pobj"):
                if obj.i in skip:
                    continue
                entry, ent = self._lookup_entity(obj, on)
                if entry is not None and entry.country and entry.kind in ("state", "metonym"):
                    return entry.country, None, f"of:{obj.text}", None
                if entry is not None and entry.kind in ("igo", "ngo", "group"):
                    return entry.country, entry, f"of:{obj.text}", None
                if entry is None and ent is not None and ent.label_ in ("GPE", "LOC") and self.place_country:
                    place = self.place_country(strip_possessive(ent.text))
                    if place:
                        return place, None, f"of-place:{ent.text}", None
                if entry is None and obj.pos_ == "NOUN" and obj.lemma_.lower() in self.place_nouns and self.place_country:
                    # "a village in the Kherson region", whatever the model tagged "Kherson"
                    words = [t for t in obj.doc[obj.left_edge.i : obj.i + 1] if t.dep_ != "det"]
                    place = self.place_country(" ".join(t.text for t in words)) if len(words) > 1 else None
                    if place:
                        return place, None, f"of-place:{' '.join(t.text for t in words)}", None
                if entry is None and obj.pos_ == "NOUN":
                    # "the mayor of the West Bank city of Nablus": one more "of"
                    inner = self._modifiers(obj, obj.left_edge.i, ctx, on, skip)
                    if inner[0] or inner[1]:
                        return inner
        return country, org, how, owner_people

    def _owner(self, head: Token, ctx: DocumentActors, on: date | None) -> Actor | None:
        if head.pos_ != "NOUN":
            return None
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN"):
                        return self.phrase(g, ctx, on)
        return None

    def _issuer(self, head: Token, ctx: DocumentActors, on: date | None) -> Actor | None:
        """An unsigned document speaks for where it was issued: "a report released in the
        Rwandan capital", "a statement issued in Tehran"."""
        if head.lemma_.lower() not in self.document_nouns:
            return None
        for verb in head.children:
            if verb.dep_ == "acl" and verb.lemma_.lower() in self.issue_verbs:
                for prep in verb.children:
                    if prep.dep_ == "prep" and prep.lower_ == "in":
                        for place in prep.children:
                            # only a capital stands for the state ("in the Rwandan capital",
                            # "in Kigali"); a report released in Geneva or New York is the UN's
                            # or an NGO's as often as the host's
                            if place.dep_ == "pobj" and (place.lemma_.lower() == "capital" or self._is_capital(place, on)):
                                found = self.phrase(place, ctx, on)
                                if found is not None and found.country and found.code[:3] == found.country:
                                    return replace(found, roles=(), code=found.country)
        return None

    def _is_capital(self, token: Token, on: date | None) -> bool:
        entry, _ = self._lookup_entity(token, on)
        return entry is not None and entry.kind == "metonym" and entry.roles == ()

    def _body(self, head: Token, ctx: DocumentActors, on: date | None) -> Actor | None:
        """The body a part noun belongs to: "a spokeswoman for the Foreign Ministry"."""
        if head.lemma_.lower() not in self.part_nouns:
            return None
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "from"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        return self.phrase(g, ctx, on)
        return None

    def phrase(self, head: Token, ctx: DocumentActors, on: date | None) -> Actor | None:
        doc = head.doc
        start, end = phrase_bounds(head)
        text = doc[start:end].text
        span = Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), text)
        entry, ent = self._lookup_entity(head, on)
        if entry is None:
            # an appositive or a parenthesis names it: "the forum (APEC)", "Lavrov, Russia's minister"
            for child in head.children:
                if child.dep_ == "appos":
                    entry, _ = self._lookup_entity(child, on)
                    if entry is not None:
                        break
        if entry is None and ent is not None and len(ent) > 1 and ent.label_ in ("NORP", "GPE", "PERSON"):
            # "Bosnian Serbs": the head word alone names a people; the modifier decides the state
            head_entry = self._lookup(strip_possessive(head.text), on)
            if head_entry is not None and head_entry.kind == "state":
                entry, ent = head_entry, head.doc[head.i : head.i + 1]
        skip: set[int] = set(range(ent.start, ent.end)) if ent is not None else set()
        country, org, how, owner_people = self._modifiers(head, start, ctx, on, skip)
        people_of_modifier: str | None = None
        if entry is not None and entry.kind == "state" and ent is not None and len(ent) > 1 and ent[0].i != head.i:
            # a state's demonym with a people in it: "Greek Cypriots" (Cyprus), CYP + GRE
            group = self.kb.ethnic_group(ent[0].text)
            if group is not None and self.kb.ethnic_code(group.code, entry.country):
                people_of_modifier = group.code
        if (entry is not None and entry.kind == "state" and country and country != entry.country
                and how.startswith("modifier:") and self.kb.ethnic_group(head.text) is None):
            # "Greek Cypriots", "Chinese Indonesians": a people of the head's state; "Bosnian
            # Serbs" (the head a people itself) are Serbs living in Bosnia
            group = self.kb.ethnic_group(how.split(":", 1)[1])
            if group is not None:
                country, how, people_of_modifier = entry.country, f"people-of:{how.split(':', 1)[1]}", group.code
        if country is None and entry is None and ent is not None and ent.label_ == "ORG":
            # a body named after its state: "the Ukrainian navy", "Malaysia Airlines" (whose
            # company word makes it BUS, see _roles)
            country = next((c for t in ent if t.i != head.i and (c := self._country_of_word(t, on))), None)
            how = f"org-name:{ent.text}" if country else how
        appos_roles: tuple[str, ...] = ()
        if entry is None and country is None and ent is not None and ent.label_ == "PERSON":
            # "Salaheddine Sidhoum, Algeria's leading human rights activist"
            for child in head.children:
                if child.dep_ == "appos":
                    described = self.phrase(child, ctx, on)
                    if described is not None and described.country:
                        country, how = described.country, f"appos:{child.text}"
                        appos_roles = described.roles
                        break
        if any(t.lower_ == "ethnic" for t in doc[start : head.i]):
            # "ethnic Albanians in Macedonia", "ethnic Serb militias": a people, not a state;
            # their country is where they live (the place named, else the context)
            if entry is not None and entry.kind == "state":
                entry = None
            if how.startswith("modifier:"):
                country, how = None, "ethnic"
        # the words of a state's name are no role words ("the Former Yugoslav Republic");
        # a person's title inside the name is ("Archbishop Oscar Romero")
        state_name = skip if entry is not None and entry.kind == "state" else set()
        roles, former = self._roles(head, start, head.i + 1, state_name)
        if not roles:
            roles = appos_roles
        people = people_of_modifier or (self._people_named(head, start, state_name) if entry is None or entry.kind == "state" else None)
        if people is None and entry is None:
            people = owner_people  # "Bosnian Serbs said their forces had withdrawn": the owner's people
        if people and not roles and country and self.kb.ethnic_code(people, country) and self.kb.ethnic_group(head.text):
            roles = ("CVL",)  # "the Albanians of southern Serbia": a people outside its home state
        if not roles and self._people(head, entry):
            roles = ("CVL",)
        body = self._body(head, ctx, on) if entry is None else None
        if body is None and entry is None and country is None and not roles and org is None:
            # "positions of the Palestinian security forces": the phrase names its owner
            body = self._owner(head, ctx, on) or self._issuer(head, ctx, on)
        if body is not None:
            if body.code[:3] in ("IGO", "NGO") and country is None:
                org = KBEntry(body.code, body.country, body.roles, "igo", body.name or body.text, body.how)
            else:
                country = country or body.country
                roles = body.roles or roles
                how = how or f"body:{body.text}"
        name = ent.text if ent is not None and ent.label_ == "PERSON" else None
        if entry is None and (name or head.pos_ == "PROPN"):
            # a surname met before in full, whatever the model labels it now
            known = (ctx.by_name(ent.text) if ent is not None else None) or ctx.by_name(head.text)
            if known is not None:
                return replace(known, text=text, span=span, how=f"coref:name->{known.name}")
        if entry is None and country is None and self.place_country and (
            head.pos_ == "PROPN" or (ent is not None and ent.label_ in ("GPE", "LOC"))  # "Montenegro province"
        ):
            # a place not in the actor KB ("Idlib", "Kirkuk") stands for its country; the
            # small model often tags unfamiliar towns as people or organisations ("pounded
            # Rafah"), so an object that is no known person is tried as a place too
            if ent is not None and ent.label_ in ("GPE", "LOC"):
                place_name = ent.text
            elif head.dep_ in ("dobj", "pobj", "nsubjpass", "conj", "poss") and not ctx.by_name(head.text) and (
                ent is None or (ent.label_ in ("PERSON", "ORG", "FAC") and len(ent) <= 2)
            ):
                place_name = ent.text if ent is not None else head.text
            else:
                place_name = None
            place = self.place_country(strip_possessive(place_name)) if place_name else None
            if place:
                country, how = place, f"place:{place_name}"
                name = None
        if entry is None and org is not None and country is None:
            # "European Community foreign ministers", "Hamas fighters", "NATO troops"
            entry, how = org, f"modifier-org:{org.name}"
        primary: str | None = None
        if entry is not None:
            kind = _KINDS.get(entry.kind, "org")
            if kind == "person":
                name = entry.name
            e_roles = tuple(entry.roles)
            if country is None or country == entry.country:
                country = entry.country
                how = how or f"kb:{entry.kind}:{entry.name} ({entry.source.split(':', 1)[0]})"
                if entry.kind in ("igo", "ngo", "group", "user") or entry.code[:3] in ("IGO", "NGO"):
                    primary = entry.code  # also a person who leads an IGO ("NATO's Stoltenberg")
            else:
                how = f"pattern:{how}+kb:{entry.name}"
            if kind == "person" and "ELI" in e_roles and not former:
                if not (roles and roles[0] in _OFFICE_ROLES):
                    roles = e_roles  # out of office at the article date ...
                # ... unless the text gives the office: "King Hassan", "President Mubarak"
            elif not roles or kind == "person":
                roles = e_roles or roles
        else:
            if country is None and not roles:
                return None
            kind = "person" if name else ("role" if roles else "state")
            if kind == "role" and head.tag_ == "NN" and head.lemma_.lower() in self.institution_nouns:
                kind = "org"  # "the interim government ... it"
            how = f"pattern:{how or 'role'}" + (f"+role:{'/'.join(roles)}" if roles else "")
            if country is None and roles and any(c.lower_ == "the" for c in head.lefts):
                # a definite description ("the minister", "the army") refers back
                ref = ctx.definite(roles[0], head.idx, head.lemma_.lower())
                if ref is not None:
                    return replace(ref, text=text, span=span, how=f"coref:definite->{ref.name or ref.text}")
        if former and "ELI" not in roles:
            roles = ("ELI",)
        if primary is not None:
            code = primary
        else:
            code = (country or UNKNOWN_ACTOR_CODE) + "".join(roles[:1])
        if code == UNKNOWN_ACTOR_CODE:
            return None
        if primary is None and roles and self.kb.ethnic_code(people, country):  # country + sector + people
            code += people
            how += f"+ethnic:{people}"
        plural = head.tag_ in ("NNS", "NNPS")
        actor = Actor(code, text, span, country, tuple(roles[:1]), name, how, people if primary is None else None)
        ctx.register(actor, head.idx, kind=kind, plural=plural)
        return actor

    @staticmethod
    def is_reciprocal_word(head: Token) -> bool:
        phrase = " ".join(t.lower_ for t in head.subtree)
        return phrase in _RECIPROCAL or head.lower_ == "other"
