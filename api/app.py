"""The FastAPI application: built around a store, so tests can serve any graph."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.datastructures import Headers
from starlette.middleware.gzip import IdentityResponder
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from stancegraph import __version__
from stancegraph.kg.store import QueryLimits, Store

from . import errors
from .middleware import AccessLog, AllowedHosts, BodyLimit, Methods
from .negotiation import accepts_gzip
from .pages import actors as actor_pages
from .pages import documents as document_pages
from .pages import home, search
from .pages import issues as issue_pages
from .pages import query as query_page
from .pages import stances as stance_pages
from .pages.templating import PageError, compile_templates, error_page
from .routers import actors, documents, dumps, health, issues, network, queries, sparql, stances

STATIC = Path(__file__).resolve().parent / "static"


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
    limits: ServerLimits | None = None, cors_origins: tuple[str, ...] = (),
) -> FastAPI:
    """The HTTP API and the web pages over `store`; `dumps_dir` (a build folder) enables
    /dumps; `cors_origins` are the web origins whose scripts may call the server ("*": any;
    none by default).

    `query_timeout` also becomes the store's default, so every query the app runs is bounded.
    SPARQL and named queries run on `store`, the REST look-ups and pages on `store.lookups`.
    """
    if query_timeout <= 0:
        raise ValueError("query_timeout must be positive")
    # FastAPIOffline: /docs loads Swagger UI from files of that package, not from a CDN; no
    # validator badge either, which would call out to swagger.io. No /redoc: ReDoc's page
    # still fetches its logo from the web.
    app = FastAPIOffline(
        redoc_url=None, swagger_ui_parameters={"validatorUrl": None},
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

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(home.router)
    app.include_router(health.router)
    app.include_router(sparql.router)
    app.include_router(dumps.router)
    app.include_router(actors.router)
    app.include_router(stances.router)
    app.include_router(issues.router)
    app.include_router(documents.router)
    app.include_router(queries.router)
    app.include_router(network.router)
    app.include_router(actor_pages.router)
    app.include_router(document_pages.router)
    app.include_router(issue_pages.router)
    app.include_router(stance_pages.router)
    app.include_router(search.router)
    app.include_router(query_page.router)
    errors.install(app)
    compile_templates()

    @app.exception_handler(PageError)
    async def page_error(request: Request, exc: PageError) -> Response:
        return error_page(request, exc)

    # Outermost last: the access log sees every answer, those of the limits included.
    app.add_middleware(Methods, router=app.router)
    if cors_origins:
        # Outside Methods, so that it answers the preflight requests of allowed origins.
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
                           allow_headers=["Accept", "Content-Type"],
                           expose_headers=["Retry-After", "Content-Disposition", "ETag"])
    app.add_middleware(BodyLimit, max_bytes=app.state.limits.max_body)
    app.add_middleware(AllowedHosts, hosts=app.state.limits.allowed_hosts)
    app.add_middleware(AccessLog)
    return app
