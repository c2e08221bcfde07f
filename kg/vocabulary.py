"""What a build knows before it reads a text: the ontology (TBox, stance kinds), the actor
registry and the issue scheme, bundled, with the analyst's own actors and issues merged in.

One vocabulary is in use at a time in a process (`active`, bundled unless a command says
otherwise with `using`): extraction finds the registry's actors in text and matches the
scheme's issues before it names new ones, and the ontology graph of a build (its registry and
schemes, served and dumped with the documents) is the vocabulary's graph. Worker processes a
build forks inherit it.

Vocabularies are kept for the life of the process, one per content: extraction keeps its
name matchers per registry object, so a registry must never be freed and another take its
place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path

from rdflib import Graph
from rdflib.compare import to_canonical_graph

from .ids import ONTOLOGY_GRAPH
from .issues import IssueScheme
from .registry import Registry, entries_from_graph, ontology_graph
from .user_vocabulary import UserFile, check_user_files, read_user_file
from .validation import graph_digest


class Vocabulary:
    """An ontology graph (TBox, schemes, registry) and the registry and issue scheme read
    from it; `user_files` are the files merged into the bundled one, if any."""

    def __init__(self, graph: Graph, *, user_files: Sequence[Path] = (),
                 bundled: bool = False) -> None:
        self.graph = graph
        self.user_files = tuple(user_files)
        self.bundled = bundled

    @cached_property
    def digest(self) -> str:
        """A hash of the content (not of how it was written), for caches of builds."""
        return graph_digest(self.graph)

    @cached_property
    def registry(self) -> Registry:
        if self.bundled:
            return Registry.default()
        return Registry(entries_from_graph(self.graph))

    @cached_property
    def issues(self) -> IssueScheme:
        if self.bundled:
            from stancegraph.resources import ontology_files

            return IssueScheme.load(ontology_files())
        return IssueScheme.from_graph(self.graph)

    @cached_property
    def ontology_graph(self) -> Graph:
        """The graph as the build's ontology graph: named, and with canonical blank-node
        labels (the property chain's list), so the same content gives the same dumps."""
        canonical = Graph(identifier=ONTOLOGY_GRAPH)
        canonical += to_canonical_graph(self.graph)
        return canonical

    def extended(self, actors: Iterable[str | Path] = (),
                 issues: Iterable[str | Path] = ()) -> Vocabulary:
        """This vocabulary with the user's actor and issue files merged in (each checked:
        kg.user_vocabulary). Without files, itself."""
        wanted = [(Path(p), "actors") for p in actors] + [(Path(p), "issues") for p in issues]
        if not wanted:
            return self
        merged = Graph()
        merged += self.graph
        files: list[UserFile] = []
        for path, kind in wanted:
            found = read_user_file(path, kind, merged)
            merged += found.graph
            files.append(found)
        check_user_files(files, merged)
        return _kept(Vocabulary(merged, user_files=[*self.user_files, *(p for p, _ in wanted)]))

    @classmethod
    def of_graph(cls, triples: Iterable[tuple]) -> Vocabulary:
        """The vocabulary an ontology graph holds (a store's, say)."""
        graph = Graph()
        for t in triples:
            graph.add(t)
        return _kept(cls(graph))


_KEPT: dict[str, Vocabulary] = {}
_BUNDLED: list[Vocabulary] = []
_ACTIVE: list[Vocabulary] = []


def _kept(vocabulary: Vocabulary) -> Vocabulary:
    return _KEPT.setdefault(vocabulary.digest, vocabulary)


def bundled() -> Vocabulary:
    """The installed ontology files' vocabulary."""
    if not _BUNDLED:
        _BUNDLED.append(Vocabulary(ontology_graph(), bundled=True))
    return _BUNDLED[0]


def load_vocabulary(actors: Iterable[str | Path] = (),
                    issues: Iterable[str | Path] = ()) -> Vocabulary:
    """The bundled vocabulary with the user's files merged in."""
    return bundled().extended(actors, issues)


def active() -> Vocabulary:
    """The vocabulary in use: the innermost `using`, else the bundled one."""
    return _ACTIVE[-1] if _ACTIVE else bundled()


@contextmanager
def using(vocabulary: Vocabulary | None) -> Iterator[Vocabulary]:
    """Use `vocabulary` (None: the one in use already) until the block ends."""
    chosen = vocabulary or active()
    _ACTIVE.append(chosen)
    try:
        yield chosen
    finally:
        _ACTIVE.pop()
