"""What the REST routes keep of a store whose data cannot change while it is served.

A store opened from a build's files or from a store folder is a fixed dataset in query workers
(an on-disk store refuses `add` while a server holds it), so a label or a stance found once
stays right, and so does the JSON written from them: the routes keep them and ask the store
only for the rest. A remote store can be written by others at any time, so nothing is kept
for it and every look-up asks it again.

Kept: facts about single resources (a label, a stance's JSON, a stance's holder and kind),
counts over the whole store (stances per document, each issue's stances and holders) and the
index of one resource's stances (an actor's, in each role, in listing order); never the answer
to a filter or a page.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any

from stancegraph.kg.store import Store, WorkerPool

# Every stance of a few thousand documents, about 1.7 kB each in memory; the oldest used go
# first.
MAX_STANCES = 100_000
# Small facts (a label, a stance's holder and kind) kept of each kind at most.
MAX_FACTS = 500_000
# Stance IRIs kept in indexes of resources' stances, all together; the least recently used
# index goes first. Every role of every actor of 1,000 documents is about 40,000.
MAX_LISTED = 300_000


class StoreCache:
    """Labels, stances as written in responses and other facts of one unchanging store.

    Safe to share between the threads that serve requests.
    """

    def __init__(self, max_stances: int = MAX_STANCES, max_facts: int = MAX_FACTS,
                 max_listed: int = MAX_LISTED) -> None:
        self.max_stances = max_stances
        self.max_facts = max_facts
        self.max_listed = max_listed
        self._listings: OrderedDict[str, tuple[int, Any]] = OrderedDict()
        self._listed = 0
        self._lock = threading.Lock()
        self._facts: dict[str, dict[str, Any]] = {}
        self._stances: OrderedDict[str, Any] = OrderedDict()
        self._values: dict[str, Any] = {}

    def facts(self, kind: str, iris: Iterable[str]) -> tuple[dict[str, Any], list[str]]:
        """The known facts of one kind ("label", ...) about `iris`, and the IRIs not known."""
        found: dict[str, Any] = {}
        missing = []
        with self._lock:
            known = self._facts.get(kind, {})
            for iri in iris:
                if iri in known:
                    found[iri] = known[iri]
                else:
                    missing.append(iri)
        return found, missing

    def add_facts(self, kind: str, facts: dict[str, Any]) -> None:
        with self._lock:
            known = self._facts.setdefault(kind, {})
            if len(known) + len(facts) > self.max_facts:
                known.clear()  # rarely reached: a plain restart beats tracking their use
            known.update(facts)

    def stances(self, iris: Iterable[str], *, detail: bool) -> tuple[dict[str, Any], list[str]]:
        """The kept stances of `iris` (kept with their detail, when `detail`), and the rest.

        A kept stance is any object whose `detail` says whether it has its detail.
        """
        found: dict[str, Any] = {}
        missing = []
        with self._lock:
            for iri in iris:
                stance = self._stances.get(iri)
                if stance is not None and (stance.detail or not detail):
                    self._stances.move_to_end(iri)
                    found[iri] = stance
                else:
                    missing.append(iri)
        return found, missing

    def add_stances(self, stances: dict[str, Any]) -> None:
        with self._lock:
            for iri, stance in stances.items():
                old = self._stances.get(iri)
                if old is None or stance.detail or not old.detail:
                    self._stances[iri] = stance
                self._stances.move_to_end(iri)
            while len(self._stances) > self.max_stances:
                self._stances.popitem(last=False)

    def value(self, key: str, compute: Callable[[], Any]) -> Any:
        """A value computed once from the store (e.g. every document's count of stances)."""
        with self._lock:
            if key in self._values:
                return self._values[key]
        value = compute()  # outside the lock: a slow look-up must not hold up the others
        with self._lock:
            return self._values.setdefault(key, value)


    def listing(self, key: str, compute: Callable[[], Any], size: Callable[[Any], int]) -> Any:
        """An index computed once from the store (e.g. an actor's stances by role), kept while
        recently used: `size` says how many entries it holds, all indexes together at most
        `max_listed`."""
        with self._lock:
            if key in self._listings:
                self._listings.move_to_end(key)
                return self._listings[key][1]
        value = compute()  # outside the lock, as in `value`
        n = size(value)
        with self._lock:
            if key not in self._listings:
                self._listings[key] = (n, value)
                self._listed += n
            self._listings.move_to_end(key)
            while self._listed > self.max_listed and len(self._listings) > 1:
                _, (dropped, _) = self._listings.popitem(last=False)
                self._listed -= dropped
            return self._listings[key][1]


_CACHES: weakref.WeakKeyDictionary[Store, StoreCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def unchanging(store: Store) -> bool:
    """Whether the store's data stays as it is while served: query workers over a build's
    files or a store folder opened read-only, not a remote store."""
    return isinstance(store.backend, WorkerPool)


def cache_for(store: Store) -> StoreCache | None:
    """The cache of an unchanging store; None for a store that others may change."""
    if not unchanging(store):
        return None
    with _CACHES_LOCK:
        cache = _CACHES.get(store)
        if cache is None:
            cache = _CACHES[store] = StoreCache()
        return cache
