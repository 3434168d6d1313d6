#!/usr/bin/env bash
# Runs every interest model on a real MovieLens folder with examples/movielens-100k.yaml (ratio
# split, full ranking) and prints validation and test NDCG@10 side by side. The data is not in the
# repository and is never downloaded: pass the unzipped folder.
#   bench/movielens/compare.sh /path/to/ml-100k [extra --set overrides...]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
data="${1:?usage: compare.sh ML100K_DIR [--set KEY=VALUE ...]}"
shift
data="$(cd "$data" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && mvn -B -q -DskipTests package)
models=(
    "popularity|interest={type: popularity}"
    "item-knn|interest={type: item-knn}"
    "bpr|interest={type: bpr}"
    "ease|interest={type: ease}"
    "mlp|interest={type: mlp}"
)
for entry in "${models[@]}"; do
    name="${entry%%|*}"
    "$root/m6rec" run "$root/examples/movielens-100k.yaml" --set "data.path=$data" \
        --set "output.dir=$work/$name" --set "${entry#*|}" "$@" > "$work/$name.log" 2>&1 \
        || { echo "$name failed:"; tail -5 "$work/$name.log"; exit 1; }
done
python3 - "$work" "${models[@]%%|*}" <<'PY'
import json, sys
work, names = sys.argv[1], sys.argv[2:]
print(f"{'model':12} {'valid ndcg@10':>14} {'test ndcg@10':>13} {'test rmse':>10}")
for name in names:
    m = json.load(open(f"{work}/{name}/metrics.json"))
    rmse = m["test"].get("rmse")
    print(f"{name:12} {m['valid']['ndcg@10']:14.4f} {m['test']['ndcg@10']:13.4f} "
          f"{'-' if rmse is None else format(rmse, '.4f'):>10}")
PY
