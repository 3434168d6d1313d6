"""scikit-learn side of the similarity benchmark: all-pairs top-k cosine neighbours with
sklearn.metrics.pairwise.cosine_similarity plus numpy.argpartition, in row blocks so memory stays
bounded, on the data files that the Java side generated (format in BenchData.java).

Usage: python3 sklearn_topk.py DATA_DIR OUT_DIR [name ...]
Prints one "RESULT side=sklearn case=... seconds=..." line per case and writes
OUT_DIR/sklearn-<case>.bin (same layout as the Java side's neighbour files).
"""
import os
import statistics
import sys
import time

import numpy as np
import scipy.sparse as sp
from sklearn.metrics.pairwise import cosine_similarity

K = 50
SPARSE_MAGIC = 0x31525053
DENSE_MAGIC = 0x31534E44
# (warm-up runs, timed runs): the median of the timed runs is reported, as on the Java side.
CASES = {"ml100k": (10, 15), "sparse50k": (0, 1), "dense100k": (0, 1)}
# Cells of one block of the similarity matrix: 50M float32 (200 MB) plus argpartition's int64 indexes.
BLOCK_CELLS = 50_000_000


def read(path):
    raw = np.fromfile(path, dtype="<i4", count=4)
    if raw[0] == SPARSE_MAGIC:
        users, items, nnz = int(raw[1]), int(raw[2]), int(raw[3])
        body = np.memmap(path, dtype="<i4", mode="r", offset=16, shape=(3 * nnz,))
        u = np.array(body[:nnz])
        i = np.array(body[nnz:2 * nnz])
        v = np.array(body[2 * nnz:]).view("<f4")
        return ("sparse", users, items, u, i, v)
    if raw[0] == DENSE_MAGIC:
        rows, dims = int(raw[1]), int(raw[2])
        data = np.fromfile(path, dtype="<f4", offset=12, count=rows * dims).reshape(rows, dims)
        return ("dense", data)
    raise ValueError(f"{path}: unknown magic {raw[0]:#x}")


def item_matrix(data):
    """The matrix whose rows are compared: items x users (CSR) or the dense rows."""
    if data[0] == "sparse":
        _, users, items, u, i, v = data
        return sp.csr_matrix((v, (i, u)), shape=(items, users), dtype=np.float32)
    return data[1]


def top_k(x, k):
    n = x.shape[0]
    block = max(1, min(n, BLOCK_CELLS // n))
    neighbours = np.full((n, k), -1, dtype=np.int32)
    scores = np.zeros((n, k), dtype=np.float32)
    for start in range(0, n, block):
        end = min(n, start + block)
        sims = cosine_similarity(x[start:end], x)
        sims[np.arange(end - start), np.arange(start, end)] = -np.inf  # never its own neighbour
        part = np.argpartition(sims, n - k, axis=1)[:, n - k:]
        vals = np.take_along_axis(sims, part, axis=1)
        order = np.argsort(-vals, axis=1, kind="stable")
        part = np.take_along_axis(part, order, axis=1)
        vals = np.take_along_axis(vals, order, axis=1)
        keep = vals > 0  # the plugin keeps only positive similarities
        neighbours[start:end] = np.where(keep, part, -1)
        scores[start:end] = np.where(keep, vals, 0)
    return neighbours, scores


def main():
    data_dir, out_dir = sys.argv[1], sys.argv[2]
    only = sys.argv[3:]
    os.makedirs(out_dir, exist_ok=True)
    for name, (warmups, runs) in CASES.items():
        if only and name not in only:
            continue
        data = read(os.path.join(data_dir, name + ".bin"))
        seconds = []
        cpu_seconds = []
        for r in range(warmups + runs):
            cpu_start = time.process_time()
            start = time.perf_counter()
            x = item_matrix(data)
            neighbours, scores = top_k(x, K)
            elapsed = time.perf_counter() - start
            if r >= warmups:
                seconds.append(elapsed)
                cpu_seconds.append(time.process_time() - cpu_start)
        n = neighbours.shape[0]
        with open(os.path.join(out_dir, f"sklearn-{name}.bin"), "wb") as f:
            np.array([n, K], dtype="<i4").tofile(f)
            neighbours.astype("<i4").tofile(f)
            scores.astype("<f4").tofile(f)
        runs_text = "[" + ", ".join(f"{s:.4f}" for s in sorted(seconds)) + "]"
        print(f"RESULT side=sklearn case={name} seconds={statistics.median(seconds):.4f} "
              f"cpu-seconds={statistics.median(cpu_seconds):.4f} runs={runs_text}", flush=True)


if __name__ == "__main__":
    main()
