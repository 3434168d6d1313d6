#!/usr/bin/env bash
# Side-by-side training benchmark of M6-Rec's mlp (DL4J plugin) and the same network in PyTorch:
# same data, architecture, batch size (256), negatives (4), epochs and thread count; once without
# and once with SVD++ history pooling (the mlp's default). Runs at 1 and at 2 threads, both sides
# given the same count (OMP_NUM_THREADS/OPENBLAS_NUM_THREADS and torch.set_num_threads for
# PyTorch; the mlp's intra-op-threads, over which the fused kernel splits each batch, for M6-Rec).
# Prints samples/s for both and their ratio (M6-Rec / PyTorch; > 1 means M6-Rec is faster) at each
# thread count, by wall clock and by process CPU time (the latter is the steadier figure on a
# shared machine, but only wall clock shows what a second thread buys), and each side's speed-up
# from 1 to 2 threads. Wall-clock figures are only valid on an otherwise idle machine.
#   bench/dl4j/run.sh [EPOCHS] [ML100K_DIR]     (defaults: 5 epochs, synthetic ML-100K-sized data)
# Knobs: BENCH_THREADS (thread counts to run, "1 2").
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
epochs="${1:-5}"
movielens="${2:-}"
thread_counts="${BENCH_THREADS:-1 2}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Debian's python3-torch installs for the system interpreter, which a pyenv shim may hide. It is
# built with BLAS_INFO=generic: its matrix products go to the system libblas.so.3, which is the
# reference BLAS unless OpenBLAS is installed (PyTorch then ran at a quarter of its speed here), so
# libopenblas0-pthread comes with it, as pip's wheels bring their own OpenBLAS or MKL.
py=/usr/bin/python3
if ! "$py" -c 'import torch, numpy' 2>/dev/null || ! ls /usr/lib/x86_64-linux-gnu/libopenblas*.so* >/dev/null 2>&1; then
    echo "installing python3-torch and OpenBLAS (Debian)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-torch python3-numpy \
        libopenblas0-pthread >/dev/null
fi
echo "PyTorch's BLAS: $(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu 2>/dev/null || echo unknown)"

# The Java half is dev.m6rec.bench.dl4j.MlpBench in the bench module; bench/classpath.sh builds it
# with the dl4j plugin and core (it reads M6REC_MAVEN_OFFLINE and SKIP_REACTOR).
cp="$("$root/bench/classpath.sh")"

echo "load before the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (wall clock needs an idle machine)"
for t in $thread_counts; do
    echo "== $t thread(s)"
    export OMP_NUM_THREADS="$t" OPENBLAS_NUM_THREADS="$t" MKL_NUM_THREADS="$t"
    java -Xmx4g -cp "$cp" dev.m6rec.bench.dl4j.MlpBench "$work/data" "$epochs" "$t" $movielens \
        | sed "s/^\(m6rec [^ ]*\)/\1 $t/" | tee "$work/java-$t.txt"
    "$py" "$here/bench_torch.py" "$work/data" "$epochs" "$t" \
        | sed "s/^\(torch [^ ]*\)/\1 $t/" | tee "$work/torch-$t.txt"
done

# Lines: "<side> <variant> <threads> <rows> <wall s> <cpu s>".
cat "$work"/java-*.txt "$work"/torch-*.txt | awk -v counts="$thread_counts" '
    $1 == "m6rec" || $1 == "torch" { k = $1 " " $2 " " $3; wall[k] = $4 / $5; cpu[k] = $4 / $6 }
    function best(map, a, b) { return map[a] > map[b] ? map[a] : map[b] }
    END {
        n = split(counts, t, " ")
        printf "\n%-30s %14s %14s\n", "samples/s", "wall clock", "process cpu"
        for (i = 1; i <= n; i++) for (k in wall) if (k ~ (" " t[i] "$")) printf "%-30s %14.0f %14.0f\n", k, wall[k], cpu[k]
        print ""
        for (i = 1; i <= n; i++) {
            c = t[i]
            # PyTorch gets its faster optimiser variant, by each clock.
            tw = best(wall, "torch sparse-adam " c, "torch dense-adam " c)
            tc = best(cpu, "torch sparse-adam " c, "torch dense-adam " c)
            hw = best(wall, "torch sparse-adam-history " c, "torch dense-adam-history " c)
            hc = best(cpu, "torch sparse-adam-history " c, "torch dense-adam-history " c)
            printf "%d thread(s): ratio m6rec mlp / pytorch (faster variant): %.2f (wall clock), %.2f (process cpu)\n",
                c, wall["m6rec fused " c] / tw, cpu["m6rec fused " c] / tc
            printf "%d thread(s): ratio with SVD++ history pooling (the default): %.2f (wall clock), %.2f (process cpu)\n",
                c, wall["m6rec fused-history " c] / hw, cpu["m6rec fused-history " c] / hc
            printf "%d thread(s): for reference, DL4J ComputationGraph.fit / pytorch: %.2f (wall clock), %.2f (process cpu)\n",
                c, wall["m6rec graph " c] / tw, cpu["m6rec graph " c] / tc
            if (i > 1) {
                b = t[1]
                printf "speed-up %d -> %d threads (wall clock): m6rec %.2fx, m6rec with pooling %.2fx; pytorch %.2fx, with pooling %.2fx\n",
                    b, c, wall["m6rec fused " c] / wall["m6rec fused " b], wall["m6rec fused-history " c] / wall["m6rec fused-history " b],
                    tw / best(wall, "torch sparse-adam " b, "torch dense-adam " b),
                    hw / best(wall, "torch sparse-adam-history " b, "torch dense-adam-history " b)
            }
        }
    }'
echo "load after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
