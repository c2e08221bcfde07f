"""Extraction: one document in, its actors and stances out (records of kg/records.py).

The stages, each a module with one job and plain data between them:

    reading    the body's paragraphs: no header, datelines, speakers' labels, back matter
    voices     the author and publisher as actors, transcript turns, quotations
    nlp        sentences of the body; the ones that may hold a stance parsed by spaCy
    mentions   registry names and pronouns (spans: the mention records), then what the
               parse adds (phrases): persons and titles, roles, bodies, groups, lists
    linking    the actors a document names, in and beyond the registry (ActorBook)
    coref      roles, descriptions and pronouns resolved to actors
    cues       the words that take a position (lexicon in data/cues.toml)
    holders    whose position it is, from the parse
    targets    whom it is aimed at, keeping its polarity
    stances    candidates of each sentence: holder, kind, targets, modality, evidence
    kinds      the kind, from what is said
    features   a candidate as features for the stance model (model: which are stances,
               of which kind; trained by scripts/train_stance_model.py)
    issues     (kg/issues.py) the issue of the scheme each stance is about
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..ids import slugify
from ..issues import IssueScheme
from ..records import Actor, Document, Extraction, Span, Stance
from ..registry import Registry
from .coref import resolve
from .features import Context, features, reporting_level
from .lexicon import lexicon
from .linking import ActorBook
from .mentions import find_mentions, registry_matcher
from .model import NONE, StanceModel, fine_kind, load_model
from .nlp import Sentence, load_pipeline, sentences
from .reading import paragraphs
from .spans import SentenceMentions
from .stances import Candidate, SentenceStances, decide_kind
from .targets import ACT_WORDS, record_events
from .turns import speaker_turns as speaker_turns_of
from .voices import (
    NO_ONE,
    attribution_line,
    document_actors,
    quotation_speakers,
    quotations,
    quoted_share,
    speaking_person,
    turn_at,
    turns,
)

_CONFIDENCE = {"verb": 0.9, "phrasal": 0.9, "speech": 0.8, "called": 0.8, "noun": 0.75,
               "adjective": 0.75, "modal": 0.75, "forecast": 0.7, "voice": 0.6, "subject": 0.6,
               "continued": 0.5}
_FRAMES = ("speech", "called")
_WORDED = ("verb", "phrasal", "noun", "adjective", "forecast")
_GUESSED = ("voice", "continued", "subject")
_WEAK = ("predict", "claim", "intend", "propose")  # too common in narration for the rules
_SHARED_CLAUSE = 0.5
_PRIORITY = {"verb": 0, "phrasal": 0, "called": 1, "speech": 1, "noun": 2, "adjective": 2,
             "modal": 3, "forecast": 3, "voice": 4, "subject": 4, "continued": 5}
_DEPARTMENT = re.compile(
    r"^(?:the\s+)?(?:(?P<dept1>foreign|defen[cs]e|unification|trade|finance|interior|justice)"
    r"\s+ministry|ministry\s+of\s+(?P<dept2>[a-z ]+?))\s+of\s+(?:the\s+)?(?P<state>.+)$", re.I)


@dataclass
class Analysis:
    """A document read for stances: its actors, sentences, mentions and every candidate
    stance (one per holder), with the features the stance model scores."""

    doc: Document
    book: ActorBook
    sentences: list[Sentence]
    mentions: list[SentenceMentions]
    candidates: list[Candidate]
    features: list[dict[str, float]]
    author: str
    publisher: str | None


SHIPPED = "shipped"  # the stance model of the package (data/stance_model.json)


def extract(doc: Document, registry: Registry | None = None, min_confidence: float = 0.0,
            pipeline: str | None = None, model: StanceModel | str | None = SHIPPED
            ) -> Extraction:
    """Actors and stances of `doc`; stances below `min_confidence` are left out.
    `pipeline` names the spaCy pipeline (default: see `nlp.pipeline_name`); `model` is the
    stance model that chooses among the candidates (None: the rules alone)."""
    a = analyse(doc, registry, pipeline)
    chosen = choose(a, load_model() if model == SHIPPED else model)
    stances = assemble(a, chosen, min_confidence)
    return Extraction(document=doc, actors=_actors(a, stances), stances=stances)


def analyse(doc: Document, registry: Registry | None = None,
            pipeline: str | None = None) -> Analysis:
    """Every candidate stance of `doc`, before any is chosen."""
    registry = registry if registry is not None else Registry.default()
    if not 0 <= doc.body_start <= len(doc.text):  # a body start past either end: all text
        doc = replace(doc, body_start=min(max(doc.body_start, 0), len(doc.text)))
    book = ActorBook(registry)

    def name_actor(label: str, type_: str) -> str:
        return _name_actor(book, label, type_)

    author, publisher = document_actors(doc, book, name_actor)
    cue_words = lexicon().cue_words | lexicon().offices | ACT_WORDS

    def worth_parsing(tokens: object) -> bool:
        """A sentence that may hold a stance or introduce someone who will: a cue word, a
        quotation, an office, or a name of two capitalised words."""
        previous = False
        for k, t in enumerate(tokens):
            if t.lower_ in cue_words or t.text in "“\"":
                return True
            title = k > 0 and t.is_title and t.is_alpha
            if title and previous:
                return True
            previous = title
        return False

    matcher = registry_matcher(registry, pipeline)
    known_words = lexicon().capitalised_words

    def names_unknown(tokens: object) -> bool:
        """A capitalised word the registry does not name, nor the lexicon knows (offices,
        titles, days, months): a name only the entity recognizer can find."""
        named = {k for i, j, _, _ in matcher.find(tokens) for k in range(i, j)}
        return any(t.is_alpha and t.text[:1].isupper() and t.i not in named and
                   t.lower_ not in known_words and not (t.is_sent_start and t.is_stop)
                   for t in tokens)

    speaker = speaking_person(doc, book, load_pipeline(pipeline))
    labels = {t.start: t.text_start for t in speaker_turns_of(doc)}
    sents = sentences(doc.text, paragraphs(doc, labels), worth_parsing, pipeline,
                      with_entities=names_unknown)
    found = find_mentions(sents, book, pipeline)
    resolve(sents, found, book, doc)
    speaker_turns = turns(doc, book, author, publisher, name_actor, speaker, found)
    body_voice = speaker.voice or author
    quotes = quotations(doc.text, doc.body_start, len(doc.text))

    events: dict[str, tuple[str, ...]] = {}  # who did the acts the text reports
    first: list[tuple[Sentence, SentenceMentions, str | None, list[Candidate]]] = []
    for s, sm in zip(sents, found, strict=True):
        if not s.parsed or attribution_line(s.text):
            continue  # "The following is attributable to ...:" introduces, says nothing
        record_events(s.doc, lambda i, sm=sm: _actors_at(sm, i), events)
        turn = turn_at(speaker_turns, s.start)
        voice = body_voice if turn is None or turn.speaker is None else turn.speaker
        here = SentenceStances(s, sm, voice, events, book).run()
        first.append((s, sm, voice, here))
    speakers = quotation_speakers(quotes, [(s, cs) for s, _, _, cs in first], doc.text)
    per_sentence: list[tuple[Sentence, float, list[Candidate]]] = []
    last: tuple[int, str] | None = None  # (paragraph, speaker) of the last reported speech
    for s, sm, voice, found_here in first:
        share = quoted_share(quotes, s.start, s.end)
        speaker = next((who for (a, b), who in speakers.items() if a < s.end and s.start < b),
                       None)
        frames = [c for c in found_here if c.category in _FRAMES and c.holders]
        if share > 0.5 and speaker and speaker != voice and not frames:
            # a quotation its speaker goes on with ("We remain prepared ...")
            found_here = SentenceStances(s, sm, speaker, events, book).run()
        elif not frames and last and last[1] != voice and s.paragraph - last[0] <= 1 and \
                voice != NO_ONE:  # a host's question goes on no one's speech
            # reported speech that goes on without its verb ("It was crucial that ...",
            # after "Ms. Patten said ..."): the speaker's too, if the model agrees
            more = SentenceStances(s, sm, last[1], events, book).run()
            found_here = found_here + [replace(c, category="continued") for c in more
                                       if c.category == "voice" or c.category == "modal" and
                                       c.holders == (last[1],)]
        if frames:
            last = (s.paragraph, frames[-1].holders[0])
        per_sentence.append((s, share, found_here))

    parsed = sum(1 for s in sents if s.parsed)
    n_frames = sum(1 for _, _, cs in per_sentence for c in cs if c.category in _FRAMES)
    ctx = Context(author, publisher, book, reporting_level(n_frames, parsed),
                  bool(speaker_turns))
    candidates, feats = [], []
    for s, share, cs in per_sentence:
        for c in cs:
            for h in c.holders:
                if not h or h == NO_ONE or book.news_media(h):
                    continue
                targets = tuple(o for o in c.holders if o != h) if c.mutual else c.targets
                one = replace(c, holders=(h,), targets=tuple(t for t in targets if t != h))
                candidates.append(one)
                feats.append(features(one, s, share, ctx, _named_in(found[s.index], one)))
    return Analysis(doc, book, sents, found, candidates, feats, author, publisher)


def choose(a: Analysis, model: StanceModel | None) -> list[tuple[Candidate, float]]:
    """The candidates taken as stances, with their confidence: by the stance model when
    there is one, else by the rules alone. One stance per holder and piece of evidence."""
    scored: list[tuple[Candidate, float]] = []
    for c, f in zip(a.candidates, a.features, strict=True):
        if c.modality == "hypothetical":
            continue
        if model is None:
            if c.category in _GUESSED and (c.nested or not [k for k in c.content
                                                             if k not in _WEAK]):
                continue  # the rules keep a clause's own assessment only when it has words
                # of one and holds no named actor's stance
            scored.append((replace(c, kind=decide_kind(c)), _CONFIDENCE.get(c.category, 0.6)))
            continue
        p = model.probabilities(f)
        keep = 1.0 - p[NONE]
        if keep < model.threshold:
            continue
        rule = decide_kind(c)
        if c.category in _WORDED:
            kind = rule  # the cue's own word says what it is ("condemned", "vowed")
        else:
            coarse = max((k for k in p if k != NONE), key=p.__getitem__)
            own = c.word if c.holders[0] in (a.author, a.publisher) and c.category in (
                "voice", "modal") else ""
            kind = fine_kind(rule, coarse, c.content, own)
        scored.append((replace(c, kind=kind), keep))
    scored.sort(key=lambda x: (-x[1], _PRIORITY.get(x[0].category, 5), x[0].start))
    kept: list[tuple[Candidate, float]] = []
    for c, conf in scored:
        if any(c.holders == k.holders and _same_evidence(c, k) for k, _ in kept):
            continue
        # a clause someone else holds is the voice's own only when the model is sure
        if c.category in ("voice", "subject") and conf < _SHARED_CLAUSE and any(
                k.sentence == c.sentence and k.cue_token == c.cue_token or
                _overlap(c, k) >= 0.9 for k, _ in kept):
            continue
        kept.append((c, conf))
    return kept


def assemble(a: Analysis, chosen: list[tuple[Candidate, float]],
             min_confidence: float) -> list[Stance]:
    """The chosen candidates as stance records, one per target, numbered in text order."""
    scheme = IssueScheme.load()
    rows = []
    for c, raw in chosen:
        confidence = round(raw, 3)  # as reported, so that no stance shows less than the floor
        if confidence < min_confidence:
            continue
        quote = Span(c.start, c.end, a.doc.text[c.start:c.end])
        # no phrase after the cue, no new issue: "Berlin disagrees" names none
        focus = a.doc.text[c.focus[0]:c.focus[1]] if c.focus else ""
        issue = scheme.issue_for(focus, quote.text)
        for target in c.targets or (None,):
            rows.append((c.start, c.end, Stance(
                id="", holder=c.holders[0], kind=c.kind, quote=quote, target_actor=target,
                issue=issue, modality=c.modality, condition=c.condition,
                attributed_by=a.author, confidence=confidence)))
    rows.sort(key=lambda r: (r[0], r[1]))
    out = []
    for n, (_, _, stance) in enumerate(rows, start=1):
        stance.id = f"{a.doc.id}/{n}"
        out.append(stance)
    return out


def _named_in(sm: SentenceMentions, c: Candidate) -> int:
    """How many mentions of actors other than pronouns the candidate's words hold."""
    return sum(1 for m in sm.mentions if c.start <= m.start and m.end <= c.end and
               m.form not in ("pronoun", "list") and (m.actor or m.members))


def _actors_at(sm: SentenceMentions, i: int) -> tuple[str, ...]:
    m = sm.at(i)
    return m.actors() if m is not None else ()


def _name_actor(book: ActorBook, label: str, type_: str) -> str:
    """The actor a name of the header or metadata refers to: the registry's, a state's
    ministry named as the registry names them, or a new actor."""
    label = label.strip()
    for name in (label, re.sub(r"^the\s+", "", label, flags=re.I)):
        found = book.registry.lookup(name)
        if found:
            return book.ensure(found[0].id)
    m = _DEPARTMENT.match(label)
    if m:
        dept = (m.group("dept1") or m.group("dept2") or "").strip().lower()
        state = _state_named(book, m.group("state"))
        if state:
            return book.ministry(state, dept, alias=label)
    actor = book.new(label, type_)
    initials = "".join(w[0] for w in label.split() if w[:1].isupper())
    if type_ == "Institution" and len(initials) >= 3:
        book.alias(actor, initials)
    return actor


def _state_named(book: ActorBook, name: str) -> str | None:
    name = name.strip().rstrip(".")
    for n in (name, re.sub(r"^the\s+", "", name, flags=re.I)):
        for e in book.registry.lookup(n):
            if e.type == "State":
                return e.id
    return None


def _same_evidence(a: Candidate, b: Candidate) -> bool:
    """Two candidates of one holder that show the same stance: one cue, or spans that mostly
    coincide (a clause inside a longer frame is evidence of its own)."""
    if a.sentence == b.sentence and a.cue_token == b.cue_token:
        return True
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter > 0 and inter / max(a.end - a.start, b.end - b.start) >= 0.6


def _overlap(a: Candidate, b: Candidate) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter / max(1, min(a.end - a.start, b.end - b.start)) if inter > 0 else 0.0


def _actors(a: Analysis, stances: list[Stance]) -> list[Actor]:
    """The document's actors: those it mentions, and every holder and target."""
    book, author, publisher = a.book, a.author, a.publisher
    for s, sm in zip(a.sentences, a.mentions, strict=True):
        for m in sm.mentions:
            if m.actor and m.form not in ("pronoun", "list") and m.actor in book.actors:
                span = Span(m.start, m.end, s.doc.text[s.doc[m.i].idx:s.doc[m.j - 1].idx +
                                                       len(s.doc[m.j - 1].text)])
                book.actors[m.actor].mentions.append(span)
    keep = {author, *(p for p in (publisher,) if p)}
    for st in stances:
        keep.add(st.holder)
        if st.target_actor:
            keep.add(st.target_actor)
    actors = [a for a in book.actors.values() if a.mentions or a.id in keep]
    ids = {a.id for a in actors}
    for a in actors:
        a.affiliations = [x for x in a.affiliations if x in ids or x in book.registry]
    return actors


__all__ = ["extract", "slugify"]
