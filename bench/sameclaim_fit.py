"""Fit the same-claim model (`newsweave.align.sameclaim.MODEL`) on the claims dev gold and print
it, with its precision and recall by five-fold cross-validation over stories.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/sameclaim_fit.py            # prints MODEL and the threshold table

How: every story of `bench/claims_gold/` (never the test split) is briefed as `bench/claims.py`
does; the sentence and claim-part vectors newsweave aligns are taken as they are (not the cores
of sentences, `claims.claim_core`, nor their predicates read with their subject,
`claims.claim_predicates`: they back lone sentences with the same model, less a margin),
and every pair of two witnesses whose lexical cosine reaches `sameclaim.FLOOR` becomes a row of
`sameclaim.features` (the exact function newsweave runs). A row is positive when its two texts
overlap the two articles' words of one gold claim, or of two values of one gold figure (a quantity
two articles give, agreeing or not: sentences stating one quantity differently are one fact with a
conflict), or when the adjudicators judged the pair the same claim (`adjudicated.json`); otherwise
negative. A logistic regression (scikit-learn, C=1) over the features is the model; the table gives
each threshold's pair precision and recall on stories left out of the fit.
"""

from __future__ import annotations

import argparse
import sys
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import claims as cb

FOLDS = 5


def rows(names: list[str]) -> tuple[list[dict], list[bool], list[str]]:
    """(features, label, story) of every scored pair of the dev stories."""
    from newsweave.align import sameclaim
    from newsweave.align.vectors import cosine
    from newsweave.pipeline import Pipeline

    seen = cb.watch_vectors()
    pipeline, judged = Pipeline(), cb.adjudicated()
    xs, ys, stories = [], [], []
    for name, gold in cb.load_gold(names).items():
        brief = cb.brief_of(pipeline, name)
        where = cb.Located(brief)
        same = _gold_groups(gold, where)
        vectors = seen["vectors"]
        for a, b in combinations(vectors, 2):
            if a.core is not None or b.core is not None:
                continue  # a sentence's core is scored by the model fitted on the rest
            if a.witness == b.witness or (lexical := cosine(a, b)) < sameclaim.FLOOR:
                continue
            sa, sb = a.sentence.span, b.sentence.span
            key = cb.pair_key(
                name,
                (where.article[sa.source], cb._full(brief, sa)),
                (where.article[sb.source], cb._full(brief, sb)),
            )
            label = judged.get(key) or any(
                any(cb.overlaps(sa, x) for x in locs) and any(cb.overlaps(sb, y) for y in locs)
                for locs in same
            )
            xs.append(sameclaim.features(a, b, lexical))
            ys.append(bool(label))
            stories.append(name)
    seen["restore"]()
    return xs, ys, stories


def _gold_groups(gold: dict, where: cb.Located) -> list[list[tuple]]:
    """The located words of each gold claim and of each gold figure's values."""
    groups = [f["mentions"] for f in gold["facts"]]
    groups += [fig["values"] for fig in gold.get("figures", [])]
    located = [[where.find(m) for m in g] for g in groups]
    return [[x for x in g if x] for g in located]


def folds(stories: list[str]) -> list[list[str]]:
    """The stories of each cross-validation fold (every `FOLDS`-th story in name order)."""
    order = sorted(set(stories))
    return [order[k::FOLDS] for k in range(FOLDS)]


def fit(xs: list[dict], ys: list[bool]):
    """The logistic regression over the model's features, as `MODEL` is fitted."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from newsweave.align import sameclaim

    names = [name for name, _ in sameclaim.MODEL[0]]
    X = np.array([[x[n] for n in names] for x in xs])
    return LogisticRegression(C=1.0, max_iter=5000).fit(X, np.array(ys))


def as_model(fitted) -> tuple:
    """A fitted regression in the form of `sameclaim.MODEL`."""
    from newsweave.align import sameclaim

    names = [name for name, _ in sameclaim.MODEL[0]]
    coefficients = tuple((n, float(c)) for n, c in zip(names, fitted.coef_[0]))
    return coefficients, float(fitted.intercept_[0])


def fold_models(names: list[str]) -> dict[str, tuple]:
    """For each dev story, the model fitted on the folds it is not in (`bench/claims.py
    --cross-fit` briefs each story with it, so dev numbers are not fit numbers)."""
    xs, ys, stories = rows(names)
    out = {}
    for held_out in folds(stories):
        keep = [i for i, s in enumerate(stories) if s not in held_out]
        model = as_model(fit([xs[i] for i in keep], [ys[i] for i in keep]))
        out |= dict.fromkeys(held_out, model)
    return out


def main() -> None:
    import numpy as np

    from newsweave.align import sameclaim

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("stories", nargs="*", help="dev stories (default: all)")
    args = ap.parse_args()
    xs, ys, stories = rows(args.stories)
    names = [name for name, _ in sameclaim.MODEL[0]]
    X = np.array([[x[n] for n in names] for x in xs])
    y, groups = np.array(ys), np.array(stories)
    held = np.zeros(len(y))
    for held_out in folds(stories):
        test = np.isin(groups, held_out)
        fitted = fit([x for x, t in zip(xs, test) if not t], [v for v, t in zip(ys, test) if not t])
        held[test] = fitted.predict_proba(X[test])[:, 1]
    order = sorted(set(stories))
    print(f"{len(y)} pairs, {int(y.sum())} same claim, {len(order)} stories")
    print("threshold  precision  recall   (pairs, stories left out of the fit)")
    for t in (0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        chosen = held >= t
        right = int((chosen & y).sum())
        print(f"{t:9.2f}  {right / max(1, chosen.sum()):9.3f}  {right / y.sum():6.3f}")
    coefficients, intercept = as_model(fit(xs, ys))
    print("MODEL = (")
    print("    (")
    for n, c in coefficients:
        print(f'        ("{n}", {c:.4f}),')
    print("    ),")
    print(f"    {intercept:.4f},")
    print(")")


if __name__ == "__main__":
    main()
