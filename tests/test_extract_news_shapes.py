"""Shapes of the thirty-third and thirty-fourth real-news studies, written again with invented names: a
state's government named in two ways, talks held by two people written as one subject, a handover told
from the recipient's side, trainees called peacekeepers, two states that train a third together,
graduates of a school a state's body runs, a unit handed a ship, a company that signs a contract with a
state, a calibre after a name; troops who came to a state to train its soldiers, instructors of two
states, a graduate of a state's programme, an interaction, a maker named in what a contract includes,
interactions with people one at a time, a title's domain set off after a name; with the cases a
review of the change found it got wrong."""

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
    # not a place joined to a known name
    assert names(facts_of("Mark Rutte and Black Sea security were on the agenda of the talks."), "Person") == {"Mark Rutte"}


def test_a_recipient_that_received_what_another_state_donated():
    got = transfers_of("Colombia's National Army officially received 11 M-1117 Guardian armoured vehicles donated "
                       "by the United States.")
    assert got == {("United States", "Colombia", "M-1117 Guardian", "delivered")}


def test_peacekeepers_from_a_state_are_trainees():
    assert trainings_of("Canadian instructors trained peacekeepers from Rwanda, Uganda and Tanzania.") \
        == {("Canada", "Rwanda"), ("Canada", "Tanzania"), ("Canada", "Uganda")}
    assert trainings_of("Some 41 peacekeepers from Ghana began a two-week training programme conducted by Indian "
                        "trainers.") == {("India", "Ghana")}
    # officials who speak of a training are no trainees
    assert trainings_of("British officials said the UK will train 10,000 Ukrainian soldiers every four months.") \
        == {("United Kingdom", "Ukraine")}


def test_two_states_that_train_together_train_not_each_other():
    assert trainings_of("India, U.S. partner to train United Nations peacekeepers from Africa") == set()
    # a state set off with a description of it trains
    assert trainings_of("Britain, Ukraine's biggest training partner, has trained 30,000 Ukrainian recruits since "
                        "2022.") == {("United Kingdom", "Ukraine")}
    # nor two states named together where one's instructors train the other's troops
    f = facts_of("Turkey, Somalia mark milestone as Turkish instructors train 500 more Somali troops")
    assert [(f.entities[e.provider].name, f.entities[e.trainee].name, e.count) for e in f.events
            if e.cls == "Training"] == [("Turkey", "Somalia", 500)]


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
    # a company that signs with a state to buy buys from it
    got = transfers_of("Czechoslovak Group signed a contract with the Netherlands to purchase 40 decommissioned CV90 "
                       "vehicles.")
    assert {(s, r) for s, r, _, _ in got} == {("Netherlands", "Czech Republic")}


def test_graduates_of_a_course_at_a_school_a_body_of_a_state_runs():
    got = trainings_of("Five soldiers from Uganda and Liberia were among the 11 international graduates of the "
                       "Warrior Leadership Course conducted at the 7th U.S. Army's Noncommissioned Officers Academy "
                       "in Grafenwoehr, Germany.")
    assert got == {("United States", "Uganda"), ("United States", "Liberia")}


def test_a_calibre_written_after_a_name_is_no_part_of_it():
    for written in ("DITA 155 mm", "DITA 155mm", "DITA 155-mm"):
        got = transfers_of(f"Kazakhstan ordered 18 {written} self-propelled howitzers from the Czech Republic.")
        assert got == {("Czech Republic", "Kazakhstan", "DITA", "ordered")}, written
    # a maker's name and a calibre name a gun
    assert transfers_of("Ukraine received Bofors 40 mm guns from Sweden.") \
        == {("Sweden", "Ukraine", "Bofors 40", "delivered")}


# the thirty-fourth study


def test_troops_who_travelled_to_a_state_to_train_its_soldiers_train_them():
    assert trainings_of("About 300 American soldiers have travelled to Ukraine to train Ukrainian soldiers.") \
        == {("United States", "Ukraine")}
    # those who came for a training mission are trained
    assert trainings_of("A group of Ukrainian pilots arrived in Denmark for a training mission on F-16 jets.") \
        == {("Denmark", "Ukraine")}


def test_instructors_of_two_states_both_train():
    for written in ("Polish and U.S. instructors", "U.S. and Polish instructors"):
        got = trainings_of(f"{written} at the police academy trained 169 Afghan police officers.")
        assert got == {("Poland", "Afghanistan"), ("United States", "Afghanistan")}, written
    assert trainings_of("French, Belgian and Dutch instructors trained 400 Malian soldiers.") \
        == {("France", "Mali"), ("Belgium", "Mali"), ("Netherlands", "Mali")}
    # where they are is no second state of instructors
    assert trainings_of("In Poland, U.S. instructors trained 300 Ukrainian soldiers.") == {("United States", "Ukraine")}


def test_who_graduated_from_a_states_programme_was_trained_by_that_state():
    assert trainings_of("An Afghan Air Force officer graduated from the U.S. Air Force basic flight programme.") \
        == {("United States", "Afghanistan")}
    assert trainings_of("A Ghanaian airman graduated from the U.S. Air Force basic flight programme.") \
        == {("United States", "Ghana")}


def test_a_productive_interaction_with_someone_is_a_meeting():
    assert meetings_of("Defence Minister Ravi Menon had a productive interaction with the Defence Minister of "
                       "Kazakhstan, Lieutenant General Arman Seitkali.") == [{"Ravi Menon", "Arman Seitkali"}]
    # interaction said of the future is none yet
    assert meetings_of("General Ravi Menon said interaction with Lieutenant General Arman Seitkali would continue next "
                       "year.") == []


def test_a_maker_named_in_what_a_contract_includes_signs_nothing():
    got = agreements_of("An Israeli delegation signed in the US a letter of offer and acceptance for a contract worth "
                        "3 billion dollars that includes 25 Lockheed Martin stealth fighters.")
    assert not [parties for parties, _ in got if "Lockheed Martin" in parties]
    # a year or a day before a company is no count
    got = agreements_of("In September 2022, Hyundai Rotem signed an executive contract with Poland's Armament Agency "
                        "for 180 K2 tanks.")
    assert [parties for parties, _ in got] == [{"Hyundai Rotem", "Armament Agency"}]



def test_interactions_with_people_one_at_a_time_and_a_titles_domain_set_off_after_a_name():
    f = facts_of("General Ravi Menon held interactions with Major General Jan Kowal, Head Land Capability, and with "
                 "Lt Gen Piet Bakker, Chief of Joint Operations.")
    assert "Land Capability" not in names(f, "Person")
    got = [{f.entities[k].name for k in e.participants} for e in f.events if e.cls == "Meeting"]
    assert sorted(got, key=sorted) == [{"Ravi Menon", "Jan Kowal"}, {"Ravi Menon", "Piet Bakker"}]
    # people listed each with a title keep their names
    assert meetings_of("General Ravi Menon met Jan Kowal, Minister Piet Bakker, and General Tom Hale.") \
        == [{"Ravi Menon", "Jan Kowal", "Piet Bakker", "Tom Hale"}]


# the story lines s57 and s58


def test_the_agency_that_filed_a_story_names_nothing():
    f = facts_of("ANKARA, June 8 (Anka Defence Wire) - Kosovo has signed a contract with Baykar for five Bayraktar TB2 "
                 "drones.")
    assert names(f, "Equipment") == {"Bayraktar TB2"}
    # an acronym and its name in brackets at a line's start are no dateline
    f = facts_of("HAL (Hindustan Aeronautics Limited) delivered two Dhruv helicopters to the Maldives.")
    assert "Hindustan Aeronautics Limited" in names(f, "Agency")


def test_who_ordered_in_a_clause_after_after_is_its_buyer():
    got = transfers_of("The Kosovo order comes a year after neighbouring Albania ordered three Bayraktar TB2 aircraft "
                       "from Baykar for its armed forces.")
    assert got == {("Turkey", "Albania", "Bayraktar TB2", "ordered")}


def test_a_name_in_quotes_after_a_kind():
    got = transfers_of('The Ministry of Defence of Kazakhstan concluded a contract with Excalibur Army for the supply '
                       'of 18 (eighteen) self-propelled howitzers "DITA".')
    assert got == {("Czech Republic", "Kazakhstan", "DITA", "ordered")}


def test_the_state_that_confirmed_the_last_of_its_systems_was_handed_over_received_it():
    got = transfers_of("Baykar has completed deliveries of Bayraktar TB2 drones to Albania and is close to finishing a "
                       "separate contract for Kosovo. Albania's Ministry of Defence confirmed that the third and last "
                       "of its three Bayraktar TB2 aircraft was handed over in August.")
    assert ("Albania", "Kosovo") not in {(s, r) for s, r, _, _ in got}
    assert ("Turkey", "Albania", "Bayraktar TB2", "delivered") in got
    # its systems handed over to another are its own to give
    assert transfers_of("Norway confirmed that its remaining F-16 jets will be transferred to Ukraine.") \
        == {("Norway", "Ukraine", "F-16", "pledged")}


def test_a_title_after_a_company_whose_name_ends_in_a_title_word():
    f = facts_of("The contract was signed by Excalibur Army chief executive Martin Koubek.")
    assert "Martin Koubek" in names(f, "Person")
    f = facts_of("Nigerian Army chief Lt Gen Taoreed Lagbaja met the delegation.")
    assert [e.role for e in f.entities.values() if e.family == "Person"] == ["Chief of the Army"]

