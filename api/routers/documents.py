"""GET /documents and /documents/{id}: the documents the graph was built from."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse
from rdflib import URIRef

from stancegraph.kg.ids import document_iri, id_from_iri

from ..deps import StoreDep
from ..models import DocumentDetail, DocumentPage, DocumentSummary
from ..tables import JSON, RESPONSES, ListFormat, list_response
from .stances import (
    MAX_PAGE,
    NOT_FOUND,
    SLUG,
    StanceFilter,
    find_stances,
    iri_values,
    json_with_stances,
    labels,
    ref,
    select,
)

router = APIRouter(tags=["documents"])

_FIELDS = """
  OPTIONAL { ?doc dcterms:title ?title }
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?doc dcterms:creator ?author }
  OPTIONAL { ?doc dcterms:publisher ?publisher }
  OPTIONAL { ?doc sg:series ?series }
  OPTIONAL { ?doc sg:number ?number }
  OPTIONAL { ?doc dcterms:extent ?length }
"""
_VARS = "?doc ?title ?date ?author ?publisher ?series ?number ?length"


def _summary(r: dict, stances: int, named: dict[str, str], **more: Any) -> dict[str, Any]:
    """The JSON of a DocumentSummary (a DocumentDetail with `more`)."""
    return {
        "id": id_from_iri(r["doc"]), "iri": r["doc"], "title": r.get("title"),
        "date": r.get("date"), "author": ref(r.get("author"), named),
        "publisher": ref(r.get("publisher"), named), "series": r.get("series"),
        "number": r.get("number"), "stances": stances, **more,
    }


@router.get("/documents", response_model=DocumentPage, responses=RESPONSES)
def list_documents(
    store: StoreDep,
    media_type: ListFormat,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Any:
    """Documents by date, then id, with how many stances each gave."""
    # Documents with their dates (a cheap pass) ordered here, then the fields and stance
    # counts of the page's documents only: counting every document's stances scans them all.
    dates: dict[str, str] = {}
    for r in select(store, """
SELECT DISTINCT ?doc ?date WHERE { ?doc a sg:Document . OPTIONAL { ?doc dcterms:date ?date } }"""):
        dates[r["doc"]] = min(dates.get(r["doc"]) or "~", r.get("date") or "~")
    order = sorted(dates, key=lambda d: (dates[d], d))
    page = order[offset: offset + limit]
    items: list[dict[str, Any]] = []
    if page:
        rows = select(store, f"""
SELECT {_VARS} WHERE {{ VALUES ?doc {{ {iri_values(page)} }} {_FIELDS} }}""")
        counts = {r["doc"]: r["n"] for r in select(store, f"""
SELECT ?doc (COUNT(DISTINCT ?stance) AS ?n) WHERE {{
  VALUES ?doc {{ {iri_values(page)} }} ?stance prov:wasDerivedFrom ?doc
}} GROUP BY ?doc""")}
        named = labels(store, {r.get(k) for r in rows for k in ("author", "publisher")})
        found: dict[str, dict[str, Any]] = {}
        for r in rows:
            found.setdefault(r["doc"], _summary(r, counts.get(r["doc"], 0), named))
        items = [found[d] for d in page if d in found]
    if media_type != JSON:
        return list_response(media_type, DocumentSummary, items, total=len(dates))
    return JSONResponse({"total": len(dates), "limit": limit, "offset": offset,
                         "items": items})


@router.get("/documents/{id}", response_model=DocumentDetail, responses=NOT_FOUND)
def get_document(
    store: StoreDep,
    id: Annotated[str, Path(pattern=SLUG, description="Document id")],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Most stances listed")] = 1000,
) -> Any:
    """A document's metadata, the actors it mentions and its stances in text order."""
    iri = str(document_iri(id))
    rows = select(store, f"""
SELECT {_VARS} WHERE {{ ?doc a sg:Document . {_FIELDS} }}""", {"doc": URIRef(iri)})
    if not rows:
        raise HTTPException(404, f"no document {id!r}")
    mentions = sorted({m["actor"] for m in select(
        store, "SELECT DISTINCT ?doc ?actor WHERE { ?doc sg:mentions ?actor }",
        {"doc": URIRef(iri)})})
    named = labels(store, [*mentions, rows[0].get("author"), rows[0].get("publisher")])
    stances, total = find_stances(store, StanceFilter(doc=iri), limit=limit)
    stances.sort(key=lambda s: (-1 if s.start is None else s.start, s.end or 0, len(s.id), s.id))
    return json_with_stances(_summary(
        rows[0], total, named, length=rows[0].get("length"),
        mentions=sorted((ref(a, named) for a in mentions), key=lambda m: (m["label"] or m["id"])),
    ), items=stances)
