"""Articles that are not one story: how often `newsweave.caveats` raises "not-one-story".

    .venv/bin/python bench/one_story.py [--tune] [--json bench/results/one_story.json]

False alarms are counted on real multi-outlet stories: the bundled example (AP and Reuters),
ECB+ topic 37's ecbplus half (14 articles on the July 2013 Aceh earthquake), the Multi-News
stories of lines 0-49 with two or more articles left after cleaning, and both halves of the
first 20 ECB+ topics (each half is one event), and the 307 NeuS test stories (three outlets
each; the bar was set on NeuS val). Detections are counted on 50 pairs of articles
from two different Multi-News stories (lines 0-49, seeded), and, as the hard case it is not
meant to catch, on the pairs (first article of each half) of those 20 ECB+ topics: two events
of one kind (two earthquakes). Each set goes through clean, dedup and `caveats` as in
`Pipeline` (no parse: the check needs none). Multi-News clusters hold some non-articles
(reprint notices, spam) and round-ups of several stories: the flagged articles are listed by id
and word count for a reader to judge; no dataset text is written.

`--tune` prints, on NeuS val (307 three-outlet stories, 600 seeded cross-story pairs), the share
of articles with no link of at least each threshold to the rest of their story, and the share
of cross-story pairs with none: the evidence for `caveats.LINK`. The language detector is
counted on the same English news (Multi-News lines 0-49, NeuS val): any language but English
(or None: too short to tell) is a false alarm.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from claims_data import ecb, multinews

ROOT = Path(__file__).resolve().parent.parent
NEUS = ROOT.parent / "shared/datasets/neus-allsides/data/naacl2022_lrc_roundup_random_order_probe"
ECB_TOPICS = [t for t in range(1, 46) if t not in (15, 17)][:20]
PAIRS = 50
SEED = 42
GRID = (0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.10)


def prepared(articles: list[tuple[str, str]], prefix: str = ""):
    """Cleaned, deduplicated sources (empty ones dropped), as the pipeline has them."""
    from newsweave.clean import clean, split_empty
    from newsweave.dedup import assign_witnesses
    from newsweave.models import Source

    sources = [clean(Source(id=prefix + ident, raw=text)) for ident, text in articles]
    sources, _ = split_empty(sources)
    assign_witnesses(sources)
    return sources


def alarm(sources) -> dict | None:
    """The not-one-story caveat of these sources (groups as [id, words] lists), or None."""
    from newsweave.caveats import caveats

    words = {s.id: len(s.text.split()) for s in sources}
    for c in caveats(sources):
        if c.kind == "not-one-story":
            return {
                "flagged": [[i, words[i]] for i in c.sources],
                "groups": [[[i, words[i]] for i in g] for g in c.groups],
            }
    return None


def example_sources():
    from newsweave.clean import clean
    from newsweave.dedup import assign_witnesses
    from newsweave.ingest import example_sources as bundled

    sources = [clean(s) for s in bundled().sources]
    assign_witnesses(sources)
    return sources


def false_alarms() -> dict:
    """Real stories: name -> the alarm (None: no alarm)."""
    stories = {"example": example_sources(), "ecb-37-ecbplus": prepared(ecb(37, "ecbplus"))}
    for line in range(50):
        stories[f"mn-{line}"] = prepared(multinews(line))
    for topic in ECB_TOPICS:
        for half in ("ecb", "ecbplus"):
            stories[f"ecb-{topic}-{half}"] = prepared(ecb(topic, half))
    for n, story in enumerate(neus("test")):
        stories[f"neus-test-{n}"] = prepared(story)
    return {name: alarm(s) for name, s in stories.items() if len(s) >= 2}


def detections() -> dict:
    """Pairs of articles of two stories: name -> the alarm (None: missed)."""
    rng = random.Random(SEED)
    out = {}
    while len(out) < PAIRS:
        a, b = sorted(rng.sample(range(50), 2))
        first, second = prepared(multinews(a), "A"), prepared(multinews(b), "B")
        if first and second:
            i, j = rng.randrange(len(first)), rng.randrange(len(second))
            out[f"mn-{a}/{first[i].id[1:]}+mn-{b}/{second[j].id[1:]}"] = alarm(
                [first[i], second[j]]
            )
    return out


def hard_pairs() -> dict:
    """The first article of each half of an ECB+ topic: two events of one kind."""
    out = {}
    for topic in ECB_TOPICS:
        pair = prepared(ecb(topic, "ecb")[:1], "A") + prepared(ecb(topic, "ecbplus")[:1], "B")
        out[f"ecb-{topic}"] = alarm(pair)
    return out


def neus(split: str = "val") -> list[list[tuple[str, str]]]:
    """NeuS stories of a split as (id, text) lists (the probe file's markers removed)."""
    out = []
    with open(NEUS / f"{split}.source", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            arts = [
                a.replace("TITLE=>", " ").replace("ARTICLE=>", " ") for a in line.split(" [SEP] ")
            ]
            out.append([(f"{n}-{i}", a) for i, a in enumerate(arts)])
    return out


def languages() -> dict:
    """`caveats.language` over English news: Multi-News lines 0-49 and NeuS val, counted."""
    from collections import Counter

    from newsweave.caveats import language

    articles = [a for line in range(50) for a in prepared(multinews(line))]
    articles += [a for story in neus() for a in prepared(story)]
    return dict(Counter(str(language(a.text)) for a in articles))


def tune() -> None:
    import numpy as np

    from newsweave.cluster.features import Vectorizer, terms

    stories = [prepared(story) for story in neus()]

    def cosines(sources):
        counts = [terms(s) for s in sources]
        v = Vectorizer()
        v.observe(counts)
        x = v.transform(counts)
        sims = (x @ x.T).toarray()
        np.fill_diagonal(sims, -1.0)
        return sims

    best = np.concatenate([cosines(s).max(axis=1) for s in stories if len(s) >= 2])
    rng = random.Random(SEED)
    pairs = []
    for _ in range(600):
        a, b = rng.sample(range(len(stories)), 2)
        if stories[a] and stories[b]:
            pairs.append(cosines([stories[a][0], stories[b][0]])[0, 1])
    for t in GRID:
        print(
            f"link {t:.2f}: same-story articles without a link {np.mean(best < t):.1%}, "
            f"cross-story pairs without one {np.mean(np.array(pairs) < t):.1%}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tune", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if args.tune:
        tune()
        return
    real, pairs, hard = false_alarms(), detections(), hard_pairs()
    mn = {k: v for k, v in real.items() if k.startswith("mn-")}
    ecbs = {k: v for k, v in real.items() if k.startswith("ecb-") and k != "ecb-37-ecbplus"}
    table = {
        "example alarms": int(real["example"] is not None),
        "ecb-37-ecbplus alarms": int(real["ecb-37-ecbplus"] is not None),
        "multi-news stories": len(mn),
        "multi-news alarms": sum(v is not None for v in mn.values()),
        "neus test stories": sum(k.startswith("neus-") for k in real),
        "neus test alarms": sum(v is not None for k, v in real.items() if k.startswith("neus-")),
        "ecb subtopics": len(ecbs),
        "ecb alarms": sum(v is not None for v in ecbs.values()),
        "cross-story pairs": len(pairs),
        "cross-story detected": sum(v is not None for v in pairs.values()),
        "ecb same-kind pairs": len(hard),
        "ecb same-kind detected": sum(v is not None for v in hard.values()),
        "english articles by detected language": languages(),
    }
    print(json.dumps(table, indent=2))
    for name, found in real.items():
        if found and not name.startswith("neus-"):
            print(f"alarm on {name}: groups {found['groups']}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps({"table": table, "real": real, "pairs": pairs, "hard": hard}, indent=1),
            encoding="utf-8",
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    main()
