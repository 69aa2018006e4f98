"""Acronyms: defined in parentheses, then used alone; unknown names defined with them."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import JOINERS, agency_key, equipment_key, is_acronym
from ..candidates import chunk_candidates
from ..mentions import head_classes, head_regex, kit_nouns
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, Entity, EntityFacts, Mention
from ..text import alternation, fold, patterns
from .kit import kit_class
from .words import GENERIC_WORDS, PAREN_RE


class AcronymPasses:
    """Acronyms: defined in parentheses, then used alone; unknown names defined with them."""

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
            known = next((m for m in self.near(s_in, e_in, pad=0) if m.family == AGENCY and m.source == "gazetteer"
                          and (m.start, m.end) == (s_in, e_in)), None)
            if known is not None and self._defined_by_initials(before, inner) and not any(
                    m.key == known.key and m.end in (before - 1, before) for m in self.near(before, before, pad=200)):
                self._drop_surface(inner, (AGENCY,))  # "Excess Defense Articles (EDA)" is not the European Defence Agency
                continue
            prev = self._named_right_before(before, (PERSON, AGENCY, EQUIPMENT))
            if prev is not None:
                ent = self.entities[prev.key]
                if not self.covered(s_in, e_in, (AGENCY,)):
                    self.add(Mention(s_in, e_in, inner, ent.family, source="acronym"), ent.family, ent.cls, ent.key)
                elif ent.family == AGENCY:
                    self._redefined(inner, s_in, e_in, ent)
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
                    (set(patterns()["months"]) | set(patterns()["weekdays"])):
                continue  # "SEOUL, March 22 (Yonhap)": a dateline, not a name
            family, cls = self._classify(self.text[s:e])
            if family != EQUIPMENT:
                continue  # a body is named by its head noun elsewhere ("organisations"); here only a system
            lead = next((m for m in self.near(s, e, pad=0) if m.family == COUNTRY and m.start == s), None)
            if lead is not None:
                s = lead.end + 1  # "the new Colombian Ocean Patrol Vessel (POC)": the state's, not its name
            last = fold(self.text[s:e]).split()[-1]
            if len(self.text[s:e].split()) < 2 or last.endswith("s") and last[:-1] in kit_nouns() \
                    or re.match(r"\s*[A-Z\"“']", self.text[pm.end():pm.end() + 3]):
                continue  # "Armoured Personnel Carriers (APCs)": a kind; "Coast Guard Ship (MCGS) Victory": a prefix
            name = self.text[s:e]
            self.add(Mention(s, e, name, EQUIPMENT, source="context"), EQUIPMENT, cls, equipment_key(name), name)
            self.add(Mention(s_in, e_in, inner, EQUIPMENT, source="acronym"), EQUIPMENT, cls, equipment_key(name))

    def _acronyms_of_bodies(self) -> None:
        """`the Japan International Cooperation Agency (JICA)`: an acronym defined after a body of a state found by its
        head noun (after `_acronym_definitions` ran) is an alias of that body, so that "JICA" alone names it later."""
        for pm in PAREN_RE.finditer(self.text):
            inner = pm.group(1).strip()
            if not is_acronym(inner) or self.covered(pm.start(1), pm.end(1)):
                continue
            prev = self._named_right_before(pm.start(), (AGENCY,))
            ent = self.entities[prev.key] if prev is not None else None
            # (a body of no state stands for nothing alone: "the NAF will be supplied with …" is the article's state's;
            # a state's forces or ministry keep the acronym of their own language: "the Brazilian Navy (MB)")
            if ent is not None and (inner[:1] in _initials(ent.name) or ent.cls in ("ArmedForces", "Ministry")) \
                    and (ent.facts.country or ent.country):
                self.add(Mention(pm.start(1), pm.end(1), inner, AGENCY, source="acronym"), AGENCY, ent.cls, ent.key)

    def _named_right_before(self, pos: int, families: tuple[str, ...]) -> Mention | None:
        """The longest mention of `families` that ends right before `pos` (an acronym's bracket)."""
        return max((m for m in self.near(pos, pos, pad=200) if m.end in (pos - 1, pos) and m.family in families),
                   key=lambda m: m.end - m.start, default=None)

    def _acronyms_by_initials(self) -> None:
        """`PAF` in a story that names the Philippine Air Force and never Pakistan: a known acronym
        of a state the article does not name stands for the body it names whose initials it spells."""
        named = {m.key for m in self._named_countries}
        for m in [m for m in self.mentions if m.family == AGENCY and m.source == "gazetteer" and is_acronym(m.text)]:
            own = self.entities[m.key].facts.country
            if own is None or own in named:
                continue
            spelled = [e for e in self.entities.values() if e.family == AGENCY and e.key != m.key
                       and _initials(e.name) == m.text.upper()]
            if not spelled:
                spelled = self._spelled_out(m.text)
            if len(spelled) == 1:
                self.replace(m)
                self.add(Mention(m.start, m.end, m.text, AGENCY, source="acronym"), AGENCY, spelled[0].cls,
                         spelled[0].key)

    def _spelled_out(self, acronym: str) -> list[Entity]:
        """The one body whose name the text writes out in words starting with the acronym's letters
        ("Philippine Air Force" for PAF), added as an organisation; [] when none or several."""
        joiners = "|".join(map(re.escape, sorted(JOINERS)))
        words = rf"(?:\s+(?:{joiners}))*\s+".join(rf"{c}[\w'’-]*" for c in acronym if c.isalpha())
        found = {x.group(): x for x in re.finditer(rf"(?<![\w-]){words}(?![\w-])", self.text)}
        if len(found) != 1:
            return []
        x = next(iter(found.values()))
        country = self._country_in(x.start(), x.end())
        if self.covered(x.start(), x.end(), (PERSON, AGENCY, EQUIPMENT)) or not country:
            return []
        family, cls = self._classify(x.group())
        if family != AGENCY:
            return []
        facts = EntityFacts(country=country)
        return [self.add(Mention(x.start(), x.end(), x.group(), AGENCY, source="context"), AGENCY, cls,
                         agency_key(x.group()), x.group(), facts=facts)]

    def _redefined(self, acronym: str, s: int, e: int, ent: Entity) -> None:
        """`the Armaments Agency (AU)`: an acronym defined after a body's name is that body's wherever
        it stands alone, though a known body elsewhere goes by it, unless the text names that one in full."""
        known = next((m for m in self.mentions if m.start == s and m.end == e and m.family == AGENCY), None)
        # (only short acronyms, which many bodies share: "the Polish Air Force (NATO)" is NATO's)
        if known is None or known.key == ent.key or not is_acronym(acronym) or len(acronym) > 3 or \
                any(fold(m.text) != fold(acronym) for m in self.entities[known.key].mentions):
            return
        for m in [m for m in self.mentions if m.key == known.key]:
            self.replace(m)
            self.add(Mention(m.start, m.end, m.text, AGENCY, source="acronym"), AGENCY, ent.cls, ent.key)

    def _acronyms_after_acronyms(self) -> None:
        """`the TNI AU`, `the TNI AL`: a known body's initials written right after another body's are a branch of that
        body (Indonesia's air force, its navy), not the body those letters name alone (the African Union)."""
        bodies = [m for m in self.mentions if m.family == AGENCY and m.text.isupper() and " " not in m.text]
        for first, second in zip(bodies, bodies[1:]):
            # (of a state's body, and ending the name: not "the NATO EU Task Force")
            if second.start == first.end + 1 and self.text[first.end] == " " and second.key != first.key \
                    and (self.entities[first.key].country or self.entities[first.key].facts.country) \
                    and not re.match(r"[\w-]| [A-Z]", self.text[second.end:second.end + 2]):
                self.replace(second)

    def _acronyms_before_names(self) -> None:
        """`the PNGDF (PNG Defence Force)`: an acronym written before a body's name in parentheses, whose
        letters that name spells, is that body's, not a system or a person of its own."""
        for pm in PAREN_RE.finditer(self.text):
            body = next((m for m in self.mentions if m.family == AGENCY and m.start == pm.start(1) and m.end == pm.end(1)), None)
            word = re.search(r"([A-Z][A-Z0-9&-]{1,9})\s*$", self.text[max(0, pm.start() - 12):pm.start()])
            if body is None or word is None:
                continue
            acronym = word.group(1)
            spelt = "".join(w if w.isupper() else w[0] for w in body.text.split() if w[:1].isupper())
            if acronym not in (spelt, _initials(body.text)):
                continue
            end = pm.start() - (len(self.text[max(0, pm.start() - 12):pm.start()]) - word.end(1))
            start = end - len(acronym)
            for m in [m for m in self.mentions if m.start == start and m.end == end]:
                if m.family == AGENCY:
                    break
                self.replace(m)
            else:
                ent = self.entities[body.key]
                self.add(Mention(start, end, acronym, AGENCY, source="acronym"), AGENCY, ent.cls, ent.key)

    def _defined_by_initials(self, paren: int, acronym: str) -> bool:
        """The capitalised words right before `(ACR)` start with its letters, in order."""
        letters = [c for c in acronym if c.isalpha()]
        words = [w for w in re.findall(r"[\w'’-]+", self.text[max(0, paren - 120):paren]) if w[:1].isupper()]
        initials = "".join(w[0] for w in words[-len(letters):]) if len(words) >= len(letters) else ""
        return len(letters) >= 2 and initials.upper() == "".join(letters).upper()

    def _drop_surface(self, surface: str, families: tuple[str, ...] = (EQUIPMENT, PERSON)) -> None:
        """Forget mentions of those families written exactly so (a misread acronym)."""
        gone = {m.key for m in self.mentions if m.text == surface and m.family in families}
        self.mentions = [m for m in self.mentions if not (m.text == surface and m.key in gone)]
        for key in gone:
            ent = self.entities.get(key)
            if ent is not None:
                ent.mentions = [m for m in ent.mentions if m.text != surface]
                if not ent.mentions:
                    del self.entities[key]
        self._reindex()

    def _trim_chunk(self, s: int, e: int) -> tuple[int, int]:
        mark = re.match(r"\d{1,2}[.)] ", self.text[s:e])  # "17. Acme Shipyard": a numbered line's mark
        if mark and e - s > mark.end():
            s += mark.end()
        # "Chile's", "Colorado-based", "US-trained": whose it is, where or by whom: not the name
        while (poss := re.match(r"[\w.-]+['’]s |[\w.'’]+-(?:based|trained|backed|funded|equipped) ", self.text[s:e])) \
                and e - s > poss.end():
            s += poss.end()
        when = re.match(r"(?:Yesterday|Today|Tomorrow|Tonight|Earlier|Later|Meanwhile|Now)(?:,)? (?=[Tt]he )", self.text[s:e])
        if when and e - s > when.end():
            s += when.end()  # "Yesterday the Republic of Fiji Military Forces": when, not the name
        # "Representing the Ministry for X, I signed": a clause's verb; "Training of Croatian Army mechanics": what is done to them
        verb = re.match(r"[A-Z][a-z]+ing (?:the |of (?:the )?)", self.text[s:e])
        if verb and e - s > verb.end():
            s += verb.end()
        # "Modi Hands Over Chopper To Nepali Army": a headline in title case, its verb and preposition no part of a name
        cuts = list(_headline_cut().finditer(self.text, s, e))
        if cuts and e > cuts[-1].end():
            s = cuts[-1].end()
        words = self.text[s:e].split(" ")
        numbers = set(patterns()["number_words"])  # "Fourteen Nigerian Air Force personnel", "42 Navy officers": a count
        # ("552 Squadron", "401 Flying Training School": a unit's number is its name's)
        counted = words[0].isdigit() and fold(words[-1]) not in patterns()["numbered_unit_nouns"]
        while words and (words[0].lower() in GENERIC_WORDS or words[0].lower() in numbers or counted) and len(words) > 1 \
                and fold(" ".join(words[:2])) not in self.gaz.places:  # "New York National Guard": a place's name
            s += len(words[0]) + 1
            words, counted = words[1:], False
        return s, e

    def _classify(self, name: str) -> tuple[str | None, str]:
        low = fold(name)
        m = head_regex().search(low)
        if m and m.end() == len(low):
            return EQUIPMENT, head_classes()[m.group()]
        if low.split()[-1] in patterns()["kit_nouns"]:
            return EQUIPMENT, kit_class(low)  # "Joint Support Ship (JSS)": a programme named by its kind
        heads = {k: v for k, v in patterns()["org_heads"].items() if not k.startswith("_")}
        for head in sorted(heads, key=len, reverse=True):
            if re.search(rf"\b{re.escape(head)}\b", low):
                return AGENCY, heads[head]
        return AGENCY, "OtherOrganization"

    def _person_place(self, s: int, e: int, meets: bool = False) -> bool:
        """Whether a word at [s, e) stands where a person does: before what people do ("Budi said",
        "Budi had hosted") or after "according to", "whom" or "by" — not after "in", "at" or "from",
        nor before a noun ("Christian militias"); with `meets`, a short word only as the subject of a meeting
        verb (data/patterns.json `pronoun_meeting_verbs`: "Wei called on", "Wei also held a meeting")."""
        before, after = fold(self.text[max(0, s - 14):s]), self.text[e:e + 30]
        if meets:
            return re.match(rf"\s+(?:also\s+|then\s+|later\s+)?(?:{alternation('pronoun_meeting_verbs', 'host_verbs')})\b",
                            after) is not None and re.search(r"(?:^|\n|[.!?][\"”]?\s+|,\s+)$", self.text[max(0, s - 3):s]) is not None
        verbs = alternation("speech_verbs", "host_verbs", "auxiliaries")
        return bool(re.search(r"\b(?:according to|whom|by|with)\s+$", before)
                    or re.match(rf"(?:,\s+)?\s*(?:also\s+)?(?:{verbs})\b", after)
                    or re.match(r"\s+and\s+", after) and any(x.family == PERSON for x in self.near(e, e + 90, pad=0)))

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
        for key, ent in self.entities.items():
            words = ent.name.split()
            if ent.family == PERSON and _family_name_first(words):
                surnames.setdefault(words[0], key)  # "Teo Eng Dih" … "Teo", "Kim Man-ki" … "Kim"
        # "According to Budi": a given name alone, as Indonesian, Malay and Arabic news write people,
        # where it opens one person's name only and is no one's family name
        givens: dict[str, list[str]] = {}
        for key, ent in self.entities.items():
            words = ent.name.split()
            if ent.family == PERSON and len(words) >= 2 and len(words[0]) >= 2 and not _family_name_first(words):
                givens.setdefault(words[0], []).append(key)
        stop = set(patterns()["stop_capitalised"])
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
            if key is None and len(givens.get(word, [])) == 1 and word not in stop and \
                    self.country_at(m.start(2), e) is None and self._person_place(s, e, meets=len(word) < 5):
                key = givens[word][0]  # ("Wei called on …" after "Wei Fenghe": the first word, of a name written family name first)
            if key is None:
                continue
            ent = self.entities[key]
            self.add(Mention(s, e, self.text[s:e], ent.family, source="alias"), ent.family, ent.cls, key)


def _family_name_first(words: list[str]) -> bool:
    """A name written family name first, as Korean, Chinese and Singaporean names are: a hyphenated
    given name ("Kim Man-ki") or three short words ("Teo Eng Dih")."""
    if len(words) == 2:
        return bool(re.fullmatch(r"[A-Z][a-z]+-[a-z]+", words[1]))
    return len(words) == 3 and all(len(w) <= 4 and w[:1].isupper() and w[1:].islower() for w in words)


def _initials(name: str) -> str:
    """The capitals a name's words start with, joining words left out ("Philippine Air Force": PAF)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper() and w.lower() not in JOINERS)


@lru_cache(maxsize=1)
def _headline_cut() -> re.Pattern:
    """A word of a title-case headline that ends no name: a preposition, or a verb of transfer in its "-s" form ("Hands",
    "Supplies", "Donates"; data/patterns.json `transfer_stems`, not "Shipyards")."""
    stems = "|".join(sorted((re.escape(t.capitalize()) for t in patterns()["transfer_stems"]), key=len, reverse=True))
    return re.compile(rf"\b(?:To|Over|From|Into|With|(?:{stems})[a-z]{{0,2}}s)\s+")
