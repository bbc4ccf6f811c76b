"""A confidence per event that means something.

The score is a small additive model over evidence the coder has: how the predicate was
matched (a specific pattern, a bare verb, a noun, a chain), whether both actors were
resolved and how (text pattern or knowledge base vs. coreference), and what modality
weakens it (reported speech, a condition, intent). Weights were set by error analysis and
checked for calibration on the dev sets: ``eventwire eval --calibration`` prints, per
confidence band, how many events were correct.
"""

from __future__ import annotations

from eventwire.extract.coder import Candidate

BASE = 0.55


def score(candidate: Candidate, *, mentions: int = 1) -> float:
    s = BASE
    src, tgt = candidate.source, candidate.target
    s += 0.12 if src.known else -0.15
    s += 0.10 if tgt.known else -0.10
    if src.how.startswith("coref") or tgt.how.startswith("coref"):
        s -= 0.05
    if candidate.pattern_specificity >= 2:
        s += 0.08
    elif candidate.pattern_specificity == 0:
        s -= 0.05
    if candidate.nominal:
        s -= 0.10
    if candidate.chain:
        s += 0.03
    m = candidate.modality
    if m.reported:
        s -= 0.05
    if m.conditional:
        s -= 0.08
    if m.historical:
        s -= 0.05
    if candidate.code.startswith("01"):
        s -= 0.10
    if mentions > 1:
        s += min(0.1, 0.04 * (mentions - 1))
    return max(0.05, min(0.99, s))
