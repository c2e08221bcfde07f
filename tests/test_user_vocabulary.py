"""The analyst's own actors and issues: CSV and Turtle files merged with the bundled registry
and scheme, found in new texts by `build`, `add`, `extract` and `serve`, and refused with the
file, line and reason when they are malformed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest
from test_persist import quads

from stancegraph.cli import main
from stancegraph.commands.serve import bind
from stancegraph.kg.build import build
from stancegraph.kg.ids import PREFIXES
from stancegraph.kg.issues import IssueScheme
from stancegraph.kg.registry import Registry
from stancegraph.kg.user_vocabulary import UserFileError
from stancegraph.kg.vocabulary import active, bundled, load_vocabulary, using

ACTORS_CSV = """label,type,aliases,affiliation,wikidata
Kelvane Institute,Institution,Kelvane;the Institute,,
Doria Matsen,Official,Matsen,Kelvane Institute,
Forum of Coastal States,Institution,FCS,,
Portugal,State,,Forum of Coastal States,
"""

ISSUES_CSV = """label,aliases,definition
Fiscal rules,deficit limit;deficit ceiling;debt brake,"Limits on public deficits and debt."
"""

ACTORS_TTL = """@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix actor: <https://w3id.org/stancegraph/id/actor/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix wd: <http://www.wikidata.org/entity/> .

actor:corvel-council a sg:Institution ;
    rdfs:label "Corvel Council" ;
    skos:altLabel "the Council of Corvel" ;
    sg:partOf actor:france .

actor:ilse-brandvik a sg:Official ;
    rdfs:label "Ilse Brandvik" ;
    sg:represents actor:corvel-council .
"""

TEXT = """Harbour Policy Review
Coastal positions on the launch
Date 2025-02-10 Writer Tomas Weller

The Kelvane Institute condemned the missile launch on Monday.
Doria Matsen said the Kelvane Institute rejects the deficit limit proposed by Germany.
The Corvel Council criticized Germany over the deficit limit.
"""


def sparql(kg: Path, query: str) -> list[dict[str, str]]:
    store = ox.Store()
    store.load(path=str(kg / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    result = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
    return [{v.value: s[v].value for v in result.variables if s[v] is not None} for s in result]


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-P", "-m", "stancegraph", *args],
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("user-files")
    return {"actors_csv": write(root, "actors.csv", ACTORS_CSV),
            "issues_csv": write(root, "issues.csv", ISSUES_CSV),
            "actors_ttl": write(root, "actors.ttl", ACTORS_TTL),
            "text": write(root / "texts", "coastal-positions.txt", TEXT)}


@pytest.fixture(scope="module")
def kg(files: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A build of the text with both actor files and the issues file, by the command line
    (which validates it: conftest)."""
    out = tmp_path_factory.mktemp("user-kg") / "kg"
    r = run("build", str(files["text"]), "--out", str(out), "--actors", str(files["actors_csv"]),
            "--actors", str(files["actors_ttl"]), "--issues", str(files["issues_csv"]), "--quiet")
    assert r.returncode == 0, r.stderr
    return out


def test_csv_actor_is_found_in_a_new_text_with_its_type_and_affiliation(kg: Path) -> None:
    rows = sparql(kg, """SELECT ?type ?link WHERE {
        GRAPH <https://w3id.org/stancegraph/id/graph/ontology> {
          actor:doria-matsen a ?type ; sg:represents ?link } }""")
    assert rows == [{"type": PREFIXES["sg"] + "Official",
                     "link": PREFIXES["actor"] + "kelvane-institute"}]
    held = sparql(kg, "SELECT ?s WHERE { ?s sg:holder actor:kelvane-institute }")
    assert held, "the Kelvane Institute holds no stance in a text where it condemns a launch"
    # Reasoning reads the user's affiliation: Matsen's stances are on behalf of her institute.
    behalf = sparql(kg, """SELECT ?s WHERE { ?s sg:holder actor:doria-matsen ;
                                                sg:onBehalfOf actor:kelvane-institute }""")
    assert behalf == sparql(kg, "SELECT ?s WHERE { ?s sg:holder actor:doria-matsen }")
    # A row naming a bundled state adds to its entry: Portugal is a member of the forum.
    member = sparql(kg, "SELECT ?x WHERE { actor:portugal sg:memberOf ?x ; a sg:State }")
    assert member == [{"x": PREFIXES["actor"] + "forum-of-coastal-states"}]


def test_turtle_actor_is_found_in_a_new_text_with_its_type_and_affiliation(kg: Path) -> None:
    rows = sparql(kg, """SELECT ?type ?part WHERE {
        GRAPH <https://w3id.org/stancegraph/id/graph/ontology> {
          actor:corvel-council a ?type ; sg:partOf ?part } }""")
    assert rows == [{"type": PREFIXES["sg"] + "Institution", "part": PREFIXES["actor"] + "france"}]
    held = sparql(kg, "SELECT ?s WHERE { ?s sg:holder actor:corvel-council }")
    assert held, "the Corvel Council holds no stance in a text where it criticizes Germany"
    # ... and each of its stances is on behalf of France, through the user's sg:partOf.
    for row in held:
        behalf = sparql(kg, f"SELECT ?x WHERE {{ <{row['s']}> sg:onBehalfOf ?x }}")
        assert {"x": PREFIXES["actor"] + "france"} in behalf


def test_user_issues_are_used_before_new_ones_are_named(kg: Path) -> None:
    rows = sparql(kg, """SELECT ?s ?issue WHERE {
        ?s sg:evidence/oa:hasSelector/oa:exact ?quote ; sg:onIssue ?issue .
        FILTER(CONTAINS(?quote, "deficit limit")) }""")
    assert rows, "no stance quotes a sentence on the deficit limit"
    assert {r["issue"] for r in rows} == {PREFIXES["issue"] + "fiscal-rules"}
    label = sparql(kg, "SELECT ?l WHERE { issue:fiscal-rules skos:prefLabel ?l }")
    assert label == [{"l": "Fiscal rules"}]


def test_vocabulary_merges_and_is_in_use_only_inside_using(files: dict[str, Path]) -> None:
    vocabulary = load_vocabulary([files["actors_csv"], files["actors_ttl"]],
                                 [files["issues_csv"]])
    assert vocabulary.registry.get("kelvane-institute").aliases == ["Kelvane", "the Institute"]
    assert vocabulary.registry.get("ilse-brandvik").affiliations == ["corvel-council"]
    assert vocabulary.registry.get("north-korea") is not None  # the bundled ones stay
    assert len(vocabulary.registry) == len(Registry.default()) + 5
    assert "fiscal-rules" in vocabulary.issues.concepts
    assert vocabulary.issues.match("the debt brake").id == "fiscal-rules"
    assert active() is bundled() and IssueScheme.load().match("debt brake") is None
    with using(vocabulary):
        assert IssueScheme.load() is vocabulary.issues
    assert active() is bundled()
    # The same content is the same vocabulary (extraction caches per registry object).
    again = load_vocabulary([files["actors_csv"], files["actors_ttl"]], [files["issues_csv"]])
    assert again is vocabulary and again.digest == vocabulary.digest


def test_extract_finds_the_user_actor(files: dict[str, Path]) -> None:
    r = run("extract", str(files["text"]), "--actors", str(files["actors_csv"]))
    assert r.returncode == 0, r.stderr
    actors = {a["id"]: a for a in json.loads(r.stdout)["actors"]}
    assert actors["kelvane-institute"]["in_registry"]
    assert actors["kelvane-institute"]["mentions"]
    assert actors["doria-matsen"]["affiliations"] == ["kelvane-institute"]


# --- malformed files: one line, exit code 2, nothing written ----------------------------------

BAD = [
    ("actors", "unknown-type.csv", "label,type\nVarn Group,Company\n",
     "unknown-type.csv:2: type 'Company' is not one of State, Institution, Official, Person"),
    ("actors", "unknown-column.csv", "label,kind\nVarn Group,Institution\n",
     "unknown-column.csv:1: unknown column 'kind'"),
    ("actors", "no-label.csv", "label,type\n,Institution\n", "no-label.csv:2: no label"),
    ("actors", "affiliation.csv",
     "label,type,affiliation\nVarn Group,Institution,\nOla Varn,Person,Varn Grup\n",
     "affiliation.csv:3: affiliation 'Varn Grup' names no actor"),
    ("actors", "wikidata.csv", "label,type,wikidata\nVarn Group,Institution,458\n",
     "wikidata.csv:2: wikidata '458' is not a Wikidata id"),
    ("actors", "twice.csv", "label,type\nVarn Group,Institution\nVarn group,Institution\n",
     "twice.csv:3: 'Varn group' is on line 2 already"),
    ("actors", "conflict.csv", "label,type\nFrance,Institution\n",
     "conflict.csv:2: actor:france: a state is neither a person nor an institution"),
    ("actors", "state-member.csv", "label,type,affiliation\nPortugal,State,France\n",
     "state-member.csv:2: actor:portugal sg:memberOf: sg:memberOf links to an institution"),
    ("actors", "syntax.ttl",
     "@prefix sg: <https://w3id.org/stancegraph/ontology#> .\n"
     "@prefix actor: <https://w3id.org/stancegraph/id/actor/> .\n"
     "actor:varn-group a sg:Institution ;\n    rdfs:label \"Varn Group\" .\n",
     "syntax.ttl:4: not valid Turtle: The prefix rdfs: has not been declared"),
    ("actors", "no-label.ttl",
     "@prefix sg: <https://w3id.org/stancegraph/ontology#> .\n"
     "@prefix actor: <https://w3id.org/stancegraph/id/actor/> .\n\n"
     "actor:varn-group a sg:Institution ;\n    sg:partOf actor:norway .\n",
     "no-label.ttl:4: actor:varn-group rdfs:label: an actor has an rdfs:label"),
    ("actors", "namespace.ttl",
     "@prefix sg: <https://w3id.org/stancegraph/ontology#> .\n"
     "@prefix ex: <https://example.org/> .\n"
     "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
     "ex:varn a sg:Institution ; rdfs:label \"Varn Group\" .\n",
     "namespace.ttl:4: https://example.org/varn: an actor's IRI is id/actor/ and a slug"),
    ("actors", "other.ttl",
     "@prefix sg: <https://w3id.org/stancegraph/ontology#> .\n"
     "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
     "sg:State rdfs:label \"country\" .\n",
     "other.ttl:3: sg:State is neither an actor"),
    ("issues", "issue-no-label.csv", "label,aliases\n,fiscal compact\n",
     "issue-no-label.csv:2: no label"),
    ("actors", "actors.txt", "Varn Group\n", "actors.txt: give actors as .csv or .ttl"),
    ("actors", "empty.csv", "", "empty.csv: the file is empty"),
]


@pytest.mark.parametrize(("kind", "name", "content", "expected"), BAD,
                         ids=[b[1] for b in BAD])
def test_malformed_user_file_is_refused_with_its_line_and_reason(
        tmp_path: Path, files: dict[str, Path], capsys: pytest.CaptureFixture[str], kind: str,
        name: str, content: str, expected: str) -> None:
    bad = write(tmp_path, name, content)
    out = tmp_path / "kg"
    assert main(["build", str(files["text"]), "--out", str(out), f"--{kind}", str(bad)]) == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("stancegraph: error: "), captured.err
    assert expected in lines[0]
    assert str(bad.parent) in lines[0]  # the file is named
    assert not out.exists() and captured.out == ""  # nothing half-written


def test_a_malformed_file_stops_the_command_line_process(tmp_path: Path,
                                                         files: dict[str, Path]) -> None:
    bad = write(tmp_path, "actors.csv", "label,type\nVarn Group,Guild\n")
    r = run("serve", str(files["text"]), "--actors", str(bad))
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.strip() == (f"stancegraph: error: {bad}:2: type 'Guild' is not one of "
                                "State, Institution, Official, Person")


def test_malformed_file_raises_before_anything_is_read(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.csv", "label,type\nVarn Group,Guild\n")
    with pytest.raises(UserFileError, match=r"bad\.csv:2: type 'Guild'"):
        load_vocabulary([bad])


# --- add and serve ---------------------------------------------------------------------------

LATER = """Harbour Policy Review
A second week of statements
Date 2025-02-17 Writer Tomas Weller

The Kelvane Institute welcomed the new talks on Thursday.
The Corvel Council condemned the missile launch.
"""


def test_add_reads_with_the_stores_actors_and_adds_new_ones(
        files: dict[str, Path], tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("build", str(files["text"]), "--store", str(store), "--quiet",
               "--actors", str(files["actors_csv"])).returncode == 0
    later = write(tmp_path / "later", "second-week.txt", LATER)
    # The CSV file is not given again: the store's own registry knows the Kelvane Institute.
    r = run("add", str(later), "--store", str(store), "--actors", str(files["actors_ttl"]),
            "--quiet")
    assert r.returncode == 0, r.stderr
    data = ox.Store.read_only(str(store / "oxigraph"))
    assert ask(data, """ASK { GRAPH <https://w3id.org/stancegraph/id/graph/document/second-week> {
                   ?s sg:holder actor:kelvane-institute } }""")
    # The Turtle file's council is in the store's ontology graph now, and read in the new text.
    assert ask(data, """ASK { GRAPH <https://w3id.org/stancegraph/id/graph/ontology> {
                   actor:corvel-council sg:partOf actor:france } }""")
    assert ask(data, "ASK { ?s sg:holder actor:corvel-council ; sg:onBehalfOf actor:france }")


def ask(store: ox.Store, query: str) -> bool:
    return bool(store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True))


def test_adding_actors_reasons_again_the_documents_they_reach(
        files: dict[str, Path], tmp_path: Path) -> None:
    """A stored document whose actor gains an affiliation from an added file is reasoned
    again: its stances are then on behalf of the new parent too, as in a build of both texts
    with both files from the start."""
    first = tmp_path / "first.csv"
    first.write_text("label,type\nKelvane Institute,Institution\n", encoding="utf-8")
    store = tmp_path / "store"
    build([files["text"]], None, store=store, vocabulary=load_vocabulary([first]))
    parent = tmp_path / "parent.csv"
    parent.write_text("label,type,affiliation\nKelvane Institute,Institution,Norway\n",
                      encoding="utf-8")
    later = write(tmp_path / "later", "second-week.txt", LATER)
    r = run("add", str(later), "--store", str(store), "--actors", str(parent))
    assert r.returncode == 0, r.stderr
    assert "1 other document reasoned again" in r.stderr
    data = ox.Store.read_only(str(store / "oxigraph"))
    held = data.query("""SELECT ?s WHERE { GRAPH ?g { ?s sg:holder actor:kelvane-institute }
        FILTER(?g = <https://w3id.org/stancegraph/id/graph/document/coastal-positions>) }""",
                      prefixes=PREFIXES)
    stances = [row["s"] for row in held]
    assert stances
    for s in stances:
        assert ask(data, f"ASK {{ {s} sg:onBehalfOf actor:norway }}")
    del data
    both = tmp_path / "both"
    write(both, "coastal-positions.txt", TEXT)
    write(both, "second-week.txt", LATER)
    rebuilt = tmp_path / "rebuilt"
    build([both], None, store=rebuilt, vocabulary=load_vocabulary([first, parent]))
    assert quads(store) == quads(rebuilt)


def test_serve_builds_the_users_texts_with_their_files(files: dict[str, Path],
                                                        tmp_path: Path) -> None:
    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    sock.close()
    env = {**os.environ, "STANCEGRAPH_CACHE": str(tmp_path / "cache")}
    args = [sys.executable, "-P", "-m", "stancegraph", "serve", str(files["text"]),
            "--actors", str(files["actors_csv"]), "--port", str(port), "--no-access-log"]
    for attempt in ("building", "reusing the build made earlier"):
        with subprocess.Popen(args, stderr=subprocess.PIPE, text=True, env=env) as server:
            try:
                line = server.stderr.readline()
                assert attempt in line, line
                actor = _wait_for(f"http://127.0.0.1:{port}/actors/doria-matsen")
                assert actor["type"] == "Official"
                assert actor["affiliations"][0]["actor"]["id"] == "kelvane-institute"
            finally:
                server.terminate()


def test_serve_refuses_user_files_with_a_build_folder(kg: Path,
                                                      files: dict[str, Path]) -> None:
    r = run("serve", "--kg", str(kg), "--actors", str(files["actors_csv"]))
    assert r.returncode == 2 and "a build folder or store holds what it was built with" in r.stderr


def _wait_for(url: str) -> dict:
    deadline = time.monotonic() + 120
    while True:
        try:
            r = httpx.get(url, timeout=5)
            if r.status_code == 200:
                return r.json()
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"{url}: no answer")
        time.sleep(0.2)
