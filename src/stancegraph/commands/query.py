"""`stancegraph query`: run a named query (or a .rq file) against a build."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..kg.errors import QueryError, StancegraphError
from ..kg.ids import PREFIXES
from ..kg.named_queries import NamedQuery, named_queries, resolve_query, rows_to_csv
from ..kg.store import Store

MAX_CELL = 60  # characters of a table cell; json and csv give whole values


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "query",
        help="run a named SPARQL query (or a .rq file) against a build",
        description="Run one of the named queries (see --list) or a .rq file against a build "
        "folder (default: the bundled corpus, built once and reused). Parameters are typed and "
        "bound as values, never pasted into the query.",
    )
    p.add_argument("name", nargs="?", metavar="NAME|FILE.rq",
                   help="a named query, or the path of a .rq file")
    p.add_argument("--kg", metavar="DIR", help="a build output folder (default: the bundled "
                   "corpus)")
    p.add_argument("--store", metavar="DIR|URL", help="query a store instead: a folder "
                   "written by build --store, or a remote SPARQL store (sparql+http://...)")
    p.add_argument("--param", "-p", action="append", default=[], metavar="K=V",
                   help="a parameter value (repeatable), e.g. --param actor=north-korea")
    p.add_argument("--format", "-f", choices=("table", "json", "csv"), default="table",
                   help="output format (default: table)")
    p.add_argument("--timeout", type=float, default=60.0, metavar="S",
                   help="stop the query after S seconds (default: 60)")
    p.add_argument("--list", action="store_true", help="list the named queries and exit")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.list:
        print(_listing(named_queries()))
        return 0
    if not args.name:
        raise StancegraphError("give a query name or a .rq file (see stancegraph query --list)")
    if args.timeout <= 0:
        raise StancegraphError("--timeout must be a positive number of seconds")
    query = resolve_query(args.name)
    params = _params(args.param)
    bound = query.bind(params)  # bad values fail here, before any store is opened
    if args.store and args.kg:
        raise StancegraphError("give --kg or --store, not both")
    with open_store(args) as store:
        try:
            result = store.select(bound.text, bound.bindings, timeout=args.timeout)
        except QueryError as exc:
            # Parser messages span lines; the command line reports one.
            raise QueryError(f"{query.name}: {' '.join(str(exc).split())}") from None
    if args.format == "json":
        body = {"query": query.name, "params": bound.values, "variables": result.variables,
                "rows": result.rows}
        print(json.dumps(body, indent=2, ensure_ascii=False))
    elif args.format == "csv":
        sys.stdout.write(rows_to_csv(result.variables, result.rows))
    else:
        print(_table(result.variables, result.rows))
    return 0


def _params(items: list[str]) -> dict[str, str]:
    params: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise QueryError(f"--param {item!r}: expected NAME=VALUE")
        if key in params:
            raise QueryError(f"--param {key} is given more than once")
        params[key] = value
    return params


def open_store(args: argparse.Namespace) -> Store:
    """The store of --store, the build of --kg, or else the bundled corpus's build, with one
    query worker."""
    if args.store:
        return Store.from_location(args.store, workers=1)
    if args.kg:
        return Store.from_build(Path(args.kg), workers=1)
    from ..kg.build import bundled_build_dir

    return Store.from_build(bundled_build_dir(), workers=1)


def _compact(value: Any) -> str:
    """A cell: IRIs under a known namespace as prefixed names, long text shortened."""
    if value is None:
        return ""
    text = str(value)
    if isinstance(value, str) and "://" in text:
        for prefix, ns in PREFIXES.items():
            if text.startswith(ns) and len(text) > len(ns):
                text = f"{prefix}:{text[len(ns):]}"
                break
    text = " ".join(text.split())
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _table(variables: list[str], rows: list[dict[str, Any]]) -> str:
    cells = [[_compact(r.get(v)) for v in variables] for r in rows]
    widths = [max([len(v), *(len(c[i]) for c in cells)]) for i, v in enumerate(variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(variables, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip()
              for row in cells]
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines)


def _listing(queries: dict[str, NamedQuery]) -> str:
    lines = []
    for q in queries.values():
        lines.append(f"{q.name}: {q.title}")
        for p in q.params:
            spec = p.type + (f" {p.namespace}" if p.namespace else "")
            default = (f", default {p.default}" if p.default is not None
                       else ", optional" if p.optional else ", required")
            lines.append(f"    {p.name} ({spec}{default}) {p.description}")
    return "\n".join(lines)
