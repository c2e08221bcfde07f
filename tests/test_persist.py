"""The on-disk store: build --store, serve/query --store, add and remove in one transaction."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from stancegraph.cli import main
from stancegraph.kg.build import build
from stancegraph.kg.errors import StancegraphError, StoreError
from stancegraph.kg.store import Store
from stancegraph.kg.store.build import build_store
from stancegraph.kg.store.ingest import add_documents, open_store, remove_documents
from stancegraph.kg.store.local import DATA, LocalStore, dumps_folder, read_metadata, update_text

# Three short texts by one writer. The third names her with another publisher, which changes
# the actor facts the first two are reasoned with.
TEXTS = {
    "a-profile.txt": """Harbour Policy Review
Zorblat Quint and the sanctions debate
Date 2024-03-02 Writer Mira Tallis

Japanese Foreign Minister Zorblat Quint condemned North Korea's missile launch on Monday.
Quint urged China to support new sanctions.
""",
    "b-later.txt": """Harbour Policy Review
A week of statements
Date 2024-03-09 Writer Mira Tallis

Russia criticized Japan for the new sanctions.
""",
    "c-other.txt": """Meridian Strategy Forum
Missiles and markets
Date 2024-04-01 Writer Mira Tallis

China condemned the sanctions imposed by the United States.
""",
}


def write_texts(folder: Path, names: list[str], texts: dict[str, str] = TEXTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(texts[name], encoding="utf-8")
    return folder


def quads(store_dir: Path) -> set[str]:
    store = ox.Store.read_only(str(store_dir / DATA))
    found = as_text(store)
    del store
    return found


def as_text(store: ox.Store) -> set[str]:
    """The quads as N-Quads lines; blank nodes (the ontology's lists) all written `_:b`,
    since loading a file names them anew."""
    return {re.sub(r"_:\w+", "_:b", str(q)) for q in store}


def compiled_store(tmp_path: Path, name: str, names: list[str]) -> Path:
    folder = write_texts(tmp_path / f"{name}-texts", names)
    build([folder], None, store=tmp_path / name)
    return tmp_path / name


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Stores of all three texts (with dumps), and of the first two."""
    root = tmp_path_factory.mktemp("stores")
    texts = write_texts(root / "texts", list(TEXTS))
    build([texts], root / "dumps", store=root / "all")
    return {"root": root, "texts": texts, "all": root / "all", "dumps": root / "dumps",
            "two": compiled_store(root, "two", ["a-profile.txt", "b-later.txt"])}


def test_build_writes_the_dumps_dataset_into_the_store(built: dict[str, Path]) -> None:
    expected = ox.Store()
    expected.bulk_load(path=str(built["dumps"] / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    assert quads(built["all"]) == as_text(expected)
    metadata = read_metadata(built["all"])
    assert metadata["dumps"] == str(built["dumps"].resolve())
    assert metadata["reasoner"] in ("owlrl", "reasonable")
    assert dumps_folder(built["all"]) == built["dumps"].resolve()
    assert not list(built["root"].glob(".all.*")), "the temporary folder is left behind"


def test_streamed_build_equals_the_compiled_one(tmp_path: Path, built: dict[str, Path]) -> None:
    # without --out the command streams into the store
    assert main(["build", str(built["texts"]), "--store", str(tmp_path / "s"), "--quiet"]) == 0
    assert quads(tmp_path / "s") == quads(built["all"])
    assert read_metadata(tmp_path / "s")["dumps"] is None
    # enough documents for the worker processes
    many = {f"{name[:-4]}-{i}.txt": text for name, text in TEXTS.items() for i in range(3)}
    folder = write_texts(tmp_path / "many", list(many), many)
    report = build_store([folder], tmp_path / "streamed", jobs=2)
    build([folder], None, store=tmp_path / "compiled", jobs=1)
    assert quads(tmp_path / "streamed") == quads(tmp_path / "compiled")
    assert len(report.documents) == 9 and report.triples["inferred"] > 0
    assert not list(tmp_path.glob(".streamed.*"))


def test_store_answers_queries_like_the_dumps(built: dict[str, Path]) -> None:
    query = "SELECT ?s ?kind WHERE { ?s sg:holder ?h ; sg:kind ?kind } ORDER BY ?s"
    with Store.from_build(built["dumps"], workers=1) as from_dumps:
        expected = from_dumps.select(query).rows
    started = time.perf_counter()
    with Store.from_location(built["all"], workers=2) as store:
        opened = time.perf_counter() - started
        assert store.select(query).rows == expected
        # workers report nothing that needs a scan of the store (a count of its quads)
        assert "quads" not in store.backend.info
        assert [d["id"] for d in store.manifest["documents"]] == ["a-profile", "b-later",
                                                                  "c-other"]
    assert expected and opened < 10


def test_add_equals_building_everything(tmp_path: Path, built: dict[str, Path]) -> None:
    store_dir = tmp_path / "store"
    shutil.copytree(built["two"], store_dir)
    with open_store(store_dir) as store:
        from stancegraph.kg.corpus import extract_all, load_documents
        from stancegraph.kg.graph.rdf import extraction_graph

        docs = load_documents([built["texts"] / "c-other.txt"])
        report = add_documents(store, [extraction_graph(e) for e in extract_all(docs)])
    assert report.added == ["c-other"]
    # the writer's new affiliation reaches the two stored documents
    assert report.reasoned_again == ["a-profile", "b-later"]
    assert quads(store_dir) == quads(built["all"])


def test_remove_equals_building_without(tmp_path: Path, built: dict[str, Path]) -> None:
    store_dir = tmp_path / "store"
    shutil.copytree(built["all"], store_dir)
    with open_store(store_dir) as store:
        report = remove_documents(store, ["c-other"])
    assert report.removed == ["c-other"] and report.reasoned_again == ["a-profile", "b-later"]
    assert quads(store_dir) == quads(built["two"])
    # the dumps no longer describe the store: forgotten
    assert read_metadata(store_dir)["dumps"] is None and dumps_folder(store_dir) is None


def test_readding_a_changed_document_replaces_it(tmp_path: Path, built: dict[str, Path]) -> None:
    store_dir = tmp_path / "store"
    shutil.copytree(built["all"], store_dir)
    changed = {"b-later.txt": TEXTS["b-later.txt"].replace("Russia criticized Japan",
                                                           "Russia condemned China")}
    folder = write_texts(tmp_path / "changed", ["b-later.txt"], changed)
    assert main(["add", str(folder), "--store", str(store_dir), "--quiet"]) == 0
    expected_texts = write_texts(tmp_path / "expected", ["a-profile.txt", "c-other.txt"])
    write_texts(expected_texts, ["b-later.txt"], changed)
    build([expected_texts], None, store=tmp_path / "expected-store")
    assert quads(store_dir) == quads(tmp_path / "expected-store")
    assert "Russia condemned China" in "".join(quads(store_dir))


def test_cli_add_and_remove_round_trip(tmp_path: Path, built: dict[str, Path],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    store_dir = tmp_path / "store"
    shutil.copytree(built["two"], store_dir)
    assert main(["add", str(built["texts"] / "c-other.txt"), "--store", str(store_dir)]) == 0
    assert "1 added; 2 other documents reasoned again" in capsys.readouterr().err
    assert quads(store_dir) == quads(built["all"])
    assert main(["remove", "c-other", "--store", str(store_dir), "--quiet"]) == 0
    assert quads(store_dir) == quads(built["two"])


def test_query_command_reads_a_store(built: dict[str, Path],
                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["query", "states", "--store", str(built["all"]), "--param", "month=all",
                 "--format", "csv"]) == 0
    assert "japan" in capsys.readouterr().out


@pytest.mark.parametrize("argv, message", [
    (["add", "{empty}", "--store", "{store}"], "no .txt documents"),
    (["add", "{texts}", "--store", "{empty}"], "not a stancegraph store"),
    (["add", "{texts}", "--store", "{missing}"], "no such store folder"),
    (["remove", "nope", "--store", "{store}"], "no document 'nope'"),
    (["remove", "a/b", "--store", "{store}"], "not a document id"),
    (["query", "states", "--store", "{empty}"], "not a stancegraph store"),
    (["build", "{texts}", "--store", "{texts}"], "not a store; not replacing it"),
])
def test_bad_input_is_one_line_and_exit_2(
    tmp_path: Path, built: dict[str, Path], capsys: pytest.CaptureFixture[str],
    argv: list[str], message: str,
) -> None:
    (tmp_path / "empty").mkdir()
    places = {"store": str(built["two"]), "texts": str(built["texts"]),
              "empty": str(tmp_path / "empty"), "missing": str(tmp_path / "missing")}
    before = quads(built["two"])
    assert main([a.format(**places) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert quads(built["two"]) == before


def test_writers_and_readers_exclude_each_other(built: dict[str, Path]) -> None:
    with Store.from_location(built["two"], workers=1):
        with pytest.raises(StoreError, match="in use"):
            LocalStore(built["two"])
    with LocalStore(built["two"]):
        with pytest.raises(StoreError, match="cannot open the store|in use"):
            Store.from_location(built["two"], workers=1)
    LocalStore(built["two"]).close()  # both gone: free again


def test_a_whole_change_is_one_update_request() -> None:
    from rdflib import Literal, URIRef

    from stancegraph.kg.store.local import Change

    g, s = URIRef("http://example.org/g"), URIRef("http://example.org/s")
    change = Change(put={g: [(s, s, Literal('say "hi"\n}'))]}, drop=[URIRef("http://x/d")])
    text = update_text(change)
    store = ox.Store()
    store.update(text)  # parses as SPARQL Update, literal escaped
    assert [q.object.value for q in store] == ['say "hi"\n}']
    assert text.count("INSERT DATA") == 1


def test_killed_add_leaves_the_store_before_or_after(tmp_path: Path,
                                                     built: dict[str, Path]) -> None:
    """SIGKILL at random points of `add`: the store is either untouched or fully changed."""
    before, after = quads(built["two"]), quads(built["all"])
    command = [sys.executable, "-m", "stancegraph", "add", str(built["texts"] / "c-other.txt"),
               "--store"]
    started = time.perf_counter()
    subprocess.run([*command, str(_copy(built["two"], tmp_path / "timing"))], check=True)
    duration = time.perf_counter() - started
    rng = random.Random(5)
    seen = set()
    for i in range(8):
        store_dir = _copy(built["two"], tmp_path / f"kill-{i}")
        process = subprocess.Popen([*command, str(store_dir)], stderr=subprocess.DEVNULL)
        # spread over the whole run, denser near its end where the commit happens
        time.sleep(duration * (0.5 + 0.5 * rng.random()) if i % 2 else
                   duration * rng.random())
        process.kill()
        process.wait()
        state = quads(store_dir)
        assert state in (before, after), f"a kill left the store half-changed (run {i})"
        seen.add("after" if state == after else "before")
        # the lock died with the process: the store can be changed again
        LocalStore(store_dir).close()
    assert "before" in seen


def _copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def test_remove_unknown_document_changes_nothing(built: dict[str, Path]) -> None:
    before = quads(built["two"])
    with open_store(built["two"]) as store, pytest.raises(StancegraphError):
        remove_documents(store, ["a-profile", "unknown"])
    assert quads(built["two"]) == before


# A name one text gives a person and another its publisher: read apart, the documents disagree
# on what the actor is, and persons and institutions are disjoint.
KESTREL = {
    "k-person.txt": "Harbour Policy Review\nA statement\nDate 2024-05-02 Writer Mira Tallis\n\n"
                    "Marlow Kestrel condemned the missile launch by North Korea on Monday.\n",
    "l-outlet.txt": "Marlow Kestrel\nRestraint\nDate 2024-05-01 Writer Mira Tallis\n\n"
                    "Japan urged China to show restraint.\n",
    "m-person.txt": "Harbour Policy Review\nMore statements\nDate 2024-05-03 Writer Mira Tallis"
                    "\n\nMarlow Kestrel urged Seoul to resume talks.\n",
}
KESTREL_TYPES = ("SELECT DISTINCT ?t WHERE { GRAPH ?g { "
                 "<https://w3id.org/stancegraph/id/actor/marlow-kestrel> a ?t } }")


def kestrel_types(store_dir: Path) -> set[str]:
    store = ox.Store.read_only(str(store_dir / DATA))
    found = {row["t"].value.rsplit("#", 1)[-1] for row in store.query(KESTREL_TYPES)}
    del store
    return found & {"Person", "Official", "Institution", "State"}  # not what reasoning adds


def test_an_actor_documents_type_apart_gets_the_type_most_give_it(tmp_path: Path) -> None:
    folder = write_texts(tmp_path / "texts", list(KESTREL), KESTREL)
    build([folder], None, store=tmp_path / "compiled")
    build_store([folder], tmp_path / "streamed", jobs=1)
    assert kestrel_types(tmp_path / "compiled") == {"Person"}
    assert quads(tmp_path / "streamed") == quads(tmp_path / "compiled")


def test_an_added_document_takes_the_stored_type(tmp_path: Path) -> None:
    folder = write_texts(tmp_path / "texts", list(KESTREL), KESTREL)
    build([folder / "l-outlet.txt"], None, store=tmp_path / "store")
    with open_store(tmp_path / "store") as store:
        from stancegraph.kg.corpus import extract_all, load_documents
        from stancegraph.kg.graph.rdf import extraction_graph

        docs = load_documents([folder / "k-person.txt", folder / "m-person.txt"])
        report = add_documents(store, [extraction_graph(e) for e in extract_all(docs)])
    assert report.added == ["k-person", "m-person"]
    assert kestrel_types(tmp_path / "store") == {"Institution"}


def test_settled_types_tie_goes_to_the_first_document() -> None:
    from stancegraph.kg.graph.types import settle_types
    from stancegraph.kg.ids import SG

    a = SG.x  # any node
    assert settle_types([("b", a, SG.Person), ("a", a, SG.Institution)]) == {a: SG.Institution}
    assert settle_types([("a", a, SG.Person), ("b", a, SG.Official),
                         ("c", a, SG.Institution)]) == {a: SG.Person}
    assert settle_types([("a", a, SG.Person), ("b", a, SG.Official)]) == {}
