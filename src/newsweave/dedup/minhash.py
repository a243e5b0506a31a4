"""MinHash signatures and LSH banding, vectorised with numpy and seeded (same input, same
output, on any machine and in any process).

A text's shingles are its lower-cased word 5-grams, hashed to 64 bits by combining per-word
CRC32 values; each of `NUM_PERM` multiply-shift hash functions keeps its minimum over the
shingles. LSH cuts the signature into `BANDS` bands of `ROWS` values; two texts that agree on
every value of some band become a candidate pair. With 64 bands of 2, a pair with Jaccard 0.1 is
a candidate with probability 0.47, 0.2 with 0.93, 0.3 with 0.998: a copy that kept half of the
story and added a paragraph (Jaccard about 0.3, containment 0.5 or more) is still found, where
42 bands of 3 found it with probability 0.68 (bench/copies.py: recall 99.2 -> 99.7). Candidates
are then verified exactly (see `dedup.copy_groups`). Signatures do not depend on the bands, so
stored ones stay valid when the bands change.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

SHINGLE = 5
NUM_PERM = 128
BANDS, ROWS = 64, 2
SEED = 20180514
BUCKET_ALL_PAIRS = 16  # in a bigger bucket, members are paired with its first 16 only
_CHUNK = 512  # shingles mixed at a time: 512 x 128 x 8 bytes stay in cache
_WORD = re.compile(r"\w+")
_P = np.uint64(0x100000001B3)  # FNV prime: combines word hashes into an n-gram hash

_rng = np.random.default_rng(SEED)
_A = _rng.integers(1, 2**63, NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(
    1
)  # odd multipliers
_B = _rng.integers(0, 2**63, NUM_PERM, dtype=np.uint64)
_EMPTY = np.full(NUM_PERM, np.iinfo(np.uint32).max, dtype=np.uint32)

__all__ = [
    "band_entries",
    "bucket_pairs",
    "candidate_pairs",
    "distinct",
    "from_bytes",
    "jaccard_estimate",
    "shingle_arrays",
    "shingle_hashes",
    "signature",
    "signatures",
    "signatures_of",
    "unique_pairs",
    "word_codes",
]


def shingle_hashes(
    text: str, n: int = SHINGLE, *, words: dict[str, int] | None = None
) -> np.ndarray:
    """The distinct 64-bit hashes of the text's lower-cased word n-grams, sorted. `words`
    (from `word_codes()`) shares the per-word CRCs across the texts of one job."""
    return distinct(
        _ngrams(_codes(_WORD.findall(text.lower()), _Vocabulary() if words is None else words), n)
    )


def word_codes() -> dict[str, int]:
    """A word -> CRC32 table filled on first lookup, to share across the texts of one job
    (hashing each distinct word once, not once per text; the codes do not depend on it)."""
    return _Vocabulary()


def signature(hashes: np.ndarray) -> np.ndarray:
    """The MinHash signature (NUM_PERM uint32 values) of a set of shingle hashes."""
    return _signature(hashes, np.empty((min(len(hashes), _CHUNK), NUM_PERM), dtype=np.uint64))


def _signature(hashes: np.ndarray, buf: np.ndarray) -> np.ndarray:
    """`signature`, mixing `len(buf)` shingles at a time in `buf` (reused: no allocation per
    text); the shift to 32 bits is monotone, so it can follow the minimum."""
    best = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(0, len(hashes), len(buf) or 1):
            part = hashes[i : i + len(buf)]
            mixed = np.multiply(part[:, None], _A, out=buf[: len(part)])
            mixed += _B
            np.minimum(best, mixed.min(axis=0), out=best)
    return np.minimum(best >> np.uint64(32), _EMPTY).astype(np.uint32)


def signatures(texts: list[str]) -> np.ndarray:
    """Signatures of many texts: an array of shape (len(texts), NUM_PERM)."""
    return signatures_of(shingle_arrays(texts))


def signatures_of(arrays: list[np.ndarray]) -> np.ndarray:
    """Signatures of many shingle-hash arrays (repeats allowed): shape (len(arrays), NUM_PERM)."""
    if not arrays:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    buf = np.empty((_CHUNK, NUM_PERM), dtype=np.uint64)
    return np.stack([_signature(a, buf) for a in arrays])


def shingle_arrays(texts: list[str], n: int = SHINGLE) -> list[np.ndarray]:
    """The shingle hashes of each text, repeats kept (`np.unique` of one is `shingle_hashes`);
    each distinct word is hashed once per call."""
    vocab = _Vocabulary()
    return [_ngrams(_codes(_WORD.findall(t.lower()), vocab), n) for t in texts]


def distinct(hashes: np.ndarray) -> np.ndarray:
    """The distinct values of a hash array, sorted (`np.unique`, by one sort)."""
    s = np.sort(hashes)
    return s[np.r_[True, s[1:] != s[:-1]]] if len(s) else s


class _Vocabulary(dict):
    """Word -> CRC32, filled on first lookup (one per call of `shingle_arrays`, never global)."""

    def __missing__(self, word: str) -> int:
        code = self[word] = zlib.crc32(word.encode())
        return code


def _codes(words: list[str], vocab: dict[str, int]) -> np.ndarray:
    """CRC32 of each word; a `_Vocabulary` hashes each distinct word once."""
    return np.fromiter(map(vocab.__getitem__, words), np.uint64, len(words))


def _ngrams(codes: np.ndarray, n: int) -> np.ndarray:
    """64-bit hashes of every run of n word codes (one run of all of them if fewer than n)."""
    k = min(n, len(codes))
    out = np.zeros(len(codes) - k + 1 if k else 0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            out = out * _P + codes[i : len(codes) - k + 1 + i]
    return out


def candidate_pairs(sigs: np.ndarray, among: np.ndarray | None = None) -> np.ndarray:
    """Index pairs (i < j) that share at least one LSH band: an array of shape (k, 2), sorted.

    A bucket of more than `BUCKET_ALL_PAIRS` members (a burst of copies) pairs every member with
    its first `BUCKET_ALL_PAIRS` only. `among` (a boolean mask over the texts) keeps only the
    buckets holding one of those texts: every pair that involves them is still found, the same
    as without it, and a few new articles beside a large store do not pair the whole store. The
    Ray engine finds the same pairs by shuffling the `band_entries` by key and running
    `bucket_pairs` on each part (`newsweave.scale`)."""
    n = len(sigs)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    band, key, doc = band_entries(sigs)
    if among is not None and not np.all(among):  # all masked: every bucket stays
        keep = _in_buckets_of(key.reshape(-1, n), np.asarray(among, dtype=bool)).ravel()
        band, key, doc = band[keep], key[keep], doc[keep]
    return unique_pairs(bucket_pairs(band, key, doc), n)


def _in_buckets_of(keys: np.ndarray, among: np.ndarray) -> np.ndarray:
    """For each band (a row of keys, one per text), which texts share a bucket with a text of `among`."""
    return np.stack([np.isin(row, row[among]) for row in keys])


def band_entries(sigs: np.ndarray, first: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The LSH table's entries of these signatures: (band, key, text number) arrays, one entry per
    band and text, texts numbered from `first`."""
    keys = _band_keys(sigs)
    n_bands, n = keys.shape
    return (
        np.repeat(np.arange(n_bands), n),
        keys.ravel(),
        np.tile(np.arange(first, first + n), n_bands),
    )


def bucket_pairs(band: np.ndarray, key: np.ndarray, doc: np.ndarray) -> np.ndarray:
    """The pairs of texts within each bucket (same band, same key), not yet made unique.

    All entries are sorted together by (band, key, text); members of one bucket then stand next
    to each other, and the pairs at distance 1, 2, ... within a bucket are read off together."""
    if len(doc) < 2:
        return np.zeros((0, 2), dtype=np.int64)
    order = np.lexsort((doc, key, band))
    doc, key, band = doc[order], key[order], band[order]
    bucket = np.r_[0, np.cumsum((key[1:] != key[:-1]) | (band[1:] != band[:-1]))]
    rank = np.arange(len(doc)) - np.searchsorted(bucket, bucket)  # position within its bucket
    sizes = np.bincount(bucket)
    found = [
        _bucket_pairs(doc, bucket, rank, d)
        for d in range(1, min(int(sizes.max()), BUCKET_ALL_PAIRS))
    ]
    found += [
        _burst_pairs(doc, int(np.searchsorted(bucket, b)), int(sizes[b]))
        for b in np.flatnonzero(sizes > BUCKET_ALL_PAIRS)
    ]
    return np.concatenate(found) if found else np.zeros((0, 2), dtype=np.int64)


def _burst_pairs(doc: np.ndarray, start: int, size: int) -> np.ndarray:
    """A bucket of more than BUCKET_ALL_PAIRS members: its first members with all the rest."""
    i, j = np.triu_indices(size, 1)
    keep = i < BUCKET_ALL_PAIRS
    return np.stack([doc[start + i[keep]], doc[start + j[keep]]], axis=1)


def _bucket_pairs(doc: np.ndarray, bucket: np.ndarray, rank: np.ndarray, d: int) -> np.ndarray:
    """Pairs of members d apart in one bucket, the first of them among its first members."""
    same = (bucket[d:] == bucket[:-d]) & (rank[:-d] < BUCKET_ALL_PAIRS)
    return np.stack([doc[:-d][same], doc[d:][same]], axis=1)


def _band_keys(sigs: np.ndarray) -> np.ndarray:
    """One 64-bit key per band and text: the band's ROWS values combined."""
    cols = sigs[:, : BANDS * ROWS].astype(np.uint64).reshape(len(sigs), BANDS, ROWS)
    keys = np.zeros((len(sigs), BANDS), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for r in range(ROWS):
            keys = keys * _P + cols[:, :, r]
    return keys.T


def unique_pairs(pairs: np.ndarray, n: int) -> np.ndarray:
    """Distinct (i < j) rows, sorted (texts numbered below `n`)."""
    codes = np.unique(pairs.min(axis=1) * n + pairs.max(axis=1))
    return np.stack([codes // n, codes % n], axis=1)


def jaccard_estimate(a: np.ndarray, b: np.ndarray) -> float:
    """Share of signature values two texts agree on: an estimate of their shingle Jaccard."""
    return float(np.mean(a == b))


def from_bytes(blobs: list[bytes]) -> np.ndarray:
    """Signatures stored as bytes (`signature(...).tobytes()`) back as an array (n, NUM_PERM)."""
    if not blobs:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    return np.frombuffer(b"".join(blobs), dtype=np.uint32).reshape(len(blobs), NUM_PERM)
