#!/usr/bin/env bash
# Scale benchmark of M6-Rec on Apache Spark (local[2]) against Spark MLlib's own ALS pipeline, on a
# synthetic dataset of MovieLens-20M's shape (the synthetic loader's planted structure, seeded:
# 27,278 items, about 144 ratings per user, users growing with the scale: 138,493 at 20M), generated
# once per scale into $BENCH_DIR as Parquet and reused.
#   M6-Rec: read-parquet, k-core (5/5, to its fixed point), split (per-user 80/10/10 by time),
#           hand-off-tsv (the k-core's rows for the facade's csv loader), als-m6rec (M6Rec.train of
#           interest: als: the csv loaded, filtered and split on Spark, ALS on MLlib, every valid and
#           test user evaluated on Spark, then the artifact saved), top10-m6rec (BatchTopK over the
#           artifact, Parquet), item-knn-m6rec (the same with a cosine similarity whose all-pairs
#           top-50 runs as a Spark job, and item-knn).
#   MLlib:  the same training rows as Parquet, ALS.fit (same rank, iterations, regularisation,
#           implicit alpha), recommendForAllUsers(10) written as Parquet.
# Per step: wall seconds, rows, rows/s, and the peak heap in use and process RSS of the one JVM
# (driver and executors are one process on local[2]). Then the ratios M6-Rec / MLlib for ALS
# training and for every user's top-10 (< 1 means M6-Rec is faster). With several scales, a table
# of how each step's time grows against the interactions (1.00 = linear).
#   bench/spark/run.sh                                 (BENCH_SCALE="1m 5m 20m", about 25 min on 2 cores)
#   BENCH_SCALE=20m bench/spark/run.sh
# Environment: BENCH_SCALE (1m | 5m | 20m | <n>m, space-separated for several; default "1m 5m 20m"),
#   BENCH_DIR (work folder, default /tmp/m6rec-bench-spark; never the repository), ALS_RANK (32),
#   ALS_ITERATIONS (10), JAVA_XMX (default by the largest scale: 3g up to 2m, 6g up to 8m, else 12g),
#   M6REC_MAVEN_OFFLINE=1 to build offline.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
read -r -a scales <<<"${BENCH_SCALE:-1m 5m 20m}"
work="${BENCH_DIR:-/tmp/m6rec-bench-spark}"
rank="${ALS_RANK:-32}"
iterations="${ALS_ITERATIONS:-10}"
case "$(cd "$(dirname "$work")" 2>/dev/null && pwd)/" in
  "$root"/*) echo "BENCH_DIR must be outside the repository (was $work)" >&2; exit 2 ;;
esac
mkdir -p "$work"

largest=0
for s in "${scales[@]}"; do
  n="${s%[mM]}"
  [[ "$n" =~ ^[0-9]+$ && "$s" =~ [mM]$ ]] || { echo "BENCH_SCALE: expected 1m, 5m, 20m or <n>m, was '$s'" >&2; exit 2; }
  (( n > largest )) && largest="$n"
done
if [[ -z "${JAVA_XMX:-}" ]]; then
  if (( largest <= 2 )); then JAVA_XMX=3g; elif (( largest <= 8 )); then JAVA_XMX=6g; else JAVA_XMX=12g; fi
fi

echo "== building the bench module (dev.m6rec.bench.spark) with spark and plugins/spark"
cp="$("$root/bench/classpath.sh")"
spark_lib="$root/plugins/spark/target/spark-lib"
options="$root/plugins/spark/target/spark-jvm.options"
if [[ ! -d "$spark_lib" || ! -f "$options" ]]; then
  echo "plugins/spark was not packaged (no target/spark-lib); run: mvn -B -q -DskipTests package -pl bench -am" >&2
  exit 1
fi
# Spark's closure, which the bench module keeps provided, and the JVM options spark-submit gives Spark 4.
cp="$cp:$spark_lib/*"
read -r -a jvm_options < "$options"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB, load average $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); -Xmx$JAVA_XMX"
# One OpenBLAS thread per JVM thread, as ./m6rec runs (BatchTopK scores on Spark's task threads).
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
for s in "${scales[@]}"; do
  echo "== scale $s"
  java -Xmx"$JAVA_XMX" "${jvm_options[@]}" -cp "$cp" dev.m6rec.bench.spark.SparkBench "$s" "$work" "$rank" "$iterations"
done

if (( ${#scales[@]} > 1 )); then
  echo "== growth: seconds per step, and seconds per interaction relative to scale ${scales[0]} (1.00 = linear)"
  files=()
  for s in "${scales[@]}"; do files+=("$work/results-$s.tsv"); done
  awk -v names="${scales[*]}" '
    BEGIN { n = split(names, scale, " ") }
    FNR == 1 { f++ }
    { secs[f, $1] = $2; if (!($1 in seen)) { seen[$1] = 1; order[++steps] = $1 } }
    $1 == "read-parquet" { rows[f] = $3 }
    END {
      printf "%-20s", "step"; for (i = 1; i <= n; i++) printf " %9s", scale[i]
      for (i = 2; i <= n; i++) printf " %9s", scale[i] "/" scale[1]; printf "\n"
      for (k = 1; k <= steps; k++) {
        s = order[k]; printf "%-20s", s
        for (i = 1; i <= n; i++) printf " %9s", ((i, s) in secs) ? sprintf("%.2f", secs[i, s]) : "-"
        for (i = 2; i <= n; i++)
          printf " %9s", ((i, s) in secs && (1, s) in secs && secs[1, s] > 0) ? sprintf("%.2f", (secs[i, s] / rows[i]) / (secs[1, s] / rows[1])) : "-"
        printf "\n"
      }
    }' "${files[@]}"
fi
