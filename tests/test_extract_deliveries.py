"""Transfers written as real news writes them: who built what arrived, counts with a maker or a
comparative before the system, deliveries to customers in general."""

from defgraph.extract.amounts import count_before
from tests.test_extract import facts_of, transfers_of


def test_the_company_that_built_arriving_systems_for_a_service_supplies_them():
    got = transfers_of("Chilean crews sailed the ships from Europe. The final two Stan Patrol 4207 vessels built "
                       "for the navy by Damen arrived at the port of Valparaíso on Tuesday.")
    assert got == {("Netherlands", "Chile", "Stan Patrol 4207", "delivered")}
    got = transfers_of("The first two of the six Stan Patrol 4207 vessels ordered by the Chilean Navy arrived at the "
                       "naval base on Tuesday. The pair, named Alpha and Beta, were built by Damen in Romania.")
    assert got == {("Netherlands", "Chile", "Stan Patrol 4207", "delivered")}


def test_a_count_before_a_maker_or_a_comparative_counts_the_systems():
    def count(text, system):
        return count_before(text, text.index(system))
    assert count("Chile orders two larger Tigris vessels", "Tigris") == 2
    assert count("will be supplied with two Acme Tigris vessels", "Tigris") == 2
    assert count("will be supplied with four Bell UH-1H helicopters", "UH-1H") == 4
    assert count("was shown on 12 March Tigris vessels", "Tigris") is None  # a date, not a count
    facts = facts_of("The Chilean Navy will be supplied with two Damen Stan Patrol 5009 vessels under a new "
                     "contract worth €74 million.")
    assert [e.quantity for e in facts.events if e.cls == "Transfer"] == [2]


def test_systems_delivered_to_customers_in_general_go_to_no_one_named():
    got = transfers_of("Damen has delivered Stan Patrol 4207s to customers in the Caribbean and West Africa. Chile "
                       "has ordered eight Stan Patrol 4207 patrol vessels from the Dutch Damen group.")
    assert got == {("Netherlands", "Chile", "Stan Patrol 4207", "ordered")}
    # a force of a named state is named
    assert transfers_of("Germany delivered Leopard 2 tanks to Ukrainian forces.") == \
        {("Germany", "Ukraine", "Leopard 2", "delivered")}
