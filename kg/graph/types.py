"""One type per actor new to the registry, whatever each document made of it.

Documents are extracted apart, so a name the registry does not know can be read as a person in
one document and as an institution in another ("Bogotá" taken for a person's name). The
ontology makes persons, institutions and states disjoint, so the corpus would be inconsistent
and its reasoning would stop. Before reasoning, each such actor is settled on the kind most of
its documents give it (ties: the first document's, in id order), and the documents
that disagree assert that kind instead. Officials count as persons (an official is a person).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from rdflib import RDF
from rdflib.term import Node

from ..ids import SG

Triple = tuple[Node, Node, Node]

_KINDS = {SG.Person: "person", SG.Official: "person", SG.Institution: "body", SG.State: "state"}


def settle_types(typed: Iterable[tuple[str, Node, Node]]) -> dict[Node, Node]:
    """From (document, actor, type) assertions, the type each actor that documents disagree
    on should have; actors all documents agree on are left out."""
    by_actor: dict[Node, dict[str, set[Node]]] = defaultdict(lambda: defaultdict(set))
    for doc, actor, cls in typed:
        if cls in _KINDS:
            by_actor[actor][doc].add(cls)
    settled: dict[Node, Node] = {}
    for actor, docs in by_actor.items():
        kinds = Counter(_KINDS[c] for classes in docs.values() for c in classes)
        if len(kinds) < 2:
            continue
        order = [c for d in sorted(docs) for c in sorted(docs[d], key=str)]  # ties: the first
        best = max(kinds.values())
        kind = next(_KINDS[c] for c in order if kinds[_KINDS[c]] == best)
        classes = Counter(c for cs in docs.values() for c in cs if _KINDS[c] == kind)
        most = max(classes.values())
        settled[actor] = next(c for c in order if classes.get(c) == most)
    return settled


def retyped(triples: Iterable[Triple], settled: dict[Node, Node]) -> list[Triple]:
    """The triples with every settled actor's type of another kind replaced by its settled
    type (a type of the same kind stays: an official is still an official)."""
    out: list[Triple] = []
    for s, p, o in triples:
        target = settled.get(s) if p == RDF.type else None
        if target is not None and o in _KINDS and _KINDS[o] != _KINDS[target]:
            o = target
        out.append((s, p, o))
    return out


def type_assertions(doc: str, triples: Iterable[Triple]) -> list[tuple[str, Node, Node]]:
    """The (document, actor, type) assertions of one document's triples."""
    return [(doc, s, o) for s, p, o in triples if p == RDF.type and o in _KINDS]
