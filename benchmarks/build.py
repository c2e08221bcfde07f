"""Time a whole build (load, extract, RDF, reasoning, dumps) of the bundled corpus or a folder.

    python benchmarks/build.py [PATH ...] [--repeat 3]

Prints the seconds of each stage and of the whole build, the best of the repeats, plus the
peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from stancegraph.kg.build import build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="documents or folders (default: bundled corpus)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            t0 = time.perf_counter()
            report = build(args.paths or None, Path(tmp) / f"out{i}")
            runs.append((time.perf_counter() - t0, report))
    total, report = min(runs, key=lambda r: r[0])
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    label = ", ".join(args.paths) if args.paths else "bundled corpus"
    print(f"build of {label}: {len(report.documents)} documents, {report.stances} stances")
    print("triples: " + ", ".join(f"{k} {v}" for k, v in report.triples.items()))
    print("stage seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in report.seconds.items()))
    print(f"total: {total:.2f} s (best of {args.repeat}; all: "
          + ", ".join(f"{t:.2f}" for t, _ in runs) + ")")
    print(f"peak RSS: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
