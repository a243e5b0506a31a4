"""Story clustering: newsweave batch and stream beside the TF-IDF peers, in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/clusters.py [--tune] [--seeds 5] [--dated | --cost SIZES]

Task (../shared/guides/anchors.md): shuffle the Multi-News articles (570, 200 stories) and the
NeuS articles (val 921 / test 921, 307 stories each) and cluster them back; ECB+ (982
documents) is the hard case: 43 topics, each holding two different events of one kind (86
sub-events, e.g. two earthquakes). Data loading, the
peers (TF-IDF + average-linkage agglomerative, HDBSCAN, single-pass stream, thresholds tuned on
NeuS val) and B-cubed are the shared peer scripts (../shared/tools/peers/cluster_*.py),
imported, not copied. newsweave reads the raw texts itself: clean (which recognises web-archive
notices and embed templates as non-articles and skips them), dedup, then cluster. Skipped
articles are scored as singletons in the "all" rows and left out of the "kept" rows; the peers
get the same kept subset in their "kept" rows. Stream rows are means over `--seeds` shuffled
orders (the data have no publication dates), "at arrival" (`refine=False`, each article
assigned once) and "refined" (the open stories regrouped every REFINE_EVERY arrivals and at the
end; without dates no story ever closes, so the final refinement regroups every article and
the refined row is batch on the shuffled order). `--tune` picks newsweave's thresholds on NeuS
val (grid) and prints them; the shipped constants are in newsweave.cluster. `--dated` runs
only the experiment with SYNTHETIC publication dates (`dated`: stories spread over 8 weeks),
where stories close and refinement meets the window; it picks REFINE_EVERY on NeuS val.
`--cost 20000` runs only the cost of refinement on bench/corpus.py's corpora (its real 2.4k
articles with synthetic dates, and synthetic corpora of the given sizes).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT.parent / "shared" / "tools" / "peers"
DATASETS = ROOT.parent / "shared" / "datasets"
GRID = [round(x, 3) for x in np.arange(0.05, 0.7, 0.01)]


def peers():
    sys.path.insert(0, str(PEERS))
    import cluster_data
    import cluster_eval

    cluster_data.MULTINEWS = str(DATASETS / "multinews-longbench" / "multi_news.jsonl")
    cluster_data.NEUS = str(
        DATASETS / "neus-allsides" / "data" / "naacl2022_lrc_roundup_random_order_probe"
    )
    return cluster_data, cluster_eval


def load_ecbplus(level: str) -> tuple[list[str], list[str]]:
    """ECB+ documents as text (tokens joined, a sentence a line), labelled by topic (43) or by
    sub-event (86: the ecb and the ecbplus half of each topic are different events)."""
    import re
    import xml.etree.ElementTree as ET

    texts, labels = [], []
    for path in sorted((DATASETS / "ecbplus" / "ECB+_LREC2014" / "ECB+").glob("*/*.xml")):
        sentences: dict[str, list[str]] = {}
        for token in ET.parse(path).getroot().iter("token"):
            sentences.setdefault(token.get("sentence"), []).append(token.text or "")
        texts.append("\n\n".join(" ".join(words) for words in sentences.values()))
        topic = path.parent.name
        labels.append(
            topic if level == "topic" else f"{topic}-{re.sub(r'^[0-9_]+', '', path.stem)}"
        )
    return texts, labels


def sources(texts: list[str]):
    """Cleaned, deduplicated sources; indexes of the texts clean left nothing of (skipped)."""
    from newsweave.clean import clean
    from newsweave.dedup import copy_groups
    from newsweave.models import Source

    out, skipped = [], []
    for i, t in enumerate(texts):
        s = clean(Source(id=f"a{i:05d}", raw=t))
        (out if s.text.strip() else skipped).append(s if s.text.strip() else i)
    copy_groups(out, lineage=False)
    return out, skipped


EMBEDDINGS: dict = {}  # article id -> embedding, per collection run (ids are a{index}: keyed by text too)
STREAM_ROWS = ("arrival", "refined")
NAMES = {
    "batch": "newsweave batch",
    "arrival": "newsweave stream at arrival",
    "refined": "newsweave stream refined",
    "embed": "newsweave batch + embeddings",
}
EVERY_GRID = [
    10,
    25,
    50,
    100,
    200,
    400,
    10**9,
]  # refinement points tried with --dated; 10**9: at the end only
SPAN_DAYS = (
    56  # synthetic dates: stories start over 8 weeks, a story's articles within 2 days of its start
)


def ordered(srcs, row: str, seed: int, labels=None):
    """The sources in the order a row takes them: as given for batch, a seeded shuffle for the
    stream; with gold `labels`, synthetic publication dates (`dated`) and publication order."""
    if labels is not None:
        return dated(srcs, labels, seed)
    if row in STREAM_ROWS:
        return [srcs[i] for i in np.random.default_rng(seed).permutation(len(srcs))]
    return list(srcs)


def dated(srcs, labels, seed: int):
    """SYNTHETIC dates (the data sets have none): each gold story starts on a random day of
    SPAN_DAYS, each of its articles is published that day or the next; returned in publication
    order, ties in a seeded random order."""
    import dataclasses
    import datetime as dt

    rng = np.random.default_rng(seed)
    start = {g: int(rng.integers(SPAN_DAYS)) for g in sorted(set(labels))}
    day0 = dt.date(2026, 1, 5)
    out = [
        dataclasses.replace(
            s,
            published=day0 + dt.timedelta(days=start[labels[int(s.id[1:])]] + int(rng.integers(2))),
        )
        for s in srcs
    ]
    tie = rng.permutation(len(out))
    return [out[i] for i in sorted(range(len(out)), key=lambda i: (out[i].published, tie[i]))]


def newsweave_labels(order, n: int, row: str, settings: dict, key=None):
    """A label per text (skipped texts get singleton labels), and how many articles ended in
    closed stories."""
    from newsweave.cluster import cluster, cluster_stream

    if row in STREAM_ROWS:
        found = cluster_stream(
            order,
            threshold=settings["arrival"],
            refine=row == "refined",
            refine_threshold=settings["refine"],
            refine_every=settings["every"],
        )
    else:
        known = EMBEDDINGS.setdefault(key, {}) if row == "embed" else None
        found = cluster(
            order,
            "batch",
            threshold=settings[row],
            similarity="embed" if row == "embed" else "lexical",
            embeddings=known,
        )
    labels = np.arange(n) + n  # singletons by default
    for k, story in enumerate(found):
        for a in story.articles:
            labels[int(a[1:])] = k
    return labels, sum(len(s.articles) for s in found if s.closed)


def score_newsweave(ev, col, srcs, row, settings, seeds, keep, dates=False):
    """Mean scores over the seeds (stream rows, or any row with synthetic dates) of all and of
    the kept articles, and the mean number of articles in closed stories."""
    gold = col.labels if dates else None
    runs = [
        newsweave_labels(ordered(srcs, row, s, gold), len(col.labels), row, settings, id(srcs))
        for s in (range(seeds) if row in STREAM_ROWS or dates else [0])
    ]
    alls = [ev.scores(col.labels, r) for r, _ in runs]
    kept = [ev.scores(col.labels[keep], r[keep]) for r, _ in runs]
    return _mean(alls), _mean(kept), float(np.mean([c for _, c in runs]))


def _mean(rows):
    return {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}


def tune(ev, val, srcs, row, settings, seeds, name=None, grid=GRID, dates=False):
    """The grid value of `settings[name]` (default: the row's threshold) with the best NeuS
    val F1 (the first on ties), and that F1."""
    best = None
    for t in grid:
        trial = dict(settings, **{name or row: t})
        f = score_newsweave(ev, val, srcs, row, trial, seeds, np.arange(len(val.labels)), dates)[0][
            "F1"
        ]
        if best is None or f > best[1] + 1e-12:
            best = (t, f)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", action="store_true", help="choose newsweave's thresholds on NeuS val")
    ap.add_argument("--seeds", type=int, default=5, help="shuffled orders for the stream rows")
    ap.add_argument(
        "--embed",
        action="store_true",
        help="also newsweave batch with --similarity embed "
        "(needs the embed extra; about 20 articles/s of embedding)",
    )
    ap.add_argument(
        "--dated",
        action="store_true",
        help="only the experiment with SYNTHETIC publication "
        "dates: stream refinement as windows close, every refinement interval of EVERY_GRID",
    )
    ap.add_argument(
        "--cost",
        metavar="SIZES",
        help="only the cost of stream refinement on bench/corpus.py's "
        "corpora: the real 2.4k (synthetic dates) and synthetic ones of these sizes, e.g. 20000",
    )
    args = ap.parse_args()
    from newsweave import cluster as nwc

    if args.cost is not None:
        return _costs([int(n) for n in args.cost.split(",") if n])

    data, ev = peers()
    t0 = time.perf_counter()
    sets = {
        "NeuS val": ev.Collection(*data.load_neus("val")),
        "NeuS test": ev.Collection(*data.load_neus("test")),
        "Multi-News 570": ev.Collection(*data.load_multinews(data.MULTINEWS)),
    }
    if not args.dated:
        sets.update(
            {
                "ECB+ 982 by sub-event (86)": ev.Collection(*load_ecbplus("subevent")),
                "ECB+ 982 by topic (43)": ev.Collection(*load_ecbplus("topic")),
            }
        )
    prepared = {name: sources(col.texts) for name, col in sets.items()}
    settings = {
        "batch": nwc.BATCH_THRESHOLD,
        "arrival": nwc.STREAM_THRESHOLD,
        "refine": nwc.REFINE_THRESHOLD,
        "every": nwc.REFINE_EVERY,
    }
    if args.dated:
        return _dated(ev, sets, prepared, settings, args.seeds, t0)
    rows = ["batch", "arrival", "refined"] + (["embed"] if args.embed else [])
    if args.embed:
        settings["embed"] = nwc.EMBED_THRESHOLD
    if args.tune:
        for row in [r for r in rows if r != "refined"]:  # refined regroups at the batch threshold
            settings[row], f = tune(
                ev, sets["NeuS val"], prepared["NeuS val"][0], row, settings, args.seeds
            )
            print(f"tuned {row}: threshold {settings[row]} (NeuS val B3 F1 {100 * f:.1f})")
    chosen = {m: ev.tune(sets["NeuS val"], m)[0] for m in ("agglo", "hdbscan", "stream")}
    print(
        f"\n{platform.machine()}, Python {platform.python_version()}; newsweave settings {settings}; "
        f"peer settings (NeuS val) {chosen}\n"
    )
    for name, col in sets.items():
        _table(ev, name, col, prepared[name], rows, settings, chosen, args.seeds)
    print(f"seconds: {time.perf_counter() - t0:.0f}")


def _dated(ev, sets, prepared, settings, seeds, t0) -> None:
    """Tables with SYNTHETIC dates: batch, the stream at arrival, and refined at each interval;
    the interval chosen on NeuS val is printed (the best F1, the largest interval on ties)."""
    val = prepared["NeuS val"][0]
    every, f = tune(
        ev, sets["NeuS val"], val, "refined", settings, seeds, "every", EVERY_GRID[::-1], True
    )
    print(
        f"dated NeuS val: best refinement interval {every} (B3 F1 {100 * f:.1f}); settings {settings}\n"
    )
    for name, col in sets.items():
        srcs, skipped = prepared[name]
        keep = np.array([i for i in range(len(col.labels)) if i not in set(skipped)])
        print(f"### {name}, SYNTHETIC dates over {SPAN_DAYS} days: {len(col.labels)} articles\n")
        print("| system | all: B3 P | R | F1 | ARI | articles in closed stories | articles/s |")
        print("|---|---|---|---|---|---|---|")
        variants = [("batch", {}), ("arrival", {})] + [
            ("refined", {"every": e}) for e in EVERY_GRID
        ]
        for row, extra in variants:
            t = time.perf_counter()
            alls, _, closed = score_newsweave(
                ev, col, srcs, row, dict(settings, **extra), seeds, keep, True
            )
            rate = len(srcs) * seeds / (time.perf_counter() - t)
            label = NAMES[row] + (
                f", every {extra['every']}"
                if extra and extra["every"] < 10**9
                else (", at the end only" if extra else "")
            )
            print(f"| {label} | {_fmt(alls)} | {closed:.0f} | {rate:.0f} |")
        print()
    print(f"seconds: {time.perf_counter() - t0:.0f}")


def _costs(sizes: list[int]) -> None:
    """Batch, stream at arrival and stream refined on bench/corpus.py's corpora (dated): seconds,
    refinement points with their open-set sizes and times, and B3 F1 where there is a gold story."""
    import json
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    import corpus as bench_corpus

    with tempfile.TemporaryDirectory() as d:
        corpora = [("real 2.4k", bench_corpus.write_real(Path(d), 0))]
        corpora += [(f"synthetic {n}", bench_corpus.write_synthetic(Path(d), n)) for n in sizes]
        corpora = [
            (
                name,
                [
                    json.loads(line)
                    for f in ([path] if path.is_file() else sorted(path.glob("*.jsonl")))
                    for line in f.open()
                ],
            )
            for name, path in corpora
        ]
    gold = {f"r{i:05d}": story for i, (_, story, _) in enumerate(bench_corpus.real_articles())}
    print(
        "| corpus | system | seconds | refinement points | open articles at a point (mean, max) "
        "| ms a point (mean) | B3 F1 |"
    )
    print("|---|---|---:|---:|---|---:|---:|")
    for name, records in corpora:
        _cost_rows(name, records, gold)


def _cost_rows(name: str, records: list[dict], gold: dict) -> None:
    """One row per system; refinement points timed by wrapping the `regroup` cluster_stream calls."""
    import newsweave.cluster as nwc

    srcs = _dated_sources(records)
    points: list[tuple[int, float]] = []  # (open articles regrouped, seconds) per point
    regroup = nwc.regroup

    def timed(state, **options):
        n, t = len(state.open), time.perf_counter()
        regroup(state, **options)
        points.append((n, time.perf_counter() - t))

    nwc.regroup = timed
    try:
        for label, run in (
            ("batch", lambda: nwc.cluster_batch(srcs)),
            ("stream at arrival", lambda: nwc.cluster_stream(srcs, refine=False)),
            ("stream refined", lambda: nwc.cluster_stream(srcs)),
        ):
            points.clear()
            t = time.perf_counter()
            found = run()
            seconds = time.perf_counter() - t
            print(
                f"| {name} ({len(srcs)}) | {label} | {seconds:.1f} | {_cost_cells(found, srcs, gold, points)} |",
                flush=True,
            )
    finally:
        nwc.regroup = regroup


def _dated_sources(records: list[dict]):
    """Cleaned, deduplicated sources of JSON Lines records, in arrival (publication) order."""
    import datetime as dt

    from newsweave.clean import clean
    from newsweave.dedup import arrival_order, copy_groups
    from newsweave.models import Source

    srcs = [
        clean(Source(id=r["id"], raw=r["text"], published=dt.date.fromisoformat(r["published"])))
        for r in records
    ]
    srcs = arrival_order([s for s in srcs if s.text.strip()])
    copy_groups(srcs, lineage=False)
    return srcs


def _cost_cells(found, srcs, gold: dict, points: list[tuple[int, float]]) -> str:
    """Points, open articles at a point (mean, max), ms a point, and B3 F1 when every article has a gold story."""
    _, ev = peers()
    story = {a: k for k, s in enumerate(found) for a in s.articles}
    f1 = ""
    if all(s.id in gold for s in srcs):
        f1 = f"{100 * ev.scores(np.array([gold[s.id] for s in srcs]), np.array([story[s.id] for s in srcs]))['F1']:.1f}"
    if not points:
        return f"0 |  |  | {f1}"
    sizes, seconds = [n for n, _ in points], [t for _, t in points]
    return (
        f"{len(points)} | {np.mean(sizes):.0f}, {max(sizes)} | {1000 * np.mean(seconds):.0f} | {f1}"
    )


def _table(ev, name, col, prepared, rows, settings, chosen, seeds):
    srcs, skipped = prepared
    keep = np.array([i for i in range(len(col.labels)) if i not in set(skipped)])
    sub = col.subset(keep)
    print(
        f"### {name}: {len(col.labels)} articles, {len(set(col.labels))} stories; newsweave skipped "
        f"{len(skipped)} as non-articles\n"
    )
    print(
        "| system | all: B3 P | R | F1 | ARI | kept: B3 P | R | F1 | ARI | clusters | articles/s |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        t = time.perf_counter()
        alls, kept, _ = score_newsweave(ev, col, srcs, row, settings, seeds, keep)
        rate = len(srcs) * (seeds if row in STREAM_ROWS else 1) / (time.perf_counter() - t)
        mean = f" (mean of {seeds})" if row in STREAM_ROWS else ""
        print(
            f"| {NAMES[row]}{mean} | {_fmt(alls)} | {_fmt(kept)} | {kept['clusters']:.0f} | {rate:.0f} |"
        )
    for method, fn in (("agglo", ev.agglo), ("hdbscan", ev.hdbscan)):
        a, k = (
            ev.scores(col.labels, fn(col, chosen[method])),
            ev.scores(sub.labels, fn(sub, chosen[method])),
        )
        print(f"| peer TF-IDF {method} | {_fmt(a)} | {_fmt(k)} | {k['clusters']:.0f} | |")
    a, k = ev.stream_scores(col, chosen["stream"])[1], ev.stream_scores(sub, chosen["stream"])[1]
    print(f"| peer TF-IDF stream (mean of 5) | {_fmt(a)} | {_fmt(k)} | {k['clusters']:.0f} | |\n")


def _fmt(s) -> str:
    return " | ".join(f"{100 * s[k]:.1f}" for k in ("P", "R", "F1", "ARI"))


if __name__ == "__main__":
    main()
