"""The domain knowledge extraction relies on, read from the data files beside this module:
`cues.toml` (words that take a position, and the kind each signals) and `roles.toml` (offices,
bodies, descriptions, groups, places, name order)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

DATA = Path(__file__).with_name("data")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]  # lemma -> kind: the subject holds it
    speech: dict[str, str]  # reporting verb lemma -> kind when the content says no more
    phrasal: dict[tuple[str, str], str]  # (verb lemma, particle) -> kind
    nouns: dict[str, str]  # position nouns
    light_verbs: frozenset[str]  # verbs that carry a position noun
    adjectives: dict[str, str]  # predicative adjectives said of the holder
    content: dict[str, tuple[tuple[str, ...], ...]]  # kind -> phrases (lemma tuples)
    negation: frozenset[str]
    conditional: frozenset[str]
    null_verbs: frozenset[str]
    null_objects: frozenset[str]
    offices: frozenset[str]
    person_roles: frozenset[str]
    honorifics: frozenset[str]
    female: frozenset[str]
    male: frozenset[str]
    body_heads: frozenset[str]
    departments: dict[str, str]
    foreign_ministry: frozenset[str]
    state_descriptions: frozenset[str]
    body_descriptions: frozenset[str]
    person_descriptions: frozenset[str]
    group_words: frozenset[str]
    group_numbers: dict[str, int]
    people: frozenset[str]
    place_before: frozenset[str]
    family_first: frozenset[str]
    particles: frozenset[str]
    calendar: frozenset[str]

    @cached_property
    def cue_words(self) -> frozenset[str]:
        """Every lower-case word form that can open a stance (lemmas and their common
        inflections), for choosing the sentences worth parsing."""
        words: set[str] = set()
        for lemma in (*self.verbs, *self.speech, *(v for v, _ in self.phrasal)):
            words.update(_inflections(lemma))
        for lemma in (*self.nouns, *self.adjectives):
            words.update((lemma, lemma + "s"))
        for phrases in self.content.values():
            for phrase in phrases:
                words.update(_inflections(phrase[0]))
        return frozenset(words)

    @cached_property
    def capitalised_words(self) -> frozenset[str]:
        """Lower-cased words written with a capital that name no one: offices, titles,
        honorifics, days and months."""
        return self.offices | self.person_roles | self.honorifics | self.calendar


def _inflections(lemma: str) -> set[str]:
    out = {lemma, lemma + "s", lemma + "ed", lemma + "ing", lemma + "es", lemma + "d"}
    if lemma.endswith("e"):
        out |= {lemma[:-1] + "ing", lemma + "d"}
    if lemma.endswith("y"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    out |= _IRREGULAR.get(lemma, set())
    return out


_IRREGULAR = {"say": {"said"}, "tell": {"told"}, "write": {"wrote", "written"},
              "find": {"found"}, "think": {"thought"}, "hold": {"held"}, "make": {"made"},
              "give": {"gave", "given"}, "take": {"took", "taken"}, "seek": {"sought"},
              "throw": {"threw", "thrown"}, "strike": {"struck"}, "stand": {"stood"},
              "speak": {"spoke", "spoken"}, "come": {"came"}, "hit": {"hit"},
              "put": {"put"}, "lead": {"led"}, "send": {"sent"}, "bring": {"brought"},
              "show": {"shown"}, "forecast": {"forecast"}, "set": {"set"},
              "tear": {"tore", "torn"}, "draw": {"drew", "drawn"}, "reach": {"reached"}}


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(v.lower() for v in values)


@cache
def lexicon() -> Lexicon:
    """The lexicon of the data files, read once per process."""
    cues = tomllib.loads((DATA / "cues.toml").read_text(encoding="utf-8"))
    roles = tomllib.loads((DATA / "roles.toml").read_text(encoding="utf-8"))
    phrasal = {}
    for phrase, kind in cues["phrasal"].items():
        verb, particle = phrase.split()
        phrasal[(verb, particle)] = kind
    content = {kind: tuple(tuple(p.lower().split()) for p in phrases)
               for kind, phrases in cues["content"].items()}
    modality = cues["modality"]
    offices, bodies, desc = roles["offices"], roles["bodies"], roles["descriptions"]
    return Lexicon(
        verbs=dict(cues["verbs"]), speech=dict(cues["speech"]), phrasal=phrasal,
        nouns=dict(cues["nouns"]), light_verbs=frozenset(cues["light_verbs"]),
        adjectives=dict(cues["adjectives"]), content=content,
        negation=_words(modality["negation"]), conditional=_words(modality["conditional"]),
        null_verbs=_words(modality["null_verbs"]), null_objects=_words(modality["null_objects"]),
        offices=_words(offices["words"]), person_roles=_words(offices["persons"]),
        honorifics=_words(offices["honorifics"]), female=_words(offices["female"]),
        male=_words(offices["male"]), body_heads=_words(bodies["heads"]),
        departments={k.lower(): v for k, v in bodies["departments"].items()},
        foreign_ministry=_words(bodies["foreign_ministry"]["names"]),
        state_descriptions=_words(desc["state"]), body_descriptions=_words(desc["body"]),
        person_descriptions=_words(desc["person"]), group_words=_words(roles["groups"]["words"]),
        group_numbers=dict(roles["groups"]["numbers"]),
        people=_words(roles["groups"]["people"]["words"]),
        place_before=_words(roles["places"]["before"]),
        family_first=_words(roles["names"]["family_first"]),
        particles=_words(roles["names"]["particles"]),
        calendar=_words(roles["names"]["calendar"]),
    )
