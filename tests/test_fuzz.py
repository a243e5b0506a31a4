"""The standing fuzz suite: every parser newsweave owns or wraps, fed mutated and random inputs.

Each parser gets valid seed documents built here (HTML, feeds, JSON Lines, CSV, WARC, sidecars,
gzip), mutated by byte flips, cuts, deletions, repeats and insertions of quote marks, NULs, huge
numbers, entity declarations, bad UTF-8 and odd Unicode, or replaced by random bytes. Every input
must end as processed (records) or skipped with a reason; nothing raises. Text stages (clean,
dates, numbers, quote finding) must report offsets that slice back inside the text.

Seeded (`derandomize=True`, no example database; a failure prints the input, and an input that
once failed is kept as an `@example`). `PLAN` is the number of inputs each test runs; each test
counts the inputs it really ran and fails below its share, and the plan totals at least 10,000
inputs a run. Set NEWSWEAVE_FUZZ_COUNTS=FILE to append the counts (JSON lines).
"""

from __future__ import annotations

import atexit
import csv
import datetime as dt
import gzip
import io
import json
import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsweave.clean import clean_text, paragraph_spans
from newsweave.extract.dates import find_dates, resolve
from newsweave.extract.numbers import find_numbers
from newsweave.ingest import read_paths
from newsweave.ingest.decode import Unusable, decode
from newsweave.ingest.feeds import feed_records
from newsweave.ingest.formats import html_article, jsonl_records, kind_of
from newsweave.ingest.gz import read_gzip
from newsweave.ingest.meta import MetaProblem, clean_meta, parse_published, read_meta_file
from newsweave.ingest.tabular import csv_records
from newsweave.ingest.warc import warc_records
from newsweave.models import Source
from newsweave.quotes.finder import find_quote_spans, mark_directions

PLAN = {
    "html": 400,
    "feed": 1000,
    "jsonl": 1500,
    "csv": 1200,
    "warc": 400,
    "sidecar": 800,
    "gzip": 500,
    "decode": 1000,
    "read_paths": 300,
    "clean": 800,
    "dates": 1000,
    "numbers": 1000,
    "quotes": 1000,
}
RAN: Counter[str] = Counter()
_TMP = Path(tempfile.mkdtemp(prefix="newsweave-fuzz-"))
atexit.register(shutil.rmtree, _TMP, True)


def _settings(name: str):
    return settings(
        max_examples=PLAN[name],
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )


def _finish(name: str) -> None:
    """Fail when fewer inputs ran than planned; report the count."""
    ran, RAN[name] = RAN[name], 0
    if os.environ.get("NEWSWEAVE_FUZZ_COUNTS"):
        with open(os.environ["NEWSWEAVE_FUZZ_COUNTS"], "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"parser": name, "inputs": ran}) + "\n")
    assert ran >= PLAN[name], f"{name}: only {ran} inputs ran, {PLAN[name]} planned"


# --- seeds -----------------------------------------------------------------------------------
BODY = (
    'The council approved the plan on Tuesday, officials said. "We have waited 12 years for this," '
    "Mayor Ana Ruiz told reporters. The $1.2 billion project will add 3,400 homes by March 2027, "
    "according to the city. Critics said the cost was about 40% higher than first estimated."
)
HTML_SEED = (
    f'<!doctype html><html><head><meta charset="utf-8"><title>Council approves plan</title>'
    f'<meta property="og:site_name" content="Daily Bugle"><meta name="date" content="2024-05-01">'
    f"</head><body><article><h1>Council approves plan</h1><p>{BODY}</p><p>{BODY}</p></article>"
    f"<footer>Subscribe now</footer></body></html>"
)
RSS_SEED = (
    f'<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
    f"<channel><title>Bugle</title><item><title>Plan &amp; vote</title><link>https://bugle.example/a</link>"
    f"<guid>a1</guid><pubDate>Tue, 30 Apr 2024 10:00:00 GMT</pubDate>"
    f"<content:encoded><![CDATA[<p>{BODY}</p><p>{BODY}</p>]]></content:encoded></item>"
    f"<item><title>Teaser</title><link>https://bugle.example/b</link><description>Short.</description></item>"
    f"</channel></rss>"
)
ATOM_SEED = (
    f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>B</title>'
    f"<entry><id>urn:x</id><title>Plan</title><updated>2024-05-01T00:00:00Z</updated>"
    f'<content type="html">&lt;p&gt;{BODY}&lt;/p&gt;</content></entry></feed>'
)
JSONL_SEED = (
    "\n".join(
        json.dumps(r)
        for r in [
            {
                "id": "a1",
                "outlet": "Bugle",
                "url": "https://bugle.example/a",
                "published": "2024-05-01",
                "title": "Plan",
                "text": BODY,
            },
            {
                "id": "a2",
                "outlet": "Star",
                "published": "2024-05-02T10:00:00Z",
                "html": f"<p>{BODY}</p><p>{BODY}</p>",
            },
            {"id": 3, "text": BODY.replace("council", "board"), "published": 20240501},
        ]
    )
    + "\n"
)


def _csv_seed(delimiter: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(["id", "outlet", "url", "published", "title", "text"])
    writer.writerow(
        ["1", "Bugle", "https://bugle.example/a", "2024-05-01", 'Plan, "approved"', BODY]
    )
    writer.writerow(
        ["2", "Star", "", "May 2, 2024", "Plan", BODY.replace('"', "'") + "\nSecond line."]
    )
    return out.getvalue()


def _warc_seed(compressed: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=compressed)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "fuzz"}))
    for uri, ctype in [
        ("https://bugle.example/a", "text/html; charset=utf-8"),
        ("https://bugle.example/i.png", "image/png"),
    ]:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                uri, "response", payload=io.BytesIO(HTML_SEED.encode()), http_headers=headers
            )
        )
    return out.getvalue()


SIDECAR_SEED = json.dumps(
    {
        "outlet": "Bugle",
        "url": "https://bugle.example/a",
        "published": "2024-05-01",
        "title": "Council approves plan",
    }
)
TEXT_SEEDS = [
    BODY + "\n\n" + BODY,
    "Advertisement\n\n" + BODY + "\n\nSubscribe to our newsletter.",
    "\u201cCurly,\u201d she said. \u00abGuillemets\u00bb and ``digraphs'' \u201eLow\u201c.\n\n"
    + BODY,
]
INSERTS = [
    b'"',
    "\u201c".encode(),
    "\u201d".encode(),
    b"``",
    b"''",
    b"\x00",
    b"9" * 400,
    b"1e999",
    b"-0",
    b"NaN",
    b"\xff\xfe",
    b"\xed\xa0\x80",
    b"\xc3",
    "\u202e\u200b\ufeff\U0001f600".encode(),
    "\u0301\u0301\u0301".encode(),
    b'<!ENTITY x "y">',
    b"&#0;",
    b"&#x110000;",
    b"&lol;",
    b"<![CDATA[",
    b"]]>",
    b"<script>alert(1)</script>",
    b"\r\n",
    b"\n\n",
    b"\t",
    b",",
    b";",
    b"{",
    b"}",
    b"[",
    b"]",
    b"\\u",
    b"<",
    b">",
    b"</p>",
    b"<div>" * 50,
    b"31/02/2024",
    b"year 99999",
    b"0000-00-00",
    b"WARC/1.0\r\n",
    b"\x1f\x8b",
]


@st.composite
def mutated(draw, seeds: list[bytes]) -> bytes:
    """A seed mutated 0-8 times: flips, cuts, deletions, repeats, insertions."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["flip", "cut", "delete", "repeat", "insert", "insert"]))
        if op == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[at:]
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 64))] * draw(st.integers(2, 20))
        else:
            data[at:at] = draw(st.sampled_from(INSERTS))
    return bytes(data)


def inputs(seeds: list[bytes]):
    """Mutated seeds (mostly) or fully random bytes."""
    return st.one_of(mutated(seeds), mutated(seeds), mutated(seeds), st.binary(max_size=3000))


def texts(seeds: list[bytes]):
    """Text inputs: mutated seeds decoded leniently, or random Unicode."""
    return st.one_of(
        mutated(seeds).map(lambda b: b.decode("utf-8", "replace")),
        mutated(seeds).map(lambda b: b.decode("utf-8", "replace")),
        st.text(max_size=1500),
    )


def _decoded(data: bytes, *, html: bool = False) -> str | None:
    try:
        return decode(data, html=html)
    except Unusable as exc:
        assert str(exc)
        return None


def _check_records(records, problems) -> None:
    for r in records:
        assert isinstance(r.text, str) and r.text.strip()
    for where, reason in problems:
        assert where and reason


# --- readers -----------------------------------------------------------------------------------
@_settings("html")
@given(inputs([HTML_SEED.encode(), b"<html><body><p>" + BODY.encode() + b"</p></body></html>"]))
def _html(data):
    RAN["html"] += 1
    text = _decoded(data, html=True)
    if text is None:
        return
    try:
        body, page = html_article(text)
    except Unusable as exc:
        assert str(exc)
        return
    assert isinstance(body, str) and isinstance(page, dict)


def test_html_reader_never_raises():
    _html()
    _finish("html")


@_settings("feed")
@given(inputs([RSS_SEED.encode(), ATOM_SEED.encode(), RSS_SEED.encode("utf-16")]))
@example(
    RSS_SEED.encode().replace(b"said the cost", b"said the\x01cost")
)  # found here: lxml refused the text
def _feed(data):
    RAN["feed"] += 1
    skipped, warnings = [], []
    try:
        records = feed_records(data, "f.rss", skipped, warnings)
    except Unusable as exc:
        assert str(exc)
        return
    _check_records(records, [(s.path, s.reason) for s in skipped])


def test_feed_reader_never_raises():
    _feed()
    _finish("feed")


@_settings("jsonl")
@given(
    inputs(
        [
            JSONL_SEED.encode(),
            json.dumps([json.loads(x) for x in JSONL_SEED.split("\n") if x]).encode(),
        ]
    ),
    st.sampled_from(["a.jsonl", "a.json", "a.ndjson"]),
)
def _jsonl(data, name):
    RAN["jsonl"] += 1
    _records_of(jsonl_records, data, name)


def test_jsonl_reader_never_raises():
    _jsonl()
    _finish("jsonl")


@_settings("csv")
@given(
    inputs([_csv_seed(",").encode(), _csv_seed("\t").encode(), _csv_seed(";").encode()]),
    st.sampled_from(["a.csv", "a.tsv"]),
)
def _csv(data, name):
    RAN["csv"] += 1
    _records_of(csv_records, data, name)


def _records_of(reader, data: bytes, name: str) -> None:
    """Decode the bytes and read them with a record reader (JSON Lines, CSV): every outcome is
    records, per-record problems, or one Unusable with a reason; never another exception."""
    text = _decoded(data)
    if text is None:
        return
    problems: list = []
    try:
        records = reader(text, name, problems)
    except Unusable as exc:
        assert str(exc)
        return
    _check_records(records, problems)


def test_csv_reader_never_raises():
    _csv()
    _finish("csv")


@_settings("warc")
@given(inputs([_warc_seed(False), _warc_seed(True)]))
def _warc(data):
    RAN["warc"] += 1
    path = _TMP / "crawl.warc"
    path.write_bytes(data)
    skipped, warnings = [], []
    try:
        records = list(warc_records(path, "crawl.warc", 1_000_000, skipped, warnings))
    except Unusable as exc:
        assert str(exc)
        return
    _check_records(records, [(s.path, s.reason) for s in skipped])


def test_warc_reader_never_raises():
    _warc()
    _finish("warc")


def _json_values():
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=40),
        st.sampled_from(
            [
                "99999-01-01",
                "0000-00-00",
                "1066-10-14",
                "2024-02-30",
                "Tue, 31 Feb 2024",
                "2024-05-01T25:61:00Z",
                "9" * 40,
                "-1",
                "\x00",
                "+275760-09-13",
            ]
        ),
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
        ),
        max_leaves=8,
    )


@_settings("sidecar")
@given(
    st.one_of(
        inputs([SIDECAR_SEED.encode()]),
        st.dictionaries(
            st.sampled_from(["outlet", "url", "published", "title", "x"]), _json_values()
        ).map(lambda d: json.dumps(d).encode()),
    )
)
def _sidecar(data):
    RAN["sidecar"] += 1
    path = _TMP / "a.txt.meta.json"
    path.write_bytes(data)
    try:
        meta = read_meta_file(path, "a.txt.meta.json")
    except MetaProblem as exc:
        assert str(exc)
        return
    warnings: list[str] = []
    out = clean_meta(meta, "a.txt", warnings)
    assert out["published"] is None or isinstance(out["published"], dt.date)
    parse_published(meta.get("published"), "a.txt", warnings)


def test_sidecar_reader_never_raises():
    _sidecar()
    _finish("sidecar")


@_settings("gzip")
@given(
    inputs(
        [
            gzip.compress(JSONL_SEED.encode()),
            gzip.compress(b"x" * 5000) + gzip.compress(JSONL_SEED.encode()),
        ]
    )
)
def _gzip(data):
    RAN["gzip"] += 1
    path = _TMP / "a.jsonl.gz"
    path.write_bytes(data)
    try:
        inflated = read_gzip(path, 4000)
    except Unusable as exc:
        assert str(exc)
        return
    assert len(inflated.data) <= 4000


def test_gzip_reader_never_raises():
    _gzip()
    _finish("gzip")


@_settings("decode")
@given(
    inputs(
        [
            HTML_SEED.encode(),
            HTML_SEED.encode("utf-16"),
            BODY.encode("latin-1", "replace"),
            ("\ufeff" + BODY).encode(),
            HTML_SEED.replace("utf-8", "windows-1252").encode("cp1252", "replace"),
        ]
    ),
    st.sampled_from(["a.txt", "a.html", "a", "a.xml", "a.warc", "a.jsonl.gz"]),
)
def _decode(data, name):
    RAN["decode"] += 1
    assert kind_of(name, data) in {"text", "html", "jsonl", "csv", "feed", "warc"}
    text = _decoded(data, html=name.endswith("html"))
    assert text is None or text.strip()


def test_decode_and_sniffing_never_raise():
    _decode()
    _finish("decode")


SUFFIXES = [".txt", ".html", ".jsonl", ".json", ".csv", ".rss", ".warc", ".jsonl.gz", ""]
ANY_SEEDS = [
    HTML_SEED.encode(),
    RSS_SEED.encode(),
    JSONL_SEED.encode(),
    _csv_seed(",").encode(),
    _warc_seed(False),
    gzip.compress(JSONL_SEED.encode()),
    TEXT_SEEDS[1].encode(),
]


@_settings("read_paths")
@given(
    inputs(ANY_SEEDS),
    st.sampled_from(SUFFIXES),
    st.one_of(st.none(), inputs([SIDECAR_SEED.encode()])),
)
def _read_paths(data, suffix, sidecar):
    RAN["read_paths"] += 1
    folder = Path(tempfile.mkdtemp(dir=_TMP))
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    if sidecar is not None:
        (folder / f"input{suffix}.meta.json").write_bytes(sidecar)
    result = read_paths([folder])
    handled = len(result.sources) + len(result.skipped) + len(result.duplicates)
    assert handled >= 1, "an input neither read nor skipped"
    assert all(s.reason for s in result.skipped)
    for source in result.sources:
        assert source.raw.strip() and source.id
        clean_text(source.raw)


def test_read_paths_ends_with_sources_or_skipped():
    _read_paths()
    _finish("read_paths")


# --- text stages ---------------------------------------------------------------------------
TEXT_BYTES = [t.encode() for t in TEXT_SEEDS]


@_settings("clean")
@given(texts(TEXT_BYTES))
def _clean(raw):
    RAN["clean"] += 1
    text, removed = clean_text(raw)
    for r in removed:
        assert 0 <= r.start <= r.end <= len(raw)
    for start, end in paragraph_spans(text):
        assert 0 <= start <= end <= len(text)


def test_clean_never_raises_and_offsets_are_inside():
    _clean()
    _finish("clean")


DATE_SEEDS = [
    t.encode()
    for t in [
        "On Tuesday, May 1, 2024, and again last week; by March 2027; in the 1990s; 3-5 June; 12/31/2023.",
        "Next year, two days ago, early next month, the weekend, 99999 BC, 0000-00-00, 1066, 2024-02-30.",
    ]
]
PUBLISHED = st.one_of(
    st.none(), st.dates(), st.sampled_from([dt.date.min, dt.date.max, dt.date(1, 1, 31)])
)


@_settings("dates")
@given(texts(DATE_SEEDS + TEXT_BYTES), PUBLISHED)
def _dates(text, published):
    RAN["dates"] += 1
    for m in find_dates(text, "s", published):
        assert 0 <= m.span.start <= m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.text
    resolve(text[:60], published)


def test_dates_never_raise_and_spans_slice_back():
    _dates()
    _finish("dates")


NUMBER_SEEDS = [
    t.encode()
    for t in [
        "$1.2 billion, 3,400 homes, 40%, between 10 and 20 people, 1e999 tons, 12-15 km, three million.",
        "99999999999999999999999999999999999999 dollars, 0.000000001%, -0 degrees, 1,2,3,4,5, nine hundred.",
    ]
]


@_settings("numbers")
@given(texts(NUMBER_SEEDS + TEXT_BYTES))
def _numbers(text):
    RAN["numbers"] += 1
    for m in find_numbers(text, "s"):
        assert 0 <= m.span.start <= m.span.end <= len(text)
        assert text[m.span.start : m.span.end] == m.text


def test_numbers_never_raise_and_spans_slice_back():
    _numbers()
    _finish("numbers")


@_settings("quotes")
@given(texts(TEXT_BYTES + [b'"a," "b "c" d" \xe2\x80\x9c\n\n"e']))
def _quotes(raw):
    RAN["quotes"] += 1
    text, removed = clean_text(raw)
    warnings: list[str] = []
    directions = mark_directions(Source(id="s", raw=raw, text=text, removed=removed))
    for q in find_quote_spans(text, warnings, directions):
        assert 0 <= q.start < q.end <= len(text)


def test_quote_finder_never_raises_and_spans_are_inside():
    _quotes()
    _finish("quotes")


def test_the_plan_runs_at_least_ten_thousand_inputs():
    assert sum(PLAN.values()) >= 10_000
