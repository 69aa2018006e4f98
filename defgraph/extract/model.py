"""The plain data that flows between extraction stages: mentions, entities, events, facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from ..articles import Article
from .amounts import Money

# Entity families: the top-level ontology class an entity belongs to.
PERSON, AGENCY, COUNTRY, EQUIPMENT = "Person", "Agency", "Country", "Equipment"
KIT = "kit"  # Mention.source of a kind of equipment that is an item's only name ("six patrol vessels")


@dataclass
class Mention:
    """A span of the article's text that names something."""

    start: int
    end: int
    text: str
    family: str                 # Person, Agency, Country, Equipment, or "role"
    key: str | None = None      # the entity this mention resolves to
    source: str = "gazetteer"   # gazetteer, pattern, context, demonym, acronym, ...
    form: str | None = None     # for gazetteer matches: name, alias, acronym, demonym, capital
    inside: bool = False        # a country inside another name ("Royal Netherlands Navy")
    head: bool = False          # a system named with its category noun ("Bulldog armoured carriers")
    role: str | None = None     # for titles: the normalised role
    plural: bool = False        # for titles: "defence ministers"
    of_country: str | None = None  # for titles: the country after "of" ("Minister of Defence of Ukraine")


@dataclass(frozen=True)
class EntityFacts:
    """What the gazetteer (or the context) knows of an entity beyond its name; keys of entities."""

    country: str | None = None          # an organisation's country
    parent: str | None = None           # an organisation's parent organisation
    origin: str | None = None           # a system's country of origin
    manufacturer: str | None = None     # a system's maker
    wikidata: str | None = None
    iso2: str | None = None
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()


@dataclass
class Entity:
    """Something the article names: its canonical name, class and attributes."""

    key: str
    family: str
    cls: str                               # most specific ontology class local name
    name: str
    aliases: set[str] = field(default_factory=set)
    role: str | None = None
    country: str | None = None             # key of a Country entity
    organization: str | None = None        # key of an Agency entity
    parent: str | None = None              # key of a parent Agency entity
    origin: str | None = None              # key of the Country a system comes from, when in the facts
    manufacturer: str | None = None        # key of the Agency that makes a system, likewise
    facts: EntityFacts = field(default_factory=EntityFacts)
    canonical: str | None = None           # the gazetteer's name
    gazetteer: bool = False                # found in the gazetteer
    implied: bool = False                  # not named in the article: an event or a fact refers to it
    variant_of: str | None = None          # key of the system whose variant this is, named beside it
    roles: list[tuple[str, bool]] = field(default_factory=list)  # titles seen beside a person (role, plural)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a fact and where it is in the article's text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Role:
    """One role an entity takes in an event: the Event field that holds it and the ontology
    property that states it."""

    field: str            # attribute of Event: "supplier", "participants", ...
    prop: str             # local name in the dg: namespace: "supplier", "participant", ...
    many: bool = False    # the field is a list


@dataclass(frozen=True)
class EventKind:
    """A kind of event: its ontology class, its roles, and what makes two reports the same event."""

    cls: str
    roles: tuple[Role, ...]
    identity: tuple[str, ...]          # fields that make two events of this kind one
    label: str                         # how a report of this kind is labelled, as a format string
    joiner: str = " – "                # between the names of a role that holds several

    def keys(self, ev: "Event") -> list[str]:
        """The entity keys that the event's roles name, in role order."""
        out: list[str] = []
        for role in self.roles:
            value = getattr(ev, role.field)
            out.extend(value if role.many else [value] if value else [])
        return out


PLACE = Role("place", "place")
KINDS: dict[str, EventKind] = {k.cls: k for k in (
    EventKind("Transfer", (Role("supplier", "supplier"), Role("recipient", "recipient"),
                           Role("equipment", "equipment", many=True), PLACE),
              ("supplier", "recipient", "equipment"), "{supplier} → {recipient}: {equipment} ({status})", ", "),
    EventKind("Meeting", (Role("participants", "participant", many=True), Role("equipment", "equipment", many=True),
                          PLACE),
              ("participants",), "meeting: {participants}"),
    EventKind("Agreement", (Role("parties", "party", many=True), PLACE),
              ("parties", "kind"), "{kind}: {parties}"),
    EventKind("Training", (Role("provider", "provider"), Role("trainee", "trainee"), PLACE),
              ("provider", "trainee"), "{provider} trains {trainee}{count}"),
    EventKind("JointProduction", (Role("participants", "participant", many=True),
                                  Role("equipment", "equipment", many=True), PLACE),
              ("participants",), "joint production: {participants}"),
)}
ROLE_PROPERTIES = tuple(dict.fromkeys(r.prop for k in KINDS.values() for r in k.roles))


@dataclass
class Event:
    """A meeting, transfer, agreement, training or joint production."""

    cls: str                                   # Meeting, Transfer, Agreement, Training, JointProduction
    evidence: Evidence
    confidence: float = 0.5
    supplier: str | None = None
    recipient: str | None = None
    equipment: list[str] = field(default_factory=list)
    status: str | None = None                  # delivered, pledged, ordered, discussed
    participants: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    kind: str | None = None                    # agreement kind
    date: Date | str | None = None             # a date, or "YYYY-MM" / "YYYY"
    provider: str | None = None
    trainee: str | None = None
    count: int | None = None
    place: str | None = None
    quantity: int | None = None                # how many items a transfer moves ("54 Abrams tanks")
    whole: int | None = None                   # the order or pledge a part belongs to ("the first 4 of 16": 16)
    value: Money | None = None                 # what a transfer or agreement is worth ("C$2.3 billion")

    @property
    def kind_of(self) -> EventKind:
        return KINDS[self.cls]

    def signature(self) -> tuple:
        """What makes two events the same event, for de-duplication and stable IRIs."""
        values = [getattr(self, f) for f in self.kind_of.identity]
        return (self.cls, *(tuple(sorted(v)) if isinstance(v, list) else v for v in values))


@dataclass
class Facts:
    """Everything extracted from one article."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what was noticed but left out, and why
