"""Meetings and trainings as real readouts write them: who was present at the talks, talks told only
as "the meeting" after a signing, instructors and their trainees."""

from tests.test_extract import meetings_of, trainings_of


def test_those_present_at_the_talks_join_the_meeting():
    got = meetings_of("Defence Minister Karim Fahmy on Thursday received General Tariq Aslam, who is on a visit "
                      "with a delegation. Talks focused on the region. Present at the talks were Chief of Staff "
                      "Hisham Nabil and State Minister Adel Hamdi.")
    assert got == [{"Karim Fahmy", "Tariq Aslam", "Hisham Nabil", "Adel Hamdi"}]


def test_the_two_sides_during_the_meeting_are_the_two_people_named_last():
    got = meetings_of("The memorandum was signed today by Defence Minister Jan Kowal and Defence Minister Tomas "
                      "Ruiz. During the meeting, the two sides reviewed their bilateral cooperation.")
    assert got == [{"Jan Kowal", "Tomas Ruiz"}]
    # the two sides' talks with no meeting said are the talks reported already, or none
    assert meetings_of("The memorandum was signed today by Defence Minister Jan Kowal and Defence Minister Tomas "
                       "Ruiz. The two sides hope to expand cooperation.") == []


def test_instructors_of_one_state_and_their_trainees_of_another_are_a_training():
    assert trainings_of("On April 30, the Canadian instructors and their Ukrainian trainees marked the end of the "
                        "course with a parade.") == {("Canada", "Ukraine")}


def test_the_titled_subject_of_a_clause_opened_by_a_meeting_is_the_last_with_that_title():
    got = meetings_of("Defence Minister Kim Sung-ho attended the meeting in Brussels on Tuesday. Meeting Canada's "
                      "defense chief Tom Hale, the minister pointed to what shipbuilders can do.")
    assert got == [{"Kim Sung-ho", "Tom Hale"}]


def test_counterparts_from_listed_states_are_the_people_of_those_states_named_after():
    got = meetings_of("Secretary of National Defense Marco Reyes of the Philippines met his counterparts from Canada, "
                      "Lithuania and New Zealand in a string of bilateral meetings on Saturday.\n\nReyes was offered "
                      "training by Lithuania's Defense Minister Jonas Petraitis.\n\nTom Hale, Canada's Minister of "
                      "Defense, reaffirmed the friendly relations.\n\nReyes also held talks with Anne Collins, New "
                      "Zealand's Minister of Defense.")
    assert {frozenset(g) for g in got} == {frozenset({"Marco Reyes", "Jonas Petraitis"}),
                                           frozenset({"Marco Reyes", "Tom Hale"}),
                                           frozenset({"Marco Reyes", "Anne Collins"})}
