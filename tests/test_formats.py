"""One table of formats and one of settings: every registered format round-trips through the
command line and the server (real HTTP on loopback, an on-disk store), and `defgraph serve`'s
options are the settings table's rows."""

from __future__ import annotations

import typing
from dataclasses import fields

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner

from defgraph.cli import main
from defgraph.cli.base import settings_from
from defgraph.cli.pages import serve
from defgraph.formats import FORMATS, FormatError, by_suffix, family, lookup
from defgraph.link import import_file
from defgraph.queries import QUERY_FORMATS
from defgraph.server import Settings
from defgraph.server.settings import options
from defgraph.store import OxigraphStore

from .server_support import TOKEN, live_server, sample_store

SELECT = "SELECT ?c ?name WHERE { ?c a dg:Country ; rdfs:label ?name } ORDER BY ?name"
CONSTRUCT = "CONSTRUCT { ?c rdfs:label ?name } WHERE { ?c a dg:Country ; rdfs:label ?name }"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The sample store on disk, served with updates allowed; (server, store folder)."""
    folder = tmp_path_factory.mktemp("formats")
    store = sample_store(folder / "store")
    store.close()
    store = OxigraphStore(folder / "store")
    with live_server(store, Settings(allow_update=True, update_token=TOKEN, workers=1)) as live:
        yield live, folder / "store"
    store.close()


def cli(*args: str) -> bytes:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def solutions(body: bytes, form) -> list[tuple]:
    """The rows of an answer, as plain text (CSV keeps no more; Oxigraph reads the others)."""
    if form.name == "csv":
        import csv
        import io

        return [tuple(r) for r in csv.reader(io.StringIO(body.decode("utf-8")))][1:]
    return [tuple(s[v].value for v in ("c", "name")) for s in ox.parse_query_results(body, format=form.oxigraph)]


def triples(body: bytes, form) -> set:
    return {q.triple if isinstance(q, ox.Quad) else q for q in ox.parse(body, format=form.oxigraph)}


def test_the_table_is_consistent():
    for kind in ("results", "rdf", "view"):
        names = [n for f in family(kind) for n in f.names]
        assert len(names) == len(set(names)), kind             # a name means one format of a kind
        suffixes = [s for f in family(kind) for s in f.suffixes]
        assert len(suffixes) == len(set(suffixes)), kind
    for f in FORMATS:
        assert lookup(f.kind, f.name) is f and by_suffix(f.kind, "x" + f.suffix) is f
        assert all(lookup(f.kind, alias) is f for alias in (*f.aliases, *f.media_types))
    with pytest.raises(FormatError, match="not one of turtle, ntriples"):
        lookup("rdf", "n3")


@pytest.mark.parametrize("form", family("results", served=True), ids=lambda f: f.name)
def test_every_results_format_round_trips_through_cli_and_server(served, form):
    live, store_dir = served
    from_cli = cli("query", SELECT, "--store", str(store_dir), "--format", form.name)
    by_name = requests.get(live.sparql, params={"query": SELECT, "format": form.name})
    assert by_name.status_code == 200
    assert by_name.headers["Content-Type"].split(";")[0] == form.media_type
    assert solutions(from_cli, form) == solutions(by_name.content, form) == [
        ("http://127.0.0.1:8080/id/country/france", "France"),
        ("http://127.0.0.1:8080/id/country/ukraine", "Ukraine")]
    for media_type in form.media_types:      # content negotiation answers every media type it lists
        r = requests.get(live.sparql, params={"query": SELECT}, headers={"Accept": media_type})
        assert r.headers["Content-Type"].split(";")[0] == form.media_type, media_type
    if form.boolean:
        ask = requests.get(live.sparql, params={"query": "ASK { ?c a dg:Country }", "format": form.name})
        assert bool(ox.parse_query_results(ask.content, format=form.oxigraph)) is True
        assert bool(ox.parse_query_results(cli("query", "ASK { ?c a dg:Country }", "--store", str(store_dir),
                                               "--format", form.name), format=form.oxigraph)) is True


@pytest.mark.parametrize("form", family("rdf"), ids=lambda f: f.name)
def test_every_rdf_format_round_trips_through_cli_and_server(served, form, tmp_path):
    live, store_dir = served
    expected = {ox.Triple(ox.NamedNode(f"http://127.0.0.1:8080/id/country/{c.lower()}"),
                          ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(c))
                for c in ("France", "Ukraine")}
    # a CONSTRUCT: the command line and the server (by name and by media type) give the same triples
    assert triples(cli("query", CONSTRUCT, "--store", str(store_dir), "--format", form.name), form) == expected
    for params, headers in (({"format": form.name}, {}), ({}, {"Accept": form.media_type})):
        r = requests.get(live.sparql, params={"query": CONSTRUCT, **params}, headers=headers)
        assert r.status_code == 200 and r.headers["Content-Type"].split(";")[0] == form.media_type
        assert triples(r.content, form) == expected
    # the Graph Store takes it as a body and gives it back in it
    graph = f"urn:test:{form.name}"
    body = ox.serialize(sorted(expected, key=str), format=form.oxigraph)
    put = requests.put(live.graph_store, params={"graph": graph}, data=body,
                       headers={"Content-Type": form.media_type, "Authorization": f"Bearer {TOKEN}"})
    assert put.status_code in (200, 201, 204), put.text
    got = requests.get(live.graph_store, params={"graph": graph}, headers={"Accept": form.media_type})
    assert got.headers["Content-Type"].split(";")[0] == form.media_type
    assert triples(got.content, form) == expected
    # export writes it and import reads it back by its suffix, under every name it has
    for name in form.names:
        out = tmp_path / f"graph-{name}{form.suffix}"
        cli("export", "--store", str(store_dir), "--format", name, "--out", str(out))
        parsed = list(ox.parse(out.read_bytes(), format=form.oxigraph))
        assert len(parsed) >= len(expected)
        if form.dataset:
            assert any(isinstance(q, ox.Quad) and q.graph_name == ox.NamedNode(graph) for q in parsed)
    scratch = OxigraphStore(tmp_path / "scratch")
    try:
        assert import_file(scratch, out, "urn:test:imported") > 0
    finally:
        scratch.close()


@pytest.mark.parametrize("form", family("view"), ids=lambda f: f.name)
def test_every_graph_view_format_is_served_as_the_cli_writes_it(served, form, tmp_path):
    live, store_dir = served
    out = tmp_path / f"view{form.suffix}"
    CliRunner().invoke(main, ["viz", "--store", str(store_dir), "--out", str(out)], catch_exceptions=False)
    r = requests.get(live.url + "graph", params={"format": form.name})
    assert r.status_code == 200 and r.headers["Content-Type"] == form.media_type
    assert out.stat().st_size > 0 and len(r.content) > 0
    if form.name != "html":      # the same graph: networkx reads both back
        import io
        import json

        import networkx as nx

        def read(data: bytes) -> set:
            if form.name == "json":
                return {n["id"] for n in json.loads(data)["nodes"]}
            return set((nx.read_gexf if form.name == "gexf" else nx.read_graphml)(io.BytesIO(data)))

        assert read(r.content) == read(out.read_bytes()) and read(out.read_bytes())
    else:
        assert b"vis.Network" in r.content and b"vis.Network" in out.read_bytes()


def test_query_format_choices_and_export_aliases(served):
    _, store_dir = served
    assert [f.name for f in QUERY_FORMATS] == [f.name for f in family("results")] + [f.name for f in family("rdf")]
    assert cli("export", "--store", str(store_dir), "--format", "nt") == \
        cli("export", "--store", str(store_dir), "--format", "ntriples")
    bad = CliRunner().invoke(main, ["query", SELECT, "--store", str(store_dir), "--format", "turtle"])
    assert bad.exit_code == 1 and "for CONSTRUCT and DESCRIBE answers" in bad.output
    bad = CliRunner().invoke(main, ["export", "--store", str(store_dir), "--format", "n3"])
    assert bad.exit_code == 2 and "turtle" in bad.output


def test_serve_options_are_the_settings_table():
    settable = {f.name for _, f in options()}
    assert {"timeout", "row_cap", "workers", "queue_wait", "service_allow_list"} <= settable
    help_text = CliRunner().invoke(main, ["serve", "--help"], terminal_width=400).output
    defaults = Settings()
    hints = typing.get_type_hints(Settings)
    for option, field in options():
        assert option in help_text and field.metadata["help"][:30] in " ".join(help_text.split())
        # a value that is not the default reaches the settings the server gets
        kind = {bool: bool, int: int, float: float, tuple[str, ...]: tuple}.get(hints[field.name], str)
        given, want = {bool: ([], True), int: (["7000"], 7000), float: (["7.5"], 7.5), str: (["tok"], "tok"),
                       tuple: (["http://127.0.0.1:1/sparql"], ("http://127.0.0.1:1/sparql",))}[kind]
        extra = ["--allow-update"] if field.name == "update_token" else []
        extra += ["--update-token", "t"] if field.name == "allow_update" else []
        ctx = serve.make_context("serve", [option, *given, *extra])
        got = getattr(settings_from(ctx.params), field.name)
        assert got == want and got != getattr(defaults, field.name), option
    # no option given: the table's defaults
    assert settings_from(serve.make_context("serve", []).params) == defaults
    assert {f.name for f in fields(Settings)} - settable == {"base_iri", "long_after", "max_connections",
                                                             "refresh_seconds"}
