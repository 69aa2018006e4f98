"""Shapes of the sixtieth deal story lines and the thirty-fifth real-news study, written again with
invented names: an amount written with a currency code before a system, two people who met written as
"the two", training that is only talked about, a contract told again with the day it was signed, a
meeting dated by the signing it led to; attendees of "this meeting" written first, givers in general,
and a state that only qualifies the official who tells of a transfer; from the s61/s62 story lines and
the thirty-fifth study, a body of one state named as another's ("the Royal Air Force of Oman"), a
system's name written with a hyphen, deliveries planned for a year, a supplier said in the next
sentence, graduates who represented states, a body named by a
place of its state, and a training completed with a body; from the thirty-sixth study, a body's
instructors, a training team from a state, equipment for training, a team joined by others, and
people present at a visit or a signing, talks written as "the talks with X", a company called a joint
venture, and a consortium known by its initials; from the s63/s64 story lines, a designation with a
stretch number before a system's name, the order a delivery completes, and deliveries planned after an order;
from the thirty-seventh study, a system the world data gave its user's origin, and two who separately called on
a third."""

from datetime import date, datetime

from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_an_amount_with_a_currency_code_before_a_system_counts_nothing():
    for amount in ("USD 465 million", "EUR 465 million", "$465 million"):
        f = facts_of(f"Kongsberg wins {amount} NASAMS order from Chile")
        transfers = [e for e in f.events if e.cls == "Transfer"]
        assert [(e.status, e.quantity, e.value.amount) for e in transfers] == [("ordered", None, 465000000)]
    # a count written after the amount is still one
    f = facts_of("Chile ordered 12 NASAMS launchers from Kongsberg for USD 465 million.")
    assert [e.quantity for e in f.events if e.cls == "Transfer"] == [12]


def test_the_two_who_met_are_the_two_named_before():
    assert meetings_of("The contract was signed by the Minister of Defence, Ruben Calloway, and Tor Aasland, "
                       "executive vice president of Acme Defence. The two met at the ministry before the "
                       "ceremony.") == [{"Ruben Calloway", "Tor Aasland"}]
    # "the two" of states meets no one; "the two" who do something else met no one either; whom "the two"
    # met joins them
    assert meetings_of("Defence Minister Ruben Calloway and his Chilean counterpart Tomas Vidal signed the agreement "
                       "in Oslo. The two spoke to reporters afterwards.") == []
    assert meetings_of("General Carl Bright and Admiral Jan Holm attended the parade. The two later met President "
                       "Maria Lopes.") == [{"Carl Bright", "Jan Holm", "Maria Lopes"}]
    assert meetings_of("Malaysia and Indonesia signed a pact. The two held talks on border security.") == []
    assert meetings_of("Defence Minister Ruben Calloway toured the yard with Tor Aasland. The two inspected a "
                       "frigate.") == []


def test_training_talked_about_is_no_training_given():
    assert trainings_of("The two ministers met at the ministry, where they also discussed local maintenance and "
                        "the training of Chilean technicians in Norway.") == set()
    assert trainings_of("Officials reviewed the training of Chilean technicians in Norway.") == set()
    # training given still is, also where talks are told beside it
    assert trainings_of("Norway trained 40 Chilean technicians, the ministers said after they discussed "
                        "maintenance.") == {("Norway", "Chile")}


def test_a_contract_told_again_takes_the_day_it_was_signed_and_so_does_the_meeting_before_it():
    f = facts_of("Acme Defence has signed a contract with Chile's Ministry of National Defence for the supply of "
                 "the NASAMS air defence system, the company said on Tuesday. The contract was signed in "
                 "Santiago on 4 March by Chile's Minister of National Defence, Ruben Calloway, and Tor Aasland, "
                 "executive vice president of Acme Defence. The two met at the ministry before the ceremony.",
                 published=datetime(2024, 3, 5, 15, 40))
    assert [e.date for e in f.events if e.cls == "Agreement"] == [date(2024, 3, 4)]
    assert [e.date for e in f.events if e.cls == "Meeting"] == [date(2024, 3, 4)]
    # not a signing of another document, nor the day of a signing before a meeting "ahead of" another ceremony
    f = facts_of("Chile and Norway signed a memorandum on 4 March 2024. Ruben Calloway met Tomas Vidal in Oslo "
                 "before the signing of a second agreement next year.")
    assert [e.date for e in f.events if e.cls == "Meeting"] == [date(2024, 3, 15)]
    f = facts_of("Norway handed over two frigates to Chile at a ceremony in Bergen. Chile and Norway signed a "
                 "memorandum on 4 March 2024. Ruben Calloway met Tomas Vidal in Oslo ahead of the ceremony.")
    assert [e.date for e in f.events if e.cls == "Meeting"] == [date(2024, 3, 15)]
    # a meeting at which the two then signed the document is on the day it was signed
    f = facts_of("The contract was concluded on 4 March 2024 between the Ministry of National Defence of Chile and "
                 "the Norwegian company Acme Defence. The minister, Ruben Calloway, received Tor Aasland of Acme Defence at the ministry, "
                 "where both officials reviewed the programme and then signed the contract.",
                 published=datetime(2024, 3, 5, 18, 0))
    assert [e.date for e in f.events if e.cls == "Meeting"] == [date(2024, 3, 4)]


def test_attendees_of_this_meeting_written_first_join_it():
    assert meetings_of("Defence Minister Luis Varga met with General Carl Bright in Quito on Monday. Also attending "
                       "this meeting were General Nelson Prado and General Santiago Alba.") \
        == [{"Luis Varga", "Carl Bright", "Nelson Prado", "Santiago Alba"}]
    assert meetings_of("Defence Minister Luis Varga met with General Carl Bright in Quito on Monday. General Nelson "
                       "Prado attended this meeting.") == [{"Luis Varga", "Carl Bright", "Nelson Prado"}]
    # not one who attended this week's summit
    assert meetings_of("Defence Minister Luis Varga met with General Carl Bright in Quito on Monday. General Nelson "
                       "Prado attended this week's NATO summit in Vilnius.") == [{"Luis Varga", "Carl Bright"}]


def test_givers_in_general_and_the_state_of_an_official_who_tells_of_it_give_nothing():
    assert transfers_of("A U.S. official said several countries have offered 60 F-16s to Ukraine.") == set()
    assert transfers_of("According to a U.S. official, several countries have offered 60 F-16s to Ukraine.") == set()
    assert {s for s, _, _, _ in transfers_of("A U.S. official said Denmark and Norway have offered 60 F-16s to "
                                             "Ukraine.")} == {"Denmark", "Norway"}
    # a state named among the givers gives; a speaker's own government gives; one that says it gives does
    assert {s for s, _, _, _ in transfers_of("Several countries, including Denmark and Norway, have offered 60 "
                                             "F-16s to Ukraine.")} == {"Denmark", "Norway"}
    assert transfers_of("Polish officials said their government will send 14 Leopard tanks to Ukraine.") \
        == {("Poland", "Ukraine", "Leopard", "pledged")}
    assert transfers_of("Germany said on Tuesday that it will deliver 18 Leopard tanks to Ukraine.") \
        == {("Germany", "Ukraine", "Leopard", "pledged")}
    # the two countries named before give
    assert {s for s, _, _, _ in transfers_of("France and Denmark signed an agreement on Tuesday. The two countries "
                                             "will jointly deliver 20 Caesar howitzers to Ukraine.")} >= {"France"}


def test_a_body_of_another_state_named_with_its_state():
    got = transfers_of("The Royal Air Force of Oman has received the first 2 of 4 VL MICA batteries ordered from MBDA.")
    assert got == {("France", "Oman", "VL MICA", "delivered")}
    f = facts_of("The Royal Navy of Oman received a corvette.")
    assert "Royal Navy of Oman" in names(f, "Agency") and "Royal Navy" not in names(f, "Agency")


def test_a_system_name_written_with_a_hyphen_for_a_space():
    f = facts_of("Oman will be supplied with four VL-MICA air defence batteries by MBDA.")
    assert [(e.supplier, e.recipient, e.equipment) for e in f.events if e.cls == "Transfer"] \
        == [("Country:france", "Country:oman", ["Equipment:mica-vl"])]


def test_deliveries_planned_for_a_year_are_ahead():
    assert transfers_of("Deliveries of the KA-1 to Senegal from South Korea are planned for 2026.") \
        == {("South Korea", "Senegal", "KA-1", "pledged")}
    # a purchase told before keeps its stage
    assert {st for _, _, _, st in transfers_of("Dakar has ordered four KA-1 light attack aircraft from KAI for $104 "
                                               "million. Deliveries of the KA-1 are planned for 2026.")} == {"ordered"}
    assert {st for _, _, _, st in transfers_of("Deliveries of the KA-1 to Senegal from South Korea began in "
                                               "2024.")} == {"delivered"}
    assert {st for _, _, _, st in transfers_of("Deliveries of 48 K2 tanks from South Korea to Poland began in 2022 and "
                                               "the last batch is scheduled for 2025.")} == {"delivered"}


def test_an_arrival_whose_supplier_the_next_sentence_says():
    assert transfers_of("The first 4 of 12 KT-1 basic trainers ordered by Senegal have arrived at Thies air base. "
                        "The aircraft were shipped from Korea to Dakar in crates.") \
        == {("South Korea", "Senegal", "KT-1", "delivered")}
    # a leg of the journey is no supplier
    assert transfers_of("The first Patriot batteries for Ukraine have arrived. The systems were transported from "
                        "Poland by rail.") == set()


def test_graduates_who_represented_states_at_a_school_of_a_state():
    assert trainings_of("Sixty officers graduated on Friday from the staff course at the Western Hemisphere Institute "
                        "for Security Cooperation, a U.S. Army school at Fort Benning. The students represented seven "
                        "nations, including Belize, Costa Rica and Panama.") \
        == {("United States", "Belize"), ("United States", "Costa Rica"), ("United States", "Panama")}
    # not people from states in the sentence after a graduation who are no graduates
    assert trainings_of("Sixty cadets graduated on Friday from the Nigerian Defence Academy. Officers from Ghana and "
                        "Liberia, who had taught the cadets, presented the awards.") == set()
    # not guests who represented states at a ceremony
    assert trainings_of("Sixty officers graduated on Friday from the staff course at the Western Hemisphere Institute "
                        "for Security Cooperation, a U.S. Army school. The ceremony was attended by guests who "
                        "represented seven nations, including Belize and Panama.") == set()


def test_a_body_named_by_a_place_of_its_state_and_a_training_completed_with_it():
    assert trainings_of("The Arizona National Guard trained three Ukrainian pilots.") == {("United States", "Ukraine")}
    assert trainings_of("Three Ukrainian pilots have graduated from F-16 training with the Arizona National Guard.") \
        == {("United States", "Ukraine")}
    assert trainings_of("Forty Kenyan soldiers completed a course with the British Army in Nanyuki.") \
        == {("United Kingdom", "Kenya")}
    # training beside soldiers of another state is side by side, and so is training "with" after graduating;
    # a capital that opens a body's name is no region of its state
    assert trainings_of("Indonesian troops completed training with Australian soldiers.") == set()
    assert trainings_of("After graduating, the Kenyan cadets trained with the British Army.") == set()
    assert trainings_of("The Accra Initiative trained 40 officers from Togo and Benin.") == set()


def test_the_instructors_of_a_body_train_as_its_state_or_as_itself():
    assert trainings_of("Two NATO instructors trained 35 Moroccan officers.") == {("NATO", "Morocco")}
    assert trainings_of("Bundeswehr instructors trained Ukrainian crews on the Leopard.") == {("Germany", "Ukraine")}
    assert trainings_of("A 40-man training team from the UK was sent to train Malian soldiers.") \
        == {("United Kingdom", "Mali")}
    # instructors a body's states send train as those states; instructors who are trained are trainees
    assert trainings_of("NATO instructors from Italy and Spain trained Iraqi officers.") \
        == {("Italy", "Iraq"), ("Spain", "Iraq")}
    assert trainings_of("Two African Union instructors and Kenyan Army officers were trained by the United "
                        "States.") == {("United States", "Kenya")}
    assert trainings_of("The Ukrainian training team trained by British instructors returned home.") \
        == {("United Kingdom", "Ukraine")}


def test_equipment_for_training_and_a_team_joined_by_others_train_no_one():
    assert trainings_of("The United States delivered 60 training helicopters to Colombia.") == set()
    # the crews of a kind of system are trained
    assert trainings_of("Poland has trained tank crews from Ukraine on the Leopard 2A4.") == {("Poland", "Ukraine")}
    assert trainings_of("The British training team was joined by six personnel from the Republic of Ireland's "
                        "Defence Forces.") == set()
    # training given to a state still is
    assert trainings_of("The United States provided training to Colombian pilots.") == {("United States", "Colombia")}


def test_people_present_at_a_visit_or_a_signing_meet_no_one():
    assert meetings_of("It will be signed in Kuwait in the presence of Defence Minister Jean-Yves Le Drian and his "
                       "counterpart Sheikh Khaled Al Sabah.") == []
    assert meetings_of("Minister Nicola Latorre visited the headquarters of Iveco in Bolzano today, in the presence "
                       "of the chief executive, Claudio Catalano.") == []
    # those who meet in someone's presence still meet, and talks held in someone's presence are theirs too
    assert meetings_of("In the presence of the two delegations, Ruben Calloway met Jose Mucio in Brasilia on "
                       "Monday.") == [{"Ruben Calloway", "Jose Mucio"}]
    assert meetings_of("In the presence of President Maria Lopes, Defence Minister Ruben Calloway held talks with "
                       "his Brazilian counterpart Jose Mucio.") == [{"Maria Lopes", "Ruben Calloway", "Jose Mucio"}]
    assert meetings_of("Minister Nicola Latorre met Claudio Catalano in the presence of General Luca Neri.") \
        == [{"Nicola Latorre", "Claudio Catalano", "Luca Neri"}]


def test_talks_written_as_the_talks_with_someone_are_the_visitors():
    assert meetings_of("Defence Minister Andrei Belousov arrived in Minsk on Tuesday for a two-day visit. The talks "
                       "with Belarusian Defence Minister Viktor Khrenin focused on air defence.") \
        == [{"Andrei Belousov", "Viktor Khrenin"}]
    assert meetings_of("Defence Minister Andrei Belousov arrived in Minsk on Tuesday. The talks with Belarus were "
                       "postponed.") == []


def test_a_joint_venture_is_a_company_and_a_consortium_its_initials():
    assert agreements_of("The Montenegrin government has awarded French shipbuilding joint venture Kership a contract "
                         "for two offshore patrol vessels.") == [({"Montenegro", "Kership"}, "contract")]
    assert transfers_of("Qatar has ordered 28 NH90 helicopters from the European consortium NHI.") \
        == {("France", "Qatar", "NH90", "ordered")}


def test_a_designation_with_a_stretch_number_before_a_name_is_of_the_system():
    f = facts_of("Ecuador on Tuesday ordered four Lockheed Martin C-130J-30 Super Hercules transport aircraft.")
    (transfer,) = [e for e in f.events if e.cls == "Transfer"]
    assert "C-130J-30 Super Hercules" in f.entities[transfer.equipment[0]].aliases


def test_the_order_a_delivery_completes_is_its_whole():
    f = facts_of("Ecuador has taken delivery of its last two C-130J-30 Super Hercules from Lockheed Martin, completing "
                 "the four-aircraft order signed in November 2022.")
    assert [(e.status, e.quantity, e.whole) for e in f.events if e.cls == "Transfer"] == [("delivered", 2, 4)]


def test_deliveries_planned_after_an_order_leave_it_ordered():
    assert {st for _, _, _, st in transfers_of("Preparations for the reception of the four HISAR-A+ fire units "
                                               "ordered by Azerbaijan from Aselsan in February 2025 are under way, "
                                               "with deliveries planned for 2027.")} == {"ordered"}


def test_a_system_handed_over_by_its_maker_state_to_its_user():
    assert transfers_of("Germany delivered the sixth Dolphin-class submarine to Israel.") \
        == {("Germany", "Israel", "Dolphin-class", "delivered")}


def test_two_who_separately_called_on_a_third_each_met_them():
    got = meetings_of("Admiral Jan Holm and General Carl Bright separately called on President Maria Lopes.")
    assert sorted(map(sorted, got)) == [["Carl Bright", "Maria Lopes"], ["Jan Holm", "Maria Lopes"]]
    # together, one meeting of the three
    assert meetings_of("Admiral Jan Holm and General Carl Bright called on President Maria Lopes.") \
        == [{"Jan Holm", "Carl Bright", "Maria Lopes"}]
