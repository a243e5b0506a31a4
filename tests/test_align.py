"""Alignment pieces that need no model: word diffs, quote notes, witnesses, role conflicts."""

from __future__ import annotations

from newsweave.align.conflicts import _compatible, _head
from newsweave.align.quotes import _notes, overlap, word_diff
from newsweave.dedup import assign_witnesses
from newsweave.models import ConflictValue, Source


def test_word_diff_marks_kept_removed_added():
    diff = word_diff(
        "the importance of a free, fair, balanced, and mutually beneficial trade",
        "free, fair, balanced and mutually beneficial",
    )
    assert diff == [
        ("-", "the importance of a"),
        ("=", "free, fair, balanced, and mutually beneficial"),
        ("-", "trade"),
    ]
    assert word_diff("We think highly", "greatly appreciates") == [
        ("-", "We think highly"),
        ("+", "greatly appreciates"),
    ]


def test_quote_notes_tell_truncation_from_paraphrase():
    assert "truncation" in _notes(["get back into business, fast", "back into business"])[0]
    assert (
        "paraphrase"
        in _notes(
            [
                "We think highly of the U.S. statement",
                "greatly appreciates the positive US position",
            ]
        )[0]
    )


def test_overlap_is_symmetric():
    a, b = ["a", "b", "c", "d"], ["c", "d", "e"]
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
    assert _head("spokesman for China's foreign ministry") == "spokesperson"
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


def test_only_titles_of_office_can_conflict():
    from newsweave.align.conflicts import _role_conflicts
    from newsweave.models import Entity, Role, Span

    def person(*roles):
        return Entity(
            id="e",
            name="Ann Lee",
            type="person",
            roles=[Role(text, Span(f"s{i}", 0, len(text))) for i, text in enumerate(roles)],
        )

    assert _role_conflicts(person("actor", "beleaguered star")) == []  # two descriptions, no clash
    assert (
        _role_conflicts(person("19", "show", "writer")) == []
    )  # an age and a misparse are no titles
    assert _role_conflicts(person("US President", "President")) == []
    # two titles that can both be true are one person described two ways (issue 25)
    assert (
        _role_conflicts(person("White House deputy press secretary", "White House spokesman")) == []
    )
    assert _role_conflicts(person("Prime Minister", "premier")) == []
    former = _role_conflicts(person("former mayor of Tulsa", "mayor"))
    assert former and "former" in former[0].note


def test_two_things_one_person_said_are_no_wording_conflict(pipeline):
    from newsweave.models import Source

    a = (
        'Roy Moore spoke in Gallant on Wednesday. "Yes, I will run for the United States Senate '
        'in 2020," Roy Moore said.'
    )
    b = 'Roy Moore spoke in Gallant on Wednesday. Roy Moore called the reports "fake news."'
    brief = pipeline.run([Source(id="a", raw=a, outlet="A"), Source(id="b", raw=b, outlet="B")])
    assert not [c for c in brief.conflicts if c.kind == "quote"]
    assert len([g for g in brief.quotes if g.speaker == "Roy Moore"]) == 2


def test_one_statement_translated_twice_is_one_quote_group(pipeline):
    from newsweave.models import Source

    a = (
        '"We think highly of the U.S. statement regarding ZTE\'s case," said Lu Kang, a spokesman '
        "for China's foreign ministry."
    )
    b = 'Lu Kang said China "greatly appreciates the positive US position on the ZTE issue".'
    brief = pipeline.run([Source(id="a", raw=a, outlet="A"), Source(id="b", raw=b, outlet="B")])
    groups = [g for g in brief.quotes if g.speaker == "Lu Kang"]
    assert (
        len(groups) == 1
        and {m.span.source for m in groups[0].mentions} == {"a", "b"}
        and groups[0].variant
    )
    assert not [
        c for c in brief.conflicts if c.kind == "quote"
    ]  # wording is shown in the group, not as a conflict


def test_a_title_abbreviated_is_the_same_title():
    from newsweave.align.conflicts import _role_conflicts
    from newsweave.models import Entity, Role, Span

    def person(*roles):
        return Entity(
            id="e",
            name="Bev Perdue",
            type="person",
            roles=[Role(text, Span(f"s{i}", 0, len(text))) for i, text in enumerate(roles)],
        )

    assert _role_conflicts(person("North Carolina Governor", "North Carolina Gov.")) == []
    assert _role_conflicts(person("Senator", "Sen.")) == []
    assert _role_conflicts(person("Investigation spokesman", "spokesperson for TBI")) == []


def test_a_short_phrase_is_not_half_of_a_longer_quote(pipeline):
    from newsweave.models import Source

    a = 'Jeff Herman spoke on Friday in Los Angeles. Jeff Herman said he had "no idea" about the filing.'
    b = (
        'Jeff Herman spoke on Friday in Los Angeles. "Looking back, John Doe No. 117 now believes he '
        'was groomed, and no one stopped it," Jeff Herman said.'
    )
    brief = pipeline.run([Source(id="a", raw=a, outlet="A"), Source(id="b", raw=b, outlet="B")])
    assert not [c for c in brief.conflicts if c.kind == "quote"]


def test_two_one_word_quotes_share_words_only_when_they_are_the_same_word():
    from newsweave.align.quotes import _same_words
    from newsweave.models import QuoteMention, Span

    def utt(text, source):
        return [QuoteMention(Span(source, 0, len(text)), text)]

    assert not _same_words(utt("forever.", "a"), utt("thinking about", "b"))
    assert _same_words(utt("Forever!", "a"), utt("forever.", "b"))
