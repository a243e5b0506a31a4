"""Corpus-mode throughput: ingest into a fresh store, stories (batch, stream), briefs of stories.

    .venv/bin/python bench/corpus.py [--n 0] [--brief-articles 100] [--processes 1,2]
    .venv/bin/python bench/corpus.py --scale 20000,50000 [--skip-brief] [--modes batch,stream]

Articles: Multi-News (LongBench, 570) and NeuS val + test (1,842), read with the shared peer
loader (../shared/tools/peers/cluster_data.py, imported, not copied) and written at run time as
JSON Lines (`{"id", "text", "published"}`) into a temporary folder, never into the repository.
The data have no dates; every story (a line of the source file) gets a synthetic publication
day drawn uniformly over one month (seeded) and its articles that day or the next.

Every stage runs in its own child process (`python bench/corpus.py --stage ...`), which times
the stage itself (imports and process start excluded) and reports its peak RSS
(`resource.getrusage`, max RSS of that process). Stages: ingest (read + clean + store, then
MinHash signatures + copy groups, timed apart), `stories` batch, `stories` stream, and the
brief of every story of two or more articles among a fixed sample (the stories holding the
first `--brief-articles` articles of the batch stories, in store order), with one process and
with a 2-process Pool (each worker its own Pipeline, the store opened read-only, so no brief
snapshot is written).

`--scale N,...` builds synthetic corpora of N articles: each one composed from the sentences of
three real articles of the same collection (a random 40 % of the first one's sentences, two of
each of the others), a tenth of its words swapped for random words of the collection, and an id
sentence appended, so they are neither content-hash duplicates nor (mostly) copies; dates are
uniform over one month.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT.parent / "shared" / "tools" / "peers"
DATASETS = ROOT.parent / "shared" / "datasets"
START = dt.date(2026, 11, 1)
DAYS = 30
PER_FILE = 2000


def real_articles() -> list[tuple[str, str, str]]:
    """(collection, story key, text) for every article of Multi-News and NeuS val + test."""
    sys.path.insert(0, str(PEERS))
    import cluster_data

    out = []
    texts, labels = cluster_data.load_multinews(
        str(DATASETS / "multinews-longbench" / "multi_news.jsonl")
    )
    out += [("mn", f"mn{y}", t) for t, y in zip(texts, labels)]
    cluster_data.NEUS = str(
        DATASETS / "neus-allsides" / "data" / "naacl2022_lrc_roundup_random_order_probe"
    )
    for split in ("val", "test"):
        texts, labels = cluster_data.load_neus(split)
        out += [("neus", f"{split}{y}", t) for t, y in zip(texts, labels)]
    return out


def write_real(folder: Path, n: int, seed: int = 0) -> Path:
    rng = random.Random(seed)
    arts = real_articles()
    if n:
        arts = arts[:n]
    day = {}
    path = folder / "real.jsonl"
    with path.open("w") as fh:
        for i, (_, story, text) in enumerate(arts):
            if story not in day:
                day[story] = START + dt.timedelta(days=rng.randrange(DAYS))
            published = day[story] + dt.timedelta(days=rng.randrange(2))
            fh.write(
                json.dumps({"id": f"r{i:05d}", "text": text, "published": published.isoformat()})
                + "\n"
            )
    return path


_SENT = re.compile(r"(?<=[.!?])\s+")


def write_synthetic(folder: Path, n: int, seed: int = 0) -> Path:
    rng = random.Random(seed)
    arts = real_articles()
    by_coll: dict[str, list[list[str]]] = {}
    for coll, _, text in arts:
        sents = [s for s in _SENT.split(text) if s.strip()]
        if len(sents) >= 3:
            by_coll.setdefault(coll, []).append(sents)
    vocab = {
        c: sorted({w for sents in v for s in sents[:5] for w in s.split()})
        for c, v in by_coll.items()
    }
    colls = sorted(by_coll)
    weights = [len(by_coll[c]) for c in colls]  # as many from each collection as it has articles
    path = (
        folder / f"synthetic{n}"
    )  # files of PER_FILE lines (an input file is read whole, up to MAX_BYTES)
    path.mkdir()
    files = [(path / f"part{k:03d}.jsonl").open("w") for k in range((n + PER_FILE - 1) // PER_FILE)]
    for i in range(n):
        fh = files[i // PER_FILE]
        coll = rng.choices(colls, weights)[0]
        pool = by_coll[coll]
        a, b, c = (pool[rng.randrange(len(pool))] for _ in range(3))
        chosen = [s for s in a if rng.random() < 0.4] or a[:2]
        chosen += rng.sample(b, min(2, len(b))) + rng.sample(c, min(2, len(c)))
        words = " ".join(chosen).split()
        words = [rng.choice(vocab[coll]) if rng.random() < 0.1 else w for w in words]
        text = " ".join(words) + f" This report is filed as number {i} in the archive."
        published = START + dt.timedelta(days=rng.randrange(DAYS))
        fh.write(
            json.dumps({"id": f"x{i:06d}", "text": text, "published": published.isoformat()}) + "\n"
        )
    for fh in files:
        fh.close()
    return path


# --- stages, each in a child process ------------------------------------------------------------


def stage(name: str, db: str, arg: str) -> dict:
    import newsweave.corpus as corpus
    import newsweave.corpus.copies as copies
    from newsweave.store import open_store

    out: dict = {"stage": name}
    cpu = time.process_time()
    if name == "ingest":
        store = open_store(db)
        copies_time = [0.0]
        update = copies.update_copies

        def timed_update(*a, **k):
            t = time.perf_counter()
            try:
                return update(*a, **k)
            finally:
                copies_time[0] += time.perf_counter() - t

        copies.update_copies = timed_update
        t = time.perf_counter()
        run = corpus.ingest([arg], store)
        out["seconds"] = time.perf_counter() - t
        out["copies_seconds"] = copies_time[0]
        out["ingested"] = run.count("ingested")
        out["duplicate"] = run.count("duplicate")
        out["skipped"] = run.count("skipped")
        out["articles_in_copy_groups"] = sum(len(g.articles) for g in store.copies())
        out["copy_groups"] = len(store.copies())
    elif name in ("batch", "stream"):
        store = open_store(db)
        t = time.perf_counter()
        found = corpus.stories(store, name)
        out["seconds"] = time.perf_counter() - t
        out["stories"] = len(found)
        out["multi"] = sum(1 for s in found if len(s.articles) > 1)
        out["articles"] = sum(len(s.articles) for s in found)
    elif name == "brief":
        processes, sample = (int(x) for x in arg.split(","))
        store = open_store(db, readonly=True)
        found = corpus.stories(store, "batch")
        chosen, seen = [], 0
        for s in found:
            if seen >= sample:
                break
            seen += len(s.articles)
            if len(s.articles) >= 2:
                chosen.append(s)
        out["stories"] = len(chosen)
        out["articles"] = sum(len(s.articles) for s in chosen)
        ids = [s.id for s in chosen]
        if processes == 1:
            _init(db)
            t = time.perf_counter()
            for sid in ids:
                _brief(sid)
            out["seconds"] = time.perf_counter() - t
        else:
            import multiprocessing as mp

            ctx = mp.get_context("fork")
            ready = ctx.Barrier(processes + 1)
            with ctx.Pool(processes, initializer=_init, initargs=(db, ready)) as pool:
                ready.wait()  # every worker has its model loaded
                t = time.perf_counter()
                pool.map(_brief, ids, chunksize=1)
                out["seconds"] = time.perf_counter() - t
        out["processes"] = processes
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        out["worker_peak_rss_mb"] = children / 1024 if processes > 1 else None
    out["cpu_seconds"] = time.process_time() - cpu  # this process only (not pool workers)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


_W: dict = {}


def _init(db: str, ready=None) -> None:
    from newsweave import Pipeline
    from newsweave.store import open_store

    _W["store"], _W["pipeline"] = open_store(db, readonly=True), Pipeline()
    _ = _W["pipeline"].nlp  # the model is loaded before the clock starts
    if ready is not None:
        ready.wait()


def _brief(story_id: str) -> int:
    from newsweave.corpus import brief_story

    return len(brief_story(_W["store"], story_id, pipeline=_W["pipeline"]).sources)


def child(name: str, db: Path, arg: str) -> dict:
    cmd = [sys.executable, __file__, "--stage", name, "--db", str(db), "--arg", arg]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"stage {name} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def corpus_run(
    label: str,
    data: Path,
    folder: Path,
    n: int,
    brief: list[int],
    sample: int,
    modes: tuple[str, ...] = ("batch", "stream"),
) -> dict:
    db = folder / f"{label}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    rows = {"label": label, "n": n, "ingest": child("ingest", db, str(data))}
    for mode in modes:
        rows[mode] = child(mode, db, "")
    rows["store_mb"] = (
        sum(os.path.getsize(f"{db}{s}") for s in ("", "-wal") if os.path.exists(f"{db}{s}")) / 2**20
    )
    rows["briefs"] = [child("brief", db, f"{p},{sample}") for p in brief]
    _print(rows)
    return rows


def _print(r: dict) -> None:
    ing = r["ingest"]
    n = ing["ingested"]
    print(
        f"\n### {r['label']}: {n} articles ingested ({ing['duplicate']} duplicate, {ing['skipped']} skipped), "
        f"{ing['copy_groups']} copy groups ({ing['articles_in_copy_groups']} articles), store {r['store_mb']:.1f} MB\n"
    )
    print("| stage | seconds | articles/s | peak RSS MB | result | CPU s (this process) |")
    print("|---|---|---|---|---|---|")
    read = ing["seconds"] - ing["copies_seconds"]
    print(f"| ingest: read + clean + store | {read:.1f} | {n / read:.0f} | | |")
    print(
        f"| ingest: signatures + copy groups | {ing['copies_seconds']:.1f} | {n / ing['copies_seconds']:.0f} | | |"
    )
    print(
        f"| ingest (total) | {ing['seconds']:.1f} | {n / ing['seconds']:.0f} | {ing['peak_rss_mb']:.0f} | | "
        f"{ing.get('cpu_seconds', 0):.1f} |"
    )
    modes = [(m, r[m]) for m in ("batch", "stream") if m in r]
    for mode, x in modes:
        print(
            f"| stories {mode} | {x['seconds']:.1f} | {n / x['seconds']:.0f} | {x['peak_rss_mb']:.0f} | "
            f"{x['stories']} stories, {x['multi']} of 2+ | {x.get('cpu_seconds', 0):.1f} |"
        )
    for mode, x in modes:
        total = ing["seconds"] + x["seconds"]
        print(
            f"| **ingest to stories ({mode}), no deep extraction** | {total:.1f} | **{n / total:.0f}** | | |"
        )
    for br in r["briefs"]:
        rate = br["articles"] / br["seconds"]
        total = ing["seconds"] + r["batch"]["seconds"] + n / rate
        rss = f"{br['peak_rss_mb']:.0f}" + (
            f" (+ workers {br['worker_peak_rss_mb']:.0f} each)" if br["worker_peak_rss_mb"] else ""
        )
        print(
            f"| briefs, {br['processes']} process(es): {br['stories']} stories of 2+ | {br['seconds']:.1f} | "
            f"{rate:.1f} | {rss} | {br['articles']} articles | {br.get('cpu_seconds', 0):.1f} |"
        )
        print(
            f"| **ingest + stories (batch) + briefs, {br['processes']} process(es)** (all {n} articles, "
            f"brief rate extrapolated) | {total:.0f} | **{n / total:.1f}** | | |"
        )
    sys.stdout.flush()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=0, help="first N real articles (0: all)")
    ap.add_argument(
        "--brief-articles", type=int, default=100, help="brief the stories of the first N articles"
    )
    ap.add_argument("--processes", default="1,2", help="brief stage with these process counts")
    ap.add_argument(
        "--scale", default="", help="synthetic corpus sizes, e.g. 20000,50000 (skips the real run)"
    )
    ap.add_argument("--skip-brief", action="store_true")
    ap.add_argument(
        "--modes", default="batch,stream", help="story modes to time (the brief stage needs batch)"
    )
    ap.add_argument("--json", type=Path)
    ap.add_argument("--stage", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--arg", default="", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage:
        print(json.dumps(stage(args.stage, args.db, args.arg)))
        return 0
    brief = [] if args.skip_brief else [int(p) for p in args.processes.split(",") if p]
    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{time.strftime('%Y-%m-%d')}; one process per stage unless stated"
    )
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.scale:
            for n in (int(x) for x in args.scale.split(",")):
                t = time.perf_counter()
                data = write_synthetic(folder, n)
                size = sum(f.stat().st_size for f in data.iterdir()) / 2**20
                print(
                    f"(synthetic {n}: written in {time.perf_counter() - t:.0f} s, {size:.0f} MB of JSON Lines)"
                )
                results.append(
                    corpus_run(
                        f"synthetic {n}",
                        data,
                        folder,
                        n,
                        brief,
                        args.brief_articles,
                        tuple(args.modes.split(",")),
                    )
                )
                shutil.rmtree(data)
        else:
            data = write_real(folder, args.n)
            results.append(
                corpus_run(
                    "Multi-News + NeuS val + test",
                    data,
                    folder,
                    args.n,
                    brief,
                    args.brief_articles,
                    tuple(args.modes.split(",")),
                )
            )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
