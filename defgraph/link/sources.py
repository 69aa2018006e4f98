"""The other dataset: an RDF file or a SPARQL endpoint, searched for candidates and described."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Protocol

from ..formats import Format, by_suffix, family, lookup
from ..names import fold
from ..store import check_rdf
from .matching import BATCH, External, Knowledge, LinkError, Local, is_acronym, normalize

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


def rdf_file_format(path: Path) -> Format:
    """The RDF format a file's suffix names (the table in defgraph.formats); LinkError if none."""
    form = by_suffix("rdf", path)
    if form is None:
        raise LinkError(f"{path}: unknown RDF file extension {path.suffix!r} (one of "
                        + ", ".join(s for f in family("rdf") for s in f.suffixes) + ")")
    return form
