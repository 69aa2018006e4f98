"""Shapes of the forty-fourth and forty-fifth real-news studies and of the s69/s70 story lines, written again with
invented wording: trainees from "several countries, including" or "ranging from A to B", trainees a next sentence
lists after "officers from 30 African states", and the state right before a training verb as its trainer."""

from defgraph.canonical import canonical_key
from defgraph.extract.gazetteer import equipment_key
from defgraph.extract.model import EQUIPMENT, PERSON, Entity
from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_trainees_from_several_states_named_in_a_list_are_trained():
    assert trainings_of("India trained soldiers from several countries, including Maldives and Mongolia.") == {
        ("India", "Maldives"), ("India", "Mongolia")}
    assert trainings_of("Each year India trains troops from many states, ranging from Maldives and Mauritius to "
                        "Botswana and Tajikistan.") == {
        ("India", "Maldives"), ("India", "Mauritius"), ("India", "Botswana"), ("India", "Tajikistan")}
    assert trainings_of("Brazil's military academy also trains cadets from friendly nations, such as Angola and "
                        "Guyana.") == {("Brazil", "Angola"), ("Brazil", "Guyana")}


def test_trainees_listed_in_the_next_sentence_are_those_the_training_left_unnamed():
    assert trainings_of("India and the United States will run a course for officers from 30 African states. This "
                        "year it includes countries like Ghana and Malawi.") == {
        ("India", "Ghana"), ("India", "Malawi"), ("United States", "Ghana"), ("United States", "Malawi")}
    assert trainings_of("Brazil trains foreign officers from friendly nations. Countries such as Angola and Guyana "
                        "sent students this year.") == {("Brazil", "Angola"), ("Brazil", "Guyana")}
    # a list that says something else, or comes after another sentence, trains no one
    assert trainings_of("India trains officers from 30 African states. Ghana and Malawi bought tanks.") == set()
    assert trainings_of("India trains officers from 30 African states. The course lasts a year. It includes "
                        "countries like Ghana and Malawi.") == set()


def test_a_state_right_before_its_training_verb_trains_and_the_school_one_studied_at_teaches():
    assert trainings_of("Last year 70 Kyrgyz servicemen studied at military schools of the Ministry of Defence of "
                        "Kazakhstan.") == {("Kazakhstan", "Kyrgyzstan")}
    assert trainings_of("Forty Ghanaian officers studied at the Indian Military Academy.") == {("India", "Ghana")}
    # one who studied somewhere that is no school, or no foreign state's, was taught by no state
    assert trainings_of("She studied at Oxford before joining the ministry of Ghana.") == set()
    # a body of no state that a training comes from gives it, not the state it is given in
    assert trainings_of("Iraqi officers receive training from NATO in Jordan.") == {("NATO", "Iraq")}
    assert trainings_of("Somali soldiers received training from Turkey in Mogadishu.") == {("Turkey", "Somalia")}


def test_the_two_sides_of_talks_are_the_delegations_leaders_each_named_in_a_sentence():
    assert meetings_of("The fifth round of army staff talks was held in New Delhi on Monday. Sri Lanka had sent a "
                       "delegation led by Major General Ana Perera. India was represented by Lieutenant General Ravi "
                       "Singh.") == [{"Ana Perera", "Ravi Singh"}]


def test_a_delegation_named_by_its_leader_or_its_state_is_that_leaders():
    assert meetings_of("Sri Lanka sent a delegation to India in May. General Ana Perera spoke on Monday. The talks "
                       "covered training. Officers toured a base. They saw drills. The Perera-led delegation also met "
                       "Indian Army chief General Vijay Kumar.") == [{"Ana Perera", "Vijay Kumar"}]
    assert meetings_of("A Kuwaiti delegation led by Sheikh Ali Al-Sabah arrived in Washington on Monday. The Kuwaiti "
                       "delegation later held discussions with Vice Admiral George Wells.") == [
        {"Ali Al-Sabah", "George Wells"}]
    # another state's delegation is not the one led before
    assert meetings_of("A Nepali team led by Colonel Ram Thapa arrived in Delhi. The Indian delegation later met "
                       "General Vijay Kumar.") == []


def test_trainers_of_a_kind_and_a_block_with_its_letter_name_systems_of_their_own():
    facts = facts_of("Nigeria ordered six Hurkus-B basic trainers and twelve Hurkus-C aircraft.")
    assert names(facts, EQUIPMENT) == {"Hurkus-B", "Hurkus-C"}
    facts = facts_of("Ecuador ordered 16 MM40 Block 3 missiles and 24 MM40 Block 3c missiles.")
    assert names(facts, EQUIPMENT) == {"MM40 Block 3", "MM40 Block 3c"}
    # a model number written with a space, and a mark after it
    assert names(facts_of("MBDA delivered Exocet MM 40 Block 3c missiles to Ecuador."), EQUIPMENT) == {
        "Exocet MM 40 Block 3c"}
    # a block in Roman numerals is the block in figures, a mark's numeral stays as written ("Mk X" is "MKX")
    block = lambda name: canonical_key(Entity(equipment_key(name), EQUIPMENT, "Missile", name))
    assert block("Exocet MM-40 Block IIIc") == block("Exocet MM40 Block 3c") != block("Exocet MM40 Block 3")
    assert block("PC-7 Mk X") != block("PC-7 Mk 10")
    # instructors are still people
    assert names(facts_of("US Army basic trainers taught the recruits."), EQUIPMENT) == set()


def test_a_headline_adjective_before_a_system_is_no_part_of_its_name():
    assert names(facts_of("The aircraft flew in.", title="Last Hurkus C aircraft reach Kaduna"), EQUIPMENT) == {"Hurkus C"}
    assert names(facts_of("The aircraft flew in.", title="Final Hurkus C aircraft reach Kaduna"), EQUIPMENT) == {"Hurkus C"}


def test_who_now_has_the_fleet_that_deliveries_completed_received_it():
    assert transfers_of("The Nigerian Air Force now has its full fleet of Hurkus C light attack aircraft after the "
                        "final four touched down at Kaduna, bringing deliveries under the 2024 contract with Turkish "
                        "Aerospace to all 12 aircraft.") == {("Turkey", "Nigeria", "Hurkus C", "delivered")}
    # the next milestone is an arrival yet to come
    assert transfers_of("The next milestone for the partnership is the arrival of the six Hurkus-B basic trainers "
                        "that Nigeria ordered from Turkey in September 2024.") == {
        ("Turkey", "Nigeria", "Hurkus-B", "pledged")}


def test_things_allocated_or_allotted_to_a_state_are_pledged_to_it():
    assert transfers_of("In 2011 the Kazakh side allocated to the Kyrgyz Ministry of Defence 9 GAZ-66 and 5 "
                        "BTR-80.") == {("Kazakhstan", "Kyrgyzstan", "GAZ-66", "pledged"),
                                       ("Kazakhstan", "Kyrgyzstan", "BTR-80", "pledged")}
    assert transfers_of("The Netherlands has allocated 18 F-16 jets to Ukraine, with deliveries to start next year.") == {
        ("Netherlands", "Ukraine", "F-16", "pledged")}
    # money allocated to buy is a purchase, not a gift of the money's giver
    assert transfers_of("Poland has allocated funds to buy 96 Apache helicopters from the United States.") == {
        ("United States", "Poland", "Apache", "ordered")}


def test_a_pledge_to_many_states_among_them_some_named_goes_to_each_named():
    assert transfers_of("Australia will give Guardian-class patrol boats to twelve Pacific nations, among them Fiji "
                        "and Tonga.") == {("Australia", "Fiji", "Guardian-class", "pledged"),
                                          ("Australia", "Tonga", "Guardian-class", "pledged")}
    # past users, some of them named, received nothing the article tells of
    assert transfers_of("Sweden has supplied the Carl Gustaf to more than 40 countries, including India and "
                        "Japan.") == set()


def test_a_known_nickname_before_a_kind_of_another_class_is_another_system():
    facts = facts_of("The batch consists of 22 Mamba armoured vehicles and 2 ambulances.")
    mamba = next(e for e in facts.entities.values() if e.name == "Mamba")
    assert mamba.cls == "ArmoredVehicle" and canonical_key(mamba) != canonical_key(
        next(e for e in facts_of("Italy sent the SAMP/T, known as Mamba, to Ukraine.").entities.values()
             if e.family == EQUIPMENT))
    # a kind of the same class keeps the known system
    assert {e.cls for e in facts_of("Germany sent Patriot missiles to Ukraine.").entities.values()
            if e.family == EQUIPMENT} == {"AirDefenseSystem"}


def test_a_navys_prefix_before_a_quoted_name_or_a_new_prefix_names_a_ship():
    assert names(facts_of('The navy commissioned BAP "Paita" and BAP "24 de Julio" on Monday.'), EQUIPMENT) == {
        'BAP "Paita"', 'BAP "24 de Julio"'}
    assert transfers_of("Fiji's RFNS Savenaca was handed over by Australia.") == {
        ("Australia", "Fiji", "RFNS Savenaca", "delivered")}
    # a body named after the letters of a prefix is no ship
    assert names(facts_of("The BAP Centre of Excellence opened in Lima."), EQUIPMENT) == set()


def test_two_capitals_that_sign_together_stand_for_their_states():
    assert agreements_of("Earlier this week Astana and Tashkent signed an agreement on military cooperation.") == [
        ({"Kazakhstan", "Uzbekistan"}, "agreement")]
    # the capitals a road runs between are places
    assert names(facts_of("Between Astana and Tashkent is a long road."), "Country") == {"Uzbekistan"}


def test_names_after_a_rank_or_long_honorifics_and_before_a_date():
    facts = facts_of("Major Chad Sloane led the training of Rwandan soldiers.")
    assert names(facts, PERSON) == {"Chad Sloane"} and names(facts, "Country") == {"Rwanda"}
    assert meetings_of("Defence Minister Eduardo Reyes received Malaysian Defence Minister Dato' Seri Utama Haji "
                       "Mohamad Bin Haji Hasan.") == [{"Eduardo Reyes", "Mohamad Bin Haji Hasan"}]
    assert names(facts_of("The delegation met with Georgian Defence Minister Vakhtang Kapanadze Nov. 18."), PERSON) == {
        "Vakhtang Kapanadze"}


def test_places_at_a_states_schools_or_a_course_attended_at_one_train_whom_they_are_for():
    assert trainings_of("India offered 50 slots for Sri Lankan officers at its military academies.") == {
        ("India", "Sri Lanka")}
    assert trainings_of("India reserved seats for officers from Nepal and Bhutan at the Indian Military Academy.") == {
        ("India", "Nepal"), ("India", "Bhutan")}
    assert trainings_of("Two PNG cadets will attend a degree program at the Australian Defence Force Academy.") == {
        ("Australia", "Papua New Guinea")}
    # a ceremony attended at a school, and places at no school, train no one
    assert trainings_of("Kenyan officers attended the ceremony at the Indian Military Academy.") == set()
    assert trainings_of("The ministry booked 40 places for Kenyan guests at the conference.") == set()


def test_a_state_offered_things_as_the_country_is_the_articles_other_state():
    assert transfers_of("Somalia welcomed the offer. Egypt has offered the country 30 BRDM-2 armoured vehicles.") == {
        ("Egypt", "Somalia", "BRDM-2", "discussed")}
    # the country's own army is no recipient named by that noun
    assert transfers_of("Egypt delivered 30 BRDM-2 to the country's army.") == set()


def test_guards_of_the_thirty_sixth_days_review():
    """Sentences a reviewer wrote against the day's rules on a frozen copy: each was read wrongly before a rule was narrowed."""
    # a list after an unnamed group that says something else of its states, or "states" in a state's name
    assert trainings_of("India runs a course for officers from 30 African states. Countries such as China and "
                        "Pakistan were not invited.") == set()
    assert trainings_of("India trains officers from 30 African states. It includes Ghana in its naval exercises.") == set()
    assert trainings_of("Instructors from the United States trained the new brigade. They included veterans who served "
                        "in Iraq and Afghanistan.") == set()
    # a state that trains its own people somewhere is trained there
    assert trainings_of("Ukraine will train pilots on F-16 jets in Denmark.") == {("Denmark", "Ukraine")}
    # a leader whose surname is hyphenated, and not another state's team nor another year's envoy
    assert meetings_of("A Kuwaiti delegation led by Sheikh Ibrahim Al-Haddad arrived in Washington. The Haddad-led "
                       "delegation later met General George Wells.") == [{"Ibrahim Al-Haddad", "George Wells"}]
    assert meetings_of("Following talks in India, a Nepali team led by Colonel Ram Thapa arrived in Delhi. The Indian "
                       "delegation later met General Vijay Kumar.") == []
    assert meetings_of("Talks were held in Accra on Monday. Ghana was represented by General Kofi Mensah. Last year "
                       "Togo was represented by General Yao Adje at a summit in Paris.") == []
    # a command title, and a rank used as an adjective, begin no name
    assert names(facts_of("The Major Georgia Exercise began on Monday."), PERSON) == set()
    # a holder's staff, and a past operator list opened by "among them", move nothing to the holder or the list
    assert transfers_of("Turkish Aerospace has all of its staff working on the deliveries of Hurkus C aircraft to "
                        "Nigeria.") == {("Turkey", "Nigeria", "Hurkus C", "delivered")}
    assert transfers_of("Turkey sold TB2 drones to more than 30 countries, among them Poland and Ukraine.") == set()
    assert transfers_of("Turkey sold TB2 drones to several countries, ranging from Ukraine to Egypt.") == set()
    # known systems with a head of another kind keep their class; a count after a one-letter code is no model
    assert {e.cls for e in facts_of("Germany sent Patriot launchers and Switchblade munitions to Ukraine.").entities.values()
            if e.family == EQUIPMENT} == {"AirDefenseSystem", "Drone"}
    assert names(facts_of("Brazil received Gripen F 14 aircraft."), EQUIPMENT) == {"Gripen F"}
    assert names(facts_of("The ARC Laureate Fellow spoke in Canberra."), EQUIPMENT) == set()


def test_trainees_in_brackets_and_weapons_by_a_decimal_calibre():
    assert trainings_of("The staff course at the French Army's cavalry school in Saumur included nine foreign officers "
                        "(Chad, Togo and Jordan).") == {("France", "Chad"), ("France", "Togo"), ("France", "Jordan")}
    assert transfers_of("Spain gave 20 7.62 mm machine guns and two Type 072 landing ships to Peru.") == {
        ("Spain", "Peru", "7.62 mm machine guns", "delivered"), ("Spain", "Peru", "Type 072", "delivered")}


def test_parties_by_capital_old_short_name_or_a_company_based_somewhere():
    assert agreements_of("Pristina and Skopje sign memorandum on defence cooperation.") == [
        ({"Kosovo", "North Macedonia"}, "memorandum")]
    assert agreements_of("Montenegro and Macedonia signed a memorandum on military education.") == [
        ({"Montenegro", "North Macedonia"}, "memorandum")]
    assert agreements_of("Saudi Arabia signed an agreement with UAE-based NIMR for armoured vehicles.") == [
        ({"Saudi Arabia", "NIMR"}, "agreement")]


def test_guards_of_the_thirty_sixth_days_second_review():
    """Sentences a second reviewer wrote against the rules as the first review left them."""
    # the state right before "trained" trains, whatever it trains and wherever
    assert trainings_of("Turkey trained soldiers in Somalia.") == {("Turkey", "Somalia")}
    # trainees listed after an unnamed group with what they are, or when; "United Nations member states" unnamed
    assert trainings_of("India trains officers from 30 African states. They include officers from Ghana and "
                        "Malawi.") == {("India", "Ghana"), ("India", "Malawi")}
    assert trainings_of("India trains officers from United Nations member states. They include Ghana and Malawi this "
                        "year.") == {("India", "Ghana"), ("India", "Malawi")}
    # places: offered by the state that offers them, not refused, and only at military schools
    assert trainings_of("At talks with Nepal, India offered 50 places for Sri Lankan officers at its military "
                        "academies.") == {("India", "Sri Lanka")}
    assert trainings_of("No places for Russian cadets were offered at French military academies.") == set()
    assert trainings_of("Seats for Chinese students at American universities were cut.") == set()
    # a delegation's state written as its sender or its owner; the same talks told with a date of something else
    assert meetings_of("Sri Lanka sent a delegation led by General Ana Perera to Delhi. The Sri Lankan delegation "
                       "later met General Vijay Kumar.") == [{"Ana Perera", "Vijay Kumar"}]
    assert meetings_of("Talks were held in Accra. Ghana was represented by General Kofi Mensah. Togo was represented "
                       "by General Yao Adje, army chief since 2021.") == [{"Kofi Mensah", "Yao Adje"}]
    # "the country" is the state named last; a present progressive is no past operator list
    assert transfers_of("Ethiopia protested after Egypt deployed troops to Somalia. Egypt has offered the country 30 "
                        "BRDM-2 armoured vehicles.") == {("Egypt", "Somalia", "BRDM-2", "discussed")}
    assert transfers_of("Germany is sending IRIS-T systems to 12 nations, among them Poland and Lithuania.") == {
        ("Germany", "Poland", "IRIS-T", "pledged"), ("Germany", "Lithuania", "IRIS-T", "pledged")}
    # "-based" names a company only as a party; a region of another state; a prefix that is an acronym too
    assert names(facts_of("London-based IISS said that Russia lost tanks."), "Agency") == set()
    assert names(facts_of("Thessaloniki lies in Greek Macedonia."), "Country") == {"Greece"}
    assert names(facts_of("Colombia's navy training ship ARC Gloria sailed to Cartagena."), EQUIPMENT) == {"ARC Gloria"}
    assert names(facts_of("Residents saw drones.", title="Drones over Warsaw sign of escalation"), "Country") == set()
