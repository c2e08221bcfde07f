"""Where a local store's queries run: worker processes, each holding its own pyoxigraph store
opened from the same files.

pyoxigraph cannot cancel a running query, so a query past its time, or whose worker grows
past its memory limit, gets its worker killed and replaced while the others keep answering.
Each worker is a fresh interpreter that ends with its parent (kg.processes) and evaluates in
a thread with a large stack, so that a deeply nested query is refused by the parser, not
fatal to the process. A pool may run its workers at a lower priority (the SPARQL endpoint's,
so that the REST look-ups' own pool keeps the CPU), and lets a bounded number of requests
wait for a free worker: past that, it refuses at once (`Busy`) rather than queue without end.
Every replaced worker is logged with its reason.
"""

from __future__ import annotations

import logging
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, Protocol

import psutil
import pyoxigraph as ox

from ..errors import QueryError, QueryOverMemory, QueryTimeout, StoreBusy, StoreError
from ..ids import PREFIXES
from ..processes import exit_with_parent
from .requests import (
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    NotAcceptable,
    Request,
    ResultFormats,
    plain_value,
    term_to_ox,
)
from .screen import has_dataset_clause

_TABLES = {"text/csv": "\r\n", "text/tab-separated-values": "\n"}
log = logging.getLogger("stancegraph.workers")

# Room for the recursion of pyoxigraph's parser and evaluator on nested queries: reserved
# address space, of which only the pages used are ever touched.
EVALUATION_STACK = 512 * 1024 * 1024
# How often the pool looks at a busy worker's memory.
MEMORY_CHECK_SECONDS = 0.05


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
            store.bulk_load(path=str(path), format=rdf_format_of(path))
        return store

    def describe(self) -> str:
        return ", ".join(str(p) for p in self.paths)


def rdf_format_of(path: Path) -> ox.RdfFormat:
    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    if fmt is None:
        raise StoreError(f"{path}: unknown RDF file type")
    return fmt


# --- the worker process ---------------------------------------------------------------------


@dataclass(frozen=True)
class WorkerSettings:
    """What a worker is told before it opens its store."""

    opener: Opener
    nice: int = 0


def worker_entry(fd: str) -> None:
    """Main of a worker process: open the store, then answer requests until told to stop."""
    # The parent handles Ctrl-C and shuts workers down itself; a worker whose parent is
    # gone (killed, crashed) ends at once, releasing the store.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    exit_with_parent()
    conn = Connection(int(fd))
    threading.stack_size(EVALUATION_STACK)
    serving = threading.Thread(target=_serve, args=(conn,), name="evaluate")
    serving.start()
    serving.join()


def _serve(conn: Connection) -> None:
    try:
        settings: WorkerSettings = conn.recv()
        if settings.nice:
            os.nice(settings.nice)
        opener = settings.opener
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
            rows = [{n: plain_value(s[n]) for n in names} for s in result]
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
            ox.Variable(name): term_to_ox(term) for name, term in request.bindings
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
        if formats.boolean in _TABLES:
            # CSV and TSV define no ASK result: a table of one column, named as Jena does,
            # keeps a header line above the value
            newline = _TABLES[formats.boolean]
            value = "true" if bool(result) else "false"
            return formats.boolean, f"_askResult{newline}{value}{newline}".encode()
        return formats.boolean, result.serialize(format=SOLUTION_FORMATS[formats.boolean])
    if formats.graph is None:
        raise NotAcceptable("CONSTRUCT/DESCRIBE")
    fmt = GRAPH_FORMATS[formats.graph]
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return formats.graph, ox.serialize(result, format=fmt, prefixes=prefixes)



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


# --- where queries run ----------------------------------------------------------------------


class Backend(Protocol):
    """Runs requests; raises QueryTimeout when one runs past `timeout` seconds."""

    def run(self, request: Request, timeout: float) -> Any: ...

    def status(self) -> dict[str, Any]: ...

    def close(self) -> None: ...


_WORKER_CODE = ("import sys; from stancegraph.kg.store.workers import worker_entry as w; "
                "w(sys.argv[1])")


class _Worker:
    """One worker: a fresh interpreter (not a fork of a threaded server, and independent of
    how the parent's main module was started), talking over a socket pair."""

    def __init__(self, settings: WorkerSettings) -> None:
        ours, theirs = socket.socketpair()
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-c", _WORKER_CODE, str(theirs.fileno())],
                pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL,
            )
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        self.conn.send(settings)
        self.info: dict[str, Any] = {}
        self._ps = psutil.Process(self.process.pid)

    @property
    def pid(self) -> int:
        return self.process.pid

    def alive(self) -> bool:
        return self.process.poll() is None

    def memory(self) -> int:
        """Resident memory in bytes (0 once the process is gone)."""
        try:
            return self._ps.memory_info().rss
        except psutil.Error:
            return 0

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

    def exit_status(self) -> str:
        code = self.process.poll()
        if code is None:
            return "still running"
        if code < 0:
            return f"killed by {signal.Signals(-code).name}"
        return f"exit code {code}"

    def kill(self) -> None:
        if self.alive():
            self.process.kill()
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()


class WorkerPool:
    """Worker processes that each own a store; a query past its time kills its worker.

    `memory_limit` (bytes): a worker whose resident memory passes it while answering is killed
    and the request fails with QueryOverMemory. `max_waiting`: requests that may wait for a
    free worker at once; more get StoreBusy at once (None: no bound). `nice`: the workers'
    scheduling priority, added to the server's. `name` names the pool in logs.
    """

    def __init__(self, opener: Opener, size: int = 2, *, start_timeout: float = 600.0,
                 memory_limit: int | None = None, max_waiting: int | None = None,
                 nice: int = 0, name: str = "query") -> None:
        if size < 1:
            raise StoreError("a worker pool needs at least one worker")
        self.opener = opener
        self.settings = WorkerSettings(opener, nice)
        self.size = size
        self.start_timeout = start_timeout
        self.memory_limit = memory_limit
        self.max_waiting = max_waiting
        self.name = name
        self._idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._closed = False
        self._waiting = 0
        self.restarts = 0
        self.refused = 0
        workers = [_Worker(self.settings) for _ in range(size)]
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
        worker = self._take(timeout)
        try:
            worker.conn.send(request)
            reply = self._wait(worker, deadline)
        except (EOFError, OSError, BrokenPipeError):
            self._replace(worker, f"stopped unexpectedly ({worker.exit_status()})")
            raise StoreError("a query worker stopped unexpectedly; it is being restarted") from None
        except QueryOverMemory as exc:
            self._replace(worker, str(exc))
            raise
        if reply is None:
            self._replace(worker, f"ran past the {timeout:g} s time limit")
            raise QueryTimeout(f"query stopped after {timeout:g} s (the time limit)")
        self._idle.put(worker)
        return _unwrap(reply)

    def _take(self, timeout: float) -> _Worker:
        """An idle worker, waiting for one at most `timeout` seconds (if the queue has room)."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self.max_waiting is not None and self._waiting >= self.max_waiting:
                self.refused += 1
                raise StoreBusy(f"all {self.size} {self.name} workers are busy and "
                                f"{self._waiting} requests are waiting; try again shortly")
            self._waiting += 1
        try:
            return self._idle.get(timeout=max(timeout, 0.0))
        except queue.Empty:
            raise QueryTimeout(
                f"no query worker became free within {timeout:g} s "
                f"(all {self.size} are busy with other queries)"
            ) from None
        finally:
            with self._lock:
                self._waiting -= 1

    def _wait(self, worker: _Worker, deadline: float) -> Any:
        """The worker's reply, or None past the deadline; watches its memory meanwhile."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            step = left if self.memory_limit is None else min(left, MEMORY_CHECK_SECONDS)
            if worker.conn.poll(step):
                return worker.conn.recv()
            if self.memory_limit is not None:
                used = worker.memory()
                if used > self.memory_limit:
                    raise QueryOverMemory(
                        f"query stopped: it needed more than the {self.memory_limit >> 20} MB "
                        f"a query worker may use ({used >> 20} MB)")

    def _replace(self, worker: _Worker, reason: str) -> None:
        """Kill a worker and start its replacement in the background."""
        log.warning("%s worker %d replaced: %s", self.name, worker.pid, reason)
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
            worker = _Worker(self.settings)
            try:
                worker.wait_ready(self.start_timeout)
            except StoreError as exc:
                log.error("%s worker could not be restarted: %s", self.name, exc)
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
            waiting = self._waiting
        return {"workers": self.size, "alive": alive, "idle": self._idle.qsize(),
                "waiting": waiting, "restarts": self.restarts, "refused": self.refused}

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
