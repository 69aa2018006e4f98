"""Shapes of the seventy-third to seventy-fifth real-news studies and of the seventy-ninth and eighty-first
batches, written again with invented wording."""

from tests.test_extract import trainings_of


def test_graduates_from_states_friendly_to_the_schools_state_are_trained_by_it():
    story = ("Cadets pass out at Kestrel Military Academy\n\n"
             "The passing-out parade of the 90th Long Course was held today at the Pakistan Military Academy. Foreign "
             "cadets from countries friendly to Pakistan, among them Iraq, Qatar and Nepal, also graduated at the "
             "ceremony once their training was complete.")
    assert trainings_of(story) == {("Pakistan", "Iraq"), ("Pakistan", "Qatar"), ("Pakistan", "Nepal")}


def test_the_graduates_left_once_some_are_counted_are_from_the_states_listed():
    story = ("Staff college sees off 40 officers\n\n"
             "Forty officers completed their studies at the graduation ceremony of the Kenya Defence Staff College. "
             "Of those graduating, 30 were Kenyans, while the other 10 came from Burundi, Egypt and Zambia.")
    assert trainings_of(story) == {("Kenya", "Burundi"), ("Kenya", "Egypt"), ("Kenya", "Zambia")}
    # the rest "came" somewhere as guests of no graduation: no training
    assert trainings_of("Thirty ministers attended the summit in Nairobi; the other ten came from Burundi and "
                        "Egypt.") == set()


def test_students_from_a_counted_set_of_states_some_named_are_taught_where_they_study():
    assert trainings_of("Some 3,016 military students from 39 countries, including the USA and Syria, were educated "
                        "at Turkish military academies.") == {("Turkey", "United States"), ("Turkey", "Syria")}
    assert trainings_of("Students from 39 countries, including Syria and Iraq, received training in Turkey.") == {
        ("Turkey", "Syria"), ("Turkey", "Iraq")}
