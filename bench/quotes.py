"""Quotes and speakers on PolNeAR, newsweave beside textacy's `direct_quotations`, in one run.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/quotes.py [--split dev|test] [--json bench/results/quotes-test.json]

The gold loader, the direct / mixed / indirect classes, the span matching, the speaker rule and
the textacy run are the shared peer scripts (../shared/tools/peers/quotes_gold.py and
quotes_eval.py), imported, not copied, so the numbers are defined exactly as the published peer
numbers in ../shared/guides/anchors.md. newsweave runs its own stages (clean, extract, quotes)
on each article's text, and its offsets are mapped back to the article's text for scoring.

Views: "direct" (content wholly inside quote marks), "quoted" (direct + mixed), "all" (also
indirect speech). In the two quote views newsweave's predictions are its utterances with words
in quote marks (as textacy's are); in "all", its reported speech too. Develop on dev (or
train); report test.
"""

from __future__ import annotations

import argparse
import collections
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT.parent / "shared" / "tools" / "peers"


def newsweave_predictions(docs: list[dict], nlp) -> tuple[list[list[dict]], float]:
    """newsweave's attributions for each article, in the peer scorer's prediction format."""
    t0 = time.perf_counter()
    out = [_article_predictions(d, nlp) for d in docs]
    return out, time.perf_counter() - t0


def _article_predictions(d: dict, nlp) -> list[dict]:
    from newsweave.clean import clean
    from newsweave.clean.offsets import raw_offsets
    from newsweave.extract import extract
    from newsweave.models import Source
    from newsweave.quotes import find_quotes

    source = clean(Source(id=d["id"], raw=d["text"]))
    where = raw_offsets(source)
    documents, entities = extract([source], nlp)
    utterances: dict[int, list] = collections.defaultdict(list)
    for q in find_quotes(documents[0], entities, []):
        utterances[q.utterance].append(q)
    return [_prediction(d, where, pieces) for pieces in utterances.values()]


def _prediction(d: dict, where: list[int], pieces: list) -> dict:
    def raw(span):
        return (where[span.start], where[span.end]) if span is not None else None

    first = pieces[0]
    speaker = [raw(first.speaker_span)] if first.speaker_span is not None else []
    return {
        "content": sorted(raw(q.span) for q in pieces),
        "speaker": speaker,
        "speaker_text": first.speaker_text or "",
        "speaker_tokens": d["index"].sptokens(speaker),
        "cue_lemma": first.cue or "",
        "kind": _kind(pieces),
        "how": first.how,
    }


def _kind(pieces: list) -> str:
    """ "quoted" (words in quote marks), "indirect" (reported speech) or "term" (a quoted label,
    not claimed as an attribution)."""
    kinds = {q.kind for q in pieces}
    if kinds == {"term"}:
        return "term"
    return "quoted" if kinds & {"direct", "partial"} else "indirect"


def load_peer():
    if not PEERS.is_dir():
        sys.exit(f"bench/quotes.py needs the shared peer scripts at {PEERS}")
    sys.path.insert(0, str(PEERS))
    import quotes_eval
    import quotes_gold

    quotes_gold.POLNEAR = str(
        ROOT.parent / "shared" / "datasets" / "polnear" / "data"
    )  # this layout
    return quotes_eval


def by_how(peer, docs, preds) -> dict[str, dict[str, float]]:
    """Speaker accuracy and pair precision by how newsweave found the speaker (all gold)."""
    c: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for d, ps in zip(docs, preds):
        idx = d["index"]
        m = peer.match(
            [idx.wordset(p["content"]) for p in ps],
            [idx.wordset(g["content"]) for g in d["attrs"]],
            exact=False,
        )
        for pi, p in enumerate(ps):
            key = f"{p['kind']} / {p['how'] or 'no speaker'}"
            c[key]["pred"] += 1
            if pi in m:
                c[key]["matched"] += 1
                c[key]["speaker ok"] += peer.speaker_ok(p, d["attrs"][m[pi]], idx)
    return {
        k: {
            "pred": v["pred"],
            "content precision": v["matched"] / v["pred"],
            "speaker ok of matched": v["speaker ok"] / max(1, v["matched"]),
        }
        for k, v in sorted(c.items())
    }


def shared_speaker_accuracy(peer, docs, a_preds, b_preds) -> tuple[float, float, int]:
    """Speaker accuracy of two systems on the direct gold quotes (with a source) both found."""
    a_ok = b_ok = n = 0
    for d, pa, pb in zip(docs, a_preds, b_preds):
        idx, golds = d["index"], d["attrs"]
        gsets = [idx.wordset(g["content"]) for g in golds]
        ma = {
            gi: pi
            for pi, gi in peer.match(
                [idx.wordset(p["content"]) for p in pa], gsets, exact=False
            ).items()
        }
        mb = {
            gi: pi
            for pi, gi in peer.match(
                [idx.wordset(p["content"]) for p in pb], gsets, exact=False
            ).items()
        }
        for gi in ma.keys() & mb.keys():
            if golds[gi]["class"] == "direct" and golds[gi]["source"]:
                n += 1
                a_ok += peer.speaker_ok(pa[ma[gi]], golds[gi], idx)
                b_ok += peer.speaker_ok(pb[mb[gi]], golds[gi], idx)
    return a_ok / max(1, n), b_ok / max(1, n), n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    peer = load_peer()
    from newsweave.extract import load

    nlp = load()
    docs = peer.load_split(args.split)
    for d in docs:
        d["index"] = peer.DocIndex(d["text"])
    raw, stats, failed = peer.run_textacy(docs, nlp)
    textacy = [peer.merge_preds(ps) for ps in raw]
    peer.annotate_gold(docs, failed)
    for d in docs:
        for g in d["attrs"]:
            g["cue_group"] = peer.cue_bucket(g["cue_group"])
    ours, seconds = newsweave_predictions(docs, nlp)
    ours = [[p for p in ps if p["kind"] != "term"] for ps in ours]
    marked = [[p for p in ps if p["kind"] == "quoted"] for ps in ours]
    rows, results = [], {}
    for view in ("direct", "quoted", "all"):
        # in the quote views newsweave claims only what it found in quote marks, as textacy does
        for name, preds in (
            ("textacy merged", textacy),
            ("newsweave", ours if view == "all" else marked),
        ):
            r = peer.evaluate(docs, preds, view)
            rows.append((name, r))
            results[f"{view} / {name}"] = r
    print(
        f"## PolNeAR {args.split}: {len(docs)} articles, "
        f"{sum(len(d['attrs']) for d in docs)} gold attributions\n"
    )
    print(peer.scores_table(rows))
    for view in ("direct", "all"):
        for name in ("textacy merged", "newsweave"):
            print(f"\n### by gold source type, {view} view, {name}")
            print(peer.groups_table(results[f"{view} / {name}"], "source: "))
    t_acc, n_acc, n_both = shared_speaker_accuracy(peer, docs, textacy, marked)
    print(
        f"\n### speaker accuracy on the {n_both} direct gold quotes (with a source) both systems found"
    )
    print(f"- textacy {100 * t_acc:.1f}, newsweave {100 * n_acc:.1f}")
    print("\n### newsweave by kind / how the speaker was found (all gold)")
    hows = by_how(peer, docs, ours)
    for k, v in hows.items():
        print(
            f"- {k}: {v['pred']} predicted, content precision {100 * v['content precision']:.1f}, "
            f"speaker ok {100 * v['speaker ok of matched']:.1f}"
        )
    print(
        f"\nnewsweave: {seconds:.1f} s for {len(docs)} articles (clean, parse, extract, quotes); "
        f"textacy: {stats['seconds (parse + extract)']} s (parse + extract)"
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(
                {
                    "split": args.split,
                    "date": time.strftime("%Y-%m-%d"),
                    "machine": f"{platform.machine()} python {platform.python_version()}",
                    "results": {
                        k: {kk: vv for kk, vv in r.items() if kk != "groups"}
                        | {"groups": r["groups"]}
                        for k, r in results.items()
                    },
                    "newsweave_by_how": hows,
                    "newsweave_seconds": seconds,
                    "shared_speaker_accuracy": {
                        "textacy": t_acc,
                        "newsweave": n_acc,
                        "quotes": n_both,
                    },
                },
                indent=2,
                default=str,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
