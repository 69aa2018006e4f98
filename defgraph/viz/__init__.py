"""Interactive relationship graphs: store → networkx (build) → pyvis Network → self-contained HTML (render)."""

from .build import (EVENT_MODES, Selection, VizError, build_graph, filter_dates, filter_types,
                    find_entity, neighbourhood, select, selection_from_result)
from .render import render_html, to_pyvis
from .view import GraphRequest, graph_view, write_html

__all__ = ["EVENT_MODES", "Selection", "VizError", "build_graph", "filter_dates", "filter_types",
           "find_entity", "neighbourhood", "select", "selection_from_result", "render_html",
           "to_pyvis", "GraphRequest", "graph_view", "write_html"]
