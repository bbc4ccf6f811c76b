"""Store benchmark: bulk-ingest synthetic events into DuckDB, then time dashboard queries.

    .venv/bin/python benchmarks/store.py [--events 1000000] [--batch 100000] [--repeat 3] [--runs 7] [--db PATH]

Synthetic documents (10 events each, one year, 120 actor codes, 293 CAMEO codes, 300
places, all drawn with Zipf-like skew) are built as Arrow columns and written with
``store.ingest_batch`` inside one ``store.writing()`` run -- what ``store.ingest`` does
with pipeline output: per batch, look up already stored documents, insert documents,
sentences, events and mentions and mark their cluster keys pending; at the end of the
run, compute the clusters of every pending key at once. The whole ingest is repeated ``--repeat``
times into fresh stores; reported are events/s of the write path (building the columns
is not counted; wall clock and process CPU time, median of the repeats), then the median
of ``--runs`` runs of each dashboard query, once on one held connection (a dashboard
process) and once opening the file for every query (how the CLI reads). A smaller run
from ``CodedDocument`` records through ``store.ingest`` (the pipeline's path, Python
row building included) is reported last.

The machine may be shared: wall-clock figures move with other load, CPU time much less.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pyarrow as pa

from eventwire.ontology import load_ontology
from eventwire.records import Place
from eventwire.settings import Settings
from eventwire.store import Batch, Filters, Store, open_store, query, stats
from eventwire.store.rows import EPOCH, doc_key, key_hash, place_key

START = date(2024, 1, 1)
COUNTRIES = ["USA", "CHN", "RUS", "UKR", "FRA", "DEU", "GBR", "IRN", "ISR", "PSE", "SYR", "TUR", "IND", "PAK",
             "JPN", "KOR", "PRK", "BRA", "MEX", "NGA", "ZAF", "EGY", "SAU", "IRQ", "AFG", "VEN", "COL", "ETH",
             "SDN", "COD", "IGO", "NGO", "MNC", "POL", "ITA", "ESP", "CAN", "AUS", "IDN", "PHL"]
ROLES = ["", "GOV", "MIL"]
N_PLACES = 300
N_OUTLETS = 50
SENTENCE = "Officials met and talked."


def actors() -> list[tuple[str, str]]:
    return [(c + r, c) for c in COUNTRIES for r in ROLES]


def places(n: int) -> list[Place]:
    rng = np.random.default_rng(3)
    return [Place(f"Town {i}", "city", COUNTRIES[i % len(COUNTRIES)], "XX", None,
                  float(rng.uniform(-60, 60)), float(rng.uniform(-180, 180)), 100000 + i, "synthetic", f"Town {i}")
            for i in range(n)]


def zipf(rng: np.random.Generator, k: int, n: int) -> np.ndarray:
    """``n`` draws from 0..k-1 with probability proportional to 1 / (rank + 1)."""
    weights = 1.0 / np.arange(1, k + 1)
    return rng.choice(k, size=n, p=weights / weights.sum())


class Corpus:
    """Lookup tables shared by every batch (actors, codes, places and their JSON)."""

    def __init__(self) -> None:
        ont = load_ontology()
        self.acts = actors()
        self.codes = [ont.get(c) for c in ont.leaves()]
        self.places = places(N_PLACES)
        self.place_json = pa.array([json.dumps({
            "name": p.name, "feature_type": p.feature_type, "country": p.country, "fips": p.fips, "adm1": p.adm1,
            "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id, "method": p.method, "text": p.text,
        }) for p in self.places] + [None], pa.string())  # index N_PLACES: no place
        self.place_keys = pa.array([place_key(p) for p in self.places] + [None], pa.string())
        self.outlets = pa.array([f"Outlet{i}" for i in range(N_OUTLETS)], pa.string())
        self.roots = [c.code[:2] for c in self.codes]
        self._hashes: dict[int, int] = {}

    def key_hashes(self, src: np.ndarray, tgt: np.ndarray, code: np.ndarray, place: np.ndarray | None) -> np.ndarray:
        """``cluster_key`` (or with ``place``, ``group_key``) of each event, from its draws."""
        combined = ((src * len(self.acts) + tgt) * len(self.codes) + code) * (N_PLACES + 2)
        if place is not None:
            combined = combined + place + 1  # 0: the cluster key, 1 + place index: a group key
        unique, inverse = np.unique(combined, return_inverse=True)
        out = np.empty(len(unique), dtype=np.int64)
        for i, value in enumerate(unique.tolist()):
            if value not in self._hashes:
                rest, p = divmod(value, N_PLACES + 2)
                rest, c = divmod(rest, len(self.codes))
                s, t = divmod(rest, len(self.acts))
                extra = (self.place_keys[p - 1].as_py(),) if place is not None else ()
                self._hashes[value] = key_hash(self.acts[s][0], self.acts[t][0], self.roots[c], *extra)
            out[i] = self._hashes[value]
        return out[inverse.reshape(-1)]


def _take(values: list[object] | pa.Array, index: np.ndarray, kind: pa.DataType | None = None) -> pa.Array:
    array = values if isinstance(values, pa.Array) else pa.array(values, kind or pa.string())
    return array.take(pa.array(index))


def make_batch(corpus: Corpus, first_doc: int, n_docs: int, per_doc: int, rng: np.random.Generator,
               total_docs: int) -> Batch:
    """``n_docs`` synthetic documents with ``per_doc`` events each, as Arrow columns."""
    n = n_docs * per_doc
    doc_numbers = np.arange(first_doc, first_doc + n_docs)
    local = np.repeat(np.arange(n_docs), per_doc)  # document of each event
    # documents arrive roughly in publication order, as news does: the day grows with the
    # document number, give or take three days; an event happened that day or the day before
    pub_day = np.clip((doc_numbers * 365) // total_docs + rng.integers(-3, 4, n_docs), 0, 364)
    ev_day = pub_day[local] - rng.integers(0, 2, n)
    # news is skewed: a few actors, codes and places make most events (Zipf-like draws)
    acts = corpus.acts
    src = zipf(rng, len(acts), n)
    tgt = (src + 1 + zipf(rng, len(acts) - 1, n)) % len(acts)
    code = zipf(rng, len(corpus.codes), n)
    place = np.where(rng.random(n) < 0.35, N_PLACES, zipf(rng, N_PLACES, n))  # a third without a place
    outlet_ix = rng.integers(0, N_OUTLETS, n_docs)

    doc_ids = [f"bench-{i:07d}" for i in doc_numbers.tolist()]
    texts = [f"Synthetic article {i}: " + (SENTENCE + " ") * per_doc for i in doc_numbers.tolist()]
    hashes = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
    keys = np.array([doc_key(h) for h in hashes], dtype=np.int64)
    pub = (pub_day + (START - EPOCH).days).astype(np.int32)
    urls = pa.array([f"https://news.example/{d}" for d in doc_ids], pa.string())
    doc_outlets = corpus.outlets.take(pa.array(outlet_ix))
    now = pa.array(np.full(n_docs, np.datetime64(datetime(2025, 1, 1), "us")))
    documents = {
        "doc_key": keys, "content_hash": hashes, "doc_id": doc_ids, "date": pa.array(pub, pa.date32()),
        "title": doc_ids, "url": urls, "source": doc_outlets, "origin": doc_ids, "language": pa.repeat("en", n_docs),
        "text": texts, "ingested_at": now,
    }
    sent_ix = np.tile(np.arange(per_doc, dtype=np.int32), n_docs)
    ev_keys = keys[local]
    sentence = pa.repeat(SENTENCE, n)
    sentences = {
        "doc_key": ev_keys, "sentence_index": sent_ix, "start_char": sent_ix * 26, "end_char": sent_ix * 26 + 25,
        "text": sentence,
    }
    event_ids = [f"{doc_ids[d]}-e{s}" for d, s in zip(local.tolist(), sent_ix.tolist(), strict=True)]
    spans = _take([json.dumps([s * 26, s * 26 + 9]) for s in range(per_doc)], sent_ix)
    codes = corpus.codes
    sa = _take([a[0] for a in acts], src)
    ta = _take([a[0] for a in acts], tgt)
    cluster_keys = corpus.key_hashes(src, tgt, code, None)
    group_keys = corpus.key_hashes(src, tgt, code, place)
    events = {
        "doc_key": ev_keys, "event_id": event_ids, "doc_id": _take(doc_ids, local),
        "sentence_index": sent_ix, "sentence": sentence,
        "date": pa.array((ev_day + (START - EPOCH).days).astype(np.int32), pa.date32()),
        "publication_date": pa.array(pub[local], pa.date32()), "date_expression": pa.nulls(n, pa.string()),
        "date_method": pa.repeat("publication", n),
        "source": sa, "source_text": pa.repeat("Officials", n), "source_country": _take([a[1] for a in acts], src),
        "source_how": pa.repeat("bench", n), "target": ta, "target_text": pa.repeat("talks", n),
        "target_country": _take([a[1] for a in acts], tgt), "target_how": pa.repeat("bench", n),
        "cameo": _take([c.code for c in codes], code), "cameo_name": _take([c.name for c in codes], code),
        "plover": _take([c.plover for c in codes], code), "plover_mode": _take([c.mode for c in codes], code),
        "plover_context": _take([c.context for c in codes], code),
        "quad_class": _take([c.quad_class for c in codes], code, pa.int32()),
        "goldstein": _take([c.goldstein for c in codes], code, pa.float64()),
        "negated": pa.repeat(False, n), "intent": pa.repeat(False, n), "conditional": pa.repeat(False, n),
        "reported": pa.repeat(False, n), "historical": pa.repeat(False, n), "trigger": pa.repeat("met", n),
        "source_span": spans, "target_span": spans, "trigger_span": spans, "confidence": pa.repeat(0.9, n),
        "num_mentions": pa.repeat(pa.scalar(1, pa.int32()), n), "mentions": pa.repeat("[]", n),
        "location": corpus.place_json.take(pa.array(place)),
        "doc_url": urls.take(pa.array(local)), "doc_source": doc_outlets.take(pa.array(local)),
        "source_name": pa.nulls(n, pa.string()), "source_roles": pa.nulls(n, pa.string()),
        "target_name": pa.nulls(n, pa.string()), "target_roles": pa.nulls(n, pa.string()),
        "cameo_root": _take(corpus.roots, code), "place_key": corpus.place_keys.take(pa.array(place)),
        "cluster_key": cluster_keys, "group_key": group_keys,
        "cluster_day": (ev_day + (START - EPOCH).days).astype(np.int32), "cluster_id": pa.nulls(n, pa.string()),
    }
    starts = sent_ix * 26
    mentions = {
        "doc_key": ev_keys, "event_id": events["event_id"], "mention_index": np.zeros(n, dtype=np.int32),
        "sentence_index": sent_ix, "trigger_start": starts, "trigger_end": starts + 9,
        "trigger_text": pa.repeat("met", n), "source_start": starts, "source_end": starts + 9,
        "target_start": pa.nulls(n, pa.int32()), "target_end": pa.nulls(n, pa.int32()),
    }
    return Batch.from_columns(documents=documents, sentences=sentences, events=events, mentions=mentions)


def cpu_seconds() -> float:
    """CPU time of this process, every thread (DuckDB's included)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def bulk_load(path: Path, events: int, batch: int, per_doc: int = 10) -> dict[str, object]:
    """Ingest ``events`` synthetic events into a new store at ``path`` in one write run
    (``store.writing()``, as ``store.ingest`` does); timings of the write path."""
    corpus = Corpus()
    rng = np.random.default_rng(42)
    docs_per_batch = max(1, batch // per_doc)
    total_docs = events // per_doc
    wall = cpu = gen = 0.0
    per_batch: list[float] = []
    with open_store(str(path), settings=Settings(), hold=True) as store:
        t, c = time.perf_counter(), cpu_seconds()
        run = store.writing()
        run.__enter__()
        wall += time.perf_counter() - t
        cpu += cpu_seconds() - c
        for first in range(0, total_docs, docs_per_batch):
            t = time.perf_counter()
            rows = make_batch(corpus, first, min(docs_per_batch, total_docs - first), per_doc, rng, total_docs)
            gen += time.perf_counter() - t
            t, c = time.perf_counter(), cpu_seconds()
            store.ingest_batch(rows)
            per_batch.append(time.perf_counter() - t)
            wall += per_batch[-1]
            cpu += cpu_seconds() - c
            del rows
        t, c = time.perf_counter(), cpu_seconds()
        run.__exit__(None, None, None)  # the run's clustering
        clustering = time.perf_counter() - t
        counts = store.counts()
    wall += time.perf_counter() - t  # closing the store (its checkpoint) is part of the write
    cpu += cpu_seconds() - c
    return {"counts": counts, "wall": wall, "cpu": cpu, "gen": gen, "batches": per_batch, "clustering": clustering}


def timed(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


QUERIES: dict[str, Callable[[Store], object]] = {
    "counts by day, one dyad (USAGOV->CHNGOV)":
        lambda s: stats(s, by="day", filters=Filters(source="USAGOV", target="CHNGOV")),
    "top 10 dyads for a month (June)":
        lambda s: stats(s, by="dyad", filters=Filters(date_from=date(2024, 6, 1), date_to=date(2024, 6, 30), limit=10)),
    "events for a country in 2 weeks (UKR, <=1000)":
        lambda s: list(query(s, Filters(country="UKR", date_from=date(2024, 6, 1), date_to=date(2024, 6, 14), limit=1000))),
    "counts by PLOVER category, one country (RUS)":
        lambda s: stats(s, by="category", filters=Filters(country="RUS")),
}


def dashboard(store: Store, runs: int) -> dict[str, float]:
    return {name: timed(lambda fn=fn: fn(store), runs) for name, fn in QUERIES.items()}


def end_to_end(path: Path, n_docs: int) -> tuple[int, float]:
    """Events/s of ``store.ingest`` from ``CodedDocument`` records (default batches of 64 and of 2,000)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))
    from factories import synthetic_documents

    items = synthetic_documents(n_docs, seed=11)
    n_events = sum(len(i.events) for i in items if hasattr(i, "events"))
    out = []
    for batch_docs, name in ((64, "a.duckdb"), (2000, "b.duckdb")):
        with open_store(str(path / name), settings=Settings()) as store:
            t = time.perf_counter()
            store.ingest(items, batch_docs=batch_docs, batch_seconds=3600)
            out.append(n_events / (time.perf_counter() - t))
    return n_events, out[0], out[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=100_000, help="events per transaction")
    ap.add_argument("--repeat", type=int, default=3, help="bulk loads into fresh stores (median reported)")
    ap.add_argument("--runs", type=int, default=7, help="runs of each query (median reported)")
    ap.add_argument("--db", type=Path, default=None, help="DuckDB file of the last load (default: a temporary one)")
    ap.add_argument("--no-e2e", action="store_true", help="skip the run from CodedDocument records")
    args = ap.parse_args()
    folder = tempfile.TemporaryDirectory(prefix="eventwire-bench-")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    loads = []
    for i in range(args.repeat):
        last = i == args.repeat - 1
        path = args.db if (last and args.db) else Path(folder.name) / f"bench{i}.duckdb"
        if path.exists():
            sys.exit(f"{path} exists; give a new file")
        loads.append(bulk_load(path, args.events, args.batch))
        r = loads[-1]
        n = r["counts"]["events"]  # type: ignore[index]
        print(f"load {i + 1}: {n:,} events in {r['wall']:.1f} s wall ({n / r['wall']:,.0f} events/s), "  # type: ignore[operator]
              f"{r['cpu']:.1f} s CPU; batches median {statistics.median(r['batches']):.2f} s, "  # type: ignore[arg-type]
              f"last {r['batches'][-1]:.2f} s, clustering at the end {r['clustering']:.2f} s; generating the columns {r['gen']:.1f} s (not counted)")  # type: ignore[index]
    counts = loads[-1]["counts"]
    n = counts["events"]  # type: ignore[index]
    rate = statistics.median(n / r["wall"] for r in loads)  # type: ignore[operator]
    cpu_rate = statistics.median(n / r["cpu"] for r in loads)  # type: ignore[operator]
    print(f"store: {path} ({path.stat().st_size / 1e6:.0f} MB)")
    print(f"rows: {counts}")
    print(f"bulk write path, median of {args.repeat} loads: {rate:,.0f} events/s wall clock "
          f"(target 100,000: ratio {rate / 100_000:.2f}); {cpu_rate:,.0f} events per CPU second")
    with open_store(str(path), settings=Settings(), hold=True) as held_store:
        held = dashboard(held_store, args.runs)
    reopened = dashboard(open_store(str(path), settings=Settings(), create=False), args.runs)
    print(f"\nquery medians over {args.runs} runs (target < 100 ms)    held conn   open per query")
    for name, ms in held.items():
        print(f"  {name:<48} {ms:8.1f} ms   {reopened[name]:8.1f} ms")
    if not args.no_e2e:
        n_events, small, large = end_to_end(Path(folder.name), 2000)
        print(f"\nstore.ingest from CodedDocument records ({n_events:,} events): {small:,.0f} events/s in batches "
              f"of 64 documents (the default), {large:,.0f} events/s in batches of 2,000")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
