"""GET|POST /sparql: the query operation of the SPARQL 1.1 Protocol (read-only).

Queries come by GET (`?query=`), by POST form (application/x-www-form-urlencoded) or by POST
with the query as the body (application/sparql-query). `default-graph-uri` and
`named-graph-uri` set the dataset; without them the default graph is the union of all graphs.
A GET without a query returns the SPARQL Service Description, or sends a browser (a client
that prefers text/html) to the query page.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Sequence
from functools import partial
from urllib.parse import parse_qsl

import anyio.to_thread
import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse, Response

from stancegraph.kg.errors import QueryError, QueryStopped, StoreError
from stancegraph.kg.ids import PREFIXES
from stancegraph.kg.store import (
    GRAPH_FORMATS,
    NotAcceptable,
    QueryRefused,
    ResultFormats,
    Store,
    looks_like_update,
)
from stancegraph.kg.store.screen import screen

from ..errors import PROBLEM, problem
from ..negotiation import (
    FORMAT_NAMES,
    FORMAT_PARAMS,
    GRAPH_OFFERS,
    BadFormat,
    choose,
    parse_accept,
    result_formats,
)

router = APIRouter(tags=["sparql"])

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
_ABSOLUTE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*")
_READ_ONLY = "this endpoint is read-only: SPARQL Update is not accepted"
# Requests waiting for a query worker at once, beyond those the worker pool lets wait.
SPARQL_THREADS = 32
# Service descriptions kept, one per endpoint URL and format: the URL comes from the request's
# Host header, so the cache is bounded whatever clients send.
DESCRIPTIONS_KEPT = 16
log = logging.getLogger("stancegraph.sparql")

_PARAMETERS = [
    {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
     "description": "A SPARQL 1.1 query. Without it, GET returns the service description."},
    {"name": "default-graph-uri", "in": "query", "required": False,
     "schema": {"type": "array", "items": {"type": "string"}},
     "description": "Graphs whose merge is the default graph (repeatable)."},
    {"name": "named-graph-uri", "in": "query", "required": False,
     "schema": {"type": "array", "items": {"type": "string"}},
     "description": "Graphs available to GRAPH patterns (repeatable)."},
    {"name": "format", "in": "query", "required": False, "schema": {"type": "string"},
     "description": "Result format instead of Accept: " + ", ".join(sorted(FORMAT_NAMES))},
]
_RESULT_TYPES = {
    t: {} for t in (
        "application/sparql-results+json", "application/sparql-results+xml", "text/csv",
        "text/tab-separated-values", "text/turtle", "application/n-triples",
        "application/ld+json", "application/rdf+xml",
    )
}
_OPENAPI = {
    "parameters": _PARAMETERS,
    "responses": {
        "200": {"description": "Query results, in the negotiated format", "content": _RESULT_TYPES},
        **{str(status): {"description": text, "content": PROBLEM} for status, text in (
            (400, "Malformed query (with the parser's message) or request, or a query this "
                  "endpoint refuses (SERVICE, too long, too deeply nested)"),
            (403, "An update was sent: the endpoint is read-only"),
            (406, "No acceptable format for this kind of result"),
            (413, "The request body is larger than the server accepts"),
            (415, "POST body of an unsupported media type"),
            (503, "The query was stopped (time or memory limit), or every query worker is "
                  "busy: try again after Retry-After seconds"),
        )},
    },
}
_OPENAPI_POST = {
    **_OPENAPI,
    "requestBody": {"required": True, "content": {
        FORM: {"schema": {"type": "object", "properties": {
            "query": {"type": "string"},
            "default-graph-uri": {"type": "array", "items": {"type": "string"}},
            "named-graph-uri": {"type": "array", "items": {"type": "string"}},
        }}},
        SPARQL_QUERY: {"schema": {"type": "string"}},
    }},
}


_OPENAPI_GET = {**_OPENAPI, "responses": {
    **_OPENAPI["responses"],
    "303": {"description": "No query, from a browser (Accept prefers text/html): see the "
                           "query page, /query"},
}}


class ProtocolError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return problem(status, message, headers)


@router.get("/sparql", summary="SPARQL query (GET) or service description",
            openapi_extra=_OPENAPI_GET, response_class=Response)
@router.head("/sparql", include_in_schema=False)
async def sparql_get(request: Request) -> Response:
    return await _handle(request)


@router.post("/sparql", summary="SPARQL query (POST form or direct)",
             openapi_extra=_OPENAPI_POST, response_class=Response)
async def sparql_post(request: Request) -> Response:
    return await _handle(request)


async def _handle(request: Request) -> Response:
    try:
        params = await _request_params(request)
        queries = [v for k, v in params if k == "query"]
        if any(k == "update" for k, _ in params):
            raise ProtocolError(403, _READ_ONLY)
        if len(queries) > 1:
            raise ProtocolError(400, "more than one 'query' parameter; send exactly one query")
        if not queries:
            if request.method in ("GET", "HEAD") and _prefers_html(request):
                # A person opened the endpoint in a browser: the query page is for them.
                return RedirectResponse("/query", status_code=303)
            if request.method == "GET":
                return await _service_description(request)
            raise ProtocolError(400, "no query: send it as 'query' or as an "
                                     "application/sparql-query body")
        query = queries[0]
        check_query(request, query)
        default_graphs = _graph_iris(params, "default-graph-uri")
        named_graphs = _graph_iris(params, "named-graph-uri")
        try:
            formats = result_formats(request.headers.get("accept"),
                                     [v for k, v in params if k in FORMAT_PARAMS])
        except BadFormat as exc:
            raise ProtocolError(406, str(exc)) from None
        if formats.solutions is None and formats.graph is None:
            raise ProtocolError(406, _not_acceptable(request, "any query"))
        media_type, body = await evaluate(request, query, formats, default_graphs, named_graphs)
    except ProtocolError as exc:
        return _error(exc.status, exc.message, exc.headers)
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


def check_query(request: Request, query: str) -> None:
    """ProtocolError for a query this endpoint does not run: empty, an update, or past the
    server's limits (length, nesting, SERVICE endpoints)."""
    if not query.strip():
        raise ProtocolError(400, "the query is empty")
    if looks_like_update(query):
        raise ProtocolError(403, "an update was sent as a query; " + _READ_ONLY)
    try:
        screen(query, request.app.state.limits.query)
    except QueryRefused as exc:
        raise ProtocolError(400, str(exc)) from None


async def evaluate(request: Request, query: str, formats: ResultFormats,
                   default_graphs: Sequence[str] = (),
                   named_graphs: Sequence[str] = ()) -> tuple[str, bytes]:
    """Run a checked query on the query workers, within the server's time limit: the result
    written in `formats`, as (media type, body); ProtocolError when it cannot be."""
    store: Store = request.app.state.store
    timeout: float = request.app.state.query_timeout
    run = partial(store.execute, query, formats=formats, default_graph_uris=default_graphs,
                  named_graph_uris=named_graphs, timeout=timeout)
    try:
        # Evaluation happens in a worker process; this thread only waits for it.
        return await anyio.to_thread.run_sync(run, limiter=_threads(request))
    except NotAcceptable as exc:
        raise ProtocolError(406, _not_acceptable(request, f"a {exc.kind} query")) from None
    except QueryStopped as exc:
        raise ProtocolError(503, str(exc), {"Retry-After": "1"}) from None
    except QueryError as exc:
        raise ProtocolError(400, f"malformed query: {exc}") from None
    except StoreError as exc:
        log.error("SPARQL query failed: %s", exc)
        raise ProtocolError(500, "the query could not be run; the server log says why") \
            from None


def _prefers_html(request: Request) -> bool:
    offers = [*GRAPH_OFFERS, ("text/html", "html")]
    return choose(offers, parse_accept(request.headers.get("accept"))) == "html"


def _threads(request: Request) -> anyio.CapacityLimiter:
    """The threads that wait for SPARQL answers: their own, so that queries waiting for a
    worker never take the threads the REST routes run in."""
    state = request.app.state
    if getattr(state, "sparql_threads", None) is None:
        state.sparql_threads = anyio.CapacityLimiter(SPARQL_THREADS)
    return state.sparql_threads


async def _request_params(request: Request) -> list[tuple[str, str]]:
    """All protocol parameters of the request, repeated ones kept, in order."""
    params = list(request.query_params.multi_items())
    if request.method != "POST":
        return params
    raw_type = request.headers.get("content-type")
    if raw_type is None:
        raise ProtocolError(415, f"POST needs a Content-Type: {FORM} or {SPARQL_QUERY}")
    media_type, charset = _content_type(raw_type)
    if media_type == SPARQL_UPDATE:
        raise ProtocolError(403, _READ_ONLY)
    if media_type not in (FORM, SPARQL_QUERY):
        raise ProtocolError(
            415, f"unsupported Content-Type {media_type!r}; use {FORM} or {SPARQL_QUERY}"
        )
    if charset not in (None, "utf-8", "utf8"):
        raise ProtocolError(400, f"the request body must be UTF-8, not {charset}")
    body = await request.body()
    if media_type == SPARQL_QUERY:
        try:
            return [*params, ("query", body.decode("utf-8"))]
        except UnicodeDecodeError:
            raise ProtocolError(400, "the query is not valid UTF-8") from None
    try:
        form = parse_qsl(body.decode("ascii"), keep_blank_values=True, encoding="utf-8",
                         errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(400, "the form body is not valid UTF-8 (percent-encoded)") from None
    return [*params, *form]


def _content_type(header: str) -> tuple[str, str | None]:
    fields = [f.strip() for f in header.split(";")]
    charset = None
    for param in fields[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return fields[0].lower(), charset


def _graph_iris(params: list[tuple[str, str]], name: str) -> list[str]:
    iris = [v.strip() for k, v in params if k == name]
    for iri in iris:
        if not _ABSOLUTE_IRI.fullmatch(iri):
            raise ProtocolError(400, f"{name}: not an absolute IRI: {iri!r}")
    return iris


def _not_acceptable(request: Request, what: str) -> str:
    accept = request.headers.get("accept", "*/*")
    return (
        f"no format acceptable to 'Accept: {accept}' (or the format parameter) for {what}; "
        "SELECT/ASK give application/sparql-results+json, application/sparql-results+xml, "
        "text/csv, text/tab-separated-values; CONSTRUCT/DESCRIBE give text/turtle, "
        "application/n-triples, application/ld+json, application/rdf+xml"
    )


# --- service description ---------------------------------------------------------------------

SD = "http://www.w3.org/ns/sparql-service-description#"
FORMATS = "http://www.w3.org/ns/formats/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_COMMENT = "http://www.w3.org/2000/01/rdf-schema#comment"


async def _service_description(request: Request) -> Response:
    media_type = choose(GRAPH_OFFERS, parse_accept(request.headers.get("accept")))
    if media_type is None:
        raise ProtocolError(406, "the service description is available as text/turtle, "
                                 "application/n-triples, application/ld+json, application/rdf+xml")
    endpoint = str(request.url.replace(query="", fragment=""))
    key = (endpoint, media_type)
    cache: OrderedDict = request.app.state.service_descriptions
    body = cache.get(key)
    if body is not None:
        cache.move_to_end(key)
    else:
        store: Store = request.app.state.store.lookups
        timeout: float = request.app.state.query_timeout
        try:
            graphs = await anyio.to_thread.run_sync(partial(store.graph_names, timeout=timeout))
        except QueryError as exc:
            raise ProtocolError(503, str(exc), {"Retry-After": "1"}) from None
        body = _describe_service(endpoint, graphs, media_type)
        cache[key] = body
        while len(cache) > DESCRIPTIONS_KEPT:
            cache.popitem(last=False)
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


def _describe_service(endpoint: str, graphs: list[str], media_type: str) -> bytes:
    service = ox.NamedNode(endpoint)
    dataset = ox.NamedNode(endpoint + "#dataset")
    default_graph = ox.NamedNode(endpoint + "#default-graph")

    def t(s: ox.NamedNode, p: str, o: ox.NamedNode | ox.Literal) -> ox.Triple:
        return ox.Triple(s, ox.NamedNode(p), o)

    prefixes = " ".join(f"{k}:" for k in PREFIXES)
    triples = [
        t(service, RDF_TYPE, ox.NamedNode(SD + "Service")),
        t(service, SD + "endpoint", service),
        t(service, SD + "supportedLanguage", ox.NamedNode(SD + "SPARQL11Query")),
        t(service, SD + "feature", ox.NamedNode(SD + "UnionDefaultGraph")),
        t(service, SD + "defaultDataset", dataset),
        t(service, RDFS_COMMENT, ox.Literal(
            "Read-only SPARQL 1.1 query endpoint. The default graph is the union of all "
            "named graphs unless the request or the query names a dataset. These prefixes "
            f"are declared for every query: {prefixes}")),
        t(dataset, RDF_TYPE, ox.NamedNode(SD + "Dataset")),
        t(dataset, SD + "defaultGraph", default_graph),
        t(default_graph, RDF_TYPE, ox.NamedNode(SD + "Graph")),
        t(default_graph, RDFS_COMMENT, ox.Literal("The union of all named graphs.")),
    ]
    for fmt in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV",
                "SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        triples.append(t(service, SD + "resultFormat", ox.NamedNode(FORMATS + fmt)))
    for i, name in enumerate(graphs, 1):
        named = ox.NamedNode(f"{endpoint}#named-graph-{i}")
        triples += [
            t(dataset, SD + "namedGraph", named),
            t(named, RDF_TYPE, ox.NamedNode(SD + "NamedGraph")),
            t(named, SD + "name", ox.NamedNode(name)),
        ]
    triples.sort(key=lambda tr: (tr.subject.value, tr.predicate.value))
    fmt = GRAPH_FORMATS[media_type]
    prefixes_out = {"sd": SD, "formats": FORMATS, "rdfs": PREFIXES["rdfs"]}
    return ox.serialize(triples, format=fmt,
                        prefixes=prefixes_out if fmt is ox.RdfFormat.TURTLE else None)
