"""The numpy half of bench/scoring/run.sh.

  numpy_scoring.py peak                       one large float32 GEMM (4096^3, best of 3): prints "peak GFLOPS"
  numpy_scoring.py score DIR USERS ITEMS K    every user's top-K as the reference code does it: blocked
                                              U @ V.T, then argpartition per row; prints "numpy SECONDS"
                                              and "agree FRACTION" (top-K sets equal to M6-Rec's on the
                                              sampled users in DIR/top.i32)

The factors are the ones M6-Rec scored: V from DIR/items.f32, and each user folded in as the mean
of the two items in DIR/histories.i32, in float32 as the Java side computes it.
"""
import sys
import time

import numpy as np

BLOCK = 2048
SAMPLE_EVERY = 997


def peak():
    rng = np.random.default_rng(1)
    a = rng.standard_normal((4096, 4096), dtype=np.float32)
    b = rng.standard_normal((4096, 4096), dtype=np.float32)
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        a @ b
        best = min(best, time.perf_counter() - started)
    print(f"peak {2 * 4096 ** 3 / best / 1e9:.1f}")


def score(folder, users, items, k):
    v = np.fromfile(f"{folder}/items.f32", "<f4").reshape(items, -1)
    h = np.fromfile(f"{folder}/histories.i32", "<i4").reshape(users, 2)
    u = (v[h[:, 0]] + v[h[:, 1]]) / np.float32(2)
    vt = np.ascontiguousarray(v.T)
    top = np.empty((users, k), dtype=np.int64)
    started = time.perf_counter()
    for start in range(0, users, BLOCK):
        scores = u[start:start + BLOCK] @ vt
        part = np.argpartition(-scores, k, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(scores, part, axis=1), axis=1)
        top[start:start + BLOCK] = np.take_along_axis(part, order, axis=1)
    seconds = time.perf_counter() - started
    print(f"numpy {seconds:.3f}")
    theirs = np.fromfile(f"{folder}/top.i32", "<i4").reshape(-1, k)
    ours = top[::SAMPLE_EVERY]
    same = sum(set(a) == set(b) for a, b in zip(ours, theirs))
    print(f"agree {same}/{len(theirs)}")


if __name__ == "__main__":
    if sys.argv[1] == "peak":
        peak()
    else:
        score(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
