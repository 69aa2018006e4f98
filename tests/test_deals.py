"""One deal across many articles: merged events in the deals graph, their record and conflicts,
kept up to date as articles are re-ingested, added and removed (on an on-disk store)."""

from __future__ import annotations

from datetime import datetime

import pyoxigraph
import pytest

from defgraph.articles import Article
from defgraph.deals import deals_graph
from defgraph.ingest import ingest_articles
from defgraph.namespaces import DG, Minter
from defgraph.resources import query_file
from defgraph.store import OxigraphStore

# (date, outlet, title, body): a story line written for these tests
STORY = [
    ("2022-07-01", "Seoul Daily", "Poland weighs K9 howitzers",
     "Poland ordered 48 K9 howitzers from South Korea in a deal worth $2.4 billion, the ministry said on Monday."),
    ("2022-09-12", "Warsaw Wire", "Poland enlarges K9 order",
     "Poland has ordered 52 K9 howitzers from South Korea, officials said."),
    ("2022-12-06", "Defence Trade", "First K9s arrive",
     "The first 4 of 52 K9 howitzers ordered from South Korea arrived in Poland on Tuesday."),
    ("2023-10-20", "Seoul Daily", "All K9s delivered",
     "South Korea has delivered all 52 K9 Thunder howitzers to Poland."),
    ("2023-11-02", "Nordic Post", "Norway's howitzers",
     "South Korea will supply 30 K9 howitzers to Norway. The United Kingdom delivered CAMM missiles to Poland. "
     "Poland ordered 20 CAMM-ER missiles from the United Kingdom."),
    ("2023-11-03", "Kyiv Report", "Shells for Ukraine",
     "Germany delivered 155 mm shells to Ukraine."),
    ("2023-11-09", "Berlin Courier", "More shells",
     "Germany pledged 1000 155mm shells to Ukraine."),
]


def story(rows=STORY) -> list[Article]:
    return [Article(title=title, body=body, published=datetime.fromisoformat(day + "T09:00:00"), publisher=outlet)
            for day, outlet, title, body in rows]


def rows(store, name: str) -> list[dict]:
    return store.select(query_file(name).read_text(encoding="utf-8"))


def titles_of(store) -> dict[str, str]:
    """Article IRI → title."""
    return {r["a"]: r["t"] for r in store.select("SELECT ?a ?t WHERE { ?a a dg:Article ; dcterms:title ?t }")}


def deal_quads(store) -> set[str]:
    return {str(q) for q in store.quads(deals_graph(Minter(store.base_iri)))}


def assert_as_rebuilt(store, articles) -> None:
    """The deals graph the writes left is the one a rebuild from these articles makes."""
    after = deal_quads(store)
    store.rebuild_deals([Minter(store.base_iri).iri("article", a.id) for a in articles])
    assert deal_quads(store) == after


@pytest.fixture
def disk_store(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    yield store
    store.close()


def test_one_row_per_deal_with_its_record(disk_store):
    ingest_articles(story(), disk_store)
    deals = {(r["supplier"], r["recipient"], r["equipment"]): r for r in rows(disk_store, "deals")}
    k9 = deals[("South Korea", "Poland", "K9")]
    assert (k9["status"], k9["quantity"], k9["first"], k9["last"], k9["reports"]) == \
        ("delivered", "52", "2022-07-01", "2023-10-20", "4")
    # look-alikes stay apart: another recipient, a distinct variant
    assert deals[("South Korea", "Norway", "K9")]["reports"] == "1"
    assert deals[("United Kingdom", "Poland", "CAMM")]["status"] == "delivered"
    assert deals[("United Kingdom", "Poland", "CAMM-ER")]["status"] == "ordered"
    # spelling variants of one system are one deal
    shells = [r for key, r in deals.items() if key[:2] == ("Germany", "Ukraine")]
    assert len(shells) == 1 and shells[0]["reports"] == "2" and shells[0]["status"] == "delivered"
    assert len(rows(disk_store, "deals")) == len(deals) == 5
    record = disk_store.select("""SELECT ?sources ?value ?currency ?delivered WHERE {
        ?d a dg:Deal ; dg:equipment/rdfs:label "K9" ; dg:recipient/rdfs:label "Poland" ;
           dg:sourceCount ?sources ; dg:value ?value ; dg:currency ?currency ; dg:deliveredQuantity ?delivered }""")
    # Seoul Daily twice: three distinct outlets among four articles
    assert record == [{"sources": "3", "value": "2400000000", "currency": "USD", "delivered": "52"}]


def test_a_glued_variant_letter_of_the_data_is_a_deal_of_its_own(disk_store):
    """The C295W (a transport with winglets) is not the C295 patrol aircraft a navy ordered before."""
    ingest_articles(story([
        ("2023-10-05", "Navy Press", "Navy signs for patrol aircraft",
         "Mexico's navy ordered four C295 maritime patrol aircraft from Airbus Defence and Space."),
        ("2025-07-03", "Meridian Wire", "Navy orders transports",
         "Mexico's navy has ordered two C295W transport aircraft from Airbus Defence and Space."),
    ]), disk_store)
    deals = {r["equipment"]: (r["status"], r["quantity"], r["reports"]) for r in rows(disk_store, "deals")}
    assert deals == {"C295": ("ordered", "4", "1"), "C295W": ("ordered", "2", "1")}

def test_history_and_conflicts_name_the_articles(disk_store):
    ingest_articles(story(), disk_store)
    titles = titles_of(disk_store)
    history = [(r["date"], r["status"], r["quantity"], titles[r["article"]]) for r in rows(disk_store, "deal-history")
               if r["equipment"] == "K9" and r["recipient"] == "Poland"]
    assert history == [("2022-07-01", "ordered", "48", "Poland weighs K9 howitzers"),
                       ("2022-09-12", "ordered", "52", "Poland enlarges K9 order"),
                       ("2022-12-06", "delivered", "4", "First K9s arrive"),
                       ("2023-10-20", "delivered", "52", "All K9s delivered")]
    conflicts = [(r["equipment"], r["what"], titles[r["article1"]], titles[r["article2"]])
                 for r in rows(disk_store, "conflicts")]
    assert conflicts == [("155 mm shells", "order", "Shells for Ukraine", "More shells"),   # delivered, then pledged
                         ("K9", "quantity", "Poland weighs K9 howitzers", "Poland enlarges K9 order")]
    assert list(rows(disk_store, "deals")[0]) == ["supplier", "recipient", "equipment", "status", "quantity",
                                                  "first", "last", "reports"]
    assert list(rows(disk_store, "deal-history")[0]) == ["supplier", "recipient", "equipment", "date", "status",
                                                         "quantity", "article"]
    assert list(rows(disk_store, "conflicts")[0]) == ["supplier", "recipient", "equipment", "what", "article1",
                                                      "article2"]


def test_backwards_and_order_conflicts(disk_store):
    ingest_articles(story([
        ("2024-01-10", "A", "Delivered", "South Korea delivered K9 howitzers to Poland."),
        ("2024-02-10", "B", "Ordered", "Poland ordered 24 K9 howitzers from South Korea."),
        ("2024-03-10", "C", "Retold", "Poland ordered 24 K9 howitzers from South Korea. "
         "Germany delivered 155 mm shells to Ukraine."),
        ("2024-04-10", "D", "Discussed again", "Poland is still in talks with South Korea over K9 howitzers. "
         "Germany pledged 155 mm shells to Ukraine."),
    ]), disk_store)
    found = {(r["equipment"], r["what"], r["article1"][-8:], r["article2"][-8:]) for r in rows(disk_store, "conflicts")}
    ids = {r["t"]: r["a"][-8:] for r in disk_store.select("SELECT ?a ?t WHERE { ?a a dg:Article ; dcterms:title ?t }")}
    # a delivery before any order: "order", and not also "backwards"; talks after the delivery go
    # backwards; an order told again after it ("Poland ordered 24 K9s") retells the deal
    assert ("K9", "order", ids["Delivered"], ids["Ordered"]) in found
    assert ("K9", "backwards", ids["Delivered"], ids["Ordered"]) not in found
    assert ("K9", "backwards", ids["Delivered"], ids["Retold"]) not in found
    assert ("K9", "backwards", ids["Delivered"], ids["Discussed again"]) in found
    shells = next(r["equipment"] for r in rows(disk_store, "deals") if r["supplier"] == "Germany")
    assert (shells, "order", ids["Retold"], ids["Discussed again"]) in found
    assert len(found) == 3


def test_reports_of_one_day_count_in_the_order_they_were_published(tmp_path):
    # the same order reported twice on one day with two numbers: the number last published is the
    # deal's quantity, whichever way round the two articles are (their IRIs do not decide)
    texts = [("Poland orders K9s", "Poland ordered 48 K9 howitzers from South Korea.", "48"),
             ("Poland's K9 order", "Poland has ordered 52 K9 howitzers from South Korea.", "52")]
    for first, second in (texts, texts[::-1]):
        articles = [Article(title=title, body=body, published=datetime.fromisoformat(f"2024-05-06T{hour}:00:00"),
                            publisher=outlet)
                    for (title, body, _), hour, outlet in ((first, "09", "A"), (second, "17", "B"))]
        with OxigraphStore(tmp_path / first[0].replace(" ", "-")) as store:
            ingest_articles(articles, store)
            k9 = [r for r in rows(store, "deals") if r["equipment"] == "K9"]
            assert [r["quantity"] for r in k9] == [second[2]]
            titles = titles_of(store)
            assert [(r["what"], titles[r["article1"]], titles[r["article2"]]) for r in rows(store, "conflicts")] \
                == [("quantity", first[0], second[0])]


def test_a_report_going_back_to_a_number_stated_before_is_no_new_conflict(disk_store):
    ingest_articles(story([
        ("2024-01-10", "A", "Two", "Poland ordered 48 K9 howitzers from South Korea."),
        ("2024-02-10", "B", "Three", "Poland ordered 52 K9 howitzers from South Korea."),
        ("2024-03-10", "C", "Two again", "Poland ordered 48 K9 howitzers from South Korea."),
        ("2024-04-10", "D", "Four", "Poland ordered 60 K9 howitzers from South Korea."),
    ]), disk_store)
    titles = titles_of(disk_store)
    found = sorted((r["what"], titles[r["article1"]], titles[r["article2"]]) for r in rows(disk_store, "conflicts"))
    # 48 then 52: a disagreement; back to 48: the same one; then 60: a new number, a new one, with the
    # report that first stated the 48 it contradicts
    assert found == [("quantity", "Two", "Four"), ("quantity", "Two", "Three")]
    assert [r["quantity"] for r in rows(disk_store, "deals")] == ["60"]


def test_a_quantity_conflict_names_the_report_that_first_stated_the_number(disk_store):
    ingest_articles(story([
        ("2024-01-10", "A", "First", "Poland ordered 48 K9 howitzers from South Korea."),
        ("2024-02-10", "B", "Restated", "Poland has ordered 48 K9 howitzers from South Korea, officials said."),
        ("2024-03-10", "C", "Other number", "Poland ordered 52 K9 howitzers from South Korea."),
    ]), disk_store)
    titles = titles_of(disk_store)
    assert [(r["what"], titles[r["article1"]], titles[r["article2"]]) for r in rows(disk_store, "conflicts")] \
        == [("quantity", "First", "Other number")]


def test_reingest_add_and_remove_keep_the_deals_graph_as_a_rebuild_makes_it(disk_store):
    articles = story()
    ingest_articles(articles[:3], disk_store)
    ingest_articles(articles[2:], disk_store)            # one article again, the rest new
    ingest_articles(articles[3:4], disk_store)
    after_ingest = deal_quads(disk_store)
    minter = Minter(disk_store.base_iri)
    disk_store.rebuild_deals([minter.iri("article", a.id) for a in articles])
    assert deal_quads(disk_store) == after_ingest

    # removing an article's graph removes its contribution: its report, its conflict (the first
    # order's 48 now disagrees with the 52 that the first delivery says the order holds)
    titles = titles_of(disk_store)
    disk_store.remove_graph(minter.iri("article", articles[1].id))
    k9 = [r for r in rows(disk_store, "deals") if r["equipment"] == "K9" and r["recipient"] == "Poland"]
    assert [(r["quantity"], r["reports"]) for r in k9] == [("52", "3")]
    assert sorted((r["what"], titles[r["article1"]], titles[r["article2"]]) for r in rows(disk_store, "conflicts")) \
        == [("order", "Shells for Ukraine", "More shells"), ("quantity", "Poland weighs K9 howitzers", "First K9s arrive")]
    # and the last report of a deal takes the deal with it
    disk_store.remove_graph(minter.iri("article", articles[4].id))
    assert not [r for r in rows(disk_store, "deals") if r["recipient"] == "Norway" or "CAMM" in r["equipment"]]
    after_remove = deal_quads(disk_store)
    disk_store.rebuild_deals([minter.iri("article", a.id) for i, a in enumerate(articles) if i not in (1, 4)])
    assert deal_quads(disk_store) == after_remove


def test_a_store_without_deals_gets_them_at_the_next_writable_open(tmp_path):
    articles = story()
    store = OxigraphStore(tmp_path / "store")
    ingest_articles(articles[:2], store)
    graph = deals_graph(Minter(store.base_iri))
    store.close()
    engine = pyoxigraph.Store(str(tmp_path / "store"))     # as a store from before merged events
    engine.update(f"DROP GRAPH <{graph}>")
    del engine
    with OxigraphStore(tmp_path / "store", read_only=True) as store:
        assert rows(store, "deals") == []
    with OxigraphStore(tmp_path / "store") as store:
        k9 = [r for r in rows(store, "deals") if r["equipment"] == "K9"]
        assert [(r["status"], r["reports"]) for r in k9] == [("ordered", "2")]
        ingest_articles(articles[2:3], store)
        k9 = [r for r in rows(store, "deals") if r["equipment"] == "K9"]
        assert [(r["status"], r["reports"]) for r in k9] == [("delivered", "3")]


def test_an_ingest_into_a_reopened_store_keeps_the_reports_it_holds(tmp_path):
    """The deals an article touches are read back from the store (nothing cached from before)."""
    articles = story()
    with OxigraphStore(tmp_path / "store") as store:
        ingest_articles(articles[:2], store)
    with OxigraphStore(tmp_path / "store") as store:
        ingest_articles(articles[2:4], store)
        k9 = [r for r in rows(store, "deals") if r["equipment"] == "K9" and r["recipient"] == "Poland"]
        assert [(r["status"], r["reports"]) for r in k9] == [("delivered", "4")]
        after = deal_quads(store)
        store.rebuild_deals([Minter(store.base_iri).iri("article", a.id) for a in articles[:4]])
        assert deal_quads(store) == after


MEETING = ("Defence Minister Mariusz Blaszczak met South Korean Defence Minister Lee Jong-sup in Seoul on "
           "{day} to discuss the howitzer programme.")


def test_one_meeting_for_its_reports_with_a_readable_label(disk_store):
    ingest_articles(story([
        ("2022-07-04", "Seoul Daily", "Ministers meet", MEETING.format(day="4 July 2022")),
        ("2022-07-04", "Warsaw Wire", "Blaszczak in Seoul", MEETING.format(day="Monday")),
        ("2022-09-01", "Warsaw Wire", "Ministers meet again", MEETING.format(day="1 September 2022")),
    ]), disk_store)
    meetings = rows(disk_store, "meetings")
    assert {(r["meeting"], r["date"]) for r in meetings} == {
        ("Lee Jong-sup – Mariusz Blaszczak, 2022-07-04", "2022-07-04"),
        ("Lee Jong-sup – Mariusz Blaszczak, 2022-09-01", "2022-09-01")}
    assert len(meetings) == 4   # two participants of each of the two meetings
    counts = disk_store.select("SELECT ?n WHERE { ?m a dg:MergedMeeting ; dg:reportCount ?n } ORDER BY ?n")
    assert [r["n"] for r in counts] == ["1", "2"]


def test_a_wrong_merge_is_undone_and_redone_from_the_command_line(tmp_path):
    from click.testing import CliRunner

    from defgraph.cli import main

    store = OxigraphStore(tmp_path / "store")
    ingest_articles(story(), store)
    minter = Minter(store.base_iri)
    wrong = next(r for r in rows(store, "deal-history") if r["equipment"] == "K9" and r["recipient"] == "Poland"
                 and r["date"] == "2022-09-12")
    event = store.select(f"""SELECT ?r WHERE {{ ?d a dg:Deal ; dg:report ?r . ?r dg:mentionedIn <{wrong['article']}> ;
                             dg:recipient/rdfs:label "Poland" }}""")[0]["r"]
    before = deal_quads(store)
    store.close()

    def run(*args):
        return CliRunner().invoke(main, ["deals", "--store", str(tmp_path / "store"), *args])

    result = run("--separate", event)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "6 Deal"
    store = OxigraphStore(tmp_path / "store", read_only=True)
    k9 = sorted((r["quantity"], r["reports"]) for r in rows(store, "deals")
                if r["equipment"] == "K9" and r["recipient"] == "Poland")
    assert k9 == [("52", "1"), ("52", "3")]       # the report set apart is a deal of its own
    titles = titles_of(store)
    # and no longer takes part in the rest's conflict (48 ordered, "the first 4 of 52" delivered)
    assert sorted((r["what"], titles[r["article1"]], titles[r["article2"]]) for r in rows(store, "conflicts")) \
        == [("order", "Shells for Ukraine", "More shells"), ("quantity", "Poland weighs K9 howitzers", "First K9s arrive")]
    store.close()
    result = run("--rejoin", event)
    assert result.exit_code == 0 and result.output.strip() == "5 Deal"
    store = OxigraphStore(tmp_path / "store", read_only=True)
    assert deal_quads(store) == before
    store.close()
    result = run("--separate", minter.iri("article", "nothing"))
    assert result.exit_code == 1
    assert "no transfer, meeting or agreement of an article has this IRI" in result.output


def test_a_deal_page_shows_its_reports_and_their_sentences_only(disk_store):
    import requests

    from defgraph.server import Settings

    from .server_support import live_server

    ingest_articles(story(), disk_store)
    deal = disk_store.select("""SELECT ?d WHERE { ?d a dg:Deal ; dg:conflict ?c ;
                                dg:supplier/rdfs:label "Germany" }""")[0]["d"]
    with live_server(disk_store, Settings(workers=1)) as live:
        page = requests.get(live.url + deal.split("8080/", 1)[1], timeout=30)
        assert page.status_code == 200
        html = page.text
    assert "Germany delivered 155 mm shells to Ukraine." in html and "Germany pledged 1000 155mm shells" in html
    assert "K9" not in html                        # no sentence of another deal
    assert "order: 2023-11-03 / 2023-11-09" in html   # its conflict


def test_a_delivery_that_states_the_whole_restates_the_ordered_quantity(disk_store):
    # 16 then 18 the same day, then "the first 4 of the 16 pledged": the pledge is 16 as last stated
    ingest_articles(story([
        ("2024-01-10", "A", "Pledge", "Sweden will donate 16 Archer howitzers to Ukraine."),
        ("2024-01-11", "B", "Pledge again", "Sweden will donate 18 Archer howitzers to Ukraine."),
        ("2024-05-10", "C", "First guns", "The first 4 of the 16 pledged Archer howitzers were delivered by Sweden "
                                          "to Ukraine."),
    ]), disk_store)
    archer = [r for r in rows(disk_store, "deals") if r["equipment"] == "Archer"]
    assert [(r["status"].rsplit("#", 1)[-1].rsplit("/", 1)[-1], r["quantity"]) for r in archer] == [("delivered", "16")]
    assert sorted(r["what"] for r in rows(disk_store, "conflicts")) == ["quantity"]


# a family name in one article, its one variant in the others (the variant code is invented)
FAMILY = [
    ("2024-02-01", "Nordic Post", "Norway to give howitzers",
     "Norway will donate 18 M109A4XY howitzers to Ukraine, the government said."),
    ("2024-03-01", "Kyiv Report", "Kyiv expects twenty howitzers",
     "Ukraine expects to receive 20 M109 howitzers from Norway."),
    ("2024-08-01", "Defence Trade", "First howitzers arrive",
     "The first eight of the 18 M109A4XY howitzers pledged by Norway have arrived in Ukraine."),
    ("2024-09-01", "Baltic Wire", "Howitzers for Latvia", "Norway will sell 6 M109 howitzers to Latvia."),
    ("2024-10-01", "Nordic Post", "Two kinds of howitzer",
     "Norway will donate 4 M109B7QQ howitzers and 6 M109A4XY howitzers to Ukraine."),
]


def test_a_family_name_is_the_one_variant_its_route_reports(disk_store):
    articles = story(FAMILY)
    ingest_articles(articles[:4], disk_store)
    titles = titles_of(disk_store)
    deals = {(r["recipient"], r["equipment"]): r for r in rows(disk_store, "deals")}
    # "M109" to Ukraine is the M109A4XY that the route's other reports name; to Latvia it stays the family
    assert set(deals) == {("Ukraine", "M109A4XY"), ("Latvia", "M109")}
    assert (deals[("Ukraine", "M109A4XY")]["reports"], deals[("Ukraine", "M109A4XY")]["status"]) == ("3", "delivered")
    assert [(r["what"], titles[r["article1"]], titles[r["article2"]]) for r in rows(disk_store, "conflicts")] == \
        [("quantity", "Norway to give howitzers", "Kyiv expects twenty howitzers")]
    minter = Minter(disk_store.base_iri)
    # without the variant's reports the family's is a deal of its own again, as a rebuild makes it
    disk_store.remove_graph(minter.iri("article", articles[0].id))
    disk_store.remove_graph(minter.iri("article", articles[2].id))
    assert {(r["recipient"], r["equipment"]) for r in rows(disk_store, "deals")} == {("Ukraine", "M109"), ("Latvia", "M109")}
    assert_as_rebuilt(disk_store, [articles[1], articles[3]])


def test_a_family_name_stays_apart_where_its_route_reports_two_variants(disk_store):
    ingest_articles(story(FAMILY[:2] + FAMILY[4:]), disk_store)
    assert {r["equipment"] for r in rows(disk_store, "deals") if r["recipient"] == "Ukraine"} == \
        {"M109", "M109A4XY", "M109B7QQ"}


def test_an_update_of_an_article_s_reading_of_a_variant_regroups_its_route(disk_store):
    articles = story(FAMILY[:2])
    ingest_articles(articles, disk_store)
    assert [r["equipment"] for r in rows(disk_store, "deals")] == ["M109A4XY"]
    disk_store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?v <{DG.variantOf}> ?family }} }}")
    assert sorted(r["equipment"] for r in rows(disk_store, "deals")) == ["M109", "M109A4XY"]
    assert_as_rebuilt(disk_store, articles)


def test_an_update_that_takes_away_a_route_s_second_variant_joins_its_family(disk_store):
    articles = story([FAMILY[0], FAMILY[1], ("2024-10-01", "Nordic Post", "Other howitzers",
                                              "Norway will donate 4 M109B7QQ howitzers to Ukraine.")])
    ingest_articles(articles, disk_store)
    assert sorted(r["equipment"] for r in rows(disk_store, "deals")) == ["M109", "M109A4XY", "M109B7QQ"]
    minter = Minter(disk_store.base_iri)
    third = minter.iri("article", articles[2].id)
    disk_store.update(f"DELETE {{ GRAPH <{third}> {{ ?e a <{DG.Transfer}> }} }} "
                      f"WHERE {{ GRAPH <{third}> {{ ?e a <{DG.Transfer}> }} }}")
    assert [(r["equipment"], r["reports"]) for r in rows(disk_store, "deals")] == [("M109A4XY", "2")]
    assert_as_rebuilt(disk_store, articles)


@pytest.mark.parametrize("together", [True, False], ids=["one batch", "two ingests"])
def test_a_variant_reported_after_its_family_joins_it_as_a_rebuild_does(disk_store, together):
    # a route first read without variants (only its touched deals), then with one
    articles = story([FAMILY[1], ("2024-01-15", "Wire", "Other deal", "Norway will donate 30 trucks to Ukraine."),
                      FAMILY[0]])
    if together:
        ingest_articles(articles, disk_store)
    else:
        ingest_articles(articles[:2], disk_store)
        ingest_articles(articles[2:], disk_store)
    assert sorted((r["equipment"], r["reports"]) for r in rows(disk_store, "deals")) == \
        [("M109A4XY", "2"), ("trucks", "1")]
    assert_as_rebuilt(disk_store, articles)


def test_an_update_that_unmakes_a_variant_regroups_the_whole_route(disk_store):
    # two variants keep the family apart; an update makes one of them no variant: the family joins the other
    articles = story([FAMILY[0], FAMILY[1], ("2024-10-01", "Nordic Post", "Other howitzers",
                                              "Norway will donate 4 M109B7QQ howitzers to Ukraine.")])
    ingest_articles(articles, disk_store)
    minter = Minter(disk_store.base_iri)
    first = minter.iri("article", articles[0].id)
    disk_store.update(f"DELETE WHERE {{ GRAPH <{first}> {{ ?v <{DG.variantOf}> ?family }} }}")
    assert sorted((r["equipment"], r["reports"]) for r in rows(disk_store, "deals")) == \
        [("M109A4XY", "1"), ("M109B7QQ", "2")]
    assert_as_rebuilt(disk_store, articles)


# a design written out in some articles and abbreviated in one (the names are invented)
ABBREVIATED = [
    ("2024-02-01", "Harbour News", "Chile orders patrol vessels",
     "Chile has ordered six Kestrel Patrol 3307 patrol vessels from the Netherlands, the navy said."),
    ("2024-02-03", "Naval Trade", "Chile buys eight patrollers",
     "Chile has ordered eight KPa 3307 patrol vessels from the Netherlands in a deal worth €140 million."),
    ("2025-03-01", "Harbour News", "First patrol vessels arrive",
     "The first two of the six Kestrel Patrol 3307 patrol vessels ordered by Chile from the Netherlands arrived "
     "on Tuesday."),
    ("2025-05-01", "Harbour News", "A larger design",
     "Chile has ordered two Kestrel Patrol 5509 patrol vessels from the Netherlands."),
]


def test_a_name_abbreviated_in_one_article_is_the_deal_its_route_writes_out(disk_store):
    ingest_articles(story(ABBREVIATED), disk_store)
    titles = titles_of(disk_store)
    deals = {r["equipment"]: r for r in rows(disk_store, "deals")}
    # "KPa 3307" is "Kestrel Patrol 3307" cut short; "Kestrel Patrol 5509", another number, stays apart
    assert set(deals) == {"Kestrel Patrol 3307", "Kestrel Patrol 5509"}
    assert deals["Kestrel Patrol 3307"]["reports"] == "3"
    assert [(r["what"], titles[r["article1"]], titles[r["article2"]]) for r in rows(disk_store, "conflicts")] == \
        [("quantity", "Chile orders patrol vessels", "Chile buys eight patrollers")]
    assert_as_rebuilt(disk_store, story(ABBREVIATED))
