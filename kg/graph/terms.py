"""Converting RDF terms between rdflib (extraction, reasoning) and pyoxigraph (stores,
dumps), and writing them as SPARQL and N-Triples terms."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")



_IRIS: dict[str, URIRef] = {}  # rdflib checks every IRI it makes: made once each


def from_ox(term: Any) -> Node:
    """A pyoxigraph term as an rdflib term (plain literals without a datatype, as rdflib
    writes them, so triples read back compare equal to freshly extracted ones)."""
    if isinstance(term, ox.NamedNode):
        value = term.value
        node = _IRIS.get(value)
        if node is None:
            if len(_IRIS) > 500_000:
                _IRIS.clear()  # bounded: documents' own IRIs do not repeat
            node = _IRIS[value] = URIRef(value)
        return node
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"not an RDF term: {term!r}")


def sparql_term(node: Node) -> str:
    """A term in N-Triples syntax, which SPARQL reads as is (escaped by pyoxigraph)."""
    return str(to_ox(node))
