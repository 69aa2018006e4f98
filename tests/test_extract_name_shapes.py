"""People's names as Gulf, Levantine and palace releases write them: honorifics of up to three words,
an article joined to a family name, five name words, a father's name after "bin", and the places and
offices written right before or as a name."""

from tests.test_extract import facts_of, meetings_of, names


def test_honorifics_of_one_to_three_words_are_no_part_of_the_name():
    facts = facts_of("The delegations included His Highness Sayyid Fahd bin Karim bin Walid Al Rami, Deputy Prime "
                     "Minister for Defence Affairs of the Sultanate of Oman, and Sheikh Nasser Omar Al-Qadi.")
    assert names(facts, "Person") == {"Fahd bin Karim bin Walid Al Rami", "Nasser Omar Al-Qadi"}
    facts = facts_of("His Royal Highness Prince Turki bin Fahd bin Nawaf Al Saif met Defence Minister Jana Novak.")
    assert "Turki bin Fahd bin Nawaf Al Saif" in names(facts, "Person")


def test_five_name_words_with_an_article_before_the_family_names():
    facts = facts_of("Deputy Prime Minister and Minister of Defence Sheikh Rashid Omar Rashid Al-Fahad Al-Nasser "
                     "attended the reception.")
    assert names(facts, "Person") == {"Rashid Omar Rashid Al-Fahad Al-Nasser"}


def test_an_article_written_in_lower_case_joins_the_family_name():
    got = meetings_of("Iraqi Defence Minister Thamer al-Qudsi met Karim el-Haddad in Amman on Monday.")
    assert got == [{"Thamer al-Qudsi", "Karim el-Haddad"}]


def test_a_known_name_after_bin_is_the_fathers_and_names_no_one():
    facts = facts_of("Prince Nawaf bin Salman bin Abdulaziz Al Saud met Defence Minister Jana Novak in Riyadh.")
    (meeting,) = [e for e in facts.events if e.cls == "Meeting"]
    people = [facts.entities[k] for k in meeting.participants]
    assert {p.name for p in people} == {"Nawaf bin Salman bin Abdulaziz Al Saud", "Jana Novak"}
    assert not any(p.gazetteer for p in people)  # the world data's "Salman bin Abdulaziz" is his father
    assert not any(k.endswith(":salman-bin-abdulaziz") for k in meeting.participants)


def test_a_place_or_an_office_is_no_person():
    facts = facts_of("The Crown Prince, Sheikh Omar Khaled Al-Fahad, received the ministers at Qasr Palace on "
                     "Monday. Director General of the Defence Minister's Office Hamad bin Saleh bin Fadi attended.")
    assert names(facts, "Person") == {"Omar Khaled Al-Fahad", "Hamad bin Saleh bin Fadi"}


def test_a_title_whose_complement_is_a_bodys_name_leaves_the_person_before_it():
    facts = facts_of("The plan works, according to Omar Hadi Santoso, Governor of the National Resilience "
                     "Institute (Lemreshan).")
    assert names(facts, "Person") == {"Omar Hadi Santoso"}
    facts = facts_of("Omar Hadi Santoso, Governor of the National Resilience Institute, said the plan works.")
    assert names(facts, "Person") == {"Omar Hadi Santoso"}


def test_a_nickname_or_a_branch_in_brackets():
    facts = facts_of("Yehuda (Yudi) Marom, President and CEO of Elbit Systems, said the company was ready. "
                     "Captain (Coast Guard) Dwayne Burley gave short remarks. Lt Col (Retd) Jane Doe spoke.")
    assert names(facts, "Person") == {"Yehuda (Yudi) Marom", "Dwayne Burley", "Jane Doe"}


def test_a_portuguese_or_spanish_connector_joins_two_family_names():
    facts = facts_of("The accord was signed by Defence Minister Renato Almeida e Costa and Foreign Minister "
                     "Lucia Ortega y Prado.")
    assert names(facts, "Person") == {"Renato Almeida e Costa", "Lucia Ortega y Prado"}


def test_a_family_name_in_capitals_first_is_the_person_named_before():
    facts = facts_of("President Omar Tandja received Benin's Minister of Defence, Fortunet Paul Kossou. "
                     "According to Mr KOSSOU Fortuné Paul, the accord marks a new era.")
    assert names(facts, "Person") == {"Omar Tandja", "Fortunet Paul Kossou"}


def test_a_titles_domain_joined_by_and_runs_on_before_the_name():
    facts = facts_of("Earlier, Minister for Defence Industry and Capability Delivery Pat Connor, in Brussels for a "
                     "gathering, said so. Prime Minister Ravi Sharma and Pushpa Kamal Dhakal met later.")
    people = {e.name: e.role for e in facts.entities.values() if e.family == "Person"}
    assert people["Pat Connor"] == "Minister for Defence Industry and Capability Delivery"
    assert set(people) == {"Pat Connor", "Ravi Sharma", "Pushpa Kamal Dhakal"}


def test_a_rank_of_several_words_before_a_name_is_evidence_of_a_person():
    facts = facts_of("It was signed by the commander of the Southern Command, Almirante de Esquadra Craig Fuller.")
    assert names(facts, "Person") == {"Craig Fuller"}


def test_a_person_described_after_the_name_as_a_bodys_title_in_lower_case():
    facts = facts_of("This followed approval given on Thursday by Somchai Wiratkul, the Ministry of Defence's "
                     "permanent secretary.")
    (person,) = [e for e in facts.entities.values() if e.family == "Person"]
    assert (person.name, person.role) == ("Somchai Wiratkul", "Permanent Secretary")
