"""Build a corpus straight into a store folder, in memory that does not grow with the corpus.

`build --store DIR` without dumps takes this path. Nothing but the actor facts stays in
memory: pass one extracts the documents in worker processes, which write each document's
graph as N-Quads (streamed to a file the store then bulk-loads) and hand back its actor facts;
pass two reasons each document, in worker processes that read its graph from the store
(opened read-only) and its context from the actor facts of all documents, and streams the
inferred graphs to a second file, bulk-loaded in turn. The store is written into a temporary
sibling folder and renamed into place, like every build. The stored dataset is the one
`build` writes from a compiled corpus (a test compares the two).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import RDF
from tqdm import tqdm

from stancegraph import resources

from ..corpus import BuildReport, document_entry, load_documents
from ..errors import ReasoningError, StoreError
from ..extract import extract
from ..graph.ontology import load_ontology
from ..graph.rdf import Triple, extraction_triples
from ..graph.reason import SharedFacts, actor_facts, choose_engine, reason_document
from ..graph.types import retyped, settle_types, type_assertions
from ..ids import ONTOLOGY_GRAPH, document_graph, inferred_graph
from ..processes import process_pool, spawned_process
from ..records import Document
from ..validation import check_staged_store, validation_requested
from ..vocabulary import active
from .local import (
    DATA,
    check_writable,
    from_ox,
    new_metadata,
    sparql_term,
    swap_in,
    write_metadata,
)
from .staging import Staging

_STATE: dict[str, Any] = {}  # what the forked workers inherit: settings, facts, ontology


def build_store(
    paths: Iterable[str | Path] | None,
    location: str | Path,
    *,
    min_confidence: float = 0.0,
    jobs: int = 1,
    engine: str | None = None,
    progress: bool = False,
    validate: bool | None = None,
) -> BuildReport:
    """Build the documents at `paths` (default: the bundled corpus) into the store folder
    `location`, replacing what is there; with `validate` (default: kg.validation's
    environment setting), only if the graph satisfies the data contract."""
    laps: dict[str, float] = {}
    t = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        laps[name] = round(now - t, 3)
        t = now

    target = Path(location)
    check_writable(target)
    docs = load_documents(paths if paths else [resources.corpus_dir()])
    ontology = load_ontology()
    active().registry, active().issues  # loaded once, before the workers fork
    lap("load")
    staging = Staging(target)
    tmp = staging.path
    facts = SharedFacts()
    asserted_file = tmp / "asserted.nq"
    _STATE.update(min_confidence=min_confidence, ontology=ontology, facts=facts,
                  asserted=str(asserted_file), offsets={})
    loader = None
    try:
        asserted = stances = 0
        entries: list[dict] = []
        typed: list = []
        with asserted_file.open("wb") as out:
            out.write(_nquads(ontology, ONTOLOGY_GRAPH).encode())
            for doc_id, text, shared, n_triples, entry in _mapped(
                    _extract_task, docs, jobs, progress, "extract"):
                data = text.encode()
                _STATE["offsets"][doc_id] = (out.tell(), len(data))
                out.write(data)
                facts.add(doc_id, shared)
                typed += type_assertions(doc_id, shared)
                asserted += n_triples
                stances += entry["stances"]
                entries.append(entry)
        settled = settle_types(typed)
        if settled:
            _retype(asserted_file, settled, facts)
        lap("extract")
        # The store loads the asserted graphs while the documents are reasoned (each worker
        # reads its document back from the file), in a process of its own.
        loader = _start_loading(tmp / DATA, asserted_file)
        engine = engine or choose_engine(asserted)
        _STATE["engine"] = engine
        inferred = 0
        with (tmp / "inferred.nq").open("w", encoding="utf-8") as out:
            for text, n_triples in _mapped(_reason_task, [d.id for d in docs], jobs, progress,
                                           "reason"):
                out.write(text)
                inferred += n_triples
        lap("reason")
        _finish_loading(loader)
        asserted_file.unlink()
        lap("wait for loading")
        store = ox.Store(str(tmp / DATA))
        store.bulk_load(path=str(tmp / "inferred.nq"), format=ox.RdfFormat.N_QUADS)
        (tmp / "inferred.nq").unlink()
        store.optimize()
        store.flush()
        del store
        if validation_requested(validate):
            check_staged_store(tmp / DATA)
            lap("validate")
        write_metadata(tmp, new_metadata(reasoner=engine, dumps=None))
        swap_in(staging)
        lap("store")
    except BaseException:
        if loader is not None and loader.is_alive():
            loader.kill()
            loader.join()
        staging.discard()
        raise
    finally:
        _STATE.clear()
    return BuildReport(
        out_dir=None, documents=[d.id for d in docs], stances=stances,
        triples={"ontology": len(ontology), "asserted": asserted, "inferred": inferred},
        engine=engine, seconds=laps, store=str(target), entries=entries,
    )


def _start_loading(data: Path, nquads: Path) -> multiprocessing.process.BaseProcess:
    # Spawned, not forked: a store's threads (in this process, from any store opened before)
    # must not be copied into a process that opens a store.
    loader = spawned_process(_load, (str(data), str(nquads)), "stancegraph-store-loader")
    loader.start()
    return loader


def _load(data: str, nquads: str) -> None:
    store = ox.Store(data)
    store.bulk_load(path=nquads, format=ox.RdfFormat.N_QUADS)
    store.flush()


def _finish_loading(loader: multiprocessing.process.BaseProcess) -> None:
    loader.join()
    if loader.exitcode != 0:
        raise StoreError(f"loading the asserted graphs into the store failed "
                         f"(exit code {loader.exitcode})")


def _mapped(task: Callable[[Any], Any], items: list, jobs: int, progress: bool,
            desc: str) -> Iterator[Any]:
    """`task` over `items` in order, in `jobs` forked processes (they inherit _STATE)."""
    bar = tqdm(total=len(items), desc=desc, unit="doc", disable=not progress, leave=False)
    with bar:
        if jobs <= 1 or len(items) < 8:
            for item in items:
                yield task(item)
                bar.update()
            _STATE.pop("reader", None)
            return
        chunk = max(1, min(16, len(items) // (jobs * 8)))
        with process_pool(jobs) as pool:
            for result in pool.map(task, items, chunksize=chunk):
                yield result
                bar.update()


def _extract_task(doc: Document) -> tuple[str, str, list, int, dict]:
    e = extract(doc, active().registry, min_confidence=_STATE["min_confidence"])
    triples = extraction_triples(e)
    return (doc.id, _nquads(triples, document_graph(doc.id)), list(actor_facts(triples)),
            len(triples), document_entry(e))


def _reason_task(doc_id: str) -> tuple[str, int]:
    if "reader" not in _STATE:
        _STATE["reader"] = open(_STATE["asserted"], "rb")  # noqa: SIM115 (one per worker)
    start, size = _STATE["offsets"][doc_id]
    data = os.pread(_STATE["reader"].fileno(), size, start)
    # Parsing the document's own N-Quads is twice as fast as reading them from the store.
    triples = [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
               for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)]
    ontology = _STATE["ontology"]
    context = _STATE["facts"].context(triples, ontology)
    try:
        inferred = reason_document(ontology, triples, context, engine=_STATE["engine"])
    except ReasoningError as exc:
        raise ReasoningError(f"{doc_id}: {exc}") from None
    return _nquads(inferred, inferred_graph(doc_id)), len(inferred)


def _retype(asserted_file: Path, settled: dict, facts: SharedFacts) -> None:
    """Rewrite the graphs of the documents that typed a settled actor otherwise (kg.graph.types),
    copying the others as they are, and their actor facts with them."""
    offsets = _STATE["offsets"]
    affected = {doc for doc, triples in facts.documents() if any(
        s in settled and p == RDF.type for s, p, _ in triples)}
    rewritten = asserted_file.with_suffix(".retyped")
    first = min((start for start, _ in offsets.values()), default=asserted_file.stat().st_size)
    with asserted_file.open("rb") as src, rewritten.open("wb") as out:
        out.write(src.read(first))  # the ontology graph
        for doc_id, (start, size) in sorted(offsets.items(), key=lambda kv: kv[1][0]):
            src.seek(start)
            data = src.read(size)
            if doc_id in affected:
                triples = list(dict.fromkeys(retyped(
                    ((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                     for q in ox.parse(data, format=ox.RdfFormat.N_QUADS)), settled)))
                data = _nquads(triples, document_graph(doc_id)).encode()
                facts.add(doc_id, actor_facts(triples))
            offsets[doc_id] = (out.tell(), len(data))
            out.write(data)
    rewritten.replace(asserted_file)


def _nquads(triples: Iterable[Triple], name: Any) -> str:
    g = sparql_term(name)
    return "".join(f"{sparql_term(s)} {sparql_term(p)} {sparql_term(o)} {g} .\n"
                   for s, p, o in triples)
