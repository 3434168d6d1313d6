#!/usr/bin/env bash
# Runs every interest model on a real MovieLens folder under each protocol and prints one table:
# model, protocol, valid and test NDCG@10 (full ranking over all items, seen items excluded) and the
# wall time of the whole `m6rec run` (load, split, fit, evaluate, write). The data is not in the
# repository and is never downloaded: pass the unzipped folder.
#
#   bench/movielens/compare.sh ML100K_DIR [--models a,b,...] [--protocols p,q,...] [--keep DIR]
#                              [--no-build] [--set KEY=VALUE ...]
#
# Models: popularity item-knn bpr ease mlp cnn, plus vae, ease-dae, sasrec and stack when `m6rec plugins`
# lists them. A model runs from examples/movielens-100k-<model>.yaml when that tuned config exists
# and names the protocol's split (a config is tuned on one protocol), else from
# examples/movielens-100k.yaml with `interest={type: <model>}` (the example's features stay, so
# feature-aware models see user and item attributes). `<model>-no-user-features` runs the
# same model with `features.user=[]`, `<model>-no-features` with no features at all.
# Protocols (default: ratio,loo):
#   ratio       per-user random 80/10/10, as in examples/movielens-100k.yaml
#   loo         leave-one-out by time: each user's latest rating to test, the one before to valid
#   cold-users  20% of users held out whole (attributes kept), 10% more for validation
# --set overrides go to every run (e.g. --set interest.epochs=10); --keep keeps each run's output
# folder (metrics.json with per-activity-group figures, report.html) under DIR/<model>-<protocol>.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
usage="usage: compare.sh ML100K_DIR [--models a,b] [--protocols ratio,loo,cold-users] [--keep DIR] [--no-build] [--set KEY=VALUE ...]"
data="${1:?$usage}"
shift
data="$(cd "$data" && pwd)"
models=""
protocols="ratio,loo"
keep=""
build=1
extra=()
while (($#)); do
    case "$1" in
        --models) models="${2:?$usage}"; shift 2 ;;
        --protocols) protocols="${2:?$usage}"; shift 2 ;;
        --keep) keep="$(mkdir -p "${2:?$usage}" && cd "$2" && pwd)"; shift 2 ;;
        --no-build) build=0; shift ;;
        --set) extra+=(--set "${2:?$usage}"); shift 2 ;;
        *) echo "$usage" >&2; exit 2 ;;
    esac
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
out="${keep:-$work}"

if ((build)); then
    (cd "$root" && mvn -B -q -DskipTests package)
fi
if [[ -z "$models" ]]; then
    listed="$("$root/m6rec" plugins | awk '$1 == "interest" && $2 == "model" {print $3}')"
    models="popularity,item-knn,bpr,ease,mlp,cnn"
    for optional in vae ease-dae sasrec stack; do
        if grep -qx "$optional" <<< "$listed"; then
            models="$models,$optional"
        fi
    done
fi

declare -A split_of=(
    [ratio]="split={type: ratio, ratios: [0.8, 0.1, 0.1], order: random, per-user: true}"
    [loo]="split={type: leave-one-out, order: time, valid: true}"
    [cold-users]="split={type: cold-users, share: 0.2, reveal: 0, valid-share: 0.1}"
)
declare -A split_type_of=([ratio]=ratio [loo]=leave-one-out [cold-users]=cold-users)
# The split type a config file names on its top-level split line.
split_type() {
    sed -nE 's/^split: *\{ *type: *([a-z-]+).*/\1/p' "$1" | head -n 1
}
rows="$work/rows.tsv"
: > "$rows"
IFS=, read -r -a model_list <<< "$models"
IFS=, read -r -a protocol_list <<< "$protocols"
for protocol in "${protocol_list[@]}"; do
    if [[ ! -v "split_of[$protocol]" ]]; then
        echo "unknown protocol '$protocol' (ratio, loo, cold-users)" >&2
        exit 2
    fi
done
for model in "${model_list[@]}"; do
    type="${model%-no-user-features}"
    type="${type%-no-features}"
    args=()
    case "$model" in
        *-no-user-features) args+=(--set "features.user=[]") ;;
        *-no-features) args+=(--set "features.user=[]" --set "features.item=[]") ;;
    esac
    for protocol in "${protocol_list[@]}"; do
        name="$model-$protocol"
        # A tuned config was tuned on its own split's protocol; on the others the model runs at its
        # defaults (the cnn's leave-one-out settings gave 0.1356 on the ratio split, its defaults 0.1482).
        config="$root/examples/movielens-100k-$type.yaml"
        config_args=()
        if [[ ! -f "$config" ]] || [[ "$(split_type "$config")" != "${split_type_of[$protocol]}" ]]; then
            config="$root/examples/movielens-100k.yaml"
            config_args=(--set "interest={type: $type}")
        fi
        split_args=()
        if [[ -n "${split_of[$protocol]}" ]]; then
            split_args=(--set "${split_of[$protocol]}")
        fi
        echo "running $name" >&2
        start=$(date +%s.%N)
        if (cd "$work" && "$root/m6rec" run "$config" --set "data.path=$data" --set "output.dir=$out/$name" \
                "${config_args[@]}" "${args[@]}" "${split_args[@]}" "${extra[@]}") > "$out/$name.log" 2>&1; then
            status=ok
        else
            status=failed
            echo "$name failed; the end of its log:" >&2
            tail -5 "$out/$name.log" >&2
        fi
        end=$(date +%s.%N)
        printf '%s\t%s\t%s\t%s\n' "$model" "$protocol" "$status" "$(awk "BEGIN {print $end - $start}")" >> "$rows"
    done
done

python3 - "$out" "$rows" <<'PY'
import json, sys
out, rows = sys.argv[1], sys.argv[2]
def fmt(value):
    return "-" if value is None else f"{value:.4f}"
print(f"{'model':28} {'protocol':11} {'valid ndcg@10':>13} {'test ndcg@10':>12} {'seconds':>8}")
for line in open(rows):
    model, protocol, status, seconds = line.rstrip("\n").split("\t")
    if status != "ok":
        print(f"{model:28} {protocol:11} {'failed':>13} {'failed':>12} {float(seconds):8.1f}")
        continue
    m = json.load(open(f"{out}/{model}-{protocol}/metrics.json"))
    print(f"{model:28} {protocol:11} {fmt(m['valid'].get('ndcg@10')):>13} {fmt(m['test'].get('ndcg@10')):>12} "
          f"{float(seconds):8.1f}")
PY
