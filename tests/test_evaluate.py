"""The scorer: matching rules of the development set."""

from __future__ import annotations

import json
from pathlib import Path

from stancegraph import resources
from stancegraph.kg.evaluate import GoldActors, score

GOLD = Path(__file__).parent / "fixtures" / "gold"


def _gold(name: str) -> dict:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def _as_prediction(gold: dict) -> dict:
    return {"stances": [
        {**s, "holder": {"label": s["holder"]},
         "target_actor": {"label": s["target_actor"]} if s["target_actor"] else None}
        for s in gold["stances"]]}


def test_each_gold_file_scores_perfectly_against_itself() -> None:
    for path in sorted(GOLD.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        name = gold["doc"] + ".txt"
        text = (resources.corpus_dir() / name).read_text(encoding="utf-8")
        s = score(gold, _as_prediction(gold), text)
        assert (s.f1, s.f1_with_kind, s.target_accuracy) == (1.0, 1.0, 1.0), path.name


TEXT = "Tokyo condemned the launch. Seoul urged calm and restraint from all parties."
ACTORS = [
    {"label": "Japan", "aliases": ["Tokyo", "Japanese"]},
    {"label": "South Korea", "aliases": ["Seoul", "ROK"]},
    {"label": "North Korea", "aliases": []},
]


def test_holders_resolve_through_aliases_and_spans_need_half_overlap() -> None:
    gold = {"actors": ACTORS, "stances": [
        {"holder": "Japan", "kind": "condemn", "target_actor": "North Korea",
         "quote": "Tokyo condemned the launch."},
        {"holder": "South Korea", "kind": "urge", "target_actor": None,
         "quote": "Seoul urged calm and restraint from all parties."},
    ]}
    pred = {"stances": [
        {"holder": {"label": "the Japanese"}, "kind": "criticize",
         "target_actor": {"label": "North Korea"}, "start": 0, "end": 15},
        {"holder": {"label": "ROK"}, "kind": "urge", "target_actor": None,
         "quote": "Seoul urged"},  # 11 of 49 chars but it is the shorter span: full overlap
        {"holder": {"label": "North Korea"}, "kind": "warn", "target_actor": None,
         "quote": "the launch"},
    ]}
    s = score(gold, pred, TEXT)
    assert (s.gold, s.predicted, s.matched) == (2, 3, 2)
    assert s.kind_matched == 2  # criticize and condemn share the coarse class
    assert s.target_accuracy == 1.0
    assert s.spurious == ["the launch"]


def test_equal_overlap_prefers_the_pairing_whose_target_agrees() -> None:
    quote = "Seoul urged calm and restraint from all parties."
    gold = {"actors": ACTORS, "stances": [
        {"holder": "South Korea", "kind": "urge", "target_actor": "Japan", "quote": quote},
        {"holder": "South Korea", "kind": "urge", "target_actor": "North Korea", "quote": quote},
    ]}
    pred = {"stances": [
        {"holder": {"label": "Seoul"}, "kind": "urge",
         "target_actor": {"label": t}, "quote": quote} for t in ("North Korea", "Japan")]}
    s = score(gold, pred, TEXT)
    assert (s.matched, s.target_matched) == (2, 2)


def test_longer_forms_of_one_name_resolve() -> None:
    actors = GoldActors([{"label": "Kelly Craft", "aliases": []},
                         {"label": "United States", "aliases": ["US"]}])
    assert actors.resolve("US Ambassador Kelly Craft") == "Kelly Craft"
    assert actors.resolve("The U.S.") == "United States" or actors.resolve("the US") == (
        "United States")
