"""Prints the regret table of bench/tuning from the TSV lines of TuningBench.java and optuna_tpe.py.

Input lines (stdin): run<TAB>function<TAB>optimizer<TAB>seed<TAB>regret@25<TAB>regret@50<TAB>regret@100
and ask<TAB>optimizer<TAB>wall_median_ms<TAB>wall_max_ms<TAB>cpu_median_ms.
"""
import statistics
import sys
from collections import defaultdict

CHECKPOINTS = (25, 50, 100)
runs = defaultdict(list)
asks = {}
for line in sys.stdin:
    parts = line.rstrip("\n").split("\t")
    if parts[0] == "run":
        runs[(parts[1], parts[2])].append([float(v) for v in parts[4:7]])
    elif parts[0] == "ask":
        asks[parts[1]] = (float(parts[2]), float(parts[3]), float(parts[4]))

functions = list(dict.fromkeys(f for f, _ in runs))
optimizers = list(dict.fromkeys(o for _, o in runs))
seeds = min(len(v) for v in runs.values()) if runs else 0
median = {}
print(f"Median best-found regret over {seeds} seeds (lower is better)")
header = f"{'function':<12} {'optimizer':<12}" + "".join(f"{'@' + str(c):>12}" for c in CHECKPOINTS)
print(header)
print("-" * len(header))
for f in functions:
    for o in optimizers:
        values = runs.get((f, o))
        if not values:
            continue
        m = [statistics.median(v[k] for v in values) for k in range(len(CHECKPOINTS))]
        median[(f, o)] = m
        print(f"{f:<12} {o:<12}" + "".join(f"{x:>12.4g}" for x in m))
    print()

if "optuna-tpe" in optimizers:
    print("At or below Optuna TPE's median regret (ratio ours/optuna; <= 1 meets the goal):")
    for o in ("bayesian", "tpe"):
        if o not in optimizers:
            continue
        cells = []
        for f in functions:
            for k, c in enumerate(CHECKPOINTS):
                if c == 25:
                    continue
                ours, theirs = median[(f, o)][k], median[(f, "optuna-tpe")][k]
                ratio = ours / theirs if theirs > 0 else (1.0 if ours <= theirs else float("inf"))
                cells.append(f"{f}@{c} {'yes' if ours <= theirs else 'NO '} ({ratio:.2f})")
        print(f"  {o:<9} " + "; ".join(cells))
    print()

if asks:
    print("ask() with 200 finished trials (mixed space), ms over 30 asks: wall median / wall max / CPU median")
    for o, (med, mx, busy) in asks.items():
        print(f"  {o:<12} {med:8.2f} / {mx:8.2f} / {busy:8.2f}")
