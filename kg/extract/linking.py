"""The actors of one document: registry entries it names, and actors new to the registry.

One actor per person across a document: "Kim Yo-jong", "Kim" and "Ms Kim" are one actor, as
are "Bruno Le Maire" and "Le Maire". New actors get a readable id of their label; a person is
an Official when an office is known for them, and keeps the offices and the state or body
the text gives them (for descriptions such as "the ambassador" and for affiliations).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..ids import slugify
from ..records import Actor
from ..registry import Registry
from .lexicon import lexicon

_slug = lru_cache(maxsize=16384)(slugify)


@dataclass
class Profile:
    """What the text says of an actor beyond its record: offices, gender, number."""

    offices: set[str] = field(default_factory=set)  # office words ("ambassador", "minister")
    gender: str | None = None  # "f" or "m", from titles and pronouns
    state: str | None = None  # the state it belongs to or represents
    unnamed: bool = False  # known by office alone ("the Ugandan ambassador")


class ActorBook:
    """The actors of one document, by id."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.actors: dict[str, Actor] = {}
        self.profiles: dict[str, Profile] = {}

    # ------------------------------------------------------------------ creating
    def ensure(self, entry_id: str) -> str:
        """The registry entry `entry_id` as an actor of the document."""
        if entry_id not in self.actors:
            e = self.registry.get(entry_id)
            if e is None:
                raise KeyError(entry_id)
            self.actors[entry_id] = Actor(
                id=e.id, label=e.label, type=e.type, aliases=list(e.aliases),
                wikidata=e.wikidata, affiliations=list(e.affiliations), in_registry=True)
            profile = self.profile(entry_id)
            profile.state = self._registry_state(e.id)
            words = e.label.lower().split()
            profile.offices |= {w for w in words if w in lexicon().offices}
        return entry_id

    def new(self, label: str, type_: str, affiliations: tuple[str, ...] = (),
            aliases: tuple[str, ...] = ()) -> str:
        """The actor labelled `label`: the registry's when it knows the label, else one new to
        the registry (created once)."""
        found = self.registry.lookup(label)
        if type_ in ("Person", "Official") and label.isupper() and " " not in label:
            type_ = "Institution"  # "CGTN", "AIIB": an acronym names no person
        if found:
            actor_id = self.ensure(found[0].id)
        else:
            actor_id = _slug(label)
            if actor_id in self.registry and self.registry.get(actor_id).label != label:
                actor_id = f"{actor_id}-{_slug(type_)}"
            if actor_id not in self.actors:
                self.actors[actor_id] = Actor(id=actor_id, label=label, type=type_)
        for a in affiliations:
            self.affiliate(actor_id, a)
        for alias in aliases:
            self.alias(actor_id, alias)
        return actor_id

    def affiliate(self, actor_id: str, other: str | None) -> None:
        """Record that `actor_id` belongs to or represents `other`."""
        if not other or other == actor_id or other not in self.actors:
            return
        actor = self.actors[actor_id]
        if other not in actor.affiliations:
            actor.affiliations.append(other)
        profile = self.profile(actor_id)
        if profile.state is None:
            profile.state = other if self.type_of(other) == "State" else self.state_of(other)

    def ministry(self, state: str, department: str, alias: str | None = None) -> str:
        """A state's ministry, labelled as the registry labels them ("Ministry of Foreign
        Affairs of North Korea"): the registry's entry when it has one."""
        name = lexicon().departments.get(department.lower(), department.title())
        state_id = self.ensure(state) if state not in self.actors else state
        actor = self.new(f"Ministry of {name} of {self.actors[state_id].label}", "Institution",
                         affiliations=(state_id,))
        if alias:
            self.alias(actor, alias)
        return actor

    def alias(self, actor_id: str, alias: str) -> None:
        actor = self.actors[actor_id]
        alias = alias.strip()
        if alias and alias != actor.label and alias not in actor.aliases:
            actor.aliases.append(alias)

    def make_official(self, actor_id: str, office: str | None) -> None:
        """A person known to hold an office is an Official."""
        actor = self.actors[actor_id]
        if office:
            self.profile(actor_id).offices.add(office.lower())
            if actor.type == "Person" and not actor.in_registry and \
                    office.lower() not in lexicon().person_roles:
                actor.type = "Official"

    # ------------------------------------------------------------------ looking up
    def profile(self, actor_id: str) -> Profile:
        p = self.profiles.get(actor_id)
        if p is None:
            p = self.profiles[actor_id] = Profile()
        return p

    def type_of(self, actor_id: str) -> str:
        a = self.actors.get(actor_id)
        return a.type if a else "Institution"

    def is_person(self, actor_id: str) -> bool:
        return self.type_of(actor_id) in ("Official", "Person")

    def state_of(self, actor_id: str) -> str | None:
        """The state an actor is, belongs to or represents, if known."""
        if self.type_of(actor_id) == "State":
            return actor_id
        p = self.profiles.get(actor_id)
        return p.state if p else None

    def news_media(self, actor_id: str) -> bool:
        """A news agency or outlet of the registry, which only carries what others say."""
        e = self.registry.get(actor_id)
        return bool(e and e.news_media)

    def people_named(self, name: str) -> list[str]:
        """Every person of the document this name may refer to (full or short form)."""
        key = name.lower()
        hits = []
        for actor in self.actors.values():
            if actor.type not in ("Official", "Person"):
                continue
            names = [actor.label, *actor.aliases]
            if any(n.lower() == key for n in names):
                return [actor.id]
            if any(_short_form(key, n.lower()) for n in names):
                hits.append(actor.id)
        return list(dict.fromkeys(hits))

    def registry_people_named(self, family: str) -> list[str]:
        """The registry's persons of this family name, when there is exactly one."""
        key = family.lower()
        hits = [e.id for e in self.registry.entries.values()
                if e.type in ("Official", "Person") and any(
                    _short_form(key, n.lower()) for n in e.names())]
        return [self.ensure(hits[0])] if len(hits) == 1 else []

    def person_named(self, name: str) -> str | None:
        """The person of the document this name refers to: the same full name, or a family
        name (or given and family name) of one person only."""
        hits = self.people_named(name)
        return hits[0] if len(hits) == 1 else None

    def acronym(self, text: str, besides: str | None = None) -> str | None:
        """The body of the document whose name or alias this acronym is ("RSF" of "Rapid
        Support Forces"), if exactly one (other than `besides`)."""
        hits = set()
        for actor in self.actors.values():
            if actor.type in ("Official", "Person") or actor.id == besides:
                continue
            for name in (actor.label, *actor.aliases):
                if name == text:
                    return actor.id
                words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
                if len(words) >= 2 and "".join(w[0] for w in words) == text:
                    hits.add(actor.id)
        return hits.pop() if len(hits) == 1 else None

    def _registry_state(self, entry_id: str, depth: int = 0) -> str | None:
        e = self.registry.get(entry_id)
        if e is None or depth > 4:
            return None
        if e.type == "State":
            return e.id
        for a in e.affiliations:
            found = self._registry_state(a, depth + 1)
            if found:
                return found
        return None


def _short_form(short: str, full: str) -> bool:
    """Whether `short` names the person `full` names: the family name ("Le Maire" of "Bruno
    Le Maire", "Kim" of "Kim Yo-jong"), or the full name with fewer given names."""
    if short == full or " " not in full:
        return False
    words, parts = short.split(), full.split()
    if full.endswith(" " + short):
        return True
    family_first = parts[0] in lexicon().family_first
    if family_first and words == parts[:len(words)] and len(words) < len(parts):
        return True
    # "Lula" for "Luiz Inacio Lula da Silva", "Jaishankar" for "S Jaishankar"
    return len(words) == 1 and len(words[0]) > 3 and words[0] in parts[1:]
