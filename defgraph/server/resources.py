"""Resource pages: every IRI defgraph mints ({base}id/<kind>/<slug>) dereferences here,
as HTML (facts, labels, aliases, neighbours, sources) or as RDF by content negotiation."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request

from ..namespaces import DG, PREFIXES, RDF, RDFS, SKOS
from ..results import Results, Term
from .core import HttpError, current_state
from ..formats import family
from .deal_page import deal_record, is_merged
from .executor import QueryTask
from .protocol import negotiate, outcome_response

bp = Blueprint("resources", __name__)

PAGE_ROWS = 1000      # facts shown on one page
EVIDENCE_ROWS = 200   # sentences shown on one page
PAGE_VALUE_CHARS = 2000   # characters of one value shown on a page; the rest is in the RDF
SERVED_RDF = family("rdf", served=True)   # what its pages and answers offer

# ?iri is bound to the page's IRI by the engine (a substitution), never spliced into the text;
# a SELECT must project it for that. Each SELECT is followed by its LIMIT.
FACTS_QUERY = """
SELECT ?iri ?dir ?p ?o ?label ?g WHERE {
  { GRAPH ?g { ?iri ?p ?o } BIND("out" AS ?dir) }
  UNION
  { GRAPH ?g { ?o ?p ?iri } BIND("in" AS ?dir) }
  OPTIONAL { ?o rdfs:label ?label }
}"""

EVIDENCE_QUERY = """
SELECT DISTINCT ?iri ?event ?eventLabel ?sentence ?article ?title WHERE {
  # events naming the thing, a merged event's reports, or the event itself (bound by its own
  # pattern: a substituted ?iri is not seen by a BIND alone, which then matched every event)
  { ?event ?role ?iri } UNION { ?iri dg:report ?event } UNION { ?iri dg:evidence [] BIND(?iri AS ?event) }
  ?event dg:evidence ?sentence .
  OPTIONAL { ?event rdfs:label ?eventLabel }
  OPTIONAL { ?event dg:mentionedIn ?article OPTIONAL { ?article dcterms:title ?title } }
}"""

ARTICLES_QUERY = """
SELECT DISTINCT ?iri ?article ?title ?issued WHERE {
  ?iri dg:mentionedIn ?article .
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?article dcterms:issued ?issued }
} ORDER BY DESC(?issued)"""

DESCRIBE_QUERY = "CONSTRUCT { ?iri ?p ?o . ?s ?q ?iri } WHERE { { ?iri ?p ?o } UNION { ?s ?q ?iri } }"
EXISTS_QUERY = "ASK { { ?iri ?p ?o } UNION { ?s ?q ?iri } }"


@dataclass
class Link:
    """An RDF term as shown on a page: its text, and a local page when defgraph minted it."""

    text: str
    href: str | None = None
    iri: str | None = None
    note: str = ""       # language or datatype of a literal


@dataclass
class Fact:
    prop: Link
    value: Link
    source: Link | None


@dataclass
class Entity:
    iri: str
    labels: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    types: list[Link] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    incoming: list[Fact] = field(default_factory=list)
    articles: list[dict] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)
    truncated: bool = False

    @property
    def title(self) -> str:
        return self.labels[0] if self.labels else self.iri.rsplit("/", 1)[-1]


def local_href(iri: str, base: str) -> str | None:
    """The path of the page of a minted IRI on this server, None for other IRIs."""
    if iri.startswith(base + "id/"):
        return request.script_root + "/" + iri[len(base):]
    return None


def short_name(iri: str) -> str:
    """A prefixed name (dg:supplier) for IRIs in a known namespace, else the IRI."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _term(term: Term | None, base: str, label: str | None = None) -> Link:
    if term is None:
        return Link("")
    value = term.value
    if isinstance(term, ox.NamedNode):
        href = local_href(value, base)
        return Link(_shown(label) if label else short_name(value), href, value)
    if isinstance(term, ox.BlankNode):
        return Link("_:" + value)
    note = term.language or short_name(term.datatype.value).replace("xsd:string", "")
    return Link(_shown(value), note=note)


def _shown(text: str) -> str:
    """A value as a page shows it: cut after PAGE_VALUE_CHARS characters."""
    return text if len(text) <= PAGE_VALUE_CHARS else text[:PAGE_VALUE_CHARS] + " […]"


def _select(query: str, iri: str, limit: int) -> tuple[list[dict[str, Term | None]], bool]:
    """The rows (RDF terms, None where unbound) of a page's query about `iri`, and whether cut at `limit`."""
    state = current_state()
    task = QueryTask(f"{query} LIMIT {limit + 1}", tabular="json", row_cap=None, bindings=(("iri", iri),))
    outcome = state.run(task)
    if outcome.kind == "error":
        raise HttpError(outcome.status, outcome.message)
    rows = Results.from_json(outcome.body, truncated=bool(outcome.truncated)).terms or []
    return rows[:limit], len(rows) > limit


def _value(term: Term | None) -> str | None:
    return None if term is None else term.value


def describe(iri: str) -> Entity | None:
    """Everything a page shows about one IRI; None when the store says nothing about it."""
    base = current_state().base_iri
    rows, truncated = _select(FACTS_QUERY, iri, PAGE_ROWS)
    if not rows:
        return None
    entity = Entity(iri, truncated=truncated)
    seen: set[tuple] = set()
    for row in rows:
        p, o = row["p"].value, row["o"]
        key = (row["dir"].value, p, o.value, _value(row.get("g")))
        if key in seen:   # one row per label of the neighbour: keep the first
            continue
        seen.add(key)
        label = _value(row.get("label"))
        g = row.get("g")
        source = _term(g, base) if g else None
        if row["dir"].value == "in":
            entity.incoming.append(Fact(_term(row["p"], base), _term(o, base, label), source))
        elif p == str(RDFS.label):
            entity.labels.append(_shown(o.value)) if _shown(o.value) not in entity.labels else None
        elif p == str(SKOS.altLabel):
            entity.aliases.append(_shown(o.value)) if _shown(o.value) not in entity.aliases else None
        elif p == str(RDF.type):
            entity.types.append(_term(o, base))
        elif p != str(DG.text):
            entity.facts.append(Fact(_term(row["p"], base), _term(o, base, label), source))
    arts, _ = _select(ARTICLES_QUERY, iri, EVIDENCE_ROWS)
    entity.articles = [{"link": _term(a["article"], base, _value(a.get("title"))),
                        "issued": (_value(a.get("issued")) or "")[:10]} for a in arts]
    ev, _ = _select(EVIDENCE_QUERY, iri, EVIDENCE_ROWS)
    entity.evidence = [{"sentence": _shown(e["sentence"].value),
                        "event": _term(e["event"], base, _value(e.get("eventLabel"))),
                        "article": _term(e["article"], base, _value(e.get("title")))
                        if e.get("article") is not None else None} for e in ev]
    return entity


@bp.route("/id/<kind>/<path:slug>")
def resource(kind: str, slug: str) -> Response:
    """The page of a minted IRI: HTML for browsers, Turtle/JSON-LD/N-Triples/RDF-XML by Accept."""
    state = current_state()
    iri = f"{state.base_iri}id/{kind}/{slug}"
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise HttpError(404, f"not a valid IRI: {iri!r}") from None
    fmt = negotiate(request, SERVED_RDF, html=True)
    if fmt != "html":
        known = state.run(QueryTask(EXISTS_QUERY, boolean="json", bindings=(("iri", iri),)))
        if known.kind == "boolean" and not json.loads(known.body)["boolean"]:
            raise HttpError(404, f"nothing is known about <{iri}>")
        task = QueryTask(DESCRIBE_QUERY, graph=fmt, row_cap=state.settings.row_cap,
                         bindings=(("iri", iri),))
        return outcome_response(state.run(task))
    entity = describe(iri)
    if entity is None:
        html = render_template("not_found.html", iri=iri)
        return Response(html, status=404, content_type="text/html; charset=utf-8")
    html = render_template("resource.html", e=entity, base=state.base_iri,
                           formats=SERVED_RDF,
                           deal=deal_record(iri) if is_merged(kind) else None)
    return Response(html, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})

