"""defgraph: a knowledge graph of defence cooperation, extracted from news articles."""

__version__ = "0.1.0"
