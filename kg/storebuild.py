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
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph
from tqdm import tqdm

from stancegraph import resources

from .build import BuildReport, load_documents, load_ontology
from .errors import ReasoningError
from .extract import extract
from .ids import ONTOLOGY_GRAPH, document_graph, inferred_graph
from .persist import (
    DATA,
    check_writable,
    from_ox,
    new_metadata,
    sparql_term,
    swap_in,
    write_metadata,
)
from .rdf import extraction_graph
from .reason import SharedFacts, actor_facts, choose_engine, reason_document
from .records import Document
from .registry import Registry

_STATE: dict[str, Any] = {}  # what the forked workers inherit: settings, facts, ontology


def build_store(
    paths: Iterable[str | Path] | None,
    location: str | Path,
    *,
    min_confidence: float = 0.0,
    jobs: int = 1,
    engine: str | None = None,
    progress: bool = False,
) -> BuildReport:
    """Build the documents at `paths` (default: the bundled corpus) into the store folder
    `location`, replacing what is there."""
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
    Registry.default()  # loaded once, before the workers fork
    lap("load")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    facts = SharedFacts()
    _STATE.update(min_confidence=min_confidence, ontology=ontology, facts=facts,
                  data=str(tmp / DATA))
    try:
        asserted = stances = 0
        with (tmp / "asserted.nq").open("w", encoding="utf-8") as out:
            out.write(_nquads(ontology, ONTOLOGY_GRAPH))
            for doc_id, text, shared, n_triples, n_stances in _mapped(
                    _extract_task, docs, jobs, progress, "extract"):
                out.write(text)
                facts.add(doc_id, shared)
                asserted += n_triples
                stances += n_stances
        store = ox.Store(_STATE["data"])
        store.bulk_load(path=str(tmp / "asserted.nq"), format=ox.RdfFormat.N_QUADS)
        del store  # closed: the reasoning workers open it read-only
        (tmp / "asserted.nq").unlink()
        lap("extract")
        engine = engine or choose_engine(asserted)
        _STATE["engine"] = engine
        inferred = 0
        with (tmp / "inferred.nq").open("w", encoding="utf-8") as out:
            for text, n_triples in _mapped(_reason_task, [d.id for d in docs], jobs, progress,
                                           "reason"):
                out.write(text)
                inferred += n_triples
        lap("reason")
        store = ox.Store(_STATE["data"])
        store.bulk_load(path=str(tmp / "inferred.nq"), format=ox.RdfFormat.N_QUADS)
        (tmp / "inferred.nq").unlink()
        store.optimize()
        store.flush()
        del store
        write_metadata(tmp, new_metadata(reasoner=engine, dumps=None))
        swap_in(tmp, target)
        lap("store")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        _STATE.clear()
    return BuildReport(
        out_dir=None, documents=[d.id for d in docs], stances=stances,
        triples={"ontology": len(ontology), "asserted": asserted, "inferred": inferred},
        engine=engine, seconds=laps, store=str(target),
    )


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
        context = multiprocessing.get_context("fork")
        chunk = max(1, min(16, len(items) // (jobs * 8)))
        with ProcessPoolExecutor(jobs, mp_context=context) as pool:
            for result in pool.map(task, items, chunksize=chunk):
                yield result
                bar.update()


def _extract_task(doc: Document) -> tuple[str, str, list, int, int]:
    e = extract(doc, Registry.default(), min_confidence=_STATE["min_confidence"])
    graph = extraction_graph(e)
    return (doc.id, _nquads(graph, document_graph(doc.id)), list(actor_facts(graph)),
            len(graph), len(e.stances))


def _reason_task(doc_id: str) -> tuple[str, int]:
    if "reader" not in _STATE:
        _STATE["reader"] = ox.Store.read_only(_STATE["data"])
    name = ox.NamedNode(str(document_graph(doc_id)))
    triples = [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
               for q in _STATE["reader"].quads_for_pattern(None, None, None, name)]
    ontology = _STATE["ontology"]
    context = _STATE["facts"].context(triples, ontology)
    try:
        inferred = reason_document(ontology, triples, context, engine=_STATE["engine"])
    except ReasoningError as exc:
        raise ReasoningError(f"{doc_id}: {exc}") from None
    return _nquads(inferred, inferred_graph(doc_id)), len(inferred)


def _nquads(graph: Graph, name: Any) -> str:
    g = sparql_term(name)
    return "".join(f"{sparql_term(s)} {sparql_term(p)} {sparql_term(o)} {g} .\n"
                   for s, p, o in graph)
