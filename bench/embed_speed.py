"""Speed of the sentence encoder (`newsweave.embedding`): the cold load in a fresh process
(importing the encoder's libraries, reading the tokenizer, mapping the weights) and warm
sentences per second on MSRP train sentences.

    python bench/embed_speed.py [--sentences 1000] [--repeats 3]

Prints one line each; the warm figure is the best of `--repeats` runs, after one warm-up batch.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time

from embed_equal import msrp_sentences

COLD = """
import time
import newsweave.embedding as m
t = time.perf_counter()
m.encoder()
print(time.perf_counter() - t)
"""


def cold_load() -> float:
    """Seconds that `encoder()` takes in a new interpreter (newsweave itself already imported)."""
    out = subprocess.run([sys.executable, "-c", COLD], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sentences", type=int, default=1000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    from newsweave.embedding import embed

    print(
        f"cold load: {min(cold_load() for _ in range(args.repeats)):.2f} s (best of {args.repeats})"
    )
    texts = msrp_sentences(args.sentences)
    embed(texts[:64])
    best = float("inf")
    for _ in range(args.repeats):
        start = time.perf_counter()
        embed(texts)
        best = min(best, time.perf_counter() - start)
    print(f"warm: {len(texts) / best:.0f} sentences/s ({len(texts)} MSRP sentences, {best:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
