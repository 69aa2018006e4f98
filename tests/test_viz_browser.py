"""Graph pages in a real headless Chromium (Debian's, driven by Playwright; no browser download):
the exported file offline, a 2,000-node page, and /graph on the server over real HTTP."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
import requests

from defgraph.server import Settings
from defgraph.store import OxigraphStore
from defgraph.viz import GraphRequest, build_graph, to_pyvis, write_html
from defgraph.viz.synthetic import synthetic_nquads

from .server_support import live_server
from .viz_data import XSS_IMG, XSS_SCRIPT, load_viz_store

SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
ID = "http://127.0.0.1:8080/id/"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("viz-browser-store")
    load_viz_store(path).close()
    return path


class Watched:
    """A page with its console messages, page errors and requests recorded."""

    def __init__(self, browser, viewport=(1400, 900)):
        self.page = browser.new_page(viewport={"width": viewport[0], "height": viewport[1]})
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.console.append((m.type, m.text)))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, url: str, timeout: float = 30_000) -> None:
        self.page.goto(url)
        # the page marks <body data-ready> once drawn and settled
        self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=timeout)

    def bad_console(self) -> list[tuple[str, str]]:
        return [m for m in self.console if m[0] in ("error", "warning")]

    def count(self, what: str) -> int:
        return self.page.evaluate(f"() => window.defgraphView.{what}.length")

    def hover_node(self, iri: str) -> str:
        """Move the mouse onto a node; the tooltip's text."""
        xy = self.page.evaluate("""(id) => {
            const n = window.defgraphView.network;
            const p = n.canvasToDOM(n.getPosition(id));
            const r = document.getElementById('dg-network').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }""", iri)
        self.page.mouse.move(xy[0] + 40, xy[1] + 40)
        self.page.mouse.move(xy[0], xy[1], steps=4)
        tip = self.page.locator("div.vis-tooltip")
        tip.wait_for(state="visible", timeout=5000)
        return tip.inner_text()

    def click_node(self, iri: str) -> None:
        xy = self.page.evaluate("""(id) => {
            const n = window.defgraphView.network;
            const p = n.canvasToDOM(n.getPosition(id));
            const r = document.getElementById('dg-network').getBoundingClientRect();
            return [p.x + r.left, p.y + r.top]; }""", iri)
        self.page.mouse.click(xy[0], xy[1])


def test_exported_page_works_offline_and_runs_no_injected_code(browser, store_dir, tmp_path):
    store = OxigraphStore(store_dir, read_only=True)
    out = tmp_path / "graph.html"
    G = write_html(store, GraphRequest(), out)
    store.close()
    w = Watched(browser)
    url = out.as_uri()
    w.open(url)
    assert w.errors == [] and w.bad_console() == []
    assert w.requests == [url]                           # nothing from any other place
    assert w.count("nodes") == G.number_of_nodes() == 8
    assert w.count("edges") == G.number_of_edges()
    # hostile text is shown as text, and never runs
    tip = w.hover_node(ID + "person/evil")
    assert XSS_SCRIPT in tip and XSS_IMG in tip and "<b>spy</b>" in tip
    assert "Leak " + XSS_SCRIPT in tip                   # the article title
    tip = w.hover_node(ID + "person/umerov")
    assert "Minister of Defence" in tip and "Umerov met Lecornu in Kyiv." in tip
    assert w.page.evaluate("() => typeof window.__xss") == "undefined"
    assert w.page.locator("#dg-legend img, #dg-legend script").count() == 0
    legend = w.page.locator("#dg-legend").inner_text()
    for cls in ("Person", "Ministry", "Government agency", "Country", "Air defense system", "Transfer"):
        assert cls in legend
    # the search box finds a node by alias
    w.page.fill("#dg-search-input", "DGA")
    w.page.press("#dg-search-input", "Enter")
    assert w.page.evaluate("() => window.defgraphView.network.getSelectedNodes()") == [ID + "agency/dga"]
    # colour by community: one colour per community; and back by class
    colour = "(id) => window.defgraphView.nodes.get(id).color"
    assert w.page.evaluate(colour, ID + "country/france") == "#f28e2b"
    w.page.check("input[name=dg-colour][value=community]")
    pairs = w.page.evaluate("() => window.defgraphView.nodes.get().map(n => [n.defgraph.community, n.color])")
    by_community: dict[int, set[str]] = {}
    for community, c in pairs:
        by_community.setdefault(community, set()).add(c)
    assert len(by_community) > 1 and all(len(cs) == 1 for cs in by_community.values())
    assert len(set.union(*by_community.values())) == len(by_community)
    w.page.check("input[name=dg-colour][value=class]")
    assert w.page.evaluate(colour, ID + "country/france") == "#f28e2b"
    # the legend hides and shows a class
    w.page.uncheck("#dg-legend input[data-cls=Country]")
    hidden = "() => window.defgraphView.nodes.get().filter(n => n.hidden).map(n => n.id).sort()"
    assert w.page.evaluate(hidden) == [ID + "country/france", ID + "country/ukraine"]
    w.page.check("#dg-legend input[data-cls=Country]")
    assert w.page.evaluate(hidden) == []
    SCREENSHOTS.mkdir(exist_ok=True)
    w.page.wait_for_timeout(500)
    w.page.screenshot(path=str(SCREENSHOTS / "viz_export.png"))
    assert w.page.evaluate("() => typeof window.__xss") == "undefined"
    assert w.errors == [] and w.bad_console() == []
    w.page.close()


def test_notebook_network_restyled_by_the_user(browser, store_dir, tmp_path):
    store = OxigraphStore(store_dir, read_only=True)
    G = build_graph(store)
    store.close()
    pages = {}
    net = to_pyvis(G, title="notebook")
    net.show_buttons(filter_=["physics"])
    net.show(str(tmp_path / "buttons.html"))
    pages["buttons"] = tmp_path / "buttons.html"
    net = to_pyvis(G, title="notebook")
    net.set_options('{"interaction": {"navigationButtons": true, "hover": true},'
                    ' "nodes": {"borderWidth": 5}, "physics": {"enabled": false}}')
    net.write_html(str(tmp_path / "options.html"))
    pages["options"] = tmp_path / "options.html"
    w = Watched(browser)
    w.open(pages["buttons"].as_uri())
    assert w.requests == [pages["buttons"].as_uri()]
    assert w.page.locator("#dg-config").is_visible()
    editor = w.page.locator("#dg-config .vis-configuration-wrapper")
    assert editor.count() == 1 and "physics" in editor.inner_text()
    assert w.page.locator("#dg-config .vis-configuration.vis-config-item").count() > 5
    # with the option editor shown the physics keeps running, so the user can tune it
    assert w.page.evaluate("() => window.defgraphView.network.physics.physicsEnabled") is True
    assert w.errors == [] and w.bad_console() == []
    w.page.goto("about:blank")
    w.requests.clear()
    w.open(pages["options"].as_uri())
    assert w.requests == [pages["options"].as_uri()]
    assert w.page.locator("#dg-config").is_hidden()
    assert w.page.locator(".vis-navigation .vis-button").count() >= 6     # drawn because the user asked
    assert w.page.evaluate("(id) => window.defgraphView.network.body.nodes[id].options.borderWidth",
                           ID + "person/umerov") == 5
    assert w.page.evaluate("() => window.defgraphView.physics") is False
    tip = w.hover_node(ID + "person/evil")
    assert XSS_SCRIPT in tip and "Role: <b>spy</b>" in tip
    assert w.page.evaluate("() => typeof window.__xss") == "undefined"
    assert w.errors == [] and w.bad_console() == []
    w.page.close()


def test_events_as_nodes_page(browser, store_dir, tmp_path):
    store = OxigraphStore(store_dir, read_only=True)
    out = tmp_path / "events.html"
    G = write_html(store, GraphRequest(events="nodes"), out)
    store.close()
    w = Watched(browser)
    w.open(out.as_uri())
    assert w.count("nodes") == G.number_of_nodes() == 12
    tip = w.hover_node(ID + "meeting/m2")
    assert "Meeting" in tip and XSS_SCRIPT in tip
    assert w.page.evaluate("() => typeof window.__xss") == "undefined"
    assert w.errors == [] and w.bad_console() == []
    w.page.close()


def test_two_thousand_nodes_open_drawn_and_settled(browser, tmp_path):
    store = OxigraphStore(None)
    store.load(synthetic_nquads(2000), "nquads")
    out = tmp_path / "big.html"
    G = write_html(store, GraphRequest(), out)
    w = Watched(browser)
    w.open(out.as_uri(), timeout=60_000)
    assert w.count("nodes") == G.number_of_nodes() == 2000
    assert w.count("edges") == G.number_of_edges()
    assert w.page.evaluate("() => window.defgraphView.physics") is False
    assert w.requests == [out.as_uri()]
    assert w.errors == [] and w.bad_console() == []
    SCREENSHOTS.mkdir(exist_ok=True)
    w.page.screenshot(path=str(SCREENSHOTS / "viz_2000.png"))
    w.page.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = load_viz_store(tmp_path_factory.mktemp("viz-server-store"))
    with live_server(store, Settings(workers=1)) as live:
        yield live
    store.close()


def _data(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="dg-data">(.*?)</script>', html, re.S).group(1))


def test_graph_endpoint_over_http(server):
    r = requests.get(server.url + "graph", params={"focus": "Lecornu", "depth": "1"}, timeout=30)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    data = _data(r.text)
    assert {n["label"] for n in data["nodes"]} == {"Sébastien Lecornu", "Rustem Umerov", "France"}
    umerov = next(n for n in data["nodes"] if n["id"] == ID + "person/umerov")
    assert umerov["defgraph"]["href"] == "/id/person/umerov"
    assert data["openOn"] == "click"
    q = "SELECT ?x WHERE { ?x a dg:Country }"
    r = requests.get(server.url + "graph", params={"query": q}, timeout=30)
    assert r.status_code == 200
    assert {n["label"] for n in _data(r.text)["nodes"]} == {"France", "Ukraine"}
    r = requests.get(server.url + "graph", timeout=30)
    assert len(_data(r.text)["nodes"]) == 8
    assert XSS_SCRIPT not in r.text
    for params, status, message in [({"focus": "Nobody"}, 400, "no entity"),
                                    ({"query": "SELECT ?x WHERE {"}, 400, "syntax error"),
                                    ({"query": "ASK { ?s ?p ?o }"}, 400, "ASK"),
                                    ({"depth": "many"}, 400, "depth"),
                                    ({"since": "soon"}, 400, "not a date"),
                                    ({"type": "Spaceship"}, 400, "not a class")]:
        r = requests.get(server.url + "graph", params=params, timeout=30)
        assert r.status_code == status and message in r.text, (params, r.text)
        assert "Traceback" not in r.text


def test_server_graph_page_opens_resource_pages(server, browser):
    w = Watched(browser)
    w.open(server.url + "graph?focus=" + quote("Sébastien Lecornu") + "&depth=1")
    assert w.count("nodes") == 3
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in w.requests)
    assert w.errors == [] and w.bad_console() == []
    with w.page.expect_navigation():
        w.click_node(ID + "person/umerov")
    assert urlsplit(w.page.url).path == "/id/person/umerov"
    assert "Rustem Umerov" in w.page.content()
    w.page.close()


def test_query_page_show_as_graph(server, browser):
    w = Watched(browser)
    w.page.goto(server.url)
    w.page.click("button.example[data-name='transfers']")
    w.page.wait_for_selector(".yasr_results table.dataTable tbody tr")
    with w.page.expect_navigation():
        w.page.click("#open-graph")
    w.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=30_000)
    assert urlsplit(w.page.url).path == "/graph"
    # the competency query names entities by label: the transfer's three ends are drawn
    labels = w.page.evaluate("() => window.defgraphView.nodes.get().map(n => n.label).sort()")
    assert labels == ["France", "SAMP/T", "Ukraine"]
    assert w.page.evaluate("() => typeof window.__xss") == "undefined"
    assert w.errors == [] and [m for m in w.console if m[0] == "error"] == []
    assert all(urlsplit(u).hostname == "127.0.0.1" for u in w.requests)
    w.page.close()


# every pair of drawn nodes whose boxes (shape and label, as vis-network draws them) overlap
OVERLAPS = """() => {
    const v = window.defgraphView, ids = v.nodes.getIds();
    const b = ids.map(id => [id, v.network.getBoundingBox(id)]);
    const out = [];
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
        const [p, q] = [b[i][1], b[j][1]];
        const ox = Math.min(p.right, q.right) - Math.max(p.left, q.left);
        const oy = Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top);
        if (ox > 0.5 && oy > 0.5) out.push([b[i][0], b[j][0]]);
    }
    return out; }"""


@pytest.mark.parametrize("focus", ["Umerov", "Ukraine", None])
def test_labels_of_a_focus_view_do_not_overlap(browser, dev_store, tmp_path, focus):
    out = tmp_path / "focus.html"
    G = write_html(dev_store, GraphRequest(focus=focus, depth=2), out)     # None: the whole dev graph
    w = Watched(browser)
    w.open(out.as_uri())
    assert w.count("nodes") == G.number_of_nodes() > 40
    assert w.page.evaluate(OVERLAPS) == []
    # a label is as vis-network draws it: the box is wider than the node for a long name
    widths = w.page.evaluate("() => window.defgraphView.nodes.getIds().map(id => { "
                             "const b = window.defgraphView.network.getBoundingBox(id); return b.right - b.left; })")
    assert max(widths) > 80
    assert w.errors == [] and w.bad_console() == [] and w.requests == [out.as_uri()]
    w.page.close()


def test_a_large_graph_opens_on_its_communities_and_shows_one_when_clicked(browser, tmp_path):
    from defgraph.viz import analytics

    store = OxigraphStore(None)
    store.load(synthetic_nquads(2500), "nquads")
    out = tmp_path / "large.html"
    G = write_html(store, GraphRequest(), out)
    groups = analytics.communities(G)
    members = {c + 1: sorted(n for n, g in groups.items() if g == c) for c in set(groups.values())}
    w = Watched(browser)
    w.open(out.as_uri(), timeout=60_000)
    shown = w.page.evaluate("() => window.defgraphView.nodes.getIds()")
    assert sorted(shown) == sorted(f"community:{c}" for c in members)
    assert "communities of 2500 nodes" in w.page.inner_text("#dg-header")
    # a click shows the community's members in its place, with their edges
    w.click_node("community:1")
    w.page.wait_for_function("() => !window.defgraphView.nodes.get('community:1')")
    shown = w.page.evaluate("() => window.defgraphView.nodes.getIds()")
    assert set(members[1]) <= set(shown) and len(shown) == len(members) - 1 + len(members[1])
    inside = sum(1 for u, v in G.edges() if groups[u] == groups[v] == 0)
    drawn = w.page.evaluate("""(ids) => { const s = new Set(ids); return window.defgraphView.edges.get()
        .filter(e => s.has(e.from) && s.has(e.to)).length; }""", members[1])
    assert drawn == inside > 0
    # finding a node of another community shows that community too
    other = members[2][0]
    assert w.page.evaluate("(label) => window.defgraphView.find(label)", G.nodes[other]["label"]) == [other]
    assert w.page.evaluate("(id) => !!window.defgraphView.nodes.get(id)", other)
    assert not w.page.evaluate("() => !!window.defgraphView.nodes.get('community:2')")
    assert w.requests == [out.as_uri()] and w.errors == [] and w.bad_console() == []
    SCREENSHOTS.mkdir(exist_ok=True)
    w.page.screenshot(path=str(SCREENSHOTS / "viz_communities.png"))
    w.page.close()
