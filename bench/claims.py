"""Corroboration, single-source labels, conflicts and figure verdicts on real multi-outlet stories,
scored against our claims gold (`bench/claims_gold/`, how it was made: its README), beside a
TF-IDF sentence-matching peer run in the same script on the same articles.

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python bench/claims.py                 # every story of the gold
    .venv/bin/python bench/claims.py mn-5 ecb-37-ecbplus -v   # some, with every error listed
    .venv/bin/python bench/claims.py --gold bench/claims_gold_test   # the held-out test split: run
                                                                      # once at the end of a round

What is scored is what the reader sees:
- corroborated: the gold lists, per story, every claim two or more articles state, with the exact
  words in each. Recall: gold cross-article pairs (a claim's mentions in two articles) that one
  corroborated fact of the brief covers (a mention overlapping each). Precision: the brief's
  cross-source pairs (two sentences of one corroborated fact, copies of one wire story aside)
  that state one gold claim.
- single-source precision: facts labelled single-source that state no claim another article
  states, where the brief does not show that claim corroborated for this article elsewhere.
- conflicts: a brief conflict is right when two of its values lie in values of one gold conflict
  in different articles; recall is over gold conflicts whose values can be located in the text.
- figures: each gold figure (a quantity two or more articles give) is found when a brief figure
  cites two of its values; its verdict (agree / updated / conflict) is right when equal.
Articles are fed as JSON Lines with no metadata (the datasets carry no publication times).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from claims_data import story, with_text, words_hash

GOLD = Path(__file__).resolve().parent / "claims_gold"
# Pairs the brief groups that the annotators did not list (they gave one place per article for each
# claim), judged afterwards by a second annotator: same claim or not (bench/claims_gold/README.md).
# A gold folder without this file (the test split) has no judged pairs.
ADJUDICATED = "adjudicated.json"


@dataclass
class Score:
    gold_facts: int = 0
    found_facts: int = 0
    gold_mentions: int = 0
    found_mentions: int = 0
    gold_pairs: int = 0
    found_pairs: int = 0
    predicted_pairs: int = 0
    right_pairs: int = 0
    single: int = 0
    single_wrong: int = 0
    gold_conflicts: int = 0
    found_conflicts: int = 0
    predicted_conflicts: int = 0
    right_conflicts: int = 0
    gold_figures: int = 0
    found_figures: int = 0
    right_verdicts: int = 0
    errors: list[str] = field(default_factory=list)
    unjudged: list[dict] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k, v in vars(other).items():
            setattr(self, k, getattr(self, k) + v)

    def table(self) -> dict[str, float]:
        r = lambda a, b: round(100 * a / b, 1) if b else float("nan")  # noqa: E731
        return {
            "corroborated recall": r(self.found_facts, self.gold_facts),
            "  mentions": r(self.found_mentions, self.gold_mentions),
            "  pairs": r(self.found_pairs, self.gold_pairs),
            "corroborated precision": r(self.right_pairs, self.predicted_pairs),
            "single-source precision": r(self.single - self.single_wrong, self.single),
            "conflicts recall": r(self.found_conflicts, self.gold_conflicts),
            "conflicts precision": r(self.right_conflicts, self.predicted_conflicts),
            "figures found": r(self.found_figures, self.gold_figures),
            "figure verdicts right": r(self.right_verdicts, self.gold_figures),
        }


def adjudicated(gold_dir: Path = GOLD) -> dict[str, bool]:
    """Pair hash (`pair_key`) -> same claim."""
    path = gold_dir / ADJUDICATED
    if not path.is_file():
        return {}
    out = {}
    for j in json.loads(path.read_text(encoding="utf-8")):
        out[j["pair"]] = bool(j["same"])
    return out


def pair_key(story_name: str, a: tuple[int, str], b: tuple[int, str]) -> str:
    """A judged pair, named by a hash of its story and its two (article, words), in either order."""
    return words_hash("|".join([story_name, *map(str, min(a, b)), *map(str, max(a, b))]))


def is_test(gold_dir: Path) -> bool:
    """Any gold folder but the dev one is held out: its stories may come from the held-out lines."""
    return gold_dir.resolve() != GOLD.resolve()


def load_gold(names: list[str], gold_dir: Path = GOLD) -> dict[str, dict]:
    files = sorted(f for f in gold_dir.glob("*.json") if f.name != ADJUDICATED)
    gold = {f.stem: json.loads(f.read_text(encoding="utf-8")) for f in files}
    test = is_test(gold_dir)
    return {k: with_text(story(k, test), v) for k, v in gold.items() if not names or k in names}


def watch_vectors() -> dict:
    """A dict that holds, after each brief, the sentence vectors the align stage grouped
    (`seen["vectors"]`): `align.group_facts` is wrapped to keep them until `seen["restore"]()`."""
    import newsweave.align as align

    seen: dict = {}
    group_facts = align.group_facts

    def spy(vectors, anchors=None, *, embed=False):
        seen["vectors"] = vectors
        return group_facts(vectors, anchors, embed=embed)

    align.group_facts = spy
    seen["restore"] = lambda: setattr(align, "group_facts", group_facts)
    return seen


def brief_of(pipeline, name: str, test: bool = False):
    """The brief of a story's articles fed as JSON Lines with ids a0, a1, ... and no metadata."""
    return brief_articles(pipeline, story(name, test), name)


def brief_articles(pipeline, articles: list[tuple[str, str]], name: str = "story"):
    """The brief of (id, text) articles fed as JSON Lines with ids a0, a1, ... and no metadata."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.jsonl"
        path.write_text(
            "".join(
                json.dumps({"id": f"a{i}", "text": text}) + "\n"
                for i, (_, text) in enumerate(articles)
            ),
            encoding="utf-8",
        )
        return pipeline.brief_paths([path])


class Located:
    """Gold texts as (source id, start, end) in the brief's cleaned texts."""

    def __init__(self, brief):
        self.by_article = {int(s.input_id[1:]): s for s in brief.sources}
        self.article = {s.id: n for n, s in self.by_article.items()}
        self.witness = {s.id: s.witness or s.id for s in brief.sources}

    def find(self, item: dict) -> tuple[str, int, int] | None:
        source = self.by_article.get(item["article"])
        if source is None:
            return None
        at = source.text.find(item["text"])
        if at < 0:
            at = " ".join(source.text.split()).find(" ".join(item["text"].split()))
            if at < 0:
                return None
            return None  # whitespace changed by cleaning: offsets no longer map; skip
        return source.id, at, at + len(item["text"])


def overlaps(span, loc) -> bool:
    return span.source == loc[0] and span.start < loc[2] and loc[1] < span.end


def score_story(name: str, gold: dict, brief, judged: dict | None = None) -> Score:
    s = Score()
    judged = judged or {}
    where = Located(brief)
    facts = [[where.find(m) for m in f["mentions"]] for f in gold["facts"]]
    facts = [[loc for loc in locs if loc] for locs in facts]
    corroborated = [f for f in brief.facts if f.status != "single-source"]
    # recall: gold claims the brief shows corroborated (a fact covering two independent articles'
    # mentions), their mentions shown corroborated, and gold cross-article pairs in one fact
    for locs in facts:
        if len({where.witness[x[0]] for x in locs}) < 2:
            continue
        s.gold_facts += 1
        shown = [x for x in locs if _shown_elsewhere(x, locs, corroborated, where.witness)]
        s.found_facts += bool(shown)
        s.gold_mentions += len(locs)
        s.found_mentions += len(shown)
    for g, locs in zip(gold["facts"], facts):
        for x, y in combinations(locs, 2):
            if where.witness[x[0]] == where.witness[y[0]]:
                continue
            s.gold_pairs += 1
            if any(
                any(overlaps(m, x) for m in f.mentions) and any(overlaps(m, y) for m in f.mentions)
                for f in corroborated
            ):
                s.found_pairs += 1
            else:
                s.errors.append(f"{name} missed pair {g['id']} ({g['claim']})")
    # precision over the brief's cross-source pairs
    for f in corroborated:
        for a, b in combinations(f.mentions, 2):
            if a.source == b.source or where.witness[a.source] == where.witness[b.source]:
                continue
            s.predicted_pairs += 1
            pa, pb = (
                (where.article[a.source], _full(brief, a)),
                (where.article[b.source], _full(brief, b)),
            )
            key = pair_key(name, pa, pb)
            if any(
                any(overlaps(a, x) for x in locs) and any(overlaps(b, y) for y in locs)
                for locs in facts
            ) or judged.get(key):
                s.right_pairs += 1
            else:
                s.errors.append(
                    f"{name} wrong pair in {f.id}: {_text(brief, a)!r} ~ {_text(brief, b)!r}"
                )
                if key not in judged:  # to judge (kept out of the repository: it holds the words)
                    s.unjudged.append(
                        {
                            "story": name,
                            "pair": key,
                            "a": {"article": pa[0], "text": pa[1]},
                            "b": {"article": pb[0], "text": pb[1]},
                        }
                    )
    # single-source precision
    for f in brief.facts:
        if f.status != "single-source":
            continue
        s.single += 1
        m = f.mentions[0]
        for g, locs in zip(gold["facts"], facts):
            mine = [x for x in locs if overlaps(m, x)]
            if (
                mine
                and len({where.witness[x[0]] for x in locs}) > 1
                and not _shown_elsewhere(mine[0], locs, corroborated, where.witness)
            ):
                s.single_wrong += 1
                s.errors.append(
                    f"{name} single-source but {g['id']} ({g['claim']}): {f.text[:90]!r}"
                )
                break
    _score_conflicts(name, gold, brief, where, s)
    _score_figures(name, gold, brief, where, s)
    return s


def _shown_elsewhere(loc, locs, corroborated, witness) -> bool:
    """Is the claim at `loc` shown corroborated with an independent article's mention of it?"""
    others = [y for y in locs if witness[y[0]] != witness[loc[0]]]
    return any(
        any(overlaps(m, loc) for m in f.mentions)
        and any(overlaps(m, y) for m in f.mentions for y in others)
        for f in corroborated
    )


def _gold_differences(gold: dict) -> list[dict]:
    """Gold conflicts (their values numbered from the gold figures that give the same words), plus
    figures whose values differ that the conflicts list does not repeat."""
    numbered = {
        (v["article"], v["text"]): v.get("value")
        for fig in gold.get("figures", [])
        for v in fig["values"]
    }
    out = [
        {
            **c,
            "values": [
                {**v, "value": v.get("value", numbered.get((v["article"], v["text"])))}
                for v in c["values"]
            ]
            + _figure_values_of(c, gold),
        }
        for c in gold.get("conflicts", [])
    ]
    for fig in gold.get("figures", []):
        if fig["verdict"] != "agree":
            texts = {v["text"] for v in fig["values"]}
            if not any(texts & {v["text"] for v in c["values"]} for c in out):
                out.append(
                    {
                        "kind": "number",
                        "about": fig["quantity"],
                        "values": fig["values"],
                        "verdict": fig["verdict"],
                    }
                )
    return out


def _figure_values_of(conflict: dict, gold: dict) -> list[dict]:
    """The other values of the gold figure a conflict of numbers is about (the conflict names some
    of the articles, the figure every article that gives the quantity): "Buckley, 32" in one more
    article is a value of the conflict "32 vs 31" too."""
    texts = {(v["article"], v["text"]) for v in conflict["values"]}
    for fig in gold.get("figures", []):
        values = fig["values"]
        if fig["verdict"] != "agree" and texts & {(v["article"], v["text"]) for v in values}:
            return [v for v in values if (v["article"], v["text"]) not in texts]
    return []


def _value_hits(values, locs, numbers=None, strict=False) -> set[str]:
    """Sources of gold values that the brief's values match: the brief's value lies in the gold
    value's words, or (figures) it is the same number in the same article, stated elsewhere in it
    (the gold names one place an article gives its figure; the brief may cite its headline).
    `strict`: the brief's value lies in the gold value's words and is the gold's number."""
    numbers = numbers or {}
    hits = set()
    for loc in locs:
        for v in values:
            if v.source != loc[0]:
                continue
            number = numbers.get((v.source, v.start))
            same = (
                loc[3] is not None
                and number is not None
                and abs(number - loc[3]) <= 1e-6 * max(1.0, abs(loc[3]))
            )
            inside = v.start < loc[2] and loc[1] < v.end
            if (
                (inside and (same or loc[3] is None or number is None))
                if strict
                else (inside or same)
            ):
                hits.add(loc[0])
    return hits


def _gold_value(item: dict) -> float | None:
    try:
        return float(str(item.get("value")).replace(",", ""))
    except (TypeError, ValueError):
        return None


def _figure_numbers(brief) -> dict[tuple[str, int], float]:
    return {
        (v.span.source, v.span.start): v.value
        for f in getattr(brief, "figures", [])
        for v in f.values
    }


def _score_conflicts(name, gold, brief, where, s: Score) -> None:
    differences = [
        (c, [(*loc, _gold_value(v)) for v in c["values"] if (loc := where.find(v))])
        for c in _gold_differences(gold)
    ]
    differences = [(c, locs) for c, locs in differences if len({loc[0] for loc in locs}) >= 2]
    shown = list(brief.conflicts)
    numbers = _figure_numbers(brief)
    for c, locs in differences:
        s.gold_conflicts += 1
        if any(len(_value_hits(p.values, locs, numbers)) >= 2 for p in shown):
            s.found_conflicts += 1
        else:
            s.errors.append(f"{name} missed conflict: {c['about']}")
    for p in shown:
        s.predicted_conflicts += 1
        if any(len(_value_hits(p.values, locs, numbers)) >= 2 for _, locs in differences):
            s.right_conflicts += 1
        else:
            s.errors.append(f"{name} invented conflict ({p.kind}): {[v.value for v in p.values]}")


def _score_figures(name, gold, brief, where, s: Score) -> None:
    for fig in gold.get("figures", []):
        locs = [(*loc, _gold_value(v)) for v in fig["values"] if (loc := where.find(v))]
        if len({loc[0] for loc in locs}) < 2:
            continue
        s.gold_figures += 1
        match = best_figure(brief, locs)
        if match is None:
            s.errors.append(f"{name} figure not found: {fig['quantity']} ({fig['verdict']})")
            continue
        s.found_figures += 1
        if match.verdict == fig["verdict"]:
            s.right_verdicts += 1
        else:
            s.errors.append(
                f"{name} figure {fig['quantity']}: {match.verdict}, gold {fig['verdict']}"
            )


def best_figure(brief, locs):
    """The brief figure citing two or more of a gold figure's values, the one citing most of the
    gold values' words (a sentence may give several figures: "killed 230,000 people in 13
    countries"), then most of its numbers; None when none does."""
    numbers = _figure_numbers(brief)
    candidates = [
        f
        for f in getattr(brief, "figures", [])
        if len(_value_hits([v.span for v in f.values], locs, numbers)) >= 2
    ]
    return max(
        candidates,
        key=lambda f: (
            len(_value_hits([v.span for v in f.values], locs, numbers, strict=True)),
            len(_value_hits([v.span for v in f.values], locs, numbers)),
        ),
        default=None,
    )


def _full(brief, span) -> str:
    return brief.source(span.source).text[span.start : span.end]


def _text(brief, span) -> str:
    return brief.source(span.source).text[span.start : span.end][:80]


# --- the peer: TF-IDF sentence matching ----------------------------------------------------------


class PeerBrief:
    """What a TF-IDF sentence matcher would show: sentences of different articles with cosine >=
    `threshold` grouped (greedy, strongest first, one per article a group), the rest single-source;
    no figures, no conflicts. The same sentences newsweave reads, so only the judgement differs."""

    def __init__(self, brief, threshold: float):
        from sklearn.feature_extraction.text import TfidfVectorizer

        self.sources, self.figures, self.conflicts = brief.sources, [], []
        sents = [(d.source.id, s.span) for d in brief.documents for s in d.sentences]
        texts = [brief.source(src).text[sp.start : sp.end] for src, sp in sents]
        matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
        sims = (matrix @ matrix.T).toarray()
        pairs = sorted(
            (
                (sims[i, j], i, j)
                for i, j in combinations(range(len(sents)), 2)
                if sents[i][0] != sents[j][0] and sims[i, j] >= threshold
            ),
            reverse=True,
        )
        group: dict[int, list[int]] = {}
        for _, i, j in pairs:
            gi, gj = group.get(i), group.get(j)
            if gi is None and gj is None:
                group[i] = group[j] = [i, j]
            elif (gi is None) != (gj is None):
                g, k = (gi, j) if gi is not None else (gj, i)
                if sents[k][0] not in {sents[x][0] for x in g}:
                    g.append(k)
                    group[k] = g
        seen, self.facts = set(), []
        for k in range(len(sents)):
            g = group.get(k, [k])
            if id(g) in seen:
                continue
            seen.add(id(g))
            self.facts.append(
                _PeerFact(
                    "corroborated" if len(g) > 1 else "single-source", [sents[x][1] for x in g]
                )
            )

    def source(self, ident):
        return next(s for s in self.sources if s.id == ident)


@dataclass
class _PeerFact:
    status: str
    mentions: list
    text: str = ""
    id: str = "peer"


def _unjudged_line(label: str, s: Score) -> str:
    """Corroborated precision counts a brief pair that neither the gold nor the adjudication covers
    as wrong: a lower bound. Counted right instead, it gives the upper bound."""
    r = lambda a, b: round(100 * a / b, 1) if b else float("nan")  # noqa: E731
    n = len(s.unjudged)
    return (
        f"{label}: {n} of {s.predicted_pairs} brief pairs unjudged; corroborated precision "
        f"{r(s.right_pairs, s.predicted_pairs)} (unjudged counted wrong) to "
        f"{r(s.right_pairs + n, s.predicted_pairs)} (counted right)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*", help="story names (default: all in the gold folder)")
    parser.add_argument(
        "--gold",
        type=Path,
        default=GOLD,
        help="gold folder (default bench/claims_gold, the dev set; bench/claims_gold_test is the "
        "held-out test split, run once at the end of a round)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    parser.add_argument(
        "--peer-threshold", type=float, default=0.5, help="the TF-IDF peer's cosine threshold"
    )
    parser.add_argument("--json", help="write the results here")
    parser.add_argument(
        "--similarity", default=None, help="lexical or embed (default: the pipeline's)"
    )
    parser.add_argument(
        "--unjudged",
        help="append the brief's pairs neither gold nor adjudication covers to this JSON file",
    )
    parser.add_argument(
        "--cross-fit",
        action="store_true",
        help="brief each dev story with the same-claim model fitted on the other folds' stories "
        "(bench/sameclaim_fit.py), so the dev numbers are not fit numbers",
    )
    args = parser.parse_args()
    from newsweave.align import sameclaim
    from newsweave.pipeline import Pipeline

    models = {}
    if args.cross_fit:
        from sameclaim_fit import fold_models

        models = fold_models(args.stories)
    shipped = sameclaim.MODEL

    pipeline = Pipeline(**({"similarity": args.similarity} if args.similarity else {}))
    total, peer = Score(), Score()
    judged = adjudicated(args.gold)
    test = is_test(args.gold)
    for name, gold in load_gold(args.stories, args.gold).items():
        sameclaim.MODEL = models.get(name, shipped)
        brief = brief_of(pipeline, name, test)
        sameclaim.MODEL = shipped
        s = score_story(name, gold, brief, judged)
        p = score_story(name, gold, PeerBrief(brief, args.peer_threshold), judged)
        print(
            f"{name:16} " + "  ".join(f"{k.split()[0][:5]} {v}" for k, v in s.table().items()),
            flush=True,
        )
        if args.verbose:
            print("  " + "\n  ".join(s.errors))
        total.add(s)
        peer.add(p)
    rows = {"newsweave": total.table(), f"TF-IDF >= {args.peer_threshold}": peer.table()}
    width = max(len(k) for k in total.table())
    print(f"\n{'':{width}}  " + "  ".join(f"{k:>18}" for k in rows))
    for key in total.table():
        print(f"{key:{width}}  " + "  ".join(f"{rows[r][key]:>18}" for r in rows))
    print(
        f"\ngold pairs {total.gold_pairs}, brief pairs {total.predicted_pairs}, single-source facts {total.single}, "
        f"gold conflicts {total.gold_conflicts}, brief conflicts {total.predicted_conflicts}, gold figures {total.gold_figures}"
    )
    for label, s in (("newsweave", total), ("TF-IDF", peer)):
        print(_unjudged_line(label, s))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2), encoding="utf-8")
    if args.unjudged:
        old = (
            json.loads(Path(args.unjudged).read_text(encoding="utf-8"))
            if Path(args.unjudged).is_file()
            else []
        )
        seen = {json.dumps(x, sort_keys=True) for x in old}
        new = [
            x for x in total.unjudged + peer.unjudged if json.dumps(x, sort_keys=True) not in seen
        ]
        Path(args.unjudged).write_text(
            json.dumps(old + new, indent=1, ensure_ascii=False), encoding="utf-8"
        )
        print(f"{len(new)} unjudged pairs added to {args.unjudged}")


if __name__ == "__main__":
    main()
