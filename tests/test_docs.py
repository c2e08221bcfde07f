"""The documentation's examples work: every SPARQL block of README.md and docs/ runs against
the bundled corpus as written (no prefixes but its own) and returns rows, every Turtle block
parses, and the walk-through of an analyst's own subject does what the README says."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from stancegraph.kg.ids import slugify
from stancegraph.kg.issues import IssueScheme
from stancegraph.resources import ontology_files

ROOT = Path(__file__).parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.M | re.S)


def blocks(language: str) -> list[tuple[str, str]]:
    """(where, text) of each fenced block of `language` in the pages."""
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in _BLOCK.finditer(text):
            if m.group(1) == language:
                line = text.count("\n", 0, m.start()) + 1
                found.append((f"{page.relative_to(ROOT)}:{line}", m.group(2)))
    return found


SPARQL = blocks("sparql")
TURTLE = blocks("turtle")


@pytest.fixture(scope="module")
def dataset(kg_dir: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(kg_dir / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    return store


def test_the_pages_have_examples() -> None:
    assert len(SPARQL) >= 8 and len(TURTLE) >= 2


@pytest.mark.parametrize(("where", "query"), SPARQL, ids=[w for w, _ in SPARQL])
def test_sparql_example_returns_rows(dataset: ox.Store, where: str, query: str) -> None:
    result = dataset.query(query, use_default_graph_as_union=True)
    if isinstance(result, bool):
        assert result, where
    elif isinstance(result, ox.QuerySolutions):
        rows = list(result)
        assert rows, f"{where}: no rows"
        assert any(any(row[v] is not None for v in result.variables) for row in rows), where
    else:
        assert list(result), f"{where}: no triples"


@pytest.mark.parametrize(("where", "text"), TURTLE, ids=[w for w, _ in TURTLE])
def test_turtle_example_parses(where: str, text: str) -> None:
    triples = list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    assert triples, where


# --- the README's walk-through: the analyst's own subject ------------------------------------

EXAMPLE = ROOT / "docs" / "examples" / "eu-fiscal-rules"


def test_the_pages_show_the_example_files_as_they_are() -> None:
    shown = {text for _, text in blocks("csv")}
    for name in ("actors.csv", "issues.csv"):
        assert (EXAMPLE / name).read_text(encoding="utf-8") in shown, name


def test_the_example_subject_takes_its_issues_from_its_own_scheme(tmp_path: Path) -> None:
    out = tmp_path / "eu-kg"
    r = subprocess.run(
        [sys.executable, "-P", "-m", "stancegraph", "build", str(EXAMPLE / "eu-fiscal-rules.txt"),
         "--actors", str(EXAMPLE / "actors.csv"), "--issues", str(EXAMPLE / "issues.csv"),
         "--out", str(out), "--quiet"], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    with (EXAMPLE / "issues.csv").open(encoding="utf-8") as f:
        own = {slugify(row["label"]) for row in csv.DictReader(f)}
    with (EXAMPLE / "actors.csv").open(encoding="utf-8") as f:
        actors = {slugify(row["label"]) for row in csv.DictReader(f)}
    bundled = set(IssueScheme.load(ontology_files()).concepts)
    store = ox.Store()
    store.load(path=str(out / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    rows = [(r["h"].value.rsplit("/", 1)[-1], r["i"].value.rsplit("/", 1)[-1] if r["i"] else None)
            for r in store.query("""
        SELECT ?h ?i WHERE { ?s a <https://w3id.org/stancegraph/ontology#Stance> ;
            <https://w3id.org/stancegraph/ontology#holder> ?h .
            OPTIONAL { ?s <https://w3id.org/stancegraph/ontology#onIssue> ?i } }""",
                                 use_default_graph_as_union=True)]
    issues = [i for _, i in rows if i]
    assert len([i for i in issues if i in own]) >= 4, rows
    # No issue of the bundled (security) scheme is forced onto a text about budgets.
    assert not [i for i in issues if i in bundled and i not in own], rows
    assert {h for h, _ in rows} & actors, rows
