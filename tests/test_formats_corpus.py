"""Ingest of corpus formats: CSV/TSV, WARC web archives, gzip-compressed JSON Lines and CSV.

Every fixture is built here, in tmp_path: WARC files with warcio's own writer (gzip and not).
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import gzip
import io
import json
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsweave.ingest import read_paths
from newsweave.ingest.formats import kind_of

PORT = (
    "The port authority said on Monday that it would close two of its oldest container terminals by the "
    "end of next year, cutting about four hundred jobs. The board approved the plan after months of talks.\n\n"
    "Union leaders called the decision a betrayal and said they would ask the city council to block it. "
    '"We were told these terminals had a future," said one shop steward.\n\n'
    "The authority said traffic would move to the new deep-water quay, which opened in March."
)
FIRE = (
    "A wildfire that began in the hills above the town on Saturday had burned more than three thousand acres "
    "by Sunday evening, officials said. About two hundred homes were evacuated as a precaution.\n\n"
    "Fire crews from four counties worked through the night as the wind turned, the fire chief told reporters. "
    "No injuries had been reported.\n\n"
    "Schools in the valley will stay closed on Monday, the district said in a statement."
)
TRAIN = (
    "The national rail operator will raise fares by an average of four percent from January, the transport "
    "ministry announced on Thursday, the largest rise in a decade.\n\n"
    "Commuter groups said the increase would hit workers who had no other way to reach the capital. "
    "The ministry said the money would pay for new signalling on the busiest lines.\n\n"
    "Season tickets will rise by less than single fares, the operator said."
)


def _page(body: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<html><head><title>{body.split(' ', 4)[1].title()} news</title>{head}</head><body>"
        f"<nav>Home | World | Sport</nav><article>{paragraphs}</article>"
        "<footer>Copyright 2024 Example Media</footer></body></html>"
    )


def _write(path, data):
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def _reasons(result):
    return {k.path: k.reason for k in result.skipped}


# --- WARC ---------------------------------------------------------------------------------------


class Warc:
    """A WARC file written with warcio; `offsets` are the record starts, as warcio reports them."""

    def __init__(self, path, gzip=True):
        self.path, self.fh = path, open(path, "wb")  # noqa: SIM115 (closed in close())
        self.writer, self.ids, self.offsets = WARCWriter(self.fh, gzip=gzip), {}, []
        self._write(self.writer.create_warcinfo_record(path.name, {"software": "newsweave-tests"}))

    def response(
        self, uri, body, status="200 OK", content_type="text/html; charset=utf-8", request=True
    ):
        if request:
            http = StatusAndHeaders(
                f"GET {uri} HTTP/1.1", [("Host", "news.test")], is_http_request=True
            )
            self._write(
                self.writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b""), http_headers=http
                )
            )
        data = body.encode("utf-8") if isinstance(body, str) else body
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = self.writer.create_warc_record(
            uri, "response", payload=io.BytesIO(data), http_headers=http
        )
        self.ids[uri] = record.rec_headers.get_header("WARC-Record-ID")
        self._write(record)
        return self

    def metadata(self, uri):
        self._write(
            self.writer.create_warc_record(
                uri,
                "metadata",
                payload=io.BytesIO(b"outlink: https://x.test/"),
                warc_content_type="application/warc-fields",
            )
        )
        return self

    def _write(self, record):
        self.offsets.append(self.fh.tell())
        self.writer.write_record(record)

    def close(self):
        self.fh.close()
        return self.path


def _crawl(path, gzip=True):
    dated = "<meta property='article:published_time' content='2024-03-04T08:00:00Z'>"
    return (
        Warc(path, gzip)
        .response(
            "https://news.test/port",
            _page(PORT, dated + "<meta property='og:site_name' content='Harbour Times'>"),
        )
        .response(
            "https://news.test/logo.png",
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 50,
            content_type="image/png",
        )
        .response("https://news.test/fire", _page(FIRE))
        .response("https://news.test/gone", _page(TRAIN), status="404 Not Found")
        .response("https://news.test/old", b"", status="301 Moved Permanently", request=False)
        .metadata("https://news.test/fire")
    )


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_warc_html_responses_are_articles_and_the_rest_is_one_warning(tmp_path, compressed):
    warc = _crawl(tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc"), compressed)
    f = warc.close()
    result = read_paths([f])
    assert [(s.url, s.input_id, s.path) for s in result.sources] == [
        ("https://news.test/port", warc.ids["https://news.test/port"], str(f)),
        ("https://news.test/fire", warc.ids["https://news.test/fire"], str(f)),
    ]
    port, fire = result.sources
    assert port.raw.startswith("The port authority said") and "Home | World" not in port.raw
    assert (port.published, port.outlet) == (dt.date(2024, 3, 4), "Harbour Times")
    assert fire.published is None  # the crawl date (WARC-Date) is not a publication date
    assert fire.outlet == "news.test"  # the page names no site: its host
    assert not result.skipped
    assert result.warnings == [
        f"{f}: 9 records are not article pages (4 request records, 1 warcinfo record, "
        "1 non-HTML response, 1 4xx response, 1 redirect, 1 metadata record) "
        "and were passed over"
    ]


def test_a_warc_page_with_no_article_is_skipped_by_its_url(tmp_path):
    stub = "<html><body><script>var a = 1;</script></body></html>"
    f = (
        Warc(tmp_path / "c.warc.gz")
        .response("https://news.test/stub", stub)
        .response("https://news.test/fire", _page(FIRE))
        .close()
    )
    result = read_paths([f])
    assert [s.url for s in result.sources] == ["https://news.test/fire"]
    assert list(_reasons(result)) == [f"{f}#https://news.test/stub"]
    assert "no article text found" in result.skipped[0].reason and ";" in result.skipped[0].reason


def test_a_warc_page_decoded_by_its_http_charset(tmp_path):
    page = _page(FIRE.replace("fire chief", "chef des pompiers é")).encode("latin-1")
    f = (
        Warc(tmp_path / "c.warc")
        .response("https://news.test/fr", page, content_type="text/html; charset=ISO-8859-1")
        .close()
    )
    (s,) = read_paths([f]).sources
    assert "chef des pompiers é" in s.raw


def test_a_warc_page_decoded_by_its_meta_charset_else_utf8_with_replacement(tmp_path):
    meta = _page(FIRE.replace("fire chief", "chef é"), "<meta charset='windows-1252'>").encode(
        "cp1252"
    )
    bad = _page(PORT).encode().replace(b"shop steward", b"shop \xff steward")
    f = (
        Warc(tmp_path / "c.warc")
        .response("https://news.test/a", meta, content_type="text/html")
        .response("https://news.test/b", bad, content_type="text/html")
        .close()
    )
    a, b = read_paths([f]).sources
    assert "chef é" in a.raw and "shop \ufffd steward" in b.raw


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_cut_in_a_record_header_keeps_the_pages_before_the_break(tmp_path, compressed):
    warc = (
        Warc(tmp_path / "cut.warc", compressed)
        .response("https://news.test/port", _page(PORT))
        .response("https://news.test/fire", _page(FIRE))
    )
    f = warc.close()
    f.write_bytes(f.read_bytes()[: warc.offsets[-1] + 200])  # inside the last record's headers
    result = read_paths([f])
    assert [s.url for s in result.sources] == ["https://news.test/port"]
    ((where, reason),) = _reasons(result).items()
    assert where == f"{f}@{warc.offsets[-1]}"
    assert reason == (
        "the WARC file breaks off here: 200 bytes at the end are not a whole record (cut short?); "
        "the 1 article page before it was read, the rest is lost; download or copy it again"
    )


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_a_warc_cut_inside_a_page_skips_that_page(tmp_path, compressed):
    f = (
        Warc(tmp_path / "cut.warc", compressed)
        .response("https://news.test/port", _page(PORT))
        .response("https://news.test/fire", _page(FIRE))
        .close()
    )
    f.write_bytes(f.read_bytes()[:-150])
    result = read_paths([f])
    assert [s.url for s in result.sources] == ["https://news.test/port"]
    ((where, reason),) = _reasons(result).items()
    assert where == f"{f}#https://news.test/fire" and reason.startswith("the record is cut short: ")
    assert reason.endswith(
        "of its bytes are missing (the file ends early?); download or copy the file again"
    )


def test_a_warc_record_over_the_limit_is_skipped_but_the_file_is_not(tmp_path):
    huge = _page(TRAIN + "\n\n" + " ".join(["More words of the report."] * 400))
    f = (
        Warc(tmp_path / "big.warc.gz")
        .response("https://news.test/big", huge)
        .response("https://news.test/fire", _page(FIRE))
        .response("https://news.test/port", _page(PORT))
        .close()
    )
    limit = len(_page(FIRE).encode()) + 100
    assert f.stat().st_size > limit  # the whole-file cap does not apply to a WARC file
    result = read_paths([f], max_bytes=limit)
    assert [s.url for s in result.sources] == ["https://news.test/fire", "https://news.test/port"]
    assert _reasons(result) == {
        f"{f}#https://news.test/big": f"page too big: over {limit:,} bytes, the limit "
        "for one record; raise the limit to read it"
    }


def test_a_warc_with_no_article_pages_is_one_skip(tmp_path):
    f = (
        Warc(tmp_path / "only.warc.gz")
        .response("https://news.test/a.css", "body {}", content_type="text/css")
        .close()
    )
    result = read_paths([f])
    assert _reasons(result) == {
        str(f): "no article pages in it: 3 records (1 warcinfo record, 1 request record, "
        "1 non-HTML response), none an HTML page with a 2xx status; "
        "expected a crawl of article pages"
    }


def test_one_record_passed_over_is_one_warning(tmp_path):
    f = (
        Warc(tmp_path / "a.warc.gz")
        .response("https://news.test/fire", _page(FIRE), request=False)
        .close()
    )
    assert read_paths([f]).warnings == [
        f"{f}: 1 record is not an article page (1 warcinfo record) and was passed over"
    ]


def test_warcio_complaints_are_one_warning_not_stderr(tmp_path, capfd):
    f = (
        Warc(tmp_path / "a.warc", gzip=False)
        .response("https://news.test/fire", _page(FIRE))
        .close()
    )
    f.write_bytes(
        f.read_bytes().replace(b"Content-Length: 56\r\n", b"Content-Length: 50\r\n", 1)
    )  # the request
    result = read_paths([f])
    assert capfd.readouterr().err == ""
    assert any(
        "some records may be damaged (warcio: Record not followed by newline" in w
        for w in result.warnings
    )


def test_a_warc_is_sniffed_by_its_content_and_junk_named_warc_is_one_skip(tmp_path):
    plain = (
        Warc(tmp_path / "a.warc", gzip=False)
        .response("https://news.test/fire", _page(FIRE))
        .close()
    )
    packed = Warc(tmp_path / "b.warc.gz").response("https://news.test/port", _page(PORT)).close()
    sniffed, sniffed_gz = plain.rename(tmp_path / "crawl.dat"), packed.rename(tmp_path / "crawl.gz")
    junk = _write(tmp_path / "junk.warc", "hello world\n" + PORT)
    result = read_paths([sniffed, sniffed_gz, junk])
    assert [(s.path, s.url) for s in result.sources] == [
        (str(sniffed), "https://news.test/fire"),
        (str(sniffed_gz), "https://news.test/port"),
    ]
    ((where, reason),) = _reasons(result).items()
    assert where == f"{junk}@0" and reason.startswith("not readable as a WARC file: ")
    assert reason.endswith("expected a web archive (WARC/1.0 or 1.1) from a crawler")


def test_kind_of_uses_the_whole_file_name():
    assert [
        kind_of(n, b"")
        for n in ("a.warc.gz", "a.WARC", "a.jsonl.gz", "a.csv.gz", "a.tsv", ".html", "a.txt.gz")
    ] == ["warc", "warc", "jsonl", "csv", "csv", "html", "text"]
    assert kind_of("x.bin", b"WARC/1.1\r\n") == "warc"


# --- CSV / TSV ----------------------------------------------------------------------------------


def _csv(rows, delimiter=","):
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def test_csv_rows_are_records(tmp_path):
    f = _write(
        tmp_path / "a.csv",
        _csv(
            [
                ["id", "outlet", "url", "published", "title", "text"],
                ["p1", "Harbour Times", "https://x.test/p", "2024-03-04", "Port", PORT],
                ["f1", "Valley News", "", "2024-06-01T09:00:00Z", "", FIRE],
            ]
        ),
    )
    result = read_paths([f])
    assert [(s.input_id, s.outlet, s.url, s.published, s.title, s.raw) for s in result.sources] == [
        ("p1", "Harbour Times", "https://x.test/p", dt.date(2024, 3, 4), "Port", PORT),
        ("f1", "Valley News", None, dt.date(2024, 6, 1), None, FIRE),
    ]
    assert not result.skipped and not result.warnings


def test_csv_header_aliases_any_case(tmp_path):
    f = _write(
        tmp_path / "a.csv",
        _csv(
            [
                ["Article-ID", "Headline", "SOURCE", "Date", "Link", "Body", "extra"],
                ["9", "Fares", "Rail Daily", "2024-01-02", "https://x.test/r", TRAIN, "x"],
            ]
        ),
    )
    (s,) = read_paths([f]).sources
    assert (s.input_id, s.title, s.outlet, s.published, s.url, s.raw) == (
        "9",
        "Fares",
        "Rail Daily",
        dt.date(2024, 1, 2),
        "https://x.test/r",
        TRAIN,
    )


def test_csv_own_name_wins_over_an_alias_and_html_cells_are_pages(tmp_path):
    f = _write(
        tmp_path / "a.csv",
        _csv(
            [
                ["content", "text", "html", "id"],
                ["ignored words", PORT, "", "a"],
                ["", "", _page(FIRE), "b"],
            ]
        ),
    )
    a, b = read_paths([f]).sources
    assert (a.raw, b.input_id) == (PORT, "b") and b.raw.startswith("A wildfire")
    assert b.title == "Wildfire news"  # from the page


def test_csv_with_bom_semicolons_and_quoted_newlines(tmp_path):
    text = _csv(
        [["id", "title", "text"], ["a", "Port; news", PORT], ["b", "Fire", FIRE]], delimiter=";"
    )
    f = _write(tmp_path / "a.csv", codecs.BOM_UTF8 + text.encode())
    result = read_paths([f])
    assert [(s.input_id, s.title, s.raw) for s in result.sources] == [
        ("a", "Port; news", PORT),
        ("b", "Fire", FIRE),
    ]
    assert "\n\n" in result.sources[0].raw


def test_tsv_and_a_huge_field(tmp_path):
    # over csv's field limit (131,072), under the article cap (1,000,000 characters)
    huge = PORT + "\n\n" + " ".join(["The terminal also handled bulk grain."] * 20_000)
    assert len(huge) > csv.field_size_limit() or len(huge) > 131_072
    f = _write(
        tmp_path / "a.tsv", _csv([["id", "text"], ["big", huge], ["fire", FIRE]], delimiter="\t")
    )
    result = read_paths([f])
    assert [(s.input_id, len(s.raw)) for s in result.sources] == [
        ("big", len(huge)),
        ("fire", len(FIRE)),
    ]


def test_csv_bad_rows_are_skipped_one_by_one_by_spreadsheet_row(tmp_path):
    rows = [
        ["id", "outlet", "Body"],
        ["a", "X", PORT],
        ["b", "Y"],
        ["c", "Z", "Too short to be news."],
        ["d", "", ""],
        [],
        ["e", "W", FIRE, "", ""],
        ["f", "V", TRAIN, "surplus"],
    ]
    f = _write(tmp_path / "a.csv", _csv(rows))
    result = read_paths([f])
    assert [s.input_id for s in result.sources] == [
        "a",
        "e",
    ]  # row 2 spans 5 lines: rows are records
    assert _reasons(result) == {
        f"{f}:row 3": "2 fields where the header has 3; a delimiter or quote inside a cell needs the whole "
        "cell in double quotes",
        f"{f}:row 4": "only 5 words in one sentence; an article needs at least a few sentences (12+ words)",
        f"{f}:row 5": "no article: the 'Body' cell is empty; put the article text in it, or remove the row",
        f"{f}:row 8": "4 fields where the header has 3; a delimiter or quote inside a cell needs the whole "
        "cell in double quotes",
    }


EXPECTED = "id, outlet, url, published, title, and text (or body, content, article) or html"


@pytest.mark.parametrize(
    "content, reason",
    [
        (
            "name,age\nann,3\n",
            "no usable header row: its first row ('name', 'age') has no text or html column; "
            f"the first row should name the columns: {EXPECTED}",
        ),
        (
            "Port news,Fire news,Rail news\n" + PORT,
            "no usable header row: its first row ('Port news', 'Fire news', "
            f"'Rail news') has no text or html column; the first row should name the columns: {EXPECTED}",
        ),
        ("id,text\n\n", "a header row but no rows under it; expected one article a row"),
        (
            "\n\n",
            "empty file (only whitespace): expected article text; remove it or save the article into it",
        ),
    ],
)
def test_csv_with_no_usable_header_or_rows_is_one_skip(tmp_path, content, reason):
    f = _write(tmp_path / "a.csv", content)
    result = read_paths([f, _write(tmp_path / "b.txt", FIRE)])
    assert _reasons(result) == {str(f): reason} and [s.path for s in result.sources] == [
        str(tmp_path / "b.txt")
    ]


# --- gzip ---------------------------------------------------------------------------------------


def _jsonl(*texts):
    return "".join(json.dumps({"id": str(i), "text": t}) + "\n" for i, t in enumerate(texts))


def test_gzip_jsonl_and_csv(tmp_path):
    j = _write(tmp_path / "a.jsonl.gz", gzip.compress(_jsonl(PORT, FIRE).encode()))
    n = _write(tmp_path / "b.ndjson.gz", gzip.compress(_jsonl(TRAIN).encode()))
    c = _write(
        tmp_path / "c.csv.gz",
        gzip.compress(_csv([["id", "text"], ["x", PORT + " Again."]]).encode()),
    )
    result = read_paths([j, n, c])
    assert [(s.path, s.input_id) for s in result.sources] == [
        (str(j), "0"),
        (str(j), "1"),
        (str(n), "0"),
        (str(c), "x"),
    ]
    assert not result.skipped and not result.warnings


def test_gzip_members_one_after_another_and_an_uncompressed_file_named_gz(tmp_path):
    two = _write(
        tmp_path / "a.jsonl.gz",
        gzip.compress(_jsonl(PORT).encode())
        + gzip.compress(_jsonl(FIRE).replace('"0"', '"1"').encode()),
    )
    plain = _write(tmp_path / "b.jsonl.gz", _jsonl(TRAIN))
    result = read_paths([two, plain])
    assert [(s.path, s.input_id) for s in result.sources] == [
        (str(two), "0"),
        (str(two), "1"),
        (str(plain), "0"),
    ]


def test_a_gzip_bomb_is_refused_without_filling_memory(tmp_path):
    packer, parts = zlib.compressobj(9, zlib.DEFLATED, 31), []
    zeros = b"\x00" * 1_000_000
    parts = [packer.compress(zeros) for _ in range(100)] + [packer.flush()]
    f = _write(tmp_path / "bomb.jsonl.gz", b"".join(parts))
    good = _write(tmp_path / "good.jsonl", _jsonl(PORT))
    result = read_paths([f, good], max_bytes=100_000)
    assert f.stat().st_size < 200_000 and [s.path for s in result.sources] == [str(good)]
    assert _reasons(result) == {
        str(f): "decompresses to more than 100,000 bytes, the limit (a gzip bomb, or too "
        "many articles in one file); split it into smaller files or raise the limit"
    }


def test_a_cut_gzip_jsonl_keeps_its_whole_lines(tmp_path):
    data = gzip.compress(_jsonl(PORT, FIRE, TRAIN).encode())
    f = _write(tmp_path / "cut.jsonl.gz", data[:-40])
    result = read_paths([f])
    assert [s.input_id for s in result.sources] == ["0", "1"]
    ((where, reason),) = _reasons(result).items()
    assert where == str(f) and reason == (
        f"the gzip data ends early at byte {len(data) - 40:,} (the file is cut "
        "short?); the records before it were read, the rest is lost"
    )


def test_other_gzip_files_are_still_refused(tmp_path):
    f = _write(tmp_path / "notes.txt.gz", gzip.compress(PORT.encode()))
    assert "binary file (a gzip archive)" in _reasons(read_paths([f]))[str(f)]


# --- never raise --------------------------------------------------------------------------------


def _real_warc(tmp_path, gzip):
    return (
        Warc(tmp_path / "seed", gzip)
        .response("https://news.test/fire", _page(FIRE))
        .close()
        .read_bytes()
    )


@st.composite
def _garbled(draw, seed):
    data = bytearray(draw(st.sampled_from(seed)))
    for _ in range(draw(st.integers(0, 4))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    return bytes(data[: draw(st.integers(0, len(data)))])


def test_garbled_csv_and_warc_never_raise(tmp_path):
    seeds = [
        _real_warc(tmp_path, True),
        _real_warc(tmp_path, False),
        gzip.compress(_jsonl(PORT).encode()),
        _csv([["id", "Title", "text"], ["a", "b", PORT], ['"x', "y"]]).encode(),
    ]
    inputs = st.one_of(
        _garbled(seeds),
        st.binary(max_size=300),
        st.text(max_size=300).map(str.encode),
        st.sampled_from([b"WARC/1.0\r\n", b'text\n"', b"\x1f\x8b", b"id;text\n"]).flatmap(
            lambda head: st.binary(max_size=200).map(lambda tail: head + tail)
        ),
    )

    @settings(
        max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(
        inputs,
        st.sampled_from([".csv", ".tsv", ".warc", ".warc.gz", ".jsonl.gz", ".csv.gz", ".dat"]),
    )
    def check(data, suffix):
        f = tmp_path / f"x{suffix}"
        f.write_bytes(data)
        result = read_paths([f], max_bytes=2000)
        assert len(result.sources) + len(result.skipped) >= 1

    check()


# --- through the pipeline -----------------------------------------------------------------------


def test_a_folder_of_warc_and_csv_is_briefed(tmp_path, pipeline):
    folder = tmp_path / "story"
    folder.mkdir()
    _crawl(folder / "crawl.warc.gz").close()  # the port page is dated, the fire page is not
    _write(
        folder / "wire.csv",
        _csv([["id", "outlet", "text"], ["w1", "Wire", PORT.replace("Monday", "Tuesday")]]),
    )
    brief = pipeline.brief_paths([folder])  # a fact shared by a dated and an undated source
    assert sorted((s.outlet, s.path.rsplit("/", 1)[1]) for s in brief.sources) == [
        ("Harbour Times", "crawl.warc.gz"),
        ("Wire", "wire.csv"),
        ("news.test", "crawl.warc.gz"),
    ]
    assert not brief.skipped and len(brief.warnings) == 1
