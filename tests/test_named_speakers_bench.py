"""`bench/named_speakers.py` finds each gold item's words in the brief's cleaned text: the same
occurrence as the gold's offsets when an article repeats the words (a caption and its paragraph)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _module():
    sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(
        "bench_named_speakers", BENCH / "named_speakers.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ARTICLE = (
    "Caption: the officer said “the error was caught quickly.”\n\n"
    "Body text.\n\nThe officer said “the error was caught quickly.” Then more."
)
WORDS = "the error was caught quickly."


def test_second_occurrence_is_located_at_the_second_place():
    ns = _module()
    second = ARTICLE.rindex(WORDS)
    item = {"text": WORDS, "start": second}
    assert ns.occurrence(ARTICLE, item) == 1
    assert ns.occurrence(ARTICLE, {"text": WORDS, "start": ARTICLE.index(WORDS)}) == 0
    cleaned = "  " + ARTICLE.replace("“", '"').replace("”", '"')  # cleaning shifts offsets
    brief = SimpleNamespace(sources=[SimpleNamespace(input_id="a0", id="s1", text=cleaned)])
    sid, start, end = ns.locate(brief, "a0", WORDS, ns.occurrence(ARTICLE, item))
    assert (sid, start, end) == ("s1", cleaned.rindex(WORDS), cleaned.rindex(WORDS) + len(WORDS))
    assert ns.locate(brief, "a0", WORDS)[1] == cleaned.index(WORDS)


def test_fewer_occurrences_in_the_cleaned_text_fall_back_to_the_first():
    ns = _module()
    brief = SimpleNamespace(sources=[SimpleNamespace(input_id="a0", id="s1", text="x " + WORDS)])
    assert ns.locate(brief, "a0", WORDS, 3) == ("s1", 2, 2 + len(WORDS))
    assert ns.locate(brief, "a0", "words not there at all", 0) is None
    assert ns.locate(brief, "missing", WORDS, 0) is None


def test_of_two_quotes_covering_the_words_the_one_that_is_the_words_is_shown():
    ns = _module()

    def quote(speaker, start, end):
        mention = SimpleNamespace(span=SimpleNamespace(source="s1", start=start, end=end))
        return SimpleNamespace(speaker=speaker, mentions=[mention])

    # "Officials said the bridge was closed, the station reported": the words are 15-37
    outer, inner = quote("the station", 0, 37), quote("officials", 15, 37)
    assert ns.shown(SimpleNamespace(quotes=[outer, inner]), ("s1", 15, 37))[0] is inner
    assert ns.shown(SimpleNamespace(quotes=[inner, outer]), ("s1", 15, 37))[0] is inner
    longer = quote("the mayor", 10, 37)  # covers more of the words than a part of them
    part = quote("officials", 20, 37)
    assert ns.shown(SimpleNamespace(quotes=[part, longer]), ("s1", 15, 37))[0] is longer
    assert ns.shown(SimpleNamespace(quotes=[outer]), ("s1", 40, 50)) is None


def test_a_shorter_name_with_letters_and_digits_together_is_lenient():
    bench = _module()
    station = SimpleNamespace(name="ABC7", aliases=[], type="organisation")
    brief = SimpleNamespace(entity=lambda _id: station)
    group = SimpleNamespace(speaker_id="abc7", speaker="ABC7")
    assert bench.judge(brief, group, "ABC 7 Chicago") == "lenient"
    assert bench.judge(brief, group, "NBC 5 Chicago") == "wrong"


def test_a_country_shown_as_an_organisation_is_lenient_for_its_government():
    bench = _module()

    def judged(name, etype, gold):
        entity = SimpleNamespace(name=name, aliases=[], type=etype)
        brief = SimpleNamespace(entity=lambda _id: entity)
        return bench.judge(brief, SimpleNamespace(speaker_id="x", speaker=name), gold)

    assert judged("Malaysia", "organisation", "Malaysian government") == "lenient"
    assert judged("North Korea", "organisation", "North Korean government") == "lenient"
    assert judged("Malaysia", "place", "Malaysian government") == "place-time"
    assert judged("Malta", "organisation", "Malaysian government") == "wrong"
    assert judged("Malaysia", "organisation", "Malaysian Airlines") == "wrong"
