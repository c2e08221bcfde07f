"""The /sparql endpoint against a real uvicorn server: the query-side cases of the W3C SPARQL
1.1 Protocol test suite (each test named after its case), content negotiation, SPARQLWrapper,
the service description and query timeouts."""

from __future__ import annotations

import json
import threading
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper

from stancegraph.api.app import create_app
from stancegraph.kg.ids import ONTOLOGY_GRAPH, actor_iri
from stancegraph.kg.store import Store

SRJ = "application/sparql-results+json"
SRX = "application/sparql-results+xml"
DIRECT = {"Content-Type": "application/sparql-query"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}
SD = "http://www.w3.org/ns/sparql-service-description#"
NK = actor_iri("north-korea")
RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def media_type(r: httpx.Response) -> str:
    return r.headers["content-type"].split(";")[0].strip()


def boolean(r: httpx.Response) -> bool:
    assert r.status_code == 200, r.text
    if media_type(r) == SRJ:
        return r.json()["boolean"]
    assert media_type(r) == SRX
    node = ET.fromstring(r.content).find("{http://www.w3.org/2005/sparql-results#}boolean")
    return node is not None and node.text == "true"


@pytest.fixture(scope="module")
def graphs(kg_dir: Path) -> dict[str, str]:
    """Graph names of the build: the ontology graph and two document graphs with stances."""
    manifest = json.loads((kg_dir / "manifest.json").read_text())
    with_stances = [d["id"] for d in manifest["documents"] if d["stances"]]
    docs = [graphs["asserted"] for doc, graphs in manifest["graphs"]["documents"].items()
            if doc in with_stances]
    assert len(docs) >= 2
    return {"ontology": str(ONTOLOGY_GRAPH), "doc1": docs[0], "doc2": docs[1]}


# --- W3C SPARQL 1.1 Protocol, query side: positive cases ---------------------------------------


def test_query_get(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "ASK {}"})
    assert media_type(r) in (SRJ, SRX)
    assert boolean(r) is True


def test_query_post_form(client: httpx.Client) -> None:
    r = client.post("/sparql", data={"query": "ASK {}"})
    assert boolean(r) is True


def test_query_post_direct(client: httpx.Client) -> None:
    r = client.post("/sparql", content="ASK {}", headers=DIRECT)
    assert boolean(r) is True


def test_query_dataset_default_graph(client: httpx.Client, graphs: dict[str, str]) -> None:
    url = "/sparql?default-graph-uri=" + quote(graphs["ontology"], safe="")
    r = client.post(url, content="ASK { actor:north-korea a sg:State }", headers=DIRECT)
    assert boolean(r) is True
    # Only that graph: the stances of the document graphs are not in the default graph now.
    r = client.post(url, content="ASK { ?s a sg:Stance }", headers=DIRECT)
    assert boolean(r) is False


BOTH = "ASK { actor:north-korea a sg:State . ?s a sg:Stance }"


def test_query_dataset_default_graphs_get(client: httpx.Client, graphs: dict[str, str]) -> None:
    params = [("query", BOTH), ("default-graph-uri", graphs["ontology"]),
              ("default-graph-uri", graphs["doc1"])]
    assert boolean(client.get("/sparql", params=params)) is True
    assert boolean(client.get("/sparql", params=params[:2])) is False


def test_query_dataset_default_graphs_post(client: httpx.Client, graphs: dict[str, str]) -> None:
    url = ("/sparql?default-graph-uri=" + quote(graphs["ontology"], safe="")
           + "&default-graph-uri=" + quote(graphs["doc1"], safe=""))
    assert boolean(client.post(url, content=BOTH, headers=DIRECT)) is True


TWO_NAMED = (
    "ASK { GRAPH ?g1 { ?d1 a sg:Document } GRAPH ?g2 { ?d2 a sg:Document } FILTER(?g1 != ?g2) }"
)
NAMED = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def test_query_dataset_named_graphs_post(client: httpx.Client, graphs: dict[str, str]) -> None:
    form = [("query", TWO_NAMED), ("named-graph-uri", graphs["doc1"]),
            ("named-graph-uri", graphs["doc2"])]
    assert boolean(client.post("/sparql", content=_form(form), headers=FORM)) is True
    form[0] = ("query", NAMED)
    r = client.post("/sparql", content=_form(form), headers=FORM)
    got = {b["g"]["value"] for b in r.json()["results"]["bindings"]}
    assert got == {graphs["doc1"], graphs["doc2"]}


def test_query_dataset_named_graphs_get(client: httpx.Client, graphs: dict[str, str]) -> None:
    params = [("query", TWO_NAMED), ("named-graph-uri", graphs["doc1"]),
              ("named-graph-uri", graphs["doc2"])]
    assert boolean(client.get("/sparql", params=params)) is True
    # With one named graph only, two distinct graphs cannot be found.
    assert boolean(client.get("/sparql", params=params[:2])) is False


def test_query_dataset_full(client: httpx.Client, graphs: dict[str, str]) -> None:
    params = [("default-graph-uri", graphs["ontology"]), ("named-graph-uri", graphs["doc1"]),
              ("named-graph-uri", graphs["doc2"])]
    q = "SELECT DISTINCT ?g ?x WHERE { ?x a sg:State . GRAPH ?g { ?d a sg:Document } }"
    r = client.post("/sparql", params=params, content=q, headers=DIRECT)
    assert r.status_code == 200 and media_type(r) == SRJ
    rows = r.json()["results"]["bindings"]
    assert {row["g"]["value"] for row in rows} == {graphs["doc1"], graphs["doc2"]}
    assert str(NK) in {row["x"]["value"] for row in rows}


def test_query_multiple_dataset(client: httpx.Client, graphs: dict[str, str]) -> None:
    # The protocol's dataset overrides the query's FROM.
    q = f"ASK FROM <{graphs['doc1']}> {{ ?d a sg:Document }}"
    assert boolean(client.post("/sparql", content=q, headers=DIRECT)) is True
    url = "/sparql?default-graph-uri=" + quote(graphs["ontology"], safe="")
    assert boolean(client.post(url, content=q, headers=DIRECT)) is False


def test_query_content_type_select(client: httpx.Client) -> None:
    r = client.post("/sparql", content="SELECT (1 AS ?value) {}", headers=DIRECT)
    assert r.status_code == 200 and media_type(r) == SRJ
    assert r.json()["results"]["bindings"][0]["value"]["value"] == "1"


def test_query_content_type_ask(client: httpx.Client) -> None:
    r = client.post("/sparql", content="ASK {}", headers=DIRECT)
    assert media_type(r) in (SRJ, SRX)


def test_query_content_type_describe(client: httpx.Client) -> None:
    r = client.post("/sparql", content="DESCRIBE actor:north-korea", headers=DIRECT)
    assert r.status_code == 200 and media_type(r) == "text/turtle"
    g = Graph().parse(data=r.text, format="turtle")
    assert (NK, RDFS.label, Literal("North Korea")) in g


def test_query_content_type_construct(client: httpx.Client) -> None:
    q = "CONSTRUCT { <http://example.org/s> <http://example.org/p> 1 } WHERE {}"
    r = client.post("/sparql", content=q, headers=DIRECT)
    assert r.status_code == 200 and media_type(r) == "text/turtle"
    g = Graph().parse(data=r.text, format="turtle")
    assert set(g) == {(URIRef("http://example.org/s"), URIRef("http://example.org/p"),
                       Literal(1))}


# --- W3C SPARQL 1.1 Protocol, query side: malformed requests -----------------------------------


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_bad_query_method(client: httpx.Client, method: str) -> None:
    r = client.request(method, "/sparql", params={"query": "ASK {}"})
    assert r.status_code == 405
    assert "GET" in r.headers["allow"] and "POST" in r.headers["allow"]


def test_bad_multiple_queries(client: httpx.Client) -> None:
    r = client.get("/sparql", params=[("query", "ASK {}"), ("query", "SELECT * {}")])
    assert r.status_code == 400 and "more than one" in r.text
    # A query in the URL and another as the body is two queries as well.
    r = client.post("/sparql", params={"query": "ASK {}"}, content="ASK {}", headers=DIRECT)
    assert r.status_code == 400


def test_bad_query_wrong_media_type(client: httpx.Client) -> None:
    r = client.post("/sparql", content="ASK {}", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415 and "Content-Type" in r.text


def test_bad_query_missing_form_type(client: httpx.Client) -> None:
    r = client.post("/sparql", content=b"query=ASK%20%7B%7D")
    assert "content-type" not in r.request.headers
    assert r.status_code == 415


def test_bad_query_missing_direct_type(client: httpx.Client) -> None:
    r = client.post("/sparql", content=b"ASK {}")
    assert r.status_code == 415


def test_bad_query_non_utf8(client: httpx.Client) -> None:
    r = client.post("/sparql", content="ASK {}".encode("utf-16"),
                    headers={"Content-Type": "application/sparql-query; charset=UTF-16"})
    assert r.status_code == 400
    # Declared UTF-8 (or undeclared) but not UTF-8 either.
    r = client.post("/sparql", content='ASK { ?s ?p "caf\xe9" }'.encode("latin-1"), headers=DIRECT)
    assert r.status_code == 400 and "UTF-8" in r.text
    r = client.post("/sparql", content=b"query=ASK%20%7B%20%3Fs%20%3Fp%20%22%E9%22%20%7D",
                    headers=FORM)
    assert r.status_code == 400


def test_bad_query_syntax(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "ASK {"})
    assert r.status_code == 400
    assert "error at 1:" in r.text  # the parser's message, with the position


def test_bad_update_get(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"update": "CLEAR ALL"})
    assert r.status_code == 403 and "read-only" in r.text


def test_updates_are_refused_in_every_form(client: httpx.Client) -> None:
    update = "INSERT DATA { <http://example.org/s> <http://example.org/p> 1 }"
    r = client.post("/sparql", data={"update": update})
    assert r.status_code == 403
    r = client.post("/sparql", content=update,
                    headers={"Content-Type": "application/sparql-update"})
    assert r.status_code == 403
    # Sent as a query it is refused alike.
    r = client.post("/sparql", content=update, headers=DIRECT)
    assert r.status_code == 403 and "read-only" in r.text
    assert boolean(client.get("/sparql", params={
        "query": "ASK { <http://example.org/s> ?p ?o }"})) is False


# --- content negotiation ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, SRJ),
        ("*/*", SRJ),
        ("application/*", SRJ),
        ("application/json", SRJ),
        (SRX, SRX),
        ("application/xml", SRX),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/*", "text/csv"),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", SRX),
        ("application/sparql-results+json;q=0, */*;q=0.1", SRX),
        ("text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", SRX),
        ("text/turtle, text/csv;q=0.2", "text/csv"),
    ],
)
def test_select_accept(client: httpx.Client, accept: str | None, expected: str) -> None:
    headers = {"Accept": accept or ""}  # an empty Accept accepts anything
    r = client.get("/sparql", params={"query": "SELECT ?l { actor:north-korea rdfs:label ?l }"},
                   headers=headers)
    assert r.status_code == 200, r.text
    assert media_type(r) == expected
    assert "North Korea" in r.text


@pytest.mark.parametrize(
    ("accept", "expected", "rdflib_format"),
    [
        (None, "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
        ("text/*", "text/turtle", "turtle"),
        ("application/json", "application/ld+json", "json-ld"),
        ("application/rdf+xml;q=0.9, text/turtle;q=0.1", "application/rdf+xml", "xml"),
    ],
)
def test_construct_accept(
    client: httpx.Client, accept: str | None, expected: str, rdflib_format: str
) -> None:
    headers = {"Accept": accept} if accept else {}
    q = "CONSTRUCT { actor:north-korea rdfs:label ?l } WHERE { actor:north-korea rdfs:label ?l }"
    r = client.post("/sparql", content=q, headers={**DIRECT, **headers})
    assert r.status_code == 200 and media_type(r) == expected
    g = Graph().parse(data=r.content, format=rdflib_format)
    assert set(g) == {(NK, RDFS.label, Literal("North Korea"))}


@pytest.mark.parametrize(
    ("query", "accept"),
    [("SELECT * {}", "text/turtle"), ("SELECT * {}", "image/png"),
     ("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "text/csv"), ("ASK {}", "application/ld+json")],
)
def test_unacceptable_accept_is_406(client: httpx.Client, query: str, accept: str) -> None:
    r = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert r.status_code == 406
    assert "acceptable" in r.text


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"format": "json"}, SRJ),
        ({"output": "xml"}, SRX),
        ({"results": "csv"}, "text/csv"),
        ({"format": "text/tab-separated-values"}, "text/tab-separated-values"),
        ({"format": ["tsv", "text/tab-separated-values"]}, "text/tab-separated-values"),
    ],
)
def test_format_parameter_overrides_accept(
    client: httpx.Client, params: dict, expected: str
) -> None:
    r = client.get("/sparql", params={"query": "SELECT (1 AS ?one) {}", **params},
                   headers={"Accept": SRX if expected != SRX else SRJ})
    assert r.status_code == 200 and media_type(r) == expected


def test_format_parameter_for_graphs_and_unknown_names(client: httpx.Client) -> None:
    q = "DESCRIBE actor:north-korea"
    assert media_type(client.get("/sparql", params={"query": q, "format": "xml"})) == (
        "application/rdf+xml")
    assert media_type(client.get("/sparql", params={"query": q, "output": "json"})) == (
        "application/ld+json")
    r = client.get("/sparql", params={"query": q, "format": "html"})
    assert r.status_code == 406 and "unknown result format" in r.text


# --- clients ------------------------------------------------------------------------------------


def _wrapper(live_server, fmt: str, query: str, method: str | None = None) -> SPARQLWrapper:
    w = SPARQLWrapper(live_server.url + "/sparql")
    w.setQuery(query)
    w.setReturnFormat(fmt)
    if method:
        w.setMethod(method)
    return w


def test_sparqlwrapper_json_xml_csv(live_server) -> None:
    q = "SELECT ?label WHERE { actor:north-korea rdfs:label ?label }"
    res = _wrapper(live_server, JSON, q).queryAndConvert()
    assert res["results"]["bindings"][0]["label"]["value"] == "North Korea"
    doc = _wrapper(live_server, XML, q, POST).queryAndConvert()
    assert "North Korea" in doc.toxml()
    csv_bytes = _wrapper(live_server, CSV, q).queryAndConvert()
    assert csv_bytes.decode().splitlines() == ["label", "North Korea"]
    assert _wrapper(live_server, JSON, "ASK { actor:north-korea a sg:State }").queryAndConvert()[
        "boolean"] is True


def test_sparqlwrapper_construct_turtle(live_server) -> None:
    q = "CONSTRUCT { ?s rdfs:label ?l } WHERE { BIND(actor:north-korea AS ?s) ?s rdfs:label ?l }"
    data = _wrapper(live_server, TURTLE, q).queryAndConvert()
    g = Graph().parse(data=data, format="turtle")
    assert set(g) == {(NK, RDFS.label, Literal("North Korea"))}


# --- service description ------------------------------------------------------------------------


def test_service_description(client: httpx.Client, live_server, store: Store) -> None:
    r = client.get("/sparql")
    assert r.status_code == 200 and media_type(r) == "text/turtle"
    g = Graph().parse(data=r.text, format="turtle")
    service = URIRef(live_server.url + "/sparql")
    assert (service, URIRef(SD + "feature"), URIRef(SD + "UnionDefaultGraph")) in g
    assert (service, URIRef(SD + "endpoint"), service) in g
    names = {str(o) for o in g.objects(None, URIRef(SD + "name"))}
    assert names == set(store.graph_names())
    r = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert media_type(r) == "application/ld+json"
    assert len(Graph().parse(data=r.text, format="json-ld")) == len(g)


# --- the rest of the request ----------------------------------------------------------------------


def test_empty_or_missing_query(client: httpx.Client) -> None:
    assert client.get("/sparql", params={"query": "  "}).status_code == 400
    r = client.post("/sparql", data={"default-graph-uri": str(ONTOLOGY_GRAPH)})
    assert r.status_code == 400


def test_graph_parameters_must_be_iris(client: httpx.Client) -> None:
    r = client.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"})
    assert r.status_code == 400 and "default-graph-uri" in r.text


def test_head_and_gzip(client: httpx.Client) -> None:
    r = client.head("/sparql", params={"query": "ASK {}"})
    assert r.status_code == 200 and r.content == b""
    big = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 2000"
    r = client.get("/sparql", params={"query": big}, headers={"Accept-Encoding": "gzip"})
    assert r.headers["content-encoding"] == "gzip"
    assert len(r.json()["results"]["bindings"]) == 2000


def test_form_and_url_parameters_combine(client: httpx.Client) -> None:
    r = client.post("/sparql?format=csv", data={"query": "SELECT (1 AS ?one) {}"})
    assert media_type(r) == "text/csv" and r.text.splitlines() == ["one", "1"]


# --- timeouts ------------------------------------------------------------------------------------


def test_timeout_stops_the_query_and_the_server_keeps_answering(kg_dir: Path, serve_app) -> None:
    with Store.from_build(kg_dir, workers=2) as store, \
            serve_app(create_app(store, query_timeout=1.0)) as server, \
            httpx.Client(base_url=server.url, timeout=30) as c:
        result: dict[str, httpx.Response] = {}
        started = time.monotonic()
        runaway = threading.Thread(
            target=lambda: result.setdefault("r", c.get("/sparql", params={"query": RUNAWAY})))
        runaway.start()
        time.sleep(0.2)
        # Meanwhile: the event loop is free and the other worker answers queries.
        t0 = time.monotonic()
        assert c.get("/health").status_code == 200
        assert boolean(c.get("/sparql", params={"query": "ASK { actor:north-korea a sg:State }"}))
        assert time.monotonic() - t0 < 0.9
        runaway.join(30)
        r = result["r"]
        assert r.status_code == 503
        assert "time limit" in r.text and r.headers["retry-after"]
        assert time.monotonic() - started < 5
        # Afterwards: answers go on, and the killed worker is replaced.
        assert boolean(c.get("/sparql", params={"query": "ASK {}"})) is True
        deadline = time.monotonic() + 60
        while c.get("/health").json()["query_workers"]["alive"] < 2:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        assert c.get("/health").json()["query_workers"]["restarts"] == 1


def _form(pairs: list[tuple[str, str]]) -> bytes:
    """A form body with repeated keys, as the protocol allows."""
    return "&".join(f"{quote(k)}={quote(v, safe='')}" for k, v in pairs).encode("ascii")
