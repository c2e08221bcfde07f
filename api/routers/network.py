"""GET /network: the actor network as GraphML, GEXF or node-link JSON (kg/network.py)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import Response

from stancegraph.kg.errors import QueryError, QueryStopped
from stancegraph.kg.network import (
    COARSE_KINDS,
    FORMATS,
    NetworkFilter,
    actor_network,
    write_network,
)
from stancegraph.kg.records import STANCE_KINDS

from ..models import Problem
from ..negotiation import negotiate_media_type
from .stances import SLUG

router = APIRouter(tags=["network"])

# Offered media types, best first, and the format each is written in. XML clients that name
# no dialect get GraphML, which more tools read.
_OFFERS = {"application/json": "json", "application/graphml+xml": "graphml",
           "application/gexf+xml": "gexf", "application/xml": "graphml", "text/xml": "graphml"}


@router.get(
    "/network",
    responses={
        200: {"content": {m: {"schema": {"type": "string"}} for m in FORMATS.values()
                          if m != "application/json"},
              "description": "The network as node-link JSON (networkx), GraphML or GEXF"},
        406: {"model": Problem}, 422: {"model": Problem},
        503: {"model": Problem, "description": "The query was stopped or the workers are busy"},
    },
)
def get_network(
    request: Request,
    kind: Annotated[Literal[STANCE_KINDS] | None,  # type: ignore[valid-type]
                    Query(description="Only stances of this kind")] = None,
    coarse_kind: Annotated[Literal[COARSE_KINDS] | None,  # type: ignore[valid-type]
                           Query(description="Only stances of this coarse kind")] = None,
    issue: Annotated[str | None, Query(pattern=SLUG, max_length=200,
                                       description="Only stances on this issue (its id)")] = None,
    month: Annotated[str | None, Query(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$",
                                       description="Only stances of this month (YYYY-MM)")] = None,
    format: Annotated[Literal["json", "graphml", "gexf"] | None,
                      Query(description="json (node-link), graphml or gexf; overrides Accept")
                      ] = None,
) -> Response:
    """The actor network: an edge from holder to target for each coarse kind of stance one
    takes toward the other, weighted by the number of stances; nodes are actors with their
    label and type. Load the JSON with networkx's `node_link_graph(data, edges="edges")`;
    open GraphML or GEXF in Gephi."""
    if format is None:
        chosen = negotiate_media_type(list(_OFFERS), request.headers.get("accept"))
        if chosen is None:
            raise HTTPException(406, "the network is available as application/json, "
                                     "application/graphml+xml and application/gexf+xml")
        format = _OFFERS[chosen]  # type: ignore[assignment]
    where = NetworkFilter(kind=kind, coarse_kind=coarse_kind, issue=issue, month=month)
    try:
        # an analysis whose cost the caller chooses: on the query workers, as named queries
        graph = actor_network(request.app.state.store, where)
    except QueryStopped as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "1"}) from None
    except QueryError as exc:
        raise HTTPException(422, str(exc)) from None
    return Response(write_network(graph, format), media_type=FORMATS[format])
