"""Reasoning one document at a time gives what reasoning over the whole corpus gives.

The reference is owlrl over the ontology and the union of all asserted graphs. Each document
is reasoned with its context (the actor facts other documents assert about what it reaches);
the union of the results must be the reference, with either engine, on the bundled
development corpus and on a corpus built so that inferences need facts from other documents.
"""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef

from stancegraph.kg.documents import load_document
from stancegraph.kg.extract import extract
from stancegraph.kg.graph.ontology import load_ontology
from stancegraph.kg.graph.rdf import extraction_graph
from stancegraph.kg.graph.reason import SharedFacts, reason, reason_document, reason_documents
from stancegraph.kg.ids import SG, actor_iri, document_graph, document_iri, stance_iri
from stancegraph.kg.registry import Registry
from stancegraph.resources import corpus_files


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def corpus() -> list[Graph]:
    registry = Registry.default()
    return [extraction_graph(extract(load_document(p), registry)) for p in corpus_files()]


@pytest.fixture(scope="module")
def reference(ontology: Graph, corpus: list[Graph]) -> set:
    union = Graph()
    for g in corpus:
        union += g
    return set(reason(ontology, union, engine="owlrl"))


@pytest.fixture(scope="module")
def per_document(ontology: Graph, corpus: list[Graph]) -> dict[str, list[set]]:
    return {
        engine: [set(g) for g in reason_documents(ontology, corpus, engine=engine)]
        for engine in ("owlrl", "reasonable")
    }


def test_the_development_corpus_has_documents_and_inferences(
    corpus: list[Graph], reference: set
) -> None:
    assert len(corpus) >= 4
    assert len(reference) > 100
    assert any(p == SG.onBehalfOf for _, p, _ in reference)


@pytest.mark.parametrize("engine", ["owlrl", "reasonable"])
def test_per_document_union_equals_the_whole_corpus_closure(
    per_document: dict[str, list[set]], reference: set, engine: str
) -> None:
    union = set().union(*per_document[engine])
    assert union - reference == set()
    assert reference - union == set()


def test_the_engines_give_each_document_the_same_triples(
    per_document: dict[str, list[set]],
) -> None:
    assert per_document["owlrl"] == per_document["reasonable"]


def test_whole_corpus_reasonable_equals_owlrl(
    ontology: Graph, corpus: list[Graph], reference: set
) -> None:
    union = Graph()
    for g in corpus:
        union += g
    assert set(reason(ontology, union, engine="reasonable")) == reference


# ---------------------------------------------------------------------------------------------
# A corpus whose inferences cross documents
# ---------------------------------------------------------------------------------------------

ENVOY = actor_iri("test-envoy")
BUREAU = actor_iri("test-bureau")
AGENCY = actor_iri("test-agency")
GROUP = actor_iri("test-group")


def _doc(doc_id: str, holder: URIRef, describe: list[tuple]) -> Graph:
    g = Graph(identifier=document_graph(doc_id))
    d = document_iri(doc_id)
    s = stance_iri(f"{doc_id}/1")
    g.add((d, RDF.type, SG.Document))
    g.add((s, RDF.type, SG.Stance))
    g.add((s, SG.holder, holder))
    g.add((s, SG.modality, SG.Asserted))
    for triple in describe:
        g.add(triple)
    return g


def cross_document_corpus() -> list[Graph]:
    """A: the envoy's stance, the envoy typed and labelled only. B: the envoy represents the
    bureau. C: the bureau is part of the agency, which is part of North Korea's foreign
    ministry (a registry entry). D: the agency is a member of a group (not an affiliation)."""
    envoy = [(ENVOY, RDF.type, SG.Official), (ENVOY, RDFS.label, Literal("Test Envoy"))]
    return [
        _doc("cross-a", ENVOY, envoy),
        _doc("cross-b", BUREAU, envoy + [(ENVOY, SG.represents, BUREAU)]),
        _doc("cross-c", AGENCY, [
            (BUREAU, RDF.type, SG.Institution), (BUREAU, SG.partOf, AGENCY),
            (AGENCY, RDF.type, SG.Institution),
            (AGENCY, SG.partOf, actor_iri("ministry-of-foreign-affairs-of-north-korea")),
        ]),
        _doc("cross-d", GROUP, [(AGENCY, SG.memberOf, GROUP), (GROUP, RDF.type, SG.Institution)]),
    ]


@pytest.mark.parametrize("engine", ["owlrl", "reasonable"])
def test_cross_document_chains_are_inferred_in_the_document_that_holds_the_stance(
    ontology: Graph, engine: str
) -> None:
    docs = cross_document_corpus()
    union = Graph()
    for g in docs:
        union += g
    whole = set(reason(ontology, union, engine="owlrl"))
    results = reason_documents(ontology, docs, engine=engine)
    assert set().union(*(set(g) for g in results)) == whole

    stance_a = stance_iri("cross-a/1")
    for actor in (ENVOY, BUREAU, AGENCY, actor_iri("north-korea")):
        assert (stance_a, SG.onBehalfOf, actor) in results[0]
    assert (stance_a, SG.onBehalfOf, GROUP) not in results[0]  # membership is not affiliation
    # without the other documents, document A knows only that the envoy holds it
    alone = reason_document(ontology, docs[0], engine=engine)
    assert (stance_a, SG.onBehalfOf, actor_iri("north-korea")) not in alone


def test_removing_a_document_takes_its_facts_out_of_the_others_inferences(
    ontology: Graph,
) -> None:
    docs = cross_document_corpus()
    facts = SharedFacts()
    for g in docs:
        facts.add(str(g.identifier), g)
    facts.remove(str(docs[2].identifier))  # the bureau and agency links go
    inferred = reason_document(ontology, docs[0], facts.context(docs[0], ontology),
                               engine="reasonable")
    stance_a = stance_iri("cross-a/1")
    assert (stance_a, SG.onBehalfOf, BUREAU) in inferred
    assert (stance_a, SG.onBehalfOf, AGENCY) not in inferred
