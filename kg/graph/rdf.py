"""Extraction records -> RDF: one named graph per document, provenance on every stance.

The shape is documented in docs/model.md. Every node has an IRI (no blank nodes), so the same
input always gives the same triples and byte-identical dumps.
"""

from __future__ import annotations

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from ..ids import (
    OA,
    SCHEMA,
    SG,
    actor_iri,
    document_graph,
    document_iri,
    issue_iri,
    kind_iri,
    stance_iri,
)
from ..records import Actor, Document, Extraction, Stance

Triple = tuple[Node, Node, Node]

CONTEXT_CHARS = 32  # length of oa:prefix / oa:suffix

MODALITY = {
    "asserted": SG.Asserted,
    "hypothetical": SG.Hypothetical,
    "conditional": SG.Conditional,
    "predicted": SG.Predicted,
}


def extraction_graph(extraction: Extraction) -> Graph:
    """The named graph of one document: its metadata, new actors and issues, and stances."""
    g = Graph(identifier=document_graph(extraction.document.id))
    for triple in extraction_triples(extraction):
        g.add(triple)
    return g


def extraction_triples(extraction: Extraction) -> list[Triple]:
    """The triples of `extraction_graph`, once each and in a stable order, without building a
    graph (the store build writes them straight out as N-Quads)."""
    doc = extraction.document
    g = _Triples()
    _document(g, doc, extraction)
    for actor in extraction.actors:
        _actor(g, actor)
    for stance in extraction.stances:
        _stance(g, stance, doc)
    return list(dict.fromkeys(g))


class _Triples(list):
    """A list the builders below fill through `add`, like a graph."""

    add = list.append


def _document(g: _Triples, doc: Document, extraction: Extraction) -> None:
    d = document_iri(doc.id)
    g.add((d, RDF.type, SG.Document))
    g.add((d, DCTERMS.identifier, Literal(doc.id)))
    if doc.title:
        g.add((d, DCTERMS.title, Literal(doc.title)))
    if doc.date:
        g.add((d, DCTERMS.date, _date(doc.date)))
    if doc.series:
        g.add((d, SG.series, Literal(doc.series)))
    if doc.number:
        g.add((d, SG.number, Literal(doc.number)))
    g.add((d, DCTERMS.extent, Literal(len(doc.text), datatype=XSD.nonNegativeInteger)))
    # The original text itself, so that every quote can be read where its offsets put it.
    g.add((d, SCHEMA.text, Literal(doc.text)))
    by_label = {a.label: a.id for a in extraction.actors}
    if doc.author and doc.author in by_label:
        g.add((d, DCTERMS.creator, actor_iri(by_label[doc.author])))
    if doc.publisher and doc.publisher in by_label:
        g.add((d, DCTERMS.publisher, actor_iri(by_label[doc.publisher])))
    for actor in extraction.actors:
        if actor.mentions:
            g.add((d, SG.mentions, actor_iri(actor.id)))


def _actor(g: _Triples, actor: Actor) -> None:
    if actor.in_registry:
        return  # described once, in the registry of the ontology graph
    a = actor_iri(actor.id)
    g.add((a, RDF.type, SG[actor.type]))
    g.add((a, RDFS.label, Literal(actor.label)))
    for alias in sorted(set(actor.aliases) - {actor.label}):
        g.add((a, SKOS.altLabel, Literal(alias)))
    if actor.wikidata:
        g.add((a, SKOS.exactMatch, URIRef(f"http://www.wikidata.org/entity/{actor.wikidata}")))
    # People represent the body they speak for; bodies are part of the larger one.
    link = SG.represents if actor.type in ("Official", "Person") else SG.partOf
    for other in actor.affiliations:
        g.add((a, link, actor_iri(other)))


def _stance(g: _Triples, stance: Stance, doc: Document) -> None:
    s = stance_iri(stance.id)
    d = document_iri(doc.id)
    g.add((s, RDF.type, SG.Stance))
    g.add((s, SG.holder, actor_iri(stance.holder)))
    g.add((s, SG.kind, kind_iri(stance.kind)))
    if stance.target_actor:
        g.add((s, SG.towardActor, actor_iri(stance.target_actor)))
    if stance.issue:
        i = issue_iri(stance.issue.id)
        g.add((s, SG.onIssue, i))
        if not stance.issue.in_scheme:
            g.add((i, RDF.type, SKOS.Concept))
            g.add((i, SKOS.prefLabel, Literal(stance.issue.label)))
            g.add((i, SKOS.inScheme, SG.Issues))
    g.add((s, SG.modality, MODALITY[stance.modality]))
    if stance.condition:
        g.add((s, SG.condition, Literal(stance.condition)))
    if stance.attributed_by:
        g.add((s, SG.attributedBy, actor_iri(stance.attributed_by)))
    g.add((s, SG.confidence, Literal(f"{stance.confidence:.2f}", datatype=XSD.decimal)))
    if doc.date:
        g.add((s, SG.date, _date(doc.date)))
    g.add((s, PROV.wasDerivedFrom, d))

    quote = stance.quote
    ev = URIRef(f"{s}/evidence")
    qs = URIRef(f"{ev}/quote")
    ps = URIRef(f"{ev}/position")
    g.add((s, SG.evidence, ev))
    g.add((ev, RDF.type, OA.SpecificResource))
    g.add((ev, OA.hasSource, d))
    g.add((ev, OA.hasSelector, qs))
    g.add((ev, OA.hasSelector, ps))
    g.add((qs, RDF.type, OA.TextQuoteSelector))
    g.add((qs, OA.exact, Literal(quote.text)))
    g.add((qs, OA.prefix, Literal(doc.text[max(0, quote.start - CONTEXT_CHARS) : quote.start])))
    g.add((qs, OA.suffix, Literal(doc.text[quote.end : quote.end + CONTEXT_CHARS])))
    g.add((ps, RDF.type, OA.TextPositionSelector))
    g.add((ps, OA.start, Literal(quote.start, datatype=XSD.nonNegativeInteger)))
    g.add((ps, OA.end, Literal(quote.end, datatype=XSD.nonNegativeInteger)))


def _date(value: str) -> Literal:
    # A full date is typed xsd:date; a partial one ("2019-12") stays a plain string.
    if len(value) == 10 and value[4] == "-" and value[7] == "-":
        return Literal(value, datatype=XSD.date)
    return Literal(value)
