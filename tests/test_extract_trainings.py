"""Trainings whose trainer the sentence leaves to the article: those trained said outright, by no one named."""

from tests.test_extract import facts_of, names, trainings_of, transfers_of


def test_those_trained_by_no_one_named_are_trained_by_the_other_state_of_the_article():
    got = trainings_of("ZAGREB -- The United States donated Bradley fighting vehicles to Croatia last year, the "
                       "US embassy said. Training of Croatian Army mechanics on the new vehicles is under way. The "
                       "course is run with the American company Acme Systems. Croatia and the United States have "
                       "worked together for years.")
    assert got == {("United States", "Croatia")}
    # "Training of" opens no body's name; the body is the army
    facts = facts_of("Training of Croatian Army mechanics on the new vehicles is under way.")
    assert "Croatian Army" in names(facts, "Agency") and not [n for n in names(facts, "Agency") if "Training" in n]


def test_a_bodys_crew_members_are_its_states_trainees():
    got = trainings_of("PORT MORESBY -- Australia will hand two patrol boats to Papua New Guinea this year. Navy "
                       "instructors have begun training Papua New Guinea Defence Force crew members on board a "
                       "decommissioned vessel. Australia and Papua New Guinea signed the deal in 2023.")
    assert got == {("Australia", "Papua New Guinea")}


def test_no_trainer_is_supplied_where_many_trained_them_or_no_training_is_needed():
    # trained "in more than 30 partner countries": not by the other of the two states the article is about
    facts = facts_of("KYIV -- Britain has sent more instructors to Ukraine, Ukraine's General Staff said. More than "
                     "90,000 Ukrainian soldiers have been trained in more than 30 partner countries. Ukraine thanked "
                     "Britain and the United Kingdom's forces.")
    assert not [e for e in facts.events if e.cls == "Training" and e.count == 90000]
    # "there is no need to train", "has no plans to deliver": the noun the infinitive hangs on says no
    got = trainings_of("COPENHAGEN -- Denmark will give Ukraine old M113 carriers. Ukraine's army already knows them, "
                       "so there is no need to train Ukrainian soldiers to operate them, Denmark said.")
    assert not got
    assert not transfers_of("Germany has no plans to deliver Taurus missiles to Ukraine, the chancellor said.")


def test_graduates_of_a_states_school_are_trained_by_that_state():
    assert trainings_of("Hundreds of Somali officers graduate from Türkiye's military academy in Mogadishu.") == {
        ("Turkey", "Somalia")}
    # a person's own schooling, said of one officer, is no training of a state's forces
    assert trainings_of("General Jane Roe, who graduated from the Turkish War College in 1998, met the Somali "
                        "minister.") == set()


def test_each_state_coordinated_with_the_trainees_is_trained():
    assert trainings_of("Officers from Senegal and Mali were trained at the French staff college in Paris.") == {
        ("France", "Senegal"), ("France", "Mali")}
    # two states named together elsewhere in the sentence are no trainees of it
    assert trainings_of("We want to keep up ties between Iraq and Denmark and to push forward the training of "
                        "Iraqi forces.") == {("Denmark", "Iraq")}


def test_training_received_from_a_state_among_other_things():
    assert trainings_of("Under the package, Ghana will receive spare parts, training and technical support from the "
                        "United States.") == {("United States", "Ghana")}
    # "from" in another clause says where something else came from
    assert trainings_of("Kenya received training on the drones, and the aircraft came from Turkey.") == set()


def test_graduating_from_training_names_no_school_of_a_state():
    assert trainings_of("More than 300 recruits graduated from basic training in Kenya on Friday, with British "
                        "instructors in attendance.") == set()


def test_graduates_from_other_states_of_a_school_the_article_names_are_its_state_s_trainees():
    body = ("The president addressed 35 senior officers who graduated from the Namibia Command and Staff College on "
            "Friday.\n\nAmong this year's graduates are officers from Zambia, Kenya and Botswana, a sign of regional "
            "cooperation.")
    assert trainings_of(body) == {("Namibia", "Zambia"), ("Namibia", "Kenya"), ("Namibia", "Botswana")}
    # graduates of no school the article names
    assert trainings_of("Among the graduates of the course were officers from Zambia and Kenya.") == set()


def test_non_commissioned_officers_from_states_are_trained():
    got = trainings_of("The courses began in July.", title="Colombian Army trains 14 NCOs from Peru, Chile and Uruguay in "
                                                          "remote courses")
    assert got == {("Colombia", "Peru"), ("Colombia", "Chile"), ("Colombia", "Uruguay")}


_SALVAGE = ("Eight divers from the Chilean Navy completed a four-week salvage course on Friday, the embassy said. "
            "The course took place at a diving school near Sydney. "
            "The Australian instructors covered hull repair and night dives.")


def test_an_article_about_training_marks_who_is_taught_and_who_teaches_across_its_sentences():
    # no sentence names both: the sailors' navy is taught, the instructors' state teaches ("divers from" a
    # navy who complete a course are not trained by it)
    assert trainings_of(_SALVAGE, title="Chilean Navy sailors finish salvage course in Sydney") == {
        ("Australia", "Chile")}
    # a clause's subject that the words of another state's instructors contradict is a misparse, not a trainer
    assert trainings_of("So that the Mongolian Armed Forces can keep sending engineer units to UN missions, "
                        "instructors of the Japan Ground Self-Defense Force this year taught 40 of its bulldozer "
                        "drivers in classroom sessions. Ten of them were trained to become instructors.",
                        title="Defence ministry trains Mongolian Armed Forces in bulldozer work") == {
        ("Japan", "Mongolia")}


def test_an_article_about_training_together_gives_no_one_trained():
    joint = _SALVAGE.replace("near Sydney.", "near Sydney, where the two navies held a joint exercise.")
    assert trainings_of(joint, title="Chilean Navy sailors finish salvage course in Sydney") == set()


def test_an_article_about_training_names_no_trainer_from_onlookers_idioms_foes_or_fields_of_cooperation():
    cases = [
        # onlookers at the end of a course
        ("Zambian cadets graduate", "Zambian cadets graduated from the Zambia Military Academy on Friday. The training "
                                    "ended with a parade attended by Chinese military advisers and the Indian defence attache."),
        # "in the course of", "of course": no course
        ("Ukrainian troops advance near the river", "In the course of the offensive, Ukrainian troops advanced two "
                                                    "kilometres, said Jane Roe of the Estonian Centre for Defence Studies."),
        # forces fought, not trained
        ("Taiwan's army opens new anti-landing course", "Taiwanese instructors opened a new anti-landing course in "
                                                        "Pingtung on Monday. The course trains crews to stop Chinese forces on the beaches."),
        # a field of cooperation, an expert's institute
        ("Indian officers in Hanoi for training talks", "A delegation of Indian officers arrived in Hanoi on Monday for "
                                                        "talks on cooperation in training, search and rescue and military medicine. "
                                                        "Training is a pillar of the relationship, said Nguyen Van An, a lecturer at "
                                                        "the Vietnamese National Defence Academy."),
        # a course run by another state's soldiers is theirs to give, whatever the trainees are called
        ("Kenyan instructors finish counter-IED course", "Twenty Kenyan instructors finished a counter-IED course in "
                                                         "Nanyuki on Friday. The course was run by soldiers from the British Army's 4th Brigade."),
        # a state whose own instructors teach is trained by no one else
        ("Iraqi soldiers complete Iraqi-led course", "Some 400 Iraqi soldiers completed a counter-terrorism course at "
                                                     "Besmaya on Thursday. The course was taught entirely by Iraqi instructors for "
                                                     "the first time, officials said. Spanish military advisers attended the ceremony "
                                                     "that closed the course."),
        # exercises, in any number, are trained in together
        ("Chilean Navy sailors finish salvage course in Sydney",
         _SALVAGE.replace("near Sydney.", "near Sydney, where the two navies held joint exercises.")),
    ]
    for title, body in cases:
        assert (title, trainings_of(body, title=title)) == (title, set())


def test_who_runs_a_course_is_the_by_of_a_participle_said_of_it():
    assert trainings_of("Some 150 Malian soldiers completed a six-week course run by the Russian military.") == {
        ("Russia", "Mali")}
    assert trainings_of("The course, delivered by the Australian Defence Force, was attended by 25 officers from "
                        "Fiji, Tonga and Vanuatu.") == {("Australia", "Fiji"), ("Australia", "Tonga"),
                                                        ("Australia", "Vanuatu")}
    # a course no one is said to run is no training, nor one only attended, interrupted or praised by others
    assert trainings_of("Some 150 Malian soldiers completed a six-week course.") == set()
    assert trainings_of("Malian soldiers completed a six-week course attended by Senegalese observers.") == set()
    assert trainings_of("Malian soldiers completed a six-week course interrupted by Russian air strikes.") == set()


def test_whom_a_training_noun_is_for_is_trained_by_whom_it_is_held():
    assert trainings_of("US Marines conducted a two-week training for Guatemalan naval infantry.") == {
        ("United States", "Guatemala")}
    # a training the trainees hold for themselves names no other state; a place they go to afterwards is not trained
    assert trainings_of("Guatemalan naval infantry conducted a two-week training near the coast.") == set()
    assert trainings_of("US Marines completed a two-week training before their deployment to Guatemala.") == set()
    assert trainings_of("Kenyan soldiers completed a training for deployment to Somalia.") == set()


def test_a_training_verb_sharing_the_subject_of_a_handover_trains_those_handed_to():
    got = trainings_of("The vehicles were handed over in the capital on Monday.",
                       title="France gives Benin's armed forces 20 all-terrain vehicles, trains drivers and mechanics")
    assert got == {("France", "Benin")}
    # the state's forces, possessed with a word between ("Benin's armed forces"), are its people trained
    assert trainings_of("France gave Benin's armed forces 20 all-terrain vehicles and trained drivers and "
                        "mechanics.") == {("France", "Benin")}
    # the receiver of a handover who trains (its own crews) is trained by no one
    assert trainings_of("Ukraine received 20 Leopard tanks from Germany, trains crews at home and plans a new "
                        "brigade.") == set()


def test_the_team_an_earlier_sentence_names_with_its_state_trains_after_an_opening_phrase():
    got = trainings_of("A US Navy mobile training team arrived in Accra on Monday. Over two weeks, the team will "
                       "train 40 sailors of the Ghana Navy in boarding operations.")
    assert got == {("United States", "Ghana")}
    # "the team" whose state no earlier sentence gives trains for no one named; the state that hosts the team is not
    # its state, and a team that trains alongside others trains no one
    assert trainings_of("A mobile training team arrived in Accra on Monday. Over two weeks, the team will train 40 "
                        "sailors in boarding operations.") == set()
    assert trainings_of("Togo hosted the American team in Lome on Monday. Over two weeks, the team will train 40 "
                        "Ghanaian sailors.") == {("United States", "Ghana")}
    assert trainings_of("Kenya hosted a Ghana Navy boarding team in Mombasa on Monday. During the visit, the team "
                        "will train alongside Kenyan sailors.") == set()


def test_a_state_whose_name_is_also_a_region_of_another_is_that_region_where_written_as_one():
    got = trainings_of("Fourteen Nigerian Air Force personnel have gone to Georgia in the USA to train on the aircraft.")
    assert got == {("United States", "Nigeria")}
    assert "Georgia" not in names(facts_of("The Kenyan officers trained at Fort Benning, Georgia, for six weeks."),
                                  "Country")
    # the state itself, alone or in a list of states
    assert "Georgia" in names(facts_of("Georgia and Ukraine signed a defence memorandum on Monday."), "Country")
    assert "Georgia" in names(facts_of("Russia, Georgia and Armenia held talks."), "Country")


def test_a_training_mission_of_no_one_state_trains_as_itself():
    """An EU or NATO training mission is the provider where no state is implied: as the subject of the training
    verb, or leading the course its trainees graduated from."""
    assert trainings_of("EUTM Somalia trained twelve Somali soldiers in Mogadishu.") == {("EUTM Somalia", "Somalia")}
    assert trainings_of("Thirty Iraqi officers graduated from the six-week course led by NATO Training Mission - Iraq "
                        "in Baghdad.") == {("NATO Training Mission - Iraq", "Iraq")}
    # a course others only attend is taught by none of them
    assert trainings_of("Twelve Somali soldiers graduated from a course attended by Italian observers.") == set()


def test_who_finished_a_training_was_trained_and_joint_training_has_no_direction():
    assert trainings_of("Nigerian and Ghanaian officers completed training in France.") == {
        ("France", "Nigeria"), ("France", "Ghana")}
    # two states' forces that finish a training together, and a joint training between two, train no one
    assert trainings_of("US Army forces, Nigerian Navy special forces complete training.") == set()
    assert trainings_of("The Mauritanian National Army announced the conclusion of joint military training between "
                        "the national marines and elements of the paratrooper forces of the Spanish army.") == set()


def test_instructors_who_graduate_from_a_course_are_its_trainees():
    assert trainings_of("Thirty Iraqi instructors graduated from the six-week trainer course led by NATO Training "
                        "Mission - Iraq at the Iraqi Military Academy.") == {("NATO Training Mission - Iraq", "Iraq")}
    # instructors who only look on teach, as before
    assert trainings_of("Italian instructors watched as thirty Iraqi officers graduated from the course.") == {
        ("Italy", "Iraq")}
