"""Who attends a meeting the article has told: people said to attend "the meeting" or "the talks",
listed under a lead or pictured, those who signed a document during a meeting, the leader of a delegation
named before, and those a meeting is said to be "between"."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ..clauses import reports_after
from ..grammar import span_head
from ..mentions import people_nouns
from ..model import COUNTRY, PERSON, Event
from ..sentences import Sentence, sentence_before
from ..text import alternation, fold, patterns, trigger_regex
from .dates import find_date


@lru_cache(maxsize=1)
def _attendee_lead() -> re.Pattern:
    """`The visiting delegations included:` before bullet lines naming who attends."""
    nouns = alternation("attendee_nouns")
    return re.compile(rf"\b(?:{nouns})\s+(?:also\s+)?(?:included|comprised|were)\s*:\s*$")


def honorific_then_name(after: str) -> bool:
    """`Lt Gen Sheikh Jane Doe`, `Lt Gen (ret.) M. Doe`: an honorific, or a retired rank's mark, and a name right after
    a title, which titles that name."""
    m = re.match(r" ([A-Z][\w'’]*)\.? [A-Z]", after)
    return m is not None and m.group(1).lower() in patterns()["honorifics"] or \
        re.match(r" \((?i:ret|retd|rtd|retired)\.?\) [A-Z]", after) is not None


# "…, according to Pentagon spokesman Navy Capt. Jane Doe", "conveyed greetings from President C": who the report or
# message comes from, or on whose behalf one acts, takes no part
SOURCE = re.compile(r"(?i:\baccording to\s+(?:[\w.'’-]+\s+){0,6}$)|\b(?i:on\s+behalf\s+of|(?:greetings|thanks|regards|wishes|"
                     r"condolences|congratulations)\s+(?:of|from)|(?:messages?|letter)\s+from)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,5}$")
# a meeting said to be between those named after it: "the meeting in Rabat between A and B"
_BETWEEN = re.compile(r"\b(?:meeting|talks|discussions|consultations|call|conversation)\s+(?:(?:in|at|on)\s+[^,;]{0,40}?\s)?between\s")
# who leads a delegation or a team: "a delegation led by X", "X led a delegation to …"
LED_BY = re.compile(r"\b(?:delegation|team|party|visitors),?\s+(?:headed|led)\s+by\s+(?:[\w.'’-]+\s+){0,6}$")
_LED = re.compile(r"[^.;]{0,30}?\s(?:led|headed)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,4}?(?:delegation|team)\b")


# what a meeting sentence may go on to that others are present at: "and then attended the change-of-command ceremony"
_ELSEWHERE = re.compile(r"\b(?:ceremony|ceremonies|wreath|parade|speech|addressed|inaugurat\w*|funeral|exhibition)\b")


class MeetingAttendees:
    """Attendees of meetings told before (mixed into the meeting rules), and who only reports one."""

    def _without_reporters_after(self, sent: Sentence, low: str, people: list[str]) -> list[str]:
        """`A held talks in Kyiv, spokesman C said`: who tells of the talks after them, in the third person,
        takes no part, unless also named in them ("…, said C, who also attended"; "Talks with A were
        constructive, B told reporters": one who tells of his own talks, where no spokesman)."""
        mentions = self.in_sentence(sent, PERSON)
        frame = self._meeting_frame(sent, low, mentions)
        told = [m for m in mentions if reports_after(self.grammar, sent, m, frame.trigger_start)
                and not re.match(r",\s+who\b", self.text[m.end:m.end + 6])]
        kept = [k for k in people if not any(m.key == k for m in told) or any(m.key == k and m not in told for m in mentions)]
        return kept if len(kept) >= 2 or all(self._reporter(m.key) for m in told) else people

    def _reporter(self, key: str) -> bool:
        """Whether a person's title is one who reports talks (data/patterns.json `reporter_roles`)."""
        roles = {fold(r) for r, _ in self.entities[key].roles} | {fold(self.entities[key].role or "")}
        # "Jane Doe, head of the ministry's public relations bureau,": the description set beside the name
        roles |= {fold(d.group(1)) for m in self.entities[key].mentions
                  if (d := re.match(r",\s+([^,.;]{3,120}),", self.text[m.end:m.end + 130]))}
        # "The Head of the Public Relations Bureau, Brigadier General Jane Doe,": the title set before it (not the
        # clause that tells of it: "A spokesman said that the Chief of the Air Staff, Air Marshal X,")
        told_that = re.compile(rf"\b(?:{alternation('speech_verbs')})\s+(?:that\s+)?")
        roles |= {fold(told_that.split(d.group(1))[-1]) for m in self.entities[key].mentions
                  if (d := re.search(r"(?:^|[.;]\s)([^.;]{3,120}),\s+(?:[A-Z][\w.-]*\s+){0,3}$", self.text[max(0, m.start - 130):m.start]))}
        return any(word in role for role in roles for word in patterns()["reporter_roles"])

    def _not_onlookers(self, sent: Sentence, people: list[str]) -> list[str]:
        """The people without those only present ("visited the headquarters of Acme in the presence of its chief
        executive B", "It will be signed in the presence of A and his counterpart B": they look on)."""
        low = fold(sent.text)
        if "presence of" not in low or _TALKS_HELD.search(low) and not _CEREMONY_HELD.search(low):
            return people  # ("A held talks with B in the presence of C", "A received B in the presence of C": C attends)
        doc = self.grammar.doc(sent)
        present = set()
        for m in self.in_sentence(sent, PERSON):
            head = span_head(doc, m.start - sent.start, m.end - sent.start)
            # (the phrase after "presence of", its appositions and conjuncts: not "In the presence of the
            # delegations, A met B", whose A and B are the clause's own)
            if head is not None and any(t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "presence"
                                        for t in [head, *head.ancestors]):
                present.add(m.key)
        return [k for k in people if k not in present]

    def _signing_date(self, sent: Sentence, low: str) -> date | str | None:
        """`During the meeting that preceded the signing`, `… reviewed the programme and then signed the contract`,
        `met before the ceremony`: the day of the last signing told (not "before the signing of a second
        agreement", nor a ceremony where the text told of another before the signing)."""
        cue = re.search(r"\b(?:preceded|before|ahead of|prior to)\s+the\s+(signing|signature|ceremony)\b"
                        r"(?!\s+of\s+(?:a|an|another)\b)|\bthen\s+signed\b", low)
        signed = next((e for e in reversed(self.events) if e.cls == "Agreement" and e.date), None)
        if cue is None or signed is None or cue.group(1) == "ceremony" and "ceremony" in fold(self.text[:signed.evidence.start]):
            return None
        return signed.date

    def _signed_at_meeting(self, sent: Sentence, low: str) -> bool:
        """`A signed an agreement with B. The signing took place during the bilateral meeting`: the
        people who signed the document told just before met."""
        if not _SIGNED_AT.search(low):
            return False
        earlier = [x for x in self.sentences if x.end <= sent.start][-3:]
        last = next((e for e in reversed(self.events) if e.cls == "Agreement"
                     and any(x.start == e.evidence.start for x in earlier)), None)
        if last is None:
            return False
        signers = list(dict.fromkeys(m.key for m in self.in_sentence(
            Sentence(last.evidence.start, last.evidence.end, last.evidence.text, sent.paragraph), PERSON)))
        if not 2 <= len(signers) <= 4:
            return False
        self.events.append(Event("Meeting", self.evidence(sent), confidence=0.5, participants=signers,
                                 date=self._date(sent)))
        return True

    def _delegation_leader(self, sent: Sentence, low: str) -> str | None:
        """`X led a delegation to Kathmandu. The team called on General B`: the leader, named in one of the four
        sentences before, of the delegation or team that is the sentence's subject."""
        subject = re.match(r"(?:[^,;]{0,40},\s+)?the\s+(?:[\w-]+\s+){0,2}?(?:delegation|team|visitors)\s+(?!of\b|from\b)", low)
        if subject is None or re.search(r"\b(?:new|next|another|second|third|other)\b", subject.group()):
            return None  # ("The new delegation met …": not the one led before)
        led = re.search(r"([\w'’]+)-led\s+(?:[\w-]+\s+)?(?:delegation|team)\b", subject.group())
        named = [k for k, e in self.entities.items() if e.family == PERSON and led is not None
                 and re.search(rf"(?:^|[\s-]){re.escape(led.group(1))}$", fold(e.name))]
        if len(named) == 1:  # "The Perera-led delegation met …", "the Haddad-led team": the one of that surname
            return named[0]
        # ("The Indian delegation met …" after "X led the Nepali team": the team of another state)
        whose = {m.key for m in self.in_sentence(sent, COUNTRY) if m.start < sent.start + subject.end()}
        for earlier in reversed([x for x in self.sentences if x.end <= sent.start][-4:]):
            for m in self.in_sentence(earlier, PERSON):
                if LED_BY.search(fold(self.text[max(earlier.start, m.start - 80):m.start])) or \
                        _LED.match(fold(self.text[m.end:m.end + 60])):
                    # ("A Kuwaiti delegation led by X …": the delegation's state says whose X is)
                    of = {c.key for c in self.in_sentence(earlier, COUNTRY) if m.start - 80 <= c.start < m.start
                          and re.match(r"(?:['’]s)?\s+(?:(?:sent|dispatched|led)\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,3}(?:delegation|team)\b",
                                       self.text[c.end:c.end + 60])}
                    return m.key if not whose or self.entities[m.key].country in whose or of & whose else None
        return None

    def _delegation_leader_after(self, sent: Sentence, low: str) -> str | None:
        """`A received a delegation from the college. The delegation, led by B, …`: the leader of the delegation
        met, named in the next sentence."""
        if not re.search(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:delegation|team)\s+(?:of|from)\b", low) or "led by" in low \
                or "headed by" in low:
            return None
        nxt = next((x for x in self.sentences if x.start >= sent.end), None)
        led = nxt and re.match(r"the\s+(?:[\w-]+\s+){0,2}?(?:delegation|team),?\s+(?:which\s+was\s+|was\s+)?(?:led|headed)\s+by\s+",
                               fold(nxt.text))
        if not led or nxt.paragraph - sent.paragraph > 1:
            return None
        # ("The Chinese delegation, led by X, is expected next month": another state's, not the one received)
        received = {m.key for m in self.in_sentence(sent, COUNTRY)}
        if received and any(m.start < nxt.start + led.end() and m.key not in received for m in self.in_sentence(nxt, COUNTRY)):
            return None
        return next((m.key for m in self.in_sentence(nxt, PERSON) if m.start >= nxt.start + led.end()), None)

    def _between_named(self, sent: Sentence, low: str, found: list[re.Match], speech: str, people: list[str]) -> list[str]:
        """`X's visit comes a week after the meeting between A and B`: only A and B meet, where the sentence has
        no meeting of its own before that one (a visit is none); where it has one ("A met B, days after talks
        between C and D"), C and D's is a meeting apart and the sentence's own is A's and B's."""
        between = _BETWEEN.search(low)
        if between is None:
            return people
        own = any(t.start() < between.start() and not t.group().startswith("visit") for t in found)
        # those named right after "between" (not "between the two delegations, which included X"), and not who
        # tells of it ("…, said General X")
        after = [m for m in self.in_sentence(sent, PERSON) if m.start >= sent.start + between.end()
                 and not re.search(rf"\b(?:{speech})\s+(?:[\w.'’-]+\s+){{0,3}}$", fold(self.text[max(sent.start, m.start - 40):m.start]))]
        if not after or re.search(r"\b(?:which|who|delegations|sides|teams|countries|nations|states)\b",
                                  fold(self.text[sent.start + between.end():after[0].start])):
            return people
        inside = list(dict.fromkeys(m.key for m in after))
        own = own and not all(k in inside for k in people)  # ("A met B; the talks between A and B …": told twice)
        if len(inside) < 2:
            return people
        if own:
            self.events.append(Event("Meeting", self.evidence(sent), confidence=0.5, participants=inside, date=None))
        return [k for k in people if (k in inside) != own]

    def _delegation_of(self, sent: Sentence, delegation: re.Match, last: Event) -> bool:
        """Whether "the … delegation" of a sentence is that of the meeting told just before: in the same or the
        next paragraph, led by no one named, and of the states of its people where it names any."""
        told = next((x for x in self.sentences if x.start == last.evidence.start), None)
        states = {self.country_of(m.key) for m in self.in_sentence(sent, COUNTRY)
                  if sent.start + delegation.start() <= m.start < sent.start + delegation.end()}
        return told is not None and sent.paragraph - told.paragraph <= 1 and "led by" not in fold(sent.text) \
            and (not states or bool(states & {self.country_of(k) for k in last.participants}))

    def _accompanies_last_meeting(self, sent: Sentence, low: str) -> bool:
        """`Air Commodore Jane Doe travelled with Roe`: who accompanies a participant of the meeting told last
        (data/patterns.json `accompany_cues`) joins that meeting, and meets no one of their own party."""
        cues = alternation("accompany_cues")
        last = next((e for e in reversed(self.events) if e.cls == "Meeting"), None)
        people = list(dict.fromkeys(m.key for m in self.in_sentence(sent, PERSON)))
        # ("The State Minister was accompanied at the meeting by X": a participant told by title, the meeting by "the")
        told = set(people) & set(last.participants) if last is not None else set()
        if last is None or not re.search(rf"\b(?:{cues})\b", low) or not told and not re.search(
                r"\baccompanied\s+(?:at|in|during)\s+the\s+(?:meeting|talks)\s+by\b", low) \
                and not self._participant_by_title(sent, last):
            return False  # ("The Indian envoy was accompanied by A and B": a participant told by title)
        if len(people) > 2 or any(t.group().strip() != "visit" and not re.search(r"\b(?:the|that)\s+$", low[:t.start()])
                                  for t in trigger_regex("meeting_triggers").finditer(low)):
            # ("Doe, accompanied by Poe, met Zed": a meeting of its own; "who is here on a visit": the trip;
            # "was accompanied at the meeting by Poe": the meeting told)
            return False
        before = [x for x in self.sentences if x.end <= sent.start]
        if not before or before[-1].start != last.evidence.start or find_date(sent.text, self.published) is not None:
            return False  # (only right after the meeting, on no day of its own: "On Tuesday, Doe travelled with …")
        last.participants += [k for k in people if k not in last.participants]
        return True

    def _participant_by_title(self, sent: Sentence, last: Event) -> bool:
        """`The Indian envoy was accompanied by A and B`: the sentence opens on one named by a title alone, of the state
        of a participant of the meeting told last where it names one, and at no separate event."""
        titled = _titled_one_accompanied().match(sent.text)
        if titled is None or re.search(r"\bseparate\b", fold(sent.text)):
            return False
        states = {self.country_of(m.key) for m in self.in_sentence(sent) if m.start < sent.start + titled.end()}
        return not states - {None} or bool(states & {self.country_of(k) for k in last.participants})

    def _attendees_of_last_meeting(self, sent: Sentence, low: str) -> bool:
        """`X also attended the meeting.`: people who attended "the meeting" or "the talks" join the
        meeting the article reported last rather than make a new one."""
        # "Pictured from left: A, B and C" under a gathering: those pictured attend it
        pictured = self.gathering is not None and _PICTURED.match(sent.text) is not None
        # "The visiting delegations included:" and a bulleted line per person: those listed attend it
        if _attendee_lead().search(low):
            self.attendee_list = -1
            return any(e.cls == "Meeting" for e in self.events)
        listed = self.attendee_list is not None and (
            re.match(r"\s*[•·*–-]\s", sent.text) is not None or sent.paragraph == self.attendee_list)
        self.attendee_list = sent.paragraph if listed else None
        # ("also arrived to attend the session", "headed the Slovak delegation at the session")
        attended = re.search(r"\b(?:attended|(?:arrived|came|travell?ed|flew)\s+(?:[a-z]+\s+){0,3}?to\s+attend|joined|took part in|participated in"
                             r"|(?:was|were)\s+(?:also\s+)?present\s+(?:at|during)"
                             r"|(?:headed|led)\s+(?:the|his|her)\s+(?:[\w-]+\s+){0,2}delegation\s+(?:at|to))\s+"
                             r"(?:(?:all|both|each|every\s+one|any)\s+of\s+)?(?:(?:the|these|those)\s+(?:[\w'’-]+\s+){0,2}|this\s+)"
                             r"(?P<noun>meetings?|talks|sessions?|discussions?|summit|reception)\b", low)
        # ("X, who chaired the meeting, delivered a speech": the chair of the meeting told, nothing said after it)
        attended = attended or re.search(r"\bwho\s+(?:co-)?(?:chaired|presided\s+over)\s+the\s+(?P<noun>meeting|talks|session)(?=[,.;])", low)
        # "X was also present at the meetings": each of the meetings told
        each = attended is not None and attended.group("noun") in ("meetings", "sessions", "discussions")
        if self._accompanies_last_meeting(sent, low):
            return True
        # "… began the 21st Bilateral Staff Meeting. The opening ceremony was presided over by A and B": the talks' hosts
        opening = self.gathering is not None and not any(e.cls == "Meeting" for e in self.events) \
            and re.search(r"\b(?:representatives|delegations)\b", fold(self.gathering[1].text)) and re.search(
            r"\b(?:opening|closing)\s+(?:ceremony|session)\s+(?:was|were)\s+(?:presided\s+over|chaired|led)\s+by\b", low)
        # "Also present were A and B." right after the meeting: no noun names what they were present at
        # "Heading the delegations were, for the A side, X, and for the B side, Y": talks of the delegations they head
        heads = re.match(r"(?:heading|leading)\s+the\s+(?:two\s+|both\s+|respective\s+)?delegations\s+(?:was|were)\b", low) is not None
        # ("Those in attendance included A and B", "Among those present were A and B")
        bare = re.match(r"(?:also\s+)?(?:present|in\s+attendance)(?:\s+(?:also|too|as\s+well))?\s+(?:was|were)\b"
                        r"|(?:among\s+)?(?:those|others)\s+(?:also\s+)?(?:present|in\s+attendance)\s+(?:included|include|were)\b", low) is not None
        if not pictured and not listed and not opening and not listed and attended is None and not re.search(
                         # ("The meeting and the signing were attended by X")
                         # ("The meeting, at which relations were discussed, was also attended by X")
                         r"\b(?:meeting|talks|sessions?|discussions|summit)(?:\s+and\s+the\s+[a-z-]+)?(?:,\s+(?:(?:at|in|during)\s+which|held\s+(?:at|in|on))\s+[^;]{1,120}?,)?"
                         r"\s+(?:was|were)\s+(?:also\s+)?"
                         r"(?:chaired|attended|headed|led|hosted|opened)\s+by\b"
                         # "The meeting took place at the headquarters and was attended by X"
                         r"|\b(?:meeting|talks)\s+(?:took\s+place|was\s+held|were\s+held)\b[^.;]{0,80}?\band\s+(?:was|were)\s+"
                         r"(?:also\s+)?attended\s+by\b"
                         # "In the meeting, which was also attended by X, the two sides …"
                         r"|^(?:in|at|during)\s+the\s+(?:meeting|talks),\s+which\s+(?:was|were)\s+(?:also\s+)?attended\s+by\b"
                         # "Present at the talks were A and B", "Also at the talks were A and B"
                         # ("Present at this meeting, alongside the Czech delegation, were A and B")
                         r"|\b(?:present\s+at|attending|taking\s+part\s+in|participating\s+in)\s+(?:(?:the|these)\s+(?:[\w'’-]+\s+){0,2}|this\s+)"
                         r"(?:meetings?|talks|sessions?|discussions?|visit)\b(?:,[^.;:,]{1,60},)?[^.;:,]{0,80}?\s(?:was|were)\b"

                         r"|^(?:also\s+)?at\s+(?:(?:the|these)\s+(?:[\w'’-]+\s+){0,2}|this\s+)(?:meetings?|talks|sessions?|discussions?)"
                         r"\s+(?:was|were)\b", low) and not bare and not heads:
            return False
        # (not who is named in the aside: "The meeting, at which a message from President X was read, was attended by")
        aside = _MEETING_ASIDE.search(low)
        joining = [m.key for m in self.in_sentence(sent, PERSON)
                   if aside is None or not sent.start + aside.start() <= m.start < sent.start + aside.end()]
        last = next((e for e in reversed(self.events) if e.cls == "Meeting"), None)
        before = sentence_before(self.sentences, sent)
        if (bare or heads) and (last is None or before is None or before.start != last.evidence.start
                                or _ELSEWHERE.search(fold(before.text))):
            # (those "also present" join the meeting told right before only, not a ceremony it went on to; delegations
            # "heading" talks the sentence before tells without naming them make a meeting of their own, and none else)
            last = None
            if bare or before is None or not trigger_regex("meeting_triggers").search(fold(before.text)):
                return False
        if last is None and self.gathering is not None and joining:
            # the gathering one person (or no one) was said to attend becomes a meeting once others join it
            one, where = self.gathering
            if one is None and len(set(joining)) < 2:
                return False
            last = Event("Meeting", self.evidence(where), confidence=0.5, participants=[one] if one else [],
                         date=self._date(where))
            self.events.append(last)
        if last is None and heads and len(set(joining)) >= 2:
            last = Event("Meeting", self.evidence(sent), confidence=0.5, participants=[], date=self._date(sent))
            self.events.append(last)
        if last is None:
            return False
        for meeting in [e for e in self.events if e.cls == "Meeting" and e.evidence == last.evidence] if each else [last]:
            meeting.participants += [k for k in joining if k not in meeting.participants]
        return True

    def _thing_met(self, sent: Sentence, low: str) -> bool:
        """`Meeting the deadline set by President X, the minister …`, `met its targets`, `the two countries … to meet
        security challenges together`: where every word for
        meeting in the sentence is the verb "meet" and its object is a thing (no noun for people or a group of
        them, `_people_nouns`, and no person or title in the object's phrase, clauses hanging on it left
        aside), nobody meets anyone."""
        found = list(trigger_regex("meeting_triggers").finditer(low))
        if not found or any(t.group() not in ("meet", "meets", "met", "meeting")
                                                                  for t in found) or any(
                re.match(r"\s+(?:with\s+|his\s+|her\s+|their\s+)?[A-Z]", sent.text[t.end():])
                or re.search(r"\b(?:the|a|an|this|that|its|his|her|their|bilateral|first|next)\s+$", low[:t.start()])
                for t in found):
            return False  # ("met General X", "met with Ana Ruiz": a person; parsed only when a thing may be met)
        doc = self.grammar.doc(sent)
        named = [(m.start - sent.start, m.end - sent.start) for m in self.in_sentence(sent, PERSON)] + \
            [(r.start - sent.start, r.end - sent.start) for r in self.roles if sent.start <= r.start < sent.end]
        for t in found:
            verb = next((x for x in doc if x.idx == t.start()), None)
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb is not None else None
            if obj is None or obj.pos_ != "NOUN" or obj.lower_ in people_nouns():
                return False  # ("met Ugandan officials led by X", "the Polish side, headed by X": people)
            clauses = {y.i for c in obj.subtree if c.dep_ in ("acl", "relcl") and c.i != obj.i for y in c.subtree}
            phrase = [x for x in obj.subtree if x.i not in clauses]
            if any(a < x.idx + len(x) and x.idx < b for x in phrase for a, b in named):
                return False
        return True


# a photo caption's list of people: "Pictured from left: …", "(L-R): …"
_PICTURED = re.compile(r"\s*(?:pictured|photographed|seen)\b[^:]{0,30}:|\s*\(?(?:l-r|from left)\)?\s*:", re.IGNORECASE)

# "The signing took place this morning in the course of the bilateral meeting"
_SIGNED_AT = re.compile(r"\bsigning\b[^.;]*?\b(?:took place|was held|came|happened)\b[^.;]*?\b(?:during|in the course of|"
                        r"at|on the sidelines of|on the margins of|after|following)\s+(?:the|their)\s+(?:[\w-]+\s+)?"
                        r"(?:meeting|talks)\b")


# talks said to be held, which those present at attend
# a ceremony or a handover, where those present look on whoever received or hosted it
_CEREMONY_HELD = re.compile(r"\b(?:ceremony|ceremonies|handover|hand-over|handed\s+over)\b")
_TALKS_HELD = re.compile(r"\b(?:met|meets|meet|talks|meeting|discussed|discussions|received|receives|hosted|hosts|called\s+on"
                         r"|courtesy\s+call)\b")


@lru_cache(maxsize=1)
def _titled_one_accompanied() -> re.Pattern:
    """A sentence about one named by a title alone who was accompanied: "The Indian envoy was accompanied by"
    (data/patterns.json `title_shape` heads)."""
    heads = "|".join(sorted(map(re.escape, patterns()["title_shape"]["heads"]), key=len, reverse=True))
    return re.compile(rf"The\s+(?:[\w-]+\s+){{0,3}}?(?i:{heads}|visitor|guest)\s+(?:was|were)\s+(?:also\s+)?accompanied\s+by\b")


# an aside on a meeting before who attended it: ", at which relations were discussed,", ", held at headquarters,"
_MEETING_ASIDE = re.compile(r",\s+(?:(?:at|in|during)\s+which|held\s+(?:at|in|on))\s+[^;]{1,120}?,")
