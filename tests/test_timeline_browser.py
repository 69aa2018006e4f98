"""The timeline of deals, meetings and agreements in Debian's headless Chromium: the page
`defgraph viz --timeline` writes, offline, and /timeline on the server over real HTTP."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner

from defgraph.articles import Article
from defgraph.cli import main
from defgraph.ingest import ingest_articles
from defgraph.server import Settings
from defgraph.store import OxigraphStore

from .server_support import live_server
from .test_deals import MEETING, STORY, story
from .test_viz_browser import Watched

pytestmark = pytest.mark.browser
HOSTILE = '<img src=x onerror="window.__xss=1">Leak'
MERGED = "SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m dg:reportCount ?c }"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("timeline-store")
    store = OxigraphStore(path)
    articles = story(STORY + [("2022-07-04", "Seoul Daily", "Ministers meet", MEETING.format(day="4 July 2022")),
                              ("2022-07-04", "Warsaw Wire", "Blaszczak in Seoul", MEETING.format(day="Monday"))])
    articles.append(Article(title=HOSTILE, body="Germany delivered IRIS-T SLM systems to Ukraine.",
                            published=datetime(2023, 10, 4, 9), publisher="Evil <b>Wire</b>"))
    ingest_articles(articles, store)
    store.close()
    return path


def _count(store_dir) -> int:
    store = OxigraphStore(store_dir, read_only=True)
    try:
        return int(store.select(MERGED)[0]["n"])
    finally:
        store.close()


def test_timeline_file_offline_filters_and_shows_sentences(browser, store_dir, tmp_path):
    out = tmp_path / "timeline.html"
    result = CliRunner().invoke(main, ["viz", "--store", str(store_dir), "--timeline", "--out", str(out)])
    assert result.exit_code == 0, result.output
    n = _count(store_dir)
    assert n == 7 and f"{n} items" in result.output   # six deals, one meeting of two reports
    w = Watched(browser)
    w.open(out.as_uri())
    assert w.errors == [] and w.bad_console() == []
    assert w.requests == [out.as_uri()]                       # nothing from anywhere else
    assert w.page.evaluate("() => window.defgraphTimeline.shown.length") == n
    assert w.page.locator("#dg-count").inner_text() == f"{n} items"
    # filters: by country, then by category and status
    w.page.select_option("select[data-filter=country]", "Norway")
    assert w.page.evaluate("() => window.defgraphTimeline.shown.get().map(i => i.content)") == \
        ["South Korea → Norway: K9"]
    assert w.page.locator("#dg-count").inner_text() == "1 items"
    w.page.select_option("select[data-filter=country]", "")
    w.page.select_option("select[data-filter=category]", "meeting")
    assert w.page.locator("#dg-count").inner_text() == "1 items"
    w.page.select_option("select[data-filter=category]", "deal")
    w.page.select_option("select[data-filter=status]", "delivered")
    delivered = w.page.evaluate("() => window.defgraphTimeline.shown.get().map(i => i.content).sort()")
    assert delivered == ["Germany → Ukraine: 155 mm shells", "Germany → Ukraine: IRIS-T SLM",
                         "South Korea → Poland: K9", "United Kingdom → Poland: CAMM"]
    # an item's sentences, with hostile text shown as text
    w.page.select_option("select[data-filter=system]", "IRIS-T SLM")
    w.page.evaluate("() => { const t = window.defgraphTimeline; const id = t.shown.getIds()[0]; "
                    "t.timeline.setSelection([id]); t.timeline.emit('select', {items: [id]}); }")
    details = w.page.locator("#dg-details").inner_text()
    assert "Germany delivered IRIS-T SLM systems to Ukraine." in details and HOSTILE in details
    assert w.page.locator("#dg-details img, #dg-details script").count() == 0
    assert w.page.evaluate("() => typeof window.__xss") == "undefined"
    assert w.errors == [] and w.bad_console() == []
    w.page.close()


def test_server_timeline_links_items_to_their_pages(browser, store_dir):
    store = OxigraphStore(store_dir, read_only=True)
    with live_server(store, Settings(workers=1)) as live:
        w = Watched(browser)
        w.open(live.url + "timeline")
        assert all(urlsplit(u).hostname == "127.0.0.1" for u in w.requests)
        assert w.errors == [] and w.bad_console() == []
        assert w.page.evaluate("() => window.defgraphTimeline.shown.length") == _count(store_dir)
        w.page.select_option("select[data-filter=category]", "meeting")
        w.page.evaluate("() => { const t = window.defgraphTimeline; const id = t.shown.getIds()[0]; "
                        "t.timeline.setSelection([id]); t.timeline.emit('select', {items: [id]}); }")
        link = w.page.locator("#dg-details h2 a")
        assert urlsplit(link.get_attribute("href")).path.startswith("/id/meeting-record/")
        with w.page.expect_navigation():
            link.click()
        assert "Lee Jong-sup – Mariusz Blaszczak, 2022-07-04" in w.page.content()
        w.page.close()
    store.close()
