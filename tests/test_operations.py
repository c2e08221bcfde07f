"""Running stancegraph as an operator does: killed servers, adds and builds leave no process
behind and no lock held, a killed build's folder is swept by the next; ids, bad files and
counts that say what they mean; and the OpenAPI contract fuzzed against the live server."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest
from test_persist import TEXTS

from stancegraph.cli import main
from stancegraph.kg.build import build
from stancegraph.kg.corpus import load_documents
from stancegraph.kg.documents import load_document
from stancegraph.kg.extract import extract
from stancegraph.kg.store import Store
from stancegraph.kg.store.local import LocalStore

CLI = [sys.executable, "-m", "stancegraph"]


def corpus(folder: Path, copies: int, repeat: int = 1) -> Path:
    """`copies` documents made of the test texts, each body said `repeat` times."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = list(TEXTS.values())
    for i in range(copies):
        head, _, body = texts[i % len(texts)].partition("\n\n")
        (folder / f"doc-{i:03d}.txt").write_text(head + "\n\n" + body * repeat, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ops")
    build([corpus(root / "texts", 3)], None, store=root / "store")
    return root / "store"


def descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def wait_for_children(process: subprocess.Popen, at_least: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while len(descendants(process.pid)) < at_least:
        assert process.poll() is None, "the command ended before it started its workers"
        assert time.monotonic() < deadline, "no worker processes appeared"
        time.sleep(0.02)


def assert_all_gone(processes: list[psutil.Process], within: float = 5.0) -> None:
    _, alive = psutil.wait_procs(processes, timeout=within)
    for p in alive:  # tidy up before failing
        p.kill()
    assert not alive, f"still running {within} s later: {[p.pid for p in alive]}"


def start_server(store_dir: Path) -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [*CLI, "serve", "--store", str(store_dir), "--port", "0", "--workers", "2",
         "--no-access-log"], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        found = re.search(r"open (http://127\.0\.0\.1:\d+)/docs", line)
        if found:
            return process, found.group(1)
        assert line, "the server stopped before it was ready"
    raise AssertionError("the server did not start")


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_server_leaves_no_worker_and_no_lock(store_dir: Path, how: int) -> None:
    process, url = start_server(store_dir)
    try:
        assert httpx.get(url + "/health", timeout=10).json()["status"] == "ok"
        assert len(descendants(process.pid)) == 3  # two query workers, one look-up worker
        signal_and_check_gone(process, how)
    finally:
        if process.poll() is None:
            process.kill()
    # The store opens for writing and answers.
    LocalStore(store_dir).close()
    with Store.from_location(store_dir, workers=1) as s:
        assert s.ask("ASK { ?s a sg:Stance }")


def signal_and_check_gone(process: subprocess.Popen, how: int) -> None:
    """Send `how` to the process and check that it and every process under it are gone."""
    workers = descendants(process.pid)
    process.send_signal(how)
    process.wait(10)
    assert_all_gone(workers)


def kill_once_it_has_workers(argv: list[str], how: int) -> None:
    """Run a command, kill it (signal `how`) once two worker processes run under it, and
    check that they are all gone 5 s later."""
    process = subprocess.Popen([*CLI, *argv], stderr=subprocess.DEVNULL)
    try:
        wait_for_children(process, 2)
        signal_and_check_gone(process, how)
    finally:
        if process.poll() is None:
            process.kill()


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_add_leaves_no_worker_and_no_lock(tmp_path: Path, store_dir: Path,
                                                   how: int) -> None:
    texts = corpus(tmp_path / "more", 40, repeat=30)
    kill_once_it_has_workers(["add", str(texts), "--store", str(store_dir), "--jobs", "2"], how)
    with LocalStore(store_dir) as store:  # the lock died with the command
        assert "doc-000" in store.document_ids()
    with Store.from_location(store_dir, workers=1) as s:
        assert s.ask("ASK { ?s a sg:Stance }")


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_killed_build_is_swept_by_the_next(tmp_path: Path, how: int) -> None:
    texts = corpus(tmp_path / "texts", 40, repeat=30)
    target = tmp_path / "kg-store"
    kill_once_it_has_workers(["build", str(texts), "--store", str(target), "--jobs", "2"], how)
    left = [p.name for p in tmp_path.iterdir() if p.name.startswith(".kg-store.")]
    assert left, "the killed build left no staging folder (killed too late?)"
    small = corpus(tmp_path / "small", 2)
    assert main(["build", str(small), "--store", str(target), "--quiet"]) == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".kg-store.")] == []
    with Store.from_location(target, workers=1) as s:
        assert s.ask("ASK { ?s a sg:Stance }")


def test_a_running_builds_staging_folder_is_not_swept(tmp_path: Path) -> None:
    from stancegraph.kg.store.staging import Staging, remove_stale

    target = tmp_path / "out"
    with Staging(target) as live:
        assert remove_stale(target) == [] and live.path.is_dir()
        live.commit()
    assert target.is_dir() and remove_stale(target) == []


# --- ids, bad files, what add says ---------------------------------------------------------


def test_non_latin_file_names_keep_documents_apart(tmp_path: Path) -> None:
    body = TEXTS["b-later.txt"]
    for name in ("한국-외교.txt", "북한-외교.txt", "北京.txt", "Дипломатия.txt", "Café.txt"):
        (tmp_path / name).write_text(body, encoding="utf-8")
    ids = [d.id for d in load_documents([tmp_path])]
    assert len(set(ids)) == 5, ids
    assert "cafe" in ids and all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in ids)


def test_add_says_which_documents_it_replaces(tmp_path: Path, store_dir: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    again = corpus(tmp_path / "again", 1)
    assert main(["add", str(again), "--store", str(store_dir), "--quiet"]) == 0
    assert "replaced document 'doc-000'" in capsys.readouterr().err


def test_a_folder_build_names_every_bad_file(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    folder = corpus(tmp_path / "texts", 2)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02")
    (folder / "latin1.txt").write_bytes("caf\xe9".encode("latin-1"))
    assert main(["build", str(folder), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "3 of 5 files cannot be built" in err
    for name in ("empty.txt", "binary.txt", "latin1.txt"):
        assert name in err
    assert not (tmp_path / "out").exists()


def test_offsets_count_from_after_a_byte_order_mark(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + TEXTS["a-profile.txt"].encode("utf-8"))
    doc = load_document(path)
    assert not doc.text.startswith("\ufeff")
    stances = extract(doc).stances
    assert stances and all(doc.text[s.quote.start:s.quote.end] == s.quote.text for s in stances)


# --- counts that agree with what they count ---------------------------------------------------


def test_the_manifest_counts_what_the_files_hold(kg_dir: Path) -> None:
    manifest = json.loads((kg_dir / "manifest.json").read_text(encoding="utf-8"))
    for part in ("asserted", "inferred"):
        lines = (kg_dir / f"{part}.nt").read_text(encoding="utf-8").count("\n")
        assert manifest["triples"][part] == lines
    assert manifest["quads"]["inferred"] >= manifest["triples"]["inferred"]
    quads = (kg_dir / "kg.nq").read_text(encoding="utf-8").count("\n")
    assert sum(manifest["quads"].values()) == quads


def test_on_behalf_counts_match_their_list(client: httpx.Client) -> None:
    for actor in ("north-korea", "united-states", "china"):
        counts = client.get(f"/actors/{actor}").json()["counts"]
        lists = client.get(f"/actors/{actor}/stances", params={"limit": 1000}).json()
        assert counts["stances_on_behalf_of"] == len(lists["on_behalf_of"])
        assert counts["stances_held"] == len(lists["held"])


# --- the contract ------------------------------------------------------------------------------


def test_schemathesis_finds_no_failure(live_server) -> None:
    config = Path(__file__).with_name("schemathesis.toml")
    result = subprocess.run(
        [sys.executable, "-m", "schemathesis.cli", "--config-file", str(config),
         "run", live_server.url + "/openapi.json", "--checks", "all", "--max-examples", "15",
         "--seed", "7", "--request-timeout", "30", "--no-color"],
        capture_output=True, text=True, timeout=600)
    summary = result.stdout[-3000:]
    assert result.returncode == 0, summary
    assert re.search(r"\d+ generated, \d+ passed", summary), summary


# --- dumps streamed from a store -----------------------------------------------------------


def test_dump_writes_a_changed_stores_files_and_records_them(
        tmp_path: Path, store_dir: Path, capsys: pytest.CaptureFixture) -> None:
    import shutil

    import pyoxigraph as ox

    from stancegraph.kg.store.local import DATA, dumps_folder

    store = tmp_path / "store"
    shutil.copytree(store_dir, store)
    more = corpus(tmp_path / "more", 4)
    assert main(["add", str(more / "doc-003.txt"), "--store", str(store), "--quiet"]) == 0
    assert dumps_folder(store) is None  # add forgot any dumps
    out = tmp_path / "dumps"
    assert main(["dump", "--store", str(store), "--out", str(out)]) == 0
    assert "dumped 4 documents" in capsys.readouterr().err
    assert dumps_folder(store) == out.resolve()
    stored = ox.Store.read_only(str(store / DATA))
    dumped = ox.Store()
    dumped.bulk_load(path=str(out / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    assert len(dumped) == len(stored)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(d["id"] for d in manifest["documents"]) == [f"doc-{i:03d}" for i in range(4)]
    assert all(d["stances"] > 0 and d["title"] for d in manifest["documents"])
    # A triple several documents assert (an actor's label) is written once.
    lines = (out / "asserted.nt").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == manifest["triples"]["asserted"]
    assert manifest["quads"]["asserted"] > manifest["triples"]["asserted"]
    del stored
    with Store.from_location(store, workers=1) as s:
        assert s.ask("ASK { GRAPH ?g { ?s ?p ?o } }")
