"""Named queries: the front-matter grammar, typed parameters, safe binding, and every shipped
query answering the analyst's questions over the bundled corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset

from stancegraph import resources
from stancegraph.kg.ids import ID, actor_iri
from stancegraph.kg.named_queries import (
    QueryFileError,
    QueryParameterError,
    UnknownQueryError,
    get_named_query,
    load_query_file,
    named_queries,
    parse_named_query,
    resolve_query,
    rows_to_csv,
)
from stancegraph.kg.store import Store

ACTOR = ID + "actor/"

EXAMPLE = """\
# title: Stances of an actor
# summary: Every stance the actor holds,
#   newest first.
# param: actor (iri actor, default north-korea) the holder
# param: since (date, optional) the first day
# param: limit (integer, default 10, min 1, max 50) the most rows
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
SELECT ?actor ?since ?s WHERE { ?s sg:holder ?actor } LIMIT 10
"""


# --- the front matter ------------------------------------------------------------------------


def test_front_matter_gives_title_summary_and_typed_parameters() -> None:
    q = parse_named_query(EXAMPLE, "example")
    assert q.title == "Stances of an actor"
    assert q.summary == "Every stance the actor holds, newest first."
    actor, since, limit = q.params
    assert (actor.name, actor.type, actor.namespace, actor.default) == (
        "actor", "iri", "actor", "north-korea")
    assert since.optional and not since.required and since.default is None
    assert (limit.minimum, limit.maximum, limit.default) == (1, 50, "10")
    assert q.describe()["params"][0]["namespace_iri"] == ACTOR


@pytest.mark.parametrize(
    ("front", "message"),
    [
        ("# titel: typo\n", "unknown front-matter key 'titel'"),
        ("# param: x (color) words\n", "unknown type 'color'"),
        ("# param: x (string, sometimes) words\n", "cannot read 'sometimes'"),
        ("# param: x (iri nowhere) words\n", "'nowhere' is not a namespace prefix"),
        ("# param: x string words\n", "cannot read parameter"),
        ("# param: x (integer, default many) words\n", "bad default"),
        ("# param: absent (string) words\n", r"has no \?absent in the query"),
        ("# param: offset (integer, default 0) words\n", "needs the query to end with LIMIT"),
        ("# param: x (string)\n# param: x (string)\n", "declared twice"),
    ],
)
def test_front_matter_mistakes_are_reported(front: str, message: str) -> None:
    with pytest.raises(QueryFileError, match=message):
        parse_named_query(front + "SELECT ?x WHERE { ?x ?p ?o }\n", "broken")


def test_a_plain_rq_file_needs_no_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "plain.rq"
    path.write_text("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1\n", encoding="utf-8")
    q = resolve_query(str(path))
    assert (q.name, q.title, q.params) == ("plain", "plain", ())


def test_unknown_names_and_files() -> None:
    with pytest.raises(UnknownQueryError, match="no named query 'nope' \\(known: .*states"):
        get_named_query("nope")
    with pytest.raises(UnknownQueryError, match="no such file"):
        load_query_file("/nonexistent/x.rq")


# --- parameter values ------------------------------------------------------------------------


def test_iri_parameters_accept_slugs_prefixed_names_and_iris() -> None:
    q = parse_named_query(EXAMPLE, "example")
    nk = str(actor_iri("north-korea"))
    for given in ("north-korea", "actor:north-korea", nk):
        bound = q.bind({"actor": given})
        assert str(bound.bindings["actor"]) == nk
        assert bound.values["actor"] == nk
    assert q.bind({}).values == {"actor": nk, "since": None, "limit": 10}


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("actor", "<http://x>", "not an IRI or a actor slug"),
        ("actor", "north korea", "not an IRI or a actor slug"),
        ("actor", "http://x/{y}", "not an IRI"),
        ("since", "2019-13-01", "not a date"),
        ("since", "2019-02-30", "not a date"),
        ("since", "20191213", "not a date"),
        ("limit", "ten", "not an integer"),
        ("limit", "1.5", "not an integer"),
        ("limit", "0", "below 1"),
        ("limit", "51", "above 50"),
        ("colour", "red", "unknown parameter 'colour'"),
    ],
)
def test_bad_values_are_refused_before_running(name: str, value: str, message: str) -> None:
    q = parse_named_query(EXAMPLE, "example")
    with pytest.raises(QueryParameterError, match=message):
        q.bind({name: value})


def test_value_types_bind_as_typed_literals() -> None:
    text = """\
# param: d (date) a day
# param: n (decimal) a number
# param: b (boolean) a flag
# param: s (string) text
# param: i (integer) a count
SELECT ?d ?n ?b ?s ?i WHERE { }
"""
    q = parse_named_query(text, "types")
    with pytest.raises(QueryParameterError, match="parameter d is required"):
        q.bind({})
    bound = q.bind({"d": "2019-12-13", "n": "0.75", "b": "yes", "s": "x", "i": "-3"})
    assert bound.values == {"d": "2019-12-13", "n": 0.75, "b": True, "s": "x", "i": -3}
    assert str(bound.bindings["d"].datatype).endswith("#date")
    assert str(bound.bindings["n"].datatype).endswith("#decimal")
    with pytest.raises(QueryParameterError, match="not a finite decimal"):
        q.bind({"d": "2019-12-13", "n": "NaN", "b": "no", "s": "", "i": "1"})


def test_limit_replaces_only_the_final_limit_clause() -> None:
    q = parse_named_query(EXAMPLE, "example")
    bound = q.bind({"limit": "7"})
    assert bound.text.rstrip().endswith("LIMIT 7")
    assert "limit" not in bound.bindings
    assert bound.text.count("LIMIT") == 1


CANDIDATES = """\
# param: limit (integer, default 10, min 1, max 50) the most rows
# param: offset (integer, default 0, min 0) rows to skip
PREFIX sg: <https://w3id.org/stancegraph/ontology#>
SELECT ?s ?n WHERE {
  { SELECT ?s WHERE { ?s sg:holder ?h } ORDER BY ?s LIMIT 10  # limit
  }
  { SELECT ?n WHERE { ?n sg:kind ?k } LIMIT 10 }
}
ORDER BY ?s
LIMIT 10 OFFSET 0
"""


def test_limit_also_sets_the_marked_sub_select_limit() -> None:
    q = parse_named_query(CANDIDATES, "candidates")
    text = q.bind({"limit": "7", "offset": "5"}).text
    # The candidates must reach past the skipped rows; the unmarked sub-select keeps its own.
    assert "LIMIT 12  # limit" in text
    assert "{ ?n sg:kind ?k } LIMIT 10 }" in text
    assert text.rstrip().endswith("LIMIT 7 OFFSET 5")
    assert "LIMIT 10  # limit" in q.bind({}).text


# --- safe binding, against a real store --------------------------------------------------------

TRICKY = ['say "hi"', "} UNION { ?s ?p ?o } #", "a\\\"b", "it's { braces }"]


@pytest.fixture(scope="module")
def tricky_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """Four labelled things whose labels are all SPARQL syntax."""
    path = tmp_path_factory.mktemp("tricky") / "kg.trig"
    lines = ["@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .", "<urn:g> {"]
    for i, label in enumerate(TRICKY):
        escaped = label.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'  <urn:thing:{i}> rdfs:label "{escaped}" .')
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store.from_files([path], workers=1) as store:
        yield store


LABEL_QUERY = """\
# title: Things by label
# param: label (string) the exact label
# param: limit (integer, default 100, min 1, max 1000) rows
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?thing ?label WHERE { ?thing rdfs:label ?label } LIMIT 100
"""


@pytest.mark.parametrize("label", TRICKY)
def test_values_with_quotes_and_braces_stay_values(tricky_store: Store, label: str) -> None:
    q = parse_named_query(LABEL_QUERY, "things")
    _, result = q.run(tricky_store, {"label": label})
    # Exactly the one thing with that label: nothing was injected, nothing broke the query.
    assert [r["label"] for r in result.rows] == [label]
    assert label not in q.bind({"label": label}).text


def test_an_injection_attempt_matches_nothing(tricky_store: Store) -> None:
    q = parse_named_query(LABEL_QUERY, "things")
    _, result = q.run(tricky_store, {"label": '" } UNION { ?thing ?p ?label } #'})
    assert result.rows == []


def test_csv_rendering_quotes_and_blanks() -> None:
    text = rows_to_csv(["a", "b"], [{"a": 'x, "y"', "b": None}, {"a": 1, "b": 2.5}])
    assert text == 'a,b\r\n"x, ""y""",\r\n1,2.5\r\n'


# --- the shipped queries over the bundled corpus ---------------------------------------------

SHIPPED = sorted(named_queries())


def test_at_least_twelve_documented_queries() -> None:
    assert len(SHIPPED) >= 12
    assert (resources.queries_dir() / "README.md").is_file()
    for name in SHIPPED:
        q = get_named_query(name)
        assert q.title != name and len(q.summary) > 30, name
        assert all(p.description for p in q.params), name


def rows(store: Store, name: str, **params: str) -> list[dict]:
    _, result = get_named_query(name).run(store, params)
    return result.rows


# Queries whose question the bundled corpus answers (the others may legitimately be empty).
ANSWERED = [
    "actor-position-on-issue", "actor-stances", "affiliated-officials", "author-recommendations",
    "document-evidence", "issues", "recommendations-by-author", "stance-evidence",
    "stance-kinds", "stances-on-issue", "stances-over-time", "states", "who-condemned",
    "who-opposes-whom", "mutual-opposition", "silent-actors",
]


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_query_runs_with_its_defaults(store: Store, name: str) -> None:
    found = rows(store, name)
    if name in ANSWERED:
        assert found, f"{name} found nothing in the bundled corpus"


def labels(found: list[dict], key: str) -> set[str]:
    return {r[key] for r in found if r.get(key)}


def test_which_states_appear(store: Store) -> None:
    states = labels(rows(store, "states", month="all"), "label")
    assert {"North Korea", "United States", "South Korea", "China"} <= states
    assert {"Japan", "Russia"} <= states


MONTHLY = ["issues", "stance-kinds", "states", "who-opposes-whom", "recommendations-by-author"]


@pytest.mark.parametrize("name", MONTHLY)
def test_rankings_count_the_documents_of_one_month(store: Store, name: str) -> None:
    # The bundled corpus has one document dated in December 2019 and three later ones.
    december = rows(store, name, month="2019-12")
    every = rows(store, name, month="all")
    assert december and len(every) >= len(december)
    assert all(r["month"] == "2019-12" for r in december)
    if "documents" in december[0]:
        assert {r["documents"] for r in december} == {1}
    assert rows(store, name, month="2019-11") == []
    # Counts over every document reach past that month's.
    total = next(k for k in ("stances", "recommendations", "documents") if k in december[0])
    assert sum(r[total] for r in every) > sum(r[total] for r in december)


@pytest.mark.parametrize("name", MONTHLY)
def test_rankings_default_to_the_latest_month(store: Store, name: str) -> None:
    # The bundled corpus's newest document is of June 2024; `latest` is worked out in the
    # query, and the month column shows the month it chose.
    default = rows(store, name)
    assert default and all(r["month"] == "2024-06" for r in default)
    assert rows(store, name, month="latest") == default == rows(store, name, month="2024-06")


# Every query whose `month` defaults to the latest month of the store.
LATEST_MONTH = [name for name, q in sorted(named_queries().items())
                if (p := q.param("month")) is not None and p.default == "latest"]


@pytest.fixture(scope="module")
def rdflib_dataset(kg_dir: Path) -> Dataset:
    dataset = Dataset(default_union=True)
    dataset.parse(kg_dir / "kg.trig", format="trig")
    return dataset


@pytest.mark.parametrize("name", LATEST_MONTH)
def test_latest_month_queries_are_plain_sparql(rdflib_dataset: Dataset, store: Store,
                                               name: str) -> None:
    # Other stores and endpoints take SPARQL 1.1 only: rdflib, which knows no extension (no
    # LATERAL), evaluates the query by the standard and finds the same rows and month.
    params = {}
    if name == "disagreements":  # a pair the latest month has, whoever they are
        pair = rows(store, "issue-disagreements")[0]
        params = {"a": pair["for"].rsplit("/", 1)[-1], "b": pair["against"].rsplit("/", 1)[-1]}
    bound = get_named_query(name).bind(params)
    theirs = [row.asdict() for row in rdflib_dataset.query(bound.text,
                                                           initBindings=bound.bindings)]
    ours = rows(store, name, **params)
    assert ours and len(theirs) == len(ours)
    first = next(iter(ours[0]))
    assert sorted((str(r[first]), str(r["month"])) for r in theirs) == sorted(
        (str(r[first]), r["month"]) for r in ours)
    assert {r["month"] for r in ours} == {"2024-06"}


def test_an_optional_default_names_what_the_query_works_out() -> None:
    q = parse_named_query("# param: month (string, default latest, optional) m\n"
                          "SELECT ?month WHERE { }", "q")
    for given in ({}, {"month": "latest"}):
        bound = q.bind(given)
        assert bound.bindings == {} and bound.values == {"month": "latest"}
    assert str(q.bind({"month": "2024-06"}).bindings["month"]) == "2024-06"


def dated_store(folder: Path, dates: dict[str, str]) -> Store:
    """A store of one stance per document, each document dated by a literal in Turtle."""
    graphs = []
    for name, date_literal in dates.items():
        graphs.append(
            f"<{ID}graph/document/{name}> {{\n"
            f"  <{ID}doc/{name}> a sg:Document ; dcterms:date {date_literal} .\n"
            f"  <{ID}stance/{name}-1> a sg:Stance ; sg:holder <{ID}actor/china> ;\n"
            f"    sg:kind <{ID}kind/condemn> .\n}}")
    trig = folder / "dated.trig"
    trig.write_text("@prefix sg: <https://w3id.org/stancegraph/ontology#> .\n"
                    "@prefix dcterms: <http://purl.org/dc/terms/> .\n"
                    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n" + "\n".join(graphs))
    return Store.from_files([trig], workers=1)


@pytest.mark.parametrize(("dates", "newest"), [
    # A date given only as its month counts, and compares with full dates by month.
    ({"a": '"2024-06-15"^^xsd:date', "b": '"2024-07"', "c": '"2023-12-01"^^xsd:date'}, "2024-07"),
    ({"a": '"2024-06"', "b": '"2024-08-02"^^xsd:date', "c": '"2024-07-31"^^xsd:date'}, "2024-08"),
])
def test_latest_is_the_newest_month_with_documents(tmp_path: Path, dates: dict[str, str],
                                                   newest: str) -> None:
    with dated_store(tmp_path, dates) as store:
        (latest,) = rows(store, "stance-kinds")
        assert latest["month"] == newest and latest["documents"] == 1
        assert rows(store, "stance-kinds", month="latest") == [latest]
        (every,) = rows(store, "stance-kinds", month="all")
        assert every["documents"] == 3 and every["month"] == "all"


def test_mutual_opposition_of_a_month_is_within_its_documents(store: Store) -> None:
    every = rows(store, "mutual-opposition", month="all")
    assert every and all(r["aTowardB"] >= 1 and r["bTowardA"] >= 1 for r in every)
    assert rows(store, "mutual-opposition", month="2019-11") == []
    for r in rows(store, "mutual-opposition", month="2019-12"):
        match = next(e for e in every if (e["a"], e["b"]) == (r["a"], r["b"]))
        assert r["aTowardB"] <= match["aTowardB"] and r["bTowardA"] <= match["bTowardA"]


def test_silent_actors_hold_no_stance_in_those_documents(store: Store) -> None:
    silent = {r["actor"] for r in rows(store, "silent-actors", month="all", limit="10000")}
    holders = {r["holder"] for r in rows(store, "who-opposes-whom", month="all", limit="10000")}
    assert silent and not silent & holders
    assert str(actor_iri("north-korea")) not in silent
    # Silent in one month is silent in its documents only: some speak in others.
    december = rows(store, "silent-actors", month="2019-12")
    assert {r["documents"] for r in december} == {1}
    assert {r["actor"] for r in december} - silent
    assert rows(store, "silent-actors", month="2019-11") == []


def test_issues_of_a_month_are_counted_from_its_stances(store: Store) -> None:
    found = {r["issue"]: r for r in rows(store, "issues", month="2019-12")}
    talks = found[ID + "issue/four-party-talks"]
    assert talks["documents"] == 1 and talks["stances"] >= 1
    stances = rows(store, "stances-on-issue", issue="four-party talks", limit="10000")
    assert talks["stances"] == len({r["stance"] for r in stances})


def test_who_condemned_the_united_states_and_on_behalf_of_whom(store: Store) -> None:
    found = rows(store, "who-condemned", target="united-states")
    nk = [r for r in found if r["holder"] == str(actor_iri("north-korea"))]
    assert nk, "North Korea's condemnation of the US is missing"
    assert all("North Korea" in r["onBehalfOf"] for r in nk)
    # A stance of North Korea's foreign ministry is made on behalf of North Korea too.
    mfa = rows(store, "who-condemned", target="united-states", kind="criticize")
    assert any(r["holderLabel"] == "Ministry of Foreign Affairs of North Korea"
               and "North Korea" in r["onBehalfOf"].split(", ") for r in mfa)


def test_what_cheong_seong_chang_recommended_and_to_whom(store: Store) -> None:
    found = rows(store, "author-recommendations", author="cheong-seong-chang")
    recommended = [r for r in found if r["kind"] == "recommend"]
    assert {"North Korea", "South Korea", "United States"} <= labels(recommended,
                                                                     "addresseeLabel")
    issues = " ".join(r["issueLabel"] or "" for r in recommended).lower()
    assert "four-party talks" in issues and "dialogue" in issues


def test_officials_affiliated_with_the_united_states(store: Store) -> None:
    officials = labels(rows(store, "affiliated-officials", actor="united-states"), "label")
    assert {"Kelly Craft", "Stephen Biegun"} <= officials
    assert "Kim Jong-un" not in officials


def test_the_united_states_is_reluctant_on_further_sanctions(store: Store) -> None:
    found = rows(store, "actor-position-on-issue", actor="united-states", issue="sanction")
    reluctant = [r for r in found if r["kind"] == "reluctant"]
    assert reluctant
    assert "reluctant at the idea of levying further sanctions" in reluctant[0]["quote"]


def test_stances_concerning_the_four_party_talks(store: Store) -> None:
    found = rows(store, "stances-on-issue", issue="four-party talks")
    recommend = [r for r in found if r["kind"] == "recommend"]
    assert {"South Korea", "United States"} <= labels(recommend, "targetLabel")
    assert labels(recommend, "holderLabel") == {"Cheong Seong-chang"}


def test_issue_words_match_registry_labels_or_name_a_new_issue(store: Store) -> None:
    # Registry issues: any issue whose label contains the words, in any case.
    found = rows(store, "stances-on-issue", issue="SANCTION", limit="10000")
    assert {r["issueConcept"] for r in found} >= {ID + "issue/sanctions"}
    # An issue new to the registry (described in the documents) by its exact name only: its
    # labels are not searched, as there are tens of thousands of them in a large store.
    new = ID + "issue/one-way-demand"
    named = rows(store, "stances-on-issue", issue="One-way demand")
    assert named and {r["issueConcept"] for r in named} == {new}
    assert named[0]["issueLabel"] == "one-way demand"
    assert new not in {r["issueConcept"] for r in rows(store, "stances-on-issue", issue="one-way")}


def test_evidence_quotes_are_exact_spans_of_the_original_files(store: Store) -> None:
    texts = {p.stem: p.read_text(encoding="utf-8-sig") for p in resources.corpus_files()}
    checked = 0
    for doc_id, text in texts.items():
        for r in rows(store, "document-evidence", document=doc_id, limit="10000"):
            assert text[r["start"]:r["end"]] == r["quote"], r["stance"]
            checked += 1
    assert checked >= 20


def test_stance_evidence_of_one_stance(store: Store) -> None:
    (first,) = rows(store, "document-evidence", document="sejong-2019-33", limit="1")
    (evidence,) = rows(store, "stance-evidence", stance=first["stance"])
    assert (evidence["start"], evidence["end"], evidence["quote"]) == (
        first["start"], first["end"], first["quote"])
    assert evidence["prefix"] is not None and evidence["suffix"] is not None


def test_where_the_united_states_and_china_disagree(store: Store) -> None:
    found = rows(store, "disagreements", a="united-states", b="china", month="all")
    assert found
    for r in found:  # one side for, the other against
        assert r["aKinds"] and r["bKinds"]
    december = rows(store, "disagreements", a="united-states", b="china")
    assert {r["issue"] for r in december} <= {r["issue"] for r in found}
    assert rows(store, "disagreements", a="united-states", b="china", month="2019-11") == []


def test_stances_over_time_respects_the_date_range(store: Store) -> None:
    every = rows(store, "stances-over-time")
    assert "2019-12" in labels(every, "month")
    later = rows(store, "stances-over-time", **{"from": "2020-01-01"})
    assert later and all(r["month"] >= "2020-01" for r in later)
    assert labels(every, "holder") == {str(actor_iri("north-korea"))}  # the default
    one = rows(store, "stances-over-time", holder="united-states")
    assert labels(one, "holder") == {str(actor_iri("united-states"))}
    assert labels(one, "holderLabel") == {"United States"}
    # Each month's count is the holder's stances dated in it (a stance's date is its
    # document's).
    held = rows(store, "actor-stances", actor="united-states", limit="10000")
    for r in one:
        assert r["stances"] == sum(1 for h in held if (h["date"] or "")[:7] == r["month"])


def test_issue_disagreements_pair_at_most_a_hundred_positions_a_side(tmp_path: Path) -> None:
    # 120 actors for an issue and 120 against it: 14,400 pairs if every one were paired.
    lines = ["@prefix sg: <https://w3id.org/stancegraph/ontology#> .",
             "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
             "@prefix dcterms: <http://purl.org/dc/terms/> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
             f"<{ID}graph/document/d> {{",
             f'  <{ID}document/d> a sg:Document ; dcterms:date "2024-01-05"^^xsd:date .',
             f'  <{ID}issue/tariffs> skos:prefLabel "Tariffs"@en .']
    for side, kind in (("pro", "support"), ("con", "oppose")):
        for i in range(120):
            stance = f"<{ID}stance/d/{side}{i}>"
            lines.append(f"  {stance} sg:holder <{ACTOR}{side}{i}> ; sg:kind <{ID}kind/{kind}> ;"
                         f" sg:onIssue <{ID}issue/tariffs> .")
    lines.append("}")
    path = tmp_path / "kg.trig"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    kinds = resources.ontology_dir() / "kinds.ttl"
    with Store.from_files([path, kinds], workers=1) as store:
        for month in ("2024-01", "all"):
            # An issue new to the registry is named by its words: its IRI is their slug.
            _, result = get_named_query("issue-disagreements").run(
                store, {"issue": "Tariffs", "month": month, "limit": "10000"})
            assert len(result.rows) == 100 * 100
            assert len({r["for"] for r in result.rows}) == 100
            assert len({r["against"] for r in result.rows}) == 100
            assert {r["issueLabel"] for r in result.rows} == {"Tariffs"}
        _, result = get_named_query("issue-disagreements").run(
            store, {"issue": "tariffs", "month": "2024-02"})
        assert result.rows == []
