"""A sample of the standing hostile corpus (bench/hostile_corpus.py) in CI: a few hundred generated
files of every input kind, good and bad, special files and odd names, ingested as one folder.
Nothing raises, no file passes its deadline, every file is named in the run report (skips with
their reason), the child's peak memory stays under 1 GB, and every good article is stored."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import hostile_corpus


def test_a_sample_of_the_hostile_corpus_ends_read_or_skipped_and_stores_every_good_article(
    tmp_path,
):
    corpus = hostile_corpus.generate(tmp_path / "corpus", files=150, seed=7, heavy=False)
    assert {"txt", "html", "jsonl", "csv", "tsv", "rss", "gz", "warc", "names", "sidecar"} <= set(
        corpus.kinds
    )
    assert {"bad", "structured", "special"} <= set(corpus.kinds)
    result = hostile_corpus.run(corpus, tmp_path / "hostile.db")
    assert hostile_corpus.problems(result) == []
    assert result["good_articles_stored"] == result["good_articles"] > 90
    assert result["statuses"]["skipped"] >= 40
