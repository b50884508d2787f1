#!/usr/bin/env python3
"""Writes src/main/resources/geo/subregions.tsv: ISO 3166 alpha-2 code -> UN M49 subregion.

Source: csc-countries.json.gz of the countries-states-cities database (ODbL 1.0), the same
source as the gazetteer. Usage: scripts/build-subregions.py ../shared/data/gazetteer
"""
import gzip
import json
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gazetteer"
countries = json.load(gzip.open(src + "/csc-countries.json.gz", "rt", encoding="utf-8"))
with open("src/main/resources/geo/subregions.tsv", "w", encoding="utf-8") as out:
    out.write("# ISO2<TAB>UN M49 subregion, from the countries-states-cities database (ODbL 1.0)\n")
    for c in sorted(countries, key=lambda c: c["iso2"]):
        if c.get("subregion"):
            out.write(c["iso2"] + "\t" + c["subregion"] + "\n")
