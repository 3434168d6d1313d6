#!/bin/sh
# Puts the chart libraries the HTML reports inline (vega, vega-lite, vega-embed: not on Maven Central)
# into core's classes. Run by core's build (exec-maven-plugin, generate-resources):
#   fetch.sh <this folder> <work folder under target/> <resource folder in the classes>
# The packages come from the npm registry, exactly as package-lock.json pins them (integrity hashes checked
# by npm ci; no install scripts run). When the classes already hold the files of this lock, nothing is
# fetched: a rebuild works offline. npm's own cache serves a clean rebuild without the network too.
set -eu
src=$1
work=$2
dest=$3
if [ -f "$dest/vega.min.js" ] && [ -f "$dest/vega-lite.min.js" ] && [ -f "$dest/vega-embed.min.js" ] \
        && cmp -s "$src/package-lock.json" "$dest/package-lock.json"; then
    exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "core: npm (Node.js 18+) is needed once to fetch the report's chart libraries (vega, vega-lite," \
         "vega-embed) from the npm registry; install it and build again" >&2
    exit 1
fi
mkdir -p "$work" "$dest"
cp "$src/package.json" "$src/package-lock.json" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --prefer-offline --loglevel=error)
cp "$work/node_modules/vega/build/vega.min.js" "$work/node_modules/vega-lite/build/vega-lite.min.js" \
   "$work/node_modules/vega-embed/build/vega-embed.min.js" "$dest/"
for p in vega vega-lite vega-embed; do
    cp "$work/node_modules/$p/LICENSE" "$dest/$p.LICENSE"
done
cp "$src/package-lock.json" "$dest/package-lock.json"
