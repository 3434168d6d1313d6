"""The PyTorch half of the mlp benchmark: the same network, data, batch size, negatives,
epochs and thread count as M6-Rec's mlp, trained with PyTorch on the CPU.

Usage: python3 bench_torch.py DATA_DIR EPOCHS [THREADS]
Prints one line per optimiser variant, without and with SVD++ history pooling:
"torch <variant>[-history] <rows> <wall s> <cpu s>".
"""
import sys
import time

import numpy as np
import torch
from torch import nn

# The thread count must be set before any parallel work starts: the Java side's count (default 1).
torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
torch.set_num_interop_threads(1)
torch.manual_seed(1)


def read_header(path):
    header = {}
    with open(path) as f:
        for line in f:
            key, value = line.strip().split("=")
            header[key] = value
    return header


class Mlp(nn.Module):
    """Embeddings + features -> ReLU tower; tower output beside the embeddings' product -> two heads."""

    def __init__(self, users, items, user_features, item_features, embedding, hidden, sparse, history):
        super().__init__()
        self.sparse = sparse
        self.user = nn.Embedding(users + 1, embedding, sparse=sparse)
        self.item = nn.Embedding(items + 1, embedding, sparse=sparse)
        nn.init.normal_(self.user.weight, std=1 / np.sqrt(users + 1))
        nn.init.normal_(self.item.weight, std=1 / np.sqrt(items + 1))
        # SVD++ pooling: each batch user's history summed once, the row's own item taken back out.
        self.history = nn.EmbeddingBag(items, embedding, mode="sum", sparse=sparse) if history else None
        if history:
            nn.init.normal_(self.history.weight, std=1 / np.sqrt(items))
        layers = []
        width = 2 * embedding + user_features + item_features
        for h in hidden:
            layers += [nn.Linear(width, h), nn.ReLU()]
            width = h
        self.tower = nn.Sequential(*layers)
        self.heads = nn.Linear(width + embedding, 2)   # click logit, centred rating

    def forward(self, u, i, fu, fi, bags=None):
        eu = self.user(u)
        if self.history is not None:
            flat, offsets, inverse, own, scale = bags
            sums = self.history(flat, offsets)
            own_vectors = nn.functional.embedding(i, self.history.weight, sparse=self.sparse) * own[:, None]
            eu = eu + (sums[inverse] - own_vectors) * scale[:, None]
        ei = self.item(i)
        top = torch.cat([self.tower(torch.cat([eu, ei, fu, fi], 1)), eu * ei], 1)
        out = self.heads(top)
        return out[:, 0], out[:, 1]


def epoch_rows(users, items, ratings, num_items, negatives, seen_keys, rng):
    """Positives followed by sampled unseen negatives, shuffled by positive, as M6-Rec does."""
    n = len(users)
    order = rng.permutation(n)
    u, i, r = users[order], items[order], ratings[order]
    neg = rng.integers(0, num_items, size=(n, negatives))
    for _ in range(8):   # re-draw negatives that hit a seen item
        hit = np.isin(u[:, None].astype(np.int64) * num_items + neg, seen_keys)
        if not hit.any():
            break
        neg[hit] = rng.integers(0, num_items, size=hit.sum())
    rows_u = np.repeat(u, 1 + negatives)
    rows_i = np.concatenate([i[:, None], neg], 1).reshape(-1)
    click = np.zeros((n, 1 + negatives), dtype=np.float32)
    click[:, 0] = 1
    rating = np.zeros((n, 1 + negatives), dtype=np.float32)
    rating[:, 0] = r
    return (torch.from_numpy(rows_u.astype(np.int64)), torch.from_numpy(rows_i.astype(np.int64)),
            torch.from_numpy(click.reshape(-1)), torch.from_numpy(rating.reshape(-1)))


def history_bags(u, click, histories, batch):
    """Per batch: the distinct users' histories as one bag each, and per row its user's bag,
    whether its own item is to be left out, and 1 / sqrt(history size after that)."""
    starts, lengths, items = histories
    bags = []
    for s in range(0, len(u), batch):
        ub = u[s:s + batch].numpy()
        own = click[s:s + batch].numpy()
        users, inverse = np.unique(ub, return_inverse=True)
        lens = lengths[users]
        offsets = np.concatenate([[0], np.cumsum(lens)[:-1]])
        flat = items[np.repeat(starts[users] - offsets, lens) + np.arange(lens.sum())]
        count = lengths[ub] - own
        scale = np.where(count > 0, 1 / np.sqrt(np.maximum(count, 1)), 0).astype(np.float32)
        bags.append((torch.from_numpy(flat.astype(np.int64)), torch.from_numpy(offsets.astype(np.int64)),
                     torch.from_numpy(inverse.astype(np.int64)), torch.from_numpy(own.astype(np.float32)),
                     torch.from_numpy(scale)))
    return bags


def train(header, data, epochs, sparse, history):
    users, items, ratings, user_features, item_features = data
    num_users, num_items = int(header["users"]), int(header["items"])
    batch, negatives = int(header["batch"]), int(header["negatives"])
    hidden = [int(h) for h in header["hidden"].split(",")]
    model = Mlp(num_users, num_items, user_features.shape[1], item_features.shape[1],
                int(header["embedding"]), hidden, sparse, history)
    embeddings = list(model.user.parameters()) + list(model.item.parameters())
    if history:
        embeddings += list(model.history.parameters())
    order = np.argsort(users, kind="stable")
    lengths = np.bincount(users, minlength=num_users)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    histories = (starts, lengths, items[order].astype(np.int64))
    if sparse:
        optimisers = [torch.optim.SparseAdam(embeddings, lr=1e-3),
                      torch.optim.Adam(list(model.tower.parameters()) + list(model.heads.parameters()), lr=1e-3)]
    else:
        optimisers = [torch.optim.Adam(model.parameters(), lr=1e-3)]
    mean = float(ratings.mean())
    seen_keys = np.unique(users.astype(np.int64) * num_items + items)
    uf = torch.from_numpy(user_features)
    itf = torch.from_numpy(item_features)
    rng = np.random.default_rng(1)
    bce = nn.BCEWithLogitsLoss()

    def run(count):
        rows = 0
        for _ in range(count):
            u, i, click, rating = epoch_rows(users, items, ratings - mean, num_items, negatives, seen_keys, rng)
            mask = click   # only positives carry a rating
            bags = history_bags(u, click, histories, batch) if history else None
            for start in range(0, len(u), batch):
                ub, ib = u[start:start + batch], i[start:start + batch]
                logit, predicted = model(ub, ib, uf[ub], itf[ib], bags[start // batch] if history else None)
                m = mask[start:start + batch]
                loss = 0.5 * bce(logit, click[start:start + batch]) \
                    + 0.5 * ((predicted - rating[start:start + batch]) ** 2 * m).sum() / len(ub)
                for o in optimisers:
                    o.zero_grad(set_to_none=True)
                loss.backward()
                for o in optimisers:
                    o.step()
            rows += len(u)
        return rows

    run(1)   # warm-up, as the Java side
    wall, cpu = time.perf_counter(), time.process_time()
    rows = run(epochs)
    return rows, time.perf_counter() - wall, time.process_time() - cpu


def main():
    directory, epochs = sys.argv[1], int(sys.argv[2])
    header = read_header(f"{directory}/header.txt")
    users = np.fromfile(f"{directory}/users.i32", dtype="<i4")
    items = np.fromfile(f"{directory}/items.i32", dtype="<i4")
    ratings = np.fromfile(f"{directory}/ratings.f32", dtype="<f4")
    user_features = np.fromfile(f"{directory}/user-features.f32", dtype="<f4").reshape(int(header["users"]), -1)
    item_features = np.fromfile(f"{directory}/item-features.f32", dtype="<f4").reshape(int(header["items"]), -1)
    data = (users, items, ratings, user_features, item_features)
    for history in (False, True):
        for variant, sparse in (("sparse-adam", True), ("dense-adam", False)):
            rows, wall, cpu = train(header, data, epochs, sparse, history)
            name = variant + ("-history" if history else "")
            print(f"torch {name} {rows} {wall:.3f} {cpu:.3f}", flush=True)


if __name__ == "__main__":
    main()
