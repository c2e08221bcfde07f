"""GET /stances (filtered, paginated) and GET /stances/{doc}/{n}, plus the stance look-up the
other resource routes share.

Every look-up is a SPARQL query with fixed text: which filter patterns take part depends only
on which filters were given, and each filter's value is substituted for its variable by the
store (never pasted into the text). A page is chosen in a sub-select over the cheap filter
patterns first, so the details (labels, evidence) are fetched for that page only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query
from rdflib import URIRef

from stancegraph.kg.errors import QueryError, QueryTimeout
from stancegraph.kg.ids import ID, document_iri, id_from_iri, issue_iri, kind_iri, stance_iri
from stancegraph.kg.records import STANCE_KINDS
from stancegraph.kg.store import Store

from ..deps import StoreDep
from ..models import Problem, Ref, Stance, StanceDetail, StancePage

router = APIRouter(tags=["stances"])

SLUG = r"^[A-Za-z0-9][A-Za-z0-9._~-]*$"
MAX_PAGE = 1000
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": Problem}}

PREFIXES = """\
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""

# Labels and evidence of ?stance; ?holder, ?kind and ?doc are bound before this runs.
_DETAILS = """
  OPTIONAL { ?holder rdfs:label ?holderLabel }
  OPTIONAL { ?stance sg:towardActor ?target . OPTIONAL { ?target rdfs:label ?targetLabel } }
  OPTIONAL { ?stance sg:onIssue ?issue . OPTIONAL { ?issue skos:prefLabel ?issueLabel } }
  OPTIONAL { ?doc dcterms:title ?docTitle }
  OPTIONAL { ?stance sg:modality ?modality }
  OPTIONAL { ?stance sg:condition ?condition }
  OPTIONAL { ?stance sg:confidence ?confidence }
  OPTIONAL { ?stance sg:date ?date }
  OPTIONAL { ?stance sg:attributedBy ?by . OPTIONAL { ?by rdfs:label ?byLabel } }
  OPTIONAL {
    ?stance sg:evidence ?evidence .
    ?evidence oa:hasSelector ?quoteSelector, ?positionSelector .
    ?quoteSelector oa:exact ?quote .
    ?positionSelector oa:start ?start ; oa:end ?end .
  }
"""
_DETAIL_VARS = ("?stance ?holder ?kind ?doc ?holderLabel ?target ?targetLabel ?issue ?issueLabel "
                "?docTitle ?modality ?condition ?confidence ?date ?by ?byLabel ?quote ?start ?end")

# Filter patterns, by the variable a caller's value is substituted for.
_FILTER_PATTERNS = {
    "target": "?stance sg:towardActor ?target .",
    "issue": "?stance sg:onIssue ?issue .",
    "behalf": "?stance sg:onBehalfOf ?behalf . FILTER(?behalf != ?holder)",
}
_ALWAYS = "?stance sg:holder ?holder ; sg:kind ?kind ; prov:wasDerivedFrom ?doc ."
_ORDER = "?doc STRLEN(STR(?stance)) ?stance"  # documents, then stances in number order


@dataclass(frozen=True)
class StanceFilter:
    """Which stances: each field is an IRI the stance must have in that role, or None."""

    holder: str | None = None
    target: str | None = None
    issue: str | None = None
    kind: str | None = None
    doc: str | None = None
    behalf: str | None = None  # on behalf of this actor, held by another

    def bindings(self) -> dict[str, URIRef]:
        return {k: URIRef(v) for k, v in self.__dict__.items() if v is not None}

    def pattern(self) -> str:
        extra = [p for k, p in _FILTER_PATTERNS.items() if getattr(self, k) is not None]
        return "\n    ".join([_ALWAYS, *extra])


def select(store: Store, query: str, bindings: Mapping[str, Any] | None = None) -> list[dict]:
    """Run one of the routes' own queries; a timeout is a 503, anything else a real fault."""
    try:
        return store.select(PREFIXES + query, bindings).rows
    except QueryTimeout as exc:
        raise HTTPException(503, f"the look-up took too long: {exc}") from None
    except QueryError as exc:  # the routes' queries are fixed text: this is a bug
        raise RuntimeError(f"route query failed: {exc}") from exc


def find_stances(store: Store, where: StanceFilter, *, limit: int, offset: int = 0) -> list[Stance]:
    """One page of the stances matching `where`, in document and number order."""
    given = " ".join(f"?{k}" for k in where.bindings() if k in _FILTER_PATTERNS)
    behalf = "?behalf" if where.behalf else ""  # the other filter variables are detail columns
    query = f"""
SELECT {_DETAIL_VARS} {behalf} WHERE {{
  {{ SELECT DISTINCT ?stance ?holder ?kind ?doc {given} WHERE {{
    {where.pattern()}
  }} ORDER BY {_ORDER} LIMIT {int(limit)} OFFSET {int(offset)} }}
  {_DETAILS}
}}"""
    rows = select(store, query, where.bindings())
    return sorted(stances_from_rows(rows, Stance).values(), key=_order_key)


def count_stances(store: Store, where: StanceFilter) -> int:
    bindings = where.bindings()
    # A substituted variable must be projected, so it is grouped by (one group: it is fixed).
    given = " ".join(f"?{k}" for k in bindings)
    group = f"GROUP BY {given}" if given else ""
    query = f"""
SELECT {given} (COUNT(DISTINCT ?stance) AS ?total) WHERE {{
    {where.pattern()}
}} {group}"""
    rows = select(store, query, bindings)
    return int(rows[0]["total"]) if rows else 0


def stances_from_rows(rows: Iterable[Mapping[str, Any]], model: type[Stance]) -> dict[str, Any]:
    """Stance models by IRI; when a value comes in several rows (labels), the first wins."""
    out: dict[str, Any] = {}
    for r in rows:
        if r["stance"] in out:
            continue
        out[r["stance"]] = model(
            id=id_from_iri(r["stance"]),
            iri=r["stance"],
            document=ref(r["doc"], r.get("docTitle")),
            holder=ref(r["holder"], r.get("holderLabel")),
            kind=id_from_iri(r["kind"]),
            target=ref(r.get("target"), r.get("targetLabel")),
            issue=ref(r.get("issue"), r.get("issueLabel")),
            modality=r["modality"].rsplit("#", 1)[-1].lower() if r.get("modality") else None,
            condition=r.get("condition"),
            confidence=r.get("confidence"),
            date=r.get("date"),
            attributed_by=ref(r.get("by"), r.get("byLabel")),
            quote=r.get("quote"),
            start=r.get("start"),
            end=r.get("end"),
        )
    return out


def ref(iri: str | None, label: str | None = None) -> Any:
    """A Ref for an IRI (None for None)."""
    if iri is None:
        return None
    return Ref(id=id_from_iri(iri), iri=iri, label=label)


def _order_key(s: Stance) -> tuple[str, int, str]:
    return (s.document.iri, len(s.iri), s.iri)


Slug = Annotated[str | None, Query(pattern=SLUG)]


@router.get("/stances", response_model=StancePage)
def list_stances(
    store: StoreDep,
    holder: Annotated[Slug, Query(description="Actor id of the holder")] = None,
    target: Annotated[Slug, Query(description="Actor id the stance is aimed at")] = None,
    issue: Annotated[Slug, Query(description="Issue id")] = None,
    kind: Annotated[Slug, Query(description="Stance kind: " + ", ".join(STANCE_KINDS))] = None,
    document: Annotated[Slug, Query(description="Document id")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> StancePage:
    """Stances matching every filter given, in document order, one page at a time."""
    if kind is not None and kind not in STANCE_KINDS:
        raise HTTPException(422, f"unknown stance kind {kind!r} (kinds: {', '.join(STANCE_KINDS)})")
    where = StanceFilter(
        holder=_actor(holder), target=_actor(target),
        issue=str(issue_iri(issue)) if issue else None,
        kind=str(kind_iri(kind)) if kind else None,
        doc=str(document_iri(document)) if document else None,
    )
    items = find_stances(store, where, limit=limit, offset=offset)
    total = count_stances(store, where)
    return StancePage(total=total, limit=limit, offset=offset, items=items)


@router.get("/stances/{doc}/{n}", response_model=StanceDetail, responses=NOT_FOUND)
def get_stance(
    store: StoreDep,
    doc: Annotated[str, Path(pattern=SLUG, description="Document id")],
    n: Annotated[int, Path(ge=1, description="Number of the stance in its document")],
) -> StanceDetail:
    """One stance with its evidence in context and every actor it speaks for."""
    iri = str(stance_iri(f"{doc}/{n}"))
    query = f"""
SELECT {_DETAIL_VARS} ?behalf ?behalfLabel ?prefix ?suffix WHERE {{
  {_ALWAYS}
  {_DETAILS}
  OPTIONAL {{ ?quoteSelector oa:prefix ?prefix }}
  OPTIONAL {{ ?quoteSelector oa:suffix ?suffix }}
  OPTIONAL {{ ?stance sg:onBehalfOf ?behalf . OPTIONAL {{ ?behalf rdfs:label ?behalfLabel }} }}
}}"""
    rows = select(store, query, {"stance": URIRef(iri)})
    if not rows:
        raise HTTPException(404, f"no stance {doc}/{n}")
    stance = stances_from_rows(rows, StanceDetail)[iri]
    behalf = {r["behalf"]: r.get("behalfLabel") for r in reversed(rows) if r.get("behalf")}
    stance.on_behalf_of = [ref(i, label) for i, label in sorted(behalf.items())]
    stance.prefix = rows[0].get("prefix")
    stance.suffix = rows[0].get("suffix")
    return stance


def _actor(slug: str | None) -> str | None:
    return f"{ID}actor/{slug}" if slug else None
