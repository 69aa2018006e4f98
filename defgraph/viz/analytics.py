"""Graph analytics for the view: node size by centrality, communities, and precomputed positions."""

from __future__ import annotations

import math

import networkx as nx

SIZE_MEASURES = ("degree", "betweenness", "pagerank")
MIN_SIZE, MAX_SIZE = 10.0, 40.0
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
LEAF_LAYOUT = 300       # communities up to this size get a spring layout of their own
NODE_SPACING = 45.0     # pixels per node, roughly


def _simple(G: nx.Graph) -> nx.Graph:
    H = nx.Graph()
    H.add_nodes_from(G)
    H.add_edges_from((u, v) for u, v in G.edges() if u != v)
    return H


def centrality(G: nx.Graph, measure: str = "degree") -> dict[str, float]:
    """A centrality score per node: degree, (sampled) betweenness or PageRank."""
    H = _simple(G)
    if measure == "degree":
        return dict(H.degree())
    if measure == "betweenness":
        k = min(len(H), 200) if len(H) > 200 else None
        return nx.betweenness_centrality(H, k=k, seed=0)
    if measure == "pagerank":
        return nx.pagerank(H)
    raise ValueError(f"size measure {measure!r}: one of {', '.join(SIZE_MEASURES)}")


def sizes(scores: dict[str, float]) -> dict[str, float]:
    """Node sizes between MIN_SIZE and MAX_SIZE, by the square root of the score."""
    if not scores:
        return {}
    top = max(scores.values()) or 1.0
    return {n: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(max(s, 0) / top), 1)
            for n, s in scores.items()}


def communities(G: nx.Graph) -> dict[str, int]:
    """Louvain communities (deterministic), numbered from the largest."""
    H = _simple(G)
    if H.number_of_edges() == 0:
        return {n: i for i, n in enumerate(sorted(H))}
    parts = nx.community.louvain_communities(H, seed=0)
    parts.sort(key=lambda c: (-len(c), min(c)))
    return {n: i for i, part in enumerate(parts) for n in part}


def positions(G: nx.Graph, groups: dict[str, int] | None = None) -> dict[str, tuple[float, float]]:
    """Node positions in pixels: communities (`groups`, else Louvain's) laid out apart on a
    spiral, each one by a spring layout (recursively split while too large for one)."""
    H = _simple(G)
    if groups is None or len(H) <= LEAF_LAYOUT:
        placed = _layout(H, 0)
    else:
        placed = _pack(_parts(groups), lambda part: _layout(H.subgraph(part), 1))
    return _rounded(placed)


def member_positions(G: nx.Graph, groups: dict[str, int]) -> dict[str, tuple[float, float]]:
    """Positions for a graph shown as its communities: each community's members on a sunflower
    around its place, the most connected in the middle (no layout of the whole graph: it is
    drawn a community at a time)."""
    degree = dict(_simple(G).degree())
    return _rounded(_pack(_parts(groups), lambda part: _sunflower(sorted(part, key=lambda n: (-degree[n], n)))))


def _rounded(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


def _parts(groups: dict[str, int]) -> list[list[str]]:
    """Communities as sorted lists of members, numbered order (the largest first)."""
    parts: dict[int, list[str]] = {}
    for n, c in groups.items():
        parts.setdefault(c, []).append(n)
    return [sorted(parts[c]) for c in sorted(parts)]


def _sunflower(nodes: list[str]) -> dict[str, tuple[float, float]]:
    """Nodes on a sunflower spiral (Vogel's), NODE_SPACING apart, the first in the centre."""
    return {n: (NODE_SPACING * 0.6 * math.sqrt(i) * math.cos(i * GOLDEN_ANGLE),
                NODE_SPACING * 0.6 * math.sqrt(i) * math.sin(i * GOLDEN_ANGLE)) for i, n in enumerate(nodes)}


def _layout(H: nx.Graph, level: int) -> dict[str, tuple[float, float]]:
    n = len(H)
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(H)): (0.0, 0.0)}
    radius = NODE_SPACING * math.sqrt(n) / 2
    if n <= LEAF_LAYOUT or level > 3 or H.number_of_edges() == 0 and n <= LEAF_LAYOUT:
        pos = nx.spring_layout(H, seed=0, iterations=50 if n <= LEAF_LAYOUT else 20)
        return {k: (x * radius, y * radius) for k, (x, y) in pos.items()}
    parts = [sorted(p) for p in nx.community.louvain_communities(H, seed=level)]
    if len(parts) == 1:
        parts = [sorted(c) for c in nx.connected_components(H)]
    if len(parts) == 1:  # cannot split: a coarse spring layout
        pos = nx.spring_layout(H, seed=0, iterations=15)
        return {k: (x * radius, y * radius) for k, (x, y) in pos.items()}
    parts.sort(key=lambda p: (-len(p), p[0]))
    return _pack(parts, lambda part: _layout(H.subgraph(part), level + 1))


def centres(groups: dict[str, int]) -> dict[int, tuple[float, float, float]]:
    """(x, y, radius) of each community's place in `positions`/`member_positions`."""
    out: dict[int, tuple[float, float, float]] = {}
    _pack(_parts(groups), lambda part: {}, out, [groups[p[0]] for p in _parts(groups)])
    return out


def _pack(parts: list[list[str]], layout, centres_out: dict | None = None,
          ids: list[int] | None = None) -> dict[str, tuple[float, float]]:
    """Each part laid out by `layout`, the parts placed apart on a sunflower spiral (the first,
    the largest, in the centre); with `centres_out`, each part's (x, y, radius) by `ids`."""
    out: dict[str, tuple[float, float]] = {}
    area = 0.0
    for i, part in enumerate(parts):
        sub = layout(part)
        r = NODE_SPACING * math.sqrt(len(part)) / 2 + NODE_SPACING
        # sunflower packing: the largest community in the centre, the rest spiralling out
        dist = 0.0 if i == 0 else math.sqrt(area / math.pi) * 1.1 + r
        area += math.pi * r * r
        cx, cy = dist * math.cos(i * GOLDEN_ANGLE), dist * math.sin(i * GOLDEN_ANGLE)
        out.update({k: (cx + x, cy + y) for k, (x, y) in sub.items()})
        if centres_out is not None and ids is not None:
            centres_out[ids[i]] = (round(cx, 1), round(cy, 1), round(r, 1))
    return out
