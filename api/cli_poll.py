"""Pulling for `ingest` and `poll`: sources and polled feeds analysed and stored on one code path.

A round polls into a working copy of the poll state; the copy replaces the state
only after the new documents were analysed and stored, with those that failed
forgotten (so retried next time). A crash while storing leaves the old state:
the next round fetches again and the content hashes keep it idempotent.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.engine import make_url

from api import batch
from api.fetch import fetch_settings, poll_settings
from api.settings import Settings
from ingest.errors import IngestError
from ingest.poll import PollResult, forget, load_state, poll, save_state
from ingest.records import Document
from ingest.sources import LIST_SUFFIXES, load_source_list

DEFAULT_STATE = "policyscope.poll.json"


@dataclass
class Tally:
    new: int = 0
    unchanged: int = 0  # already stored, known from an earlier poll, or a feed that answered 304
    outcomes: list[batch.Outcome] = field(default_factory=list)
    copies: list[tuple[str, str]] = field(default_factory=list)  # (source, id of the stored original)

    @property
    def failures(self) -> list[batch.Outcome]:
        return [o for o in self.outcomes if o.error]


@dataclass
class Polled:
    documents: list[Document] = field(default_factory=list)
    origin: dict[str, str] = field(default_factory=dict)  # document source -> feed URL
    unchanged: int = 0
    failures: list[batch.Outcome] = field(default_factory=list)


def state_path(settings: Settings) -> Path:
    """POLICYSCOPE_POLL_STATE, else NAME.poll.json beside the SQLite file, else ./policyscope.poll.json."""
    if settings.poll_state:
        return Path(settings.poll_state).expanduser()
    url = make_url(settings.db)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        db_file = Path(url.database)
        return db_file.with_name(db_file.stem + ".poll.json")
    return Path(DEFAULT_STATE)


def feed_lists(specs: Iterable[str]) -> list[Path]:
    """The YAML source lists among `specs` that name feeds (unreadable ones: batch.expand reports them)."""
    lists = []
    for spec in specs:
        path = Path(spec).expanduser()
        if not (path.is_file() and path.suffix.lower() in LIST_SUFFIXES):
            continue
        try:
            if load_source_list(path)["feeds"]:
                lists.append(path)
        except IngestError:
            continue
    return lists


def _count(polled: Polled, result: PollResult) -> None:
    polled.documents += result.documents
    polled.origin.update(result.origin)
    polled.unchanged += len(result.not_modified) + len(set(result.skipped) - set(result.disallowed))
    for problem in result.problems:
        line = f"{problem.url}: {problem.message} [{problem.code}]"
        polled.failures.append(batch.Outcome(problem.url, error=line))


def poll_lists(lists: list[Path], settings: Settings, work: Path, state: Path) -> Polled:
    """Poll every list's feeds once, recording into `work`, the working copy of `state`."""
    polled = Polled()
    for source_list in lists:
        try:
            _count(polled, poll(source_list, work, poll_settings(settings)))
        except IngestError as exc:  # unreadable list or state file
            # name the user's state file, not the working copy
            source = str(state) if exc.source == str(work) else exc.source or str(source_list)
            line = f"{source}: {exc.message.replace(str(work), str(state))} [{exc.code}]"
            polled.failures.append(batch.Outcome(source, error=line))
    return polled


@contextmanager
def working_state(state: Path) -> Iterator[Path]:
    """A copy of the state file to poll into; removed at the end unless commit() moved it into place."""
    state.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=state.parent, prefix=state.name, suffix=".work")
    os.close(fd)
    work = Path(name)
    work.unlink()  # absent means "no state yet" to ingest.poll
    if state.exists():
        work.write_bytes(state.read_bytes())
    try:
        yield work
    finally:
        work.unlink(missing_ok=True)


def commit(work: Path, state: Path, polled: Polled, failed: set[str]) -> None:
    """The working state becomes the state, minus the documents that could not be stored."""
    try:
        data = load_state(work) if work.exists() else None
    except IngestError:  # an unreadable state was reported by poll_lists; leave it for the user
        return
    if data is None:
        return
    for doc in polled.documents:
        if doc.source in failed:
            forget(data, doc.source, doc.id, polled.origin.get(doc.source, ""))
    save_state(state, data)


def store_all(
    settings: Settings, store: Any, paths: list[str], documents: list[Document], label: str
) -> Tally:
    """Analyse and save every path and polled document (already stored ones are skipped)."""
    tally = Tally()
    if not paths and not documents:  # no worker processes to start for nothing
        return tally
    load_task = partial(
        batch.ingest_source, taxonomy=settings.taxonomy, db=settings.db, fetch=fetch_settings(settings)
    )
    doc_task = partial(batch.ingest_document, taxonomy=settings.taxonomy, db=settings.db)
    with batch.make_executor(settings.workers, settings.scheduler) as executor, progress() as bar:
        task = bar.add_task(label, total=len(paths) + len(documents))
        outcomes = chain(batch.run(load_task, paths, executor), batch.run(doc_task, documents, executor))
        for outcome in outcomes:
            if outcome.analysis is not None and store.save_analysis(outcome.analysis, outcome.term_counts):
                tally.new += 1
                if original := store.duplicate_of(outcome.analysis.document.id):
                    tally.copies.append((outcome.source, original))
            elif not outcome.error:
                tally.unchanged += 1
            tally.outcomes.append(outcome)
            bar.advance(task)
    return tally


def pull(settings: Settings, store: Any, paths: list[str], lists: list[Path], label: str) -> Tally:
    """One round: poll the lists' feeds, then analyse and store the paths and everything new."""
    if not lists:
        return store_all(settings, store, paths, [], label)
    state = state_path(settings)
    with working_state(state) as work:
        polled = poll_lists(lists, settings, work, state)
        tally = store_all(settings, store, paths, polled.documents, label)
        commit(work, state, polled, {o.source for o in tally.failures})
    tally.unchanged += polled.unchanged
    tally.outcomes = polled.failures + tally.outcomes
    return tally


def progress() -> Progress:
    console = Console(stderr=True)
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not console.is_terminal,  # no bar residue in pipes and logs
    )
