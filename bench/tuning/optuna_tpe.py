"""Optuna's TPESampler (defaults, seeded) on the same four problems as TuningBench.java.

Usage: python3 optuna_tpe.py SEEDS TRIALS [PROBLEM,...]; prints the same TSV lines as TuningBench.java.
"""
import math
import sys

import numpy as np
import optuna

BRANIN_MIN = 0.397887357729739
HARTMANN6_MIN = -3.32236801141551
H_ALPHA = np.array([1.0, 1.2, 3.0, 3.2])
H_A = np.array([[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14],
                [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]])
H_P = np.array([[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886],
                [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
                [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650],
                [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]])


def branin(x1, x2):
    b = 5.1 / (4 * math.pi ** 2)
    c = 5 / math.pi
    t = 1 / (8 * math.pi)
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def p_branin(trial):
    return branin(trial.suggest_float("x1", -5, 10), trial.suggest_float("x2", 0, 15))


def p_hartmann6(trial):
    x = np.array([trial.suggest_float(f"x{j}", 0, 1) for j in range(6)])
    return float(-np.sum(H_ALPHA * np.exp(-np.sum(H_A * (x - H_P) ** 2, axis=1))))


def p_rosenbrock4(trial):
    x = [trial.suggest_float(f"x{j}", -5, 10) for j in range(4)]
    return sum(100 * (x[j + 1] - x[j] ** 2) ** 2 + (x[j] - 1) ** 2 for j in range(3))


def p_mixed(trial):
    f = branin(trial.suggest_float("x", -5, 10), trial.suggest_float("y", 0, 15)) / 10
    lr = math.log10(trial.suggest_float("lr", 1e-4, 1, log=True)) + 2.5
    f += 0.5 * lr * lr
    u = (trial.suggest_int("units", 1, 20) - 7) / 5
    f += u * u
    kernel = trial.suggest_categorical("kernel", ["linear", "rbf", "poly"])
    if kernel == "linear":
        f += 1.0
    elif kernel == "poly":
        f += 0.5
    else:
        g = trial.suggest_float("gamma", 0, 1) - 0.3
        f += 4 * g * g
    return f


PROBLEMS = [("branin", p_branin, BRANIN_MIN), ("hartmann6", p_hartmann6, HARTMANN6_MIN),
            ("rosenbrock4", p_rosenbrock4, 0.0), ("mixed", p_mixed, BRANIN_MIN / 10)]


def main():
    seeds, trials = int(sys.argv[1]), int(sys.argv[2])
    only = sys.argv[3].split(",") if len(sys.argv) > 3 else None
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    for name, objective, optimum in PROBLEMS:
        if only is not None and name not in only:
            continue
        for s in range(seeds):
            seed = 1000 + s
            study = optuna.create_study(sampler=optuna.samplers.TPESampler(seed=seed))
            study.optimize(objective, n_trials=trials)
            values = [t.value for t in study.trials]
            best = np.minimum.accumulate(values) - optimum
            cells = [str(best[c - 1]) if c <= trials else "nan" for c in (25, 50, 100)]
            print("\t".join(["run", name, "optuna-tpe", str(seed)] + cells), flush=True)


if __name__ == "__main__":
    main()
