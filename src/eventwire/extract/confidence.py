"""A confidence per event that means something.

The score is a logistic model over evidence the coder has: whether both actors were
resolved and how (a text pattern, a knowledge-base entry, coreference, a country taken
from context, a target found further down the clause), how the predicate was matched (a
specific pattern, an event noun, a control-verb chain), its modality (negated, intent,
conditional, reported, historical), its QuadClass, whether it is the other direction of
a mutual act ("A met B" read as "B met A"), how often the document states it, and how
hard the sentence is (its length, how many other predicates compete in it).

One rule sits on top of the fitted model, a policy rather than a fit: an intent read from
the future tense alone stays under 0.8 (``FUTURE_TENSE_CEILING``, below).

The weights live in ``data/confidence.yaml``; they are fitted on the project's own gold
corpus (``tests/gold``) with ``python scripts/fit_confidence.py`` and checked for
calibration on held-out data with ``eventwire eval`` (the calibration table).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from eventwire.errors import ResourceError
from eventwire.extract.coder import Candidate
from eventwire.records import Actor

FEATURES: tuple[str, ...] = (
    "source_known", "target_known",
    "source_kb", "source_coref", "source_context",
    "target_kb", "target_coref", "target_context", "target_clause", "target_default",
    "specific_pattern", "bare_pattern", "nominal", "chain",
    "negated", "intent", "conditional", "reported", "historical",
    "quad2", "quad3", "quad4", "repeated", "long_sentence", "competing",
    "converse",
)  # fmt: skip


def _actor(prefix: str, actor: Actor) -> dict[str, float]:
    how = actor.how
    out = {
        f"{prefix}_known": float(actor.known),
        f"{prefix}_kb": float("kb:" in how),
        f"{prefix}_coref": float("coref:" in how),
        f"{prefix}_context": float("country-from-context" in how or "conjunct-country" in how),
    }
    if prefix == "target":
        out["target_clause"] = float("clause-target" in how)
        out["target_default"] = float("default" in how)
    return out


def features(candidate: Candidate, *, mentions: int = 1) -> dict[str, float]:
    m = candidate.modality
    quad = _quad(candidate.code)
    f = {
        **_actor("source", candidate.source),
        **_actor("target", candidate.target),
        "specific_pattern": float(candidate.pattern_specificity >= 2),
        "bare_pattern": float(candidate.pattern_specificity == 0),
        "nominal": float(candidate.nominal),
        "chain": float(candidate.chain),
        "negated": float(m.negated),
        "intent": float(m.intent),
        "conditional": float(m.conditional),
        "reported": float(m.reported),
        "historical": float(m.historical),
        "quad2": float(quad == 2),
        "quad3": float(quad == 3),
        "quad4": float(quad == 4),
        "repeated": float(mentions > 1),
        "long_sentence": min(2.0, candidate.sentence_tokens / 30.0),
        "competing": float(min(3, max(0, candidate.competing))),
        "converse": float(candidate.converse),
    }
    return f


def _quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    bias: float
    weights: dict[str, float]

    def score(self, candidate: Candidate, *, mentions: int = 1) -> float:
        f = features(candidate, mentions=mentions)
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in f.items())
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def load_model() -> ConfidenceModel:
    path = resources.files("eventwire").joinpath("data/confidence.yaml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return ConfidenceModel(float(data["bias"]), {str(k): float(v) for k, v in data["weights"].items()})
    except (OSError, KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise ResourceError(f"data/confidence.yaml is invalid: {exc}; refit it with scripts/fit_confidence.py") from exc


#: The future tense of an act verb ("will supply arms", "will meet in Zurich", "could
#: impose tariffs if ...") is coded as an intent or a threat (CAMEO 03x/13x), as the CAMEO
#: manual and issue 3 ask; tense-blind dictionary coders (the PETRARCH family) code the act
#: itself. Where coding schools split, no event is high-confidence: such events stay just
#: under the 0.8 band. Intents a verb states ("pledged to", "agreed to") are not capped.
FUTURE_TENSE_CEILING = 0.79


def score(candidate: Candidate, *, mentions: int = 1) -> float:
    p = load_model().score(candidate, mentions=mentions)
    if candidate.modality.intent and not candidate.chain:
        p = min(p, FUTURE_TENSE_CEILING)
    return round(p, 4)
