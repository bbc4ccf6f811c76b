"""Store benchmark: bulk-ingest synthetic events into DuckDB, then time dashboard queries.

    .venv/bin/python benchmarks/store.py [--events 1000000] [--batch 50000] [--runs 7] [--db PATH]

Synthetic documents (10 events each, one year, 120 actor codes, 300 places) are built
column by column and written with ``store.ingest_batch`` -- the same transaction that
``store.ingest`` uses for pipeline output (insert documents, sentences, events, mentions,
then recompute the clusters of the touched keys). Reported: events/s of the write path
(generation excluded), then the median of several runs of typical dashboard queries,
once on a held connection and once opening the file per query (how the CLI reads).
A smaller end-to-end run from ``CodedDocument`` records is reported too.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from eventwire.ontology import load_ontology
from eventwire.records import Place
from eventwire.settings import Settings
from eventwire.store import Batch, Filters, open_store, query, stats
from eventwire.store.rows import doc_key, key_hash, place_key

START = date(2024, 1, 1)
COUNTRIES = ["USA", "CHN", "RUS", "UKR", "FRA", "DEU", "GBR", "IRN", "ISR", "PSE", "SYR", "TUR", "IND", "PAK",
             "JPN", "KOR", "PRK", "BRA", "MEX", "NGA", "ZAF", "EGY", "SAU", "IRQ", "AFG", "VEN", "COL", "ETH",
             "SDN", "COD", "IGO", "NGO", "MNC", "POL", "ITA", "ESP", "CAN", "AUS", "IDN", "PHL"]
ROLES = ["", "GOV", "MIL"]


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


def make_batch(first_doc: int, n_docs: int, per_doc: int, rng: np.random.Generator, total_docs: int) -> Batch:
    acts = actors()
    plc = places(300)
    ont = load_ontology()
    codes = ont.leaves()
    cinfo = [ont.get(c) for c in codes]
    n = n_docs * per_doc
    doc_ix = np.repeat(np.arange(first_doc, first_doc + n_docs), per_doc)
    # documents arrive roughly in publication order, as news does: the day grows with the
    # document number, give or take three days
    pub_day = np.clip((np.arange(first_doc, first_doc + n_docs) * 365) // total_docs + rng.integers(-3, 4, n_docs), 0, 364)
    ev_day = np.repeat(pub_day, per_doc) - rng.integers(0, 2, n)
    # news is skewed: a few actors, codes and places make most events (Zipf-like draws)
    src = zipf(rng, len(acts), n)
    tgt = (src + 1 + zipf(rng, len(acts) - 1, n)) % len(acts)
    code = zipf(rng, len(codes), n)
    place = np.where(rng.random(n) < 0.35, -1, zipf(rng, len(plc), n))  # a third without a place
    outlets = [f"Outlet{i}" for i in range(50)]
    now = datetime(2025, 1, 1)
    doc_ids = [f"bench-{i:07d}" for i in range(first_doc, first_doc + n_docs)]
    texts = [f"Synthetic article {i}: " + "Officials met and talked. " * per_doc for i in range(first_doc, first_doc + n_docs)]
    hashes = [hashlib.sha256(t.encode()).hexdigest() for t in texts]
    pubs = [START + timedelta(days=int(d)) for d in pub_day]
    outlet_ix = rng.integers(0, len(outlets), n_docs)
    keys = [doc_key(h) for h in hashes]
    documents = {
        "doc_key": keys, "content_hash": hashes, "doc_id": doc_ids, "date": pubs, "title": doc_ids,
        "url": [f"https://news.example/{d}" for d in doc_ids], "source": [outlets[i] for i in outlet_ix],
        "origin": doc_ids, "language": ["en"] * n_docs, "text": texts, "ingested_at": [now] * n_docs,
    }
    local = doc_ix - first_doc
    sent_ix = np.tile(np.arange(per_doc), n_docs)
    sentences = {
        "doc_key": [keys[i] for i in local], "sentence_index": sent_ix.tolist(),
        "start_char": (sent_ix * 26).tolist(), "end_char": (sent_ix * 26 + 25).tolist(),
        "text": ["Officials met and talked."] * n,
    }
    event_ids = [f"{doc_ids[d]}-e{s}" for d, s in zip(local.tolist(), sent_ix.tolist())]
    locs = [None if p < 0 else plc[p] for p in place.tolist()]
    loc_json = [None if p is None else json.dumps({"name": p.name, "feature_type": p.feature_type, "country": p.country,
                "fips": p.fips, "adm1": p.adm1, "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id,
                "method": p.method, "text": p.text}) for p in locs]
    span = [json.dumps([int(s) * 26, int(s) * 26 + 9]) for s in sent_ix.tolist()]
    days = [START + timedelta(days=int(d)) for d in ev_day.tolist()]
    ci = [cinfo[c] for c in code.tolist()]
    sa = [acts[s] for s in src.tolist()]
    ta = [acts[t] for t in tgt.tolist()]
    roots = [c.code[:2] for c in ci]
    pkeys = [place_key(p) for p in locs]
    events = {
        "doc_key": sentences["doc_key"], "event_id": event_ids, "doc_id": [doc_ids[i] for i in local],
        "sentence_index": sent_ix.tolist(), "sentence": sentences["text"], "date": days,
        "publication_date": [pubs[i] for i in local], "date_expression": [None] * n, "date_method": ["publication"] * n,
        "source": [a[0] for a in sa], "source_text": ["Officials"] * n, "source_country": [a[1] for a in sa],
        "source_how": ["bench"] * n, "target": [a[0] for a in ta], "target_text": ["talks"] * n,
        "target_country": [a[1] for a in ta], "target_how": ["bench"] * n, "cameo": [c.code for c in ci],
        "cameo_name": [c.name for c in ci], "plover": [c.plover for c in ci], "plover_mode": [c.mode for c in ci],
        "plover_context": [c.context for c in ci], "quad_class": [c.quad_class for c in ci],
        "goldstein": [c.goldstein for c in ci], "negated": [False] * n, "intent": [False] * n,
        "conditional": [False] * n, "reported": [False] * n, "historical": [False] * n, "trigger": ["met"] * n,
        "source_span": span, "target_span": span, "trigger_span": span, "confidence": [0.9] * n,
        "num_mentions": [1] * n, "mentions": ["[]"] * n, "location": loc_json,
        "doc_url": [documents["url"][i] for i in local], "doc_source": [documents["source"][i] for i in local],
        "source_name": [None] * n, "source_roles": [None] * n, "target_name": [None] * n, "target_roles": [None] * n,
        "cameo_root": roots, "place_key": pkeys,
        "cluster_key": [key_hash(a[0], b[0], r) for a, b, r in zip(sa, ta, roots)],
        "group_key": [key_hash(a[0], b[0], r, k) for a, b, r, k in zip(sa, ta, roots, pkeys)],
        "cluster_day": (ev_day + (START - date(1970, 1, 1)).days).tolist(), "cluster_id": [None] * n,
    }
    starts = (sent_ix * 26).tolist()
    mentions = {
        "doc_key": sentences["doc_key"], "event_id": event_ids, "mention_index": [0] * n,
        "sentence_index": sent_ix.tolist(), "trigger_start": starts,
        "trigger_end": [s + 9 for s in starts], "trigger_text": ["met"] * n, "source_start": starts,
        "source_end": [s + 9 for s in starts], "target_start": [None] * n, "target_end": [None] * n,
    }
    return Batch.from_columns(documents=documents, sentences=sentences, events=events, mentions=mentions)


def timed(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def dashboard(store, runs: int) -> dict[str, float]:
    month = (date(2024, 6, 1), date(2024, 6, 30))
    return {
        "counts by day, one dyad (USAGOV->CHNGOV)": timed(lambda: stats(store, by="day", filters=Filters(source="USAGOV", target="CHNGOV")), runs),
        "top 10 dyads for a month": timed(lambda: stats(store, by="dyad", filters=Filters(date_from=month[0], date_to=month[1], limit=10)), runs),
        "events for a country in 2 weeks (UKR, <=1000)": timed(lambda: list(query(store, Filters(country="UKR", date_from=date(2024, 6, 1), date_to=date(2024, 6, 14), limit=1000))), runs),
        "counts by PLOVER category, one country": timed(lambda: stats(store, by="category", filters=Filters(country="RUS")), runs),
    }


def end_to_end(path: Path, n_docs: int) -> float:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "store"))
    from factories import synthetic_documents

    items = synthetic_documents(n_docs, seed=11)
    n_events = sum(len(i.events) for i in items if hasattr(i, "events"))
    with open_store(str(path), settings=Settings(), hold=True) as store:
        t = time.perf_counter()
        store.ingest(items, batch_docs=2000)
        return n_events / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=100_000, help="events per transaction")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--db", type=Path, default=None, help="DuckDB file (default: a temporary one)")
    args = ap.parse_args()
    folder = tempfile.TemporaryDirectory(prefix="eventwire-bench-")
    path = args.db or Path(folder.name) / "bench.duckdb"
    per_doc = 10
    rng = np.random.default_rng(42)
    docs_per_batch = max(1, args.batch // per_doc)
    total_docs = args.events // per_doc
    write_s = gen_s = 0.0
    batch_s: list[float] = []
    with open_store(str(path), settings=Settings(), hold=True) as store:
        for first in range(0, total_docs, docs_per_batch):
            t = time.perf_counter()
            batch = make_batch(first, min(docs_per_batch, total_docs - first), per_doc, rng, total_docs)
            gen_s += time.perf_counter() - t
            t = time.perf_counter()
            store.ingest_batch(batch)
            batch_s.append(time.perf_counter() - t)
            write_s += batch_s[-1]
        counts = store.counts()
        print(f"store: {path}")
        print(f"rows: {counts}")
        print(f"generation: {gen_s:.1f} s (not counted)")
        rate = counts["events"] / write_s
        print(f"bulk write path: {counts['events']:,} events in {write_s:.1f} s = {rate:,.0f} events/s "
              f"(target 100,000: ratio {rate / 100_000:.2f})")
        print(f"seconds per batch of {args.batch:,} events: first {batch_s[0]:.2f}, median "
              f"{statistics.median(batch_s):.2f}, last {batch_s[-1]:.2f}")
        held = dashboard(store, args.runs)
    per_query = open_store(str(path), settings=Settings())
    reopened = dashboard(per_query, args.runs)
    print(f"\nquery medians over {args.runs} runs (target < 100 ms)   held conn   open per query")
    for name, ms in held.items():
        print(f"  {name:<48} {ms:8.1f} ms   {reopened[name]:8.1f} ms")
    e2e_path = Path(folder.name) / "e2e.duckdb"
    print(f"\nend-to-end from CodedDocument records (2,000 documents): {end_to_end(e2e_path, 2000):,.0f} events/s")


if __name__ == "__main__":
    main()
