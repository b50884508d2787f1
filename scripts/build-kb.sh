#!/usr/bin/env bash
# Rebuilds src/main/resources/kb/phoenix-actors.tsv.gz, the Phoenix part of the actor
# knowledge base, from the PETRARCH/Phoenix actor dictionaries (MIT, see NOTICE).
#   scripts/build-kb.sh [ACTORS_DIR]     (default: ../shared/data/actors)
# The curated part, src/main/resources/kb/curated.yaml, is edited by hand.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
actors="${1:-$here/../shared/data/actors}"
cd "$here"
./vigil corpus kb --actors "$actors" --out src/main/resources/kb/phoenix-actors.tsv.gz
