"""RDF in the store → a networkx graph of entities and events (the filters that narrow it: `selection`)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from itertools import combinations

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import RDFS

from ..deals import deals_graph
from ..entail import inferred_prefix
from ..extract.model import ROLE_PROPERTIES
from ..namespaces import DG, Minter
from ..resources import ONTOLOGY_FILE
from ..store import GraphStore

ENTITY_FAMILIES = ("Person", "Agency", "Country", "Equipment")
EVENT_FAMILY = "Event"
KIND_FAMILY = {"person": "Person", "agency": "Agency", "country": "Country", "equipment": "Equipment"}
EVENT_MODES = ("edges", "nodes")

# entity → entity relations drawn as edges, with their labels
RELATIONS = {"memberOf": "member of", "nationality": "nationality", "agencyCountry": "country",
             "parentAgency": "part of", "origin": "origin", "manufacturer": "made by",
             "country": "country"}
# event → entity roles
ROLES = ROLE_PROPERTIES
EVENT_ATTRS = ("status", "agreementKind", "date", "personnelCount", "evidence")
ENTITY_ATTRS = ("role", "altLabel", "acronym", "mentionedIn")

_DGNS = str(DG)
_PREDICATES = " ".join(f"dg:{p}" for p in (*RELATIONS, *ROLES, *EVENT_ATTRS, "role", "acronym",
                                              "mentionedIn")) + " rdf:type rdfs:label skos:altLabel"
def facts_query(inferred: str, deals: str) -> str:
    """The facts the view draws, from every graph but those whose names start with `inferred`
    and the graph `deals` of merged events (the articles' own events are drawn)."""
    return f"""SELECT ?s ?p ?o ?g WHERE {{
  VALUES ?p {{ {_PREDICATES} }}
  VALUES (?inferred ?deals) {{ ({ox.Literal(inferred)} {ox.NamedNode(deals)}) }}
  GRAPH ?g {{ ?s ?p ?o }}
  FILTER(!STRSTARTS(STR(?g), ?inferred) && ?g != ?deals)
}}"""
ARTICLES_QUERY = """SELECT ?a ?title ?issued WHERE {
  ?a a dg:Article .
  OPTIONAL { ?a dcterms:title ?title }
  OPTIONAL { ?a dcterms:issued ?issued }
}"""


class VizError(ValueError):
    """A graph view that cannot be drawn as asked; the message says why."""


@dataclass(frozen=True)
class OntologyClass:
    name: str       # local name, e.g. "Ministry"
    label: str      # e.g. "Ministry"
    family: str     # Person, Agency, Country, Equipment, Event


@lru_cache(maxsize=1)
def ontology_classes() -> dict[str, OntologyClass]:
    """Every dg: class below an entity family or Event, by local name."""
    g = Graph()
    g.parse(ONTOLOGY_FILE, format="turtle")
    out: dict[str, OntologyClass] = {}
    for family in (*ENTITY_FAMILIES, EVENT_FAMILY):
        for cls in g.transitive_subjects(RDFS.subClassOf, DG[family]):
            name = str(cls)[len(_DGNS):] if str(cls).startswith(_DGNS) else None
            if name:
                label = str(g.value(cls, RDFS.label) or name)
                out[name] = OntologyClass(name, label[:1].upper() + label[1:], family)
    return out


@dataclass
class _Thing:
    iri: str
    types: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)    # graph → label
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    articles: set[str] = field(default_factory=set)
    attrs: dict[str, str] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def _local(iri: str) -> str:
    return iri[len(_DGNS):] if iri.startswith(_DGNS) else iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None


def read_facts(store: GraphStore, max_facts: int | None = None) -> tuple[dict[str, _Thing], dict[str, dict], bool]:
    """Everything the view needs from the store: described things, articles by IRI, and
    whether the facts were cut at `max_facts`."""
    things: dict[str, _Thing] = {}
    entities_graph = store.base_iri.rstrip("/#") + "/graph/entities"
    # the view draws what articles state: inferred graphs are left out in the query itself, so
    # that a cut at max_facts counts stated facts only
    query = facts_query(inferred_prefix(store.base_iri), deals_graph(Minter(store.base_iri)))
    # the solutions as they come, each term's text once: a dict per row costs a third of the time
    solutions = store.query(query if max_facts is None else f"{query} LIMIT {max_facts + 1}")
    predicates: dict[str, str] = {}
    n = 0
    for s_term, p_term, o_term, g_term in solutions:
        n += 1
        if max_facts is not None and n > max_facts:
            break
        if s_term is None or o_term is None:
            continue
        s, o, g = s_term.value, o_term.value, g_term.value
        p = predicates.get(p_term.value) or predicates.setdefault(p_term.value, _local(p_term.value))
        t = things.get(s)
        if t is None:
            t = things[s] = _Thing(s)
        if p == "type":
            if o.startswith(_DGNS):
                t.types.add(o[len(_DGNS):])
        elif p == "label":
            # the entities graph holds the canonical name
            t.labels["" if g == entities_graph else g] = o
        elif p in ("altLabel", "acronym"):
            t.aliases.add(o)
        elif p == "role":
            t.roles.add(o)
        elif p == "mentionedIn":
            t.articles.add(o)
        elif p in EVENT_ATTRS:
            t.attrs[p] = _local(o) if p == "status" else o
        else:
            t.links[p].append(o)
            if g != entities_graph:
                t.links["@graph:" + p + "|" + o].append(g)
    articles = {}
    for row in store.select(ARTICLES_QUERY):
        a = row["a"]
        if a and a not in articles:
            articles[a] = {"title": row["title"] or a, "issued": row["issued"],
                           "date": _parse_date(row["issued"])}
    return things, articles, max_facts is not None and n > max_facts


def _classify(t: _Thing) -> tuple[str, str] | None:
    """(most specific class, family) of a thing, or None when it is neither entity nor event."""
    classes = ontology_classes()
    known = [classes[c] for c in sorted(t.types) if c in classes]
    if known:
        specific = [c for c in known if c.name != c.family] or known
        return specific[0].name, specific[0].family
    parts = t.iri.rstrip("/").split("/")
    if len(parts) >= 3 and parts[-3] == "id" and parts[-2] in KIND_FAMILY:
        family = KIND_FAMILY[parts[-2]]
        return family, family
    return None


def _label(t: _Thing) -> str:
    if "" in t.labels:
        return t.labels[""]
    if t.labels:
        return t.labels[sorted(t.labels)[0]]
    return _local(t.iri).replace("-", " ")


def build_graph(store: GraphStore, events: str = "edges", max_facts: int | None = None) -> nx.MultiDiGraph:
    """The store's entities (and events) as a networkx multigraph.

    Nodes are keyed by IRI, with `label`, `cls` (ontology class), `family`, `aliases`, `roles`,
    `articles` and `sentences` (evidence of the events the node takes part in). Events are nodes
    joined to their participants (`events="nodes"`) or collapsed into labelled edges between
    them (`events="edges"`, e.g. France —supplied SAMP/T (pledged)→ Ukraine).
    """
    if events not in EVENT_MODES:
        raise VizError(f"events: {events!r} is not one of {', '.join(EVENT_MODES)}")
    things, articles, truncated = read_facts(store, max_facts)
    G = nx.MultiDiGraph(events=events, articles=articles, truncated=truncated)
    kinds = {iri: _classify(t) for iri, t in things.items()}
    # things only referred to (e.g. a country named as origin) still become nodes
    for t in list(things.values()):
        for p, targets in t.links.items():
            for o in targets:
                if not p.startswith("@") and o not in things:
                    ref = _Thing(o)
                    kind = _classify(ref)
                    if kind:
                        things[o], kinds[o] = ref, kind
    for iri, kind in kinds.items():
        if kind and kind[1] in ENTITY_FAMILIES:
            t = things[iri]
            G.add_node(iri, kind="entity", label=_label(t), cls=kind[0], family=kind[1],
                       aliases=sorted(t.aliases - {_label(t)}), roles=sorted(t.roles),
                       articles=sorted(t.articles), sentences=[])
    for iri, t in things.items():
        if iri not in G:
            continue
        for p, label in RELATIONS.items():
            for o in t.links.get(p, ()):
                if o in G:
                    G.add_edge(iri, o, key=f"{p}:{o}", relation=label, predicate=p,
                               articles=sorted(set(t.links.get(f"@graph:{p}|{o}", ()))))
    for iri, t in things.items():
        kind = kinds.get(iri)
        if kind and kind[1] == EVENT_FAMILY:
            _add_event(G, t, kind[0], events)
    return G


@dataclass(frozen=True)
class EdgeRule:
    """How an event of one kind is drawn as edges between the members of two roles: `verb` with
    the event's values that are set after it ("supplied {equipment}" + " ({status})")."""

    source: str
    target: str
    verb: str
    extras: tuple[str, ...] = ()      # values shown in brackets when set
    unless: str | None = None         # drawn only when this role names no one

    def label(self, values: dict[str, object]) -> str:
        """The edge's label for one event's values."""
        text = self.verb.format(**values).strip()
        shown = [str(values[k]) for k in self.extras if values.get(k)]
        return text + (f" ({', '.join(shown)})" if shown else "")


# one table: each kind of event, drawn as the edges between its roles
EDGE_RULES: dict[str, tuple[EdgeRule, ...]] = {
    "Transfer": (EdgeRule("supplier", "recipient", "supplied {equipment}", ("status",)),
                 EdgeRule("recipient", "equipment", "receives", ("status",)),
                 EdgeRule("supplier", "equipment", "supplies", unless="recipient")),
    "Training": (EdgeRule("provider", "trainee", "trains", ("count",)),),
    "Agreement": (EdgeRule("party", "party", "signed {kind}"),),
    "Meeting": (EdgeRule("participant", "participant", "met"),),
    "JointProduction": (EdgeRule("participant", "participant", "co-produce {equipment}"),
                        EdgeRule("participant", "equipment", "co-produces")),
}


def _add_event(G: nx.MultiDiGraph, t: _Thing, cls: str, mode: str) -> None:
    roles = {r: [o for o in t.links.get(r, ()) if o in G] for r in ROLES}
    members = sorted({o for r in ROLES for o in roles[r]})
    if not members:
        return
    articles = sorted(t.articles)
    evidence = t.attrs.get("evidence")
    sentence = [(evidence, articles[0] if articles else None)] if evidence else []
    for m in members:
        if sentence:
            G.nodes[m]["sentences"].extend(sentence)
    common = dict(event=t.iri, event_cls=cls, evidence=evidence, articles=articles,
                  date=t.attrs.get("date"))
    name = lambda iri: G.nodes[iri]["label"]  # noqa: E731
    if mode == "nodes":
        label = _label(t) if t.labels else ontology_classes()[cls].label
        G.add_node(t.iri, kind="event", label=label, cls=cls, family=EVENT_FAMILY, aliases=[],
                   roles=[], articles=articles, sentences=sentence,
                   status=t.attrs.get("status"), date=t.attrs.get("date"))
        for r in ROLES:
            for o in roles[r]:
                src, dst = (o, t.iri) if r in ("supplier", "provider") else (t.iri, o)
                G.add_edge(src, dst, key=f"{r}:{t.iri}", relation=r, predicate=r, **common)
        return
    values = {"status": t.attrs.get("status"), "count": t.attrs.get("personnelCount"),
              "kind": t.attrs.get("agreementKind") or "agreement",
              "equipment": ", ".join(sorted(name(e) for e in roles["equipment"]))}
    edges: list[tuple[str, str, str, bool]] = []      # (from, to, label, directed)
    for rule in EDGE_RULES.get(cls, EDGE_RULES["JointProduction"]):
        if rule.unless and roles[rule.unless]:
            continue
        label = rule.label(values)
        if rule.source == rule.target:   # among the members of one role: each pair once, undirected
            edges += [(a, b, label, False) for a, b in combinations(sorted(roles[rule.source]), 2)]
        else:
            edges += [(a, b, label, True) for a in roles[rule.source] for b in roles[rule.target]]
    for src, dst, label, directed in edges:
        if src != dst:
            G.add_edge(src, dst, key=f"{t.iri}:{src}:{dst}", relation=label, predicate=cls,
                       directed=directed, **common)
