"""The corpus job on any executor: `newsweave.corpus.ingest` with its `executor` argument.

There is one ingest path (corpus/ingest.py): each input read on its own by the executor (a
worker reads a file, a WARC or a JSON Lines shard), articles cleaned and signed in slices, the
copy candidates found by the executor when it can (`RayExecutor.candidate_pairs`: the shuffle
of `lsh.py`). With `LOCAL` it is the embedded engine; the tests compare the two on Ray.
"""

from __future__ import annotations

from ..corpus.ingest import clean_and_sign, ingest

__all__ = ["clean_and_sign", "ingest"]
