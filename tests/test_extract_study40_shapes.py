"""Shapes of the fortieth real-news study and of the s67/s68 story lines, written again with invented names: a
third person in a meeting "also attended by", a known name after an honorific, the source of a report after a
"between" list, a delegation whose leader the next sentence names, the state a unit is based in, a system also
known by two more names, and Block I and Block II or a drive configuration written with the multiplication sign."""

from defgraph.extract.model import EQUIPMENT, PERSON
from defgraph.names import fold
from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_a_person_who_also_attends_the_meeting_takes_part_in_it():
    assert meetings_of("President Karl Ostmann received a courtesy call from Defence Minister Pieter Valk, in a "
                       "meeting also attended by Defence Minister Anton Reiss.") == [
        {"Karl Ostmann", "Pieter Valk", "Anton Reiss"}]
    assert meetings_of("Minister Ana Ruiz met General Paul Roe on Monday in talks attended by Colonel Max "
                       "Bauer.") == [{"Ana Ruiz", "Paul Roe", "Max Bauer"}]
    # those who attend a ceremony still meet no one
    assert meetings_of("The ceremony, attended by Minister Ana Ruiz, saw General Paul Roe hand over the boats to "
                       "Colonel Max Bauer.") == []


def test_a_known_name_after_an_honorific_begins_a_persons_name():
    facts = facts_of("The Ambassador of Chile in Peru, Mr Rafael Ortiz Lagos, paid a courtesy visit to the Minister "
                     "of Defence of Peru, General Jorge Chávez.")
    assert names(facts, PERSON) == {"Rafael Ortiz Lagos", "Jorge Chávez"}
    assert [{facts.entities[k].name for k in e.participants} for e in facts.events if e.cls == "Meeting"] == [
        {"Rafael Ortiz Lagos", "Jorge Chávez"}]
    assert names(facts_of("General Rafael Ortiz met Minister Jorge Chávez."), PERSON) == {"Rafael Ortiz", "Jorge Chávez"}
    # the body itself, and a ship named for an admiral, stay what they are
    assert agreements_of("General Dynamics and Rafael signed a teaming agreement.") == [
        ({"General Dynamics", "Rafael"}, "agreement")]
    assert names(facts_of("The carrier Admiral Kuznetsov sailed from Severomorsk."), EQUIPMENT) == {"Admiral Kuznetsov"}


def test_the_source_of_a_report_is_no_side_of_a_between_list():
    assert agreements_of("A contract was signed between Baykar and the Romanian Defence Ministry in 2022, the SSB "
                         "said on Monday.") == [({"Baykar", "Romanian Defence Ministry"}, "contract")]
    assert agreements_of("The memorandum was signed between the Indian Navy and the Sri Lanka Navy, according to "
                         "the Indian Ministry of Defence.") == [({"Indian Navy", "Sri Lanka Navy"}, "memorandum")]


def test_the_leader_of_a_delegation_received_is_named_in_the_next_sentence():
    assert meetings_of("The Chief of Army Staff, General Ade Bello, received a delegation from the Indian National "
                       "Defence College. The delegation led by Major General Ravi Kapoor discussed training.") == [
        {"Ade Bello", "Ravi Kapoor"}]
    assert meetings_of("General Ade Bello received a delegation of the Kenyan army on Monday. The delegation, headed "
                       "by Colonel Paul Roe, toured the base.") == [{"Ade Bello", "Paul Roe"}]
    # a delegation whose leader is not named meets no one named
    assert meetings_of("General Ade Bello received a delegation of the Kenyan army on Monday. The team visited the "
                       "base.") == []


def test_the_state_a_unit_is_based_in_takes_no_part():
    assert trainings_of("US paratroopers of the Italy-based 173rd Airborne Brigade trained Latvian soldiers.") == {
        ("United States", "Latvia")}
    assert trainings_of("Instructors of the Germany based battalion trained Kenyan infantry.") == set()


def test_a_system_also_known_by_two_more_names_is_one_system():
    for said in ("also known as the KM-SAM Block II or simply M-SAM", "which is also called the KM-SAM Block II or "
                 "just M-SAM"):
        facts = facts_of(f"The Cheongung-II, {said}, was developed by LIG Nex1.")
        assert names(facts, EQUIPMENT) == {"KM-SAM Block II"}


def test_block_one_and_block_two_and_drive_configurations_are_told_apart():
    got = transfers_of("Indonesia ordered six M-SAM Block II batteries from LIG Nex1 in 2022 and two M-SAM Block I "
                       "batteries in 2023.")
    assert {(s, r, e) for s, r, e, _ in got} == {("South Korea", "Indonesia", "M-SAM Block II"),
                                                ("South Korea", "Indonesia", "M-SAM Block I")}
    # "6×6" is "6x6": one system however the multiplication sign is written
    facts = facts_of("Kenya received 12 ARMA 6×6 vehicles from Otokar. Another 16 Arma 6x6 will follow.")
    assert {fold(n) for n in names(facts, EQUIPMENT)} == {"arma 6x6"}
