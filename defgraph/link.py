"""Reconciliation: match defgraph's entities with entities of another RDF dataset (a file or a SPARQL endpoint).

Matching is what an analyst does by hand: a name in common (label, alias, acronym, in any
language), then the class (a person, a country, a ministry, a weapon) and the context (the
country: nationality, seat, origin; the role). A conflicting class or country rules a
candidate out; a name alone never makes a link. The pure functions (`normalize`,
`score_pair`, `decide`) do the matching; `reconcile` reads both sides and `write_links`
stores the outcome in a named graph of its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Protocol

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS, XSD

from .formats import Format, by_suffix, family, lookup
from .linkset import SEMAPV, link_graph, link_triples
from .names import fold
from .namespaces import DG, VOID, Minter, slugify
from .resources import DATA_DIR
from .store import GraphStore, check_rdf, values

FAMILIES = ("Person", "Agency", "Country", "Equipment")
DEFAULT_THRESHOLD = 0.9
MIN_SCORE = 0.6          # below this a candidate is not even a close match
BATCH = 60               # names or IRIs per query sent to the other dataset


class LinkError(RuntimeError):
    """The other dataset cannot be read or queried; the message says why."""


# --- knowledge of other datasets' shapes ----------------------------------------------------

@dataclass(frozen=True)
class Knowledge:
    """Which properties and classes mean what (from data/wikidata_classes.json)."""

    label_properties: tuple[str, ...]
    alias_properties: tuple[str, ...]
    class_properties: tuple[str, ...]
    subclass_properties: tuple[str, ...]
    country_properties: tuple[str, ...]
    iso_properties: tuple[str, ...]
    role_properties: tuple[str, ...]
    kinds: dict[str, frozenset[str]]          # class IRI → kinds
    family_kinds: dict[str, frozenset[str]]   # Person/Agency/... → compatible kinds
    exact_kinds: dict[str, frozenset[str]]    # dg class IRI → its own kinds


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    data = json.loads((DATA_DIR / "wikidata_classes.json").read_text(encoding="utf-8"))
    kinds: dict[str, set[str]] = {}
    for kind, classes in data["kinds"].items():
        for c in classes:
            kinds.setdefault(c, set()).add(kind)
    return Knowledge(
        tuple(data["label_properties"]), tuple(data["alias_properties"]),
        tuple(data["class_properties"]), tuple(data["subclass_properties"]),
        tuple(data["country_properties"]), tuple(data["iso_properties"]),
        tuple(data["role_properties"]),
        {c: frozenset(k) for c, k in kinds.items()},
        {f: frozenset(v["kinds"]) for f, v in data["families"].items()},
        {c: frozenset(k) for c, k in data["exact_kinds"].items()})


# --- the two sides --------------------------------------------------------------------------

@dataclass
class Local:
    """A defgraph entity as the matcher sees it."""

    iri: str
    family: str                      # Person, Agency, Country or Equipment
    cls: str                         # its most specific dg class
    label: str
    aliases: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)   # keys: IRIs, normalised names, ISO codes
    iso: str | None = None
    roles: set[str] = field(default_factory=set)


@dataclass
class External:
    """An entity of the other dataset."""

    iri: str
    labels: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)     # direct and inherited class IRIs
    countries: set[str] = field(default_factory=set)   # keys, as for Local
    iso: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)

    @property
    def title(self) -> str:
        return min(self.labels, key=lambda s: (not s.isascii(), len(s), s)) if self.labels else self.iri


@dataclass(frozen=True)
class Match:
    """A scored pair and how it was scored."""

    local: Local
    external: External
    score: float
    method: str


@dataclass(frozen=True)
class Decision:
    match: Match
    predicate: str                   # owl:sameAs or skos:closeMatch IRI

    @property
    def same(self) -> bool:
        return self.predicate == str(OWL.sameAs)


# --- pure matching ----------------------------------------------------------------------------

_SPELLINGS = [(r"\bdefence\b", "defense"), (r"\barmour", "armor"), (r"\borganisation", "organization"),
              (r"&", " and ")]


def normalize(name: str) -> str:
    """A name compared across datasets: folded case and diacritics, one spelling, no punctuation."""
    s = fold(name)
    for pattern, repl in _SPELLINGS:
        s = re.sub(pattern, repl, s)
    s = re.sub(r"[^\w]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def is_acronym(name: str) -> bool:
    """A short upper-case form such as DND or DGA (weak evidence on its own)."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    return 2 <= len(letters) <= 6 and letters.isupper() and " " not in name.strip()


def _names(local: Local) -> tuple[set[str], set[str], set[str]]:
    """Normalised (label, aliases, acronyms) of a local entity; persons need two words."""
    aliases = {a for a in local.aliases if not is_acronym(a)} - {local.label}
    acronyms = {a for a in local.aliases | local.acronyms if is_acronym(a)}
    if local.family == "Person":
        aliases = {a for a in aliases if len(normalize(a).split()) >= 2}
    return {normalize(local.label)}, {normalize(a) for a in aliases}, {normalize(a) for a in acronyms}


def name_evidence(local: Local, ext: External) -> tuple[float, str]:
    """How well the names agree: (score, method); 0 when they do not."""
    l_label, l_alias, l_acr = _names(local)
    e_label = {normalize(x) for x in ext.labels}
    e_all = e_label | {normalize(x) for x in ext.aliases}
    if l_label & e_label:
        return (0.9, "label = label (an acronym)") if is_acronym(local.label) else (1.0, "label = label")
    if (l_label | l_alias) & e_all and not (local.family == "Person" and not l_label & e_all
                                            and not l_alias & e_label):
        return 0.95, "label/alias = label/alias"
    if is_acronym(local.label) and l_label & e_all or l_acr & e_all:
        return 0.7, "acronym"
    best = 0.0
    for a in l_label | l_alias:
        for b in e_all:
            if min(len(a), len(b)) >= 6:
                best = max(best, SequenceMatcher(None, a, b).ratio())
    if best >= 0.88:
        return round(0.9 * best, 3), f"similar name ({best:.2f})"
    return 0.0, ""


def class_evidence(local: Local, ext: External, kb: Knowledge) -> str:
    """exact, compatible, unknown (the other side says nothing we know) or conflict."""
    kinds = set().union(*(kb.kinds.get(c, frozenset()) for c in ext.classes)) if ext.classes else set()
    if not kinds:
        return "unknown"
    exact = kb.exact_kinds.get(local.cls) or kb.family_kinds[local.family]
    if local.family == "Equipment":
        exact = kb.family_kinds["Equipment"]
    if kinds & exact:
        return "exact"
    if kinds & kb.family_kinds[local.family]:
        return "compatible"
    return "conflict"


def country_evidence(local: Local, ext: External) -> str:
    """agree, conflict, unknown (one side silent) or n/a (international bodies)."""
    if local.family == "Country":
        if local.iso and ext.iso:
            return "agree" if local.iso.upper() in {i.upper() for i in ext.iso} else "conflict"
        return "unknown"
    if not local.countries and local.family == "Agency" and not ext.countries:
        return "n/a"
    if not local.countries or not ext.countries:
        return "unknown"
    return "agree" if local.countries & ext.countries else "conflict"


def role_evidence(local: Local, ext: External) -> bool:
    """Whether a role of the person shares its key words with one of the other's roles."""
    stop = {"of", "the", "for", "and", "minister", "secretary", "ministry", "department"}
    mine = [set(normalize(r).split()) - stop for r in local.roles]
    theirs = [set(normalize(r).split()) - stop for r in ext.roles]
    return any(a and b and (a <= b or b <= a) for a in mine for b in theirs)


CLASS_WEIGHT = {"exact": 1.0, "compatible": 0.95, "unknown": 0.8}
COUNTRY_WEIGHT = {"agree": 1.0, "n/a": 1.0, "unknown": 0.9}


def score_pair(local: Local, ext: External, kb: Knowledge | None = None) -> Match | None:
    """The scored match of two entities, or None when they cannot be the same thing."""
    kb = kb or knowledge()
    name, how = name_evidence(local, ext)
    if not name:
        return None
    cls = class_evidence(local, ext, kb)
    country = country_evidence(local, ext)
    if cls == "conflict" or country == "conflict":
        return None
    if cls == "unknown" and country != "agree":
        return None    # a name alone is never enough
    if how == "acronym" and not (cls in ("exact", "compatible") and country in ("agree", "n/a")):
        return None    # a shared acronym only counts with the same class and country
    if how.endswith("(an acronym)") and cls == "unknown":
        return None
    score = name * CLASS_WEIGHT[cls] * COUNTRY_WEIGHT[country]
    if how == "acronym" and cls == "exact" and country == "agree":
        score = 0.92   # acronym, class and country all agree: as sure as an analyst gets
    role = role_evidence(local, ext)
    if role:
        score = min(1.0, score + 0.05)
    method = f"{how}; class {cls}; country {country}" + ("; role agrees" if role else "")
    return Match(local, ext, round(score, 3), method) if score >= MIN_SCORE else None


def decide(matches: Iterable[Match], threshold: float = DEFAULT_THRESHOLD) -> list[Decision]:
    """owl:sameAs for the single best match above the threshold, skos:closeMatch for the others.

    Two candidates tied at the top are both only close matches: the tie is for a person to settle.
    """
    by_local: dict[str, list[Match]] = {}
    for m in matches:
        by_local.setdefault(m.local.iri, []).append(m)
    out = []
    for ms in by_local.values():
        ms.sort(key=lambda m: (-m.score, m.external.iri))
        tie = len(ms) > 1 and ms[1].score == ms[0].score
        for i, m in enumerate(ms):
            same = i == 0 and not tie and m.score >= threshold
            out.append(Decision(m, str(OWL.sameAs if same else SKOS.closeMatch)))
    return sorted(out, key=lambda d: (d.match.local.family, d.match.local.label, -d.match.score))


# --- reading the other dataset ---------------------------------------------------------------

Row = dict[str, tuple[str, str]]    # variable → (value, "uri" | "literal" | "bnode")


class Source(Protocol):
    iri: str            # the dataset, as the links' source

    def select(self, query: str) -> list[Row]: ...


class FileSource:
    """An RDF file loaded into an in-memory Oxigraph store."""

    def __init__(self, path: str | Path) -> None:
        import pyoxigraph as ox

        self.path = Path(path)
        self.iri = self.path.resolve().as_uri()
        form = rdf_file_format(self.path) if self.path.suffix else lookup("rdf", "turtle")
        self._store = ox.Store()
        try:
            data = self.path.read_bytes()
            check_rdf(data, form.name)
            self._store.load(data, format=form.oxigraph)
        except (OSError, SyntaxError, ValueError) as exc:
            raise LinkError(f"{path}: cannot read it as RDF ({exc})") from None

    def select(self, query: str) -> list[Row]:
        result = self._store.query(query, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        return [{n: _ox_term(row[n]) for n in names if row[n] is not None} for row in result]


def _ox_term(term) -> tuple[str, str]:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return term.value, "uri"
    if isinstance(term, ox.BlankNode):
        return term.value, "bnode"
    return term.value, "literal"


class EndpointSource:
    """A SPARQL endpoint, queried over HTTP."""

    def __init__(self, url: str, timeout: float = 60.0) -> None:
        self.iri = self.url = url
        self.timeout = timeout

    def select(self, query: str) -> list[Row]:
        import requests

        try:
            # a redirect would turn the POST into a GET without the query: refuse to follow it
            r = requests.post(self.url, data={"query": query}, timeout=self.timeout, allow_redirects=False,
                              headers={"Accept": "application/sparql-results+json"})
        except requests.RequestException as exc:
            raise LinkError(f"{self.url}: the endpoint cannot be reached ({exc})") from None
        if r.is_redirect:
            raise LinkError(f"{self.url}: the endpoint redirects ({r.status_code}) to "
                            f"{r.headers.get('Location', '?')!r}; give that URL with --against")
        if r.status_code != 200:
            raise LinkError(f"{self.url}: the endpoint answered {r.status_code}: {r.text[:300]}")
        try:
            return [{k: _json_term(v) for k, v in b.items()} for b in r.json()["results"]["bindings"]]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise LinkError(f"{self.url}: the answer is not SPARQL results JSON "
                            f"({type(exc).__name__}: {str(exc)[:200]})") from None


def _json_term(term: dict) -> tuple[str, str]:
    """(value, kind) of a term in SPARQL results JSON; TypeError when it is not one."""
    value, kind = term["value"], term["type"]
    if not isinstance(value, str) or not isinstance(kind, str):
        raise TypeError(f"a term's value and type must be strings, not {term!r:.100}")
    return value, "literal" if kind in ("literal", "typed-literal") else kind


def open_source(target: str) -> Source:
    """A SPARQL endpoint for http(s) URLs, otherwise an RDF file."""
    if re.match(r"https?://", target):
        return EndpointSource(target)
    if not Path(target).is_file():
        raise LinkError(f"{target}: no such file (give an RDF file or a SPARQL endpoint URL)")
    return FileSource(target)


def _iris(values: Iterable[str]) -> str:
    return " ".join(f"<{v}>" for v in values)


def _string(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def search_keys(local: Local) -> set[str]:
    """Lower-case strings a candidate's name must contain: each name's longest word, and acronyms."""
    keys = set()
    for name in {local.label} | local.aliases | local.acronyms:
        if is_acronym(name):
            keys.add(name.lower())
            continue
        words = sorted(re.findall(r"\w+", name.lower()), key=len, reverse=True)
        if words and len(words[0]) >= 3:
            keys.add(words[0])
            keys.add(fold(words[0]))
    return keys


def find_candidates(source: Source, locals_: list[Local], kb: Knowledge) -> list[str]:
    """IRIs of the other dataset's entities whose names contain a search key of ours."""
    keys = sorted(set().union(*(search_keys(x) for x in locals_))) if locals_ else []
    props = "|".join(f"<{p}>" for p in kb.label_properties + kb.alias_properties)
    found: set[str] = set()
    for i in range(0, len(keys), BATCH):
        cond = " || ".join(f"CONTAINS(LCASE(STR(?l)), {_string(k)})" for k in keys[i:i + BATCH])
        rows = source.select(f"SELECT DISTINCT ?x WHERE {{ ?x {props} ?l . FILTER({cond}) }}")
        found.update(r["x"][0] for r in rows if r.get("x", ("", ""))[1] == "uri")
    return sorted(found)


def describe_external(source: Source, iris: list[str], kb: Knowledge) -> dict[str, External]:
    """Names, classes (with their superclasses), countries, ISO codes and roles of some entities."""
    p = lambda props: "|".join(f"<{x}>" for x in props)  # noqa: E731
    names = p(kb.label_properties)
    out: dict[str, External] = {}
    for i in range(0, len(iris), BATCH):
        query = f"""SELECT ?x ?k ?v ?w WHERE {{
          VALUES ?x {{ {_iris(iris[i:i + BATCH])} }}
          {{ ?x {names} ?v BIND("label" AS ?k) }}
          UNION {{ ?x {p(kb.alias_properties)} ?v BIND("alias" AS ?k) }}
          UNION {{ ?x {p(kb.class_properties)} ?c . ?c ({p(kb.subclass_properties)})* ?v BIND("class" AS ?k) }}
          UNION {{ ?x {p(kb.country_properties)} ?v BIND("country" AS ?k)
                   OPTIONAL {{ ?v {names}|{p(kb.alias_properties)}|{p(kb.iso_properties)} ?w }} }}
          UNION {{ ?x {p(kb.iso_properties)} ?v BIND("iso" AS ?k) }}
          UNION {{ ?x {p(kb.role_properties)} ?v BIND("role" AS ?k) OPTIONAL {{ ?v {names} ?w }} }}
        }}"""
        for row in source.select(query):
            x, kind = row["x"][0], row["k"][0]
            value, vtype = row["v"]
            e = out.setdefault(x, External(x))
            if kind == "label":
                e.labels.add(value)
            elif kind == "alias":
                e.aliases.add(value)
            elif kind == "class":
                e.classes.add(value)
            elif kind == "iso":
                e.iso.add(value)
            elif kind == "country":
                e.countries.add(value if vtype == "uri" else normalize(value))
                if "w" in row:
                    e.countries.add(normalize(row["w"][0]))
            elif kind == "role":
                e.roles.add(row["w"][0] if "w" in row else value)
    return out


# --- reading defgraph's side ------------------------------------------------------------------

def local_query(families: Iterable[str]) -> str:
    """defgraph's entities of the families (classes under `dg:` family), with their names and keys."""
    from .namespaces import ONTOLOGY_IRI

    return f"""
SELECT ?e ?cls ?fam ?k ?v WHERE {{
  {values("fam", [ox.NamedNode(str(DG) + f) for f in families])}
  {values("ontology", [ox.NamedNode(ONTOLOGY_IRI)])}
  GRAPH ?eg {{ ?e a ?cls }}
  GRAPH ?ontology {{ ?cls rdfs:subClassOf* ?fam }}
  {{ ?e rdfs:label ?v BIND("label" AS ?k) }}
  UNION {{ ?e skos:altLabel ?v BIND("alias" AS ?k) }}
  UNION {{ ?e dg:acronym ?v BIND("acronym" AS ?k) }}
  UNION {{ ?e dg:nationality|dg:agencyCountry|dg:origin ?v BIND("country" AS ?k) }}
  UNION {{ ?e dg:isoCode ?v BIND("iso" AS ?k) }}
  UNION {{ ?e dg:role ?v BIND("role" AS ?k) }}
}}
"""

COUNTRY_KEYS_QUERY = """
SELECT ?c ?v WHERE { ?c a dg:Country . { ?c rdfs:label|skos:altLabel|dg:isoCode|owl:sameAs ?v } }
"""


def local_entities(store: GraphStore, families: Iterable[str] = FAMILIES) -> list[Local]:
    """defgraph's entities of some families, with the keys of their countries."""
    query = local_query(families)
    country_keys: dict[str, set[str]] = {}
    for row in store.select(COUNTRY_KEYS_QUERY):
        v = row["v"]
        keys = country_keys.setdefault(row["c"], {row["c"]})
        keys.add(v if v.startswith(("http://", "https://")) else normalize(v))
    out: dict[str, Local] = {}
    for row in store.select(query):
        e, value = row["e"], row["v"]
        if e not in out:
            out[e] = Local(e, row["fam"].rsplit("#", 1)[-1], row["cls"], "")
        elif row["cls"] != row["fam"]:   # keep the most specific class
            out[e].cls = row["cls"]
        loc = out[e]
        kind = row["k"]
        if kind == "label":
            loc.label = loc.label or value
            loc.aliases.add(value)
        elif kind == "alias":
            loc.aliases.add(value)
        elif kind == "acronym":
            loc.acronyms.add(value)
        elif kind == "country":
            loc.countries |= country_keys.get(value, {value})
        elif kind == "iso":
            loc.iso = value
        elif kind == "role":
            loc.roles.add(value)
    for loc in out.values():
        loc.aliases.discard(loc.label)
    return sorted((x for x in out.values() if x.label), key=lambda x: x.iri)


# --- the whole run ------------------------------------------------------------------------------

@dataclass
class LinkReport:
    """What a reconciliation found, and where it was (or would be) written."""

    source: str
    graph: str
    entities: int
    candidates: int
    decisions: list[Decision]

    @property
    def same(self) -> list[Decision]:
        return [d for d in self.decisions if d.same]

    @property
    def close(self) -> list[Decision]:
        return [d for d in self.decisions if not d.same]

    def table(self) -> str:
        """A review table: one line per link, best first within each entity."""
        rows = [("link", "score", "defgraph entity", "class", "other entity", "method")]
        for d in self.decisions:
            m = d.match
            rows.append(("sameAs" if d.same else "closeMatch", f"{m.score:.2f}", m.local.label,
                         m.local.cls.rsplit("#", 1)[-1], f"{m.external.title} <{m.external.iri}>",
                         m.method))
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
        return "".join("  ".join(c.ljust(w) for c, w in zip(r, widths)) + "  " + r[-1] + "\n"
                       for r in rows)


def graph_name(target: str) -> str:
    """A readable name for the link graph of a file or an endpoint."""
    if re.match(r"https?://", target):
        return slugify(re.sub(r"^https?://", "", target))
    return slugify(Path(target).stem)


def reconcile(store: GraphStore, target: str, *, families: Iterable[str] = FAMILIES,
              threshold: float = DEFAULT_THRESHOLD) -> LinkReport:
    """Match the store's entities against another dataset (nothing is written)."""
    families = list(families)
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        raise LinkError(f"unknown --type {', '.join(unknown)}: use {', '.join(FAMILIES)}")
    kb = knowledge()
    source = open_source(target)
    locals_ = local_entities(store, families)
    candidates = describe_external(source, find_candidates(source, locals_, kb), kb)
    matches = [m for loc in locals_ for ext in candidates.values()
               if (m := score_pair(loc, ext, kb)) is not None]
    minter = Minter(store.base_iri)
    return LinkReport(source.iri, link_graph(minter, graph_name(target)), len(locals_),
                      len(candidates), decide(matches, threshold))


def link_graph_triples(report: LinkReport, minter: Minter, created: datetime | None = None) -> Graph:
    """The link graph of a report: the links, their descriptions, and the linkset's description."""
    g = Graph()
    for d in report.decisions:
        m = d.match
        for t in link_triples(m.local.iri, URIRef(d.predicate), m.external.iri, minter,
                              justification=SEMAPV.LexicalMatching, source=report.source,
                              confidence=m.score, comment=m.method):
            g.add(t)
    ls = URIRef(report.graph)
    g.add((ls, RDF.type, VOID.Linkset))
    g.add((ls, VOID.objectsTarget, URIRef(report.source)))
    g.add((ls, DCTERMS.source, URIRef(report.source)))
    g.add((ls, VOID.linkPredicate, OWL.sameAs))
    g.add((ls, VOID.linkPredicate, SKOS.closeMatch))
    g.add((ls, DCTERMS.created, Literal((created or datetime.now(timezone.utc)).isoformat(
        timespec="seconds"), datatype=XSD.dateTime)))
    return g


def write_links(store: GraphStore, report: LinkReport) -> int:
    """Replace the report's link graph in the store; the number of triples written."""
    g = link_graph_triples(report, Minter(store.base_iri))
    store.remove_graph(report.graph)
    store.load(g.serialize(format="nt", encoding="utf-8"), "ntriples", graph=report.graph)
    store.flush()
    return len(g)


__all__ = ["reconcile", "write_links", "score_pair", "decide", "normalize", "Local", "External",
           "LinkReport", "LinkError", "knowledge", "local_entities", "open_source"]


# --- importing another dataset ------------------------------------------------------------------

def rdf_file_format(path: Path) -> Format:
    """The RDF format a file's suffix names (the table in defgraph.formats); LinkError if none."""
    form = by_suffix("rdf", path)
    if form is None:
        raise LinkError(f"{path}: unknown RDF file extension {path.suffix!r} (one of "
                        + ", ".join(s for f in family("rdf") for s in f.suffixes) + ")")
    return form


def import_file(store: GraphStore, path: str | Path, graph: str) -> int:
    """Load an RDF file into a named graph of its own (replacing it); the number of triples in it.

    Every triple goes into `graph`, whatever graph a dataset format put it in. The file is parsed
    in full before anything changes, so a bad file leaves the store as it was.
    """
    import pyoxigraph as ox

    path = Path(path)
    fmt = rdf_file_format(path).name
    try:
        ox.NamedNode(graph)
    except ValueError:
        raise LinkError(f"--graph {graph!r} is not an absolute IRI") from None
    minter = Minter(store.base_iri)
    from .namespaces import ONTOLOGY_IRI
    if graph in (minter.entities_graph, ONTOLOGY_IRI) or graph.startswith(
            (minter.base + "id/", minter.base + "graph/links/")):
        raise LinkError(f"--graph {graph}: that graph belongs to defgraph; import into another IRI")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LinkError(f"{path}: cannot read it ({exc.strerror or exc})") from None
    try:
        store.write_graph(data, fmt, graph, replace=True, base_iri=path.resolve().as_uri())
    except (SyntaxError, ValueError) as exc:
        raise LinkError(f"{path}: not valid {fmt} ({exc}); nothing was imported") from None
    store.flush()
    return store.count(graph)
