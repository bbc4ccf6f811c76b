"""The whole pipeline on real files: the seed article, bad inputs in one batch, the API."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

import eventwire
from eventwire.pipeline import code_documents, code_paths
from eventwire.records import CodedDocument, Rejected, RejectReason
from eventwire.settings import Settings

INPUTS = Path(__file__).parent / "data" / "inputs"
SAMPLE = "samples/000_83ae223413989aa0.txt"


@pytest.fixture(scope="module")
def sample(shared_dir: Path) -> CodedDocument:
    (result,) = list(code_paths([shared_dir / SAMPLE], default_date=date(2020, 11, 3)))
    assert isinstance(result, CodedDocument)
    return result


def test_boilerplate_removed_and_yields_nothing(sample: CodedDocument):
    assert "This block is broken or missing" not in sample.doc.text
    assert sample.doc.removed, "the cleaner records what it removed"
    assert all("block is broken" not in e.sentence for e in sample.events)


def test_headline_and_lede_give_russia_rejecting_turkey(sample: CodedDocument):
    rejects = [e for e in sample.events if e.plover == "REJECT" and e.source.country == "RUS" and e.target.country == "TUR"]
    assert rejects, [(e.source.code, e.plover, e.target.code) for e in sample.events]
    event = rejects[0]
    assert event.source.code == "RUSGOV"
    # one event, seen in the headline and again in the lede
    assert event.sentence_index == 0 and event.num_mentions >= 2
    assert {m.sentence_index for m in event.mentions} >= {0, 1}


def test_no_event_from_syria_and_libya_sentence(sample: CodedDocument):
    for e in sample.events:
        assert "Syria" not in e.sentence and "Libya" not in e.sentence


def test_evidence_spans_index_the_cleaned_text(sample: CodedDocument):
    text = sample.doc.text
    for e in sample.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text
        for actor in (e.source, e.target):
            if actor.span is not None:
                assert text[actor.span.start : actor.span.end] == actor.span.text
        for m in e.mentions:
            assert text[m.trigger.start : m.trigger.end] == m.trigger.text


def test_event_ids_are_stable(shared_dir: Path):
    runs = [
        [e.event_id for r in code_paths([shared_dir / SAMPLE], default_date=date(2020, 11, 3)) for e in r.events]
        for _ in range(2)
    ]
    assert runs[0] == runs[1] and len(set(runs[0])) == len(runs[0])


def test_bad_inputs_in_one_batch_are_rejected_with_reasons(tmp_path: Path):
    big = tmp_path / "big.txt"
    with big.open("w") as fh:
        chunk = "Russia attacked Ukraine " * 4000
        while fh.tell() < 50_000_000:
            fh.write(chunk)
    good = tmp_path / "good.txt"
    good.write_text("Kenyan police arrested twenty protesters in Nairobi on Monday.\n")
    paths = [
        INPUTS / "empty.txt",
        INPUTS / "binary_junk.bin",
        INPUTS / "latin1_article.txt",
        big,
        INPUTS / "no_article.html",
        INPUTS / "french_news.txt",
        INPUTS / "records.jsonl",
        tmp_path / "does-not-exist.txt",
        good,
    ]
    results = list(code_paths(paths, settings=Settings(), default_date=date(2021, 3, 1)))
    rejected = {r.doc_id: r for r in results if isinstance(r, Rejected)}
    coded = {r.doc.doc_id: r for r in results if isinstance(r, CodedDocument)}
    reasons = {Path(k).name if "/" in k else k: r.reason for k, r in rejected.items()}
    assert reasons["empty.txt"] == RejectReason.EMPTY
    assert reasons["binary_junk.bin"] == RejectReason.BINARY
    assert reasons["big.txt"] == RejectReason.TOO_LARGE
    assert reasons["no_article.html"] == RejectReason.NO_ARTICLE
    assert reasons["french_news.txt"] == RejectReason.NOT_ENGLISH
    assert reasons["does-not-exist.txt"] == RejectReason.MISSING_PATH
    assert RejectReason.MALFORMED in {r.reason for r in rejected.values()}
    assert RejectReason.NO_TEXT in {r.reason for r in rejected.values()}
    assert all(r.detail for r in rejected.values())
    # the Latin-1 file and the good file are coded, not rejected
    assert any(k.endswith("latin1_article.txt") for k in coded)
    assert any(k.endswith("good.txt") for k in coded)
    good_events = next(v for k, v in coded.items() if k.endswith("good.txt")).events
    assert any(e.plover == "COERCE" for e in good_events)


def test_oversized_document_is_rejected_before_parsing():
    text = "Protesters marched in Cairo. " * 2000
    (result,) = list(code_documents([{"id": "long", "text": text}], settings=Settings(max_doc_chars=10_000)))
    assert isinstance(result, Rejected) and result.reason == RejectReason.TOO_LARGE


def test_code_documents_streams_mixed_inputs():
    docs = iter([
        {"id": "a", "text": "Germany imposed sanctions on Belarus.", "date": "2021-06-21"},
        "Japan and South Korea held talks in Tokyo on Monday.",
        {"text": "India and Pakistan agreed to resume talks."},
    ])
    results = code_documents(docs)
    first = next(results)  # a generator: the first document comes before the rest is read
    assert isinstance(first, CodedDocument) and first.doc.doc_id == "a"
    rest = list(results)
    assert len(rest) == 2 and all(isinstance(r, CodedDocument) for r in rest)
    assert rest[0].doc.doc_id != rest[1].doc.doc_id


def test_public_api_code_text():
    events = eventwire.code_text("Russia's foreign minister rejected Turkey's proposal.", date="2020-11-03")
    assert [(e.source.code, e.plover, e.target.code) for e in events] == [("RUSGOV", "REJECT", "TUR")]
    record = events[0].to_dict()
    from eventwire.ontology import load_ontology

    assert record["plover"] == "REJECT" and record["quad_class"] == 3 and record["cameo"].startswith("12")
    assert record["goldstein"] == load_ontology().get(record["cameo"]).goldstein
    json.dumps(record)  # the flat record is JSON-serialisable


def _has(sample: CodedDocument, source: str, plover: str, target: str | None = None, flag: str | None = None) -> bool:
    for e in sample.events:
        if e.source.country == source and e.plover == plover and (target is None or e.target.country == target):
            if flag is None or getattr(e.modality, flag):
                return True
    return False


def test_sample_events_a_careful_coder_expects(sample: CodedDocument):
    """Issue 3's list for the seed article."""
    assert _has(sample, "RUS", "REJECT", "TUR")  # declines to endorse Turkey's proposal
    assert _has(sample, "ARM", "ASSAULT", "AZE") and _has(sample, "AZE", "ASSAULT", "ARM")  # the war
    assert _has(sample, "RUS", "CONSULT", "ARM") and _has(sample, "RUS", "CONSULT", "AZE")  # Lavrov's consultations
    assert _has(sample, "RUS", "THREATEN", "ARM", flag="conditional") or _has(sample, "RUS", "AGREE", "ARM", flag="conditional")
    assert _has(sample, "TUR", "ACCUSE")  # Erdogan sees the current format as a failure
    assert all(_has(sample, c, "REQUEST") for c in ("FRA", "USA", "RUS"))  # the three call for an end to the fighting
    assert _has(sample, "ARM", "ACCUSE", "AZE") and _has(sample, "AZE", "ACCUSE", "ARM")  # mutual accusations
    assert _has(sample, "RUS", "AGREE", "TUR")  # Putin can work together with Erdogan


def test_sample_fighting_is_placed_in_nagorno_karabakh(sample: CodedDocument):
    from eventwire.geo.gazetteer import haversine_km

    fighting = [e for e in sample.events if e.plover == "ASSAULT"]
    assert fighting
    for e in fighting:
        assert e.location is not None and haversine_km(e.location.lat, e.location.lon, 39.8, 46.75) <= 100, e.location


def test_sample_dates(sample: CodedDocument):
    by_expr = {e.date.expression: e.date.date for e in sample.events if e.date.expression}
    weekend = [d for x, d in by_expr.items() if "weekend" in x.lower()]
    assert weekend and weekend[0] in (date(2020, 10, 31), date(2020, 11, 1))
