"""Actor mentions: registry names, capitals used for governments, titled officials, appositions,
institutions found by pattern (with their acronyms), surnames and definite descriptions.

Pronouns are left to the stance stage, which knows the clause structure they depend on.
Every mention keeps exact offsets into the original text; actors new to the registry are
created in the `ActorBook` with registry-style slugs and the affiliations the text gives.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import Gazetteer
from .ids import slugify
from .records import Actor, Document, Span
from .registry import Registry
from .sentences import Sentence


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    actors: tuple[str, ...]
    form: str  # name, capital, demonym, title, apposition, institution, description, surname
    text: str
    attributive: bool = False  # a modifier of a following noun ("U.S. offers")
    possessive: bool = False  # "Moscow's veto"


_slug = lru_cache(maxsize=16384)(slugify)  # labels recur across documents


class ActorBook:
    """The actors of one document: registry entries it mentions plus actors new to it."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.actors: dict[str, Actor] = {}
        self.titles: dict[str, set[str]] = {}  # title head words of officials ("ambassador")
        self.state_of: dict[str, str] = {}  # the state an actor belongs to or represents

    def ensure(self, actor_id: str) -> Actor:
        actor = self.actors.get(actor_id)
        if actor is None:
            e = self.registry.get(actor_id)
            if e is None:
                raise KeyError(actor_id)
            actor = Actor(id=e.id, label=e.label, type=e.type, aliases=list(e.aliases),
                          wikidata=e.wikidata, affiliations=list(e.affiliations),
                          in_registry=True)
            self.actors[actor_id] = actor
            state = self._state_via(e.id)
            if state:
                self.state_of[e.id] = state
        return actor

    def _state_via(self, actor_id: str, depth: int = 0) -> str | None:
        e = self.registry.get(actor_id)
        if e is None or depth > 4:
            return None
        if e.type == "State":
            return e.id
        for a in e.affiliations:
            s = self._state_via(a, depth + 1)
            if s:
                return s
        return None

    def new(self, label: str, type_: str, affiliations: tuple[str, ...] = (),
            aliases: tuple[str, ...] = (), known: bool = True) -> str:
        """The id of the actor with this label, creating it when it is new; `known=False`
        keeps it apart from a registry entry of the same name."""
        found = self.registry.lookup(label) if known else []
        if found:
            return self.ensure(found[0].id).id
        actor_id = _slug(label)
        if actor_id in self.registry:
            actor_id = f"{actor_id}-{_slug(type_)}"
        actor = self.actors.get(actor_id)
        if actor is None:
            actor = Actor(id=actor_id, label=label, type=type_)
            self.actors[actor_id] = actor
        for a in affiliations:
            if a and a != actor_id and a not in actor.affiliations:
                actor.affiliations.append(a)
                if a in self.actors and self.actors[a].type == "State":
                    self.state_of.setdefault(actor_id, a)
                elif a in self.state_of:
                    self.state_of.setdefault(actor_id, self.state_of[a])
        for alias in aliases:
            if alias and alias != label and alias not in actor.aliases:
                actor.aliases.append(alias)
        return actor_id

    def named(self, name: str) -> str | None:
        """The actor of the document labelled or aliased `name`, if any."""
        for actor in self.actors.values():
            if actor.label == name or name in actor.aliases:
                return actor.id
        return None

    def type_of(self, actor_id: str) -> str:
        a = self.actors.get(actor_id)
        return a.type if a else "Institution"

    def is_person(self, actor_id: str) -> bool:
        return self.type_of(actor_id) in ("Official", "Person")

    def news_media(self, actor_id: str) -> bool:
        e = self.registry.get(actor_id)
        return bool(e and e.news_media)


# ----------------------------------------------------------------------------- patterns

# "\b[A-Z]" written as a lookbehind after the letter, so the scan can skip to capitals
# "U.S.", and a middle initial between names ("George W. Bush")
_ABBR = re.compile(r"[A-Z](?<!\w[A-Z])\.(?:[A-Z]\.)+|(?<=[a-z] )[A-Z]\.(?= [A-Z][a-z])")
_STATE_WORD = r"(?:[A-Z][\w’'·-]*(?:\s+[A-Z][\w’'·-]*){0,3})"
_TITLE = (
    r"(?:Mr·|Ms·|Mrs·|Dr·|Mr\.|Ms\.|Mrs\.|Dr\.|(?:Mrs?|Ms|Dr)(?=\s+[A-Z])|"
    r"(?:(?:Vice|Deputy|First Vice|First Deputy|Acting|Former|former|Senior)\s+)?"
    r"(?:President|Prime Minister|Premier|Chancellor|Foreign Minister|Defen[cs]e Minister|"
    r"Unification Minister|Trade Minister|Finance Minister|[A-Z][a-z]+ Minister|"
    r"(?:foreign|defen[cs]e|trade|finance|economy|interior|justice) minister|"
    r"Minister (?:of|for) (?:State for )?[A-Z][a-z]+(?: (?:and )?[A-Z][a-z]+){0,2}|"
    r"State Counsell?or|Commodore|Marshal|Major General|Brigadier General|Vice Admiral|"
    r"Rear Admiral|Captain|[Pp]ress [Ss]ecretary|Foreign Secretary|Home Secretary|"
    r"Secretary of State|Secretary of Defen[cs]e|Defen[cs]e Secretary|Treasury Secretary|"
    r"[Nn]ational [Ss]ecurity [Aa]dvis[eo]r|Chief Cabinet Secretary|Cabinet Secretary|"
    r"(?:[Ff]oreign [Pp]olicy|[Dd]iplomatic|[Ss]ecurity|[Mm]ilitary|[Ii]ntelligence|[Nn]uclear|"
    r"[Tt]rade|[Aa]rmy|[Nn]avy|[Dd]efen[cs]e) [Cc]hief|"
    r"(?:[Ss]enior|[Tt]op) (?:[A-Z][\w-]* )?(?:official|commander|leader|diplomat|adviser|aide)|"
    r"Secretary[- ]General|Director[- ]General|"
    r"Ambassador(?: to the (?:United Nations|UN|U·N·)| to [A-Z][a-z]+(?: [A-Z][a-z]+)?)?|"
    r"(?:Special )?(?:Representative|Envoy)(?: for [A-Z][a-z]+(?: [A-Z][a-z]+)?)?|"
    r"Chairman|Chairwoman|General Secretary|Supreme Leader|leader|Leader|King|Queen|"
    r"Senator|Sen·|Rep·|Congressman|Congresswoman|[Ss]pokes(?:person|man|woman)|Governor|"
    r"Speaker|Commander|General|Gen·|Admiral|Adm·|Lieutenant General|Colonel|"
    r"Chief of Staff|Minister|Secretary|Ambassador|[Nn]uclear [Ee]nvoy|[Ee]nvoy|"
    r"[Nn]egotiator))"
)
# Letters of names beyond ASCII ("Guaidó", "Erdoğan", "Vučić"): Latin-1 capitals and small
# letters, and Latin Extended-A (whose capitals and small letters alternate) in both.
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u017f"
_LOW = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
# a family name may be written in capitals ("MOTEGI Toshimitsu") or have a capital inside
# ("MacKay", "DeSantis")
_NAME_TOKEN = (rf"(?:[{_UP}][{_LOW}’']+(?:[{_UP}][{_LOW}]+)?(?:-[{_UP}{_LOW}][{_LOW}]+)*|"
               rf"[A-Z]{{3,}}(?=\s+[A-Z][a-z])|"
               rf"(?:al|el|Al|El|bin|ibn|Abu|abu|Bin)-[{_UP}][{_LOW}’']+)")
_PARTICLE = r"(?:van|von|de|da|del|der|di|du|bin|al|el|la|le|dos|das)"
_NAME = (rf"(?:(?<![\w·])[A-Z]·\s+)?{_NAME_TOKEN}"
         rf"(?:\s+(?:[A-Z]·\s+|{_PARTICLE}\s+)?{_NAME_TOKEN}){{0,2}}"
         r"(?:,?\s+(?:Jr|Sr)\.)?")
_TITLED = re.compile(
    rf"\b(?:(?P<pre>{_STATE_WORD})(?:’s|'s)?\s+)?(?P<title>{_TITLE})\s+"
    rf"(?P<name>(?:[A-Z]{{2}}\s+(?=[A-Z][a-z]))?{_NAME})"  # initials as a given name: "JD Vance"
)
_APPOSITION = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<det>the|a|an|its|his|her|[A-Z][\w·’'-]*(?:\s+[A-Z][\w·’'-]*)?[’']s)\s+"
    r"(?P<desc>[^,;.“”\"()\n]{2,110}?)(?=,|;|\.(?:\s|$)|$|\s+(?:said|says|told|added|warned|"
    r"visits|visited|who|which|has|had|was|is|will|would)\b|"
    # "the group's spokesman and chief negotiator,": one person's two titles
    r"\s+and\b(?!\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2},))"
)
_OFFICIAL_WORDS = re.compile(
    r"\b(?:ambassador|minister|president|secretary|representative|envoy|spokes\w+|leader|"
    r"chairman|chairwoman|chairperson|chair|commissioner|head|chief|commander|director-general|"
    r"premier|chancellor|governor|"
    r"sister|brother|wife|husband|daughter|son|adviser|advisor|negotiator|official|"
    r"diplomat|senator|lawmaker|general|admiral)\b",
    re.IGNORECASE,
)
_PERSON_WORDS = re.compile(
    r"\b(?:researcher|analyst|professor|fellow|scholar|expert|scientist|lecturer|economist|"
    r"journalist|commentator|columnist|author|director|specialist|historian|founder|"
    r"president of|head of|defector|activist|student)\b",
    re.IGNORECASE,
)
_ORG_HEADS = (
    r"(?:Agency|Council|Center|Centre|Institute|Institution|Forum|Command|Organi[sz]ation|"
    r"Ministry|Department|Office|Committee|Commission|Association|Party|Army|Navy|Forces|"
    r"Foundation|University|Group|Union|Bank|Fund|Court|Assembly|Network|Alliance|Staff|"
    r"Service|Bureau|Secretariat|Parliament|Congress|Senate|Corporation|Society|"
    r"Academy|Initiative|Programme|Program|Project|Board|Authority|Guard|Corps|Community|"
    r"League|Coalition|Movement|Conference|Federation|Front)"
)
_ORG = re.compile(
    rf"(?P<org>(?:[A-Z][\w’'·-]*\s+(?:(?:of|for|and|on)\s+(?:the\s+)?)?){{0,5}}{_ORG_HEADS}"
    rf"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w’'·-]*(?:\s+[A-Z][\w’'·-]*){{0,4}})?)"
    r"(?:\s*\((?P<acr>[A-Z][A-Za-z]{1,9})\))?"
)
# "the Minjoo Party and the People's Party": two bodies, each named by its head word
_TWO_ORGS = re.compile(rf"(?P<a>.*?\b{_ORG_HEADS})\s+and\s+(?:the\s+)?"
                       rf"(?P<b>[A-Z][^ ]*(?:\s+[A-Z][^ ]*)*\s+{_ORG_HEADS}\b.*|{_ORG_HEADS}\b.*)")
_DEPARTMENTS = {
    "foreign": "Foreign Affairs", "foreign affairs": "Foreign Affairs",
    "defense": "National Defense", "defence": "National Defense",
    "national defense": "National Defense", "national defence": "National Defense",
    "unification": "Unification", "trade": "Trade", "finance": "Finance",
    "interior": "Interior", "commerce": "Commerce", "justice": "Justice",
}
_MINISTRY = re.compile(
    rf"(?:(?P<pre>{_STATE_WORD})(?:’s|'s)?\s+)?"
    r"(?:(?P<dep1>[Ff]oreign|[Dd]efen[cs]e|[Uu]nification|[Tt]rade|[Ff]inance|[Ii]nterior|"
    r"[Cc]ommerce|[Jj]ustice)\s+[Mm]inistry|(?P<dep3>Foreign)\s+Office|"
    r"Ministry\s+of\s+(?P<dep2>Foreign Affairs|External Affairs|National Defen[cs]e|Defen[cs]e|"
    r"Unification|Trade|Finance|Interior|Commerce|Justice)(?:\s+of\s+(?P<post>(?:the\s+)?"
    rf"(?:[A-Z][\w’'·-]*\s+of\s+(?:the\s+)?)?{_STATE_WORD}))?)"  # "of the Republic of Chad"
)
_TITLE_FIRST = re.compile(
    rf"(?:(?P<pre>{_STATE_WORD})[’']s|(?P<pron>\b[Ii]ts|\b[Tt]heir))\s+"
    r"(?P<title>(?i:(?:(?:foreign|defen[cs]e|prime|trade|finance|science|interior|justice|"
    r"economy|energy|environment|health|home|industry|"
    r"unification|deputy|vice|chief|top|special|new|former|acting|interim|incoming|outgoing)\s+)*"
    r"(?:minister|president|secretary|envoy|premier|chancellor|"
    rf"ambassador|representative|negotiator|spokes(?:person|man|woman)|leader|diplomat))"
    rf"(?:\s+to\s+the\s+[A-Z][\w·]*(?:\s+[A-Z][\w·]*)?)?),\s+(?P<name>{_NAME})(?=,)"
)
_TITLE_FIRST_GATE = re.compile(r"(?i:minister|president|secretary|envoy|premier|chancellor|"
                               r"ambassador|representative|negotiator|spokes|leader|diplomat)")
_TITLE_FIRST_LEAD = re.compile(r"[’']s\s|\b(?:[Ii]ts|[Tt]heir)\s")
# plain literals only, so the engine can skip to their first letters
_TITLE_GATE = re.compile(
    r"President|Minister|Premier|Chancellor|Secretary|Advis|Director|Ambassador|Representative|"
    r"Envoy|envoy|Chair|Leader|leader|King|Queen|Sen·|Rep·|Congress|Spokes|spokes|Governor|"
    r"Speaker|Commander|General|Gen·|Admiral|Adm·|Colonel|Chief|Negotiator|negotiator|chief|"
    r"official|advis|secretary|Mr|Ms|Mrs|Dr|Commodore|Marshal|Captain|Counsel|Senator|"
    r"diplomat|commander|aide|foreign minister|defence minister|defense minister|"
    r"trade minister|chair|commissioner|head of")
# "Erywan Yusof, Second Minister of Foreign Affairs of Brunei": an apposition without article
_APPOSITION_TITLE = re.compile(
    rf"(?P<name>{_NAME}),\s+(?P<det>)(?P<desc>(?:(?:[Ss]econd|[Ff]irst|[Ss]enior|[Dd]eputy|[Vv]ice|"
    r"[Cc]hief|[Ss]pecial|[Aa]cting|[Ff]ormer|[Ff]oreign|[Pp]rime|[Pp]ermanent|[Ee]xecutive|"
    r"[Ii]nterim|[Pp]ersonal)\s+)*"
    r"(?:[Mm]inister|[Ss]ecretary|President|[Aa]mbassador|[Ee]nvoy|[Rr]epresentative|"
    r"[Cc]ommander|[Cc]hief|[Ss]pokes\w+|[Dd]irector|[Cc]hair\w*|Counsell?or|Advis[eo]r|"
    r"General|[Gg]overnor|[Hh]ead|[Cc]ommissioner|[Nn]egotiator)\b"
    r"[^,;.“”\"()\n]{0,100}?)(?=,|;|\.(?:\s|$)|$)"
)
# what _APPOSITION_TITLE needs after its comma
_APPOSITION_TITLE_GATE = re.compile(
    r",\s+(?:(?:[Ss]econd|[Ff]irst|[Ss]enior|[Dd]eputy|[Vv]ice|[Cc]hief|[Ss]pecial|[Aa]cting|"
    r"[Ff]ormer|[Ff]oreign|[Pp]rime|[Pp]ermanent|[Ee]xecutive|[Ii]nterim|[Pp]ersonal)\s+)*"
    r"(?:[Mm]inister|[Ss]ecretary|President|[Aa]mbassador|[Ee]nvoy|[Rr]epresentative|"
    r"[Cc]ommander|[Cc]hief|[Ss]pokes|[Dd]irector|[Cc]hair|Counsell?or|Advis[eo]r|General|"
    r"[Gg]overnor|[Hh]ead|[Cc]ommissioner|[Nn]egotiator)")
# "IGAD's executive secretary, Workneh Gebeyehu,", "the UN envoy for Sudan, Ramtane Lamamra,":
# a title before the name, held in a body or left unsaid (states' officials: _TITLE_FIRST)
_OWNED_TITLE_FIRST = re.compile(
    r"(?:\b[Tt]he|\b[Aa]n?|(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})[’'])s?\s+"
    r"(?:(?-i:(?P<body>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}))\s+)?"
    r"(?P<title>(?:[\w.-]+\s+){0,3}?(?:envoy|secretary|chair\w*|commissioner|spokes\w+|"
    r"representative|director|ambassador|head|chief|negotiator|mediator|commander|"
    r"director-general|secretary-general|coordinator|rapporteur)"
    r"(?:\s+(?:for|to|of|on)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*){0,3})?)"
    rf",\s+(?P<name>{_NAME})(?=,)", re.IGNORECASE)
_OWNED_TITLE_GATE = re.compile(r"(?i:envoy|secretary|chair|commissioner|spokes|representative|"
                               r"director|ambassador|head|chief|negotiator|mediator|commander|"
                               r"coordinator|rapporteur)")
_APPOSITION_GATE = re.compile(r", (?:the|a|an|its|his|her|[A-Z][^,]{0,30}[’']s) ")
_ORG_GATE = re.compile(_ORG_HEADS)
_MEMBERS_OF = re.compile(r"(?:Leaders|Heads|Members?|Officials|Ministers|Representatives|"
                        r"Delegates|Envoys|All|Most|Some|Several|Many|Two|Three|Four|Five|Six|"
                        r"Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen)\s+of\s+(?:the\s+)?")
_QUALIFIER = re.compile(r"\s(?:on|in)\s+([A-Z][\w ]+)$")
_POSSESSOR = re.compile(r"(.+)[’']s")
_ORG_TAIL = re.compile(rf"\s{_ORG_HEADS}$")
_SPOKES = re.compile(r"(?:[Aa]n?|[Tt]he)\s+spokes(?:person|man|woman)\s+(?:of|for)\s+(?:the\s+)?$")
_DESCRIPTION = re.compile(
    r"(?P<det>[Tt](?<!\w[Tt])(?:he|his|hat))\s+"
    r"(?:(?P<adj>[A-Z][\w·’'-]*(?:\s+[A-Z][\w·’'-]*)?)\s+)?"
    r"(?P<head>[Mm]inistry|department|office|council|agency|panel|committee|command|commission|"
    r"organization|[Gg]overnment|regime|administration|leadership|coast guard|"
    r"(?i:spokes(?:person|man|woman)|ambassador|special envoy|minister|foreign minister|"
    r"defen[cs]e minister|president|prime minister|secretary|envoy)|"
    r"leader|country|North|South|Kremlin|army|military|armed forces|junta|paper|newspaper)\b"
    r"(?!\s+(?:of|for)\b)"
)
# adjectives of a title, not of a state ("the Special Envoy")
_TITLE_ADJECTIVES = {"special", "chief", "deputy", "senior", "top", "new", "former", "vice",
                     "acting", "foreign", "defense", "defence", "prime", "interim"}
_RANKS = {"Commodore", "Captain", "Colonel", "General", "Admiral", "Marshal", "Major",
          "Lieutenant", "Commander", "Brigadier", "Sergeant", "Ambassador", "Dr", "Dr.",
          "Professor", "Senator", "Governor"}
_BODY_HEADS = {"ministry", "department", "office", "council", "agency", "panel", "committee",
               "command", "commission", "organization", "coast guard"}
_FORCES = {"army", "military", "armed forces", "junta"}
_BARE_MINISTRY = re.compile(
    r"(?:[Tt](?<!\w[Tt])he|(?P<its>[Ii](?<!\w[Ii])ts))\s+(?:(?P<dep1>[Ff]oreign|[Dd]efen[cs]e|[Uu]nification)\s+[Mm]inistry|"
    r"Ministry\s+of\s+(?P<dep2>Foreign Affairs|National Defen[cs]e|Defen[cs]e|Unification))\b"
    r"(?!\s+of\s+[A-Z])"
)
_PLURAL = re.compile(
    # "\b" as a lookbehind after the first letter, so the scan can skip to those letters
    r"[TtAaBb](?<!\w[TtAaBb])(?:(?:(?<=[Tt])he|(?<=[Aa])ll)\s+(?P<n>two|three|four|five)|"
    r"(?<=[Bb])oth)\s+(?:allied\s+)?"
    r"(?P<head>countries|governments|capitals|allies|nations|states|sides|leaders|parties|"
    r"ministers|men|women)\b(?!\s+of\b)"
)
_DATED_TAIL = re.compile(
    r"\s+(?:on|of|for|in)\s+(?:the\s+)?(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday)\b.*$")
_OBJECT_BEFORE = re.compile(
    r"\b(?:on|upon|to|with|urged|urges|asked|asks|told|warned|pressed|between)\s+$")
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5}
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|from|into|near|outside|inside|around|across|via|through|left|leaving|"
    r"visited|visiting|visit|arrived|arriving|landed|based|held|hosted|embassy|embassies|"
    r"flew|travell?ed|trip|returned|returning|headed|streets|city|summit)\s+"
    r"(?:(?!which\b|whom\b|whose\b)[a-z]+\s+)?|"
    r"\bto\s+(?=\S+\s+(?:for|on)\b))$",
    re.IGNORECASE,
)
_SURNAME_FIRST = {
    "kim", "lee", "park", "choi", "choe", "jung", "chung", "kang", "cho", "yoon", "jang",
    "lim", "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "yoo", "hong", "jeon",
    "moon", "ri", "pak", "cheong", "ban", "roh", "xi", "wang", "li", "zhang", "liu", "chen",
    "yang", "zhao", "huang", "zhou", "wu", "hu", "wen", "jiang", "qin", "ma", "ko", "nam",
    "baek", "byun", "heo", "hyun", "ji", "sohn", "son", "yun", "bae", "chae", "noh", "ryu",
}
_NOT_NAME = {
    "The", "A", "An", "In", "On", "At", "For", "As", "If", "But", "And", "It", "This",
    "That", "North", "South", "East", "West", "January", "February", "March", "April", "May",
    "June", "July", "August", "September", "October", "November", "December", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "State", "Council",
    "Ministry", "Department", "Office", "General", "Assembly", "Forces", "Command", "United",
    "Nations", "Security", "Foreign", "Defense", "Defence", "Affairs", "Policy", "National",
    "Korean", "Korea", "People", "Republic", "Democratic", "Central", "News", "Agency", "Party",
}
# Capitalised words that open sentences or name places, offices and things, never a person's
# name: a run of capitalised words holding one is no bare name.
_NOT_IN_BARE_NAMES = _NOT_NAME | set(
    "When While After Before Although Though Because During By With From To Of Or Yet So Then "
    "Now Last Next These Those Its His Her Their Our We They He She I Mr Mrs Ms Dr Sir Lord "
    "Lady King Queen Prince Princess President Prime Minister Secretary Vice Deputy Chief "
    "Senator Governor Ambassador Chancellor Premier Chairman Leader Speaker Under Admiral "
    "Colonel Captain Major Marshal Sheikh Pope Mount Lake River Sea Gulf Strait Island Bay Cape "
    "Port Fort Saint St Operation Resolution Article Decree Block Ridge House White Pentagon "
    "Kremlin Street Square Palace Hall Plaza Airport Station Bridge Road Avenue Province "
    "Region District County City Town Village Valley Desert Coast Peninsula Summit Talks "
    "Treaty Accord Agreement Declaration Convention Charter Protocol Plan Initiative Day War "
    "Crisis Act Law Court Prize Cup Games Olympics Christmas Easter Ramadan Islam Christian "
    "Muslim Jewish Catholic God Allah Twitter Facebook Telegram Times Post Journal News "
    "Review Daily Weekly Press Radio Television TV Online Sources Officials Analysts "
    "However Meanwhile Still Indeed Instead Moreover Furthermore Finally First Second Third "
    "Why What Who Where How Yes No Not Even Only Also Both Neither Either Each Every Some Many "
    "Most Such Several Few All Any Another Other Dam Shoal Reef Special Envoy Counsellor "
    "Award Senior Junior Outside Inside States Spokesman Spokeswoman Spokesperson Professor "
    "Prof Secretary-General Commissioner Director Chairwoman Chairperson Judge Justice "
    "Envoy Representative Foreign Minister".split()) | set(
        re.findall(r"[A-Z][a-z]+", _ORG_HEADS))
_BARE_NAME = re.compile(
    rf"(?<![\w’'.-])(?P<name>{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{1,2}})"
    r"(?![\w’'-])")
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_COURTESY = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr)[·.]?")
# Offices held by one person at a time, whose holder the text may name by family name alone.
_LEADER_TITLE = re.compile(r"(?:(?:[A-Z][a-z]+\s+)?(?:President|Prime\s+Minister|Premier|"
                           r"Chancellor|King|Queen|Emir|Crown\s+Prince|Supreme\s+Leader)|"
                           r"(?:Foreign|Defen[cs]e|Interior)\s+Minister|Secretary\s+of\s+State)")
_NAME_OF_STATE = re.compile(
    rf"(?P<name>{_NAME})\s+of\s+(?P<state>(?:the\s+)?[A-Z][\w’'·-]*(?:\s+[A-Z][\w’'·-]*){{0,2}})"
    r"(?=\s+(?:said|says|told|added|warned|cautioned|stressed|noted|argued|urged|called|"
    r"welcomed|accused|rejected|condemned|expressed|insisted|maintained|asked|explained|"
    r"emphasized|emphasised|regretted|agreed|supported|opposed|voted)\b|,)")
_PERSON_AFTER = re.compile(
    r",\s+who\s|\s+and\s+(?:[A-Z][\w’'-]+\s+){1,3}?[A-Z][\w’'-]+(?:,\s+who\s|\s+(?:agreed|"
    r"signed|met|said)\b)|\s+(?:has|had)\s+(?:\w+ly\s+)?(?:made|been|\w+ed)\b|"
    r"\s+(?:(?:has|had|have)\s+)?(?:said|says|told|tells|added|warned|insisted|"
    r"argued|accused|denied|urged|demanded|rejected|welcomed|condemned|critici[sz]ed|vowed|"
    r"pledged|promised|declared|announced|agreed|signed|proposed|offered)\b")
_ATTRIBUTIVE_STOP = {
    "system", "resolution", "resolutions", "charter", "framework", "territory", "waters",
    "soil", "coast", "border", "mission", "headquarters", "member", "members", "summit",
    "officials", "official", "economy", "missiles", "missile", "issue", "island", "forces",
}


def mask(text: str) -> str:
    """The text with dots of abbreviations ("U.S.") replaced by '·', offsets unchanged."""
    return _ABBR.sub(lambda m: m.group().replace(".", "·"), text)


class MentionFinder:
    """Finds the actor mentions of one document, creating new actors in an ActorBook."""

    def __init__(self, doc: Document, book: ActorBook, sentences: list[Sentence]) -> None:
        self.doc = doc
        self.book = book
        self.sentences = sentences
        self.text = doc.text
        self.masked = mask(doc.text)
        self.gaz = Gazetteer.of(book.registry)
        self.mentions: list[Mention] = []
        self.nested: list[Mention] = []
        self.acronyms: dict[str, str] = {}
        self.surnames: dict[str, str] = {}
        self.given: dict[str, str] = {}
        self._last_ministry: str | None = None
        self.counts: Counter[str] = Counter()
        self._hits: list | None = None
        self._hit_starts: list[int] = []
        self._state_cache: dict[str, str | None] = {}
        self._bare: dict[str, list[tuple[int, int]]] = {}
        self.registry_surnames = _registry_surnames(book.registry)
        self._topic: str | None = None
        self._gaz_words: dict[str, bool] = {}

    # -- public ------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        self._bare = self._repeated_names()
        per_sentence = []
        for s in self.sentences:
            cands = self._candidates(s)
            chosen = self._select(cands)
            per_sentence.append((s, chosen))
            for c in chosen:  # the ministry a later "ministry spokesman" speaks for
                for a in c.actors:
                    if self.book.type_of(a) == "Institution" and re.match(
                            r"(?:Ministry|Department) of ", self.book.actors[a].label):
                        self._last_ministry = a
        # second pass: surnames and acronyms learnt anywhere earlier, and descriptions
        out: list[Mention] = []
        for s, found in per_sentence:
            found = found + self._late_names(s, found)
            found.sort(key=lambda m: m.start)
            found = self._descriptions(s, found, out)
            found = [self._office_of(m) for m in found]
            for m in found:
                self._mark_use(m)
                out.append(m)
        self.mentions = out
        for m in out + self.nested:
            for a in m.actors:
                if a in self.book.actors:
                    self.book.actors[a].mentions.append(Span(m.start, m.end, m.text))
                    self.counts[a] += 1
        return out

    def _office_of(self, m: Mention) -> Mention:
        """"Netanyahu's office said": the office, an institution of that person, speaks."""
        if len(m.actors) != 1 or not self.book.is_person(m.actors[0]):
            return m
        office = _OFFICE.match(self.text, m.end)
        if office is None:
            return m
        person = m.actors[0]
        start = m.start + (4 if self.text[m.start:m.start + 4] in ("the ", "The ") else 0)
        label = self.text[start:office.end()].replace("\u2019", "'")
        label = label[0].upper() + label[1:]
        affs = (person, *(a for a in (self.book.state_of.get(person),) if a))
        actor = self.book.new(label, "Institution", affs,
                              aliases=(f"Office of {self.book.actors[person].label}",))
        self.nested.append(m)
        return Mention(m.start, office.end(), (actor,), "institution",
                       self.text[m.start:office.end()])

    def topic_state(self) -> str | None:
        states = [(n, a) for a, n in self.counts.items() if self.book.type_of(a) == "State"]
        return max(states)[1] if states else None

    # -- candidates ----------------------------------------------------------------------
    def _repeated_names(self) -> dict[str, list[tuple[int, int]]]:
        """Names of people the text gives in full without a title and later by the family
        name alone ("Nicolás Maduro ... Maduro"), with where they stand in full: runs of two
        or three capitalised words, none a word of places, offices or sentence openings, not
        known to the registry."""
        if not self.sentences:
            return {}
        start, end = self.sentences[0].start, self.sentences[-1].end
        spans: dict[str, list[tuple[int, int]]] = {}
        for m in _BARE_NAME.finditer(self.text, start, end):
            words = m.group("name").split()
            # a sentence opener or a title may precede the name: drop such words in front
            while words and (words[0] in _NOT_IN_BARE_NAMES or words[0].endswith(("’s", "'s"))):
                words = words[1:]
            if len(words) < 2 or any(w in _NOT_IN_BARE_NAMES or w.isupper() or
                                     w.endswith(("’s", "'s")) for w in words):
                continue
            name = " ".join(words)
            spans.setdefault(name, []).append((m.end() - len(name), m.end()))
        if not spans:
            return {}
        # family names standing alone: not right after another capitalised word ("Thomas Shoal")
        alone: Counter[str] = Counter()
        prev_end, prev_cap = -2, False
        for w in _WORD.finditer(self.text, start, end):
            word = w.group()
            if not (prev_cap and self.text[prev_end:w.start()].isspace()):
                alone[word] += 1
            prev_end, prev_cap = w.end(), word[0].isupper()
        out: dict[str, list[tuple[int, int]]] = {}
        for name, where in sorted(spans.items(), key=lambda kv: -len(kv[1]))[:30]:
            # named again by the family name, or introduced as someone who speaks or acts
            # ("Narendra Modi, who addressed ...", "Ajit Doval said ...")
            person = alone[name.split()[-1]] or any(
                _PERSON_AFTER.match(self.text, e) for _, e in where)
            if not person or self.book.registry.lookup(name) or \
                    self._state_in(name) or any(self._state_in(w) for w in name.split()):
                continue
            out[name] = where
        return out

    def _names_of_states(self, s: Sentence) -> list[Mention]:
        """'Susan Rice of the United States said': a state's representative, as meetings
        coverage names them."""
        out = []
        for m in _NAME_OF_STATE.finditer(self.masked, s.start, s.end):
            name = m.group("name").replace("·", ".")
            words = name.split()
            if len(words) < 2 or any(w in _NOT_IN_BARE_NAMES for w in words):
                continue
            state = self._state_in(m.group("state").replace("·", "."))
            if state is None or self.book.type_of(state) != "State" and \
                    self.book.registry.get(state) is None:
                continue
            actor = self._person(name, "representative", state, "Official", s)
            if actor:
                out.append(Mention(m.start(), m.end(), (actor,), "apposition",
                                   self.text[m.start():m.end()]))
        return out

    def _bare_names(self, s: Sentence, cands: list[Mention]) -> list[Mention]:
        """Occurrences of the repeated bare names that no titled or other mention covers."""
        out = []
        for name, where in self._bare.items():
            for b, e in where:
                if not s.start <= b < s.end or any(c.start < e and b < c.end for c in cands):
                    continue
                actor = self.book.named(name) or self._person(name, "", None, "Person", s)
                if actor:
                    out.append(Mention(b, e, (actor,), "name", name))
        return out

    def _candidates(self, s: Sentence) -> list[Mention]:
        text, masked = self.text, self.masked
        cands: list[Mention] = []
        for hit in self._hits_in(s):
            entry = self.book.registry.get(hit.actor)
            if entry is None:
                continue
            # a capital is a place after "in", "from", ... (also when it names an organisation)
            capital_like = hit.form == "capital" or text[hit.start:hit.end] in \
                self.book.registry.by_capital
            if capital_like and self._is_place(hit.start, hit.end, s):
                continue
            if hit.form == "capital" and re.match(r"\s+[A-Z][a-z]", text[hit.end:hit.end + 3]):
                continue  # part of a longer proper name ("Washington Post")
            actor = self._off_topic_body(entry, text[hit.start:hit.end]) or hit.actor
            if actor == hit.actor:
                self.book.ensure(hit.actor)
            cands.append(Mention(hit.start, hit.end, (actor,), hit.form,
                                 text[hit.start:hit.end]))
        # cheap gates first: each pattern needs a word that most sentences lack
        stext = masked[s.start:s.end]
        if "inistry" in stext or "Foreign Office" in stext:
            for m in _MINISTRY.finditer(masked, s.start, s.end):
                mention = self._ministry(m, s)
                if mention:
                    cands.append(mention)
        gate = _TITLE_GATE.search(stext)
        titled = gate is not None
        if gate is not None:
            # a match holds a gate word and starts at most a few words before it
            for m in _TITLED.finditer(masked, _words_back(masked, s.start, s.start + gate.start()),
                                      s.end):
                mention = self._titled(m, s)
                if mention:
                    cands.append(mention)
        if ", " in stext and _APPOSITION_GATE.search(stext):
            for m in _APPOSITION.finditer(masked, s.start, s.end):
                mention = self._apposition(m, s)
                if mention:
                    cands.append(mention)
        if titled and _APPOSITION_TITLE_GATE.search(stext):
            for m in _APPOSITION_TITLE.finditer(masked, s.start, s.end):
                mention = self._apposition(m, s)
                if mention:
                    cands.append(mention)
        if _TITLE_FIRST_GATE.search(stext) and _TITLE_FIRST_LEAD.search(stext):
            for m in _TITLE_FIRST.finditer(masked, s.start, s.end):
                mention = self._title_first(m, s)
                if mention:
                    cands.append(mention)
        if _OWNED_TITLE_GATE.search(stext):
            for m in _OWNED_TITLE_FIRST.finditer(masked, s.start, s.end):
                mention = self._owned_title_first(m, s)
                if mention:
                    cands.append(mention)
        if "-" in stext:
            for m in _HYPHENED_NAME.finditer(masked, s.start, s.end):
                mention = self._hyphened_name(m, s)
                if mention:
                    cands.append(mention)
        if _ORG_GATE.search(stext):
            for m in _ORG.finditer(masked, s.start, s.end):
                two = _TWO_ORGS.fullmatch(m.group("org"))
                parts = [_ORG.fullmatch(masked, m.start() + two.start(g), m.start() + two.end(g))
                         for g in ("a", "b")] if two else [m]
                for part in parts:
                    mention = self._org(part, s) if part else None
                    if mention:
                        cands.append(mention)
        if " of " in self.text[s.start:s.end]:
            cands.extend(self._names_of_states(s))
        cands.extend(self._bare_names(s, cands))
        return cands

    def _off_topic_body(self, entry, wording: str) -> str | None:  # noqa: ANN001
        """A body of one state's affairs ("UN Panel of Experts on North Korea") named
        generically ("the panel of experts") in a text about another state is a body of its
        own, named as the text names it."""
        if entry.type != "Institution":
            return None
        qualifier = _QUALIFIER.search(entry.label)
        if not qualifier or qualifier.group(1) in wording:
            return None
        state = self._state_in(qualifier.group(1))
        if state is None or state == self._body_topic():
            return None
        label = re.sub(r"^(?:the|The)\s+", "", wording)
        return self.book.new(label[:1].upper() + label[1:], "Institution")

    def _body_topic(self) -> str | None:
        """The state the body names most often (by registry names)."""
        if self._topic is None:
            counts: Counter[str] = Counter()
            for h in self._hits or ():
                e = self.book.registry.get(h.actor)
                if e is not None and e.type == "State":
                    counts[h.actor] += 1
            self._topic = counts.most_common(1)[0][0] if counts else ""
        return self._topic or None

    def _is_place(self, start: int, end: int, s: Sentence) -> bool:
        before = self.text[max(s.start, start - 40):start]
        if _PLACE_BEFORE.search(before):
            return True
        return bool(re.match(r"\s*,\s*(?:D\.C\.|the capital)", self.text[end:end + 15]))

    def _hits_in(self, s: Sentence) -> list:
        """Registry names in a sentence (the body is scanned once)."""
        if self._hits is None:
            if self.sentences:
                self._hits = list(self.gaz.find(self.text, self.sentences[0].start,
                                                self.sentences[-1].end))
            else:
                self._hits = []
            self._hit_starts = [h.start for h in self._hits]
        i = bisect_left(self._hit_starts, s.start)
        out = []
        while i < len(self._hits) and self._hits[i].start < s.end:
            if self._hits[i].end <= s.end:
                out.append(self._hits[i])
            i += 1
        return out

    def _state_in(self, phrase: str) -> str | None:
        cache = _STATE_CACHE.get(id(self.book.registry))
        if cache is None or cache[0] is not self.book.registry:
            cache = (self.book.registry, {})
            _STATE_CACHE[id(self.book.registry)] = cache
        if phrase in cache[1]:
            return cache[1][phrase]
        found = self._find_state(phrase)
        if len(cache[1]) < 100_000:
            cache[1][phrase] = found
        return found

    def _find_state(self, phrase: str) -> str | None:
        for hit in self.gaz.find(phrase):
            e = self.book.registry.get(hit.actor)
            if e and e.type == "State":
                return e.id
            if e and hit.form == "name":
                state = self.book._state_via(e.id)
                if state:
                    return state
        return None

    def _ministry(self, m: re.Match[str], s: Sentence) -> Mention | None:
        dep = (m.group("dep1") or m.group("dep2") or m.group("dep3") or "").lower()
        department = _DEPARTMENTS.get(dep, dep.title())
        state_phrase = m.group("pre") or m.group("post") or ""
        state = self._state_in(state_phrase.replace("·", ".")) if state_phrase else None
        if state is None and state_phrase in ("North", "South"):
            found = self._compass_state(state_phrase.lower())  # "the North's Ministry of ..."
            state = found[0] if found else None
        if m.group("pre") and state:
            start = m.start("pre")
        elif m.group("dep1") or m.group("dep3"):
            start = m.start("dep1") if m.group("dep1") else m.start("dep3")
        else:
            start = self.masked.index("Ministry", m.start())
        if state is None:
            return None  # a bare "the Ministry of ..." is a description, resolved later
        e = self.book.registry.get(state)
        label = f"Ministry of {department} of {e.label if e else state}"
        actor = self.book.new(label, "Institution", (state,))
        self.book.state_of[actor] = state
        end = m.end()
        return Mention(start, end, (actor,), "institution", self.text[start:end])

    def _titled(self, m: re.Match[str], s: Sentence) -> Mention | None:
        name = m.group("name").replace("·", ".")
        tokens = name.split()
        while tokens and tokens[-1] in _NOT_NAME:
            tokens.pop()
        if not tokens or tokens[0] in _NOT_NAME:
            return None
        if len(tokens[0]) == 2 and tokens[0].isupper() and self.book.registry.lookup(tokens[0]):
            return None  # "US", "EU": a registry name, no initials
        while len(tokens) > 2 and tokens[0] in _RANKS:
            tokens.pop(0)
        name = " ".join(tokens)
        title = m.group("title").replace("·", ".")
        pre = (m.group("pre") or "").replace("·", ".")
        state = self._state_in(pre) if pre else None
        start = m.start("pre") if (pre and state) else m.start("title")
        if pre and not state:
            words = pre.split()
            for k in range(len(words)):
                if re.fullmatch(_TITLE, " ".join(words[k:]) + " " + title):
                    title = " ".join(words[k:]) + " " + title
                    start = m.start("title") - len(" ".join(words[k:])) - 1
                    state = self._state_in(" ".join(words[:k])) if k else None
                    break
        offset = max(0, m.group("name").replace("·", ".").find(name))
        end = m.start("name") + offset + len(name)
        # "Foreign Ministry spokesman X", "ministry spokesman X": X speaks for a ministry
        org = None
        ministry = re.search(
            r"(?:\b(?P<st>[A-Z][\w’'·-]*)(?:[’']s)?\s+)?(?:\b(?P<dep>[Ff]oreign|[Dd]efen[cs]e)\s+)?"
            r"\b(?:[Mm]inistry|Office)\s+$",
            self.masked[max(s.start, m.start("title") - 40):m.start("title")])
        if ministry and not state and ministry.group("st"):
            state = self._state_in(ministry.group("st").replace("·", "."))
        if ministry and (not state or ministry.group("st")):
            where = state or self._sentence_place_state(s)
            if where:
                dep = (ministry.group("dep") or "foreign").lower()
                org = self._ministry_of(where, _DEPARTMENTS.get(dep, "Foreign Affairs"))
            else:
                org = self._last_ministry
            start = min(start, m.start("title") - len(ministry.group()))
            if self.text[start - 4:start] in ("the ", "The "):
                start -= 4
        if org is None:
            # "NATO Secretary General X", "Senior Hamas official X", "Philippine Coast Guard
            # spokesperson X": the institution named (a state may come with it)
            for hit in self.gaz.find(f"{pre} {title}".strip()):
                e = self.book.registry.get(hit.actor)
                if e and e.type == "Institution":
                    org = self.book.ensure(e.id).id
                    if pre:
                        start = min(start, m.start("pre"))
                    break
        if org is None and pre and _ORG_TAIL.search(pre):
            # "Fiji Coast Guard spokesperson X": an institution by its head word
            org = self.book.new(pre, "Institution", (state,) if state else ())
            if state:
                self.book.state_of.setdefault(org, state)
            start = min(start, m.start("pre"))
        actor = self._person(name, title, state, "Official", s, org)
        if actor is None:
            return None
        if org and org not in self.book.actors[actor].affiliations:
            self.book.actors[actor].affiliations.append(org)
        return Mention(start, end, (actor,), "title", self.text[start:end])

    def _ministry_of(self, state: str, department: str) -> str:
        e = self.book.registry.get(state)
        actor = self.book.new(f"Ministry of {department} of {e.label if e else state}",
                              "Institution", (state,))
        self.book.state_of[actor] = state
        return actor

    def _sentence_place_state(self, s: Sentence) -> str | None:
        """The state whose capital the sentence names as where it happens: "In Beijing, ...",
        "told reporters in Tehran", or a list item "- Moscow: ..."."""
        st = self._place_state(s)
        if st:
            return st
        line = self.text.rfind("\n", 0, s.start) + 1
        lead = re.match(r"[\s\-–—•*]*([A-Z][a-z]+(?: [A-Z][a-z]+)?):", self.text[line:s.end])
        names = [lead.group(1)] if lead else []
        names += re.findall(r"\b(?:in|from)\s+([A-Z][a-z]+(?: [A-Z][a-z]+)?)",
                            self.text[s.start:s.end])
        for name in names:
            state = self.book.registry.by_capital.get(name)
            if state:
                self.book.ensure(state)
                return state
        return None

    def _person(self, name: str, title: str, state: str | None, type_: str,
                s: Sentence, org: str | None = None) -> str | None:
        name = re.sub(r"[’']s$", "", name)  # "Mr Rabuka's initiative"
        # "MOTEGI Toshimitsu": the capitalised word is the family name
        caps = [t for t in name.split() if len(t) > 2 and t.isupper()]
        if caps:
            name = " ".join(t.capitalize() if t in caps else t for t in name.split())
        found = [e for e in self.book.registry.lookup(name) if e.type in ("Official", "Person")]
        if len(name.split()) == 1:
            known = self.surnames.get(name) or self.registry_surnames.get(name) or \
                self.given.get(name)
            if known is None and (_COURTESY.fullmatch(title.strip()) or
                                  _LEADER_TITLE.fullmatch(title.strip())):
                # "Mr Solana", "President Erdoğan": a person known by the family name alone,
                # or by the full name the text gives elsewhere
                full = next((n for n in self._bare if n.split()[-1] == name), name)
                courtesy = bool(_COURTESY.fullmatch(title.strip()))
                known = self.book.new(full, "Person" if courtesy else type_,
                                      (state,) if state and not courtesy else ())
                if not courtesy:
                    self._learn_title(known, title, state)
                self.surnames.setdefault(name, known)
                return known
            if known is None:
                return None
            found = [self.book.registry.get(known)] if known in self.book.registry else []
            if not found:
                actor = known
                self._learn_title(actor, title, state)
                return actor
        if found and found[0] is not None:
            actor = self.book.ensure(found[0].id).id
        else:
            if state is None and type_ == "Official":
                state = self._place_state(s) or self._home_state()
            affs = tuple(a for a in (state, org) if a)
            actor = self.book.new(name, type_, affs)
        self._learn_title(actor, title, state)
        family = caps[0].capitalize() if caps else _surname(name)
        self.surnames.setdefault(family, actor)
        # "Special Envoy Erywan": a title with the given name
        if name.split()[0] != family:
            self.given.setdefault(name.split()[0], actor)
        return actor

    def _learn_title(self, actor: str, title: str, state: str | None) -> None:
        heads = {w.lower() for w in re.findall(r"[A-Za-z-]+", title)} - {"of", "to", "the", "for"}
        self.book.titles.setdefault(actor, set()).update(heads)
        if state:
            self.book.state_of.setdefault(actor, state)

    def _home_state(self) -> str | None:
        """The state of a government publisher: its officials need no introduction."""
        publisher = self.doc.publisher or ""
        own = self.book.named(publisher) if publisher else None
        if own is not None and own not in self.book.registry:
            # a body the document introduced itself (another state's namesake ministry)
            return self.book.state_of.get(own)
        for e in self.book.registry.lookup(publisher):
            state = self.book._state_via(e.id)
            if state and e.type != "State":
                self.book.ensure(state)
                return state
        return None

    def _place_state(self, s: Sentence) -> str | None:
        """The state whose capital the sentence names as a place ("In Tokyo, ...")."""
        m = re.match(r"\s*In ([A-Z][a-z]+(?: [A-Z][a-z]+)?),", self.text[s.start:s.end])
        if m:
            state = self.book.registry.by_capital.get(m.group(1))
            if state is None:
                for cap, sid in self.book.registry.by_capital.items():
                    if cap.split(",")[0] == m.group(1):
                        state = sid
            if state:
                self.book.ensure(state)
            return state
        return None

    def _apposition(self, m: re.Match[str], s: Sentence) -> Mention | None:
        name = m.group("name").replace("·", ".")
        tokens = name.split()
        if len(tokens) < 2 or tokens[0] in _NOT_NAME or tokens[-1] in _NOT_NAME:
            return None
        if any(e.type in ("State", "Institution") for e in self.book.registry.lookup(name)):
            return None
        desc = m.group("desc").replace("·", ".")
        if _OFFICIAL_WORDS.search(desc) and not _PERSON_WORDS.search(desc):
            type_ = "Official"
        elif _PERSON_WORDS.search(desc):
            type_ = "Person"
        else:
            return None
        org = None
        om = re.search(r"\b(?:at|of|with|for)\s+(?:the\s+)?((?:[A-Z][\w’'-]*\s*)+)", desc)
        if om and type_ == "Person":
            org_name = om.group(1).strip()
            org_name = re.sub(r"\s+in\s+.*$", "", org_name)
            if len(org_name.split()) >= 2 and _ORG_GATE.search(org_name):
                org = self.book.new(org_name, "Institution")
        state = None if org else self._state_in(desc) or self._state_in(
            m.group("det").replace("·", "."))
        actor = self._person(name, desc, state, type_, s, org)
        if actor is None:
            return None
        start, end = m.start("name"), m.end("desc")
        return Mention(start, end, (actor,), "apposition", self.text[start:end])

    def _org(self, m: re.Match[str], s: Sentence) -> Mention | None:
        org = m.group("org").replace("·", ".").strip()
        org = re.sub(r"^(?:The|the)\s+", "", org)
        dated = _DATED_TAIL.search(org)
        if dated:  # "the General Assembly on June 18": a date is no part of the name
            org = org[:dated.start()]
        lead = _MEMBERS_OF.match(org)
        if lead:  # "Leaders of the Andean Community": the body itself
            org = org[lead.end():]
        words = org.split()
        if words and words[0] in ("Its", "Their", "His", "Her", "Our", "Whose"):
            return None  # "Its Foreign Ministry": whose is left to the description
        head_first = len(words) >= 3 and words[1] == "of" and re.fullmatch(_ORG_HEADS, words[0])
        if len(words) < 2 or words[0] in _NOT_NAME - {"North", "South", "United", "National",
                                                      "Korean", "Security", "Central"} and \
                not head_first:
            return None
        acr = m.group("acr")
        head, of, tail = org.partition(" of ")
        if of and not re.search(_ORG_HEADS, head) and self._state_in(tail):
            return None  # "Vitaly Churkin of the Russian Federation": a state's representative
        if "Ministry" in words and self._state_in(org):
            return None  # a state's ministry: see _ministry
        found = self.book.registry.lookup(org)
        # the owner may take more than one word: "North Korea's National Defence Commission"
        k_owner = next((k for k, w in enumerate(words[:3]) if _POSSESSOR.fullmatch(w)), None)
        owner = _POSSESSOR.fullmatch(" ".join(words[:k_owner + 1])) if k_owner is not None \
            else None
        owner_state = self._state_in(owner.group(1)) if owner and len(words) > k_owner + 1 \
            else None
        if owner_state:
            words = [" ".join(words[:k_owner + 1]), *words[k_owner + 1:]]
        if found:
            actor = self.book.ensure(found[0].id).id
        elif owner_state:
            # "Hungary's National Assembly": the state's institution, named as such
            e = self.book.registry.get(owner_state)
            rest = " ".join(words[1:])
            actor = self.book.new(f"{rest} of {e.label if e else owner_state}", "Institution",
                                  (owner_state,), aliases=(org.replace("’", "'"),))
            self.book.state_of.setdefault(actor, owner_state)
        elif self._state_in(words[0]) and len(words) <= 3 and not re.search(
                r"(?:Institute|Center|Centre|Forum|University|Foundation|Group|Club)$", org):
            return None  # "Chinese Foreign Ministry"-like phrases are handled elsewhere
        else:
            publisher = self.doc.publisher or ""
            own = self.book.named(publisher) if publisher and re.sub(
                r"^The\s+", "", publisher) == org else None
            if own:
                actor = own
            else:
                actor = self.book.new(org, "Institution", aliases=(acr,) if acr else ())
        if acr:
            self.acronyms[acr] = actor
        start = m.start("org") + (len(m.group("org")) - len(m.group("org").lstrip()))
        if self.text[start:start + 4] in ("The ", "the "):
            start += 4
        if lead:
            start = self.masked.index(words[0], start)
        end = m.end() if not dated else self.text.index(org.split()[-1], start) + len(
            org.split()[-1])
        return Mention(start, end, (actor,), "institution", self.text[start:end])

    def _hyphened_name(self, m: re.Match[str], s: Sentence) -> Mention | None:
        """"Lai Ching-te was sworn in": a family name and a hyphenated given name are a
        person's name even without a title."""
        if m.group(1) in _NOT_NAME or self.gaz_names(m.group(1)) or self.gaz_names(
                m.group(2).split("-")[0]):
            return None
        actor = self._person(m.group(), "", None, "Person", s)
        if actor is None:
            return None
        return Mention(m.start(), m.end(), (actor,), "name", m.group())

    def gaz_names(self, word: str) -> bool:
        """Whether a word is a registry name: a state, a capital, a demonym."""
        known = self._gaz_words.get(word)
        if known is None:
            known = self._gaz_words[word] = any(True for _ in self.gaz.find(word))
        return known

    def _title_first(self, m: re.Match[str], s: Sentence) -> Mention | None:
        name = m.group("name").replace("·", ".")
        if len(name.split()) < 2 or name.split()[0] in _NOT_NAME:
            return None
        if m.group("pron"):  # "its spokesperson, Matthew Miller,": whose is left to context
            state = None
        else:
            state = self._state_in(m.group("pre").replace("·", "."))
            if state is None:
                return None
        actor = self._person(name, m.group("title"), state, "Official", s)
        if actor is None:
            return None
        start, end = m.start(), m.end("name")
        return Mention(start, end, (actor,), "apposition", self.text[start:end])

    def _owned_title_first(self, m: re.Match[str], s: Sentence) -> Mention | None:
        name = m.group("name").replace("·", ".")
        tokens = name.split()
        if len(tokens) < 2 or tokens[0] in _NOT_NAME or tokens[-1] in _NOT_NAME:
            return None
        owner = (m.group("owner") or "").replace("·", ".")
        if owner and self._state_in(owner):
            return None  # a state's official: _TITLE_FIRST
        body = (m.group("body") or "").replace("·", ".")
        # "a State Department spokesman, Tom Casey,", "the UN envoy for Sudan, ...,"
        bodies = [e for e in self.book.registry.lookup(owner or body) if e.type == "Institution"] \
            if owner or body else []
        org = self.book.ensure(bodies[0].id).id if bodies else None
        title = m.group("title") if org or not body else f"{body} {m.group('title')}"
        # a body's officer speaks for the body, not for the state of the place it is in
        actor = self._person(name, title, None, "Person", s, org)
        if actor is None:
            return None
        start = m.start("owner") if owner else m.start()
        return Mention(start, m.end("name"), (actor,), "apposition", self.text[start:m.end("name")])

    # -- overlaps --------------------------------------------------------------------------
    def _select(self, cands: list[Mention]) -> list[Mention]:
        """Longest candidates win; the ones inside them are kept as nested mentions."""
        cands.sort(key=lambda m: (-(m.end - m.start), m.start))
        chosen: list[Mention] = []
        for c in cands:
            if any(c.start < o.end and o.start < c.end for o in chosen):
                if any(o.start <= c.start and c.end <= o.end for o in chosen):
                    self.nested.append(c)
                continue
            chosen.append(c)
        chosen.sort(key=lambda m: m.start)
        for c in chosen:
            sp = spokes_prefix(self.text, c.start)
            if sp and c.form != "title":
                c.start -= len(sp.group())
                c.text = self.text[c.start:c.end]
                c.form = "spokes"
            if c.form in ("name", "capital", "institution", "title", "apposition"):
                for a in c.actors:
                    if self.book.is_person(a):
                        self.surnames.setdefault(_surname(self.book.actors[a].label), a)
        return chosen

    def _late_names(self, s: Sentence, found: list[Mention]) -> list[Mention]:
        """Surnames of people named earlier and acronyms defined earlier."""
        out = []
        for m in _CAPITALISED.finditer(self.text[s.start:s.end]):
            word = m.group()
            if word.endswith(("'s", "’s")):  # "Netanyahu's office": the name without "'s"
                word = word[:-2]
            actor = self.acronyms.get(word) or self.surnames.get(word)
            if actor is None:
                continue
            start = s.start + m.start()
            end = start + len(word)
            if any(f.start <= start < f.end for f in found):
                continue
            out.append(Mention(start, end, (actor,), "surname", word))
        return out

    # -- definite descriptions ----------------------------------------------------------------
    def _descriptions(self, s: Sentence, found: list[Mention], before: list[Mention]
                      ) -> list[Mention]:
        added: list[Mention] = []
        history = before + found
        for m in _DESCRIPTION.finditer(self.masked, s.start, s.end):
            start, end = m.start(), m.end()
            inside = [f for f in found if f.start < end and start < f.end]
            # "the U.S. ambassador" may replace the state mention inside it, nothing else
            if any(not (start <= f.start and f.end <= end and f.form in ("name", "demonym"))
                   for f in inside):
                continue
            actors = self._resolve_description(m, history, start)
            if actors:
                for f in inside:
                    found.remove(f)
                    self.nested.append(f)
                added.append(Mention(start, end, actors, "description", self.text[start:end]))
        for m in _BARE_MINISTRY.finditer(self.masked, s.start, s.end):
            start, end = m.start(), m.end()
            if any(f.start < end and start < f.end for f in found + added):
                continue
            actors = self._resolve_ministry(m, history, start)
            if actors:
                added.append(Mention(start, end, actors, "description", self.text[start:end]))
        for m in _PLURAL.finditer(self.text, s.start, s.end):
            start, end = m.start(), m.end()
            if any(f.start < end and start < f.end for f in found):
                continue
            n = _NUMBERS.get(m.group("n") or "", 2)
            states: list[str] = []
            if m.group("head") in ("sides", "leaders", "parties", "ministers", "men", "women"):
                # "the two sides agreed" after a meeting of two people: those people
                states = self._recent_people(history, start, n, s)
            if len(states) != n:
                # "the United States called on both countries": not the caller itself
                skip: set[str] = set()
                if _OBJECT_BEFORE.search(self.text, max(s.start, start - 12), start):
                    skip = {a for f in found if s.start <= f.start < start for a in f.actors}
                states = self._recent_states(history, start, n, skip)
            if len(states) == n:
                added.append(Mention(start, end, tuple(states), "plural", self.text[start:end]))
        if not added:
            return found
        return sorted(found + added, key=lambda x: x.start)

    def _recent_people(self, history: list[Mention], before: int, n: int, s: Sentence
                       ) -> list[str]:
        """The last n people named within the two sentences before `before`."""
        k = next((i for i, x in enumerate(self.sentences) if x.start == s.start), 0)
        since = self.sentences[max(0, k - 2)].start
        out: list[str] = []
        for m in reversed(history):
            if m.start >= before:
                continue
            if m.start < since:
                break
            for a in reversed(m.actors):
                if self.book.is_person(a) and a not in out:
                    out.append(a)
        return out[:n] if len(out) == n else []

    def _recent_states(self, history: list[Mention], before: int, n: int,
                       skip: set[str] | frozenset = frozenset()) -> list[str]:
        out: list[str] = []
        for m in reversed(history):
            if m.start >= before:
                continue
            for a in reversed(m.actors):
                if self.book.type_of(a) == "State" and a not in out and a not in skip:
                    out.append(a)
            if len(out) >= n:
                break
        return out[:n]

    def _resolve_description(self, m: re.Match[str], history: list[Mention], pos: int
                             ) -> tuple[str, ...]:
        head = m.group("head").lower()
        adj = (m.group("adj") or "").replace("·", ".")
        if adj.lower() in _TITLE_ADJECTIVES:
            adj = ""
            head = m.group("adj").lower() + " " + head
        state = self._state_in(adj) if adj else None
        if adj and not state and head in ("administration", "government"):
            # "the Trump administration": the state of the leader it is named after
            leader = self.surnames.get(adj) or self.registry_surnames.get(adj)
            if leader:
                if leader in self.book.registry:
                    self.book.ensure(leader)
                state = self.book.state_of.get(leader)
                if state:
                    self.book.ensure(state)
        if adj and not state:
            return ()
        if head in _FORCES:
            return self._forces(state, history, pos)
        if head in ("paper", "newspaper"):
            # "the paper warned": the newspaper named last
            return next((prev.actors[:1] for prev in reversed(history) if prev.start < pos
                         and prev.actors and self.book.news_media(prev.actors[0])), ())
        if head in ("north", "south"):
            return self._compass_state(head)
        if head in ("regime", "government", "administration", "leadership", "country",
                    "kremlin", "army", "military"):
            if state:
                return (state,)
            if head == "regime":
                topic = self._running_topic(history, pos)
                return (topic,) if topic else ()
            if head == "country":
                states = self._recent_states(history, pos, 1)
                return tuple(states)
            if head == "government":
                # "The Government" in a ministry's own statement: the ministry's state
                home = self._home_state()
                return (home,) if home else ()
            return ()
        words = head.split()
        # "the coast guard", "the panel": a body, never the official named with its title
        body = head in _BODY_HEADS
        for prev in reversed(history):
            if prev.start >= pos:
                continue
            for a in prev.actors:
                actor = self.book.actors.get(a)
                if actor is None:
                    continue
                if state and self.book.state_of.get(a) != state:
                    continue
                if words[-1] in self.book.titles.get(a, set()) and not (
                        body and actor.type in ("Official", "Person")):
                    return (a,)
                label = actor.label.lower()
                if actor.type == "Institution" and words[-1] in label.split():
                    return (a,)
                if actor.type in ("Official", "Person") and body:
                    for aff in actor.affiliations:
                        org = self.book.actors.get(aff)
                        if org and org.type == "Institution" and \
                                words[-1] in org.label.lower().split():
                            return (aff,)
                if words[-1].startswith("spokes") and prev.form == "spokes":
                    return (a,)
        own = self._publisher_body()
        if not adj and own and words[-1] in self.book.actors[own].label.lower().split():
            return (own,)  # "The Ministry" in the ministry's own statement
        return ()

    def _publisher_body(self) -> str | None:
        """The actor of a publisher that is a body (a ministry, an agency), if any."""
        publisher = self.doc.publisher or ""
        own = self.book.named(publisher) if publisher else None
        return own if own and self.book.type_of(own) == "Institution" else None

    def _forces(self, state: str | None, history: list[Mention], pos: int) -> tuple[str, ...]:
        """'the Myanmar military' is an institution of its own; 'the military' is the one
        named last."""
        if state:
            e = self.book.registry.get(state)
            actor = self.book.new(f"{e.label if e else state} military", "Institution", (state,))
            self.book.state_of[actor] = state
            return (actor,)
        for prev in reversed(history):
            if prev.start < pos:
                for a in prev.actors:
                    actor = self.book.actors.get(a)
                    if actor and actor.label.endswith(" military"):
                        return (a,)
        return ()

    def _resolve_ministry(self, m: re.Match[str], history: list[Mention], pos: int
                          ) -> tuple[str, ...]:
        dep = (m.group("dep1") or m.group("dep2") or "").lower()
        department = _DEPARTMENTS.get(dep, dep.title())
        prefix = f"Ministry of {department} of "
        if m.group("its"):  # "Its Foreign Ministry": the ministry of the state named last
            states = self._recent_states(history, pos, 1)
            if not states:
                return ()
            e = self.book.registry.get(states[0])
            label = prefix + (e.label if e else states[0])
            actor = self.book.named(label) or self.book.new(label, "Institution", (states[0],))
            self.book.state_of.setdefault(actor, states[0])
            return (actor,)
        for prev in reversed(history):
            if prev.start < pos:
                for a in prev.actors:
                    actor = self.book.actors.get(a)
                    if actor and actor.label.startswith(prefix):
                        return (a,)
        topic = self._running_topic(history, pos)
        if topic is None:
            return ()
        e = self.book.registry.get(topic)
        actor = self.book.new(prefix + (e.label if e else topic), "Institution", (topic,))
        return (actor,)

    def _compass_state(self, head: str) -> tuple[str, ...]:
        best = None
        for e in self.book.registry.states():
            if e.label.lower().startswith(head + " "):
                n = self.counts.get(e.id, 0) + (1 if e.id in self.book.actors else 0)
                if best is None or n > best[0]:
                    best = (n, e.id)
        if best and best[0] > 0:
            self.book.ensure(best[1])
            return (best[1],)
        return ()

    def _running_topic(self, history: list[Mention], pos: int) -> str | None:
        counts: Counter[str] = Counter()
        for m in history:
            if m.start < pos:
                for a in m.actors:
                    if self.book.type_of(a) == "State":
                        counts[a] += 1
        return counts.most_common(1)[0][0] if counts else None

    def _mark_use(self, m: Mention) -> None:
        after = self.text[m.end:m.end + 30]
        m.possessive = bool(_POSSESSIVE_S.match(after))
        nxt = _NEXT_WORD.match(after)
        if nxt and m.form in ("name", "capital", "institution") and not m.possessive:
            m.attributive = nxt.group(1) in _ATTRIBUTIVE_STOP


_OFFICE = re.compile(r"[’']s\s+(?:private\s+|press\s+)?[Oo]ffice\b(?!\s+(?:of|for)\b)")
_CAPITALISED = re.compile(r"[A-Z](?<!\w[A-Z])[\w’'-]+\b")
_POSSESSIVE_S = re.compile(r"[’']s\b")
_NEXT_WORD = re.compile(r"(?:[’']s)?\s+([a-z]+)")
_HYPHENED_NAME = re.compile(r"\b([A-Z][a-z]{1,11}) ([A-Z][a-z]{1,10}-[a-z]{1,8})\b(?![’'-])")
_HYPHENED_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")
def _words_back(text: str, floor: int, pos: int, n: int = 9) -> int:
    """The start of the n-th white-space-separated word before `pos` (not before `floor`):
    a titled name ("Japan's Vice Foreign Minister X") starts within a few words of its title."""
    for _ in range(n):
        k = pos - 1
        while k > floor and text[k].isspace():
            k -= 1
        while k > floor and not text[k - 1].isspace():
            k -= 1
        if k <= floor:
            return floor
        pos = k
    return pos


_SURNAMES: dict[int, tuple[Registry, dict[str, str]]] = {}
# the state a phrase names depends only on the registry: shared by all documents
_STATE_CACHE: dict[int, tuple[Registry, dict[str, str | None]]] = {}


def _registry_surnames(registry: Registry) -> dict[str, str]:
    """Surname -> registry person, computed once per registry."""
    cached = _SURNAMES.get(id(registry))
    if cached is None or cached[0] is not registry:
        table: dict[str, str] = {}
        for e in registry.entries.values():
            if e.type in ("Official", "Person"):
                table.setdefault(_surname(e.label), e.id)
        cached = (registry, table)
        _SURNAMES[id(registry)] = cached
    return cached[1]


def _surname(name: str) -> str:
    parts = name.replace("-", " - ").split()
    words = [p for p in name.split() if p]
    if not words:
        return name
    if len(words) >= 2 and (words[0].lower() in _SURNAME_FIRST or _HYPHENED_GIVEN.fullmatch(
            words[-1])):
        return words[0]  # "Lai Ching-te", "Moon Jae-in": the family name comes first
    return words[-1] if parts else name


def spokes_prefix(text: str, start: int) -> re.Match[str] | None:
    """'a spokesperson for the ' right before an institution mention starting at `start`."""
    if text.find("spokes", max(0, start - 40), start) < 0:
        return None  # the common case, without a pattern search
    return _SPOKES.search(text[max(0, start - 40):start])


__all__ = ["ActorBook", "Mention", "MentionFinder", "mask", "spokes_prefix", "field"]
