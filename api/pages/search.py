"""GET /search: actors, issues and documents whose names or titles contain the words asked."""

from __future__ import annotations

import json
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from stancegraph.kg.ids import id_from_iri
from stancegraph.kg.store import Store

from ..deps import StoreDep
from ..routers.actors import list_actors
from ..routers.issues import list_issues
from ..routers.stances import select
from ..tables import JSON
from .templating import render

router = APIRouter()

# Matches listed of each kind.
SHOWN = 50


@router.get("/search", include_in_schema=False)
def search_page(
    request: Request, store: StoreDep,
    q: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    words = " ".join(q.split())
    found: dict[str, Any] = {"actors": [], "issues": [], "documents": []}
    if words:
        found = {"actors": json.loads(list_actors(store, JSON, q=words).body),
                 "issues": json.loads(list_issues(store, JSON, q=words, limit=SHOWN,
                                                  offset=0).body)["items"],
                 "documents": documents_titled(store, words)}
    return render(request, "search.html", {"query": words, "found": found, "shown": SHOWN})


def documents_titled(store: Store, words: str) -> list[dict[str, Any]]:
    """Documents whose title contains `words` (case-insensitive), newest first."""
    rows = select(store, f"""
SELECT ?doc (SAMPLE(?t) AS ?title) (SAMPLE(?d) AS ?date) WHERE {{
  ?doc a sg:Document ; dcterms:title ?t . OPTIONAL {{ ?doc dcterms:date ?d }}
  FILTER(CONTAINS(LCASE(STR(?t)), LCASE({ox.Literal(words)})))
}} GROUP BY ?doc ORDER BY DESC(?date) ?doc LIMIT {SHOWN + 1}""")
    return [{"id": id_from_iri(r["doc"]), "title": r["title"], "date": r.get("date")}
            for r in rows]
