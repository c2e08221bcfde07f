"""`stancegraph add`: extract documents and add (or replace) them in a store."""

from __future__ import annotations

import argparse
import sys
import time

from ..kg.corpus import default_jobs, extract_all, load_documents
from ..kg.errors import StancegraphError, StoreError
from ..kg.graph.rdf import extraction_graph
from ..kg.ids import ONTOLOGY_GRAPH
from ..kg.store.ingest import IngestReport, add_documents, open_store
from ..kg.vocabulary import Vocabulary, using
from . import pipeline_option, use_pipeline
from .build import vocabulary_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "add",
        help="add documents to a store (replacing those with the same id)",
        description="Extract the documents, reason over each with the actor facts the store "
        "holds about what it mentions, and write their asserted and inferred graphs into the "
        "store; documents whose context changes are reasoned again. A document whose id is "
        "already in the store replaces it. A store folder takes the whole change in one "
        "transaction: interrupted, it stays as it was. The documents are read with the actors "
        "and issues the store was built with; --actors and --issues add more to the store "
        "(documents already stored are reasoned again where the new descriptions reach them, "
        "not read again).",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="text files or folders of .txt files")
    store_options(p)
    pipeline_option(p)
    vocabulary_options(p)
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="keep only stances with at least this confidence (0-1)")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="extract in N processes (default: one per available core)")
    p.add_argument("--quiet", action="store_true", help="no progress bar and no summary")
    p.set_defaults(run=run)


def store_options(p: argparse.ArgumentParser) -> None:
    """--store and --reasoner, shared by add and remove."""
    p.add_argument("--store", required=True, metavar="DIR|URL",
                   help="a store folder (build --store) or a remote SPARQL store URL "
                   "(sparql+http://HOST:PORT/PATH[?graph-store=PATH])")
    p.add_argument("--reasoner", choices=("auto", "owlrl", "reasonable"), default="auto",
                   help="OWL 2 RL engine (default: the one the store was built with)")


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise StancegraphError("--jobs must be at least 1")
    use_pipeline(args)
    started = time.perf_counter()
    docs = load_documents(args.paths)
    with open_store(args.store) as store:
        ontology = store.graph_triples(ONTOLOGY_GRAPH)
        if not ontology:
            raise StoreError(f"{store.location}: no ontology graph (not a stancegraph store?)")
        # The store's own registry and issues: those it was built with, and any added since.
        stored = Vocabulary.of_graph(ontology)
        vocabulary = stored.extended(args.actors, args.issues)
        with using(vocabulary):
            extractions = extract_all(docs, min_confidence=args.min_confidence,
                                      jobs=min(args.jobs or default_jobs(), len(docs)),
                                      progress=not args.quiet and sys.stderr.isatty())
        report = add_documents(
            store, [extraction_graph(e) for e in extractions],
            engine=None if args.reasoner == "auto" else args.reasoner,
            ontology=None if vocabulary is stored else vocabulary.ontology_graph)
    for doc_id in report.replaced:
        print(f"stancegraph: replaced document '{doc_id}', which the store already held",
              file=sys.stderr)
    if not args.quiet:
        print(summary(report, args.store, time.perf_counter() - started), file=sys.stderr)
    return 0


def summary(report: IngestReport, location: str, seconds: float) -> str:
    done = [f"{len(ids)} {what}" for what, ids in (("added", report.added),
                                                   ("replaced", report.replaced),
                                                   ("removed", report.removed)) if ids]

    again = len(report.reasoned_again)
    return (f"{', '.join(done)}; {again} other document{'' if again == 1 else 's'} reasoned "
            f"again; {report.triples} triples written -> {location} in {seconds:.1f} s")
