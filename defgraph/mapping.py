"""Facts → RDF on the defgraph ontology: one named graph per article, plus entity descriptions."""

from __future__ import annotations

from datetime import date as Date
from typing import Callable

from rdflib import Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from .canonical import canonical_class, canonical_keys, canonical_role
from .extract import MAX_CHARS
from .extract.model import Entity, Event, Facts
from .linkset import GAZETTEER_GRAPH, add_all, gazetteer_links, link_graph
from .namespaces import DG, SCHEMA, Minter, short_hash

FAMILY_KIND = {"Person": "person", "Agency": "agency", "Country": "country", "Equipment": "equipment"}


def entity_iri(key: str, minter: Minter) -> URIRef:
    """The IRI of an entity from its extraction key `Family:slug`."""
    family, _, slug = key.partition(":")
    return URIRef(minter.iri(FAMILY_KIND[family], slug))


def article_iri(article_id: str, minter: Minter) -> URIRef:
    return URIRef(minter.iri("article", article_id))


def event_iri(article_id: str, event: Event, minter: Minter) -> URIRef:
    return URIRef(minter.iri(event.cls.lower(), event_id(article_id, event)))


def event_id(article_id: str, event: Event) -> str:
    """A stable identifier of an event within its article."""
    return f"{article_id[:8]}-{short_hash(repr(event.signature()), length=10)}"


def _date_literal(value: Date | str) -> Literal:
    if isinstance(value, Date):
        return Literal(value.isoformat(), datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    if len(value) == 4:
        return Literal(value, datatype=XSD.gYear)
    return Literal(value, datatype=XSD.date)


def to_rdf(facts: Facts, minter: Minter | None = None) -> Dataset:
    """The RDF of one article's facts: its own graph and the merged-entities graph."""
    minter = minter or Minter()
    art = facts.article
    a_iri = article_iri(art.id, minter)
    ds = Dataset()
    g = ds.graph(a_iri)
    ent = ds.graph(URIRef(minter.entities_graph))
    links = ds.graph(URIRef(link_graph(minter, GAZETTEER_GRAPH)))  # owl:sameAs with their sources

    g.add((a_iri, RDF.type, DG.Article))
    g.add((a_iri, RDFS.label, Literal(art.title)))
    g.add((a_iri, DCTERMS.title, Literal(art.title)))
    g.add((a_iri, DG.identifier, Literal(art.id)))
    g.add((a_iri, DG.text, Literal(art.text[:MAX_CHARS])))   # what extraction read, no more
    if art.published:
        g.add((a_iri, DCTERMS.issued, Literal(art.published.isoformat(), datatype=XSD.dateTime)))
    if art.source_file:
        g.add((a_iri, DG.sourceFile, Literal(art.source_file)))
    if art.url:
        g.add((a_iri, SCHEMA.url, Literal(art.url, datatype=XSD.anyURI)))
    if art.publisher:
        g.add((a_iri, DCTERMS.publisher, Literal(art.publisher)))

    canon = canonical_keys(facts.entities)
    iri_of = lambda key: entity_iri(canon.get(key, key), minter)  # noqa: E731
    # variants that share a key: the one already under it first, so that its name is the label
    for entity in sorted(facts.entities.values(), key=lambda e: canon[e.key] != e.key):
        _entity(entity, canon[entity.key], g, ent, links, a_iri, iri_of, minter)
    for event in facts.events:
        _event(event, g, a_iri, art.id, facts, iri_of, minter)
    return ds


def _entity(e: Entity, key: str, g, ent, links, a_iri: URIRef, iri_of: Callable[[str], URIRef],
            minter: Minter) -> None:
    """The triples of one entity stored under `key` (its own, or the one its variants share)."""
    iri = entity_iri(key, minter)
    ent.add((iri, RDF.type, DG[canonical_class(e, key)]))
    if ent.value(iri, RDFS.label) is None:  # variants under one key: the first one's name, whatever the hash order
        ent.add((iri, RDFS.label, Literal(e.name)))
    if not e.implied:
        g.add((iri, DG.mentionedIn, a_iri))
    # every written form, the name included: another article may have named the entity first
    for alias in sorted(e.aliases | {e.name}):
        g.add((iri, SKOS.altLabel, Literal(alias)))
    if e.role:
        g.add((iri, DG.role, Literal(canonical_role(e.role))))
    if e.country:
        prop = {"Person": DG.nationality, "Agency": DG.agencyCountry}.get(e.family, DG.country)
        target = g if e.family in ("Person", "Agency") else ent
        target.add((iri, prop, iri_of(e.country)))
    if e.organization:
        g.add((iri, DG.memberOf, iri_of(e.organization)))
    if e.parent:
        g.add((iri, DG.parentAgency, iri_of(e.parent)))
    facts = e.facts
    for alias in facts.aliases:
        ent.add((iri, SKOS.altLabel, Literal(alias)))
    if facts.iso2:
        ent.add((iri, DG.isoCode, Literal(facts.iso2)))
    for acronym in facts.acronyms:
        g.add((iri, DG.acronym, Literal(acronym)))
    if e.origin:
        ent.add((iri, DG.origin, iri_of(e.origin)))
    if e.manufacturer:
        ent.add((iri, DG.manufacturer, iri_of(e.manufacturer)))
    if e.variant_of:   # the article's reading (its reports of the family may be of this variant)
        g.add((iri, DG.variantOf, iri_of(e.variant_of)))
    if facts.wikidata:
        add_all(links, gazetteer_links(str(iri), e.family, facts.wikidata, minter))


def _event(ev: Event, g, a_iri: URIRef, article_id: str, facts: Facts, iri_of: Callable[[str], URIRef],
           minter: Minter) -> None:
    iri = event_iri(article_id, ev, minter)
    name = lambda key: facts.entities[key].name if key in facts.entities else key  # noqa: E731
    g.add((iri, RDF.type, DG[ev.cls]))
    g.add((iri, DG.identifier, Literal(event_id(article_id, ev))))
    g.add((iri, DG.mentionedIn, a_iri))
    g.add((iri, DG.evidence, Literal(ev.evidence.text)))
    g.add((iri, DG.evidenceStart, Literal(ev.evidence.start)))
    g.add((iri, DG.evidenceEnd, Literal(ev.evidence.end)))
    g.add((iri, DG.confidence, Literal(round(ev.confidence, 2), datatype=XSD.decimal)))
    kind = ev.kind_of
    for role in kind.roles:
        value = getattr(ev, role.field)
        for key in (value if role.many else [value] if value else []):
            g.add((iri, DG[role.prop], iri_of(key)))
    if ev.status:
        g.add((iri, DG.status, DG[ev.status]))
    if ev.kind:
        g.add((iri, DG.agreementKind, Literal(ev.kind)))
    if ev.count is not None:
        g.add((iri, DG.personnelCount, Literal(ev.count)))
    fields = {r.field: kind.joiner.join(map(name, getattr(ev, r.field))) if r.many else name(getattr(ev, r.field))
              for r in kind.roles}
    label = kind.label.format(**fields, status=ev.status, kind=ev.kind or "agreement",
                              count=f" ({ev.count})" if ev.count else "")
    if ev.quantity is not None:
        g.add((iri, DG.quantity, Literal(ev.quantity)))
    if ev.whole is not None:
        g.add((iri, DG.wholeQuantity, Literal(ev.whole)))
    if ev.value is not None:
        g.add((iri, DG.value, Literal(ev.value.amount, datatype=XSD.decimal)))
        g.add((iri, DG.currency, Literal(ev.value.currency)))
    if ev.date:
        g.add((iri, DG.date, _date_literal(ev.date)))
    g.add((iri, RDFS.label, Literal(label)))


__all__ = ["to_rdf", "entity_iri", "article_iri", "event_iri", "event_id"]
