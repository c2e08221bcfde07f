"""The analyst's own actors and issues, read from their files and checked before use.

Two forms, both merged with the bundled registry and issue scheme (kg.vocabulary):

- Turtle in the ontology's terms (docs/model.md): actors typed `sg:State`, `sg:Institution`,
  `sg:Official` or `sg:Person` under `https://w3id.org/stancegraph/id/actor/`, issues typed
  `skos:Concept` with `skos:inScheme sg:Issues` under `.../id/issue/`; nothing else.
- CSV with a header row, for those who do not write RDF. Actors: `label,type,aliases,
  affiliation,wikidata` (type State, Institution, Official or Person; aliases and
  affiliations separated by `;`; an affiliation is the label or id of an actor of the bundled
  registry or of the user's files; wikidata a Q-number). Issues: `label,aliases,definition`
  (aliases: the other wordings texts use for the issue). Ids are slugs of the labels, as
  extraction makes them; a row whose id the registry already has adds to that entry.

A file is refused, as a whole, with the first problem as `FILE:LINE: reason` (and how many
more there are): a syntax error, an unknown column or type, an affiliation that names no actor,
or anything the SHACL shapes of the data contract find once the file is merged.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS
from rdflib.term import BNode, Node

from .errors import StancegraphError
from .graph.terms import from_ox
from .ids import ID, SG, WD, actor_iri, issue_iri, slugify
from .validation import Violation, check_graph, short

ACTOR_COLUMNS = ("label", "type", "aliases", "affiliation", "wikidata")
ISSUE_COLUMNS = ("label", "aliases", "definition")
ACTOR_TYPES = ("State", "Institution", "Official", "Person")
# How an actor of each type is tied to the one its row names: people speak for a state or
# body, a body is part of a larger one, a state is a member of an organisation.
AFFILIATION = {"Official": SG.represents, "Person": SG.represents, "Institution": SG.partOf,
               "State": SG.memberOf}
_ACTOR_CLASSES = {SG[t] for t in ACTOR_TYPES}
_LIST = re.compile(r"\s*;\s*")
_QID = re.compile(r"^(?:https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/)?(Q[1-9][0-9]*)$")
_PARSER_AT = re.compile(r"at line (\d+)[^:]*: (.*?)(?: \(line \d+\))?$", re.S)
_SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._~-]*$")


class UserFileError(StancegraphError):
    """A user's actor or issue file that cannot be used: `FILE:LINE: reason`."""


@dataclass
class UserFile:
    """One user file read into triples, and the line where each resource it describes is."""

    path: Path
    kind: str  # "actors" or "issues"
    graph: Graph
    lines: dict[Node, int] = field(default_factory=dict)

    def where(self, node: Node) -> str:
        return f"{self.path}:{self.lines.get(node, 1)}"


def read_user_file(path: str | Path, kind: str, known: Graph) -> UserFile:
    """Read an actors or issues file (`kind`), Turtle or CSV by its extension; `known` is
    the graph it is merged into, where affiliations are looked up."""
    path = Path(path)
    if kind not in ("actors", "issues"):
        raise ValueError(kind)
    if not path.is_file():
        raise UserFileError(f"{path}: no such file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise UserFileError(f"{path}: not UTF-8 text") from None
    if not text.strip():
        raise UserFileError(f"{path}: the file is empty")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return (_actors_csv if kind == "actors" else _issues_csv)(path, text, known)
    if suffix in (".ttl", ".turtle"):
        return _turtle(path, text, kind)
    raise UserFileError(f"{path}: give {kind} as .csv or .ttl (Turtle)")


def check_user_files(files: list[UserFile], merged: Graph) -> None:
    """Check the users' resources against the shapes, in the graph they are merged into;
    raise UserFileError naming the file and line of the first violation."""
    focus = {s for f in files for s in f.lines}
    found: list[tuple[str, Violation]] = []
    data = Graph()
    data += merged
    for v in check_graph(data, focus):
        node = URIRef(v.focus)
        owner = next((f for f in files if node in f.lines), files[0])
        found.append((owner.where(node), v))
    if found:
        found.sort(key=lambda item: _line_order(item[0]))
        where, first = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise UserFileError(f"{where}: {first.line()}{more}")


# --- Turtle ---------------------------------------------------------------------------------


def _turtle(path: Path, text: str, kind: str) -> UserFile:
    parser = ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE,
                      base_iri=path.resolve().as_uri())
    graph = Graph()
    try:
        for q in parser:
            graph.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    except SyntaxError as exc:
        m = _PARSER_AT.search(str(exc))
        line, reason = (m.group(1), m.group(2)) if m else ("1", str(exc))
        raise UserFileError(f"{path}:{line}: not valid Turtle: {' '.join(reason.split())}") \
            from None
    lines = _subject_lines(text, dict(parser.prefixes))
    out = UserFile(path, kind, graph)
    for s in sorted(set(graph.subjects()), key=lambda n: lines(n)):
        out.lines[s] = lines(s)
        if isinstance(s, BNode):
            raise UserFileError(f"{out.where(s)}: a blank node; give every actor and issue an "
                                "IRI (https://w3id.org/stancegraph/id/actor/... or .../issue/...)")
        classes = set(graph.objects(s, RDF.type))
        if not classes & (_ACTOR_CLASSES | {SKOS.Concept}):
            raise UserFileError(f"{out.where(s)}: {short(str(s))} is neither an actor "
                                "(a sg:State, sg:Institution, sg:Official or sg:Person) nor an "
                                "issue (a skos:Concept in sg:Issues)")
        if SKOS.Concept in classes and (s, SKOS.inScheme, SG.Issues) not in graph:
            raise UserFileError(f"{out.where(s)}: {short(str(s))} is a concept of no scheme "
                                "of stancegraph's; an issue has skos:inScheme sg:Issues")
    wanted = _ACTOR_CLASSES if kind == "actors" else {SKOS.Concept}
    if not any(c in wanted for c in graph.objects(None, RDF.type)):
        what = ("actors (sg:State, sg:Institution, sg:Official or sg:Person)" if kind == "actors"
                else "issues (skos:Concept in sg:Issues)")
        raise UserFileError(f"{path}: no {what} in the file")
    return out


def _subject_lines(text: str, prefixes: dict[str, str]):
    """A function giving the line where a resource first opens a statement (else where it
    first appears) in Turtle `text`."""
    rows = text.splitlines()

    def forms(node: Node) -> list[str]:
        iri = str(node)
        out = [f"<{iri}>"]
        for prefix, ns in prefixes.items():
            if iri.startswith(ns) and len(iri) > len(ns):
                out.append(f"{prefix}:{iri[len(ns):]}")
        return out

    def line_of(node: Node) -> int:
        names = forms(node)
        first = None
        for n, row in enumerate(rows, start=1):
            stripped = row.lstrip()
            if any(stripped.startswith(f) for f in names):
                return n
            if first is None and any(f in row for f in names):
                first = n
        return first or 1

    return line_of


# --- CSV ------------------------------------------------------------------------------------


def _rows(path: Path, text: str, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """The rows of a CSV file with its line numbers; its header must name known columns and
    `label`."""
    reader = csv.reader(text.splitlines())
    try:
        header = next(reader)
    except StopIteration:
        raise UserFileError(f"{path}: the file is empty") from None
    names = [h.strip().lower() for h in header]
    unknown = [h for h in names if h not in columns]
    if unknown:
        raise UserFileError(f"{path}:1: unknown column '{unknown[0]}'; the columns are "
                            + ", ".join(columns))
    if "label" not in names:
        raise UserFileError(f"{path}:1: no 'label' column; the columns are " + ", ".join(columns))
    out = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
                continue  # blank lines and comments
            if len(cells) > len(names):
                raise UserFileError(f"{path}:{line}: {len(cells)} cells, but the header names "
                                    f"{len(names)} columns")
            out.append((line, {n: c.strip() for n, c in zip(names, cells, strict=False)}))
    except csv.Error as exc:
        raise UserFileError(f"{path}:{reader.line_num}: not valid CSV: {exc}") from None
    if not out:
        raise UserFileError(f"{path}: no rows under the header")
    return out


def _actors_csv(path: Path, text: str, known: Graph) -> UserFile:
    out = UserFile(path, "actors", Graph())
    g = out.graph
    rows = _rows(path, text, ACTOR_COLUMNS)
    # Labels and ids of this file first: a row may name an actor of a later row.
    names = _actor_names(known)
    for _, row in rows:
        label = row.get("label", "")
        if label:
            names.setdefault(label.casefold(), actor_iri(slugify(label)))
    for line, row in rows:
        a, label = _row_resource(out, line, row, actor_iri)
        kind = row.get("type", "")
        type_ = next((t for t in ACTOR_TYPES if t.lower() == kind.lower()), None)
        if type_ is None:
            raise UserFileError(f"{path}:{line}: type '{kind}' is not one of "
                                + ", ".join(ACTOR_TYPES))
        g.add((a, RDF.type, SG[type_]))
        _add_label(g, known, a, RDFS.label, label)
        for alias in _items(row.get("aliases", "")):
            g.add((a, SKOS.altLabel, Literal(alias)))
        for name in _items(row.get("affiliation", "")):
            other = names.get(name.casefold()) or _known_id(known, g, name)
            if other is None:
                raise UserFileError(f"{path}:{line}: affiliation '{name}' names no actor of "
                                    "the registry or of this file (give its label or id)")
            if other == a:
                raise UserFileError(f"{path}:{line}: '{label}' is affiliated with itself")
            g.add((a, AFFILIATION[type_], other))
        qid = row.get("wikidata", "")
        if qid:
            m = _QID.match(qid)
            if m is None:
                raise UserFileError(f"{path}:{line}: wikidata '{qid}' is not a Wikidata id "
                                    "(Q and digits, as Q458)")
            g.add((a, SKOS.exactMatch, WD[m.group(1)]))
    return out


def _issues_csv(path: Path, text: str, known: Graph) -> UserFile:
    out = UserFile(path, "issues", Graph())
    g = out.graph
    for line, row in _rows(path, text, ISSUE_COLUMNS):
        i, label = _row_resource(out, line, row, issue_iri)
        g.add((i, RDF.type, SKOS.Concept))
        g.add((i, SKOS.inScheme, SG.Issues))
        _add_label(g, known, i, SKOS.prefLabel, label)
        for alias in _items(row.get("aliases", "")):
            g.add((i, SKOS.altLabel, Literal(alias, lang="en")))
        if row.get("definition"):
            g.add((i, SKOS.definition, Literal(row["definition"], lang="en")))
    return out


def _row_resource(out: UserFile, line: int, row: dict[str, str],
                  iri: Callable[[str], URIRef]) -> tuple[URIRef, str]:
    """The IRI a row describes (the slug of its label) and its label; each once a file."""
    label = row.get("label", "")
    if not label:
        raise UserFileError(f"{out.path}:{line}: no label")
    node = iri(slugify(label))
    if node in out.lines:
        raise UserFileError(f"{out.path}:{line}: '{label}' is on line {out.lines[node]} "
                            f"already (same id {short(str(node))})")
    out.lines[node] = line
    return node, label


def _items(cell: str) -> list[str]:
    return [x for x in _LIST.split(cell) if x]


def _add_label(g: Graph, known: Graph, node: URIRef, predicate: URIRef, label: str) -> None:
    """The row's label, or an alias when the registry already has the entry under another
    label (a row 'FRANCE' adds to France)."""
    existing = known.value(node, predicate)
    if existing is None:
        # issues are labelled in English, as the bundled scheme's; actors' names as they are
        g.add((node, predicate, Literal(label, lang="en" if predicate == SKOS.prefLabel else None)))
    elif str(existing) != label:
        g.add((node, SKOS.altLabel, Literal(label, lang=existing.language)))


def _actor_names(known: Graph) -> dict[str, URIRef]:
    """Actors of `known` by their labels and aliases, case-folded."""
    prefix = ID + "actor/"
    names: dict[str, URIRef] = {}
    for p in (RDFS.label, SKOS.altLabel):
        for s, o in known.subject_objects(p):
            if isinstance(s, URIRef) and str(s).startswith(prefix):
                names.setdefault(str(o).casefold(), s)
    return names


def _known_id(known: Graph, g: Graph, name: str) -> URIRef | None:
    """An actor named by its id (a slug), in the registry or this file."""
    slug = name.removeprefix("actor:")
    if not _SLUG.match(slug):
        return None
    a = actor_iri(slug)
    for graph in (known, g):
        if any(c in _ACTOR_CLASSES for c in graph.objects(a, RDF.type)):
            return a
    return None


def _line_order(where: str) -> tuple[str, int]:
    path, _, line = where.rpartition(":")
    return (path, int(line) if line.isdigit() else 0)
