"""A document's text cut where evidence spans start and end, so that a page can mark every
stance's quote at its offsets, overlapping quotes included."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """One stance's evidence: `text[start:end]` (code points) quotes stance `key`."""

    key: str
    start: int
    end: int


@dataclass(frozen=True)
class Segment:
    """A stretch of the text and the spans covering all of it, the shortest (innermost)
    first; none for text no quote covers."""

    start: int
    end: int
    text: str
    spans: tuple[str, ...]


def segments(text: str, spans: Iterable[Span]) -> list[Segment]:
    """The whole text, in order, cut at every boundary of `spans` (offsets outside the text
    are brought inside; empty spans dropped)."""
    kept = [Span(s.key, max(0, s.start), min(len(text), s.end)) for s in spans]
    kept = [s for s in kept if s.start < s.end]
    cuts = sorted({0, len(text), *(s.start for s in kept), *(s.end for s in kept)})
    innermost = sorted(kept, key=lambda s: (s.end - s.start, s.start, s.key))
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = tuple(s.key for s in innermost if s.start <= start and end <= s.end)
        out.append(Segment(start, end, text[start:end], covering))
    return out
