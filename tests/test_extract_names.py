"""People and systems written more than one way in one article: transliterations, a known full
name after a title and surname, a variant's standard or mark written after its family name."""

from tests.test_extract import facts_of, meetings_of, names, transfers_of


def test_a_name_transliterated_one_letter_apart_is_one_person():
    facts = facts_of("Defence Minister Tomasz Wrobel spoke on Friday with his counterpart Oleksandr Marchenkov. "
                     "According to Marchenkow, the two discussed air defence. \"A useful talk,\" Oleksandr "
                     "Marchenkow wrote later, and Oleksandr Marchenkyov thanked Poland.")
    people = [e for e in facts.entities.values() if e.family == "Person"]
    assert len(people) == 2
    other = next(p for p in people if p.name != "Tomasz Wrobel")
    assert {"Oleksandr Marchenkov", "Oleksandr Marchenkow", "Oleksandr Marchenkyov"} <= other.aliases
    # short family names one letter apart may be two people
    facts = facts_of("Colonel Jan Kowal met Colonel Jan Kowol in Gdansk on Monday.")
    assert names(facts, "Person") == {"Jan Kowal", "Jan Kowol"}


def test_a_known_full_name_before_a_title_and_surname_is_the_same_person():
    facts = facts_of("Officials said after talks with Joe Biden that the visit went well. \"President Biden "
                     "briefed us on the plan,\" one said.")
    people = [e for e in facts.entities.values() if e.family == "Person"]
    assert [(p.name, p.role) for p in people] == [("Joe Biden", "President")]


def test_a_standard_or_mark_after_a_family_name_is_the_variant():
    got = transfers_of("Under the deal, France sells Croatia 12 second-hand Dassault Rafale F3R fighters.")
    assert got == {("France", "Croatia", "Dassault Rafale F3R", "ordered")}
    facts = facts_of("The army will field the CV9035 MkIIIC from next year.")
    assert "CV9035 MkIIIC" in names(facts, "Equipment")


def test_every_one_of_a_number_is_all_of_them():
    facts = facts_of("Kyiv says every one of the seven Panzerhaubitzen 2000 that were promised by Germany has "
                     "arrived in Ukraine.")
    transfer = next(e for e in facts.events if e.cls == "Transfer")
    assert (transfer.quantity, transfer.whole) == (7, 7)


def test_munitions_named_by_their_calibre_before_or_after_the_kind():
    facts = facts_of("Norway sends 5,000 rounds of 105 mm smoke ammunition to Ukraine. Shells of 155 mm calibre "
                     "are also part of the package. The gun fires any NATO 155 millimeter caliber ammunition.")
    assert names(facts, "Equipment") == {"105 mm smoke ammunition", "155 mm shells"}
    assert ("Norway", "Ukraine", "105 mm smoke ammunition", "delivered") in transfers_of(
        "Norway sends 5,000 rounds of 105 mm smoke ammunition to Ukraine.")


def test_a_kind_written_as_its_acronym_is_no_part_of_the_name():
    got = transfers_of("Lithuania delivered VX-40 APCs to Ukraine on Friday.")
    assert {e for _, _, e, _ in got} == {"VX-40"}


def test_a_heading_in_capitals_names_no_system():
    facts = facts_of("The general spoke at length.\n\nNEW AIRCRAFT TO BE ACQUIRED\n\nThe air force will get ten "
                     "new helicopters.")
    assert names(facts, "Equipment") == set()


def test_a_family_name_in_capitals_after_a_title_is_a_name():
    facts = facts_of("Minister of Defense Mr. TANAKA Hiroshi held a telephone call with Defence Minister Jan "
                     "Berg on Friday.")
    assert names(facts, "Person") == {"TANAKA Hiroshi", "Jan Berg"}


def test_a_long_title_after_a_name_stays_whole():
    facts = facts_of("H.E. Mr. Petro Lysenko, Ambassador Extraordinary and Plenipotentiary of Ukraine, signed the "
                     "notes on Monday.")
    people = [e for e in facts.entities.values() if e.family == "Person"]
    assert [(p.name, p.role) for p in people] == [("Petro Lysenko", "Ambassador")]


def test_a_nickname_inside_a_name_and_the_nickname_alone_are_one_person():
    facts = facts_of('Minister Ana Ruiz met adviser Paulo Souza, aide to President Jose "Zeca" Barros Costa. '
                     "President Zeca's plan was discussed.")
    people = {e.name: e for e in facts.entities.values() if e.family == "Person"}
    assert set(people) == {"Ana Ruiz", "Paulo Souza", 'Jose "Zeca" Barros Costa'}
    assert "Zeca" in people['Jose "Zeca" Barros Costa'].aliases


def test_a_command_is_an_organisation_also_inside_a_title_and_never_a_person():
    facts = facts_of("General Ana Ortiz, Commander of the Caribbean Southern Command, attended. The vests went "
                     "to Eastern Command on Monday. Joint Force Command Halifax hosted the talks.")
    assert {"Caribbean Southern Command", "Eastern Command"} <= names(facts, "Agency")
    assert names(facts, "Person") == {"Ana Ortiz"}


def test_a_calibre_before_a_known_system_is_no_variant_of_it():
    got = transfers_of("Some 60 units of the 155-millimeter K9 gun have been shipped by South Korea to Norway.")
    assert got == {("South Korea", "Norway", "K9", "delivered")}


def test_a_name_written_family_name_first_is_referred_to_by_its_first_word():
    text = ("Deputy Defense Minister Lee Sang-ho and his Singaporean counterpart, Goh Kim Tan, met on Monday. In a "
            "separate session, Goh also met with Vice Defense Minister Han Ji-won.")
    assert {frozenset(m) for m in meetings_of(text)} == {frozenset({"Lee Sang-ho", "Goh Kim Tan"}),
                                                         frozenset({"Goh Kim Tan", "Han Ji-won"})}


def test_malay_honorifics_are_no_part_of_the_name_and_the_given_name_alone_refers_to_the_person():
    text = ("Indonesian Minister of Defence Budi Santoso received a courtesy call from Malaysia's Minister of "
            "Defence, Yang Mulia Dato' Seri Haji Ahmad Faris bin Razak, in Jakarta on Tuesday. Minister Faris "
            "thanked his host.")
    assert names(facts_of(text), "Person") == {"Budi Santoso", "Ahmad Faris bin Razak"}
    assert meetings_of(text) == [{"Budi Santoso", "Ahmad Faris bin Razak"}]


def test_an_organisation_is_labelled_by_its_proper_name_not_a_description():
    facts = facts_of("The Bundeswehr is to make the howitzers available. Until now Berlin had sent nothing out of the "
                     "German armed forces' own holdings.")
    assert "Bundeswehr" in names(facts, "Agency")


def test_a_hyphenated_air_force_rank_is_no_part_of_a_long_name():
    facts = facts_of("The ceremony was attended by the air force's commander, Lieutenant-Brigadier Paulo Roberto "
                     "Vieira Campos, and officials from both countries.")
    assert names(facts, "Person") == {"Paulo Roberto Vieira Campos"}


def test_a_person_who_leads_a_body_and_a_chairman_of_the_board():
    facts = facts_of("The ceremony was attended by Defence Minister Ana Ruiz, along with Lee Dong-hoon, who leads "
                     "the shipyard's special ship business unit.")
    assert names(facts, "Person") == {"Ana Ruiz", "Lee Dong-hoon"}
    facts = facts_of("Acme Holding Chairman of the Board Kemal Durmaz said the deal was good.")
    assert names(facts, "Person") == {"Kemal Durmaz"}


def test_initials_before_a_surname_after_a_title_make_a_name():
    body = "Army Chief General K L Varadkar met Air Chief Marshal P.T. Ramaswamy in Chennai on Monday."
    assert names(facts_of(body), "Person") == {"K L Varadkar", "P.T. Ramaswamy"}
    assert meetings_of(body) == [{"K L Varadkar", "P.T. Ramaswamy"}]


def test_generic_words_opening_a_capitalised_kind_stay_in_its_name():
    got = transfers_of("Finland delivered 20 Armoured Light Patrol Vehicles (ALPVs) to Kenya on Monday.")
    assert got == {("Finland", "Kenya", "Armoured Light Patrol Vehicles", "delivered")}


def test_a_title_of_a_company_with_its_legal_suffix_before_a_name():
    body = ("On Monday, Executive Vice President of Nordvik Defence & Space AS Jon Berg and Chief Executive Officer "
            "of Halden Marine Ltd Per Lund met Defence Minister Tomas Vik in Oslo.")
    assert names(facts_of(body), "Person") == {"Jon Berg", "Per Lund", "Tomas Vik"}
    # a long name between a title and the next person is not that person's title's body
    facts = facts_of("Defense Ministers of Ukraine Rustem Umerov and France Sebastien Lecornu spoke by phone.")
    lecornu = next(e for e in facts.entities.values() if e.name == "Sebastien Lecornu")
    assert facts.entities[lecornu.country].name == "France"


def test_amounts_weights_and_makers_states_are_no_part_of_a_systems_name():
    got = transfers_of("Norway will buy a €400m coastal radar system from France, the ministry said.")
    assert {e for _, _, e, _ in got} == {"coastal radar system"}
    transfer = next(e for e in facts_of("Norway will buy a €400 million coastal radar system from France.").events)
    assert transfer.quantity is None and transfer.value.amount == 400_000_000
    facts = facts_of("The MK-84 is an unguided 2,000-pound bomb. The US sent 900 MK-84 bombs to Israel.")
    assert names(facts, "Equipment") == {"MK-84"}
    got = transfers_of("Turkey delivered the Bayraktar TB2 Turkish strike drones to Niger.")
    assert got == {("Turkey", "Niger", "Bayraktar TB2", "delivered")}


def test_a_wheel_layout_after_a_count_and_a_headline_verb_are_no_part_of_a_name():
    facts = facts_of("Chile approved the transfer of 14 4x4 Nordwerk NW-12 Kestrel vehicles to the Bolivian Army.")
    transfer = next(e for e in facts.events if e.cls == "Transfer")
    assert (facts.entities[transfer.equipment[0]].name, transfer.quantity) == ("Nordwerk NW-12 Kestrel", 14)
    facts = facts_of("Australia handed the new Sentinel-class Patrol Boat to Fiji on Monday.",
                     title="Fiji Receives Sentinel-Class Patrol Boat")
    assert names(facts, "Equipment") == {"Sentinel-class Patrol Boat"}


def test_a_model_number_after_a_known_family_name_is_a_system_of_its_own():
    got = transfers_of("The US donated six Puma M91 vehicles to Ghana. The Puma M91 protects its crew well.")
    assert got == {("United States", "Ghana", "Puma M91", "pledged")}


def test_a_code_before_a_known_system_and_a_noun_of_another_kind_is_a_system_for_it():
    facts = facts_of("Norway has asked to buy 24 M142 HIMARS and M1084A2 HIMARS resupply vehicles from the United States.")
    assert names(facts, "Equipment") == {"M142 HIMARS", "M1084A2"}
    facts = facts_of("The US will sell Norway 120 Lockheed Martin AGM-114R2 Hellfire II missiles.")
    assert names(facts, "Equipment") == {"AGM-114R2 Hellfire II"}


def test_a_designation_a_transfer_takes_as_its_object_is_a_system():
    got = transfers_of("The US will sell the QX-4500 Electronic Surveillance Measures System to Norway.")
    assert got == {("United States", "Norway", "QX-4500", "ordered")}
    # an amount written with a currency's letters is none
    assert names(facts_of("The US will provide PHP11.5 billion to Norway."), "Equipment") == set()


def test_a_system_made_by_a_named_company_comes_from_its_state():
    got = transfers_of("The Ghana Army's first Norinco-manufactured ZBL-08 infantry fighting vehicles have arrived "
                       "in the country.")
    assert got == {("China", "Ghana", "ZBL-08", "delivered")}


def test_a_sentence_run_into_the_next_without_a_space_names_no_system():
    facts = facts_of("Nigeria received ZX-4 tanks with a 1,300hp engine.The tank is fast.")
    assert names(facts, "Equipment") == {"ZX-4"}


def test_honorifics_and_a_second_title_word_are_no_part_of_a_name():
    facts = facts_of("US Ambassador Madam Jane Roe met Minister for Defence Industry, the Hon Mary Poe MP, in Perth.")
    assert names(facts, "Person") == {"Jane Roe", "Mary Poe"}
    facts = facts_of("Principal Staff Officer Lt Gen Rahman-Uz-Zaman met Colonel Jane Roe in Dhaka.")
    # no "Gen Rahman-Uz-Zaman": the rank, now known undotted ("Lt Gen"), titles the one name written
    assert names(facts, "Person") == {"Jane Roe", "Rahman-Uz-Zaman"}


def test_words_that_say_which_ones_and_decimal_amounts_name_no_system():
    facts = facts_of("Poland has received most of the howitzers promised by Norway. Norway delivered 20 of 24.",
                     title="Poland Receives From Norway Almost All Promised Howitzers - Media")
    assert names(facts, "Equipment") == set()
    facts = facts_of("The Norwegian Army received rifles worth P36.2 million.", title="Sweden delivers P36.2 million in "
                     "weapons and munitions to Norwegian Army")
    assert names(facts, "Equipment") == set()


def test_a_number_word_opening_a_sentence_is_no_part_of_a_name():
    facts = facts_of("Three QPS-3 fixed radars will be delivered to Chile by Japan.")
    assert names(facts, "Equipment") == {"QPS-3"}


def test_initials_that_spell_a_legal_form_and_initials_before_a_sentence_opener():
    body = "Defence Minister AS Rajan met General AB Kumar in Delhi. The jets flew on to Washington, D.C. The visit ended."
    assert names(facts_of(body), "Person") == {"AS Rajan", "AB Kumar"}


def test_names_listed_after_a_plural_title_are_people():
    facts = facts_of("Federal Ministers include Jan Kowal, Piotr Nowak and Adam Lis, officials said.")
    assert names(facts, "Person") == {"Jan Kowal", "Piotr Nowak", "Adam Lis"}
    facts = facts_of("Those present included Federal Ministers Jan Kowal, Piotr Nowak and Adam Lis.")
    assert names(facts, "Person") == {"Jan Kowal", "Piotr Nowak", "Adam Lis"}


def test_a_states_name_after_a_title_and_before_one_name_word_is_a_given_name():
    facts = facts_of("Defence Minister Jordan Vale met his counterpart Jane Doe in Oslo.")
    assert names(facts, "Person") == {"Jordan Vale", "Jane Doe"} and "Jordan" not in names(facts, "Country")


def test_capitalised_words_before_a_legal_form_name_a_company():
    f = facts_of("Dunav Arms d.o.o. will deliver 40 mortars to Ghana. Acme Aeroservices Sdn Bhd signed a contract "
                 "with the Royal Malaysian Air Force.")
    assert {"Dunav Arms d.o.o.", "Acme Aeroservices Sdn Bhd"} <= names(f, "Agency")


def test_companies_listed_with_their_legal_forms_are_each_one_and_the_same_as_without():
    f = facts_of("Tenders came from the makers Scania, Veho and Volvo. The lot for light vehicles was won by Veho "
                 "AS, while Volvo Estonia AS and Scania Estonia AS won the lot for heavy ones.")
    companies = [e for e in f.entities.values() if e.family == "Agency"]
    assert sorted(e.name for e in companies) == ["Scania Estonia AS", "Veho AS", "Volvo Estonia AS"]
    assert all(e.name.split()[0] in e.aliases for e in companies)


def test_a_middle_initial_without_its_full_stop_after_any_title():
    f = facts_of("US Secretary of Defence Jon K Rawley was also among those he held talks with. The same day "
                 "he received Malaysia's Ambassador to Indonesia H.E. Mr. Pradeep Kumar Ravat.")
    assert "Jon K Rawley" in names(f, "Person") and not any("H.E" in n for n in names(f, "Person"))


def test_a_title_word_before_a_legal_form_stays_in_the_company_s_name():
    f = facts_of("The radars were built by First Defence Solutions AS in Norway. Sdn Bhd is no company's name.")
    assert "First Defence Solutions AS" in names(f, "Agency") and "Sdn Bhd" not in names(f, "Agency")


def test_a_body_named_after_its_state_with_any_head():
    facts = facts_of("The aircraft carried officers of the Nigeria Customs Service and Nigeria Immigration Service. "
                     "Ghana Army Headquarters took delivery of the vests.")
    assert {"Nigeria Customs Service", "Nigeria Immigration Service"} <= names(facts, "Agency")
    assert "Ghana Army Headquarters" not in names(facts, "Agency")  # the army's own headquarters


def test_a_title_with_its_post_then_the_name_set_off():
    facts = facts_of("Speaking at the ceremony, US chargé d'affaires in TT, Marla Quinby, praised the coast guard. "
                     "India's high commissioner to Uganda, Ravi Menon, attended.")
    assert names(facts, "Person") == {"Marla Quinby", "Ravi Menon"}
    assert {facts.entities[k].role for k in facts.entities if k.startswith("Person:")} == \
        {"Chargé d'Affaires", "High Commissioner"}


def test_a_name_then_the_post_someone_was_appointed_to():
    facts = facts_of("Lin Weiran, recently appointed as Chinese envoy to Ethiopia, handed the donation over on Sunday.")
    assert names(facts, "Person") == {"Lin Weiran"}


def test_a_ministrys_acronym_with_a_demonym_is_the_ministry_written_out_before():
    facts = facts_of("Lithuania's Ministry of Defence said the aid had arrived. In a post on Friday the Lithuanian "
                     "MOD added that more would follow.")
    assert names(facts, "Agency") == {"Ministry of Defence"}


def test_a_hyphened_title_with_its_domain_then_the_name_set_off():
    facts = facts_of("The minister received a delegation led by the company's Executive Vice-President for Global "
                     "Business, Odile Marchal.")
    assert names(facts, "Person") == {"Odile Marchal"}


def test_initials_and_a_family_name_are_the_person_named_in_full():
    facts = facts_of("Minister of Defence Lieutenant General Farid Yusupov received the delegation. Lieutenant "
                     "General F. Yusupov noted that army aviation is a priority.")
    (person,) = [e for e in facts.entities.values() if e.family == "Person"]
    assert person.name == "Farid Yusupov" and "F. Yusupov" in person.aliases
    assert person.role == "Minister of Defence"  # the office, not the rank written after it


def test_an_office_then_a_rank_then_the_name():
    facts = facts_of("Chief of the Defence Staff General Jana Roe met Chief of General Staff Jan Kowal.")
    assert {e.name: e.role for e in facts.entities.values() if e.family == "Person"} == \
        {"Jana Roe": "Chief of the Defence Staff", "Jan Kowal": "Chief of General Staff"}


def test_a_title_of_a_state_written_in_full_then_the_name_set_off():
    facts = facts_of("A memorandum was put to paper today by the Deputy Minister for Defence, Ignacio Lara Pons, "
                     "and by the Minister of Defence of the Federal Republic of Somalia, Mohamedou Ould Lab.")
    assert names(facts, "Person") == {"Ignacio Lara Pons", "Mohamedou Ould Lab"}


def test_a_portuguese_rank_is_no_part_of_the_name():
    facts = facts_of("The document was signed by the commander of US Southern Command, Almirante de Esquadra "
                     "Craig Fuller, and by Tenente-Brigadeiro Paulo Botelho.")
    assert names(facts, "Person") == {"Craig Fuller", "Paulo Botelho"}


def test_a_known_bodys_name_then_a_units_head_names_a_unit_of_it():
    facts = facts_of("The Finnish Defence Forces Logistics Command signed a contract with Elbit Systems on Thursday.")
    unit = facts.entities["Agency:finnish-defence-forces-logistics-command"]
    assert unit.name == "Finnish Defence Forces Logistics Command" and unit.country == "Country:finland"
    assert unit.parent == "Agency:finnish-defence-forces" and facts.entities[unit.parent].implied
    (agreement,) = [e for e in facts.events if e.cls == "Agreement"]
    assert unit.key in agreement.parties
    # a legal form after a company is the company, no unit of it
    facts = facts_of("Boeing said on Monday that Boeing Ltd had signed the contract with the Indian Air Force.")
    assert not any(k.startswith("Agency:boeing-ltd") for k in facts.entities)


def test_a_known_body_written_with_a_lower_case_word_goes_by_its_own_name():
    facts = facts_of("The Polish government walked away in 2016 from talks with the Airbus group over 50 Caracal "
                     "helicopters.")
    assert "Airbus" in names(facts, "Agency") and "Airbus group" not in names(facts, "Agency")


def test_a_given_name_alone_refers_to_the_one_person_it_opens():
    got = meetings_of("Defence Minister Sjarif Sjamsudin flew to Beijing. According to Sjarif, dialogue matters. "
                      "His visit followed a trip to Jakarta by General Lin Zhenhua, whom Sjarif had hosted.")
    assert got == [{"Sjarif Sjamsudin", "Lin Zhenhua"}]


def test_bodies_named_by_a_head_before_for_or_ending_in_board_or_league():
    facts = facts_of("The Centre for Defence Investment announced the tender. Members of the Defence League and the "
                     "Police and Border Guard Board will get rifles too.")
    assert {"Centre for Defence Investment", "Defence League", "Police and Border Guard Board"} <= names(facts, "Agency")


def test_a_company_said_to_be_one_with_is():
    facts = facts_of("The committee declared Acme Arms the winner. Acme Arms is an American company, set up in 1980.")
    (company,) = [e for e in facts.entities.values() if e.name == "Acme Arms"]
    assert (company.cls, company.facts.country) == ("Company", "Country:united-states")


def test_a_count_before_a_bodys_name_is_no_part_of_it():
    facts = facts_of("Fourteen Nigerian Air Force (NAF) personnel have gone to the United States to train.")
    assert "Nigerian Air Force" in names(facts, "Agency")


def test_an_ampersand_joins_the_words_of_one_name():
    facts = facts_of("The ministry concluded an Air Force contract with Zenith Aerospace & Maintenance Services Ltd on "
                     "Monday.")
    assert "Zenith Aerospace & Maintenance Services Ltd" in names(facts, "Agency")
    assert "Maintenance Services Ltd" not in names(facts, "Agency")


def test_new_opening_a_places_name_stays_in_a_bodys_name():
    facts = facts_of("Soldiers of the New York National Guard trained Papua New Guinea troops.")
    assert "New York National Guard" in names(facts, "Agency")


def test_a_native_title_with_its_translation_in_brackets_before_a_name():
    f = facts_of("Talks were held between a delegation of the ministry, headed by Thượng tướng (Senior Lieutenant "
                 "General) Trần Văn Khải, and a delegation led by Ms Mira Olsen.")
    assert {"Trần Văn Khải", "Mira Olsen"} <= names(f, "Person")


def test_an_assembly_is_a_body_and_no_person():
    f = facts_of("The delegation paid a courtesy call on the Chairman of the National Assembly's Committee for "
                 "National Defence and Security.")
    assert "National Assembly" in names(f, "Agency") and not names(f, "Person")


def test_colleges_committees_and_hospitals_are_bodies_and_a_list_of_two_is_two():
    f = facts_of("The minister toured the National Defence University of Valdonia and Korvath Aeroservices Sdn Bhd, "
                 "then visited the Central Military Hospital. The Defence Cooperation Committee met later.")
    assert {"National Defence University of Valdonia", "Korvath Aeroservices Sdn Bhd", "Central Military Hospital",
            "Defence Cooperation Committee"} <= names(f, "Agency")
    # an event's edition is no body: "the 20th International …"
    f = facts_of("They met on the margins of the 20th International Institute for Strategic Studies Asia Security Summit.")
    assert not any(n.startswith("20th") for n in names(f, "Agency"))


def test_a_portuguese_particle_inside_a_name_keeps_the_name_whole():
    f = facts_of("On Monday the minister paid a courtesy call to Mr. Tomás Agostinho do Valmar, Prime Minister of "
                 "Mozambique. How do Ukrainians and Poles see it?")
    assert names(f, "Person") == {"Tomás Agostinho do Valmar"}


def test_particles_that_run_on_and_long_names_with_particles_stay_whole():
    # "van der", "de la": particles running on to the name after them; "bint" as well as "bin"
    facts = facts_of("Defence Minister Henk van der Oster met Ambassador Reema bint Talal in The Hague. Army chief "
                     "General Eduardo Dias da Costa Villas Marte also attended.")
    assert {"Henk van der Oster", "Reema bint Talal", "Eduardo Dias da Costa Villas Marte"} <= names(facts, "Person")
    # a particle before a body's name is "of the", not part of a name
    assert "Paulo Soares" in names(facts_of("General Paulo Soares do Exército Brasileiro said the deal was signed."),
                                    "Person")


def test_particles_before_a_body_stay_out_of_the_name():
    facts = facts_of("Admiral Juan Pereda de la Armada de Chile said the frigates had arrived. Colonel Ana Ruiz de la "
                     "Universidad de la Defensa and Captain Marco Rossi della Marina Militare also spoke.")
    assert {"Juan Pereda", "Ana Ruiz", "Marco Rossi"} <= names(facts, "Person")
    assert not [n for n in names(facts, "Person") if n.split()[-1] in ("de", "la", "della")]
    # "de los" runs on as "de la" does
    assert "Luis Garrido de los Ríos de la Vega" in names(facts_of(
        "Commander Luis Garrido de los Ríos de la Vega said the ship would sail in May."), "Person")


def test_people_with_no_title_found_by_the_talks_they_hold_or_the_counterpart_they_have():
    # "talks between A and B", "A held a call with his counterpart B", "A and her counterpart B": no title anywhere
    assert meetings_of("Talks between Tomas Varga and Karl Brandt focused on air defence.") == [
        {"Tomas Varga", "Karl Brandt"}]
    assert meetings_of("Tomas Varga held a phone conversation with his Polish counterpart Karl Brandt on Monday.") == [
        {"Tomas Varga", "Karl Brandt"}]
    assert meetings_of("Tomas Varga was in Rivertown on Monday for talks with his counterpart, Karl Brandt.") == [
        {"Tomas Varga", "Karl Brandt"}]
    assert meetings_of("Tomas Varga and his Kenyan counterpart Omar Haddad discussed regional security on the "
                       "sidelines of the summit.") == [{"Tomas Varga", "Omar Haddad"}]
    # a place in those places is no person, nor one spoken to before a counterpart told of in passing
    assert names(facts_of("Talks between Norway and Sweden focused on air defence."), "Person") == set()
    assert names(facts_of("The minister arrived in Nova Ardena and her counterpart is due on Friday."), "Person") == set()
    assert names(facts_of("Speaking to Mwangi Daily after a meeting with his Kenyan counterpart, the minister praised "
                          "the deal."), "Person") == set()


def test_a_pilgrim_s_honorific_is_no_part_of_the_name():
    f = facts_of("The Minister of Defence, Alhaji Umar Bello, received a delegation led by Mr Paolo Rinaldi in "
                 "Abuja. The minister and Mr Rinaldi reviewed cooperation.")
    assert names(f, "Person") == {"Umar Bello", "Paolo Rinaldi"}
    assert meetings_of("The Minister of Defence, Alhaji Umar Bello, received a delegation led by Mr Paolo Rinaldi "
                       "in Abuja.") == [{"Umar Bello", "Paolo Rinaldi"}]


def test_a_state_named_after_a_lake_or_a_mountain_is_a_place_there():
    text = ("The air chief said air operations are forcing insurgents to abandon camps around Lake Chad. He said "
            "the service was taking delivery of the 14 AW139M helicopters ordered from Leonardo.")
    assert names(facts_of(text), "Country") == {"Italy"}
    assert not {r for _, r, _, _ in transfers_of(text)} & {"Chad"}
    assert names(facts_of("Troops trained on the slopes of Mount Kenya with British instructors."),
                 "Country") == {"United Kingdom"}


def test_a_surname_that_is_a_word_for_a_building_still_names_a_person():
    f = facts_of("Ukraine will receive F-16 jets from the Netherlands, Defence Minister Adam House said.")
    assert names(f, "Person") == {"Adam House"}


def test_an_abbreviated_title_glued_to_a_name_is_no_part_of_it():
    f = facts_of("Sitharaman held a bilateral meeting with SecDef James Mattis, United States Secretary of Defense, "
                 "in Washington. Defence Minister Nirmala Sitharaman thanked Mattis.")
    assert names(f, "Person") == {"James Mattis", "Nirmala Sitharaman"}
