"""GET /actors, /actors/{id} and /actors/{id}/stances."""

from __future__ import annotations

import heapq
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Path, Query
from fastapi.responses import JSONResponse
from rdflib import Literal as RDFLiteral
from rdflib import URIRef

from stancegraph.kg.ids import INFERRED_GRAPHS, actor_iri, id_from_iri
from stancegraph.kg.store import Store

from ..cache import cache_for
from ..deps import StoreDep
from ..models import ActorDetail, ActorStances, ActorSummary, ActorType, Stance
from ..tables import JSON, RESPONSES, ListFormat, list_response
from .stances import (
    MAX_PAGE,
    NOT_FOUND,
    SLUG,
    iri_term,
    iri_values,
    json_with_stances,
    labels,
    ref,
    render_stances,
    select,
    select_iris,
    stance_key,
)

router = APIRouter(tags=["actors"])

SG = "https://w3id.org/stancegraph/ontology#"
_TYPE_RANK: tuple[ActorType, ...] = ("Official", "Person", "State", "Institution")
# Which classes a type filter accepts: an Official is a Person even where no reasoning said so.
_TYPE_FILTER: dict[str, tuple[str, ...]] = {
    "State": ("State",), "Institution": ("Institution",),
    "Official": ("Official",), "Person": ("Person", "Official"),
}
# The stances of an actor in each role, an index look-up each. A stance on its behalf is one
# held by another actor (an official or ministry of it): every stance it speaks for but those
# it holds, as a stance has one holder (a join with the holder costs more than the rows).
_ROLES = {"held": "sg:holder", "behalf": "sg:onBehalfOf", "toward": "sg:towardActor"}
_AFFILIATIONS = {SG + "partOf": "partOf", SG + "represents": "represents",
                 SG + "affiliatedWith": "affiliatedWith"}


def _actor_types(classes: set[str]) -> list[ActorType]:
    names = {c.removeprefix(SG) for c in classes if c.startswith(SG)}
    if "Official" in names:
        names.add("Person")
    return [t for t in _TYPE_RANK if t in names]


@router.get("/actors", response_model=list[ActorSummary], responses=RESPONSES)
def list_actors(
    store: StoreDep,
    media_type: ListFormat,
    type: Annotated[
        Literal["State", "Institution", "Official", "Person"] | None,
        Query(description="Only actors of this type (Person includes Officials)"),
    ] = None,
    q: Annotated[str | None, Query(min_length=1, max_length=200,
                                   description="Text the label or an alias contains "
                                               "(case-insensitive)")] = None,
) -> Any:
    """Every actor of the graph (registry and those found in documents), by label."""
    # Plain look-ups, filtered here: an actor described in many documents has its type and
    # names in each of their graphs, and per-row EXISTS filters over those copies are slow.
    classes: dict[str, set[str]] = {}
    for r in select(store, """
SELECT DISTINCT ?actor ?class WHERE {
  VALUES ?class { sg:State sg:Institution sg:Official sg:Person } ?actor a ?class
}"""):
        classes.setdefault(r["actor"], set()).add(r["class"])
    if type is not None:
        wanted = {SG + t for t in _TYPE_FILTER[type]}
        classes = {a: c for a, c in classes.items() if c & wanted}
    if q is not None:
        matching = {r["actor"] for r in select(store, """
SELECT DISTINCT ?actor ?q WHERE {
  ?actor rdfs:label|skos:altLabel ?name . FILTER(CONTAINS(LCASE(STR(?name)), LCASE(?q)))
}""", {"q": RDFLiteral(q)})}
        classes = {a: c for a, c in classes.items() if a in matching}
    named = labels(store, classes)
    aliases: dict[str, list[str]] = {}
    if classes:
        for r in select(store, f"""
SELECT DISTINCT ?actor ?alias WHERE {{
  VALUES ?actor {{ {iri_values(classes)} }} ?actor skos:altLabel ?alias
}}"""):
            aliases.setdefault(r["actor"], []).append(r["alias"])
    out = []
    for iri, found in classes.items():
        types = _actor_types(found)
        out.append({"id": id_from_iri(iri), "iri": iri, "label": named.get(iri),
                    "type": types[0] if types else None, "types": types,
                    "aliases": sorted(set(aliases.get(iri, [])) - {named.get(iri)})})
    out.sort(key=lambda s: ((s["label"] or s["id"]).lower(), s["id"]))
    if media_type != JSON:
        return list_response(media_type, ActorSummary, out)
    return JSONResponse(out)


@router.get("/actors/{id}", response_model=ActorDetail, responses=NOT_FOUND)
def get_actor(
    store: StoreDep, id: Annotated[str, Path(pattern=SLUG, description="Actor id")],
) -> Any:
    """An actor: types, label, aliases, Wikidata link, affiliations and stance counts."""
    iri = str(actor_iri(id))
    facts = select(store, f"""
SELECT DISTINCT ?p ?o ?inferred WHERE {{
  VALUES ?p {{ rdf:type rdfs:label skos:altLabel skos:exactMatch sg:partOf sg:represents
              sg:affiliatedWith sg:demonym sg:capital sg:isoCode }}
  GRAPH ?g {{ {iri_term(iri)} ?p ?o }}
  BIND(STRSTARTS(STR(?g), "{INFERRED_GRAPHS}") AS ?inferred)
}}""")
    classes = {r["o"] for r in facts if r["p"].endswith("#type")}
    types = _actor_types(classes)
    if not types and not facts:
        raise HTTPException(404, f"no actor {id!r}")
    values: dict[str, list[str]] = {}
    for r in facts:
        key = r["p"].rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if r["o"] not in values.setdefault(key, []):
            values[key].append(r["o"])
    label = values.get("label", [None])[0]
    wikidata = next((o for o in values.get("exactMatch", []) if "wikidata.org" in o), None)
    return JSONResponse({
        "id": id, "iri": iri, "label": label, "type": types[0] if types else None,
        "types": types, "aliases": sorted(set(values.get("altLabel", [])) - {label}),
        "wikidata": wikidata, "demonyms": sorted(values.get("demonym", [])),
        "capital": values.get("capital", [None])[0], "iso_code": values.get("isoCode", [None])[0],
        "affiliations": _affiliations(store, facts), "members": _members(store, iri),
        "counts": _counts(store, iri),
    })


def _affiliations(store: Store, facts: list[dict]) -> list[dict[str, Any]]:
    """Stated links first; an inferred link only where no stated one reaches the same actor."""
    stated: dict[str, str] = {}
    inferred: set[str] = set()
    for r in facts:
        relation = _AFFILIATIONS.get(r["p"])
        if relation is None:
            continue
        if r["inferred"]:
            inferred.add(r["o"])
        elif relation != "affiliatedWith" or r["o"] not in stated:
            stated[r["o"]] = relation
    named = labels(store, [*stated, *inferred])
    out = [{"actor": ref(o, named), "relation": rel, "inferred": False}
           for o, rel in sorted(stated.items())]
    out += [{"actor": ref(o, named), "relation": "affiliatedWith", "inferred": True}
            for o in sorted(inferred - set(stated))]
    return out


def _members(store: Store, iri: str) -> list[dict[str, Any]]:
    rows = select_iris(store, f"""
SELECT DISTINCT ?member WHERE {{ ?member sg:affiliatedWith {iri_term(iri)} }}""")
    members = sorted(r[0] for r in rows)
    named = labels(store, members)
    return [ref(m, named) for m in members]


def _counts(store: Store, iri: str) -> dict[str, int]:
    actor = iri_term(iri)
    rows = select(store, f"""
SELECT (COUNT(DISTINCT ?held) AS ?h) (COUNT(DISTINCT ?behalf) AS ?b)
       (COUNT(DISTINCT ?toward) AS ?t) (COUNT(DISTINCT ?doc) AS ?d) WHERE {{
  {{ ?held sg:holder {actor} }}
  UNION {{ ?behalf sg:onBehalfOf {actor} FILTER NOT EXISTS {{ ?behalf sg:holder {actor} }} }}
  UNION {{ ?toward sg:towardActor {actor} }} UNION {{ ?doc sg:mentions {actor} }}
}}""")
    r = rows[0] if rows else {}
    return {"stances_held": r.get("h", 0), "stances_on_behalf_of": r.get("b", 0),
            "stances_toward": r.get("t", 0), "documents": r.get("d", 0)}


@router.get("/actors/{id}/stances", response_model=ActorStances,
            responses={**NOT_FOUND, **RESPONSES})
def get_actor_stances(
    store: StoreDep,
    media_type: ListFormat,
    id: Annotated[str, Path(pattern=SLUG, description="Actor id")],
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Most stances per list")] = 100,
) -> Any:
    """The stances it holds, those its affiliates hold on its behalf, and those aimed at it
    (as CSV or JSON Lines: one list, each stance with its `role`: held, on_behalf_of or
    toward)."""
    iri = str(actor_iri(id))
    pages = {role: found[:limit] for role, found in _stances_by_role(store, iri, limit).items()}
    if not any(pages.values()) and not select(store, """
SELECT ?actor WHERE { ?actor a ?class } LIMIT 1""", {"actor": URIRef(iri)}):
        raise HTTPException(404, f"no actor {id!r}")
    wanted = sorted(set().union(*pages.values()), key=stance_key)
    items, named = render_stances(store, wanted, more_labels=[iri])
    by_iri = {s.iri: s for s in items}
    held, behalf, toward = ([by_iri[s] for s in pages[role] if s in by_iri] for role in _ROLES)
    if media_type != JSON:
        rows = [{"role": role, **json.loads(s.json)} for role, found in
                (("held", held), ("on_behalf_of", behalf), ("toward", toward)) for s in found]
        return list_response(media_type, Stance, rows, first=["role"])
    return json_with_stances({"actor": ref(iri, named)}, held=held, on_behalf_of=behalf,
                             toward=toward)


def _stances_by_role(store: Store, iri: str, limit: int) -> dict[str, list[str]]:
    """The actor's stances in each role, in listing order: all of them, kept in the cache of
    an unchanging store (a much-discussed actor has thousands, and finding and ordering them
    costs more than the rest of the page); else only the first `limit` of each."""
    def find(first: int | None) -> dict[str, list[str]]:
        # Every stance of each role as a bare IRI, one index look-up each, ordered here.
        roles = {role: {row[0] for row in select_iris(
            store, f"SELECT ?stance WHERE {{ ?stance {p} {iri_term(iri)} }}")}
            for role, p in _ROLES.items()}
        roles["behalf"] -= roles["held"]
        if first is None:
            return {role: sorted(found, key=stance_key) for role, found in roles.items()}
        return {role: heapq.nsmallest(first, found, key=stance_key)
                for role, found in roles.items()}

    cache = cache_for(store)
    if cache is None:
        return find(limit)
    return cache.listing(f"actor-stances {iri}", lambda: find(None),
                         size=lambda roles: 1 + sum(map(len, roles.values())))
