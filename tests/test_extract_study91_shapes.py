"""Shapes of the ninety-first to ninety-fourth real-news studies and of the ninety-fourth to ninety-seventh batches,
written again with invented wording."""

from tests.test_extract import meetings_of, trainings_of


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
    assert meetings_of("Consultations\n\nHeading the delegations were, for the Czech side, Defence Minister Arno "
                       "Kessel, and for the Latvian side, Defence Minister Ilze Berzina.") == [{"Arno Kessel", "Ilze Berzina"}]
