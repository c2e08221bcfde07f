"""Shared fixtures: one build of the bundled corpus per session, a store over it, and real
uvicorn servers on free loopback ports.

    kg_dir       the build folder (kg.trig, dumps, manifest.json) of the bundled corpus
    store        a Store over it (two query workers), shared by the session
    live_server  the full app over `store` and `kg_dir`, served by uvicorn; `.url` is its base
    client       an httpx.Client whose base_url is the live server
    serve_app    start another app: `with serve_app(app) as server: server.url`
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from stancegraph.api.app import create_app
from stancegraph.commands.serve import base_url, bind
from stancegraph.kg.build import build
from stancegraph.kg.store import Store
from stancegraph.kg.validation import VALIDATE_ENV

# Every build the tests make, in this process or in a `stancegraph` child process, checks its
# graph against the data contract (the SHACL shapes) and fails if it breaks it.
os.environ[VALIDATE_ENV] = "1"

# Generous for the small bundled corpus; the timeout tests use their own, shorter limit.
LIVE_QUERY_TIMEOUT = 10.0


@dataclass
class LiveServer:
    url: str
    app: FastAPI


@contextmanager
def run_server(app: FastAPI, host: str = "127.0.0.1") -> Iterator[LiveServer]:
    """Serve `app` with uvicorn on a free port, in a background thread, until the block ends."""
    sock = bind(host, 0)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    try:
        yield LiveServer(base_url(host, sock.getsockname()[1]), app)
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="session")
def kg_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundled") / "kg"
    build(None, out)
    return out


@pytest.fixture(scope="session")
def store(kg_dir: Path) -> Iterator[Store]:
    with Store.from_build(kg_dir, workers=2) as s:
        yield s


@pytest.fixture(scope="session")
def live_server(store: Store, kg_dir: Path) -> Iterator[LiveServer]:
    app = create_app(store, dumps_dir=kg_dir, query_timeout=LIVE_QUERY_TIMEOUT)
    with run_server(app) as server:
        yield server


@pytest.fixture(scope="session")
def client(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=60) as c:
        yield c


@pytest.fixture(scope="session")
def serve_app() -> Callable[[FastAPI], AbstractContextManager[LiveServer]]:
    return run_server
