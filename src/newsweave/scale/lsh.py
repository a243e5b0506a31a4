"""Copy candidates on Ray: the LSH table built as a shuffle by band key, not per shard.

Every signature goes into 64 buckets (one per band). Two copies in different shards meet only
if the entries of one bucket meet in one place, so the entries are exchanged all-to-all: each
map task computes the (band, key, text) entries of a slice of the signatures and splits them
into one part per reduce task by the bucket's hash; each reduce task gets its part from every
map task and pairs the texts within its buckets (`minhash.bucket_pairs`, the rule the embedded
`minhash.candidate_pairs` uses). The pairs come back to the caller, who verifies them exactly.
The shuffle moves 64 entries of 24 bytes per article: 1.5 kB an article, 15 GB for 10 M.
"""

from __future__ import annotations

import numpy as np

from ..dedup import minhash
from .engine import RayExecutor

SLICE = 4096  # signatures per map task

__all__ = ["candidate_pairs"]


def candidate_pairs(
    executor: RayExecutor, sigs: np.ndarray, among: np.ndarray | None = None
) -> np.ndarray:
    """The pairs `minhash.candidate_pairs(sigs)` gives, found by a Ray shuffle. `among` is not
    used: these are all the pairs, which include every pair of those texts (the caller keeps
    the ones it asked for)."""
    n = len(sigs)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    executor.release()  # the shuffle's tasks need the CPUs an actor pool holds
    ray, parts = (
        executor.ray,
        max(2, executor.workers),
    )  # two parts at least: a task then returns a list
    mapper = ray.remote(num_returns=parts)(_split_entries)
    table = ray.put(sigs)
    mapped = [mapper.remote(table, start, parts) for start in range(0, n, SLICE)]
    reducer = ray.remote(_pairs_of)
    found = ray.get([reducer.remote(*[m[p] for m in mapped]) for p in range(parts)])
    return minhash.unique_pairs(np.concatenate(found), n)


def _split_entries(
    sigs: np.ndarray, start: int, parts: int
) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Map: the LSH entries of signatures start .. start + SLICE, split by bucket into `parts`."""
    band, key, doc = minhash.band_entries(sigs[start : start + SLICE], first=start)
    with np.errstate(over="ignore"):
        where = (key + band.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)) % np.uint64(parts)
    return [(band[where == p], key[where == p], doc[where == p]) for p in range(parts)]


def _pairs_of(*pieces: tuple[np.ndarray, np.ndarray, np.ndarray]) -> np.ndarray:
    """Reduce: every bucket of this part whole, and the pairs within each."""
    band, key, doc = (np.concatenate([p[k] for p in pieces]) for k in range(3))
    return minhash.bucket_pairs(band, key, doc)
