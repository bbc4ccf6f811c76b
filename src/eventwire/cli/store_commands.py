"""CLI commands over the event store: ``ingest``, ``query``, ``stats``, ``export``.

Each command is a thin layer over one library call (``Store.ingest``, ``store.query``,
``store.stats``, ``export.export``). Library errors print ``Error: ...`` and exit with
status 1 (``--debug`` shows the traceback); progress goes to stderr.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from eventwire.errors import EventwireError
from eventwire.records import CodedDocument, Rejected

err = Console(stderr=True)

DbOpt = Annotated[str | None, typer.Option("--db", help="Store: a DuckDB file or a postgresql:// URL (default: settings.db).")]
ConfigOpt = Annotated[Path | None, typer.Option("--config", help="Settings file (TOML or YAML).")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show the full traceback on errors.")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Actor code prefix, e.g. RUS or RUSGOV (side: --role).")]
CountryOpt = Annotated[str | None, typer.Option("--country", help="Actor country code prefix (side: --role).")]
RoleOpt = Annotated[str, typer.Option("--role", help="Side for --actor/--country: any, source or target.")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Source actor code prefix.")]
TargetOpt = Annotated[str | None, typer.Option("--target", help="Target actor code prefix.")]
CameoOpt = Annotated[str | None, typer.Option("--cameo", help="CAMEO code or root prefix, e.g. 19 or 190.")]
PloverOpt = Annotated[str | None, typer.Option("--plover", help="PLOVER category, e.g. ASSAULT.")]
FromOpt = Annotated[str | None, typer.Option("--from", help="First event date, YYYY-MM-DD.")]
ToOpt = Annotated[str | None, typer.Option("--to", help="Last event date, YYYY-MM-DD.")]
PlaceOpt = Annotated[str | None, typer.Option("--place", help="Place name (part of it) or ISO3/FIPS country code.")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Words that must all occur in the evidence sentence.")]
OutletOpt = Annotated[str | None, typer.Option("--outlet", help="News outlet (document source).")]
LimitOpt = Annotated[int | None, typer.Option("--limit", help="At most this many rows.")]


def _fail(exc: BaseException, debug: bool) -> None:
    if debug:
        raise exc
    from rich.markup import escape

    err.print(f"[red]Error:[/red] {escape(str(exc))}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD", param_hint=option) from None


def _choice(value: str, choices: tuple[str, ...], option: str) -> str:
    if value not in choices:
        raise typer.BadParameter(f"{value!r}: choose one of {', '.join(choices)}", param_hint=option)
    return value


def _filters(**kw: object):
    from eventwire.store import Filters

    role = _choice(str(kw.pop("role")), ("any", "source", "target"), "--role")
    return Filters(
        role=role,  # type: ignore[arg-type]
        date_from=_date(kw.pop("date_from"), "--from"),  # type: ignore[arg-type]
        date_to=_date(kw.pop("date_to"), "--to"),  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def _open(db: str | None, config: Path | None, *, create: bool):
    from eventwire.settings import load_settings
    from eventwire.store import open_store

    settings = load_settings(config)
    return settings, open_store(db, settings=settings, create=create)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _emit(rows: Iterable[dict[str, object]], fmt: str, columns: tuple[str, ...] | None = None) -> int:
    """Rows to stdout as a rich table, CSV or JSON Lines; returns the count."""
    n = 0
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
        return n
    if fmt == "csv":
        writer = None
        for row in rows:
            if writer is None:
                writer = csv.writer(sys.stdout, lineterminator="\n")
                writer.writerow(columns or tuple(row))
            writer.writerow([_cell(row.get(c)) for c in (columns or tuple(row))])
            n += 1
        return n
    table = Table()
    cols = columns
    for row in rows:
        if cols is None:
            cols = tuple(row)
        if not table.columns:
            for c in cols:
                table.add_column(c, no_wrap=True)
        table.add_row(*(_cell(row.get(c)) for c in cols))
        n += 1
    from eventwire.cli.app import table_console

    table_console().print(table)
    return n


_EVENT_TABLE = ("date", "source", "cameo", "plover", "target", "trigger", "location", "outlet", "articles")


def _table_view(records: Iterator[dict[str, object]]) -> Iterator[dict[str, object]]:
    for r in records:
        loc = r.get("location")
        yield {**r, "location": loc.get("name") if isinstance(loc, dict) else "", "outlet": r.get("doc_source"),
               "articles": r.get("cluster_articles")}


def register(app: typer.Typer) -> None:
    """Add the store commands to ``app``."""

    @app.command()
    def ingest(
        paths: Annotated[list[str], typer.Argument(help="Files, directories, JSONL files, or - for stdin.")],
        db: DbOpt = None,
        date_: Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs that have none.")] = None,
        config: ConfigOpt = None,
        debug: DebugOpt = False,
    ) -> None:
        """Code news and store documents, events, clusters and rejections (idempotent).

        Example: eventwire ingest samples/ --db events.duckdb --date 2020-11-03
        """
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        from eventwire.pipeline import code_paths

        default_date = _date(date_, "--date")
        try:
            settings, store = _open(db, config, create=True)
        except EventwireError as exc:
            _fail(exc, debug)
            return
        err.print(f"store: {store.target}", highlight=False, soft_wrap=True)
        seen = {"docs": 0, "rejected": 0}
        with store, Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                             console=err, transient=True) as bar:
            task = bar.add_task("coding")

            def counted(items: Iterable[CodedDocument | Rejected]) -> Iterator[CodedDocument | Rejected]:
                for item in items:
                    seen["rejected" if isinstance(item, Rejected) else "docs"] += 1
                    bar.update(task, description=f"coded {seen['docs']} documents, {seen['rejected']} rejected")
                    yield item

            try:
                report = store.ingest(counted(code_paths(paths, settings=settings, default_date=default_date)))
            except EventwireError as exc:
                _fail(exc, debug)
                return
        err.print(
            f"added {report.documents_added} documents ({report.events_added} events), "
            f"skipped {report.documents_skipped} already stored; "
            f"{report.rejections_added} rejections stored ({report.rejections_skipped} already stored)",
            highlight=False,
            soft_wrap=True,
        )

    @app.command()
    def query(
        db: DbOpt = None,
        actor: ActorOpt = None,
        country: CountryOpt = None,
        role: RoleOpt = "any",
        source: SourceOpt = None,
        target: TargetOpt = None,
        cameo: CameoOpt = None,
        plover: PloverOpt = None,
        date_from: FromOpt = None,
        date_to: ToOpt = None,
        place: PlaceOpt = None,
        text: TextOpt = None,
        outlet: OutletOpt = None,
        format_: Annotated[str, typer.Option("--format", help="table, csv or jsonl.")] = "table",
        limit: LimitOpt = None,
        config: ConfigOpt = None,
        debug: DebugOpt = False,
    ) -> None:
        """Print stored events that match the filters, with their cluster counts.

        Example: eventwire query --db events.duckdb --actor RUS --role source --cameo 19 --from 2024-03-01 --format csv
        """
        from eventwire.export.files import FIELDS
        from eventwire.store import query as run_query

        fmt = _choice(format_, ("table", "csv", "jsonl"), "--format")
        filters = _filters(actor=actor, country=country, role=role, source=source, target=target, cameo=cameo,
                           plover=plover, date_from=date_from, date_to=date_to, place=place, text=text,
                           doc_source=outlet, limit=limit if limit is not None or fmt != "table" else 100)
        try:
            _, store = _open(db, config, create=False)
            with store:
                records = run_query(store, filters, clusters=True)
                n = _emit(_table_view(records), fmt, _EVENT_TABLE) if fmt == "table" else _emit(records, fmt, FIELDS)
        except EventwireError as exc:
            _fail(exc, debug)
            return
        err.print(f"{n} events", highlight=False, soft_wrap=True)

    @app.command()
    def stats(
        db: DbOpt = None,
        by: Annotated[str, typer.Option("--by", help="day, dyad, category (PLOVER) or root (CAMEO).")] = "day",
        actor: ActorOpt = None,
        country: CountryOpt = None,
        role: RoleOpt = "any",
        source: SourceOpt = None,
        target: TargetOpt = None,
        cameo: CameoOpt = None,
        plover: PloverOpt = None,
        date_from: FromOpt = None,
        date_to: ToOpt = None,
        place: PlaceOpt = None,
        format_: Annotated[str, typer.Option("--format", help="table, csv or jsonl.")] = "table",
        limit: LimitOpt = None,
        config: ConfigOpt = None,
        debug: DebugOpt = False,
    ) -> None:
        """Count events, clusters and mentions and sum Goldstein scores per day, dyad or category.

        Example: eventwire stats --db events.duckdb --by dyad --from 2024-03-01 --to 2024-03-31 --limit 10
        """
        from eventwire.store import stats as run_stats
        from eventwire.store import summary

        group = _choice(by, ("day", "dyad", "category", "root"), "--by")
        fmt = _choice(format_, ("table", "csv", "jsonl"), "--format")
        filters = _filters(actor=actor, country=country, role=role, source=source, target=target, cameo=cameo,
                           plover=plover, date_from=date_from, date_to=date_to, place=place, limit=limit)
        try:
            _, store = _open(db, config, create=False)
            with store:
                totals = summary(store)
                rows = run_stats(store, by=group, filters=filters)  # type: ignore[arg-type]
        except EventwireError as exc:
            _fail(exc, debug)
            return
        err.print(
            f"{store.target}: {totals['documents']} documents, {totals['events']} events, "
            f"{totals['event_clusters']} clusters, {totals['rejections']} rejections",
            highlight=False,
            soft_wrap=True,
        )
        _emit(rows, fmt)

    @app.command("export")
    def export_(
        out: Annotated[str, typer.Option("--out", help="Output file, folder (parquet) or - for stdout.")],
        db: DbOpt = None,
        format_: Annotated[str, typer.Option("--format", help="gdelt, parquet, jsonl or csv.")] = "jsonl",
        actor: ActorOpt = None,
        country: CountryOpt = None,
        role: RoleOpt = "any",
        cameo: CameoOpt = None,
        plover: PloverOpt = None,
        date_from: FromOpt = None,
        date_to: ToOpt = None,
        config: ConfigOpt = None,
        debug: DebugOpt = False,
    ) -> None:
        """Export events: GDELT 2.0 Events TSV (one row per cluster), Parquet by date, JSONL or CSV.

        Example: eventwire export --db events.duckdb --format gdelt --out events.gdelt.tsv
        """
        from eventwire.export import FORMATS, export

        fmt = _choice(format_, FORMATS, "--format")
        filters = _filters(actor=actor, country=country, role=role, cameo=cameo, plover=plover,
                           date_from=date_from, date_to=date_to)
        try:
            _, store = _open(db, config, create=False)
            with store, err.status(f"exporting {fmt}"):
                n = export(store, fmt, out, filters=filters)
        except EventwireError as exc:
            _fail(exc, debug)
            return
        err.print(f"wrote {n} {'clusters' if fmt == 'gdelt' else 'events'} to {out}", highlight=False, soft_wrap=True)
