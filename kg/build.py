"""The build: documents -> extraction -> RDF -> reasoning -> dump folder.

Every input is read and checked before anything is written, and the output folder is
replaced in one step at the end, so a failed build never leaves a half-written graph.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.compare import to_canonical_graph
from tqdm import tqdm

from stancegraph import __version__, resources

from .documents import document_paths, load_document
from .dumps import graph_quads, write_dumps
from .errors import DocumentError, StancegraphError
from .extract import extract
from .ids import ONTOLOGY_GRAPH, document_graph, inferred_graph
from .rdf import extraction_graph
from .reason import choose_engine, reason_documents
from .records import Document, Extraction
from .registry import Registry


@dataclass
class Corpus:
    """A compiled corpus: per document its extraction, asserted graph and inferred graph."""

    ontology: Graph
    extractions: list[Extraction]
    asserted: list[Graph]
    inferred: list[Graph]
    engine: str


@dataclass
class BuildReport:
    out_dir: Path | None
    documents: list[str]
    stances: int
    triples: dict[str, int]
    engine: str
    seconds: dict[str, float] = field(default_factory=dict)
    store: str | None = None


def load_ontology() -> Graph:
    """The ontology graph: TBox, SKOS schemes and actor registry, from the package's files."""
    g = Graph()
    for path in resources.ontology_files():
        g.parse(path, format="turtle")
    # Blank nodes (the property-chain list) get new labels on every parse; canonical labels
    # keep the dumps byte-identical from run to run.
    canonical = Graph(identifier=ONTOLOGY_GRAPH)
    canonical += to_canonical_graph(g)
    return canonical


def load_documents(paths: Iterable[str | Path]) -> list[Document]:
    """Load every document, or fail on the first bad one before anything is written."""
    paths = list(paths)
    files = document_paths(paths)
    if not files:
        raise DocumentError("no .txt documents found in " + ", ".join(map(str, paths)))
    docs = [load_document(p) for p in files]
    seen: dict[str, str | None] = {}
    for d in docs:
        if d.id in seen:
            raise DocumentError(f"{d.path}: same document id '{d.id}' as {seen[d.id]}")
        seen[d.id] = d.path
    return docs


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_all(
    docs: list[Document], *, min_confidence: float = 0.0, jobs: int = 1, progress: bool = False
) -> list[Extraction]:
    """Extract every document, over `jobs` processes, in the order given."""
    bar = tqdm(total=len(docs), desc="extract", unit="doc", disable=not progress, leave=False)
    with bar:
        return list(_extractions(docs, min_confidence, jobs, bar))


def _extractions(
    docs: list[Document], min_confidence: float, jobs: int, bar: tqdm
) -> Iterator[Extraction]:
    registry = Registry.default()  # loaded before forking, so workers share it
    if jobs <= 1 or len(docs) < 8:
        for d in docs:
            yield extract(d, registry, min_confidence=min_confidence)
            bar.update()
        return
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    chunk = max(1, min(16, len(docs) // (jobs * 8)))
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        for e in pool.map(_extract_one, docs, [min_confidence] * len(docs), chunksize=chunk):
            yield e
            bar.update()


def _extract_one(doc: Document, min_confidence: float) -> Extraction:
    return extract(doc, Registry.default(), min_confidence=min_confidence)


def compile_corpus(
    docs: list[Document],
    *,
    min_confidence: float = 0.0,
    jobs: int = 1,
    engine: str | None = None,
    progress: bool = False,
    clock: _Clock | None = None,
) -> Corpus:
    """Extract, write RDF and reason over `docs`; nothing is written to disk."""
    clock = clock or _Clock()
    extractions = extract_all(docs, min_confidence=min_confidence, jobs=jobs, progress=progress)
    clock.lap("extract")
    asserted = [extraction_graph(e) for e in extractions]
    ontology = load_ontology()
    clock.lap("rdf")
    engine = engine or choose_engine(sum(len(g) for g in asserted))
    inferred = reason_documents(ontology, asserted, engine=engine, jobs=jobs)
    clock.lap("reason")
    return Corpus(ontology, extractions, asserted, inferred, engine)


def build(
    paths: Iterable[str | Path] | None,
    out_dir: str | Path | None,
    *,
    min_confidence: float = 0.0,
    jobs: int = 1,
    engine: str | None = None,
    progress: bool = False,
    store: str | Path | None = None,
) -> BuildReport:
    """Build the graph of the documents at `paths` (default: bundled corpus) into `out_dir`
    (the dump folder) and, when given, `store` (a store folder or a remote store URL)."""
    if out_dir is None and store is None:
        raise ValueError("build needs an output folder, a store or both")
    out_dir = Path(out_dir) if out_dir is not None else None
    if store is not None:
        check_store(store)  # before the long part
    clock = _Clock()
    docs = load_documents(paths if paths else [resources.corpus_dir()])
    clock.lap("load")
    corpus = compile_corpus(docs, min_confidence=min_confidence, jobs=jobs, engine=engine,
                            progress=progress, clock=clock)
    triples = {"ontology": len(corpus.ontology),
               "asserted": sum(len(g) for g in corpus.asserted),
               "inferred": sum(len(g) for g in corpus.inferred)}
    manifest = {
        "generator": f"stancegraph {__version__}",
        "reasoner": corpus.engine,
        "documents": [_doc_entry(e) for e in corpus.extractions],
        "graphs": {
            "ontology": str(ONTOLOGY_GRAPH),
            "documents": {d.id: {"asserted": str(document_graph(d.id)),
                                 "inferred": str(inferred_graph(d.id))} for d in docs},
        },
        "triples": triples,
    }
    if out_dir is not None:
        with _replacing(out_dir) as tmp:
            write_dumps(
                tmp,
                graph_quads(corpus.ontology, ONTOLOGY_GRAPH),
                [graph_quads(g, g.identifier) for g in corpus.asserted],
                [graph_quads(g, inferred_graph(e.document.id))
                 for e, g in zip(corpus.extractions, corpus.inferred, strict=True)],
                manifest,
            )
        clock.lap("write")
    if store is not None:
        write_store(corpus, store, dumps=out_dir)
        clock.lap("store")
    return BuildReport(
        out_dir=out_dir,
        documents=[d.id for d in docs],
        stances=sum(len(e.stances) for e in corpus.extractions),
        triples=triples,
        engine=corpus.engine,
        seconds=clock.laps,
        store=str(store) if store is not None else None,
    )


def write_store(corpus: Corpus, location: str | Path, *, dumps: Path | None = None) -> None:
    """Write a compiled corpus into a store folder (replaced as a whole) or a remote store;
    `dumps` is the dump folder written from the same corpus, if any."""
    from .ingest import write_corpus

    documents = [(e.document.id, asserted, inferred) for e, asserted, inferred
                 in zip(corpus.extractions, corpus.asserted, corpus.inferred, strict=True)]
    write_corpus(location, corpus.ontology, documents, reasoner=corpus.engine, dumps=dumps)


def check_store(location: str | Path) -> None:
    """Fail early if `location` cannot take a new store (not a store, or in use)."""
    from .persist import check_writable
    from .remote import is_remote

    if not is_remote(str(location)):
        check_writable(location)


def _doc_entry(e: Extraction) -> dict:
    d = e.document
    return {"id": d.id, "title": d.title, "date": d.date, "author": d.author,
            "publisher": d.publisher, "file": Path(d.path).name if d.path else None,
            "stances": len(e.stances), "actors": len(e.actors)}


class _replacing:
    """Write into a temporary sibling folder; on success swap it in place of `target`."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __enter__(self) -> Path:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        if self.target.exists() and not self.target.is_dir():
            raise StancegraphError(f"{self.target}: exists and is not a folder")
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.", dir=self.target.parent))
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            return
        os.chmod(self.tmp, 0o755)
        old = None
        if self.target.exists():
            old = self.target.with_name(f".{self.target.name}.old-{os.getpid()}")
            os.replace(self.target, old)
        os.replace(self.tmp, self.target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


class _Clock:
    def __init__(self) -> None:
        self.t = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.t, 3)
        self.t = now


def bundled_build_dir(cache_root: Path | None = None) -> Path:
    """A build of the bundled corpus, made once per package version and content, then reused."""
    digest = hashlib.sha256()
    # Keyed by the data and the code that turns it into a graph, so an upgrade rebuilds.
    code = sorted(Path(__file__).parent.glob("*.py"))
    for path in [*resources.ontology_files(), *resources.corpus_files(), *code]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    root = cache_root or Path(
        os.environ.get("STANCEGRAPH_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stancegraph"
    )
    out = root / f"bundled-{__version__}-{digest.hexdigest()[:12]}"
    if not (out / "manifest.json").exists():
        build(None, out)
    return out
