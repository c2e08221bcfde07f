"""The actor network: who takes which kind of position toward whom, for network tools.

Each stance aimed at an actor is an arc from its holder to its target; the arcs of one holder,
target and coarse kind (disapprove, approve, reject, appeal, warn, assert, intend: the
classes of the stance-kind scheme) are one edge, whose `weight` is how many stances it stands
for and `kinds` how many of each stance kind. A holder may have several edges to one target,
one per coarse kind, so the graph is a networkx MultiDiGraph whose edge keys are the coarse
kinds. Nodes are actor ids, with their label, type and IRI.

networkx writes it as GraphML and GEXF (Gephi, Cytoscape, yEd) and as node-link JSON (D3,
networkx's own `node_link_graph`, igraph through it).
"""

from __future__ import annotations

import io
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pyoxigraph as ox

from .errors import QueryError
from .ids import ID, SG, id_from_iri, issue_iri, kind_iri
from .records import STANCE_KINDS
from .store import Store

COARSE_KINDS = ("disapprove", "approve", "reject", "appeal", "warn", "assert", "intend")
KIND_CLASSES = ID + "kind-class/"
FORMATS = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml",
           "json": "application/json"}
_MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")
_ACTOR_TYPES = ("Official", "Person", "State", "Institution")  # most specific first


@dataclass(frozen=True)
class NetworkFilter:
    """Which stances count: of one stance kind or coarse kind, on one issue (an id), in one
    month (YYYY-MM of the stance's date); None: any."""

    kind: str | None = None
    coarse_kind: str | None = None
    issue: str | None = None
    month: str | None = None

    def check(self) -> NetworkFilter:
        """Itself, or QueryError naming the value that is not of its kind."""
        if self.kind is not None and self.kind not in STANCE_KINDS:
            raise QueryError(f"kind {self.kind!r}: not a stance kind (one of "
                             + ", ".join(STANCE_KINDS) + ")")
        if self.coarse_kind is not None and self.coarse_kind not in COARSE_KINDS:
            raise QueryError(f"coarse kind {self.coarse_kind!r}: not one of "
                             + ", ".join(COARSE_KINDS))
        if self.issue is not None and not _SLUG.match(self.issue):
            raise QueryError(f"issue {self.issue!r}: not an issue id")
        if self.month is not None and not _MONTH.match(self.month):
            raise QueryError(f"month {self.month!r}: not a month (YYYY-MM)")
        return self

    def attributes(self) -> dict[str, str]:
        """The filters given, as the graph's attributes (so an exported file says what it
        holds)."""
        return {k: v for k, v in (("kind", self.kind), ("coarse_kind", self.coarse_kind),
                                  ("issue", self.issue), ("month", self.month)) if v}


def actor_network(store: Store, where: NetworkFilter | None = None,
                  timeout: float | None = None) -> nx.MultiDiGraph:
    """The network of the stances `where` selects (default: all), from the store."""
    where = (where or NetworkFilter()).check()
    classes = _kind_classes(store, timeout)
    patterns = ["?stance sg:holder ?holder ; sg:towardActor ?target ; sg:kind ?kind ."]
    if where.kind is not None:
        patterns.append(f"VALUES ?kind {{ {_iri(str(kind_iri(where.kind)))} }}")
    if where.coarse_kind is not None:
        kinds = sorted(k for k, c in classes.items() if c == where.coarse_kind)
        patterns.append(f"VALUES ?kind {{ {' '.join(map(_iri, kinds))} }}")
    if where.issue is not None:
        patterns.append(f"?stance sg:onIssue {_iri(str(issue_iri(where.issue)))} .")
    if where.month is not None:
        patterns.append(f"?stance sg:date ?date . FILTER(STRSTARTS(STR(?date), "
                        f"{ox.Literal(where.month)}))")
    rows = store.select(f"""
PREFIX sg: <{SG}>
SELECT ?holder ?target ?kind (COUNT(DISTINCT ?stance) AS ?stances) WHERE {{
  {chr(10).join(patterns)}
}} GROUP BY ?holder ?target ?kind""", timeout=timeout).rows
    edges: dict[tuple[str, str, str], dict[str, int]] = defaultdict(dict)
    for r in rows:
        coarse = classes.get(r["kind"], "assert")
        edges[(r["holder"], r["target"], coarse)][id_from_iri(r["kind"])] = int(r["stances"])
    graph = nx.MultiDiGraph(name="stancegraph actor network", **where.attributes())
    for iri, facts in _actors(store, {a for h, t, _ in edges for a in (h, t)}, timeout).items():
        graph.add_node(id_from_iri(iri), **facts)
    for (holder, target, coarse), kinds in sorted(edges.items()):
        graph.add_edge(id_from_iri(holder), id_from_iri(target), key=coarse, kind=coarse,
                       weight=sum(kinds.values()),
                       kinds=", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    return graph


def write_network(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    """The graph as GraphML, GEXF or node-link JSON (`fmt`: a key of FORMATS)."""
    if fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    out = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, out, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(graph, out, encoding="utf-8")
    else:
        raise ValueError(f"unknown network format {fmt!r}")
    return out.getvalue()


def _iri(iri: str) -> str:
    return str(ox.NamedNode(iri))  # pyoxigraph checks and writes it


def _kind_classes(store: Store, timeout: float | None) -> dict[str, str]:
    """The coarse kind of each stance kind, from the kind scheme in the store."""
    rows = store.select(f"""
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?kind ?class WHERE {{ ?kind skos:broader ?class .
  FILTER(STRSTARTS(STR(?class), "{KIND_CLASSES}")) }}""", timeout=timeout).rows
    return {r["kind"]: r["class"][len(KIND_CLASSES):] for r in rows}


def _actors(store: Store, iris: set[str], timeout: float | None) -> dict[str, dict[str, Any]]:
    """Label, most specific type and IRI of each actor, in IRI order."""
    if not iris:
        return {}
    rows = store.select(f"""
PREFIX sg: <{SG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?actor ?label ?class WHERE {{
  VALUES ?actor {{ {' '.join(_iri(i) for i in sorted(iris))} }}
  OPTIONAL {{ ?actor rdfs:label ?label }}
  OPTIONAL {{ ?actor a ?class . VALUES ?class {{ sg:State sg:Institution sg:Official sg:Person }} }}
}}""", timeout=timeout).rows
    labels: dict[str, str] = {}
    types: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        if r.get("label") is not None:
            labels[r["actor"]] = min(labels.get(r["actor"], r["label"]), r["label"])
        if r.get("class") is not None:
            types[r["actor"]].add(r["class"].rsplit("#", 1)[-1])
    out = {}
    for iri in sorted(iris):
        kind = next((t for t in _ACTOR_TYPES if t in types[iri]), "Actor")
        out[iri] = {"label": labels.get(iri, id_from_iri(iri)), "type": kind, "iri": iri}
    return out
