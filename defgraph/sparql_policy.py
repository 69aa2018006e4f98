"""Which endpoints a SPARQL query or update would make the engine contact (SERVICE, LOAD), and refusing them.

The decision is read from a real SPARQL parser's algebra (rdflib's), never from a home-made
tokenizer. Two parsers can still disagree, so the text is made unambiguous for both first
and every doubt is resolved by refusing:

- A comment ends at a line feed or a carriage return for Oxigraph, at a line feed only for
  rdflib's grammar: rdflib reads the text with every CR as LF (CR is whitespace everywhere
  else, and no SPARQL token but a long string can hold one, so nothing else changes).
- rdflib expands `\\uXXXX` escapes in the whole text before parsing; Oxigraph does not. The
  grammar is applied to the raw text, so an escape that would hide a keyword or end a string
  for one parser only makes rdflib fail instead.
- When rdflib cannot parse or translate the text (a construct only Oxigraph knows, a nesting
  too deep for it), the text is refused if it contains the letters of SERVICE or LOAD in any
  case anywhere, and passed on otherwise: the engine cannot run a SERVICE or LOAD whose
  keyword is not in the text, and a text without them needs no parse at all.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Iterable, Iterator, Mapping

LOAD_REFUSED = ("LOAD is not allowed: load data with `defgraph ingest`, `defgraph import` "
                "or the Graph Store Protocol")
_KEYWORDS = re.compile(r"service|load", re.IGNORECASE)
_PARSER_LOCK = threading.Lock()   # pyparsing keeps per-grammar state; one parse at a time


class PolicyError(ValueError):
    """A query or update the network policy refuses; the message says which endpoint and why."""


@dataclass(frozen=True)
class Fetch:
    """One network access an operation asks for: SERVICE or LOAD, and its target (IRI or ?variable)."""

    keyword: str
    target: str

    def __str__(self) -> str:
        shown = self.target if self.target.startswith(("?", "$")) else f"<{self.target}>"
        return f"{self.keyword} {shown}"


def mentions_fetch(text: str) -> bool:
    """Whether the text could hold a SERVICE or LOAD keyword (its letters, in any case, anywhere)."""
    return _KEYWORDS.search(text) is not None


def fetches(text: str, *, update: bool, base_iri: str | None = None,
            prefixes: Mapping[str, str] | None = None) -> list[Fetch]:
    """Every SERVICE and LOAD in a query (or update), with IRIs resolved as the engine resolves them.

    Raises PolicyError when the text mentions SERVICE or LOAD and cannot be parsed.
    """
    if not mentions_fetch(text):
        return []
    try:
        tree = algebra(text, update=update, base_iri=base_iri, prefixes=prefixes)
    except RecursionError:
        raise PolicyError("the text mentions SERVICE or LOAD and is nested too deeply to check "
                          "where it would connect; refused") from None
    except Exception as exc:  # noqa: BLE001 - any failure to read it means: cannot vouch for it
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise PolicyError("the text mentions SERVICE or LOAD and the server's check could not "
                          f"parse it as SPARQL 1.1 ({first[:200]}); refused") from None
    return list(_walk(tree))


def algebra(text: str, *, update: bool, base_iri: str | None = None,
            prefixes: Mapping[str, str] | None = None) -> object:
    """rdflib's algebra of a query (or update), read from the text made unambiguous for both
    parsers (see the module's docstring); raises whatever rdflib raises when it cannot."""
    from rdflib.plugins.sparql import parser
    from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate

    unambiguous = text.replace("\r", "\n")
    with _PARSER_LOCK:
        if update:
            tree = parser.UpdateUnit.parse_string(unambiguous, parse_all=True)[0]
            return translateUpdate(tree, base=base_iri, initNs=prefixes).algebra
        tree = parser.Query.parse_string(unambiguous, parse_all=True)
        return translateQuery(tree, base=base_iri, initNs=prefixes).algebra


def _walk(algebra: object) -> Iterator[Fetch]:
    from rdflib.plugins.sparql.parserutils import CompValue
    from rdflib.term import Variable

    stack = [algebra]
    while stack:
        node = stack.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                term = dict.get(node, "term")
                yield Fetch("SERVICE", f"?{term}" if isinstance(term, Variable) else str(term))
            elif node.name == "Load":
                yield Fetch("LOAD", str(dict.get(node, "iri")))
            stack.extend(dict.values(node))
        elif isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple, set, frozenset)):
            stack.extend(node)


def check(text: str, *, update: bool, allowed_services: Iterable[str] = (), base_iri: str | None = None,
          prefixes: Mapping[str, str] | None = None) -> None:
    """Raise PolicyError unless every SERVICE names an allow-listed endpoint and there is no LOAD."""
    allowed = set(allowed_services)
    for fetch in fetches(text, update=update, base_iri=base_iri, prefixes=prefixes):
        if fetch.keyword == "LOAD":
            raise PolicyError(LOAD_REFUSED)
        if fetch.target not in allowed:
            raise PolicyError(f"{fetch} is not allowed: this server only calls allow-listed endpoints"
                              + ("" if allowed else " (none are configured)"))
