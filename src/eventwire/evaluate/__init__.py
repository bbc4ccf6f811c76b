"""Scoring the coder against gold-standard sentences (``eventwire eval``)."""

from eventwire.evaluate.scoring import EvalReport, Level, evaluate_file, score_sentences

__all__ = ["EvalReport", "Level", "evaluate_file", "score_sentences"]
