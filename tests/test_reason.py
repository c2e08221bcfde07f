"""OWL 2 RL reasoning: each inference the design relies on, the consistency check, filtering."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, PROV, SKOS

from stancegraph.kg.errors import ReasoningError
from stancegraph.kg.ids import ID, SG, actor_iri, document_iri, kind_iri, stance_iri
from stancegraph.kg.reason import check_consistency, reason, relevant_ontology
from stancegraph.resources import ontology_files

NORTH_KOREA = actor_iri("north-korea")
MOFA = actor_iri("ministry-of-foreign-affairs-of-north-korea-test")
MINISTER = actor_iri("test-foreign-minister")
STANCE = stance_iri("test-doc/1")
DOC = document_iri("test-doc")
KIND_CLASS = Namespace(ID + "kind-class/")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for path in ontology_files():
        graph.parse(path)
    return graph


def stance_graph(holder: URIRef = MOFA) -> Graph:
    """A stance as the RDF writer emits it, held by `holder`."""
    g = Graph()
    g.add((STANCE, RDF.type, SG.Stance))
    g.add((STANCE, SG.holder, holder))
    g.add((STANCE, SG.kind, kind_iri("condemn")))
    g.add((STANCE, SG.towardActor, actor_iri("united-states")))
    g.add((STANCE, SG.modality, SG.Asserted))
    g.add((STANCE, SG.confidence, Literal("0.90", datatype=XSD.decimal)))
    g.add((STANCE, SG.date, Literal("2019-12-13", datatype=XSD.date)))
    g.add((STANCE, PROV.wasDerivedFrom, DOC))
    g.add((DOC, RDF.type, SG.Document))
    g.add((DOC, SG.mentions, NORTH_KOREA))
    return g


def with_ministry(g: Graph) -> Graph:
    g.add((MOFA, RDF.type, SG.Institution))
    g.add((MOFA, RDFS.label, Literal("Ministry of Foreign Affairs of North Korea")))
    g.add((MOFA, SG.partOf, NORTH_KOREA))
    return g


def with_minister(g: Graph) -> Graph:
    g.add((MINISTER, RDF.type, SG.Official))
    g.add((MINISTER, SG.represents, MOFA))
    return g


def test_a_stance_holder_is_typed_actor_and_agent(ontology: Graph) -> None:
    holder = actor_iri("someone-new")  # typed nowhere: only the range of sg:holder says what it is
    inferred = reason(ontology, stance_graph(holder))
    assert (holder, RDF.type, SG.Actor) in inferred
    assert (holder, RDF.type, PROV.Agent) in inferred
    assert (STANCE, RDF.type, PROV.Entity) in inferred


def test_subclass_typing_of_registry_and_new_actors(ontology: Graph) -> None:
    inferred = reason(ontology, with_minister(with_ministry(stance_graph())))
    assert (MINISTER, RDF.type, SG.Person) in inferred
    assert (MINISTER, RDF.type, FOAF.Person) in inferred
    assert (MOFA, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")) in inferred
    assert (NORTH_KOREA, RDF.type, SG.Actor) in inferred  # a State in the registry


def test_holds_is_the_inverse_of_holder(ontology: Graph) -> None:
    inferred = reason(ontology, with_ministry(stance_graph()))
    assert (MOFA, SG.holds, STANCE) in inferred


def test_affiliation_is_transitive(ontology: Graph) -> None:
    inferred = reason(ontology, with_minister(with_ministry(stance_graph())))
    assert (MINISTER, SG.affiliatedWith, MOFA) in inferred
    assert (MINISTER, SG.affiliatedWith, NORTH_KOREA) in inferred
    assert (MOFA, SG.affiliatedWith, NORTH_KOREA) in inferred


def test_part_of_is_transitive(ontology: Graph) -> None:
    department = actor_iri("test-department")
    g = with_ministry(stance_graph())
    g.add((department, RDF.type, SG.Institution))
    g.add((department, SG.partOf, MOFA))
    inferred = reason(ontology, g)
    assert (department, SG.partOf, NORTH_KOREA) in inferred
    assert (department, SG.affiliatedWith, NORTH_KOREA) in inferred


def test_a_ministry_stance_is_on_behalf_of_its_state(ontology: Graph) -> None:
    inferred = reason(ontology, with_ministry(stance_graph()))
    assert (STANCE, SG.onBehalfOf, NORTH_KOREA) in inferred  # holder ∘ affiliatedWith
    assert (STANCE, SG.onBehalfOf, MOFA) in inferred  # holder ⊑ onBehalfOf


def test_an_officials_stance_is_on_behalf_of_ministry_and_state(ontology: Graph) -> None:
    inferred = reason(ontology, with_minister(with_ministry(stance_graph(MINISTER))))
    for actor in (MINISTER, MOFA, NORTH_KOREA):
        assert (STANCE, SG.onBehalfOf, actor) in inferred


def test_attributed_by_is_a_prov_attribution(ontology: Graph) -> None:
    author = actor_iri("test-author")
    g = stance_graph()
    g.add((STANCE, SG.attributedBy, author))
    inferred = reason(ontology, g)
    assert (STANCE, PROV.wasAttributedTo, author) in inferred


def test_a_state_typed_person_is_reported_by_name(ontology: Graph) -> None:
    g = stance_graph(NORTH_KOREA)
    g.add((NORTH_KOREA, RDF.type, SG.Person))  # the registry says sg:State
    with pytest.raises(ReasoningError) as caught:
        reason(ontology, g)
    message = str(caught.value)
    assert "actor:north-korea" in message
    assert "\n" not in message
    with pytest.raises(ReasoningError):
        check_consistency(ontology, g)


def test_a_stance_used_as_an_actor_is_inconsistent(ontology: Graph) -> None:
    g = stance_graph()
    g.add((actor_iri("united-states"), SG.holder, NORTH_KOREA))  # subject typed Stance by domain
    with pytest.raises(ReasoningError, match="united-states"):
        reason(ontology, g)


def test_two_holders_of_one_stance_are_reported(ontology: Graph) -> None:
    g = with_ministry(stance_graph())
    g.add((STANCE, SG.holder, actor_iri("china")))
    with pytest.raises(ReasoningError, match=r"stance:test-doc/1 has 2 values of .* sg:holder"):
        reason(ontology, g)


def test_consistent_data_passes(ontology: Graph) -> None:
    check_consistency(ontology, with_ministry(stance_graph()))


def test_trivial_and_known_triples_are_filtered(ontology: Graph) -> None:
    asserted = with_ministry(stance_graph())
    inferred = reason(ontology, asserted)
    assert len(inferred) > 0
    for s, p, o in inferred:
        assert isinstance(s, URIRef) and str(s).startswith(ID), (s, p, o)
        assert (s, p, o) not in asserted
        assert (s, p, o) not in ontology
        assert not (p == RDF.type and o in (OWL.Thing, RDFS.Resource))
        assert not (p == OWL.sameAs and s == o)
        assert not isinstance(o, BNode)
    # nothing about the ontology's own terms (sg:, owl:, rdfs:, xsd:)
    assert not set(inferred.subjects()) & {SG.Asserted, SG.Stance, SG.holder, XSD.decimal}


def test_the_ontology_alone_is_consistent_and_adds_no_tbox_triples(ontology: Graph) -> None:
    inferred = reason(ontology, Graph(), whole_registry=True)
    for s, _, _ in inferred:
        assert str(s).startswith(ID)


def test_reasoning_over_the_reached_registry_equals_the_whole_registry(ontology: Graph) -> None:
    asserted = with_minister(with_ministry(stance_graph()))
    pruned = reason(ontology, asserted)
    whole = reason(ontology, asserted, whole_registry=True)
    reached = set(relevant_ontology(ontology, asserted).subjects()) | set(asserted.subjects())
    about_data = {t for t in whole if t[0] in reached}
    assert set(pruned) == about_data


def test_relevant_ontology_keeps_the_tbox_and_follows_links(ontology: Graph) -> None:
    asserted = with_ministry(stance_graph())
    subset = relevant_ontology(ontology, asserted)
    assert (SG.holder, RDF.type, OWL.FunctionalProperty) in subset
    assert (NORTH_KOREA, RDF.type, SG.State) in subset
    assert (kind_iri("condemn"), SKOS.broader, KIND_CLASS["disapprove"]) in subset
    japan = actor_iri("japan")
    assert (japan, RDF.type, SG.State) in ontology
    assert (japan, RDF.type, SG.State) not in subset  # the data never reaches Japan


def test_a_malformed_typed_literal_is_reported(ontology: Graph) -> None:
    g = stance_graph()
    g.set((STANCE, SG.confidence, Literal("very", datatype=XSD.decimal)))
    with pytest.raises(ReasoningError, match="very"):
        reason(ontology, g)


def test_membership_is_not_affiliation(ontology: Graph) -> None:
    group = actor_iri("test-group-of-states")
    g = stance_graph(NORTH_KOREA)
    g.add((group, RDF.type, SG.Institution))
    g.add((NORTH_KOREA, SG.memberOf, group))
    inferred = reason(ontology, g)
    assert (STANCE, SG.onBehalfOf, group) not in inferred
    assert (NORTH_KOREA, SG.affiliatedWith, group) not in inferred
