"""Shapes of the sixty-first to sixty-third real-news studies and of the seventy-sixth batch, written again with
invented wording."""

from defgraph.extract.model import EQUIPMENT
from tests.test_extract import agreements_of, facts_of, meetings_of, names, transfers_of, trainings_of


def test_the_object_of_a_training_verb_is_people_even_where_its_word_is_a_kind_of_aircraft():
    assert trainings_of("American paratroopers have arrived in Ukraine to train fighters of the National Guard of "
                        "Ukraine, the ministry said.") == {("United States", "Ukraine")}
    assert trainings_of("The United States will train fighters of the National Guard of Ukraine.") == {
        ("United States", "Ukraine")}
    # after the noun "training" the word still names jets: no training given
    assert trainings_of("Poland bought training fighters from Italy.") == set()


def test_men_of_a_force_on_a_course_run_by_states_are_trained_by_each_of_them_but_their_own():
    assert trainings_of("Fifty Rwanda Defence Forces men who have been undergoing a section commander's course jointly "
                        "conducted by the US, British and Rwandan military graduated on Friday.") == {
        ("United States", "Rwanda"), ("United Kingdom", "Rwanda")}


def test_states_listed_as_senders_of_students_to_a_states_academy_paragraphs_later_are_trained_by_it():
    story = ("Nearly fifty cadets from partner nations are studying at the Kestrel Military Academy of the Brazilian "
             "Army.\n\nThe academy, in charge of training the Brazilian Army's officers, also trains foreign officers "
             "from partner nations.\n\nAll the cadets wear the same uniform.\n\n"
             "This year, 48 cadets from 17 countries are studying there. Angola, Guyana and Vietnam are among the "
             "countries that have sent students.")
    assert trainings_of(story) == {("Brazil", "Angola"), ("Brazil", "Guyana"), ("Brazil", "Vietnam")}
    # a list of states that sent something else, or said of no course, trains no one
    assert trainings_of("Angola, Guyana and Vietnam are among the countries that have sent observers.") == set()


def test_foreigners_among_the_graduates_of_a_states_school_are_trained_by_it():
    assert trainings_of("Thirty-one officers graduated from the Defence University of Honduras on Friday, among them "
                        "three foreigners from Taiwan, the Dominican Republic and Nicaragua.") == {
        ("Honduras", "Taiwan"), ("Honduras", "Dominican Republic"), ("Honduras", "Nicaragua")}


def test_an_alliances_training_received_is_given_by_the_alliance():
    assert trainings_of("Uzbek soldiers received NATO training.") == {("NATO", "Uzbekistan")}
    # a programme's name before "training" still names no trainer
    assert trainings_of("The officers attended AUKUS training in Australia.") == set()


def test_a_system_being_given_by_a_state_to_another_is_a_transfer():
    assert {t[:3] for t in transfers_of("He said five TC-90 aircraft are being given by Japan to the Philippines.")} == {
        ("Japan", "Philippines", "TC-90")}


def test_a_states_kind_of_weapon_received_where_the_article_names_no_system_is_the_item():
    assert {t[:3] for t in transfers_of("The Armenian military will receive Indian anti-tank rockets.")} == {
        ("India", "Armenia", "anti-tank rockets")}
    assert {t[:3] for t in transfers_of("Armenia will receive anti-tank rockets from India.")} == {
        ("India", "Armenia", "anti-tank rockets")}


def test_a_counted_plural_thing_moved_is_an_item_whatever_its_word():
    assert {t[:3] for t in transfers_of("China handed over 12 graders and four loaders to the Kenyan army.")} == {
        ("China", "Kenya", "graders"), ("China", "Kenya", "loaders")}
    # a lot counted is of the thing it holds
    assert {t[:3] for t in transfers_of("Japan donated 300 pairs of boots to Ghana.")} == {("Japan", "Ghana", "boots")}
    # money, time, places and vague counts are no things moved
    assert transfers_of("The United States delivered 20 million dollars to Kenya.") == set()
    assert transfers_of("Lithuania supplied Ukraine with several thousand projectiles.") == set()


def test_a_meeting_with_someone_that_opens_a_clause_is_the_visitors_meeting_with_them():
    story = ("Armenian Defence Minister Suren Papikyan arrived in Astana on Monday on an official visit. After the "
             "welcome ceremony, the meeting with Kazakh Defence Minister Ruslan Zhaksylykov commenced.")
    assert meetings_of(story) == [{"Suren Papikyan", "Ruslan Zhaksylykov"}]
    assert meetings_of(story.replace("the meeting with", "talks with")) == [{"Suren Papikyan", "Ruslan Zhaksylykov"}]


def test_documents_listed_in_bullets_under_a_lead_of_signed_documents_are_agreements_between_their_sides():
    story = ("Following the talks, the following documents were signed:\n\n- Agreement between the Government of the "
             "Kyrgyz Republic and the Government of Mongolia on military-technical cooperation;\n\n"
             "- Protocol between Kyrgyzstan and Mongolia on border patrols.")
    assert agreements_of(story) == [({"Government of the Kyrgyz Republic", "Government of Mongolia"}, "agreement"),
                                    ({"Kyrgyzstan", "Mongolia"}, "other")]
    # bullets under a lead of no signed documents are no agreements
    assert agreements_of(story.replace("the following documents were signed:", "the sides discussed:")) == []


def test_a_type_word_after_a_designation_opens_a_designation_of_its_own():
    assert {t[:3] for t in transfers_of("Bangladesh will buy 44 new tanks MBT-2000 Type 90-II from China.")} == {
        ("China", "Bangladesh", "MBT-2000")}


def test_a_system_bought_used_from_a_states_force_comes_from_that_state_not_from_its_maker():
    assert {t[:3] for t in transfers_of("Indonesia will buy 12 used Qatar Air Force Mirage 2000-5 fighter aircraft.")} == {
        ("Qatar", "Indonesia", "Mirage 2000-5")}
    assert ("United States", "Argentina", "F-16") not in {t[:3] for t in transfers_of(
        "Argentina will acquire 24 second-hand Lockheed Martin F-16 fighters from Denmark.")}


def test_a_kind_bought_is_the_system_the_next_sentence_says_it_is_of():
    story = ("Angola has bought six Brazilian fighter aircraft. The six warplanes are of the A-29 Super Tucano type, "
             "marketed by Embraer.")
    assert {t[:3] for t in transfers_of(story)} == {("Brazil", "Angola", "A-29 Super Tucano")}
    assert "fighter aircraft" not in names(facts_of(story), EQUIPMENT)
