"""Interactive relationship graphs: store → networkx (build, narrowed by selection) → pyvis Network →
self-contained HTML (render), or a GEXF, GraphML or node-link JSON file (export).

Names load on first use, so that the command line can read the table of formats
(`defgraph.viz.export.VIZ_FORMATS`) without loading networkx and pyvis.
"""

from __future__ import annotations

from importlib import import_module

_MODULES = {
    "build": ["EVENT_MODES", "VizError", "build_graph"],
    "selection": ["Selection", "filter_dates", "filter_types", "find_entity", "neighbourhood", "select",
               "selection_from_result"],
    "render": ["render_html", "to_pyvis"],
    "view": ["GraphRequest", "graph_view", "write_html", "write_view"],
    "export": ["VIZ_FORMATS", "plain_graph", "to_json", "to_scalar", "viz_format"],
}
_WHERE = {name: module for module, names in _MODULES.items() for name in names}

__all__ = list(_WHERE)


def __getattr__(name: str) -> object:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_WHERE[name]}", __name__), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
