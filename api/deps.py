"""Dependencies shared by the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from stancegraph.kg.store import Store


def get_store(request: Request) -> Store:
    """The store the REST look-ups use (use as `Depends(get_store)`): the app's store, or
    its look-up workers when it has its own."""
    return request.app.state.store.lookups


def get_query_timeout(request: Request) -> float:
    """Seconds a query may run before it is stopped."""
    return request.app.state.query_timeout


# For route signatures: `def route(store: StoreDep)`.
StoreDep = Annotated[Store, Depends(get_store)]
