"""What a resource page adds for a merged event (a deal, meeting or agreement): its record, the
status history of its reports with their sentences, and the conflicts between them."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..deals.reports import MERGED_KINDS

# ?iri is bound by the engine (see resources._select); each query projects it
SUMMARY_QUERY = """
SELECT ?iri ?status ?quantity ?delivered ?value ?currency ?first ?last ?reports ?sources WHERE {
  ?iri dg:reportCount ?reports .
  OPTIONAL { ?iri dg:status/rdfs:label ?status }
  OPTIONAL { ?iri dg:quantity ?quantity }
  OPTIONAL { ?iri dg:deliveredQuantity ?delivered }
  OPTIONAL { ?iri dg:value ?value }
  OPTIONAL { ?iri dg:currency ?currency }
  OPTIONAL { ?iri dg:firstReported ?first }
  OPTIONAL { ?iri dg:lastReported ?last }
  OPTIONAL { ?iri dg:sourceCount ?sources }
}"""

HISTORY_QUERY = """
SELECT DISTINCT ?iri ?report ?issued ?status ?quantity ?article ?title ?sentence WHERE {
  ?iri dg:report ?report .
  ?report dg:mentionedIn ?article .
  OPTIONAL { ?article dcterms:issued ?issued }
  OPTIONAL { ?article dcterms:title ?title }
  OPTIONAL { ?report dg:status/rdfs:label ?status }
  OPTIONAL { ?report dg:quantity ?quantity }
  OPTIONAL { ?report dg:evidence ?sentence }
} ORDER BY ?issued ?article ?report ?sentence"""

CONFLICTS_QUERY = """
SELECT DISTINCT ?iri ?what ?label ?article1 ?title1 ?article2 ?title2 WHERE {
  ?iri dg:conflict ?c .
  ?c dg:conflictKind ?what ; dg:earlierReport/dg:mentionedIn ?article1 ; dg:laterReport/dg:mentionedIn ?article2 .
  OPTIONAL { ?c rdfs:label ?label }
  OPTIONAL { ?article1 dcterms:title ?title1 }
  OPTIONAL { ?article2 dcterms:title ?title2 }
} ORDER BY ?what ?article1 ?article2"""

ROWS = 500   # reports or conflicts shown on one page


@dataclass
class Report:
    """One report of a merged event as its page shows it."""

    date: str
    status: str
    quantity: str
    article: object              # resources.Link
    sentences: list[str] = field(default_factory=list)


@dataclass
class DealRecord:
    """The record of a merged event: summary values, history in report order, conflicts."""

    summary: dict[str, str]
    history: list[Report]
    conflicts: list[dict]


def is_merged(kind: str) -> bool:
    """Whether IRIs of this kind are merged events (deal, meeting-record, agreement-record)."""
    return kind in MERGED_KINDS.values()


def deal_record(iri: str) -> DealRecord | None:
    """The record of the merged event `iri` (None when the deals graph has none)."""
    from .resources import _select, _term, current_state

    base = current_state().base_iri
    summary, _ = _select(SUMMARY_QUERY, iri, 1)
    if not summary:
        return None
    values = {k: v.value for k, v in summary[0].items() if k != "iri" and v is not None}
    rows, _ = _select(HISTORY_QUERY, iri, ROWS * 4)
    history: dict[str, Report] = {}
    for r in rows:
        key = r["report"].value
        if key not in history:
            history[key] = Report(date=_text(r.get("issued"))[:10], status=_text(r.get("status")),
                                  quantity=_text(r.get("quantity")),
                                  article=_term(r["article"], base, _text(r.get("title")) or None))
        sentence = _text(r.get("sentence"))
        if sentence and sentence not in history[key].sentences:
            history[key].sentences.append(sentence)
    rows, _ = _select(CONFLICTS_QUERY, iri, ROWS)
    conflicts = [{"what": _text(r["what"]), "label": _text(r.get("label")),
                  "earlier": _term(r["article1"], base, _text(r.get("title1")) or None),
                  "later": _term(r["article2"], base, _text(r.get("title2")) or None)} for r in rows]
    return DealRecord(values, list(history.values())[:ROWS], conflicts)


def _text(term) -> str:
    """A bound term's value, or "" where the row leaves it unbound."""
    return "" if term is None else term.value
