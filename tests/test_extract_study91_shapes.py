"""Shapes of the ninety-first to ninety-fourth real-news studies and of the ninety-fourth to ninety-seventh batches,
written again with invented wording."""

from tests.test_extract import trainings_of


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
