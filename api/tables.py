"""Lists as tables for analysts' tools: every REST list as JSON (the default), CSV or JSON
Lines, chosen by the Accept header or `format=json|csv|jsonl`.

JSON Lines has one item a line, each exactly the item of the JSON list. CSV flattens each
item into columns taken from its response model, in the model's field order: a reference to
an actor, issue or document (`Ref`) becomes two columns, its id under the field's name and its
label under `FIELD_label`; a list of words (aliases, types) is one cell, its entries joined
with "; ". The total of a paged list, which a table has no place for, is the `X-Total-Count`
header of all three.
"""

from __future__ import annotations

import json
import types
from collections.abc import Iterable, Mapping, Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from fastapi import Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from stancegraph.kg.named_queries import rows_to_csv

from .models import Problem, Ref
from .negotiation import negotiate_media_type

JSON = "application/json"
CSV = "text/csv"
JSON_LINES = "application/jsonl"
NDJSON = "application/x-ndjson"  # the older name of JSON Lines, which many clients send
OFFERS = (JSON, CSV, JSON_LINES, NDJSON)
FORMATS = {"json": JSON, "csv": CSV, "jsonl": JSON_LINES}
SEPARATOR = "; "

# What the OpenAPI document says a list route answers, besides its JSON model.
RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {CSV: {"schema": {"type": "string"}},
                      JSON_LINES: {"schema": {"type": "string"}},
                      NDJSON: {"schema": {"type": "string"}}},
          "description": "The list as JSON, or (Accept or format=) as CSV or JSON Lines"},
    406: {"model": Problem, "description": "No format the client accepts"},
}


def list_format(
    request: Request,
    format: Annotated[Literal["json", "csv", "jsonl"] | None,
                      Query(description="json (default), csv or jsonl; overrides Accept")] = None,
) -> str:
    """The media type a list is written in: `format=`, else the best of Accept (406 when the
    client accepts none of them)."""
    if format is not None:
        return FORMATS[format]
    chosen = negotiate_media_type(OFFERS, request.headers.get("accept"))
    if chosen is None:
        raise HTTPException(406, "lists are available as application/json, text/csv and "
                                 "application/jsonl")
    return chosen


# For route signatures: `def route(media_type: ListFormat)`.
ListFormat = Annotated[str, Depends(list_format)]


def columns(model: type[BaseModel], prefix: str = "") -> list[str]:
    """The CSV columns of a model: a field each, two for a Ref (id and label), a model's
    fields under its field's name."""
    out: list[str] = []
    for name, field in model.model_fields.items():
        kind = _model_of(field.annotation)
        if kind is Ref:
            out += [prefix + name, f"{prefix}{name}_label"]
        elif kind is not None:
            out += columns(kind, f"{prefix}{name}_")
        else:
            out.append(prefix + name)
    return out


def flatten(item: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """An item of a JSON list as one CSV row (see `columns`)."""
    row: dict[str, Any] = {}
    for key, value in item.items():
        if isinstance(value, Mapping) and set(value) == {"id", "iri", "label"}:
            row[prefix + key], row[f"{prefix}{key}_label"] = value["id"], value["label"]
        elif isinstance(value, Mapping):
            row.update(flatten(value, f"{prefix}{key}_"))
        elif isinstance(value, list):
            row[prefix + key] = SEPARATOR.join(
                str(v["id"]) if isinstance(v, Mapping) else str(v) for v in value)
        else:
            row[prefix + key] = value
    return row


def list_response(media_type: str, model: type[BaseModel], items: Sequence[Mapping[str, Any]],
                  *, total: int | None = None, raw: Iterable[bytes] | None = None,
                  first: Sequence[str] = ()) -> Response:
    """A list in CSV or JSON Lines (the JSON answer is the route's own). `raw`, when given,
    is each item's JSON as already written (it must agree with `items`); `first` names
    fields the items have besides the model's (a stance's role, say), as the first columns."""
    headers = {"X-Total-Count": str(total if total is not None else len(items))}
    if media_type == CSV:
        names = [*first, *columns(model)]
        text = rows_to_csv(names, [flatten(item) for item in items])
        return Response(text, media_type=f"{CSV}; charset=utf-8", headers=headers)
    lines = list(raw) if raw is not None else [_encode(i) for i in items]
    body = b"".join(line + b"\n" for line in lines)
    return Response(body, media_type=media_type, headers=headers)


def _encode(item: Mapping[str, Any]) -> bytes:
    return json.dumps(item, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (`Ref | None` -> Ref), or None for any other type."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (Union, types.UnionType):
        found = [a for a in get_args(annotation) if a is not type(None)]
        if len(found) == 1:
            return _model_of(found[0])
    return None
