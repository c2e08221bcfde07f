"""A corpus's documents: loaded and checked together, extracted over worker processes, and
what a build of them gave."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from .documents import document_paths, load_document
from .errors import DocumentError
from .extract import extract
from .processes import process_pool
from .records import Document, Extraction
from .vocabulary import active


@dataclass
class BuildReport:
    out_dir: Path | None
    documents: list[str]
    stances: int
    triples: dict[str, int]
    engine: str
    seconds: dict[str, float] = field(default_factory=dict)
    store: str | None = None
    entries: list[dict] = field(default_factory=list)  # each document's manifest entry


def load_documents(paths: Iterable[str | Path]) -> list[Document]:
    """Load every document; if any cannot be, fail naming every bad file (one line each),
    before anything is written. No bad file is skipped: a graph silently missing a document
    would be worse than a build that stops."""
    paths = list(paths)
    files = document_paths(paths)
    if not files:
        raise DocumentError("no .txt documents found in " + ", ".join(map(str, paths)))
    docs: list[Document] = []
    problems: list[str] = []
    seen: dict[str, str | None] = {}
    for path in files:
        try:
            doc = load_document(path)
        except DocumentError as exc:
            problems.append(str(exc))
            continue
        if doc.id in seen:
            problems.append(f"{doc.path}: same document id '{doc.id}' as {seen[doc.id]}")
            continue
        seen[doc.id] = doc.path
        docs.append(doc)
    if len(problems) == 1:
        raise DocumentError(problems[0])
    if problems:
        raise DocumentError(f"{len(problems)} of {len(files)} files cannot be built:\n  "
                            + "\n  ".join(problems))
    return docs


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_all(
    docs: list[Document], *, min_confidence: float = 0.0, jobs: int = 1, progress: bool = False
) -> list[Extraction]:
    """Extract every document, over `jobs` processes, in the order given."""
    bar = tqdm(total=len(docs), desc="extract", unit="doc", disable=not progress, leave=False)
    with bar:
        return list(_extractions(docs, min_confidence, jobs, bar))


def _extractions(
    docs: list[Document], min_confidence: float, jobs: int, bar: tqdm
) -> Iterator[Extraction]:
    # loaded before forking, so workers share them
    registry, _ = active().registry, active().issues
    if jobs <= 1 or len(docs) < 8:
        for d in docs:
            yield extract(d, registry, min_confidence=min_confidence)
            bar.update()
        return
    chunk = max(1, min(16, len(docs) // (jobs * 8)))
    with process_pool(jobs) as pool:
        for e in pool.map(_extract_one, docs, [min_confidence] * len(docs), chunksize=chunk):
            yield e
            bar.update()


def _extract_one(doc: Document, min_confidence: float) -> Extraction:
    return extract(doc, active().registry, min_confidence=min_confidence)


def document_entry(e: Extraction) -> dict:
    """What manifest.json says of a document."""
    d = e.document
    return {"id": d.id, "title": d.title, "date": d.date, "author": d.author,
            "publisher": d.publisher, "file": Path(d.path).name if d.path else None,
            "stances": len(e.stances), "actors": len(e.actors)}
