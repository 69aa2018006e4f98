// Country centroids for defgraph/data/country_centroids.csv, from the Natural Earth outlines that
// world-atlas ships: for each country of the gazetteer (defgraph/data/countries.csv, by ISO 3166-1
// alpha-2), the spherical centroid of its largest polygon (so France sits in Europe, not between
// it and French Guiana), from the 1:110m outlines, or the 1:50m ones for the small countries
// 1:110m leaves out. Usage: node centroids.mjs COUNTRIES_CSV > country_centroids.csv
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { geoArea, geoCentroid } from "d3-geo";
import { feature } from "topojson-client";
import countries from "i18n-iso-countries";

const require = createRequire(import.meta.url);
const atlas = (scale) => {
  const topo = require(`world-atlas/countries-${scale}.json`);
  return feature(topo, topo.objects.countries).features;
};
const scales = [["110m", atlas("110m")], ["50m", atlas("50m")]];

function largestPolygon(geometry) {
  if (geometry.type === "Polygon") return geometry;
  let best = null, bestArea = -1;
  for (const coordinates of geometry.coordinates) {
    const polygon = { type: "Polygon", coordinates };
    const area = geoArea(polygon);
    if (area > bestArea) { best = polygon; bestArea = area; }
  }
  return best;
}

function parseCsvLine(line) {
  // the gazetteer's CSV: commas inside double quotes only
  const out = []; let cur = "", quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) { out.push(cur); cur = ""; }
    else cur += ch;
  }
  out.push(cur);
  return out;
}

const [header, ...rows] = readFileSync(process.argv[2], "utf8").trim().split("\n");
const cols = parseCsvLine(header);
const missing = [];
console.log("iso2,numeric,lat,lon,outline");
for (const row of rows) {
  const rec = Object.fromEntries(parseCsvLine(row).map((v, i) => [cols[i], v]));
  const iso2 = rec.iso2, numeric = countries.alpha2ToNumeric(iso2) || "";
  let found = null;
  for (const [scale, features] of scales) {
    const f = features.find((f) => (numeric && f.id === numeric) || f.properties.name === rec.name);
    if (f && f.geometry) { found = [scale, f]; break; }
  }
  if (!found) { missing.push(`${iso2} ${rec.name}`); continue; }
  const [scale, f] = found;
  const [lon, lat] = geoCentroid(largestPolygon(f.geometry));
  console.log(`${iso2},${numeric},${lat.toFixed(3)},${lon.toFixed(3)},${scale}`);
}
if (missing.length) console.error("no outline for: " + missing.join("; "));
