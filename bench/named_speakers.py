"""Who said it, by name: the speaker name the brief puts over each quote, against our gold.

    .venv/bin/python bench/named_speakers.py [--gold bench/speakers_gold] [--json OUT] [--errors]
    .venv/bin/python bench/named_speakers.py --gold bench/speakers_gold_test   # the held-out test
                                                             # split: run once at the end of a round

Gold: `bench/speakers_gold/<story>.json` (see its README): every direct quote and piece of
reported speech of Multi-News stories (lines 0-49, loaded by `bench/claims_data.py` exactly as
the annotator read them), each with the speaker's name as a reader should see it ("Gary Cohn"),
"UNNAMED: <description>" for a speaker the story never names, or "UNKNOWN". Any other gold
folder (`bench/speakers_gold_test/`: Multi-News lines 50-199) is a held-out split: its stories are
loaded with `claims_data.story(name, test=True)`.

Each story's articles go to newsweave as one JSON Lines file (id, text), as a user would give
them. For each gold item, the brief's quote mentions of that article overlapping the gold words
(offsets in the cleaned text; found by exact search after quote-mark normalisation) are the
quote "found"; the name shown is that mention's quote group's speaker (the entity name the
brief heads it with), else none.

Scoring, per gold item found:
- a named gold speaker is right, strictly, when the shown name is the gold name (compared by
  `name_key`: case, dots, "the" ignored); leniently, also when the gold name is one of the
  shown entity's name variants (aliases), the two share their last word ("Cohn" shown for
  "Gary Cohn"), or the shown name's words are all in the gold name ("Kleiner Perkins" for
  "Kleiner Perkins Caufield & Byers"; "ABC7" for "ABC 7 Chicago": letters and digits written
  together count as two words): the same referent under a shorter name; and a country or
  city the brief shows as an organisation (a place that speaks is its government) for the
  gold's "<its adjective> government" ("Malaysia" for "Malaysian government");
- an "UNNAMED" or "UNKNOWN" gold speaker is right when the brief names nobody (it may show the
  describing words, "police", but no entity);
- wrong: another name; "place or time": a place entity or a time expression heads the quote.
Headline: % of gold items found that are right (strict / lenient), and % of all gold items.
Beside it, what the gold cannot score item by item: the brief's voices that overlap no gold
item (titles in quotation marks, "declined to comment", the writer's own "I hope ..."), and how
many of them the brief shows under a name (listed as "extra-named" with `--errors`): a named
voice nobody in the story gave is an error a reader sees, though the annotators may also have
missed a few real ones.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from claims_data import story, with_text  # noqa: E402

GOLD = ROOT / "bench" / "speakers_gold"
_MARKS = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})


def is_test(gold_dir: Path) -> bool:
    """A gold folder named `*_test` is held out: its stories come from the held-out lines (any
    other folder, such as a subset of the dev stories copied elsewhere, reads the dev lines)."""
    return gold_dir.resolve().name.endswith("_test")


def brief_story(pipeline, name: str, articles: list[tuple[str, str]]):
    """The brief of a story's articles, given as one JSON Lines file, and the articles' ids."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.jsonl"
        path.write_text(
            "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in articles), encoding="utf-8"
        )
        brief = pipeline.brief_paths([path])
    return brief, [i for i, _ in articles]


def locate(brief, ident: str, words: str, nth: int = 0) -> tuple[str, int, int] | None:
    """(source id, start, end) of gold words in the cleaned text of the article `ident`: their
    `nth` occurrence there (an article that repeats a paragraph), else the first."""
    source = next((s for s in brief.sources if s.input_id == ident), None)
    if source is None:
        return None
    text, words = source.text.translate(_MARKS), words.translate(_MARKS).strip()
    at = _find_nth(text, words, nth)
    if at < 0:
        at = _find_nth(" ".join(text.split()), " ".join(words.split()), nth)  # whitespace only
        if at < 0:
            return None
    return source.id, at, at + len(words)


def _find_nth(text: str, words: str, nth: int) -> int:
    """Where the `nth` occurrence of `words` starts in `text` (the first if there are fewer; -1 if none)."""
    first = at = text.find(words)
    for _ in range(nth):
        at = text.find(words, at + 1)
        if at < 0:
            return first
    return at


def occurrence(article: str, item: dict) -> int:
    """How many times a gold item's words start in its article before the item's own offsets."""
    n, at = 0, article.find(item["text"])
    while 0 <= at < item["start"]:
        n, at = n + 1, article.find(item["text"], at + 1)
    return n


def shown(brief, where: tuple[str, int, int]) -> tuple[object, object] | None:
    """(quote group, mention) of the brief's quote overlapping the gold words, the longest overlap;
    of equal overlaps, the mention with the fewest words outside the gold words: a nested report
    ("Prosecutors said X, ABC7 reported") is two quotes that both cover X, and the one whose
    words are X is the brief's quote of X (the other is ABC7's report of what prosecutors said)."""
    sid, a, b = where
    best, size = None, (0, 0)
    for g in brief.quotes:
        for q in g.mentions:
            s = q.span
            common = min(b, s.end) - max(a, s.start)
            key = (common, -(s.end - s.start - common))
            if s.source == sid and common > 0 and key > size:
                best, size = (g, q), key
    return best


def name_key(text: str) -> str:
    """The product's `name_key`, with letters and digits written together split ("ABC7" and
    "ABC 7 Chicago" name one station)."""
    from newsweave.extract.entities import name_key as key

    return re.sub(r"(?<=[^\W\d])(?=\d)", " ", key(text))


def judge(brief, group, gold: str) -> str:
    """right / lenient / wrong / place-time / missed-name (gold named, brief names nobody)."""
    entity = brief.entity(group.speaker_id) if group is not None else None
    named_gold = not gold.startswith(("UNNAMED", "UNKNOWN"))
    if entity is not None and (entity.type == "place" or _is_time(entity.name)):
        return "place-time"
    if not named_gold:
        return "right" if entity is None else "wrong"
    if entity is None:
        return "missed-name"
    if name_key(group.speaker or entity.name) == name_key(gold):
        return "right"
    variants = {name_key(v) for v in [entity.name, *entity.aliases]}
    a, b = set(name_key(entity.name).split()), set(name_key(gold).split())
    if (
        name_key(gold) in variants
        or name_key(entity.name).split()[-1:] == name_key(gold).split()[-1:]
        or a <= b
        or (entity.type == "organisation" and _government_of(entity.name, gold))
    ):
        return "lenient"
    return "wrong"


def _government_of(shown: str, gold: str) -> bool:
    """Is the shown name the country's or city's for the gold's government ("Malaysia" for
    "Malaysian government", "North Korea" for "North Korean government"): each of its words
    the start of the gold's word in its place (less a last letter), the gold's last word
    "government"?"""
    said, meant = name_key(shown).split(), name_key(gold).split()
    return (
        meant[-1:] == ["government"]
        and 0 < len(said) < len(meant)
        and all(m.startswith(w[: max(3, len(w) - 1)]) for w, m in zip(said, meant))
    )


def _is_time(name: str) -> bool:
    words = set(name_key(name).split())
    return bool(
        words
        & {
            "gmt",
            "utc",
            "edt",
            "est",
            "am",
            "pm",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "today",
            "yesterday",
        }
    )


def score(pipeline, gold_dir: Path, errors: list[str] | None) -> dict:
    counts: dict = collections.Counter()
    per_story = {}
    test = is_test(gold_dir)
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        articles = story(gold["story"], test)
        gold = with_text(articles, gold)  # the gold keeps offsets, not the datasets' words
        brief, ids = brief_story(pipeline, gold["story"], articles)
        c = collections.Counter()
        located: list[tuple[str, int, int]] = []
        for item in gold["quotes"]:
            c["gold"] += 1
            nth = occurrence(articles[item["article"]][1], item)
            where = locate(brief, ids[item["article"]], item["text"], nth)
            located += [where] if where is not None else []
            hit = shown(brief, where) if where is not None else None
            if hit is None:
                c["not found"] += 1
                continue
            c["found"] += 1
            group, mention = hit
            verdict = judge(brief, group, item["speaker"])
            c[verdict] += 1
            if verdict != "right" and errors is not None:
                errors.append(
                    f"{gold['story']}\ta{item['article']}\t{verdict}\tgold={item['speaker']}"
                    f"\tshown={group.speaker}\tmention={mention.speaker_text}\tgold mention={item['mention']}"
                    f"\t{item['text'][:90]}"
                )
        _count_extra(brief, located, c, gold["story"], errors)
        per_story[gold["story"]] = dict(c)
        counts.update(c)
    return {"stories": len(per_story), "total": dict(counts), "per_story": per_story}


def _count_extra(brief, located: list, c: collections.Counter, name: str, errors) -> None:
    """The brief's voices the gold does not hold: quote mentions overlapping no gold item (the
    annotators list every quote and piece of reported speech, so these are mostly words read as
    speech that are not: "I hope that ...", "militants who want to ..."), and of them those
    shown under a name (a reader sees a named voice that nobody in the story gave)."""
    for group in brief.quotes:
        entity = brief.entity(group.speaker_id)
        for q in group.mentions:
            s = q.span
            if any(sid == s.source and a < s.end and s.start < b for sid, a, b in located):
                continue
            c["extra"] += 1
            c["extra named"] += entity is not None
            if errors is not None and entity is not None:
                source = next(x for x in brief.sources if x.id == s.source)
                errors.append(
                    f"{name}\t{source.input_id}\textra-named\tgold=None\tshown={group.speaker}"
                    f"\tmention={q.speaker_text}\tgold mention=None"
                    f"\t{source.text[s.start : s.end][:90]}"
                )


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--gold",
        type=Path,
        default=GOLD,
        help="gold folder (default bench/speakers_gold, the dev set; bench/speakers_gold_test is "
        "the held-out test split, run once at the end of a round)",
    )
    ap.add_argument("--json", type=Path)
    ap.add_argument("--errors", type=Path, help="write every wrong item here (TSV)")
    args = ap.parse_args(argv)
    from gum_speakers import save
    from newsweave.pipeline import Pipeline

    errors: list[str] = []
    t0 = time.perf_counter()
    result = score(Pipeline(), args.gold, errors)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    _print(result)
    save(result, errors, args.json, args.errors)
    return result


def _print(r: dict) -> None:
    t = collections.Counter(r["total"])
    found, gold = t["found"], t["gold"]
    strict, lenient = t["right"], t["right"] + t["lenient"]

    def pct(a, b):
        return f"{100 * a / b:.1f}" if b else "-"

    print(
        f"named speakers: {r['stories']} stories, {gold} gold items, {found} found ({pct(found, gold)}%), {r['seconds']} s"
    )
    print(
        f"  right name, of found: strict {pct(strict, found)}  lenient {pct(lenient, found)}"
        f"   (of all gold: {pct(strict, gold)} / {pct(lenient, gold)})"
    )
    print(
        f"  wrong name {t['wrong']}  named speaker left unnamed {t['missed-name']}  place or time as speaker {t['place-time']}"
    )
    print(
        f"  voices the gold does not hold: {t['extra']}, {t['extra named']} of them under a name"
        f" ({pct(t['extra named'], t['found'] + t['extra named'])}% of named voices shown)"
    )


if __name__ == "__main__":
    main()
