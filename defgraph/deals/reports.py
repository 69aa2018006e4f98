"""What an article's event says about a deal, meeting or agreement, and the key that merges it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF

from ..namespaces import DG, SCHEMA

# the classes whose reports are merged, and the kind of IRI their merged node gets
MERGED_KINDS = {"Transfer": "deal", "Meeting": "meeting-record", "Agreement": "agreement-record"}

TYPE, ISSUED, PUBLISHER, URL = str(RDF.type), str(DCTERMS.issued), str(DCTERMS.publisher), str(SCHEMA.url)
MENTIONED_IN, SEPARATE, VARIANT_OF = str(DG.mentionedIn), str(DG.separateDeal), str(DG.variantOf)
_DG = str(DG)
EVENT_TYPES = {_DG + cls: cls for cls in MERGED_KINDS}     # class IRI → class name
MEMBER_ROLES = ("supplier", "recipient", "equipment", "participant", "party")   # the dg: roles of a merged node's members

Description = dict[str, list[ox.NamedNode | ox.Literal | ox.BlankNode]]   # predicate IRI → objects


@dataclass(frozen=True)
class Report:
    """One article's event as one report of a merged event (a transfer of several systems is
    one report per system)."""

    event: str                              # the article's event IRI
    article: str                            # its article IRI
    cls: str                                # Transfer, Meeting, Agreement
    key: tuple[str, ...]                    # what makes two reports one merged event
    members: tuple[tuple[str, str], ...]    # (dg: property, entity IRI), in role order
    date: str                               # report date YYYY-MM-DD (the article's), "" when unknown
    source: str                             # outlet, else URL host, else the article itself
    status: str | None = None               # dg: local name of a transfer's status
    quantity: int | None = None
    whole: int | None = None                # the order or pledge a delivered part belongs to
    value: ox.Literal | None = None
    currency: str | None = None
    event_date: str | None = None           # the date the text gives the event, as written (xsd lexical form)
    kind: str | None = None                 # an agreement's kind
    published: str = ""                     # the article's dcterms:issued as written (its time orders one day's reports)
    family: str | None = None               # the family the article reads a transfer's system as a variant of


def normalise(iri: str) -> str:
    """An entity IRI as a merge key: its kind and slug with hyphens dropped, so that spellings
    differing only in spacing or hyphens ("155 mm"/"155mm", "Leopard 2A7"/"Leopard 2 A7") agree
    while distinct names ("CAMM"/"CAMM-ER") stay apart."""
    kind, _, slug = iri.rpartition("/")
    return kind.rpartition("/")[2] + ":" + slug.replace("-", "")


# the predicates a report is read from (an article's other facts are skipped unread)
READ = frozenset(ox.NamedNode(p) for p in (
    TYPE, ISSUED, PUBLISHER, URL, MENTIONED_IN, VARIANT_OF,
    *(_DG + p for p in (*MEMBER_ROLES, "status", "quantity", "wholeQuantity", "value", "currency", "date",
                      "agreementKind"))))


def describe(quads: Iterable[ox.Quad]) -> dict[str, Description]:
    """Subjects of quads with the predicates a report is read from and their objects."""
    out: dict[str, Description] = {}
    for q in quads:
        if q.predicate in READ:
            out.setdefault(q.subject.value, {}).setdefault(q.predicate.value, []).append(q.object)
    return out


def event_subjects(described: dict[str, Description]) -> list[str]:
    """The subjects typed with a class whose reports are merged, sorted."""
    return sorted(s for s, d in described.items() if any(t.value in EVENT_TYPES for t in d.get(TYPE, ())))


def _one(d: Description, prop: str) -> ox.NamedNode | ox.Literal | ox.BlankNode | None:
    values = d.get(_DG + prop) or d.get(prop)
    return min(values, key=lambda v: v.value) if values else None


def _all(d: Description, prop: str) -> list[str]:
    return sorted({v.value for v in d.get(_DG + prop, ())})


def _source(article: str, a: Description) -> str:
    publisher = a.get(PUBLISHER)
    if publisher:
        return "outlet:" + re.sub(r"\s+", " ", min(p.value for p in publisher)).strip().casefold()
    for url in a.get(URL, ()):
        host = urlsplit(url.value).hostname
        if host:
            return "host:" + host.removeprefix("www.")
    return article


def reports_of(event: str, d: Description, article_of: "ArticleLookup",
               family_of: Callable[[str], str | None] = lambda iri: None) -> list[Report]:
    """The reports an article's event makes (none when it is not a transfer, meeting or
    agreement, or lacks the roles its key needs); `family_of` reads in the event's article graph
    the family a system is a variant of."""
    cls = next((EVENT_TYPES[t.value] for t in d.get(TYPE, ()) if t.value in EVENT_TYPES), None)
    article = _one(d, MENTIONED_IN)
    if cls is None or article is None:
        return []
    a = article_of(article.value)
    published = min((v.value for v in a.get(ISSUED, ())), default="")
    issued = published[:10]
    stated = _one(d, "date")
    event_date = stated.value if stated is not None else None
    full_date = event_date if event_date and len(event_date) == 10 else None
    base = dict(event=event, article=article.value, cls=cls, date=issued or full_date or "", published=published,
                source=_source(article.value, a), event_date=event_date)
    apart = article_of.apart(event)     # a report set apart by hand: merged only with those set alike
    tail = ("apart", apart) if apart is not None else ()
    if cls == "Transfer":
        supplier, recipient = _one(d, "supplier"), _one(d, "recipient")
        if supplier is None or recipient is None:
            return []
        status, quantity, whole, value, currency = (_one(d, p) for p in ("status", "quantity", "wholeQuantity",
                                                                          "value", "currency"))
        out = []
        for equipment in _all(d, "equipment"):
            members = (("supplier", supplier.value), ("recipient", recipient.value), ("equipment", equipment))
            out.append(Report(**base, key=("Transfer", *(normalise(m) for _, m in members), *tail),
                              members=members,
                              status=status.value[len(_DG):] if status is not None else None,
                              quantity=_integer(quantity), whole=_integer(whole), value=value,
                              currency=currency.value if currency is not None else None,
                              family=family_of(equipment)))
        return out
    role = "participant" if cls == "Meeting" else "party"
    people = _all(d, role)
    if len(people) < (2 if cls == "Meeting" else 1):
        return []
    members = tuple((role, p) for p in people)
    names = tuple(sorted(normalise(p) for p in people))
    if cls == "Meeting":   # same participants on the same day: the stated date, else the article's
        return [Report(**base, key=("Meeting", full_date or issued, *names, *tail), members=members)]
    kind = _one(d, "agreementKind")
    year = (event_date or issued)[:4]
    return [Report(**base, key=("Agreement", kind.value if kind is not None else "", year, *names, *tail),
                   members=members, kind=kind.value if kind is not None else None)]


def _integer(term: ox.Literal | None) -> int | None:
    try:
        return int(term.value) if term is not None else None
    except ValueError:
        return None


class ArticleLookup:
    """An article's description by IRI, read once from the given quads or the store."""

    def __init__(self, store: ox.Store, known: dict[str, Description] | None = None) -> None:
        self._store = store
        self._known = dict(known or {})

    def __call__(self, article: str) -> Description:
        if article not in self._known:
            node = ox.NamedNode(article)
            self._known[article] = describe(
                q for p in (ISSUED, PUBLISHER, URL)
                for q in self._store.quads_for_pattern(node, ox.NamedNode(p), None)).get(article, {})
        return self._known[article]

    def apart(self, event: str) -> str | None:
        """The label a person set this report apart with (dg:separateDeal), if any."""
        return min((q.object.value for q in self._store.quads_for_pattern(
            ox.NamedNode(event), ox.NamedNode(SEPARATE), None)), default=None)

