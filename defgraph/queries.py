"""Running SPARQL queries (competency queries or any text) and formatting their results."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pyoxigraph as ox

from .formats import family, lookup
from .namespaces import PREFIXES
from .resources import QUERIES_DIR, QUERY_NAMES, query_file
from .results import graph_answer
from .sparql_policy import PolicyError
from .store import GraphStore

# --format choices of `defgraph query`: answers of SELECT and ASK, then of CONSTRUCT and DESCRIBE
QUERY_FORMATS = [*family("results"), *family("rdf")]


class QueryError(ValueError):
    """A query that cannot be read or run; names the query and the problem."""


QUERY_NAME = re.compile(r"[A-Za-z][\w-]*")


def named_query(text: str) -> str:
    """The SPARQL of a competency or deal query given by name, or `text` itself when it is no name.

    A single word that names no competency query is refused, with the names closest to it.
    """
    if not QUERY_NAME.fullmatch(text):
        return text
    if text in QUERY_NAMES:
        return query_file(text).read_text(encoding="utf-8")
    close = difflib.get_close_matches(text.lower(), QUERY_NAMES, n=3, cutoff=0.6)
    hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
    raise QueryError(f"no query named {text!r}{hint} (queries: {', '.join(QUERY_NAMES)})")


def load_query(query_or_file: str) -> str:
    """The text of a query given as a file path, a competency query name, or SPARQL text."""
    path = Path(query_or_file)
    if path.suffix == ".rq" or path.is_file():
        if not path.is_file():
            named = QUERIES_DIR / path.name
            if not named.is_file():
                raise QueryError(f"{query_or_file}: no such query file")
            path = named
        return path.read_text(encoding="utf-8")
    return named_query(query_or_file.strip())


def run_query(store: GraphStore, query: str) -> object:
    """Run SPARQL on the store; a syntax error or a refused SERVICE becomes a QueryError."""
    try:
        return store.query(query)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    except PolicyError as exc:
        raise QueryError(f"query refused: {exc}") from None


def store_limit_note(limit: int, unit: str = "rows") -> str:
    """What to say of an answer with as many rows (or triples) as the store answers at most."""
    return f"the store answers at most {limit} {unit}, so this answer may have been cut there: narrow the query"


def at_row_limit(store: GraphStore, result: object) -> tuple[object, str]:
    """A query's answer (read again when its rows were counted) and, when it is a SELECT's with as
    many rows as the store answers at most, or a CONSTRUCT's or DESCRIBE's with as many triples, a
    note that it may have been cut."""
    if store.row_limit is None or isinstance(result, ox.QueryBoolean):
        return result, ""
    if isinstance(result, ox.QueryTriples):
        triples = list(result)
        note = store_limit_note(store.row_limit, "triples") if len(triples) >= store.row_limit else ""
        return graph_answer(triples), note
    tsv = result.serialize(format=ox.QueryResultsFormat.TSV)
    cut = tsv.count(b"\n") - 1 >= store.row_limit
    return ox.parse_query_results(tsv, format=ox.QueryResultsFormat.TSV), store_limit_note(store.row_limit) if cut else ""


def format_result(result: object, fmt: str) -> str:
    """A query's answer in a format of the table (defgraph.formats): a SELECT's or ASK's in a
    results format, a CONSTRUCT's or DESCRIBE's in an RDF format (Turtle when a results format
    is asked for)."""
    form = lookup(QUERY_FORMATS, fmt)
    if isinstance(result, ox.QueryTriples):
        rdf = form if form.kind == "rdf" else lookup("rdf", "turtle")
        # a triple stated in several graphs (the default graph is their union) is written once
        return ox.serialize(dict.fromkeys(result), format=rdf.oxigraph,
                            prefixes=PREFIXES if rdf.name in ("turtle", "trig", "rdfxml") else None
                            ).decode("utf-8")
    if form.kind != "results":
        raise QueryError(f"format {form.name} is for CONSTRUCT and DESCRIBE answers; a SELECT or ASK "
                         f"answers in {', '.join(f.name for f in family('results'))}")
    if isinstance(result, ox.QueryBoolean):
        if form.boolean:
            return result.serialize(format=form.oxigraph).decode("utf-8")
        return "true\n" if result else "false\n"
    if form.oxigraph is not None:
        return result.serialize(format=form.oxigraph).decode("utf-8")
    names = [v.value for v in result.variables]
    return text_table(names, [[_plain(row[n]) for n in names] for row in result])


def _plain(term: object) -> str:
    return "" if term is None else term.value


def text_table(names: list[str], rows: list[list[str]]) -> str:
    """A fixed-width text table with a header rule and a row count."""
    widths = [len(n) for n in names]
    for row in rows:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
    out = [line(names), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
