"""SHACL validation of the graph with pyshacl, reported readably."""

from __future__ import annotations

from dataclasses import dataclass

from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH

from .resources import ONTOLOGY_FILE, SHAPES_FILE


@dataclass(frozen=True)
class Violation:
    """One SHACL result: the node, its label, the property path and the message."""

    focus: str
    label: str
    path: str
    message: str
    severity: str


def _short(term: object, graph: Graph) -> str:
    if term is None:
        return ""
    try:
        return graph.namespace_manager.normalizeUri(term) if isinstance(term, URIRef) else str(term)
    except Exception:  # noqa: BLE001 - a name that has no prefix stays as it is
        return str(term)


def validate_graph(data: Graph) -> list[Violation]:
    """SHACL violations of `data` against defgraph's shapes (with the ontology's hierarchy)."""
    shapes = Graph().parse(SHAPES_FILE)
    ontology = Graph().parse(ONTOLOGY_FILE)
    _, report, _ = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology,
                                  inference="rdfs", allow_warnings=True)
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        label = data.value(focus, RDFS.label) or ""
        out.append(Violation(
            focus=str(focus), label=str(label),
            path=_short(report.value(result, SH.resultPath), ontology),
            message=str(report.value(result, SH.resultMessage) or ""),
            severity=_short(report.value(result, SH.resultSeverity), report).split(":")[-1]))
    return sorted(out, key=lambda v: (v.label, v.path, v.message))
