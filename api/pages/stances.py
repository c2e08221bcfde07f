"""GET /id/stance/{doc}/{n}: a stance's page (its quote in its context, its provenance and what
reasoning added about it), or its JSON or RDF."""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import Response

from stancegraph.kg.ids import INFERRED_GRAPHS, document_graph, stance_iri
from stancegraph.kg.store import Store

from ..deps import StoreDep
from ..models import StanceDetail
from ..routers.stances import SLUG, get_stance, iri_term, labels, select
from .documents import document_text
from .kinds import kind_scheme
from .linked_data import answer, describe, responses
from .templating import PageError, render

router = APIRouter(tags=["linked data"])

# Characters of the document shown on each side of the quote, at most (to a paragraph break).
CONTEXT = 600
# A blank line (spaces allowed: some sources indent their empty lines).
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@router.get("/id/stance/{doc}/{n}", response_model=StanceDetail, responses=responses(),
            summary="A stance: its page, its JSON (as GET /stances/{doc}/{n}) or its RDF")
def stance_resource(
    request: Request, store: StoreDep,
    doc: Annotated[str, Path(pattern=SLUG, description="Document id")],
    n: Annotated[int, Path(ge=1, description="Number of the stance in its document")],
) -> Response:
    """The stance as JSON (the same as GET /stances/{doc}/{n}), as RDF (the stance, its
    evidence and their selectors), or, for a browser, its page."""
    return answer(
        request,
        json=lambda: get_stance(store, doc, n),
        rdf=lambda media_type: _describe(store, doc, n, media_type),
        page=lambda: render(request, "stance.html", stance_page(store, doc, n)))


def _describe(store: Store, doc: str, n: int, media_type: str) -> Response:
    get_stance(store, doc, n)  # 404 for an unknown stance
    stance = iri_term(str(stance_iri(f"{doc}/{n}")))
    return describe(store, f"""
CONSTRUCT {{ ?x ?p ?o }} WHERE {{
  {{ BIND({stance} AS ?x) }} UNION {{ {stance} sg:evidence ?x }}
  UNION {{ {stance} sg:evidence ?e . ?e oa:hasSelector ?x }}
  ?x ?p ?o
}}""", media_type)


def stance_page(store: Store, doc: str, n: int) -> dict[str, Any]:
    """Everything the stance's page shows."""
    try:
        stance = json.loads(get_stance(store, doc, n).body)
    except HTTPException as exc:
        raise PageError(exc.status_code, exc.detail) from None
    text = document_text(store, stance["document"]["iri"])
    inferred = _inferred(store, stance["iri"])
    return {
        "stance": stance, "scheme": kind_scheme(store), "context": _context(text, stance),
        "inferred": inferred, "graph": str(document_graph(doc)),
        "generator": store.manifest.get("generator"), "reasoner": store.manifest.get("reasoner"),
    }


def _context(text: str | None, stance: dict[str, Any]) -> dict[str, str] | None:
    """The paragraph around the quote (and the one before it when the quote opens its own),
    at most CONTEXT characters either side."""
    start, end = stance.get("start"), stance.get("end")
    if text is None or start is None or end is None:
        return None
    before = text[max(0, start - CONTEXT):start]
    after = text[end:end + CONTEXT]
    breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(before)]
    if breaks:
        # From the last paragraph break; from the one before when that leaves little.
        usable = [b for b in breaks if len(before) - b >= CONTEXT // 4] or breaks[:1]
        before = before[usable[-1]:]
    elif start > CONTEXT:
        before = "…" + before[before.find(" ") + 1:]
    first = _PARAGRAPH_BREAK.search(after)
    if first:
        after = after[:first.start()]
    elif end + CONTEXT < len(text):
        after = after[:after.rfind(" ")] + "…"
    return {"before": before, "quote": text[start:end], "after": after}


def _inferred(store: Store, iri: str) -> list[dict[str, Any]]:
    """What reasoning added about the stance: the triples of the inferred graphs it is the
    subject or object of."""
    stance = iri_term(iri)
    rows = select(store, f"""
SELECT DISTINCT ?s ?p ?o (isIRI(?o) AS ?iri) WHERE {{
  GRAPH ?g {{
    {{ {stance} ?p ?o BIND({stance} AS ?s) }} UNION {{ ?s ?p {stance} BIND({stance} AS ?o) }}
  }}
  FILTER(STRSTARTS(STR(?g), "{INFERRED_GRAPHS}"))
}}""")
    named = labels(store, [r["s"] for r in rows] + [r["o"] for r in rows if r["iri"]])
    return sorted(({"subject": r["s"], "predicate": r["p"], "object": str(r["o"]),
                    "object_is_iri": r["iri"], "subject_label": named.get(r["s"]),
                    "object_label": named.get(r["o"]) if r["iri"] else None}
                   for r in rows), key=lambda t: (t["predicate"], t["object"]))
