"""Staging folders: a new store or dump folder is written into a hidden sibling folder, then
renamed into place, so that a failed or killed build leaves the old one as it was.

The writer holds a flock() on its staging folder for as long as it lives, and the kernel
drops it when the writer dies, however it dies. So the next build of the same target knows a
staging folder nobody holds for a killed writer's and removes it, and never touches one that
a build running at the same time is still writing.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..processes import not_inherited, released


def _hold(folder: Path) -> int | None:
    """flock() the folder itself (exclusive, without waiting); its descriptor, or None when
    another process holds it."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return not_inherited(fd)


def _let_go(fd: int) -> None:
    released(fd)
    os.close(fd)


def remove_stale(target: Path) -> list[Path]:
    """Remove the staging folders of `target` that no live process holds; the ones removed."""
    removed = []
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except FileNotFoundError:
        return removed
    for entry in entries:
        if not entry.name.startswith(prefix) or not entry.is_dir(follow_symlinks=False):
            continue
        path = Path(entry.path)
        fd = _hold(path)
        if fd is None:
            continue  # a build writing right now
        try:
            shutil.rmtree(path, ignore_errors=True)
        finally:
            _let_go(fd)
        removed.append(path)
    return removed


class Staging:
    """A hidden sibling folder of `target` to write its new version into (`path`)."""

    def __init__(self, target: str | Path) -> None:
        self.target = Path(target)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(self.target)
        self.path = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.",
                                          dir=self.target.parent))
        fd = _hold(self.path)
        if fd is None:  # a fresh folder of a unique name: nobody else can hold it
            raise RuntimeError(f"{self.path}: held by another process")
        self._fd = fd

    def commit(self, guard: Callable[[], Callable[[], None]] | None = None) -> Path:
        """Put the staging folder in place of the target; the old one is removed. `guard`,
        if given, is called before the renames and returns what ends it after them (a lock
        on the old target)."""
        os.chmod(self.path, 0o755)
        old_fd = None
        end_guard = guard() if guard is not None else None
        try:
            if self.target.exists():
                old = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.old-",
                                            dir=self.target.parent))
                os.replace(self.target, old)  # a folder replaces the empty one made for it
                old_fd = _hold(old)
            os.replace(self.path, self.target)
        finally:
            if end_guard is not None:
                end_guard()
        if old_fd is not None:
            shutil.rmtree(old, ignore_errors=True)
            _let_go(old_fd)
        _let_go(self._fd)
        self._fd = -1
        return self.target

    def discard(self) -> None:
        """Remove the staging folder (a build that failed)."""
        if self._fd >= 0:
            shutil.rmtree(self.path, ignore_errors=True)
            _let_go(self._fd)
            self._fd = -1

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is not None:
            self.discard()
