"""OWL 2 RL reasoning cost by corpus size, engine and strategy.

`python benchmarks/reason.py [--sizes 100 1000 10000] [--jobs 2] [--budget 600] [--cache DIR]`

The corpus is the synthetic commentary of `benchmarks/synth.py`, extracted and turned into
document graphs by the real pipeline (document i is the same whatever the size, so the
largest size is extracted once, cached in DIR, and the smaller ones are its first documents).
For each size it reasons with four strategies:

- per-document owlrl and per-document reasonable (`reason_documents`, `--jobs` processes):
  each document with its context of other documents' actor facts;
- whole-corpus owlrl and whole-corpus reasonable (`reason` over the union), the reference.

A run whose time, extrapolated from the previous size, exceeds `--budget` seconds is skipped,
and so are whole-corpus runs above `--whole-max` documents (rdflib's memory).
It prints wall and CPU seconds (parent and workers), asserted triples per second, and each
strategy's time as a multiple of per-document reasonable's.
"""

from __future__ import annotations

import argparse
import importlib.util
import multiprocessing
import pickle
import resource
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from rdflib import Graph

from stancegraph.kg.documents import load_document
from stancegraph.kg.extract import extract
from stancegraph.kg.graph.ontology import load_ontology
from stancegraph.kg.graph.rdf import extraction_graph
from stancegraph.kg.graph.reason import reason, reason_documents
from stancegraph.kg.registry import Registry

HERE = Path(__file__).resolve().parent
STRATEGIES = ("per-document reasonable", "per-document owlrl", "whole reasonable",
              "whole owlrl")
# How a strategy's time grows with the corpus, to predict the next size from the last:
# per-document work is linear; owlrl over one graph grows faster (measured ~n^1.3).
GROWTH = {"per-document owlrl": 1.0, "per-document reasonable": 1.0, "whole owlrl": 1.4,
          "whole reasonable": 1.1}


def _synth():
    spec = importlib.util.spec_from_file_location("synth", HERE / "synth.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module  # its dataclasses need the module registered
    spec.loader.exec_module(module)
    return module


def _extract_chunk(args: tuple[str, list[str]]) -> list[tuple[str, list]]:
    folder, names = args
    registry = Registry.default()
    out = []
    for name in names:
        doc = load_document(Path(folder) / name)
        g = extraction_graph(extract(doc, registry))
        out.append((str(g.identifier), list(g)))
    return out


def corpus_graphs(n: int, cache: Path, jobs: int) -> list[tuple[str, list]]:
    """The first n synthetic documents as (graph name, triples), extracted once and cached."""
    cache.mkdir(parents=True, exist_ok=True)
    cached = sorted(cache.glob("graphs-*.pickle"), key=lambda p: int(p.stem.split("-")[1]))
    for path in cached:
        if int(path.stem.split("-")[1]) >= n:
            with path.open("rb") as f:
                return pickle.load(f)[:n]
    texts = cache / f"texts-{n}"
    synth = _synth()
    started = time.perf_counter()
    names = [Path(p).name for p in synth.write_corpus(n, texts, seed=0)]
    chunks = [(str(texts), names[i:i + 50]) for i in range(0, len(names), 50)]
    graphs: list[tuple[str, list]] = []
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        for part in pool.map(_extract_chunk, chunks):
            graphs.extend(part)
    print(f"extracted {n} documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    with (cache / f"graphs-{n}.pickle").open("wb") as f:
        pickle.dump(graphs, f, protocol=pickle.HIGHEST_PROTOCOL)
    return graphs


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def run(strategy: str, ontology: Graph, docs: list[list], jobs: int) -> tuple[float, float]:
    """Wall and CPU seconds of one strategy; loading the union into rdflib is not counted."""
    engine = strategy.split()[-1]
    if strategy.startswith("per-document"):
        wall, cpu = time.perf_counter(), _cpu()
        reason_documents(ontology, docs, engine=engine, jobs=jobs)
    else:
        union = Graph()
        for triples in docs:
            for triple in triples:
                union.add(triple)
        wall, cpu = time.perf_counter(), _cpu()
        reason(ontology, union, engine=engine)
    return time.perf_counter() - wall, _cpu() - cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--budget", type=float, default=600.0,
                        help="skip a run predicted to take longer (seconds)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/stancegraph-bench-reason"))
    parser.add_argument("--whole-max", type=int, default=100,
                        help="largest corpus reasoned as one graph: at 1,000 documents the "
                             "whole-graph reasonable run (rdflib terms) passed 20 GB")
    parser.add_argument("--strategies", nargs="+", default=list(STRATEGIES),
                        choices=STRATEGIES, metavar="STRATEGY")
    args = parser.parse_args(argv)

    ontology = load_ontology()
    graphs = corpus_graphs(max(args.sizes), args.cache, args.jobs)
    last: dict[str, tuple[int, float]] = {}
    print("| documents | asserted triples | strategy | wall s | CPU s | triples/s (wall) "
          "| × per-document reasonable |")
    print("|---:|---:|---|---:|---:|---:|---:|")
    for n in sorted(args.sizes):
        docs = [triples for _, triples in graphs[:n]]
        size = sum(len(t) for t in docs)
        measured: dict[str, float] = {}
        for strategy in args.strategies:
            if strategy.startswith("whole") and n > args.whole_max:
                print(f"| {n:,} | {size:,} | {strategy} | skipped (over --whole-max) "
                      "| | | |", flush=True)
                continue
            if strategy in last:
                n0, t0 = last[strategy]
                predicted = t0 * (n / n0) ** GROWTH[strategy]
                if predicted > args.budget:
                    print(f"| {n:,} | {size:,} | {strategy} | skipped (~{predicted:,.0f} s "
                          "predicted) | | | |", flush=True)
                    continue
            wall, cpu = run(strategy, ontology, docs, args.jobs)
            measured[strategy] = wall
            last[strategy] = (n, wall)
            base = measured.get("per-document reasonable")
            ratio = f"{wall / base:.1f}" if base else ""
            print(f"| {n:,} | {size:,} | {strategy} | {wall:.1f} | {cpu:.1f} | "
                  f"{size / wall:,.0f} | {ratio} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
