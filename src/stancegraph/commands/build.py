"""`stancegraph build`: extract, reason and write the dump folder."""

from __future__ import annotations

import argparse
import sys

from ..kg.build import build
from ..kg.corpus import default_jobs
from ..kg.errors import StancegraphError
from ..kg.vocabulary import Vocabulary, load_vocabulary
from . import pipeline_option, use_pipeline

DEFAULT_OUT = "stancegraph-kg"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="build the knowledge graph from documents and write its dumps",
        description="Extract actors and stances from text files, reason over them with OWL 2 RL "
        "and write asserted.ttl, inferred.ttl, ontology.ttl, kg.trig, N-Triples, N-Quads and "
        "JSON-LD dumps plus manifest.json into the output folder.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="text files or folders of .txt files (default: the bundled corpus)")
    p.add_argument("--out", default=None, metavar="DIR",
                   help="output folder, replaced as a whole on success (default: "
                   f"{DEFAULT_OUT}; none when --store is given without --out)")
    p.add_argument("--store", metavar="DIR|URL",
                   help="also write the graph into a store: a folder (an on-disk pyoxigraph "
                   "store, replaced as a whole on success, for serve/query/add/remove --store) "
                   "or a remote SPARQL store, sparql+http://HOST:PORT/PATH[?graph-store=PATH]")
    pipeline_option(p)
    vocabulary_options(p)
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="keep only stances with at least this confidence (0-1)")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="extract and reason in N processes (default: one per available core)")
    p.add_argument("--reasoner", choices=("auto", "owlrl", "reasonable"), default="auto",
                   help="OWL 2 RL engine: owlrl (reference), reasonable (fast), or auto "
                   "(owlrl for small corpora)")
    p.add_argument("--validate", action="store_const", const=True, default=None,
                   help="check the graph against the data contract (SHACL shapes) before it "
                   "replaces the output; a graph that breaks it is not written (also on when "
                   "STANCEGRAPH_VALIDATE=1)")
    p.add_argument("--quiet", action="store_true",
                   help="no progress bar and no summary (the bar shows only on a terminal)")
    p.set_defaults(run=run)


def vocabulary_options(p: argparse.ArgumentParser) -> None:
    """--actors and --issues, shared by the commands that extract."""
    p.add_argument("--actors", action="append", default=[], metavar="FILE",
                   help="your own actors, merged with the bundled registry: a CSV file "
                   "(label,type,aliases,affiliation,wikidata) or Turtle; repeatable")
    p.add_argument("--issues", action="append", default=[], metavar="FILE",
                   help="your own issues, matched before new ones are named: a CSV file "
                   "(label,aliases,definition) or Turtle; repeatable")


def chosen_vocabulary(args: argparse.Namespace) -> Vocabulary | None:
    """The bundled vocabulary with the files of --actors and --issues, or None without."""
    if not args.actors and not args.issues:
        return None
    return load_vocabulary(args.actors, args.issues)


def run(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise StancegraphError("--jobs must be at least 1")
    use_pipeline(args)
    out = args.out if args.out or args.store else DEFAULT_OUT
    options = dict(min_confidence=args.min_confidence, jobs=args.jobs or default_jobs(),
                   engine=None if args.reasoner == "auto" else args.reasoner,
                   progress=not args.quiet and sys.stderr.isatty())
    report = build(args.paths, out, store=args.store, validate=args.validate,
                   vocabulary=chosen_vocabulary(args), **options)
    if not args.quiet:
        t = report.triples
        print(
            f"built {len(report.documents)} document{'s' if len(report.documents) != 1 else ''}, "
            f"{report.stances} stances: "
            f"{t['asserted']} asserted, {t['inferred']} inferred, {t['ontology']} ontology "
            f"triples ({report.engine}) -> "
            f"{' and '.join(str(x) for x in (report.out_dir, report.store) if x)} in "
            f"{sum(report.seconds.values()):.1f} s",
            file=sys.stderr,
        )
    return 0
