"""Organisations: unknown ones by their head noun; names that end another's (companies: companies.py)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..gazetteer import agency_key
from ..candidates import chunk_candidates
from ..mentions import head_regex
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, EntityFacts, Mention
from ..text import alternation, fold, patterns


# "Government of Mauritius", "Government of the Federal Republic of Nigeria": a state named by its government
_GOVERNMENT_OF = re.compile(r"Government\s+of\s+(?P<of>(?:the\s+)?)(?:(?:[A-Z][\w'’]*\s+){0,3}"
                            r"(?:Republic|Kingdom|State|Federation|Sultanate|Emirate|Commonwealth|Principality)\s+of\s+"
                            r"(?:the\s+)?)?")


class OrganisationPasses:
    """Organisations: unknown ones by their head noun; names that end another's."""

    def _organisations_by_head(self) -> None:
        heads = {k: v for k, v in patterns()["org_heads"].items() if not k.startswith("_")}
        strong = set(patterns()["strong_org_heads"])
        heads.setdefault("government", "OtherOrganization")
        outlets = tuple(" " + fold(w) for w in patterns()["outlet_words"])
        for sent in self.sentences:
            chunks = chunk_candidates(self.text, sent)
            while chunks:
                s, e = self._trim_chunk(*chunks.pop(0))
                cut = self._without_known_partner(s, e)
                if cut[1] < e and not self.covered(cut[1], e):
                    chunks.insert(0, (cut[1] + len(" and "), e))  # the state's body after "and" is a name too
                s, e = cut
                e = self._with_country_of(e)
                words = self.text[s:e].split()
                if self._unit_of_known_body(s, e, strong):
                    continue
                if len(words) < 2 or self.covered(s, e) or any(s < r.end and r.start < e and not _after_of(r, s)
                                                               for r in self.roles):
                    continue  # ("Commander of the Southern Command": the body a title is of is named)
                low = fold(self.text[s:e])
                # "Philippine News Agency", "the News Agency of Nigeria": an outlet cited as a source; "the 20th International …":
                # an event's edition
                if (" " + re.sub(r" of (?:the )?[^,;]+$", "", low)).endswith(outlets) \
                        or re.match(r"\d+(?:st|nd|rd|th) (?:international|annual)\b", low):
                    continue
                pair = re.match(r"(.+?\b(?:" + alternation("strong_org_heads") + r") (?:of|for) .+?) and (.+)$", low)
                # "Alfa Works Ltd and Borva Systems Inc": a company's legal form ends its name, another follows
                pair = pair or re.match(rf"(.+?\b(?:{'|'.join(re.escape(fold(x)) for x in patterns()['company_suffixes'])})\.?) and (.+)$", low)
                if pair and (pair.group(2).split()[-1] in heads or fold(words[-1]) in map(fold, patterns()["company_suffixes"])):
                    chunks.insert(0, (s + len(pair.group(1)) + len(" and "), e))  # "the University of X and Acme Sdn Bhd": two
                    e = s + len(pair.group(1))
                    words, low = self.text[s:e].split(), pair.group(1)
                # ("Nigeria Customs Service": any head after a state's name and a word of its own, not
                # after a body's own head: "Ghana Army Headquarters" is the army's)
                # ("Russia's Federal Drug Control Service": a state's, written before it, likewise)
                led = len(words) >= 3 and (self.country_at(s, s + len(words[0])) is not None
                                           or self.country_ending_before(s) is not None) \
                    and fold(words[-2]) not in strong \
                    and not any(m.family == AGENCY and m.start < e and s < m.end for m in self.near(s, e, pad=0))
                # "Ministry for Strategic Industries": the head before "of"/"for" says what it is, not the last word
                first_head = re.match(r"(?:\w+\s+){0,2}?(" + alternation("strong_org_heads") + r") (?:of|for) ", low)
                if first_head and (words[-1].rstrip(".,") in patterns()["company_suffixes"] or re.match(
                        r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group)\b", self.text[e:e + 50])):
                    first_head = None  # "the Office for Defence Exports Ltd", "…, a Slovak company": a company
                head = first_head.group(1) if first_head and first_head.group(1) in heads else next(
                    (h for h in sorted(heads, key=len, reverse=True) if low.endswith(" " + h) and (h in strong or led)), None)
                if head in patterns()["weak_org_heads"] and len(words) < 3:
                    continue  # "Oval Office": a weak head names an organisation only in a longer name
                if head in ("hospital", "assembly") and (
                        re.search(r"\b(?:an?|one|two|three|four|five|\d+)\s+(?:[a-z-]+\s+){1,2}$", self.text[max(0, s - 30):s])
                        or re.match(r"\s+(?:plant|line|lines|facility|factory|unit|units|hall|shop|site|building)\b",
                                    self.text[e:e + 14])):
                    continue  # "a mobile Military Hospital", "a Vehicle Assembly plant": a thing or a place, not a body
                opener = patterns()["org_openers"].get(low.split()[0])
                if head is None and opener is not None and (not words[1][:1].islower() or words[1] in _ROMANCE_OF):
                    # "Comando Logístico", "Gendarmerie Nationale": a body whose name opens with its head noun
                    self.add(Mention(s, e, self.text[s:e], AGENCY, source="context"), AGENCY, opener,
                             agency_key(self.text[s:e]), self.text[s:e], facts=EntityFacts(country=self._country_in(s, e)))
                    continue
                if head is None:
                    # "General Staff of the Armed Forces of Ukraine", "Centre for Defence Investment": a head before "of"/"for"
                    m = re.match(r"(.*?\b(" + alternation("strong_org_heads") + r"))\b (?:of|for) \b", low)
                    if not m:
                        continue
                    head = m.group(2)
                if low.split()[0] in {"minister", "president", "secretary", "chancellor"}:
                    continue
                name = self.text[s:e]
                known = self.gaz.without_country.get(fold(name), [])
                qualifier = self.country_ending_before(s) if len(known) == 1 else None  # "Kenya's Defence Forces": Kenya's
                entry = known[0] if len(known) == 1 and (qualifier is None or qualifier.key == known[0].facts.country) \
                    and any(m.family == COUNTRY and m.key == known[0].facts.country for m in self.mentions) else None
                if entry is not None:  # "the Ministry for Strategic Industries" of a Ukrainian story, known with "of Ukraine"
                    self.add(Mention(s, e, name, AGENCY, source="gazetteer"), AGENCY, entry.cls, entry.key, entry=entry)
                    continue
                longer = next((k for k, x in self.entities.items() if x.family == AGENCY
                               and fold(x.name).endswith(" " + fold(name))), None)
                if longer is not None:
                    self.add(Mention(s, e, name, AGENCY, source="alias"), AGENCY, self.entities[longer].cls, longer)
                    continue
                # a run that starts with a sentence-initial non-name ("Under Operation...")
                first = words[0]
                if first in patterns()["stop_capitalised"] and self.country_at(s, s + len(first)) is None \
                        and first not in {"Federal", "Defence", "Defense", "European"} and fold(first) != head \
                        and not re.search(r"[a-z]", self.text[sent.start:s]):
                    continue
                self.add(Mention(s, e, name, AGENCY, source="context"), AGENCY, heads[head],
                         self._government_of_state(s, e) or agency_key(name), name,
                         facts=EntityFacts(country=self._country_in(s, e) or self._owner_country(s, e, head)
                                           or self._place_first(name)))

    def _unit_of_known_body(self, s: int, e: int, strong: set[str]) -> bool:
        """`the Finnish Defence Forces Logistics Command`: a known body's name, then capitalised words
        ending in a body's head, names a unit of that body (its parent)."""
        inner = [m for m in self.near(s, e, pad=0) if m.family == AGENCY and s <= m.start and m.end < e]
        if len(inner) != 1 or self.covered(inner[0].end, e) or inner[0].source != "gazetteer":
            return False
        rest = self.text[inner[0].end:e].split()
        suffixes = {fold(x.rstrip(".")) for x in patterns()["company_suffixes"]}
        if not rest or len(rest) > 3 or fold(rest[-1]) not in strong or not all(w[:1].isupper() for w in rest) \
                or fold(rest[-1].rstrip(".")) in suffixes or self.covered(s, inner[0].start):  # "Boeing Ltd": the company
            return False
        known = self.entities[inner[0].key]
        start = inner[0].start
        name = self.text[start:e]
        self.replace(inner[0])
        unit = self.add(Mention(start, e, name, AGENCY, source="context"), AGENCY, known.cls, agency_key(name), name,
                        facts=EntityFacts(country=known.facts.country or known.country, parent=known.key))
        unit.parent = known.key  # (finalize adds it from the gazetteer where the article names it no more)
        return True

    def _without_known_partner(self, s: int, e: int) -> tuple[int, int]:
        """`the Government of Qatar and BAE Systems`: a run cut before "and" and a name already known or a
        state's name."""
        for m in re.finditer(r" and ", self.text[s:e]):
            if self.covered(s + m.end(), e) or any(c.family == COUNTRY and c.start == s + m.end()
                                                   for c in self.near(s + m.end(), s + m.end() + 1, pad=0)):
                return s, s + m.start()  # ("the Nigeria Customs Service and Nigeria Immigration Service")
        return s, e

    def _owner_country(self, s: int, e: int, head: str) -> str | None:
        """`the U.S. Army's Noncommissioned Officers Academy`, `the X Institute, a U.S. Army school`: the state
        of the body whose school it is ("the X Academy of the Brazilian Army": `_bodies_of_bodies`)."""
        if head not in patterns()["school_nouns"]:
            return None
        owner = next((m for m in self.near(s - 80, s, pad=0) if m.family == AGENCY
                      and re.fullmatch(r"['’]s\s", self.text[m.end:s])), None)
        if owner is not None:
            return self.entities[owner.key].facts.country
        schools = alternation("school_nouns")
        said = next((m for m in self.near(e, e + 60, pad=0) if m.family in (AGENCY, COUNTRY)
                     and re.fullmatch(r",\s+(?:a|an|the)\s+", self.text[e:m.start])
                     and re.match(rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,2}}?(?i:{schools})\b", self.text[m.end:m.end + 40])), None)
        if said is None:
            return None  # ("the X Institute, a U.S. Army school": said of it in apposition)
        return said.key if said.family == COUNTRY else self.entities[said.key].facts.country

    def _place_first(self, name: str) -> str | None:
        """`the Arizona National Guard`, `the Ankara Tank Production Facility`: a body named first by a region of one
        state (data/places.csv) or its capital is that state's; not one of several states named for where it meets
        or sits (data/patterns.json `meeting_place_heads`: "the Accra Initiative", "the Tallinn Mechanism")."""
        words = re.sub(r"^(?:the|The)\s+", "", name).split()
        shared = fold(words[-1]) in patterns()["meeting_place_heads"]
        places = self.gaz.regions if shared else self.gaz.places
        return next((places[fold(" ".join(words[:n]))] for n in (2, 1)
                     if len(words) > n and fold(" ".join(words[:n])) in places), None)

    def _government_of_state(self, s: int, e: int) -> str | None:
        """`the Government of the Republic of Mauritius`: the key of the government of a state, however
        the state is written (one body, one party)."""
        opening = _GOVERNMENT_OF.match(self.text, s, e)
        country = opening and (self.country_at(opening.end(), e) or self.country_at(opening.end("of"), e))
        return agency_key("Government of " + self.entities[country.key].name) if country else None

    def _with_country_of(self, e: int) -> int:
        """`Ministry of Economy and Innovation of the Republic of Lithuania`: the country it is of, kept."""
        m = re.match(r" of (?:the )?", self.text[e:e + 8])
        if m is None:
            return e
        country = next((c for c in self.near(e + m.end(), e + m.end() + 1, pad=0)
                        if c.family == COUNTRY and c.start == e + m.end()), None)
        if country is None or country.source == "demonym":
            return e  # "Commission of the Mexican Senate": an adjective, the name goes on past it
        return country.end

    def _merge_partial_names(self) -> None:
        """Shorter names of another's: an organisation or system named by the end of another's name
        ("Peace Facility"), a company by its name without the word that says it is one ("Benha Electronics"
        of "Benha Electronics Industries"), a system by its designation without its own name ("ASV M1117"
        of "ASV M1117 Guardián"), a ship by its class ("the Guardian patrol boats", "Guardian class"), and a
        class named after its first ship, are that one."""
        classes = [fold(c) for c in patterns()["class_suffix"]]
        for key, ent in list(self.entities.items()):
            if ent.family not in (AGENCY, EQUIPMENT) or ent.gazetteer:
                continue
            folded = fold(ent.name)
            named_class = {folded + c for c in classes} if ent.cls == "Ship" else set()
            # "the Jane Doe class frigates" beside "BRP Jane Doe": a class named after its first ship
            first_ship = next((folded[:-len(c)] for c in classes if ent.cls == "Ship" and folded.endswith(c)), None)
            longer = next((k for k, x in self.entities.items() if k != key and x.family == ent.family
                           and any(fold(a).endswith(" " + folded) or fold(a) in named_class
                                   or first_ship and fold(a).endswith(" " + first_ship)
                                   or ent.family == EQUIPMENT and not x.gazetteer and _named_after(ent.name, a)
                                   or ent.cls == x.cls == "Company" and _company_word_after(ent.name, a)
                                   for a in x.aliases | {x.name})),
                          None)
            if longer is None:
                continue
            target = self.entities[longer]
            for m in ent.mentions:
                m.key, m.source = longer, "alias"
                target.mentions.append(m)
                target.aliases.add(m.text)
            del self.entities[key]

    def _org_ending_before(self, pos: int) -> Mention | None:
        for m in self.near(pos, pos):
            if m.family == AGENCY and 0 <= pos - m.end <= 1:
                return m
        return None

    def _bodies_of_bodies(self) -> None:
        """`the Sniper Training School of the Special Operations Forces of the Georgian Defense Forces`: a body of no
        known state, written "of" a body of one, is of that state (read from the last of the chain)."""
        for m in sorted((m for m in self.mentions if m.family == AGENCY), key=lambda m: -m.start):
            ent = self.entities.get(m.key)
            of = re.match(r"\s+of\s+(?:the\s+)?", self.text[m.end:m.end + 10])
            if ent is None or ent.facts.country or of is None:
                continue
            owner = next((x for x in self.near(m.end, m.end + of.end() + 1, pad=0) if x.family == AGENCY
                          and x.start == m.end + of.end() and x.key in self.entities), None)
            country = self.entities[owner.key].facts.country if owner is not None else None
            if country and self.entities[m.key].cls != "Company":
                ent.facts = replace(ent.facts, country=country)

    def _missions_in_places(self) -> None:
        """`the U.S. Embassy in Nairobi`: a diplomatic mission's name holds the place it is in, and
        names one mission (the one in Nairobi is not the one in Kyiv)."""
        heads = alternation("mission_heads")
        for m in [m for m in self.mentions if m.family == AGENCY and re.search(rf"\b(?:{heads})$", m.text)]:
            place = re.match(r" in (?:the )?[A-Z][\w'’-]*(?:\.(?=\w)[\w'’-]*)*(?: [A-Z][\w'’-]*)*",
                             self.text[m.end:m.end + 40])
            if place is None or self.covered(m.end + 1, m.end + place.end(), (PERSON, AGENCY, EQUIPMENT)):
                continue
            ent = self.entities[m.key]
            name = self.text[m.start:m.end + place.end()]
            self.replace(m)
            self.add(Mention(m.start, m.start + len(name), name, AGENCY, source=m.source), AGENCY, ent.cls,
                     agency_key(name), name, facts=ent.facts)


def _after_of(role, s: int) -> bool:
    """Whether `s` is past the "of" of a title ("Commander of the Southern Command")."""
    of = re.search(r" of (?:the )?", role.text)
    return of is not None and s >= role.start + of.end()


# "of" in the Romance languages, inside a body's name ("Escuela de Misiones …", "Ministère des Armées")
_ROMANCE_OF = {"de", "del", "des", "du", "di", "da", "do", "dos", "das", "della", "delle", "degli"}


def _named_after(short: str, name: str) -> bool:
    """`ASV M1117 Guardián` of `ASV M1117`: a designation and then one capitalised word that names it
    (no variant code: "Gripen E", "AMV XP" stay variants)."""
    rest = name[len(short):] if fold(name).startswith(fold(short) + " ") else ""
    return re.search(r"\d", short) is not None and re.fullmatch(r" [^\W\d_][^\W\d_A-Z]{3,}", rest) is not None \
        and rest[1].isupper() and not head_regex().fullmatch(fold(rest.strip()))  # ("Type 054 Frigates": a kind)


def _company_word_after(short: str, name: str) -> bool:
    """`Benha Electronics Industries` of `Benha Electronics`: the name and one word that says it is a company."""
    rest = fold(name)[len(fold(short)):] if fold(name).startswith(fold(short) + " ") else ""
    return patterns()["org_heads"].get(rest.strip()) == "Company" and len(rest.split()) == 1
