"""People named otherwise than by a full name with evidence: a title alone that refers to the one
person of its country, a title and a surname, and people the world data knows."""

from __future__ import annotations

import re
from functools import lru_cache

from ..candidates import is_name_word
from ..gazetteer import person_key
from ..mentions import people_nouns, title_words
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, Mention
from ..text import alternation, capitalised_honorifics, fold, patterns


class ReferencePasses:
    """People referred to by a title, by a title and a surname, or known to the world data."""

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
        """`President Doe` with no full name in the article: a person named as written."""
        stop = set(patterns()["stop_capitalised"])
        for r in self.roles:
            if r.plural or not r.text[:1].isupper():
                continue
            # ("Defence Minister Hon. Dr. Stergomena": honorifics between the title and the name)
            m = _after_title().match(self.text, r.end, r.end + 60)
            if m and m.group(1) in patterns()["grade_words"] and re.match(r" \d", self.text[m.end():m.end() + 2]):
                continue  # "Staff Officer Grade 1": a grade of the title, no name
            if not m or m.group(1) in stop or m.group(1) in title_words() or not is_name_word(m.group(1)) \
                    or any(w in title_words() for w in m.group(1).split("-")):
                continue  # ("Commander Brigadier-General Jane Doe": a title after a title)
            surname = re.sub(r"['’]s$", "", m.group(1))  # "President Phuc's visit": the name is Phuc
            word, after = fold(surname), self.text[m.end():m.end() + 12].split()[:1]
            if word in patterns()["honorifics"] or word in patterns()["org_heads"] or \
                    (after and after[0] in patterns()["name_particles"]) or word in people_nouns():
                continue  # "Gen. Romeo Brawner", "the Joint Coalition", "Prince Khalid bin Salman", "General Officers"
            s, e = m.start(1), m.start(1) + len(surname)
            if self.covered(s, e, (PERSON, AGENCY, EQUIPMENT, COUNTRY)) or self.country_at(s, e):
                continue
            if self.text[e:e + 2] in ("'s", "’s") and not self.text[e + 2:e + 3].isspace():
                continue
            name = surname
            known = self._person_ending_with(name)
            if known is None and r.text not in patterns()["royal_titles"]:
                # "President Joko" after "President Joko Santoso": leaders and East Asian
                # names are often given by their first word
                first = [k for k, x in self.entities.items() if x.family == PERSON and len(x.name.split()) > 1
                         and x.name.split()[0] == name]
                known = first[0] if len(first) == 1 else None
            inside = re.search(r"(?<![\w'’-])[A-Z][\w'’-]*\s+$", self.text[max(0, r.start - 30):r.start]) \
                if r.text in patterns()["royal_titles"] else None
            if inside is not None and inside.group().strip() in title_words():
                inside = None  # "Prime Minister Sheikh Jane": the word before ends another title
            if inside is not None:
                # "President Ali Sheikh Nur": the title word is inside a name
                s0 = r.start - (len(inside.group()))
                if self.covered(s0, e, (PERSON, AGENCY, EQUIPMENT, COUNTRY)) or not is_name_word(inside.group().strip()):
                    continue
                name = self.text[s0:e]
                self.add(Mention(s0, e, name, PERSON, source="pattern"), PERSON, "Person",
                         person_key(name), name)
                continue
            if r.text in patterns()["royal_titles"]:
                # "King Faris" beside "Omar bin Faris": a ruler goes by the first name and the title
                known = next((k for k, x in self.entities.items() if x.family == PERSON
                              and x.name.split()[0] == name), None)
                name = self.text[r.start:e] if known is None else name
                s = r.start if known is None else s
            key = known or person_key(name)
            ent = self.add(Mention(s, e, name, PERSON, source="alias" if known else "pattern"), PERSON, "Person",
                           key, name)
            if not known:
                self._attach_role(ent, r, None, [])

    def _counterparts_by_surname(self) -> None:
        """`met his Argentine counterpart Aguad`: one capitalised word alone after a person's "counterpart" names a person."""
        stop = set(patterns()["stop_capitalised"])
        for c in re.finditer(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}?counterpart(?= )", self.text):  # (not "its counterpart Hyosung")
            m = _after_title().match(self.text, c.end(), c.end() + 60)
            if m is None or m.group(1) in stop or m.group(1) in title_words() or not is_name_word(m.group(1)) \
                    or fold(m.group(1)) in patterns()["honorifics"] or fold(m.group(1)) in patterns()["org_heads"]:
                continue
            s, e = m.start(1), m.end(1)
            if self.covered(s, e, (PERSON, AGENCY, EQUIPMENT, COUNTRY)) or self.country_at(s, e) or self.text[e:e + 1] in "'’":
                continue
            name = m.group(1)
            known = self._person_ending_with(name)
            self.add(Mention(s, e, name, PERSON, source="alias" if known else "pattern"), PERSON, "Person",
                     known or person_key(name), name)

    def _known_people(self) -> None:
        """`Doe's invasion`, `should Jane Doe win`: a person the world data knows (data/persons.csv)
        by a full name anywhere, or by a surname the data lets stand alone where no other name word
        joins it, when the text's own evidence of people found no one there."""
        eponyms = set(patterns()["eponym_heads"])
        taken: list[tuple[int, int]] = []
        for g in sorted(self.gaz.find_people(self.text), key=lambda g: (g.start - g.end, g.start)):
            entry, s, e = g.form.entry, g.start, g.end
            if any(ts < e and s < te for ts, te in taken):
                continue  # "Doe" inside "Jane Ann el-Doe"
            if re.search(r"\b(?:%s)\s+$" % alternation("patronymic_particles"),
                         self.text[max(0, s - 6):s], re.I):
                continue  # "Jane bin John Doe": a known "John Doe" after "bin" is the father's name
            taken.append((s, e))
            found = next((m for m in self.near(s, e) if m.family == PERSON and m.start < e and s < m.end), None)
            if found is not None:
                ent = self.entities[found.key]
                if g.form.kind != "surname" and s <= found.start and found.end <= e and (s, e) != (found.start, found.end):
                    # "President Jane van Doe" read as "Jane": the known name is whole
                    ent.aliases.discard(found.text)
                    found.start, found.end, found.text = s, e, self.text[s:e]
                    ent.aliases.add(found.text)
                    self._reindex()
                if g.form.kind != "surname" and ent.key != entry.key:
                    self.rekey(ent.key, entry.key)  # one node for the person, however the article writes the name
                    ent = self.entities[entry.key]
                if ent.country is None and entry.facts.country in self.entities:
                    ent.country = entry.facts.country
                continue
            if self.covered(s, e, (AGENCY, EQUIPMENT)) or \
                    any(m.family == COUNTRY and m.start < e and s < m.end for m in self.near(s, e)):
                continue
            after = re.match(r"(?:['’]s)?\s+([\w-]+)", self.text[e:e + 30])
            if self.text[e:e + 1] == "-" or after and self.text[e:e + 1] not in "'’" and after.group(1).lower() in eponyms:
                continue  # "the Doe administration", "Doe-era rules": a government or a time, no person named
            joined = re.search(r"(?<![\w'’-])([A-Z][\w'’-]*)\s+$", self.text[max(0, s - 30):s])
            if g.form.kind == "surname" and (
                    joined and joined.group(1) not in patterns()["stop_capitalised"]
                    or re.match(r"\s+[A-Z][a-z]", self.text[e:e + 3])):
                continue  # "Hans Doe", "Doe Tower": another name with that word in it ("In Doe's view" is not)
            same = person_key(self.text[s:e])  # "President Doe" ... "Doe added"
            known = next((k for k in (entry.key, same) if k in self.entities), None) or \
                self._person_ending_with(self.text[s:e])
            ent = self.add(Mention(s, e, self.text[s:e], PERSON, source="alias" if known else "gazetteer"),
                           PERSON, "Person", known or entry.key, self.text[s:e])
            if ent.country is None and entry.facts.country in self.entities:
                ent.country = entry.facts.country
            if g.form.kind != "surname" and len(words := fold(self.text[s:e]).split()) > 1:
                # "Defense Minister Umerov" earlier, "Rustem Umerov" here: the surname alone was him
                for other in [x for x in self.entities.values() if x.family == PERSON and x.key != ent.key
                              and fold(x.name) == words[-1]]:
                    self.rekey(other.key, ent.key)


@lru_cache(maxsize=1)
def _after_title() -> re.Pattern:
    """Right after a title: honorifics written with a full stop, if any ("Hon. Dr.": data/patterns.json `honorifics`),
    then one capitalised word alone (group 1)."""
    honorifics = "|".join(sorted(map(re.escape, capitalised_honorifics()), key=len, reverse=True))
    return re.compile(rf" (?:(?:{honorifics})\. )*([A-Z][\w'’-]+)(?![\w-])(?! [A-Z])(?!\.(?! |$))")
