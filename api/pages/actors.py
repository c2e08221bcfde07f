"""GET /id/actor/{id}: an actor's page (who it is, a network picture of its relations, a
timeline of its stances, and the stances themselves, filtered), or its JSON or RDF.

Everything on the page comes from one index of the stances the actor takes part in (each
stance's roles, holder, kind, target, issue and date), read once from an unchanging store:
filters, the picture, the timeline and the lists are worked out from it, and only the stances
a page lists are then described.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from stancegraph.kg.ids import actor_iri, id_from_iri, issue_iri
from stancegraph.kg.records import STANCE_KINDS
from stancegraph.kg.store import Store

from ..cache import cache_for
from ..deps import StoreDep
from ..models import ActorDetail
from ..routers.actors import get_actor
from ..routers.stances import SLUG, iri_term, render_stances, select, stance_key
from .kinds import KindScheme, kind_scheme
from .linked_data import answer, describe, responses
from .network import Relation, draw_network
from .templating import PageError, render
from .timeline import draw_timeline, timeline_counts

router = APIRouter(tags=["linked data"])

# Stances of each list on one page.
PAGE_SIZE = 300
ROLES = ("held", "behalf", "toward")
ROLE_TITLES = {"held": "Stances it holds", "behalf": "Held on its behalf by its affiliates",
               "toward": "Stances aimed at it"}
# Filter values as a form sends them: empty means "any".
_OPTIONAL_SLUG = f"^$|{SLUG}"
_MONTH = r"^$|^\d{4}-(0[1-9]|1[0-2])$"
_KIND = "^$|^(" + "|".join(STANCE_KINDS) + ")$"


@dataclass(frozen=True, slots=True)
class Involvement:
    """A stance the actor takes part in: in which roles, and its fields (IRIs, the kind as
    its slug, the date as written)."""

    stance: str
    roles: frozenset[str]
    holder: str
    kind: str
    target: str | None
    issue: str | None
    date: str | None

    def counterpart(self, role: str) -> str | None:
        """The other actor of the stance, seen from the actor in `role`."""
        return self.holder if role == "toward" else self.target


@dataclass(frozen=True)
class StanceFilters:
    """What the page's form asks for; None is any."""

    role: str | None = None
    kind: str | None = None
    issue: str | None = None
    counterpart: str | None = None
    since: str | None = None
    until: str | None = None

    def roles(self, s: Involvement) -> list[str]:
        """The roles in which `s` passes the filters (none: it is filtered out)."""
        if self.kind and s.kind != self.kind or self.issue and s.issue != self.issue:
            return []
        month = (s.date or "")[:7]
        if (self.since or self.until) and not month:
            return []
        if self.since and month < self.since or self.until and month > self.until:
            return []
        return [r for r in ROLES if r in s.roles and (self.role in (None, r))
                and (self.counterpart is None or s.counterpart(r) == self.counterpart)]

    @property
    def active(self) -> bool:
        return any(vars(self).values())


@router.get("/id/actor/{id}", response_model=ActorDetail, responses=responses(),
            summary="An actor: its page, its JSON (as GET /actors/{id}) or its RDF")
def actor_resource(
    request: Request,
    store: StoreDep,
    id: Annotated[str, Path(pattern=SLUG, description="Actor id")],
    role: Annotated[str, Query(pattern="^$|^(held|behalf|toward)$",
                               description="Page only: stances in this role")] = "",
    kind: Annotated[str, Query(pattern=_KIND, description="Page only: of this kind")] = "",
    issue: Annotated[str, Query(pattern=_OPTIONAL_SLUG, max_length=200,
                                description="Page only: on this issue (id)")] = "",
    counterpart: Annotated[str, Query(pattern=_OPTIONAL_SLUG, max_length=200,
                                      description="Page only: with this actor (id)")] = "",
    since: Annotated[str, Query(pattern=_MONTH, description="Page only: from this month "
                                                            "(YYYY-MM)")] = "",
    until: Annotated[str, Query(pattern=_MONTH, description="Page only: to this month "
                                                            "(YYYY-MM)")] = "",
    page: Annotated[int, Query(ge=1, le=100_000, description="Page only: page of the lists")] = 1,
) -> Response:
    """The actor as JSON (the same as GET /actors/{id}), as RDF (Turtle, N-Triples, JSON-LD,
    RDF/XML: the triples it is the subject of), or, for a browser, its page."""
    filters = StanceFilters(
        role=role or None, kind=kind or None,
        issue=str(issue_iri(issue)) if issue else None,
        counterpart=str(actor_iri(counterpart)) if counterpart else None,
        since=since or None, until=until or None)
    return answer(
        request,
        json=lambda: get_actor(store, id),
        rdf=lambda media_type: _describe(store, id, media_type),
        page=lambda: render(request, "actor.html", actor_page(store, id, filters, page)))


def _describe(store: Store, id: str, media_type: str) -> Response:
    get_actor(store, id)  # 404 for an unknown actor
    actor = iri_term(str(actor_iri(id)))
    return describe(store, f"CONSTRUCT {{ {actor} ?p ?o }} WHERE {{ {actor} ?p ?o }}",
                    media_type)


def actor_page(store: Store, id: str, filters: StanceFilters, page: int) -> dict[str, Any]:
    """Everything the actor's page shows."""
    try:
        actor = json.loads(get_actor(store, id).body)
    except HTTPException as exc:
        raise PageError(exc.status_code, exc.detail) from None
    iri = actor["iri"]
    scheme = kind_scheme(store)
    involved = involvements(store, iri)
    matching = [(s, roles) for s in involved if (roles := filters.roles(s))]
    # Newest first; `involved` is in listing order, which a stable sort keeps within a date.
    lists = {r: sorted((s for s, roles in matching if r in roles), key=lambda s: s.date or "",
                       reverse=True) for r in ROLES}
    shown = {r: found[(page - 1) * PAGE_SIZE: page * PAGE_SIZE] for r, found in lists.items()}
    rendered, named = render_stances(
        store, sorted({s.stance for found in shown.values() for s in found}, key=stance_key),
        more_labels=[iri, *_options_iris(involved)])
    stances = {r.iri: json.loads(r.json) for r in rendered}
    relations = _relations(iri, matching, scheme)
    network = draw_network(iri, named, relations, scheme)
    months, series = timeline_counts(
        Counter(((s.date or "")[:7], scheme.class_of.get(s.kind, "")) for s, _ in matching
                if s.date), scheme)
    return {
        "actor": actor, "scheme": scheme, "filters": filters, "page": page,
        "pages": max(1, -(-max(map(len, lists.values())) // PAGE_SIZE)),
        "options": _options(involved, named),
        "lists": [{"role": r, "title": ROLE_TITLES[r], "total": len(lists[r]),
                   "stances": [stances[s.stance] for s in shown[r] if s.stance in stances]}
                  for r in ROLES],
        "network": network, "relations": _relation_rows(relations, named, scheme),
        "timeline": draw_timeline(months, series, scheme.class_labels) if months else None,
        "timeline_rows": _timeline_rows(months, series),
        "matching": len(matching), "involved": len(involved),
    }


def involvements(store: Store, iri: str) -> list[Involvement]:
    """Every stance the actor holds, that is held on its behalf or that aims at it, kept for
    an unchanging store (a much-discussed actor has thousands)."""
    def find() -> list[Involvement]:
        actor = iri_term(iri)
        rows = select(store, f"""
SELECT ?stance ?role ?holder ?kind ?target ?issue ?date WHERE {{
  {{ ?stance sg:holder {actor} BIND("held" AS ?role) }}
  UNION {{ ?stance sg:onBehalfOf {actor} BIND("behalf" AS ?role) }}
  UNION {{ ?stance sg:towardActor {actor} BIND("toward" AS ?role) }}
  ?stance sg:holder ?holder .
  ?stance sg:kind ?kind .
  OPTIONAL {{ ?stance sg:towardActor ?target }}
  OPTIONAL {{ ?stance sg:onIssue ?issue }}
  OPTIONAL {{ ?stance sg:date ?date }}
}}""")
        fields: dict[str, dict[str, Any]] = {}
        for r in rows:
            f = fields.setdefault(r["stance"], {"roles": set(), **r})
            # A stance held by the actor is also on its behalf: listed as held only.
            if r["role"] != "behalf" or r["holder"] != iri:
                f["roles"].add(r["role"])
        return [Involvement(stance, frozenset(f["roles"]), f["holder"], id_from_iri(f["kind"]),
                            f.get("target"), f.get("issue"), f.get("date"))
                for stance, f in sorted(fields.items(), key=lambda sf: stance_key(sf[0]))
                if f["roles"]]

    cache = cache_for(store)
    if cache is None:
        return find()
    return cache.listing(f"actor-involvements {iri}", find, size=len)


def _options_iris(involved: list[Involvement]) -> set[str]:
    """The issues and counterparts the filters offer, to be named."""
    found: set[str] = set()
    for s in involved:
        found.update(x for x in (s.issue, *(s.counterpart(r) for r in s.roles)) if x)
    return found


def _options(involved: list[Involvement], named: dict[str, str]) -> dict[str, Any]:
    """The values each filter offers, with how many stances have each, most first."""
    kinds: Counter[str] = Counter(s.kind for s in involved)
    issues: Counter[str] = Counter(s.issue for s in involved if s.issue)
    others: Counter[str] = Counter(c for s in involved for r in s.roles
                                   if (c := s.counterpart(r)))
    months = sorted({s.date[:7] for s in involved if s.date})

    def ranked(counts: Counter[str]) -> list[dict[str, Any]]:
        return [{"id": id_from_iri(x), "label": named.get(x) or id_from_iri(x), "count": n}
                for x, n in sorted(counts.items(),
                                   key=lambda xn: (-xn[1], (named.get(xn[0]) or xn[0]).lower()))]

    return {"kinds": ranked(kinds), "issues": ranked(issues), "counterparts": ranked(others),
            "first_month": months[0] if months else None,
            "last_month": months[-1] if months else None}


def _relations(iri: str, matching: list[tuple[Involvement, list[str]]],
               scheme: KindScheme) -> list[Relation]:
    """Stances between the actor and each counterpart, by direction and coarse class."""
    counts: Counter[tuple[str, bool, str]] = Counter()
    for s, roles in matching:
        for other, outgoing in {(s.counterpart(r), r != "toward") for r in roles}:
            if other and other != iri:
                counts[other, outgoing, scheme.class_of.get(s.kind, "")] += 1
    return [Relation(other, outgoing, cls, n)
            for (other, outgoing, cls), n in sorted(counts.items())]


def _relation_rows(relations: list[Relation], named: dict[str, str],
                   scheme: KindScheme) -> list[dict[str, Any]]:
    """The relations as the table beside the picture: one row per counterpart."""
    rows: dict[str, dict[str, Any]] = {}
    for r in relations:
        row = rows.setdefault(r.counterpart, {
            "id": id_from_iri(r.counterpart), "label": named.get(r.counterpart),
            "outgoing": Counter(), "incoming": Counter(), "total": 0})
        row["outgoing" if r.outgoing else "incoming"][r.kind_class] += r.count
        row["total"] += r.count
    order = {c: i for i, c in enumerate(scheme.classes())}
    for row in rows.values():
        for side in ("outgoing", "incoming"):
            row[side] = sorted(row[side].items(), key=lambda cn: order.get(cn[0], len(order)))
    return sorted(rows.values(), key=lambda r: (-r["total"], (r["label"] or r["id"]).lower()))


def _timeline_rows(months: list[str],
                   series: list[tuple[str, list[int]]]) -> list[dict[str, Any]]:
    """The timeline as a table: the months that have stances, each class's count."""
    rows = []
    for i, month in enumerate(months):
        counts = {c: values[i] for c, values in series if values[i]}
        if counts:
            rows.append({"month": month, "counts": counts})
    return rows
