"""Plain data passed between a store's callers and where queries run (worker processes or a
remote endpoint): requests, result formats, bound values as tagged terms, and results as
plain Python values."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox
from rdflib.term import BNode, Literal, Node, URIRef

from ..errors import QueryError

XSD = "http://www.w3.org/2001/XMLSchema#"
DEFAULT_TIMEOUT = 30.0

# Media types the worker can write, per kind of result.
SOLUTION_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}
TEXT_TYPES = {"text/csv", "text/tab-separated-values", "text/turtle", "application/n-triples"}

_INTEGER_TYPES = {
    XSD + t for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedLong", "unsignedInt",
        "unsignedShort", "unsignedByte",
    )
}
_FLOAT_TYPES = {XSD + "decimal", XSD + "double", XSD + "float"}
_IRI_VALUE = re.compile(r"(?:https?://|urn:)[^\s<>\"{}|\\^`]+", re.IGNORECASE)
_VAR_NAME = re.compile(r"[A-Za-z0-9_\u00B7\u00C0-\uFFFD]+")


# --- plain data passed between the caller and a worker ------------------------------------

Term = tuple  # ("iri", value) | ("lit", lexical, datatype | None, language | None)


@dataclass(frozen=True)
class ResultFormats:
    """The media type to write each kind of result in; None: that kind is not acceptable."""

    solutions: str | None = "application/sparql-results+json"
    boolean: str | None = "application/sparql-results+json"
    graph: str | None = "text/turtle"


@dataclass(frozen=True)
class Dataset:
    """The RDF dataset a query runs over.

    `union` (no graphs given): default graph = union of all graphs, every named graph
    available. With graphs given (SPARQL protocol parameters), exactly those.
    """

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()

    @property
    def given(self) -> bool:
        return bool(self.default_graphs or self.named_graphs)


@dataclass(frozen=True)
class Request:
    """One unit of work for a worker: `op` is select | ask | construct | serialize | info."""

    op: str
    query: str = ""
    bindings: tuple[tuple[str, Term], ...] = ()
    dataset: Dataset = field(default_factory=Dataset)
    formats: ResultFormats = field(default_factory=ResultFormats)


@dataclass
class SelectResult:
    """SELECT solutions as plain JSON-able values (IRIs as str, literals as Python values)."""

    variables: list[str]
    rows: list[dict[str, Any]]


class NotAcceptable(QueryError):
    """The query's kind of result has no format the client accepts."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"no acceptable format for a {kind} result")
        self.kind = kind


def term_to_ox(term: Term) -> ox.NamedNode | ox.Literal:
    if term[0] == "iri":
        return ox.NamedNode(term[1])
    _, lexical, datatype, language = term
    if language:
        return ox.Literal(lexical, language=language)
    if datatype:
        return ox.Literal(lexical, datatype=ox.NamedNode(datatype))
    return ox.Literal(lexical)



def plain_value(term: Any) -> Any:
    """A pyoxigraph term as a plain JSON-able value."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        try:
            if dt in _INTEGER_TYPES:
                return int(term.value)
            if dt in _FLOAT_TYPES:
                return float(term.value)
        except ValueError:
            return term.value  # an ill-typed literal keeps its text
        if dt == XSD + "boolean":
            return term.value in ("true", "1")
        return term.value
    return str(term)



Binding = str | int | float | bool | Node

def encode_bindings(bindings: Mapping[str, Binding] | None) -> tuple[tuple[str, Term], ...]:
    """Bindings as plain tagged terms for a worker, checked here to name the caller's value."""
    if not bindings:
        return ()
    out = []
    for name, value in bindings.items():
        var = name[1:] if name[:1] in "?$" else name
        if not _VAR_NAME.fullmatch(var):
            raise QueryError(f"not a variable name: {name!r}")
        out.append((var, _term(var, value)))
    return tuple(out)


def _term(var: str, value: Binding) -> Term:
    if isinstance(value, URIRef):
        return ("iri", str(value))
    if isinstance(value, Literal):
        dt = str(value.datatype) if value.datatype else None
        return ("lit", str(value), dt, value.language)
    if isinstance(value, BNode | Node):
        raise QueryError(f"?{var}: cannot bind {type(value).__name__} values")
    if isinstance(value, bool):
        return ("lit", "true" if value else "false", XSD + "boolean", None)
    if isinstance(value, int):
        return ("lit", str(value), XSD + "integer", None)
    if isinstance(value, float):
        if value != value:
            lexical = "NaN"
        elif value in (float("inf"), float("-inf")):
            lexical = "INF" if value > 0 else "-INF"
        else:
            lexical = repr(value)
        return ("lit", lexical, XSD + "double", None)
    if isinstance(value, str):
        if _IRI_VALUE.fullmatch(value):
            return ("iri", value)
        return ("lit", value, None, None)
    raise QueryError(f"?{var}: cannot bind a {type(value).__name__} value")
