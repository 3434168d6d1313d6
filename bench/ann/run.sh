#!/usr/bin/env bash
# Approximate nearest neighbours for embedding recall: the HNSW index (core's dev.m6rec.core.ann,
# Lucene 9.12's graph builder, our own walk on byte codes of the rows with the results re-scored
# exactly) against exact blocked search, on N x 64 synthetic float
# embeddings with planted clusters (seeded) and 1,000 queries. Prints the graph's build time (one
# thread: the build is seeded and reproducible) and memory, recall@10 against exact search for each
# ef-search, and queries per second of both on 1 and 2 threads with the ratio over exact search.
#   bench/ann/run.sh [N] [EF_SEARCH,...] [M] [BEAM_WIDTH]   (default: 1000000 50,100,200 16 100)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
n="${1:-1000000}"
efs="${2:-50,100,200}"
m="${3:-16}"
beam="${4:-100}"
cp="$("$root/bench/classpath.sh")"
# The vectors (N x 64 floats, 256 MB a million), the graph while it is built (about 400 MB a million) and headroom.
heap=$(( n / 1000000 * 2 + 3 ))
exec java -Xmx${heap}g -cp "$cp" dev.m6rec.bench.ann.AnnBench "$n" 64 "$m" "$beam" "$efs" 1000 42
