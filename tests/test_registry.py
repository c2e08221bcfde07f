"""The actor registry: entries from the ontology files, lookups, and one parse per process."""

from __future__ import annotations

from pathlib import Path

from stancegraph.kg.registry import Registry
from stancegraph.resources import ontology_files

FIXTURE = Path(__file__).parent / "fixtures" / "registry" / "states-sample.ttl"


def test_default_registry_has_states_and_non_state_actors() -> None:
    reg = Registry.default()
    nk = reg.get("north-korea")
    assert nk is not None and nk.type == "State"
    assert "Pyongyang" in nk.capitals and "North Korean" in nk.demonyms
    assert nk.wikidata == "Q423"
    assert reg.get("un-security-council").affiliations == ["united-nations"]
    assert reg.get("kim-jong-un").type == "Official"
    assert reg.get("kim-jong-un").affiliations == ["north-korea"]
    assert reg.get("korean-central-news-agency").news_media
    assert not reg.get("international-atomic-energy-agency").news_media


def test_lookup_by_alias_capital_and_demonym() -> None:
    reg = Registry.default()
    assert [e.id for e in reg.lookup("IAEA")] == ["international-atomic-energy-agency"]
    assert reg.by_capital["Seoul"] == "south-korea"
    assert reg.by_demonym["Japanese"] == "japan"
    assert reg.lookup("no such actor") == []


def test_registry_is_parsed_once_per_process() -> None:
    assert Registry.default() is Registry.default()
    assert Registry.load(ontology_files()) is Registry.default()


def test_load_reads_only_the_given_files() -> None:
    reg = Registry.load([FIXTURE])
    assert reg.get("japan").capitals == ["Tokyo"]
    assert reg.get("kim-jong-un") is None
    assert all(e.type == "State" for e in reg.entries.values())


def test_every_registry_actor_has_a_label_and_known_type() -> None:
    for e in Registry.default().entries.values():
        assert e.label and e.type in ("State", "Institution", "Official", "Person")
        for a in e.affiliations:
            assert a in Registry.default(), (e.id, a)
