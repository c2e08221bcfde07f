"""GET /queries (the named queries and their parameters) and GET /queries/{name} (run one)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import JSONResponse, Response

from stancegraph.kg.errors import QueryError, QueryStopped
from stancegraph.kg.named_queries import (
    QueryParameterError,
    UnknownQueryError,
    get_named_query,
    named_queries,
    rows_to_csv,
)

from ..models import NamedQueryInfo, Problem, QueryResult
from ..negotiation import negotiate_media_type
from ..tables import CSV, JSON, JSON_LINES, NDJSON, OFFERS, list_response

router = APIRouter(tags=["named queries"])



@router.get("/queries", response_model=list[NamedQueryInfo])
def list_queries() -> list[dict[str, Any]]:
    """The named queries, each with its title, summary and typed parameters."""
    return [q.describe() for q in named_queries().values()]


@router.get(
    "/queries/{name}",
    response_model=QueryResult,
    responses={
        200: {"content": {CSV: {"schema": {"type": "string"}},
                          JSON_LINES: {"schema": {"type": "string"}},
                          NDJSON: {"schema": {"type": "string"}}},
              "description": "The rows, as JSON or (by Accept) as CSV or JSON Lines"},
        404: {"model": Problem}, 406: {"model": Problem}, 422: {"model": Problem},
        503: {"model": Problem, "description": "The query was stopped (time or memory limit) "
                                                "or the query workers are all busy"},
    },
)
def run_query(
    request: Request,
    name: Annotated[str, Path(pattern=r"^[a-z0-9][a-z0-9_-]*$", description="Query name")],
) -> Response:
    """Run a named query. Its parameters are query-string parameters (see GET /queries);
    values are checked against their declared types (422 when they do not fit)."""
    media_type = negotiate_media_type(OFFERS, request.headers.get("accept"))
    if media_type is None:
        raise HTTPException(406, "results are available as application/json, text/csv and "
                                 "application/jsonl")
    try:
        query = get_named_query(name)
    except UnknownQueryError as exc:
        raise HTTPException(404, str(exc)) from None
    params: dict[str, str] = {}
    for key, value in request.query_params.multi_items():
        if key in params:
            raise HTTPException(422, f"parameter {key} is given more than once")
        params[key] = value
    # Named queries are analytics, whose cost the caller chooses: they run on the query
    # workers, beside SPARQL, never on the look-ups' own.
    store = request.app.state.store
    try:
        bound, result = query.run(store, params)
    except QueryParameterError as exc:
        raise HTTPException(422, str(exc)) from None
    except QueryStopped as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": "1"}) from None
    except QueryError as exc:  # the query file itself is at fault
        raise HTTPException(500, f"named query {name} failed: {exc}") from None
    if media_type == CSV:
        text = rows_to_csv(result.variables, result.rows)
        return Response(text, media_type=f"{CSV}; charset=utf-8")
    if media_type != JSON:  # JSON Lines: a row a line
        return list_response(media_type, QueryResult, result.rows)
    body = QueryResult(query=name, params=bound.values, variables=result.variables,
                       rows=result.rows)
    return JSONResponse(body.model_dump())

