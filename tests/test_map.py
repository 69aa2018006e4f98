"""The map: centroids joined to the gazetteer, flows and choropleths from the store and from a
query's rows, the /map page over real HTTP and `defgraph viz --map`."""

from __future__ import annotations

import csv
import html
import json
import re
from urllib.parse import quote

import pytest
import requests
from click.testing import CliRunner

from defgraph.cli import main
from defgraph.resources import DATA_DIR
from defgraph.server import Settings
from defgraph.viz.geo import countries, map_data, transfer_map
from defgraph.viz.map_page import render_map

from .server_support import served_sample


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with served_sample(tmp_path_factory.mktemp("map-store"), Settings(workers=1)) as live:
        yield live


def page_data(html: str) -> dict:
    """The data a map page draws."""
    return json.loads(re.search(r'<script type="application/json" id="dg-map-data">(.*?)</script>', html, re.S).group(1))


def test_every_gazetteer_country_but_tuvalu_has_a_centroid_inside_it():
    with open(DATA_DIR / "countries.csv", encoding="utf-8", newline="") as fh:
        gazetteer = {row["iso2"] for row in csv.DictReader(fh)}
    assert gazetteer - set(countries()) == {"TV"}     # Natural Earth has no outline for Tuvalu
    # the largest polygon's centroid: France in Europe (not towards Guiana), the US in the lower 48
    boxes = {"FR": (42, 51, -5, 8), "US": (25, 49, -125, -67), "RU": (50, 75, 30, 180),
             "UA": (45, 52, 22, 40), "SG": (1, 2, 103, 105), "NO": (58, 71, 4, 31)}
    for iso, (south, north, west, east) in boxes.items():
        c = countries()[iso]
        assert south < c.lat < north and west < c.lon < east, c


def test_transfers_of_the_dev_corpus_as_flows(dev_store):
    data = transfer_map(dev_store)
    flows = {(f.source, f.target): f for f in data.flows}
    # the transfers the dev articles state (tests/data/corpus/dev gold): a sample of them
    assert {("DE", "UA"), ("US", "UA"), ("GB", "UA"), ("KR", "PL"), ("US", "AU"), ("FR", "IN")} <= set(flows)
    assert "Rafale" in flows[("FR", "IN")].equipment and flows[("FR", "IN")].statuses == {"delivered": 1}
    total = dev_store.select("SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?t a dg:Transfer }")[0]["n"]
    # every transfer is an arrow, except those a country cannot be found for (the EU as supplier)
    assert sum(f.count for f in data.flows) <= int(total)
    assert data.unplaced == ["http://127.0.0.1:8080/id/agency/european-union"]


def test_a_query_with_labels_draws_flows_and_a_country_column_shades(dev_store):
    rows = map_data(dev_store, "SELECT ?supplier ?recipient WHERE { VALUES (?supplier ?recipient) "
                               "{ ('Rheinmetall' 'Ukraine') ('Norway' 'Romania') ('Atlantis' 'Ukraine') } }")
    assert {(f.source, f.target) for f in rows.flows} == {("DE", "UA"), ("NO", "RO")}  # a company by its country
    assert rows.unplaced == ["Atlantis"]
    shaded = map_data(dev_store, "SELECT ?country ?n WHERE { VALUES (?country ?n) { ('UA' 3) ('France' 2) ('UA' 1) } }")
    assert shaded.values == {"UA": 4.0, "FR": 2.0} and shaded.value_label == "sum of ?n"


def test_map_page_is_self_contained(server):
    r = requests.get(server.url + "map")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', r.text).group(1))
    assert csp.startswith("default-src 'none'")
    assert "<script src" not in r.text and "<link" not in r.text
    # the SVG namespace, and the address in topojson-client's licence comment: nothing is fetched
    assert set(re.findall(r"https?://[^\s\"'<>]+", r.text)) == {"http://www.w3.org/2000/svg",
                                                              "https://github.com/topojson/topojson-client"}


def test_map_page_errors_name_the_problem(server):
    cases = {"ASK { ?s ?p ?o }": "not a SELECT",
             "SELECT ?x WHERE { ?x a dg:Person }": "needs a ?country column",
             "persns": "did you mean 'persons'"}
    for query, message in cases.items():
        r = requests.get(server.url + "map?query=" + quote(query))
        assert r.status_code == 400 and message in r.text and "Traceback" not in r.text, (query, r.text)


def test_map_escapes_untrusted_names():
    from defgraph.viz.geo import MapData

    html = render_map(MapData("<script>alert(1)</script>", unplaced=["</script><b>x"]))
    assert "<script>alert(1)" not in html and "</script><b>" not in html


def test_viz_map_writes_a_self_contained_page(dev_store_dir, tmp_path):
    out = tmp_path / "map.html"
    result = CliRunner().invoke(main, ["viz", "--store", str(dev_store_dir), "--map", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert {("DE", "UA"), ("KR", "PL")} <= {(f["source"], f["target"]) for f in data["flows"]}
    result = CliRunner().invoke(main, ["viz", "--store", str(dev_store_dir), "--map", "--query", "persons",
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    # Reznikov, Umerov and Zelensky: one row each once spellings of a person and a role are one
    assert page_data(out.read_text(encoding="utf-8"))["values"]["UA"] == 3.0
