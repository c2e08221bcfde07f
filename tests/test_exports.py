"""Exports for analysts' tools, over the live server and the command line: every REST list as
CSV and JSON Lines matching its JSON, and the actor network as GraphML, GEXF and node-link
JSON that networkx reads back with the expected nodes and edge weights."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
import networkx as nx
import pyoxigraph as ox
import pytest

from stancegraph.kg.ids import PREFIXES

NK = "north-korea"


def first_holder(client: httpx.Client) -> str:
    return client.get("/stances", params={"limit": 1}).json()["items"][0]["holder"]["id"]


def cell(value: Any) -> str:
    """What a CSV cell holds for a JSON value."""
    return "" if value is None else str(value)


REFS = {"document", "holder", "target", "issue", "attributed_by", "author", "publisher"}


def expected_row(item: dict[str, Any]) -> dict[str, str]:
    """A JSON item as the CSV row documented in api/tables.py: a reference (to a document,
    actor or issue: present or not) as its id and label, a list as its entries joined with
    '; '."""
    row: dict[str, str] = {}
    for key, value in item.items():
        if key in REFS:
            row[key], row[f"{key}_label"] = ((cell(value["id"]), cell(value["label"]))
                                             if value else ("", ""))
        elif isinstance(value, list):
            row[key] = "; ".join(map(str, value))
        else:
            row[key] = cell(value)
    return row


def list_routes(client: httpx.Client) -> list[tuple[str, dict[str, Any], str | None]]:
    """(path, params, the JSON field holding the list or None for a bare list)."""
    return [
        ("/actors", {}, None),
        ("/actors", {"type": "State"}, None),
        ("/stances", {"limit": 1000}, "items"),
        ("/stances", {"holder": first_holder(client), "limit": 1000}, "items"),
        ("/issues", {}, "items"),
        ("/documents", {}, "items"),
    ]


def test_every_list_as_csv_matches_its_json(client: httpx.Client) -> None:
    for path, params, field in list_routes(client):
        body = client.get(path, params=params).json()
        items = body if field is None else body[field]
        assert items, path
        for how in ({"headers": {"Accept": "text/csv"}}, {"params": {"format": "csv"}}):
            r = client.get(path, params={**params, **how.get("params", {})},
                           headers=how.get("headers"))
            assert r.status_code == 200, (path, r.text[:300])
            assert r.headers["content-type"] == "text/csv; charset=utf-8"
            assert r.headers["x-total-count"] == str(len(items) if field is None
                                                     else body["total"])
            rows = list(csv.DictReader(io.StringIO(r.text)))
            assert rows == [expected_row(i) for i in items], path


def test_every_list_as_json_lines_matches_its_json(client: httpx.Client) -> None:
    for path, params, field in list_routes(client):
        body = client.get(path, params=params).json()
        items = body if field is None else body[field]
        for accept in ("application/jsonl", "application/x-ndjson"):
            r = client.get(path, params=params, headers={"Accept": accept})
            assert r.status_code == 200 and r.headers["content-type"] == accept
            lines = r.text.splitlines()
            assert [json.loads(line) for line in lines] == items, path


def test_an_actors_stances_as_one_table_with_their_role(client: httpx.Client) -> None:
    body = client.get(f"/actors/{NK}/stances").json()
    r = client.get(f"/actors/{NK}/stances", headers={"Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    expected = [{"role": role, **expected_row(s)} for role in ("held", "on_behalf_of", "toward")
                for s in body[role]]
    assert rows == expected and rows
    lines = client.get(f"/actors/{NK}/stances", params={"format": "jsonl"}).text.splitlines()
    assert [json.loads(x) for x in lines] == [
        {"role": role, **s} for role in ("held", "on_behalf_of", "toward") for s in body[role]]


def test_an_empty_list_has_its_header(client: httpx.Client) -> None:
    r = client.get("/actors", params={"q": "no actor is called this", "format": "csv"})
    assert r.text.splitlines() == ["id,iri,label,type,types,aliases"]
    r = client.get("/stances", params={"holder": "no-such-actor"},
                   headers={"Accept": "text/csv"})
    assert r.text.splitlines()[0].startswith("id,iri,document,document_label,holder,")
    assert r.headers["x-total-count"] == "0"


def test_named_query_rows_as_json_lines(client: httpx.Client) -> None:
    rows = client.get("/queries/states", params={"month": "all"}).json()["rows"]
    r = client.get("/queries/states", params={"month": "all"},
                   headers={"Accept": "application/jsonl"})
    assert rows and [json.loads(x) for x in r.text.splitlines()] == rows


def test_lists_refuse_what_the_client_cannot_take(client: httpx.Client) -> None:
    for path in ("/actors", "/stances", "/issues", "/documents", f"/actors/{NK}/stances",
                 "/network"):
        r = client.get(path, headers={"Accept": "image/png"})
        assert r.status_code == 406 and "detail" in r.json(), path
    assert client.get("/stances", params={"format": "xlsx"}).status_code == 422


# --- the actor network -------------------------------------------------------------------------


def expected_edges(kg_dir: Path, where: str = "") -> Counter[tuple[str, str, str]]:
    """Stances aimed at an actor, counted by holder, target and coarse kind, straight from the
    dump file."""
    store = ox.Store()
    store.load(path=str(kg_dir / "kg.nq"), format=ox.RdfFormat.N_QUADS)
    found: Counter[tuple[str, str, str]] = Counter()
    for row in store.query(f"""
        SELECT DISTINCT ?s ?h ?t ?c WHERE {{
          ?s sg:holder ?h ; sg:towardActor ?t ; sg:kind/skos:broader ?c . {where} }}""",
                           prefixes=PREFIXES, use_default_graph_as_union=True):
        found[tuple(x.value.rsplit("/", 1)[-1] for x in (row["h"], row["t"], row["c"]))] += 1
    return found


def weights(graph: nx.DiGraph) -> Counter[tuple[str, str, str]]:
    """Edge weights by holder, target and coarse kind (read_gexf gives a DiGraph when no two
    edges join the same actors, so the kind is read from the edge, not its key)."""
    return Counter({(h, t, d["kind"]): int(d["weight"]) for h, t, d in graph.edges(data=True)})


def read(fmt: str, data: bytes) -> nx.DiGraph:
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    if fmt == "gexf":
        return nx.read_gexf(io.BytesIO(data))
    return nx.node_link_graph(json.loads(data), edges="edges")


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_network_loads_in_networkx_with_its_nodes_and_weights(
        client: httpx.Client, kg_dir: Path, fmt: str) -> None:
    expected = expected_edges(kg_dir)
    assert expected
    r = client.get("/network", params={"format": fmt})
    assert r.status_code == 200
    graph = read(fmt, r.content)
    assert weights(graph) == expected
    assert set(graph.nodes) == {a for h, t, _ in expected for a in (h, t)}
    nk = graph.nodes[NK]
    assert nk["label"] == "North Korea" and nk["type"] == "State"


def test_network_by_accept_and_filtered(client: httpx.Client, kg_dir: Path) -> None:
    for accept, root in (("application/graphml+xml", b"<graphml"),
                         ("application/gexf+xml", b"<gexf")):
        r = client.get("/network", headers={"Accept": accept})
        assert r.headers["content-type"] == accept and root in r.content
    month = client.get("/documents").json()["items"][0]["date"][:7]
    r = client.get("/network", params={"coarse_kind": "disapprove", "month": month})
    graph = nx.node_link_graph(r.json(), edges="edges")
    assert graph.graph["coarse_kind"] == "disapprove" and graph.graph["month"] == month
    assert weights(graph) == expected_edges(kg_dir, f"""
        FILTER(STRENDS(STR(?c), "/kind-class/disapprove"))
        ?s sg:date ?d . FILTER(STRSTARTS(STR(?d), "{month}"))""")
    issue = client.get("/issues").json()["items"][0]["id"]
    graph = nx.node_link_graph(client.get("/network", params={"issue": issue}).json(),
                               edges="edges")
    assert weights(graph) == expected_edges(kg_dir, f"?s sg:onIssue issue:{issue} .")
    assert client.get("/network", params={"month": "2019-13"}).status_code == 422
    assert client.get("/network", params={"kind": "scold"}).status_code == 422


def test_network_command_writes_a_file_gephi_reads(kg_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "actors.gexf"
    r = subprocess.run([sys.executable, "-P", "-m", "stancegraph", "network", "--kg",
                        str(kg_dir), "--format", "gexf", "--coarse-kind", "disapprove",
                        "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    graph = nx.read_gexf(out)
    expected = expected_edges(kg_dir, 'FILTER(STRENDS(STR(?c), "/kind-class/disapprove"))')
    assert weights(graph) == expected and expected
    bad = subprocess.run([sys.executable, "-P", "-m", "stancegraph", "network", "--kg",
                          str(kg_dir), "--month", "December"], capture_output=True, text=True,
                         timeout=300)
    assert bad.returncode == 2 and "not a month" in bad.stderr and bad.stdout == ""
