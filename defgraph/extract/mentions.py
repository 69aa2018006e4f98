"""Mentions: gazetteer matches, role titles, person names, and unknown organisations and
equipment recognised from their context."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .gazetteer import Gazetteer, Match, gazetteer
from .model import COUNTRY, Mention
from .candidates import is_name_word
from .text import alternation, fold, patterns, spelling_variants

ROLE = "role"


def _regex_of(phrases: list[str], plural: bool = False) -> re.Pattern:
    forms: set[str] = set()
    for p in phrases:
        for v in spelling_variants(fold(p)):
            forms.add(v)
            if plural:
                forms.update(_plurals(v))
    alts = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")


def _plurals(phrase: str) -> set[str]:
    words = phrase.split(" ")
    out = set()
    for i, w in enumerate(words):
        if w in {"minister", "secretary", "president", "chief", "spokesman", "commander", "general",
                 "admiral", "ambassador", "chancellor"}:
            pl = {"secretary": "secretaries", "spokesman": "spokesmen"}.get(w, w + "s")
            out.add(" ".join(words[:i] + [pl] + words[i + 1:]))
    return out


@lru_cache(maxsize=1)
def role_regex() -> re.Pattern:
    return _regex_of([k for k in patterns()["roles"] if not k.startswith("_")], plural=True)


def number_forms(phrase: str) -> set[str]:
    """A folded head phrase in the singular and the plural: its last word inflected
    (`frigates` ↔ `frigate`, `batteries` ↔ `battery`, `aircraft` unchanged)."""
    words = phrase.split(" ")
    last = words[-1]
    if last in patterns()["heads_of_one_number"]:
        return {phrase}
    if last.endswith("ies"):
        other = last[:-3] + "y"
    elif re.search(r"(?:ch|sh|ss|x)es$", last):
        other = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        other = last[:-1]
    elif re.search(r"[^aeiou]y$", last):
        other = last[:-1] + "ies"
    elif re.search(r"(?:ch|sh|ss|x)$", last):
        other = last + "es"
    else:
        other = last + "s"
    return {phrase, " ".join(words[:-1] + [other])}


@lru_cache(maxsize=1)
def head_classes() -> dict[str, str]:
    """Every written form of a data/patterns.json `equipment_heads` phrase (British and American
    spelling, singular and plural) → the class it names."""
    listed: dict[str, str] = {}
    inflected: dict[str, str] = {}
    for phrase, cls in patterns()["equipment_heads"].items():
        if phrase.startswith("_"):
            continue
        for spelt in spelling_variants(fold(phrase)):
            listed[spelt] = cls
            inflected.update((form, cls) for form in number_forms(spelt))
    return {**inflected, **listed}


@lru_cache(maxsize=1)
def kit_alternation() -> str:
    """The kit nouns (`kit_nouns`), escaped, as one regex alternation, longest first (built once)."""
    return "|".join(sorted(map(re.escape, kit_nouns()), key=len, reverse=True))


@lru_cache(maxsize=1)
def kit_nouns() -> frozenset[str]:
    """Head nouns of a kind of equipment (lower case): the last words of data/patterns.json
    `equipment_heads` and the words of `kit_nouns`; never a word for people ("turboprop trainers" is
    a head, "150 army trainers" are people: `provider_nouns`, `trainee_nouns`)."""
    people = set(patterns()["provider_nouns"]) | set(patterns()["trainee_nouns"])
    heads = {phrase.split()[-1] for phrase in head_classes()} - people
    return frozenset(heads | {k for k in patterns()["kit_nouns"] if not k.startswith("_")})


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """Nouns for people or a group of them (data/patterns.json `visitor_nouns`, `attendee_nouns`,
    `trainee_nouns`, `people_group_nouns`)."""
    p = patterns()
    return frozenset(p["visitor_nouns"] + p["attendee_nouns"] + p["trainee_nouns"] + p["people_group_nouns"])


@lru_cache(maxsize=1)
def head_regex() -> re.Pattern:
    """The equipment head phrases in all their forms, longest first."""
    return _regex_of(list(head_classes()))


def normalise_role(surface: str) -> str:
    """The normalised role of a title as written, keeping the article's defence/defense spelling."""
    roles = patterns()["roles"]
    key = fold(surface)
    for a, b in (("ministers", "minister"), ("secretaries", "secretary"), ("spokesmen", "spokesman"),
                 ("presidents", "president"), ("chiefs", "chief")):
        key = re.sub(rf"\b{a}\b", b, key)
    role = None
    for variant in spelling_variants(key):
        if variant in roles:
            role = roles[variant]
            break
    role = role or surface.strip().title()
    if "defense" in key:
        role = role.replace("Defence", "Defense")
    return role


def gazetteer_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    """Gazetteer matches, longest first; countries may sit inside organisation names; in a headline
    written in capitals, the countries it names ("… HANDED OVER BY FRANCE")."""
    matches = sorted(gaz.find(text) + _countries_in_capitals(text, gaz), key=lambda m: (-(m.end - m.start), m.start))
    taken = bytearray(len(text))      # characters covered by a non-country match
    countries = bytearray(len(text))  # characters covered by a country match
    out: list[Mention] = []
    for m in matches:
        fam = m.form.entry.family
        overlaps = any(taken[m.start:m.end])
        if overlaps and fam != COUNTRY:
            continue
        if fam == COUNTRY:
            if any(countries[m.start:m.end]):
                continue
            countries[m.start:m.end] = b"\x01" * (m.end - m.start)
        else:
            taken[m.start:m.end] = b"\x01" * (m.end - m.start)
        out.append(_from_match(m, inside=overlaps))
    # a country inside a longer non-country span counts as a country mention, but not a name
    return sorted(out, key=lambda x: x.start)


def _countries_in_capitals(text: str, gaz: Gazetteer) -> list[Match]:
    """Countries named in a first line written in capitals, matched as if it were written in title case."""
    line = text.split("\n", 1)[0]
    letters = [c for c in line if c.isalpha()]
    titled = re.sub(r"[A-Z]{2,}", lambda w: w.group()[0] + w.group()[1:].lower(), line)
    if len(letters) < 20 or sum(c.isupper() for c in letters) < 0.8 * len(letters) or len(titled) != len(line):
        return []
    return [m for m in gaz.find(titled) if m.form.entry.family == COUNTRY and m.form.kind in ("name", "alias")
            and len(m.form.text) > 3]


def _from_match(m: Match, inside: bool = False) -> Mention:
    e = m.form.entry
    return Mention(m.start, m.end, "", e.family, key=e.key, source="gazetteer", form=m.form.kind, inside=inside)


@lru_cache(maxsize=1)
def title_shape_regex() -> re.Pattern:
    """A capitalised title the roles table may not know: modifiers, a head noun, a complement."""
    shape = patterns()["title_shape"]
    mods = "|".join(sorted(map(re.escape, shape["modifiers"]), key=len, reverse=True))
    heads = "|".join(sorted(map(re.escape, shape["heads"]), key=len, reverse=True))
    comps = "|".join(map(re.escape, shape["complements"]))
    word = r"[A-Z][\w'’.-]*"
    complement = rf"(?:\s+(?:{comps})\s+(?:the\s+)?{word}(?:\s+(?:{word}|&|and(?=\s+[A-Z])))*)"
    envoys = "|".join(map(re.escape, shape["hyphened_specialty"]))
    # ("Vice-President": a modifier may be hyphened to its head; "Minister-Counsellor": a head to another
    # head; "Counsellor-Political": a diplomat's title to the word that says which)
    post = "|".join(map(re.escape, shape["post_modifiers"]))  # "Minister Responsible for Defence Affairs"
    return re.compile(rf"(?<![\w-])(?:(?:{mods})(?:\s+|-)){{0,4}}(?:(?:{envoys})-[A-Z][a-z]+|(?:{heads})(?:-(?:{heads}))?)s?"
                      rf"(?:\s+(?:{post})(?=\s+(?:{comps})\s))?(?![\w-])(?P<complement>{complement}{{0,3}})")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words titles are made of (modifiers, heads, the domains of ministries), never of names."""
    shape = patterns()["title_shape"]
    return frozenset({w for phrase in shape["modifiers"] + shape["heads"] + shape["post_modifiers"] + patterns()["role_tail_words"]
                      for w in phrase.split()} | {"of", "for", "the", "and", "&"})


def _title_end(text: str, m: re.Match) -> int:
    """Where a shaped title ends: its whole complement when a comma follows ("Assistant Secretary
    of State for Political-Military Affairs, Jane Doe"), else as far as its words are title
    words ("Minister for Defence Procurement John Doe")."""
    if not m.group("complement"):
        return m.end()
    ranked = _rank_in_complement(m) or _envoy_place_end(m)
    if ranked is not None:
        # "Chief of Qatar's Military Cooperation Brigadier Jane Doe", "Ambassador of A to Qatar Jane Doe,":
        # the office ends at the rank, or at the place an envoy is sent to, before a name
        return ranked
    body = fold(m.group("complement").split()[-1]) in patterns()["org_heads"]
    if text.startswith(",", m.end()):
        stop = _title_words_end(text, m, m.start("complement"))
        rest = text[stop:m.end()].split()
        # "Prime Minister of Nepal Ram Dahal, …": an office of a state ends at the state's name
        for n in (3, 2, 1):
            place = re.match(r"\s*of\s+(?:the\s+)?(" + r"\s+".join([r"[A-Z][\w’-]*"] * n) + r")\s", text[stop:m.end()])
            if place and fold(place.group(1)) in gazetteer().places:
                stop, rest = stop + place.end(1), text[stop + place.end(1):m.end()].split()
                break
        # "Secretary of Commerce Gina Raimondo, …": the name the title's words stop at is no complement
        # ("Governor of the National Resilience Institute, …": a body's name is)
        named = 2 <= len(rest) <= 3 and all(is_name_word(w) and w not in title_words() for w in rest) and not body
        return stop if named else m.end()
    if body and not re.match(r"\s+[A-Z][a-z]", text[m.end():m.end() + 3]):
        return m.end()  # "Governor of the National Resilience Institute (Lemhannas)": the body's whole name
    stop = m.start("complement")
    envoy = re.match(r"\s+(?:to|in)\s+(?:the\s+)?[A-Z][\w'’-]+", text[stop:m.end()])
    if envoy and m.group().split()[-len(m.group("complement").split()) - 1] in patterns()["title_shape"]["envoys"]:
        return stop + envoy.end()  # "Norway's Ambassador to Argentina Jan Hansen", "Ambassador in Oslo"
    return _body_in_complement_end(text, _title_words_end(text, m, stop))


def _body_in_complement_end(text: str, stop: int) -> int:
    """`Chief of Staff of the Air Self-Defense Force Marumo`: where capitalised words after a title's words run on to
    the head of a body's name before a name, the title ends with the body's name."""
    run = re.match(r"(?:\s+[A-Z][\w’-]*){2,6}", text[stop:stop + 80])
    words = list(re.finditer(r"[A-Z][\w’-]*", run.group())) if run else []
    heads = [i for i, w in enumerate(words[:-1]) if _org_head_end().search(fold(run.group()[:w.end()]))]
    return stop + words[heads[-1]].end() if heads and text[stop:stop + 1].isspace() else stop


@lru_cache(maxsize=1)
def _org_head_end() -> re.Pattern:
    """Words that end with the head of a body's name (data/patterns.json `org_heads`: "… Self-Defense Force")."""
    return re.compile(rf"(?:^|[\s-])(?:{alternation('org_heads')})$")


def _rank_in_complement(m: re.Match) -> int | None:
    """Where a shaped title's complement ends that a rank and a name follow inside it; None if none."""
    ranks, words = set(patterns()["rank_words"]), title_words()
    found = list(re.finditer(r"\S+", m.group("complement")))
    for i, w in enumerate(found):
        if i < 2 or w.group() not in ranks or found[i - 1].group() in ranks:
            continue
        rest = [x.group().rstrip(".,") for x in found[i:]]
        name = [x for x in rest if x not in ranks]
        if len(name) >= 2 and rest.index(name[0]) < 3 and all(is_name_word(x) and x not in words
                                                               and fold(x) not in patterns()["org_heads"] for x in name[:2]):
            return m.start("complement") + found[i - 1].end()
    return None


def _envoy_place_end(m: re.Match) -> int | None:
    """Where an envoy's title ends at the country or place it is sent to, when two to four name words
    follow it inside the complement ("Ambassador of Bangladesh to Qatar Md Jane Doe"); None if not."""
    if m.group().split()[-len(m.group("complement").split()) - 1] not in patterns()["title_shape"]["envoys"]:
        return None
    to = list(re.finditer(r"\s(?:to|in)\s+(?:the\s+)?", m.group("complement")))
    if not to:
        return None
    words = list(re.finditer(r"\S+", m.group("complement")[to[-1].end():]))
    for n in (3, 2, 1):
        place = " ".join(w.group() for w in words[:n])
        name = [w.group().rstrip(".,") for w in words[n:]]
        name = name[:name.index("and")] if "and" in name else name  # "… Jane Doe and Brigadier John Roe"
        if fold(place) in gazetteer().places and 2 <= len(name) <= 4 and all(is_name_word(x) for x in name):
            return m.start("complement") + to[-1].end() + words[n - 1].end()
    return None


def _title_words_end(text: str, m: re.Match, stop: int) -> int:
    """The end of the title words that open a shaped title's complement (`stop` if none)."""
    words = title_words()
    ranks = set(patterns()["rank_words"])
    found = list(re.finditer(r"\S+", text[m.start("complement"):m.end() + 80]))
    for i, w in enumerate(found):
        if w.start() >= m.end() - m.start("complement") or w.group().rstrip(",") not in words:
            break
        rest = [x.group() for x in found[i:]]
        lead = next((j for j, x in enumerate(rest) if x not in ranks), len(rest))
        if i and lead and found[i - 1].group()[0].isupper() and lead < len(rest) and rest[lead] not in words:
            break  # "Chief of the Defence Staff General Jane Doe": a rank, then the name, after the office
        if w.group()[0].isupper():
            stop = m.start("complement") + w.end()
    return stop


def _extends(text: str, start: int, stop: int, known: list[tuple[int, int]]) -> bool:
    """A shaped title replaces the known ones inside it only when what it adds is title words or a
    complement ("Rear Admiral", "General Director", "Ambassador to Athens"), never a name."""
    first, last = min(ks for ks, _ in known), max(ke for _, ke in known)
    if first < start or last > stop or (first == start and last == stop):
        return False
    before, after = text[start:first].split(), text[last:stop].split()
    shape = patterns()["title_shape"]
    envoy = text[:last].split()[-1] in shape["envoys"]
    if after and after[0] in ("of", "for", "to", "in") and (after[0] not in ("to", "in") or envoy):
        return all(w[0].isupper() or w in ("of", "for", "to", "in", "the", "and", "&") for w in after)
    words = title_words()
    return all(w in words for w in before + after)


def role_mentions(text: str) -> list[Mention]:
    """Titles: those the roles table knows (normalised) and others by their shape (kept as written)."""
    folded = fold(text)
    out = []
    known = [(m.start(), m.end()) for m in role_regex().finditer(folded)]
    pos = 0
    while (m := title_shape_regex().search(text, pos)) is not None:
        stop = _title_end(text, m)
        pos = max(stop, m.start() + 1)  # what the title does not keep may hold the next one
        overlap = [(ks, ke) for ks, ke in known if ks < stop and m.start() < ke]
        if overlap and not _extends(text, m.start(), stop, overlap):
            continue  # the roles table knows this title ("Secretary of State John Doe")
        surface = " ".join(text[m.start():stop].split())
        words = surface.split()
        while len(words) > 1 and words[-1] in ("of", "for", "to", "the", "and", "&"):
            words.pop()
        surface = " ".join(words)
        if len(re.split(r"[\s-]+", surface)) < 2 and fold(surface) not in patterns()["roles"] and \
                surface not in patterns()["title_shape"]["lone"] and \
                not re.search(r"(?<![\w-])[A-Z]{2,6}\s$", text[max(0, m.start() - 8):m.start()]):
            continue  # a lone "Chief" or "Head" says too little (a body's initials before it say whose: "DAPA Chief")
        end = m.start() + len(text[m.start():stop].rstrip())
        heads = patterns()["title_shape"]["heads"]
        plural = any(w.endswith("s") and w[:-1] in heads for w in words)
        out.append(Mention(m.start(), end, text[m.start():end], ROLE, source="shape", plural=plural,
                           role=normalise_role(surface) if fold(surface) in patterns()["roles"] else surface))
    for m in role_regex().finditer(folded):
        surface = text[m.start():m.end()]
        plural = bool(set(fold(surface).split()) & {"ministers", "secretaries", "presidents", "chiefs",
                                                     "spokesmen", "chancellors", "commanders"})
        out.append(Mention(m.start(), m.end(), surface, ROLE, source="pattern", role=normalise_role(surface),
                           plural=plural))
    kept = _outermost(out)
    return [r for r in (_without_given_name(text, x) for x in _outermost(kept + _title_acronyms(text, kept)))
            if r is not None and not _surname_after_a_title(text, r, kept)]


def _without_given_name(text: str, role: Mention) -> Mention | None:
    """`Lieutenant General Sultan bin Mohammed`, `Gen Sultan bin Rashid`: a title that is also a name (data/patterns.json
    `title_surnames`) after a rank, written whole or short, before a name, begins that name; the role ends before it
    ("His Highness Sultan X" keeps the title)."""
    words = role.text.split()
    if words[-1] not in patterns()["title_surnames"] or not re.match(r"\s+(?:[A-Z]|bin\b|ibn\b)", text[role.end:role.end + 5]):
        return role
    before = words[-2] if len(words) > 1 else (re.findall(r"[\w'’]+(?=\.?\s+$)", text[max(0, role.start - 20):role.start]) or [""])[-1]
    if fold(before) not in {fold(w) for w in patterns()["rank_words"]} | set(patterns()["dotted_honorifics"]):
        return role
    if len(words) == 1:
        return None
    end = role.end - len(words[-1]) - 1
    surface = text[role.start:end]
    return replace(role, end=end, text=surface, role=normalise_role(surface))


def _surname_after_a_title(text: str, role: Mention, roles: list[Mention]) -> bool:
    """`Major General Rose King`: a title that is also a family name (data/patterns.json `title_surnames`),
    after a title and a given name, ends that name."""
    return role.text in patterns()["title_surnames"] and not re.match(r"\s+[A-Z]", text[role.end:role.end + 2]) and any(
        (gap := re.fullmatch(r"\s+((?:[A-Z][a-z'’-]+\s+){1,2})", text[r.end:role.start])) is not None
        and not set(gap.group(1).split()) & title_words() for r in roles if r.end < role.start)


def _outermost(roles: list[Mention]) -> list[Mention]:
    """Roles without those nested in longer ones (a known title inside a longer shaped one gives way)."""
    roles.sort(key=lambda r: (r.start, -(r.end - r.start)))
    kept: list[Mention] = []
    for r in roles:
        if kept and r.start < kept[-1].end:
            continue
        kept.append(r)
    return kept


def _title_acronyms(text: str, roles: list[Mention]) -> list[Mention]:
    """`Defence Minister (Menteri) Jane Doe` … `Menteri Doe`: a word set in brackets between a title
    and a name names that title where the article writes it before a name or after an honorific; initials in
    brackets after a title name it after "the"."""
    out = []
    honorifics = {h.lower() for h in patterns()["honorifics"] + patterns()["bracket_honorifics"]}
    for r in roles:
        caps = re.match(r"\s*\(([A-Z]{2,6})\)", text[r.end:r.end + 12])
        of = re.search(r"\bof\s+(?:the\s+)?(.+)$", r.text)
        if caps is not None and of is not None and caps.group(1) == "".join(w[0] for w in of.group(1).split() if w[:1].isupper()):
            caps = None  # "Director of the Defense Intelligence Agency (DIA)": the body's initials, not the title's
        if caps is not None:  # "Jane Doe, Chief of the Army (COA), … The COA's round of calls": the title by its initials
            out += [Mention(m.start(), m.end(), m.group(), ROLE, source="acronym", role=r.role, plural=False)
                    for m in re.finditer(rf"(?<=\b[Tt]he ){caps.group(1)}(?![\w)-])", text)]
        short = re.match(r"\s*\(([A-Z][a-z]{3,})\)\s+[A-Z][a-z]", text[r.end:r.end + 24])
        if short is None or fold(short.group(1)) in patterns()["org_heads"] or short.group(1) in title_words() \
                or fold(short.group(1)) in patterns()["retirement_marks"]:
            continue
        for m in re.finditer(rf"(?<![\w(-]){re.escape(short.group(1))}(?![\w)-])", text):
            before = text[max(0, m.start() - 12):m.start()].split()[-1:]
            if re.match(r" [A-Z][a-z]", text[m.end():m.end() + 3]) or (before and before[0].strip("\"“”'(").lower() in honorifics):
                out.append(Mention(m.start(), m.end(), m.group(), ROLE, source="acronym", role=r.role, plural=False))
    return out
