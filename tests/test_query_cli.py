"""`stancegraph query`: named queries and .rq files from the command line."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from stancegraph.cli import main
from stancegraph.kg.ids import actor_iri


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_table_by_default(capsys: pytest.CaptureFixture[str], kg_dir: Path) -> None:
    code, out, err = run(capsys, "query", "who-condemned", "--kg", str(kg_dir),
                         "--param", "target=united-states")
    assert code == 0, err
    header, rule, *body = out.splitlines()
    assert header.split()[:3] == ["stance", "holder", "holderLabel"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert any("actor:north-korea" in line and "North Korea" in line for line in body)
    assert body[-1].startswith("(") and body[-1].endswith("rows)")


def test_json_and_csv(capsys: pytest.CaptureFixture[str], kg_dir: Path) -> None:
    code, out, _ = run(capsys, "query", "affiliated-officials", "--kg", str(kg_dir),
                       "-p", "actor=united-states", "--format", "json")
    assert code == 0
    body = json.loads(out)
    assert body["params"]["actor"] == str(actor_iri("united-states"))
    assert {"Kelly Craft", "Stephen Biegun"} <= {r["label"] for r in body["rows"]}
    code, out, _ = run(capsys, "query", "states", "--kg", str(kg_dir), "--format", "csv",
                       "--param", "limit=3")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == 3 and set(table[0]) >= {"state", "label", "documents"}


def test_a_query_file(capsys: pytest.CaptureFixture[str], kg_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "count.rq"
    path.write_text("# title: Count stances\n"
                    "SELECT (COUNT(?s) AS ?n) WHERE { ?s a sg:Stance }\n", encoding="utf-8")
    code, out, _ = run(capsys, "query", str(path), "--kg", str(kg_dir), "-f", "json")
    assert code == 0
    (row,) = json.loads(out)["rows"]
    assert row["n"] > 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["query", "no-such-query"], "no named query 'no-such-query'"),
        (["query", "states", "--param", "limit=ten"], "parameter limit: 'ten' is not an integer"),
        (["query", "states", "--param", "limit"], "expected NAME=VALUE"),
        (["query", "states", "-p", "limit=1", "-p", "limit=2"], "given more than once"),
        (["query", "stances-over-time", "-p", "from=2019-02-30"], "not a date"),
        (["query", "/no/such/file.rq"], "no such file"),
        (["query"], "give a query name"),
    ],
)
def test_user_errors_are_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], kg_dir: Path, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, *argv, "--kg", str(kg_dir))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and err.startswith("stancegraph: error:")


def test_a_malformed_query_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], kg_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "broken.rq"
    path.write_text("SELECT ?s WHERE {\n  ?s ?p \n}\n", encoding="utf-8")
    code, out, err = run(capsys, "query", str(path), "--kg", str(kg_dir))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "broken:" in err


def test_a_missing_build_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "query", "states", "--kg", str(tmp_path))
    assert code == 2 and "no kg.trig" in err


def test_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0
    assert "actor-stances: Stances held by an actor" in out
    assert "    actor (iri actor, default north-korea)" in out


def test_default_build_is_the_bundled_corpus(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without --kg: the bundled corpus, built once into the cache `serve` uses too.
    monkeypatch.setenv("STANCEGRAPH_CACHE", str(tmp_path))
    code, out, err = run(capsys, "query", "states", "-f", "csv")
    assert code == 0, err
    assert "North Korea" in out
    (cached,) = tmp_path.glob("bundled-*")
    assert (cached / "kg.trig").is_file()
