"""Background processing of uploaded documents.

The app owns one `JobRunner` (created and shut down by its lifespan): a thread
pool that turns bytes into a Document, analyses it and saves it, recording the
job's status in the store. A failure marks the job failed with a message; it
never leaves half a document behind (the store saves an analysis in one
transaction).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from ingest.errors import IngestError
from ingest.records import Document

log = logging.getLogger(__name__)


class LazyPipeline:
    """Builds each taxonomy's (expensive) NLP pipeline on first use, once, shared by all threads."""

    def __init__(self, factory: Callable[[str], Any], default: str) -> None:
        self._factory = factory
        self.default = default
        self._lock = threading.Lock()
        self._pipelines: dict[str, Any] = {}

    def get(self, taxonomy: str | None = None) -> Any:
        name = taxonomy or self.default
        with self._lock:
            if name not in self._pipelines:
                self._pipelines[name] = self._factory(name)
            return self._pipelines[name]


class JobRunner:
    def __init__(self, store: Any, pipeline: LazyPipeline, workers: int) -> None:
        self._store = store
        self._pipeline = pipeline
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="policyscope-job")

    def submit(self, job_id: str, load: Callable[[], Document], taxonomy: str | None = None) -> Future:
        """Run `load` then analyse and save, in the background; the job records the outcome."""
        return self._pool.submit(self._run, job_id, load, taxonomy)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job_id: str, load: Callable[[], Document], taxonomy: str | None) -> None:
        self._store.update_job(job_id, "running")
        try:
            document = load()
            pipeline = self._pipeline.get(taxonomy)
            analysis = pipeline.analyse(document)
            self._store.save_analysis(analysis, pipeline.term_counts(document))
        except IngestError as exc:
            self._store.update_job(job_id, "failed", error=f"{exc.message} [{exc.code}]")
        except Exception as exc:  # our bug, not the user's input: log it, fail the job, keep serving
            log.exception("job %s failed", job_id)
            self._store.update_job(job_id, "failed", error=f"internal error: {type(exc).__name__}: {exc}")
        else:
            self._store.update_job(job_id, "done", document_id=document.id)
