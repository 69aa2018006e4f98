"""Companies: named beside what they are, as winners or sellers of contracts, by a legal form, and
the countries they belong to."""

from __future__ import annotations

import re
from dataclasses import replace

from ..candidates import chunk_candidates
from ..gazetteer import agency_key, country_key
from ..mentions import number_forms
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, EntityFacts, Mention
from ..text import alternation, described_company, fold, legal_form, patterns


class CompanyPasses:
    """Companies the data does not know (mixed into the resolver)."""

    def _companies_by_descriptor(self) -> None:
        """`French shipbuilder Acme`, `Acme, the French shipyard`, `Acme is an American company`, `vehicle makers Acme, Beta and Gamma`,
        `Abu Dhabi-based Acme`:
        a company named beside the noun that says what it is (data/patterns.json, company_descriptors;
        a plural one before a list names each company of the list)."""
        descriptors = patterns()["company_descriptors"]
        words = "|".join(sorted(map(re.escape, descriptors), key=len, reverse=True))
        plurals = "|".join(sorted(map(re.escape, {f for d in descriptors for f in number_forms(d)} - set(descriptors)),
                                  key=len, reverse=True))
        name = r"[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|&))*"
        titles = "|".join(sorted({re.escape(t.lower()) for t in patterns()["title_shape"]["heads"]} |
                                 set(map(re.escape, patterns()["company_officers"])), key=len, reverse=True))
        before = re.compile(rf"\b(?:{words}) [\"“]?({name})")  # ('the Polish company "WKK"': quoted)
        after = re.compile(rf"({name}), (?:the|a|an) (?:[\w-]+ ){{0,3}}(?:{words})\b")
        possessive = re.compile(rf"({name})['’]s (?:[a-z-]+ )?(?:{titles})\b")  # "Acme Auto's vice-president"
        # "Acme is an American company" (not "Doe is a former arms supplier": a person once so)
        makers = "company|firm|manufacturer|maker|shipbuilder|shipyard|corporation"
        copula = re.compile(rf"({name}) is (?:the|a|an) (?!former\b|ex-)(?:[\w-]+ ){{0,3}}(?:{makers})\b")
        listed = re.compile(rf"\b(?:{plurals}) ({name}(?:, {name})*,? and {name})")
        based = re.compile(rf"\b(?:with|from|by|to)\s+(?:the\s+)?[\w .’'-]{{0,30}}?\w-based [\"“]?({name})")  # "signed with Abu Dhabi-based NIMR"
        for regex in (before, after, possessive, copula, based):
            for m in regex.finditer(self.text):
                if regex is based and fold(m.group(1).split()[-1].rstrip(".")) in set(patterns()["place_heads"]) | set(patterns()["org_heads"]):
                    continue  # ("the Qatar-based Al Udeid Air Base": a place, "the Hawaii-based Pacific Fleet": a body)
                self._described_company(m.start(1), m.end(1), m.start(), m.end(), regex in (before, based))
        for m in listed.finditer(self.text):
            for x in re.finditer(name, self.text[m.start(1):m.end(1)]):
                if x.group() != "and":
                    self._described_company(m.start(1) + x.start(), m.start(1) + x.end(), m.start(), m.end(), True)

    def _described_company(self, s: int, e: int, start: int, end: int, described_before: bool) -> None:
        """Add the company named at `s`–`e` beside its descriptor (the phrase of both is `start`–`end`)."""
        if re.search(r"[A-Z][\w'’.-]* $", self.text[max(0, s - 30):s]) and not re.search(r"-based [\"“]?$", self.text[max(0, s - 10):s]):
            return  # the end of a longer name ("South Korea's …")
        text = re.split(r"\.\s", self.text[s:e])[0].rstrip(".")  # a name ends where a sentence does
        e = s + len(text)
        lead = self.text[max(0, start - 30):start]
        owner = self.country_ending_before(start - len(lead) + len(lead.rstrip()) + 1) if described_before else None
        same = next((x for x in self.near(s, e, pad=0) if x.family == AGENCY and x.start == s and x.end == e), None)
        if same is not None and owner is not None and self.entities[same.key].facts.country is None:
            ent = self.entities[same.key]  # "Chilean defence firm Acme Aerospace"
            ent.facts = replace(ent.facts, country=owner.key)
        if text.split()[0] in set(patterns()["stop_capitalised"]) or self.covered(s, e, (AGENCY, EQUIPMENT)) or \
                self.country_at(s, e) or any(x.family == COUNTRY and s <= x.start < e for x in self.near(s, e, pad=0)):
            return
        if any(r.start < e and s < r.end for r in self.roles):
            return
        self.add(Mention(s, e, text, AGENCY, source="context"), AGENCY, "Company", agency_key(text), text,
                 facts=EntityFacts(country=owner.key if owner else self._country_in(start, end)))

    def _companies_by_contract(self) -> None:
        """`contracted Acme Auto`, `a direct contract with Poland's Acme`, `an agreement with Turkey's
        Acme Space`: the unknown name a contract is given to or signed with, or an agreement signed
        with a country's named party, is a company (data/patterns.json, contract_party_cues,
        owned_party_cues)."""
        cues = alternation("contract_party_cues", longest_first=True)
        name = r"[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|&))*"
        stop = set(patterns()["stop_capitalised"])
        owned = alternation("owned_party_cues", longest_first=True)
        buying = alternation("buying_verbs")
        # "signed a contract to buy 420 X from Acme": who a purchase is made from sells
        sellers = rf"\b(?:{buying})\b[^.;:,]{{0,80}}?\bfrom (?:the )?()"
        wins = "|".join(re.escape(v) for v, k in patterns()["contract_verbs"].items() if k == "win")
        # "Acme Trade won a 28 million dirham contract", "a contract was signed by the council with Acme Group"
        # ("Acme has been awarded a $189.9 million contract": given one, as a winner wins it)
        given = r"(?:has|have|had|was|were|is|are) (?:been )?(?:awarded|granted|handed)"
        for m in [*re.finditer(rf"(?<![\w’'-] )(?<![A-Z][\w.-])({name}) (?:{wins}|{given}) (?:[\w$£€.,-]+ ){{0,6}}?"
                               rf"(?:contract|deal|order)s?\b", self.text),
                  *re.finditer(rf"\b(?:contract|deal)s?\b[^.;:]{{0,60}}?\b(?:signed|concluded|sealed|inked)\b"
                               rf"(?: by (?:the |its )?[a-z]+(?: [a-z]+)?)? with ({name})", self.text),
                  # "the ministry awarded Acme a £74m contract", "a £74m contract … has been awarded to Acme": given one
                  # (not "awarded X the order of …", a decoration)
                  *re.finditer(rf"\b(?:awarded|granted) ({name}) (?:a|an|the|two|three|its) (?:[\w$£€.,-]+ ){{0,6}}?"
                               rf"(?:contract|deal|order)s?\b(?! of\b)", self.text),
                  *re.finditer(rf"\b(?:contract|deal|order)s?\b(?! of\b)[^.;:]{{0,60}}?\b(?:has|have|had|was|were) been "
                               rf"awarded to ({name})", self.text)]:
            self._contract_winner(m.start(1), m.end(1), stop)
        for m in re.finditer(rf"\b(?:(?:{cues}) (?:the |a |an )?((?:[A-Z][\w-]*['’]s )?)|"
                             rf"(?:{owned}) ([A-Z][\w-]*['’]s )|{sellers})({name})", self.text):
            s, e = m.start(4), m.end(4)
            text = re.split(r"\.\s", self.text[s:e])[0].rstrip(".")  # a name ends where a sentence does
            e = s + len(text)
            possessive = m.group(1) or m.group(2)
            owner = self.country_ending_before(s) if possessive else None
            if possessive and owner is None:
                continue  # "with Acme's subsidiary": not a country's company
            if m.group(3) is not None and (re.search(r"['’]s$", text) or fold(text.split()[0]) in patterns()["months"]
                                           or len(text) < 3 or text.isupper()  # "S. Korea"; an acronym, read later
                                           or fold(text) in patterns()["org_heads"]  # "on orders from Headquarters"
                                           or re.match(r"\s+[a-z]+\b(?!\s+of\b)", self.text[e:e + 20]) and not re.match(
                                               r"\s+(?:for|in|at|on|under|worth|and|with|to|by|as|which|that|in|over)\b",
                                               self.text[e:e + 12])  # "from Easter stocks": a noun follows
                                           or any(ps < e and s < pe for ps, pe in self._places)):
                continue  # "from Friday's tender", "from January", "from Seoul": no seller's name
            if text.split()[0] in stop or self.covered(s, e) or self.country_at(s, e) or \
                    any(x.family == COUNTRY and s <= x.start < e for x in self.near(s, e, pad=0)) or \
                    any(r.start < e and s < r.end for r in self.roles):
                continue
            self.add(Mention(s, e, text, AGENCY, source="context"), AGENCY, "Company", agency_key(text), text,
                     facts=EntityFacts(country=owner.key if owner else None))

    def _contract_winner(self, s: int, e: int, stop: set[str]) -> None:
        """Add the unknown name at `s`–`e` that wins a contract or that one is signed with, as a company."""
        text = re.split(r"\.\s", self.text[s:e])[0].rstrip(".")
        e = s + len(text)
        named = re.search(r"(?:[A-Z][\w&'’-]*\s)*[A-Z][\w&'’-]*,\s$", self.text[max(0, s - 60):s])
        if named and fold(self.text[s:e + 1].strip()) in {fold(x) for x in patterns()["company_suffixes"]}:
            # "Norvik Dynamics, Inc. won": the legal form ends the name before it, never names one alone
            s = max(0, s - 60) + named.start()
            e = e + 1 if self.text[e:e + 1] == "." else e
            text = self.text[s:e]
        calendar = set(patterns()["weekdays"]) | set(patterns()["months"])
        while len(text.split()) > 1 and (fold(text.split()[0]) in calendar or text.split()[0].endswith("-based") or
                                         text.split()[0] in stop and fold(text.split()[1]) in calendar):
            cut = len(text.split()[0]) + 1  # "On Monday Acme was awarded", "Krakow-based Acme": not the name
            s, text = s + cut, text[cut:]
        owner = re.match(r"[\w.-]+['’]s ", text)  # "Kenya's Acme Logistics": whose it is, not the name
        if owner and len(text) > owner.end():
            s, text = s + owner.end(), text[owner.end():]
        if text.split()[0] in stop or len(text) < 3 or text.isupper() or self.covered(s, e) or fold(text) in self.gaz.places or \
                self.country_at(s, e) or any(x.family in (COUNTRY, PERSON) and s <= x.start < e for x in self.near(s, e, pad=0)) \
                or any(r.start < e and s < r.end for r in self.roles) or fold(text.split()[-1]) in patterns()["org_heads"] \
                and patterns()["org_heads"][fold(text.split()[-1])] != "Company":
            return  # a state, a person, a public body ("the Defence Ministry won approval …")
        longer = next((k for k, x in self.entities.items() if x.family == AGENCY and fold(x.name).startswith(fold(text) + " ")), None)
        if longer is not None:  # "Edge won two of the contracts" of an article that names Edge Group
            self.add(Mention(s, e, text, AGENCY, source="alias"), AGENCY, self.entities[longer].cls, longer)
            return
        self.add(Mention(s, e, text, AGENCY, source="context"), AGENCY, "Company", agency_key(text), text)

    def _company_countries(self) -> None:
        """A company the world data gives no country takes the country the article writes with it:
        its owner right before it (`France's KNDS`), or its home (`Colorado-based Kaman Precision
        Products`, `Lockheed Martin, Greenville, South Carolina`: a country, a capital, or a place of
        data/places.csv)."""
        for m in self.mentions:
            ent = self.entities.get(m.key)
            if m.family != AGENCY or ent is None or ent.cls != "Company" or ent.facts.country:
                continue
            owner = self.country_ending_before(m.start) or next(  # "Turkey's land vehicles manufacturer X"
                (c for c in self.near(m.start - 60, m.start, pad=0) if c.family == COUNTRY and (
                    d := described_company().match(self.text, c.end)) and d.end() - 1 == m.start), None)
            if owner is not None and (re.fullmatch(r"['’]s\s", self.text[owner.end:m.start])
                                      or described_company().match(self.text, owner.end)):
                ent.facts = replace(ent.facts, country=owner.key)
                continue
            based = re.search(r"([A-Z][\w.'’]*(?: [A-Z][\w.'’]*){0,2})-based\s+(?:[a-z-]+\s+){0,2}$",
                              self.text[max(0, m.start - 60):m.start])
            # "X, Greenville, South Carolina" ending a clause; not a list ("X, Thales, France and Y")
            seat = re.match(r"\.?,\s+((?:[A-Z][\w.'’]*\s+){0,2}?[A-Z][\w'’]*),\s+([A-Z][\w'’]*(?: [A-Z][\w'’]*){0,2})"
                            r"(?=\s*(?:[.,;:)]|$))", self.text[m.end:m.end + 70])
            if seat and self.covered(m.end + seat.start(1), m.end + seat.end(1), (AGENCY, COUNTRY, PERSON)):
                seat = None  # the "city" is a company or a state of its own: a list
            for place in ([based.group(1)] if based else []) + ([seat.group(2)] if seat else []):
                country = self.gaz.places.get(fold(place))
                if country is not None:
                    ent.facts = replace(ent.facts, country=country)
                    break
            else:
                parent = self._parent_company(m)
                if parent is not None:
                    ent.facts = replace(ent.facts, country=parent)

    def _parent_company(self, m: Mention) -> str | None:
        """`X, an Acme Group subsidiary`, `X, a subsidiary of Acme`: the country of the company X belongs to."""
        after = self.text[m.end:m.end + 60]
        link = re.match(r",\s+(?:also\s+|itself\s+)?(?:an?|the)\s+(?:(?:[a-z-]+\s+)?subsidiary\s+of\s+(?:the\s+)?)?", after)
        if link is None:
            return None
        at = m.end + link.end()
        parent = next((x for x in self.near(at, at + 40, pad=0) if x.family == AGENCY and x.start == at), None)
        of = link.group().rstrip().endswith(" of")
        if parent is None or not of and not re.match(r"\s+(?:[a-z-]+\s+)?subsidiary\b", self.text[parent.end:parent.end + 30]):
            return None
        ent = self.entities.get(parent.key)
        return ent.facts.country if ent is not None else None

    def _company_prefixes(self) -> None:
        """`PT Sinar Baja Utama`, `JSC Example Export`: a legal form written before a name makes the
        capitalised words after it a company's name."""
        forms = alternation("company_prefixes", longest_first=True)
        for m in re.finditer(rf"(?<![\w-])(?:{forms}) (?:[A-Z][\w&'’.-]*)(?: (?:[A-Z0-9][\w&'’.-]*|&))*", self.text):
            s, e = m.start(), m.end()
            while self.text[e - 1] in ".,":
                e -= 1
            inner = [x for x in self.near(s, e, pad=0) if s <= x.start and x.end <= e and x.family == AGENCY]
            if self.covered(s, e) and not inner:
                continue
            if len(inner) == 1:  # a known company written with its legal form: the name as written
                x = inner[0]
                x.start, x.end, x.text = s, e, self.text[s:e]
                self.entities[x.key].aliases.add(x.text)
                self._reindex()
                continue
            if inner:
                continue
            within = [x for x in self.near(s, e, pad=0) if s <= x.start < e]
            if any(x.family != COUNTRY or x.end > e for x in within):
                continue
            for x in within:
                x.inside = True  # "PT Example Projects UK": the country is part of the name
            name = self.text[s:e]
            self.add(Mention(s, e, name, AGENCY, source="context"), AGENCY, "Company", agency_key(name), name)

    def _company_suffixes(self) -> None:
        """`Hindustan Aeronautics Ltd.`: a company's legal form after its name belongs to the name."""
        for m in self.mentions:
            if m.family != AGENCY or self.entities[m.key].cls not in ("Company", "StateEnterprise"):
                continue
            after = re.match(rf",? (?:{legal_form()})(?![\w-])", self.text[m.end:m.end + 20])
            if after is None and self.text[m.end:m.end + 1] == "." and \
                    m.text.split()[-1] + "." in patterns()["company_suffixes"]:
                after = re.match(r"\.", self.text[m.end:])  # "Acme Ltd" read without its full stop
            if after is None or self.covered(m.end + 1, m.end + after.end()):
                continue
            m.end += after.end()
            m.text = self.text[m.start:m.end]
            self.entities[m.key].aliases.add(m.text)
        self._reindex()

    def _company_divisions(self) -> None:
        """`Textron Aviation Defense`, `Acme Land Systems`: a known company's name run on by words that name a
        division (data/patterns.json `division_words`) names that division, a company of the same state."""
        words = alternation("division_words", longest_first=True)
        # (a name that goes on is another's: "SAMI Aerospace & Maintenance Services Ltd", "Acme Naval Systems
        # Services Ltd"; "Acme Naval Systems and Ghana", "Acme Naval Systems CEO …" are the division)
        run = re.compile(rf"(?>(?: (?:{words}))+(?: (?:and|&) (?:{words}))*)(?![\w-])"
                         rf"(?!\s+&|(?:\s+[A-Z][\w'’.-]*){{1,3}},?\s+(?:{legal_form()})(?![\w-]))")
        for m in list(self.mentions):
            ent = self.entities.get(m.key)
            if m.family != AGENCY or ent is None or ent.cls not in ("Company", "StateEnterprise"):
                continue
            after = run.match(self.text, m.end)
            if after is None or self.covered(m.end + 1, after.end(), (PERSON, AGENCY, EQUIPMENT, COUNTRY)):
                continue
            name = self.text[m.start:after.end()]
            country = ent.facts.country or ent.country
            self.replace(m)
            division = self.add(Mention(m.start, after.end(), name, AGENCY, source="context"), AGENCY, "Company",
                                agency_key(name), name)
            if country and not division.facts.country:
                division.facts = replace(division.facts, country=country)
            if m.key in self.entities and m.key != division.key:
                self.rekey(m.key, division.key)  # "Airbus" written alone after "Airbus Defence and Space": the division

    def _national_arms(self) -> None:
        """`Hensoldt Deutschland`, `Rheinmetall Canada Inc.`: a company's name run on by the name of a state in its own
        language (data/patterns.json `own_state_names`), or in English where the name ends there (a legal form, a comma,
        "and", the sentence's end follow), names that company's arm in that state, a company of that state. Not "the
        Hanwha Aerospace Poland contract", "a deal with Saab Estonia will get"; the company named alone stays the
        parent ("… Hanwha Defense Australia …, Seoul-based Hanwha Defense said")."""
        own = patterns()["own_state_names"]
        ends = re.compile(rf"(?:,? (?:{legal_form()})(?![\w-])|[,;)]|\.(?:\s|$)| and\b|$)")
        for m in list(self.mentions):
            ent = self.entities.get(m.key)
            if m.family != AGENCY or ent is None or ent.cls != "Company" or self.text[m.end:m.end + 1] != " " \
                    or m.text.endswith("."):
                continue  # (not across a sentence's end: "… from Lockheed Martin Inc. Germany will deliver …")
            word = re.match(r" ([A-ZÀ-Ý][\w]+)(?![\w-])", self.text[m.end:m.end + 20])
            state = next((x for x in self.near(m.end + 1, m.end + 2, pad=0) if x.start == m.end + 1 and x.family == COUNTRY
                          and x.source == "name" and not x.inside and ends.match(self.text, x.end)), None)
            if state is not None:
                end, key = state.end, state.key
                state.inside = True
            elif word is not None and word.group(1) in own:
                end, key = m.end + word.end(), country_key(own[word.group(1)])
            else:
                continue
            name = self.text[m.start:end]
            self.replace(m)
            arm = self.add(Mention(m.start, end, name, AGENCY, source="context"), AGENCY, "Company", agency_key(name), name)
            if not arm.facts.country:
                arm.facts = replace(arm.facts, country=key)

    def _companies_by_legal_form(self) -> None:
        """`Dunav Arms d.o.o.`, `Volvo Estonia AS and Scania Estonia AS`: capitalised words before a company's
        legal form (data/patterns.json `company_suffixes`) name a company; a company the article names
        without its legal form is the same one ("Veho", then "Veho AS")."""
        form = re.compile(rf",? +(?:{legal_form()})(?![\w-])")
        # words that join or open a clause ("… Deal With Acme AS"), never title words ("First Defence AS")
        stop = {"and", "&", "of", "the", "for", "with", "by", "from", "to", "at", "in", "on", "as", "while", "after"}
        legal = {fold(x) for x in patterns()["company_suffixes"]} | {fold(w) for x in patterns()["company_suffixes"]
                                                                      for w in x.split()}
        known = {fold(a): k for k, ent in self.entities.items() if ent.family == AGENCY for a in ent.aliases | {ent.name}}
        for sent in self.sentences:
            for s, e in chunk_candidates(self.text, sent):
                start = s
                for m in form.finditer(self.text, s, e + 20):
                    if m.start() > e:
                        break
                    a = start + len(self.text[start:m.start()]) - len(self.text[start:m.start()].lstrip())
                    b = m.start()
                    owner = re.match(r".*['’]s ", self.text[a:b])  # "Norway's Acme AS": whose, not the name
                    a += owner.end() if owner else 0
                    words = self.text[a:b].split()
                    last_stop = max((i for i, w in enumerate(words) if w.lower() in stop), default=-1)
                    a += sum(len(w) + 1 for w in words[:last_stop + 1])  # "… Deal With Acme AS": after "With"
                    start = m.end()
                    if a >= b or all(fold(w) in legal for w in self.text[a:b].split()) \
                            or self.covered(a, m.end(), (PERSON, AGENCY, EQUIPMENT)) or self.country_at(a, b) \
                            or re.match(r" [A-Z]", self.text[m.end():m.end() + 2]) \
                            or any(r.start < b and a < r.end for r in self.roles):
                        continue  # "General AB Kumar": a title, then initials
                    name = self.text[a:m.end()]
                    country = next((c for c in self.near(a, b, pad=1) if c.family == COUNTRY and c.end == b
                                    and c.start > a), None)  # "Volvo Estonia AS": Volvo's company in Estonia
                    key = known.get(fold(self.text[a:b])) or \
                        (known.get(fold(self.text[a:country.start].strip())) if country else None) or agency_key(name)
                    self.add(Mention(a, m.end(), name, AGENCY, source="context"), AGENCY, "Company", key, name)
