"""The query page in a real headless Chromium (Debian's, driven by Playwright; no browser download)."""

from __future__ import annotations


import pytest

from defgraph.server import Settings

from .server_support import BASE, served_sample


pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = Settings(workers=1)
    with served_sample(tmp_path_factory.mktemp("browser-store"), settings) as live:
        yield live


def test_run_an_example_and_see_rows(server, browser):
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    requested: list[str] = []
    page.on("request", lambda req: requested.append(req.url))

    page.goto(server.url)
    page.click("button.example[data-name='transfers']")
    page.wait_for_selector("#result-table tbody tr")
    header = page.locator("#result-table thead th").all_inner_texts()
    assert header == ["supplier", "recipient", "equipment", "status", "quantity", "value"]
    rows = page.locator("#result-table tbody tr")
    assert rows.count() == 1
    assert rows.nth(0).locator("td").all_inner_texts()[:3] == ["France", "Ukraine", "CAESAR"]
    assert "1 row in" in page.locator("#status").inner_text() and " ms" in page.locator("#status").inner_text()
    assert "Who supplies" in page.locator("#question").inner_text()

    # downloads and the graph view are plain links carrying the query
    csv_href = page.get_attribute("#download-csv", "href")
    assert "format=csv" in csv_href and page.get_attribute("#download-json", "href").count("format=json") == 1
    assert "/graph?query=" in page.get_attribute("#show-graph", "href")
    assert page.request.get(csv_href).text().splitlines()[0] == "supplier,recipient,equipment,status,quantity,value"

    # entity IRIs link to their pages on this server
    page.fill("#query", "SELECT ?c WHERE { ?c a dg:Country } ORDER BY ?c")
    page.click("#run")
    page.wait_for_selector(f"#result-table a[title='{BASE}id/country/ukraine']")
    link = page.locator(f"#result-table a[title='{BASE}id/country/ukraine']")
    assert link.get_attribute("href") == server.url + "id/country/ukraine"
    link.click()
    page.wait_for_selector("h1")
    assert page.locator("h1").inner_text() == "Ukraine"

    assert errors == []
    assert all(url.startswith(server.url) for url in requested), requested
    page.close()


def test_syntax_error_is_shown(server, browser):
    page = browser.new_page()
    page.goto(server.url)
    page.fill("#query", "SELECT ?x WHERE { ?x")
    page.focus("#query")
    page.keyboard.press("Control+Enter")
    page.wait_for_selector("#error:not([hidden])")
    assert "syntax error" in page.locator("#error").inner_text()
    assert "Error 400" in page.locator("#status").inner_text()
    page.close()
