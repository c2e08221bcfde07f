"""The build: documents -> extraction -> RDF -> reasoning -> dump folder.

Every input is read and checked before anything is written, and the output folder is
replaced in one step at the end, so a failed build never leaves a half-written graph.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import RDF, Graph

from stancegraph import __version__, resources

from .corpus import BuildReport, document_entry, extract_all, load_documents
from .documents import document_paths
from .errors import StancegraphError
from .extract.nlp import pipeline_name, pipeline_version
from .graph.ontology import load_ontology
from .graph.rdf import extraction_graph
from .graph.reason import choose_engine, reason_documents
from .graph.types import retyped, settle_types, type_assertions
from .ids import ONTOLOGY_GRAPH, document_graph, inferred_graph
from .records import Document, Extraction
from .store.build import build_store
from .store.dumps import graph_quads, write_dumps
from .store.local import dump_folder
from .store.remote import is_remote
from .store.staging import Staging
from .validation import check_corpus, raise_on_violations, validation_requested
from .vocabulary import Vocabulary, bundled, using


@dataclass
class Corpus:
    """A compiled corpus: per document its extraction, asserted graph and inferred graph."""

    ontology: Graph
    extractions: list[Extraction]
    asserted: list[Graph]
    inferred: list[Graph]
    engine: str


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
    settled = settle_types(t for e, g in zip(extractions, asserted, strict=True)
                           for t in type_assertions(e.document.id, g))
    for g in asserted:
        wrong = [t for t in g.triples((None, RDF.type, None)) if t[0] in settled]
        for old, new in zip(wrong, retyped(wrong, settled), strict=True):
            g.remove(old)
            g.add(new)
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
    validate: bool | None = None,
    vocabulary: Vocabulary | None = None,
) -> BuildReport:
    """Build the graph of the documents at `paths` (default: bundled corpus) into `out_dir`
    (the dump folder) and, when given, `store` (a store folder or a remote store URL).

    A local build streams (kg.store.build) into the store folder, or into a scratch one when
    only dumps are wanted, and writes the dumps from it by streaming: memory does not grow
    with the corpus. With `validate` (default: set by the environment, kg.validation), the
    graph is checked against the data contract before anything is replaced. `vocabulary`
    (default: the one in use, kg.vocabulary) gives the registry and issue scheme extraction
    uses, and becomes the ontology graph."""
    if out_dir is None and store is None:
        raise ValueError("build needs an output folder, a store or both")
    with using(vocabulary):
        return _build(paths, out_dir, store, validate=validate, min_confidence=min_confidence,
                      jobs=jobs, engine=engine, progress=progress)


def _build(paths: Iterable[str | Path] | None, out_dir: str | Path | None,
           store: str | Path | None, *, validate: bool | None, **options: Any) -> BuildReport:
    if store is not None and is_remote(str(store)):
        return _compiled_build(paths, out_dir, str(store), options, validate=validate)
    out = Path(out_dir) if out_dir is not None else None
    if out is not None and out.exists() and not out.is_dir():
        raise StancegraphError(f"{out}: exists and is not a folder")
    scratch = Staging(out) if store is None and out is not None else None
    try:
        location = Path(store) if store is not None else scratch.path / "store"
        report = build_store(paths, location, **options, validate=validate)
        if out is not None:
            started = time.perf_counter()
            dump_folder(location, out, documents=report.entries,
                        about={"pipeline": pipeline_version()})
            report.seconds["dumps"] = round(time.perf_counter() - started, 3)
            report.out_dir = out
    finally:
        if scratch is not None:
            scratch.discard()
    report.store = str(store) if store is not None else None
    return report


def _compiled_build(paths: Iterable[str | Path] | None, out_dir: str | Path | None,
                    store: str, options: dict[str, Any], *,
                    validate: bool | None = None) -> BuildReport:
    """The corpus compiled in memory, then written to a remote store and, from memory, the
    dump folder (a remote store cannot be dumped from by streaming). `options`: those of
    `build`."""
    out_dir = Path(out_dir) if out_dir is not None else None
    check_store(store)  # before the long part
    clock = _Clock()
    docs = load_documents(paths if paths else [resources.corpus_dir()])
    clock.lap("load")
    corpus = compile_corpus(docs, **options, clock=clock)
    if validation_requested(validate):
        raise_on_violations(check_corpus(corpus.ontology, [
            (e.document.id, asserted, inferred) for e, asserted, inferred
            in zip(corpus.extractions, corpus.asserted, corpus.inferred, strict=True)]))
        clock.lap("validate")
    triples = {"ontology": len(corpus.ontology),
               "asserted": sum(len(g) for g in corpus.asserted),
               "inferred": sum(len(g) for g in corpus.inferred)}
    manifest = {
        "generator": f"stancegraph {__version__}",
        "reasoner": corpus.engine,
        "pipeline": pipeline_version(),
        "documents": [document_entry(e) for e in corpus.extractions],
        "graphs": {
            "ontology": str(ONTOLOGY_GRAPH),
            "documents": {d.id: {"asserted": str(document_graph(d.id)),
                                 "inferred": str(inferred_graph(d.id))} for d in docs},
        },
        "triples": triples,
    }
    if out_dir is not None:
        if out_dir.exists() and not out_dir.is_dir():
            raise StancegraphError(f"{out_dir}: exists and is not a folder")
        with Staging(out_dir) as staging:
            write_dumps(
                staging.path,
                graph_quads(corpus.ontology, ONTOLOGY_GRAPH),
                [graph_quads(g, g.identifier) for g in corpus.asserted],
                [graph_quads(g, inferred_graph(e.document.id))
                 for e, g in zip(corpus.extractions, corpus.inferred, strict=True)],
                manifest,
            )
            staging.commit()
        clock.lap("write")
    write_store(corpus, store, dumps=out_dir)
    clock.lap("store")
    return BuildReport(
        out_dir=out_dir,
        documents=[d.id for d in docs],
        stances=sum(len(e.stances) for e in corpus.extractions),
        triples=triples,
        engine=corpus.engine,
        seconds=clock.laps,
        store=store,
    )


def write_store(corpus: Corpus, location: str | Path, *, dumps: Path | None = None) -> None:
    """Write a compiled corpus into a store folder (replaced as a whole) or a remote store;
    `dumps` is the dump folder written from the same corpus, if any."""
    from .store.ingest import write_corpus

    documents = [(e.document.id, asserted, inferred) for e, asserted, inferred
                 in zip(corpus.extractions, corpus.asserted, corpus.inferred, strict=True)]
    write_corpus(location, corpus.ontology, documents, reasoner=corpus.engine, dumps=dumps)


def check_store(location: str | Path) -> None:
    """Fail early if `location` cannot take a new store (not a store, or in use)."""
    from .store.local import check_writable
    from .store.remote import is_remote

    if not is_remote(str(location)):
        check_writable(location)


class _Clock:
    def __init__(self) -> None:
        self.t = time.perf_counter()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = round(now - self.t, 3)
        self.t = now


def cached_build_dir(paths: Sequence[str | Path] | None = None,
                     vocabulary: Vocabulary | None = None,
                     cache_root: Path | None = None) -> Path:
    """Where the build of the documents at `paths` (default: the bundled corpus) with
    `vocabulary` (default: the bundled one) is kept between runs: a folder named by a hash of
    their content and of the code, so that a change to any of them makes a new build."""
    vocabulary = vocabulary or bundled()
    files = document_paths(paths) if paths else resources.corpus_files()
    digest = hashlib.sha256(vocabulary.digest.encode())
    code = sorted(p for p in Path(__file__).parent.rglob("*")
                  if p.suffix in (".py", ".toml", ".json", ".csv") and "__pycache__" not in p.parts)
    for path in [*files, *(f.with_suffix(".meta.json") for f in files), *code]:
        if path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    digest.update(pipeline_name().encode())  # the spaCy pipeline extraction reads with
    root = cache_root or Path(
        os.environ.get("STANCEGRAPH_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "stancegraph"
    )
    name = "bundled" if not paths and vocabulary.bundled else "corpus"
    return root / f"{name}-{__version__}-{digest.hexdigest()[:12]}"


def is_build(folder: Path) -> bool:
    """Whether a folder holds a complete build (its manifest is written last)."""
    return (folder / "manifest.json").is_file()


def bundled_build_dir(cache_root: Path | None = None) -> Path:
    """A build of the bundled corpus, made once per package version and content, then reused."""
    out = cached_build_dir(cache_root=cache_root)
    if not is_build(out):
        build(None, out)
    return out
