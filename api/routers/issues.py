"""GET /issues and /issues/{id}: the issues stances are taken on, and who stands where."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse
from rdflib import Literal, URIRef

from stancegraph.kg.ids import id_from_iri, issue_iri

from ..cache import cache_for
from ..deps import StoreDep
from ..models import IssueDetail, IssuePage
from .stances import MAX_PAGE, NOT_FOUND, SLUG, Store, labels, ref, select, stance_page

router = APIRouter(tags=["issues"])

# The coarse classes of the stance-kind scheme, by which side of an issue they take.
_SIDE = {"approve": "for", "appeal": "for", "intend": "for",
         "disapprove": "against", "reject": "against", "warn": "against"}

_TEXT = """FILTER EXISTS { ?issue skos:prefLabel|skos:altLabel ?any .
                  FILTER(CONTAINS(LCASE(STR(?any)), LCASE(?q))) }"""


@router.get("/issues", response_model=IssuePage)
def list_issues(
    store: StoreDep,
    q: Annotated[
        str | None,
        Query(min_length=1, max_length=200,
              description="Text the label contains (case-insensitive)"),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Any:
    """Issues with how many stances and holders each has, most discussed first."""
    text = _TEXT if q is not None else ""
    echo = "?q" if q is not None else ""
    bindings = {"q": Literal(q)} if q is not None else {}
    # Issues first (DISTINCT: a new issue is described in every document that raises it).
    rows = select(store, f"""
SELECT ?issue (COUNT(DISTINCT ?stance) AS ?stances) (COUNT(DISTINCT ?holder) AS ?holders) {echo}
WHERE {{
  {{ SELECT DISTINCT ?issue WHERE {{ ?issue skos:inScheme sg:Issues }} }}
  {text}
  OPTIONAL {{ ?stance sg:onIssue ?issue ; sg:holder ?holder }}
}}
GROUP BY ?issue {echo}
ORDER BY DESC(?stances) ?issue
LIMIT {limit} OFFSET {offset}""", bindings)
    total = select(store, f"""
SELECT (COUNT(DISTINCT ?issue) AS ?total) {echo} WHERE {{
  ?issue skos:inScheme sg:Issues . {text}
}} {"GROUP BY ?q" if q is not None else ""}""", bindings)
    named = labels(store, [r["issue"] for r in rows])
    items = [{"id": id_from_iri(r["issue"]), "iri": r["issue"], "label": named.get(r["issue"]),
              "stances": r["stances"], "holders": r["holders"]} for r in rows]
    return JSONResponse({"total": total[0]["total"] if total else 0, "limit": limit,
                         "offset": offset, "items": items})


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
    # The stances on the issue with their holders and kinds; which side each kind takes
    # comes from the kind scheme, asked apart (a join per stance costs more than the rows).
    rows = select(store, """
SELECT ?issue ?stance ?holder ?kind WHERE {
  ?stance sg:onIssue ?issue . ?stance sg:holder ?holder . ?stance sg:kind ?kind .
}""", bindings)
    classes = _kind_classes(store, {r["kind"] for r in rows})
    holders: dict[str, dict] = {}
    stances: set[str] = set()
    for r in sorted(rows, key=lambda r: (r["stance"], r["holder"], r["kind"])):
        if r["stance"] in stances:
            continue
        stances.add(r["stance"])
        h = holders.setdefault(r["holder"], {"kinds": {}, "sides": set()})
        kind = id_from_iri(r["kind"])
        h["kinds"][kind] = h["kinds"].get(kind, 0) + 1
        h["sides"].update(_SIDE.get(c.rsplit("/", 1)[-1], "neutral")
                          for c in classes.get(r["kind"]) or [""])
    named = labels(store, [iri, *holders])
    positions = [
        {"holder": ref(h, named), "position": _position(v["sides"]),
         "kinds": dict(sorted(v["kinds"].items()))}
        for h, v in sorted(holders.items(), key=lambda kv: (named.get(kv[0]) or kv[0]))
    ]
    items = stance_page(store, stances, limit=limit)
    return JSONResponse({"id": id, "iri": iri, "label": named.get(iri), "stances": len(stances),
                         "holders": len(holders), "positions": positions, "items": items})


def _kind_classes(store: Store, kinds: set[str]) -> dict[str, list[str]]:
    """The broader classes of each stance kind (none: the kind is neutral)."""
    def fetch() -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for r in select(store, "SELECT ?kind ?class WHERE { ?kind skos:broader ?class }"):
            found.setdefault(r["kind"], []).append(r["class"])
        return found

    cache = cache_for(store)
    every = fetch() if cache is None else cache.value("kind-classes", fetch)
    return {k: every[k] for k in kinds if k in every}


def _position(sides: set[str]) -> str:
    taken = sides - {"neutral"}
    if not taken:
        return "neutral"
    return taken.pop() if len(taken) == 1 else "mixed"
