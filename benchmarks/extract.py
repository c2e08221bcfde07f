"""Extraction throughput on one core: documents and words per second.

`python benchmarks/extract.py [N] [--seed S] [--words W] [--min-confidence C] [--parser-cost]`
generates N synthetic commentaries with benchmarks/synth.py (default 300 of about 600 words),
loads them as documents (header parsing included) and extracts each one, reporting
documents/s and words/s by CPU time (time.process_time, what one core delivers) and by wall
time (lower when other work shares the machine), the share of sentences parsed, and stances
and actors per document. The registry, issue scheme and spaCy pipeline are loaded (once per
process) before the clock starts, since a build pays that cost once.

With --parser-cost it also runs the spaCy pipeline alone over the same document bodies: all of
it, without its entity recognizer, and its sentence recognizer alone, each as documents per
CPU-second and as a ratio to extraction: what parsing costs, and what parsing only the
sentences that may hold a stance saves.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path

from stancegraph.kg.documents import load_document
from stancegraph.kg.extract import analyse, extract
from stancegraph.kg.extract.mentions import registry_matcher
from stancegraph.kg.extract.nlp import load_pipeline, pipeline_version
from stancegraph.kg.issues import IssueScheme
from stancegraph.kg.registry import Registry


def _synth():
    path = Path(__file__).with_name("synth.py")
    spec = importlib.util.spec_from_file_location("synth", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["synth"] = module
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=300)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--min-confidence", type=float, default=0.0)
    parser.add_argument("--parser-cost", action="store_true",
                        help="also time the spaCy pipeline alone on the same texts")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    registry = Registry.default()
    IssueScheme.load()
    nlp = load_pipeline()
    registry_matcher(registry)
    load_s = time.perf_counter() - t0

    with tempfile.TemporaryDirectory() as tmp:
        paths = _synth().write_corpus(args.n, tmp, seed=args.seed, words=args.words)
        texts = [p.read_text(encoding="utf-8") for p in paths]
        words = sum(len(t.split()) for t in texts)
        per_doc: list[float] = []
        stances = actors = 0
        start = time.perf_counter()
        cpu_start = time.process_time()
        for p in paths:
            t = time.perf_counter()
            ex = extract(load_document(p), registry, min_confidence=args.min_confidence)
            per_doc.append(time.perf_counter() - t)
            stances += len(ex.stances)
            actors += len(ex.actors)
        cpu = time.process_time() - cpu_start
        elapsed = time.perf_counter() - start
        sentences = parsed = 0
        for p in paths:  # untimed: which sentences extraction parsed
            a = analyse(load_document(p), registry)
            sentences += len(a.sentences)
            parsed += sum(s.parsed for s in a.sentences)
        bodies = [load_document(p).text for p in paths] if args.parser_cost else []

    n = len(paths)
    print(f"registry, issue scheme and {pipeline_version()} loaded in {load_s * 1000:.0f} ms "
          f"({len(registry)} actors)")
    print(f"{n} documents, {words} words on one core: {cpu:.2f} s of CPU time, "
          f"{elapsed:.2f} s of wall time")
    print(f"  CPU time:  {n / cpu:.1f} documents/s, {words / cpu:,.0f} words/s")
    print(f"  wall time: {n / elapsed:.1f} documents/s, {words / elapsed:,.0f} words/s "
          "(lower when other work shares the machine)")
    print(f"  per document (wall): median {statistics.median(per_doc) * 1000:.1f} ms, "
          f"max {max(per_doc) * 1000:.1f} ms")
    print(f"  {parsed:,} of {sentences:,} sentences parsed ({parsed / max(1, sentences):.0%})")
    print(f"  {stances / n:.1f} stances and {actors / n:.1f} actors per document")
    if bodies:
        print("the spaCy pipeline alone, on the same texts (one core):")
        runs = (("every component", ()), ("without the entity recognizer", ("ner",)),
                ("sentence recognizer alone", None))
        for label, disabled in runs:
            cpu_start = time.process_time()
            if disabled is None:
                senter = nlp.get_pipe("senter")
                for _ in senter.pipe(nlp.make_doc(b) for b in bodies):
                    pass
            else:
                with nlp.select_pipes(disable=[*disabled, "senter"]):
                    for _ in nlp.pipe(bodies):
                        pass
            spent = time.process_time() - cpu_start
            print(f"  {label}: {n / spent:.1f} documents/s, {spent / n * 1000:.0f} ms a "
                  f"document ({spent / cpu:.2f} times extraction)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
