"""The stories of the claims gold (`bench/claims_gold/`): Multi-News clusters and ECB+ subtopics as
lists of (article id, text), exactly as `bench/claims.py` feeds them to newsweave and as the
annotators read them (`python bench/claims_data.py dump OUTDIR` writes one file an article).

Multi-News (`../shared/datasets/multinews-longbench/multi_news.jsonl`): each line's `context` holds
the articles, each after a line `Passage N:`; NEWLINE_CHAR is a line break. Lines 0-49 feed the dev
gold (`bench/claims_gold/`); lines 50-199 only the held-out test gold (`bench/claims_gold_test/`,
read with `test=True`, `--test` below).
ECB+ (`../shared/datasets/ecbplus/`): one subtopic's documents, tokens joined back into text by
`../shared/tools/ecb_story.py` (imported, not copied).
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MULTINEWS = SHARED / "datasets" / "multinews-longbench" / "multi_news.jsonl"
ECB = SHARED / "datasets" / "ecbplus" / "ECB+_LREC2014" / "ECB+"
PASSAGE = re.compile(r"(?m)^Passage \d+:\n")
DEV_LINES, TEST_LINES = range(0, 50), range(50, 200)


def multinews(line: int, test: bool = False) -> list[tuple[str, str]]:
    """Articles of Multi-News line `line`: 0-49 (dev), or 50-199 with `test` (the held-out split)."""
    lines = TEST_LINES if test else DEV_LINES
    if line not in lines:
        raise ValueError(
            f"the claims {'test' if test else 'dev'} gold takes Multi-News stories from lines "
            f"{lines.start}-{lines.stop - 1} only"
        )
    with open(MULTINEWS, encoding="utf-8") as fh:
        for i, row in enumerate(fh):
            if i == line:
                context = json.loads(row)["context"].replace("NEWLINE_CHAR", "\n")
                break
    parts = list(PASSAGE.split(context)[1:])
    return [(f"a{i}", _paragraphs(p)) for i, p in enumerate(parts)]


def _paragraphs(text: str) -> str:
    return "\n\n".join(line.strip() for line in text.split("\n") if line.strip())


def ecb(topic: int, kind: str) -> list[tuple[str, str]]:
    """Articles of one ECB+ subtopic (`kind` "ecb" or "ecbplus"), in document number order."""
    spec = importlib.util.spec_from_file_location("ecb_story", SHARED / "tools" / "ecb_story.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    files = [
        p for p in (ECB / str(topic)).glob("*.xml") if re.fullmatch(rf"{topic}_\d+{kind}", p.stem)
    ]
    files.sort(key=lambda p: int(re.match(r"\d+_(\d+)", p.stem).group(1)))
    out = [(f.stem, "\n\n".join(module.sentences(f))) for f in files]
    return out


def story(name: str, test: bool = False) -> list[tuple[str, str]]:
    """`mn-<line>` or `ecb-<topic>-<ecb|ecbplus>`; `test`: a story of the held-out test gold."""
    kind, _, rest = name.partition("-")
    if kind == "mn":
        return multinews(int(rest), test)
    topic, _, sub = rest.partition("-")
    return ecb(int(topic), sub)


def main(argv: list[str]) -> None:
    test = "--test" in argv
    argv = [a for a in argv if a != "--test"]
    if len(argv) < 3 or argv[0] != "dump":
        sys.exit(
            "usage: claims_data.py dump [--test] OUTDIR STORY...  (STORY: mn-<line> or "
            "ecb-<topic>-<ecb|ecbplus>; --test: a story of the held-out test gold)"
        )
    out = Path(argv[1])
    for name in argv[2:]:
        try:
            articles = story(name, test)
        except ValueError as e:
            sys.exit(f"claims_data.py: {name}: {e}")
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for i, (ident, text) in enumerate(articles):
            (folder / f"article-{i}.txt").write_text(
                f"[article {i}: {ident}]\n\n{text}\n", encoding="utf-8"
            )


if __name__ == "__main__":
    main(sys.argv[1:])


# --- gold spans without the datasets' text ----------------------------------------------------------
# The gold files name a span by its article and offsets into that article's text as `story` loads it,
# with a short hash of the words to check them: the repository holds none of the datasets' text.


def span_of(articles: list[tuple[str, str]], item: dict) -> str:
    """The words a gold item names ({"article", "start", "end", "sha"}), checked against its hash."""
    text = articles[item["article"]][1][item["start"] : item["end"]]
    if words_hash(text) != item["sha"]:
        raise ValueError(
            f"gold span {item} does not match the dataset text: was the dataset changed?"
        )
    return text


def words_hash(text: str) -> str:
    import hashlib

    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def with_text(articles: list[tuple[str, str]], gold):
    """A copy of a gold structure in which every span item also carries its `text`."""
    if isinstance(gold, dict):
        out = {k: with_text(articles, v) for k, v in gold.items()}
        if {"article", "start", "end", "sha"} <= gold.keys():
            out["text"] = span_of(articles, gold)
        return out
    if isinstance(gold, list):
        return [with_text(articles, x) for x in gold]
    return gold
