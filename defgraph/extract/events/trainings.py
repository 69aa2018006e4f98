"""Trainings: who trains whose personnel, and how many."""

from __future__ import annotations

import re

from ..amounts import count_before
from ..model import AGENCY, COUNTRY, EQUIPMENT, Event, Mention
from ..sentences import Sentence
from ..text import alternation, fold, patterns, trigger_regex
from .trainees import (COUNTED_FROM, COUNTED_STATES, GRADUATES_NAMED, IN_STATE, STATES_NAMED, UNNAMED_STATES, course_run_by,
                       graduation, in_place, school_forms, school_of_no_state, trainee_alternation)
from .training_given import TrainingGiven, names_place, said_of_no_one
from .training_groups import TrainingGroups
from .training_words import (AWAITED, SERVICES, SUBJECT_GAP, TRAINER_GROUP, TRAINERS_NAMED, by_personnel,
                             many_or_by, school_after)
from .training_trainers import TrainerFinders


class TrainingRules(TrainingGiven, TrainingGroups, TrainerFinders):
    """Trainings: who trains whose personnel, and how many."""

    def _trainings(self, sent: Sentence) -> None:
        """Trainings the sentence states: who trains whom, else training given as a thing."""
        before = len(self.events)
        if self._thanked_for_training(sent):
            return
        if self._trainees_listed_after(sent) or self._more_to_the_training(sent):
            return
        self._trainings_of(sent)
        if len(self.events) > before:
            self._schools_listed_after(sent, self.events[before])
        # where the sentence's own clause says nothing, the shapes that tell a training otherwise, in turn
        for rule in (self._training_given, self._foreign_graduates, self._foreign_in_class, self._places_at_schools,
                     self._team_stationed, self._students_present, self._trainers_told_next, self._sent_trainers_to):
            if len(self.events) == before:
                rule(sent)

    def _trainings_of(self, sent: Sentence) -> None:
        low = fold(sent.text)
        if self._group_members(sent, low):
            return
        if not trigger_regex("training_triggers").search(low):
            self._trained_by_adjective(sent)
            return
        if any(re.search(rf"\b{re.escape(c)}\b", low) for c in patterns()["mutual_training_cues"]):
            return  # "trained side by side", "a joint training exercise": no one trains the other
        adj = "|".join(patterns()["trainee_adjectives"])
        nouns = trainee_alternation()
        countries = [m for m in self.in_sentence(sent, COUNTRY)]
        # "at the training camp in X": a place (or a kind of aircraft) named for training, no training given
        found = [t for t in trigger_regex("training_triggers").finditer(low)
                 if not names_place(low, t) and not said_of_no_one(low, t)
                 and (not graduation(t) or school_after().match(low, t.end()))
                 and not self._talked_about(sent, t)]
        if not found:
            return
        # a capitalised "Training" mid-sentence is part of a name ("the Coalition on F-16 Training")
        trig = next((t for t in found if t.start() == 0 or not sent.text[t.start()].isupper()), found[0])
        # "A training team from Italy trained …", "Italian instructors conducted training for …": what they do
        later = next((t for t in found if t.start() > trig.end() and t.group() not in patterns()["provider_nouns"]), None)
        if later is not None and (TRAINERS_NAMED.match(low, trig.end()) or trig.group() in patterns()["provider_nouns"]
                                  and (later.group() in ("training", "course", "courses", "instruction")
                                       or later.group() in ("train", "trains", "trained", "teach", "teaches", "taught")
                                       and not re.match(r"\s+(?:from|of)\b", low[trig.end():]))):
            trig = later
        graduated = next((t for t in found if t.start() > trig.start() and graduation(t)), None)
        if trig.group() in patterns()["provider_nouns"] and graduated is not None:
            trig = graduated  # "Thirty Iraqi instructors graduated …": the graduation, not who the graduates are
        frame_of_trigger = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), countries)
        trainee = None
        count = None
        finished = re.search(r"\b(?:complet|conclud|finish)\w*\s+(?:\(?[\w-]+\)?\s+){0,5}$", low[:trig.start()])
        if finished or graduation(trig):  # "an Afghan Air Force officer graduated": one graduate too
            nouns += "|" + "|".join(n[:-3] + "man" if n.endswith("men") else n[:-1]
                                    for n in patterns()["trainee_nouns"] if n.endswith(("s", "men")) and " " not in n)
        teaching = alternation("provider_nouns", longest_first=True)
        # "Thirty Iraqi instructors graduated from the trainer course": who graduates is taught, whatever they are
        graduates = [m for m in countries if (finished or graduation(trig)) and re.fullmatch(
            rf"\s+(?:[\w-]+\s+){{0,2}}(?:{teaching})\s+(?:(?:have|has|had|all|successfully|recently)\s+)*",
            fold(self.text[m.end:sent.start + (finished.start() if finished else trig.start())]))]
        personnel = graduates + [m for m in countries if m not in graduates and re.match(
            rf"\s+(?:(?:[A-Z][\w-]*|[a-z]+-[\w-]+|{adj})\s+){{0,3}}(?:[a-z]+\s+)?(?:{nouns})\b", self.text[m.end:m.end + 60])
            or re.match(rf"\s+(?:(?:{adj})\s+)?(?:{nouns})\b", fold(self.text[m.end:m.end + 40]))
            or re.match(rf"['’]s\s+(?:[a-z-]+\s+)?(?:{nouns})\b", fold(self.text[m.end:m.end + 40]))
            # "Somalia's US-trained Danab Special Forces": the state whose trained forces they are
            or re.match(r"['’]s\s+[A-Z][\w'’]*-trained\s+", self.text[m.end:m.end + 40])
            # "the Kuwaiti (20 students) and Qatari (6 students) navies": a state and the count of its trainees
            or re.match(rf"\s*\(\s*\d+\s+(?:{nouns})\s*\)", fold(self.text[m.end:m.end + 40]))
            # "a Somali unit whose soldiers received training": the unit's state is trained
            or re.match(rf"\s+(?:[\w-]+\s+){{1,3}}whose\s+(?:{nouns})\b", fold(self.text[m.end:m.end + 60]))]
        counted = self._peoples_counted(sent, [m for m in countries if m not in personnel], sent.start + trig.start())
        personnel += counted
        # "Nigerian and Ghanaian officers": a state coordinated right before another's personnel names its own
        # ("American, French and Dutch troops": each before the one after it, read from the last)
        for m in sorted(countries, key=lambda m: -m.start):  # (not "In Lithuania, German and Dutch soldiers")
            if m not in personnel and not re.search(r"\b(?i:in|at|to)\s+(?:the\s+)?$", self.text[max(0, m.start - 10):m.start]) \
                    and any(re.fullmatch(r"\s*(?:,\s*|\s+)(?:and\s+)?", self.text[m.end:p.start]) for p in personnel if p.start > m.end):
                personnel.append(m)
        personnel.sort(key=lambda m: m.start)
        # ("Brazil trains foreign officers", "Turkey trained soldiers in Somalia": the state right before the verb trains)
        personnel = [m for m in personnel if m in counted or not (m.end <= sent.start + trig.start() and SUBJECT_GAP.fullmatch(
            fold(self.text[m.end:sent.start + trig.start()])))]
        # "received training from Turkish officers": those it comes from give it
        teachers = [m for m in personnel if (frame_of_trigger.relation(m) or "").split(":")[-1] == "from"]
        personnel = [m for m in personnel if m not in teachers]
        # "Croatian Army mechanics", "F-FDTL crew members": the state of the body they serve in
        personnel += [Mention(m.start, m.end, m.text, COUNTRY, key=self.country_of(m.key)) for m in self.in_sentence(sent, AGENCY)
                      if self.country_of(m.key) and re.match(rf"\s+(?:{nouns})\b", fold(self.text[m.end:m.end + 40]))]
        # "training to their counterparts from Papua New Guinea", "students from Angola": said outright, so first
        # ("officers representing A attended the graduation": guests, not graduates)
        representing = "" if trigger_regex("spectator_verbs").search(low) else "|representing"
        # ("13 officers from seven nations, including A, B and C, graduated …", "trains soldiers from several countries,
        # ranging from A to B": some of many trainees; not "Soldiers from NATO countries, including A, trained …")
        # (before the trigger, a count of states names some of them only where the trainees do not train: "students from 39
        # countries, including A, were educated", not "soldiers from 12 countries, including A, train Ukrainian troops")
        before_trigger = COUNTED_STATES if not self._takes_object(sent, trig) else r"(?:the\s+)?"
        named = lambda m: GRADUATES_NAMED if graduation(trig) else STATES_NAMED if m.start > sent.start + trig.end() or finished \
            else before_trigger  # (who finished a course is taught: "officers from six countries (A, B) completed it")
        # (personnel "of" a body who deploy on a training mission are its trainers, not trainees)
        of = "|of" if not re.search(r"\b(?:deploy\w*|mission)\b", low) else ""
        # "officers of the navies of A, B and C": the states whose services they are of
        services = rf"(?:(?:{SERVICES})\s+of\s+(?:the\s+)?)?" if of else ""
        personnel[:0] = [m for m in countries if self.text[m.end:m.end + 1] != "-" and not m.inside and re.search(rf"\b(?:counterparts|{nouns})\s+(?:from{representing}{of})\s+{named(m)}{services}$"
                                                           rf"|\b(?:{nouns})\s*\(\s*$",  # ("foreign officers (A, B and C)")
                                                           fold(self.text[max(0, m.start - 70):m.start]))
                         # ("another 25 from the friendly countries of A, B": where those counted come from)
                         or m.start > sent.start + trig.end() and COUNTED_FROM.search(self.text[max(sent.start, m.start - 60):m.start])
                         and re.search(r"\b(?:nations|countries|states)\s+of\s+(?:the\s+)?$", self.text[max(sent.start, m.start - 20):m.start])]
        if graduation(trig):  # "35 marines, two of them from the Salvadoran Naval Force, graduated"
            # (graduates counted out: not "with funding from the United States")
            counts = alternation("number_words")
            personnel += [m for m in countries if m not in personnel and m.start < sent.start + trig.start()
                          and re.search(rf"\b(?:them|\d[\d,]*|{counts})\s+from\b[^,;]*$", fold(self.text[max(sent.start, m.start - 50):m.start]))]
        # "600 personnel from the Zambian Defence Force's three services", "125 soldiers of the Indonesian
        # Army": the state of the body they are from
        for m in self.in_sentence(sent, AGENCY):
            from_body = re.search(rf"\b(?:{nouns})\s+(?:from{of})\s+(?:the\s+)?$", fold(self.text[max(0, m.start - 40):m.start]))
            if from_body and self.country_of(m.key):  # (counted where the personnel are: "600 personnel from")
                at = max(0, m.start - 40) + from_body.start()
                personnel.append(Mention(at, m.end, self.text[at:m.end], COUNTRY, key=self.country_of(m.key)))
        # "83 officers of the defence force have been trained in China": the state of the body named before
        of_the = re.search(rf"\b(?:{nouns})\s+of\s+(the\s+(?:[a-z]+\s)?[a-z]+)\b", low) if of else None
        body = self._body_named_before(sent.start, of_the.group(1)) if of_the else None
        if body is not None and self.country_of(body):
            personnel.append(Mention(sent.start + of_the.start(), sent.start + of_the.end(), of_the.group(), COUNTRY,
                                     key=self.country_of(body)))
        if finished and len({m.key for m in personnel if m.start < sent.start + trig.start()}) >= 2 \
                and not any(m.key not in {p.key for p in personnel} for m in countries):
            return  # "US Army forces, Nigerian Navy special forces complete training": together, no one named to train
        # "Australian soldiers provided training to their counterparts from …": the subject trains when
        # the training goes to others; "Indonesian troops train with Australian soldiers" gives it to no one
        relation = frame_of_trigger.relation
        # "a two-week training for Guatemalan naval infantry": whom a course or training is for is trained (not
        # "a training before their deployment to Guatemala")
        personnel += [m for m in countries if m not in personnel and self._training_for(sent, trig, m)]
        # ("training for the Kenya Defence Forces": the state of the body it is for)
        personnel += [Mention(m.start, m.end, m.text, COUNTRY, key=self.country_of(m.key)) for m in self.in_sentence(sent, AGENCY)
                      if self.country_of(m.key) and self.country_of(m.key) not in {p.key for p in personnel}
                      and self._training_for(sent, trig, m)]
        given = any((relation(m) or "").split(":")[-1] in ("object", "to", "for", "from") for m in personnel) \
            or self._takes_object(sent, trig)  # "US service members who would train personnel of X"
        trainers = {m.key for m in personnel if given and not frame_of_trigger.passive and not graduation(trig)
                    and (relation(m) in ("subject", "qualifier:subject") or self._relative_subject(sent, trig, m)
                         or self._noun_after_is_subject(sent, trig, m))}
        if finished:  # "Nigerian and Ghanaian officers completed training in France": who finished it was trained
            trainers -= {m.key for m in personnel if m.start < sent.start + trig.start()}
        if re.search(r"\bjoin(?:s|ed|ing)?\b", low[:trig.start()]):
            # "35 Indonesian personnel are to join Australian troops for training": those joined train them
            trainers = {m.key for m in personnel if (relation(m) or "").split(":")[-1] == "object"}
        posted = re.search(r"\b(?:are|is|were|was)\s+(?:posted|stationed|seconded|embedded)\s+in\b", low[:trig.start()]) \
            or self._came_to_train(sent, low, trig) or self._there_to_give(low, trig)
        # "Five Australian personnel are posted in Tonga, working alongside its forces on training": they train
        # ("Chinese officers are in Zimbabwe to conduct training": as well)
        trainers |= {m.key for m in personnel if posted and m.end <= sent.start + posted.start()}
        # "a course run by Italian troops for Niger's forces": who runs the course trains
        trainers |= {m.key for m in personnel if course_run_by().search(fold(self.text[max(sent.start, m.start - 30):m.start]))}
        # "completed the course at the Royal Australian Navy Recruit School": a state's school taught, its state no trainee
        schools_at = [a for a in self.in_sentence(sent, AGENCY) if self.country_of(a.key)
                      # ("enrolled in the strategy course of India's National Defence College")
                      and re.search(r"\b(?:at|in|from|course\s+of)\s+(?:the\s+)?(?:[A-Z][\w-]*['’]s\s+)?$",
                                    self.text[max(sent.start, a.start - 30):a.start])
                      and (re.search(rf"\b(?:{school_forms()})$", fold(a.text))
                           # ("at the TNI Command and Staff School": a school the body's name opens)
                           or re.match(rf"(?:\s+(?:[A-Z][\w'’-]*|and|of))*?\s+(?i:{school_forms()})\b", self.text[a.end:a.end + 60]))]
        personnel = [m for m in personnel if not any(a.start <= m.start < a.end for a in schools_at)]
        # ("The course was taught by specialists of the army of Peru and Spain": the passive's "by" teaches)
        by_agent = [m for m in personnel if m.start > sent.start + trig.end()
                    and by_personnel().search(fold(self.text[max(sent.start, m.start - 70):m.start]))]
        by_agent += [m for m in personnel if m not in by_agent and any(
            re.fullmatch(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?", self.text[t.end:m.start]) for t in by_agent)]
        teachers += by_agent
        personnel = [m for m in personnel if m not in by_agent]
        pick = next((m for m in personnel if m.key not in trainers),
                    personnel[0] if personnel and not trainers else None)
        if pick is not None:
            trainee, count = pick.key, count_before(self.text, pick.start)
        if trainee is None and posted:  # (the state they are posted in is trained)
            trainee = next((m.key for m in countries if m.start == sent.start + posted.end() + 1), None)
        if trainee is None:
            trainee = self._trained_object(sent, trig)  # "spent two months training the PNG Defence Force"
        mission = trainee is None and self._trained_in(sent, trig) is not None
        if trainee is None:
            trainee = self._trained_in(sent, trig)  # "a mission training the military in Ukraine"
        if trainee is None:
            trainee = self._sent_there_to_train(sent) or self._graduates_abroad(sent, trig) or self._trained_person(sent, trig)
        if trainee is None:
            trainee = self._taker_of_trainees(sent)
        if trainee is None and self._trains_with_what_it_gave(sent, trig):
            return
        if trainee is None and (re.search(r"\b(?:receiv|undergo|underwent|complet|finish|get|got)\w*\s+(?:[a-z-]+\s+){0,4}$",
                                          low[:trig.start()]) or re.search(r"\bstud|\benrol", trig.group())
                                or trig.group() == "trained" and re.search(rf"\b(?:they|{nouns})\s+$", low[:trig.start()])):
            # "The Somali Eagle Unit received specialised training": whoever receives it is trained ("they": those
            # the sentence before was about)
            trainee = next((m.key for m in countries if (relation(m) or "").split(":")[-1] == "subject"), None) \
                or self._personnel_they_were(sent, low[:trig.start()])
        last = self.last_transfer
        # (instructors alone are people, not a training a deal includes: "pay for instructors … contracts")
        deal = re.search(rf"\b(?:{alternation('deal_cues')})", low) \
            if trig.group() not in patterns()["provider_nouns"] else None
        if trainee is None and deal and self._of_last_deal(sent, countries):
            # "The contract also includes training on the equipment": the deal's buyer is trained
            trainee = last.recipient
        unnamed = (trainee is None or trainee in trainers) and UNNAMED_STATES.search(low) is not None
        # "ran a staff course in Accra": a course whose trainees a roster may list later (not a graduation, whose roster
        # is read with its onlookers in mind, `_foreign_graduates`; nor training in general: "trained in the Arctic")
        course = trainee is None and re.fullmatch(r"courses?", trig.group()) is not None and not graduation(trig) \
            and not trigger_regex("spectator_verbs").search(low)
        if unnamed or course:
            trainee = AWAITED  # "officers from 30 African states": named in the next sentence, if anywhere
        if trainee is None or trainee in trainers:
            return  # (those who train are not the trained)
        joined = re.search(r"\b(?:was|were|is|are|has\s+been|have\s+been)\s+joined\s+by\b", low)
        if joined and joined.start() > trig.start() and pick is not None and pick.start > sent.start + joined.end():
            return  # "The British training team was joined by six personnel from Ireland": more of the team
        # "officers from Senegal and Mali graduated from a French college": each state coordinated is trained
        run = next((r for r in self._state_runs(countries) if pick in r), []) if pick is not None and pick.key == trainee else []
        trainees = [trainee] + [m.key for m in run[run.index(pick) + 1:] if m.key not in trainers] if run else [trainee]
        if pick in counted or counted and pick is not None and re.fullmatch(  # ("28 Peruvian soldiers, three Bolivians")
                r"\s+[a-z\s-]{0,30}?,\s+[^,]*", self.text[pick.end:min(m.start for m in counted)]):
            trainees += [m.key for m in counted if m.key not in trainers | set(trainees)]  # each people counted
        if graduation(trig) and pick is not None and pick.key == trainee:
            # "two of them from A and two from B, graduated": each state graduates come from
            trainees += [m.key for m in personnel if m.key not in trainers | set(trainees)]
        if TRAINER_GROUP.search(low) and trainee != AWAITED and not any(m.key != trainee for m in countries):
            self.training_group = trainee  # trainers to be listed: "a partner coalition helps organise training"
        if not mission and re.search(r"\b(their|its|his|her)\s+(?:[a-z-]+\s+(?:and\s+)?){0,3}$", low[max(0, trig.start() - 50):trig.start()]) \
                and not any((frame_of_trigger.relation(m) or "").split(":")[-1] == "from" or m.start > sent.start + trig.start()
                            and re.search(r"\b(?:from|in|at)\s+(?:the\s+|an?\s+)?$", self.text[max(0, m.start - 10):m.start])
                            and m.key != trainee for m in countries):
            # "once pilots have completed their training": no provider stated ("… from Ankara", "their
            # training in France", "their training at a Turkish academy" are)
            return
        provider, also = None, []
        # (of peoples counted side by side: "28 Peruvian soldiers, three Bolivians", "six Americans … with 18 Colombians")
        host = self._course_host(sent, trainees) if len(trainees) > 1 and counted else None
        if host is not None:  # "28 Peruvian soldiers, three Bolivians … train there", of "the Peruvian Army's course"
            trainees = [k for k in trainees if k != host]
            trainee = trainees[0]
            first = next((m for m in personnel if m.key == trainee), None)
            count = count_before(self.text, first.start) if first is not None else None
        providers = alternation("provider_nouns")
        instructors = [m for m in countries if m.key not in trainees and re.match(  # "U.S. Army advisors"
            rf"\s+(?:[a-z-]+\s+|(?:army|navy|air force|marine corps|special forces)\s+)?(?:{providers})\b",
            fold(self.text[m.end:m.end + 40]))]
        # "Two NATO instructors": a body's instructors, as its state or, of no one state, itself (not "NATO
        # instructors from Italy", whose states send them, nor instructors who "were trained by" someone)
        instructors += [Mention(m.start, m.end, m.text, COUNTRY, key=self.country_of(m.key) or m.key)
                        for m in self.in_sentence(sent, AGENCY) if not any(c.start <= m.start < c.end for c in countries)
                        and (self.country_of(m.key) or self.entities[m.key].cls == "InternationalOrganization")
                        and (self.country_of(m.key) or m.key) not in trainees and not re.search(r"\b(?:trained|taught)\s+by\b", low)
                        and re.match(rf"\s+(?:{providers})\b(?!\s+(?:from|of)\b)", fold(self.text[m.end:m.end + 40]))]
        instructors.sort(key=lambda m: m.start)
        # "French, Belgian and Dutch instructors": a state's adjective coordinated right before another's instructors
        # names its own (not "In Poland, U.S. instructors")
        while more := [m for m in countries if m not in instructors and m.key not in trainees
                       and not re.search(r"\b(?i:in|at|from|to)\s+(?:the\s+)?$", self.text[max(0, m.start - 10):m.start])
                       and any(re.fullmatch(r"\s*(?:,\s*|\s+)(?:and\s+)?", self.text[m.end:i.start])
                               for i in instructors if i.start > m.end)]:
            instructors = sorted(instructors + more, key=lambda m: m.start)
        # "instructors from Poland", "instructors of the Rwanda Defence Force", "a training team from the UK"
        instructors_from = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY)
                            and self.country_of(m.key) not in (None, trainee) and re.search(
            rf"\b(?:(?:{providers})\s+(?:from|of)|training\s+teams?\s+from)\s+(?:the\s+)?$",
            fold(self.text[max(0, m.start - 30):m.start]))]
        # ("graduated from the Staff College in Jaji, Kaduna State, Nigeria": where a school is, with the places in it)
        # ("Instructors of the French Forces in Gabon trained …": where another state's body is based takes no part)
        countries = [m for m in countries if not any(re.fullmatch(r"\s+in\s+(?:the\s+)?", self.text[a.end:m.start])
                                                     and self.country_of(a.key) not in (None, m.key) for a in self.in_sentence(sent, AGENCY))]
        loc = [m for m in countries if m.key not in trainees and (in_place() if graduation(trig) else IN_STATE).search(
            self.text[max(sent.start, m.start - 60):m.start]) and not (graduation(trig) and re.match(r"['’]s\b", self.text[m.end:m.end + 2]))
            and not any(e.start == m.end + 1 for e in self.in_sentence(sent, EQUIPMENT))]  # ("on German Leopard 2 tanks": a maker)
        subj = [m for m in countries if m.key not in trainees and m.start < sent.start + trig.start()
                and m.key not in {p.key for p in personnel} - trainers]  # (whose personnel are trained trains no one)
        agency_subj = [m for m in self.in_sentence(sent, AGENCY) if m.start < sent.start + trig.start()]
        actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY) and m.key not in trainees
                  and self.country_of(m.key) not in trainees]  # ("soldiers of the Indonesian Army": the trainees' own)
        frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), actors)
        # "trained by Dutch specialists"; "trained by the EU Military Assistance Mission", "EUTM Somalia trained":
        # a body of no one state
        run_by = self._run_by(sent, trig, actors)
        by_grammar = [a for a in actors if (frame.relation(a) in ("subject", "qualifier:subject", "by", "qualifier:by")
                                            or a in run_by)
                      and (self.country_of(a.key) or self.entities[a.key].cls == "InternationalOrganization")]
        # ("studied at schools of the Ministry of Defence of X": where one studies teaches)
        from_grammar = [a for a in actors if (frame.relation(a) or "").split(":")[-1] in (("from", "at") if graduation(trig) else ("from",))
                        and not (a.family == COUNTRY and COUNTED_FROM.search(self.text[max(sent.start, a.start - 60):a.start]))
                        and (self.country_of(a.key) or self.entities[a.key].cls == "InternationalOrganization"
                             and not re.match(r"\s+(?:member\s+)?(?:countries|states|nations|allies)\b", self.text[a.end:a.end + 30]))]
        # "Three Ukrainian pilots graduated from F-16 training with the Arizona National Guard": with whom
        # a training was completed, a body of a state, gave it (not "trained with", nor "completed training
        # with Australian soldiers", side by side)
        completed = re.search(r"\b(?:graduat\w*\s+from|pass\w*\s+out\s+from|complet\w*)\s+(?:[\w-]+\s+){0,4}?(?:training|course)\s+"
                              r"(?:(?:on|in)\s+(?:the\s+)?[\w-]+\s+)?with\s+(?:the\s+)?", low)
        with_body = [a for a in actors if completed and a.family == AGENCY and self.country_of(a.key)
                        and a.start == sent.start + completed.end()]
        if frame.negated:
            return
        # "the UAE agreed a contract with A, while B is to provide training": A is in another clause
        # "Uruguay Navy personnel will receive training": the trainee's own; "AUKUS training": a name for it
        # ("NATO training": an alliance's, given by it)
        agency_subj = [a for a in agency_subj if frame.attached(a) is not False and self.country_of(a.key) != trainee
                       and (self.text[a.end:sent.start + trig.start()].strip()
                            or self.entities[a.key].cls == "InternationalOrganization")]
        made = re.search(r"\b([A-Z][\w'’]+)-trained\b", sent.text)  # "Türkiye-trained soldiers"
        made_by = next((m for m in countries if made and m.start == sent.start + made.start(1)), None)
        if host is not None:
            provider = host
        elif made_by is not None and made_by.key != trainee:
            provider = made_by.key
        elif teachers and teachers[0].key != trainee:
            provider = teachers[0].key
        elif instructors:
            provider = instructors[0].key
            also = [m.key for m in instructors[1:]]  # "Polish and U.S. instructors": each state whose instructors train
        elif by_grammar:  # "Canada will contribute by helping to train", "trained by the Bundeswehr"
            provider = self.country_of(by_grammar[0].key) or by_grammar[0].key
        elif from_grammar:  # "Somali soldiers received training from Turkey", "… from NATO in Jordan"
            provider = self.country_of(from_grammar[0].key) or from_grammar[0].key
        elif schools_at and self.country_of(schools_at[0].key) not in trainees:
            provider = self.country_of(schools_at[0].key)
        elif with_body:
            provider = self.country_of(with_body[0].key)
        elif subj:
            provider = subj[0].key
        elif loc:
            provider = loc[0].key
        elif instructors_from:
            provider = self.country_of(instructors_from[0].key)
        elif agency_subj:
            provider = self.country_of(agency_subj[0].key) or agency_subj[0].key
        if provider is None and last is not None and last.recipient == trainee and \
                (deal or self._the_kit(low)) and self._of_last_deal(sent, countries):
            # "The package includes training for Estonian crews", "Uruguay Navy personnel will receive
            # training in running the boats": the supplier of the deal or of the things it moved
            provider = last.supplier
        other = self._other_of_pair(trainee)
        if provider is None and pick is not None and pick.key == trainee and not many_or_by().search(low) \
                and any(e.cls == "Transfer" and e.supplier == other and e.recipient == trainee for e in self.events) and (
                (relation(pick) or "").split(":")[-1] in ("object", "of", "for", "to")
                or frame_of_trigger.passive and relation(pick) == "subject"
                or any(re.fullmatch(r"\s+(?:(?:of|for)\s+)?(?:the\s+)?", self.text[sent.start + t.end():pick.start])
                       for t in found)):
            # "Training of Croatian Army mechanics on the new vehicles is under way": those trained said
            # outright, by no one named, by the other of the two states the article is about, where that
            # state supplies them (training for what it hands over)
            provider = other
        team = self._team_told_before(sent, low) if provider is None else []
        provider = team[0] if team else provider
        if provider is None and pick is not None:
            provider = self._course_told_before(sent, low, trig, trainees, pick) or self._school_there(low, trig, trainees)
        if provider is None or provider in trainees or school_of_no_state(self.entities.get(provider)) \
                or not (instructors or teachers) and any(
                p.key == provider and t.key in trainees and re.fullmatch(r"\s*,\s*", self.text[p.end:t.start])
                and not re.match(r"['’]s\b", self.text[t.end:t.end + 2]) for p in countries for t in countries):
            return  # ("India, U.S. partner to train peacekeepers from Africa": two who train, neither trained)
        if trainee == AWAITED:
            self.trainees_awaited = (self._distinct([provider] + also + self._coordinated_with(provider, countries)), sent, not unnamed)
            return
        # "Romania and the Netherlands will train …": each of the coordinated trainers
        for one in self._distinct([provider] + [k for k in team[1:] + also + self._coordinated_with(provider, countries)
                                                if k not in trainees + [provider]]):
            for each in trainees:
                self.events.append(Event("Training", self.evidence(sent), confidence=0.6, provider=one,
                                         trainee=each, count=count if each == trainee else None))
