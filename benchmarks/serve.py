"""Serving benchmark: stancegraph against rdflib-endpoint on one and the same build.

    python benchmarks/serve.py                      # bundled corpus, then 1,000 synthetic docs
    python benchmarks/serve.py --docs 0             # bundled corpus only
    python benchmarks/serve.py --kg DIR             # an existing build folder only

Both servers run as separate processes on loopback and load the build's kg.trig (all named
graphs; default graph = their union). Every named query of queries/*.rq is sent to both as the
same SPARQL text over the SPARQL protocol (GET /sparql, JSON results), its default parameter
values written into the query text as RDF terms where the local store would substitute them
(see kg.store.query_text). A query whose default document, stance or author is not in the
build gets one that is (the same for both servers). Printed per query: p50 and p99 latency of
sequential requests; then, per class of query (look-ups, joins), requests per second of concurrent
clients; and the ratios. Then the REST look-ups of actors, stances, documents and issues,
which only stancegraph serves: p50 and p99 of sequential requests, each look-up cycling
through eight ids found in the build (`--rest-only` times these alone), and the median and
the slowest of each id's first request apart (the server may already keep some of its labels
and stances from earlier look-ups). "items": the mean number of stances (or issues) listed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from stancegraph.kg.named_queries import named_queries
from stancegraph.kg.store.query_text import bind_variables

HERE = Path(__file__).resolve().parent
# Queries that fetch one actor's, document's or stance's rows; the others join stances.
LOOKUPS = {
    "actor-stances", "stance-evidence", "document-evidence", "affiliated-officials",
    "author-recommendations", "actor-position-on-issue", "who-condemned", "states",
    "issues", "stance-kinds",
}
ACCEPT = {"Accept": "application/sparql-results+json"}


@dataclass
class Timing:
    name: str
    p50: float | None  # milliseconds; None when every run failed or timed out
    p99: float | None
    runs: int
    rows: int | None
    error: str | None = None
    first: tuple[float, float] | None = None  # REST: median and max of first requests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def server(command: Sequence[str], port: int, ready_path: str, log: Path,
           timeout: float = 1800) -> Iterator[str]:
    """Start a server process and wait until `ready_path` answers; stop it afterwards."""
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{command[0:4]} exited: see {log}")
            try:
                if httpx.get(url + ready_path, timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{command[0:4]} did not start: see {log}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def inline(text: str, bindings: dict) -> str:
    """The query with its parameter values written into the text where the local store
    substitutes them (kg.store.query_text.bind_variables: sub-selects and nested groups too)."""
    return bind_variables(text, bindings)


def mix(params: dict[str, dict[str, str]] | None = None) -> list[tuple[str, str]]:
    """(name, SPARQL text) of every named query with its default parameters, but those of
    `params` (by query name)."""
    out = []
    for name, q in sorted(named_queries().items()):
        bound = q.bind((params or {}).get(name, {}))
        out.append((name, inline(bound.text, bound.bindings)))
    return out


# What a look-up needs that a synthetic corpus may lack: a document, its first stance and
# author, and an issue, found in the build itself.
SAMPLE_QUERY = """
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doc ?stance ?author ?issue WHERE {
  { SELECT ?doc WHERE { ?doc a sg:Document ; dcterms:creator ?someone } ORDER BY ?doc LIMIT 1 }
  ?stance prov:wasDerivedFrom ?doc ; sg:holder ?holder .
  ?doc dcterms:creator ?author .
  OPTIONAL { ?stance sg:onIssue ?issue }
} ORDER BY STRLEN(STR(?stance)) ?stance LIMIT 1
"""


@dataclass(frozen=True)
class Sample:
    doc: str
    stance: str  # DOCUMENT/N
    author: str
    issue: str

    def named_query_params(self) -> dict[str, dict[str, str]]:
        return {"document-evidence": {"document": self.doc},
                "stance-evidence": {"stance": self.stance},
                "author-recommendations": {"author": self.author}}


def sample(base: str) -> Sample:
    row = _select(base, SAMPLE_QUERY)[0]
    return Sample(doc=row["doc"].rsplit("/", 1)[1],
                  stance=row["stance"].split("/stance/", 1)[1],
                  author=row["author"].rsplit("/", 1)[1],
                  issue=row.get("issue", "x/sanctions").rsplit("/", 1)[1])


def _select(base: str, query: str) -> list[dict[str, str]]:
    r = httpx.get(base + "/sparql", params={"query": SAMPLE_PREFIXES + query}, headers=ACCEPT,
                  timeout=120)
    r.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


SAMPLE_PREFIXES = """\
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
# Ranks, by how many stances name them, of the actors and issues whose look-ups are timed:
# the most discussed ones (the slowest to list) and a spread of less discussed ones.
RANKS = (0, 1, 2, 3, 5, 8, 13, 21)


def _slug(iri: str) -> str:
    return iri.rsplit("/", 1)[1]


def _ranked(base: str, predicate: str) -> list[str]:
    rows = _select(base, f"""
SELECT ?x (COUNT(?s) AS ?n) WHERE {{ ?s {predicate} ?x }} GROUP BY ?x ORDER BY DESC(?n) ?x""")
    return [_slug(r["x"]) for r in rows]


def _spread(items: list[str], ranks: Sequence[int] = RANKS) -> list[str]:
    return [items[r] for r in ranks if r < len(items)] or items[:1]


@dataclass(frozen=True)
class RestSample:
    """Ids the REST look-ups cycle through, found in the build: actors and issues at RANKS,
    each holder's most common stance kind, documents spread over the id order and a stance
    from the middle of each."""

    holders: list[str]
    kinds: list[str]  # the most common kind of each holder
    targets: list[str]
    issues: list[str]
    documents: list[str]
    stances: list[str]  # DOCUMENT/N

    def rest_routes(self) -> list[tuple[str, list[str]]]:
        """(label, paths) of the REST look-ups timed; each label's runs cycle its paths."""
        pairs = zip(self.holders, self.kinds, strict=True)
        return [
            ("GET /actors/{id}", [f"/actors/{a}" for a in self.holders]),
            ("GET /actors/{id}/stances", [f"/actors/{a}/stances" for a in self.holders]),
            ("GET /stances?holder=", [f"/stances?holder={a}" for a in self.holders]),
            ("GET /stances?holder=&kind=", [f"/stances?holder={a}&kind={k}" for a, k in pairs]),
            ("GET /stances?target=", [f"/stances?target={a}" for a in self.targets]),
            ("GET /stances?issue=", [f"/stances?issue={i}" for i in self.issues]),
            ("GET /stances?document=", [f"/stances?document={d}" for d in self.documents]),
            ("GET /stances/{doc}/{n}", [f"/stances/{s}" for s in self.stances]),
            ("GET /documents/{id}", [f"/documents/{d}" for d in self.documents]),
            ("GET /issues/{id}", [f"/issues/{i}" for i in self.issues]),
            ("GET /stances", [f"/stances?offset={n * 100}" for n in range(8)]),
            ("GET /issues", [f"/issues?offset={n * 10}" for n in range(8)]),
        ]


def rest_sample(base: str) -> RestSample:
    holders = _spread(_ranked(base, "sg:holder"))
    kinds = []
    for holder in holders:
        rows = _select(base, f"""
SELECT ?kind (COUNT(?s) AS ?n) WHERE {{
  ?s sg:holder <{ID_BASE}actor/{holder}> ; sg:kind ?kind
}} GROUP BY ?kind ORDER BY DESC(?n) ?kind LIMIT 1""")
        kinds.append(_slug(rows[0]["kind"]))
    docs = [_slug(r["doc"]) for r in _select(
        base, "SELECT DISTINCT ?doc WHERE { ?doc a sg:Document } ORDER BY ?doc")]
    documents = [docs[i * len(docs) // 8] for i in range(min(8, len(docs)))]
    stances = []
    for doc in documents:
        rows = _select(base, f"""
SELECT ?stance WHERE {{ ?stance prov:wasDerivedFrom <{ID_BASE}document/{doc}> ;
  sg:holder ?holder }} ORDER BY STRLEN(STR(?stance)) ?stance""")
        if rows:
            stances.append(rows[len(rows) // 2]["stance"].split("/stance/", 1)[1])
    return RestSample(holders=holders, kinds=kinds,
                      targets=_spread(_ranked(base, "sg:towardActor")),
                      issues=_spread(_ranked(base, "sg:onIssue")), documents=documents,
                      stances=stances)


ID_BASE = "https://w3id.org/stancegraph/id/"


def time_rest(client: httpx.Client, base: str, routes: list[tuple[str, list[str]]], runs: int,
              budget: float) -> dict[str, Timing]:
    """Sequential GETs of each look-up, cycling through its paths (different ids, so that no
    one URL is timed over and over); p50 and p99 over all of them. Each path's first request
    is timed apart ("first": what the server had not been asked yet, though an earlier
    look-up may have asked it for some of the same labels or stances)."""
    out = {}
    for label, paths in routes:
        times: list[float] = []
        firsts: list[float] = []
        items: list[int] = []
        error = None
        for path in paths:
            t0 = time.perf_counter()
            r = client.get(base + path)
            firsts.append((time.perf_counter() - t0) * 1000)
            if r.status_code != 200:
                error = f"HTTP {r.status_code} for {path}"
                break
        started = time.monotonic()
        for i in range(runs if error is None else 0):
            path = paths[i % len(paths)]
            t0 = time.perf_counter()
            r = client.get(base + path)
            elapsed = (time.perf_counter() - t0) * 1000
            if r.status_code != 200:
                error = f"HTTP {r.status_code} for {path}"
                break
            times.append(elapsed)
            body = r.json()
            if isinstance(body, dict) and "items" in body:
                items.append(len(body["items"]))
            elif isinstance(body, dict) and "held" in body:
                items.append(sum(len(body[k]) for k in ("held", "on_behalf_of", "toward")))
            if time.monotonic() - started > budget and i + 1 >= max(3, len(paths)):
                break
        out[label] = Timing(label, statistics.median(times) if times else None,
                            _percentile(times, 99) if times else None, len(times),
                            round(statistics.mean(items)) if items else None, error,
                            (statistics.median(firsts), max(firsts)))
    return out


def time_query(client: httpx.Client, url: str, name: str, text: str, runs: int,
               budget: float) -> Timing:
    """Sequential requests: at least one, then up to `runs` within `budget` seconds."""
    times: list[float] = []
    rows = None
    started = time.monotonic()
    for i in range(runs):
        t0 = time.perf_counter()
        try:
            r = client.get(url, params={"query": text}, headers=ACCEPT)
        except httpx.TimeoutException:
            return Timing(name, None, None, i, None, "timed out")
        elapsed = (time.perf_counter() - t0) * 1000
        if r.status_code != 200:
            return Timing(name, None, None, i, None, f"HTTP {r.status_code}: {r.text[:120]}")
        rows = len(r.json()["results"]["bindings"])
        times.append(elapsed)
        if time.monotonic() - started > budget and len(times) >= 3:
            break
    return Timing(name, statistics.median(times), _percentile(times, 99), len(times), rows)


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[k]


def throughput(url: str, queries: list[tuple[str, str]], clients: int, seconds: float,
               timeout: float) -> tuple[float, int]:
    """Requests per second of `clients` concurrent clients cycling through `queries`."""
    if not queries:  # the server answered none of them in time
        return 0.0, 0
    done = [0] * clients
    errors = [0] * clients
    stop = time.monotonic() + seconds

    def work(i: int) -> None:
        with httpx.Client(timeout=timeout) as c:
            k = i
            while time.monotonic() < stop:
                _, text = queries[k % len(queries)]
                k += 1
                try:
                    r = c.get(url, params={"query": text}, headers=ACCEPT)
                    if r.status_code == 200:
                        done[i] += 1
                    else:
                        errors[i] += 1
                except httpx.HTTPError:
                    errors[i] += 1

    t0 = time.monotonic()
    threads = [threading.Thread(target=work, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(done) / (time.monotonic() - t0), sum(errors)


def synthetic_build(n: int, work: Path) -> Path:
    texts, out = work / f"synth-{n}", work / f"kg-{n}"
    if not (out / "manifest.json").exists():
        print(f"# writing {n} synthetic documents and building them ...", flush=True)
        subprocess.run([sys.executable, str(HERE / "synth.py"), str(n), str(texts)], check=True)
        t0 = time.monotonic()
        subprocess.run([sys.executable, "-m", "stancegraph", "build", str(texts), "--out",
                        str(out), "--quiet"], check=True)
        print(f"# built in {time.monotonic() - t0:.0f} s", flush=True)
    return out


def bundled_build() -> Path:
    from stancegraph.kg.build import bundled_build_dir

    return bundled_build_dir()


def bench(kg_dir: Path, args: argparse.Namespace, work: Path) -> None:
    manifest = json.loads((kg_dir / "manifest.json").read_text())
    quads = (kg_dir / "kg.nq").read_bytes().count(b"\n") if (kg_dir / "kg.nq").exists() else 0
    print(f"\n## {kg_dir}: {len(manifest.get('documents', []))} documents, {quads} quads")
    queries: list[tuple[str, str]] = []
    rest: dict[str, Timing] = {}
    results: dict[str, dict[str, Timing]] = {}
    rates: dict[str, dict[str, tuple[float, int]]] = {}
    servers = {
        "stancegraph": lambda port: [
            sys.executable, "-m", "stancegraph", "serve", "--kg", str(kg_dir), "--port",
            str(port), "--query-timeout", str(args.timeout)],
        "rdflib-endpoint": lambda port: [
            sys.executable, "-m", "rdflib_endpoint", "serve", str(kg_dir / "kg.trig"),
            "--host", "127.0.0.1", "--port", str(port)],
    }
    for label, command in servers.items():
        if label == "rdflib-endpoint" and args.skip_rdflib:
            continue
        port = free_port()
        # rdflib-endpoint answers SPARQL at its root path.
        path = "/sparql" if label == "stancegraph" else "/"
        t0 = time.monotonic()
        with server(command(port), port, path + "?query=ASK%7B%7D",
                    work / f"{label}-{port}.log") as base:
            url = base + path
            print(f"# {label} ready in {time.monotonic() - t0:.1f} s", flush=True)
            if label == "stancegraph":
                if args.rest_only:
                    rest = _time_rest(base, args)
                    break
                found = sample(base)
                queries = mix(found.named_query_params())
            with httpx.Client(timeout=args.timeout + 5) as client:
                client.get(url, params={"query": "ASK {}"}, headers=ACCEPT)
                results[label] = {
                    name: time_query(client, url, name, text, args.runs, args.budget)
                    for name, text in queries
                }
            ok = [(n, t) for n, t in queries if results[label][n].error is None]
            rates[label] = {
                kind: throughput(url, [q for q in ok if (q[0] in LOOKUPS) == (kind == "lookups")],
                                 args.clients, args.seconds, args.timeout + 5)
                for kind in ("lookups", "joins")
            }
            if label == "stancegraph":
                rest = _time_rest(base, args)
    if results:
        report(queries, results, rates)
    report_rest(rest)


def _time_rest(base: str, args: argparse.Namespace) -> dict[str, Timing]:
    ids = rest_sample(base)
    print(f"# REST ids: actors {', '.join(ids.holders)}; targets {', '.join(ids.targets)}; "
          f"issues {', '.join(ids.issues)}; documents {', '.join(ids.documents)}; "
          f"stances {', '.join(ids.stances)}", flush=True)
    with httpx.Client(timeout=args.timeout + 5) as client:
        return time_rest(client, base, ids.rest_routes(), args.runs, args.budget)


def report_rest(rest: dict[str, Timing]) -> None:
    print(f"\n{'REST look-up (stancegraph)':28} {'items':>5} | {'1st p50':>8} {'1st max':>8} | "
          f"{'p50':>8} {'p99':>8}  (ms)  runs; load average {os.getloadavg()[0]:.1f}")
    for t in rest.values():
        if t.error:
            print(f"{t.name:28} {'-':>5} | {t.error}")
        else:
            print(f"{t.name:28} {t.rows if t.rows is not None else '-':>5} | "
                  f"{t.first[0]:>8.1f} {t.first[1]:>8.1f} | {t.p50:>8.1f} {t.p99:>8.1f}  "
                  f"{t.runs:>4}")


def report(queries: list[tuple[str, str]], results: dict[str, dict[str, Timing]],
           rates: dict[str, dict[str, tuple[float, int]]]) -> None:
    labels = list(results)
    head = f"{'query':28} {'kind':7} {'rows':>5}"
    for label in labels:
        head += f" | {label + ' p50':>20} {'p99':>8}"
    if len(labels) == 2:
        head += f" | {'p50 ratio':>9}"
    print(head + "  (ms)")
    print("-" * len(head))
    for name, _ in queries:
        kind = "lookup" if name in LOOKUPS else "join"
        first = results[labels[0]][name]
        line = f"{name:28} {kind:7} {first.rows if first.rows is not None else '-':>5}"
        for label in labels:
            t = results[label][name]
            if t.error:
                line += f" | {t.error[:29]:>29}"
            else:
                line += f" | {t.p50:>20.1f} {t.p99:>8.1f}"
        if len(labels) == 2:
            a, b = (results[label][name] for label in labels)
            ratio = f"{b.p50 / a.p50:.0f}x" if a.p50 and b.p50 else "-"
            line += f" | {ratio:>9}"
        print(line)
    print()
    for kind in ("lookups", "joins"):
        parts = [f"{label}: {rates[label][kind][0]:.1f} req/s"
                 + (f" ({rates[label][kind][1]} errors)" if rates[label][kind][1] else "")
                 for label in labels]
        line = f"throughput, {kind}: " + ", ".join(parts)
        if len(labels) == 2 and rates[labels[1]][kind][0]:
            line += f"; ratio {rates[labels[0]][kind][0] / rates[labels[1]][kind][0]:.1f}x"
        print(line)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kg", type=Path, help="benchmark this build folder only")
    p.add_argument("--docs", type=int, default=1000,
                   help="size of the synthetic corpus after the bundled one (0: none)")
    p.add_argument("--work", type=Path, help="folder for synthetic corpora, builds and logs")
    p.add_argument("--runs", type=int, default=50, help="sequential runs per query")
    p.add_argument("--budget", type=float, default=10.0, help="seconds per query and server")
    p.add_argument("--clients", type=int, default=8, help="concurrent clients for throughput")
    p.add_argument("--seconds", type=float, default=10.0, help="seconds per throughput run")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds a query may take")
    p.add_argument("--skip-rdflib", action="store_true", help="measure stancegraph only")
    p.add_argument("--rest-only", action="store_true",
                   help="time the REST look-ups of stancegraph only (no named queries)")
    args = p.parse_args(argv)
    if not args.skip_rdflib and not args.rest_only and \
            importlib.util.find_spec("rdflib_endpoint") is None:
        p.error("rdflib-endpoint is not installed: pip install '.[bench]' (or --skip-rdflib)")
    work = args.work or Path(tempfile.mkdtemp(prefix="stancegraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"# work folder {work}; {os.cpu_count()} CPUs")
    builds = [args.kg] if args.kg else [bundled_build()]
    if not args.kg and args.docs > 0:
        builds.append(synthetic_build(args.docs, work))
    for kg_dir in builds:
        bench(kg_dir.resolve(), args, work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
