"""What `add` and `remove` change, whatever the store: the `Change` to apply and the
`GraphStore` interface both store kinds (kg.store.local, kg.store.remote) implement."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from rdflib import URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


@dataclass
class Change:
    """Named graphs to write (replacing what they held) and to drop, as one unit.

    `put` is in writing order: a store that cannot apply the change atomically writes derived
    graphs first and the documents' own graphs last (see kg/store/remote.py).
    """

    put: dict[URIRef, list[Triple]] = field(default_factory=dict)
    drop: list[URIRef] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.put or self.drop)


class GraphStore(Protocol):
    """A store `add` and `remove` can read and change: local or remote."""

    location: str
    engine: str | None  # the reasoner the store was built with, if known

    def select(self, query: str) -> list[dict[str, Node]]: ...

    def graph_triples(self, name: URIRef) -> list[Triple]: ...

    def has_graph(self, name: URIRef) -> bool: ...

    def apply(self, change: Change) -> None: ...

    def close(self) -> None: ...

    def __enter__(self) -> GraphStore: ...

    def __exit__(self, *exc: object) -> None: ...
