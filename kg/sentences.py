"""Where a document's body runs, and its sentences and clauses, as offsets into the original text.

The body starts after the header (`Document.body_start`) and stops before back matter: an
end-of-story marker, disclaimers ("The views expressed ..."), translator's notes and author
bios ("Jane Doe is a senior fellow ..."). A news dateline ("SEOUL, Nov. 5 (Wire) --") is not
part of the first sentence, nor is a transcript's speaker label ("Q: ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Document
from .turns import speaker_turns


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the paragraph it belongs to


_PARAGRAPH_NUMBER = re.compile(r"[ \t]*\d{1,2}(?:\.\d{1,2})*\.?[ \t]+(?=[A-Z“\"])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0\u200b]*\n\s*")
_END_MARK = re.compile(r"\((?:END|End|end)\)|^\s*-{2,}\s*$|^\s*#{3}\s*$", re.MULTILINE)
_BACK_MATTER = re.compile(
    r"^\s*(?:translator[’']?s note|editor[’']?s note|note:|disclaimer|"
    r"the views (?:expressed|in this)|this (?:article|commentary|brief|piece|paper|column) "
    r"(?:is written|reflects|was|does not)|the opinions? expressed|"
    r"all references should|copyright|©|\(c\) \d{4})",
    re.IGNORECASE,
)
_DISCLAIMER_BODY = re.compile(
    r"do(?:es)? not (?:necessarily )?(?:reflect|represent)|author[’']?s (?:own|personal)",
    re.IGNORECASE,
)
_BIO_VERB = re.compile(r"\s+(?:is|was|writes|has|serves)\b")
_DATELINE = re.compile(
    r"[A-Z][A-Z .'’-]+(?:, [A-Z][A-Za-z .]+)?,\s+[A-Z][a-z]{2,8}\.? \d{1,2}\s*"
    r"(?:\([^)]{1,40}\))?\s*(?:--|—|–|-)\s*"
)
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "sen",
    "rep", "gov", "st", "no", "nos", "vol", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "jr", "sr", "vs", "v", "e.g", "i.e", "approx", "inc",
    "co", "corp", "ltd", "dept", "est", "fig", "pp", "p", "ft", "mt",
}
_SENTENCE_STARTERS = {
    "The", "It", "This", "That", "These", "Those", "But", "However", "In", "He", "She",
    "They", "We", "A", "An", "Its", "Their", "His", "Her", "Yet", "And", "As", "At", "On",
    "For", "If", "When", "After", "Before", "Meanwhile", "Still", "Now", "There",
}
_LAST_WORD = re.compile(r"([A-Za-z.]+)$")
_NEXT_WORD = re.compile(r"\s+[“\"‘'(]?(\w+)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_BOUNDARY = re.compile(r"[.!?]+[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9])")


def body_range(doc: Document) -> tuple[int, int]:
    """(start, end) of the document body: header and back matter excluded."""
    text = doc.text
    start = max(0, min(doc.body_start, len(text)))
    end = len(text)
    marker = _END_MARK.search(text, start)
    if marker:
        end = marker.start()
    # Drop trailing paragraphs that are back matter (disclaimers, notes, author bios).
    paragraphs = _paragraphs(text, start, end)
    while paragraphs:
        p_start, p_end = paragraphs[-1]
        if not _is_back_matter(text[p_start:p_end], doc):
            break
        end = p_start
        paragraphs.pop()
    return start, max(start, end)


def _is_back_matter(paragraph: str, doc: Document) -> bool:
    s = paragraph.strip()
    if not s:
        return True
    if _BACK_MATTER.match(s) or (len(s) < 400 and _DISCLAIMER_BODY.search(s)):
        return True
    # An author bio: "<author> is a ... / <author> writes on ..."
    for name in (doc.author, _surname(doc.author)):
        # a plain prefix test: a pattern built per author would be compiled per document
        if name and s.startswith(name) and _BIO_VERB.match(s, len(name)):
            return True
    return bool(re.fullmatch(r"\S+@\S+\.\S+", s))


def _surname(name: str | None) -> str | None:
    if not name:
        return None
    parts = name.split()
    return parts[-1] if len(parts) > 1 else None


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for m in _PARAGRAPH_BREAK.finditer(text, start, end):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:end].strip():
        out.append((pos, end))
    return out


def sentences(doc: Document) -> list[Sentence]:
    """The body's sentences in text order, with exact offsets."""
    text = doc.text
    start, end = body_range(doc)
    out: list[Sentence] = []
    labels = {t.start: t.text_start for t in speaker_turns(doc)}
    for k, (p_start, p_end) in enumerate(_paragraphs(text, start, end)):
        for line_start, line_end in _lines(text, p_start, p_end):
            dl = _DATELINE.match(text, line_start, line_end)
            if dl and line_start == p_start and k == 0:
                line_start = dl.end()
            line_start = labels.get(line_start, line_start)
            numbered = _PARAGRAPH_NUMBER.match(text, line_start, line_end)
            if numbered:  # "3.12 In response, ...": the paragraph's number is no part of it
                line_start = numbered.end()
            for s, e in split_sentences(text, line_start, line_end):
                out.append(Sentence(s, e, text[s:e], k))
    return out


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            out.append((pos, stop))
        pos = stop + 1
    return out


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], trimmed of surrounding white space."""
    spans = []
    pos = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _is_abbreviation(text, pos, m):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _is_abbreviation(text: str, line_start: int, m: re.Match[str]) -> bool:
    if text[m.start()] != "." or m.end() - m.start() > 1 and text[m.start() + 1] == ".":
        return False
    word = _LAST_WORD.search(text, max(line_start, m.start() - 12), m.start())
    if not word:
        return False
    w = word.group(1)
    nxt = _NEXT_WORD.match(text, m.end(), m.end() + 30)
    next_word = nxt.group(1) if nxt else ""
    if _DOTTED.fullmatch(w):  # U.S, U.N, e.g
        return next_word not in _SENTENCE_STARTERS
    if len(w) == 1 and w.isupper():  # an initial: "John F. Kennedy"
        return True
    return w.lower() in _ABBREVIATIONS and next_word not in _SENTENCE_STARTERS
