"""Actor mentions: where the text names an actor, and which one.

Sources, in this order of trust:
- names the registry knows (labels, aliases, capitals, demonyms), matched on tokens by spaCy's
  PhraseMatcher; a capital is a government unless the parse makes it a place, a demonym an
  actor only as a noun ("the North Koreans"), else the affiliation of what it modifies;
- persons and organisations the entity recognizer finds, with the office and affiliation their
  noun phrase gives ("State Department spokeswoman Anna Richey-Allen", "China's ambassador to
  the United Nations, Zhang Jun");
- noun phrases headed by an office or a body without a name ("the country's foreign minister",
  "a United Nations senior official", "the ministry"), pronouns, and lists of actors joined by
  "and": their actor is left for `coref` to resolve.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..registry import Registry
from .lexicon import lexicon
from .linking import ActorBook
from .nlp import Sentence, load_pipeline

PRONOUNS = {
    "he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
    "herself": "f", "it": "n", "its": "n", "itself": "n", "they": "p", "them": "p",
    "their": "p", "themselves": "p", "we": "1", "us": "1", "our": "1", "ourselves": "1",
    "i": "s", "me": "s", "my": "s", "myself": "s",
}
# People who speak for their state ("Dutch officials"): the state itself, as annotators read
# them.
_FOR_THEIR_STATE = {"officials", "diplomats", "authorities", "governments", "negotiators",
                    "envoys", "representatives", "delegates", "delegations", "ministers",
                    "leaders"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "many", "some", "several",
                "most", "all", "both", "other", "another", "its", "their", "his", "her", "our"}
_NOUN_POS = ("NOUN", "PROPN")


@dataclass(slots=True)
class Mention:
    """A stretch of a sentence that refers to an actor (or to several)."""

    sentence: int  # index of the Sentence
    i: int  # first token (in the sentence's doc)
    j: int  # one past the last token
    start: int  # document offsets
    end: int
    form: str  # name, capital, demonym, modifier, entity, role, body, state, pronoun, list
    actor: str | None = None  # resolved actor id
    members: tuple[str, ...] = ()  # the actors of a list or a group
    parts: tuple[int, ...] = ()  # a list's items: the head token of each
    office: str | None = None  # a role's office word ("ambassador")
    owner: str | None = None  # the state or body a role, body or description belongs to
    gender: str | None = None  # "m", "f", or for pronouns also "n", "p", "1", "s"
    definite: bool = True  # "the ambassador" (definite) or "a senior official"
    head: int = -1  # the head token
    text: str = ""

    def actors(self) -> tuple[str, ...]:
        if self.actor:
            return (self.actor,)
        return self.members if self.form != "surname" else ()


@dataclass
class SentenceMentions:
    """The mentions of one sentence, and which covers each token."""

    mentions: list[Mention] = field(default_factory=list)
    by_token: dict[int, Mention] = field(default_factory=dict)

    def add(self, m: Mention) -> Mention:
        self.mentions.append(m)
        for k in range(m.i, m.j):
            self.by_token[k] = m
        return m

    def at(self, token_i: int) -> Mention | None:
        return self.by_token.get(token_i)

    def free(self, i: int, j: int) -> bool:
        return all(k not in self.by_token for k in range(i, j))


class RegistryMatcher:
    """The registry's names as spaCy phrase patterns: one matcher on exact tokens, and one on
    lower-cased tokens for names of two words or more ("south Korea")."""

    def __init__(self, registry: Registry, pipeline: str | None = None) -> None:
        from spacy.matcher import PhraseMatcher

        nlp = load_pipeline(pipeline)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[int, tuple[str, str]] = {}  # match id -> (entry id, form)
        seen: dict[str, tuple[str, str]] = {}
        for e in registry.entries.values():
            forms = [(n, "name") for n in e.names()]
            forms += [(c, "capital") for c in e.capitals]
            forms += [(d, "demonym") for d in e.demonyms]
            for name, form in forms:
                for variant in _variants(name):
                    # a name keeps its first owner; a state's own name wins over an alias
                    if variant in seen and not (form == "name" and seen[variant][1] != "name"):
                        continue
                    seen[variant] = (e.id, form)
        for variant, (entry_id, form) in seen.items():
            doc = nlp.make_doc(variant)
            if len(doc) == 1 and len(variant) < 2:
                continue
            key = f"{entry_id}|{form}"
            self.keys[nlp.vocab.strings.add(key)] = (entry_id, form)
            self.exact.add(key, [doc])
            if len(doc) > 1:
                self.lower.add(key, [doc])

    def find(self, doc: object) -> list[tuple[int, int, str, str]]:
        """(first token, end token, entry id, form) of every name in `doc`, the longest
        where names overlap."""
        hits = [(s, e, *self.keys[m]) for m, s, e in self.exact(doc)]
        hits += [(s, e, *self.keys[m]) for m, s, e in self.lower(doc)]
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[tuple[int, int, str, str]] = []
        end = 0
        for h in hits:
            if h[0] >= end:
                out.append(h)
                end = h[1]
        return out


_matchers: dict[tuple[int, str | None], RegistryMatcher] = {}


def registry_matcher(registry: Registry, pipeline: str | None = None) -> RegistryMatcher:
    """The matcher of a registry's names, built once per registry and pipeline."""
    key = (id(registry), pipeline)
    m = _matchers.get(key)
    if m is None:
        m = _matchers[key] = RegistryMatcher(registry, pipeline)
    return m


def _variants(name: str) -> list[str]:
    out = [name]
    if name.startswith(("the ", "The ")):
        out.append(name[4:])
    if ", " in name:  # "Washington, D.C." is also "Washington"
        out.append(name.split(", ")[0])
    for n in list(out):
        if "'" in n:
            out.append(n.replace("'", "\u2019"))
        if 2 <= len(n) <= 3 and n.isupper() and n.isalpha():
            out.append(".".join(n) + ".")
    return out


@cache
def _office_words() -> frozenset[str]:
    lx = lexicon()
    return lx.offices | lx.person_roles


def is_office(token: object) -> bool:
    """Whether a token is a word for an office or a role of a person."""
    return token.lower_ in _office_words() or token.lemma_.lower() in _office_words()


def find_mentions(sentences: list[Sentence], book: ActorBook,
                  pipeline: str | None = None) -> list[SentenceMentions]:
    """The mentions of every sentence. Registry names and named persons and organisations
    are linked to actors; roles, bodies, state descriptions, pronouns and lists are left for
    `coref` (their `actor` is None)."""
    matcher = registry_matcher(book.registry, pipeline)
    out = []
    for s in sentences:
        found = SentenceMentions()
        _registry_names(s, matcher, book, found)
        _hyphenated_names(s, book, found)
        if s.parsed:
            finder = _ParsedMentions(s, book, found)
            finder.run()
        _pronouns(s, found)
        found.mentions.sort(key=lambda m: (m.i, -m.j))
        out.append(found)
    return out


# ---------------------------------------------------------------------- registry names
def _registry_names(s: Sentence, matcher: RegistryMatcher, book: ActorBook,
                    found: SentenceMentions) -> None:
    doc = s.doc
    for i, j, entry_id, form in matcher.find(doc):
        span = doc[i:j]
        actor = book.ensure(entry_id)
        if form == "capital" and _is_place(doc, i, j, s.parsed):
            continue
        if form in ("capital", "demonym") and s.parsed and i > 0 and j - i == 1 and \
                doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound" and \
                doc[i - 1].head.i == i and doc[i - 1].is_title and \
                found.at(i - 1) is None and doc[i - 1].lower_ not in lexicon().offices:
            continue  # "Ana Lima": a name, not Peru's capital
        if form == "demonym" and not _demonym_is_actor(doc, i, j, s.parsed):
            form = "modifier"  # "Japanese Prime Minister": the office's affiliation
        elif s.parsed and form != "demonym" and span.root.dep_ == "compound" and \
                span.root.head.i >= j and span.root.head.pos_ in _NOUN_POS and \
                book.type_of(actor) == "State" and not _is_office_head(span.root.head):
            form = "modifier"  # "U.S. military", "North Korea policy"
        found.add(Mention(s.index, i, j, *s.offset(span), form, actor,
                          head=_root(span, s.parsed), text=span.text))


_BY_SUFFIX = {"drafted", "backed", "led", "sponsored", "proposed", "brokered", "funded",
              "supported", "authored", "penned", "mediated", "controlled", "occupied",
              "allied", "aligned", "installed", "imposed", "based"}


def _hyphenated_names(s: Sentence, book: ActorBook, found: SentenceMentions) -> None:
    """"U.S.-drafted", "Iranian-backed": one token whose first part names an actor, as the
    modifier it is ("a U.S.-drafted resolution" is the United States')."""
    registry = book.registry
    for t in s.doc:
        if "-" not in t.text or found.at(t.i) is not None:
            continue
        head, _, tail = t.text.rpartition("-")
        if tail.lower() not in _BY_SUFFIX or not head:
            continue
        entry = next(iter(registry.lookup(head)), None)
        entry_id = entry.id if entry else registry.by_demonym.get(head) or \
            registry.by_capital.get(head)
        if entry_id:
            found.add(Mention(s.index, t.i, t.i + 1, *s.offset(t), "modifier",
                              book.ensure(entry_id), head=t.i, text=t.text))


def _is_office_head(token: object) -> bool:
    return is_office(token) or token.lower_ in lexicon().body_heads or \
        token.lower_ in lexicon().state_descriptions


def _root(span: object, parsed: bool) -> int:
    return span.root.i if parsed else span.end - 1


def _is_place(doc: object, i: int, j: int, parsed: bool) -> bool:
    """A capital named as a place ("in Beijing", "left Seoul", "Beijing Olympics")."""
    places = lexicon().place_before
    if i > 0 and (doc[i - 1].lower_ in places or parsed and doc[i - 1].lemma_ in places):
        return True
    if parsed:
        root = doc[i:j].root
        if root.dep_ == "pobj" and root.head.lower_ in places:
            return True
        if root.dep_ == "dobj" and root.head.lemma_ in places:
            return True
        if root.dep_ == "compound" and root.head.pos_ in _NOUN_POS and \
                not _is_office_head(root.head):
            return True
    return False


def _demonym_is_actor(doc: object, i: int, j: int, parsed: bool) -> bool:
    """"the North Koreans" or "the Japanese said" name the state; "Japanese waters" does
    not."""
    if not parsed:
        return False
    tok = doc[j - 1]
    if tok.tag_ in ("NNS", "NNPS"):
        return True
    return tok.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj") and tok.pos_ != "ADJ"


def _pronouns(s: Sentence, found: SentenceMentions) -> None:
    for t in s.doc:
        g = PRONOUNS.get(t.lower_)
        if g is None or not found.free(t.i, t.i + 1) or t.text == "US":
            continue
        if s.parsed and t.pos_ not in ("PRON", "DET"):
            continue
        found.add(Mention(s.index, t.i, t.i + 1, *s.offset(t), "pronoun", gender=g, head=t.i,
                          text=t.text))


class _ParsedMentions:
    """What the parse and the entities add to a parsed sentence's registry names."""

    def __init__(self, s: Sentence, book: ActorBook, found: SentenceMentions) -> None:
        self.s, self.doc, self.book, self.found = s, s.doc, book, found
        self.lx = lexicon()

    def run(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ == "PERSON":
                self._person(ent)
        for ent in self.doc.ents:
            if ent.label_ == "ORG":
                self._organisation(ent)
        self._acronyms()
        self._short_names()
        for t in self.doc:
            if t.text in ("North", "South", "East", "West") and self.found.at(t.i) is None \
                    and any(c.lower_ == "the" for c in t.lefts) and not any(
                        c.dep_ == "compound" for c in t.children):
                self.found.add(Mention(self.s.index, t.i, t.i + 1, *self.s.offset(t),
                                       "compass", head=t.i, text=t.text))
                continue
            if t.pos_ in _NOUN_POS and self.found.at(t.i) is None:
                if t.tag_ in ("NNS", "NNPS") and t.lower_ in self.lx.group_words and \
                        not is_office(t) and self._group(t):
                    continue
                if t.tag_ in ("NNS", "NNPS") and t.lower_ in self.lx.people and \
                        t.dep_ in ("nsubj", "nsubjpass", "pobj") and \
                        (t.dep_ != "pobj" or t.head.lower_ == "by") and self._people(t):
                    continue
                if t.tag_ in ("NNS", "NNPS") and t.lower_ in self.lx.group_words and \
                        not is_office(t):
                    if t.lemma_.lower() in self.lx.state_descriptions:
                        self._description(t)  # "both governments of South Korea and ..."
                    continue
                elif is_office(t) and not self._inside_name(t):
                    self._role(t)
                elif t.lower_ in self.lx.body_heads or t.lower_ in self.lx.state_descriptions \
                        or t.lower_ in self.lx.body_descriptions:
                    self._description(t)
        self._lists()

    # --------------------------------------------------------------- persons
    def _person(self, ent: object) -> None:
        doc, lx = self.doc, self.lx
        words = [t for t in ent if not t.is_punct or t.text == "-"]
        while words and (words[0].lower_ in lx.honorifics or is_office(words[0]) or
                         words[0].lower_ in ("the", "a", "an")):
            words.pop(0)
        while words and (words[-1].tag_ == "POS" or words[-1].text in ("-", "'s", "\u2019s")):
            words.pop()
        if not words:
            return
        a, b = words[0].i, words[-1].i + 1
        known = [m for m in (self.found.at(k) for k in range(a, b)) if m is not None]
        if known:
            # the registry names this person already: learn the office and affiliation
            m = known[0]
            if m.actor and self.book.is_person(m.actor):
                self._learn_title(m, m.i)
            return
        name = _clean_name(doc[a:b].text)
        if len(name) < 3 or not name[0].isupper() or name.lower() in _office_words():
            return
        m = Mention(self.s.index, a, b, *self.s.offset(doc[a:b]), "entity", head=b - 1,
                    text=doc[a:b].text)
        actor = self.book.person_named(name)
        if actor is None:
            actor = self.book.new(name, "Person")
        m.actor = actor
        self.found.add(m)
        self._learn_title(m, a)

    def _learn_title(self, m: Mention, a: int) -> None:
        office, owner = self._title_before(m, a)
        app_office, app_owner = self._apposition_title(m)
        office, owner = office or app_office, owner or app_owner
        if office and self.lx.person_roles.isdisjoint({office}):
            self.book.make_official(m.actor, office)
        elif office:
            self.book.profile(m.actor).offices.add(office)
        if owner and owner != m.actor:
            self.book.affiliate(m.actor, owner)
        if m.gender:
            p = self.book.profile(m.actor)
            p.gender = p.gender or m.gender
        m.office, m.owner = office, owner

    def _title_before(self, m: Mention, a: int) -> tuple[str | None, str | None]:
        """Office and owner in the words before a name: "Japanese Prime Minister Shinzo
        Abe", "State Department spokeswoman Anna Richey-Allen", "Brazil's President Lula"."""
        doc, lx = self.doc, self.lx
        office = owner = None
        k = a - 1
        while k >= 0:
            t = doc[k]
            low = t.lower_
            reg = self.found.at(k)
            if reg is not None and reg.actor and not self.book.is_person(reg.actor):
                owner = owner or reg.actor
                k = reg.i - 1
                continue
            if low in lx.honorifics or is_office(t):
                if is_office(t):
                    office = office or t.lemma_.lower()
                self._gender_from(m, low)
            elif t.tag_ == "POS" or t.pos_ in ("ADJ", "PROPN") or \
                    t.pos_ == "NOUN" and t.dep_ == "compound" or t.text in ("-", "“", "”"):
                pass
            else:
                break
            k -= 1
        return office, owner

    def _apposition_title(self, m: Mention) -> tuple[str | None, str | None]:
        """Office and owner from an apposition: "Zhang Jun, China's ambassador" or "China's
        permanent representative to the United Nations, Zhang Jun"."""
        head = self.doc[m.j - 1]
        partner = head.head if head.dep_ == "appos" else next(
            (c for c in head.children if c.dep_ == "appos"), None)
        if partner is None or not is_office(partner):
            return None, None
        self._gender_from(m, partner.lower_)
        return partner.lemma_.lower(), self._owner_of(partner)

    def _gender_from(self, m: Mention, word: str) -> None:
        if word in self.lx.female:
            m.gender = "f"
        elif word in self.lx.male:
            m.gender = "m"

    def _owner_of(self, head: object) -> str | None:
        """The state or body an office's or body's noun phrase names: a possessor ("China's
        ambassador"), a modifier ("Russian leader", "State Department spokeswoman"), or the
        object of "of" ("the minister of Japan")."""
        for c in head.children:
            if c.dep_ in ("poss", "amod", "compound", "nmod"):
                m = self.found.at(c.i)
                if m is not None and m.actor and not self.book.is_person(m.actor):
                    return m.actor
                if c.dep_ == "compound" and c.pos_ in _NOUN_POS:
                    inner = self._owner_of(c)
                    if inner:
                        return inner
        preps = ("of", "for", "at", "with", "from") if head.lemma_.lower() in \
            self.lx.person_roles else ("of", "for")
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for obj in c.children:
                    m = self.found.at(obj.i)
                    if m is not None and m.actor and not self.book.is_person(m.actor):
                        return m.actor  # "the minister of Japan", "a spokesperson for the
                        # Chinese Foreign Ministry"
        return None

    def _inside_name(self, t: object) -> bool:
        """An office word that is part of a person's title ("Prime Minister Abe")."""
        head = t
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        m = self.found.at(head.i)
        return m is not None and m.form in ("entity", "name") and m.i > t.i

    # --------------------------------------------------------------- bodies
    def _organisation(self, ent: object) -> None:
        """A named organisation the registry does not know, named by the entity recognizer
        with a word for a body in its name ("Department of Foreign Affairs", "Rapid Support
        Forces") or as an acronym: a body of its own, labelled by its name."""
        toks = [t for t in ent if t.lower_ not in ("the", "a", "an")]
        while toks and (toks[-1].is_punct or toks[-1].tag_ == "POS"):
            toks.pop()
        if not toks or not self.found.free(toks[0].i, toks[-1].i + 1):
            return
        a, b = toks[0].i, toks[-1].i + 1
        if is_office(toks[-1]):  # "Foreign Office Spokesperson": a role, found below
            return
        acronym = len(toks) == 1 and toks[0].text.isupper() and len(toks[0].text) >= 2
        if not acronym and not any(t.lower_ in self.lx.body_heads for t in toks):
            return
        name = _clean_name(self.doc[a:b].text)
        if not acronym and self._stateless_ministry(toks):
            return  # "the Ministry of Foreign Affairs": whose, `coref` decides
        actor = self.book.acronym(name) if acronym else None
        if actor is None:
            owner = self._owner_of(toks[-1])
            actor = self.book.new(name, "Institution", affiliations=(owner,) if owner else ())
        self.found.add(Mention(self.s.index, a, b, *self.s.offset(self.doc[a:b]), "body",
                               actor, head=b - 1, text=self.doc[a:b].text))
        # "the Department of Foreign Affairs (DFA)": the acronym in brackets is an alias
        nxt = self.doc[b:b + 3]
        if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and \
                nxt[1].text.isupper() and self.found.free(b + 1, b + 2):
            self.book.alias(actor, nxt[1].text)
            self.found.add(Mention(self.s.index, b + 1, b + 2, *self.s.offset(nxt[1]),
                                   "name", actor, head=b + 1, text=nxt[1].text))

    def _short_names(self) -> None:
        """A person the document has named in full, named again by family name ("Kim",
        "Sun", "Le Maire"): `coref` picks the person when several share the name."""
        doc = self.doc
        k = 0
        while k < len(doc):
            t = doc[k]
            if self.found.at(k) is not None or not t.text[:1].isupper() or \
                    t.pos_ not in ("PROPN", "NOUN", "ADJ") or t.lower_ in _DETERMINERS or \
                    is_office(t) or t.lower_ in self.lx.honorifics:
                k += 1
                continue
            for n in (3, 2, 1):
                span = doc[k:k + n]
                if len(span) < n or not self.found.free(k, k + n) or \
                        not all(x.text[:1].isupper() or x.lower_ in self.lx.particles
                                for x in span):
                    continue
                people = self.book.people_named(span.text)
                if not people and n == 1 and k > 0 and (is_office(doc[k - 1]) or
                                                        doc[k - 1].lower_ in self.lx.honorifics):
                    # "President Moon": a registry person by title and family name
                    people = self.book.registry_people_named(span.text)
                if people:
                    self.found.add(Mention(self.s.index, k, k + n, *self.s.offset(span),
                                           "surname", people[0] if len(people) == 1 else None,
                                           members=() if len(people) == 1 else tuple(people),
                                           head=k + n - 1, text=span.text))
                    k += n - 1
                    break
            k += 1

    def _people(self, t: object) -> bool:
        """People acting together, named by a plural noun with its modifiers ("Western
        countries", "Hard-liners in Israel", "GD supporters", "Critics"): an actor of its
        own, of the state its modifiers name."""
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            return False  # "officials of the ministry": a role, found below
        mods = [c for c in t.lefts if c.dep_ in ("amod", "compound", "nmod")]
        if any(c.lower_ in ("the", "these", "those", "some", "many", "all") for c in t.lefts)\
                and not mods:
            return False  # "the countries": a group the text listed
        first = min([t.i, *[c.left_edge.i for c in mods]])
        states = tuple(dict.fromkeys(
            m.actor for k in range(first, t.i) if (m := self.found.at(k)) is not None and
            m.actor and self.book.type_of(m.actor) == "State"))
        if t.lower_ in _FOR_THEIR_STATE and states:
            # "Dutch officials", "South Korean and US officials": their states
            span = self.doc[first:t.i + 1]
            m = Mention(self.s.index, first, t.i + 1, *self.s.offset(span), "people",
                        states[0] if len(states) == 1 else None,
                        members=states if len(states) > 1 else (), head=t.i, gender="p",
                        text=span.text)
            for k in range(first, t.i + 1):
                self.found.by_token.setdefault(k, m)
            self.found.mentions.append(m)
            return True
        last = t.i
        place = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        if place is not None and any(self.found.at(o.i) for o in place.children):
            last = place.right_edge.i  # "Hard-liners in Israel"
        owner = next((m.actor for k in range(first, last + 1)
                      if (m := self.found.at(k)) is not None and m.actor and
                      self.book.type_of(m.actor) == "State"), None)
        span = self.doc[first:last + 1]
        label = span.text[:1].upper() + span.text[1:]
        actor = self.book.new(label, "Institution", affiliations=(owner,) if owner else ())
        m = Mention(self.s.index, first, last + 1, *self.s.offset(span), "people", actor,
                    head=t.i, gender="p", text=span.text)
        for k in range(first, last + 1):
            self.found.by_token.setdefault(k, m)
        self.found.mentions.append(m)
        return True

    def _group(self, t: object) -> bool:
        """"the three leaders", "both sides", "the warring parties": the actors the text
        listed last, which `coref` finds."""
        first = min([t.i, *[c.i for c in t.lefts if c.dep_ in ("det", "amod", "nummod",
                                                              "compound", "preconj")]])
        count = next((self.lx.group_numbers[c.lower_] for c in t.lefts
                      if c.lower_ in self.lx.group_numbers), 0)
        definite = any(c.lower_ in ("the", "both", "these", "those", "all") for c in t.lefts)
        if not definite:
            return False
        of = next((o for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                   for o in c.children if o.dep_ == "pobj"), None)
        if of is not None and self._conjuncts(of):
            return False  # "both governments of South Korea and the United States"
        m = Mention(self.s.index, first, t.i + 1, *self.s.offset(self.doc[first:t.i + 1]),
                    "group", head=t.i, gender="p", text=self.doc[first:t.i + 1].text)
        m.office = str(count)
        self.found.add(m)
        return True

    def _stateless_ministry(self, toks: list) -> bool:
        """A ministry or foreign office named without its state ("the Ministry of Foreign
        Affairs", "Foreign Office")."""
        text = " ".join(t.lower_ for t in toks)
        if not any(w in text for w in ("ministry", "foreign office", "department of")):
            return False
        return not any((m := self.found.at(t.i)) is not None and m.actor and
                       self.book.type_of(m.actor) == "State" for t in toks)

    def _acronyms(self) -> None:
        """Acronyms of the document's bodies the entity recognizer missed ("RSF")."""
        for t in self.doc:
            if t.pos_ == "PROPN" and t.text.isupper() and 2 <= len(t.text) <= 6 and \
                    self.found.at(t.i) is None:
                actor = self.book.acronym(t.text)
                if actor is not None:
                    self.found.add(Mention(self.s.index, t.i, t.i + 1, *self.s.offset(t),
                                           "name", actor, head=t.i, text=t.text))

    def _description(self, t: object) -> None:
        """A body or a state named by a common noun: "the ministry", "the Chinese side",
        "his government", "the 15-member organ"."""
        first = min([t.i, *[c.i for c in t.lefts if c.dep_ in (
            "det", "amod", "compound", "poss", "nummod", "nmod")]])
        m = Mention(self.s.index, first, t.i + 1, *self.s.offset(self.doc[first:t.i + 1]),
                    "state" if t.lemma_.lower() in self.lx.state_descriptions else "body",
                    head=t.i,
                    text=self.doc[first:t.i + 1].text)
        m.owner = self._owner_of(t)
        m.definite = _definite(t)
        m.office = t.lemma_.lower()
        if t.tag_ in ("NNS", "NNPS"):
            # "both governments of South Korea and the United States": the states listed
            of = next((o for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for o in c.children if o.dep_ == "pobj"), None)
            members = self._conjuncts(of)
            if members:
                m.members, m.gender = members, "p"
        if not self.found.free(first, t.i + 1):
            m.i = t.i
            m.start, m.end = self.s.offset(t)
        self.found.add(m)

    # --------------------------------------------------------------- roles
    def _role(self, t: object) -> None:
        """A person named by office alone: "the ambassador", "the country's foreign
        minister", "One of Moscow's top diplomats", "Foreign Office Spokesperson"."""
        lefts = [c for c in t.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nmod",
                                                  "nummod", "quantmod")]
        first = min([t.i, *[c.left_edge.i for c in lefts]])
        # "One of Moscow's top diplomats": the quantity opens the mention
        if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NUM":
            first = min(first, t.head.head.i)
        while first < t.i and self.doc[first].lower_ in ("the", "a", "an"):
            first += 1
        m = Mention(self.s.index, first, t.i + 1, *self.s.offset(self.doc[first:t.i + 1]),
                    "role", head=t.i, text=self.doc[first:t.i + 1].text)
        office = t.lemma_.lower()
        for c in lefts:
            if c.dep_ == "compound" and c.lower_ in ("foreign", "defense", "defence", "prime",
                                                   "press", "finance", "trade"):
                office = f"{c.lower_} {office}"
        m.office = office
        m.owner = self._owner_of(t)
        m.definite = _definite(t)
        m.gender = "f" if t.lower_ in self.lx.female else "m" if t.lower_ in self.lx.male \
            else None
        if t.tag_ in ("NNS", "NNPS"):
            m.gender = "p"
        # an apposition that names the person settles the role
        for other in (t.head if t.dep_ == "appos" else None,
                      *[c for c in t.children if c.dep_ == "appos"]):
            if other is None:
                continue
            named = self.found.at(other.i)
            if named is None and other.pos_ == "PROPN":
                named = self._appositive_name(other)
            if named is not None and named.actor and self.book.is_person(named.actor):
                m.actor = named.actor
                self.book.make_official(named.actor, office)
                if m.owner:
                    self.book.affiliate(named.actor, m.owner)
        # "leaders of Brazil, Colombia and Chile": the states they lead; "members of the RSF"
        if m.gender == "p" and m.actor is None:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    least = 1 if t.lemma_.lower() in ("member", "leader", "head",
                                                      "representative") else 2
                    members = self._conjuncts(next((o for o in c.children if o.dep_ == "pobj"),
                                                   None), least)
                    if len(members) == 1:
                        m.actor = members[0]
                    elif members:
                        m.members = members
        self.found.add(m)

    def _item(self, x: object) -> int | None:
        """The token of a listed item that a mention covers: the item's head, or a word of
        its name ("Moon" of "President Moon Jae-in" parsed apart)."""
        for k in sorted(_compound_chain(x), reverse=True):
            m = self.found.at(k)
            if m is not None and m.form not in ("pronoun", "modifier"):
                return k
        return None

    def _appositive_name(self, t: object) -> Mention | None:
        """A name in apposition to an office that the entity recognizer missed ("China's
        ambassador, Mr Zhang Jun", "Russia's representative, Wassily Nebenzia")."""
        if t.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC", "DATE") or \
                t.text in self.book.registry.by_capital:
            return None  # "Speaking in Beijing, a spokesperson ...": a place, not a name
        words = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
        while words and words[0].lower_ in self.lx.honorifics:
            words.pop(0)
        if not words or not self.found.free(words[0].i, words[-1].i + 1):
            return None
        a, b = words[0].i, words[-1].i + 1
        name = _clean_name(self.doc[a:b].text)
        if len(name) < 3 or not name[0].isupper():
            return None
        actor = self.book.person_named(name) or self.book.new(name, "Person")
        return self.found.add(Mention(self.s.index, a, b, *self.s.offset(self.doc[a:b]),
                                      "entity", actor, head=b - 1, text=self.doc[a:b].text))

    # --------------------------------------------------------------- lists
    def _conjuncts(self, token: object | None, least: int = 2) -> tuple[str, ...]:
        if token is None:
            return ()
        out = []
        for t in (token, *token.conjuncts):
            m = self.found.at(t.i)
            if m is not None and m.actor and m.form not in ("pronoun",):
                out.append(m.actor)
        return tuple(dict.fromkeys(out)) if len(out) >= least else ()

    def _lists(self) -> None:
        """Actors joined by "and" ("China and Russia", "the SAF and the RSF"): one list
        mention over them, whose members `coref` fills in, for "they" and plural holders."""
        for t in self.doc:
            if t.dep_ == "conj" or not any(c.dep_ == "conj" for c in t.children):
                continue
            items = [t, *t.conjuncts]
            # "Trump, President Moon Jae-in, and Abe" parsed with Moon in apposition
            items += [c for x in list(items) for c in x.children if c.dep_ == "appos"]
            parts = [p for p in (self._item(x) for x in items) if p is not None]
            if len(parts) < 2:
                continue
            a, b = t.left_edge.i, max(parts) + 1
            m = Mention(self.s.index, a, b, *self.s.offset(self.doc[a:b]), "list",
                        parts=tuple(sorted(set(parts))), head=t.i, gender="p",
                        text=self.doc[a:b].text)
            self.found.mentions.append(m)  # over its members, not in place of them


def _compound_chain(t: object) -> list[int]:
    """A noun and the compound and flat modifiers before it ("President Moon Jae-in")."""
    out = [t.i]
    for c in t.lefts:
        if c.dep_ in ("compound", "amod", "nmod", "punct"):
            out.extend(_compound_chain(c))
    return out


def _definite(t: object) -> bool:
    for c in t.lefts:
        if c.dep_ in ("poss",) or c.lower_ in ("the", "this", "that", "these", "those"):
            return True
        if c.lower_ in ("a", "an", "one", "some", "many", "several", "two", "three"):
            return False
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.pos_ == "NUM":
        return False
    return t.text[:1].isupper()  # "Foreign Office Spokesperson"


def _clean_name(text: str) -> str:
    text = text.replace("\u2019s", "").replace("'s", "")
    return " ".join(text.strip(" .,").split())
