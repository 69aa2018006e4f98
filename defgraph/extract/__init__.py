"""Extraction: article → sentences → mentions → resolution → events → Facts.

Each stage is a function over plain data (see `model.py`); `extract` runs them in order.
What extraction knows of the world lives in the data files under `defgraph/data/`.
"""

from __future__ import annotations

from ..articles import Article
from .events import find_events
from .finalize import finalize
from .gazetteer import Gazetteer, gazetteer
from .grammar import Grammar
from .model import Entity, Event, Evidence, Facts, Mention
from .resolve import resolve
from .sentences import split_sentences

MAX_CHARS = 200_000

__all__ = ["extract", "Facts", "Entity", "Event", "Evidence", "Mention"]


def extract(article: Article, gaz: Gazetteer | None = None) -> Facts:
    """The entities and events an article states, each event with its evidence sentence."""
    gaz = gaz or gazetteer()
    text = article.text
    facts = Facts(article=article)
    if len(text) > MAX_CHARS:
        facts.skipped.append(f"text beyond {MAX_CHARS} characters not read ({len(text)} in all)")
        text = text[:MAX_CHARS]
    sentences = split_sentences(text)
    grammar = Grammar()  # one parse of each sentence, shared by the stages that ask about clauses
    entities, mentions, roles = resolve(text, sentences, gaz, grammar)
    events = find_events(text, sentences, mentions, roles, entities, article.published, grammar)
    facts.entities, facts.events = finalize(entities, events, gaz)
    return facts
