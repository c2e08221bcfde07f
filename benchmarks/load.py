"""Load benchmark: the server under mixed REST and SPARQL traffic while runaway queries hold
query workers the whole time.

    python benchmarks/load.py                       # 300 synthetic documents, 16 clients, 60 s
    python benchmarks/load.py --store DIR           # an existing store folder
    python benchmarks/load.py --docs 1000 --seconds 120 --runaways 4

`stancegraph serve --store` runs as its own process on loopback. `--clients` threads each send
one request after another for `--seconds`: REST look-ups (actors, an actor's stances, stances
by holder, one stance, documents, issues, /health) and, one request in four, a small SPARQL
query (a label, an ASK, a document's stances). Meanwhile `--runaways` threads each keep a query
that would run for hours in flight: it is stopped at the server's time limit (503), and sent
again at once. Printed: per class of request its count, errors (any status but 2xx; for the
runaways, any but their 503), p50, p95 and p99; the runaways' answers; and the memory of the
server with all its worker processes, sampled each second (first, peak, last).
"""

from __future__ import annotations

import argparse
import importlib.util
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

import httpx
import psutil

HERE = Path(__file__).resolve().parent
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SPARQL = (
    "SELECT ?label WHERE {{ <{actor}> rdfs:label ?label }}",
    "ASK {{ ?s sg:holder <{actor}> }}",
    "SELECT ?s ?kind WHERE {{ ?s prov:wasDerivedFrom <{doc}> ; sg:kind ?kind }} LIMIT 50",
)


def synthetic_store(n: int, work: Path) -> Path:
    spec = importlib.util.spec_from_file_location("synth", HERE / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = synth
    spec.loader.exec_module(synth)
    texts = work / f"corpus-{n}"
    synth.write_corpus(n, texts, seed=0)
    store = work / f"store-{n}"
    subprocess.run([sys.executable, "-m", "stancegraph", "build", str(texts), "--store",
                    str(store), "--quiet"], check=True)
    return store


def serve(store: Path, args: argparse.Namespace) -> tuple[subprocess.Popen, str]:
    command = [sys.executable, "-m", "stancegraph", "serve", "--store", str(store),
               "--port", "0", "--workers", str(args.workers), "--lookup-workers",
               str(args.lookup_workers), "--query-timeout", str(args.query_timeout),
               "--no-access-log"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    while True:
        line = process.stderr.readline()
        if not line:
            raise SystemExit("the server stopped before it was ready")
        found = re.search(r"open (http://127\.0\.0\.1:\d+)/docs", line)
        if found:
            # keep reading its log (worker replacements), or a full pipe would block it
            threading.Thread(target=_drain, args=(process, args.log), daemon=True).start()
            return process, found.group(1)


def _drain(process: subprocess.Popen, log: list[str]) -> None:
    for line in process.stderr:
        log.append(line.rstrip())


def sample_ids(base: str) -> dict[str, list[str]]:
    with httpx.Client(base_url=base, timeout=60) as c:
        actors = [a["id"] for a in c.get("/actors", params={"type": "State"}).json()][:40]
        documents = [d["id"] for d in c.get("/documents", params={"limit": 40}).json()["items"]]
        issues = [i["id"] for i in c.get("/issues", params={"limit": 20}).json()["items"]]
        stances = [s["id"] for s in c.get("/stances", params={"limit": 200}).json()["items"]]
    return {"actor": actors, "document": documents, "issue": issues, "stance": stances}


def request(rng: random.Random, ids: dict[str, list[str]]) -> tuple[str, str, dict, str | None]:
    """(class, path, params, SPARQL body or None)."""
    if rng.random() < 0.25:
        actor = "https://w3id.org/stancegraph/id/actor/" + rng.choice(ids["actor"])
        doc = "https://w3id.org/stancegraph/id/document/" + rng.choice(ids["document"])
        return "sparql", "/sparql", {}, rng.choice(SPARQL).format(actor=actor, doc=doc)
    kind = rng.randrange(7)
    if kind == 0:
        return "rest", f"/actors/{rng.choice(ids['actor'])}", {}, None
    if kind == 1:
        return "rest", f"/actors/{rng.choice(ids['actor'])}/stances", {"limit": 20}, None
    if kind == 2:
        return "rest", "/stances", {"holder": rng.choice(ids["actor"]), "limit": 20}, None
    if kind == 3:
        return "rest", f"/stances/{rng.choice(ids['stance'])}", {}, None
    if kind == 4:
        return "rest", f"/documents/{rng.choice(ids['document'])}", {}, None
    if kind == 5:
        return "rest", f"/issues/{rng.choice(ids['issue'])}", {"limit": 20}, None
    return "rest", "/health", {}, None


def client(base: str, ids: dict[str, list[str]], until: float, seed: int,
           results: dict[str, list[tuple[int, float]]]) -> None:
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=60) as c:
        while time.monotonic() < until:
            what, path, params, body = request(rng, ids)
            started = time.perf_counter()
            if body is None:
                status = c.get(path, params=params).status_code
            else:
                status = c.post(path, content=body.encode(), headers={
                    "Content-Type": "application/sparql-query",
                    "Accept": "application/sparql-results+json"}).status_code
            results[what].append((status, time.perf_counter() - started))


def runaway(base: str, until: float, results: dict[str, list[tuple[int, float]]]) -> None:
    with httpx.Client(base_url=base, timeout=120) as c:
        while time.monotonic() < until:
            started = time.perf_counter()
            status = c.post("/sparql", content=RUNAWAY.encode(),
                            headers={"Content-Type": "application/sparql-query"}).status_code
            results["runaway"].append((status, time.perf_counter() - started))


def memory(pid: int) -> int:
    """Resident memory of the server and every process under it, in bytes."""
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for p in processes:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))]


def report(results: dict[str, list[tuple[int, float]]], samples: list[int],
           seconds: float) -> None:
    print(f"{'class':<10}{'requests':>10}{'req/s':>8}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}"
          f"{'p99 ms':>9}")
    for what in ("rest", "sparql", "runaway"):
        rows = results.get(what, [])
        if not rows:
            continue
        ok = 503 if what == "runaway" else None
        errors = sum(1 for s, _ in rows if (s != ok if ok else not 200 <= s < 300))
        times = [t * 1000 for _, t in rows]
        print(f"{what:<10}{len(rows):>10}{len(rows) / seconds:>8.1f}{errors:>8}"
              f"{statistics.median(times):>9.1f}{percentile(times, 95):>9.1f}"
              f"{percentile(times, 99):>9.1f}")
    for what, rows in sorted(results.items()):
        statuses: dict[int, int] = defaultdict(int)
        for s, _ in rows:
            statuses[s] += 1
        print(f"{what} answers by status: {dict(sorted(statuses.items()))}")
    mb = [s / 2**20 for s in samples if s]
    half = len(mb) // 2
    print(f"memory of the server and its workers: first {mb[0]:.0f} MB, peak {max(mb):.0f} MB, "
          f"last {mb[-1]:.0f} MB; mean of the first half {statistics.mean(mb[:half]):.0f} MB, "
          f"of the second {statistics.mean(mb[half:]):.0f} MB")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--store", type=Path, help="an existing store folder (build --store)")
    p.add_argument("--docs", type=int, default=300, help="synthetic documents (no --store)")
    p.add_argument("--work", type=Path, help="folder for the synthetic corpus and its store")
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--seconds", type=float, default=60.0)
    p.add_argument("--runaways", type=int, default=4)
    p.add_argument("--workers", type=int, default=6, help="the server's query workers")
    p.add_argument("--lookup-workers", type=int, default=1)
    p.add_argument("--query-timeout", type=float, default=5.0)
    args = p.parse_args(argv)
    args.log = []
    work = args.work or Path(tempfile.mkdtemp(prefix="stancegraph-load-"))
    store = args.store or synthetic_store(args.docs, work)
    process, base = serve(store, args)
    try:
        ids = sample_ids(base)
        results: dict[str, list[tuple[int, float]]] = defaultdict(list)
        samples = [memory(process.pid)]
        until = time.monotonic() + args.seconds
        threads = [threading.Thread(target=runaway, args=(base, until, results))
                   for _ in range(args.runaways)]
        threads += [threading.Thread(target=client, args=(base, ids, until, i, results))
                    for i in range(args.clients)]
        for t in threads:
            t.start()
        while time.monotonic() < until:
            time.sleep(1)
            samples.append(memory(process.pid))
        for t in threads:
            t.join()
        print(f"{store}: {args.clients} clients and {args.runaways} runaway queries for "
              f"{args.seconds:g} s; {args.workers} query workers, {args.lookup_workers} "
              f"look-up worker(s), query timeout {args.query_timeout:g} s")
        report(results, samples, args.seconds)
        replaced = [line for line in args.log if "replaced" in line]
        print(f"worker replacements logged: {len(replaced)}")
    finally:
        process.terminate()
        process.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
