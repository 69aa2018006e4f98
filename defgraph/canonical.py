"""Written variants that an analyst reads as one entity get one IRI: a system written with other
spacing or hyphens ("155 mm"/"155mm", "K-9"/"K9"), a person with or without middle initials and
suffixes ("Lloyd J. Austin III" = "Lloyd Austin") or transliterated another way
("Zelensky"/"Zelenskyy"), and one spelling of a role ("Defense"/"Defence")."""

from __future__ import annotations

import re
from functools import lru_cache

from .extract.gazetteer import gazetteer
from .extract.model import EQUIPMENT, PERSON, Entity
from .extract.resolve.kit_referents import same_kind
from .extract.text import match_key
from .names import slugify, squash

SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v"}
# transliterations of one ending: Zelenskyy, Zelenskiy, Zelenskyi → Zelensky
_ENDINGS = re.compile(r"(?:yy|iy|yi)$")
# ("AW139 M" and "AW139M", "Mk-III" and "MkIII": one variant)
_LETTER_DIGIT = re.compile(r"(?<=[a-z])-(?=[0-9])|(?<=[0-9])-(?=[a-z])|(?<=\bmk)-(?=(?:[ivx]+|[0-9]+)[a-z]?(?:-|$))")
# a block number in Roman numerals, a variant letter after it: "block-iiic" (a mark's stays: "Mk X" is "MKX")
_BLOCK_ROMAN = re.compile(r"(?i)\b(block|blk\.?)([ -])(i{1,3}|iv|vi{0,3}|ix|x|\d+)(?=[a-hj-uw-z]?(?:\b|$))")
# a mark's word before its number, written or not: "Shaldag Mk V", "Shaldag Mk. V", "Shaldag Mark V", "Shaldag V"
_MARK = re.compile(r"(?<=-)(?:mk|mark)-?(?=(?:[ivx]+|\d+)[a-z]?(?:-|$))")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


def _block_in_figures(text: str) -> str:
    """A block number in Roman numerals written in figures, "Blk" in full: "Block IIIc" → "Block 3c", "blk-iii" → "block-3"."""
    return _BLOCK_ROMAN.sub(lambda m: ("Block" if m.group(1)[0] == "B" else "block") + m.group(2)
                            + str(_ROMAN.get(m.group(3).lower(), m.group(3))), text)
_ROLE_SPELLINGS = ((re.compile(r"\bDefense\b"), "Defence"), (re.compile(r"\bdefense\b"), "defence"))


@lru_cache(maxsize=1)
def _equipment_forms() -> dict[str, str]:
    """Squashed written forms of gazetteer systems → their key (forms two systems share left out)."""
    out: dict[str, str] = {}
    shared: set[str] = set()
    for form in gazetteer().forms:
        if form.entry.family != EQUIPMENT:
            continue
        k = squash(form.text)
        if out.get(k, form.entry.key) != form.entry.key:
            shared.add(k)
        out[k] = form.entry.key
    return {k: v for k, v in out.items() if k not in shared}


def person_name_key(name: str) -> str:
    """A person's name without middle initials and suffixes, endings transliterated one way."""
    words = match_key(name).split()
    words = [w for w in words if w and w not in SUFFIXES]
    if len(words) > 2:   # middle initials ("Lloyd J. Austin"), never the first or the last name
        words = [words[0]] + [w for w in words[1:-1] if len(w) > 1] + [words[-1]]
    return slugify(" ".join(_ENDINGS.sub("y", w) if len(w) > 4 else w for w in words))


def canonical_key(entity: Entity) -> str:
    """The key an entity is stored under: its own, or the one its written variants share. A variant
    the article names beside its family ("Gripen E" beside "Gripen E/F") is a system of its own."""
    family, _, slug = entity.key.partition(":")
    if entity.family == EQUIPMENT and (not entity.gazetteer or entity.variant_of):  # (a variant however written)
        forms = _equipment_forms()
        for name in (entity.name, *sorted(entity.aliases)):
            name = _block_in_figures(name)
            # (a variant is its own system, unless written as another row's name: "F/A-18 E/F" is the Super Hornet)
            if squash(name) in forms and forms[squash(name)] != entity.variant_of \
                    and same_kind(entity.cls, gazetteer().entry(forms[squash(name)]).cls):  # (not "Mamba" vehicles)
                return forms[squash(name)]
        slug = _MARK.sub("", _block_in_figures(slug))
        return f"{family}:{_LETTER_DIGIT.sub('', slug)}"
    if entity.family == PERSON:
        return f"{family}:{person_name_key(entity.name)}"
    return entity.key


def canonical_class(entity: Entity, key: str) -> str:
    """The class an entity is stored with under `key`: the gazetteer's when a written variant led
    to a gazetteer system, else its own. (Its name stays as written: the first name stored wins.)"""
    entry = gazetteer().entry(key) if key != entity.key else None
    return entry.cls if entry is not None else entity.cls


def canonical_keys(entities: dict[str, Entity]) -> dict[str, str]:
    """Each entity key → the key it is stored under."""
    return {key: canonical_key(e) for key, e in entities.items()}


def canonical_role(role: str) -> str:
    """One spelling of a role title ("Defense Minister" → "Defence Minister")."""
    for pattern, spelling in _ROLE_SPELLINGS:
        role = pattern.sub(spelling, role)
    return role
