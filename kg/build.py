"""The build: documents -> extraction -> RDF -> reasoning -> dump folder.

Every input is read and checked before anything is written, and the output folder is
replaced in one step at the end, so a failed build never leaves a half-written graph.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph
from rdflib.compare import to_canonical_graph

from stancegraph import __version__, resources

from .documents import document_paths, load_document
from .dumps import graph_quads, write_dumps
from .errors import DocumentError, StancegraphError
from .extract import extract
from .ids import INFERRED_GRAPH, ONTOLOGY_GRAPH, document_graph
from .rdf import extraction_graph
from .reason import reason
from .records import Document, Extraction
from .registry import Registry


@dataclass
class BuildReport:
    out_dir: Path
    documents: list[str]
    stances: int
    triples: dict[str, int]
    seconds: dict[str, float] = field(default_factory=dict)


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


def build(
    paths: Iterable[str | Path] | None,
    out_dir: str | Path,
    *,
    min_confidence: float = 0.0,
) -> BuildReport:
    """Build the graph of the documents at `paths` (default: bundled corpus) into `out_dir`."""
    out_dir = Path(out_dir)
    clock = _Clock()
    docs = load_documents(paths if paths else [resources.corpus_dir()])
    clock.lap("load")
    registry = Registry.default()
    extractions = [extract(d, registry, min_confidence=min_confidence) for d in docs]
    clock.lap("extract")
    graphs = [extraction_graph(e) for e in extractions]
    ontology = load_ontology()
    clock.lap("rdf")
    asserted = Graph()
    for g in graphs:
        asserted += g
    inferred = reason(ontology, asserted)
    clock.lap("reason")
    manifest = {
        "generator": f"stancegraph {__version__}",
        "documents": [_doc_entry(e) for e in extractions],
        "graphs": {
            "ontology": str(ONTOLOGY_GRAPH),
            "inferred": str(INFERRED_GRAPH),
            "documents": [str(document_graph(d.id)) for d in docs],
        },
        "triples": {"ontology": len(ontology), "asserted": len(asserted),
                    "inferred": len(inferred)},
    }
    with _replacing(out_dir) as tmp:
        write_dumps(
            tmp,
            graph_quads(ontology, ONTOLOGY_GRAPH),
            [graph_quads(g, g.identifier) for g in graphs],
            graph_quads(inferred, INFERRED_GRAPH),
            manifest,
        )
    clock.lap("write")
    return BuildReport(
        out_dir=out_dir,
        documents=[d.id for d in docs],
        stances=sum(len(e.stances) for e in extractions),
        triples=manifest["triples"],
        seconds=clock.laps,
    )


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
