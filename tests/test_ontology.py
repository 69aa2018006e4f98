import owlrl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from defgraph.ingest import store_graph
from defgraph.namespaces import DG
from defgraph.resources import ONTOLOGY_FILE
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


SMALL = """
@prefix dg: <https://w3id.org/defgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <urn:x-test:> .
:a a dg:Article ; dcterms:title "T" ; dg:text "Text." .
:fr a dg:Country ; rdfs:label "France" ; dg:isoCode "FR" ; dg:mentionedIn :a .
:ua a dg:Country ; rdfs:label "Ukraine" ; dg:isoCode "UA" ; dg:mentionedIn :a .
:kit a dg:Equipment ; rdfs:label "CAESAR" .
:p1 a dg:Person ; rdfs:label "P One" ; dg:nationality :fr .
:p2 a dg:Person ; rdfs:label "P Two" ; dg:nationality :ua .
:t a dg:Transfer ; dg:supplier :fr ; dg:recipient :ua ; dg:equipment :kit ; dg:status dg:pledged ;
   dg:quantity 6 ; dg:mentionedIn :a ; dg:evidence "France will send six CAESAR." .
:m a dg:Meeting ; dg:participant :p1, :p2 ; dg:mentionedIn :a ; dg:evidence "They met." .
:d a dg:Deal ; dg:supplier :fr ; dg:recipient :ua ; dg:equipment :kit ; dg:status dg:pledged ; dg:quantity 6 ;
   dg:report :t ; dg:reportCount 1 ; dg:sourceCount 1 ; dg:firstReported "2023-01-05"^^xsd:date ;
   dg:lastReported "2023-01-05"^^xsd:date ; dg:conflict :c .
:c a dg:Conflict ; dg:conflictKind "quantity" ; dg:earlierReport :t ; dg:laterReport :t .
"""

# one broken copy of a node per shape: (what to add to SMALL, the focus node, the message reported)
BROKEN = [
    (':x1 a dg:Person ; dg:mentionedIn :a .', "x1", "has no name (rdfs:label)"),
    (':x2 a dg:Person ; rdfs:label "X" ; dg:nationality "France" .', "x2", "has a nationality that is not a country"),
    (':x3 a dg:Country ; rdfs:label "X" ; dg:isoCode "fra" .', "x3",
     "has an ISO 3166-1 code that is not two capital letters, or more than one"),
    (':x4 a dg:Meeting ; dg:participant :p1, :p2 ; dg:evidence "E" .', "x4", "comes from no article"),
    (':x5 a dg:Transfer ; dg:supplier :fr, :ua ; dg:recipient :ua ; dg:equipment :kit ; dg:status dg:pledged ;'
     ' dg:mentionedIn :a ; dg:evidence "E" .', "x5", "must have exactly one supplier, an actor"),
    (':x6 a dg:Transfer ; dg:supplier :fr ; dg:recipient :ua ; dg:equipment :kit ; dg:status dg:rumoured ;'
     ' dg:mentionedIn :a ; dg:evidence "E" .', "x6", "must have one status: delivered, pledged, ordered or discussed"),
    (':x7 a dg:Meeting ; dg:participant :p1 ; dg:mentionedIn :a ; dg:evidence "E" .', "x7",
     "must have at least two participants, persons"),
    (':x8 a dg:Transfer ; dg:supplier :fr ; dg:recipient :ua ; dg:equipment :kit ; dg:status dg:pledged ;'
     ' dg:value 5.0 ; dg:mentionedIn :a ; dg:evidence "E" .', "x8", "states a value without its currency"),
    (':x9 a dg:Article ; dg:text "no title" .', "x9", "must have exactly one title"),
    (':x10 a dg:Deal ; dg:supplier :fr ; dg:recipient :ua ; dg:equipment :kit ; dg:status dg:pledged ;'
     ' dg:reportCount 1 ; dg:sourceCount 1 .', "x10", "must have at least one report, an article's event"),
    (':x11 a dg:Conflict ; dg:conflictKind "louder" ; dg:earlierReport :t ; dg:laterReport :t .', "x11",
     "must have one kind: quantity, order or backwards"),
    (':x12 a dg:Deal ; dg:supplier :fr ; dg:recipient :ua ; dg:equipment :kit ; dg:status dg:pledged ; dg:report :t ;'
     ' dg:reportCount 0 ; dg:sourceCount 1 .', "x12", "must have one number of reports, a positive integer"),
]


def test_a_small_conforming_graph_passes():
    assert validate_graph(Graph().parse(data=SMALL, format="turtle")) == []


def test_each_shape_reports_its_own_violation():
    g = Graph().parse(data=SMALL + "\n".join(add for add, _, _ in BROKEN), format="turtle")
    found = {(v.focus.rsplit(":", 1)[-1], v.message) for v in validate_graph(g)}
    # with RDFS inference the range of dg:nationality makes the literal "France" a nameless country
    assert found == {(focus, message) for _, focus, message in BROKEN} | {("France", "has no name (rdfs:label)")}
