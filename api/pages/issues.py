"""GET /id/issue/{id}: an issue's page (who stands where: for, against, calling for action,
with their quotes), or its JSON or RDF."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from stancegraph.kg.ids import issue_iri
from stancegraph.kg.store import Store

from ..deps import StoreDep
from ..models import IssueDetail
from ..routers.issues import get_issue
from ..routers.stances import MAX_PAGE, SLUG, iri_term
from .kinds import SIDE_TITLES, kind_scheme
from .linked_data import answer, describe, responses
from .templating import PageError, render

router = APIRouter(tags=["linked data"])

# Stances quoted on the page by default; the positions count them all.
QUOTED = 300


@router.get("/id/issue/{id}", response_model=IssueDetail, responses=responses(),
            summary="An issue: its page, its JSON (as GET /issues/{id}) or its RDF")
def issue_resource(
    request: Request, store: StoreDep,
    id: Annotated[str, Path(pattern=SLUG, description="Issue id")],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Most stances listed")] = 200,
) -> Response:
    """The issue as JSON (the same as GET /issues/{id}), as RDF (the triples it is the
    subject of), or, for a browser, its page (`limit` stances quoted, 300 by default)."""
    quoted = limit if "limit" in request.query_params else QUOTED
    return answer(
        request,
        json=lambda: get_issue(store, id, limit),
        rdf=lambda media_type: _describe(store, id, media_type),
        page=lambda: render(request, "issue.html", issue_page(store, id, quoted)))


def _describe(store: Store, id: str, media_type: str) -> Response:
    get_issue(store, id, 1)  # 404 for an unknown issue
    issue = iri_term(str(issue_iri(id)))
    return describe(store, f"CONSTRUCT {{ {issue} ?p ?o }} WHERE {{ {issue} ?p ?o }}",
                    media_type)


def issue_page(store: Store, id: str, quoted: int) -> dict[str, Any]:
    """Everything the issue's page shows: each side's holders with their quotes."""
    try:
        issue = json.loads(get_issue(store, id, quoted).body)
    except HTTPException as exc:
        raise PageError(exc.status_code, exc.detail) from None
    scheme = kind_scheme(store)
    sides: dict[str, dict[str, dict[str, Any]]] = {side: {} for side in SIDE_TITLES}
    for s in issue["items"]:
        holders = sides[scheme.side(s["kind"])]
        holders.setdefault(s["holder"]["id"], {"holder": s["holder"], "stances": []})
        holders[s["holder"]["id"]]["stances"].append(s)
    return {
        "issue": issue, "scheme": scheme, "quoted": len(issue["items"]),
        "sides": [{"side": side, "title": title,
                   "holders": sorted(sides[side].values(),
                                     key=lambda h: (-len(h["stances"]),
                                                    (h["holder"]["label"] or "").lower()))}
                  for side, title in SIDE_TITLES.items()],
    }
