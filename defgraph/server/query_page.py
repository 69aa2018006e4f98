"""The query page at `/`: an editor with the competency queries as examples, results as a table."""

from __future__ import annotations

import json

from flask import Blueprint, Response, render_template

from ..resources import competency_queries
from .core import current_state

bp = Blueprint("query_page", __name__)


def script_json(value: object) -> str:
    """JSON safe to embed in an HTML <script> element (no <, >, &, U+2028/2029 left raw)."""
    text = json.dumps(value, ensure_ascii=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def examples() -> list[dict[str, str]]:
    """The competency queries: name, the question (the query's first comment line), text."""
    out = []
    for name, text in competency_queries().items():
        first = text.lstrip().splitlines()[0] if text.strip() else ""
        question = first.lstrip("#").strip() if first.startswith("#") else name
        out.append({"name": name, "question": question, "query": text})
    return out


@bp.route("/")
def query_page() -> Response:
    """The page; its script sends queries to /sparql."""
    state = current_state()
    page = render_template("query.html", examples=examples(),
                           config=script_json({"examples": examples(), "base": state.base_iri,
                                               "rowCap": state.settings.row_cap}))
    return Response(page, content_type="text/html; charset=utf-8")
