"""A small update to a big store: `stories --mode stream` after a few new articles, going on from
the stored stream checkpoint, beside the full pass over every article (no checkpoint).

    .venv/bin/python bench/resume.py [--n 20000] [--new 10]

The corpus is `bench/corpus.py --scale`'s synthetic one (N + NEW articles; dates uniform over a
month, composed from real Multi-News and NeuS articles read from ../shared at run time into a
temporary folder). The first N are ingested and clustered in stream mode (this writes the
checkpoint); then the last NEW (in the generator's order, so their dates fall anywhere in the
month) are ingested into two copies of that store: one clusters from the checkpoint, the other
with the checkpoint removed. Both must give the same stories. Times are of the `stories` call
in this process (wall and CPU).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus as corpus_bench


def timed(label: str, f):
    wall, cpu = time.perf_counter(), time.process_time()
    out = f()
    print(
        f"{label}: {time.perf_counter() - wall:.1f} s wall, {time.process_time() - cpu:.1f} s CPU",
        flush=True,
    )
    return out


def split_corpus(folder: Path, n: int, new: int) -> tuple[Path, Path]:
    """The generated corpus as a folder of the first n records and one file of the last `new`."""
    source = corpus_bench.write_synthetic(folder, n + new)
    lines = [line for f in sorted(source.glob("*.jsonl")) for line in f.read_text().splitlines()]
    bulk = folder / "bulk"
    bulk.mkdir()
    for k in range(0, n, corpus_bench.PER_FILE):
        (bulk / f"part{k // corpus_bench.PER_FILE:03d}.jsonl").write_text(
            "\n".join(lines[k : min(k + corpus_bench.PER_FILE, n)]) + "\n"
        )
    update = folder / "update.jsonl"
    update.write_text("\n".join(lines[n:]) + "\n")
    return bulk, update


def main() -> int:
    import newsweave.corpus as corpus
    from newsweave.store import open_store

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--new", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bulk, update = split_corpus(folder, args.n, args.new)
        store = open_store(folder / "resumed.db")
        timed(f"ingest {args.n}", lambda: corpus.ingest([bulk], store))
        timed("stories stream, first run (every article)", lambda: corpus.stories(store, "stream"))
        store.close()
        shutil.copy(folder / "resumed.db", folder / "full.db")
        resumed_store, full_store = (
            open_store(folder / "resumed.db"),
            open_store(folder / "full.db"),
        )
        for s in (resumed_store, full_store):
            timed(f"ingest {args.new} new", lambda s=s: corpus.ingest([update], s))
        full_store.put_checkpoint(corpus.STREAM_CHECKPOINT, b"")  # not a checkpoint: a full pass
        resumed = timed(
            f"stories stream after {args.new} new, from the checkpoint",
            lambda: corpus.stories(resumed_store, "stream"),
        )
        full = timed(
            f"stories stream after {args.new} new, full pass",
            lambda: corpus.stories(full_store, "stream"),
        )
        size = len(resumed_store.get_checkpoint(corpus.STREAM_CHECKPOINT) or b"")
        print(f"identical: {resumed == full}; {len(full)} stories; checkpoint {size / 1e6:.1f} MB")
        return 0 if resumed == full else 1


if __name__ == "__main__":
    sys.exit(main())
