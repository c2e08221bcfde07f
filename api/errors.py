"""One error shape everywhere: `{"detail": "what was wrong, in one sentence"}`, as JSON.

Validation errors (422) name the parameter and the rule it breaks but never echo the value
back (a client can send a megabyte of it); an unexpected fault (500) says only that the
server log has the details, which it does, with the traceback. The OpenAPI document describes
every error, 422 included, with the one `Problem` schema.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from .models import Problem

log = logging.getLogger("stancegraph.api")

# The content of every documented error response.
PROBLEM: dict[str, Any] = {"application/json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
# Characters of a message kept (a message may quote a parser's view of the input).
MAX_DETAIL = 500


def problem(status: int, detail: str, headers: dict[str, str] | None = None) -> JSONResponse:
    """An error response of the one shape."""
    text = " ".join(detail.split())
    if len(text) > MAX_DETAIL:
        text = text[:MAX_DETAIL - 1] + "…"
    return JSONResponse({"detail": text}, status_code=status, headers=headers)


def validation_detail(exc: RequestValidationError) -> str:
    """'limit: Input should be a valid integer; kind: ...', without the values sent."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(x) for x in error.get("loc", ()) if x not in ("query", "path", "body"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
    return "; ".join(dict.fromkeys(parts)) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the error handlers and the OpenAPI document that describes them."""

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return problem(422, validation_detail(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(exc.status_code, str(exc.detail), dict(exc.headers or {}))

    @app.exception_handler(Exception)
    async def fault(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
        return problem(500, "internal error; the server log has the details")

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _one_error_shape(get_openapi(
                title=app.title, version=app.version, summary=app.summary,
                description=app.description, routes=app.routes))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _one_error_shape(schema: dict[str, Any]) -> dict[str, Any]:
    """Every error response documented as a Problem; FastAPI's list-shaped 422 removed."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Problem"] = Problem.model_json_schema()
    for name in ("HTTPValidationError", "ValidationError"):
        components.pop(name, None)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.get("responses", {})
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    response["content"] = PROBLEM
    return schema
