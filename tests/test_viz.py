"""Graph views: store → networkx (classes, events, filters, focus, queries) → self-contained HTML."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from click.testing import CliRunner

from defgraph.cli import main
from defgraph.queries import load_query, run_query
from defgraph.store import OxigraphStore
from defgraph.viz import (GraphRequest, VizError, build_graph, filter_dates, filter_types,
                          neighbourhood, render_html, select, selection_from_result)
from defgraph.viz import analytics
from defgraph.viz.render import PHYSICS_LIMIT, script_json, view_data
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
    assert ("France", "supplied SAMP/T (pledged)", "Ukraine") in relations(H)
    construct = """CONSTRUCT { ?a dg:metWith ?b } WHERE {
        ?m a dg:Meeting ; dg:participant ?a, ?b . FILTER(STR(?a) < STR(?b)) }"""
    C = select(G, selection_from_result(run_query(store, construct)))
    assert labels(C) == {"Rustem Umerov", "Sébastien Lecornu", "Mallory " + XSS_SCRIPT}
    # an event named by IRI brings its participants
    E = select(G, selection_from_result(run_query(store, "SELECT ?e WHERE { ?e a dg:Agreement }")))
    assert labels(E) == {"Ministry of Defence of Ukraine", "Directorate General for Armaments"}
    with pytest.raises(VizError, match="ASK"):
        selection_from_result(run_query(store, "ASK { ?s ?p ?o }"))


def test_graph_view_applies_filters_in_order(store):
    G = graph_view(store, GraphRequest(types=["Person", "Country"], until=date(2023, 12, 31),
                                       focus="Umerov", depth=1))
    assert labels(G) == {"Rustem Umerov", "Sébastien Lecornu", "Ukraine"}


def test_page_is_self_contained_and_escapes_article_text(store):
    G = build_graph(store)
    html = render_html(G, title="Title <script>window.__xss=1</script>")
    # nothing is fetched: no external scripts, stylesheets, images or frames
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", html, re.I)
    assert "bootstrap" not in html.lower() and "cdn.jsdelivr" not in html
    assert 'http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;' in html
    # hostile text appears only escaped
    assert XSS_SCRIPT not in html and XSS_IMG not in html and "onerror=\"" not in html
    assert "<b>spy</b>" not in html
    assert "Title &lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    # the data the page draws is the graph
    data = json.loads(re.search(r"window\.DEFGRAPH = (\{.*?\});</script>", html, re.S).group(1))
    assert len(data["nodes"]) == G.number_of_nodes() and len(data["edges"]) == G.number_of_edges()
    assert data["details"][ID + "person/evil"]["aliases"] == [XSS_IMG]
    assert data["physics"] is True


def test_script_json_cannot_end_the_script_element():
    text = str(script_json({"a": "</script><!-- & \u2028\u2029 >"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_large_graphs_get_positions_and_no_physics():
    s = OxigraphStore(None)
    s.load(synthetic_nquads(PHYSICS_LIMIT + 100), "nquads")
    G = build_graph(s)
    assert G.number_of_nodes() == PHYSICS_LIMIT + 100
    data = view_data(G)
    assert data["physics"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    xy = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(xy) > 0.95 * len(data["nodes"])         # nodes are spread out, not stacked


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
