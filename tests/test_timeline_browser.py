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
    w.page.select_option("select[data-filter=equipment]", "IRIS-T SLM")
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
        open_first_item(w, "/id/meeting-record/")
        assert "Lee Jong-sup – Mariusz Blaszczak, 2022-07-04" in w.page.content()
        w.page.close()
    store.close()


def open_first_item(w, path: str) -> None:
    """Select the first item shown, check that its title links to a page under `path`, follow it."""
    w.page.evaluate("() => { const t = window.defgraphTimeline; const id = t.shown.getIds()[0]; "
                    "t.timeline.setSelection([id]); t.timeline.emit('select', {items: [id]}); }")
    link = w.page.locator("#dg-details h2 a")
    assert urlsplit(link.get_attribute("href")).path.startswith(path)
    with w.page.expect_navigation():
        link.click()


def _shown(w) -> list[str]:
    return w.page.evaluate("() => window.defgraphTimeline.shown.get().map(i => i.content).sort()")


def test_filters_live_in_the_address_and_a_deal_opens_its_page(browser, store_dir):
    from urllib.parse import parse_qs

    store = OxigraphStore(store_dir, read_only=True)
    with live_server(store, Settings(workers=1)) as live:
        w = Watched(browser)
        # a shared address opens the view it was shared with
        w.open(live.url + "timeline?supplier=Germany&status=delivered")
        want = sorted(r["l"] for r in store.select(
            'SELECT ?l WHERE { ?d a dg:Deal ; rdfs:label ?l ; dg:supplier/rdfs:label "Germany" ; '
            'dg:status/rdfs:label ?s FILTER(STR(?s) = "delivered") }'))
        assert len(want) == 2 and _shown(w) == want
        assert w.page.input_value("select[data-filter=supplier]") == "Germany"
        assert w.page.input_value("select[data-filter=status]") == "delivered"
        # a change goes into the address; the address, opened again (a bookmark), gives the same view
        w.page.select_option("select[data-filter=equipment]", "IRIS-T SLM")
        assert parse_qs(urlsplit(w.page.url).query) == {"supplier": ["Germany"], "status": ["delivered"],
                                                        "equipment": ["IRIS-T SLM"]}
        w.open(w.page.url)
        assert _shown(w) == ["Germany → Ukraine: IRIS-T SLM"]
        w.page.select_option("select[data-filter=supplier]", "")
        assert "supplier" not in parse_qs(urlsplit(w.page.url).query)

        # the K9 deal's page: its record, history (one row per report, with its sentences), conflicts
        w.open(live.url + "timeline?recipient=Poland&equipment=K9")
        assert _shown(w) == ["South Korea → Poland: K9"]
        open_first_item(w, "/id/deal/")
        history = [r for r in store.select(query_text("deal-history"))
                   if r["equipment"] == "K9" and r["recipient"] == "Poland"]
        rows = w.page.locator("table.history tr.report")
        assert rows.count() == len(history) == 4
        assert [rows.nth(i).locator("td").nth(1).inner_text() for i in range(4)] == \
            [r["status"] for r in history] == ["ordered", "ordered", "delivered", "delivered"]
        assert [rows.nth(i).locator("td").nth(2).inner_text() for i in range(4)] == ["48", "52", "4", "52"]
        sentences = {r["s"] for r in store.select(
            f"SELECT ?s WHERE {{ <{w.page.url}> dg:report/dg:evidence ?s }}".replace(live.url, store.base_iri))}
        assert sentences and set(w.page.locator("table.history blockquote.evidence").all_inner_texts()) == sentences
        assert "Norway" not in w.page.locator("table.history").inner_text()
        assert w.page.locator("td[data-field=status]").inner_text() == "delivered"
        assert w.page.locator("td[data-field=quantity]").inner_text() == "52"
        assert w.page.locator("td[data-field=delivered]").inner_text() == "52"
        assert w.page.locator("td[data-field=reports]").inner_text() == "4"
        conflicts = w.page.locator("table.conflicts tr.conflict")
        assert conflicts.count() == 1 and conflicts.first.locator("td").first.inner_text() == "quantity"
        assert "Poland weighs K9 howitzers" in conflicts.first.inner_text()
        assert all(urlsplit(u).hostname == "127.0.0.1" for u in w.requests)
        assert w.errors == [] and w.bad_console() == []
        w.page.close()
    store.close()


def query_text(name: str) -> str:
    from defgraph.resources import query_file

    return query_file(name).read_text(encoding="utf-8")


def test_a_timeline_of_more_items_than_it_draws_shows_the_most_recent_and_says_so(browser, tmp_path):
    """Above the page's limit the most recent items are drawn (a filter narrows the rest), and the
    count says how many of how many: a timeline of thousands of deals opens in a moment."""
    from defgraph.viz.timeline import SHOWN_LIMIT, TimelineItem, timeline_page

    n = SHOWN_LIMIT + 100
    items = [TimelineItem(id=f"urn:x:{i}", content=f"Deal {i}", start=f"{2000 + i // 365}-01-01", end=None,
                          category="meeting" if i % 2 else "deal") for i in range(n)]
    out = tmp_path / "many.html"
    out.write_text(timeline_page(items), encoding="utf-8")
    w = Watched(browser)
    w.open(out.as_uri())
    assert w.errors == [] and w.bad_console() == []
    assert w.page.evaluate("() => window.defgraphTimeline.shown.length") == SHOWN_LIMIT
    assert w.page.locator("#dg-count").inner_text().startswith(f"showing {SHOWN_LIMIT} of {n} items")
    oldest_shown = w.page.evaluate("() => window.defgraphTimeline.shown.get().map(i => i.start).sort()[0]")
    assert oldest_shown >= items[n - SHOWN_LIMIT].start         # the most recent ones
    w.page.select_option("select[data-filter='category']", "deal")     # a filter under the limit: all of it
    assert w.page.evaluate("() => window.defgraphTimeline.shown.length") == (n + 1) // 2
    assert w.page.locator("#dg-count").inner_text() == f"{(n + 1) // 2} items"
    w.page.close()
