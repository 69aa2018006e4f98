"""The same person, agency, country or system named in two articles is one node."""

from defgraph.articles import Article
from defgraph.ingest import ingest_articles


def test_entities_merge_across_articles(memory_store):
    a = Article(title="Talks in Kyiv", body="Defence Minister Rustem Umerov said the Ministry of Defence of "
                "Ukraine had received IRIS-T SLM air defence systems from Germany.")
    b = Article(title="Umerov in Paris", body="Ukraine's defense minister Rustém Umerov met French officials. "
                "The Ministry of Defense of Ukraine said France had delivered IRIS-T systems... no, CAESAR "
                "howitzers to Ukraine.")
    summary = ingest_articles([a, b], memory_store)
    assert summary.articles == 2
    rows = memory_store.select("""
        SELECT ?e (COUNT(DISTINCT ?a) AS ?n) (GROUP_CONCAT(DISTINCT ?alt; separator="|") AS ?alts) WHERE {
          ?e dg:mentionedIn ?a . OPTIONAL { ?e skos:altLabel ?alt }
        } GROUP BY ?e""")
    by_iri = {r["e"].rsplit("/id/", 1)[1]: r for r in rows}
    for node in ("person/rustem-umerov", "country/ukraine", "agency/ministry-of-defence-of-ukraine"):
        assert node in by_iri, sorted(by_iri)
        assert by_iri[node]["n"] == "2", node
    assert "Rustém Umerov" in by_iri["person/rustem-umerov"]["alts"]
    labels = memory_store.select("SELECT ?l WHERE { ?e rdfs:label ?l FILTER(STRENDS(STR(?e), 'person/rustem-umerov')) }")
    assert len(labels) == 1  # one canonical name, the first seen; other forms are altLabels
