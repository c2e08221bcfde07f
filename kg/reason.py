"""OWL 2 RL reasoning over ontology ∪ asserted: only the new, data-level triples, checked.

owlrl computes the closure into a separate graph. What it adds is then filtered down to
inferences about data resources (IRIs under `id/`): stance and actor typing, `sg:holds`,
transitive `sg:affiliatedWith`, `sg:onBehalfOf`, PROV alignments. TBox entailments about
the ontology's own terms (subclass closure, `owl:Thing` typing, axiomatic triples, triples
with a literal subject) are dropped: they follow from the ontology graph alone and would
only repeat it in every inferred graph.

owlrl reports inconsistency as `err:ErrorMessage` triples instead of raising; `reason` turns
them into a `ReasoningError`, as it does an inferred `owl:sameAs` between two distinct data
IRIs (every actor, stance and document has one IRI, so such an identity means an input
mistake, usually a stance with two holders: `sg:holder` is functional).

Cost: owlrl takes about a millisecond per triple, and the actor registry (every state, plus
institutions and officials) is most of the ontology. By default only the registry entries
the asserted data reaches are reasoned over (see `relevant_ontology`), which gives the same
inferences about the data as reasoning over the whole registry.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable

import owlrl
from owlrl.Namespaces import ERRNS
from rdflib import OWL, RDF, RDFS, BNode, Dataset, Graph, URIRef
from rdflib.term import Node

from .errors import ReasoningError
from .ids import ID, INFERRED_GRAPH, PREFIXES

_INPUT_GRAPH = URIRef(ID + "graph/reasoner-input")
_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource}
_MAX_REPORTED = 5  # error messages quoted in the one-line report


def reason(ontology: Graph, asserted: Graph, *, whole_registry: bool = False) -> Graph:
    """The new, non-trivial triples OWL 2 RL entails from `ontology` ∪ `asserted`.

    Raises ReasoningError when the data is inconsistent with the ontology (for example a
    resource typed both sg:State and sg:Person). With `whole_registry=False` (the default)
    only the part of the ontology the data reaches takes part; the result is the same for
    data-level inferences and much faster with a large actor registry.
    """
    premises = ontology if whole_registry else relevant_ontology(ontology, asserted)
    dataset = Dataset()
    source = dataset.graph(_INPUT_GRAPH)
    for triple in premises:
        source.add(triple)
    for triple in asserted:
        source.add(triple)
    closure = dataset.graph(INFERRED_GRAPH)
    with warnings.catch_warnings():
        # owlrl reads the dataset through rdflib's deprecated default_context, once per lookup
        warnings.simplefilter("ignore", DeprecationWarning)
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(dataset, destination=closure)

    problems = _functional_clashes(source) or _identity_errors(closure)
    problems += _error_messages(closure)
    if problems:
        shown = "; ".join(problems[:_MAX_REPORTED])
        more = len(problems) - _MAX_REPORTED
        suffix = f" (and {more} more)" if more > 0 else ""
        raise ReasoningError(f"data inconsistent with the ontology: {shown}{suffix}")

    inferred = Graph(identifier=INFERRED_GRAPH)
    for prefix, namespace in PREFIXES.items():
        inferred.bind(prefix, namespace)
    for triple in closure:
        if _keep(triple) and triple not in asserted and triple not in ontology:
            inferred.add(triple)
    return inferred


def check_consistency(ontology: Graph, asserted: Graph) -> None:
    """Raise ReasoningError if `asserted` is inconsistent with `ontology`; else return."""
    reason(ontology, asserted)


def relevant_ontology(ontology: Graph, asserted: Graph) -> Graph:
    """The TBox and schemes, plus the registry entries reachable from the asserted data.

    Registry entries are the ontology's triples about data IRIs (`id/actor/...`,
    `id/kind/...`). Starting from every data IRI the asserted graph uses, links are
    followed forward (north-korea's foreign ministry -> north-korea -> ...). Registry links
    point from a body to what it belongs to, so an entry the data never reaches could only
    add, through a property's range, a type its target already has (sg:Actor); the tests
    compare the result with reasoning over the whole registry.
    """
    reached: set[Node] = set()
    frontier = [t for t in _nodes(asserted) if _is_data(t)]
    while frontier:
        node = frontier.pop()
        if node in reached:
            continue
        reached.add(node)
        for obj in ontology.objects(node, None):
            if _is_data(obj) and obj not in reached:
                frontier.append(obj)

    subset = Graph()
    for s, p, o in ontology:
        if not _is_data(s) or s in reached:
            subset.add((s, p, o))
    return subset


def _nodes(graph: Graph) -> Iterable[Node]:
    for s, _, o in graph:
        yield s
        yield o


def _is_data(node: Node) -> bool:
    return isinstance(node, URIRef) and str(node).startswith(ID)


def _keep(triple: tuple[Node, Node, Node]) -> bool:
    s, p, o = triple
    if not _is_data(s):
        # literal subjects ("generalised" triples), blank nodes, rdf:/rdfs:/owl:/xsd: and
        # ontology terms: TBox-level or trivial
        return False
    if isinstance(o, BNode):
        return False  # a blank node of the TBox (an axiom's list) means nothing in another graph
    if p == RDF.type and o in _TRIVIAL_TYPES:
        return False
    if p == OWL.sameAs and s == o:
        return False
    return True


def _error_messages(closure: Graph) -> list[str]:
    messages = []
    for report in closure.subjects(RDF.type, ERRNS.ErrorMessage):
        for text in closure.objects(report, ERRNS.error):
            messages.append(_shorten(" ".join(str(text).split())))
    return sorted(set(messages))


def _functional_clashes(source: Graph) -> list[str]:
    """Resources with two values of a functional property (a stance with two holders)."""
    clashes = []
    for prop in sorted(source.subjects(RDF.type, OWL.FunctionalProperty)):
        subjects = sorted({s for s, _ in source.subject_objects(prop) if _is_data(s)})
        for subject in subjects:
            values = sorted({str(o) for o in source.objects(subject, prop)})
            if len(values) > 1:
                clashes.append(_shorten(
                    f"{subject} has {len(values)} values of the functional property "
                    f"{prop}: {', '.join(values)}"))
    return clashes


def _identity_errors(closure: Graph) -> list[str]:
    pairs = {
        tuple(sorted((str(s), str(o))))
        for s, o in closure.subject_objects(OWL.sameAs)
        if s != o and _is_data(s) and _is_data(o)
    }
    return [
        _shorten(f"{a} and {b} would be the same resource "
                 "(a functional property such as sg:holder has two values)")
        for a, b in sorted(pairs)
    ]


def _shorten(text: str) -> str:
    """Write full IRIs in messages as prefixed names (actor:north-korea), longest first."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        text = text.replace(namespace, f"{prefix}:")
    return text


__all__ = ["reason", "check_consistency", "relevant_ontology"]
