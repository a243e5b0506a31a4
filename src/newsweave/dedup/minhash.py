"""MinHash signatures and LSH banding, vectorised with numpy and seeded (same input, same
output, on any machine and in any process).

A text's shingles are its lower-cased word 5-grams, hashed to 64 bits by combining per-word
CRC32 values; each of `NUM_PERM` multiply-shift hash functions keeps its minimum over the
shingles. LSH cuts the signature into `BANDS` bands of `ROWS` values; two texts that agree on
every value of some band become a candidate pair. With 42 bands of 3, a pair with Jaccard 0.3 is
a candidate with probability 0.68, 0.4 with 0.93, 0.5 with 0.996; candidates are then verified
exactly (see `dedup.copy_groups`).
"""

from __future__ import annotations

import re
import zlib

import numpy as np

SHINGLE = 5
NUM_PERM = 128
BANDS, ROWS = 42, 3
SEED = 20180514
BUCKET_ALL_PAIRS = 16  # in a bigger bucket, members are paired with its first 16 only
_CHUNK = 4096
_WORD = re.compile(r"\w+")
_P = np.uint64(0x100000001B3)  # FNV prime: combines word hashes into an n-gram hash

_rng = np.random.default_rng(SEED)
_A = _rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd multipliers
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_EMPTY = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)

__all__ = ["shingle_hashes", "signature", "signatures", "candidate_pairs", "jaccard_estimate"]


def shingle_hashes(text: str, n: int = SHINGLE) -> np.ndarray:
    """The distinct 64-bit hashes of the text's lower-cased word n-grams."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    crc = {w: zlib.crc32(w.encode()) for w in set(words)}  # each distinct word hashed once
    codes = np.fromiter(map(crc.__getitem__, words), np.uint64, len(words))
    k = min(n, len(codes))
    out = np.zeros(len(codes) - k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            out = out * _P + codes[i : len(codes) - k + 1 + i]
    return np.unique(out)


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint32 values) of a set of shingle hashes."""
    best = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(0, len(hashes), _CHUNK):
            mixed = hashes[i : i + _CHUNK, None] * _A
            mixed += _B
            mixed >>= np.uint64(32)
            np.minimum(best, mixed.min(axis=0), out=best)
    return np.minimum(best, _EMPTY).astype(np.uint32)


def signatures(texts: list[str]) -> np.ndarray:
    """Signatures of many texts: an array of shape (len(texts), NUM_PERM)."""
    if not texts:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    return np.stack([signature(shingle_hashes(t)) for t in texts])


def candidate_pairs(sigs: np.ndarray) -> np.ndarray:
    """Index pairs (i < j) that share at least one LSH band: an array of shape (k, 2), sorted."""
    n = len(sigs)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    found = []
    for band in range(BANDS):
        cols = sigs[:, band * ROWS : (band + 1) * ROWS].astype(np.uint64)
        keys = np.zeros(n, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for r in range(ROWS):
                keys = keys * _P + cols[:, r]
        found.append(_equal_key_pairs(keys))
    pairs = np.concatenate(found)
    return np.unique(pairs, axis=0) if len(pairs) else pairs


def _equal_key_pairs(keys: np.ndarray) -> np.ndarray:
    """All (i < j) with keys[i] == keys[j], for one band."""
    order = np.argsort(keys, kind="stable")  # a bucket's members in input order
    sorted_keys = keys[order]
    starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
    sizes = np.diff(np.r_[starts, len(keys)])
    pairs = []
    for start, size in zip(starts[sizes > 1], sizes[sizes > 1]):
        members = order[start : start + size]
        i, j = np.triu_indices(size, 1)
        if size > BUCKET_ALL_PAIRS:  # a burst of copies: pair every member with the first few only
            keep = i < BUCKET_ALL_PAIRS
            i, j = i[keep], j[keep]
        pairs.append(np.stack([members[i], members[j]], axis=1))
    return np.concatenate(pairs) if pairs else np.zeros((0, 2), dtype=np.int64)


def jaccard_estimate(a: np.ndarray, b: np.ndarray) -> float:
    """Share of signature values two texts agree on: an estimate of their shingle Jaccard."""
    return float(np.mean(a == b))
