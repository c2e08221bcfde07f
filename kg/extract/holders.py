"""Who holds a cue's position, read off the parse: the subject of the cue, the agent of a
passive ("was opposed by China"), a possessor ("Beijing's opposition"), the subject of a light
verb ("expressed strong objections"), the subject a non-finite or coordinated verb shares
with its head ("..., saying he was deeply troubled"), the noun a relative clause describes
("which called the launch ..."), and the author of a document that speaks ("A statement from
the Joint Chiefs of Staff said").
"""

from __future__ import annotations

from .cues import Cue, according_source, felt_with
from .lexicon import lexicon

_DOCUMENTS = {"statement", "report", "resolution", "declaration", "communique", "communiqué",
              "letter", "note", "release", "memorandum", "editorial", "article", "paper",
              "study", "brief", "commentary", "op-ed", "analysis", "remark", "remarks",
              "comment", "comments", "speech", "address", "message", "post", "tweet",
              "readout", "notice", "announcement", "draft", "text", "bill", "motion"}
_RELATIVE = {"who", "which", "that", "whom"}


def subject(v: object) -> object | None:
    """The token that is `v`'s subject, explicitly or shared with the verb it depends on."""
    for c in v.children:
        if c.dep_ in ("nsubj", "expl", "csubj"):
            if c.lower_ in _RELATIVE and v.dep_ == "relcl":
                return v.head
            return c
    # "..., argued Ruhe.", "..., said the minister": the speaker after the verb, parsed as
    # its object
    if any(c.dep_ in ("ccomp", "parataxis") and c.i < v.i for c in v.children):
        after = next((c for c in v.children if c.i > v.i and c.dep_ in (
            "dobj", "attr", "npadvmod", "oprd", "appos")), None)
        if after is not None and after.pos_ in ("PROPN", "NOUN"):
            return after
    if v.dep_ == "relcl":
        return v.head
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head.i != v.i:
        return subject(v.head)
    if v.dep_ == "advcl" and v.tag_ == "VBG" and v.i > 0:
        left = v.doc[v.i - 1]
        if left.dep_ == "pobj" and left.pos_ in ("NOUN", "PROPN") and \
                left.head.head.tag_ == "VBG":
            return left  # "resulting in the administration calling on ...": the gerund's own
    if v.dep_ in ("xcomp", "advcl") and v.tag_ in ("VBG", "VB", "VBN") and v.head.i != v.i:
        # "warning the North Koreans that ...", "to urge": the head's subject
        if v.dep_ == "advcl" and any(c.dep_ == "mark" for c in v.children):
            return None
        return subject(v.head) if not _passive(v.head) else agent(v.head)
    if v.dep_ == "acl" and v.head.lemma_.lower() in _DOCUMENTS:
        return v.head  # "a statement condemning ...": the statement, whose author speaks
    if v.dep_ == "acl" and v.tag_ == "VBG" and v.head.pos_ in ("NOUN", "PROPN"):
        return v.head  # "the administration calling on both sides to ...": its actor
    if v.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" and c.tag_ in ("VBD", "VBZ",
                                                                          "VBP", "MD")
                                               for c in v.children):
        return _left_noun(v)  # a finite verb whose subject the parser attached elsewhere
    return None


def _left_noun(v: object) -> object | None:
    """The noun phrase right before a finite verb with no subject ("..., North Korea and
    Russia agreed" parsed with the countries in apposition; "Speaking in Beijing, a
    spokesperson for the ministry said" with the spokesperson in apposition to Beijing)."""
    k = v.i - 1
    doc = v.doc
    while k >= 0 and doc[k].dep_ in ("aux", "neg", "advmod", "auxpass") and doc[k].head.i == v.i:
        k -= 1
    if k < 0:
        return None
    x = doc[k]
    for _ in range(6):  # up from the last word to the phrase it ends
        if x.pos_ in ("PROPN", "NOUN", "PRON") and x.dep_ in (
                "appos", "nsubj", "nsubjpass", "npadvmod", "dep", "conj"):
            return x
        if x.head.i == x.i or x.head.i >= v.i:
            break
        x = x.head
    return doc[k] if doc[k].pos_ in ("PROPN", "NOUN", "PRON") and \
        doc[k].dep_ != "pobj" else None


def agent(v: object) -> object | None:
    """The actor of a passive verb ("by China")."""
    for c in v.children:
        if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ == "by":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def _passive(v: object) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children)


def holder_token(cue: Cue, doc: object) -> object | None:
    """The token naming whoever holds `cue`, if the parse gives one."""
    t = doc[cue.token]
    if t.lemma_ == "say" and t.dep_ in ("pcomp", "advcl") and t.head.lemma_ in ("as",):
        t = t.head
    if t.head.lemma_ == "quote" and t.dep_ in ("advcl", "prep", "pcomp") or \
            t.head.head.lemma_ == "quote" and t.head.lower_ == "as":
        quoter = t.head if t.head.lemma_ == "quote" else t.head.head
        quoted = next((c for c in quoter.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted  # "State media quoted Prime Minister Hamza as saying that ..."
    if cue.word == "according to":
        return according_source(t)
    if cue.category == "noun":
        return _noun_holder(t)
    if cue.category == "adjective":
        if t.tag_ == "VBN":  # "Seoul was angered by the remarks": Seoul
            return next((c for c in t.children if c.dep_ in ("nsubjpass", "nsubj")), None)
        head = t.head if t.dep_ in ("acomp", "attr", "xcomp", "conj", "advcl") else t
        return subject(head) if head.i != t.i else None
    if cue.category in ("modal", "forecast"):
        return None  # an appeal or forecast is the speaker's; its subject is what it is about
    if _passive(t):
        return agent(t)
    return subject(t)


def _noun_holder(t: object) -> object | None:
    lx = lexicon()
    head = t.head
    # "expressed concern", "voiced its support for"; "is following with deep concern"
    via_verb = t.dep_ in ("dobj", "attr") and head.lemma_.lower() in lx.light_verbs or \
        t.dep_ == "pobj" and head.head.pos_ == "VERB" and (
            head.head.lemma_.lower() in lx.light_verbs or felt_with(t, lx))
    if via_verb:
        verb = head if t.dep_ in ("dobj", "attr") else head.head
        found = subject(verb) if not _passive(verb) else agent(verb)
        if found is not None:
            return found
    for c in t.children:
        if c.dep_ == "poss":
            return c
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            return next((o for o in c.children if o.dep_ == "pobj"), None)
        if c.dep_ == "acl":  # "a ceasefire proposal put forward by Egypt and Qatar"
            found = agent(c)
            if found is not None:
                return found
    if t.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_ in ("due", "owe"):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                return next((o for o in c.children if o.dep_ == "pobj"), None)
    return None


def document_author(t: object) -> object | None:
    """The author a document noun names: "China's statement", "a statement from the Joint
    Chiefs of Staff", "the Foreign Ministry statement"."""
    if t.lemma_.lower() not in _DOCUMENTS:
        return None
    for c in t.children:
        if c.dep_ == "poss" or c.dep_ == "compound" and c.pos_ == "PROPN":
            return c
        if c.dep_ == "prep" and c.lower_ in ("from", "by", "of"):
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def is_document(t: object) -> bool:
    return t.lemma_.lower() in _DOCUMENTS
