"""Shapes of the eighty-first to eighty-fourth real-news studies and of the eighty-sixth batch, written again with
invented wording."""

from defgraph.extract.model import PERSON
from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def parties_of(body: str) -> list[set[str]]:
    return [parties for parties, _ in agreements_of(body)]


def test_a_roster_of_military_professionals_on_a_states_course_is_trained_by_that_state():
    story = ("Officers on a UK staff course visit Chile\n\n"
             "A group of 20 foreign officers has ended in Santiago its week on the United Kingdom's Advanced Command "
             "and Staff Course (ACSC).\n\n"
             "The course is run by the Defence Academy. Its students are majors and colonels.\n\n"
             "The group includes professionals from six countries: Ghana, Japan, Kenya, Norway, Oman and Peru.")
    assert trainings_of(story) == {("United Kingdom", k) for k in ("Ghana", "Japan", "Kenya", "Norway", "Oman", "Peru")}


def test_calls_a_host_received_told_one_by_one_after_the_lead():
    story = ("Secretary-General receives two envoys\n\n"
             "JAKARTA, Defnews.id – The Secretary-General of the Ministry of Defence of the Republic of Indonesia "
             "(Sekjen Kemhan RI), Lt. Gen. Arif Sutomo, was paid courtesy calls by two senior officers on Friday.\n\n"
             "The first meeting was with Lieutenant General Paul Brennan, Deputy Commander of the UN Command, from "
             "Canada.\n\n"
             "\"Our two countries share an interest in a stable region,\" Lt. Gen. Arif Sutomo said.\n\n"
             "The next visitor was Lieutenant General Jonas Weller, Commander of the Air Component Command, from "
             "Germany.")
    assert meetings_of(story) == [{"Arif Sutomo", "Paul Brennan"}, {"Arif Sutomo", "Jonas Weller"}]


def test_a_school_that_receives_or_has_passed_students_of_states_teaches_them():
    assert trainings_of("This year the Higher War College of Brazil receives four foreign students, officers from "
                        "Kenya, Peru and Vietnam.") == {("Brazil", "Kenya"), ("Brazil", "Peru"), ("Brazil", "Vietnam")}
    assert trainings_of("Since 1998 more than 200 students have passed through the Higher War College in Brazil, "
                        "officers of countries such as Ghana, Chile and Nepal.") == {
        ("Brazil", "Ghana"), ("Brazil", "Chile"), ("Brazil", "Nepal")}


def test_states_people_a_force_has_in_its_schools_are_trained_by_its_state():
    assert trainings_of("The Chilean Air Force has Uruguayans, Ecuadorians and Hondurans in its flying schools.") == {
        ("Chile", "Uruguay"), ("Chile", "Ecuador"), ("Chile", "Honduras")}


def test_personnel_in_a_state_to_give_training_train_it():
    assert trainings_of("Chinese military officers are in Zimbabwe to conduct training on the handling of the "
                        "equipment.") == {("China", "Zimbabwe")}
    assert trainings_of("Turkish instructors are in Somalia to train crews on the new boats.") == {("Turkey", "Somalia")}


def test_trainers_of_one_state_in_the_next_sentence_train_the_states_listed():
    assert trainings_of("The course in Lome trained 30 signals officers coming from Ghana, Gabon and Chad. Twelve "
                        "Belgian instructors gave the signals training to the African officers.") == {
        ("Belgium", "Ghana"), ("Belgium", "Gabon"), ("Belgium", "Chad")}
    assert trainings_of("The course in Lome trained 30 signals officers from Ghana, Gabon and Chad. It was run by "
                        "Belgian instructors.") == {("Belgium", "Ghana"), ("Belgium", "Gabon"), ("Belgium", "Chad")}


def test_who_sent_an_invitation_or_a_letter_takes_no_part():
    assert meetings_of("Defence Minister Tariq Haddad received the Jordanian ambassador, Sami Nasser, on Sunday. The "
                       "ambassador conveyed an invitation from the Jordanian Minister of Defence, Faisal Qasem, to "
                       "visit Amman.") == [{"Tariq Haddad", "Sami Nasser"}]
    assert meetings_of("Defence Minister Tariq Haddad received the Iraqi ambassador Nabil Rawi, who handed him a letter "
                       "from the Iraqi Defence Minister, Saad Jaber.") == [{"Tariq Haddad", "Nabil Rawi"}]


def test_one_who_also_attended_the_meeting_in_a_relative_clause_joins_it():
    assert meetings_of("President Ramon Lacs received Japan's Defence Minister Kenji Sato on Monday. In the meeting, "
                       "which was also attended by Defence Minister Ernesto Cruz, the two sides discussed maritime "
                       "security.") == [{"Ramon Lacs", "Kenji Sato", "Ernesto Cruz"}]


def test_a_rank_qualified_in_brackets_with_commas_titles_the_name():
    story = ("The Chief of Staff, Major General (Staff, Engineer) Khalid Nasser Otaibi, met visiting British Air "
             "Marshal Peter Lane on Sunday.")
    assert "Khalid Nasser Otaibi" in names(facts_of(story), PERSON)
    assert meetings_of(story) == [{"Khalid Nasser Otaibi", "Peter Lane"}]


def test_signatories_for_each_side_of_a_document_told_before_sign_that_one():
    assert parties_of("Kenya's Ministry of Defence signed a memorandum with Morocco on Wednesday. The memorandum was "
                         "signed for the Kenyan side by Permanent Secretary Ivo Kral and for the Moroccan side by Major "
                         "General Piet Osk.") == [{"Ministry of Defence", "Morocco"}]


def test_signatories_for_each_side_set_off_with_their_posts_sign_the_document_told_before():
    assert parties_of("The defence ministries of Oman and Jordan on Wednesday signed the annex on training to the "
                      "memorandum of understanding between the two countries. The agreement was signed for the Omani side "
                      "by Air Commodore Nasser Saadi, Assistant Chief of Staff of the Sultan's Armed Forces for Training "
                      "and Joint Exercises, and for the Jordanian side by Brigadier General Kayed Jaarat, Director of "
                      "Military Training.") == [{"Oman", "Jordan"}]


def test_contracts_signed_with_the_heads_of_companies_are_the_companies():
    assert parties_of("Chile's Deputy Defence Minister, Anton Belko, signed three contracts with the chief "
                         "executives of the French company Thales, the Korean company Hanwha Aerospace and the Italian "
                         "company Leonardo.") == [{"Anton Belko", "Thales"}, {"Anton Belko", "Hanwha Aerospace"},
                                                  {"Anton Belko", "Leonardo"}]


def test_a_document_titled_with_its_parties_is_between_them():
    assert parties_of("Chilean Defence Minister Ivo Kral and his Peruvian counterpart Lena Holm signed a document "
                         "titled \"Arrangement on Defence Cooperation between the Ministry of Defence of Chile and the "
                         "Ministry of Defence of Peru\".") == [{"Ministry of Defence of Chile", "Ministry of Defence of Peru"}]
    assert parties_of("Chilean Defence Minister Ivo Kral and his Peruvian counterpart Lena Holm signed a document "
                         "titled 'Arrangement on Defence Cooperation between Chile and Peru'.") == [{"Chile", "Peru"}]


def test_a_counted_model_with_a_code_or_after_its_maker_names_the_item():
    assert {(s, r, e) for s, r, e, _ in transfers_of(
        "Australia handed over 2 Toyota Hilux 4x4 vehicles and 1 Changlin GD555 wheeled graders to Vietnam.")} == {
        ("Australia", "Vietnam", "Toyota Hilux"), ("Australia", "Vietnam", "Changlin GD555")}
    assert {e for _, _, e, _ in transfers_of("Japan delivered 35 BMC Neocity 8.5-metre diesel buses to Georgia.")} == {
        "BMC Neocity"}


def test_he_of_a_sentence_after_one_that_opens_with_he_is_the_one_written_about():
    story = ("Visit\n\nChile's Undersecretary of Defence, Ricardo Montero, paid an official visit to Colombia.\n\n"
             "He also met the Deputy Head of the UN Verification Mission in Colombia, Raul Rosende. In addition, he held "
             "talks with Senator Ariel Avila.")
    assert meetings_of(story) == [{"Ricardo Montero", "Raul Rosende"}, {"Ricardo Montero", "Ariel Avila"}]


def test_talks_held_with_someone_by_no_one_named_are_the_visitors():
    story = ("Talks in Bern\n\nThe Defence Policy Director, Dr Arnold Kammel, travelled to Bern on Monday.\n\n"
             "In addition, first talks were held with the newly appointed Head of International Relations, Divisionär "
             "Germaine Seewer.")
    assert meetings_of(story) == [{"Arnold Kammel", "Germaine Seewer"}]


def test_trainers_of_states_told_paragraphs_after_the_trainees_train_them():
    story = ("Ship ends first phase\n\n"
             "At the naval base, the ship and the staff aboard her graduated 65 partners, sailors of Benin, Ghana and "
             "Togo who had embarked for 20 days of training.\n\n"
             "\"Security at sea is a partnership,\" the commander said.\n\n"
             "Once aboard, the sailors spent 20 days in practical sessions given by Italian and U.S. training teams.")
    assert trainings_of(story) == {(p, t) for p in ("Italy", "United States") for t in ("Benin", "Ghana", "Togo")}


def test_more_trainers_or_trainees_of_the_training_told_just_before():
    assert trainings_of("Estonia has sent 12 instructors to Moldova to train Moldovan infantry. Besides Estonia, "
                        "instructors from Finland and Norway take part in the programme.") == {
        ("Estonia", "Moldova"), ("Finland", "Moldova"), ("Norway", "Moldova")}
    assert trainings_of("The Guardia Civil of Spain is training 300 police officers from Gambia. The gendarmeries of "
                        "France, Italy and Portugal also collaborate in this.") == {
        ("Spain", "Gambia"), ("France", "Gambia"), ("Italy", "Gambia"), ("Portugal", "Gambia")}
    assert trainings_of("Norwegian instructors trained Peruvian coast guard officers in boarding techniques. Officers "
                        "from the Chilean Navy and the Ecuadorian Coast Guard also participated in the training "
                        "course.") == {("Norway", "Peru"), ("Norway", "Chile"), ("Norway", "Ecuador")}


def test_who_sends_trainers_to_states_to_train_there_trains_each():
    assert trainings_of("Chile has sent instructors to Ghana, Togo and Benin to train their police.") == {
        ("Chile", "Ghana"), ("Chile", "Togo"), ("Chile", "Benin")}


def test_a_bodys_personnel_as_the_subject_of_training_train():
    assert trainings_of("US Army personnel trained Kenyan soldiers at Embakasi.") == {("United States", "Kenya")}
    assert trainings_of("US Army personnel were trained by Kenyan soldiers at Embakasi.") == {("Kenya", "United States")}


def test_so_far_between_the_words_of_a_trigger():
    assert {(s, r, e) for s, r, e, _ in transfers_of("Japan has so far given six Kaiyo-class patrol boats to Sri Lanka "
                                                      "since 2019.")} == {("Japan", "Sri Lanka", "Kaiyo-class")}


def test_a_signing_to_be_sped_up_is_not_yet_signed():
    assert parties_of("The two officials promised to speed up the signing of the Defence Cooperation Agreement between "
                      "the Republic of Ghana and the Republic of Liberia.") == []


def test_near_misses_of_the_days_classes_stay_as_they_were():
    # a state visited by a course's officers is no trainee
    assert trainings_of("Officers of a British staff course visited Chile last week.") == set()
    # instructors a body's states send still train as those states
    assert trainings_of("NATO instructors from Italy and Spain trained Iraqi officers.") == {("Italy", "Iraq"), ("Spain", "Iraq")}
    # a brand before its kind, with no model code, names the item with its kind
    assert {e for _, _, e, _ in transfers_of("The US delivered three Tidewater Ships patrol boats to Nigeria.")} == {
        "Tidewater Ships patrol boats"}
    # those in a state for training are trained there
    assert trainings_of("Ten Kenyan pilots are in the United States for training.") == {("United States", "Kenya")}
    # a visitor told after "the first meeting was" needs a host the story is about
    assert meetings_of("The first meeting was with General Paul Brennan of Canada.") == []
    # trainers in a later sentence that names another state too train no one listed before
    assert trainings_of("The course trained 30 officers from Ghana and Chad.\n\nIn Mali, French instructors gave "
                        "training to Malian troops.") == {("France", "Mali")}
    # sending trainers somewhere to do something else; a training two sentences back takes no more
    assert trainings_of("Chile has sent instructors to Ghana and Togo to attend a conference.") == set()
    assert trainings_of("Norwegian instructors trained Peruvian officers. The weather was fine. Officers from Chile "
                        "also participated in the training course.") == {("Norway", "Peru")}
    # the review's near-misses: a sender set off before the one who meets; a next meeting scheduled, a last one recalled
    assert meetings_of("Carrying a message from President Volodymyr Zelensky, Ukrainian Defence Minister Rustem Umerov met "
                       "Polish Defence Minister Wladyslaw Kosiniak-Kamysz in Warsaw.") == [
        {"Rustem Umerov", "Wladyslaw Kosiniak-Kamysz"}]
    assert meetings_of("Defence Minister Boris Pistorius met Rustem Umerov in Kyiv. The next meeting was scheduled for "
                       "October in Brussels, said ministry spokeswoman Anna Kowalska.") == [{"Boris Pistorius", "Rustem Umerov"}]
    assert meetings_of("Defence Minister Boris Pistorius met Rustem Umerov in Kyiv. The last meeting was in March, when "
                       "Chancellor Olaf Scholz visited Kyiv.") == [{"Boris Pistorius", "Rustem Umerov"}]
    # talks not held, or held by someone else
    assert meetings_of("Talks\n\nDefence Minister Boris Pistorius arrived in Kyiv. No talks were held with Defence "
                       "Minister Rustem Umerov.") == []
    assert meetings_of("Talks\n\nDefence Minister Boris Pistorius arrived in Kyiv. Talks were held with Defence Minister "
                       "Rustem Umerov by a delegation of German industry.") == []
    # trainees there to train, an exercise with the state's forces, a team sent to train on a system
    assert trainings_of("Ukrainian crews are in Poland to conduct training on Leopard 2 tanks.") == {("Poland", "Ukraine")}
    assert trainings_of("Ukraine has sent a team to the United States to train on the Patriot system.") == set()
    # help that is no teaching, onlookers of a course, a course of another time
    assert trainings_of("British instructors trained Ukrainian soldiers in Poland. Poland also helps with logistics.") == {
        ("United Kingdom", "Ukraine")}
    assert trainings_of("British instructors trained Ukrainian soldiers. Observers from Canada and Australia also attended "
                        "the training.") == {("United Kingdom", "Ukraine")}
    assert trainings_of("The course in Lome trained 30 signals officers from Ghana, Gabon and Chad. Last year, Belgian "
                        "instructors ran a separate demining course in Dakar.") == set()
    # no students; a state's civilian schools
    assert trainings_of("The Defence University of Ukraine has no students from Belarus.") == set()
    assert trainings_of("Poland now has many Ukrainians and Belarusians in its schools.") == set()
    # a document titled but only reviewed; a signing sped up that took place
    assert parties_of("Defence Minister Rustem Umerov and his Moldovan counterpart Anatolie Nosatii reviewed a document "
                      "titled 'Agreement between Ukraine and Moldova on Defence' before the signing was postponed.") == []
    assert parties_of("The visit helped fast-track the signing of a memorandum between Kenya and Turkey on 5 May.") == [
        {"Kenya", "Turkey"}]
    # a letter from someone met is no reason to drop them
    assert meetings_of("Defence Minister Tariq Haddad met Faisal Qasem, who handed him a letter.") == [
        {"Tariq Haddad", "Faisal Qasem"}]
