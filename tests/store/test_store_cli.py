"""The store commands: ingest, query, stats, export (eventwire.cli.store_commands)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import typer
from store_factories import synthetic_documents
from typer.testing import CliRunner

from eventwire.cli.store_commands import register
from eventwire.export.files import FIELDS
from eventwire.records import CodedDocument
from eventwire.settings import Settings
from eventwire.store import open_store

ITEMS = synthetic_documents(40, seed=31)
N_DOCS = sum(isinstance(i, CodedDocument) for i in ITEMS)
N_EVENTS = sum(len(i.events) for i in ITEMS if isinstance(i, CodedDocument))


@pytest.fixture
def app() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """eventwire (test copy)"""

    register(app)
    return app


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def filled(tmp_path: Path) -> str:
    db = str(tmp_path / "cli.duckdb")
    with open_store(db, settings=Settings()) as s:
        s.ingest(ITEMS)
    return db


def test_ingest_codes_and_stores_then_skips_on_rerun(app, runner, tmp_path, monkeypatch) -> None:
    calls: list[tuple[list[str], object]] = []

    def fake_code_paths(paths, *, settings, default_date=None):
        calls.append((list(paths), default_date))
        return iter(ITEMS)

    monkeypatch.setattr("eventwire.pipeline.code_paths", fake_code_paths)
    db = str(tmp_path / "in.duckdb")
    first = runner.invoke(app, ["ingest", "a.txt", "b/", "--db", db, "--date", "2024-03-02"])
    assert first.exit_code == 0, first.output
    assert f"store: {db}" in first.output
    assert f"added {N_DOCS} documents ({N_EVENTS} events)" in first.output
    assert calls[0][0] == ["a.txt", "b/"] and str(calls[0][1]) == "2024-03-02"
    second = runner.invoke(app, ["ingest", "a.txt", "--db", db])
    assert second.exit_code == 0, second.output
    assert f"added 0 documents (0 events), skipped {N_DOCS} already stored" in second.output


def test_query_outputs_jsonl_csv_and_table(app, runner, filled) -> None:
    out = runner.invoke(app, ["query", "--db", filled, "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    records = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert len(records) == N_EVENTS
    assert set(FIELDS) <= set(records[0])
    rus = runner.invoke(app, ["query", "--db", filled, "--actor", "RUS", "--role", "source", "--format", "jsonl"])
    rus_records = [json.loads(line) for line in rus.stdout.splitlines() if line.startswith("{")]
    assert rus_records and all(str(r["source"]).startswith("RUS") for r in rus_records)
    assert len(rus_records) == sum(str(r["source"]).startswith("RUS") for r in records)
    as_csv = runner.invoke(app, ["query", "--db", filled, "--format", "csv", "--limit", "3"])
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[0] == list(FIELDS) and len(rows) == 4
    table = runner.invoke(app, ["query", "--db", filled, "--plover", "ASSAULT"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "ASSAULT" in table.stdout


def test_stats_and_export(app, runner, filled, tmp_path) -> None:
    out = runner.invoke(app, ["stats", "--db", filled, "--by", "dyad", "--format", "jsonl"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines() if line.startswith("{")]
    assert sum(r["events"] for r in rows) == N_EVENTS
    assert f"{N_DOCS} documents, {N_EVENTS} events" in out.output
    gdelt = tmp_path / "out.tsv"
    exported = runner.invoke(app, ["export", "--db", filled, "--format", "gdelt", "--out", str(gdelt)])
    assert exported.exit_code == 0, exported.output
    lines = gdelt.read_text().splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)


def test_errors_are_reported_without_traceback(app, runner, tmp_path) -> None:
    missing = runner.invoke(app, ["query", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1
    assert "Error:" in missing.output and "no store at" in missing.output and "Traceback" not in missing.output
    bad_format = runner.invoke(app, ["query", "--db", str(tmp_path / "none.duckdb"), "--format", "xml"])
    assert bad_format.exit_code == 2
    bad_date = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb"), "--from", "March"])
    assert bad_date.exit_code == 2
    with pytest.raises(Exception, match="no store at"):
        runner.invoke(app, ["stats", "--db", str(tmp_path / "none.duckdb"), "--debug"], catch_exceptions=False)


@pytest.mark.parametrize("command", ["ingest", "query", "stats", "export"])
def test_every_command_help_has_an_example(app, runner, command) -> None:
    out = runner.invoke(app, [command, "--help"])
    assert out.exit_code == 0
    assert f"Example: eventwire {command}" in out.output


def test_ingest_runs_the_real_pipeline_on_the_samples(app, runner, tmp_path) -> None:
    samples = sorted((Path(__file__).resolve().parents[2] / "samples").glob("*.txt"))[:2]
    assert samples, "the project's samples/ folder has text files"
    db = str(tmp_path / "real.duckdb")
    args = ["ingest", *map(str, samples), "--db", db, "--date", "2024-03-10"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    with open_store(db, settings=Settings(), create=False) as s:
        counts = s.counts()
    assert counts["documents"] + counts["rejections"] == len(samples)
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert "added 0 documents (0 events)" in again.output
    with open_store(db, settings=Settings(), create=False) as s:
        assert s.counts() == counts
