"""Gifts told by their giver and then listed, names set off after plural titles, audiences, grants,
acronyms before the name they stand for, places and languages named after states, and who signs with
"he and" (the constructions of batch thirtyeighth and of studied batches, written again with invented
names)."""

from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_names_set_off_after_a_plural_title_and_its_states_are_people():
    body = ("The defence ministers of the United States, Jane Roe, and of Canada, Paul Marsh, looked at ways the "
            "two countries can cooperate.")
    f = facts_of(body, title="Roe, Marsh discuss NATO cooperation")
    assert {"Jane Roe", "Paul Marsh"} <= names(f, "Person")
    assert meetings_of(body, title="Roe, Marsh discuss NATO cooperation") == [{"Jane Roe", "Paul Marsh"}]
    f = facts_of("The defence ministers of Uruguay and Brazil, Ana Ruiz and Paulo Souza respectively, will meet.")
    assert {"Ana Ruiz", "Paulo Souza"} <= names(f, "Person")


def test_an_audience_granted_is_a_meeting():
    got = meetings_of("The resolution followed an audience that Lieutenant General Musa Bello, Chief of Army Staff, "
                      "granted today in Abuja to the UK's Minister of State for the Armed Forces, Mr. Paul Marsh.")
    assert got == [{"Musa Bello", "Paul Marsh"}]


def test_a_grant_of_systems_is_a_pledge_and_a_parliament_is_that_of_the_dateline():
    body = ("Jakarta - The defence committee of the House of Representatives has resolved to approve acceptance "
            "of a grant of 15 units of Bushmaster vehicles from the Australian government for the TNI.")
    assert transfers_of(body) == {("Australia", "Indonesia", "Bushmaster", "pledged")}
    f = facts_of(body)
    parliament = next(e for e in f.entities.values() if e.name == "House of Representatives")
    assert parliament.country == "Country:indonesia"


def test_a_gift_told_by_its_giver_is_what_the_list_after_it_holds():
    body = ("On Friday the Chinese government gave the PNGDF (PNG Defence Force) SIXTY-two vehicles worth "
            "K17.5 million.\n\nThe gift comprised four mobile kitchen vans, 44 troop carriers and 10 armoured "
            "vehicles.\n\nUnder the ties, 83 officers of the defence force have also been trained in China.")
    f = facts_of(body)
    got = {(f.entities[e.supplier].name, f.entities[e.recipient].name, f.entities[e.equipment[0]].name, e.status,
            e.quantity) for e in f.events if e.cls == "Transfer"}
    assert got == {("China", "Papua New Guinea", "mobile kitchen vans", "delivered", 4),
                   ("China", "Papua New Guinea", "troop carriers", "delivered", 44),
                   ("China", "Papua New Guinea", "armoured vehicles", "delivered", 10)}
    # a count in words is no system's name, and the acronym before the name is the body's
    assert "SIXTY-two" not in names(f, "Equipment") and "PNGDF" not in names(f, "Equipment")
    assert {"PNGDF"} <= next(e for e in f.entities.values() if e.name == "PNG Defence Force").aliases
    training = [(f.entities[e.provider].name, f.entities[e.trainee].name, e.count) for e in f.events
                if e.cls == "Training"]
    assert training == [("China", "Papua New Guinea", 83)]


def test_a_programme_named_by_two_states_is_no_agreement():
    assert agreements_of("The trucks will serve the army under the UK-Ghana Civilian Military Cooperation "
                         "Programme.") == []
    # a document so named is one
    assert agreements_of("The trucks will serve the army under the UK-Ghana Defence Cooperation Agreement.") == \
        [({"United Kingdom", "Ghana"}, "agreement")]


def test_systems_presented_with_a_count_written_twice():
    f = facts_of("The Ghana Armed Forces have been presented with eight (8) ambulances by the UK.")
    got = [(f.entities[e.supplier].name, f.entities[e.recipient].name, f.entities[e.equipment[0]].name, e.status,
            e.quantity) for e in f.events if e.cls == "Transfer"]
    assert got == [("United Kingdom", "Ghana", "ambulances", "delivered", 8)]


def test_places_and_languages_named_after_states_are_no_states():
    f = facts_of("The ceremony was held at Burma Camp in Accra. Piracy in the Gulf of Guinea was discussed. "
                 "The cadets learn to follow the training in German.")
    assert names(f, "Country") == set()
    # the states themselves are still states
    assert {"Myanmar", "Germany", "Ghana"} <= names(facts_of("Burma said the German army was training in Ghana."),
                                                    "Country")


def test_a_contract_between_the_government_and_a_company_is_the_articles_state():
    body = ("Norway buys air defence\n\nA new defence contract worth one billion kroner has been concluded between "
            "the government and Kongsberg Gruppen.")
    title, text = body.split("\n\n")
    assert agreements_of(text, title=title) == [({"Norway", "Kongsberg Gruppen"}, "contract")]


def test_what_was_taken_delivery_of_as_aid_is_delivered():
    got = transfers_of("On Tuesday the Lebanese Army took delivery, at the port of Beirut, of military aid from the "
                       "US authorities consisting of 50 armoured Humvee vehicles.")
    assert got == {("United States", "Lebanon", "Humvee", "delivered")}


def test_a_ministry_name_that_runs_on_before_its_native_name_is_its_full_name():
    f = facts_of("Austria's Federal Ministry of Defence and Sports (Bundesministerium für Landesverteidigung und "
                 "Sport) signed it.")
    assert "Federal Ministry of Defence and Sports" in names(f, "Agency")
    # a company after "and" stays a company, with its own name in parentheses too
    f = facts_of("The Austrian Ministry of Defence and Leonardo signed a contract.")
    assert {"Austrian Ministry of Defence", "Leonardo"} <= names(f, "Agency")
    f = facts_of("The Austrian Ministry of Defence and Norvik Dynamics (NDY) signed a contract.")
    assert "Austrian Ministry of Defence" in names(f, "Agency")


def test_a_hyphenated_rank_after_a_title_is_no_person():
    f = facts_of("China also helped with medical gear, according to Defence Force Commander Brigadier-General "
                 "Gilbert Wari.")
    assert names(f, "Person") == {"Gilbert Wari"}


def test_he_and_a_named_person_who_signed_are_the_parties():
    body = ("Defence Minister Paulo Souza held talks with his Vietnamese counterpart Tran Van Binh in Manila.\n\n"
            "Souza said the two countries hoped to have a defence cooperation agreement signed before the year "
            "ends. His remarks came after he and Binh signed letters of intent on disaster response.")
    assert agreements_of(body) == [({"Paulo Souza", "Tran Van Binh"}, "other")]


def test_the_side_of_a_deal_is_the_subsidiary_not_its_parent():
    got = agreements_of("The helicopters are delivered under a $240 million deal between the Philippine government "
                        "and Acme Rotorcraft Ltd, a Lockheed Martin subsidiary.")
    assert got == [({"Philippines", "Acme Rotorcraft Ltd"}, "agreement")]


def test_who_systems_are_for_the_use_of_receives_them():
    for body in ("Six Huey II helicopters for use by the Kenya Defence Forces have been handed over by the United "
                 "States.", "The US Army delivered six Huey II helicopters for use by the Kenya Defence Forces."):
        assert transfers_of(body) == {("United States", "Kenya", "Huey II", "delivered")}, body


def test_whom_he_held_talks_with_meets_the_person_the_text_is_about():
    body = ("On the margins of the meeting in Laos, Defence Minister Arjun Rao sat down separately with his "
            "counterparts from South Korea and New Zealand.\n\nUS Secretary of Defense Mark Ellis was also among "
            "those he held talks with.")
    assert {"Arjun Rao", "Mark Ellis"} in meetings_of(body)


def test_at_a_meeting_with_someone_the_two_sides_are_the_person_the_text_is_about_and_them():
    body = ("Back in October, US Deputy Secretary of State Paul Marsh said relations with Ecuador were at their "
            "best. At a meeting with Foreign Minister Ana Ruiz, the two sides reviewed joint actions.")
    assert meetings_of(body) == [{"Paul Marsh", "Ana Ruiz"}]


def test_an_unnamed_counterpart_is_the_one_named_with_him_before():
    body = ("On Wednesday, Japanese Defense Minister Kenji Sato and US Secretary of Defense Mark Ellis reached "
            "agreement to work more closely on equipment.\n\nEllis, in turn, gave renewed assurances. At the "
            "meeting, Ellis and his counterpart also talked about Ukraine.")
    assert {"Kenji Sato", "Mark Ellis"} in meetings_of(body)


def test_those_who_are_joined_or_posted_with_a_force_for_training_train():
    got = trainings_of("Separately, 35 Indonesian personnel are to join Australian Defence Force troops on HMAS "
                       "Adelaide, berthed in Darwin, for integration training.")
    assert got == {("Australia", "Indonesia")}
    got = trainings_of("Five Australian Defence Force personnel are posted in Tonga and live there, working alongside "
                       "His Majesty's Armed Forces on training and maintenance.")
    assert got == {("Australia", "Tonga")}


def test_the_review_of_the_day_s_rules_in_other_words():
    # a grant received, and aid taken delivery of, come from whom the sentence says
    assert transfers_of("Fiji will receive a grant of 15 Bushmaster vehicles from the Australian government.") == \
        {("Australia", "Fiji", "Bushmaster", "pledged")}
    assert transfers_of("Mozambique took delivery, at the port of Maputo, of military aid consisting of 20 armoured "
                        "vehicles from Portugal.") == {("Portugal", "Mozambique", "armoured vehicles", "delivered")}
    # "he and" a titled person who signed; a memorandum signed for each side
    assert agreements_of("Defence Minister Paulo Souza held talks in Manila. His remarks came after he and "
                         "Portuguese minister Ana Cortes signed letters of intent.") == \
        [({"Paulo Souza", "Ana Cortes"}, "other")]
    assert agreements_of("The memorandum was signed for Ghana by Brigadier Kofi Nyarko and on behalf of Nigeria by "
                         "Air Commodore Bala Usman.") == [({"Ghana", "Nigeria"}, "memorandum")]
    # talks "with" someone without an article, an audience granted by someone
    assert meetings_of("US Deputy Secretary Paul Marsh visited Quito. During talks with Defence Minister Otto "
                       "Brenner, the two sides discussed air defence.") == [{"Paul Marsh", "Otto Brenner"}]
    assert meetings_of("During an audience granted by King Olaf Brennmark, Minister Tariq Haddad thanked the "
                       "king.") == [{"Olaf Brennmark", "Tariq Haddad"}]
    # a counterpart named after a comma and a state's possessive
    assert meetings_of("Norway's defence minister, Ingrid Solheim, met her counterpart, Finland's Juha Lehto, in "
                       "Oslo on Monday.") == [{"Ingrid Solheim", "Juha Lehto"}]
    # an ocean named after a state is no state
    assert names(facts_of("The patrol sailed in the Indian Ocean."), "Country") == set()


def test_each_item_of_a_fleet_from_its_own_giver_to_the_one_other_state():
    got = transfers_of("Nigeria's fleet includes 12 F-16 jets, provided by the United States, and 4 Wing Loong "
                       "drones, provided by China.")
    assert {(s, r, e) for s, r, e, _ in got} == {("United States", "Nigeria", "F-16"), ("China", "Nigeria", "Wing Loong")}
    # "from" right after an item says where that item comes from
    got = transfers_of("Nigeria received two Agusta helicopters from Italy and a Bayraktar drone from Turkey.")
    assert {(s, r, e) for s, r, e, _ in got} == {("Italy", "Nigeria", "Agusta"), ("Turkey", "Nigeria", "Bayraktar")}
    # a place they were withdrawn from gives nothing
    got = transfers_of("The United States sent Poland two Patriot batteries withdrawn from Germany and four Kestrel "
                       "radars from its own stocks.")
    assert {s for s, _, _, _ in got} == {"United States"}


def test_a_state_that_has_been_given_systems_receives_them_and_names_given_move_nothing():
    assert transfers_of("Tonga's Kingdom has been given a newly built Guardian-class Patrol Boat by Australia.") == \
        {("Australia", "Tonga", "Guardian-class Patrol Boat", "delivered")}
    assert transfers_of("Peru received four Kestrel-class patrol boats from China. The boats were given the "
                        "following hull numbers and names: PP-616 and PP-617.") == \
        {("China", "Peru", "Kestrel-class", "delivered")}
    assert transfers_of("The army was given a briefing by the minister on the F-16.") == set()


def test_at_the_meeting_the_one_named_meets_whom_the_text_named_him_with():
    body = ("On Tuesday the defence ministers of Brazil, Paulo Souza, and of Cameroon, Joseph Ndongo, signed a "
            "cooperation agreement.\n\nAt the meeting, Souza pointed to the joint operations of the two navies.\n\n"
            "Also present at the meeting was the Ambassador of Cameroon to Brazil, Martin Ekane.")
    assert meetings_of(body) == [{"Paulo Souza", "Joseph Ndongo", "Martin Ekane"}]


def test_people_named_after_lowercase_offices_ranks_and_a_capital_s_name():
    f = facts_of("Presiding over the ceremony was the Prime Minister and head of government, Mathieu Simplice "
                 "Tarandji, flanked by the defence minister.")
    assert names(f, "Person") == {"Mathieu Simplice Tarandji"}
    # a given name that is also a capital's name, after the office it holds
    assert names(facts_of("He met the country's president, Santiago Pena, on Monday."), "Person") == {"Santiago Pena"}
    assert names(facts_of("The talks were held in Santiago on Monday."), "Person") == set()
    # "Cmdr." is a rank before a name
    assert names(facts_of("The talks covered the partnership, said Lt. Cmdr. Courtney Hale."), "Person") == \
        {"Courtney Hale"}


def test_a_headline_in_capitals_names_its_states_and_no_systems():
    title = "BATTALION IN THE SPOTLIGHT AT CAMP KASSAI: CERTIFICATES FOR TEAM LEADERS AND VEHICLES HANDED OVER BY FRANCE"
    body = ("Bangui - A ceremony was held at which certificates were presented to the leaders of the battalion of the "
            "Central African Republic and ten (10) VTL vehicles (Véhicules de Transport de Logistique, logistics "
            "transport vehicles) were handed over.")
    f = facts_of(body, title=title)
    assert names(f, "Equipment") == {"VTL"}
    assert names(f, "Country") == {"France", "Central African Republic"}


def test_a_counted_or_moved_plural_of_a_one_word_system_is_that_system():
    assert transfers_of("Lebanon received two Humvees from the United States.") == \
        {("United States", "Lebanon", "Humvees", "delivered")}
    assert transfers_of("Lebanon received the Humvees from the United States.") == \
        {("United States", "Lebanon", "Humvees", "delivered")}
    # a one-word name that is also a place stays a place
    assert names(facts_of("The delegation visited Milan and received a briefing."), "Equipment") == set()


def test_a_former_owner_named_after_a_system_handed_over_is_its_giver():
    got = transfers_of("At the ceremony two Vega-class patrol boats, previously operated by the Danish Naval Home Guard, "
                       "were also handed over to the Cameroonian Navy.")
    assert got == {("Denmark", "Cameroon", "Vega-class", "delivered")}
    # a system operated by someone, with no word that it was, moves nothing
    assert transfers_of("The F-16s, operated by the Danish air force, will remain in Denmark.") == set()
    # nor does a former owner whose system was captured, a type someone flew, or a former user of what an
    # earlier sentence says another state handed over
    assert transfers_of("Two Vega-class patrol boats, previously operated by the Russian Navy and captured in 2023, "
                        "were handed over to the Ukrainian Navy museum.") == set()
    assert transfers_of("Ghana received 12 Kestrel drones, a type previously operated by the Danish army.") == set()
    got = transfers_of("Germany handed over 10 Kestrel trucks to Ukraine. The trucks, once used by the Polish army "
                       "in exercises, were handed over in Lviv.")
    assert got == {("Germany", "Ukraine", "Kestrel trucks", "delivered")}


def test_every_form_of_a_verb_of_giving_moves_what_it_names():
    # a headline's present tense tells what was done; each form of a verb of giving is read, not only those listed
    assert ("France", "Benin", "all-terrain vehicles", "delivered") in transfers_of(
        "The vehicles were handed over in Cotonou on Friday.", title="France gives Benin's army 20 all-terrain vehicles")
    assert transfers_of("Japan provides Vanuatu with 12 patrol boats, the embassy said.") == \
        {("Japan", "Vanuatu", "patrol boats", "delivered")}
    assert transfers_of("Norway lends Estonia four coastal radars, the ministry said.") == \
        {("Norway", "Estonia", "coastal radars", "delivered")}
    assert transfers_of("Germany would lend Latvia four coastal radars, the ministry said.") == \
        {("Germany", "Latvia", "coastal radars", "pledged")}
    # leave given with any auxiliary moves nothing
    assert transfers_of("The United States had given permission for Zorvak jets to be re-exported to Kenya.") == set()


def test_names_after_a_plural_title_each_with_its_state_are_people_who_meet():
    body = ("The news came after the defence ministers of the two countries, Ion Vatra of Moldova and Petru Dobran of "
            "Romania, met in Chisinau.")
    assert {"Ion Vatra", "Petru Dobran"} <= names(facts_of(body), "Person")
    assert meetings_of(body) == [{"Ion Vatra", "Petru Dobran"}]


def test_a_kind_only_the_headline_names_is_the_system_the_body_moves():
    title = "Norway transfers two vessels to Ghana"
    body = "Norway handed over a fast patrol ship and a landing craft assault ship to Ghana on Monday."
    got = {t[2] for t in transfers_of(body, title=title)}
    assert got == {"fast patrol ship", "landing craft assault ship"}
    # the headline's kind stays where the body moves nothing of its kind
    got = {t[2] for t in transfers_of("Norway also gave Ghana 12 Zorvak jets on Monday.",
                                      title="Norway transfers two vessels to Ghana")}
    assert got == {"vessels", "Zorvak"}


def test_a_system_that_gives_is_not_given():
    body = ("Minister Kim briefed his Estonian counterpart on the Zorvak howitzer and on the Zorvak-10 resupply vehicle, "
            "which automatically transfers shells to the gun. South Korea delivered 12 Kestrel radars to Estonia.")
    assert transfers_of(body) == {("South Korea", "Estonia", "Kestrel", "delivered")}
    assert transfers_of("Estonia bought the Zorvak howitzer from South Korea last year. The Zorvak gives its crew "
                        "better protection, the army said.") == {("South Korea", "Estonia", "Zorvak", "ordered")}


def test_a_count_taken_of_a_system_in_a_relative_clause_is_ordered():
    got = facts_of("Estonia's first pilots began training in Germany on the Zorvak helicopter, ten of which are on order "
                   "from Germany.")
    moved = [(e.status, e.quantity) for e in got.events if e.cls == "Transfer"]
    assert moved == [("ordered", 10)]


def test_a_system_that_moves_of_itself_is_still_moved():
    # (a reviewer's probes of the rule above: no object of its own, no giver)
    assert transfers_of("The Zorvak-class cutters, which transferred from the United States to the Philippine Navy in "
                        "2011, remain in service.") == {("United States", "Philippines", "Zorvak-class", "delivered")}
    assert ("Denmark", "Ukraine", "Zorvak", "delivered") in transfers_of(
        "Ten Zorvak tanks that shipped from Denmark last month have reached Ukraine.")
    assert transfers_of("The ceremony took place in Accra.", title="US-donated Zorvak boats handed over to Ghana Navy") \
        == {("United States", "Ghana", "Zorvak", "delivered")}


def test_weight_support_leave_or_training_given_moves_nothing():
    assert transfers_of("France lent its weight to India's bid to build Zorvak submarines at home.") == set()
    assert transfers_of("France lends its support to India's bid to build Zorvak submarines at home.") == set()
    assert transfers_of("Brazil provides training to Ghanaian pilots on the Zorvak.") == set()
    assert transfers_of("Priority is given to Nigeria's request for more Zorvak jets from Pakistan.") == set()
    assert transfers_of("Sweden gives Ukraine the green light to use its Zorvak vehicles in Russia.") == set()
    assert transfers_of("SIPRI said arms transfers from France to India rose by 20 percent, driven by Zorvak jets.") == set()



def test_troops_sent_are_no_transfer_whose_parties_a_later_one_takes():
    assert transfers_of("North Macedonia will send a company to exercises in Romania. The first Zorvak helicopters were "
                        "handed over on Monday.") == set()


def test_systems_earmarked_for_a_state_are_pledged_to_it():
    f = facts_of("Rome has widened its aid to Moldova on top of the 32 Zorvak carriers it earmarked for Chisinau in April.")
    moved = [(f.entities[e.supplier].name, f.entities[e.recipient].name, e.status, e.quantity)
             for e in f.events if e.cls == "Transfer"]
    assert moved == [("Italy", "Moldova", "pledged", 32)]
    # money earmarked for a purpose moves none of the systems the purpose covers
    assert transfers_of("Of the $8 billion package, $5 billion is earmarked for bolstering Israeli air defences, "
                        "covering the Zorvak Weapon System.") == set()


def test_small_arms_and_service_vehicles_given_by_their_kind_are_the_items_moved():
    got = transfers_of("The US donated 500 pistols and 20 jeeps to the Haitian police.")
    assert got == {("United States", "Haiti", "pistols", "pledged"), ("United States", "Haiti", "jeeps", "pledged")}
    got = transfers_of("Italy delivered 200 submachine guns and four sedans to Libya.")
    assert got == {("Italy", "Libya", "submachine guns", "delivered"), ("Italy", "Libya", "sedans", "delivered")}


def test_kitchens_run_at_a_camp_are_not_given():
    got = transfers_of("Italy sent chefs to help run kitchens at the refugee camp in Moldova after delivering tents.")
    assert not {e for _, _, e, _ in got} & {"kitchens"}
