"""Scale: build synthetic corpora into an on-disk store, then add one document and query it.

    python benchmarks/scale.py [--sizes 100,1000,10000] [--owlrl-sizes 100] [--work DIR]

Per size N: a corpus of N documents from benchmarks/synth.py; `stancegraph build --store`
in a child process (seconds for extraction, RDF, reasoning and loading the store, peak RSS of
the build process and of all its processes together, sampled); the store's size on disk; the
time the store takes to open for serving; the p50 of every named query (default parameters,
five runs each, over the served store); the wall time of `stancegraph add` for document N+1;
and, for the sizes of --owlrl-sizes, whole-graph owlrl over all asserted triples (the
reference the per-document reasoning is compared with), stopped after --owlrl-timeout.

A build whose processes together pass --max-rss GB is stopped (so a too-large size cannot
take the machine down) and reported as such.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def synth():
    spec = importlib.util.spec_from_file_location("synth", HERE / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module  # its dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


# --- child processes --------------------------------------------------------------------------


def child_build(corpus: str, store: str) -> None:
    """Build `corpus` into `store`; print the report as JSON on the last line."""
    import resource

    from stancegraph.kg.corpus import default_jobs
    from stancegraph.kg.store.build import build_store

    t0 = time.perf_counter()
    report = build_store([corpus], store, jobs=default_jobs())
    print(json.dumps({
        "documents": len(report.documents), "stances": report.stances,
        "triples": report.triples, "engine": report.engine, "seconds": report.seconds,
        "wall": time.perf_counter() - t0,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def child_owlrl(store: str) -> None:
    """Whole-graph owlrl over every document graph of `store`; seconds as JSON."""
    import pyoxigraph as ox
    from rdflib import Graph

    from stancegraph.kg.graph.ontology import load_ontology
    from stancegraph.kg.graph.reason import reason
    from stancegraph.kg.ids import DOCUMENT_GRAPHS
    from stancegraph.kg.store.local import DATA, from_ox

    db = ox.Store.read_only(str(Path(store) / DATA))
    asserted = Graph()
    for q in db:
        if q.graph_name.value.startswith(DOCUMENT_GRAPHS):
            asserted.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    del db
    ontology = load_ontology()
    t0 = time.perf_counter()
    inferred = reason(ontology, asserted, engine="owlrl")
    print(json.dumps({"seconds": time.perf_counter() - t0, "asserted": len(asserted),
                      "inferred": len(inferred)}))


# --- measuring ----------------------------------------------------------------------------------


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21])
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, ()))
    return total * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_watched(argv: list[str], *, max_rss_mb: float, timeout: float) -> dict:
    """Run a child; its JSON result plus the sampled peak RSS of its process tree."""
    # its own process group, so a stop takes the workers it forked too
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True, start_new_session=True)
    peak = 0.0
    stopped = ""
    done = threading.Event()

    def watch() -> None:
        nonlocal peak, stopped
        started = time.monotonic()
        while not done.wait(0.5):
            peak = max(peak, tree_rss_mb(process.pid))
            if peak > max_rss_mb:
                stopped = f"stopped at {peak / 1024:.1f} GB"
            elif time.monotonic() - started > timeout:
                stopped = f"stopped after {timeout:.0f} s"
            if stopped:
                os.killpg(process.pid, signal.SIGKILL)
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    out, _ = process.communicate()
    done.set()
    watcher.join()
    if stopped or process.returncode != 0:
        return {"failed": stopped or f"exit {process.returncode}", "tree_peak_rss_mb": peak}
    result = json.loads(out.strip().splitlines()[-1])
    result["tree_peak_rss_mb"] = peak
    return result


def disk_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20


def query_latencies(store_dir: Path, repeat: int = 5,
                    timeout: float = 30.0) -> tuple[float, float, dict[str, float]]:
    """Seconds to open the store; p50 over all named-query runs; each query's median (ms).
    A query past `timeout` counts as taking `timeout` in all its runs."""
    from stancegraph.kg.errors import QueryTimeout
    from stancegraph.kg.named_queries import named_queries
    from stancegraph.kg.store import Store

    t0 = time.perf_counter()
    store = Store.from_location(store_dir, workers=2)
    opened = time.perf_counter() - t0
    per_query: dict[str, float] = {}
    runs: list[float] = []
    try:
        for name, query in named_queries().items():
            bound = query.bind({})
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                try:
                    store.select(bound.text, bound.bindings, timeout=timeout)
                except QueryTimeout:
                    times = [timeout * 1000] * repeat  # counted at the limit, not rerun
                    break
                times.append((time.perf_counter() - t) * 1000)
            per_query[name] = statistics.median(times)
            runs += times
    finally:
        store.close()
    return opened, statistics.median(runs), per_query


def wait_until_free(store: Path, limit: float = 300.0) -> None:
    """Wait for query workers still starting after a timeout to let go of the store."""
    from stancegraph.kg.errors import StoreError
    from stancegraph.kg.store.local import Lock

    deadline = time.monotonic() + limit
    while True:
        try:
            Lock(store, exclusive=True).release()
            return
        except StoreError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def one_size(n: int, work: Path, args: argparse.Namespace) -> dict:
    corpus = work / f"corpus-{n}"
    store = work / f"store-{n}"
    extra = work / f"extra-{n}"
    if not corpus.is_dir() or len(list(corpus.glob("*.txt"))) != n:
        shutil.rmtree(corpus, ignore_errors=True)
        synth().write_corpus(n, corpus, seed=0)
    shutil.rmtree(extra, ignore_errors=True)
    extra.mkdir()
    name, text = list(synth().generate(n + 1, seed=0, words=600))[-1]
    (extra / name).write_text(text, encoding="utf-8")

    row: dict = {"size": n}
    t0 = time.perf_counter()
    built = run_watched([sys.executable, __file__, "--child-build", str(corpus), str(store)],
                        max_rss_mb=args.max_rss * 1024, timeout=args.build_timeout)
    row["end_to_end"] = time.perf_counter() - t0
    row["build"] = built
    print(json.dumps(row), flush=True)  # kept, whatever happens next
    if "failed" in built:
        return row
    row["store_mb"] = disk_mb(store)
    row["open_s"], row["query_p50_ms"], row["queries_ms"] = query_latencies(
        store, timeout=args.query_timeout)
    wait_until_free(store)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "stancegraph", "add", str(extra), "--store", str(store),
                    "--quiet"], check=True)
    row["add_one_s"] = time.perf_counter() - t0
    if n in args.owlrl_sizes:
        row["owlrl"] = run_watched([sys.executable, __file__, "--child-owlrl", str(store)],
                                   max_rss_mb=args.max_rss * 1024, timeout=args.owlrl_timeout)
    return row


def show(row: dict) -> str:
    b = row["build"]
    if "failed" in b:
        return (f"{row['size']:>6} documents: build {b['failed']} "
                f"(peak RSS of all processes {b['tree_peak_rss_mb'] / 1024:.1f} GB)")
    s, t = b["seconds"], b["triples"]
    lines = [
        f"{row['size']:>6} documents, {b['stances']} stances, {t['asserted']:,} asserted + "
        f"{t['inferred']:,} inferred + {t['ontology']:,} ontology triples ({b['engine']})",
        f"       seconds: extract and RDF {s.get('extract', 0):.1f}, "
        f"reason (while the store loads the asserted graphs) {s.get('reason', 0):.1f}, "
        f"rest of that load {s.get('wait for loading', 0):.1f}, load inferences and compact "
        f"{s.get('store', 0):.1f}; "
        f"end to end {row['end_to_end']:.1f}",
        f"       peak RSS: build process {b['peak_rss_mb'] / 1024:.2f} GB, all processes "
        f"{b['tree_peak_rss_mb'] / 1024:.2f} GB; store on disk {row['store_mb']:.0f} MB",
        f"       serve: store opens in {row['open_s']:.2f} s; named-query p50 "
        f"{row['query_p50_ms']:.1f} ms (slowest median: "
        + ", ".join(f"{k} {v:.0f}" for k, v in sorted(row["queries_ms"].items(),
                                                     key=lambda kv: -kv[1])[:3]) + " ms)",
        f"       add one document: {row['add_one_s']:.2f} s",
    ]
    if "owlrl" in row:
        o = row["owlrl"]
        if "failed" in o:
            lines.append(f"       whole-graph owlrl: {o['failed']}")
        else:
            ratio = o["seconds"] / max(s.get("reason", 0), 1e-9)
            lines.append(f"       whole-graph owlrl: {o['seconds']:.1f} s for {o['asserted']:,} "
                         f"triples ({ratio:.0f}x the build's reasoning)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000",
                        help="corpus sizes, comma-separated (default: 100,1000,10000)")
    parser.add_argument("--owlrl-sizes", default="100",
                        help="sizes to run whole-graph owlrl on (default: 100)")
    parser.add_argument("--owlrl-timeout", type=float, default=600.0, metavar="S")
    parser.add_argument("--query-timeout", type=float, default=10.0, metavar="S",
                        help="a named query past S seconds counts as S (default: 10)")
    parser.add_argument("--build-timeout", type=float, default=3600.0, metavar="S")
    parser.add_argument("--max-rss", type=float, default=12.0, metavar="GB",
                        help="stop a build whose processes together use more (default: 12)")
    parser.add_argument("--work", default=None, metavar="DIR",
                        help="where corpora and stores go (default: a temporary folder); "
                        "corpora there are reused")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--child-build", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--child-owlrl", nargs=1, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_build:
        child_build(*args.child_build)
        return 0
    if args.child_owlrl:
        child_owlrl(*args.child_owlrl)
        return 0
    sizes = [int(x) for x in args.sizes.split(",") if x]
    args.owlrl_sizes = {int(x) for x in args.owlrl_sizes.split(",") if x}
    import tempfile

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="stancegraph-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} CPUs; work folder {work}", flush=True)
    rows = []
    for n in sizes:
        row = one_size(n, work, args)
        rows.append(row)
        print(show(row), flush=True)
        if args.json:
            Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
