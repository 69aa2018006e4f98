"""Gazetteer matches and the ministries a text implies: entities the world data knows."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..gazetteer import Entry, agency_key, equipment_key
from ..mentions import gazetteer_mentions
from ..model import AGENCY, COUNTRY, EQUIPMENT, EntityFacts, Mention
from ..text import alternation, content_triggers, fold, match_key, patterns, possessive_between, trigger_regex
from .words import MINISTRY_RE, STATE_BODIES


class KnownPasses:
    """Gazetteer matches and the ministries a text implies: entities the world data knows."""

    def _known(self) -> None:
        """Gazetteer matches, and the ministry a generic name implies, first of all."""
        gm = gazetteer_mentions(self.text, self.gaz)
        self._named_countries = [m for m in gm if m.family == COUNTRY and m.form != "capital"]
        # "New Delhi" is nobody; "Santiago Peña" is somebody: a capital's name before a surname blocks no name
        self._places = [(m.start, m.end) for m in gm if m.form == "capital" and not _given_name(self.text, m.end)]
        body = self.sentences[1].start if len(self.sentences) > 1 else 0
        # "Jakarta, Gatra.com - …": the state of a dateline's capital
        self._dateline_state = next((m.key for m in gm if m.form == "capital" and m.start == body), None)
        self._ministries(gm)
        for m in gm:
            if self.covered(m.start, m.end, (AGENCY,)) and m.family != COUNTRY:
                continue
            defined = next((x for x in self.near(m.start - 4, m.start) if x.family == AGENCY
                            and self.entities[x.key].cls == "Ministry" and re.fullmatch(r"\s*\(", self.text[x.end:m.start])
                            and (x.source == "pattern" or x.source == "gazetteer" and x.key != m.key and
                                 re.sub(r"^(?:the|The)\s+", "", x.text) in patterns()["generic_state_bodies"])), None)
            if defined is not None and m.family == AGENCY and self.text[m.end:m.end + 1] == ")":
                entry = self.gaz.entry(m.key)
                if entry.cls == "Ministry" and self.text[m.start:m.end] not in patterns()["generic_state_bodies"]:
                    # "the Ministry of Defence (Kemdef)": an acronym only one state uses names its ministry
                    self.replace(defined)
                    self.add(Mention(defined.start, defined.end, defined.text, AGENCY, source="gazetteer"),
                             AGENCY, entry.cls, entry.key, entry=entry)
                    self._gazetteer(m)
                    continue
                # "The Ministry of Defence (MoD)" of the country the text implies: its acronym
                self.add(Mention(m.start, m.end, self.text[m.start:m.end], AGENCY, source="acronym"),
                         AGENCY, "Ministry", defined.key)
                continue
            self._gazetteer(m)

    def _ministry_names_run_on(self) -> None:
        """`Austria's Federal Ministry of Defence and Sports (Bundesministerium …)`: a ministry's known name,
        then "and" and capitalised words before its name in parentheses, is that ministry's full name."""
        for m in [m for m in self.mentions if m.family == AGENCY and self.entities[m.key].cls == "Ministry"]:
            more = re.match(r" and (?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+ \(([^()]{8,120})\)", self.text[m.end:m.end + 180])
            # (the name in parentheses a ministry's own, in its language: not "and Acme Ltd (ACME)")
            if more is not None and re.search(r"minist|departament|secretar", fold(more.group(1))) \
                    and not self.covered(m.end + 5, m.end + more.start(1) - 2):
                more = re.match(r" and (?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+", more.group())
                m.end, m.text = m.end + more.end(), self.text[m.start:m.end + more.end()]
                self.entities[m.key].aliases.add(m.text)

    def _gazetteer(self, m: Mention) -> None:
        entry = self.gaz.entry(m.key)
        surface = self.text[m.start:m.end]
        if m.family == COUNTRY:
            if m.form == "capital" and not self._capital_acts(m):
                return
            region = re.search(rf"(?<![\w-])(?:{alternation('region_qualifiers')})\s+$",
                               self.text[max(0, m.start - 12):m.start])
            if m.form in ("alias", "demonym") and region:
                self._places.append((m.start - len(region.group()), m.end))
                return  # "Latin America": a region (a place, no name of anyone), not the state an alias names
            if m.form == "demonym" and re.search(r"(?<![\w-])(?:[A-Z][a-z]+o|pro|anti)-$", self.text[max(0, m.start - 12):m.start]):
                return  # "the Franco-Beninese partnership", "pro-Russian": of a pair of states, or a leaning
            if m.form == "demonym" and re.search(r"\bin\s+$", self.text[max(0, m.start - 4):m.start]) \
                    and re.match(r"\s*(?:[.,;:)]|$)", self.text[m.end:m.end + 2]):
                return  # "follow the training in German.": a language, not a state
            if _place_named_for_state(self.text, m.start, m.end):
                self._places.append((m.start, m.end))
                return  # "Burma Camp", "the Gulf of Guinea": a place named after a state, not the state
            self.add(Mention(m.start, m.end, surface, COUNTRY, source=m.form, form=m.form, inside=m.inside),
                     COUNTRY, "Country", entry.key, entry.name, entry=entry)
            return
        lead = self.text[max(0, m.start - 12):m.start] + re.match(r"(?i)(the\s+)?", surface).group(0)
        if entry.cls == "OtherOrganization" and re.search(r"\b(?:to|at|in|from|outside|inside|near)\s+the\s+$", lead):
            return  # "welcomed ... to the White House": a place, not an actor
        owner = self._country_written_after(m, entry)
        if owner is not None:
            # "the Royal Air Force of Oman": another state's body of the same name, named with its state
            end = owner.end
            name = re.sub(r"^(?:the|The)\s+", "", self.text[m.start:end])
            self.add(Mention(m.start, end, self.text[m.start:end], m.family, source="pattern", form=m.form), m.family,
                     entry.cls, agency_key(name), name, facts=EntityFacts(country=owner.key))
            return
        home = self._qualifying_country(m, entry) or self._home_country(entry, surface)
        if home is not None:
            # "the Department of National Defense" in a Philippine story is not Canada's
            name = re.sub(r"^(?:the|The)\s+", "", surface)
            local = next((e for e in self.gaz.entries.values() if e.family == AGENCY and e.cls == entry.cls
                          and e.facts.country == home and match_key(e.name).startswith(match_key(name))), None) \
                or next((e for e in self._sharing(entry, name) if e.facts.country == home), None)
            # "Estonia's Ministry of Defence … the Estonian MOD": the body already written out in full
            written = next((e for e in self.entities.values() if e.family == AGENCY and e.cls == entry.cls
                            and (e.country or e.facts.country) == home
                            and match_key(entry.name) in {match_key(a) for a in e.aliases | {e.name}}), None)
            if local is None and written is not None:
                self.add(Mention(m.start, m.end, surface, m.family, source="alias", form=m.form),
                         m.family, written.cls, written.key)
            elif local is not None:
                self.add(Mention(m.start, m.end, surface, m.family, source="gazetteer", form=m.form),
                         m.family, local.cls, local.key, entry=local)
            else:
                self.add(Mention(m.start, m.end, surface, m.family, source="pattern", form=m.form), m.family,
                         entry.cls, f"{agency_key(name)}-of-{home.split(':')[1]}", name, facts=EntityFacts(country=home))
            return
        variant = self.gaz.variant(entry, surface) if m.family == EQUIPMENT else None
        if variant is not None:
            # "Skyranger 35": a variant the row lists among its aliases is a system of its own
            # the family's origin and maker, not its other names nor its Wikidata item
            facts = replace(entry.facts, aliases=(variant,), wikidata=None)
            ent = self.add(Mention(m.start, m.end, surface, m.family, source="gazetteer", form=m.form, inside=m.inside),
                           m.family, entry.cls, equipment_key(variant), surface, facts=facts)
            ent.canonical, ent.gazetteer, ent.variant_of = variant, True, entry.key
            return
        self.add(Mention(m.start, m.end, surface, m.family, source="gazetteer", form=m.form, inside=m.inside),
                 m.family, entry.cls, entry.key, entry=entry)

    def _home_country(self, entry, surface: str) -> str | None:
        """The article's country, for a state body named as many states name theirs ("the Ministry
        of National Defence", "MND": data/patterns.json, generic_state_bodies), when the article
        never names the country the gazetteer gives that name."""
        country = entry.facts.country
        generic = {match_key(g) for g in patterns()["generic_state_bodies"]}
        name = re.sub(r"^(?:the|The)\s+", "", surface)
        # ("the House of Representatives" of an Indonesian story: a parliament named as many states name theirs)
        parliament = entry.cls == "OtherOrganization" and match_key(name) in generic
        if entry.family != AGENCY or entry.cls not in STATE_BODIES and not parliament or not country:
            return None
        named = [m.key for m in self._named_countries]
        if match_key(name) not in generic:
            # "the Federal Ministry of Defence" of an Austrian release: a name another state's body has
            # too, without its country ("Federal Ministry of Defence of Austria"), is that state's where
            # the text names that state and not the first
            shared = [e.facts.country for e in self._sharing(entry, name)]
            if shared and country not in named and self._known_person_of(country):
                return None  # "Boris Pistorius, head of the Federal Ministry of Defence": a minister of its own state
            return next((c for c in named if c in shared), None) if shared and country not in named else None
        if entry.cls == "Ministry" and self._said_ministry not in (None, country):
            return self._said_ministry  # whose ministry the text says elsewhere
        if parliament and self._dateline_state is not None:
            return self._dateline_state if self._dateline_state != country else None
        if not named or country in named:
            return None
        return named[0]

    def _known_person_of(self, country: str) -> bool:
        """Whether the text names a person the data knows as one of `country`'s."""
        return any(g.form.entry.facts.country == country for g in self.gaz.find_people(self.text))

    def _sharing(self, entry, name: str) -> list:
        """The bodies of other states, of the same kind, that the gazetteer also names `name` without their country."""
        return [e for e in self.gaz.without_country.get(fold(name), [])
                if e.cls == entry.cls and e.facts.country not in (None, entry.facts.country)]

    def _qualifying_country(self, m: Mention, entry: Entry) -> str | None:
        """`Chile's Defence Procurement Agency`, `the Chilean Ministry of Defence`: a state body
        that the text gives another country than the gazetteer's is that country's own."""
        if entry.family != AGENCY or entry.cls not in STATE_BODIES | {"StateEnterprise"} or not entry.facts.country:
            return None
        before = next((c for c in self._named_countries if c.end <= m.start and
                       possessive_between(self.text, c.end, m.start, space=r"\s")), None)
        return before.key if before is not None and before.key != entry.facts.country else None

    def _country_written_after(self, m: Mention, entry: Entry) -> Mention | None:
        """`the Royal Air Force of Oman`: a state named right after a state body of another state's name."""
        if entry.family != AGENCY or entry.cls not in STATE_BODIES or not entry.facts.country:
            return None
        return next((c for c in self._named_countries if c.key != entry.facts.country and c.form != "demonym"
                     and re.fullmatch(r" of (?:the )?", self.text[m.end:c.start])), None)

    def _capital_acts(self, m: Mention) -> bool:
        """`Berlin said`, `an arms deal with Washington`, `received training from Ankara`: a capital
        standing for its government."""
        if self.text[m.end:m.end + 1] == "-":
            return False  # "Ankara-based": a place
        after = self.text[m.end:m.end + 30].split()
        before = fold(self.text[max(0, m.start - 80):m.start])
        stems = alternation("transfer_stems")
        if re.search(rf"\b(?:{stems})[a-z]*(?:\s+over)?\s+to\s+$", before):
            return True  # "handing over to Manila", "delivered to Kyiv": the state that receives
        if re.search(r"\b(?:government|authorities|administration|leadership)\s+in\s+$", before):
            return True  # "the government in London began training …": that state's government
        if re.search(r"\b(?:in|at)\s+$", before):
            return False  # "Kenya's ambassador in Washington signed": the place where someone is
        if bool(after) and after[0].strip(",.;:") in patterns()["capital_verbs"]:
            return True
        joined = re.match(r"\s+and\s+(\S+(?:\s+[A-Z]\S*)?)\s+(\w+)", self.text[m.end:m.end + 60])
        verbs = set(patterns()["capital_verbs"]) | set(patterns()["joint_capital_verbs"])  # ("Astana and Tashkent sign")
        if joined and joined.group(2) in verbs and not re.search(r"\bbetween\s+$", before) and any(
                s == m.end + joined.start(1) and e == m.end + joined.end(1) for s, e in self._places):
            return True  # "Astana and Tashkent signed": two capitals that act together
        if bool(after) and after[0] in verbs and any(self.text[s:e + 5] == self.text[s:e] + " and " and e + 5 == m.start
                                                     for s, e in self._places):
            return True  # (the second of them)
        rest = fold(self.text[m.end:m.end + 60])
        opening = re.match(r"\s+(?:(?:has|have|had|will|would|also|now|then|on\s+[a-z]+day)\s+)*", rest)
        verb = trigger_regex("transfer").match(rest, opening.end()) if opening else None
        if verb is not None and verb.group(1) not in content_triggers():
            return True  # "Washington donated boats", "Seoul has handed over two corvettes"
        if _document_with().search(before):
            return True  # "a pact on security with Kyiv", "held preliminary discussions with Gaborone"
        return re.search(
            r"\b(?:received|receives|receive|obtained|got)\b[^.;]{0,60}\bfrom\s+$"
            r"|\b(?:sell|sells|sold|supply|supplies|supplied|send|sends|sent|give|gives|gave)\s+$", before) is not None

    def _ministries(self, gm: list[Mention]) -> None:
        """Generic ministry names resolve to the ministry of the country the text implies."""
        by_country = {}
        for e in self.gaz.entries.values():
            if e.family == AGENCY and e.cls == "Ministry" and e.facts.country and \
                    re.search(r"defen[cs]e|armed forces", fold(e.name)):
                by_country.setdefault(e.facts.country, e)
        countries = [m for m in gm if m.family == COUNTRY and m.form != "capital"]
        found = []
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
                                   and possessive_between(self.text, m.end, start, required=True, space=" ")), None)  # "the Netherlands' Ministry"
                if possessive:
                    country = possessive.key
            if country is None:
                gazetteer_hit = next((m for m in gm if m.family == AGENCY and m.start <= start and end <= m.end
                                      and fold(self.text[m.start:m.end]) != fold(self.text[start:end])), None)
                if gazetteer_hit:
                    continue  # a longer specific name already covers it
            found.append((start, end, country))
        # "the Ministry of Defence" of a release signed "Ministry of Defence of the Republic of Latvia":
        # where the text says whose ministry it is for one country only, that is the bare one's country
        said = {c for _, _, c in found if c is not None}
        default = self._said_ministry = next(iter(said)) if len(said) == 1 else None
        for start, end, country in found:
            country = country or default or self._main_country(countries) or self._implied_country(gm)
            if country is None:
                continue
            entry = by_country.get(country)
            key = entry.key if entry else f"{AGENCY}:ministry-of-defence-{country.split(':')[1]}"
            facts = replace(entry.facts, country=country) if entry else EntityFacts(country=country)
            self.add(Mention(start, end, self.text[start:end], AGENCY, source="pattern"),
                     AGENCY, "Ministry", key, None, facts=facts, entry=entry)

    def _main_country(self, countries: list[Mention]) -> str | None:
        return countries[0].key if countries else None

    def _implied_country(self, gm: list[Mention]) -> str | None:
        """Where the text names no country: the one its places ("New Delhi") and its known bodies
        (Indian companies) all belong to, if they agree."""
        found = {m.key for m in gm if m.family == COUNTRY and m.form == "capital"}
        for m in gm:
            entry = self.gaz.entries.get(m.key) if m.family == AGENCY else None
            if entry is not None and entry.facts.country and entry.cls != "Ministry":
                found.add(entry.facts.country)
        return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1)
def _document_with() -> re.Pattern:
    """A document or talks, then "with" right before a capital ("an arms deal worth Sh25 billion with
    Washington"): the capital is the other side."""
    document = trigger_regex("agreement").pattern + "|" + trigger_regex("talks_nouns").pattern
    return re.compile(rf"(?:{document})[^.;:,()]{{0,40}}\bwith\s+$")


@lru_cache(maxsize=1)
def _state_place_regexes() -> tuple[re.Pattern, re.Pattern]:
    """Words after and before a state's name that make it name a place (data/patterns.json
    state_place_heads, water_openers); a head that a name goes on after does not ("the Colombian Ocean
    Patrol Vessel")."""
    heads = alternation("state_place_heads")
    waters = alternation("water_openers")
    return re.compile(rf" (?:{heads})\b(?! [A-Z])"), re.compile(rf"(?<![\w-])(?:{waters}) (?:the )?$")


def _place_named_for_state(text: str, start: int, end: int) -> bool:
    """`Burma Camp`, `the Gulf of Guinea`: a state's name in the name of a place; `Georgia in the USA`, `Fort
    Benning, Georgia`: a state's name that is also a region of another state (data/patterns.json
    `state_homonym_regions`), written as that region."""
    after, before = _state_place_regexes()
    if after.match(text, end) is not None or before.search(text[max(0, start - 16):start]) is not None:
        return True
    region = _region_regexes().get(text[start:end])
    return region is not None and (region.match(text, end) is not None
                                   or _place_comma().search(text[max(0, start - 40):start]) is not None)


@lru_cache(maxsize=1)
def _region_regexes() -> dict[str, re.Pattern]:
    """For each state named like a region of another: that other state written after it (", USA", "in the US")."""
    return {name: re.compile(rf"(?:,\s+|\s+in\s+(?:the\s+)?)(?:{'|'.join(map(re.escape, other))})\b")
            for name, other in patterns()["state_homonym_regions"].items()}


@lru_cache(maxsize=1)
def _place_comma() -> re.Pattern:
    """A named place and a comma before a region's name ("Fort Benning, ", "Moody Base, "): data/patterns.json
    `place_openers` and `state_place_heads`."""
    openers = alternation("place_openers")
    heads = alternation("state_place_heads")
    return re.compile(rf"\b(?:(?i:{openers})\s+[A-Z][\w'’-]*|[A-Z][\w'’-]*\s+(?:{heads})),\s+$")


def _given_name(text: str, end: int) -> bool:
    """Whether a capital's name ending at `end` is the given name of a person: one more capitalised word of
    letters follows it that heads no place or body ("Santiago Peña", not "Santiago Bay" or "Lima Group")."""
    word = re.match(r" ([A-Z][a-zà-ÿ'’-]+)\b(?! [A-Z])", text[end:end + 30])
    return word is not None and fold(word.group(1)) not in patterns()["org_heads"] \
        and fold(word.group(1)) not in patterns()["place_heads"] and word.group(1) not in patterns()["state_place_heads"]
