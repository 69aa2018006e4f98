"""Shapes of the ninety-first to ninety-fourth real-news studies and of the ninety-fourth to ninety-seventh batches,
written again with invented wording."""

from defgraph.extract.model import AGENCY, EQUIPMENT, PERSON
from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_cadets_who_attend_a_foreign_school_are_trained_by_its_state():
    assert trainings_of("Cadets abroad\n\nThree Zambian cadets will attend the Royal Military Academy Kesteven in the "
                        "UK from September.") == {("United Kingdom", "Zambia")}
    # who attends a ceremony of a school is not taught there
    assert trainings_of("Passing out\n\nThe Zambian minister attended the graduation ceremony of the Royal Military "
                        "Academy in the UK.") == set()


def test_the_trainees_named_again_at_the_head_of_the_next_paragraph():
    story = ("New intake\n\nForty Kyrgyz cadets passed the entrance examinations of the lyceum this summer.\n\n"
             "The cadets will go on to study in Russia and Belarus.")
    assert trainings_of(story) == {("Russia", "Kyrgyzstan"), ("Belarus", "Kyrgyzstan")}
    # "they" across a paragraph break is not taken back that far
    assert trainings_of("New intake\n\nForty Kyrgyz cadets passed the entrance examinations this summer.\n\n"
                        "They will study in Russia.") == set()


def test_those_also_present_right_after_talks_join_them():
    talks = ("Talks\n\nDefence Minister Arno Kessel held talks with Latvian Defence Minister Ilze Berzina on Monday. "
             "Also present were Chief of Staff General Pavel Orlik and State Secretary Mira Hanska.")
    assert meetings_of(talks) == [{"Arno Kessel", "Ilze Berzina", "Pavel Orlik", "Mira Hanska"}]
    # after talks that went on to a ceremony, those present were at the ceremony
    assert meetings_of("Talks\n\nArno Kessel met Ilze Berzina on Tuesday and then attended the change-of-command "
                       "ceremony. Also present were General Pavel Orlik and Admiral Jan Nowak.") == [{"Arno Kessel", "Ilze Berzina"}]
    # after a parade no one met: those present meet no one
    assert meetings_of("Parade\n\nPresident Arno Kessel inspected the parade. Also present were General Pavel Orlik "
                       "and Colonel Mira Hanska.") == []


def test_those_taking_part_in_the_visit_or_present_at_this_meeting_join_it():
    call = ("Call\n\nDefence Minister Arno Kessel paid a courtesy call on Latvian Defence Minister Ilze Berzina. Also "
            "taking part in the visit were General Pavel Orlik and Colonel Mira Hanska.")
    assert meetings_of(call) == [{"Arno Kessel", "Ilze Berzina", "Pavel Orlik", "Mira Hanska"}]
    received = ("Visit\n\nGeneral Pavel Orlik was received by the Latvian president, Ilze Berzina. Present at this "
                "meeting, alongside the Czech delegation, were Defence Minister Arno Kessel and General Mira Hanska.")
    assert meetings_of(received) == [{"Arno Kessel", "Ilze Berzina", "Pavel Orlik", "Mira Hanska"}]


def test_the_heads_of_the_delegations_meet():
    assert meetings_of("Consultations\n\nThe two sides held consultations in Prague. Heading the delegations were, for "
                       "the Czech side, Defence Minister Arno Kessel, and for the Latvian side, Defence Minister Ilze "
                       "Berzina.") == [{"Arno Kessel", "Ilze Berzina"}]
    # delegations that arrived for an exercise, after talks of others, held no talks of their own
    story = ("Exercise\n\nMinister Arno Kessel met Minister Ilze Berzina in Riga on Monday.\n\nOn Thursday, naval "
             "delegations from 12 countries arrived for the exercise. Heading the delegations were Rear Admiral Pavel "
             "Orlik and Commodore Jan Nowak.")
    assert meetings_of(story) == [{"Arno Kessel", "Ilze Berzina"}]


def test_those_counted_from_the_friendly_countries_of_a_list_are_taught():
    story = ("Graduation\n\nThe course at the Zambian academy included 300 Zambians and another 25 from the friendly "
             "countries of Malawi, Namibia and Botswana.")
    assert trainings_of(story) == {("Zambia", k) for k in ("Malawi", "Namibia", "Botswana")}


def test_a_school_that_trained_officers_takes_in_none_of_its_own():
    story = ("Staff school\n\nSince 2012 the Zambian staff school has trained 240 officers, including 15 graduates from "
             "two friendly countries, namely Malawi and Namibia.")
    assert not any(trainee == "Zambia" for _, trainee in trainings_of(story))


def test_a_numbered_course_told_before_is_given_by_the_body_whose_school_runs_it():
    story = ("Course closes\n\nGeneral Tomas Reyes closed the 40th Regular Officers course of the Armed Forces of the "
             "Philippines Command and General Staff College on Friday. He praised the graduates. The 120 student "
             "officers, drawn from the services and student officers from the friendly countries of Vietnam, Thailand "
             "and Brunei, have completed the 40th Regular Officers (ROC) course, which lasted ten months.")
    assert trainings_of(story) == {("Philippines", k) for k in ("Vietnam", "Thailand", "Brunei")}
    # at a school whose name a state's body opens
    assert trainings_of("Course\n\nThe 30 student officers from the friendly countries of Vietnam and Laos have "
                        "completed the 12th Regular Officers course at the Bundeswehr Command and Staff College.") == {
        ("Germany", "Vietnam"), ("Germany", "Laos")}


def test_a_designation_in_quotes_names_a_system():
    assert transfers_of('Tanks\n\nBolivia has received upgraded Russian tanks of the "T-72B1" type.') == {
        ("Russia", "Bolivia", "T-72B1", "delivered")}
    assert transfers_of("Tanks\n\nBolivia has received Russian «T-72B1» tanks.") == {
        ("Russia", "Bolivia", "T-72B1", "delivered")}
    # a quoted word right after a designation is that system's nickname, no second system
    facts = facts_of('Order\n\nFrance confirmed that it had bought 169 H160M "Guépard" helicopters from Airbus.')
    assert names(facts, EQUIPMENT) == {"H160M"}


def test_an_aside_between_a_moving_verb_and_what_moves():
    assert transfers_of("Aid\n\nThe Latvian border guard received, among other things, helmets and tactical vests "
                        "from Finland.") == {("Finland", "Latvia", k, "delivered") for k in ("helmets", "tactical vests")}
    assert transfers_of("Aid\n\nFinland handed over, inter alia, helmets and tactical vests to Latvia.") == {
        ("Finland", "Latvia", k, "delivered") for k in ("helmets", "tactical vests")}


def test_counted_kit_that_arrives_from_a_state_is_delivered_by_it():
    assert transfers_of("Aid\n\nA batch of 400 helmets has arrived in Moldova from Romania.") == {
        ("Romania", "Moldova", "helmets", "delivered")}
    # people who arrive are no kit; nor are things told before ("the first two radars" of a system named)
    assert transfers_of("Visit\n\nThe 40 soldiers arrived in Moldova from Romania.") == set()
    story = ("Radars\n\nSweden is delivering Giraffe 4A radars to Malaysia, which also ordered eight Giraffe 1X radars. "
             "The first two radars arrived in Malaysia in March.")
    assert not any(k == "radars" for _, _, k, _ in transfers_of(story))


def test_one_who_spoke_of_a_topic_met_no_one_named_in_it():
    assert meetings_of("Gift\n\nGeneral Omar Nasser spoke about the gift, describing it as a gesture by King Faisal "
                       "bin Rashid to the Jordanian army.") == []
    assert meetings_of("Talks\n\nGeneral Omar Nasser spoke about the border with General Ali Karimov.") == [
        {"Omar Nasser", "Ali Karimov"}]


def test_peoples_counted_as_nouns_are_the_trainees():
    assert trainings_of("Graduation\n\nFour Gambians and two Liberians graduated from the Ghanaian military academy.") == {
        ("Ghana", "Gambia"), ("Ghana", "Liberia")}
    story = ("Course\n\nRight now five Americans, three Peruvians and one Chilean, together with 20 Bolivians, are taking "
             "the jungle course at the training centre in Riberalta.")
    assert not any(provider in ("Peru", "Chile", "United States") for provider, _ in trainings_of(story))
    # a people before the noun it qualifies is no trainee of its own
    assert trainings_of("Course\n\nThe course was delivered by four Ghanaian instructors to Liberian troops.") == {
        ("Ghana", "Liberia")}


def test_more_of_the_trainees_counted_before_trained_abroad():
    story = ("Commissioning\n\nPresident Mwale commissioned 180 Zambian officer cadets. A further group of 14 officer "
             "cadets trained in friendly countries, namely Egypt, India and Turkey.")
    assert trainings_of(story) == {(k, "Zambia") for k in ("Egypt", "India", "Turkey")}
    assert trainings_of("Commissioning\n\nPresident Mwale commissioned 180 Zambian officer cadets. The cadets trained in "
                        "Egypt and India.") == {("Egypt", "Zambia"), ("India", "Zambia")}
    # those who trained for a parade were trained by no one
    assert trainings_of("Parade\n\nPresident Mwale inspected 180 Zambian soldiers. The soldiers trained hard for the "
                        "parade.") == set()


def test_a_body_written_with_its_state_signs_one_contract_with_each_company():
    story = ("Contracts\n\nThe Defence Procurement Agency of Peru signed contracts with Alfa Works Ltd and Borva Systems Inc "
             "on Monday.")
    assert sorted(sorted(parties) for parties, _ in agreements_of(story)) == [
        ["Alfa Works Ltd", "Defence Procurement Agency"], ["Borva Systems Inc", "Defence Procurement Agency"]]


def test_a_programme_of_strategic_partnership_is_an_agreement():
    story = ("Tashkent\n\nThe defence ministers of Kyrgyzstan and Armenia signed a programme of strategic partnership of "
             "the two countries in the military field for 2025-2027.")
    assert [parties for parties, _ in agreements_of(story)] == [{"Kyrgyzstan", "Armenia"}]


def test_states_that_will_exchange_training_train_neither_the_other():
    assert trainings_of("MoU\n\nUnder the memorandum, Cambodia and Laos will exchange personnel, education, training "
                        "and logistic support.") == set()


def test_companies_listed_among_those_that_signed_each_signed_with_the_buyer():
    story = ("Contracts\n\nChile's Ministry of Defence signed 14 contracts with ten suppliers on Monday. Among the "
             "companies that signed contracts were Alfa Works Ltd, Borva Systems Inc and Cetra Marine SA.")
    assert sorted(sorted(parties) for parties, _ in agreements_of(story)) == [
        [k, "Ministry of Defence"] for k in ("Alfa Works Ltd", "Borva Systems Inc", "Cetra Marine SA")]
    # those among the guests at a signing signed nothing
    assert agreements_of("Contracts\n\nChile's Ministry of Defence held a defence fair on Monday. Among the companies "
                         "that showed products were Alfa Works Ltd and Borva Systems Inc.") == []


def test_officers_who_received_diplomas_met_no_one():
    assert meetings_of("Graduation\n\nAt the closing ceremony, officers from many countries received diplomas, among "
                       "them the following Bolivian Army officers: Col Juan Ortega, Col Mateo Vidal and Col Luis "
                       "Parra.") == []
    assert meetings_of("Visit\n\nGeneral Juan Ortega received General Mateo Vidal in his office.") == [
        {"Juan Ortega", "Mateo Vidal"}]


def test_lines_under_a_lead_that_names_one_person_are_that_persons_meetings():
    story = ("Day in Brussels\n\nDuring the day Defence Minister Arno Kessel:\n\n- held a meeting with Latvian Defence "
             "Minister Ilze Berzina;\n\n- held a trilateral meeting with Jan Nowak and Klara Berger;\n\n- met NATO Deputy "
             "Secretary General Mira Hanska.")
    assert sorted(map(sorted, meetings_of(story))) == [["Arno Kessel", "Ilze Berzina"],
                                                      ["Arno Kessel", "Jan Nowak", "Klara Berger"],
                                                      ["Arno Kessel", "Mira Hanska"]]
    # lines under a lead that names two people stay their own
    two = ("Day\n\nMinister Arno Kessel and General Pavel Orlik:\n\n- met Latvian Defence Minister Ilze Berzina.")
    assert not any("Arno Kessel" in m and "Pavel Orlik" not in m for m in meetings_of(two))


def test_who_heads_a_delegation_at_or_comes_to_attend_the_session_told_joins_it():
    story = ("Council\n\nMinister Arno Kessel arrived in Vienna today to take part in the session of the Central European "
             "Defence Council. Defence Minister Ilze Berzina headed the Latvian delegation at the session. Hungarian "
             "Defence Minister Pavel Orlik also arrived to attend the session.")
    assert meetings_of(story) == [{"Arno Kessel", "Ilze Berzina", "Pavel Orlik"}]


def test_he_is_not_the_one_the_sentence_before_met():
    story = ("Visit\n\nThe Chief of the General Staff, who began an official visit today, spoke to journalists after a "
             "meeting with Latvia's Minister of Defence, Ilze Berzina. Before that he had met his Latvian counterpart, "
             "Pavel Orlik, and laid a wreath.")
    assert not any(m == {"Ilze Berzina", "Pavel Orlik"} for m in meetings_of(story))
    # he is the one the sentence before is about
    assert meetings_of("Visit\n\nGeneral Arno Kessel arrived in Riga on Monday. Later he met Defence Minister Ilze "
                       "Berzina.") == [{"Arno Kessel", "Ilze Berzina"}]


def test_the_state_a_body_is_written_with_is_no_party_of_its_own():
    story = ("Agreements\n\nThe Ministry of Defence (MINDEF) of the Republic of Cyprus and the Hellenic Navy have entered "
             "into two agreements to strengthen search and rescue operations in both countries.")
    assert [parties for parties, _ in agreements_of(story)] == [{"Ministry of Defence", "Hellenic Navy"}]


def test_a_family_name_in_capitals_after_an_honorific():
    facts = facts_of("Talks\n\nThe President of the foundation, Mr Kenji TAKEDA, met General Budi Santoso in Jakarta.")
    assert {"Kenji TAKEDA", "Budi Santoso"} <= names(facts, PERSON)


def test_a_meeting_word_in_a_documents_name_is_no_meeting():
    story = ("Signing\n\nGeneral Budi Santoso and Admiral Kenji Takeda put their signatures to a Memorandum of "
             "Understanding on Security and Defence Dialogue Exchange in Jakarta.")
    assert meetings_of(story) == []


def test_a_retired_rank_titles_the_name_after_it():
    story = ("Follow-up\n\nLieutenant General Budi Santoso opened the session. The programme follows up a meeting held "
             "in Jakarta between then Deputy Minister Lt Gen (ret.) Agus Wirawan and former Japanese minister Taro Kono.")
    assert {"Agus Wirawan", "Taro Kono"} in meetings_of(story)
    assert not any("Budi Santoso" in m for m in meetings_of(story))


def test_cadres_are_trainees():
    assert trainings_of("Course\n\nThe cadres of the Cambodian army sent to study at the Military Academy of Laos "
                        "finished their course.") == {("Laos", "Cambodia")}


def test_a_company_commissioned_to_supply_holds_a_contract():
    story = ("Contract\n\nPeru's Ministry of Defence has commissioned the company Alfa Works Ltd to supply heavy off-road "
             "trucks for 11 million euros.")
    assert [parties for parties, _ in agreements_of(story)] == [{"Ministry of Defence", "Alfa Works Ltd"}]
    # a ship commissioned into service is no contract
    assert agreements_of("Ship\n\nThe Peruvian Navy commissioned the frigate Almirante Grau into service on Monday.") == []


def test_a_school_of_no_state_said_trains_no_one_named():
    assert trainings_of("Academy\n\nDepartment 3 of the Naval Academy, the unit that trains officers for the Royal "
                        "Thai Navy, said that Thai cadres and cadets have made great efforts.") == set()
    # a school whose state is said trains as that state
    assert trainings_of("Academy\n\nThe Vietnamese Naval Academy trains Thai cadets.") == {("Vietnam", "Thailand")}


def test_a_missions_name_holds_the_state_it_is_in():
    facts = facts_of("Mission\n\nThe European Union Military Assistance Mission in Somalia trained 25 officers of the "
                     "Somali National Army.")
    assert "European Union Military Assistance Mission in Somalia" in names(facts, AGENCY)
    assert trainings_of("Mission\n\nThe European Union Military Assistance Mission in Somalia trained 25 officers of "
                        "the Somali National Army.") == {("European Union Military Assistance Mission in Somalia", "Somalia")}


def test_the_forces_a_schools_name_is_of_are_no_trainees():
    story = ("Visit\n\nHe toured the General Staff Academy of the Armed Forces of the Russian Federation, where Laotian "
             "service members from all three branches are being trained.")
    assert trainings_of(story) == {("Russia", "Laos")}


def test_near_misses_of_the_days_classes_stay_as_they_were():
    """Sentences a reviewer wrote to look like the day's classes that must not take them (each was wrong once)."""
    # two who spoke on a day, or about a topic by phone, spoke with each other
    assert meetings_of("Call\n\nDefence Minister Arno Kessel and Defence Minister Ilze Berzina spoke on Tuesday, the "
                       "ministry said.") == [{"Arno Kessel", "Ilze Berzina"}]
    assert meetings_of("Call\n\nArno Kessel and Ilze Berzina spoke about the border by phone on Tuesday.") == [
        {"Arno Kessel", "Ilze Berzina"}]
    # a treaty organisation's name is no document's
    assert meetings_of("Kyiv\n\nCollective Security Treaty Organization Secretary General Pavel Orlik met President "
                       "Arno Kessel in Minsk on Monday.") == [{"Pavel Orlik", "Arno Kessel"}]
    # one in town to attend a summit who meets someone has a meeting of their own
    story = ("Talks\n\nArno Kessel met Ilze Berzina on Monday. President Pavel Orlik, in Riga to attend the summit, met "
             "Speaker Jan Nowak on Tuesday.")
    assert sorted(map(sorted, meetings_of(story))) == [["Arno Kessel", "Ilze Berzina"], ["Jan Nowak", "Pavel Orlik"]]
    # one who will attend a summit later joins no meeting
    assert meetings_of("Talks\n\nArno Kessel met Ilze Berzina on Tuesday. President Pavel Orlik will attend the summit "
                       "in July.") == [{"Arno Kessel", "Ilze Berzina"}]
    # a guest of honour at an academy is no trainee
    assert trainings_of("Parade\n\nGhana's Chief of Defence Staff will attend the Royal Military Academy Sandhurst in the "
                        "UK next week as guest of honour.") == set()
    # an agreement that lets two sides exchange intelligence leaves a one-way training as it is
    assert trainings_of("Kenya\n\nBritain will train 200 Kenyan officers a year under the new agreement, which also "
                        "allows the two sides to exchange intelligence.") == {("United Kingdom", "Kenya")}
    # weapons that arrive are named by what they comprise, not by their kind ("They comprise A, B")
    assert {k for _, _, k, _ in transfers_of("Report\n\nTwenty armoured vehicles from China reached the Ghana Army on "
                                             "Monday. They comprise KX4 tanks and KH5 howitzers.")} <= {"KX4", "KH5"}
    # tanks that arrive for an exercise are still their army's
    assert transfers_of("Exercise\n\nForty tanks arrived in Estonia from Britain on Friday to take part in NATO "
                        "exercises.") == set()
    # a spokesman's lead line is no participant of the meetings listed under it
    assert meetings_of("Talks\n\nMinistry spokesman Colonel Pavel Orlik told reporters:\n\n- Defence Minister Arno "
                       "Kessel met Defence Minister Ilze Berzina on Tuesday;") == [{"Arno Kessel", "Ilze Berzina"}]
    # firms that won awards at a fair signed nothing
    assert agreements_of("Fair\n\nThe Polish Armament Agency signed contracts worth 2 billion zlotys during the fair. "
                         "Among the firms that won awards at the fair were Alfa Works Ltd and Borva Systems Inc.") == []
