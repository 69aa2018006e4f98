"""A networkx graph of entities and events → a pyvis Network, which defgraph's own template
draws as one self-contained, offline HTML page (vis-network)."""

from __future__ import annotations

import base64
import hashlib
import math
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network

from ..stats import count_entities
from . import analytics
from .build import ENTITY_FAMILIES, EVENT_FAMILY, ontology_classes

ASSETS = Path(__file__).resolve().parent / "assets"
TEMPLATE = "view.html"
PHYSICS_LIMIT = 300         # above this many nodes, edges are straight and hidden while dragging
AGGREGATE_LIMIT = 2000      # above this many nodes, the page opens on the graph's communities
MAX_ARTICLES, MAX_SENTENCES = 8, 5

SHAPES = {"Person": "dot", "Agency": "square", "Country": "diamond", "Equipment": "triangle",
          "Event": "star"}
GLYPHS = {"dot": "●", "square": "■", "diamond": "◆", "triangle": "▲", "star": "★"}
PALETTE = ["#4e79a7", "#1f3f66", "#6b9ac4", "#76b7b2", "#2e7d4f", "#9c755f", "#b07aa1",
           "#7f7f7f", "#59a14f", "#8cd17d", "#499894", "#86bcb6", "#b6992d", "#6a9f58",
           "#a0cbe8", "#3c7d22", "#d4a6c8", "#9d7660", "#79706e", "#bab0ac"]
FAMILY_COLOURS = {"Person": "#e15759", "Country": "#f28e2b"}
EVENT_COLOURS = {"Transfer": "#c0392b", "Meeting": "#2471a3", "Agreement": "#7d3c98",
                 "Training": "#138d75", "JointProduction": "#d35400"}
RELATION_COLOUR = "#9a9a9a"


def _vis_dir() -> Path:
    import pyvis

    return Path(pyvis.__file__).resolve().parent / "lib" / "vis-9.1.2"


def script_csp(*scripts: str) -> str:
    """A Content-Security-Policy that forbids every request and runs exactly these inline scripts."""
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
                      + "'" for s in scripts)
    # nothing may be fetched from anywhere, and only defgraph's own inline scripts may run
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
            "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")


def inline_assets(files: dict[str, Path], scripts: tuple[str, ...]) -> dict[str, str]:
    """The texts of `files` by name, to be inlined as they are, and under "csp" the policy that
    lets exactly the `scripts` among them run. RuntimeError for a text that could end its own
    <script>/<style> element."""
    out = {name: path.read_text(encoding="utf-8") for name, path in files.items()}
    for name, text in out.items():
        if "</script" in text.lower() or "</style" in text.lower():
            raise RuntimeError(f"asset {name} contains a closing tag and cannot be inlined")
    out["csp"] = script_csp(*(out[name] for name in scripts))
    return out


@lru_cache(maxsize=1)
def page_assets() -> dict[str, str]:
    """What every page inlines: vis-network (shipped by pyvis), defgraph's script and style, and
    the Content-Security-Policy that lets exactly those two scripts run."""
    vis = _vis_dir()
    return inline_assets({"vis_js": vis / "vis-network.min.js", "vis_css": vis / "vis-network.css",
                          "app_js": ASSETS / "view.js", "app_css": ASSETS / "view.css"}, ("vis_js", "app_js"))


def class_style(cls: str, family: str) -> tuple[str, str]:
    """(shape, colour) of an ontology class."""
    if family == EVENT_FAMILY:
        return SHAPES["Event"], EVENT_COLOURS.get(cls, "#edc948")
    if family in FAMILY_COLOURS:
        return SHAPES[family], FAMILY_COLOURS[family]
    names = [c for c, info in ontology_classes().items() if info.family in ("Agency", "Equipment")]
    names.sort(key=lambda c: (ontology_classes()[c].family, c != ontology_classes()[c].family, c))
    index = names.index(cls) if cls in names else 0
    return SHAPES.get(family, "dot"), PALETTE[index % len(PALETTE)]


def _http(iri: str) -> str | None:
    return iri if iri.startswith(("http://", "https://")) else None


def _article_lines(G: nx.MultiDiGraph, iris: list[str]) -> list[str]:
    """One line per article, oldest first: 'date · title' (at most MAX_ARTICLES and a count)."""
    arts = G.graph.get("articles", {})
    items = []
    for a in iris:
        info = arts.get(a, {})
        issued = info.get("date")
        items.append((issued.isoformat() if issued else "", info.get("title") or a))
    items.sort()
    lines = [f"{day} · {title}" if day else title for day, title in items[:MAX_ARTICLES]]
    if len(items) > MAX_ARTICLES:
        lines.append(f"… and {len(items) - MAX_ARTICLES} more")
    return lines


def _tooltip(lines: list[str], lists: list[tuple[str, list[str]]]) -> str:
    """A plain-text tooltip: its non-empty lines, then each non-empty list under its name."""
    out = [line for line in lines if line]
    for name, values in lists:
        if values:
            out.append(name + ":")
            out.extend("  " + v for v in values)
    return "\n".join(out)


def _field(name: str, *values: object) -> str:
    """'Name: a; b' of the values that are set, or '' when none is."""
    kept = [str(v) for v in values if v]
    return f"{name}: {'; '.join(kept)}" if kept else ""


def _node_title(G: nx.MultiDiGraph, n: str, d: dict, cls_label: str, community: int) -> str:
    sentences = list(dict.fromkeys(text for text, _ in d["sentences"]))
    evidence = [f"“{s}”" for s in sentences[:MAX_SENTENCES]]
    if len(sentences) > MAX_SENTENCES:
        evidence.append(f"… and {len(sentences) - MAX_SENTENCES} more")
    entity = f" · community {community} · degree {G.degree(n)}" if d["kind"] == "entity" else ""
    return _tooltip([d["label"], cls_label + entity, _field("Role", *d.get("roles", [])),
                     _field("Also known as", ", ".join(d.get("aliases", []))),
                     _field("Status", d.get("status")), _field("Date", d.get("date"))],
                    [("Articles", _article_lines(G, d["articles"])), ("Evidence", evidence)])


def _edge_title(G: nx.MultiDiGraph, u: str, v: str, d: dict) -> str:
    return _tooltip([f"{G.nodes[u]['label']} — {d['relation']} → {G.nodes[v]['label']}",
                     _field("Date", d.get("date"))],
                    [("Evidence", [f"“{d['evidence']}”"] if d.get("evidence") else []),
                     ("Articles", _article_lines(G, d.get("articles") or []))])


def vis_options(physics: bool = False, large: bool = False) -> dict:
    """vis-network options: nodes where defgraph placed them, physics off (the option editor, or
    `toggle_physics(True)`, turns it on, stabilising then freezing); straight edges, hidden
    while dragging, for large graphs."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": large,
                        "navigationButtons": False, "keyboard": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "width": 1.2,
                  "font": {"size": 10, "align": "middle", "color": "#555", "strokeWidth": 3},
                  "smooth": {"enabled": not large, "type": "continuous"}},
        "physics": {"enabled": physics, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -6000, "springLength": 140,
                                  "springConstant": 0.03, "damping": 0.3},
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
    }


def aggregate(G: nx.MultiDiGraph, groups: dict[str, int], centres: dict[int, tuple[float, float, float]],
              scores: dict[str, float]) -> list[dict]:
    """The communities a large graph opens on: one node each, placed where its members will be
    drawn, sized by its members, named by its most central ones."""
    members: dict[int, list[str]] = {}
    for n, c in groups.items():
        members.setdefault(c, []).append(n)
    out = []
    for c, nodes in sorted(members.items()):
        nodes.sort(key=lambda n: (-scores.get(n, 0), G.nodes[n]["label"]))
        top = [G.nodes[n]["label"] for n in nodes[:3]]
        x, y, _ = centres[c]
        out.append({"community": c + 1, "members": len(nodes), "x": x, "y": y,
                    "size": round(min(80.0, 12 + 3 * math.sqrt(len(nodes))), 1),
                    "label": ", ".join(top) + (f" … ({len(nodes)})" if len(nodes) > 3 else ""),
                    "title": _tooltip([f"Community {c + 1}: {len(nodes)} nodes", "Click to show them."],
                                      [("Most connected", [G.nodes[n]["label"] for n in nodes[:10]])])})
    return out


def _set_options(target: object, values: dict) -> None:
    """Write vis options into pyvis's option objects, keeping them objects, so that
    toggle_physics, show_buttons and the other Network methods still work on them."""
    for key, value in values.items():
        # the instance's own attributes only: pyvis's classes have nested classes of these names
        current = vars(target).get(key)
        if isinstance(value, dict) and hasattr(current, "__dict__"):
            _set_options(current, value)
        else:
            setattr(target, key, value)


def _node_legend(entries: Iterable[dict]) -> list[dict]:
    """Node classes in family order (people, agencies, countries, equipment, events), then by label."""
    family_order = {f: i for i, f in enumerate((*ENTITY_FAMILIES, EVENT_FAMILY))}
    return sorted(entries, key=lambda e: (family_order.get(e["family"], 9), e["label"]))


def _edge_legend(G: nx.MultiDiGraph) -> list[dict]:
    """The event kinds drawn as edges, and the dashed description edges if there are any."""
    out = [{"label": c if c != "JointProduction" else "Joint production", "colour": col}
           for c, col in EVENT_COLOURS.items()
           if any(d.get("event_cls") == c for _, _, d in G.edges(data=True))]
    if any(not d.get("event_cls") for _, _, d in G.edges(data=True)):
        out.append({"label": "Description (member of, origin, …)", "colour": RELATION_COLOUR, "dashed": True})
    return out


def to_pyvis(G: nx.MultiDiGraph, *, title: str = "defgraph", subtitle: str | None = None,
             size_by: str = "degree", href: Callable[[str], str | None] = _http,
             open_on: str = "dblclick", height: str = "750px", width: str = "100%") -> Network:
    """A pyvis Network of a graph from `build_graph`, drawn by defgraph's offline template.

    Every node carries its label, a plain-text tooltip (`title`), class colour and shape,
    centrality size, community (`group`) and a precomputed position (above AGGREGATE_LIMIT
    nodes the page opens on the communities); every edge its label, tooltip and colour. `href(iri)` gives the address a node
    opens (None: not a link) on "click" or "dblclick" (`open_on`). The page inlines
    vis-network and fetches nothing, whatever `cdn_resources` says; pyvis's select and filter
    menus (Bootstrap) are not drawn: the page has its own search box and class legend.

    >>> from defgraph.store import OxigraphStore
    >>> from defgraph.viz import build_graph, to_pyvis
    >>> from defgraph.viz.synthetic import synthetic_nquads
    >>> store = OxigraphStore(None)
    >>> _ = store.load(synthetic_nquads(40), "nquads")
    >>> net = to_pyvis(build_graph(store), title="40 entities")
    >>> net.num_nodes()
    40
    >>> country = net.get_node("http://127.0.0.1:8080/id/country/country-0")
    >>> country["label"], country["shape"], country["color"], country["group"]
    ('Country 0', 'diamond', '#f28e2b', 'community 2')
    >>> net.toggle_physics(False)                  # pyvis's own methods restyle it
    >>> net.show_buttons(filter_=["physics"])
    >>> import pathlib, tempfile
    >>> page = pathlib.Path(tempfile.mkdtemp()) / "graph.html"
    >>> net.write_html(str(page))                  # or net.show(...) in a notebook
    >>> html = page.read_text(encoding="utf-8")
    >>> net.options.configure.enabled, "<script src=" in html, "<link " in html
    (True, False, False)
    """
    classes = ontology_classes()
    scores = analytics.centrality(G, size_by)
    node_sizes = analytics.sizes(scores)
    groups = analytics.communities(G)
    large, aggregated = G.number_of_nodes() > PHYSICS_LIMIT, G.number_of_nodes() > AGGREGATE_LIMIT
    # every node is placed here, so the page draws at once, with no simulation to wait for
    pos = analytics.member_positions(G, groups) if aggregated else analytics.positions(G, groups)
    communities = aggregate(G, groups, analytics.centres(groups), scores) if aggregated else None
    net = Network(height=height, width=width, directed=True, heading=title, cdn_resources="in_line")
    legend: dict[str, dict] = {}
    for n, d in sorted(G.nodes(data=True), key=lambda x: x[0]):
        shape, colour = class_style(d["cls"], d["family"])
        cls_label = classes[d["cls"]].label if d["cls"] in classes else d["cls"]
        community = groups.get(n, 0) + 1
        extra: dict = {}
        if d["kind"] == "event":
            extra["font"] = {"size": 10, "color": "#666"}
        if n in pos:
            extra["x"], extra["y"] = pos[n]
        net.add_node(n, label=d["label"], shape=shape, title=_node_title(G, n, d, cls_label, community),
                     size=8 if d["kind"] == "event" else node_sizes.get(n, analytics.MIN_SIZE),
                     group=f"community {community}",
                     defgraph={"cls": d["cls"], "community": community, "href": href(n),
                               "aliases": d.get("aliases", [])}, **extra)
        net.get_node(n)["color"] = colour       # add_node drops its colour when a group is given
        entry = legend.setdefault(d["cls"], {"cls": d["cls"], "family": d["family"], "shape": shape,
                                             "glyph": GLYPHS[shape], "colour": colour, "count": 0,
                                             "label": cls_label})
        entry["count"] += 1
    counts = count_entities((n, d["cls"], d["kind"] == "event" or bool(d.get("articles")))
                            for n, d in G.nodes(data=True))
    for cls, entry in legend.items():
        entry["named"], entry["gazetteer"] = counts.named[cls], counts.gazetteer_only[cls]
    for i, (u, v, k, d) in enumerate(sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))):
        cls = d.get("event_cls")
        edge = {"id": i, "label": d["relation"], "title": _edge_title(G, u, v, d),
                "color": EVENT_COLOURS.get(cls, RELATION_COLOUR) if cls else RELATION_COLOUR}
        if d.get("directed") is False:
            edge["arrows"] = ""
        if not cls:
            edge["dashes"] = True
        # as add_edge would add it, without its check of both ends against a list of every node
        # (O(nodes) per edge: seconds at 10,000 nodes); u and v were added above
        net.edges.append(Edge(u, v, net.directed, **edge).options)
    _set_options(net.options, vis_options(physics=False, large=large))

    if communities:
        shown = f"{len(communities)} communities of {G.number_of_nodes()} nodes: click one to show its members"
        subtitle = f"{subtitle}; {shown}" if subtitle else shown
    page = {"subtitle": subtitle, "openOn": open_on, "focus": G.graph.get("focus"), "aggregate": communities,
            "events": G.graph.get("events", "edges"), "legend": _node_legend(legend.values()),
            "edgeLegend": _edge_legend(G)}
    net.set_template_dir(str(ASSETS), TEMPLATE)
    # what the template needs beyond pyvis's own variables: the page's settings and assets
    net.templateEnv.globals.update(page=page, assets=page_assets())
    net.prep_notebook()     # loads the template for show() and notebook display too
    return net


def render_html(G: nx.MultiDiGraph, **options: Any) -> str:
    """The page of `to_pyvis(G, **options)`, as pyvis generates it."""
    return to_pyvis(G, **options).generate_html()
