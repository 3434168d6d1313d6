#!/usr/bin/env bash
# Training speed of M6-Rec's cnn (Caser) interest model: the fused kernel against DL4J's own
# ComputationGraph.fit, on the quick-start problem (synthetic, 2000 users x 1000 items, leave-one-out,
# the settings of examples/quickstart-cnn.yaml with the text encoder on), one thread each.
# Prints samples/s for both engines by wall clock and by process CPU time (the steadier figure on a
# shared machine) and their ratio; with QUALITY_EPOCHS > 0 also the fused engine's test NDCG@10
# after validation-based early stopping.
#   bench/cnn/run.sh [FUSED_EPOCHS] [GRAPH_EPOCHS] [QUALITY_EPOCHS]     (defaults: 5, 1, 0)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
fused_epochs="${1:-5}"
graph_epochs="${2:-1}"
quality_epochs="${3:-0}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The harness (dev.m6rec.bench.cnn.CnnBench in the bench module) runs the dl4j plugin on the datasets
# plugin's synthetic data, split and evaluated by core; bench/classpath.sh builds them (it reads
# M6REC_MAVEN_OFFLINE and SKIP_REACTOR).
cp="$("$root/bench/classpath.sh")"

export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
java -Xmx4g -cp "$cp" dev.m6rec.bench.cnn.CnnBench "$fused_epochs" "$graph_epochs" "$quality_epochs" | tee "$work/out.txt"

awk '
    $1 == "cnn" { wall[$2] = $3 / $4; cpu[$2] = $3 / $5; epoch[$2] = $6 }
    END {
        printf "\n%-12s %14s %14s %18s\n", "samples/s", "wall clock", "process cpu", "training epochs"
        for (k in wall) printf "%-12s %14.0f %14.0f %18.0f\n", k, wall[k], cpu[k], epoch[k]
        if (("graph" in wall) && ("fused" in wall))
            printf "\nratio cnn fused / DL4J graph: %.1f (wall clock), %.1f (process cpu), %.1f (training epochs)\n",
                wall["fused"] / wall["graph"], cpu["fused"] / cpu["graph"], epoch["fused"] / epoch["graph"]
    }' "$work/out.txt"
