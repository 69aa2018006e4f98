"""Counts of what the graph holds: one way to count entities, used by ingest, `stats` and the graph legend."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable

from .entail import inferred_prefix, ontology_hierarchy
from .namespaces import DG
from .store import GraphStore

ENTITY_FAMILIES = ("Person", "Agency", "Country", "Equipment")
NAMED = "entities named in articles"
GAZETTEER_ONLY = "entities known only from the gazetteer"

# each stated (not inferred) dg: type of each thing, and whether an article names it
TYPES_QUERY = """SELECT DISTINCT ?x ?c ?g ?named WHERE {
  GRAPH ?g { ?x a ?c }
  FILTER(STRSTARTS(STR(?c), STR(dg:)))
  BIND(EXISTS { ?x dg:mentionedIn ?article } AS ?named)
}"""


@dataclass
class EntityCounts:
    """Distinct things by class: those named in an article, and those known only from the gazetteer."""

    named: Counter = field(default_factory=Counter)
    gazetteer_only: Counter = field(default_factory=Counter)

    def lines(self) -> list[str]:
        """The two counts as labelled lines, e.g. 'entities named in articles: Company 19, …'."""
        return [f"{label}: " + (", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none")
                for label, counts in ((NAMED, self.named), (GAZETTEER_ONLY, self.gazetteer_only))]


def most_specific(classes: Iterable[str]) -> str:
    """The class a thing is counted and drawn under: a subclass before its family, then by name."""
    return min(classes, key=lambda c: (c in (*ENTITY_FAMILIES, "Event"), c))


@dataclass
class EntityTally:
    """Things seen so far, each IRI once: its classes, and whether any article names it."""

    classes: dict[str, set[str]] = field(default_factory=dict)
    named: dict[str, bool] = field(default_factory=dict)

    def add(self, iri: str, cls: str, named: bool) -> None:
        self.classes.setdefault(iri, set()).add(cls)
        self.named[iri] = self.named.get(iri, False) or named

    def counts(self) -> EntityCounts:
        """By most specific class: the things some article names, and the others."""
        out = EntityCounts()
        for iri, classes in self.classes.items():
            (out.named if self.named[iri] else out.gazetteer_only)[most_specific(classes)] += 1
        return out


def count_entities(rows: Iterable[tuple[str, str, bool]]) -> EntityCounts:
    """Count (IRI, class local name, named in an article?) rows: each IRI once, under its most
    specific class, as named when any row names it."""
    tally = EntityTally()
    for row in rows:
        tally.add(*row)
    return tally.counts()


def family_of(cls: str) -> str | None:
    """The entity family (Person, Agency, Country, Equipment) or Event of a dg: class's local name."""
    if cls in (*ENTITY_FAMILIES, "Event"):
        return cls
    above = ontology_hierarchy().superclasses.get(str(DG[cls]), frozenset())
    return next((f for f in (*ENTITY_FAMILIES, "Event") if str(DG[f]) in above), None)


def store_counts(store: GraphStore) -> tuple[EntityCounts, EntityCounts]:
    """Entities and events in the store, counted by `count_entities`."""
    inferred = inferred_prefix(store.base_iri)
    rows = [(r["x"], r["c"][len(str(DG)):], r["named"] == "true") for r in store.select(TYPES_QUERY)
            if not r["g"].startswith(inferred)]
    families = {c: family_of(c) for c in {c for _, c, _ in rows}}
    return (count_entities(r for r in rows if families[r[1]] in ENTITY_FAMILIES),
            count_entities(r for r in rows if families[r[1]] == "Event"))


def graph_stats(store: GraphStore) -> dict[str, dict[str, int]]:
    """Articles and store size; entities by class (named in articles, known only from the
    gazetteer); events by class."""
    articles = store.select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a dg:Article }")
    entities, events = store_counts(store)
    return {
        "store": {"articles": int(articles[0]["n"]), "quads": store.count(),
                  "named graphs": len(store.graphs())},
        NAMED: dict(sorted(entities.named.items())),
        GAZETTEER_ONLY: dict(sorted(entities.gazetteer_only.items())),
        "events": dict(sorted(events.named.items())),
    }
