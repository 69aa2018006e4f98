"""The record of one merged event from its reports: furthest status, quantities, value, dates,
sources and conflicts, as triples of the deals graph."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

import pyoxigraph as ox
from rdflib.namespace import RDF, RDFS, XSD

from ..namespaces import DG, Minter, short_hash
from .reports import MERGED_KINDS, Report

# how far a transfer has gone; a pledge and an order are the same stage
STAGE = {"discussed": 1, "pledged": 2, "ordered": 2, "delivered": 3}
_DG, _TYPE, _LABEL = str(DG), str(RDF.type), str(RDFS.label)
MERGED_CLASS = {"Transfer": "Deal", "Meeting": "MergedMeeting", "Agreement": "MergedAgreement"}


@dataclass(frozen=True)
class Conflict:
    """Two reports of one deal that disagree, in report order."""

    what: str          # quantity, order, backwards
    earlier: Report
    later: Report


def merged_iri(key: tuple[str, ...], minter: Minter) -> str:
    """The IRI of the merged node of a key: stable for as long as the key is."""
    return minter.iri(MERGED_KINDS[key[0]], short_hash(*key))


def in_order(reports: list[Report]) -> list[Report]:
    """Reports by date (undated last), then by their article's publication time (reports of one
    day in the order they were published), then article and event."""
    return sorted(reports, key=lambda r: (r.date or "9999", r.published, r.article, r.event))


def ordered_quantity(r: Report) -> int | None:
    """The number a report states was ordered or pledged: an order's or pledge's own quantity, or
    the whole a delivered part belongs to ("the first 4 of 16 arrived": 16)."""
    if STAGE.get(r.status or "") == 2:
        return r.quantity
    return r.whole if STAGE.get(r.status or "") == 3 else None


def conflicts(reports: list[Report]) -> list[Conflict]:
    """Where the reports of a deal disagree: a different quantity for an order or pledge than the
    one stated before, beside the report that first stated that one (once for two numbers: a
    report going back to a number stated before restates a disagreement already recorded); a
    delivery reported before any order or pledge; a report of talks after a later stage was
    reached (one that calls a delivered system "donated" or "bought" retells the deal and
    contradicts nothing)."""
    out: list[Conflict] = []
    staged = [r for r in in_order(reports) if r.status in STAGE]
    stated = None
    first_of: dict[int | None, Report] = {}
    disagreements: set[frozenset[int]] = set()
    for r in staged:
        if ordered_quantity(r) is not None:
            numbers = frozenset((ordered_quantity(stated), ordered_quantity(r))) if stated is not None else frozenset()
            if len(numbers) == 2 and numbers not in disagreements:
                out.append(Conflict("quantity", first_of[ordered_quantity(stated)], r))
                disagreements.add(numbers)
            stated = r
            first_of.setdefault(ordered_quantity(r), r)
    first_delivery = next((r for r in staged if STAGE[r.status] == 3), None)
    first_order = next((r for r in staged if STAGE[r.status] == 2), None)
    order_conflict = None
    if first_delivery and first_order and first_delivery.date and first_order.date \
            and first_delivery.date < first_order.date:
        order_conflict = Conflict("order", first_delivery, first_order)
        out.append(order_conflict)
    reached = None
    for r in staged:
        if reached is not None and STAGE[r.status] == 1 < STAGE[reached.status] and r.date != reached.date \
                and not (order_conflict and (reached, r) == (order_conflict.earlier, order_conflict.later)):
            out.append(Conflict("backwards", reached, r))
        if reached is None or STAGE[r.status] > STAGE[reached.status]:
            reached = r
    return out


@lru_cache(maxsize=None)
def _node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _lit(value: object, datatype: object = None) -> ox.Literal:
    return ox.Literal(str(value), datatype=ox.NamedNode(str(datatype))) if datatype else ox.Literal(str(value))


def _chosen(reports: list[Report]) -> list[tuple[str, str]]:
    """The members of a merged node: per role position, the IRI most reports use (ties: the first)."""
    by_position: dict[int, Counter] = {}
    for r in reports:
        for i, member in enumerate(r.members):
            by_position.setdefault(i, Counter())[member] += 1
    if reports[0].cls != "Transfer":   # participants and parties: the union of every report's
        return sorted({m for r in reports for m in r.members})
    # a Counter keeps first-seen order and max() the first of equals: ties go to the earliest report
    return [max(c, key=c.__getitem__) for _, c in sorted(by_position.items())]


def record_triples(key: tuple[str, ...], reports: list[Report], minter: Minter, graph: str,
                   label_of: Callable[[str], str]) -> set[ox.Quad]:
    """Every triple of the merged node of `key` (and its conflicts) in the deals graph; empty
    when no report is left."""
    if not reports:
        return set()
    reports = in_order(reports)
    g = ox.NamedNode(graph)
    node = ox.NamedNode(merged_iri(key, minter))
    out: set[ox.Quad] = set()

    def add(s: ox.NamedNode, p: str, o: object) -> None:
        out.add(ox.Quad(s, _node(p), o, g))

    cls = reports[0].cls
    add(node, _TYPE, _node(_DG + MERGED_CLASS[cls]))
    members = _chosen(reports)
    for prop, iri in members:
        add(node, _DG + prop, ox.NamedNode(iri))
    for r in reports:
        add(node, _DG + "report", ox.NamedNode(r.event))
    dates = [r.date for r in reports if r.date]
    if dates:
        add(node, _DG + "firstReported", _lit(min(dates), XSD.date))
        add(node, _DG + "lastReported", _lit(max(dates), XSD.date))
    add(node, _DG + "reportCount", _lit(len({r.article for r in reports}), XSD.integer))
    add(node, _DG + "sourceCount", _lit(len({r.source for r in reports}), XSD.integer))
    names = [label_of(iri) for _, iri in members]
    if cls == "Transfer":
        label = f"{names[0]} → {names[1]}: {names[2]}"
        _deal(node, reports, add, minter)
    else:
        date = key[1] if cls == "Meeting" else next((r.event_date for r in reports if r.event_date), "")
        label = " – ".join(names) + (f", {date}" if date else "")
        if cls == "Agreement":
            kind = reports[0].kind
            label = f"{kind or 'agreement'}: {label}"
            if kind:
                add(node, _DG + "agreementKind", _lit(kind))
        if date and len(date) == 10:
            add(node, _DG + "date", _lit(date, XSD.date))
    add(node, _LABEL, _lit(label))
    return out


def _deal(node: ox.NamedNode, reports: list[Report], add: Callable, minter: Minter) -> None:
    """The transfer-only part of a record: status, quantities, value and conflicts."""
    staged = in_order([r for r in reports if r.status in STAGE])
    if staged:
        furthest = max(STAGE[r.status] for r in staged)
        status = [r.status for r in staged if STAGE[r.status] == furthest][-1]   # as last stated
        add(node, _DG + "status", _node(_DG + status))
    ordered = [q for q in map(ordered_quantity, staged) if q is not None]
    if ordered:
        add(node, _DG + "quantity", _lit(ordered[-1], XSD.integer))
    delivered = [r.quantity for r in staged if STAGE[r.status] == 3 and r.quantity is not None]
    if delivered:
        add(node, _DG + "deliveredQuantity", _lit(max(delivered), XSD.integer))
    valued = [r for r in reports if r.value is not None and r.currency]
    if valued:
        add(node, _DG + "value", valued[-1].value)
        add(node, _DG + "currency", _lit(valued[-1].currency))
    for c in conflicts(reports):
        iri = ox.NamedNode(minter.iri("conflict", short_hash(node.value, c.what, c.earlier.event, c.later.event)))
        add(node, _DG + "conflict", iri)
        add(iri, _TYPE, ox.NamedNode(_DG + "Conflict"))
        add(iri, _DG + "conflictKind", _lit(c.what))
        add(iri, _DG + "earlierReport", ox.NamedNode(c.earlier.event))
        add(iri, _DG + "laterReport", ox.NamedNode(c.later.event))
        add(iri, _LABEL, _lit(f"{c.what}: {c.earlier.date or '?'} / {c.later.date or '?'}"))
