"""Child processes: every process stancegraph starts dies with the process that started it.

A query worker, an extraction or reasoning worker of a build or an `add`, and a store's loader
each run `exit_with_parent`, a thread that ends the process as soon as its parent is gone
(killed, even with SIGKILL, or crashed). Without it, a pool worker blocked on its task queue
outlives its parent, and with it any lock the parent held through an inherited descriptor.

A forked child also closes, at once, the descriptors its parent holds locks through
(`not_inherited`): flock() locks belong to the open file, which a fork shares, so a child that
kept them would hold its parent's store lock after the parent died.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

# How often a child looks for its parent: a killed command's children are gone within this.
PARENT_CHECK_SECONDS = 0.2

_LOCK_DESCRIPTORS: set[int] = set()


def not_inherited(fd: int) -> int:
    """Mark a lock's descriptor to be closed in forked children; returns it."""
    _LOCK_DESCRIPTORS.add(fd)
    return fd


def released(fd: int) -> None:
    """The descriptor is about to be closed by its owner: forget it."""
    _LOCK_DESCRIPTORS.discard(fd)


def _close_parent_locks() -> None:
    for fd in _LOCK_DESCRIPTORS:
        try:
            os.close(fd)
        except OSError:
            pass
    _LOCK_DESCRIPTORS.clear()


os.register_at_fork(after_in_child=_close_parent_locks)


def exit_with_parent(interval: float = PARENT_CHECK_SECONDS) -> None:
    """End this process when its parent process ends (call once, early, in the child)."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(interval)
            # an orphan is adopted by init or a subreaper: its parent id changes
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()


def process_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of `jobs` forked workers (they share what the parent loaded) that end with it."""
    context = multiprocessing.get_context(
        "fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=exit_with_parent)


def spawned_process(target: object, args: tuple, name: str) -> multiprocessing.Process:
    """A fresh interpreter running `target(*args)` (not a fork: no copy of the parent's threads
    or open stores), ending with its parent. Started by the caller."""
    return multiprocessing.get_context("spawn").Process(
        target=_run_orphan_proof, args=(target, args), name=name)


def _run_orphan_proof(target: object, args: tuple) -> None:
    exit_with_parent()
    target(*args)  # type: ignore[operator]
