"""Shapes of the thirty-seventh, thirty-eighth and thirty-ninth real-news studies and of the s65/s66 story lines,
written again with invented names: a course told in one sentence and attended in a later one, a courtesy call on a
list of hosts, a team whose leader is named before, a meeting named for two states' defence ministers, a meeting
held by a name written possessive, a state that wages a war and the one it is waged on, a document signed in a
clause that says when, an acronym spelt out otherwise than the known body's, officers of the services of states
listed, graduates from several states, a supplier of its own systems, a general with his delegation, a body or a
base in a title, private meetings with counterparts named after their states, a meeting between two others, party
lists with short forms in brackets, cadets who passed out, a company described after its state's possessive, whose
purchase it is, a clause after "although", a visitor written as "he" or as a title, meetings that did not take place,
and a vague head after a kind. The guards beside each come from a review of the day's changes on a frozen copy."""

from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_a_course_told_before_is_given_by_the_state_named_with_it():
    assert trainings_of("A course for naval officers began today at the Indian Navy's Naval War College in Goa. "
                        "Officers from Bangladesh, Myanmar and Oman have arrived to attend the course.") == {
        ("India", "Bangladesh"), ("India", "Myanmar"), ("India", "Oman")}
    assert trainings_of("The National Defence College, India, is running its annual course. Three officers of the "
                        "Nepali Army are undergoing the ongoing course.") == {("India", "Nepal")}
    assert trainings_of("The Indian Army opened a course in Delhi. The course was attended by officers from Nepal and "
                        "Bhutan.") == {("India", "Nepal"), ("India", "Bhutan")}
    # a state the course is about runs nothing
    assert trainings_of("A course on countering Chinese disinformation began in Riga. Officers from Estonia and "
                        "Lithuania attended the course.") == set()
    # a course told before with two states, or none, gives no one state to give it; nor does a course of the
    # trainees' own state
    assert trainings_of("A course run by Kenya and Uganda began today in Nairobi. Officers from Rwanda have arrived "
                        "to attend the course.") == set()
    assert trainings_of("A course for Rwandan officers began today. Officers from Rwanda have arrived to attend "
                        "the course.") == set()


def test_a_courtesy_call_on_a_list_is_paid_by_the_delegations_leader():
    call = [{"Karan Mehta", "Ram Dahal", "Hari Khadka", "Bir Sharma"}]
    for subject in ("Air Vice Marshal Karan Mehta", "The delegation, led by Air Vice Marshal Karan Mehta,"):
        assert meetings_of(f"{subject} paid a courtesy call on the Prime Minister of Nepal Ram Dahal, Minister of "
                           "Defence Hari Khadka and Chief of Army Staff General Bir Sharma.") == call
    # the team's leader named before calls on whom the team calls on
    assert meetings_of("Air Vice Marshal Karan Mehta led a delegation to Kathmandu on Monday. The team called on "
                       "the Chief of Army Staff, Nepali Army Gen Bir Sharma.") == [{"Karan Mehta", "Bir Sharma"}]
    # a delegation of another state than the one the leader led is not his, nor is a new one
    assert meetings_of("Air Marshal Karan Mehta led a delegation to Nepal in 2022. The new delegation met General Bir "
                       "Sharma on Monday.") == []
    assert meetings_of("Lieutenant General Bir Sharma led the Nepali team to Delhi. The Indian delegation met Defence "
                       "Minister Hari Khadka.") == []
    # talks with several at once stay one meeting
    assert meetings_of("Air Vice Marshal Karan Mehta held talks with Minister of Defence Hari Khadka and Chief of "
                       "Army Staff General Bir Sharma.") == [{"Karan Mehta", "Hari Khadka", "Bir Sharma"}]


def test_a_meeting_named_for_two_states_ministers_or_held_by_a_name_written_possessive():
    assert meetings_of("Richard Marles announced the agreement following the 2nd Philippine-Australia Defense "
                       "Ministers Meeting in Makati City. Philippine Defense Secretary Gilberto Teodoro welcomed the "
                       "development.") == [{"Richard Marles", "Gilberto Teodoro"}]
    assert meetings_of("Officials said after Najib Razak's meeting with Chinese Premier Li Keqiang that two ships "
                       "will be built.") == [{"Najib Razak", "Li Keqiang"}]
    # a meeting named for two states' ministers of another portfolio than the counterpart's is none of his
    assert meetings_of("Richard Marles announced the agreement following the Australia-India Defence Ministers "
                       "Dialogue. Indian Army chief General Upendra Dwivedi welcomed it.") == []
    # a company's meeting names no person, nor do talks of a company or a region
    assert names(facts_of("Central Java's talks with Jakarta continued, said Governor Ahmad Luthfi."), "Person") == {
        "Ahmad Luthfi"}
    f = facts_of("Lockheed Martin's meeting with Defence Minister Jan Kowal went well.")
    assert names(f, "Person") == {"Jan Kowal"}


def test_a_state_that_wages_a_war_is_no_party_to_what_the_sentence_tells():
    assert trainings_of("After the start of the Russian war of aggression against Ukraine, the federal government "
                        "decided last year to train soldiers from Ukraine.") == set()
    assert transfers_of("Since Russia's full-scale invasion in 2022, Germany has delivered 18 Leopard 2 tanks to "
                        "Ukraine.") == {("Germany", "Ukraine", "Leopard 2", "delivered")}
    # a state named otherwise in the sentence still takes part, and so does one before a war written otherwise
    assert transfers_of("Russia delivered S-400 systems to India in 2021.") == {("Russia", "India", "S-400", "delivered")}
    assert transfers_of("Germany has delivered 18 Leopard 2 tanks to Ukraine since the invasion began.") == {
        ("Germany", "Ukraine", "Leopard 2", "delivered")}
    assert transfers_of("Iran has supplied Shahed-136 drones to Russia for its attacks on Ukraine.") == {
        ("Iran", "Russia", "Shahed-136", "delivered")}
    # the state a war is waged on, in that phrase, is background too
    assert transfers_of("Russia's invasion of Ukraine pushed Finland to order 64 F-35A fighters from the United "
                        "States.") == {("United States", "Finland", "F-35A", "ordered")}


def test_a_document_signed_in_a_clause_that_says_when_is_of_that_clauses_parties():
    assert agreements_of("Japan is delivering two patrol boats to Malaysia, just two weeks after Kuala Lumpur signed a "
                         "deal to buy four coastal vessels from China.") == [({"Malaysia", "China"}, "agreement")]
    # a phrase that says when, not a clause, leaves the subject its signature
    assert agreements_of("Japan, after years of talks, signed an agreement with Malaysia.") == [
        ({"Japan", "Malaysia"}, "agreement")]


def test_an_acronym_the_article_spells_out_otherwise_is_not_the_known_body():
    f = facts_of("The Coast Guard manages the Excess Defense Articles (EDA) program. The EDA transfer of three "
                 "Island-class patrol boats to Colombia was completed.")
    assert not any(k.endswith("european-defence-agency") for k in f.entities)
    assert not any(e.supplier for e in f.events)
    assert names(facts_of("The European Defence Agency (EDA) runs the project. The EDA said so."), "Agency") >= {
        "European Defence Agency"}


def test_officers_of_the_services_of_states_listed_and_graduates_from_each_are_all_trained():
    assert trainings_of("Among the group of students are officers of the navies of Belize, Canada and Peru, who will be "
                        "trained by instructors of the Colombian Navy.") == {
        ("Colombia", "Belize"), ("Colombia", "Canada"), ("Colombia", "Peru")}
    assert trainings_of("Officers of the navies of Belize, Canada and Peru will be trained by instructors of the Coast "
                        "Guard School.") == set()
    assert trainings_of("In September 2017, 35 marines, two of them from the Salvadoran Naval Force and two from the "
                        "Nicaraguan Army, graduated from the Honduran CAIMAN course.") == {
        ("Honduras", "El Salvador"), ("Honduras", "Nicaragua")}
    # a state something else comes from is no graduates' state
    assert ("Somalia", "United States") not in trainings_of(
        "With funding from the United States, 150 Somali soldiers graduated from Turkey's training camp in Mogadishu.")


def test_a_supplier_of_its_own_systems_supplies_no_system_another_state_makes():
    assert transfers_of("South Korean company Hanwha delivered ten K9 howitzers to India. The Indian Army also took "
                        "delivery of the first M777A2 howitzers.") == {("South Korea", "India", "K9", "delivered")}
    # "it" is the state before, whatever it gives
    assert transfers_of("The United States delivered HIMARS to Ukraine. It also delivered Leopard 1 tanks purchased from "
                        "Germany.") == {("United States", "Ukraine", "HIMARS", "delivered"),
                                        ("United States", "Ukraine", "Leopard 1", "delivered")}
    # a state that gave systems made elsewhere may give more of them
    assert transfers_of("Poland delivered 30 T-72 tanks to Ukraine. The Ukrainian Army also took delivery of 10 BMP-1 "
                        "vehicles.") == {
        ("Poland", "Ukraine", "T-72", "delivered"), ("Poland", "Ukraine", "BMP-1", "delivered")}


def test_a_general_and_his_delegation_are_no_delegation_of_the_meeting_before():
    assert meetings_of("A communique of the Ministry of National Defence said yesterday that on the fourth and last day "
                       "of his official visit to France, on Thursday, General Said Amrani, Chief of Staff of the National "
                       "Army, met the Chief of Staff of the French Armed Forces, General Thierry Morel, to examine the "
                       "prospects of cooperation.\n\nAccording to the same source, the General went the day before, "
                       "Wednesday, to the military schools of Saumur, where he was received by the Commander of the "
                       "military schools, Brigadier General Emile Charron. Afterwards, units of the French forces rendered "
                       "him military honours at the Cavalry school. The communique indicated that the General and his "
                       "delegation then followed a general presentation on training at the school before visiting its "
                       "departments.") == [{"Said Amrani", "Thierry Morel"}]


def test_a_body_or_a_base_in_a_title_is_no_person_and_one_present_during_the_meeting_attends_it():
    f = facts_of("Ambassador Nong Rui called on General Qamar Javed Bakhsh at GHQ on Tuesday. Lieutenant General Faiz "
                 "Hamidi, Director General Inter Services Intelligence, was also present during the meeting.")
    assert names(f, "Person") == {"Nong Rui", "Qamar Javed Bakhsh", "Faiz Hamidi"}
    assert meetings_of("Ambassador Nong Rui called on General Qamar Javed Bakhsh at GHQ on Tuesday. Lieutenant General "
                       "Faiz Hamidi, Director General Inter Services Intelligence, was also present during the "
                       "meeting.") == [{"Nong Rui", "Qamar Javed Bakhsh", "Faiz Hamidi"}]
    f = facts_of("General Kenneth Wills paid a courtesy call on General Kamal Perera. The visiting General is the "
                 "Executive Director of the Pacific Air Combat Operations Staff, Joint Base Pearl Harbor-Hickam, Hawaii.")
    assert names(f, "Person") == {"Kenneth Wills", "Kamal Perera"}


def test_private_meetings_with_counterparts_each_named_after_their_state():
    f = facts_of("Defence Minister Panos Kamenos had private meetings with his counterparts from France, Florence "
                 "Parlier, from Bulgaria, Krassimir Karakov, and from Armenia, David Tonoyants.")
    assert meetings_of("Defence Minister Panos Kamenos had private meetings with his counterparts from France, Florence "
                       "Parlier, from Bulgaria, Krassimir Karakov, and from Armenia, David Tonoyants.") == [
        {"Panos Kamenos", "Florence Parlier"}, {"Panos Kamenos", "Krassimir Karakov"}, {"Panos Kamenos", "David Tonoyants"}]
    assert {e.name: e.country for e in f.entities.values() if e.family == "Person"}["Krassimir Karakov"] == "Country:bulgaria"


def test_a_meeting_between_two_named_after_it_is_theirs_alone():
    assert meetings_of("The German Deputy Minister of Defence, Thomas Hessler, is visiting Morocco. Minister Thomas "
                       "Hessler's visit to Morocco comes one week after the meeting in Rabat between the President of "
                       "the German Federal Criminal Police Office, Holger Mank, and the Director General of the Surete "
                       "Nationale, Abdellatif Hamdi.") == [{"Holger Mank", "Abdellatif Hamdi"}]
    # one meeting told twice stays one, without whoever tells of it
    assert meetings_of("Defence Minister Boris Pistor met Defence Minister Rustem Umarov in Kyiv on Tuesday; the talks "
                       "between Boris Pistor and Rustem Umarov covered air defence, said General Carsten Breuning.") == [
        {"Boris Pistor", "Rustem Umarov"}]
    # a meeting of the sentence's own stays apart from the one between two others
    assert sorted(map(sorted, meetings_of("Defence Minister Richard Marles met Defence Minister Minoru Kihara on Monday, "
                                          "days after talks between Secretary Pete Hegseth and Admiral Dong Jun."))) == [
        ["Dong Jun", "Pete Hegseth"], ["Minoru Kihara", "Richard Marles"]]


def test_a_party_list_goes_on_past_short_forms_in_brackets():
    assert agreements_of("On Monday, the MoD signed a tripartite MoU with Kestrel Limited, Bharat Optics Limited (BOL), "
                         "and Mishra Dhatu Metals Limited (MIDMET).") == [
        ({"MoD", "Kestrel Limited", "Bharat Optics Limited", "Mishra Dhatu Metals Limited"}, "memorandum")]


def test_cadets_who_passed_out_from_a_states_academy_are_trained_by_it():
    assert trainings_of("As many as 14 cadets from Afghanistan, Bhutan and Vietnam also passed out from India's National "
                        "Defence Academy.") == {("India", "Afghanistan"), ("India", "Bhutan"), ("India", "Vietnam")}
    assert trainings_of("The cadets passed out from India's National Defence Academy on Friday. The foreign cadets are "
                        "from Bhutan and Vietnam.") == {("India", "Bhutan"), ("India", "Vietnam")}


def test_a_state_written_as_the_owner_of_a_described_company_only_says_whose_it_is():
    assert transfers_of("Turkey's land vehicles manufacturer Katmer has signed a contract with Kenya for 118 Hizir "
                        "vehicles.") == {("Turkey", "Kenya", "Hizir", "ordered")}
    assert agreements_of("Turkey's land vehicles manufacturer Katmer has signed an export deal with an undisclosed African "
                         "country.") == []
    # contracts with each of several, short forms in brackets after them
    assert agreements_of("The Ministry of Defence signed contracts with Kestrel Optics Limited (KOL) and Hindustan "
                         "Avionics Limited (HAVL) for radars.") == [
        ({"Ministry of Defence", "Kestrel Optics Limited"}, "contract"),
        ({"Ministry of Defence", "Hindustan Avionics Limited"}, "contract")]
    # a state in brackets after a company only says whose it is
    assert agreements_of("Indonesia signed contracts with Naval Group (France), and Fincantieri (Italy) for six "
                         "frigates.") == [({"Indonesia", "Naval Group"}, "contract"), ({"Indonesia", "Fincantieri"}, "contract")]


def test_whose_purchase_it_is_is_no_source_and_a_clause_after_although_is_its_own():
    body = ("The army ordered six SPYDER-SR fire units from Rafael. Officials described it as a distinct programme from "
            "the Royal Thai Air Force's purchase of four SPYDER MR batteries ordered last November, although the two "
            "services intend to share a joint stock of Python-5 missiles.")
    assert transfers_of(body) == {("Israel", "Thailand", "SPYDER-SR", "ordered"), ("Israel", "Thailand", "SPYDER MR", "ordered")}


def test_a_visitor_written_as_he_or_as_a_title_alone_meets_whom_the_sentence_names():
    assert meetings_of("Vice Admiral Mark Hamlin, Chief of Navy, is on a visit to India. He interacted with Navy Chief "
                       "Admiral R Hari Kumaran and met Chief of Defence Staff Anil Chauhar today.") == [
        {"Mark Hamlin", "R Hari Kumaran"}, {"Mark Hamlin", "Anil Chauhar"}]
    assert meetings_of("Admiral R Hari Kumaran visited the Maldives. The Naval Chief called on President Ibrahim Soli, "
                       "Defence Minister Mariya Dido and Major General Abdulla Shamal.") == [
        {"R Hari Kumaran", "Ibrahim Soli", "Mariya Dido", "Abdulla Shamal"}]
    # a title of another state is not the visitor's; "interacted with" alone is no meeting (cadets, troops)
    assert meetings_of("Japanese Defence Minister Gen Nakano visited Manila on Tuesday. The Philippine defence secretary "
                       "met US Secretary of Defense Pete Hegseth the next day.") == []
    assert meetings_of("General Upendra Dwivedi and Admiral Dinesh Tripathi interacted with the cadets.") == []


def test_a_meeting_that_did_not_take_place_is_none():
    assert meetings_of("General Wei Lang did not meet Army chief General Deepak Kapur.") == []
    assert meetings_of("General Wei Lang met Air Chief Marshal P V Naique and Admiral Nirmal Verman. The delegation "
                       "could not meet Army chief General Deepak Kapur.") == [{"Wei Lang", "P V Naique", "Nirmal Verman"}]
    # "not only", "not merely" say more than one was met
    assert meetings_of("General Wei Lang not merely met Admiral Nirmal Verman.") == [{"Wei Lang", "Nirmal Verman"}]
    assert meetings_of("General Wei Lang not only met Admiral Nirmal Verman but also General Deepak Kapur.") == [
        {"Wei Lang", "Nirmal Verman", "Deepak Kapur"}]


def test_a_vague_head_takes_the_class_of_a_kind_before_it_only_where_the_words_between_name_a_part():
    from defgraph.extract.resolve.kit import kit_class
    assert [kit_class(k) for k in ("radar control systems", "missile launch systems", "drone detection systems",
                                   "aircraft maintenance equipment")] == ["Radar", "Missile", "Equipment", "Equipment"]
    assert names(facts_of("Director of National Intelligence Tulsi Gabbard met Admiral Jan Kowal."), "Person") == {
        "Tulsi Gabbard", "Jan Kowal"}
