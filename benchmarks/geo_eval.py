"""Event-location accuracy on the project's gold sentences, and the cost of a call.

    .venv/bin/python benchmarks/geo_eval.py [tests/gold/locations.jsonl] [--misses]

Prints country-level and within-100-km accuracy (see ``eventwire.geo.evaluation``), the
gazetteer load time, the mean time of ``Geocoder.locate`` and of ``resolve_event_date``.
"""

from __future__ import annotations

import sys
import time
import timeit
from datetime import date
from pathlib import Path

from eventwire.geo import Geocoder, evaluate
from eventwire.records import ClauseContext
from eventwire.time import resolve_event_date

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "locations.jsonl"


def main(argv: list[str]) -> None:
    path = next((a for a in argv if not a.startswith("-")), str(GOLD))
    started = time.perf_counter()
    geo = Geocoder.load()
    print(f"gazetteer load: {time.perf_counter() - started:.2f} s")
    score = evaluate(path, geocoder=geo)
    print(score.summary())
    if "--misses" in argv:
        for item_id, expected, got in score.misses:
            print(f"  {item_id}: expected {expected}; got {got}")
    sentences = [
        "Russia's Foreign Minister Sergei Lavrov declined to endorse a proposal from Turkey to end the war "
        "between Armenia and Azerbaijan in an interview Tuesday with the Russian daily Kommersant.",
        "The three together have called for an end to the fighting which began on September 27.",
        "He acknowledged that a sustainable ceasefire remains elusive, but insists that Russia will continue "
        "to use its influence together with Turkey's to establish dialogue between both sides.",
        "Over the weekend, Russia pledged to intervene militarily if fighting spread to Armenia proper.",
    ]
    clauses = [ClauseContext("bench", i, s, 0, 0, len(s), 10) for i, s in enumerate(sentences)]
    published = date(2020, 11, 3)
    n = 5000
    cold = timeit.timeit(lambda: [resolve_event_date(c, published) for c in clauses], number=n) / n / len(clauses)
    warm = timeit.timeit(lambda: resolve_event_date(clauses[0], published), number=n) / n
    print(
        f"resolve_event_date: {cold * 1e6:.1f} µs/call on a new sentence, {warm * 1e6:.1f} µs for the next event of it"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
