"""The network picture of an actor's relations, laid out and drawn by Graphviz.

One node per counterpart (whom the actor's stances aim at, and who aims stances at it), one
edge per direction and coarse class of stance, as thick as the stances it stands for are
many. `twopi` puts the actor in the middle and its counterparts around it. The drawing is SVG
written by Graphviz's `dot` program, so the Graphviz package must be installed; without it the
page lists the same relations as a table only.
"""

from __future__ import annotations

import logging
import math
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import graphviz

from stancegraph.kg.ids import id_from_iri

from .kinds import KindScheme
from .templating import page_path

log = logging.getLogger("stancegraph.pages")

# Counterparts drawn at most, the most frequent first: past this a picture is a hairball, and
# the table beside it lists them all.
MAX_COUNTERPARTS = 40
FONT = "Helvetica,Arial,sans-serif"
_LABEL_WIDTH = 18


@dataclass(frozen=True)
class Relation:
    """`count` stances of one coarse class between the actor and a counterpart: held by the
    actor (or on its behalf) when `outgoing`, else aimed at it."""

    counterpart: str
    outgoing: bool
    kind_class: str
    count: int


@dataclass(frozen=True)
class Network:
    """What the page shows: the drawing (None when Graphviz is missing) and the counterparts
    drawn, of how many."""

    svg: str | None
    drawn: list[str]
    counterparts: int


def draw_network(actor: str, labels: dict[str, str], relations: Iterable[Relation],
                 scheme: KindScheme) -> Network:
    """The picture of `relations` around `actor` (IRIs; `labels` names them)."""
    relations = list(relations)
    weight: dict[str, int] = {}
    for r in relations:
        weight[r.counterpart] = weight.get(r.counterpart, 0) + r.count
    ranked = sorted(weight, key=lambda c: (-weight[c], labels.get(c) or c))
    drawn = ranked[:MAX_COUNTERPARTS]
    if not drawn:
        return Network(None, [], 0)
    source = _dot_source(actor, labels, [r for r in relations if r.counterpart in set(drawn)],
                         drawn, scheme)
    return Network(_render(source), drawn, len(ranked))


def _dot_source(actor: str, labels: dict[str, str], relations: list[Relation],
                drawn: list[str], scheme: KindScheme) -> str:
    graph = graphviz.Digraph(engine="twopi", graph_attr={
        "root": "actor", "overlap": "false", "splines": "curved", "bgcolor": "transparent",
        "ranksep": "1.6", "fontname": FONT})
    graph.attr("node", fontname=FONT, fontsize="11", shape="box", style="rounded,filled",
               fillcolor="#f4f6f8", color="#4a5560", fontcolor="#1a1a1a")
    graph.attr("edge", fontname=FONT, fontsize="10", arrowsize="0.7")
    graph.node("actor", _label(labels.get(actor) or id_from_iri(actor)), id="centre",
               fillcolor="#1a3a5c", fontcolor="#ffffff", color="#1a3a5c", fontsize="13")
    for i, other in enumerate(drawn):
        name = labels.get(other) or id_from_iri(other)
        graph.node(f"c{i}", _label(name), id=f"counterpart-{id_from_iri(other)}",
                   URL=page_path(other) or "", tooltip=name, **{"class": "counterpart"})
    index = {other: f"c{i}" for i, other in enumerate(drawn)}
    for r in sorted(relations, key=lambda r: (drawn.index(r.counterpart), not r.outgoing,
                                              r.kind_class)):
        node = index[r.counterpart]
        label = scheme.class_labels.get(r.kind_class, r.kind_class)
        ends = ("actor", node) if r.outgoing else (node, "actor")
        who = [labels.get(actor) or id_from_iri(actor), labels.get(r.counterpart) or node]
        tooltip = (f"{who[0]} → {who[1]}" if r.outgoing else f"{who[1]} → {who[0]}") \
            + f": {r.count} {label}"
        graph.edge(*ends, color=scheme.class_colour(r.kind_class),
                   penwidth=f"{min(1 + 1.5 * math.log2(r.count), 7):.1f}",
                   tooltip=tooltip, label=str(r.count) if r.count > 1 else "",
                   fontcolor="#1a1a1a")
    return graph.source


@lru_cache(maxsize=256)
def _render(source: str) -> str | None:
    """SVG for inline use (no XML prolog); None when Graphviz's programs are not installed."""
    try:
        svg = graphviz.Source(source, engine="twopi").pipe(format="svg", encoding="utf-8")
    except graphviz.ExecutableNotFound:
        log.warning("Graphviz is not installed: actor pages show their relations as a table")
        return None
    # Inline, without the prolog, and without a fixed size: CSS sizes it, its viewBox keeps
    # the proportions.
    svg = svg[svg.index("<svg"):]
    return re.sub(r'^<svg width="[^"]*" height="[^"]*"', "<svg", svg, count=1)


def _label(name: str) -> str:
    # Graphviz reads backslashes in labels as escapes: none may come from the data.
    lines = textwrap.wrap(name.replace("\\", "/"), _LABEL_WIDTH) or [name]
    return "\\n".join(lines)

