#!/usr/bin/env bash
# Side-by-side training benchmark of M6-Rec's mlp (DL4J plugin) and the same network in PyTorch:
# same data, architecture, batch size (256), negatives (4), epochs and one thread each; once
# without and once with SVD++ history pooling (the mlp's default).
# Prints samples/s for both and their ratio (M6-Rec / PyTorch; > 1 means M6-Rec is faster), by
# wall clock and by process CPU time (the latter is the steadier figure on a shared machine).
#   bench/dl4j/run.sh [EPOCHS] [ML100K_DIR]     (defaults: 5 epochs, synthetic ML-100K-sized data)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
epochs="${1:-5}"
movielens="${2:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Debian's python3-torch installs for the system interpreter, which a pyenv shim may hide.
py=/usr/bin/python3
if ! "$py" -c 'import torch, numpy' 2>/dev/null; then
    echo "installing python3-torch (Debian)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-numpy >/dev/null
fi

# The Java half is dev.m6rec.bench.dl4j.MlpBench in the bench module; bench/classpath.sh builds it
# with the dl4j plugin and core (it reads M6REC_MAVEN_OFFLINE and SKIP_REACTOR).
cp="$("$root/bench/classpath.sh")"

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
java -Xmx4g -cp "$cp" dev.m6rec.bench.dl4j.MlpBench "$work/data" "$epochs" $movielens | tee "$work/java.txt"
"$py" "$here/bench_torch.py" "$work/data" "$epochs" | tee "$work/torch.txt"

awk '
    $1 == "m6rec" || $1 == "torch" { wall[$1 " " $2] = $3 / $4; cpu[$1 " " $2] = $3 / $5 }
    END {
        printf "\n%-20s %14s %14s\n", "samples/s", "wall clock", "process cpu"
        for (k in wall) printf "%-20s %14.0f %14.0f\n", k, wall[k], cpu[k]
        # PyTorch gets its faster optimiser variant, by each clock.
        tw = wall["torch sparse-adam"] > wall["torch dense-adam"] ? wall["torch sparse-adam"] : wall["torch dense-adam"]
        tc = cpu["torch sparse-adam"] > cpu["torch dense-adam"] ? cpu["torch sparse-adam"] : cpu["torch dense-adam"]
        printf "\nratio m6rec mlp / pytorch (faster variant): %.2f (wall clock), %.2f (process cpu)\n",
            wall["m6rec fused"] / tw, cpu["m6rec fused"] / tc
        hw = wall["torch sparse-adam-history"] > wall["torch dense-adam-history"] ? wall["torch sparse-adam-history"] : wall["torch dense-adam-history"]
        hc = cpu["torch sparse-adam-history"] > cpu["torch dense-adam-history"] ? cpu["torch sparse-adam-history"] : cpu["torch dense-adam-history"]
        printf "ratio with SVD++ history pooling (the default): %.2f (wall clock), %.2f (process cpu)\n",
            wall["m6rec fused-history"] / hw, cpu["m6rec fused-history"] / hc
        printf "for reference, DL4J ComputationGraph.fit / pytorch: %.2f (wall clock), %.2f (process cpu)\n",
            wall["m6rec graph"] / tw, cpu["m6rec graph"] / tc
    }' "$work/java.txt" "$work/torch.txt"
