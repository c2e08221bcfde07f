"""Extraction: one document in, its actors and stances out (records of kg/records.py).

The pipeline: body sentences (kg.sentences) → actor mentions (kg.mentions) → stance drafts
(kg.stances) → one Stance per holder and target, with an issue of the scheme (kg.issues),
numbered in text order. The document's author (or, when unsigned, its publisher) is an actor
and attributes every stance.
"""

from __future__ import annotations

import re

from .gazetteer import Gazetteer
from .ids import slugify
from .issues import IssueScheme
from .mentions import ActorBook, MentionFinder
from .records import Actor, Document, Extraction, Span, Stance
from .registry import Registry
from .sentences import sentences
from .stances import Draft, StanceFinder, Voice
from .turns import (
    ANSWER_LABELS,
    CHAIR_LABELS,
    QUESTION_LABELS,
    interviewee,
    speaker_name,
    speaker_turns,
)


def extract(doc: Document, registry: Registry | None = None,
            min_confidence: float = 0.0) -> Extraction:
    """Actors and stances of `doc`; stances below `min_confidence` are left out."""
    registry = registry if registry is not None else Registry.default()
    book = ActorBook(registry)
    author, publisher = _document_actors(doc, book)
    voices = _voices(doc, book, author, publisher)
    sents = sentences(doc)
    finder = MentionFinder(doc, book, sents)
    finder.run()
    drafts = StanceFinder(doc, sents, finder, book, author, voices).run()
    scheme = IssueScheme.load()
    stances = _stances(doc, drafts, scheme, author, min_confidence)
    keep = {author, *(p for p in (publisher,) if p)}
    for s in stances:
        keep.add(s.holder)
        if s.target_actor:
            keep.add(s.target_actor)
    actors = [a for a in book.actors.values() if a.mentions or a.id in keep]
    ids = {a.id for a in actors}
    for a in actors:
        a.affiliations = [x for x in a.affiliations if x in ids or x in registry]
    return Extraction(document=doc, actors=actors, stances=stances)


def _document_actors(doc: Document, book: ActorBook) -> tuple[str, str | None]:
    publisher = None
    if doc.publisher:
        state = _state_of_body(doc, doc.publisher, book)
        if state:
            # "Ministry of Foreign Affairs" whose text says "... of the Republic of Guyana"
            e = book.registry.get(state)
            publisher = book.new(f"{doc.publisher} of {e.label if e else state}", "Institution",
                                 (book.ensure(state).id,), aliases=(doc.publisher,))
            book.state_of[publisher] = state
        elif _foreign_registry_body(doc, doc.publisher, book):
            # "Ministry of Foreign Affairs and Trade" in a text that never names the state the
            # registry's body of that name belongs to: another state's ministry, whose state
            # the header may name ("Presented to the House of Representatives, Wellington")
            home = _header_state(doc, book)
            e = book.registry.get(home) if home else None
            label = f"{doc.publisher} of {e.label}" if e else doc.publisher
            publisher = book.new(label, "Institution", (book.ensure(home).id,) if home else (),
                                 aliases=(doc.publisher,), known=False)
            if home:
                book.state_of[publisher] = home
        else:
            publisher = _named(book, doc.publisher, "Institution")
    if doc.author:
        author = _named(book, doc.author, "Person")
        if publisher and publisher not in book.actors[author].affiliations:
            if book.actors[author].type == "Person" and not book.actors[author].in_registry:
                book.actors[author].affiliations.append(publisher)
    elif publisher:
        author = publisher
    else:
        author = book.new("Unknown author", "Person")
    return author, publisher


def _voices(doc: Document, book: ActorBook, author: str, publisher: str | None) -> list[Voice]:
    """Whose the piece's own voice is in each turn of a transcript: the speaker's in an
    answer, nobody's (None) in a question; turns whose speaker is not known keep the author's.
    """
    turns = speaker_turns(doc)
    if not turns:
        return []
    guest = interviewee(doc, turns[0].start)
    asking = {w.lower() for label in (doc.author, doc.publisher) if label
              for w in (label, label.split()[-1])}
    out: list[Voice] = []
    for t in turns:
        label = t.label.lower()
        if label in QUESTION_LABELS or label in asking or label in CHAIR_LABELS:
            out.append(Voice(t.start, t.end, None))
            continue
        name = guest if guest and (label in ANSWER_LABELS or guest.lower().endswith(
            " " + label) or guest.lower() == label) else None
        speaker = _named(book, name, "Person") if name else _known_person(book, t.label)
        if speaker is None and (named := speaker_name(t.label)):
            # "Mr Ruiters (VVD)", "NINO BERIDZE": a speaker the text names; the host or
            # interviewer asks
            speaker = None if named.lower() in asking else _named(book, named, "Person")
            if speaker is None:
                out.append(Voice(t.start, t.end, None))
                continue
        out.append(Voice(t.start, t.end, speaker or author))
    return out


def _known_person(book: ActorBook, label: str) -> str | None:
    """A person of the registry a speaker's label names, past any titles before the name
    ("Spokesperson Wang Wenbin")."""
    words = label.split()
    for k in range(len(words) - 1):
        for e in book.registry.lookup(" ".join(words[k:])):
            if e.type == "Person":
                return book.ensure(e.id).id
    return None


def _header_state(doc: Document, book: ActorBook) -> str | None:
    """The one state the header names (by name, capital or demonym), if just one."""
    states = {hit.actor for hit in Gazetteer.of(book.registry).find(doc.text[:doc.body_start])
              if (e := book.registry.get(hit.actor)) is not None and e.type == "State"}
    return states.pop() if len(states) == 1 else None


def _foreign_registry_body(doc: Document, label: str, book: ActorBook) -> bool:
    """Whether a government body named without its state matches a registry entry of a state
    the text never names."""
    if not _STATELESS_BODY.match(label):
        return False
    found = book.registry.lookup(label)
    state = book._state_via(found[0].id) if found else None
    if state is None:
        return False
    named = {hit.actor for hit in Gazetteer.of(book.registry).find(doc.text)}
    return state not in named


def _state_of_body(doc: Document, label: str, book: ActorBook) -> str | None:
    """The state a government body publishing without its state's name belongs to, when the
    text names the body in full ("The Ministry of Foreign Affairs of the Republic of X")."""
    if not _STATELESS_BODY.match(label) or book.registry.lookup(label):
        return None
    m = re.search(re.escape(label) + _OF_STATE, doc.text)
    if m is None:
        return None
    for hit in Gazetteer.of(book.registry).find(m.group(1)):
        e = book.registry.get(hit.actor)
        if e is not None and e.type == "State":
            return e.id
    return None


_STATELESS_BODY = re.compile(r"(?:Ministry|Department|Office|Embassy|Permanent Mission|Government)"
                             r"\b(?!.*\bof\s+(?:the\s+)?[A-Z][a-z]+$)")
_OF_STATE = r"\s+of\s+(?:the\s+)?((?:[A-Z][\w-]*\s+(?:of\s+)?){0,4}[A-Z][\w-]*)"


def _named(book: ActorBook, label: str, type_: str) -> str:
    for name in (label, label.removeprefix("The ").strip()):
        found = book.registry.lookup(name)
        if found:
            return book.ensure(found[0].id).id
    actor_id = book.new(label, type_)
    actor: Actor = book.actors[actor_id]
    initials = "".join(w[0] for w in label.removeprefix("The ").split() if w[:1].isupper())
    if type_ == "Institution" and len(initials) >= 3:
        actor.aliases.append(initials)
    return actor_id


def _stances(doc: Document, drafts: list[Draft], scheme: IssueScheme, author: str,
             min_confidence: float) -> list[Stance]:
    rows: list[tuple[int, int, int, Stance]] = []
    order = 0
    for d in drafts:
        if d.confidence < min_confidence:
            continue
        quote = Span(d.start, d.end, doc.text[d.start:d.end])
        issue = scheme.issue_for(doc.text[d.issue_start:d.issue_end], quote.text)
        for holder in d.holders:
            if d.targets == ("__others__",):
                targets: tuple[str | None, ...] = tuple(h for h in d.holders if h != holder)
            else:
                targets = d.targets or (None,)
            for target in targets:
                if target == holder:
                    continue
                order += 1
                rows.append((d.start, d.end, order, Stance(
                    id="", holder=holder, kind=d.kind, quote=quote, target_actor=target,
                    issue=issue, modality=d.modality, condition=d.condition,
                    attributed_by=author, confidence=d.confidence)))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))
    out = []
    for n, (_, _, _, stance) in enumerate(rows, start=1):
        stance.id = f"{doc.id}/{n}"
        out.append(stance)
    return out


__all__ = ["extract", "slugify"]
