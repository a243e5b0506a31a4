"""Ingest: formats, metadata, content-hash ids, and every kind of bad input skipped with a reason."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import hashlib
import io
import json
import zipfile
from importlib import resources

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.errors import MetadataError
from newsweave.ingest import IngestResult, example_sources, read_paths, source_id
from newsweave.ingest.meta import parse_date_text

BODY = (
    "The council voted on Tuesday to approve the new budget after a long debate. "
    "Members said the plan would fund schools and roads. The mayor welcomed the vote.\n\n"
    "Opponents said the budget was too large and promised to challenge it next year."
)
OTHER = (
    "Heavy rain flooded the river valley overnight and forced hundreds of families from their homes. "
    "Rescue teams worked through the night.\n\nOfficials said the water would recede by the weekend."
)
HTML = (
    "<html><head><title>Budget passes</title></head><body><nav>Home | News | Sport</nav><article>"
    "<h1>Budget passes</h1>"
    + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    + "</article><footer>Copyright 2020 Example Media</footer></body></html>"
)


def _write(path, text, meta=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    if meta is not None:
        path.with_name(path.name + ".meta.json").write_text(json.dumps(meta))
    return path


def _only_skip(result: IngestResult):
    assert len(result.skipped) == 1, result.skipped
    return result.skipped[0]


# --- plain text and ids -------------------------------------------------------------------------


def test_plain_text_is_kept_exactly_with_a_content_hash_id(tmp_path):
    text = "  " + BODY.replace("\n\n", "\r\n\r\n") + "  \n\n\n"
    f = _write(tmp_path / "a.txt", text)
    (s,) = read_paths([f]).sources
    assert s.raw == text and s.id == hashlib.sha256(text.encode()).hexdigest()[:16] == source_id(
        text
    )
    assert (s.path, s.input_id, s.outlet, s.published) == (str(f), None, None, None)
    assert (s.text, s.removed, s.witness) == ("", [], "")


def test_ids_are_stable_and_identical_texts_are_one_article(tmp_path):
    a, b = _write(tmp_path / "a.txt", BODY), _write(tmp_path / "b.md", BODY)
    j = _write(tmp_path / "c.jsonl", json.dumps({"id": 1, "text": BODY}))
    first, again = read_paths([a, b, j]), read_paths([a])
    assert [s.id for s in first.sources] == [s.id for s in again.sources] == [source_id(BODY)]
    assert not first.skipped
    assert [(k.path, k.reason.split(" (")[0]) for k in first.duplicates] == [
        (str(b), f"duplicate of {a}"),
        (f"{j}:1", f"duplicate of {a}"),
    ]


def test_a_single_path_string_is_one_path(tmp_path):
    assert len(read_paths(str(_write(tmp_path / "a.txt", BODY))).sources) == 1


def test_a_file_named_twice_is_read_once(tmp_path):
    f = _write(tmp_path / "a.txt", BODY)
    result = read_paths([tmp_path, f, tmp_path / "." / "a.txt"])
    assert len(result.sources) == 1 and not result.skipped


@pytest.mark.parametrize(
    "encoded", [codecs.BOM_UTF8 + BODY.encode(), BODY.encode("utf-16"), BODY.encode("utf-32")]
)
def test_unicode_with_a_byte_order_mark_is_accepted(tmp_path, encoded):
    (s,) = read_paths([_write(tmp_path / "a.txt", encoded)]).sources
    assert s.raw == BODY


# --- metadata -----------------------------------------------------------------------------------


def test_sidecar_metadata_with_unknown_keys_ignored(tmp_path):
    f = _write(
        tmp_path / "a.txt",
        BODY,
        {
            "outlet": "Daily",
            "published": "2020-03-03",
            "title": " T ",
            "url": "https://x.test/a",
            "author": "ignored",
        },
    )
    result = read_paths([f])
    (s,) = result.sources
    assert (s.outlet, s.published, s.title, s.url) == (
        "Daily",
        dt.date(2020, 3, 3),
        "T",
        "https://x.test/a",
    )
    assert not result.skipped and not result.warnings


def test_meta_one_object_applies_to_files_without_a_sidecar(tmp_path):
    a = _write(tmp_path / "a.txt", BODY)
    b = _write(tmp_path / "b.txt", OTHER, {"outlet": "Own"})
    one = _write(
        tmp_path / "meta.json",
        json.dumps({"outlet": "Wire", "published": "2021-01-02T23:00:00-05:00"}),
    )
    result = read_paths(
        [tmp_path], meta=one
    )  # the --meta file sits in the folder: not read as an article
    assert [(s.path, s.outlet, s.published) for s in result.sources] == [
        (str(a), "Wire", dt.date(2021, 1, 2)),
        (str(b), "Own", None),
    ]
    assert not result.skipped


def test_meta_keyed_by_basename_or_path_as_given(tmp_path):
    a, b = _write(tmp_path / "a.txt", BODY), _write(tmp_path / "b.txt", OTHER)
    keyed = _write(
        tmp_path / "k.json",
        json.dumps(
            {
                "a.txt": {"outlet": "A"},
                str(b): {"outlet": "B", "published": "Tue, 05 Jan 2021 10:00:00 GMT"},
                "typo.txt": {"outlet": "C"},
            }
        ),
    )
    result = read_paths([a, b], meta=keyed)
    assert [(s.outlet, s.published) for s in result.sources] == [
        ("A", None),
        ("B", dt.date(2021, 1, 5)),
    ]
    assert len(result.warnings) == 1 and "typo.txt" in result.warnings[0]


@pytest.mark.parametrize(
    "content, expected",
    [
        (None, "not found"),
        ("{oops", "not valid JSON"),
        ("[1, 2]", "found an array"),
        ('{"a.txt": "Reuters"}', "entry 'a.txt' is a string"),
    ],
)
def test_a_broken_meta_file_is_a_metadata_error(tmp_path, content, expected):
    m = tmp_path / "m.json"
    if content is not None:
        m.write_text(content)
    with pytest.raises(MetadataError, match=expected) as info:
        read_paths([_write(tmp_path / "a.txt", BODY)], meta=m)
    assert info.value.path == str(m)


def test_bad_sidecar_and_bad_values_are_warnings_not_skips(tmp_path):
    f = _write(tmp_path / "a.txt", BODY)
    (tmp_path / "a.txt.meta.json").write_text("{not json")
    g = _write(tmp_path / "b.txt", OTHER, {"published": "last Tuesday", "outlet": 42})
    result = read_paths([f, g])
    assert [s.published for s in result.sources] == [None, None] and not result.skipped
    w1, w2, w3 = result.warnings
    assert "a.txt.meta.json" in w1 and "not valid JSON" in w1 and "without metadata" in w1
    assert "b.txt" in w2 and "'outlet'" in w2
    assert "b.txt" in w3 and "last Tuesday" in w3


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2018-05-14", dt.date(2018, 5, 14)),
        ("2018-05-14T23:30:00Z", dt.date(2018, 5, 14)),
        ("2018-05-14T23:30:00.123+08:00", dt.date(2018, 5, 14)),
        ("2018-05-14 09:00", dt.date(2018, 5, 14)),
        ("Mon, 14 May 2018 10:00:00 +0000", dt.date(2018, 5, 14)),
        ("14 May 2018 10:00 GMT", dt.date(2018, 5, 14)),
        ("2018-02-30", None),
        ("May 2018", None),
        ("2018", None),
        ("yesterday", None),
    ],
)
def test_published_date_formats(text, expected):
    assert parse_date_text(text) == expected


# --- HTML ---------------------------------------------------------------------------------------


def test_html_main_text_and_page_metadata(tmp_path):
    page = HTML.replace(
        "<head>",
        "<head><meta property='article:published_time' content='2020-02-03T10:00:00Z'>"
        "<meta property='og:site_name' content='The Gazette'>",
    )
    (s,) = read_paths([_write(tmp_path / "p.html", page)]).sources
    assert (
        "The council voted on Tuesday" in s.raw
        and "Home | News" not in s.raw
        and "Copyright" not in s.raw
    )
    assert (s.title, s.published, s.outlet) == ("Budget passes", dt.date(2020, 2, 3), "The Gazette")


def test_html_sidecar_wins_over_the_page(tmp_path):
    f = _write(tmp_path / "p.htm", HTML, {"title": "From sidecar", "published": "2019-09-09"})
    (s,) = read_paths([f]).sources
    assert (s.title, s.published) == ("From sidecar", dt.date(2019, 9, 9))


@pytest.mark.parametrize(
    "declaration",
    [
        "<meta charset='iso-8859-1'>",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
    ],
)
def test_html_declared_charset_is_honoured(tmp_path, declaration):
    page = HTML.replace("<head>", "<head>" + declaration).replace("mayor", "maire é")
    (s,) = read_paths([_write(tmp_path / "l1.html", page.encode("latin-1"))]).sources
    assert "maire é" in s.raw


@pytest.mark.parametrize(
    "name, content, kind",
    [("story.dat", HTML, "html"), ("story.dat", BODY, "text"), ("README", "<" + BODY, "text")],
)
def test_unknown_extension_is_sniffed(tmp_path, name, content, kind):
    (s,) = read_paths([_write(tmp_path / name, content)]).sources
    assert (s.raw == content) == (kind == "text")


# --- JSON Lines ---------------------------------------------------------------------------------


def test_jsonl_records_and_each_bad_line(tmp_path):
    lines = [
        json.dumps({"id": 7, "outlet": "X", "published": "2020-01-01", "text": BODY}),
        "{broken",
        json.dumps(["a list"]),
        json.dumps({"id": "n", "title": "no body"}),
        json.dumps(
            {"id": "h", "html": HTML.replace("mayor", "deputy mayor"), "published": "2020-01-02"}
        ),
        "",
        json.dumps({"id": "short", "text": "Too short."}),
        json.dumps({"id": "num", "text": 12}),
        json.dumps({"id": "u", "url": "https://x.test/u", "text": OTHER}),
    ]
    f = _write(tmp_path / "d.ndjson", "\n".join(lines))
    result = read_paths([f])
    assert [(s.input_id, s.path, s.published) for s in result.sources] == [
        ("7", str(f), dt.date(2020, 1, 1)),
        ("h", str(f), dt.date(2020, 1, 2)),
        ("u", str(f), None),
    ]
    assert (
        result.sources[1].title == "Budget passes" and result.sources[2].url == "https://x.test/u"
    )
    reasons = {s.path: s.reason for s in result.skipped}
    assert list(reasons) == [f"{f}:2", f"{f}:3", f"{f}:4", f"{f}:7", f"{f}:8"]
    assert "not valid JSON" in reasons[f"{f}:2"] and "found an array" in reasons[f"{f}:3"]
    assert "neither 'text' nor 'html'" in reasons[f"{f}:4"] and "only 2 words" in reasons[f"{f}:7"]
    assert "'text' should be a string, found a number" in reasons[f"{f}:8"]


def test_jsonl_lines_end_at_newlines_only(tmp_path):
    record = json.dumps({"id": "sep", "text": BODY + "\u2028" + OTHER}, ensure_ascii=False)
    f = _write(tmp_path / "d.jsonl", record + "\r\n" + json.dumps({"text": OTHER}) + "\r\n")
    result = read_paths([f])
    assert [s.input_id for s in result.sources] == ["sep", None] and not result.skipped


def test_a_json_file_holding_an_array_of_records(tmp_path):
    f = _write(
        tmp_path / "d.json",
        json.dumps([{"id": "a", "text": BODY}, {"id": "b", "text": OTHER}], indent=2),
    )
    result = read_paths([f])
    assert [s.input_id for s in result.sources] == ["a", "b"] and not result.skipped
    empty = _write(tmp_path / "e.json", "[]")
    assert "no records" in _only_skip(read_paths([empty])).reason


def test_jsonl_with_no_json_at_all_is_one_skip(tmp_path):
    f = _write(tmp_path / "d.jsonl", BODY)
    assert "not JSON Lines" in _only_skip(read_paths([f])).reason


def test_jsonl_lone_surrogates_are_replaced(tmp_path):
    f = _write(tmp_path / "d.jsonl", json.dumps({"title": "bad \ud800", "text": BODY + " \ud800"}))
    (s,) = read_paths([f]).sources
    assert "\ufffd" in s.raw and s.title == "bad \ufffd"
    s.raw.encode("utf-8")


# --- bad input ----------------------------------------------------------------------------------

_ZIP = io.BytesIO()
with zipfile.ZipFile(_ZIP, "w") as _z:
    _z.writestr("a.txt", BODY)

BAD = {
    "empty.txt": (b"", "empty file (0 bytes)"),
    "blank.txt": (b"  \n\n\t ", "only whitespace"),
    "nul.txt": (b"abc\x00def " * 20, "NUL bytes"),
    "control.txt": (b"a\x01\x02\x03\x04b " * 50, "control bytes"),
    "doc.pdf": (b"%PDF-1.4\n" + BODY.encode(), "PDF"),
    "doc.txt": (_ZIP.getvalue(), "ZIP"),
    "doc.txt.gz": (gzip.compress(BODY.encode()), "gzip"),
    "pic.png": (b"\x89PNG\r\n\x1a\n" + b"x" * 100, "PNG"),
    "pic.jpg": (b"\xff\xd8\xff\xe0" + b"x" * 100, "JPEG"),
    "latin1.txt": (
        BODY.replace("mayor", "maire é").encode("latin-1"),
        "not valid UTF-8 (invalid byte 0xe9 at offset",
    ),
    "big.txt": ((BODY + "\n") * 100, "too big"),
    "nothing.html": ("<html><body><script>var a = 1;</script></body></html>", "no article text"),
    "oneline.txt": ("Just one line of text here, nothing more.", "only 8 words in one sentence"),
    "few.txt": ("Breaking news.\nMore soon.\nStay tuned.", "only 6 words in 3 lines"),
}


def test_a_one_sentence_lede_is_an_article(tmp_path):
    lede = (
        "Vice President Mike Pence said Sunday that the federal judge who halted the ban made the "
        "wrong decision and vowed to use all legal means at the administration's disposal to reinstate it."
    )
    result = read_paths(
        [_write(tmp_path / "lede.jsonl", json.dumps({"id": "a", "text": lede}) + "\n")]
    )
    assert [s.raw for s in result.sources] == [lede] and not result.skipped


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_input_is_one_skip_and_the_rest_survives(tmp_path, name):
    content, expected = BAD[name]
    bad, good = _write(tmp_path / name, content), _write(tmp_path / "good.txt", BODY)
    result = read_paths([bad, good], max_bytes=5000)
    skip = _only_skip(result)
    assert skip.path == str(bad) and expected in skip.reason and ";" in skip.reason
    assert [s.path for s in result.sources] == [str(good)]


def test_a_missing_path_is_one_skip(tmp_path):
    result = read_paths([tmp_path / "missing.txt", _write(tmp_path / "good.txt", BODY)])
    assert (
        _only_skip(result).reason.startswith("no such file or folder") and len(result.sources) == 1
    )


def test_a_folder_mixing_good_and_bad_files(tmp_path):
    for name, (content, _) in BAD.items():
        _write(tmp_path / "in" / "bad" / name, content)
    _write(tmp_path / "in" / "b.txt", OTHER, {"outlet": "B"})
    _write(tmp_path / "in" / "a" / "x.html", HTML)
    _write(tmp_path / "in" / ".hidden.txt", BODY + " Hidden.")
    _write(tmp_path / "in" / ".git" / "c.txt", BODY + " In a hidden folder.")
    _write(
        tmp_path / "in" / "z.jsonl",
        json.dumps({"id": 1, "text": BODY + " From JSON."}) + "\n{bad\n",
    )
    result = read_paths([tmp_path / "in"], max_bytes=5000)
    root = tmp_path / "in"
    assert [s.path for s in result.sources] == [
        str(root / "a/x.html"),
        str(root / "b.txt"),
        str(root / "z.jsonl"),
    ]
    assert result.sources[1].outlet == "B"
    expected = [str(root / "bad" / n) for n in BAD] + [f"{root}/z.jsonl:2"]
    assert sorted(k.path for k in result.skipped) == sorted(expected)


def test_sidecars_given_explicitly_are_read_with_their_article(tmp_path):
    a = _write(tmp_path / "a.txt", BODY, {"outlet": "A"})
    orphan = _write(tmp_path / "gone.txt.meta.json", "{}")
    result = read_paths(sorted(tmp_path.iterdir()))
    assert [s.outlet for s in result.sources] == ["A"] and str(a) == result.sources[0].path
    assert _only_skip(result).path == str(orphan)


# --- the bundled example ------------------------------------------------------------------------


def test_example_story_is_bundled():
    result = example_sources()
    assert not result.skipped and not result.warnings
    ap, rt = result.sources
    assert (ap.published, rt.published) == (dt.date(2018, 5, 14), dt.date(2018, 5, 15))
    assert ap.outlet.startswith("Associated Press") and rt.outlet.startswith("Reuters")
    assert [s.path for s in result.sources] == [
        "examples/zte-2018/000_1f1a08a87425891d.txt",
        "examples/zte-2018/001_85bcce866b36247b.txt",
    ]
    folder = resources.files("newsweave").joinpath("data", "examples", "zte-2018")
    for s in result.sources:
        assert s.raw == folder.joinpath(s.path.rsplit("/", 1)[1]).read_bytes().decode("utf-8")
        assert s.id == source_id(s.raw)


# --- never raise --------------------------------------------------------------------------------


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.text(max_size=400).map(str.encode),
        st.sampled_from(
            [b"<html><body><p>", b'{"text": "', b"[1,", b"\xef\xbb\xbf", b"\xff\xfe"]
        ).flatmap(lambda head: st.binary(max_size=200).map(lambda tail: head + tail)),
    ),
    st.sampled_from([".txt", ".html", ".jsonl", ".json", "", ".bin"]),
)
def test_random_bytes_never_raise(tmp_path, data, suffix):
    f = tmp_path / f"x{suffix}"
    f.write_bytes(data)
    result = read_paths([f])
    assert len(result.sources) + len(result.skipped) >= 1
