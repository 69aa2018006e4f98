"""A graph view as a file other tools open: the formats, declared once, and the conversion of
defgraph's attributes (lists, tuples, dicts, dates, None) to the plain values those files hold."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Union

from ..formats import DEFAULTS, Format, FormatError, by_suffix, family, lookup

if TYPE_CHECKING:   # networkx and the page renderer load only when a file is written
    import networkx as nx

    from .view import GraphRequest

Scalar = Union[str, int, float, bool]
Json = Union[Scalar, list["Json"], dict[str, "Json"]]

LIST_SEPARATOR = "; "
PART_SEPARATOR = " — "     # between the parts of one list item, e.g. a sentence and its article
# characters XML 1.0 cannot hold (article text is untrusted and may carry them)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def to_json(value: object) -> Json | None:
    """A value as JSON can hold it: dates in ISO 8601, tuples and sets as lists, None left out.

    >>> to_json({"date": date(2024, 3, 1), "roles": ("minister", None), "count": None})
    {'date': '2024-03-01', 'roles': ['minister']}
    """
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): j for k, v in value.items() if (j := to_json(v)) is not None}
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    if isinstance(value, (list, tuple)):
        return [j for v in value if (j := to_json(v)) is not None]
    return str(value)


def to_scalar(value: object) -> Scalar | None:
    """A value as one GEXF or GraphML attribute: lists joined with "; " (the parts of a tuple
    item with " — "), dates in ISO 8601, dicts as JSON text, None left out, and no character
    that XML cannot hold.

    >>> to_scalar(["Umerov", "Rustem Umerov"])
    'Umerov; Rustem Umerov'
    >>> to_scalar([("Umerov met Lecornu.", "http://x/article/a1")])
    'Umerov met Lecornu. — http://x/article/a1'
    >>> to_scalar(date(2023, 9, 29)), to_scalar(True), to_scalar(None), to_scalar("bell\\x07")
    ('2023-09-29', True, None, 'bell')
    """
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return to_scalar(json.dumps(to_json(value), ensure_ascii=False, sort_keys=True))
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value, key=str) if isinstance(value, (set, frozenset)) else value
        parts = [_item(v) for v in items]
        return LIST_SEPARATOR.join(p for p in parts if p)
    return to_scalar(str(value))


def _item(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return PART_SEPARATOR.join(str(to_scalar(v)) for v in value if v is not None)
    plain = to_scalar(value)
    return "" if plain is None else str(plain)


def plain_graph(G: nx.MultiDiGraph, convert: Callable[[object], object]) -> nx.MultiDiGraph:
    """A copy of the graph whose graph, node and edge attributes pass through `convert` (those
    it turns into None are left out). Edges get unique keys (e0, e1, …) and, for Gephi and
    Cytoscape, a `label` (their relation)."""
    def attrs(data: dict) -> dict:
        return {k: c for k, v in data.items() if (c := convert(v)) is not None}

    H = type(G)(**attrs(G.graph))
    H.add_nodes_from((n, attrs(d)) for n, d in G.nodes(data=True))
    for i, (u, v, d) in enumerate(G.edges(data=True)):
        H.add_edge(u, v, key=f"e{i}", **attrs({"label": d.get("relation"), **d}))
    return H


def write_gexf(G: nx.MultiDiGraph, req: GraphRequest) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_gexf(plain_graph(G, to_scalar), buf)
    return buf.getvalue()


def write_graphml(G: nx.MultiDiGraph, req: GraphRequest) -> bytes:
    import networkx as nx

    buf = io.BytesIO()
    nx.write_graphml(plain_graph(G, to_scalar), buf)
    return buf.getvalue()


def write_node_link(G: nx.MultiDiGraph, req: GraphRequest) -> bytes:
    import networkx as nx

    data = nx.node_link_data(plain_graph(G, to_json), edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")


def write_html(G: nx.MultiDiGraph, req: GraphRequest) -> bytes:
    from .view import render_page

    return render_page(G, req).encode("utf-8")


# the graph-view rows of the one table of formats (defgraph.formats): the CLI's --format
# choices, the suffixes it recognises, the server's ?format= and media types
VIZ_FORMATS: dict[str, Format] = {f.name: f for f in family("view")}
DEFAULT_VIZ_FORMAT = DEFAULTS["view"]


def viz_format(name: str | None = None, out: str | Path | None = None) -> Format:
    """The format named, else the one the file's suffix is (graph.gexf), else HTML."""
    if name is None:
        return (by_suffix("view", out) if out is not None else None) or VIZ_FORMATS[DEFAULT_VIZ_FORMAT]
    try:
        return lookup("view", name)
    except FormatError as exc:
        from .build import VizError

        raise VizError(str(exc)) from None
