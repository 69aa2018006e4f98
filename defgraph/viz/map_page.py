"""The map as one self-contained HTML page: the Natural Earth outlines (world-atlas's TopoJSON),
topojson-client and defgraph's script inlined, a Content-Security-Policy that forbids any request."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from .geo import MapData
from .render import ASSETS, inline_assets

MAP_ASSETS = ASSETS / "map"


@lru_cache(maxsize=1)
def map_assets() -> dict[str, str]:
    """What every map page inlines, and the CSP that lets exactly its scripts run."""
    out = inline_assets({"world": MAP_ASSETS / "countries-110m.json",
                         "topojson_js": MAP_ASSETS / "topojson-client.min.js",
                         "app_js": ASSETS / "map.js", "app_css": ASSETS / "map.css"}, ("topojson_js", "app_js"))
    if "<" in out["world"]:
        raise RuntimeError("asset world contains a '<' and cannot be inlined as JSON")
    return out


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=select_autoescape(["html"]))


def render_map(data: MapData) -> str:
    """The HTML page that draws a map's data."""
    return _environment().get_template("map.html").render(data=data.to_json(), assets=map_assets())


def write_map(data: MapData, out: str | Path) -> None:
    """Write the map page to a file."""
    Path(out).write_text(render_map(data), encoding="utf-8")
