"""Article text extraction on the Zyte (Scrapinghub) article-extraction benchmark: newsweave beside
plain trafilatura, in one run, after reproducing the published scores of the bundled outputs.

    .venv/bin/python bench/extraction.py [--data ../shared/datasets/article-extraction-benchmark]
                                         [--bootstrap 1000] [--seed 42] [--json bench/results/extraction.json]

The metric is the benchmark's own (its README in the data folder): `\\w+` tokens, multisets of
token 4-gram shingles, per-page TP/FP/FN normalised by their sum, precision averaged over pages
with TP+FP > 0, recall over pages with TP+FN > 0, F1 = 2PR/(P+R) of the two averages; accuracy is
the share of pages whose token sequence equals the truth's; a 95% interval from 1,000 bootstrap
resamples of the pages (seeded). A page missing from an output counts as an empty prediction.

Rows: every published output in `output/*.json` (published vs reproduced F1/P/R), plain
`trafilatura.extract(html)` (default options, the peer), newsweave's HTML reader
(`ingest.html_article`, the text ingest hands on) and the same after the clean stage
(`clean.clean_text`, the text a brief cites: this row is "newsweave"); for reference also the
reader newsweave had before `ingest.html` (trafilatura with `favor_precision`, no tables).
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "datasets" / "article-extraction-benchmark"
# the repo README's table at the commit copied (F1, precision, recall), by output file stem
PUBLISHED = {
    "trafilatura": ("trafilatura 2.0.0", 0.958, 0.938, 0.978),
    "readability_js": ("readability_js 0.6.0", 0.947, 0.914, 0.982),
    "newspaper": ("newspaper4k 0.9.3.1", 0.949, 0.964, 0.934),
    "goose3": ("goose3 3.1.20", 0.896, 0.940, 0.856),
    "html-text": ("html-text 0.7.0", 0.665, 0.500, 0.994),
}
_TOKEN = re.compile(r"\w+", re.UNICODE)
Counts = tuple[float, float, float]  # one page's (TP, FP, FN), normalised to sum 1 (or all 0)


# --- the metric -------------------------------------------------------------------------------


def tokens(text: str | None) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = 4) -> Counter:
    """Multiset of token n-grams; a text shorter than n tokens is one shingle of all its tokens."""
    toks = tokens(text)
    grams = (" ".join(toks[i : i + n]) for i in range(max(1, len(toks) - n + 1)))
    return Counter(g for g in grams if g)


def page_counts(true: str | None, pred: str | None) -> Counts:
    """(TP, FP, FN) of one page's shingles, normalised so that every page weighs the same."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def prf(counts: Sequence[Counts]) -> tuple[float, float, float]:
    """F1, precision, recall of a list of per-page counts (F1 of the averaged P and R)."""
    p = statistics.mean([_precision(*c) for c in counts if c[0] + c[1] > 0] or [0.0])
    r = statistics.mean([_recall(*c) for c in counts if c[0] + c[2] > 0] or [0.0])
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def evaluate(
    truth: dict[str, str], pred: dict[str, str], *, n_bootstrap: int = 1000, seed: int = 42
) -> dict:
    """The benchmark's scores of `pred` (id -> text) against `truth`, with bootstrap intervals."""
    ids = sorted(truth)
    counts = [page_counts(truth[i], pred.get(i, "")) for i in ids]
    exact = [float(tokens(truth[i]) == tokens(pred.get(i, ""))) for i in ids]
    f1, p, r = prf(counts)
    rng = random.Random(seed)
    samples = []
    for _ in range(n_bootstrap):
        pick = [rng.randrange(len(ids)) for _ in ids]
        samples.append(prf([counts[k] for k in pick])[0])
    samples.sort()
    ci = (
        (samples[int(0.025 * n_bootstrap)], samples[int(0.975 * n_bootstrap)])
        if samples
        else (f1, f1)
    )
    return {
        "f1": f1,
        "precision": p,
        "recall": r,
        "accuracy": statistics.mean(exact),
        "f1_ci": ci,
        "pages": len(ids),
        "missing": sum(i not in pred for i in ids),
    }


def paired_difference(
    truth: dict[str, str],
    a: dict[str, str],
    b: dict[str, str],
    *,
    n_bootstrap: int = 1000,
    seed: int = 42,
) -> tuple[float, float, float]:
    """F1(a) - F1(b) and its 95% interval, both systems resampled on the same pages."""
    ids = sorted(truth)
    ca = [page_counts(truth[i], a.get(i, "")) for i in ids]
    cb = [page_counts(truth[i], b.get(i, "")) for i in ids]
    rng = random.Random(seed)
    diffs = []
    for _ in range(n_bootstrap):
        pick = [rng.randrange(len(ids)) for _ in ids]
        diffs.append(prf([ca[k] for k in pick])[0] - prf([cb[k] for k in pick])[0])
    diffs.sort()
    d = prf(ca)[0] - prf(cb)[0]
    return (
        (d, diffs[int(0.025 * n_bootstrap)], diffs[int(0.975 * n_bootstrap)])
        if diffs
        else (d, d, d)
    )


# --- data --------------------------------------------------------------------------------------


def load_truth(data: Path) -> dict[str, str]:
    gt = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return {k: v.get("articleBody") or "" for k, v in gt.items()}


def load_output(path: Path) -> dict[str, str]:
    """A published output: id -> text, plain or wrapped as {"version": ..., "output": {...}}."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(raw.get("output"), dict) and "version" in raw:
        raw = raw["output"]
    return {k: (v or {}).get("articleBody") or "" for k, v in raw.items()}


def load_html(data: Path, ids: Sequence[str]) -> dict[str, str]:
    return {
        i: gzip.decompress((data / "html" / f"{i}.html.gz").read_bytes()).decode("utf-8", "replace")
        for i in ids
    }


# --- systems -----------------------------------------------------------------------------------


def trafilatura_plain(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def newsweave_before(html: str) -> str:
    """newsweave's HTML reader before ingest.html (trafilatura with favor_precision, no tables)."""
    import trafilatura

    return (
        trafilatura.extract(
            html, include_comments=False, include_tables=False, favor_precision=True
        )
        or ""
    )


def newsweave_ingest(html: str) -> str:
    from newsweave.ingest.decode import Unusable
    from newsweave.ingest.html import html_article

    try:
        return html_article(html)[0]
    except Unusable:
        return ""


def newsweave_clean(text: str) -> str:
    """The clean stage on ingest's text (what a brief's offsets refer to)."""
    from newsweave.clean import clean_text

    return clean_text(text)[0] if text else ""


# (row name, function, what it reads): "html" the page, else the output of the named row
SYSTEMS: list[tuple[str, Callable[[str], str], str]] = [
    ("trafilatura (default options)", trafilatura_plain, "html"),
    ("newsweave before (precision, no tables)", newsweave_before, "html"),
    ("newsweave ingest (html_article)", newsweave_ingest, "html"),
    ("**newsweave** (ingest + clean)", newsweave_clean, "newsweave ingest (html_article)"),
]


def run_systems(pages: dict[str, str]) -> tuple[dict[str, dict[str, str]], dict[str, float]]:
    """Each row's predictions, and its pages per second (a row reading another row's output
    counts that row's time too). The systems take turns page by page, so that a busy machine
    slows them alike."""
    first = next(iter(pages.values()))
    for _name, fn, reads in SYSTEMS:  # warm-up: imports, lazy tables
        fn(first if reads == "html" else "Warm-up text.")
    out: dict[str, dict[str, str]] = {name: {} for name, _, _ in SYSTEMS}
    seconds = dict.fromkeys(out, 0.0)
    for i, html in pages.items():
        for name, fn, reads in SYSTEMS:
            given = html if reads == "html" else out[reads][i]
            t0 = time.perf_counter()
            out[name][i] = fn(given)
            seconds[name] += time.perf_counter() - t0
    for name, _, reads in SYSTEMS:
        if reads != "html":
            seconds[name] += seconds[reads]
    return out, {name: len(pages) / s for name, s in seconds.items()}


# --- report ------------------------------------------------------------------------------------


def row(name: str, m: dict, published: str = "", speed: str = "") -> str:
    lo, hi = m["f1_ci"]
    return (
        f"| {name} | {published} | {m['f1']:.3f} | {m['precision']:.3f} | {m['recall']:.3f} | "
        f"{m['accuracy']:.3f} | {lo:.3f}–{hi:.3f} | {speed} |"
    )


HEADER = (
    "| system | published F1 / P / R | F1 | precision | recall | accuracy | F1 95% CI | pages/s |\n"
    "|---|---|---:|---:|---:|---:|---|---:|"
)


def check_published(data: Path, truth: dict[str, str], args) -> tuple[list[str], dict, bool]:
    lines, results, ok = [], {}, True
    for path in sorted((data / "output").glob("*.json")):
        m = evaluate(truth, load_output(path), n_bootstrap=args.bootstrap, seed=args.seed)
        label, *pub = PUBLISHED.get(path.stem, (path.stem, None, None, None))
        results[path.stem] = m
        if pub[0] is not None:
            ok &= all(
                abs(a - round(b, 3)) <= 0.001 + 1e-9
                for a, b in zip(pub, (m["f1"], m["precision"], m["recall"]))
            )
        lines.append(
            row(
                f"{label} (published output)",
                m,
                " / ".join(f"{x:.3f}" for x in pub if x is not None),
            )
        )
    return lines, results, ok


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples (0: none)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--published-only", action="store_true", help="only reproduce the published rows"
    )
    parser.add_argument("--json", type=Path, help="write scores (and predictions) here")
    args = parser.parse_args(argv)
    if not (args.data / "ground-truth.json").is_file():
        sys.exit(f"bench/extraction.py needs the benchmark at {args.data}")
    truth = load_truth(args.data)
    lines, results, ok = check_published(args.data, truth, args)
    predictions = {}
    if not args.published_only:
        predictions, speeds = run_systems(load_html(args.data, sorted(truth)))
        for name, pred in predictions.items():
            results[name] = m = evaluate(truth, pred, n_bootstrap=args.bootstrap, seed=args.seed)
            m["pages_s"] = speeds[name]
            lines.append(row(name, m, speed=f"{speeds[name]:.1f}"))
    import trafilatura

    print(
        f"## Zyte article-extraction benchmark: {len(truth)} pages · {platform.machine()} "
        f"Python {platform.python_version()} · trafilatura {trafilatura.__version__} · "
        f"bootstrap {args.bootstrap} (seed {args.seed})\n"
    )
    print(HEADER)
    print("\n".join(lines))
    print(f"\npublished rows reproduced within ±0.001: {'yes' if ok else 'NO'}")
    if predictions and args.bootstrap:
        peer = predictions[SYSTEMS[0][0]]
        for name, _, _ in SYSTEMS[1:]:
            d, lo, hi = paired_difference(
                truth, predictions[name], peer, n_bootstrap=args.bootstrap, seed=args.seed
            )
            results[name]["f1_minus_trafilatura"] = (d, lo, hi)
            print(
                f"- {name} minus plain trafilatura, F1 (paired bootstrap): {d:+.3f} ({lo:+.3f} to {hi:+.3f})"
            )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {"date": time.strftime("%Y-%m-%d"), "results": results, "predictions": predictions},
                indent=1,
                default=list,
            )
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
