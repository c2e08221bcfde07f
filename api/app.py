"""The FastAPI application: built around a store, so tests can serve any graph."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from starlette.datastructures import Headers
from starlette.middleware.gzip import IdentityResponder
from starlette.types import Receive, Scope, Send

from stancegraph import __version__
from stancegraph.kg.store import QueryLimits, Store

from . import errors
from .middleware import AccessLog, AllowedHosts, BodyLimit, Methods
from .negotiation import accepts_gzip
from .routers import actors, documents, dumps, health, issues, network, queries, sparql, stances


class _GZip(GZipMiddleware):
    """GZipMiddleware that also honours `gzip;q=0` (a refusal, not a request)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        refused = not accepts_gzip(Headers(scope=scope).get("accept-encoding"))
        if scope["type"] == "http" and refused:
            responder = IdentityResponder(self.app, self.minimum_size,
                                          exclude_content_types=self.exclude_content_types)
            await responder(scope, receive, send)
            return
        await super().__call__(scope, receive, send)


@dataclass(frozen=True)
class ServerLimits:
    """What the server accepts: request bodies up to `max_body` bytes, SPARQL queries within
    `query` (length, nesting, the SERVICE endpoints allowed), and requests whose Host is one
    of `allowed_hosts` (empty: any)."""

    max_body: int = 1_000_000
    query: QueryLimits = field(default_factory=QueryLimits)
    allowed_hosts: tuple[str, ...] = ()


def create_app(
    store: Store, *, dumps_dir: Path | None = None, query_timeout: float = 10.0,
    limits: ServerLimits | None = None,
) -> FastAPI:
    """The HTTP API over `store`; `dumps_dir` (a build folder) enables /dumps.

    `query_timeout` also becomes the store's default, so every query the app runs is bounded.
    SPARQL and named queries run on `store`, the REST look-ups on `store.lookups`.
    """
    if query_timeout <= 0:
        raise ValueError("query_timeout must be positive")
    app = FastAPI(
        title="stancegraph",
        version=__version__,
        summary="Actors and their positions in foreign-policy commentary, as a knowledge graph.",
        description=(
            "SPARQL 1.1 Protocol endpoint at `/sparql` (the default graph is the union of "
            "all named graphs), REST resources, named queries and the build's dump files."
        ),
    )
    store.default_timeout = store.lookups.default_timeout = query_timeout
    app.state.store = store
    app.state.query_timeout = query_timeout
    app.state.service_descriptions = OrderedDict()
    app.state.limits = limits or ServerLimits()
    app.state.dumps_dir = Path(dumps_dir).resolve() if dumps_dir is not None else None
    # Compresses results and JSON for clients that ask; dumps come pre-compressed. Level 1:
    # a third of the time of level 6 (1 ms instead of 3.5 for 300 kB of JSON) for a third
    # more bytes.
    app.add_middleware(_GZip, minimum_size=2048, compresslevel=1)

    app.include_router(health.router)
    app.include_router(sparql.router)
    app.include_router(dumps.router)
    app.include_router(actors.router)
    app.include_router(stances.router)
    app.include_router(issues.router)
    app.include_router(documents.router)
    app.include_router(queries.router)
    app.include_router(network.router)
    errors.install(app)
    # Outermost last: the access log sees every answer, those of the limits included.
    app.add_middleware(Methods, router=app.router)
    app.add_middleware(BodyLimit, max_bytes=app.state.limits.max_body)
    app.add_middleware(AllowedHosts, hosts=app.state.limits.allowed_hosts)
    app.add_middleware(AccessLog)
    return app
