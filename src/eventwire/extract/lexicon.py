"""The CAMEO predicate lexicon: verb and event-noun patterns indexed by head lemma.

Data: ``data/lexicon/NN_<root>.yaml``, one file per CAMEO root (01-20). Each file is a
list of entries ``{code, verbs, nouns, note}``; every pattern is one string of
space-separated tokens whose first token is the head lemma (spaCy lemma, lower case):

``lemma``        head verb (``verbs``) or head noun (``nouns``); a bare verb's target is
                 its direct object.
``+prt``         phrasal particle (dep ``prt``): ``crack +down >on``.
``[a|b]``        light-verb object lemmas ("hold talks", "impose sanctions"); the object is
                 part of the predicate, the target comes from ``>prep`` (on the verb or on
                 that object), never from the object itself.
``!obj:a|b``     the direct object must be one of a|b; it stays the target. The
                 pseudo-lemma ``placename`` accepts a named place (a GPE/LOC proper noun:
                 "seized Mosul").
``>prep``        target = object of this preposition ("meet >with").
``<>prep``       reciprocal: the conjoined objects of the preposition are both source and
                 target ("fighting <>between").
``@prep:a|b``    a prepositional phrase with this preposition whose object (pobj, or pcomp
                 for gerunds: "accused of spying" -> ``spy``) is one of a|b must be
                 present; ``@prep:*`` accepts any object. Several may be given.
``~a|b``         a modifier lemma must be present (dep in :data:`MODIFIER_DEPS`): on the
                 object for patterns with ``[..]``/``!obj``, else on the head itself
                 ("strike ~air" = air strike, "aid ~humanitarian", "fire ~test" =
                 test-fired, "assault ~sexually").

Multi-word heads do not exist: use objects, qualifiers or modifiers instead. A pattern
identical to another one (same head and constraints) is an error, whatever the codes.
Matching semantics used by the data (implemented by ``extract.predicates``): all
constraints (particle, objects, object constraint, qualifiers, modifiers) must hold; a
pattern without a particle matches only verbs without one; ``>prep``/``<>prep`` only say
where the target is (a found target ranks a match higher) and do not count in
:attr:`Pattern.specificity`. Where a prepositional reading competes with another code
("call >on" 020 vs "call"), the data writes ``>on @on:*`` so the preposition is required.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, Protocol

import yaml

from eventwire.errors import ResourceError

PLACE_NAME = "placename"
"""Pseudo-lemma for ``!obj:``: the object is a named place ("captured Aleppo")."""

MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "advmod", "acomp", "oprd"})
"""Dependency labels whose child lemmas count as modifiers for ``~a|b``."""

_PACKAGED = re.compile(r"^(\d\d)_[a-z_]+\.yaml$")
_LEMMA = re.compile(r"^[a-z][a-z0-9]*$")
_KEYS = frozenset({"code", "verbs", "nouns", "note"})

Kind = Literal["verb", "noun"]


class _Node(Protocol):
    """What :meth:`Pattern.modifiers_hold` needs of a parse token (a spaCy ``Token``)."""

    @property
    def children(self) -> Iterable[_Node]: ...

    @property
    def dep_(self) -> str: ...

    @property
    def lemma_(self) -> str: ...


Qualifier = tuple[str, frozenset[str] | None]


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    kind: Kind
    head: str
    particle: str | None
    objects: frozenset[str] | None
    object_constraint: frozenset[str] | None
    target_prep: str | None
    reciprocal_prep: str | None
    qualifiers: tuple[Qualifier, ...]
    source: str
    modifiers: frozenset[str] | None = None

    @property
    def specificity(self) -> int:
        """More constraints = higher: particle 1, objects 2, object constraint 2,
        modifiers 2, each qualifier 2 (1 for ``@prep:*``). Target prepositions do not
        count: they locate the target, they do not restrict the match."""
        score = 1 if self.particle else 0
        score += 2 if self.objects is not None else 0
        score += 2 if self.object_constraint is not None else 0
        score += 2 if self.modifiers is not None else 0
        score += sum(1 if lemmas is None else 2 for _, lemmas in self.qualifiers)
        return score

    @property
    def modifier_on_object(self) -> bool:
        """True when ``~a|b`` applies to the direct object rather than to the head."""
        return self.kind == "verb" and (self.objects is not None or self.object_constraint is not None)

    def accepts_modifiers(self, lemmas: Iterable[str]) -> bool:
        """Whether the modifier lemmas found in the parse satisfy ``~a|b`` (always true
        for a pattern without one). Pass the lower-cased lemmas of the children of the
        head (or of the object, see :attr:`modifier_on_object`) whose dep is in
        :data:`MODIFIER_DEPS`."""
        if self.modifiers is None:
            return True
        return any(lemma in self.modifiers for lemma in lemmas)

    def modifiers_hold(self, head: _Node, obj: _Node | None) -> bool:
        """``~a|b`` checked on a parse: ``head`` is the trigger token, ``obj`` its direct
        object (or None). Works on spaCy tokens (uses ``children``, ``dep_``, ``lemma_``)."""
        if self.modifiers is None:
            return True
        anchor = obj if self.modifier_on_object else head
        if anchor is None:
            return False
        return self.accepts_modifiers(c.lemma_.lower() for c in anchor.children if c.dep_ in MODIFIER_DEPS)

    @property
    def key(self) -> tuple[object, ...]:
        """Identity of the pattern without its code and source (for duplicate checks)."""
        return (self.kind, self.head, self.particle, self.objects, self.object_constraint, self.target_prep,
                self.reciprocal_prep, frozenset(self.qualifiers), self.modifiers)

    def __str__(self) -> str:
        parts = [self.head]
        if self.particle:
            parts.append(f"+{self.particle}")
        if self.objects is not None:
            parts.append("[" + "|".join(sorted(self.objects)) + "]")
        if self.object_constraint is not None:
            parts.append("!obj:" + "|".join(sorted(self.object_constraint)))
        if self.modifiers is not None:
            parts.append("~" + "|".join(sorted(self.modifiers)))
        if self.target_prep:
            parts.append(f">{self.target_prep}")
        if self.reciprocal_prep:
            parts.append(f"<>{self.reciprocal_prep}")
        for prep, lemmas in self.qualifiers:
            parts.append(f"@{prep}:" + ("*" if lemmas is None else "|".join(sorted(lemmas))))
        return " ".join(parts)


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    all_patterns: tuple[Pattern, ...]

    def verb_patterns(self, lemma: str) -> tuple[Pattern, ...]:
        return self.verbs.get(lemma.lower(), ())

    def noun_patterns(self, lemma: str) -> tuple[Pattern, ...]:
        return self.nouns.get(lemma.lower(), ())

    def light_objects(self) -> frozenset[str]:
        """Every object lemma used in ``[..]`` (so the extractor can spot them fast)."""
        return frozenset(o for p in self.all_patterns if p.objects is not None for o in p.objects)

    def codes(self) -> frozenset[str]:
        return frozenset(p.code for p in self.all_patterns)

    def patterns(self) -> tuple[Pattern, ...]:
        return self.all_patterns

    def __len__(self) -> int:
        return len(self.all_patterns)


# -- parsing ----------------------------------------------------------------------------


def _fail(source: str, message: str) -> ResourceError:
    return ResourceError(f"{source}: {message}")


def _lemma(text: str, source: str, what: str, pattern: str) -> str:
    if not _LEMMA.match(text):
        hint = " (multi-word lemmas are not allowed)" if any(c in text for c in "_- ") else ""
        raise _fail(source, f"bad {what} {text!r} in pattern {pattern!r}: use one lower-case spaCy lemma{hint}")
    return text


def _alternatives(text: str, source: str, what: str, pattern: str) -> frozenset[str]:
    items = text.split("|")
    if not text or any(not i for i in items):
        raise _fail(source, f"empty alternative in {what} of pattern {pattern!r}")
    return frozenset(_lemma(i, source, what, pattern) for i in items)


def parse_pattern(text: str, *, code: str, kind: Kind, source: str) -> Pattern:
    """Parse one pattern string; raise :class:`ResourceError` naming ``source`` if malformed."""
    tokens = text.split()
    if not tokens:
        raise _fail(source, "empty pattern")
    head = _lemma(tokens[0], source, "head lemma", text)
    particle = target = reciprocal = None
    objects = constraint = modifiers = None
    qualifiers: list[Qualifier] = []

    def once(current: object, what: str) -> None:
        if current is not None:
            raise _fail(source, f"{what} given twice in pattern {text!r}")

    for tok in tokens[1:]:
        if tok.startswith("+"):
            once(particle, "particle")
            particle = _lemma(tok[1:], source, "particle", text)
        elif tok.startswith("[") and tok.endswith("]"):
            once(objects, "object list [..]")
            objects = _alternatives(tok[1:-1], source, "object list", text)
        elif tok.startswith("!obj:"):
            once(constraint, "!obj: constraint")
            constraint = _alternatives(tok[5:], source, "!obj: constraint", text)
        elif tok.startswith("<>"):
            once(reciprocal, "reciprocal preposition")
            reciprocal = _lemma(tok[2:], source, "preposition", text)
        elif tok.startswith(">"):
            once(target, "target preposition")
            target = _lemma(tok[1:], source, "preposition", text)
        elif tok.startswith("~"):
            once(modifiers, "modifier list ~")
            modifiers = _alternatives(tok[1:], source, "modifier list", text)
        elif tok.startswith("@"):
            prep, sep, rest = tok[1:].partition(":")
            if not sep:
                raise _fail(source, f"qualifier {tok!r} needs the form @prep:a|b or @prep:* in pattern {text!r}")
            prep = _lemma(prep, source, "qualifier preposition", text)
            if any(p == prep for p, _ in qualifiers):
                raise _fail(source, f"qualifier @{prep}: given twice in pattern {text!r}; merge the alternatives")
            qualifiers.append((prep, None if rest == "*" else _alternatives(rest, source, "qualifier", text)))
        else:
            raise _fail(source, f"unexpected token {tok!r} in pattern {text!r} "
                                "(expected +prt, [a|b], !obj:a|b, >prep, <>prep, @prep:a|b or ~a|b)")
    if target and reciprocal:
        raise _fail(source, f"pattern {text!r} has both >prep and <>prep; use one")
    if objects is not None and constraint is not None:
        raise _fail(source, f"pattern {text!r} has both [..] and !obj:; use one")
    if kind == "noun" and (particle or objects is not None or constraint is not None):
        raise _fail(source, f"noun pattern {text!r} cannot have +prt, [..] or !obj:")
    return Pattern(code, kind, head, particle, objects, constraint, target, reciprocal,
                   tuple(sorted(qualifiers, key=lambda q: q[0])), source, modifiers)


def _scalar(node: yaml.Node, source: str, what: str) -> str:
    if not isinstance(node, yaml.ScalarNode) or not isinstance(node.value, str) or not node.value.strip():
        raise _fail(source, f"{what} must be a non-empty string")
    return node.value.strip()


def parse_file(text: str, name: str, known_codes: frozenset[str]) -> list[Pattern]:
    """Parse one lexicon YAML file (``name`` is used in messages as ``name:line``)."""
    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise ResourceError(f"{name}: invalid YAML: {exc}") from None
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise _fail(f"{name}:{root.start_mark.line + 1}", "a lexicon file must be a list of entries")
    root_prefix = m.group(1) if (m := _PACKAGED.match(Path(name).name)) else None
    out: list[Pattern] = []
    for entry in root.value:
        where = f"{name}:{entry.start_mark.line + 1}"
        if not isinstance(entry, yaml.MappingNode):
            raise _fail(where, "each entry must be a mapping with 'code' and 'verbs'/'nouns'")
        fields: dict[str, yaml.Node] = {}
        for key_node, value_node in entry.value:
            key = _scalar(key_node, where, "key")
            if key not in _KEYS:
                raise _fail(f"{name}:{key_node.start_mark.line + 1}", f"unknown key {key!r} (allowed: {sorted(_KEYS)})")
            if key in fields:
                raise _fail(f"{name}:{key_node.start_mark.line + 1}", f"key {key!r} given twice")
            fields[key] = value_node
        if "code" not in fields:
            raise _fail(where, "entry has no 'code'")
        code = _scalar(fields["code"], where, "code")
        if code not in known_codes:
            raise _fail(f"{name}:{fields['code'].start_mark.line + 1}",
                        f"unknown CAMEO code {code!r}: use a code of the ontology table (quote it: \"042\")")
        if root_prefix is not None and code[:2] != root_prefix:
            raise _fail(f"{name}:{fields['code'].start_mark.line + 1}",
                        f"code {code} does not belong in a file for CAMEO root {root_prefix}")
        if "note" in fields:
            _scalar(fields["note"], where, "note")
        if "verbs" not in fields and "nouns" not in fields:
            raise _fail(where, f"entry for {code} has neither 'verbs' nor 'nouns'")
        for key, kind in (("verbs", "verb"), ("nouns", "noun")):
            if key not in fields:
                continue
            seq = fields[key]
            if not isinstance(seq, yaml.SequenceNode) or not seq.value:
                raise _fail(f"{name}:{seq.start_mark.line + 1}", f"'{key}' must be a non-empty list of pattern strings")
            for item in seq.value:
                src = f"{name}:{item.start_mark.line + 1}"
                out.append(parse_pattern(_scalar(item, src, "pattern"), code=code, kind=kind, source=src))  # type: ignore[arg-type]
    return out


def _check_duplicates(patterns: Iterable[Pattern]) -> None:
    seen: dict[tuple[object, ...], Pattern] = {}
    for p in patterns:
        other = seen.get(p.key)
        if other is not None:
            raise _fail(p.source, f"duplicate {p.kind} pattern {str(p)!r} (code {p.code}) already given at "
                                  f"{other.source} (code {other.code}): remove one or add a distinguishing constraint")
        seen[p.key] = p


def build_lexicon(patterns: Sequence[Pattern]) -> Lexicon:
    """Index validated patterns by head lemma (duplicates raise :class:`ResourceError`)."""
    _check_duplicates(patterns)
    verbs: dict[str, list[Pattern]] = {}
    nouns: dict[str, list[Pattern]] = {}
    for p in patterns:
        (verbs if p.kind == "verb" else nouns).setdefault(p.head, []).append(p)
    return Lexicon({k: tuple(v) for k, v in verbs.items()}, {k: tuple(v) for k, v in nouns.items()}, tuple(patterns))


def _known_codes() -> frozenset[str]:
    from eventwire.ontology import load_ontology

    return frozenset(load_ontology().codes)


@lru_cache(maxsize=1)
def _packaged_patterns() -> tuple[Pattern, ...]:
    folder = resources.files("eventwire").joinpath("data/lexicon")
    files = sorted((f for f in folder.iterdir() if _PACKAGED.match(f.name)), key=lambda f: f.name)
    if not files:
        raise ResourceError("no lexicon files found in eventwire/data/lexicon: reinstall eventwire")
    known = _known_codes()
    out: list[Pattern] = []
    for f in files:
        out.extend(parse_file(f.read_text(encoding="utf-8"), f.name, known))
    return tuple(out)


@lru_cache(maxsize=1)
def _packaged_lexicon() -> Lexicon:
    return build_lexicon(_packaged_patterns())


def load_lexicon(extra_dirs: Sequence[Path] = ()) -> Lexicon:
    """The packaged lexicon, plus every ``*.yaml`` lexicon file in ``extra_dirs``.

    Validated at load: unknown code, bad syntax or duplicate pattern raise
    :class:`ResourceError` naming ``file:line``. The packaged part is cached.
    """
    if not extra_dirs:
        return _packaged_lexicon()
    patterns = list(_packaged_patterns())
    known = _known_codes()
    for folder in extra_dirs:
        folder = Path(folder)
        if not folder.is_dir():
            raise ResourceError(f"lexicon folder {folder} does not exist or is not a folder")
        for path in sorted(folder.glob("*.yaml")):
            patterns.extend(parse_file(path.read_text(encoding="utf-8"), str(path), known))
    return build_lexicon(patterns)
