"""Hand-built pipeline output for the store tests: articles, events and synthetic corpora.

Spans are computed from the text, so every event's evidence points at real characters.
Loaded by tests/store/conftest.py and tests/export/conftest.py as ``store_factories``.
"""

from __future__ import annotations

import atexit
import json
import os
import random
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventwire.ontology import load_ontology
from eventwire.records import (
    Actor,
    CleanDoc,
    CodedDocument,
    Event,
    EventDate,
    Mention,
    Modality,
    Place,
    Rejected,
    RejectReason,
    Sentence,
    Span,
    Stage,
)
from eventwire.settings import Settings
from eventwire.store import Store, open_store

KHARKIV = Place("Kharkiv", "city", "UKR", "UP", "UP07", 49.9935, 36.2304, 706483, "gazetteer", "Kharkiv")
KYIV = Place("Kyiv", "city", "UKR", "UP", "UP12", 50.4501, 30.5234, 703448, "gazetteer", "Kyiv")
UKRAINE = Place("Ukraine", "country", "UKR", "UP", None, 49.0, 32.0, 690791, "country", "Ukraine")
BRUSSELS = Place("Brussels", "city", "BEL", "BE", "BE11", 50.8503, 4.3517, 2800866, "gazetteer", "Brussels")
TEXAS = Place("Texas", "region", "USA", "US", "USTX", 31.0, -100.0, 4736286, "gazetteer", "Texas")
UNNAMED = Place("Goma", "city", "COD", "CG", None, -1.6792, 29.2228, None, "gazetteer", "Goma")


@dataclass(frozen=True)
class Spec:
    """One event to code in an article: words are looked up in the sentence."""

    sentence: int
    source: str
    source_words: str
    target: str
    target_words: str
    trigger: str
    cameo: str
    when: date | None = None  # event date; None: the publication date is used
    place: Place | None = None
    extra_mentions: tuple[tuple[int, str], ...] = ()  # other statements: (sentence index, trigger word)


def _span(text: str, words: str, base: int, after: int = 0) -> Span:
    at = text.index(words, after)
    return Span(base + at, base + at + len(words), words)


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for i, part in enumerate(text.split("\n")):
        out.append(Sentence(i, start, start + len(part), part))
        start += len(part) + 1
    return tuple(out)


def make_event(doc: CleanDoc, sentences: tuple[Sentence, ...], spec: Spec, number: int) -> Event:
    ont = load_ontology()
    code = ont.get(spec.cameo)
    sent = sentences[spec.sentence]
    src = _span(sent.text, spec.source_words, sent.start)
    tgt = _span(sent.text, spec.target_words, sent.start)
    trig = _span(sent.text, spec.trigger, sent.start)
    mentions = [Mention(sent.index, sent.text, trig, src, tgt)]
    for other, word in spec.extra_mentions:
        s2 = sentences[other]
        mentions.append(Mention(s2.index, s2.text, _span(s2.text, word, s2.start), None, None))
    return Event(
        event_id=f"{doc.doc_id}-e{number}",
        doc_id=doc.doc_id,
        sentence_index=sent.index,
        sentence=sent.text,
        source=Actor(spec.source, spec.source_words, src, spec.source[:3], tuple(_roles(spec.source)), None, "test"),
        target=Actor(spec.target, spec.target_words, tgt, spec.target[:3], tuple(_roles(spec.target)), None, "test"),
        cameo=code.code,
        cameo_name=code.name,
        plover=code.plover,
        plover_mode=code.mode,
        plover_context=code.context,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        modality=Modality(),
        trigger=trig,
        confidence=0.8,
        date=EventDate(spec.when or doc.date, doc.date, "yesterday" if spec.when else None, "relative" if spec.when else "publication"),
        location=spec.place,
        mentions=tuple(mentions) if spec.extra_mentions else (),
        doc_url=doc.url,
        doc_source=doc.source,
    )


def _roles(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(3, len(code), 3)]


def article(doc_id: str, outlet: str | None, published: date | None, lines: list[str], specs: list[Spec]) -> CodedDocument:
    text = "\n".join(lines)
    url = f"https://{outlet.lower()}.example/{doc_id}" if outlet else None
    doc = CleanDoc(doc_id, text, published, f"Title of {doc_id}", url, outlet, f"{doc_id}.txt", "en")
    sentences = _sentences(text)
    events = tuple(make_event(doc, sentences, spec, i) for i, spec in enumerate(specs))
    return CodedDocument(doc, sentences, events)


def rejection(doc_id: str, detail: str = "no article text found") -> Rejected:
    return Rejected(doc_id, Stage.CLEAN, RejectReason.NO_ARTICLE, detail)


# -- synthetic corpora for bulk, crash and concurrency tests ---------------------------------

_ACTORS = [("RUSMIL", "Russian forces"), ("UKRMIL", "Ukrainian troops"), ("USAGOV", "Washington"),
           ("CHNGOV", "Beijing"), ("IGO", "the United Nations"), ("FRAGOV", "Paris")]
_CODES = ["190", "042", "036", "112", "057", "173", "010"]
_PLACES = [KHARKIV, KYIV, BRUSSELS, None, None]
_OUTLETS = ["AFP", "Reuters", "AP", "BBC", None]


def synthetic_documents(n: int, seed: int = 7, start: date = date(2024, 3, 1), days: int = 20) -> list[CodedDocument | Rejected]:
    """``n`` deterministic documents (about one in fifteen a rejection), 0-3 events each."""
    rng = random.Random(seed)
    items: list[CodedDocument | Rejected] = []
    for i in range(n):
        doc_id = f"syn{seed}-{i:05d}"
        if rng.random() < 0.07:
            items.append(rejection(doc_id, f"synthetic rejection {i % 3}"))
            continue
        published = start + timedelta(days=rng.randrange(days))
        lines, specs = [], []
        for j in range(rng.randrange(4)):
            (scode, swords), (tcode, twords) = rng.sample(_ACTORS, 2)
            when = published - timedelta(days=rng.randrange(2)) if rng.random() < 0.5 else None
            lines.append(f"In report {i} item {j}, {swords} acted against {twords} on that day.")
            specs.append(Spec(j, scode, swords, tcode, twords, "acted", rng.choice(_CODES), when, rng.choice(_PLACES)))
        if not lines:
            lines.append(f"Report {i} holds no event worth coding.")
        items.append(article(doc_id, rng.choice(_OUTLETS), published, lines, specs))
    return items


# -- comparing stores ----------------------------------------------------------------------

TIMESTAMPS = ("ingested_at", "rejected_at", "first_added")
DATA_TABLES = ("documents", "sentences", "events", "mentions", "rejections", "event_clusters")


def _norm(value: object) -> object:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.dumps(json.loads(value), sort_keys=True)
        except ValueError:
            return value
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True)
    return value


def table_rows(store, table: str, ignore: tuple[str, ...] = ()) -> list[tuple[object, ...]]:
    """All rows of a table, sorted, without the ``ignore`` columns; JSON normalised."""
    from eventwire.store.tables import columns

    cols = [c for c in columns(table) if c not in ignore]
    rows = [tuple(_norm(r[c]) for c in cols) for r in store.read(f"SELECT {', '.join(cols)} FROM {table}")]
    return sorted(rows, key=lambda r: tuple("" if v is None else str(v) for v in r))


def snapshot(store) -> dict[str, list[tuple[object, ...]]]:
    """Every data table, sorted, without the ingestion timestamps (they differ run to run)."""
    return {table: table_rows(store, table, TIMESTAMPS) for table in DATA_TABLES}


# -- fixtures (imported by tests/store/conftest.py and tests/export/conftest.py) -----------

BACKENDS = ["duckdb", "postgres"]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of a PostgreSQL server for the tests (started once per session, stopped at its end)."""
    yield pg_server_url()
    stop_pg_server()


def _fresh_pg_target(server: str) -> tuple[str, Callable[[], None]]:
    """A URL whose search_path is a new, empty schema; and a function dropping it."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in server else "?"

    def drop() -> None:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    return f"{server}{sep}options=-csearch_path%3D{schema}", drop


@pytest.fixture
def new_target(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """``new_target(backend)`` -> a target string for an empty store of that backend."""
    cleanups: list[Callable[[], None]] = []
    counter = iter(range(1000))

    def make(backend: str) -> str:
        if backend == "duckdb":
            return str(tmp_path / f"store{next(counter)}.duckdb")
        server = request.getfixturevalue("pg_server")
        url, drop = _fresh_pg_target(server)
        cleanups.append(drop)
        return url

    yield make
    for drop in cleanups:
        drop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def target(backend: str, new_target: Callable[[str], str]) -> str:
    return new_target(backend)


@pytest.fixture
def store(target: str) -> Iterator[Store]:
    with open_store(target, settings=Settings()) as s:
        yield s


# -- a PostgreSQL server for the tests -------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
_PG: dict[str, str] = {}


def pg_server_url() -> str:
    """``EVENTWIRE_TEST_PG_URL``, else a throwaway server (scripts/pg_start.sh), once per process.

    Without a server the caller's test is skipped, except under ``CI=true`` where it fails.
    """
    url = os.environ.get("EVENTWIRE_TEST_PG_URL")
    if url:
        return url
    if "url" in _PG:
        return _PG["url"]
    if "error" in _PG:
        _unavailable(_PG["error"])
    folder = tempfile.mkdtemp(prefix="eventwire-pg-")
    try:
        run = subprocess.run(["bash", str(ROOT / "scripts" / "pg_start.sh"), folder],
                             capture_output=True, text=True, timeout=900, check=False)
        ok = run.returncode == 0 and run.stdout.strip()
        problem = run.stderr.strip()[-2000:]
    except (OSError, subprocess.TimeoutExpired) as exc:
        ok, problem = False, str(exc)
    if not ok:
        _PG["error"] = problem
        _unavailable(problem)
    _PG["folder"] = folder
    atexit.register(stop_pg_server)  # in case the session fixture's teardown never runs
    _PG["url"] = run.stdout.strip().splitlines()[-1]
    return _PG["url"]


def stop_pg_server() -> None:
    """Stop the server :func:`pg_server_url` started, if any (idempotent)."""
    folder = _PG.pop("folder", None)
    _PG.pop("url", None)
    if folder:
        subprocess.run(["bash", str(ROOT / "scripts" / "pg_stop.sh"), folder], capture_output=True, check=False)


def _unavailable(problem: str) -> None:
    import pytest

    message = f"PostgreSQL is not available for the tests: {problem}"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)
