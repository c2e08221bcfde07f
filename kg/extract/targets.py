"""Whom a position is aimed at, keeping its polarity.

- A stance verb aims at its object ("condemned North Korea", "urged Pyongyang to"), at the
  actor after "on", "against", "to", "at" or "with" ("called on the DPRK", "sided with
  Moscow"), or at the actor whose act the object names ("condemned North Korea's launch",
  "the test by Pyongyang"); a passive aims at its subject.
- Opposing, vetoing or refusing a measure against X does not aim at X: it aims at whoever
  proposed the measure when the text names them ("vetoed a U.S.-drafted resolution"), else at
  no one; X belongs to the issue.
- What is said, an appeal and an assessment aim at the actor the content is about: its
  subject, else its object or an actor whose act it names; never at the holder itself.
"""

from __future__ import annotations

from collections.abc import Callable

from .cues import Cue
from .kinds import content_kinds

_AIM_PREPS = {"on", "upon", "against", "to", "at", "with", "toward", "towards", "over",
              "behind", "for"}
_MEASURES = {"sanction", "resolution", "draft", "measure", "action", "bill", "motion",
             "proposal", "plan", "text", "embargo", "penalty", "tariff", "ban", "condemnation",
             "censure", "step", "move", "statement", "declaration", "initiative", "effort",
             "push", "bid", "attempt", "package"}
# Where a case is made, not whom it is aimed at ("would seek new sanctions at the UN Security
# Council", "raised the matter at the summit").
_FORUMS = {"council", "assembly", "un", "nations", "summit", "meeting", "conference", "session",
           "forum", "court", "wto", "iaea", "nato", "asean", "g7", "g20", "talks"}
_REJECTING = {"oppose", "reject", "refuse", "reluctant"}
_SPONSOR_VERBS = {"draft", "propose", "sponsor", "table", "submit", "circulate", "introduce",
                  "put", "write", "pen", "author", "lead", "push", "back"}

Lookup = Callable[[int], tuple[str, ...]]  # token index -> the actors mentioned there

# Acts whose doer the text names once and then leaves unsaid ("condemned the test").
EVENTS = {"launch": "launch", "missile": "launch", "test": "launch", "icbm": "launch",
          "firing": "launch", "barrage": "launch", "fire": "launch", "test-fire": "launch",
          "exercise": "drill", "drill": "drill", "maneuver": "drill", "manoeuvre": "drill",
          "attack": "attack", "strike": "attack", "shelling": "attack", "invasion": "attack",
          "incursion": "attack", "provocation": "launch"}
# words of the acts `record_events` remembers, for choosing the sentences worth parsing
ACT_WORDS = frozenset({f for w in EVENTS for f in (w, w + "s", w + "ed", w + "es")} |
                      {"fired", "launched", "tested", "test-fired", "conducted", "staged",
                       "held", "carried", "attacked", "struck", "invaded", "started",
                       "resumed", "extended", "adopted", "issued", "released", "passed",
                       "drafted", "tabled", "signed"})
_PROVOKING = {"provocation", "launch", "test", "attack", "aggression", "invasion", "incursion",
              "strike"}
_DOING = {"fire", "launch", "test", "conduct", "stage", "hold", "carry", "test-fire",
          "attack", "strike", "invade", "start", "begin", "resume", "extend", "continue",
          "expand"}


LAST_PAPER = "doc:*"  # who issued the document the text named last
_PAPERS = {"resolution", "resolutions", "statement", "declaration", "communique", "communiqué",
           "charter", "treaty", "agreement", "convention"}
_ADOPTING = {"adopt", "pass", "approve", "endorse", "issue", "release", "publish", "sign"}
_ISSUING = {"adopt", "issue", "release", "publish", "pass", "approve", "table", "circulate",
            "draft", "sponsor", "submit", "endorse", "sign", "bring", "introduce", "put"}


def record_events(doc: object, actors_at: Lookup, events: dict[str, tuple[str, ...]]) -> None:
    """Remember who did the acts a parsed sentence reports ("North Korea fired a missile",
    "North Korea's launch") and who issued its documents ("the Assembly adopted a
    resolution", "a resolution drafted by Algeria"), under "doc:" and the document noun."""
    adopted: set[int] = set()  # papers this sentence says a body adopted or issued
    for t in doc:
        lemma = t.lemma_.lower()
        if lemma in _ISSUING and t.pos_ == "VERB":
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children)
            if passive or t.dep_ == "acl":
                agent = next((o for c in t.children if c.dep_ == "agent" for o in c.children
                              if o.dep_ == "pobj"), None)
                doers = _actors_of(agent, actors_at, ()) if agent is not None else ()
                papers = [t.head] if t.dep_ == "acl" else [
                    c for c in t.children if c.dep_ == "nsubjpass"]
            else:
                subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
                doers = _actors_of(subj, actors_at, ()) if subj is not None else ()
                papers = [c for c in t.children if c.dep_ == "dobj"]
            for paper in papers:
                key = "doc:" + paper.lemma_.lower()
                if not doers or paper.pos_ not in ("NOUN", "PROPN") or \
                        lemma not in _ADOPTING and paper.i in adopted:
                    continue  # "passed the resolution brought by A and B": the body's words
                events[key] = doers
                events[LAST_PAPER] = doers  # "The text urged ...", "The measure calls"
                if lemma in _ADOPTING:
                    adopted.add(paper.i)
        if t.pos_ == "VERB" and lemma in _DOING:
            subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
            doers = _actors_of(subj, actors_at, ()) if subj is not None else ()
            if not doers:
                continue
            kinds = {EVENTS.get(lemma)} | {EVENTS.get(c.lemma_.lower()) for c in t.children
                                           if c.dep_ == "dobj"}
            for k in kinds - {None}:
                events[k] = doers
        elif t.pos_ == "NOUN" and lemma in EVENTS:
            for c in t.children:  # "North Korea's launch", "North Korean missiles"
                if c.dep_ in ("poss", "compound", "amod") and actors_at(c.i):
                    events[EVENTS[lemma]] = actors_at(c.i)


def event_doers(t: object | None, events: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """Who did the act a noun phrase names without naming its doer ("the test")."""
    if t is None:
        return ()
    for x in (t, *[c for c in t.children if c.dep_ in ("compound", "amod")]):
        kind = EVENTS.get(x.lemma_.lower())
        if kind and kind in events:
            return events[kind]
    return ()


def aimed_at(cue: Cue, doc: object, actors_at: Lookup, holders: tuple[str, ...],
             content: object | None = None, events: dict[str, tuple[str, ...]] | None = None
             ) -> tuple[tuple[str, ...], object | None]:
    """The target actors of a cue, and the token heading what it is about (for the issue)."""
    found, about = _aimed_at(cue, doc, actors_at, holders, content)
    if events and content is not None and (cue.kind in ("warn", "threaten") or {
            "warn", "threaten"} & set(content_kinds(list(content.subtree)))):
        # "in cases of apparent provocations, the Council will ...": at the provocateur
        doers = tuple(a for x in content.subtree for a in event_doers(x, events)
                      if x.lemma_.lower() in _PROVOKING and a not in holders)
        if doers:
            return tuple(dict.fromkeys(doers)), about
    if _against_a_measure(cue, about) or cue.kind in ("deny", "reject") and \
            about is not None and about.lemma_.lower() in _CHARGES:
        # its sponsor, the accuser, or no one: never whom the measure or charge is against
        return found, about
    if not found and about is not None and events:
        found = _without(event_doers(about, events), holders)
    if not found and events:
        # "called the missile launch a grave threat": at whoever launched it
        where = doc[cue.token] if content is None else content
        found = tuple(dict.fromkeys(a for x in where.subtree if x.lemma_.lower() in _PROVOKING
                                    for a in _without(event_doers(x, events), holders)))
    if not found:
        found = named_in(doc[cue.token] if content is None else content, actors_at, holders)
    return found, about


def _against_a_measure(cue: Cue, about: object | None) -> bool:
    """Whether a rejecting stance is about a measure ("vetoed the resolution", "opposed
    every push for tougher measures")."""
    if cue.kind not in _REJECTING or about is None:
        return False
    if about.lemma_.lower() in _MEASURES:
        return True
    return any(o.lemma_.lower() in _MEASURES for c in about.children
               if c.dep_ == "prep" and c.lower_ in ("for", "of", "toward", "towards")
               for o in c.children if o.dep_ == "pobj")


_ROLE_ORDER = {"nsubj": 0, "nsubjpass": 0, "dobj": 1, "dative": 1, "pobj": 2, "poss": 3,
               "compound": 4, "amod": 4, "nmod": 4, "appos": 5}


def named_in(head: object, actors_at: Lookup, holders: tuple[str, ...]) -> tuple[str, ...]:
    """The actor a clause names that is not its holder, when its structure gave none: the
    most prominent by grammatical role ("expressed concern over ... in Afghanistan" gives
    nothing; "the North Korean threat" gives North Korea)."""
    best: tuple[int, int] | None = None
    found: tuple[str, ...] = ()
    others = {x.i for c in head.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
              for x in c.subtree}  # a clause coordinated to it is another's
    # a forum's name, not what is said of it ("at a meeting by Seoul" keeps Seoul)
    others |= {x.i for t in head.subtree if _a_forum(t) for x in t.subtree if x.i <= t.i}
    # whose paper it is ("in violation of Security Council resolutions") is not whom it is about
    others |= {x.i for t in head.subtree if t.lemma_.lower() in _PAPERS
               for c in t.children if c.dep_ in ("compound", "poss") for x in c.subtree}
    for t in head.subtree:
        if t.i in others:
            continue
        actors = _without(actors_at(t.i), holders)
        if not actors:
            continue
        rank = (_ROLE_ORDER.get(t.dep_, 6), t.i)
        if best is None or rank < best:
            best, found = rank, actors
    return found


def _aimed_at(cue: Cue, doc: object, actors_at: Lookup, holders: tuple[str, ...],
              content: object | None) -> tuple[tuple[str, ...], object | None]:
    t = doc[cue.token]
    if cue.category in ("speech", "modal", "called", "adjective") or content is not None:
        # "warning the North Koreans that ...", "told Kiev to ...": whom it is said to
        if cue.category in ("speech", "called"):
            obj = next((c for c in t.children if c.dep_ in ("dobj", "dative")), None)
            found = _actors_of(obj, actors_at, holders)
            if found:
                return found, content if content is not None else obj
        head = content if content is not None else t
        return _about(head, actors_at, holders, cue), head
    if cue.category == "noun":
        obj = _prep_object(t, ("to", "of", "against", "on", "over", "toward", "towards",
                               "for", "with", "at"))
        return _measure_or_actor(obj, cue, actors_at, holders), obj
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in t.children):
        subj = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
        return _actors_of(subj, actors_at, holders), subj
    obj = next((c for c in t.children if c.dep_ in ("dobj", "dative")), None)
    if obj is not None and obj.lower_ in ("that", "which") and t.dep_ == "relcl":
        obj = t.head  # "a charge that both Pyongyang and Moscow deny"
    if obj is None:
        obj = _prep_object(t, _AIM_PREPS)
        if obj is None:  # "called on X", "sided with X": the particle's object
            for c in t.children:
                if c.dep_ in ("prt", "prep"):
                    obj = _prep_object(c, _AIM_PREPS) or obj
    if obj is None:  # "vowed to answer the drills": the object of what it vows to do
        xcomp = next((c for c in t.children if c.dep_ == "xcomp"), None)
        if xcomp is not None:
            obj = next((c for c in xcomp.children if c.dep_ in ("dobj", "dative")), None)
    if cue.kind in ("deny", "reject") and obj is not None and \
            obj.lemma_.lower() in _CHARGES:
        accuser = _accuser(obj, actors_at, holders)
        if accuser:
            return accuser, obj
    return _measure_or_actor(obj, cue, actors_at, holders), obj


_CHARGES = {"charge", "accusation", "allegation", "claim", "remark", "report", "assertion",
            "statement", "comment", "suggestion", "criticism", "assessment", "finding"}


def _accuser(charge: object, actors_at: Lookup, holders: tuple[str, ...]) -> tuple[str, ...]:
    """Who made the charge a denial answers: its owner ("the minister's remarks", "remarks
    made by the minister") or the subject of the accusation it stands beside ("Washington
    has accused Pyongyang of ..., a charge that Pyongyang denies")."""
    found = _actors_of(charge, actors_at, holders)
    if found:
        return found
    x = charge
    for _ in range(10):  # up to the verb of accusing it stands beside
        if x.head.i == x.i:
            break
        x = x.head
        if x.pos_ == "VERB" and x.lemma_.lower() in _ACCUSING:
            subj = next((c for c in x.children if c.dep_ == "nsubj"), None)
            return _actors_of(subj, actors_at, holders)
    return ()


_ACCUSING = {"accuse", "charge", "claim", "allege", "say", "blame", "suggest", "assert",
             "report", "state"}


def _measure_or_actor(obj: object | None, cue: Cue, actors_at: Lookup,
                      holders: tuple[str, ...]) -> tuple[str, ...]:
    if obj is None:
        return ()
    if cue.kind in _REJECTING and obj.lemma_.lower() in _MEASURES:
        return _sponsor(obj, actors_at, holders)
    return _actors_of(obj, actors_at, holders)


def _sponsor(measure: object, actors_at: Lookup, holders: tuple[str, ...]) -> tuple[str, ...]:
    """Who proposed a measure: "a U.S.-drafted resolution", "the resolution drafted by
    Algeria", "the Algerian draft", "China's proposal"."""
    for c in measure.children:
        if c.dep_ == "poss" or c.dep_ in ("amod", "compound", "nmod") and c.pos_ in (
                "PROPN", "ADJ") and actors_at(c.i):
            found = _without(actors_at(c.i), holders)
            if found:
                return found
        if c.dep_ in ("acl", "amod") and c.lemma_.lower() in _SPONSOR_VERBS:
            for g in c.subtree:
                if g.dep_ == "pobj" and g.head.lower_ == "by":
                    return _without(_actors_of(g, actors_at, holders), holders)
                if g.i < c.i and actors_at(g.i):  # "U.S.-drafted"
                    return _without(actors_at(g.i), holders)
    return ()


def _prep_object(t: object, preps: set[str] | tuple[str, ...]) -> object | None:
    for c in t.children:
        if c.dep_ in ("prep", "prt") and c.lower_ in preps:
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def _a_forum(t: object) -> bool:
    """Whether a token names the forum where something is done ("at the Security Council")."""
    return t.dep_ == "pobj" and t.lower_ in _FORUMS and t.head.lower_ in ("at", "before", "in")


def _without(found: tuple[str, ...], holders: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(a for a in found if a not in holders)


def _actors_of(t: object | None, actors_at: Lookup, holders: tuple[str, ...],
               depth: int = 0) -> tuple[str, ...]:
    """The actors a noun phrase names: itself (with its conjuncts), else whoever owns or
    performs what it names ("North Korea's launch", "India's characteristic hubris and smear
    campaign", "the test by Pyongyang", "remarks made by the minister", "U.S. policy"),
    nearest first."""
    if t is None or depth > 3:
        return ()
    out: list[str] = []
    for x in (t, *t.conjuncts):
        found = _without(actors_at(x.i), holders)
        if not found:
            found = _owners(x, actors_at, holders, depth)
        out.extend(found)
    return tuple(dict.fromkeys(out))


def _owners(x: object, actors_at: Lookup, holders: tuple[str, ...], depth: int
            ) -> tuple[str, ...]:
    mods = [c for c in x.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    for c in mods:  # a modifier that is an actor
        found = _without(actors_at(c.i), holders)
        if found:
            # "U.S. North Korea policy": the first of two names owns it, the other is its topic
            outer = (_without(actors_at(g.i), holders) for g in c.lefts if g.dep_ == "compound")
            return next((o for o in outer if o and o != found), found)
    for c in mods:  # a modifier's own owner: "India's hubris and ... campaign"
        if c.dep_ in ("poss", "nmod"):
            found = _actors_of(c, actors_at, holders, depth + 1)
            if found:
                return found
    for c in x.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "of", "from"):
            for o in c.children:
                if o.dep_ == "pobj":
                    found = _actors_of(o, actors_at, holders, depth + 1)
                    if found:
                        return found
        if c.dep_ == "acl":  # "remarks reportedly made by the minister"
            for g in c.children:
                if g.dep_ == "agent":
                    found = _actors_of(next((o for o in g.children if o.dep_ == "pobj"),
                                            None), actors_at, holders, depth + 1)
                    if found:
                        return found
    return ()


def _about(head: object, actors_at: Lookup, holders: tuple[str, ...], cue: Cue
           ) -> tuple[str, ...]:
    """The actors a clause is about: its subject, else its objects, else any actor in it."""
    verb = head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    found = _actors_of(subj, actors_at, holders) if subj is not None else ()
    if found:
        return found
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "attr", "oprd"):
            found = _actors_of(c, actors_at, holders)
            if found:
                return found
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in _AIM_PREPS | {"of", "by"}:
            obj = _prep_object(verb, {c.lower_})
            if obj is not None and _a_forum(obj):
                continue
            found = _actors_of(obj, actors_at, holders)
            if found:
                return found
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp", "conj") and c.pos_ in ("VERB", "AUX"):
            found = _about(c, actors_at, holders, cue)
            if found:
                return found
    return ()
