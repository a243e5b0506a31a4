"""Copies of one wire story in a store: MinHash signatures, LSH candidates against every stored
signature, exact verification of the pairs that involve a new article, fresh lineage for the
groups that changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..dedup import copy_groups as find_copy_groups
from ..dedup import minhash
from ..models import CopyGroup, Source
from ..parallel import Executor, FindsCandidates
from ..store import Store

if TYPE_CHECKING:
    import numpy as np

SIGN_CHUNK = 2000  # stored articles read back at a time to sign them
# (signatures (n, 128), mask of the texts whose pairs are wanted) -> candidate index pairs (k, 2),
# at least every pair that involves a masked text
Candidates = Callable[["np.ndarray", "np.ndarray"], "np.ndarray"]

__all__ = ["Candidates", "candidates_of", "sign_and_regroup", "signature_bytes", "update_copies"]


def candidates_of(executor: Executor) -> Candidates:
    """How copy candidates are found: by the executor when it can (the Ray engine: a shuffle
    by LSH bucket), else `minhash.candidate_pairs` here."""
    if isinstance(executor, FindsCandidates):
        return executor.candidate_pairs
    return minhash.candidate_pairs


def sign_and_regroup(
    store: Store, known: dict[str, bytes], candidates: Candidates | None = None
) -> None:
    """Sign every unsigned article (this run's, and any an interrupted run left) and regroup copies.

    Storing the signatures and the new groups is one transaction: a run killed in between leaves
    the articles unsigned, for the next run to sign, and two ingests at once never regroup from
    stale copies. The signatures are computed before the lock is taken (the slow part); `known`
    holds those computed already."""
    pending = store.unsigned()
    signed = {i: known[i] for i in pending if i in known}
    signed.update(_stored_signatures(store, [i for i in pending if i not in signed]))
    with store.transaction():
        unsigned = store.unsigned()
        if unsigned:
            signed.update(_stored_signatures(store, [i for i in unsigned if i not in signed]))
            update_copies(
                store,
                unsigned,
                {i: signed[i] for i in unsigned},
                candidates=candidates or minhash.candidate_pairs,
            )


def _stored_signatures(store: Store, ids: list[str]) -> dict[str, bytes]:
    """Signatures of stored articles, read back `SIGN_CHUNK` at a time (a bulk load's articles
    are not all held a second time)."""
    words, out = minhash.word_codes(), {}
    for start in range(0, len(ids), SIGN_CHUNK):
        out.update(_signatures(store.get(ids[start : start + SIGN_CHUNK]), words))
    return out


def _signatures(sources: list[Source], words: dict[str, int] | None = None) -> dict[str, bytes]:
    words = minhash.word_codes() if words is None else words
    return {s.id: signature_bytes(s, words) for s in sources}


def signature_bytes(source: Source, words: dict[str, int] | None = None) -> bytes:
    """The MinHash signature of a cleaned source, as the store keeps it (`words`: a
    `minhash.word_codes()` table shared by the sources of one job)."""
    return minhash.signature(minhash.shingle_hashes(source.text, words=words)).tobytes()


def update_copies(
    store: Store,
    new: list[Source] | list[str],
    signatures: dict[str, bytes] | None = None,
    *,
    candidates: Candidates = minhash.candidate_pairs,
) -> list[CopyGroup]:
    """Sign the new articles (unless their `signatures` are given) and regroup copies: LSH over
    every stored signature (`candidates`), verifying only the candidate pairs that involve a new
    article; groups that changed get fresh lineage. `new` may be the stored articles' ids when
    their `signatures` are given."""
    import numpy as np  # loaded with minhash already

    if signatures is None:
        signatures = _signatures([s for s in new if isinstance(s, Source)])
    store.put_signatures(signatures)
    stored = store.signatures()
    ids = list(stored)
    sigs = minhash.from_bytes([stored[i] for i in ids])
    fresh = {s if isinstance(s, str) else s.id for s in new}
    among = np.fromiter((i in fresh for i in ids), bool, len(ids))
    found = candidates(sigs, among)
    pairs = [(ids[i], ids[j]) for i, j in found[among[found[:, 0]] | among[found[:, 1]]].tolist()]
    existing = store.copies()
    touched = {a for pair in pairs for a in pair}
    touched |= {a for g in existing if touched & set(g.articles) for a in g.articles}
    if not touched:
        return existing
    kept = [g for g in existing if not touched & set(g.articles)]
    arrival = store.seqs(touched)  # same-day copies: the first to arrive is the earliest
    touched_sources = store.get(sorted(touched, key=arrival.__getitem__))
    position = {a: i for i, a in enumerate(ids)}  # the stored signatures, not signed again
    groups = kept + find_copy_groups(
        touched_sources, sigs[[position[s.id] for s in touched_sources]]
    )
    store.put_copies(groups)
    return groups
