"""Where the installed package keeps its data: ontology, named queries, bundled corpus."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def _dir(package: str) -> Path:
    # Installed as regular files (wheel or editable), so the traversable is a real path.
    with as_file(files(package)) as path:
        return Path(path)


def ontology_dir() -> Path:
    return _dir("stancegraph.ontology")


def queries_dir() -> Path:
    return _dir("stancegraph.queries")


def corpus_dir() -> Path:
    return _dir("stancegraph.corpus")


def ontology_files() -> list[Path]:
    return sorted(ontology_dir().glob("*.ttl"))


def corpus_files() -> list[Path]:
    return sorted(corpus_dir().glob("*.txt"))


def shapes_file() -> Path:
    """The SHACL shapes of the data contract (kept apart from the ontology files, which are
    loaded into every graph)."""
    return ontology_dir() / "shapes" / "graph.ttl"
