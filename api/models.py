"""Response models of the REST routes: what /docs and /openapi.json document.

Ids are the slugs of the data IRIs (`north-korea`, `sejong-2019-33`, `four-party-talks`;
a stance id is `DOCUMENT/N`); every object also carries its full IRI.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

ActorType = Literal["State", "Institution", "Official", "Person"]
Position = Literal["for", "against", "mixed", "neutral"]


class Problem(BaseModel):
    """An error: what was wrong, in one sentence."""

    detail: str


class Ref(BaseModel):
    """A reference to an actor, issue or document."""

    id: str = Field(examples=["north-korea"])
    iri: str = Field(examples=["https://w3id.org/stancegraph/id/actor/north-korea"])
    label: str | None = Field(default=None, examples=["North Korea"])


class Stance(BaseModel):
    """One position: who holds it, of which kind, toward whom, on what, and its evidence."""

    id: str = Field(examples=["sejong-2019-33/1"])
    iri: str
    document: Ref
    holder: Ref
    kind: str = Field(examples=["condemn"])
    target: Ref | None = None
    issue: Ref | None = None
    modality: str | None = Field(default=None, examples=["asserted"])
    condition: str | None = None
    confidence: float | None = Field(default=None, examples=[0.9])
    date: str | None = Field(default=None, examples=["2019-12-13"])
    attributed_by: Ref | None = None
    quote: str | None = Field(default=None, description="Exactly text[start:end] of the document")
    start: int | None = Field(default=None, description="Offset of the quote (code points)")
    end: int | None = Field(default=None, description="End of the quote, exclusive")


class StanceDetail(Stance):
    on_behalf_of: list[Ref] = Field(
        default_factory=list,
        description="Every actor the stance speaks for: its holder and whom the holder is "
                    "affiliated with (inferred)",
    )
    prefix: str | None = Field(default=None, description="Text just before the quote")
    suffix: str | None = Field(default=None, description="Text just after the quote")


class StancePage(BaseModel):
    total: int = Field(description="Stances matching the filters, over all pages")
    limit: int
    offset: int
    items: list[Stance]


class ActorSummary(BaseModel):
    id: str = Field(examples=["north-korea"])
    iri: str
    label: str | None = Field(default=None, examples=["North Korea"])
    type: ActorType | None = Field(default=None, description="The most specific actor type")
    types: list[ActorType] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)


class Affiliation(BaseModel):
    actor: Ref
    relation: str = Field(examples=["partOf", "represents", "affiliatedWith"])
    inferred: bool = Field(description="True when reasoning added it (transitive affiliation)")


class ActorCounts(BaseModel):
    stances_held: int
    stances_on_behalf_of: int = Field(
        description="Held for it by actors affiliated with it (those it holds not counted): "
                    "the length of the on_behalf_of list of its stances")
    stances_toward: int
    documents: int = Field(description="Documents that mention it")


class ActorDetail(ActorSummary):
    wikidata: str | None = Field(default=None, examples=["http://www.wikidata.org/entity/Q423"])
    demonyms: list[str] = Field(default_factory=list)
    capital: str | None = None
    iso_code: str | None = None
    affiliations: list[Affiliation] = Field(default_factory=list)
    members: list[Ref] = Field(default_factory=list, description="Actors affiliated with it")
    counts: ActorCounts


class ActorStances(BaseModel):
    actor: Ref
    held: list[Stance] = Field(description="Stances it holds")
    on_behalf_of: list[Stance] = Field(
        description="Stances its officials, ministries and other affiliates hold for it"
    )
    toward: list[Stance] = Field(description="Stances aimed at it")


class IssueSummary(BaseModel):
    id: str = Field(examples=["four-party-talks"])
    iri: str
    label: str | None = None
    stances: int
    holders: int


class IssuePage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[IssueSummary]


class IssuePosition(BaseModel):
    """Where one holder stands on an issue."""

    holder: Ref
    position: Position = Field(
        description="for (approval, appeals, intentions), against (disapproval, rejection, "
                    "warnings), mixed, or neutral (claims and predictions only)"
    )
    kinds: dict[str, int] = Field(description="Stances of each kind")


class IssueDetail(IssueSummary):
    positions: list[IssuePosition]
    items: list[Stance] = Field(description="The stances on the issue")


class DocumentSummary(BaseModel):
    id: str = Field(examples=["sejong-2019-33"])
    iri: str
    title: str | None = None
    date: str | None = None
    author: Ref | None = None
    publisher: Ref | None = None
    series: str | None = None
    number: str | None = None
    stances: int


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class DocumentDetail(DocumentSummary):
    length: int | None = Field(default=None, description="Characters of the original text")
    mentions: list[Ref]
    items: list[Stance] = Field(description="Its stances in text order")


class QueryParameter(BaseModel):
    name: str
    type: str = Field(examples=["iri", "string", "integer", "decimal", "date", "boolean"])
    description: str
    default: str | None
    required: bool
    namespace: str | None = Field(description="Prefix whose slugs are accepted, e.g. actor")
    namespace_iri: str | None
    min: int | None
    max: int | None


class NamedQueryInfo(BaseModel):
    name: str = Field(examples=["actor-stances"])
    title: str
    summary: str
    params: list[QueryParameter]


class QueryResult(BaseModel):
    query: str
    params: dict[str, Any] = Field(description="Every parameter's value as used")
    variables: list[str]
    rows: list[dict[str, Any]]
