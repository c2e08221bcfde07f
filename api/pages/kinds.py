"""The coarse classes of the stance-kind scheme as the pages show them: in which order, in which
colour, and on which side of an issue.

The classes and each kind's class come from the scheme in the store (ontology/kinds.ttl); only
how they look is decided here.
"""

from __future__ import annotations

from dataclasses import dataclass

from stancegraph.kg.store import Store

from ..cache import cache_for
from ..routers.stances import select

# From the most favourable to the most hostile, the order of legends and stacks.
CLASS_ORDER = ("approve", "intend", "appeal", "assert", "warn", "reject", "disapprove")
# Okabe–Ito colours (told apart with the common colour-vision deficiencies), darkened where
# needed so that white text on each (the kind badges) keeps a contrast of at least 4.5:1.
COLOURS = {
    "approve": "#007a5a", "intend": "#0072b2", "appeal": "#5b4fa8", "assert": "#6b6b6b",
    "warn": "#9a5c00", "reject": "#c44e00", "disapprove": "#b2182b",
}
UNKNOWN_COLOUR = "#6b6b6b"
# Where a class puts its holder on an issue.
SIDES = {"approve": "for", "intend": "for", "appeal": "action", "assert": "other",
         "warn": "against", "reject": "against", "disapprove": "against"}
SIDE_TITLES = {"for": "For", "against": "Against", "action": "Calls for action",
               "other": "Other statements"}


@dataclass(frozen=True)
class KindScheme:
    """Each kind's coarse class (by slug: `condemn` -> `disapprove`) and each class's label."""

    class_of: dict[str, str]
    class_labels: dict[str, str]

    def colour(self, kind: str) -> str:
        return self.class_colour(self.class_of.get(kind, ""))

    def class_colour(self, kind_class: str) -> str:
        return COLOURS.get(kind_class, UNKNOWN_COLOUR)

    def side(self, kind: str) -> str:
        return SIDES.get(self.class_of.get(kind, ""), "other")

    def classes(self) -> list[str]:
        """The classes in display order, any the scheme adds last."""
        known = [c for c in CLASS_ORDER if c in self.class_labels]
        return known + sorted(set(self.class_labels) - set(known))


def kind_scheme(store: Store) -> KindScheme:
    """The scheme's classes, read once from an unchanging store."""
    def read() -> KindScheme:
        class_of: dict[str, str] = {}
        labels: dict[str, str] = {}
        for r in select(store, """
SELECT ?kind ?class ?label WHERE {
  ?class skos:topConceptOf sg:StanceKinds ; skos:prefLabel ?label .
  OPTIONAL { ?kind skos:broader ?class }
}"""):
            labels[_slug(r["class"])] = r["label"]
            if r.get("kind"):
                class_of[_slug(r["kind"])] = _slug(r["class"])
        return KindScheme(class_of, labels)

    cache = cache_for(store)
    return read() if cache is None else cache.value("kind-scheme", read)


def _slug(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]
