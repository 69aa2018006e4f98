#!/usr/bin/env bash
# Rebuild the browser assets that defgraph vendors into its package, from the npm packages pinned
# in package.json / package-lock.json beside this script. Run by hand after changing a version;
# the output is committed, so neither the tests, CI nor a user ever needs npm.
#
#   bash scripts/vendor/vendor.sh
#
# What it writes (each with its licence):
#   defgraph/server/static/vendor/yasgui/   @zazuko/yasgui's browser bundle (the query page's editor)
#   defgraph/viz/assets/map/                world-atlas's Natural Earth 1:110m countries (TopoJSON)
#                                           and topojson-client (the map page inlines both)
#   defgraph/data/country_centroids.csv     a centroid per gazetteer country (centroids.mjs)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$here"
npm ci --no-audit --no-fund --ignore-scripts >/dev/null
nm="$here/node_modules"

yasgui="$root/defgraph/server/static/vendor/yasgui"
rm -rf "$yasgui" && mkdir -p "$yasgui"
# the source-map comment would only make a browser's devtools ask the server for a file it lacks
sed '/^\/\/# sourceMappingURL=/d' "$nm/@zazuko/yasgui/build/yasgui.min.js" > "$yasgui/yasgui.min.js"
cp "$nm/@zazuko/yasgui/build/yasgui.min.css" "$yasgui/yasgui.min.css"
version=$(node -p "require('$nm/@zazuko/yasgui/package.json').version")
{
  echo "@zazuko/yasgui $version (npm registry; https://github.com/zazuko/Yasgui, a fork of"
  echo "TriplyDB's Yasgui), vendored by scripts/vendor/vendor.sh. Licence: MIT, as its package.json"
  echo "declares (the npm package ships no LICENSE file; the text below is the MIT licence)."
  echo
  echo "Copyright (c) Triply B.V. <info@triply.cc> and Zazuko GmbH"
  echo
  cat "$here/MIT.txt"
  echo
  echo "The bundle contains these npm packages, under the licences their package.json declare:"
  node "$here/licences.mjs" @zazuko/yasgui
} > "$yasgui/LICENSE"

map="$root/defgraph/viz/assets/map"
rm -rf "$map" && mkdir -p "$map"
cp "$nm/world-atlas/countries-110m.json" "$map/countries-110m.json"
cp "$nm/topojson-client/dist/topojson-client.min.js" "$map/topojson-client.min.js"
{
  echo "countries-110m.json: world-atlas $(node -p "require('$nm/world-atlas/package.json').version") (npm registry),"
  echo "Natural Earth 1:110m admin-0 countries (public domain, https://www.naturalearthdata.com/about/terms-of-use/)"
  echo "converted to TopoJSON by Mike Bostock; the package is under this licence:"
  echo
  cat "$nm/world-atlas/LICENSE"
  echo
  echo "topojson-client.min.js: topojson-client $(node -p "require('$nm/topojson-client/package.json').version") (npm registry), under this licence:"
  echo
  cat "$nm/topojson-client/LICENSE"
} > "$map/LICENSE"

node "$here/centroids.mjs" "$root/defgraph/data/countries.csv" > "$root/defgraph/data/country_centroids.csv"
echo "vendored: $yasgui, $map, defgraph/data/country_centroids.csv"
