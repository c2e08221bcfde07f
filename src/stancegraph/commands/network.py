"""`stancegraph network`: the actor network as GraphML, GEXF or node-link JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..kg.errors import StancegraphError
from ..kg.network import COARSE_KINDS, FORMATS, NetworkFilter, actor_network, write_network
from ..kg.records import STANCE_KINDS
from .query import open_store


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "network",
        help="write the actor network for Gephi or network libraries",
        description="Write the actor network of a build (default: the bundled corpus) or a "
        "store: an edge from holder to target for each coarse kind of stance one takes "
        "toward the other (disapprove, approve, reject, appeal, warn, assert, intend), "
        "weighted by the number of stances, with the stance kinds it stands for; nodes are "
        "actors with their label and type. GraphML and GEXF open in Gephi, Cytoscape and yEd; "
        "json is networkx's node-link form.",
    )
    p.add_argument("--kg", metavar="DIR", help="a build output folder (default: the bundled "
                   "corpus)")
    p.add_argument("--store", metavar="DIR|URL", help="a store folder or a remote SPARQL store")
    p.add_argument("--format", "-f", choices=sorted(FORMATS), default="graphml",
                   help="graphml (default), gexf or json")
    p.add_argument("--kind", choices=STANCE_KINDS, help="only stances of this kind")
    p.add_argument("--coarse-kind", choices=COARSE_KINDS,
                   help="only stances of this coarse kind")
    p.add_argument("--issue", metavar="ID", help="only stances on this issue, e.g. sanctions")
    p.add_argument("--month", metavar="YYYY-MM", help="only stances of this month")
    p.add_argument("--out", "-o", metavar="FILE", help="write to FILE (default: stdout)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    where = NetworkFilter(kind=args.kind, coarse_kind=args.coarse_kind, issue=args.issue,
                          month=args.month).check()  # bad values fail before a store opens
    if args.store and args.kg:
        raise StancegraphError("give --kg or --store, not both")
    with open_store(args) as store:
        data = write_network(actor_network(store, where, timeout=600), args.format)
    if args.out:
        out = Path(args.out)
        tmp = out.with_name(f".{out.name}.partial")
        tmp.write_bytes(data)
        tmp.replace(out)  # whole or not at all
    else:
        sys.stdout.buffer.write(data)
    return 0
