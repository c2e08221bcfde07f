"""GET /stances (filtered, paginated) and GET /stances/{doc}/{n}, plus the stance look-up the
other resource routes share.

Every look-up is a SPARQL query of fixed text but for the IRIs it looks up: which filter
patterns take part depends only on which filters were given, and an id from the caller goes
into the text only as an IRI that pyoxigraph checks and writes, from a path or filter whose
pattern allows only slug characters (text is substituted by the store). A constant lets
pyoxigraph plan the look-up around it (it plans joins before it substitutes values), and a
substituted variable would come back in every row. Labels are fetched apart, once per
resource: an actor or issue found in many documents is described in each document's graph,
and joining those copies into the stance rows would multiply them.

A filtered page is found without sorting in SPARQL (an ORDER BY of a thousand stances costs
about 10 ms, of every stance about 200 ms at 25,000): the stances matching the filters come
as bare IRIs from one index look-up, which gives the total, and are ordered here. A stance's
id is DOCUMENT/N (docs/model.md), so its IRI alone gives its place: documents in IRI order,
then stances by number. Only the page's stances are then described. The unfiltered listing
counts the stances of every document instead, which gives the documents a page falls in.

Responses are written as JSON in the field order of the models in api/models.py (which
document them, and a test holds them equal): building the models and validating them again
costs as much as the look-ups. Labels, each stance's JSON and the per-document counts are kept
for a store that cannot change while served (api/cache.py).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import Response

from stancegraph.kg.errors import QueryError, QueryStopped
from stancegraph.kg.ids import ID, document_iri, id_from_iri, issue_iri, kind_iri, stance_iri
from stancegraph.kg.records import STANCE_KINDS
from stancegraph.kg.store import Store

from ..cache import cache_for
from ..deps import StoreDep
from ..models import Problem, Stance, StanceDetail, StancePage
from ..tables import JSON, RESPONSES, ListFormat, list_response

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
_STANCE = ID + "stance/"
_DOCUMENT = ID + "document/"
# The variables of a stance's fields in its details query (their names end in "_", so that
# they never meet a filter's variable).
_DETAIL_VARS = ("doc_", "holder_", "kind_", "target_", "issue_", "modality_", "condition_",
                "confidence_", "date_", "by_", "quote_", "start_", "end_", "prefix_", "suffix_")
# The label the data model gives each kind of resource.
_LABEL_OF = ((ID + "actor/", "rdfs:label"), (ID + "issue/", "skos:prefLabel"),
             (ID + "document/", "dcterms:title"))
# The fields of a stance record that name a labelled resource.
_REFS = ("doc", "holder", "target", "issue", "by")

# One pattern per role, with the IRI the stance must have in it.
_ROLE_PATTERNS = {
    "doc": "?stance prov:wasDerivedFrom {} .",
    "holder": "?stance sg:holder {} .",
    "kind": "?stance sg:kind {} .",
    "issue": "?stance sg:onIssue {} .",
    "target": "?stance sg:towardActor {} .",
    "behalf": "?stance sg:onBehalfOf {0} . ?stance sg:holder ?h . FILTER(?h != {0})",
}
# Most selective first: pyoxigraph keeps the written order among patterns alike.
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

    def pattern(self) -> str:
        """The patterns of the filters given (none: no filter), each IRI written by
        pyoxigraph (which checks it is one)."""
        return "\n    ".join(_ROLE_PATTERNS[k].format(iri_term(getattr(self, k)))
                              for k in _SELECTIVITY if getattr(self, k) is not None)


def select(store: Store, query: str, bindings: Mapping[str, Any] | None = None) -> list[dict]:
    """Run one of the routes' own queries; a timeout is a 503, anything else a real fault."""
    with _route_query():
        return store.select(PREFIXES + query, bindings).rows


def select_iris(store: Store, query: str,
                bindings: Mapping[str, Any] | None = None) -> list[tuple[str | None, ...]]:
    """Like `select`, for a query whose values are all IRIs: rows as tuples in the order of
    its variables, several times faster for long results (Store.select_iris)."""
    with _route_query():
        return store.select_iris(PREFIXES + query, bindings)


@contextmanager
def _route_query() -> Iterator[None]:
    try:
        yield
    except QueryStopped as exc:
        raise HTTPException(503, f"the look-up was stopped: {exc}",
                            headers={"Retry-After": "1"}) from None
    except QueryError as exc:  # the routes' queries are fixed text: this is a bug
        raise RuntimeError(f"route query failed: {exc}") from exc


def iri_values(iris: Iterable[str]) -> str:
    """IRIs the store returned, as the terms of a VALUES block (pyoxigraph checks and writes
    each one, so nothing but an IRI can come out)."""
    return " ".join(iri_term(i) for i in sorted(set(iris)))


def iri_term(iri: str) -> str:
    """An IRI as a term of a query: pyoxigraph checks and writes it (or raises ValueError)."""
    return str(ox.NamedNode(iri))


def labels(store: Store, iris: Iterable[str | None]) -> dict[str, str]:
    """One label per resource: rdfs:label, else skos:prefLabel, else dcterms:title."""
    wanted = {i for i in iris if i}
    cache = cache_for(store)
    known: dict[str, str | None] = {}
    if cache is not None:
        known, missing = cache.facts("label", wanted)
        wanted = set(missing)
    found = _labels(store, sorted(wanted)) if wanted else {}
    if cache is not None and wanted:
        cache.add_facts("label", {i: found.get(i) for i in wanted})
    found.update((i, label) for i, label in known.items() if label is not None)
    return found


def _labels(store: Store, wanted: list[str]) -> dict[str, str]:
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


def stance_key(iri: str) -> tuple[str, int, str]:
    """Where a stance comes in listings: documents in IRI order, then stances by number
    ("doc/2" before "doc/10"). Its document is the DOCUMENT part of its id, and every stance
    IRI starts alike, so the IRI up to its last "/" orders the documents."""
    return (iri[:iri.rfind("/")], len(iri), iri)


def matching_stances(store: Store, where: StanceFilter) -> set[str]:
    """The IRIs of the stances matching `where`, which must give a filter."""
    return {r[0] for r in select_iris(store, f"SELECT ?stance WHERE {{ {where.pattern()} }}")}


def document_counts(store: Store) -> list[tuple[str, int]]:
    """(document IRI, stances) of every document with a stance, in document order."""
    def count() -> list[tuple[str, int]]:
        rows = select(store, """
SELECT ?doc (COUNT(DISTINCT ?stance) AS ?n) WHERE { ?stance prov:wasDerivedFrom ?doc }
GROUP BY ?doc""")
        return sorted((r["doc"], r["n"]) for r in rows)

    cache = cache_for(store)
    return count() if cache is None else cache.value("document-counts", count)


def find_stances(store: Store, where: StanceFilter, *, limit: int,
                 offset: int = 0) -> tuple[list[Rendered], int]:
    """One page of the stances matching `where` in document and number order, and the
    total."""
    if where.pattern():
        found = matching_stances(store, where)
        return stance_page(store, found, limit=limit, offset=offset), len(found)
    counts = document_counts(store)
    total = sum(n for _, n in counts)
    docs, first = page_documents(counts, limit=limit, offset=offset)
    if not docs:
        return [], total
    rows = select_iris(store, f"""
SELECT ?stance WHERE {{ VALUES ?doc {{ {iri_values(docs)} }} ?stance prov:wasDerivedFrom ?doc }}""")
    ordered = sorted({r[0] for r in rows}, key=stance_key)
    return stance_page(store, ordered[offset - first:], limit=limit), total


def stance_page(store: Store, iris: Iterable[str], *, limit: int,
                offset: int = 0) -> list[Rendered]:
    """The stances `iris` names, ordered, from `offset` on, at most `limit`."""
    page = sorted(iris, key=stance_key)[offset: offset + limit]
    return render_stances(store, page)[0]


@dataclass(frozen=True, slots=True)
class Rendered:
    """A stance as responses write it: the JSON of the Stance model, and of StanceDetail when
    it was asked with its detail; its quote's offsets order a document's stances."""

    iri: str
    id: str
    json: bytes
    detail_json: bytes | None
    start: int | None
    end: int | None

    @property
    def detail(self) -> bool:
        return self.detail_json is not None


def render_stances(store: Store, iris: list[str], *, detail: bool = False,
                   more_labels: Iterable[str] = ()) -> tuple[list[Rendered], dict[str, str]]:
    """The stances `iris` names, in that order (with their detail when `detail`), and the
    labels of `more_labels`; stances without a document, holder or kind are left out.

    An unchanging store keeps each stance's JSON once written (its labels cannot change
    either): a thousand bytes a stance, and responses join them as they are.
    """
    cache = cache_for(store)
    kept, missing = (cache.stances(iris, detail=detail) if cache is not None
                     else ({}, sorted(set(iris))))
    records = _fetch_records(store, set(missing), detail=detail) if missing else {}
    named = labels(store, [*(r.get(k) for r in records.values() for k in _REFS),
                           *(b for r in records.values() for b in r.get("behalf", ())),
                           *more_labels])
    refs: dict[str, Any] = {}
    fresh = {}
    for iri, r in records.items():
        plain = stance_json(iri, r, named, refs=refs)
        fresh[iri] = Rendered(
            iri=iri, id=plain["id"], json=encode(plain),
            detail_json=encode(stance_json(iri, r, named, detail=True, refs=refs))
            if detail else None,
            start=plain["start"], end=plain["end"])
    if cache is not None and fresh:
        cache.add_stances(fresh)
    kept.update(fresh)
    return [kept[i] for i in iris if i in kept], named


# Exactly what Starlette's JSONResponse writes.
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def encode(value: Any) -> bytes:
    return _ENCODER.encode(value).encode("utf-8")


def json_with_stances(fields: Mapping[str, Any], **lists: list[Rendered]) -> Response:
    """The JSON object of `fields` followed by lists of stances (the last fields of every
    model that lists stances), each stance's JSON written as kept."""
    parts = [encode(dict(fields))[:-1]]  # open: the lists follow
    for name, items in lists.items():
        parts += [b"," if len(parts) > 1 or fields else b"", encode(name), b":[",
                  b",".join(s.json for s in items), b"]"]
    parts.append(b"}")
    return Response(b"".join(parts), media_type="application/json")


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


def _fetch_records(store: Store, iris: set[str], *, detail: bool) -> dict[str, dict[str, Any]]:
    """The fields and evidence of the stances `iris` names, as plain records by IRI (with
    every actor each speaks for and the quote's context when `detail`).

    A row per selector of a stance, its fields as columns (a (property, value) row per
    triple converts five times as many terms). Each field is a single-pattern OPTIONAL on the
    stance the VALUES block binds, planned as a look-up; the evidence is reached through keys
    that are never unbound. An OPTIONAL of several patterns is planned as a scan past about a
    hundred stances (0.2 s for 300 at 1,000 documents instead of 20 ms)."""
    variables = [*_DETAIL_VARS, *(["behalf_"] if detail else [])]
    rows = select(store, f"""
SELECT ?stance {" ".join("?" + v for v in variables)} WHERE {{
  VALUES ?stance {{ {iri_values(iris)} }}
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
    behalf: dict[str, set[str]] = {}
    for r in rows:  # a row per selector (and per actor it speaks for)
        f = facts.setdefault(r["stance"], {})
        for var in _DETAIL_VARS:
            value = r.get(var)
            if value is not None:
                f.setdefault(var[:-1], value)
        if r.get("behalf_") is not None:
            behalf.setdefault(r["stance"], set()).add(r["behalf_"])
    if detail:
        for iri, f in facts.items():
            f["behalf"] = sorted(behalf.get(iri, ()))
    return facts


def stance_json(iri: str, f: Mapping[str, Any], named: Mapping[str, str], *,
                detail: bool = False, refs: dict[str, Any] | None = None) -> dict[str, Any]:
    """A stance record as the JSON of the Stance model (StanceDetail when `detail`), its
    fields in the model's order; `refs` keeps the Refs built, to share them."""
    refs = {} if refs is None else refs

    def shared_ref(iri: str | None) -> dict[str, Any] | None:
        if iri is None:
            return None
        if iri not in refs:
            refs[iri] = ref(iri, named)
        return refs[iri]

    confidence = f.get("confidence")
    out = {
        "id": id_from_iri(iri),
        "iri": iri,
        "document": shared_ref(f["doc"]),
        "holder": shared_ref(f["holder"]),
        "kind": id_from_iri(f["kind"]),
        "target": shared_ref(f.get("target")),
        "issue": shared_ref(f.get("issue")),
        "modality": f["modality"].rsplit("#", 1)[-1].lower() if f.get("modality") else None,
        "condition": f.get("condition"),
        "confidence": float(confidence) if confidence is not None else None,
        "date": f.get("date"),
        "attributed_by": shared_ref(f.get("by")),
        "quote": f.get("quote"),
        "start": f.get("start"),
        "end": f.get("end"),
    }
    if detail:
        out["on_behalf_of"] = [shared_ref(b) for b in f["behalf"]]
        out["prefix"] = f.get("prefix")
        out["suffix"] = f.get("suffix")
    return out


def ref(iri: str | None, named: Mapping[str, str] | str | None = None) -> dict[str, Any] | None:
    """The JSON of a Ref for an IRI (None for None); its label given, or looked up in
    `named`."""
    if iri is None:
        return None
    label = named.get(iri) if isinstance(named, Mapping) else named
    return {"id": id_from_iri(iri), "iri": iri, "label": label}


Slug = Annotated[str | None, Query(pattern=SLUG, max_length=200)]
# The kinds of the scheme, an enum in the OpenAPI document.
Kind = enum.Enum("Kind", {k: k for k in STANCE_KINDS}, type=str)


@router.get("/stances", response_model=StancePage, responses=RESPONSES)
def list_stances(
    store: StoreDep,
    media_type: ListFormat,
    holder: Annotated[Slug, Query(description="Actor id of the holder")] = None,
    target: Annotated[Slug, Query(description="Actor id the stance is aimed at")] = None,
    issue: Annotated[Slug, Query(description="Issue id")] = None,
    kind: Annotated[Kind | None, Query(description="Stance kind")] = None,
    document: Annotated[Slug, Query(description="Document id")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
) -> Any:
    """Stances matching every filter given, in document order, one page at a time."""
    where = StanceFilter(
        holder=_actor(holder), target=_actor(target),
        issue=str(issue_iri(issue)) if issue else None,
        kind=str(kind_iri(kind.value)) if kind else None,
        doc=str(document_iri(document)) if document else None,
    )
    items, total = find_stances(store, where, limit=limit, offset=offset)
    if media_type != JSON:
        return list_response(media_type, Stance, [json.loads(s.json) for s in items],
                             total=total, raw=[s.json for s in items])
    return json_with_stances({"total": total, "limit": limit, "offset": offset}, items=items)


@router.get("/stances/{doc}/{n}", response_model=StanceDetail, responses=NOT_FOUND)
def get_stance(
    store: StoreDep,
    doc: Annotated[str, Path(pattern=SLUG, description="Document id")],
    n: Annotated[int, Path(ge=1, description="Number of the stance in its document")],
) -> Any:
    """One stance with its evidence in context and every actor it speaks for."""
    # The path's pattern lets only slug characters into the IRI (and pyoxigraph writes it
    # into the query's VALUES block as an IRI or not at all).
    iri = str(stance_iri(f"{doc}/{n}"))
    found, _ = render_stances(store, [iri], detail=True)
    if not found or found[0].detail_json is None:
        raise HTTPException(404, f"no stance {doc}/{n}")
    return Response(found[0].detail_json, media_type="application/json")


def _actor(slug: str | None) -> str | None:
    return f"{ID}actor/{slug}" if slug else None
