"""GET /documents and /documents/{id}: the documents the graph was built from."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Query
from rdflib import URIRef

from stancegraph.kg.ids import document_iri, id_from_iri

from ..deps import StoreDep
from ..models import DocumentDetail, DocumentPage, DocumentSummary
from .stances import (
    MAX_PAGE,
    NOT_FOUND,
    SLUG,
    StanceFilter,
    count_stances,
    find_stances,
    ref,
    select,
)

router = APIRouter(tags=["documents"])

_FIELDS = """
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?doc dcterms:creator ?author . OPTIONAL { ?author rdfs:label ?authorLabel } }
  OPTIONAL { ?doc dcterms:publisher ?publisher .
             OPTIONAL { ?publisher rdfs:label ?publisherLabel } }
  OPTIONAL { ?doc sg:series ?series }
  OPTIONAL { ?doc sg:number ?number }
  OPTIONAL { ?doc dcterms:extent ?length }
"""
_VARS = "?doc ?title ?date ?author ?authorLabel ?publisher ?publisherLabel ?series ?number ?length"


def _summary(r: dict, stances: int, model: type[DocumentSummary] = DocumentSummary, **more):
    return model(
        id=id_from_iri(r["doc"]), iri=r["doc"], title=r.get("title"), date=r.get("date"),
        author=ref(r.get("author"), r.get("authorLabel")),
        publisher=ref(r.get("publisher"), r.get("publisherLabel")),
        series=r.get("series"), number=r.get("number"), stances=stances, **more,
    )


@router.get("/documents", response_model=DocumentPage)
def list_documents(
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> DocumentPage:
    """Documents by date, then id, with how many stances each gave."""
    rows = select(store, f"""
SELECT {_VARS} ?stances WHERE {{
  {{ SELECT ?doc (COUNT(DISTINCT ?stance) AS ?stances) WHERE {{
      ?doc a sg:Document .
      OPTIONAL {{ ?stance prov:wasDerivedFrom ?doc }}
      OPTIONAL {{ ?doc dcterms:date ?d }}
    }} GROUP BY ?doc ORDER BY (MIN(?d)) ?doc LIMIT {limit} OFFSET {offset} }}
  {_FIELDS}
}}""")
    total = select(store, "SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?doc a sg:Document }")
    docs: dict[str, DocumentSummary] = {}
    for r in rows:
        docs.setdefault(r["doc"], _summary(r, r["stances"]))
    items = sorted(docs.values(), key=lambda d: (d.date or "", d.id))
    return DocumentPage(total=total[0]["n"], limit=limit, offset=offset, items=items)


@router.get("/documents/{id}", response_model=DocumentDetail, responses=NOT_FOUND)
def get_document(
    store: StoreDep,
    id: Annotated[str, Path(pattern=SLUG, description="Document id")],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Most stances listed")] = 1000,
) -> DocumentDetail:
    """A document's metadata, the actors it mentions and its stances in text order."""
    iri = str(document_iri(id))
    rows = select(store, f"""
SELECT {_VARS} WHERE {{ ?doc a sg:Document . {_FIELDS} }}""", {"doc": URIRef(iri)})
    if not rows:
        raise HTTPException(404, f"no document {id!r}")
    mentions = select(store, """
SELECT DISTINCT ?doc ?actor ?label WHERE {
  ?doc sg:mentions ?actor . OPTIONAL { ?actor rdfs:label ?label }
}""", {"doc": URIRef(iri)})
    labels: dict[str, str | None] = {}
    for m in mentions:
        labels.setdefault(m["actor"], m.get("label"))
    where = StanceFilter(doc=iri)
    stances = find_stances(store, where, limit=limit)
    stances.sort(key=lambda s: (-1 if s.start is None else s.start, s.end or 0, len(s.id), s.id))
    return _summary(
        rows[0], count_stances(store, where), DocumentDetail, length=rows[0].get("length"),
        mentions=[ref(a, label) for a, label in sorted(labels.items(),
                                                       key=lambda kv: (kv[1] or kv[0]))],
        items=stances,
    )
