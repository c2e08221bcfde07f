"""`stancegraph validate`: check a build, a store or an RDF file against the data contract."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..kg.errors import StancegraphError, StoreError
from ..kg.validation import GraphSource, OxigraphGraphs, RemoteGraphs, check_dataset, open_file
from ..kg.vocabulary import bundled
from .build import chosen_vocabulary, vocabulary_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "validate",
        help="check a graph against the data contract (SHACL shapes)",
        description="Check a build folder, a store or an RDF file against the SHACL shapes of "
        "the data model (stances, evidence selectors, actors, documents, issues) and print "
        "each violation on a line: the part (ontology or a document id), the resource, the "
        "property and what is wrong. A file without the ontology graph is read with the "
        "installed one (and the files of --actors and --issues). Exit code 0 when the graph "
        "conforms, 1 when it does not, 2 when it cannot be read.",
    )
    p.add_argument("file", nargs="?", metavar="FILE",
                   help="an RDF file (.ttl, .trig, .nt, .nq, .jsonld, .rdf)")
    p.add_argument("--kg", metavar="DIR", help="a build output folder")
    p.add_argument("--store", metavar="DIR|URL",
                   help="a store folder (build --store) or a remote SPARQL store URL")
    vocabulary_options(p)
    p.add_argument("--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    given = [x for x in (args.file, args.kg, args.store) if x]
    if len(given) != 1:
        raise StancegraphError("give one of FILE, --kg DIR or --store DIR|URL")
    started = time.perf_counter()
    parts = violations = 0
    vocabulary = chosen_vocabulary(args) or bundled()
    with _source(args) as source:
        for part, found in check_dataset(source, vocabulary.ontology_graph):
            parts += 1
            violations += len(found)
            for v in found:
                print(f"{part}: {v.line()}")
    if not args.quiet:
        verdict = ("conforms" if not violations
                   else f"{violations} violation{'s' if violations != 1 else ''}")
        documents = (f"{parts - 1} document{'s' if parts != 2 else ''} and the ontology"
                     if parts > 1 else "the graph")
        print(f"stancegraph: checked {documents}: {verdict} "
              f"({time.perf_counter() - started:.1f} s)", file=sys.stderr)
    return 1 if violations else 0


@contextmanager
def _source(args: argparse.Namespace) -> Iterator[GraphSource]:
    if args.file:
        yield OxigraphGraphs(open_file(Path(args.file)))
    elif args.kg:
        kg = Path(args.kg)
        if not (kg / "kg.nq").is_file():
            raise StoreError(f"{kg}: no kg.nq here (is this a build output folder?)")
        yield OxigraphGraphs(open_file(kg / "kg.nq"))
    else:
        from ..kg.store.local import DATA, Lock, read_metadata
        from ..kg.store.remote import is_remote

        if is_remote(args.store):
            yield RemoteGraphs(args.store)
            return
        directory = Path(args.store)
        read_metadata(directory)  # a clear error for a folder that is no store
        lock = Lock(directory, exclusive=False)
        try:
            import pyoxigraph as ox

            yield OxigraphGraphs(ox.Store.read_only(str(directory / DATA)))
        finally:
            lock.release()
