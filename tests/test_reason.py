"""OWL 2 RL reasoning: each inference the design relies on, the consistency check, filtering.

Every test runs with both engines: owlrl (the reference) and reasonable, which this module
completes with property chains, literal restoring and its own consistency checks."""

from __future__ import annotations

import pytest
from rdflib import OWL, RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, PROV, SKOS

from stancegraph.kg.errors import ReasoningError
from stancegraph.kg.graph.reason import (
    ENGINES,
    REASONABLE_ABOVE,
    SharedFacts,
    actor_facts,
    check_consistency,
    choose_engine,
    document_context,
    reaching,
    reason,
    reason_document,
    reason_documents,
    relevant_ontology,
)
from stancegraph.kg.ids import ID, SG, actor_iri, document_iri, kind_iri, stance_iri
from stancegraph.resources import ontology_files

NORTH_KOREA = actor_iri("north-korea")
MOFA = actor_iri("ministry-of-foreign-affairs-of-north-korea-test")
MINISTER = actor_iri("test-foreign-minister")
STANCE = stance_iri("test-doc/1")
DOC = document_iri("test-doc")
KIND_CLASS = Namespace(ID + "kind-class/")


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    return request.param


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


def test_a_stance_holder_is_typed_actor_and_agent(ontology: Graph, engine: str) -> None:
    holder = actor_iri("someone-new")  # typed nowhere: only the range of sg:holder says what it is
    inferred = reason(ontology, stance_graph(holder), engine=engine)
    assert (holder, RDF.type, SG.Actor) in inferred
    assert (holder, RDF.type, PROV.Agent) in inferred
    assert (STANCE, RDF.type, PROV.Entity) in inferred


def test_subclass_typing_of_registry_and_new_actors(ontology: Graph, engine: str) -> None:
    inferred = reason(ontology, with_minister(with_ministry(stance_graph())), engine=engine)
    assert (MINISTER, RDF.type, SG.Person) in inferred
    assert (MINISTER, RDF.type, FOAF.Person) in inferred
    assert (MOFA, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")) in inferred
    assert (NORTH_KOREA, RDF.type, SG.Actor) in inferred  # a State in the registry


def test_holds_is_the_inverse_of_holder(ontology: Graph, engine: str) -> None:
    inferred = reason(ontology, with_ministry(stance_graph()), engine=engine)
    assert (MOFA, SG.holds, STANCE) in inferred


def test_affiliation_is_transitive(ontology: Graph, engine: str) -> None:
    inferred = reason(ontology, with_minister(with_ministry(stance_graph())), engine=engine)
    assert (MINISTER, SG.affiliatedWith, MOFA) in inferred
    assert (MINISTER, SG.affiliatedWith, NORTH_KOREA) in inferred
    assert (MOFA, SG.affiliatedWith, NORTH_KOREA) in inferred


def test_part_of_is_transitive(ontology: Graph, engine: str) -> None:
    department = actor_iri("test-department")
    g = with_ministry(stance_graph())
    g.add((department, RDF.type, SG.Institution))
    g.add((department, SG.partOf, MOFA))
    inferred = reason(ontology, g, engine=engine)
    assert (department, SG.partOf, NORTH_KOREA) in inferred
    assert (department, SG.affiliatedWith, NORTH_KOREA) in inferred


def test_a_ministry_stance_is_on_behalf_of_its_state(ontology: Graph, engine: str) -> None:
    inferred = reason(ontology, with_ministry(stance_graph()), engine=engine)
    assert (STANCE, SG.onBehalfOf, NORTH_KOREA) in inferred  # holder ∘ affiliatedWith
    assert (STANCE, SG.onBehalfOf, MOFA) in inferred  # holder ⊑ onBehalfOf


def test_an_officials_stance_is_on_behalf_of_ministry_and_state(
    ontology: Graph, engine: str
) -> None:
    inferred = reason(ontology, with_minister(with_ministry(stance_graph(MINISTER))), engine=engine)
    for actor in (MINISTER, MOFA, NORTH_KOREA):
        assert (STANCE, SG.onBehalfOf, actor) in inferred


def test_attributed_by_is_a_prov_attribution(ontology: Graph, engine: str) -> None:
    author = actor_iri("test-author")
    g = stance_graph()
    g.add((STANCE, SG.attributedBy, author))
    inferred = reason(ontology, g, engine=engine)
    assert (STANCE, PROV.wasAttributedTo, author) in inferred


def test_a_state_typed_person_is_reported_by_name(ontology: Graph, engine: str) -> None:
    g = stance_graph(NORTH_KOREA)
    g.add((NORTH_KOREA, RDF.type, SG.Person))  # the registry says sg:State
    with pytest.raises(ReasoningError) as caught:
        reason(ontology, g, engine=engine)
    message = str(caught.value)
    assert "actor:north-korea" in message
    assert "\n" not in message
    with pytest.raises(ReasoningError):
        check_consistency(ontology, g)


def test_a_stance_used_as_an_actor_is_inconsistent(ontology: Graph, engine: str) -> None:
    g = stance_graph()
    g.add((actor_iri("united-states"), SG.holder, NORTH_KOREA))  # subject typed Stance by domain
    with pytest.raises(ReasoningError, match="united-states"):
        reason(ontology, g, engine=engine)


def test_two_holders_of_one_stance_are_reported(ontology: Graph, engine: str) -> None:
    g = with_ministry(stance_graph())
    g.add((STANCE, SG.holder, actor_iri("china")))
    with pytest.raises(ReasoningError, match=r"stance:test-doc/1 has 2 values of .* sg:holder"):
        reason(ontology, g, engine=engine)


def test_consistent_data_passes(ontology: Graph) -> None:
    check_consistency(ontology, with_ministry(stance_graph()))


def test_trivial_and_known_triples_are_filtered(ontology: Graph, engine: str) -> None:
    asserted = with_ministry(stance_graph())
    inferred = reason(ontology, asserted, engine=engine)
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


def test_the_ontology_alone_is_consistent_and_adds_no_tbox_triples(
    ontology: Graph, engine: str
) -> None:
    inferred = reason(ontology, Graph(), whole_registry=True, engine=engine)
    for s, _, _ in inferred:
        assert str(s).startswith(ID)


def test_reasoning_over_the_reached_registry_equals_the_whole_registry(
    ontology: Graph, engine: str
) -> None:
    asserted = with_minister(with_ministry(stance_graph()))
    pruned = reason(ontology, asserted, engine=engine)
    whole = reason(ontology, asserted, whole_registry=True, engine=engine)
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


def test_a_malformed_typed_literal_is_reported(ontology: Graph, engine: str) -> None:
    g = stance_graph()
    g.set((STANCE, SG.confidence, Literal("very", datatype=XSD.decimal)))
    with pytest.raises(ReasoningError, match="very"):
        reason(ontology, g, engine=engine)


def test_membership_is_not_affiliation(ontology: Graph, engine: str) -> None:
    group = actor_iri("test-group-of-states")
    g = stance_graph(NORTH_KOREA)
    g.add((group, RDF.type, SG.Institution))
    g.add((NORTH_KOREA, SG.memberOf, group))
    inferred = reason(ontology, g, engine=engine)
    assert (STANCE, SG.onBehalfOf, group) not in inferred
    assert (NORTH_KOREA, SG.affiliatedWith, group) not in inferred


# ---------------------------------------------------------------------------------------------
# The two engines agree beyond this ontology: chains, literals, consistency
# ---------------------------------------------------------------------------------------------

EX = Namespace("http://example.org/test#")
DATA = Namespace(ID + "actor/")


def tiny_ontology(turtle: str) -> Graph:
    g = Graph()
    g.parse(data="@prefix ex: <http://example.org/test#> .\n"
                 "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                 "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + turtle,
            format="turtle")
    return g


def test_any_property_chain_of_the_ontology_is_applied(engine: str) -> None:
    # a three-step chain whose result feeds a second chain and a range: needs rounds
    onto = tiny_ontology("""
        ex:grandUncle owl:propertyChainAxiom ( ex:parent ex:parent ex:brother ) ;
            rdfs:range ex:Uncle .
        ex:relative owl:propertyChainAxiom ( ex:grandUncle ex:spouse ) .
        ex:parent a owl:ObjectProperty .
        ex:brother a owl:ObjectProperty .
        ex:spouse a owl:ObjectProperty .
    """)
    data = Graph()
    a, b, c, d, e = (DATA[x] for x in "abcde")
    data.add((a, EX.parent, b))
    data.add((b, EX.parent, c))
    data.add((c, EX.brother, d))
    data.add((d, EX.spouse, e))
    inferred = reason(onto, data, engine=engine)
    assert (a, EX.grandUncle, d) in inferred
    assert (d, RDF.type, EX.Uncle) in inferred
    assert (a, EX.relative, e) in inferred


def test_the_engines_agree_on_literals_and_every_triple(ontology: Graph) -> None:
    g = with_minister(with_ministry(stance_graph(MINISTER)))
    g.add((STANCE, SG.condition, Literal("if talks fail")))
    g.add((STANCE, SG.condition, Literal("si les pourparlers échouent", lang="fr")))
    by_owlrl = set(reason(ontology, g, engine="owlrl"))
    by_reasonable = set(reason(ontology, g, engine="reasonable"))
    assert by_owlrl == by_reasonable
    # no literal comes back typed xsd:string where the input had a plain one
    for _, _, o in by_reasonable:
        assert not (isinstance(o, Literal) and o.datatype == XSD.string)


@pytest.mark.parametrize("axiom, facts, named", [
    ("[] a owl:AllDisjointClasses ; owl:members ( ex:Cat ex:Dog ex:Cow ) .",
     [(DATA.rex, RDF.type, EX.Cow), (DATA.rex, RDF.type, EX.Dog)], "actor:rex"),
    ("ex:Cat owl:disjointWith ex:Dog .",
     [(DATA.rex, RDF.type, EX.Cat), (DATA.rex, RDF.type, EX.Dog)], "actor:rex"),
    ("ex:Cat owl:complementOf ex:Dog .",  # owlrl names the classes only
     [(DATA.rex, RDF.type, EX.Cat), (DATA.rex, RDF.type, EX.Dog)], "Dog"),
    ("ex:Ghost rdfs:subClassOf owl:Nothing .", [(DATA.casper, RDF.type, EX.Ghost)],
     "actor:casper"),
    ("ex:likes owl:propertyDisjointWith ex:hates .",
     [(DATA.a, EX.likes, DATA.b), (DATA.a, EX.hates, DATA.b)], "actor:a"),
    ("ex:parent a owl:IrreflexiveProperty .", [(DATA.a, EX.parent, DATA.a)], "actor:a"),
    ("ex:parent a owl:AsymmetricProperty .",
     [(DATA.a, EX.parent, DATA.b), (DATA.b, EX.parent, DATA.a)], "actor:b"),
    ("ex:id a owl:FunctionalProperty .",
     [(DATA.a, EX.id, Literal("1")), (DATA.a, EX.id, Literal("2"))], "actor:a"),
    ("ex:p a owl:ObjectProperty .",
     [(DATA.a, OWL.sameAs, DATA.b), (DATA.a, OWL.differentFrom, DATA.b)], "actor:b"),
    ("ex:p a owl:ObjectProperty .",
     [(DATA.a, EX.p, Literal("12x", datatype=XSD.integer))], "12x"),
])
def test_inconsistency_is_reported_by_both_engines(
    engine: str, axiom: str, facts: list, named: str
) -> None:
    data = Graph()
    for triple in facts:
        data.add(triple)
    with pytest.raises(ReasoningError, match=named) as caught:
        reason(tiny_ontology(axiom), data, engine=engine)
    assert "\n" not in str(caught.value)


def test_an_unknown_engine_is_refused(ontology: Graph) -> None:
    with pytest.raises(ValueError, match="unknown reasoning engine"):
        reason(ontology, stance_graph(), engine="pellet")


def test_choose_engine_uses_owlrl_for_small_inputs_only() -> None:
    assert choose_engine(0) == "owlrl"
    assert choose_engine(REASONABLE_ABOVE) == "owlrl"
    assert choose_engine(REASONABLE_ABOVE + 1) == "reasonable"


# ---------------------------------------------------------------------------------------------
# Per document: actor facts, contexts, the corpus helper
# ---------------------------------------------------------------------------------------------


def test_actor_facts_are_the_triples_about_shared_resources() -> None:
    g = with_minister(with_ministry(stance_graph()))
    issue = URIRef(ID + "issue/test-issue")
    g.add((issue, SKOS.prefLabel, Literal("a test issue")))
    facts = actor_facts(g)
    assert (MOFA, SG.partOf, NORTH_KOREA) in facts
    assert (MINISTER, SG.represents, MOFA) in facts
    assert (issue, SKOS.prefLabel, Literal("a test issue")) in facts
    assert not set(facts.subjects()) & {STANCE, DOC}


def test_a_context_follows_links_through_other_documents_and_the_registry(
    ontology: Graph,
) -> None:
    others = SharedFacts()
    others.add("b", with_minister(Graph()))  # minister -> ministry, said elsewhere
    others.add("c", with_ministry(Graph()))  # ministry -> north-korea, said elsewhere
    unrelated = Graph()
    unrelated.add((actor_iri("someone-else"), RDF.type, SG.Person))
    others.add("d", unrelated)
    context = others.context(stance_graph(MINISTER), ontology)
    assert (MINISTER, SG.represents, MOFA) in context
    assert (MOFA, SG.partOf, NORTH_KOREA) in context
    assert (actor_iri("someone-else"), RDF.type, SG.Person) not in context
    # the same through a lookup function, as a store would answer it
    lookup = document_context(stance_graph(MINISTER), others.facts_about, ontology)
    assert set(lookup) == set(context)


def test_a_removed_document_no_longer_gives_context(ontology: Graph) -> None:
    facts = SharedFacts()
    facts.add("b", with_ministry(Graph()))
    facts.add("c", with_ministry(Graph()))
    facts.remove("b")
    assert (MOFA, SG.partOf, NORTH_KOREA) in facts.context(stance_graph(), ontology)
    facts.add("c", Graph())  # replaced by a graph without the facts
    assert len(facts.context(stance_graph(), ontology)) == 0


def test_a_document_reasoned_with_its_context_gets_cross_document_inferences(
    ontology: Graph, engine: str
) -> None:
    document = stance_graph(MINISTER)
    context = with_minister(with_ministry(Graph()))
    alone = reason_document(ontology, document, engine=engine)
    assert (STANCE, SG.onBehalfOf, NORTH_KOREA) not in alone
    inferred = reason_document(ontology, document, context, engine=engine)
    assert (STANCE, SG.onBehalfOf, NORTH_KOREA) in inferred
    assert (STANCE, SG.onBehalfOf, MOFA) in inferred
    assert not set(inferred) & set(context)  # the context's own triples are not repeated


def test_reaching_walks_links_backwards() -> None:
    links = {NORTH_KOREA: [MOFA], MOFA: [MINISTER], MINISTER: []}
    assert reaching([NORTH_KOREA], lambda n: links.get(n, [])) == {NORTH_KOREA, MOFA, MINISTER}
    assert reaching([MINISTER], lambda n: links.get(n, [])) == {MINISTER}


def test_reason_documents_names_the_inconsistent_document(ontology: Graph) -> None:
    bad = stance_graph(NORTH_KOREA)
    bad.add((NORTH_KOREA, RDF.type, SG.Person))
    named = Graph(identifier=URIRef(ID + "graph/document/test-doc"))
    named += bad
    unrelated = Graph()
    unrelated.add((actor_iri("someone-else"), RDF.type, SG.Person))
    with pytest.raises(ReasoningError, match=r"test-doc: data inconsistent .*north-korea"):
        reason_documents(ontology, [unrelated, named], engine="reasonable")


def test_reason_documents_in_worker_processes_equals_in_process(ontology: Graph) -> None:
    docs = [stance_graph(MINISTER), with_minister(Graph()), with_ministry(Graph())]
    here = reason_documents(ontology, docs, engine="reasonable")
    there = reason_documents(ontology, docs, engine="reasonable", jobs=2)
    assert [set(g) for g in here] == [set(g) for g in there]
    assert (STANCE, SG.onBehalfOf, NORTH_KOREA) in here[0]
