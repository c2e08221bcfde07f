"""The on-disk store: a corpus's named graphs in a pyoxigraph (RocksDB) folder.

The build bulk-loads a fresh store into a temporary sibling folder and renames it into place;
`add` and `remove` change an existing store in one pyoxigraph transaction (one SPARQL Update
request: `Store.update` applies all of it or, after a crash or kill, none of it); servers open
it read-only, without reading any Turtle, so opening costs the same at any size.

A store folder DIR holds:

    DIR/oxigraph/          the pyoxigraph store (Oxigraph's own tools can open it too)
    DIR/stancegraph.json   who wrote it, the reasoner it used, and the build's dump folder
    DIR/lock               flock()ed: shared by readers (serve, query), exclusive by writers

RocksDB leaves a store read-only-opened by one process undefined while another writes it, so
a writer refuses to start while a reader holds the lock, and the other way round.

The dump folder a build writes next to the store (`--out`) is recorded in the metadata and
served at /dumps. `add` and `remove` forget it before they commit, since the dumps no longer
describe the store: from then on /dumps answers 404 until the next build.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from stancegraph import __version__

from ..errors import StoreError
from ..graph.terms import from_ox, sparql_term, to_ox
from ..ids import DOCUMENT_GRAPHS, ONTOLOGY_GRAPH, inferred_graph
from ..processes import not_inherited, released
from .changes import Change, Triple
from .dumps import dump_store
from .staging import Staging

DATA = "oxigraph"
METADATA = "stancegraph.json"
LOCK = "lock"
FORMAT = 1


def update_text(change: Change) -> str:
    """The change as one SPARQL Update request: drops, then one INSERT DATA."""
    parts = [f"DROP SILENT GRAPH {sparql_term(g)}" for g in [*change.put, *change.drop]]
    blocks = []
    for name, triples in change.put.items():
        if triples:
            body = " .\n".join(" ".join(sparql_term(t) for t in triple) for triple in triples)
            blocks.append(f"GRAPH {sparql_term(name)} {{\n{body} .\n}}")
    if blocks:
        parts.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(parts)


# --- metadata and locking -----------------------------------------------------------------


def is_store_dir(directory: str | Path) -> bool:
    return (Path(directory) / METADATA).is_file() and (Path(directory) / DATA).is_dir()


def read_metadata(directory: str | Path) -> dict[str, Any]:
    directory = Path(directory)
    if not directory.is_dir():
        raise StoreError(f"{directory}: no such store folder")
    if not is_store_dir(directory):
        raise StoreError(f"{directory}: not a stancegraph store (made by build --store)")
    try:
        metadata = json.loads((directory / METADATA).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoreError(f"{directory / METADATA}: unreadable ({exc})") from None
    if not isinstance(metadata, dict) or metadata.get("format") != FORMAT:
        raise StoreError(f"{directory / METADATA}: not a store this version can read")
    return metadata


def write_metadata(directory: Path, metadata: dict[str, Any]) -> None:
    """Replace the metadata file in one step (a reader never sees half of it)."""
    tmp = directory / f".{METADATA}.{os.getpid()}"
    tmp.write_text(json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, directory / METADATA)


def dumps_folder(directory: str | Path) -> Path | None:
    """The build's dump folder recorded in the store, if it still describes the store."""
    recorded = read_metadata(directory).get("dumps")
    if not recorded:
        return None
    folder = Path(recorded)
    return folder if (folder / "manifest.json").is_file() else None


class Lock:
    """flock() on DIR/lock: shared for readers, exclusive for writers; never waits."""

    def __init__(self, directory: Path, *, exclusive: bool) -> None:
        path = directory / LOCK
        try:
            self.fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except PermissionError:
            # a read-only store folder: readers still lock the file if a writer made it
            self.fd = os.open(path, os.O_RDONLY) if path.exists() else -1
        if self.fd < 0:
            return
        try:
            fcntl.flock(self.fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self.fd)
            self.fd = -1
            user = ("a server or query is reading it" if exclusive
                    else "an add, remove or build is writing it")
            raise StoreError(f"{directory}: the store is in use ({user}); "
                             "try again when that is done") from None
        not_inherited(self.fd)  # a forked worker must not keep it after this process ends

    def release(self) -> None:
        if self.fd >= 0:
            released(self.fd)
            os.close(self.fd)  # closing the descriptor drops the lock
            self.fd = -1


# --- reading: the opener of the query workers ------------------------------------------------

_HELD: list[Lock] = []  # a worker's shared lock, held for the life of the process


@dataclass(frozen=True)
class ReadOnlyStore:
    """Opens a store folder read-only (an `Opener` of kg.store's query workers)."""

    directory: Path

    def open(self) -> ox.Store:
        _HELD.append(Lock(self.directory, exclusive=False))
        return ox.Store.read_only(str(self.directory / DATA))

    def describe(self) -> str:
        return str(self.directory)

    def ready_info(self, store: ox.Store) -> dict[str, Any]:
        """What a worker reports once open: nothing that scans the store, so opening takes
        the same time at any size."""
        return {"location": str(self.directory)}


def store_manifest(directory: str | Path) -> dict[str, Any]:
    """What /health reports: the metadata and the documents the store holds."""
    directory = Path(directory)
    metadata = read_metadata(directory)
    lock = Lock(directory, exclusive=False)
    try:
        store = ox.Store.read_only(str(directory / DATA))
        ids = sorted(g.value[len(DOCUMENT_GRAPHS):] for g in store.named_graphs()
                     if isinstance(g, ox.NamedNode) and g.value.startswith(DOCUMENT_GRAPHS))
        del store
    except OSError as exc:
        raise StoreError(f"{directory}: cannot open the store ({exc})") from None
    finally:
        lock.release()
    return {**metadata, "documents": [{"id": i} for i in ids]}


def dump_folder(directory: str | Path, out_dir: str | Path,
                documents: list[dict] | None = None, about: dict | None = None) -> dict:
    """Write the dump files of the store folder `directory` into `out_dir` (replaced as a
    whole), streaming, and record them in the store as its dumps; the manifest written.
    `documents`: the manifest's entries of the documents, when the caller has them (else the
    store's own description of each); `about`: more of the manifest's fields (how the graph
    was made)."""
    directory, out_dir = Path(directory), Path(out_dir)
    metadata = read_metadata(directory)
    if out_dir.exists() and not out_dir.is_dir():
        raise StoreError(f"{out_dir}: exists and is not a folder")
    lock = Lock(directory, exclusive=False)
    try:
        store = ox.Store.read_only(str(directory / DATA))
        manifest: dict[str, Any] = {
            "generator": f"stancegraph {__version__}", "reasoner": metadata.get("reasoner"),
            **(about or {})}
        if documents is not None:
            manifest["documents"] = documents
        with Staging(out_dir) as staging:
            manifest = dump_store(store, staging.path, manifest)
            staging.commit()
        del store
        write_metadata(directory, {**metadata, "dumps": str(out_dir.resolve())})
    finally:
        lock.release()
    return manifest


# --- writing a whole corpus ----------------------------------------------------------------


def write_store(
    directory: str | Path,
    ontology: Graph,
    documents: Sequence[tuple[str, Graph, Graph]],
    *,
    reasoner: str,
    dumps: Path | None = None,
) -> Path:
    """Write a new store at `directory` (replacing one there): the ontology graph and, per
    document (id, asserted, inferred), its two graphs. Bulk-loaded into a temporary sibling
    folder, renamed into place when complete."""
    target = Path(directory)
    if target.exists() and not target.is_dir():
        raise StoreError(f"{target}: exists and is not a folder")
    if target.exists() and any(target.iterdir()) and not is_store_dir(target):
        raise StoreError(f"{target}: a folder that is not a store; not replacing it")
    with Staging(target) as staging:
        store = ox.Store(str(staging.path / DATA))
        store.bulk_extend(_corpus_quads(ontology, documents))
        store.optimize()  # compacted once here: queries on the served store run faster
        store.flush()
        del store  # closes the database before it moves
        write_metadata(staging.path, new_metadata(reasoner=reasoner, dumps=dumps))
        swap_in(staging)
    return target


def new_metadata(*, reasoner: str, dumps: Path | None) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "generator": f"stancegraph {__version__}",
        "written": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "reasoner": reasoner,
        "dumps": str(dumps.resolve()) if dumps is not None else None,
    }


def swap_in(staging: Staging) -> None:
    """Put the staged store in place of the target (renames; the old one is deleted), while
    no reader has the old one open."""
    target = staging.target

    def exclusive() -> Callable[[], None]:
        lock = Lock(target, exclusive=True) if is_store_dir(target) else None
        return lock.release if lock else (lambda: None)

    staging.commit(exclusive)


def check_writable(directory: str | Path) -> None:
    """Fail early (before a long build) if `directory` cannot be replaced by a new store."""
    target = Path(directory)
    if target.exists() and not target.is_dir():
        raise StoreError(f"{target}: exists and is not a folder")
    if target.exists() and any(target.iterdir()) and not is_store_dir(target):
        raise StoreError(f"{target}: a folder that is not a store; not replacing it")
    if is_store_dir(target):
        Lock(target, exclusive=True).release()


def _corpus_quads(
    ontology: Graph, documents: Iterable[tuple[str, Graph, Graph]]
) -> Iterator[ox.Quad]:
    cache: dict[Node, Any] = {}

    def term(node: Node) -> Any:
        found = cache.get(node)
        if found is None:
            found = cache[node] = to_ox(node)
        return found

    def quads(graph: Graph, name: URIRef) -> Iterator[ox.Quad]:
        g = ox.NamedNode(str(name))
        for s, p, o in graph:
            # IRIs repeat (actors, properties): converted once; literals mostly do not
            yield ox.Quad(term(s), term(p), to_ox(o) if isinstance(o, Literal) else term(o), g)

    yield from quads(ontology, ONTOLOGY_GRAPH)
    for doc_id, asserted, inferred in documents:
        yield from quads(asserted, URIRef(DOCUMENT_GRAPHS + doc_id))
        yield from quads(inferred, inferred_graph(doc_id))


# --- changing a store: add and remove ------------------------------------------------------


class LocalStore:
    """A store folder opened for writing (exclusively) by `add` or `remove`."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)
        self.location = str(self.directory)
        self.metadata = read_metadata(self.directory)
        self.engine = self.metadata.get("reasoner")
        self._lock = Lock(self.directory, exclusive=True)
        try:
            self.store = ox.Store(str(self.directory / DATA))
        except OSError as exc:
            self._lock.release()
            raise StoreError(f"{self.directory}: cannot open the store ({exc})") from None

    def select(self, query: str) -> list[dict[str, Node]]:
        result = self.store.query(query)
        names = [v.value for v in result.variables]
        return [{n: from_ox(s[n]) for n in names if s[n] is not None} for s in result]

    def graph_triples(self, name: URIRef) -> list[Triple]:
        g = ox.NamedNode(str(name))
        return [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                for q in self.store.quads_for_pattern(None, None, None, g)]

    def has_graph(self, name: URIRef) -> bool:
        return self.store.contains_named_graph(ox.NamedNode(str(name)))

    def document_ids(self) -> list[str]:
        return sorted(g.value[len(DOCUMENT_GRAPHS):] for g in self.store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g.value.startswith(DOCUMENT_GRAPHS))

    def apply(self, change: Change) -> None:
        """Commit the change in one transaction: all of it is written, or nothing."""
        if not change:
            return
        if self.metadata.get("dumps"):
            # The dumps stop describing the store with this change; forget them first, so a
            # crash in between can only lose the link, never serve stale dumps.
            self.metadata = {**self.metadata, "dumps": None}
            write_metadata(self.directory, self.metadata)
        try:
            self.store.update(update_text(change))
        except (OSError, SyntaxError, ValueError) as exc:
            raise StoreError(f"{self.directory}: the change was not written ({exc})") from None
        self.store.flush()

    def close(self) -> None:
        if getattr(self, "store", None) is not None:
            del self.store
        self._lock.release()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
