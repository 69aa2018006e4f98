"""Graph views: store → networkx (classes, events, filters, focus, queries) → self-contained HTML."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyvis.network import Network

from defgraph.cli import main
from defgraph.queries import load_query, run_query
from defgraph.store import OxigraphStore
from defgraph.viz import (GraphRequest, VizError, build_graph, filter_dates, filter_types,
                          neighbourhood, render_html, select, selection_from_result, to_pyvis)
from defgraph.viz import analytics
from defgraph.viz.render import AGGREGATE_LIMIT, PHYSICS_LIMIT, class_style, page_assets, vis_options
from defgraph.viz.synthetic import synthetic_nquads
from defgraph.viz.view import graph_view

from .viz_data import ALL_ENTITIES, XSS_IMG, XSS_SCRIPT, load_viz_store

ID = "http://127.0.0.1:8080/id/"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("viz-store")
    load_viz_store(path).close()
    return path


@pytest.fixture
def store(store_dir):
    s = OxigraphStore(store_dir, read_only=True)
    yield s
    s.close()


def labels(G) -> set[str]:
    return {d["label"] for _, d in G.nodes(data=True)}


def relations(G) -> set[tuple[str, str, str]]:
    return {(G.nodes[u]["label"], d["relation"], G.nodes[v]["label"]) for u, v, d in G.edges(data=True)}


def test_events_collapse_into_labelled_edges(store):
    G = build_graph(store, events="edges")
    assert G.number_of_nodes() == ALL_ENTITIES
    assert {d["family"] for _, d in G.nodes(data=True)} == {"Person", "Agency", "Country", "Equipment"}
    assert G.nodes[ID + "equipment/samp-t"]["cls"] == "AirDefenseSystem"
    assert G.nodes[ID + "agency/mod-ua"]["cls"] == "Ministry"
    rel = relations(G)
    assert ("France", "supplied SAMP/T (pledged)", "Ukraine") in rel
    assert ("Ukraine", "receives (pledged)", "SAMP/T") in rel
    assert ("Sébastien Lecornu", "met", "Rustem Umerov") in rel
    assert ("Directorate General for Armaments", "signed memorandum", "Ministry of Defence of Ukraine") in rel
    assert ("Rustem Umerov", "member of", "Ministry of Defence of Ukraine") in rel
    assert ("SAMP/T", "origin", "France") in rel
    transfer = [d for u, v, d in G.edges(data=True) if d.get("event") == ID + "transfer/t1"
                and u == ID + "country/france"][0]
    assert transfer["evidence"] == "France will send a second SAMP/T battery to Ukraine."
    assert transfer["articles"] == [ID + "article/a1"]
    umerov = G.nodes[ID + "person/umerov"]
    assert umerov["aliases"] == ["Umerov"] and umerov["roles"] == ["Minister of Defence"]
    assert umerov["articles"] == [ID + "article/a1", ID + "article/a2"]
    assert ("Umerov met Lecornu in Kyiv.", ID + "article/a1") in umerov["sentences"]
    assert G.nodes[ID + "agency/dga"]["aliases"] == ["DGA"]


def test_events_as_nodes_join_their_participants(store):
    G = build_graph(store, events="nodes")
    events = {n for n, d in G.nodes(data=True) if d["kind"] == "event"}
    assert events == {ID + "transfer/t1", ID + "meeting/m1", ID + "meeting/m2", ID + "agreement/g1"}
    assert G.number_of_nodes() == ALL_ENTITIES + 4
    assert G.has_edge(ID + "country/france", ID + "transfer/t1")
    assert G[ID + "transfer/t1"][ID + "country/ukraine"]
    assert {d["relation"] for _, _, d in G.out_edges(ID + "transfer/t1", data=True)} == {"recipient", "equipment"}
    assert G.nodes[ID + "transfer/t1"]["status"] == "pledged"
    with pytest.raises(VizError, match="events"):
        build_graph(store, events="arcs")


def test_date_filter_keeps_what_articles_of_those_dates_say(store):
    G = build_graph(store)
    late = filter_dates(G, since=date(2024, 1, 1))
    assert labels(late) == {"Rustem Umerov", "Mallory " + XSS_SCRIPT}
    assert {r[1] for r in relations(late)} == {"met"}
    early = filter_dates(G, until=date(2023, 12, 31))
    assert "Mallory " + XSS_SCRIPT not in labels(early) and len(early) == ALL_ENTITIES - 1
    # gazetteer facts (no article) hold whenever both ends are drawn
    assert ("SAMP/T", "origin", "France") in relations(early)
    assert filter_dates(G, since=date(2025, 1, 1)).number_of_nodes() == 0
    with pytest.raises(VizError, match="after"):
        filter_dates(G, since=date(2024, 1, 1), until=date(2023, 1, 1))


def test_type_filter_by_family_or_specific_class(store):
    G = build_graph(store)
    people = filter_types(G, ["Person"])
    assert labels(people) == {"Rustem Umerov", "Sébastien Lecornu", "Mallory " + XSS_SCRIPT}
    assert {r[1] for r in relations(people)} == {"met"}
    kit = filter_types(G, ["country", "Equipment"])
    assert labels(kit) == {"France", "Ukraine", "SAMP/T"}
    assert labels(filter_types(G, ["Ministry"])) == {"Ministry of Defence of Ukraine"}
    with pytest.raises(VizError, match="'Tanks'.*not a class"):
        filter_types(G, ["Tanks"])
    # events-as-nodes: an event stays while it joins two of the kept entities
    N = filter_types(build_graph(store, events="nodes"), ["Person"])
    assert {n for n, d in N.nodes(data=True) if d["kind"] == "event"} == {ID + "meeting/m1", ID + "meeting/m2"}


def test_focus_by_label_or_alias_and_depth(store):
    G = build_graph(store)
    one = neighbourhood(G, "lecornu", 1)
    assert labels(one) == {"Sébastien Lecornu", "Rustem Umerov", "France"}
    assert one.graph["focus"] == ID + "person/lecornu"
    assert labels(neighbourhood(G, "SEBASTIEN LECORNU", 0)) == {"Sébastien Lecornu"}
    two = neighbourhood(G, "Lecornu", 2)
    assert {"Ministry of Defence of Ukraine", "Ukraine", "SAMP/T", "Mallory " + XSS_SCRIPT} <= labels(two)
    # in events-as-nodes mode the event node is passed on the way
    N = neighbourhood(build_graph(store, events="nodes"), "Lecornu", 1)
    assert labels(N) == {"Sébastien Lecornu", "Rustem Umerov", "France",
                         "meeting: Rustem Umerov – Sébastien Lecornu"}
    with pytest.raises(VizError, match="'Nobody': no entity"):
        neighbourhood(G, "Nobody", 1)


def test_query_selects_what_its_rows_name(store):
    G = build_graph(store)
    # a competency query returns labels, not IRIs
    sel = selection_from_result(run_query(store, load_query("transfers")))
    H = select(G, sel)
    assert labels(H) == {"France", "Ukraine", "SAMP/T"}
    # a SELECT draws its rows: an edge between each two entities of a row, labelled with their
    # variables, and not the store's relations between them (SAMP/T's origin, France)
    assert relations(H) == {("France", "supplier → recipient", "Ukraine"),
                            ("France", "supplier → equipment", "SAMP/T"),
                            ("Ukraine", "recipient → equipment", "SAMP/T")}
    construct = """CONSTRUCT { ?a dg:metWith ?b } WHERE {
        ?m a dg:Meeting ; dg:participant ?a, ?b . FILTER(STR(?a) < STR(?b)) }"""
    C = select(G, selection_from_result(run_query(store, construct)))
    assert labels(C) == {"Rustem Umerov", "Sébastien Lecornu", "Mallory " + XSS_SCRIPT}
    # an event named by IRI brings its participants
    E = select(G, selection_from_result(run_query(store, "SELECT ?e WHERE { ?e a dg:Agreement }")))
    assert labels(E) == {"Ministry of Defence of Ukraine", "Directorate General for Armaments"}
    with pytest.raises(VizError, match="ASK"):
        selection_from_result(run_query(store, "ASK { ?s ?p ?o }"))


def test_select_rows_by_iri_and_label_become_edges_counted_once(store):
    G = build_graph(store)
    rows = run_query(store, """SELECT ?person ?country ?name WHERE {
        ?person dg:nationality ?country . ?country rdfs:label ?name }""")
    H = select(G, selection_from_result(rows))
    # ?person and ?country are IRIs, ?name a label naming the same country: a self-pair, not drawn
    assert relations(H) == {("Rustem Umerov", "person → country", "Ukraine"),
                            ("Sébastien Lecornu", "person → country", "France"),
                            ("Rustem Umerov", "person → name", "Ukraine"),
                            ("Sébastien Lecornu", "person → name", "France")}
    again = run_query(store, """SELECT ?country ?x WHERE {
        ?country a dg:Country . VALUES ?x { "Rustem Umerov" "Umerov" "no one" } }""")
    H = select(G, selection_from_result(again))
    edges = {(G.nodes[u]["label"], G.nodes[v]["label"]): d for u, v, d in H.edges(data=True)}
    assert set(edges) == {("France", "Rustem Umerov"), ("Ukraine", "Rustem Umerov")}
    assert {d["rows"] for d in edges.values()} == {2}       # by label and by alias
    # with events as nodes, a row naming an event brings the event node and its participants
    N = select(build_graph(store, events="nodes"),
               selection_from_result(run_query(store, "SELECT ?e WHERE { ?e a dg:Agreement }")))
    assert labels(N) == {"Ministry of Defence of Ukraine", "Directorate General for Armaments",
                         "memorandum: Ministry of Defence of Ukraine – Directorate General for Armaments"}
    assert N.number_of_edges() == 2


def test_graph_view_applies_filters_in_order(store):
    G = graph_view(store, GraphRequest(types=["Person", "Country"], until=date(2023, 12, 31),
                                       focus="Umerov", depth=1))
    assert labels(G) == {"Rustem Umerov", "Sébastien Lecornu", "Ukraine"}


def page_data(html: str) -> dict:
    """The data block of a page: pyvis's nodes, edges and options, and defgraph's settings."""
    blocks = re.findall(r'<script type="application/json" id="dg-data">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def assert_self_contained(html: str) -> None:
    """Nothing is fetched: no external scripts, stylesheets, images or frames, no CDN."""
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", html, re.I)
    assert "<link" not in html and "@import" not in html
    for host in ("bootstrap", "cdnjs", "cdn.jsdelivr", "unpkg"):
        assert host not in html.lower()
    assert 'http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;' in html


def test_page_is_self_contained_and_escapes_article_text(store):
    G = build_graph(store)
    G.graph["focus"] = ID + "person/evil"
    html = render_html(G, title="Title <script>window.__xss=1</script>",
                       subtitle="around " + G.nodes[ID + "person/evil"]["label"])
    assert_self_contained(html)
    # hostile text appears only escaped
    assert XSS_SCRIPT not in html and XSS_IMG not in html and "onerror=\"" not in html
    assert "<b>spy</b>" not in html
    assert "Title &lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "around Mallory &lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    # only vis-network and defgraph's script run; the data block is not a script
    assets = page_assets()
    rest = html.replace(assets["vis_js"], "").replace(assets["app_js"], "")
    assert re.findall(r"<script[^>]*>", rest) == ['<script type="application/json" id="dg-data">',
                                                  "<script>", "<script>"]
    assert rest.count("</script") == 3
    # the data the page draws is the graph, its text intact
    data = page_data(html)
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()
    evil = next(n for n in data["nodes"] if n["id"] == ID + "person/evil")
    assert evil["label"] == "Mallory " + XSS_SCRIPT and evil["defgraph"]["aliases"] == [XSS_IMG]
    assert "Role: <b>spy</b>" in evil["title"] and "Leak " + XSS_SCRIPT in evil["title"]
    assert data["physics"] is False and data["focus"] == ID + "person/evil"     # placed, not simulated
    assert json.loads(data["options"])["physics"]["solver"] == "barnesHut"


def test_data_block_cannot_be_ended_by_what_a_user_adds(store):
    net = to_pyvis(build_graph(store))
    hostile = "</script><script>window.__xss=3</script><!-- & \u2028\u2029 >"
    net.add_node("x", label=hostile, title=hostile)
    net.set_options(json.dumps({"nodes": {"borderWidth": 2}}))
    html = net.generate_html()
    assert hostile not in html and "window.__xss=3" in html     # present, but only as JSON text
    assert html.count("</script") == 3 and "\u2028" not in html and "\u2029" not in html
    added = [n for n in page_data(html)["nodes"] if n["id"] == "x"]
    assert added == [{"id": "x", "label": hostile, "title": hostile, "shape": "dot", "color": "#97c2fc"}]


def test_to_pyvis_carries_every_node_edge_and_option(store):
    G = build_graph(store, events="nodes")
    net = to_pyvis(G, title="events")
    assert net.heading == "events" and net.directed
    assert [n["id"] for n in net.nodes] == sorted(G.nodes)
    sizes = analytics.sizes(analytics.centrality(G, "degree"))
    groups = analytics.communities(G)
    for n, d in G.nodes(data=True):
        node = net.get_node(n)
        shape, colour = class_style(d["cls"], d["family"])
        assert (node["label"], node["shape"], node["color"]) == (d["label"], shape, colour)
        assert node["size"] == (8 if d["kind"] == "event" else sizes[n])
        assert node["group"] == f"community {groups[n] + 1}"
        assert node["title"].splitlines()[0] == d["label"]
        assert node["defgraph"]["href"] == n and node["defgraph"]["cls"] == d["cls"]
        assert "x" in node and "y" in node                  # every node is placed: no simulation to wait for
    umerov = net.get_node(ID + "person/umerov")["title"]
    assert "Person · community" in umerov and "Role: Minister of Defence" in umerov
    assert "  “Umerov met Lecornu in Kyiv.”" in umerov.splitlines()
    assert "  2023-09-29 · Ukraine and France agree on air defence" in umerov.splitlines()
    assert net.get_node(ID + "meeting/m1")["font"] == {"size": 10, "color": "#666"}
    # every edge, even parallel ones, with its label and tooltip
    assert len(net.edges) == G.number_of_edges()
    assert sorted((e["from"], e["label"], e["to"]) for e in net.edges) == sorted(
        (u, d["relation"], v) for u, v, d in G.edges(data=True))
    # the edges are those pyvis's add_edge makes
    ref = Network(directed=True)
    for node in net.nodes:
        ref.add_node(node["id"])
    for e in net.edges:
        ref.add_edge(e["from"], e["to"], **{k: v for k, v in e.items() if k not in ("from", "to")})
    assert ref.edges == net.edges
    recipient = next(e for e in net.edges if e["from"] == ID + "transfer/t1" and e["label"] == "recipient")
    assert recipient["title"].startswith("France → Ukraine: SAMP/T (pledged) — recipient → Ukraine")
    # defgraph's options, written into pyvis's option objects
    options = json.loads(net.options.to_json())
    expected = vis_options(True)
    for key in ("autoResize", "layout", "nodes"):
        assert options[key] == expected[key]
    assert options["interaction"]["tooltipDelay"] == 150 and options["edges"]["smooth"]["type"] == "continuous"
    assert options["physics"]["barnesHut"] == expected["physics"]["barnesHut"]
    assert options["physics"]["stabilization"]["iterations"] == 400
    net.toggle_physics(False)
    assert json.loads(net.options.to_json())["physics"]["enabled"] is False


def test_readme_pyvis_example_runs(tmp_path, monkeypatch):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    # the python block that uses to_pyvis (never a match across the end of a block)
    example = re.search(r"```python\n((?:(?!```).)*?to_pyvis(?:(?!```).)*?)```", readme, re.S).group(1)
    monkeypatch.chdir(tmp_path)
    load_viz_store(tmp_path / "defgraph-store").close()
    scope: dict = {}
    exec(compile(example, "README.md", "exec"), scope)
    html = (tmp_path / "umerov.html").read_text(encoding="utf-8")
    assert_self_contained(html)
    data = page_data(html)
    assert {n["label"] for n in data["nodes"]} >= {"Rustem Umerov", "Sébastien Lecornu"}
    assert json.loads(data["options"]) == {"interaction": {"navigationButtons": True}}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["defgraph-store", "umerov.html"]


def test_graphs_above_the_limit_open_on_their_communities():
    s = OxigraphStore(None)
    s.load(synthetic_nquads(AGGREGATE_LIMIT + 200), "nquads")
    G = build_graph(s)
    net = to_pyvis(G)
    data = page_data(net.generate_html())
    communities = data["aggregate"]
    groups = analytics.communities(G)
    assert len(communities) == len(set(groups.values())) > 1
    assert sum(c["members"] for c in communities) == G.number_of_nodes()
    assert [c["community"] for c in communities] == list(range(1, len(communities) + 1))
    assert all(c["label"] and c["title"].startswith(f"Community {c['community']}:") for c in communities)
    # every node is still in the page (a community shows its members when clicked), placed
    # around its community's place
    assert len(data["nodes"]) == G.number_of_nodes() and all("x" in n for n in data["nodes"])
    centre = {c["community"]: (c["x"], c["y"]) for c in communities}
    for n in data["nodes"][:50]:
        cx, cy = centre[n["defgraph"]["community"]]
        assert abs(n["x"] - cx) < 2000 and abs(n["y"] - cy) < 2000
    assert f"{len(communities)} communities of {G.number_of_nodes()} nodes" in net.generate_html()
    # at the limit and below, every node is drawn
    small = OxigraphStore(None)
    small.load(synthetic_nquads(300), "nquads")
    assert page_data(to_pyvis(build_graph(small)).generate_html())["aggregate"] is None


def test_large_graphs_get_positions_and_no_physics():
    s = OxigraphStore(None)
    s.load(synthetic_nquads(PHYSICS_LIMIT + 100), "nquads")
    G = build_graph(s)
    assert G.number_of_nodes() == PHYSICS_LIMIT + 100
    net = to_pyvis(G)
    assert net.options.physics.enabled is False and net.options.interaction.hideEdgesOnDrag is True
    assert all("x" in n and "y" in n for n in net.nodes)
    xy = {(n["x"], n["y"]) for n in net.nodes}
    assert len(xy) > 0.95 * len(net.nodes)              # nodes are spread out, not stacked
    assert page_data(net.generate_html())["physics"] is False


def test_notebook_show_and_write_html_give_the_same_offline_page(store, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    net = to_pyvis(build_graph(store), title="notebook")
    page = net.generate_html()
    frame = net.show("shown.html")                      # what a notebook displays
    assert frame.src == "shown.html" and (tmp_path / "shown.html").read_text(encoding="utf-8") == page
    net.write_html(str(tmp_path / "written.html"))
    assert (tmp_path / "written.html").read_text(encoding="utf-8") == page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shown.html", "written.html"]   # no lib/ copied
    assert_self_contained(page)
    assert page == render_html(build_graph(store), title="notebook")
    # the template inlines everything, whatever pyvis is told about resources
    for where in ("local", "in_line", "remote"):
        net.cdn_resources = where
        assert net.generate_html() == page


def test_users_set_options_and_show_buttons_reach_the_page(store):
    net = to_pyvis(build_graph(store))
    assert json.loads(page_data(net.generate_html())["options"])["configure"] == {"enabled": False}
    net.show_buttons(filter_=["physics", "nodes"])
    html = net.generate_html()
    assert json.loads(page_data(html)["options"])["configure"] == {"enabled": True,
                                                                  "filter": ["physics", "nodes"]}
    net.set_options("""var options = {"interaction": {"navigationButtons": true},
                                      "nodes": {"borderWidth": 5}, "physics": {"enabled": false}}""")
    data = page_data(net.generate_html())
    assert json.loads(data["options"]) == {"interaction": {"navigationButtons": True},
                                           "nodes": {"borderWidth": 5}, "physics": {"enabled": False}}
    assert data["physics"] is False


def test_sizes_follow_centrality_and_communities_cover_the_graph(store):
    G = build_graph(store)
    scores = analytics.centrality(G, "degree")
    sizes = analytics.sizes(scores)
    hub = max(scores, key=scores.get)
    assert sizes[hub] == analytics.MAX_SIZE
    assert all(sizes[a] <= sizes[b] for a in sizes for b in sizes if scores[a] <= scores[b])
    groups = analytics.communities(G)
    assert set(groups) == set(G.nodes)
    for measure in ("betweenness", "pagerank"):
        assert set(analytics.centrality(G, measure)) == set(G.nodes)


def test_cli_viz_writes_one_page(store_dir, tmp_path):
    out = tmp_path / "g.html"
    r = CliRunner().invoke(main, ["viz", "--store", str(store_dir), "--out", str(out),
                                  "--focus", "Umerov", "--depth", "1", "--events", "nodes"])
    assert r.exit_code == 0, r.output
    assert "nodes" in r.output and out.read_text().startswith("<!DOCTYPE html>")
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?x WHERE { ?x a dg:Country }")
    r = CliRunner().invoke(main, ["viz", "--store", str(store_dir), "--out", str(out), "--query", str(q),
                                  "--since", "2023-01-01", "--type", "Country,Equipment"])
    assert r.exit_code == 0, r.output
    assert "2 nodes" in r.output


@pytest.mark.parametrize("args, message", [
    (["--type", "Spaceship"], "'Spaceship': not a class"),
    (["--since", "yesterday"], "not a date"),
    (["--focus", "Nobody"], "no entity has this name"),
    (["--query", "SELECT ?x WHERE {"], "SPARQL syntax error"),
])
def test_cli_viz_bad_input_is_a_clear_error(store_dir, tmp_path, args, message):
    out = tmp_path / "bad.html"
    r = CliRunner().invoke(main, ["viz", "--store", str(store_dir), "--out", str(out), *args])
    assert r.exit_code != 0 and message in r.output
    assert not out.exists()


def test_edge_rules_label_each_kind_from_its_values():
    from defgraph.viz.build import EDGE_RULES
    values = {"status": None, "count": 40, "kind": "contract", "equipment": "K9"}
    labels = {cls: [r.label(values) for r in rules] for cls, rules in EDGE_RULES.items()}
    assert labels["Training"] == ["trains (40)"]
    assert labels["Transfer"] == ["supplied K9", "receives", "supplies"]
    assert labels["Agreement"] == ["signed contract"]
    assert [r.unless for r in EDGE_RULES["Transfer"]] == [None, None, "recipient"]


def test_timeline_reads_one_row_per_merged_event_whatever_the_store_holds(dev_store):
    """Each deal, meeting and agreement is one row of the timeline's item query: a meeting has no
    status, and its status label is never looked up among every label in the store (which made
    the timeline of 2,000 articles run out of memory)."""
    from defgraph.deals import deals_graph
    from defgraph.namespaces import Minter
    from defgraph.viz import timeline

    graph = deals_graph(Minter(dev_store.base_iri))
    rows = timeline._rows(dev_store, timeline.ITEMS_QUERY, graph)
    items = timeline.timeline_items(dev_store)
    assert len(rows) == len(items) == len({r["m"] for r in rows}) > 0
    assert {i.category for i in items} >= {"deal", "meeting"}
    assert all(i.status is None for i in items if i.category != "deal")
    assert any(i.status for i in items if i.category == "deal")
