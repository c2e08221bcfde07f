"""Write the dataset's dump files, serialised once at build time.

pyoxigraph writes every format: it is fast, and given quads in a fixed order it writes
byte-identical files for the same input. Quads are sorted so that each subject's triples are
grouped in Turtle and TriG and the order never depends on hashing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, URIRef

from ..graph.terms import to_ox
from ..ids import PREFIXES


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
        files.append({
            "name": dump.name,
            "media_type": dump.media_type,
            "description": dump.description,
            "bytes": path.stat().st_size,
            "sha256": _sha256(path),
        })
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


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
