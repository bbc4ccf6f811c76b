"""kill -9 in the middle of an ingest, then resume: the tables end as after an uninterrupted run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from store_factories import snapshot

from eventwire.settings import Settings
from eventwire.store import open_store

WORKER = Path(__file__).resolve().parent / "ingest_worker.py"
N_DOCS = 72


def worker(target: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), target, str(N_DOCS), "--seed", "4", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def kill_after(proc: subprocess.Popen[str], commits: int, extra_delay: float) -> int:
    """Wait for ``commits`` committed batches, wait a little more, then SIGKILL; return commits seen."""
    assert proc.stdout is not None
    seen = 0
    while seen < commits:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("committed"):
            seen += 1
    time.sleep(extra_delay)  # lands anywhere: between batches, mid-transaction, mid-commit
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    return seen


def test_kill_9_then_resume_gives_the_tables_of_an_uninterrupted_run(backend, new_target) -> None:
    rng = random.Random(7)
    crashed = new_target(backend)
    kills = 0
    for commits in (2, 5, 8):
        proc = worker(crashed, "--batch", "3")
        seen = kill_after(proc, commits, rng.uniform(0.0, 0.05))
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
        assert seen == commits, "the worker ended before it could be killed"
        kills += 1
    with open_store(crashed, settings=Settings()) as s:
        partial = s.counts()["documents"]
    assert 0 < partial < N_DOCS
    finish = worker(crashed, "--batch", "3")
    out, errors = finish.communicate(timeout=300)
    assert finish.returncode == 0, errors
    assert out.strip().endswith("done")

    clean = new_target(backend)
    once = worker(clean, "--batch", "50")
    _, errors = once.communicate(timeout=300)
    assert once.returncode == 0, errors

    with open_store(crashed, settings=Settings()) as a, open_store(clean, settings=Settings()) as b:
        after_crashes, uninterrupted = snapshot(a), snapshot(b)
        assert kills == 3
        assert uninterrupted["documents"] and uninterrupted["event_clusters"] and uninterrupted["rejections"]
        for table in after_crashes:
            assert after_crashes[table] == uninterrupted[table], table
        # nothing half-written: every document has its events, every event its cluster
        orphans = list(a.read(
            "SELECT COUNT(*) AS n FROM events e LEFT JOIN event_clusters c ON c.cluster_id = e.cluster_id "
            "WHERE c.cluster_id IS NULL"))
        assert orphans == [{"n": 0}]
