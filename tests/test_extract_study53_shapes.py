"""Shapes of the fifty-third to fifty-fifth real-news studies and of the s73/s74 story lines, written again with
invented wording."""

from defgraph.canonical import canonical_key
from defgraph.extract.model import AGENCY, EQUIPMENT, PERSON
from tests.test_extract import agreements_of, facts_of, meetings_of, names, transfers_of, trainings_of


def test_a_verb_with_an_object_of_its_own_only_speaks_of_a_system_after_a_preposition_of_topic():
    story = "Bangladesh has begun talks with Pakistan on a possible purchase of JF-17 fighters. "
    assert transfers_of(story + "A spokesman said Pakistan gave no details on the JF-17.") == {
        ("Pakistan", "Bangladesh", "JF-17", "discussed")}
    assert transfers_of(story + "Pakistan voiced its interest in the JF-17 deal.") == {
        ("Pakistan", "Bangladesh", "JF-17", "discussed")}
    # a system the verb moves stays, and one told after a preposition with a trigger of its own
    assert transfers_of("The US gave Ukraine two HIMARS on Monday.") == {("United States", "Ukraine", "HIMARS", "delivered")}
    assert transfers_of("The US provided an update on the delivery of the F-16s to Ukraine.") == {
        ("United States", "Ukraine", "F-16", "delivered")}


def test_what_opens_the_way_for_a_state_to_buy_is_a_prospect():
    assert transfers_of("The memorandum opens the way for Indonesia to acquire M-SAM systems from South Korea.") == {
        ("South Korea", "Indonesia", "M-SAM", "discussed")}
    assert transfers_of("The vote paved the way for Indonesia to buy 12 Rafale jets from France.") == {
        ("France", "Indonesia", "Rafale", "discussed")}
    assert transfers_of("Indonesia bought 12 Rafale jets from France, paving the way for more.") == {
        ("France", "Indonesia", "Rafale", "ordered")}


def test_graduates_from_states_listed_after_a_colon_or_among_them_are_trained_by_the_school():
    assert trainings_of("A total of 135 officers graduated from the Royal College of Advanced Military Studies in "
                        "Kenitra, Morocco. Of the graduates, 38 represent friendly countries: Senegal, Mali and "
                        "Gabon.") == {("Morocco", "Senegal"), ("Morocco", "Mali"), ("Morocco", "Gabon")}
    assert trainings_of("A total of 135 officers graduated from the Egyptian Military Academy. The class included "
                        "students from Egypt and 23 brotherly and friendly countries, among them Sudan, Chad and "
                        "Jordan.") == {("Egypt", "Sudan"), ("Egypt", "Chad"), ("Egypt", "Jordan")}
    # a school whose state the text does not give trains as itself
    assert trainings_of("A total of 135 officers graduated from the Royal College of Advanced Military Studies. "
                        "Of them, 38 come from friendly countries: Senegal and Mali.") == {
        ("Royal College of Advanced Military Studies", "Senegal"), ("Royal College of Advanced Military Studies", "Mali")}
    # states the graduates' guests come from are no graduates' states
    assert trainings_of("A total of 135 officers graduated from the Egyptian Military Academy, watched by envoys "
                        "of friendly countries: Sudan and Chad.") == set()


def test_initials_written_against_a_family_name_make_a_name():
    facts = facts_of("A delegation led by V.N.Ivanov was received by Kh.Batbold, the Mongolian defence minister, in "
                     "Ulaanbaatar.")
    assert names(facts, PERSON) == {"V.N.Ivanov", "Kh.Batbold"}
    assert meetings_of("A delegation led by V.N.Ivanov was received by Kh.Batbold, the Mongolian defence minister.") == [
        {"V.N.Ivanov", "Kh.Batbold"}]
    # an abbreviated place is no one
    assert names(facts_of("Colonel A.B.Karimov met the Uzbek minister in St.Petersburg."), PERSON) == {"A.B.Karimov"}


def test_honorifics_stacked_before_a_name_and_an_office_after_it_are_no_part_of_it():
    assert names(facts_of("The Sultan received Tan Sri Dato Sri Haji Affendi bin Buang, Chief of Defence Forces of "
                          "Malaysia."), PERSON) == {"Affendi bin Buang"}
    assert names(facts_of("Dato' Sri Mohamad Hasan met the Thai minister."), PERSON) == {"Mohamad Hasan"}
    assert meetings_of("General Manoj Pande COAS called on Maj Gen Wilbert Augustine Ibuge Commandant at the "
                       "college.") == [{"Manoj Pande", "Wilbert Augustine Ibuge"}]
    # a family name in capitals stays one
    assert names(facts_of("Colonel Kéba SANGARÉ met the French attaché."), PERSON) == {"Kéba SANGARÉ"}


def test_those_who_accompany_a_visitor_are_one_side():
    assert meetings_of("Polish Defence Minister Jan Kowal arrived in Kyiv on Thursday. He is accompanied on the visit "
                       "by Deputy Minister Adam Nowak and by General Piotr Lis. The politicians met a Ukrainian "
                       "delegation.") == []
    assert meetings_of("Defence Minister Jan Kowal, accompanied by General Piotr Lis, met Defence Minister Olek Bar "
                       "in Kyiv.") == [{"Jan Kowal", "Olek Bar"}]


def test_gear_named_by_its_kind_drops_words_of_praise_and_counts_sniffers_and_suits():
    assert transfers_of("The US donated 26 state-of-the-art all-terrain vehicles to Senegal.") == {
        ("United States", "Senegal", "all-terrain vehicles", "pledged")}
    assert transfers_of("Italy donated 138 mine detectors and four explosive sniffers to the Lebanese Army.") == {
        ("Italy", "Lebanon", "mine detectors", "pledged"), ("Italy", "Lebanon", "explosive sniffers", "pledged")}
    assert transfers_of("Japan donated 500 chemical protective suits to the Philippine Army.") == {
        ("Japan", "Philippines", "chemical protective suits", "pledged")}


def test_a_variant_joined_to_its_family_is_apart_from_another_written_with_a_block():
    assert transfers_of("Bangladesh ordered four JF-17B aircraft from Pakistan. It also ordered 18 JF-17 Block-III "
                        "jets.") == {("Pakistan", "Bangladesh", "JF-17B", "ordered"),
                                     ("Pakistan", "Bangladesh", "JF-17 Block-III", "ordered")}
    assert transfers_of("Bangladesh ordered four JF-17B aircraft from Pakistan. It also ordered 18 JF-17 Thunder "
                        "Block-III jets.") == {("Pakistan", "Bangladesh", "JF-17B", "ordered"),
                                               ("Pakistan", "Bangladesh", "JF-17 Block III", "ordered")}
    # one block however it is written: one key in the graph
    keys = set()
    for written in ("JF-17 Block III", "JF-17 Blk III", "JF-17 Block-III"):
        facts = facts_of(f"Pakistan delivered 10 {written} jets to Bangladesh.")
        keys |= {canonical_key(e) for e in facts.entities.values() if e.family == EQUIPMENT}
    assert len(keys) == 1


def test_a_course_whose_trainees_the_next_sentence_lists_trains_them():
    assert trainings_of("The United Kingdom ran a six-week staff course in Accra. This year the group includes "
                        "officers from Ghana, Kenya and Nigeria.") == {
        ("United Kingdom", "Ghana"), ("United Kingdom", "Kenya"), ("United Kingdom", "Nigeria")}
    assert trainings_of("The British Army opened a peacekeeping course in Nairobi. Participants came from the "
                        "following countries: Kenya, Uganda and Rwanda.") == {
        ("United Kingdom", "Kenya"), ("United Kingdom", "Uganda"), ("United Kingdom", "Rwanda")}
    assert trainings_of("Poland opened an international staff course on Monday. The participants come from four "
                        "countries (Hungary, Czechia, Slovakia and Austria).") == {
        ("Poland", "Hungary"), ("Poland", "Czech Republic"), ("Poland", "Slovakia"), ("Poland", "Austria")}
    # states the next sentence names for something else are no trainees
    assert trainings_of("The United Kingdom ran a six-week staff course in Accra. Ghana and Kenya signed a trade "
                        "deal.") == set()
    assert trainings_of("The United Kingdom ran a six-week staff course in Accra. This year the group includes "
                        "observers, and Ghana and Kenya sent envoys.") == set()


def test_training_a_state_benefits_from_or_another_contributes_or_a_named_team_serves_in():
    assert trainings_of("The Ghanaian Army benefited from training programmes offered by France.") == {("France", "Ghana")}
    assert trainings_of("Japan contributed equipment and training to Mozambique.") == {("Japan", "Mozambique")}
    assert trainings_of("The minister met members of the Indian Military Training Team in Tanzania.") == {
        ("India", "Tanzania")}
    assert trainings_of("The British Military Advisory and Training Team (BMATT) in Sierra Leone organised the "
                        "course.") == {("United Kingdom", "Sierra Leone")}
    # a team at home, or one benefit that is no training, trains no one
    assert trainings_of("The Kenyan Training Team in Kenya met the press.") == set()
    assert trainings_of("Ghana benefited from loans offered by France.") == set()


def test_talks_that_led_to_a_signing_signed_it_and_a_documents_own_between_names_its_parties():
    assert agreements_of("The talks led to the signing of a military cooperation agreement between Cameroon and "
                         "China.") == [({"Cameroon", "China"}, "agreement")]
    assert agreements_of("The talks will lead to the signing of an agreement between Cameroon and China.") == []
    assert agreements_of("The agreement will remove restrictions on exchanges between Cameroon and China, the "
                         "minister said after he signed it.") == []


def test_guests_received_separately_are_met_one_at_a_time_without_their_aides():
    assert meetings_of("Defence Minister Abdullah Al-Ali received in his office, separately, the ambassador of Qatar, "
                       "Ali Al Mahmoud, accompanied by the military attache Brigadier Eid Al-Sulaiti, and the "
                       "ambassador of Bahrain, Salah Al-Maliki.") == [{"Abdullah Al-Ali", "Ali Al Mahmoud"},
                                                                     {"Abdullah Al-Ali", "Salah Al-Maliki"}]


def test_one_a_memorial_honours_is_not_met():
    assert meetings_of("During his visit, Minister John Doe laid a wreath at the monument to President Heydar "
                       "Aliyev.") == []
    assert meetings_of("Minister John Doe visited the tomb of President Kwame Nkrumah.") == []
    assert meetings_of("Minister John Doe met President Kwame Nkrumah at the museum.") == [{"John Doe", "Kwame Nkrumah"}]


def test_a_states_shipyards_are_a_company_and_what_is_contracted_from_it_is_ordered():
    assert names(facts_of("Ghana bought boats from Israel Shipyards."), AGENCY) == {"Israel Shipyards"}
    assert transfers_of("The facilities will serve the eight Shaldag MK V boats contracted from Israel Shipyards in "
                        "December, the Ghana Navy said.") == {("Israel", "Ghana", "Shaldag MK V", "ordered")}


def test_a_mark_however_written_is_one_system_and_deliveries_expected_in_a_year_are_ahead():
    facts = facts_of("The first two of six Shaldag Mk. V fast patrol boats built by Israel Shipyards for the Ghana "
                     "Navy have arrived at Sekondi.")
    assert names(facts, EQUIPMENT) == {"Shaldag Mk. V"}
    keys = set()
    for written in ("Shaldag Mk V", "Shaldag MK V", "Shaldag Mark V", "Shaldag V"):
        facts = facts_of(f"Israel delivered 2 {written} boats to Ghana.")
        keys |= {canonical_key(e) for e in facts.entities.values() if e.family == EQUIPMENT}
    assert len(keys) == 1
    facts = facts_of("Israel delivered 2 Shaldag Mk IV boats to Ghana.")
    assert {canonical_key(e) for e in facts.entities.values() if e.family == EQUIPMENT}.isdisjoint(keys)
    assert transfers_of("Deliveries of the Shaldag Mk IV craft to Ghana by Israel are expected in early 2028.") == {
        ("Israel", "Ghana", "Shaldag Mk IV", "pledged")}
    assert transfers_of("Deliveries of the Shaldag Mk IV craft to Ghana by Israel began in 2024 and the last are "
                        "expected in 2028.") == {("Israel", "Ghana", "Shaldag Mk IV", "delivered")}


def test_challenges_met_no_meeting_and_an_agreement_still_to_be_signed_named_by_its_states_is_none():
    assert meetings_of("Under the guidance of President Xi Jinping and President Vladimir Putin, relations grew. "
                       "Russia was willing to carry out the consensus of the leaders of the two countries and to "
                       "meet security challenges together.") == []
    assert meetings_of("Defence Minister Dong Jun met Defence Minister Andrei Belousov. The two met again on "
                       "Friday.") == [{"Dong Jun", "Andrei Belousov"}]
    assert agreements_of("Poland will sign an agreement with Ukraine. Kowal spoke on the new Polish-Ukrainian "
                         "agreement.") == []
    assert agreements_of("Kowal spoke on the new Polish-Ukrainian agreement.") == [({"Poland", "Ukraine"}, "agreement")]


def test_a_carrier_named_after_its_owner_moves_nothing_even_before_a_participle():
    assert transfers_of("The aid, made up of gloves and masks, was flown in aboard a Royal Australian Air Force "
                        "(RAAF) C-130J Hercules and handed over by Australia to Indonesia.") == set()
    assert transfers_of("The NASAMS donated by Canada to Ukraine arrived.") == {("Canada", "Ukraine", "NASAMS", "delivered")}


def test_a_plan_of_bilateral_cooperation_signed_between_two_ministries_is_theirs():
    assert agreements_of('The "Plan of bilateral cooperation between the Ministry of Defence of Kazakhstan and the '
                         'Ministry of Defence of Russia for 2022" has been signed.') == [
        ({"Ministry of Defence of Kazakhstan", "Ministry of Defence of Russia"}, "agreement")]


def test_guards_from_the_review_of_the_trainings_meetings_and_agreements():
    # only a course awaits a roster, and only a roster of people; another gathering told between keeps it
    assert trainings_of("The US Army trained in the Arctic for a month. Participants included Norway, Sweden and "
                        "Finland.") == set()
    assert trainings_of("NATO allies have stepped up training. They include Denmark, Norway and Estonia.") == set()
    assert trainings_of("The Italian Navy held a diving course in La Spezia. On Tuesday a symposium on mine warfare "
                        "opened in Rome. The participants came from Greece, Spain and Portugal.") == set()
    # a graduation's list of guests' states is no roster
    assert trainings_of("A total of 135 officers graduated from the Egyptian Military Academy. The ceremony was "
                        "attended by ministers of friendly countries including Sudan and Chad.") == set()
    # the one state the graduation's sentence names, or the one written after the school
    assert trainings_of("King Mohammed VI of Morocco presided over the graduation of 135 officers at the Royal "
                        "College of Advanced Military Studies. Of them, 38 come from friendly countries: Senegal and "
                        "Mali.") == {("Morocco", "Senegal"), ("Morocco", "Mali")}
    assert trainings_of("A total of 135 officers graduated from the Defence Services Staff College at Wellington in "
                        "India. Of them, 30 come from friendly countries: Ghana and Kenya.") == {
        ("India", "Ghana"), ("India", "Kenya")}
    # one who leads, though escorted, meets; a memorial's phrase ends before another clause
    assert meetings_of("Accompanied by General Piotr Lis, Defence Minister Jan Kowal met Defence Minister Olek "
                       "Bar.") == [{"Jan Kowal", "Olek Bar"}]
    assert meetings_of("Minister John Doe laid flowers at the memorial to the fallen and met Minister Rustem "
                       "Umerov.") == [{"John Doe", "Rustem Umerov"}]
    # a refusal, or another document to be signed, leaves an agreement named by two states; a modal "led" signs nothing
    assert agreements_of("Hungary refused to sign. The Polish-Ukrainian agreement, concluded in January, holds.") == [
        ({"Poland", "Ukraine"}, "agreement")]
    assert agreements_of("The minister hoped the visit would have led to the signing of an agreement between "
                         "Cameroon and China.") == []
    # training benefited from: each provider, never a camp, never when denied; only a military training team's place
    assert trainings_of("Ghana benefited from training programmes offered by France and Germany.") == {
        ("France", "Ghana"), ("Germany", "Ghana")}
    assert trainings_of("Ghana benefited from a training camp offered by Togo.") == set()
    assert trainings_of("Ghana has not benefited from training offered by France.") == set()
    assert trainings_of("The Canadian Training Team in Poland has instructed thousands of recruits.") == set()


def test_guards_from_the_review_of_the_transfers_and_entities():
    # money "in" a system, or aid "in the form of" it, still moves it
    assert transfers_of("Canada gave Ukraine 30 million dollars in NASAMS.") == {("Canada", "Ukraine", "NASAMS", "delivered")}
    assert transfers_of("The Netherlands sent Ukraine aid in the form of 24 F-16 jets.") == {
        ("Netherlands", "Ukraine", "F-16", "delivered")}
    assert transfers_of("Bangladesh has begun talks with Pakistan on a possible purchase of JF-17 fighters. A spokesman "
                        "said Pakistan welcomed interest from friendly air forces in the JF-17 but gave no details.") == {
        ("Pakistan", "Bangladesh", "JF-17", "discussed")}
    # a prospect only where the way opened leads straight to the purchase, and no signed contract opened it
    assert transfers_of("The talks paved the way for the deal and Indonesia agreed to buy 42 Rafale jets from "
                        "France.") == {("France", "Indonesia", "Rafale", "ordered")}
    assert transfers_of("The contract signed on Thursday opens the way for Indonesia to buy 42 Rafale jets from "
                        "France.") == {("France", "Indonesia", "Rafale", "ordered")}
    assert transfers_of("Indonesia's order paved the way for France to deliver 42 Rafale jets to Indonesia.") == {
        ("France", "Indonesia", "Rafale", "pledged")}
    # cargo said to arrive aboard is no carrier
    assert transfers_of("Flown in aboard the cargo plane were 20 MRAP vehicles donated by the US to Kenya.") == {
        ("United States", "Kenya", "MRAP", "pledged")}
    # a family name that is also a title stays; honorifics, places and companies with full stops are no glued initials
    assert names(facts_of("Vice Admiral Mary Ann King met Rear Admiral Fahad Al Sultan."), PERSON) == {
        "Mary Ann King", "Fahad Al Sultan"}
    assert names(facts_of("Mr.Modi met President Emmanuel Macron."), PERSON) == {"Modi", "Emmanuel Macron"}
    assert names(facts_of("The ship reached Pt.Said. J.K.Industries signed."), PERSON) == set()
    assert names(facts_of("V.N.Ivanov's delegation was received by Kh.Batbold, the Mongolian defence minister."),
                 PERSON) == {"V.N.Ivanov", "Kh.Batbold"}
    # a mark's full stop with one word before the kind; a shipyard's name ends before "for"
    assert transfers_of("Ghana received two Shaldag Mk. V boats from Israel.") == {
        ("Israel", "Ghana", "Shaldag Mk. V", "delivered")}
    assert names(facts_of("Ghana bought boats built by Israel Shipyards for Ghana."), AGENCY) == {"Israel Shipyards"}


def test_a_sum_given_in_a_system_is_read_only_from_whole_words():
    from defgraph.extract.events.transfers import _AMOUNT_IN
    assert _AMOUNT_IN.search("Canada gave Ukraine 30 million dollars in ") and _AMOUNT_IN.search("$30 m in ")
    assert _AMOUNT_IN.search("aid in the form of 24 ")
    # a word that merely ends like an amount ("program", "said") says no sum
    assert _AMOUNT_IN.search("the program in ") is None and _AMOUNT_IN.search("a spokesman said in ") is None
