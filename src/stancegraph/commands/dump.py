"""`stancegraph dump`: write a store folder's dump files, streaming."""

from __future__ import annotations

import argparse
import sys
import time

from ..kg.store.local import dump_folder


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "dump",
        help="write the dump files of a store folder",
        description="Write kg.trig, kg.nq, kg.jsonld, asserted.ttl/.nt, inferred.ttl/.nt, "
        "ontology.ttl and manifest.json from a store folder (after add or remove, say) into "
        "the output folder, replaced as a whole on success. Streams from the store: memory "
        "does not grow with its size. serve --store then serves them at /dumps.",
    )
    p.add_argument("--store", required=True, metavar="DIR", help="a store folder (build --store)")
    p.add_argument("--out", required=True, metavar="DIR", help="the dump folder to write")
    p.add_argument("--quiet", action="store_true", help="no summary")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    manifest = dump_folder(args.store, args.out)
    if not args.quiet:
        t = manifest["triples"]
        print(f"dumped {len(manifest['documents'])} documents: {t['asserted']} asserted, "
              f"{t['inferred']} inferred, {t['ontology']} ontology triples -> {args.out} in "
              f"{time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0
