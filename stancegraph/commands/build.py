"""`stancegraph build`: extract, reason and write the dump folder."""

from __future__ import annotations

import argparse
import sys

from ..kg.build import build

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
    p.add_argument("--out", default=DEFAULT_OUT, metavar="DIR",
                   help=f"output folder, replaced as a whole on success (default: {DEFAULT_OUT})")
    p.add_argument("--min-confidence", type=float, default=0.0, metavar="X",
                   help="keep only stances with at least this confidence (0-1)")
    p.add_argument("--quiet", action="store_true", help="print nothing on success")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    report = build(args.paths, args.out, min_confidence=args.min_confidence)
    if not args.quiet:
        t = report.triples
        print(
            f"built {len(report.documents)} documents, {report.stances} stances: "
            f"{t['asserted']} asserted, {t['inferred']} inferred, {t['ontology']} ontology "
            f"triples -> {report.out_dir}",
            file=sys.stderr,
        )
    return 0
