"""Bodies named by the shape of their name: units by their head noun, and what signs for a state."""

from tests.test_extract import facts_of, names


def test_a_unit_is_named_by_its_head_noun():
    facts = facts_of("Pilots of the 1st Fighter Wing flew with the 5th Fleet and the Joint Task Force on Monday. "
                     "The 3rd Flotilla stayed in port. The Air Force bought Wing Loong II drones.")
    assert {"1st Fighter Wing", "5th Fleet", "Joint Task Force", "3rd Flotilla"} <= names(facts, "Agency")
    # a head noun that opens a system's name makes no body of it
    assert not [n for n in names(facts, "Agency") if "Loong" in n]


def test_a_known_companys_name_run_on_by_division_words_names_the_division_of_its_state():
    facts = facts_of("Rheinmetall Naval Systems signed a contract with Ghana for two patrol vessels. Rheinmetall said "
                     "the vessels would be built in Germany.")
    division = next(e for e in facts.entities.values() if e.name == "Rheinmetall Naval Systems")
    assert division.cls == "Company" and division.facts.country == "Country:germany"
    # the parent written alone in the same article is the division the article is about
    assert names(facts, "Agency") == {"Rheinmetall Naval Systems"}
    assert {(e.supplier, e.recipient) for e in facts.events if e.cls == "Transfer"} == {
        ("Country:germany", "Country:ghana")}
    # a name that goes on past the division words is not cut at them; a list or a title after them does not go on
    facts = facts_of("Ghana signed a contract with Rheinmetall Naval Systems & Services Ltd for two patrol vessels.")
    assert not [n for n in names(facts, "Agency") if n.startswith("Rheinmetall Naval")]
    for body in ("Rheinmetall Naval Systems and Ghana signed a contract for two patrol vessels.",
                 "Rheinmetall Naval Systems CEO Tomas Varga signed a contract with Ghana for two patrol vessels."):
        assert "Rheinmetall Naval Systems" in names(facts_of(body), "Agency")


def test_a_ministry_named_as_another_state_names_its_own_is_the_state_of_the_story():
    f = facts_of("The minister witnessed the signing of a contract between the Federal Ministry of Defence and "
                 "Leonardo for the acquisition of twelve AW139M helicopters for the Nigerian Air Force.")
    ministry = next(e for e in f.entities.values() if e.name == "Federal Ministry of Defence")
    assert (ministry.country or ministry.facts.country) == "Country:nigeria"


def test_a_shared_ministry_name_stays_with_the_state_of_a_known_minister_heading_it():
    f = facts_of("Boris Pistorius, head of the Federal Ministry of Defence, met his Nigerian counterpart on Monday.")
    ministry = next(e for e in f.entities.values() if e.name == "Federal Ministry of Defence")
    assert (ministry.country or ministry.facts.country) == "Country:germany"
