"""Counts of what the graph holds."""

from __future__ import annotations

from .store import GraphStore

CLASS_COUNTS = """
PREFIX dg: <https://w3id.org/defgraph/ontology#>
SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {
  ?x a ?c . ?x dg:mentionedIn ?a .
  BIND(STRAFTER(STR(?c), "#") AS ?class)
  FILTER(STRSTARTS(STR(?c), STR(dg:)))
} GROUP BY ?class ORDER BY ?class
"""


def graph_stats(store: GraphStore) -> dict[str, dict[str, int]]:
    """Articles, entities and events by class, and store size."""
    rows = store.select(CLASS_COUNTS)
    articles = store.select("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a dg:Article }")
    return {
        "store": {"articles": int(articles[0]["n"]), "quads": store.count(),
                  "named graphs": len(store.graphs())},
        "classes": {r["class"]: int(r["n"]) for r in rows},
    }
