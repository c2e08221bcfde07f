"""GET /stances (filtered, paginated) and GET /stances/{doc}/{n}, plus the stance look-up the
other resource routes share.

Every look-up is a SPARQL query with fixed text: which filter patterns take part depends only
on which filters were given, and each filter's value is substituted for its variable by the
store (never pasted into the text). Labels are fetched apart, once per resource: an actor or
issue found in many documents is described in each document's graph, and joining those copies
into the stance rows would multiply them.

A page is found without sorting every stance (a sort of all stances costs about 200 ms at
25,000 of them): one grouped query counts the matching stances per document, which gives the
total and the documents the page falls in; only those documents' stances are then fetched.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

import pyoxigraph as ox
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

SG = "https://w3id.org/stancegraph/ontology#"
# The variables of a stance's fields in its details query (their names end in "_", so that
# they never meet a filter's variable).
_DETAIL_VARS = ("doc_", "holder_", "kind_", "target_", "issue_", "modality_", "condition_",
                "confidence_", "date_", "by_", "quote_", "start_", "end_", "prefix_", "suffix_")
# The label the data model gives each kind of resource.
_LABEL_OF = ((ID + "actor/", "rdfs:label"), (ID + "issue/", "skos:prefLabel"),
             (ID + "document/", "dcterms:title"))

# One pattern per role, by the variable a caller's value is substituted for.
_ROLE_PATTERNS = {
    "doc": "?stance prov:wasDerivedFrom ?doc .",
    "holder": "?stance sg:holder ?holder .",
    "kind": "?stance sg:kind ?kind .",
    "issue": "?stance sg:onIssue ?issue .",
    "target": "?stance sg:towardActor ?target .",
    "behalf": "?stance sg:onBehalfOf ?behalf . FILTER(?behalf != ?holder)",
}
# Most selective first. pyoxigraph plans the join order before values are substituted, and
# among patterns alike it keeps the written order: the bound pattern must come first to be
# used as the index look-up (7 ms instead of 150 ms at 25,000 stances).
_SELECTIVITY = ("doc", "issue", "target", "behalf", "holder", "kind")


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
        # Only the document pattern besides the filters: every stance has a holder and a kind,
        # and joining them in doubles the cost of counting every stance.
        given = [k for k in _SELECTIVITY if getattr(self, k) is not None]
        if "behalf" in given and "holder" not in given:
            given.append("holder")  # its filter compares with the holder
        return "\n    ".join(_ROLE_PATTERNS[k] for k in [*given, *(["doc"] if "doc" not in given
                                                                    else [])])


def select(store: Store, query: str, bindings: Mapping[str, Any] | None = None) -> list[dict]:
    """Run one of the routes' own queries; a timeout is a 503, anything else a real fault."""
    try:
        return store.select(PREFIXES + query, bindings).rows
    except QueryTimeout as exc:
        raise HTTPException(503, f"the look-up took too long: {exc}") from None
    except QueryError as exc:  # the routes' queries are fixed text: this is a bug
        raise RuntimeError(f"route query failed: {exc}") from exc


def iri_values(iris: Iterable[str]) -> str:
    """IRIs the store returned, as the terms of a VALUES block (pyoxigraph checks and writes
    each one, so nothing but an IRI can come out)."""
    return " ".join(str(ox.NamedNode(i)) for i in sorted(set(iris)))


def labels(store: Store, iris: Iterable[str]) -> dict[str, str]:
    """One label per resource: rdfs:label, else skos:prefLabel, else dcterms:title."""
    wanted = sorted({i for i in iris if i})
    if not wanted:
        return {}
    # A look-up costs as much as its subject has triples (a much-discussed actor has thousands,
    # one per stance it holds), so each resource is first asked only for the label the data
    # model gives its kind; the three-way ranking runs for the few left without one.
    by_predicate: dict[str, list[str]] = {}
    for iri in wanted:
        predicate = next((p for ns, p in _LABEL_OF if iri.startswith(ns)), None)
        if predicate is not None:
            by_predicate.setdefault(predicate, []).append(iri)
    found: dict[str, str] = {}
    if by_predicate:
        branches = " UNION ".join(f"{{ VALUES ?x {{ {iri_values(xs)} }} ?x {p} ?l }}"
                                  for p, xs in sorted(by_predicate.items()))
        for r in select(store, f"SELECT ?x (SAMPLE(?l) AS ?label) WHERE {{ {branches} }} "
                               "GROUP BY ?x"):
            found[r["x"]] = r["label"]
    rest = [i for i in wanted if i not in found]
    if rest:
        found.update(_ranked_labels(store, rest))
    return found


def _ranked_labels(store: Store, iris: list[str]) -> dict[str, str]:
    rows = select(store, f"""
SELECT ?x (SAMPLE(?l) AS ?label) (MIN(?rank) AS ?best) WHERE {{
  VALUES ?x {{ {iri_values(iris)} }}
  {{ ?x rdfs:label ?l BIND(1 AS ?rank) }} UNION {{ ?x skos:prefLabel ?l BIND(2 AS ?rank) }}
  UNION {{ ?x dcterms:title ?l BIND(3 AS ?rank) }}
}} GROUP BY ?x ?rank""")
    best: dict[str, tuple[int, str]] = {}
    for r in rows:
        if r["x"] not in best or r["best"] < best[r["x"]][0]:
            best[r["x"]] = (r["best"], r["label"])
    return {x: label for x, (_, label) in best.items()}


def _given(where: StanceFilter, *, skip: Iterable[str] = ()) -> str:
    return " ".join(f"?{k}" for k in where.bindings() if k not in skip)


def count_by_document(store: Store, where: StanceFilter) -> list[tuple[str, int]]:
    """(document IRI, matching stances) for every document with one, in document order."""
    # A substituted variable must be projected; grouped by, it still makes one group.
    rows = select(store, f"""
SELECT ?doc (COUNT(DISTINCT ?stance) AS ?n) {_given(where, skip=["doc"])} WHERE {{
    {where.pattern()}
}} GROUP BY ?doc {_given(where, skip=["doc"])}""", where.bindings())
    return sorted((r["doc"], r["n"]) for r in rows)


def find_stances(store: Store, where: StanceFilter, *, limit: int,
                 offset: int = 0) -> tuple[list[Stance], int]:
    """One page of the stances matching `where` in document and number order, and the total."""
    counts = count_by_document(store, where)
    total = sum(n for _, n in counts)
    docs, first = page_documents(counts, limit=limit, offset=offset)
    if not docs:
        return [], total
    rows = select(store, f"""
SELECT DISTINCT ?stance {_given(where)} WHERE {{
  VALUES ?doc {{ {iri_values(docs)} }}
  {where.pattern()}
}}""", where.bindings())
    found = stance_details(store, Stance, iris=[r["stance"] for r in rows]).stances
    stances = sorted(found.values(), key=order_key)
    return stances[offset - first: offset - first + limit], total


def page_documents(counts: list[tuple[str, int]], *, limit: int,
                   offset: int) -> tuple[list[str], int]:
    """The documents a page falls in, from (document, stances) in order, and how many
    stances come before the first of them."""
    docs, first, seen = [], 0, 0
    for doc, n in counts:
        if seen + n > offset and seen < offset + limit:
            if not docs:
                first = seen
            docs.append(doc)
        seen += n
    return docs, first


@dataclass
class Details:
    stances: dict[str, Any]  # models by IRI
    labels: dict[str, str]  # by IRI


def stance_details(store: Store, model: type[Stance], *, iris: Iterable[str],
                   more_labels: Iterable[str] = ()) -> Details:
    """The stances `iris` names with their fields, evidence and labels (the labels of
    `more_labels` come in the same look-up).

    A row per selector of a stance, its fields as columns (a (property, value) row per triple
    converts five times as many terms). Each field is a single-pattern OPTIONAL on the stance
    the VALUES block binds, planned as a look-up; the evidence is reached through keys that
    are never unbound. An OPTIONAL of several patterns is planned as a scan past about a
    hundred stances (0.2 s for 300 at 1,000 documents instead of 20 ms).
    """
    terms = iri_values(iris)
    if not terms:
        return Details({}, labels(store, more_labels))
    detail = issubclass(model, StanceDetail)
    variables = [*_DETAIL_VARS, *(["behalf_"] if detail else [])]
    rows = select(store, f"""
SELECT ?stance {" ".join("?" + v for v in variables)} WHERE {{
  VALUES ?stance {{ {terms} }}
  ?stance prov:wasDerivedFrom ?doc_ .
  ?stance sg:holder ?holder_ .
  ?stance sg:kind ?kind_ .
  OPTIONAL {{ ?stance sg:towardActor ?target_ }}
  OPTIONAL {{ ?stance sg:onIssue ?issue_ }}
  OPTIONAL {{ ?stance sg:modality ?modality_ }}
  OPTIONAL {{ ?stance sg:condition ?condition_ }}
  OPTIONAL {{ ?stance sg:confidence ?confidence_ }}
  OPTIONAL {{ ?stance sg:date ?date_ }}
  OPTIONAL {{ ?stance sg:attributedBy ?by_ }}
  {"OPTIONAL { ?stance sg:onBehalfOf ?behalf_ }" if detail else ""}
  OPTIONAL {{ ?stance sg:evidence ?evidence }}
  BIND(COALESCE(?evidence, sg:none) AS ?evidenceKey)
  OPTIONAL {{ ?evidenceKey oa:hasSelector ?selector }}
  BIND(COALESCE(?selector, sg:none) AS ?selectorKey)
  OPTIONAL {{ ?selectorKey oa:exact ?quote_ }}
  OPTIONAL {{ ?selectorKey oa:start ?start_ }}
  OPTIONAL {{ ?selectorKey oa:end ?end_ }}
  {"OPTIONAL { ?selectorKey oa:prefix ?prefix_ } OPTIONAL { ?selectorKey oa:suffix ?suffix_ }"
   if detail else ""}
}}""")
    facts: dict[str, dict[str, Any]] = {}
    for r in rows:  # a row per selector (and per actor it speaks for)
        f = facts.setdefault(r["stance"], {"behalf": set()})
        for var in _DETAIL_VARS:
            value = r.get(var)
            if value is not None:
                f.setdefault(var.rstrip("_"), value)
        if r.get("behalf_") is not None:
            f["behalf"].add(r["behalf_"])
    named = labels(store, {f.get(k) for f in facts.values()
                           for k in ("holder", "target", "issue", "by", "doc")}
                   | {b for f in facts.values() for b in f["behalf"]} | set(more_labels))
    out: dict[str, Any] = {}
    for iri, f in facts.items():
        stance = model(
            id=id_from_iri(iri),
            iri=iri,
            document=ref(f["doc"], named),
            holder=ref(f["holder"], named),
            kind=id_from_iri(f["kind"]),
            target=ref(f.get("target"), named),
            issue=ref(f.get("issue"), named),
            modality=f["modality"].rsplit("#", 1)[-1].lower() if f.get("modality") else None,
            condition=f.get("condition"),
            confidence=f.get("confidence"),
            date=f.get("date"),
            attributed_by=ref(f.get("by"), named),
            quote=f.get("quote"),
            start=f.get("start"),
            end=f.get("end"),
        )
        if isinstance(stance, StanceDetail):
            stance.on_behalf_of = [ref(b, named) for b in sorted(f["behalf"])]
            stance.prefix = f.get("prefix")
            stance.suffix = f.get("suffix")
        out[iri] = stance
    return Details(out, named)


def ref(iri: str | None, named: Mapping[str, str] | str | None = None) -> Any:
    """A Ref for an IRI (None for None); its label given, or looked up in `named`."""
    if iri is None:
        return None
    label = named.get(iri) if isinstance(named, Mapping) else named
    return Ref(id=id_from_iri(iri), iri=iri, label=label)


def order_key(s: Stance) -> tuple[str, int, str]:
    # Documents in IRI order, then stances by number ("doc/2" before "doc/10").
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
    items, total = find_stances(store, where, limit=limit, offset=offset)
    return StancePage(total=total, limit=limit, offset=offset, items=items)


@router.get("/stances/{doc}/{n}", response_model=StanceDetail, responses=NOT_FOUND)
def get_stance(
    store: StoreDep,
    doc: Annotated[str, Path(pattern=SLUG, description="Document id")],
    n: Annotated[int, Path(ge=1, description="Number of the stance in its document")],
) -> StanceDetail:
    """One stance with its evidence in context and every actor it speaks for."""
    iri = str(stance_iri(f"{doc}/{n}"))
    # The id comes from the caller: checked by substitution before its IRI goes into VALUES.
    exists = select(store, "SELECT ?stance WHERE { ?stance sg:holder ?h } LIMIT 1",
                    {"stance": URIRef(iri)})
    stance = (stance_details(store, StanceDetail, iris=[iri]).stances.get(iri) if exists
              else None)
    if stance is None:
        raise HTTPException(404, f"no stance {doc}/{n}")
    return stance


def _actor(slug: str | None) -> str | None:
    return f"{ID}actor/{slug}" if slug else None
