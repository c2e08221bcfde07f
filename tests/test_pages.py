"""The web pages and the resource URLs over HTTP, against a live uvicorn server on the bundled
corpus: content negotiation, what each page lists (checked against the store itself), the
query page, offline API docs and the cross-origin option. tests/test_browser.py drives the
same pages in Chromium."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from contextlib import AbstractContextManager

import httpx
import pyoxigraph as ox
import pytest
from markupsafe import escape

from stancegraph.api.app import create_app
from stancegraph.api.pages.actors import PAGE_SIZE
from stancegraph.api.pages.issues import QUOTED
from stancegraph.kg.ids import ID, id_from_iri
from stancegraph.kg.store import Store

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8"


def page(client: httpx.Client, url: str, status: int = 200, **params: object) -> str:
    r = client.get(url, params=params, headers={"Accept": BROWSER})
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def rows(store: Store, query: str) -> list[dict]:
    return store.select(query).rows


def busiest_actor(store: Store) -> str:
    """The id of the actor taking part in the most stances (holding or facing them)."""
    found = rows(store, """
SELECT ?actor (COUNT(DISTINCT ?s) AS ?n) WHERE {
  { ?s sg:holder ?actor } UNION { ?s sg:towardActor ?actor }
} GROUP BY ?actor ORDER BY DESC(?n) ?actor LIMIT 1""")
    return id_from_iri(found[0]["actor"])


def actor_in_both_roles(store: Store) -> str:
    """The id of the actor that holds stances and faces them, in the most stances."""
    found = rows(store, """
SELECT ?actor ((COUNT(DISTINCT ?held) + COUNT(DISTINCT ?faced)) AS ?n) WHERE {
  ?held sg:holder ?actor . ?faced sg:towardActor ?actor
} GROUP BY ?actor ORDER BY DESC(?n) ?actor LIMIT 1""")
    return id_from_iri(found[0]["actor"])


def stance_ids(text: str) -> list[str]:
    """The stance ids of the cards a page lists, in order."""
    return re.findall(r'<a href="/id/stance/([^"]+)">stance ', text)


# --- content negotiation ---------------------------------------------------------------------


def test_resource_urls_answer_json_as_the_rest_routes_do(client: httpx.Client,
                                                          store: Store) -> None:
    actor = busiest_actor(store)
    doc = id_from_iri(rows(store, "SELECT ?d WHERE { ?d a sg:Document } LIMIT 1")[0]["d"])
    stance = id_from_iri(rows(store, "SELECT ?s WHERE { ?s a sg:Stance } LIMIT 1")[0]["s"])
    issue = id_from_iri(rows(store, "SELECT ?i WHERE { ?s sg:onIssue ?i } LIMIT 1")[0]["i"])
    for path, rest in ((f"/id/actor/{actor}", f"/actors/{actor}"),
                       (f"/id/document/{doc}", f"/documents/{doc}"),
                       (f"/id/stance/{stance}", f"/stances/{stance}"),
                       (f"/id/issue/{issue}", f"/issues/{issue}")):
        for accept in ("application/json", "*/*", None):
            r = client.get(path, headers={"Accept": accept} if accept else {})
            assert r.status_code == 200 and r.headers["content-type"] == "application/json"
            assert r.json() == client.get(rest).json(), path
            assert "Accept" in r.headers["vary"]
        assert client.get(path, params={"format": "json"}).json() == client.get(rest).json()


def test_resource_urls_answer_rdf_about_the_resource(client: httpx.Client,
                                                      store: Store) -> None:
    actor = busiest_actor(store)
    stance = id_from_iri(rows(store, "SELECT ?s WHERE { ?s a sg:Stance } LIMIT 1")[0]["s"])
    for path in (f"/id/actor/{actor}", f"/id/stance/{stance}"):
        iri = ID + path.removeprefix("/id/")
        for accept, fmt in (("text/turtle", ox.RdfFormat.TURTLE),
                            ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                            ("application/ld+json", ox.RdfFormat.JSON_LD),
                            ("application/rdf+xml", ox.RdfFormat.RDF_XML)):
            r = client.get(path, headers={"Accept": accept})
            assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
            triples = list(ox.parse(r.content, format=fmt))
            subjects = {t.subject.value for t in triples}
            assert iri in subjects
            # Exactly the triples the store holds about it (its evidence too, for a stance).
            expected = rows(store, f"""
SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?p ?o WHERE {{ <{iri}> ?p ?o }} }}""")[0]["n"]
            assert sum(t.subject.value == iri for t in triples) == expected
    evidence = rows(store, f"""
SELECT ?sel WHERE {{ <{ID}stance/{stance}> sg:evidence/oa:hasSelector ?sel }}""")
    turtle = client.get(f"/id/stance/{stance}", params={"format": "nt"}).text
    assert all(f"<{r['sel']}>" in turtle for r in evidence) and evidence


def test_a_browser_gets_the_page_and_unknown_resources_a_page_saying_so(
        client: httpx.Client, store: Store) -> None:
    actor = busiest_actor(store)
    text = page(client, f"/id/actor/{actor}")
    label = rows(store, f"SELECT ?l WHERE {{ <{ID}actor/{actor}> rdfs:label ?l }}")[0]["l"]
    assert f"<h1>{escape(label)}</h1>" in text
    assert client.get(f"/id/actor/{actor}", params={"format": "html"}).text == text
    missing = page(client, "/id/actor/no-such-actor", 404)
    assert "no actor" in missing and "<h1>Not found</h1>" in missing
    # A client asking for JSON gets the one error shape, as everywhere.
    r = client.get("/id/actor/no-such-actor")
    assert r.status_code == 404 and r.json() == {"detail": "no actor 'no-such-actor'"}
    r = client.get(f"/id/actor/{actor}", headers={"Accept": "image/png"})
    assert r.status_code == 406 and "text/html" in r.json()["detail"]
    assert client.get(f"/id/actor/{actor}", params={"format": "pdf"}).status_code == 406


def test_a_documents_url_gives_its_original_text(client: httpx.Client, store: Store) -> None:
    for r in rows(store, "SELECT ?d ?n WHERE { ?d a sg:Document ; dcterms:extent ?n }"):
        path = "/id/document/" + id_from_iri(r["d"])
        text = client.get(path, headers={"Accept": "text/plain"})
        assert text.status_code == 200 and text.headers["content-type"].startswith("text/plain")
        assert len(text.text) == r["n"]
        # Every quote is the text at its offsets.
        for s in client.get(path).json()["items"]:
            assert text.text[s["start"]:s["end"]] == s["quote"]


def test_home_answers_json_to_clients_and_a_page_to_browsers(client: httpx.Client,
                                                             store: Store,
                                                             live_server) -> None:
    assert client.get("/").json()["sparql"] == live_server.url + "/sparql"
    text = page(client, "/")
    documents = rows(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a sg:Document }")
    stances = rows(store, "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s sg:kind ?k }")
    assert f"<dt>Documents</dt><dd>{documents[0]['n']}</dd>" in text
    assert f"<dt>Stances</dt><dd>{stances[0]['n']}</dd>" in text
    latest = rows(store, "SELECT (MAX(STR(?d)) AS ?m) WHERE { ?doc dcterms:date ?d }")
    assert f"<dt>Latest month</dt><dd>{latest[0]['m'][:7]}" in text
    for kind in rows(store, "SELECT DISTINCT ?k WHERE { ?s sg:kind ?k }"):
        assert f">{id_from_iri(kind['k'])}</span>" in text
    assert 'role="search"' in text and 'action="/search"' in text


def test_the_sparql_endpoint_sends_a_browser_to_the_query_page(client: httpx.Client) -> None:
    r = client.get("/sparql", headers={"Accept": BROWSER}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/query"
    # Tools still get the service description.
    assert client.get("/sparql").headers["content-type"].startswith("text/turtle")


# --- what the pages list ---------------------------------------------------------------------


def test_an_actor_page_lists_its_stances_in_each_role(client: httpx.Client,
                                                      store: Store) -> None:
    actor = actor_in_both_roles(store)
    iri = f"<{ID}actor/{actor}>"
    text = page(client, f"/id/actor/{actor}")
    held = {id_from_iri(r["s"]) for r in rows(store, f"SELECT ?s WHERE {{ ?s sg:holder {iri} }}")}
    toward = {id_from_iri(r["s"])
              for r in rows(store, f"SELECT ?s WHERE {{ ?s sg:towardActor {iri} }}")}
    listed = {}
    for role in ("held", "behalf", "toward"):
        section = text.split(f'id="list-{role}"')[1].split("</section>")[0]
        listed[role] = stance_ids(section)
    assert set(listed["held"]) == held and len(listed["held"]) == len(held) <= PAGE_SIZE
    assert set(listed["toward"]) == toward


def test_actor_filters_change_the_lists(client: httpx.Client, store: Store) -> None:
    actor = actor_in_both_roles(store)
    iri = f"<{ID}actor/{actor}>"
    kinds = rows(store, f"""
SELECT ?k (COUNT(?s) AS ?n) WHERE {{ ?s sg:holder {iri} ; sg:kind ?k }}
GROUP BY ?k ORDER BY DESC(?n) ?k""")
    kind = id_from_iri(kinds[0]["k"])
    text = page(client, f"/id/actor/{actor}", role="held", kind=kind)
    assert len(stance_ids(text)) == kinds[0]["n"]
    assert f'<option value="{kind}" selected>' in text
    # Time: the months of the stances it holds, one month at a time.
    months = rows(store, f"""
SELECT ?m (COUNT(?s) AS ?n) WHERE {{
  ?s sg:holder {iri} ; sg:date ?d BIND(SUBSTR(STR(?d), 1, 7) AS ?m)
}} GROUP BY ?m""")
    for r in months:
        text = page(client, f"/id/actor/{actor}", role="held", since=r["m"], until=r["m"])
        assert len(stance_ids(text)) == r["n"]
    # Counterpart: the stances aimed at it by one holder.
    holders = rows(store, f"""
SELECT ?h (COUNT(?s) AS ?n) WHERE {{ ?s sg:towardActor {iri} ; sg:holder ?h }}
GROUP BY ?h ORDER BY DESC(?n) ?h LIMIT 1""")
    text = page(client, f"/id/actor/{actor}", role="toward",
                counterpart=id_from_iri(holders[0]["h"]))
    assert len(stance_ids(text)) == holders[0]["n"]
    # Empty fields are "any", as a form sends them; a bad value is refused.
    assert page(client, f"/id/actor/{actor}", kind="", issue="", since="") == \
        page(client, f"/id/actor/{actor}")
    assert client.get(f"/id/actor/{actor}", params={"kind": "shout"}).status_code == 422


def test_an_issue_page_puts_each_holder_on_its_sides(client: httpx.Client,
                                                     store: Store) -> None:
    issue = rows(store, """
SELECT ?i (COUNT(?s) AS ?n) WHERE { ?s sg:onIssue ?i } GROUP BY ?i ORDER BY DESC(?n) ?i
LIMIT 1""")[0]
    slug = id_from_iri(issue["i"])
    text = page(client, f"/id/issue/{slug}")
    quoted = re.findall(r'<blockquote cite="/id/stance/([^"]+)">', text)
    assert len(quoted) == min(issue["n"], QUOTED)
    sides = {"for": ("approve", "intend"), "against": ("disapprove", "reject", "warn"),
             "action": ("appeal",), "other": ("assert",)}
    for side, classes in sides.items():
        section = text.split(f'id="side-{side}"')[1].split("</section>")[0]
        expected = rows(store, f"""
SELECT (COUNT(?s) AS ?n) WHERE {{
  ?s sg:onIssue <{issue['i']}> ; sg:kind ?k . ?k skos:broader ?c .
  VALUES ?c {{ {" ".join(f"<{ID}kind-class/{c}>" for c in classes)} }}
}}""")[0]["n"]
        assert section.count("<blockquote") == expected, side


def test_a_stance_page_shows_its_context_and_what_reasoning_added(client: httpx.Client,
                                                                  store: Store) -> None:
    for r in rows(store, "SELECT ?s WHERE { ?s a sg:Stance } ORDER BY ?s LIMIT 3"):
        stance = id_from_iri(r["s"])
        detail = client.get(f"/stances/{stance}").json()
        text = page(client, f"/id/stance/{stance}")
        assert f'<mark id="quote">{escape(detail["quote"])}</mark>' in text
        inferred = rows(store, f"""
SELECT DISTINCT ?s ?p ?o WHERE {{
  GRAPH ?g {{ {{ <{r['s']}> ?p ?o BIND(1 AS ?s) }} UNION {{ ?s ?p <{r['s']}> }} }}
  FILTER(STRSTARTS(STR(?g), "{ID}graph/inferred/"))
}}""")
        assert f"What reasoning added <span class=\"count\">{len(inferred)}</span>" in text
        assert inferred  # reasoning always says whom a stance speaks for
        assert detail["document"]["iri"].removeprefix(ID) in text


def test_search_finds_actors_issues_and_documents(client: httpx.Client, store: Store) -> None:
    title = rows(store, "SELECT ?t WHERE { ?d a sg:Document ; dcterms:title ?t } LIMIT 1")
    word = max(title[0]["t"].split(), key=len)
    text = page(client, "/search", q=word.upper())
    assert escape(title[0]["t"]) in text
    actor = busiest_actor(store)
    label = rows(store, f"SELECT ?l WHERE {{ <{ID}actor/{actor}> rdfs:label ?l }}")[0]["l"]
    assert f'href="/id/actor/{actor}"' in page(client, "/search", q=label.lower())
    assert "0 actors, 0 issues and 0 documents match" in page(client, "/search",
                                                               q="zzzz no such thing")


# --- query page ------------------------------------------------------------------------------


def test_the_query_page_runs_a_query_and_offers_every_format(client: httpx.Client,
                                                             store: Store) -> None:
    query = "SELECT ?s ?k WHERE { ?s sg:kind ?k } ORDER BY ?s"
    expected = rows(store, query)
    text = page(client, "/query", query=query)
    body = text.split('<table id="results-table">')[1].split("</table>")[0]
    assert body.count("<tr>") == len(expected) + 1  # and the header's
    for fmt, media in (("json", "application/sparql-results+json"),
                       ("xml", "application/sparql-results+xml"), ("csv", "text/csv"),
                       ("tsv", "text/tab-separated-values")):
        link = re.search(rf'<a href="([^"]+)" download="results\.{fmt}">', text)
        assert link, fmt
        r = client.get(html.unescape(link.group(1)))
        assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    graph = page(client, "/query", query="CONSTRUCT { ?s sg:kind ?k } WHERE { ?s sg:kind ?k }")
    for fmt in ("turtle", "ntriples", "jsonld", "rdfxml"):
        assert f'download="results.{fmt}"' in graph
    assert "Yes" in page(client, "/query", query="ASK { ?s a sg:Stance }")


def test_the_query_page_explains_a_refused_or_broken_query(client: httpx.Client) -> None:
    broken = page(client, "/query", 400, query="SELECT ?s WHERE { ?s ")
    assert 'class="error"' in broken and "malformed query" in broken
    update = page(client, "/query", 403, query="DELETE WHERE { ?s ?p ?o }")
    assert "read-only" in update
    unknown = page(client, "/query", 400, named="no-such-query")
    assert 'class="error"' in unknown


def test_the_query_page_runs_every_named_query_with_its_defaults(client: httpx.Client,
                                                                 store: Store) -> None:
    for q in client.get("/queries").json():
        text = page(client, "/query", named=q["name"])
        rest = client.get(f"/queries/{q['name']}").json()
        shown = re.search(r'role="status">(\d+) rows?', text)
        assert shown and int(shown.group(1)) == len(rest["rows"]), q["name"]
        # The editor holds the query that ran, its parameters written in.
        assert "SELECT" in html.unescape(text.split('name="query"')[1].split("</textarea>")[0])


# --- API docs and cross-origin calls ---------------------------------------------------------


def test_api_docs_load_swagger_ui_from_this_server(client: httpx.Client) -> None:
    text = client.get("/docs").text
    assets = re.findall(r'(?:src|href)="([^"]+)"', text)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        assert client.get(asset).status_code == 200, asset
    assert "http" not in re.sub(r'"(?:openapi|validator)Url"[^,}]*', "", text.split("<script>")[-1])
    # No ReDoc page: it would fetch its logo from the web.
    assert client.get("/redoc").status_code == 404


def test_cross_origin_calls_only_from_the_origins_allowed(
        store: Store, client: httpx.Client,
        serve_app: Callable[..., AbstractContextManager]) -> None:
    origin = "https://analyst.example.org"
    preflight = {"Origin": origin, "Access-Control-Request-Method": "GET"}
    # Off by default.
    r = client.get("/actors", headers={"Origin": origin})
    assert "access-control-allow-origin" not in r.headers
    assert "access-control-allow-origin" not in client.options("/sparql", headers=preflight).headers
    with serve_app(create_app(store, cors_origins=(origin,))) as server, \
            httpx.Client(base_url=server.url) as other:
        r = other.get("/actors", headers={"Origin": origin})
        assert r.headers["access-control-allow-origin"] == origin
        r = other.options("/sparql", headers=preflight)
        assert r.status_code == 200 and r.headers["access-control-allow-origin"] == origin
        stranger = other.get("/actors", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in stranger.headers


@pytest.mark.parametrize("origin", ["https://a.example.org/path", "a.example.org", "ftp://x"])
def test_serve_refuses_a_cross_origin_value_that_is_no_origin(origin: str, capsys) -> None:
    from stancegraph.cli import main

    assert main(["serve", "--cors-origin", origin, "--port", "0"]) == 2
    assert "--cors-origin" in capsys.readouterr().err
