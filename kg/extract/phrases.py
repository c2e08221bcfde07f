"""Mentions the parse and the entity recognizer find in a parsed sentence, beside the names
the registry knows: persons with the titles and affiliations their noun phrase gives, named
organisations, offices without a name ("the country's foreign minister"), bodies and states
named by a common noun ("the ministry", "the Chinese side"), groups of people, acronyms,
short names, and lists of actors joined by "and".
"""

from __future__ import annotations

from .holders import is_document
from .lexicon import lexicon
from .linking import ActorBook
from .nlp import Sentence
from .spans import (
    DETERMINERS,
    FOR_THEIR_STATE,
    NOUN_POS,
    Mention,
    SentenceMentions,
    clean_name,
    compound_chain,
    definite,
    is_office,
    is_partitive,
    office_words,
)

# the small words inside names ("Lula da Silva", "Ursula von der Leyen")
_NAME_PARTICLES = {"da", "de", "do", "dos", "das", "di", "del", "van", "von", "bin", "al"}


class _Phrases:
    """One parsed sentence, the mentions found in it so far, and what both kinds of phrase
    need: owners, genders, conjuncts."""

    def __init__(self, s: Sentence, book: ActorBook, found: SentenceMentions) -> None:
        self.s, self.doc, self.book, self.found = s, s.doc, book, found
        self.lx = lexicon()

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
                if c.dep_ == "compound" and c.pos_ in NOUN_POS:
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
                    if c.lower_ == "of" and obj.is_title and obj.pos_ == "PROPN":
                        found = self._owner_of(obj)  # "the Minister of Defence of Chile"
                        if found:
                            return found
        return None

    def _inside_name(self, t: object) -> bool:
        """An office word that is part of a person's title ("Prime Minister Abe")."""
        head = t
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        m = self.found.at(head.i)
        return m is not None and m.form in ("entity", "name") and m.i > t.i

    def _conjuncts(self, token: object | None, least: int = 2) -> tuple[str, ...]:
        if token is None:
            return ()
        out = []
        for t in (token, *token.conjuncts):
            m = self.found.at(t.i)
            if m is not None and m.actor and m.form not in ("pronoun",):
                out.append(m.actor)
        return tuple(dict.fromkeys(out)) if len(out) >= least else ()

    def _peer(self, x: object, y: object) -> bool:
        """Whether two tokens name two different states, as listed ones do (a person and
        an office in apposition are one actor)."""
        a, b = self.found.at(x.i), self.found.at(y.i)
        named = ("name", "capital", "entity")
        return a is not None and b is not None and a.form in named and b.form in named and \
            a.actor != b.actor and self.book.type_of(a.actor) == "State" == \
            self.book.type_of(b.actor)

    def _item(self, x: object) -> int | None:
        """The token of a listed item that a mention covers: the item's head, or a word of
        its name ("Moon" of "President Moon Jae-in" parsed apart)."""
        for k in sorted(compound_chain(x), reverse=True):
            m = self.found.at(k)
            if m is not None and m.form not in ("pronoun", "modifier"):
                return k
        return None


class _People(_Phrases):
    """Persons, their titles and offices."""

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
        b, nickname = self._nickname(b)
        known = [m for m in (self.found.at(k) for k in range(a, b)) if m is not None]
        if known:
            # the registry names this person already: learn the office and affiliation
            m = known[0]
            if m.actor and self.book.is_person(m.actor):
                self._learn_title(m, m.i)
            return
        name = clean_name(" ".join(t.text for t in doc[a:b] if not t.is_quote))
        if len(name) < 3 or not name[0].isupper() or name.lower() in office_words() or \
                name in self.book.registry.by_capital:
            return  # a capital named as a place is no person
        m = Mention(self.s.index, a, b, *self.s.offset(doc[a:b]), "entity", head=b - 1,
                    text=doc[a:b].text)
        actor = self.book.person_named(name)
        if actor is None and " " not in name:
            # "Biden" in a text that never names him in full: the registry's only Biden
            actor = next(iter(self.book.registry_people_named(name)), None)
        if actor is None:
            actor = self.book.new(name, "Person")
        if nickname:
            self.book.alias(actor, nickname)
        m.actor = actor
        self.found.add(m)
        self._learn_title(m, a)

    def _nickname(self, b: int) -> tuple[int, str | None]:
        """Where a name runs on past a quoted nickname ("Luiz Inacio "Lula" da Silva"), and
        the nickname; the recognizer may stop before the nickname or inside its quotes."""
        doc = self.doc
        if b + 2 < len(doc) and doc[b].is_quote and doc[b + 1].is_title and \
                doc[b + 2].is_quote:
            nick, start = doc[b + 1], b + 3
        elif 2 <= b < len(doc) and doc[b - 2].is_quote and doc[b].is_quote:
            nick, start = doc[b - 1], b + 1
        else:
            return b, None
        end = start
        while end < len(doc) and end - start < 4 and (
                doc[end].is_title and doc[end].pos_ == "PROPN" or
                doc[end].lower_ in _NAME_PARTICLES):
            end += 1
        while end > start and not doc[end - 1].is_title:
            end -= 1
        return (end, nick.text) if end > start else (b, None)

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

    def _portfolio_end(self, t: object) -> int | None:
        """Where a capitalised "of" phrase that is part of an office's or a body's own title
        ends ("Minister of Foreign Affairs", "Ministry of Civil Affairs"), if there is one."""
        portfolio = next((o for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                          for o in c.children if o.dep_ == "pobj"), None)
        if portfolio is None or not portfolio.is_title or \
                not self.found.free(portfolio.left_edge.i, portfolio.i + 1):
            return None
        last = portfolio.right_edge.i if self.found.free(
            portfolio.i, portfolio.right_edge.i + 1) else portfolio.i
        if all(x.is_title or x.is_punct or x.lower_ in ("and", "of", "the")
               for x in self.doc[portfolio.left_edge.i:last + 1]):
            return last
        return None

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
        last = self._portfolio_end(t)
        if last is not None:  # "State Minister of Foreign Affairs"
            m.text = self.doc[first:last + 1].text
        office = t.lemma_.lower()
        for c in lefts:
            if c.dep_ == "compound" and c.lower_ in ("foreign", "defense", "defence", "prime",
                                                   "press", "finance", "trade"):
                office = f"{c.lower_} {office}"
        m.office = office
        m.owner = self._owner_of(t)
        m.definite = definite(t)
        m.gender = "f" if t.lower_ in self.lx.female else "m" if t.lower_ in self.lx.male \
            else None
        if t.tag_ in ("NNS", "NNPS"):
            m.gender = "p"
        # an apposition that names the person settles the role (also when the parser hangs
        # it on the role's last noun: "China's envoy to the United Nations, Zhang Jun")
        after_post = [a for c in t.children if c.dep_ == "prep" for o in c.children
                      if o.dep_ == "pobj" for a in o.children if a.dep_ == "appos"]
        # or runs the name on from the place: "Ambassador to the UN Serhiy Kyslytsya",
        # "Ambassador in the Philippines Kazuya Endo"
        after_post += [n for c in t.children if c.dep_ == "prep" and c.lower_ in ("to", "in")
                       for o in c.children if o.dep_ == "pobj"
                       if (n := self._name_after_place(o)) is not None]
        for other in (t.head if t.dep_ == "appos" else None,
                      *[c for c in t.children if c.dep_ == "appos"], *after_post):
            if other is None or m.gender == "p":
                continue  # "the leaders of A and B" names no one person
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

    def _name_after_place(self, t: object) -> object | None:
        """The last token of a person's name that follows a place or body in one noun
        phrase ("to the UN Serhiy Kyslytsya", "in the Philippines Kazuya Endo") or in one
        entity of the recognizer ("to China Kenji Kanasugi"), made a person if need be."""
        def place(m: Mention | None) -> bool:
            return m is not None and bool(m.actor) and not self.book.is_person(m.actor)

        here = self.found.at(t.i)
        if place(here):
            a = b = here.j
            while b < len(self.doc) and self.doc[b].pos_ == "PROPN" and \
                    self.doc[b].ent_iob_ == "I":
                b += 1
        else:
            before = next((m for k in range(t.i - 1, t.left_edge.i - 1, -1)
                           if (m := self.found.at(k)) is not None and m.j <= t.i), None)
            if not place(before):
                return None
            a, b = before.j, t.i + 1
        named = self.found.at(b - 1) if b > a else None
        if named is not None:
            return self.doc[b - 1] if named.actor and self.book.is_person(named.actor) and \
                named.i >= a else None
        words = self.doc[a:b]
        if len(words) < 2 or any(w.pos_ != "PROPN" for w in words) or \
                not self.found.free(a, b):
            return None  # a given name and a surname
        self._add_person(a, b, clean_name(words.text))
        return self.doc[b - 1]

    def _appositive_name(self, t: object) -> Mention | None:
        """A name in apposition to an office that the entity recognizer missed ("China's
        ambassador, Mr Zhang Jun", "Russia's representative, Wassily Nebenzia")."""
        words = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
        # "Speaking in Beijing, a spokesperson ...": a place, not a name; but a given name
        # and a surname are a person whatever the recognizer says
        # (an entity that runs on from before the name, "to China Kenji Kanasugi", is the
        # recognizer's slip)
        glued = t.ent_type_ and self.doc[words[0].i].ent_iob_ == "I"
        # nor does a two- or three-word organisation without a word of one ("Trine
        # Heimerback, Norway's deputy ambassador")
        org = t.ent_type_ == "ORG" and not (
            2 <= len(words) <= 3 and not any(w.lower_ in self.lx.body_heads for w in words))
        if t.ent_type_ in ("GPE", "ORG", "NORP", "LOC", "FAC", "DATE") and not glued and (
                len(words) == 1 or org or t.ent_type_ == "DATE") or \
                t.text in self.book.registry.by_capital:
            return None
        while words and words[0].lower_ in self.lx.honorifics:
            words.pop(0)
        if not words or not self.found.free(words[0].i, words[-1].i + 1):
            return None
        a, b = words[0].i, words[-1].i + 1
        name = clean_name(self.doc[a:b].text)
        if len(name) < 3 or not name[0].isupper():
            return None
        return self._add_person(a, b, name)

    def _add_person(self, a: int, b: int, name: str) -> Mention:
        """Tokens a..b-1 as a mention of the person `name` (the one already known by it)."""
        actor = self.book.person_named(name) or self.book.new(name, "Person")
        return self.found.add(Mention(self.s.index, a, b, *self.s.offset(self.doc[a:b]),
                                      "entity", actor, head=b - 1, text=self.doc[a:b].text))

    def _included(self, t: object) -> tuple[str, ...]:
        """The actors a plural noun says it includes ("countries including Australia and the
        EU", "states such as Chile and Peru")."""
        pobj = next((o for c in t.children if c.dep_ == "prep" and (
            c.lower_ == "including" or c.lower_ == "as" and any(
                x.lower_ == "such" for x in c.lefts)) for o in c.children
            if o.dep_ == "pobj"), None)
        return self._conjuncts(pobj, 1)

    def _people(self, t: object) -> bool:
        """People acting together, named by a plural noun with its modifiers ("Western
        countries", "Hard-liners in Israel", "GD supporters", "Critics"): an actor of its
        own, of the state its modifiers name."""
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            return False  # "officials of the ministry": a role, found below
        mods = [c for c in t.lefts if c.dep_ in ("amod", "compound", "nmod", "poss")]
        if any(c.lower_ in ("the", "these", "those", "some", "many", "all") for c in t.lefts)\
                and not mods and (t.lower_ in self.lx.group_words or not is_partitive(t)):
            return False  # "the countries": a group the text listed
        first = min([t.i, *[c.left_edge.i for c in mods]])
        states = tuple(dict.fromkeys(
            m.actor for k in range(first, t.i) if (m := self.found.at(k)) is not None and
            m.actor and self.book.type_of(m.actor) == "State"))
        if t.lower_ in FOR_THEIR_STATE and states:
            # "Dutch officials", "South Korean and US officials": their states
            self._add_people(first, t, states[0] if len(states) == 1 else None,
                             states if len(states) > 1 else ())
            return True
        included = self._included(t)
        if included:  # "many countries including Australia, Canada and the EU": those
            self._add_people(first, t, None, included)
            return True
        last = t.i
        place = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "in"), None)
        if place is not None and any(self.found.at(o.i) for o in place.children):
            last = place.right_edge.i  # "Hard-liners in Israel"
        owner = next((m.actor for k in range(first, last + 1)
                      if (m := self.found.at(k)) is not None and m.actor and
                      self.book.type_of(m.actor) == "State"), None)
        while first < t.i and (self.doc[first].lower_ in DETERMINERS or
                               self.doc[first].lower_ == "of"):
            first += 1  # "Several of the Philippines' allies" parsed with "of" before them
        text = self.doc[first:last + 1].text
        actor = self.book.new(text[:1].upper() + text[1:], "Institution",
                              affiliations=(owner,) if owner else ())
        self._add_people(first, t, actor, (), last)
        return True

    def _add_people(self, first: int, t: object, actor: str | None,
                    members: tuple[str, ...], last: int | None = None) -> None:
        """A "people" mention over tokens first..last (default: the noun `t`), claiming only
        the tokens no other mention has."""
        last = t.i if last is None else last
        span = self.doc[first:last + 1]
        m = Mention(self.s.index, first, last + 1, *self.s.offset(span), "people", actor,
                    members=members, head=t.i, gender="p", text=span.text)
        for k in range(first, last + 1):
            self.found.by_token.setdefault(k, m)
        self.found.mentions.append(m)


class _Bodies(_Phrases):
    """Organisations, bodies and states named by a common noun, groups and lists."""

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
        if clean_name(self.doc[a:b].text) in self.book.registry.by_capital:
            return  # a capital named as a place is no body
        if is_office(toks[-1]):  # "Foreign Office Spokesperson": a role, found below
            return
        acronym = len(toks) == 1 and toks[0].text.isupper() and len(toks[0].text) >= 2
        if not acronym and not any(t.lower_ in self.lx.body_heads for t in toks):
            return
        name = clean_name(self.doc[a:b].text)
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
                    t.pos_ not in ("PROPN", "NOUN", "ADJ") or t.lower_ in DETERMINERS or \
                    is_office(t) or t.lower_ in self.lx.honorifics:
                k += 1
                continue
            for n in (3, 2, 1):
                span = doc[k:k + n]
                if len(span) < n or not self.found.free(k, k + n) or \
                        not all(x.text[:1].isupper() or x.lower_ in self.lx.particles or
                                x.text == "-" and 0 < x.i - k < n - 1 for x in span):
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
        # "the South Korean and American governments": the states its modifiers name
        named = [x for c in t.lefts if c.dep_ in ("amod", "compound", "nmod")
                 for x in (c, *c.conjuncts)]
        states = tuple(dict.fromkeys(
            n.actor for x in named if (n := self.found.at(x.i)) is not None and n.actor and
            self.book.type_of(n.actor) == "State"))
        if len(states) >= 2:
            m.members = states
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
        first = min([t.i, *[c.left_edge.i if c.dep_ == "poss" else c.i for c in t.lefts
                            if c.dep_ in ("det", "amod", "compound", "poss", "nummod", "nmod")]])
        m = Mention(self.s.index, first, t.i + 1, *self.s.offset(self.doc[first:t.i + 1]),
                    "state" if t.lemma_.lower() in self.lx.state_descriptions or
                    t.lower_ in self.lx.state_descriptions else "body",
                    head=t.i,
                    text=self.doc[first:t.i + 1].text)
        m.owner = self._owner_of(t)
        m.definite = definite(t)
        m.office = t.lemma_.lower()
        last = self._portfolio_end(t) if t.is_title else None
        if last is not None and m.owner:  # "Rwanda's Ministry of Foreign Affairs"
            m.text = f"{self.doc[t.i:last + 1].text} of {self.book.actors[m.owner].label}"
        if t.tag_ in ("NNS", "NNPS"):
            # "both governments of South Korea and the United States": the states listed
            of = next((o for c in t.children if c.dep_ == "prep" and c.lower_ == "of"
                       for o in c.children if o.dep_ == "pobj"), None)
            members = self._conjuncts(of) or self._included(t)
            if members:
                m.members, m.gender = members, "p"
        if not self.found.free(first, t.i + 1):
            m.i = t.i
            m.start, m.end = self.s.offset(t)
        self.found.add(m)

    def _lists(self) -> None:
        """Actors joined by "and" ("China and Russia", "the SAF and the RSF"): one list
        mention over them, whose members `coref` fills in, for "they" and plural holders."""
        for t in self.doc:
            if t.dep_ == "conj" or t.dep_ == "appos" and self._peer(t.head, t):
                continue  # listed from its first item
            # "The United States, Japan, and the ROK" parsed as an apposition with a
            # conjunct, "The UK, France, and Germany warned" with Germany a second subject
            peers = [c for a in t.children if a.dep_ == "appos" and self._peer(t, a)
                     for c in (a, *a.conjuncts)]
            if any(c.dep_ == "cc" for c in t.children) and t.dep_.startswith("nsubj"):
                peers += [c for c in t.head.children
                          if c.dep_ == t.dep_ and c.i > t.i and self._peer(t, c)]
            if not peers and not any(c.dep_ == "conj" for c in t.children):
                continue
            items = [t, *t.conjuncts, *peers]
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


class ParsedMentions(_People, _Bodies):
    """What the parse and the entities add to a parsed sentence's registry names."""

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
            if t.pos_ in NOUN_POS and self.found.at(t.i) is None:
                if t.tag_ in ("NNS", "NNPS") and t.lower_ in self.lx.group_words and \
                        not is_office(t) and self._group(t):
                    continue
                if t.tag_ in ("NNS", "NNPS") and t.lower_ in self.lx.people and \
                        t.dep_ in ("nsubj", "nsubjpass", "pobj") and \
                        (t.dep_ != "pobj" or t.head.lower_ == "by" or is_partitive(t)) and \
                        self._people(t):
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
        self._named_speakers()
        self._lists()

    def _takes_stance(self, verb: object) -> bool:
        """Whether a verb is a word of stance, or a light verb with a position noun
        ("expressed deep regret")."""
        cues = self.lx.cue_words
        return verb.lemma_.lower() in cues or verb.lower_ in cues or \
            verb.lemma_.lower() in self.lx.light_verbs and any(
                o.dep_ == "dobj" and o.lemma_.lower() in self.lx.nouns for o in verb.children)

    def _named_speakers(self) -> None:
        """A proper name no one else knows as the subject of a word of stance ("Somaliland
        criticized ..."): an actor of its own, a state when the recognizer says it is a place."""
        for t in self.doc:
            if t.pos_ == "PROPN" and self.found.free(t.i, t.i + 1) and \
                    (known := self.book.acronym(t.text)) is not None:
                self.found.add(Mention(self.s.index, t.i, t.i + 1, *self.s.offset(t), "entity",
                                       known, head=t.i, text=t.text))
                continue  # named so before: the same actor
            # the subject, or listed with a known one ("Ethiopia and Somaliland rejected")
            subj = t if t.dep_ == "nsubj" else t.head if t.dep_ == "conj" and \
                t.head.dep_ == "nsubj" and self.found.at(t.head.i) is not None else None
            if t.pos_ != "PROPN" or subj is None or self.found.at(t.i) is not None or \
                    is_document(t) or t.ent_type_ not in ("", "GPE", "ORG", "NORP", "LOC") or \
                    not self._takes_stance(subj.head):
                continue
            words = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [t]
            a, b = words[0].i, t.i + 1
            name = clean_name(self.doc[a:b].text)
            if not self.found.free(a, b) or len(name) < 3 or not name[0].isupper() or \
                    name.lower() in self.lx.capitalised_words:
                continue
            if t.ent_type_ != "GPE" and not any(w.lower_ in self.lx.body_heads for w in words) \
                    and (self.book.person_named(name) or a > 0 and is_office(self.doc[a - 1])):
                # "Spokesperson Esmaeil Baghaei", or "Baghaei" once named in full: a person
                self._learn_title(self._add_person(a, b, name), a)
                continue
            actor = self.book.new(name, "State" if t.ent_type_ == "GPE" else "Institution")
            self.found.add(Mention(self.s.index, a, b, *self.s.offset(self.doc[a:b]), "entity",
                                   actor, head=t.i, text=self.doc[a:b].text))
