"""Namespaces and the stable, readable IRIs of the data (`id/actor/north-korea`, ...)."""

from __future__ import annotations

import re
import unicodedata

from rdflib import Namespace, URIRef

SG = Namespace("https://w3id.org/stancegraph/ontology#")
ID = "https://w3id.org/stancegraph/id/"
KINDS = Namespace(ID + "kind/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

# Named graphs of the dataset: the ontology, and per document its asserted and its inferred
# triples (so one document can be added, replaced or removed on its own).
ONTOLOGY_GRAPH = URIRef(ID + "graph/ontology")
DOCUMENT_GRAPHS = ID + "graph/document/"
INFERRED_GRAPHS = ID + "graph/inferred/"

PREFIXES: dict[str, str] = {
    "sg": str(SG),
    "actor": ID + "actor/",
    "issue": ID + "issue/",
    "kind": str(KINDS),
    "doc": ID + "document/",
    "stance": ID + "stance/",
    "oa": str(OA),
    "org": str(ORG),
    "prov": "http://www.w3.org/ns/prov#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": str(SCHEMA),
    "wd": str(WD),
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


# Letters that Unicode does not decompose into a Latin letter and a mark ("Støre", "Łukasz").
_UNDECOMPOSED = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe",
                               "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th",
                               "Þ": "Th", "ð": "d", "Ð": "D", "ı": "i"})


def slugify(label: str) -> str:
    """A readable, IRI-safe slug: 'Kim Jong-un' -> 'kim-jong-un', 'U.S.' -> 'u-s'."""
    s = unicodedata.normalize("NFKD", label.translate(_UNDECOMPOSED))
    s = s.encode("ascii", "ignore").decode("ascii")
    s = s.lower().replace("'", "").replace("\u2019", "")
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def actor_iri(actor_id: str) -> URIRef:
    return URIRef(f"{ID}actor/{actor_id}")


def document_iri(doc_id: str) -> URIRef:
    return URIRef(f"{ID}document/{doc_id}")


def document_graph(doc_id: str) -> URIRef:
    """The named graph holding one document's asserted triples."""
    return URIRef(DOCUMENT_GRAPHS + doc_id)


def inferred_graph(doc_id: str) -> URIRef:
    """The named graph holding what reasoning adds for one document."""
    return URIRef(INFERRED_GRAPHS + doc_id)


def stance_iri(stance_id: str) -> URIRef:
    return URIRef(f"{ID}stance/{stance_id}")


def issue_iri(issue_id: str) -> URIRef:
    return URIRef(f"{ID}issue/{issue_id}")


def kind_iri(kind: str) -> URIRef:
    return KINDS[kind]


def id_from_iri(iri: str) -> str:
    """The slug part of a data IRI: '.../id/actor/north-korea' -> 'north-korea'."""
    for kind in ("actor/", "document/", "stance/", "issue/", "kind/"):
        marker = ID + kind
        if iri.startswith(marker):
            return iri[len(marker):]
    return iri
