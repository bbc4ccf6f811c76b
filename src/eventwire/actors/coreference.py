"""Document coreference: who "Lavrov", "he", "the minister" and "both sides" are.

Actors are registered in reading order as the coder meets them; a later mention is
resolved against what came before it:

- surnames and first names of persons named in full earlier ("Lavrov", "Putin");
- pronouns to the most recent compatible actor: he/she/his/her to a person, it/its to a
  state or organisation, they/them/their to a group or a plural/collective actor, we/our
  to the speaker's side;
- definite descriptions ("the minister", "the ministry", "the army") to the most recent
  actor with that role;
- group references ("both sides", "the two countries", "the three") to the most recent
  list of that many actors named together.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from eventwire.records import Actor

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
SPEAKER_PRONOUNS = frozenset({"we", "us", "our", "ourselves"})
NUMBER_WORDS = {"both": 2, "each": 2, "two": 2, "three": 3, "four": 4, "five": 5}
#: group nouns that mean the parties to a conflict ("both sides", "the warring parties")
CONFLICT_GROUP_NOUNS = frozenset({"side", "party", "belligerent", "foe", "rival", "enemy", "adversary"})
GROUP_NOUNS = frozenset({"side", "country", "nation", "party", "state", "government", "neighbour", "neighbor", "foe", "rival", "enemy", "ally", "leader", "power", "capital"})


@dataclass(slots=True)
class _Mention:
    pos: int
    actor: Actor
    kind: str  # person, state, org, group, role
    plural: bool


@dataclass(slots=True)
class DocumentActors:
    """Actors met so far in one document, in reading order."""

    mentions: list[_Mention] = field(default_factory=list)
    names: dict[str, Actor] = field(default_factory=dict)  # surname / first name -> person
    groups: list[tuple[int, tuple[Actor, ...], bool]] = field(default_factory=list)

    def register(self, actor: Actor, pos: int, *, kind: str, plural: bool = False) -> None:
        if not actor.known:
            return
        self.mentions.append(_Mention(pos, actor, kind, plural))
        if kind == "person" and actor.name:
            parts = [p for p in actor.name.replace(".", " ").split() if p[:1].isupper()]
            if len(parts) >= 2:
                self.names.setdefault(parts[-1].lower(), actor)
                self.names.setdefault(" ".join(parts[-2:]).lower(), actor)

    def register_group(self, actors: tuple[Actor, ...], pos: int, *, between: bool = False) -> None:
        """A list of actors named together; ``between``: the parties of "between A and B"."""
        known = tuple(a for a in actors if a.known)
        if len(known) >= 2:
            self.groups.append((pos, known, between))

    def dominant_country(self, exclude: str | None = None) -> str | None:
        """The country named most often so far (ties: the earliest), ``exclude`` aside."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            c = m.actor.country
            if c and c != exclude and m.actor.code[:3] not in ("IGO", "NGO"):
                counts[c] = counts.get(c, 0) + 1
        return max(counts, key=lambda k: counts[k]) if counts else None

    def by_name(self, name: str) -> Actor | None:
        return self.names.get(name.lower())

    def _latest(self, pos: int, kinds: tuple[str, ...], *, plural: bool | None = None) -> Actor | None:
        for m in reversed(self.mentions):
            if m.pos >= pos:
                continue
            if m.kind in kinds and (plural is None or m.plural == plural):
                return m.actor
        return None

    def pronoun(self, word: str, pos: int) -> tuple[Actor, ...]:
        word = word.lower()
        if word in PERSON_PRONOUNS:
            found = self._latest(pos, ("person",))
        elif word in THING_PRONOUNS:
            found = self._latest(pos, ("state", "org"))
        elif word in PLURAL_PRONOUNS:
            group = self.group(pos, None)
            if group and self._group_is_recent(pos):
                return group
            found = self._latest(pos, ("role", "org", "state"), plural=True) or self._latest(pos, ("state", "org"))
        elif word in SPEAKER_PRONOUNS:
            found = self._latest(pos, ("person", "state", "org"))
            if found is not None and found.country:
                found = replace(found, code=found.country + ("GOV" if "GOV" in found.roles else ""))
        else:
            found = None
        return (found,) if found is not None else ()

    def _group_is_recent(self, pos: int) -> bool:
        if not self.groups:
            return False
        gpos = self.groups[-1][0]
        return not any(gpos < m.pos < pos for m in self.mentions if m.plural)

    def definite(self, role: str, pos: int, word: str | None = None) -> Actor | None:
        """ "the minister": the latest actor named with that word, else with that role."""
        if word:
            for m in reversed(self.mentions):
                if m.pos < pos and word in m.actor.text.lower() and role in m.actor.roles:
                    return m.actor
        for m in reversed(self.mentions):
            if m.pos < pos and role in m.actor.roles:
                return m.actor
        return None

    def group(self, pos: int, size: int | None, *, parties: bool = False) -> tuple[Actor, ...]:
        """The latest group of ``size`` named before ``pos``; ``parties``: prefer the parties
        of a "between A and B" (for "both sides", "the warring parties")."""
        if parties:
            for gpos, actors, between in reversed(self.groups):
                if between and gpos < pos and (size is None or len(actors) == size):
                    return actors
        for gpos, actors, _ in reversed(self.groups):
            if gpos < pos and (size is None or len(actors) == size):
                return actors
        return ()
