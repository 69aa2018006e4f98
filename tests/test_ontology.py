import owlrl
import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from defgraph.ingest import store_graph
from defgraph.namespaces import DG
from defgraph.resources import ONTOLOGY_FILE, SHAPES_FILE
from defgraph.validate import validate_graph


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE)


def test_every_term_has_label_and_comment(ontology):
    terms = set(ontology.subjects(RDF.type, OWL.Class)) | set(ontology.subjects(RDF.type, OWL.ObjectProperty)) \
        | set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    assert len(terms) > 50
    for t in terms:
        assert ontology.value(t, RDFS.label) is not None, t
        assert ontology.value(t, RDFS.comment) is not None, t


def test_required_classes_and_alignments(ontology):
    for name in ["Actor", "Person", "Agency", "Ministry", "GovernmentAgency", "StateEnterprise", "ArmedForces",
                 "Company", "InternationalOrganization", "Country", "Equipment", "AirDefenseSystem", "Radar",
                 "Event", "Meeting", "Transfer", "Agreement", "Training", "JointProduction", "Article"]:
        assert (DG[name], RDF.type, OWL.Class) in ontology, name
    assert (DG.Person, OWL.equivalentClass, None) in ontology
    assert (DG.role, RDFS.domain, DG.Person) in ontology
    assert (DG.supplier, RDFS.range, DG.Actor) in ontology
    namespaces = {str(o) for o in ontology.objects(None, RDFS.subClassOf)} | \
        {str(o) for o in ontology.objects(None, RDFS.subPropertyOf)}
    for ns in ("http://xmlns.com/foaf/0.1/", "https://schema.org/", "http://www.w3.org/ns/org#",
               "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/", "http://www.w3.org/2004/02/skos/core#",
               "http://semanticweb.cs.vu.nl/2009/11/sem/"):
        assert any(x.startswith(ns) for x in namespaces), ns


def test_owl_rl_closure_over_seed_graph_is_consistent(seed_store, ontology):
    g = Graph()
    for t in ontology:
        g.add(t)
    for t in store_graph(seed_store):
        g.add(t)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    inconsistencies = list(g.subjects(RDF.type, OWL.Nothing))
    assert inconsistencies == []
    # the closure did infer through the alignments
    assert any(True for _ in g.subjects(RDF.type, URIRef("http://xmlns.com/foaf/0.1/Person")))


def test_seed_graph_conforms_to_shapes(seed_store):
    assert validate_graph(store_graph(seed_store)) == []


def test_broken_graph_reports_violations(seed_store):
    g = store_graph(seed_store)
    transfer = next(g.subjects(RDF.type, DG.Transfer))
    for o in list(g.objects(transfer, DG.supplier)):
        g.remove((transfer, DG.supplier, o))
    g.add((transfer, DG.recipient, DG.nonsense))
    violations = validate_graph(g)
    paths = {v.path for v in violations}
    assert "dg:supplier" in paths and "dg:recipient" in paths
    assert all(v.label for v in violations if v.focus == str(transfer))
    assert len(Graph().parse(SHAPES_FILE)) > 0


from rdflib import URIRef  # noqa: E402
