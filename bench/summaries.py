"""Summary quality: newsweave's cited summary beside Lead-3, Lead-k round-robin, sumy LexRank and
sumy TextRank, on Multi-News (LongBench, 200 clusters) and NeuS/AllSides test, in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/summaries.py [--datasets multinews neus] [--limit N] [--workers 2]

Data loading, the shared sentence splitting for the peers (pysbd), the budget rule (reference
word count; sentences taken in the system's order, the last one cut) and the peer systems are
the shared peer scripts (../shared/tools/peers/summaries_*.py), imported, not copied. ROUGE is
rouge-score with stemming, x100. newsweave reads the raw articles itself (its own cleaning and
sentences) and ranks its fact sentences; every sentence it outputs is checked against its
citations (each cited span must exist in its source's cleaned text, and the sentence must be the
text of one of them). `--newsweave-only` leaves the peers out: run it with PYTHONPATH set to another
checkout's src to compare two versions of newsweave on one machine.

newsweave ranks its sentences with a linear scorer (`newsweave.summarize.scorer.MODEL`) fitted on
NeuS train, which ../shared does not hold, by `bench/summaries_fit.py` (its docstring says how to
get the split); tune on NeuS val (`--neus-split val`), report test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from multiprocessing import Pool
from pathlib import Path
from statistics import mean

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT.parent / "shared" / "tools" / "peers"
DATASETS = ROOT.parent / "shared" / "datasets"
ROUGE = ("rouge1", "rouge2", "rougeL", "rougeLsum")
PEER_SYSTEMS = ("Lead-3", "Lead-k round-robin", "sumy LexRank", "sumy TextRank")
_STATE: dict = {}
SIMILARITY = os.environ.get(
    "NEWSWEAVE_SIMILARITY", "lexical"
)  # set by --similarity for the workers
PEERS_TOO = True  # --newsweave-only: False


def peers():
    sys.path.insert(0, str(PEERS))
    import summaries_data
    import summaries_systems

    return summaries_data, summaries_systems


def load(data, name: str, split: str = "test") -> list:
    """The raw clusters of one dataset, from this checkout's ../shared/datasets (`split`: NeuS's
    test or val; tune on val)."""
    if name == "multinews":
        return data.load_multinews(DATASETS / "multinews-longbench" / "multi_news.jsonl")
    return data.load_neus(
        DATASETS / "neus-allsides" / "data" / "naacl2022_lrc_roundup_random_order_probe",
        split=split,
        reference="full",
    )


def newsweave_summary(raw, budget: int) -> tuple[list[str], int, int]:
    """(sentences cut to the budget, sentences checked against their citations, sentences)."""
    from newsweave.models import Source
    from newsweave.summarize import ranked

    sources = [
        Source(id=f"a{i}", raw=_text(part), title=part.title) for i, part in enumerate(raw.articles)
    ]
    sources = [s for s in sources if s.raw.strip()]
    if not sources:
        return [], 0, 0
    aligned = _STATE["pipeline"].align(sources)
    sources, alignment = aligned.sources, aligned.alignment
    sentences = ranked(alignment)
    texts = {s.id: s.text for s in sources}
    taken = _STATE["fill"]([s.text for s in sentences], budget)
    checked = sum(_cited(sentences[i], texts) for i, _ in taken)
    return [t for _, t in taken], checked, len(taken)


def _text(part) -> str:
    return f"{part.title}\n\n{part.body}" if part.title else part.body


def _cited(sentence, texts: dict[str, str]) -> bool:
    spans = sentence.citations
    inside = all(c.source in texts and 0 <= c.start < c.end <= len(texts[c.source]) for c in spans)
    return inside and any(texts[c.source][c.start : c.end] == sentence.text for c in spans)


def _init() -> None:
    from rouge_score import rouge_scorer

    import newsweave

    data, systems = peers()
    _STATE.update(
        data=data,
        systems=systems,
        fill=systems.fill,
        splitter=data.Splitter(),
        scorer=rouge_scorer.RougeScorer(list(ROUGE), use_stemmer=True),
        pipeline=newsweave.Pipeline(similarity=SIMILARITY),
    )


def run_cluster(raw) -> dict:
    cluster = _STATE["data"].split_cluster(raw, _STATE["splitter"])
    budget, ref = cluster.budget, "\n".join(cluster.reference)
    out = {"cid": cluster.cid, "budget": budget, "systems": {}}
    for name in PEER_SYSTEMS if PEERS_TOO else ():
        t = time.process_time()
        summary = _STATE["systems"].SYSTEMS[name](cluster, budget)
        out["systems"][name] = _score(summary, ref, time.process_time() - t)
    t = time.process_time()
    summary, checked, n = newsweave_summary(raw, budget)
    out["systems"]["newsweave"] = _score(summary, ref, time.process_time() - t) | {
        "checked": checked,
        "n": n,
    }
    return out


def _score(summary: list[str], ref: str, cpu: float) -> dict:
    scores = _STATE["scorer"].score(ref, "\n".join(summary))
    return {k: scores[k].fmeasure * 100 for k in ROUGE} | {
        "words": sum(len(s.split()) for s in summary),
        "cpu_s": cpu,
    }


def table(title: str, results: list[dict]) -> str:
    lines = [
        f"### {title}: {len(results)} clusters, mean budget {mean(r['budget'] for r in results):.0f} words",
        "",
        "| system | R1 | R2 | RL | RLsum | words | CPU s |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name in [n for n in (*PEER_SYSTEMS, "newsweave") if n in results[0]["systems"]]:
        rows = [r["systems"][name] for r in results]
        lines.append(
            f"| {name} | "
            + " | ".join(f"{mean(x[k] for x in rows):.2f}" for k in ROUGE)
            + f" | {mean(x['words'] for x in rows):.1f} | {sum(x['cpu_s'] for x in rows):.1f} |"
        )
    ours = [r["systems"]["newsweave"] for r in results]
    lines.append(
        f"\nnewsweave sentences confirmed by their citations: {sum(x['checked'] for x in ours)} "
        f"of {sum(x['n'] for x in ours)}"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--datasets", nargs="+", default=["multinews", "neus"], choices=["multinews", "neus"]
    )
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", type=Path)
    parser.add_argument(
        "--neus-split",
        choices=["test", "val"],
        default="test",
        help="NeuS split: tune on val, report test",
    )
    parser.add_argument(
        "--similarity",
        choices=["lexical", "embed"],
        default="lexical",
        help="newsweave's same-fact similarity (embed needs the 'embed' extra)",
    )
    parser.add_argument(
        "--newsweave-only",
        action="store_true",
        help="leave the peers out (to compare two newsweave checkouts: PYTHONPATH=OTHER/src)",
    )
    args = parser.parse_args()
    os.environ["NEWSWEAVE_SIMILARITY"] = args.similarity
    global SIMILARITY, PEERS_TOO
    SIMILARITY, PEERS_TOO = args.similarity, not args.newsweave_only
    data, _ = peers()
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()} python {platform.python_version()}",
    }
    for name in args.datasets:
        raws = load(data, name, args.neus_split)
        raws = raws[: args.limit] if args.limit else raws
        with Pool(args.workers, initializer=_init) as pool:
            results = list(pool.imap(run_cluster, raws, chunksize=1))
        title = (
            "Multi-News (LongBench 200)"
            if name == "multinews"
            else f"NeuS / AllSides {args.neus_split} (headline + body)"
        )
        print(table(title, results), "\n", flush=True)
        report[name] = results
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report))
    return 0


if __name__ == "__main__":
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    sys.exit(main())
