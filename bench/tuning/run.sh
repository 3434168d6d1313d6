#!/usr/bin/env bash
# Benchmark of plugins/tuning (issue 6), one command: bench/tuning/run.sh
#
# On Branin, Hartmann-6, Rosenbrock-4D and a mixed space (float, log-float, int, a choice and a
# parameter conditional on it), prints the median best-found regret after 25, 50 and 100 trials
# over SEEDS seeds for random, grid, bayesian, tpe and genetic, and for Optuna's TPESampler
# (Debian's python3-optuna, installed here when missing), all in one run; whether bayesian and
# tpe are at or below Optuna's median at 50 and 100 trials; and the cost of ask() with 200
# finished trials. The default of 30 seeds is there because medians over 20 seeds still move by
# a factor of two between seed sets. Grid search gets the points per parameter that make its grid
# about the budget: 10 on Branin (100 points), 2 on Hartmann-6 (64), 3 on Rosenbrock-4D (81) and
# 2 on the mixed space; it walks its grid in odometer order, so its early trials vary the last
# parameters only.
#
# Environment: SEEDS (default 30), OUT (folder for the raw TSV, default a temporary one),
# SKIP_REACTOR=1 to build only the bench module against api, core and plugins already installed
# in ~/.m2, M6REC_MAVEN_OFFLINE=1 to build offline.
set -euo pipefail

SEEDS=${SEEDS:-30}
TRIALS=100
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
# One OpenBLAS thread per JVM thread: the benchmark already runs two trials at once on two cores,
# and OpenBLAS's own threads only add overhead for 100 x 100 matrices.
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

if ! /usr/bin/python3 -c 'import optuna' 2>/dev/null; then
  echo "== installing python3-optuna" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-optuna >/dev/null
fi

echo "== building the bench module (dev.m6rec.bench.tuning.TuningBench) with plugins/tuning" >&2
cp="$("$root/bench/classpath.sh")"

start=$(date +%s)
echo "== M6-Rec optimisers, $SEEDS seeds x 4 problems x $TRIALS trials" >&2
java -cp "$cp" dev.m6rec.bench.tuning.TuningBench regret "$SEEDS" "$TRIALS" 2 > "$out/m6rec.tsv"

echo "== Optuna $(/usr/bin/python3 -c 'import optuna; print(optuna.__version__)') TPESampler" >&2
/usr/bin/python3 "$here/optuna_tpe.py" "$SEEDS" "$TRIALS" branin,rosenbrock4 > "$out/optuna-a.tsv" &
optuna_a=$!
/usr/bin/python3 "$here/optuna_tpe.py" "$SEEDS" "$TRIALS" hartmann6,mixed > "$out/optuna-b.tsv"
wait "$optuna_a"

echo "== ask() at 200 finished trials" >&2
java -cp "$cp" dev.m6rec.bench.tuning.TuningBench ask 200 > "$out/ask.tsv"

echo
cat "$out/m6rec.tsv" "$out/optuna-a.tsv" "$out/optuna-b.tsv" "$out/ask.tsv" | /usr/bin/python3 "$here/summarize.py"
echo
echo "(raw results in $out; $(( $(date +%s) - start ))s after the build)"
