"""Reconciliation: match defgraph's entities with entities of another RDF dataset (a file or a SPARQL endpoint).

Matching is what an analyst does by hand: a name in common (label, alias, acronym, in any
language), then the class (a person, a country, a ministry, a weapon) and the context (the
country: nationality, seat, origin; the role). A conflicting class or country rules a
candidate out; a name alone never makes a link. The pure functions (`normalize`,
`score_pair`, `decide`) do the matching; `reconcile` reads both sides and `write_links`
stores the outcome in a named graph of its own.
"""

from .matching import (DEFAULT_THRESHOLD, FAMILIES, Decision, External, LinkError, Local, Match, decide,
                       knowledge, normalize, score_pair)
from .reconcile import LinkReport, import_file, local_entities, reconcile, write_links
from .sources import open_source

__all__ = ["reconcile", "write_links", "score_pair", "decide", "normalize", "Local", "External",
           "LinkReport", "LinkError", "knowledge", "local_entities", "open_source", "import_file",
           "Decision", "Match", "FAMILIES", "DEFAULT_THRESHOLD"]
