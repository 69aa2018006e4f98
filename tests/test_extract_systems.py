"""Systems and what moves them: names the gazetteer lacks (named by the words before or beside a kind
of equipment a transfer moves, and found again where the name recurs), variants, words that name no
system, lists of users, what a deal covers, deliveries still ahead. Names of systems, people and
companies are invented where the construction does not need a known one."""

from pathlib import Path

from defgraph.articles import read_file
from defgraph.canonical import canonical_key
from defgraph.extract import extract
from tests.test_extract import facts_of, names, transfers_of

DEALS = Path(__file__).resolve().parent / "data" / "deals"


def equipment_of(body, title="Report"):
    f = facts_of(body, title=title)
    return {(e.name, e.cls) for e in f.entities.values() if e.family == "Equipment"}


def test_a_name_and_number_before_a_kind_that_is_ordered_name_a_system():
    got = transfers_of("Estonia ordered the Zephyr 750 electronic warfare system from Thales.")
    assert got == {("France", "Estonia", "Zephyr 750", "ordered")}


def test_a_name_set_beside_its_kind_by_a_comma():
    assert ("Krakenblade", "Missile") in equipment_of(
        "Estonia will buy the Krakenblade, a naval strike missile made by Kongsberg.")
    assert ("Marlin", "Ship") in equipment_of(
        "The Estonian Navy took delivery of the Marlin, its third offshore patrol vessel, from Norway.")


def test_words_before_a_kind_that_say_whose_it_is_or_which_are_no_name():
    assert "EDF" not in names(facts_of("This is the first time we have been able to buy the EDF new vehicles "
                                       "from Sweden."), "Equipment")
    f = facts_of("Over six months the government supplied the Nigerian Air Force with 45 more aircraft, the "
                 "Chief of Air Staff, Air Marshal Jon Bako, said.")
    assert not any("Chief" in n for n in names(f, "Equipment"))
    assert not any("Sixteen" in n for n in names(facts_of(
        "BERLIN (wire) — Sixteen armored howitzers on wheels will be delivered to Ukraine by Germany next year."),
        "Equipment"))
    assert not any("C4I" in n for n in names(facts_of(
        "Acme International will provide training and spare parts for C4I systems to the United Arab Emirates."),
        "Equipment"))
    # one word after a count is a maker's brand, named with its kind (a qualified kind is a kind of its own)
    got = transfers_of("The United States handed over two Mack tow trucks and 15 Mack trucks to Kenya.")
    assert {e for _, _, e, _ in got} == {"Mack tow trucks", "Mack trucks"}


def test_a_system_named_once_by_its_kind_is_found_where_its_name_recurs():
    got = transfers_of("Estonia ordered the Zephyr 750 electronic warfare system from Thales in 2023. The first "
                       "Zephyr 750 was delivered to Estonia on Monday.", title="Estonia receives first Zephyr 750")
    assert got == {("France", "Estonia", "Zephyr 750", "delivered")}
    f = facts_of("Estonia ordered the Zephyr 750 electronic warfare system from Thales in 2023.",
                 title="Estonia receives first Zephyr 750")
    ent = next(e for e in f.entities.values() if e.name == "Zephyr 750")
    assert len(ent.mentions) == 2


def test_what_a_deal_just_named_covers_is_bought_under_it():
    got = transfers_of("Poland signed a deal with South Korea on Monday. The deal reportedly covers 30 K9 howitzers "
                       "and is said to be worth around 1 trillion won.")
    assert {(s, r, st) for s, r, _, st in got} == {("South Korea", "Poland", "ordered")}


def test_a_count_in_hyphenated_words_is_no_part_of_a_name():
    got = transfers_of("Twenty-five M41 armoured combat vehicles were formally donated by Brazil to Uruguay on Friday.")
    assert got == {("Brazil", "Uruguay", "M41", "pledged")}


def test_a_digit_and_a_capital_after_a_known_name_name_its_variant():
    got = transfers_of("Saudi Arabia has been cleared to buy 6,600 TOW 2B missiles from the United States.")
    assert {e for _, _, e, _ in got} == {"TOW 2B"}
    got = transfers_of("Estonia has ordered Patriot 3D radars from the United States.")
    assert {e for _, _, e, _ in got} == {"Patriot"}


def test_a_list_of_users_that_includes_states_moves_nothing():
    got = transfers_of("Norway ordered the K9 in 2017. Besides Norway, the K9 user group includes Poland, India, "
                       "Turkey and Egypt, and its operators include Estonia.")
    assert not {r for _, r, _, _ in got} & {"Poland", "India", "Turkey", "Egypt", "Estonia"}
    got = transfers_of("The package for its customers includes 30 K9 howitzers for Poland from South Korea.")
    assert {(s, r) for s, r, _, _ in got} == {("South Korea", "Poland")}


def test_deliveries_being_prepared_or_due_are_not_made():
    got = transfers_of("Hensoldt is meanwhile preparing deliveries to Cyprus, whose three TRML-4D radars are "
                       "scheduled to be handed over from next year.")
    assert {st for _, _, _, st in got} == {"pledged"}
    got = transfers_of("Germany's three TRML-4D radars are due to be delivered to Cyprus next year.")
    assert got == {("Germany", "Cyprus", "TRML-4D", "pledged")}


def test_a_wheel_layout_names_no_system():
    f = facts_of("Ankara and Mogadishu agreed on the sale of the Vuran, BMC's lighter 4x4 armoured tactical vehicle, "
                 "to Somalia.")
    assert "4x4" not in names(f, "Equipment")


def test_a_known_system_s_word_inside_a_name_after_a_title_is_the_name():
    # story line s20 (tests/data/deals): "his Turkish counterpart Ahmet Kaan Yildirim", KAAN being a fighter
    article = next(read_file(DEALS / "s20" / "s20-03.txt"))
    f = extract(article)
    assert "Ahmet Kaan Yildirim" in names(f, "Person") and not any("Kaan" in n for n in names(f, "Equipment"))


def test_an_organisation_s_initials_before_a_count_are_no_designation():
    f = facts_of("Turkey will hand over thirty-six Kirpi-II armoured vehicles to the Somali National Army, the "
                 "ministry said.", title="Turkey to give SNA 36 armoured vehicles")
    assert "SNA 36" not in names(f, "Equipment")


def test_a_body_s_name_before_a_count_is_no_designation():
    title = "Canada gives Togo Armed Forces 14 armoured vehicles for border security"
    body = "The vehicles were handed over at a ceremony in Lome, the embassy said."
    assert not any("Forces" in n for n in names(facts_of(body, title=title), "Equipment"))
    assert ("Canada", "Togo", "armoured vehicles", "delivered") in transfers_of(body, title=title)


def test_a_name_found_again_is_left_to_a_person_who_bears_it():
    f = facts_of("The Estonian Navy took delivery of the Marlin, its third offshore patrol vessel, from Norway. "
                 "Marlin Smith, the ship's captain, said the crew was ready.")
    assert "Marlin Smith" in names(f, "Person")


def test_a_known_system_s_word_inside_a_name_after_a_title_in_any_alphabet():
    f = facts_of("Warsame and Defence Minister Ahmet Kaan Yıldırım signed an agreement under which Turkey will give "
                 "36 Kirpi-II vehicles to Somalia.")
    assert "Ahmet Kaan Yıldırım" in names(f, "Person") and not any("Kaan" in n for n in names(f, "Equipment"))


def test_ships_named_with_a_prefix_the_data_does_not_list():
    facts = facts_of("The guided missile frigates XNS Tarik Omar and XNS Abu Nasir, both built in China, entered "
                     "service today together with XNS PROTASHA.")
    assert {"XNS Tarik Omar", "XNS Abu Nasir", "XNS PROTASHA"} <= names(facts, "Equipment")
    # initials after a title, an exercise's numeral, a device's acronym, no ships in the sentence: no ship
    facts = facts_of("Air Chief Marshal BPS Dhanoka visited the frigate. The navy opened the UNTS LXIV exercise "
                     "with ships. The navy said the GPS Receiver on the frigate works. The team said the ABCS "
                     "Receiver works.")
    assert names(facts, "Equipment") == set()


def test_a_kind_participle_before_the_head_noun_leaves_the_system_the_verbs_object():
    got = transfers_of("Hanse Motoren GmbH has shipped a second batch of eight Dingo 2 protected vehicles to "
                       "Ghana, the company said.")
    assert {(r, e, status) for _, r, e, status in got} == {("Ghana", "Dingo 2", "delivered")}


def test_one_variant_written_every_time_is_that_variant_as_beside_another():
    alone = facts_of("Turkey is to donate ten Kirpi II vehicles to Djibouti.")
    beside = facts_of("Turkey is to donate ten Kirpi II vehicles to Djibouti and two Kirpi 4x4 to Somalia.")
    key = lambda facts: next(k for k, e in facts.entities.items() if e.name == "Kirpi II")
    assert key(alone) == key(beside)  # one deal node across articles, however many variants each names
    assert alone.entities[key(alone)].variant_of is not None


def test_a_model_code_goes_by_its_makers_one_word_name():
    got = transfers_of("The Jamaica Defence Force will buy three Bell 412XR helicopters from Canada. The first "
                       "Bell 412 XR arrived in May.")
    assert {e for _, _, e, _ in got} == {"Bell 412XR"}
    facts = facts_of("Leonardo announced that the Marte Mk2/N missiles ordered by Italy are on their way.")
    assert "Leonardo Marte Mk2/N" not in names(facts, "Equipment")


def test_a_maker_written_before_its_system_takes_no_side_in_talks():
    got = transfers_of("The Jamaica Defence Force is in talks with Canada on new Bell 412XR helicopters.",
                       title="JDF in talks with Canada on new Bell 412XR helicopters")
    assert ("United States", "Canada", "Bell 412XR", "discussed") not in got
    assert ("Canada", "Jamaica", "Bell 412XR", "discussed") in got
    # a state's adjective before its system is a side
    assert ("Turkey", "Kenya", "Kirpi", "discussed") in transfers_of("Kenya held talks on Turkish Kirpi vehicles.")


def test_deliveries_that_are_due_to_begin_are_still_ahead():
    got = transfers_of("Saab's work in Malaysia is not over. Deliveries of the eight Giraffe 1X radars that Malaysia "
                       "ordered from Saab in November are due to begin in the first half of next year.")
    assert got and all(status != "delivered" for *_, status in got)
    # a delivery done, with more to follow, is done
    got = transfers_of("Germany completed the delivery of 20 Dingo 2 vehicles to Ghana in May, and more vehicles "
                       "are expected to follow.")
    assert ("Germany", "Ghana", "Dingo 2", "delivered") in got


def test_a_count_before_the_makers_name_counts_the_system():
    facts = facts_of("The Government of Jamaica signed a contract with Canada for the acquisition of three Bell "
                     "412XR helicopters.")
    (transfer,) = [e for e in facts.events if e.cls == "Transfer"]
    assert transfer.quantity == 3


def test_a_buyer_still_negotiating_has_not_bought():
    got = transfers_of("The Air Wing, which is still negotiating with Canada over the purchase of new Bell 412XR "
                       "helicopters for Jamaica, will keep aircraft on standby.")
    assert ("Canada", "Jamaica", "Bell 412XR", "discussed") in got


def test_a_state_that_took_ownership_of_systems_received_them():
    got = transfers_of("Jamaica took formal ownership of its first two Bell 412XR helicopters from Canada on "
                       "Wednesday.")
    assert ("Canada", "Jamaica", "Bell 412XR", "delivered") in got


def test_a_version_named_by_what_it_is_for_is_a_system_of_its_own():
    facts = facts_of("Berlin has approved six Dingo 2 in the ambulance version for Ghana. Germany delivered 20 "
                     "Dingo 2 to Ghana. The command version of the Boxer is next, after 20 Boxer vehicles.")
    assert {"Dingo 2", "Dingo 2 ambulance", "Boxer command"} <= names(facts, "Equipment")
    variant = next(e for e in facts.entities.values() if e.name == "Dingo 2 ambulance")
    assert variant.variant_of is not None and "Dingo 2" not in variant.aliases
    # a newer or the same version is the system itself
    facts = facts_of("Germany delivered the latest version of the Leopard 2 to Ghana.")
    assert names(facts, "Equipment") == {"Leopard 2"}


def test_systems_pledged_by_a_state_that_arrived_are_delivered():
    got = transfers_of("The first four of 22 Dingo 2 vehicles pledged by Germany to Ghana arrived at Tema Port on "
                       "Monday.")
    assert got == {("Germany", "Ghana", "Dingo 2", "delivered")}


def test_a_system_supplied_to_other_armies_in_general_names_no_recipient():
    got = transfers_of("The Dingo 2, built by KNDS Deutschland, is used by the Bundeswehr and has been supplied to "
                       "several other armies. Patrols in Ghana's north face roadside bombs.")
    assert got == set()


def test_a_class_of_ships_named_either_way():
    got = transfers_of("The United States transferred two Ruvuma-class patrol ships to the Philippines.")
    assert got == {("United States", "Philippines", "Ruvuma-class", "delivered")}
    facts = facts_of("Two Ruvuma class boats arrived in Manila. The Ruvuma-class ships will patrol the coast.")
    assert names(facts, "Equipment") == {"Ruvuma class"}
    facts = facts_of("The navy commissioned BRP Jose Dizon, the first of two Jose Dizon class frigates. Sailors of "
                     "world-class skill and the Type 054A/P class took part.")
    # the class named after its first ship is that ship; "world-class" and "A/P class" name none
    assert names(facts, "Equipment") == {"BRP Jose Dizon", "Type 054A/P"}


def test_a_vague_count_makes_no_item_of_a_bare_kind_and_no_quantity():
    facts = facts_of("A week ago Lithuania supplied Ukraine with several million cartridges and roughly a thousand "
                     "folding beds.")
    assert [e for e in facts.events if e.cls == "Transfer"] == []
    got = transfers_of("Estonia will send Ukraine several thousand Kestrel anti-tank missiles.")
    assert got == {("Estonia", "Ukraine", "Kestrel", "pledged")}
    assert [e.quantity for e in facts_of("Estonia will send Ukraine several thousand Kestrel anti-tank missiles.").events] \
        == [None]


def test_a_maker_acronym_before_a_system_is_no_part_of_its_key():
    facts = facts_of("Italy will give Tunisia 20 Tigris T5 trucks. The cabinet agreed on Tuesday to the gift of 20 "
                     "ABC Tigris T5 light trucks to the Tunisian Army.")
    assert [e.equipment for e in facts.events if e.cls == "Transfer"] == [["Equipment:tigris-t5"]]


def test_a_kind_of_the_type_named_after_it():
    got = transfers_of("Italy and Tunisia are in talks over a possible handover of patrol boats of the Kestrel 90 "
                       "type to the Tunisian Navy.")
    assert got == {("Italy", "Tunisia", "Kestrel 90", "discussed")}



def test_rocket_motors_and_remote_weapon_systems_are_kinds_a_designation_names():
    got = transfers_of("Canada intends to send Ukraine 2,300 KRV9 rocket motors and 29 Polar Remote Weapons Systems.")
    assert got == {("Canada", "Ukraine", "KRV9", "pledged"), ("Canada", "Ukraine", "Polar Remote Weapons Systems", "pledged")}


def test_systems_listed_with_one_that_is_known_are_systems():
    facts = facts_of("Among those returned to service are a Boeing 737-500, two Twin Otter 300s, a Pilatus Porter "
                     "modified for short runways, a Turbo Commander TC-690 and four Mi-17 helicopters.")
    assert {"Boeing 737-500", "Twin Otter 300", "Pilatus Porter", "Turbo Commander TC-690", "Mi-17"} <= \
        names(facts, "Equipment")
    assert "Boeing" not in names(facts, "Agency")
    # a list with no known system in it names none
    facts = facts_of("Guests included a Foreign Office delegate, two Red Cross officials and a Grand Duke.")
    assert names(facts, "Equipment") == set()


def test_a_subject_and_its_verb_before_a_count_of_aircraft_name_no_aircraft():
    facts = facts_of("The air force (PAF) showed nine aircraft. Bringing these aircraft back was hard, the FAV said. "
                     "The FAV showed nine aircraft too.")
    assert names(facts, "Equipment") == set()


def test_a_kind_code_after_a_designation_is_no_part_of_its_name():
    facts = facts_of("Kenya received 20 BTR-70 APCs on Monday.")
    assert names(facts, "Equipment") == {"BTR-70"}


def test_a_number_with_a_unit_of_volume_is_a_measure_not_a_system():
    # a thousands separator inside the number once cut it, leaving ",500-litre" as a tank's designation,
    # which then took the place of the gear the same story hands over
    f = facts_of("Belgium has handed over equipment to Benin. Tents, flexible 3,500-litre water tanks and field "
                 "showers make up most of this transfer. It follows the handover of 200 bulletproof vests and 200 helmets.")
    assert not any("litre" in n for n in names(f, "Equipment"))
    assert ("Belgium", "Benin", "bulletproof vests") in {t[:3] for t in transfers_of(
        "Belgium has handed over equipment to Benin. Tents, flexible 3,500-litre water tanks and field "
        "showers make up most of this transfer. It follows the handover of 200 bulletproof vests and 200 helmets.")}


def test_a_system_that_is_only_served_is_not_what_moves():
    assert transfers_of("Two of the contracts were with France's Thales: the first covers technical support to the "
                        "Korvane-200 radars, the second covers training.") == set()
    got = transfers_of("The United States will provide spare parts for the F-16 fleet and two more C-130 aircraft "
                       "to Egypt.")
    assert {t[2] for t in got} == {"C-130"}


def test_a_hyphened_code_before_a_kind_a_transfer_moves_names_a_system():
    assert ("France", "United Arab Emirates", "KR-75", "ordered") in transfers_of(
        "The UAE signed a deal with French firm Acme Naval to buy KR-75 torpedoes.")
    # a brand's model is named with its brand, and the counted kinds listed beside it stay items of their own
    facts = facts_of("The US donation to Guatemala is made up of three Silver Ships fast coastal response boats, two "
                     "Ford F-450 pickups and twenty Zodiac inflatable boats.")
    assert {"Ford F-450", "fast coastal response boats"} <= names(facts, "Equipment")


def test_a_designation_with_a_year_after_a_slash_is_a_system_of_its_own():
    facts = facts_of("Georgia ordered 14 RM-70 Vampire rocket launchers. Prague has also pledged to donate six older "
                     "RM-70/85 launchers from Czech army stocks to Georgia.")
    moved = {(facts.entities[e.equipment[0]].name, e.status, e.quantity) for e in facts.events if e.cls == "Transfer"}
    assert ("RM-70/85", "pledged", 6) in moved and any(name != "RM-70/85" and q == 14 for name, _, q in moved)


def test_a_variant_code_joined_to_a_known_designation_is_that_family_s_variant():
    # the code may carry digits ("A3GN"); the family name alone then names the one variant written
    f = facts_of("Norway will donate 18 M109A4XY howitzers to Ukraine. The M109s have served the army for decades.")
    variant = next(e for e in f.entities.values() if e.name == "M109A4XY")
    assert variant.variant_of == "Equipment:m109" and {m.text for m in variant.mentions} == {"M109A4XY", "M109s"}
    assert not [e for e in f.entities.values() if e.family == "Equipment" and e is not variant and not e.implied]
    assert transfers_of("Norway will donate 18 M109A4XY howitzers to Ukraine.") == \
        {("Norway", "Ukraine", "M109A4XY", "pledged")}
    # a designation before a known system's name, for a system of another kind, is no variant of it
    f = facts_of("Peru will buy the K808 White Tiger wheeled armoured vehicle from South Korea.")
    system = next(e for e in f.entities.values() if e.name == "K808 White Tiger")
    assert (system.variant_of, system.manufacturer, system.origin) == (None, None, None)
    # two variants named: the family name alone names neither
    assert transfers_of("Norway will donate 4 M109B7QQ howitzers and 6 M109A4XY howitzers to Ukraine. Estonia has "
                        "already sent 12 M109 howitzers to Ukraine.") == {
        ("Norway", "Ukraine", "M109B7QQ", "pledged"), ("Norway", "Ukraine", "M109A4XY", "pledged"),
        ("Estonia", "Ukraine", "M109", "delivered")}


def test_a_system_a_moved_one_is_compared_with_does_not_move():
    from defgraph.extract.grammar import Grammar
    from defgraph.extract.model import Mention
    from defgraph.extract.sentences import split_sentences

    text = ("The Dravo, which entered service with the Ostrian army in 2017, is smaller and lighter than the "
            "Leopard 2 family and is offered in several configurations.")
    sent = split_sentences(text)[0]
    system = Mention(text.index("Leopard 2"), text.index("Leopard 2") + 9, "Leopard 2", "Equipment")
    frame = Grammar().frame(sent, text.index("offered"), text.index("offered") + 7, [system])
    assert frame.attached(system) is False


def test_a_demonym_joined_to_another_state_s_combining_form_names_neither_party():
    assert transfers_of("As part of the Franco-Beninese partnership, the French ambassador to Benin carried out the "
                        "handover of 20 all-terrain vehicles to the Beninese Armed Forces.") == \
        {("France", "Benin", "all-terrain vehicles", "delivered")}


def test_a_make_set_beside_a_kind_names_the_item():
    title = "Canada gives Togo US$8 million aircraft for coast patrols"
    body = ("Canada has given the Togolese Ministry of Defence an aircraft worth more than US$ 8 million. The donated "
            "aircraft, a Zorvak model, will watch the coast.")
    assert "Zorvak" in names(facts_of(body, title=title), "Equipment")
    assert transfers_of(body, title=title) == {("Canada", "Togo", "Zorvak", "delivered")}


def test_a_state_s_code_glued_to_a_currency_sign_names_no_state():
    f = facts_of("Canada has given Togo two patrol boats worth US$ 8 million and radios worth A$2m.")
    assert "United States" not in names(f, "Country") and "Australia" not in names(f, "Country")
    f = facts_of("Norway will pay 2 billion Norwegian kroner for the radars.")
    assert "Norway" in names(f, "Country")


def test_a_hyphened_kind_is_one_word():
    got = transfers_of("Canada handed over a batch of vehicles to Niger on Monday. The batch is made up of 12 troop "
                       "transport vehicles, three double-cabin pick-ups and two tow trucks.")
    assert ("Canada", "Niger", "double-cabin pick-ups", "delivered") in got


def test_a_company_named_after_what_it_makes_is_a_company_where_the_article_says_so():
    # "Vantor Aircraft" looks like a system (a name and a kind), but the article calls it a maker, writes its
    # legal form, or buys from it ("from Germany's Vantor Aircraft")
    for body in ("Tanzania is in talks with German manufacturer Vantor Aircraft on a purchase of VT 120TP turboprop "
                 "trainers.",
                 "Tanzania has ordered six VT 120TP trainer aircraft from Germany's Vantor Aircraft.",
                 "Tanzania signed a contract for six VT 120TP trainer aircraft with Vantor Aircraft SE on Monday."):
        facts = facts_of(body)
        assert "Vantor Aircraft" not in names(facts, "Equipment"), body
        assert {e for _, _, e, _ in transfers_of(body)} == {"VT 120TP"}, body
        if "from Germany's" not in body:  # (a seller named only so is no system, and not yet a company either)
            assert any(n.startswith("Vantor Aircraft") for n in names(facts, "Agency")), body


def test_turboprop_trainers_are_aircraft_and_army_trainers_are_people():
    assert transfers_of("Tanzania is in talks on a possible purchase of VT120 turboprop trainers from Germany.") == {
        ("Germany", "Tanzania", "VT120", "discussed")}
    assert transfers_of("France will send 150 army trainers to Poland to train Ukrainian troops.") == set()


def test_a_final_code_written_against_the_number_is_the_same_system():
    assert transfers_of("Kenya has received all 12 RBS 70NG firing units bought from Sweden's Saab.") == {
        ("Sweden", "Kenya", "RBS 70NG", "delivered")}
    facts = facts_of("Kenya ordered 12 RBS 70 NG units in February. All 12 RBS 70NG units have now arrived.")
    assert len([e for e in facts.entities.values() if e.family == "Equipment"]) == 1


def test_some_of_many_users_named_after_including_are_an_operator_list():
    body = ("Kenya opened talks with Saab on RBS 70 NG systems on Monday. Saab has supplied the RBS 70 family to "
            "more than 19 countries, including Brazil, the Czech Republic and Latvia.")
    assert transfers_of(body) == {("Sweden", "Kenya", "RBS 70 NG", "discussed")}
    # states named as the users themselves are recipients
    assert {r for _, r, _, _ in transfers_of("Saab has supplied the RBS 70 to two countries, Brazil and Latvia.")} == {
        "Brazil", "Latvia"}


def test_signing_for_systems_orders_them_but_one_who_signed_for_a_delivery_received_it():
    # headline and wire style: "Botswana signs for X", "with Uganda signing for four aircraft"
    assert transfers_of("Uganda signs for four VT-120TP aircraft from Germany.") == {
        ("Germany", "Uganda", "VT-120TP", "ordered")}
    # "signed for" is also taking receipt: no order read from it
    assert transfers_of("Estonia's chief of defence signed for the six HIMARS launchers delivered by the United States "
                        "on Monday.") == {("United States", "Estonia", "HIMARS", "delivered")}


def test_a_pair_of_variant_letters_names_one_variant_whichever_name_of_the_family_it_follows():
    """'Gripen C/D' (single- and two-seat) is one variant, another than 'Gripen E/F', and one system
    however the family is written before it."""
    got = transfers_of("Saab delivered four JAS 39 Gripen C/D multirole fighters to the Philippine Air Force "
                       "on Thursday. Talks on the newer Gripen E/F are going on.")
    assert got == {("Sweden", "Philippines", "Gripen C/D", "delivered"),   # and no system "D"
                   ("Sweden", "Philippines", "Gripen E/F", "discussed")}
    one = facts_of("Norway ordered 14 Gripen C/D fighters from Saab.")
    other = facts_of("Saab delivered four JAS 39 Gripen C/D fighters to Norway.")
    keys = [{k for k, e in f.entities.items() if e.family == "Equipment"} for f in (one, other)]
    assert keys[0] == keys[1] and len(keys[0]) == 1
    both = facts_of("Norway ordered 14 Gripen C/D fighters from Saab and is in talks on Gripen E/F jets.")
    assert names(both, "Equipment") == {"Gripen C/D", "Gripen E/F"}


def test_a_headline_in_capitals_names_a_system_after_its_last_joining_word():
    got = equipment_of("The minister watched as a contract for twelve AW 139M helicopters was signed.",
                       title="MINISTER RECEIVES DELEGATION, WITNESSES SIGNING OF AW 139M HELICOPTER CONTRACT")
    assert {name for name, _ in got} == {"AW 139M"}


def test_guards_of_the_day_s_system_rules():
    """What the rules on pairs, capitals, makers' codes and versions must leave alone."""
    # joining words cut a name only in a headline in capitals
    assert transfers_of("Brazil ordered ten AS 565 Panther helicopters from Airbus.") == {
        ("Airbus", "Brazil", "AS 565 Panther", "ordered")}
    # a pair written apart from its family is the row that lists it solid
    f = facts_of("Kuwait ordered 22 F/A-18 E/F fighters from the United States.")
    assert [canonical_key(e) for e in f.entities.values() if e.family == "Equipment"] == \
        ["Equipment:f-a-18e-f-super-hornet"]
    # a code of digits alone keeps its maker's name in its key
    f = facts_of("Thailand ordered Saab 340 aircraft from Sweden. Peru ordered Embraer 340 aircraft.")
    assert len({k for k, e in f.entities.items() if e.family == "Equipment"}) == 2
    # a version said of a designation and its kind makes none of the family
    f = facts_of("Nigeria ordered 12 AW139M helicopters, the military variant of the AW139, from Leonardo.")
    assert "AW139 military" not in names(f, "Equipment")


def test_a_radar_s_dimensions_are_no_designation():
    got = transfers_of("The Czech army received eight 3D radars from Israel.")
    assert got == {("Israel", "Czech Republic", "3D radars", "delivered")}
    assert "3D" not in names(facts_of("Israel will supply 17 mobile 3D radar devices to the Czech Republic."), "Equipment")
