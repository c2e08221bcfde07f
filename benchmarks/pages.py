"""Page speed: the web pages of a 1,000-document build, as a browser asks for them.

    python benchmarks/pages.py                  # 1,000 synthetic documents (built once, kept)
    python benchmarks/pages.py --docs 200       # another size
    python benchmarks/pages.py --kg DIR         # an existing build folder

The build is served by `stancegraph serve` in a process of its own on loopback, as a user runs
it, and each page is asked for as a browser does (Accept: text/html, gzip). Pages: the home
page; the page of the actor whose stances (held, held on its behalf, aimed at it) come closest
to 300, each of which it lists; the page of the actor in the most stances (300 listed per
role); a document's page with its stances marked, an issue's, a stance's; the query page
running its example query. Printed per page: the first request (nothing about that resource
kept by the server yet; for the home page, the first after the server started), then the p50
and p99 of sequential requests, the stances listed and the bytes sent. The target is the home
page and the 300-stance actor page under 300 ms.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent


def _serve_benchmark():
    """benchmarks/serve.py, for its synthetic builds (one --work folder given to both
    benchmarks is built once) and free ports."""
    spec = importlib.util.spec_from_file_location("serve_benchmark", HERE / "serve.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


_serving = _serve_benchmark()
synthetic_build, free_port = _serving.synthetic_build, _serving.free_port
BROWSER = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8", "Accept-Encoding": "gzip"}
SPARQL = {"Accept": "application/sparql-results+json"}
TARGET_STANCES = 300


@dataclass
class Timing:
    page: str
    path: str
    first: float  # milliseconds
    p50: float
    p99: float
    stances: int
    sent: int  # bytes on the wire (gzip)


@contextmanager
def serving(kg_dir: Path, log: Path) -> Iterator[str]:
    """`stancegraph serve --kg DIR` on a free port, until the block ends."""
    port = free_port()
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "stancegraph", "serve", "--kg", str(kg_dir), "--port",
             str(port), "--no-access-log", "--query-timeout", "60"],
            stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 600
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"the server stopped; see {log}")
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server did not start in 10 minutes")
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        proc.wait(30)


def select(client: httpx.Client, base: str, query: str) -> list[dict[str, str]]:
    r = client.get(base + "/sparql", params={"query": query}, headers=SPARQL, timeout=120)
    r.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


def pick_pages(client: httpx.Client, base: str) -> list[tuple[str, str]]:
    """(name, path) of each page timed, with ids found in the build."""
    involved = select(client, base, """
SELECT ?actor (COUNT(DISTINCT ?s) AS ?n) WHERE {
  { ?s sg:holder ?actor } UNION { ?s sg:onBehalfOf ?actor } UNION { ?s sg:towardActor ?actor }
} GROUP BY ?actor""")
    counts = {r["actor"].rsplit("/", 1)[1]: int(r["n"]) for r in involved}
    near = min(counts, key=lambda a: (abs(counts[a] - TARGET_STANCES), a))
    most = max(counts, key=lambda a: (counts[a], a))
    doc = select(client, base, """
SELECT ?d (COUNT(?s) AS ?n) WHERE { ?s prov:wasDerivedFrom ?d } GROUP BY ?d
ORDER BY DESC(?n) ?d LIMIT 1""")[0]["d"]
    issue = select(client, base, """
SELECT ?i (COUNT(?s) AS ?n) WHERE { ?s sg:onIssue ?i } GROUP BY ?i
ORDER BY DESC(?n) ?i LIMIT 1""")[0]["i"]
    doc_id = doc.rsplit("/", 1)[1]
    return [
        ("home", "/"),
        (f"actor, {counts[near]} stances", f"/id/actor/{near}"),
        (f"actor, {counts[most]} stances", f"/id/actor/{most}"),
        ("document, the most stances", f"/id/document/{doc_id}"),
        ("issue, the most stances", f"/id/issue/{issue.rsplit('/', 1)[1]}"),
        ("stance", f"/id/stance/{doc_id}/1"),
        ("query page, example run", "/query?named=who-condemned"),
    ]


def time_page(client: httpx.Client, base: str, name: str, path: str, runs: int) -> Timing:
    elapsed = []
    sent = stances = 0
    for _ in range(runs + 1):
        t0 = time.perf_counter()
        r = client.get(base + path, headers=BROWSER)
        elapsed.append((time.perf_counter() - t0) * 1000)
        r.raise_for_status()
        sent = int(r.headers.get("content-length") or len(r.content))
        stances = len(re.findall(r'<article class="stance"|<details class="stance-detail"|'
                                 r'<blockquote cite="/id/stance/', r.text))
    first, rest = elapsed[0], sorted(elapsed[1:])
    return Timing(name, path, first, statistics.median(rest),
                  rest[min(len(rest) - 1, round(0.99 * (len(rest) - 1)))], stances, sent)


def report(kg_dir: Path, timings: list[Timing]) -> None:
    documents = sum(1 for _ in (kg_dir / "manifest.json").read_text().split('"file"')) - 1
    print(f"\n## {kg_dir}: {documents} documents; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs\n")
    print("| page | first request | p50 | p99 | stances listed | bytes sent (gzip) |")
    print("|---|---|---|---|---|---|")
    for t in timings:
        print(f"| {t.page} (`{t.path}`) | {t.first:.1f} ms | {t.p50:.1f} ms | {t.p99:.1f} ms "
              f"| {t.stances} | {t.sent:,} |")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kg", type=Path, help="time the pages of this build folder")
    p.add_argument("--docs", type=int, default=1000, help="synthetic documents (default 1000)")
    p.add_argument("--work", type=Path, default=Path("/tmp/stancegraph-bench"),
                   help="folder for the synthetic corpus, its build and the server log")
    p.add_argument("--runs", type=int, default=30, help="sequential requests per page")
    args = p.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    kg_dir = args.kg or synthetic_build(args.docs, args.work)
    t0 = time.monotonic()
    with serving(kg_dir, args.work / "pages-server.log") as base, \
            httpx.Client(timeout=120) as client:
        print(f"# server ready in {time.monotonic() - t0:.1f} s", flush=True)
        # The home page first: its first request is the first the server gets.
        timings = [time_page(client, base, "home", "/", args.runs)]
        for name, path in pick_pages(client, base)[1:]:
            timings.append(time_page(client, base, name, path, args.runs))
    report(kg_dir, timings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
