"""Candidate stances of one parsed sentence: each cue with its holder, kind, targets,
modality and evidence span; and the voice's own assessments.

- A reporting cue ("said", "warned that", "called ... a grave threat") is one stance of its
  speaker: the cues inside what it reports that are the speaker's too ("should", "we will
  respond") decide its kind, with the content words; cues inside it held by others are their
  own.
- Any other cue is held by its subject (agent, possessor); an appeal ("should", "must") by
  whoever speaks there.
- A clause in the voice of the sentence (the author's, a transcript speaker's, a quotation's)
  that no cue covers is that voice's assessment when its words take a position.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .cues import Cue, find_cues, impersonal_passive
from .holders import agent, document_author, holder_token, is_document, subject
from .kinds import content_kinds, strongest
from .lexicon import lexicon
from .linking import ActorBook
from .nlp import Sentence
from .spans import Mention, SentenceMentions, is_partitive
from .targets import LAST_PAPER, aimed_at
from .voices import NO_ONE

_FIRST_PERSON = {"we", "us", "our", "i", "me", "my", "ourselves", "myself"}
# Verbs of meeting someone: "said he had spoken with Mikati" reports a call, not a position.
_CONTACT = {"speak", "talk", "meet", "chat", "telephone"}
_ATTENDING = {"attend", "participate", "chair"}
_FRAME_CATEGORIES = ("speech", "called")
_EXPLICIT = ("verb", "phrasal", "noun", "speech", "called", "adjective")
_CLAUSE_HEADS = ("ROOT", "conj", "parataxis", "ccomp", "advcl")
# "a proposal put forward by Egypt", "the resolution brought by the US": its sponsors propose it
_SPONSORING = {"bring", "draft", "sponsor", "co-sponsor", "table", "submit", "propose",
               "introduce", "author", "present", "circulate"}
_PROPOSALS = {"resolution", "draft", "proposal", "plan", "text", "initiative", "motion",
              "bill", "amendment"}


@dataclass
class Candidate:
    """One possible stance: who, what kind, toward whom, where the evidence is."""

    sentence: int
    holders: tuple[str, ...]
    kind: str
    category: str  # the cue's category, or "voice" for an assessment in the voice's words
    word: str  # the cue's lemma
    targets: tuple[str, ...]
    start: int
    end: int
    focus: tuple[int, int] | None  # what the stance is about (for its issue)
    modality: str = "asserted"
    condition: str | None = None
    inner: list[str] = field(default_factory=list)  # kinds of the cues it reports
    content: list[str] = field(default_factory=list)  # content kinds found in its words
    cue_token: int = -1
    reported_by: str | None = None  # the speaker whose statement this stance sits in
    holder_form: str = "voice"  # how the holder was named: a mention's form, voice, frame
    mutual: bool = False  # each holder's stance is toward the others ("agreed", "each other")
    nested: bool = False  # a clause holding another actor's stance ("issued a statement
    # condemning ...")


@dataclass
class Frame:
    """A reporting cue and the tokens of what it reports."""

    cue: Cue
    holders: tuple[str, ...]
    content: object | None  # the head token of what is said
    tokens: set[int]
    candidate: Candidate | None = None


class _Clauses:
    """One parsed sentence as the candidate finder reads it: the actors its tokens refer
    to, the spans of its clauses, their modality."""

    def __init__(self, s: Sentence, sm: SentenceMentions, voice: str | None,
                 events: dict[str, tuple[str, ...]] | None = None,
                 book: ActorBook | None = None) -> None:
        self.s, self.doc, self.sm, self.voice = s, s.doc, sm, voice
        self.book = book
        self.state_of = book.state_of if book else (lambda actor: None)
        self.affiliations = (lambda a: book.actors[a].affiliations if a in book.actors
                             else []) if book else (lambda actor: [])
        self.events = events if events is not None else {}
        self.lx = lexicon()
        self.frames: list[Frame] = []
        self.cue_tokens: set[int] = set()
        self.explicit_cues: set[int] = set()

    # ------------------------------------------------------------------ mentions
    def targets_at(self, i: int) -> tuple[str, ...]:
        """The actors a stance aimed at the token at `i` is aimed at: an official known by
        office alone stands for their state ("summoned the Ugandan ambassador")."""
        out = []
        for a in self.actors_at(i):
            profile = self.book.profiles.get(a) if self.book else None
            out.append(profile.state if profile and profile.unnamed and profile.state else a)
        return tuple(dict.fromkeys(out))

    def actors_at(self, i: int) -> tuple[str, ...]:
        """The actors the token at `i` refers to (through its mention)."""
        for m in self._lists_over(i):
            if m.members:
                return m.members
        m = self.sm.at(i)
        if m is None:
            return ()
        if m.form == "pronoun" and m.text.lower() in _FIRST_PERSON:
            named = next((c for c in self.doc[i].children if c.dep_ == "appos"), None)
            if named is not None and self.sm.at(named.i) is not None:
                return self.actors_at(named.i)  # "We, the Ministry of Foreign Affairs, ..."
            frame = self._frame_over(i)
            if frame is not None:
                return frame.holders
            return (self.voice,) if self.voice else ()
        return m.actors()

    def _lists_over(self, i: int) -> list[Mention]:
        t = self.doc[i]
        return [m for m in self.sm.mentions if m.form == "list" and m.head == t.i]

    def _holders(self, tok: object | None) -> tuple[str, ...]:
        if tok is None:
            return ()
        if not self.actors_at(tok.i):
            # "Most of the speakers condemned": the people the quantifier counts
            tok = next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children if o.dep_ == "pobj" and is_partitive(o)), tok)
        found = self.actors_at(tok.i)
        if found and tok.head.dep_ == "agent":
            # "opposed by Moscow and, more quietly, by Beijing"
            agents = [*tok.head.conjuncts, *(c for c in tok.head.head.children
                                            if c.dep_ == "agent" and c is not tok.head)]
            more = [a for by in agents for o in by.children if o.dep_ == "pobj"
                    for a in self.actors_at(o.i)]
            return tuple(dict.fromkeys(found + tuple(more)))
        if found:
            # "Biden and Guterres as well as the leaders of Australia and Canada": a plural
            # apposition adds its actors
            more = [a for x in (tok, *tok.conjuncts) for c in x.children
                    if c.dep_ == "appos" and c.tag_ in ("NNS", "NNPS")
                    for a in self.actors_at(c.i)]
            return tuple(dict.fromkeys(found + tuple(more)))
        if is_document(tok):
            author = document_author(tok)
            if author is not None:
                return self.actors_at(author.i)
            # "The resolution condemns ...", "The text urges ...": whoever adopted or issued
            # it, or the document the text named last
            return self.events.get("doc:" + tok.lemma_.lower()) or \
                self.events.get(LAST_PAPER, ())
        if tok.lemma_.lower() == "measure" and tok.tag_ == "NN" and LAST_PAPER in self.events:
            return self.events[LAST_PAPER]  # "The measure demands ...", after a resolution
        return ()

    def _holder_form(self, tok: object | None) -> str:
        if tok is None:
            return "frame"
        m = self.sm.at(tok.i)
        if m is None:
            return "document" if is_document(tok) else "none"
        lists = self._lists_over(tok.i)
        return "list" if lists and lists[0].members else m.form

    def _frame_over(self, i: int) -> Frame | None:
        for f in self.frames:
            if i in f.tokens:
                return f
        return None

    def _own(self, holders: tuple[str, ...]) -> tuple[str, ...]:
        """The holders and the states they belong to: never a stance's target."""
        own = [x for h in holders for x in (self.state_of(h), *self.affiliations(h))]
        return holders + tuple(x for x in dict.fromkeys(own) if x and x not in holders)

    # ------------------------------------------------------------------ spans
    def clause_span(self, head: object, extra: tuple[int, ...] = ()) -> tuple[int, int]:
        """Document offsets of the clause `head` heads, without the clauses coordinated to
        it, widened to cover the tokens in `extra` (the holder's mention)."""
        if head.dep_ == "conj" and head.pos_ in ("VERB", "AUX") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
            extra = ()  # "... confirmed X but denied Y": the second quote starts at its verb
        drop: set[int] = set()
        for c in head.children:
            # a coordinated clause, or a trailing participle or clause with its own subject
            # that is a stance of its own ("..., the ministry added, accusing Washington of
            # ...", "..., while China called on all sides to ...")
            own = c.dep_ == "conj" or c.dep_ == "advcl" and c.i in self.cue_tokens and (
                c.tag_ == "VBG" or any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children))
            if own and c.pos_ in ("VERB", "AUX") and c.i > head.i:
                drop.update(x.i for x in c.subtree)
                drop.update(x.i for x in head.children if x.dep_ == "cc" and x.i < c.i and
                            x.i > head.i)
        keep = [x.i for x in head.subtree if x.i not in drop]
        keep += list(extra)
        a, b = min(keep), max(keep)
        while a < b and (self.doc[a].is_punct and self.doc[a].text not in "“\"‘(" or
                         self.doc[a].dep_ in ("cc",)):
            a += 1
        while b > a and (b in drop or self.doc[b].is_punct and
                         self.doc[b].text not in "”\"’)" and self.doc[b].text != "?"):
            b -= 1  # the sentence's full stop after a clause dropped
        return self.s.offset(self.doc[a:b + 1])

    def _mention_tokens(self, tok: object | None) -> tuple[int, ...]:
        if tok is None:
            return ()
        m = self.sm.at(tok.i)
        return (m.i, m.j - 1) if m is not None else (tok.i,)

    # ------------------------------------------------------------------ modality
    def _negated(self, t: object) -> bool:
        if any(c.dep_ == "neg" or c.dep_ == "det" and c.lower_ == "no" for c in t.children):
            return True  # "did not condemn", "no vetoes by"
        head = t.head
        # "failed to condemn", "declined to comment"
        if t.dep_ == "xcomp" and head.lemma_.lower() in self.lx.null_verbs and \
                head.lemma_.lower() != "refuse":
            return True
        if t.lemma_.lower() in self.lx.null_verbs and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in self.lx.null_objects
                for c in t.children):
            return True
        if t.dep_ == "acl" and head.pos_ == "NOUN" and any(
                c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            return True  # "had no intention to condemn", "no plan to sanction"
        return t.dep_ in ("xcomp", "amod", "acomp") and any(c.dep_ == "neg"
                                                             for c in head.children)

    def _modality(self, t: object) -> tuple[str, str | None]:
        """asserted, conditional (with its condition) or hypothetical."""
        x = t
        for _ in range(6):
            marks = [c for c in x.children if c.dep_ == "mark"]
            condition = next((c for c in x.children if c.dep_ in ("advcl", "prep") and
                              c.lower_ in ("provided", "providing")), None)
            if condition is not None:  # "..., provided that Pyongyang halts its launches"
                return "conditional", self.doc[condition.i:condition.right_edge.i + 1].text
            if any(m.lower_ in ("if", "unless", "whether") for m in marks):
                text = self.doc[x.left_edge.i:x.right_edge.i + 1].text
                return ("conditional", text) if x.i != t.i else ("hypothetical", None)
            if x.dep_ in ("ROOT",) or x.head.i == x.i:
                break
            x = x.head
        auxes = [c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")]
        if ("would" in auxes or "could" in auxes or "might" in auxes) and "have" in auxes:
            return "hypothetical", None
        if ("would" in auxes or "could" in auxes or "might" in auxes) and any(
                c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children
                                          if m.dep_ == "mark") for c in t.children):
            return "hypothetical", None  # "If Riyadh were to ..., Tehran might protest"
        if self.doc.text.rstrip().endswith("?") and self.voice is not None:
            return "hypothetical", None
        return "asserted", None

    # ------------------------------------------------------------------ clauses
    def _ancestors(self, i: int) -> set[int]:
        """The tokens above token i, up to its sentence's root, through its clause only
        (not across a coordination)."""
        out = set()
        x = self.doc[i]
        while x.head.i != x.i and x.dep_ != "conj":
            x = x.head
            out.add(x.i)
        return out

    def _clause_targets(self, t: object, holders: tuple[str, ...] | None = None
                        ) -> tuple[str, ...]:
        cue = Cue(t.i, "claim", "voice", t.lemma_)
        if holders is None:
            holders = (self.voice,) if self.voice else ()
        targets, _ = aimed_at(cue, self.doc, self.targets_at, self._own(holders), t,
                              self.events)
        return targets

    def _topic(self, t: object) -> object:
        """What a clause is about, for its issue: the noun it predicates or acts on
        ("seems to be an unreasonable one-way demand", "postponing the exercises")."""
        for x in (t, *[c for c in t.children if c.dep_ in ("xcomp", "ccomp")]):
            for c in x.children:
                if c.dep_ in ("attr", "dobj", "oprd") and c.pos_ in ("NOUN", "PROPN"):
                    return c
        return t

    def _focus(self, tok: object | None) -> tuple[int, int] | None:
        """Document offsets of the phrase a token heads; a noun's phrase without the
        evaluation before it ("an unreasonable one-way demand" is about "one-way demand")."""
        if tok is None:
            return None
        a = tok.left_edge.i
        if tok.pos_ in ("NOUN", "PROPN"):
            kept = [c for c in tok.lefts if c.dep_ not in ("det", "amod", "predet", "poss",
                                                           "case", "advmod", "punct")]
            a = min([tok.i, *[c.left_edge.i for c in kept]])
        return self.s.offset(self.doc[a:tok.right_edge.i + 1])


class SentenceStances(_Clauses):
    """The candidates of one parsed sentence spoken in `voice`."""

    # ------------------------------------------------------------------ candidates
    def run(self) -> list[Candidate]:
        if self._courtesy():
            return []
        cues = [c for c in find_cues(self.doc) if not self._negated(self.doc[c.token])]
        self.cue_tokens = {c.token for c in cues}
        self.explicit_cues = {c.token for c in cues if c.category in _EXPLICIT}
        for cue in cues:
            if cue.category in _FRAME_CATEGORIES or cue.category == "verb" and \
                    self._clausal(self.doc[cue.token]):
                self._frame(cue)
        out = [f.candidate for f in self.frames if f.candidate]
        framed = {f.cue.token for f in self.frames}
        for cue in cues:
            if cue.token in framed and cue.category != "modal":
                continue
            cand = self._cue(cue)
            if cand is not None:
                out.append(cand)
        out.extend(self._voice_clauses(out))
        out.extend(self._votes_against())
        out.extend(self._sponsors())
        return out

    def _courtesy(self) -> bool:
        """A speaker's own thanks ("Thank you, President", "I'd also like to thank the
        briefers"): courtesy, not a position; "China thanked Russia" and a government's
        "We thank Japan for its support" are."""
        for root in (t for t in self.doc if t.dep_ == "ROOT"):
            verb = next((c for c in root.children if c.dep_ == "xcomp" and
                         c.lemma_.lower() == "thank"), root)
            if verb.lemma_.lower() == "thank" and verb.pos_ == "VERB":
                subj = subject(verb)
                return subj is None or subj.lower_ == "i"
        return False

    def _sponsors(self) -> list[Candidate]:
        """A measure named with who brought it ("a ceasefire proposal put forward by Egypt
        and Qatar"): each sponsor proposes it."""
        out = []
        for t in self.doc:
            lemma = t.lemma_.lower()
            if t.dep_ != "acl" or t.head.lemma_.lower() not in _PROPOSALS or not (
                    lemma in _SPONSORING or lemma == "put" and any(
                        c.lower_ == "forward" for c in t.children)):
                continue
            by = agent(t)
            holders = self._holders(by)
            if not holders or NO_ONE in holders:
                continue
            a, b = self.s.offset(self.doc[t.head.left_edge.i:t.right_edge.i + 1])
            out.append(Candidate(self.s.index, holders, "propose", "verb", lemma, (), a, b,
                                 focus=self._focus(t.head), cue_token=t.i,
                                 holder_form=self._holder_form(by)))
        return out

    def _votes_against(self) -> list[Candidate]:
        """States listed as voting against ("141 in favour to 5 against (A, B, C)", "voting
        against it - A, B and C"): each opposes the measure."""
        doc = self.doc
        for t in doc:
            if t.lower_ != "against" or t.i + 2 >= len(doc) or \
                    doc[t.i + 1].text not in ("(", "-", "–", "—", ":") and \
                    not (doc[t.i + 1].lower_ == "it" and doc[t.i + 2].text in ("-", "–", "—")):
                continue
            start = t.i + (3 if doc[t.i + 1].lower_ == "it" else 2)
            stop = next((x.i for x in doc[start:] if x.text in (")", ";", ".")), len(doc))
            states = [a for k in range(start, stop) if (m := self.sm.at(k)) is not None
                      for a in m.actors() if self.book.type_of(a) == "State"]
            states = list(dict.fromkeys(states))
            if len(states) < 2:
                continue
            a, b = self.s.offset(doc[0:len(doc)])
            while b > a and self.s.text[b - self.s.start - 1] in ". ":
                b -= 1
            return [Candidate(self.s.index, tuple(states), "oppose", "verb", "vote against",
                              (), a, b, focus=None, cue_token=t.i, holder_form="list")]
        return []

    def _quoted_nearby(self, t: object) -> bool:
        return any(x.text in "“”\"" for x in self.doc)

    def _clausal(self, t: object) -> bool:
        return any(c.dep_ in ("ccomp",) for c in t.children)

    def _frame(self, cue: Cue) -> None:
        t = self.doc[cue.token]
        holder_tok = holder_token(cue, self.doc)
        holders = self._holders(holder_tok)
        clauses = [c for c in t.children if c.dep_ in ("ccomp", "xcomp")]
        # the clause said, not "clear" of "made clear that ...": the largest verbal one
        content = max(clauses, key=lambda c: (c.pos_ in ("VERB", "AUX"),
                                              c.right_edge.i - c.left_edge.i), default=None)
        if content is None and (t.dep_ == "parataxis" or cue.word == "according to"):
            content = t.head  # "Germany, he added, would oppose ...", "..., according to X"
        if content is None and cue.category == "called":
            content = next((c for c in t.children if c.dep_ in ("oprd", "xcomp", "attr",
                                                                 "dobj")), None)
        tokens = set(x.i for x in content.subtree) if content is not None else set()
        aside = t.dep_ == "parataxis" or cue.word == "according to"
        if aside:
            tokens = {x.i for x in self.doc if x.i not in {y.i for y in t.subtree}}
        if not holders:
            outer = self._frame_over(t.i)
            holders = outer.holders if outer is not None and holder_tok is None else ()
        if cue.word == "according to" and self.explicit_cues & (tokens - {t.i}):
            holders = ()  # "Somalia urged ..., according to X": a source, not a holder
        frame = Frame(cue, holders, content, tokens)
        self.frames.append(frame)
        if not holders or NO_ONE in holders:
            return
        if content is None and cue.category == "speech" and not self._quoted_nearby(t) and \
                not any(c.dep_ in ("dobj", "dative") for c in t.children):
            return  # "spoke in Tallinn on Monday": speaking, but saying nothing here
        if cue.category == "speech" and content is not None and _contact(content):
            return  # "said he had spoken with the prime minister"
        extra = self._mention_tokens(holder_tok)
        if aside:
            a, b = self.s.offset(self.doc[0:len(self.doc)])
            span = (a, b)
        else:
            span = self.clause_span(t, extra)
        modality, condition = self._modality(t)
        targets, focus_tok = aimed_at(cue, self.doc, self.targets_at, self._own(holders), content,
                                      self.events)
        if cue.category == "verb" and cue.kind not in ("claim", "predict"):
            targets, focus_tok = aimed_at(Cue(cue.token, cue.kind, "verb", cue.word),
                                          self.doc, self.targets_at, self._own(holders),
                                          events=self.events)
            if not targets and content is not None:
                targets, _ = aimed_at(cue, self.doc, self.targets_at, self._own(holders), content)
        words = [self.doc[i] for i in sorted(tokens)] if tokens else \
            [x for x in t.subtree if x.i != t.i]
        frame.candidate = Candidate(
            self.s.index, holders, cue.kind, cue.category, cue.word, targets, *span,
            focus=self._focus(focus_tok), modality=modality, condition=condition,
            content=content_kinds(words), cue_token=cue.token,
            holder_form=self._holder_form(holder_tok))

    def _cue(self, cue: Cue) -> Candidate | None:
        t = self.doc[cue.token]
        holder_tok = holder_token(cue, self.doc)
        holders = self._holders(holder_tok)
        frame = self._frame_over(t.i)
        if cue.category in ("modal", "forecast") or not holders and holder_tok is None or \
                holder_tok is not None and holder_tok.lower_ in _FIRST_PERSON:
            if frame is not None and frame.holders:
                if frame.candidate is not None:
                    frame.candidate.inner.append(cue.kind)
                    if cue.category == "modal":
                        self._appeal_target(frame.candidate, cue)
                    return None
                holders = frame.holders
            elif not holders and cue.category in ("modal", "forecast"):
                holders = (self.voice,) if self.voice else ()
        if not holders or NO_ONE in holders:
            return None
        if frame is not None and frame.candidate is not None and (
                set(holders) <= set(self._own(frame.holders)) or self._under_appeal(t, frame)):
            # the speaker's own, its own side's ("said Brazil would continue to support"),
            # or what the speaker asks of others ("must ... urge X")
            frame.candidate.inner.append(cue.kind)
            return None
        verb = t.head if cue.category == "noun" and t.dep_ in ("dobj", "attr") else t
        if cue.category in ("modal", "forecast"):
            verb = t.head if t.pos_ == "ADJ" else t
        if cue.category == "adjective":
            verb = t.head if t.dep_ in ("acomp", "attr", "xcomp") else t
        modality, condition = self._modality(verb)
        if cue.category == "noun" and t.dep_ not in ("dobj", "attr"):
            span = self.s.offset(self.doc[t.left_edge.i:t.right_edge.i + 1])
            hs = self._mention_tokens(holder_tok)
            if hs:
                a = min(span[0], self.s.offset(self.doc[hs[0]])[0])
                b = max(span[1], self.s.offset(self.doc[hs[-1]])[1])
                span = (a, b)
        else:
            span = self.clause_span(verb, self._mention_tokens(holder_tok))
        if cue.category in ("modal", "forecast"):
            subj = next((c for c in (t.head if t.pos_ == "ADJ" and cue.category == "forecast"
                                     else t).children if c.dep_ in ("nsubj", "nsubjpass")),
                        None)
            if t.pos_ == "VERB" and impersonal_passive(t):
                # "it is recommended that Manila join": the clause's subject
                clause = next((c for c in t.children if c.dep_ == "ccomp"), None)
                subj = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")),
                            None) if clause is not None else None
            if t.pos_ == "ADJ" and cue.category == "modal":  # "appropriate for Seoul to"
                subj = next((o for x in (t, t.head) for c in x.children
                             if c.dep_ == "prep" and c.lower_ == "for"
                             for o in c.children if o.dep_ == "pobj"), None) or next(
                    (g for x in (t, t.head) for c in x.children
                     if c.dep_ in ("xcomp", "ccomp", "advcl") and any(
                         m.lower_ == "for" for m in c.children if m.dep_ == "mark")
                     for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
            targets = tuple(a for a in (self.actors_at(subj.i) if subj is not None else ())
                            if a not in holders)
            focus = self._focus(t)
            kind = "recommend" if cue.category == "modal" and self.voice in holders and \
                frame is None else cue.kind
            if cue.category == "forecast":
                modality = "predicted"
        else:
            targets, focus_tok = aimed_at(cue, self.doc, self.targets_at, self._own(holders),
                                          events=self.events)
            focus = self._focus(focus_tok)
            kind = cue.kind
        if cue.word == "summon":  # a diplomat summoned stands for the state that sent him
            targets = tuple(dict.fromkeys(
                (self.state_of(a) or a) if self.book.is_person(a) else a for a in targets))
        if holder_tok is not None and targets:
            # an office in the holder's own words ("UN Secretary-General Guterres") is no target
            inside = set(range(holder_tok.left_edge.i, holder_tok.i + 1))
            inside |= {k for c in holder_tok.conjuncts for k in range(c.left_edge.i, c.i + 1)}
            targets = tuple(a for a in targets if not (
                at := [m.i for m in self.sm.mentions if a in m.actors()]) or
                any(i not in inside for i in at))
        mutual = False
        partners = self._partners(verb)
        if cue.kind == "agree" and partners or self._each_other(verb):
            # "Ethiopia signed an MoU with Somaliland", "exchanged accusations against each
            # other": each side holds it toward the other
            holders = tuple(dict.fromkeys(holders + partners))
            mutual = len(holders) > 1
        elif cue.kind == "agree" and len(holders) > 1:
            mutual = True  # "South Korea and the United States agreed to ..."
        words = [x for x in verb.subtree]
        form = "voice" if holders == (self.voice,) and (
            holder_tok is None or holder_tok.lower_ in _FIRST_PERSON) else \
            self._holder_form(holder_tok)
        return Candidate(self.s.index, holders, kind, cue.category, cue.word, targets, *span,
                         focus=focus, modality=modality, condition=condition,
                         content=content_kinds(words), cue_token=cue.token,
                         reported_by=frame.holders[0] if frame and frame.holders else None,
                         holder_form=form, mutual=mutual)

    def _partners(self, verb: object) -> tuple[str, ...]:
        """The other party of an agreement: "with Somaliland" on the verb or its object."""
        out: list[str] = []
        for x in (verb, *[c for c in verb.children if c.dep_ == "dobj"]):
            for c in x.children:
                if c.dep_ == "prep" and c.lower_ in ("with", "between"):
                    for o in c.children:
                        if o.dep_ == "pobj":
                            out.extend(self.actors_at(o.i))
                            for conj in o.conjuncts:
                                out.extend(self.actors_at(conj.i))
        return tuple(dict.fromkeys(out))

    def _each_other(self, verb: object) -> bool:
        return any(x.lower_ == "other" and x.head.lower_ in ("against", "with", "at") or
                   x.lower_ == "another" and x.i > 0 and x.nbor(-1).lower_ == "one"
                   for x in verb.subtree)

    def _under_appeal(self, t: object, frame: Frame) -> bool:
        """Whether a cue sits under an appeal inside a frame ("the Council must join ... to
        urge the DPRK"): what the speaker asks, not what the subject did."""
        x = t
        for _ in range(8):
            if any(c.dep_ == "aux" and c.lemma_ in ("should", "must", "ought", "need")
                   for c in x.children):
                return True
            if frame.content is not None and x.i == frame.content.i or x.head.i == x.i:
                return False
            x = x.head
        return False

    def _appeal_target(self, cand: Candidate, cue: Cue) -> None:
        t = self.doc[cue.token]
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and not cand.targets:
            cand.targets = tuple(a for a in self.actors_at(subj.i) if a not in cand.holders)

    def _voice_clauses(self, found: list[Candidate]) -> list[Candidate]:
        """Clauses no cue covers, as assessments of the voice (the author's, the speaker's)
        and, when an actor is their subject, as that actor's ("China will take necessary
        measures"); the stance model decides which are stances."""
        covered = {c.cue_token for c in found}
        for c in found:  # "lodged a protest": the light verb's clause is the noun cue's
            t = self.doc[c.cue_token]
            if c.category in ("noun", "adjective", "modal") and t.head.i != t.i:
                covered.add(t.head.i)
        out = []
        for t in self.doc:
            if t.dep_ not in ("ROOT", "conj") or t.pos_ not in ("VERB", "AUX"):
                continue
            if t.dep_ == "conj" and t.head.dep_ != "ROOT":
                continue
            if t.i in covered or self._frame_over(t.i) is not None or _contact(t) or any(
                    c.dep_ == "ccomp" and _contact(c) for c in t.children):
                continue
            # "Ghana issued a statement condemning ...": likely Ghana's, not the voice's
            nested = any(c.holder_form not in ("voice", "frame") and c.category in _EXPLICIT
                         and t.i in self._ancestors(c.cue_token) for c in found)
            span = self.clause_span(t)
            words = list(self.s.tokens(*span))
            kinds = content_kinds(words)
            kind = strongest([k for k in kinds if k != "predict"]) or "claim"
            modality, condition = self._modality(t)
            subj = subject(t)
            owners = self._holders(subj) if subj is not None and \
                subj.lower_ not in _FIRST_PERSON else ()
            owners = tuple(a for a in owners if a != self.voice)
            if self.voice:
                # a subject the voice speaks for holds the voice's words as the text names it
                # ("The ROK Government will not tolerate ..." in its ministry's statement)
                spoken_for = owners and owners[0] in self._own((self.voice,))[1:]
                holders = owners if spoken_for else (self.voice,)
                targets = tuple(x for x in self._clause_targets(t) if x not in holders)
                out.append(Candidate(self.s.index, holders, kind, "voice",
                                     t.lemma_.lower(), targets, *span,
                                     focus=self._focus(self._topic(t)), modality=modality,
                                     condition=condition, content=kinds, cue_token=t.i,
                                     nested=nested))
            if owners:
                span = self.clause_span(t, self._mention_tokens(subj))
                out.append(Candidate(self.s.index, owners, kind, "subject", t.lemma_.lower(),
                                     self._clause_targets(t, owners), *span,
                                     focus=self._focus(self._topic(t)), modality=modality,
                                     condition=condition, content=kinds, cue_token=t.i,
                                     holder_form=self._holder_form(subj)))
        return out


def _contact(verb: object) -> bool:
    """A clause that only tells of meeting or talking with someone ("she spoke with Lula"),
    or of going somewhere or attending something ("will attend the opening ceremony")."""
    lemma = verb.lemma_.lower()
    if lemma in _ATTENDING and not any(
            c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ != "will" for c in verb.children):
        return True
    return lemma in _CONTACT and not any(
        c.dep_ in ("ccomp", "xcomp", "dobj") for c in verb.children)


def decide_kind(c: Candidate) -> str:
    """The kind a candidate ends with: a frame takes the strongest of the cues it reports and
    its content words, else its own."""
    if c.category in _FRAME_CATEGORIES:
        inner = strongest(c.inner)
        if inner and inner not in ("claim", "predict"):
            return inner
        content = strongest(c.content)
        if content and content not in ("predict",):
            if c.kind in ("warn", "predict") and content in ("claim",):
                return c.kind
            return content if c.kind in ("claim", "predict") or c.category == "called" \
                else c.kind
        return c.kind
    if c.category == "verb" and c.kind in ("claim",):
        return strongest(c.content) or c.kind
    return c.kind
