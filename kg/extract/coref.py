"""Which actor each role, description and pronoun refers to.

Mentions are resolved in text order against the actors mentioned before them (the most
recent first, subjects before others), with number and gender from names, titles and earlier
pronouns:
- "he", "she": the last person of that gender; "it", "its": the last state or body; "they":
  the last list of actors, or the last plural role or group; "we", "I": left to the speaker;
- "the ministry", "the council", "the 15-member organ": the last body with that head word;
  "the country", "the regime", "the Chinese side", "his government": the state they name or
  belong to;
- an office without a name: the person the text gives that office (before or after it:
  "Indian External Affairs Minister ... Indian External Affairs Minister S Jaishankar"), an
  unnamed spokesperson of a body is the body, and anyone else unnamed is an actor of its own,
  labelled as the text names it ("One of Moscow's top diplomats").
"""

from __future__ import annotations

import re

from ..records import Document
from .lexicon import lexicon
from .linking import ActorBook
from .nlp import Sentence
from .spans import Mention, SentenceMentions

_WINDOW = 3  # sentences back that a pronoun or description may reach
_SPOKES = ("spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen")
_UNNAMED = ("official", "diplomat")  # offices a lede gives before it names the person


def resolve(sentences: list[Sentence], found: list[SentenceMentions], book: ActorBook,
            doc: Document) -> None:
    """Fill in the actor of every role, description and pronoun that can be resolved."""
    Resolver(sentences, found, book, doc).run()


class Resolver:
    def __init__(self, sentences: list[Sentence], found: list[SentenceMentions],
                 book: ActorBook, doc: Document) -> None:  # noqa: D107
        self.sentences, self.found, self.book, self.doc = sentences, found, book, doc
        self.history: list[Mention] = []  # resolved mentions, in text order
        self.lx = lexicon()
        self._named_offices = self._offices_of_named()

    def run(self) -> None:
        for s, sm in zip(self.sentences, self.found, strict=True):
            for m in sm.mentions:
                if m.actor and m.text.isupper() and not self.book.actors[m.actor].in_registry:
                    self._acronym(m)
            early = [m for m in sm.mentions if m.form == "list" and self._list_members(m, sm)]
            for m in sm.mentions:
                if m in early and len(m.members) >= 2:
                    self.history.append(m)  # "South Korea and the US ... their drills"
                if m.form == "list":
                    continue
                if m.form == "surname" and m.actor is None:
                    self._surname(m)
                elif m.form == "group" and m.actor is None and not m.members:
                    self._group(m)
                elif m.form == "compass" and m.actor is None:
                    self._compass(m)
                elif m.actor is None and not m.members:
                    if m.form == "role":
                        self._role(m, s)
                    elif m.form in ("body", "state"):
                        self._description(m, s)
                    elif m.form == "pronoun":
                        self._pronoun(m, s)
                if m.actor or m.members:
                    self.history.append(m)
            for m in sm.mentions:
                if m.form == "list" and m not in early:
                    self._list_members(m, sm)
                    if len(m.members) >= 2:
                        self.history.append(m)

    def _acronym(self, m: Mention) -> None:
        """An acronym of a body the text named in full before ("the Sudanese Armed Forces",
        then "the SAF", when the full name was only resolved after the acronym was read)."""
        body = self.book.acronym(m.text, besides=m.actor)
        if body is not None and self.book.actors[body].type == "Institution":
            m.actor = body
            self.book.alias(body, m.text)

    def _list_members(self, m: Mention, sm: SentenceMentions) -> bool:
        """Fill in a list's members from its items; whether every item was resolved."""
        items = [sm.at(k) for k in m.parts]
        members = [a for p in items if p is not None for a in p.actors()]
        m.members = tuple(dict.fromkeys(members))
        return all(p is not None and p.actors() for p in items)

    # ------------------------------------------------------------------ candidates
    def _recent(self, m: Mention, accept, window: int = _WINDOW) -> Mention | None:  # noqa: ANN001
        """The most recent resolved mention before `m` that `accept(mention, is_modifier)`
        takes, within `window` sentences; in that mention's sentence, a subject first."""
        found = []
        for h in reversed(self.history):
            if h.sentence < m.sentence - window or found and h.sentence < found[0].sentence:
                break
            if h.sentence == m.sentence and (h.i >= m.i or m.form == "pronoun" and
                                             not self._salience(h)):
                continue  # in its own sentence, a pronoun looks back to subjects only
            if accept(h, h.form == "modifier"):
                found.append(h)
        if not found:
            return None
        # the main clause's subject first, then any subject, then the nearest; for "they",
        # a list before a single actor it contains
        plural = m.gender == "p"
        return max(found, key=lambda h: (self._salience(h), plural and len(h.members) > 1))

    def _salience(self, h: Mention) -> int:
        s = self.sentences[h.sentence]
        if not s.parsed or h.head < 0:
            return 0
        t = s.doc[h.head]
        if t.dep_ not in ("nsubj", "nsubjpass"):
            return 0
        return 2 if t.head.dep_ == "ROOT" else 1

    def _person_misread(self, h: Mention) -> bool:
        """A name the registry does not know, typed a body by the recognizer, that is a
        clause's subject ("Araghchi wrote on X ..." before "he added")."""
        actor = self.book.actors.get(h.actor or "")
        if actor is None or h.form != "entity" or actor.in_registry or \
                actor.type not in ("Institution", "State") or not self._is_subject(h):
            return False
        words = self.sentences[h.sentence].doc[h.i:h.j]
        # a singular name in ordinary case: not "Palestinians", not a dateline's "MOSCOW"
        return 1 <= len(words) <= 3 and all(w.tag_ == "NNP" and not w.is_upper for w in words)

    def _is_subject(self, h: Mention) -> bool:
        s = self.sentences[h.sentence]
        if not s.parsed or h.head < 0:
            return False
        return s.doc[h.head].dep_ in ("nsubj", "nsubjpass")

    def _surname(self, m: Mention) -> None:
        """A family name several persons share: the one mentioned last."""
        people = set(m.members)
        hit = self._recent(m, lambda h, mod: h.actor in people, window=50)
        m.actor = hit.actor if hit is not None else m.members[0]
        m.members = ()

    def _group(self, m: Mention) -> None:
        """"the three leaders", "both sides": the last list of actors (of that size)."""
        count = int(m.office or 0)
        hit = self._recent(m, lambda h, mod: len(h.members) >= 2 and (
            not count or len(h.members) == count), window=8)
        if hit is not None:
            m.members = hit.members

    # ------------------------------------------------------------------ pronouns
    def _pronoun(self, m: Mention, s: Sentence) -> None:
        g = m.gender
        if g in ("1", "s"):
            return  # the speaker's: decided with the voice
        if g in ("m", "f"):
            def person(h: Mention, modifier: bool) -> bool:
                if modifier or h.members:
                    return False
                if not self.book.is_person(h.actor):
                    # an unnamed spokesperson speaks for the body, but is "he" or "she";
                    # so is a name the recognizer took for a body, as a clause's subject
                    return h.form == "role" and (h.office or "").split()[-1] in _SPOKES \
                        and h.gender in (None, g) or self._person_misread(h)
                known = self.book.profile(h.actor).gender
                return known is None or known == g
            hit = self._recent(m, person)
            if hit is not None:
                if self._person_misread(hit):
                    self.book.actors[hit.actor].type = "Person"
                m.actor = hit.actor
                p = self.book.profile(hit.actor)
                p.gender = p.gender or g
            return
        if g == "n":
            if _expletive(s, m):
                return
            hit = self._recent(m, lambda h, mod: not mod and not h.members and
                               not self.book.is_person(h.actor), window=2)
            if hit is not None:
                m.actor = hit.actor
            return
        if g == "p":
            # a list, a plural role or group, or a state or body ("they" for "the United
            # States" is common in speech)
            hit = self._recent(m, lambda h, mod: not mod and (
                len(h.members) >= 2 or h.gender == "p" and bool(h.actors()) or
                bool(h.actor) and not self.book.is_person(h.actor)), window=2)
            if hit is not None:
                if hit.members:
                    m.members = hit.members
                else:
                    m.actor = hit.actor

    # ------------------------------------------------------------------ descriptions
    def _description(self, m: Mention, s: Sentence) -> None:
        head = m.office or ""
        owner = m.owner or self._possessive_owner(m, s)
        if m.form == "state" and owner is None:
            owner = self._person_inside(m)  # "the Biden administration"
        if m.form == "state":
            if head == "mainland" and "china" in self.book.registry and m.definite:
                m.actor = self.book.ensure("china")  # "the mainland", across the Strait
            elif owner and head == "regime" and self.book.is_person(owner):
                m.actor = owner  # "the Maduro regime"
            elif owner:
                m.actor = self.book.state_of(owner) or (
                    owner if not self.book.is_person(owner) else None)
            elif m.definite:
                hit = self._recent(m, lambda h, mod: self.book.type_of(h.actor or "") ==
                                   "State" and not h.members)
                m.actor = hit.actor if hit is not None else None
            return
        state = self.book.state_of(owner) if owner else None
        if state and m.text.lower().endswith("ministries"):
            # "South Korea's foreign and defense ministries": each of them
            listed = self._departments_listed(m.text)
            if len(listed) >= 2:
                m.members = tuple(self.book.ministry(state, d) for d in listed)
                return
        department = self._department(m)
        if department:
            state = state or self._ministry_named_before(department) or self._salient_state(m)
            if state:
                m.actor = self.book.ministry(state, department)
                return
        if owner is None and s.parsed and s.doc[m.head].is_title:
            # "the Department of Foreign Affairs (DFA)", with no word of whose it is
            m.actor = self._bracketed(m)
        if department or m.actor:
            return
        if owner and _named(m):
            m.actor = self.book.new(_label(m), "Institution", affiliations=(owner,))
            return
        if not m.definite:
            return
        hit = self._recent(m, lambda h, mod: not mod and not h.members and
                           self.book.type_of(h.actor or "") == "Institution" and
                           _same_kind(self.book.actors[h.actor].label, head), window=6)
        if hit is not None:
            m.actor = hit.actor

    def _department(self, m: Mention) -> str | None:
        """The department a ministry's description names ("foreign ministry", "Foreign
        Office", "Ministry of Defence"), if it names a ministry."""
        if m.office not in ("ministry", "office", "department", "affairs"):
            return None
        return self._named_department(m.text)

    def _departments_listed(self, text: str) -> list[str]:
        """The departments a plural names ("foreign and defense ministries")."""
        words = re.sub(r"^.*?['\u2019]s?\s+", "", text[:-len("ministries")])
        parts = [p for p in re.split(r",\s*|\s+and\s+", words) if p.strip()]
        found = [self._named_department(f"{p.strip()} ministry") for p in parts]
        return [d for d in found if d] if all(found) else []

    def _ministry_named_before(self, department: str) -> str | None:
        """The state whose ministry of this department the text has named already."""
        for h in reversed(self.history):
            for a in h.actors():
                if self.book.actors[a].type == "Institution" and \
                        self._named_department(self.book.actors[a].label) == department:
                    return self.book.state_of(a)
        return None

    def _named_department(self, words: str) -> str | None:
        text = " ".join(words.lower().split())
        if any(name in text for name in self.lx.foreign_ministry):
            return "foreign affairs"
        for word in self.lx.departments:
            if f"{word} ministry" in text or f"ministry of {word}" in text:
                return word
        return None

    def _bracketed(self, m: Mention) -> str | None:
        """The body of the acronym in brackets right after a name ("the Department of
        Foreign Affairs (DFA)"), when the text says no more of whose it is."""
        doc = self.sentences[m.sentence].doc
        return next((x.actor for x in self.found[m.sentence].mentions
                     if x.actor and m.j <= x.i <= m.j + 6 and x.text.isupper() and
                     x.i > 0 and doc[x.i - 1].text == "("), None)

    def _salient_state(self, m: Mention) -> str | None:
        """The state the text is about at this point: the last state named as a subject,
        else the last state named."""
        hit = self._recent(m, lambda h, mod: self.book.type_of(h.actor or "") == "State",
                           window=4)
        return hit.actor if hit is not None else None

    def _compass(self, m: Mention) -> None:
        """"the North", "the South": the state of the text named so ("North Korea"); "the
        West" when no state is named so."""
        word = m.text.split()[-1].lower()
        known = [a for a in self.book.actors.values() if a.type == "State" and
                 a.label.lower().startswith(word + " ")]
        if len(known) == 1:
            m.actor = known[0].id
            return
        hit = self._recent(m, lambda h, mod: h.actor in {a.id for a in known}, window=50)
        if hit is not None:
            m.actor = hit.actor
        elif not known and word == "west":  # "the West": the Western countries as one
            m.actor = self.book.new("West", "Institution", aliases=("the West",))

    def _possessive_owner(self, m: Mention, s: Sentence) -> str | None:
        """"his government", "its military": the actor a possessive pronoun refers to."""
        if not s.parsed:
            return None
        for c in s.doc[m.head].lefts:
            if c.dep_ == "poss":
                p = self.found[m.sentence].at(c.i)
                if p is not None and p.form == "pronoun":
                    if p.actor is None:
                        self._pronoun(p, s)
                    return p.actor
        return None

    # ------------------------------------------------------------------ roles
    def _offices_of_named(self) -> list[tuple[int, Mention]]:
        """Every named person's mention with the office the text gives it, in order."""
        out = []
        for sm in self.found:
            for m in sm.mentions:
                if m.form in ("entity", "name") and m.actor and self.book.is_person(m.actor):
                    out.append((m.sentence, m))
        return out

    def _role(self, m: Mention, s: Sentence) -> None:
        office = m.office or ""
        word = office.split()[-1]
        if m.members:
            return
        if word in ("member", "members") and s.parsed:
            body = self._body_of(m, s)
            if body is not None:
                m.actor = body  # "members of the Sudanese Armed Forces": that body
                return
        if m.gender == "p":
            count = next((n for w, n in self.lx.group_numbers.items()
                          if w in m.text.lower().split()), 0)
            owner = self.book.state_of(m.owner) if m.owner else None
            hit = self._recent(m, lambda h, mod: len(h.members) >= 2 and all(
                self.book.is_person(a) for a in h.members) and (
                not count or len(h.members) == count) and (
                owner is None or all(self.book.state_of(a) == owner for a in h.members)),
                window=8) if m.definite else None
            if hit is not None:  # "the three leaders", after "Trump, Moon and Abe"
                m.members = hit.members
            elif m.owner and self.book.type_of(m.owner) == "State" and self._listed(m):
                m.members = (m.owner,)  # "the defense chiefs of South Korea and the US"
            elif word in ("member", "members") or m.owner is None:
                m.actor = self.book.new(_label(m), "Institution")
            return
        # whose office it is may be only a guess: "the Foreign Ministry spokesperson"
        guessed = m.owner is None and not self._state_inside(m)
        if m.owner is None:
            m.owner = self._owner_inside(m, s)
        owner_state = self.book.state_of(m.owner) if m.owner else None
        # the person given this office by the text, nearest first (before, then after)
        candidates, elsewhere = [], []
        for sent, named in self._named_offices:
            p = self.book.profile(named.actor)
            if word not in p.offices and office not in p.offices:
                continue
            if m.owner and named.actor == m.owner:
                continue
            distance = abs(sent - m.sentence) + (0 if sent <= m.sentence else 0.5)
            if owner_state and p.state != owner_state and (
                    p.state or self.book.actors[named.actor].affiliations):
                elsewhere.append((distance, named.actor))  # the EU's ambassador is not
                continue  # "the Japanese ambassador"
            candidates.append((distance, named.actor))
        if guessed and not candidates:
            candidates = elsewhere
        if m.definite and candidates:
            m.actor = min(candidates)[1]
            return
        if not m.definite:
            # "a White House official" is no one the text has not tied to the White House
            later = [a for d, a in candidates if d <= 2 and self._serves(a, m.owner, owner_state)]
            if later:
                m.actor = later[0]
                return
            if word in _UNNAMED and (named := self._named_next(m, owner_state)) is not None:
                m.actor = named  # "..., a senior UN official said." then "Rosemary DiCarlo,
                return  # Under-Secretary-General ..., said"
        if word in _SPOKES and m.owner and not self.book.is_person(m.owner):
            # an unnamed spokesperson speaks for the body: "Foreign Office Spokesperson"
            m.actor = m.owner if self.book.type_of(m.owner) != "State" else \
                self._ministry(m.owner)
            return
        if m.definite and m.owner is None:
            # "The spokesperson rejected ...": whoever the last mention of that office was
            hit = self._recent(m, lambda h, mod: not mod and not h.members and (
                h.form == "role" and (h.office or "").split()[-1:] == [word] or
                self.book.is_person(h.actor) and
                word in self.book.profile(h.actor).offices), window=8)
            if hit is not None:
                m.actor = hit.actor
                return
        if word in _SPOKES and m.owner is None:
            body = self._home_body()
            if body:
                m.actor = body
                return
        m.actor = self.book.new(_label(m), "Official",
                                affiliations=(m.owner,) if m.owner else ())
        self.book.profile(m.actor).unnamed = True

    def _body_of(self, m: Mention, s: Sentence) -> str | None:
        """The institution a membership word belongs to by "of" ("members of the RSF")."""
        for c in s.doc[m.head].children:
            if c.dep_ != "prep" or c.lower_ != "of":
                continue
            for o in c.children:
                b = self.found[m.sentence].at(o.i) if o.dep_ == "pobj" else None
                if b is None or b.form not in ("body", "name", "entity"):
                    continue
                if b.actor is None and b.form == "body":
                    self._description(b, s)
                if b.actor and self.book.type_of(b.actor) == "Institution":
                    return b.actor
        return None

    def _named_next(self, m: Mention, owner_state: str | None) -> str | None:
        """The person the next sentence makes the subject of a reporting or stance verb, if
        of the same state."""
        nxt = m.sentence + 1
        if nxt >= len(self.sentences) or not self.sentences[nxt].parsed:
            return None
        doc = self.sentences[nxt].doc
        for x in sorted(self.found[nxt].mentions, key=lambda x: x.i):
            if x.form in ("entity", "name") and x.actor and self.book.is_person(x.actor) and \
                    doc[x.head].dep_.startswith("nsubj") and \
                    (doc[x.head].head.lemma_ in self.lx.speech or
                     doc[x.head].head.lemma_ in self.lx.verbs):
                return x.actor if self._serves(x.actor, m.owner, owner_state) else None
        return None

    def _serves(self, person: str, owner: str | None, owner_state: str | None) -> bool:
        """Whether a person can hold an office of `owner`: a state's office only one the
        text ties to that state or owner; another's, anyone."""
        if owner_state is None:
            return True
        return self.book.profile(person).state == owner_state or \
            owner in self.book.actors[person].affiliations

    def _listed(self, m: Mention) -> bool:
        """Whether the mention is an item of a list ("X and Y")."""
        return any(x.form == "list" and m.head in x.parts for x in self.found[m.sentence].mentions)

    def _state_inside(self, m: Mention) -> bool:
        """Whether a state is named inside a mention's words ("Chinese Foreign Ministry
        spokesperson")."""
        return any(inner is not m and m.i <= inner.i and inner.j <= m.j and inner.actor and
                   self.book.type_of(inner.actor) == "State"
                   for inner in self.found[m.sentence].mentions)

    def _ministry(self, state: str) -> str:
        return self.book.ministry(state, "foreign affairs")

    def _owner_inside(self, m: Mention, s: Sentence) -> str | None:
        """A body or state named inside a role's own words ("Foreign Office Spokesperson")."""
        for inner in self.found[m.sentence].mentions:
            if inner is m or not (m.i <= inner.i and inner.j <= m.j) or \
                    inner.form not in ("body", "state", "name", "modifier"):
                continue
            if inner.actor is None and inner.form in ("body", "state"):
                self._description(inner, s)
            if inner.actor and not self.book.is_person(inner.actor):
                return inner.actor
        return None

    def _person_inside(self, m: Mention) -> str | None:
        """The leader who names a government ("the Biden administration", "the Maduro
        regime")."""
        sm = self.found[m.sentence]
        head = self.sentences[m.sentence].doc[m.head]
        for c in head.children:
            inner = sm.at(c.i) if c.dep_ == "compound" and c.i < head.i else None
            if inner is not None and inner is not m and inner.actor and \
                    self.book.is_person(inner.actor):
                return inner.actor
        return None

    def _home_body(self) -> str | None:
        return None


def _same_kind(label: str, head: str) -> bool:
    low = label.lower()
    if not head:
        return True
    if head in low:
        return True
    synonyms = {"organ": ("council", "assembly"), "body": ("council", "assembly", "commission"),
                "alliance": ("nato", "alliance"), "bloc": ("union", "asean", "nato")}
    return any(w in low for w in synonyms.get(head, ()))


def _expletive(s: Sentence, m: Mention) -> bool:
    """"it is critical to", "it would be wise for": an "it" that refers to nothing."""
    if not s.parsed:
        return False
    t = s.doc[m.head]
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = t.head
    if verb.lemma_ in ("be", "seem", "appear", "remain", "become"):
        # "It has been reluctant to police": an adjective said of a holder, so "it" is one.
        if any(c.dep_ == "acomp" and c.lemma_.lower() in lexicon().adjectives
               for c in verb.children):
            return False
        return any(c.dep_ in ("xcomp", "ccomp", "advcl") for c in verb.children) or any(
            c.dep_ in ("acomp", "attr") and any(g.dep_ in ("xcomp", "ccomp", "prep")
                                                for g in c.children)
            for c in verb.children)
    return verb.lemma_ in ("take", "mean", "matter")


def _named(m: Mention) -> bool:
    """A description that names its body ("the Chinese Embassy", "the Myanmar military",
    "Foreign Office"), not one that only points back to it ("the embassy")."""
    words = m.text.split()
    while words and words[0].lower() in ("the", "a", "an"):
        words.pop(0)
    if words and words[-1] == "authority":
        return False  # "the Council's authority": its power, not a body
    return bool(words) and words[0][:1].isupper()


def _label(m: Mention) -> str:
    text = m.text.strip()
    words = text.split()
    while words and words[0].lower() in ("the", "a", "an", "many", "some", "several", "most"):
        words.pop(0)
    out = " ".join(words)
    return out[:1].upper() + out[1:] if out else text
