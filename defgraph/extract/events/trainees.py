"""Who a training sentence says is trained, where no trainee noun says so: the object of the verb, the
state trained forces are in, the state that takes trainees in, the buyer of the last deal."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import AGENCY, COUNTRY, PERSON, Entity, Event, Mention
from ..mentions import number_forms
from ..resolve.kit import kit_nouns
from ..sentences import Sentence
from ..text import alternation, fold, patterns, SOME_OF, trigger_regex


class TraineeFinders:
    """Trainees found from the grammar and the story (mixed into the training rules)."""

    def _peoples_counted(self, sent: Sentence, countries: list[Mention], at: int) -> list[Mention]:
        """`Four Gambians and two Guineans graduated`: a people counted, the noun they are (not "four Colombian
        instructors"), in the clause of the training word at `at` (not "Three Americans were wounded, where they served
        with a brigade trained in Poland")."""
        return [m for m in countries if m.form == "demonym" and not re.search(
            r",\s+(?:where|who|which|when|while)\b", self.text[min(m.end, at):max(m.start, at)]) and re.search(
            rf"(?<![\w.,])(?:\d{{1,4}}|{alternation('number_words')})\s+$", fold(self.text[max(sent.start, m.start - 20):m.start]))
            and _NOT_A_NOUN_AFTER.match(self.text[m.end:m.end + 20])]

    @staticmethod
    def _the_kit(low: str) -> bool:
        """Whether the sentence speaks of things already named ("the boats", "these systems")."""
        return _named_kit().search(low) is not None

    def _of_last_deal(self, sent: Sentence, countries: list[Mention]) -> bool:
        """Whether a deal the sentence speaks of can be the last transfer's: it names no other
        country, and no company but one of the supplier's."""
        last = self.last_transfer
        if last is None or any(m.key not in (last.recipient, last.supplier) for m in countries):
            return False
        return all(self.country_of(m.key) == last.supplier for m in self.in_sentence(sent, AGENCY)
                   if self.entities[m.key].cls == "Company")

    def _taker_of_trainees(self, sent: Sentence) -> str | None:
        """`The Central African Republic took 512 new soldiers into its army`, `X enrols new soldiers
        trained by Y`: the state that takes in the trained people (the subject whose object is a
        trainee noun) is the trainee."""
        nouns = set(patterns()["trainee_nouns"])
        doc = self.grammar.doc(sent)
        for tok in doc:
            if tok.lower_ not in nouns or tok.dep_ != "dobj" or trigger_regex("training_triggers").fullmatch(tok.head.lower_) \
                    and (any(c.lower_ in ("foreign", "international", "allied", "partner") for c in tok.children)
                         or tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "from"):
                continue  # (not "Brazil trains foreign officers": whoever trains others takes no one in; "Ukraine will
                # train pilots in Denmark" does train its own)
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subject is None or re.fullmatch(school_forms(), subject.lower_):
                continue  # ("the Ugandan staff school has trained 200 officers, including …": a school teaches them)
            span = (sent.start + subject.left_edge.idx, sent.start + subject.right_edge.idx + len(subject.right_edge))
            owner = next((m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY)
                          and span[0] <= m.start and m.end <= span[1]), None)
            if owner is not None and self.country_of(owner.key):
                return self.country_of(owner.key)
        return None

    def _trained_in(self, sent: Sentence, trig: re.Match) -> str | None:
        """`a mission training the military in Ukraine`, `its training mission in Iraq`: the state the trained
        forces, or a training mission, are in."""
        nouns = "|".join(sorted(map(re.escape, patterns()["trainee_nouns"] + ["military", "army", "mission"]),
                                key=len, reverse=True))
        after = re.match(rf"\s+(?:the\s+|its\s+)?(?:[a-z-]+\s+)?(?:{nouns})\s+in\s+(?:the\s+)?",
                         fold(sent.text[trig.end():]))
        if after is None:
            return None
        at = sent.start + trig.end() + after.end()
        state = next((m for m in self.in_sentence(sent, COUNTRY) if m.start == at), None)
        return state.key if state is not None else None

    def _sent_there_to_train(self, sent: Sentence) -> str | None:
        """`sent 300 instructors to the Central African Republic to train national armed forces`: the state
        trainers (not trainees: "sent 12 pilots to Denmark to train") are sent or deployed to, where the
        trained are named by no state of their own ("to train with allied pilots" trains no one)."""
        verbs = alternation("sending_verbs")
        trainers = alternation("provider_nouns")
        units = alternation("deployment_nouns")
        trainees = alternation("trainee_nouns")
        for m in self.in_sentence(sent, COUNTRY):
            # ("to train on Leopard 2 tanks", "to train jointly with …": trained, not training others)
            if not re.match(r"\s+(?:in\s+order\s+)?to\s+(?:help\s+)?(?:train|instruct|mentor)\s+"
                            r"(?!with\b|alongside\b|on\b|in\b|for\b|jointly\b|together\b)", self.text[m.end:sent.end]):
                continue
            sent_off = re.search(rf"\b(?:{verbs})\s+((?:[\w-]+\s+){{0,6}}?)to\s+(?:the\s+)?$", fold(self.text[sent.start:m.start]))
            sent_ones = sent_off.group(1) if sent_off else ""
            # instructors, or a unit of no trainees ("a team", not "a team of pilots")
            if sent_off and (re.search(rf"\b(?:{trainers})\b", sent_ones) or re.search(rf"\b(?:{units})\b", sent_ones)
                             and not re.search(rf"\b(?:{trainees})\b", sent_ones)):
                return m.key
        return None

    def _graduates_abroad(self, sent: Sentence, trig: re.Match) -> str | None:
        """`152 soldiers graduated from Turkey's training camp in Somalia`: graduates of one state's school or
        camp in another state, their own state unnamed, are of the state it stands in."""
        if not graduation(trig):
            return None
        owned = re.match(r"\s+(?:the\s+)?", sent.text[trig.end():])
        at = sent.start + trig.end() + owned.end()
        owner = next((m for m in self.in_sentence(sent, COUNTRY) if m.start == at
                      and re.match(r"['’]s\s", self.text[m.end:m.end + 3])), None)
        if owner is None:
            return None
        host = re.match(rf"['’]s\s+(?:[\w-]+\s+){{0,5}}?(?:{school_forms(places=True)})\s+in\s+(?:the\s+)?",
                        fold(self.text[owner.end:sent.end]))
        state = next((m for m in self.in_sentence(sent, COUNTRY) if host and m.start == owner.end + host.end()), None)
        return state.key if state is not None and state.key != owner.key else None

    def _trained_object(self, sent: Sentence, trig: re.Match) -> str | None:
        """The country of whoever the training verb takes as its object, or as the subject of its
        passive ("Ukrainian crews were trained"): the trainee where no trainee noun says so."""
        actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY)]
        frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), actors)
        objects = [a for a in actors if frame.relation(a) in ("object", "passive", "qualifier:object", "qualifier:passive")
                   and self.country_of(a.key) and not _VISITED.search(self.text[max(sent.start, a.start - 20):a.start])]
        return self.country_of(objects[0].key) if objects else None

    def _trained_person(self, sent: Sentence, trig: re.Match) -> str | None:
        """`Lt X of the Moroccan Navy had earlier trained in the US`, `Cdr Y from Ghana trained at …`: a person
        who "trained", taking no object, was trained, as one of the state or body written right after the name."""
        tok = next((t for t in self.grammar.doc(sent) if t.idx == trig.start()), None)
        if tok is None or tok.lower_ != "trained" or any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in tok.children):
            return None
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        person = next((m for m in self.in_sentence(sent, PERSON) if subject is not None
                       and m.start <= sent.start + subject.idx < m.end), None)
        of = re.match(r",?\s+(?:of|from)\s+(?:the\s+)?", self.text[person.end:person.end + 12]) if person else None
        body = next((m for m in self.in_sentence(sent) if of and m.start == person.end + of.end()
                     and m.family in (COUNTRY, AGENCY)), None)
        if body is None or any(m.family == COUNTRY and body.end <= m.start < sent.start + trig.start()
                               for m in self.in_sentence(sent)):
            return None  # ("X of the US Army, who commanded troops in Iraq, trained at …": Iraq trains no one)
        # (not "as a specialist": one may train to become one)
        providers = "|".join(re.escape(p.removesuffix("s")) for p in patterns()["provider_nouns"] if p != "specialists")
        if re.search(rf"\bas\s+(?:an?\s+)?(?:[a-z-]+\s+)?(?:{providers})s?\b", fold(sent.text[trig.end():])):
            return None  # "trained in Ukraine as a military adviser": one who trained others there
        return self.country_of(body.key)

    def _personnel_they_were(self, sent: Sentence, before: str) -> str | None:
        """`Ugandan troops are preparing for Somalia. Over three months they have received training`: the one state
        whose personnel the sentence before (in the paragraph) was about, where the receivers are "they" or "the
        cadets"."""
        i = self._order.get(sent.start)
        # ("… After their first year the cadets will go to study in A and B": the trainees named as such again)
        # ("Another 12 cadets", "A further group of 12 officer cadets": more of them)
        named_again = re.search(rf"\b(?:they|(?P<noun>the|another|(?:a\s+)?further|the\s+(?:last|other))\s+(?:group\s+of\s+)?(?:\d+\s+)?"
                                rf"(?:[a-z-]+\s+)?(?:{trainee_alternation()}))\s+(?:[a-z]+\s+){{0,3}}$", before.split(",")[-1])
        # ("the cadets" open the next paragraph too: "… 50 Kazakh cadets enrolled." / "The cadets will go to study in A")
        if not named_again or not i or sent.paragraph - self.sentences[i - 1].paragraph > (1 if named_again.group("noun") else 0):
            return None
        earlier = self.sentences[i - 1]
        named = self.in_sentence(earlier, COUNTRY)
        states = {m.key for m in named if re.match(rf"\s+(?:[a-z-]+\s+)?(?:{trainee_alternation()})\b", fold(self.text[m.end:m.end + 40]))
                  or any(re.fullmatch(r"\s*(?:,|\s+and|\s+or)\s*", self.text[m.end:n.start]) for n in named if n.start > m.end)}
        return states.pop() if len(states) == 1 else None  # ("Kenyan and Ugandan troops … they": not one state)

    def _trainees_listed_after(self, sent: Sentence) -> bool:
        """`India and the US run a course for officers from 30 African states. This year it includes countries
        like Ghana and Malawi`, `… trains cadets from friendly nations. Countries such as Angola and Guyana sent
        students`: the states the next sentence lists are those trained."""
        awaited = self.trainees_awaited
        low = fold(sent.text)
        opener = _LISTED_TRAINEES.match(low)
        if awaited is not None and opener is None and UNNAMED_STATES.search(low) and not self.in_sentence(sent, COUNTRY) \
                and re.search(rf"\b(?:{trainee_alternation()})\b", low):
            # "In 2018, 48 cadets from 17 countries are studying there": the same trainees, still unnamed
            self.trainees_awaited = (awaited[0], sent, awaited[2])
            return False
        next_one = awaited is not None and self.sentences[self._order[sent.start] - 1] is awaited[1]
        between = [x for x in self.sentences if awaited is not None and awaited[1].end <= x.start and x.end <= sent.start]
        # ("The group, led by X, includes officers from 11 countries: A, …" in the paragraph after: the course's; "it",
        # "they" only of the sentence just before; after a course, only a roster of people: not "It includes A", nor
        # after another gathering told between: "On Tuesday a symposium opened in Rome")
        people = opener is not None and (opener.group("people") or opener.group("senders"))
        if awaited is None or opener is None or awaited[2] and not people \
                or not next_one and (opener.group("pronoun") or sent.paragraph - awaited[1].paragraph > 2
                                     or not people
                                     or any(GATHERING_NOUNS.search(fold(x.text)) for x in between)) \
                or re.search(r"\b(?:not|never|no|nor)\b", low):
            return False  # ("Countries such as A and B were not invited")
        self.trainees_awaited = None
        providers = awaited[0]
        listed = next((r for r in self._state_runs(self.in_sentence(sent, COUNTRY))
                       if re.fullmatch(rf"\s*(?:(?:countries|states|nations)\s+)?(?:{SOME_OF}\s+)?(?:(?:[\w-]+\s+){{0,2}}(?:{trainee_alternation()})\s+from\s+)?"
                                       rf"(?:(?:[\w-]+\s+){{0,2}}(?:allies|partners)\s+(?:of\s+[^,.;]{{1,40}}?)?,?\s+{SOME_OF}\s+)?"
                                       rf"(?:the\s+)?(?:(?:following\s+|\w+\s+)?(?:countries|states|nations)(?::\s*|\s*\(\s*))?(?:the\s+)?",
                                       low[opener.end():r[0].start - sent.start])), None)
        rest = low[listed[-1].end - sent.start:] if listed else ""
        if listed is None or not re.match(r"\s*\)?\s*(?:[,.;]|$|(?:this|last|next)\s+(?:year|month|week)\b|(?:have\s+|has\s+|also\s+)?"
                                          r"(?:sent|send|sends)\b|(?:are|were)\s+(?:among|represented)\b)", rest):
            return False  # ("It includes Ghana in its naval exercises": said of something else)
        trainees = self._distinct([m.key for m in listed if m.key not in providers])
        for provider in providers:
            for trainee in trainees:
                self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=provider, trainee=trainee))
        return bool(trainees)

    def _places_at_schools(self, sent: Sentence) -> None:
        """`India offered 50 places for Sri Lankan officers at its military academies`, `Two PNG cadets will attend a
        degree course at the Australian Defence Force Academy`: places at a state's schools, or a course attended at
        one, train whom they are for or who attends; students at a state's college from states not yet named await
        the sentence that names them."""
        low = fold(sent.text)
        places_at, attended_at = _places_and_courses()
        places = places_at.search(low)
        attend = None if places else attended_at.search(low)
        found = places or attend
        students = attend is not None and attend.group("students") is not None
        school = found and found.group("college" if students else "school")
        if found is None or re.search(r"\b(?:no|not|never)\b", low) or not re.search(
                r"\b(?:military|defen[cs]e|staff|war|naval|army|air\s+force|command|cadet|officers?|peacekeeping)\b",
                school):
            return  # ("No places … were offered"; "seats for students at American universities": no military school)
        at = lambda g: (sent.start + found.start(g), sent.start + found.end(g))
        (ws, we), (ss, se) = at("students" if students else "who"), at("college" if students else "school")
        if not places and not students and found.group("place"):
            se = sent.start + found.end("place")  # "held at the Regional Peacekeeping Centre in Guatemala": that state's
        if _STAFF.search(fold(self.text[ws:we])):
            return  # ("Instructors from France took part in the course": who teach it are not trained)
        if attend is not None and attend.group("direct") and not re.search(
                rf"\b(?:{trainee_forms()})\s+(?:will\s+|to\s+)?$", low[:attend.start("direct")]):
            return  # ("The Chief of Defence Staff will attend the Academy as guest of honour": trainees attend a school)
        trainees = self._distinct([m.key for m in self.in_sentence(sent, COUNTRY) if ws <= m.start and m.end <= we])
        # whose the schools are: a state or a body of one named in the school's words, else the subject who offers them
        owners = [self.country_of(m.key) for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY) and ss <= m.start < se]
        owners += [m.key for m in reversed(self.in_sentence(sent, COUNTRY)) if places and m.end <= sent.start + found.start()]
        provider = next((k for k in owners if k and k not in trainees), None)
        if provider and not trainees and students and _FROM_STATES.search(fold(self.text[ws:we])):
            self.trainees_awaited = ([provider], sent, False)  # "officers from several countries …": named next
        for trainee in trainees if provider else []:
            self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=provider, trainee=trainee))


# the words of a ceremony around a course: "took part in the graduation of the course"
_CEREMONY_WORDS = r"(?:graduation|ceremony|opening|closing|launch)\b"
# who teach or look on, not who learn: "Instructors from France and Belgium took part in the course"
_STAFF = re.compile(r"\b(?:instructors?|trainers?|teachers?|lecturers?|mentors?|ministers?|ambassadors?|attach[eé]s?|guests?)\b")


# states not named yet: "from several African countries", "from 11 nations"
_FROM_STATES = re.compile(r"\bfrom\s+(?:\w+\s+){1,3}?(?:countries|states|nations)\b")




# a graduation: "graduated from", and as Indian and British English also write it, "passed out from"; one who
# "studied at" a school is taught there too
GRADUATION = re.compile(r"\bgraduat|\bpass(?:ed|es|ing)?\s+out\b|\bstud(?:y|ies|ied|ying)\s+at\b|\beducated\s+at\b|\bcommissioned\s+from\b")


def graduation(trig: re.Match) -> bool:
    """Whether a training trigger says that someone graduated."""
    return GRADUATION.match(trig.group()) is not None

# trainees said to come from states the sentence does not name: "officers from 30 African states"
UNNAMED_STATES = re.compile(r"\b(?:from|representing)\s+(?:the\s+)?(?!united\s+states\b)(?:[\w-]+\s+){0,2}(?:nations|countries|states)\b(?![,:]?\s+"
                            + SOME_OF + r"|\s*\()")
# another gathering, after which a roster is its own: "a symposium opened in Rome"
GATHERING_NOUNS = re.compile(r"\b(?:symposium|conference|seminar|workshop|forum|summit|exercise|meeting|talks|visit)\b")
# a sentence that lists states right after one that trains personnel of states it does not name
_LISTED_TRAINEES = re.compile(r"(?:(?:this|last|next)\s+year,?\s+)?(?:(?:(?P<pronoun>it|they|these|those)|this\s+year['’]s\s+\w+|(?:the\s+)?"
                              r"(?:course|programme|program|(?:\d+\s+)?(?P<people>participants|students|trainees|cadets|officers|group|class|intake|cohort)))"
                              r"(?:,[^,.;]{1,80},|,?\s+who)?\s+"  # ("The group, led by Captain X, includes …", "The 16 officers, who come from")
                              r"(?:includes?|included|come\s+from|came\s+from|represents?|represented|are\s+from|were\s+from)"
                              rf"|(?:countries|states|nations)\s+{SOME_OF}|among\s+(?:them|these|those)\s+(?:are|were))\b"
                              # "A, B and C are among the countries that have sent students": a list of senders
                              r"|(?P<senders>(?=[^.;]{3,300}?\s(?:are|were)\s+among\s+the\s+(?:[\w-]+\s+)?(?:countries|states|nations)\s+"
                              r"(?:that|which)\s+(?:have\s+|had\s+)?sent\s+(?:[\w-]+\s+)?(?:students|cadets|officers|trainees|"
                              r"soldiers|personnel)\b))")


# what stands between "officers from" and the first state named: "the", or a count of states and the word
# that lists some of them ("from seven nations, including A, B and C"), or a bracket ("from six countries (A, B …)")
# (states said to be close to the school's: "from countries friendly to Pakistan, among them A")
OF_STATES = r"(?:nations|countries|states)(?:\s+(?:friendly|allied|close)\s+(?:to|with)\s+(?:the\s+)?[\w-]+)?"
# ("officers from the friendly countries of A, B and C")
# ("officers of 30 friendly countries, who come from A, B")
STATES_NAMED = (rf"(?:the\s+)?(?:(?:[\w-]+\s+){{0,2}}{OF_STATES}(?::\s+|[,:]?\s+{SOME_OF}\s+(?:the\s+)?|\s*\(\s*|\s+of\s+(?:the\s+)?"
                rf"|,?\s+(?:who|that)\s+(?:c[ao]me|hail(?:ed)?|are|were)\s+from\s+(?:the\s+)?))?")
# a count of people right before a state's "from" ("03 from Sri Lanka"): where they come from, not who trains them
# (not a year, "trained in 2023 from A", nor a count of trainers, "from instructors, 40 from A")
COUNTED_FROM = re.compile(r"^(?!.*\b(?:instructors|trainers|teachers|advis[eo]rs|mentors)\b).*(?<![\w.,])(?!(?:19|20)\d\d\b)\d{1,4}"
                           r"\s+(?:of\s+them\s+)?from\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}(?:nations|countries|states)\s+of\s+(?:the\s+)?)?$", re.S)
# before the training, only a count of states names some of them: "students from 39 countries, including A, were
# educated in X" (not "Soldiers from NATO countries, including A, trained", side by side)
COUNTED_STATES = rf"(?:the\s+)?(?:(?:\d[\d,]*|{alternation('number_words')})\s+(?:[\w-]+\s+)?{OF_STATES}[,:]?\s+{SOME_OF}\s+(?:the\s+)?)?"
# of graduates, "and" too: "officers from 11 African countries and the Republic of Korea" (of those trained, the state
# after "and" may begin a clause of its own: "… from partner countries and the United States provided the funding")
GRADUATES_NAMED = rf"(?:the\s+)?(?:(?:[\w-]+\s+){{0,2}}{OF_STATES}(?::\s+|[,:]?\s+{SOME_OF}\s+(?:the\s+)?|\s*\(\s*|\s+(?:and|of)\s+(?:the\s+)?))?"


@lru_cache(maxsize=1)
def _named_kit() -> re.Pattern:
    """Kinds of equipment spoken of as already named: "the boats", "these new systems"."""
    kinds = [k for k in kit_nouns() if k.endswith("s")] + ["equipment"]  # "the equipment" is the kit named
    plural = "|".join(sorted(map(re.escape, kinds), key=len, reverse=True))
    return re.compile(rf"\b(?:the|these|those|its|their)\s+(?:new\s+)?(?:{plural})\b")


# what a school a state runs is called
@lru_cache(maxsize=1)
def school_nouns() -> str:
    """The heads of a school's name (data/patterns.json `school_nouns`) as one alternation."""
    return alternation("school_nouns")


@lru_cache(maxsize=2)
def school_forms(places: bool = False) -> str:
    """The heads of a school's name (and with `places` what else one graduates from: data/patterns.json
    `graduation_places`) in both numbers ("academy", "academies"), as one alternation."""
    words = patterns()["school_nouns"] + (patterns()["graduation_places"] if places else [])
    return "|".join(sorted({re.escape(f) for w in words for f in number_forms(w)}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _places_and_courses() -> tuple[re.Pattern, re.Pattern]:
    """Places for someone at schools ("50 slots for Sri Lankan officers at its military academies"), a course someone
    attends or takes part in at one ("will attend a degree program at the X Academy", "took part in the course held at
    the Y Centre in Z": who (`who`), where (`school`) and in which place (`place`)), and students at one ("officers
    from several countries, now students at Zambia's staff college": `students`, `college`)."""
    schools = rf"(?:[\w'’-]+\s+){{0,4}}?(?:{school_forms()})\b"
    return (re.compile(rf"\b(?:seats|places|slots|vacancies|berths)\s+(?:[\w-]+\s+){{0,2}}?for\s+(?P<who>[^;]{{2,80}}?)"
                       rf"\s+(?:at|in)\s+(?P<school>{schools})"),
            re.compile(rf"(?P<who>^[^;]{{0,60}}?)\b(?:(?:attend\w*|(?:took|take|takes|taking)\s+part\s+in|participat\w*\s+in)\s+"
                       rf"(?:an?\s+|the\s+)?(?:(?!{_CEREMONY_WORDS})[\w-]+\s+){{0,3}}(?:course|courses|program|programme|degree)\b[^;]{{0,40}}?"
                       # ("Two Ghanaian cadets will attend the Royal Military Academy Sandhurst in the UK": the school itself,
                       # attended by trainees, not a guest)
                       rf"\bat\s+|(?P<direct>attend(?:s|ed|ing)?)\s+"
                       rf"(?=(?:the\s+)?(?:(?!{_CEREMONY_WORDS}|of\b)[\w'’-]+\s+){{0,4}}?(?:{school_forms()})\b))"
                       rf"(?P<school>(?:the\s+)?{schools}(?:\s+(?!in\b|at\b|on\b|of\b)[\w'’-]+)?)(?P<place>\s+in\s+[\w'’-]+(?:\s+[\w'’-]+){{0,2}})?"
                       # ("officers from several countries, now students at Zambia's staff college")
                       rf"|(?P<students>^[^;]{{0,80}}?),?\s+(?:now\s+)?(?:students|cadets|trainees)\s+(?:at|of)\s+"
                       rf"(?P<college>(?:the\s+)?(?:[\w'’-]+\s+){{0,7}}?(?:{school_forms()})\b)"))


@lru_cache(maxsize=1)
def trainee_forms() -> str:
    """The trainee nouns (data/patterns.json `trainee_nouns`) in both numbers ("cadet", "cadets"), as one alternation."""
    return "|".join(sorted({re.escape(f) for w in patterns()["trainee_nouns"] for f in number_forms(w)}, key=len, reverse=True))


@lru_cache(maxsize=1)
def trainee_alternation() -> str:
    """The trainee nouns (data/patterns.json `trainee_nouns`) as one alternation, longest first."""
    return alternation("trainee_nouns", longest_first=True)


# what follows a people written as a noun, not the noun it qualifies
_NOT_A_NOUN_AFTER = re.compile(r"\s*[^\w\s]|\s+(?:and|or|from|who|were|are|was|is|have|has|had|will|together|also|each|in|at|to|with|[a-z]+ed)\b")


# a state visited is a place, not those a course's officers train: "Officers of a British staff course visited Chile"
_VISITED = re.compile(r"\b(?:visit|visits|visited|visiting|tour|tours|toured|touring)\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def course_run_by() -> re.Pattern:
    """The end of "run by", "conducted by the" (data/patterns.json course_running_participles)."""
    return re.compile(rf"\b(?:{alternation('course_running_participles')})\s+by\s+(?:the\s+)?$")


# where, before a state: "in" (or with the places in it, `in_place`)
# ("trained in friendly countries, namely A, B": the first of the places named)
IN_STATE = re.compile(rf"\b(?:in|on|at)\s+(?:the\s+|an?\s+)?(?:(?:[\w-]+\s+){{0,2}}(?:countries|states|nations),?\s+{SOME_OF}\s+(?:the\s+)?)?$")


@lru_cache(maxsize=1)
def in_place() -> re.Pattern:
    """Where, before a state: "in Jaji, Kaduna State," (not a day or a month: "on Friday, Nigeria's attaché")."""
    when = "|".join(w.capitalize() for w in [*patterns()["weekdays"], *patterns()["months"]])
    place = rf"(?!(?:{when})\b)[A-Z][\w'’-]*"
    return re.compile(rf"\b(?:in|on|at)\s+(?:the\s+|an?\s+)?(?:{place}(?:\s+{place}){{0,2}},\s+){{0,2}}$")


def school_of_no_state(body: Entity | None) -> bool:
    """Whether a provider is a school the article ties to no state ("the Naval Academy"): one whose state it does not
    say trains no one named (an international body, "EUTM Mali", "the NATO Defense College", does)."""
    return body is not None and body.family == AGENCY and body.cls != "InternationalOrganization" \
        and body.country is None and body.facts.country is None \
        and re.search(rf"\b(?:{school_forms()})$", fold(body.name)) is not None
