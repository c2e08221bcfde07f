"""Whose voice each part of the body is in, before anyone is quoted: the author's, a
transcript speaker's, or (in a question) no one's; and where quotations run.

The document's author (or, when unsigned, its publisher) is an actor and holds the piece's
own assessments. A spokesperson or a press statement of a body speaks for the body ("the
Ministry of Foreign Affairs of the DPRK"); a news agency that only carries the statement holds
nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..records import Document
from .lexicon import lexicon
from .linking import ActorBook
from .spans import SentenceMentions
from .turns import (
    ANSWER_LABELS,
    CHAIR_LABELS,
    QUESTION_LABELS,
    interviewee,
    is_transcript,
    speaker_name,
    speaker_turns,
)

NO_ONE = ""  # the voice of a question: what it says is nobody's stance

_OPEN = {"\u201c": "\u201d", '"': '"'}
_NOTE = re.compile(r"\s*\(([^()]*)\)\s*")
_NOTE_WORDS = re.compile(r"\b(?:report|editorial|unsigned|author|excerpt|republished|via|"
                         r"original|column|statement|spokes\w+|title|approximate)\b", re.I)
_SPOKES_OF = re.compile(r"^(?:an?\s+|the\s+)?spokes(?:person|man|woman)\s*(?:,|of|for)\s*"
                        r"(?:the\s+)?", re.I)


@dataclass(frozen=True, slots=True)
class Turn:
    start: int
    end: int
    speaker: str | None  # actor id; NO_ONE for a question, None: the author's


def document_actors(doc: Document, book: ActorBook, name_actor) -> tuple[str, str | None]:  # noqa: ANN001
    """The author's and the publisher's actor ids. `name_actor(label, type)` links a name to
    an actor (registry, or new)."""
    publisher = None
    if doc.publisher:
        label, aliases = split_note(doc.publisher)
        publisher = name_actor(label, "Institution")
        for a in aliases:
            book.alias(publisher, a)
    author = None
    if doc.author:
        label, aliases = split_note(doc.author)
        label = _SPOKES_OF.sub("", label) or label  # a spokesperson speaks for the body
        author = name_actor(label, "Person")
        for a in aliases:
            book.alias(author, a)
        if publisher and book.type_of(author) == "Person" and \
                not book.actors[author].in_registry:
            book.affiliate(author, publisher)
    if author is None:
        author = publisher or book.new("Unknown author", "Person")
    return author, publisher


def split_note(label: str) -> tuple[str, list[str]]:
    """"Voice of America (VOA News)" -> ("Voice of America", ["VOA News"]); a note in
    brackets ("(editorial)", "(via KCNA Watch)") is dropped."""
    aliases = []
    for m in _NOTE.finditer(label):
        inner = m.group(1).strip()
        if inner and not _NOTE_WORDS.search(inner) and len(inner.split()) <= 4:
            aliases.append(inner)
    clean = " ".join(_NOTE.sub(" ", label).split()).strip(" ,;")
    return clean or label, aliases


def turns(doc: Document, book: ActorBook, author: str, publisher: str | None,
          name_actor, speaker: Speaker,  # noqa: ANN001
          mentions: list[SentenceMentions]) -> list[Turn]:
    """Whose each turn of a transcript is: the speaker's in an answer, no one's in a
    question or the chair's, the body's voice when the speaker is not known."""
    found = speaker_turns(doc)
    known = [_person_of(_name_part(t.label), book, speaker) for t in found]
    if not is_transcript(found) and not any(known):
        return []
    guest = interviewee(doc, found[0].start) if found else None
    # else the one the introduction presents, unless the text has a speaker of its own
    # (a briefing's spokesperson)
    answerer = name_actor(guest, "Person") if guest else None
    if answerer is None and found and speaker.voice is None:
        answerer = _most_named_before(found[0].start, book, mentions)
    asking = {w.lower() for label in (doc.author, doc.publisher) if label
              for w in (label, label.split()[-1])}
    # in an interview of a known speaker, a label that names no one known is the host's
    # ("[CNN Amanpour] ..." beside "[Foreign Minister Kang] ...")
    hosted = speaker.voice is not None and speaker.voice in known
    out = []
    for t in found:
        label = t.label.lower()
        if label in QUESTION_LABELS or label in asking or label in CHAIR_LABELS or \
                any(w.lower() in asking or w.lower() in _ASKERS for w in t.label.split()):
            out.append(Turn(t.start, t.end, NO_ONE))
            continue
        if label in ANSWER_LABELS:
            out.append(Turn(t.start, t.end, answerer))
            continue
        who = _name_part(t.label)
        person = _person_of(who, book, speaker)
        named = speaker_name(who)
        asks = doc.text[t.text_start:t.end].rstrip().endswith("?")
        if person is None and asks or person is not None and person in speaker.asking:
            out.append(Turn(t.start, t.end, NO_ONE))
        elif person is not None:
            out.append(Turn(t.start, t.end, person))
        elif named and named.lower() not in asking:
            out.append(Turn(t.start, t.end, book.person_named(named) or
                            name_actor(named, "Person")))
        else:
            out.append(Turn(t.start, t.end, NO_ONE if named or hosted else None))
    return out


def _most_named_before(end: int, book: ActorBook,
                       mentions: list[SentenceMentions]) -> str | None:
    """The person an interview's introduction names most often (the guest it presents),
    the later one of a tie; None when it names no one twice."""
    counts: dict[str, int] = {}
    last: dict[str, int] = {}
    for sm in mentions:
        for m in sm.mentions:
            if m.start < end and m.actor and book.is_person(m.actor):
                counts[m.actor] = counts.get(m.actor, 0) + 1
                last[m.actor] = m.start
    if not counts:
        return None
    best = max(counts, key=lambda a: (counts[a], last[a]))
    return best if counts[best] >= 2 else None


def _name_part(label: str) -> str:
    """The name of a label that also says what the speaker is ("Jane Roe, Foreign
    Minister")."""
    return label.split(",")[0]


def _person_of(label: str, book: ActorBook, speaker: Speaker) -> str | None:
    """The person a turn's label names: a known person by full or family name ("Zhao
    Lijian", "Foreign Minister Kang", "CNN Amanpour")."""
    words = label.replace("(", " ").replace(")", " ").split()
    lx = lexicon()
    titles = lx.offices | lx.honorifics | {"foreign", "prime", "vice", "deputy", "former"}
    for k in range(len(words)):
        for n in (len(words) - k, 1):
            name = " ".join(words[k:k + n])
            if name and name[0].isupper() and not all(
                    w.lower() in titles for w in words[k:k + n]):  # "Foreign Minister"
                found = book.person_named(name)
                if found is not None:
                    return found
    # "Foreign Minister Kang": an office and a family name the registry knows
    titled = [w for w in words if w.lower() in titles]
    rest = [w for w in words if w not in titled]
    if titled and len(rest) == 1:
        found = book.registry_people_named(rest[0])
        if found:
            book.make_official(found[0], titled[-1].lower())
            return found[0]
    return None


@dataclass(frozen=True)
class Speaker:
    """Who speaks in the body of a statement, briefing or interview when the text does not
    say: the person its title or metadata names with an office ("Foreign Ministry
    Spokesperson Zhao Lijian's Regular Press Conference", "Spokesperson Ned Price"), and
    those who ask the questions ("Christiane Amanpour's interview with ...")."""

    voice: str | None
    asking: frozenset[str]


_SPOKEN = re.compile(r"\b(?:press\s+conference|briefing|remarks|statement|interview|"
                     r"spokes(?:person|man|woman)|transcript|q\s*&\s*a)\b", re.I)
# "The following is attributable to Spokesperson Ned Price:", a line that opens a statement
_ATTRIBUTED = re.compile(r"^[ \t]*(?:the following (?:statement )?is attributable to|"
                         r"(?:press )?statement (?:by|from)|remarks by)[ \t]+([^\n]{3,120})$",
                         re.I | re.M)


def attribution_line(text: str) -> bool:
    """Whether a sentence is the line that names who speaks the statement below it."""
    return _ATTRIBUTED.fullmatch(text.strip()) is not None


_WITH = re.compile(r"\binterview(?:ed)?\s+(?:\w+\s+){0,2}?with\b", re.I)


def speaking_person(doc: Document, book: ActorBook, nlp) -> Speaker:  # noqa: ANN001
    """The person who speaks for the document (see `Speaker`), found by the entity
    recognizer in the title and in the notes of the author and publisher."""
    texts = [doc.title or ""] + [n for label in (doc.author, doc.publisher) if label
                                 for n in _NOTE.findall(label)]
    texts += _ATTRIBUTED.findall(doc.text[:1500])
    if not any(_SPOKEN.search(t) for t in texts):
        return Speaker(None, frozenset())
    voice = None
    asking = set()
    for text in texts:
        if not text.strip():
            continue
        parsed = nlp(text)
        guest_from = _WITH.search(text)
        for ent in parsed.ents:
            if ent.label_ != "PERSON":
                continue
            words = ent.text.replace("\u2019s", "").replace("'s", "").split()
            title = []
            while len(words) > 2 and words[0].lower() in _OFFICES:
                title.append(words.pop(0).lower())  # "Spokesperson Ned Price" as one entity
            name = " ".join(words)
            before = " ".join([parsed[max(0, ent.start - 3):ent.start].text.lower(), *title])
            person = book.person_named(name) or book.new(name, "Person")
            if guest_from and ent.start_char < guest_from.start():
                asking.add(person)
                continue
            office = next((w for w in before.split() if w in _OFFICES), None)
            if office or guest_from:
                book.make_official(person, office or "official")
                voice = voice or person
    return Speaker(voice, frozenset(asking))


_ASKERS = {"anchor", "host", "interviewer", "moderator", "reporter", "correspondent",
           "journalist"}
_OFFICES = {"spokesperson", "spokesman", "spokeswoman", "minister", "secretary", "ambassador",
            "president", "premier", "chancellor", "envoy", "representative", "director"}


def turn_at(found: list[Turn], pos: int) -> Turn | None:
    k = bisect_right([t.start for t in found], pos) - 1
    return found[k] if k >= 0 and pos < found[k].end else None


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the quotations in text[start:end], quote marks included. A quotation left
    open runs to the end of its paragraph, as continued quotations do."""
    out = []
    pos = start
    for line_end in _line_ends(text, start, end):
        opened = None
        closer = None
        k = pos
        while k < line_end:
            ch = text[k]
            if opened is None and ch in _OPEN:
                opened, closer = k, _OPEN[ch]
            elif opened is not None and ch == closer:
                out.append((opened, k + 1))
                opened = None
            k += 1
        if opened is not None:
            out.append((opened, line_end))
        pos = line_end + 1
    return out


def _line_ends(text: str, start: int, end: int) -> list[int]:
    ends = []
    k = text.find("\n", start, end)
    while k != -1:
        ends.append(k)
        k = text.find("\n", k + 1, end)
    ends.append(end)
    return ends


def quotation_speakers(spans: list[tuple[int, int]], sentences: list, text: str
                       ) -> dict[tuple[int, int], str]:
    """Who speaks each quotation: the speaker of a reporting cue in a sentence it starts or
    ends in ('"...," said X', 'X said: "..."'); a quotation opening a paragraph that no one
    is said to speak goes on with the previous paragraph's speaker."""
    out: dict[tuple[int, int], str] = {}
    last: tuple[int, str] | None = None  # (end of the paragraph, speaker)
    for a, b in spans:
        who = None
        for s, cands in sentences:
            if not (s.start <= a < s.end or s.start < b <= s.end):
                continue
            for c in cands:
                if c.category in ("speech", "called") and c.holders and \
                        (c.start <= a + 1 or c.end >= b - 1):
                    who = c.holders[0]
                    break
            if who:
                break
        line_start = text.rfind("\n", 0, a) + 1
        if who is None and last is not None:
            between = text[last[0]:line_start]
            if text[line_start:a].strip() == "" and between.count("\n") <= 3:
                who = last[1]
        if who is None and text[line_start:a].strip() == "":
            who = _introduced_by(text, line_start, sentences)
        if who:
            out[(a, b)] = who
            line_end = text.find("\n", b)
            last = (line_end if line_end != -1 else len(text), who)
    return out


def _introduced_by(text: str, line_start: int, sentences: list) -> str | None:
    """Who the paragraph before a quotation introduces with a colon ("Serbia's president
    spoke on Monday:" then a paragraph in quotation marks): the holder of its last stance
    the text names a holder for."""
    before = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    if not text[before:line_start].rstrip().endswith(":"):
        return None
    named = [c for s, cands in sentences if before <= s.start < line_start for c in cands
             if c.holders and c.category not in ("voice", "modal", "forecast")]
    return named[-1].holders[0] if named else None


def quoted_share(spans: list[tuple[int, int]], a: int, b: int) -> float:
    """How much of text[a:b] lies inside quotations."""
    inside = sum(max(0, min(b, e) - max(a, s)) for s, e in spans)
    return inside / max(1, b - a)
