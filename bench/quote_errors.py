"""Error dump for the quotes stage on PolNeAR (development aid, not a benchmark).

    .venv/bin/python bench/quote_errors.py --split train [--view direct] [--out /tmp/qb/errs.txt]

Parses each article once and keeps the parse (newsweave's extract output and the paragraph
parses the scorer's name matching uses) in a pickle under /tmp/qb, so later runs only redo the
quotes stage. Delete the cache after changing anything before the quotes stage. Prints the
scores of the view (same scorer as bench/quotes.py) and lists, with context: speaker errors on
matched quotes, unmatched predictions and missed gold quotes.
"""

from __future__ import annotations

import argparse
import collections
import pickle
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import quotes as bench

CACHE = Path("/tmp/qb")


def _parse(split: str, peer, nlp) -> list[dict]:
    from newsweave.clean import clean
    from newsweave.clean.offsets import raw_offsets
    from newsweave.extract import extract
    from newsweave.models import Source

    path = CACHE / f"parse-{split}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    docs = peer.load_split(split)
    out = []
    for d in docs:
        source = clean(Source(id=d["id"], raw=d["text"]))
        documents, entities = extract([source], nlp)
        paras = [
            (m.start(), nlp(m.group()))
            for m in re.finditer(r"[^\n]+", d["text"])
            if m.group().strip()
        ]
        out.append(
            {
                "d": d,
                "where": raw_offsets(source),
                "doc": documents[0],
                "entities": entities,
                "paras": paras,
            }
        )
    CACHE.mkdir(exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def _predict(item: dict) -> list[dict]:
    from newsweave.quotes import find_quotes

    d = item["d"]
    utterances: dict[int, list] = collections.defaultdict(list)
    for q in find_quotes(item["doc"], item["entities"], []):
        utterances[q.utterance].append(q)
    preds = []
    for pieces in utterances.values():
        p = bench._prediction(d, item["where"], pieces)
        p["pieces"] = "+".join(q.kind for q in pieces)
        preds.append(p)
    return [p for p in preds if p["kind"] == "quoted"]


def _ctx(text: str, ranges, width: int = 160) -> str:
    a, b = ranges[0][0], ranges[-1][1]
    s = text[max(0, a - width) : a] + "[[" + text[a:b][:300] + "]]" + text[b : b + width]
    return s.replace("\n", " ¶ ")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--view", default="direct")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    peer = bench.load_peer()
    from newsweave.extract import load

    items = _parse(args.split, peer, load())
    docs = [it["d"] for it in items]
    for it in items:
        d = it["d"]
        d["index"] = peer.DocIndex(d["text"])
        d["index"].sp = [
            (off + t.idx, off + t.idx + len(t), t) for off, pdoc in it["paras"] for t in pdoc
        ]
    peer.annotate_gold(docs, [])
    preds = [_predict(it) for it in items]
    r = peer.evaluate(docs, preds, args.view)
    summary = (
        f"{args.view}: overlap F1 {100 * r['overlap_prf'][2]:.1f}  speaker acc {100 * r['speaker_acc']:.1f} "
        f"({r['matched_with_source']})  pair F1 {100 * r['overlap_pair_prf'][2]:.1f}  pred {r['pred']} gold {r['gold']}"
    )
    lines = [summary]
    inview = {"direct": {"direct"}, "quoted": {"direct", "mixed"}}[args.view]
    counts = collections.Counter()
    for d, ps in zip(docs, preds):
        idx, golds = d["index"], d["attrs"]
        m = peer.match(
            [idx.wordset(p["content"]) for p in ps],
            [idx.wordset(g["content"]) for g in golds],
            exact=False,
        )
        for pi, p in enumerate(ps):
            gi = m.get(pi)
            if gi is None:
                n = len(idx.wordset(p["content"]))
                counts["unmatched pred"] += 1
                lines.append(
                    f"FP ({n}w) {d['id']} {p['pieces']} how={p['how']} spk={p['speaker_text']!r}\n   {_ctx(d['text'], p['content'])}"
                )
                continue
            g = golds[gi]
            counts["tp " + p["pieces"] if g["class"] in inview else "ignored " + p["pieces"]] += 1
            if g["class"] not in inview or not g["source"] or peer.speaker_ok(p, g, idx):
                continue
            gsrc = " / ".join(d["text"][a:b] for a, b in g["source"])
            key = "no speaker" if not p["speaker"] else f"wrong ({p['how']})"
            counts[key] += 1
            lines.append(
                f"SPK {key} {d['id']} pred={p['speaker_text']!r} cue={p['cue_lemma']!r} gold={gsrc!r}\n"
                f"   {_ctx(d['text'], p['content'])}"
            )
        hit = set(m.values())
        for gi, g in enumerate(golds):
            if g["class"] in inview and gi not in hit:
                counts["missed gold"] += 1
                gsrc = " / ".join(d["text"][a:b] for a, b in g["source"])
                lines.append(f"FN {d['id']} gold={gsrc!r}\n   {_ctx(d['text'], g['content'])}")
    lines.append(str(dict(counts)))
    out = "\n".join(lines)
    if args.out:
        args.out.write_text(out)
    print(summary)
    print(dict(counts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
