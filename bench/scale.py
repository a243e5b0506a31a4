"""The Ray engine beside the embedded engine: 1 and 2 local workers, the same inputs and results.

    .venv/bin/pip install -e '.[bench,ray]'
    .venv/bin/python bench/scale.py [--briefs 40] [--repeat 1]

Inputs, written at run time into a temporary folder (never into the repository):
  html   the 181 pages of the Zyte article-extraction benchmark
         (../shared/datasets/article-extraction-benchmark/html, decompressed): reading them is
         trafilatura's extraction, the heaviest read there is;
  jsonl  2,412 real articles (Multi-News + NeuS val and test, with bench/corpus.py's synthetic
         dates) in 7 files of at most 400 lines;
  small  the bundled example's two articles (the engines' fixed overhead).
Stages, timed in the driver (wall clock): ingest (read, clean, sign, store, copies), stories
(batch), and the briefs (JSON) of the first `--briefs` stories of two or more articles. Each
configuration (embedded; ray with 1 worker; ray with 2) runs in its own child process, so
nothing is warm; the Ray start is timed apart. Every configuration's results (store contents,
stories, briefs) are digested and must be equal, or the run fails.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
CONFIGS = {"embedded": None, "ray, 1 worker": 1, "ray, 2 workers": 2}


def write_inputs(folder: Path) -> dict[str, Path]:
    sys.path.insert(0, str(ROOT / "bench"))
    import corpus

    html = folder / "html"
    html.mkdir()
    for page in sorted((DATASETS / "article-extraction-benchmark" / "html").glob("*.html.gz")):
        (html / page.name.removesuffix(".gz")).write_bytes(gzip.decompress(page.read_bytes()))
    jsonl = folder / "jsonl"
    jsonl.mkdir()
    lines = corpus.write_real(jsonl, 0).read_text().splitlines(keepends=True)
    (jsonl / "real.jsonl").unlink()
    for k in range(0, len(lines), 400):
        (jsonl / f"part{k // 400}.jsonl").write_text("".join(lines[k : k + 400]))
    small = folder / "small"
    small.mkdir()
    for f in (ROOT / "src" / "newsweave" / "data" / "examples" / "zte-2018").iterdir():
        (small / f.name).write_bytes(f.read_bytes())
    return {"html": html, "jsonl": jsonl, "small": small}


def run_config(data: Path, db: Path, workers: int | None, briefs: int) -> dict:
    """One configuration on one input, in this (fresh) process: stage times and a digest."""
    import contextlib

    from newsweave import open_store, scale, stories
    from newsweave.corpus import ingest
    from newsweave.parallel import LOCAL

    times = {}
    start = time.perf_counter()
    session = scale.session(workers=workers) if workers else contextlib.nullcontext(LOCAL)
    with session as executor, open_store(db) as store:
        times["start"] = time.perf_counter() - start
        t = time.perf_counter()
        if workers:
            times.update(scale.ingest([data], store, executor=executor).timings)
        else:
            ingest([data], store)
            times["ingest"] = time.perf_counter() - t
        t = time.perf_counter()
        found = stories(store, "batch", executor=executor)
        times["stories"] = time.perf_counter() - t
        times["briefs"], written = _briefs(store, found, briefs, executor, db.parent / "briefs")
        digest = _digest(store, found, db.parent / "briefs", written)
        articles = store.count()
    return {"times": times, "digest": digest, "articles": articles, "briefs_written": len(written)}


def _briefs(store, found, n, executor, out):
    """Brief the first n stories of two or more articles; (seconds, files written)."""
    from newsweave.corpus import write_briefs

    chosen = [s.id for s in found if len(s.articles) >= 2][:n]
    t = time.perf_counter()
    written = write_briefs(store, out, fmt="json", executor=executor, only=chosen)
    return time.perf_counter() - t, written


def _digest(store, found, out: Path, written) -> str:
    h = hashlib.sha256()
    h.update(json.dumps([dataclasses.asdict(s) for _, s in store.articles()], default=str).encode())
    h.update(json.dumps([dataclasses.asdict(g) for g in store.copies()], default=str).encode())
    h.update(json.dumps([dataclasses.asdict(s) for s in found], default=str).encode())
    for _, name in written:
        h.update((out / name).read_bytes())
    return h.hexdigest()[:16]


def child(name: str, data: Path, folder: Path, briefs: int) -> dict:
    out = folder / "result.json"
    cmd = [
        sys.executable,
        __file__,
        "--child",
        name,
        "--data",
        str(data),
        "--work",
        str(folder),
        "--briefs",
        str(briefs),
    ]
    subprocess.run(cmd, check=True)
    return json.loads(out.read_text())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--briefs", type=int, default=40)
    parser.add_argument("--child")
    parser.add_argument("--data")
    parser.add_argument("--work")
    args = parser.parse_args()
    if args.child:
        work = Path(args.work)
        result = run_config(Path(args.data), work / "store.db", CONFIGS[args.child], args.briefs)
        (work / "result.json").write_text(json.dumps(result))
        return 0
    print(
        f"{time.strftime('%Y-%m-%d')}, {platform.machine()}, Python {platform.python_version()}, "
        f"{_cores()} cores"
    )
    with tempfile.TemporaryDirectory() as tmp:
        inputs = write_inputs(Path(tmp))
        rows = []
        for label, data in inputs.items():
            results = {}
            for name in CONFIGS:
                work = Path(tmp) / f"{label}-{name.replace(' ', '').replace(',', '')}"
                work.mkdir()
                results[name] = child(name, data, work, args.briefs if label != "small" else 1)
            digests = {r["digest"] for r in results.values()}
            if len(digests) != 1:
                print(f"{label}: results differ between configurations: {digests}", file=sys.stderr)
                return 1
            rows.append((label, results))
        _print(rows)
    return 0


def _cores() -> int:
    import os

    return os.cpu_count() or 1


def _print(rows) -> None:
    print(
        "\n| input | articles | engine | Ray start | read | clean+sign | store+copies | stories | briefs (n) |"
        " total | speed-up 2 vs 1 worker: read / clean+sign / briefs |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for label, results in rows:
        one = results["ray, 1 worker"]["times"]
        for name, r in results.items():
            t = r["times"]
            cells = [
                f"{t[k]:.2f}" if k in t else "" for k in ("read", "clean+sign", "store+copies")
            ]
            if "ingest" in t:
                cells = [f"ingest {t['ingest']:.2f}", "", ""]
            speed = ""
            if name == "ray, 2 workers":
                speed = " / ".join(
                    f"{one[k] / max(t[k], 1e-9):.2f}x" for k in ("read", "clean+sign", "briefs")
                )
            print(
                f"| {label} | {r['articles']} | {name} | {t['start']:.2f} | {' | '.join(cells)} | {t['stories']:.2f} "
                f"| {t['briefs']:.2f} ({r['briefs_written']}) | {sum(t.values()):.2f} | {speed} |"
            )
    print(
        "\nseconds, wall clock; all configurations gave identical results (store, stories, briefs digests equal)"
    )


if __name__ == "__main__":
    sys.exit(main())
