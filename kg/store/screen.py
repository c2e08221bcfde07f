"""Looking at a query's text before any parser does: its tokens, whether it names its own
dataset or is an update, and whether a public endpoint should run it at all.

`screen` refuses what a read-only public endpoint must not do or cannot afford: a `SERVICE`
call (the server would fetch any URL it names, its own included), unless the operator allowed
that endpoint; a text longer, or nested deeper, than the limits. It works on tokens, so a
keyword inside a string, an IRI or a comment does not count, and on the text after SPARQL's
`\\uXXXX` escapes are replaced, as the parser sees it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import urlsplit

from ..errors import QueryError
from ..ids import PREFIXES

# One token per match; `punct` takes any single character the others do not.
TOKEN = re.compile(
    r"""(?P<ws>\s+)
    |(?P<comment>\#[^\n]*)
    |(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
       |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<var>[?$][\w\u00B7]+)
    |(?P<name>(?:[\w\u00B7:%-]|\\.|\.(?=[\w\u00B7:%-]))+)
    |(?P<punct>.)""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OPENING, _CLOSING = "{([", "})]"


class Token(NamedTuple):
    kind: str  # ws | comment | string | iri | var | name | punct
    text: str

    @property
    def word(self) -> str:
        """A keyword's upper-case text ('' for other tokens)."""
        return self.text.upper() if self.kind == "name" else ""

    def is_var(self, name: str) -> bool:
        return self.kind == "var" and self.text[1:] == name


def lex(query: str) -> list[Token]:
    return [Token(m.lastgroup or "punct", m.group()) for m in TOKEN.finditer(query)]


class QueryRefused(QueryError):
    """A query the endpoint will not run (SERVICE, too long, too deeply nested)."""


@dataclass(frozen=True)
class QueryLimits:
    """What a public endpoint accepts. `federation`: endpoint URLs (or URL prefixes) a
    SERVICE clause may call; empty refuses every SERVICE clause."""

    max_length: int = 100_000
    max_depth: int = 64
    federation: tuple[str, ...] = ()


def screen(query: str, limits: QueryLimits) -> None:
    """Raise QueryRefused when `query` breaks `limits`; say which limit and why."""
    if len(query) > limits.max_length:
        raise QueryRefused(f"the query is {len(query):,} characters long; this endpoint "
                           f"accepts at most {limits.max_length:,}")
    tokens = [t for t in lex(unescape(query)) if t.kind not in ("ws", "comment")]
    depth = deepest = 0
    for t in tokens:
        if t.kind == "punct" and t.text in _OPENING:
            depth += 1
            deepest = max(deepest, depth)
        elif t.kind == "punct" and t.text in _CLOSING:
            depth -= 1
    if deepest > limits.max_depth:
        raise QueryRefused(f"the query nests brackets {deepest} deep; this endpoint accepts "
                           f"at most {limits.max_depth}")
    for target in service_targets(tokens):
        if target is None or not allowed(target, limits.federation):
            shown = f"<{target}>" if target else "a variable endpoint"
            raise QueryRefused(
                f"SERVICE {shown} is not allowed: this endpoint does not call other "
                "endpoints" + (" but those its operator listed" if limits.federation else ""))


def unescape(query: str) -> str:
    """The text with SPARQL's \\u and \\U code point escapes replaced, as parsers read it."""
    if "\\u" not in query and "\\U" not in query:
        return query
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)


def service_targets(tokens: list[Token]) -> list[str | None]:
    """The IRI each SERVICE clause calls (None when it is a variable or cannot be read)."""
    prefixes = dict(PREFIXES)
    targets: list[str | None] = []
    for i, t in enumerate(tokens):
        if t.word == "PREFIX" and i + 2 < len(tokens) and tokens[i + 2].kind == "iri":
            prefixes[tokens[i + 1].text.rstrip(":")] = tokens[i + 2].text[1:-1]
        if t.word != "SERVICE":
            continue
        k = i + 1
        if k < len(tokens) and tokens[k].word == "SILENT":
            k += 1
        target = tokens[k] if k < len(tokens) else None
        if target is not None and target.kind == "iri":
            targets.append(target.text[1:-1])
        elif target is not None and target.kind == "name" and ":" in target.text:
            prefix, _, local = target.text.partition(":")
            namespace = prefixes.get(prefix)
            targets.append(namespace + local if namespace is not None else None)
        else:
            targets.append(None)
    return targets


def allowed(url: str, federation: Iterable[str]) -> bool:
    """Whether `url` is one of the allowed endpoints, or starts with one that ends in '/'."""
    for entry in federation:
        if url == entry or (entry.endswith("/") and url.startswith(entry)):
            return urlsplit(url).scheme in ("http", "https")
    return False


# --- finding a dataset clause without a full parser -----------------------------------------

# Strings, IRIs and comments are skipped so that FROM inside them does not count.
_SKIP = (
    r"'''.*?'''|" r'""".*?"""'  # long strings
    r"|'(?:[^'\\\n]|\\.)*'" r'|"(?:[^"\\\n]|\\.)*"'  # short strings
    r'|<[^<>"{}|^`\\\x00-\x20]*>'  # IRIs
    r"|\#[^\n]*"  # comments
)
_LEXEMES = re.compile(rf"(?P<skip>{_SKIP})|(?<![\w?$:.\-])(?P<from>FROM)(?![\w:.\-])",
                      re.IGNORECASE | re.DOTALL)
_UPDATE_START = re.compile(
    r"(?:\s|BASE\s*<[^>]*>|PREFIX\s+[\w.\-]*:\s*<[^>]*>)*"
    r"(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)


def has_dataset_clause(query: str) -> bool:
    """Whether the query names its own dataset (FROM / FROM NAMED)."""
    if "from" not in query.lower():
        return False
    return any(m.group("from") for m in _LEXEMES.finditer(query))


def looks_like_update(text: str) -> bool:
    """Whether the text is a SPARQL Update request rather than a query."""
    without_comments = re.sub(r"#[^\n]*", " ", unescape(text))
    return _UPDATE_START.match(without_comments) is not None
