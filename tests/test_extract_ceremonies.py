"""Handovers, signings and visits as ministries write them up: who is thanked for training, who only
watched a signing or received a thing, names written with many initials or a foreign body's head
noun first, questions of supply, states that join others in giving (the constructions of the
thirty-first real-news batch, written again with invented names)."""

from defgraph.extract.candidates import name_candidates
from defgraph.extract.sentences import Sentence
from tests.test_extract import facts_of, meetings_of, names, trainings_of, transfers_of


def test_whom_a_minister_thanks_for_training_gives_it():
    got = trainings_of("Defence Minister Omar Farah thanked Norway for the support and training it gives the "
                       "Somali army.")
    assert got == {("Norway", "Somalia")}
    got = trainings_of("The minister thanked Germany and France for the training of Ukrainian crews.")
    assert got == {("Germany", "Ukraine"), ("France", "Ukraine")}


def test_a_course_taught_to_students_from_a_body_trains_its_state():
    got = trainings_of("The course was taught to 26 students from the Honduran Armed Forces by members of the "
                       "Colombian National Army.")
    assert got == {("Colombia", "Honduras")}


def test_a_signing_witnessed_by_a_minister_and_a_visiting_counterpart_is_no_meeting():
    text = ("The signing, held yesterday at the officers' club, was witnessed by Defence Minister Salem Al-Hamad "
            "together with his Italian counterpart Carla Rossi, who was visiting, the ministry said.")
    assert meetings_of(text) == []
    # a visit with talks stays a meeting
    got = meetings_of("Defence Minister Salem Al-Hamad received his Italian counterpart Carla Rossi, who was "
                      "visiting, and they discussed cooperation.")
    assert got == [{"Salem Al-Hamad", "Carla Rossi"}]


def test_one_who_hands_over_a_thing_and_one_who_receives_it_do_not_meet():
    text = ("High Commissioner Arun Mehta handed over the vessel for the Government of India, and Mr. K. L. P. "
            "Perera, the Secretary of Defence, received it for the Government of Sri Lanka.")
    assert meetings_of(text) == []
    assert meetings_of("Defence Minister Nimal Perera received his counterpart Arun Mehta in Colombo.") == \
        [{"Nimal Perera", "Arun Mehta"}]


def test_a_name_with_four_initials_is_a_person():
    f = facts_of("Mr. B. M. U. D. Jayasena, the Secretary of Defence, received the ship.")
    assert names(f, "Person") == {"B. M. U. D. Jayasena"}


def test_a_body_whose_name_opens_with_its_head_noun_is_no_person():
    text = "Among those attending was the head of the Comando Logístico, general Arturo Vidal."
    spans = [text[s:e] for s, e in name_candidates(text, Sentence(0, len(text), text, 0), [])]
    assert "Comando Logístico" not in spans and "Arturo Vidal" in spans


def test_a_question_of_whether_a_system_might_be_supplied_moves_nothing():
    assert transfers_of("It is unclear whether Norway will deliver Kestrel tanks to Ukraine.") == set()
    assert transfers_of("Norway will deliver Kestrel tanks to Ukraine.") == {("Norway", "Ukraine", "Kestrel", "pledged")}


def test_states_that_one_joins_in_giving_give_too():
    got = transfers_of("Denmark had earlier joined Germany and the Netherlands in buying and donating 100 Kestrel "
                       "tanks to Ukraine.")
    assert {(s, r) for s, r, _, _ in got} == {("Denmark", "Ukraine"), ("Germany", "Ukraine"),
                                              ("Netherlands", "Ukraine")}


def test_a_name_cut_to_its_first_two_words_is_the_same_person():
    f = facts_of("Defence Minister Datuk Seri Azlan Hakim Rahman had a video call with Defence Minister Bima Santoso. Santoso "
                 "congratulated Azlan Hakim on his appointment.")
    assert names(f, "Person") == {"Azlan Hakim Rahman", "Bima Santoso"}
    # two people whose full names open alike stay two
    f = facts_of("Minister Azlan Hakim Rahman met General Azlan Hakim Yusof and Azlan Hakim.")
    assert {"Azlan Hakim Rahman", "Azlan Hakim Yusof"} <= names(f, "Person")


def test_a_system_named_by_its_kind_in_capitals_with_an_acronym_is_equipment():
    f = facts_of("A contract will help develop the Navy's Joint Support Ship (JSS) design. Work began on the "
                 "third Offshore Fisheries Science Vessel (OFSV) today.")
    assert names(f, "Equipment") == {"Joint Support Ship", "Offshore Fisheries Science Vessel"}
    f = facts_of("The shipyard launched the new Colombian Ocean Patrol Vessel (POC) on Monday.")
    assert names(f, "Equipment") == {"Ocean Patrol Vessel"}
    # a kind in the plural names no item; a prefix before a ship's name is no system
    f = facts_of("Tanks and Armoured Personnel Carriers (APCs) are being built at home.")
    assert "Armoured Personnel Carriers" not in names(f, "Equipment")
    f = facts_of("The chief presented the craft, Kestrel Coast Guard Ship (KCGS) Victory, to the navy.")
    assert "Kestrel Coast Guard Ship" not in names(f, "Equipment")


def test_a_body_named_head_noun_first_is_an_organisation():
    f = facts_of("The equipment went to the Gendarmerie Nationale on Monday. Staff of the Escuela de Misiones "
                 "Internacionales taught the course, and the head of the Comando Logístico, general Arturo Vidal, "
                 "spoke.")
    assert {"Gendarmerie Nationale", "Escuela de Misiones Internacionales", "Comando Logístico"} <= \
        names(f, "Agency")


def test_a_word_of_time_opening_a_sentence_is_no_part_of_a_name():
    f = facts_of("Yesterday the Republic of Kestrel Military Forces received four trucks from Japan.")
    assert "Republic of Kestrel Military Forces" in names(f, "Agency")


def test_putting_pen_to_a_deal_or_sealing_it_signs_it():
    f = facts_of("Yesterday Kuwait and Italy put pen to a deal covering 28 Kestrel warplanes.")
    assert [sorted(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"] == \
        [["Italy", "Kuwait"]]


def test_systems_granted_by_a_state_are_given():
    got = transfers_of("The patrol boats granted by Japan are earmarked for the Indonesian Navy.")
    assert got == {("Japan", "Indonesia", "patrol boats", "pledged")}
    assert transfers_of("Japan granted Indonesia approval to buy Kestrel patrol boats.") == set()


def test_guards_of_the_eighteenth_days_classes():
    """Sentences a reviewer wrote against the day's rules that read wrong at first, kept as guards."""
    # what a system supplements may be moved in a clause of its own
    got = transfers_of("The new Kestrel-7 will complement the Gripen jets that Sweden delivered to Hungary in 2023.")
    assert ("Sweden", "Hungary", "Gripen", "delivered") in got
    # "whether" holds the one verb it opens, not the sentence
    got = transfers_of("It is unclear whether Germany will supply Taurus missiles to Ukraine, but Norway will "
                       "deliver Patriot systems to Ukraine.")
    assert {(s, r, e) for s, r, e, _ in got} == {("Norway", "Ukraine", "Patriot")}
    # one who received a visitor met him, whatever else he received
    assert meetings_of("Vice Admiral Ramon Cruz received Admiral Kenji Sato and received the keys to the vessel.") \
        == [{"Ramon Cruz", "Kenji Sato"}]
    # troops praised for their own training are the trained; a third state named elsewhere is no trainee
    assert trainings_of("Minister Peter Olsen thanked Kenya for hosting the exercise and praised the Ugandan troops "
                        "for their training.") == set()
    assert trainings_of("President Kaluba thanked China for the training of Zambian pilots and praised Kenya for "
                        "its support.") == {("China", "Zambia")}
    # a giver named inside what is thanked for gives it, not the one thanked
    assert ("Iran", "Russia") not in trainings_of("General Omar Haddad praised Iran for the training his troops "
                                                  "received from Russia.")
    # trainees "from" a state are said outright, before a state that hosts them
    assert trainings_of("Brazil hosted students from Angola, who were trained by Portuguese instructors.") == \
        {("Portugal", "Angola")}
    # leave granted moves nothing
    assert transfers_of("The State Department granted an export licence for Javelin missiles to Kenya.") == set()
    assert transfers_of("Britain granted Ukraine a waiver for Kestrel missiles.") == set()


def test_whom_a_titled_person_talks_with_is_a_person_without_a_title():
    assert meetings_of("Minister Carl Banda held talks with Joseph Mwale in Lusaka.") == [{"Carl Banda", "Joseph Mwale"}]
    assert meetings_of("Minister Carl Banda spoke by phone with Peter Olsen.") == [{"Carl Banda", "Peter Olsen"}]
    f = facts_of("The minister held talks with Lockheed Martin in Washington. Talks with New Zealand continued.")
    assert names(f, "Person") == set()


def test_a_welcome_on_arrival_is_no_meeting():
    assert meetings_of("When he arrived, General Tomas Varel was met at the airport by the host side's "
                       "Brigadier Jane Marlow.") == []
    # talks on arrival are talks
    assert meetings_of("On arrival, General Tomas Varel held talks with Brigadier Jane Marlow.") == \
        [{"Tomas Varel", "Jane Marlow"}]


def test_who_travels_with_a_visitor_joins_the_visitor_s_meeting():
    body = ("Lt Gen Omar Haddad, the army's chief of staff, yesterday hosted John Lorne, the British defence adviser. "
            "Air Commodore Ann Poe travelled with Lorne, who is in the country on a visit.")
    assert meetings_of(body) == [{"Omar Haddad", "John Lorne", "Ann Poe"}]


def test_a_delegation_holds_its_meetings_with_the_people_told_before():
    body = ("In Suva, General Tom Harlow and his counterpart, Major General Ann Poe, met army leaders. Across two days "
            "the combined delegation took part in meetings with Brigadier General Jone Vatu, Commander Land Forces, "
            "and Major General Sam Rabuka, Commander of the army.")
    got = meetings_of(body)
    assert {"Tom Harlow", "Ann Poe", "Jone Vatu", "Sam Rabuka"} in got


def test_those_also_at_the_talks_join_them():
    body = ("General Sir Tom Harlow called on the Chief of the Defence Forces, General Sam Rabuka, in Nairobi. Also at "
            "the talks were the Vice Chief, Lt. Gen Jone Vatu, and the Air Force Commander, Maj. Gen Ann Poe.")
    assert meetings_of(body) == [{"Tom Harlow", "Sam Rabuka", "Jone Vatu", "Ann Poe"}]


def test_a_native_title_of_several_words_in_brackets_stays_out_of_the_name():
    f = facts_of("Also present at the meeting was Fleet Admiral (Almirante de Esquadra) Renato Ramos de Lima Costa.")
    assert "Renato Ramos de Lima Costa" in names(f, "Person")


def test_meetings_joined_only_by_their_own_delegation_attendees_and_companions():
    # (a reviewer's probes of the rules above)
    first = "Defence Minister Jane Doe met her Togolese counterpart John Roe in Accra on Monday. "
    got = meetings_of(first + "The Nigerian delegation also held talks with Chief of Defence Staff Vice Admiral "
                              "Peter Poe on Tuesday.")
    assert {"Jane Doe", "John Roe"} in got and not any("Peter Poe" in m and "John Roe" in m for m in got)
    got = meetings_of(first + "Army chief Major General Peter Poe, who was abroad, said the issues raised at the talks "
                              "were vital.")
    assert got == [{"Jane Doe", "John Roe"}]
    got = meetings_of(first + "On Tuesday, Doe travelled with Army Chief Major General Peter Poe to Kumasi to inspect "
                              "the new barracks.")
    assert got == [{"Jane Doe", "John Roe"}]


def test_a_weekday_of_a_meeting_told_in_the_past_is_the_last_one():
    f = facts_of("Defence Minister Jane Doe told her counterpart John Roe that Ghana will need more patrol boats when "
                 "they met on Monday.")
    assert [e.date.isoformat() for e in f.events if e.cls == "Meeting"] == ["2024-03-11"]
