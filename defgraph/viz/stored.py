"""A graph from `build_graph` as bytes that read back identical (the server keeps the store's
graph beside the store in them, so that a restart need not read the store again).

JSON, not pickle: reading a file back can only ever give data. Tuples, dates and datetimes
are tagged; anything else JSON cannot hold is a TypeError when writing.

>>> from datetime import date
>>> G = nx.MultiDiGraph(articles={"a": {"date": date(2024, 3, 1)}})
>>> G.add_node("x", sentences=[("Umerov met Lecornu.", "a")])
>>> G.add_edge("x", "x", key="k", relation="met")
'k'
>>> H = graph_from_bytes(graph_to_bytes(G))
>>> H.graph == G.graph, dict(H.nodes(data=True)) == dict(G.nodes(data=True)), list(H.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))
(True, True, True)
"""

from __future__ import annotations

import json
from datetime import date, datetime

import networkx as nx

FORMAT = "defgraph-graph-1"
_TAGS = ("\0tuple", "\0date", "\0datetime", "\0dict")


def _plain(value: object) -> object:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return {"\0tuple": [_plain(v) for v in value]}
    if isinstance(value, datetime):
        return {"\0datetime": value.isoformat()}
    if isinstance(value, date):
        return {"\0date": value.isoformat()}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("a dict with keys that are not strings cannot be kept")
        out = {k: _plain(v) for k, v in value.items()}
        return {"\0dict": out} if len(out) == 1 and next(iter(out)) in _TAGS else out
    raise TypeError(f"a {type(value).__name__} cannot be kept")


def _restore(obj: dict) -> object:
    if len(obj) == 1:
        tag, value = next(iter(obj.items()))
        if tag == "\0tuple":
            return tuple(value)
        if tag == "\0date":
            return date.fromisoformat(value)
        if tag == "\0datetime":
            return datetime.fromisoformat(value)
        if tag == "\0dict":
            return value
    return obj


def graph_to_bytes(G: nx.MultiDiGraph) -> bytes:
    """The graph (its attributes, nodes and keyed edges with theirs, in order) as bytes."""
    data = {"format": FORMAT, "graph": _plain(G.graph),
            "nodes": [[n, _plain(d)] for n, d in G.nodes(data=True)],
            "edges": [[u, v, k, _plain(d)] for u, v, k, d in G.edges(keys=True, data=True)]}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def graph_from_bytes(data: bytes) -> nx.MultiDiGraph:
    """The graph `graph_to_bytes` wrote; ValueError for anything else."""
    try:
        obj = json.loads(data, object_hook=_restore)
        if not isinstance(obj, dict) or obj.get("format") != FORMAT:
            raise ValueError("not a kept defgraph graph")
        G = nx.MultiDiGraph(**obj["graph"])
        G.add_nodes_from((n, d) for n, d in obj["nodes"])
        G.add_edges_from((u, v, k, d) for u, v, k, d in obj["edges"])
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"not a kept defgraph graph ({exc})") from None
    return G
