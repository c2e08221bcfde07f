"""The build: dump files on disk, parsed by two independent parsers, stable across runs."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph

from stancegraph import resources
from stancegraph.kg.build import build
from stancegraph.kg.ids import ONTOLOGY_GRAPH, PREFIXES, document_graph, inferred_graph
from stancegraph.kg.store.dumps import DUMP_FILES

RDFLIB_FORMAT = {".trig": "trig", ".nq": "nquads", ".jsonld": "json-ld", ".ttl": "turtle",
                 ".nt": "nt"}
OX_FORMAT = {".trig": ox.RdfFormat.TRIG, ".nq": ox.RdfFormat.N_QUADS,
             ".jsonld": ox.RdfFormat.JSON_LD, ".ttl": ox.RdfFormat.TURTLE,
             ".nt": ox.RdfFormat.N_TRIPLES}
DOCS = ["01-hrpf-trilateral-after-icbm", "02-wire-missile-barrage-un-rift",
        "03-ledger-veto-sanctions-oped", "sejong-2019-33"]


@pytest.fixture(scope="module")
def out(kg_dir: Path) -> Path:
    """The session's build of the bundled corpus (conftest)."""
    return kg_dir


@pytest.fixture(scope="module")
def dataset(out: Path) -> ox.Store:
    store = ox.Store()
    store.load(path=str(out / "kg.trig"), format=ox.RdfFormat.TRIG)
    return store


def select(store: ox.Store, query: str) -> list[dict[str, str]]:
    result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    return [{v.value: s[v].value for v in result.variables if s[v] is not None} for s in result]


def test_every_dump_file_is_written_and_listed(out: Path) -> None:
    manifest = json.loads((out / "manifest.json").read_text())
    assert [f["name"] for f in manifest["files"]] == [d.name for d in DUMP_FILES]
    assert [d["id"] for d in manifest["documents"]] == DOCS
    for f in manifest["files"]:
        assert (out / f["name"]).stat().st_size == f["bytes"] > 0


@pytest.mark.parametrize("name", [d.name for d in DUMP_FILES])
def test_dumps_parse_with_rdflib_and_pyoxigraph(out: Path, name: str) -> None:
    path = out / name
    fmt = RDFLIB_FORMAT[path.suffix]
    parsed = (Dataset() if path.suffix in (".trig", ".nq", ".jsonld") else Graph())
    parsed.parse(path, format=fmt)
    ox_count = len(list(ox.parse(path=str(path), format=OX_FORMAT[path.suffix])))
    rdflib_count = (len(list(parsed.quads((None, None, None, None))))
                    if isinstance(parsed, Dataset) else len(parsed))
    assert ox_count == rdflib_count > 0


def test_named_graphs(dataset: ox.Store) -> None:
    graphs = {g.value for g in dataset.named_graphs()}
    assert graphs == {str(ONTOLOGY_GRAPH), *(str(document_graph(d)) for d in DOCS),
                      *(str(inferred_graph(d)) for d in DOCS)}


def test_inferred_triples_are_kept_apart_from_asserted(out: Path) -> None:
    asserted = set(Graph().parse(out / "asserted.nt", format="nt"))
    inferred = set(Graph().parse(out / "inferred.nt", format="nt"))
    ontology = set(Graph().parse(out / "ontology.ttl", format="turtle"))
    assert inferred and not inferred & asserted and not inferred & ontology


def test_same_input_gives_byte_identical_dumps(out: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    build([resources.corpus_dir()], again, jobs=2)  # parallel work must not change the output
    for dump in DUMP_FILES:
        assert (again / dump.name).read_bytes() == (out / dump.name).read_bytes(), dump.name


def test_both_reasoners_write_the_same_inferences(out: Path, tmp_path: Path) -> None:
    fast = tmp_path / "fast"
    report = build(None, fast, engine="reasonable")
    assert report.engine == "reasonable"
    assert json.loads((out / "manifest.json").read_text())["reasoner"] == "owlrl"
    assert (fast / "inferred.nt").read_bytes() == (out / "inferred.nt").read_bytes()
    assert (fast / "kg.trig").read_bytes() == (out / "kg.trig").read_bytes()


def test_every_evidence_quote_is_the_original_text(dataset: ox.Store) -> None:
    rows = select(dataset, """
        SELECT ?id ?exact ?start ?end WHERE {
          ?s a sg:Stance ; prov:wasDerivedFrom ?doc ; sg:evidence ?ev .
          ?doc dcterms:identifier ?id .
          ?ev oa:hasSelector ?q, ?p .
          ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end .
        }""")
    assert len(rows) > 50
    texts = {d: (resources.corpus_dir() / f"{d}.txt").read_text(encoding="utf-8") for d in DOCS}
    for r in rows:
        assert texts[r["id"]][int(r["start"]):int(r["end"])] == r["exact"]


def test_every_stance_has_its_provenance(dataset: ox.Store) -> None:
    missing = select(dataset, """
        SELECT ?s WHERE {
          ?s a sg:Stance .
          FILTER NOT EXISTS {
            ?s sg:holder ?h ; sg:kind ?k ; sg:modality ?m ; sg:attributedBy ?a ;
               sg:date ?d ; prov:wasDerivedFrom ?doc ; sg:evidence ?ev .
            ?ev a oa:SpecificResource ; oa:hasSource ?doc .
          }
        }""")
    assert missing == []


def test_documents_carry_dublin_core_metadata(dataset: ox.Store) -> None:
    rows = select(dataset, """
        SELECT ?title ?date ?creator ?publisher ?series ?number WHERE {
          doc:sejong-2019-33 dcterms:title ?title ; dcterms:date ?date ;
             dcterms:creator/rdfs:label ?creator ; dcterms:publisher/rdfs:label ?publisher ;
             sg:series ?series ; sg:number ?number .
        }""")
    meta = json.loads((resources.corpus_dir() / "sejong-2019-33.meta.json").read_text())
    assert rows == [{
        "title": meta["title"], "date": "2019-12-13", "creator": "Cheong Seong-chang",
        "publisher": "Sejong Institute",
        "series": "Sejong Commentary", "number": "2019-33"}]
