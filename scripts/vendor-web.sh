#!/usr/bin/env bash
# Vendors the dashboard's browser libraries and the offline base map into
# src/main/resources/public/vendor/ from the npm registry, with their licences. Nothing is
# fetched at run time: the dashboard and its map work offline. Rerun to upgrade (then commit).
#   leaflet          map widget                         BSD-2-Clause
#   leaflet.markercluster  clustered markers         MIT
#   htmx.org         partial page updates               0BSD
#   topojson-client  TopoJSON -> GeoJSON in the browser ISC
#   world-atlas      Natural Earth country outlines     ISC (data: Natural Earth, public domain)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$here/src/main/resources/public/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
for pkg in leaflet@1.9.4 htmx.org@2.0.11 leaflet.markercluster@1.5.3 topojson-client@3.1.0 world-atlas@2.0.2; do
  npm pack --silent "$pkg" >/dev/null
done
for t in *.tgz; do mkdir -p "${t%.tgz}" && tar -xzf "$t" -C "${t%.tgz}"; done
rm -rf "$out" && mkdir -p "$out/leaflet/images"
cp leaflet-*/package/dist/leaflet.js leaflet-*/package/dist/leaflet.css "$out/leaflet/"
cp leaflet-*/package/dist/images/*.png "$out/leaflet/images/"
cp leaflet-*/package/LICENSE "$out/leaflet/LICENSE"
mkdir -p "$out/markercluster"
cp leaflet.markercluster-*/package/dist/leaflet.markercluster.js leaflet.markercluster-*/package/dist/MarkerCluster.css \
  leaflet.markercluster-*/package/dist/MarkerCluster.Default.css "$out/markercluster/"
cp leaflet.markercluster-*/package/MIT-LICENCE.txt "$out/markercluster/LICENSE"
mkdir -p "$out/htmx" && cp htmx.org-*/package/dist/htmx.min.js "$out/htmx/"
cp htmx.org-*/package/LICENSE "$out/htmx/LICENSE"
mkdir -p "$out/topojson" && cp topojson-client-*/package/dist/topojson-client.min.js "$out/topojson/"
cp topojson-client-*/package/LICENSE "$out/topojson/LICENSE"
mkdir -p "$out/world-atlas" && cp world-atlas-*/package/countries-50m.json "$out/world-atlas/"
cp world-atlas-*/package/LICENSE "$out/world-atlas/LICENSE"
echo "vendored into $out:"
(cd "$out" && find . -type f | sort | xargs ls -l | awk '{print "  " $5, $9}')
