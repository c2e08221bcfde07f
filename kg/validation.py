"""The data contract, checked: a graph against the SHACL shapes of ontology/shapes/graph.ttl.

pyshacl does the checking. A dataset is checked in parts, so that memory grows with the
largest document rather than with the corpus: the ontology graph (TBox, schemes and actor
registry) once, then each document's asserted and inferred graphs together with the ontology
graph, the focus being the resources the document asserts something of (the rest of the
registry was checked with the ontology). A graph with no document graphs (a Turtle file) is
checked whole, read with an ontology graph (the installed one, when it carries none).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.graph import ReadOnlyGraphAggregate
from rdflib.namespace import SH
from rdflib.term import BNode, Node

from stancegraph import resources

from .errors import StancegraphError, StoreError
from .graph.terms import from_ox
from .ids import DOCUMENT_GRAPHS, INFERRED_GRAPHS, ONTOLOGY_GRAPH, PREFIXES

Triple = tuple[Node, Node, Node]

# Set to 1, every build checks its graph before it replaces its output (the test suite does).
VALIDATE_ENV = "STANCEGRAPH_VALIDATE"


def validation_requested(validate: bool | None) -> bool:
    """Whether a build checks its output: as asked, else as the environment says."""
    return validate if validate is not None else os.environ.get(VALIDATE_ENV) == "1"


@dataclass(frozen=True, order=True)
class Violation:
    """One result of the check: which resource, which property, what is wrong."""

    focus: str
    path: str
    message: str
    value: str = ""

    def line(self) -> str:
        """The violation as one line: `stance:doc/3 sg:holder: a stance has ...`."""
        where = f"{short(self.focus)} {short(self.path)}".strip()
        value = (f" (found {short(self.value)})" if self.value and self.value != self.focus
                 else "")
        return f"{where}: {self.message}{value}"


# What a check of a dataset yields: each part (the ontology, a document) and its violations.
Parts = Iterator[tuple[str, list[Violation]]]


def short(term: str) -> str:
    """An IRI as a prefixed name where a known prefix fits; other text as it is."""
    for prefix, ns in PREFIXES.items():
        if term.startswith(ns) and len(term) > len(ns):
            return f"{prefix}:{term[len(ns):]}"
    return term


@lru_cache(maxsize=1)
def shapes() -> Graph:
    """The shapes graph, parsed once per process."""
    return Graph().parse(resources.shapes_file(), format="turtle")


def check_graph(data: Graph, focus: Iterable[Node] | None = None) -> list[Violation]:
    """The violations of `data` (changed: pyshacl works in place), of every resource or only
    of those in `focus`."""
    import pyshacl  # a fifth of a second: only for commands that check

    nodes = None if focus is None else sorted(set(focus))
    if nodes == []:
        return []
    _, report, _ = pyshacl.validate(
        data, shacl_graph=shapes(), advanced=True, inference=None, inplace=True,
        focus_nodes=nodes)
    found = set()
    for result in report.subjects(SH.focusNode, None):
        value = report.value(result, SH.value)
        path = report.value(result, SH.resultPath)
        found.add(Violation(
            focus=str(report.value(result, SH.focusNode)),
            path=str(path) if isinstance(path, URIRef) else "",
            message=str(report.value(result, SH.resultMessage) or "violates its shape"),
            value=str(value) if value is not None else ""))
    return sorted(found)


def graph_digest(graph: Graph) -> str:
    """A hash of a graph's content, blank nodes left out (a parse names them anew)."""
    lines = sorted(" ".join(t.n3() for t in triple) for triple in graph
                   if not any(isinstance(x, BNode) for x in triple))
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


_CHECKED_ONTOLOGIES: dict[str, list[Violation]] = {}


def check_ontology(ontology: Graph) -> list[Violation]:
    """The violations of an ontology graph (TBox, schemes, registry), checked once per process
    and content: every build of one vocabulary has the same."""
    key = graph_digest(ontology)
    if key not in _CHECKED_ONTOLOGIES:
        _CHECKED_ONTOLOGIES[key] = check_graph(_copy(ontology))
    return _CHECKED_ONTOLOGIES[key]


def check_document(ontology: Graph, asserted: Iterable[Triple],
                   inferred: Iterable[Triple] = ()) -> list[Violation]:
    """The violations of one document's graphs, read with the ontology graph: the resources
    its asserted graph describes are checked (registry actors among them when it says
    something of them). Its inferred graph is read too, but its other resources are not
    checked: reasoning types there the actors other documents describe."""
    document = Graph()
    for t in asserted:
        document.add(t)
    described = set(document.subjects())
    for t in inferred:
        document.add(t)
    # read through as one graph, without copying the ontology graph for every document
    return check_graph(ReadOnlyGraphAggregate([ontology, document]), described)


class GraphSource(Protocol):
    """Where a dataset's named graphs are read from."""

    def graph_names(self) -> list[str]: ...

    def graph_triples(self, name: str | None) -> list[Triple]:
        """The triples of one named graph (None: the default graph)."""
        ...


class OxigraphGraphs:
    """The graphs of a pyoxigraph store (in memory, or a store folder opened read-only)."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_triples(self, name: str | None) -> list[Triple]:
        graph = ox.NamedNode(name) if name is not None else ox.DefaultGraph()
        return [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))
                for q in self.store.quads_for_pattern(None, None, None, graph)]


class RemoteGraphs:
    """The graphs of a remote SPARQL store: names by a query, each graph by the Graph Store
    HTTP Protocol."""

    def __init__(self, location: str) -> None:
        from .store.remote import RemoteStore

        self.remote = RemoteStore(location)

    def graph_names(self) -> list[str]:
        rows = self.remote.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(str(r["g"]) for r in rows if "g" in r)

    def graph_triples(self, name: str | None) -> list[Triple]:
        # the default graph of a stancegraph store is the union of the others: read those
        return [] if name is None else self.remote.graph_triples(URIRef(name))


def check_dataset(source: GraphSource, ontology: Graph | None = None) -> Parts:
    """(part, its violations) for each part of a dataset: its ontology graph, then each
    document (its id). A dataset without document graphs (a Turtle file, say) is one part,
    "graph", checked with the dataset's ontology graph or else with `ontology`."""
    names = source.graph_names()
    documents = sorted(n[len(DOCUMENT_GRAPHS):] for n in names if n.startswith(DOCUMENT_GRAPHS))
    if str(ONTOLOGY_GRAPH) in names:
        ontology = Graph()
        for t in source.graph_triples(str(ONTOLOGY_GRAPH)):
            ontology.add(t)
        yield "ontology", check_ontology(ontology)
    ontology = ontology if ontology is not None else Graph()
    if not documents:
        triples = [t for name in [None, *names] if name != str(ONTOLOGY_GRAPH)
                   for t in source.graph_triples(name)]
        yield "graph", check_document(ontology, triples)
        return
    for doc_id in documents:
        inferred = (source.graph_triples(INFERRED_GRAPHS + doc_id)
                    if INFERRED_GRAPHS + doc_id in names else [])
        yield doc_id, check_document(ontology, source.graph_triples(DOCUMENT_GRAPHS + doc_id),
                                     inferred)


def check_corpus(ontology: Graph,
                 documents: Iterable[tuple[str, Iterable[Triple], Iterable[Triple]]]) -> Parts:
    """Like `check_dataset`, for a corpus in memory: (id, asserted, inferred) a document."""
    yield "ontology", check_ontology(ontology)
    for doc_id, asserted, inferred in documents:
        yield doc_id, check_document(ontology, asserted, inferred)


def check_staged_store(directory: Path) -> None:
    """Check the pyoxigraph store a build is about to put in place; raise StancegraphError
    naming the first violation (and how many there are) if it breaks the contract."""
    store = ox.Store.read_only(str(directory))
    try:
        raise_on_violations(check_dataset(OxigraphGraphs(store)))
    finally:
        del store


def raise_on_violations(parts: Iterable[tuple[str, list[Violation]]]) -> None:
    """Raise StancegraphError for the first part with violations."""
    for part, violations in parts:
        if violations:
            more = f" (and {len(violations) - 1} more)" if len(violations) > 1 else ""
            raise StancegraphError(f"the graph breaks the data contract in {part}: "
                                   f"{violations[0].line()}{more}")


def open_file(path: Path) -> ox.Store:
    """An RDF file (Turtle, TriG, N-Triples, N-Quads, JSON-LD, RDF/XML) in an in-memory
    store; a file that cannot be read raises StoreError naming its line."""
    from .store.workers import rdf_format_of

    if not path.is_file():
        raise StoreError(f"{path}: no such file")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=rdf_format_of(path))
    except SyntaxError as exc:
        raise StoreError(f"{path}: not valid RDF ({' '.join(str(exc).split())})") from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{path}: cannot be read ({exc})") from None
    return store


def _copy(graph: Graph) -> Graph:
    out = Graph()
    out += graph
    return out
