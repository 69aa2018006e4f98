"""What the map draws: transfers as flows between countries, and a choropleth of a SELECT's
`?country` column, each country located by the gazetteer's ISO code and its centroid
(data/country_centroids.csv, computed from the Natural Earth outlines by scripts/vendor/)."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from ..names import fold
from ..resources import DATA_DIR
from .build import VizError

# The columns of a SELECT the map reads: flows from supplier to recipient, values by country.
FLOW_COLUMNS = ("supplier", "recipient")
COUNTRY_COLUMN = "country"
VALUE_COLUMNS = ("count", "n", "value", "quantity")    # the first numeric one weighs a row
STATUSES = ("delivered", "ordered", "pledged", "discussed")


@dataclass(frozen=True)
class Country:
    """A gazetteer country with where the map puts it."""

    iso2: str
    numeric: str        # ISO 3166-1 numeric: the id of its outline in the Natural Earth TopoJSON
    name: str
    lat: float
    lon: float


@dataclass
class Flow:
    """Transfers from one country to another: how many, by status, of what."""

    source: str         # ISO 3166-1 alpha-2
    target: str
    count: int = 0
    statuses: Counter = field(default_factory=Counter)
    equipment: set[str] = field(default_factory=set)


@dataclass
class MapData:
    """Everything a map page shows."""

    title: str
    flows: list[Flow] = field(default_factory=list)
    values: dict[str, float] = field(default_factory=dict)     # ISO code → choropleth value
    value_label: str = ""
    unplaced: list[str] = field(default_factory=list)          # cell values no country was found for
    note: str = ""

    def to_json(self) -> dict:
        """The page's data: the countries it names, flows, values."""
        table = countries()
        used = {f.source for f in self.flows} | {f.target for f in self.flows} | set(self.values)
        return {
            "title": self.title, "note": self.note, "valueLabel": self.value_label,
            "unplaced": self.unplaced[:50], "unplacedCount": len(self.unplaced),
            "countries": {c.iso2: {"name": c.name, "numeric": c.numeric, "lat": c.lat, "lon": c.lon}
                          for c in table.values()},
            "used": sorted(used),
            "flows": [{"source": f.source, "target": f.target, "count": f.count,
                       "statuses": dict(f.statuses), "equipment": sorted(f.equipment)}
                      for f in sorted(self.flows, key=lambda f: (-f.count, f.source, f.target))],
            "values": self.values,
        }


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """The gazetteer's countries that have a centroid, by ISO code."""
    with open(DATA_DIR / "countries.csv", encoding="utf-8", newline="") as fh:
        names = {row["iso2"]: row["name"] for row in csv.DictReader(fh)}
    with open(DATA_DIR / "country_centroids.csv", encoding="utf-8", newline="") as fh:
        return {row["iso2"]: Country(row["iso2"], row["numeric"], names.get(row["iso2"], row["iso2"]),
                                     float(row["lat"]), float(row["lon"]))
                for row in csv.DictReader(fh) if row["iso2"] in names}


@lru_cache(maxsize=1)
def _gazetteer_names() -> dict[str, str]:
    """Folded country names, aliases, demonyms and ISO codes → ISO code."""
    out: dict[str, str] = {}
    with open(DATA_DIR / "countries.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            for name in [row["name"], row["iso2"], *row["aliases"].split("|"), *row["demonyms"].split("|")]:
                if name.strip():
                    out.setdefault(fold(name.strip()), row["iso2"])
    return out


# The country an entity stands for: itself, or the country of a person, agency or system.
_COUNTRY_OF = """
  { ?x dg:isoCode ?iso }
  UNION { ?x dg:nationality|dg:agencyCountry|dg:country ?c . ?c dg:isoCode ?iso }
  UNION { ?x dg:parentAgency/(dg:agencyCountry|dg:country) ?c . ?c dg:isoCode ?iso }
"""


def locate(store, values: list[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """The ISO code of each (kind, value) cell, kind "uri" or "literal": an IRI by the store, a
    label by the store's labels, then by the gazetteer's names; cells found nowhere are left out."""
    out: dict[tuple[str, str], str] = {}
    iris = sorted({v for k, v in values if k == "uri"})
    labels = sorted({v for k, v in values if k == "literal"})
    for i in range(0, len(iris), 500):
        terms = []
        for iri in iris[i:i + 500]:
            try:
                terms.append(str(ox.NamedNode(iri)))
            except ValueError:
                continue
        if terms:
            q = f"SELECT ?x ?iso WHERE {{ VALUES ?x {{ {' '.join(terms)} }} {_COUNTRY_OF} }}"
            for row in store.select(q):
                out.setdefault(("uri", row["x"]), row["iso"])
    for i in range(0, len(labels), 500):
        terms = " ".join(str(ox.Literal(v)) for v in labels[i:i + 500])
        q = (f"SELECT ?label ?iso WHERE {{ VALUES ?label {{ {terms} }} "
             f"?x rdfs:label|skos:altLabel ?label . {_COUNTRY_OF} }}")
        for row in store.select(q):
            out.setdefault(("literal", row["label"]), row["iso"])
    names = _gazetteer_names()
    for kind, value in values:
        if (kind, value) not in out and kind == "literal" and fold(value.strip()) in names:
            out[(kind, value)] = names[fold(value.strip())]
    known = countries()
    return {k: v for k, v in out.items() if v in known}


TRANSFERS = """
SELECT ?t ?supplier ?recipient ?equipment ?status WHERE {
  ?t a dg:Transfer ; dg:supplier ?supplier ; dg:recipient ?recipient .
  OPTIONAL { ?t dg:equipment/rdfs:label ?equipment }
  OPTIONAL { ?t dg:status ?s . BIND(STRAFTER(STR(?s), "#") AS ?status) }
}"""


def transfer_map(store) -> MapData:
    """Every transfer in the store as a flow between the countries of its supplier and recipient."""
    rows = store.select(TRANSFERS)
    cells = [("uri", r[c]) for r in rows for c in FLOW_COLUMNS if r[c]]
    where = locate(store, cells)
    flows: dict[tuple[str, str], Flow] = {}
    seen: set[tuple[str, str, str]] = set()
    unplaced = set()
    for r in rows:
        src, dst = where.get(("uri", r["supplier"])), where.get(("uri", r["recipient"]))
        if not src or not dst or src == dst:
            unplaced.update(r[c] for c, iso in (("supplier", src), ("recipient", dst)) if not iso)
            continue
        flow = flows.setdefault((src, dst), Flow(src, dst))
        if (r["t"], src, dst) not in seen:       # a transfer with two systems is counted once
            seen.add((r["t"], src, dst))
            flow.count += 1
            flow.statuses[r["status"] or "unknown"] += 1
        if r["equipment"]:
            flow.equipment.add(r["equipment"])
    return MapData("Transfers between countries", list(flows.values()), unplaced=sorted(unplaced),
                   note="Arrows go from the supplier's country to the recipient's; a supplier that is "
                        "a company, ministry or person counts for its country.")


def result_map(store, variables: list[str], rows: list[dict[str, ox.Term | None]], title: str) -> MapData:
    """The map of a SELECT result: flows when it has `?supplier` and `?recipient`, a choropleth
    when it has `?country` (rows per country, or the sum of its first numeric count column)."""
    has_flows = all(c in variables for c in FLOW_COLUMNS)
    if not has_flows and COUNTRY_COLUMN not in variables:
        raise VizError("the map needs a ?country column (a choropleth) or ?supplier and ?recipient "
                       f"columns (arrows); this query has {', '.join('?' + v for v in variables) or 'none'}")
    columns = [*FLOW_COLUMNS, COUNTRY_COLUMN] if has_flows else [COUNTRY_COLUMN]
    cell = lambda t: ("uri", t.value) if isinstance(t, ox.NamedNode) else ("literal", t.value)  # noqa: E731
    cells = [cell(r[c]) for r in rows for c in columns if c in variables and r.get(c) is not None]
    where = locate(store, cells)
    unplaced = sorted({v for k, v in set(cells) if (k, v) not in where})
    data = MapData(title, unplaced=unplaced)
    if has_flows:
        flows: dict[tuple[str, str], Flow] = {}
        for r in rows:
            if r.get("supplier") is None or r.get("recipient") is None:
                continue
            src, dst = where.get(cell(r["supplier"])), where.get(cell(r["recipient"]))
            if src and dst and src != dst:
                flow = flows.setdefault((src, dst), Flow(src, dst))
                flow.count += 1
                status = r.get("status")
                flow.statuses[status.value if status is not None else "unknown"] += 1
                if r.get("equipment") is not None:
                    flow.equipment.add(r["equipment"].value)
        data.flows = list(flows.values())
    if COUNTRY_COLUMN in variables:
        weight = next((c for c in VALUE_COLUMNS if c in variables and c not in columns and all(
            r.get(c) is None or _number(r[c]) is not None for r in rows)), None)
        values: dict[str, float] = defaultdict(float)
        for r in rows:
            iso = where.get(cell(r[COUNTRY_COLUMN])) if r.get(COUNTRY_COLUMN) is not None else None
            if iso:
                values[iso] += (_number(r[weight]) or 0.0) if weight and r.get(weight) is not None else 1.0
        data.values = dict(values)
        data.value_label = f"sum of ?{weight}" if weight else "rows"
    return data


def _number(term: ox.Term) -> float | None:
    try:
        return float(term.value)
    except (AttributeError, ValueError):
        return None


def map_data(store, query: str | None = None, title: str | None = None) -> MapData:
    """The map of a SELECT query's result, or of every transfer when no query is given."""
    if not query:
        return transfer_map(store)
    from ..queries import run_query

    result = run_query(store, query)
    if not isinstance(result, ox.QuerySolutions):
        raise VizError("the map draws a SELECT query's rows; this query is not a SELECT")
    variables = [v.value for v in result.variables]
    rows = [{v: row[v] for v in variables} for row in result]
    return result_map(store, variables, rows, title or "Map of a query")
