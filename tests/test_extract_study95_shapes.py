"""Shapes of the ninety-fifth to ninety-eighth real-news studies and of the ninety-eighth and hundredth batches,
written again with invented wording."""

from defgraph.extract.model import AGENCY, PERSON
from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_a_school_of_no_state_teaches_for_the_one_other_state_of_the_article():
    parade = ("Graduation\n\nAround 150 officer cadets, including 12 internationals, graduated at the Western Military "
              "College today. Governor-General of Norway Lars Berg reviewed the parade. The graduation saw the "
              "commissioning of 12 cadets from Fiji, Tonga and Ghana.")
    assert trainings_of(parade) == {("Norway", "Fiji"), ("Norway", "Tonga"), ("Norway", "Ghana")}
    exchange = ("Cadets\n\nNine foreign exchange cadets are to graduate with the Naval Academy's Class of 2024. The "
                "foreign exchange cadets are from Ghana, Peru and Latvia. They follow the same rules as their U.S. "
                "counterparts.")
    assert trainings_of(exchange) == {("United States", "Ghana"), ("United States", "Peru"), ("United States", "Latvia")}
    # two other states: which one runs the school is not said, so the school is left as written
    assert trainings_of("Cadets\n\nNine foreign exchange cadets are to graduate with the Naval Academy's Class of "
                        "2024. The foreign exchange cadets are from Ghana, Peru and Latvia. Ministers of Norway and "
                        "Denmark attended.") == {("Naval Academy", "Ghana"), ("Naval Academy", "Peru"),
                                                 ("Naval Academy", "Latvia")}


def test_an_international_college_teaches_as_itself():
    assert trainings_of("Graduation\n\nTwo Kuwaiti officers graduated from the NATO Defense College course in Rome, "
                        "Italy.") == {("NATO Defense College", "Kuwait")}


def test_officers_of_friendly_countries_who_come_from_a_list():
    parade = ("Parade\n\nThe passing out parade was held at the Kenya Military Academy. Also passing out were 30 "
              "officers of friendly countries, who come from Uganda, Rwanda, Malawi and Zambia.")
    assert trainings_of(parade) == {("Kenya", k) for k in ("Uganda", "Rwanda", "Malawi", "Zambia")}
    # the parade told again ("This year's parade also includes …") goes on about its graduates
    again = ("Academy\n\nThe passing out parade of the 90th Long Course is under way at the Kenya Military Academy. "
             "This year's parade also includes military officers of 30 friendly countries, who come from Uganda, "
             "Rwanda, Malawi and Zambia, among other countries.")
    assert trainings_of(again) == {("Kenya", k) for k in ("Uganda", "Rwanda", "Malawi", "Zambia")}
    # guests who come from other states to watch are no graduates
    assert trainings_of("Parade\n\nThe passing out parade was held at the Kenya Military Academy. The parade also "
                        "includes guests of 30 friendly countries, who come from Uganda and Rwanda to watch.") == set()


def test_a_state_written_by_its_formal_name_goes_on_a_roster():
    roster = ("Academy\n\nChile's Northern Military Academy holds its sword ceremony on Saturday. Also enrolled in "
              "the first year of the Academy are cadets from friendly nations: one from Bolivia, two from the "
              "Cooperative Republic of Guyana, three from Senegal and two from Peru.")
    assert trainings_of(roster) == {("Chile", k) for k in ("Bolivia", "Guyana", "Senegal", "Peru")}


def test_trainers_joined_by_together_with():
    falcon = ("Falcon\n\nAbout 500 Moldovan recruits are undergoing basic training in Poland under Operation Falcon, "
              "run by Poland together with Estonia, Latvia and Greece.")
    assert trainings_of(falcon) == {(k, "Moldova") for k in ("Poland", "Estonia", "Latvia", "Greece")}
    assert trainings_of("Falcon\n\nAbout 500 Moldovan recruits are being trained by Poland together with Estonia "
                        "and Greece.") == {(k, "Moldova") for k in ("Poland", "Estonia", "Greece")}
    # a trainer alone stays alone
    assert trainings_of("Falcon\n\nAbout 500 Moldovan recruits are undergoing basic training in Poland, run by "
                        "Poland.") == {("Poland", "Moldova")}


def test_a_company_run_on_by_a_state_is_its_arm_there():
    facts = facts_of("Contracts\n\nUkroboronprom signed a contract with Hensoldt Deutschland on radar production. "
                     "Rheinmetall Italia and Rheinmetall Canada Inc. will supply parts.")
    assert {"Hensoldt Deutschland", "Rheinmetall Italia", "Rheinmetall Canada Inc."} <= names(facts, AGENCY)
    assert not {"Hensoldt", "Rheinmetall"} & names(facts, AGENCY)
    by_name = {e.name: e for e in facts.entities.values()}
    assert [by_name[n].facts.country for n in ("Hensoldt Deutschland", "Rheinmetall Italia")] == ["Country:germany",
                                                                                                "Country:italy"]
    assert agreements_of("Contract\n\nUkroboronprom signed a contract with Hensoldt Deutschland on radar "
                         "production.") == [({"Hensoldt Deutschland", "Ukroboronprom"}, "contract")]
    # the company named alone is the parent, apart from its arm
    facts = facts_of("Deal\n\nThe contract was signed by the agency and Hanwha Defense Australia, Seoul-based Hanwha "
                     "Defense said.")
    assert {"Hanwha Defense Australia", "Hanwha Defense"} <= names(facts, AGENCY)
    # a state that goes on into the sentence, that opens the next one, or in its possessive is no part of the name
    for text in ("The Hanwha Aerospace Poland contract for 152 K9 howitzers was signed on Friday.",
                 "In a deal with Saab Estonia will get Carl-Gustaf M4 recoilless rifles.",
                 "Poland ordered 48 Javelin launchers from Lockheed Martin Inc. Germany will deliver 44 tanks next year.",
                 "The deal gives Rheinmetall Ukraine's order book a lift."):
        assert not any(n.endswith(("Poland", "Estonia", "Germany", "Ukraine")) for n in names(facts_of(text), AGENCY)), text
    # an organisation written with its state's own name stays whole
    assert agreements_of("Contract\n\nThe Marinha do Brasil signed a contract with Naval Group for submarine "
                         "maintenance.") == [({"Marinha do Brasil", "Naval Group"}, "contract")]


def test_each_state_listed_between_commas_is_a_party():
    assert agreements_of("Pact\n\nThe agreement between Spain, South Korea and Canada was signed in Rome on "
                         "Friday.") == [({"Spain", "South Korea", "Canada"}, "agreement")]
    # a state in an aside is no party
    assert agreements_of("Pact\n\nAn agreement on border security was signed between Finland, Russia's neighbour, "
                         "and the United States.") == [({"Finland", "United States"}, "agreement")]


def test_the_by_of_a_course_told_after_its_trainees_teaches_them():
    course = ("Course\n\nTwenty Guatemalan Army officers completed a course. The course was taught by Peruvian and "
              "Spanish army specialists.")
    assert trainings_of(course) == {("Peru", "Guatemala"), ("Spain", "Guatemala")}
    # specialists trained by no one named are taught, not teachers
    assert trainings_of("Course\n\nThe course trained specialists of the armies of Peru and Spain.") == set()


def test_a_foreign_officer_enrolled_in_the_course_of_a_states_school():
    assert trainings_of("College\n\nIn September, Malawian Colonel Peter Banda enrolled in the strategy course of "
                        "India's National Defence College.") == {("India", "Malawi")}
    assert trainings_of("College\n\nIn September, Colonel Peter Banda of Malawi enrolled at India's National "
                        "Defence College.") == {("India", "Malawi")}


def test_an_eu_capacity_building_mission_trains_as_itself():
    assert trainings_of("Mission\n\nEUCAP Nestor trained sixteen Tanzanian naval officers in Dar es "
                        "Salaam.") == {("EUCAP Nestor", "Tanzania")}
    facts = facts_of("Mission\n\nEUCAP Nestor trained sixteen Tanzanian naval officers.")
    assert [e.cls for e in facts.entities.values() if e.name == "EUCAP Nestor"] == ["InternationalOrganization"]


def test_meetings_held_one_after_another_pair_the_visitor_with_each():
    stay = ("Visit\n\nDuring his stay in Rome, the minister Jan Nowak held a number of meetings; he met Marco Rossi, the "
            "defence minister, Lucia Bianchi, the foreign minister, and Paolo Verdi, the chief of staff.")
    assert sorted(map(sorted, meetings_of(stay))) == [["Jan Nowak", "Lucia Bianchi"], ["Jan Nowak", "Marco Rossi"],
                                                      ["Jan Nowak", "Paolo Verdi"]]
    # one meeting of three stays one
    assert meetings_of("Visit\n\nMinister Jan Nowak met Marco Rossi and Lucia Bianchi in Rome.") == [
        {"Jan Nowak", "Marco Rossi", "Lucia Bianchi"}]


def test_a_visitor_together_with_another_is_one_visit():
    assert meetings_of("Visit\n\nGeneral Luis Rojas received a visit from Colonel Anne Miller together with Major "
                       "Tom Grant.") == [{"Luis Rojas", "Anne Miller", "Tom Grant"}]
    # talks "and then with" another are two
    assert sorted(map(sorted, meetings_of("Visit\n\nGeneral Luis Rojas held talks with Colonel Anne Miller and then "
                                          "with Major Tom Grant."))) == [["Anne Miller", "Luis Rojas"],
                                                                         ["Luis Rojas", "Tom Grant"]]


def test_counterparts_each_named_after_of_their_state():
    assert meetings_of("Talks\n\nDefence Minister Anna Berg held talks with her counterparts of France, Marc Dubois, "
                       "of Bulgaria, Ivan Petrov, and of Armenia, Suren Papyan.") == [
        {"Anna Berg", "Marc Dubois", "Ivan Petrov", "Suren Papyan"}]


def test_a_bare_name_that_holds_talks_is_a_person():
    assert meetings_of("Report\n\nMarco Rossi held talks with Piotr Nowak on Monday.") == [{"Marco Rossi", "Piotr Nowak"}]
    assert "Piotr Nowak" in names(facts_of("Report\n\nPiotr Nowak paid a courtesy call on the minister."), PERSON)
    # a name that holds no talks is no person for it ("Industry Fair opened")
    assert names(facts_of("Report\n\nThe Industry Fair opened on Monday in Rome."), PERSON) == set()


def test_companies_with_their_legal_forms_and_short_forms_are_each_a_party():
    assert agreements_of("Embraer\n\nEmbraer signed a memorandum of understanding with Alfa Aero, S.A. (ALFA), Beta "
                         "Systems S.A. and Gama Lda.") == [({"Embraer", "Alfa Aero, S.A.", "Beta Systems S.A.",
                                                             "Gama Lda."}, "memorandum")]
    assert {"Rába Jármű Kft.", "Gamma Műszaki Zrt."} <= names(facts_of(
        "Deal\n\nThe ministry signed contracts with Rába Jármű Kft. and Gamma Műszaki Zrt. on Monday."), AGENCY)
    # a short form in brackets at the end of a sentence still ends it
    facts = facts_of("Deal\n\nThe deal went to Alfa Aero S.A. (ALFA). Beta Systems S.A. lost.")
    assert len([e for e in facts.entities.values() if e.family == AGENCY]) == 2


def test_the_kind_of_a_system_told_before_is_that_system_bought_from_its_supplier():
    story = ("Drones\n\nEstonia took delivery of four Kestrel K-7 drones from Sweden on Monday. Chile and Peru have "
             "already bought the drones as well.")
    assert transfers_of(story) == {("Sweden", "Estonia", "Kestrel K-7", "delivered"),
                                   ("Sweden", "Chile", "Kestrel K-7", "ordered"), ("Sweden", "Peru", "Kestrel K-7", "ordered")}
    # what the state told to receive the system sends on is other things of the kind
    passed = ("Guns\n\nFour K9 self-propelled howitzers are to be bought by Norway from South Korea. Norway has raised "
              "spending to make up for the howitzers it has sent to Ukraine.")
    assert transfers_of(passed) == {("South Korea", "Norway", "K9", "ordered")}
    # a sentence dated apart tells of other things of the kind
    assert transfers_of("Drones\n\nEstonia took delivery of four Kestrel K-7 drones from Sweden on Monday. In 2019, "
                        "Chile bought the drones.") == {("Sweden", "Estonia", "Kestrel K-7", "delivered")}


def test_a_roster_that_opens_the_sentence_after_foreign_cadets():
    story = ("Academy\n\nChile's Northern Military Academy holds its sword ceremony on Saturday. Also enrolled in the "
             "first year of the Academy are cadets from friendly nations. Among them are one from Bolivia, two from the "
             "Republic of Cameroon and three from the Republic of Senegal.")
    assert trainings_of(story) == {("Chile", k) for k in ("Bolivia", "Cameroon", "Senegal")}
    # guests from friendly nations are no trainees
    assert trainings_of("Academy\n\nChile's Northern Military Academy holds its sword ceremony on Saturday. The "
                        "ceremony drew guests from friendly nations. Among them were ministers from Bolivia and "
                        "Peru.") == set()


def test_peoples_counted_side_by_side_on_a_states_course_are_taught_by_that_state():
    jungle = ("Jungle\n\nThe Peruvian Army's international jungle course is in its river phase. Currently 28 Peruvian "
              "soldiers, three Bolivians and one Chilean are training there.")
    assert trainings_of(jungle) == {("Peru", "Bolivia"), ("Peru", "Chile")}
    assault = ("Course\n\nThe air assault course of Colombia's Military Forces has become a benchmark. Right now six "
               "Americans, three Ecuadorians and one Argentine, together with 18 Colombians, are taking the course at "
               "Tolemaida.")
    assert trainings_of(assault) == {("Colombia", k) for k in ("United States", "Ecuador", "Argentina")}
    # a course of no one state named: no state runs it
    assert ("Peru", "Bolivia") not in trainings_of("Jungle\n\nAn international jungle course is in its river phase. "
                                                   "Currently 28 Peruvian soldiers, three Bolivians and one Chilean are "
                                                   "training there.")


def test_near_misses_from_the_review_of_the_days_change():
    # a state named only as a guest does not run the school; a multinational college is no state's
    assert trainings_of("Graduation\n\nForty officers graduated from the Naval Academy on Friday. They include cadets "
                        "from Fiji, Tonga and Ghana. US Ambassador John Harlow attended the ceremony as guest of "
                        "honour.") == {("Naval Academy", k) for k in ("Fiji", "Tonga", "Ghana")}
    assert ("Estonia", "Fiji") not in trainings_of("Graduation\n\nForty officers graduated from the Baltic Defence "
                                                   "College on Friday. They include officers from Fiji and Ghana. The "
                                                   "college is in Tartu, Estonia.")
    # states of another clause are no co-trainers
    assert trainings_of("Pilots\n\nDenmark will train 40 Ukrainian pilots this year, officials said on Monday after "
                        "Denmark, Norway and Belgium signed a letter of intent on F-16 support.") == {("Denmark", "Ukraine")}
    # guests at a parade are no graduates
    assert trainings_of("Parade\n\nMore than 200 officer cadets passed out of the Ghana Military Academy on Friday. "
                        "This year's parade also includes two foreign guests, one each from Nigeria and Togo.") == set()
    # "who had several meetings" is no list of meetings one by one
    assert meetings_of("Visit\n\nFinnish Defence Minister Antti Hakkanen, who had several meetings with Nordic "
                       "colleagues this year, met Norwegian Defence Minister Tore Sandvik and Swedish Defence Minister "
                       "Pal Jonson for trilateral talks in Oslo on Tuesday.") == [{"Antti Hakkanen", "Tore Sandvik",
                                                                                    "Pal Jonson"}]
    # a ship that pays a visit is no person
    assert "Charles de Gaulle" not in names(facts_of("Visit\n\nThe carrier Charles de Gaulle paid a visit to Goa, "
                                                     "where Indian Navy chief Admiral Dinesh Tripathi hosted French "
                                                     "officers."), PERSON)
    # "the drones" of other buyers, told without adding them to those told, stay theirs
    for text in ("Latvia, by contrast, has bought the drones it needs on the open market.",
                 "Two years ago, the drones were sold to Chile.", "This year Finland donated the drones to Ukraine."):
        assert transfers_of("Drones\n\nEstonia took delivery of four Kestrel K-7 drones from Sweden on Monday. " + text) == {
            ("Sweden", "Estonia", "Kestrel K-7", "delivered")}, text
    # a treaty's name is no agreement signed
    assert agreements_of("Treaty\n\nNeither Ukraine nor the United States has signed the Convention on Cluster "
                         "Munitions, which Germany and France joined in 2009.") == []
