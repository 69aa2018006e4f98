"""Organisations: unknown ones by their head noun; names that end another's."""

from __future__ import annotations

import re
from dataclasses import replace

from ..gazetteer import agency_key
from ..candidates import chunk_candidates
from ..mentions import number_forms
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, EntityFacts, Mention
from ..text import fold, legal_form, patterns


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
                if (" " + low).endswith(outlets):
                    continue  # "Philippine News Agency", "Polish Press Agency": outlets cited as sources
                # ("Nigeria Customs Service": any head after a state's name and a word of its own, not
                # after a body's own head: "Ghana Army Headquarters" is the army's)
                led = len(words) >= 3 and self.country_at(s, s + len(words[0])) is not None \
                    and fold(words[-2]) not in strong \
                    and not any(m.family == AGENCY and m.start < e and s < m.end for m in self.near(s, e, pad=0))
                # "Ministry for Strategic Industries": the head before "of"/"for" says what it is, not the last word
                first_head = re.match(r"(?:\w+\s+){0,2}?(" + "|".join(map(re.escape, strong)) + r") (?:of|for) ", low)
                head = first_head.group(1) if first_head and first_head.group(1) in heads else next(
                    (h for h in sorted(heads, key=len, reverse=True) if low.endswith(" " + h) and (h in strong or led)), None)
                if head in patterns()["weak_org_heads"] and len(words) < 3:
                    continue  # "Oval Office": a weak head names an organisation only in a longer name
                if head is None:
                    # "General Staff of the Armed Forces of Ukraine", "Centre for Defence Investment": a head before "of"/"for"
                    m = re.match(r"(.*?\b(" + "|".join(map(re.escape, strong)) + r"))\b (?:of|for) \b", low)
                    if not m:
                        continue
                    head = m.group(2)
                if low.split()[0] in {"minister", "president", "secretary", "chancellor"}:
                    continue
                name = self.text[s:e]
                known = self.gaz.without_country.get(fold(name), [])
                entry = known[0] if len(known) == 1 and any(
                    m.family == COUNTRY and m.key == known[0].facts.country for m in self.mentions) else None
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
                         agency_key(name), name, facts=EntityFacts(country=self._country_in(s, e)))

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
        """An organisation or system named by the end of another's name is that one ("Peace Facility"),
        a ship named as its class is that class ("the Guardian patrol boats", "Guardian class"), and a class
        named after its first ship is that ship."""
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
                                   or first_ship and fold(a).endswith(" " + first_ship) for a in x.aliases | {x.name})),
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

    def _companies_by_descriptor(self) -> None:
        """`French shipbuilder Acme`, `Acme, the French shipyard`, `Acme is an American company`, `vehicle makers Acme, Beta and Gamma`:
        a company named beside the noun that says what it is (data/patterns.json, company_descriptors;
        a plural one before a list names each company of the list)."""
        descriptors = patterns()["company_descriptors"]
        words = "|".join(sorted(map(re.escape, descriptors), key=len, reverse=True))
        plurals = "|".join(sorted(map(re.escape, {f for d in descriptors for f in number_forms(d)} - set(descriptors)),
                                  key=len, reverse=True))
        name = r"[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|&))*"
        titles = "|".join(sorted({re.escape(t.lower()) for t in patterns()["title_shape"]["heads"]} |
                                 {re.escape(t) for t in ("vice-president", "vice president", "chief executive",
                                                         "managing director", "spokesperson")}, key=len, reverse=True))
        before = re.compile(rf"\b(?:{words}) ({name})")
        after = re.compile(rf"({name}), (?:the|a|an) (?:[\w-]+ ){{0,3}}(?:{words})\b")
        possessive = re.compile(rf"({name})['’]s (?:[a-z-]+ )?(?:{titles})\b")  # "Acme Auto's vice-president"
        # "Acme is an American company" (not "Doe is a former arms supplier": a person once so)
        makers = "company|firm|manufacturer|maker|shipbuilder|shipyard|corporation"
        copula = re.compile(rf"({name}) is (?:the|a|an) (?!former\b|ex-)(?:[\w-]+ ){{0,3}}(?:{makers})\b")
        listed = re.compile(rf"\b(?:{plurals}) ({name}(?:, {name})*,? and {name})")
        for regex in (before, after, possessive, copula):
            for m in regex.finditer(self.text):
                self._described_company(m.start(1), m.end(1), m.start(), m.end(), regex is before)
        for m in listed.finditer(self.text):
            for x in re.finditer(name, self.text[m.start(1):m.end(1)]):
                if x.group() != "and":
                    self._described_company(m.start(1) + x.start(), m.start(1) + x.end(), m.start(), m.end(), True)

    def _described_company(self, s: int, e: int, start: int, end: int, described_before: bool) -> None:
        """Add the company named at `s`–`e` beside its descriptor (the phrase of both is `start`–`end`)."""
        if re.search(r"[A-Z][\w'’.-]* $", self.text[max(0, s - 30):s]):
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
        cues = "|".join(sorted(map(re.escape, patterns()["contract_party_cues"]), key=len, reverse=True))
        name = r"[A-Z][\w&.'’-]*(?: (?:[A-Z][\w&.'’-]*|&))*"
        stop = set(patterns()["stop_capitalised"])
        owned = "|".join(sorted(map(re.escape, patterns()["owned_party_cues"]), key=len, reverse=True))
        buying = "|".join(map(re.escape, patterns()["buying_verbs"]))
        # "signed a contract to buy 420 X from Acme": who a purchase is made from sells
        sellers = rf"\b(?:{buying})\b[^.;:,]{{0,80}}?\bfrom (?:the )?()"
        wins = "|".join(re.escape(v) for v, k in patterns()["contract_verbs"].items() if k == "win")
        # "Acme Trade won a 28 million dirham contract", "a contract was signed by the council with Acme Group"
        for m in [*re.finditer(rf"(?<![\w’'-] )(?<![A-Z][\w.-])({name}) (?:{wins}) (?:[\w-]+ ){{0,6}}?(?:contract|deal|order)s?\b",
                               self.text),
                  *re.finditer(rf"\b(?:contract|deal)s?\b[^.;:]{{0,60}}?\b(?:signed|concluded|sealed|inked)\b"
                               rf"(?: by (?:the |its )?[a-z]+(?: [a-z]+)?)? with ({name})", self.text)]:
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
        if text.split()[0] in stop or len(text) < 3 or text.isupper() or self.covered(s, e) or \
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
            owner = self.country_ending_before(m.start)
            if owner is not None and re.fullmatch(r"['’]s\s", self.text[owner.end:m.start]):
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
        forms = "|".join(sorted(map(re.escape, patterns()["company_prefixes"]), key=len, reverse=True))
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

    def _missions_in_places(self) -> None:
        """`the U.S. Embassy in Nairobi`: a diplomatic mission's name holds the place it is in, and
        names one mission (the one in Nairobi is not the one in Kyiv)."""
        heads = "|".join(map(re.escape, patterns()["mission_heads"]))
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
