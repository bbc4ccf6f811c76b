"""Reading a DuckDB store while another process ingests into it."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from eventwire.schema import EVENT_FIELDS
from eventwire.settings import Settings
from eventwire.store import Filters, open_store, query, stats

WORKER = Path(__file__).resolve().parent / "ingest_worker.py"


def test_query_and_stats_work_while_another_process_ingests(tmp_path: Path) -> None:
    target = str(tmp_path / "busy.duckdb")
    open_store(target, settings=Settings()).close()  # exists before the first read
    writer = subprocess.Popen(
        [sys.executable, str(WORKER), target, "64", "--seed", "8", "--batch", "4", "--delay", "0.01"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    seen_events: list[int] = []
    reads = 0
    try:
        deadline = time.monotonic() + 120
        while writer.poll() is None and time.monotonic() < deadline:
            with open_store(target, settings=Settings(), create=False, lock_timeout=30) as reader:
                events = sum(int(r["events"]) for r in stats(reader, by="day"))  # type: ignore[call-overload]
                rows = list(query(reader, Filters(limit=5)))
                # each read is its own snapshot: the second may see batches committed since the first
                assert min(5, events) <= len(rows) <= 5
                assert all(tuple(r) == EVENT_FIELDS for r in rows)
                seen_events.append(events)
                reads += 1
            time.sleep(0.01)
        out, errors = writer.communicate(timeout=120)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0, errors
    assert "done" in out
    assert reads >= 5, "the writer finished before the reader got going"
    assert seen_events == sorted(seen_events), "a reader saw the store shrink"
    assert len(set(seen_events)) >= 3, "readers should see the ingest progress"
    with open_store(target, settings=Settings(), create=False) as reader:
        final = reader.counts()
    assert final["documents"] + final["rejections"] == 64
    assert seen_events[-1] <= final["events"]
