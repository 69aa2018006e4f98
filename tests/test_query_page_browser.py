"""The query page (YASGUI, vendored) and the map in a real headless Chromium (Debian's, driven by
Playwright; no browser download), against the app served over real HTTP."""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

import pytest

from defgraph.server import Settings

from .server_support import BASE, served_sample

pytestmark = pytest.mark.browser

TABLE_ROWS = ".yasr_results table.dataTable tbody tr"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = Settings(workers=1)
    with served_sample(tmp_path_factory.mktemp("browser-store"), settings) as live:
        yield live


class Watched:
    """A page in a fresh browser context, with its console errors and every URL it requested."""

    def __init__(self, browser):
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requested: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        # every request of the page and of its frames, including any refused by the CSP
        self.context.on("request", lambda req: self.requested.append(req.url))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.close()


def run_in_editor(page, query: str) -> None:
    page.evaluate("q => { const tab = window.defgraphYasgui.getTab(); tab.setQuery(q); }", query)
    page.click(".yasqe_queryButton")


def cells(page) -> list[list[str]]:
    rows = page.locator(TABLE_ROWS)
    # the first cell of each row is YASR's row number
    return [rows.nth(i).locator("td").all_inner_texts()[1:] for i in range(rows.count())]


def test_run_an_example_and_see_rows(server, watched):
    page = watched.page
    page.goto(server.url)
    page.wait_for_selector(".yasqe .CodeMirror")
    page.click("button.example[data-name='transfers']")
    page.wait_for_selector(TABLE_ROWS)
    header = page.locator(".yasr_results table.dataTable thead th").all_inner_texts()
    assert [h.strip() for h in header[1:]] == ["supplier", "recipient", "equipment", "status", "quantity", "value"]
    assert [c[:3] for c in cells(page)] == [["France", "Ukraine", "CAESAR"]]
    assert "1 result in" in page.locator(".yasr_response_chip").inner_text()
    assert "Who supplies" in page.locator("#question").inner_text()

    # the address is now a permalink of the query; downloads and views are links carrying it
    query = parse_qs(urlsplit(page.url).query)["query"][0]
    assert "dg:Transfer" in query
    csv_href = page.get_attribute("#download-csv", "href")
    assert "format=csv" in csv_href and page.get_attribute("#download-json", "href").count("format=json") == 1
    assert "/graph?query=" in page.get_attribute("#open-graph", "href")
    assert "/map?query=" in page.get_attribute("#open-map", "href")
    assert page.request.get(csv_href).text().splitlines()[0] == "supplier,recipient,equipment,status,quantity,value"

    # entity IRIs link to their pages on this server, in this window
    run_in_editor(page, "SELECT ?c WHERE { ?c a dg:Country } ORDER BY ?c")
    link = page.locator(f".yasr_results a[title='{BASE}id/country/ukraine']")
    link.wait_for()
    assert link.get_attribute("href") == server.url + "id/country/ukraine"
    assert link.get_attribute("target") == "_self"

    # both queries are in the history, newest first; choosing one runs it again
    options = page.locator("#history option").all_inner_texts()
    assert len(options) == 3 and "SELECT ?c WHERE" in options[1] and "SELECT DISTINCT ?supplier" in options[2]
    page.select_option("#history", index=2)
    page.wait_for_selector(f"{TABLE_ROWS} >> text=CAESAR")

    run_in_editor(page, "SELECT ?c WHERE { ?c a dg:Country } ORDER BY ?c")
    link.wait_for()
    link.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Ukraine"

    assert watched.errors == []
    assert watched.requested and all(url.startswith(server.url) for url in watched.requested), watched.requested


def test_permalink_opens_with_the_query_and_runs_it(server, watched):
    page = watched.page
    query = 'SELECT ?name WHERE { ?p a dg:Person ; rdfs:label ?name } ORDER BY ?name'
    # a permalink chooses the query, never where it is sent
    page.goto(server.url + "?query=" + quote(query) + "&endpoint=" + quote("http://192.0.2.1/sparql"))
    page.wait_for_selector(TABLE_ROWS)
    assert cells(page) == [["<script>alert('x')</script> Evil"], ["Sébastien Lecornu"]]
    assert page.evaluate("window.defgraphYasgui.getTab().getQuery()") == query
    assert page.evaluate("window.defgraphYasgui.getTab().getEndpoint()") == server.url + "sparql"
    assert page.get_attribute("#download-csv", "href") == server.url + "sparql?format=csv&query=" + quote(query, safe="")
    assert "ORDER BY ?name" in page.locator("#history option").nth(1).inner_text()

    # YASGUI's own share links carry the query in the fragment
    page.goto(server.url + "#query=" + quote("SELECT ?c WHERE { ?c a dg:Country }"))
    page.wait_for_selector(f"{TABLE_ROWS} >> text=ukraine")
    assert "%3Fc%20a%20dg%3ACountry" in page.url

    # a competency query's name opens its text
    page.goto(server.url + "?query=transfers")
    page.wait_for_selector(f"{TABLE_ROWS} >> text=CAESAR")
    assert "dg:Transfer" in page.evaluate("window.defgraphYasgui.getTab().getQuery()")
    assert watched.errors == []
    assert all(url.startswith(server.url) for url in watched.requested), watched.requested


def test_syntax_error_is_shown(server, watched):
    page = watched.page
    page.goto(server.url + "?query=" + quote("SELECT ?x WHERE { ?x"))
    error = page.locator(".yasr .errorResult")
    error.wait_for()
    assert "SPARQL syntax error: error at 1:21" in error.inner_text()
    assert page.locator(TABLE_ROWS).count() == 0


def test_autocompletion_knows_defgraph_prefixes_and_terms(server, watched):
    page = watched.page
    page.goto(server.url)
    page.wait_for_selector(".yasqe .CodeMirror")
    page.evaluate("() => { window.defgraphYasgui.getTab().setQuery(''); }")
    page.click(".yasqe .CodeMirror-code")
    page.keyboard.type("PREFIX dg")
    hints = page.locator(".CodeMirror-hints li")
    hints.first.wait_for()
    assert "dg: <https://w3id.org/defgraph/ontology#>" in hints.all_inner_texts()
    page.keyboard.press("Escape")
    page.evaluate("() => { window.defgraphYasgui.getTab().setQuery("
                  "'PREFIX dg: <https://w3id.org/defgraph/ontology#>\\nSELECT * WHERE { ?x a dg:Ai'); }")
    page.evaluate("() => { const y = window.defgraphYasgui.getTab().getYasqe(); y.focus();"
                  " y.setCursor(y.lastLine(), 1000); y.autocomplete(); }")
    hints.first.wait_for()
    assert {"dg:Aircraft", "dg:AirDefenseSystem"} <= set(hints.all_inner_texts())
    assert watched.errors == []
    assert all(url.startswith(server.url) for url in watched.requested), watched.requested


def test_result_views_show_the_map_and_the_graph(server, watched):
    page = watched.page
    page.goto(server.url + "?query=transfers")
    page.wait_for_selector(TABLE_ROWS)
    # an edit not yet run does not change what the views show
    page.evaluate("() => { window.defgraphYasgui.getTab().setQuery('SELECT ?edited WHERE { }'); }")
    page.click(".yasr_btn.select_map")
    assert "dg%3ATransfer" in page.get_attribute("iframe#view-map", "src")
    frame = page.frame_locator("iframe#view-map")
    frame.locator("body[data-drawn]").wait_for()
    arrow = frame.locator("path.dg-flow")
    assert arrow.count() == 1
    assert (arrow.get_attribute("data-source"), arrow.get_attribute("data-target")) == ("FR", "UA")

    page.click(".yasr_btn.select_graph")
    graph = page.frame_locator("iframe#view-graph")
    graph.locator("#dg-network canvas").wait_for()
    assert "nodes" in graph.locator(".dg-counts").inner_text()

    # the map is offered only for rows with a ?country, or a ?supplier and a ?recipient
    run_in_editor(page, "SELECT ?person WHERE { ?person a dg:Person }")
    page.click(".yasr_btn.select_table")
    page.wait_for_selector(f"{TABLE_ROWS} >> text=lecornu")
    assert page.locator(".yasr_btn.select_map:not(.disabled)").count() == 0
    assert page.locator(".yasr_btn.select_graph:not(.disabled)").count() == 1
    assert watched.errors == []
    assert all(url.startswith(server.url) for url in watched.requested), watched.requested


def test_map_draws_transfers_as_arrows(server, watched):
    page = watched.page
    page.goto(server.url + "map")
    page.wait_for_selector("body[data-drawn]")
    arrows = page.locator("path.dg-flow")
    assert arrows.count() == 1
    assert (arrows.get_attribute("data-source"), arrows.get_attribute("data-target")) == ("FR", "UA")
    assert "France → Ukraine: 1 transfer (1 pledged)" in arrows.locator("title").text_content()
    assert page.locator("#dg-flows tbody tr td").all_inner_texts() == ["France", "Ukraine", "1", "pledged 1", "CAESAR"]
    assert page.locator("path.dg-land").count() > 150           # the Natural Earth outlines
    assert page.locator("path.dg-land[data-iso='UA']").count() == 1
    assert watched.errors == []
    assert all(url.startswith(server.url) for url in watched.requested), watched.requested


def test_map_shades_a_country_column(server, watched):
    page = watched.page
    query = "SELECT ?country (COUNT(*) AS ?n) WHERE { ?p a dg:Person ; dg:nationality ?country } GROUP BY ?country"
    page.goto(server.url + "map?query=" + quote(query))
    page.wait_for_selector("body[data-drawn]")
    shaded = page.locator("path.dg-valued")
    assert shaded.count() == 1 and shaded.get_attribute("data-iso") == "FR"
    assert shaded.locator("title").text_content() == "France: 2"
    assert page.locator("path.dg-flow").count() == 0
    assert page.locator("#dg-values tbody td").all_inner_texts() == ["France", "2"]
    assert watched.errors == []
