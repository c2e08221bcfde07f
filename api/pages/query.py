"""GET /query: the query page, a SPARQL editor (CodeMirror's SPARQL highlighting, the data's
prefixes declared) with the named queries as examples, a form for each one's parameters,
results as a table and downloads in every format of the SPARQL endpoint.

Queries run as the endpoint runs them (the same checks, limits and query workers,
api/routers/sparql.py). A named query's parameters are written into its text as RDF terms
(kg/store/query_text.py), so that the editor shows the very query that ran and it can be
edited from there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response

from stancegraph.kg.errors import QueryError
from stancegraph.kg.ids import PREFIXES
from stancegraph.kg.named_queries import NamedQuery, get_named_query, named_queries
from stancegraph.kg.store import ResultFormats
from stancegraph.kg.store.query_text import bind_variables

from ..negotiation import N_TRIPLES, SPARQL_JSON
from ..routers.sparql import ProtocolError, check_query, evaluate
from .templating import render

router = APIRouter()

# Rows shown on the page; the downloads have them all.
MAX_SHOWN = 1000
# Download links carry the query in their URL up to this length; past it, buttons post it.
MAX_LINK = 8000
DOWNLOADS = {
    "solutions": (("json", "SPARQL JSON"), ("xml", "SPARQL XML"), ("csv", "CSV"),
                  ("tsv", "TSV")),
    "graph": (("turtle", "Turtle"), ("ntriples", "N-Triples"), ("jsonld", "JSON-LD"),
              ("rdfxml", "RDF/XML")),
}
DEFAULT_QUERY = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + """
# The latest stances: who, of which kind, toward whom, and the quote
SELECT ?stance ?holder ?kind ?target ?quote WHERE {
  ?stance a sg:Stance ; sg:holder ?holder ; sg:kind ?kind ; sg:date ?date ;
          sg:evidence/oa:hasSelector/oa:exact ?quote .
  OPTIONAL { ?stance sg:towardActor ?target }
}
ORDER BY DESC(?date) ?stance
LIMIT 20
"""


@dataclass
class Results:
    """A query's answer as the page shows it: a table (for a graph, its triples), or yes/no."""

    kind: str  # "solutions", "boolean" or "graph"
    columns: list[str] = field(default_factory=list)
    rows: list[list[dict[str, Any] | None]] = field(default_factory=list)
    total: int = 0
    boolean: bool | None = None


@router.get("/query", include_in_schema=False)
async def query_page(request: Request) -> Response:
    params = request.query_params
    text = params.get("query")
    chosen: NamedQuery | None = None
    values: dict[str, str] = {}
    error: str | None = None
    status = 200
    if "named" in params:
        try:
            chosen = get_named_query(params["named"])
            values = {k: v for k, v in params.multi_items() if k not in ("named", "query") and v}
            bound = chosen.bind(values)
            text = bind_variables(bound.text, bound.bindings)
        except QueryError as exc:
            error, status = str(exc), 400
    results = None
    if text is not None and error is None:
        try:
            check_query(request, text)
            media_type, body = await evaluate(
                request, text, ResultFormats(SPARQL_JSON, SPARQL_JSON, N_TRIPLES))
            results = _results(media_type, body)
        except ProtocolError as exc:
            error, status = exc.message, exc.status
    return render(request, "query.html", {
        "nav": "query", "text": text if text is not None else DEFAULT_QUERY,
        "results": results, "error": error, "shown": MAX_SHOWN,
        "downloads": _downloads(text, results),
        "examples": [q.describe() for q in named_queries().values()],
        "chosen": chosen.name if chosen else None, "values": values,
    }, status_code=status)


def _results(media_type: str, body: bytes) -> Results:
    if media_type.startswith(SPARQL_JSON):
        data = json.loads(body)
        if "boolean" in data:
            return Results("boolean", boolean=data["boolean"])
        columns = data["head"]["vars"]
        bindings = data["results"]["bindings"]
        return Results("solutions", columns,
                       [[b.get(c) for c in columns] for b in bindings[:MAX_SHOWN]],
                       len(bindings))
    triples = list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
    return Results("graph", ["subject", "predicate", "object"],
                   [[_cell(t.subject), _cell(t.predicate), _cell(t.object)]
                    for t in triples[:MAX_SHOWN]], len(triples))


def _cell(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, Any]:
    """A pyoxigraph term as a term of SPARQL JSON results."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    cell: dict[str, Any] = {"type": "literal", "value": term.value}
    if term.language:
        cell["xml:lang"] = term.language
    elif term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        cell["datatype"] = term.datatype.value
    return cell


def _downloads(text: str | None, results: Results | None) -> dict[str, Any] | None:
    """The formats the endpoint writes this result in, as links (or, for a query too long for
    a link, as buttons that post it)."""
    if text is None or results is None:
        return None
    formats = DOWNLOADS["graph" if results.kind == "graph" else "solutions"]
    links = [{"name": name, "label": label, "href": "/sparql?" + urlencode(
        {"query": text, "format": name})} for name, label in formats]
    return {"formats": links, "post": any(len(link["href"]) > MAX_LINK for link in links)}
