"""The actor registry: states, institutions, officials and persons known before reading a text.

Entries come from the ontology's Turtle files (`ontology/*.ttl`): every subject typed
`sg:State`, `sg:Institution`, `sg:Official` or `sg:Person`, with its label, `skos:altLabel`
aliases, `sg:demonym`, `sg:capital`, `sg:isoCode`, Wikidata `skos:exactMatch` and its
affiliations (`sg:partOf`, `sg:represents`, `sg:memberOf`, `sg:affiliatedWith`).

Parsing Turtle with rdflib costs far more than extracting one document, so a registry is
parsed once per process and set of files (keyed by path and modification time) and shared.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from .ids import ID, SG, WD, id_from_iri

SCHEMA_NEWS = URIRef("https://schema.org/NewsMediaOrganization")
ACTOR_CLASSES = {
    SG.State: "State",
    SG.Institution: "Institution",
    SG.Official: "Official",
    SG.Person: "Person",
}
# A subject typed with several classes takes the most specific one.
_TYPE_RANK = {"Official": 0, "Person": 1, "State": 2, "Institution": 3}
_AFFILIATION = (SG.partOf, SG.represents, SG.affiliatedWith)


@dataclass
class Entry:
    """One registry actor."""

    id: str
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    affiliations: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    iso_code: str | None = None
    news_media: bool = False  # only carries statements (a news agency): holds no stance

    def names(self) -> list[str]:
        """Label and aliases, without repeats, in a stable order."""
        out: list[str] = []
        for name in [self.label, *self.aliases]:
            if name and name not in out:
                out.append(name)
        return out


class Registry:
    """Registry entries by id, plus lookups by name, capital and demonym."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        for e in entries:
            self.entries[e.id] = e
        self.by_name: dict[str, list[str]] = {}
        self.by_capital: dict[str, str] = {}
        self.by_demonym: dict[str, str] = {}
        for e in self.entries.values():
            for name in e.names():
                ids = self.by_name.setdefault(name, [])
                if e.id not in ids:
                    ids.append(e.id)
            for cap in e.capitals:
                self.by_capital.setdefault(cap, e.id)
            for dem in e.demonyms:
                self.by_demonym.setdefault(dem, e.id)

    _cache: dict[tuple, Registry] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self.entries

    def get(self, actor_id: str) -> Entry | None:
        return self.entries.get(actor_id)

    def states(self) -> list[Entry]:
        return [e for e in self.entries.values() if e.type == "State"]

    def lookup(self, name: str) -> list[Entry]:
        """Entries whose label or alias is exactly `name`."""
        return [self.entries[i] for i in self.by_name.get(name, [])]

    @classmethod
    def load(cls, paths: Iterable[Path | str] | None = None) -> Registry:
        """Parse the given Turtle files (default: every ontology file), cached per process."""
        if paths is None:
            from stancegraph.resources import ontology_files

            paths = ontology_files()
        files = sorted(Path(p) for p in paths)
        key = tuple((str(p), p.stat().st_mtime_ns if p.exists() else 0) for p in files)
        cached = cls._cache.get(key)
        if cached is None:
            cached = cls(entries_from_graph(_parse(files)))
            cls._cache[key] = cached
        return cached

    @classmethod
    def default(cls) -> Registry:
        """The registry of the installed ontology files."""
        return cls.load(None)


_graphs: dict[tuple, Graph] = {}


def ontology_graph(paths: Iterable[Path | str] | None = None) -> Graph:
    """The parsed ontology files (default: all installed ones), parsed once per process."""
    if paths is None:
        from stancegraph.resources import ontology_files

        paths = ontology_files()
    return _parse(sorted(Path(p) for p in paths))


def _parse(files: list[Path]) -> Graph:
    key = tuple((str(p), p.stat().st_mtime_ns if p.exists() else 0) for p in files)
    graph = _graphs.get(key)
    if graph is None:
        graph = Graph()
        for path in files:
            graph.parse(path, format="turtle")
        _graphs[key] = graph
    return graph


def entries_from_graph(graph: Graph) -> list[Entry]:
    """The registry entries a graph describes (ontology files, or a store's ontology graph)."""
    actor_prefix = ID + "actor/"
    typed: dict[URIRef, str] = {}
    for cls, name in ACTOR_CLASSES.items():
        for s in graph.subjects(RDF.type, cls):
            if isinstance(s, URIRef) and str(s).startswith(actor_prefix):
                old = typed.get(s)
                if old is None or _TYPE_RANK[name] < _TYPE_RANK[old]:
                    typed[s] = name
    entries = []
    for s in sorted(typed):
        label = graph.value(s, RDFS.label) or graph.value(s, SKOS.prefLabel)
        actor_id = id_from_iri(str(s))
        aliases = sorted({str(o) for o in graph.objects(s, SKOS.altLabel)})
        qid = None
        for o in graph.objects(s, SKOS.exactMatch):
            if str(o).startswith(str(WD)):
                qid = str(o)[len(str(WD)):]
        affiliations = sorted(
            {id_from_iri(str(o)) for p in _AFFILIATION for o in graph.objects(s, p)
             if str(o).startswith(actor_prefix)}
        )
        entries.append(
            Entry(
                id=actor_id,
                label=str(label) if label is not None else actor_id,
                type=typed[s],
                aliases=[a for a in aliases if a != str(label)],
                wikidata=qid,
                affiliations=affiliations,
                capitals=sorted({str(o) for o in graph.objects(s, SG.capital)}),
                demonyms=sorted({str(o) for o in graph.objects(s, SG.demonym)}),
                iso_code=_first(graph.objects(s, SG.isoCode)),
                news_media=(s, RDF.type, SCHEMA_NEWS) in graph,
            )
        )
    return entries


def _first(values: Iterable[object]) -> str | None:
    found = sorted(str(v) for v in values)
    return found[0] if found else None
