"""defgraph's side: its entities read from the store, reconciled, and the links or an imported file written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS, XSD

from ..linkset import SEMAPV, link_graph, link_triples
from ..namespaces import DG, VOID, Minter, slugify
from ..store import GraphStore, values
from .matching import (DEFAULT_THRESHOLD, FAMILIES, Decision, LinkError, Local, decide, knowledge, normalize,
                       score_pair)
from .sources import describe_external, find_candidates, open_source, rdf_file_format


def local_query(families: Iterable[str]) -> str:
    """defgraph's entities of the families (classes under `dg:` family), with their names and keys."""
    from ..namespaces import ONTOLOGY_IRI

    return f"""
SELECT ?e ?cls ?fam ?k ?v WHERE {{
  {values("fam", [ox.NamedNode(str(DG) + f) for f in families])}
  {values("ontology", [ox.NamedNode(ONTOLOGY_IRI)])}
  GRAPH ?eg {{ ?e a ?cls }}
  GRAPH ?ontology {{ ?cls rdfs:subClassOf* ?fam }}
  {{ ?e rdfs:label ?v BIND("label" AS ?k) }}
  UNION {{ ?e skos:altLabel ?v BIND("alias" AS ?k) }}
  UNION {{ ?e dg:acronym ?v BIND("acronym" AS ?k) }}
  UNION {{ ?e dg:nationality|dg:agencyCountry|dg:origin ?v BIND("country" AS ?k) }}
  UNION {{ ?e dg:isoCode ?v BIND("iso" AS ?k) }}
  UNION {{ ?e dg:role ?v BIND("role" AS ?k) }}
}}
"""

COUNTRY_KEYS_QUERY = """
SELECT ?c ?v WHERE { ?c a dg:Country . { ?c rdfs:label|skos:altLabel|dg:isoCode|owl:sameAs ?v } }
"""


def local_entities(store: GraphStore, families: Iterable[str] = FAMILIES) -> list[Local]:
    """defgraph's entities of some families, with the keys of their countries."""
    query = local_query(families)
    country_keys: dict[str, set[str]] = {}
    for row in store.select(COUNTRY_KEYS_QUERY):
        v = row["v"]
        keys = country_keys.setdefault(row["c"], {row["c"]})
        keys.add(v if v.startswith(("http://", "https://")) else normalize(v))
    out: dict[str, Local] = {}
    for row in store.select(query):
        e, value = row["e"], row["v"]
        if e not in out:
            out[e] = Local(e, row["fam"].rsplit("#", 1)[-1], row["cls"], "")
        elif row["cls"] != row["fam"]:   # keep the most specific class
            out[e].cls = row["cls"]
        loc = out[e]
        kind = row["k"]
        if kind == "label":
            loc.label = loc.label or value
            loc.aliases.add(value)
        elif kind == "alias":
            loc.aliases.add(value)
        elif kind == "acronym":
            loc.acronyms.add(value)
        elif kind == "country":
            loc.countries |= country_keys.get(value, {value})
        elif kind == "iso":
            loc.iso = value
        elif kind == "role":
            loc.roles.add(value)
    for loc in out.values():
        loc.aliases.discard(loc.label)
    return sorted((x for x in out.values() if x.label), key=lambda x: x.iri)


# --- the whole run ------------------------------------------------------------------------------

@dataclass
class LinkReport:
    """What a reconciliation found, and where it was (or would be) written."""

    source: str
    graph: str
    entities: int
    candidates: int
    decisions: list[Decision]

    @property
    def same(self) -> list[Decision]:
        return [d for d in self.decisions if d.same]

    @property
    def close(self) -> list[Decision]:
        return [d for d in self.decisions if not d.same]

    def table(self) -> str:
        """A review table: one line per link, best first within each entity."""
        rows = [("link", "score", "defgraph entity", "class", "other entity", "method")]
        for d in self.decisions:
            m = d.match
            rows.append(("sameAs" if d.same else "closeMatch", f"{m.score:.2f}", m.local.label,
                         m.local.cls.rsplit("#", 1)[-1], f"{m.external.title} <{m.external.iri}>",
                         m.method))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
        return "".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1] + "\n"
                       for r in rows)


def graph_name(target: str) -> str:
    """A readable name for the link graph of a file or an endpoint."""
    if re.match(r"https?://", target):
        return slugify(re.sub(r"^https?://", "", target))
    return slugify(Path(target).stem)


def reconcile(store: GraphStore, target: str, *, families: Iterable[str] = FAMILIES,
              threshold: float = DEFAULT_THRESHOLD) -> LinkReport:
    """Match the store's entities against another dataset (nothing is written)."""
    families = list(families)
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        raise LinkError(f"unknown --type {', '.join(unknown)}: use {', '.join(FAMILIES)}")
    kb = knowledge()
    source = open_source(target)
    locals_ = local_entities(store, families)
    candidates = describe_external(source, find_candidates(source, locals_, kb), kb)
    matches = [m for loc in locals_ for ext in candidates.values()
               if (m := score_pair(loc, ext, kb)) is not None]
    minter = Minter(store.base_iri)
    return LinkReport(source.iri, link_graph(minter, graph_name(target)), len(locals_),
                      len(candidates), decide(matches, threshold))


def link_graph_triples(report: LinkReport, minter: Minter, created: datetime | None = None) -> Graph:
    """The link graph of a report: the links, their descriptions, and the linkset's description."""
    g = Graph()
    for d in report.decisions:
        m = d.match
        for t in link_triples(m.local.iri, URIRef(d.predicate), m.external.iri, minter,
                              justification=SEMAPV.LexicalMatching, source=report.source,
                              confidence=m.score, comment=m.method):
            g.add(t)
    ls = URIRef(report.graph)
    g.add((ls, RDF.type, VOID.Linkset))
    g.add((ls, VOID.objectsTarget, URIRef(report.source)))
    g.add((ls, DCTERMS.source, URIRef(report.source)))
    g.add((ls, VOID.linkPredicate, OWL.sameAs))
    g.add((ls, VOID.linkPredicate, SKOS.closeMatch))
    g.add((ls, DCTERMS.created, Literal((created or datetime.now(timezone.utc)).isoformat(
        timespec="seconds"), datatype=XSD.dateTime)))
    return g


def write_links(store: GraphStore, report: LinkReport) -> int:
    """Replace the report's link graph in the store; the number of triples written."""
    g = link_graph_triples(report, Minter(store.base_iri))
    store.remove_graph(report.graph)
    store.load(g.serialize(format="nt", encoding="utf-8"), "ntriples", graph=report.graph)
    store.flush()
    return len(g)


# --- importing another dataset ------------------------------------------------------------------

def import_file(store: GraphStore, path: str | Path, graph: str) -> int:
    """Load an RDF file into a named graph of its own (replacing it); the number of triples in it.

    Every triple goes into `graph`, whatever graph a dataset format put it in. The file is parsed
    in full before anything changes, so a bad file leaves the store as it was.
    """
    import pyoxigraph as ox

    path = Path(path)
    fmt = rdf_file_format(path).name
    try:
        ox.NamedNode(graph)
    except ValueError:
        raise LinkError(f"--graph {graph!r} is not an absolute IRI") from None
    minter = Minter(store.base_iri)
    from ..namespaces import ONTOLOGY_IRI
    if graph in (minter.entities_graph, ONTOLOGY_IRI) or graph.startswith(
            (minter.base + "id/", minter.base + "graph/links/")):
        raise LinkError(f"--graph {graph}: that graph belongs to defgraph; import into another IRI")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LinkError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    try:
        store.write_graph(data, fmt, graph, replace=True, base_iri=path.resolve().as_uri())
    except (SyntaxError, ValueError) as exc:
        raise LinkError(f"{path}: not valid {fmt} ({exc}); nothing was imported") from None
    store.flush()
    return store.count(graph)
