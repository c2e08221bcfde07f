"""The ontology graph: TBox, SKOS schemes and actor registry, as one named graph."""

from __future__ import annotations

from rdflib import Graph

from ..ids import ONTOLOGY_GRAPH


def load_ontology() -> Graph:
    """The ontology graph of the vocabulary in use (kg.vocabulary: the package's files, and
    the analyst's own actors and issues when a build has them), a copy the caller owns."""
    from ..vocabulary import active

    graph = Graph(identifier=ONTOLOGY_GRAPH)
    graph += active().ontology_graph
    return graph
