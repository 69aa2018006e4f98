"""defgraph: a knowledge graph of defence cooperation, extracted from news articles.

In Python or a notebook: `kg = defgraph.open("defgraph-store")`, then `kg.ingest(paths)`,
`kg.query(text_or_name).to_pandas()`, `kg.graph(...)` (networkx) and `kg.viz(out)`.
"""

__version__ = "0.1.0"

from .api import KnowledgeGraph, Rows, open  # noqa: E402  (after __version__, which the CLI imports)

__all__ = ["open", "KnowledgeGraph", "Rows", "__version__"]
