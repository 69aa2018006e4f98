"""The query page at `/`: YASGUI (vendored, served from static/vendor/yasgui) configured for this
endpoint: the competency queries as examples, defgraph's prefixes, classes and properties for
autocompletion, permalinks (`/?query=…`), and result views that open /graph and /map."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from functools import lru_cache

from flask import Blueprint, Response, current_app, render_template
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from ..namespaces import DCTERMS, PREFIXES, PROV, RDFS, SCHEMA, SKOS
from ..resources import ONTOLOGY_FILE, competency_queries
from ..viz.geo import COUNTRY_COLUMN, FLOW_COLUMNS
from .core import current_state

bp = Blueprint("query_page", __name__)

# Everything the page may load comes from this server; it sends queries nowhere else.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self' data:; connect-src 'self'; frame-src 'self'; object-src 'none'; "
       "base-uri 'none'; form-action 'self'")

DEFAULT_QUERY = """PREFIX dg: <https://w3id.org/defgraph/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?person ?name WHERE { ?person a dg:Person ; rdfs:label ?name } LIMIT 20
"""

@dataclass(frozen=True)
class ResultView:
    """A result view beside the table: the server's page for the query, shown in a frame."""

    name: str
    label: str
    path: str
    needs: tuple[tuple[str, ...], ...] = ()   # offered when the result has all columns of one of these


# A view whose path the app does not serve is left out, so a page that another blueprint adds
# (e.g. /timeline) is offered once it exists.
RESULT_VIEWS = (ResultView("graph", "Graph", "/graph"),
                ResultView("map", "Map", "/map", needs=((COUNTRY_COLUMN,), FLOW_COLUMNS)),
                ResultView("timeline", "Timeline", "/timeline"))

# Terms of other vocabularies that defgraph's data uses, offered beside the ontology's own.
COMMON_PROPERTIES = (RDF.type, RDFS.label, RDFS.comment, SKOS.altLabel, SKOS.prefLabel, SKOS.closeMatch,
                     OWL.sameAs, DCTERMS.title, DCTERMS.issued, DCTERMS.source, PROV.wasDerivedFrom,
                     SCHEMA.url)


def script_json(value: object) -> str:
    """JSON safe to embed in an HTML <script> element (no <, >, &, U+2028/2029 left raw)."""
    text = json.dumps(value, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def examples() -> list[dict[str, str]]:
    """The competency queries: name, the question (the query's first comment line), text."""
    out = []
    for name, text in competency_queries().items():
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        question = first.lstrip("#").strip() if first.startswith("#") else name
        out.append({"name": name, "question": question, "query": text})
    return out


@lru_cache(maxsize=1)
def ontology_terms() -> dict[str, list[str]]:
    """The IRIs the editor completes: the ontology's classes (after `a`) and properties."""
    g = Graph()
    g.parse(ONTOLOGY_FILE, format="turtle")
    classes = {str(s) for s in g.subjects(RDF.type, OWL.Class)}
    properties = {str(s) for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                                      RDF.Property) for s in g.subjects(RDF.type, kind)}
    properties |= {str(p) for p in COMMON_PROPERTIES}
    return {"classes": sorted(c for c in classes if c.startswith("http")), "properties": sorted(properties)}


def result_views() -> list[dict[str, object]]:
    """The result views whose page this app serves."""
    served = {rule.rule for rule in current_app.url_map.iter_rules()}
    return [asdict(view) for view in RESULT_VIEWS if view.path in served]


@bp.route("/")
def query_page() -> Response:
    """The page; YASGUI sends its queries to /sparql."""
    state = current_state()
    config = {"examples": examples(), "base": state.base_iri, "prefixes": PREFIXES,
              "terms": ontology_terms(), "views": result_views(), "defaultQuery": DEFAULT_QUERY,
              "rowCap": state.settings.row_cap}
    page = render_template("query.html", examples=config["examples"], views=config["views"],
                           config=script_json(config))
    return Response(page, content_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": CSP})
