#!/usr/bin/env bash
# Build the bundle into another directory (for parallel work; tests pick it up with VG_DIST_DIR=<dir>).
set -euo pipefail
out=${1:?usage: scripts/build-to.sh DIR}
rm -rf "$out"
npx ncc build src/index.ts -o "$out" --target es2022 --source-map --no-source-map-register >/dev/null
node scripts/dist-source-maps.mjs "$out"
echo '{ "type": "module" }' > "$out/package.json"
echo "built $out"
