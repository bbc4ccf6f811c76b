"""Refit the confidence model on the project's own gold corpus and write
src/eventwire/data/confidence.yaml.

    .venv/bin/python scripts/fit_confidence.py
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import yaml

from eventwire.evaluate.calibration import fit, labelled_features
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
GOLD = [ROOT / "tests/gold/sentences.jsonl", ROOT / "tests/gold/articles.jsonl"]
OUT = ROOT / "src/eventwire/data/confidence.yaml"


def main() -> None:
    x, y = labelled_features(GOLD, Settings())
    bias, weights = fit(x, y)
    header = (
        "# Confidence model: logistic regression over coder evidence (eventwire.extract.confidence).\n"
        f"# Fitted by scripts/fit_confidence.py on tests/gold ({len(y)} candidate events, {int(y.sum())} correct\n"
        "# at country level). Do not edit by hand: refit after changing the coder.\n"
    )
    OUT.write_text(header + yaml.safe_dump({"bias": round(bias, 4), "weights": weights}, sort_keys=False), encoding="utf-8")
    z = x @ np.array([weights[k] for k in weights]) + bias
    p = 1 / (1 + np.exp(-z))
    for lo, hi in [(0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]:
        sel = (p >= lo) & (p < hi)
        print(f"{lo:.1f}-{hi:.1f}: {int(sel.sum()):4d} events, accuracy {y[sel].mean() if sel.any() else float('nan'):.2f}")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
