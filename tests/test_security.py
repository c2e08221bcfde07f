"""What a public endpoint refuses, and what stays bounded whatever clients send: SERVICE
calls, deep or long queries, large bodies, unknown Hosts, floods of distinct Hosts, queries
that eat memory; and one error shape that echoes nothing back."""

from __future__ import annotations

import logging
import select
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import psutil
import pytest

from stancegraph.api.app import ServerLimits, create_app
from stancegraph.kg.store import Capacity, QueryLimits, Store

ASK_STATE = "ASK { <https://w3id.org/stancegraph/id/actor/north-korea> a sg:State }"
# Every triple joined with every other and sorted: gigabytes in a few seconds.
MEMORY_HUNGRY = ("SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y } ORDER BY ?x ?y ?a ?b")


def sparql(client: httpx.Client, query: str, **headers: str) -> httpx.Response:
    return client.post("/sparql", content=query.encode(),
                       headers={"Content-Type": "application/sparql-query", **headers})


# --- SERVICE -------------------------------------------------------------------------------


def test_service_is_refused_in_every_spelling(client: httpx.Client) -> None:
    for query in (
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { service silent <http://localhost:8000/sparql> { ?s ?p ?o } }",
        "PREFIX x: <http://127.0.0.1:9/> SELECT * WHERE { SERVICE x:sparql { ?s ?p ?o } }",
        "SELECT * WHERE { BIND(<http://a/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
        # the parser replaces \u escapes before it reads the keywords
        "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
    ):
        r = sparql(client, query)
        assert r.status_code == 400, query
        assert "SERVICE" in r.json()["detail"] and "not allowed" in r.json()["detail"]
    # The word in a string, an IRI or a comment is no SERVICE call.
    r = sparql(client, 'ASK { ?s ?p "SERVICE <http://x/>" } # SERVICE <http://y/>')
    assert r.status_code == 200


def test_an_allowed_endpoint_is_called_and_no_other(store: Store, serve_app,
                                                    live_server) -> None:
    remote = live_server.url + "/sparql"
    limits = ServerLimits(query=QueryLimits(federation=(remote,)))
    with serve_app(create_app(store, limits=limits)) as server, \
            httpx.Client(base_url=server.url, timeout=30) as c:
        r = sparql(c, "SELECT ?label WHERE { SERVICE <" + remote + "> { "
                      "<https://w3id.org/stancegraph/id/actor/north-korea> "
                      "<http://www.w3.org/2000/01/rdf-schema#label> ?label } }",
                   Accept="application/sparql-results+json")
        assert r.status_code == 200, r.text
        assert {b["label"]["value"] for b in r.json()["results"]["bindings"]} == {"North Korea"}
        other = f"http://127.0.0.1:{urlsplit(remote).port}/other"
        assert sparql(c, f"ASK {{ SERVICE <{other}> {{ ?s ?p ?o }} }}").status_code == 400


def test_serve_refuses_to_federate_with_itself(kg_dir: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    from stancegraph.cli import main
    from stancegraph.commands.serve import bind, calls_itself

    sock = bind("127.0.0.1", 0)
    try:
        port = sock.getsockname()[1]
        assert calls_itself(f"http://localhost:{port}/sparql", sock)
        assert calls_itself(f"http://127.0.0.1:{port}/", sock)
        assert not calls_itself(f"http://127.0.0.1:{port + 1}/sparql", sock)
    finally:
        sock.close()
    assert main(["serve", "--kg", str(kg_dir), "--port", str(port), "--workers", "1",
                 "--lookup-workers", "0", "--allow-service",
                 f"http://localhost:{port}/sparql"]) == 2
    assert "that is this server itself" in capsys.readouterr().err


# --- size and nesting --------------------------------------------------------------------------


def test_deep_and_long_queries_are_refused_before_parsing(client: httpx.Client) -> None:
    deep = "SELECT * WHERE " + "{" * 5000 + "?s ?p ?o" + "}" * 5000
    r = sparql(client, deep)
    assert r.status_code == 400 and "nests brackets 5000 deep" in r.json()["detail"]
    filters = "SELECT * WHERE { ?s ?p ?o " + "FILTER(?o != 1) " * 10_000 + "}"
    r = sparql(client, filters)
    assert r.status_code == 400 and "characters long" in r.json()["detail"]
    assert client.get("/health").json()["query_workers"]["restarts"] == 0


def test_past_the_limits_a_deep_query_still_cannot_kill_a_worker(store: Store,
                                                                 serve_app) -> None:
    # The limits are the first guard; the workers' large stack is the second. The queries get
    # a minute: what is tested is that the worker lives, and on two busy cores ten thousand
    # FILTERs over every triple (the documents' texts among them) come near the 10 s default.
    limits = ServerLimits(max_body=10**7,
                          query=QueryLimits(max_length=10**7, max_depth=10**6))
    with serve_app(create_app(store, limits=limits, query_timeout=60)) as server, \
            httpx.Client(base_url=server.url, timeout=60) as c:
        restarts = store.status()["restarts"]
        deep = "ASK " + "{" * 5000 + "?s ?p ?o" + "}" * 5000
        assert sparql(c, deep).json()["boolean"] is True
        many = "ASK { ?s ?p ?o " + "FILTER(?o != 1) " * 10_000 + "}"
        assert sparql(c, many).json()["boolean"] is True
        assert store.status()["restarts"] == restarts


def _raw_post(url: str, headers: str, chunks: int, chunk: bytes) -> tuple[bytes, int]:
    """Send a POST body chunk by chunk until the server answers; its answer and the bytes
    sent by then."""
    parts = urlsplit(url)
    sent = 0
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as s:
        s.sendall(headers.encode())
        for _ in range(chunks):
            if select.select([s], [], [], 0)[0]:
                break
            try:
                s.sendall(chunk)
            except (BrokenPipeError, ConnectionResetError):
                break
            sent += len(chunk)
        answer = b""
        while b"\r\n\r\n" not in answer:
            data = s.recv(65536)
            if not data:
                break
            answer += data
    return answer, sent


def test_a_300_mb_body_is_refused_unread(live_server) -> None:
    url = live_server.url
    head = ("POST /sparql HTTP/1.1\r\nHost: test\r\nContent-Type: application/sparql-query\r\n"
            "Content-Length: 300000000\r\n\r\n")
    answer, sent = _raw_post(url, head, 300, b"#" * 1_000_000)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 50_000_000  # refused from the header, not after the body
    # Without a length (chunked), refused once the body passes the limit.
    head = ("POST /sparql HTTP/1.1\r\nHost: test\r\nContent-Type: application/sparql-query\r\n"
            "Transfer-Encoding: chunked\r\n\r\n")
    chunk = b"%x\r\n" % 1_000_000 + b"#" * 1_000_000 + b"\r\n"
    answer, sent = _raw_post(url, head, 300, chunk)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert sent < 50_000_000


def test_unknown_hosts_are_refused_when_hosts_are_configured(store: Store, serve_app) -> None:
    limits = ServerLimits(allowed_hosts=("kg.example.org", "*.kg.example.org"))
    with serve_app(create_app(store, limits=limits)) as server, \
            httpx.Client(base_url=server.url, timeout=30) as c:
        assert c.get("/health", headers={"Host": "kg.example.org"}).status_code == 200
        assert c.get("/health", headers={"Host": "eu.kg.example.org:8000"}).status_code == 200
        r = c.get("/health", headers={"Host": "attacker.example"})
        assert r.status_code == 400 and "Host" in r.json()["detail"]


def test_a_flood_of_distinct_hosts_keeps_memory_flat(client: httpx.Client,
                                                     live_server) -> None:
    me = psutil.Process()
    for i in range(50):  # warm up whatever a first request allocates
        client.get("/sparql", headers={"Host": f"warm{i}.example"})
    before = me.memory_info().rss
    for i in range(1000):
        r = client.get("/sparql", headers={"Host": f"h{i}-{'a' * 200}.example",
                                           "Accept": "text/turtle"})
        assert r.status_code == 200
    grown = me.memory_info().rss - before
    assert len(live_server.app.state.service_descriptions) <= 16
    assert grown < 60_000_000, f"grew by {grown >> 20} MB"


# --- memory of queries -----------------------------------------------------------------------


def test_a_memory_hungry_query_gets_503_and_its_worker_is_replaced(
        kg_dir: Path, serve_app, caplog: pytest.LogCaptureFixture) -> None:
    capacity = Capacity(workers=1, memory_limit=400 << 20)
    with Store.from_build(kg_dir, capacity=capacity) as s, \
            serve_app(create_app(s, query_timeout=60)) as server, \
            httpx.Client(base_url=server.url, timeout=90) as c, \
            caplog.at_level(logging.WARNING, logger="stancegraph.workers"):
        started = time.monotonic()
        r = sparql(c, MEMORY_HUNGRY)
        assert r.status_code == 503 and "MB" in r.json()["detail"], r.text
        assert r.headers["retry-after"]
        assert time.monotonic() - started < 30
        assert "replaced" in caplog.text and "MB" in caplog.text
        deadline = time.monotonic() + 60
        while s.status()["alive"] < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sparql(c, ASK_STATE).json()["boolean"] is True


# --- capacity: look-ups never wait behind SPARQL ------------------------------------------------


def test_lookups_answer_while_sparql_is_saturated(kg_dir: Path, serve_app) -> None:
    capacity = Capacity(workers=1, lookup_workers=1, max_waiting=1, query_nice=10)
    runaway = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    with Store.from_build(kg_dir, capacity=capacity) as s, \
            serve_app(create_app(s, query_timeout=4)) as server, \
            httpx.Client(base_url=server.url, timeout=30) as c:
        statuses: list[int] = []
        threads = [threading.Thread(target=lambda: statuses.append(sparql(c, runaway)
                                                                     .status_code))
                   for _ in range(2)]
        for t in threads:
            t.start()
            time.sleep(0.3)  # the first runs, the second waits
        # The queue is full: refused at once, with a time to come back.
        started = time.monotonic()
        r = sparql(c, runaway)
        assert r.status_code == 503 and r.headers["retry-after"], r.text
        assert "busy" in r.json()["detail"] and time.monotonic() - started < 1
        # Look-ups and /health answer as if nothing were running.
        for path in ("/actors/north-korea", "/stances?holder=north-korea", "/health"):
            started = time.monotonic()
            assert c.get(path).status_code == 200
            assert time.monotonic() - started < 1.5, path
        for t in threads:
            t.join()
        assert statuses == [503, 503]  # both stopped by the time limit


# --- one error shape ------------------------------------------------------------------------


def test_errors_have_one_shape_and_echo_nothing(client: httpx.Client) -> None:
    big = "x" * 60_000  # as long as an HTTP client sends in a URL
    for path, params in (("/stances", {"limit": "ten"}), ("/stances", {"holder": big}),
                         ("/stances", {"kind": "adore"}), ("/queries/issues", {"month": big}),
                         ("/queries/issues", {"month": "garbage"}),
                         ("/queries/who-condemned", {"kind": "adore"})):
        r = client.get(path, params=params)
        assert r.status_code == 422, (path, r.text)
        assert list(r.json()) == ["detail"] and isinstance(r.json()["detail"], str)
        assert len(r.content) < 1000
    assert "month" in client.get("/queries/issues", params={"month": "garbage"}).json()[
        "detail"]
    r = client.get("/no/such/path")
    assert r.status_code == 404 and list(r.json()) == ["detail"]


def test_a_fault_is_500_without_internals(serve_app) -> None:
    class Broken:
        def run(self, request: object, timeout: float) -> object:
            raise RuntimeError("secret /srv/internal/path")

        def status(self) -> dict:
            return {"workers": 1, "alive": 1}

        def close(self) -> None:
            pass

    with serve_app(create_app(Store(Broken()))) as server, \
            httpx.Client(base_url=server.url, timeout=30) as c:
        r = c.get("/actors")
        assert r.status_code == 500
        assert r.json() == {"detail": "internal error; the server log has the details"}


def test_methods_are_listed_in_allow(client: httpx.Client) -> None:
    r = client.options("/actors")
    assert r.status_code == 204 and "GET" in r.headers["allow"]
    r = client.delete("/actors")
    assert r.status_code == 405 and "GET" in r.headers["allow"]
    assert list(r.json()) == ["detail"]
    r = client.put("/sparql", params={"query": "ASK {}"})
    assert {"GET", "POST"} <= {m.strip() for m in r.headers["allow"].split(",")}


def test_ask_results_in_csv_and_tsv_have_a_header(client: httpx.Client) -> None:
    for accept, newline in (("text/csv", "\r\n"), ("text/tab-separated-values", "\n")):
        r = sparql(client, ASK_STATE, Accept=accept)
        assert r.text == f"_askResult{newline}true{newline}"


def test_every_request_is_logged_with_its_time(client: httpx.Client,
                                               caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="stancegraph.access"):
        client.get("/actors/north-korea")
        deadline = time.monotonic() + 5
        while "/actors/north-korea" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.01)
    line = next(r.getMessage() for r in caplog.records if "/actors/north-korea" in
                r.getMessage())
    assert '"GET /actors/north-korea" 200' in line and line.endswith(" ms")
