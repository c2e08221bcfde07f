"""GET /dumps and /dumps/{name}: the files the build wrote, served as they are on disk.

Nothing is serialised per request. A file is served only if it is listed in the dump folder
(looked up by exact name, never joined into a path), so no other path can be reached.
Responses carry a content-hash ETag (If-None-Match gives 304) and come gzip-compressed when
the client accepts it, from a copy compressed once.
"""

from __future__ import annotations

import atexit
import gzip
import hashlib
import os
import shutil
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, Response

from ..negotiation import accepts_gzip

router = APIRouter(tags=["dumps"])

MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".trig": "application/trig",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
    ".json": "application/json",
}
_TEXT = {"text/turtle", "application/trig", "application/n-triples", "application/n-quads"}


@dataclass(frozen=True)
class DumpInfo:
    name: str
    path: Path
    media_type: str
    size: int
    mtime_ns: int


def list_dumps(folder: Path) -> dict[str, DumpInfo]:
    """The servable files of a dump folder: regular files of a known type, by name."""
    found: dict[str, DumpInfo] = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        suffix = os.path.splitext(entry.name)[1].lower()
        if entry.name.startswith(".") or suffix not in MEDIA_TYPES:
            continue
        if not entry.is_file(follow_symlinks=False):
            continue
        st = entry.stat(follow_symlinks=False)
        found[entry.name] = DumpInfo(entry.name, Path(entry.path), MEDIA_TYPES[suffix],
                                     st.st_size, st.st_mtime_ns)
    return found


class _Digests:
    """Content hashes and gzip copies, made once per file version and reused."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._file_locks: dict[str, threading.Lock] = {}
        self._hashes: dict[tuple[str, int, int], str] = {}
        self._gzipped: dict[tuple[str, int, int], Path] = {}
        self._dir: Path | None = None

    def _key(self, info: DumpInfo) -> tuple[str, int, int]:
        return (str(info.path), info.size, info.mtime_ns)

    def _file_lock(self, info: DumpInfo) -> threading.Lock:
        with self._lock:
            return self._file_locks.setdefault(str(info.path), threading.Lock())

    def etag(self, info: DumpInfo) -> str:
        key = self._key(info)
        if key not in self._hashes:
            with self._file_lock(info):
                if key not in self._hashes:
                    h = hashlib.sha256()
                    with open(info.path, "rb") as f:
                        while chunk := f.read(1 << 20):
                            h.update(chunk)
                    self._hashes[key] = h.hexdigest()[:32]
        return self._hashes[key]

    def gzipped(self, info: DumpInfo) -> Path:
        beside = info.path.with_name(info.name + ".gz")
        if beside.is_file() and beside.stat().st_mtime_ns >= info.mtime_ns:
            return beside  # the build wrote a compressed copy itself
        key = self._key(info)
        if key not in self._gzipped:
            with self._file_lock(info):
                if key not in self._gzipped:
                    target = self._cache_dir() / f"{self.etag(info)}-{info.name}.gz"
                    tmp = target.with_suffix(".tmp")
                    with open(info.path, "rb") as src, gzip.open(tmp, "wb", compresslevel=6) as dst:
                        shutil.copyfileobj(src, dst, 1 << 20)
                    os.replace(tmp, target)
                    self._gzipped[key] = target
        return self._gzipped[key]

    def _cache_dir(self) -> Path:
        with self._lock:
            if self._dir is None:
                self._dir = Path(tempfile.mkdtemp(prefix="stancegraph-dumps-"))
                atexit.register(shutil.rmtree, self._dir, True)
            return self._dir


_digests = _Digests()


def _folder(request: Request) -> Path:
    folder = request.app.state.dumps_dir
    if folder is None:
        raise HTTPException(404, "this server has no dump folder")
    return folder


@router.get("/dumps", summary="List the dump files")
def dumps_index(request: Request) -> list[dict[str, Any]]:
    """The dump files of the build: name, media type, size in bytes and URL."""
    folder = _folder(request)
    return [
        {"name": d.name, "media_type": d.media_type, "size": d.size,
         "url": str(request.url_for("dump_file", name=d.name))}
        for d in sorted(list_dumps(folder).values(), key=lambda d: d.name)
    ]


@router.get("/dumps/{name}", name="dump_file", summary="Download a dump file",
            response_class=FileResponse,
            responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}},
                       304: {"description": "Not modified (If-None-Match)"},
                       404: {"description": "No such dump file"}})
@router.head("/dumps/{name}", include_in_schema=False)
async def dump_file(name: str, request: Request) -> Response:
    info = list_dumps(_folder(request)).get(name)
    if info is None:
        raise HTTPException(404, f"no dump file named {name!r}; see /dumps")
    use_gzip = accepts_gzip(request.headers.get("accept-encoding", ""))
    etag_hex = await anyio.to_thread.run_sync(_digests.etag, info)
    etag = f'"{etag_hex}-gzip"' if use_gzip else f'"{etag_hex}"'
    headers = {"ETag": etag, "Vary": "Accept-Encoding", "Cache-Control": "no-cache"}
    if _matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    media_type = info.media_type + ("; charset=utf-8" if info.media_type in _TEXT else "")
    path = info.path
    if use_gzip:
        path = await anyio.to_thread.run_sync(_digests.gzipped, info)
        headers["Content-Encoding"] = "gzip"
    return FileResponse(path, media_type=media_type, headers=headers, filename=None)


def _matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    # Weak comparison, as If-None-Match requires.
    tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
    return etag in tags
