"""Dependencies shared by the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from stancegraph.kg.store import Store


def get_store(request: Request) -> Store:
    """The store the app was created with (use as `Depends(get_store)`)."""
    return request.app.state.store


def get_query_timeout(request: Request) -> float:
    """Seconds a query may run before it is stopped."""
    return request.app.state.query_timeout


# For route signatures: `def route(store: StoreDep)`.
StoreDep = Annotated[Store, Depends(get_store)]
