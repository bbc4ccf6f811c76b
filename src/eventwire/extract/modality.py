"""Modality of a predicate: negation, future/intent, condition, hypothesis, question,
reported speech and historical background, read off the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from eventwire.extract.frames import Frames

#: verbs of saying and reporting: an event in their clausal complement is reported speech.
SPEECH_VERBS = frozenset(
    """say tell announce report claim state add insist note explain write declare confirm
    acknowledge reiterate stress assert maintain allege argue suggest believe think
    indicate reveal disclose quote warn recall""".split()
)
#: adverbs and determiners that negate ("never attacked", "no longer supports").
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing"})
#: conjunctions that open a condition.
CONDITION_MARKS = frozenset({"if", "unless", "provided", "should", "until"})
#: conjunctions/adverbs that make a clause an open question or hypothesis.
QUESTION_MARKS = frozenset({"whether"})
_DURATION_PREPS = frozenset({"for", "since", "over"})
_HISTORY_WORDS = frozenset({"decade", "decades", "year", "years", "century", "centuries", "generation"})


@dataclass(frozen=True, slots=True)
class ModalityInfo:
    negated: bool = False
    future: bool = False
    hypothetical: bool = False
    conditional: bool = False  # the predicate has an "if" clause attached
    in_condition: bool = False  # the predicate is itself inside an "if" clause
    question: bool = False
    reported: bool = False
    historical: bool = False

    @property
    def blocks_event(self) -> bool:
        """Nothing happened: a question, a hypothesis, or the condition of an "if"."""
        return self.question or self.in_condition or self.hypothetical


def _aux_words(token: Token) -> list[str]:
    return [c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")]


def is_negated(token: Token) -> bool:
    """Is the verb itself negated ("did not agree", "never attacked", "made no promise")?"""
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("advmod", "det", "preconj") and child.lower_ in NEGATORS):
            return True
        if child.dep_ in ("dobj", "obj") and any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
            return True  # "made no promise", "gave no aid"
    return False


def _in_reported_clause(token: Token) -> bool:
    node = token
    for _ in range(6):
        if node.dep_ in ("ccomp", "parataxis") and node.head.lemma_ in SPEECH_VERBS:
            return True
        if node.dep_ == "ROOT" or node.head.i == node.i:
            return False
        if node.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl"):
            node = node.head
            continue
        return False
    return False


def _within_condition(token: Token) -> bool:
    node = token
    for _ in range(6):
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in node.children):
            return True
        if node.head.i == node.i or node.dep_ in ("ROOT", "ccomp"):
            return False
        node = node.head
    return False


def is_question(sent: SpacySpan) -> bool:
    """Does the sentence end with a question mark (trailing spaces aside)?"""
    last = sent[-1]
    while last.is_space and last.i > sent.start:
        last = last.nbor(-1)
    return last.text == "?"


def _question(token: Token) -> bool:
    sent = token.sent
    last = sent[-1]
    while last.is_space and last.i > sent.start:
        last = last.nbor(-1)
    if last.text != "?":
        return False
    # the question mark belongs to the main clause unless the predicate sits in a quote or
    # a subordinate clause of a declarative verb: keep it simple, a question sentence codes nothing.
    return True


def _historical(token: Token) -> bool:
    auxes = _aux_words(token)
    if not any(a in ("has", "have", "had") for a in auxes):
        return False
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _DURATION_PREPS:
            if any(t.lower_ in _HISTORY_WORDS for t in child.subtree):
                return True
    return False


def analyze(token: Token, frames: Frames, *, chain: tuple[Token, ...] = (), question: bool | None = None) -> ModalityInfo:
    """Modality of the predicate ``token``; ``chain`` are governing control verbs
    ("declined" over "endorse"), whose auxiliaries count too. ``question``: whether the
    sentence is a question, when the caller already knows (``Token.sent`` is costly)."""
    carriers = (token, *chain)
    auxes = [a for t in carriers for a in _aux_words(t)]
    if chain and token.dep_ == "ccomp" and token.head in chain and token.head.lemma_ in SPEECH_VERBS:
        # "said Libya must hand over": the obligation is the speaker's demand, coded as such
        auxes = [a for a in auxes if a not in frames.obligation_markers]
    negated = is_negated(token) or any(is_negated(t) for t in chain)  # "did not agree to halt"
    reported = any(_in_reported_clause(t) for t in carriers)
    future = any(a in frames.future_markers for a in auxes) or any(
        c.lower_ == "going" and c.dep_ == "aux" for t in carriers for c in t.children
    )
    hypothetical = any(a in frames.hypothetical_markers for a in auxes)
    if hypothetical and reported and any(a == "would" for a in auxes):
        # "said it would send troops": the future of the past, an intent
        future, hypothetical = True, False
    conditional = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children)
        for t in carriers
        for c in t.children
    )
    top = chain[-1] if chain else token
    return ModalityInfo(
        negated=negated,
        future=future,
        hypothetical=hypothetical,
        conditional=conditional,
        in_condition=_within_condition(top),
        question=_question(token) if question is None else question,
        reported=reported,
        historical=_historical(token) or any(_historical(t) for t in chain),
    )
