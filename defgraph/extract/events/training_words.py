"""The words of training sentences that the training rules read: who stands where, what one graduates from, who
is named as trainers."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import alternation
from .trainees import school_forms

# what stands between a subject and its training verb: "Brazil trains", "India will also train"
SUBJECT_GAP = re.compile(r"\s+(?:(?:will|would|also|has|have|had|is|are|was|were|helps?|helped|to|continues?\s+to)\s+)*")
AWAITED = "?"  # the trainee of a training whose trainees the next sentence may list
# the services of several states: "officers of the navies of A, B and C"
SERVICES = (r"navies|armies|air\s+forces|armed\s+forces|militaries|defence\s+forces|defense\s+forces"  # ("of the Army, Navy
            r"|(?:army|navy|air\s+force)(?:(?:,|,?\s+and)\s+(?:the\s+)?(?:army|navy|air\s+force))*")      # and Air Force of A")
# who is at a course or a graduation without being taught: guests; and who pays for one
GUEST_WORDS = r"ambassadors?|attach[eé]s?|guests?|diplomats?|dignitaries"
FUNDER_WORDS = r"funded|financed|sponsored|paid\s+for"
# a group whose members train someone, named before they are listed
TRAINER_GROUP = re.compile(r"\b(?:coalition|partner countries|partner states|group of (?:countries|states))\b")


# what one graduates from that a state runs: "graduated from the French staff college" ("from basic training": no school)
@lru_cache(maxsize=1)
def school_after() -> re.Pattern:
    """What one graduates from where training is given: a school, a training camp, a course."""
    return re.compile(rf"\s+(?:[\w'’.-]+\s+){{0,8}}?(?:{school_forms(places=True)})\b")


@lru_cache(maxsize=1)
def many_or_by() -> re.Pattern:
    """Trainers the sentence does name, if not as one state: many of them ("partner countries": data/patterns.json
    `many_trainer_nouns`) or someone "by" whom."""
    return re.compile(rf"\b(?:{alternation('many_trainer_nouns')}|by)\b")


# the words after "training" that name who trains: "a training team from Italy"
TRAINERS_NAMED = re.compile(r"\s+(?:teams?|unit|detachment|cadre|staff)\b")


@lru_cache(maxsize=1)
def by_personnel() -> re.Pattern:
    """A passive's agent of running a course, personnel of states: "taught by specialists of the army of ", "given by
    Peruvian and " (data/patterns.json `course_running_participles`; not "attended by officers from")."""
    return re.compile(rf"\b(?:{alternation('course_running_participles')})\s+by\s+(?:the\s+)?(?:(?:[\w-]+\s+){{1,2}}(?:of|from)\s+"
                      r"(?:the\s+)?(?:(?:army|navy|air\s+force|armed\s+forces|armies|navies)\s+of\s+(?:the\s+)?)?)?$")
