"""Resolution: mentions → entities. Acronyms, generic ministries, people with their roles,
surname-only and title-only references, and unknown organisations and equipment."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ..namespaces import slugify
from .gazetteer import Entry, Gazetteer, agency_key, equipment_key, is_acronym
from .mentions import (_is_name_word, chunk_candidates, title_words, gazetteer_mentions, head_regex,
                       name_candidates, role_mentions)
from .model import AGENCY, COUNTRY, EQUIPMENT, PERSON, Entity, EntityFacts, Mention
from .sentences import Sentence
from .text import fold, match_key, patterns

CAPITAL_VERBS = {"said", "says", "has", "had", "have", "is", "was", "will", "would", "remained", "remains",
                 "announced", "accused", "agreed", "insisted", "wants", "wanted", "plans", "decided",
                 "signed", "pledged", "promised", "approved", "rejected", "confirmed", "denied", "warned",
                 "gets", "got", "receives", "received", "buys", "bought", "orders", "ordered", "sends", "sent",
                 "delivers", "delivered", "signs", "asks", "asked", "wants", "says", "plans", "offers", "offered",
                 "pledges", "approves", "agrees", "seeks", "sought", "urges", "urged", "thanked", "thanks"}
MINISTRY_RE = re.compile(
    r"(?:(?P<dem>[A-Z][\w’'-]+)\s+)?(?P<core>(?:Federal\s+)?(?:Ministry (?:of|for) (?:National\s+)?Defen[cs]e"
    r"|(?:National\s+)?Defen[cs]e Ministry|Ministry of the Armed Forces))"
    r"(?:\s+of\s+(?P<cty>(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?))?"
    r"(?!\s+(?:[A-Z][a-z]|and\s+[A-Z]))")  # "Ministry of Defence Acquisition ...": a longer name
PAREN_RE = re.compile(r"\(([^()]{2,60})\)")
GENERIC_WORDS = {"the", "a", "an", "new", "its", "their", "our", "his", "her", "more", "first", "older",
                 "further", "additional", "modern", "several", "some", "about", "around", "all", "other"}


class Resolver:
    """Builds the entities of one article from its text and sentences."""

    def __init__(self, text: str, sentences: list[Sentence], gaz: Gazetteer) -> None:
        self.text, self.sentences, self.gaz = text, sentences, gaz
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self._starts: list[int] = []   # sorted starts of self._by_start, for span look-ups
        self._by_start: list[Mention] = []
        self.roles = role_mentions(text)
        self._sentence_starts = [s.start for s in sentences]

    # -- entity bookkeeping -------------------------------------------------
    def add(self, m: Mention, family: str, cls: str, key: str, name: str | None = None,
            facts: EntityFacts | None = None, entry: Entry | None = None) -> Entity:
        """Record a mention of the entity `key`, creating the entity at its first mention (with
        the gazetteer `entry` it comes from, if any, and what is known of it)."""
        m.key, m.family = key, family
        m.text = m.text or self.text[m.start:m.end]
        ent = self.entities.get(key)
        if ent is None:
            ent = Entity(key=key, family=family, cls=cls, name=name or m.text,
                         facts=facts or (entry.facts if entry else EntityFacts()),
                         canonical=entry.name if entry else None, gazetteer=entry is not None)
            self.entities[key] = ent
        ent.mentions.append(m)
        ent.aliases.add(m.text)
        self.mentions.append(m)
        i = bisect.bisect_right(self._starts, m.start)
        self._starts.insert(i, m.start)
        self._by_start.insert(i, m)
        return ent

    def near(self, s: int, e: int, pad: int = 160) -> list[Mention]:
        """Mentions that start within `pad` characters of the span [s, e)."""
        lo = bisect.bisect_left(self._starts, s - pad)
        hi = bisect.bisect_left(self._starts, e + pad)
        return self._by_start[lo:hi]

    def _reindex(self) -> None:
        self._by_start = sorted(self.mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._by_start]

    def _blocked(self, s: int, e: int) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.near(s, e) if m.family != COUNTRY or not m.inside]

    def covered(self, s: int, e: int, families: tuple[str, ...] = (PERSON, AGENCY, EQUIPMENT)) -> bool:
        return any(s < m.end and m.start < e for m in self.near(s, e) if m.family in families)

    def country_at(self, s: int, e: int) -> Mention | None:
        for m in self.near(s, e, pad=1):
            if m.family == COUNTRY and m.start == s and m.end == e:
                return m
        return None

    def country_ending_before(self, pos: int) -> Mention | None:
        """A country, demonym or possessive country right before `pos` ("Germany's ", "French ")."""
        for m in self.near(pos - 60, pos, pad=0):
            if m.family != COUNTRY:
                continue
            gap = self.text[m.end:pos]
            if m.end <= pos and len(gap) <= 4 and re.fullmatch(r"(?:['’]s)?\s*", gap):
                return m
        return None

    def sentence_of(self, pos: int) -> Sentence:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[max(i, 0)]

    # -- stages ---------------------------------------------------------------
    def run(self) -> dict[str, Entity]:
        gm = gazetteer_mentions(self.text, self.gaz)
        self._named_countries = [m for m in gm if m.family == COUNTRY and m.form != "capital"]
        self._ministries(gm)
        for m in gm:
            if self.covered(m.start, m.end, (AGENCY,)) and m.family != COUNTRY:
                continue
            self._gazetteer(m)
        self._acronym_definitions()
        self._calibres()
        self._equipment_by_head()
        self._designations_by_company()
        self._designations_after_head()
        self._ship_names()
        self._organisations_by_head()
        self._filter_ambiguous_equipment()
        self._designation_prefixes()
        self._people()
        self._title_references()
        self._titled_surnames()
        self._merge_partial_names()
        self._bare_acronyms()
        self._drop_equipment_named_like_people()
        self._names()
        return self.entities

    def _gazetteer(self, m: Mention) -> None:
        entry = self.gaz.entry(m.key)
        surface = self.text[m.start:m.end]
        if m.family == COUNTRY:
            if m.form == "capital" and not self._capital_acts(m):
                return
            self.add(Mention(m.start, m.end, surface, COUNTRY, source=m.form, form=m.form, inside=m.inside),
                     COUNTRY, "Country", entry.key, entry.name, entry=entry)
            return
        lead = self.text[max(0, m.start - 12):m.start] + re.match(r"(?i)(the\s+)?", surface).group(0)
        if entry.cls == "OtherOrganization" and re.search(r"\b(?:to|at|in|from|outside|inside|near)\s+the\s+$", lead):
            return  # "welcomed ... to the White House": a place, not an actor
        home = self._home_country(entry, surface)
        if home is not None:
            # "the Department of National Defense" in a Philippine story is not Canada's
            name = re.sub(r"^(?:the|The)\s+", "", surface)
            local = next((e for e in self.gaz.entries.values() if e.family == AGENCY and e.cls == entry.cls
                          and e.facts.country == home and match_key(e.name).startswith(match_key(name))), None)
            if local is not None:
                self.add(Mention(m.start, m.end, surface, m.family, source="gazetteer", form=m.form),
                         m.family, local.cls, local.key, entry=local)
            else:
                self.add(Mention(m.start, m.end, surface, m.family, source="pattern", form=m.form), m.family,
                         entry.cls, f"{agency_key(name)}-of-{home.split(':')[1]}", name, facts=EntityFacts(country=home))
            return
        self.add(Mention(m.start, m.end, surface, m.family, source="gazetteer", form=m.form, inside=m.inside),
                 m.family, entry.cls, entry.key, entry=entry)

    def _home_country(self, entry, surface: str) -> str | None:
        """The article's country, for a state body named as many states name theirs ("the Ministry
        of National Defence", "MND": data/patterns.json, generic_state_bodies), when the article
        never names the country the gazetteer gives that name."""
        country = entry.facts.country
        if entry.family != AGENCY or entry.cls not in STATE_BODIES or not country:
            return None
        named = [m.key for m in self._named_countries]
        if not named or country in named:
            return None
        generic = {match_key(g) for g in patterns()["generic_state_bodies"]}
        if match_key(re.sub(r"^(?:the|The)\s+", "", surface)) not in generic:
            return None  # "State Department", "Royal Netherlands Navy": one state's own name
        return named[0]

    def _capital_acts(self, m: Mention) -> bool:
        after = self.text[m.end:m.end + 30].split()
        return bool(after) and after[0].strip(",.;:") in CAPITAL_VERBS

    def _ministries(self, gm: list[Mention]) -> None:
        """Generic ministry names resolve to the ministry of the country the text implies."""
        by_country = {}
        for e in self.gaz.entries.values():
            if e.family == AGENCY and e.cls == "Ministry" and e.facts.country and \
                    re.search(r"defen[cs]e|armed forces", fold(e.name)):
                by_country.setdefault(e.facts.country, e)
        countries = [m for m in gm if m.family == COUNTRY and m.form != "capital"]
        for rm in MINISTRY_RE.finditer(self.text):
            start, end = rm.start("core"), rm.end("core")
            country = None
            dem = rm.group("dem")
            if dem:
                c = next((m for m in countries if m.start == rm.start("dem") and m.end == rm.end("dem")), None)
                if c:
                    country, start = c.key, rm.start("dem")
            if rm.group("cty"):
                cty_start = rm.start("cty")
                c = next((m for m in countries if m.start >= cty_start and m.start <= cty_start + 4), None)
                if c:
                    country, end = c.key, c.end
            if country is None:
                possessive = next((m for m in countries if 0 <= start - m.end <= 3
                                   and re.fullmatch(r"['’]s ", self.text[m.end:start])), None)
                if possessive:
                    country = possessive.key
            if country is None:
                gazetteer_hit = next((m for m in gm if m.family == AGENCY and m.start <= start and end <= m.end
                                      and fold(self.text[m.start:m.end]) != fold(self.text[start:end])), None)
                if gazetteer_hit:
                    continue  # a longer specific name already covers it
                country = self._main_country(countries)
            if country is None:
                continue
            entry = by_country.get(country)
            key = entry.key if entry else f"{AGENCY}:ministry-of-defence-{country.split(':')[1]}"
            facts = replace(entry.facts, country=country) if entry else EntityFacts(country=country)
            self.add(Mention(start, end, self.text[start:end], AGENCY, source="pattern"),
                     AGENCY, "Ministry", key, None, facts=facts, entry=entry)

    def _main_country(self, countries: list[Mention]) -> str | None:
        return countries[0].key if countries else None

    def _acronym_definitions(self) -> None:
        """`Long Name (ACR)`: the acronym becomes an alias of the entity named before it."""
        for pm in PAREN_RE.finditer(self.text):
            inner = pm.group(1).strip()
            s_in, e_in = pm.start(1), pm.end(1)
            if self.country_at(s_in, e_in):
                continue
            if self.covered(s_in, e_in, (PERSON, EQUIPMENT)):
                if not self._defined_by_initials(pm.start(), inner):
                    continue
                self._drop_surface(inner)  # "Official Security Assistance (OSA)" is not the Osa missile
            before = pm.start()
            prev = max((m for m in self.near(before, before, pad=200) if m.end in (before - 1, before)
                        and m.family != COUNTRY),
                       key=lambda m: m.end - m.start, default=None)
            if prev is not None:
                ent = self.entities[prev.key]
                if not self.covered(s_in, e_in, (AGENCY,)):
                    self.add(Mention(s_in, e_in, inner, ent.family, source="acronym"), ent.family, ent.cls, ent.key)
                continue
            if not (is_acronym(inner) or inner[:1].isupper()):
                continue
            sent = self.sentence_of(before)
            chunk = next(((s, e) for s, e in chunk_candidates(self.text, sent) if e in (before - 1, before)), None)
            if chunk is None:
                continue
            s, e = self._trim_chunk(*chunk)
            if e - s < 4 or len(self.text[s:e].split()) < 2 or self.covered(s, e):
                continue
            if re.search(r"\d", self.text[s:e]) or set(fold(self.text[s:e]).replace(",", " ").split()) & \
                    set(patterns()["months"]) | set(patterns()["weekdays"]):
                continue  # "SEOUL, March 22 (Yonhap)": a dateline, not a name
            family, cls = self._classify(self.text[s:e])
            if family is None:
                continue
            name = self.text[s:e]
            key = (equipment_key if family == EQUIPMENT else agency_key)(name)
            facts = EntityFacts(country=self._country_in(s, e)) if family == AGENCY else None
            self.add(Mention(s, e, name, family, source="context"), family, cls, key, name, facts=facts)
            self.add(Mention(s_in, e_in, inner, family, source="acronym"), family, cls, key)

    def _defined_by_initials(self, paren: int, acronym: str) -> bool:
        """The capitalised words right before `(ACR)` start with its letters, in order."""
        letters = [c for c in acronym if c.isalpha()]
        words = [w for w in re.findall(r"[\w'’-]+", self.text[max(0, paren - 120):paren]) if w[:1].isupper()]
        initials = "".join(w[0] for w in words[-len(letters):]) if len(words) >= len(letters) else ""
        return len(letters) >= 2 and initials.upper() == "".join(letters).upper()

    def _drop_surface(self, surface: str) -> None:
        """Forget equipment or person mentions written exactly so (a misread acronym)."""
        gone = {m.key for m in self.mentions if m.text == surface and m.family in (EQUIPMENT, PERSON)}
        self.mentions = [m for m in self.mentions if not (m.text == surface and m.key in gone)]
        for key in gone:
            ent = self.entities.get(key)
            if ent is not None:
                ent.mentions = [m for m in ent.mentions if m.text != surface]
                if not ent.mentions:
                    del self.entities[key]
        self._reindex()

    def _trim_chunk(self, s: int, e: int) -> tuple[int, int]:
        poss = re.match(r"[\w.-]+['’]s ", self.text[s:e])
        if poss and e - s > poss.end():
            s += poss.end()
        words = self.text[s:e].split(" ")
        while words and words[0].lower() in GENERIC_WORDS:
            s += len(words[0]) + 1
            words = words[1:]
        return s, e

    def _classify(self, name: str) -> tuple[str | None, str]:
        low = fold(name)
        m = head_regex().search(low)
        if m and m.end() == len(low):
            return EQUIPMENT, patterns()["equipment_heads"][_head_key(m.group())]
        heads = {k: v for k, v in patterns()["org_heads"].items() if not k.startswith("_")}
        for head in sorted(heads, key=len, reverse=True):
            if re.search(rf"\b{re.escape(head)}\b", low):
                return AGENCY, heads[head]
        return AGENCY, "OtherOrganization"

    def _country_in(self, s: int, e: int) -> str | None:
        for m in self.near(s, e, pad=0):
            if m.family == COUNTRY and s <= m.start and m.end <= e:
                return m.key
        before = self.country_ending_before(s)
        return before.key if before else None

    def _equipment_by_head(self) -> None:
        """`Bulldog armoured personnel carriers`: a designation before a generic category noun."""
        heads = patterns()["equipment_heads"]
        for hm in head_regex().finditer(fold(self.text)):
            cat = heads[_head_key(hm.group())]
            known = [m for m in self.near(hm.start() - 40, hm.start()) if m.family == EQUIPMENT
                     and 0 <= hm.start() - m.end <= 25
                     and re.fullmatch(r"[\s\w-]{0,25}", self.text[m.end:hm.start()] or "")
                     and not re.search(r"\b(and|or)\b", self.text[m.end:hm.start()])]
            if known:
                for m in known:
                    m.head = True
                    extra = re.fullmatch(r" ([A-Z][a-z]+) ", self.text[m.end:hm.start()])
                    if extra and m.source == "gazetteer" and not self.covered(m.end + 1, hm.start()):
                        end = m.end + len(extra.group(0).rstrip())
                        name = self.text[m.start:end]
                        self.add(Mention(m.start, end, name, EQUIPMENT, source="context", head=True),
                                 EQUIPMENT, cat, equipment_key(name), name)
                continue
            s, e = self._designation_before(hm.start())
            if s is None or self.covered(s, e) or self.country_at(s, e):
                continue
            if self.text[hm.start():hm.start() + 1].isupper():
                e = hm.end()  # "Joint Direct Attack Munitions": the head is part of the name
                if self.covered(s, e):
                    continue
            name = self.text[s:e]
            if any(fold(name) == fold(x) for x in patterns()["stop_capitalised"]):
                continue
            if any(name in x.aliases for x in self.entities.values() if x.family in (AGENCY, PERSON)):
                continue  # "The MND said frigates ...": an organisation's acronym, not a designation
            self.add(Mention(s, e, name, EQUIPMENT, source="context", head=True),
                     EQUIPMENT, cat, equipment_key(name), name)

    DESIGNATION_RE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,5}(?:-\d{1,4}|\d{2,4})[A-Za-z]{0,4}"
                                r"(?: (?:[A-Z][a-z]{2,}|[IVX]{1,3}))?(?![\w-])")

    def _designations_by_company(self) -> None:
        """`the T-50, TA-50 and FA-50`, `the Russian MiG-35`: a designation-shaped name (letters
        and digits) listed with a known system, or owned by a country, is a system too."""
        for _ in range(3):  # a list is read from the known system outwards, one neighbour a round
            if not self._designations_listed_once():
                return

    def _designations_listed_once(self) -> bool:
        added = False
        for d in self.DESIGNATION_RE.finditer(self.text):
            s, e = d.start(), d.end()
            if self.covered(s, e) or self.country_at(s, e):
                continue
            words = self.text[s:e].split()
            if len(words) == 2 and self.covered(s + len(words[0]) + 1, e):
                e, words = s + len(words[0]), words[:1]
            listed = [m for m in self.near(s, e, pad=60) if m.family == EQUIPMENT and (
                re.fullmatch(r"(?:,|,? and|,? or)\s+(?:the\s+)?", self.text[m.end:s])
                or re.fullmatch(r"(?:,|,? and|,? or)\s+(?:the\s+)?", self.text[e:m.start]))]
            adjective = re.search(r"\s[a-z]+\s$", self.text[max(0, s - 20):s])  # "Canada's aging CP-140"
            owned = self.country_ending_before(s) is not None or (
                adjective is not None and self.country_ending_before(s - len(adjective.group(0)) + 1) is not None)
            if not listed and not owned:
                continue
            name = self.text[s:e]
            cls = self.entities[listed[0].key].cls if listed else "Equipment"
            self.add(Mention(s, e, name, EQUIPMENT, source="context"), EQUIPMENT, cls, equipment_key(name), name)
            added = True
        return added

    def _designations_after_head(self) -> None:
        """`self-propelled howitzers Krab`, `tanks Leopard 2A4`: a category noun and then the
        system's name, as Polish, Czech and Ukrainian releases write it in English."""
        heads = patterns()["equipment_heads"]
        stop = set(patterns()["stop_capitalised"])
        for hm in head_regex().finditer(fold(self.text)):
            m = re.match(r" ([A-Z][\w/-]*(?: (?:[A-Z0-9][\w/-]*|II|III|IV))*)", self.text[hm.end():hm.end() + 40])
            if not m or m.group(1).split()[0] in stop:
                continue
            s, e = hm.end() + 1, hm.end() + m.end()
            if self.covered(s, e) or self.country_at(s, e) or any(
                    x.family == COUNTRY and s <= x.start < e for x in self.near(s, e, pad=0)):
                continue
            if self.text[e:e + 1].isalnum() or re.match(r"\s+(?:and|of)\b", self.text[e:e + 6]):
                continue
            name = self.text[s:e]
            if any(name in x.aliases for x in self.entities.values()) or len(name) < 3 or \
                    not re.search(r"\d|\b[A-Z]{2,}\b", name):
                continue  # a designation ("Leopard 2A4", "K9A1"), not any capitalised word
            self.add(Mention(s, e, name, EQUIPMENT, source="context"), EQUIPMENT, heads[_head_key(hm.group())],
                     equipment_key(name), name)

    def _ship_names(self) -> None:
        """`BRP Miguel Malvar`, `HMS Prince of Wales`: a ship prefix and the ship's name."""
        prefixes = "|".join(map(re.escape, patterns()["ship_prefixes"]))
        for m in re.finditer(rf"\b(?:{prefixes}) [A-Z][\w'’-]*(?: (?:of|de|la|del) [A-Z][\w'’-]*| [A-Z][\w'’-]*){{0,3}}",
                             self.text):
            s, e = m.start(), m.end()
            if self.covered(s, e):
                continue
            name = self.text[s:e]
            self.add(Mention(s, e, name, EQUIPMENT, source="context"), EQUIPMENT, "Ship", equipment_key(name), name)

    CALIBRE_RE = re.compile(r"\b(\d{2,3}(?: ?|-)(?:mm|millimetre|millimeter))((?:,? (?:and|or) \d{2,3}(?: ?|-)"
                            r"(?:mm|millimetre|millimeter))*) ((?:artillery |tank |mortar )?"
                            r"(?:shells|rounds|ammunition|munitions))\b")

    def _calibres(self) -> None:
        """`155 mm and 122 mm shells`: calibre munitions, named with their head noun."""
        for m in self.CALIBRE_RE.finditer(self.text):
            head = m.group(3)
            first = (m.start(1), m.end(1))
            spans = [first] + [(m.start(2) + x.start(1), m.start(2) + x.end(1))
                               for x in re.finditer(r"(\d{2,3}(?: ?|-)(?:mm|millimetre|millimeter))", m.group(2) or "")]
            for s, e in spans:
                if self.covered(s, e):
                    continue
                name = f"{self.text[s:e]} {head}"
                end = m.end() if (s, e) == spans[-1] else e
                self.add(Mention(s, end, name, EQUIPMENT, source="context", head=True),
                         EQUIPMENT, "Ammunition", equipment_key(name), name)

    def _designation_before(self, pos: int) -> tuple[int | None, int]:
        left = self.text[max(0, pos - 40):pos]
        m = re.search(r"((?:[A-Z][\w/-]*|\d[\w/-]*[A-Za-z][\w/-]*)(?:[ -](?:[A-Z][\w/-]*|\d+[\w/-]*|II|III|IV))*)[ -]"
                      r"(?:[a-z-]+ ){0,2}$", left)
        if not m:
            return None, 0
        tail = left[m.end(1):]
        if len(tail.split()) > 2 or re.search(r"\b(and|or|of|the|to|with|for|from|on|in|at|by|as|up|its|their)\b", tail):
            return None, 0
        if any(g.form.entry.family == COUNTRY for g in self.gaz.find(m.group(1))):
            return None, 0  # "Tokyo steps up radar aid": a capital, not a designation
        start = pos - len(left) + m.start(1)
        end = pos - len(left) + m.end(1)
        words = self.text[start:end].split()
        generic = set(patterns()["generic_designations"])
        suffixes = tuple(patterns()["generic_designation_suffixes"])
        while words and (words[0] in patterns()["stop_capitalised"] or fold(words[0]) in GENERIC_WORDS
                         or words[0] in generic or words[0].lower().endswith(suffixes)):
            start += len(words[0]) + 1
            words = words[1:]
        if not words:
            return None, 0
        if all(w.isdigit() for w in words):
            return None, 0
        # a demonym or country is an owner, not a designation ("German tanks")
        if self.country_at(start, end) or any(m.family == COUNTRY and m.start == start
                                              for m in self.near(start, start, pad=1)):
            return None, 0
        sent = self.sentence_of(start)
        if start == sent.start and len(words) == 1 and not any(c.isdigit() for c in words[0]) \
                and not words[0].isupper():
            return None, 0
        return start, end

    def _organisations_by_head(self) -> None:
        heads = {k: v for k, v in patterns()["org_heads"].items() if not k.startswith("_")}
        strong = {"ministry", "department", "agency", "office", "directorate", "administration", "forces",
                  "army", "navy", "air force", "council", "parliament", "commons", "senate", "fund",
                  "facility", "initiative", "mission", "general staff", "government", "unit", "corps",
                  "industries", "shipbuilders", "programme", "program", "guard", "command"}
        heads.setdefault("government", "OtherOrganization")
        for sent in self.sentences:
            for s, e in chunk_candidates(self.text, sent):
                s, e = self._trim_chunk(s, e)
                words = self.text[s:e].split()
                if len(words) < 2 or self.covered(s, e) or any(s < r.end and r.start < e for r in self.roles):
                    continue
                low = fold(self.text[s:e])
                head = next((h for h in sorted(heads, key=len, reverse=True)
                             if low.endswith(" " + h) and h in strong), None)
                if head in {"office", "unit", "service", "command", "group", "mission"} and len(words) < 3:
                    continue  # "Oval Office": a weak head names an organisation only in a longer name
                if head is None:
                    # "General Staff of the Armed Forces of Ukraine": a head before "of"
                    m = re.match(r"(.+?\b(" + "|".join(map(re.escape, strong)) + r"))\b of \b", low)
                    if not m:
                        continue
                    head = m.group(2)
                if low.split()[0] in {"minister", "president", "secretary", "chancellor"}:
                    continue
                name = self.text[s:e]
                longer = next((k for k, x in self.entities.items() if x.family == AGENCY
                               and fold(x.name).endswith(" " + fold(name))), None)
                if longer is not None:
                    self.add(Mention(s, e, name, AGENCY, source="alias"), AGENCY, self.entities[longer].cls, longer)
                    continue
                # a run that starts with a sentence-initial non-name ("Under Operation...")
                first = words[0]
                if first in patterns()["stop_capitalised"] and self.country_at(s, s + len(first)) is None \
                        and first not in {"Federal", "Defence", "Defense", "European"}:
                    continue
                self.add(Mention(s, e, name, AGENCY, source="context"), AGENCY, heads[head],
                         agency_key(name), name, facts=EntityFacts(country=self._country_in(s, e)))

    def _filter_ambiguous_equipment(self) -> None:
        """A single ordinary word (Milan, Patriot) is equipment only in a military context."""
        confirmed = set()
        for m in self.mentions:
            if m.family != EQUIPMENT:
                continue
            word = m.text
            if m.head or not re.fullmatch(r"[A-Z][a-z]+", word):
                confirmed.add(m.key)
                continue
            sent = self.sentence_of(m.start)
            others = [x for x in self.near(sent.start, sent.end, pad=0) if x.family == EQUIPMENT and x is not m
                      and sent.start <= x.start < sent.end and x.key != m.key]
            if others or self._head_follows(m.end) or self._head_precedes(m.start) or re.match(
                    r"\s+(?:[a-z-]+\s+){0,2}(?:system|systems|battery|batteries|launchers?|fleet|units?)\b",
                    self.text[m.end:m.end + 50]):
                confirmed.add(m.key)
        dropped = {k for k, e in self.entities.items() if e.family == EQUIPMENT and k not in confirmed}
        for key in dropped:
            del self.entities[key]
        self.mentions = [m for m in self.mentions if m.key not in dropped]
        self._reindex()

    def _head_precedes(self, pos: int) -> bool:
        """`self-propelled howitzers Krab`: a category noun right before a name confirms it."""
        left = fold(self.text[max(0, pos - 40):pos])
        return any(hm.end() == len(left) - 1 and left.endswith(" ") for hm in head_regex().finditer(left))

    DESIGNATION = re.compile(r"(?:^|(?<=\s))([A-Z]{1,4}(?:/[A-Z]{1,3})?-?\d{1,4}[A-Z]{0,2})\s$")

    def _designation_prefixes(self) -> None:
        """`UH-60M Black Hawk`, `F-35A Lightning II`: a type designation right before a system's
        name belongs to that name."""
        for m in sorted([m for m in self.mentions if m.family == EQUIPMENT], key=lambda m: m.start):
            left = self.text[max(0, m.start - 16):m.start]
            d = self.DESIGNATION.search(left)
            if d is None:
                continue
            start = m.start - (len(left) - d.start(1))
            before = [x for x in self.near(start, m.start) if x is not m and x.start < m.start and x.end > start]
            if any(x.family != EQUIPMENT for x in before):
                continue
            for x in before:  # the designation was its own mention of the same system, or of none known
                if x.key != m.key and x.key in self.entities:
                    other = self.entities[x.key]
                    other.mentions = [y for y in other.mentions if y is not x]
                    if not other.mentions:
                        del self.entities[x.key]
                self.mentions.remove(x)
            m.start, m.text = start, self.text[start:m.end]
            self.entities[m.key].aliases.add(m.text)
        self._reindex()

    def _head_follows(self, pos: int) -> bool:
        """A category noun follows, with at most three lower-case words between ("Siper air defence launchers")."""
        right = fold(self.text[pos:pos + 50])
        h = head_regex().search(right)
        return h is not None and re.fullmatch(r"\s*(?:[a-z-]+\s+){0,3}", right[:h.start()]) is not None

    def _people(self) -> None:
        """Names with evidence of being people: a title, an honorific, or a speech verb."""
        p = patterns()
        honorifics = set(p["honorifics"])
        counterparts = set(p["counterpart_cues"])
        people: list[tuple[int, int, Mention | None]] = []
        for sent in self.sentences:
            roles = [(r.start, r.end) for r in self.roles if sent.start <= r.start < sent.end
                     and self.text[r.start:r.start + 1].isupper()]
            headline = sent is self.sentences[0] and sent.paragraph == 0
            for s, e in name_candidates(self.text, sent, self._blocked(sent.start, sent.end) + roles):
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
                first = self.text[s:e].split()[0]
                dotted = set(p["dotted_honorifics"])
                if first.lower().rstrip(".") in honorifics and (first.lower() not in dotted
                                                                or self.text[s + len(first):s + len(first) + 1] == "."):
                    if len(self.text[s:e].split()) < 3:
                        continue  # "Mr Wallace": a reference, resolved with surnames ("Gen Nakatani" is a name)
                    s += len(first) + 1  # "Mr Richard Marles": the honorific is evidence, not the name
                    while self.text[s] in " .":
                        s += 1
                tail = set(p["role_tail_words"])
                while len(self.text[s:e].split()) > 2 and self.text[s:e].split()[0] in tail:
                    s += len(self.text[s:e].split()[0]) + 1  # "Minister for Defence Industry Pat Conroy"
                last = self.text[s:e].split()[-1]
                if fold(last) in p["org_heads"] or last in title_words():
                    continue  # "Defence Facilities Agency", "Supreme Commander": no person's name
                known = self._person_ending_with(self.text[s:e])
                if known is not None:
                    ent = self.entities[known]
                    self.add(Mention(s, e, self.text[s:e], PERSON, source="alias"), PERSON, "Person", known)
                    continue
                role = self._role_before(s) or self._role_after(e)
                prev_word = self.text[max(0, s - 30):s].split()[-1:] or [""]
                next_word = self.text[e:e + 20].split()[:1] or [""]
                counterpart = prev_word[0].lower().strip(",") in counterparts
                evidence = role is not None or prev_word[0].lower().rstrip(".") in honorifics or counterpart \
                    or (stripped_country is not None and people and people[-1][2] is not None) \
                    or next_word[0].strip(",.;:") in p["speech_verbs"] \
                    or prev_word[0].lower() == "said" \
                    or prev_word[0].lower() == "and" and self._person_ends_before(s - 5)
                if not evidence:
                    continue
                name = self.text[s:e]
                key = f"{PERSON}:{slugify(match_key(name))}"
                ent = self.add(Mention(s, e, name, PERSON, source="pattern"), PERSON, "Person", key, name)
                self._attach_role(ent, role, stripped_country, people)
                if counterpart and ent.country is None:
                    cue = self.text.rfind(prev_word[0], 0, s)
                    qualifier = self.country_ending_before(cue)
                    ent.country = qualifier.key if qualifier else None
                people.append((s, e, role))

    def _drop_equipment_named_like_people(self) -> None:
        """"Lula turns down Scholz on tank ammunition": a person's name is no designation."""
        names = {fold(w) for e in self.entities.values() if e.family == PERSON for a in e.aliases for w in a.split()}
        for key, ent in list(self.entities.items()):
            if ent.family == EQUIPMENT and not ent.gazetteer and fold(ent.name) in names:
                self.mentions = [m for m in self.mentions if m.key != key]
                del self.entities[key]
        self._reindex()

    def _merge_partial_names(self) -> None:
        """An organisation or system named by the end of another's name is that one ("Peace Facility")."""
        for key, ent in list(self.entities.items()):
            if ent.family not in (AGENCY, EQUIPMENT) or ent.gazetteer:
                continue
            folded = fold(ent.name)
            longer = next((k for k, x in self.entities.items() if k != key and x.family == ent.family
                           and any(fold(a).endswith(" " + folded) for a in x.aliases | {x.name})), None)
            if longer is None:
                continue
            target = self.entities[longer]
            for m in ent.mentions:
                m.key, m.source = longer, "alias"
                target.mentions.append(m)
                target.aliases.add(m.text)
            del self.entities[key]

    def _person_ends_before(self, pos: int) -> bool:
        return any(m.family == PERSON and m.end == pos for m in self.near(pos, pos))

    def _person_ending_with(self, name: str) -> str | None:
        """A person already named whose full name ends with `name` ("Lund Poulsen")."""
        folded = fold(name)
        for key, ent in self.entities.items():
            full = fold(ent.name)
            if ent.family == PERSON and full != folded and full.endswith(" " + folded):
                return key
        return None

    def _title_references(self) -> None:
        """`the French Minister of the Armed Forces`: a title with a country and no name
        refers to the one person of that country named in the article."""
        people = [e for e in self.entities.values() if e.family == PERSON]
        for r in self.roles:
            if any(abs(m.start - r.end) <= 3 or abs(r.start - m.end) <= 3 for m in self.near(r.start, r.end)
                   if m.family == PERSON) or r.plural:
                continue
            qualifier = self.country_ending_before(r.start)
            if qualifier is None:
                continue
            same = [p for p in people if p.country == qualifier.key]
            if len(same) == 1:
                same[0].roles.append((r.role, False))
                same[0].aliases.add(self.text[qualifier.start:r.end])

    def _titled_surnames(self) -> None:
        """`President Macron` with no full name in the article: a person named as written."""
        stop = set(patterns()["stop_capitalised"])
        for r in self.roles:
            if r.plural or not r.text[:1].isupper():
                continue
            m = re.match(r" ([A-Z][\w'’-]+)\b(?! [A-Z])(?!\.)", self.text[r.end:r.end + 40])
            if not m or m.group(1) in stop or m.group(1) in title_words() or not _is_name_word(m.group(1)):
                continue
            word, after = fold(m.group(1)), self.text[r.end + m.end():r.end + m.end() + 12].split()[:1]
            if word in patterns()["honorifics"] or word in patterns()["org_heads"] or \
                    (after and after[0] in patterns()["name_particles"]):
                continue  # "Gen. Romeo Brawner", "the Joint Coalition", "Prince Khalid bin Salman"
            s, e = r.end + 1, r.end + 1 + len(m.group(1))
            if self.covered(s, e, (PERSON, AGENCY, EQUIPMENT)) or self.country_at(s, e) or \
                    any(x.family == COUNTRY and x.start <= s < x.end for x in self.near(s, e, pad=0)):
                continue
            if self.text[e:e + 2] in ("'s", "’s") and not self.text[e + 2:e + 3].isspace():
                continue
            name = m.group(1)
            known = self._person_ending_with(name)
            key = known or f"{PERSON}:{slugify(match_key(name))}"
            ent = self.add(Mention(s, e, name, PERSON, source="alias" if known else "pattern"), PERSON, "Person",
                           key, name)
            if not known:
                self._attach_role(ent, r, None, [])

    def _role_before(self, pos: int) -> Mention | None:
        for r in self.roles:
            gap = self.text[r.end:pos]
            if r.end <= pos and re.fullmatch(r",?\s{1,2}(?:of\s+(?:the\s+)?[A-Z][\w ]{1,30}?\s)?", gap) \
                    and not re.search(r"\.\s", gap):
                if gap.strip().startswith("of"):
                    r.of_country = self._country_in(r.end, pos)
                return r
        return None

    def _role_after(self, pos: int) -> Mention | None:
        right = self.text[pos:pos + 80]
        adjectives = "|".join(patterns()["role_adjectives"])
        m = re.match(rf",\s+(?:(?:the|his|her|its|a)\s+)?(?:(?:[A-Z][\w.]*|and)(?:['’]s)?\s+){{0,4}}"
                     rf"(?:(?:{adjectives})\s+){{0,3}}", right)  # "Gen Nakatani, Japan's newly appointed defense minister"
        if not m:
            return None
        for r in self.roles:
            if r.start == pos + m.end() or (pos < r.start <= pos + m.end() + 1):
                return r
        return None

    def _attach_role(self, ent: Entity, role: Mention | None, stripped: Mention | None, people: list) -> None:
        if role is None and stripped is not None and people and people[-1][2] is not None:
            role = people[-1][2]
            country = stripped.key
        else:
            country = None
        if role is None:
            return
        if country is None:
            qualifier = self.country_ending_before(role.start)
            org = self._org_ending_before(role.start)
            if role.of_country:
                country = role.of_country
            elif qualifier is not None and not (role.plural and stripped):
                country = qualifier.key
            elif org is not None:
                country = self.entities[org.key].facts.country
                ent.organization = org.key
            else:
                inner = self._country_in(role.start, role.end)
                country = inner
        ent.roles.append((role.role, role.plural))
        if country and not ent.country:
            ent.country = country

    def _org_ending_before(self, pos: int) -> Mention | None:
        for m in self.near(pos, pos):
            if m.family == AGENCY and 0 <= pos - m.end <= 1:
                return m
        return None

    def _bare_acronyms(self) -> None:
        """Later uses of an acronym or alias alone, and surnames of people named before."""
        aliases: dict[str, str] = {}
        for key, ent in self.entities.items():
            if ent.family in (AGENCY, EQUIPMENT):
                for a in ent.aliases:
                    if is_acronym(a):
                        aliases[a] = key
        surnames: dict[str, str] = {}
        for key, ent in self.entities.items():
            if ent.family == PERSON:
                parts = [w for w in ent.name.split() if w not in {"Jr.", "Jr", "II", "III", "IV"} and len(w) > 2]
                if parts:
                    surnames.setdefault(parts[-1], key)
        pattern = re.compile(r"\b(?:(Mr|Mrs|Ms|Dr|Gen|General)\.?\s+)?([A-Z][\w’'-]+|[A-Z&]{2,})(?:['’]s)?\b")
        for m in pattern.finditer(self.text):
            word = m.group(2)
            s, e = m.start(), m.start(2) + len(word)
            if self.covered(m.start(2), e, (PERSON, AGENCY, EQUIPMENT)):
                continue
            key = surnames.get(word) or aliases.get(word)
            if key is None:
                folded = fold(word)
                key = next((k for w, k in surnames.items() if fold(w) == folded), None)
            if key is None:
                continue
            ent = self.entities[key]
            self.add(Mention(s, e, self.text[s:e], ent.family, source="alias"), ent.family, ent.cls, key)

    def _names(self) -> None:
        """The canonical name of each entity: its fullest written form in the article."""
        for ent in self.entities.values():
            if ent.family == COUNTRY:
                ent.name = ent.canonical or ent.name
                continue
            full = [re.sub(r"^(?:the|The)\s+", "", m.text) for m in ent.mentions
                    if m.source not in ("acronym", "alias")]
            if ent.family == EQUIPMENT and ent.cls == "Ammunition" and ent.name.endswith(("shells", "rounds")):
                continue
            if ent.family == EQUIPMENT:
                full = [_system_name(t, ent, self.text) for t in full]
            singular = [t for t in full if not (t.endswith("s") and t[:-1] in full)]  # "CV90s" → "CV90"
            full = singular or full
            if full:
                ent.name = max(full, key=lambda t: (len(t), -full.index(t)))
                canonical = ent.canonical
                if canonical and canonical.isupper() and fold(canonical) == fold(ent.name):
                    ent.name = canonical  # "Nato" is NATO
            elif ent.canonical:
                ent.name = ent.canonical


def _system_name(name: str, ent: Entity, text: str) -> str:
    """The name a system goes by: `Hunter-class frigates` → `Hunter-class`; `F/A-18 Hornets` →
    `F/A-18 Hornet` where the article also writes it in the singular."""
    m = re.match(r"(.+?[- ]class)\b(?:\s+[a-z][\w-]*)+$", name)
    if m:
        return m.group(1)
    if name.endswith("s") and not name.endswith("ss"):
        known = {fold(a) for a in ent.facts.aliases} | {fold(ent.canonical or "")}
        if re.search(rf"{re.escape(name[:-1])}(?!s)\b", text) or \
                (any(c.isdigit() for c in name) and fold(name[:-1]) in known):  # "F/A-18 Hornets"
            return name[:-1]
    return name


def _head_key(surface: str) -> str:
    heads = patterns()["equipment_heads"]
    if surface in heads:
        return surface
    for a, b in patterns()["spelling_variants"]:
        if surface.replace(b, a) in heads:
            return surface.replace(b, a)
    return surface


STATE_BODIES = {"Ministry", "GovernmentAgency", "ArmedForces"}


def resolve(text: str, sentences: list[Sentence], gaz: Gazetteer) -> tuple[dict[str, Entity], list[Mention], list[Mention]]:
    """Entities of an article, all resolved mentions, and the role mentions."""
    r = Resolver(text, sentences, gaz)
    ents = r.run()
    return ents, sorted(r.mentions, key=lambda m: m.start), r.roles
