"""GET /health: is the server up, and what is it serving; GET /: where things are."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from stancegraph import __version__

from ..deps import StoreDep

router = APIRouter(tags=["service"])


@router.get("/health", summary="Service status")
def health(request: Request, store: StoreDep, response: Response) -> dict[str, Any]:
    """Answers without running a query, so it stays quick while queries are busy."""
    workers = store.status()
    manifest = store.manifest
    up = workers.get("alive", 0) > 0
    if not up:
        response.status_code = 503
    return {
        "status": "ok" if up else "unavailable",
        "query_timeout": request.app.state.query_timeout,
        "query_workers": workers,
        "documents": len(manifest.get("documents", [])) if manifest else None,
        "triples": manifest.get("triples") if manifest else None,
        "dumps": request.app.state.dumps_dir is not None,
    }


@router.get("/", summary="Where things are")
def index(request: Request) -> dict[str, str]:
    base = str(request.base_url).rstrip("/")
    links = {"docs": "/docs", "openapi": "/openapi.json", "sparql": "/sparql",
             "dumps": "/dumps", "health": "/health", "queries": "/queries"}
    return {"name": "stancegraph", "version": __version__,
            **{k: base + v for k, v in links.items()}}
