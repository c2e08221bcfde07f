"""The query store: pyoxigraph in worker processes, union default graph, safe bindings,
timeouts that stop the work."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from stancegraph.kg.errors import QueryError, QueryTimeout, StoreError
from stancegraph.kg.ids import ID, ONTOLOGY_GRAPH, PREFIXES, actor_iri
from stancegraph.kg.store import (
    NotAcceptable,
    ResultFormats,
    Store,
    encode_bindings,
    has_dataset_clause,
    looks_like_update,
)

NK = str(actor_iri("north-korea"))
# Three-way cross product of every triple: runs for minutes on any real graph.
RUNAWAY = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_prefixes_are_declared_and_default_graph_is_union(store: Store) -> None:
    # Registry triples live in the ontology graph, stances in document graphs: one query
    # without GRAPH sees both.
    r = store.select(
        "SELECT ?label (COUNT(?s) AS ?n) WHERE { ?s a sg:Stance ; sg:holder ?h . "
        "?h rdfs:label ?label } GROUP BY ?label"
    )
    assert r.variables == ["label", "n"]
    assert r.rows and all(isinstance(row["n"], int) and row["n"] > 0 for row in r.rows)


def test_select_values_are_plain_python(store: Store) -> None:
    r = store.select(
        "SELECT ?stance ?start ?conf ?date ?missing WHERE { "
        "?stance a sg:Stance ; sg:confidence ?conf ; sg:evidence ?e . "
        "?e oa:hasSelector ?sel . ?sel oa:start ?start . "
        "OPTIONAL { ?stance prov:wasDerivedFrom ?d . ?d dcterms:date ?date } "
        "OPTIONAL { ?stance sg:noSuchProperty ?missing } } LIMIT 5"
    )
    assert r.rows
    for row in r.rows:
        assert isinstance(row["stance"], str) and row["stance"].startswith(ID + "stance/")
        assert isinstance(row["start"], int)
        assert isinstance(row["conf"], float) and 0 <= row["conf"] <= 1
        assert row["date"] is None or (isinstance(row["date"], str) and len(row["date"]) == 10)
        assert row["missing"] is None
    json.dumps(r.rows)  # JSON-able as they are


def test_iri_string_binds_as_iri_and_plain_string_as_literal(store: Store) -> None:
    q = "SELECT ?x ?label WHERE { ?x rdfs:label ?label }"
    by_iri = store.select(q, {"x": NK})
    assert [row["label"] for row in by_iri.rows] == ["North Korea"]
    by_label = store.select(q, {"label": "North Korea"})
    assert [row["x"] for row in by_label.rows] == [NK]
    assert store.select(q, {"x": URIRef(NK), "label": Literal("North Korea")}).rows


def test_bound_value_is_never_query_text(store: Store) -> None:
    q = "SELECT ?x ?label WHERE { ?x rdfs:label ?label }"
    hostile = 'North Korea" } UNION { ?x ?p ?label } #'
    assert store.select(q, {"label": hostile}).rows == []
    assert store.select(q, {"x": "http://example.org/a> } { ?x ?p ?label"}).rows == []


def test_numbers_and_booleans_bind_as_typed_literals(store: Store) -> None:
    r = store.select("SELECT ?n ?f ?ok WHERE { FILTER(?n = 3 && ?f > 0.5 && ?ok) }",
                     {"n": 3, "f": 0.75, "ok": True})
    assert r.rows == [{"n": 3, "f": 0.75, "ok": True}]
    # A leading ? or $ on the name is allowed.
    assert encode_bindings({"?n": 1}) == encode_bindings({"$n": 1}) == encode_bindings({"n": 1})
    assert encode_bindings({"d": Literal("2019-12-13", datatype=XSD.date)})[0][1][2] == str(
        XSD.date)


def test_bad_bindings_are_query_errors(store: Store) -> None:
    with pytest.raises(QueryError, match="variable name"):
        store.select("SELECT * {}", {"not a var": 1})
    with pytest.raises(QueryError, match="cannot bind"):
        store.select("SELECT * {}", {"x": object()})  # type: ignore[dict-item]
    with pytest.raises(QueryError, match="projection"):
        store.select("SELECT ?label WHERE { ?x rdfs:label ?label }", {"x": NK})


def test_malformed_query_carries_the_parser_message(store: Store) -> None:
    with pytest.raises(QueryError, match=r"error at 1:\d+"):
        store.select("SELECT * WHERE { ?s ?p ")


def test_ask_and_construct(store: Store) -> None:
    assert store.ask("ASK { actor:north-korea a sg:State }") is True
    assert store.ask("ASK { ?x a sg:State }", {"x": "https://example.org/nowhere"}) is False
    g = store.construct("CONSTRUCT { ?x rdfs:label ?l } WHERE { ?x rdfs:label ?l }", {"x": NK})
    assert set(g) == {(URIRef(NK), URIRef(PREFIXES["rdfs"] + "label"), Literal("North Korea"))}


def test_query_form_mismatch_is_an_error(store: Store) -> None:
    with pytest.raises(QueryError, match="not a SELECT"):
        store.select("ASK {}")
    with pytest.raises(QueryError, match="not an ASK"):
        store.ask("SELECT * {}")


@pytest.mark.parametrize(
    ("query", "formats", "media_type", "start"),
    [
        ("SELECT (1 AS ?one) {}", ResultFormats(), "application/sparql-results+json", b'{"head"'),
        ("SELECT (1 AS ?one) {}", ResultFormats(solutions="text/csv"), "text/csv", b"one\r\n1"),
        ("ASK {}", ResultFormats(boolean="application/sparql-results+xml"),
         "application/sparql-results+xml", b"<?xml"),
        ("CONSTRUCT { actor:north-korea rdfs:label ?l } WHERE { actor:north-korea rdfs:label ?l }",
         ResultFormats(graph="application/n-triples"), "application/n-triples", b"<https://"),
    ],
)
def test_execute_writes_the_requested_format(
    store: Store, query: str, formats: ResultFormats, media_type: str, start: bytes
) -> None:
    got_type, body = store.execute(query, formats=formats)
    assert got_type.split(";")[0] == media_type
    assert body.startswith(start)


def test_execute_without_an_acceptable_format(store: Store) -> None:
    with pytest.raises(NotAcceptable):
        store.execute("ASK {}", formats=ResultFormats(None, None, "text/turtle"))


def test_dataset_clause_and_protocol_graphs_replace_the_union(store: Store) -> None:
    stances = "SELECT ?s WHERE { ?s a sg:Stance }"
    assert store.select(stances).rows
    assert not store.select(f"SELECT ?s FROM <{ONTOLOGY_GRAPH}> WHERE {{ ?s a sg:Stance }}").rows
    _, body = store.execute(stances, default_graph_uris=[str(ONTOLOGY_GRAPH)])
    assert json.loads(body)["results"]["bindings"] == []


def test_graph_names(store: Store, kg_dir: Path) -> None:
    manifest = json.loads((kg_dir / "manifest.json").read_text())
    expected = {manifest["graphs"]["ontology"],
                *(g for doc in manifest["graphs"]["documents"].values() for g in doc.values())}
    assert set(store.graph_names()) == expected


def test_timeout_kills_the_worker_and_the_store_keeps_answering(kg_dir: Path) -> None:
    with Store.from_build(kg_dir, workers=2) as s:
        before = set(s.backend.pids())
        t0 = time.monotonic()
        with pytest.raises(QueryTimeout, match="time limit"):
            s.select(RUNAWAY, timeout=1.0)
        assert time.monotonic() - t0 < 5
        # The worker that ran it is gone (killed, not left computing) ...
        gone = before - set(s.backend.pids())
        assert len(gone) == 1
        pid = gone.pop()
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
        # ... the other answers at once, and a replacement joins the pool.
        assert s.ask("ASK { actor:north-korea a sg:State }", timeout=5)
        deadline = time.monotonic() + 60
        while s.status()["alive"] < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert s.status() == {"workers": 2, "alive": 2, "idle": 2, "waiting": 0, "restarts": 1,
                              "refused": 0}


def test_busy_pool_times_out_waiting(kg_dir: Path) -> None:
    with Store.from_build(kg_dir, workers=1) as s:
        import threading

        runaway = threading.Thread(target=lambda: pytest.raises(QueryTimeout, s.select, RUNAWAY,
                                                                timeout=2.0))
        runaway.start()
        time.sleep(0.3)
        with pytest.raises(QueryTimeout, match="busy"):
            s.ask("ASK {}", timeout=0.5)
        runaway.join()


def test_missing_or_broken_build(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no kg.trig"):
        Store.from_build(tmp_path)
    (tmp_path / "kg.trig").write_text("this is { not TriG", encoding="utf-8")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store.from_build(tmp_path, workers=1)


def test_dataset_clause_detection() -> None:
    assert has_dataset_clause("SELECT * FROM <g> { ?s ?p ?o }")
    assert has_dataset_clause("select * from named <g> { graph ?g { ?s ?p ?o } }")
    assert not has_dataset_clause('SELECT ?from { ?from ?p "FROM x" } # from')
    assert not has_dataset_clause("SELECT * { <http://e.org/FROM> ex:from ?o }")


def test_update_detection() -> None:
    assert looks_like_update("PREFIX a: <http://a/>\nINSERT DATA { a:x a:y a:z }")
    assert looks_like_update("# comment\n  clear all")
    assert not looks_like_update("SELECT * { ?s ?p ?o }")
    assert not looks_like_update("PREFIX insert: <http://a/> ASK {}")
