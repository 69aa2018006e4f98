"""Shapes of the forty-eighth to fiftieth real-news studies and of the s71/s72 story lines, written again with
invented wording."""

from defgraph.canonical import canonical_key
from defgraph.extract.model import AGENCY, EQUIPMENT, PERSON
from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def quantities_of(body):
    facts = facts_of(body)
    return {(facts.entities[e.equipment[0]].name, e.quantity) for e in facts.events if e.cls == "Transfer"}


def test_small_arms_named_by_a_decimal_calibre_keep_it_and_their_count():
    assert quantities_of("Germany delivered 13 12.7 mm machine guns and 40 7.62mm rifles to Ghana.") == {
        ("12.7 mm machine guns", 13), ("7.62mm rifles", 40)}
    assert quantities_of("Germany delivered 500 12.7mm heavy machine guns to Ghana.") == {
        ("12.7mm heavy machine guns", 500)}
    # a vague count before the calibre counts nothing
    assert quantities_of("Germany delivered some 12.7 mm machine guns to Ghana.") == {("12.7 mm machine guns", None)}
    assert quantities_of("Japan handed over two speedboats to Laos.") == {("speedboats", 2)}


def test_a_list_after_a_colon_is_what_a_transfer_without_systems_before_it_moves():
    assert transfers_of("Moscow gave Dushanbe a fresh batch of hardware: T-80 tanks, Mi-17 helicopters and D-20 "
                        "guns.") == {("Russia", "Tajikistan", "T-80", "delivered"),
                                     ("Russia", "Tajikistan", "Mi-17", "delivered"),
                                     ("Russia", "Tajikistan", "D-20", "delivered")}
    # a clause before the colon that names its own system keeps the list after it apart
    assert transfers_of("Russia delivered T-72 tanks to Tajikistan: Officials said Mi-8 helicopters are in service.") == {
        ("Russia", "Tajikistan", "T-72", "delivered")}


def test_a_peoples_republic_written_without_its_apostrophe_is_that_state():
    assert transfers_of("The Peoples Republic of China donated Type 062 patrol boats to Cambodia.") == {
        ("China", "Cambodia", "Type 062", "pledged")}
    assert transfers_of("The Peoples' Republic of China donated Type 062 patrol boats to Cambodia.") == {
        ("China", "Cambodia", "Type 062", "pledged")}


def test_a_roster_after_a_graduation_names_the_states_the_school_trained():
    assert trainings_of("Forty officers graduated from the Ghana Armed Forces Command and Staff College on Friday. "
                        "The participants included officers from Gambia, Liberia and Sierra Leone.") == {
        ("Ghana", "Gambia"), ("Ghana", "Liberia"), ("Ghana", "Sierra Leone")}
    assert trainings_of("A total of 96 students graduated from the Nigerian Armed Forces Command and Staff College. "
                        "They also include eight international officers; two from Ghana and one each from Benin, "
                        "Niger and Chad.") == {("Nigeria", "Ghana"), ("Nigeria", "Benin"), ("Nigeria", "Niger"),
                                              ("Nigeria", "Chad")}
    assert trainings_of("Forty officers graduated from the Ghana Armed Forces Command and Staff College. The "
                        "countries included Gambia and Liberia.") == {("Ghana", "Gambia"), ("Ghana", "Liberia")}
    assert trainings_of("Twenty officers graduated from the Mali Staff College at Koulikoro. This class is made up "
                        "of one Burkinabe, one Cameroonian and two Togolese.") == {
        ("Mali", "Burkina Faso"), ("Mali", "Cameroon"), ("Mali", "Togo")}
    # a roster of onlookers, or one that is not about the graduates, trains no one
    assert trainings_of("Forty officers graduated from the Ghana Armed Forces Command and Staff College, watched by "
                        "attaches. They included officers from Gambia and Liberia.") == set()
    assert trainings_of("Forty officers graduated from the Ghana Armed Forces Command and Staff College. The "
                        "college's partners include Gambia and Liberia.") == set()


def test_trainers_named_by_a_list_of_adjectives_and_trainees_by_they():
    assert trainings_of("The Ugandan soldiers received training from American, French and Dutch troops.") == {
        ("United States", "Uganda"), ("France", "Uganda"), ("Netherlands", "Uganda")}
    assert trainings_of("Ugandan troops are preparing for Somalia. Over the past three months they have received "
                        "training from American troops.") == {("United States", "Uganda")}
    # "they" of two states, or of no personnel, is no one trained
    assert trainings_of("Kenyan and Ugandan troops are preparing for Somalia. They received training from American "
                        "troops.") == set()
    assert trainings_of("Uganda bought tanks. They received training from American troops.") == set()


def test_handover_papers_signed_with_a_counterpart_are_a_document_and_no_talks():
    assert agreements_of("Deputy Minister Ana Vell signed the handover papers with her Belmoran counterpart Tomas Rusk "
                         "last month.") == [({"Ana Vell", "Tomas Rusk"}, "other")]
    assert meetings_of("Deputy Minister Ana Vell signed the handover papers with her Belmoran counterpart Tomas Rusk "
                       "last month.") == []


def test_one_whose_message_is_conveyed_or_for_whom_one_acts_is_not_at_the_talks():
    assert meetings_of("Defence Minister Ola Lund conveyed the thanks of President Rui Faro to the visiting team.") == []
    assert meetings_of("Defence Minister Ola Lund received the visiting delegation on behalf of President Rui Faro.") == []
    assert meetings_of("Defence Minister Ola Lund conveyed greetings from President Rui Faro to General Tomas Rusk when "
                       "they met on Monday.") == [{"Ola Lund", "Tomas Rusk"}]
    # one whose message a quotation was is its speaker, at the talks
    assert meetings_of('"We share a wish to work together." That was the message of Defence Minister Ola Lund, on a visit '
                       "to Belmora today, as he met Defence Minister Rui Faro.") == [{"Ola Lund", "Rui Faro"}]


def test_a_name_after_his_excellency_or_of_five_words_after_a_rank_is_a_persons():
    assert names(facts_of("The minister received the Ambassador of Peru, His Excellency Luis Borda."), PERSON) == {
        "Luis Borda"}
    assert meetings_of("General Ali Khan paid a courtesy call on Bangladesh Chief of Army Staff General Abu Belal "
                       "Muhammad Shafiul Huq.") == [{"Ali Khan", "Abu Belal Muhammad Shafiul Huq"}]


def test_variants_written_against_the_family_number_are_systems_of_their_own():
    assert transfers_of("Vietnam ordered 12 K9A2 howitzers and 40 K9A1 howitzers from Hanwha Aerospace.") == {
        ("South Korea", "Vietnam", "K9A2", "ordered"), ("South Korea", "Vietnam", "K9A1", "ordered")}


def test_a_mark_written_with_a_hyphen_or_without_a_space_is_one_system():
    keys = set()
    for written in ("Dhruv Mk-III", "Dhruv Mk III", "Dhruv MkIII"):
        facts = facts_of(f"India delivered {written} helicopters to Ecuador.")
        keys |= {canonical_key(e) for e in facts.entities.values() if e.family == EQUIPMENT}
    assert len(keys) == 1


def test_systems_a_buyer_ordered_are_ordered_and_those_of_others_no_transfer():
    assert transfers_of("Vietnam is preparing for the 40 K9A1 howitzers it ordered from Hanwha Aerospace.") == {
        ("South Korea", "Vietnam", "K9A1", "ordered")}
    assert transfers_of("The Argentine Army is refurbishing hangars to house the 12 Dhruv Mk III helicopters ordered "
                        "from India's HAL.") == {("India", "Argentina", "Dhruv Mk III", "ordered")}
    assert transfers_of("Serbia has presented the FK-3 air defence system, recently procured from China.") == {
        ("China", "Serbia", "FK-3", "delivered")}
    # a relative clause with a thing of its own moves that, not a system named outside it
    assert transfers_of("A K9 deal would signal that Vietnam is moving beyond Russia, which has provided most of its "
                        "weapons.") == set()
    # sold to "a handful of countries": users in general, not the buyer the article is about
    assert transfers_of("Argentina wants new helicopters. HAL has tried to win export customers for the Dhruv, which "
                        "has been sold to a handful of countries in South Asia.") == set()


def test_a_school_in_a_place_of_a_state_trains_its_graduates_of_any_rank():
    assert trainings_of("Two Liberian majors graduated from the Command and Staff College in Jaji, Kaduna State, "
                        "Nigeria, in a class with officers from 11 African countries and the Republic of Korea.") == {
        ("Nigeria", "Liberia"), ("Nigeria", "South Korea")}
    # a place before a state where a round of training was given says nothing of who gave it
    assert trainings_of("Members of the 2nd Canadian Division have completed a further round of training for small "
                        "teams at Starychi, Ukraine.") == set()


def test_what_carries_the_things_moved_moves_nothing_of_its_own():
    assert transfers_of("Russia delivered two Mi-8 helicopters to Kyrgyzstan by An-124 cargo plane.") == {
        ("Russia", "Kyrgyzstan", "Mi-8", "delivered")}
    assert transfers_of("Kenya received 20 Humvees from the US aboard two C-130 transports.") == {
        ("United States", "Kenya", "Humvees", "delivered")}
    assert transfers_of("The US delivered 20 Humvees to Kenya, which arrived on a C-17.") == {
        ("United States", "Kenya", "Humvees", "delivered")}
    # the one system a sentence moves "on" a day, or two moved together, is no carrier
    assert transfers_of("The US will deliver an F-16 to Taiwan and an AH-64 on the same day.") == {
        ("United States", "Taiwan", "F-16", "pledged"), ("United States", "Taiwan", "AH-64", "pledged")}


def test_the_equipment_a_transfer_named_by_no_system_included_is_what_it_moved():
    assert transfers_of("China donated military equipment to Laos on Monday. The equipment included 30 trucks and two "
                        "patrol boats.") == {("China", "Laos", "trucks", "pledged"), ("China", "Laos", "patrol boats", "pledged")}
    # what equipment includes, with no transfer told before, moves nowhere
    assert transfers_of("The equipment includes 30 trucks.") == set()


def test_the_two_delegations_leaders_each_in_a_sentence_meet():
    assert meetings_of("The fifth defence dialogue was held in Colombo on Monday. The Sri Lankan delegation was led by "
                       "Defence Secretary Kamal Perera. The Indian delegation, led by Defence Secretary Ravi Rao, "
                       "included officers of the three services.") == [{"Kamal Perera", "Ravi Rao"}]


def test_signatories_whose_titles_name_their_states_sign_as_themselves():
    assert agreements_of("The memorandum was signed by the Minister of Defence of Ukraine Andrii Taran and the "
                         "President of Defence Industries of the Republic of Turkey Ismail Demir.") == [
        ({"Andrii Taran", "Ismail Demir"}, "memorandum")]
    assert agreements_of("The memorandum was signed by the Ministry of Defence of Ukraine and the Republic of "
                         "Turkey.") == [({"Ministry of Defence of Ukraine", "Turkey"}, "memorandum")]


def test_one_commended_for_supporting_a_force_in_training_trains_it():
    assert trainings_of("The Chief of Defence Staff commended the Government of Germany for supporting the Ghana Armed "
                        "Forces in the areas of logistics and training.") == {("Germany", "Ghana")}
    assert trainings_of("Minister Fiqi thanked Turkey for its help, and said training of the Somali army would go "
                        "on.") == set()
    # a "Training" in a name, in a clause of its own, is no training thanked for
    assert trainings_of("Minister Blair thanked Minister Ollongren for the lead the Netherlands has taken in the Joint "
                        "Coalition on F-16 Training, and confirmed that Canada will help to train Ukrainian "
                        "personnel.") == {("Canada", "Ukraine")}


def test_a_states_force_keeps_the_acronym_of_its_own_language():
    assert trainings_of("The Brazilian Navy (MB) has worked in Namibia since 1994. The MB trained 1,179 Namibian "
                        "military personnel.") == {("Brazil", "Namibia")}


def test_a_known_name_is_not_the_letters_of_a_longer_designation():
    assert transfers_of("Russia delivered ten BRDM-2M armoured vehicles to Tajikistan.") == {
        ("Russia", "Tajikistan", "BRDM-2M", "delivered")}
    assert transfers_of("Russia delivered ten BRDM-2 armoured vehicles to Tajikistan.") == {
        ("Russia", "Tajikistan", "BRDM-2", "delivered")}


def test_officers_of_a_states_army_navy_and_air_force_are_its_own():
    assert trainings_of("Instructors of the US Army are teaching the course to officers of the Army, Navy and Air "
                        "Force of Honduras.") == {("United States", "Honduras")}


def test_what_a_recipient_also_received_comes_from_the_giver_told_just_before():
    assert transfers_of("Taiwan donated two UH-1H helicopters to Paraguay in 2022. Last year the Paraguayan navy also "
                        "received two Bell 412 helicopters.") == {("Taiwan", "Paraguay", "UH-1H", "pledged"),
                                                                  ("Taiwan", "Paraguay", "Bell 412", "delivered")}
    # another recipient's, or without "also", is the maker's state's
    assert ("United States", "Bolivia", "Bell 412", "delivered") in transfers_of(
        "Taiwan donated two UH-1H helicopters to Paraguay in 2022. Last year Bolivia also received two Bell 412 "
        "helicopters.")


def test_a_news_agency_of_a_state_and_counts_before_services_name_no_body():
    assert names(facts_of("The graduating class comprised 42 Navy and 29 Air Force officers, the News Agency of "
                          "Nigeria reported."), AGENCY) == set()
    # a unit's number is part of its name
    assert names(facts_of("Pilots of 552 Squadron and the 401 Flying Training School flew."), AGENCY) == {
        "552 Squadron", "401 Flying Training School"}


def test_review_a_guards_of_the_thirty_seventh_day():
    # what follows "followed by" moves too; a carrier is only what a carriage verb or noun says carries
    assert transfers_of("Spain donated six Leopard 2A4 tanks to Ukraine, followed by a C-295 transport aircraft.") == {
        ("Spain", "Ukraine", "Leopard 2A4", "pledged"), ("Spain", "Ukraine", "C-295", "pledged")}
    assert ("South Korea", "Poland", "K9", "delivered") in transfers_of(
        "South Korea delivered ten K2 tanks to Poland, which arrived in Gdynia on Tuesday, followed by 24 K9 howitzers.")
    # "the weapons used in the attack included": no bare "the equipment", nothing the last transfer moved
    assert transfers_of("Iran delivered Shahed drones to Russia last year. The weapons used in the attack on Kyiv "
                        "included Kh-101 missiles.") == {("Iran", "Russia", "Shahed", "delivered")}
    # a clause after a colon that says something else is no list of what moved
    assert transfers_of("Russia delivered new equipment to Tajikistan on Monday: Officials said the T-72 tanks already "
                        "in service would be retired.") == set()
    # the state a system came from, of which a relative clause says more, still gave it
    assert transfers_of("Ukraine's IRIS-T systems came from Germany, which has delivered most of its air defence.") == {
        ("Germany", "Ukraine", "IRIS-T", "delivered")}
    # a name with figures is found before a hyphen and a figure; letters alone are a longer designation's
    assert transfers_of("Russia delivered S-300PMU-2 systems to Iran.") == {("Russia", "Iran", "S-300PMU", "delivered")}
    # a plural is no "S" variant, and letter-only codes stay the row's names
    assert transfers_of("Russia delivered T-90s to India.") == {("Russia", "India", "T-90", "delivered")}
    # things "that have been bought from" a state were bought
    assert transfers_of("Hungary showed the Leopard 2A7HU tanks that have been bought from Germany.") == {
        ("Germany", "Hungary", "Leopard 2A7HU", "delivered")}


def test_review_b_guards_of_the_thirty_seventh_day():
    # a training a clause of its own gives is not the thanked state's; one sent "to training in" a state is trained there
    assert trainings_of("The ambassador thanked Ghana for allowing American troops to train Ghanaian soldiers at "
                        "Daboya.") == {("United States", "Ghana")}
    assert trainings_of("The minister praised Kenya for sending officers to training in India.") == {("India", "Kenya")}
    assert trainings_of("Sandu thanked Britain for supporting Moldova and Ukraine with training and equipment.") == {
        ("United Kingdom", "Moldova"), ("United Kingdom", "Ukraine")}
    # a place named before a list of adjectives is no trainee
    assert trainings_of("In Lithuania, German and Dutch soldiers trained Ukrainian troops last month.") == {
        ("Germany", "Ukraine"), ("Netherlands", "Ukraine")}
    # after "countries and" a state may begin a clause of its own (only graduates are listed so)
    assert trainings_of("Britain trained 2,000 soldiers from partner countries and the United States provided the "
                        "funding.") == set()
    # a day before a comma is no place, a state's attaché is no school's state
    assert trainings_of("Three Ghanaian cadets graduated from the Royal Military Academy Sandhurst in Camberley on "
                        "Friday, Nigeria's defence attache said.") == set()
    # a guest in a roster is no graduate
    assert trainings_of("Forty officers graduated from the Ghana Armed Forces Command and Staff College on Friday. The "
                        "participants included Liberia's army chief, who reviewed the parade.") == set()
    # a delegation that went elsewhere separately is no side of the talks
    assert meetings_of("The fifth defence dialogue was held in Colombo on Monday. The Sri Lankan delegation was led by "
                       "Defence Secretary Kamal Perera. A Chinese delegation, led by General Li Wei, visited the port "
                       "separately on Tuesday.") == []


def test_a_memorandum_between_two_states_that_something_is_done_under_is_theirs():
    assert agreements_of("Cadets train in both countries under the 2015 memorandum between Ghana and Togo.") == [
        ({"Ghana", "Togo"}, "memorandum")]
    assert agreements_of("The works are carried out within the framework of the recently signed agreement between "
                         "Ukraine and Turkey.") == [({"Ukraine", "Turkey"}, "agreement")]
    assert agreements_of("The exchange is provided for by the Mutual Cooperation Agreement between the Governments of "
                         "Brazil and Paraguay.") == [({"Brazil", "Paraguay"}, "agreement")]
    assert agreements_of("Students attended under the MoU on police cooperation between Vanuatu and China.") == [
        ({"Vanuatu", "China"}, "memorandum")]
    # a possible one is none
    assert agreements_of("Cadets could train in both countries under a possible memorandum between Ghana and "
                         "Togo.") == []


def test_a_family_name_in_capitals_after_a_given_name_and_a_title_is_part_of_it():
    assert meetings_of("General Lamine Kapory SANOGO met Colonel Jean DUPONT.") == [{"Lamine Kapory SANOGO", "Jean DUPONT"}]
    # an acronym spelled out is none
    assert names(facts_of("General Jane Doe NDA chief visited."), PERSON) == {"Jane Doe"}


def test_those_who_finished_a_course_from_countries_listed_after_them_are_trained():
    assert trainings_of("Thirty officers from six countries (Chad, Niger, Mali and Togo) completed the course at the "
                        "Cameroonian staff school.") == {("Cameroon", "Chad"), ("Cameroon", "Niger"), ("Cameroon", "Mali"),
                                                         ("Cameroon", "Togo")}
    assert trainings_of("Officers from six countries, namely Chad and Niger, completed the course at the Cameroonian "
                        "staff school.") == {("Cameroon", "Chad"), ("Cameroon", "Niger")}


def test_the_systems_named_next_as_what_a_transfer_told_by_kind_moved():
    assert transfers_of("Chile's navy received two used frigates from Australia in Sydney. They are HMAS Melbourne and "
                        "HMAS Newcastle.") == {("Australia", "Chile", "HMAS Melbourne", "delivered"),
                                               ("Australia", "Chile", "HMAS Newcastle", "delivered")}
    # what they are to replace is no part of it
    assert transfers_of("Chile's navy received two used frigates from Australia in Sydney. The ships are to replace "
                        "the ageing Almirante Williams.") == {("Australia", "Chile", "frigates", "delivered")}
