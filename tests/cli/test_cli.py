"""The command line as a user runs it: a real subprocess for exit codes and streams."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "eventwire.cli.app", *args],
        capture_output=True, text=True, input=stdin, cwd=ROOT, timeout=300,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("corpus")
    (d / "a.txt").write_text("Germany imposed sanctions on Belarus after the election.\n")
    (d / "b.txt").write_text("Kenyan police arrested twenty protesters in Nairobi on Monday.\n")
    (d / "empty.txt").write_text("")
    return d


def test_code_jsonl_with_rejections_file(corpus: Path, tmp_path: Path):
    rej = tmp_path / "rej.jsonl"
    proc = run("code", str(corpus), str(corpus / "missing.txt"), "--date", "2021-06-01", "--rejections", str(rej))
    assert proc.returncode == 0, proc.stderr
    events = [json.loads(line) for line in proc.stdout.splitlines()]
    assert {e["plover"] for e in events} >= {"COERCE"}
    assert all(e["date"] for e in events)
    rejections = [json.loads(line) for line in rej.read_text().splitlines()]
    assert {r["reason"] for r in rejections} == {"empty", "missing_path"}
    assert "rejected" in proc.stderr and "missing_path" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_code_csv_to_file(corpus: Path, tmp_path: Path):
    out = tmp_path / "events.csv"
    proc = run("code", str(corpus / "a.txt"), "--format", "csv", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert rows and rows[0]["source"].startswith("DEU") and rows[0]["target"].startswith("BLR")


def test_code_table_and_stdin():
    proc = run("code", "-", "--format", "table", stdin='{"id": "s1", "text": "India and Pakistan agreed to resume talks.", "date": "2021-02-25"}\n')
    assert proc.returncode == 0, proc.stderr
    assert "AGREE" in proc.stdout and "IND" in proc.stdout


def test_usage_errors_exit_non_zero():
    assert run("code", "x.txt", "--date", "yesterday").returncode == 2
    assert run("code", "x.txt", "--format", "xml").returncode == 2


def test_eval_reports_three_levels(tmp_path: Path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g1", "text": "Germany imposed sanctions on Belarus.", "date": "2021-06-21",
                                "events": [{"source": "DEU", "target": "BLR", "plover": "COERCE"}]}) + "\n")
    proc = run("eval", str(gold), "--json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["event"]["f1"] == 1.0 and report["country"]["tp"] == 1


def test_eval_missing_gold_is_a_clean_error(tmp_path: Path):
    proc = run("eval", str(tmp_path / "nope.jsonl"))
    assert proc.returncode == 1 and proc.stderr.startswith("Error:") and "Traceback" not in proc.stderr
