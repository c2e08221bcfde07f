"""The resource URLs as Linked Data: one URL per resource (the path of its IRI), answering a
browser with the page, and a client with the JSON of the REST resource or an RDF description,
whichever its Accept header (or a `format=` parameter) prefers.

For `*/*` or no Accept the JSON comes first, as from the REST routes; a browser asks for
text/html above anything else and gets the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import Response

from stancegraph.kg.errors import QueryError, QueryStopped
from stancegraph.kg.store import ResultFormats, Store

from ..errors import PROBLEM
from ..negotiation import GRAPH_OFFERS, choose, parse_accept

HTML = "text/html"
JSON = "application/json"
TEXT = "text/plain"
# Offered type -> what is sent; the order breaks ties (`*/*`: JSON).
_OFFERS: tuple[tuple[str, str], ...] = ((JSON, JSON), (HTML, HTML), *GRAPH_OFFERS)
_TEXT_OFFERS: tuple[tuple[str, str], ...] = ((JSON, JSON), (HTML, HTML), (TEXT, TEXT),
                                             *GRAPH_OFFERS)
# `format=` names for links and tools that cannot set Accept.
FORMAT_NAMES = {"json": JSON, "html": HTML, "text": TEXT, "turtle": "text/turtle",
                "ttl": "text/turtle", "nt": "application/n-triples",
                "ntriples": "application/n-triples", "jsonld": "application/ld+json",
                "json-ld": "application/ld+json", "rdfxml": "application/rdf+xml",
                "rdf": "application/rdf+xml"}
RDF_TYPES = ("text/turtle", "application/n-triples", "application/ld+json",
             "application/rdf+xml")
VARY = {"Vary": "Accept"}


def responses(*, text: bool = False) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI description of a negotiated resource's answers, beside its JSON model."""
    content: dict[str, Any] = {HTML: {"schema": {"type": "string"}}}
    if text:
        content[TEXT] = {"schema": {"type": "string"}}
    content.update({t: {"schema": {"type": "string"}} for t in RDF_TYPES})
    return {
        200: {"description": "The resource: JSON (the REST resource's), the page (text/html)"
                             + (", the original text (text/plain)" if text else "")
                             + " or an RDF description, as Accept or `format` prefers",
              "content": content},
        404: {"description": "No such resource", "content": PROBLEM},
        406: {"description": "None of the formats is acceptable", "content": PROBLEM},
    }


def representation(request: Request, *, text: bool = False) -> str:
    """The media type to answer with; 406 when the client accepts none of them."""
    named = request.query_params.get("format")
    offers = _TEXT_OFFERS if text else _OFFERS
    if named is not None:
        chosen = FORMAT_NAMES.get(named.lower())
        if chosen is None or (chosen == TEXT and not text):
            names = ", ".join(n for n, t in FORMAT_NAMES.items() if text or t != TEXT)
            raise HTTPException(406, f"unknown format {named!r}; use one of {names}")
        return chosen
    chosen = choose(offers, parse_accept(request.headers.get("accept")))
    if chosen is None:
        types = ", ".join(dict.fromkeys(t for t, _ in offers))
        raise HTTPException(406, f"this resource is available as {types}")
    return chosen


def negotiated(response: Response) -> Response:
    """A response that depends on Accept says so, for caches."""
    response.headers["Vary"] = "Accept"
    return response


def describe(store: Store, query: str, media_type: str) -> Response:
    """The triples a CONSTRUCT query gives, written in `media_type`."""
    try:
        written_as, body = store.execute(query, formats=ResultFormats(None, None, media_type))
    except QueryStopped as exc:
        raise HTTPException(503, f"the look-up was stopped: {exc}",
                            headers={"Retry-After": "1"}) from None
    except QueryError as exc:  # the queries are fixed text: this is a bug
        raise RuntimeError(f"description query failed: {exc}") from exc
    return Response(body, media_type=written_as, headers=VARY)


def answer(request: Request, *, json: Callable[[], Response], rdf: Callable[[str], Response],
           page: Callable[[], Response], text: Callable[[], Response] | None = None) -> Response:
    """The representation the client prefers, built by the matching callable."""
    wanted = representation(request, text=text is not None)
    if wanted == JSON:
        response = json()
    elif wanted == HTML:
        response = page()
    elif wanted == TEXT and text is not None:
        response = text()
    else:
        response = rdf(wanted)
    return negotiated(response)
