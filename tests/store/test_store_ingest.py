"""Ingesting pipeline output: rows, idempotence, rejections, schema checks (both backends)."""

from __future__ import annotations

from datetime import date

import pytest
from store_factories import KHARKIV, KYIV, Spec, article, rejection, snapshot, synthetic_documents

from eventwire.errors import StoreError, StoreSchemaError
from eventwire.records import CodedDocument
from eventwire.schema import event_to_dict
from eventwire.settings import Settings
from eventwire.store import Filters, IngestReport, open_store, query, stats


def _two_articles() -> list[CodedDocument]:
    a = article(
        "afp-1", "AFP", date(2024, 3, 10),
        ["Russian forces shelled Kharkiv on Saturday, officials said.",
         "The shelling hit a power plant.",
         "Ukraine's foreign minister accused Moscow of war crimes."],
        [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "shelled", "190", date(2024, 3, 9), KHARKIV, ((1, "shelling"),)),
         Spec(2, "UKRGOV", "Ukraine's foreign minister", "RUS", "Moscow", "accused", "112")],
    )
    b = article(
        "rtr-7", "Reuters", date(2024, 3, 10),
        ["Ukrainian officials met EU envoys in Kyiv to ask for air defence."],
        [Spec(0, "UKRGOV", "Ukrainian officials", "IGO", "EU envoys", "met", "040", None, KYIV)],
    )
    return [a, b]


def test_ingest_writes_every_row(store) -> None:
    docs = _two_articles()
    report = store.ingest([*docs, rejection("bad-1")])
    assert report == IngestReport(documents_added=2, documents_skipped=0, events_added=3, mentions_added=4,
                                  rejections_added=1, rejections_skipped=0)
    counts = store.counts()
    assert counts["documents"] == 2
    assert counts["sentences"] == 4
    assert counts["events"] == 3
    assert counts["mentions"] == 4  # the shelling is stated in two sentences
    assert counts["rejections"] == 1
    assert counts["event_clusters"] == 3
    doc = next(store.read("SELECT doc_id, content_hash, source, url, text FROM documents WHERE doc_id = ?", ["afp-1"]))
    assert doc["content_hash"] == docs[0].doc.content_hash
    assert doc["source"] == "AFP" and doc["text"] == docs[0].doc.text
    mention_rows = list(store.read(
        "SELECT m.sentence_index, m.trigger_start, m.trigger_end, m.trigger_text FROM mentions m "
        "JOIN documents d ON d.doc_key = m.doc_key WHERE d.doc_id = ? AND m.event_id = ? ORDER BY m.mention_index",
        ["afp-1", "afp-1-e0"]))
    text = docs[0].doc.text
    assert [r["sentence_index"] for r in mention_rows] == [0, 1]
    for r in mention_rows:
        assert text[r["trigger_start"]:r["trigger_end"]] == r["trigger_text"]
    assert [r["trigger_text"] for r in mention_rows] == ["shelled", "shelling"]


def test_reingest_adds_nothing(store) -> None:
    items = synthetic_documents(40, seed=3)
    first = store.ingest(items, batch_docs=7)
    before = snapshot(store)
    again = store.ingest(items, batch_docs=5)
    assert first.documents_added > 0 and first.events_added > 0 and first.rejections_added > 0
    assert again.documents_added == again.events_added == again.rejections_added == 0
    assert again.documents_skipped == first.documents_added
    assert again.rejections_skipped == first.rejections_added
    assert snapshot(store) == before


def test_repeated_document_in_one_input_is_stored_once(store) -> None:
    a, _ = _two_articles()
    report = store.ingest([a, a, a])
    assert report.documents_added == 1 and report.documents_skipped == 2
    assert store.counts()["events"] == len(a.events)


def test_same_doc_id_with_new_text_is_another_document(store) -> None:
    a = article("same-id", "AFP", date(2024, 3, 1), ["Paris condemned the attack."],
                [Spec(0, "FRAGOV", "Paris", "---", "attack", "condemned", "111")])
    b = article("same-id", "AFP", date(2024, 3, 1), ["Paris condemned the attack strongly."],
                [Spec(0, "FRAGOV", "Paris", "---", "attack", "condemned", "111")])
    store.ingest([a])
    report = store.ingest([b])
    assert report.documents_added == 1
    assert store.counts()["documents"] == 2
    assert len(list(query(store, Filters(doc_id="same-id")))) == 2


def test_rejections_are_idempotent_by_doc_reason_and_detail(store) -> None:
    report = store.ingest([rejection("x"), rejection("x"), rejection("x", "another detail"), rejection("y")])
    assert report.rejections_added == 3 and report.rejections_skipped == 1
    assert store.ingest([rejection("y")]).rejections_skipped == 1
    rows = list(store.read("SELECT doc_id, stage, reason, detail FROM rejections ORDER BY doc_id, detail"))
    assert [(r["doc_id"], r["reason"]) for r in rows] == [("x", "no_article"), ("x", "no_article"), ("y", "no_article")]


def test_query_returns_the_flat_records(store) -> None:
    docs = _two_articles()
    store.ingest(docs)
    expected = {e.event_id: event_to_dict(e) for d in docs for e in d.events}
    got = {r["event_id"]: r for r in query(store)}
    assert got == expected


def test_filters_select_the_right_events(store) -> None:
    store.ingest(_two_articles())

    def ids(**kw: object) -> list[str]:
        return sorted(str(r["event_id"]) for r in query(store, Filters(**kw)))  # type: ignore[arg-type]

    assert ids(actor="RUS") == ["afp-1-e0", "afp-1-e1"]  # source RUSMIL, and target RUS
    assert ids(actor="RUS", role="source") == ["afp-1-e0"]
    assert ids(actor="rus", role="target") == ["afp-1-e1"]
    assert ids(country="UKR", role="source") == ["afp-1-e1", "rtr-7-e0"]
    assert ids(source="UKRGOV", target="IGO") == ["rtr-7-e0"]
    assert ids(cameo="19") == ["afp-1-e0"]
    assert ids(cameo="11") == ["afp-1-e1"]
    assert ids(plover="assault") == ["afp-1-e0"]
    assert ids(date_from=date(2024, 3, 10)) == ["afp-1-e1", "rtr-7-e0"]
    assert ids(date_to=date(2024, 3, 9)) == ["afp-1-e0"]
    assert ids(place="kharK") == ["afp-1-e0"]
    assert ids(place="UKR") == ["afp-1-e0", "rtr-7-e0"]
    assert ids(place="UP") == ["afp-1-e0", "rtr-7-e0"]  # FIPS code
    assert ids(text="power") == []  # the second sentence is a mention, not the evidence sentence
    assert ids(text="war CRIMES") == ["afp-1-e1"]
    assert ids(text="100%") == []  # LIKE wildcards in the search are literal
    assert ids(doc_source="reuters") == ["rtr-7-e0"]
    assert len(ids(limit=2)) == 2


def test_stats_match_the_events(store) -> None:
    items = synthetic_documents(60, seed=5)
    store.ingest(items)
    events = [e for i in items if isinstance(i, CodedDocument) for e in i.events]
    by_day: dict[str, tuple[int, float]] = {}
    for e in events:
        day = (e.date.date or e.date.publication_date).isoformat() if e.date.date else None
        n, g = by_day.get(day, (0, 0.0))  # type: ignore[arg-type]
        by_day[day] = (n + 1, g + e.goldstein)  # type: ignore[index]
    rows = stats(store, by="day")
    assert {r["date"]: r["events"] for r in rows} == {k: v[0] for k, v in by_day.items()}
    for r in rows:
        assert r["goldstein"] == pytest.approx(by_day[r["date"]][1], abs=1e-6)  # type: ignore[index]
    dyads = stats(store, by="dyad")
    assert sum(int(r["events"]) for r in dyads) == len(events)  # type: ignore[call-overload]
    assert [r["events"] for r in dyads] == sorted((r["events"] for r in dyads), reverse=True)
    top = dyads[0]
    assert top["events"] == sum(1 for e in events if (e.source.code, e.target.code) == (top["source"], top["target"]))
    cats = {r["plover"]: r["events"] for r in stats(store, by="category")}
    assert cats == {p: sum(1 for e in events if e.plover == p) for p in {e.plover for e in events}}
    assert stats(store, by="root", filters=Filters(limit=1))[0]["events"] == max(
        sum(1 for e in events if e.cameo[:2] == root) for root in {e.cameo[:2] for e in events})


def test_progress_is_reported_per_batch(store) -> None:
    seen: list[IngestReport] = []
    store.ingest(synthetic_documents(30, seed=9), progress=seen.append, batch_docs=10)
    assert len(seen) >= 3
    added = [r.documents_added + r.rejections_added for r in seen]
    assert added == sorted(added) and added[-1] == 30


def test_missing_store_is_an_error_without_create(tmp_path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "none.duckdb"), settings=Settings(), create=False)
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "dir.duckdb"), settings=Settings())


def test_unreachable_postgres_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot connect"):
        open_store("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2", settings=Settings())


def test_foreign_tables_raise_a_schema_error(tmp_path) -> None:
    import duckdb

    path = tmp_path / "other.duckdb"
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE documents (id INTEGER, body VARCHAR)")
    with pytest.raises(StoreSchemaError, match="documents"):
        open_store(str(path), settings=Settings())


def test_other_schema_version_raises(tmp_path) -> None:
    import duckdb

    path = tmp_path / "old.duckdb"
    open_store(str(path), settings=Settings()).close()
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE store_meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreSchemaError, match="version 0"):
        open_store(str(path), settings=Settings())


def test_backends_hold_the_same_tables(new_target) -> None:
    items = synthetic_documents(80, seed=21)
    snaps = []
    for backend in ("duckdb", "postgres"):
        with open_store(new_target(backend), settings=Settings()) as s:
            s.ingest(items, batch_docs=13)
            snaps.append(snapshot(s))
    assert snaps[0] == snaps[1]
