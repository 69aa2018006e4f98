"""Shapes of the eighty-seventh and eighty-eighth real-news studies and of the ninetieth batch, written again with
invented wording."""

from defgraph.extract.model import EQUIPMENT, PERSON
from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_the_kind_just_moved_named_again_lists_what_it_was():
    story = ("Army gets vehicles\n\nThe Ghanaian army took delivery of 30 vehicles from Canada on Friday. The vehicles "
             "included 20 Mack trucks, four Mack tow trucks and six Humvees.")
    assert transfers_of(story) == {("Canada", "Ghana", k, "delivered") for k in ("Mack trucks", "Mack tow trucks",
                                                                                "Humvees")}
    # what a kind is said to include where no transfer was told moves nothing
    assert transfers_of("Fleet\n\nThe vehicles include Mack trucks and Humvees.") == set()


def test_each_counted_kind_of_a_bullet_line_up_to_its_head():
    story = ("Gift of vehicles\n\nIndia handed over 72 vehicles to the Maldives. The consignment comprises:\n\n"
             "- 2 cranes\n- 5 excavators and 6 mini excavators\n- 4 dump trucks of the tipper type\n"
             "- 10 vans and 10 mini-vans\n- 8 buses seating 27 each\n- 5 lorries")
    assert transfers_of(story) == {("India", "Maldives", k, "delivered") for k in (
        "cranes", "excavators", "mini excavators", "dump trucks", "vans", "mini-vans", "buses", "lorries")}


def test_a_bullet_of_rounds_of_something_names_no_rounds():
    story = ("Aid\n\nGermany is also sending Ukraine the following:\n\n- 22 Leopard 1 A5 tanks\n"
             "- 1 million rounds of small arms ammunition\n- A further 100,000 rounds for artillery.")
    got = {k for _, _, k, _ in transfers_of(story)}
    assert not any("rounds" in k for k in got) and got


def test_a_ship_prefix_written_with_full_stops():
    facts = facts_of("The corvette B.A.P. Guise docked at the Callao Naval Base this morning. Later the H.M.S. Kent "
                     "sailed. J.S. Bach wrote no ship's log.")
    assert {"B.A.P. Guise", "H.M.S. Kent"} <= names(facts, EQUIPMENT)
    assert not any("Bach" in n for n in names(facts, EQUIPMENT))


def test_states_counted_after_from_are_where_trainees_come_from():
    story = ("Passing out parade\n\nIn all, 120 naval officers passed out at the ceremony. They comprised 80 "
             "Midshipmen from the 90th Indian Naval Academy Course, among them 03 from Kenya; 40 officers from the "
             "30th Naval Orientation Course, 02 of them foreign trainees from Fiji and Oman.")
    got = trainings_of(story)
    assert ("India", "Fiji") in got and ("India", "Oman") in got
    assert not any(provider == "Kenya" for provider, _ in got)


def test_who_runs_a_course_for_a_states_forces_trains_them():
    assert trainings_of("A parachute course run by Italian troops for Niger's Security Forces ended on Friday.") == {
        ("Italy", "Niger")}
    assert trainings_of("Jump course\n\nThe jump course, conducted by the Spanish Army for Malian paratroopers, ended "
                        "on Friday.") == {("Spain", "Mali")}


def test_a_title_ends_with_the_body_or_domain_its_complement_names():
    assert names(facts_of("The talks were attended by Chief of Staff of the Air Self-Defense Force Marumo and "
                          "others."), PERSON) == {"Marumo"}
    assert names(facts_of("Jun-ho Park met Deputy Minister of State Assets Anna Zielinska in Seoul."), PERSON) == {
        "Jun-ho Park", "Anna Zielinska"}
    assert names(facts_of("Jun-ho Park met Commander of the Navy Fleet Admiral John Smith in Seoul."), PERSON) == {
        "Jun-ho Park", "John Smith"}


def test_a_document_signed_by_no_one_during_the_talks_of_two_people_is_theirs():
    story = ("Ministers talk\n\nCyprus was one of the topics of a videoconference between the Minister of Defence "
             "Marco Ricci and his Chilean colleague Ana Soto. During the talks a letter of intent on defence cooperation "
             "was signed.")
    assert [parties for parties, _ in agreements_of(story)] == [{"Marco Ricci", "Ana Soto"}]
    # the states that held talks sign for themselves
    assert [parties for parties, _ in agreements_of(
        "Ghana and Togo held talks in Accra. During the talks a letter of intent on defence cooperation was signed.")] == [
        {"Ghana", "Togo"}]


def test_a_family_the_headline_moves_is_the_variant_the_body_moves():
    story = ("BAE Systems Hägglunds has delivered the last of 46 CV90 MkIV infantry fighting vehicles to Bulgaria, "
             "completing the contract early, the company said. Next for Bulgaria are the eight CV90 Mjölner mortar "
             "carriers ordered in November 2024.")
    assert transfers_of(story, title="Hägglunds wraps up Bulgarian CV90 deliveries seven months early") == {("Sweden", "Bulgaria", "CV90 MkIV", "delivered"),
                                   ("Sweden", "Bulgaria", "CV90 Mjölner", "ordered")}


def test_plans_of_cooperation_in_the_plural_one_with_each_state():
    assert sorted(map(sorted, (p for p, _ in agreements_of(
        "Kyrgyzstan signed military cooperation plans for 2020 with Georgia and Moldova.")))) == [
        ["Georgia", "Kyrgyzstan"], ["Kyrgyzstan", "Moldova"]]
    story = ("Talks\n\nKyrgyz Defence Minister Aibek Toktomatov held separate talks in Bishkek with the heads of the "
             "defence agencies of Georgia, Moldova and Mongolia. When the talks ended, bilateral plans of military "
             "cooperation for 2020 were signed.")
    assert sorted(map(sorted, (p for p, _ in agreements_of(story)))) == [
        ["Georgia", "Kyrgyzstan"], ["Kyrgyzstan", "Moldova"], ["Kyrgyzstan", "Mongolia"]]


def test_counterparts_fronted_by_with_meet_the_person_the_text_is_about():
    story = ("Talks\n\n[Wednesday 29 June 2022, page 1] According to an announcement by the Ministry of Defense, Defence "
             "Minister Kishi Nobuo held a string of talks with ministers on 21 June.\n\n"
             "With Vietnam's Defence Minister Phan Giang, he discussed defence cooperation.\n\n"
             "In his meeting with Indonesia's Defence Minister Prabowo Subianto, views were exchanged on defence "
             "cooperation.")
    assert meetings_of(story) == [{"Kishi Nobuo", "Phan Giang"}, {"Kishi Nobuo", "Prabowo Subianto"}]


def test_foreign_officers_of_a_class_listed_in_brackets():
    lead = "Staff course\n\nOn Friday the closing ceremony of the 12th staff course was held at the Belgian staff school. "
    expected = {("Belgium", k) for k in ("Gabon", "Niger", "Peru", "Chad", "Laos")}
    assert trainings_of(lead + "In addition, the class included 9 officers coming from foreign countries (Gabon, Niger, "
                               "Peru, Chad, Laos).") == expected
    assert trainings_of(lead + "The class included 9 foreign officers (Gabon, Niger, Peru (2 officers), Chad, "
                               "Laos).") == expected


def test_cadets_of_a_list_of_states_graduate_from_the_school_told():
    lead = "Academy\n\nThe Ghana Military Academy held its passing out parade on Saturday. "
    expected = {("Ghana", k) for k in ("Togo", "Benin", "Niger", "Mali")}
    assert trainings_of(lead + "Cadets of Togo, Benin, Niger and Mali also passed out from the academy.") == expected
    assert trainings_of(lead + "40 cadets of other countries also passed out from the academy. Among them are cadets "
                               "of four friendly countries, Togo, Benin, Niger and Mali.") == expected


def test_after_meeting_one_the_visitor_goes_on_to_another():
    story = ("Visit\n\nVietnamese Defence Minister Tran Van Binh landed in Dhaka on Monday. His first meeting was with "
             "Bangladesh's Minister of Defence Production, Kamal Hossain. After meeting Hossain, Binh went on to a courtesy "
             "call on General Rafiqul Islam, Bangladesh's army chief.")
    assert meetings_of(story) == [{"Tran Van Binh", "Kamal Hossain"}, {"Tran Van Binh", "Rafiqul Islam"}]


def test_instruction_received_to_handle_a_system_moves_no_system():
    story = "Pilots\n\nFour Argentine pilots received training in the United States to handle the F-35."
    assert transfers_of(story) == set() and trainings_of(story) == {("United States", "Argentina")}
    assert transfers_of("Jets\n\nArgentina received 24 F-16 fighters and training from Denmark.") == {
        ("Denmark", "Argentina", "F-16", "delivered")}


def test_near_misses_of_the_days_classes_stay_as_they_were():
    # the kind named again holds only what the sentence before moved, and not "no tanks"
    assert transfers_of("Poland has delivered 14 Leopard 2A4 tanks to Ukraine. Last month Russia lost dozens of "
                        "armoured vehicles near Avdiivka. The vehicles included T-90M tanks and BMP-3 fighting "
                        "vehicles.") == {("Poland", "Ukraine", "Leopard 2A4", "delivered")}
    assert transfers_of("Poland ordered 77 Leopard 2A8 tanks from Germany. The army had tested several tanks before "
                        "choosing. The tanks included the K2 Black Panther and the M1 Abrams.") == {
        ("Germany", "Poland", "Leopard 2A8", "ordered")}
    assert transfers_of("Germany delivered 40 vehicles to Ukraine. The vehicles included no tanks, despite Kyiv's "
                        "requests for Leopard 2A6.") == set()
    # a year or a count of trainers before "from" leaves the trainer
    assert trainings_of("Ukrainian marines received training in 2023 from the Netherlands.") == {("Netherlands", "Ukraine")}
    assert ("Canada", "Ukraine") in trainings_of(
        "Ukrainian marines received training from instructors, 40 from Canada and 20 from Norway.")
    # "With …, he" opens with someone met only where the opening is a name with its title
    assert meetings_of("Defence Minister Rustem Umerov arrived in Kharkiv. With the help of President Volodymyr "
                       "Zelensky's office, he held talks with local officials.") == []
    # whoever welcomes "him" is not the one the text is about
    assert meetings_of("Ukrainian Defence Minister Rustem Umerov arrived in Seoul on Monday. According to a statement by "
                       "the South Korean defence ministry, Deputy Minister Kim Jae-won welcomed him at the airport. The "
                       "talks with Defence Minister Shin Won-sik focused on ammunition.") == [
        {"Rustem Umerov", "Shin Won-sik"}]
    # a document signed in another year, or by others, is not that of the two who talked
    assert agreements_of("Aden Duale spoke by phone with Jacob Oboth on Monday. A memorandum on the joint border force "
                         "was signed in 2021 and expires next year.") == []
    assert agreements_of("Rustem Umerov held talks with Sebastien Lecornu in Paris on Monday. The agreement was signed in "
                         "2019 by their predecessors.") == []
    # a state in an attribution after "from N countries," is no graduate's; who presents diplomas or teaches is no trainee
    assert trainings_of("The Kenya Military Academy graduated 90 officers from 14 countries, US Ambassador Meg Whitman "
                        "said.") == set()
    lead = "Course\n\nThe staff course at the Belgian staff school ended on Friday. "
    assert trainings_of(lead + "Officers coming from foreign countries (France, Italy) presented the diplomas.") == set()
    assert trainings_of(lead + "Officers hailing from allied nations (Poland, Estonia) taught the course.") == set()
    # dotted initials after a rank are a person's, not a ship's prefix
    facts = facts_of("Lt Gen K.N.S. Rao arrived in Delhi. He met Maj Gen B.R.P. Singh on Monday.")
    assert names(facts, EQUIPMENT) == set() and names(facts, PERSON) == {"K.N.S. Rao", "B.R.P. Singh"}
    # plans signed after talks of several states with a host named after them: no guessed pairs
    assert agreements_of("The defence chiefs of Togo, Benin and Burkina Faso held talks with their Ghanaian counterpart "
                         "in Accra. Bilateral cooperation plans were signed.") == []
    # a bullet line of people or a warranty names no equipment
    story = ("Gift\n\nIndia handed over 72 vehicles to the Maldives. The consignment comprises:\n\n- 40 soldiers driving "
             "the trucks\n- 2 years warranty covering all generators\n- 6 cranes\n- 180 tactical kits")
    assert {k for _, _, k, _ in transfers_of(story)} == {"cranes", "tactical kits"}


def test_the_school_named_before_has_students_from_states():
    assert trainings_of("General Luis Mora, director of the Peruvian Military School, noted that the school has "
                        "students from Ecuador, Bolivia and Mexico.") == {("Peru", k) for k in ("Ecuador", "Bolivia",
                                                                                              "Mexico")}
    # a school no one named is no state's
    assert trainings_of("The school has students from Ecuador, Bolivia and Mexico.") == set()
