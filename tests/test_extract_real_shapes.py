"""Constructions that studies of real published news (twenty-eighth and twenty-ninth days: items read and run
through extraction, none kept) showed to fail, written again with invented names: ranks abbreviated without a
full stop, an envoy's title naming two states, a portfolio no table knows, renewed documents,
signatories named before the side they sign for, a spokesman who reports talks, trainers sent to a
state to train its forces, a title alone standing for its holder, one person meeting several in turn."""

from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_a_rank_abbreviated_without_a_full_stop_ends_a_body_and_opens_a_name():
    body = ("Army chief Gen Tomas Varga met Commander of the Royal Norvik Land Forces Lt Gen Karl Brandt in Rivertown "
            "on Monday.")
    facts = facts_of(body)
    assert {"Tomas Varga", "Karl Brandt"} <= names(facts, "Person")
    assert "Royal Norvik Land Forces" in names(facts, "Agency")
    assert meetings_of(body) == [{"Tomas Varga", "Karl Brandt"}]
    ranks = facts_of("Maj Gen Tomas Varga met Lt Col Ana Ruiz and Brig Gen Ola Berg in Rivertown.")
    assert {e.name: e.role for e in ranks.entities.values() if e.family == "Person"} == {
        "Tomas Varga": "Major General", "Ana Ruiz": "Lieutenant Colonel", "Ola Berg": "Brigadier General"}


def test_an_envoys_title_of_one_state_to_another_and_a_portfolio_no_table_knows_precede_a_name():
    body = ("Defence Minister Aram Vardanyan received Ambassador Extraordinary and Plenipotentiary of the People's "
            "Republic of China to Armenia Li Wen on Tuesday.")
    assert meetings_of(body) == [{"Aram Vardanyan", "Li Wen"}]
    body = "Lt Gen Omar Haddad received State Minister of Cabinet Affairs Sami Rahal at his office."
    assert meetings_of(body) == [{"Omar Haddad", "Sami Rahal"}]
    # a title the table knows whole is still the title, not a part of the name
    assert meetings_of("Defence Minister Tomas Varga met Minister for Defence Procurement Ana Ruiz on Monday.") == [
        {"Tomas Varga", "Ana Ruiz"}]


def test_a_renewed_or_extended_document_is_an_agreement_of_its_parties():
    assert agreements_of("India and the United Kingdom renewed a memorandum of understanding on defence industry "
                         "cooperation on Tuesday.") == [({"India", "United Kingdom"}, "memorandum")]
    assert agreements_of("Kenya and the United States extended their defence cooperation agreement by five years "
                         "on Monday.") == [({"Kenya", "United States"}, "agreement")]
    # a renewal still ahead is none
    assert agreements_of("India and the United Kingdom will renew their defence memorandum next year.") == []


def test_signatories_named_before_the_side_each_signs_for():
    body = ("The pact was signed by Air Marshal Tom Carver on behalf of the UK Ministry of Defence and Ravi Nair, "
            "Additional Secretary in the Ministry of Defence, on behalf of the Indian government.")
    (parties, kind), = agreements_of(body)
    # the sides, not a signatory paired with his own side; "the Indian government" is India
    assert "India" in parties and "Tom Carver" not in parties and len(parties) == 2


def test_a_spokesman_who_reports_talks_after_them_takes_no_part():
    body = ("Defence Minister Tomas Varga and Defence Minister Ana Ruiz discussed air defence in a telephone "
            "conversation, ministry spokesman Ola Berg said at a briefing on Tuesday.")
    assert meetings_of(body) == [{"Tomas Varga", "Ana Ruiz"}]
    assert meetings_of("Defence Minister Tomas Varga held talks in Rivertown on Monday, ministry spokesman Ola Berg "
                       "said.") == []
    # one who tells of talks he also had is still in them
    assert meetings_of("Defence Minister Tomas Varga held talks with Defence Minister Ana Ruiz in Rivertown on "
                       "Monday, Ruiz said.") == [{"Tomas Varga", "Ana Ruiz"}]


def test_trainers_sent_to_a_state_to_train_its_forces_train_that_state():
    assert trainings_of("Russia has sent 300 instructors to the Central African Republic to train national armed "
                        "forces.") == {("Russia", "Central African Republic")}
    assert trainings_of("Turkey deployed a training team to Somalia in order to train the country's special "
                        "forces.") == {("Turkey", "Somalia")}
    # a trained force of another state named is that state
    assert trainings_of("Russia has sent 300 instructors to the Central African Republic to train Chadian "
                        "troops.") == {("Russia", "Chad")}


def test_graduates_of_one_states_camp_in_another_and_cadets_representing_states():
    assert trainings_of("Some 152 soldiers graduated from Turkey's largest overseas military training camp in "
                        "Somalia on Monday.") == {("Turkey", "Somalia")}
    # at home, the camp's own state trains nobody named
    assert trainings_of("Some 152 soldiers graduated from Turkey's military academy in Ankara on Monday.") == set()
    assert trainings_of("Twelve foreign cadets representing Azerbaijan, Colombia and Nepal graduated from the US "
                        "Military Academy on Saturday.") == {
        ("United States", "Azerbaijan"), ("United States", "Colombia"), ("United States", "Nepal")}
    # the school named in another sentence
    body = ("The US Military Academy held its graduation ceremony on Saturday. Within the class, 12 foreign cadets "
            "representing Azerbaijan, Colombia and Nepal will return to their countries for service after "
            "graduation on May 26.")
    assert trainings_of(body) == {("United States", "Azerbaijan"), ("United States", "Colombia"),
                                  ("United States", "Nepal")}


def test_a_company_given_a_contract_is_a_company_whatever_its_name():
    assert agreements_of("Supacat has been awarded a contract by the Ministry of Defence.") == [
        ({"Supacat", "Ministry of Defence"}, "contract")]
    assert agreements_of("Force Protection has been awarded a $189.9 million contract by the US Army.") == [
        ({"Force Protection", "US Army"}, "contract")]


def test_signatories_of_a_document_told_before_sign_that_one():
    body = ("Indonesia and Malaysia signed a memorandum of understanding on border security on Thursday. Indonesian "
            "Minister of Defence Bima Santoso and his Malaysian counterpart Hisham Rahman inked the deal in Kuching.")
    assert agreements_of(body) == [({"Indonesia", "Malaysia"}, "memorandum")]


def test_the_government_in_a_capital_is_that_state():
    assert trainings_of("The government in London began training up to 10,000 Ukrainian recruits in July.") == {
        ("United Kingdom", "Ukraine")}
    # a capital where someone only is stays a place, no party
    assert trainings_of("The ambassador in London said Ugandan officers were trained by Kenya.") == {
        ("Kenya", "Uganda")}


def test_a_deal_a_company_lands_is_a_contract_with_whoever_gives_it():
    assert agreements_of("Norvik Dynamics Ltd has won a deal worth 10 billion euros from the French Ministry of "
                         "Armed Forces.") == [({"Norvik Dynamics Ltd", "French Ministry of Armed Forces"}, "contract")]
    # a deal states reach is no contract won
    assert agreements_of("The two countries reached a deal on border security.") == []


def test_the_contract_a_buyer_signed_for_what_was_handed_over_is_with_the_seller():
    body = ("French shipbuilder Norvik Marine has handed over the Kestrel, an offshore patrol vessel, to Senegal's "
            "armed forces. Senegal's Ministry of Armed Forces signed the contract for the three vessels in "
            "November 2019.")
    assert agreements_of(body) == [({"Ministry of Armed Forces", "Norvik Marine"}, "contract")]
    # a buyer of another state signs no contract for them
    body = ("French shipbuilder Norvik Marine has handed over two patrol boats to Senegal. The Ghana Navy signed the "
            "contract for the three vessels in November 2019.")
    assert agreements_of(body) == []


def test_review_one_who_speaks_of_talks_he_had_is_in_them():
    # quoted in the first person, or named again as one met
    assert meetings_of('"We discussed air defence," Tomas Varga said after meeting Defence Minister Ana Ruiz '
                       'in Rivertown on Tuesday.') == [{"Tomas Varga", "Ana Ruiz"}]
    assert meetings_of('"Defence Minister Ana Ruiz and I discussed the jets," Tomas Varga said on Tuesday.') == [{"Tomas Varga", "Ana Ruiz"}]
    assert meetings_of("General Tomas Varga met General Ana Ruiz and General Ola Berg in Rivertown on Tuesday, "
                       "Berg said.") == [
        {"Tomas Varga", "Ana Ruiz", "Ola Berg"}]
    assert meetings_of("General Tomas Varga held talks with General Ana Ruiz in Rivertown on Tuesday, said "
                       "General Ola Berg, who also attended the talks.") == [{"Tomas Varga", "Ana Ruiz", "Ola Berg"}]


def test_review_renewed_or_extended_signs_only_a_document_it_takes():
    assert agreements_of("Russia renewed its threats after Finland and Sweden signed agreements with the United "
                         "States.") == [({"Finland", "Sweden", "United States"}, "agreement")]
    for body in ("Ukraine and Poland renewed talks on a new security agreement.",
                 "Germany renewed calls for an agreement with France.",
                 "Kenya and Somalia extended the deadline for the status of forces agreement.",
                 "The United States extended a $2 billion loan to Poland under the defence agreement.",
                 "Armenia renews its commitment to the agreement with Iran.",
                 "The Afghan government in exile signed an agreement with Tajikistan."):
        assert agreements_of(body) == [], body


def test_review_the_order_of_a_maker_comes_from_its_own_from_and_second_hand_orders_stay():
    facts = facts_of("With financing from Germany, Norvik Dynamics Ltd won a K9 order from Estonia.")
    assert {(facts.entities[e.supplier].name, facts.entities[e.recipient].name) for e in facts.events
            if e.cls == "Transfer"} == {("South Korea", "Estonia")}
    facts = facts_of("An order for 32 F-16 jets from Norway was finalised by Romania.")
    assert {(facts.entities[e.supplier].name, facts.entities[e.recipient].name) for e in facts.events
            if e.cls == "Transfer"} == {("Norway", "Romania")}


def test_review_trainees_sent_abroad_and_training_with_others():
    assert trainings_of("Kyiv has sent 12 pilots to Denmark to train on the F-16.") == {("Denmark", "Ukraine")}
    assert trainings_of("Turkey deployed F-16s to Poland to train with allied pilots.") == set()
    assert trainings_of("Officers representing Estonia and Latvia attended the graduation ceremony at the "
                        "Lithuanian Military Academy, where 80 Lithuanian cadets received their diplomas.") == set()


def test_review_the_agreement_on_something_else_is_another_one():
    body = ("Poland and South Korea signed a memorandum on tank production on Monday. Defence Minister Jan Nowak "
            "and his South Korean counterpart Kim Min-su also inked the agreement on K9 howitzers.")
    assert len(agreements_of(body)) == 2


def test_review_a_winner_named_after_a_date_or_a_place():
    assert agreements_of("Krakow-based Arex was awarded a contract by the Polish Armament Agency.") == [
        ({"Arex", "Armament Agency"}, "contract")]
    assert agreements_of("On Monday Vortex Dynamics was awarded a $50 million contract by the US Army.") == [
        ({"Vortex Dynamics", "US Army"}, "contract")]
    ranks = facts_of("Vice Adm Tomas Berg met Rear Adm Ana Ruiz in Rivertown.")
    assert {e.name: e.role for e in ranks.entities.values() if e.family == "Person"} == {
        "Tomas Berg": "Vice Admiral", "Ana Ruiz": "Rear Admiral"}


def test_second_review_a_document_renewed_in_a_relative_clause_leaves_the_signing_to_the_main_verb():
    assert agreements_of("Poland, which renewed its defence agreement with Ukraine last year, signed a memorandum "
                         "with Lithuania on Monday.") == [({"Poland", "Lithuania"}, "memorandum")]
    for body in ("Germany delivered 20 Leopard 1 tanks to Ukraine and extended its support under an agreement "
                 "with Denmark.",
                 "Slovakia renewed its criticism of the security agreement between Ukraine and the United Kingdom."):
        assert agreements_of(body) == [], body


def test_second_review_a_deal_is_won_only_when_it_is_what_is_won():
    for body in ("Hanwha Aerospace received government approval for the K9 deal with Australia.",
                 "KNDS was granted an export licence by Germany for the deal with Qatar.",
                 "Hanwha Aerospace hopes to win a deal with Romania."):
        assert agreements_of(body) == [], body


def test_second_review_names_of_companies_keep_their_first_word():
    # ("Defense" opens the name: no company "Unicorns" cut from it)
    assert names(facts_of("Defense Unicorns won a $10 million contract from the US Air Force."), "Agency") == {
        "US Air Force", "United States Armed Forces"}


def test_second_review_units_sent_to_be_trained_and_one_telling_of_his_own_talks():
    assert trainings_of("Ukraine sent a brigade to Poland to train on Leopard 2 tanks.") == set()
    assert trainings_of("Ukraine sent a team of pilots to Poland to train on the F-16.") == set()
    assert meetings_of("Talks with Lloyd Austin in Brussels were constructive, Boris Pistorius told reporters.") == [
        {"Lloyd Austin", "Boris Pistorius"}]


def test_second_review_a_contract_still_ahead_or_for_other_things_is_not_the_transfers():
    lead = ("French shipbuilder Norvik Marine has handed over the Kestrel, an offshore patrol vessel, to Senegal's "
            "armed forces. ")
    assert agreements_of(lead + "Senegal's Ministry of Armed Forces will sign the contract for the fourth vessel "
                                "next year.") == []
    assert agreements_of("Germany delivered 20 Leopard 1 tanks to Ukraine. Ukraine's defence ministry signed the "
                         "contract for the new drones.") == []
    facts = facts_of("The F-16 order from Norway was finalised by Romania on Monday.")
    assert {(facts.entities[e.supplier].name, facts.entities[e.recipient].name) for e in facts.events
            if e.cls == "Transfer"} == {("Norway", "Romania")}


def test_a_list_item_counted_as_a_number_of_a_kind_moves_with_the_list():
    # "an equal number of X" set off by commas: the parse hangs it as an apposition describing the item
    # before it, but a count describes nothing; what it counts is one more item of the list
    got = transfers_of("Poland donated aid to Moldova on Monday. The aid consists of 16 rubber boats, an equal "
                       "number of outboard motors and ten radios.")
    assert {e for _, _, e, _ in got} == {"rubber boats", "outboard motors", "radios"}
    # an apposition that does describe the item still takes no part ("a subsidiary of Y")
    got = transfers_of("Poland donated 16 rubber boats, a gift of the Polish navy, to Moldova on Monday.")
    assert {e for _, _, e, _ in got} == {"rubber boats"}


def test_the_title_alone_stands_for_the_person_named_before_who_holds_it():
    # "the minister" after "Defence Minister A": the title shortened, A meant
    body = ("Norvik Defence Minister Tomas Varga opened a new depot in Rivertown on Monday. On Wednesday the minister "
            "held a telephone conversation with Estlandia's Minister of Defence Ana Ruiz.")
    assert meetings_of(body) == [{"Tomas Varga", "Ana Ruiz"}]
    body = ("Norwegian Defence Minister Tomas Varga opened a new depot in Bergen on Monday. The Norwegian minister later "
            "met Estonian Defence Minister Ana Ruiz.")
    assert meetings_of(body) == [{"Tomas Varga", "Ana Ruiz"}]
    # another state's minister, another portfolio, one who is visiting or the minister's deputy: not the one named
    for other in ("the Polish minister", "the finance minister", "the visiting minister",
                  "the minister's deputy, Ola Berg,"):
        body = ("Norwegian Defence Minister Tomas Varga opened a new depot in Bergen on Monday. On Wednesday "
                f"{other} met Estonian Defence Minister Ana Ruiz.")
        assert {"Tomas Varga", "Ana Ruiz"} not in meetings_of(body), other
    # a title set beside another name, or someone else's ("that country's ambassador"), is no reference
    body = ("Norvik Defence Minister Tomas Varga opened a new depot in Rivertown on Monday. Talks were chaired by Ana "
            "Ruiz, Estlandia's state minister for foreign affairs.")
    assert meetings_of(body) == []


def test_one_subject_meeting_several_people_in_turn_meets_each_apart():
    # "called on A, …, and also met B", "after paying a courtesy call on B": a meeting of its own each, A and
    # B never meeting each other
    body = ("Army chief General Tomas Varga called on General Ana Ruiz, Minister of National Defence, and also met "
            "General Ola Berg, Chief of Joint Staff.")
    assert sorted(map(sorted, meetings_of(body))) == [["Ana Ruiz", "Tomas Varga"], ["Ola Berg", "Tomas Varga"]]
    body = ("Norvik Defence Minister Tomas Varga held discussions with his Estlandian counterpart Ana Ruiz, after "
            "paying a courtesy call on Estlandian President Ola Berg.")
    assert sorted(map(sorted, meetings_of(body))) == [["Ana Ruiz", "Tomas Varga"], ["Ola Berg", "Tomas Varga"]]
    # one call on two people at once stays one meeting
    body = "Army chief General Tomas Varga called on Defence Minister Ana Ruiz and Chief of Joint Staff Ola Berg."
    assert meetings_of(body) == [{"Tomas Varga", "Ana Ruiz", "Ola Berg"}]


def test_he_is_the_person_a_sentence_opened_with_a_lower_case_title_is_about():
    body = ("Army chief General Tomas Varga flew to Rivertown on Sunday. He called on General Ana Ruiz, Minister of "
            "National Defence, and also met General Ola Berg, Chief of Joint Staff.")
    assert sorted(map(sorted, meetings_of(body))) == [["Ana Ruiz", "Tomas Varga"], ["Ola Berg", "Tomas Varga"]]


def test_meeting_a_thing_meets_no_one_but_officials_led_by_someone_are_met():
    body = ("Defence Minister Tomas Varga flew to Rivertown on Monday. Meeting the deadline set by President Ana Ruiz, "
            "the minister announced a recruitment drive.")
    assert meetings_of(body) == []
    assert meetings_of("Defence Minister Tomas Varga met Ugandan officials led by General Ana Ruiz.") == [
        {"Tomas Varga", "Ana Ruiz"}]


def test_graduates_from_some_of_many_states_each_trained_by_the_schools_state():
    body = ("Another batch of 13 officers from seven nations, including Bangladesh, Indonesia and Tanzania, graduated "
            "from the Indian Navy's Anti-Submarine Warfare School on Friday.")
    assert trainings_of(body) == {("India", "Bangladesh"), ("India", "Indonesia"), ("India", "Tanzania")}


def test_a_person_of_a_states_force_who_trained_somewhere_was_trained_there():
    assert trainings_of("Lieutenant Karim Haddad of the Moroccan Navy had earlier trained in anti-submarine warfare "
                        "in the US.") == {("United States", "Morocco")}
    # one who trained others is no trainee
    assert trainings_of("General Tomas Varga of the Kenya Defence Forces trained Somali officers in Kenya.") == {
        ("Kenya", "Somalia")}


def test_a_contract_awarded_to_a_company_is_an_agreement_with_it():
    for body in ("A £74m contract for 70 armoured trucks has been awarded to Vantor by the Ministry of Defence.",
                 "The Ministry of Defence awarded Vantor a £74m contract for 70 armoured trucks."):
        assert agreements_of(body) == [({"Ministry of Defence", "Vantor"}, "contract")], body


def test_the_leader_of_a_delegation_meets_those_it_meets():
    body = ("A Norvik delegation headed by Defence Minister General Tomas Varga met with President Ana Ruiz and Army "
            "chief General Ola Berg on Monday.")
    assert meetings_of(body) == [{"Tomas Varga", "Ana Ruiz", "Ola Berg"}]


def test_yesterday_is_the_day_before_the_dateline():
    facts = facts_of("Defence Minister Tomas Varga received yesterday the Tunisian ambassador Ana Ruiz.")
    assert [e.date.isoformat() for e in facts.events if e.cls == "Meeting"] == ["2024-03-14"]


def test_honorifics_before_a_name_are_no_person():
    body = ("Army chief General Tomas Varga met his Malaysian counterpart General Tan Sri Datuk Ahmad bin Ismail in "
            "Kuala Lumpur.")
    assert meetings_of(body) == [{"Tomas Varga", "Ahmad bin Ismail"}]


def test_a_team_from_states_told_before_trains_as_the_team():
    body = ("A Mobile Training Team of seven members from Hungary and Romania was deployed to Jordan. The team "
            "delivered a basic search course to 15 Jordanian military personnel.")
    assert trainings_of(body) == {("Hungary", "Jordan"), ("Romania", "Jordan")}
    # officials who only visited train no one
    assert trainings_of("Officials from Hungary visited Amman on Monday. They said 15 Jordanian soldiers had finished "
                        "a course.") == set()


def test_a_place_after_the_second_side_of_between_is_no_party():
    assert agreements_of("The memorandum was signed between the Government of Malaysia and India at the Ministry of "
                         "Defence, Kuala Lumpur.") == [({"Malaysia", "India"}, "memorandum")]


def test_a_states_service_written_after_its_possessive_is_a_body_and_a_party():
    body = ("Russia's Federal Drug Control Service and the Argentine Ministry of Justice and Security signed a "
            "cooperation agreement.")
    assert agreements_of(body) == [({"Federal Drug Control Service", "Argentine Ministry of Justice and Security"},
                                    "agreement")]


def test_the_side_or_government_of_a_state_is_that_state_as_a_party():
    for noun in ("side", "government"):
        assert agreements_of(f"Ukroboronprom signed a contract with the Egyptian {noun} on Monday.") == [
            ({"Ukroboronprom", "Egypt"}, "contract")], noun
    assert agreements_of('"We signed a memorandum with the Kenyan side today," Defence Minister Tomas Varga of Norway '
                         'said.') == [({"Kenya", "Norway"}, "memorandum")]


def test_a_number_after_a_bodys_name_is_a_count_not_a_system():
    assert transfers_of("Lockheed Martin will supply to the Romanian Air Force 21 gap-filler radar systems worth about "
                        "9.5 million dollars.") == {("United States", "Romania", "gap-filler radar systems", "pledged")}


def test_a_competitor_beaten_moves_nowhere():
    assert transfers_of("India chose to purchase the Israeli Spike anti-tank missile system in October 2014, picking "
                        "it over the competing American Javelin system.") == {("Israel", "India", "Spike", "ordered")}


def test_two_of_one_side_signing_during_a_visit_hold_no_meeting():
    body = ("During his visit to Denmark, Norvik Defence Minister Tomas Varga and Air Force chief General Ana Ruiz "
            "signed the contract for the purchase of 24 F-16 fighter aircraft.")
    assert meetings_of(body) == []


def test_meeting_people_through_the_group_they_lead_is_a_meeting():
    for group in ("members of a Polish delegation led by General Ana Ruiz", "the Polish side, headed by Deputy Minister "
                  "Ana Ruiz,", "a Kenyan military mission, headed by General Ana Ruiz,"):
        assert meetings_of(f"Defence Minister Tomas Varga met {group} in Warsaw on Monday.") == [
            {"Tomas Varga", "Ana Ruiz"}], group


def test_guards_of_the_twenty_ninth_days_review():
    """Sentences a reviewer wrote against the day's rules: each was read wrongly before the rules were narrowed."""
    # a prize or a decoration awarded to someone makes no company
    facts = facts_of("A medal was awarded to Brigadier Tomas Varga of the Kenya Defence Forces on Monday.")
    assert names(facts, "Person") == {"Tomas Varga"} and "Tomas Varga" not in names(facts, "Agency")
    facts = facts_of("Ukraine's president awarded Lieutenant Ana Ruiz the order of Bohdan Khmelnytsky.")
    assert names(facts, "Agency") == set()
    # soldiers from states "including" some train; only graduates are some of many trainees
    assert trainings_of("Soldiers from NATO countries, including Poland and Lithuania, trained 2,000 Ukrainian troops "
                        "in Germany.") == {("Poland", "Ukraine"), ("Lithuania", "Ukraine")}
    # one who trained: not where he served before, nor where he went to advise
    assert trainings_of("General Tomas Varga of the US Army, who commanded troops in Iraq, trained at West Point.") == set()
    assert trainings_of("Major Ana Ruiz of the British Army trained in Ukraine as a military adviser before the "
                        "war.") == set()
    # a rival word far from the system, or before the winner, leaves it moved
    assert transfers_of("Rather than wait, Poland bought 48 K9 howitzers from South Korea.") == {
        ("South Korea", "Poland", "K9", "ordered")}
    assert transfers_of("After a rival bid failed, Chile bought 12 F-16 jets from the Netherlands.") == {
        ("Netherlands", "Chile", "F-16", "ordered")}
    # a pledge to a few named among others names them
    assert transfers_of("Germany has pledged 20 Leopard 1 tanks to two allies, including Ukraine, the ministry "
                        "said.") == {("Germany", "Ukraine", "Leopard 1", "pledged")}
    # a delegation that only arrives later meets no one; a relative clause names no second meeting
    assert meetings_of("Defence Minister Tomas Varga met Estonian Defence Minister Ana Ruiz on Monday, a week before a "
                       "trade delegation headed by Economy Minister Ola Berg arrives.") == [{"Tomas Varga", "Ana Ruiz"}]
    assert meetings_of("Defence Minister Tomas Varga held talks with Estonian Defence Minister Ana Ruiz, who chaired the "
                       "meeting, and Latvian Defence Minister Ola Berg in Riga.") == [
        {"Tomas Varga", "Ana Ruiz", "Ola Berg"}]
    # talks during a visit with a signing are still talks
    assert meetings_of("During the visit, Tomas Varga and Ana Ruiz exchanged views on regional security and signed a "
                       "memorandum of understanding.") == [{"Tomas Varga", "Ana Ruiz"}]
    # a side that only welcomes a contract is no party to it; a team that only reports trains no one
    assert agreements_of("Kenya and Vantor Arms Ltd signed a contract, which was welcomed by the British side.") != [
        ({"Kenya", "United Kingdom"}, "contract")]
    assert trainings_of("A team of inspectors from France and Belgium visited the base on Monday. The team said 200 "
                        "Nigerien soldiers had completed training.") == set()
    # "tomorrow" dates nothing told
    facts = facts_of("Defence Minister Tomas Varga, who met Estonian Defence Minister Ana Ruiz in Warsaw last month, "
                     "will fly to Paris tomorrow.")
    assert all(e.date is None or e.date.isoformat() != "2024-03-16" for e in facts.events)

