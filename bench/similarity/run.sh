#!/usr/bin/env bash
# Benchmark of the similarity plugin's exact all-pairs top-50 cosine neighbours against
# scikit-learn's cosine_similarity + numpy.argpartition (row blocks), on the same generated data
# in the same run:
#   ml100k     a MovieLens-100K-shaped rating matrix (943 users x 1682 items, 100k ratings, skewed)
#   sparse50k  50,000 items, 5,000,000 interactions by 100,000 users (skewed)
#   dense100k  100,000 x 64 float32 embeddings (Gaussian clusters)
# Prints both times, their ratio and whether the neighbour sets agree (allowing ties). The Java
# side runs in a 2 GB heap, which is also the check that 100k items with top-50 fit in it.
# Usage: bench/similarity/run.sh [case ...]     (default: all three)
# Environment: BENCH_DIR (work folder, default /tmp/m6rec-bench-similarity), JAVA_XMX (default 2g).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${BENCH_DIR:-/tmp/m6rec-bench-similarity}"
JAVA_XMX="${JAVA_XMX:-2g}"
PYTHON=/usr/bin/python3   # Debian's python, where python3-sklearn installs
CASES=("$@")
mkdir -p "$WORK"

if ! "$PYTHON" -c 'import sklearn, scipy, numpy' 2>/dev/null; then
  echo "== installing python3-sklearn (and OpenBLAS, so numpy does not fall back to the reference BLAS)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-sklearn libopenblas0-pthread >/dev/null
fi

echo "== building the bench module (dev.m6rec.bench.similarity) with plugins/similarity"
CP="$(M6REC_MAVEN_OFFLINE=1 "$REPO/bench/classpath.sh")"

if [ ! -f "$WORK/data/.complete" ]; then
  echo "== generating data into $WORK/data"
  java -Xmx2g -cp "$CP" dev.m6rec.bench.similarity.SimilarityBench generate "$WORK/data"
  touch "$WORK/data/.complete"
fi

BLAS="$(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu 2>/dev/null || echo unknown)"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); numpy BLAS: $BLAS"
echo "versions: $(java -version 2>&1 | head -1); $("$PYTHON" -c 'import sklearn, numpy, scipy; print("sklearn", sklearn.__version__, "numpy", numpy.__version__, "scipy", scipy.__version__)')"

RESULTS="$WORK/results.txt"
: > "$RESULTS"
echo "== java (plugin through the SPI, -Xmx$JAVA_XMX)"
java -Xmx"$JAVA_XMX" -cp "$CP" dev.m6rec.bench.similarity.SimilarityBench run "$WORK/data" "$WORK/out" "${CASES[@]}" \
  | tee -a "$RESULTS"
echo "== scikit-learn (cosine_similarity + argpartition in row blocks)"
"$PYTHON" "$REPO/bench/similarity/sklearn_topk.py" "$WORK/data" "$WORK/out" "${CASES[@]}" | tee -a "$RESULTS"

"$PYTHON" "$REPO/bench/similarity/compare.py" "$WORK/out" "$RESULTS"
