"""Undoing a wrong merge: a report set apart by hand (dg:separateDeal in the graph
`{base}graph/deal-corrections`) is merged only with the reports set apart with the same label."""

from __future__ import annotations

import pyoxigraph as ox

from ..namespaces import DG, Minter
from ..store import OxigraphStore, StoreError, insert_data

REPORT_QUERY = """ASK { ?event dg:mentionedIn ?article ; a ?cls . VALUES ?cls { dg:Transfer dg:Meeting dg:Agreement } }"""


def corrections_graph(minter: Minter) -> str:
    """The named graph of the merge corrections made by hand."""
    return f"{minter.base}graph/deal-corrections"


def article_graphs(store: OxigraphStore) -> list[str]:
    """The store's article graphs."""
    prefix = Minter(store.base_iri).iri("article", "")
    return [g for g in store.graphs() if g.startswith(prefix)]


def separate(store: OxigraphStore, event: str, label: str | None) -> None:
    """Set an article's event apart from its merged event under `label` (reports set apart with
    the same label form one of their own), or with `label` None join it again, in one update that
    the deals graph follows (only the merged nodes the report was in or is now in are recomputed;
    a crash before it has caught up leaves the store marked for a rebuild at the next writable open)."""
    try:
        node = ox.NamedNode(event)
    except ValueError:
        raise StoreError(f"{event!r} is not an IRI") from None
    if not store.query(REPORT_QUERY, substitutions={ox.Variable("event"): node}):
        raise StoreError(f"{event}: no transfer, meeting or agreement of an article has this IRI "
                         "(see the report IRIs with `defgraph query deal-history`)")
    minter = Minter(store.base_iri)
    graph = ox.NamedNode(corrections_graph(minter))
    prop = ox.NamedNode(str(DG.separateDeal))
    ops = [f"DELETE WHERE {{ GRAPH {graph} {{ {node} {prop} ?label }} }}"]
    if label is not None:
        ops.append(insert_data([ox.Quad(node, prop, ox.Literal(label), graph)]))
    store.update(" ;\n".join(ops))
    if not store.deals_built():     # defgraph's stores follow every update; another may not
        store.rebuild_deals(article_graphs(store))
