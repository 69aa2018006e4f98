"""Extraction stages on small texts written for the purpose (not from the dev corpus)."""

from datetime import datetime

import pytest

from defgraph.articles import Article
from defgraph.extract import extract
from defgraph.extract.events import find_date
from defgraph.extract.sentences import split_sentences


def facts_of(body, title="Report", published=datetime(2024, 3, 15, 10, 0)):
    return extract(Article(title=title, body=body, published=published))


def names(facts, family):
    return {e.name for e in facts.entities.values() if e.family == family}


def test_sentences_keep_offsets_and_abbreviations():
    text = "Defense Secretary Lloyd J. Austin III met Mr. Shapps in the U.S. capital. They talked."
    sents = split_sentences(text)
    assert [s.text for s in sents] == [text[:73], "They talked."]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_acronym_in_parentheses_then_alone():
    f = facts_of("The Norwegian Defence Materiel Agency (NDMA) signed a contract. Later the NDMA said it was pleased.")
    ndma = [e for e in f.entities.values() if "NDMA" in e.aliases]
    assert len(ndma) == 1 and ndma[0].name == "Norwegian Defence Materiel Agency"
    assert sum(1 for m in ndma[0].mentions if m.text == "NDMA") == 2


def test_roles_before_after_and_possessive_with_surname_references():
    f = facts_of("Germany's defence minister Lena Vogt travelled to Kyiv on Friday. "
                 "Maren Dijkstra, the Dutch Minister of Defence, came with her. Vogt called the visit useful.")
    people = {e.name: e for e in f.entities.values() if e.family == "Person"}
    assert set(people) == {"Lena Vogt", "Maren Dijkstra"}
    assert people["Lena Vogt"].role == "Minister of Defence"
    assert people["Lena Vogt"].country == "Country:germany"
    assert people["Maren Dijkstra"].country == "Country:netherlands"
    assert "Vogt" in people["Lena Vogt"].aliases


def test_diacritics_and_spelling_variants_merge():
    f = facts_of("Minister Sébastien Lecornu said France would help. Later Sebastien Lecornu said more. "
                 "The armoured vehicles and armored vehicles arrived.")
    assert len([e for e in f.entities.values() if e.family == "Person"]) == 1


def test_demonyms_are_countries():
    f = facts_of("Ukrainian and British officials met French and Dutch diplomats.")
    assert {"Ukraine", "United Kingdom", "France", "Netherlands"} <= names(f, "Country")


def test_transfer_list_with_status_and_unknown_equipment_by_context():
    f = facts_of("Norway has already delivered NASAMS air defence systems, Zorkin armoured personnel carriers "
                 "and M109 howitzers to Ukraine.")
    transfers = {(f.entities[e.equipment[0]].name, e.status) for e in f.events if e.cls == "Transfer"}
    assert transfers == {("NASAMS", "delivered"), ("Zorkin", "delivered"), ("M109", "delivered")}
    zorkin = next(e for e in f.entities.values() if e.name == "Zorkin")
    assert zorkin.cls == "ArmoredVehicle"
    assert all(f.entities[e.supplier].name == "Norway" and f.entities[e.recipient].name == "Ukraine"
               for e in f.events if e.cls == "Transfer")


def test_pledge_and_order():
    f = facts_of("Denmark will send 19 F-16 jets to Ukraine. Estonia ordered six HIMARS from the United States.")
    got = {(f.entities[e.supplier].name, f.entities[e.recipient].name, e.status) for e in f.events
           if e.cls == "Transfer"}
    assert got == {("Denmark", "Ukraine", "pledged"), ("United States", "Estonia", "ordered")}


def test_training_with_number_words():
    f = facts_of("More than seven thousand Ukrainian soldiers were trained in France.")
    t = [e for e in f.events if e.cls == "Training"]
    assert len(t) == 1 and t[0].count == 7000
    assert (f.entities[t[0].provider].name, f.entities[t[0].trainee].name) == ("France", "Ukraine")


def test_meeting_and_agreement_with_evidence_offsets():
    body = ("Defence Minister Rustem Umerov held talks with his Swedish counterpart Pål Jonson on Tuesday. "
            "A memorandum was signed between Ukroboronprom and Saab.")
    f = facts_of(body)
    art = f.article
    meeting = next(e for e in f.events if e.cls == "Meeting")
    assert {f.entities[p].name for p in meeting.participants} == {"Rustem Umerov", "Pål Jonson"}
    assert str(meeting.date) == "2024-03-12"
    assert art.text[meeting.evidence.start:meeting.evidence.end] == meeting.evidence.text
    agreement = next(e for e in f.events if e.cls == "Agreement")
    assert agreement.kind == "memorandum"
    assert {f.entities[p].name for p in agreement.parties} == {"Ukroboronprom", "Saab"}
    assert 0 < agreement.confidence <= 1


def test_dates():
    pub = datetime(2023, 11, 21)
    assert str(find_date("on 27 July 2022", pub)) == "2022-07-27"
    assert str(find_date("on December 21, 2022", pub)) == "2022-12-21"
    assert find_date("in September 2022", pub) == "2022-09"
    assert str(find_date("arrived on Tuesday", pub)) == "2023-11-21"
    assert find_date("no date here", pub) is None
    assert str(find_date("signed on 2023-07-27 in Warsaw", pub)) == "2023-07-27"
    assert str(find_date("signed on 27.07.2023 in Warsaw", pub)) == "2023-07-27"
    assert str(find_date("on Nov. 5, 2023", pub)) == "2023-11-05"


def test_headlines_of_capitalised_words_invent_nothing():
    body = "\n".join(["Markets Rally As Tech Stocks Surge", "Local Team Wins Big Cup Final",
                      "Weather Service Warns Of Heavy Snow", "New Bakery Opens On Main Street"] * 20)
    f = facts_of(body, title="Top Headlines Today")
    assert not f.events
    assert not [e for e in f.entities.values() if e.family in ("Person", "Equipment")]


def test_garbled_and_non_english_text():
    f = facts_of("Дрон ударив по місту. ☃☃☃ 0x00ff lorem ipsum dolor sit amet ¿¡ ßßß " * 50)
    assert not f.events and not [e for e in f.entities.values() if e.family == "Person"]
    assert extract(Article(title="Only a title", body="")).events == []


def test_very_large_article_is_read_up_to_a_bound_and_reported():
    para = "France has delivered CAESAR howitzers to Ukraine, the ministry said. " * 30 + "\n\n"
    f = extract(Article(title="t", body=para * 2500))  # about 5 MB
    assert len(f.article.text) > 5_000_000
    assert f.skipped and "not read" in f.skipped[0]
    assert max(ev.evidence.end for ev in f.events) <= 200_000


def test_random_word_salad_never_crashes_and_keeps_offsets():
    import random

    from defgraph.mapping import to_rdf

    words = ("France Ukraine Germany delivered pledged will send to the and ( ) , . ; : \" ' Minister Defence of "
             "Ministry Agency (DGA) DGA HIMARS Leopard 2A6 tanks howitzers between signed memorandum with trained "
             "7,000 Ukrainian soldiers in Mr Smith said met talks President John Doe Ö é — – (( )) 's K2s F-16s "
             "U.S. U.K. Ltd. seven thousand").split() + ["\n\n", "Ministry of Defence of", "155 mm and 122 mm shells"]
    rnd = random.Random(7)
    for _ in range(200):
        body = " ".join(rnd.choice(words) for _ in range(rnd.randint(0, 120)))
        facts = extract(Article(title=rnd.choice(words), body=body))
        to_rdf(facts)
        for ev in facts.events:
            assert facts.article.text[ev.evidence.start:ev.evidence.end] == ev.evidence.text


def test_owner_and_participle_and_approval_for_sale():
    f = facts_of("Germany handed over Leopard 2A4 tanks to Czechia in return for the older Czech T-72 tanks and "
                 "BVP-1 vehicles sent to Ukraine. The US State Department has cleared Greece to buy 20 F-35 fighters.")
    got = {(f.entities[e.supplier].name, f.entities[e.recipient].name, f.entities[e.equipment[0]].name, e.status)
           for e in f.events if e.cls == "Transfer"}
    assert got == {("Germany", "Czech Republic", "Leopard 2A4", "delivered"),
                   ("Czech Republic", "Ukraine", "T-72", "delivered"),
                   ("Czech Republic", "Ukraine", "BVP-1", "delivered"),
                   ("United States", "Greece", "F-35", "discussed")}


def test_gazetteer_facts_are_kept_in_an_article_without_events():
    facts = facts_of("Analysts in Oslo compared NASAMS with other short-range systems.", title="Air defence in focus")
    nasams = next(e for e in facts.entities.values() if e.name == "NASAMS")
    assert not facts.events
    origin, maker = nasams.origin, nasams.manufacturer
    assert facts.entities[origin].name == "Norway"
    assert facts.entities[maker].name == "Kongsberg"


# -- events from the grammar of the clause --------------------------------------------------

def transfers_of(body, title="Report"):
    facts = facts_of(body, title=title)
    name = lambda k: facts.entities[k].name
    return {(name(e.supplier), name(e.recipient), name(e.equipment[0]), e.status)
            for e in facts.events if e.cls == "Transfer"}


def test_passive_recipient_and_agent_supplier():
    got = transfers_of("Romania will be supplied with 54 Abrams tanks by the United States, officials said.")
    assert got == {("United States", "Romania", "Abrams", "pledged")}
    got = transfers_of("The first CAESAR howitzers were handed over to Armenia by France on Tuesday.")
    assert {(s, r) for s, r, _, _ in got} == {("France", "Armenia")}


def test_coordinated_subjects_each_supply():
    got = transfers_of("Norway and Denmark have agreed to deliver three NASAMS batteries to Ukraine.")
    assert {(s, r) for s, r, e, _ in got if e == "NASAMS"} == {("Norway", "Ukraine"), ("Denmark", "Ukraine")}


def test_a_system_under_another_predicate_is_not_transferred():
    got = transfers_of("The United Kingdom will buy CAMM missiles from MBDA to replace the Exocet on its frigates.")
    assert not [t for t in got if t[2] == "Exocet"]
    got = transfers_of("Germany will send 12 Archer howitzers to Estonia, where Swedish units have used the "
                       "Leopard 2 since 2022.")
    assert ("Germany", "Estonia", "Archer", "pledged") in got
    assert not [t for t in got if t[2] == "Leopard 2"]


def test_a_maker_that_signs_with_a_ministry_is_the_supplier():
    got = transfers_of("South Korean company Hanwha Aerospace signed a contract with the Romanian Ministry of "
                       "National Defence for 54 K9 howitzers.")
    assert ("South Korea", "Romania", "K9", "ordered") in got


def test_talks_over_a_supply_keep_the_maker_as_supplier():
    got = transfers_of("Meanwhile, the Philippines is in talks with South Korea over additional FA-50 aircraft.")
    assert got == {("South Korea", "Philippines", "FA-50", "discussed")}


def test_people_found_by_the_shape_of_their_titles():
    facts = facts_of("On Friday Karalis met US Assistant Secretary of State for Economic-Security "
                     "Affairs, Helen Marsh, as well as the US Ambassador to Athens, Peter Galloway. Afterwards he saw "
                     "Deputy Prime Minister and Defence Minister of Australia Mr Colin Ashby.")
    people = {e.name: e.role for e in facts.entities.values() if e.family == "Person"}
    assert people.get("Helen Marsh") == "Assistant Secretary of State for Economic-Security Affairs"
    assert people.get("Peter Galloway") == "Ambassador to Athens"
    assert "Colin Ashby" in people and "Mr Colin Ashby" not in people
    assert not [n for n in people if "Affairs" in n or "Secretary" in n]


def test_money_and_numbers_are_values_never_entities():
    facts = facts_of("Ottawa will pay C$2.3 billion and Wellington NZ$500 million; Kyiv gets $4B, €1.2bn and "
                     "£1.6 billion. The first 4 of 16 jets arrived; 12 000 shells, 12,000 rounds, 12 thousand "
                     "mines and two dozen drones were sent.")
    assert {e.family for e in facts.entities.values()} <= {"Country"}
    from defgraph.extract.amounts import count_before, find_money, parse_quantity
    money = [(str(m.amount), m.currency) for m in find_money(facts.article.text)]
    assert money == [("2300000000", "CAD"), ("500000000", "NZD"), ("4000000000", "USD"),
                     ("1200000000", "EUR"), ("1600000000", "GBP")]
    assert [parse_quantity(q) for q in ("12 000", "12,000", "12 thousand", "two dozen", "fifty-four")] == \
        [12000, 12000, 12000, 24, 54]
    text = "the first 4 of 16 jets, 54 M1A1 Abrams, in 2022 Leopard"
    assert [count_before(text, text.index(w)) for w in ("jets", "Abrams", "Leopard")] == [4, 54, None]


def test_transfer_quantity_and_contract_value():
    facts = facts_of("Romania will be supplied with 54 Abrams tanks by the United States under a $1 billion deal.")
    (t,) = [e for e in facts.events if e.cls == "Transfer"]
    assert t.quantity == 54 and (str(t.value.amount), t.value.currency) == ("1000000000", "USD")


def test_titles_stay_whole_and_never_join_the_name():
    facts = facts_of("Rear Admiral John Smith, commander of the fleet, and Minister for Defence Procurement Luke "
                     "Pollard visited the yard. General Director Ivan Petrov of the plant said work would end soon. "
                     "Ana Popescu, Romania's deputy defence minister, said the tanks would arrive in 2026.")
    people = {e.name: e.role for e in facts.entities.values() if e.family == "Person"}
    assert people == {"John Smith": "Rear Admiral", "Luke Pollard": "Minister for Defence Procurement",
                      "Ivan Petrov": "General Director", "Ana Popescu": "Deputy Minister of Defence"}


def test_title_and_surname_resolve_to_the_full_name_or_stay_as_written():
    facts = facts_of("French President Emmanuel Macron met Chancellor Olaf Scholz. Later President Macron said "
                     "France would send more CAESAR howitzers.")
    people = {e.name: e.aliases for e in facts.entities.values() if e.family == "Person"}
    assert set(people) == {"Emmanuel Macron", "Olaf Scholz"} and "Macron" in people["Emmanuel Macron"]
    facts = facts_of("President Macron said France would send more CAESAR howitzers. Macron added that more "
                     "would follow.")
    (macron,) = [e for e in facts.entities.values() if e.family == "Person"]
    assert (macron.name, macron.role, len(macron.mentions)) == ("Macron", "President", 2)


def test_headline_words_never_become_people():
    facts = facts_of("The defence chiefs of Estonia and Latvia met in Tallinn.", title="Defence Chiefs Sign Pact")
    assert not [e for e in facts.entities.values() if e.family == "Person"]


def test_bullet_lines_belong_to_the_lead_line():
    got = transfers_of("Germany has delivered another batch of military aid to Ukraine, officials said.\n\n"
                       "In addition, Germany has supplied:\n- 16 RQ-35 Heidrun reconnaissance drones;\n"
                       "- ten Vector reconnaissance drones;\n- four Caracal air assault vehicles.\n\n"
                       "Separately, Poland has ordered 72 K2 tanks from South Korea.")
    assert {("Germany", "Ukraine", "RQ-35 Heidrun", "delivered"), ("Germany", "Ukraine", "Caracal", "delivered"),
            ("South Korea", "Poland", "K2", "ordered")} <= got
    facts = facts_of("In addition, Germany has supplied Ukraine with:\n- 16 RQ-35 Heidrun reconnaissance drones;")
    (t,) = [e for e in facts.events if e.cls == "Transfer"]
    assert t.quantity == 16


def agreements_of(body, title="Report"):
    facts = facts_of(body, title=title)
    name = lambda k: facts.entities[k].name
    return [({name(p) for p in e.parties}, e.kind) for e in facts.events if e.cls == "Agreement"]


def test_agreement_parties_from_the_signing_clause():
    assert agreements_of("French shipbuilder Naval Group on Thursday signed a memorandum of cooperation with the "
                         "Indonesian Ministry of Defence.") == \
        [({"Naval Group", "Indonesian Ministry of Defence"}, "memorandum")]
    got = agreements_of("The contract was signed by the Armament Agency of Poland and Hanwha Aerospace on Monday.")
    assert got == [({"Armament Agency", "Hanwha Aerospace"}, "contract")]
    got = agreements_of("Saudi Arabian Military Industries signed three memoranda of understanding with Baykar, "
                        "Aselsan and Naval Group on Thursday.")
    assert sorted(sorted(p) for p, _ in got) == [["Aselsan", "Saudi Arabian Military Industries"],
                                                 ["Baykar", "Saudi Arabian Military Industries"],
                                                 ["Naval Group", "Saudi Arabian Military Industries"]]
    assert agreements_of("Both presidents agreed to press for a swift end to talks on a free-trade agreement "
                         "between the EU and Mercosur.") == []


def meetings_of(body, title="Report"):
    facts = facts_of(body, title=title)
    return [{facts.entities[k].name for k in e.participants} for e in facts.events if e.cls == "Meeting"]


def test_meetings_with_more_than_two_people_and_calls():
    got = meetings_of("Defence Minister Boris Pistorius hosted Polish Defence Minister Wladyslaw Kosiniak-Kamysz "
                      "and French Armed Forces Minister Sebastien Lecornu in Berlin on Tuesday.")
    assert got == [{"Boris Pistorius", "Wladyslaw Kosiniak-Kamysz", "Sebastien Lecornu"}]
    got = meetings_of("Defense Secretary Lloyd Austin spoke by phone with Japanese Defense Minister Minoru Kihara "
                      "on Thursday.")
    assert got == [{"Lloyd Austin", "Minoru Kihara"}]


def test_training_as_part_of_a_deal_and_by_a_means_clause():
    facts = facts_of("Minister Tom Hadley said Canada will back the training coalition by helping to train Ukrainian "
                     "crews.")
    name = lambda k: facts.entities[k].name
    assert [(name(e.provider), name(e.trainee)) for e in facts.events if e.cls == "Training"] == \
        [("Canada", "Ukraine")]


def entities_of(body, title="Report"):
    facts = facts_of(body, title=title)
    country = lambda e: facts.entities[e.country].name if e.country in facts.entities else None
    return {(e.family, e.name, country(e)) for e in facts.entities.values()}


def test_a_state_body_named_as_many_states_name_theirs_is_the_article_country():
    got = entities_of("The Philippine Navy said the Department of National Defense signed the contract in Manila.")
    assert ("Agency", "Department of National Defense", "Philippines") in got
    got = entities_of("The Canadian Department of National Defence signed the contract in Ottawa.")
    assert ("Agency", "Department of National Defence", "Canada") in got  # labelled without the prefix


def test_one_ministry_with_and_without_its_country_and_acronyms_in_context():
    facts = facts_of("The Dutch Ministry of Defence ordered the systems. The Ministry of Defence said deliveries "
                     "would start in 2026.")
    (ministry,) = [e for e in facts.entities.values() if e.family == "Agency"]
    assert facts.entities[ministry.country].name == "Netherlands"
    assert {"Dutch Ministry of Defence", "Ministry of Defence"} <= ministry.aliases
    got = entities_of("Greece said its Ministry of National Defence (MND) signed the deal. The MND said frigates "
                      "would follow.")
    assert got == {("Country", "Greece", None), ("Agency", "Ministry of National Defence", "Greece")}


def test_distinct_designations_mixed_case_acronyms_and_names_after_their_category():
    got = entities_of("Britain ordered CAMM and CAMM-ER missiles. Nato allies welcomed the move. Poland ordered "
                      "48 self-propelled howitzers Krab and Germany sent tanks Leopard 2A4 to Lithuania. India "
                      "buys MQ-9B drones, unlike the MQ-9 Reaper fleet.")
    names = {n for f, n, _ in got if f in ("Equipment", "Agency")}
    assert {"CAMM", "CAMM-ER", "NATO", "Krab", "Leopard 2A4", "MQ-9B", "MQ-9 Reaper"} <= names


def test_systems_listed_with_known_ones_or_owned_by_a_country_and_ships_by_prefix():
    got = entities_of("The South Korean air force operates the T-50, TA-50 and FA-50 itself. Rivals in the contest "
                      "included the Russian MiG-35. The corvette BRP Miguel Malvar docked at Subic.")
    names = {n for f, n, _ in got if f == "Equipment"}
    assert {"T-50", "TA-50", "FA-50", "MiG-35", "BRP Miguel Malvar"} <= names


def test_several_titled_people_in_one_sentence_and_roles_after_adjectives():
    got = meetings_of("Kuwait Deputy Prime Minister Sheikh Nasser Khalid Al-Jaber and Deputy Prime Minister for "
                      "Defence Affairs of Oman Salim Al-Hinai met in Muscat on Sunday.")
    assert got == [{"Nasser Khalid Al-Jaber", "Salim Al-Hinai"}]
    got = meetings_of("Defense Minister Park Sung-ho held a first video call with Ren Takeda, Japan's "
                      "newly appointed defense minister.")
    assert got == [{"Park Sung-ho", "Ren Takeda"}]


def test_resolver_passes_run_after_what_they_need():
    from defgraph.extract.resolve import PASSES, ROLE, Resolver

    produced = {ROLE}  # titles are found before the passes run
    for p in PASSES:
        assert callable(getattr(Resolver, p.method, None)), p.method
        assert set(p.needs) <= produced, f"{p.method} needs {set(p.needs) - produced} before any pass sets it"
        produced |= set(p.sets)


def test_a_country_that_qualifies_a_noun_takes_no_role():
    got = transfers_of("Qatar's Armed Forces were handed their first Typhoon jets by BAE Systems last week. The "
                       "programme also set up joint UK-Qatar Typhoon and Hawk squadrons for pilot training.")
    assert got == {("United Kingdom", "Qatar", "Typhoon", "delivered")}


def trainings_of(body, title="Report"):
    facts = facts_of(body, title=title)
    name = lambda k: facts.entities[k].name
    return {(name(e.provider), name(e.trainee)) for e in facts.events if e.cls == "Training"}


def test_training_by_its_object_a_compound_adjective_or_a_place_and_no_joint_exercise():
    assert trainings_of("About 40 members of the Australian Army spent eight weeks training the Papua New "
                        "Guinea Defence Force's engineers before the vote.") == {("Australia", "Papua New Guinea")}
    assert trainings_of("Hundreds of Somali troops trained at the Turkish base in Mogadishu have now rejoined "
                        "their units.") == {("Turkey", "Somalia")}
    assert trainings_of("Troops from Britain and Kenya trained side by side last month in a joint exercise.") == set()


def test_capitals_as_places_are_nobody_and_honorifics_sit_between_title_and_name():
    facts = facts_of("New Delhi, 20th November: Defence Minister Rajnath Singh met Australian Foreign Minister "
                     "Ms Penny Wong in New Delhi.")
    people = {e.name: e.role for e in facts.entities.values() if e.family == "Person"}
    assert people == {"Rajnath Singh": "Minister of Defence", "Penny Wong": "Minister of Foreign Affairs"}


def test_headlines_state_events_in_compressed_form():
    got = lambda title: transfers_of("The ministry confirmed the plans on Monday.", title=title)  # noqa: E731
    assert got("Netherlands, Denmark to supply F-16s to Ukraine") == {
        ("Netherlands", "Ukraine", "F-16", "pledged"), ("Denmark", "Ukraine", "F-16", "pledged")}
    assert got("Poland orders 96 more K2 tanks from South Korea") == {("South Korea", "Poland", "K2", "ordered")}
    assert got("U.S. clears $2.1 billion sale of 12 MQ-9B drones to India") == {
        ("United States", "India", "MQ-9B", "discussed")}
    assert got("Ukraine receives first Patriot battery from Germany") == {("Germany", "Ukraine", "Patriot", "delivered")}


def test_organisations_by_descriptor_unit_heads_and_no_outlets():
    got = entities_of("French shipbuilder Piriou completed the patrol boat this week. Mikko Lahtinen, Sisu Auto's "
                      "vice-president, spoke for the company. The Government of India praised the 53 Infantry "
                      "Division, the Philippine News Agency reported.")
    orgs = {n for f, n, _ in got if f == "Agency"}
    assert {"Piriou", "Sisu Auto", "Government of India", "53 Infantry Division"} <= orgs
    assert not [n for n in orgs if "News Agency" in n]
    assert ("Agency", "Piriou", "France") in got


def test_a_passive_without_agent_names_no_supplier_before_it():
    got = transfers_of("South Korea's Hyundai Rotem handed over another 18 K2 tanks to the Polish Armed Forces. "
                       "The Polish Armed Forces now operate 64 K2 tanks, some of which were delivered last year.")
    assert got == {("South Korea", "Poland", "K2", "delivered")}


def test_who_attended_the_meeting_joins_it():
    got = meetings_of("Defence Minister Anna Berg held talks with Defence Minister Jan Kowalski on Tuesday. The two "
                      "discussed air defence. Ambassador Maria Lopez attended the meeting.")
    assert got == [{"Anna Berg", "Jan Kowalski", "Maria Lopez"}]


def test_the_two_ministers_are_the_people_named_last():
    got = meetings_of("Defence Minister Anna Berg welcomed Defence Minister Jan Kowalski to Oslo on Monday. "
                      "The two ministers held talks on air defence and ammunition production.")
    assert {"Anna Berg", "Jan Kowalski"} in got


def test_between_names_parties_only_of_the_document_itself():
    assert agreements_of("The Reciprocal Access Agreement signed on Friday will ease the rules for visits "
                         "between the Philippine Army and the Japan Self-Defense Forces.") == []
    got = agreements_of("A memorandum was signed between the Armament Agency and Hanwha Aerospace on Monday.")
    assert got == [({"Armament Agency", "Hanwha Aerospace"}, "memorandum")]


def test_systems_after_their_maker_or_a_count_are_found():
    f = facts_of("Chile will acquire three Rheinmetall K-7C Petrels and one K-7N Petrel from Peru. "
                 "The corvettes carry Rheinmetall Sarn Mk4/B anti-ship missiles and the Rheinmetall VOLT-X "
                 "air defence system.")
    systems = names(f, "Equipment")
    assert {"K-7C Petrel", "K-7N Petrel", "Sarn Mk4/B", "VOLT-X"} <= systems
    assert not any("Rheinmetall" in s for s in systems)  # the maker is not part of the system's name


def test_systems_that_name_squadrons_in_a_list_are_not_delivered():
    f = facts_of("The deal covered joint Chile-Peru Falcon and Kestrel squadrons to deliver pilot training. "
                 "Peru delivered two Falcon jets to Chile.")
    moved = {f.entities[e.equipment[0]].name for e in f.events if e.cls == "Transfer"}
    assert moved == {"Falcon"}


def contracts(f):
    return {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"}


def test_a_contract_a_company_is_given_names_it_and_its_buyer():
    f = facts_of("The Ministry of Defence of Chile has awarded a $71 million contract to Andes Aerospace for spare parts.")
    assert contracts(f) == {frozenset({"Ministry of Defence of Chile", "Andes Aerospace"})}
    f = facts_of("The Chilean Army contracted Pampa Auto in June 2020 for six trucks.")
    assert contracts(f) == {frozenset({"Chilean Army", "Pampa Auto"})}


def test_the_buyer_a_contract_leaves_out_is_the_state_the_article_is_about():
    f = facts_of("Chile's air force will accept five new helicopters next week, the Chilean Air Force said. "
                 "The Ministry of National Defence of Chile expects more. "
                 "It was a direct contract with Peru's Lima Rotor Works, worth $300 million.")
    assert contracts(f) == {frozenset({"Ministry of National Defence of Chile", "Lima Rotor Works"})}
    assert next(e for e in f.entities.values() if e.name == "Lima Rotor Works").cls == "Company"


def test_people_by_a_lowercase_role_after_the_name_or_a_copula():
    f = facts_of("Tomas Varga, director general of the Defence Agency, said the deal was good. "
                 "Pavel Rudnik, chairman and CEO of the maker, welcomed the order. "
                 "Talks began while Marek Halas was Slovak president. Jana Holub is the agency's spokeswoman.")
    assert {"Tomas Varga", "Pavel Rudnik", "Marek Halas", "Jana Holub"} <= names(f, "Person")


def test_people_after_a_portfolio_title_or_with_a_bare_initial():
    f = facts_of("The event was attended by Budget Secretary Amara Lindqvist, Foreign Affairs Secretary "
                 "Enzo Marquez and External Affairs Minister Dr R Balakrishnan. Plan B Rustem says no.")
    assert names(f, "Person") == {"Amara Lindqvist", "Enzo Marquez", "R Balakrishnan"}


def test_an_actor_under_another_predicate_is_no_recipient():
    f = facts_of("Chile has signed an agreement to ship K-7 howitzers to Peru. Under the deal, Chilean defence "
                 "firm Andes Aerospace will supply 54 K-7 howitzers and 36 K-8 armoured vehicles, according to "
                 "Chile's defence ministry.")
    moved = {(f.entities[e.supplier].name, f.entities[e.recipient].name, f.entities[e.equipment[0]].name)
             for e in f.events if e.cls == "Transfer"}
    assert moved == {("Chile", "Peru", "K-7"), ("Chile", "Peru", "K-8")}


def test_a_recipient_in_a_clause_that_restates_the_transfer_is_kept():
    f = facts_of("In December 2022 Peru handed over the first of 14 Condor 2A4 tanks it is providing to Chile in return for "
                 "Chilean T-55 tanks and BMP-1 infantry fighting vehicles sent to Bolivia.")
    moved = {(f.entities[e.supplier].name, f.entities[e.recipient].name, f.entities[e.equipment[0]].name)
             for e in f.events if e.cls == "Transfer"}
    assert ("Peru", "Chile", "Condor 2A4") in moved and ("Peru", "Bolivia", "Condor 2A4") not in moved


def test_a_denied_document_is_no_agreement_and_no_order():
    f = facts_of("Peru approved the transfer of the jets on 3 May, along with 16 Chilean F-5 Tigers, though no "
                 "contract for them has been signed with Bolivia so far.")
    assert not [e for e in f.events if e.cls == "Agreement"]
    assert not [e for e in f.events if e.cls == "Transfer" and e.status == "ordered"]


def test_the_other_party_of_a_contract_sells_what_is_acquired_under_it():
    f = facts_of("The Chilean Ministry of Defense and the Peruvian Defence Materiel Agency signed a contract in "
                 "June under which the Chilean Navy is to acquire two Lockheed P-3C Orions.")
    moved = {(f.entities[e.supplier].name, f.entities[e.recipient].name, e.status) for e in f.events
             if e.cls == "Transfer"}
    assert moved == {("Peru", "Chile", "ordered")}


MEETING_SHAPES = [
    "{b} called on {a} at the ministry.", "{a} held a video conference with {b}.", "{a} sat down with {b}.",
    "{a} conferred with {b}.", "{a} hosted {b} at the ministry.", "{b} was received by {a}.",
    "In a phone call, {a} and {b} discussed air defence.", "{a} met his Chilean counterpart, {n}.",
]


@pytest.mark.parametrize("shape", MEETING_SHAPES)
def test_meetings_in_the_shapes_news_writes_them(shape):
    a, b = "Defence Minister Tomas Aranda", "Chilean Defence Minister Nora Ibarra"
    f = facts_of(shape.format(a=a, b=b, n="Nora Ibarra") + " They spoke on Monday.")
    met = [{f.entities[k].name for k in e.participants} for e in f.events if e.cls == "Meeting"]
    assert met == [{"Tomas Aranda", "Nora Ibarra"}]


def test_training_by_a_qualified_agent_for_counterparts_and_as_part_of_a_package():
    def trained(body):
        f = facts_of(body)
        return {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events if e.cls == "Training"}
    assert trained("Peruvian technicians will be trained by Chilean specialists at the base.") == {("Chile", "Peru")}
    assert trained("Chilean soldiers provided training to their counterparts from Peru.") == {("Chile", "Peru")}
    assert trained("Peruvian troops train with Chilean soldiers in Arica.") == set()  # side by side: no one gives it
    assert trained("Chile will deliver six HIMARS launchers to Peru. The package includes training for Peruvian "
                   "crews on the new systems.") == {("Chile", "Peru")}


def test_agreements_exchanged_not_yet_signed_and_a_state_body_of_the_country_named():
    def parties(body):
        f = facts_of(body)
        return [{f.entities[k].name for k in e.parties} for e in f.events if e.cls == "Agreement"]
    assert parties("Chile and Peru exchanged memorandums on defence cooperation.") == [{"Chile", "Peru"}]
    assert parties("Chile and Peru will sign a defence agreement in March.") == []
    f = facts_of("The contract between Chile's Defence Procurement Agency and Rheinmetall was signed on Monday.")
    agency = next(e for e in f.entities.values() if e.name == "Defence Procurement Agency")
    assert agency.country == "Country:chile"


def test_a_purchase_names_its_supplier_or_has_none():
    def moved(body):
        f = facts_of(body)
        return {(f.entities[e.supplier].name, f.entities[e.recipient].name, e.status) for e in f.events
                if e.cls == "Transfer"}
    assert moved("Peru will acquire 20 Leopard 2A4 tanks for its army.") == set()  # the maker goes unnamed
    assert moved("Peru will acquire 20 Chilean-made Leopard 2A4 tanks.") == {("Chile", "Peru", "ordered")}
    assert moved("Peru will acquire 20 Leopard 2A4 tanks. Germany cleared their export last week.") == \
        {("Germany", "Peru", "ordered")}  # the gazetteer's origin, named in the article
    assert moved("Peru is in talks with Chile on buying 20 Leopard 2A4 tanks.") == {("Chile", "Peru", "discussed")}


def test_organisations_kept_whole_cut_before_a_known_partner_and_never_a_subject_taken_for_a_system():
    f = facts_of("A memorandum with the Ministry of Science and Technology of the Republic of Peru was signed. "
                 "The contract was signed by the Government of Chile and BAE Systems. "
                 "The Royal Gendarmerie will receive helicopters. The Papua New Guinea Defence Force and the "
                 "Argentine Naval Aviation took part. Cordillera Aerospace Ltd. built the trainer.")
    orgs = names(f, "Agency")
    assert {"Ministry of Science and Technology of the Republic of Peru", "Government of Chile", "BAE Systems",
            "Royal Gendarmerie", "Papua New Guinea Defence Force", "Argentine Naval Aviation",
            "Cordillera Aerospace Ltd."} <= orgs
    assert "Royal Gendarmerie" not in names(f, "Equipment")


def test_a_counterpart_named_in_a_later_sentence_joins_the_meeting():
    f = facts_of("Defence Minister Tomas Aranda held talks with his Peruvian counterpart in Lima on Monday. "
                 "Nora Ibarra, Peru's defence minister, said the talks went well.")
    met = [{f.entities[k].name for k in e.participants} for e in f.events if e.cls == "Meeting"]
    assert met == [{"Tomas Aranda", "Nora Ibarra"}]


def test_people_after_hyphenated_ranks_and_a_lowercase_head_or_deputy_title():
    f = facts_of("Maj-Gen Tomas Aranda inspected the troops. According to Raul Quispe, head of the procurement "
                 "agency, the deal is done. The team was headed by Nora Ibarra, the deputy chief of the joint "
                 "staff.")
    assert names(f, "Person") == {"Tomas Aranda", "Raul Quispe", "Nora Ibarra"}


def test_agreeing_to_do_something_signs_nothing():
    f = facts_of("The contract follows talks in Lima between President Tomas Aranda and his Peruvian counterpart, "
                 "Nora Ibarra, where both leaders agreed to widen their defence ties.")
    assert not [e for e in f.events if e.cls == "Agreement"]


def test_transfers_in_headline_tense_by_sale_and_by_contract_and_after_a_makers_demonym():
    def moved(body):
        f = facts_of(body)
        return {(f.entities[e.supplier].name, f.entities[e.recipient].name, e.status) for e in f.events
                if e.cls == "Transfer"}
    assert moved("France delivers first Caesar howitzers to Peru.") == {("France", "Peru", "delivered")}
    assert moved("Chile has agreed to sell Peru 20 Leopard 2A4 tanks.") == {("Chile", "Peru", "ordered")}
    assert moved("Peru and France signed a contract for 12 Caesar howitzers.") == {("France", "Peru", "ordered")}
    assert moved("Peru has received six French-made Caesar howitzers.") == {("France", "Peru", "delivered")}


def test_a_company_the_text_gives_a_country_sells_as_that_country():
    f = facts_of("Peru signed a deal with France's KNDS for 12 Caesar howitzers.")
    moved = {(f.entities[e.supplier].name, f.entities[e.recipient].name) for e in f.events if e.cls == "Transfer"}
    assert moved == {("France", "Peru")}


def test_a_named_party_a_country_owns_in_an_agreement_is_a_company():
    f = facts_of("The state firm additionally signed a preliminary agreement with Peru's Andes Orbital to grow "
                 "space technologies. Chile signed an agreement with Peru's Defence Minister Nora Ibarra.")
    assert "Andes Orbital" in names(f, "Agency") and "Nora Ibarra" in names(f, "Person")
    assert "Defence Minister Nora Ibarra" not in names(f, "Agency")


def test_a_known_organisation_is_labelled_without_the_country_written_before_it():
    f = facts_of("The US State Department cleared the sale. The Philippine Navy received ships.")
    assert {"State Department", "Philippine Navy"} <= names(f, "Agency")


def test_the_country_inside_an_agency_name_is_no_second_party():
    f = facts_of("Rheinmetall has been awarded a €300 million contract by the Chilean Army.")
    parties = [{f.entities[k].name for k in e.parties} for e in f.events if e.cls == "Agreement"]
    assert parties == [{"Rheinmetall", "Chilean Army"}]


def test_rules_of_the_day_do_not_fire_where_they_should_not():
    def events(body, cls):
        f = facts_of(body)
        return [e for e in f.events if e.cls == cls]
    transfer = events("The United States will provide training and F-16 jets to Ukraine.", "Transfer")
    assert [e.status for e in transfer] == ["pledged"]  # a conjunct of "training" is still given
    assert [e.status for e in events("After two years of negotiations, Peru ordered 12 Caesar howitzers "
                                     "from France.", "Transfer")] == ["ordered"]
    assert events("Chile and Peru exchanged views on a future defence agreement.", "Agreement") == []
    assert [e.status for e in events("Chile ordered Simbad shipborne air defence systems from France.",
                                     "Transfer")] == ["ordered"]
    f = facts_of("Tomas Aranda was President Nora Ibarra's guest at the talks.")
    assert all(e.role != "President" for e in f.entities.values() if e.name == "Tomas Aranda")
    f = facts_of("Peru signed a contract with Acme. The ministry said more.")
    assert "Acme" in names(f, "Agency") and not any("The" in n for n in names(f, "Agency"))
    met = events("Defence Minister Tomas Aranda held talks with his Peruvian counterpart in Lima. Peru's "
                 "President Nora Ibarra said more.", "Meeting")
    assert met == []  # the one Peruvian named later is no counterpart of a defence minister


def test_a_kind_of_equipment_is_its_name_only_where_a_transfer_moves_it_and_no_system_is_named():
    got = transfers_of("Shipbuilder Hyundai Heavy Industries has signed a contract for four offshore patrol "
                       "vessels for the Philippine Navy.")
    assert got == {("South Korea", "Philippines", "offshore patrol vessels", "ordered")}
    got = transfers_of("Germany delivered 20,000 helmets and 5,000 ballistic vests to Ukraine.")
    assert got == {("Germany", "Ukraine", "helmets", "delivered"), ("Germany", "Ukraine", "ballistic vests", "delivered")}
    got = transfers_of("The Netherlands will supply Ukraine with 12 anti-drone systems.")
    assert got == {("Netherlands", "Ukraine", "anti-drone systems", "pledged")}
    # not moved, not counted, or too vague to name anything: no equipment at all
    for text in ("Estonia's navy operates three minehunters.", "Poland plans to buy new frigates.",
                 "Canada will donate 40 systems to Ukraine."):
        assert not names(facts_of(text), "Equipment"), text


def test_a_kind_of_equipment_refers_back_to_the_system_the_article_names():
    facts = facts_of("Denmark has pledged F-16 fighter jets to Ukraine. The first six jets will be delivered to "
                     "Ukraine by Denmark in May.")
    assert names(facts, "Equipment") == {"F-16"}
    assert "jets" not in {a for e in facts.entities.values() for a in e.aliases}


def test_a_number_word_before_a_kind_of_equipment_is_no_designation():
    facts = facts_of("Sixteen wheeled howitzers will be delivered to Ukraine by Germany next year.")
    assert "Sixteen" not in names(facts, "Equipment")


def test_people_found_by_what_people_do_and_titles_that_stop_at_the_name():
    facts = facts_of("I thank U.S. Secretary of Commerce Anna Rimbaud, and our colleagues.")
    assert {e.name: e.role for e in facts.entities.values() if e.family == "Person"} == \
        {"Anna Rimbaud": "Secretary of Commerce"}
    got = meetings_of("Orhan Demirkol on Tuesday received Elnur Mammadli, his Azerbaijani counterpart, in Ankara.")
    assert got == [{"Orhan Demirkol", "Elnur Mammadli"}]


def test_honorifics_possessives_quotes_and_reported_speech_make_no_names():
    facts = facts_of("Senior Defence Minister Datuk Seri Aziz Rahman and Deputy Minister Sen. Lieut. Gen. Tran "
                     "Van Long spoke on Monday. It was signed during President Lindqvist's visit. The jet landed at "
                     "the 71st Air Base \"General Ion Marin\". Vajra Prahar matters a great deal, the release said.")
    people = names(facts, "Person")
    assert {"Aziz Rahman", "Tran Van Long"} <= people
    assert not people & {"Datuk Seri Aziz Rahman", "Sen. Lieut", "Lindqvist's", "Ion Marin", "Vajra Prahar"}


def test_a_contract_for_what_is_bought_is_an_agreement_of_buyer_and_seller():
    got = agreements_of("Canada has concluded an agreement to purchase up to 14 Boeing-built P-8 Poseidon "
                        "aircraft, officials said.")
    assert got == [({"Canada", "United States"}, "agreement")]
    got = agreements_of("Morocco received four AH-64E Apache helicopters from the United States under a "
                        "contract signed in 2020 for 24 Apaches.")
    assert got == [({"Morocco", "United States"}, "contract")]
    assert agreements_of("Canada will sign a contract to buy 16 P-8 Poseidon aircraft.") == []


def test_the_people_of_a_relative_clause_are_not_at_the_meeting():
    got = meetings_of("Paying a courtesy call on Defence Minister General Ivan Petrov on July 6, Tran Van Long "
                      "said the ministry values the joint statement, which President Anna Berg and President "
                      "Karl Wiik signed in 2021.")
    assert got == [{"Ivan Petrov", "Tran Van Long"}]


def test_status_follows_the_verb_not_the_package_nor_a_contracted_delivery():
    got = transfers_of("Taiwan has taken receipt of three more Harpoon launchers from the United States.")
    assert ("United States", "Taiwan", "Harpoon", "delivered") in got
    got = transfers_of("Germany has delivered to Ukraine a fresh aid package that includes Leopard 1 A5 tanks.")
    assert got == {("Germany", "Ukraine", "Leopard 1 A5", "delivered")}
    got = transfers_of("According to the South Korean maker, the $760 million contract covers delivery "
                       "of 12 FA-50 jets to Malaysia.")
    assert got == {("South Korea", "Malaysia", "FA-50", "ordered")}


def test_bullet_items_name_unknown_systems_and_counted_kinds_but_not_sentence_case_phrases():
    got = transfers_of("Germany has delivered Leopard 1 A5 tanks to Ukraine.\n\n"
                       "Ukraine is also getting:\n\n- one Warthog tracked all-terrain vehicle\n\n- six Hornet XR.\n\n"
                       "- 20,000 helmets;\n\n- Secure communications equipment;\n\n- Counter-UAV equipment.")
    assert {e for _, _, e, _ in got} == {"Leopard 1 A5", "Warthog", "Hornet XR", "helmets"}
    assert {(s, r) for s, r, _, _ in got} == {("Germany", "Ukraine")}


def test_training_received_from_others_and_training_in_a_deal():
    facts = facts_of("The Somali Eagle Unit has received advanced training from Turkish instructors.")
    assert {(facts.entities[e.provider].name, facts.entities[e.trainee].name)
            for e in facts.events if e.cls == "Training"} == {("Turkey", "Somalia")}
    facts = facts_of("Sweden will deliver 12 Archer howitzers to Estonia. The contract also includes training on "
                     "the new systems.")
    assert {(facts.entities[e.provider].name, facts.entities[e.trainee].name)
            for e in facts.events if e.cls == "Training"} == {("Sweden", "Estonia")}


def test_a_contract_for_the_supply_of_a_system_orients_by_its_makers_country():
    got = transfers_of("A deal has been signed by Armenia and France for the supply of French-made CAESAR "
                       "truck-mounted howitzers.")
    assert got == {("France", "Armenia", "CAESAR", "ordered")}
    got = transfers_of("Armenia to get more CAESAR systems from France",
                       title="Armenia to get more CAESAR systems from France")
    assert {st for *_, st in got} == {"pledged"}


def test_people_joined_by_others_meet_them_all():
    got = meetings_of("Defence Minister Anna Berg held talks with Defence Minister Karl Wiik. The talks came before "
                      "a wider dialogue, in which the two ministers were joined by Foreign Minister Ola Dahl "
                      "and Foreign Minister Eva Lund.")
    assert {frozenset(p) for p in got} >= {frozenset({"Anna Berg", "Karl Wiik", "Ola Dahl", "Eva Lund"})}


def test_a_datelines_place_is_no_party_and_signatories_of_named_parties_are_none():
    facts = facts_of("SINGAPORE (Jiji Press) — Japanese Defense Minister Kenji Sato and Tom Grady, his Australian "
                     "counterpart, signed a memorandum of understanding on Saturday covering joint research.",
                     title="Japan, Australia sign deal on joint research")
    name = lambda k: facts.entities[k].name
    assert [{name(k) for k in e.parties} for e in facts.events if e.cls == "Agreement"] == [{"Japan", "Australia"}]
    tom = next(e for e in facts.entities.values() if e.name == "Tom Grady")
    assert tom.country is not None and facts.entities[tom.country].name == "Australia"


def test_monarchs_with_regnal_numbers_and_initials_that_are_no_numerals():
    people = names(facts_of("The order follows the directives of King Hassan IV, Supreme Commander of the armed "
                            "forces, and was announced by John V. Smith, the ministry's spokesman."), "Person")
    assert {"Hassan IV", "John V. Smith"} <= people


def test_a_force_that_inducts_equipment_receives_it():
    assert transfers_of("Pakistan inducted two Type 054A/P frigates from China.") == \
        {("China", "Pakistan", "Type 054A/P", "delivered")}


def test_the_speaker_of_a_report_is_no_party_and_a_maker_signed_with_sells():
    got = agreements_of("Lithuania signed three air defence contracts in recent days, National Defence "
                        "Minister Darius Venckus said on Thursday.")
    assert not [p for p, _ in got if "Darius Venckus" in p]
    got = transfers_of("Lithuania signed several contracts in recent days. A further contract, worth EUR 95 million, "
                       "was signed by the defence ministry with Sweden's Saab to buy MSHORAD mobile short-range air defence "
                       "systems.")
    assert got == {("Sweden", "Lithuania", "MSHORAD", "ordered")}


def test_the_stage_comes_from_the_main_clause_and_the_parties_from_the_first():
    got = transfers_of("All 14 Archer systems the United Kingdom ordered from Sweden in 2023 have now been delivered.")
    assert got == {("Sweden", "United Kingdom", "Archer", "delivered")}
    got = transfers_of("The NASAMS battery that Canada donated to Ukraine in January will be delivered in the spring.")
    assert got == {("Canada", "Ukraine", "NASAMS", "pledged")}


def test_clause_depth_from_the_parse_is_zero_for_the_main_predicate():
    from defgraph.extract.grammar import Grammar
    from defgraph.extract.clauses import depth

    text = "All 14 Archer systems the United Kingdom ordered from Sweden have now been delivered."
    sent = split_sentences(text)[0]
    g = Grammar()
    at = lambda w: depth(g, sent, text.index(w), text.index(w) + len(w))  # noqa: E731
    assert at("delivered") == 0 and at("ordered") > at("delivered")


def test_category_nouns_are_read_in_both_numbers_with_unknown_designations_before_them():
    assert transfers_of("Hungary ordered the Bizon 2 armoured engineering vehicle from Germany.") == \
        {("Germany", "Hungary", "Bizon 2", "ordered")}
    assert transfers_of("Germany delivered the Kestrel bridge-layer to Hungary.") == \
        {("Germany", "Hungary", "Kestrel", "delivered")}
    # a capitalised head is part of the name; a designation before a known word makes one longer name
    assert transfers_of("The United States approved the sale of Long Reach Strike Weapons to Morocco.") == \
        {("United States", "Morocco", "Long Reach Strike Weapons", "discussed")}
    assert transfers_of("Taiwan received the Harpoon Coastal Defense System from the United States.") == \
        {("United States", "Taiwan", "Harpoon Coastal Defense System", "delivered")}
    facts = facts_of("Peru will buy the K808 White Tiger wheeled armoured vehicle from South Korea.")
    assert "K808 White Tiger" in names(facts, "Equipment") and "Tiger" not in names(facts, "Equipment")


def test_a_category_noun_that_modifies_another_noun_or_name_names_no_system():
    facts = facts_of("The award was announced at the Millbrook vehicle testing grounds. Peru's Army Weapons and "
                     "Ammunition Factory will assemble them. Rheinmetall leads in 155mm artillery weapons. "
                     "French shipbuilder Piriou handed over the second Piriou patrol vessel to Senegal.")
    assert names(facts, "Equipment") == set()
    assert transfers_of("The 38 M1A2T tanks arrived in Taiwan from the United States on Sunday.") == \
        {("United States", "Taiwan", "M1A2T", "delivered")}


def test_a_signing_or_a_thing_received_is_no_meeting_but_visiting_a_counterpart_is():
    assert meetings_of("Defence Minister Anna Veldkamp and her Danish counterpart Lars Holm signed an "
                       "agreement on the matter.") == []
    assert meetings_of("The award was presented in Berlin. It was received by Jan Ketzel, the project manager, "
                       "and Peter Ulm, Managing Director of the company.") == []
    got = meetings_of("The two countries signed a memorandum while Defence Minister Jan Brekel was visiting his "
                      "Romanian counterpart, Angel Tudor.")
    assert got == [{"Jan Brekel", "Angel Tudor"}]


def test_people_from_coordination_given_names_and_titles_alone():
    got = meetings_of("Bohdan Karimov and Hanno Peeters, the defence ministers of Ukraine and Estonia, on Monday "
                      "held a conversation on joint projects.")
    assert got == [{"Bohdan Karimov", "Hanno Peeters"}]
    facts = facts_of("Saudi Defense Minister Prince Faisal bin Nasser visited Moscow. Earlier in the day, Prince "
                     "Faisal held talks with Russian Defense Minister Oleg Petrov.")
    assert names(facts, "Person") == {"Faisal bin Nasser", "Oleg Petrov"}
    got = meetings_of("Nigeria's Minister of Defence, Musa Bello, is in Turkey. During the trip, the Minister of "
                      "Defence held discussions on cooperation with his Turkish counterpart, Lt-Gen Ahmet Kaya.")
    assert got == [{"Musa Bello", "Ahmet Kaya"}]
    # a plural title refers to no one person: no meeting of the one defence minister named
    assert meetings_of("Defence Minister Ivan Marko said on Monday that NATO defence ministers will discuss "
                       "production when they meet in February.") == []


def test_agreements_inked_in_headlines_between_parties_in_the_documents_phrase_and_signatories_for_states():
    assert agreements_of("Egypt and Russia ink agreement to expand defence cooperation") == \
        [({"Egypt", "Russia"}, "agreement")]
    assert agreements_of("An agreement to expand defence cooperation between Egypt and Russia was "
                         "signed on Tuesday, a deputy minister said.") == [({"Egypt", "Russia"}, "agreement")]
    # a signatory beside a state signs for their own country
    assert agreements_of("UK Defence Secretary John Hale put his signature to a bilateral Framework "
                         "Agreement with Finland.") == [({"United Kingdom", "Finland"}, "agreement")]
    # a body named in a person's title qualifies the person: signatories, then no agreement of theirs
    # where the article names the parties
    got = agreements_of("The Philippines and Canada signed a memorandum of understanding (MOU). Department of "
                        "National Defense (DND) Secretary Gil Torres and Canadian Ambassador to the Philippines "
                        "Maura Hart put their signatures to the MOU on Friday in Quezon City.")
    assert got == [({"Philippines", "Canada"}, "memorandum")]


def test_what_arrives_goes_to_whose_it_now_is_and_listed_systems_each_move():
    assert transfers_of("The first six F-16AM fighters of the Argentine Air Force arrived from Denmark on "
                        "Tuesday.") == {("Denmark", "Argentina", "F-16AM", "delivered")}
    got = transfers_of("Hungary has also ordered 12 PzH 2000 howitzers, two Kestrel bridge-laying "
                       "systems and four Bison recovery tanks from Germany.")
    assert got == {("Germany", "Hungary", x, "ordered") for x in ("PzH 2000", "Kestrel", "Bison")}


def test_two_variants_of_a_known_system_are_two_systems():
    got = transfers_of("Colombia will buy 14 single-seat Gripen E fighters and three two-seat Gripen F jets "
                       "from Sweden.")
    assert got == {("Sweden", "Colombia", "Gripen E", "ordered"), ("Sweden", "Colombia", "Gripen F", "ordered")}
    # one variant beside the family name stays one system
    facts = facts_of("Colombia will buy the Gripen E from Sweden. The Gripen is made by Saab.")
    assert names(facts, "Equipment") == {"Gripen E"}


def test_names_set_off_by_commas_beside_a_title_or_a_description_are_people():
    f = facts_of("The talks were led by the Director of the Coastal Missile Agency (CMA), Tarek Benhadj, "
                 "together with Hilde Marstrand, its head of corporate communication, and the Deputy Minister "
                 "for the Budget, Oskar Lindqvist. An order from Judge Renata Alves da Cunha and a vote led by "
                 "Senator Paulo Moreira Lins delayed the deal. The trucks will be based at the Ramon Ortega naval "
                 "facility, the navy said.\n\nReporting by Clara Voss; Editing by Amir Haddad")
    people = names(f, "Person")
    assert {"Tarek Benhadj", "Hilde Marstrand", "Oskar Lindqvist", "Renata Alves da Cunha",
            "Paulo Moreira Lins"} <= people
    # a place named after someone, and bylines, name no one in the story
    assert not people & {"Ramon Ortega", "Clara Voss", "Amir Haddad"}


def test_bodies_named_by_their_head_noun_and_a_council_that_signs_with_each_company():
    f = facts_of("The Maritime Procurement Council handles acquisitions for the armed forces. On Friday the "
                 "council signed the remaining deals with Harbour Crest Solutions, which will supply sonar buoys; "
                 "with Northline Signal Communications, for radio sets; and with the National Center of "
                 "Oceanography. The Coastal Police and the Defence Commission of the Chilean Senate approved "
                 "the plan, and the Southern Arms Factory will build the mounts.")
    orgs = names(f, "Agency")
    assert {"Maritime Procurement Council", "Harbour Crest Solutions", "Northline Signal Communications",
            "National Center of Oceanography", "Coastal Police", "Southern Arms Factory"} <= orgs
    assert not any(o.endswith("Chilean") for o in orgs)  # the adjective does not end the name
    parties = {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"}
    assert parties == {frozenset({"Maritime Procurement Council", n}) for n in
                       ("Harbour Crest Solutions", "Northline Signal Communications", "National Center of Oceanography")}


def test_training_a_deal_covers_goes_with_that_deal_only():
    f = facts_of("The United States will sell six HIMARS launchers to Estonia. The deal, the largest arms "
                 "purchase ever made by Estonia, also includes munitions, training and logistics.")
    assert {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events
            if e.cls == "Training"} == {("United States", "Estonia")}
    f = facts_of("France will sell Mica missiles to the United Arab Emirates. The UAE also agreed a contract "
                 "with Kestrel Fuze Products for fuses, while Harbour Crest Solutions is to provide systems "
                 "training under a separate award.")
    assert not [e for e in f.events if e.cls == "Training"]  # another deal, with other sellers


def test_purchase_verbs_in_every_form_and_a_kind_counted_as_new():
    for verb in ("acquired", "purchases", "procured"):
        got = transfers_of(f"Peru {verb} 12 new drones from Baykar in a deal worth $300 million.")
        assert got == {("Turkey", "Peru", "drones", "ordered")}, verb
    f = facts_of("Peru bought 12 drones from Baykar. The agreement with Baykar was concluded in February, "
                 "the ministry said.")
    assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
        {frozenset({"Peru", "Baykar"})}


def test_leaders_named_at_a_summit_meet_each_other():
    got = meetings_of("At the lakeside summit, President Anna Koval, Prime Minister Jonas Reiter and Chancellor "
                      "Ilse Brandt agreed to hold joint exercises every year.")
    assert got == [{"Anna Koval", "Jonas Reiter", "Ilse Brandt"}]


def test_ratified_agreements_and_joint_declarations():
    for text in ("Kenya and the United Kingdom ratified a defence cooperation agreement on Monday.",
                 "Kenya and the United Kingdom signed a joint declaration on defence cooperation."):
        f = facts_of(text)
        assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
            {frozenset({"Kenya", "United Kingdom"})}, text


def test_a_transfer_stated_without_systems_gives_its_parties_to_the_next_sentences_of_its_paragraph():
    got = transfers_of("The United States announced a new aid package for Ukraine on Friday. Included in the "
                       "package are 12 HIMARS launchers and 30 ATACMS missiles.")
    assert got == {("United States", "Ukraine", "HIMARS", "pledged"), ("United States", "Ukraine", "ATACMS", "pledged")}
    got = transfers_of("The UK has pledged more military aid to Ukraine. It will send 14 Challenger 2 tanks.")
    assert got == {("United Kingdom", "Ukraine", "Challenger 2", "pledged")}
    # a new paragraph is a new subject: the frame does not reach it
    got = transfers_of("The UK has pledged more military aid to Ukraine.\n\nWith this order, the Spanish "
                       "fleet of Eurofighter Typhoon jets will grow to 90 aircraft.")
    assert not {t for t in got if t[:2] == ("United Kingdom", "Ukraine")}


def test_pacts_declarations_and_a_document_the_two_countries_signed():
    for text in ("Australia and Indonesia held a joint exercise. It comes after a security agreement that the two "
                 "countries signed in April.",
                 "Australia and Indonesia signed a defence pact in February.",
                 "Australia and Indonesia held talks. The two countries signed a declaration on maritime security."):
        f = facts_of(text)
        assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
            {frozenset({"Australia", "Indonesia"})}, text


def test_countries_before_a_plural_body_each_sign():
    for text in ("Besides the jet contract, the British and Qatari governments signed a memorandum on maintenance.",
                 "The German and French defence ministries signed a letter of intent on the tank programme."):
        f = facts_of(text)
        got = {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"}
        assert len(got) == 1 and len(next(iter(got))) == 2 and all(
            f.entities[k].family == "Country" for e in f.events if e.cls == "Agreement" for k in e.parties), text


def test_a_count_after_the_recipient_is_no_designation_and_hyphenated_kinds_are_kinds():
    got = transfers_of("Earlier, on May 4, Finland handed Estonia 12 off-road vehicles under a cooperation plan.")
    assert got == {("Finland", "Estonia", "off-road vehicles", "delivered")}
    got = transfers_of("Norway will sell Chile 24 Falk fighter jets.")
    assert {t[2] for t in got} == {"Falk"}


def test_uncounted_qualified_kinds_move_but_vague_or_bare_ones_do_not():
    got = transfers_of("In 2023, too, Japan supplied the Vietnamese Navy with coastal surveillance radars.")
    assert got == {("Japan", "Vietnam", "coastal surveillance radars", "delivered")}
    for text in ("Lithuania will additionally supply Kyiv with air defence systems and radar systems.",
                 "Japan supplied the Vietnamese Navy with radars.",
                 "Sweden has delivered the offshore patrol vessel to Ghana."):
        assert not {t for t in transfers_of(text) if t[2] and t[2][0].islower()}, text


def test_an_armed_force_or_a_verb_before_a_kind_is_no_designation():
    f = facts_of("The fighter fleet of the Chilean Air Force today comprises jets from the US, Israel and Sweden.")
    assert names(f, "Equipment") == set() and "Chilean Air Force" in names(f, "Agency")
    assert not [e for e in f.events if e.cls == "Transfer"]
    f = facts_of('"Buying three offshore patrol vessels shows our resolve," the minister said.')
    assert not {n for n in names(f, "Equipment") if n[0].isupper()}
    f = facts_of("--Coastal radar systems will be supplied to the navy. Later, coastal radars arrived.")
    assert "Coastal" not in names(f, "Equipment")


def test_a_counted_one_word_name_is_equipment_without_other_military_words():
    f = facts_of("The vehicles arrived in Nairobi. They comprise eight up-armored Humvees.")
    assert "Humvees" in names(f, "Equipment") or "Humvee" in names(f, "Equipment")


def test_a_system_built_where_it_comes_from_still_moves_and_a_sale_that_would_happen_is_one():
    got = transfers_of("In June, the president announced that Turkey would sell Chile 40 of its KAAN "
                       "jets, which would be built in Turkey.")
    assert got == {("Turkey", "Chile", "KAAN", "ordered")}
    got = transfers_of("Poland will buy 40 KAAN fighter jets, which will be built in Poland.")
    assert not got


def test_a_title_said_of_someone_refers_to_no_one_else():
    got = meetings_of("Defence Minister Amir Talib spoke to reporters. Under President Rafi Dewan, the country "
                      "has modernised. Since becoming defence minister in 2019, Dewan has travelled widely, "
                      "visiting France, China and Russia.")
    assert got == []


def test_undotted_military_abbreviations_and_professor_are_titles_not_names():
    f = facts_of("The parade was reviewed by Prof Amadou Diallo, the President of the Republic, and attended by "
                 "Maj Gen Peter Okello. Col Grace Atim said the recruits were ready. Later, Col Atim thanked them. "
                 "Brig Gen Tom Ruto also spoke. Gen Nakamura met them.")
    assert names(f, "Person") == {"Amadou Diallo", "Peter Okello", "Grace Atim", "Tom Ruto", "Gen Nakamura"}


def test_names_where_descriptions_of_people_stand_if_the_recogniser_agrees():
    f = facts_of("The talks were led by the EU foreign policy chief Maria Sild.")
    assert names(f, "Person") == {"Maria Sild"}
    f = facts_of("Air Marshal Colin Pryce signed for the UK, and Arvind Mehra, additional secretary (defence "
                 "production) at the Indian ministry of defence, signed for India.")
    assert names(f, "Person") == {"Colin Pryce", "Arvind Mehra"}
    f = facts_of("The army picked the vehicle in December 2021, at the end of Marco Teixeira's term.")
    assert names(f, "Person") == {"Marco Teixeira"}
    f = facts_of("The army picked the vehicle in December 2021, at the end of Blue Harbour's season.")
    assert names(f, "Person") == set()


def test_rulers_by_title_and_first_name_and_a_title_word_inside_a_name():
    f = facts_of("The reshuffle was ordered by King Salman. Emir Tamim met Sultan Haitham.")
    assert names(f, "Person") == {"King Salman", "Emir Tamim", "Sultan Haitham"}
    f = facts_of("Somali President Hassan Sheikh Mohamoud commended the soldiers.")
    assert names(f, "Person") == {"Hassan Sheikh Mohamoud"}


def test_numbered_partners_under_a_document_lead_each_sign_with_its_party():
    f = facts_of("The nine joint contracts bring the Ministry of Defence together with its suppliers, namely:\n"
                 "1. PT Sinar Baja Utama;\n2. PT Armada Laut Nusantara;\n3. JSC Uralvagon Trade.\n\n"
                 "The minister said the contracts would modernise the forces.")
    got = {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"}
    assert got == {frozenset({"Ministry of Defence", c}) for c in
                   ("PT Sinar Baja Utama", "PT Armada Laut Nusantara", "JSC Uralvagon Trade")}
    assert [s.text for s in split_sentences("Suppliers:\n1. PT Sinar Baja Utama;\n2. PT Armada Laut.")] == \
        ["Suppliers:", "1. PT Sinar Baja Utama;", "2. PT Armada Laut."]


def test_an_ordinal_is_no_designation_and_a_leader_goes_by_the_first_word():
    f = facts_of("President Joko Santoso watched the signing. Talks on 5th-generation fighter jets went on. "
                 "President Joko said the deal was good.")
    assert names(f, "Equipment") == set()
    assert names(f, "Person") == {"Joko Santoso"}


def test_signatories_qualified_by_demonyms_are_the_parties_between_whom_a_document_is_signed():
    f = facts_of("The president witnessed the signing of a memorandum between Indonesian Defence Minister Ari Wibowo "
                 "and Turkish Secretary of Defence Industries Kemal Aydin on fighter jets.")
    assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
        {frozenset({"Ari Wibowo", "Kemal Aydin"})}


def test_respectively_pairs_each_giver_with_its_own_gift():
    got = transfers_of("The governments of Canada and Spain have donated, respectively, a Dash 8 aircraft and three "
                       "Bell UH-1H helicopters to the Guatemalan Air Force.")
    assert {(s, r, e) for s, r, e, _ in got} == {("Canada", "Guatemala", "Dash 8"), ("Spain", "Guatemala", "UH-1H")}


def test_people_who_take_part_in_a_gathering_one_person_attended_meet():
    got = meetings_of("Defence Minister Jan Novak spoke to reporters on the margins of a Brussels meeting of EU "
                      "defence ministers. NATO Secretary General Ola Berg and Defence Minister Ivan Petrenko also "
                      "took part in the Brussels meeting. The sessions were chaired by EU foreign policy chief "
                      "Maria Sild.")
    assert got == [{"Jan Novak", "Ola Berg", "Ivan Petrenko", "Maria Sild"}]
    assert meetings_of("President Ana Lobo thanked his counterpart, President Tomas Reyes, for the help.") == []
    got = meetings_of("Defence Minister Omar Haddad held talks on Wednesday with Defense Secretary John Reed. "
                      "From the US side, the meeting was also attended by Lt. Gen. Paul Grant and Director Ann Lee.")
    assert got == [{"Omar Haddad", "John Reed", "Paul Grant", "Ann Lee"}]


def test_a_state_that_takes_in_soldiers_trained_by_instructors_of_another_force_is_trained():
    f = facts_of("On Monday Chad welcomed 250 recruits into its army once they had completed basic training "
                 "run by instructors from the Rwanda Defence Force.")
    assert {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events if e.cls == "Training"} == \
        {("Rwanda", "Chad")}


def test_a_capital_that_a_deal_is_made_with_stands_for_its_state_but_not_a_place_adjective():
    f = facts_of("Kenya signed an arms deal with Washington.")
    assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
        {frozenset({"Kenya", "United States"})}
    f = facts_of("Turkey has sold many drones. Indonesia bought 10 of them. The deal with Ankara-based "
                 "Turkish Aerospace was finalised in March.")
    assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
        {frozenset({"Indonesia", "Turkish Aerospace"})}


def test_taken_into_the_fleet_export_suffixes_and_a_rivals_deployment():
    got = transfers_of("In January, Pakistan's navy took into its fleet two more of the Type 054A/P "
                       "frigates designed and built by China.")
    assert got == {("China", "Pakistan", "Type 054A/P", "delivered")}
    got = transfers_of("The minister disclosed the jet purchase, calling it a response to the Indian "
                       "deployment of French Dassault Rafale jets.")
    assert not got


def test_contracts_of_a_ministry_the_text_implies_with_each_company():
    f = facts_of("The Ministry of Defence (MoD) signed five contracts in New Delhi on Friday. Two deals were "
                 "sealed with Larsen & Toubro Limited and BrahMos Aerospace Private Limited for missiles.")
    mod = next(e for e in f.entities.values() if e.name == "Ministry of Defence")
    assert mod.country == "Country:india" and "MoD" in mod.aliases
    got = {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"}
    assert got == {frozenset({"Ministry of Defence", "Larsen & Toubro Limited"}),
                   frozenset({"Ministry of Defence", "BrahMos Aerospace Private Limited"})}


def test_the_ministry_named_before_concludes_the_contract_a_relative_clause_ends_the_partners():
    f = facts_of("The Ministry of Defence signed a deal. In a second large deal, the ministry concluded a "
                 "Rs 1,750 crore contract with Russia's JSC Rosoboronexport, under which the navy will "
                 "procure Shtil missiles.")
    got = {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"}
    assert got == {frozenset({"Ministry of Defence", "JSC Rosoboronexport"})}


def test_a_system_said_of_its_kind_refers_to_the_one_system_of_that_kind_the_article_names():
    got = transfers_of("Estonia and Latvia signed an agreement with Germany on Monday to acquire a medium-range "
                       "air defense system.\n\nThe deal covers IRIS-T defense systems.")
    assert {(s, r, e) for s, r, e, _ in got} == {("Germany", "Estonia", "IRIS-T"), ("Germany", "Latvia", "IRIS-T")}
    got = transfers_of("Hanwha offered Romania the Redback infantry fighting vehicle.\n\nRomania is also seeking "
                       "to purchase a new family of infantry fighting vehicles.")
    assert not {t for t in got if t[3] == "ordered"}


def test_partners_listed_with_semicolons_are_talks_with_each_in_turn():
    got = meetings_of("The Russian minister Ivan Orlov held discussions with Tran Van Minh, Vietnam's Minister of "
                      "National Defence; Sadio Keita, Mali's Minister of Defence; and Paul Ngoma, the Central "
                      "African Republic's Minister of Defence.")
    assert sorted(map(sorted, got)) == [["Ivan Orlov", "Paul Ngoma"], ["Ivan Orlov", "Sadio Keita"],
                                        ["Ivan Orlov", "Tran Van Minh"]]
    got = meetings_of("Defence Minister Ivan Orlov held working meetings with Omar Sy, Minister of Defence of "
                      "Chad, and with Colonel Ali Ba, director of external relations at Niger's ministry.")
    assert sorted(map(sorted, got)) == [["Ali Ba", "Ivan Orlov"], ["Ivan Orlov", "Omar Sy"]]
    got = meetings_of("Minister Ivan Orlov held talks with Minister Tran Van Minh and Minister Sadio Keita in Hanoi.")
    assert got == [{"Ivan Orlov", "Tran Van Minh", "Sadio Keita"}]


def test_the_state_whose_aid_programme_moves_items_supplies_them():
    got = transfers_of("Coastal radars and rigid-hulled inflatable boats will be provided to the Philippine "
                       "Navy under Japan's security assistance programme.")
    assert got == {("Japan", "Philippines", "rigid-hulled inflatable boats", "pledged")}


def test_training_received_from_a_capital_is_given_by_its_state():
    f = facts_of("Somali soldiers received their training from Ankara.")
    assert {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events if e.cls == "Training"} == \
        {("Turkey", "Somalia")}


def test_people_pictured_at_a_gathering_meet():
    got = meetings_of("The two-day meeting of Visegrad Group defence ministers began on 4 May. "
                      "Pictured from left: Czech Minister of Defence Eva Dvorak, Slovakia's Minister of Defence "
                      "Juraj Novak, and Hungarian Minister of Defence Laszlo Kiss.")
    assert got == [{"Juraj Novak", "Eva Dvorak", "Laszlo Kiss"}]
    assert meetings_of("Pictured from left: Minister Juraj Novak and Minister Eva Dvorak at the fair.") == []
    got = meetings_of("Minister for Defence Lena Berg took part in a round of defence ministers' meetings in "
                      "Oslo. Ukraine's Minister of Defence Ivan Petrenko also attended all of the meetings.")
    assert got == [{"Lena Berg", "Ivan Petrenko"}]
    got = meetings_of("Defence Minister Juan Ortiz took part in a regional security summit in Panama. The "
                      "meeting was chaired by US Secretary of War Tom Reed and drew 12 delegations.")
    assert got == [{"Juan Ortiz", "Tom Reed"}]


def test_hyphenated_ranks_are_titles_and_a_headquarters_is_no_surname():
    f = facts_of("Brigadier-General Kofi Mensah, Director-General in Charge of Operations at the General "
                 "Headquarters of the Armed Forces of Liberia, said the exercise went well.")
    assert names(f, "Person") == {"Kofi Mensah"}


def test_two_people_who_agreed_that_something_be_done_met():
    got = meetings_of("Last month, Prime Minister Hana Sato and President Luis Cruz agreed that their countries "
                      "would deepen cooperation in security.")
    assert got == [{"Hana Sato", "Luis Cruz"}]


def test_a_subject_before_its_verb_owns_no_system_and_training_on_the_things_moved_comes_with_them():
    f = facts_of("The United States handed two patrol boats to Uruguay on Friday. Uruguay Navy technicians "
                 "will also receive training in how to operate and repair the boats. Uruguay Navy sailors will "
                 "steer the patrol boats home, arriving in August.")
    moved = {(f.entities[e.supplier].name, f.entities[e.recipient].name) for e in f.events if e.cls == "Transfer"}
    assert moved == {("United States", "Uruguay")}
    assert {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events if e.cls == "Training"} == \
        {("United States", "Uruguay")}


def test_a_donation_opening_the_story_gives_its_parties_to_the_vehicles_listed_later():
    got = transfers_of("Equipment valued at $3 million has been donated to the Kenya Defence Forces (KDF) by the "
                       "United States.\n\nThe 20 vehicles were handed over via US Africa Command. They comprise "
                       "12 Mack trucks and eight up-armored Humvees.")
    assert ("United States", "Kenya", "Humvees", "delivered") in got
    got = transfers_of("Poland signed a contract with a Turkish firm for radars.\n\nThe ministry also signed:\n"
                       "- a contract for 6 sets of Leopard 2 tank simulators.")
    assert not {t for t in got if t[2] == "Leopard 2"}


def test_a_category_written_in_capitals_after_a_known_system_is_part_of_its_name():
    got = transfers_of("Kenya gets more vehicles\n\nIn 2019, the United States supplied the KDF with 10 Bastion "
                       "Armored Personnel Carriers (APC) to boost border security.")
    assert {t[2] for t in got} == {"Bastion Armored Personnel Carriers"}


def test_members_of_a_training_coalition_listed_later_each_train():
    f = facts_of("A coalition of 20 partner states helps organise training abroad for Ukrainian recruits. The "
                 "coalition includes Canada, Norway and Albania. Hungary and Croatia do not belong to it, but "
                 "instructors from both countries take part in the training too.")
    got = {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events if e.cls == "Training"}
    assert got == {(c, "Ukraine") for c in ("Canada", "Norway", "Albania", "Hungary", "Croatia")}
    f = facts_of("A coalition of partners, now 20 states, helps arrange training for Ukrainian recruits outside the "
                 "country. Its members include Canada, Norway and Albania.")
    got = {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events if e.cls == "Training"}
    assert got == {(c, "Ukraine") for c in ("Canada", "Norway", "Albania")}


def test_coordinated_trainers_each_train_and_trainees_are_read_past_a_qualifier():
    f = facts_of("Romania and the Netherlands will jointly train Ukrainian technical personnel at a new centre.")
    got = {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events if e.cls == "Training"}
    assert got == {("Romania", "Ukraine"), ("Netherlands", "Ukraine")}


def test_a_package_made_up_of_items_moves_them():
    got = transfers_of("Minister Ann Blake announced another Canadian package of military assistance to Ukraine, made "
                       "up of $20 million in winter gear together with various types of 155 mm artillery "
                       "ammunition.")
    assert got == {("Canada", "Ukraine", "155 mm artillery ammunition", "pledged")}


def test_beside_a_state_a_government_signs_for_its_state():
    f = facts_of("The Chilean Government has signed a regional security cooperation agreement with the United "
                 "States during a conference in Panama.")
    assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
        {frozenset({"Chile", "United States"})}


def test_a_middle_initial_without_its_full_stop_is_part_of_the_name():
    f = facts_of("The patrol boats were presented by the Defence Attaché of the embassy, Colonel Mark J Stone, "
                 "to the navy.")
    assert names(f, "Person") == {"Mark J Stone"}


def test_a_contract_with_a_state_enterprise_has_it_as_seller():
    f = facts_of("Four contracts worth 2 billion zloty were signed by the Ministry of National Defence in Warsaw on "
                 "Tuesday. Of the total, 900 million is covered by a contract with Huta Stalowa Wola, under which "
                 "the army will receive 48 howitzers.")
    assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
        {frozenset({"Ministry of National Defence", "Huta Stalowa Wola"})}


def test_a_known_person_is_found_by_full_name_or_by_a_surname_standing_alone():
    f = facts_of("The plan was drawn up during Vladimir Putin's visit to Minsk. Ministers say that should Donald "
                 "Trump win again, the plan could change.")
    assert names(f, "Person") == {"Vladimir Putin", "Donald Trump"}
    f = facts_of("The statement condemns Putin's invasion of Ukraine.")
    (putin,) = [e for e in f.entities.values() if e.family == "Person"]
    assert putin.name == "Putin" and putin.key == "Person:vladimir-putin"       # one node with the full name's
    f = facts_of("The Biden administration approved the sale. Trump-era rules stay. Hans Scholz of the firm, "
                 "a board member, said the Scholz Tower would open.")
    assert not names(f, "Person") & {"Biden", "Trump", "Scholz", "Joe Biden", "Donald Trump", "Olaf Scholz"}


def test_titles_with_a_place_a_retirement_mark_or_initials_stay_apart_from_the_name():
    f = facts_of("The ceremony was attended by Norway's Ambassador in Lisbon Kari Brenna Holt and the company's "
                 "General Manager Eirik Dalsund. He also met the defence adviser Maj Gen (retd.) Tomas Arvid Lund "
                 "and his counterpart General KM Harun Rashid, officials said.")
    assert names(f, "Person") == {"Kari Brenna Holt", "Eirik Dalsund", "Tomas Arvid Lund", "KM Harun Rashid"}


def test_a_ruler_titled_after_another_title_and_a_long_patronymic_name():
    f = facts_of("He is due to call on Prime Minister Sheikh Amira on Tuesday. Present was the Undersecretary, "
                 "H.E. Sheikh Faris bin Abdul Karim Al Nouri, with the delegation.")
    assert names(f, "Person") == {"Sheikh Amira", "Faris bin Abdul Karim Al Nouri"}


def test_the_head_of_a_body_named_after_headed_by():
    f = facts_of("The ministry headed by Paulo Vieira Gomes approved the spending for the Army.")
    assert names(f, "Person") == {"Paulo Vieira Gomes"}


def test_a_known_name_cut_short_by_a_lower_case_particle_is_whole():
    f = facts_of("The signing followed a summit between Egyptian President Abdel Fattah el-Sisi and his guest.")
    assert names(f, "Person") == {"Abdel Fattah el-Sisi"}


def test_signatories_of_two_states_named_together_before_sign_for_them():
    f = facts_of("Norway and Denmark have agreed on closer defence cooperation. In Bergen, Norwegian Defence "
                 "Minister Kari Holt and her Danish counterpart Lars Berg signed a joint declaration to that effect.")
    assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
        {frozenset({"Norway", "Denmark"})}
    f = facts_of("In Bergen, Norwegian Defence Minister Kari Holt and her Danish counterpart Lars Berg signed a joint "
                 "declaration on closer defence cooperation.")
    assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
        {frozenset({"Kari Holt", "Lars Berg"})}


def test_a_word_in_brackets_after_a_title_names_it_and_a_ministry_acronym_of_one_state_names_its_ministry():
    f = facts_of("Defence Minister (Menteri) Jaya Prakoso received the visiting admiral at the Ministry of "
                 "Defence (MINDEF) on Friday. \"Pak Menteri explained the plan,\" an aide said. Menteri Jaya "
                 "underlined the point.")
    assert names(f, "Person") == {"Jaya Prakoso"}
    (ministry,) = [e for e in f.entities.values() if e.cls == "Ministry"]
    assert ministry.country == "Country:singapore" and {"MINDEF", "Ministry of Defence"} <= ministry.aliases


def test_a_bureau_ends_no_name_of_a_person():
    f = facts_of("The Head of the Media and Public Affairs Bureau (Biro Humas) of the Secretariat General, "
                 "Brigadier General Jaya Prakoso, said the talks went well.")
    assert names(f, "Person") == {"Jaya Prakoso"}


def test_a_pronoun_that_opens_a_sentence_is_the_person_named_first_before_and_meetings_are_with_each():
    f = facts_of("On Monday, Navy chief Admiral Kari Holt held meetings with the top commanders, among them the "
                 "adviser Maj Gen (retd.) Tomas Arvid Lund, and discussed cooperation. Admiral Holt began the visit by "
                 "laying a wreath. He also received a guard of honour. He held meetings with Army chief General Lars "
                 "Berg, Air Marshal Eirik Dalsund and Colonel Ane Moe, and took up issues with them.")
    got = {frozenset(f.entities[k].name for k in e.participants) for e in f.events if e.cls == "Meeting"}
    assert got == {frozenset({"Kari Holt", other}) for other in ("Tomas Arvid Lund", "Lars Berg", "Eirik Dalsund",
                                                                  "Ane Moe")}


def test_money_names_nothing_and_a_designation_spelled_out_is_named_by_the_designation():
    f = facts_of("State Department clears $212M sale to Norway. The agency signed off on a request to buy up to "
                 "9,000 120mm XM1147 Advanced Multi-Purpose with Tracer tank cartridges through a potential "
                 "foreign military sales agreement.")
    assert names(f, "Equipment") == {"XM1147"}
    assert not [e for e in f.events if e.cls == "Agreement"]      # signed off: approved, nothing signed


def test_a_region_is_no_state_and_a_name_with_its_year_is_no_person():
    f = facts_of("The vehicles are unique in Latin America, the minister said. Egypt will host Bright Star 2023, "
                 "a joint exercise, next week.")
    assert names(f, "Country") == {"Egypt"} and names(f, "Person") == set()


def test_a_pair_of_states_exporting_the_makers_system_is_seller_and_buyer_and_a_region_is_no_state():
    text = ("Korea, Peru sign deal to export 60 K9 howitzers and support vehicles. It will be the first sale of "
            "the howitzers on the South American market.")
    assert transfers_of(text) == {("South Korea", "Peru", "K9", "ordered")}
    assert names(facts_of(text), "Country") == {"South Korea", "Peru"}


def test_a_unit_whose_soldiers_received_their_training_from_a_capital_is_trained_by_its_state():
    f = facts_of("The trucks are destined for a Kenyan special battalion whose troops received their training and "
                 "mentoring from London.")
    assert {(f.entities[e.provider].name, f.entities[e.trainee].name) for e in f.events if e.cls == "Training"} == \
        {("United Kingdom", "Kenya")}


def test_three_states_listed_before_a_signing_verb_are_each_parties():
    f = facts_of("Estonia, Latvia, Lithuania Ink New Air Defence Pact in 'Signal to Moscow'. The agreement is a "
                 "milestone in Baltic cooperation.")
    (pact,) = [e for e in f.events if e.cls == "Agreement"]
    assert {f.entities[k].name for k in pact.parties} == {"Estonia", "Latvia", "Lithuania"}


def test_a_letter_of_offer_and_acceptance_is_signed_with_the_united_states():
    f = facts_of("On May 3, Chile signed a $40 million Letter of Offer and Acceptance for two cutters.")
    assert {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"} == \
        {frozenset({"Chile", "United States"})}


def test_a_wheeled_or_tracked_kind_after_a_name_is_no_verb():
    got = transfers_of("The Royal Thai Army received ten VT4 tanks from China. The delivery follows by a few months "
                       "the arrival of Stryker wheeled armored vehicles from the US.")
    assert ("United States", "Thailand", "Stryker", "delivered") in got


def test_a_force_named_by_its_kind_alone_and_of_no_state_is_no_organisation():
    f = facts_of("Peru and Argentina signed a joint declaration to strengthen the capabilities of their respective "
                 "Armed Forces.")
    assert names(f, "Agency") == set()


def test_a_diplomatic_mission_is_named_with_the_place_it_is_in():
    f = facts_of("The U.S. Embassy in Nairobi said the trucks arrived on Monday.")
    assert names(f, "Agency") == {"U.S. Embassy in Nairobi"}


def test_armed_groups_in_the_news_are_organisations():
    f = facts_of("The unit fights al-Shabaab, which is linked to al-Qaeda, the minister said.")
    assert names(f, "Agency") == {"al-Shabaab", "al-Qaeda"}


def test_a_police_force_and_a_dockyard_are_organisations():
    f = facts_of("The vessel was handed over to the Seychelles Police Force after a refit by the Naval Dockyard.")
    assert names(f, "Agency") == {"Seychelles Police Force", "Naval Dockyard"}


def test_dirhams_written_dh_are_money_and_name_nothing():
    from defgraph.extract.amounts import find_money

    f = facts_of("The council signed a Dh650 million deal to buy anti-drone systems and a usd 5 fee.")
    assert [(str(m.amount), m.currency) for m in find_money(f.article.text)] == [("650000000", "AED")]
    assert names(f, "Equipment") <= {"anti-drone systems"}


def test_a_hyphenated_calibre_before_a_kind_is_no_system():
    f = facts_of("The M1A2T tanks, which carry 120-millimeter smoothbore guns, have joined an armoured brigade.")
    assert names(f, "Equipment") == {"M1A2T"}


def test_a_ship_class_is_the_same_with_or_without_its_hyphen():
    f = facts_of("Three officers joined US Virginia class submarines. Others serve on Virginia-class boats.")
    (boat,) = [e for e in f.entities.values() if e.family == "Equipment"]
    assert boat.gazetteer and {"Virginia class submarines", "Virginia-class"} <= boat.aliases


def test_a_ceremony_attended_with_a_counterpart_or_a_speech_at_it_is_no_meeting():
    f = facts_of("Defence Minister Kari Holt attended, together with her counterpart Lars Berg, the opening ceremony "
                 "of the new plant. Holt spoke at the ceremony, which she attended with Lars Berg.")
    assert not [e for e in f.events if e.cls == "Meeting"]
    f = facts_of("At the ceremony, Defence Minister Kari Holt spoke with her counterpart Lars Berg about training.")
    assert [e.cls for e in f.events] == ["Meeting"]


def test_two_missions_of_one_state_are_two_and_a_name_stops_at_the_sentence_end():
    f = facts_of("The U.S. Embassy in Nairobi said the trucks arrived. The U.S. Embassy in Kyiv. The ambassador said so.")
    assert names(f, "Agency") == {"U.S. Embassy in Nairobi", "U.S. Embassy in Kyiv"}


def test_only_a_short_form_between_a_title_and_a_name_names_the_title():
    f = facts_of("Minister (Retired) John Roe spoke. Retired Jane Smith also spoke. Ambassador (Kenya) Ann Lee said "
                 "Kenya would act.")
    people = {e.name: e.role for e in f.entities.values() if e.family == "Person"}
    assert people.get("Jane Smith") is None and "Kenya" in names(f, "Country")


def test_a_kind_participle_is_rewritten_only_before_a_kind_of_equipment():
    from defgraph.extract.parse_text import _plain_adjectives

    text = "Kenya tracked the shipment of Kestrel wheeled armoured vehicles and CV90 tracked infantry fighting vehicles."
    out = _plain_adjectives(text)
    assert len(out) == len(text) and out.startswith("Kenya tracked the shipment") and "wheeled" not in out \
        and "tracked infantry" not in out


def test_a_known_person_is_one_node_whatever_the_form_and_a_sentence_opener_joins_no_name():
    f = facts_of("President Joseph R. Biden Jr. met the minister. Biden said more aid would come.")
    assert [k for k in f.entities if k.startswith("Person:")] == ["Person:joe-biden"]
    f = facts_of("In Putin's view the war goes on. But Macron said otherwise.")
    assert names(f, "Person") == {"Putin", "Macron"}


def test_amounts_in_capitals_and_in_crore_are_money():
    from defgraph.extract.amounts import find_money

    got = [(str(m.amount), m.currency) for m in find_money("RS 500 crore, Rs 2 lakh and DHS 5 billion; usd 5")]
    assert got == [("5000000000", "INR"), ("200000", "INR"), ("5000000000", "AED")]


def test_a_training_camp_or_training_jets_give_no_training():
    f = facts_of("At the training camp near the border, the chancellor thanked the German soldiers for their work in "
                 "Niger. Kenya bought two Italian training jets.")
    assert not [e for e in f.events if e.cls == "Training"]


def test_the_contract_awarded_by_a_body_names_the_buyer_of_the_contract_before():
    f = facts_of("Kestrel Marine Ltd has signed a contract covering four offshore patrol vessels for the Chilean Navy. The "
                 "contract, awarded by the Chilean Ministry of Defence, is valued at $500 million.")
    got = {frozenset(f.entities[k].name for k in e.parties) for e in f.events if e.cls == "Agreement"}
    assert got == {frozenset({"Chilean Ministry of Defence", "Kestrel Marine Ltd"})}, got


def test_two_listed_forms_of_a_known_person_are_one_entity():
    f = facts_of("Defense Secretary Lloyd Austin spoke with his counterpart. Later, Lloyd J. Austin said more aid "
                 "would come.")
    assert [k for k in f.entities if k.startswith("Person:")] == ["Person:lloyd-austin"]


def test_a_pronoun_subject_sitting_down_with_people_meets_them():
    f = facts_of("Admiral Kari Holt began the visit by laying a wreath. He also sat down with Army chief "
                 "General Lars Berg and Air Marshal Eirik Dalsund.")
    got = {frozenset(f.entities[k].name for k in e.participants) for e in f.events if e.cls == "Meeting"}
    assert got == {frozenset({"Kari Holt", "Lars Berg", "Eirik Dalsund"})}


def test_a_story_opened_by_sales_without_systems_gives_its_parties_to_the_sales_that_follow():
    got = transfers_of("The State Department has approved potential foreign military sales to Morocco worth about "
                       "$2 billion, the Pentagon said.\n\nAmong them is a possible sale of Javelin missiles, put at "
                       "an estimated $260 million.\n\nThe department also cleared a possible sale of "
                       "Stinger missiles valued at roughly $90 million.")
    assert got == {("United States", "Morocco", "Javelin", "discussed"),
                   ("United States", "Morocco", "Stinger", "discussed")}


def test_training_on_the_equipment_a_transfer_moved_is_given_by_its_supplier():
    got = trainings_of("Japan handed over 12 Mitsubishi Type 73 trucks to the Philippine Army on Monday. Filipino troops "
                       "will be trained to operate and look after the trucks.")
    assert got == {("Japan", "Philippines")}


def test_a_working_meeting_attended_together_is_one_meeting_and_its_chair_is_the_minister_of_that_country():
    meetings = meetings_of("The document was signed by Minister of Defence Tomas Varga Ruiz and his Chilean counterpart, Ana "
                           "Belen Soto, at a ceremony in Lima.\n\nThe Peruvian defence minister also led a working "
                           "meeting in which the chief of the Joint Command, General Mateo Quispe Rojas, took part, together "
                           "with the commanders of the Army, General Dario Huaman Salas; of the Navy, Admiral Luis "
                           "Prado Neyra; and of the Air Force, General Hugo Vela Tapia.",
                           title="Peru and Chile sign defence declaration")
    assert meetings == [{"Tomas Varga Ruiz", "Mateo Quispe Rojas", "Dario Huaman Salas", "Luis Prado Neyra",
                         "Hugo Vela Tapia"}]


def test_pacts_accords_and_treaties_in_the_plural_are_agreements():
    for noun in ("pacts", "accords", "treaties"):
        got = {frozenset(parties) for parties, _ in agreements_of(
            f"Moldova had earlier signed bilateral security {noun} with two other states: Romania and Greece.")}
        assert got == {frozenset({"Moldova", "Romania"}), frozenset({"Moldova", "Greece"})}, noun


def test_a_phone_call_held_with_someone_includes_them_among_several_callers():
    meetings = meetings_of("Prime Minister of Finland Aino Virtanen and the Prime Ministers of Norway and Iceland Kari Nordby "
                           "and Sigrun Haralds held a phone call on 8 March with NATO Secretary General Piet de Wolf about "
                           "air defence on the northern flank.")
    assert meetings == [{"Aino Virtanen", "Kari Nordby", "Sigrun Haralds", "Piet de Wolf"}]


def test_a_name_followed_by_who_has_become_a_title_is_a_person():
    f = facts_of("Defence Minister Ana Lopes held a videoconference with Marta Kowalczyk, who has just become Poland's "
                 "defence minister, on Thursday.")
    assert "Marta Kowalczyk" in names(f, "Person")
    assert [len(e.participants) for e in f.events if e.cls == "Meeting"] == [2]


def test_a_recipient_only_guessed_for_an_opening_statement_is_not_handed_on():
    got = transfers_of("Jan Nowicki, Poland's defence minister, gave his approval to the contracts on Tuesday.\n\n"
                       "According to officials, the package comprises 48 additional Patriot batteries.\n\n"
                       "Russia's war against Ukraine reached its 559th day. The invasion Russia began is the largest "
                       "since 1945, and Russia keeps shelling Ukraine.")
    assert not [t for t in got if "Russia" in t[:2]]


def test_a_capital_after_a_pact_on_something_with_stands_for_its_government():
    got = agreements_of("Norway has also signed a 10-year pact on security with Kyiv.")
    assert [parties for parties, _ in got] == [{"Norway", "Ukraine"}]


def test_someone_present_at_every_one_of_the_meetings_another_joined_meets_them():
    got = meetings_of("When Danish Minister of Defence Lars Holm joined a string of meetings of defence ministers in Oslo, "
                      "air defence topped the agenda. Ukraine's Minister of Defence Oksana Marchenko was present at every "
                      "one of the meetings.")
    assert got == [{"Lars Holm", "Oksana Marchenko"}]


def test_working_sessions_with_two_people_in_turn_are_two_meetings():
    got = meetings_of("Defence Minister Ivan Petrov had working sessions, during the forum, with Amadou Traore, Minister of "
                      "Defence of Mali, and with Colonel Moussa Diallo, director of external relations at the Ministry "
                      "of Defence of Niger.")
    assert sorted(sorted(m) for m in got) == [["Amadou Traore", "Ivan Petrov"], ["Ivan Petrov", "Moussa Diallo"]]


def test_a_capital_as_the_first_object_of_sell_is_the_buyer_and_a_potential_deal_is_discussed():
    got = transfers_of("Approval has been given by the US Department of State for a potential deal to sell Bucharest "
                       "F-35 jets, the agency said.")
    assert got == {("United States", "Romania", "F-35", "discussed")}


def test_what_a_transfer_moved_is_listed_after_among_them_are():
    got = transfers_of("Twenty vehicles were handed over by the United States to Kenya on Monday. Among them are "
                       "eight Humvees and two Oshkosh M-ATV vehicles.")
    assert {(s, r, st) for s, r, e, st in got if e.startswith("Humvee")} == {("United States", "Kenya", "delivered")}


def test_a_place_before_a_titled_name_does_not_take_the_title():
    f = facts_of("When they met at Camp Henry, President Ana Lopes and Prime Minister Kenji Mori agreed to hold "
                 "drills every year.")
    assert names(f, "Person") == {"Ana Lopes", "Kenji Mori"}
