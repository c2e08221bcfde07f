"""The data contract: builds satisfy the SHACL shapes, and `stancegraph validate` reports each
violation of a graph broken on purpose."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from stancegraph.cli import main
from stancegraph.kg.build import build
from stancegraph.kg.ids import PREFIXES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-P", "-m", "stancegraph", *args],
                          capture_output=True, text=True, timeout=300)


def test_the_bundled_build_conforms(kg_dir: Path) -> None:
    r = run("validate", "--kg", str(kg_dir))
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""
    assert "checked 4 documents and the ontology: conforms" in r.stderr


TEXT = """Harbour Policy Review
After the launch
Date 2025-03-04 Writer Ines Okafor

Japan condemned North Korea's missile launch on Monday. Seoul urged Pyongyang to return to talks.
"""


def small_store(folder: Path) -> Path:
    """A store folder of one short text."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "after-the-launch.txt").write_text(TEXT, encoding="utf-8")
    build([folder / "after-the-launch.txt"], None, store=folder / "store", validate=True)
    return folder / "store"


def test_a_store_and_a_dump_file_conform(kg_dir: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--store", str(small_store(tmp_path))]) == 0
    # a file of the asserted triples alone is read with the installed ontology
    for name in ("asserted.ttl", "kg.trig"):
        assert main(["validate", str(kg_dir / name)]) == 0, capsys.readouterr()
    assert "conforms" in capsys.readouterr().err


def test_validate_needs_exactly_one_source(kg_dir: Path) -> None:
    for args in ([], ["--kg", str(kg_dir), "--store", str(kg_dir)]):
        r = run("validate", *args)
        assert r.returncode == 2 and "give one of FILE, --kg DIR or --store" in r.stderr


def test_validate_refuses_what_it_cannot_read(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    r = run("validate", str(bad))
    assert r.returncode == 2 and r.stderr.startswith("stancegraph: error: ")
    assert "not valid RDF" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run("validate", "--store", str(tmp_path))
    assert r.returncode == 2 and "not a stancegraph store" in r.stderr


def _select(store: ox.Store, query: str) -> list[str]:
    return [row[0].value for row in store.query(query, prefixes=PREFIXES,
                                                use_default_graph_as_union=True)]


@pytest.fixture(scope="module")
def broken(kg_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The bundled build with one fault of each kind, in a TriG file; and what was broken."""
    store = ox.Store()
    store.load(path=str(kg_dir / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    stances = _select(store, "SELECT ?s WHERE { ?s a sg:Stance } ORDER BY ?s LIMIT 6")
    docs = _select(store, "SELECT ?d WHERE { ?d a sg:Document } ORDER BY ?d")
    assert len(stances) == 6 and len(docs) >= 2
    no_holder, two_kinds, swapped, overconfident, elsewhere, _ = stances
    position = f"{swapped}/evidence/position"
    graph = "<https://w3id.org/stancegraph/id/graph/document/broken>"
    store.update(f"""
PREFIX sg: <{PREFIXES['sg']}> PREFIX oa: <{PREFIXES['oa']}> PREFIX dcterms: <{PREFIXES['dcterms']}>
PREFIX xsd: <{PREFIXES['xsd']}> PREFIX skos: <{PREFIXES['skos']}>
DELETE WHERE {{ GRAPH ?g {{ <{no_holder}> sg:holder ?h }} }} ;
DELETE WHERE {{ GRAPH ?g {{ <{overconfident}> sg:confidence ?c }} }} ;
DELETE WHERE {{ GRAPH ?g {{ <{docs[0]}> dcterms:identifier ?i }} }} ;
DELETE {{ GRAPH ?g {{ <{position}> oa:start ?s ; oa:end ?e }} }}
INSERT {{ GRAPH ?g {{ <{position}> oa:start ?e ; oa:end ?s }} }}
WHERE {{ GRAPH ?g {{ <{position}> oa:start ?s ; oa:end ?e }} }} ;
DELETE {{ GRAPH ?g {{ <{elsewhere}/evidence> oa:hasSource ?d }} }}
INSERT {{ GRAPH ?g {{ <{elsewhere}/evidence> oa:hasSource <{docs[1]}> }} }}
WHERE {{ GRAPH ?g {{ <{elsewhere}/evidence> oa:hasSource ?d }} }} ;
INSERT {{ GRAPH ?g {{ <{two_kinds}> sg:kind <{PREFIXES['issue']}sanctions> }} }}
WHERE {{ GRAPH ?g {{ <{two_kinds}> a sg:Stance }} }} ;
INSERT {{ GRAPH ?g {{ <{overconfident}> sg:confidence "1.5"^^xsd:decimal }} }}
WHERE {{ GRAPH ?g {{ <{overconfident}> a sg:Stance }} }} ;
INSERT DATA {{ GRAPH {graph} {{
  <{PREFIXES['actor']}nameless-envoy> a sg:Person .
  <{PREFIXES['actor']}north-korea> a sg:Person .
  <{PREFIXES['issue']}unnamed-matter> a skos:Concept ; skos:inScheme sg:Issues .
}} }}""")
    out = tmp_path_factory.mktemp("broken") / "broken.trig"
    store.dump(str(out), format=ox.RdfFormat.TRIG)
    expected = {
        (no_holder, "sg:holder", "a stance has exactly one holder, an actor"),
        (two_kinds, "sg:kind", "a stance has exactly one kind, a concept of sg:StanceKinds"),
        (position, "oa:start", "a position selector has one oa:start, a whole number from 0 "
                               "to its oa:end"),
        (f"{swapped}/evidence", "", "the quote is not as long as its offsets say"),
        (overconfident, "sg:confidence",
         "a stance's confidence is one xsd:decimal between 0 and 1"),
        (elsewhere, "", "a stance's evidence quotes the document the stance is derived from"),
        (docs[0], "dcterms:identifier", "a document has exactly one dcterms:identifier"),
        (PREFIXES["actor"] + "nameless-envoy", "rdfs:label", "an actor has an rdfs:label"),
        (PREFIXES["actor"] + "north-korea", "", "a state is neither a person nor an institution"),
        (PREFIXES["issue"] + "unnamed-matter", "skos:prefLabel", "an issue has a skos:prefLabel"),
    }
    return out, {"expected": expected}


def _short(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def test_each_violation_of_a_broken_graph_is_reported(broken: tuple[Path, dict]) -> None:
    path, faults = broken
    r = run("validate", str(path))
    assert r.returncode == 1, r.stderr
    lines = r.stdout.splitlines()
    for focus, prop, message in faults["expected"]:
        where = f"{_short(focus)} {prop}".strip() + ": "
        assert any(where in line and message in line for line in lines), (where, message,
                                                                           r.stdout)
    # nothing else: every line is one of the faults made
    for line in lines:
        assert any(_short(focus) in line for focus, _, _ in faults["expected"]), line
    assert f"{len(lines)} violations" in r.stderr


def test_a_build_that_breaks_the_contract_is_not_written(tmp_path: Path) -> None:
    """The check runs before the output is replaced: a folder with a bad graph stays as it
    was. (An extraction cannot be made to write a bad graph on purpose, so the store the
    build is about to put in place is broken by hand, through the same check.)"""
    from stancegraph.kg.errors import StancegraphError
    from stancegraph.kg.validation import check_staged_store

    store = small_store(tmp_path)
    data = ox.Store(str(store / "oxigraph"))
    graph = "https://w3id.org/stancegraph/id/graph/document/after-the-launch"
    data.update(f"INSERT DATA {{ GRAPH <{graph}> {{ "
                f"<{PREFIXES['actor']}nameless> a <{PREFIXES['sg']}Institution> }} }}")
    data.flush()
    del data
    with pytest.raises(StancegraphError, match=r"breaks the data contract in after-the-launch: "
                                               r"actor:nameless rdfs:label: an actor has"):
        check_staged_store(store / "oxigraph")


def test_a_remote_store_is_checked_graph_by_graph(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from test_remote_store import start_oxigraph, stop

    process, url = start_oxigraph(tmp_path / "oxigraph", "--union-default-graph")
    try:
        (tmp_path / "after-the-launch.txt").write_text(TEXT, encoding="utf-8")
        # the build compiles in memory for a remote store, and checks that (conftest)
        build([tmp_path / "after-the-launch.txt"], None, store=url)
        assert main(["validate", "--store", url]) == 0
        assert "checked 1 document and the ontology: conforms" in capsys.readouterr().err
        graph = "https://w3id.org/stancegraph/id/graph/document/after-the-launch"
        httpx.post(url.replace("sparql+", "").replace("/query", "/update"), data={
            "update": f"INSERT DATA {{ GRAPH <{graph}> {{ <{PREFIXES['actor']}nameless> "
                      f"a <{PREFIXES['sg']}Institution> }} }}"}).raise_for_status()
        assert main(["validate", "--store", url]) == 1
        out = capsys.readouterr().out
        assert out == "after-the-launch: actor:nameless rdfs:label: an actor has an rdfs:label\n"
    finally:
        stop(process)
