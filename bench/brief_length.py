"""How long the brief is: words of the default terminal brief (`--detail brief`), of its at-a-glance
part, and of `--detail full`, for the bundled example and for real stories of 2 to 20 articles.

    .venv/bin/python bench/brief_length.py [--json bench/results/brief_length.json] [--show NAME]

Stories (loaded by bench/claims_data.py, articles fed as bench/claims.py feeds them): ECB+ topic 37
(the Aceh earthquake, `ecbplus` documents) first 2, 5 and 10 and all 14 articles; ECB+ topic 1
(`ecbplus`, 21 documents) first 20; Multi-News lines 2 (2 articles), 15 (5) and 49 (6, the most
among lines 0-49). Words are counted as `wc -w` does (runs of non-space), at width 100.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claims import brief_articles
from claims_data import ECB, MULTINEWS, story

STORIES = [
    ("ecb-37-ecbplus", 2),
    ("ecb-37-ecbplus", 5),
    ("ecb-37-ecbplus", 10),
    ("ecb-37-ecbplus", 14),
    ("ecb-1-ecbplus", 20),
    ("mn-2", 2),
    ("mn-15", 5),
    ("mn-49", 6),
]
GLANCE_END = "Who reports what"  # the terminal brief's at-a-glance part ends where the grid starts


def measure(brief) -> dict:
    from newsweave.report import render

    short = render(brief, "text", width=100)
    full = render(brief, "text", width=100, detail="full")
    glance = short.split(GLANCE_END)[0]
    return {
        "articles": len(brief.sources),
        "words_in": sum(len(s.text.split()) for s in brief.sources),
        "brief": len(short.split()),
        "glance": len(glance.split()),
        "full": len(full.split()),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", metavar="FILE", help="write the results here")
    ap.add_argument("--show", metavar="NAME", help="print the default brief of one story (name:n)")
    args = ap.parse_args()
    from newsweave.pipeline import Pipeline
    from newsweave.report import render

    pipeline = Pipeline()
    rows = [{"story": "example", **measure(pipeline.brief_example())}]
    if ECB.exists() and MULTINEWS.exists():
        for name, n in STORIES:
            brief = brief_articles(pipeline, story(name)[:n], name)
            if args.show == f"{name}:{n}":
                print(render(brief, "text", width=100))
            rows.append({"story": f"{name}:{n}", **measure(brief)})
            print(json.dumps(rows[-1]), file=sys.stderr)
    print(table(rows))
    if args.json:
        out = {"date": time.strftime("%Y-%m-%d"), "width": 100, "rows": rows}
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")


def table(rows: list[dict]) -> str:
    lines = [
        "| story | articles | words in | at a glance | brief (default) | --detail full |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {r['story']} | {r['articles']} | {r['words_in']:,} | {r['glance']} | {r['brief']} "
        f"| {r['full']:,} |"
        for r in rows
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
