"""Alignment pieces that need no model: word diffs, quote notes, witnesses, role conflicts."""

from __future__ import annotations

from newsweave.align.conflicts import _compatible, _head
from newsweave.align.quotes import _notes, overlap, word_diff
from newsweave.dedup import assign_witnesses
from newsweave.models import ConflictValue, Source


def test_word_diff_marks_kept_removed_added():
    diff = word_diff("the importance of a free, fair, balanced, and mutually beneficial trade", "free, fair, balanced and mutually beneficial")
    assert diff == [("-", "the importance of a"), ("=", "free, fair, balanced, and mutually beneficial"), ("-", "trade")]
    assert word_diff("We think highly", "greatly appreciates") == [("-", "We think highly"), ("+", "greatly appreciates")]


def test_quote_notes_tell_truncation_from_paraphrase():
    assert "truncation" in _notes(["get back into business, fast", "back into business"])[0]
    assert "paraphrase" in _notes(["We think highly of the U.S. statement", "greatly appreciates the positive US position"])[0]


def test_overlap_is_symmetric():
    a, b = "a b c d".split(), "c d e".split()
    assert overlap(a, b) == overlap(b, a) == 2 / 3


def test_wire_copies_share_a_witness():
    body = " ".join(f"word{i}" for i in range(200))
    a = Source(id="a", raw="", text=body)
    b = Source(id="b", raw="", text="Local intro line. " + body + " More From Station")
    c = Source(id="c", raw="", text=" ".join(f"other{i}" for i in range(200)))
    groups = assign_witnesses([a, b, c])
    assert a.witness == b.witness == "a" and c.witness == "c"
    assert sorted(map(sorted, groups)) == [["a", "b"], ["c"]]


def test_role_heads_and_compatibility():
    assert _head("spokesman for China's foreign ministry") == "spokesman"
    assert _head("White House deputy press secretary") == "secretary"
    v = lambda s: ConflictValue("s", s, 0, 1)  # noqa: E731
    assert _compatible([v("US President"), v("President")])
    assert _compatible([v("Vice Premier"), v("Chinese Vice-Premier")])
    assert not _compatible([v("White House deputy press secretary"), v("White House spokesman")])


def test_a_quote_variant_from_a_third_outlet_is_the_one_diffed():
    from newsweave.align.quotes import _contrast, _notes

    same = "We have no choice, and the work must start now."
    pair = _contrast([same, same.replace(",", ""), "There is no alternative, the work must start."])
    assert pair == (same, "There is no alternative, the work must start.")
    assert "paraphrase" in _notes(pair)[0] or "edited" in _notes(pair)[0]
