"""Extraction on reports that follow one deal across articles: talks on a system, a contract
signed by a ministry and a maker, a part of a whole delivered, a maker or variant in a system's
name (the constructions of the deal story lines in tests/data/deals)."""

from defgraph.extract import amounts
from tests.test_extract import facts_of, names, transfers_of


def test_talks_on_a_system_are_a_discussed_transfer_from_its_maker():
    got = transfers_of("Latvia signed a contract for 12 K9 Thunder howitzers from South Korea. Consultations with "
                       "South Korea on the K10 resupply vehicle are continuing and no decision has been taken.")
    assert ("South Korea", "Latvia", "K10", "discussed") in got
    got = transfers_of("Lithuania and the United Kingdom have agreed to start negotiations on the extended-range "
                       "CAMM-ER missile.")
    assert got == {("United Kingdom", "Lithuania", "CAMM-ER", "discussed")}
    # talks that name no side of the system's making name no transfer
    assert transfers_of("Talks between Peru and Chile on the Leopard 2 tanks in service are continuing.") == set()


def test_talks_on_a_possible_purchase_are_no_order():
    got = transfers_of("Latvia has started talks with South Korea on a possible purchase of more K9 Thunder "
                       "howitzers, the minister said.")
    assert got == {("South Korea", "Latvia", "K9 Thunder", "discussed")}


def test_a_ministry_and_a_foreign_maker_that_sign_a_contract_buy_and_sell():
    got = transfers_of("Slovenia's Ministry of Defence and Finland's Patria on Monday signed a contract for "
                       "twenty Vartija XR armoured vehicles.")
    assert got == {("Finland", "Slovenia", "Vartija XR", "ordered")}


def test_a_system_named_after_its_maker_comes_from_the_maker_state():
    f = facts_of("The ministry confirmed the deal on Monday.", title="Slovenia signs deal for 20 Patria AMV XP vehicles")
    got = {(f.entities[e.supplier].name, f.entities[e.recipient].name) for e in f.events if e.cls == "Transfer"}
    assert got == {("Finland", "Slovenia")}


def test_an_order_written_as_a_state_s_order_is_bought_by_that_state():
    got = transfers_of("Patria has entered Slovenia's AMV XP order into its backlog, the company said.")
    assert got == {("Finland", "Slovenia", "AMV XP", "ordered")}
    got = transfers_of("Patria books Slovenian AMV XP order")
    assert got == {("Finland", "Slovenia", "AMV XP", "ordered")}


def test_a_calibre_before_a_designation_is_no_part_of_its_name_nor_its_count():
    f = facts_of("Norway has delivered 18 155 mm M109A3GN self-propelled howitzers to Ukraine.")
    [ev] = [e for e in f.events if e.cls == "Transfer"]
    assert (f.entities[ev.equipment[0]].name, ev.quantity) == ("M109A3GN", 18)


def test_a_part_of_a_whole_counts_the_part_and_states_the_whole():
    for text, part, whole in (("the first 4 of 16 jets", 4, 16), ("the first six of the 18 pledged guns", 6, 18),
                              ("four of the six carriers", 4, 6), ("all 18 guns", 18, 18), ("54 tanks", 54, None)):
        pos = text.rindex(" ") + 1
        assert (amounts.count_before(text, pos), amounts.whole_before(text, pos)) == (part, whole), text
    f = facts_of("The first 6 of 30 Patria AMV XP vehicles ordered by Slovenia arrived on Friday.")
    assert [(e.quantity, e.whole) for e in f.events if e.cls == "Transfer"] == [(6, 30)]


def test_another_code_after_a_known_system_s_family_name_is_another_system():
    f = facts_of("Portugal ordered six IRIS-T SLS launchers from Diehl Defence. The IRIS-T SLM fire units arrived "
                 "earlier.")
    got = {(f.entities[e.equipment[0]].name, e.status) for e in f.events if e.cls == "Transfer"}
    assert got == {("IRIS-T SLS", "ordered"), ("IRIS-T SLM", "delivered")}
    # a title after a system's family name is no code of it
    f = facts_of("Signatories were Eurofighter CEO Ana Lindqvist and the agency's head, Jon Barros.")
    assert not [e for e in f.entities.values() if e.family == "Equipment" and "CEO" in e.name]


def test_wheel_configurations_of_one_family_are_two_systems():
    got = transfers_of("Italy will donate 30 Puma 6x6 armoured vehicles and a dozen Puma 4x4 vehicles to Moldova.")
    assert got == {("Italy", "Moldova", "Puma 6x6", "pledged"), ("Italy", "Moldova", "Puma 4x4", "pledged")}


def test_a_sentence_that_goes_on_keeps_the_supplier_and_one_that_turns_away_does_not():
    got = transfers_of("Italy donated vehicles to Moldova. During the same ceremony, four Puma 4x4 vehicles were "
                       "handed over to the Moldovan National Army.")
    assert got == {("Italy", "Moldova", "Puma 4x4", "delivered")}
    got = transfers_of("Italy donated vehicles to Moldova. Four Puma 4x4 vehicles were handed over to the Moldovan "
                       "National Army.")
    assert got == {("Italy", "Moldova", "Puma 4x4", "delivered")}
    got = transfers_of("The US delivered NASAMS to Ukraine. In a separate step, a possible sale of NASAMS "
                       "components to an allied nation was approved.")
    assert got == {("United States", "Ukraine", "NASAMS", "delivered")}


def test_a_wheel_configuration_written_with_spaces_is_the_same_system():
    one = facts_of("The first eight of the 30 Puma 6 x 6 carriers donated by Italy arrived in Moldova.")
    two = facts_of("Italy will donate 30 Puma 6x6 armoured personnel carriers to Moldova.")
    keys = [{e.equipment[0] for e in f.events if e.cls == "Transfer"} for f in (one, two)]
    assert keys[0] == keys[1] == {"Equipment:puma-6x6"}


def test_a_state_body_whose_state_is_unknown_receives_nothing_for_itself():
    got = transfers_of("The first six of the 30 Puma 6x6 carriers donated by Italy reached Moldova on Monday and were "
                       "formally handed over to the National Army at a training centre near the capital.")
    assert {r for s, r, e, st in got} == {"Moldova"}


def test_a_system_donated_by_one_state_to_another_goes_as_far_as_the_main_verb_says():
    got = transfers_of("All 30 Puma 6x6 carriers donated by Italy to Moldova have been delivered.")
    assert got == {("Italy", "Moldova", "Puma 6x6", "delivered")}
    got = transfers_of("The NASAMS donated by Canada to Ukraine will be delivered in May.")
    assert got == {("Canada", "Ukraine", "NASAMS", "pledged")}
    got = transfers_of("The NASAMS donated by Canada to Ukraine are already in service.")
    assert got == {("Canada", "Ukraine", "NASAMS", "pledged")}


def test_variants_the_gazetteer_lists_as_aliases_are_systems_of_their_own():
    f = facts_of("Romania ordered 18 Skyranger 30 systems from Rheinmetall. Talks on a fixed-site Skyranger 35 "
                 "for air bases continue.")
    got = {(f.entities[e.equipment[0]].name, e.status) for e in f.events if e.cls == "Transfer"}
    assert got == {("Skyranger 30", "ordered"), ("Skyranger 35", "discussed")}
    assert f.entities["Equipment:skyranger-30"].aliases.isdisjoint({"Skyranger 35", "Skyranger"})
    # written with a hyphen, and the family name alone where one variant is named: the same system
    f = facts_of("Rheinmetall handed over the last Skyranger-30 vehicles to Romania. The Skyranger guns will guard "
                 "bases.")
    assert {e.key for e in f.entities.values() if e.family == "Equipment"} == {"Equipment:skyranger-30"}


def test_a_state_written_before_a_system_s_deliveries_receives_them():
    got = transfers_of("Rheinmetall completes Romanian Skyranger 30 deliveries")
    assert got == {("Germany", "Romania", "Skyranger 30", "delivered")}


def test_retired_or_surplus_systems_keep_their_count():
    f = facts_of("Japan will transfer six retired Abukuma-class destroyer escorts to the Philippines.")
    assert [e.quantity for e in f.events if e.cls == "Transfer"] == [6]


def test_the_two_officials_are_the_two_people_named_last():
    f = facts_of("The contract was signed by Ana Petrescu, State Secretary for Armaments, and Jonas Weber, Chief "
                 "Executive of a defence firm. Following the signing, the two officials held a working meeting on "
                 "the delivery schedule.")
    name = lambda k: f.entities[k].name
    assert [set(map(name, e.participants)) for e in f.events if e.cls == "Meeting"] == [{"Ana Petrescu", "Jonas Weber"}]


def test_review_cases_of_the_new_rules_stay_right():
    # the maker's nationality before a system is no buyer of it; a possessive is
    assert transfers_of("Poland's South Korean K9 order was completed, Hanwha said.") == \
        {("South Korea", "Poland", "K9", "ordered")}
    # a country after a kind of ship is no ship's name
    f = facts_of("The submarine Ukraine received from Britain was commissioned on Monday.")
    assert not [e for e in f.entities.values() if e.family == "Equipment" and e.name == "Ukraine"]
    # an item after ';' about someone else is no item of the list
    got = transfers_of("Germany's new package for Ukraine contains Leopard 2 tanks; meanwhile, Russian T-90 tanks "
                       "near Bakhmut were destroyed.")
    assert got == {("Germany", "Ukraine", "Leopard 2", "pledged")}
    # a year is no whole
    assert amounts.whole_before("the first 4 of the 2024 jets", 28) is None
    # one variant written two ways is one system
    f = facts_of("Israel delivered Merkava Mk 4 tanks to Cyprus. The Merkava IV tanks arrived in May.")
    assert {e.equipment[0] for e in f.events if e.cls == "Transfer"} == {"Equipment:merkava-4"}


def test_a_named_variant_after_a_family_name_and_a_contract_for_its_delivery():
    got = transfers_of("Latvia signed a contract for the delivery of eight CV90 Mjölner mortar carriers from Sweden.")
    assert got == {("Sweden", "Latvia", "CV90 Mjölner", "ordered")}
    f = facts_of("Latvia already operates the CV90. It signed a contract for the delivery of eight CV90 Mjölner "
                 "mortar carriers from Sweden.")
    assert {e.key for e in f.entities.values() if e.family == "Equipment"} == {"Equipment:cv90",
                                                                              "Equipment:cv90-mjolner"}


def test_a_state_that_is_to_receive_a_system_is_its_recipient_and_a_contract_makes_it_an_order():
    for verb in ("will receive", "is to receive", "is set to receive"):
        got = transfers_of(f"Belgium {verb} 20 K9 howitzers from South Korea.")
        assert got == {("South Korea", "Belgium", "K9", "pledged")}, verb
    got = transfers_of("The Dutch army is to receive twenty CAESAR howitzers from KNDS France, in a contract worth "
                       "€236 million.")
    assert got == {("France", "Netherlands", "CAESAR", "ordered")}
    got = transfers_of("Under the contract, South Korea will deliver 20 K9 howitzers to Belgium.")
    assert got == {("South Korea", "Belgium", "K9", "ordered")}
    # a gift stays a gift whatever contract buys it
    got = transfers_of("Norway will donate 20 K9 howitzers to Ukraine under a contract with Hanwha.")
    assert {status for *_, status in got} == {"pledged"}


def test_a_mark_written_in_roman_numerals_is_a_variant_of_its_own():
    f = facts_of("Belgium is in talks with KNDS France on the CAESAR 8x8. The talks are separate from the "
                 "contract under which 18 CAESAR MkII are to be delivered to Belgium in 2025.")
    got = {(f.entities[e.equipment[0]].name, e.status) for e in f.events if e.cls == "Transfer"}
    assert got == {("CAESAR 8x8", "discussed"), ("CAESAR MkII", "ordered")}


def test_who_attends_a_handover_gives_nothing():
    text = ("Seychelles President attends handover of patrol boats gifted by Bahrain. The four boats, donated "
            "by Bahrain to the Seychelles, were handed over on Monday.")
    got = transfers_of(text)
    assert got and all(s != "Seychelles" for s, _, _, _ in got)
    # who hands over, not who looks on: the same noun with a giver before it
    got = transfers_of("Bahrain marked the handover of four Ocean Eagle 43 boats to the Seychelles.")
    assert {(s, r) for s, r, _, _ in got} == {("Bahrain", "Seychelles")}


def test_who_confirms_that_systems_will_be_sent_sends_them():
    got = transfers_of("British Defence Secretary Adam Kerr has set out more military aid for Ukraine, confirming "
                       "that 14 Challenger 2 tanks will be sent.")
    assert got == {("United Kingdom", "Ukraine", "Challenger 2", "pledged")}
    # in a relative clause the actor before is the buyer, not who delivers
    got = transfers_of("Poland ordered 46 K2 tanks from South Korea, 10 of which were delivered last year.")
    assert {(s, r) for s, r, _, _ in got} == {("South Korea", "Poland")}


def test_variant_codes_after_one_another_name_one_variant_that_comes_from_the_family_s_state():
    got = transfers_of("The US State Department approved a possible sale to Jordan. The Government of Jordan had "
                       "earlier asked to buy 12 aircraft of the F-16 C Block 70 version and four of the F-16 D "
                       "Block 70 version.")
    assert got == {("United States", "Jordan", "F-16 C Block 70", "discussed"),
                   ("United States", "Jordan", "F-16 D Block 70", "discussed")}
    got = transfers_of("The department cleared a possible F-16 deal for Jordan, built by Lockheed Martin.")
    assert {status for *_, status in got} == {"discussed"}


def test_talks_on_a_possible_handover_name_the_state_that_hands_over():
    got = transfers_of("Under the agreement, talks will begin on a possible Japanese handover to the Philippines of "
                       "TC-90 patrol aircraft.")
    assert got == {("Japan", "Philippines", "TC-90", "discussed")}
    got = transfers_of("The two countries agreed to open talks on handing over to Manila Japan's TC-90 patrol "
                       "aircraft.")
    assert got == {("Japan", "Philippines", "TC-90", "discussed")}
    # a system whose maker's state is named but that no one is said to hand over gets no supplier
    assert transfers_of("The package comprises roughly 1,700 FlyEye drones for observation, built in Poland.") == set()


def test_the_story_goes_on_with_the_supplier_not_one_that_gave_jointly_with_it():
    got = transfers_of("Germany delivered 10 Leopard 1 tanks to Ukraine jointly with Denmark. Four Gepard guns "
                       "were also handed over.")
    assert {(s, e) for s, _, e, _ in got} == {("Germany", "Leopard 1"), ("Denmark", "Leopard 1"),
                                             ("Germany", "Gepard")}


def test_whose_decision_to_transfer_it_is_transfers():
    got = transfers_of("The Tongan gift follows Australia's decision in May to transfer 24 Bushmasters to Timor-Leste.")
    assert {(s, r) for s, r, _, _ in got} == {("Australia", "East Timor")}


def test_systems_bought_second_hand_come_from_their_former_owner():
    text = ("Argentina takes delivery of its first six F-16s. The jets flew in from Skrydstrup. Argentina's "
            "ex-Danish F-16B MLU Block 15s have featured in earlier reports.")
    got = transfers_of(text)
    assert {(s, r) for s, r, _, _ in got} == {("Denmark", "Argentina")}


def test_whose_decision_it_was_to_order_when_the_parse_hangs_the_infinitive_on_the_verb():
    got = transfers_of("The Latvian purchase follows the Netherlands' decision earlier in 2023 to order 20 K9 "
                       "howitzers from South Korea.")
    assert got == {("South Korea", "Netherlands", "K9", "ordered")}


def test_a_part_counted_of_the_kind_refers_to_the_system_the_story_names():
    got = transfers_of("South Korea delivered 12 K9 howitzers to Latvia. Norway, which has 20 of the howitzers on "
                       "order, is due to receive its first guns by December.")
    assert ("South Korea", "Norway", "K9", "ordered") in got  # (on order, its first guns still to come)


def test_counts_written_twice_and_the_first_of_a_whole():
    facts = facts_of("Latvia signed a contract for the supply of 12 (twelve) K9 howitzers from South Korea.")
    assert [e.quantity for e in facts.events if e.cls == "Transfer"] == [12]
    facts = facts_of("The first of two K9 howitzers ordered from South Korea arrived in Latvia on Monday.")
    assert [(e.quantity, e.whole) for e in facts.events if e.cls == "Transfer"] == [(1, 2)]


def test_to_give_a_system_pledges_it_but_to_give_training_moves_nothing():
    assert transfers_of("Japan has agreed to give a Dornier 228 aircraft to the Philippine Navy, officials said.") == \
        {("Japan", "Philippines", "Dornier 228", "pledged")}
    assert transfers_of("South Korea intends to give eight Polish pilots training on the K9 howitzer.") == set()


def test_a_kind_said_shorter_in_a_headline_is_the_kind_the_body_names():
    facts = facts_of("Japan will hand over coastal surveillance radars and rigid-hulled inflatable boats to the "
                     "Philippines.", title="Japan will give Philippines coastal radars, inflatable boats")
    assert names(facts, "Equipment") == {"coastal surveillance radars", "rigid-hulled inflatable boats"}


def test_a_counted_kind_after_two_systems_is_the_one_the_sentence_before_names():
    got = transfers_of("Israel's Elbit Systems will supply PULS rocket launchers to Bulgaria. The deal includes 14 "
                       "launchers. Bulgaria retired its last BM-21 Grad launchers last year.")
    facts = facts_of("Israel's Elbit Systems will supply PULS rocket launchers to Bulgaria. The deal includes 14 "
                     "launchers. Bulgaria retired its last BM-21 Grad launchers last year.")
    assert [e.quantity for e in facts.events if e.cls == "Transfer"] == [14]
    assert {e for _, _, e, _ in got} == {"PULS"}


def test_a_counted_kind_before_two_systems_is_the_one_the_sentence_after_names():
    # a state's adjective says whose the ships are, not what kind; the Falchion class is only in service
    body = ("Four decommissioned British warships will be handed over to the Kenya Navy from next year, the ministry "
            "said. The two ministers signed a memorandum on the transfer of the Corsair class frigates. The navy "
            "now operates two Falchion-class patrol boats.")
    facts = facts_of(body)
    name = lambda k: facts.entities[k].name
    assert [(name(e.supplier), name(e.recipient), name(e.equipment[0]), e.quantity)
            for e in facts.events if e.cls == "Transfer"] == [("United Kingdom", "Kenya", "Corsair class", 4)]
    # counted gear of no particular kind is not the system the next sentence names
    got = transfers_of("The United States will sell 40 F-16 jets and 79 modernisation kits to Turkey, the State "
                       "Department said. Turkey received the Russian S-400 air defence system in 2019.")
    assert not [t for t in got if t[:3] == ("United States", "Turkey", "S-400")]
    # a system the next sentence moves between other states is another transfer
    got = transfers_of("Ukraine will receive 20 German tanks, the minister said. Ukraine also received Tarn 1 tanks "
                       "from Denmark.")
    assert ("Germany", "Ukraine", "Tarn 1") not in {t[:3] for t in got}
    got = transfers_of("Chile will acquire two frigates from Australia, the navy said. Chile bought two Sentinel-class "
                       "frigates from the Netherlands in 2005. The Harbour-class frigates are due in 2027.")
    assert ("Australia", "Chile", "Sentinel-class") not in {t[:3] for t in got}


def test_a_verb_coordinated_with_a_future_one_is_still_ahead():
    got = transfers_of("Latvia will buy two Corsair class OPVs from Britain. Both Corsair class ships will be "
                       "refitted in Portsmouth and handed over to the Latvian Navy next year.")
    assert ("United Kingdom", "Latvia", "Corsair class", "delivered") not in got
    assert {t[:3] for t in got} == {("United Kingdom", "Latvia", "Corsair class")}
    # a verb of its own in the past is not pulled ahead
    assert ("United Kingdom", "Latvia", "Corsair class", "delivered") in transfers_of(
        "The two Corsair class ships were refitted in Portsmouth and handed over to Latvia last week by Britain.")


def test_a_counted_kind_is_the_named_system_written_with_the_same_noun():
    got = transfers_of("Kenya will acquire three patrol ships from Britain under a memorandum signed yesterday.\n\n"
                       "The memorandum sets out the terms under which the Corsair class ships will be refitted.\n\n"
                       "Separately, the UK will donate two Falchion-class fast patrol boats to the Kenya Navy.")
    assert ("United Kingdom", "Kenya", "Corsair class") in {t[:3] for t in got}


def test_a_memorandum_signed_for_a_transfer_commits_to_it():
    got = transfers_of("The United Kingdom and Kenya have signed a Memorandum of Understanding (MoU) for the "
                       "transfer of two Corsair-class offshore patrol vessels from the Royal Navy to the Kenya Navy.")
    assert got == {("United Kingdom", "Kenya", "Corsair-class", "pledged")}


def test_the_side_a_contract_is_signed_with_sells_what_it_is_for():
    got = transfers_of("Kenya has signed a £58 million contract with Britain for two retired Corsair class OPVs, "
                       "the agency said on Thursday.")
    assert got == {("United Kingdom", "Kenya", "Corsair class", "ordered")}


def test_a_part_delivered_of_a_whole_ordered_in_one_sentence_counts_the_part():
    # the order and the delivery are one transfer: its counts are those of the furthest stage
    f = facts_of("On 3 May, the first four of 12 Kestrel-7 jet trainers ordered by Kazakhstan from the Czech "
                 "Republic arrived at Karaganda.")
    assert [(e.status, e.quantity, e.whole) for e in f.events if e.cls == "Transfer"] == [("delivered", 4, 12)]
    # a remainder still to come says nothing about the order
    f = facts_of("The first eight of the 20 vehicles donated by France were handed over to Benin on Monday. The "
                 "remaining twelve Bastions would arrive next year.")
    assert [(e.status, e.quantity) for e in f.events if e.cls == "Transfer" and e.quantity == 12] == []


def test_a_new_generation_of_a_family_is_a_system_of_its_own():
    f = facts_of("Kazakhstan has ordered 14 L-39 NG training jets from the Czech Republic, replacing its L-39 "
                 "Albatros trainers; the L-39 Skyfox is the export name of the L-39NG.")
    names = sorted(e.name for e in f.entities.values() if e.family == "Equipment")
    assert len(names) == 2 and names[0] == "L-39 Albatros", names  # the export name is the new generation's
    [ev] = [e for e in f.events if e.cls == "Transfer"]
    assert f.entities[ev.equipment[0]].name == names[1] and ev.quantity == 14


def test_a_kind_of_training_before_the_head_noun_still_moves_the_system():
    got = transfers_of("Kazakhstan has ordered 14 Kestrel training jets from the Czech Republic.")
    assert got == {("Czech Republic", "Kazakhstan", "Kestrel", "ordered")}
    # training that heads its phrase moves nothing ("a Kestrel training centre")
    assert transfers_of("Kazakhstan has ordered a Kestrel training centre from the Czech Republic.") == set()


def test_what_a_moved_system_replaces_or_supplements_is_not_moved():
    for verb in ("replacing its", "to supplement its", "which will succeed the"):
        got = transfers_of(f"Kazakhstan has ordered 14 Kestrel jets from the Czech Republic, {verb} Su-25 jets.")
        assert got == {("Czech Republic", "Kazakhstan", "Kestrel", "ordered")}, verb


def test_a_system_counted_in_units_of_it_or_written_with_its_category_code_is_that_system():
    # a one-word name that is also an ordinary word needs a military context: a unit noun before
    # "of the", or a category's code after it
    got = transfers_of("Vietnam ordered eight batteries of the Akash from India.")
    assert got == {("India", "Vietnam", "Akash", "ordered")}
    got = transfers_of("Vietnam ordered eight batteries of the Akash SAM from India.")
    assert got == {("India", "Vietnam", "Akash", "ordered")}


def test_a_known_system_written_with_other_hyphens_is_that_system():
    f = facts_of("Colombia ordered ten Camcopter S100 drones from Austria. The Camcopter S-100 is built by Schiebel.")
    assert names(f, "Equipment") == {"Camcopter S-100"}


def test_a_family_name_and_a_code_the_data_knows_for_another_kind_name_a_variant_of_the_family():
    f = facts_of("Colombia is looking at the larger Camcopter S-300. Schiebel has offered the S-300 for longer "
                 "missions.")
    assert names(f, "Equipment") == {"Camcopter S-300"}
    assert "Almaz-Antey" not in names(f, "Agency")
    # the code alone, in an article that never writes the family, is the system the data knows
    assert names(facts_of("Russia delivered the S-300 to Iran."), "Equipment") == {"S-300"}


def test_no_purchase_of_a_system_moves_nothing():
    assert transfers_of("Officials said that no purchase of the K9 Thunder from South Korea is planned by Vietnam.") \
        == set()
    assert transfers_of("Vietnam announced the purchase of six K9 howitzers from South Korea.") \
        == {("South Korea", "Vietnam", "K9", "ordered")}


def test_talks_the_subject_of_a_delivery_goes_on_to_hold_are_a_clause_of_their_own():
    """A verb phrase joined by "and" that opens talks on buying a system moves nothing yet; the delivery
    before it keeps what it delivered."""
    got = transfers_of("Rheinmetall has delivered four more Skyranger 30 systems to Hungary, and has begun early "
                       "discussions with Budapest on a possible purchase of the newer Skyranger 35.")
    assert got == {("Germany", "Hungary", "Skyranger 30", "delivered"),
                   ("Germany", "Hungary", "Skyranger 35", "discussed")}
    got = transfers_of("South Korea delivered six K9 howitzers to Estonia and opened talks on the purchase of "
                       "K10 resupply vehicles.")
    assert got == {("South Korea", "Estonia", "K9", "delivered"), ("South Korea", "Estonia", "K10", "discussed")}


def test_talks_on_buying_a_system_are_with_the_state_that_makes_it():
    got = transfers_of("The Philippines has held talks on buying the Akash missile system.")
    assert got == {("India", "Philippines", "Akash", "discussed")}
    # talks on what a state already has buy nothing
    assert transfers_of("The Philippines held talks on the maintenance of its Black Hawk helicopters.") == set()


def test_talks_about_the_same_system_in_a_clause_of_their_own():
    got = transfers_of("Vietnam ordered eight Akash missile systems from India, and the Philippines has held "
                       "exploratory talks about the same missile.")
    assert got == {("India", "Vietnam", "Akash", "ordered"), ("India", "Philippines", "Akash", "discussed")}
    got = transfers_of("Vietnam ordered eight Akash missile systems from India. The Philippines has held exploratory "
                       "talks about the same missile.")
    assert ("India", "Philippines", "Akash", "discussed") in got
    # the order's parties are not taken from the talks' clause
    got = transfers_of("South Korea sold the Cheongung-II to Saudi Arabia. An order for the same system was placed by "
                       "the United Arab Emirates in 2022, and negotiations with Iraq over it are under way.")
    assert got == {("South Korea", "Saudi Arabia", "Cheongung-II", "ordered"),
                   ("South Korea", "United Arab Emirates", "Cheongung-II", "ordered")}


def test_only_a_verb_phrase_after_and_opens_a_clause_of_talks():
    assert transfers_of("Nigeria ordered 12 AW109 helicopters and spare parts after negotiations with Italy.") == {
        ("Italy", "Nigeria", "AW109", "ordered")}
    got = transfers_of("Germany pledged 14 Leopard tanks to Ukraine and after talks on Friday delivered 20 Marder "
                       "vehicles.")
    assert "discussed" not in {status for *_, status in got}
