"""Shapes of the sixty-seventh and sixty-eighth real-news studies and of the seventy-eighth batch, written again
with invented wording."""

from defgraph.extract.model import AGENCY, EQUIPMENT, PERSON
from tests.test_extract import facts_of, meetings_of, names, transfers_of, trainings_of


def test_a_states_body_named_by_no_name_takes_its_role_for_the_state():
    # "India's defence ministry" is no entity: the state stands for it, as subject, behind "of" and after "by"
    for text in ("Representatives of India's defence ministry today handed over to the Tajik side one Mi-8 helicopter.",
                 "Officials of India's defence ministry handed one Mi-8 helicopter to Tajikistan.",
                 "One Mi-8 helicopter was handed over to Tajikistan by India's defence ministry."):
        assert {t[:3] for t in transfers_of(text)} == {("India", "Tajikistan", "Mi-8")}, text
    # a state qualifying something that is no body takes no role ("India's request")
    assert {t[:2] for t in transfers_of("Russia handed one Mi-8 helicopter to Tajikistan at India's request.")} == {
        ("Russia", "Tajikistan")}


def test_foreign_trainees_of_a_course_that_ended_are_trained_by_the_courses_state():
    story = ("End of course for the 40th staff class\n\n"
             "On 3 May General Jean Dupré presided over the closing ceremony of the 40th staff class. The course "
             "prepares French Army captains for service on staffs; 60 French officers were awarded their diploma.\n\n"
             "Twelve foreign officers belonged to this class (Benin, Chad, Georgia and Mexico).")
    assert trainings_of(story) == {("France", "Benin"), ("France", "Chad"), ("France", "Georgia"), ("France", "Mexico")}


def test_international_cadets_who_came_from_states_are_trained_by_the_state_of_their_college():
    story = ("Parade marks the end of training for new naval officers\n\n"
             "Ninety new officers celebrated finishing their training at the Kestrel Naval College, and were "
             "commissioned into the Royal Navy.\n\n"
             "Six international cadets, who trained alongside their UK counterparts, also marched: they came from "
             "Egypt, the Qatari Emiri forces, Albania and Libya, and from the Philippines.")
    assert trainings_of(story) == {("United Kingdom", s) for s in ("Egypt", "Qatar", "Albania", "Libya", "Philippines")}


def test_a_roster_of_foreign_trainees_with_no_course_told_trains_no_one():
    assert trainings_of("Twelve foreign officers attended the air show (Benin, Chad, Georgia and Mexico), the French "
                        "ministry said.") == set()


def test_a_known_bodys_one_word_name_after_a_titled_given_name_ends_a_persons_name():
    assert meetings_of("Defence Minister Jaques Wagner and Germany's deputy defence minister, Ralf Brauksiepe, met on "
                       "Thursday.") == [{"Jaques Wagner", "Ralf Brauksiepe"}]
    # and the same word after a rank later in the article is that person
    assert meetings_of("The commander of the training centre, Major General Norbert Wagner, arrived in Tbilisi. General "
                       "Wagner was received by the Chief of Defence Forces, Major General Giorgi Matiashvili.") == [
        {"Norbert Wagner", "Giorgi Matiashvili"}]
    # the body itself, after no given name, stays a body
    assert "Wagner" not in names(facts_of("Fighters of the Wagner group were seen in Mali."), PERSON)


def test_courtesy_visits_and_calls_in_the_plural_are_meetings_with_each_in_turn():
    assert meetings_of("General John Doe, Chief of the Army, paid courtesy visits to Singapore's Chief of Defence Force, "
                       "Lieutenant General Melvyn Ong, and to the Chief of the Singapore Army, Major General David Neo.") == [
        {"John Doe", "Melvyn Ong"}, {"John Doe", "David Neo"}]
    assert meetings_of("General John Doe, Chief of the Army, paid courtesy calls on Lieutenant General Melvyn Ong and "
                       "Major General David Neo.") == [{"John Doe", "Melvyn Ong"}, {"John Doe", "David Neo"}]
    # those called on one at a time by someone the sentence does not name do not meet each other
    assert meetings_of("Sunday also saw him pay courtesy calls on President Ram Paudel, Prime Minister Sher Oli and "
                       "Defence Minister Hari Dahal.") == []


def test_a_title_written_by_its_initials_after_the_is_the_person_who_holds_it():
    assert meetings_of("General John Doe, Chief of the Army (COA), travelled to Singapore today. The COA's round of calls "
                       "opened with a courtesy call on Singapore's Minister for Defence, Dr Ng Eng Hen.") == [
        {"John Doe", "Ng Eng Hen"}]


def test_a_ships_name_holds_its_middle_initial_and_the_known_system_it_spells():
    found = names(facts_of("The former USS Robert G. Bradley was sold to Bahrain in 2014."), EQUIPMENT)
    assert found == {"USS Robert G. Bradley"}


def test_the_agent_of_a_verb_conjoined_to_train_trains_too():
    assert trainings_of("Djibouti's Rapid Intervention Battalion, trained and equipped by the U.S. military, will receive "
                        "new trucks.") == {("United States", "Djibouti")}


def test_a_name_written_family_name_first_is_referred_to_by_its_first_word():
    assert meetings_of("Wei Fenghe, Minister of Defence of China, was in Nepal today. Wei also held a meeting with the "
                       "Chief of the Nepali Army, General Purna Chandra Thapa.") == [{"Wei Fenghe", "Purna Chandra Thapa"}]
    # a short first word alone, where it does not open a clause about meeting, is no one
    assert meetings_of("Wei Fenghe, Minister of Defence of China, was in Nepal today. The Wei river flooded. General "
                       "Purna Chandra Thapa said the talks went well.") == []


def test_officers_enrolled_at_a_states_school_are_trained_by_that_state():
    assert trainings_of("Field-grade officers from China, Uganda and Ethiopia have enrolled at the Korean Joint Forces "
                        "Military University for the first time.") == {
        ("South Korea", "China"), ("South Korea", "Uganda"), ("South Korea", "Ethiopia")}


def test_a_makers_name_and_a_number_before_a_kind_name_one_model_and_count_nothing():
    facts = facts_of("Russia delivered two Ilyushin 76 transport aircraft to Mali.")
    assert [(facts.entities[e.equipment[0]].name, e.quantity) for e in facts.events if e.cls == "Transfer"] == [
        ("Ilyushin 76", 2)]
    # a measure after a maker is no model ("155 mm shells")
    assert {t[2] for t in transfers_of("Rheinmetall 155 mm shells arrived in Ukraine from Germany.")} == {"155 mm shells"}


def test_a_family_name_of_two_words_in_capitals_ends_a_name_after_a_title_or_counterpart():
    assert meetings_of("Defence Minister Jane Roe met her counterpart Ahmed Fathi IBRAHIM KHALIFA in Cairo.") == [
        {"Jane Roe", "Ahmed Fathi IBRAHIM KHALIFA"}]


def test_one_name_after_a_title_and_dotted_honorifics_or_after_counterpart_is_a_person():
    assert meetings_of("Defence Minister Hon. Dr. Stergomena met her visiting counterpart Aden Duale on Monday.") == [
        {"Stergomena", "Aden Duale"}]
    assert meetings_of("Kenya's defence minister Aden Duale met his Argentine counterpart Aguad in Nairobi.") == [
        {"Aden Duale", "Aguad"}]
    # a name set off by a comma after "counterpart" begins another clause
    assert "Dendias" not in names(facts_of("After talks with his Lithuanian counterpart, Dendias said Greece was glad."),
                                  PERSON)


def test_one_who_speaks_to_a_crowd_while_another_acts_meets_no_one():
    assert meetings_of("General Asim Mirza reviewed and spoke to cadets at the parade while General Ali Gurak presented "
                       "the awards.") == []
    assert meetings_of("General Asim Mirza spoke with General Ali Gurak at the parade.") == [{"Asim Mirza", "Ali Gurak"}]


def test_a_bodys_initials_right_after_anothers_are_a_branch_of_it_not_the_body_they_spell_alone():
    found = names(facts_of("The first C-130J ordered by the TNI AU left the Lockheed Martin plant."), AGENCY)
    assert "AU" not in found and "TNI" in found
    assert "AU" in names(facts_of("The AU and the TNI signed a memorandum."), AGENCY)


def test_one_who_attends_talks_held_with_people_named_by_no_name_meets_the_one_who_held_them():
    story = ("BELGRADE – Defence Minister Milos Vucevic today held a meeting with officers of the Military Intelligence "
             "Agency (VOA) who are to take up duty as defence attachés in the United States and China.\n\nVucevic said "
             "that Serbia relies on its own forces.\n\nThe director of the Military Intelligence Agency, Major General "
             "Zoran Stojkovic, also attended the meeting, the Ministry of Defence said.")
    assert meetings_of(story) == [{"Milos Vucevic", "Zoran Stojkovic"}]


def test_a_variant_code_after_a_space_is_the_variant_as_written_joined():
    facts = facts_of("Eight of the 18 M109 A3GN self-propelled howitzers donated by Norway have arrived in Ukraine.")
    assert [e.key for e in facts.entities.values() if e.family == EQUIPMENT] == ["Equipment:m109a3gn"]
    # written with the space or without, the known variant is one entity
    spaced, joined = (facts_of(f"Poland sent 14 Leopard 2{s}A4 tanks to Ukraine.") for s in (" ", ""))
    assert {k for k in spaced.entities if k.startswith("Equipment")} == {k for k in joined.entities if k.startswith("Equipment")}


def test_those_who_accompany_a_participant_told_by_title_join_the_meeting():
    story = ("The Indian High Commissioner, Santosh Jha, called on Army Commander Lieutenant General Vikum Liyanage at Army "
             "Headquarters. The Indian envoy was accompanied by Defence Adviser Captain Vikas Sood and First Secretary "
             "Eldos Mathew.")
    assert meetings_of(story) == [{"Santosh Jha", "Vikum Liyanage", "Vikas Sood", "Eldos Mathew"}]


def test_one_who_attended_the_meeting_after_where_it_took_place_joins_it():
    story = ("Defence Minister Hulusi Akar met the Qatari minister Khalid al-Attiyah. The meeting took place at the "
             "headquarters in Ankara and was attended by the Chief of the Turkish General Staff, Yasar Guler.")
    assert meetings_of(story) == [{"Hulusi Akar", "Khalid al-Attiyah", "Yasar Guler"}]


def test_officers_of_a_state_who_study_or_get_military_education_in_states_are_trained_by_them():
    assert trainings_of("Armenian officers receive military education in China, Germany and Estonia.") == {
        ("China", "Armenia"), ("Germany", "Armenia"), ("Estonia", "Armenia")}
    assert trainings_of("Kazakh cadets will go on to study in Russia and Belarus.") == {
        ("Russia", "Kazakhstan"), ("Belarus", "Kazakhstan")}
    assert trainings_of("The ministers discussed the situation in Ukraine and military education in Armenia.") == set()


def test_a_schools_list_of_friendly_states_after_a_colon_is_trained_by_the_schools_state():
    story = ("The Kestrel Military Academy of the Brazilian Army trains the army's officers. This year it also welcomed "
             "young people from friendly nations: Angola (2), Guyana (1) and Paraguay (3).")
    assert trainings_of(story) == {("Brazil", "Angola"), ("Brazil", "Guyana"), ("Brazil", "Paraguay")}


def test_a_spokesman_who_says_that_someone_named_by_title_had_talks_is_at_no_talks():
    story = ("The Chief of Defence Staff, General Christopher Musa, is in Washington. The defence spokesman, Tukur Gusau, "
             "said the CDS also had bilateral talks with General Charles Brown.")
    assert meetings_of(story) == []


def test_guards_from_the_review_of_these_changes():
    # a roster of an exercise, or after one who is only "a graduate of" a school, is trained by no one
    assert trainings_of("Lieutenant General Jane Doe, a graduate of the US Army War College, opened the exercise in Ghana. "
                        "Twelve foreign officers took part in the exercise (Benin, Chad, Georgia and Mexico).") == set()
    assert trainings_of("The closing ceremony of exercise African Lion took place in Morocco. It drew troops from partner "
                        "nations: the United States, Ghana and Senegal.") == set()
    # one who pays for a course does not teach it
    assert trainings_of("On 3 May General Jean Dupré presided over the closing ceremony of the 40th staff class. Twelve "
                        "foreign officers belonged to this class (Benin, Chad and Georgia). The course was funded by "
                        "Germany.") == set()
    # "study" the noun is no training; one who stopped studying somewhere is not trained there
    assert trainings_of("Polish engineers completed a feasibility study in South Korea on the K2 tank.") == set()
    assert trainings_of("Georgian officers stopped studying in Russia after 2008 and now study at Turkish academies.") == {
        ("Turkey", "Georgia")}
    # the agent of a verb after the trigger's own words is not the trainer
    assert trainings_of("The Ukrainian brigade, trained in Britain and equipped by Germany, returned to the front.") == {
        ("United Kingdom", "Ukraine")}
    assert meetings_of("Wladyslaw Kosiniak-Kamysz met Rustem Umerov at a session attended by Polish troops, and the "
                       "contract was witnessed by President Andrzej Duda.") == [{"Wladyslaw Kosiniak-Kamysz", "Rustem Umerov"}]
    # trips in the plural are no meetings; "visits to" places leave the host in the meetings
    assert meetings_of("Umerov and Kallas will make separate visits to Washington next month.") == []
    assert meetings_of("During his visits to Kyiv and Warsaw, Lloyd Austin met Rustem Umerov and Mariusz Blaszczak.") == [
        {"Lloyd Austin", "Rustem Umerov"}, {"Lloyd Austin", "Mariusz Blaszczak"}]
    # courtesy calls by two: each with each host, the hosts not with each other
    assert sorted(map(sorted, meetings_of("Prabowo Subianto, together with Admiral Yudo Margono, paid courtesy calls on "
                                          "President Ram Paudel and Prime Minister Sher Oli."))) == [
        ["Prabowo Subianto", "Ram Paudel"], ["Prabowo Subianto", "Sher Oli"], ["Ram Paudel", "Yudo Margono"],
        ["Sher Oli", "Yudo Margono"]]
    # initials that spell the body a title is of name the body, not the title
    assert meetings_of("Director of the Defense Intelligence Agency (DIA) Jeffrey Kruse visited Tokyo. Minister Kenji "
                       "Masuda held talks with officials of the DIA.") == []
    # one accompanied at a separate event, of no participant's state, joins no meeting
    assert meetings_of("Defence Minister Rajnath Singh met Richard Marles in Canberra. The Chinese ambassador was "
                       "accompanied by Senior Colonel Li Wei at a separate reception.") == [{"Rajnath Singh", "Richard Marles"}]
    # one who spoke to troops and then to a person named meets that person
    assert meetings_of("Lloyd Austin spoke to troops and then privately to General Oleksandr Syrskyi.") == [
        {"Lloyd Austin", "Oleksandr Syrskyi"}]
    # a surname after a title keeps its possessive; "its counterpart" is a body's
    assert meetings_of("Defence Minister Tkachenko's Kyiv office confirmed that he met Lloyd Austin.") == [
        {"Tkachenko", "Lloyd Austin"}]
    assert names(facts_of("Poland's PGZ signed a memorandum with its Korean counterpart Hyosung."), PERSON) == set()
    # two bodies' initials side by side in a name, and a designation after a ship's name, stay
    assert {"NATO", "EU"} <= names(facts_of("The NATO EU Task Force met in Brussels."), AGENCY)
    assert "F-35B" in names(facts_of("During the JS Kaga F-35B trials, the jets landed twice."), EQUIPMENT)


def test_a_team_that_tutored_or_coached_a_crew_trained_it():
    assert trainings_of("A 19-man Chinese team tutored the Nigerian crew on the operation and maintenance of the ship.") == {
        ("China", "Nigeria")}
    assert trainings_of("After three months of coaching Ghanaian sailors on the new corvette, the Chinese team flew "
                        "home.") == {("China", "Ghana")}
    # a coach by trade trains no one
    assert trainings_of("The Ghanaian football coach met the Chinese ambassador.") == set()
