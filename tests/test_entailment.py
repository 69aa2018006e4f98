"""Entailment from the ontology's hierarchy: what it makes queryable, that it leaves the
competency answers alone, and that it follows re-ingests, removals and ontology changes."""


import pytest

from defgraph.articles import Article, expand_paths, read_file
from defgraph.entail import inferred_graph, inferred_prefix, ontology_hierarchy
from defgraph.ingest import DIGEST_QUERY, ensure_ontology, ingest_article, ingest_articles
from defgraph.mapping import article_iri
from defgraph.namespaces import DG, Minter
from defgraph.queries import format_result, run_query
from defgraph.resources import ONTOLOGY_FILE, competency_queries
from defgraph.store import OxigraphStore

from .conftest import CORPUS


def _dev_articles() -> list[Article]:
    files, _, _ = expand_paths([str(CORPUS / "dev")])
    return [a for f in files for a in read_file(f)]


@pytest.fixture(scope="module")
def dev_stores(tmp_path_factory):
    """The dev corpus in two on-disk stores: with inference, and without (to compare)."""
    articles = _dev_articles()
    stores = {}
    for name, entail in (("with", True), ("without", False)):
        store = OxigraphStore(tmp_path_factory.mktemp(f"dev-{name}") / "store")
        ingest_articles(articles, store, entail=entail)
        stores[name] = store
    yield stores
    for store in stores.values():
        store.close()


def _n(store, query: str) -> int:
    return int(store.select(query)[0]["n"])


def _stated_count(store, cls: str) -> int:
    """Entities that an article's or the entities graph states to be of class `cls`."""
    rows = store.select(f"""SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{
      GRAPH ?g {{ ?x a <{cls}> }} FILTER(!STRSTARTS(STR(?g), "{inferred_prefix(store.base_iri)}")) }}""")
    return int(rows[0]["n"])


def test_agency_counts_the_sum_of_its_subclasses(dev_stores):
    store = dev_stores["with"]
    agencies = _n(store, "SELECT (COUNT(*) AS ?n) WHERE { ?x a dg:Agency }")
    subclasses = [c for c, sups in ontology_hierarchy().superclasses.items() if str(DG.Agency) in sups]
    assert str(DG.Ministry) in subclasses and len(subclasses) == 7
    by_class = {c: _stated_count(store, c) for c in [str(DG.Agency), *subclasses]}
    assert by_class[str(DG.Ministry)] > 0
    assert agencies == sum(by_class.values()) > by_class[str(DG.Agency)]
    # every agency once: the union of the graphs holds no inferred duplicate
    assert agencies == _n(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a dg:Agency }")
    assert _n(dev_stores["without"], "SELECT (COUNT(*) AS ?n) WHERE { ?x a dg:Agency }") == by_class[str(DG.Agency)]


def test_foaf_person_finds_every_person(dev_stores):
    store = dev_stores["with"]
    persons = _n(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a dg:Person }")
    assert persons > 10
    assert _n(store, "SELECT (COUNT(*) AS ?n) WHERE { ?x a foaf:Person }") == persons
    assert _n(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a dg:Actor }") == persons + sum(
        _n(store, f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a dg:{c} }}") for c in ("Agency", "Country"))


def test_participant_finds_suppliers_parties_providers(dev_stores):
    store = dev_stores["with"]
    for role in ("supplier", "recipient", "party", "provider", "trainee"):
        stated = store.select(f"SELECT ?e ?p WHERE {{ ?e dg:{role} ?p }}")
        assert stated, role
        # the articles' events; the merged events of the deals graph have no inference graph
        missing = store.select(f"""SELECT ?e ?p WHERE {{ ?e dg:{role} ?p
                                   FILTER NOT EXISTS {{ ?e dg:participant ?p }}
                                   FILTER NOT EXISTS {{ ?e dg:report ?report }} }}""")
        assert not missing, (role, missing[:3])
    rows = store.select("""SELECT (COUNT(*) AS ?n) WHERE { ?e dg:participant ?p . ?p a dg:Agency }""")
    assert int(rows[0]["n"]) > 0   # "which agencies took part", across all kinds of event


def test_competency_answers_do_not_change(dev_stores):
    for name, text in competency_queries().items():
        got = {k: format_result(run_query(s, text), "csv") for k, s in dev_stores.items()}
        assert got["with"] == got["without"], name


def test_size_of_the_inference_graphs(dev_stores):
    """Entailments stay within the ontology's own terms: about a fifth more quads, not double."""
    stated, total = dev_stores["without"].count(), dev_stores["with"].count()
    assert stated < total <= 1.25 * stated


def test_reingest_replaces_and_removal_drops_inferences(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    hierarchy = ensure_ontology(store)
    minter = Minter(store.base_iri)
    text = "France will deliver Caesar howitzers to Ukraine, the French Ministry of Armed Forces said on Monday."
    article = Article(title="France to deliver Caesar", body=text, id="fixed-id")
    ingest_article(article, store, hierarchy=hierarchy)
    graph = str(article_iri("fixed-id", minter))
    inferred = inferred_graph(store.base_iri, graph)
    assert store.has_graph(inferred)
    participants = "SELECT (COUNT(*) AS ?n) WHERE { ?t a dg:Transfer ; dg:participant ?p }"
    assert _n(store, participants) >= 2
    before = store.count()
    ingest_article(article, store, hierarchy=hierarchy)
    assert store.count() == before     # the same article again: the same quads
    quiet = Article(title="France to deliver Caesar", body="Nothing happened on Monday.", id="fixed-id")
    ingest_article(quiet, store, hierarchy=hierarchy)
    assert _n(store, participants) == 0 and _n(store, "SELECT (COUNT(*) AS ?n) WHERE { ?e a dg:Event }") == 0
    ingest_article(article, store, hierarchy=hierarchy)
    store.remove_graph(graph)
    assert not store.has_graph(graph) and not store.has_graph(inferred)
    assert _n(store, "SELECT (COUNT(*) AS ?n) WHERE { ?e dg:participant ?p }") == 0
    store.close()


def test_ontology_change_rebuilds_inferences(tmp_path):
    store = OxigraphStore(tmp_path / "store")
    ingest_articles(_dev_articles()[:5], store)
    companies = _n(store, "SELECT (COUNT(*) AS ?n) WHERE { ?x a dg:Company }")
    assert companies > 0
    vendor = "SELECT (COUNT(*) AS ?n) WHERE { ?x a dg:Vendor }"
    assert _n(store, vendor) == 0
    changed = tmp_path / "defgraph.ttl"
    changed.write_text(ONTOLOGY_FILE.read_text(encoding="utf-8")
                       + "\ndg:Vendor a owl:Class .\ndg:Company rdfs:subClassOf dg:Vendor .\n", encoding="utf-8")
    before = store.count()
    h = ensure_ontology(store, changed)
    assert [r["d"] for r in store.select(DIGEST_QUERY)] == [h.digest]
    assert _n(store, vendor) == companies
    assert store.count() == before + companies + 2     # the two axioms, and one type per company
    assert ensure_ontology(store, changed) == h and store.count() == before + companies + 2
    ensure_ontology(store)
    assert _n(store, vendor) == 0 and store.count() == before
    store.close()
