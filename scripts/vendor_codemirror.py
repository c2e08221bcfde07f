"""Copy the files of CodeMirror 5 that the query page uses into api/static/codemirror/.

    python scripts/vendor_codemirror.py [VERSION]

The query page highlights SPARQL with CodeMirror 5 (MIT licence, kept beside the files). It is
fetched with `npm pack` from the npm registry once, here, and shipped in the package, so that
a running server loads nothing from anywhere else. Run again to move to another release.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

VERSION = "5.65.21"
# Inside the npm package -> the name served under /static/codemirror/.
FILES = {
    "package/lib/codemirror.js": "codemirror.js",
    "package/lib/codemirror.css": "codemirror.css",
    "package/mode/sparql/sparql.js": "sparql.js",
    "package/LICENSE": "LICENSE",
}
TARGET = Path(__file__).resolve().parent.parent / "api" / "static" / "codemirror"


def main(version: str = VERSION) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"codemirror@{version}", "--pack-destination", tmp],
                       check=True, capture_output=True)
        (tarball,) = Path(tmp).glob("codemirror-*.tgz")
        with tarfile.open(tarball) as archive:
            TARGET.mkdir(parents=True, exist_ok=True)
            for member, name in FILES.items():
                source = archive.extractfile(member)
                if source is None:
                    raise SystemExit(f"{member}: not in codemirror@{version}")
                with source, (TARGET / name).open("wb") as out:
                    shutil.copyfileobj(source, out)
    (TARGET / "VERSION").write_text(version + "\n", encoding="utf-8")
    print(f"codemirror {version} -> {TARGET}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:2])
