"""The `policyscope` command line (Typer). Each command is thin; shared work lives in api.batch.

A failure of one source prints one line on stderr and the batch goes on; the
exit code is 1 when anything failed.
"""

from __future__ import annotations

import json
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from api import batch, cli_eval, cli_poll
from api.cli_output import output_console, show_quantities, show_sentences, show_trend, summary
from api.fetch import fetch_settings
from api.settings import Settings, get_settings, with_overrides
from ingest.errors import IngestError
from ingest.sources import load_source_list
from nlp.taxonomy import TaxonomyError, taxonomy_path

if TYPE_CHECKING:
    from store.db import Store

app = typer.Typer(
    help="Pull Chinese policy texts, extract numeric targets, classify by cluster and theme.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

DbOpt = Annotated[str | None, typer.Option("--db", help="SQLAlchemy URL [env POLICYSCOPE_DB].")]
Sources = Annotated[list[str], typer.Argument(help="Files, folders, URLs or source-list files.")]
IncludeDuplicatesOpt = Annotated[
    bool,
    typer.Option(
        "--include-duplicates", help="Also copies of stored texts (the same report stored from another file)."
    ),
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one line on stderr; the caller raises the returned Exit."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def settings_from(**flags: object) -> Settings:
    try:
        settings = with_overrides(get_settings(), **flags)
    except ValueError as exc:
        raise fail(f"bad setting: {exc}", 2) from exc
    if "taxonomy" in flags:
        # a usage error before any document is read, not one failure per document (the file is
        # only found here; the pipeline parses it)
        try:
            taxonomy_path(settings.taxonomy)
        except TaxonomyError as exc:
            raise fail(f"--taxonomy: {exc}", 2) from exc
    return settings


def open_store(url: str, *, create: bool = False) -> Store:
    """The store at `url`, or one clear error line instead of a traceback.

    Only writing commands (`create`) may make a new SQLite file: for a read command a
    mistyped path would otherwise silently become an empty database and "no results".
    """
    import sqlalchemy as sa
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    from store.db import Store
    from store.engine import is_memory_sqlite

    try:
        parsed = sa.make_url(url)
    except ArgumentError as exc:
        raise fail(f"--db: not a database URL: {url!r}", 2) from exc
    shown = parsed.render_as_string(hide_password=True)
    is_file = parsed.get_backend_name() == "sqlite" and not is_memory_sqlite(parsed)
    if not create and is_file and not parsed.query.get("uri") and not Path(str(parsed.database)).exists():
        raise fail(f"no such database: {parsed.database} (`policyscope ingest` creates one)")
    try:
        return Store(url)
    except ArgumentError as exc:  # includes an unknown scheme (NoSuchModuleError)
        raise fail(
            f"--db: unknown database URL {shown} (sqlite:///FILE or postgresql+psycopg://...)", 2
        ) from exc
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise fail(f"cannot open database {shown}: {reason}") from exc


def check_out(option: str, path: Path | None) -> None:
    """A usage error for an output file in a missing folder, before any work is done."""
    if path is not None and not path.parent.is_dir():
        raise fail(f"{option}: no such folder {path.parent}", 2)


def cannot_write(exc: OSError) -> typer.Exit:
    return fail(f"cannot write {exc.filename or 'output'}: {exc.strerror or exc}")


def report_failures(outcomes: list[batch.Outcome]) -> int:
    failed = [o for o in outcomes if o.error]
    for outcome in failed:
        typer.echo(f"error: {outcome.error}", err=True)
    return len(failed)


def report_copies(copies: list[tuple[str, str]]) -> None:
    for source, original in copies:
        typer.echo(
            f"{source}: same text as stored document {original[:12]}, so left out of queries and trends"
            " (--include-duplicates shows it)"
        )


@app.command()
def analyse(
    sources: Sources,
    as_json: Annotated[
        bool, typer.Option("--json", help="JSON Lines: one analysis record per document.")
    ] = False,
    taxonomy: Annotated[str | None, typer.Option(help="Cluster taxonomy name or file.")] = None,
) -> None:
    """Analyse documents without a database; print a summary, or the records as JSON Lines."""
    settings = settings_from(taxonomy=taxonomy)
    paths, failed = batch.expand(sources)
    outcomes = list(failed)
    task = partial(batch.analyse_source, taxonomy=settings.taxonomy, fetch=fetch_settings(settings))
    for outcome in batch.run(task, paths, None):
        outcomes.append(outcome)
        if outcome.analysis is not None:
            text = (
                json.dumps(outcome.analysis.to_record(), ensure_ascii=False)
                if as_json
                else summary(outcome.analysis)
            )
            typer.echo(text)
    if report_failures(outcomes):
        raise typer.Exit(1)


@app.command()
def numbers(text: Annotated[str, typer.Argument(help="Chinese text.")]) -> None:
    """Every number expression in TEXT as a JSON list."""
    from nlp.numbers import find_numbers

    fields = ("raw", "value", "value_max", "unit", "comparator", "change", "start", "end")
    found = [{f: getattr(n, f, None) for f in fields} for n in find_numbers(text)]
    typer.echo(json.dumps(found, ensure_ascii=False))


@app.command()
def ingest(
    sources: Sources,
    db: DbOpt = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="Worker processes [env POLICYSCOPE_WORKERS].")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address, e.g. tcp://host:8786.")
    ] = None,
    taxonomy: Annotated[str | None, typer.Option(help="Cluster taxonomy name or file.")] = None,
) -> None:
    """Analyse and store documents; already stored ones (same bytes) are skipped.

    A source list's feeds are polled too, as by `poll`.
    """
    settings = settings_from(db=db, workers=workers, scheduler=scheduler, taxonomy=taxonomy)
    store = open_store(settings.db, create=True)
    paths, failed = batch.expand(sources)
    try:
        tally = cli_poll.pull(settings, store, paths, cli_poll.feed_lists(sources), "ingest")
    except batch.BatchError as exc:
        raise fail(str(exc), 2) from exc
    errors = report_failures(failed + tally.outcomes)
    report_copies(tally.copies)
    typer.echo(f"{tally.new} new, {tally.unchanged} already stored, {errors} failed")
    if errors:
        raise typer.Exit(1)


@app.command()
def poll(
    source_list: Annotated[Path, typer.Argument(help="Source-list YAML file with a 'feeds:' list.")],
    db: DbOpt = None,
    state: Annotated[
        Path | None, typer.Option(help="Poll state JSON file (env POLICYSCOPE_POLL_STATE).")
    ] = None,
    once: Annotated[bool, typer.Option("--once", help="One round even when an interval is set.")] = False,
    every: Annotated[
        float | None, typer.Option(min=0, help="Seconds between rounds (env POLICYSCOPE_POLL_INTERVAL).")
    ] = None,
) -> None:
    """Poll a source list's feeds and listing pages; store new articles and attachments."""
    settings = settings_from(db=db, poll_state=str(state) if state else None, poll_interval=every)
    try:
        if not load_source_list(source_list)["feeds"]:
            raise fail(f"{source_list}: no 'feeds:' to poll", 2)
    except IngestError as exc:
        raise fail(batch.ingest_error_line(str(source_list), exc), 2) from exc
    store = open_store(settings.db, create=True)
    while True:
        try:
            tally = cli_poll.pull(settings, store, [], [source_list], "poll")
        except batch.BatchError as exc:
            raise fail(str(exc), 2) from exc
        errors = report_failures(tally.outcomes)
        report_copies(tally.copies)
        typer.echo(f"{tally.new} new, {tally.unchanged} unchanged, {errors} failed")
        if once or not settings.poll_interval:
            raise typer.Exit(1 if errors else 0)
        time.sleep(settings.poll_interval)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    # checked here: uvicorn reports a port out of range with a traceback
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port.")] = 8000,
    db: DbOpt = None,
) -> None:
    """Run the HTTP API and web page (uvicorn)."""
    import uvicorn

    from api.app import create_app

    settings = settings_from(db=db)
    open_store(
        settings.db, create=True
    ).close()  # a bad or unreachable database: one clear line, no traceback
    uvicorn.run(create_app(settings), host=host, port=port)


@app.command()
def quantities(
    kind: Annotated[str | None, typer.Option(help="target or actual.")] = None,
    year: Annotated[int | None, typer.Option(help="Year a target is due / an actual describes.")] = None,
    cluster: Annotated[str | None, typer.Option(help="Cluster label, e.g. 绿色石化.")] = None,
    theme: Annotated[str | None, typer.Option(help="green, new or high-end.")] = None,
    region: Annotated[str | None, typer.Option(help="Region, e.g. 宁波.")] = None,
    q: Annotated[str | None, typer.Option("--q", help="Text in the sentence.")] = None,
    unit: Annotated[str | None, typer.Option(help="Base unit, e.g. 元, 家, %.")] = None,
    comparator: Annotated[str | None, typer.Option(help="eq, gt, ge, lt, le, approx or range.")] = None,
    min_value: Annotated[
        float | None,
        typer.Option(help="Lowest value in base units (a range's lower bound); use with --unit."),
    ] = None,
    max_value: Annotated[
        float | None,
        typer.Option(help="Highest value in base units (a range's lower bound); use with --unit."),
    ] = None,
    include_duplicates: IncludeDuplicatesOpt = False,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, json, xlsx or parquet.")] = "table",
    out: Annotated[
        Path | None, typer.Option(help="Write to this file instead of stdout (--format table writes CSV).")
    ] = None,
    db: DbOpt = None,
) -> None:
    """Stored quantities matching every given filter."""
    from api.queries import COMPARATORS, all_quantities, check_cluster, quantity_query
    from store.queries import InvalidQuery

    _check_choice("--format", fmt, ("table", "csv", "json", "xlsx", "parquet"))
    _check_choice("--kind", kind, ("target", "actual"))
    _check_choice("--theme", theme, ("green", "new", "high-end"))
    _check_choice("--comparator", comparator, COMPARATORS)
    if fmt in ("xlsx", "parquet") and out is None:
        raise fail(f"--format {fmt} writes a binary file: give --out FILE", 2)
    check_out("--out", out)
    settings = settings_from(db=db)
    try:
        check_cluster(cluster, settings.taxonomy)
    except InvalidQuery as exc:
        raise fail(str(exc), 2) from exc
    query = quantity_query(
        kind=kind, year=year, cluster=cluster, theme=theme, region=region, q=q, unit=unit,
        comparator=comparator, min_value=min_value, max_value=max_value,
        include_duplicates=include_duplicates,
    )  # fmt: skip
    items = list(all_quantities(open_store(settings.db), query))
    try:
        show_quantities(items, fmt, out, output_console())
    except OSError as exc:
        raise cannot_write(exc) from exc


@app.command()
def sentences(
    cluster: Annotated[str | None, typer.Option(help="Cluster label, e.g. 新能源.")] = None,
    theme: Annotated[str | None, typer.Option(help="green, new or high-end.")] = None,
    min_score: Annotated[
        float | None, typer.Option(min=0.0, max=1.0, help="Lowest score of the --cluster/--theme label.")
    ] = None,
    region: Annotated[str | None, typer.Option(help="Document region, e.g. 宁波.")] = None,
    year: Annotated[int | None, typer.Option(help="Document year.")] = None,
    kind: Annotated[str | None, typer.Option(help="Document kind: policy, news or other.")] = None,
    q: Annotated[str | None, typer.Option("--q", help="Text in the sentence.")] = None,
    headings: Annotated[bool, typer.Option("--headings", help="Include headings.")] = False,
    include_duplicates: IncludeDuplicatesOpt = False,
    fmt: Annotated[str, typer.Option("--format", help="table, csv or json.")] = "table",
    out: Annotated[
        Path | None, typer.Option(help="Write to this file instead of stdout (--format table writes CSV).")
    ] = None,
    db: DbOpt = None,
) -> None:
    """Stored sentences matching every given filter, with their scored labels."""
    from api.queries import all_sentences, check_cluster, sentence_query
    from store.queries import InvalidQuery

    _check_choice("--format", fmt, ("table", "csv", "json"))
    _check_choice("--theme", theme, ("green", "new", "high-end"))
    _check_choice("--kind", kind, ("policy", "news", "other"))
    check_out("--out", out)
    settings = settings_from(db=db)
    try:
        check_cluster(cluster, settings.taxonomy)
        query = sentence_query(
            cluster=cluster, theme=theme, min_score=min_score, region=region, year=year, kind=kind, q=q,
            headings=headings, include_duplicates=include_duplicates,
        )  # fmt: skip
    except InvalidQuery as exc:
        raise fail(str(exc), 2) from exc
    items = list(all_sentences(open_store(settings.db), query))
    try:
        show_sentences(items, fmt, out, output_console())
    except OSError as exc:
        raise cannot_write(exc) from exc


@app.command()
def trends(
    terms: Annotated[list[str], typer.Argument(help="Terms to count (exact substrings).")],
    by: Annotated[str, typer.Option(help="year, month, region or kind.")] = "year",
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    chart: Annotated[Path | None, typer.Option(help="Also write a chart: FILE.png, .svg or .html.")] = None,
    db: DbOpt = None,
) -> None:
    """How often terms occur in stored documents, per year, month, region or kind."""
    _check_choice("--by", by, ("year", "month", "region", "kind"))
    _check_choice("--format", fmt, ("table", "json", "csv"))
    chart_fmt = chart.suffix.lower().lstrip(".") if chart else None
    _check_choice("--chart suffix", chart_fmt, ("png", "svg", "html"))
    check_out("--chart", chart)
    from reports.charts import render  # matplotlib: imported only when a chart is drawn
    from reports.trends import trend_series

    trend = trend_series(open_store(settings_from(db=db).db), terms, by)
    show_trend(trend, fmt, output_console())
    if chart is not None and chart_fmt is not None:
        try:
            chart.write_bytes(render(trend, chart_fmt))
        except OSError as exc:
            raise cannot_write(exc) from exc


def _check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise fail(f"{option} must be one of {', '.join(choices)}, not {value!r}", 2)


cli_eval.register(app)


def main() -> None:
    app(prog_name="policyscope")


if __name__ == "__main__":
    main()
