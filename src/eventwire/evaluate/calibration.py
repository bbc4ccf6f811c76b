"""Fitting the confidence model on gold sentences (``scripts/fit_confidence.py``).

Every candidate event the coder produces on a gold sentence is labelled correct when it
matches a gold event at country level (the scorer's multiset matching); a logistic
regression with a small L2 penalty is fitted on the features of
:mod:`eventwire.extract.confidence`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from eventwire.actors.coreference import DocumentActors
from eventwire.evaluate.gold import normalize_code, read_gold
from eventwire.evaluate.scoring import Level, Predicted, _match
from eventwire.extract.confidence import FEATURES, features
from eventwire.nlp import load_model
from eventwire.ontology import plover_of_code
from eventwire.settings import Settings


def labelled_features(paths: Sequence[str | Path], settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    from eventwire.pipeline import resources

    res = resources(settings)
    nlp = load_model(settings.model)
    rows: list[list[float]] = []
    labels: list[float] = []
    for path in paths:
        gold = read_gold(path)
        for g, doc in zip(gold, nlp.pipe([g.text for g in gold], batch_size=settings.batch_size)):
            ctx = DocumentActors()
            cands = []
            seen = set()
            for i, sent in enumerate(doc.sents):
                for c in res.coder.code(sent, i, ctx, g.date):
                    key = (c.source.code, c.target.code, c.code[:2])
                    if c.code.startswith("01") or key in seen:
                        continue
                    seen.add(key)
                    cands.append(c)
            pred = [Predicted(normalize_code(c.source.code), normalize_code(c.target.code), plover_of_code(c.code) or "", 0.0) for c in cands]
            _, used = _match([e for e in g.events if e.plover], pred, Level.COUNTRY)
            for c, ok in zip(cands, used):
                f = features(c)
                rows.append([f[k] for k in FEATURES])
                labels.append(float(ok))
    return np.array(rows), np.array(labels)


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, steps: int = 4000, rate: float = 0.5) -> tuple[float, dict[str, float]]:
    """Logistic regression by gradient descent (numpy only)."""
    n, k = x.shape
    w = np.zeros(k)
    b = 0.0
    for _ in range(steps):
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        grad_w = x.T @ (p - y) / n + l2 * w / n
        grad_b = float(np.mean(p - y))
        w -= rate * grad_w
        b -= rate * grad_b
    return b, {name: round(float(v), 4) for name, v in zip(FEATURES, w)}
