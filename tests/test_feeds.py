"""Feeds from files: RSS 2.0, Atom, RSS 1.0; teasers, malformed and hostile feeds."""

from __future__ import annotations

import datetime as dt
import time
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.ingest import read_paths
from newsweave.ingest.feeds import html_text, looks_like_feed

BODY = (
    "The council voted on Tuesday to approve the new budget after a long debate. "
    "Members said the plan would fund schools and roads. The mayor welcomed the vote.\n\n"
    "Opponents said the budget was too large and promised to challenge it next year."
)
OTHER = (
    "Heavy rain flooded the river valley overnight and forced hundreds of families from their homes. "
    "Rescue teams worked through the night.\n\nOfficials said the water would recede by the weekend."
)
BODY_HTML = "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
OTHER_HTML = "".join(f"<p>{p}</p>" for p in OTHER.split("\n\n"))


def rss(items: str, title: str = "The Gazette", head: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>{head}\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>{title}</title><link>https://gazette.test/</link>{items}</channel></rss>"
    )


def item(
    guid: str,
    *,
    content: str | None = None,
    summary: str = "A short teaser.",
    date: str | None = None,
    link: str | None = "https://gazette.test/{guid}",
) -> str:
    parts = [
        f"<title>Story {guid}</title>",
        f"<guid>{guid}</guid>",
        f"<description><![CDATA[{summary}]]></description>",
    ]
    if link:
        parts.append(f"<link>{link.format(guid=guid)}</link>")
    if content is not None:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    if date:
        parts.append(f"<pubDate>{date}</pubDate>")
    return "<item>" + "".join(parts) + "</item>"


def _write(path, text):
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_rss_full_content_entries_become_sources(tmp_path):
    f = _write(
        tmp_path / "news.rss",
        rss(
            item("a1", content=BODY_HTML, date="Tue, 05 Jan 2021 10:00:00 GMT")
            + item("a2", content=OTHER_HTML, date="2021-01-06T08:00:00Z")
        ),
    )
    result = read_paths([f])
    assert not result.skipped and not result.warnings
    a, b = result.sources
    assert a.raw == BODY and b.raw == OTHER  # paragraphs kept as blank-line separated blocks
    assert (a.title, a.url, a.published, a.outlet, a.input_id, a.path) == (
        "Story a1",
        "https://gazette.test/a1",
        dt.date(2021, 1, 5),
        "The Gazette",
        "a1",
        str(f),
    )
    assert b.published == dt.date(2021, 1, 6)


def test_atom_content_and_entry_ids(tmp_path):
    atom = (
        '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        '<entry><id>urn:x:1</id><title>Flood</title><link href="https://wire.test/flood"/>'
        f'<updated>2022-03-04T12:00:00+02:00</updated><content type="html">{OTHER_HTML.replace("<", "&lt;")}'
        "</content></entry></feed>"
    )
    result = read_paths([_write(tmp_path / "wire.atom", atom)])
    (s,) = result.sources
    assert (s.raw, s.input_id, s.url, s.outlet, s.published) == (
        OTHER,
        "urn:x:1",
        "https://wire.test/flood",
        "Wire",
        dt.date(2022, 3, 4),
    )


def test_a_feed_with_an_unknown_suffix_is_sniffed(tmp_path):
    f = _write(tmp_path / "feed", rss(item("a1", content=BODY_HTML)))
    assert [s.input_id for s in read_paths([f]).sources] == ["a1"]
    assert looks_like_feed('<?xml version="1.0"?>\n<!-- c -->\n<rdf:RDF xmlns:rdf="x">')
    assert not looks_like_feed("<html><body>rss</body></html>")


def test_rss1_rdf_feed(tmp_path):
    rdf = (
        '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://r.test/"><title>RDF News</title></channel>'
        f'<item rdf:about="https://r.test/1"><title>One</title><link>https://r.test/1</link>'
        f"<description>{BODY}</description></item></rdf:RDF>"
    )
    (s,) = read_paths([_write(tmp_path / "r.xml", rdf)]).sources
    assert (s.outlet, s.input_id, s.raw.split()[:3]) == (
        "RDF News",
        "https://r.test/1",
        ["The", "council", "voted"],
    )


def test_teaser_only_entries_are_skipped_one_by_one_with_how_to_fetch(tmp_path):
    f = _write(
        tmp_path / "t.rss",
        rss(item("t1") + item("t2", link=None) + item("full", content=BODY_HTML)),
    )
    result = read_paths([f])
    assert [s.input_id for s in result.sources] == ["full"]
    first, second = result.skipped
    assert first.path == f"{f}#entry 1" and second.path == f"{f}#entry 2"
    assert "carries only a summary of this entry (3 words)" in first.reason
    assert "give https://gazette.test/t1 as an input" in first.reason
    assert "no link to it" in second.reason


def test_malformed_xml_without_entries_is_one_skip(tmp_path):
    f = _write(tmp_path / "bad.xml", "<rss><channel><title>x</title><oops")
    result = read_paths([f])
    (skip,) = result.skipped
    assert (
        skip.path == str(f)
        and "not well-formed" in skip.reason
        and "expected an RSS 2.0" in skip.reason
    )


def test_a_feed_with_no_entries(tmp_path):
    (skip,) = read_paths([_write(tmp_path / "e.rss", rss(""))]).skipped
    assert "a feed with no entries" in skip.reason


def test_bozo_feed_with_entries_keeps_them_and_warns(tmp_path):
    broken = rss(item("a1", content=BODY_HTML) + item("a2", content=OTHER_HTML)).replace(
        "</channel></rss>", "<p>&bad"
    )
    result = read_paths([_write(tmp_path / "b.rss", broken)])
    assert [s.input_id for s in result.sources] == ["a1", "a2"] and not result.skipped
    (warning,) = result.warnings
    assert "not well-formed XML" in warning and "2 entries were read leniently" in warning


def test_entries_with_bad_dates_are_kept_with_a_warning(tmp_path):
    f = _write(
        tmp_path / "d.rss",
        rss(
            item("a1", content=BODY_HTML, date="last Tuesday")
            + item("a2", content=OTHER_HTML, date="2021-13-45")
        ),
    )
    result = read_paths([f])
    assert [s.published for s in result.sources] == [None, None] and not result.skipped
    assert [w.split(":")[0] for w in result.warnings] == [f"{f}#entry 1", f"{f}#entry 2"]
    assert "last Tuesday" in result.warnings[0] and "publication date" in result.warnings[0]


def test_duplicate_entries(tmp_path):
    f = _write(
        tmp_path / "dup.rss",
        rss(
            item("a1", content=BODY_HTML)
            + item("a1", content=OTHER_HTML)
            + item("a3", content=BODY_HTML)
        ),
    )
    result = read_paths([f])
    assert [s.input_id for s in result.sources] == ["a1"]
    (same_id,), (same_text,) = result.skipped, result.duplicates
    assert same_id.path == f"{f}#entry 2" and "repeats the id of" in same_id.reason
    assert same_text.path == f"{f}#entry 3" and same_text.reason.startswith(
        f"duplicate of {f}#entry 1"
    )


LAUGHS = (
    '<!DOCTYPE rss [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">\n' for i in range(1, 10)
    )
    + "]>"
)


def test_billion_laughs_is_refused_quickly_with_bounded_memory(tmp_path):
    f = _write(tmp_path / "lol.rss", rss(item("a1", content="&lol9; " + BODY_HTML), head=LAUGHS))
    tracemalloc.start()
    start = time.perf_counter()
    result = read_paths([f])
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert time.perf_counter() - start < 1 and peak < 20_000_000
    (skip,) = result.skipped
    assert (
        not result.sources
        and "declares XML entities (lol, lol1, lol2, lol3, lol4, ...)" in skip.reason
    )
    assert "refused for safety" in skip.reason


@pytest.mark.parametrize(
    "entity",
    ['<!ENTITY x SYSTEM "file:///etc/passwd">', '<!ENTITY % x SYSTEM "file:///etc/passwd"> %x;'],
)
@pytest.mark.parametrize("before", ["", "<!-- a <b>comment</b> --><?pi <c> ?>"])
def test_external_entities_are_refused(tmp_path, entity, before):
    head = f"{before}<!DOCTYPE rss [{entity}]>"
    f = _write(tmp_path / "xxe.rss", rss(item("a1", content="&x; " + BODY_HTML), head=head))
    result = read_paths([f])
    (skip,) = result.skipped
    assert not result.sources and "declares XML entities (x)" in skip.reason
    assert "root:" not in repr(result)


def test_an_external_dtd_without_entities_is_fine(tmp_path):
    head = '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/rss-0.91.dtd">'
    assert (
        len(
            read_paths(
                [_write(tmp_path / "old.rss", rss(item("a1", content=BODY_HTML), head=head))]
            ).sources
        )
        == 1
    )


def test_html_fragments_to_text():
    html = (
        "<h2>Head</h2><p>One <b>bold</b>\n word.</p><script>x()</script><ul><li>a</li><li>b</li></ul>"
        "<p>Line<br>break &amp; more</p>"
    )
    assert html_text(html) == "Head\n\nOne bold word.\n\na\n\nb\n\nLine\nbreak & more"
    assert html_text("plain  text\n\nsecond") == "plain text\n\nsecond"


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.sampled_from(
            [
                b"<rss><channel><item><description>",
                b'<feed xmlns="http://www.w3.org/2005/Atom">',
                b"<!DOCTYPE rss [",
                b"<rdf:RDF><item>",
            ]
        ).flatmap(lambda head: st.binary(max_size=200).map(lambda tail: head + tail)),
    )
)
def test_random_bytes_in_a_feed_file_never_raise(data):
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        f = Path(folder) / "x.rss"
        f.write_bytes(data)
        result = read_paths([f])
    assert len(result.sources) + len(result.skipped) >= 1


def test_control_characters_and_lone_surrogates_in_entry_html_are_dropped():
    # found by tests/test_fuzz.py: lxml refused to store the text ("All strings must be XML compatible")
    assert html_text("<p>the\x01cost \ud800 rose</p><p>next</p>") == "thecost \ufffd rose\n\nnext"
