"""People: names with evidence (titles known or by shape, honorifics, speech verbs); their titles and roles are read in
`person_roles.py`, references to people by title or surname in `references.py`."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import person_key
from ..candidates import GLUED_INITIALS, honorific_before_name, is_name_word, leading_honorifics, name_candidates, rank_lead, service_after_rank
from ..mentions import title_words
from ..model import AGENCY, COUNTRY, PERSON, Mention
from ..sentences import Sentence
from ..text import alternation, fold, patterns
from .person_roles import PersonRoles
from .person_shapes import (BRACKETED, PersonEvidence, DESCRIBED_BEFORE, DESCRIPTION, GOVERNMENT_AFTER, HEADED_BY, JOINED,
                            LEADS_AFTER, LISTED_BEFORE, TALKED_BETWEEN, TALKED_WITH, TALKS_AFTER, TITLE_TO_NAME,
                            lower_title_after, lower_title_before, with_counterpart)


class PeoplePasses(PersonRoles, PersonEvidence):
    """People: names with evidence (titles known or by shape, honorifics, speech verbs), roles, references."""

    def _surname_elsewhere(self, s: int, e: int) -> bool:
        """`Col Doe` after `Col Jean Doe`: the last word is a surname the article gives with a given name."""
        last = self.text[s:e].split()[-1]
        return any(m.start() != s for m in re.finditer(rf"\b[A-Z][\w-]+\s+{re.escape(last)}\b", self.text)
                   if m.group().split()[0].lower().rstrip(".") not in patterns()["honorifics"])

    def _people(self) -> None:
        """Names with evidence of being people: a title, an honorific, or a speech verb."""
        p = patterns()
        honorifics = set(p["honorifics"])
        counterparts = set(p["counterpart_cues"])
        people: list[tuple[int, int, Mention | None]] = []
        self._given_names_of_states(people)
        # twice: "Rustem Umierov and Hanno Pevkur": a name joined to a person found later is a person too
        for sent in self.sentences + self.sentences:
            roles = [(r.start, r.end) for r in self.roles if sent.start <= r.start < sent.end
                     and self.text[r.start:r.start + 1].isupper()]
            headline = sent is self.sentences[0] and sent.paragraph == 0
            for s, e in name_candidates(self.text, sent, self._blocked(sent.start, sent.end) + roles, roles):
                if headline and self.text.find(self.text[s:e], sent.end) < 0:
                    continue  # "Defence Chiefs Sign Pact": headline words name no one the body names
                # strip a leading country ("France Sebastien Lecornu")
                lead = next((m for m in self.near(s, s, pad=1) if m.family == COUNTRY and m.start == s), None)
                stripped_country = None
                joined = next((m for m in self.near(s, s) if m.family == COUNTRY and m.end == s - 1
                               and self.text[max(0, m.start - 4):m.start] == "and "), None)
                if joined is not None and lead is None:
                    stripped_country = joined
                elif lead is not None:
                    rest = self.text[lead.end:e].strip()
                    if len(rest.split()) < 2:
                        continue
                    stripped_country = lead
                    s = e - len(rest)
                if any(m.family == COUNTRY and s <= m.start and m.end <= e for m in self.near(s, e, pad=0)):
                    continue
                dotted = set(p["dotted_honorifics"])
                written = s
                if self.text[e:e + 1] == " " and self._person_starts_at(e + 1):
                    continue  # "Tan Sri Dato Sri Haji Jane Doe" once the name is found: the words before are hers
                if all(w.lower().rstrip(".") in honorifics for w in self.text[s:e].split()):
                    continue  # "Brig Gen": titles only
                while True:  # "Mr John Doe", "Datuk Seri John Doe": honorifics are evidence, not the name
                    words = self.text[s:e].split()
                    first = words[0]
                    if " ".join(words[:2]).lower() in honorifics and len(words) >= 4:
                        first = " ".join(words[:2])  # "Yang Mulia Dato' Seri Jane Doe": a two-word honorific
                    if " ".join(words[:3]).lower() in honorifics and len(words) >= 5:
                        first = " ".join(words[:3])  # "His Royal Highness Prince Jane Doe"
                    if (ranked := rank_lead(words, honorifics)) and len(words) > ranked + 1:
                        first = " ".join(words[:ranked])  # "Senior Lieutenant Jane Doe", "Chief Petty Officer Jane Doe"
                    undotted = first.lower() in dotted and self.text[s + len(first) - 1] != "." and \
                        self.text[s + len(first):s + len(first) + 1] != "."
                    # ("Brig.-Gen. Jane Doe", "Rear-Adm. Jane Doe": a rank of two abbreviated words)
                    compound = "-" in first and all(w.strip(".") in honorifics for w in first.lower().split("-"))
                    # ("Colonels Konjikovac and Jusic": a rank in the plural, before the surnames of two)
                    plural = first.endswith("s") and len(first) > 4 and first[:-1].lower() in honorifics
                    if first.lower().rstrip(".") not in honorifics and not ranked and not compound and not plural or (
                            undotted and len(self.text[s:e].split()) < 3 and not self._surname_elsewhere(s, e)
                            and s == written):
                        break  # "Gen Nakamura" is a name; "Col Jean Doe", "Maj Gen Jean Doe", "Lt Gen Doe" are titled
                    if len(self.text[s:e].split()) < 3:
                        s = -1  # "Mr Wallace": a reference, resolved with surnames ("Gen Nakamura" is a name)
                        break
                    s = next(i for i in range(s + len(first), e) if self.text[i] not in " .")
                titled = s != written  # "Almirante de Esquadra Jane Doe": honorifics stripped are evidence
                the = _AFTER_THE.search(self.text[max(0, written - 60):written])
                if not titled and the and not {w for w in the.group().split() if w[:1].isupper()} & title_words():
                    continue  # "Head of the Military Protocols and Public Relations": bodies after "the"
                if s >= 0 and not self.text[s:s + 1].isupper():
                    continue  # "Almirante de Esquadra": an honorific's own words, no name after them
                if s < 0 or re.search(r"[\"“”«](?:[A-Z][\w.]*\s+){0,3}$", self.text[max(0, written - 40):written]) and \
                        re.match(r"\s*[\"“”»]", self.text[e:e + 2]):
                    continue  # a quoted name names a base, a ship or an exercise: "General Emanoil Ionescu"
                if re.match(r"\s+(?:19|20)\d\d\b", self.text[e:e + 6]):
                    continue  # "Silver Arrow 2023": an exercise or an event named with its year
                if re.search(r"\w-in-[Cc]hief\b", self.text[s:e]):
                    continue  # "Flag Officer Commanding-in-Chief South": a command's title, no name
                tail = set(p["role_tail_words"])
                portfolio = s
                while len(self.text[s:e].split()) > 2 and (self.text[s:e].split()[0] in tail
                                                             or fold(self.text[s:e].split()[0]) in p["org_heads"]):
                    # "Minister for Defence Industry Jane Doe", "Director of National Intelligence Jane Doe"
                    s += len(self.text[s:e].split()[0]) + 1
                runs_on = self._title_goes_on(s) if len(self.text[s:e].split()) > 2 else None
                if runs_on is not None:
                    # "Minister for Defence Industry and Capability Delivery Jane Doe": the title's domain runs on
                    s = e - len(" ".join(self.text[s:e].split()[-2:]))
                    whole = self.text[runs_on.start:s].rstrip()
                    runs_on = Mention(runs_on.start, runs_on.start + len(whole), whole, runs_on.family,
                                      role=whole)  # the title as written: no table knows it
                last = self.text[s:e].split()[-1]
                if (last in p["offices_after_names"] or last in p["role_acronyms"]) and len(self.text[s:e].split()) >= 3 \
                        and (titled or self._role_before(s) is not None):
                    e -= len(last) + 1  # "Maj Gen Jane Mary Doe Commandant", "General Jane Doe COAS": her office after her name
                    last = self.text[s:e].split()[-1]
                if fold(last) in p["org_heads"] or last in title_words() and not self._surname_like_a_title(s, e) \
                        or fold(last) in p["place_heads"] \
                        or fold(" ".join(self.text[s:e].split()[-2:])) in p["place_heads"] \
                        or fold(self.text[s:e].split()[0]) in p["place_openers"]:
                    continue  # "Defence Facilities Agency", "Supreme Commander", "Bayan Palace", "Fort Polk": no person's name
                if any(fold(w) in p["strong_org_heads"] or fold(w) in p["place_heads"] for w in self.text[s:e].split()[1:-1]):
                    continue  # "Joint Force Command Norfolk", "Joint Base Pearl Harbor-Hickam": a body or a place named with its place
                known = self._person_ending_with(self.text[s:e])
                if known is not None:
                    ent = self.entities[known]
                    self.add(Mention(s, e, self.text[s:e], PERSON, source="alias"), PERSON, "Person", known)
                    continue
                # ("Minister-Counsellor Home Affairs Jane Doe": the title before the portfolio's words)
                after = self._role_after(e)
                role = self._role_before(s) or after or runs_on or self._role_before(portfolio)
                if after is not None and after.text[:1].isupper() and role.end <= s and all(
                        w in patterns()["rank_words"] for w in re.split(r"[\s-]+", role.text)):
                    role = after  # "Brigadier-General Jane Doe, Director-General of …": the office, not the rank
                prev_word = BRACKETED.sub("", self.text[max(0, s - 30):s]).split()[-1:] or [""]
                next_word = self.text[e:e + 20].split()[:1] or [""]
                counterpart = prev_word[0].lower().strip(",") in counterparts or bool(re.search(  # "her counterpart, Finland's X"
                    r"\bcounterparts?,\s+[A-Z][\w-]*['’]s\s+$", self.text[max(0, s - 40):s]))
                # "his counterparts from France, A, from Bulgaria, B, and from Armenia, C" (or "of France, A, …"): each named after a state
                from_state = next((m for m in self.near(s - 40, s, pad=0) if m.family == COUNTRY
                                   and re.fullmatch(r",\s+", self.text[m.end:s])
                                   and re.search(r"\bcounterparts\b[^.;]{0,160}\b(?:from|of)\s+(?:the\s+)?$", self.text[max(0, m.start - 180):m.start])), None)
                counterpart = counterpart or from_state is not None
                evidence = role is not None or prev_word[0].lower().rstrip(".") in honorifics or counterpart \
                    or titled or service_after_rank(self.text, s, honorifics) \
                    or (stripped_country is not None and people and people[-1][2] is not None) \
                    or next_word[0].strip(",.;:") in p["speech_verbs"] or _deed_after().match(self.text, e) \
                    or prev_word[0] in p["host_verbs"] or self._hosts_or_is_hosted(e) \
                    or prev_word[0].lower() == "said" and re.match(r"\s*(?:[,.;:]|$)", self.text[e:e + 2]) \
                    or prev_word[0].lower() == "and" and (self._person_ends_before(s - 5) or self._joined_past_a_title(s, e)) \
                    or next_word[0] == "and" and self._person_starts_at(e + 5) or self._and_known_person(s, e) \
                    or self._listed_with_people(s, e) or self._apposed_to_plural_title(s, e) \
                    or self._set_off_and_recognised(sent, s, e) \
                    or self._described_and_recognised(sent, s, e) \
                    or GLUED_INITIALS.fullmatch(self.text[s:e]) is not None  # ("V.N.Ivanov": initials, a family name)
                if not evidence or role is None and not titled and next_word[0].strip(",.;:") in p["source_verbs"]:
                    continue  # ("…, Sputnik Afrique reports."): an outlet cited, no person
                if role is not None and role.text in p["domain_title_heads"] and 0 <= s - role.end <= 1 \
                        and self.text[role.start - 2:role.start] == ", " and self._person_ends_before(role.start - 2):
                    continue  # "Richard Roe, Head Land Capability,": the domain of a title set off after a name
                if leading_honorifics(self.text[s:e].split(), honorifics) == len(self.text[s:e].split()):
                    continue  # "General Tan Sri Datuk Jane Doe": honorifics before a name are no name
                name = self.text[s:e]
                key = person_key(name)
                ent = self.add(Mention(s, e, name, PERSON, source="pattern"), PERSON, "Person", key, name)
                self._attach_role(ent, role, stripped_country, people)
                body = self._of_a_body(s, e) if ent.organization is None else None
                if body is not None and not re.match(r",\s+(?:formerly|previously)", self.text[e:e + 14]):
                    ent.organization = body.key  # "Airbus's Jean Morel", "Jean Morel of Airbus": Airbus's
                if from_state is not None and ent.country is None:
                    ent.country = from_state.key
                if counterpart and ent.country is None:
                    cue = self.text.rfind(prev_word[0], 0, s)
                    qualifier = self.country_ending_before(cue)
                    ent.country = qualifier.key if qualifier else None
                after = re.match(r",\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?=counterpart|colleague)", self.text[e:e + 60])
                if after and ent.country is None:  # "Jane Doe, his Australian counterpart"
                    qualifier = self.country_ending_before(e + after.end() - 1)
                    ent.country = qualifier.key if qualifier else None
                people.append((s, e, role))

    def _surnames_set_off_by_a_role(self) -> None:
        """`Turnbull, then Australia's Prime Minister, …`: one name set off by a comma before a state's
        title is a person (the full name where the article gives it)."""
        stop = set(patterns()["stop_capitalised"])
        for m in _ONE_NAME_SET_OFF.finditer(self.text):
            s, e = m.span(1)
            if m.group(1) in stop or m.group(1) in title_words() or not is_name_word(m.group(1)) \
                    or self.covered(s, e) or self.country_at(s, e):
                continue
            if re.search(r"[A-Z][\w'’-]*\s+$", self.text[max(0, s - 30):s]):
                continue  # "Ulan Bator, …": the last word of a longer name
            lead = _STATE_S_TITLE.match(self.text, e)
            role = next((r for r in self.roles if lead and r.start == lead.end()), None)
            if role is None or re.match(r",?\s+[A-Z]", self.text[role.end:role.end + 3]):
                continue  # "In Kyiv, Ukraine's President Jane Doe": the title is the next name's
            known = self._person_ending_with(m.group(1))
            ent = self.add(Mention(s, e, m.group(1), PERSON, source="alias" if known else "pattern"), PERSON, "Person",
                           known or person_key(m.group(1)), m.group(1))
            if known is None:
                self._attach_role(ent, role, None, [])

    def _title_goes_on(self, s: int) -> Mention | None:
        """The title whose domain a run of capitalised words at `s` continues after "and" or "&", or opens
        after "of" or "for" ("State Minister of Cabinet Affairs Jane Doe": a domain no table knows)."""
        heads = patterns()["portfolio_heads"]
        if re.search(r"\b(?:of|for)\s+(?:the\s+)?$", self.text[max(0, s - 9):s]):
            return next((r for r in self.roles if s - 12 <= r.end <= s and r.text.split()[-1] in heads
                         and re.fullmatch(r"\s+(?:of|for)\s+(?:the\s+)?", self.text[r.end:s])), None)
        if not re.search(r"(?:\band|&)\s+$", self.text[max(0, s - 6):s]):
            return None
        return next((r for r in self.roles if s - 60 <= r.end <= s and r.text.split()[0] in heads
                     and re.fullmatch(r"(?:\s+(?:[A-Z][\w'’-]*|of|the))*\s+(?:and|&)\s+", self.text[r.end:s])
                     and not self.covered(r.end, s, (PERSON, AGENCY, COUNTRY))), None)  # "Minister A and B C D": two

    def _set_off_and_recognised(self, sent: Sentence, s: int, e: int) -> bool:
        """`the Director of the Agency (AGY), Jane Doe,` / `Jane Doe, its head of communication,`: a
        name set off by commas after a title or before a description, which the statistical
        recogniser also takes for a person's name."""
        titled = any(sent.start <= r.start and r.end <= s and self.text[r.start:r.start + 1].isupper()
                     and TITLE_TO_NAME.fullmatch(self.text[r.end:s]) for r in self.roles)
        described = DESCRIPTION.match(self.text, e) is not None
        if not (titled or described):
            return False
        return any(ns <= s and ne == e and all(w[:1].isupper() for w in self.text[ns:s].split())
                   for ns, ne in self.grammar.people(sent))

    def _described_and_recognised(self, sent: Sentence, s: int, e: int) -> bool:
        """`the EU foreign policy chief Jane Doe`, `Jane Doe, additional secretary in the ministry,`,
        `said the envoy of the embassy, Jane Doe,`, `Jane Doe's government`, `Jane Doe's meeting with`, `the ministry headed by
        Jane Doe`, `held talks with Jane Doe`, `talks between Jane Doe and …`, `Jane Doe and her counterpart`: a
        name in a place where
        descriptions of people stand, which the statistical recogniser also takes for a person's name."""
        before, after = self.text[max(sent.start, s - 80):s], self.text[e:e + 80]
        described = DESCRIBED_BEFORE.search(before) and not LISTED_BEFORE.search(before)
        if not (lower_title_before().search(before) or lower_title_after().match(after)
                or described or HEADED_BY.search(before) or GOVERNMENT_AFTER.match(after) or LEADS_AFTER.match(after)
                or TALKS_AFTER.match(after) and not self._named_like_a_body(s, e)
                or (TALKED_WITH.search(before) or TALKED_BETWEEN.search(before) or with_counterpart().match(after)
                    and not re.search(r"\b(?:to|with|from|by|for|told|of)\s+$", before))  # ("Speaking to X after …")
                and not self._known_name(s, e) or self._of_a_body(s, e) is not None):
            return False
        return any(ns == s and ne == e for ns, ne in self.grammar.people(sent))

    def _of_a_body(self, s: int, e: int) -> Mention | None:
        """`Jean Morel of Airbus`, `Airbus's Jean Morel`, `Jean Morel, formerly at Airbus`: the body the
        article names that a name is said to be of."""
        before = re.search(r"['’]s\s+$", self.text[max(0, s - 3):s])
        return self._body_after(e) or next((m for m in self.near(s, e, pad=60) if m.family == AGENCY and before
                                            and m.end == s - len(before.group())), None)

    def _body_after(self, pos: int) -> Mention | None:
        """The body "of", "at" or "from" joins to what ends at `pos` ("… at Thales", "…, formerly at Airbus"),
        not a kind of force of no one in particular ("of the Armed Forces")."""
        return next((m for m in self.near(pos, pos, pad=60) if m.family == AGENCY and m.start > pos
                     and JOINED.fullmatch(self.text[pos:m.start]) and m.text not in patterns()["bare_forces"]), None)

    def _and_known_person(self, s: int, e: int) -> bool:
        """`Jane Doe and John Roe held talks`: a name joined by "and" to a full name the world data knows (not
        a place: "Jane Doe and Black Sea security")."""
        if fold(self.text[s:e]) in self.gaz.places or fold(self.text[s:e].split()[-1]) in patterns()["place_heads"]:
            return False
        if self.text[s - 5:s] == " and ":
            before = self.text[max(0, s - 60):s - 5]
            if any(g.end == len(before) and g.form.kind != "surname" for g in self.gaz.find_people(before)):
                return True
        after = self.text[e + 5:e + 65] if self.text[e:e + 5] == " and " else ""
        return any(g.start == 0 and g.form.kind != "surname" for g in self.gaz.find_people(after))

    def _known_name(self, s: int, e: int) -> bool:
        """Whether the world data knows the whole name at [s, e) (then it is found as that person)."""
        name = self.text[s:e]
        return any(g.start == 0 and g.end == len(name) for g in self.gaz.find_people(name))

    def _given_names_of_states(self, people: list) -> None:
        """`Defence Minister Israel Katz`, `Major Chad Sloane`, `his counterpart Israel Katz`: a state's one-word name after
        a title, an honorific or "counterpart" is a given name."""
        stop = set(patterns()["stop_capitalised"])
        ranks = [Mention(h.start(), h.end(), h.group(), "honorific") for h in honorific_before_name().finditer(self.text)
                 if not re.search(r"\b(?i:the|an?)\s+$", self.text[max(0, h.start() - 5):h.start()])]  # ("The Major Georgia Exercise")
        # ("met his Israeli counterpart Israel Katz": the word "counterpart" stands for the title)
        ranks += [Mention(c.start(), c.end(), c.group(), "honorific") for c in re.finditer(r"\bcounterpart,?", self.text)]
        for r in [r for r in self.roles if self.text[r.start:r.start + 1].isupper()] + ranks:
            c = next((m for m in self.near(r.end, r.end + 2, pad=0) if m.family == COUNTRY and m.start == r.end + 1
                      and " " not in m.text and m.text[:1].isupper()), None)
            after = re.match(r" ([A-Z][\w'’-]+)(?![\w'’-])(?! [A-Z])", self.text[c.end:c.end + 40]) if c else None
            if after is None or not is_name_word(after.group(1)) or after.group(1) in stop \
                    or self.covered(c.end + 1, c.end + after.end()):
                continue
            e = c.end + after.end()
            self.replace(c)
            ent = self.add(Mention(c.start, e, self.text[c.start:e], PERSON, source="pattern"), PERSON, "Person",
                           person_key(self.text[c.start:e]), self.text[c.start:e])
            if r.family != "honorific":  # (an honorific is no role)
                self._attach_role(ent, r, None, people)
            people.append((c.start, e, r if r.family != "honorific" else None))

    def _person_ending_with(self, name: str) -> str | None:
        """A person already named whose full name ends with `name` ("Lund Poulsen"), whose given
        name it is before a patronymic particle ("Prince Khalid" for Khalid bin Salman, "Minister
        Khaled" for Mohamed Khaled bin Nordin), or whose nickname it is ('Luiz Inácio "Lula" da Silva')."""
        folded = fold(name)
        particles = tuple(f" {p} " for p in patterns()["patronymic_particles"])
        nickname = re.compile(rf"[\"“]{re.escape(name)}[\"”]")
        for key, ent in self.entities.items():
            full = fold(ent.name)
            given = next((full.split(p)[0] for p in particles if p in full), None)  # "Mohamed Khaled" of "… bin Nordin"
            if ent.family == PERSON and full != folded and (
                    full.endswith(" " + folded) or given is not None and (given == folded or given.endswith(" " + folded))
                    or nickname.search(ent.name)):
                return key
        return None

# one capitalised name, then a comma: "Turnbull, then Australia's Prime Minister"
_ONE_NAME_SET_OFF = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=,\s)")
# what stands between that name and a state's title: ", then Australia's ", ", Japan's newly appointed "
_STATE_S_TITLE = re.compile(r",\s+(?:(?:then|now|former|current)\s+)?(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*['’]s\s+"
                            r"(?:[a-z]+\s+){0,2}")
# "the ", "the Military Protocols and ": a name after "the", or joined to one that is, names a body
_AFTER_THE = re.compile(r"(?<![\w-])the\s+(?:(?:[A-Z][\w'’-]*\s+){1,4}(?:and|&)\s+)?$")


@lru_cache(maxsize=1)
def _deed_after() -> re.Pattern:
    """What a person does, right after a bare name (data/patterns.json `deed_phrases`: "held talks", "paid a visit")."""
    return re.compile(rf"\s+(?:{alternation('deed_phrases')})\b")
