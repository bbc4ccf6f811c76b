"""Every export format: GDELT 2.0 Events TSV, Parquet by date, JSON Lines, CSV."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest
from store_factories import KHARKIV, TEXAS, Spec, article, synthetic_documents

from eventwire.errors import ExportError
from eventwire.export import export
from eventwire.export.files import FIELDS
from eventwire.export.gdelt import gdelt_columns, global_event_id
from eventwire.store import Filters, query

ITEMS = synthetic_documents(50, seed=17)


def shelling_reports():
    return [
        article("afp-9", "AFP", date(2024, 3, 10), ["Russian forces shelled Kharkiv on Saturday."],
                [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "shelled", "190", date(2024, 3, 9), KHARKIV)]),
        article("bbc-9", "BBC", date(2024, 3, 10), ["Kharkiv was shelled by Russian forces overnight."],
                [Spec(0, "RUSMIL", "Russian forces", "UKR", "Kharkiv", "shelled", "190", date(2024, 3, 9), KHARKIV)]),
        article("ap-9", "AP", date(2024, 3, 12), ["Texas police arrested two protesters in Austin."],
                [Spec(0, "USACOP", "Texas police", "USACVL", "protesters", "arrested", "173", date(2024, 3, 11), TEXAS)]),
    ]


def test_gdelt_has_61_fields_per_line_and_loads_with_gdelt_names(store, tmp_path: Path) -> None:
    store.ingest([*ITEMS, *shelling_reports()])
    out = tmp_path / "events.tsv"
    n = export(store, "gdelt", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert n == len(lines) == store.counts()["event_clusters"]
    assert all(len(line.split("\t")) == 61 for line in lines)
    names = gdelt_columns()
    columns = {name: "VARCHAR" for name in names}
    rows = duckdb.sql(
        f"SELECT * FROM read_csv('{out}', delim='\t', header=false, quote='', columns={columns!r})"
    ).fetchall()
    table = [dict(zip(names, r, strict=True)) for r in rows]
    assert len(table) == n
    kharkiv = [r for r in table if r["ActionGeo_FullName"] == "Kharkiv, Ukraine" and r["Actor2Code"] == "UKR"]
    assert len(kharkiv) == 1  # two reports, one event
    k = kharkiv[0]
    assert (k["SQLDATE"], k["MonthYear"], k["Year"]) == ("20240309", "202403", "2024")
    assert (k["Actor1Code"], k["Actor1Name"], k["Actor1CountryCode"], k["Actor1Type1Code"]) == (
        "RUSMIL", "RUSSIAN FORCES", "RUS", "MIL")
    assert (k["Actor2Code"], k["Actor2CountryCode"], k["Actor2Type1Code"]) == ("UKR", "UKR", None)
    assert (k["EventCode"], k["EventBaseCode"], k["EventRootCode"], k["QuadClass"]) == ("190", "190", "19", "4")
    assert float(k["GoldsteinScale"]) == -10.0
    assert (k["NumMentions"], k["NumSources"], k["NumArticles"]) == ("2", "2", "2")
    assert (k["ActionGeo_Type"], k["ActionGeo_CountryCode"], k["ActionGeo_ADM1Code"]) == ("4", "UP", "UP07")
    assert (float(k["ActionGeo_Lat"]), float(k["ActionGeo_Long"]), k["ActionGeo_FeatureID"]) == (49.9935, 36.2304, "706483")
    assert k["IsRootEvent"] == "1" and k["AvgTone"] is None
    assert k["SOURCEURL"] == "https://afp.example/afp-9"  # the earliest report (by doc_id on the same day)
    assert k["DATEADDED"] is not None and len(k["DATEADDED"]) == 14
    cluster_id = next(store.read("SELECT cluster_id FROM events WHERE event_id = 'afp-9-e0'"))["cluster_id"]
    assert k["GLOBALEVENTID"] == str(global_event_id(str(cluster_id)))
    texas = next(r for r in table if r["ActionGeo_FullName"] == "Texas, United States")
    assert (texas["ActionGeo_Type"], texas["ActionGeo_CountryCode"], texas["ActionGeo_ADM1Code"]) == ("2", "US", "USTX")
    assert (texas["Actor1Type1Code"], texas["Actor2Type1Code"]) == ("COP", "CVL")
    assert len({r["GLOBALEVENTID"] for r in table}) == n


def test_gdelt_export_filters_by_event(store, tmp_path: Path) -> None:
    store.ingest([*ITEMS, *shelling_reports()])
    out = tmp_path / "rus.tsv"
    export(store, "gdelt", out, filters=Filters(actor="RUSMIL", role="source"))
    rows = [line.split("\t") for line in out.read_text().splitlines()]
    assert rows and all(r[5] == "RUSMIL" for r in rows)


def test_jsonl_and_csv_hold_the_query_records_with_clusters(store, tmp_path: Path) -> None:
    store.ingest(ITEMS)
    expected = list(query(store, clusters=True))
    n_jsonl = export(store, "jsonl", tmp_path / "e.jsonl")
    got = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text().splitlines()]
    assert n_jsonl == len(expected) and got == expected
    n_csv = export(store, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert n_csv == len(rows) == len(expected)
    assert tuple(rows[0]) == FIELDS
    for row, record in zip(rows, expected, strict=True):
        assert row["event_id"] == record["event_id"]
        assert json.loads(row["trigger_span"]) == record["trigger_span"]
        assert row["negated"] == ("true" if record["negated"] else "false")
        assert row["location"] == ("" if record["location"] is None else row["location"])
        if record["location"] is not None:
            assert json.loads(row["location"]) == record["location"]
        assert int(row["cluster_articles"]) == record["cluster_articles"]


def test_parquet_is_partitioned_by_date(store, tmp_path: Path) -> None:
    store.ingest(ITEMS)
    folder = tmp_path / "pq"
    n = export(store, "parquet", folder)
    days = {str(r["date"]) for r in query(store)}
    assert {p.name for p in folder.iterdir()} == {f"date={d}" for d in days}
    data = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
    assert data.num_rows == n == store.counts()["events"]
    assert set(FIELDS) <= set(data.column_names)
    by_id = {r["event_id"]: r for r in data.to_pylist()}
    for record in query(store):
        row = by_id[record["event_id"]]
        assert str(row["date"]) == record["date"]
        assert row["goldstein"] == record["goldstein"] and row["source"] == record["source"]
    with pytest.raises(ExportError, match="not an empty folder"):
        export(store, "parquet", folder)


def test_bad_format_and_folder_are_export_errors(store, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="unknown export format"):
        export(store, "xml", tmp_path / "x.xml")
    with pytest.raises(ExportError, match="does not exist"):
        export(store, "csv", tmp_path / "missing" / "x.csv")


def test_gdelt_ethnic_code_is_the_suffix_after_country_and_roles() -> None:
    from eventwire.export.gdelt import _ethnic

    assert _ethnic("IRQCVLKUR", "IRQ", ["CVL"]) == "KUR"
    assert _ethnic("BIHMILSRP", "BIH", ["MIL"]) == "SRP"
    assert _ethnic("RUSGOV", "RUS", ["GOV"]) == ""
    assert _ethnic("IGOUNOMIL", None, ["MIL"]) == ""
    assert _ethnic("IMGINSISI", "IMG", ["INS"]) == ""
    assert _ethnic("USAGOVMIL", "USA", ["GOV"]) == ""  # a second role, not a people
