"""What a donation, a deal or a shipment holds, variants of a family that the data lists as rows of
their own, ceremonies where things are received, and names as news writes them beside longer ones
(the constructions of the thirty-fourth real-news batch and of story lines s35–s36, written again
with invented names)."""

from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_what_a_donation_or_shipment_includes_moves_as_its_noun_says():
    assert transfers_of("The British donation to Kenya included 200 ballistic helmets.") == \
        {("United Kingdom", "Kenya", "ballistic helmets", "pledged")}
    assert transfers_of("The shipment from Norway to Ukraine included 20 field ambulances.") == \
        {("Norway", "Ukraine", "field ambulances", "delivered")}
    got = transfers_of("The United States has approved a sale of coastal defence systems to Taiwan. "
                       "The package covers 100 Harpoon Coastal Defense Systems.")
    assert {(s, r, st) for s, r, _, st in got} == {("United States", "Taiwan", "discussed")}


def test_a_verb_of_containing_without_such_a_noun_moves_nothing():
    assert transfers_of("During the visit, the talks between Sweden and Colombia covered 24 patrol vessels.") == set()
    assert transfers_of("The minister's visit to Finland included a tour of 12 patrol boats.") == set()


def test_would_gives_as_will_does():
    got = transfers_of("Holloway announced that Washington would donate two UH-60A+ Black Hawks to North Macedonia "
                       "so that its crews can begin training before the new aircraft arrive.")
    assert got == {("United States", "North Macedonia", "UH-60A+ Black Hawk", "pledged")}


def test_variants_the_data_lists_as_rows_stay_apart():
    f = facts_of("North Macedonia ordered eight UH-60M Black Hawks, and the United States will donate two UH-60A "
                 "helicopters for training.")
    assert {"Equipment:uh-60m-black-hawk", "Equipment:uh-60a-black-hawk"} <= set(f.entities)


def test_a_family_in_the_headline_and_as_the_reference_after_its_one_variant_is_that_variant():
    f = facts_of("The first two UH-60M Black Hawk helicopters bought from the United States landed in Latvia on "
                 "Thursday. The Black Hawks will replace older helicopters.",
                 title="Latvia receives first Black Hawk helicopters")
    assert names(f, "Equipment") == {"UH-60M Black Hawk"}
    # the family named in the body on its own is a system of its own
    f = facts_of("The first 30 CAMM missiles arrived in Latvia. Talks on the CAMM-ER go on, and more CAMM "
                 "may follow.", title="Latvia receives CAMM missiles")
    assert {"CAMM", "CAMM-ER"} <= names(f, "Equipment")


def test_things_received_at_a_ceremony_with_people_in_attendance_are_no_meeting():
    assert meetings_of("The vehicles were received at a ceremony at the base, with the Minister of Defence, John "
                       "Alder, and the United States Ambassador to Uruguay, Mary Bollen, in attendance.") == []
    # a visitor received is met
    assert meetings_of("Minister Jan Kowal was received at the ministry by the Minister of Defence, John Alder.") == \
        [{"Jan Kowal", "John Alder"}]


def test_a_web_address_before_the_story_names_no_system():
    f = facts_of("KAPUA24.COM - Two warships were handed over by Germany to Indonesia on Monday.")
    assert not any("KAPUA24" in n for n in names(f, "Equipment"))


def test_a_designation_and_its_own_name_are_one_system():
    f = facts_of("Eleven ASV M1117 vehicles were handed over to Peru on Friday. The vehicles are ASV M1117 "
                 "Centinela armoured vehicles, the embassy said.")
    assert names(f, "Equipment") == {"ASV M1117 Centinela"}


def test_a_company_without_the_word_that_says_it_is_one_is_that_company():
    f = facts_of("A cooperation agreement was signed by Nilo Electronics Industries together with Thales. "
                 "Nilo Electronics will build the radios.", title="Nilo Electronics and Thales sign pact")
    assert {"Nilo Electronics Industries", "Nilo Electronics"} & names(f, "Agency") == {"Nilo Electronics Industries"}


def test_signatories_at_the_named_parties_sign_no_second_document():
    got = agreements_of("A cooperation agreement was signed by Nilo Electronics Industries together with Thales. "
                        "Omar Selim, Chairperson of Nilo Electronics, put his name to the agreement along with "
                        "Anne Morel, Executive Vice-President for Secure Systems at Thales.")
    assert got == [({"Nilo Electronics Industries", "Thales"}, "agreement")]
    f = facts_of("Omar Selim, Chairperson of Nilo Electronics, spoke. Anne Morel, Executive Vice-President at "
                 "Thales, spoke too.")
    people = {e.name: e for e in f.entities.values() if e.family == "Person"}
    assert set(people) == {"Omar Selim", "Anne Morel"}
    assert f.entities[people["Anne Morel"].organization].name == "Thales"


def test_cote_d_ivoire_is_named_as_news_and_the_un_name_it():
    f = facts_of("France will train soldiers of Ivory Coast next year.")
    assert "Côte d'Ivoire" in names(f, "Country")


def test_gear_named_by_its_bare_kind_moves_where_no_system_is_named():
    got = transfers_of("The United States will send radios and generators to Ukraine.")
    assert got == {("United States", "Ukraine", "radios", "pledged"),
                   ("United States", "Ukraine", "generators", "pledged")}
    # after a system the article names, a bare kind names no item of its own (it may be that system)
    got = transfers_of("Germany sent two Dingo vehicles to Niger. It also delivered trucks.")
    assert {e for _, _, e, _ in got} == {"Dingo"}
    # nor does a kind in use
    assert transfers_of("Niger's army uses trucks from many makers.") == set()


def test_what_a_document_told_before_covers_is_bought_by_its_sides():
    got = transfers_of("Spain's Ministry of Defence signed four contracts with Airbus Helicopters on Tuesday. "
                       "The first of the contracts covers 13 H135 helicopters.")
    assert {(r, e, st) for _, r, e, st in got} == {("Spain", "H135", "ordered")}


def test_what_is_part_of_a_delivery_told_before_moves_with_it():
    got = transfers_of("Germany announced a new delivery of weapons to Ukraine on Friday. Also part of the delivery "
                       "are 5,000 rounds of 155 mm smoke ammunition and one Luna drone system.")
    assert {(s, r, e) for s, r, e, _ in got} == {("Germany", "Ukraine", "155 mm smoke ammunition"),
                                                  ("Germany", "Ukraine", "Luna")}
    got = transfers_of("Poland signed a deal with South Korea on Monday. Also part of the deal are 48 K9 howitzers.")
    assert got == {("South Korea", "Poland", "K9", "ordered")}


def test_a_system_and_the_name_it_is_known_as_are_one():
    f = facts_of('Belgium is to supply Ukraine with 80 Lynx wheeled armoured vehicles. Also part of the consignment '
                 'are 80 LMVs ("Light Multirole Vehicle"), known as Lynx.')
    assert len([e for e in f.entities.values() if e.family == "Equipment"]) == 1


def test_what_is_to_be_replaced_by_a_purchase_is_not_bought():
    got = transfers_of("From this year on, the Leopard 1 tanks are to be replaced by 322 CV90 vehicles, which "
                       "Belgium purchased in 2020 from Sweden.")
    assert {e for _, _, e, _ in got} == {"CV90"}


def test_partners_that_send_trainers_to_a_programme_train_its_trainees():
    got = trainings_of("Under the Redwing programme, Britain has now trained 20,000 Ukrainian recruits. The "
                       "Redwing training programme draws on specialists sent by Canada, Norway and Sweden.")
    assert got == {("United Kingdom", "Ukraine"), ("Canada", "Ukraine"), ("Norway", "Ukraine"), ("Sweden", "Ukraine")}
    got = trainings_of("Britain has trained 20,000 Ukrainian recruits since June. Several international partner "
                       "forces signed up to the programme. Among them are Canada, Norway and Sweden.")
    assert got == {("United Kingdom", "Ukraine"), ("Canada", "Ukraine"), ("Norway", "Ukraine"), ("Sweden", "Ukraine")}
    # a list of states with no partners before it trains no one
    got = trainings_of("Britain has trained 20,000 Ukrainian recruits since June. Among them are men from Kharkiv "
                       "and Odesa. Canada, Norway and Sweden sent tanks.")
    assert got == {("United Kingdom", "Ukraine")}


def test_guards_of_the_twentieth_days_classes():
    # the family in the headline names the variant, and its number is no count
    f = facts_of("Germany delivered 18 Leopard 2A6 tanks to Ukraine on Monday.",
                 title="Germany delivers Leopard 2 tanks to Ukraine")
    assert [(e.quantity, f.entities[e.equipment[0]].name) for e in f.events if e.cls == "Transfer"] == \
        [(18, "Leopard 2A6")]
    # signatories of "the agreement" told before, of the bodies that signed it, sign no second one
    got = agreements_of("Poland and Thales signed an agreement on radars. The agreement was signed by Anna Berg, "
                        "Chairperson of the Polish Armament Agency, and Marc Leroy, CEO of Thales.")
    assert got == [({"Poland", "Thales"}, "agreement")]
    # a donation announced to a state gives its parties to what it includes
    assert transfers_of("Germany announced a donation for Ukraine. The donation includes 14 Leopard 1 tanks.") == \
        {("Germany", "Ukraine", "Leopard 1", "pledged")}
    # a system named after the bare kind is no name of it
    assert transfers_of("France delivered trucks to Ukraine. The trucks will carry Caesar howitzers.") == \
        {("France", "Ukraine", "trucks", "delivered")}


def test_a_name_said_to_be_of_a_body_is_a_person_of_it():
    f = facts_of("The contract was signed by Jean Morel of Airbus and Tomasz Nowicki of PGZ.")
    people = {e.name: e for e in f.entities.values() if e.family == "Person"}
    assert set(people) == {"Jean Morel", "Tomasz Nowicki"}
    assert f.entities[people["Jean Morel"].organization].name == "Airbus"
    f = facts_of("The deal was inked by Airbus's Jean Morel on Monday.")
    assert names(f, "Person") == {"Jean Morel"}
    # a body's own name is no person
    assert names(facts_of("Troops of the Baltic Battalion of NATO trained in Latvia."), "Person") == set()
