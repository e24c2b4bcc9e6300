"""Run many sources through ingest and nlp, one outcome per source, failures kept per source.

Shared by `analyse` (no database) and `ingest` (stores). The task functions are
top-level so a ProcessPoolExecutor or a Dask client's executor can ship them;
each worker process builds its Pipeline once (the lru_cache is per process).
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.errors import IngestError
from ingest.fetch import FetchSettings
from ingest.records import Document
from ingest.sources import DOCUMENT_SUFFIXES, expand_sources, is_url, load_source
from nlp.records import Analysis


@dataclass
class Outcome:
    source: str
    analysis: Analysis | None = None
    document_id: str | None = None
    already_stored: bool = False
    term_counts: dict[str, int] | None = None  # for rising-term reports, saved with the analysis
    error: str | None = None  # one line for people: "SOURCE: message [code]"


class BatchError(Exception):
    """A whole batch cannot run (bad executor option); the CLI prints it and exits."""


def ingest_error_line(source: str, exc: IngestError) -> str:
    return f"{source}: {exc.message} [{exc.code}]"


def absolute(source: str) -> str:
    """A local path as an absolute, resolved path; a URL as it is.

    The source is stored with the document: `./docs/a.pdf` would mean nothing later, or elsewhere
    (and on a Dask worker with another working folder). Resolved here, in the calling process,
    because ingest reads paths as given.
    """
    return source if is_url(source) else str(Path(source).expanduser().resolve())


def expand(specs: Iterable[str]) -> tuple[list[str], list[Outcome]]:
    """Every spec to its sources, local paths made absolute; a spec that cannot be expanded fails."""
    sources: list[str] = []
    failed: list[Outcome] = []
    for spec in specs:
        try:
            found = expand_sources([spec])
        except IngestError as exc:
            failed.append(Outcome(spec, error=ingest_error_line(spec, exc)))
            continue
        if not found and Path(spec).is_dir():  # a folder of .doc/.wps files must not pass as done
            error = IngestError("empty_folder", f"no {', '.join(DOCUMENT_SUFFIXES)} file in this folder")
            failed.append(Outcome(spec, error=ingest_error_line(spec, error)))
        sources.extend(absolute(source) for source in found)
    return list(dict.fromkeys(sources)), failed


@lru_cache(maxsize=2)
def worker_pipeline(taxonomy: str) -> Any:
    from nlp.pipeline import Pipeline

    return Pipeline(taxonomy=taxonomy)


@lru_cache(maxsize=2)
def worker_store(url: str) -> Any:
    from store.db import Store

    return Store(url)


def guarded(work: Callable[[str], Outcome], source: str) -> Outcome:
    """Bad input becomes a failed outcome; so does our own bug, so the batch goes on."""
    try:
        return work(source)
    except IngestError as exc:
        return Outcome(source, error=ingest_error_line(source, exc))
    except Exception as exc:
        return Outcome(source, error=f"{source}: internal error: {type(exc).__name__}: {exc}")


def load(source: str, fetch: FetchSettings | None) -> Document:
    return load_source(source, fetch, max_bytes=fetch.max_bytes if fetch else None)


def analyse_source(source: str, taxonomy: str, fetch: FetchSettings | None = None) -> Outcome:
    def work(src: str) -> Outcome:
        analysis = worker_pipeline(taxonomy).analyse(load(src, fetch))
        return Outcome(src, analysis=analysis, document_id=analysis.document.id)

    return guarded(work, source)


def _analyse_new(document: Document, source: str, taxonomy: str, db: str) -> Outcome:
    """Skip the (costly) analysis when the document's bytes are already stored."""
    if worker_store(db).has_document(document.id):
        return Outcome(source, document_id=document.id, already_stored=True)
    pipeline = worker_pipeline(taxonomy)
    analysis = pipeline.analyse(document)
    counts = dict(pipeline.term_counts(document))
    return Outcome(source, analysis=analysis, document_id=document.id, term_counts=counts)


def ingest_source(source: str, taxonomy: str, db: str, fetch: FetchSettings | None = None) -> Outcome:
    """Load a path or URL and analyse it unless stored; the caller saves the analysis."""
    return guarded(lambda src: _analyse_new(load(src, fetch), src, taxonomy, db), source)


def ingest_document(document: Document, taxonomy: str, db: str) -> Outcome:
    """Same as ingest_source for a document already read (a polled article or attachment)."""
    return guarded(lambda src: _analyse_new(document, src, taxonomy, db), document.source)


def run(
    task: Callable[[Any], Outcome], sources: Sequence[Any], executor: Executor | None
) -> Iterator[Outcome]:
    """Outcomes in source order (sources or Documents), computed here or on the executor."""
    if executor is None:
        return map(task, sources)
    return executor.map(task, sources)


@contextmanager
def make_executor(workers: int, scheduler: str | None) -> Iterator[Executor | None]:
    """None (this process), local worker processes, or a Dask cluster: one code path for all."""
    if scheduler:
        client = dask_client(scheduler)
        try:
            yield client.get_executor()
        finally:
            client.close()
    elif workers > 1:
        with ProcessPoolExecutor(
            max_workers=workers, initializer=exit_with_parent, initargs=(os.getpid(),)
        ) as pool:
            yield pool
    else:
        yield None


def exit_with_parent(parent: int, every: float = 1.0) -> None:
    """In a worker: end when `parent` is gone. A killed `ingest` (kill -9) cannot stop its pool,
    and its workers would otherwise keep analysing, orphaned, until they finish."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def dask_client(address: str) -> Any:
    try:
        from distributed import Client
    except ImportError as exc:
        raise BatchError("--scheduler needs Dask: pip install 'dask[distributed]'") from exc
    try:
        return Client(address, timeout="10s")
    except OSError as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
