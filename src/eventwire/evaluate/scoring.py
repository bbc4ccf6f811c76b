"""Precision, recall and F1 at three levels, and a calibration table.

Per sentence, gold and predicted events are compared as multisets:
- ``event``: the PLOVER category alone;
- ``country``: (source[:3], target[:3], category);
- ``full``: (source, target, category) with full actor codes.
A gold actor ``---`` matches anything; a bare gold ``IGO``/``NGO`` (an international body
the annotator did not name further) matches any ``IGO…``/``NGO…`` code, whose suffix only
names the body. CAMEO 01 statements have no PLOVER category and are left out on both sides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from eventwire.evaluate.gold import GoldEvent, GoldSentence, normalize_code, read_gold
from eventwire.records import CodedDocument, Event, RawDoc
from eventwire.settings import Settings


class Level(StrEnum):
    EVENT = "event"
    COUNTRY = "country"
    FULL = "full"


@dataclass(frozen=True, slots=True)
class Counts:
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Predicted:
    source: str
    target: str
    plover: str
    confidence: float


@dataclass(slots=True)
class EvalReport:
    sentences: int
    levels: dict[str, Counts]
    calibration: list[tuple[float, float, int, int]]  # (low, high, n, correct at country level)
    errors: list[dict[str, object]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "sentences": self.sentences,
            **{
                lvl: {"precision": round(c.precision, 4), "recall": round(c.recall, 4), "f1": round(c.f1, 4), "tp": c.tp, "fp": c.fp, "fn": c.fn}
                for lvl, c in self.levels.items()
            },
            "calibration": [
                {"band": f"{lo:.1f}-{hi:.1f}", "events": n, "correct": k, "accuracy": round(k / n, 3) if n else None}
                for lo, hi, n, k in self.calibration
            ],
        }


def _actor_ok(gold: str, pred: str, level: Level) -> bool:
    if gold.startswith("---") and (level != Level.FULL or gold == "---"):
        return True
    if level == Level.COUNTRY:
        return gold[:3] == pred[:3]
    if gold in ("IGO", "NGO"):
        return pred.startswith(gold)
    return gold == pred


def _match(gold: Sequence[GoldEvent], pred: Sequence[Predicted], level: Level) -> tuple[int, list[bool]]:
    used = [False] * len(pred)
    tp = 0
    for g in gold:
        for i, p in enumerate(pred):
            if used[i] or p.plover != g.plover:
                continue
            if level == Level.EVENT or (_actor_ok(g.source, p.source, level) and _actor_ok(g.target, p.target, level)):
                used[i] = True
                tp += 1
                break
    return tp, used


def _predicted(events: Iterable[Event]) -> list[Predicted]:
    return [
        Predicted(normalize_code(e.source.code), normalize_code(e.target.code), e.plover, e.confidence)
        for e in events
        if e.plover is not None
    ]


BANDS = [(0.0, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]


def score_sentences(pairs: Iterable[tuple[GoldSentence, Sequence[Event]]]) -> EvalReport:
    totals = {lvl: [0, 0, 0] for lvl in Level}
    bands = [[lo, hi, 0, 0] for lo, hi in BANDS]
    errors: list[dict[str, object]] = []
    n = 0
    for gold_sentence, events in pairs:
        n += 1
        gold = [g for g in gold_sentence.events if g.plover is not None]
        pred = _predicted(events)
        for lvl in Level:
            tp, used = _match(gold, pred, lvl)
            totals[lvl][0] += tp
            totals[lvl][1] += len(pred) - tp
            totals[lvl][2] += len(gold) - tp
            if lvl == Level.COUNTRY:
                for p, ok in zip(pred, used):
                    for band in bands:
                        if band[0] <= p.confidence < band[1]:
                            band[2] += 1
                            band[3] += int(ok)
                if tp != len(gold) or tp != len(pred):
                    errors.append(
                        {
                            "id": gold_sentence.id,
                            "text": gold_sentence.text,
                            "gold": [f"{g.source}>{g.target}:{g.plover}" for g in gold],
                            "pred": [f"{e.source.code}>{e.target.code}:{e.plover}:{e.cameo}:{e.trigger.text}" for e in events],
                        }
                    )
    levels = {str(lvl): Counts(*totals[lvl]) for lvl in Level}
    return EvalReport(n, levels, [tuple(b) for b in bands], errors)  # type: ignore[misc]


def evaluate_file(path: str | Path, *, settings: Settings | None = None) -> EvalReport:
    """Code every gold sentence as its own document and score the result."""
    from eventwire.pipeline import code_raw

    settings = settings or Settings()
    gold = read_gold(path)
    raw = [RawDoc(g.id, g.text, g.date, origin=str(path), format="api") for g in gold]
    by_id: dict[str, tuple[Event, ...]] = {}
    for result in code_raw(raw, settings=settings.replace(statements=False)):
        if isinstance(result, CodedDocument):
            by_id[result.doc.doc_id] = result.events
    return score_sentences((g, by_id.get(g.id, ())) for g in gold)
