"""Check and restore the texts of the real evaluation sets (eval/*/): third-party excerpts that
are not committed, only their metadata and gold annotations are.

    python scripts/real_texts.py [SET ...]                  # which texts are present and intact
    python scripts/real_texts.py --from ANSWER.json [SET ...]  # restore from a saved look-up

Each text `docs/NAME.txt` is the `excerpt` of one stored web page plus a trailing newline; its
meta `docs/NAME.meta.json` gives the `query` that finds the page in the stored public pages,
the page's `url`, and the text's `sha256`. Look the query up, save the answer (JSON with a
`results` list of {url, excerpt}) and pass it with --from: every result whose url and checksum
match a meta is written to its text file. Present texts also have their gold offsets checked.
Exit status 1 when any text is missing or altered.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sets(names: list[str]) -> list[Path]:
    if names:
        return [Path(n) for n in names]
    return sorted(p.parent for p in (ROOT / "eval").glob("*/docs"))


def metas(folder: Path) -> list[tuple[str, dict]]:
    return [(p.name.removesuffix(".meta.json"), json.loads(p.read_text(encoding="utf-8")))
            for p in sorted((folder / "docs").glob("*.meta.json"))]


def restore(folder: Path, answer: dict) -> int:
    results = answer.get("results", []) if isinstance(answer, dict) else answer
    written = 0
    for name, meta in metas(folder):
        for r in results:
            if r.get("url") != meta.get("url") or "excerpt" not in r:
                continue
            data = (r["excerpt"] + "\n").encode("utf-8")
            if hashlib.sha256(data).hexdigest() == meta.get("sha256"):
                (folder / "docs" / f"{name}.txt").write_bytes(data)
                print(f"{folder.name}/{name}: restored")
                written += 1
                break
    return written


def check(folder: Path) -> tuple[int, list[str]]:
    """(texts present and intact, problems)."""
    ok, problems = 0, []
    for name, meta in metas(folder):
        path = folder / "docs" / f"{name}.txt"
        if not path.exists():
            problems.append(f"{folder.name}/{name}: missing (query: {meta.get('query')!r}, "
                            f"url: {meta.get('url')})")
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != meta.get("sha256"):
            problems.append(f"{folder.name}/{name}: altered (sha256 differs from the meta)")
            continue
        text = raw.decode("utf-8")
        gold_path = folder / "gold" / f"{name}.json"
        if gold_path.exists():
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            for k, s in enumerate(gold.get("stances", [])):
                start, end = s.get("start"), s.get("end")
                if not (isinstance(start, int) and isinstance(end, int)
                        and 0 <= start < end <= len(text)):
                    problems.append(f"{folder.name}/{name}: stance {k} has bad offsets")
        ok += 1
    return ok, problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", metavar="SET", help="set folders (default: eval/*)")
    ap.add_argument("--from", dest="answer", type=Path, metavar="ANSWER.json")
    args = ap.parse_args(argv)
    folders = sets(args.sets)
    if args.answer:
        answer = json.loads(args.answer.read_text(encoding="utf-8"))
        for f in folders:
            restore(f, answer)
    bad = False
    for f in folders:
        ok, problems = check(f)
        for p in problems:
            print(p)
        print(f"{f.name}: {ok} of {len(metas(f))} texts present and intact")
        bad = bad or bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
