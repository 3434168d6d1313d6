"""Compares the Java and scikit-learn neighbour lists of each case and prints the timing table.

Usage: python3 compare.py OUT_DIR RESULTS_FILE
RESULTS_FILE holds the "RESULT side=... case=... seconds=..." lines of both sides. Two lists of an
item agree when their score sequences match within TOLERANCE and every item that only one side
kept scores, on the other side's scale, within TOLERANCE of the last kept score (a tie at the cut).
Exits 1 when any item disagrees beyond ties.
"""
import os
import sys

import numpy as np

TOLERANCE = 5e-5


def read_lists(path):
    head = np.fromfile(path, dtype="<i4", count=2)
    n, k = int(head[0]), int(head[1])
    neighbours = np.fromfile(path, dtype="<i4", offset=8, count=n * k).reshape(n, k)
    scores = np.fromfile(path, dtype="<f4", offset=8 + 4 * n * k, count=n * k).reshape(n, k)
    return neighbours, scores


def compare(java, sklearn):
    """Returns (items, identical sets, tie-only differences, disagreements, max score difference)."""
    jn, js = java
    sn, ss = sklearn
    n = jn.shape[0]
    same = np.all(np.sort(jn, axis=1) == np.sort(sn, axis=1), axis=1)
    max_diff = float(np.max(np.abs(js - ss))) if n else 0.0
    ties = 0
    bad = []
    for i in np.nonzero(~same)[0]:
        jl = {int(j): float(s) for j, s in zip(jn[i], js[i]) if j >= 0}
        sl = {int(j): float(s) for j, s in zip(sn[i], ss[i]) if j >= 0}
        j_last = min(jl.values()) if len(jl) == jn.shape[1] else 0.0
        s_last = min(sl.values()) if len(sl) == sn.shape[1] else 0.0
        ok = np.all(np.abs(js[i] - ss[i]) <= TOLERANCE)
        ok &= all(abs(jl[j] - s_last) <= TOLERANCE for j in jl.keys() - sl.keys())
        ok &= all(abs(sl[j] - j_last) <= TOLERANCE for j in sl.keys() - jl.keys())
        if ok:
            ties += 1
        else:
            bad.append(int(i))
    return n, int(np.sum(same)), ties, bad, max_diff


def parse(results_file):
    results = {}
    with open(results_file) as f:
        for line in f:
            if line.startswith("RESULT "):
                fields = dict(part.split("=", 1) for part in line.split()[1:] if "=" in part)
                results[(fields["side"], fields["case"])] = fields
    return results


def main():
    out_dir, results_file = sys.argv[1], sys.argv[2]
    results = parse(results_file)
    cases = [c for c in ("ml100k", "sparse50k", "dense100k") if ("java", c) in results and ("sklearn", c) in results]
    failed = False
    print()
    print(f"{'case':<11} {'java s':>9} {'sklearn s':>10} {'ratio':>7} {'java cpu-s':>11} {'sklearn cpu-s':>14}"
          f"  neighbour sets (top-50)")
    for case in cases:
        j, s = results[("java", case)], results[("sklearn", case)]
        n, same, ties, bad, max_diff = compare(read_lists(os.path.join(out_dir, f"java-{case}.bin")),
                                               read_lists(os.path.join(out_dir, f"sklearn-{case}.bin")))
        ratio = float(s["seconds"]) / float(j["seconds"])
        verdict = (f"{same}/{n} identical, {ties} differ only by ties, {len(bad)} disagree; "
                   f"max score diff {max_diff:.1e}")
        print(f"{case:<11} {float(j['seconds']):>9.3f} {float(s['seconds']):>10.3f} {ratio:>6.1f}x"
              f" {float(j['cpu-seconds']):>11.2f} {float(s['cpu-seconds']):>14.2f}  {verdict}")
        if bad:
            failed = True
            print(f"  first disagreeing items: {bad[:10]}")
    print("\nratio = sklearn seconds / java seconds (wall clock, median of the timed runs; >1 means Java is faster)")
    sys.exit(1 if failed or not cases else 0)


if __name__ == "__main__":
    main()
