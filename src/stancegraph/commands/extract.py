"""`stancegraph extract`: one document's actors and stances, as JSON or Turtle, to stdout."""

from __future__ import annotations

import argparse
import json
import sys

from ..kg.documents import load_document
from ..kg.exchange import to_exchange
from ..kg.extract import extract
from ..kg.graph.rdf import extraction_graph
from ..kg.ids import PREFIXES
from ..kg.vocabulary import using
from . import pipeline_option, use_pipeline
from .build import chosen_vocabulary, vocabulary_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "extract",
        help="print the actors and stances of one document",
        description="Extract actors and stances from one text file and print them: json is "
        "the exchange format other tools read; turtle is the document's named graph.",
    )
    p.add_argument("path", metavar="PATH", help="a plain-text (UTF-8) document")
    p.add_argument("--format", choices=("json", "turtle"), default="json")
    pipeline_option(p)
    vocabulary_options(p)
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="keep only stances with at least this confidence (0-1)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    use_pipeline(args)
    doc = load_document(args.path)
    with using(chosen_vocabulary(args)) as vocabulary:
        extraction = extract(doc, vocabulary.registry, min_confidence=args.min_confidence)
    if args.format == "json":
        out = json.dumps(to_exchange(extraction), indent=1, ensure_ascii=False) + "\n"
    else:
        graph = extraction_graph(extraction)
        for prefix, ns in PREFIXES.items():
            graph.bind(prefix, ns)
        out = graph.serialize(format="turtle")
    # Written in one piece once complete, so a failure never leaves partial output.
    sys.stdout.write(out)
    return 0
