"""`eval` and `train`: commands that call nlp modules built elsewhere (imported lazily)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from api import batch

CORPORA = Path(__file__).resolve().parent.parent / "corpora"
# the industry-rich test sample, then the rest of the same documents (corpora/labels/README.md)
DEFAULT_LABEL_TESTS = (CORPORA / "labels" / "test.jsonl", CORPORA / "labels" / "test-fresh.jsonl")


class GoldError(ValueError):
    """A gold file that is not JSON Lines of objects naming their document."""


def load_gold(paths: list[Path]) -> list[dict[str, Any]]:
    """Every gold line; GoldError names the file and line of the first bad one (not a traceback)."""
    lines: list[dict[str, Any]] = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path}:{number}: not JSON ({exc.msg})") from exc
            if problem := _gold_line_problem(record):
                raise GoldError(f"{path}:{number}: {problem}")
            lines.append(record)
    if not lines:  # scoring nothing would print F1 0.000 and succeed
        raise GoldError(f"no gold lines in {', '.join(map(str, paths))}")
    return lines


def _gold_line_problem(record: object) -> str | None:
    """What nlp.evaluate would trip over (a KeyError deep in scoring), or None."""
    if not isinstance(record, dict):
        return "a gold line is a JSON object"
    for key in ("doc", "anchor"):
        if not isinstance(record.get(key), str):
            return f'a gold line needs "{key}" (a string)'
    if "value" in record and "unit" not in record:
        return 'a gold line with "value" needs "unit" (null for none)'
    return None


def find_documents(
    names: list[str], given: list[str], root: Path = CORPORA
) -> tuple[dict[str, str], list[str]]:
    """Gold document name -> source: a --source with that file name, else a file under corpora/."""
    by_name = {Path(s).name: s for s in given}
    found, missing = {}, []
    for name in names:
        if name in by_name:
            found[name] = by_name[name]
        elif hits := sorted(root.rglob(name)):
            found[name] = str(hits[0])
        else:
            missing.append(name)
    return found, missing


def eval_command(
    more_gold: Annotated[
        list[Path] | None,
        typer.Argument(exists=True, dir_okay=False, help="More gold files (`--gold A B C` works too)."),
    ] = None,
    gold: Annotated[
        list[Path] | None,
        typer.Option(
            "--gold", exists=True, dir_okay=False, help="Gold JSONL file(s) in the SCHEMA.md format."
        ),
    ] = None,
    source: Annotated[
        list[str] | None, typer.Option("--source", help="Document for a gold name (matched by file name).")
    ] = None,
    scope: Annotated[
        str,
        typer.Option(help="all: every prediction counts; anchored: only sentences the gold annotates."),
    ] = "all",
    labels: Annotated[
        bool,
        typer.Option(
            "--labels",
            help="Also score the sentence classifier beside its lexicon on the labelled test sets "
            "(the default when no gold is given).",
        ),
    ] = False,
    test: Annotated[
        list[Path] | None,
        typer.Option(
            exists=True,
            dir_okay=False,
            help="Labelled test file(s) for --labels (default: test.jsonl and test-fresh.jsonl).",
        ),
    ] = None,
    taxonomy: Annotated[str | None, typer.Option(help="Cluster taxonomy name or file.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also list every miss and extra.")] = False,
) -> None:
    """Score the product: quantities and labels against gold, and/or the classifier on its test split
    (alone, `policyscope eval` prints the classifier's per-label P/R/F1 beside its lexicon's)."""
    from api.cli import fail, settings_from

    gold = [*(gold or []), *(more_gold or [])]
    labels = labels or not gold  # bare `policyscope eval`: the classifier on its test split
    if scope not in ("all", "anchored"):
        raise fail(f"--scope must be all or anchored, not {scope!r}", code=2)
    settings = settings_from(taxonomy=taxonomy)
    failed = _eval_gold(gold, source or [], settings.taxonomy, scope, verbose) if gold else False
    if labels:
        from nlp.classifier import ModelError, ensure_model
        from nlp.classifier_eval import label_report

        tests = test or [p for p in DEFAULT_LABEL_TESTS if p.exists()]
        try:  # the committed model, or one retrained for this environment's libraries
            model = ensure_model(Path(settings.taxonomy).stem)
        except ModelError as err:
            raise fail(f"no classifier to score: {err}", code=1) from err
        try:
            typer.echo(label_report(model, tests, settings.taxonomy))
        except ValueError as err:  # a --test file with no sentence of the test split
            raise fail(str(err), code=2) from err
    if failed:
        raise typer.Exit(1)


def _eval_gold(gold: list[Path], given: list[str], taxonomy: str, scope: str, verbose: bool) -> bool:
    """Analyse the documents the gold names and print the scores; True when a document failed."""
    from api.cli import fail
    from nlp.evaluate import evaluate, format_report

    try:
        gold_lines = load_gold(gold)
    except GoldError as exc:
        raise fail(str(exc), code=2) from exc
    names = list(dict.fromkeys(line["doc"] for line in gold_lines))
    sources, missing = find_documents(names, given)
    for name in missing:
        typer.echo(
            f"error: {name}: document named by the gold not found under corpora/ (give --source)", err=True
        )
    analyses = []
    for name, src in sources.items():
        outcome = batch.analyse_source(src, taxonomy)
        if outcome.analysis is None:
            typer.echo(f"error: {outcome.error}", err=True)
            missing.append(name)
        else:
            analyses.append(outcome.analysis.to_record())
    chosen: Literal["all", "anchored"] = "anchored" if scope == "anchored" else "all"
    typer.echo(format_report(evaluate(analyses, gold_lines, scope=chosen), verbose=verbose))
    return bool(missing)


def train_command(
    data: Annotated[
        Path, typer.Option(exists=True, dir_okay=False, help="Labelled sentences (JSONL).")
    ] = CORPORA / "labels" / "train.jsonl",
    out: Annotated[Path | None, typer.Option(help="Model folder [default: corpora/models/TAXONOMY].")] = None,
    taxonomy: Annotated[str | None, typer.Option(help="Cluster taxonomy name or file.")] = None,
    ensure: Annotated[
        bool, typer.Option("--ensure", help="Retrain only if the saved model is missing or does not fit.")
    ] = False,
) -> None:
    """Train the sentence cluster/theme classifier; print its validation scores."""
    from api.cli import fail, settings_from
    from nlp.classifier import ModelError, ensure_model, train
    from nlp.taxonomy import load_taxonomy

    settings = settings_from(taxonomy=taxonomy)
    if ensure:
        try:
            typer.echo(f"model ready in {ensure_model(settings.taxonomy, data_path=data)}")
        except ModelError as exc:
            typer.echo(f"no model for {settings.taxonomy} (the lexicon labels it): {exc}")
        return
    target = out or CORPORA / "models" / Path(settings.taxonomy).stem
    try:
        meta = train(data, load_taxonomy(settings.taxonomy), target)
    except (ValueError, KeyError) as exc:
        raise fail(f"cannot train: {exc}") from exc
    typer.echo(f"model written to {target}")
    typer.echo(json.dumps(meta.get("validation", {}), ensure_ascii=False))


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)
    app.command("train")(train_command)
