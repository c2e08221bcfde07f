"""GET /health: is the server up, and what is it serving."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from ..deps import StoreDep

router = APIRouter(tags=["service"])


@router.get("/health", summary="Service status")
def health(request: Request, store: StoreDep, response: Response) -> dict[str, Any]:
    """Answers without running a query, so it stays quick while queries are busy. Down (503)
    only when no worker of the look-ups is alive: query workers being replaced after a
    runaway do not make the service unavailable."""
    queries = request.app.state.store
    workers = queries.status()
    manifest = store.manifest
    up = store.status().get("alive", 0) > 0
    if not up:
        response.status_code = 503
    return {
        "status": "ok" if up else "unavailable",
        "query_timeout": request.app.state.query_timeout,
        "query_workers": workers,
        "lookup_workers": store.status() if store is not queries else None,
        "documents": len(manifest.get("documents", [])) if manifest else None,
        "triples": manifest.get("triples") if manifest else None,
        "dumps": request.app.state.dumps_dir is not None,
    }

