"""Speaker turns of an interview or transcript: lines opened by a speaker's label.

In "Savanna Quarterly: Was ECOWAS right ...?" / "Coulibaly: I think ...", the piece's own
voice ("I think", "should") is the speaker's in an answer and nobody's in a question, not the
byline's. A text counts as a transcript only when at least two such turns by at least two
speakers open its lines, so that a lone "Note: ..." or "Update: ..." is no turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import Document

_TURN = re.compile(
    r"^[ \t]*(?P<label>(?:[A-Z][\w.'’-]*)(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|al|bin|of|the)){0,5}"
    # a party or the speaker's name after an office: "Mr Ruiters (VVD)", "The Minister of
    # Foreign Affairs (Mr Van Aartsen)"
    r"(?:[ \t]*\([^()\n]{1,60}\))?)[ \t]*:[ \t]+(?=\S)"
    # "Olaf Bruns, euronews: “...", "Jane Roe, Foreign Minister: “...": a name and what
    # they are, before a quotation
    r"|^[ \t]*(?P<described>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,4},[ \t]+"
    r"[^:,\n“”\"]{2,50}):[ \t]*(?=[“\"])"
    # "[Foreign Minister Kang] Thank you.", "[…] CCTV: ..."
    r"|^[ \t]*(?:\[\W*\][ \t]*)?\[(?P<bracketed>[A-Z][^\]\n]{1,60})\][ \t]+(?=\S)"
    # "Q. What is ...?" / "A. Look, ...", and "P." / "R." of a translated Spanish interview
    r"|^[ \t]*(?P<qa>Q|A|P|R|Question|Answer|Ask)\.[ \t]+(?=\S)", re.MULTILINE)
_ELIDED = re.compile(r"^[ \t]*\[\W*\][ \t]*", re.MULTILINE)
# Who chairs a sitting speaks for no side.
CHAIR_LABELS = frozenset({"the speaker", "speaker", "madam speaker", "the chair", "chair",
                          "the chairman", "chairman", "the chairwoman", "the president",
                          "moderator", "the moderator"})
_HONORIFIC = re.compile(r"^(?i:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Senator|"
                        r"Representative|Rep|Sen)\.?\s+")
_PAREN = re.compile(r"\s*\((?P<inner>[^()]*)\)\s*$")
# Labels of the questioner's turns, and of the answers of the one person interviewed.
QUESTION_LABELS = frozenset({"q", "question", "interviewer", "reporter", "journalist", "p",
                             "ask"})
ANSWER_LABELS = frozenset({"a", "answer", "r"})
_NOT_SPEAKERS = frozenset({"note", "update", "correction", "editor's note", "source", "sources",
                           "photo", "see also", "related", "read more", "disclaimer"})
_ANSWERER_LINE = re.compile(
    r"^[ \t]*(?:Briefer|Spokes(?:man|woman|person)|Speaker|Interviewee|Guest|Respondent)s?:"
    r"[ \t]*(?P<name>[A-Z][\w.'’-]+(?:[ \t]+[A-Z][\w.'’-]+){1,3})", re.MULTILINE)
# "We asked Mariam Coulibaly, who ...", "spoke to Jane Doe", "an interview with Jane Doe".
_INTERVIEWEE = re.compile(
    r"\b(?:asked|spoke\s+(?:to|with)|talked\s+(?:to|with)|interviewed|interview\s+with|"
    r"conversation\s+with)\s+(?:[a-z][\w-]*\s+){0,3}?"
    r"(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3})")


@dataclass(frozen=True, slots=True)
class Turn:
    start: int  # the label's first character
    end: int  # where the next turn starts, or the end of the text
    label: str
    text_start: int  # the first character after "LABEL: "


def speaker_turns(doc: Document) -> list[Turn]:
    """The lines of the document's body opened by a speaker's label, in order, each turn
    running to the next; a question's turn ends with its line. The caller decides whether
    they make a transcript (`is_transcript`)."""
    found = []
    for m in _TURN.finditer(doc.text, doc.body_start):
        label = m.group("label") or m.group("bracketed") or m.group("described") or \
            m.group("qa")
        if label.lower() not in _NOT_SPEAKERS:
            found.append((m, label.strip()))
    # "A." and "Q." open turns only when the text has both (not an outline's "A. ...")
    marks = {label.lower() in QUESTION_LABELS for m, label in found if m.group("qa")}
    if marks != {True, False}:
        found = [(m, label) for m, label in found if not m.group("qa")]
    for m in _TURN.finditer(_ELIDED.sub(lambda e: " " * len(e.group()), doc.text),
                            doc.body_start):
        if m.group("label") and all(m.start("label") != f.start("label") for f, _ in found
                                    if f.group("label")):
            found.append((m, m.group("label").strip()))  # a label after an elision mark
    found.sort(key=lambda x: x[0].start())
    out = []
    for k, (m, label) in enumerate(found):
        end = found[k + 1][0].start() if k + 1 < len(found) else len(doc.text)
        if label.lower() in QUESTION_LABELS:
            line_end = doc.text.find("\n", m.end())
            end = min(end, line_end if line_end != -1 else end)
        out.append(Turn(m.start(), end, label, m.end()))
    return out


def is_transcript(turns: list[Turn]) -> bool:
    """Two speakers make a transcript; so does one marked as a person ("MR MILLER:")."""
    labels = {t.label for t in turns}
    if len(turns) >= 2 and len(labels) >= 2:
        return True
    return len(turns) == 1 and (_HONORIFIC.match(turns[0].label) is not None or
                                turns[0].label.isupper() and len(turns[0].label.split()) >= 2)


def speaker_name(label: str) -> str | None:
    """The person a speaker's label names, if it names one: "Mr Ruiters (VVD)" -> "Ruiters",
    "The Minister of Foreign Affairs (Mr Van Aartsen)" -> "Van Aartsen", "NINO BERIDZE" ->
    "Nino Beridze"; None for a label that names no person by a mark of one (an honorific, a
    party in brackets, a name in capitals)."""
    paren = _PAREN.search(label)
    base = label[:paren.start()] if paren else label
    inner = paren.group("inner").strip() if paren else ""
    if inner and _HONORIFIC.match(inner):  # the office before, the person in brackets
        return _HONORIFIC.sub("", inner).strip() or None
    name = _HONORIFIC.sub("", base).strip()
    marked = bool(paren) or name != base.strip() or base.isupper() and len(base.split()) >= 2
    if not marked or not name or name.lower().startswith("the "):
        return None
    return " ".join(w.capitalize() if w.isupper() else w for w in name.split())


def interviewee(doc: Document, before: int) -> str | None:
    """The person who answers, by full name: named on a header line ("Briefer: Nicholas
    Burns, Spokesman") or by the introduction ("We asked Mariam Coulibaly"), if either does."""
    m = _ANSWERER_LINE.search(doc.text, 0, doc.body_start) or \
        _INTERVIEWEE.search(doc.text, doc.body_start, before)
    return m.group("name") if m else None

