"""Shapes of the fortieth to forty-third real-news studies and of the s67/s68 story lines, written
again with invented names: a third person in a meeting "also attended by", a known name after an honorific, the
source of a report after a "between" list, a delegation whose leader the next sentence names, the state a unit is
based in, a system also known by two more names, Block I and Block II or a drive configuration written with the
multiplication sign, an item gifted by a state that the main verb says arrived, graduates listed after the
graduation, a training team from a state, a meeting with "his counterpart", talks held "each separately", plain
items of a donation, an acronym defined after a body of a state found by its head noun, names after long titles of
envoys and officials, units in a hosted training, lists of graduates after the school's own, a vehicle brand and
its model, a purchase through a state's programme, those present at a reception, ranks of two abbreviated words, and
plain items listed in a donation, a title-case headline's verb, and items said handed over by their kind.
The guards in the two review tests come from two reviews of the day's changes on frozen copies."""

from defgraph.extract.model import AGENCY, EQUIPMENT, PERSON
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
    assert trainings_of("Instructors of the Germany-based battalion trained Kenyan infantry.") == set()
    # the verb, and a company based in a state, are no such unit
    assert transfers_of("A Turkey-based company delivered 20 Kirpi vehicles to Somalia.") == {
        ("Turkey", "Somalia", "Kirpi", "delivered")}


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


def test_an_item_gifted_by_a_state_and_received_or_arriving_moves():
    assert transfers_of("The Sri Lanka Navy received a patrol boat gifted by Australia.") == {
        ("Australia", "Sri Lanka", "patrol boat", "delivered")}
    # the one item of a kind the article names, with both sides after its participle: how far the main verb says
    assert transfers_of("The second patrol boat gifted by Australia to the Sri Lanka Navy arrived at the Port of "
                        "Colombo this morning.") == {("Australia", "Sri Lanka", "patrol boat", "delivered")}
    assert transfers_of("The patrol boat donated by Australia to the Sri Lanka Navy will arrive in Colombo next "
                        "week.") == {("Australia", "Sri Lanka", "patrol boat", "pledged")}
    # a system the article names is what "the patrol boat" refers to
    assert transfers_of("Australia gifted two Bay-class boats to Sri Lanka. The patrol boat donated by Australia "
                        "arrived in Colombo.") == {("Australia", "Sri Lanka", "Bay-class", "delivered")}


def test_graduates_from_states_listed_after_the_graduation_are_trained_by_the_school():
    text = ("A total of 380 cadets passed out from the Indian Military Academy in Dehradun on Saturday. Forty cadets "
            "from abroad also passed out. They include cadets from five friendly nations: Bhutan, Nepal, Sri Lanka, "
            "Maldives and Tanzania.")
    assert trainings_of(text) == {("India", s) for s in ("Bhutan", "Nepal", "Sri Lanka", "Maldives", "Tanzania")}
    assert trainings_of("380 cadets passed out from the Indian Military Academy on Saturday. Among them were officers "
                        "from Bhutan and Nepal.") == {("India", "Bhutan"), ("India", "Nepal")}
    # what else "they include" says is no graduates' state
    assert trainings_of("380 cadets passed out from the Indian Military Academy on Saturday. They include sons of "
                        "farmers from Punjab and Nepal.") == set()


def test_a_training_team_or_instructors_from_a_state_train_whom_the_training_is_for():
    assert trainings_of("A training team from Italy conducted training for the Somali National Army in "
                        "Mogadishu.") == {("Italy", "Somalia")}
    assert trainings_of("Italian instructors conducted training for the Kenya Defence Forces.") == {("Italy", "Kenya")}
    # graduates who are instructors are trained, as before
    assert trainings_of("Thirty Iraqi instructors graduated from the trainer course in Italy.") == {("Italy", "Iraq")}


def test_a_meeting_with_his_counterpart_is_the_meeting_of_the_person_written_about():
    assert meetings_of("General Ade Bello toured the staff college. This was followed by a meeting with his "
                       "counterpart, General Ivo Kran.") == [{"Ade Bello", "Ivo Kran"}]


def test_two_who_each_separately_talk_with_a_third_meet_him_one_by_one():
    assert meetings_of("Minister Ana Ruiz and General Paul Roe each separately discussed the matter with Minister "
                       "Ivo Kran.") == [{"Ana Ruiz", "Ivo Kran"}, {"Paul Roe", "Ivo Kran"}]


def test_plain_items_of_a_donation_are_each_moved():
    got = transfers_of("China gave military aid to Bolivia. The aid was made up of 10 personnel transport vehicles, "
                       "536 night-vision devices, four water purifiers and 10 water tankers.")
    assert {e for _, _, e, _ in got} == {"personnel transport vehicles", "night-vision devices", "water purifiers",
                                         "water tankers"}
    facts = facts_of("China gave military aid to Bolivia, among it 10 water tankers.")
    assert {e.cls for e in facts.entities.values() if e.name == "water tankers"} == {"Equipment"}
    assert transfers_of("Russia donated equipment to Kyrgyzstan. The ministry said the donation consists of 16 rubber "
                        "boats and five snowmobiles.") == {("Russia", "Kyrgyzstan", "rubber boats", "pledged"),
                                                           ("Russia", "Kyrgyzstan", "snowmobiles", "pledged")}


def test_an_acronym_defined_after_a_body_found_by_its_head_names_it_later():
    assert agreements_of("The Nigerian Defence Research Agency (DRA) was founded in 1990. Boeing and DRA signed the "
                         "agreement in June 2016.") == [({"Boeing", "Nigerian Defence Research Agency"}, "agreement")]
    # a body of no state is not named alone: the passive's recipient stays the article's state
    assert transfers_of("Latvia signed a contract for the NSM Coastal Defence System for the National Armed Forces (NAF). "
                        "Under the contract, the NAF will be supplied with six mobile launchers by Kongsberg.") == {
        ("Norway", "Latvia", "NSM Coastal Defence System", "ordered")}
    assert agreements_of("The grant came from the Japan International Cooperation Agency (JICA). The Grant Agreement "
                         "was signed by the Sri Lankan Government and JICA in June 2016.") == [
        ({"Sri Lanka", "Japan International Cooperation Agency"}, "agreement")]


def test_names_after_long_titles_of_envoys_and_officials():
    # a known name after a title "of" and "to" states begins the envoy's name
    assert meetings_of("The Ambassador of Chile to Peru Rafael Ortiz met Defence Minister Ana Ruiz.") == [
        {"Rafael Ortiz", "Ana Ruiz"}]
    # a title that ends inside a state's name of several words names no one with that word
    facts = facts_of("Chinese Ambassador to São Tomé and Príncipe Xu Yingzhen met Defence Minister Ana Ruiz.")
    assert names(facts, PERSON) == {"Xu Yingzhen", "Ana Ruiz"}
    # "General Supervisor", "National Security Coordinator" are titles, "Undersecretary" alone one too
    assert names(facts_of("The meeting was attended by the General Supervisor of the Office of the Minister, Khalid "
                          "Saad."), PERSON) == {"Khalid Saad"}
    assert names(facts_of("The minister received Undersecretary Damir al-Hassan on Monday."), PERSON) == {
        "Damir al-Hassan"}


def test_guards_from_the_review_of_the_days_changes():
    # "based" as a verb is no unit's base
    assert transfers_of("Poland based its decision to buy 96 AH-64E Apache helicopters from the United States on "
                        "lessons from the war.") == {("United States", "Poland", "AH-64E Apache", "ordered")}
    # those who tell of the talks, or who witnessed another thing, do not attend them
    assert meetings_of("Prime Minister Donald Tusk told reporters that Wladyslaw Kosiniak-Kamysz had met Rustem Umerov "
                       "in talks attended by General Wieslaw Kukula.") == [
        {"Wladyslaw Kosiniak-Kamysz", "Rustem Umerov", "Wieslaw Kukula"}]
    assert meetings_of("Wladyslaw Kosiniak-Kamysz met Rustem Umerov at a session attended by Polish troops, and the "
                       "contract was witnessed by President Andrzej Duda.") == [{"Wladyslaw Kosiniak-Kamysz", "Rustem Umerov"}]
    # "his counterpart" of the one person named is no one named
    assert meetings_of("US Defense Secretary Lloyd Austin arrived in Seoul on Monday for a two-day visit. Japanese "
                       "Defence Minister Gen Nakatani, meanwhile, held talks with his counterpart in Canberra.") == []
    # another state's delegation is not the one received
    assert meetings_of("General Faruk Yusuf received a delegation from Turkey on Monday. The Chinese delegation, led "
                       "by Admiral Dong Jun, is expected in Dhaka next month.") == []
    # only those joined right before "separately" talk apart
    assert meetings_of("Wladyslaw Kosiniak-Kamysz and Laurynas Kasciunas held talks in Vilnius; Kasciunas separately "
                       "spoke with Lloyd Austin.") == [{"Wladyslaw Kosiniak-Kamysz", "Laurynas Kasciunas"},
                                                      {"Laurynas Kasciunas", "Lloyd Austin"}]
    # a state's systems "pledged to" another are still to come; a ship sent to an exercise is not given
    assert transfers_of("Germany's IRIS-T SLM systems pledged to Ukraine are now expected next spring.") == {
        ("Germany", "Ukraine", "IRIS-T SLM", "pledged")}
    assert transfers_of("The patrol vessel sent by the Italian Navy to Ghana for the Obangame Express exercise "
                        "returned to Taranto on Friday.") == set()
    # a lower-case "major" is no rank; a nickname that names another system leaves both apart
    assert "Rheinmetall" in names(facts_of("Hungary awarded a major Rheinmetall Hungary contract for 218 Lynx "
                                           "vehicles."), AGENCY)
    assert {"Bayraktar TB2", "Pantsir"} <= names(facts_of("Turkey delivered the Bayraktar TB2, dubbed the Pantsir "
                                                          "killer by Ukrainian troops, to Ukraine in 2022."), EQUIPMENT)
    # graduates listed after onlookers are not theirs
    assert trainings_of("A total of 312 cadets passed out from the Indian Military Academy on Saturday, watched by "
                        "defence attaches of 20 countries. They included officers from the United States, France and "
                        "Japan.") == set()


def test_study42_shapes_units_in_a_hosted_training_and_lists_of_graduates():
    # units from states that take part in the training a body of one state hosted are trained by it
    assert trainings_of("Hosted by the Turkish Special Forces Command, a special forces training was held in Ankara in "
                        "April. Special forces units from Albania, Bulgaria and Romania took part in the training.") == {
        ("Turkey", "Albania"), ("Turkey", "Bulgaria"), ("Turkey", "Romania")}
    # the school's own officers counted first, then those of friendly countries: each foreign state listed
    assert trainings_of("The ceremony was held at Pakistan Navy War College, Lahore. Degrees were conferred to 98 "
                        "graduates, comprising 57 officers from Pakistan Navy and 32 officers from friendly countries "
                        "including Azerbaijan, Bahrain and Yemen.") == {
        ("Pakistan", "Azerbaijan"), ("Pakistan", "Bahrain"), ("Pakistan", "Yemen")}


def test_study41_shapes_a_brand_and_its_model_or_a_purchase_through_a_states_programme():
    assert transfers_of("The US embassy handed five Ford Ranger trucks to the Kenyan army.") == {
        ("United States", "Kenya", "Ford Ranger", "delivered")}
    assert transfers_of("The US embassy handed 15 Mack trucks to the Kenyan army.") == {
        ("United States", "Kenya", "Mack trucks", "delivered")}
    assert transfers_of("Australia's fourth C-27J, bought through the US Foreign Military Sales programme, arrived on "
                        "Friday.") == {("United States", "Australia", "C-27J", "delivered")}


def test_study42_shapes_those_present_at_a_reception():
    # those present when one receives another attend; those present at a visit or a handover look on
    assert meetings_of("Defence Minister Ana Ruiz received Chief of Staff General Paul Roe in the presence of Colonel "
                       "Max Bauer and of the ambassador, His Excellency Mr. Ivo Kran.") == [
        {"Ana Ruiz", "Paul Roe", "Max Bauer", "Ivo Kran"}]
    assert meetings_of("Minister Ana Ruiz visited the headquarters of Acme in the presence of its chief executive Paul "
                       "Roe.") == []


def test_ranks_of_two_abbreviated_words_are_no_part_of_the_name():
    assert meetings_of("Brig.-Gen. Ana Ruiz met Maj.-Gen. Paul Roe on Monday.") == [{"Ana Ruiz", "Paul Roe"}]
    assert meetings_of("Lt.-Col. Ana Ruiz met Rear-Adm. Paul Roe.") == [{"Ana Ruiz", "Paul Roe"}]
    assert names(facts_of("Jean-Pierre Roe met Defence Minister Ana Ruiz."), PERSON) == {"Jean-Pierre Roe", "Ana Ruiz"}


def test_study43_shapes_plain_items_listed_and_a_title_case_headline_verb():
    got = transfers_of("The Chinese envoy handed over six water bowsers, four fuel trucks and 12 mine detectors to the "
                       "Somali minister.")
    assert {e for _, _, e, _ in got} == {"water bowsers", "fuel trucks", "mine detectors"}
    got = transfers_of("Beijing decided to donate equipment to Mozambique. Among the donated items are military trucks "
                       "and generators.")
    assert got == {("China", "Mozambique", "military trucks", "pledged"), ("China", "Mozambique", "generators", "pledged")}
    # a headline's verb written in capitals is no part of a system's name
    facts = facts_of("Turkey handed over the vehicles to the Albanian police.", title="Ankara Donates Armoured Cars to Tirana")
    assert not any("Donates" in n for n in names(facts, EQUIPMENT))
    assert names(facts_of("India ordered 20 Shipborne Air Defence Systems from Israel."), EQUIPMENT) == {
        "Shipborne Air Defence Systems"}


def test_items_of_the_last_transfer_said_handed_over_by_their_kind():
    assert transfers_of("Turkey has donated 22 armoured personnel carriers to Somalia. The carriers were handed over "
                        "in Mogadishu yesterday.") == {("Turkey", "Somalia", "armoured personnel carriers", "delivered")}
    assert transfers_of("Turkey has donated 22 Kirpi vehicles to Somalia. The vehicles were officially handed over in "
                        "Mogadishu yesterday.") == {("Turkey", "Somalia", "Kirpi", "delivered")}
    # still to come, or handed to another side, they say nothing of this transfer
    assert transfers_of("Turkey has donated 22 Kirpi vehicles to Somalia. The vehicles will be handed over next "
                        "month.") == {("Turkey", "Somalia", "Kirpi", "pledged")}
    assert transfers_of("Turkey has donated 22 Kirpi vehicles to Somalia. Last year, the vehicles were handed over to "
                        "Kenya.") == {("Turkey", "Somalia", "Kirpi", "pledged")}


def test_guards_from_the_second_review():
    # subjects joined by a lower-case title before "separately" each meet the one named after
    assert meetings_of("Defence Minister Kwame Mensah and army chief General Thomas Oppong separately met US Ambassador "
                       "Virginia Palmer.") == [{"Kwame Mensah", "Virginia Palmer"}, {"Thomas Oppong", "Virginia Palmer"}]
    # those present at a handover ceremony look on
    assert meetings_of("The Ghana Navy received two patrol boats from the United States in a ceremony in the presence "
                       "of Ambassador Virginia Palmer and Defence Minister Dominic Nitiwul.") == []
    # a delegation received from a body of no named state, its leader named with his state next
    assert meetings_of("Army chief General Musa received a delegation from the National Defence College on Tuesday. "
                       "The Ghanaian delegation, led by Air Vice Marshal Kofi Mensah, discussed officer exchanges.") == [
        {"Kofi Mensah", "Musa"}]
    # sent as a gift is given; a state leading an initiative sells nothing; a base is where a unit is
    assert transfers_of("The patrol boat sent by Japan to the Philippines as a gift arrived in Manila.") == {
        ("Japan", "Philippines", "patrol boat", "delivered")}
    assert transfers_of("Ukraine will receive 20 M113 vehicles bought via the Czech-led ammunition initiative.") == set()
    assert transfers_of("The United States will send 12 F-15E jets to the Qatar-based Al Udeid Air Base.") == set()
    # a rank in lower case (not an English adjective) before a known body's name; a chairman's company stays one
    assert meetings_of("The Brazilian Navy commander, almirante Leonardo Puntel, met Italian Defence Minister Guido "
                       "Crosetto in Rome.") == [{"Leonardo Puntel", "Guido Crosetto"}]
    facts = facts_of("Chairman Rostec Sergei Chemezov met Indian Defence Minister Rajnath Singh in Moscow.")
    assert "Rostec" in names(facts, AGENCY) and "Sergei Chemezov" in names(facts, PERSON)
    # a name it is known as "in the Italian Army" is its other name
    assert names(facts_of("Italy will deliver 80 Light Multirole Vehicles, known as Lince in the Italian Army, to "
                          "Ukraine."), EQUIPMENT) == {"Light Multirole Vehicles"}
    # attendees listed at the end of the sentence attend
    assert meetings_of("Minister Ana Ruiz met General Paul Roe in a meeting also attended by Colonel Max Bauer, Colonel "
                       "Ivo Kran and Major Jan Smit.") == [{"Ana Ruiz", "Paul Roe", "Max Bauer", "Ivo Kran", "Jan Smit"}]
    # the particle of a headline's verb is no part of a name either
    facts = facts_of("Japan handed over two patrol boats to the Philippine Coast Guard.",
                     title="Japan Hands Over Patrol Boats to Philippines")
    assert not any("Over" in n for n in names(facts, EQUIPMENT))
