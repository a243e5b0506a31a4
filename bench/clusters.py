"""Story clustering: newsweave batch and stream beside the TF-IDF peers, in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/clusters.py [--tune] [--seeds 5]

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
orders (the data have no publication dates). `--tune` picks newsweave's thresholds on NeuS val
(grid) and prints them; the shipped constants are in newsweave.cluster.
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
    cluster_data.NEUS = str(DATASETS / "neus-allsides" / "data" / "naacl2022_lrc_roundup_random_order_probe")
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
        labels.append(topic if level == "topic" else f"{topic}-{re.sub(r'^[0-9_]+', '', path.stem)}")
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


def newsweave_labels(srcs, n: int, mode: str, threshold: float, seed: int = 0, similarity: str = "lexical"):
    """A label per text (skipped texts get singleton labels)."""
    from newsweave.cluster import cluster

    order = list(srcs)
    if mode == "stream":
        order = [srcs[i] for i in np.random.default_rng(seed).permutation(len(srcs))]
    labels = np.arange(n) + n  # singletons by default
    known = EMBEDDINGS.setdefault(id(srcs), {}) if similarity == "embed" else None
    for k, story in enumerate(cluster(order, mode, threshold=threshold, similarity=similarity, embeddings=known)):
        for a in story.articles:
            labels[int(a[1:])] = k
    return labels


def score_newsweave(ev, col, srcs, mode, threshold, seeds, keep, similarity="lexical"):
    runs = [newsweave_labels(srcs, len(col.labels), mode, threshold, s, similarity)
            for s in (range(seeds) if mode == "stream" else [0])]
    alls = [ev.scores(col.labels, r) for r in runs]
    kept = [ev.scores(col.labels[keep], r[keep]) for r in runs]
    return _mean(alls), _mean(kept)


def _mean(rows):
    return {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}


def tune(ev, val, srcs, mode, seeds, similarity="lexical"):
    best = None
    for t in GRID:
        f = score_newsweave(ev, val, srcs, mode, t, seeds, np.arange(len(val.labels)), similarity)[0]["F1"]
        if best is None or f > best[1] + 1e-12:
            best = (t, f)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tune", action="store_true", help="choose newsweave's thresholds on NeuS val")
    ap.add_argument("--seeds", type=int, default=5, help="shuffled orders for the stream rows")
    ap.add_argument("--embed", action="store_true", help="also newsweave batch with --similarity embed "
                    "(needs the embed extra; about 20 articles/s of embedding)")
    args = ap.parse_args()
    from newsweave import cluster as nwc

    data, ev = peers()
    t0 = time.perf_counter()
    sets = {"NeuS val": ev.Collection(*data.load_neus("val")), "NeuS test": ev.Collection(*data.load_neus("test")),
            "Multi-News 570": ev.Collection(*data.load_multinews(data.MULTINEWS)),
            "ECB+ 982 by sub-event (86)": ev.Collection(*load_ecbplus("subevent")),
            "ECB+ 982 by topic (43)": ev.Collection(*load_ecbplus("topic"))}
    prepared = {name: sources(col.texts) for name, col in sets.items()}
    thresholds = {"batch": nwc.BATCH_THRESHOLD, "stream": nwc.STREAM_THRESHOLD}
    if args.embed:
        thresholds["embed"] = nwc.EMBED_THRESHOLD
    if args.tune:
        for mode in thresholds:
            similarity = "embed" if mode == "embed" else "lexical"
            thresholds[mode], f = tune(ev, sets["NeuS val"], prepared["NeuS val"][0], "batch" if mode == "embed"
                                       else mode, args.seeds, similarity)
            print(f"tuned {mode}: threshold {thresholds[mode]} (NeuS val B3 F1 {100 * f:.1f})")
    chosen = {m: ev.tune(sets["NeuS val"], m)[0] for m in ("agglo", "hdbscan", "stream")}
    print(f"\n{platform.machine()}, Python {platform.python_version()}; newsweave thresholds {thresholds}; "
          f"peer settings (NeuS val) {chosen}\n")
    for name, col in sets.items():
        _table(ev, name, col, prepared[name], thresholds, chosen, args.seeds)
    print(f"seconds: {time.perf_counter() - t0:.0f}")


def _table(ev, name, col, prepared, thresholds, chosen, seeds):
    srcs, skipped = prepared
    keep = np.array([i for i in range(len(col.labels)) if i not in set(skipped)])
    sub = col.subset(keep)
    print(f"### {name}: {len(col.labels)} articles, {len(set(col.labels))} stories; newsweave skipped "
          f"{len(skipped)} as non-articles\n")
    print("| system | all: B3 P | R | F1 | ARI | kept: B3 P | R | F1 | ARI | clusters | articles/s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for row in [m for m in ("batch", "stream", "embed") if m in thresholds]:
        mode, similarity = ("batch", "embed") if row == "embed" else (row, "lexical")
        t = time.perf_counter()
        alls, kept = score_newsweave(ev, col, srcs, mode, thresholds[row], seeds, keep, similarity)
        rate = len(srcs) * (seeds if mode == "stream" else 1) / (time.perf_counter() - t)
        name = "newsweave batch + embeddings" if row == "embed" else f"newsweave {mode}"
        print(f"| {name} | {_fmt(alls)} | {_fmt(kept)} | {kept['clusters']:.0f} | {rate:.0f} |")
    for method, fn in (("agglo", ev.agglo), ("hdbscan", ev.hdbscan)):
        a, k = ev.scores(col.labels, fn(col, chosen[method])), ev.scores(sub.labels, fn(sub, chosen[method]))
        print(f"| peer TF-IDF {method} | {_fmt(a)} | {_fmt(k)} | {k['clusters']:.0f} | |")
    a, k = ev.stream_scores(col, chosen["stream"])[1], ev.stream_scores(sub, chosen["stream"])[1]
    print(f"| peer TF-IDF stream (mean of 5) | {_fmt(a)} | {_fmt(k)} | {k['clusters']:.0f} | |\n")


def _fmt(s) -> str:
    return " | ".join(f"{100 * s[k]:.1f}" for k in ("P", "R", "F1", "ARI"))


if __name__ == "__main__":
    main()
