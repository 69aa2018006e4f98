"""A networkx graph of entities and events → one self-contained, offline HTML page (vis-network)."""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Callable

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from . import analytics
from .build import ENTITY_FAMILIES, EVENT_FAMILY, ontology_classes

ASSETS = Path(__file__).resolve().parent / "assets"
PHYSICS_LIMIT = 300         # above this many nodes, positions are precomputed and physics is off
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


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """vis-network (shipped by pyvis) and defgraph's own script and style, as text."""
    vis = _vis_dir()
    out = {"vis_js": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
           "vis_css": (vis / "vis-network.css").read_text(encoding="utf-8"),
           "app_js": (ASSETS / "view.js").read_text(encoding="utf-8"),
           "app_css": (ASSETS / "view.css").read_text(encoding="utf-8")}
    for name, text in out.items():
        # inlined as is: it must not be able to end its own <script>/<style> element
        if "</script" in text.lower() or "</style" in text.lower():
            raise RuntimeError(f"asset {name} contains a closing tag and cannot be inlined")
    return out


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=select_autoescape(["html"]),
                       trim_blocks=True, lstrip_blocks=True)


def script_json(value: object) -> Markup:
    """JSON that is safe inside an HTML <script> element: no `<`, `>`, `&`, U+2028/2029."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return Markup(text)


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


def _article_info(G: nx.MultiDiGraph, iris: list[str]) -> list[dict]:
    arts = G.graph.get("articles", {})
    out = []
    for a in iris:
        info = arts.get(a, {})
        issued = info.get("date")
        out.append({"title": info.get("title") or a, "date": issued.isoformat() if issued else None,
                    "href": _http(a)})
    out.sort(key=lambda x: (x["date"] or "", x["title"]))
    return out


def view_data(G: nx.MultiDiGraph, *, size_by: str = "degree",
              href: Callable[[str], str | None] = _http) -> dict:
    """What the page draws: vis nodes and edges, per-item details for tooltips, and the legend."""
    classes = ontology_classes()
    scores = analytics.centrality(G, size_by)
    node_sizes = analytics.sizes(scores)
    groups = analytics.communities(G)
    large = G.number_of_nodes() > PHYSICS_LIMIT
    pos = analytics.positions(G) if large else {}
    nodes, details, legend = [], {}, {}
    for n, d in sorted(G.nodes(data=True), key=lambda x: x[0]):
        shape, colour = class_style(d["cls"], d["family"])
        is_event = d["kind"] == "event"
        node = {"id": n, "label": d["label"], "shape": shape, "color": colour,
                "size": 8 if is_event else node_sizes.get(n, analytics.MIN_SIZE),
                "group": f"community {groups.get(n, 0) + 1}"}
        if is_event:
            node["font"] = {"size": 10, "color": "#666"}
        if n in pos:
            node["x"], node["y"] = pos[n]
        nodes.append(node)
        sentences, seen = [], set()
        for text, art in d["sentences"]:
            if text not in seen:
                seen.add(text)
                sentences.append(text)
        details[n] = {
            "cls": classes[d["cls"]].label if d["cls"] in classes else d["cls"],
            "roles": d.get("roles", []), "aliases": d.get("aliases", []),
            "community": groups.get(n, 0) + 1, "degree": G.degree(n),
            "score": round(scores.get(n, 0), 4), "status": d.get("status"), "date": d.get("date"),
            "articles": _article_info(G, d["articles"])[:MAX_ARTICLES],
            "moreArticles": max(0, len(d["articles"]) - MAX_ARTICLES),
            "sentences": sentences[:MAX_SENTENCES], "moreSentences": max(0, len(sentences) - MAX_SENTENCES),
            "href": href(n), "kind": d["kind"], "clsName": d["cls"],
        }
        entry = legend.setdefault(d["cls"], {"cls": d["cls"], "family": d["family"], "shape": shape,
                                             "glyph": GLYPHS[shape], "colour": colour, "count": 0,
                                             "label": details[n]["cls"]})
        entry["count"] += 1
    edges, edge_details = [], []
    for i, (u, v, k, d) in enumerate(sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))):
        cls = d.get("event_cls")
        colour = EVENT_COLOURS.get(cls, RELATION_COLOUR) if cls else RELATION_COLOUR
        edge = {"id": i, "from": u, "to": v, "label": d["relation"], "color": colour}
        if d.get("directed") is False:
            edge["arrows"] = ""
        if not cls:
            edge["dashes"] = True
        edges.append(edge)
        edge_details.append({"relation": d["relation"], "from": G.nodes[u]["label"],
                             "to": G.nodes[v]["label"], "evidence": d.get("evidence"),
                             "date": d.get("date"), "articles": _article_info(G, d.get("articles") or [])[:MAX_ARTICLES]})
    family_order = {f: i for i, f in enumerate((*ENTITY_FAMILIES, EVENT_FAMILY))}
    edge_legend = [{"label": c if c != "JointProduction" else "Joint production", "colour": col}
                   for c, col in EVENT_COLOURS.items()
                   if any(d.get("event_cls") == c for _, _, d in G.edges(data=True))]
    if any(not d.get("event_cls") for _, _, d in G.edges(data=True)):
        edge_legend.append({"label": "Description (member of, origin, …)", "colour": RELATION_COLOUR,
                            "dashed": True})
    return {
        "nodes": nodes, "edges": edges, "details": details, "edgeDetails": edge_details,
        "legend": sorted(legend.values(), key=lambda e: (family_order.get(e["family"], 9), e["label"])),
        "edgeLegend": edge_legend, "physics": not large, "focus": G.graph.get("focus"),
    }


def vis_options(physics: bool) -> dict:
    """vis-network options: stabilise then freeze when physics is on; no physics for large graphs."""
    return {
        "autoResize": True,
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not physics,
                        "navigationButtons": False, "keyboard": False},
        "nodes": {"font": {"size": 14, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}}, "width": 1.2,
                  "font": {"size": 10, "align": "middle", "color": "#555", "strokeWidth": 3},
                  "smooth": {"enabled": physics, "type": "continuous"}},
        "physics": ({"enabled": True, "solver": "barnesHut",
                     "barnesHut": {"gravitationalConstant": -6000, "springLength": 140,
                                   "springConstant": 0.03, "damping": 0.3},
                     "stabilization": {"enabled": True, "iterations": 400, "fit": True}}
                    if physics else {"enabled": False}),
    }


def _csp(*scripts: str) -> str:
    hashes = " ".join("'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
                      + "'" for s in scripts)
    # nothing may be fetched from anywhere, and only defgraph's own inline scripts may run
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
            "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")


def render_html(G: nx.MultiDiGraph, *, title: str = "defgraph", size_by: str = "degree",
                href: Callable[[str], str | None] = _http, open_on: str = "dblclick",
                subtitle: str | None = None) -> str:
    """One HTML page that draws the graph with vis-network, fetching nothing from anywhere.

    `href(iri)` gives the address a node opens (None: not a link); `open_on` is "click" or
    "dblclick".
    """
    assets = _assets()
    data = view_data(G, size_by=size_by, href=href)
    data["options"] = vis_options(data["physics"])
    data["openOn"] = open_on
    data_script = "window.DEFGRAPH = " + str(script_json(data)) + ";"
    scripts = [assets["vis_js"], data_script, assets["app_js"]]
    template = _env().get_template("view.html")
    return template.render(
        title=title, subtitle=subtitle, csp=_csp(*scripts), scripts=[Markup(s) for s in scripts],
        styles=[Markup(assets["vis_css"]), Markup(assets["app_css"])],
        legend=data["legend"], edge_legend=data["edgeLegend"],
        n_nodes=G.number_of_nodes(), n_edges=G.number_of_edges(),
        events=G.graph.get("events", "edges"), open_on=open_on,
    )
