"""`stancegraph serve` as a user runs it, and the service routes (/, /health, /docs)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from stancegraph.cli import main


def test_index_health_and_openapi(client: httpx.Client, live_server) -> None:
    index = client.get("/").json()
    assert index["sparql"] == live_server.url + "/sparql"
    health = client.get("/health").json()
    assert health["status"] == "ok"
    assert health["query_workers"]["alive"] == health["query_workers"]["workers"] == 2
    assert health["documents"] >= 1 and health["dumps"] is True
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/sparql", "/dumps", "/dumps/{name}", "/health"} <= set(paths)
    params = {p["name"] for p in paths["/sparql"]["get"]["parameters"]}
    assert {"query", "default-graph-uri", "named-graph-uri"} <= params
    assert client.get("/docs").status_code == 200


def test_serve_runs_until_interrupted(kg_dir: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "stancegraph", "serve", "--kg", str(kg_dir), "--port", "0",
         "--query-timeout", "3", "--workers", "2"],
        stderr=subprocess.PIPE, text=True,
    )
    try:
        url = None
        lines = []
        deadline = time.monotonic() + 60
        while url is None and time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            m = re.search(r"open (http://127\.0\.0\.1:\d+)/docs", line)
            url = m.group(1) if m else None
        assert url, "".join(lines)
        health = httpx.get(url + "/health", timeout=10).json()
        assert health["query_timeout"] == 3
        workers = health["query_workers"]["workers"]
        assert workers == 2
        r = httpx.get(url + "/sparql", params={"query": "ASK { actor:north-korea a sg:State }"})
        assert r.json()["boolean"] is True
        assert httpx.get(url + "/dumps/kg.trig").content == (kg_dir / "kg.trig").read_bytes()
        proc.send_signal(signal.SIGINT)
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_serve_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--kg", str(tmp_path)]) == 2
    assert "no kg.trig" in capsys.readouterr().err
    assert main(["serve", "--kg", str(tmp_path), "--query-timeout", "0"]) == 2
    assert "--query-timeout" in capsys.readouterr().err
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        (tmp_path / "kg.trig").write_text("", encoding="utf-8")
        assert main(["serve", "--kg", str(tmp_path), "--port", str(port)]) == 2
        err = capsys.readouterr().err
        assert f"cannot listen on 127.0.0.1:{port}" in err and err.count("\n") == 1


def test_store_workers_end_with_the_server(kg_dir: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "stancegraph", "serve", "--kg", str(kg_dir), "--port", "0"],
        stderr=subprocess.PIPE, text=True,
    )
    try:
        while "open http" not in (proc.stderr.readline() or "open http"):
            pass
        children = _children(proc.pid)
        assert len(children) >= 2
        proc.send_signal(signal.SIGINT)
        proc.wait(30)
        time.sleep(0.5)
        assert not [pid for pid in children if _alive(pid)]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True,
                         text=True).stdout
    return [int(x) for x in out.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie left for init to reap is not running either.
    stat = Path(f"/proc/{pid}/stat")
    return stat.exists() and stat.read_text().split()[2] != "Z"
