"""Vehicles named by their maker's brand: "Toyota Land Cruiser", "Ford F-350", "Mack tow trucks"."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import equipment_key
from ..mentions import kit_alternation
from ..model import AGENCY, COUNTRY, EQUIPMENT, KIT, PERSON, Mention
from ..text import alternation, fold, number_words, patterns, trigger_regex
from .kit import kit_class


@lru_cache(maxsize=1)
def _branded() -> re.Pattern:
    """A vehicle maker's brand (data/patterns.json `vehicle_brands`), then its model's capitalised words or
    code (group 1), then a kind of vehicle (group 2)."""
    brands = alternation("vehicle_brands", longest_first=True)
    kinds = kit_alternation()
    model = r"((?:\s+(?:[A-Z][\w-]*|\d[\w/-]*))*)"
    kind = rf"((?:\s+(?:[a-z-]+\s+){{0,2}}?(?:{kinds})\b)?)"
    return re.compile(rf"(?<![\w-])(?:{brands})['’\"”]?{model}{kind}")  # ("50 'Land Rover' armoured vehicles")


class BrandPasses:
    """Vehicles named by their maker's brand (mixed into the resolver)."""

    def _branded_vehicles(self) -> None:
        """`Toyota Land Cruiser`, `Ford F-350`, `Mack tow trucks`: a vehicle maker's brand and the model or the
        kind after it name an item where a transfer trigger of the sentence moves it (the brand alone, a
        company, names none)."""
        for sent in self.sentences:
            triggers = list(trigger_regex("transfer").finditer(fold(sent.text)))
            if not triggers:
                continue
            for m in _branded().finditer(sent.text):
                if not (m.group(1) + m.group(2)).strip():
                    continue  # the brand alone
                # "Ford F-350 pickups": the model names it; "Mack tow trucks": the kind does
                s, e = sent.start + m.start(), sent.start + (m.end(1) if m.group(1).strip() else m.end())
                brand = s + len(m.group()) - len(m.group(1) + m.group(2))
                if self.text[brand - 1] in "'’\"”":
                    brand = e = brand - 1  # "50 'Land Rover' armoured vehicles": the name the quotes close
                # ("Mitsubishi" read alone as a system before: the brand of the item named whole)
                overlapping = [x for x in self.near(s, e, pad=0) if x.start < e and s < x.end]
                alone = [x for x in overlapping if x.family == EQUIPMENT and x.start == s and x.end == brand]
                if any(x.family in (EQUIPMENT, PERSON, COUNTRY) and x not in alone for x in overlapping):
                    continue
                inner = [x for x in overlapping if x.family == AGENCY]
                if any(x.start < s or x.end > brand for x in inner):
                    continue  # "Tata Advanced Systems Limited": a company of the brand's group, named whole
                mention = Mention(s, e, self.text[s:e], EQUIPMENT, source=KIT)
                if not self._moved(sent, mention, triggers):
                    continue
                for x in inner + alone:
                    self.replace(x)  # "Mitsubishi cargo trucks": the maker's name is part of the item's
                name = self.text[s:e]
                self.add(mention, EQUIPMENT, kit_class(name), equipment_key(name), name)

    def _counted_models(self) -> None:
        """`2 Changlin GD555 wheeled graders`, `35 BMC Neocity 9-metre buses`: a count, then a maker and a model that
        the article knows nothing of (a code with digits, or the model's word after a known company), then a kind of
        equipment, name the model where a transfer moves it (a known vehicle brand is `_branded_vehicles`'; "20 Army
        trucks" are whose they are)."""
        p = patterns()
        for sent in self.sentences:
            triggers = list(trigger_regex("transfer").finditer(fold(sent.text)))
            if not triggers:
                continue
            for m in _counted_model().finditer(sent.text):
                words = m.group("name").split()
                if any(fold(w) in p["org_heads"] or w in p["bare_forces"] or w in p["stop_capitalised"] for w in words) \
                        or re.fullmatch(alternation("vehicle_brands"), words[0]):
                    continue
                s, e = sent.start + m.start("name"), sent.start + m.end("name")
                # ("35 BMC Neocity buses": a company named first is the maker, part of the model's name)
                maker = [x for x in self.near(s, e, pad=0) if x.family == AGENCY and x.start == s and x.end < e
                         and self.entities[x.key].cls in ("Company", "StateEnterprise")]
                if self.covered(s, e, (EQUIPMENT, PERSON, COUNTRY)) or self.covered(maker[0].end if maker else s, e, (AGENCY,)):
                    continue
                if not maker and not any(re.search(r"\d", w) for w in words[1:]):
                    continue  # ("three Tidewater Ships patrol boats": a brand before its kind, `_brand`; a model has a code or a known maker)
                whole = sent.start + m.end("kind")  # (what the trigger moves is the phrase up to its kind)
                if self._moved(sent, Mention(s, whole, self.text[s:whole], EQUIPMENT, source=KIT), triggers):
                    for x in maker:
                        self.replace(x)
                    self.add(Mention(s, e, self.text[s:e], EQUIPMENT, source="pattern"), EQUIPMENT, kit_class(m.group("kind")),
                             equipment_key(self.text[s:e]), self.text[s:e])

    def _models_in_brackets(self) -> None:
        """`ten trucks (Isuzu D-Max)`, `30 cars (Fiat Egea)`: a model named in brackets after a kind is the item;
        the kind before it names none of its own."""
        for m in [x for x in self.mentions if x.family == EQUIPMENT and x.source == KIT]:
            model = next((x for x in self.near(m.end, m.end + 4, pad=4) if x.family == EQUIPMENT and x is not m
                          and re.fullmatch(r"\s*\(\s*", self.text[m.end:x.start])
                          and re.match(r"\s*\)", self.text[x.end:x.end + 3])), None)
            if model is not None and m.key in self.entities:
                self.replace(m)

    def _numbered_by_maker(self) -> None:
        """`Ilyushin 76 transport aircraft`, `a Beechcraft King Air 350 surveillance aircraft`: a known maker, its
        model's capitalised words and a number, then a kind of equipment, name one model; the number counts
        nothing."""
        for m in [m for m in self.mentions if m.family == AGENCY and self.entities[m.key].cls in ("Company", "StateEnterprise")]:
            model = _maker_model().match(self.text, m.end)
            if model is None or self.covered(m.end + 1, model.end(1), (PERSON, COUNTRY, EQUIPMENT)):
                continue
            s, e = m.start, model.end(1)
            name = self.text[s:e]
            for x in [m] + [x for x in self.near(e, model.end()) if x.family == EQUIPMENT and e < x.start < model.end()]:
                self.replace(x)  # (the kind after the model is the same thing: "transport aircraft")
            self.add(Mention(s, e, name, EQUIPMENT, source="pattern"), EQUIPMENT, kit_class(model.group(2)),
                     equipment_key(name), name)


@lru_cache(maxsize=1)
def _counted_model() -> re.Pattern:
    """A count, two or three capitalised words or model codes (group `name`), a measure ("9-metre") and up to two
    lower-case qualifiers, then a kind of equipment (group `kind`)."""
    return re.compile(rf"(?<![\w.,])(?:\d{{1,4}}|{number_words()})\s+(?P<name>[A-Z][A-Za-z]+(?:\s+(?:[A-Z][\w-]*|\d[\w-]*\d[\w-]*)){{1,2}})"
                      rf"\s+(?:\d+(?:\.\d+)?-[a-z]+\s+)?(?:[a-z][a-z-]*\s+){{0,2}}?(?P<kind>{kit_alternation()})\b")


@lru_cache(maxsize=1)
def _maker_model() -> re.Pattern:
    """After a maker's name: the model's capitalised words and a number (group 1), then a kind of equipment or the
    word "type" (group 2), not a measure ("155 mm shells")."""
    kinds = kit_alternation()
    return re.compile(rf"((?:\s+[A-Z][a-z]+){{0,2}}\s+\d{{2,4}}[A-Z]{{0,2}})(?!\s*(?:mm|cm|km|kg|tons?|million|billion|per|%|years?)\b)"
                      rf"\s+((?:[a-z-]+\s+){{0,2}}?(?:{kinds})|type|model)\b")  # ("of the Bell 407 type")