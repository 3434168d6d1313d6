#!/usr/bin/env bash
# Load benchmark of `m6rec serve` on loopback, one command: bench/serving/run.sh [CASE...]
#
# Cases (default: both):
# - item-knn: a MovieLens-100K-sized model on synthetic data (943 users x 1682 items, ~100k
#   interactions; item-knn over cosine similarity, served through recall -> rank -> re-rank with
#   recall {history: 200, popular: 100} and diversity 0.2; serving.yaml);
# - mlp: a deep model at catalogue scale (mlp-100k.yaml): an mlp over 100,000 items (synthetic,
#   seeded, 20,000 users x ~30 interactions, 2 epochs: the point is the serving path), served with
#   recall {history: 100, embedding: 100, popular: 100}, embedding recall through the HNSW index
#   (recommend.index: hnsw, built at training and stored in the artifact), diversity 0.2.
# Each case trains its model (the mlp case takes a few minutes), serves it, and loads it with
# GET /v1/recommend for random users while POST /admin/reload swaps the artifact in every 5 s, in
# two ways:
# - open loop, the goal's measure: requests due at a fixed rate (BENCH_RATES, default 1500 and 2000
#   lists/s) over 64 connections, each latency counted from when its request was due, so a stall
#   of the server (a reload, a GC) shows in full (OpenLoopLoad in the bench module, as wrk2 does);
# - closed loop, the saturation: wrk (Debian's package, installed if missing) with 16 and 64
#   clients, each asking again as soon as it has its answer. This finds the most lists/s the server
#   gives; its latencies are those of a queue of that many clients (64 clients at a p99 under 20 ms
#   would need 64 / 0.02 s = 3,200 lists/s), and a stall only slows the asking.
# Prints throughput, p50/p90/p99 latency, failed requests (non-2xx and socket errors), reloads,
# and the server's CPU time per request, first with the result cache off (every request runs the
# full path), then with it on. Goal on 2 cores: zero failed requests, p99 under 20 ms, at least
# 2,000 lists/s: met by an open-loop level offering at least 2,000 lists/s that answers them all
# (within 1%) with a p99 under 20 ms and no failure. Closed-loop levels are marked the same way
# (p99 under 20 ms at 2,000 lists/s or more), for what they show of the headroom.
#
# Knobs: M6REC_JAVA_OPTS (the server's JVM options; default -Xms4g -Xmx4g -XX:+AlwaysPreTouch
# -XX:+UseTransparentHugePages),
# BENCH_SECONDS (per level, 30), BENCH_WARMUP (20, with reloads), BENCH_RATES ("1500 2000"; empty
# for none), BENCH_LEVELS (closed-loop clients, "16 64"; empty for none), BENCH_RELOAD_EVERY (5),
# BENCH_CACHED (1: also run with the cache on), BENCH_REUSE_MODEL=1 (keep
# the models trained by an earlier run), BENCH_MLP_SET (extra --set overrides of the mlp case's
# training, e.g. "data.users=2000 data.items=10000" for a smoke run), M6REC_SKIP_BUILD=1 (use the
# runtime and bench module as built), M6REC_BENCH_DIR (work folder).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${M6REC_BENCH_DIR:-${TMPDIR:-/tmp}/m6rec-bench-serving}"
seconds="${BENCH_SECONDS:-30}"
warmup="${BENCH_WARMUP:-20}"
levels="${BENCH_LEVELS-16 64}"
rates="${BENCH_RATES-1500 2000}"
reload_every="${BENCH_RELOAD_EVERY:-5}"
cached="${BENCH_CACHED:-1}"
# Transparent huge pages for the server's heap (Linux's "madvise" mode, Debian's default, gives them
# only to a JVM that asks): the serving path reads rows of 10-25 MB tables at random (HNSW
# vectors, the mlp's item side), and 2 MB pages make its TLB misses rarer. A fixed heap, touched
# at start, as servers are usually run: each reload allocates about 275 MB of new tables, and a
# heap that G1 shrinks and grows again pays for it in page faults (about 0.4 s of kernel time per
# reload of the mlp case, measured with an idle server).
server_java_opts="${M6REC_JAVA_OPTS:--Xms4g -Xmx4g -XX:+AlwaysPreTouch -XX:+UseTransparentHugePages}"
mkdir -p "$work"
# /admin/reload needs the server's token (see the README's threat model); a fresh one per run.
(umask 077 && head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$work/admin-token")

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "installing $tool (Debian package)" >&2
    sudo_cmd=""
    [[ "$(id -u)" != 0 ]] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$tool" >/dev/null
  fi
done

if [[ "${M6REC_SKIP_BUILD:-0}" != 1 ]]; then
  echo "building the runtime and the plugins it serves with" >&2
  (cd "$root" && mvn -B -q -pl runtime -am package -DskipTests)
fi
bench_cp=""
if [[ -n "$rates" ]]; then
  if [[ "${M6REC_SKIP_BUILD:-0}" == 1 && -f "$root/bench/target/classpath.txt" ]]; then
    bench_cp="$root/bench/target/classes:$(cat "$root/bench/target/classpath.txt")"
  else
    echo "building the bench module (the open-loop load generator)" >&2
    bench_cp="$("$root/bench/classpath.sh")"
  fi
fi

cases="${*:-item-knn mlp}"
for name in $cases; do
  [[ "$name" == item-knn || "$name" == mlp ]] || { echo "unknown case '$name' (item-knn, mlp)" >&2; exit 2; }
done

artifact=""
users=""
# Trains (or reuses) the model of case $1 from config $2 in $work/$1; extra --set overrides follow.
train_case() {
  local name="$1" config="$2"
  shift 2
  local overrides=()
  for o in "$@"; do overrides+=(--set "$o"); done
  local dir="$work/$name"
  if [[ "${BENCH_REUSE_MODEL:-0}" == 1 && -f "$dir/run/artifact/manifest.json" ]]; then
    echo "reusing the model in $dir/run" >&2
  else
    echo "training the $name model (log: $dir/train.log)" >&2
    mkdir -p "$dir"
    "$root/m6rec" run "$config" --set output.dir="$dir/run" "${overrides[@]}" >"$dir/train.log" 2>&1 \
      || { tail -n 20 "$dir/train.log" >&2; exit 1; }
  fi
  artifact="$dir/run/artifact"
  users="$artifact/pipeline/users.txt"
}

server_pid=""
port=""
stop_server() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid"
    local status=0
    wait "$server_pid" || status=$?
    echo "server stopped by SIGTERM: exit $status ($(tail -n 1 "$work/serve.log"))" >&2
    server_pid=""
    return "$status"
  fi
}
trap 'stop_server || true' EXIT

start_server() {
  local cache_size="$1"
  M6REC_JAVA_OPTS="$server_java_opts" "$root/m6rec" serve --artifact "$artifact" --port 0 --cache-size "$cache_size" \
    --admin-token-file "$work/admin-token" >"$work/serve.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    if grep -q "^m6rec serving" "$work/serve.log"; then
      port="$(sed -n 's|^m6rec serving .* on http://127.0.0.1:\([0-9]*\) .*|\1|p' "$work/serve.log")"
      echo "$(head -n 1 "$work/serve.log") [cache-size $cache_size]" >&2
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the server did not start" >&2
  exit 1
}

# The server's own latency histogram for /v1/recommend: "le count" lines, cumulative.
recommend_buckets() {
  curl -s "http://127.0.0.1:$port/metrics" \
    | sed -n 's|^m6rec_http_request_duration_seconds_bucket{endpoint="/v1/recommend",le="\([^"]*\)"} \([0-9]*\)$|\1 \2|p'
}

# The bucket bound under which 99% of the requests answered between two snapshots fell (the
# time inside the server, from reading the request to writing the answer; no client queueing).
server_p99_ms() {
  paste -d' ' "$1" "$2" | awk '{le[NR] = $1; n[NR] = $4 - $2} END {
    total = n[NR]; for (i = 1; i <= NR; i++) if (n[i] >= 0.99 * total) { print (le[i] == "+Inf" ? "inf" : le[i] * 1000); exit } }'
}

server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
machine_busy_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8; exit}' /proc/stat; }
machine_total_ticks() { awk '/^cpu /{s = 0; for (i = 2; i <= NF; i++) s += $i; print s; exit}' /proc/stat; }

# Posts a reload every $reload_every seconds while a measured run lasts; one status code per line.
reloader() {
  local log="$1" count="$2"
  for _ in $(seq 1 "$count"); do
    sleep "$reload_every"
    curl -s -o /dev/null -w '%{http_code}\n' -X POST -H "Authorization: Bearer $(cat "$work/admin-token")" \
      "http://127.0.0.1:$port/admin/reload" >>"$log" || echo "000" >>"$log"
  done
}

rows=()
declare -A goal_met   # case -> "met" once an open-loop level with the cache off met the goal
# Measures one level of case $1: "clients N" (wrk's closed loop) or "rate R" (the open loop).
measure() {
  local label="$1" mode="$2" value="$3"
  local url="http://127.0.0.1:$port"
  # The warm-up reloads on the same schedule: each reload runs the loading code once, which the JIT
  # compiles over the first several reloads; measured from a cold start, that compiling (about 0.5 s
  # of CPU per reload early on) would be counted against the serving path.
  local warmup_log="$work/reloads-warmup.log"
  : >"$warmup_log"
  reloader "$warmup_log" $(( (warmup - 1) / reload_every )) &
  local warmup_reloader=$!
  wrk -t2 -c"$([[ $mode == clients ]] && echo "$value" || echo 16)" -d"${warmup}s" -s "$here/recommend.lua" "$url" \
    -- "$users" 1 10 >/dev/null
  wait "$warmup_reloader"
  local reload_log="$work/reloads-$label-$mode-$value.log"
  : >"$reload_log"
  local reloads=$(( (seconds - 1) / reload_every ))
  local cpu0 busy0 total0
  recommend_buckets >"$work/buckets-before"
  cpu0="$(server_cpu_ticks)"; busy0="$(machine_busy_ticks)"; total0="$(machine_total_ticks)"
  reloader "$reload_log" "$reloads" &
  local reloader_pid=$!
  local result
  if [[ $mode == clients ]]; then
    result="$(wrk -t2 -c"$value" -d"${seconds}s" --timeout 10s -s "$here/recommend.lua" "$url" -- "$users" 2 10 \
      | grep '^RESULT')"
  else
    result="$(java -Xmx256m -XX:+UseSerialGC -cp "$bench_cp" dev.m6rec.bench.serving.OpenLoopLoad "$port" "$users" \
      "$value" 5 "$seconds" 64 2 10 | grep '^RESULT')"
  fi
  wait "$reloader_pid"
  local cpu1 busy1 total1
  cpu1="$(server_cpu_ticks)"; busy1="$(machine_busy_ticks)"; total1="$(machine_total_ticks)"
  recommend_buckets >"$work/buckets-after"
  local inside load
  inside="$(server_p99_ms "$work/buckets-before" "$work/buckets-after")"
  load="$(cut -d' ' -f1 /proc/loadavg)"
  local ok total
  ok="$(grep -c '^200$' "$reload_log" || true)"
  total="$(wc -l <"$reload_log")"
  # RESULT requests=.. duration_us=.. non2xx=.. connect=.. read=.. write=.. timeout=.. p50_us=.. ... [offered=..]
  local row
  row="$(awk -v label="$label" -v level="$([[ $mode == clients ]] && echo "$value" || echo "$value/s")" -v ok="$ok" \
      -v total="$total" -v cpu=$((cpu1 - cpu0)) -v busy=$((busy1 - busy0)) -v all=$((total1 - total0)) \
      -v inside="$inside" -v load="$load" '{
    for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
    failed = v["non2xx"] + v["connect"] + v["read"] + v["write"] + v["timeout"]
    rate = v["requests"] / (v["duration_us"] / 1e6)
    p99 = v["p99_us"] / 1000
    # An open loop answers its offered rate, less the last answers still in flight at the end.
    enough = ("offered" in v) ? v["offered"] >= 2000 && rate >= 0.99 * v["offered"] : rate >= 2000
    met = (failed == 0 && ok == total && p99 < 20 && enough) ? "met" : "MISSED"
    printf "%-14s %7s %9d %7d %9.0f %8.2f %8.2f %8.2f %8.2f %5d/%-3d %10.3f %11s %7.0f%% %6.1f  %s\n", label, level,
      v["requests"], failed, rate, v["p50_us"] / 1000, v["p90_us"] / 1000, p99, v["max_us"] / 1000, ok, total,
      cpu * 10 / v["requests"], "<= " inside, 100 * busy / all, load, met
  }' <<<"$result")"
  rows+=("$row")
  [[ $mode == rate && "$label" != *+cache && "$row" == *met ]] && goal_met[$label]=met
  echo "$row" >&2
}

server_5xx() {
  curl -s "http://127.0.0.1:$port/metrics" | awk '/^m6rec_http_errors_total/ && /class="server"/ {s += $2} END {print s + 0}'
}

errors_5xx=0
models=()
for name in $cases; do
  if [[ "$name" == item-knn ]]; then
    train_case item-knn "$here/serving.yaml"
    recall="recall {history: 200, popular: 100}"
  else
    # shellcheck disable=SC2086
    train_case mlp "$here/mlp-100k.yaml" ${BENCH_MLP_SET:-}
    recall="recall {history: 100, embedding: 100 through the HNSW index, popular: 100}"
  fi
  models+=("$(printf '%-9s' "$name"): $(grep -o '[0-9]* users, [0-9]* items, [0-9]* interactions' "$work/$name/train.log" | head -n 1); $recall, diversity 0.2, k 10; artifact $(du -sh "$artifact" | cut -f1)")
  start_server 0
  for r in $rates; do measure "$name" rate "$r"; done
  for c in $levels; do measure "$name" clients "$c"; done
  errors_5xx=$((errors_5xx + $(server_5xx)))
  stop_server
  if [[ "$cached" == 1 ]]; then
    start_server 100000
    for r in $rates; do measure "$name+cache" rate "$r"; done
    for c in $levels; do measure "$name+cache" clients "$c"; done
    errors_5xx=$((errors_5xx + $(server_5xx)))
    stop_server
  fi
done

echo
echo "m6rec serve on $(nproc) cores; models:"
printf '  %s\n' "${models[@]}"
echo "${seconds}s per level after ${warmup}s of wrk warm-up; a reload every ${reload_every}s"
printf "%-14s %7s %9s %7s %9s %8s %8s %8s %8s %9s %10s %11s %8s %6s  %s\n" "run" "level" "requests" "failed" "lists/s" \
  "p50 ms" "p90 ms" "p99 ms" "max ms" "reloads" "cpu ms/req" "server p99" "machine" "load" "goal"
printf "%s\n" "${rows[@]}"
echo "level 'R/s': open loop, requests due at R per second over 64 connections, latency from when each was due;"
echo "level 'N': closed loop, N wrk clients asking back to back (latencies those of an N-deep queue at saturation)."
echo "'server p99' is the server's own histogram bucket (request read to answer written); 'cpu ms/req' the server's"
echo "CPU time per request; 'machine' how busy all cores were (any process, the load generator included); 'load' the"
echo "1-minute load average at the end (above ~2, other processes share the 2 cores and the tail shows it)"
echo "5xx answers counted by the server: $errors_5xx"
echo "rows marked met: zero failed requests, every reload 200, p99 < 20 ms, >= 2000 lists/s (open loop: >= 2000 offered, 99% answered)"
if [[ -n "$rates" ]]; then
  for name in $cases; do
    echo "goal for $name (open loop, cache off, >= 2000 lists/s offered): ${goal_met[$name]:-missed}"
  done
fi
