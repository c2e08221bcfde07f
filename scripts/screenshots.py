"""Screenshots of every web page, 1280x800, for the README.

    python scripts/screenshots.py [--kg DIR] [--out docs/screenshots]

Serves a build (default: the bundled corpus) with `stancegraph serve` on a free loopback port
and photographs each page in Debian's headless Chromium (/usr/bin/chromium, driven by
Playwright): home, search, an actor (its top, then its relations and timeline), a document
with a stance selected, an issue, a stance, the query page with a named query run, and the API
docs. The actor, document, issue and stance are those with the most stances in the build.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def most(client: httpx.Client, query: str) -> str:
    """The slug of the first row's first value of a SPARQL query."""
    r = client.get("/sparql", params={"query": query},
                   headers={"Accept": "application/sparql-results+json"})
    r.raise_for_status()
    binding = r.json()["results"]["bindings"][0]
    return next(iter(binding.values()))["value"].split("/id/", 1)[1].split("/", 1)[1]


def shots(client: httpx.Client) -> list[tuple[str, str, str | None]]:
    """(file name, path, element to scroll to) of each screenshot."""
    actor = most(client, """
SELECT ?a WHERE { { ?s sg:holder ?a } UNION { ?s sg:towardActor ?a } }
GROUP BY ?a ORDER BY DESC(COUNT(DISTINCT ?s)) ?a LIMIT 1""")
    doc = most(client, """
SELECT ?d WHERE { ?s prov:wasDerivedFrom ?d } GROUP BY ?d ORDER BY DESC(COUNT(?s)) ?d LIMIT 1""")
    issue = most(client, """
SELECT ?i WHERE { ?s sg:onIssue ?i } GROUP BY ?i ORDER BY DESC(COUNT(?s)) ?i LIMIT 1""")
    label = client.get(f"/actors/{actor}").json()["label"] or actor
    # A stance early in the document's text, so that its quote shows near the top.
    stance = client.get(f"/documents/{doc}").json()["items"][1]["id"]
    n = stance.rsplit("/", 1)[1]
    return [
        ("home.png", "/", None),
        ("search.png", "/search?q=" + label.split()[-1], None),
        ("actor.png", f"/id/actor/{actor}", None),
        ("actor-relations.png", f"/id/actor/{actor}", ".pictures"),
        ("document.png", f"/id/document/{doc}#stance-{n}", f"#q-{n}"),
        ("issue.png", f"/id/issue/{issue}", None),
        ("stance.png", f"/id/stance/{stance}", None),
        ("query.png", "/query?named=who-condemned", "#results-title"),
        ("api-docs.png", "/docs", None),
    ]


def photograph(page: Page, url: str, scroll_to: str | None, out: Path) -> None:
    page.goto(url, wait_until="load")
    if url.endswith("/docs"):
        page.locator(".opblock").first.wait_for()
    if scroll_to:
        page.locator(scroll_to).first.evaluate(
            "el => el.scrollIntoView({block: 'center'})" if scroll_to.startswith("#q-")
            else "el => el.scrollIntoView({block: 'start'})")
    page.screenshot(path=out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--kg", type=Path, help="a build folder (default: the bundled corpus)")
    p.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    command = [sys.executable, "-m", "stancegraph", "serve", "--port", str(port),
               "--no-access-log", *(["--kg", str(args.kg)] if args.kg else [])]
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            with httpx.Client(base_url=base, timeout=60) as client:
                for _ in range(600):
                    try:
                        if client.get("/health").status_code == 200:
                            break
                    except httpx.HTTPError:
                        time.sleep(0.5)
                wanted = shots(client)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                     args=CHROMIUM_ARGS)
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                for name, path, scroll_to in wanted:
                    photograph(page, base + path, scroll_to, args.out / name)
                    print(args.out / name, file=sys.stderr)
                browser.close()
        finally:
            server.terminate()
            server.wait(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
