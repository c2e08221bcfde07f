"""Content negotiation: HTTP Accept headers and the `format=` / `output=` parameters.

Accept follows RFC 9110: a list of media ranges with q-values; each offered type takes the
q-value of the most specific range that matches it; the highest q wins, ties go to the
server's order (so `*/*` or no header gives the first offer, the default).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from stancegraph.kg.store import ResultFormats

SPARQL_JSON = "application/sparql-results+json"
SPARQL_XML = "application/sparql-results+xml"
CSV = "text/csv"
TSV = "text/tab-separated-values"
TURTLE = "text/turtle"
N_TRIPLES = "application/n-triples"
JSON_LD = "application/ld+json"
RDF_XML = "application/rdf+xml"

# Offered type -> the format written. Aliases let clients that ask for plain JSON or XML,
# or for older RDF media types, get the matching SPARQL format.
SOLUTION_OFFERS: tuple[tuple[str, str], ...] = (
    (SPARQL_JSON, SPARQL_JSON),
    (SPARQL_XML, SPARQL_XML),
    (CSV, CSV),
    (TSV, TSV),
    ("application/json", SPARQL_JSON),
    ("application/xml", SPARQL_XML),
    ("text/xml", SPARQL_XML),
)
GRAPH_OFFERS: tuple[tuple[str, str], ...] = (
    (TURTLE, TURTLE),
    (N_TRIPLES, N_TRIPLES),
    (JSON_LD, JSON_LD),
    (RDF_XML, RDF_XML),
    ("application/x-turtle", TURTLE),
    ("application/turtle", TURTLE),
    ("text/n3", TURTLE),
    ("text/rdf+n3", TURTLE),
    ("application/n3", TURTLE),
    ("text/plain", N_TRIPLES),
    ("application/json", JSON_LD),
    ("application/xml", RDF_XML),
    ("text/xml", RDF_XML),
)

# Short names used by `format=`, `output=` and `results=` (as SPARQLWrapper, Virtuoso and
# Fuseki clients send them): name -> (format for SELECT/ASK, format for CONSTRUCT/DESCRIBE).
FORMAT_NAMES: dict[str, tuple[str | None, str | None]] = {
    "json": (SPARQL_JSON, JSON_LD),
    "srj": (SPARQL_JSON, None),
    "xml": (SPARQL_XML, RDF_XML),
    "srx": (SPARQL_XML, None),
    "csv": (CSV, None),
    "tsv": (TSV, None),
    "turtle": (None, TURTLE),
    "ttl": (None, TURTLE),
    "n3": (None, TURTLE),
    "ntriples": (None, N_TRIPLES),
    "n-triples": (None, N_TRIPLES),
    "nt": (None, N_TRIPLES),
    "json-ld": (None, JSON_LD),
    "jsonld": (None, JSON_LD),
    "rdf+xml": (None, RDF_XML),
    "rdfxml": (None, RDF_XML),
    "rdf": (None, RDF_XML),
}
FORMAT_PARAMS = ("format", "output", "results")


class BadFormat(ValueError):
    """A `format=` value that names no format this server writes."""


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """How specifically this range matches `media_type`: 3 exact, 2 type/*, 1 */*, 0 no."""
        mtype, _, msub = media_type.partition("/")
        if self.type == "*":
            return 1 if self.subtype == "*" else 0
        if self.type != mtype:
            return 0
        if self.subtype == "*":
            return 2
        return 3 if self.subtype == msub else 0


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an Accept header; a missing or empty header accepts anything."""
    if header is None or not header.strip():
        return [MediaRange("*", "*", 1.0)]
    ranges = []
    for part in header.split(","):
        fields = [f.strip() for f in part.split(";")]
        mtype, _, msub = fields[0].lower().partition("/")
        if not mtype or not msub:
            if fields[0] == "*":  # some clients send a bare '*'
                mtype, msub = "*", "*"
            else:
                continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(mtype.strip(), msub.strip(), q))
    return ranges


def quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """The q-value the client gives `media_type`: that of the most specific matching range."""
    best_specificity, best_q = 0, 0.0
    for r in ranges:
        s = r.matches(media_type)
        if s > best_specificity or (s == best_specificity and s and r.q > best_q):
            best_specificity, best_q = s, r.q
    return best_q


def choose(offers: Sequence[tuple[str, str]], ranges: Sequence[MediaRange]) -> str | None:
    """The format of the best offer (offered type, format) for the client, or None."""
    best, best_q = None, 0.0
    for offered, fmt in offers:
        q = quality(ranges, offered)
        if q > best_q:
            best, best_q = fmt, q
    return best


def negotiate_media_type(offers: Sequence[str], accept: str | None) -> str | None:
    """The best of `offers` (server preference order) for an Accept header, or None."""
    return choose([(o, o) for o in offers], parse_accept(accept))


def result_formats(accept: str | None, format_values: Iterable[str] = ()) -> ResultFormats:
    """What to write each kind of SPARQL result in, from format parameters or else Accept.

    Raises BadFormat when format parameters are given and none of them names a format.
    """
    values = [v.strip() for v in format_values if v and v.strip()]
    if values:
        for value in values:
            if "/" in value:  # a media type (or list of them) given as a parameter
                formats = _from_accept(value)
                if formats != ResultFormats(None, None, None):
                    return formats
                continue
            named = FORMAT_NAMES.get(value.lower())
            if named is not None:
                return ResultFormats(named[0], named[0], named[1])
        raise BadFormat(
            f"unknown result format {values[0]!r}; use one of "
            + ", ".join(sorted(FORMAT_NAMES)) + " or a media type"
        )
    return _from_accept(accept)


def _from_accept(accept: str | None) -> ResultFormats:
    ranges = parse_accept(accept)
    solutions = choose(SOLUTION_OFFERS, ranges)
    return ResultFormats(solutions=solutions, boolean=solutions, graph=choose(GRAPH_OFFERS, ranges))


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether an Accept-Encoding header allows gzip (q=0 refuses it)."""
    for part in (accept_encoding or "").split(","):
        coding, *params = [f.strip() for f in part.split(";")]
        if coding.lower() not in ("gzip", "x-gzip", "*"):
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            return True
    return False
