"""GET /: the corpus at a glance for a browser; where things are, as JSON, for a client."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from stancegraph import __version__
from stancegraph.kg.ids import id_from_iri
from stancegraph.kg.store import Store

from ..cache import cache_for
from ..deps import StoreDep
from ..negotiation import negotiate_media_type
from ..routers.issues import list_issues
from ..routers.stances import labels, select
from .kinds import kind_scheme
from .linked_data import HTML, JSON, negotiated
from .templating import render

router = APIRouter(tags=["service"])

_LINKS = {"docs": "/docs", "openapi": "/openapi.json", "sparql": "/sparql", "dumps": "/dumps",
          "health": "/health", "queries": "/queries"}
# Rows of each list on the home page.
TOP = 10


@dataclass(frozen=True)
class CorpusSummary:
    documents: int
    actors: int
    stances: int
    kinds: list[tuple[str, int]]  # most frequent first
    latest_month: str | None
    latest_month_documents: int
    latest_documents: list[dict[str, Any]]
    top_holders: list[tuple[str, int]]  # (actor IRI, stances held)


@router.get("/", summary="Where things are (JSON), or the home page (text/html)",
            responses={200: {"content": {HTML: {"schema": {"type": "string"}}}}})
def home(request: Request, store: StoreDep) -> Response:
    """Links to the API's parts; a browser gets the home page: the corpus at a glance and a
    search box."""
    wanted = negotiate_media_type([JSON, HTML], request.headers.get("accept"))
    if wanted != HTML:
        base = str(request.base_url).rstrip("/")
        return negotiated(JSONResponse({"name": "stancegraph", "version": __version__,
                                        **{k: base + v for k, v in _LINKS.items()}}))
    summary = corpus_summary(store)
    issues = json.loads(list_issues(store, None, TOP, 0).body)["items"]
    named = labels(store, [iri for iri, _ in summary.top_holders])
    scheme = kind_scheme(store)
    return negotiated(render(request, "home.html", {
        "summary": summary, "issues": issues, "scheme": scheme,
        "holders": [{"iri": iri, "id": id_from_iri(iri), "label": named.get(iri), "count": n}
                    for iri, n in summary.top_holders],
    }))


def corpus_summary(store: Store) -> CorpusSummary:
    """Counts over the whole store, made once for a store that cannot change."""
    cache = cache_for(store)
    return _summarise(store) if cache is None else cache.value("corpus-summary",
                                                               lambda: _summarise(store))


def _summarise(store: Store) -> CorpusSummary:
    kinds = sorted(((id_from_iri(r["kind"]), r["n"]) for r in select(store, """
SELECT ?kind (COUNT(?stance) AS ?n) WHERE { ?stance sg:kind ?kind } GROUP BY ?kind""")),
                   key=lambda kn: (-kn[1], kn[0]))
    docs = select(store, """
SELECT (COUNT(DISTINCT ?doc) AS ?n) (MAX(STR(?date)) AS ?latest) WHERE {
  ?doc a sg:Document . OPTIONAL { ?doc dcterms:date ?date }
}""")[0]
    latest_month = docs["latest"][:7] if docs.get("latest") else None
    in_month = select(store, f"""
SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE {{
  ?doc a sg:Document ; dcterms:date ?date
  FILTER(STRSTARTS(STR(?date), {ox.Literal(latest_month or "-")}))
}}""")
    latest = select(store, f"""
SELECT ?doc ?date (SAMPLE(?t) AS ?title) WHERE {{
  ?doc a sg:Document ; dcterms:date ?date . OPTIONAL {{ ?doc dcterms:title ?t }}
}} GROUP BY ?doc ?date ORDER BY DESC(?date) ?doc LIMIT {TOP}""")
    holders = select(store, f"""
SELECT ?holder (COUNT(?stance) AS ?n) WHERE {{ ?stance sg:holder ?holder }}
GROUP BY ?holder ORDER BY DESC(?n) ?holder LIMIT {TOP}""")
    actors = select(store, """
SELECT (COUNT(DISTINCT ?actor) AS ?n) WHERE {
  { ?stance sg:holder ?actor } UNION { ?stance sg:towardActor ?actor }
}""")[0]
    return CorpusSummary(
        documents=docs.get("n", 0), actors=actors.get("n", 0),
        stances=sum(n for _, n in kinds), kinds=kinds, latest_month=latest_month,
        latest_month_documents=in_month[0]["n"] if in_month else 0,
        latest_documents=[{"iri": r["doc"], "id": id_from_iri(r["doc"]),
                           "title": r.get("title"), "date": r["date"]} for r in latest],
        top_holders=[(r["holder"], r["n"]) for r in holders])
