"""Stance cues in a parsed sentence: the words that take a position, found on the parse
(lemma, part of speech and dependency), with the kind the lexicon gives them.

Categories tell the later stages where the holder and the content are:
- `speech`: a reporting verb ("said", "warned that"): its subject speaks, its clausal
  complement (or the quotation it introduces) is what is said and decides the kind;
- `called`: naming something ("called the launch a grave threat"): the label decides the kind;
- `verb` and `phrasal`: a stance verb ("condemned", "called on"): its subject holds it;
- `noun`: a position noun held by a possessor ("Beijing's opposition to"), by "by X"
  ("opposition by China") or by the subject of a light verb ("expressed strong objections");
- `adjective`: a predicative adjective said of the holder ("is reluctant to", "fully ready");
- `modal`: an appeal ("should", "must", "it is critical to"), held by whoever speaks.
"""

from __future__ import annotations

from dataclasses import dataclass

from .lexicon import lexicon

_MODALS = {"should": "urge", "must": "demand", "ought": "urge", "need": "demand",
           "have": "demand"}
_CLAUSAL = ("ccomp", "xcomp", "parataxis")
_URGING = {"ask", "tell", "press", "encourage", "invite", "beg", "urge", "implore", "exhort",
           "advise", "appeal", "push"}
_NAMING = {"call", "describe", "brand", "label", "dub", "term", "characterize",
           "characterise", "consider", "regard", "see", "view"}
_IMPERSONAL = {"critical", "essential", "imperative", "crucial", "important", "necessary",
               "vital", "time", "urgent", "wise", "prudent", "advisable", "better", "best",
               "key", "right", "appropriate", "desirable", "needed", "incumbent"}


_NEEDS_CONTENT = {"decision", "move", "plan", "proposal", "offer", "initiative", "intention",
                  "pledge", "vow", "promise", "commitment", "call", "appeal", "demand",
                  "claim", "position", "view", "stance", "assessment"}
_REFLEXIVE = {"itself", "themselves", "himself", "herself", "ourselves", "myself"}
_FORECAST = {"likely", "unlikely", "certain", "bound", "poised", "set", "sure", "expected"}
_APPEALING = {"recommend", "advise", "suggest", "urge", "require", "need"}


def impersonal_passive(t: object) -> bool:
    """"It is (highly) recommended that ...": an appeal without its holder named."""
    aux = [c for c in t.children if c.dep_ == "auxpass"]
    subj = next((c for x in (t, *aux) for c in x.children
                 if c.dep_ in ("nsubjpass", "expl", "nsubj")), None)
    return subj is not None and subj.lower_ == "it" and bool(aux) and any(
        c.dep_ == "ccomp" for c in t.children)


@dataclass(slots=True)
class Cue:
    token: int  # the cue's head token (verb, noun, adjective; for a modal: its verb)
    kind: str
    category: str  # speech, called, verb, phrasal, noun, adjective, modal
    word: str  # the lemma (or "verb particle") that matched


def find_cues(doc: object) -> list[Cue]:
    """The cues of a parsed sentence, in token order."""
    lx = lexicon()
    out: list[Cue] = []
    for t in doc:
        lemma = t.lemma_.lower()
        if t.tag_ == "VBN" and t.lower_ in lx.adjectives and lemma not in lx.verbs and any(
                c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
            # "Tokyo is incensed that ...", "Seoul was angered by": a state of the subject
            out.append(Cue(t.i, lx.adjectives[t.lower_], "adjective", t.lower_))
        elif t.pos_ in ("VERB", "AUX") or t.pos_ == "NOUN" and t.dep_ == "ROOT" and \
                t.tag_.startswith("VB"):
            cue = _verb_cue(t, lemma, lx)
            if cue:
                out.append(cue)
            if lemma in _MODALS and t.dep_ == "aux" and _modal_appeal(t):
                out.append(Cue(t.head.i, _MODALS[lemma], "modal", lemma))
            elif lemma == "ought" and t.dep_ == "ROOT":  # "London ought to wait."
                verb = next((c for c in t.children if c.dep_ == "xcomp"), None)
                if verb is not None:
                    out.append(Cue(t.i, "urge", "modal", lemma))
        elif t.pos_ in ("NOUN", "PROPN") and lemma in lx.nouns and _holds_position(t, lx):
            out.append(Cue(t.i, lx.nouns[lemma], "noun", lemma))
        elif t.pos_ == "ADJ" and lemma in lx.adjectives and t.dep_ in (
                "acomp", "amod", "attr", "xcomp", "conj", "oprd", "advcl"):
            if lemma in _IMPERSONAL and _impersonal_subject(t):
                continue
            out.append(Cue(t.i, lx.adjectives[lemma], "adjective", lemma))
        if t.pos_ == "ADJ" and lemma in _IMPERSONAL and _impersonal_subject(t):
            out.append(Cue(t.i, "recommend", "modal", lemma))
        if lemma in _FORECAST and t.dep_ in ("acomp", "oprd", "ROOT") and any(
                c.dep_ == "xcomp" for c in t.children):
            out.append(Cue(t.i, "predict", "forecast", lemma))  # "is likely to ignore"
        if t.lower_ == "according" and _according_to(t) is not None:
            out.append(Cue(t.i, "claim", "speech", "according to"))  # "..., according to X"
        if t.pos_ == "VERB" and lemma in _APPEALING and impersonal_passive(t):
            out.append(Cue(t.i, "recommend", "modal", lemma))  # "it is recommended that"
    return out


def _according_to(t: object) -> object | None:
    """The source "according to" names, if the parse gives one."""
    to = next((c for c in t.children if c.lower_ == "to"), None)
    return next((o for o in to.children if o.dep_ == "pobj"), None) if to is not None else None


def according_source(t: object) -> object | None:
    """Whom "according to X" attributes its clause to: X."""
    return _according_to(t) if t.lower_ == "according" else None


def _verb_cue(t: object, lemma: str, lx) -> Cue | None:  # noqa: ANN001
    for c in t.children:
        if c.dep_ in ("prt", "prep", "advmod", "dobj") and (lemma, c.lower_) in lx.phrasal:
            return Cue(t.i, lx.phrasal[(lemma, c.lower_)], "phrasal", f"{lemma} {c.lower_}")
    deps = {c.dep_ for c in t.children}
    if lemma == "make" and any(c.lower_ in ("clear", "plain") for c in t.children):
        return Cue(t.i, "claim", "speech", "make clear")  # "made clear that ..."
    if lemma in _NAMING and "dobj" in deps and deps & {"oprd", "xcomp", "ccomp", "attr",
                                                        "advcl", "prep"}:
        if lemma != "call" or "oprd" in deps or "xcomp" in deps or "ccomp" in deps:
            return Cue(t.i, "criticize", "called", lemma)
    if lemma in _URGING and "dobj" in deps and "xcomp" in deps:
        return Cue(t.i, "urge", "verb", lemma)
    if lemma in lx.speech and (deps & set(_CLAUSAL) or t.dep_ == "parataxis" or
                               lemma in ("say", "add", "warn", "tell", "write", "state",
                                         "stress", "note", "claim", "argue", "insist")):
        return Cue(t.i, lx.speech[lemma], "speech", lemma)
    if lemma in lx.verbs:
        if lemma == "commit" and any(c.dep_ == "dobj" and c.lower_ not in _REFLEXIVE
                                     for c in t.children):
            return None  # "committed war crimes": a deed, not a commitment
        if lemma in _URGING and lemma not in ("urge", "implore", "exhort", "appeal") and \
                "xcomp" not in deps:
            return None
        return Cue(t.i, lx.verbs[lemma], "verb", lemma)
    if lemma in lx.speech:
        return Cue(t.i, lx.speech[lemma], "speech", lemma)
    return None


def _modal_appeal(aux: object) -> bool:
    """"should", "must", "need to", "has to" as an appeal, not "must have been" (a guess)."""
    verb = aux.head
    if aux.lemma_ == "have" and not any(c.lower_ == "to" for c in verb.children):
        return False
    if aux.lemma_ == "need" and not any(c.lower_ == "to" for c in verb.children):
        return False
    return not any(c.lemma_ == "have" and c.dep_ == "aux" and c.i > aux.i for c in
                   verb.children)


# Kinds of the nouns of a feeling, which an act done "with" them shows ("noted with concern",
# "received with satisfaction"); "advanced with support from Rwanda" shows no support.
_FELT = ("criticize", "condemn", "welcome")


def felt_with(t: object, lx) -> bool:  # noqa: ANN001
    """A noun of feeling that an act is done with ("is following with deep concern")."""
    return t.dep_ == "pobj" and t.head.lower_ == "with" and \
        lx.nouns.get(t.lemma_.lower()) in _FELT


def _holds_position(t: object, lx) -> bool:  # noqa: ANN001
    """A position noun with a holder in reach: a possessor, "by X", or a light verb. A noun
    of deciding or planning holds one only with what is decided ("Togo's decision" alone is
    no stance; "the ministry's move to consider sanctions" is)."""
    if t.lemma_.lower() in _NEEDS_CONTENT and not any(
            c.dep_ in ("acl", "relcl", "xcomp", "ccomp") or c.dep_ == "prep" and
            c.lower_ in ("for", "to", "on", "of") for c in t.children):
        return False
    for c in t.children:
        if c.dep_ == "poss":
            return True
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            return True
    head = t.head
    if t.dep_ in ("dobj", "attr", "nsubjpass") and head.lemma_.lower() in lx.light_verbs:
        return True
    if t.dep_ == "pobj" and head.lower_ in ("in", "of", "with") and head.head.pos_ == "VERB" \
            and (head.head.lemma_.lower() in lx.light_verbs or felt_with(t, lx)):
        return True  # "expressed his country's great disappointment", "in protest", "is
        # following with deep concern"
    return t.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in ("due", "owe")


def _impersonal_subject(t: object) -> bool:
    """"It is critical to ...", "it is time for ...": an adjective of an expletive "it"
    with a clause or "for" after it."""
    verb = t.head if t.dep_ in ("acomp", "attr", "oprd") else None
    if verb is None:
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
    if subj is None or subj.lower_ not in ("it", "this"):
        return False
    return any(c.dep_ in ("xcomp", "ccomp", "prep") for c in t.children) or any(
        c.dep_ in ("xcomp", "ccomp", "advcl") for c in verb.children)
