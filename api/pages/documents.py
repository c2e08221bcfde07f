"""GET /id/document/{id}: a document's page (its original text with every stance's quote
marked where its offsets put it; selecting a quote shows the stance), or its JSON, its text
or its RDF."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import PlainTextResponse, Response

from stancegraph.kg.ids import document_iri
from stancegraph.kg.store import Store

from ..deps import StoreDep
from ..models import DocumentDetail
from ..routers.documents import get_document
from ..routers.stances import MAX_PAGE, SLUG, iri_term, select
from .highlight import Span, segments
from .kinds import kind_scheme
from .linked_data import answer, describe, responses
from .templating import PageError, render

router = APIRouter(tags=["linked data"])


@router.get("/id/document/{id}", response_model=DocumentDetail, responses=responses(text=True),
            summary="A document: its page, its JSON (as GET /documents/{id}), its original "
                    "text or its RDF")
def document_resource(
    request: Request, store: StoreDep,
    id: Annotated[str, Path(pattern=SLUG, description="Document id")],
) -> Response:
    """The document as JSON (the same as GET /documents/{id}), as its original text
    (text/plain), as RDF (its own triples, the text included), or, for a browser, its page."""
    return answer(
        request,
        json=lambda: get_document(store, id, MAX_PAGE),
        text=lambda: PlainTextResponse(_text(store, id)),
        rdf=lambda media_type: _describe(store, id, media_type),
        page=lambda: render(request, "document.html", document_page(store, id)))


def document_text(store: Store, iri: str) -> str | None:
    """The original text of a document (None when the graph has none: built before documents
    carried it)."""
    rows = select(store, f"SELECT ?text WHERE {{ {iri_term(iri)} schema:text ?text }} LIMIT 1")
    return rows[0]["text"] if rows else None


def _text(store: Store, id: str) -> str:
    text = document_text(store, str(document_iri(id)))
    if text is None:
        get_document(store, id, 1)  # 404 for an unknown document
        raise HTTPException(404, f"the graph holds no text of document {id!r}; build it again")
    return text


def _describe(store: Store, id: str, media_type: str) -> Response:
    get_document(store, id, 1)  # 404 for an unknown document
    doc = iri_term(str(document_iri(id)))
    return describe(store, f"CONSTRUCT {{ {doc} ?p ?o }} WHERE {{ {doc} ?p ?o }}", media_type)


def document_page(store: Store, id: str) -> dict[str, Any]:
    """Everything the document's page shows."""
    try:
        doc = json.loads(get_document(store, id, MAX_PAGE).body)
    except HTTPException as exc:
        raise PageError(exc.status_code, exc.detail) from None
    text = document_text(store, doc["iri"])
    stances = doc["items"]
    numbers = {s["id"]: s["id"].rsplit("/", 1)[1] for s in stances}
    cut = segments(text, [Span(numbers[s["id"]], s["start"], s["end"]) for s in stances
                          if s["start"] is not None and s["end"] is not None]) if text else []
    # Where each stance's quote starts: the segment an anchor before it (q-N) goes to.
    starts: dict[int, list[str]] = {}
    seen: set[str] = set()
    for i, seg in enumerate(cut):
        for n in sorted(set(seg.spans) - seen, key=int):
            starts.setdefault(i, []).append(n)
        seen.update(seg.spans)
    return {"doc": doc, "text": text, "segments": cut, "starts": starts, "stances": stances,
            "scheme": kind_scheme(store)}
