"""Shapes of the ninety-ninth to hundred-and-second real-news studies and of the studied folders they were found
with, written again with invented wording."""

from defgraph.extract.model import PERSON
from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_a_roster_of_states_in_an_article_about_training_is_taught_by_the_school_state():
    parade = ("200 cadets pass out of the Kenya Military Academy\n\nOn Friday 200 cadets passed out of the Kenya "
              "Military Academy. Of those, 180 joined the Kenya Defence Forces, while 20 young officers will serve in "
              "the armies of four friendly countries: Malawi, Rwanda, Burundi and Zambia.")
    assert trainings_of(parade) == {("Kenya", k) for k in ("Malawi", "Rwanda", "Burundi", "Zambia")}
    # no school with a state: the one state the article names most besides the roster teaches
    course = ("Minister meets the senior officers' course\n\nReporter Ana Lee, Lisbon\n\nPortugal's defence minister "
              "received the members of the tenth senior officers' course on Monday. This class is made up of "
              "members from four countries — Angola, Mozambique, Brazil and Cape Verde. Portugal will go on with "
              "the course, the minister said, and Portugal thanks the four states.")
    assert trainings_of(course) == {("Portugal", k) for k in ("Angola", "Mozambique", "Brazil", "Cape Verde")}
    # the school's own officers listed with the others
    college = ("Twelve senior officers of the armed forces of Kenya, Malawi, Zambia and Namibia are studying at Kenya's "
               "National Defence College this year.")
    assert trainings_of(college, title="Senior officers on a strategic course") == \
        {("Kenya", k) for k in ("Malawi", "Zambia", "Namibia")}
    # "no academic exercise" said late in the article is no exercise trained in together
    staff = ("Staff college graduates 90 officers\n\nNinety officers graduated from the Uganda Senior Command and "
             "Staff College on Friday. Of them, 70 were Ugandan officers and 20 came from five allied countries, among "
             "them Kenya, Rwanda, Malawi, Zambia and Burundi. The minister said the course was no academic exercise.")
    assert trainings_of(staff) == {("Uganda", k) for k in ("Kenya", "Rwanda", "Malawi", "Zambia", "Burundi")}
    institute = ("Foreign officers study at the Resilience Institute\n\nSeven foreign officers are studying at the "
                 "Resilience Institute of Indonesia this year. So far the foreign participants have been limited "
                 "to members of the military, including from Mali, Jordan and Zimbabwe. The institute shows "
                 "Indonesia's commitment to its friends, its governor said.")
    assert trainings_of(institute) == {("Indonesia", k) for k in ("Mali", "Jordan", "Zimbabwe")}


def test_a_roster_is_no_trainee_list_where_the_states_are_toured_or_the_article_is_no_training():
    toured = ("Study tour\n\nA study team of the Kenya Defence College course arrived in Malawi. The course members' "
              "tour takes in South Africa, Namibia and Tanzania.")
    assert trainings_of(toured) == set()
    talks = ("Ministers meet\n\nThe defence ministers of Kenya and Uganda met on Monday. The members of the "
             "delegation from Malawi, Rwanda and Zambia also attended.")
    assert trainings_of(talks) == set()
    # training side by side trains no one
    drill = ("Cadets train together\n\nCadets of the Kenya Military Academy trained side by side in a joint "
             "exercise with cadets from Malawi, Rwanda and Zambia.")
    assert trainings_of(drill) == set()
    # a list whose clause goes on with the course itself is a roster
    course = ("Eighteen officers from Germany, Spain and Japan began the activities of the Brazilian Army's jungle "
              "course this week. Brazil has run the course since 1964, and Brazil welcomes its guests.")
    assert trainings_of(course, title="Foreign officers start the jungle course") == \
        {("Brazil", k) for k in ("Germany", "Spain", "Japan")}
    # a list whose clause goes on says what else they did: onlookers, instructors, those served beside
    parade = "Sixty cadets graduated on Friday from the Kenya Military Academy. "
    assert trainings_of(parade + "Senior officers from Uganda, Tanzania and Rwanda attended the ceremony.") == set()
    assert trainings_of(parade + "Instructor pilots from Norway, Belgium and the Netherlands helped run the course.") \
        == set()
    assert trainings_of(parade + "They will serve alongside troops from Nigeria, Senegal and Togo.") == set()
    # a state named once, as a topic, teaches no one
    assert trainings_of("A course on countering Chinese disinformation began in Riga. Officers from Estonia, Latvia "
                        "and Lithuania attended the course.") == set()
    # those listed taught, handed out the diplomas, or came to another gathering
    assert trainings_of("Sixty cadets graduated on Friday from the Kenya Military Academy. Officers from Ghana and "
                        "Uganda, who had taught the cadets, presented the awards.") == set()
    assert trainings_of("Two officers from Zambia graduated on Friday from the Zimbabwe Staff College. On Saturday "
                        "the college hosted a regional conference. Forty officers took part, from Botswana, Malawi "
                        "and Namibia.") == {("Zimbabwe", "Zambia")}


def test_the_document_told_before_is_signed_by_the_ministers_of_a_list_of_states():
    declaration = ("Ministers sign the Lima Declaration\n\nThe declaration was signed at the conference of defence "
                   "ministers in Lima on Thursday. The document was signed by the ministers of Argentina, Brazil, Chile "
                   "and Peru.")
    assert agreements_of(declaration) == [({"Argentina", "Brazil", "Chile", "Peru"}, "agreement")]
    # no document told before: "the document" is not known to be an agreement
    assert agreements_of("Ministers meet\n\nThe ministers of Peru and Chile met in Lima. The document was signed by "
                         "the ministers of Peru and Chile on Monday.") == []
    # a document whose parties were told: "the document" adds no second agreement
    protocol = agreements_of("Protocol signed\n\nThe Ministry of Defence of Peru and the Chilean Army signed a "
                             "protocol on Monday. The document was signed in Lima by the representatives of Peru and "
                             "Chile.")
    assert len(protocol) == 1


def test_md_before_a_name_ends_no_sentence():
    facts = facts_of("Lieutenant General Md. Karim Hossain, the Quarter Master General of the Bangladesh Army, held a "
                     "meeting with General Asif Mirza in Rawalpindi.")
    assert names(facts, PERSON) == {"Md. Karim Hossain", "Asif Mirza"}
    assert meetings_of("Lieutenant General Md. Karim Hossain held a meeting with General Asif Mirza in Rawalpindi.") \
        == [{"Md. Karim Hossain", "Asif Mirza"}]


def test_those_who_attended_the_meeting_told_with_an_aside_join_it():
    talks = ("Army chief Ram Thapa held a courtesy meeting with the British Chief of the General Staff, General Sir "
             "John Hale, in London. The meeting, at which military relations were discussed, was also attended by "
             "Major General Hari Dhakal and by Colonel Paul Stone.")
    assert meetings_of(talks) == [{"Ram Thapa", "John Hale", "Hari Dhakal", "Paul Stone"}]


def test_one_titled_after_the_clause_that_tells_of_him_is_no_spokesman():
    told = ("A statement issued by the air force spokesman said that the Chief of the Air Staff, Air Chief Marshal "
            "Omar Baig, met Lieutenant General Ali Salman and Major General Hamid Rauf of Iraq.")
    assert meetings_of(told) == [{"Omar Baig", "Ali Salman", "Hamid Rauf"}]
    # the spokesman himself tells of talks he is not at
    assert meetings_of("The air force spokesman, Group Captain Amir Khan, said that Air Chief Marshal Omar Baig met "
                       "Lieutenant General Ali Salman.") == [{"Omar Baig", "Ali Salman"}]


def test_a_roster_told_on_in_the_next_sentence():
    staff = ("Staff college graduates 90 officers\n\nNinety officers graduated from the Uganda Senior Command and "
             "Staff College on Friday. Of them, 70 were Ugandan officers and 20 came from seven allied countries, among "
             "them Kenya, Rwanda and Malawi. Completing the list were Zambia, Burundi, Ghana and Togo.")
    assert trainings_of(staff) == {("Uganda", k) for k in ("Kenya", "Rwanda", "Malawi", "Zambia", "Burundi", "Ghana", "Togo")}
    # a list of another kind in the next sentence is not the roster's
    other = staff.replace("Completing the list were Zambia, Burundi, Ghana and Togo.",
                          "Zambia, Burundi, Ghana and Togo sent observers to the ceremony.")
    assert trainings_of(other) == {("Uganda", k) for k in ("Kenya", "Rwanda", "Malawi")}


def test_training_given_to_the_forces_named_right_after_the_verb():
    assert trainings_of("The Indian Navy has already given the Sri Lankan Navy training to fly the new aircraft.") \
        == {("India", "Sri Lanka")}
    # the passive's "given" names who receives it, not who gives it
    assert trainings_of("Over 12,000 Ukrainian troops have been given Bundeswehr training so far.") == set()


def test_those_in_attendance_join_the_meeting_told_right_before():
    received = ("Chief of Army Staff Lt. Gen. Musa Bello on Monday received Ghana's Defence Attache, Col. Kofi Mensah, "
                "in Abuja. ")
    assert meetings_of(received + "Those in attendance included the Chief of Policy, Maj. Gen. Wale Adamu, and the "
                       "Chief of Logistics, Maj. Gen. Issa Garba.") == \
        [{"Musa Bello", "Kofi Mensah", "Wale Adamu", "Issa Garba"}]
    assert meetings_of(received + "Among those present were Maj. Gen. Wale Adamu and Maj. Gen. Issa Garba.") == \
        [{"Musa Bello", "Kofi Mensah", "Wale Adamu", "Issa Garba"}]
    # not after a ceremony told in between
    assert meetings_of("Chief of Army Staff Lt. Gen. Musa Bello on Monday commissioned a barracks in Abuja. Those in "
                       "attendance included Maj. Gen. Wale Adamu and Maj. Gen. Issa Garba.") == []


def test_a_state_name_after_counterpart_is_a_given_name():
    assert meetings_of("Andreas Kyprianou visited Israel on Monday. During the visit he met his Israeli counterpart "
                       "Israel Levi.") == [{"Andreas Kyprianou", "Israel Levi"}]
    assert meetings_of("Andreas Kyprianou met his counterpart, Jordan Smith, in Nicosia.") == \
        [{"Andreas Kyprianou", "Jordan Smith"}]
    # a state after "counterpart" and before a word of no name stays a state
    assert meetings_of("Andreas Kyprianou met his counterpart from Israel in Nicosia.") == []


def test_a_fund_of_an_international_body_gives_as_that_body():
    measure = ("The European Union (EU) approved an assistance measure for the Armed Forces of Cabo Verde. The European "
               "Peace Facility will supply the Armed Forces of Cabo Verde with an ocean patrol vessel.")
    assert {(s, r) for s, r, _, _ in transfers_of(measure)} == {("European Union", "Cape Verde")}
    # the body not named: the fund as written
    alone = "The European Peace Facility will supply the Armed Forces of Cabo Verde with an ocean patrol vessel."
    assert {(s, r) for s, r, _, _ in transfers_of(alone)} == {("European Peace Facility", "Cape Verde")}


def test_near_misses_from_the_review_of_the_days_change():
    # states where training is given are no trainees: they train those sent there
    assert trainings_of("Ukrainian troops are being trained in NATO member states including Poland, Germany and "
                        "Britain. Ukraine thanked its partners.", title="Training of Ukrainian troops") == \
        {(k, "Ukraine") for k in ("Poland", "Germany", "United Kingdom")}
    # "the document" of a law, or one not yet signed, is no agreement
    assert agreements_of("The martial-law bill was approved on Monday under an agreement of the factions. The document "
                         "was signed by President Ivan Petrenko and Speaker Oleh Marchuk.", title="Law passed") == []
    assert agreements_of("Ministers discussed a memorandum on Monday. The document could be signed by the ministers of "
                         "Peru and Chile next month.", title="Talks") == []
    # the sides "between" stand; "representatives of A and B" add no other reading
    between = agreements_of("The memorandum between the Ministry of Defence of Ukraine and Rheinmetall was signed by "
                            "representatives of Ukraine and Germany.", title="Memorandum")
    assert len(between) == 1 and {"Ministry of Defence of Ukraine", "Rheinmetall"} <= between[0][0]
    # a thing for training given, or the passive, is no training given
    assert trainings_of("Japan provided the Philippines training jets last year.") == set()
    assert trainings_of("India has been giving the Maldivian coast guard training.") == {("India", "Maldives")}
    # one named in the aside on a meeting does not attend it
    assert meetings_of("Army chief Ram Thapa held a courtesy meeting with General Sir John Hale in London. The meeting, "
                       "at which a message from President Recep Demir was read out, was also attended by Major General "
                       "Hari Dhakal.") == [{"Ram Thapa", "John Hale", "Hari Dhakal"}]
    assert meetings_of("Army chief Ram Thapa held a courtesy meeting with General Sir John Hale in London. The meeting, "
                       "held at Army Headquarters, was also attended by Major General Hari Dhakal.") == \
        [{"Ram Thapa", "John Hale", "Hari Dhakal"}]
