"""A candidate stance described as sparse features for the stance model: its cue, the kinds
its words signal, its holder, its sentence and the kind of document it is in."""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import COARSE
from .linking import ActorBook
from .nlp import Sentence
from .stances import Candidate, decide_kind

_CONTENT_POS = ("NOUN", "VERB", "ADJ", "ADV")  # names are features of their own


@dataclass(frozen=True)
class Context:
    """What the document as a whole says about its candidates."""

    author: str
    publisher: str | None
    book: ActorBook
    reporting: str  # how much of it is reported speech: "none", "some", "much"
    transcript: bool


def reporting_level(frames: int, parsed: int) -> str:
    rate = frames / max(1, parsed)
    return "none" if rate < 0.15 else "some" if rate < 0.5 else "much"


def features(c: Candidate, s: Sentence, quoted: float, ctx: Context,
             named: int) -> dict[str, float]:
    """The candidate's features; `named` is how many actors its words name."""
    f: dict[str, float] = {}

    def add(name: str, value: float = 1.0) -> None:
        f[name] = value

    decided = decide_kind(c)
    coarse = COARSE.get(decided, "assert")
    holder = c.holders[0]
    book = ctx.book
    add(f"cat={c.category}")
    add(f"word={c.word}")
    add(f"kind={c.kind}")
    add(f"cat|kind={c.category}|{c.kind}")
    add(f"decided={decided}")
    add(f"coarse={coarse}")
    add(f"cat|coarse={c.category}|{coarse}")
    for k in set(c.inner):
        add(f"inner={k}")
    for k in set(c.content):
        add(f"content={k}")
    if not c.content:
        add("content=none")
    add(f"htype={book.type_of(holder)}")
    add(f"hform={c.holder_form}")
    is_author = holder == ctx.author or holder == ctx.publisher
    add(f"author={is_author}")
    add(f"author|cat={is_author}|{c.category}")
    add(f"author|coarse={is_author}|{coarse}")
    actor = book.actors.get(holder)
    if actor is not None and actor.in_registry:
        add("holder_known")
    add("target" if c.targets else "no_target")
    add(f"modality={c.modality}")
    if c.reported_by:
        add("reported")
    if c.nested:
        add("nested")
    add(f"reporting={ctx.reporting}")
    add(f"reporting|cat={ctx.reporting}|{c.category}")
    add(f"reporting|author={ctx.reporting}|{is_author}")
    if ctx.transcript:
        add("transcript")
    if quoted > 0.5:
        add("quoted")
        add(f"quoted|cat={c.category}")
    if s.text.rstrip().endswith("?"):
        add("question")
    if c.cue_token >= 0 and s.parsed:
        # narration is told in the past, assessments in the present or with a modal
        verb = s.doc[c.cue_token]
        tense = next((x.tag_ for x in verb.children if x.dep_ in ("aux", "auxpass")),
                     verb.tag_)
        add(f"tense={tense}")
        add(f"tense|cat={tense}|{c.category}")
        # what the reported clause does: "said Japan must ..." appeals, "will" intends or warns
        clause = next((x for x in verb.children if x.dep_ in ("ccomp", "xcomp")), verb)
        for x in clause.children:
            if x.dep_ == "aux" and x.tag_ == "MD":
                add(f"clause_modal={x.lower_}|{coarse}")
    tokens = list(s.tokens(c.start, c.end))
    for t in tokens:
        if t.pos_ in _CONTENT_POS and t.is_alpha and not t.ent_type_:
            add(f"w={t.lemma_.lower()}")
        if t.dep_ == "neg":
            add("neg")
        if t.lower_ in ("should", "must", "ought", "need"):
            add(f"modal={t.lower_}")
    n = len(tokens)
    add(f"len={'short' if n < 8 else 'mid' if n < 25 else 'long'}")
    if c.category in ("voice", "modal", "subject", "continued"):
        # a framing sentence names no one ("The timing matters."): no position to take
        add(f"names|cat={min(named, 2)}|{c.category}")
    if c.sentence == 0:
        add("first")
    return f
