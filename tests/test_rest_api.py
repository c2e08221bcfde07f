"""The REST resources and named-query routes, over a live uvicorn server on the bundled corpus;
what the routes keep of an unchanging store."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from pydantic import TypeAdapter

from stancegraph import resources
from stancegraph.api import models
from stancegraph.api.app import create_app
from stancegraph.api.cache import StoreCache, cache_for
from stancegraph.api.routers import actors, stances
from stancegraph.kg.errors import QueryError
from stancegraph.kg.ids import ID, actor_iri
from stancegraph.kg.store import Request, Store

NK = "north-korea"
US = "united-states"
STANCE_KEYS = {"id", "iri", "document", "holder", "kind", "target", "issue", "modality",
               "condition", "confidence", "date", "attributed_by", "quote", "start", "end"}


def get(client: httpx.Client, url: str, status: int = 200, **params: object) -> object:
    r = client.get(url, params=params)
    assert r.status_code == status, (url, r.status_code, r.text[:500])
    return r.json()


def ids(items: list[dict]) -> set[str]:
    return {i["id"] for i in items}


# --- actors ----------------------------------------------------------------------------------


def test_actors_list_with_type_and_text_filters(client: httpx.Client) -> None:
    every = get(client, "/actors")
    assert {NK, US, "south-korea", "china", "kelly-craft"} <= ids(every)
    states = get(client, "/actors", type="State")
    assert {NK, US} <= ids(states) and all(a["type"] == "State" for a in states)
    assert "kelly-craft" not in ids(states)
    # An Official is a Person.
    assert "kelly-craft" in ids(get(client, "/actors", type="Person"))
    # Case-insensitive, over labels and aliases.
    assert NK in ids(get(client, "/actors", q="NORTH kor"))
    assert NK in ids(get(client, "/actors", q="dprk"))
    assert get(client, "/actors", q="no actor is called this") == []


def test_actor_filters_are_checked(client: httpx.Client) -> None:
    get(client, "/actors", 422, type="Country")
    get(client, "/actors", 422, q="")


def test_actor_detail(client: httpx.Client) -> None:
    nk = get(client, f"/actors/{NK}")
    assert nk["label"] == "North Korea" and nk["type"] == "State"
    assert nk["iri"] == str(actor_iri(NK))
    assert "DPRK" in nk["aliases"]
    assert nk["wikidata"] == "http://www.wikidata.org/entity/Q423"
    assert "ministry-of-foreign-affairs-of-north-korea" in ids(nk["members"])
    counts = nk["counts"]
    assert counts["stances_held"] > 0 and counts["documents"] > 0
    assert counts["stances_on_behalf_of"] > counts["stances_held"]  # its ministry speaks for it
    assert counts["stances_toward"] > 0


def test_actor_affiliations_direct_and_inferred(client: httpx.Client) -> None:
    craft = get(client, "/actors/kelly-craft")
    assert craft["types"] == ["Official", "Person"]
    (aff,) = [a for a in craft["affiliations"] if a["actor"]["id"] == US]
    assert aff["relation"] == "represents" and aff["inferred"] is False
    mfa = get(client, "/actors/ministry-of-foreign-affairs-of-north-korea")
    assert {"id": NK, "relation": "partOf", "inferred": False} in [
        {"id": a["actor"]["id"], "relation": a["relation"], "inferred": a["inferred"]}
        for a in mfa["affiliations"]
    ]


CHAIN = """\
@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix actor: <https://w3id.org/stancegraph/id/actor/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<https://w3id.org/stancegraph/id/graph/ontology> {
  actor:staff a sg:Institution ; rdfs:label "General Staff" ; sg:partOf actor:army .
  actor:army a sg:Institution ; rdfs:label "Army" ; sg:partOf actor:land .
  actor:land a sg:State ; rdfs:label "Land" .
}
<https://w3id.org/stancegraph/id/graph/inferred/memo> {
  actor:staff sg:affiliatedWith actor:army, actor:land .
  actor:army sg:affiliatedWith actor:land .
}
"""


def test_transitive_affiliation_is_marked_inferred(
    serve_app: Callable, tmp_path: Path,
) -> None:
    path = tmp_path / "kg.trig"
    path.write_text(CHAIN, encoding="utf-8")
    with Store.from_files([path], workers=1) as store, serve_app(create_app(store)) as server:
        staff = httpx.get(f"{server.url}/actors/staff", timeout=30).json()
        land = httpx.get(f"{server.url}/actors/land", timeout=30).json()
    by_id = {a["actor"]["id"]: a for a in staff["affiliations"]}
    assert by_id["army"] == {"actor": {"id": "army", "iri": str(actor_iri("army")),
                                       "label": "Army"},
                             "relation": "partOf", "inferred": False}
    assert by_id["land"]["relation"] == "affiliatedWith" and by_id["land"]["inferred"] is True
    assert {"army", "staff"} == ids(land["members"])


def test_unknown_and_malformed_actor_ids(client: httpx.Client) -> None:
    assert get(client, "/actors/atlantis", 404) == {"detail": "no actor 'atlantis'"}
    assert get(client, "/actors/atlantis/stances", 404)["detail"] == "no actor 'atlantis'"
    get(client, "/actors/not%20a%20slug", 422)


def test_stances_of_an_actor_in_three_roles(client: httpx.Client) -> None:
    us = get(client, f"/actors/{US}/stances")
    assert us["actor"]["label"] == "United States"
    assert all(s["holder"]["id"] == US for s in us["held"])
    assert any(s["kind"] == "reluctant" for s in us["held"])
    # Officials' stances are on behalf of the state.
    assert "kelly-craft" in {s["holder"]["id"] for s in us["on_behalf_of"]}
    assert all(s["holder"]["id"] != US for s in us["on_behalf_of"])
    assert all(s["target"]["id"] == US for s in us["toward"])
    assert any(s["holder"]["id"] == NK and s["kind"] == "condemn" for s in us["toward"])
    for s in us["held"] + us["on_behalf_of"] + us["toward"]:
        assert set(s) == STANCE_KEYS
    assert len(get(client, f"/actors/{US}/stances", limit=1)["toward"]) == 1
    get(client, f"/actors/{US}/stances", 422, limit=0)


# --- stances ---------------------------------------------------------------------------------


def test_stances_page_through_everything_in_a_stable_order(client: httpx.Client) -> None:
    first = get(client, "/stances", limit=10)
    total = first["total"]
    assert total >= 40 and len(first["items"]) == 10
    seen: list[str] = []
    for offset in range(0, total, 10):
        page = get(client, "/stances", limit=10, offset=offset)
        assert page["total"] == total and page["offset"] == offset
        seen += [s["id"] for s in page["items"]]
    assert len(seen) == total == len(set(seen))
    assert [s["id"] for s in get(client, "/stances", limit=10)["items"]] == seen[:10]
    assert get(client, "/stances", offset=total)["items"] == []
    # Within a document, stances come in number order (2 before 10).
    numbers = [int(i.rsplit("/", 1)[1]) for i in seen if i.startswith("sejong-2019-33/")]
    assert numbers == sorted(numbers)


def test_stances_filters(client: httpx.Client) -> None:
    condemn = get(client, "/stances", holder=NK, kind="condemn", target=US)
    assert condemn["total"] >= 1
    for s in condemn["items"]:
        assert (s["holder"]["id"], s["kind"], s["target"]["id"]) == (NK, "condemn", US)
    in_doc = get(client, "/stances", document="sejong-2019-33", limit=1000)
    assert in_doc["total"] == len(in_doc["items"]) > 0
    assert {s["document"]["id"] for s in in_doc["items"]} == {"sejong-2019-33"}
    issue = in_doc["items"][0]["issue"]["id"]
    on_issue = get(client, "/stances", issue=issue)
    assert on_issue["total"] >= 1 and all(s["issue"]["id"] == issue for s in on_issue["items"])
    assert get(client, "/stances", holder="atlantis") == {
        "total": 0, "limit": 100, "offset": 0, "items": []}


@pytest.mark.parametrize(
    "params",
    [{"kind": "praise"}, {"limit": 0}, {"limit": 1001}, {"offset": -1}, {"limit": "ten"},
     {"holder": "North Korea"}, {"document": "../etc"}],
)
def test_stances_bad_parameters(client: httpx.Client, params: dict) -> None:
    body = get(client, "/stances", 422, **params)
    assert body["detail"]


def test_one_stance_with_context_and_on_behalf_of(client: httpx.Client) -> None:
    page = get(client, "/stances", holder="ministry-of-foreign-affairs-of-north-korea", limit=1)
    sid = page["items"][0]["id"]
    s = get(client, f"/stances/{sid}")
    assert s["id"] == sid and set(STANCE_KEYS) < set(s)
    assert {"ministry-of-foreign-affairs-of-north-korea", NK} <= ids(s["on_behalf_of"])
    text = _texts()[s["document"]["id"]]
    assert text[s["start"] - len(s["prefix"]):s["start"]] == s["prefix"]
    assert text[s["end"]:s["end"] + len(s["suffix"])] == s["suffix"]
    assert get(client, "/stances/sejong-2019-33/9999", 404) == {
        "detail": "no stance sejong-2019-33/9999"}
    get(client, "/stances/sejong-2019-33/zero", 422)


def _texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8-sig") for p in resources.corpus_files()}


def test_every_evidence_quote_is_the_exact_span_of_its_original_file(
    client: httpx.Client,
) -> None:
    texts = _texts()
    items = get(client, "/stances", limit=1000)["items"]
    assert items
    for s in items:
        text = texts[s["document"]["id"]]
        assert text[s["start"]:s["end"]] == s["quote"], s["id"]


# --- issues ----------------------------------------------------------------------------------


def test_issues_list_and_search(client: httpx.Client) -> None:
    page = get(client, "/issues", limit=5)
    assert page["total"] >= 5 and len(page["items"]) == 5
    counts = [i["stances"] for i in page["items"]]
    assert counts == sorted(counts, reverse=True)
    found = get(client, "/issues", q="FOUR-PARTY")
    assert "four-party-talks" in ids(found["items"]) and found["total"] == len(found["items"])
    get(client, "/issues", 422, limit=0)


def test_who_stands_where_on_the_four_party_talks(client: httpx.Client) -> None:
    issue = get(client, "/issues/four-party-talks")
    assert issue["label"].lower() == "four-party talks"
    assert issue["stances"] == len(issue["items"]) >= 2
    by_holder = {p["holder"]["id"]: p for p in issue["positions"]}
    cheong = by_holder["cheong-seong-chang"]
    assert cheong["position"] == "for" and cheong["kinds"]["recommend"] >= 2
    targets = {s["target"]["id"] for s in issue["items"] if s["kind"] == "recommend"}
    assert {"south-korea", US} <= targets
    assert get(client, "/issues/no-such-issue", 404) == {"detail": "no issue 'no-such-issue'"}


# --- documents -------------------------------------------------------------------------------


def test_documents_list(client: httpx.Client) -> None:
    page = get(client, "/documents")
    assert page["total"] == len(resources.corpus_files()) == len(page["items"])
    dates = [d["date"] for d in page["items"]]
    assert dates == sorted(dates)
    assert all(d["stances"] > 0 for d in page["items"])
    assert len(get(client, "/documents", limit=1, offset=1)["items"]) == 1


def test_document_detail(client: httpx.Client) -> None:
    doc = get(client, "/documents/sejong-2019-33")
    assert doc["date"] == "2019-12-13" and doc["author"]["label"] == "Cheong Seong-chang"
    assert doc["publisher"]["id"] == "sejong-institute"
    assert doc["length"] == len(_texts()["sejong-2019-33"])
    assert {NK, US, "kelly-craft", "stephen-biegun"} <= ids(doc["mentions"])
    starts = [s["start"] for s in doc["items"]]
    assert starts == sorted(starts) and doc["stances"] == len(doc["items"])
    assert get(client, "/documents/nothing-here", 404) == {"detail": "no document 'nothing-here'"}


# --- named queries ---------------------------------------------------------------------------


def test_named_queries_are_listed_with_parameters(client: httpx.Client) -> None:
    listed = {q["name"]: q for q in get(client, "/queries")}
    assert len(listed) >= 12
    actor = listed["actor-stances"]["params"][0]
    assert (actor["name"], actor["type"], actor["namespace"], actor["default"]) == (
        "actor", "iri", "actor", "north-korea")


def test_run_a_named_query_as_json(client: httpx.Client) -> None:
    body = get(client, "/queries/who-condemned", target=US)
    assert body["query"] == "who-condemned"
    assert body["params"]["target"] == str(actor_iri(US))
    assert "holder" in body["variables"]
    assert str(actor_iri(NK)) in {r["holder"] for r in body["rows"]}


def test_run_a_named_query_as_csv(client: httpx.Client) -> None:
    r = client.get("/queries/states", headers={"Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert {"North Korea", "United States"} <= {row["label"] for row in table}
    # JSON wins when preferred; nothing acceptable is a 406.
    r = client.get("/queries/states", headers={"Accept": "text/csv;q=0.5, application/json"})
    assert r.headers["content-type"].startswith("application/json")
    assert client.get("/queries/states", headers={"Accept": "image/png"}).status_code == 406


def test_named_query_errors(client: httpx.Client) -> None:
    assert "no named query" in get(client, "/queries/nope", 404)["detail"]
    assert get(client, "/queries/states", 422, limit="ten")["detail"] == (
        "parameter limit: 'ten' is not an integer")
    assert "unknown parameter" in get(client, "/queries/states", 422, colour="red")["detail"]
    r = client.get("/queries/states?limit=1&limit=2")
    assert r.status_code == 422 and "more than once" in r.json()["detail"]
    get(client, "/queries/stances-over-time", 422, **{"from": "2019-02-30"})


def test_named_query_values_cannot_inject(client: httpx.Client) -> None:
    body = get(client, "/queries/stances-on-issue", issue='x")) } UNION { ?stance ?p ?o } #')
    assert body["rows"] == []


# --- the schema ------------------------------------------------------------------------------


def test_openapi_documents_the_resources(client: httpx.Client) -> None:
    schema = get(client, "/openapi.json")
    for path in ("/actors", "/actors/{id}", "/actors/{id}/stances", "/stances",
                 "/stances/{doc}/{n}", "/issues", "/issues/{id}", "/documents",
                 "/documents/{id}", "/queries", "/queries/{name}"):
        assert "get" in schema["paths"][path], path
    components = schema["components"]["schemas"]
    assert {"Stance", "ActorDetail", "StancePage", "IssueDetail", "NamedQueryInfo"} <= set(
        components)
    assert {"quote", "start", "end", "document"} <= set(components["Stance"]["properties"])
    assert "404" in schema["paths"]["/actors/{id}"]["get"]["responses"]


# --- the responses' contract and what the routes keep ----------------------------------------


def _shape(value: object) -> object:
    """The value with every object's keys in order, to compare orders as well as values."""
    if isinstance(value, dict):
        return [(k, _shape(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_shape(v) for v in value]
    return value


@pytest.mark.parametrize(("path", "model"), [
    ("/actors", list[models.ActorSummary]),
    (f"/actors/{NK}", models.ActorDetail),
    ("/actors/kelly-craft", models.ActorDetail),
    (f"/actors/{US}/stances", models.ActorStances),
    ("/stances?limit=30&offset=20", models.StancePage),
    (f"/stances?holder={NK}", models.StancePage),
    ("/stances/sejong-2019-33/1", models.StanceDetail),
    ("/issues", models.IssuePage),
    ("/issues/four-party-talks", models.IssueDetail),
    ("/documents", models.DocumentPage),
    ("/documents/sejong-2019-33", models.DocumentDetail),
])
def test_responses_are_their_documented_models_field_for_field(
    client: httpx.Client, path: str, model: object,
) -> None:
    # The routes write their JSON themselves: it must be exactly what the model would write,
    # every field present and in the model's order.
    body = client.get(path).json()
    adapter = TypeAdapter(model)
    assert _shape(adapter.dump_python(adapter.validate_python(body), mode="json")) == _shape(body)


@pytest.mark.parametrize("filters", [
    {"holder": NK}, {"target": US}, {"kind": "condemn"}, {"holder": NK, "kind": "condemn"},
    {"issue": "four-party-talks"}, {"document": "sejong-2019-33"}, {},
])
def test_a_filtered_listing_pages_through_the_same_stances_in_document_order(
    client: httpx.Client, filters: dict[str, str],
) -> None:
    whole = get(client, "/stances", limit=1000, **filters)
    assert whole["total"] == len(whole["items"]) > 0
    paged: list[dict] = []
    for offset in range(0, whole["total"] + 7, 7):
        page = get(client, "/stances", limit=7, offset=offset, **filters)
        assert page["total"] == whole["total"]
        paged += page["items"]
    assert paged == whole["items"]
    order = [(s["document"]["iri"], int(s["id"].rsplit("/", 1)[1])) for s in paged]
    assert order == sorted(order)


def test_an_unchanging_store_keeps_labels_and_stances_as_the_store_has_them(
    store: Store, client: httpx.Client,
) -> None:
    assert cache_for(store) is not None and cache_for(store) is cache_for(store)
    iris = [str(actor_iri(NK)), str(actor_iri("kelly-craft")), f"{ID}issue/four-party-talks",
            f"{ID}document/sejong-2019-33", str(actor_iri("atlantis"))]
    asked = stances._labels(store, iris)  # straight from the store
    assert asked[str(actor_iri(NK))] == "North Korea" and str(actor_iri("atlantis")) not in asked
    assert stances.labels(store, iris) == asked
    assert stances.labels(store, iris) == asked  # now from what was kept
    assert cache_for(store).facts("label", iris)[1] == []
    some = sorted(stances.matching_stances(store, stances.StanceFilter(holder=str(
        actor_iri(NK)))))[:5]
    for detail in (False, True, False):  # kept with its detail, a stance also serves plain
        kept, _ = stances.render_stances(store, some, detail=detail)
        records = stances._fetch_records(store, set(some), detail=True)
        named = stances._labels(store, sorted({v for r in records.values() for k, v in r.items()
                                               if k in stances._REFS}))
        assert [s.iri for s in kept] == some
        for s in kept:
            assert s.json == stances.encode(stances.stance_json(s.iri, records[s.iri], named))
            if detail:
                assert s.detail_json == stances.encode(stances.stance_json(
                    s.iri, records[s.iri], named, detail=True))
    # A route answers the same once it keeps what it found.
    assert get(client, f"/actors/{US}/stances") == get(client, f"/actors/{US}/stances")
    assert get(client, "/issues/four-party-talks") == get(client, "/issues/four-party-talks")


def test_kept_stances_are_bounded_and_detailed_ones_serve_both_uses() -> None:
    cache = StoreCache(max_stances=2)
    plain, detailed = SimpleNamespace(detail=False), SimpleNamespace(detail=True)
    cache.add_stances({"a": plain, "b": detailed})
    assert cache.stances(["a", "b"], detail=True) == ({"b": detailed}, ["a"])
    assert cache.stances(["b"], detail=False)[0] == {"b": detailed}
    cache.add_stances({"b": plain})  # a plain stance never replaces a detailed one
    assert cache.stances(["b"], detail=True)[0] == {"b": detailed}
    cache.stances(["a"], detail=False)  # used last: "b" is now the oldest
    cache.add_stances({"c": plain})
    assert cache.stances(["a", "b", "c"], detail=False)[1] == ["b"]
    assert cache.value("n", lambda: 1) == 1 and cache.value("n", lambda: 2) == 1


def test_kept_indexes_are_bounded_by_their_entries_and_the_least_used_goes_first() -> None:
    cache = StoreCache(max_listed=5)
    assert cache.listing("a", lambda: [1, 2], size=len) == [1, 2]
    assert cache.listing("a", lambda: [9], size=len) == [1, 2]  # kept
    cache.listing("b", lambda: [3, 4], size=len)
    cache.listing("a", lambda: [9], size=len)  # used last: "b" is now the oldest
    cache.listing("c", lambda: [5, 6], size=len)  # 6 entries: "b" goes
    assert cache.listing("b", lambda: ["again"], size=len) == ["again"]
    assert cache.listing("c", lambda: [0], size=len) == [5, 6]


def test_an_actors_stances_are_listed_alike_kept_or_asked_again(store: Store) -> None:
    uncached = Store(_Switch(store, store))  # the same workers, as a store that may change
    assert cache_for(uncached) is None
    iri = str(actor_iri(US))
    kept = actors._stances_by_role(store, iri, 1)  # every stance of each role, in order
    assert kept is actors._stances_by_role(store, iri, 1)
    assert len(kept["toward"]) > 3 and not set(kept["held"]) & set(kept["behalf"])
    for limit in (1, 3, 1000):
        assert actors._stances_by_role(uncached, iri, limit) == {
            role: found[:limit] for role, found in kept.items()}
    for found in kept.values():
        assert found == sorted(found, key=stances.stance_key)


ONE_STANCE = """\
@prefix sg: <https://w3id.org/stancegraph/ontology#> .
@prefix actor: <https://w3id.org/stancegraph/id/actor/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
<https://w3id.org/stancegraph/id/graph/document/memo> {
  actor:land a sg:State ; rdfs:label "LABEL" .
  <https://w3id.org/stancegraph/id/stance/memo/1> a sg:Stance ; sg:holder actor:land ;
    sg:kind <https://w3id.org/stancegraph/id/kind/KIND> ;
    prov:wasDerivedFrom <https://w3id.org/stancegraph/id/document/memo> .
}
"""


class _Switch:
    """A backend whose data changes under the server, as a remote store's can: it answers
    from one of two worker pools, the second once `switch` is called."""

    def __init__(self, first: Store, second: Store) -> None:
        self.stores = [first, second]

    def switch(self) -> None:
        self.stores.reverse()

    def run(self, request: Request, timeout: float) -> object:
        return self.stores[0].backend.run(request, timeout)

    def status(self) -> dict:
        return self.stores[0].status()

    def close(self) -> None:
        for s in self.stores:
            s.close()


def test_a_store_that_may_change_is_asked_again_every_time(
    serve_app: Callable, tmp_path: Path,
) -> None:
    paths = []
    for n, (label, kind) in enumerate([("Land", "condemn"), ("Renamed Land", "praise")]):
        paths.append(tmp_path / f"kg{n}.trig")
        paths[-1].write_text(ONE_STANCE.replace("LABEL", label).replace("KIND", kind),
                             encoding="utf-8")
    backend = _Switch(*(Store.from_files([p], workers=1) for p in paths))
    with Store(backend) as store, serve_app(create_app(store)) as server:
        assert cache_for(store) is None
        before = httpx.get(f"{server.url}/actors/land/stances", timeout=30).json()
        backend.switch()
        after = httpx.get(f"{server.url}/actors/land/stances", timeout=30).json()
        # The routes that keep counts of an unchanging store ask this one each time.
        assert httpx.get(f"{server.url}/issues", timeout=30).json()["total"] == 0
        assert httpx.get(f"{server.url}/stances", timeout=30).json()["total"] == 1
    assert (before["actor"]["label"], before["held"][0]["kind"]) == ("Land", "condemn")
    assert (after["actor"]["label"], after["held"][0]["kind"]) == ("Renamed Land", "praise")


class _Forward:
    """A backend that forwards to a worker pool but is not one: the store may change."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def run(self, request: Request, timeout: float) -> object:
        return self.store.backend.run(request, timeout)

    def status(self) -> dict:
        return self.store.status()

    def close(self) -> None:
        pass  # the pool is the session's


def test_what_is_kept_gives_the_same_answers_as_asking_every_time(
    store: Store, client: httpx.Client, serve_app: Callable,
) -> None:
    paths = ["/issues", "/issues?q=talks&limit=3&offset=1", "/issues/four-party-talks",
             "/stances?offset=30&limit=40", f"/stances?holder={NK}", f"/actors/{US}/stances",
             f"/actors/{NK}", "/documents/sejong-2019-33", "/stances/sejong-2019-33/1"]
    with serve_app(create_app(Store(_Forward(store)))) as server:
        for path in paths:
            asked = httpx.get(server.url + path, timeout=30).json()
            assert _shape(asked) == _shape(client.get(path).json()), path


def test_select_iris_gives_iri_rows_fast_and_refuses_other_values(store: Store) -> None:
    query = f"""SELECT ?stance ?target WHERE {{
      VALUES ?stance {{ <{ID}stance/sejong-2019-33/1> <{ID}stance/sejong-2019-33/2> }}
      OPTIONAL {{ ?stance <https://w3id.org/stancegraph/ontology#towardActor> ?target }}
    }}"""
    rows = store.select_iris(query)
    assert rows == [(r["stance"], r["target"]) for r in store.select(query).rows]
    assert len(rows) == 2 and all(len(r) == 2 for r in rows)
    assert store.select_iris("SELECT ?x WHERE { FILTER(false) }") == []
    assert store.select_iris("SELECT ?x WHERE { OPTIONAL { ?x ?p ?o FILTER(false) } }") == [
        (None,)]
    with pytest.raises(QueryError, match="not an IRI"):
        store.select_iris('SELECT ?x WHERE { BIND("text" AS ?x) }')
