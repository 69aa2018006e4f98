"""Where a SPARQL Update may change triples (read from rdflib's algebra of it), and which of those
places hold what the deals graph is made from."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from defgraph.deals import deals_graph
from defgraph.deals.inputs import DealInputs
from defgraph.namespaces import DEFAULT_BASE_IRI, PREFIXES, Minter
from defgraph.write_scope import ANYWHERE, MAX_PARSED, Scope, of_graph, of_quads, of_update

DG = "https://w3id.org/defgraph/ontology#"
G, H = ox.NamedNode("http://x/g"), ox.NamedNode("http://x/h")
QUANTITY, STATUS = ox.NamedNode(DG + "quantity"), ox.NamedNode(DG + "status")
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DEFAULT = ox.DefaultGraph()
MINTER = Minter(DEFAULT_BASE_IRI)
ARTICLE = ox.NamedNode(MINTER.iri("article", "0123abcd"))
DEALS = ox.NamedNode(deals_graph(MINTER))


def scope(text: str) -> Scope:
    return of_update(text, prefixes=PREFIXES)


@pytest.mark.parametrize("text, parts", [
    ("INSERT DATA { <http://s> dg:quantity 1 . GRAPH <http://x/g> { <http://s> dg:status dg:ordered } }",
     {(DEFAULT, QUANTITY), (G, STATUS)}),
    ("DELETE DATA { GRAPH <http://x/g> { <http://s> a dg:Transfer } }", {(G, TYPE)}),
    ("DELETE WHERE { GRAPH <http://x/g> { ?s dg:quantity ?q } }", {(G, QUANTITY)}),
    # a variable stands for any graph or predicate
    ("DELETE { GRAPH ?g { ?e dg:quantity ?q } } INSERT { GRAPH ?g { ?e ?p 9 } } WHERE { GRAPH ?g { ?e dg:quantity ?q ; ?p ?o } }",
     {(None, QUANTITY), (None, None)}),
    # WITH names the graph of the templates outside GRAPH; without it they go to the default graph
    ("WITH <http://x/h> DELETE { ?s dg:status ?o } INSERT { GRAPH <http://x/g> { ?s dg:status ?o } } WHERE { ?s dg:status ?o }",
     {(H, STATUS), (G, STATUS)}),
    ("INSERT { ?s dg:status dg:delivered } WHERE { GRAPH <http://x/g> { ?s a dg:Transfer } }", {(DEFAULT, STATUS)}),
    ("DROP GRAPH <http://x/g> ; CLEAR SILENT DEFAULT ; CREATE GRAPH <http://x/h>", {(G, None), (DEFAULT, None)}),
    ("ADD <http://x/g> TO <http://x/h>", {(H, None)}),
    ("COPY DEFAULT TO <http://x/h>", {(H, None)}),
    ("MOVE <http://x/g> TO DEFAULT", {(G, None), (DEFAULT, None)}),
])
def test_an_update_changes_only_the_graphs_and_predicates_its_operations_name(text, parts):
    assert scope(text) == Scope(frozenset(parts))


@pytest.mark.parametrize("text", [
    "CLEAR ALL", "DROP NAMED", "CLEAR SILENT NAMED",
    "INSERT DATA { GRAPH <http://x/g> { <http://s> dg:status \"\\u0041\" } }",   # read differently by the two parsers
    "this is not SPARQL",
    "INSERT DATA { GRAPH <http://x/g> { " + " ".join(f"<http://s{i}> dg:quantity {i} ." for i in range(MAX_PARSED // 20)) + " } }",
])
def test_an_update_that_cannot_be_read_closely_may_change_anything(text):
    assert scope(text).anywhere


def test_the_scope_of_written_quads_and_of_a_whole_graph():
    quads = [ox.Quad(ox.NamedNode("http://s"), QUANTITY, ox.Literal("1"), G), ox.Quad(ox.NamedNode("http://s"), STATUS, STATUS, DEFAULT)]
    assert of_quads(quads) == Scope(frozenset({(G, QUANTITY), (DEFAULT, STATUS)}))
    assert (of_graph(G) | of_quads(quads[:1])).parts == {(G, None), (G, QUANTITY)}


INPUTS = DealInputs(MINTER)


@pytest.mark.parametrize("parts, read", [
    ({(G, QUANTITY)}, []),                                  # a quantity outside article graphs: no report reads it
    ({(None, ox.NamedNode("http://x/p"))}, [(None, ox.NamedNode("http://x/p"), None, DEALS)]),   # only a write into the deals graph could matter
    ({(ARTICLE, None)}, [(None, None, None, ARTICLE)]),
    ({(ARTICLE, QUANTITY)}, [(None, QUANTITY, None, ARTICLE)]),
    ({(None, QUANTITY)}, [(None, QUANTITY, None, None)]),
])
def test_only_the_places_that_hold_deal_inputs_are_read(parts, read):
    assert INPUTS.patterns(Scope(frozenset(parts))) == read


@pytest.mark.parametrize("parts", [{(None, None)}, {(DEALS, None)}, {(G, QUANTITY), (None, None)}])
def test_a_write_to_any_predicate_anywhere_or_to_the_whole_deals_graph_is_not_followed(parts):
    assert INPUTS.patterns(Scope(frozenset(parts))) is None
    assert INPUTS.patterns(ANYWHERE) is None
