"""Ranks and titles as real releases write them: modified ranks, abbreviations, a service after the rank."""

from tests.test_extract import facts_of, meetings_of, names


def test_a_modified_rank_is_no_part_of_the_name():
    facts = facts_of("Senior Lieutenant Tomas Varel led the boarding team. Warrant Officer Ilse Brandor said the "
                     "course had been demanding. The crew was commanded by Deputy Commandant Rafi Oskarsen. "
                     "Chief Petty Officer Dana Kestrel and Staff Sergeant Olek Pavano also spoke.")
    assert {"Tomas Varel", "Ilse Brandor", "Rafi Oskarsen", "Dana Kestrel", "Olek Pavano"} <= names(facts, "Person")
    assert not [n for n in names(facts, "Person") if n.split()[0] in ("Senior", "Warrant", "Deputy", "Chief", "Staff")]


def test_an_abbreviated_rank_or_title_is_evidence_of_a_person():
    facts = facts_of("Gov. Marla Quent announced the aid on Thursday. The visit was led by the wing's commander, "
                     "MGen. Tobin Arkwell, and BGen. Sela Morrow.")
    assert {"Marla Quent", "Tobin Arkwell", "Sela Morrow"} <= names(facts, "Person")


def test_a_service_written_after_the_rank_is_no_part_of_the_name():
    facts = facts_of("Navy Chief of Staff Admiral TNI Benny Harjoto received the ships at the port. "
                     "Air Marshal TNI Wira Sudarto attended.")
    assert {"Benny Harjoto", "Wira Sudarto"} <= names(facts, "Person")


def test_a_religious_title_is_evidence_of_a_person():
    facts = facts_of("The school's chaplain, Father Emilio Tarrant, blessed the new boats.")
    assert "Emilio Tarrant" in names(facts, "Person")


def test_three_initials_before_a_name_end_no_sentence():
    facts = facts_of("Vice Admiral K.T.R. Malvon, director general of the coast guard, said the ship would help.")
    assert "K.T.R. Malvon" in names(facts, "Person")


def test_ranks_as_indonesian_and_portuguese_releases_write_them():
    facts = facts_of("Brigjen TNI Hari Santoso opened the course. The ships were received by the navy's chief, "
                     "Commodoro Alfredo das Neves. Deputy Army Chief of Staff Lt. Gen. TNI Moch. Hadiyanto also "
                     "visited the base.")
    assert {"Hari Santoso", "Alfredo das Neves", "Moch. Hadiyanto"} <= names(facts, "Person")


def test_titles_honorifics_and_initials_news_puts_before_names():
    facts = facts_of("The ceremony was attended by Air Marshal A Gustaf Brogan. The session was chaired by DPR "
                     "Speaker Puan Mahendra. SAMI's CEO, Eng. Waleed Abu Khalid, said the deals mattered. The "
                     "Minister of the Armed Forces, Me Sidiki Kabara, took receipt of the aircraft. \"It is vital,\" "
                     "DAPA Chief Kang Eun-seok said in a statement.")
    people = names(facts, "Person")
    assert {"A Gustaf Brogan", "Puan Mahendra", "Waleed Abu Khalid", "Sidiki Kabara", "Kang Eun-seok"} <= people
    assert not [n for n in people if n.split()[0] in ("Speaker", "Eng.", "Me", "Chief")]


def test_portuguese_and_spanish_air_force_ranks_written_with_a_connector():
    facts = facts_of("The Air Operations Commander, Tenente-Brigadeiro do Ar Heraldo Luiz Rodrigo, stood out among "
                     "them. The Air Force was represented by General del Aire Carlos Chavarría Cateriano, along with "
                     "other officials.")
    assert {"Heraldo Luiz Rodrigo", "Carlos Chavarría Cateriano"} <= names(facts, "Person")


def test_three_dotted_letters_end_a_sentence_unless_a_title_stands_before_them():
    from defgraph.extract.sentences import split_sentences
    assert [s.text for s in split_sentences("France delivered the jets to the U.A.E. Greece received six more.")] \
        == ["France delivered the jets to the U.A.E.", "Greece received six more."]
    assert len(split_sentences("The trucks were inspected at Aberdeen Proving Ground, Md. The Army will send 20.")) == 2


def test_officer_alone_is_no_honorific():
    facts = facts_of("Officer Commanding Major Jane Roe received the Ghanaian delegation.")
    assert not [n for n in names(facts, "Person") if n.startswith("Commanding")]


def test_an_initial_after_a_rank_and_its_service_opens_the_name():
    facts = facts_of("Brigjen TNI I Made Sujarta opened the course. The visit was hosted by Laksma TNI I Gede Wirata.")
    assert {"I Made Sujarta", "I Gede Wirata"} <= names(facts, "Person")


def test_diplomatic_titles_hyphened_or_with_a_portfolio_are_no_part_of_the_name():
    facts = facts_of("Also pictured were Counsellor-Political Mira Halden, Senior Liaison Officer Tobin Arkwell, "
                     "Minister-Counsellor Home Affairs Sela Morrow and Counsellor (Immigration and Border Protection) "
                     "Rafi Oskarsen.")
    assert names(facts, "Person") == {"Mira Halden", "Tobin Arkwell", "Sela Morrow", "Rafi Oskarsen"}


def test_up_to_five_initials_after_a_hyphened_rank_open_the_name():
    facts = facts_of("The Coast Guard Director-General, Rear-Admiral K.L.M.P. Varendra, received the boats.")
    assert names(facts, "Person") == {"K.L.M.P. Varendra"}


def test_a_capitalised_body_after_the_is_no_person():
    facts = facts_of("The general was met by Brigadier Tomas Varel, Head of the Military Protocols and Public "
                     "Relations at the Command of the Ostrian Armed Forces.")
    assert names(facts, "Person") == {"Tomas Varel"}


def test_one_name_set_off_before_a_state_s_title_is_a_person():
    facts = facts_of("The boats make good on a pledge that Varendra, then Australia's Prime Minister, gave in 2017.")
    assert [(e.name, e.role, e.country) for e in facts.entities.values() if e.family == "Person"] == \
        [("Varendra", "Prime Minister", "Country:australia")]
    # a place before the title of the person named after it, or a longer name's last word, is none
    facts = facts_of("In Kyiv, Ukraine's President Jane Marlow thanked Finland. In Ulan Bator, Russia's Defence "
                     "Minister, General Tomas Varel, signed the protocol.")
    assert names(facts, "Person") == {"Jane Marlow", "Tomas Varel"}


def test_a_hyphened_word_after_a_title_word_is_no_title_unless_it_is_one():
    assert names(facts_of("Saab will supply a Head-Up Display for the Gripen upgrade."), "Person") == set()
    facts = facts_of("Consul General Jane Marlow attended the ceremony.")
    assert [(e.name, e.role) for e in facts.entities.values() if e.family == "Person"] == [("Jane Marlow", "Consul General")]


def test_an_office_after_the_name_is_the_role_a_rank_before_it_is_not():
    facts = facts_of("Brigadier-General Tomas Varel, Director-General in Charge of Training at the General "
                     "Headquarters, said the memorandum would bring the two forces closer.")
    assert [(e.name, e.role) for e in facts.entities.values() if e.family == "Person"] == \
        [("Tomas Varel", "Director General")]


def test_a_headline_s_title_is_no_office_of_the_first_person_of_the_body():
    facts = facts_of("Defence Minister Jane Marlow held talks today with Tomas Varel, the Minister-Counsellor of "
                     "the Ostrian embassy.", title="Defence Minister receives Ostrian embassy's Minister-Counsellor")
    roles = {e.name: e.role for e in facts.entities.values() if e.family == "Person"}
    assert roles["Jane Marlow"] == "Minister of Defence"


def test_an_office_before_an_abbreviated_rank_is_the_role():
    facts = facts_of("Chairman of the Joint Chiefs of Staff Lt. General Tomas Varel arrived in Muscat.")
    (person,) = [e for e in facts.entities.values() if e.family == "Person"]
    assert person.name == "Tomas Varel" and person.role.lower() == "chairman of the joint chiefs of staff"


def test_a_family_name_that_is_also_a_title_ends_a_name_after_a_title():
    body = "In Suva, General Tom Harlow met Major General Rose King, who leads the army."
    assert "Rose King" in names(facts_of(body), "Person")
    assert meetings_of(body) == [{"Tom Harlow", "Rose King"}]


def test_a_name_joined_by_and_past_a_person_s_title_is_a_person():
    body = ("Talks between Jane Doe, Undersecretary of State for Defence, and Nils Karsten, who holds the same post in "
            "Germany, ended on Monday.")
    assert {"Jane Doe", "Nils Karsten"} <= names(facts_of(body), "Person")
    assert meetings_of(body) == [{"Jane Doe", "Nils Karsten"}]


def test_a_word_between_a_title_s_head_and_its_complement_is_the_title_s():
    body = ("Sayyid Omar bin Saud al Harthy, Minister Responsible for Defence Affairs, and Tom Harlow, Secretary of "
            "State for Defence, held talks. Present at the talks and at the signing on the host's side were Lt Gen Sam "
            "Rabuka and Maj Gen Ann Poe.")
    assert not any("Responsible" in n for n in names(facts_of(body), "Person"))
    assert meetings_of(body) == [{"Omar bin Saud al Harthy", "Tom Harlow", "Sam Rabuka", "Ann Poe"}]


def test_a_body_joined_past_a_person_s_title_is_no_person():
    body = "The talks involved Jane Doe, Minister for Defence, and Blue Water Partners, a consultancy."
    assert names(facts_of(body), "Person") == {"Jane Doe"}
