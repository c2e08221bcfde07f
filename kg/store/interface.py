"""The one interface callers use to query a dataset: `Store`, over worker processes (a build's
files or a store folder) or a remote SPARQL endpoint.

The default graph of every query is the union of all named graphs (unless the query or the
caller names a dataset). A local store may split its workers in two pools (`Capacity`): one
for SPARQL and named queries, whose cost the caller chooses, and one for the REST look-ups
(`Store.lookups`), so that a look-up never waits behind a slow query.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Graph

from ..errors import StoreError
from .requests import (
    DEFAULT_TIMEOUT,
    TEXT_TYPES,
    Binding,
    Dataset,
    Request,
    ResultFormats,
    SelectResult,
    encode_bindings,
)
from .workers import Backend, Opener, TrigFiles, WorkerPool, rdf_format_of


@dataclass(frozen=True)
class Capacity:
    """The worker processes of a local store, and their limits.

    `workers` answer SPARQL and named queries (None: `default_workers()`), at `query_nice`
    lower priority; `lookup_workers` (0: none) answer the REST look-ups on their own;
    `memory_limit` (bytes) stops a query whose worker grows past it; `max_waiting` bounds the
    requests waiting for a query worker (None: no bound).
    """

    workers: int | None = None
    lookup_workers: int = 0
    memory_limit: int | None = None
    max_waiting: int | None = None
    query_nice: int = 0

    def pools(self, opener: Opener) -> tuple[WorkerPool, WorkerPool | None]:
        queries = WorkerPool(opener, self.workers or default_workers(),
                             memory_limit=self.memory_limit, max_waiting=self.max_waiting,
                             nice=self.query_nice, name="query")
        if not self.lookup_workers:
            return queries, None
        try:
            lookups = WorkerPool(opener, self.lookup_workers, memory_limit=self.memory_limit,
                                 name="look-up")
        except BaseException:
            queries.close()
            raise
        return queries, lookups


class Store:
    """A dataset queried with SPARQL; the default graph is the union of all named graphs.

    Prefixes of `kg.ids.PREFIXES` are usable in every query without declaring them. Methods
    block until the answer comes; from async code call them in a thread.
    """

    def __init__(self, backend: Backend, *, default_timeout: float = DEFAULT_TIMEOUT,
                 source: str = "", manifest: Mapping[str, Any] | None = None,
                 lookup_backend: Backend | None = None) -> None:
        self.backend = backend
        self.default_timeout = default_timeout
        self.source = source
        self.manifest = dict(manifest or {})
        self._owned = [backend] if lookup_backend is None else [backend, lookup_backend]
        # The store the REST look-ups use: one over workers of their own, or this one.
        self.lookups: Store = self
        if lookup_backend is not None:
            self.lookups = Store(lookup_backend, default_timeout=default_timeout,
                                 source=source, manifest=manifest)
            self.lookups._owned = []  # closed with this store

    @classmethod
    def _over(cls, opener: Opener, capacity: Capacity, *, default_timeout: float,
              manifest: Mapping[str, Any] | None = None) -> Store:
        queries, lookups = capacity.pools(opener)
        return cls(queries, default_timeout=default_timeout, source=opener.describe(),
                   manifest=manifest, lookup_backend=lookups)

    @classmethod
    def from_build(cls, kg_dir: str | Path, *, workers: int | None = None,
                   default_timeout: float = DEFAULT_TIMEOUT,
                   capacity: Capacity | None = None) -> Store:
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
                              manifest=manifest, capacity=capacity)

    @classmethod
    def from_files(cls, paths: Sequence[str | Path], *, workers: int | None = None,
                   default_timeout: float = DEFAULT_TIMEOUT,
                   manifest: Mapping[str, Any] | None = None,
                   capacity: Capacity | None = None) -> Store:
        """Load RDF dataset files (TriG, N-Quads, ...) into worker processes' stores."""
        files = tuple(Path(p).resolve() for p in paths)
        for f in files:
            if not f.is_file():
                raise StoreError(f"{f}: no such file")
            rdf_format_of(f)
        return cls._over(TrigFiles(files), capacity or Capacity(workers),
                         default_timeout=default_timeout, manifest=manifest)

    @classmethod
    def from_location(cls, location: str | Path, *, workers: int | None = None,
                      default_timeout: float = DEFAULT_TIMEOUT,
                      capacity: Capacity | None = None) -> Store:
        """Open a store folder (build --store DIR) read-only in worker processes, or query a
        remote SPARQL store (`sparql+http://...`) through the SPARQL 1.1 Protocol."""
        from .local import ReadOnlyStore, store_manifest
        from .remote import SparqlBackend, is_remote

        if is_remote(str(location)):
            return cls(SparqlBackend(str(location)), default_timeout=default_timeout,
                       source=str(location))
        directory = Path(location).resolve()
        manifest = store_manifest(directory)
        return cls._over(ReadOnlyStore(directory), capacity or Capacity(workers),
                         default_timeout=default_timeout, manifest=manifest)

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
        if media_type in TEXT_TYPES:
            media_type += "; charset=utf-8"
        return media_type, body

    def graph_names(self, timeout: float | None = None) -> list[str]:
        """The names of all named graphs."""
        return self._run(Request("info"), timeout)["graphs"]

    def status(self) -> dict[str, Any]:
        return self.backend.status()

    def close(self) -> None:
        for backend in self._owned:
            backend.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _run(self, request: Request, timeout: float | None) -> Any:
        return self.backend.run(request, self.default_timeout if timeout is None else timeout)


def default_workers() -> int:
    """Two workers at least (one can be stuck on a runaway query), four at most."""
    return max(2, min(4, os.cpu_count() or 2))


