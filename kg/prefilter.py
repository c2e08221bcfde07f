"""Find where many regular expressions can match without running each over the whole text.

Each pattern's possible first four characters are worked out from its parsed form; a text's
words are then looked up by their first four letters and only the patterns that can start
there are tried. Patterns whose start cannot be worked out are run over the text as usual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_K = 4
_WORD_START = re.compile(r"\b\w")


def _prefixes(items: Any, k: int) -> set[str] | None:
    """Possible lowercase word prefixes of a parsed pattern (up to k letters)."""
    raw = _raw(items, k)
    return None if raw is None else {_cut(p) for p in raw}


def _raw(items: Any, k: int) -> set[str] | None:
    """Possible lowercase prefixes (length k, or shorter when a non-letter follows)."""
    out = {""}
    for op, av in items:
        name = str(op)
        if name in ("AT",):
            continue
        if name in ("ASSERT", "ASSERT_NOT"):
            continue
        step: set[str] | None
        if name == "LITERAL":
            step = {chr(av).lower()}
        elif name == "IN":
            chars = set()
            for sop, sav in av:
                if str(sop) == "LITERAL":
                    chars.add(chr(sav).lower())
                elif str(sop) == "CATEGORY" and str(sav) == "CATEGORY_SPACE":
                    chars.add(" ")
                else:
                    return None
            step = chars
        elif name == "SUBPATTERN":
            step = _raw(av[-1], k)
        elif name == "BRANCH":
            step = set()
            for alt in av[1]:
                sub = _raw(alt, k)
                if sub is None:
                    return None
                step |= sub
        elif name in ("MAX_REPEAT", "MIN_REPEAT"):
            step = _raw(av[2], k)
            if step is not None and av[0] == 0:
                step = step | {""}  # optional: the prefix may also go on without it
        else:
            return None
        if step is None:
            return None
        grown = set()
        for p in out:
            if len(p) >= k or (p and not p[-1].isalnum()):
                grown.add(p)
                continue
            for s in step:
                grown.add((p + s)[:k])
        out = grown
        if all(len(p) >= k or (p and not p[-1].isalnum()) for p in out):
            break
        if len(out) > 400:
            return None
    return out


def _cut(p: str) -> str:
    """The word part of a prefix: 'is ' -> 'is'."""
    m = re.match(r"\w*", p)
    return m.group() if m else ""


class Prefilter:
    """Run a list of compiled patterns over a text, trying each only where it can start."""

    def __init__(self, patterns: Iterable[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        self.index: dict[str, list[int]] = {}
        self.everywhere: list[int] = []
        for n, p in enumerate(self.patterns):
            try:
                found = _prefixes(sre_parse.parse(p.pattern, p.flags), _K)
            except Exception:  # an unusual construct: just run it everywhere
                found = None
            if not found or "" in found:
                self.everywhere.append(n)
                continue
            for prefix in found:
                self.index.setdefault(prefix, []).append(n)
        self._starts = _starts_pattern(self.index)
        self._starts_low = re.compile(self._starts.pattern)  # for lowercased text

    def finditer(self, text: str, start: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
        """(pattern number, match) pairs, in no particular order."""
        for n in self.everywhere:
            for m in self.patterns[n].finditer(text, start, end):
                yield n, m
        index = self.index
        low = text.lower()
        if len(low) == len(text):  # lowercasing kept every offset: scan case-sensitively
            starts = self._starts_low.finditer(low, start, end)
        else:
            low = text
            starts = self._starts.finditer(text, start, end)
        # only word starts that begin with a known prefix (a superset; checked exactly below)
        for w in starts:
            pos = w.start()
            head = low[pos:pos + _K].lower()
            cands = index.get(head)
            if not head.isalnum():
                # a shorter word ("is", "it") is its own prefix
                more = index.get(_cut(head))
                if more:
                    cands = (cands or []) + more
            if not cands:
                continue
            for n in cands:
                m = self.patterns[n].match(text, pos, end)
                if m:
                    yield n, m


def _starts_pattern(index: dict[str, list[int]]) -> re.Pattern[str]:
    """Word starts where some prefix of `index` can begin: full-length prefixes, and shorter
    ones ("is", "it") as whole words; grouped by first letter so each position tries few
    branches."""
    by_first: dict[str, list[str]] = {}
    for prefix in index:
        tail = re.escape(prefix[1:]) + ("" if len(prefix) >= _K else r"(?!\w)")
        by_first.setdefault(prefix[0], []).append(tail)
    if not by_first:
        return re.compile(r"(?!)")
    groups = "|".join(re.escape(first) + "(?:" + "|".join(sorted(tails)) + ")"
                      for first, tails in sorted(by_first.items()))
    return re.compile(rf"\b(?:{groups})", re.IGNORECASE)
