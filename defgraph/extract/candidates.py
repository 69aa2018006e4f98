"""Candidate spans from the shape of capitalised words: people's names (with initials, honorifics,
particles and suffixes) and the capitalised chunks that may name an organisation."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from .gazetteer import gazetteer
from .sentences import Sentence
from .text import alternation, capitalised_honorifics, fold, patterns

_WORD = re.compile(r"[^\W_][\w'’.\-]*", re.UNICODE)
_WORD_OR_AMPERSAND = re.compile(r"[^\W_][\w'’.\-]*|&", re.UNICODE)


class _NameWords(NamedTuple):
    """The word tables (data/patterns.json) that `name_candidates` reads, built once."""

    particles: frozenset[str]
    suffixes: frozenset[str]
    particle_stops: frozenset[str]
    stop: frozenset[str]
    months: frozenset[str]
    honorifics: frozenset[str]
    marks: frozenset[str]
    articles: frozenset[str]
    org_first: frozenset[str]  # "Comando Logístico", "Fuerza Aérea": a body whose name opens with its head noun
    after_title: frozenset[str]
    company_suffixes: frozenset[str]
    counterparts: frozenset[str]  # "his counterpart Ahmed Fathi IBRAHIM KHALIFA": a name follows, as after a title


@lru_cache(maxsize=1)
def _name_words() -> _NameWords:
    p = patterns()
    honorifics = frozenset(p["honorifics"])
    return _NameWords(
        particles=frozenset(p["name_particles"]) | set(p["patronymic_particles"]),
        suffixes=frozenset(s.rstrip(".") for s in p["name_suffixes"]),
        particle_stops=frozenset(p["name_particle_stops"]), stop=frozenset(p["stop_capitalised"]),
        months=frozenset(p["months"]), honorifics=honorifics,
        marks=frozenset(m.lower().rstrip(".") for m in p["retirement_marks"]),
        articles=frozenset(p["name_article_prefixes"]),
        org_first=frozenset(p["strong_org_heads"]) | set(p["org_openers"]),
        after_title=frozenset(h.title() for h in honorifics) | set(p["title_shape"]["heads"]),
        company_suffixes=frozenset(x.rstrip(".") for x in p["company_suffixes"] if " " not in x),
        counterparts=frozenset(p["counterpart_cues"]))


@lru_cache(maxsize=1)
def _articled() -> re.Pattern:
    """A name's word that opens with an article prefix ("al-", "el-": data/patterns.json `name_article_prefixes`)."""
    return re.compile(rf"(?:{alternation('name_article_prefixes')})-[^\W\d_]", re.I)


def is_name_word(w: str) -> bool:
    if len(w) == 2 and w[0].isupper() and w[1] == ".":
        return True  # an initial
    core = w.rstrip(".")
    if not core or not core[0].isupper() or not core[0].isalpha():
        return False
    if any(c.isdigit() for c in core):
        return False
    letters = [c for c in core if c.isalpha()]
    return len(letters) >= 2 and any(c.islower() for c in letters)


def name_candidates(text: str, sent: Sentence, blocked: list[tuple[int, int]],
                    titles: list[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Runs of capitalised words that could be a person's name (2–4 words); `titles` are the spans of
    titles in the sentence, after which a middle initial belongs to a name."""
    p = patterns()
    (particles, suffixes, particle_stops, stop, months, honorifics, marks, articles, org_first, after_title,
     company_suffixes, counterparts) = _name_words()
    articled = _articled()
    words = [(m.start() + sent.start, m.end() + sent.start, m.group()) for m in _WORD.finditer(sent.text)]
    title_ends = {e + 1 for _, e in titles}

    def titled(k: int, any_title: bool = False) -> bool:
        """Whether word `k` follows a title's head word ("General M M Doe"), or with `any_title` any
        title ("US Secretary of Defence Lloyd J Austin") or "counterpart"."""
        return k > 0 and (words[k - 1][2].rstrip(".").rsplit("-", 1)[-1] in after_title  # ("Rear-Admiral")
                          or any_title and (words[k][0] in title_ends or words[k - 1][2] in counterparts)
                          or k > 1 and re.fullmatch(r"[A-Z]{2,5}", words[k - 1][2]) is not None
                          and words[k - 2][2].rstrip(".") in after_title)  # "Brigjen TNI I Made Doe"

    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        s, e, w = words[i]
        glued = GLUED_INITIALS.fullmatch(re.sub(r"['’]s$", "", w.rstrip(".")))  # ("V.N.Ivanov's delegation")
        if glued and not _blocked(s, e, blocked):
            out.append((s, s + glued.end()))  # "V.N.Ivanov", "Kh.Batbold": initials written against the family name
            i += 1
            continue
        w = w.rstrip(".") if not (len(w) == 2 and w.endswith(".")) else w
        # "Minister Dr R Balakrishnan", "General M M Doe", "Air Marshal V.R. Doe": initials after a title
        initials = _initials_end(text, words, i) if titled(i) else None
        bare_initial = initials is not None
        # "Mr. HAYASHI Yoshimasa": a family name in capitals first, as Japanese releases write it
        caps_family = w.isalpha() and w.isupper() and len(w) >= 3 and i > 0 and i + 1 < len(words) \
            and text[e:words[i + 1][0]] == " " and is_name_word(words[i + 1][2].rstrip(".,")) \
            and titled(i)
        if not (is_name_word(w) or bare_initial or caps_family) or w in stop and not bare_initial or _blocked(s, e, blocked) \
                or fold(w) in org_first \
                or not bare_initial and (w in company_suffixes
                                         or i + 1 < len(words) and words[i + 1][2].rstrip(".,") in company_suffixes):
            i += 1  # "Acme Systems Ltd Jane Doe": a company's name, then the name of a person
            continue
        j = i + 1
        end = e
        count = 1
        nickname = False
        if initials is not None:
            j, end = initials, words[initials - 1][1]
        while j < len(words):
            s2, e2, w2 = words[j]
            gap = text[end:s2]
            if gap in (' "', " “", " (") and text[e2:e2 + 2] in ('" ', "” ", ") ") and is_name_word(w2) \
                    and w2.lower().rstrip(".") not in marks and words[j - 1][2].lower().rstrip(".") not in honorifics \
                    and j + 1 < len(words) and is_name_word(words[j + 1][2].rstrip(".,")):
                end, nickname = e2 + 1, True  # 'Luiz Inácio "Lula" da Silva', "Jane (Jo) Doe": a nickname inside a name
                j += 1
                continue
            if gap not in (" ",) and not (nickname and gap in ('" ', "” ", ") ")):
                break
            nickname = False
            bare = w2.rstrip(".,") if not (len(w2) == 2 and w2.endswith(".")) else w2
            if _blocked(s2, e2, blocked):
                break
            if bare in company_suffixes:
                break
            if bare.lower() in months and re.match(r"\.?\s*\d", text[s2 + len(bare):s2 + len(bare) + 4]):
                break  # "Vakhtang Kapanadze Nov. 18": a date after the name
            if is_name_word(bare) and bare not in stop or articled.match(bare) and is_name_word(bare.split("-", 1)[1]):
                end = s2 + len(bare) if not bare.endswith(".") else e2
                # "Al Sabah": one family name; "B. M. U. D. Doe": initials make a name no longer
                count += bare.lower() not in articles and not re.fullmatch(r"[A-Z]\.", bare)
                j += 1
                continue
            run = j
            while run < len(words) and run - j < 3 and words[run][2].lower() in particles \
                    and (run == j or text[words[run - 1][1]:words[run][0]] == " "):
                run += 1  # "van der", "de la": particles run on to the name they come before
            after = words[run][2].rstrip(".,") if run < len(words) else ""
            if j < run < len(words) and text[words[run - 1][1]:words[run][0]] == " " and is_name_word(after) \
                    and after not in particle_stops and after not in stop and after not in company_suffixes \
                    and fold(after) not in org_first and not _blocked(words[run][0], words[run][1], blocked):
                end = words[run - 1][1]  # ("Paulo Santos do Exército", "Ana Ruiz de la Armada": of a body)
                j = run
                continue
            # (spoken as a word, not spelled out as an acronym is: two vowels or more)
            spoken = lambda w: w.isalpha() and w.isupper() and len(w) >= 4 and sum(c in "aeiou" for c in fold(w)) >= 2 \
                and w not in p["role_acronyms"] and not any(g.end == len(w) for g in gazetteer().find(w))  # (not "EUFOR")
            # ("Colonel Ahmed Fathi IBRAHIM KHALIFA": two of them)
            caps = 2 if j + 1 < len(words) and text[e2:words[j + 1][0]] == " " and spoken(words[j + 1][2].rstrip(".,")) else 1
            last = j + caps - 1
            # ("Mr Atsushi SUNAMI": the run opens with an honorific)
            if spoken(bare) and (titled(i, any_title=True) or words[i][2].rstrip(".").lower() in honorifics) \
                    and (last + 1 == len(words) or text[words[last][1]:words[last + 1][0]] != " "
                         or not words[last + 1][2][:1].isupper()):
                end = words[last][0] + len(words[last][2].rstrip(".,"))
                j, count = last + 1, count + caps  # "Colonel Kéba SANGARÉ": a family name in capitals last
                break
            if len(bare) == 1 and bare.isupper() and j + 1 < len(words) and text[e2:words[j + 1][0]] == " " \
                    and is_name_word(words[j + 1][2].rstrip(".,")) and titled(i, any_title=True):
                end = e2  # "Colonel Anthony C Nelson": a middle initial written without its full stop, after a title
                j += 1
                continue
            low = bare.lower().rstrip(".")
            if low in suffixes and (not re.fullmatch(r"[ivx]+", low) or re.fullmatch(r"[IVX]+", bare)):
                end = s2 + len(bare)
                j += 1
                count += bool(re.fullmatch(r"[IVX]+", bare))  # "Mohammed VI": a regnal number makes a name
                break
            break
        # "Jane bin Abdul Rahman Al Doe", "Jane Dias da Costa Villas Doe": a particle in lower case lengthens a name
        # ("Jane Ali Al-Doe Al Roe": a name with an article before its family names, likewise)
        longest = 6 if set(text[s:end].split()) & particles \
            or any(articled.match(x) or x.lower() in articles for x in text[s:end].split()[1:]) \
            else 5 if titled(i, any_title=True) else 4  # ("General Abu Belal Karim Shafiul Huq": five after a title)
        longest += leading_honorifics(text[s:end].split(), honorifics)
        if 2 <= count <= longest:
            span_text = text[s:end]
            if span_text.endswith("'s") or span_text.endswith("’s"):
                end -= 2
            out.append((s, end))
        i = max(j, i + 1)
    return out


_INITIALS = re.compile(r"(?:[A-Z]\.){1,5}|[A-Z]{1,2}")
# initials with no space before the family name (one or two letters each: "Kh." transliterates one letter), not an
# abbreviated place or honorific ("St.Petersburg", "Pt.Said", "Mr.Modi") nor a company ("J.K.Industries")
GLUED_INITIALS = re.compile(r"(?!(?:St|Mt|Ft|Pt|No|Co|Mr|Dr|Ms|Sr|Jr|Lt|Gen|Col)\.)(?:[A-Z][a-z]?\.){1,3}[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?"
                            r"(?<!Industries)(?<!Industry)(?<!Group)(?<!Holdings)")


def _initials_end(text: str, words: list[tuple[int, int, str]], i: int) -> int | None:
    """The index of the name word after a run of initials from word `i` ("M M", "V.R.", "SM"), else None."""
    j = i
    while j < len(words) and j - i < 5 and _INITIALS.fullmatch(words[j][2]):  # ("B. M. U. D. Doe")
        j += 1
        if j < len(words) and text[words[j - 1][1]:words[j][0]] != " ":
            return None
    if j == i or j >= len(words) or not is_name_word(words[j][2].rstrip(".,")):
        return None
    return j


@lru_cache(maxsize=1)
def _rank_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that make a rank of what follows them, and the heads a rank so made may end in besides
    the honorifics ("Officer" alone is none: "Officer Commanding Major Jane Doe")."""
    return frozenset(patterns()["rank_modifiers"]), frozenset(patterns()["modified_rank_heads"])


def rank_lead(words: list[str], honorifics: set[str]) -> int:
    """How many of the first words are a rank made of modifiers and an honorific ("Senior Lieutenant",
    "Chief Petty Officer", "Deputy Commandant": `rank_modifiers`), 0 if they are none."""
    modifiers, heads = _rank_words()
    n = 0
    while n < len(words) and words[n].lower() in modifiers:
        n += 1
    if not n or n >= len(words):
        return 0
    head = words[n].lower().rstrip(".")
    return n + 1 if head in honorifics or head in heads else 0


def service_after_rank(text: str, pos: int, honorifics: set[str]) -> bool:
    """Whether a rank and the initials of its service stand just before `pos` ("Admiral TNI Jane Doe")."""
    m = re.search(r"(?<![\w-])([\w-]+)\.?\s+[A-Z]{2,5}\s+$", text[max(0, pos - 40):pos])
    return m is not None and m.group(1).lower() in honorifics


def leading_honorifics(words: list[str], honorifics: set[str]) -> int:
    """How many of the first words are honorifics, of one to three words ("His Excellency Dr. Jane Mary Anne
    Doe": three), which are no words of the name."""
    n = rank_lead(words, honorifics)
    while n < len(words):
        pair = " ".join(words[n:n + 2]).lower().rstrip(".")
        if n + 2 < len(words) and " ".join(words[n:n + 3]).lower() in honorifics:
            n += 3  # "His Royal Highness"
        elif n + 1 < len(words) and pair in honorifics:
            n += 2
        elif words[n].lower().rstrip(".") in honorifics:
            n += 1
        else:
            break
    return n


def _blocked(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)


_ROMANCE_JOINERS = {"de", "do", "da", "dos", "das", "del", "della", "di", "du", "des", "los", "las", "e", "y", "et"}


def _romance_particles(words: list[tuple[int, int, str]], j: int) -> list[str]:
    """The one or two particles from `j` ("do", "y del") that a capitalised word follows; [] if none."""
    for n in (1, 2):
        run = [w for _, _, w in words[j:j + n]]
        if len(run) == n and all(w in _ROMANCE_JOINERS for w in run) and j + n < len(words) \
                and words[j + n][2][:1].isupper():
            return run
    return []


def chunk_candidates(text: str, sent: Sentence) -> list[tuple[int, int]]:
    """Runs of capitalised words joined by of/the/for/and/in, e.g. organisation names."""
    # ("&" counts as a word here: "Acme Aerospace & Maintenance Services Ltd" is one name)
    words = [(m.start() + sent.start, m.end() + sent.start, m.group()) for m in _WORD_OR_AMPERSAND.finditer(sent.text)]
    joiners = {"of", "the", "for", "and", "&", "de"}
    calendar = set(patterns()["weekdays"]) | set(patterns()["months"])
    ranks = set(patterns()["dotted_honorifics"]) - {"prof", "sen"}
    out = []
    i = 0
    while i < len(words):
        s, e, w = words[i]
        if not (w[:1].isupper() or w[:1].isdigit()):
            i += 1
            continue
        j, end = i + 1, e
        # the body's head noun: its first word, or the one after a capitalised "The" opening a sentence
        opened = i + 1 if w == "The" and i + 1 < len(words) else i
        head = words[opened][2]
        while j < len(words) and not re.search(r"['’]s$", text[s:end]):
            s2, e2, w2 = words[j]
            gap = text[end:s2]
            if gap != " " or w2.lower() in ranks and j > opened and words[j - 1][2].lower() not in ranks:
                break  # ("Royal Saudi Land Forces Lt Gen Jane Doe": an abbreviated rank opens a name, ends a body's)
            if w2[:1].isupper() or w2[:1].isdigit():
                end = e2
                j += 1
            elif w2 in joiners and j + 1 < len(words) and words[j + 1][2][:1].isupper() and gap == " " and \
                    not (w2 == "&" and gazetteer().places.get(words[j + 1][2].lower())) and \
                    not (w2 == "the" and fold(words[j - 1][2]) in calendar):  # "A Forces & Uganda's B", "Friday the X Air Force"
                end = e2
                j += 1
            elif w2 in _ROMANCE_JOINERS and fold(head) in patterns()["org_openers"] and \
                    (run := _romance_particles(words, j)) and not (j == opened + 1 and gazetteer().places.get(
                        fold(words[j + len(run)][2].rstrip(".,;:")))):
                # "Universidade Federal do Rio Grande do Sul", "Ejército del Aire y del Espacio": particles inside
                # a body named head noun first (not "Armada del Ecuador": a state's force, named by its state)
                end = words[j + len(run) - 1][1]
                j += len(run)
            else:
                break
        chunk = re.sub(r"['’]s$", "", text[s:end].rstrip(".,"))  # "Finnish Air Force's jets"
        out.append((s, s + len(chunk)))
        i = j
    return out


@lru_cache(maxsize=1)
def honorific_before_name() -> re.Pattern:
    """A capitalised honorific (data/patterns.json `honorifics`) right before a capitalised word: "Major Chad …"."""
    honorifics = "|".join(sorted(map(re.escape, capitalised_honorifics()), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{honorifics})\.?(?= [A-Z])")
