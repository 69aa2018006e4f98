"""Resolution: mentions → entities, in passes over the article (each pass one method of a
mixin for one kind of thing). `PASSES` lists them in order with the families each needs
resolved before it runs and the families it adds or changes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..gazetteer import Gazetteer, equipment_key
from ..grammar import Grammar
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, Entity, Mention
from ..mentions import role_mentions
from ..sentences import Sentence
from ..text import DATELINE, fold
from .acronyms import AcronymPasses
from .brands import BrandPasses
from .calibres import CalibrePasses
from .companies import CompanyPasses
from .base import REFERENCE, Base
from .designations import DesignationPasses
from .equipment import EquipmentPasses, _system_name
from .bullets import BulletPasses
from .kit import KitPasses
from .known import KnownPasses
from .listed import ListedSystemPasses
from .named_kinds import NamedKindPasses
from .not_systems import NotSystemPasses
from .organisations import OrganisationPasses
from .people import PeoplePasses
from .references import ReferencePasses
from .ships import ShipPasses
from .spellings import SpellingPasses
from .variants import VariantPasses

ROLE = "role"


@dataclass(frozen=True)
class Pass:
    """One resolver pass: the method, what must be resolved before it, what it adds or changes."""

    method: str
    needs: tuple[str, ...]
    sets: tuple[str, ...]


PASSES: tuple[Pass, ...] = (
    Pass("_known", (), (COUNTRY, AGENCY, EQUIPMENT)),
    Pass("_ministry_names_run_on", (AGENCY,), (AGENCY,)),
    Pass("_acronym_definitions", (AGENCY, EQUIPMENT), (AGENCY, EQUIPMENT)),
    Pass("_calibres", (), (EQUIPMENT,)),
    Pass("_equipment_by_head", (EQUIPMENT, COUNTRY, AGENCY), (EQUIPMENT,)),
    Pass("_designations_by_company", (EQUIPMENT, COUNTRY, AGENCY), (EQUIPMENT,)),
    Pass("_designations_after_head", (EQUIPMENT, COUNTRY), (EQUIPMENT,)),
    Pass("_ship_names", (EQUIPMENT, COUNTRY), (EQUIPMENT,)),
    Pass("_organisations_by_head", (AGENCY, COUNTRY), (AGENCY,)),
    Pass("_companies_by_descriptor", (AGENCY, EQUIPMENT, COUNTRY), (AGENCY,)),
    Pass("_companies_by_contract", (AGENCY, EQUIPMENT, COUNTRY), (AGENCY,)),
    Pass("_company_prefixes", (AGENCY, EQUIPMENT, COUNTRY), (AGENCY,)),
    Pass("_national_arms", (AGENCY, COUNTRY), (AGENCY,)),
    Pass("_company_suffixes", (AGENCY, EQUIPMENT), (AGENCY,)),
    Pass("_company_divisions", (AGENCY, EQUIPMENT, COUNTRY), (AGENCY,)),
    Pass("_companies_by_legal_form", (AGENCY, EQUIPMENT, COUNTRY), (AGENCY,)),
    Pass("_company_countries", (AGENCY, COUNTRY), (AGENCY,)),
    Pass("_missions_in_places", (AGENCY, COUNTRY), (AGENCY,)),
    Pass("_bodies_of_bodies", (AGENCY, COUNTRY), (AGENCY,)),
    Pass("_acronyms_of_bodies", (AGENCY,), (AGENCY,)),
    Pass("_acronyms_by_initials", (AGENCY, COUNTRY), (AGENCY,)),
    Pass("_acronyms_after_acronyms", (AGENCY,), (AGENCY,)),
    Pass("_acronyms_before_names", (AGENCY, EQUIPMENT), (AGENCY, EQUIPMENT)),
    Pass("_filter_ambiguous_equipment", (EQUIPMENT,), (EQUIPMENT,)),
    Pass("_designation_prefixes", (EQUIPMENT,), (EQUIPMENT,)),
    Pass("_systems_inside_names", (EQUIPMENT, AGENCY, ROLE), (EQUIPMENT,)),
    Pass("_names_after_honorifics", (EQUIPMENT, AGENCY, ROLE), (EQUIPMENT, AGENCY)),
    Pass("_names_ending_in_bodies", (AGENCY, EQUIPMENT, COUNTRY, ROLE), (AGENCY,)),
    Pass("_distinct_variants", (EQUIPMENT,), (EQUIPMENT,)),
    Pass("_kind_versions", (EQUIPMENT,), (EQUIPMENT,)),
    Pass("_family_references", (EQUIPMENT,), (EQUIPMENT,)),
    Pass("_named_kinds", (EQUIPMENT, COUNTRY, AGENCY), (EQUIPMENT,)),
    Pass("_systems_listed_with_known", (EQUIPMENT, COUNTRY, AGENCY), (EQUIPMENT,)),
    Pass("_system_names_again", (EQUIPMENT, COUNTRY, AGENCY), (EQUIPMENT,)),
    Pass("_known_as", (EQUIPMENT,), (EQUIPMENT,)),
    Pass("_spaced_variant_codes", (EQUIPMENT, AGENCY, COUNTRY), (EQUIPMENT,)),
    Pass("_attached_variant_codes", (EQUIPMENT,), (EQUIPMENT,)),
    Pass("_titles_past_names", (AGENCY, ROLE), (ROLE,)),
    Pass("_people", (COUNTRY, AGENCY, EQUIPMENT, ROLE), (PERSON,)),
    Pass("_surnames_set_off_by_a_role", (PERSON, COUNTRY, AGENCY, EQUIPMENT, ROLE), (PERSON,)),
    Pass("_title_references", (PERSON, COUNTRY, ROLE), (PERSON,)),
    Pass("_titled_surnames", (PERSON, AGENCY, EQUIPMENT, COUNTRY, ROLE), (PERSON,)),
    Pass("_counterparts_by_surname", (PERSON, AGENCY, EQUIPMENT, COUNTRY), (PERSON,)),
    Pass("_known_people", (PERSON, AGENCY, EQUIPMENT, COUNTRY), (PERSON,)),
    Pass("_one_letter_spellings", (PERSON,), (PERSON,)),
    Pass("_merge_partial_names", (AGENCY, EQUIPMENT), (AGENCY, EQUIPMENT)),
    Pass("_bare_acronyms", (PERSON, AGENCY, EQUIPMENT), (PERSON, AGENCY, EQUIPMENT)),
    Pass("_acronyms_before_counts", (EQUIPMENT, AGENCY), (EQUIPMENT,)),
    Pass("_drop_equipment_named_like_people", (PERSON, EQUIPMENT), (EQUIPMENT,)),
    Pass("_web_addresses", (EQUIPMENT,), (EQUIPMENT,)),
    Pass("_numbered_by_maker", (AGENCY, EQUIPMENT, PERSON, COUNTRY), (EQUIPMENT, AGENCY)),
    Pass("_counted_models", (EQUIPMENT, PERSON, AGENCY, COUNTRY), (EQUIPMENT,)),
    Pass("_bullet_items", (EQUIPMENT, PERSON, AGENCY, COUNTRY), (EQUIPMENT,)),
    Pass("_kit_objects", (EQUIPMENT, PERSON, AGENCY, COUNTRY), (EQUIPMENT,)),
    Pass("_classes_with_kinds", (EQUIPMENT,), (EQUIPMENT,)),
    Pass("_branded_vehicles", (EQUIPMENT, PERSON, AGENCY, COUNTRY), (EQUIPMENT, AGENCY)),
    Pass("_models_in_brackets", (EQUIPMENT,), (EQUIPMENT,)),
    Pass("_not_money", (PERSON, AGENCY, EQUIPMENT), (PERSON, AGENCY, EQUIPMENT)),
    Pass("_not_in_datelines", (PERSON, AGENCY, EQUIPMENT), (PERSON, AGENCY, EQUIPMENT)),
    Pass("_names", (PERSON, AGENCY, EQUIPMENT, COUNTRY), (PERSON, AGENCY, EQUIPMENT, COUNTRY)),
)


class Resolver(BrandPasses, PeoplePasses, ReferencePasses, SpellingPasses, OrganisationPasses, CompanyPasses, EquipmentPasses, DesignationPasses,
               VariantPasses, CalibrePasses, ShipPasses, BulletPasses, KitPasses, NamedKindPasses, ListedSystemPasses, NotSystemPasses, AcronymPasses, KnownPasses, Base):
    """Builds the entities of one article from its text and sentences."""

    def run(self) -> dict[str, Entity]:
        """Every pass in order; the entities of the article."""
        for p in PASSES:
            getattr(self, p.method)()
        return self.entities

    def _titles_past_names(self) -> None:
        """`Excalibur Army chief executive Jane Doe`: a title read from inside a body's name ("Army chief") is
        read again from the words after the name ("chief executive")."""
        for r in list(self.roles):
            body = next((m for m in self.near(r.start, r.end) if m.family == AGENCY and m.start < r.start < m.end < r.end
                         and self.entities[m.key].cls in ("Company", "StateEnterprise")), None)  # (not "Nigerian Army chief")
            if body is None:
                continue
            again = [x for x in role_mentions(self.text[body.end:r.end + 60]) if x.start <= 1]
            self.roles.remove(r)
            for x in again:
                x.start, x.end = x.start + body.end, x.end + body.end
                self.roles.append(x)
        self.roles.sort(key=lambda x: x.start)

    def _not_in_datelines(self) -> None:
        """`ANKARA, June 8 (Acme Defence Wire) -`: the agency that filed a story names no system, body or person."""
        for d in DATELINE.finditer(self.text):
            if d.group("source") and re.match(r"\s*[—–-]", self.text[d.end("source"):]):  # (not "HAL (Hindustan …) delivered")
                for m in [m for m in self.near(d.start("source"), d.end("source"))
                          if d.start("source") <= m.start and m.end <= d.end("source") and m.family != COUNTRY]:
                    self.replace(m)

    def _not_money(self) -> None:
        """`$106M`, `C$2.3 billion`, `US$8 million`: what an amount of money is written with names nothing (a
        state's name in words stays: "2 billion Norwegian kroner")."""
        for start, end in self.money:
            for m in [m for m in self.near(start, end) if m.start < end and start < m.end and (
                    m.family != COUNTRY or re.match(r" ?[$€£¥]", self.text[m.end:m.end + 2]))]:
                self.replace(m)

    def _names(self) -> None:
        """The canonical name of each entity: its fullest written form in the article."""
        for ent in self.entities.values():
            if ent.family == COUNTRY:
                ent.name = ent.canonical or ent.name
                continue
            full = [re.sub(r"^(?:the|The)\s+", "", m.text) for m in ent.mentions
                    if m.source not in ("acronym", "alias", REFERENCE)]
            if ent.family == EQUIPMENT and ent.cls == "Ammunition" and ent.name.endswith(("shells", "rounds")):
                continue
            if ent.family == EQUIPMENT:
                full = [_system_name(t, ent, self.text) for t in full]
            if ent.family == AGENCY and ent.canonical:
                full = [self._without_country(t, ent) for t in full]
            singular = [t for t in full if not (t.endswith("s") and t[:-1] in full)]  # "CV90s" → "CV90"
            full = singular or full
            if full:
                # a proper name before a description ("the Bundeswehr" over "German armed forces")
                proper = lambda t: ent.family != AGENCY or not re.search(r"\s(?!(?:of|and|the|for|de|du)\b)[a-z]", t)
                ent.name = max(full, key=lambda t: (proper(t), len(t), -full.index(t)))
                if not proper(ent.name) and ent.canonical:
                    ent.name = ent.canonical  # "the Airbus group": a known body by its own name
                canonical = ent.canonical
                if canonical and canonical.isupper() and fold(canonical) == fold(ent.name) and ent.family != EQUIPMENT:
                    ent.name = canonical  # "Nato" is NATO
                if canonical and not ent.gazetteer and (fold(canonical).endswith(" " + fold(ent.name))
                                                        or fold(canonical).startswith(fold(ent.name) + " ")):
                    ent.name = canonical  # "Bell 412EPX", "Dingo 2 ambulance": more than any written form
            elif ent.canonical:
                ent.name = ent.canonical
        self._keys_without_makers()

    def _keys_without_makers(self) -> None:
        """`ABC Tigris T5` written also `Tigris T5`: a system is keyed without the maker's acronym
        written before it, as other articles name it."""
        for ent in [e for e in self.entities.values() if e.family == EQUIPMENT and not e.gazetteer]:
            words = ent.name.split()
            written = {fold(m.text) for m in ent.mentions}
            lead = next((i for i in range(1, len(words) - 1) if all(w.isalpha() and w.isupper() for w in words[:i])
                         and fold(" ".join(words[i:])) in written), None)
            key = equipment_key(" ".join(words[lead:])) if lead else ent.key
            if key != ent.key and key not in self.entities:
                self.rekey(ent.key, key)


    def _without_country(self, name: str, ent: Entity) -> str:
        """`US State Department` → `State Department`: a known organisation is labelled without
        the country written before its name."""
        known = {fold(ent.canonical or "")} | {fold(a) for a in ent.facts.aliases}
        for g in self.gaz.find(name):
            rest = name[g.end:].strip()
            if g.start == 0 and g.form.entry.family == COUNTRY and fold(rest) in known and len(rest.split()) >= 2:
                return rest
        return name


def resolve(text: str, sentences: list[Sentence], gaz: Gazetteer,
            grammar: Grammar) -> tuple[dict[str, Entity], list[Mention], list[Mention]]:
    """Entities of an article, all resolved mentions, and the role mentions."""
    r = Resolver(text, sentences, gaz, grammar)
    ents = r.run()
    return ents, sorted(r.mentions, key=lambda m: m.start), r.roles
