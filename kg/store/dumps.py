"""Write the dataset's dump files, serialised once at build time.

pyoxigraph writes every format: it is fast, and given quads in a fixed order it writes
byte-identical files for the same input.

`dump_store` writes them from a store, streaming: the whole-dataset files straight from the
store, the asserted and inferred files graph by graph, one triple at a time, in the store's
index order (the same for the same data, so the files are byte-identical from build to
build, each subject's triples together). A triple in several documents' graphs is written
once: one that names a document or a stance belongs to that document alone, so only the
others (actors' and issues' facts, which documents repeat) are remembered, and memory grows
with the corpus's actors, not its size. `write_dumps` writes them from quads in memory,
sorted, for a build that writes a remote store.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.compare import to_canonical_graph

from ..graph.terms import from_ox, to_ox
from ..ids import DOCUMENT_GRAPHS, ID, INFERRED_GRAPHS, ONTOLOGY_GRAPH, PREFIXES


@dataclass(frozen=True)
class DumpFile:
    name: str
    media_type: str
    description: str


# name -> (what it holds, format): the contract of a build folder.
DUMP_FILES = (
    DumpFile("kg.trig", "application/trig", "all named graphs (ontology, documents, inferred)"),
    DumpFile("kg.nq", "application/n-quads", "all named graphs, as N-Quads"),
    DumpFile("kg.jsonld", "application/ld+json", "all named graphs, as JSON-LD"),
    DumpFile("asserted.ttl", "text/turtle", "what extraction asserted, all documents"),
    DumpFile("asserted.nt", "application/n-triples", "what extraction asserted, as N-Triples"),
    DumpFile("inferred.ttl", "text/turtle", "what OWL 2 RL reasoning added"),
    DumpFile("inferred.nt", "application/n-triples", "what OWL 2 RL reasoning added"),
    DumpFile("ontology.ttl", "text/turtle", "TBox, SKOS schemes and actor registry"),
)
MANIFEST = "manifest.json"

_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}


def graph_quads(graph: Graph, name: URIRef) -> list[ox.Quad]:
    """The triples of an rdflib graph as quads of the named graph `name`, in sorted order."""
    g = ox.NamedNode(str(name))
    quads = [ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in graph]
    quads.sort(key=_order)
    return quads


def _order(q: ox.Quad) -> tuple[str, str, str]:
    return (str(q.subject), str(q.predicate), str(q.object))


def _triples(quads: Iterable[ox.Quad]) -> list[ox.Triple]:
    """The distinct triples of `quads` (one triple may be in several graphs), sorted."""
    return sorted({q.triple for q in quads}, key=lambda t: (str(t.subject), str(t.predicate),
                                                             str(t.object)))


def write_dumps(
    out_dir: Path,
    ontology: list[ox.Quad],
    documents: list[list[ox.Quad]],
    inferences: list[list[ox.Quad]],
    manifest: dict,
) -> dict:
    """Write every dump file and the manifest into `out_dir` (which must exist).

    `documents` and `inferences` hold each document's asserted and inferred quads.
    """
    prefixes = dict(PREFIXES)
    asserted = [q for doc in documents for q in doc]
    inferred = [q for doc in inferences for q in doc]
    dataset = [*ontology, *asserted, *inferred]
    contents: dict[str, list] = {
        "kg.trig": dataset,
        "kg.nq": dataset,
        "kg.jsonld": dataset,
        "asserted.ttl": _triples(asserted),
        "asserted.nt": _triples(asserted),
        "inferred.ttl": _triples(inferred),
        "inferred.nt": _triples(inferred),
        "ontology.ttl": _triples(ontology),
    }
    files = []
    for dump in DUMP_FILES:
        path = out_dir / dump.name
        fmt = _FORMATS[path.suffix]
        with path.open("wb") as fh:
            ox.serialize(contents[dump.name], fh, format=fmt, prefixes=prefixes)
        files.append(_file_entry(dump, path))
    # Distinct triples, as the .ttl and .nt files hold them (one triple may be asserted or
    # inferred in several documents' graphs); quads, as the whole-dataset files hold them.
    triples = {"ontology": len(contents["ontology.ttl"]),
               "asserted": len(contents["asserted.ttl"]),
               "inferred": len(contents["inferred.ttl"])}
    quads = {"ontology": len(ontology), "asserted": len(asserted), "inferred": len(inferred)}
    manifest = {**manifest, "triples": triples, "quads": quads, "files": files}
    (out_dir / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return manifest


def _file_entry(dump: DumpFile, path: Path) -> dict:
    return {"name": dump.name, "media_type": dump.media_type, "description": dump.description,
            "bytes": path.stat().st_size, "sha256": _sha256(path)}


# --- streaming from a store ------------------------------------------------------------------

_OWN = (ID + "document/", ID + "stance/")
# Graphs of each part of the dataset, by the start of their names.
_PARTS = {"ontology": str(ONTOLOGY_GRAPH), "asserted": DOCUMENT_GRAPHS,
          "inferred": INFERRED_GRAPHS}
_DCTERMS = "http://purl.org/dc/terms/"
_STANCE = ox.NamedNode("https://w3id.org/stancegraph/ontology#Stance")
_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


@dataclass
class _Counts:
    triples: dict[str, int] = field(default_factory=dict)
    quads: dict[str, int] = field(default_factory=dict)
    documents: list[dict] = field(default_factory=list)


def dump_store(store: ox.Store, out_dir: Path, manifest: dict) -> dict:
    """Write every dump file of `store` and the manifest into `out_dir` (which must exist),
    streaming; `manifest` gets the counts and the files, and the documents as the store
    describes them unless it lists them already."""
    counts = _Counts()
    files = []
    for dump in DUMP_FILES:
        path = out_dir / dump.name
        fmt = _FORMATS[path.suffix]
        with path.open("wb") as fh:
            _write_part(store, dump.name, fh, fmt, counts)
        files.append(_file_entry(dump, path))
    manifest = {**manifest, "triples": counts.triples, "quads": counts.quads, "files": files}
    manifest.setdefault("documents", counts.documents)
    manifest["graphs"] = {"ontology": str(ONTOLOGY_GRAPH), "documents": {
        e["id"]: {"asserted": DOCUMENT_GRAPHS + e["id"], "inferred": INFERRED_GRAPHS + e["id"]}
        for e in counts.documents}}
    (out_dir / MANIFEST).write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def _write_part(store: ox.Store, name: str, out: BinaryIO, fmt: ox.RdfFormat,
                counts: _Counts) -> None:
    part = name.split(".")[0]
    if part == "kg":
        ox.serialize(_dataset(store), out, format=fmt, prefixes=dict(PREFIXES))
        return
    if part == "ontology":
        ontology = _ontology(store)
        counts.triples["ontology"] = counts.quads["ontology"] = len(ontology)
        ox.serialize(_triples(ontology), out, format=fmt, prefixes=dict(PREFIXES))
        return
    if fmt is ox.RdfFormat.N_TRIPLES:  # counted once a part: on its N-Triples pass
        counts.triples[part] = 0
    triples = _union(store, _PARTS[part], counts, part, describe=fmt is ox.RdfFormat.N_TRIPLES
                     and part == "asserted")
    ox.serialize(triples, out, format=fmt, prefixes=dict(PREFIXES))


def _ontology(store: ox.Store) -> list[ox.Quad]:
    """The ontology graph's quads, sorted, its blank nodes (property chains) labelled as
    rdflib's canonical form labels them: a store names them anew at every load."""
    graph = Graph()
    for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(ONTOLOGY_GRAPH))):
        graph.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    return graph_quads(to_canonical_graph(graph), ONTOLOGY_GRAPH)


def _dataset(store: ox.Store) -> Iterator[ox.Quad]:
    """Every quad: the ontology's, then each other graph's in the store's order (those hold
    no blank nodes)."""
    yield from _ontology(store)
    for graph in store.named_graphs():
        if graph.value != str(ONTOLOGY_GRAPH):
            yield from store.quads_for_pattern(None, None, None, graph)


def _union(store: ox.Store, prefix: str, counts: _Counts, part: str,
           describe: bool) -> Iterator[ox.Triple]:
    """The distinct triples of the graphs whose names start with `prefix`."""
    seen: set[ox.Triple] = set()
    quads = written = 0
    for graph in store.named_graphs():
        if not isinstance(graph, ox.NamedNode) or not graph.value.startswith(prefix):
            continue
        entry = _DocumentEntry(graph.value[len(prefix):]) if describe else None
        for quad in store.quads_for_pattern(None, None, None, graph):
            quads += 1
            triple = quad.triple
            if entry is not None:
                entry.note(triple)
            if not (_own(quad.subject) or _own(quad.object)):
                if triple in seen:
                    continue
                seen.add(triple)
            written += 1
            yield triple
        if entry is not None:
            counts.documents.append(entry.as_json())
    counts.quads[part] = quads
    if part in counts.triples:
        counts.triples[part] = written


def _own(term: object) -> bool:
    """Whether a term names a document or a stance: its triples are in one document's graphs."""
    return isinstance(term, ox.NamedNode) and term.value.startswith(_OWN)


class _DocumentEntry:
    """A document's manifest entry, gathered from its graph as it is written."""

    def __init__(self, doc_id: str) -> None:
        self.id = doc_id
        self.iri = ID + "document/" + doc_id
        self.fields: dict[str, str] = {}
        self.labels: dict[str, str] = {}
        self.stances = 0

    def note(self, triple: ox.Triple) -> None:
        s, p, o = triple.subject, triple.predicate, triple.object
        if p == _TYPE and o == _STANCE:
            self.stances += 1
        elif p == _LABEL and isinstance(o, ox.Literal):
            self.labels[s.value] = o.value
        elif isinstance(s, ox.NamedNode) and s.value == self.iri and \
                p.value.startswith(_DCTERMS):
            self.fields[p.value[len(_DCTERMS):]] = o.value

    def as_json(self) -> dict:
        f = self.fields
        return {"id": self.id, "title": f.get("title"), "date": f.get("date"),
                "author": self.labels.get(f.get("creator", ""), f.get("creator")),
                "publisher": self.labels.get(f.get("publisher", ""), f.get("publisher")),
                "stances": self.stances}


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
