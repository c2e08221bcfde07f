"""Incremental ingest: add, replace and remove documents in an existing store.

A new document is extracted, turned into its graph and reasoned with its context: the actor
facts (types, labels, affiliations of actors and issues new to the registry) that the other
documents in the store assert about what it reaches, looked up in the store one resource at a
time (`reason.document_context`). When the change alters those facts (a new official, a new
issue label, an actor only a removed document described), every document that reaches an
altered resource (`reason.reaching`) is reasoned again and its inferred graph replaced. The
result equals building the whole corpus again; the tests compare the two.

All reads happen first; the writes go to the store as one `Change`, which a local store
commits in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import BNode, Graph, Literal
from rdflib.term import Node

from ..errors import StancegraphError, StoreError
from ..graph.reason import actor_facts, choose_engine, document_context, reaching, reason_document
from ..graph.terms import sparql_term
from ..graph.types import retyped, settle_types, type_assertions
from ..ids import DOCUMENT_GRAPHS, ID, ONTOLOGY_GRAPH, document_graph, inferred_graph
from .changes import Change, GraphStore, Triple
from .local import LocalStore

_OWN = (ID + "document/", ID + "stance/")


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    reasoned_again: list[str] = field(default_factory=list)
    triples: int = 0  # triples written


def open_store(location: str | Path) -> GraphStore:
    """A store to change: a store folder, or a remote SPARQL store (`sparql+http://...`)."""
    from .remote import RemoteStore, is_remote

    if is_remote(str(location)):
        return RemoteStore(str(location))
    return LocalStore(location)


def add_documents(
    store: GraphStore, documents: Sequence[Graph], *, engine: str | None = None,
    ontology: Graph | None = None,
) -> IngestReport:
    """Add (or replace, by id) the documents' graphs with their inferences; reason again the
    documents whose context they change. `documents` are extraction graphs named
    `document_graph(id)`. `ontology`, when given, replaces the store's ontology graph (the
    analyst's own actors and issues added to it): the documents that reach a resource whose
    description it changes are reasoned again too."""
    new = {_doc_id(g): list(g) for g in documents}
    plan = _Plan(store, replaced=set(new), new=new, ontology=ontology)
    report = IngestReport()
    for doc_id in new:
        existed = store.has_graph(document_graph(doc_id))
        (report.replaced if existed else report.added).append(doc_id)
    return plan.finish(report, engine, removed=[])


def remove_documents(
    store: GraphStore, doc_ids: Sequence[str], *, engine: str | None = None
) -> IngestReport:
    """Drop the documents' graphs and reason again those whose context changes."""
    for doc_id in doc_ids:
        if not store.has_graph(document_graph(doc_id)):
            raise StancegraphError(f"no document '{doc_id}' in {store.location}")
    plan = _Plan(store, replaced=set(doc_ids), new={})
    report = IngestReport(removed=list(doc_ids))
    return plan.finish(report, engine, removed=list(doc_ids))


class _Plan:
    """The store as it will be: its document graphs minus `replaced`, plus `new`."""

    def __init__(self, store: GraphStore, *, replaced: set[str],
                 new: dict[str, list[Triple]], ontology: Graph | None = None) -> None:
        self.store = store
        self.replaced = {str(document_graph(d)) for d in replaced}
        self.new = self._settled(new)
        self.old = {d: store.graph_triples(document_graph(d)) for d in replaced}
        self._facts: dict[Node, list[Triple]] = {}
        self.new_facts: dict[Node, set[Triple]] = defaultdict(set)
        self.new_links: dict[Node, set[Node]] = defaultdict(set)
        for triples in self.new.values():
            for t in actor_facts(triples):
                self.new_facts[t[0]].add(t)
                self.new_links[t[2]].add(t[0])
        stored = Graph(identifier=ONTOLOGY_GRAPH)
        for t in store.graph_triples(ONTOLOGY_GRAPH):
            stored.add(t)
        if not len(stored):
            raise StoreError(f"{store.location}: no ontology graph (not a stancegraph store?)")
        self.ontology = stored
        self.new_ontology: Graph | None = None
        self.ontology_changes: set[Node] = set()
        if ontology is not None:
            changed = _without_blank_nodes(ontology) ^ _without_blank_nodes(stored)
            if changed:
                self.ontology = self.new_ontology = ontology
                self.ontology_changes = {t[0] for t in changed}
                for s, _, o in changed:
                    self.new_links[o].add(s)

    def _settled(self, new: dict[str, list[Triple]]) -> dict[str, list[Triple]]:
        """The new graphs with one type per actor new to the registry (kg.graph.types): the
        type the stored documents give it, else the one most new documents give it."""
        typed = [t for doc, triples in new.items() for t in type_assertions(doc, triples)]
        if not typed:
            return new
        settled = settle_types(typed)
        values = " ".join(sorted({sparql_term(a) for _, a, _ in typed}))
        rows = self.store.select(
            f"SELECT ?a ?t (COUNT(DISTINCT ?g) AS ?n) WHERE {{ VALUES ?a {{ {values} }} "
            f"GRAPH ?g {{ ?a a ?t }} FILTER({self._kept_documents()}) }} GROUP BY ?a ?t")
        stored: dict[Node, dict[Node, int]] = defaultdict(dict)
        for r in rows:
            stored[r["a"]][r["t"]] = int(r["n"])
        for actor, counts in stored.items():  # what the store holds stays as it is
            settled[actor] = min(counts, key=lambda c: (-counts[c], str(c)))
        if not settled:
            return new
        return {doc: list(dict.fromkeys(retyped(triples, settled)))
                for doc, triples in new.items()}

    # -- the store after the change, seen through lookups --

    def _kept_documents(self) -> str:
        """A filter on ?g: the document graphs that stay (the store's, minus replaced)."""
        test = f"STRSTARTS(STR(?g), {_string(DOCUMENT_GRAPHS)})"
        if self.replaced:
            names = ", ".join(f"<{g}>" for g in sorted(self.replaced))
            test += f" && ?g NOT IN ({names})"
        return test

    def facts_about(self, node: Node) -> list[Triple]:
        # asked again for every document reasoned: the answers do not change meanwhile
        if node not in self._facts:
            rows = self.store.select(
                f"SELECT DISTINCT ?p ?o WHERE {{ GRAPH ?g {{ {sparql_term(node)} ?p ?o }} "
                f"FILTER({self._kept_documents()}) }}")
            found = {(node, r["p"], r["o"]) for r in rows}
            self._facts[node] = list(found | self.new_facts.get(node, set()))
        return self._facts[node]

    def links_to(self, node: Node) -> set[Node]:
        """Subjects of actor facts and registry entries whose object is `node`."""
        rows = self.store.select(
            f"SELECT DISTINCT ?s WHERE {{ GRAPH ?g {{ ?s ?p {sparql_term(node)} }} "
            f"FILTER(?g = {sparql_term(ONTOLOGY_GRAPH)} || ({self._kept_documents()})) "
            f"FILTER(STRSTARTS(STR(?s), {_string(ID)}) && !STRSTARTS(STR(?s), {_string(_OWN[0])})"
            f" && !STRSTARTS(STR(?s), {_string(_OWN[1])})) }}")
        return {r["s"] for r in rows} | self.new_links.get(node, set())

    def documents_using(self, nodes: Iterable[Node]) -> set[str]:
        """Ids of the stored documents (not replaced) whose graph uses one of `nodes`."""
        nodes = sorted(nodes)
        found: set[str] = set()
        for start in range(0, len(nodes), 200):
            values = " ".join(sparql_term(n) for n in nodes[start:start + 200])
            rows = self.store.select(
                f"SELECT DISTINCT ?g WHERE {{ VALUES ?n {{ {values} }} "
                f"{{ GRAPH ?g {{ ?n ?p ?o }} }} UNION {{ GRAPH ?g {{ ?s ?p ?n }} }} "
                f"FILTER(STRSTARTS(STR(?g), {_string(DOCUMENT_GRAPHS)})) }}")
            found.update(str(r["g"]) for r in rows)
        return {g[len(DOCUMENT_GRAPHS):] for g in found - self.replaced}

    def held_elsewhere(self, triples: Iterable[Triple]) -> set[Triple]:
        """Those of `triples` that a stored document, other than the replaced ones, asserts."""
        triples = sorted(set(triples))
        held: set[Triple] = set()
        for start in range(0, len(triples), 200):
            values = " ".join(f"({' '.join(sparql_term(x) for x in t)})"
                              for t in triples[start:start + 200])
            rows = self.store.select(
                f"SELECT ?s ?p ?o ?g WHERE {{ VALUES (?s ?p ?o) {{ {values} }} "
                f"GRAPH ?g {{ ?s ?p ?o }} "
                f"FILTER(STRSTARTS(STR(?g), {_string(DOCUMENT_GRAPHS)})) }}")
            held.update((r["s"], r["p"], r["o"]) for r in rows
                        if str(r["g"]) not in self.replaced)
        return held

    # -- what changes --

    def changed_resources(self) -> set[Node]:
        """Subjects of actor facts that hold before the change and not after, or after and
        not before."""
        before = {t for triples in self.old.values() for t in actor_facts(triples)}
        after = {t for facts in self.new_facts.values() for t in facts}
        candidates = before ^ after
        if not candidates:
            return set()
        still = self.held_elsewhere(candidates)
        return {t[0] for t in candidates - still}

    def reason(self, doc_id: str, triples: list[Triple], engine: str) -> Graph:
        context = document_context(triples, self.facts_about, self.ontology)
        try:
            return reason_document(self.ontology, triples, context, engine=engine)
        except StancegraphError as exc:
            raise type(exc)(f"{doc_id}: {exc}") from None

    def finish(self, report: IngestReport, engine: str | None, removed: list[str]) -> IngestReport:
        changed = self.changed_resources() | self.ontology_changes
        again = sorted(self.documents_using(reaching(changed, self.links_to))) if changed else []
        docs = {**self.new,
                **{d: self.store.graph_triples(document_graph(d)) for d in again}}
        engine = engine or self.store.engine or choose_engine(sum(map(len, docs.values())))
        change = Change()
        # derived graphs first, the documents' own graphs last (see Change)
        for doc_id in again:
            change.put[inferred_graph(doc_id)] = list(self.reason(doc_id, docs[doc_id], engine))
        for doc_id, triples in self.new.items():
            change.put[inferred_graph(doc_id)] = list(self.reason(doc_id, triples, engine))
        for doc_id, triples in self.new.items():
            change.put[document_graph(doc_id)] = triples
        for doc_id in removed:
            change.drop += [inferred_graph(doc_id), document_graph(doc_id)]
        if self.new_ontology is not None:
            # last: a remote store interrupted before it sees the same change again next run
            change.put[ONTOLOGY_GRAPH] = list(self.new_ontology)
        self.store.apply(change)
        report.reasoned_again = again
        report.triples = sum(len(t) for t in change.put.values())
        return report


def _without_blank_nodes(graph: Graph) -> set[Triple]:
    # Blank nodes (the TBox's property-chain list) get new labels from every parse.
    return {t for t in graph if not any(isinstance(x, BNode) for x in t)}


def _doc_id(graph: Graph) -> str:
    name = str(graph.identifier)
    if not name.startswith(DOCUMENT_GRAPHS):
        raise ValueError(f"not a document graph: {name}")
    return name[len(DOCUMENT_GRAPHS):]


def _string(text: str) -> str:
    return sparql_term(Literal(text))


def write_corpus(
    location: str | Path,
    ontology: Graph,
    documents: Sequence[tuple[str, Graph, Graph]],
    *,
    reasoner: str,
    dumps: Path | None = None,
) -> None:
    """Write a whole corpus into a store folder (replacing it) or a remote store."""
    from .local import write_store
    from .remote import RemoteStore, is_remote

    if is_remote(str(location)):
        with RemoteStore(str(location)) as remote:
            remote.replace_all(ontology, documents)
        return
    write_store(location, ontology, documents, reasoner=reasoner, dumps=dumps)
