"""OWL 2 RL reasoning over ontology ∪ asserted: only the new, data-level triples, checked.

Two engines compute the closure. owlrl (pure Python) is the reference: it implements every
OWL 2 RL rule and reports inconsistency itself, at about a millisecond per triple. `reasonable`
(Rust) is more than ten times faster but implements no `owl:propertyChainAxiom` (rule
prp-spo2), reports no inconsistency and returns plain literals as `xsd:string`. For it this
module applies the ontology's property chains itself, in rounds with the reasoner until
nothing is new, restores the input's literals, and checks consistency itself (disjoint and
complementary classes, disjoint properties, owl:Nothing, irreflexive and asymmetric
properties, owl:differentFrom, functional properties, malformed literals). The tests hold the
two engines to the same triples. `choose_engine` picks owlrl for small inputs.

What the closure adds is filtered down to inferences about data resources (IRIs under `id/`):
stance and actor typing, `sg:holds`, transitive `sg:affiliatedWith`, `sg:onBehalfOf`, PROV
alignments. TBox entailments about the ontology's own terms (subclass closure, `owl:Thing`
typing, axiomatic triples, triples with a literal subject) are dropped: they follow from the
ontology graph alone and would only repeat it in every inferred graph. So is anything already
in the inputs.

Inconsistency raises a one-line `ReasoningError`, as does an inferred `owl:sameAs` between two
distinct data IRIs (every actor, stance and document has one IRI, so such an identity means
an input mistake, usually a stance with two holders: `sg:holder` is functional).

Per document. The cost of one closure grows faster than linearly with the graph, so a corpus
is reasoned one document at a time, over the ontology's TBox, the registry entries the
document reaches, the document's graph and its *context*: the actor facts (types, labels,
affiliations of actors new to the registry; likewise new issues) that other documents assert
about the shared resources the document reaches, following links outwards. Stances and
documents belong to one document graph, and the rules this ontology's data triggers join a
document's facts only with facts about what they point to (a holder's affiliations, their
affiliations, ...), so the union of the per-document results equals reasoning over the whole
corpus; the tests compare the two on the development corpus and a cross-document case. (An
inverse or symmetric property between actors would need facts pointing at the reached
resources too.) `reason_documents` maps this over a corpus, in worker processes.
"""

from __future__ import annotations

import multiprocessing
import os
import warnings
import weakref
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import owlrl
from owlrl.Namespaces import ERRNS
from rdflib import OWL, RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from ..errors import ReasoningError
from ..ids import ID, PREFIXES
from ..processes import process_pool

Triple = tuple[Node, Node, Node]

ENGINES = ("owlrl", "reasonable")
# Asserted triples above which `choose_engine` picks reasonable. Measured per document
# (benchmarks/reason.py): owlrl reasons about 700 asserted triples per CPU-second, reasonable
# about 25,000. The bundled corpus (~2,200 triples) stays on the reference engine; at this
# bound owlrl takes about 7 CPU-seconds, beyond it the wait grows to minutes.
REASONABLE_ABOVE = 5_000

_INPUT_GRAPH = URIRef(ID + "graph/reasoner-input")
_CLOSURE_GRAPH = URIRef(ID + "graph/reasoner-closure")
_TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource}
# rdflib's namespace attribute lookups are slow in the per-triple loops
_SAME_AS, _NIL = OWL.sameAs, RDF.nil
_TYPE_S, _SAME_AS_S = str(RDF.type), str(OWL.sameAs)
_TRIVIAL_TYPES_S = {str(t) for t in _TRIVIAL_TYPES}
# Properties of these namespaces state axioms when a data IRI is their subject, too.
_AXIOM_NAMESPACES = (str(OWL), str(RDFS))
# rdf:type, rdfs:subClassOf, rdf:first/rest, owl:sameAs, ...: always premises; except the
# built-in annotation properties, which no rule reads unless an axiom mentions them.
_STRUCTURAL_NAMESPACES = (str(RDF), str(RDFS), str(OWL))
_ANNOTATIONS = {str(p) for p in (RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy,
                                  OWL.versionInfo)}
_MAX_REPORTED = 5  # error messages quoted in the one-line report
# Data IRIs minted per document: a document and its stances (with their evidence). Every other
# data IRI (actors, issues) may be described by several documents.
_OWN_PREFIXES = (ID + "document/", ID + "stance/")


def choose_engine(n_triples: int) -> str:
    """The engine for reasoning over `n_triples` asserted triples: owlrl while it is quick."""
    return "owlrl" if n_triples <= REASONABLE_ABOVE else "reasonable"


# ---------------------------------------------------------------------------------------------
# Public entry points
# ---------------------------------------------------------------------------------------------


def reason(
    ontology: Graph,
    asserted: Graph,
    *,
    engine: str = "owlrl",
    whole_registry: bool = False,
) -> Graph:
    """The new, non-trivial triples OWL 2 RL entails from `ontology` ∪ `asserted`.

    Raises ReasoningError when the data is inconsistent with the ontology (for example a
    resource typed both sg:State and sg:Person). With `whole_registry=False` (the default)
    only the part of the ontology the data reaches takes part; the result is the same for
    data-level inferences and much faster with a large actor registry.
    """
    premises = ontology if whole_registry else relevant_ontology(ontology, asserted)
    inputs = [*premises, *asserted]
    prepared = _prepared(ontology)
    return _to_graph(_infer(inputs, engine, prepared,
                            lambda t: t in prepared.triples or t in asserted))


def reason_document(
    ontology: Graph,
    document: Graph | Iterable[Triple],
    context: Graph | Iterable[Triple] | None = None,
    *,
    engine: str = "owlrl",
) -> Graph:
    """The inferences of one document: the filtered closure of its graph and `context`.

    `context` holds the actor facts other documents assert about resources this document
    reaches (`document_context` or `SharedFacts.context` make it). The premises are the
    ontology's TBox, the registry entries the document and its context reach, the document
    and the context; triples of any of them are left out of the result.
    """
    triples = list(dict.fromkeys([*document, *(context or ())]))
    return _to_graph(_reason_triples(_prepared(ontology), triples, engine))


def reason_documents(
    ontology: Graph,
    documents: Sequence[Graph | Iterable[Triple]],
    *,
    engine: str | None = None,
    jobs: int = 1,
) -> list[Graph]:
    """Each document's inferred graph, in the order given, over a whole corpus.

    Contexts come from the actor facts of all `documents`. `engine=None` lets
    `choose_engine` pick by the corpus size; `jobs` > 1 spreads the documents over that many
    worker processes. Raises ReasoningError for the first inconsistent document, naming it.
    """
    names = [_name(d) for d in documents]
    docs = [list(d) for d in documents]
    if engine is None:
        engine = choose_engine(sum(len(d) for d in docs))
    prepared = _prepared(ontology)
    facts = SharedFacts()
    for i, doc in enumerate(docs):
        facts.add(str(i), doc)
    corpus = _Corpus(prepared, docs, names, facts, engine)
    if jobs <= 1 or len(docs) < 2:
        results = [corpus.reason(i) for i in range(len(docs))]
    else:
        chunk = max(1, min(32, len(docs) // (jobs * 4)))
        if "fork" in multiprocessing.get_all_start_methods():
            # Forked workers inherit the corpus: a task is just its index, nothing to pickle.
            _FORKED.append(corpus)
            try:
                with process_pool(jobs) as pool:
                    results = list(pool.map(_forked_task, range(len(docs)), chunksize=chunk))
            finally:
                _FORKED.clear()
        else:
            tasks = [(doc, corpus.context(i), engine, names[i]) for i, doc in enumerate(docs)]
            with ProcessPoolExecutor(
                jobs, initializer=_init_worker, initargs=(list(ontology),)
            ) as pool:
                results = list(pool.map(_worker_task, tasks, chunksize=chunk))
    return [_to_graph(r) for r in results]


def check_consistency(ontology: Graph, asserted: Graph) -> None:
    """Raise ReasoningError if `asserted` is inconsistent with `ontology`; else return."""
    reason(ontology, asserted)


# ---------------------------------------------------------------------------------------------
# Actor facts and contexts
# ---------------------------------------------------------------------------------------------


def actor_facts(document_graph: Graph | Iterable[Triple]) -> Graph:
    """The triples of a document graph that other documents may share: those about actors
    (and issues) rather than about the document and its stances."""
    shared = Graph()
    for triple in _shared_triples(document_graph):
        shared.add(triple)
    return shared


def document_context(
    document: Graph | Iterable[Triple],
    facts_about: Callable[[Node], Iterable[Triple]],
    ontology: Graph,
) -> Graph:
    """The actor facts a document reaches: starting from the data IRIs of `document`, the
    triples `facts_about(node)` gives for each shared resource, following their objects and
    the registry's links. `facts_about` looks a resource up among the other documents' actor
    facts (a store can answer it with one pattern lookup per resource)."""
    context = Graph()
    for triple in _context(list(document), facts_about, _prepared(ontology)):
        context.add(triple)
    return context


def reaching(nodes: Iterable[Node], links_to: Callable[[Node], Iterable[Node]]) -> set[Node]:
    """`nodes` and every resource that reaches one of them by links backwards:
    `links_to(x)` gives the subjects of actor facts and registry entries whose object is x.

    A document whose graph uses one of these resources has a context that depends on the
    actor facts of `nodes`; when a document added, replaced or removed changes those facts
    (compare `actor_facts` before and after), such documents must be reasoned again."""
    found: set[Node] = set()
    frontier = list(nodes)
    while frontier:
        node = frontier.pop()
        if node in found:
            continue
        found.add(node)
        frontier.extend(s for s in links_to(node) if s not in found)
    return found


class SharedFacts:
    """The actor facts of a set of documents, by subject, remembering who asserted each."""

    def __init__(self) -> None:
        self._by_subject: dict[Node, dict[Triple, set[str]]] = defaultdict(dict)
        self._by_document: dict[str, list[Triple]] = {}

    def add(self, key: str, document_graph: Graph | Iterable[Triple]) -> None:
        """Add (or replace) the facts of the document known as `key`."""
        self.remove(key)
        mine = _shared_triples(document_graph)
        self._by_document[key] = mine
        for triple in mine:
            self._by_subject[triple[0]].setdefault(triple, set()).add(key)

    def remove(self, key: str) -> None:
        for triple in self._by_document.pop(key, ()):
            holders = self._by_subject[triple[0]]
            holders[triple].discard(key)
            if not holders[triple]:
                del holders[triple]

    def facts_about(self, node: Node) -> list[Triple]:
        return list(self._by_subject.get(node, ()))

    def documents(self) -> list[tuple[str, list[Triple]]]:
        """Each document's key and actor facts."""
        return list(self._by_document.items())

    def context(self, document: Graph | Iterable[Triple], ontology: Graph) -> Graph:
        return document_context(document, self.facts_about, ontology)


def _shared_triples(triples: Iterable[Triple]) -> list[Triple]:
    return [t for t in triples if _is_shared(t[0])]


def _context(
    document: list[Triple],
    facts_about: Callable[[Node], Iterable[Triple]],
    prepared: _Prepared,
) -> list[Triple]:
    own = set(document)
    context: list[Triple] = []
    reached: set[Node] = set()
    frontier = [n for n in _nodes(document) if _is_data(n)]
    while frontier:
        node = frontier.pop()
        if node in reached:
            continue
        reached.add(node)
        found: list[Triple] = list(prepared.entries.get(node, ()))
        if _is_shared(node):
            for triple in facts_about(node):
                found.append(triple)
                if triple not in own:
                    context.append(triple)
        frontier.extend(o for _, _, o in found if _is_data(o) and o not in reached)
    return context


def relevant_ontology(ontology: Graph, asserted: Graph) -> Graph:
    """The TBox and schemes, plus the registry entries reachable from the asserted data.

    Registry entries are the ontology's triples about data IRIs (`id/actor/...`,
    `id/kind/...`). Starting from every data IRI the asserted graph uses, links are
    followed forward (north-korea's foreign ministry -> north-korea -> ...). Registry links
    point from a body to what it belongs to, so an entry the data never reaches could only
    add, through a property's range, a type its target already has (sg:Actor); the tests
    compare the result with reasoning over the whole registry.
    """
    prepared = _prepared(ontology)
    subset = Graph()
    for triple in _relevant(prepared, _nodes(asserted)):
        subset.add(triple)
    return subset


# ---------------------------------------------------------------------------------------------
# The ontology, split once for per-document use
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Prepared:
    tbox: tuple[Triple, ...]  # triples about non-data subjects: classes, properties, axioms
    entries: dict[Node, tuple[Triple, ...]]  # registry: a data subject's triples
    triples: frozenset[Triple]
    chains: tuple[tuple[Node, tuple[Node, ...]], ...]  # property, its chain
    # Each property's super-properties (rdfs:subPropertyOf, transitively), of chain steps only.
    lifts: dict[Node, tuple[Node, ...]]


_PREPARED: dict[int, tuple[weakref.ref, int, _Prepared]] = {}


def _prepared(ontology: Graph) -> _Prepared:
    """The split ontology, computed once per ontology graph (and again if it grows)."""
    key = id(ontology)
    cached = _PREPARED.get(key)
    if cached and cached[0]() is ontology and cached[1] == len(ontology):
        return cached[2]
    prepared = _prepare(list(ontology))
    _PREPARED[key] = (weakref.ref(ontology, lambda _: _PREPARED.pop(key, None)),
                      len(ontology), prepared)
    return prepared


def _prepare(triples: list[Triple]) -> _Prepared:
    tbox: list[Triple] = []
    entries: dict[Node, list[Triple]] = defaultdict(list)
    for triple in triples:
        if _is_data(triple[0]):
            entries[triple[0]].append(triple)
        else:
            tbox.append(triple)
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    chains = tuple(
        (prop, tuple(Collection(graph, head)))
        for prop, head in sorted(graph.subject_objects(OWL.propertyChainAxiom))
    )
    steps = {step for _, chain in chains for step in chain}
    lifts = {}
    for prop in set(graph.subjects(RDFS.subPropertyOf)):
        supers = set(graph.transitive_objects(prop, RDFS.subPropertyOf)) & steps - {prop}
        if supers:
            lifts[prop] = tuple(sorted(supers))
    return _Prepared(tuple(tbox), {s: tuple(ts) for s, ts in entries.items()},
                     frozenset(triples), chains, lifts)


def _relevant(prepared: _Prepared, nodes: Iterable[Node]) -> list[Triple]:
    """The TBox and the registry entries reachable from `nodes` by the registry's links."""
    reached: set[Node] = set()
    frontier = [n for n in nodes if _is_data(n)]
    out = list(prepared.tbox)
    while frontier:
        node = frontier.pop()
        if node in reached:
            continue
        reached.add(node)
        for triple in prepared.entries.get(node, ()):
            out.append(triple)
            if _is_data(triple[2]) and triple[2] not in reached:
                frontier.append(triple[2])
    return out


# ---------------------------------------------------------------------------------------------
# Reasoning proper
# ---------------------------------------------------------------------------------------------


def _reason_triples(prepared: _Prepared, triples: list[Triple], engine: str) -> set[Triple]:
    """The filtered inferences from a document's (and its context's) triples."""
    given = set(triples)
    inputs = _relevant(prepared, _nodes(given)) + triples
    return _infer(inputs, engine, prepared,
                  lambda t: t in given or t in prepared.triples)


def _infer(
    inputs: list[Triple],
    engine: str,
    prepared: _Prepared,
    known: Callable[[Triple], bool],
) -> set[Triple]:
    if engine == "owlrl":
        closure, errors = _owlrl_closure(inputs)
        index = _Index(closure)
    elif engine == "reasonable":
        closure = _reasonable_closure(_premises(inputs), prepared)
        index = _Index(closure)
        if any(str(s) != str(o) for s, o in index.pairs(_SAME_AS)):
            # identities copy every triple, whatever its property: reason over everything
            closure = _reasonable_closure(inputs, prepared)
            index = _Index(closure)
        errors = _inconsistencies(index) + _malformed_literals(inputs)
    else:
        raise ValueError(f"unknown reasoning engine {engine!r}; one of {', '.join(ENGINES)}")
    problems = _functional_clashes(_Index(inputs)) or _identity_errors(index)
    problems += errors
    if problems:
        shown = "; ".join(problems[:_MAX_REPORTED])
        more = len(problems) - _MAX_REPORTED
        suffix = f" (and {more} more)" if more > 0 else ""
        raise ReasoningError(f"data inconsistent with the ontology: {shown}{suffix}")
    if engine == "reasonable":
        closure = _restore_literals([t for t in closure if _keep(t)], inputs)
    return {t for t in closure if _keep(t) and not known(t)}


def _owlrl_closure(inputs: list[Triple]) -> tuple[list[Triple], list[str]]:
    dataset = Dataset()
    source = dataset.graph(_INPUT_GRAPH)
    for triple in inputs:
        source.add(triple)
    closure = dataset.graph(_CLOSURE_GRAPH)
    with warnings.catch_warnings():
        # owlrl reads the dataset through rdflib's deprecated default_context, once per lookup
        warnings.simplefilter("ignore", DeprecationWarning)
        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(dataset, destination=closure)
    return list(closure), _error_messages(closure)


def _premises(inputs: list[Triple]) -> list[Triple]:
    """The inputs that can take part in an inference other than owl:sameAs copying.

    An OWL 2 RL rule matches a triple through its property or class: their own axioms
    (domain, range, sub-property, inverse, chain, functional, restriction, key, subclass,
    disjointness, ...) or the RDF/OWL vocabulary (rdf:type, owl:sameAs, lists). A triple
    whose property no axiom mentions (labels, aliases, definitions, quotes, offsets), or
    that types a resource with a class no axiom mentions, can only be copied onto what its
    subject or object is the same as; it can be left out while the closure has no
    owl:sameAs. That is most of a document graph and of the registry, and reasonable's
    cost follows its input.
    """
    mentioned: set[str] = set()
    for s, p, o in inputs:
        if not _is_data(s) or (str.startswith(p, _AXIOM_NAMESPACES)
                                and str(p) not in _ANNOTATIONS):
            mentioned.add(str(s))
            mentioned.add(str(o))
    kept = []
    for t in inputs:
        p = str(t[1])
        if p == _TYPE_S:
            if str(t[2]) in mentioned or str.startswith(t[2], _STRUCTURAL_NAMESPACES):
                kept.append(t)
        elif p in mentioned or (p.startswith(_STRUCTURAL_NAMESPACES) and p not in _ANNOTATIONS):
            kept.append(t)
    return kept


def _reasonable_closure(inputs: list[Triple], prepared: _Prepared) -> list[Triple]:
    """reasonable's closure, with property chains applied between its rounds."""
    import reasonable  # imported here: only large corpora need it

    chains = prepared.chains
    reasoner = reasonable.PyReasoner()
    # The chains the inputs satisfy through their properties or super-properties go in with
    # them: most documents then need one round instead of two, and a round costs as much as
    # the whole closure it returns.
    lifted = [(s, q, o) for s, p, o in inputs for q in prepared.lifts.get(p, ())]
    given = _Index([*inputs, *lifted])
    reasoner.from_graph([*inputs, *(t for t in _chain_inferences(given, chains)
                                    if not given.has(t))])
    closure = reasoner.reason()
    while chains:
        index = _Index(closure)
        new = [t for t in _chain_inferences(index, chains) if not index.has(t)]
        if not new:
            break
        reasoner.from_graph(new)
        closure = reasoner.reason()
    return closure


def _restore_literals(triples: list[Triple], inputs: Iterable[Triple]) -> list[Triple]:
    """reasonable returns every plain literal typed xsd:string: give back the input's own."""
    plain: dict[str, Literal] = {}
    for _, _, o in inputs:
        if type(o) is Literal and o.language is None and o.datatype in (None, XSD.string):
            if o.datatype is None or str(o) not in plain:
                plain[str(o)] = o
    return [
        (s, p, plain.get(str(o), o)) if type(o) is Literal and o.datatype == XSD.string
        else (s, p, o)
        for s, p, o in triples
    ]


def _chain_inferences(
    index: _Index, chains: tuple[tuple[Node, tuple[Node, ...]], ...]
) -> set[Triple]:
    """Rule prp-spo2: x0 p1 x1 ... x(n-1) pn xn gives x0 p xn, for each chain of the ontology."""
    found: set[Triple] = set()
    for prop, steps in chains:
        if not steps:
            continue
        for start, ends in index.links(steps[0]).items():
            current = set(ends)
            for step in steps[1:]:
                links = index.links(step)
                current = {o for x in current for o in links.get(x, ())}
                if not current:
                    break
            found.update((start, prop, end) for end in current)
    return found


class _Index:
    """Triples by property, compared as plain strings (rdflib compares its terms in Python)."""

    def __init__(self, triples: Iterable[Triple]) -> None:
        self.by_property: dict[str, list[tuple[Node, Node]]] = defaultdict(list)
        for s, p, o in triples:
            self.by_property[str(p)].append((s, o))
        self._links: dict[str, dict[Node, list[Node]]] = {}
        self._keys: dict[str, set[tuple[str, str]]] = {}

    def pairs(self, prop: Node) -> list[tuple[Node, Node]]:
        return self.by_property.get(str(prop), [])

    def links(self, prop: Node) -> dict[Node, list[Node]]:
        """Subject -> objects of `prop`."""
        key = str(prop)
        if key not in self._links:
            out: dict[Node, list[Node]] = defaultdict(list)
            for s, o in self.pairs(prop):
                out[s].append(o)
            self._links[key] = out
        return self._links[key]

    def has(self, triple: Triple) -> bool:
        key = str(triple[1])
        if key not in self._keys:
            self._keys[key] = {(_key(s), _key(o)) for s, o in self.pairs(triple[1])}
        return (_key(triple[0]), _key(triple[2])) in self._keys[key]

    def instances(self, cls: Node) -> set[str]:
        return {str(s) for s, o in self.pairs(RDF.type) if str(o) == str(cls)}


def _key(node: Node) -> str:
    return node.n3() if type(node) is not URIRef else str(node)


# ---------------------------------------------------------------------------------------------
# Consistency
# ---------------------------------------------------------------------------------------------


def _inconsistencies(index: _Index) -> list[str]:
    """What makes a closure inconsistent under OWL 2 RL, for a reasoner that does not say."""
    problems: list[str] = []
    types: dict[str, set[str]] | None = None

    def members(cls: str) -> set[str]:
        nonlocal types
        if types is None:
            types = defaultdict(set)
            for s, o in index.pairs(RDF.type):
                types[str(o)].add(str(s))
        return types.get(cls, set())

    def lists(axiom_class: Node) -> list[list[Node]]:
        first = dict(index.pairs(RDF.first))
        rest = dict(index.pairs(RDF.rest))
        axioms = index.instances(axiom_class)
        out = []
        for axiom, head in index.pairs(OWL.members):
            if str(axiom) in axioms:
                items: list[Node] = []
                while head in first and len(items) < 10_000:
                    items.append(first[head])
                    head = rest.get(head, _NIL)
                out.append(items)
        return out

    def disjoint_classes(a: Node, b: Node) -> None:
        for x in sorted(members(str(a)) & members(str(b))):
            problems.append(_shorten(f"{x} is an instance of the disjoint classes {a} and {b}"))

    def disjoint_properties(p: Node, q: Node) -> None:
        shared = {(str(s), str(o)) for s, o in index.pairs(p)}
        shared &= {(str(s), str(o)) for s, o in index.pairs(q)}
        for s, o in sorted(shared):
            problems.append(_shorten(f"{s} is linked to {o} by both {p} and {q}, "
                                     "which are disjoint properties"))

    for a, b in index.pairs(OWL.disjointWith) + index.pairs(OWL.complementOf):
        disjoint_classes(a, b)
    for p, q in index.pairs(OWL.propertyDisjointWith):
        disjoint_properties(p, q)
    if index.pairs(OWL.members):
        for listed in lists(OWL.AllDisjointClasses):
            for i, a in enumerate(listed):
                for b in listed[i + 1:]:
                    disjoint_classes(a, b)
        for listed in lists(OWL.AllDisjointProperties):
            for i, p in enumerate(listed):
                for q in listed[i + 1:]:
                    disjoint_properties(p, q)
    for x in sorted(index.instances(OWL.Nothing)):
        problems.append(_shorten(f"{x} is an instance of owl:Nothing"))
    for p in sorted(index.instances(OWL.IrreflexiveProperty)):
        for s, o in index.pairs(URIRef(p)):
            if str(s) == str(o):
                problems.append(_shorten(f"{s} is linked to itself by the irreflexive {p}"))
    for p in sorted(index.instances(OWL.AsymmetricProperty)):
        links = {(str(s), str(o)) for s, o in index.pairs(URIRef(p))}
        for s, o in sorted(links):
            if s < o and (o, s) in links:
                problems.append(_shorten(f"{s} and {o} are linked both ways by the "
                                         f"asymmetric {p}"))
    if index.pairs(OWL.differentFrom):
        same = {(str(s), str(o)) for s, o in index.pairs(_SAME_AS)}
        for s, o in index.pairs(OWL.differentFrom):
            if str(s) == str(o) or (str(s), str(o)) in same:
                problems.append(_shorten(f"{s} and {o} are declared different "
                                         "but are the same"))
    return sorted(set(problems))


def _malformed_literals(inputs: Iterable[Triple]) -> list[str]:
    return sorted({
        _shorten(f"the literal '{o}' is not a valid {o.datatype}")
        for _, _, o in inputs
        if type(o) is Literal and o.ill_typed
    })


def _error_messages(closure: Graph) -> list[str]:
    messages = []
    for report in closure.subjects(RDF.type, ERRNS.ErrorMessage):
        for text in closure.objects(report, ERRNS.error):
            messages.append(_shorten(" ".join(str(text).split())))
    return sorted(set(messages))


def _functional_clashes(index: _Index) -> list[str]:
    """Resources with two values of a functional property (a stance with two holders)."""
    clashes = []
    for prop in sorted(index.instances(OWL.FunctionalProperty)):
        values: dict[str, set[str]] = defaultdict(set)
        for s, o in index.pairs(URIRef(prop)):
            if _is_data(s):
                values[str(s)].add(str(o))
        for subject, found in sorted(values.items()):
            if len(found) > 1:
                clashes.append(_shorten(
                    f"{subject} has {len(found)} values of the functional property "
                    f"{prop}: {', '.join(sorted(found))}"))
    return clashes


def _identity_errors(index: _Index) -> list[str]:
    pairs = {
        tuple(sorted((str(s), str(o))))
        for s, o in index.pairs(_SAME_AS)
        if str(s) != str(o) and _is_data(s) and _is_data(o)
    }
    return [
        _shorten(f"{a} and {b} would be the same resource "
                 "(a functional property such as sg:holder has two values)")
        for a, b in sorted(pairs)
    ]


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _nodes(triples: Iterable[Triple]) -> Iterator[Node]:
    for s, _, o in triples:
        yield s
        yield o


def _is_data(node: Node) -> bool:
    # str.startswith: rdflib overrides it on its terms, in Python
    return type(node) is URIRef and str.startswith(node, ID)


def _is_shared(node: Node) -> bool:
    return _is_data(node) and not str.startswith(node, _OWN_PREFIXES)


def _keep(triple: Triple) -> bool:
    s, p, o = triple
    if not _is_data(s):
        # literal subjects ("generalised" triples), blank nodes, rdf:/rdfs:/owl:/xsd: and
        # ontology terms: TBox-level or trivial
        return False
    if type(o) is BNode:
        return False  # a blank node of the TBox (an axiom's list) means nothing in another graph
    if str(p) == _TYPE_S and str(o) in _TRIVIAL_TYPES_S:
        return False
    if str(p) == _SAME_AS_S and str(s) == str(o):
        return False
    return True


def _to_graph(triples: Iterable[Triple]) -> Graph:
    inferred = Graph()
    for prefix, namespace in PREFIXES.items():
        inferred.bind(prefix, namespace)
    for triple in triples:
        inferred.add(triple)
    return inferred


def _name(graph: Graph | Iterable[Triple]) -> str:
    identifier = getattr(graph, "identifier", None)
    return str(identifier) if isinstance(identifier, URIRef) else ""


def _shorten(text: str) -> str:
    """Write full IRIs in messages as prefixed names (actor:north-korea), longest first."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        text = text.replace(namespace, f"{prefix}:")
    return text


# ---------------------------------------------------------------------------------------------
# Worker processes
# ---------------------------------------------------------------------------------------------

@dataclass
class _Corpus:
    """What reasoning a corpus one document at a time needs, in one place for the workers."""

    prepared: _Prepared
    docs: list[list[Triple]]
    names: list[str]
    facts: SharedFacts
    engine: str

    def context(self, i: int) -> list[Triple]:
        return _context(self.docs[i], self.facts.facts_about, self.prepared)

    def reason(self, i: int) -> set[Triple]:
        return _document_task(self.prepared,
                              (self.docs[i], self.context(i), self.engine, self.names[i]))


_FORKED: list[_Corpus] = []
_WORKER: dict[str, _Prepared] = {}
_DocumentTask = tuple[list[Triple], list[Triple], str, str]


def _forked_task(i: int) -> set[Triple]:
    return _FORKED[0].reason(i)


def _init_worker(ontology_triples: list[Triple]) -> None:
    _WORKER["ontology"] = _prepare(ontology_triples)


def _worker_task(task: _DocumentTask) -> set[Triple]:
    return _document_task(_WORKER["ontology"], task)


def _document_task(prepared: _Prepared, task: _DocumentTask) -> set[Triple]:
    document, context, engine, name = task
    triples = document + context
    try:
        return _reason_triples(prepared, triples, engine)
    except ReasoningError as e:
        where = _shorten(name) or "a document"
        raise ReasoningError(f"{where}: {e}") from None


def default_jobs() -> int:
    """Worker processes for reasoning: one per available core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (
        os.cpu_count() or 1)


__all__ = [
    "ENGINES",
    "REASONABLE_ABOVE",
    "SharedFacts",
    "actor_facts",
    "check_consistency",
    "choose_engine",
    "default_jobs",
    "document_context",
    "reason",
    "reason_document",
    "reason_documents",
    "reaching",
    "relevant_ontology",
]
