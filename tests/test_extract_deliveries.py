"""Transfers written as real news writes them: who built what arrived, counts with a maker or a
comparative before the system, deliveries to customers in general."""

from defgraph.extract.amounts import count_before, find_money
from tests.test_extract import facts_of, names, transfers_of


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


def test_systems_handed_over_by_a_government_no_state_names_come_from_the_articles_other_state():
    got = transfers_of("Papua New Guinea has been handed the first of the Guardian class patrol boats by the federal "
                       "government. Australian steel went into the boats.")
    assert got == {("Australia", "Papua New Guinea", "Guardian class", "delivered")}
    # the boats named without "class" there are the class the headline names
    facts = facts_of("Papua New Guinea has been handed the first of the Guardian patrol boats by Australia.",
                     title="PNG gets first Guardian class patrol boat")
    assert names(facts, "Equipment") == {"Guardian class"}


def test_systems_that_will_go_to_a_service_or_state_move_to_it():
    got = transfers_of("Elbit Systems won the bid. Seven Hermes 900 UAVs will go to the Royal Thai Navy, the ministry "
                       "said.")
    assert got == {("Israel", "Thailand", "Hermes 900", "pledged")}
    # going "to waste" moves nothing
    assert transfers_of("Much of Zimbabwe's AK-47 stock from China went to waste.") == set()


def test_an_amount_in_baht_shillings_or_ringgit_is_money_not_a_system():
    facts = facts_of("The navy will sign a Bt4bn deal for Hermes 900 drones with Elbit Systems.")
    assert names(facts, "Equipment") == {"Hermes 900"}
    assert [(m.amount, m.currency) for m in find_money("gear worth KSh220 million, USh5 billion or RM1.2 billion")] == \
        [(220_000_000, "KES"), (5_000_000_000, "UGX"), (1_200_000_000, "MYR")]


def test_many_givers_and_no_one_named_to_get_it_make_no_transfer():
    assert transfers_of("Spain, Portugal, Poland and Italy have agreed on cooperation in providing Mk 54 torpedoes, "
                        "aimed at standardizing naval weapons. Austria is not taking part.") == set()


def test_the_same_kind_refers_to_the_system_of_that_kind_named_last():
    got = transfers_of("Italy has pledged ten Lince light armoured vehicles to Libya. Tunisia is still negotiating "
                       "with Rome over a purchase of the same vehicle for its border units.")
    assert got == {("Italy", "Libya", "Lince", "pledged"), ("Italy", "Tunisia", "Lince", "discussed")}


def test_personnel_from_a_states_body_trained_by_advisors_of_another_states_army():
    f = facts_of("Over 600 personnel from the Zambian Defence Force's three services are receiving training and "
                 "mentoring from U.S. Army advisors in leadership.")
    assert {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events if e.cls == "Training"} == \
        {("United States", "Zambia")}
    # personnel "of" a body deploying on a training mission are no trainees of the place they go to
    f = facts_of("The Senate approved personnel of the U.S. Army's 7th Special Forces Group to deploy to Mexico on "
                 "a training mission with the Mexican Navy.")
    assert not any(e.cls == "Training" and f.entities[e.trainee].name == "United States" for e in f.events)


def test_a_states_own_systems_reaching_a_place_were_delivered_from_where_a_later_sentence_says():
    got = transfers_of("Argentina's first six F-16 fighter jets have reached Río Cuarto, in Córdoba province.\n\n"
                       "The United States approved the jets' transfer from Denmark and helped pay for them.")
    assert got == {("Denmark", "Argentina", "F-16", "delivered")}
    # a programme that reaches a milestone moves nothing
    assert transfers_of("Argentina's F-16 programme reached a milestone, the United States said.") == set()


def test_soldiers_who_spent_months_in_a_state_learning_to_use_a_system_were_trained_there():
    f = facts_of("Ukrainian soldiers and technicians had spent the previous two months in Germany learning to use "
                 "the Leopard and the Marder.")
    assert {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events if e.cls == "Training"} == \
        {("Germany", "Ukraine")}


def test_a_one_letter_currency_is_money_only_run_into_its_number_and_multiplier():
    (peso,) = find_money("US military hands P183-M weapons, gear to AFP")
    assert (peso.amount, peso.currency) == (183_000_000, "PHP")
    assert find_money("The patrol ship P 625 and the P3 aircraft arrived.") == []
    f = facts_of("US military hands P183-M weapons to the Philippines.")
    assert not names(f, "Equipment")


def test_a_size_hyphened_before_a_kind_is_part_of_its_name():
    """'two 97-metre patrol vessels': a length or a weight says what size the kind is, it names no system."""
    got = transfers_of("Japan delivered two 97-metre patrol vessels to the Philippines.")
    assert got == {("Japan", "Philippines", "97-metre patrol vessels", "delivered")}
    got = transfers_of("Korea handed over a 1,200-ton corvette to the Peruvian Navy on Friday.")
    assert got == {("South Korea", "Peru", "1,200-ton corvette", "delivered")}


def test_contracted_systems_delivered_are_delivered():
    assert transfers_of("South Korea has delivered 24 of the 48 contracted K2 tanks to Poland.") == {
        ("South Korea", "Poland", "K2", "delivered")}
    assert transfers_of("Kenya contracted a Turkish firm to refurbish its Bayraktar TB2 drones.") == set()


def test_whom_a_system_threatens_is_not_who_gets_it():
    got = transfers_of("Britain will send 13 armoured vehicles to Ukraine. The Government is also set to supply Stormer "
                       "armoured vehicles, which carry Starstreak anti-aircraft missiles and are designed to provide a "
                       "roving threat to Russian planes.")
    assert {r for _, r, _, _ in got} == {"Ukraine"}
