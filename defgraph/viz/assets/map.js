// The map page: Natural Earth outlines in an equirectangular projection (SVG), a choropleth of
// the data's values by country, and flows as curved arrows between country centroids.
// Every name reaches the page as text (textContent, SVG <title>), never as markup.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("dg-map-data").textContent);
  const topo = JSON.parse(document.getElementById("dg-world").textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const W = 1000, NORTH = 84, SOUTH = -58, H = Math.round(W * (NORTH - SOUTH) / 360);
  const STATUS_COLOURS = { delivered: "#1a9850", ordered: "#2b6cb0", pledged: "#e08214",
                           discussed: "#8c8c8c", unknown: "#b2182b" };
  const svg = document.getElementById("dg-map");
  svg.setAttribute("viewBox", `0 0 ${W} ${H}`);

  const project = ([lon, lat]) => [((lon + 180) / 360) * W, ((NORTH - Math.max(SOUTH, Math.min(NORTH, lat))) / (NORTH - SOUTH)) * H];
  const el = (name, attrs, parent) => {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (parent) parent.appendChild(node);
    return node;
  };
  const title = (node, text) => { el("title", {}, node).textContent = text; };
  const byNumeric = {};
  for (const [iso, c] of Object.entries(data.countries)) if (c.numeric) byNumeric[c.numeric] = iso;
  const nameOf = (iso) => (data.countries[iso] ? data.countries[iso].name : iso);

  // --- choropleth scale: light to dark by the square root of the value
  const values = data.values || {};
  const max = Math.max(0, ...Object.values(values));
  const shade = (v) => {
    const t = max > 0 ? Math.sqrt(v / max) : 0;
    const mix = (a, b) => Math.round(a + (b - a) * t);
    return `rgb(${mix(222, 8)},${mix(235, 48)},${mix(247, 107)})`;
  };

  // --- the land
  const land = el("g", { id: "dg-land" }, svg);
  // Rings that cross the antimeridian (Russia, Fiji) are unwrapped into one continuous ring and
  // drawn once more a world away; the SVG's viewport clips what falls outside.
  const ringPaths = (ring) => {
    let shift = 0, prev = ring[0][0];
    const flat = ring.map(([lon, lat]) => {
      if (lon + shift - prev > 180) shift -= 360;
      else if (lon + shift - prev < -180) shift += 360;
      prev = lon + shift;
      return [lon + shift, lat];
    });
    const lons = flat.map((p) => p[0]);
    const copies = [0];
    if (Math.max(...lons) > 180) copies.push(-360);
    if (Math.min(...lons) < -180) copies.push(360);
    return copies.map((dx) => flat.map(([lon, lat], i) => (i ? "L" : "M") +
      project([lon + dx, lat]).map((x) => x.toFixed(1)).join(",")).join("") + "Z").join("");
  };
  for (const f of topojson.feature(topo, topo.objects.countries).features) {
    if (!f.geometry || f.id === "010") continue;          // Antarctica
    const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
    const d = polys.map((rings) => rings.map(ringPaths).join("")).join("");
    const iso = byNumeric[f.id];
    const path = el("path", { d, class: "dg-land" }, land);
    if (iso) path.dataset.iso = iso;
    const v = iso !== undefined ? values[iso] : undefined;
    if (v !== undefined) {
      path.setAttribute("style", `fill: ${shade(v)}`);
      path.classList.add("dg-valued");
    }
    title(path, (iso ? nameOf(iso) : f.properties.name) + (v !== undefined ? `: ${v}` : ""));
  }

  // --- the flows, as curved arrows (A→B and B→A bend to opposite sides)
  const defs = el("defs", {}, svg);
  for (const [status, colour] of Object.entries(STATUS_COLOURS)) {
    const marker = el("marker", { id: "dg-arrow-" + status, viewBox: "0 0 10 10", refX: "9", refY: "5",
                                  markerWidth: "5", markerHeight: "5", orient: "auto-start-reverse" }, defs);
    el("path", { d: "M0,0L10,5L0,10z", fill: colour }, marker);
  }
  const flowLayer = el("g", { id: "dg-flow-layer" }, svg);
  const dominant = (statuses) => Object.entries(statuses).sort((a, b) => b[1] - a[1])[0][0];
  for (const f of data.flows) {
    const a = data.countries[f.source], b = data.countries[f.target];
    if (!a || !b) continue;
    const [x1, y1] = project([a.lon, a.lat]), [x2, y2] = project([b.lon, b.lat]);
    const dx = x2 - x1, dy = y2 - y1, bend = 0.22;
    const cx = (x1 + x2) / 2 - dy * bend, cy = (y1 + y2) / 2 + dx * bend;
    const status = STATUS_COLOURS[dominant(f.statuses)] ? dominant(f.statuses) : "unknown";
    const path = el("path", { d: `M${x1.toFixed(1)},${y1.toFixed(1)}Q${cx.toFixed(1)},${cy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`,
                              class: "dg-flow", stroke: STATUS_COLOURS[status],
                              "stroke-width": (1.2 + 1.6 * Math.log2(1 + f.count)).toFixed(2),
                              "marker-end": `url(#dg-arrow-${status})` }, flowLayer);
    path.dataset.source = f.source;
    path.dataset.target = f.target;
    const statuses = Object.entries(f.statuses).map(([s, n]) => `${n} ${s}`).join(", ");
    title(path, `${nameOf(f.source)} → ${nameOf(f.target)}: ${f.count} transfer${f.count === 1 ? "" : "s"} (${statuses})` +
                (f.equipment.length ? "\n" + f.equipment.join(", ") : ""));
  }

  // --- the countries named, with a dot and a name
  const names = el("g", { id: "dg-names" }, svg);
  const flowCountries = new Set(data.flows.flatMap((f) => [f.source, f.target]));
  for (const iso of data.used) {
    const c = data.countries[iso];
    if (!c || !flowCountries.has(iso)) continue;
    const [x, y] = project([c.lon, c.lat]);
    title(el("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: "2", class: "dg-dot" }, names), c.name);
    el("text", { x: (x + 3).toFixed(1), y: (y - 3).toFixed(1), class: "dg-name" }, names).textContent = c.name;
  }

  // --- legend, tables, summary
  const legend = document.getElementById("dg-legend");
  const key = (colour, text) => {
    const item = document.createElement("span");
    const swatch = document.createElement("span");
    swatch.className = "key";
    swatch.style.background = colour;
    item.append(swatch, text);
    legend.appendChild(item);
  };
  if (data.flows.length) {
    const used = new Set(data.flows.flatMap((f) => Object.keys(f.statuses)));
    for (const [s, colour] of Object.entries(STATUS_COLOURS)) if (used.has(s)) key(colour, s);
  }
  if (max > 0) {
    key(shade(max / 16), `low (${data.valueLabel})`);
    key(shade(max), `high: ${max}`);
  }
  const row = (tbody, cells) => {
    const tr = tbody.insertRow();
    for (const c of cells) tr.insertCell().textContent = c;
  };
  if (data.flows.length) {
    const table = document.getElementById("dg-flows");
    for (const f of data.flows) {
      row(table.tBodies[0], [nameOf(f.source), nameOf(f.target), String(f.count),
        Object.entries(f.statuses).map(([s, n]) => `${s} ${n}`).join(", "), f.equipment.join(", ")]);
    }
    table.hidden = false;
  }
  const valued = Object.entries(values).sort((a, b) => b[1] - a[1]);
  if (valued.length) {
    const table = document.getElementById("dg-values");
    document.getElementById("dg-value-label").textContent = data.valueLabel;
    for (const [iso, v] of valued) row(table.tBodies[0], [nameOf(iso), String(v)]);
    table.hidden = false;
  }
  if (data.unplacedCount) {
    const p = document.getElementById("dg-unplaced");
    p.textContent = `Not on the map (no country found): ${data.unplaced.join(", ")}` +
                    (data.unplacedCount > data.unplaced.length ? ` and ${data.unplacedCount - data.unplaced.length} more` : "");
    p.hidden = false;
  }
  const parts = [];
  if (data.flows.length) parts.push(`${data.flows.length} arrow${data.flows.length === 1 ? "" : "s"}`);
  if (valued.length) parts.push(`${valued.length} countr${valued.length === 1 ? "y" : "ies"} shaded`);
  document.getElementById("dg-summary").textContent = parts.join(" · ") || "nothing to draw";
  document.body.dataset.drawn = "true";
})();
