"""Entities merge as an analyst reads them: spelling, transliteration, initials and suffixes,
unit spacing and role spelling make one entity; two people who share a surname stay two."""

from defgraph.articles import Article
from defgraph.canonical import canonical_role, person_name_key
from defgraph.ingest import ingest_articles
from defgraph.resources import query_file

ARTICLES = [
    Article(title="Kyiv talks", body="Ukrainian President Volodymyr Zelensky met US Defense Secretary "
            "Lloyd J. Austin III in Kyiv. Germany delivered 155 mm shells to Ukraine."),
    Article(title="Washington talks", body="Ukrainian President Volodymyr Zelenskyy met US Defence Secretary "
            "Lloyd Austin in Washington. Germany pledged 155mm shells to Ukraine. Hanwha Aerospace has an "
            "order from Estonia for 14 K-9 self-propelled howitzers."),
    Article(title="Ottawa", body="Canadian Defence Minister Bill Blair met British Prime Minister Tony Blair "
            "in Ottawa. Estonia received K9 howitzers from South Korea."),
]


def _people(store) -> dict[str, str]:
    return {r["e"].rsplit("/", 1)[1]: r["l"] for r in store.select(
        "SELECT DISTINCT ?e ?l WHERE { ?e a dg:Person ; rdfs:label ?l }")}


def test_variants_of_one_person_system_and_role_are_one(memory_store):
    ingest_articles(ARTICLES, memory_store)
    people = _people(memory_store)
    assert people["volodymyr-zelensky"] == "Volodymyr Zelensky" and "volodymyr-zelenskyy" not in people
    assert "lloyd-austin" in people and not [p for p in people if p.startswith("lloyd-j")]
    systems = {r["l"] for r in memory_store.select("SELECT DISTINCT ?l WHERE { ?e a dg:Equipment ; rdfs:label ?l }")}
    assert systems == {"155 mm shells", "K-9"}   # one node each, named as first written
    # one role, one row per person in persons.rq
    persons = memory_store.select(query_file("persons").read_text(encoding="utf-8"))
    austin = [r for r in persons if r["name"] == people["lloyd-austin"]]
    assert [r["role"] for r in austin] == ["Defence Secretary"]
    zelensky = memory_store.select("""SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {
        <http://127.0.0.1:8080/id/person/volodymyr-zelensky> dg:mentionedIn ?a }""")
    assert zelensky == [{"n": "2"}]


def test_two_people_sharing_a_surname_stay_two(memory_store):
    ingest_articles(ARTICLES, memory_store)
    people = _people(memory_store)
    assert people["bill-blair"] == "Bill Blair" and people["tony-blair"] == "Tony Blair"
    assert person_name_key("Bill Blair") != person_name_key("Tony Blair")
    assert person_name_key("Lloyd J. Austin III") == person_name_key("Lloyd Austin") == "lloyd-austin"
    assert person_name_key("Oleksandr Syrskyi") == person_name_key("Oleksandr Syrskyy")
    assert person_name_key("Austin") != person_name_key("Lloyd Austin")   # a surname alone is no one in particular


def test_roles_have_one_spelling():
    assert canonical_role("Defense Minister") == canonical_role("Defence Minister") == "Defence Minister"
    assert canonical_role("Minister of National Defense") == "Minister of National Defence"


def test_counting_and_describing_give_each_value_once(memory_store):
    ingest_articles(ARTICLES, memory_store)
    zelensky = "http://127.0.0.1:8080/id/person/volodymyr-zelensky"
    # the default graph is the union of the article graphs: a fact two articles state is there twice,
    # COUNT(DISTINCT …) counts it once
    stated = memory_store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ <{zelensky}> dg:role ?r }}")
    distinct = memory_store.select(f"SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE {{ <{zelensky}> dg:role ?r }}")
    assert (stated, distinct) == ([{"n": "2"}], [{"n": "1"}])
    from defgraph.queries import format_result, run_query
    turtle = format_result(run_query(memory_store, f"DESCRIBE <{zelensky}>"), "table")
    assert turtle.count('"President"') == 1 and turtle.count('"Volodymyr Zelenskyy"') == 1


def test_variants_named_beside_their_family_stay_apart(memory_store):
    """"17 Gripen E/F jets: 15 Gripen E and two Gripen F": the variants are systems of their own,
    not spellings of the family's name, so each keeps its node and its label."""
    ingest_articles([Article(title="Fighters", body="Colombia signed a contract for 17 Gripen E/F fighter jets "
                             "from Sweden. The deal covers 15 single-seat Gripen E aircraft and two twin-seat "
                             "Gripen F jets.")], memory_store)
    systems = {r["l"] for r in memory_store.select("SELECT DISTINCT ?l WHERE { ?e a dg:Equipment ; rdfs:label ?l }")}
    assert {"Gripen E", "Gripen F"} <= systems and len(systems) == 3
