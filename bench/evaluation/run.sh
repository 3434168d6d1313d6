#!/usr/bin/env bash
# Times full-ranking evaluation of a MovieLens-1M-sized model (valid + test + the metric-vs-K
# pass): every item scored for every user, seen items excluded, users spread over both cores.
# Usage: bench/evaluation/run.sh   (builds the CLI first unless M6REC_SKIP_BUILD=1)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
if [[ "${M6REC_SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -DskipTests package
fi
log="$(mktemp)"
./m6rec run bench/evaluation/ml1m-sized.yaml 2>&1 | tee "$log" | grep -E "interactions|evaluated in|ndcg@10"
seconds="$(grep -oE 'evaluated in [0-9.]+s' "$log" | grep -oE '[0-9.]+')"
users="$(grep -oE '^\[ *[0-9.]+s\] synthetic: [0-9]+ users' "$log" | grep -oE '[0-9]+ users' | grep -oE '[0-9]+')"
echo "full-ranking evaluation of ${users} users x 3706 items, three passes (valid, test, metrics at K): ${seconds} s"
