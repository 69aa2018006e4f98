"""Shapes of the sixty-seventh and sixty-eighth real-news studies and of the seventy-eighth batch, written again
with invented wording."""

from tests.test_extract import transfers_of, trainings_of


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
