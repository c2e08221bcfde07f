"""Find registry names in text: labels, aliases, capitals and demonyms, longest match first.

Names are matched token by token (case-sensitive, so the pronoun "us" is not the "US"), with
typographic apostrophes folded and dotted variants of short acronyms ("US" / "U.S.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .registry import Registry

TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|\w+|[^\w\s]")


class NameHit(NamedTuple):
    start: int
    end: int
    actor: str
    form: str  # "name", "capital" or "demonym"


def norm_token(tok: str) -> str:
    return tok.replace("\u2019", "'").replace("\u2018", "'")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, token) triples of text[start:end] (offsets into `text`)."""
    stop = len(text) if end is None else end
    # only one-character tokens can be typographic apostrophes
    return [(m.start(), m.end(), m.group() if m.end() - m.start() > 1 else norm_token(m.group()))
            for m in TOKEN.finditer(text, start, stop)]


def _variants(name: str) -> list[str]:
    out = [name]
    if re.fullmatch(r"[A-Z]{2,3}", name):
        out.append(".".join(name) + ".")
    if name.startswith("the ") or name.startswith("The "):
        out.append(name[4:])
    if ", " in name:  # "Washington, D.C." is also "Washington"
        out.append(name.split(", ")[0])
    return out


class Gazetteer:
    """A token trie over a registry's names."""

    def __init__(self, registry: Registry) -> None:
        self._index: dict[str, list[tuple[list[str], str, str]]] = {}
        forms: dict[tuple[str, ...], tuple[str, str]] = {}
        for entry in registry.entries.values():
            named = [(n, "name") for n in entry.names()]
            named += [(c, "capital") for c in entry.capitals]
            named += [(d, "demonym") for d in entry.demonyms]
            for name, form in named:
                for variant in _variants(name):
                    key = tuple(t for _, _, t in tokens(variant))
                    if not key or (len(key) == 1 and len(key[0]) < 2):
                        continue
                    # A name keeps its first owner; a state's own name wins over an alias.
                    if key in forms and not (form == "name" and forms[key][1] != "name"):
                        continue
                    forms[key] = (entry.id, form)
        for key, (actor, form) in forms.items():
            self._index.setdefault(key[0], []).append((list(key), actor, form))
        for cands in self._index.values():
            cands.sort(key=lambda c: -len(c[0]))
        # the second tokens a first token's names go on with (most first words end no name)
        self._seconds: dict[str, frozenset[str]] = {
            first: frozenset(k[1] for k, _, _ in cands if len(k) > 1)
            for first, cands in self._index.items()}
        self._single = {first for first, cands in self._index.items()
                        if any(len(k) == 1 for k, _, _ in cands)}

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[NameHit]:
        stop = len(text) if end is None else end
        spans = list(TOKEN.finditer(text, start, stop))  # one scan: the pattern is the cost
        words = [m.group() for m in spans]
        if "\u2019" in text or "\u2018" in text:
            # apostrophes are one-character tokens
            words = [w if len(w) > 1 else norm_token(w) for w in words]
        index, seconds, single = self._index, self._seconds, self._single
        last = len(words) - 1
        firsts = [i for i, w in enumerate(words) if w in index and (
            w in single or i < last and words[i + 1] in seconds[w])]
        if not firsts:
            return
        nxt = 0
        for i in firsts:
            if i < nxt:
                continue
            for key, actor, form in index[words[i]]:
                n = len(key)
                if words[i:i + n] == key:
                    a, b = spans[i].start(), spans[i + n - 1].end()
                    # tokens must be adjacent as in the name (no line breaks inside a name)
                    if "\n" in text[a:b]:
                        continue
                    nxt = i + n
                    yield NameHit(a, b, actor, form)
                    break

    _cache: dict[int, Gazetteer] = {}

    @classmethod
    def of(cls, registry: Registry) -> Gazetteer:
        g = cls._cache.get(id(registry))
        if g is None or g._registry is not registry:
            g = cls(registry)
            g._registry = registry
            cls._cache[id(registry)] = g
        return g

    _registry: Registry | None = None
