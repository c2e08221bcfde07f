"""`stancegraph remove`: take documents out of a store, with their inferences."""

from __future__ import annotations

import argparse
import sys
import time

from ..kg.errors import StancegraphError
from ..kg.store.ingest import open_store, remove_documents
from .add import store_options, summary


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "remove",
        help="remove documents (by id) from a store",
        description="Drop the documents' asserted and inferred graphs and reason again the "
        "documents whose context they change. A store folder takes the whole change in one "
        "transaction: interrupted, it stays as it was.",
    )
    p.add_argument("ids", nargs="+", metavar="ID", help="document ids, e.g. sejong-2019-33")
    store_options(p)
    p.add_argument("--quiet", action="store_true", help="no summary")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    ids = list(dict.fromkeys(args.ids))
    for doc_id in ids:
        if not doc_id or "/" in doc_id or any(c.isspace() for c in doc_id):
            raise StancegraphError(f"{doc_id!r}: not a document id")
    with open_store(args.store) as store:
        report = remove_documents(store, ids,
                                  engine=None if args.reasoner == "auto" else args.reasoner)
    if not args.quiet:
        print(summary(report, args.store, time.perf_counter() - started), file=sys.stderr)
    return 0
