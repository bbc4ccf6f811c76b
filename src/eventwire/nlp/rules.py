"""Table-driven twins of the model's two rule components: the attribute ruler and the
rule lemmatizer, with the same output and a fraction of the cost.

spaCy's ``AttributeRuler`` runs a ``Matcher`` over every document and builds a ``Span``
for every match (about one per token), and the ``Lemmatizer`` walks the tokens through
several Python calls each; together they take about a fifth of the small English
model's time, as much as eventwire's whole coding stage. What they compute for a token
depends on a few integer attributes only:

- the attribute ruler's patterns test LOWER, TAG, DEP and IS_SPACE of one token (a few
  test two neighbours: "gon na", "there is"); the matches are applied in rule order, so
  the attributes a token gets are a function of those four values plus its neighbours;
- spaCy's base and English rule lemmatizers cache their answer by (ORTH, POS, MORPH)
  themselves (other languages' lemmatizers read more, and keep the stock component).

So both become dictionaries filled on first sight, read with ``Doc.to_array`` and written
with the very calls the stock components use (``set_token_attrs``; the lemma hash).

The twins are installed only when the stock components are exactly what they can
mirror (pattern keys, operators and values they understand, no extension attributes, the
base or English lemmatizer in rule mode with its tables); the stock components stay in
the pipeline, disabled, and anything else keeps them running. The twins copy the stock
components' rules when they are built (``install``, after the model is loaded): a
pipeline saved and reloaded must be rebuilt with ``eventwire.nlp.load_model``. The
twins' tables are bounded; the stock lemmatizer's own cache, which fills on every new
word, is not (as without the twins).
``tests/nlp/test_rules.py`` checks token by token that both give the same annotations.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

ATTRIBUTES_COMPONENT = "eventwire_attributes"
LEMMATIZER_COMPONENT = "eventwire_lemmatizer"
_CACHE_SIZE = 200_000

#: (LOWER, TAG, DEP, IS_SPACE) of a token: all that a pattern may test
_Key = tuple[int, int, int, int]
_Values = tuple[str, str, str, bool]
_Test = Callable[[_Values], bool]
_FIELDS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}


class Unsupported(Exception):
    """The stock component holds something the twin does not mirror."""


def _plain(field: int, value: Any) -> bool:
    """A value the twin compares as the Matcher does: a string (a bool for IS_SPACE);
    the Matcher reads integers as string hashes, which the twin does not."""
    return isinstance(value, bool) if field == _FIELDS["IS_SPACE"] else isinstance(value, str)


def _value_test(field: int, spec: Any) -> _Test:
    if _plain(field, spec):
        return lambda v: v[field] == spec
    if isinstance(spec, dict) and len(spec) == 1:
        ((op, arg),) = spec.items()
        if op == "IN" and isinstance(arg, list) and all(_plain(field, a) for a in arg):
            allowed = frozenset(arg)
            return lambda v: v[field] in allowed
        if op == "NOT_IN" and isinstance(arg, list) and all(_plain(field, a) for a in arg):
            banned = frozenset(arg)
            return lambda v: v[field] not in banned
        if op == "REGEX" and isinstance(arg, str) and field != _FIELDS["IS_SPACE"]:
            regex = re.compile(arg)
            return lambda v: regex.search(str(v[field])) is not None
    raise Unsupported(f"pattern value {spec!r}")


def _token_test(spec: dict[str, Any]) -> _Test:
    tests = []
    for key, value in spec.items():
        if key not in _FIELDS:
            raise Unsupported(f"pattern key {key!r}")
        tests.append(_value_test(_FIELDS[key], value))
    return lambda v: all(t(v) for t in tests)


class ArrayAttributeRuler:
    """The attribute ruler's result per token, looked up by its four tested attributes."""

    def __init__(self, ruler: Any) -> None:
        self.strings = ruler.vocab.strings
        self.attrs: list[dict[int, int]] = list(ruler.attrs)
        if any("_" in attrs for attrs in self.attrs):
            raise Unsupported("extension attributes")  # merged per rule by the stock component
        # one-token rules: (rule, alternatives); longer ones: (rule, token tests, index)
        self.single: list[tuple[int, list[_Test]]] = []
        self.multi: list[tuple[int, list[_Test], int]] = []
        for rule, entry in enumerate(ruler.patterns):
            alternatives = entry["patterns"]
            index = ruler.indices[rule]
            singles = []
            for alt in alternatives:
                if not alt:
                    raise Unsupported("empty pattern")
                if any("OP" in tok for tok in alt):
                    raise Unsupported("pattern with an operator")
                tests = [_token_test(tok) for tok in alt]
                if len(alt) == 1:
                    if index not in (0, -1):
                        raise Unsupported(f"index {index} on a one-token pattern")
                    singles.append(tests[0])
                else:
                    if not -len(alt) <= index < len(alt):
                        raise Unsupported(f"index {index} outside its pattern")
                    self.multi.append((rule, tests, index))
            if singles:
                self.single.append((rule, singles))
        # most one-token rules name the word or the tag they apply to: look those up
        # instead of trying every rule on every new token
        self._by_lower: dict[str, list[int]] = {}
        self._by_tag: dict[str, list[int]] = {}
        self._general: list[int] = []
        specs = {rule: entry["patterns"] for rule, entry in enumerate(ruler.patterns)}
        for k, (rule, _) in enumerate(self.single):
            alts = specs[rule]
            for field, index in (("LOWER", self._by_lower), ("TAG", self._by_tag)):
                if all(isinstance(alt[0].get(field), str) for alt in alts):
                    for value in {alt[0][field] for alt in alts}:
                        index.setdefault(value, []).append(k)
                    break
            else:
                self._general.append(k)
        self._rules: dict[_Key, tuple[tuple[int, ...], tuple[int, ...]]] = {}
        self._merged: dict[tuple[int, ...], dict[int, int]] = {}

    def _read(self, key: _Key) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The one-token rules that match a token, and the longer patterns it can start."""
        found = self._rules.get(key)
        if found is None:
            s = self.strings
            values = (s[key[0]], s[key[1]], s[key[2]], bool(key[3]))
            candidates = sorted({*self._general, *self._by_lower.get(values[0], ()), *self._by_tag.get(values[1], ())})
            rules = tuple(self.single[k][0] for k in candidates if any(t(values) for t in self.single[k][1]))
            starts = tuple(m for m, (_, tests, _) in enumerate(self.multi) if tests[0](values))
            found = (rules, starts)
            if len(self._rules) < _CACHE_SIZE:
                self._rules[key] = found
        return found

    def _attributes(self, rules: tuple[int, ...]) -> dict[int, int]:
        merged = self._merged.get(rules)
        if merged is None:
            merged = {}
            for rule in rules:  # later rules take precedence, as in the stock component
                merged.update(self.attrs[rule])
            if len(self._merged) < _CACHE_SIZE:
                self._merged[rules] = merged
        return merged

    def _longer(self, rows: list[list[int]], found: list[tuple[tuple[int, ...], tuple[int, ...]]]) -> dict[int, list[int]]:
        """Tokens that longer patterns ("gon na", "there is") assign, with their rules."""
        out: dict[int, list[int]] = {}
        s = self.strings
        for start, (_, starts) in enumerate(found):
            for m in starts:
                rule, tests, index = self.multi[m]
                n = len(tests)
                if start + n > len(rows):
                    continue
                if all(tests[k]((s[rows[start + k][0]], s[rows[start + k][1]], s[rows[start + k][2]], bool(rows[start + k][3])))
                       for k in range(1, n)):
                    out.setdefault(start + index if index >= 0 else start + n + index, []).append(rule)
        return out

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(["LOWER", "TAG", "DEP", "IS_SPACE"]).tolist()
        found = [self._read(tuple(row)) for row in rows]  # type: ignore[arg-type]
        extra = self._longer(rows, found) if self.multi else {}
        for i, (rules, _) in enumerate(found):
            more = extra.get(i)
            if more:
                rules = tuple(sorted((*rules, *more)))
            if rules:
                set_token_attrs(doc[i], self._attributes(rules))
        return doc


class ArrayLemmatizer:
    """The rule lemmatizer's answer per (ORTH, POS, MORPH), computed by the stock
    component the first time a combination is seen."""

    def __init__(self, lemmatizer: Any) -> None:
        # only these classes answer from (ORTH, POS, MORPH) alone; other languages' rule
        # lemmatizers read more (the Spanish one, the sentence start) or cache by less
        if type(lemmatizer) not in _KEYED_LEMMATIZERS or getattr(lemmatizer, "mode", None) != "rule":
            raise Unsupported(f"{type(lemmatizer).__name__} in mode {getattr(lemmatizer, 'mode', None)!r}")
        try:
            lemmatizer._validate_tables()  # missing tables: the stock component's own error
        except ValueError as exc:
            raise Unsupported(str(exc)) from exc
        self.stock = lemmatizer
        self.overwrite = bool(lemmatizer.overwrite)
        self.strings = lemmatizer.vocab.strings
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"]).tolist()
        lemmas = self._lemmas
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not self.overwrite:
                continue
            key = (orth, pos, morph)
            value = lemmas.get(key)
            token = doc[i]
            if value is None:
                value = self.strings.add(self.stock.lemmatize(token)[0])
                if len(lemmas) < _CACHE_SIZE:
                    lemmas[key] = value
            token.lemma = value
        return doc


def _keyed_lemmatizers() -> tuple[type, ...]:
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import Lemmatizer

    return (Lemmatizer, EnglishLemmatizer)


_KEYED_LEMMATIZERS = _keyed_lemmatizers()


@Language.factory(ATTRIBUTES_COMPONENT)
def make_attributes(nlp: Language, name: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.get_pipe("attribute_ruler"))


@Language.factory(LEMMATIZER_COMPONENT)
def make_lemmatizer(nlp: Language, name: str) -> ArrayLemmatizer:
    return ArrayLemmatizer(nlp.get_pipe("lemmatizer"))


def install(nlp: Language) -> list[str]:
    """Run the twins in place of the stock attribute ruler and lemmatizer, each only if
    it can mirror the stock one; the stock components stay in the pipeline, disabled.
    Returns the names of the components replaced."""
    replaced: list[str] = []
    for stock, twin, cls in (
        ("attribute_ruler", ATTRIBUTES_COMPONENT, ArrayAttributeRuler),
        ("lemmatizer", LEMMATIZER_COMPONENT, ArrayLemmatizer),
    ):
        if stock not in nlp.pipe_names or twin in nlp.pipe_names:
            continue
        try:
            cls(nlp.get_pipe(stock))  # a dry build: does the twin understand it?
        except Unsupported:
            continue
        nlp.add_pipe(twin, after=stock)
        nlp.disable_pipe(stock)
        replaced.append(stock)
    return replaced
