"""Named SPARQL queries: `.rq` files with a front-matter comment block, run with typed parameters.

The front matter (grammar in queries/README.md) gives each query a title, a summary and its
parameters. A parameter value is parsed into an RDF term of its declared type and handed to the
store as a substitution of the variable of the same name, so a value is never query text. The
one exception is `limit`/`offset`: SPARQL has no variables there, so their checked integers
replace the numbers of the query's final LIMIT/OFFSET clause, and of any sub-select's LIMIT
clause marked `# limit` (one that picks the candidates of the final rows).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from rdflib import XSD, Literal, URIRef

from stancegraph import resources

from .errors import QueryError
from .ids import PREFIXES
from .records import STANCE_KINDS

_MONTH = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])|latest|all")
TYPES = ("iri", "string", "integer", "decimal", "date", "boolean", "month")
# Parameters that set the solution modifiers rather than a variable.
MODIFIERS = ("limit", "offset")
KEYS = ("title", "summary", "param")

_KEY_LINE = re.compile(r"#\s?(?P<key>[a-z]+):\s*(?P<value>.*)$")
_PARAM = re.compile(
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*\((?P<spec>[^()]*)\)\s*(?P<description>.*)$"
)
_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*")
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
_PREFIXED = re.compile(r"(?P<prefix>[A-Za-z][\w-]*):(?P<local>[^\s<>\"{}|\\^`]*)")
_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~/-]*")
_INTEGER = re.compile(r"[+-]?\d+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BOOLEANS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}
# The final solution modifiers: LIMIT n [OFFSET m] or OFFSET m [LIMIT n], at the very end.
_TRAILING_MODIFIERS = re.compile(
    r"(?:\b(?P<k1>LIMIT|OFFSET)\s+(?P<v1>\d+))(?:\s+\b(?P<k2>LIMIT|OFFSET)\s+(?P<v2>\d+))?\s*$",
    re.IGNORECASE,
)
# A sub-select's LIMIT marked `# limit` on its line: it picks the candidates of the final rows,
# so it follows the limit parameter (plus the offset) too.
_MARKED_LIMIT = re.compile(r"(?P<keyword>\bLIMIT\s+)\d+(?P<mark>[ \t]*#[ \t]*limit\b)",
                           re.IGNORECASE)


class QueryParameterError(QueryError):
    """A parameter value that is missing, unknown or not of its declared type."""


class UnknownQueryError(QueryError):
    """No named query of that name, and no such .rq file."""


class QueryFileError(QueryError):
    """A .rq file whose front matter or text cannot be used."""


class SelectStore(Protocol):
    def select(self, query: str, bindings: Mapping[str, Any] | None = None,
               timeout: float | None = None) -> Any: ...


@dataclass(frozen=True)
class Param:
    """One declared parameter of a named query."""

    name: str
    type: str
    description: str = ""
    default: str | None = None
    optional: bool = False
    namespace: str | None = None  # a prefix of PREFIXES: slugs are expanded into it
    minimum: int | None = None
    maximum: int | None = None

    @property
    def required(self) -> bool:
        return self.default is None and not self.optional

    @property
    def is_modifier(self) -> bool:
        return self.name in MODIFIERS

    def parse(self, raw: str) -> Any:
        """The value as an RDF term (or an int for a modifier); QueryParameterError if invalid."""
        raw = raw.strip()
        parser = getattr(self, f"_parse_{self.type}")
        return parser(raw)

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name, "type": self.type, "description": self.description,
            "default": self.default, "required": self.required, "namespace": self.namespace,
            "namespace_iri": PREFIXES.get(self.namespace) if self.namespace else None,
            "min": self.minimum, "max": self.maximum,
        }

    def _fail(self, raw: str, expected: str) -> QueryParameterError:
        return QueryParameterError(f"parameter {self.name}: {raw!r} is not {expected}")

    def _parse_iri(self, raw: str) -> URIRef:
        m = _PREFIXED.fullmatch(raw)
        if m and m.group("prefix") in PREFIXES:
            iri = PREFIXES[m.group("prefix")] + m.group("local")
        elif _IRI.fullmatch(raw):
            iri = raw
        elif self.namespace and _SLUG.fullmatch(raw):
            iri = PREFIXES[self.namespace] + raw
        else:
            what = f"an IRI or a {self.namespace} slug" if self.namespace else "an absolute IRI"
            raise self._fail(raw, what)
        if not _IRI.fullmatch(iri):
            raise self._fail(raw, "a valid IRI")
        if self.namespace == "kind" and iri.removeprefix(PREFIXES["kind"]) not in STANCE_KINDS:
            # the kinds are a closed scheme: an unknown one is a mistake, not an empty answer
            raise self._fail(raw, "a stance kind (" + ", ".join(STANCE_KINDS) + ")")
        return URIRef(iri)

    def _parse_string(self, raw: str) -> Literal:
        return Literal(raw)

    def _parse_integer(self, raw: str) -> Literal | int:
        if not _INTEGER.fullmatch(raw):
            raise self._fail(raw, "an integer")
        value = int(raw)
        if self.minimum is not None and value < self.minimum:
            raise QueryParameterError(f"parameter {self.name}: {value} is below {self.minimum}")
        if self.maximum is not None and value > self.maximum:
            raise QueryParameterError(f"parameter {self.name}: {value} is above {self.maximum}")
        return value if self.is_modifier else Literal(value)

    def _parse_decimal(self, raw: str) -> Literal:
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise self._fail(raw, "a decimal number") from None
        if not value.is_finite():
            raise self._fail(raw, "a finite decimal number")
        return Literal(value, datatype=XSD.decimal)

    def _parse_date(self, raw: str) -> Literal:
        try:
            if not _DATE.fullmatch(raw):
                raise ValueError
            value = date.fromisoformat(raw)
        except ValueError:
            raise self._fail(raw, "a date (YYYY-MM-DD)") from None
        return Literal(value.isoformat(), datatype=XSD.date)

    def _parse_month(self, raw: str) -> Literal:
        if not _MONTH.fullmatch(raw):
            raise self._fail(raw, "a month (YYYY-MM), latest or all")
        return Literal(raw)

    def _parse_boolean(self, raw: str) -> Literal:
        if raw.lower() not in _BOOLEANS:
            raise self._fail(raw, "a boolean (true or false)")
        return Literal(_BOOLEANS[raw.lower()])


@dataclass(frozen=True)
class BoundQuery:
    """A named query ready to run: its text, the substitutions and the values used."""

    text: str
    bindings: dict[str, Any]
    values: dict[str, Any]  # every parameter's value as plain JSON-able data (None: unset)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    summary: str
    text: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    path: Path | None = None

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def describe(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "summary": self.summary,
                "params": [p.describe() for p in self.params]}

    def bind(self, raw: Mapping[str, str]) -> BoundQuery:
        """Check and type the given values (defaults for the rest) into a runnable query."""
        unknown = sorted(set(raw) - {p.name for p in self.params})
        if unknown:
            known = ", ".join(p.name for p in self.params) or "none"
            raise QueryParameterError(
                f"query {self.name}: unknown parameter {unknown[0]!r} (parameters: {known})"
            )
        bindings: dict[str, Any] = {}
        values: dict[str, Any] = {}
        modifiers: dict[str, int] = {}
        for p in self.params:
            text = raw.get(p.name, p.default)
            if text is None:
                if p.required:
                    raise QueryParameterError(f"query {self.name}: parameter {p.name} is required")
                values[p.name] = None
                continue
            if p.optional and text.strip() == p.default:
                # The default of an optional parameter names what the query works out for
                # itself when the variable is unbound (`latest`: the newest month).
                values[p.name] = p.default
                continue
            value = p.parse(text)
            if p.is_modifier:
                modifiers[p.name] = value
            else:
                bindings[p.name] = value
            values[p.name] = _plain(value)
        return BoundQuery(_set_modifiers(self.text, modifiers), bindings, values)

    def run(self, store: SelectStore, raw: Mapping[str, str] | None = None,
            timeout: float | None = None) -> tuple[BoundQuery, Any]:
        """Bind the parameters and run the query; the bound query and the store's result."""
        bound = self.bind(raw or {})
        return bound, store.select(bound.text, bound.bindings, timeout=timeout)


def _plain(value: Any) -> Any:
    """A parameter's value as JSON-able data: IRIs and dates as text, numbers as numbers."""
    if isinstance(value, Literal):
        value = value.toPython()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value if isinstance(value, bool | int | float) else str(value)


def _set_modifiers(text: str, modifiers: Mapping[str, int]) -> str:
    if not modifiers:
        return text
    m = _TRAILING_MODIFIERS.search(text)
    assert m is not None  # checked when the file was parsed
    current = {m.group("k1").lower(): m.group("v1")}
    if m.group("k2"):
        current[m.group("k2").lower()] = m.group("v2")
    current.update({k: str(int(v)) for k, v in modifiers.items()})
    clause = " ".join(f"{k.upper()} {v}" for k, v in current.items())
    head = text[: m.start()]
    if "limit" in modifiers:
        reach = int(current["limit"]) + int(current.get("offset", 0))
        head = _MARKED_LIMIT.sub(lambda k: f"{k.group('keyword')}{reach}{k.group('mark')}", head)
    return head + clause + "\n"


def parse_named_query(text: str, name: str, path: Path | None = None) -> NamedQuery:
    """Read the front matter of a query's text; QueryFileError says what is wrong and where."""
    where = str(path) if path else name
    fields: dict[str, list[str]] = {k: [] for k in KEYS}
    last: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            last = None  # a blank line ends a continued value
            continue
        m = _KEY_LINE.match(stripped)
        if m and m.group("key") in KEYS:
            fields[m.group("key")].append(m.group("value").strip())
            last = fields[m.group("key")]
        elif m and not stripped[1:].startswith("  "):
            raise QueryFileError(f"{where}:{lineno}: unknown front-matter key {m.group('key')!r}"
                                 f" (keys: {', '.join(KEYS)})")
        elif last is not None and stripped.lstrip("#").strip():
            last[-1] = f"{last[-1]} {stripped.lstrip('#').strip()}"
    if len(fields["title"]) > 1:
        raise QueryFileError(f"{where}: more than one '# title:' line")
    params = tuple(_parse_param(v, where) for v in fields["param"])
    names = [p.name for p in params]
    if len(set(names)) != len(names):
        raise QueryFileError(f"{where}: a parameter is declared twice")
    for p in params:
        if p.is_modifier:
            if not _TRAILING_MODIFIERS.search(text):
                raise QueryFileError(
                    f"{where}: parameter {p.name} needs the query to end with LIMIT/OFFSET"
                )
        elif not re.search(rf"[?$]{re.escape(p.name)}\b", text):
            raise QueryFileError(f"{where}: parameter {p.name} has no ?{p.name} in the query")
        if p.default is not None:
            try:
                p.parse(p.default)
            except QueryParameterError as exc:
                raise QueryFileError(f"{where}: bad default: {exc}") from None
    title = fields["title"][0] if fields["title"] else name
    return NamedQuery(name=name, title=title, summary=" ".join(fields["summary"]),
                      text=text, params=params, path=path)


def _parse_param(line: str, where: str) -> Param:
    m = _PARAM.match(line)
    if not m:
        raise QueryFileError(f"{where}: cannot read parameter {line!r} "
                             "(expected: NAME (TYPE[, default VALUE]...) description)")
    items = [s.strip() for s in m.group("spec").split(",") if s.strip()]
    if not items:
        raise QueryFileError(f"{where}: parameter {m.group('name')} has no type")
    type_words = items[0].split()
    kind = type_words[0]
    if kind not in TYPES or len(type_words) > 2:
        raise QueryFileError(f"{where}: parameter {m.group('name')}: unknown type {items[0]!r} "
                             f"(types: {', '.join(TYPES)})")
    namespace = type_words[1] if len(type_words) == 2 else None
    if namespace is not None and (kind != "iri" or namespace not in PREFIXES):
        raise QueryFileError(f"{where}: parameter {m.group('name')}: {namespace!r} is not a "
                             "namespace prefix of an iri parameter")
    opts: dict[str, Any] = {}
    for item in items[1:]:
        word, _, rest = item.partition(" ")
        rest = rest.strip()
        if word == "default" and rest:
            opts["default"] = rest
        elif word == "optional" and not rest:
            opts["optional"] = True
        elif word in ("min", "max") and _INTEGER.fullmatch(rest):
            opts["minimum" if word == "min" else "maximum"] = int(rest)
        else:
            raise QueryFileError(f"{where}: parameter {m.group('name')}: cannot read {item!r}")
    if m.group("name") in MODIFIERS and kind != "integer":
        raise QueryFileError(f"{where}: parameter {m.group('name')} must be an integer")
    return Param(name=m.group("name"), type=kind, description=m.group("description").strip(),
                 namespace=namespace, **opts)


def load_query_file(path: str | Path) -> NamedQuery:
    """A query from any .rq file (its name is the file's stem)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UnknownQueryError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryFileError(f"{path}: cannot read ({exc})") from None
    return parse_named_query(text, path.stem, path)


@lru_cache(maxsize=8)
def _load_dir(directory: Path) -> dict[str, NamedQuery]:
    queries = {}
    for path in sorted(directory.glob("*.rq")):
        if _NAME.fullmatch(path.stem):
            queries[path.stem] = load_query_file(path)
    return queries


def named_queries(directory: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query of a folder (default: the package's queries), by name."""
    return dict(_load_dir((directory or resources.queries_dir()).resolve()))


def get_named_query(name: str, directory: Path | None = None) -> NamedQuery:
    """A named query by name; UnknownQueryError lists the names there are."""
    queries = named_queries(directory)
    if name not in queries:
        raise UnknownQueryError(f"no named query {name!r} (known: {', '.join(queries)})")
    return queries[name]


def resolve_query(name_or_path: str, directory: Path | None = None) -> NamedQuery:
    """A named query, or the query of a .rq file when given a path."""
    if name_or_path.endswith(".rq") or "/" in name_or_path or "\\" in name_or_path:
        return load_query_file(name_or_path)
    return get_named_query(name_or_path, directory)


def rows_to_csv(variables: list[str], rows: list[dict[str, Any]]) -> str:
    """Result rows as CSV (RFC 4180 line ends), a header of the variables first."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(variables)
    for row in rows:
        writer.writerow(["" if row.get(v) is None else row[v] for v in variables])
    return out.getvalue()
