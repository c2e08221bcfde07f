"""The dataset behind the API and the query command: SPARQL evaluated by pyoxigraph.

The default graph of every query is the union of all named graphs (unless the query or the
caller names a dataset). Queries run in a small pool of worker processes, each holding its own
pyoxigraph store opened from the same files: pyoxigraph cannot cancel a running query, so a
query past its time gets its worker killed and replaced while the other workers keep answering.

`Store` is the one interface callers use; how a worker opens its store is an `Opener` (today:
the build's TriG loaded in memory), and where queries run is a `Backend` (today: the worker
pool), so an on-disk store or a remote endpoint can be added without touching callers.
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

import pyoxigraph as ox
from rdflib import Graph
from rdflib.term import BNode, Literal, Node, URIRef

from .errors import QueryError, QueryTimeout, StoreError
from .ids import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"
DEFAULT_TIMEOUT = 30.0

# Media types the worker can write, per kind of result.
SOLUTION_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
_TEXT_TYPES = {"text/csv", "text/tab-separated-values", "text/turtle", "application/n-triples"}

_INTEGER_TYPES = {
    XSD + t for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
}
_FLOAT_TYPES = {XSD + "decimal", XSD + "double", XSD + "float"}
_IRI_VALUE = re.compile(r"(?:https?://|urn:)[^\s<>\"{}|\\^`]+", re.IGNORECASE)
_VAR_NAME = re.compile(r"[A-Za-z0-9_\u00B7\u00C0-\uFFFD]+")


# --- plain data passed between the caller and a worker ------------------------------------

Term = tuple  # ("iri", value) | ("lit", lexical, datatype | None, language | None)


@dataclass(frozen=True)
class ResultFormats:
    """The media type to write each kind of result in; None: that kind is not acceptable."""

    solutions: str | None = "application/sparql-results+json"
    boolean: str | None = "application/sparql-results+json"
    graph: str | None = "text/turtle"


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset a query runs over.

    `union` (no graphs given): default graph = union of all graphs, every named graph
    available. With graphs given (SPARQL protocol parameters), exactly those.
    """

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def given(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


@dataclass(frozen=True)
class Request:
    """One unit of work for a worker: `op` is select | ask | construct | serialize | info."""

    op: str
    query: str = ""
    bindings: tuple[tuple[str, Term], ...] = ()
    dataset: Dataset = field(default_factory=Dataset)
    formats: ResultFormats = field(default_factory=ResultFormats)


@dataclass
class SelectResult:
    """SELECT solutions as plain JSON-able values (IRIs as str, literals as Python values)."""

    variables: list[str]
    rows: list[dict[str, Any]]


class NotAcceptable(QueryError):
    """The query's kind of result has no format the client accepts."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"no acceptable format for a {kind} result")
        self.kind = kind


# --- opening a store (runs inside a worker) -------------------------------------------------


class Opener(Protocol):
    """How a worker opens its pyoxigraph store; must be picklable."""

    def open(self) -> ox.Store: ...

    def describe(self) -> str: ...


@dataclass(frozen=True)
class TrigFiles:
    """Load RDF dataset files (TriG, N-Quads, ...) into an in-memory store."""

    paths: tuple[Path, ...]

    def open(self) -> ox.Store:
        store = ox.Store()
        for path in self.paths:
            # Bulk loading skips per-quad transactions: the fastest way to fill a fresh store.
            store.bulk_load(path=str(path), format=_rdf_format_of(path))
        return store

    def describe(self) -> str:
        return ", ".join(str(p) for p in self.paths)


def _rdf_format_of(path: Path) -> ox.RdfFormat:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if fmt is None:
        raise StoreError(f"{path}: unknown RDF file type")
    return fmt


# --- the worker process ---------------------------------------------------------------------


def worker_entry(fd: str) -> None:
    """Main of a worker process: open the store, then answer requests until told to stop."""
    # The parent handles Ctrl-C and shuts workers down itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn = Connection(int(fd))
    try:
        opener = conn.recv()
        store = opener.open()
        # counting quads scans the whole store: an opener of a large one may say less
        describe = getattr(opener, "ready_info", None)
        info = describe(store) if describe else {
            "quads": len(store), "graphs": sum(1 for _ in store.named_graphs())}
        conn.send(("ready", info))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises StoreError
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        conn.send(_answer(store, request))


def _answer(store: ox.Store, request: Request) -> tuple:
    try:
        if request.op == "info":
            graphs = sorted(g.value for g in store.named_graphs())
            return ("ok", {"quads": len(store), "graphs": graphs})
        result = _evaluate(store, request)
        if request.op == "serialize":
            return ("ok", _serialize(result, request.formats))
        if request.op == "select":
            if not isinstance(result, ox.QuerySolutions):
                raise QueryError("not a SELECT query")
            names = [v.value for v in result.variables]
            rows = [{n: _plain(s[n]) for n in names} for s in result]
            return ("ok", (names, rows))
        if request.op == "select-iris":
            if not isinstance(result, ox.QuerySolutions):
                raise QueryError("not a SELECT query")
            return ("ok", _iri_rows(result))
        if request.op == "ask":
            if not isinstance(result, ox.QueryBoolean):
                raise QueryError("not an ASK query")
            return ("ok", bool(result))
        if request.op == "construct":
            if not isinstance(result, ox.QueryTriples):
                raise QueryError("not a CONSTRUCT or DESCRIBE query")
            return ("ok", ox.serialize(result, format=ox.RdfFormat.N_TRIPLES))
        return ("error", "fault", f"unknown operation {request.op!r}")
    except NotAcceptable as exc:
        return ("error", "not-acceptable", exc.kind)
    except QueryError as exc:
        return ("error", "query", str(exc))
    except SyntaxError as exc:
        return ("error", "query", str(exc))
    except (ValueError, TypeError, RuntimeError) as exc:
        # pyoxigraph reports evaluation problems (bad substitution, bad IRI) this way.
        return ("error", "query", str(exc))
    except Exception as exc:  # noqa: BLE001 - a real fault, reported as such
        return ("error", "fault", f"{type(exc).__name__}: {exc}")


def _evaluate(store: ox.Store, request: Request) -> Any:
    kwargs: dict[str, Any] = {"prefixes": PREFIXES}
    ds = request.dataset
    if ds.given:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in ds.default_graphs]
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in ds.named_graphs]
    elif not has_dataset_clause(request.query):
        kwargs["use_default_graph_as_union"] = True
    if request.bindings:
        kwargs["substitutions"] = {
            ox.Variable(name): _to_ox(term) for name, term in request.bindings
        }
    return store.query(request.query, **kwargs)


def _serialize(result: Any, formats: ResultFormats) -> tuple[str, bytes]:
    if isinstance(result, ox.QuerySolutions):
        if formats.solutions is None:
            raise NotAcceptable("SELECT")
        return formats.solutions, result.serialize(format=SOLUTION_FORMATS[formats.solutions])
    if isinstance(result, ox.QueryBoolean):
        if formats.boolean is None:
            raise NotAcceptable("ASK")
        return formats.boolean, result.serialize(format=SOLUTION_FORMATS[formats.boolean])
    if formats.graph is None:
        raise NotAcceptable("CONSTRUCT/DESCRIBE")
    fmt = GRAPH_FORMATS[formats.graph]
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return formats.graph, ox.serialize(result, format=fmt, prefixes=prefixes)


def _to_ox(term: Term) -> ox.NamedNode | ox.Literal:
    if term[0] == "iri":
        return ox.NamedNode(term[1])
    _, lexical, datatype, language = term
    if language:
        return ox.Literal(lexical, language=language)
    if datatype:
        return ox.Literal(lexical, datatype=ox.NamedNode(datatype))
    return ox.Literal(lexical)


def _iri_rows(result: ox.QuerySolutions) -> list[tuple[str | None, ...]]:
    """Solutions whose values are all IRIs, as tuples. pyoxigraph writes them as TSV several
    times faster than it hands out a Python object per solution: a header line, then a line
    per solution, each ending in a newline, an IRI written as is between angle brackets and
    an unbound value as nothing."""
    header, _, body = result.serialize(format=ox.QueryResultsFormat.TSV).decode(
        "utf-8").partition("\n")
    cells = body.replace("\t", "\n").split("\n")[:-1]
    if not {cell[:1] for cell in cells} <= {"<", ""}:
        raise QueryError("select_iris: a value is not an IRI")
    values = [cell[1:-1] or None for cell in cells]
    return list(zip(*[iter(values)] * (header.count("\t") + 1), strict=True))


def _plain(term: Any) -> Any:
    """A pyoxigraph term as a plain JSON-able value."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in _INTEGER_TYPES:
                return int(term.value)
            if dt in _FLOAT_TYPES:
                return float(term.value)
        except ValueError:
            return term.value  # an ill-typed literal keeps its text
        if dt == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term)


# --- finding a dataset clause without a full parser -----------------------------------------

# Strings, IRIs and comments are skipped so that FROM inside them does not count.
_SKIP = (
    r"'''.*?'''|" r'""".*?"""'  # long strings
    r"|'(?:[^'\\\n]|\\.)*'" r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRIs
    r"|\#[^\n]*"  # comments
)
_LEXEMES = re.compile(rf"(?P<skip>{_SKIP})|(?<![\w?$:.\-])(?P<from>FROM)(?![\w:.\-])",
                      re.IGNORECASE | re.DOTALL)
_UPDATE_START = re.compile(
    r"(?:\s|BASE\s*<[^>]*>|PREFIX\s+[\w.\-]*:\s*<[^>]*>)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


def has_dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset (FROM / FROM NAMED)."""
    if "from" not in query.lower():
        return False
    return any(m.group("from") for m in _LEXEMES.finditer(query))


def looks_like_update(text: str) -> bool:
    """Whether the text is a SPARQL Update request rather than a query."""
    without_comments = re.sub(r"#[^\n]*", " ", text)
    return _UPDATE_START.match(without_comments) is not None


# --- where queries run ----------------------------------------------------------------------


class Backend(Protocol):
    """Runs requests; raises QueryTimeout when one runs past `timeout` seconds."""

    def run(self, request: Request, timeout: float) -> Any: ...

    def status(self) -> dict[str, Any]: ...

    def close(self) -> None: ...


_WORKER_CODE = "import sys; from stancegraph.kg.store import worker_entry as w; w(sys.argv[1])"


class _Worker:
    """One worker: a fresh interpreter (not a fork of a threaded server, and independent of
    how the parent's main module was started), talking over a socket pair."""

    def __init__(self, opener: Opener) -> None:
        ours, theirs = socket.socketpair()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_CODE, str(theirs.fileno())],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
            )
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        self.conn.send(opener)
        self.info: dict[str, Any] = {}

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise StoreError(f"query worker did not open the store within {timeout:.0f} s")
        try:
            status, detail = self.conn.recv()
        except (EOFError, OSError):
            self.kill()
            raise StoreError("query worker exited while opening the store") from None
        if status != "ready":
            self.kill()
            raise StoreError(f"cannot open the store: {detail}")
        self.info = detail

    def kill(self) -> None:
        if self.alive():
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()


class WorkerPool:
    """Worker processes that each own a store; a query past its time kills its worker."""

    def __init__(self, opener: Opener, size: int = 2, *, start_timeout: float = 600.0) -> None:
        if size < 1:
            raise StoreError("a worker pool needs at least one worker")
        self.opener = opener
        self.size = size
        self.start_timeout = start_timeout
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._closed = False
        self.restarts = 0
        workers = [_Worker(opener) for _ in range(size)]
        try:
            for w in workers:
                w.wait_ready(start_timeout)
        except BaseException:
            for w in workers:
                w.kill()
            raise
        self.info = workers[0].info
        for w in workers:
            self._all.add(w)
            self._idle.put(w)

    def run(self, request: Request, timeout: float) -> Any:
        if self._closed:
            raise StoreError("the store is closed")
        deadline = time.monotonic() + timeout
        try:
            worker = self._idle.get(timeout=max(timeout, 0.0))
        except queue.Empty:
            raise QueryTimeout(
                f"no query worker became free within {timeout:g} s "
                f"(all {self.size} are busy with other queries)"
            ) from None
        try:
            worker.conn.send(request)
            ready = worker.conn.poll(max(deadline - time.monotonic(), 0.0))
            reply = worker.conn.recv() if ready else None
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker)
            raise StoreError("a query worker stopped unexpectedly; it is being restarted") from None
        if reply is None:
            self._replace(worker)
            raise QueryTimeout(f"query stopped after {timeout:g} s (the time limit)")
        self._idle.put(worker)
        return _unwrap(reply)

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and start its replacement in the background."""
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            if self._closed:
                return
            self.restarts += 1
        threading.Thread(target=self._respawn, daemon=True, name="respawn-query-worker").start()

    def _respawn(self) -> None:
        for _attempt in range(3):
            if self._closed:
                return
            worker = _Worker(self.opener)
            try:
                worker.wait_ready(self.start_timeout)
            except StoreError:
                continue
            with self._lock:
                if self._closed:
                    worker.kill()
                    return
                self._all.add(worker)
            self._idle.put(worker)
            return

    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        with self._lock:
            return sorted(w.pid for w in self._all if w.alive())

    def status(self) -> dict[str, Any]:
        with self._lock:
            alive = sum(1 for w in self._all if w.alive())
        return {"workers": self.size, "alive": alive, "idle": self._idle.qsize(),
                "restarts": self.restarts}

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            try:
                w.conn.send(None)
            except (OSError, BrokenPipeError):
                pass
        for w in workers:
            try:
                w.process.wait(1)
            except subprocess.TimeoutExpired:
                pass
            w.kill()


def _unwrap(reply: tuple) -> Any:
    if reply[0] == "ok":
        return reply[1]
    _, kind, message = reply
    if kind == "not-acceptable":
        raise NotAcceptable(message)
    if kind == "query":
        raise QueryError(message)
    raise StoreError(f"query failed: {message}")


# --- the interface callers use ----------------------------------------------------------------


Binding = str | int | float | bool | Node


class Store:
    """A dataset queried with SPARQL; the default graph is the union of all named graphs.

    Prefixes of `kg.ids.PREFIXES` are usable in every query without declaring them. Methods
    block until the answer comes; from async code call them in a thread.
    """

    def __init__(self, backend: Backend, *, default_timeout: float = DEFAULT_TIMEOUT,
                 source: str = "", manifest: Mapping[str, Any] | None = None) -> None:
        self.backend = backend
        self.default_timeout = default_timeout
        self.source = source
        self.manifest = dict(manifest or {})

    @classmethod
    def from_build(cls, kg_dir: str | Path, *, workers: int | None = None,
                   default_timeout: float = DEFAULT_TIMEOUT) -> Store:
        """Load DIR/kg.trig (a build's output) into worker processes' in-memory stores."""
        kg_dir = Path(kg_dir)
        trig = kg_dir / "kg.trig"
        if not trig.is_file():
            raise StoreError(f"{kg_dir}: no kg.trig here (is this a build output folder?)")
        manifest: dict[str, Any] = {}
        if (kg_dir / "manifest.json").is_file():
            try:
                manifest = json.loads((kg_dir / "manifest.json").read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise StoreError(f"{kg_dir / 'manifest.json'}: unreadable ({exc})") from None
        return cls.from_files([trig], workers=workers, default_timeout=default_timeout,
                              manifest=manifest)

    @classmethod
    def from_files(cls, paths: Sequence[str | Path], *, workers: int | None = None,
                   default_timeout: float = DEFAULT_TIMEOUT,
                   manifest: Mapping[str, Any] | None = None) -> Store:
        """Load RDF dataset files (TriG, N-Quads, ...) into worker processes' stores."""
        files = tuple(Path(p).resolve() for p in paths)
        for f in files:
            if not f.is_file():
                raise StoreError(f"{f}: no such file")
            _rdf_format_of(f)
        opener = TrigFiles(files)
        pool = WorkerPool(opener, workers or default_workers())
        return cls(pool, default_timeout=default_timeout, source=opener.describe(),
                   manifest=manifest)

    @classmethod
    def from_location(cls, location: str | Path, *, workers: int | None = None,
                      default_timeout: float = DEFAULT_TIMEOUT) -> Store:
        """Open a store folder (build --store DIR) read-only in worker processes, or query a
        remote SPARQL store (`sparql+http://...`) through the SPARQL 1.1 Protocol."""
        from .persist import ReadOnlyStore, store_manifest
        from .remote import SparqlBackend, is_remote

        if is_remote(str(location)):
            return cls(SparqlBackend(str(location)), default_timeout=default_timeout,
                       source=str(location))
        directory = Path(location).resolve()
        manifest = store_manifest(directory)
        pool = WorkerPool(ReadOnlyStore(directory), workers or default_workers())
        return cls(pool, default_timeout=default_timeout, source=str(directory),
                   manifest=manifest)

    # -- queries returning Python values --

    def select(self, query: str, bindings: Mapping[str, Binding] | None = None,
               timeout: float | None = None) -> SelectResult:
        """Run a SELECT query; `bindings` are substituted for variables as RDF terms, never
        as query text (a remote store gets them written by pyoxigraph, kg.query_text).

        A bound variable must be in the SELECT projection (or the query be `SELECT *`).
        """
        names, rows = self._run(Request("select", query, encode_bindings(bindings)), timeout)
        return SelectResult(names, rows)

    def select_iris(self, query: str, bindings: Mapping[str, Binding] | None = None,
                    timeout: float | None = None) -> list[tuple[str | None, ...]]:
        """Run a SELECT query whose values are all IRIs (or unbound: None); each solution as a
        tuple in the order of the query's variables. Several times faster than `select` for
        long results; a value that is not an IRI raises QueryError."""
        if not isinstance(self.backend, WorkerPool):  # other backends answer plain selects
            result = self.select(query, bindings, timeout)
            return [tuple(r[n] for n in result.variables) for r in result.rows]
        return self._run(Request("select-iris", query, encode_bindings(bindings)), timeout)

    def ask(self, query: str, bindings: Mapping[str, Binding] | None = None,
            timeout: float | None = None) -> bool:
        return self._run(Request("ask", query, encode_bindings(bindings)), timeout)

    def construct(self, query: str, bindings: Mapping[str, Binding] | None = None,
                  timeout: float | None = None) -> Graph:
        """Run a CONSTRUCT or DESCRIBE query; the triples as an rdflib graph."""
        data = self._run(Request("construct", query, encode_bindings(bindings)), timeout)
        return Graph().parse(data=data.decode("utf-8"), format="nt")

    # -- queries returning serialised results, for the SPARQL protocol --

    def execute(self, query: str, *, formats: ResultFormats | None = None,
                default_graph_uris: Sequence[str] = (), named_graph_uris: Sequence[str] = (),
                timeout: float | None = None) -> tuple[str, bytes]:
        """Run any query form; the result written by pyoxigraph as (media type, body).

        Raises NotAcceptable when the result's kind has no format in `formats`.
        """
        request = Request(
            "serialize", query,
            dataset=Dataset(tuple(default_graph_uris), tuple(named_graph_uris)),
            formats=formats or ResultFormats(),
        )
        media_type, body = self._run(request, timeout)
        if media_type in _TEXT_TYPES:
            media_type += "; charset=utf-8"
        return media_type, body

    def graph_names(self, timeout: float | None = None) -> list[str]:
        """The names of all named graphs."""
        return self._run(Request("info"), timeout)["graphs"]

    def status(self) -> dict[str, Any]:
        return self.backend.status()

    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self, request: Request, timeout: float | None) -> Any:
        return self.backend.run(request, self.default_timeout if timeout is None else timeout)


def default_workers() -> int:
    """Two workers at least (one can be stuck on a runaway query), four at most."""
    return max(2, min(4, os.cpu_count() or 2))


def encode_bindings(bindings: Mapping[str, Binding] | None) -> tuple[tuple[str, Term], ...]:
    """Bindings as plain tagged terms for a worker, checked here to name the caller's value."""
    if not bindings:
        return ()
    out = []
    for name, value in bindings.items():
        var = name[1:] if name[:1] in "?$" else name
        if not _VAR_NAME.fullmatch(var):
            raise QueryError(f"not a variable name: {name!r}")
        out.append((var, _term(var, value)))
    return tuple(out)


def _term(var: str, value: Binding) -> Term:
    if isinstance(value, URIRef):
        return ("iri", str(value))
    if isinstance(value, Literal):
        dt = str(value.datatype) if value.datatype else None
        return ("lit", str(value), dt, value.language)
    if isinstance(value, BNode | Node):
        raise QueryError(f"?{var}: cannot bind {type(value).__name__} values")
    if isinstance(value, bool):
        return ("lit", "true" if value else "false", XSD + "boolean", None)
    if isinstance(value, int):
        return ("lit", str(value), XSD + "integer", None)
    if isinstance(value, float):
        if value != value:
            lexical = "NaN"
        elif value in (float("inf"), float("-inf")):
            lexical = "INF" if value > 0 else "-INF"
        else:
            lexical = repr(value)
        return ("lit", lexical, XSD + "double", None)
    if isinstance(value, str):
        if _IRI_VALUE.fullmatch(value):
            return ("iri", value)
        return ("lit", value, None, None)
    raise QueryError(f"?{var}: cannot bind a {type(value).__name__} value")
