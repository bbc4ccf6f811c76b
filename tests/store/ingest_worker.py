"""A separate process for the crash and concurrency tests: ingest synthetic documents.

    python tests/store/ingest_worker.py TARGET N [--seed S] [--batch B] [--delay SECONDS]

Prints ``committed <documents and rejections stored so far>`` after every batch and
``done`` at the end, flushing each line, so a test can follow (and kill) it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from factories import synthetic_documents

from eventwire.settings import Settings
from eventwire.store import IngestReport, open_store


def slowly(items: Iterable[object], delay: float) -> Iterator[object]:
    for item in items:
        if delay:
            time.sleep(delay)
        yield item


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("target")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--batch", type=int, default=3)
    ap.add_argument("--delay", type=float, default=0.0)
    args = ap.parse_args()
    items = synthetic_documents(args.n, seed=args.seed)

    def report(r: IngestReport) -> None:
        print("committed", r.documents_added + r.rejections_added, flush=True)

    with open_store(args.target, settings=Settings()) as store:
        store.ingest(slowly(items, args.delay), progress=report, batch_docs=args.batch)  # type: ignore[arg-type]
    print("done", flush=True)


if __name__ == "__main__":
    main()
