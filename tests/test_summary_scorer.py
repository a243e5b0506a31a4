"""The summary's sentence scorer: its features, read off the facts, and its learnt ranking."""

from __future__ import annotations

import pytest

from newsweave.models import Source
from newsweave.summarize import candidates, ranked, scorer

HARBOUR = (
    "Harbour bridge shut for repairs\n\n"
    "The city council voted on Tuesday to close the old harbour bridge for six months of repairs.\n\n"
    'Mayor Ana Ruiz said: "We had no choice, the bridge is simply not safe any more for cars."\n\n'
    "A local bakery on Quay Street has been selling bread and cakes since the spring of 1950."
)
HARBOUR_TOO = (
    "Council closes harbour bridge\n\n"
    "The council voted on Tuesday to close the old harbour bridge for six months of repairs.\n\n"
    "Ferries will carry commuters from the north pier every twenty minutes while the work lasts."
)


@pytest.fixture(scope="module")
def harbour(pipeline):
    sources = [Source(id="a1", raw=HARBOUR), Source(id="a2", raw=HARBOUR_TOO)]
    return pipeline.align(sources)[3]


def _by_start(alignment, start: str):
    found = [c for c in candidates(alignment) if c.best.sentence.text.startswith(start)]
    assert found, start
    return found[0].features


def test_features_say_who_states_a_fact_and_where(harbour):
    vote = _by_start(harbour, "The city council voted")
    bakery = _by_start(harbour, "A local bakery")
    assert set(vote) == set(scorer.FEATURES)
    assert vote["witnesses"] == 1 and vote["share"] == 1.0
    assert bakery["witnesses"] == 0 and bakery["share"] == 0.5
    assert vote["index"] > bakery["index"] and vote["position"] < bakery["position"]
    assert vote["first"] > bakery["first"] and vote["title"] == bakery["title"] == 0.0
    assert vote["lead"] == 1.0 and vote["quoted"] == 0.0
    assert vote["figures"] == 1 and vote["dates"] == 0  # six months; Tuesday of no known week
    assert bakery["dates"] == 1 and bakery["figures"] == 0  # 1950


def test_consensus_is_how_widely_the_sentences_words_are_used(harbour):
    vote = _by_start(harbour, "The city council voted")
    bakery = _by_start(harbour, "A local bakery")
    assert 0.5 < vote["consensus"] <= 1.0  # both sources tell of the council, bridge and repairs
    assert bakery["consensus"] == 0.5  # only its own source speaks of bakeries and bread


def test_a_quote_is_mostly_quoted_words(harbour):
    quote = _by_start(harbour, "Mayor Ana Ruiz said")
    assert 0.5 < quote["quoted"] < 1.0
    assert quote["names"] == 1 and quote["lead"] == 0.0


def test_the_headline_feature_is_the_likeness_to_another_sources_opening(harbour):
    vote = _by_start(harbour, "The city council voted")
    bakery = _by_start(harbour, "A local bakery")
    assert vote["headline"] > bakery["headline"] >= 0.0


def test_the_score_is_the_models_sum(monkeypatch):
    x = dict.fromkeys(scorer.FEATURES, 0.0) | {"witnesses": 2.0, "central": 0.5}
    monkeypatch.setattr(scorer, "MODEL", ((("witnesses", 1.5), ("central", -2.0)), 0.25))
    assert scorer.score(x) == pytest.approx(0.25 + 3.0 - 1.0)


def test_the_model_orders_the_summary(harbour, monkeypatch):
    """What the model prefers comes first: here, the latest sentence, then the earliest."""
    late = ((("position", 1.0),), 0.0)
    monkeypatch.setattr(scorer, "MODEL", late)
    monkeypatch.setattr("newsweave.summarize.lead_index", lambda *_: None)
    texts = [s.text for s in ranked(harbour)]
    assert texts[0].startswith("A local bakery")
    monkeypatch.setattr(scorer, "MODEL", ((("position", -1.0),), 0.0))
    assert [s.text for s in ranked(harbour)][-1].startswith("A local bakery")


def test_the_shipped_model_puts_the_shared_news_before_a_lone_aside(harbour):
    texts = [s.text for s in ranked(harbour)]
    vote = next(i for i, t in enumerate(texts) if "voted on Tuesday" in t)
    bakery = next(i for i, t in enumerate(texts) if t.startswith("A local bakery"))
    assert vote < bakery
