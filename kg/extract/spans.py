"""Mentions: the stretches of a sentence that name an actor, and the words that tell them apart
(pronouns, offices)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from .lexicon import lexicon

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
    "herself": "f", "it": "n", "its": "n", "itself": "n", "they": "p", "them": "p",
    "their": "p", "themselves": "p", "we": "1", "us": "1", "our": "1", "ourselves": "1",
    "i": "s", "me": "s", "my": "s", "myself": "s",
}
# People who speak for their state ("Dutch officials"): the state itself, as annotators read
# them.
FOR_THEIR_STATE = {"officials", "diplomats", "authorities", "governments", "negotiators",
                    "envoys", "representatives", "delegates", "delegations", "ministers",
                    "leaders"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "many", "some", "several",
                "most", "all", "both", "other", "another", "its", "their", "his", "her", "our"}
NOUN_POS = ("NOUN", "PROPN")


@dataclass(slots=True)
class Mention:
    """A stretch of a sentence that refers to an actor (or to several)."""

    sentence: int  # index of the Sentence
    i: int  # first token (in the sentence's doc)
    j: int  # one past the last token
    start: int  # document offsets
    end: int
    form: str  # name, capital, demonym, modifier, entity, role, body, state, pronoun, list
    actor: str | None = None  # resolved actor id
    members: tuple[str, ...] = ()  # the actors of a list or a group
    parts: tuple[int, ...] = ()  # a list's items: the head token of each
    office: str | None = None  # a role's office word ("ambassador")
    owner: str | None = None  # the state or body a role, body or description belongs to
    gender: str | None = None  # "m", "f", or for pronouns also "n", "p", "1", "s"
    definite: bool = True  # "the ambassador" (definite) or "a senior official"
    head: int = -1  # the head token
    text: str = ""

    def actors(self) -> tuple[str, ...]:
        if self.actor:
            return (self.actor,)
        return self.members if self.form != "surname" else ()


@dataclass
class SentenceMentions:
    """The mentions of one sentence, and which covers each token."""

    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)

    def add(self, m: Mention) -> Mention:
        self.mentions.append(m)
        for k in range(m.i, m.j):
            self.by_token[k] = m
        return m

    def at(self, token_i: int) -> Mention | None:
        return self.by_token.get(token_i)

    def free(self, i: int, j: int) -> bool:
        return all(k not in self.by_token for k in range(i, j))


@cache
def office_words() -> frozenset[str]:
    lx = lexicon()
    return lx.offices | lx.person_roles


def is_office(token: object) -> bool:
    """Whether a token is a word for an office or a role of a person."""
    return token.lower_ in office_words() or token.lemma_.lower() in office_words()


def compound_chain(t: object) -> list[int]:
    """A noun and the compound and flat modifiers before it ("President Moon Jae-in")."""
    out = [t.i]
    for c in t.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "punct"):
            out.extend(compound_chain(c))
    return out


def definite(t: object) -> bool:
    for c in t.lefts:
        if c.dep_ in ("poss",) or c.lower_ in ("the", "this", "that", "these", "those"):
            return True
        if c.lower_ in ("a", "an", "one", "some", "many", "several", "two", "three"):
            return False
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NUM":
        return False
    return t.text[:1].isupper()  # "Foreign Office Spokesperson"


def clean_name(text: str) -> str:
    text = text.replace("\u2019s", "").replace("'s", "")
    return " ".join(text.strip(" .,").split())


_QUANTIFIERS = {"most", "many", "some", "several", "all", "few", "majority", "number",
                "dozens", "scores", "half", "each", "one", "two", "three"}


def is_partitive(t: object) -> bool:
    """"Most of the speakers", "Several of the Philippines' allies": people named after a
    quantifier that is the clause's subject."""
    of = t.head
    return t.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in _QUANTIFIERS and \
        of.head.dep_ in ("nsubj", "nsubjpass")
