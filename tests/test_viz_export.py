"""Graph views as files for Gephi, Cytoscape and networkx: written for the dev corpus in every
format of the table, read back with networkx's own readers."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from defgraph.cli import main
from defgraph.viz import GraphRequest, build_graph, write_view
from defgraph.viz.export import VIZ_FORMATS, viz_format

from .viz_data import load_viz_store

READERS = {
    "gexf": nx.read_gexf,
    "graphml": nx.read_graphml,
    "json": lambda path: nx.node_link_graph(json.loads(Path(path).read_text(encoding="utf-8")), edges="edges"),
}


def test_every_file_format_has_a_reader_here_and_is_the_clis_choice():
    assert set(READERS) | {"html"} == set(VIZ_FORMATS)
    fmt = next(p for p in main.commands["viz"].params if p.name == "fmt")
    assert list(fmt.type.choices) == list(VIZ_FORMATS)
    assert len({f.suffix for f in VIZ_FORMATS.values()}) == len(VIZ_FORMATS)


@pytest.mark.parametrize("events", ["edges", "nodes"])
@pytest.mark.parametrize("fmt", sorted(READERS))
def test_dev_corpus_graph_reads_back_with_networkx(dev_store, tmp_path, fmt, events):
    G = build_graph(dev_store, events=events)
    assert G.number_of_nodes() > 100 and G.number_of_edges() > 100
    out = tmp_path / f"graph{VIZ_FORMATS[fmt].suffix}"
    written = write_view(dev_store, GraphRequest(events=events), out)
    assert (written.number_of_nodes(), written.number_of_edges()) == (G.number_of_nodes(), G.number_of_edges())

    H = READERS[fmt](out)
    assert set(H.nodes) == set(G.nodes)
    assert H.number_of_edges() == G.number_of_edges()
    for n, d in G.nodes(data=True):
        back = H.nodes[n]
        assert back["label"] == d["label"]
        assert (back["cls"], back["family"], back["kind"]) == (d["cls"], d["family"], d["kind"])
    # every edge keeps its ends and its relation, which is also its label
    edges = lambda g: Counter((u, v, d["relation"]) for u, v, d in g.edges(data=True))  # noqa: E731
    assert edges(H) == edges(G)
    assert all(d["label"] == d["relation"] for _, _, d in H.edges(data=True))

    # lists: joined with "; " in GEXF and GraphML, kept as lists in JSON; None left out
    umerov = next(n for n, d in G.nodes(data=True) if d["label"] == "Rustem Umerov")
    articles = G.nodes[umerov]["articles"]
    assert len(articles) >= 2
    expected = articles if fmt == "json" else "; ".join(articles)
    assert H.nodes[umerov]["articles"] == expected
    with_date = [(u, v, d) for u, v, d in G.edges(data=True) if d.get("date")]
    without = [(u, v, d) for u, v, d in H.edges(data=True) if "date" not in d]
    assert with_date and len(without) == G.number_of_edges() - len(with_date)


def test_json_keeps_the_articles_with_iso_dates(dev_store, tmp_path):
    out = tmp_path / "g.json"
    G = write_view(dev_store, GraphRequest(), out)
    H = READERS["json"](out)
    assert H.graph["events"] == "edges"
    assert set(H.graph["articles"]) == set(G.graph["articles"])
    for iri, info in G.graph["articles"].items():
        assert H.graph["articles"][iri]["date"] == info["date"].isoformat()
        assert H.graph["articles"][iri]["title"] == info["title"]


def test_untrusted_text_with_characters_xml_cannot_hold(tmp_path):
    store = load_viz_store(tmp_path / "store")
    store.load('<http://127.0.0.1:8080/id/person/evil> <http://www.w3.org/2004/02/skos/core#altLabel> '
               '"bell\\u0007 and <b>tag</b> & \\u0001" <http://127.0.0.1:8080/graph/entities> .\n'.encode(),
               "nquads")
    try:
        for fmt in ("gexf", "graphml"):
            out = tmp_path / f"g.{fmt}"
            write_view(store, GraphRequest(), out)
            H = READERS[fmt](out)
            aliases = H.nodes["http://127.0.0.1:8080/id/person/evil"]["aliases"]
            assert "bell and <b>tag</b> & " in aliases.split("; ")
            assert H.nodes["http://127.0.0.1:8080/id/person/evil"]["label"] == "Mallory <script>window.__xss=1</script>"
    finally:
        store.close()


def test_cli_format_from_the_option_or_the_suffix(dev_store_dir, tmp_path):
    run = lambda *args: CliRunner().invoke(main, ["viz", "--store", str(dev_store_dir), *args])  # noqa: E731
    r = run("--out", str(tmp_path / "g.gexf"), "--type", "Country,Equipment")
    assert r.exit_code == 0, r.output
    assert "(gexf)" in r.output
    H = nx.read_gexf(tmp_path / "g.gexf")
    assert H.number_of_nodes() > 0 and {d["family"] for _, d in H.nodes(data=True)} == {"Country", "Equipment"}

    r = run("--out", str(tmp_path / "g.xml"), "--format", "graphml")
    assert r.exit_code == 0, r.output
    assert nx.read_graphml(tmp_path / "g.xml").number_of_nodes() > 100

    r = run("--out", str(tmp_path / "g.out"))      # a suffix of no format: the page, as before
    assert r.exit_code == 0, r.output
    assert (tmp_path / "g.out").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    r = run("--out", str(tmp_path / "g.pdf"), "--format", "pdf")
    assert r.exit_code != 0 and "'pdf' is not one of 'html', 'gexf', 'graphml', 'json'" in r.output
    assert not (tmp_path / "g.pdf").exists()


def test_format_by_name_suffix_or_default():
    assert viz_format("json", "x.gexf").name == "json"
    assert viz_format(None, "X.GraphML").name == "graphml"
    assert viz_format(None, "x.txt").name == "html"
    with pytest.raises(ValueError, match="'svg' is not one of html, gexf, graphml, json"):
        viz_format("svg")


def test_select_on_the_dev_corpus_draws_its_rows(dev_store, dev_store_dir, tmp_path):
    from defgraph.queries import load_query, run_query

    out = tmp_path / "transfers.json"
    r = CliRunner().invoke(main, ["viz", "--store", str(dev_store_dir), "--out", str(out), "--query", "transfers"])
    assert r.exit_code == 0, r.output
    H = READERS["json"](out)
    assert {d["relation"] for _, _, d in H.edges(data=True)} == {
        "supplier → recipient", "supplier → equipment", "recipient → equipment"}
    drawn = {(H.nodes[u]["label"], H.nodes[v]["label"]) for u, v, d in H.edges(data=True)
             if d["relation"] == "supplier → recipient"}
    rows = {(row["supplier"].value, row["recipient"].value) for row in run_query(dev_store, load_query("transfers"))}
    assert drawn == {pair for pair in rows if pair[0] != pair[1]}
