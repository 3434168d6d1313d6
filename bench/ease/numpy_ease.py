"""The numpy half of bench/ease/run.sh.

  numpy_ease.py generate ITEMS SEED OUT_DIR   writes pairs.i32 (users, items, count, then user/item
                                              pairs) and rows.i32 (the rows of B both sides compare)
  numpy_ease.py fit OUT_DIR LAMBDA            fits EASE as the reference code does, with
                                              np.linalg.inv on the same Gram matrix and lambda;
                                              prints "numpy ITEMS SECONDS" and writes rows.f32

Interactions: five users per item, each with a history drawn from a Zipf-like popularity (about
1% density), so the Gram matrix is dense the way real co-occurrence matrices are.
"""
import sys
import time

import numpy as np
import scipy.sparse as sp


def generate(items, seed, out):
    rng = np.random.default_rng(seed)
    users = 5 * items
    popularity = 1.0 / np.arange(1, items + 1) ** 0.8
    popularity /= popularity.sum()
    lengths = np.clip(rng.geometric(1.0 / max(10, items // 100), size=users), 2, items // 2)
    rows, cols = [], []
    for u in range(users):
        chosen = np.unique(rng.choice(items, size=lengths[u], p=popularity))
        rows.append(np.full(chosen.size, u, dtype=np.int32))
        cols.append(chosen.astype(np.int32))
    rows = np.concatenate(rows)
    cols = np.concatenate(cols)
    pairs = np.empty(2 * rows.size, dtype="<i4")
    pairs[0::2] = rows
    pairs[1::2] = cols
    with open(f"{out}/pairs.i32", "wb") as f:
        np.array([users, items, rows.size], dtype="<i4").tofile(f)
        pairs.tofile(f)
    compared = np.sort(rng.choice(items, size=min(items, 64), replace=False)).astype("<i4")
    compared.tofile(f"{out}/rows.i32")
    print(f"data {items} items, {users} users, {rows.size} interactions", file=sys.stderr)


def fit(out, lam):
    header = np.fromfile(f"{out}/pairs.i32", dtype="<i4", count=3)
    users, items, count = (int(v) for v in header)
    pairs = np.fromfile(f"{out}/pairs.i32", dtype="<i4", offset=12)
    started = time.perf_counter()
    x = sp.csr_matrix((np.ones(count), (pairs[0::2], pairs[1::2])), shape=(users, items), dtype=np.float64)
    gram = (x.T @ x).toarray()
    gram[np.diag_indices(items)] += lam
    p = np.linalg.inv(gram)
    b = p / (-np.diag(p))
    b[np.diag_indices(items)] = 0
    seconds = time.perf_counter() - started
    print(f"numpy {items} {seconds:.3f}")
    rows = np.fromfile(f"{out}/rows.i32", dtype="<i4")
    b[rows].astype("<f4").tofile(f"{out}/numpy-rows.f32")


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        fit(sys.argv[2], float(sys.argv[3]))
