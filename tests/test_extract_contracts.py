"""Contracts between two states' bodies and what they supply, signatories on behalf of each side, a
name two states' ministries share, variant codes joined to a designation, buyers in general, and who
signed a document that someone else recalls (the constructions of story lines s39–s40 and of studied
batches, written again with invented names)."""

from tests.test_extract import agreements_of, facts_of, transfers_of


def test_what_a_contract_between_two_states_bodies_supplies_comes_from_the_other_state():
    body = ("The Ministry of National Defence of Romania and the Ministry of Defence of the Netherlands signed on "
            "Wednesday the contract for the acquisition of three Vardo-class minehunters.\n\n"
            "Under the contract, the Romanian Naval Forces will be supplied with:\n"
            "- three Vardo-class minehunters, withdrawn from service with the Royal Netherlands Navy;\n"
            "- spare parts for two years.")
    assert transfers_of(body) == {("Netherlands", "Romania", "Vardo-class", "ordered")}
    # the lead of what is supplied lists no parties of the contract
    assert agreements_of(body) == [({"Ministry of National Defence of Romania",
                                     "Ministry of Defence of the Netherlands"}, "contract")]


def test_a_framework_to_buy_together_makes_no_partner_a_seller():
    body = ("Bulgaria and France signed a framework agreement to buy radars together.\n\n"
            "Under the framework agreement, Bulgaria will receive the hardware for seven Vardo radars.")
    assert not any(s == "France" for s, _, _, _ in transfers_of(body))


def test_signatories_on_behalf_of_each_side_sign_for_those_sides():
    body = ("The Austrian Ministry of Defence and Norvik Dynamics Ltd today signed a contract for 12 Vardo jets.\n\n"
            "The contract was signed on behalf of the Republic of Austria by the Director General for Armaments, "
            "Anna Keller, and for Norvik Dynamics Ltd by Paul Marsh, its managing director.")
    # the contract told before, not a second one of a side and a signatory
    assert agreements_of(body) == [({"Austrian Ministry of Defence", "Norvik Dynamics Ltd"}, "contract")]
    got = agreements_of("The memorandum was signed on behalf of Austria by Anna Keller and for Norvik Dynamics Ltd by "
                        "Paul Marsh.")
    assert got == [({"Austria", "Norvik Dynamics Ltd"}, "memorandum")]


def test_a_ministry_name_two_states_share_is_that_of_the_state_the_text_names():
    f = facts_of("The Federal Ministry of Defence and Norvik Dynamics Ltd signed a contract in Vienna for Austria's "
                 "air force.")
    assert {k for k, e in f.entities.items() if e.cls == "Ministry"} == {"Agency:austrian-federal-ministry-of-defence"}
    # where the text names the state whose name it is, that state's
    f = facts_of("The Federal Ministry of Defence said Germany and Austria would train together.")
    assert {k for k, e in f.entities.items() if e.cls == "Ministry"} == {"Agency:federal-ministry-of-defence"}


def test_a_variant_code_joined_to_a_known_designation_is_a_variant_of_that_system():
    for written in ("T-50XZ", "T50XZ"):
        f = facts_of(f"Officials said the Austrian order for 14 {written} aircraft had been moved up the line.")
        system = next(e for e in f.entities.values() if e.family == "Equipment")
        assert system.name == written and system.facts.origin == "Country:south-korea", written
        assert system.variant_of == "Equipment:t-50"
    # a designation the data does not know stays unknown
    f = facts_of("Officials said the order for 14 ZQ-50XZ aircraft had been moved up the line.")
    assert all(e.facts.origin is None for e in f.entities.values() if e.family == "Equipment")


def test_buyers_in_general_are_no_named_buyer():
    body = ("Leonardo said the Austrian Air Force had flown the M-346 in tests. Jane Doe said the M-346 family had "
            "now been ordered by ten countries.")
    assert transfers_of(body) == set()
    # a buyer named beside the count is one
    assert transfers_of("Leonardo said the M-346 has been ordered by two countries, Austria and Greece.") == \
        {("Italy", "Austria", "M-346", "ordered"), ("Italy", "Greece", "M-346", "ordered")}


def test_the_signatories_of_a_document_someone_recalls_are_its_parties():
    got = agreements_of("Defence Minister Jane Doe met her French counterpart in Paris. In Paris, Doe recalled the "
                        "signing of the Vardo Treaty on 22 January 1963 by the then French President Pierre Lamy and "
                        "Federal Chancellor Hans Roth.")
    assert got == [({"Pierre Lamy", "Hans Roth"}, "agreement")]


def test_the_two_ministers_who_sign_are_a_minister_and_his_counterpart():
    body = ("Defence Minister Hans Roth met his French counterpart Pierre Lamy in Paris on Monday. Roth recalled "
            "the role of President Anne Morel and Chancellor Otto Brandt in the friendship. Directly afterwards, the "
            "two ministers signed a declaration of intent on the brigade.")
    assert ({"Hans Roth", "Pierre Lamy"}, "other") in agreements_of(body)


def test_each_item_of_a_list_comes_from_the_state_its_participle_names():
    f = facts_of("Eight aircraft are expected in July: 6 A-29 Super Tucano aircraft, supplied by the United States, "
                 "and 2 Wing Loong drones, supplied by China, for the Nigerian Air Force.")
    got = {(f.entities[e.supplier].name, f.entities[e.equipment[0]].name) for e in f.events if e.cls == "Transfer"}
    assert got == {("United States", "A-29 Super Tucano"), ("China", "Wing Loong")}


def test_a_purchase_cleared_or_signed_off_is_discussed_with_the_state_that_sells():
    assert transfers_of("WASHINGTON - The United States said so.", title="Japan cleared to buy E-2D Hawkeye planes "
                        "in $1.4 billion deal") == {("United States", "Japan", "E-2D Hawkeye", "discussed")}
    got = transfers_of("Japan could buy E-2D aircraft after the U.S. State Department signed off on a potential "
                       "foreign military sale.")
    assert got == {("United States", "Japan", "E-2D", "discussed")}
    # a purchase said outright is no approval
    assert transfers_of("Japan bought E-2D aircraft from the United States.") == \
        {("United States", "Japan", "E-2D", "ordered")}


def test_a_buyer_that_has_been_cleared_to_buy():
    assert transfers_of("Lockheed Martin said Poland has been cleared to buy four F-16 aircraft.") == \
        {("United States", "Poland", "F-16", "discussed")}


def test_the_contents_of_a_contract_listed_under_it_are_bought_from_the_company_that_signed_it():
    body = ("The Norvik Defence Forces Logistics Command and Vardo Robotics AS signed a procurement contract on "
            "Monday.\n\nMain contents of the contract:\n\n- 14 Kestrel unmanned ground vehicles\n- operator training")
    facts = facts_of("HELSINKI -- The Finnish Defence Forces Logistics Command and Vardo Robotics, an Estonian "
                     "company, signed a procurement contract on Monday.\n\nMain contents of the contract:\n\n"
                     "- 14 Kestrel unmanned ground vehicles\n- spare parts and tools")
    got = {(facts.entities[e.supplier].name, facts.entities[e.recipient].name, e.quantity)
           for e in facts.events if e.cls == "Transfer"}
    assert got == {("Estonia", "Finland", 14)}
    # a lead that names a side of its own, or that says something of the contract other than what it holds,
    # is no list of its contents; nor is a memorandum's
    assert not transfers_of(body.replace("Main contents of the contract:", "The contract was welcomed by Norway:"))
    assert not transfers_of(body.replace("Main contents of the contract:", "Critics of the contract said:"))
    assert not transfers_of(body.replace("a procurement contract", "a memorandum of understanding")
                            .replace("of the contract", "of the memorandum"))


def test_a_count_of_the_kind_a_document_covers_is_the_quantity_of_the_last_transfer():
    facts = facts_of("Estonia ordered Korvan XP armoured vehicles from Acme Land Systems of Finland. According to the "
                     "company, the contract covers 32 vehicles.")
    (transfer,) = [e for e in facts.events if e.cls == "Transfer"]
    assert transfer.quantity == 32
    # a count of another kind says nothing of how many of this system
    facts = facts_of("Estonia ordered Korvan XP armoured vehicles from Acme Land Systems of Finland. The contract "
                     "covers 32 helicopters.")
    assert [e.quantity for e in facts.events if e.cls == "Transfer" and "Korvan" in facts.entities[e.equipment[0]].name] \
        == [None]


def test_a_count_a_document_covers_after_a_delivery_is_the_whole_it_belongs_to():
    facts = facts_of("The first Korvan XP vehicles arrived in Estonia from Acme Land Systems of Finland on Monday. "
                     "The contract covers 84 vehicles, to be delivered by 2027.")
    (transfer,) = [e for e in facts.events if e.cls == "Transfer"]
    assert (transfer.status, transfer.quantity, transfer.whole) == ("delivered", None, 84)
    # another document's count, said of another programme, is not this transfer's
    facts = facts_of("Estonia ordered Korvan XP armoured vehicles from Acme Land Systems of Finland. Under a separate "
                     "programme with Latvia, the contract covers 218 vehicles.")
    assert [e.quantity for e in facts.events if e.cls == "Transfer" and e.recipient == "Country:estonia"] == [None]


def test_an_order_a_maker_takes_from_a_state_comes_from_that_state():
    facts = facts_of("Norvik Dynamics Ltd won a 24-howitzer K9 order from Norway, its largest this year.")
    (ev,) = [e for e in facts.events if e.cls == "Transfer"]
    name = lambda k: facts.entities[k].name
    # the maker's state, which the data gives for the system, sells; the state the order is "from" buys
    assert (name(ev.supplier), name(ev.recipient), ev.status, ev.quantity) == ("South Korea", "Norway", "ordered", 24)
    # an order of the buyer's own "from" a maker's state is as before
    got = transfers_of("Norway placed an order for K9 howitzers from South Korea.")
    assert {(s, r) for s, r, _, _ in got} == {("South Korea", "Norway")}
    # the system's own state is its seller, however the order is written
    got = transfers_of("An order for 120 Lynx vehicles from Germany was signed by Greece.")
    assert {(s, r) for s, r, _, _ in got} == {("Germany", "Greece")}
