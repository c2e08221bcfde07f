"""/dumps: the build's files as they are on disk, with media types, ETags and gzip, and
nothing outside the dump folder."""

from __future__ import annotations

import gzip
import http.client
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from stancegraph.api.app import create_app
from stancegraph.kg.store import Store
from stancegraph.kg.store.dumps import DUMP_FILES, MANIFEST

IDENTITY = {"Accept-Encoding": "identity"}


def test_index_lists_every_dump_file(client: httpx.Client, kg_dir: Path) -> None:
    r = client.get("/dumps")
    assert r.status_code == 200
    listed = {d["name"]: d for d in r.json()}
    assert set(listed) == {f.name for f in DUMP_FILES} | {MANIFEST}
    for f in DUMP_FILES:
        entry = listed[f.name]
        assert entry["media_type"] == f.media_type
        assert entry["size"] == (kg_dir / f.name).stat().st_size
        assert entry["url"].endswith(f"/dumps/{f.name}")


@pytest.mark.parametrize("dump", DUMP_FILES, ids=lambda f: f.name)
def test_files_are_served_as_written(client: httpx.Client, kg_dir: Path, dump) -> None:
    r = client.get(f"/dumps/{dump.name}", headers=IDENTITY)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == dump.media_type
    assert "content-encoding" not in r.headers
    assert r.content == (kg_dir / dump.name).read_bytes()
    assert r.headers["etag"].startswith('"')


def test_manifest_is_json(client: httpx.Client) -> None:
    r = client.get("/dumps/manifest.json")
    assert r.headers["content-type"] == "application/json"
    assert "documents" in r.json()


def test_etag_and_if_none_match(client: httpx.Client) -> None:
    first = client.get("/dumps/kg.trig", headers=IDENTITY)
    etag = first.headers["etag"]
    for value in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        r = client.get("/dumps/kg.trig", headers={**IDENTITY, "If-None-Match": value})
        assert r.status_code == 304, value
        assert r.content == b"" and r.headers["etag"] == etag
    r = client.get("/dumps/kg.trig", headers={**IDENTITY, "If-None-Match": '"stale"'})
    assert r.status_code == 200 and r.content == first.content


def test_gzip_when_asked(client: httpx.Client, kg_dir: Path) -> None:
    plain = client.get("/dumps/kg.nq", headers=IDENTITY)
    # Read the raw bytes to see what went over the wire.
    with client.stream("GET", "/dumps/kg.nq", headers={"Accept-Encoding": "gzip"}) as r:
        raw = b"".join(r.iter_raw())
        assert r.headers["content-encoding"] == "gzip"
        assert r.headers["content-type"].startswith("application/n-quads")
        assert "Accept-Encoding" in r.headers["vary"]
        zipped_etag = r.headers["etag"]
    assert gzip.decompress(raw) == (kg_dir / "kg.nq").read_bytes()
    assert len(raw) < len(plain.content)
    assert zipped_etag != plain.headers["etag"]
    r = client.get("/dumps/kg.nq", headers={"Accept-Encoding": "gzip",
                                            "If-None-Match": zipped_etag})
    assert r.status_code == 304
    r = client.get("/dumps/kg.nq", headers={"Accept-Encoding": "gzip;q=0, identity"})
    assert "content-encoding" not in r.headers


def test_head(client: httpx.Client, kg_dir: Path) -> None:
    r = client.head("/dumps/ontology.ttl", headers=IDENTITY)
    assert r.status_code == 200 and r.content == b""
    assert int(r.headers["content-length"]) == (kg_dir / "ontology.ttl").stat().st_size


def _raw_get(base_url: str, path: str) -> tuple[int, bytes]:
    """Send the path exactly as written (HTTP clients would normalise the dots)."""
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        conn.putrequest("GET", path, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


@pytest.mark.parametrize(
    "path",
    [
        "/dumps/../pyproject.toml",
        "/dumps/../../../../etc/passwd",
        "/dumps/..%2F..%2F..%2F..%2Fetc%2Fpasswd",
        "/dumps/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/dumps/%2E%2E/manifest.json",
        "/dumps/..",
        "/dumps/%2e%2e",
        "/dumps/.",
        "/dumps/..%5c..%5cetc%5cpasswd",
        "/dumps/%252e%252e%252fetc%252fpasswd",
        "/dumps//etc/passwd",
        "/dumps/kg.trig%00.ttl",
        "/dumps/no-such-file.ttl",
    ],
)
def test_nothing_outside_the_dump_folder(live_server, path: str) -> None:
    status, body = _raw_get(live_server.url, path)
    assert status in (400, 404), (path, status)
    assert b"root:" not in body and b"[project]" not in body


def test_links_and_hidden_files_are_not_served(kg_dir: Path, tmp_path: Path, serve_app) -> None:
    folder = tmp_path / "dumps"
    shutil.copytree(kg_dir, folder)
    secret = tmp_path / "secret.ttl"
    secret.write_text("<urn:secret> <urn:is> <urn:here> .\n", encoding="utf-8")
    (folder / "link.ttl").symlink_to(secret)
    (folder / ".hidden.ttl").write_text("hidden\n", encoding="utf-8")
    with Store.from_build(folder, workers=1) as store, \
            serve_app(create_app(store, dumps_dir=folder)) as server, \
            httpx.Client(base_url=server.url) as c:
        names = {d["name"] for d in c.get("/dumps").json()}
        assert "link.ttl" not in names and ".hidden.ttl" not in names
        assert c.get("/dumps/link.ttl").status_code == 404
        assert c.get("/dumps/.hidden.ttl").status_code == 404


def test_no_dump_folder(store: Store, serve_app) -> None:
    with serve_app(create_app(store)) as server, httpx.Client(base_url=server.url) as c:
        assert c.get("/dumps").status_code == 404
        assert c.get("/dumps/kg.trig").status_code == 404
