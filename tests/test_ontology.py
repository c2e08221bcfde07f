"""The ontology files: they parse, describe themselves, and hold the kinds and states registry."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

from stancegraph.kg.ids import ID, SG, WD, actor_iri, kind_iri, slugify
from stancegraph.kg.records import STANCE_KINDS
from stancegraph.resources import ontology_dir, ontology_files

ONTOLOGY = URIRef("https://w3id.org/stancegraph/ontology")
KIND_CLASS = Namespace(ID + "kind-class/")

# The coarse classes the evaluation groups kinds into.
COARSE = {
    "disapprove": {"condemn", "criticize", "accuse"},
    "approve": {"support", "welcome", "agree"},
    "reject": {"oppose", "reject", "deny", "refuse", "reluctant"},
    "appeal": {"demand", "urge", "recommend", "propose"},
    "warn": {"warn", "threaten"},
    "assert": {"claim", "predict"},
    "intend": {"intend"},
}
# PLOVER does not code public statements, so these kinds have no PLOVER match.
NO_PLOVER = {"claim", "predict"}

TERM_TYPES = (
    OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
    RDFS.Datatype, OWL.NamedIndividual, SKOS.ConceptScheme,
)


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for path in ontology_files():
        graph.parse(path)
    return graph


@pytest.fixture(scope="module")
def states() -> Graph:
    return Graph().parse(ontology_dir() / "states.ttl")


def sg_terms(graph: Graph) -> set[URIRef]:
    return {
        s for t in TERM_TYPES for s in graph.subjects(RDF.type, t)
        if isinstance(s, URIRef) and str(s).startswith(str(SG))
    }


def test_the_expected_files_are_installed() -> None:
    names = {p.name for p in ontology_files()}
    assert {"stancegraph.ttl", "kinds.ttl", "states.ttl"} <= names


@pytest.mark.parametrize("path", ontology_files(), ids=lambda p: p.name)
def test_each_file_parses_with_rdflib_and_pyoxigraph(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    quads = list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(graph) > 0
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(graph)


def test_the_ontology_describes_itself(ontology: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY, OWL.versionInfo) is not None
    assert ontology.value(ONTOLOGY, DCTERMS.license) == URIRef(
        "https://www.apache.org/licenses/LICENSE-2.0")
    assert ontology.value(ONTOLOGY, DCTERMS.description) is not None
    assert ontology.value(ONTOLOGY, DCTERMS.title) is not None


def test_every_term_has_a_label_and_a_definition(ontology: Graph) -> None:
    terms = sg_terms(ontology)
    assert {SG.Actor, SG.Stance, SG.holder, SG.onBehalfOf, SG.StanceKinds, SG.Asserted} <= terms
    for term in terms:
        assert ontology.value(term, RDFS.label) is not None, term
        definition = ontology.value(term, SKOS.definition) or ontology.value(term, RDFS.comment)
        assert definition is not None, term


def test_every_sg_term_used_is_declared(ontology: Graph) -> None:
    """A misspelt term (sg:partof) in any ontology file would silently entail nothing."""
    declared = sg_terms(ontology)
    used = {p for p in ontology.predicates() if str(p).startswith(str(SG))}
    used |= {o for o in ontology.objects(None, RDF.type) if str(o).startswith(str(SG))}
    assert used <= declared, used - declared


def test_the_modelling_contract(ontology: Graph) -> None:
    expected = [
        (SG.Actor, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Agent")),
        (SG.Person, RDFS.subClassOf, URIRef("http://xmlns.com/foaf/0.1/Person")),
        (SG.Institution, RDFS.subClassOf, URIRef("http://www.w3.org/ns/org#Organization")),
        (SG.Official, RDFS.subClassOf, SG.Person),
        (SG.State, OWL.disjointWith, SG.Person),
        (SG.State, OWL.disjointWith, SG.Institution),
        (SG.Document, RDFS.subClassOf, URIRef("https://schema.org/CreativeWork")),
        (SG.holder, RDF.type, OWL.FunctionalProperty),
        (SG.holder, RDFS.subPropertyOf, SG.onBehalfOf),
        (SG.holds, OWL.inverseOf, SG.holder),
        (SG.affiliatedWith, RDF.type, OWL.TransitiveProperty),
        (SG.partOf, RDF.type, OWL.TransitiveProperty),
        (SG.partOf, RDFS.subPropertyOf, SG.affiliatedWith),
        (SG.represents, RDFS.subPropertyOf, SG.affiliatedWith),
        (SG.evidence, RDFS.range, URIRef("http://www.w3.org/ns/oa#SpecificResource")),
    ]
    for triple in expected:
        assert triple in ontology, triple
    chain = ontology.value(SG.onBehalfOf, OWL.propertyChainAxiom)
    assert list(ontology.items(chain)) == [SG.holder, SG.affiliatedWith]
    for modality in (SG.Asserted, SG.Hypothetical, SG.Conditional, SG.Predicted):
        assert (modality, RDF.type, SG.Modality) in ontology


def test_the_ontology_stays_in_owl2_rl_and_avoids_same_as(ontology: Graph) -> None:
    # existentials and unions in superclass position are outside OWL 2 RL; owl:sameAs makes
    # owlrl copy every triple of both resources
    for p in (OWL.someValuesFrom, OWL.unionOf, OWL.sameAs, OWL.oneOf, OWL.minCardinality):
        assert not list(ontology.triples((None, p, None))), p


def test_the_kind_scheme_has_every_kind(ontology: Graph) -> None:
    assert len(STANCE_KINDS) == 20
    plover = set(ontology.subjects(SKOS.inScheme, SG.PLOVER))
    cameo = set(ontology.subjects(SKOS.inScheme, SG.CAMEO))
    for kind in STANCE_KINDS:
        concept = kind_iri(kind)
        assert (concept, RDF.type, SKOS.Concept) in ontology
        assert (concept, SKOS.inScheme, SG.StanceKinds) in ontology
        assert ontology.value(concept, SKOS.notation) == Literal(kind)
        assert ontology.value(concept, SKOS.prefLabel) is not None
        assert ontology.value(concept, SKOS.definition) is not None
        broader = list(ontology.objects(concept, SKOS.broader))
        assert len(broader) == 1 and kind in COARSE[str(broader[0]).rsplit("/", 1)[1]], kind
        matches = set(ontology.objects(concept, SKOS.closeMatch))
        assert len(matches & cameo) == 1, kind
        if kind in NO_PLOVER:
            assert not matches & plover
            assert ontology.value(concept, SKOS.editorialNote) is not None
        else:
            assert len(matches & plover) == 1, kind


def test_coarse_classes_are_top_concepts_with_their_own_notation(ontology: Graph) -> None:
    for coarse in COARSE:
        concept = KIND_CLASS[coarse]
        assert (SG.StanceKinds, SKOS.hasTopConcept, concept) in ontology
        notation = ontology.value(concept, SKOS.notation)
        assert str(notation) == coarse and notation.datatype == SG.coarseKind
        assert ontology.value(concept, SKOS.definition) is not None


def test_cameo_and_plover_codes_carry_notations(ontology: Graph) -> None:
    cameo = {str(ontology.value(c, SKOS.notation)) for c in
             ontology.subjects(SKOS.inScheme, SG.CAMEO)}
    plover = {str(ontology.value(c, SKOS.notation)) for c in
              ontology.subjects(SKOS.inScheme, SG.PLOVER)}
    assert {"111", "112", "051", "120", "100", "020", "130", "138", "010", "030"} <= cameo
    assert plover == {"ACCUSE", "SUPPORT", "AGREE", "REJECT", "REQUEST", "THREATEN"}


def test_every_state_has_label_capital_and_iso_code(states: Graph) -> None:
    iris = set(states.subjects(RDF.type, SG.State))
    assert len(iris) >= 197  # 193 UN members, 2 observer states, Taiwan, Kosovo
    for state in iris:
        labels = list(states.objects(state, RDFS.label))
        assert len(labels) == 1, state
        assert str(state) == str(actor_iri(slugify(str(labels[0])))), state
        assert list(states.objects(state, SG.capital)), state
        codes = [str(c) for c in states.objects(state, SG.isoCode)]
        assert len(codes) == 1 and len(codes[0]) == 3 and codes[0].isupper(), state


def test_state_slugs_codes_and_wikidata_ids_are_unique(states: Graph) -> None:
    codes = [str(o) for o in states.objects(None, SG.isoCode)]
    qids = [str(o) for o in states.objects(None, SKOS.exactMatch)]
    assert len(codes) == len(set(codes))
    assert len(qids) == len(set(qids))
    slugs = [slugify(str(o)) for o in states.objects(None, RDFS.label)]
    assert len(slugs) == len(set(slugs))


@pytest.mark.parametrize(("slug", "qid", "code", "capital", "demonym", "alias"), [
    ("united-states", "Q30", "USA", "Washington", "American", "U.S."),
    ("china", "Q148", "CHN", "Beijing", "Chinese", "PRC"),
    ("russia", "Q159", "RUS", "Moscow", "Russian", "Russian Federation"),
    ("japan", "Q17", "JPN", "Tokyo", "Japanese", None),
    ("south-korea", "Q884", "KOR", "Seoul", "South Korean", "ROK"),
    ("north-korea", "Q423", "PRK", "Pyongyang", "North Korean", "DPRK"),
    ("united-kingdom", "Q145", "GBR", "London", "British", "Britain"),
    ("taiwan", "Q865", "TWN", "Taipei", "Taiwanese", None),
    ("kosovo", "Q1246", "XKX", "Pristina", "Kosovar", None),
    ("vatican-city", "Q237", "VAT", "Vatican City", None, "Holy See"),
    ("palestine", "Q219060", "PSE", "Ramallah", "Palestinian", "State of Palestine"),
])
def test_key_states(states: Graph, slug: str, qid: str, code: str, capital: str,
                    demonym: str | None, alias: str | None) -> None:
    state = actor_iri(slug)
    assert (state, RDF.type, SG.State) in states
    assert (state, SKOS.exactMatch, WD[qid]) in states
    assert (state, SG.isoCode, Literal(code)) in states
    assert (state, SG.capital, Literal(capital)) in states
    if demonym:
        assert (state, SG.demonym, Literal(demonym)) in states
    if alias:
        assert (state, SKOS.altLabel, Literal(alias)) in states


def test_washington_dc_is_a_capital_form(states: Graph) -> None:
    assert (actor_iri("united-states"), SG.capital, Literal("Washington, D.C.")) in states


def test_states_carry_no_ambiguous_native_words(states: Graph) -> None:
    aliases = {str(o) for o in states.objects(None, SKOS.altLabel)}
    assert not aliases & {"Island", "Thai", "Togolese", "KP", "PRK"}


def test_registry_links_point_to_described_actors(ontology: Graph) -> None:
    described = set(ontology.subjects(RDFS.label, None))
    for prop in (SG.partOf, SG.represents, SG.affiliatedWith):
        for target in ontology.objects(None, prop):
            assert target in described, (prop, target)
