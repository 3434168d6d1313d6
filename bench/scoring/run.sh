#!/usr/bin/env bash
# Every user's top-10 from a 64-factor model at MovieLens-20M's shape (138,493 users x 27,278 items,
# random seeded factors): M6-Rec's block scoring (bpr through InterestModel.scoreAll(List, float[]):
# one OpenBLAS sgemm per 256 users, then a bounded-heap top-K per row, on one Java thread per core)
# side by side with numpy (blocked U @ V.T plus argpartition, OpenBLAS on every core). Prints both
# times, the ratio (numpy / M6-Rec; > 1 means M6-Rec is faster), the GFLOP/s each side reached in
# total (2 x users x items x factors over its wall time, top-K included) beside the machine's sgemm
# peak (one 4096^3 GEMM in numpy), and how many sampled users' top-10 sets agree.
#   bench/scoring/run.sh [USERS ITEMS FACTORS]      (default: 138493 27278 64)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
users="${1:-138493}"
items="${2:-27278}"
factors="${3:-64}"
threads="$(nproc)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Debian's numpy links the system BLAS; libopenblas0-pthread makes that OpenBLAS, as pip's wheels have.
py=/usr/bin/python3
if ! "$py" -c 'import numpy' 2>/dev/null || ! ls /usr/lib/x86_64-linux-gnu/libopenblas*.so* >/dev/null 2>&1; then
    echo "installing python3-numpy and OpenBLAS (Debian)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy \
        libopenblas0-pthread >/dev/null
fi
cp="$("$root/bench/classpath.sh")"

# M6-Rec: one Java thread per core, each GEMM on one OpenBLAS thread (as the CLI runs).
m6="$(OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 java -Xmx4g -cp "$cp" dev.m6rec.bench.scoring.ScoringBench \
    "$users" "$items" "$factors" "$threads" 42 "$work" | awk '$1 == "m6rec" {print $4}')"
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads"
peak="$("$py" "$here/numpy_scoring.py" peak | awk '{print $2}')"
np_out="$("$py" "$here/numpy_scoring.py" score "$work" "$users" "$items" 10)"
np_s="$(awk '$1 == "numpy" {print $2}' <<<"$np_out")"
agree="$(awk '$1 == "agree" {print $2}' <<<"$np_out")"
flops="$(awk "BEGIN {print 2 * $users * $items * $factors}")"

echo "all-users top-10: $users users x $items items x $factors factors on $threads cores"
printf '%-8s %10s %10s\n' side seconds GFLOP/s
printf '%-8s %10.2f %10.1f\n' m6rec "$m6" "$(awk "BEGIN {print $flops / $m6 / 1e9}")"
printf '%-8s %10.2f %10.1f\n' numpy "$np_s" "$(awk "BEGIN {print $flops / $np_s / 1e9}")"
printf 'ratio (numpy / m6rec): %.2f   sgemm peak: %s GFLOP/s   top-10 sets agree: %s sampled users\n' \
    "$(awk "BEGIN {print $np_s / $m6}")" "$peak" "$agree"
