"""Mark and block numbers written after a designation, systems that talks are held on, a capital
that a deal or talks are held with, and what was promised but not yet delivered (the constructions
of story lines s37–s38, written again with invented names)."""

from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_a_mark_written_after_a_designation_is_part_of_its_name():
    for written in ("ZT-7 MKX", "ZT-7 Mk X", "ZT-7 MkX", "ZT-7 Mark 2", "ZT-7 Block 70"):
        got = transfers_of(f"Botswana ordered 12 {written} trainers from Saab.")
        assert got == {("Sweden", "Botswana", written, "ordered")}, written


def test_spellings_of_one_mark_in_one_article_are_one_system():
    f = facts_of("Botswana ordered 12 ZT-7 MKX trainers from Saab. The first ZT-7 Mk X trainers are due in May.")
    assert names(f, "Equipment") == {"ZT-7 MKX"}


def test_a_designation_that_talks_are_held_on_is_a_system():
    got = transfers_of("Namibia has started talks with Saab about the ZT-9 as a possible advanced trainer.")
    assert got == {("Sweden", "Namibia", "ZT-9", "discussed")}
    # a designation in a clause of talks, but not what they are about, is not made a system by them
    assert "ZT-9" not in names(facts_of("Talks went on for weeks, and ZT-9 was the code name."), "Equipment")


def test_a_capital_that_a_deal_or_talks_are_held_with_stands_for_its_state():
    assert agreements_of("Kenya signed an arms deal worth Sh25 billion with Washington last year.") == \
        [({"Kenya", "United States"}, "agreement")]
    got = transfers_of("Saab held preliminary discussions with Gaborone about the ZT-9 as an advanced trainer.")
    assert got == {("Sweden", "Botswana", "ZT-9", "discussed")}
    # the capital as a place is no party
    assert "United States" not in names(facts_of("The delegation travelled to Washington for talks."), "Country")
    assert "United States" not in names(facts_of("Kenya's ambassador in Washington signed an agreement with Acme "
                                                 "Defense."), "Country")


def test_what_was_promised_but_not_yet_delivered_stays_promised():
    got = transfers_of("Officials said the four KX-3 boats that South Korea also promised Mozambique had not yet been "
                       "delivered and were now expected in 2027.")
    assert got == {("South Korea", "Mozambique", "KX-3", "pledged")}
    # delivered in the main clause, ordered in the relative one: delivered
    assert transfers_of("All 14 KX-3 boats the UK ordered from Sweden have now been delivered.") == \
        {("Sweden", "United Kingdom", "KX-3", "delivered")}


def test_a_maker_and_a_model_listed_with_known_systems_are_one_system():
    f = facts_of("Among those returned to service are a Boeing 737-500, two Twin Otter 300s, a Saab Kestrel "
                 "modified for short runways and four Mi-17 helicopters.")
    assert {"Saab Kestrel", "Boeing 737-500", "Twin Otter 300"} <= names(f, "Equipment")
    assert "Saab" not in {e.name for e in f.entities.values() if e.family == "Agency"}


def test_what_makes_up_part_of_a_gift_told_before_moves_with_it():
    got = transfers_of("The United States donated 20 Humvees to Kenya on Tuesday. Ten KX-9 trucks also form part "
                       "of the package.")
    assert ("United States", "Kenya", "KX-9", "pledged") in got
    # the subject of a verb that is not one of being part moves nothing
    got = transfers_of("The United States donated 20 Humvees to Kenya on Tuesday. Ten KX-9 trucks took part in "
                       "the parade.")
    assert {e for _, _, e, _ in got} == {"Humvees"}


def test_counted_gear_beside_a_named_system_is_an_item_of_its_own():
    got = transfers_of("The United States donated 20 Humvees to Kenya on Tuesday. Also part of the gift are "
                       "200 ballistic helmets.")
    assert got == {("United States", "Kenya", "Humvees", "pledged"),
                   ("United States", "Kenya", "ballistic helmets", "pledged")}


def test_a_capital_before_a_verb_of_transfer_stands_for_its_state():
    assert transfers_of("Washington donated three KX-5 boats to Guatemala.") == \
        {("United States", "Guatemala", "KX-5", "pledged")}
    assert transfers_of("Seoul has handed over two KX-6 corvettes to Mozambique.") == \
        {("South Korea", "Mozambique", "KX-6", "delivered")}


def test_with_a_state_doing_something_that_state_does_it():
    got = transfers_of("Guatemala and the United States on Friday stepped up their cooperation, with Washington "
                       "donating military equipment. The donation is made up of three KX-5 boats.")
    assert got == {("United States", "Guatemala", "KX-5", "pledged")}


def test_a_brand_and_a_qualified_kind_after_a_count_name_one_item():
    got = transfers_of("The United States donated equipment to Guatemala on Friday. The donation is made up of "
                       "three Tidewater Ships fast response boats, twenty-one Corvo quad bikes and twenty Ravenna "
                       "inflatable boats with motors.")
    assert {e for _, _, e, _ in got} == {"Tidewater Ships fast response boats", "Corvo quad bikes",
                                           "Ravenna inflatable boats"}


def test_two_items_of_one_list_whose_names_share_words_stay_two():
    got = transfers_of("The United States handed over vehicles to Kenya. Among them are two Ravenna tow trucks "
                       "and 15 Ravenna trucks.")
    assert {e for _, _, e, _ in got} == {"Ravenna tow trucks", "Ravenna trucks"}


def test_a_talk_between_several_people_told_by_a_spokesman_is_theirs():
    got = meetings_of("Defense Secretary Jim Doe held a phone conversation yesterday with Mexico's military leaders, "
                      "according to Pentagon spokesman Navy Capt. Jeff Roe. Summing up the call in a statement, Roe "
                      "said the introductory talk between Doe and Defense Secretary Gen. Luis Ortega Cruz and Navy "
                      "Secretary Adm. Pablo Soto Vega centred on the value of the defense relationship.")
    assert got == [{"Jim Doe", "Luis Ortega Cruz", "Pablo Soto Vega"}]


def test_people_met_in_separate_meetings_and_one_present_at_all_of_them():
    got = meetings_of("Indian Defence Secretary Ravi Kumar Rao today met Sri Lanka's Deputy Minister of Defence, "
                      "Major General Asela Perera, and Defence Secretary, Air Vice Marshal Nimal Silva (Retd), in "
                      "separate meetings. The High Commissioner of India to Sri Lanka, H.E. Anil Menon, was also "
                      "present at the meetings.")
    assert got == [{"Ravi Kumar Rao", "Asela Perera", "Anil Menon"}, {"Ravi Kumar Rao", "Nimal Silva", "Anil Menon"}]


def test_a_meeting_told_without_names_is_of_those_who_represented_each_side():
    got = meetings_of("On Wednesday the deputy ministers of Defence of Argentina and Chile met in Santiago. Argentina "
                      "was represented by the Secretary of Foreign Affairs, Pablo Ruiz, and the Secretary for "
                      "Defence, Marcos Lage, while the Chilean side sent the Under-Secretary of Defence, Ana Vidal.")
    assert got == [{"Pablo Ruiz", "Marcos Lage", "Ana Vidal"}]


def test_soldiers_of_a_force_trained_in_another_state_are_trained_by_it():
    assert trainings_of("A total of 125 soldiers of the Indonesian Army have carried out military training in the "
                        "United States.") == {("United States", "Indonesia")}
    # personnel of a force deployed on a training mission train; training side by side trains no one
    assert ("Mexico", "United States") not in trainings_of(
        "The Senate approved fully armed personnel of the U.S. Army's 7th Special Forces Group to deploy to Mexico "
        "on a training mission with the Mexican Navy.")
    assert trainings_of("Troops of the Indian Army are training in Indonesia alongside Indonesian troops in a "
                        "bilateral exercise.") == set()


def test_training_among_what_assistance_spans_is_given_by_its_giver():
    got = trainings_of("Lithuania handed over 20 KX-7 vehicles to Ukraine. The military assistance from Lithuania "
                       "spans ammunition, troop training and repairs of heavy equipment.")
    assert got == {("Lithuania", "Ukraine")}


def test_an_offer_not_yet_decided_is_discussed_with_the_other_side_of_the_pact():
    got = transfers_of("The Philippines and Japan signed an accord on defence equipment. Gazmin said Tokyo was "
                       "currently offering a KX-9 surveillance aircraft but that no decision had been made.")
    assert got == {("Japan", "Philippines", "KX-9", "discussed")}
    assert transfers_of("Germany said no decision had been made on sending KX-3 missiles to Ukraine.") == set()


def test_a_company_written_with_a_comma_before_its_legal_form_wins_a_contract():
    got = agreements_of("Defence Minister Harjit Sajjan visited the Canadian base. Ravenna Defense, LLC won two "
                        "contracts in 2015.")
    assert got == [({"Canada", "Ravenna Defense, LLC"}, "contract")]


def test_an_outlet_cited_and_a_fort_are_no_people():
    f = facts_of("Burkina has added to its army's capabilities with a new batch of vehicles, Ravenna Afrique reports.")
    assert names(f, "Person") == set()
    f = facts_of("The exercise, named JRTC Rotation 21-01, took place with the US Army at the American military base "
                 "at Fort Kestrel, Lousiana.\n\nArmy Chief of Staff (KSAD) General TNI Andi Wira said the joint "
                 "training programme with the US Army ran for 14 days.",
                 title="TNI AD soldiers train alongside US Army at Fort Kestrel")
    assert names(f, "Person") == {"Andi Wira"}
    assert names(facts_of("Defence Minister Jane Doe reported that the vehicles had arrived."), "Person") == {"Jane Doe"}


def test_a_day_before_a_body_is_no_part_of_its_name():
    f = facts_of("On Friday the Nigerian Air Force (NAF) received its first batch of trainer aircraft.")
    assert "Nigerian Air Force" in {e.name for e in f.entities.values() if e.family == "Agency"}


def test_a_transfer_announced_is_pledged_and_one_discussed_stays_discussed():
    assert transfers_of("The US would boost the Philippine Navy's capabilities through the transfer of two KX-5 "
                        "boats.") == {("United States", "Philippines", "KX-5", "pledged")}
    assert transfers_of("Japan discussed the transfer of two KX-5 boats to the Philippines.") == \
        {("Japan", "Philippines", "KX-5", "discussed")}


def test_what_a_package_consists_of_moves_from_the_state_it_is_of():
    got = transfers_of("Minister Blair used the October 11 UDCG meeting, hosted by Secretary of Defense Lloyd Austin, to "
                       "announce a new Canadian package of military assistance for Ukraine, consisting of $25 million "
                       "in winter clothing as well as several kinds of 155 mm artillery ammunition.")
    assert got == {("Canada", "Ukraine", "155 mm artillery ammunition", "pledged")}


def test_a_letter_of_request_sent_for_systems_moves_none_of_them():
    assert transfers_of("In March Ottawa sent a Letter of Request for up to 16 of the KX-8 jets through the US Foreign "
                        "Military Sales program.") == set()


def test_guards_from_the_reviewers_sentences():
    """Sentences a reviewer wrote against the twenty-first day's rules, each once misread."""
    assert transfers_of("Japan donated four boats with motors to Vanuatu.") == {("Japan", "Vanuatu", "boats", "pledged")}
    assert transfers_of("The US delivered three Tidewater Ships patrol boats to Nigeria.") == \
        {("United States", "Nigeria", "Tidewater Ships patrol boats", "delivered")}
    assert meetings_of("Minister Tomas Varga separately met General Liesel Okonkwo and Admiral Omar Haddad.") == \
        [{"Tomas Varga", "Liesel Okonkwo"}, {"Tomas Varga", "Omar Haddad"}]
    assert agreements_of("Norvik Dynamics, Inc. won a contract from the Ghana Navy for patrol boats.") == \
        [({"Ghana Navy", "Norvik Dynamics, Inc."}, "contract")]
    assert "HX-7" in names(facts_of("Talks about the HX-7 between Chile and Brazil's Avibras continued this week."),
                           "Equipment")
    # a spokesman met is met; one who reads out a call takes no part
    assert meetings_of("Minister Tomas Varga met spokesman Peter Nyambe and General Liesel Okonkwo.") == \
        [{"Tomas Varga", "Peter Nyambe", "Liesel Okonkwo"}]
    assert meetings_of("A readout from spokesperson Jane Roe said Defence Minister Tomas Varga held a call with "
                       "General Liesel Okonkwo.") == [{"Tomas Varga", "Liesel Okonkwo"}]
