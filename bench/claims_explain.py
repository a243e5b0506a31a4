"""Each gold figure and conflict of the claims gold beside what newsweave made of it, to break the
misses of `bench/claims.py` down by cause.

    .venv/bin/python bench/claims_explain.py                  # every story of the gold
    .venv/bin/python bench/claims_explain.py ecb-37-ecbplus   # some

For each gold figure: every value's words with the numbers newsweave read there (value, unit,
kind) and the brief figure citing them (id, kind, verdict), then the cause of a miss:
`unread` (no number read in a value's words), `kinds` (read, but with different kinds), `ungrouped`
(same kind, not in one brief figure), `verdict` (found, wrong verdict). For each gold conflict:
the values and the brief conflict citing two of them, if any. Numbers are printed, article words
only as the gold's own short spans (offsets into the datasets, never copied into the repository).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims import (
    Located,
    _gold_differences,
    _gold_value,
    _value_hits,
    best_figure,
    brief_of,
    load_gold,
)


def _numbers_in(brief, loc):
    """The numbers, times of day and marks (years, ranks, days: `align.marks.sentence_marks`)
    newsweave reads in a gold value's words."""
    from types import SimpleNamespace

    from newsweave.align.marks import sentence_marks
    from newsweave.extract.times import times_of_day

    doc = next(d for d in brief.documents if d.source.id == loc[0])
    found = doc.numbers + times_of_day(doc.source.text, doc.source.id)
    for sentence in doc.sentences:
        if sentence.span.start < loc[2] and loc[1] < sentence.span.end:
            marks = sentence_marks(SimpleNamespace(document=doc, sentence=sentence))
            found += [m for m in marks if not (m.kind or "").startswith("time:")]
    return [n for n in found if n.span.start < loc[2] and loc[1] < n.span.end]


def _citing(brief, n):
    return [
        f
        for f in brief.figures
        for v in f.values
        if (v.span.source, v.span.start) == (n.span.source, n.span.start)
    ]


def _the_value(found, value):
    """The numbers read that are the gold value (a mark or time besides it in the words is not
    the figure: "5 p.m. Sunday"), or all of them where none is or the gold gives no number."""
    same = [n for n in found if value is not None and abs(n.value - value) < 1e-6 * max(1, value)]
    return same or found


def explain_figure(brief, where, fig) -> str:
    lines, kinds, cited = [], set(), []
    locs = [(v, where.find(v)) for v in fig["values"]]
    for v, loc in locs:
        if loc is None:
            lines.append(f"    a{v['article']} {v['text']!r}: not located")
            continue
        found = _numbers_in(brief, loc)
        kinds |= {n.kind for n in _the_value(found, _gold_value(v))}
        shown = []
        for n in found:
            figs = [f"{f.id}:{f.kind}:{f.verdict}" for f in _citing(brief, n)]
            cited += figs
            shown.append(f"{n.text}={n.value:g} {n.unit or ''} kind={n.kind} {figs or ''}")
        lines.append(f"    a{v['article']} {v['text']!r} -> {'; '.join(shown) or 'UNREAD'}")
    located = [(*loc, _gold_value(v)) for v, loc in locs if loc is not None]
    match = best_figure(brief, located)
    if match is not None:
        cause = "right" if match.verdict == fig["verdict"] else f"verdict ({match.verdict})"
    elif sum(bool(_numbers_in(brief, loc)) for _, loc in locs if loc) < 2:
        cause = "unread"
    elif len(kinds - {None}) > 1 or None in kinds:
        cause = "kinds"
    else:
        cause = "ungrouped"
    head = f"  [{cause}] {fig['quantity']} (gold {fig['verdict']})"
    return "\n".join([head, *lines]), cause.split()[0]


def explain_conflict(brief, where, c) -> tuple[str, str]:
    locs = [(*loc, _gold_value(v)) for v in c["values"] if (loc := where.find(v))]
    numbers = {(v.span.source, v.span.start): v.value for f in brief.figures for v in f.values}
    hit = [p for p in brief.conflicts if len(_value_hits(p.values, locs, numbers)) >= 2]
    cause = "found" if hit else f"missed:{c['kind']}"
    lines = [f"  [{cause}] {c['kind']} {c['about']} ({c['verdict']})"]
    lines += [f"    a{v['article']} {v['text']!r}" for v in c["values"]]
    lines += [f"    brief: {p.kind} {[v.value for v in p.values]}" for p in hit]
    return "\n".join(lines), cause


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*")
    parser.add_argument("--similarity", default=None)
    args = parser.parse_args()
    from newsweave.pipeline import Pipeline

    pipeline = Pipeline(**({"similarity": args.similarity} if args.similarity else {}))
    fig_causes, conflict_causes = Counter(), Counter()
    for name, gold in load_gold(args.stories).items():
        brief = brief_of(pipeline, name)
        where = Located(brief)
        print(f"== {name}")
        for fig in gold.get("figures", []):
            if len({loc[0] for v in fig["values"] if (loc := where.find(v))}) < 2:
                continue
            text, cause = explain_figure(brief, where, fig)
            fig_causes[cause] += 1
            print(text)
        for c in _gold_differences(gold):
            if len({loc[0] for v in c["values"] if (loc := where.find(v))}) < 2:
                continue
            text, cause = explain_conflict(brief, where, c)
            conflict_causes[cause] += 1
            print(text)
        for p in brief.conflicts:
            print(f"  brief conflict {p.kind}: {[v.value for v in p.values]}")
    print("figures:", dict(fig_causes.most_common()))
    print("conflicts:", dict(conflict_causes.most_common()))


if __name__ == "__main__":
    main()
