"""What every page shares: the templates, their filters, and the HTML error page."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.exceptions import HTTPException
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from stancegraph import __version__
from stancegraph.kg.ids import ID, PREFIXES, id_from_iri

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent.parent / "templates")
# Data IRIs whose resources have a page, by the path segment after id/.
_PAGED = ("actor/", "document/", "issue/", "stance/")


class PageError(HTTPException):
    """An error met while building a page: shown as a page, with the same status and sentence
    that a client of the JSON gets."""


def page_path(iri: str | None) -> str | None:
    """The path of a resource's page on this server ('/id/actor/north-korea'), for the data
    IRIs that have one; None for any other IRI."""
    if iri and iri.startswith(ID) and iri[len(ID):].startswith(_PAGED):
        return "/id/" + iri[len(ID):]
    return None


def prefixed(iri: str) -> str:
    """An IRI in its shortest prefixed form ('actor:north-korea'), or whole in <>."""
    best = max((ns for ns in PREFIXES.values() if iri.startswith(ns)), key=len, default=None)
    if best is None:
        return f"<{iri}>"
    prefix = next(p for p, ns in PREFIXES.items() if ns == best)
    return f"{prefix}:{iri[len(best):]}"


def with_query(request: Request, **changes: Any) -> str:
    """The current URL's path with its query parameters changed (None drops one)."""
    params = dict(request.query_params)
    params.update({k: v for k, v in changes.items() if v is not None})
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
    query = urlencode({k: v for k, v in params.items() if v != ""})
    return request.url.path + (f"?{query}" if query else "")


TEMPLATES.env.filters.update(page_path=page_path, prefixed=prefixed, slug=id_from_iri)
TEMPLATES.env.globals.update(version=__version__, with_query=with_query)
TEMPLATES.env.trim_blocks = True
TEMPLATES.env.lstrip_blocks = True


def compile_templates() -> None:
    """Compile every template now, when the app is made, rather than on a first visit."""
    for name in TEMPLATES.env.list_templates(extensions=["html"]):
        TEMPLATES.get_template(name)


def render(request: Request, template: str, context: dict[str, Any],
           status_code: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, template, context, status_code=status_code,
                                      headers=headers)


def error_page(request: Request, exc: PageError) -> HTMLResponse:
    return render(request, "error.html", {"status": exc.status_code, "detail": str(exc.detail)},
                  status_code=exc.status_code, headers=dict(exc.headers or {}))
