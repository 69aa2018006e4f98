"""Who takes part in a transfer: the words and positions that name its supplier and recipient."""

from __future__ import annotations

import re

from ..model import AGENCY, COUNTRY, PERSON, Mention
from ..sentences import Sentence


class TransferParties:
    """Who takes part in a transfer: the words and positions that name its supplier and recipient."""

    def _programme_owner(self, sent: Sentence, actors: list[Mention]) -> str | None:
        """`will be supplied to the navy under (or through) Japan's official security assistance programme`: the
        state whose aid programme moves the items gives them."""
        for a in actors:
            prep = re.search(r"\b(under|through)\s+(?:the\s+)?$", self.text[max(sent.start, a.start - 14):a.start])
            # through a programme, not through a place ("through Poland's aid hub" is a route)
            nouns = r"programs?|programmes?|scheme|initiative" + (r"|assistance|aid" if prep and prep.group(1) == "under" else "")
            if a.family == COUNTRY and prep and re.match(rf"['’]s\s+(?:[\w-]+\s+){{0,4}}(?:{nouns})\b",
                                                         self.text[a.end:a.end + 80]):
                return a.key
        return None

    def _jointly(self, actors: list[Mention], sent: Sentence, pos: int, recipients: set) -> list[str]:
        """`donated jointly with Denmark`, `together with the Netherlands`: those who give with the supplier."""
        out = []
        for a in actors:
            if a.start > pos and re.search(r"\b(?:jointly|together)\s+with\s+(?:the\s+)?$",
                                           self.text[max(sent.start, a.start - 30):a.start]):
                country = self._actor(a.key)
                if country and country not in recipients:
                    out.append(country)
        return out

    def _sells(self, keys: list[str]) -> bool:
        return any(self.entities[k].cls in ("Company", "StateEnterprise") for k in keys)

    def _owner_before(self, m: Mention) -> str | None:
        """`the Czech T-72 tanks`, `Polish-made Krab howitzers`: the country that qualifies a system
        (not "Uruguay Navy crews will sail the patrol boats": a subject, then its verb)."""
        owners = [x for x in self.between(m.start - 40, m.start) if x.family == COUNTRY
                  and not re.search(r"\b(to|in|for)\s*$", self.text[max(0, x.start - 5):x.start])
                  and len(self.text[x.end:m.start].split()) <= 2]
        return owners[-1].key if owners else self._named_origin(m)

    def _owner_after(self, m: Mention, sent: Sentence) -> str | None:
        """`X of the Argentine Air Force`: the force or state a system belongs to, named after it."""
        owner = next((x for x in self.between(m.end, min(sent.end, m.end + 80)) if x.family in (COUNTRY, AGENCY)), None)
        if owner is None or not re.fullmatch(r"[^,;()]*?\bof\s+(?:the\s+)?", self.text[m.end:owner.start]):
            return None
        return owner.key

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

    def _main_recipient(self, exclude: set) -> str | None:
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.family == COUNTRY and m.key not in exclude:
                counts[m.key] = counts.get(m.key, 0) + 1
        return max(counts, key=counts.get) if counts else None
