"""The ontology graph: TBox, SKOS schemes and actor registry, as one named graph."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import to_canonical_graph

from stancegraph import resources

from ..ids import ONTOLOGY_GRAPH


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
