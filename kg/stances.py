"""Stances from sentences: who takes which position toward whom, with the clause as evidence.

For each sentence: quotations, hypothetical framing and clauses are found; in each clause the
first cue (a reporting verb, a stance verb, a modal or impersonal recommendation, an evaluative
idiom or a forecast) is the frame. Its holder is the clause subject (lists, appositions,
parentheticals, pronouns and relative pronouns resolved), a passive's by-agents, the speaker
after a quotation ("..., she said"), or the author for the piece's own voice. The target is
the object the cue is aimed at, or what the reported content is about (README conventions).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from . import lexicon as lx
from .mentions import ActorBook, Mention, MentionFinder, mask
from .prefilter import Prefilter
from .records import Document
from .sentences import Sentence

COARSE = {
    "condemn": "disapprove", "criticize": "disapprove", "accuse": "disapprove",
    "support": "approve", "welcome": "approve", "agree": "approve",
    "oppose": "reject", "reject": "reject", "deny": "reject", "refuse": "reject",
    "reluctant": "reject", "demand": "appeal", "urge": "appeal", "recommend": "appeal",
    "propose": "appeal", "warn": "warn", "threaten": "warn", "claim": "assert",
    "predict": "assert", "intend": "intend",
}
_CATEGORY_RANK = {"null": 0, "evaluative": 1, "impersonal": 2, "passive": 3, "frame": 3,
                  "artifact": 3,
                  "possessed": 3, "verb": 4, "called": 5, "speech": 6, "nominal": 7, "modal": 8,
                  "predict": 9}
_BASE_CONFIDENCE = {"artifact": 0.75, "verb": 0.88, "speech": 0.82, "called": 0.78, "passive": 0.82,
                    "modal": 0.78, "impersonal": 0.8, "evaluative": 0.6, "frame": 0.62,
                    "predict": 0.5, "nominal": 0.55, "possessed": 0.55}
_TOKEN = re.compile(r"[’']s\b|\w+(?:[-’']\w+)*|[^\w\s]")
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "who", "which", "its", "their", "his", "her",
             "our", "us"}
_SKIP = {
    "keeps", "kept", "keep", "continues", "continued",  # "Moscow keeps denying it"
    "has", "have", "had", "was", "were", "is", "are", "been", "be", "also", "merely", "long",
    "separately", "repeatedly", "already", "then", "now", "again", "jointly", "once", "later",
    "earlier", "previously", "so", "far", "just", "even", "still", "would", "will", "could",
    "may", "might", "can", "did", "does", "do", "today", "yesterday", "too", "all", "itself",
    "themselves", "both", "nonetheless", "nevertheless", "however", "meanwhile", "instead",
    "further", "since", "first",
    "likewise", "similarly", "reportedly", "publicly", "privately", "formally", "officially",
}
_PAREN_START = {"however", "though", "predictably", "meanwhile", "moreover", "too", "also",
                "whose", "nonetheless", "nevertheless", "notably", "in particular",
                "for", "in", "more", "who", "which", "whoever", "whatever", "therefore",
                "in turn", "as", "unsurprisingly", "instead", "again", "once", "after", "at",
                "on", "by", "like", "with", "according", "if", "unless", "when", "despite",
                "having"}
_SPEAKER_NOUNS = {"reports", "report", "statement", "statements", "spokesperson", "spokesman",
                  "spokeswoman", "officials", "envoy", "diplomats", "government", "leaders",
                  "leadership", "analysis", "findings", "representative", "delegation",
                  "commentary", "editorial", "column"}
_INTRO = re.compile(
    r"^(?:(?:Shortly|Soon|Just|Immediately|Hours|Days|Weeks|Minutes|Moments|Long|Well)\s+"
    r"(?=(?:after|before|later|earlier|since)\b)|(?:Hours|Days|Weeks)\s+later\b|In|At|After|As|For|With|Since|During|Despite|Furthermore|Moreover|However|Yet|"
    r"Still|First|Second|Third|Fourth|Fifth|Finally|Originally|Currently|Ultimately|Of course|"
    r"Meanwhile|Then|Now|Regarding|Speaking|Under|Last|On|Before|Following|Later|Earlier|"
    r"Instead|Indeed|Thus|Therefore|Eventually|Again|Also|Even so|By|Over|Today|This)\b"
    r"[^,;]{0,100},\s*"
)
_INTRO_MORE = re.compile(r"(?:in|at|on|after|during|since|before|by|over|last|later|earlier)\b"
                         r"[^,;]{0,60},\s*")
_NP_STOP = re.compile(
    r"\s(?:as|in|for|at|with|during|through|because|after|before|since|over|to\s+(?!the\s+"
    r"defen))\s|[,;:“”\"(]|\s(?:a|an)\s(?=[“\"]|\w+\s+[“\"])"
)
_MEASURES = re.compile(
    r"\b(?:sanctions?|penalt(?:y|ies)|measures?|action|resolutions?|restrictions?|pressure|"
    r"embargo|steps?|punishment)\s+(?:on|against|targeting)\s+(?:the\s+)?", re.IGNORECASE
)
_REJECTED_KINDS = {
    "accusation": {"accuse", "criticize", "condemn"}, "charge": {"accuse", "criticize"},
    "allegation": {"accuse", "claim"}, "claim": {"claim", "accuse", "criticize"},
    "protest": {"condemn"}, "condemnation": {"condemn"}, "criticism": {"criticize", "condemn"},
    "warning": {"warn", "threaten"}, "threat": {"threaten", "warn"},
    "demand": {"demand", "urge"}, "call": {"demand", "urge"}, "request": {"urge", "demand"},
    "proposal": {"propose"}, "offer": {"propose"}, "plan": {"propose"},
    "suggestion": {"propose", "recommend"}, "criticisms": {"criticize"},
}
_REJECTED_NOUN = re.compile(
    r"\b(accusations?|charges?|claims?|allegations?|protests?|condemnation|criticisms?|warnings?|"
    r"threats?|demands?|calls|requests?|proposals?|offers?|plans?|suggestions?)\b", re.IGNORECASE)
_HYPOTHETICAL_OPEN = re.compile(r"^\W*(?:(?:Even\s+)?If|Were|Had|Should|Unless)\b")
_MAIN_MODAL = re.compile(r"\b(?:would|might|could)\b")
_CONDITION = re.compile(
    r"\b(?:under\s+the\s+conditions?\s+that|on\s+(?:the\s+)?condition\s+that|provided\s+that|"
    r"as\s+long\s+as|unless|if)\b[^.;]*", re.IGNORECASE)
_CONDITION_LOW = re.compile(  # _CONDITION for lowercased text, led by letters (see lx.words)
    r"(?:u(?<!\wu)nder\s+the\s+conditions?\s+that|o(?<!\wo)n\s+(?:the\s+)?condition\s+that|"
    r"p(?<!\wp)rovided\s+that|a(?<!\wa)s\s+long\s+as|u(?<!\wu)nless|i(?<!\wi)f)\b[^.;]*")
_CONJUNCTION_LEAD = re.compile(r"(?:But|And|Yet|So|Still)\s+")
_WILL = re.compile(r"will|shall", re.IGNORECASE)
_WE_BEFORE = re.compile(r"\b(?:[Ww]e|I)\s+(?:\w+ly\s+)?$")
_NOT_AFTER = re.compile(r"\s+(?:not|never)\b")
_WILL_WOULD = re.compile(r"will|would", re.IGNORECASE)
_STATEMENT = re.compile(
    r"\b(?:issued|released|published|put\s+out|made|delivered|gave)\s+(?:an?\s+|the\s+)?"
    r"(?:\w+\s+){0,2}(?:statement|speech|address|remarks|communiqu[ée])"
    r"(?:\s+(?:on|in|at)\s+[^,;]{0,40}?)?,?\s*$", re.IGNORECASE)
# Verbs that start a coordinated clause of their own ("..., and accused Tehran of ...")
_AND_VERBS = (r"(?:reaffirm|warn|vow|call|urg|condemn|denounc|accus|insist|said|add|stress|"
              r"reject|demand|pledg|promis|threaten|express|agree|stated|explain|announc|"
              r"noted|asked|welcom|prais|support|oppos|criticiz|criticis|predict|argu|deni|thank|"
              r"encourag|pledg|signed|"
              r"dismiss|blam|appeal|told)")
# grouped by first character (";", "," or a space) so that few branches are tried per position
_CLAUSE_CUT = re.compile(
    r";\s+|,\s+(?:(?=(?:while|whereas|although|though|but|yet|as|so\s+that)\b)"
    rf"|and\s+(?=(?:also\s+)?(?:ha(?:s|ve|d)\s+)?(?:also\s+)?{_AND_VERBS}\w*\b)"
    r"|(?=(?:which|who)\b)|(?=and\s)"
    r"|(?=(?:a|an)\s+[\w-]+\s+(?:that|which)\b)"
    r"|(?=(?:condemning|accusing|calling|urging|warning|saying|demanding|denouncing|"
    r"criticizing|criticising|rejecting|praising|vowing|adding|insisting|arguing|"
    r"threatening|claiming)\b))"
    rf"|\s+(?:and\s+(?=(?:also\s+)?(?:ha(?:s|ve|d)\s+)?(?:also\s+)?{_AND_VERBS}\w*\b|that\b)"
    rf"|(?=but\s+(?:also\s+)?{_AND_VERBS}\w*\b)"
    # "statements in which Caracas accuses ...": a relative clause of its own
    r"|(?=(?:in|under|through|with)\s+which\s))"
    # '..., in months," but said ...', '"laughable," and X said': a comma inside the quotation
    r"|(?<=[”\"])\s+(?=(?:but|while|whereas|although|though|yet)\b|and\s)"
)
_RELATIVE = re.compile(r"(?:which|who)\b")
_PARTICIPLE = re.compile(
    r"(?:condemning|accusing|calling|urging|warning|saying|demanding|denouncing|criticizing|"
    r"criticising|rejecting|praising|vowing|adding|insisting|arguing|threatening|claiming)\b")
_AND_CUT = re.compile(r",?\s+and\s+")
_AND_VERB_NEXT = re.compile(rf"(?:also\s+)?(?:ha(?:s|ve|d)\s+)?(?:also\s+)?{_AND_VERBS}")
_BUT_VERB_NEXT = re.compile(rf"but\s+(?:also\s+)?{_AND_VERBS}")
_SUBJECT_WORD = re.compile(r"(?:the|we|it|they|he|she|this|that|its|their)\b", re.IGNORECASE)
_CLAUSE_LEAD = re.compile(r"[\s,;]*(?:(?:and|but|while|whereas|although|though|yet|as|so that)"
                          r"\s+)?")
_BOUND_BEFORE = re.compile(r"(?:^|[,;]|\b(?:as|that|since|because|while|and|but|both|the|"
                           r"though|although|whereas|"
                           # "..., an allegation Abu Dhabi denies": a clause of its own
                           r"charges?|allegations?|accusations?|claims?|assertions?))$",
                           re.IGNORECASE)
_LAST_PART = re.compile(r"[,;]")
_NOTHING = re.compile(r"\s+nothing\b")
_POSSESSIVE_GAP = re.compile(r"(?:[’']s)?\s*")
_AFTER_QUOTE = re.compile(r"[,”\"’]\s*$")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:(?:leaders?|heads?|members?|governments?|"
                        r"foreign\s+ministers?|officials?)\s+of\s+(?:the\s+)?)?$")
_AND_BEFORE = re.compile(r"(?:and|,)\s+(?:the\s+)?$")
_TOGETHER_WITH = re.compile(r"\b(?:together|along|jointly)\s+with\s+$")
_SPACE_COMMA = re.compile(r"[\s,]*")
_AND_ADVERB_BEFORE = re.compile(r"\band\s+(?:also\s+)?(?:\w+ly\s+)?$")
_LEADING_GAP = re.compile(  # "the government of X" stands for X
    r"[\s,]*(?:that\s+|the\s+|both\s+|\(\s*|(?:government|authorities|people)\s+of\s+)*"
    r"[\s“\"]*", re.IGNORECASE)
_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*(?:the\s+)?")
_ONLY_LIST = re.compile(r"[\s,]*(?:(?:and|the|both)\s*[\s,]*)*")
_MENTION_LEAD = re.compile(r"[\s“\"]*(?:that\s+)?(?:the\s+)?", re.IGNORECASE)
_STANCE_VERBS = [c for c in lx.VERBS if c.category == "verb"]
# all stance verbs in one pattern, in list order (a match's group names its cue)
_STANCE_VERB_AT = re.compile("|".join(f"(?P<v{n}>{c.pattern.pattern})"
                                      for n, c in enumerate(_STANCE_VERBS)), re.IGNORECASE)
_AND_WORD = re.compile(r"\band\s")
_CONTINUE_TO = re.compile(r"\b(?:will|would|shall)\s+(?:\w+ly\s+)?(?:continue|keep)\s+(?:to\s+)?$")
_AUX_GAP = re.compile(r"\s+(?:\w+ly\s+)?(?:(?:continue|keep|remain|be)\s+(?:to\s+)?)?(?:not\s+)?")
# "which hopes to show that ...": what someone means to say is not yet said
_AIMED_AT = re.compile(r"\b(?:hopes?|hoped|hoping|wants?|wanted|seeks?|sought|tries|tried|"
                       r"aims?|aimed|plans?|planned|intends?|intended)\s+to\s+$")
_USED_TO = re.compile(
    r"\b(?:used|uses|using|took|takes|seized|chose|chooses|had\s+used)\s+(?:the|an?|its|his|"
    r"her|their|this|that)\s[^,;]{0,80}?\bto\s+$", re.IGNORECASE)
_TOLD_THAT = re.compile(r"(?:\s+[^\s,;“\"]+){1,10}?\s+that\b")
# "said in a statement that", "added on Tuesday that": the content starts after "that"
_PHRASE_BEFORE_THAT = re.compile(r"\s+(?:in|on|at|during|after|before|through|via|late|early|"
                                 r"earlier|later|last|this)\s")
_CAPITALISED_GAP = re.compile(r"\s+(?:[A-Z][\w-]*\s+){1,2}")
_POSSESSIVE_LEAD = re.compile(r"\W*(its|their|his|her)\b", re.IGNORECASE)
_OWNER_PRONOUN = re.compile(r"\b(his|her|their|its)\b", re.IGNORECASE)
_MISSION = re.compile(r"(?:Embassy|High Commission|Consulate|Permanent Mission|Mission)\b")
# "China, he said, opposes ...": a subject, a comma, the speaker; then a comma and the verb
_BEFORE_ASIDE = re.compile(r"\w,\s+[^,;]{1,50}$")
_AFTER_ASIDE = re.compile(r",\s+(?:\w+ly\s+)?")
_ABOUT_ACTORS_ONLY = re.compile(r"\b(?:welcome|slow|right)\b", re.IGNORECASE)
_WITH_PARTNER = re.compile(
    r"\b(?:agreements?|deals?|pacts?|treat(?:y|ies)|talks|dialogue|negotiations?|accords?|truce|"
    r"ceasefire|partnership|arrangements?|protests?)\s+with\s+", re.IGNORECASE)
_PASSIVE_ASIDE = re.compile(r"\s+by\b")
_PASSIVE_THING = re.compile(r"\W*(?:It|This|That|The|These|Those)\b")
_DISAPPROVING = {"condemn", "criticize", "accuse", "oppose", "reject", "warn", "threaten"}
_THIS_PIECE = re.compile(r"\b(?:[Tt]his|[Oo]ur)\s+(?:brief|paper|article|essay|piece|report|"
                         r"commentary|column|analysis|memo|editorial|study)\s+$")
_AUTHOR_SUBJECTLESS = re.compile(r"\b(?:suggest|indicate|show|mean)", re.IGNORECASE)


@dataclass(slots=True)
class Draft:
    holders: tuple[str, ...]
    kind: str
    targets: tuple[str | None, ...]
    start: int
    end: int
    category: str
    modality: str = "asserted"
    condition: str | None = None
    confidence: float = 0.8
    issue_start: int = 0
    issue_end: int = 0
    sentence: int = 0


_NO_ONE = ""  # the holder of a question's own voice, whose stances are dropped


@dataclass(frozen=True, slots=True)
class Voice:
    """Whose the piece's own voice is from `start` to `end` (a transcript's turn); None: no
    one's (a question)."""
    start: int
    end: int
    holder: str | None


@dataclass(slots=True)
class Clause:
    start: int
    end: int
    how: str  # how it was split from the previous one
    subject: tuple[str, ...] | None = None
    frame: Draft | None = None
    cue_kind: str | None = None
    skip: list[tuple[int, int]] = field(default_factory=list)  # parentheticals of its own


class _Item(NamedTuple):
    kind: str  # M (mention), W (word), P (punctuation), Q (quotation)
    start: int
    end: int
    text: str
    mention: Mention | None = None


@dataclass(slots=True)
class _Memory:
    subjects: list[tuple[int, tuple[str, ...] | None]] = field(default_factory=list)
    persons: list[tuple[int, str]] = field(default_factory=list)
    accusers: list[str] = field(default_factory=list)
    claimants: list[str] = field(default_factory=list)
    event_agents: dict[str, tuple[str, ...]] = field(default_factory=dict)
    last_event: str | None = None
    last_event_sentence: int = -9


class StanceFinder:
    def __init__(self, doc: Document, sentences: list[Sentence], finder: MentionFinder,
                 book: ActorBook, author: str, voices: list[Voice] | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.masked = finder.masked if finder.text is doc.text else mask(doc.text)
        lower = doc.text.lower()
        self.lower = lower if len(lower) == len(doc.text) else None
        self.sentences = sentences
        self.book = book
        self.author = author
        self.document_author = author
        self.voices = voices or []
        self.mentions = finder.mentions
        self.mem = _Memory()
        topic = finder.topic_state()
        if topic:
            self.mem.event_agents["launch"] = (topic,)
        self.drafts: list[Draft] = []
        self.sentence_index = 0
        self._body = (sentences[0].start, sentences[-1].end) if sentences else (0, 0)
        self._word_hits: dict[str, list[tuple[int, int]]] = {}
        self._cue_hits = self._scan_cues()
        self._cue_starts = [h[0] for h in self._cue_hits]

    # ------------------------------------------------------------------------- driver
    def run(self) -> list[Draft]:
        k = 0
        for n, s in enumerate(self.sentences):
            self.sentence_index = n
            ms = []
            while k < len(self.mentions) and self.mentions[k].start < s.start:
                k += 1
            j = k
            while j < len(self.mentions) and self.mentions[j].start < s.end:
                ms.append(self.mentions[j])
                j += 1
            self._sentence(s, ms)
        return self._dedupe(self.drafts)

    def _voice_at(self, pos: int) -> str:
        for v in self.voices:
            if v.start <= pos < v.end:
                return _NO_ONE if v.holder is None else v.holder
        return self.document_author

    def _sentence(self, s: Sentence, ms: list[Mention]) -> None:
        self.author = self._voice_at(s.start)
        quotes = _quotes(self.text, s.start, s.end)
        # a question asks, it states nothing: "Does the United States support his reelection?"
        hypothetical = self._hypothetical(s) or bool(_QUESTION.search(self.text, s.start, s.end))
        condition = None
        if self.lower is not None:  # same offsets, faster case-sensitive scan
            cm = _CONDITION_LOW.search(self.lower, s.start, s.end)
        else:
            cm = _CONDITION.search(self.text, s.start, s.end)
        if cm and not hypothetical:
            condition = self.text[cm.start():cm.end()].strip().rstrip(",")
        clauses = self._clauses(s, quotes, ms)
        prev: Clause | None = None
        for cl in clauses:
            self._note_events(cl, ms)
            drafts = [] if hypothetical else self._clause(s, cl, prev, quotes, ms)
            if self.author == _NO_ONE:  # a question: its own voice holds nothing
                drafts = [d for d in drafts if _NO_ONE not in d.holders]
            for d in drafts:
                if condition and d.modality == "asserted" and cm and not (
                        d.start <= cm.start() < d.end and cm.start() - d.start < 3):
                    d.modality = "conditional"
                    d.condition = condition
                d.sentence = self.sentence_index
                self.drafts.append(d)
                self._remember(d)
            if cl.subject is None:
                cl.subject = self._plain_subject(cl, ms, quotes)
            self.mem.subjects.append((cl.start, cl.subject))
            for a in cl.subject or ():
                # "a spokeswoman for the ministry said ... She urged": she is the ministry
                if self.book.is_person(a) or any(
                        m.form == "spokes" and a in m.actors and cl.start <= m.start < cl.end
                        for m in ms):
                    self.mem.persons.append((cl.start, a))
            prev = cl

    def _remember(self, d: Draft) -> None:
        if d.kind == "accuse":
            self.mem.accusers.extend(d.holders)
        if d.kind in ("claim", "accuse", "criticize", "condemn"):
            self.mem.claimants.extend(d.holders)

    # ------------------------------------------------------------------------- structure
    def _hypothetical(self, s: Sentence) -> bool:
        t = self.text[s.start:s.end]
        if not _HYPOTHETICAL_OPEN.match(t):
            return False
        comma = t.find(",")
        main = t[comma:] if comma >= 0 else t
        return bool(_MAIN_MODAL.search(main))

    def _clauses(self, s: Sentence, quotes: list[tuple[int, int]], ms: list[Mention]
                 ) -> list[Clause]:
        cuts: list[tuple[int, str]] = []
        t = self.masked
        starts = {m.start for m in ms}
        parens: list[tuple[int, int]] = []
        for m in _CLAUSE_CUT.finditer(t, s.start, s.end):
            if any(q0 <= m.start() < q1 for q0, q1 in quotes):
                continue
            nxt = t[m.end():m.end() + 12]
            if _RELATIVE.match(nxt) and "," in t[m.end():s.end]:
                # ", who observed the launch, vowed": a parenthetical, a clause of its own
                close = t.find(",", m.end(), s.end)
                if not any(q0 < close < q1 for q0, q1 in quotes):
                    parens.append((m.end(), close))
                continue
            how = "and_that" if t[m.start():m.end()].strip() == "and" and nxt.startswith("that") \
                else ("relative" if _RELATIVE.match(nxt) else "clause")
            if nxt.startswith("and") and nxt[3:4].isspace():
                after = m.end() + 4
                while after < s.end and t[after] == " ":
                    after += 1
                if not (after in starts or _SUBJECT_WORD.match(t, after, after + 6)):
                    continue
            if _PARTICIPLE.match(nxt):
                how = "participle"
            if how == "clause" and (_AND_CUT.fullmatch(t, m.start(), m.end()) and
                                    _AND_VERB_NEXT.match(nxt) or _BUT_VERB_NEXT.match(nxt)):
                how = "and_verb"  # "..., but added", "and accused": the same subject
            cuts.append((m.start(), how))
        clauses: list[Clause] = []
        pos, how = s.start, "start"
        for cut, next_how in cuts:
            if cut > pos:
                clauses.append(Clause(pos, cut, how))
            pos, how = cut, next_how
        clauses.append(Clause(pos, s.end, how))
        for cl in clauses:  # trim separators and leading conjunctions
            m = _CLAUSE_LEAD.match(self.text, cl.start, cl.end)
            if m and m.end() < cl.end:
                cl.start = m.end()
        # a clause that is only a list of actors belongs to the next one ("A, B, and C agreed")
        merged: list[Clause] = []
        for cl in clauses:
            if merged and _only_mentions(self.text, merged[-1], ms):
                merged[-1] = Clause(merged[-1].start, cl.end, merged[-1].how)
            else:
                merged.append(cl)
        for p0, p1 in parens:
            for k, cl in enumerate(merged):
                if cl.start <= p0 and p1 <= cl.end:
                    cl.skip.append((p0, p1))
                    merged.insert(k + 1, Clause(p0, p1, "parenthetical"))
                    break
        return merged

    # ------------------------------------------------------------------------- clause
    def _clause(self, s: Sentence, cl: Clause, prev: Clause | None,
                quotes: list[tuple[int, int]], ms: list[Mention]) -> list[Draft]:
        cues = self._cues(cl, quotes, ms)
        out: list[Draft] = []
        if cl.how == "and_that" and prev is not None and prev.frame is not None:
            d = self._continued_speech(cl, prev.frame, ms, quotes)
            cl.frame = prev.frame
            cl.subject = prev.subject
            if d and d.kind == prev.frame.kind and (
                    d.targets in (prev.frame.targets, (None,)) or prev.frame.targets == (None,)):
                # "said A and that B", both plain statements: one stance, one span
                prev.frame.end = max(prev.frame.end, d.end)
                if prev.frame.targets == (None,):
                    prev.frame.targets = d.targets
                return []
            return [d] if d else []
        first = True
        unknown_speaker = False
        for cue_start, cue_end, cue in cues:
            if cue.category == "null":
                if first:
                    cl.subject = self._subject(cl, cue_start, ms, quotes, prev)[0]
                return out
            if not first and cue.category in ("modal", "predict", "speech", "called"):
                continue
            before = self.text[cl.start:cue_start]
            if NON_ASSERTED_BEFORE(before) or cue.category == "speech" and \
                    _AIMED_AT.search(before):
                continue
            holders, via = self._holders(s, cl, prev, cue_start, cue_end, cue, ms, quotes)
            if not first and (via != "name" or not self._bounded_subject(cl, cue_start, ms)):
                continue
            if not first and cl.frame is not None and cl.frame.category in (
                    "speech", "impersonal") and cue.category != "nominal":
                continue  # "said that Norway is ready to ...", "it is essential that X agree"
            if self._negated(cl, cue_start, cue_end, cue):
                if first:
                    cl.subject = holders or None
                first = False
                continue
            if unknown_speaker and via == "author":
                continue  # inside what someone unnamed said: not the author's voice
            if not holders:
                # "the five arbitrators found that ...": what follows is theirs, whoever they are
                unknown_speaker = unknown_speaker or cue.category == "speech" and bool(
                    _THAT_AFTER.match(self.text, cue_end))
                continue  # a noun that looks like a verb ("such claim", "Moscow's veto")
            drafts = self._build(s, cl, cue_start, cue_end, cue, holders, via, ms, quotes,
                                 secondary=not first)
            if not first and out:
                for d in drafts:
                    if d.kind == "deny" and d.targets == (None,):
                        # "X accused Y of ..., a charge Y denies": the denial answers X
                        d.targets = tuple(h for h in out[0].holders if h not in d.holders) \
                            or (None,)
            if first:
                cl.subject = holders if via != "author" else cl.subject
                cl.frame = drafts[0] if drafts else None
            out.extend(drafts)
            first = False
        return out

    def _bounded_subject(self, cl: Clause, cue_start: int, ms: list[Mention]) -> bool:
        """Whether the mention before a later cue starts a clause of its own ("as the US
        was reluctant"), rather than modifying a noun ("repeated U.S. offers")."""
        subj = [m for m in ms if cl.start <= m.start < cue_start]
        if not subj:
            return False
        before = self.text[cl.start:subj[-1].start].rstrip()
        return bool(_BOUND_BEFORE.search(before)) and not subj[-1].attributive

    def _scan_cues(self) -> list[tuple[int, int, lx.Cue]]:
        """Every cue match of the body, once per document (clauses pick theirs by offset)."""
        start = self.sentences[0].start if self.sentences else 0
        end = self.sentences[-1].end if self.sentences else 0
        found = []
        cues = lx.ALL_CUES
        for n, m in _cue_filter().finditer(self.masked, start, end):
            if n < len(cues):
                found.append((m.start(), m.end(), cues[n]))
            else:
                kind = lx.PASSIVE_VERBS[m.group("verb").lower()]
                found.append((m.start(), m.end(), lx.Cue(lx.PASSIVE, kind, "passive")))
        # at one position the longer wording wins ("pledged full support for" over "pledged")
        found.sort(key=lambda f: (f[0], _CATEGORY_RANK[f[2].category], f[0] - f[1]))
        return found

    def _cues(self, cl: Clause, quotes: list[tuple[int, int]], ms: list[Mention]
              ) -> list[tuple[int, int, lx.Cue]]:
        found = []
        i = bisect_left(self._cue_starts, cl.start)
        while i < len(self._cue_hits) and self._cue_hits[i][0] < cl.start:
            i += 1
        while i < len(self._cue_hits) and self._cue_hits[i][0] < cl.end:
            hit = self._cue_hits[i]
            i += 1
            if hit[1] > cl.end:
                continue
            if hit[2].category != "nominal" and any(q0 <= hit[0] < q1 for q0, q1 in quotes):
                continue
            if any(x.start <= hit[0] < x.end for x in ms):
                continue  # "United States" is no verb
            if any(p0 <= hit[0] < p1 for p0, p1 in cl.skip):
                continue  # a relative clause inside: its own clause
            if hit[2].category == "verb" and self.text[hit[1] - 2:hit[1]] == "ed" and \
                    self.text[max(0, hit[0] - 3):hit[0]].rstrip().endswith(",") and \
                    _PASSIVE_ASIDE.match(self.text, hit[1]):
                continue  # ", backed by its allies,": an aside, not what the subject does
            found.append(hit)
        # "Japan will continue to support ...": the stance verb, not a forecast, is the frame
        found = [f for k, f in enumerate(found) if not (
            f[2].category == "predict" and k + 1 < len(found) and
            found[k + 1][2].category == "verb" and
            _WILL_WOULD.fullmatch(self.text, f[0], f[1]) and  # not "is likely to ratify"
            _AUX_GAP.fullmatch(self.text, f[1], found[k + 1][0]))]
        # one cue per position; a passive hides the plain verb inside it
        out: list[tuple[int, int, lx.Cue]] = []
        for f in found:
            if out and f[0] < out[-1][1] and (f[0] == out[-1][0] or out[-1][2].category in (
                    "passive", "evaluative", "impersonal", "null")):
                continue
            out.append(f)
        return out

    def _negated(self, cl: Clause, start: int, end: int, cue: lx.Cue) -> bool:
        if cue.category in ("evaluative", "impersonal", "frame"):
            return False
        window = self.text[max(cl.start, start - 30):start]
        # only the words between the subject and the verb
        window = _LAST_PART.split(window)[-1]
        words = window.split()[-4:]
        tail = " ".join(words)
        if lx.NEGATION.search(tail):
            return True
        return bool(_NOTHING.match(self.text, end, end + 10))

    # ------------------------------------------------------------------------- holders
    def _holders(self, s: Sentence, cl: Clause, prev: Clause | None, cue_start: int,
                 cue_end: int, cue: lx.Cue, ms: list[Mention], quotes: list[tuple[int, int]]
                 ) -> tuple[tuple[str, ...], str]:
        if cue.category in ("impersonal", "evaluative", "frame"):
            return (self.author,), "author"
        if cue.category == "passive":
            agents = self._by_agents(cue_end, cl.end, ms)
            return agents, "name" if agents else "none"
        if cue.category == "nominal":
            after = [m for m in ms if cue_end <= m.start < cue_end + 6]
            return (after[0].actors if after else ()), "name"
        if cue.category == "possessed":  # "Beijing's opposition to": the possessor
            before = [m for m in ms if cue_start - 4 <= m.end <= cue_start and
                      _POSSESSIVE_GAP.fullmatch(self.text, m.end, cue_start)]
            return (before[-1].actors if before else ()), "name"
        if cue.category == "artifact":
            # "a UN General Assembly resolution demanding": its author right before the noun
            before = [m for m in ms if cue_start - 4 <= m.end <= cue_start and
                      _POSSESSIVE_GAP.fullmatch(self.text, m.end, cue_start)]
            if before:
                return before[-1].actors, "name"
            plain = self._plain_subject(cl, ms, quotes)
            return (plain or ()), "name"
        subject, via = self._subject(cl, cue_start, ms, quotes, prev)
        if not subject and cue.category in ("verb", "called"):
            # "X issued a statement condemning ...": the subject of the statement
            st = _STATEMENT.search(self.masked, cl.start, cue_start)
            if st:
                subject, via = self._subject(cl, st.start(), ms, quotes, prev)
        if cue.category == "modal":
            return (self._voice_of(cue_start, quotes, s),), "author"
        if cue.category == "predict":
            return (self._voice_of(cue_start, quotes, s),), "author"
        if subject:
            co = self._co_holders(cl, cue_end, ms)
            return tuple(dict.fromkeys(subject + co)), via
        lead = self.text[cl.start:cue_start]
        if cue.category == "speech" and (not lead.strip() or _AFTER_QUOTE.search(lead)) and \
                cl.how not in ("and_verb", "participle"):
            # '"...," said Kanaani': the speaker follows the verb
            after = [m for m in ms if cue_end <= m.start <= cue_end + 2 or (
                cue_end < m.start <= cue_end + 30 and
                _CAPITALISED_GAP.fullmatch(self.text, cue_end, m.start))]
            if after and after[0].form != "demonym":  # also past an unknown adjective
                return after[0].actors, "name"      # ("said Nepali spokesman X")
        if cue.category in ("verb", "speech", "called") and _USED_TO.search(lead):
            # "Trump used his address to warn ...": the subject of the main verb
            plain = self._plain_subject(cl, ms, quotes)
            if plain:
                return plain, "carry"
        if cue.category == "speech":
            if _AUTHOR_SUBJECTLESS.match(self.text[cue_start:cue_end]) or \
                    _THIS_PIECE.search(self.text, cl.start, cue_start):
                return (self.author,), "author"  # "This brief argues that ..."
        if cl.how in ("participle", "and_verb") and prev is not None and prev.subject:
            return prev.subject, "carry"
        return (), "none"

    def _voice_of(self, pos: int, quotes: list[tuple[int, int]], s: Sentence) -> str:
        """Whose voice a modal or forecast is in: the author's, unless it is quoted."""
        return self.author

    def _by_agents(self, start: int, end: int, ms: list[Mention]) -> tuple[str, ...]:
        out: list[str] = []
        for m in ms:
            if start <= m.start < end:
                before = self.text[max(start, m.start - 40):m.start]
                if _BY_BEFORE.search(before) or (out and _AND_BEFORE.search(before)):
                    out.extend(a for a in m.actors if a not in out)
        return tuple(out)

    def _co_holders(self, cl: Clause, cue_end: int, ms: list[Mention]) -> tuple[str, ...]:
        out: list[str] = []
        for m in ms:
            if cue_end <= m.start < cl.end and _TOGETHER_WITH.search(
                    self.text, max(0, m.start - 20), m.start):
                out.extend(m.actors)
        return tuple(out)

    def _items(self, start: int, end: int, ms: list[Mention], quotes: list[tuple[int, int]],
               limit: int | None = None) -> list[_Item]:
        """Mentions, quotations, words and punctuation of [start, end), parentheticals
        dropped; with `limit`, only the first `limit` of them (all that a caller reads)."""
        items: list[_Item] = []
        inside = [m for m in ms if m.end > start and m.start < end]
        qs = [q for q in quotes if q[1] > start and q[0] < end]
        mi = qi = 0
        for t in _TOKEN.finditer(self.masked, start, end):
            p = t.start()
            while mi < len(inside) and inside[mi].end <= p:
                mi += 1
            if mi < len(inside) and inside[mi].start <= p:
                m = inside[mi]
                if not items or items[-1].mention is not m:
                    items.append(_Item("M", m.start, m.end, m.text, m))
                continue
            while qi < len(qs) and qs[qi][1] <= p:
                qi += 1
            if qi < len(qs) and qs[qi][0] <= p:
                q = qs[qi]
                if not items or items[-1].kind != "Q" or items[-1].start != q[0]:
                    items.append(_Item("Q", q[0], q[1], ""))
                continue
            word = t.group()
            items.append(_Item("W" if (word[0].isalnum() or word[0] in "’'") else "P",
                               t.start(), t.end(), word))
            if limit is not None and len(items) >= limit:
                break
        if limit is not None:
            # no "(" or "," among them: nothing before the limit can be dropped
            if all(it.kind != "P" or it.text not in "(," for it in items):
                return items[:limit]
            return self._items(start, end, ms, quotes)[:limit]
        return _drop_parentheticals(items)

    def _subject(self, cl: Clause, cue_start: int, ms: list[Mention],
                 quotes: list[tuple[int, int]], prev: Clause | None
                 ) -> tuple[tuple[str, ...], str]:
        aux = _CONTINUE_TO.search(self.text, cl.start, cue_start)
        if aux:  # "Japan will continue to support": the subject stands before the auxiliary
            cue_start = aux.start()
        items = _drop_time_phrase(self._items(cl.start, cue_start, ms, quotes))
        i = len(items) - 1
        while i >= 0 and (items[i].kind == "W" and (
                items[i].text.lower() in _SKIP or items[i].text.lower().endswith("ly"))
                or items[i].kind == "P" and items[i].text == "," and i >= 1
                and items[i - 1].kind == "M"):
            i -= 1
        if i < 0:
            return (), "none"
        it = items[i]
        if it.kind == "W" and it.text.lower() in _SPEAKER_NOUNS and i >= 1:
            j = i - 1
            while j >= 1 and i - j <= 2 and items[j].kind == "W" and items[j].text.islower() \
                    and items[j].text not in _PRONOUNS:
                j -= 1  # "the panel's final report": past its adjectives
            owner = items[j]
            if owner.kind == "W" and owner.text in ("'s", "’s") and j >= 1 and \
                    items[j - 1].kind == "M":
                return items[j - 1].mention.actors, "name"  # type: ignore[union-attr]
            if owner.kind == "M" and owner.mention is not None:
                return owner.mention.actors, "name"  # "the UN report", "Dutch officials"
            if owner.kind == "W" and owner.text.lower() in ("its", "their", "his", "her"):
                return self._pronoun(owner.text, owner.start, quotes, cl), "pronoun"
            return (), "none"
        if it.kind == "M":
            assert it.mention is not None
            named = self._apposed_subject(items, i)
            if named:
                return named, "name"
            if i >= 2 and items[i - 1].kind == "W" and items[i - 1].text.lower() == "on" and \
                    items[i - 2].kind == "W":
                return (), "none"  # "officials on both sides said": not the sides themselves
            actors = list(it.mention.actors)
            via = "name" if it.mention.form not in ("description", "surname", "plural") else \
                "description"
            j = i - 1
            seen_and = False
            while j >= 1:
                if items[j].kind == "W" and items[j].text.lower() == "the" and j >= 2:
                    j -= 1
                sep = items[j]
                if sep.kind == "W" and sep.text.lower() == "and":
                    seen_and = True
                if sep.kind == "W" and sep.text.lower() == "and" or sep.kind == "P" and \
                        sep.text == "," and seen_and:
                    k = j - 1
                    if items[k].kind == "P" and items[k].text == "," and k >= 1:
                        k -= 1
                    if items[k].kind == "M":
                        actors = [a for a in items[k].mention.actors  # type: ignore[union-attr]
                                  if a not in actors] + actors
                        j = k - 1
                        continue
                break
            if it.mention.possessive:
                return (), "none"
            return tuple(actors), via
        if it.kind == "W" and it.text.lower() == "that" and i >= 1 and items[i - 1].kind == "M":
            return items[i - 1].mention.actors, "pronoun"  # type: ignore[union-attr]
        if it.kind == "W" and it.text.lower() in _PRONOUNS:
            if it.text.lower() in ("who", "which"):
                return self._antecedent(it.start, ms), "pronoun"
            return self._pronoun(it.text, it.start, quotes, cl), "pronoun"
        return (), "none"

    def _apposed_subject(self, items: list[_Item], i: int) -> tuple[str, ...]:
        """'Gen. X, the army chief and head of the Council, rejected': the person named first,
        not the body inside the apposition set off by commas before the verb."""
        last = len(items) - 1
        if items[last].kind != "P" or items[last].text != ",":
            return ()
        first = next((k for k, x in enumerate(items[:3]) if x.kind == "M"), None)
        if first is None or first >= i - 1:
            return ()
        mention = items[first].mention
        assert mention is not None
        if items[first + 1].text != "," and mention.form != "apposition":
            return ()
        actors = mention.actors
        if len(actors) != 1 or not self.book.is_person(actors[0]):
            return ()
        if any(x.kind == "Q" for x in items[first:last]):
            return ()
        return actors

    def _antecedent(self, pos: int, ms: list[Mention]) -> tuple[str, ...]:
        before = [m for m in ms if m.end <= pos and _SPACE_COMMA.fullmatch(self.text, m.end, pos)]
        if not before:
            return ()
        # "Beijing and Moscow, which have ...": the whole list before the relative pronoun
        k = ms.index(before[-1])
        actors = list(before[-1].actors)
        joined = False  # "and" joins the last two; commas the ones before
        while k >= 1 and _LIST_JOINT.fullmatch(self.text, ms[k - 1].end, ms[k].start):
            has_and = bool(re.search(r"\b(?:and|or)\b", self.text[ms[k - 1].end:ms[k].start]))
            if has_and and joined or not has_and and not joined:
                break
            joined = True
            k -= 1
            actors[:0] = [a for a in ms[k].actors if a not in actors]
        return tuple(actors)

    def _pronoun(self, word: str, pos: int, quotes: list[tuple[int, int]], cl: Clause
                 ) -> tuple[str, ...]:
        w = word.lower()
        if w in ("we", "us", "our", "i"):  # outside quotations: the author
            if any(q0 <= pos < q1 for q0, q1 in quotes):
                return ()
            return (self.author,)
        if w in ("he", "she", "his", "her"):
            for p, a in reversed(self.mem.persons):
                if p < pos:
                    return (a,)
            for m in reversed(self.mentions):
                if m.start < pos and m.actors and self.book.is_person(m.actors[0]):
                    return m.actors[:1]
            return ()
        plural = w in ("they", "their")
        for p, subj in reversed(self.mem.subjects):
            if p >= pos:
                continue
            if subj is None:
                return ()
            if plural and len(subj) >= 2:
                return subj
            if not plural and len(subj) == 1 and not self.book.is_person(subj[0]):
                return subj
            if not plural and len(subj) == 1:
                continue
            if plural:
                continue
            return ()
        return ()

    def _plain_subject(self, cl: Clause, ms: list[Mention], quotes: list[tuple[int, int]]
                       ) -> tuple[str, ...] | None:
        t = self.text[cl.start:cl.end]
        intro = _INTRO.match(t)
        start = cl.start + (intro.end() if intro else 0)
        if intro:  # "Then, on Saturday, Ri ...": a second phrase of time or place
            more = _INTRO_MORE.match(self.text, start, cl.end)
            if more:
                start = more.end()
        items = self._items(start, min(cl.end, start + 80), ms, quotes, limit=2)
        if not items:
            return None
        it = items[0]
        if it.kind == "W" and it.text.lower() in ("the", "both") and len(items) > 1 and \
                items[1].kind == "M":
            it = items[1]
        if it.kind == "M":
            listed = self._mention_list(it.start, cl.end, ms, skip_attributive=False)
            return listed or it.mention.actors  # type: ignore[union-attr]
        if it.kind == "W" and it.text.lower() in _PRONOUNS:
            return self._pronoun(it.text, it.start, quotes, cl) or None
        return None

    # ------------------------------------------------------------------------- stances
    def _build(self, s: Sentence, cl: Clause, cue_start: int, cue_end: int, cue: lx.Cue,
               holders: tuple[str, ...], via: str, ms: list[Mention],
               quotes: list[tuple[int, int]], secondary: bool) -> list[Draft]:
        # News media only carry others' words, except in their own commentary: the piece
        # they wrote, or "Rodong Sinmun in a commentary said ..."
        own_piece = bool(_OWN_COMMENTARY.search(self.text, cl.start, cue_start))
        holders = tuple(h for h in holders if h == self.author or own_piece or
                        not self.book.news_media(h))
        if not holders:
            return []
        kind = cue.kind
        if cue.category == "artifact":
            m = re.search(r"\w+(?:\s+(?:on|upon|for))?$", self.text[cue_start:cue_end])
            kind = lx.ARTIFACT_KINDS.get(m.group().lower() if m else "", kind)
        content = self._content(cl, cue_start, cue_end, cue, quotes)
        category = cue.category
        conf = _BASE_CONFIDENCE.get(category, 0.6)
        if category in ("speech", "called", "frame"):
            own = bool(content) and (self._own_subject(content, holders, ms) or
                                     self._aside_frame(cl, cue_start, content))
            override = _content_kind(self.text[content[0]:content[1]], own) if content else None
            if category == "called":
                if override in ("condemn", "criticize", "welcome", "reject", "accuse"):
                    kind = override
                else:
                    kind = self._quoted_evaluation(content, quotes) or "claim"
            elif override and (cue.kind == "claim" or (cue.kind == "warn" and
                                                        override == "threaten")):
                kind = override
                conf -= 0.04
            if category == "frame" and kind == "claim" and content and lx.NEGATIVE_OUTCOME.search(
                    self.text[content[0]:content[1]]):
                kind = "warn"
        if category == "passive" and re.search(r"described", self.text[cue_start:cue_end]):
            kind = self._quoted_evaluation((cue_end, cl.end), quotes) or "claim"
        if category == "predict" and self._own_will(cl, cue_start, cue_end, quotes):
            # "We will not enter into ...": the author's intention (or refusal), not a forecast
            kind = "refuse" if _NOT_AFTER.match(self.text, cue_end) else "intend"
            category = "verb"
        if category == "predict":
            subject, _ = self._subject(cl, cue_start, ms, quotes, None)
            clause_text = self.text[cl.start:cl.end]
            if lx.NEGATIVE_OUTCOME_LOW.search(clause_text.lower()):
                kind = "warn"
            elif not subject and self.text[cue_start:cue_end].lower() == "would":
                return []
            elif not subject and not re.search(r"\b(?:it|this|that)\s+(?:\w+ly\s+)?$",
                                               self.text[cl.start:cue_start], re.IGNORECASE) \
                    and not self._forecast_about_actor(cl, cue_start, cue_end, ms, s):
                return []
            if self._in_speech_sentence(s, quotes):
                return []
        modality = "predicted" if kind == "predict" or category == "predict" else "asserted"
        targets = self._targets(s, cl, cue_start, cue_end, cue, kind, holders, content, ms,
                                quotes)
        if category in ("modal", "impersonal") and targets == (None,) and \
                holders == (self.author,):
            return []  # "Two things should be done": advice addressed to no one
        if category == "evaluative" and targets == (None,) and _ABOUT_ACTORS_ONLY.search(
                self.text, cue_start, cue_end):
            return []  # "Growth was slow to recover", "visitors are welcome": about no actor
        if via in ("pronoun", "description", "carry"):
            conf -= 0.1
        start = cl.start
        if secondary:
            subj_items = [m for m in ms if cl.start <= m.start < cue_start]
            if subj_items:
                start = subj_items[-1].start
        end = cl.end
        start, end = _trim(self.text, start, end)
        if end <= start:
            return []
        focus = content if content and content[1] <= cue_start else (cue_end, cl.end)
        out = [Draft(holders=holders, kind=kind, targets=targets, start=start, end=end,
                     category=category, modality=modality, confidence=round(conf, 2),
                     issue_start=focus[0], issue_end=focus[1])]
        if category == "speech" and content and content[1] <= cue_start:
            out += self._coordinated_in_quote(content, kind, holders, ms, start, end, conf)
        return out

    def _own_will(self, cl: Clause, cue_start: int, cue_end: int,
                  quotes: list[tuple[int, int]]) -> bool:
        """'we will' in the piece's own voice (outside quotations)."""
        if not _WILL.fullmatch(self.text, cue_start, cue_end):
            return False
        if any(q0 <= cue_start < q1 for q0, q1 in quotes):
            return False
        return bool(_WE_BEFORE.search(self.text, cl.start, cue_start))

    def _forecast_about_actor(self, cl: Clause, cue_start: int, cue_end: int,
                              ms: list[Mention], s: Sentence) -> bool:
        """A forecast whose subject is a thing of an actor: "Moscow's deficit will widen",
        "Chinese firms are likely to ...", "For Tokyo, the response is likely to be ..."."""
        head = self.text[cl.start:cue_start]
        lead = _INTRO.match(head) or _CONJUNCTION_LEAD.match(head)
        first = next((m for m in ms if cl.start <= m.start < cue_start), None)
        if first is not None and first.possessive and first.start == cl.start + (
                lead.end() if lead else 0):
            return True  # the clause opens with "X's ..."
        if _WILL_WOULD.fullmatch(self.text, cue_start, cue_end):
            return False  # "will" alone is too common to stand for a forecast
        return any(s.start <= m.start < s.end and not m.attributive for m in ms)

    def _coordinated_in_quote(self, content: tuple[int, int], kind: str,
                              holders: tuple[str, ...], ms: list[Mention], start: int, end: int,
                              conf: float) -> list[Draft]:
        """'"We deplore the ruling and urge Japan to ...," she said': a second stance verb,
        coordinated inside the quotation, is a stance of its own."""
        out: list[Draft] = []
        text = self.text[content[0]:content[1]]
        if not _AND_WORD.search(text):
            return out
        own = set(holders) | {self.book.state_of.get(h) for h in holders} - {None}
        seen = {COARSE[kind]}
        for cue in lx.VERBS:
            if cue.category != "verb" or COARSE[cue.kind] in seen:
                continue
            m = cue.pattern.search(text)
            if not m or not _AND_ADVERB_BEFORE.search(text, 0, m.start()):
                continue
            if lx.NEGATION.search(" ".join(text[:m.start()].split()[-3:])):
                continue
            v_end = content[0] + m.end()
            np = self._object_np(v_end, content[1], "verb")
            targets = tuple(a for a in self._mention_list(
                np[0], content[1], ms, skip_attributive=True, first_before=np[1]) if a not in own)
            seen.add(COARSE[cue.kind])
            out.append(Draft(holders=holders, kind=cue.kind, targets=targets or (None,),
                             start=start, end=end, category="speech",
                             confidence=round(conf - 0.05, 2), issue_start=v_end,
                             issue_end=content[1]))
        return out

    def _own_subject(self, content: tuple[int, int], holders: tuple[str, ...],
                     ms: list[Mention]) -> bool:
        """Whether reported content is about the speaker's own side ("said Japan would ...",
        "said it was ready to ...")."""
        lead = re.match(r"[\s,:“\"‘']*(?:that\s+)?[“\"‘']?", self.text[content[0]:content[1]])
        pos = content[0] + (lead.end() if lead else 0)
        first = next((m for m in ms if pos <= m.start < pos + 2), None)
        if first is not None:
            own = set(holders)
            stateless = False
            for h in holders:
                own.add(self.book.state_of.get(h))
                actor = self.book.actors.get(h)
                if actor:
                    own.update(actor.affiliations)
                    # "Prime Minister Kyriakos Mitsotakis said Greece would not yield": an
                    # official of no known state speaking of a state speaks of his own
                    stateless = stateless or actor.type == "Official" and \
                        self.book.state_of.get(h) is None and not any(
                            self.book.state_of.get(a) or self.book.type_of(a) == "State"
                            for a in actor.affiliations)
            if stateless and len(holders) == 1 and len(first.actors) == 1 and \
                    self.book.type_of(first.actors[0]) == "State" and \
                    _OWN_ACTION.match(self.text, first.end, content[1]):
                self.book.state_of.setdefault(holders[0], first.actors[0])
                return True
            return bool(own & set(first.actors))
        return bool(_OWN_REFERENCE.match(self.text, pos, content[1]))

    def _aside_frame(self, cl: Clause, cue_start: int, content: tuple[int, int]) -> bool:
        """Whether the frame is an aside inside what is said ("China, he said, opposes ..."):
        the verb after it is the stance's own."""
        if not _BEFORE_ASIDE.search(self.text, cl.start, cue_start):
            return False
        gap = _AFTER_ASIDE.match(self.text, content[0], content[1])
        return bool(gap and _STANCE_VERB_AT.match(self.text, gap.end(), content[1]))

    def _quoted_evaluation(self, content: tuple[int, int] | None,
                           quotes: list[tuple[int, int]]) -> str | None:
        """'called the veto "cynical"': quoted words that praise or blame."""
        if content is None:
            return None
        inner = [q for q in quotes if content[0] <= q[0] < content[1]]
        if not inner:
            return None
        words = " ".join(self.text[q0:q1] for q0, q1 in inner)
        return "welcome" if lx.PRAISE.search(words) else "criticize"

    def _in_speech_sentence(self, s: Sentence, quotes: list[tuple[int, int]]) -> bool:
        if quotes:
            return True
        return bool(lx.SPEECH[0].pattern.search(self.masked, s.start, s.end))

    def _continued_speech(self, cl: Clause, frame: Draft, ms: list[Mention],
                          quotes: list[tuple[int, int]]) -> Draft | None:
        content = (cl.start, cl.end)
        text = self.text[cl.start:cl.end]
        kind = _content_kind(text) or "claim"
        targets = self._content_targets(content, frame.holders, ms, quotes)
        start, end = _trim(self.text, cl.start, cl.end)
        return Draft(holders=frame.holders, kind=kind, targets=targets, start=start, end=end,
                     category="speech", confidence=round(frame.confidence - 0.05, 2),
                     issue_start=cl.start, issue_end=cl.end)

    def _content(self, cl: Clause, cue_start: int, cue_end: int, cue: lx.Cue,
                 quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
        """The reported words: a quotation before the verb, or what follows it."""
        if cue.category not in ("speech", "called", "frame"):
            return None
        before = [q for q in quotes if cl.start <= q[0] and q[1] <= cue_start]
        if before and cue.category == "speech":
            return before[0][0], before[-1][1]
        # "told reporters in Tehran on Tuesday that ...": the content starts after "that"
        told = _TOLD_THAT.match(self.masked, cue_end, cl.end)
        if told and (re.match(r"(?:told|tells|telling|informed|assured|reminded)\b",
                              self.text[cue_start:cue_end]) or
                     _PHRASE_BEFORE_THAT.match(self.text, cue_end, told.end())):
            return told.end(), cl.end
        return cue_end, cl.end

    # ------------------------------------------------------------------------- targets
    def _targets(self, s: Sentence, cl: Clause, cue_start: int, cue_end: int, cue: lx.Cue,
                 kind: str, holders: tuple[str, ...], content: tuple[int, int] | None,
                 ms: list[Mention], quotes: list[tuple[int, int]]) -> tuple[str | None, ...]:
        own = set(holders) | {self.book.state_of.get(h) for h in holders
                              if self.book.type_of(h) != "Person"} - {None}
        own.add(self.author)

        def ok(actors: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(a for a in actors if a not in own)

        if cue.category == "possessed":
            # "opposition to Seoul's plan", "demand that the IAEA ...": the actor the object
            # opens with, if any (where the noun phrase ends is not known)
            lead = _OBJECT_LEAD.match(self.text, cue_end)
            after = [m for m in ms if lead and cue_end <= m.start <= lead.end()]
            return ok(after[0].actors) if after and ok(after[0].actors) else (None,)
        if (kind == "agree" or re.match(r"trad", self.text[cue_start:cue_end]) or re.match(
                r"\s+(?:each\s+other|one\s+another)\b", self.text[cue_end:cue_end + 14])) and \
                len(holders) >= 2:
            return ("__others__",)  # "A and B agreed", "A and B traded blame": each other
        if cue.category == "passive":
            subj = [m for m in ms if cl.start <= m.start < cue_start and not m.attributive]
            if subj:
                listed = self._mention_list(subj[0].start, cue_start, ms, skip_attributive=True)
                return ok(listed or subj[0].actors) or (None,)
            # "It was opposed by ...": what the stance before was aimed at
            # "It was opposed by ...", "The new member was welcomed by ...": what the stance
            # before was about
            if _PASSIVE_THING.match(self.text, cl.start, cue_start) and self.drafts \
                    and self.drafts[-1].sentence >= self.sentence_index - 1:
                return ok(tuple(t for t in self.drafts[-1].targets if t)) or (None,)
            return (None,)
        if cue.category in ("modal", "impersonal") or (cue.category == "predict"):
            return self._subject_targets(cl, cue_start, cue_end, cue, ms, quotes, ok, s)
        if cue.category == "evaluative":
            if kind == "deny":
                owner = [m for m in ms if cl.start <= m.start < cue_start and m.possessive]
                if owner and ok(owner[0].actors):
                    return ok(owner[0].actors)
                for a in reversed(self.mem.claimants):
                    if a not in own:
                        return (a,)
                return (None,)
            subj_p, _ = self._subject(cl, cue_start, ms, quotes, None)
            if ok(subj_p):
                return ok(subj_p)
            owner = _POSSESSIVE_LEAD.match(self.text, cl.start, cue_start)
            if owner:  # "Its new package is welcome": whose package
                found = ok(self._pronoun(owner.group(1), owner.start(1), quotes, cl))
                if found:
                    return found
            subj = [m for m in ms if cl.start <= m.start < cl.end and not m.attributive]
            if not subj:
                return (None,)
            listed = self._mention_list(subj[0].start, cl.end, ms, skip_attributive=True)
            return ok(listed) or ok(subj[0].actors) or (None,)
        if kind in ("deny", "reject"):
            np = self._object_np(cue_end, cl.end, "verb")
            noun = _REJECTED_NOUN.search(self.text[np[0]:np[1]])
            if noun or np[1] - np[0] < 3:
                first = [m for m in ms if np[0] <= m.start < np[1]]
                if first:
                    return ok(first[0].actors) or (None,)
                # "rejected his charge": the one the pronoun stands for
                owner = noun and _OWNER_PRONOUN.search(self.text, np[0], np[0] + noun.start())
                if owner:
                    found = ok(self._pronoun(owner.group(1), owner.start(1), quotes, cl))
                    if found:
                        return found
                # "rejected the criticism": whoever voiced it, named shortly before
                if noun:
                    said = self._recent_stance_holder(_REJECTED_KINDS[noun.group(1).lower()
                                                                      .rstrip("s")], own)
                    if said:
                        return (said,)
                for a in reversed(self.mem.accusers):
                    if a not in own:
                        return (a,)
            elif kind == "deny" and not any(np[0] <= m.start < np[1] for m in ms):
                # "denies any involvement", "We deny that ...": answers the recent accuser
                said = self._accuser_of(own)
                if said:
                    return (said,)
        if content and cue.category in ("speech", "frame"):
            # "warned both capitals that ...": the one warned
            io = [m for m in ms if cue_end <= m.start < cue_end + 3]
            if io and cue.kind == "warn" and ok(io[0].actors):
                # "warned Washington and London that ...": everyone warned
                stop = _THAT.search(self.text, io[0].end, cl.end)
                listed = self._mention_list(io[0].start, stop.start() if stop else io[0].end, ms,
                                            skip_attributive=True)
                return ok(listed) or ok(io[0].actors)
            found = self._content_targets(content, holders, ms, quotes)
            if found != (None,) or cue.category == "frame":
                return found
            if kind in _DISAPPROVING:  # 'said France "deeply regrets" the veto'
                agents = ok(self._act_agents(content[0], content[1]))
                if agents:
                    return agents
            if any(content[0] <= m.start < content[1] for m in ms):
                return (None,)  # about the speaker's own side
        measures = self._measures(cue_end, cl.end, ms)
        if measures and ok(measures):
            return ok(measures)
        if kind == "intend":
            return (None,)
        if re.match(r"\s+that\b", self.text[cue_end:cue_end + 6]):
            found = self._content_targets((cue_end, cl.end), holders, ms, quotes)
            if found != (None,):
                return found
        np = self._object_np(cue_end, cl.end, cue.category)
        # a list may run past the object's first comma ("urged Oslo, Rome and Bern")
        listed = ok(self._mention_list(np[0], cl.end, ms, skip_attributive=True, exclude=own,
                                       first_before=np[1]))
        if listed:
            return listed
        # "called for an agreement with Ethiopia", "proposed a pact with Oman": the partner
        partner = _WITH_PARTNER.search(self.masked, cue_start, cl.end)
        if partner:
            comma = self.text.find(",", partner.end(), cl.end)  # ", the ministry said"
            listed = ok(self._mention_list(partner.end(), cl.end if comma < 0 else comma, ms,
                                           skip_attributive=True, leading_only=True))
            if listed:  # "a protest with Pakistan's High Commission": its state
                return tuple(dict.fromkeys(
                    self.book.state_of.get(a, a) if _MISSION.match(self.book.actors[a].label)
                    else a for a in listed if a in self.book.actors))
        if kind in ("condemn", "criticize", "warn", "threaten", "oppose", "accuse", "reject"):
            agents = self._event_agents(np[0], max(np[1], min(cl.end, np[0] + 60)))
            agents = ok(agents)
            if agents:
                return agents
        return (None,)

    def _recent_stance_holder(self, kinds: set[str], own: set) -> str | None:
        """The holder of the first stance of these kinds in the last three sentences; a
        ministry's protest is its state's."""
        for d in self.drafts:
            if d.sentence >= self.sentence_index - 3 and d.kind in kinds:
                for h in d.holders:
                    if self.book.type_of(h) == "Institution" and self.book.state_of.get(h):
                        h = self.book.state_of[h]
                    if h not in own:
                        return h
        return None

    def _accuser_of(self, own: set) -> str | None:
        """Who accused the denier in the last three sentences: the latest accusation aimed at
        its side, else the latest accusation."""
        recent = [d for d in reversed(self.drafts) if d.sentence >= self.sentence_index - 3
                  and d.kind in ("accuse", "criticize", "condemn")]
        for d in recent:
            if set(d.targets) & own:
                return next((h for h in d.holders if h not in own), None)
        for d in recent:
            for h in d.holders:
                if h not in own:
                    return h
        return None

    def _subject_targets(self, cl: Clause, cue_start: int, cue_end: int, cue: lx.Cue,
                         ms: list[Mention], quotes: list[tuple[int, int]], ok, s: Sentence
                         ) -> tuple[str | None, ...]:
        if cue.category == "impersonal":
            listed = self._mention_list(cue_end, min(cl.end, cue_end + 80), ms,
                                        skip_attributive=False, leading_only=True)
            return ok(listed) or (None,)
        subject, _ = self._subject(cl, cue_start, ms, quotes, None)
        if subject:
            return ok(subject) or (None,)
        if cue.category == "modal":
            # "Singapore and the region's other hubs would be wise to": the actor it opens with
            plain = self._plain_subject(cl, ms, quotes)
            if plain and ok(plain):
                return ok(plain)
        if cue.category == "predict":
            # a forecast about a thing: the actor whose fate it is ("the regime's stability")
            sent = [m for m in ms if s.start <= m.start < s.end]
            for pick in (lambda m: m.possessive, lambda m: m.form == "demonym",
                         lambda m: not m.attributive):
                found = [m for m in sent if pick(m) and ok(m.actors)]
                if found:
                    listed = self._mention_list(found[0].start, s.end, ms, False)
                    return ok(listed) or ok(found[0].actors)
        return (None,)

    def _content_targets(self, content: tuple[int, int], holders: tuple[str, ...],
                         ms: list[Mention], quotes: list[tuple[int, int]]
                         ) -> tuple[str | None, ...]:
        own = set(holders) | {self.book.state_of.get(h) for h in holders} - {None}
        start, end = content
        hope = _HOPED.search(self.text, start, end)
        if hope:  # "Beijing hoped Pyongyang would ...": the appeal is to whoever follows
            start = hope.end()
        inner = [m for m in ms if start <= m.start < end]
        # an inner stance verb's object ("had no intention to condemn North Korea")
        for cue in self._verbs_in(start, end):
            for v in cue.pattern.finditer(self.masked, start, end):
                np = self._object_np(v.end(), end, "verb")
                objs = [m for m in inner if np[0] <= m.start < np[1] and not m.attributive
                        and set(m.actors) - own]
                if objs:
                    return tuple(a for a in objs[0].actors if a not in own)
        measures = self._measures(start, end, ms)
        lead = self._mention_list(start, end, ms, skip_attributive=True, leading_only=True)
        lead = tuple(a for a in lead if a not in own)
        if lead:
            return lead
        if measures:
            ok_m = tuple(a for a in measures if a not in own)
            if ok_m:
                return ok_m
        listed = self._mention_list(start, end, ms, skip_attributive=True, exclude=own)
        return listed or (None,)

    def _verbs_in(self, start: int, end: int) -> list[lx.Cue]:
        """The stance verbs (in lexicon order) with a match starting in [start, end), from the
        cues found once over the body."""
        i = bisect_left(self._cue_starts, start)
        present = set()
        while i < len(self._cue_hits) and self._cue_hits[i][0] < end:
            present.add(id(self._cue_hits[i][2]))
            i += 1
        return [c for c in _STANCE_VERBS if id(c) in present] if present else []

    def _object_np(self, start: int, end: int, category: str) -> tuple[int, int]:
        m = _NP_STOP.search(self.masked, start, end)
        stop = m.start() if m else end
        if category == "called":
            q = re.search(r"[“\"]|\s(?:a|an|as)\s", self.masked[start:stop])
            if q:
                stop = start + q.start()
        return start, stop

    def _mention_list(self, start: int, end: int, ms: list[Mention], skip_attributive: bool,
                      leading_only: bool = False, exclude: set | None = None,
                      first_before: int | None = None) -> tuple[str, ...]:
        cands = [m for m in ms if start <= m.start < end and
                 not (skip_attributive and m.attributive) and
                 not (exclude and set(m.actors) <= exclude)]
        if not cands or first_before is not None and cands[0].start >= first_before:
            return ()
        first = cands[0]
        if leading_only:
            gap = self.text[start:first.start]
            if not _LEADING_GAP.fullmatch(gap):
                return ()
        actors = list(first.actors)
        last = first
        for m in cands[1:]:
            gap = self.text[last.end:m.start]
            if _LIST_GAP.fullmatch(gap):
                actors.extend(a for a in m.actors if a not in actors)
                last = m
            else:
                break
        return tuple(actors)

    def _measures(self, start: int, end: int, ms: list[Mention]) -> tuple[str, ...]:
        for m in _MEASURES.finditer(self.masked, start, end):
            listed = self._mention_list(m.end(), min(end, m.end() + 60), ms,
                                        skip_attributive=False, leading_only=True)
            if listed:
                return listed
        return ()

    def _event_agents(self, start: int, end: int) -> tuple[str, ...]:
        window = self.text[start:end].lower()
        for name, pattern in lx.EVENT_CLASSES_LOW.items():
            if pattern.search(window) and self.mem.event_agents.get(name):
                return self.mem.event_agents[name]
        acted = self._act_agents(start, end)  # "the veto": who vetoed
        if acted:
            return acted
        # "Tokyo also lodged a protest": about the event of the sentence before
        recent = self.mem.last_event_sentence >= self.sentence_index - 1
        if recent and self.mem.last_event and self.mem.event_agents.get(self.mem.last_event):
            return self.mem.event_agents[self.mem.last_event]
        return ()

    def _occurs(self, name: str, pattern: re.Pattern[str], low: str, a: int, b: int) -> bool:
        """Whether `pattern` (a word pattern for lowercased text) matches in low[a:b]; over the
        document's lowercased body, by matches found once per document."""
        if low is not self.lower:
            return pattern.search(low, a, b) is not None
        hits = self._word_hits.get(name)
        if hits is None:
            hits = [m.span() for m in pattern.finditer(low, self._body[0], self._body[1])]
            self._word_hits[name] = hits
        i = bisect_left(hits, (a, -1))
        return i < len(hits) and hits[i][1] <= b

    def _act_agents(self, start: int, end: int) -> tuple[str, ...]:
        window = self.text[start:end].lower()
        for name, pattern in lx.ACT_NOUNS_LOW.items():
            if pattern.search(window) and self.mem.event_agents.get(name):
                return self.mem.event_agents[name]
        return ()

    def _note_events(self, cl: Clause, ms: list[Mention]) -> None:
        text = self.text[cl.start:cl.end]
        low, a, b = (self.lower, cl.start, cl.end) if self.lower is not None else (
            text.lower(), 0, len(text))
        for name, pattern in lx.ACT_VERBS_LOW.items():
            if self._occurs(name, pattern, low, a, b):
                # "Russia vetoed ...", "the minister announced ...": the act's state
                subj = self._plain_subject(cl, ms, [])
                if subj:
                    self.mem.event_agents[name] = tuple(dict.fromkeys(
                        self.book.state_of.get(x, x) for x in subj))
        for name, pattern in lx.EVENT_CLASSES_LOW.items():
            if not self._occurs(name, pattern, low, a, b):
                continue
            self.mem.last_event = name
            self.mem.last_event_sentence = self.sentence_index
            if name == "launch":
                subj = self._plain_subject(cl, ms, [])
                states = tuple(a for a in subj or () if self.book.type_of(a) == "State")
                if len(states) == 1 and lx.EVENT_VERBS.search(text):
                    self.mem.event_agents["launch"] = states
            if name == "drill":
                of = re.search(r"(?:drills?|exercises?)\s+(?:of|by|between)\s+", text)
                if of:
                    listed = self._mention_list(cl.start + of.end(), cl.end, ms, False, True)
                    states = tuple(a for a in listed if self.book.type_of(a) == "State")
                    if states:
                        self.mem.event_agents["drill"] = states
                        continue
                subj = self._plain_subject(cl, ms, [])
                states = tuple(a for a in subj or () if self.book.type_of(a) == "State")
                if len(states) >= 2:
                    self.mem.event_agents["drill"] = states

    # ------------------------------------------------------------------------- output
    def _dedupe(self, drafts: list[Draft]) -> list[Draft]:
        out: list[Draft] = []
        for d in drafts:
            clash = False
            for o in out:
                same_span = d.start < o.end and o.start < d.end
                if same_span and COARSE[d.kind] == COARSE[o.kind] and set(d.holders) & set(
                        o.holders) and (d.start >= o.start and d.end <= o.end or
                                        o.start >= d.start and o.end <= d.end):
                    clash = True
                    break
            if not clash:
                out.append(d)
        return out


# ----------------------------------------------------------------------------- helpers

_FILTER: list[Prefilter] = []


def _cue_filter() -> Prefilter:
    """All cue patterns (and the passive one, last) behind one prefilter, built once."""
    if not _FILTER:
        _FILTER.append(Prefilter([c.pattern for c in lx.ALL_CUES] + [lx.PASSIVE]))
    return _FILTER[0]


def NON_ASSERTED_BEFORE(before: str) -> bool:  # noqa: N802 - reads as a predicate
    """Whether a cue sits in a subordinate, interrogative or hypothetical clause."""
    last = _LAST_PART.split(before)[-1]
    return bool(lx.NON_ASSERTED.search(last))


_FIRST_PERSON = re.compile(r"\b(?:[Ww]e|I)\s+(?:(?:will|must|have|do|\w+ly)\s+)*")


_OWN_REFERENCE = re.compile(
    r"(?:it|he|she|they|we|(?:the|his|her|its|their|our)\s+(?:government|country|military|army|"
    r"ministry|department|administration|office|side|forces))\b", re.IGNORECASE)
_STRONG_CONTENT = ("threaten", "warn")
_REJECT_CONTENT = dict(lx.CONTENT_LOW)["reject"]
# What a speaker's own side does (not what befalls it): "would not yield", "had always
# supported", "would veto", "shared the goal".
_OWN_ACTION = re.compile(
    r"\s*,?\s*(?:\w+ly\s+|for\s+its\s+part,\s+)?(?:(?:would|will)\s+(?:not\s+|never\s+)?(?:\w+ly\s+)?(?:yield|accept|"
    r"recogni[sz]e|allow|tolerate|give\s+up|back\s+down|bow|veto|send|deploy|continue|keep|"
    r"support|oppose|join|defend|seek|pursue|respond|retaliate|consider|renounce|abandon|"
    r"study|examine|review|back|take|vote|hand\s+[^.;]{0,30}?\bto\s+(?:no\s*one|nobody)|"
    r"surrender|compromise|negotiate|attend|withdraw|intervene|be\s+intimidated|be\s+cowed|"
    r"fire\s+back|hit\s+back|strike\s+back|[“\"]?stand\s+(?:with|by))|"
    r"(?:had|has|have)\s+[“\"]?(?:\w+\s+)?(?:supported|backed|opposed|rejected|shared|welcomed|"
    r"condemned)|shared\s+the\s+goal|stands\s+with)\b", re.IGNORECASE)
_OBJECT_LEAD = re.compile(r"\s+(?:(?:the|a|an)\s+)?")
_QUESTION = re.compile(r"\?[”\"’')]*\s*$")
_LIST_JOINT = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?|,\s+(?:the\s+)?")
_THAT_AFTER = re.compile(r"\s+that\b")
_THAT = re.compile(r"\bthat\b")
_HOPED = re.compile(r"\bhope[sd]?\s+(?:that\s+)?", re.IGNORECASE)
_OWN_COMMENTARY = re.compile(r"\b(?:in\s+(?:an?|its)\s+(?:\w+\s+)?(?:commentary|editorial|"
                             r"column|opinion\s+piece)|the\s+(?:paper|newspaper|daily))\b",
                             re.IGNORECASE)
_OWN_REFUSAL = re.compile(r"\b(?:will|would|shall)\s+(?:not|never)\b|\bwon[’']t\b|"
                          r"\bto\s+(?:no\s*one|nobody)\b",
                          re.IGNORECASE)


def _content_kind(text: str, own: bool = False) -> str | None:
    # "We welcome ...", "We categorically reject ...": the speaker's own stance verb
    for fp in _FIRST_PERSON.finditer(text):
        m = _STANCE_VERB_AT.match(text, fp.end())
        if m:
            return _STANCE_VERBS[int(m.lastgroup[1:])].kind  # type: ignore[index]
    low = text.lower()
    for kind, pattern in lx.CONTENT_LOW:
        if kind in _STRONG_CONTENT and pattern.search(low):
            return kind
    if own:
        # "said Russia would continue to support ...": the speaker's side's own stance verb
        first = re.split(r"[;:]|\s[—–]\s", text, maxsplit=1)[0][:160]
        best: tuple[int, str] | None = None
        for cue in lx.VERBS:
            if cue.category != "verb":
                continue
            m = cue.pattern.search(first)
            if m and (best is None or m.start() < best[0]):
                if not lx.NEGATION.search(" ".join(first[:m.start()].split()[-3:])):
                    best = (m.start(), cue.kind)
        if best:
            return best[1]
        if _OWN_REFUSAL.search(first):  # "said The Hague will not copy American rules"
            return "reject" if _REJECT_CONTENT.search(low) else "refuse"
        if lx.OWN_INTENT_LOW.search(first.lower()):
            return "intend"
    for kind, pattern in lx.CONTENT_LOW:
        if kind not in _STRONG_CONTENT and pattern.search(low):
            return kind
    return None


_QUOTE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")


def _quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations of text[start:end]; one left open runs to the end."""
    return [m.span() for m in _QUOTE.finditer(text, start, end)]


def _drop_parentheticals(items: list[_Item]) -> list[_Item]:
    out: list[_Item] = []
    i = 0
    while i < len(items):
        it = items[i]
        if it.kind == "P" and it.text == "(":
            j = i + 1
            while j < len(items) and not (items[j].kind == "P" and items[j].text == ")"):
                j += 1
            i = j + 1
            continue
        if it.kind == "P" and it.text == "," and i + 1 < len(items):
            nxt = items[i + 1]
            # ", however,", ", who ...,", ", wrapping up a visit,": asides before the verb
            if nxt.kind == "W" and (nxt.text.lower() in _PAREN_START or
                                    nxt.text.lower().endswith(("ly", "ing")) or
                                    len(nxt.text) > 4 and nxt.text.endswith("ed")):
                j = i + 1
                while j < len(items) and not (items[j].kind == "P" and items[j].text == ","):
                    j += 1
                if j < len(items):
                    i = j + 1
                    continue
        out.append(it)
        i += 1
    return out


_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
    "weekend", "month", "year", "day", "morning", "afternoon", "evening", "night", "today",
    "yesterday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "weeks", "months", "years", "days",
}
_TIME_PREPS = {"on", "last", "this", "in", "at", "late", "early", "earlier", "later", "over",
               "during", "since"}


def _drop_time_phrase(items: list[_Item]) -> list[_Item]:
    """'Russia on Wednesday vetoed': a time phrase between subject and verb is skipped."""
    n = len(items)
    for k in range(max(0, n - 5), n):
        it = items[k]
        if it.kind == "W" and it.text.lower() in _TIME_PREPS and k >= 1 and \
                items[k - 1].kind == "M":
            rest = items[k + 1:]
            if rest and all(r.kind == "W" or r.text == "." for r in rest) and any(
                    r.text.lower() in _TIME_WORDS or r.text.isdigit() for r in rest):
                return items[:k]
    return items


def _only_mentions(text: str, cl: Clause, ms: list[Mention]) -> bool:
    inner = [m for m in ms if cl.start <= m.start and m.end <= cl.end]
    if not inner:
        return False
    rest = text[cl.start:cl.end]
    for m in sorted(inner, key=lambda m: -m.start):
        rest = rest[:m.start - cl.start] + rest[m.end - cl.start:]
    return bool(_ONLY_LIST.fullmatch(rest))


def _starts_with_mention(text: str, start: int, inner: list[Mention]) -> bool:
    if not inner:
        return False
    gap = text[start:inner[0].start]
    return bool(_MENTION_LEAD.fullmatch(gap))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end
