"""Word sets and patterns the resolver's passes share."""

from __future__ import annotations

import re

MINISTRY_RE = re.compile(
    r"(?:(?P<dem>[A-Z][\w’'-]+)\s+)?(?P<core>(?:Federal\s+)?(?:Ministry (?:of|for) (?:National\s+)?Defen[cs]e"
    r"|(?:National\s+)?Defen[cs]e Ministry|Ministry of the Armed Forces))"
    r"(?:\s+of\s+(?P<cty>(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?))?"
    r"(?!\s+(?:[A-Z][a-z]|and\s+[A-Z]))")  # "Ministry of Defence Acquisition ...": a longer name
PAREN_RE = re.compile(r"\(([^()]{2,60})\)")
GENERIC_WORDS = {"the", "a", "an", "new", "its", "their", "our", "his", "her", "more", "first", "older",
                 "further", "additional", "modern", "several", "some", "about", "around", "all", "other", "such",
                 "almost", "nearly"}

STATE_BODIES = {"Ministry", "GovernmentAgency", "ArmedForces"}
