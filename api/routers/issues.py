"""GET /issues and /issues/{id}: the issues stances are taken on, and who stands where."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse
from rdflib import Literal, URIRef

from stancegraph.kg.ids import id_from_iri, issue_iri
from stancegraph.kg.store import Store

from ..cache import cache_for
from ..deps import StoreDep
from ..models import IssueDetail, IssuePage, IssueSummary
from ..tables import JSON, RESPONSES, ListFormat, list_response
from .stances import (
    MAX_PAGE,
    NOT_FOUND,
    SLUG,
    iri_term,
    json_with_stances,
    labels,
    ref,
    select,
    select_iris,
    stance_page,
)

router = APIRouter(tags=["issues"])

# The coarse classes of the stance-kind scheme, by which side of an issue they take.
_SIDE = {"approve": "for", "appeal": "for", "intend": "for",
         "disapprove": "against", "reject": "against", "warn": "against"}

_TEXT = """FILTER EXISTS { ?issue skos:prefLabel|skos:altLabel ?any .
                  FILTER(CONTAINS(LCASE(STR(?any)), LCASE(?q))) }"""


@router.get("/issues", response_model=IssuePage, responses=RESPONSES)
def list_issues(
    store: StoreDep,
    media_type: ListFormat,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=200,
              description="Text the label contains (case-insensitive)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Any:
    """Issues with how many stances and holders each has, most discussed first."""
    bindings = {"q": Literal(q)} if q is not None else {}
    cache = cache_for(store)
    if cache is None:
        rows = _issue_counts(store, q, page=f"LIMIT {limit} OFFSET {offset}")
        total = select(store, f"""
SELECT (COUNT(DISTINCT ?issue) AS ?total) {"?q" if q is not None else ""} WHERE {{
  ?issue skos:inScheme sg:Issues . {_TEXT if q is not None else ""}
}} {"GROUP BY ?q" if q is not None else ""}""", bindings)
        count = total[0]["total"] if total else 0
    else:
        # Counting every issue's stances and holders reads every stance on an issue: an
        # unchanging store counts them once, and each request filters and pages the counts.
        rows = cache.value("issue-counts", lambda: _issue_counts(store, None))
        if q is not None:
            matching = {r["issue"] for r in select(store, f"""
SELECT DISTINCT ?issue ?q WHERE {{ ?issue skos:inScheme sg:Issues . {_TEXT} }}""", bindings)}
            rows = [r for r in rows if r["issue"] in matching]
        count, rows = len(rows), rows[offset: offset + limit]
    named = labels(store, [r["issue"] for r in rows])
    items = [{"id": id_from_iri(r["issue"]), "iri": r["issue"], "label": named.get(r["issue"]),
              "stances": r["stances"], "holders": r["holders"]} for r in rows]
    if media_type != JSON:
        return list_response(media_type, IssueSummary, items, total=count)
    return JSONResponse({"total": count, "limit": limit, "offset": offset, "items": items})


def _issue_counts(store: Store, q: str | None, page: str = "") -> list[dict[str, Any]]:
    """Issues (those whose names contain `q`) with their numbers of stances and holders,
    most discussed first, then by IRI; `page` is a LIMIT / OFFSET clause."""
    echo = "?q" if q is not None else ""
    # Issues first (DISTINCT: a new issue is described in every document that raises it).
    return select(store, f"""
SELECT ?issue (COUNT(DISTINCT ?stance) AS ?stances) (COUNT(DISTINCT ?holder) AS ?holders) {echo}
WHERE {{
  {{ SELECT DISTINCT ?issue WHERE {{ ?issue skos:inScheme sg:Issues }} }}
  {_TEXT if q is not None else ""}
  OPTIONAL {{ ?stance sg:onIssue ?issue ; sg:holder ?holder }}
}}
GROUP BY ?issue {echo}
ORDER BY DESC(?stances) ?issue
{page}""", {"q": Literal(q)} if q is not None else {})


@router.get("/issues/{id}", response_model=IssueDetail, responses=NOT_FOUND)
def get_issue(
    store: StoreDep,
    id: Annotated[str, Path(pattern=SLUG, description="Issue id")],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Most stances listed")] = 200,
) -> Any:
    """An issue: each holder's position on it (for, against, mixed, neutral) and its stances."""
    iri = str(issue_iri(id))
    bindings = {"issue": URIRef(iri)}
    known = select(store, """
SELECT ?issue WHERE { { ?issue a skos:Concept } UNION { ?s sg:onIssue ?issue } } LIMIT 1""",
                   bindings)
    if not known:
        raise HTTPException(404, f"no issue {id!r}")
    classes = _kind_classes(store)
    holders: dict[str, dict] = {}
    stances: set[str] = set()
    for stance, holder, kind_iri in _holders_and_kinds(store, iri):
        if stance in stances:
            continue
        stances.add(stance)
        h = holders.setdefault(holder, {"kinds": {}, "sides": set()})
        kind = id_from_iri(kind_iri)
        h["kinds"][kind] = h["kinds"].get(kind, 0) + 1
        h["sides"].update(_SIDE.get(c.rsplit("/", 1)[-1], "neutral")
                          for c in classes.get(kind_iri) or [""])
    named = labels(store, [iri, *holders])
    positions = [
        {"holder": ref(h, named), "position": _position(v["sides"]),
         "kinds": dict(sorted(v["kinds"].items()))}
        for h, v in sorted(holders.items(), key=lambda kv: (named.get(kv[0]) or kv[0]))
    ]
    items = stance_page(store, stances, limit=limit)
    return json_with_stances({"id": id, "iri": iri, "label": named.get(iri),
                              "stances": len(stances), "holders": len(holders),
                              "positions": positions}, items=items)


def _holders_and_kinds(store: Store, iri: str) -> list[tuple[str, str, str]]:
    """(stance, holder, kind) of every stance on the issue, in stance order.

    Joining each stance with its holder and kind costs three times as much as listing the
    stances: an unchanging store keeps each stance's holder and kind, so the join runs only
    while some stance on the issue is new to it.
    """
    issue = iri_term(iri)
    join = f"""
SELECT ?stance ?holder ?kind WHERE {{
  ?stance sg:onIssue {issue} . ?stance sg:holder ?holder . ?stance sg:kind ?kind .
}}"""
    cache = cache_for(store)
    if cache is None:
        return sorted(select_iris(store, join))
    listed = {row[0] for row in select_iris(
        store, f"SELECT ?stance WHERE {{ ?stance sg:onIssue {issue} }}")}
    known, missing = cache.facts("holder-kind", listed)
    if missing:
        rows = sorted(select_iris(store, join))
        first: dict[str, tuple[str, str]] = {}
        for stance, holder, kind in rows:
            first.setdefault(stance, (holder, kind))
        cache.add_facts("holder-kind", first)
        return rows
    return sorted((stance, *known[stance]) for stance in listed)


def _kind_classes(store: Store) -> dict[str, list[str]]:
    """The broader classes of each stance kind (none: the kind is neutral)."""
    def fetch() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for r in select(store, "SELECT ?kind ?class WHERE { ?kind skos:broader ?class }"):
            found.setdefault(r["kind"], []).append(r["class"])
        return found

    cache = cache_for(store)
    return fetch() if cache is None else cache.value("kind-classes", fetch)


def _position(sides: set[str]) -> str:
    taken = sides - {"neutral"}
    if not taken:
        return "neutral"
    return taken.pop() if len(taken) == 1 else "mixed"
