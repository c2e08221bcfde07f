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

from ..registry import Registry
from .lexicon import lexicon
from .linking import ActorBook
from .nlp import Sentence, load_pipeline
from .phrases import ParsedMentions
from .spans import NOUN_POS, PRONOUNS, Mention, SentenceMentions, is_office


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
        # the longest first where names overlap ("President Yoon Suk-yeol" is "Yoon
        # Suk-yeol" after a title, not "President Yoon" and a stray given name)
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        out: list[tuple[int, int, str, str]] = []
        taken: set[int] = set()
        for h in hits:
            if taken.isdisjoint(range(h[0], h[1])):
                out.append(h)
                taken.update(range(h[0], h[1]))
        return sorted(out)


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
    head, _, tail = name.partition(", ")
    if tail and len(tail) <= 5:  # "Washington, D.C." is also "Washington"; the
        out.append(head)  # "Foreign, Commonwealth and Development Office" is not "Foreign"
    for n in list(out):
        if "'" in n:
            out.append(n.replace("'", "\u2019"))
        if 2 <= len(n) <= 3 and n.isupper() and n.isalpha():
            out.append(".".join(n) + ".")
    return out


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
            finder = ParsedMentions(s, book, found)
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
        if _inside_longer_name(doc, i):
            continue  # "US National Security Council" is not the UN's "Security Council"
        actor = book.ensure(entry_id)
        if form == "capital" and _is_place(doc, i, j, s.parsed) and not (
                j < len(doc) and doc[j].tag_ == "POS"):
            continue  # "in Seoul", not "over Seoul's launch"
        if form in ("capital", "demonym") and s.parsed and i > 0 and j - i == 1 and \
                doc[i - 1].pos_ == "PROPN" and doc[i - 1].dep_ == "compound" and \
                doc[i - 1].head.i == i and doc[i - 1].is_title and \
                found.at(i - 1) is None and doc[i - 1].lower_ not in lexicon().offices:
            continue  # "Ana Lima": a name, not Peru's capital
        if form == "demonym" and not _demonym_is_actor(doc, i, j, s.parsed):
            form = "modifier"  # "Japanese Prime Minister": the office's affiliation
        elif s.parsed and form != "demonym" and span.root.dep_ == "compound" and \
                span.root.head.i >= j and span.root.head.pos_ in NOUN_POS and \
                book.type_of(actor) == "State" and not _is_office_head(span.root.head):
            form = "modifier"  # "U.S. military", "North Korea policy"
        found.add(Mention(s.index, i, j, *s.offset(span), form, actor,
                          head=_root(span, s.parsed), text=span.text))


def _inside_longer_name(doc: object, i: int) -> bool:
    """A registry name read inside a state's own body: the "National Security Council" of
    a government is not the UN's "Security Council"."""
    return i > 0 and doc[i - 1].lower_ == "national" and doc[i - 1].is_title


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
        if root.dep_ == "compound" and root.head.pos_ in NOUN_POS and \
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
