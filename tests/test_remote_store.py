"""A remote SPARQL store: build, add and remove through the Graph Store Protocol, queries
through the SPARQL Protocol, against a real Oxigraph server on a loopback port."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from test_persist import TEXTS, quads, write_texts

from stancegraph.api.app import create_app
from stancegraph.cli import main
from stancegraph.kg.build import build
from stancegraph.kg.errors import QueryError, StoreError
from stancegraph.kg.named_queries import get_named_query, named_queries
from stancegraph.kg.store import Store
from stancegraph.kg.store.remote import Endpoints, _Client, _ox_term


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_oxigraph(location: Path, *union: str) -> tuple[subprocess.Popen, str]:
    executable = shutil.which("oxigraph")
    assert executable, "the oxigraph server (pip install oxigraph) is needed by these tests"
    port = free_port()
    process = subprocess.Popen(
        [executable, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         *union], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the oxigraph server did not start") from None
            time.sleep(0.05)
    return process, f"sparql+http://127.0.0.1:{port}/query"


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    process, url = start_oxigraph(tmp_path_factory.mktemp("oxigraph"), "--union-default-graph")
    try:
        yield url
    finally:
        stop(process)


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Local stores to compare with: all three texts, and the first two."""
    root = tmp_path_factory.mktemp("local")
    texts = write_texts(root / "texts", list(TEXTS))
    two = write_texts(root / "two-texts", ["a-profile.txt", "b-later.txt"])
    build([texts], None, store=root / "all")
    build([two], None, store=root / "two")
    return {"texts": texts, "two-texts": two, "all": root / "all", "two": root / "two"}


def remote_quads(url: str) -> set[str]:
    result = _Client(url).select("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    found = set()
    for b in result["results"]["bindings"]:
        quad = ox.Quad(*(_ox_term(b[k]) for k in ("s", "p", "o", "g")))
        found.add(re.sub(r"_:\w+", "_:b", str(quad)))
    return found


def test_build_add_remove_give_the_local_store(remote: str, local: dict[str, Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(local["two-texts"]), "--store", remote, "--quiet"]) == 0
    assert remote_quads(remote) == quads(local["two"])
    assert main(["add", str(local["texts"] / "c-other.txt"), "--store", remote]) == 0
    assert "1 added; 2 other documents reasoned again" in capsys.readouterr().err
    assert remote_quads(remote) == quads(local["all"])
    assert main(["remove", "c-other", "--store", remote, "--quiet"]) == 0
    assert remote_quads(remote) == quads(local["two"])


def test_a_new_build_drops_the_graphs_of_the_old(remote: str, local: dict[str, Path]) -> None:
    build([local["texts"]], None, store=remote)
    assert remote_quads(remote) == quads(local["all"])
    build([local["two-texts"]], None, store=remote)
    assert remote_quads(remote) == quads(local["two"])


def test_queries_run_on_the_remote_store(
    remote: str, local: dict[str, Path], serve_app: Callable,
    capsys: pytest.CaptureFixture[str],
) -> None:
    build([local["texts"]], None, store=remote)
    query = ("SELECT ?s ?kind ?h WHERE { ?s sg:holder ?h ; sg:kind ?kind } ORDER BY ?s")
    bound = {"h": "https://w3id.org/stancegraph/id/actor/china"}
    with Store.from_location(local["all"], workers=1) as here, \
            Store.from_location(remote) as there:
        assert there.select(query).rows == here.select(query).rows
        assert there.select(query, bound).rows == here.select(query, bound).rows
        assert there.select(query, bound).rows, "the binding selects something"
        assert there.ask("ASK { ?s a sg:Stance }") is True
        assert len(there.construct("CONSTRUCT WHERE { ?s a sg:Stance }")) == len(
            here.construct("CONSTRUCT WHERE { ?s a sg:Stance }"))
        assert there.graph_names() == here.graph_names()
        with pytest.raises(QueryError):
            there.select("SELECT nonsense")
    # The default month is the newest of the store's documents (c-other.txt's April), worked
    # out in the query, so it needs no value bound.
    assert main(["query", "states", "--store", remote, "--format", "csv"]) == 0
    latest = capsys.readouterr().out
    assert "china" in latest and "japan" not in latest and "2024-04" in latest
    store = Store.from_location(remote)
    with serve_app(create_app(store)) as server:
        health = httpx.get(server.url + "/health").json()
        assert health["status"] == "ok" and health["dumps"] is False
        answer = httpx.get(server.url + "/sparql", params={"query": "ASK { ?s a sg:Stance }"},
                           headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 200 and answer.json()["boolean"] is True
        actor = httpx.get(server.url + "/actors/japan", headers={"Accept": "application/json"})
        assert actor.status_code == 200
    store.close()


# The monthly named queries, each asked for a month other than the latest (2024-04: c-other),
# for every month, and with other values too; the remote store has the values written into
# the query text, the local store substitutes them.
PAST_MONTH = [(name, {"month": month}) for name, q in sorted(named_queries().items())
              if q.param("month") for month in ("2024-03", "all")] + [
    ("who-opposes-whom", {"month": "2024-03", "holder": "japan"}),
    ("disagreements", {"month": "2024-03", "a": "japan", "b": "china"}),
    ("issue-disagreements", {"month": "2024-03", "issue": ""}),
    ("actor-stances", {"actor": "japan"}),
]


def test_named_queries_with_explicit_values_give_the_local_rows(
    remote: str, local: dict[str, Path]
) -> None:
    build([local["texts"]], None, store=remote)
    found = 0
    with Store.from_location(local["all"], workers=1) as here, \
            Store.from_location(remote) as there:
        for name, params in PAST_MONTH:
            query = get_named_query(name)
            _, theirs = query.run(there, params)
            _, ours = query.run(here, params)
            assert sorted(map(repr, theirs.rows)) == sorted(map(repr, ours.rows)), name
            found += bool(ours.rows)
            if params.get("month") == "2024-03":
                assert all(r["month"] == "2024-03" for r in theirs.rows), name
    assert found >= 10, "the values chosen find rows"
    with Store.from_location(remote) as there:
        _, march = get_named_query("states").run(there, {"month": "2024-03"})
    assert {r["label"] for r in march.rows} >= {"Japan", "Russia"}


# REST routes whose queries take bound values (search words, an issue's IRI).
BOUND_ROUTES = ["/issues?q=sanction", "/issues/sanctions", "/actors?q=jap", "/actors/china",
                "/actors/japan/stances", "/queries/states?month=2024-03",
                "/queries/who-opposes-whom?month=all&holder=russia"]


def test_routes_with_bound_values_answer_as_on_the_local_store(
    remote: str, local: dict[str, Path], serve_app: Callable
) -> None:
    build([local["texts"]], None, store=remote)
    answers = []
    for location in (remote, local["all"]):
        with Store.from_location(location) as store, serve_app(create_app(store)) as server:
            answers.append([httpx.get(server.url + route, headers={"Accept": "application/json"})
                            for route in BOUND_ROUTES])
    for route, there, here in zip(BOUND_ROUTES, *answers, strict=True):
        assert there.status_code == here.status_code == 200, route
        assert there.json() == here.json(), route
        found = there.json()
        if isinstance(found, dict):
            found = found.get("rows", found.get("items", found))
        assert found, f"{route} finds something"


def test_a_store_without_a_union_default_graph_is_refused(
    tmp_path: Path, local: dict[str, Path]
) -> None:
    process, url = start_oxigraph(tmp_path / "plain")
    try:
        build([local["two-texts"]], None, store=url)  # writing works the same
        with pytest.raises(StoreError, match="union"):
            Store.from_location(url)
    finally:
        stop(process)


def test_an_unreachable_store_is_one_line_exit_2(
    local: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sparql+http://127.0.0.1:{free_port()}/query"
    assert main(["add", str(local["texts"]), "--store", url, "--quiet"]) == 2
    err = capsys.readouterr().err
    assert "127.0.0.1" in err and err.count("\n") == 1


@pytest.mark.parametrize("location, query, graph_store", [
    ("sparql+http://h:7878/query", "http://h:7878/query", "http://h:7878/store"),
    ("sparql+https://h/kg/query?graph-store=/kg/data", "https://h/kg/query",
     "https://h/kg/data"),
    ("sparql+http://h:7200/repositories/kg?graph-store=http://g:1/rdf-graphs/service",
     "http://h:7200/repositories/kg", "http://g:1/rdf-graphs/service"),
])
def test_endpoints_from_the_url(location: str, query: str, graph_store: str) -> None:
    assert Endpoints.parse(location) == Endpoints(query, graph_store)


@pytest.mark.parametrize("location", ["http://h/query", "sparql+http:///query",
                                      "sparql+http://h/q?store=/x"])
def test_bad_urls_are_refused(location: str) -> None:
    with pytest.raises(StoreError):
        Endpoints.parse(location)
