"""Final touches on one article's entities and events: roles, affiliations, referenced entities."""

from __future__ import annotations

import re
from functools import lru_cache

from .gazetteer import Gazetteer
from .model import AGENCY, KIT, PERSON, Entity, Event
from .text import fold, match_key, patterns


def finalize(entities: dict[str, Entity], events: list[Event], gaz: Gazetteer) -> tuple[dict[str, Entity], list[Event]]:
    """Choose each person's role and organisation; add entities that events refer to; drop kinds
    of equipment that no event moves."""
    moved = {k for ev in events for k in _keys(ev)}
    entities = {k: e for k, e in entities.items()
                if k in moved or not e.mentions or any(m.source != KIT for m in e.mentions)}
    # "their respective Armed Forces": a force named by its kind alone, of no state, is nobody in
    # particular unless an event or a person's title ties it to something
    forces = _bare_forces()
    tied = moved | {e.organization for e in entities.values() if e.family == PERSON}
    entities = {k: e for k, e in entities.items()
                if k in tied or e.family != AGENCY or e.gazetteer or e.country or e.facts.country
                or match_key(e.name) not in forces}
    defence_roles = {fold(r).replace("defense", "defence") for r in patterns()["defence_roles"]}
    for ent in entities.values():
        if ent.family != PERSON:
            continue
        roles = ent.roles
        singular = [r for r, plural in roles if not plural] or [r for r, _ in roles]
        if singular:
            ent.role = max(singular, key=lambda r: (singular.count(r), len(r)))
        if ent.organization is None and ent.role and ent.country and \
                fold(ent.role).replace("defense", "defence") in defence_roles:
            ministry = next((k for k, e in entities.items() if e.family == AGENCY and e.cls == "Ministry"
                             and (e.facts.country == ent.country)), None)
            ent.organization = ministry
    for ent in entities.values():
        if ent.family == AGENCY and ent.country is None:
            ent.country = ent.facts.country
    referenced = [k for e in list(entities.values()) for k in (e.facts.origin, e.facts.manufacturer, e.facts.parent)]
    wanted = [k for ev in events for k in _keys(ev)] + [k for k in referenced if k]
    for key in dict.fromkeys(wanted):
        if key not in entities:
            entry = gaz.entry(key)
            if entry is None:
                continue
            entities[key] = Entity(key=key, family=entry.family, cls=entry.cls, name=entry.name, facts=entry.facts,
                                   canonical=entry.name, gazetteer=True, implied=True)
    events = [ev for ev in events if all(k in entities for k in _keys(ev))]
    for ent in entities.values():
        ent.origin = ent.facts.origin if ent.facts.origin in entities else None
        ent.manufacturer = ent.facts.manufacturer if ent.facts.manufacturer in entities else None
        if ent.family == AGENCY and ent.parent is None and ent.facts.parent in entities:
            ent.parent = ent.facts.parent  # also a parent the article does not name, added above as implied
    for ent in entities.values():
        ent.aliases = {a for a in ent.aliases if a and not re.fullmatch(r"\W*", a)}
    return entities, events


def _keys(ev: Event) -> list[str]:
    return ev.kind_of.keys(ev)


@lru_cache(maxsize=1)
def _bare_forces() -> frozenset[str]:
    return frozenset(match_key(f) for f in patterns()["bare_forces"])
