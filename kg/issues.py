"""The issue scheme (`sg:Issues` in ontology/issues.ttl) and matching evidence to its concepts.

Wordings are compared after folding case, hyphens and plural endings, so "sanctions
resolution", "sanction resolutions" and "Sanctions-resolution" are one wording. Evidence that
matches no concept gets a new, out-of-scheme issue labelled by a short noun phrase of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from .ids import ID, SG, slugify
from .records import IssueRef
from .registry import ontology_graph

_WORD = re.compile(r"[a-z0-9]+")
_STOP_START = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "any",
               "every", "all", "to", "of", "on", "further", "new", "more", "both"}
# A phrase opening with a pronoun or preposition, or holding a finite verb, is a clause or an
# adverbial ("it has", "through its embassy", "panel had become a tool"), not an issue's name.
_NOT_NP_START = {"it", "they", "he", "she", "we", "i", "you", "this", "there", "through",
                 "by", "with", "from", "into", "against", "toward", "towards", "at", "in", "as"}
_FINITE = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would",
           "shall", "should", "can", "could", "may", "might", "must", "did", "does", "do",
           "stood", "said", "says", "became", "become"}
_NAME_JOINERS = {"of", "the", "and", "for", "on"}  # lower-case words inside a proper name
# Nouns that stand for whatever was done or said before ("Seoul's decision", "the move"):
# alone, or with only names and possessives, they name no issue of their own.
_ANAPHORIC_NOUNS = {
    "decision", "decisions", "move", "moves", "step", "steps", "dispute", "disputes", "action",
    "actions", "remarks", "remark", "comments", "comment", "statement", "statements",
    "announcement", "development", "developments", "situation", "issue", "issues", "matter",
    "question", "position", "positions", "stance", "stances", "behaviour", "behavior",
    "conduct", "approach", "policy", "policies", "plan", "plans", "idea", "proposal",
    "response", "reaction", "attitude", "view", "views", "efforts", "effort", "act", "acts"}
_NP_END = re.compile(r"[,;:.!?()“”\"]|\s(?:as|in|for|at|with|by|because|while|when|which|who|"
                     r"that|since|after|before|from|so|and|but|if)\s")


def _stem(word: str) -> str:
    found = _STEMS.get(word)
    if found is None:
        found = _stem_of(word)
        if len(_STEMS) < 65536:
            _STEMS[word] = found
    return found


_STEMS: dict[str, str] = {}  # a plain dict: cheaper per call than lru_cache


def _stem_of(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and re.search(r"(?:ch|sh|x|ss)es$", word):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def normalise(text: str) -> tuple[str, ...]:
    return tuple(map(_stem, _WORD.findall(text.lower().replace("’", "'").replace("'s", ""))))


class IssueScheme:
    """Concepts of `sg:Issues` with their wordings, matched longest first."""

    def __init__(self, concepts: dict[str, tuple[str, list[str]]]) -> None:
        self.concepts = concepts  # slug -> (prefLabel, wordings)
        self._index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for slug, (label, wordings) in concepts.items():
            for w in [label, *wordings]:
                key = normalise(w)
                if key:
                    self._index.setdefault(key[0], []).append((key, slug))
        for cands in self._index.values():
            cands.sort(key=lambda c: -len(c[0]))

    _cache: dict[tuple, IssueScheme] = {}

    @classmethod
    def load(cls, paths: Iterable[Path | str] | None = None) -> IssueScheme:
        """The scheme of the given ontology files, parsed once per process; without files,
        the scheme of the vocabulary in use (kg.vocabulary: the bundled one, or with the
        analyst's own issues during a build that has them)."""
        if paths is None:
            from .vocabulary import active

            return active().issues
        key = tuple(sorted(str(p) for p in paths))
        scheme = cls._cache.get(key)
        if scheme is None:
            scheme = cls._cache[key] = cls.from_graph(ontology_graph(paths))
        return scheme

    @classmethod
    def from_graph(cls, graph: Graph) -> IssueScheme:
        """The concepts of `sg:Issues` a graph describes, with their wordings."""
        prefix = ID + "issue/"
        concepts: dict[str, tuple[str, list[str]]] = {}
        for c in sorted(graph.subjects(SKOS.inScheme, SG.Issues)):
            if not isinstance(c, URIRef) or not str(c).startswith(prefix):
                continue
            if (c, RDF.type, SKOS.Concept) not in graph:
                continue
            label = graph.value(c, SKOS.prefLabel)
            alts = sorted(str(a) for a in graph.objects(c, SKOS.altLabel))
            slug = str(c)[len(prefix):]
            concepts[slug] = (str(label) if label else slug, alts)
        return cls(concepts)

    def match(self, text: str) -> IssueRef | None:
        """The concept whose wording in `text` is longest (earliest on ties)."""
        words = normalise(text)
        best: tuple[int, int, str] | None = None
        for i, w in enumerate(words):
            for key, slug in self._index.get(w, ()):
                n = len(key)
                if words[i:i + n] == key:
                    score = (n, -i)
                    if best is None or score > (best[0], best[1]):
                        best = (n, -i, slug)
                    break
        if best is None:
            return None
        slug = best[2]
        return IssueRef(id=slug, label=self.concepts[slug][0], in_scheme=True)

    def issue_for(self, focus: str, evidence: str) -> IssueRef | None:
        """Match the words after the cue first, then the whole evidence; else a new issue
        named by the words after the cue (the evidence opens with its holder and verb, so a
        phrase from there names no issue: "Moscow argued", "called on Washington")."""
        found = self.match(focus) or self.match(evidence)
        if found:
            return found
        label = noun_phrase(focus)
        if not label:
            return None
        return IssueRef(id=_slug(label), label=label, in_scheme=False)


_slug = lru_cache(maxsize=16384)(slugify)


def noun_phrase(text: str, max_words: int = 6) -> str:
    """A short noun phrase from the start of `text` ("to resume regular visits" -> ...)."""
    t = re.sub(r"^\W+", "", text)
    t = re.sub(r"^(?:that|to|on|of|for|about)\s+", "", t, flags=re.IGNORECASE)
    stop = _NP_END.search(" " + t)
    if stop:
        t = t[:max(0, stop.start() - 1)]
    words = [w for w in re.findall(r"[\w’'-]+", t)]
    while words and words[0].lower() in _STOP_START:
        words.pop(0)
    words = words[:max_words]
    while words and words[-1].lower() in _STOP_START:
        words.pop()
    return " ".join(words) if _names_an_issue(words) else ""


def _names_an_issue(words: list[str]) -> bool:
    """Whether a phrase can name an issue: a noun phrase of some length, not a bare name
    ("Washington", "U") nor a clause."""
    if not words or len("".join(words)) < 4:
        return False
    lowered = [w.lower() for w in words]
    if lowered[0] in _NOT_NP_START or _FINITE.intersection(lowered):
        return False
    # A proper name ("Washington", "Ministry of Foreign Affairs"): an actor or a place the cue
    # was aimed at, not what it was about.
    if all(w[:1].isupper() or w in _NAME_JOINERS for w in words):
        return False
    content = [w for w in lowered if not w.endswith(("'s", "’s", "'", "’"))
               and w not in _NAME_JOINERS]
    named = [w for w, low in zip(words, lowered, strict=True) if low in content]
    return not all(w[:1].isupper() or w.lower() in _ANAPHORIC_NOUNS for w in named)
