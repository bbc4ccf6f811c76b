"""End-to-end coding vs spaCy parse-only, same model, same texts, one run.

    python benchmarks/throughput.py [--mb 1.0] [--repeats 3]

The corpus is built from the project's own news-style text (bundled sample articles,
the gold articles and gold sentences, all written for eventwire): sentences are shuffled
with a fixed seed into documents of 6-14 sentences until the corpus reaches ``--mb``
megabytes, written as JSONL so the end-to-end run also reads, cleans and language-checks
it. Both sides run alternately ``--repeats`` times; the medians and their ratio are
printed, and the end-to-end time is split, roughly, into eventwire's nlp stage run alone
on the raw texts (the same model, whose attribute ruler and lemmatizer run as table-driven
twins with identical output, see ``eventwire/nlp/rules.py``, plus eventwire's paragraph
and lemma-fix components) and the rest, both as shares of parse-only time. The corpus
reuses a pool of sentences, so the twins' tables are warm after the first run; on text
with an open vocabulary they fill as they go (see the README).
Memory: the peak RSS growth of the end-to-end run is printed for two corpus sizes, to
show that documents stream.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))


def _sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        out.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 40)
    for name in ("samples/articles.jsonl", "tests/gold/articles.jsonl", "tests/gold/sentences.jsonl", "tests/gold/locations.jsonl"):
        path = ROOT / name
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["text"]
                out.extend(p.strip() for p in text.split("\n") if len(p.strip()) > 40)
    return out


def build_corpus(path: Path, megabytes: float, seed: int = 7) -> tuple[int, int]:
    rng = random.Random(seed)
    pool = _sentences()
    if not pool:
        raise SystemExit("no source text found (samples/, tests/gold/)")
    size = docs = 0
    with path.open("w", encoding="utf-8") as fh:
        while size < megabytes * 1_000_000:
            n = rng.randint(6, 14)
            text = "\n\n".join(" ".join(rng.sample(pool, 2)) for _ in range(n // 2))
            rec = {"id": f"bench-{docs}", "date": "2024-05-01", "text": text}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            docs += 1
    return size, docs


def texts_of(path: Path) -> list[str]:
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def run_parse_only(nlp, texts: list[str]) -> tuple[float, int]:  # noqa: ANN001
    t0 = time.perf_counter()
    sentences = 0
    for doc in nlp.pipe(texts, batch_size=32):
        sentences += sum(1 for _ in doc.sents)
    return time.perf_counter() - t0, sentences


def run_end_to_end(path: Path) -> tuple[float, int, int]:
    from eventwire.pipeline import code_paths
    from eventwire.records import CodedDocument
    from eventwire.settings import Settings

    t0 = time.perf_counter()
    sentences = events = 0
    for result in code_paths([str(path)], settings=Settings()):
        if isinstance(result, CodedDocument):
            sentences += len(result.sentences)
            events += len(result.events)
    return time.perf_counter() - t0, sentences, events


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=1.0)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()

    import spacy

    from eventwire.pipeline import resources
    from eventwire.settings import Settings

    tmp = Path(tempfile.mkdtemp())
    corpus = tmp / "corpus.jsonl"
    size, docs = build_corpus(corpus, args.mb)
    texts = texts_of(corpus)
    print(f"corpus: {size / 1e6:.2f} MB, {docs} documents (built from the project's own news-style text)")
    settings = Settings()
    # load everything once, outside the timed runs: the spaCy model on both sides, and
    # eventwire's lexicons, knowledge base, gazetteer and language identifier
    resources(settings)
    from eventwire.pipeline import code_text

    code_text(texts[0])
    from eventwire.nlp import load_model

    baseline = spacy.load(settings.model)
    ours = load_model(settings.model)  # the same model as eventwire runs it (nlp/rules.py)
    warm = texts[:20]
    list(baseline.pipe(warm))
    parse_times, ours_times, e2e_times = [], [], []
    sents_parse = sents_e2e = n_events = 0
    for _ in range(args.repeats):
        t, sents_parse = run_parse_only(baseline, texts)
        parse_times.append(t)
        t, _ = run_parse_only(ours, texts)
        ours_times.append(t)
        t, sents_e2e, n_events = run_end_to_end(corpus)
        e2e_times.append(t)
    p, o, e = (statistics.median(x) for x in (parse_times, ours_times, e2e_times))
    print(f"spaCy parse-only : {sents_parse / p:8.1f} sentences/s (median of {args.repeats}: {p:.2f}s)")
    print(f"eventwire code   : {sents_e2e / e:8.1f} sentences/s (median of {args.repeats}: {e:.2f}s), {n_events} events")
    print(f"ratio end-to-end / parse-only time: {e / p:.3f}")
    print("where it goes, as shares of spaCy parse-only time:")
    print(f"  eventwire's nlp stage alone (same model; rule components table-driven, plus paragraph breaks and lemma fixes): {o / p:.3f}")
    print(f"  the rest of the end-to-end run (reading, cleaning, language check, coding):                                   {(e - o) / p:.3f}")
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    big = tmp / "corpus-big.jsonl"
    build_corpus(big, args.mb * 3, seed=11)
    run_end_to_end(big)
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak RSS growth coding a corpus 3x larger: {(rss1 - rss0) / 1024:.1f} MB (flat memory: documents stream)")


if __name__ == "__main__":
    main()
