"""Events: transfers, meetings, agreements and trainings, found sentence by sentence."""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from .amounts import Money, count_before, find_money
from .grammar import Frame, Grammar, role_table
from .model import AGENCY, COUNTRY, EQUIPMENT, PERSON, Entity, Event, Evidence, Mention
from .sentences import Sentence
from .text import fold, patterns, spelling_variants

ADJ = "military|army|navy|air|naval|combat|fighter|tank|artillery|more|new|young|first|further|additional"
PURCHASE_VERBS = {"ordered", "order", "orders", "to buy", "buying", "buys", "bought", "purchase of",
                  "purchased", "acquire", "procure", "deal for", "signed a contract", "contract for", "contracts"}


# relations to the signing verb of the parties to an agreement
AGREEMENT_RELATIONS = {"subject", "with", "between", "by"}
BULLET = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s+")
ADVERB = r"(?:\s+(?:also|already|now|soon|previously|quickly|then|further|additionally|recently|officially|formally|finally|jointly|still))?\s+"


def _phrase_regex(phrases) -> re.Pattern:
    """Whole-word phrases; an adverb may stand between their words ("would also provide")."""
    forms = set()
    for p in phrases:
        forms.update(spelling_variants(fold(p)))
    alts = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(ADVERB.join(map(re.escape, a.split(" "))) for a in alts)
                      + r")(?![\w-])")


@lru_cache(maxsize=None)
def _regex(name: str) -> re.Pattern:
    p = patterns()
    if name == "transfer":
        return _phrase_regex(k for k in p["transfer_triggers"] if not k.startswith("_"))
    if name == "agreement":
        return _phrase_regex(p["agreement_triggers"])
    return _phrase_regex(p[name])


class Events:
    """Finds the events of one article from its sentences and resolved mentions."""

    def __init__(self, text: str, sentences: list[Sentence], mentions: list[Mention],
                 roles: list[Mention], entities: dict[str, Entity], published: datetime | None) -> None:
        self.text, self.sentences, self.mentions = text, sentences, mentions
        self.roles, self.entities, self.published = roles, entities, published
        self.events: list[Event] = []
        self.last_transfer: Event | None = None
        self.lead: Event | None = None   # "The package includes:" before bullet lines
        self._starts = [m.start for m in mentions]  # mentions come sorted by start
        self.grammar = Grammar()

    def in_sentence(self, sent: Sentence, family: str | None = None) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, sent.start)
        hi = bisect.bisect_left(self._starts, sent.end)
        return [m for m in self.mentions[lo:hi] if (family is None or m.family == family) and m.key in self.entities]

    def between(self, s: int, e: int) -> list[Mention]:
        return self.mentions[bisect.bisect_left(self._starts, s):bisect.bisect_left(self._starts, e)]

    def country_of(self, key: str | None) -> str | None:
        if key is None or key not in self.entities:
            return None
        ent = self.entities[key]
        if ent.family == COUNTRY:
            return key
        return ent.country or ent.attrs.get("country")

    def evidence(self, sent: Sentence) -> Evidence:
        return Evidence(sent.text, sent.start, sent.end)

    def run(self) -> list[Event]:
        for i, sent in enumerate(self.sentences):
            if i == 0 and self.published and re.fullmatch(r"[\d:. ]+", sent.text):
                continue
            self._transfers(sent)
            self._meetings(sent)
            self._agreements(sent)
            self._trainings(sent)
        return self._dedupe()

    # -- transfers --------------------------------------------------------------------
    def _transfers(self, sent: Sentence) -> None:
        """Transfers in each clause of a sentence (split at ';', ':' and ', while/whereas/but');
        bullet lines take the event of the lead line above them."""
        if BULLET.match(sent.text):
            if self.lead is not None:
                self._bullet(sent)
                return
        else:
            self.lead = None
        before = len(self.events)
        self._clauses(sent)
        if sent.text.rstrip().endswith(":"):
            self.lead = self.events[-1] if len(self.events) > before else self._lead(sent)

    def _bullet(self, sent: Sentence) -> None:
        lead = self.lead
        for m in self.in_sentence(sent, EQUIPMENT):
            if m.source != "inside" and not self._hostile(sent, m):
                self._add_transfer(sent, lead.supplier, lead.recipient, m, lead.status or "delivered", True)
        self.lead = lead

    def _lead(self, sent: Sentence) -> Event | None:
        """A lead line that names no system ("On top of that, Germany has supplied:")."""
        low = fold(sent.text)
        trig = next(iter(_regex("transfer").finditer(low)), None)
        if trig is None:
            return None
        phrase = re.sub(ADVERB, " ", trig.group(1))
        table = patterns()["transfer_triggers"]
        status = table.get(phrase) or "delivered"
        actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY, PERSON)]
        frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), actors)
        kind = "receive" if phrase in patterns()["receive_verbs"] else "give"
        suppliers, recipients = self._roles(frame, kind, actors)
        last = self.last_transfer
        sup = self._actor(suppliers[0]) if suppliers else (last.supplier if last else None)
        rec = self._actor(recipients[0]) if recipients else (last.recipient if last else None)
        if sup is None or rec is None or sup == rec:
            return None
        return Event("Transfer", self.evidence(sent), supplier=sup, recipient=rec, status=status)

    def _clauses(self, sent: Sentence) -> None:
        start = sent.start
        for part in re.split(r"(?<=;)\s+|(?<=:)\s+(?=[A-Z])|(?<=,)\s+(?=(?:while|whereas|but)\s)", sent.text):
            s = self.text.find(part, start)
            self._transfers_in(Sentence(s, s + len(part), part, sent.paragraph), sent)
            start = s + len(part)

    def _transfers_in(self, sent: Sentence, whole: Sentence) -> None:
        equipment = [m for m in self.in_sentence(sent, EQUIPMENT) if m.source != "inside"]
        if not equipment:
            return
        low = fold(sent.text)
        if any(neg in low for neg in patterns()["negative_cues"]):
            return
        actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY, PERSON)]
        equipment = [m for m in equipment if not self._participle(sent, m, actors, whole)]
        equipment = [m for m in equipment if not self._hostile(sent, m)]
        if not equipment:
            return
        triggers = list(_regex("transfer").finditer(low))
        if not triggers:
            return
        frames = [self.grammar.frame(whole, sent.start + t.start(), sent.start + t.end(), actors + equipment)
                  for t in triggers]
        # the triggers' own objects only: a system under another predicate ("to replace X",
        # "which forces have used") changes no hands here
        equipment = [m for m in equipment if any(f.attached(m) is not False for f in frames)]
        if not equipment:
            return
        table = patterns()["transfer_triggers"]
        first_eq = min(m.start for m in equipment) - sent.start
        before = [t for t in triggers if t.start() < first_eq]
        trig = before[-1] if before else triggers[0]
        phrase = re.sub(ADVERB, " ", trig.group(1))
        status = table.get(phrase) or next((v for k, v in table.items() if fold(k) == phrase), "discussed")
        prefix = low[max(0, trig.start() - 25):trig.start()]
        if status == "delivered" and re.search(r"\b(will|would|to be|is to|are to|expected to|plans to|could|can|should|"
                                               r"may|might)(?: be)?\s*$|"
                                               r"\b(will|would)\b(?!.*\b(already)\b)", prefix):
            status = "pledged"
        if status == "pledged" and re.search(r"\balready\b", low[:first_eq]):
            status = "delivered"
        sale = phrase in patterns()["sale_verbs"]
        purchase = (phrase in PURCHASE_VERBS or status == "ordered") and not sale
        frame = frames[triggers.index(trig)]
        if frame.negated:
            return
        actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY, PERSON)]
        trig_pos = sent.start + trig.start()
        supplier = recipient = None
        subject = self._subject(actors, trig_pos, sent)
        to_actor = self._after_word(actors, sent, ("to", "for"), after=trig_pos)
        in_actor = self._after_word(actors, sent, ("to", "in", "into"), after=trig_pos)
        with_actor = self._object_with(actors, sent, trig_pos)
        from_actor = self._after_word(actors, sent, ("from",), after=sent.start)
        if purchase or status == "discussed" and subject is not None and \
                re.search(r"\b(buy|purchase|acquire|order|request)", low):
            recipient = subject
            supplier = from_actor or self._after_word(actors, sent, ("with",), after=sent.start)
        else:
            supplier = subject
            direct = next((a.key for a in actors if 0 < a.start - (sent.start + trig.end()) <= 2), None)
            recipient = direct or with_actor or to_actor
            partner = self._after_word(actors, sent, ("with",), after=trig_pos - 40)
            if status == "discussed" and recipient is None and partner and \
                    self.country_of(partner) == self._origin(equipment[0]):
                supplier, recipient = partner, subject  # "X is in talks with Y over more Y-made jets"
        approval = re.search(r"\b(cleared|approved|authori[sz]ed|allowed)\s+((?:the\s+)?\S+(?:\s+\S+){0,2})\s+$",
                             low[:trig.start()]) if phrase in ("to buy", "to purchase", "to acquire") else None
        if approval:
            buyer = next((a for a in actors if sent.start + approval.start(2) <= a.start and a.end <= trig_pos), None)
            if buyer is not None:  # "the State Department cleared Greece to buy …": approved for sale
                supplier, recipient, status, purchase = subject, buyer.key, "discussed", False
        if phrase in patterns()["receive_verbs"]:
            recipient, supplier = subject, from_actor or self._origin(equipment[0])
        elif phrase in {"arrived", "arrive", "have arrived", "has arrived", "came off"}:
            recipient = in_actor or subject if subject != supplier else in_actor
            supplier = self._owner_before(equipment[0]) or from_actor
        if from_actor and to_actor and not purchase:
            supplier, recipient = from_actor, to_actor  # "the supply of X from A to B"
        if status in ("delivered", "pledged") and re.search(r"\b(possible|potential|discussed|discuss)\b", low) \
                and re.search(r"\b(supply|transfer|delivery|sale) of\b", low):
            status = "discussed"
        between = re.search(r"\bbetween\b", low)
        if purchase and between:
            sides = self._between(actors, sent, sent.start + between.end())
            seller = next((k for k in sides if self.entities[k].cls == "Company"), None)
            buyer = next((k for k in sides if k != seller), None)
            if seller and buyer:
                supplier, recipient = seller, buyer
        kind = "sell" if sale else "buy" if purchase else "receive" if phrase in patterns()["receive_verbs"] \
            else "talks" if status == "discussed" else "give"
        g_suppliers, g_recipients = ([], []) if approval else self._roles(frame, kind, actors)
        supplier = g_suppliers[0] if g_suppliers else supplier
        recipient = g_recipients[0] if g_recipients else recipient
        sup = self._actor(supplier)
        rec = self._actor(recipient)
        if not actors and self.last_transfer and sent.text == whole.text:
            sup, rec = self.last_transfer.supplier, self.last_transfer.recipient
        if sup is None and self.last_transfer and not purchase:
            sup = self.last_transfer.supplier if not re.match(r"^[A-Z]", sent.text) or \
                re.match(r"(?i)^(he|she|it|they|the|this)\b", sent.text) else None
        if rec is None and self.last_transfer and self.last_transfer.recipient != sup:
            rec = self.last_transfer.recipient
        if rec is None and status == "discussed":
            return  # "approved a possible sale ... to an allied nation": no recipient named
        suppliers = self._distinct([self._actor(k) for k in g_suppliers]) if g_suppliers and sup else \
            [sup] + self._coordinated_with(supplier, actors)
        recipients = self._distinct([self._actor(k) for k in g_recipients]) if g_recipients and rec else \
            [rec] + (self._coordinated_with(recipient, actors) if purchase else [])
        if rec is None:
            recipients = [self._main_recipient(exclude=set(suppliers))]
        for m in equipment:
            for one, rec in ((x, y) for x in suppliers for y in recipients):
                self._add_transfer(whole, one or self._origin(m), rec, m, status, bool(before))

    def _value(self, sent: Sentence) -> Money | None:
        """The first amount of money the sentence states (a conversion may follow it)."""
        found = find_money(sent.text)
        return found[0] if found else None

    def _actor(self, key: str | None) -> str | None:
        """The country an actor stands for, or the actor itself when it has none (the EU)."""
        return self.country_of(key) or (key if key and self._is_actor_without_country(key) else None)

    def _roles(self, frame: Frame, kind: str, actors: list[Mention]) -> tuple[list[str], list[str]]:
        """Suppliers and recipients as the grammar of the clause assigns them."""
        table = role_table()[kind]
        out: dict[str, list[str]] = {"supplier": [], "recipient": []}
        for a in actors:
            relation = frame.relation(a)
            if relation == "object" and a.start < frame.trigger_start:
                continue  # an object stands after its verb; before it the parse went wrong (headlines)
            role = table.get(relation or "")  # "?" and None take no role
            # an agency whose country is not known could stand for anyone ("our armed forces")
            placed = self.country_of(a.key) or self.entities[a.key].cls == "InternationalOrganization"
            if role and placed and a.key not in out[role]:
                out[role].append(a.key)
        # a person's country stands in only where no country or agency holds the role
        for role, keys in out.items():
            placed = [k for k in keys if self.entities[k].family != PERSON]
            out[role] = placed or keys
        if kind == "buy" and self._sells(out["recipient"]) and not self._sells(out["supplier"]):
            # "X signed a contract with Y": whoever makes and sells is the supplier
            out["supplier"], out["recipient"] = out["recipient"], out["supplier"]
        return out["supplier"], out["recipient"]

    def _sells(self, keys: list[str]) -> bool:
        return any(self.entities[k].cls in ("Company", "StateEnterprise") for k in keys)

    def _add_transfer(self, sent: Sentence, s: str | None, rec: str | None, m: Mention, status: str,
                      trigger_first: bool) -> None:
        if s is None or rec is None or s == rec:
            return
        ev = Event("Transfer", self.evidence(sent), confidence=0.7 if trigger_first else 0.5,
                   supplier=s, recipient=rec, equipment=[m.key], status=status,
                   quantity=count_before(self.text, m.start), value=self._value(sent))
        self.events.append(ev)
        self.last_transfer = ev

    def _participle(self, sent: Sentence, m: Mention, actors: list[Mention], whole: Sentence) -> bool:
        """`Czech T-72 tanks … sent to Ukraine`: an owner before the system and a past participle
        with its recipient after it. Adds the transfer; True when the system was so placed."""
        right = self.text[m.end:min(sent.end, m.end + 70)]
        p = re.match(r"(?:\s+[\w-]+){0,8}?\s+(sent|delivered|supplied|transferred|donated|handed over|given)"
                     r"\s+to\s+(?:the\s+)?", right)
        if not p:
            return False
        to = next((a for a in actors if a.start == m.end + p.end()), None)
        owner = next((x for x in reversed(self.between(m.start - 25, m.start)) if x.family == COUNTRY), None)
        if to is None or owner is None or re.search(r";|\b(to|from|by|with|for)\b", self.text[owner.end:m.start]):
            return False
        self._add_transfer(whole, owner.key, self.country_of(to.key), m, "delivered", True)
        return True

    def _hostile(self, sent: Sentence, m: Mention) -> bool:
        """Equipment used against someone, only wanted, or made at home, changes no hands."""
        left = fold(self.text[max(sent.start, m.start - 40):m.start])
        right = fold(self.text[m.end:min(sent.end, m.end + 60)])
        cues = patterns()["hostile_cues"] + patterns()["intent_cues"]
        return any(re.search(rf"\b{re.escape(c)}\b", left) for c in cues) or \
            any(re.search(rf"\b{re.escape(c)}\b", right) for c in patterns()["intent_cues"][-10:])

    def _is_actor_without_country(self, key: str) -> bool:
        ent = self.entities.get(key)
        return ent is not None and ent.family == AGENCY and not ent.attrs.get("country") and not ent.country

    def _origin(self, m: Mention) -> str | None:
        ent = self.entities.get(m.key)
        return ent.attrs.get("origin") if ent else None

    def _owner_before(self, m: Mention) -> str | None:
        owners = [x for x in self.between(m.start - 40, m.start) if x.family == COUNTRY
                  and not re.search(r"\b(to|in|for)\s*$", self.text[max(0, x.start - 5):x.start])]
        return owners[-1].key if owners else self._origin(m)

    def _subject(self, actors: list[Mention], pos: int, sent: Sentence) -> str | None:
        cands = [a for a in actors if a.end <= pos and not re.search(
            r"\b(to|from|with|for|in|by|of|against|at|on)\s+(?:(?:the|a|an)\s+)?(?:[a-z]+\s+)?$",
            self.text[max(sent.start, a.start - 24):a.start])]
        if not cands:
            return None
        # the leftmost actor that stands for a country ("Vos confirmed that the Netherlands would ...")
        placed = [a for a in cands if a.family != PERSON and
                  (self.country_of(a.key) or self._is_actor_without_country(a.key))]
        return (placed or cands)[0].key

    def _after_word(self, actors, sent, words, after: int) -> str | None:
        for a in actors:
            if a.start < after:
                continue
            left = self.text[max(sent.start, a.start - 12):a.start]
            if re.search(r"\b(" + "|".join(words) + r")\s+(the\s+)?$", left):
                return a.key
        return None

    def _object_with(self, actors, sent, pos) -> str | None:
        for a in actors:
            if a.start >= pos and re.match(r"\s+with\b", self.text[a.end:a.end + 8]):
                return a.key
        return None

    def _recent_people(self, sent: Sentence, n: int) -> list[str]:
        """"The two ministers signed …": the last n people named up to this sentence."""
        out: list[str] = []
        for m in reversed([m for m in self.mentions if m.family == PERSON and m.start < sent.end]):
            if m.key not in out:
                out.append(m.key)
            if len(out) == n:
                break
        return out if len(out) == n else []

    def _top_countries(self, n: int) -> list[str]:
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.family == COUNTRY:
                counts[m.key] = counts.get(m.key, 0) + 1
        return sorted(counts, key=lambda k: -counts[k])[:n]

    def _coordinated_with(self, key: str | None, actors: list[Mention]) -> list[str]:
        """Other countries joined to a subject by "and" ("The Netherlands and Denmark will ...")."""
        first = next((a for a in actors if a.key == key), None)
        if first is None or first.family != COUNTRY:
            return []
        out: list[str] = []
        pos = first.end
        for a in actors:
            if a.start < pos or a.family != COUNTRY:
                continue
            if re.fullmatch(r"(?:,| and|, and) (?:the )?", self.text[pos:a.start]):
                out.append(a.key)
                pos = a.end
            else:
                break
        return out

    def _main_recipient(self, exclude: set) -> str | None:
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.family == COUNTRY and m.key not in exclude:
                counts[m.key] = counts.get(m.key, 0) + 1
        return max(counts, key=counts.get) if counts else None

    # -- meetings ---------------------------------------------------------------------
    def _meetings(self, sent: Sentence) -> None:
        low = fold(sent.text)
        if not _regex("meeting_triggers").search(low):
            return
        people = []
        for m in self.in_sentence(sent, PERSON):
            if m.key not in people:
                people.append(m.key)
        for r in self.roles:
            if sent.start <= r.start < sent.end and not self._attached(r):
                who = self._title_reference(r)
                if who and who not in people:
                    people.append(who)
        if len(people) == 1 and re.search(r"\b(meeting|talks|session|summit|conference)\b", low):
            # "... after a meeting of the contact group. Reznikov attended the session."
            nxt = next((x for x in self.sentences if x.start >= sent.end), None)
            if nxt is not None and re.search(r"\b(attended|joined|took part|participated)\b", fold(nxt.text)):
                people += [m.key for m in self.in_sentence(nxt, PERSON) if m.key not in people]
        who = re.search(r",?\s+who\s+(?:[a-z]+\s+)?(?:met|held talks|talked|spoke)\b", low)
        if who:
            people = self._joined_before(sent.start + who.start(), sent) or people
        elif len(people) > 2:
            # people the grammar puts under another predicate ("witnessed by", "said") take no part
            trig = _regex("meeting_triggers").search(low)
            mentions = [m for m in self.in_sentence(sent, PERSON)]
            frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), mentions)
            apart = {m.key for m in mentions if frame.known(m) and frame.relation(m) is None}
            kept = [k for k in people if k not in apart]
            people = kept if len(kept) >= 2 else people
        if len(people) < 2:
            return
        self.events.append(Event("Meeting", self.evidence(sent), confidence=0.6,
                                 participants=people, date=self._date(sent)))

    def _parties_by_grammar(self, sent: Sentence, trigger: re.Pattern, families: tuple[str, ...],
                            relations: set[str], actors: list[Mention] | None = None) -> list[str]:
        """Who takes part, read from the clause of the first trigger: its subjects, objects and
        "with"/"between"/"by" phrases, each with what is coordinated to it ("A, B and C")."""
        trig = trigger.search(fold(sent.text))
        if trig is None:
            return []
        actors = actors if actors is not None else [m for m in self.in_sentence(sent) if m.family in families]
        if len(actors) < 2:
            return []
        frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), actors)
        if frame.negated:
            return []
        keys = self._distinct([a.key for a in actors if frame.relation(a) in relations])
        # a country named with its own agency ("the Armament Agency of Poland") is not a second party
        keys = [k for k in keys if not (self.entities[k].family == COUNTRY and any(
            o != k and self.entities[o].family == AGENCY and self.country_of(o) == k for o in keys))]
        return keys if len(keys) >= 2 else []

    def _joined_before(self, pos: int, sent: Sentence) -> list[str]:
        """"A and B, who met …": the people joined by "and" just before a relative clause."""
        persons = [m for m in self.in_sentence(sent, PERSON) if m.end <= pos]
        if not persons or pos - persons[-1].end > 2:
            return []
        out = [persons[-1]]
        for m in reversed(persons[:-1]):
            gap = self.text[m.end:out[-1].start]
            if not re.fullmatch(r"(?:,| and|, and)\s+(?:[A-Z][\w-]*\s+){0,4}", gap):
                break
            out.append(m)
        keys = list(dict.fromkeys(m.key for m in reversed(out)))
        return keys if len(keys) >= 2 else []

    def _attached(self, role: Mention) -> bool:
        return any(0 <= m.start - role.end <= 3 or 0 <= role.start - m.end <= 3
                   for m in self.between(role.start - 120, role.end + 4) if m.family == PERSON)

    def _title_reference(self, role: Mention) -> str | None:
        name = role.info["role"]
        cands = [k for k, e in self.entities.items() if e.family == PERSON and e.role and
                 fold(e.role).replace("defense", "defence") == fold(name).replace("defense", "defence")]
        return cands[0] if len(cands) == 1 else None

    # -- agreements -------------------------------------------------------------------
    def _agreements(self, sent: Sentence) -> None:
        low = fold(sent.text)
        trig = _regex("agreement").search(low)
        if not trig or not re.search(r"\b(" + "|".join(patterns()["signing_verbs"]) + r")\b", low):
            return
        if re.search(r"\b(to open|open negotiations|start negotiations|to negotiate)\b", low):
            return
        kind = patterns()["agreement_triggers"].get(trig.group(1)) or next(
            (v for k, v in patterns()["agreement_triggers"].items() if fold(k) in spelling_variants(trig.group(1))),
            "agreement")
        actors = [m for m in self.in_sentence(sent) if m.family in (AGENCY, COUNTRY, PERSON)
                  and not m.info.get("inside") and not (m.family == COUNTRY and self._qualifies_next(m))]
        signing = re.compile(r"\b(" + "|".join(patterns()["signing_verbs"]) + r")\b")
        verb = signing.search(low)
        document = Mention(sent.start + trig.start(), sent.start + trig.end(), trig.group(1), "document")
        frame = self.grammar.frame(sent, sent.start + verb.start(), sent.start + verb.end(), [document])
        if frame.negated or frame.relation(document) is None:
            return  # "agreed to push to conclude negotiations on a trade agreement": nothing signed
        parties: list[str] = []
        group = next((g for g in patterns()["group_subjects"] if g in low), None)
        if group is None and not re.search(r"\bbetween\b", low):  # "between A and B" is read below
            parties = self._parties_by_grammar(sent, signing, (AGENCY, COUNTRY, PERSON), AGREEMENT_RELATIONS,
                                               actors=actors)
            placed = [k for k in parties if self.entities[k].family != PERSON]
            parties = placed if len(placed) >= 2 else parties  # signatories stand in only for no one else
            if len(parties) >= 2:
                self._add_agreement(sent, parties, kind)
                return
        if group and re.search(r"minister|leader|president", group):
            parties = self._recent_people(sent, 3 if "three" in group else 2)
        elif group:
            n = 3 if "three" in group else 2
            ranked = self._top_countries(50)
            countries = self._distinct([self.country_of(a.key) for a in actors if self.country_of(a.key)])
            countries = sorted(countries, key=lambda k: ranked.index(k) if k in ranked else 99)[:n]
            if len(countries) < 2:
                countries = self._top_countries(n)
            if len(countries) >= 2:
                parties = countries
        between = re.search(r"\bbetween\b", low)
        if between and len(parties) < 2:
            parties = self._between(actors, sent, sent.start + between.end())
        if len(parties) < 2:
            with_m = re.search(r"\bwith\b", low)
            subject = [a for a in actors if not with_m or a.start < sent.start + with_m.start()]
            others = self._coordinated(actors, sent.start + with_m.end()) if with_m else []
            subj = self._head_actor(subject)
            partners = self._distinct([a.key for a in others])
            if subj and partners:
                for one in [subj] + self._coordinated_with(subj, subject):
                    for p in partners:
                        if p != one:
                            self.events.append(Event("Agreement", self.evidence(sent), confidence=0.6, parties=[one, p],
                                                     kind=kind, date=self._date(sent, fallback=False)))
                            self._purchase_by_contract(sent, [one, p], kind)
                return
            two = self._distinct([a.key for a in subject])
            anaphoric = re.search(r"\bthe\s+$", low[max(0, trig.start() - 5):trig.start()])
            if len(two) >= 2 and not anaphoric:
                parties = two[:2]
        if len(parties) >= 2:
            self._add_agreement(sent, parties, kind)

    def _add_agreement(self, sent: Sentence, parties: list[str], kind: str) -> None:
        low = fold(sent.text)
        during_visit = bool(re.search(r"\b(during|as part of) the visit|\bon the sidelines\b|\btoday\b", low))
        self.events.append(Event("Agreement", self.evidence(sent), confidence=0.6, parties=parties, kind=kind,
                                 date=self._date(sent, fallback=during_visit, anywhere=True),
                                 value=self._value(sent)))
        self._purchase_by_contract(sent, parties, kind)

    def _purchase_by_contract(self, sent: Sentence, parties: list[str], kind: str) -> None:
        """A contract or deal between two countries for a system made by one of them is an order by the other."""
        if kind not in ("contract", "agreement") or len(parties) != 2:
            return
        countries = [self.country_of(p) for p in parties]
        for m in self.in_sentence(sent, EQUIPMENT):
            origin = self._origin(m)
            if origin in countries and None not in countries and countries[0] != countries[1]:
                buyer = countries[1 - countries.index(origin)]
                self._add_transfer(sent, origin, buyer, m, "ordered", True)

    def _between(self, actors: list[Mention], sent: Sentence, start: int) -> list[str]:
        """`between A and B`: the head actor of each side (the last agency named on it)."""
        clause = self.text[start:sent.end]
        cut = re.search(r"[.;]|\b(?:which|that|to|under|for)\b", clause[clause.find(" and ") + 5:] if " and " in clause else "")
        end = start + (clause.find(" and ") + 5 + cut.start() if cut and " and " in clause else len(clause))
        parts = [p for p in re.finditer(r"(?:(?!\band\b).)+", self.text[start:end])]
        sides = []
        for part in parts:
            s, e = start + part.start(), start + part.end()
            inside = [a for a in actors if s <= a.start < e]
            agencies = [a for a in inside if a.family == AGENCY]
            pick = agencies[-1] if agencies else (inside[0] if inside else None)
            if pick is not None and pick.key not in sides:
                sides.append(pick.key)
        return sides

    def _coordinated(self, actors: list[Mention], pos: int) -> list[Mention]:
        """The actor right after `pos` and those listed with it ("A, B and C")."""
        out: list[Mention] = []
        for a in sorted((a for a in actors if a.start >= pos), key=lambda a: a.start):
            if a.family == COUNTRY and self._qualifies_next(a):
                continue  # "South Korea's Hyundai Rotem", "the Norwegian company Kongsberg"
            gap = self.text[pos:a.start]
            if not out and not re.fullmatch(r"\s*(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:[\w-]+:\s+)?", gap):
                break
            if out and (len(gap) > 60 or re.search(r"[.!?]", gap) or not re.match(r"\s*(?:[,;:]|and\b)", gap)
                        or a.family != out[0].family):
                break
            out.append(a)
            pos = a.end
        return out

    def _qualifies_next(self, m: Mention) -> bool:
        after = self.text[m.end:m.end + 40]
        return bool(re.match(r"['’]s\s+[A-Z]", after)) or (m.source == "demonym" and bool(re.match(r"\s+[a-z]", after)))

    def _head_actor(self, actors: list[Mention]) -> str | None:
        agencies = [a for a in actors if a.family == AGENCY]
        countries = [a for a in actors if a.family == COUNTRY]
        people = [a for a in actors if a.family == PERSON]  # signatories, where nothing else is named
        pick = agencies[-1] if agencies else countries[0] if countries else people[0] if people else None
        return pick.key if pick else None

    @staticmethod
    def _distinct(keys: list[str]) -> list[str]:
        out: list[str] = []
        for k in keys:
            if k not in out:
                out.append(k)
        return out

    # -- trainings --------------------------------------------------------------------
    def _trainings(self, sent: Sentence) -> None:
        low = fold(sent.text)
        if not _regex("training_triggers").search(low):
            return
        nouns = "|".join(sorted(map(re.escape, patterns()["trainee_nouns"]), key=len, reverse=True))
        countries = [m for m in self.in_sentence(sent, COUNTRY)]
        trainee = None
        count = None
        for m in countries:
            after = fold(self.text[m.end:m.end + 40])
            if re.match(rf"\s+(?:(?:[A-Z][\w-]*|[a-z]+-[\w-]+|{ADJ})\s+){{0,3}}(?:{nouns})\b",
                        self.text[m.end:m.end + 60]) \
                    or re.match(rf"\s+(?:(?:{ADJ})\s+)?(?:{nouns})\b", after) or re.match(r"['’]s\s+(?:future\s+)?(?:{})".format(nouns), after):
                trainee = m.key
                count = count_before(self.text, m.start)
                break
        if trainee is None:
            return
        found = list(_regex("training_triggers").finditer(low))
        # a capitalised "Training" mid-sentence is part of a name ("the Coalition on F-16 Training")
        trig = next((t for t in found if t.start() == 0 or not sent.text[t.start()].isupper()), found[0])
        if re.search(r"\b(their|its|his|her)\s+(?:[a-z-]+\s+(?:and\s+)?){0,3}$", low[max(0, trig.start() - 50):trig.start()]):
            return  # "once pilots have completed their training": no provider stated
        provider = None
        providers = "|".join(map(re.escape, patterns()["provider_nouns"]))
        instructors = [m for m in countries if m.key != trainee and re.match(
            rf"\s+(?:[a-z-]+\s+)?(?:{providers})\b", fold(self.text[m.end:m.end + 30]))]
        instructors_from = [m for m in countries if m.key != trainee and re.search(
            rf"\b(?:{providers})\s+from\s+(?:the\s+)?$", fold(self.text[max(0, m.start - 30):m.start]))]
        loc = [m for m in countries if m.key != trainee and re.search(
            r"\b(in|on)\s+(the\s+)?$", self.text[max(sent.start, m.start - 8):m.start])]
        subj = [m for m in countries if m.key != trainee and m.start < sent.start + trig.start()]
        agency_subj = [m for m in self.in_sentence(sent, AGENCY) if m.start < sent.start + trig.start()]
        actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY) and m.key != trainee]
        frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), actors)
        by_grammar = [a for a in actors if frame.relation(a) in ("subject", "by") and self.country_of(a.key)]
        if frame.negated:
            return
        if instructors:
            provider = instructors[0].key
        elif by_grammar:  # "Canada will contribute by helping to train", "trained by the Bundeswehr"
            provider = self.country_of(by_grammar[0].key)
        elif subj:
            provider = subj[0].key
        elif loc:
            provider = loc[0].key
        elif instructors_from:
            provider = instructors_from[0].key
        elif agency_subj:
            provider = self.country_of(agency_subj[0].key) or agency_subj[0].key
        if provider is None or provider == trainee:
            return
        self.events.append(Event("Training", self.evidence(sent), confidence=0.6, provider=provider,
                                 trainee=trainee, count=count))

    # -- dates ------------------------------------------------------------------------
    def _date(self, sent: Sentence, fallback: bool = True, anywhere: bool = False) -> date | str | None:
        found = find_date(sent.text, self.published)
        if found:
            return found
        if fallback and self.published and (anywhere or sent.paragraph <= 2):
            return self.published.date()
        return None

    def _dedupe(self) -> list[Event]:
        out: dict[tuple, Event] = {}
        for ev in self.events:
            sig = ev.signature()
            if sig in out:
                kept = out[sig]
                kept.confidence = min(0.95, kept.confidence + 0.1)
                for attr in ("count", "quantity", "value"):
                    if getattr(kept, attr) is None and getattr(ev, attr) is not None:
                        setattr(kept, attr, getattr(ev, attr))
                if ev.date is not None and (kept.date is None or
                                            find_date(ev.evidence.text, self.published) == ev.date and
                                            find_date(kept.evidence.text, self.published) is None):
                    kept.date = ev.date  # a date the text states beats one taken from the dateline
                if ev.cls == "Transfer" and _rank(ev.status) > _rank(kept.status):
                    kept.status = ev.status
                continue
            out[sig] = ev
        return list(out.values())


def _rank(status: str | None) -> int:
    return {"delivered": 3, "ordered": 2, "pledged": 1, "discussed": 0}.get(status or "", -1)


def find_date(text: str, published: datetime | None) -> date | str | None:
    """A date stated in text: `21 November 2023`, `December 21, 2022`, `27 July`, or a weekday."""
    months = patterns()["months"]
    mon = "|".join(sorted(months, key=len, reverse=True))
    low = fold(text)
    year_default = published.year if published else None
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", low)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b", low)  # day first, as in the datelines
    if m:
        return _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.search(rf"\b(\d{{1,2}})\s+({mon})\.?,?\s+(\d{{4}})\b", low) or None
    if m:
        return _safe_date(int(m.group(3)), months[m.group(2)], int(m.group(1)))
    m = re.search(rf"\b({mon})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", low)
    if m:
        return _safe_date(int(m.group(3)), months[m.group(1)], int(m.group(2)))
    m = re.search(rf"\b(?:on\s+)?(\d{{1,2}})\s+({mon})\b", low) or re.search(rf"\bon\s+({mon})\s+(\d{{1,2}})\b", low)
    if m and year_default:
        g = m.groups()
        day, month = (int(g[0]), months[g[1]]) if g[0].isdigit() else (int(g[1]), months[g[0]])
        return _safe_date(year_default, month, day)
    m = re.search(rf"\bin\s+({mon})\s+(\d{{4}})\b", low)
    if m:
        return f"{int(m.group(2)):04d}-{months[m.group(1)]:02d}"
    m = re.search(r"\b(?:on|met|meet|held talks)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", low)
    if m and published:
        target = patterns()["weekdays"].index(m.group(1))
        delta = (published.weekday() - target) % 7
        return (published - timedelta(days=delta)).date()
    return None


def _safe_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def find_events(text: str, sentences: list[Sentence], mentions: list[Mention], roles: list[Mention],
                entities: dict[str, Entity], published: datetime | None) -> list[Event]:
    """The events of an article."""
    return Events(text, sentences, mentions, roles, entities, published).run()
