"""The FastAPI application: one router per resource, services owned by the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from api.deps import Services
from api.errors import install_error_handlers
from api.jobs import JobRunner, LazyPipeline
from api.routers import documents, health, jobs, page, quantities, sentences, trends
from api.settings import Settings, get_settings
from store.db import Store


def build_pipeline(taxonomy: str) -> Any:
    from nlp.pipeline import Pipeline  # heavy import, deferred until the first upload

    return Pipeline(taxonomy=taxonomy)


def create_app(
    settings: Settings | None = None, *, pipeline_factory: Callable[[], Any] | None = None
) -> FastAPI:
    """The app. `pipeline_factory` lets tests share one already built Pipeline (default taxonomy)."""
    settings = settings or get_settings()

    def factory(taxonomy: str) -> Any:
        if pipeline_factory is not None and taxonomy == settings.taxonomy:
            return pipeline_factory()
        return build_pipeline(taxonomy)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store(settings.db)
        pipeline = LazyPipeline(factory, settings.taxonomy)
        runner = JobRunner(store, pipeline, settings.workers)
        app.state.services = Services(settings=settings, store=store, pipeline=pipeline, runner=runner)
        try:
            yield
        finally:
            runner.shutdown()
            dispose = getattr(store, "close", None) or getattr(store, "dispose", None)
            if dispose:
                dispose()

    # the OpenAPI pages (/docs, /redoc) serve their scripts from the package, not a CDN: policy
    # analysts' machines are often offline or behind a firewall
    app = FastAPIOffline(
        title="policyscope",
        summary="Numeric targets, clusters and themes from Chinese policy texts.",
        version="0.1.0",
        lifespan=lifespan,
    )
    install_error_handlers(app)
    for module in (health, documents, jobs, quantities, sentences, trends, page):
        app.include_router(module.router)
    return app
