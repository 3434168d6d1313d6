#!/usr/bin/env bash
# EASE fit time, M6-Rec's `ease` plugin (Gram matrix, LAPACK dpotrf + dpotri through OpenBLAS, the
# weights) side by side with numpy (the same Gram matrix and lambda, np.linalg.inv, the weights), on
# generated interaction matrices of 2k, 10k and 20k items, both on all cores. Prints both times,
# their ratio (numpy / M6-Rec; > 1 means M6-Rec is faster) and the largest difference between the
# two sides' weights B over 64 sampled rows.
#   bench/ease/run.sh [ITEMS ...]        (default: 2000 10000 20000; 20k needs about 12 GB of RAM)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sizes=("$@")
((${#sizes[@]})) || sizes=(2000 10000 20000)
lambda=500
threads="$(nproc)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Debian's numpy links the system BLAS; libopenblas0-pthread makes that OpenBLAS, as pip's wheels have.
py=/usr/bin/python3
if ! "$py" -c 'import numpy, scipy' 2>/dev/null || ! ls /usr/lib/x86_64-linux-gnu/libopenblas*.so* >/dev/null 2>&1; then
    echo "installing python3-numpy, python3-scipy and OpenBLAS (Debian)..." >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-numpy python3-scipy \
        libopenblas0-pthread >/dev/null
fi
cp="$("$root/bench/classpath.sh")"
export OMP_NUM_THREADS="$threads" OPENBLAS_NUM_THREADS="$threads"

printf '%-8s %12s %12s %10s %14s\n' items "m6rec s" "numpy s" "ratio" "max |dB|"
for items in "${sizes[@]}"; do
    dir="$work/$items"
    mkdir -p "$dir"
    "$py" "$here/numpy_ease.py" generate "$items" 42 "$dir"
    heap=$((items * items * 13 / 1000000000 + 2))
    m6="$(java -Xmx${heap}g -cp "$cp" dev.m6rec.bench.ease.EaseBench "$dir/pairs.i32" "$lambda" "$threads" \
        "$dir/rows.i32" "$dir/m6rec-rows.f32" | awk '$1 == "m6rec" {print $3}')"
    np_s="$("$py" "$here/numpy_ease.py" fit "$dir" "$lambda" | awk '$1 == "numpy" {print $3}')"
    diff="$("$py" -c "import numpy as np; a = np.fromfile('$dir/m6rec-rows.f32', '<f4'); b = np.fromfile('$dir/numpy-rows.f32', '<f4'); print(f'{np.abs(a - b).max():.2e}')")"
    printf '%-8s %12.2f %12.2f %10.2f %14s\n' "$items" "$m6" "$np_s" "$(awk "BEGIN {print $np_s / $m6}")" "$diff"
    rm -rf "$dir"
done
