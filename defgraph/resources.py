"""Files shipped with defgraph: the ontology, its shapes, competency queries and gazetteers."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ONTOLOGY_DIR = PACKAGE_DIR / "ontology"
QUERIES_DIR = PACKAGE_DIR / "queries"
DATA_DIR = PACKAGE_DIR / "data"

ONTOLOGY_FILE = ONTOLOGY_DIR / "defgraph.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

COMPETENCY_QUERIES = ("persons", "organizations", "equipment", "transfers", "meetings",
                      "agreements", "trainings", "countries")
DEAL_QUERIES = ("deals", "deal-history", "conflicts")     # across articles (the deals graph)
QUERY_NAMES = COMPETENCY_QUERIES + DEAL_QUERIES           # what `defgraph query NAME` takes


def query_file(name: str) -> Path:
    """The file of a competency query by name (e.g. `transfers`)."""
    return QUERIES_DIR / f"{name}.rq"


def competency_queries() -> dict[str, str]:
    """All competency queries, name → SPARQL text."""
    return {name: query_file(name).read_text(encoding="utf-8") for name in COMPETENCY_QUERIES}
