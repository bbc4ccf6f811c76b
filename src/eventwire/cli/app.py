"""The ``eventwire`` command: a thin layer over the library.

Each command is one library call; library errors become ``Error: ...`` with a non-zero
exit status (``--debug`` shows the traceback). Progress bars go to stderr.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventwireError
from eventwire.records import CodedDocument, Rejected
from eventwire.schema import EVENT_FIELDS
from eventwire.settings import load_settings

app = typer.Typer(
    name="eventwire",
    help="Read news, write political event data (CAMEO/PLOVER) with the evidence for every record.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")]
ConfigOpt = Annotated[Optional[Path], typer.Option("--config", help="Settings file (TOML or YAML).")]


def table_console(file=None) -> Console:  # noqa: ANN001
    """Tables are wide: when not writing to a terminal, do not squeeze them into 80 columns."""
    console = Console(file=file)
    if not console.is_terminal:
        console = Console(file=file, width=200)
    return console


def fail(exc: BaseException, debug: bool) -> None:
    if debug:
        raise exc
    err.print(f"[red]Error:[/red] {exc}")
    raise typer.Exit(1)


def parse_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def progress_iter(items, total_hint: int | None, enabled: bool):  # noqa: ANN001, ANN201
    """Wrap a result stream with a progress bar on stderr when there are several documents."""
    if not enabled:
        yield from items
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(
        TextColumn("coding"), BarColumn(), MofNCompleteColumn(), TextColumn("docs"), TimeElapsedColumn(),
        console=err, transient=True,
    ) as bar:
        task = bar.add_task("coding", total=total_hint)
        for item in items:
            bar.advance(task)
            yield item


def _count_inputs(paths: list[str]) -> int | None:
    total = 0
    for p in paths:
        path = Path(p)
        if p == "-" or not path.exists():
            return None
        if path.is_dir():
            return None
        if path.suffix in (".jsonl", ".ndjson"):
            return None
        total += 1
    return total


def _flat_for_csv(row: dict[str, object]) -> dict[str, object]:
    return {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in row.items()}


@app.command()
def code(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, JSONL files, or - for stdin.")],
    date_: Annotated[Optional[str], typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that have none.")] = None,
    format_: Annotated[str, typer.Option("--format", help="jsonl, csv or table.")] = "jsonl",
    out: Annotated[Optional[Path], typer.Option("--out", help="Write events here instead of stdout.")] = None,
    rejections: Annotated[Optional[Path], typer.Option("--rejections", help="Write every rejected document here as JSONL.")] = None,
    no_statements: Annotated[bool, typer.Option("--no-statements", help="Leave out CAMEO 01 public statements.")] = False,
    min_confidence: Annotated[float, typer.Option("--min-confidence", help="Drop events below this confidence.")] = 0.0,
    config: ConfigOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Code news into events.

    Example: eventwire code samples/ --date 2020-11-03 --format table
    """
    if format_ not in ("jsonl", "csv", "table"):
        raise typer.BadParameter("--format must be jsonl, csv or table")
    from eventwire.pipeline import code_paths

    try:
        settings = load_settings(config, statements=not no_statements, min_confidence=min_confidence)
        default_date = parse_date(date_)
        sink = out.open("w", encoding="utf-8", newline="") if out else sys.stdout
        rej_sink = rejections.open("w", encoding="utf-8") if rejections else None
    except (EventwireError, OSError) as exc:
        fail(exc, debug)
        return
    total = _count_inputs(paths)
    results = progress_iter(code_paths(paths, settings=settings, default_date=default_date), total, total != 1)
    reasons: Counter[str] = Counter()
    examples: list[Rejected] = []
    n_docs = n_events = 0
    writer = None
    table_rows: list[dict[str, object]] = []
    try:
        for result in results:
            if isinstance(result, Rejected):
                reasons[str(result.reason)] += 1
                if len(examples) < 10:
                    examples.append(result)
                if rej_sink:
                    rej_sink.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                continue
            assert isinstance(result, CodedDocument)
            n_docs += 1
            for event in result.events:
                n_events += 1
                row = event.to_dict()
                if format_ == "jsonl":
                    sink.write(json.dumps(row, ensure_ascii=False) + "\n")
                elif format_ == "csv":
                    if writer is None:
                        writer = csv.DictWriter(sink, fieldnames=list(EVENT_FIELDS))
                        writer.writeheader()
                    writer.writerow(_flat_for_csv(row))
                else:
                    table_rows.append(row)
    except (EventwireError, OSError) as exc:
        fail(exc, debug)
    finally:
        if out:
            sink.close()
        if rej_sink:
            rej_sink.close()
    if format_ == "table":
        print_events_table(table_rows, table_console(sink) if out else table_console())
    err.print(f"{n_events} events from {n_docs} documents; {sum(reasons.values())} rejected")
    if reasons:
        err.print("rejected: " + ", ".join(f"{r} {n}" for r, n in reasons.most_common()))
        for r in examples:
            err.print(f"  {r.doc_id}: {r.reason} ({r.detail})")


def print_events_table(rows: list[dict[str, object]], console: Console) -> None:
    table = Table(show_lines=False)
    for col in ("date", "source", "cameo", "plover", "target", "trigger", "flags", "conf", "location"):
        table.add_column(col)
    for r in rows:
        flags = ",".join(f for f in ("negated", "intent", "conditional", "reported", "historical") if r.get(f))
        loc = r.get("location") or {}
        table.add_row(
            str(r["date"] or ""), f"{r['source']} ({r['source_text']})", str(r["cameo"]), str(r["plover"] or "-"),
            f"{r['target']} ({r['target_text']})", str(r["trigger"]), flags, f"{r['confidence']:.2f}",
            str(loc.get("name", "")) if isinstance(loc, dict) else "",
        )
    console.print(table)


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold file (JSONL, shared eval format).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    errors: Annotated[Optional[Path], typer.Option("--errors", help="Write mismatched sentences here (JSONL).")] = None,
    config: ConfigOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Score the coder on a gold file: P/R/F1 for event-only, country-level and full codes.

    Example: eventwire eval ../shared/eval/dev/plover_gsr_dev.jsonl
    """
    from eventwire.evaluate import evaluate_file

    try:
        report = evaluate_file(gold, settings=load_settings(config))
    except EventwireError as exc:
        fail(exc, debug)
        return
    if errors:
        with errors.open("w", encoding="utf-8") as fh:
            for e in report.errors:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    data = report.to_dict()
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    console = table_console()
    table = Table(title=f"{gold} ({report.sentences} sentences)")
    for col in ("level", "precision", "recall", "F1", "tp", "fp", "fn"):
        table.add_column(col)
    for lvl in ("event", "country", "full"):
        d = data[lvl]
        table.add_row(lvl, f"{d['precision']:.3f}", f"{d['recall']:.3f}", f"{d['f1']:.3f}", str(d["tp"]), str(d["fp"]), str(d["fn"]))
    console.print(table)
    cal = Table(title="calibration (country-level correctness by confidence)")
    for col in ("confidence", "events", "correct", "accuracy"):
        cal.add_column(col)
    for row in data["calibration"]:
        cal.add_row(row["band"], str(row["events"]), str(row["correct"]), "-" if row["accuracy"] is None else f"{row['accuracy']:.2f}")
    console.print(cal)


def _register_optional() -> None:
    from eventwire.cli import store_commands

    store_commands.register(app)


def main() -> None:
    _register_optional()
    app()


if __name__ == "__main__":
    main()
