"""`stancegraph serve`: the SPARQL endpoint, REST API and dumps of a build, over HTTP."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from ..kg.errors import StancegraphError
from ..kg.store import Store


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="serve a build: SPARQL endpoint, REST API and dump files",
        description="Serve a build folder over HTTP: SPARQL 1.1 Protocol at /sparql, REST "
        "resources and named queries (documented at /docs), dump files at /dumps. Without "
        "--kg the bundled corpus is built first (once; later runs reuse the build).",
    )
    p.add_argument("--kg", metavar="DIR",
                   help="a build output folder (default: the bundled corpus)")
    p.add_argument("--store", metavar="DIR|URL",
                   help="serve a store instead: a folder written by build --store (opened "
                   "read-only, at once whatever its size) or a remote SPARQL store "
                   "(sparql+http://HOST:PORT/PATH); /dumps serves the dump folder its build "
                   "wrote with --out, until an add or remove changes the store")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument("--query-timeout", type=float, default=10.0, metavar="S",
                   help="stop any query after S seconds (default: 10)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help="query worker processes (default: CPUs, between 2 and 4)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.query_timeout <= 0:
        raise StancegraphError("--query-timeout must be a positive number of seconds")
    if not 0 <= args.port <= 65535:
        raise StancegraphError(f"--port {args.port}: not a port number")
    if args.workers is not None and args.workers < 1:
        raise StancegraphError("--workers must be at least 1")
    if args.store and args.kg:
        raise StancegraphError("give --kg or --store, not both")
    # imported here: the command line loads every command's module to build its parser
    import uvicorn

    from ..api.app import create_app

    if args.store:
        store = Store.from_location(args.store, workers=args.workers)
        kg_dir = _store_dumps(args.store)
    else:
        kg_dir = Path(args.kg) if args.kg else _bundled_build()
        store = Store.from_build(kg_dir, workers=args.workers)
    try:
        sock = bind(args.host, args.port)
    except BaseException:
        store.close()
        raise
    try:
        app = create_app(store, dumps_dir=kg_dir, query_timeout=args.query_timeout)
        url = base_url(args.host, sock.getsockname()[1])
        print(f"stancegraph: serving {args.store or kg_dir}", file=sys.stderr)
        print(f"stancegraph: open {url}/docs (API), SPARQL at {url}/sparql, "
              f"dumps at {url}/dumps; Ctrl-C stops", file=sys.stderr)
        server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
        try:
            server.run(sockets=[sock])
        except KeyboardInterrupt:
            pass  # Ctrl-C is how a server is stopped: not an error
    finally:
        store.close()
        sock.close()
    return 0


def _store_dumps(location: str) -> Path | None:
    """The dump folder of a store folder's build, if it still describes the store."""
    from ..kg.store.local import dumps_folder
    from ..kg.store.remote import is_remote

    return None if is_remote(location) else dumps_folder(location)


def _bundled_build() -> Path:
    from ..kg.build import bundled_build_dir

    print("stancegraph: building the bundled corpus (reused on later runs) ...", file=sys.stderr)
    return bundled_build_dir()


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, or a one-line error when the address cannot be used."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise StancegraphError(f"--host {host}: {exc.strerror}") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise StancegraphError(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    return sock


def base_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
    if ":" in shown:  # IPv6 literal
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"
