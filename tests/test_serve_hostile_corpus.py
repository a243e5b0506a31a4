"""A sample of the web app under the standing hostile corpus (bench/hostile_web.py) in CI: a real
`newsweave serve` on loopback gets about 50 generated files of every kind by `POST /upload`,
`POST /upload.json` and `POST /api/articles` while a second client reads a stored story. No 500,
no response without the security headers, no traceback in the server's log, and every story,
the ones stored before the payloads included, still answers its page, twin and brief API."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import hostile_corpus
import hostile_web


def test_a_sample_of_the_hostile_corpus_sent_to_the_web_app_breaks_nothing(tmp_path):
    corpus = hostile_corpus.generate(tmp_path / "corpus", files=54, seed=11, heavy=False)
    result = hostile_web.run(corpus, tmp_path)
    assert hostile_web.problems(result) == []
    statuses = result["statuses"]
    for endpoint in ("POST /upload", "POST /upload.json", "POST /api/articles (json)"):
        assert statuses.get(f"{endpoint} 200", 0) >= 10, statuses  # good files were briefed
    assert sum(n for k, n in statuses.items() if k.startswith("POST /upload") and " 4" in k) >= 5
    assert result["stories_before"] == 3 and result["stories_after"] > 3
    for phase in ("uploads", "ingest"):  # the story was read meanwhile
        assert result["story_page_s"][phase]["n"] >= 2, result["story_page_s"]
