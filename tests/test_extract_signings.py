"""Signings and visits as real news tells them: a signing that took place during a meeting, those who
attended "the meeting and the signing", a document signed by each side "for" its state, the signing
of a document told before, a minister's talks told after his quote, quoted names of companies and
systems, training missions in a country (the constructions of the thirty-second real-news batch,
written again with invented names)."""

from tests.test_extract import agreements_of, facts_of, meetings_of, names, trainings_of, transfers_of


def test_those_who_signed_a_document_during_a_meeting_met():
    got = meetings_of("Defence Minister Anna Rossi signed an agreement with Burkina Faso's Minister of Defence, "
                      "Ali Traore. The signing took place during the bilateral meeting at the ministry.")
    assert got == [{"Anna Rossi", "Ali Traore"}]
    # a signing somewhere is no meeting
    assert meetings_of("Defence Minister Anna Rossi signed an agreement with Burkina Faso's Minister of Defence, "
                       "Ali Traore. The signing took place at the ministry in Rome.") == []


def test_who_attended_the_meeting_and_the_signing_joins_the_meeting():
    got = meetings_of("Defence Minister Karim Haddad sat down on Monday with Somali Defence Minister Omar Farah. "
                      "The meeting and the signing were attended by the Chief of Staff, Major General Yusuf Nur.")
    assert got == [{"Karim Haddad", "Omar Farah", "Yusuf Nur"}]


def test_his_talks_with_someone_after_his_quote_are_the_speakers():
    got = meetings_of("Defence Minister Jan Kowal is visiting Slovakia.\n\n"
                      "The head of the ministry announced the patrols at a press conference.\n\n"
                      "– We will simply widen the area covered by our jets – Kowal said.\n\n"
                      "Joint exercises also came up in his talks with Peter Hudak, the minister told the media.")
    assert got == [{"Jan Kowal", "Peter Hudak"}]


def test_a_document_signed_by_each_side_for_its_state_is_the_states():
    got = agreements_of("The MoU was signed by Lt. Gen. Kamal Ahmed, Principal Staff Officer, Armed Forces Division, "
                        "for Bangladesh and by Lt. Gen. Salim Nabit, Chief of Staff, for Qatar.")
    assert got == [({"Bangladesh", "Qatar"}, "memorandum")]


def test_the_signing_of_a_document_told_before_is_no_new_document():
    got = agreements_of("Bangladesh and Qatar signed a memorandum of understanding on Tuesday. The Bangladesh Embassy "
                        "in Qatar said the signing of the MoU would raise the level of defence cooperation with Qatar.")
    assert got == [({"Bangladesh", "Qatar"}, "memorandum")]


def test_a_company_named_in_quotes_after_what_it_is_signs_with_the_buyer():
    f = facts_of('Qatar signed ten memoranda today. In addition, the Polish company "Korab Works" signed a '
                 'memorandum of understanding to make parts of an unmanned aircraft which Qatar is building.')
    assert "Korab Works" in names(f, "Agency")
    got = [({f.entities[k].name for k in e.parties}) for e in f.events if e.cls == "Agreement"]
    assert {"Korab Works", "Qatar"} in got


def test_a_kind_after_a_quoted_name_is_no_second_item():
    got = transfers_of('The memorandum with the European company MBDA covers the purchase of a "coastal batteries" '
                       'defence system for Qatar.')
    assert {e for _, _, e, _ in got} == {"coastal batteries"}


def test_a_multinational_maker_supplies_as_itself():
    got = transfers_of('Qatar signed a memorandum with MBDA for the purchase of a "coastal batteries" defence system.')
    assert {(s, r) for s, r, _, _ in got} == {("MBDA", "Qatar")}


def test_an_ordinal_says_which_item_not_what_kind():
    got = transfers_of("Australia will deliver a second patrol boat to Tonga before the year is out.")
    assert got == {("Australia", "Tonga", "patrol boat", "pledged")}


def test_a_training_mission_in_a_state_trains_that_state():
    assert trainings_of("Ministers announced that Canada's mission training the military in Ukraine will now run "
                        "to March 2019.") == {("Canada", "Ukraine")}
    assert trainings_of("Canada's training mission in Ukraine will be extended.") == {("Canada", "Ukraine")}
    # training somewhere names no trainee
    assert trainings_of("Canada said training in Latvia will continue.") == set()


def test_an_office_ends_at_the_rank_or_the_envoy_s_post_before_a_name():
    f = facts_of("Present was Chief of the Military Cooperation Brigadier Abdul Karim Haddad.")
    assert names(f, "Person") == {"Abdul Karim Haddad"}
    f = facts_of("Present was Ambassador of Bangladesh to Qatar Md Rafiq Alam, Defence Adviser Brigadier General "
                 "Md Kamal Hossain.")
    assert names(f, "Person") == {"Md Rafiq Alam", "Md Kamal Hossain"}
    # an office named with a rank word of its own keeps it ("Air Staff"), the rank after it starts the name
    f = facts_of("Chief of the Air Staff Air Marshal John Doe met Chief of the General Staff General Jane Roe.")
    assert names(f, "Person") == {"John Doe", "Jane Roe"}


def test_bodies_named_head_noun_first_keep_their_particles():
    f = facts_of("The deal is praised by a scholar from the Universidade Federal do Rio Grande do Sul and the "
                 "Instituto Sul-Americano de Política e Estratégia. The radio is made by Indústria de Material "
                 "Bélico do Brasil.")
    assert {"Universidade Federal do Rio Grande do Sul", "Instituto Sul-Americano de Política e Estratégia",
            "Indústria de Material Bélico do Brasil"} <= names(f, "Agency")
    assert "Escuela Militar de los Andes" in names(facts_of(
        "The Escuela Militar de los Andes signed an agreement with the Chilean Army."), "Agency")
    # two bodies joined by "y la" stay two
    assert {"Universidad Nacional de Colombia", "Armada de Colombia"} <= names(facts_of(
        "Officials of the Universidad Nacional de Colombia y la Armada de Colombia met."), "Agency")
    # a sentence may open with it
    assert "Universidade Federal do Rio Grande do Sul" in names(facts_of(
        "The Universidade Federal do Rio Grande do Sul signed an agreement with the Brazilian Army."), "Agency")
    assert "Ejército del Aire y del Espacio" in names(
        facts_of("Six helicopters will go to the Ejército del Aire y del Espacio."), "Agency")
    # a state's force named by its state is no name of its own ("Armada del Ecuador")
    assert "Armada del Ecuador" not in names(facts_of("The cutter was handed over to the Armada del Ecuador."), "Agency")


def test_guards_of_the_nineteenth_days_classes():
    # "the same system": the system written with that word, not the one named last
    got = transfers_of("Germany delivered the IRIS-T SLM system to Ukraine. Israel delivered Spike missiles to Estonia. "
                       "Slovenia ordered the same system from Germany.")
    assert ("Germany", "Slovenia", "IRIS-T SLM", "ordered") in got
    # a code before the family's variant is named, or written as a system of its own kind, is the known system
    got = transfers_of("Greece ordered the Camcopter S-300 from Austria. Separately, Russia delivered the S-300 air "
                       "defence system to Iran.")
    assert ("Russia", "Iran", "S-300", "delivered") in got
    got = transfers_of("Russia delivered the S-300 to Iran. Later, Greece ordered the Camcopter S-300 from Austria.")
    assert ("Russia", "Iran", "S-300", "delivered") in got
    # units of a system named after them are no item of their own
    assert transfers_of("Four launchers of the Akash were handed over to Armenia by India.") == \
        {("India", "Armenia", "Akash", "delivered")}
    # a maker of several states that signs with a buyer sells (as the system's state), never buys
    got = transfers_of("The European missile maker MBDA signed a contract with Cyprus for Mistral missiles.")
    assert got == {("France", "Cyprus", "Mistral", "ordered")}
    # a training mission a state says is its own
    assert trainings_of("Germany ended its training mission in Niger.") == {("Germany", "Niger")}
    # a category's code after a one-word name
    assert transfers_of("Israel delivered the Spike ATGM to Estonia.") == {("Israel", "Estonia", "Spike", "delivered")}


def test_units_of_a_named_system_count_it():
    f = facts_of("Vietnam in April ordered eight batteries of the Akash SAM from Bharat Dynamics, and the Philippines "
                 "has held exploratory talks about the same missile.")
    got = {(f.entities[e.recipient].name, e.status, e.quantity) for e in f.events if e.cls == "Transfer"}
    assert got == {("Vietnam", "ordered", 8), ("Philippines", "discussed", None)}


def test_clauses_with_their_own_subjects_and_recipients_written_after_each_system():
    got = transfers_of("Israel delivered Spike missiles to Estonia and India delivered the Akash SAM to Armenia.")
    assert got == {("Israel", "Estonia", "Spike", "delivered"), ("India", "Armenia", "Akash", "delivered")}
    got = transfers_of("India delivered the BrahMos missile to the Philippines and the Akash SAM to Armenia.")
    assert got == {("India", "Philippines", "BrahMos", "delivered"), ("India", "Armenia", "Akash", "delivered")}
    # a verb with no subject of its own is no clause of its own
    assert transfers_of("Poland ordered 48 K9 howitzers from South Korea and they will be delivered in 2024.") == \
        {("South Korea", "Poland", "K9", "ordered")}


def test_kinds_listed_under_a_moved_noun_move():
    got = transfers_of("Japan granted Ukraine equipment such as bulletproof vests, helmets and tents.")
    assert {e for _, _, e, _ in got} == {"bulletproof vests", "helmets", "tents"}
    # listed under what is only asked for, nothing moves
    assert transfers_of("Ukraine asked Japan for help such as bulletproof vests.") == set()
    got = transfers_of("The United States handed over a package to Moldova. Among the items are 874 bulletproof vests "
                       "and 77 helmets.")
    assert {(e, s) for _, _, e, s in got} >= {("bulletproof vests", "delivered"), ("helmets", "delivered")}


def test_vehicles_named_by_their_makers_brand():
    got = transfers_of("The United States donated four Ford F-350 pickups and 15 Mack tow trucks to Guyana.")
    assert {e for _, _, e, _ in got} == {"Ford F-350", "Mack tow trucks"}
    assert {e for _, _, e, _ in transfers_of("Japan handed over Mitsubishi cargo trucks to Cambodia.")} == \
        {"Mitsubishi cargo trucks"}
    # a company of the brand's group named whole stays a company; a brand alone names nothing
    f = facts_of("India signed a contract with Tata Advanced Systems Limited for trucks. Toyota said sales rose.")
    assert "Tata Advanced Systems Limited" in names(f, "Agency") and names(f, "Equipment") == set()


def test_the_signatories_of_a_document_told_before_make_no_second_agreement():
    got = agreements_of("On Monday Paraguay and Israel agreed to reinforce their defence ties, according to a "
                        "memorandum put on paper during the first trip to Asuncion by Israel's Foreign Minister, "
                        "Gideon Amir.\n\nThe Memorandum of Understanding, which Defence Minister Rafael Osuna and "
                        "Israel's ambassador, Tomas Varel, signed with Amir and the host foreign minister, Jane Marlow, "
                        "looking on, creates a cooperation framework.",
                        title="Paraguay and Israel sign defence memorandum")
    assert got == [({"Paraguay", "Israel"}, "memorandum")]


def test_onlookers_set_off_by_commas_sign_nothing_and_hide_no_signatory():
    got = agreements_of("The contract was formally signed this morning, with Chancellor Karl Vossberg looking on, by "
                        "Defence Minister Jane Doe and John Roe, managing director of Zeta Works.")
    assert got == [({"Jane Doe", "John Roe"}, "contract")]


def test_a_protocol_signed_is_an_agreement_and_a_protocol_officer_none():
    assert agreements_of("Ghana's Defence Minister Tomas Varga received his Togolese counterpart Karl Brandt in Accra "
                         "on Monday. The two countries also signed a protocol on military-technical cooperation.") == [
        ({"Ghana", "Togo"}, "other")]
    assert agreements_of("Kenya and Rwanda discussed safety protocols for joint patrols.") == []
    # protocol as etiquette or an office leaves the document signed what it is
    assert agreements_of("In line with protocol, Kenya signed a contract with Naval Group for four patrol boats.") == [
        ({"Kenya", "Naval Group"}, "contract")]
    assert agreements_of("Kenya's Chief of Protocol Tomas Varga said Kenya and Rwanda signed a contract for four patrol "
                         "boats.") == [({"Kenya", "Rwanda"}, "contract")]


def test_a_document_signed_by_no_one_named_is_signed_by_the_two_states_just_named():
    assert agreements_of("Ghana and Togo held defence talks in Accra on Monday. At the end of the talks, a memorandum "
                         "of understanding was signed.") == [({"Ghana", "Togo"}, "memorandum")]
    # one said in passing in a subordinate clause is none; nor are two states named before that held no talks
    assert agreements_of("Ghana and Togo held defence talks in Accra on Monday. The handover comes two years after "
                         "the agreement was sealed.") == []
    assert agreements_of("India condemned Pakistan's missile test on Monday. In a separate development, a memorandum "
                         "on maritime cooperation was signed.") == []
    # several documents signed: whose they are, the article tells elsewhere
    assert agreements_of("Ghana and Togo held defence talks in Accra on Monday. Important agreements were signed.") == []


def test_a_document_told_again_is_one_agreement():
    """'… inked the deal on the sidelines of …' after the memorandum is that memorandum; a headline's 'pact' over
    a body that tells the memorandum of the same parties is that memorandum too."""
    got = agreements_of("Norway and Chile on May 3 signed a Memorandum of Understanding (MoU) on defence "
                        "cooperation in Oslo. Norwegian Minister of Defence Kari Lunde and her Chilean counterpart "
                        "Jorge Valdes inked the deal on the sidelines of a regional security forum.")
    assert got == [({"Norway", "Chile"}, "memorandum")]
    got = agreements_of("India and Peru on Monday signed a Memorandum of Understanding on defence co-operation.",
                        title="India, Peru ink defence pact")
    assert got == [({"India", "Peru"}, "memorandum")]
    # a deal "on" a system is one of its own
    got = agreements_of("Norway and Chile signed a memorandum on defence cooperation. Norway and Chile also "
                        "signed the deal on patrol boats.")
    assert len(got) == 2


def test_a_state_s_representatives_signed_with_stand_for_it():
    assert agreements_of("The Czech Republic signed an intergovernmental agreement on the deal with Israeli "
                         "representatives on Monday.") == [({"Czech Republic", "Israel"}, "agreement")]
    # officials who only speak sign nothing
    assert agreements_of("Israeli officials said the Czech Republic signed an agreement with Elbit.") == [
        ({"Czech Republic", "Elbit"}, "agreement")]


def test_a_person_named_in_a_signer_s_title_signs_nothing():
    got = agreements_of("The Ministry of Economy and Finance announced the conclusion of a 555 million euro contract "
                        "for the sale of helicopters to Ukraine. The agreement was signed by Delphine Geny-Stephann, "
                        "Secretary of State to the Minister Bruno Le Maire, and the Ukrainian Minister of the Interior "
                        "Arsen Avakov.")
    assert got == [({"Delphine Geny-Stephann", "Arsen Avakov"}, "agreement")]
