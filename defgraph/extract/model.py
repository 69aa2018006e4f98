"""The plain data that flows between extraction stages: mentions, entities, events, facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from ..articles import Article
from .amounts import Money

# Entity families: the top-level ontology class an entity belongs to.
PERSON, AGENCY, COUNTRY, EQUIPMENT = "Person", "Agency", "Country", "Equipment"


@dataclass
class Mention:
    """A span of the article's text that names something."""

    start: int
    end: int
    text: str
    family: str                 # Person, Agency, Country, Equipment, or "role"/"title"
    key: str | None = None      # the entity this mention resolves to
    source: str = "gazetteer"   # gazetteer, pattern, context, demonym, acronym, ...
    info: dict = field(default_factory=dict)


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
    attrs: dict = field(default_factory=dict)  # gazetteer facts: iso2, origin, manufacturer, wikidata
    mentions: list[Mention] = field(default_factory=list)


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a fact and where it is in the article's text."""

    text: str
    start: int
    end: int


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
    value: Money | None = None                 # what a transfer or agreement is worth ("C$2.3 billion")

    def signature(self) -> tuple:
        """What makes two events the same event, for de-duplication and stable IRIs."""
        if self.cls == "Transfer":
            return (self.cls, self.supplier, self.recipient, tuple(sorted(self.equipment)))
        if self.cls == "Training":
            return (self.cls, self.provider, self.trainee)
        if self.cls == "Agreement":
            return (self.cls, tuple(sorted(self.parties)), self.kind)
        return (self.cls, tuple(sorted(self.participants)))


@dataclass
class Facts:
    """Everything extracted from one article."""

    article: Article
    entities: dict[str, Entity] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # what was noticed but left out, and why
