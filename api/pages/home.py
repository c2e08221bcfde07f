"""GET /: the corpus at a glance for a browser; where things are, as JSON, for a client."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from stancegraph import __version__
from stancegraph.kg.ids import id_from_iri
from stancegraph.kg.store import Store

from ..cache import cache_for
from ..deps import StoreDep
from ..negotiation import negotiate_media_type
from ..routers.stances import labels, select, select_iris
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
    top_issues: list[tuple[str, int]]  # (issue IRI, stances on it)


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
    named = labels(store, [iri for iri, _ in summary.top_holders + summary.top_issues]
                   + [d["iri"] for d in summary.latest_documents])

    def listed(counts: list[tuple[str, int]]) -> list[dict[str, Any]]:
        return [{"id": id_from_iri(iri), "label": named.get(iri), "count": n}
                for iri, n in counts]

    return negotiated(render(request, "home.html", {
        "summary": summary, "scheme": kind_scheme(store), "titles": named,
        "holders": listed(summary.top_holders), "issues": listed(summary.top_issues)}))


def corpus_summary(store: Store) -> CorpusSummary:
    """Counts over the whole store, made once for a store that cannot change."""
    cache = cache_for(store)
    return _summarise(store) if cache is None else cache.value("corpus-summary",
                                                               lambda: _summarise(store))


def _summarise(store: Store) -> CorpusSummary:
    kinds = sorted(((id_from_iri(r["kind"]), r["n"]) for r in select(store, """
SELECT ?kind (COUNT(?stance) AS ?n) WHERE { ?stance sg:kind ?kind } GROUP BY ?kind""")),
                   key=lambda kn: (-kn[1], kn[0]))
    # Every document's date (the earliest, where a document has several), in one read.
    dates: dict[str, str] = {}
    for r in select(store, """
SELECT ?doc ?date WHERE { ?doc a sg:Document . OPTIONAL { ?doc dcterms:date ?date } }"""):
        dates[r["doc"]] = min(dates.get(r["doc"]) or "~", str(r.get("date") or "~"))
    dated = sorted(((d, doc) for doc, d in dates.items() if d != "~"), reverse=True)
    latest_month = dated[0][0][:7] if dated else None
    # Every holder's count, and every target: the top holders and the actors in stances
    # come from these two index reads (a COUNT(DISTINCT) over their union costs as much again).
    holders = {r["holder"]: r["n"] for r in select(store, """
SELECT ?holder (COUNT(?stance) AS ?n) WHERE { ?stance sg:holder ?holder } GROUP BY ?holder""")}
    targets = {r[0] for r in select_iris(store, """
SELECT DISTINCT ?target WHERE { ?stance sg:towardActor ?target }""")}
    issues = {r["issue"]: r["n"] for r in select(store, """
SELECT ?issue (COUNT(?stance) AS ?n) WHERE { ?stance sg:onIssue ?issue } GROUP BY ?issue""")}
    return CorpusSummary(
        documents=len(dates), actors=len(holders.keys() | targets),
        stances=sum(n for _, n in kinds), kinds=kinds, latest_month=latest_month,
        latest_month_documents=sum(d.startswith(latest_month or "~") for d, _ in dated),
        latest_documents=[{"iri": doc, "id": id_from_iri(doc), "date": d}
                          for d, doc in dated[:TOP]],
        top_holders=_most(holders), top_issues=_most(issues))


def _most(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda xn: (-xn[1], xn[0]))[:TOP]
