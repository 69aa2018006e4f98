"""Refusing RDF/XML whose entities would blow it up (billion laughs, quadratic blow-up) before any parser expands them.

Oxigraph's RDF/XML parser expands internal entities without a limit, so every RDF/XML
document a user gives is first read by expat (which has its own amplification limit) with
two rules of ours: an entity's value may not refer to another entity (the nesting that makes
growth exponential), and the text the document expands to may not exceed a small multiple
of its size (a large entity referred to many times). Anything expat cannot read is refused.
"""

from __future__ import annotations

import xml.parsers.expat

MAX_GROWTH = 10                 # expanded text at most this many times the document's size...
MIN_ALLOWANCE = 1 << 20         # ...plus this, so that small documents with namespace entities pass


class EntityExpansionError(SyntaxError):
    """RDF/XML whose entities are nested or would expand it too far; nothing was parsed."""


def check_rdfxml(data: bytes) -> None:
    """Raise EntityExpansionError (a SyntaxError) unless the document's entities are flat and its expansion small."""
    limit = MAX_GROWTH * len(data) + MIN_ALLOWANCE
    expanded = 0

    def count(n: int) -> None:
        nonlocal expanded
        expanded += n
        if expanded > limit:
            raise EntityExpansionError(
                f"the document's entities expand it past {limit} characters (from {len(data)} bytes); "
                "refused")

    def entity(name, is_parameter, value, base, system_id, public_id, notation) -> None:
        if is_parameter:
            raise EntityExpansionError(f"parameter entity %{name}; is not accepted in RDF/XML")
        if value is None:
            raise EntityExpansionError(f"external entity &{name}; is not accepted in RDF/XML")
        if "&" in value:
            raise EntityExpansionError(f"entity &{name}; refers to another entity; nested entities "
                                       "are not accepted in RDF/XML")

    parser = xml.parsers.expat.ParserCreate()
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.EntityDeclHandler = entity
    parser.CharacterDataHandler = lambda text: count(len(text))
    parser.StartElementHandler = lambda name, attrs: count(len(name) + sum(len(k) + len(v) for k, v in attrs.items()))
    try:
        parser.Parse(data, True)
    except xml.parsers.expat.ExpatError as exc:
        raise EntityExpansionError(f"not well-formed XML ({exc})") from None
