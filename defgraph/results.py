"""One answer type for every SELECT: its variables, its rows, and whether it was cut."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

import pyoxigraph as ox

if TYPE_CHECKING:
    import pandas

Term = ox.NamedNode | ox.BlankNode | ox.Literal


def term_value(term: object) -> str | None:
    """The plain string value of an Oxigraph term (None when unbound)."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def graph_answer(triples: Iterable[ox.Triple]) -> ox.QueryTriples:
    """Triples as pyoxigraph's CONSTRUCT/DESCRIBE answer type (each triple once)."""
    scratch = ox.Store()
    scratch.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    return scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")


@dataclass(eq=False)
class Results:
    """A SELECT's answer: its variables, one dict per row of plain strings (None where unbound),
    whether the answer was cut (a row cap), and the rows' RDF terms where they were kept. A
    CONSTRUCT's triples are rows of subject, predicate and object."""

    variables: list[str]
    rows: list[dict[str, str | None]] = field(default_factory=list)
    truncated: bool = False
    terms: list[dict[str, Term | None]] | None = field(default=None, repr=False)

    @classmethod
    def of(cls, solutions: ox.QuerySolutions, truncated: bool = False, row_limit: int | None = None) -> "Results":
        """The Results of pyoxigraph's solutions (from the embedded store or a remote one), truncated
        too when they are as many as `row_limit`, the most rows the store answers with."""
        names = [v.value for v in solutions.variables]
        terms = [{n: row[n] for n in names} for row in solutions]
        truncated = truncated or row_limit is not None and len(terms) >= row_limit
        return cls(names, [{n: term_value(t[n]) for n in names} for t in terms], truncated, terms)

    @classmethod
    def from_json(cls, body: bytes, truncated: bool = False) -> "Results":
        """The Results of a SPARQL 1.1 results JSON document (a query worker's answer)."""
        solutions = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        if not isinstance(solutions, ox.QuerySolutions):
            raise ValueError("not the answer of a SELECT")
        return cls.of(solutions, truncated)

    def __iter__(self) -> Iterator[dict[str, str | None]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, i: int) -> dict[str, str | None]:
        return self.rows[i]

    def __eq__(self, other: object) -> bool:
        """Equal to Results with the same variables, rows and cut, or to a list of the same rows."""
        if isinstance(other, list):
            return self.rows == other
        if isinstance(other, Results):
            return (self.variables, self.rows, self.truncated) == (other.variables, other.rows, other.truncated)
        return NotImplemented

    def to_pandas(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame, one column per variable (pandas is an optional extra)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("Rows.to_pandas needs pandas, which is not installed: "
                              "pip install 'defgraph[pandas]'") from None
        return pandas.DataFrame(self.rows, columns=self.variables)
