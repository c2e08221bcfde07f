"""The web pages in a real headless Chromium (Debian's, installed by .ci/run; driven by
Playwright) against a live server on the bundled corpus: every page loads with no console
error and no request leaving the machine; the network picture, the document's marks, the
query page and the filters do what they say; keyboard use and contrast hold on every page.

What a page should show is worked out from the store itself, never from fixed labels or
counts, so the tests hold whatever the extractor finds. One browser serves the module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Route, sync_playwright

from stancegraph.api.pages.network import MAX_COUNTERPARTS
from stancegraph.api.pages.templating import page_path
from stancegraph.kg.ids import ID, id_from_iri
from stancegraph.kg.store import Store

CHROMIUM = "/usr/bin/chromium"
# No sandbox (tests run as root); no GPU; nothing that calls out on its own.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

# WCAG 2 contrast of every piece of text on a page, against the first opaque background
# behind it: the lowest ratio found, with where (text in SVG drawings is left to the tables
# that repeat it).
CONTRAST = """() => {
  const channel = c => {
    c /= 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const parse = s => (s.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) =>
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = parse(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  let worst = { ratio: 99, where: "" };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const skipped = "svg, .visually-hidden, .skip, script, style";
    if (!node.textContent.trim() || el.closest(skipped)) continue;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (style.visibility === "hidden" || box.width === 0 || box.height === 0) continue;
    const a = luminance(parse(style.color)), b = luminance(background(el));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio / needed < worst.ratio / (worst.needed || 4.5)) {
      worst = { ratio, needed, where: el.tagName + " " + node.textContent.trim().slice(0, 40) };
    }
  }
  return worst;
}"""

# Form controls without a name a screen reader can read out.
UNLABELLED = """() => [...document.querySelectorAll("input, select, textarea, button")]
  .filter(c => c.type !== "hidden" && !c.closest("[aria-hidden=true]"))
  .filter(c => !(c.labels && c.labels.length) && !c.getAttribute("aria-label")
               && !c.getAttribute("aria-labelledby") && !(c.textContent || "").trim())
  .map(c => c.outerHTML.slice(0, 80))"""


@dataclass
class Session:
    """The browser tab, and what it did that a page must not: messages on the console,
    uncaught errors, requests to any other host."""

    page: Page
    server: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)

    def visit(self, path: str) -> Page:
        """Load a page of the test server and check it loaded clean."""
        self.console_errors.clear()
        self.foreign_requests.clear()
        response = self.page.goto(self.server + path, wait_until="load")
        assert response is not None and response.ok, (path, response and response.status)
        self.assert_clean(path)
        return self.page

    def assert_clean(self, where: str) -> None:
        assert self.console_errors == [], (where, self.console_errors)
        assert self.foreign_requests == [], (where, self.foreign_requests)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def session(browser: Browser, live_server) -> Iterator[Session]:
    context: BrowserContext = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = Session(context.new_page(), live_server.url)
    own = urlsplit(live_server.url).netloc

    def only_the_server(route: Route) -> None:
        if urlsplit(route.request.url).netloc == own or route.request.url.startswith("data:"):
            route.continue_()
        else:
            tab.foreign_requests.append(route.request.url)
            route.abort()

    context.route("**/*", only_the_server)
    tab.page.on("console", lambda m: m.type == "error" and tab.console_errors.append(m.text))
    tab.page.on("pageerror", lambda e: tab.console_errors.append(str(e)))
    yield tab
    context.close()


def select(store: Store, query: str) -> list[dict]:
    return store.select(query).rows


def actor_with_counterparts(store: Store) -> tuple[str, set[str]]:
    """The actor in the most stances, some its own or on its behalf and some aimed at it,
    whose counterparts all fit in the picture; and those counterparts' ids: whom its stances
    (its own and those on its behalf) aim at, and who aims at it."""
    for r in select(store, """
SELECT ?actor (COUNT(DISTINCT ?s) AS ?n) WHERE {
  { ?s sg:onBehalfOf ?actor } UNION { ?s sg:towardActor ?actor }
  FILTER EXISTS { ?held sg:onBehalfOf ?actor } FILTER EXISTS { ?faced sg:towardActor ?actor }
} GROUP BY ?actor ORDER BY DESC(?n) ?actor"""):
        others = {id_from_iri(o["other"]) for o in select(store, f"""
SELECT DISTINCT ?other WHERE {{
  {{ ?s sg:onBehalfOf <{r['actor']}> ; sg:towardActor ?other }}
  UNION {{ ?s sg:towardActor <{r['actor']}> ; sg:holder ?other }}
  FILTER(?other != <{r['actor']}>)
}}""")}
        if 2 <= len(others) <= MAX_COUNTERPARTS:
            return id_from_iri(r["actor"]), others
    raise AssertionError("no actor with counterparts in the corpus")


def pages_to_check(store: Store) -> list[str]:
    actor, _ = actor_with_counterparts(store)
    doc = select(store, "SELECT ?d WHERE { ?d a sg:Document } ORDER BY ?d LIMIT 1")[0]["d"]
    stance = select(store, "SELECT ?s WHERE { ?s a sg:Stance } ORDER BY ?s LIMIT 1")[0]["s"]
    issue = select(store, """
SELECT ?i (COUNT(?s) AS ?n) WHERE { ?s sg:onIssue ?i } GROUP BY ?i ORDER BY DESC(?n) LIMIT 1""")
    return ["/", "/search?q=a", f"/id/actor/{actor}", page_path(doc), page_path(stance),
            page_path(issue[0]["i"]), "/query", "/query?named=who-condemned"]


# --- every page ------------------------------------------------------------------------------


def test_every_page_loads_clean_with_labels_and_readable_contrast(session: Session,
                                                                   store: Store) -> None:
    for path in pages_to_check(store):
        tab = session.visit(path)
        assert tab.evaluate(UNLABELLED) == [], path
        worst = tab.evaluate(CONTRAST)
        assert worst["ratio"] >= worst.get("needed", 4.5), (path, worst)
        assert tab.locator("main h1").count() == 1, path


def test_api_docs_work_offline(session: Session) -> None:
    tab = session.visit("/docs")
    tab.locator(".opblock").first.wait_for()
    assert tab.locator(".opblock").count() >= 10  # the operations are listed
    session.assert_clean("/docs")


def test_keyboard_reaches_everything_and_shows_where_it_is(session: Session,
                                                           store: Store) -> None:
    actor, _ = actor_with_counterparts(store)
    tab = session.visit(f"/id/actor/{actor}")
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.className") == "skip"
    tab.keyboard.press("Enter")
    assert tab.evaluate("document.activeElement.id") == "main"
    reached = []
    for _ in range(40):
        tab.keyboard.press("Tab")
        reached.append(tab.evaluate("""() => {
          const el = document.activeElement, style = getComputedStyle(el);
          return [el.tagName, el.name || el.textContent.trim().slice(0, 30),
                  style.outlineStyle !== "none" || style.boxShadow !== "none"];
        }"""))
    assert all(visible for *_, visible in reached), [r for r in reached if not r[2]]
    names = [name for _, name, _ in reached]
    assert {"role", "kind", "issue", "counterpart", "since", "until", "Apply"} <= set(names)


# --- actor page ------------------------------------------------------------------------------


def test_the_network_picture_has_a_node_per_counterpart(session: Session, store: Store) -> None:
    actor, counterparts = actor_with_counterparts(store)
    tab = session.visit(f"/id/actor/{actor}")
    nodes = tab.locator("figure.network svg g.counterpart")
    drawn = {i.removeprefix("counterpart-") for i in nodes.evaluate_all("ns => ns.map(n => n.id)")}
    assert drawn == counterparts
    assert tab.locator("figure.network svg #centre").count() == 1
    # Each node links to the counterpart's page.
    links = nodes.evaluate_all("""ns => ns.map(n => n.querySelector('a')
      .getAttributeNS('http://www.w3.org/1999/xlink', 'href'))""")
    assert sorted(links) == sorted(f"/id/actor/{c}" for c in counterparts)
    assert tab.locator("figure.timeline svg").count() == 1


def test_filters_change_what_is_shown(session: Session, store: Store) -> None:
    actor, counterparts = actor_with_counterparts(store)
    iri = f"<{ID}actor/{actor}>"
    kinds = select(store, f"""
SELECT ?k (COUNT(DISTINCT ?s) AS ?n) WHERE {{ ?s sg:towardActor {iri} ; sg:kind ?k }}
GROUP BY ?k ORDER BY DESC(?n) ?k""")
    kind, expected = id_from_iri(kinds[0]["k"]), kinds[0]["n"]
    tab = session.visit(f"/id/actor/{actor}")
    before = tab.locator("article.stance").count()
    tab.select_option("select[name=role]", "toward")
    tab.select_option("select[name=kind]", kind)
    with tab.expect_navigation():
        tab.get_by_role("button", name="Apply").click()
    session.assert_clean("filtered actor page")
    cards = tab.locator("#toward article.stance")
    assert cards.count() == expected < before
    assert set(cards.locator(".kind").all_inner_texts()) == {kind}
    assert tab.locator("#held article.stance").count() == 0
    # The picture follows: only those who aim stances of that kind at it remain.
    holders = {id_from_iri(r["h"]) for r in select(store, f"""
SELECT DISTINCT ?h WHERE {{ ?s sg:towardActor {iri} ; sg:kind <{kinds[0]['k']}> ; sg:holder ?h
FILTER(?h != {iri}) }}""")}
    drawn = tab.locator("figure.network svg g.counterpart").evaluate_all(
        "ns => ns.map(n => n.id.replace('counterpart-', ''))")
    assert set(drawn) == holders <= counterparts


# --- document page ---------------------------------------------------------------------------


def test_the_document_page_marks_every_stance_at_its_offsets(session: Session,
                                                              store: Store,
                                                              client) -> None:
    for r in select(store, "SELECT ?d WHERE { ?d a sg:Document } ORDER BY ?d"):
        doc = id_from_iri(r["d"])
        stances = client.get(f"/documents/{doc}").json()["items"]
        tab = session.visit(f"/id/document/{doc}")
        # Where each mark really is: its offset in code points from the start of the text.
        marks = tab.evaluate("""() => {
          const text = document.getElementById("doc-text");
          return [...text.querySelectorAll("mark.evidence")].map(mark => {
            const range = document.createRange();
            range.setStart(text, 0); range.setEnd(mark, 0);
            const start = [...range.toString()].length;
            return {stances: mark.dataset.stances.split(" "), start,
                    end: start + [...mark.textContent].length, text: mark.textContent};
          });
        }""")
        length = tab.evaluate("[...document.getElementById('doc-text').textContent].length")
        assert length == client.get(f"/documents/{doc}").json()["length"]
        assert stances
        for s in stances:
            n = s["id"].rsplit("/", 1)[1]
            pieces = [m for m in marks if n in m["stances"]]
            assert pieces, s["id"]
            assert pieces[0]["start"] == s["start"] and pieces[-1]["end"] == s["end"], s["id"]
            assert all(a["end"] == b["start"] for a, b in zip(pieces, pieces[1:], strict=False))
            assert "".join(p["text"] for p in pieces) == s["quote"]


def test_selecting_a_quote_shows_its_stance(session: Session, store: Store, client) -> None:
    doc = select(store, """
SELECT ?d (COUNT(?s) AS ?n) WHERE { ?s prov:wasDerivedFrom ?d } GROUP BY ?d ORDER BY DESC(?n)
LIMIT 1""")[0]["d"]
    stances = client.get(f"/documents/{id_from_iri(doc)}").json()["items"]
    tab = session.visit(f"/id/document/{id_from_iri(doc)}")
    for s in stances:
        n = s["id"].rsplit("/", 1)[1]
        assert tab.locator(f"#q-{n}").count() == 1  # where "Show in the text" goes
        mark = tab.locator(f'mark.evidence[data-stances~="{n}"]').first
        mark.locator("a").click()
        # Every stance whose quote covers the piece selected opens, and only those.
        covering = mark.get_attribute("data-stances").split(" ")
        opened = tab.locator("details.stance-detail[open]").evaluate_all(
            "ds => ds.map(d => d.dataset.stance)")
        assert sorted(opened) == sorted(covering) and n in opened
        detail = tab.locator(f"#stance-{n}")
        assert detail.is_visible()
        shown = detail.locator("dl").inner_text()
        for field_name, value in (("Holder", s["holder"]["label"]), ("Kind", s["kind"]),
                                  ("Modality", s["modality"]),
                                  ("Confidence", f"{s['confidence']:.2f}")):
            assert re.search(rf"{field_name}\s+{re.escape(value or '—')}", shown), (field_name,
                                                                                    shown)
        for field_name, ref in (("Target", s["target"]), ("Issue", s["issue"]),
                                ("Attributed by", s["attributed_by"])):
            if ref:
                assert f"{field_name}\n{ref['label'] or ref['id']}" in shown, (field_name, shown)
        selected = tab.locator("mark.evidence.selected").evaluate_all(
            "ms => ms.map(m => m.dataset.stances.split(' '))")
        assert selected and all(set(m) & set(covering) for m in selected)
    session.assert_clean("selecting quotes")
    # The keyboard does the same: a mark is a link.
    first = stances[0]["id"].rsplit("/", 1)[1]
    tab.locator(f'mark.evidence[data-stances~="{first}"] a').first.focus()
    tab.keyboard.press("Enter")
    assert tab.locator(f"#stance-{first}").get_attribute("open") is not None
    # Opening a stance in the panel selects it alone.
    last = stances[-1]["id"].rsplit("/", 1)[1]
    tab.locator(f"#stance-{last} summary").click()
    # The toggle event comes after the click, as a task of its own.
    tab.wait_for_function("n => [...document.querySelectorAll('details.stance-detail[open]')]"
                          ".map(d => d.dataset.stance).join() === n", arg=last, timeout=5000)


# --- query page ------------------------------------------------------------------------------


def test_the_query_page_runs_a_query_and_shows_its_rows(session: Session,
                                                        store: Store) -> None:
    tab = session.visit("/query")
    editor = tab.locator(".CodeMirror")
    assert editor.count() == 1
    assert tab.locator(".CodeMirror .cm-keyword").count() > 0  # SPARQL is highlighted
    assert "PREFIX sg:" in tab.evaluate("document.querySelector('.CodeMirror').CodeMirror"
                                        ".getValue()")
    query = "SELECT ?stance ?kind WHERE { ?stance sg:kind ?kind } ORDER BY ?stance"
    tab.evaluate("q => document.querySelector('.CodeMirror').CodeMirror.setValue(q)", query)
    tab.locator(".CodeMirror textarea").focus()
    with tab.expect_navigation():
        tab.keyboard.press("Control+Enter")
    session.assert_clean("query run")
    expected = [id_from_iri(r["stance"]) for r in select(store, query)]
    shown = tab.locator("#results-table tbody tr td:first-child").all_inner_texts()
    assert [s.removeprefix("stance:") for s in shown] == expected
    # Tab leaves the editor: it is no keyboard trap.
    tab.locator(".CodeMirror textarea").focus()
    tab.keyboard.press("Tab")
    assert tab.evaluate("document.activeElement.textContent") == "Run query"


def test_a_named_query_runs_from_its_form(session: Session, client) -> None:
    tab = session.visit("/query")
    tab.locator("#named-who-condemned summary").click()
    form = tab.locator("#named-who-condemned form")
    target = form.locator("input[name=target]").input_value()
    with tab.expect_navigation():
        form.get_by_role("button", name="Run").click()
    session.assert_clean("named query")
    rest = client.get("/queries/who-condemned", params={"target": target}).json()["rows"]
    assert tab.locator("#results-table tbody tr").count() == len(rest)
    text = tab.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()")
    assert f"<{ID}actor/{target}>" in text  # the value written into the query
