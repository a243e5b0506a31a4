"""Scale: the corpus job on a Ray cluster (`newsweave ingest ... --engine ray`), same results.

    >>> from newsweave import open_store, scale, stories
    >>> from newsweave.corpus import write_briefs
    >>> with open_store("news.db") as store, scale.session(workers=2) as executor:
    ...     run = scale.ingest(["crawl/"], store, executor=executor)    # read, clean, sign, copies
    ...     found = stories(store, "batch", executor=executor)           # similarity blocks on workers
    ...     write_briefs(store, "briefs/", executor=executor)            # an actor pool, one model a worker

The stages hand their independent pieces to an executor (`newsweave.parallel`): reading each
input, cleaning and signing slices of articles, term counts, blocks of the similarity matrix,
briefs. The cross-corpus steps are exchanges, not per-shard shortcuts: copy candidates by a
shuffle of the LSH entries by bucket (`lsh.py`), story clustering over the whole similarity
graph. Results equal the embedded engine's on the same input (tests/test_scale.py). How to run
it on a cluster, how the work is partitioned and what grows with the corpus: docs/scale.md.
Needs the `ray` extra.
"""

from .engine import RayExecutor, session
from .jobs import clean_and_sign, ingest

__all__ = ["RayExecutor", "clean_and_sign", "ingest", "session"]
