"""The gold claims of `bench/claims.py` that the brief does not show corroborated, each with the
likeliest pair of its mentions as newsweave scores it, and the cause of the miss.

    .venv/bin/python bench/claims_missed.py                  # every dev story
    .venv/bin/python bench/claims_missed.py mn-5 -v          # some, with the pair's words

For each missed claim (two independent articles state it, no corroborated fact covers both), every
pair of its mentions in two witnesses is scored on the vectors newsweave aligns whose words
overlap the mentions (whole sentences, claim parts, cores: `align.vectors.sentence_vectors`) with
the same-claim model (`align.sameclaim.probability`, less `CORE_MARGIN` for a core), and the best
pair names the cause (`cause`):

- `no shared words`: its lexical cosine is under `sameclaim.FLOOR`: the model never scores it
  (paraphrase: "She was unconscious" / "She was out cold");
- `model`: scored under `sameclaim.SUPPORT`: the model finds the texts too unlike (a claim that is
  a clause of two long sentences, a paraphrase that shares a word or two);
- `kept apart`: alike enough, but their figures or dates disagree (`facts.figures_clash`);
- `grouped apart`: alike enough (at least `SUPPORT`), yet not shown together: both sentences are in
  groups of other claims (a sentence sits in one group; only a lone sentence is backed by a
  sentence grouped elsewhere), or the partner backed another lone sentence first.

Article words are printed only with `-v` and never written anywhere.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import claims as cb

CAUSES = ("no shared words", "model", "kept apart", "grouped apart")


def cause(probability: float, lexical: float, clash: bool, floor: float, support: float) -> str:
    """Why the likeliest pair of a missed claim's mentions is not shown together."""
    if lexical < floor:
        return "no shared words"
    if clash:
        return "kept apart"
    if probability < support:
        return "model"
    return "grouped apart"


def main() -> None:
    from newsweave.align import facts, sameclaim
    from newsweave.align.vectors import cosine
    from newsweave.pipeline import Pipeline

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stories", nargs="*", help="dev stories (default: all)")
    ap.add_argument("-v", action="store_true", help="print the best pair's words")
    args = ap.parse_args()
    seen = cb.watch_vectors()
    pipeline, counts = Pipeline(), Counter()
    for name, gold in cb.load_gold(args.stories).items():
        brief = cb.brief_of(pipeline, name)
        where, vectors = cb.Located(brief), seen["vectors"]
        corroborated = [f for f in brief.facts if f.status != "single-source"]
        for claim in gold["facts"]:
            locs = [x for x in map(where.find, claim["mentions"]) if x]
            if len({where.witness[x[0]] for x in locs}) < 2 or any(
                cb._shown_elsewhere(x, locs, corroborated, where.witness) for x in locs
            ):
                continue
            best = None
            for i, x in enumerate(locs):
                for y in locs[i + 1 :]:
                    if where.witness[x[0]] == where.witness[y[0]]:
                        continue
                    for a in _covering(vectors, x):
                        for b in _covering(vectors, y):
                            p = sameclaim.probability(a, b)
                            if a.core is not None or b.core is not None:
                                p -= sameclaim.CORE_MARGIN
                            if best is None or p > best[0]:
                                best = (p, cosine(a, b), facts.figures_clash(a, b), a, b)
            if best is None:
                continue
            p, lexical, clash, a, b = best
            why = cause(p, lexical, clash, sameclaim.FLOOR, sameclaim.SUPPORT)
            counts[why] += 1
            print(
                f"{name} {claim['id']} {why:15s} p={p:.2f} lexical={lexical:.2f} {claim['claim']}"
            )
            if args.v:
                print(f"    {a.text[:150]!r}\n    {b.text[:150]!r}")
    seen["restore"]()
    total = sum(counts.values())
    print(f"\n{total} missed claims: " + ", ".join(f"{c} {counts[c]}" for c in CAUSES))


def _covering(vectors, loc):
    """The vectors of an article whose words overlap a located gold mention."""
    return [
        v
        for v in vectors
        if v.source == loc[0] and v.sentence.span.start < loc[2] and loc[1] < v.sentence.span.end
    ]


if __name__ == "__main__":
    main()
