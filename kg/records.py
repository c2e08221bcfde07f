"""Plain-data records passed between the pipeline stages (loading, extraction, RDF).

Extraction produces these; everything downstream (RDF, JSON exchange format, evaluation)
reads them and never reaches into extraction internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ACTOR_TYPES = ("State", "Institution", "Official", "Person")

STANCE_KINDS = (
    "condemn", "criticize", "accuse", "support", "welcome", "oppose", "reject", "deny",
    "refuse", "reluctant", "demand", "urge", "recommend", "propose", "warn", "threaten",
    "claim", "predict", "intend", "agree",
)

MODALITIES = ("asserted", "hypothetical", "conditional", "predicted")


@dataclass(frozen=True)
class Span:
    """A character span of the original document text (code points, end exclusive)."""

    start: int
    end: int
    text: str


@dataclass
class Document:
    """A loaded document: the original text, untouched, and its metadata."""

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    date: str | None = None  # ISO 8601 (YYYY-MM-DD)
    author: str | None = None
    publisher: str | None = None
    series: str | None = None
    number: str | None = None
    language: str = "en"
    body_start: int = 0  # offset where the body begins (after the header block)


@dataclass
class Actor:
    """An actor found in a document (known to the registry, or new)."""

    id: str  # slug, e.g. "north-korea"
    label: str
    type: str  # one of ACTOR_TYPES
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None  # e.g. "Q423"
    affiliations: list[str] = field(default_factory=list)  # ids it belongs to or represents
    in_registry: bool = False


@dataclass
class IssueRef:
    """An issue concept: `id` is its slug in the issue scheme (new issues get a new slug)."""

    id: str
    label: str
    in_scheme: bool = False


@dataclass
class Stance:
    """One position: who holds it, of which kind, toward whom, on what, with evidence."""

    id: str  # "<document id>/<n>", n counted from 1 in text order
    holder: str  # actor id
    kind: str  # one of STANCE_KINDS
    quote: Span
    target_actor: str | None = None
    issue: IssueRef | None = None
    modality: str = "asserted"
    condition: str | None = None
    attributed_by: str | None = None  # actor id of who reports it (usually the author)
    confidence: float = 1.0


@dataclass
class Extraction:
    """Everything extracted from one document."""

    document: Document
    actors: list[Actor]
    stances: list[Stance]

    def actor(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)
