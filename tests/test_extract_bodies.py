"""Bodies named by the shape of their name: units by their head noun, and what signs for a state."""

from tests.test_extract import facts_of, names


def test_a_unit_is_named_by_its_head_noun():
    facts = facts_of("Pilots of the 1st Fighter Wing flew with the 5th Fleet and the Joint Task Force on Monday. "
                     "The 3rd Flotilla stayed in port. The Air Force bought Wing Loong II drones.")
    assert {"1st Fighter Wing", "5th Fleet", "Joint Task Force", "3rd Flotilla"} <= names(facts, "Agency")
    # a head noun that opens a system's name makes no body of it
    assert not [n for n in names(facts, "Agency") if "Loong" in n]
