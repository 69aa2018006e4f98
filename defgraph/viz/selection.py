"""Narrowing a graph of entities and events: by dates, types, a query's rows, an entity's neighbourhood."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Iterable

import networkx as nx
import pyoxigraph as ox

from ..names import fold
from .build import ENTITY_FAMILIES, EVENT_FAMILY, VizError, _local, ontology_classes


def _keep_events(G: nx.MultiDiGraph, keep: set[str], named: Iterable[str] = ()) -> set[str]:
    """Add event nodes that still join two kept entities (or were named)."""
    named = set(named)
    for n, d in G.nodes(data=True):
        if d["kind"] == "event":
            if n in named or len(set(nx.all_neighbors(G, n)) & keep) >= 2:
                keep.add(n)
    return keep


def filter_dates(G: nx.MultiDiGraph, since: date | None = None, until: date | None = None) -> nx.MultiDiGraph:
    """Only what articles issued between `since` and `until` (inclusive) say."""
    if since is None and until is None:
        return G
    if since and until and since > until:
        raise VizError(f"--since {since} is after --until {until}")
    arts = G.graph["articles"]
    ok = {a for a, info in arts.items() if info["date"] is not None
          and (since is None or info["date"] >= since) and (until is None or info["date"] <= until)}
    keep = {n for n, d in G.nodes(data=True) if ok.intersection(d["articles"])}
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in keep)
    for u, v, k, d in G.edges(keys=True, data=True):
        # entity descriptions from the gazetteer (no article) hold whenever both ends are shown
        if u in keep and v in keep and (not d.get("articles") or ok.intersection(d["articles"])):
            H.add_edge(u, v, key=k, **d)
    for n in H:
        H.nodes[n]["sentences"] = [s for s in G.nodes[n]["sentences"] if s[1] in ok]
    return H


def class_names(types: Iterable[str]) -> set[str]:
    """Ontology classes named by `types` (case-insensitive), with all their subclasses."""
    classes = ontology_classes()
    by_fold = {c.lower(): c for c in (*classes, *ENTITY_FAMILIES, EVENT_FAMILY)}
    out: set[str] = set()
    for raw in types:
        name = raw.strip()
        if not name:
            continue
        cls = by_fold.get(name.lower())
        if cls is None:
            raise VizError(f"--type {name!r}: not a class; one of {', '.join(sorted(by_fold.values()))}")
        out |= {c for c, info in classes.items() if c == cls or info.family == cls}
        out.add(cls)
    return out


def filter_types(G: nx.MultiDiGraph, types: Iterable[str]) -> nx.MultiDiGraph:
    """Only entities of the named classes; event nodes that still join two of them stay,
    unless event classes are named too, then only those."""
    wanted = class_names(types)
    if not wanted:
        return G
    keep = {n for n, d in G.nodes(data=True) if d["kind"] == "entity" and d["cls"] in wanted}
    named_events = {n for n, d in G.nodes(data=True) if d["kind"] == "event" and d["cls"] in wanted}
    if named_events or any(ontology_classes()[c].family == EVENT_FAMILY for c in wanted if c in ontology_classes()):
        keep |= named_events
    else:
        _keep_events(G, keep)
    return G.subgraph(keep).copy()


@dataclass(frozen=True)
class Cell:
    """One bound value of a SELECT row: an IRI, or a literal (matched to entity labels)."""

    variable: str
    value: str
    iri: bool


@dataclass
class Selection:
    """What a query's answer names: IRIs, literal values (matched to labels), triples (of a
    CONSTRUCT) and rows (of a SELECT; None for a CONSTRUCT)."""

    iris: set[str] = field(default_factory=set)
    literals: set[str] = field(default_factory=set)
    triples: list[tuple[str, str, str]] = field(default_factory=list)
    rows: list[list[Cell]] | None = None


def selection_from_result(result: object) -> Selection:
    """The selection named by a SELECT (solutions) or CONSTRUCT (triples) result from Oxigraph."""
    sel = Selection()

    def take(term: object) -> None:
        if isinstance(term, ox.NamedNode):
            sel.iris.add(term.value)
        elif isinstance(term, ox.Literal):
            sel.literals.add(term.value)

    if isinstance(result, ox.QueryBoolean):
        raise VizError("an ASK query names nothing to draw; use SELECT or CONSTRUCT")
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        sel.rows = []
        for row in result:
            cells = []
            for n in names:
                term = row[n]
                take(term)
                if isinstance(term, (ox.NamedNode, ox.Literal)):
                    cells.append(Cell(n, term.value, isinstance(term, ox.NamedNode)))
            sel.rows.append(cells)
        return sel
    for triple in result:
        take(triple.subject)
        take(triple.object)
        if isinstance(triple.subject, ox.NamedNode) and isinstance(triple.object, ox.NamedNode):
            sel.triples.append((triple.subject.value, triple.predicate.value, triple.object.value))
    return sel


def _name_index(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for n, d in G.nodes(data=True):
        if d["kind"] == "entity":
            for name in (d["label"], *d["aliases"]):
                index[fold(name).strip()].add(n)
    return index


def select(G: nx.MultiDiGraph, sel: Selection) -> nx.MultiDiGraph:
    """The part of the graph a query's answer names (by IRI, or by entity label/alias): a
    SELECT's rows (`draw_rows`), or a CONSTRUCT's IRIs with the stored edges between them and
    its triples as extra edges."""
    if sel.rows is not None:
        return draw_rows(G, sel.rows)
    index = _name_index(G)
    keep = {i for i in sel.iris if i in G}
    for value in sel.literals:
        keep |= index.get(fold(value).strip(), set())
    named_events = {n for n in keep if G.nodes[n]["kind"] == "event"}
    for n in named_events:
        keep |= set(nx.all_neighbors(G, n))
    # an event collapsed into edges is named by its IRI: keep its participants
    events = {i for i in sel.iris if i not in G}
    if events:
        for u, v, d in G.edges(data=True):
            if d.get("event") in events:
                keep |= {u, v}
    _keep_events(G, keep, named_events)
    H = G.subgraph(keep).copy()
    for s, p, o in sel.triples:
        if s in H and o in H and s != o and not H.has_edge(s, o) and not H.has_edge(o, s):
            H.add_edge(s, o, key=f"q:{p}", relation=_local(p), predicate=_local(p), articles=[])
    return H


def draw_rows(G: nx.MultiDiGraph, rows: list[list[Cell]]) -> nx.MultiDiGraph:
    """The entities a SELECT's rows name, and for each row an edge between each two of them
    labelled with their variables ("supplier → recipient", in the order of the projection),
    once however many rows repeat it (`rows` counts them). An event a row names by IRI brings
    its own edges; the store's other relations between the entities are not drawn."""
    index = _name_index(G)
    drawn_by = _edges_by_event(G)
    H = nx.MultiDiGraph(**G.graph)
    for row in rows:
        named: list[tuple[str, str]] = []      # (variable, node), in projection order
        for cell in row:
            if not cell.iri:
                named += [(cell.variable, n) for n in sorted(index.get(fold(cell.value).strip(), ()))]
            elif cell.value in G and G.nodes[cell.value]["kind"] == "entity":
                named.append((cell.variable, cell.value))
            for u, v, k, d in drawn_by.get(cell.value, ()) if cell.iri else ():
                H.add_nodes_from([(u, G.nodes[u]), (v, G.nodes[v])])
                H.add_edge(u, v, key=k, **d)
        H.add_nodes_from((n, G.nodes[n]) for _, n in named)
        for (va, a), (vb, b) in combinations(named, 2):
            if a == b:
                continue
            key = f"row:{va}:{vb}"
            if H.has_edge(a, b, key):
                H.edges[a, b, key]["rows"] += 1
            else:
                H.add_edge(a, b, key=key, relation=f"{va} → {vb}", predicate="query", articles=[], rows=1)
    return H


def _edges_by_event(G: nx.MultiDiGraph) -> dict[str, list[tuple[str, str, str, dict]]]:
    """The edges that draw each event: a collapsed event's, or those of an event node."""
    out: dict[str, list[tuple[str, str, str, dict]]] = defaultdict(list)
    for u, v, k, d in G.edges(keys=True, data=True):
        if d.get("event"):
            out[d["event"]].append((u, v, k, d))
    return out


def find_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The node an entity name (label, alias or IRI) denotes; an error when none or several."""
    if name in G:
        return name
    key = fold(name).strip()
    exact = sorted(n for n, d in G.nodes(data=True)
                   if d["kind"] == "entity" and fold(d["label"]).strip() == key)
    found = exact or sorted(_name_index(G).get(key, ()))
    if not found:
        raise VizError(f"--focus {name!r}: no entity has this name or alias")
    if len(found) > 1:
        names = "; ".join(f"{G.nodes[n]['label']} <{n}>" for n in found)
        raise VizError(f"--focus {name!r} is ambiguous: {names} (give the IRI instead)")
    return found[0]


def neighbourhood(G: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """Everything within `depth` entity-to-entity steps of one entity (an event node is passed
    on the way in events-as-nodes mode)."""
    if depth < 0:
        raise VizError(f"--depth {depth}: must be 0 or more")
    centre = find_entity(G, name)
    kind = nx.get_node_attributes(G, "kind")
    # a step through an event node (entity → event → entity) counts as one step
    step = lambda u, v, _: 0.5 if "event" in (kind[u], kind[v]) else 1.0  # noqa: E731
    near = nx.single_source_dijkstra_path_length(G.to_undirected(as_view=True), centre,
                                                 cutoff=depth, weight=step)
    H = G.subgraph(near).copy()
    H.graph["focus"] = centre
    return H
