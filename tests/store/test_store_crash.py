"""kill -9 in the middle of an ingest, then resume: the tables end as after an uninterrupted run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import psycopg
from store_factories import snapshot

from eventwire.settings import Settings
from eventwire.store import open_store, query
from eventwire.store.duck import CONFIG

WORKER = Path(__file__).resolve().parent / "ingest_worker.py"
N_DOCS = 72


def worker(target: str, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WORKER), target, str(N_DOCS), "--seed", "4", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def kill_after(proc: subprocess.Popen[str], commits: int, extra_delay: float, *, stored: int | None = None) -> int:
    """Wait for ``commits`` committed batches (or, with ``stored``, for the batch that brings
    the documents and rejections stored to that number), wait a little more, then SIGKILL;
    return the batches seen."""
    assert proc.stdout is not None
    seen = 0
    while seen < commits:
        line = proc.stdout.readline()
        if not line:
            break
        if line.startswith("committed"):
            seen += 1
            if stored is not None and int(line.split()[1]) >= stored:
                break
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


def raw_state(target: str) -> dict[str, int]:
    """Counts read past the store API (whose reads would finish pending clustering first)."""
    sql = {
        "pending": "SELECT COUNT(*) FROM pending_cluster_keys",
        "unclustered": "SELECT COUNT(*) FROM events WHERE cluster_id IS NULL",
        "orphans": "SELECT COUNT(*) FROM events e WHERE e.cluster_id IS NOT NULL AND NOT EXISTS "
                   "(SELECT 1 FROM event_clusters c WHERE c.cluster_id = e.cluster_id)",
        "events": "SELECT COUNT(*) FROM events",
    }
    if target.startswith("postgresql://"):
        with psycopg.connect(target) as conn:
            return {k: conn.execute(q).fetchone()[0] for k, q in sql.items()}  # type: ignore[index]
    with duckdb.connect(target, read_only=True, config=dict(CONFIG)) as con:
        return {k: con.execute(q).fetchone()[0] for k, q in sql.items()}  # type: ignore[index]


def test_kill_9_during_the_run_s_final_clustering_then_resume(backend, new_target) -> None:
    clean = new_target(backend)
    once = worker(clean, "--batch", "50")
    _, errors = once.communicate(timeout=300)
    assert once.returncode == 0, errors
    with open_store(clean, settings=Settings()) as b:
        uninterrupted = snapshot(b)
    pending_after_kill = 0
    for delay in (0.0, 0.0, 0.01, 0.03):
        crashed = new_target(backend)
        proc = worker(crashed, "--batch", "24")
        # the last progress report (every document stored) comes just before the run's clustering
        kill_after(proc, 10, delay, stored=N_DOCS)
        assert proc.returncode == -signal.SIGKILL, proc.stderr.read() if proc.stderr else ""
        state = raw_state(crashed)
        assert state["events"] == len(uninterrupted["events"])  # every batch was committed
        assert state["orphans"] == 0  # never an event pointing at a cluster row that is not there
        # the clustering is one transaction: all of it, or none of it with the keys still pending
        assert (state["pending"] == 0) == (state["unclustered"] == 0), state
        pending_after_kill += state["pending"] > 0
        if delay == 0.0 and state["pending"]:
            # a reader finishes the pending clustering before it reads
            with open_store(crashed, settings=Settings(), create=False) as reader:
                records = list(query(reader, clusters=True))
            assert len(records) == state["events"] and all(r["cluster_events"] for r in records)
            assert raw_state(crashed)["pending"] == 0
        else:
            finish = worker(crashed, "--batch", "24")  # a later run stores nothing new and clusters
            _, errors = finish.communicate(timeout=300)
            assert finish.returncode == 0, errors
        assert raw_state(crashed)["unclustered"] == 0
        with open_store(crashed, settings=Settings()) as a:
            after = snapshot(a)
        for table in after:
            assert after[table] == uninterrupted[table], table
    assert pending_after_kill >= 1, "no kill landed before the run's clustering committed"
