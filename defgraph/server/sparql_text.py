"""Lexical look at SPARQL text: query form, FROM and dataset clauses, USING insertion.

Oxigraph parses and runs the queries; this module only tokenises enough (IRIs, strings,
comments, braces, keywords) to apply the protocol's `using-graph-uri` parameters, which
pyoxigraph's update has no argument for, and to choose how a query is run. It decides
nothing about safety: SERVICE and LOAD are judged from a parser's algebra (sparql_policy.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<var>[?$][\w]+)
  | (?P<word>[A-Za-z_][\w\-.]*(?::[\w\-.:%]*)?|:[\w\-.:%]*)
  | (?P<open>\{)
  | (?P<close>\})
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str      # iri, string, var, word, open, close, other
    text: str
    start: int
    end: int
    depth: int     # brace depth before the token


def iter_tokens(text: str) -> Iterator[Token]:
    """The significant tokens of SPARQL text (no whitespace or comments), one at a time."""
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        if kind == "close":
            depth = max(0, depth - 1)
        yield Token(kind, m.group(), m.start(), m.end(), depth)
        if kind == "open":
            depth += 1


def tokens(text: str) -> list[Token]:
    """The significant tokens of SPARQL text (no whitespace or comments)."""
    return list(iter_tokens(text))


def _is(tok: Token, *words: str) -> bool:
    return tok.kind == "word" and tok.text.upper() in words


QUERY_FORMS = ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE")


def query_form(text: str) -> str | None:
    """SELECT, CONSTRUCT, ASK or DESCRIBE: the first such keyword outside braces."""
    for tok in iter_tokens(text):   # stops at the form, usually right after the prologue
        if tok.depth == 0 and _is(tok, *QUERY_FORMS):
            return tok.text.upper()
    return None


def has_keyword(text: str, word: str) -> bool:
    """Whether an operation keyword (e.g. LOAD) occurs outside braces."""
    if word.upper() not in text.upper():
        return False
    return any(t.depth == 0 and _is(t, word.upper()) for t in tokens(text))


def has_dataset_clause(update: str) -> bool:
    """Whether an update names its own dataset (USING, USING NAMED or WITH)."""
    return any(t.depth == 0 and _is(t, "USING", "WITH") for t in tokens(update))


def add_using(update: str, default_graphs: list[str], named_graphs: list[str]) -> str:
    """The update with `USING`/`USING NAMED` clauses before every operation's WHERE.

    This is how the protocol's `using-graph-uri`/`using-named-graph-uri` apply (SPARQL 1.1
    Protocol §2.2.3). A `DELETE WHERE { P }` becomes the equivalent `DELETE { P } USING … WHERE { P }`.
    """
    clause = "".join(f" USING <{g}>" for g in default_graphs) + \
             "".join(f" USING NAMED <{g}>" for g in named_graphs)
    if not clause:
        return update
    toks = tokens(update)
    edits: list[tuple[int, int, str]] = []
    for i, tok in enumerate(toks):
        if tok.depth != 0 or not _is(tok, "WHERE"):
            continue
        prev = toks[i - 1] if i else None
        if prev is not None and _is(prev, "DELETE"):
            block = _brace_block(update, toks, i + 1)
            if block is None:
                continue
            pattern = update[block[0]:block[1]]
            edits.append((tok.start, tok.end, f"{pattern}{clause} WHERE"))
        else:
            edits.append((tok.start, tok.start, clause.lstrip() + " "))
    for start, end, text in reversed(edits):
        update = update[:start] + text + update[end:]
    return update


def _brace_block(text: str, toks: list[Token], i: int) -> tuple[int, int] | None:
    """Character span of the `{ … }` group starting at token index i."""
    if i >= len(toks) or toks[i].kind != "open":
        return None
    depth = toks[i].depth
    for tok in toks[i + 1:]:
        if tok.kind == "close" and tok.depth == depth:
            return toks[i].start, tok.end
    return None


def with_limit(query: str, limit: int) -> str:
    """The query with an outer `LIMIT` appended (the caller checks that it still parses)."""
    return f"{query}\nLIMIT {limit}"


def with_values(query: str, bindings: dict[str, object]) -> str:
    """The query with `VALUES (?v …) { (term …) }` at the start of its WHERE pattern: how values
    reach a query on an engine without substitutions (a remote store). Terms are pyoxigraph
    terms, written as Oxigraph writes them in N-Triples, so no value can end its term."""
    if not bindings:
        return query
    clause = (f" VALUES ({' '.join('?' + v for v in bindings)}) "
              f"{{ ({' '.join(str(t) for t in bindings.values())}) }} ")
    toks = tokens(query)
    form = next((i for i, t in enumerate(toks) if t.depth == 0 and _is(t, *QUERY_FORMS)), None)
    if form is None:
        raise SyntaxError("not a SELECT, CONSTRUCT, ASK or DESCRIBE query")
    opens = [i for i in range(form, len(toks)) if toks[i].kind == "open" and toks[i].depth == 0]
    where = next((i for i in range(form, len(toks)) if toks[i].depth == 0 and _is(toks[i], "WHERE")), None)
    if where is not None:
        at = next((i for i in opens if i > where), None)
    elif _is(toks[form], "CONSTRUCT"):
        at = opens[1] if len(opens) > 1 else None      # CONSTRUCT { template } { pattern }
    else:
        at = opens[0] if opens else None
    if at is None:
        raise SyntaxError("the query has no WHERE pattern to bind values in")
    end = toks[at].end
    return query[:end] + clause + query[end:]
