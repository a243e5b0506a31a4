"""Fit the summary sentence scorer (`newsweave.summarize.scorer.MODEL`) on NeuS train and print it;
with --val, also score the summaries it gives on NeuS val (the tuning split) beside the shipped
model's.

    .venv/bin/pip install -e '.[bench]'
    git clone https://github.com/HLTCHKUST/framing-bias-metric /tmp/fbm   # NeuS train
    .venv/bin/python bench/summaries_fit.py --train /tmp/fbm/data/naacl2022_lrc_roundup_random_order_probe

How: every NeuS train cluster (train.source / train.target; never val or test, which
../shared/datasets holds) is read by newsweave as `bench/summaries.py` reads it; every candidate
summary sentence (`summarize.candidates`: the usable facts, each with the sentence that would show
it) becomes a row of `scorer.features` (the exact function newsweave runs). Its target is how much
of it the editors' reference holds: ROUGE-1 plus ROUGE-2 precision (stemmed), less the mean of its
cluster's candidates (only the order within a story matters). A ridge regression (scikit-learn,
alpha 1) over the features is the model. --val briefs every NeuS val cluster once and gives the
R1 / R2 of `summarize.ranked` cut to the reference's length (as `bench/summaries.py` does) with the
shipped MODEL and with the fitted one. The dataset stays outside the repository.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from contextlib import contextmanager
from multiprocessing import Pool
from pathlib import Path
from statistics import mean

sys.path.insert(0, str(Path(__file__).resolve().parent))
import summaries as sb

_STATE: dict = {}


def _init() -> None:
    from rouge_score import rouge_scorer

    import newsweave

    data, systems = sb.peers()
    _STATE.update(
        data=data,
        fill=systems.fill,
        splitter=data.Splitter(),
        scorer=rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True),
        pipeline=newsweave.Pipeline(),
    )


def _alignment(raw):
    from newsweave.models import Source

    sources = [
        Source(id=f"a{i}", raw=sb._text(part), title=part.title)
        for i, part in enumerate(raw.articles)
    ]
    sources = [s for s in sources if s.raw.strip()]
    return _STATE["pipeline"].align(sources).alignment if sources else None


def cluster_rows(raw) -> list[tuple[dict, float]]:
    """(features, target) of every candidate of one cluster (see the module docstring)."""
    from newsweave.summarize import candidates

    alignment = _alignment(raw)
    if alignment is None:
        return []
    ref = sb._text(raw.reference)
    out = []
    for c in candidates(alignment):
        s = _STATE["scorer"].score(ref, c.best.sentence.text)
        out.append((c.features, s["rouge1"].precision + s["rouge2"].precision))
    if out:
        centre = mean(t for _, t in out)
        out = [(x, t - centre) for x, t in out]
    return out


def cluster_scores(task) -> list[tuple[float, float]]:
    """(R1, R2) of the summary of one cluster under each setting of `task`: a setting gives values
    to names of `newsweave.summarize` ("MODEL" is the scorer's; "lead_index": None to try without
    the lead rule)."""
    import newsweave.summarize as summarize

    raw, settings = task
    alignment = _alignment(raw)
    cluster = _STATE["data"].split_cluster(raw, _STATE["splitter"])
    ref = "\n".join(cluster.reference)
    out = []
    for setting in settings:
        with _patched(summarize, setting):
            texts = [s.text for s in summarize.ranked(alignment)] if alignment else []
        summary = "\n".join(t for _, t in _STATE["fill"](texts, cluster.budget))
        s = _STATE["scorer"].score(ref, summary)
        out.append((s["rouge1"].fmeasure * 100, s["rouge2"].fmeasure * 100))
    return out


@contextmanager
def _patched(summarize, setting: dict):
    """`setting` in force in `summarize` and its scorer, then the shipped values again."""
    homes = {name: summarize.scorer if name == "MODEL" else summarize for name in setting}
    kept = {name: getattr(home, name) for name, home in homes.items()}
    for name, value in setting.items():
        if name == "lead_index" and value is None:
            value = _no_lead
        setattr(homes[name], name, value)
    try:
        yield
    finally:
        for name, value in kept.items():
            setattr(homes[name], name, value)


def _no_lead(*_args) -> None:
    return None


def fit(rows: list[tuple[dict, float]], alpha: float = 1.0):
    """The ridge model over the rows, as `scorer.MODEL` holds it."""
    import numpy as np
    from sklearn.linear_model import Ridge

    from newsweave.summarize.scorer import FEATURES

    X = np.array([[x[n] for n in FEATURES] for x, _ in rows])
    y = np.array([t for _, t in rows])
    model = Ridge(alpha=alpha).fit(X, y)
    coefficients = tuple((n, round(float(c), 4)) for n, c in zip(FEATURES, model.coef_))
    return (coefficients, round(float(model.intercept_), 4))


def show(model) -> str:
    lines = ["MODEL = (", "    ("]
    lines += [f'        ("{n}", {c:.4f}),' for n, c in model[0]]
    lines += ["    ),", f"    {model[1]:.4f},", ")"]
    return "\n".join(lines)


def main() -> None:

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", type=Path, required=True, help="folder of train.source/.target")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cache", type=Path, help="keep the train rows here (pickle) and reuse them")
    ap.add_argument("--val", action="store_true", help="score shipped and fitted on NeuS val")
    ap.add_argument("--novel", type=float, nargs="*", default=[], help="NOVEL values to try")
    ap.add_argument("--redundancy", type=float, nargs="*", default=[], help="REDUNDANCY values")
    args = ap.parse_args()
    data, _ = sb.peers()
    if args.cache and args.cache.exists():
        rows = pickle.loads(args.cache.read_bytes())
    else:
        raws = data.load_neus(args.train, split="train", reference="full")
        raws = raws[: args.limit] if args.limit else raws
        with Pool(args.workers, initializer=_init) as pool:
            rows = [r for rs in pool.imap(cluster_rows, raws, chunksize=4) for r in rs]
        if args.cache:
            args.cache.write_bytes(pickle.dumps(rows))
    model = fit(rows)
    print(f"{len(rows)} candidate sentences")
    print(show(model))
    if args.val:
        settings = {"shipped": {}, "fitted": {"MODEL": model}}
        settings["fitted, no lead rule"] = {"MODEL": model, "lead_index": None}
        settings |= {f"fitted, NOVEL {v}": {"MODEL": model, "NOVEL": v} for v in args.novel}
        settings |= {
            f"fitted, REDUNDANCY {v}": {"MODEL": model, "REDUNDANCY": v} for v in args.redundancy
        }
        raws = sb.load(data, "neus", "val")
        raws = raws[: args.limit] if args.limit else raws
        task = list(settings.values())
        with Pool(args.workers, initializer=_init) as pool:
            scores = list(pool.imap(cluster_scores, [(r, task) for r in raws], chunksize=4))
        for i, name in enumerate(settings):
            r1, r2 = mean(s[i][0] for s in scores), mean(s[i][1] for s in scores)
            print(f"NeuS val ({len(scores)}) {name}: R1 {r1:.2f} R2 {r2:.2f}")


if __name__ == "__main__":
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    main()
