"""`stancegraph serve`: the SPARQL endpoint, REST API and dumps of a build, over HTTP."""

from __future__ import annotations

import argparse
import ipaddress
import logging
import socket
import sys
import urllib.parse
from pathlib import Path

import psutil

from ..kg.errors import StancegraphError
from ..kg.store import Capacity, QueryLimits, Store
from . import pipeline_option, use_pipeline
from .build import chosen_vocabulary, vocabulary_options


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "serve",
        help="serve a build: web pages, SPARQL endpoint, REST API and dump files",
        description="Serve a build folder over HTTP: web pages for analysts at /, SPARQL 1.1 "
        "Protocol at /sparql, REST resources and named queries (documented at /docs), dump "
        "files at /dumps. Without --kg or --store, the documents given (default: the bundled "
        "corpus) are built first, with --actors and --issues if given; later runs reuse that "
        "build while the texts, files and code stay the same.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="text files or folders of .txt files to build and serve (default: the "
                   "bundled corpus)")
    vocabulary_options(p)
    pipeline_option(p)
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
                   help="query worker processes for SPARQL and named queries (default: CPUs, "
                   "between 2 and 4)")
    limits = p.add_argument_group("limits (see the README's Security and operations)")
    limits.add_argument("--lookup-workers", type=int, default=1, metavar="N",
                        help="worker processes of the REST look-ups' own, so that they never "
                        "wait behind a slow query (default: 1; 0 shares the query workers)")
    limits.add_argument("--max-waiting", type=int, default=32, metavar="N",
                        help="queries that may wait for a busy query worker; more get 503 with "
                        "Retry-After at once (default: 32)")
    limits.add_argument("--worker-memory", type=int, default=2048, metavar="MB",
                        help="stop a query whose worker grows past MB of memory, and replace "
                        "the worker (default: 2048)")
    limits.add_argument("--query-nice", type=int, default=10, metavar="N", choices=range(20),
                        help="run query workers N steps below the look-ups' priority "
                        "(default: 10)")
    limits.add_argument("--max-body", type=int, default=1_000_000, metavar="BYTES",
                        help="largest request body accepted; more gets 413 (default: 1000000)")
    limits.add_argument("--max-query-length", type=int, default=100_000, metavar="CHARS",
                        help="longest SPARQL query accepted (default: 100000)")
    limits.add_argument("--max-query-depth", type=int, default=64, metavar="N",
                        help="deepest nesting of brackets in a SPARQL query (default: 64)")
    limits.add_argument("--allow-service", action="append", default=[], metavar="URL",
                        help="a SPARQL endpoint SERVICE clauses may call (repeat for more; a "
                        "URL ending in / allows every endpoint under it); without it, every "
                        "SERVICE clause is refused")
    limits.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                        help="answer only requests whose Host is NAME (repeat for more; "
                        "*.example.org allows its subdomains); default: any")
    p.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                   help="let scripts of the web origin ORIGIN (https://app.example.org; * for "
                   "any) call this server from a browser (repeat for more); default: none")
    p.add_argument("--no-access-log", action="store_true",
                   help="no line per request on stderr (worker replacements are still logged)")
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
    if (args.store or args.kg) and (args.paths or args.actors or args.issues or
                                    args.spacy_model):
        raise StancegraphError("documents, --actors, --issues and --spacy-model are for a build "
                               "serve makes; a build folder or store holds what it was built "
                               "with")
    for name in ("lookup_workers", "max_waiting"):
        if getattr(args, name) < 0:
            raise StancegraphError(f"--{name.replace('_', '-')} cannot be negative")
    for name in ("worker_memory", "max_body", "max_query_length", "max_query_depth"):
        if getattr(args, name) < 1:
            raise StancegraphError(f"--{name.replace('_', '-')} must be at least 1")
    for url in args.allow_service:
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise StancegraphError(f"--allow-service {url}: not an http(s) URL")
    for origin in args.cors_origin:
        if origin != "*" and not _is_origin(origin):
            raise StancegraphError(f"--cors-origin {origin}: not an origin "
                                   "(scheme://host[:port], or *)")
    _log_to_stderr(access=not args.no_access_log)
    # imported here: the command line loads every command's module to build its parser
    import uvicorn

    from ..api.app import ServerLimits, create_app

    capacity = Capacity(workers=args.workers, lookup_workers=args.lookup_workers,
                        memory_limit=args.worker_memory << 20, max_waiting=args.max_waiting,
                        query_nice=args.query_nice)
    limits = ServerLimits(
        max_body=args.max_body, allowed_hosts=tuple(args.allowed_host),
        query=QueryLimits(max_length=args.max_query_length, max_depth=args.max_query_depth,
                          federation=tuple(args.allow_service)))
    if args.store:
        store = Store.from_location(args.store, capacity=capacity)
        kg_dir = _store_dumps(args.store)
    else:
        kg_dir = Path(args.kg) if args.kg else _cached_build(args)
        store = Store.from_build(kg_dir, capacity=capacity)
    try:
        sock = bind(args.host, args.port)
        for url in args.allow_service:
            if calls_itself(url, sock):
                raise StancegraphError(f"--allow-service {url}: that is this server itself")
    except BaseException:
        store.close()
        raise
    try:
        app = create_app(store, dumps_dir=kg_dir, query_timeout=args.query_timeout,
                         limits=limits, cors_origins=tuple(args.cors_origin))
        url = base_url(args.host, sock.getsockname()[1])
        print(f"stancegraph: serving {args.store or kg_dir}", file=sys.stderr)
        print(f"stancegraph: open {url}/docs (API), pages at {url}/, SPARQL at {url}/sparql, "
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


def _is_origin(text: str) -> bool:
    """Whether `text` is a web origin as browsers send it: scheme, host, port, no path."""
    parts = urllib.parse.urlsplit(text)
    return (parts.scheme in ("http", "https") and bool(parts.hostname)
            and not parts.path and not parts.query and not parts.fragment
            and text == f"{parts.scheme}://{parts.netloc}")


def _log_to_stderr(*, access: bool) -> None:
    """Worker replacements and faults always; one line per request unless turned off."""
    logging.basicConfig(stream=sys.stderr, level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("stancegraph.access").setLevel(logging.INFO if access else logging.WARNING)


def calls_itself(url: str, sock: socket.socket) -> bool:
    """Whether `url` names the server listening on `sock` (its port, on a loopback, an
    unspecified or its own address)."""
    parts = urllib.parse.urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    own_host, own_port = sock.getsockname()[:2]
    if port != own_port:
        return False
    try:
        infos = socket.getaddrinfo(parts.hostname or "", port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return False
    own = {own_host}
    if ipaddress.ip_address(own_host).is_unspecified:  # listening on each of the machine's
        own |= {a.address.split("%")[0] for addrs in psutil.net_if_addrs().values()
                for a in addrs}
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if address.is_loopback or address.is_unspecified or str(address) in own:
            return True
    return False


def _store_dumps(location: str) -> Path | None:
    """The dump folder of a store folder's build, if it still describes the store."""
    from ..kg.store.local import dumps_folder
    from ..kg.store.remote import is_remote

    return None if is_remote(location) else dumps_folder(location)


def _cached_build(args: argparse.Namespace) -> Path:
    """The build of the documents given (default: the bundled corpus) with the user's files,
    reused from an earlier run or made now."""
    from ..kg.build import build, cached_build_dir, is_build

    use_pipeline(args)
    vocabulary = chosen_vocabulary(args)
    out = cached_build_dir(args.paths or None, vocabulary)
    if is_build(out):
        print(f"stancegraph: reusing the build made earlier in {out}", file=sys.stderr)
        return out
    what = " ".join(args.paths) if args.paths else "the bundled corpus"
    if vocabulary is not None:
        what += " with " + " and ".join(args.actors + args.issues)
    print(f"stancegraph: building {what} into {out} (reused on later runs) ...",
          file=sys.stderr)
    build(args.paths or None, out, vocabulary=vocabulary)
    return out


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
