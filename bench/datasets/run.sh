#!/usr/bin/env bash
# Benchmark of the movielens loader on a generated 20M-row ml-25m-like ratings.csv.
# Builds the bench module with the plugin (bench/classpath.sh, offline), generates the data once
# in /tmp, then in one run: times three loaders (the plugin's, the same byte reader with
# IdIndex.Builder, and a naive readLine/split loader), prints rows/s, the sampled peak heap and
# the ratio to the naive loader, and finds the smallest -Xmx each loader can live within.
# Usage: bench/datasets/run.sh [rows]   (default 20000000; ROWS=... also works)
set -euo pipefail

ROWS="${1:-${ROWS:-20000000}}"
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="${BENCH_DIR:-/tmp/m6rec-bench-datasets}"
DATA="$WORK/ml-25m-like-$ROWS"
TIMING_XMX="${TIMING_XMX:-3g}"
mkdir -p "$WORK"

command -v java >/dev/null || { apt-get update -qq && apt-get install -y -qq openjdk-17-jdk-headless maven; }

echo "== building the bench module (dev.m6rec.bench.datasets) with plugins/datasets"
CP="$(M6REC_MAVEN_OFFLINE=1 "$REPO/bench/classpath.sh")"

if [ ! -f "$DATA/.complete" ]; then
  echo "== generating $ROWS rows into $DATA"
  java -Xmx1g -cp "$CP" dev.m6rec.bench.datasets.MovieLensLoadBenchmark generate "$DATA" "$ROWS"
  touch "$DATA/.complete"
fi
ls -l "$DATA"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # variant xmx -> RESULT line, or nothing when it failed
  timeout 600 java -Xmx"$2" -XX:+UseG1GC -cp "$CP" dev.m6rec.bench.datasets.MovieLensLoadBenchmark load "$1" "$DATA" 2>/dev/null \
    | grep '^RESULT' || true
}

echo "== timing (-Xmx$TIMING_XMX, 3 runs per loader, each in a fresh JVM)"
declare -A BEST BEST_CPU PEAK
field() { sed -E "s/.* $1=([0-9.]+).*/\1/" <<<"$2"; }
for variant in movielens reader+idindex naive; do
  best="" best_cpu="" peak=""
  for attempt in 1 2 3; do
    line="$(run "$variant" "$TIMING_XMX")"
    [ -n "$line" ] || { echo "  $variant failed"; exit 1; }
    echo "  $line"
    seconds="$(field seconds "$line")"; cpu="$(field cpu_seconds "$line")"; heap="$(field peak_heap_used_mb "$line")"
    if [ -z "$best" ] || awk "BEGIN{exit !($seconds < $best)}"; then best="$seconds"; fi
    if [ -z "$best_cpu" ] || awk "BEGIN{exit !($cpu < $best_cpu)}"; then best_cpu="$cpu"; fi
    if [ -z "$peak" ] || [ "$heap" -gt "$peak" ]; then peak="$heap"; fi
  done
  BEST[$variant]="$best"; BEST_CPU[$variant]="$best_cpu"; PEAK[$variant]="$peak"
done

echo "== smallest -Xmx (MB) each loader completes within"
smallest() { # variant -> MB (binary search over 64 MB steps between 192 MB and 4 GB)
  local lo=3 hi=64 mid  # in units of 64 MB: 192 MB is assumed too small, 4 GB enough
  while [ $((hi - lo)) -gt 1 ]; do
    mid=$(((lo + hi) / 2))
    if [ -n "$(run "$1" "$((mid * 64))m")" ]; then hi=$mid; else lo=$mid; fi
  done
  echo $((hi * 64))
}
declare -A XMX
for variant in movielens reader+idindex naive; do
  XMX[$variant]="$(smallest "$variant")"
  echo "  $variant: ${XMX[$variant]} MB"
done

echo "== summary ($ROWS rows; best of 3; cpu = CPU time of the loading thread, which a busy machine distorts less)"
for variant in movielens reader+idindex naive; do
  awk -v v="$variant" -v s="${BEST[$variant]}" -v c="${BEST_CPU[$variant]}" -v n="$ROWS" -v p="${PEAK[$variant]}" \
      -v x="${XMX[$variant]}" -v base="${BEST[naive]}" -v basecpu="${BEST_CPU[naive]}" \
    'BEGIN{printf "  %-15s wall %6.2f s = %5.2f M rows/s (x%.2f vs naive)  cpu %6.2f s = %5.2f M rows/s (x%.2f)  peak heap used %5d MB  min -Xmx %5d MB\n",
           v, s, n/s/1e6, base/s, c, n/c/1e6, basecpu/c, p, x}'
done

echo "== synthetic dataset, default size (2000 users x 1000 items), 5 generations in one JVM (the first one cold)"
java -Xmx1g -cp "$CP" dev.m6rec.bench.datasets.MovieLensLoadBenchmark synthetic 5 | sed 's/^/  /'
