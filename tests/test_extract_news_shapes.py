"""Shapes of the thirty-third real-news study, written again with invented names: a state's government
named in two ways, talks held by two people written as one subject, a handover told from the
recipient's side, trainees called officials or peacekeepers, two states that train a third together,
graduates of a school a state's body runs, a unit handed a ship, a company that signs a contract with
a state."""

from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_the_government_of_a_state_however_written_is_one_body():
    f = facts_of("Acme Aeronautics Limited has signed a contract with the Government of Mauritius for the export of "
                 "one helicopter. The contract was signed by J K Rao of Acme and O K Lalbahadur, Secretary of Home "
                 "Affairs, Government of the Republic of Mauritius.")
    governments = [n for n in names(f, "Agency") if n.startswith("Government")]
    assert len(governments) == 1
    assert [({f.entities[k].name for k in e.parties}) for e in f.events if e.cls == "Agreement"] \
        == [{"Acme Aeronautics Limited", governments[0]}]
    # a government of no state named is a body of its own ("the Government of National Unity")
    f = facts_of("The Government of National Unity signed a contract with Acme Aeronautics Limited.")
    assert "Government of National Unity" in names(f, "Agency")


def test_two_people_who_held_talks_met():
    assert meetings_of("Defence Minister Ivan Petrov and his Kazakh counterpart Arman Seitkali held talks in "
                       "Almaty on Tuesday.") == [{"Ivan Petrov", "Arman Seitkali"}]
    # a name joined by "and" to one the world data knows is a person's, with no title of its own
    assert meetings_of("Andrei Belousov and Arman Seitkali held talks in Almaty.") \
        == [{"Andrei Belousov", "Arman Seitkali"}]
    assert meetings_of("Arman Seitkali and Andrei Belousov held talks in Almaty.") \
        == [{"Andrei Belousov", "Arman Seitkali"}]


def test_a_recipient_that_received_what_another_state_donated():
    got = transfers_of("Colombia's National Army officially received 11 M-1117 Guardian armoured vehicles donated "
                       "by the United States.")
    assert got == {("United States", "Colombia", "M-1117 Guardian", "delivered")}


def test_officials_and_peacekeepers_from_a_state_are_trainees():
    assert trainings_of("Canadian instructors trained military officials from Rwanda, Uganda and Tanzania.") \
        == {("Canada", "Rwanda"), ("Canada", "Tanzania"), ("Canada", "Uganda")}
    assert trainings_of("Some 41 peacekeepers from Ghana began a two-week training programme conducted by Indian "
                        "trainers.") == {("India", "Ghana")}


def test_two_states_that_train_together_train_not_each_other():
    assert trainings_of("India, U.S. partner to train United Nations peacekeepers from Africa") == set()


def test_a_unit_handed_a_ship_is_no_system():
    f = facts_of("The Government of India today gifted its naval ship INS Tarkash to the Government of Maldives. The craft was handed "
                 "over to the NSS Coast Guard by Defence Minister Ravi Menon.")
    assert "NSS Coast Guard" not in names(f, "Equipment")


def test_a_company_that_signs_a_contract_with_a_state_sells_to_it():
    got = transfers_of("Coral Shipyard Ltd has signed a contract with the Indian Ministry of Defence for 14 patrol "
                       "vessels.")
    assert {(s, r) for s, r, _, _ in got} == {("Coral Shipyard Ltd", "India")}
    # a state that signs with a company buys from it
    got = transfers_of("India signed a contract with Sweden's Saab for the purchase of 14 Gripen jets.")
    assert {(s, r) for s, r, _, _ in got} == {("Sweden", "India")}


def test_graduates_of_a_course_at_a_school_a_body_of_a_state_runs():
    got = trainings_of("Five soldiers from Uganda and Liberia were among the 11 international graduates of the "
                       "Warrior Leadership Course conducted at the 7th U.S. Army's Noncommissioned Officers Academy "
                       "in Grafenwoehr, Germany.")
    assert got == {("United States", "Uganda"), ("United States", "Liberia")}
