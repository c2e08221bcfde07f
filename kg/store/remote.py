"""A remote SPARQL 1.1 store: written through the Graph Store HTTP Protocol, queried through
the SPARQL 1.1 Protocol, so the graph can live in Oxigraph, Apache Jena Fuseki, GraphDB,
Virtuoso or a cloud triple store.

A remote store is named by a URL:

    sparql+http://HOST:PORT/QUERY-PATH[?graph-store=PATH-OR-URL]
    sparql+https://...

`http(s)://HOST:PORT/QUERY-PATH` is the SPARQL query endpoint; `graph-store` is the Graph Store
Protocol endpoint, a path on the same host or a full URL. Without it, the endpoint is the
sibling `store` of the query path (Oxigraph's layout: `/query` and `/store`). Examples:

    sparql+http://localhost:7878/query                                         Oxigraph
    sparql+http://localhost:3030/kg/query?graph-store=/kg/data                 Fuseki
    sparql+http://localhost:7200/repositories/kg?graph-store=/repositories/kg/rdf-graphs/service

Queries rely on the store's default graph being the union of its named graphs (Oxigraph:
`oxigraph serve --union-default-graph`; Fuseki: `tdb2:unionDefaultGraph true`; GraphDB and
Virtuoso do so by default); opening a store checks it.

Each graph is written by one PUT (replacing it) or DELETE, which the protocol makes atomic per
graph only. Writes go in a fixed order, the derived (inferred) graphs first and the documents'
own graphs last, and inferences depend on document graphs alone: after an interrupted `add` or
`remove`, running the same command again completes it.
"""

from __future__ import annotations

import http.client
import json
import threading
import urllib.parse
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import BNode, Node

from ..errors import QueryError, QueryTimeout, StoreError
from ..graph.terms import from_ox, sparql_term
from ..ids import ID, ONTOLOGY_GRAPH, PREFIXES, document_graph, inferred_graph
from .changes import Change, Triple
from .query_text import bind_variables
from .requests import DEFAULT_TIMEOUT, NotAcceptable, Request, plain_value, term_to_ox

SCHEMES = ("sparql+http", "sparql+https")
_GRAPHS = ID + "graph/"
_PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
_WRITERS = 4  # concurrent PUTs while loading a whole corpus


def is_remote(location: str) -> bool:
    return location.split("://", 1)[0].lower() in SCHEMES


@dataclass(frozen=True)
class Endpoints:
    """The two HTTP endpoints of a remote store."""

    query: str
    graph_store: str

    @classmethod
    def parse(cls, location: str) -> Endpoints:
        parts = urllib.parse.urlsplit(location)
        scheme = parts.scheme.lower()
        if scheme not in SCHEMES or not parts.hostname:
            raise StoreError(f"{location}: not a remote store URL "
                             "(sparql+http://HOST:PORT/QUERY-PATH[?graph-store=PATH])")
        base = scheme.split("+", 1)[1]
        try:
            params = urllib.parse.parse_qs(parts.query, strict_parsing=bool(parts.query))
        except ValueError:
            raise StoreError(f"{location}: unreadable parameters {parts.query!r}") from None
        unknown = set(params) - {"graph-store"}
        if unknown:
            raise StoreError(f"{location}: unknown parameter {sorted(unknown)[0]!r} "
                             "(only graph-store)")
        path = parts.path or "/"
        query = urllib.parse.urlunsplit((base, parts.netloc, path, "", ""))
        given = params.get("graph-store", [""])[-1]
        if given:
            graph_store = urllib.parse.urljoin(query, given)
        else:
            graph_store = urllib.parse.urljoin(query, "store")
        return cls(query, graph_store)


class _Http:
    """Keep-alive HTTP connections, one per thread, reopened when the server closes one."""

    def __init__(self) -> None:
        self._local = threading.local()

    def request(self, method: str, url: str, *, body: bytes | None = None,
                headers: dict[str, str] | None = None,
                timeout: float | None = None) -> tuple[int, str, bytes]:
        parts = urllib.parse.urlsplit(url)
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        for attempt in (1, 2):
            conn = self._connection(parts, timeout)
            try:
                conn.request(method, target or "/", body=body, headers=headers or {})
                response = conn.getresponse()
                data = response.read()
                return response.status, response.getheader("Content-Type", ""), data
            except TimeoutError:
                self._drop(parts)
                raise
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self._drop(parts)  # a kept-alive connection the server closed: once more
                if attempt == 2:
                    raise
            except OSError:
                self._drop(parts)
                raise
        raise AssertionError("unreachable")

    def _connection(self, parts: urllib.parse.SplitResult,
                    timeout: float | None) -> http.client.HTTPConnection:
        key = (parts.scheme, parts.netloc)
        conns = self._local.__dict__.setdefault("conns", {})
        conn = conns.get(key)
        if conn is None:
            kind = (http.client.HTTPSConnection if parts.scheme == "https"
                    else http.client.HTTPConnection)
            conn = conns[key] = kind(parts.netloc)
        conn.timeout = timeout
        if conn.sock is not None:
            conn.sock.settimeout(timeout)
        return conn

    def _drop(self, parts: urllib.parse.SplitResult) -> None:
        conn = self._local.__dict__.get("conns", {}).pop((parts.scheme, parts.netloc), None)
        if conn is not None:
            conn.close()


class _Client:
    """SPARQL Protocol queries and Graph Store Protocol writes against one remote store."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.endpoints = Endpoints.parse(location)
        self.http = _Http()

    def query(self, query: str, accept: str, *, timeout: float | None = DEFAULT_TIMEOUT,
              default_graphs: Sequence[str] = (),
              named_graphs: Sequence[str] = ()) -> tuple[str, bytes]:
        """POST a query (with kg.ids.PREFIXES declared); the result's media type and body."""
        form = [("query", _PROLOGUE + query)]
        form += [("default-graph-uri", g) for g in default_graphs]
        form += [("named-graph-uri", g) for g in named_graphs]
        try:
            status, media_type, body = self.http.request(
                "POST", self.endpoints.query, body=urllib.parse.urlencode(form).encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded",
                         "Accept": accept}, timeout=timeout)
        except TimeoutError:
            raise QueryTimeout(f"query stopped after {timeout:g} s (the time limit)") from None
        except OSError as exc:
            raise StoreError(f"{self.endpoints.query}: {_reason(exc)}") from None
        if status == 406:
            raise NotAcceptable("query")
        if 400 <= status < 500:
            raise QueryError(_message(body) or f"the store refused the query (HTTP {status})")
        if status != 200:
            raise StoreError(f"{self.endpoints.query}: HTTP {status} {_message(body)}".rstrip())
        return media_type.split(";")[0].strip().lower(), body

    def select(self, query: str, timeout: float | None = DEFAULT_TIMEOUT) -> dict[str, Any]:
        _, body = self.query(query, "application/sparql-results+json", timeout=timeout)
        try:
            return json.loads(body)
        except ValueError:
            raise StoreError(f"{self.endpoints.query}: not a SPARQL JSON result") from None

    def graph(self, method: str, name: str, body: bytes | None = None) -> bytes:
        """One Graph Store Protocol request on the named graph `name`; a missing graph
        reads as empty and deletes as done."""
        url = self.endpoints.graph_store + "?" + urllib.parse.urlencode({"graph": name})
        headers = {"Accept": "application/n-triples"}
        if body is not None:
            headers["Content-Type"] = "application/n-triples"
        try:
            status, _, data = self.http.request(method, url, body=body, headers=headers,
                                                timeout=300)
        except OSError as exc:
            raise StoreError(f"{self.endpoints.graph_store}: {_reason(exc)}") from None
        if status == 404 and method in ("GET", "DELETE"):
            return b""
        if status >= 300:
            raise StoreError(f"{self.endpoints.graph_store}: {method} of graph <{name}> "
                             f"failed: HTTP {status} {_message(data)}".rstrip())
        return data

    def check_union_default_graph(self) -> None:
        """Fail with advice when queries would not see the named graphs."""
        probe = "{ ?s a <http://www.w3.org/2002/07/owl#Ontology> }"
        if self.select(f"ASK {probe}").get("boolean"):
            return
        if self.select(f"ASK {{ GRAPH ?g {probe} }}").get("boolean"):
            raise StoreError(
                f"{self.location}: the store's default graph is not the union of its named "
                "graphs (start Oxigraph with --union-default-graph; in Fuseki set "
                "tdb2:unionDefaultGraph)")
        raise StoreError(f"{self.location}: no stancegraph data in this store "
                         "(write it with build --store)")


# --- writing: add, remove and build ----------------------------------------------------------


class RemoteStore:
    """A remote store opened by `add`, `remove` or `build` (a kg.persist.GraphStore)."""

    def __init__(self, location: str) -> None:
        self.client = _Client(location)
        self.location = location
        self.engine: str | None = None

    def select(self, query: str) -> list[dict[str, Node]]:
        result = self.client.select(query, timeout=300)
        return [{k: _rdflib_term(v) for k, v in row.items()}
                for row in result.get("results", {}).get("bindings", [])]

    def graph_triples(self, name: URIRef) -> list[Triple]:
        data = self.client.graph("GET", str(name))
        return [(from_ox(t.subject), from_ox(t.predicate), from_ox(t.object))
                for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]

    def has_graph(self, name: URIRef) -> bool:
        return bool(self.client.select(
            f"ASK {{ GRAPH {sparql_term(name)} {{ ?s ?p ?o }} }}", timeout=300).get("boolean"))

    def apply(self, change: Change) -> None:
        for name, triples in change.put.items():
            self._put(name, triples)
        for name in change.drop:
            self.client.graph("DELETE", str(name))

    def _put(self, name: URIRef, triples: Iterable[Triple]) -> None:
        body = "".join(" ".join(sparql_term(x) for x in t) + " .\n" for t in triples)
        self.client.graph("PUT", str(name), body.encode("utf-8"))

    def replace_all(self, ontology: Graph, documents: Sequence[tuple[str, Graph, Graph]]) -> None:
        """Make the store hold exactly this corpus: every graph written, stale ones deleted."""
        rows = self.select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f"FILTER(STRSTARTS(STR(?g), {sparql_term(Literal(_GRAPHS))})) }}")
        stale = {str(r["g"]) for r in rows if "g" in r}
        jobs: list[tuple[URIRef, Graph]] = [(ONTOLOGY_GRAPH, ontology)]
        for doc_id, asserted, inferred in documents:
            jobs += [(inferred_graph(doc_id), inferred), (document_graph(doc_id), asserted)]
        with ThreadPoolExecutor(_WRITERS) as pool:
            list(pool.map(lambda job: self._put(job[0], job[1]), jobs))
        stale -= {str(name) for name, _ in jobs}
        for name in sorted(stale):
            self.client.graph("DELETE", name)

    def close(self) -> None:
        pass

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- reading: a kg.store Backend ---------------------------------------------------------------


class SparqlBackend:
    """Runs the requests of kg.store.Store against a remote SPARQL 1.1 Protocol endpoint.

    The remote store takes no substitutions: bound values are written into the query text by
    kg.query_text.bind_variables, as RDF terms, wherever pyoxigraph's substitutions would put
    them (nested groups, FILTERs, sub-selects that project the variable), so both stores give
    the same rows.
    """

    def __init__(self, location: str) -> None:
        self.client = _Client(location)
        self.client.check_union_default_graph()

    def run(self, request: Request, timeout: float) -> Any:
        query = request.query
        if request.bindings:
            query = bind_variables(
                query, {name: term_to_ox(term) for name, term in request.bindings})
        if request.op == "info":
            result = self.client.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", timeout)
            graphs = sorted(b["g"]["value"] for b in result["results"]["bindings"] if "g" in b)
            return {"graphs": graphs}
        if request.op == "select":
            result = self.client.select(query, timeout)
            if "results" not in result:
                raise QueryError("not a SELECT query")
            names = result.get("head", {}).get("vars", [])
            rows = [{n: plain_value(_ox_term(b[n])) if n in b else None for n in names}
                    for b in result["results"]["bindings"]]
            return names, rows
        if request.op == "ask":
            result = self.client.select(query, timeout)
            if "boolean" not in result:
                raise QueryError("not an ASK query")
            return bool(result["boolean"])
        if request.op == "construct":
            media_type, body = self.client.query(query, "application/n-triples", timeout=timeout)
            if media_type != "application/n-triples":
                raise QueryError("not a CONSTRUCT or DESCRIBE query")
            return body
        if request.op == "serialize":
            formats = request.formats
            accept = [t for t in (formats.solutions, formats.boolean, formats.graph) if t]
            if not accept:
                raise NotAcceptable("query")
            ds = request.dataset
            return self.client.query(query, ", ".join(dict.fromkeys(accept)), timeout=timeout,
                                     default_graphs=ds.default_graphs,
                                     named_graphs=ds.named_graphs)
        raise StoreError(f"unknown operation {request.op!r}")

    def status(self) -> dict[str, Any]:
        return {"workers": 0, "alive": 1, "remote": self.client.endpoints.query}

    def close(self) -> None:
        pass


def _ox_term(binding: dict[str, str]) -> Any:
    """A SPARQL JSON result term as a pyoxigraph term."""
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


def _rdflib_term(binding: dict[str, str]) -> Node:
    term = _ox_term(binding)
    return BNode(term.value) if isinstance(term, ox.BlankNode) else from_ox(term)


def _message(body: bytes) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    return text[:300]


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__
